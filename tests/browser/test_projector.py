"""The projector's view and the presenter's, in real headless Chromium.

- Fit: every slide of the bundled table's default deck and of a deck of its 30 longest
  causes, at 1280x720, 1366x768 and 1920x1080: the stage fills the window as far as 16:9
  allows, every text of a slide ends above its footer and inside the window, and none is
  smaller than the floor (24 pt of a 16:9 slide: `causes.stage.FLOOR`; the footer and the
  notes under a chart 18 pt) at the window's scale.
- Follow: without a live room, a projector window follows the presenter's view of the same
  browser; a clicker's key on the projector moves the presenter's tab; F goes full screen.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page, expect

from causes.stage import CORNER_FLOOR, FLOOR, STAGE_HEIGHT, STAGE_WIDTH
from tests.browser.conftest import must_not_happen, wait_idle, watch
from tests.support.bundled import bundled_table

TABLE = bundled_table()
SIZES = [(1280, 720), (1366, 768), (1920, 1080)]
LONGEST = tuple(
    TABLE.frame.assign(
        n=TABLE.frame[["summary", "self_care", "red_flags", "risk_factors", "cause"]].astype(str).sum(axis=1).str.len()
    )
    .sort_values("n", ascending=False)["cause"]
    .head(30)
)
DECKS = {"default": "", "longest": "&".join(f"deck={quote(n)}" for n in LONGEST)}

# Every text of the stage: where it ends, its size in design px, whether it is small print
# (the footer, a caption), and the stage's box, zoom and footer line.
MEASURE = """() => {
  const stage = document.querySelector('[class*="st-key-castage-projector"]');
  const foot = stage.querySelector('[class*="st-key-cafoot-"]');
  const box = stage.getBoundingClientRect();
  const footTop = foot.getBoundingClientRect().top;
  const texts = [];
  const walker = document.createTreeWalker(stage, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || el.closest('[data-testid="stIconMaterial"]')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    if (!r.width && !r.height) continue;
    texts.push({
      text: node.textContent.trim().slice(0, 60),
      bottom: r.bottom, right: r.right, top: r.top,
      size: parseFloat(getComputedStyle(el).fontSize),
      small: Boolean(el.closest('[class*="st-key-cafoot-"], [data-testid="stCaptionContainer"]')),
      foot: Boolean(el.closest('[class*="st-key-cafoot-"]')),
    });
  }
  return {box: {top: box.top, left: box.left, bottom: box.bottom, right: box.right},
          zoom: parseFloat(stage.style.zoom || "1"), footTop, texts,
          w: window.innerWidth, h: window.innerHeight};
}"""


def go_to(page: Page, query: str, number: int, count: int) -> None:
    """Move the projector as its presenter's tab does: the view sent on the browser's channel."""
    page.evaluate(
        "q => new BroadcastChannel('cause-atlas-slides').postMessage({type: 'view', query: q})",
        f"slide={number}&lang=en{'&' + query if query else ''}",
    )
    expect(page.locator('[class*="st-key-cafoot-projector"]')).to_contain_text(f"{number} / {count}")
    wait_idle(page)
    page.wait_for_function(  # every chart drawn
        "() => [...document.querySelectorAll('[data-testid=caChart]')].every(c => c.dataset.frame || c.dataset.error)"
    )


def check_fit(page: Page, where: str) -> None:
    m = page.evaluate(MEASURE)
    w, h = m["w"], m["h"]
    zoom = min(w / STAGE_WIDTH, h / STAGE_HEIGHT)
    assert m["zoom"] == pytest.approx(zoom, rel=0.01), where  # as large as the window allows
    assert m["box"]["bottom"] <= h + 1 and m["box"]["right"] <= w + 1 and m["box"]["top"] >= -1, where
    assert m["texts"], where
    for t in m["texts"]:
        floor = CORNER_FLOOR if t["small"] else FLOOR
        assert t["size"] >= floor - 0.5, (where, t)  # design px: on screen, times the zoom
        assert t["bottom"] <= h + 1 and t["right"] <= m["box"]["right"] + 1, (where, t)
        if not t["foot"]:
            assert t["bottom"] <= m["footTop"] + 1, (where, t)  # the slide's content ends above its footer


@pytest.mark.parametrize("deck", list(DECKS))
def test_every_slide_fits_the_projector_at_three_sizes(browser: Browser, server, deck: str) -> None:
    context = browser.new_context(viewport={"width": SIZES[0][0], "height": SIZES[0][1]}, locale="en-GB")
    page = watch(context.new_page())
    page.set_default_timeout(30_000)
    page.goto(f"{server.url}/projector?slide=1{'&' + DECKS[deck] if DECKS[deck] else ''}")
    wait_idle(page)
    expect(page.get_by_role("navigation")).to_have_count(0)  # the slide alone
    corner = page.locator('[class*="st-key-cafoot-projector"]').inner_text()
    count = int(re.search(r"1 / (\d+)", corner).group(1))
    if deck == "longest":
        assert count > 2 + 3 * len(LONGEST)  # title, overview, 3 slides a cause, then the rest
    for number in range(1, count + 1):
        if number > 1:
            go_to(page, DECKS[deck], number, count)
        for width, height in SIZES:
            page.set_viewport_size({"width": width, "height": height})
            page.wait_for_function(
                "z => Math.abs(parseFloat(document.querySelector('[class*=\"st-key-castage-projector\"]').style.zoom"
                " || '1') - z) < 0.01",
                arg=min(width / STAGE_WIDTH, height / STAGE_HEIGHT),
            )
            check_fit(page, f"{deck} slide {number} at {width}x{height}")
        page.set_viewport_size({"width": SIZES[0][0], "height": SIZES[0][1]})
    must_not_happen(page)
    context.close()


def test_the_projector_follows_the_presenter_s_tab_and_its_keys_move_it(browser: Browser, server) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    presenter = watch(context.new_page())
    presenter.goto(f"{server.url}/presenter?slide=2")
    wait_idle(presenter)
    expect(presenter.get_by_role("heading", name="Speaker notes")).to_have_count(0)  # notes are bold text
    expect(presenter.locator(".st-key-speaker-notes")).to_contain_text("The chart in words")
    expect(presenter.locator("[class*='st-key-castage-now']")).to_contain_text("The causes at a glance")
    expect(presenter.locator("[class*='st-key-castage-next']")).to_be_visible()  # the next slide, small
    expect(presenter.get_by_role("timer")).to_have_text("00:00")

    projector = watch(context.new_page())
    projector.set_viewport_size({"width": 1280, "height": 720})
    projector.goto(f"{server.url}/projector?slide=1")  # an old link: it asks the presenter's tab where it is
    wait_idle(projector)
    foot = projector.locator("[class*='st-key-cafoot-projector']")
    count = int(re.search(r"Slide 2 of (\d+)", presenter.locator(".st-key-presenter-bar").inner_text()).group(1))
    expect(foot).to_contain_text(f"2 / {count}")
    expect(foot).to_contain_text("Education, not diagnosis.")
    expect(projector.get_by_text("Education, not diagnosis.")).to_have_count(1)  # once, in the footer
    expect(projector.get_by_role("navigation")).to_have_count(0)
    expect(projector.get_by_role("button", name="When to get help")).to_have_count(0)

    presenter.get_by_role("button", name="Next").click()
    expect(foot).to_contain_text(f"3 / {count}")
    expect(projector.get_by_role("heading", level=2)).to_have_text(re.compile(r"\S"))
    now = presenter.locator("[class*='st-key-castage-now'] h2").inner_text()
    expect(projector.locator("h2").first).to_have_text(now)
    expect(presenter.locator(".st-key-speaker-notes")).to_contain_text("What tells it apart")

    projector.keyboard.press("ArrowRight")  # a clicker, with the projector's window in front
    expect(presenter.get_by_text(f"Slide 4 of {count}")).to_be_visible()
    expect(foot).to_contain_text(f"4 / {count}")
    assert "key=" not in projector.url and "slide=4" in projector.url

    projector.keyboard.press("f")
    projector.wait_for_function("() => document.fullscreenElement !== null")
    for page in (presenter, projector):
        must_not_happen(page)
    context.close()
