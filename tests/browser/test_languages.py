"""Two languages in real Chromium. A browser set to es-ES reads every page in Spanish, the
warning-sign check with a yes gives its action in Spanish with 112 to call, a slide reads
in Spanish, and the same link with `lang=en` reads in English; a phone in Spanish follows
an English presenter's live room in Spanish, and its vote counts with the English ones."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from causes import Query, i18n, run_query
from causes.check import signs_to_ask
from causes.config import BUNDLED_TABLE
from causes.deck import build_deck
from causes.live import NOTICED_QUESTION, noticed_poll
from causes.loader import load_cause_table
from causes.redflags import load_red_flags, with_safety_net
from causes.translation import edition_path, pair
from causes.view import View
from tests.browser.conftest import must_not_happen, wait_idle, watch
from tests.support.bundled import bundled_table

EN = bundled_table()
ES = load_cause_table(edition_path(BUNDLED_TABLE, "es"))
ES_FLAGS = load_red_flags(BUNDLED_TABLE.parent / "es" / "red_flags.csv")
PAIRING = pair(EN, ES, load_red_flags(BUNDLED_TABLE.parent / "red_flags.csv"), ES_FLAGS)
PICK = Query(symptoms=(PAIRING.term("symptoms", "muscle cramps"),), areas=(PAIRING.term("body_areas", "calves"),))
CLOT = next(
    s
    for s in signs_to_ask(ES, run_query(ES, PICK), with_safety_net(ES_FLAGS, ()), PICK)
    if s.level == "urgent" and s.always is False and "pierna" in s.sign.casefold()
)
SHOTS = Path(os.environ.get("CAUSE_ATLAS_SHOTS", "test-results/languages"))
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
DECK = ("Statins", "Tetanus", "Dehydration")


def es(message: str, context: str | None = None) -> str:
    with i18n.using("es"):
        return i18n.pgettext(context, message) if context else i18n._(message)


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"{name}.png", full_page=True)


@pytest.fixture(params=list(SIZES))
def spanish(request, browser: Browser, server) -> Page:
    phone = request.param == "phone"
    context = browser.new_context(viewport=SIZES[request.param], locale="es-ES", is_mobile=phone, has_touch=phone)
    page = watch(context.new_page())
    page.set_default_timeout(20_000)
    page.size_name = request.param  # type: ignore[attr-defined]
    yield page
    context.close()


def test_a_spanish_browser_reads_the_app_in_spanish_with_112(spanish: Page, server) -> None:
    page = spanish
    # A link with English terms, opened by a Spanish browser: the same view, in Spanish.
    page.goto(f"{server.url}/?symptom=muscle%20cramps&area=calves")
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"lang=es"))
    page.wait_for_function("document.documentElement.lang === 'es'")  # a screen reader reads it in Spanish
    expect(page.get_by_text(es("Education, not diagnosis."), exact=False).first).to_be_visible()
    # The warning-sign check, with a yes: its action in Spanish, 112 to call.
    page.get_by_role("button", name=CLOT.sign, exact=True).click()
    wait_idle(page)
    card = page.locator("[class*='st-key-action-']").first
    expect(card).to_contain_text(CLOT.sign)
    expect(page.get_by_text(re.compile(r"\b112\b")).first).to_be_visible()
    shot(page, f"{page.size_name}-explore-es")
    # A slide of the same view, in Spanish.
    page.goto(f"{server.url}/present?symptom=muscle%20cramps&slide=2")
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"lang=es"))
    expect(page.get_by_role("button", name=re.compile(es("Next", "the slide after"))).first).to_be_visible()
    shot(page, f"{page.size_name}-slide-es")
    # Streamlit's own words, in Spanish too: the upload button is named "Subir".
    page.goto(f"{server.url}/data")
    wait_idle(page)
    expect(page.get_by_role("button", name=es("Upload", "a file"), exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Upload", exact=True)).to_have_count(0)
    # One tap back to English: Streamlit's words are English again.
    page.get_by_role("button", name="English").click()
    wait_idle(page)
    expect(page.get_by_role("button", name="Upload", exact=True)).to_be_visible()
    page.wait_for_function("document.documentElement.lang === 'en'")
    # The same link with lang=en reads in English.
    page.goto(f"{server.url}/?symptom=muscle%20cramps&area=calves&lang=en")
    wait_idle(page)
    page.wait_for_function("document.documentElement.lang === 'en'")
    expect(page.get_by_text("Education, not diagnosis.", exact=False).first).to_be_visible()
    expect(page.get_by_role("button", name="Español")).to_be_visible()
    must_not_happen(page)


def test_a_spanish_phone_follows_an_english_presenter_and_its_vote_counts(browser: Browser, server) -> None:
    deck = "&".join(f"deck={name}" for name in DECK)
    pres_context = browser.new_context(viewport={"width": 1280, "height": 1400}, locale="en-GB")
    pres = watch(pres_context.new_page())
    pres.set_default_timeout(30_000)
    pres.goto(f"{server.url}/present?{deck}")
    wait_idle(pres)
    pres.get_by_text("Live room: phones follow").click()
    pres.get_by_role("button", name="Start a live room").click()
    expect(pres.get_by_role("heading", name=re.compile("^Room code: "))).to_be_visible()
    code = re.search(r"room=([A-Z0-9]+)", pres.url).group(1)

    phone_context = browser.new_context(
        viewport={"width": 390, "height": 1800}, locale="es-ES", is_mobile=True, has_touch=True
    )
    phone = watch(phone_context.new_page())
    phone.set_default_timeout(30_000)
    phone.goto(f"{server.url}/room?room={code}")
    wait_idle(phone)
    following = es("Following the presenter · room **{code}**").split(" · ")[0]
    expect(phone.get_by_text(following, exact=False).first).to_be_visible()
    for _ in range(2):
        pres.get_by_role("button", name="Next").click()
        wait_idle(pres)
    statins = PAIRING.term("cause", "Statins")
    expect(phone.get_by_role("heading", name=statins, exact=True)).to_be_visible(timeout=15_000)

    pres.get_by_role("button", name="Poll: which have you noticed?").click()
    wait_idle(pres)
    picked = View(deck=DECK).positions(EN, "deck")
    option = noticed_poll(EN, build_deck(EN, topic="T", today=dt.date.today(), picked=picked)).options[0]
    poll = phone.locator(".st-key-live-poll")
    expect(poll.get_by_text(es(NOTICED_QUESTION))).to_be_visible(timeout=15_000)
    wait_idle(phone)
    poll.get_by_role("button", name=PAIRING.term("symptoms", option), exact=True).click()
    wait_idle(phone)
    poll.get_by_role("button", name=es("Send my answer")).click()
    wait_idle(phone)
    # Counted on the English projector, under the English option.
    expect(pres.get_by_text(re.compile(r"1 person answered"))).to_be_visible(timeout=15_000)
    shot(phone, "phone-room-es")
    shot(pres, "projector-room-en")
    must_not_happen(phone)
    must_not_happen(pres)
    phone_context.close()
    pres_context.close()
