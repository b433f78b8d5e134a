"""The safety net in real headless Chromium on a phone (390 px): for each of the second
clinical review's five picks, and for a pick that matches nothing, the always-asked
emergency questions come first, in view and readable; the causes are listed (or the nearest
views offered, one tap from causes); and nothing must not happen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from causes import Query, count_line, run_query
from causes.check import asked_first, signs_to_ask
from causes.config import BUNDLED_TABLE
from causes.nearest import nearest_views
from causes.redflags import load_red_flags, with_safety_net
from tests.browser.conftest import must_not_happen, wait_idle, watch
from tests.support.bundled import bundled_table

TABLE = bundled_table()
FLAGS = with_safety_net(load_red_flags(BUNDLED_TABLE.parent / "red_flags.csv"), ())
ALWAYS = [f.sign for f in FLAGS if f.always]
SHOTS = Path(os.environ.get("CAUSE_ATLAS_SHOTS", "test-results/safety-net"))
PICKS = {
    "cramps-calves": Query(symptoms=("muscle cramps",), areas=("calves",)),
    "twitching-whole-body": Query(symptoms=("twitching at rest",), areas=("whole body",)),
    "spasms-feet": Query(symptoms=("muscle spasms",), areas=("feet and toes",)),
    "weakness-thighs": Query(symptoms=("muscle weakness",), areas=("thighs",)),
    "night-cramps-pregnancy": Query(symptoms=("cramps at night",), risks=("pregnancy or recent birth",)),
}
NO_MATCH = Query(symptoms=("bruising",), areas=("face and eyelids",))


@pytest.fixture
def phone(browser: Browser, server) -> Page:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = watch(context.new_page())
    page.set_default_timeout(20_000)
    yield page
    context.close()


def open_view(page: Page, server, query: Query) -> None:
    """Open a view's link and wait until it is drawn: its count, and the first question (a
    new page draws placeholders until its elements' scripts have loaded)."""
    params = "&".join(f"{k}={v}" for k, values in query.to_params().items() for v in values)
    page.goto(f"{server.url}/?{params}")
    wait_idle(page)
    expect(page.get_by_text(count_line(run_query(TABLE, query)), exact=True)).to_be_visible(timeout=30_000)
    expect(question(page, ALWAYS[0])).to_be_visible(timeout=30_000)


def question(page: Page, sign: str):
    """A yes/no question: a toggle button in its level's group in the check."""
    return page.locator(".st-key-warning-check").get_by_role("button", name=sign, exact=True)


def questions(page: Page) -> list[str]:
    """The yes/no questions shown, in order (not the switch to more of them)."""
    groups = page.locator(".st-key-warning-check [data-testid='stButtonGroup'] button")
    return [t.strip() for t in groups.all_inner_texts()]


@pytest.mark.parametrize("name", list(PICKS))
def test_each_review_pick_asks_the_always_asked_set_first_then_its_causes(phone: Page, server, name: str) -> None:
    query = PICKS[name]
    open_view(phone, server, query)
    shown = questions(phone)
    assert shown[: len(ALWAYS)] == ALWAYS  # first, in order
    first, later = asked_first(signs_to_ask(TABLE, run_query(TABLE, query), FLAGS, query))
    assert shown == [s.sign for s in first]  # then the best-matching causes' signs; the rest one switch away
    if later:
        expect(phone.get_by_text(f"Also check {len(later)} more sign{'s' if len(later) != 1 else ''}")).to_be_visible()
    for sign in ALWAYS:  # each question fits the phone: nothing cut off to the side
        box = question(phone, sign).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
        assert box["height"] >= 44  # a tap target
    SHOTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=SHOTS / f"{name}.png", full_page=True)
    must_not_happen(phone)


def test_a_pick_that_matches_nothing_still_asks_and_offers_the_nearest_views(phone: Page, server) -> None:
    open_view(phone, server, NO_MATCH)
    assert questions(phone)[: len(ALWAYS)] == ALWAYS
    expect(
        phone.get_by_text("No cause in this table is listed with bruising, in the face and eyelids.")
    ).to_be_visible()
    near = nearest_views(TABLE, NO_MATCH)
    first = phone.get_by_role("button", name=near[0].label())
    expect(first).to_be_visible()
    box = first.bounding_box()
    assert box is not None and box["height"] >= 44  # a tap target on a phone
    first.click()
    wait_idle(phone)
    expect(phone.get_by_text(count_line(run_query(TABLE, near[0].query)), exact=True)).to_be_visible()
    must_not_happen(phone)
