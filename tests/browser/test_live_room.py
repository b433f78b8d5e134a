"""A live room end to end through `make serve` (two app processes behind nginx), once with
each store: SQLite and a real redis-server. A presenter's view, a projector and four
phone-sized pages: Next on the presenter's view moves the projector and every phone; the
phones' votes show on the presenter's chart and the projector's; a
hidden question disappears from every phone; the presenter's process killed, the page
keeps control on the other one. The pages land on both processes, so all of
it crosses processes through the store."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from causes.bodymap import ANSWERS, TO_TAP
from causes.deck import build_deck
from causes.live import noticed_poll
from causes.view import View
from deploy.serve import COOKIE, NGINX, Stack, free_port
from tests.browser.conftest import must_not_happen, wait_idle, watch
from tests.support.bundled import bundled_table
from tests.support.plotly_dom import MARK
from tests.support.redis import RedisServer

DECK = ("Statins", "Tetanus", "Dehydration")
TABLE = bundled_table()
PICKED = View(deck=DECK).positions(TABLE, "deck")
NOTICED = noticed_poll(TABLE, build_deck(TABLE, topic="T", today=dt.date.today(), picked=PICKED)).options
FOLLOW = 15_000  # ms: a functional bound, not the target (2 s), which bench/ measures under load
MODERATED = 4_000  # ms: a hidden question leaves the phones at once, not at their next refresh


@pytest.fixture(scope="module", params=["sqlite", "redis"])
def live_stack(request, tmp_path_factory) -> Iterator[Stack]:
    if not shutil.which(NGINX) and not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing: run `make test`, which installs nginx with apt-get")
    redis = RedisServer() if request.param == "redis" else None
    setting = redis.url if redis else str(tmp_path_factory.mktemp("rooms") / "rooms.sqlite3")
    stack = Stack(port=free_port(), processes=2, rooms=setting)
    stack.start()
    yield stack
    stack.stop()
    if redis:
        redis.stop()


def opened(browser: Browser, url: str, phone: bool) -> tuple[BrowserContext, Page]:
    size = {"width": 390, "height": 1800} if phone else {"width": 1280, "height": 1400}
    context = browser.new_context(viewport=size, is_mobile=phone, has_touch=phone)
    page = watch(context.new_page())
    page.set_default_timeout(30_000)
    page.goto(url)
    wait_idle(page)
    return context, page


def asked(page: Page):
    """The question in the room's list (each question is a container keyed q-ID)."""
    return page.locator("[class*='st-key-q-']").filter(has_text="Is a zebra twitch <b>bad</b>?")


def backend(page: Page) -> str:
    return next(c["value"] for c in page.context.cookies() if c["name"] == COOKIE)


