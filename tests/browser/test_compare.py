"""Compare in real headless Chromium: open a comparison from a link, read what tells the
causes apart, and reopen the same comparison from the copied link."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlencode, urlsplit

from playwright.sync_api import Page, expect

from causes.compare import EXAMPLE, compare, distinguishing_sentences
from causes.view import View
from tests.browser.conftest import must_not_happen, wait_idle, watch
from tests.support.bundled import bundled_table

TABLE = bundled_table()
BENIGN, ALS = EXAMPLE
PAIR = compare(TABLE, View(compare=EXAMPLE).positions(TABLE, "compare"))
SENTENCES = [s.text for s in distinguishing_sentences(TABLE, PAIR)]


def chosen_in_url(page: Page) -> list[str]:
    return parse_qs(urlsplit(page.url).query).get("compare", [])


def shows_the_comparison(page: Page) -> None:
    for name in (BENIGN, ALS):
        expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="What tells them apart")).to_be_visible()
    for sentence in SENTENCES:
        expect(page.get_by_text(sentence, exact=True)).to_be_visible()
    expect(page.get_by_text("Shared by both:")).to_have_count(4)  # symptoms, body areas, risk factors, what helps
    expect(page.get_by_role("figure", name=re.compile(r"^Dot chart of the symptoms of "))).to_be_visible()


def test_a_comparison_link_shows_both_and_reopens_from_the_copied_link(page: Page, server) -> None:
    # Names typed in any case, as a person might share them.
    page.goto(server.url + "/compare?" + urlencode([("compare", BENIGN.lower()), ("compare", ALS.upper())]))
    wait_idle(page)
    expect(page.get_by_role("heading", name="Compare causes", level=1)).to_be_visible()
    shows_the_comparison(page)
    # The address bar now holds the causes in the table's spelling.
    page.wait_for_url(lambda url: parse_qs(urlsplit(url).query).get("compare") == [BENIGN, ALS])
    link = page.url
    must_not_happen(page)

    other = watch(page.context.new_page())
    other.goto(link)
    wait_idle(other)
    shows_the_comparison(other)
    assert chosen_in_url(other) == [BENIGN, ALS]
    must_not_happen(other)


def test_try_the_example_then_add_a_cause(page: Page, server) -> None:
    page.goto(server.url + "/compare")
    wait_idle(page)
    page.get_by_role("button", name=f"Try: {BENIGN} vs {ALS}").click()
    wait_idle(page)
    shows_the_comparison(page)
    page.wait_for_url(lambda url: parse_qs(urlsplit(url).query).get("compare") == [BENIGN, ALS])

    page.get_by_role("combobox", name="Causes to compare").click()
    page.keyboard.type("Statins")
    page.get_by_role("option", name="Statins", exact=True).click()
    page.keyboard.press("Escape")
    wait_idle(page)
    expect(page.get_by_role("heading", name="Statins", exact=True)).to_be_visible()
    expect(page.get_by_text("Shared by all 3:")).to_have_count(4)
    page.wait_for_url(lambda url: parse_qs(urlsplit(url).query).get("compare") == [BENIGN, ALS, "Statins"])
    must_not_happen(page)


def test_unknown_names_in_a_link_are_dropped_with_a_notice(page: Page, server) -> None:
    page.goto(server.url + "/compare?" + urlencode([("compare", "Hiccups"), ("compare", "Statins")]))
    wait_idle(page)
    expect(page.get_by_text('This table has no cause called "Hiccups", so it was left out.')).to_be_visible()
    expect(page.get_by_text("Choose at least one more cause to compare with Statins.")).to_be_visible()
    page.wait_for_url(lambda url: parse_qs(urlsplit(url).query).get("compare") == ["Statins"])
    must_not_happen(page)
