"""The warning-sign check in real headless Chromium, at desktop and phone width: a person
picks cramps and calves, says yes to the blood-clot question, and meets the urgent action
first, on this page and the next, until they clear it; their answer never reaches the URL."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from causes import Query, run_query
from causes.check import signs_to_ask
from causes.config import BUNDLED_TABLE
from causes.redflags import load_red_flags, with_safety_net
from tests.browser.conftest import click_and_rerun, must_not_happen, wait_idle, watch
from tests.support.bundled import bundled_table

TABLE = bundled_table()
FLAGS = load_red_flags(BUNDLED_TABLE.parent / "red_flags.csv")
SYMPTOM, AREA = "muscle cramps", "calves"
PICK = Query(symptoms=(SYMPTOM,), areas=(AREA,))
SIGNS = signs_to_ask(TABLE, run_query(TABLE, PICK), with_safety_net(FLAGS, ()), PICK)
CLOT = next(s for s in SIGNS if s.level == "urgent" and "one leg" in s.sign.casefold())
BREATHLESS = next(s for s in SIGNS if s.level == "emergency" and "breathless" in s.sign)
SHOTS = Path(os.environ.get("CAUSE_ATLAS_SHOTS", "test-results/warning-check"))
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(params=list(SIZES))
def sized(request, browser: Browser, server) -> Page:
    context = browser.new_context(viewport=SIZES[request.param], locale="en-GB", is_mobile=request.param == "phone")
    page = watch(context.new_page())
    page.set_default_timeout(20_000)
    page.size_name = request.param  # type: ignore[attr-defined]
    yield page
    context.close()


def pick(page: Page, box: str, term: str) -> None:
    page.get_by_role("combobox", name=box).click()
    page.keyboard.type(term)
    page.get_by_role("option", name=re.compile(rf"^{re.escape(term)} \(\d+\)$")).click()
    page.keyboard.press("Escape")
    wait_idle(page)


def say_yes(page: Page, sign: str) -> None:
    """Say yes to a question as a person does: tap it (a toggle button, pressed once yes)."""
    click_and_rerun(page, page.get_by_role("button", name=sign, exact=True))
    expect(page.get_by_role("button", name=sign, exact=True)).to_have_attribute("aria-pressed", "true")


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("document.querySelectorAll('*').forEach(e => { if (e.scrollTop) e.scrollTop = 0; })")
    page.screenshot(path=SHOTS / f"{page.size_name}-{name}.png")  # type: ignore[attr-defined]


def top_of(locator) -> float:
    box = locator.bounding_box()
    assert box is not None
    return box["y"]


def test_a_yes_to_the_clot_question_puts_the_urgent_action_first_on_every_page(sized: Page, server) -> None:
    page = sized
    page.goto(server.url + "/")
    wait_idle(page)
    expect(page.get_by_text("Before the causes: do any of these apply to you?")).to_have_count(0)  # nothing chosen
    pick(page, "Symptoms", SYMPTOM)
    if page.get_by_role("combobox", name="Body areas").is_hidden():
        page.get_by_text("More filters: body area").click()
    pick(page, "Body areas", AREA)

    panel = page.get_by_text("Before the causes: do any of these apply to you?")
    expect(panel).to_be_visible()
    clot = page.get_by_role("button", name=CLOT.sign, exact=True)
    # Most serious first: the emergency questions come before the urgent ones.
    assert top_of(page.get_by_role("button", name=BREATHLESS.sign, exact=True)) < top_of(clot)
    say_yes(page, CLOT.sign)

    card = (
        page.locator(".st-key-action-cards")
        .get_by_test_id("stAlertContentError")
        .filter(has_text="Urgent. Get help today")
    )
    expect(card).to_be_visible()
    expect(card).to_contain_text("call 111")  # the browser says en-GB
    expect(card).to_contain_text(f"You said: {CLOT.sign}. Why: {CLOT.why}.")
    # Above everything else on the page: the disclaimer strip, the title, the causes.
    assert top_of(card) < top_of(page.get_by_text("Education, not diagnosis.").first)
    assert top_of(card) < top_of(page.get_by_role("heading", name="Explore causes"))
    # And where the person is looking, under the question.
    expect(page.locator(".st-key-warning-check").get_by_text(f"Why: {CLOT.why}.")).to_be_visible()
    shot(page, "explore-clot-yes")
    # Health data: never in the link.
    assert CLOT.key not in page.url and "warn" not in page.url and "clot" not in page.url.casefold()

    # The next page the person opens shows it first too.
    if page.size_name == "phone":  # type: ignore[attr-defined]
        page.get_by_test_id("stExpandSidebarButton").click()  # a phone's menu holds the pages
    page.get_by_role("link", name="Overview", exact=True).click()
    wait_idle(page)
    if page.size_name == "phone":  # type: ignore[attr-defined]
        page.get_by_test_id("stSidebar").hover()
        page.get_by_test_id("stSidebarCollapseButton").click()  # close the menu again
    expect(page.get_by_role("heading", name="Overview", exact=True).first).to_be_visible()
    card = (
        page.locator(".st-key-action-cards")
        .get_by_test_id("stAlertContentError")
        .filter(has_text="Urgent. Get help today")
    )
    expect(card).to_be_visible()
    assert top_of(card) < top_of(page.get_by_text("Education, not diagnosis.").first)
    shot(page, "overview-card")

    # Until they clear it.
    page.get_by_role("button", name="Clear my answers").click()
    wait_idle(page)
    expect(
        page.locator(".st-key-action-cards")
        .get_by_test_id("stAlertContentError")
        .filter(has_text="Urgent. Get help today")
    ).to_have_count(0)
    must_not_happen(page)


def test_an_emergency_answer_comes_before_an_urgent_one_and_none_of_these_folds_the_panel(page: Page, server) -> None:
    page.goto(f"{server.url}/?symptom={SYMPTOM.replace(' ', '+')}&area={AREA}")
    wait_idle(page)
    say_yes(page, CLOT.sign)
    say_yes(page, BREATHLESS.sign)
    emergency = (
        page.locator(".st-key-action-cards").get_by_test_id("stAlertContentError").filter(has_text="Emergency. Call")
    )
    urgent = (
        page.locator(".st-key-action-cards")
        .get_by_test_id("stAlertContentError")
        .filter(has_text="Urgent. Get help today")
    )
    expect(emergency).to_contain_text("for an ambulance now")
    assert top_of(emergency) < top_of(urgent)

    click_and_rerun(page, page.get_by_role("button", name="Clear my answers"))
    click_and_rerun(page, page.get_by_role("button", name="None of these"))
    folded = page.get_by_text("Warning signs: you said none of these apply. Open to check again.")
    expect(folded).to_be_visible()
    # Cleared stays cleared: the boxes on the page were unticked too, so the next click
    # does not say yes again.
    expect(page.locator(".st-key-action-cards")).to_have_count(0)
    expect(page.get_by_role("button", name=CLOT.sign, exact=True)).to_be_hidden()
    # The causes are always there below.
    expect(page.get_by_role("heading", name=re.compile(r"^1\. "))).to_be_visible()
    folded.click()
    expect(page.get_by_role("button", name=CLOT.sign, exact=True)).to_be_visible()
    expect(page.get_by_role("button", name=CLOT.sign, exact=True)).to_have_attribute("aria-pressed", "false")
    must_not_happen(page)