def test_a_live_room_end_to_end(browser: Browser, live_stack: Stack) -> None:
    deck = "&".join(f"deck={name}" for name in DECK)
    pres_context, pres = opened(browser, f"{live_stack.url}/present?{deck}", phone=False)
    pres.get_by_text("Live room: phones follow").click()
    pres.get_by_role("button", name="Start a live room").click()
    expect(pres.get_by_role("heading", name=re.compile("^Room code: "))).to_be_visible()
    code = re.search(r"room=([A-Z0-9]+)", pres.url).group(1)
    assert "key=" not in pres.url
    pres.get_by_role("link", name="Presenter view").click()  # the same tab: the room's secret stays in it
    expect(pres.locator(".st-key-speaker-notes")).to_be_visible()
    wait_idle(pres)
    assert "key=" not in pres.url

    projector_context, projector = opened(browser, f"{live_stack.url}/projector?room={code}", phone=False)
    projector.set_viewport_size({"width": 1280, "height": 720})
    expect(projector.get_by_role("heading", name=f"Room code: {code}")).to_be_visible()
    phones = [opened(browser, f"{live_stack.url}/room?room={code}", phone=True) for _ in range(4)]
    for _, p in phones:
        expect(p.get_by_text("Following the presenter")).to_be_visible()
    screens = [(pres_context, pres), (projector_context, projector), *phones]
    assert len({backend(p) for _, p in screens}) == 2  # both processes serve the room

    # Next on the presenter's view moves the projector and every phone.
    for _ in range(2):
        pres.get_by_role("button", name="Next").click()
        wait_idle(pres)
    clicked = time.monotonic()
    for p in (projector, *(p for _, p in phones)):
        expect(p.get_by_role("heading", name="Statins", exact=True)).to_be_visible(timeout=FOLLOW)
    print(f"\nthe projector and four phones followed within {time.monotonic() - clicked:.2f} s")

    # Votes from the phones show on the presenter's chart (counts only).
    pres.get_by_role("button", name="Poll: which have you noticed?").click()
    wait_idle(pres)
    for i, (_, p) in enumerate(phones):
        poll = p.locator(".st-key-live-poll")
        expect(poll.get_by_text("Which of these have you noticed?")).to_be_visible(timeout=FOLLOW)
        wait_idle(p)
        poll.get_by_role("button", name=NOTICED[0 if i < 2 else 1], exact=True).click()
        wait_idle(p)
        poll.get_by_role("button", name="Send my answer").click()
        expect(poll.get_by_text(re.compile("^Your answer: "))).to_be_visible()
    for screen in (pres, projector):  # the presenter's slide and the projector: the poll in its place
        expect(screen.get_by_text(re.compile(r"Which of these have you noticed\? 4 people answered\."))).to_be_visible(
            timeout=FOLLOW
        )

    # "Where do you feel it?": a tap on the calves of a phone's body map is its answer, and
    # the projector's heat map counts people.
    pres.get_by_role("button", name="Poll: where do you feel it?").click()
    wait_idle(pres)
    _, tapper = phones[1]
    poll = tapper.locator(".st-key-live-poll")
    chart = poll.get_by_test_id("caChart")
    expect(chart.get_by_text(TO_TAP.title)).to_be_visible(timeout=FOLLOW)
    expect(chart).to_have_attribute("data-frame", "narrow")  # laid out for the phone
    spot = chart.evaluate(MARK, "calves")
    tapper.touchscreen.tap(spot["x"], spot["y"])
    expect(poll.get_by_text("Your answer: calves")).to_be_visible(timeout=FOLLOW)
    expect(poll.get_by_role("radio", name="calves")).to_be_checked()  # the list says the same
    expect(pres.get_by_text(re.compile(r"Where do you feel it\? 1 person answered\. calves: 1\."))).to_be_visible(
        timeout=FOLLOW
    )
    expect(pres.get_by_test_id("caChart").get_by_text(ANSWERS.title)).to_be_visible()

    # A question, seen by everyone; hidden by the presenter, gone from every phone.
    _, asker = phones[0]
    asker.get_by_label("Ask a question (anonymous)").fill("Is a zebra twitch <b>bad</b>?")
    asker.get_by_role("button", name="Ask").click()
    wait_idle(asker)
    for _, p in phones:
        expect(asked(p)).to_be_visible(timeout=FOLLOW)
    expect(asked(pres)).to_be_visible(timeout=FOLLOW)
    pres.get_by_role("button", name="Hide", exact=True).click()
    for _, p in phones:  # pushed: sooner than a phone's own refresh of the list (every 5 s)
        expect(asked(p)).to_have_count(0, timeout=MODERATED)

    pres.get_by_role("button", name="Hide the results").click()  # the slide again
    wait_idle(pres)
    pres.get_by_role("link", name="Back to Present").click()
    expect(pres.get_by_role("button", name="Close the room")).to_be_visible()
    wait_idle(pres)

    # The presenter's app process dies: the page reconnects to the other one and keeps control
    # (the presenter-key box sends its value back, as every widget does), and phones follow.
    victim = next(a for a in live_stack.apps if f"127.0.0.1:{a.port}" == backend(pres))
    os.killpg(victim.proc.pid, signal.SIGKILL)
    victim.proc.wait(10)
    now = pres.locator("[class*='st-key-castage-page']")
    for _ in range(30):  # past Statins' three slides; a click sent while the page reconnects is lost
        pres.get_by_role("button", name="Next").click()
        try:
            expect(now.get_by_role("heading", name="Tetanus", exact=True)).to_be_visible(timeout=3_000)
            break
        except AssertionError:
            continue
    expect(pres.get_by_role("button", name="Close the room")).to_be_visible()
    for p in (projector, *(p for _, p in phones)):
        expect(p.get_by_role("heading", name="Tetanus", exact=True)).to_be_visible(timeout=FOLLOW)

    for _, p in screens:
        must_not_happen(p)
    for context, _ in screens:
        context.close()
