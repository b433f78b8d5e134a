"""Explore in real headless Chromium: pick a symptom, see the count and list change,
open a cause, and reopen the same view from the link."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Page, expect

from causes import Query, count_line, run_query
from tests.browser.conftest import must_not_happen, wait_idle, watch

SYMPTOM = "twitching at rest"


def test_pick_a_symptom_open_a_cause_and_reopen_the_link(page: Page, server, bundled) -> None:
    page.goto(server.url + "/")
    wait_idle(page)
    expect(page.get_by_text(count_line(run_query(bundled, Query())), exact=True)).to_be_visible()

    symptoms = page.get_by_role("combobox", name="Symptoms")
    symptoms.click()
    page.keyboard.type(SYMPTOM)
    page.get_by_role("option", name=re.compile(rf"^{SYMPTOM} \(\d+\)$")).click()
    page.keyboard.press("Escape")
    wait_idle(page)

    ranked = run_query(bundled, Query(symptoms=(SYMPTOM,)))
    expect(page.get_by_text(count_line(ranked), exact=True)).to_be_visible()
    first = bundled.record(int(ranked.positions[0]))["cause"]
    expect(page.get_by_role("heading", name=f"1. {first}")).to_be_visible()
    assert parse_qs(urlsplit(page.url).query).get("symptom") == [SYMPTOM]

    page.get_by_role("button", name="Read the full explanation").first.click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("link", name=re.compile("^Source: "))).to_have_attribute(
        "href", bundled.record(int(ranked.positions[0]))["source_url"]
    )
    page.wait_for_url(re.compile(r"[?&]cause="))
    link = page.url
    must_not_happen(page)

    # The copied link reopens exactly that view, in a new tab.
    other = watch(page.context.new_page())
    other.goto(link)
    wait_idle(other)
    expect(other.get_by_role("dialog")).to_be_visible()
    expect(other.get_by_role("dialog").get_by_text(first).first).to_be_visible()
    other.keyboard.press("Escape")
    expect(other.get_by_role("dialog")).to_have_count(0)
    expect(other.get_by_text(count_line(ranked), exact=True)).to_be_visible()
    other.wait_for_url(lambda url: "cause=" not in url)
    assert parse_qs(urlsplit(other.url).query).get("symptom") == [SYMPTOM]
    must_not_happen(other)


def test_unknown_link_values_are_dropped_with_a_notice(page: Page, server, bundled) -> None:
    page.goto(server.url + "/?symptom=hiccups&symptom=twitching+at+rest")
    wait_idle(page)
    expect(page.get_by_text('This table has no symptom "hiccups", so it was left out.')).to_be_visible()
    expect(page.get_by_text(count_line(run_query(bundled, Query(symptoms=(SYMPTOM,)))), exact=True)).to_be_visible()
    must_not_happen(page)
