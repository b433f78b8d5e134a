"""Present in real headless Chromium: open a deck by its link, step forward and back with
the buttons and the arrow keys, and read the slide counter and each slide's cause."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlencode, urlsplit

from playwright.sync_api import Page, expect

from causes.config import BUNDLED_TABLE, BUNDLED_TOPIC
from causes.deck import build_deck
from causes.redflags import load_red_flags
from causes.view import View
from tests.browser.conftest import must_not_happen, wait_idle
from tests.support.bundled import bundled_table

TABLE = bundled_table()
PICKED = ["Statins", "Dystonia", "Tetanus"]
DECK = build_deck(
    TABLE,
    topic=BUNDLED_TOPIC,
    today=dt.date.today(),
    picked=View(deck=tuple(PICKED)).positions(TABLE, "deck"),
    flags=load_red_flags(BUNDLED_TABLE.parent / "red_flags.csv"),
)
M = len(DECK)


def on_slide(page: Page, n: int, heading: str) -> None:
    wait_idle(page)
    expect(page.get_by_text(f"Slide {n} of {M}", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    page.wait_for_url(lambda url: parse_qs(urlsplit(url).query).get("slide") == [str(n)])


def test_open_a_deck_by_link_and_step_through(page: Page, server) -> None:
    query = urlencode([*(("deck", n) for n in PICKED), ("slide", "4")])
    page.goto(f"{server.url}/present?{query}")
    on_slide(page, 4, "Statins")  # its second slide: what helps
    page.get_by_role("button", name="Next").click()
    on_slide(page, 5, "Statins")  # when to get help
    page.get_by_role("button", name="Next").click()
    on_slide(page, 6, "Dystonia")
    page.get_by_role("button", name="Previous").click()
    on_slide(page, 5, "Statins")
    # The arrow keys press the buttons too.
    page.get_by_role("heading", name="Statins", exact=True).click()
    page.keyboard.press("ArrowRight")
    on_slide(page, 6, "Dystonia")
    page.keyboard.press("ArrowLeft")
    on_slide(page, 5, "Statins")
    assert parse_qs(urlsplit(page.url).query)["deck"] == PICKED
    must_not_happen(page)


def test_the_title_slide_carries_the_qr_code_and_the_link(page: Page, server) -> None:
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{server.url}/present?" + urlencode([*(("deck", n) for n in PICKED), ("slide", "1")]))
    wait_idle(page)
    expect(page.get_by_text(f"Slide 1 of {M}", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name=BUNDLED_TOPIC)).to_be_visible()
    qr = page.get_by_role("img", name="QR code of this view's link")
    expect(qr).to_be_visible()
    wait_idle(page)
    assert qr_bottom(page) <= 720  # in view on a 1280x720 screen, under the page's own controls
    projector = page.get_by_role("link", name="Projector")
    expect(projector).to_have_attribute("href", f"{server.url}/projector?" + urlencode(
        [*(("deck", n) for n in PICKED), ("slide", "1"), ("lang", "en")]).replace("+", "%20"))  # fmt: skip
    expect(page.get_by_role("link", name="Presenter view")).to_be_visible()
    page.reload()
    wait_idle(page)
    expect(qr).to_be_visible()
    link = f"{server.url}/present?" + urlencode([("deck", n) for n in PICKED]).replace("+", "%20")
    expect(page.get_by_text(link, exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Previous")).to_be_disabled()
    page.get_by_role("button", name="Next").click()
    on_slide(page, 2, "The causes at a glance")
    must_not_happen(page)


def qr_bottom(page: Page) -> float:
    box = page.get_by_role("img", name="QR code of this view's link").bounding_box()
    assert box is not None
    return box["y"] + box["height"]


def test_the_last_slide_is_as_far_as_it_goes(page: Page, server) -> None:
    page.goto(f"{server.url}/present?" + urlencode([*(("deck", n) for n in PICKED), ("slide", "500")]))
    wait_idle(page)
    expect(page.get_by_text(f"Slide {M} of {M}", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Next")).to_be_disabled()
    page.wait_for_url(lambda url: slide_in_url_of(url) == str(M))
    must_not_happen(page)


def slide_in_url_of(url: str) -> str | None:
    return parse_qs(urlsplit(url).query).get("slide", [None])[0]
