"""Links straight to a page work on a freshly started server, before anyone opened "/"."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import Server, wait_idle


@pytest.fixture
def fresh_server():
    s = Server()
    yield s
    s.stop()


@pytest.mark.parametrize(("path", "heading"), [("/about", "About this data"), ("/glossary", "Glossary")])
def test_a_page_link_opens_that_page_with_the_disclaimer(browser: Browser, fresh_server, path, heading) -> None:
    page = browser.new_page()
    try:
        page.goto(fresh_server.url + path)
        wait_idle(page)
        expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
        expect(page.get_by_text("Education, not diagnosis.")).to_be_visible()
        expect(page.get_by_role("button", name="When to get help")).to_be_visible()
        # must not happen: Streamlit's "page not found" dialog, or an old-style page list
        expect(page.get_by_text("Page not found")).to_have_count(0)
        expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
        expect(page.get_by_test_id("stException")).to_have_count(0)
    finally:
        page.close()


def test_filters_follow_a_person_from_page_to_page(page, server, bundled) -> None:
    from causes import Query, count_line, run_query

    expected = count_line(run_query(bundled, Query(symptoms=("twitching at rest",), areas=("calves",))))
    page.goto(server.url + "/?symptom=twitching+at+rest&area=calves")
    wait_idle(page)
    expect(page.get_by_text(expected, exact=True)).to_be_visible()
    page.get_by_role("link", name="Body map").click()
    page.wait_for_url("**/body**")
    wait_idle(page)
    expect(page.get_by_text(expected, exact=True)).to_be_visible()
    page.get_by_role("link", name="Explore").click()
    page.wait_for_url(lambda url: "/body" not in url)
    wait_idle(page)
    expect(page.get_by_text(expected, exact=True)).to_be_visible()
    assert "area=calves" in page.url and "symptom=twitching" in page.url
    expect(page.get_by_test_id("stException")).to_have_count(0)
