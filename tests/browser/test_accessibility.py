"""Every page in real headless Chromium, at a phone's width and a desktop's, checked with
axe-core for WCAG 2.0, 2.1 and 2.2 at levels A and AA: no violation at all.

axe-core's script comes from the axe-playwright-python package (never from a CDN): the
page gets it with `page.evaluate`, as the package's `Axe.run` does."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from causes.config import rooms_setting
from causes.room import open_store
from tests.browser.conftest import must_not_happen, wait_idle

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE = Axe()

# Causes of the bundled table (data/causes.csv) and one of its symptoms.
TWO = ["Statins", "Dystonia"]
SYMPTOM = "cramps at night"

VIEWS = {
    "explore": "/",
    # Symptoms chosen: the warning-sign check shows; answered yes, the action cards too.
    "explore-symptoms": "/?" + urlencode({"symptom": SYMPTOM}),
    "explore-answered": "/?" + urlencode({"symptom": SYMPTOM}),
    # Cramps in the calves, a finding said no to: the question panel with an answer to take
    # back, and each cause's why line.
    "explore-narrowed": "/?" + urlencode({"symptom": "muscle cramps", "area": "calves", "not": "muscle weakness"}),
    # The same in Spanish (longer words in the same boxes; the page's language is "es").
    "explore-es": "/?" + urlencode({"symptom": "muscle cramps", "area": "calves", "lang": "es"}),
    "data-es": "/data?lang=es",
    # The visit summary of that view.
    "visit": "/visit?" + urlencode({"symptom": "muscle cramps", "area": "calves", "not": "muscle weakness"}),
    # A cause's dialog open over Explore.
    "explore-cause": "/?" + urlencode({"cause": TWO[0]}),
    "overview": "/overview",
    "body": "/body",
    "compare": "/compare?" + urlencode([("compare", n) for n in TWO]),
    "present": "/present",
    "present-deck": "/present?" + urlencode([*(("deck", n) for n in TWO), ("slide", "2")]),
    "projector": "/projector?" + urlencode([*(("deck", n) for n in TWO), ("slide", "3")]),
    "presenter": "/presenter?" + urlencode([*(("deck", n) for n in TWO), ("slide", "3")]),
    "data": "/data",
    "glossary": "/glossary",
    "about": "/about",
    # The live room: the join page, and a phone in a room with a quiz on show (filled in
    # by the test, which opens the room in the store the server uses).
    "room-join": "/room",
    "room-phone": "/room?room={code}",
    # The presenter of that room: the live results under the slide, the room's panel.
    "present-live": "/present?" + urlencode([*(("deck", n) for n in TWO), ("slide", "3")]) + "&room={code}&key={key}",
}
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}
# The height of the page's content: the tallest scrolled area's, or the document's.
TALLEST = """() => Math.ceil(Math.max(document.documentElement.scrollHeight,
    ...[...document.querySelectorAll('*')].filter(e => /(auto|scroll)/.test(getComputedStyle(e).overflowY))
        .map(e => e.scrollHeight - e.clientHeight + window.innerHeight)))"""

# (axe rule, CSS selector of the elements) -> why the app leaves it. Only Streamlit's own
# styling of its elements belongs here, one rule for one kind of element, never a whole rule.
STREAMLIT_OWN: dict[tuple[str, str], str] = {
    # None today. (st.caption fades links to 2.98:1, so the app shows no link in a caption:
    # the warning signs' sources are small markdown, and a slide's captions are unfaded.)
}

# Whether the element axe names matches a selector (a target inside a frame is never excused).
MATCHES = """([target, selector]) => {
    const e = target.length === 1 && typeof target[0] === 'string' ? document.querySelector(target[0]) : null;
    return e !== null && e.matches(selector);
}"""


def violations(page: Page) -> list[dict]:
    """axe-core's violations on the page as it is now, less the listed Streamlit ones."""
    found = AXE.run(page, options={"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]})
    out = []
    for v in found.response["violations"]:
        excused = [sel for rule, sel in STREAMLIT_OWN if rule == v["id"]]
        nodes = [n for n in v["nodes"] if not any(page.evaluate(MATCHES, [n["target"], s]) for s in excused)]
        if nodes:
            out.append({**v, "nodes": nodes})
    return out


def report(found: list[dict]) -> str:
    lines = []
    for v in found:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for n in v["nodes"]:
            lines.append(f"    {' '.join(map(str, n['target']))}")
            summary = (n.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"        {summary}")
    return "\n".join(lines)


def live_room() -> tuple[str, str]:
    """A room in the store the test server uses (its default), on a cause slide with a
    poll on show, one answer and a question asked: its code and the presenter's secret."""
    store = open_store(*rooms_setting([]))
    code, secret = store.create({"deck": TWO})
    store.set_slide(code, secret, 3)
    poll = store.open_poll(code, secret, "noticed", "Which of these have you noticed?", [SYMPTOM, "twitching"], 3, True)
    store.answer(code, poll.id, "a11y-phone", [SYMPTOM])
    store.ask(code, "a11y-phone", "Is a <b>twitch</b> bad?")
    return code, secret


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("view", VIEWS)
def test_no_accessibility_violation(page: Page, server, view: str, width: str) -> None:
    w, h = WIDTHS[width]
    page.set_viewport_size({"width": w, "height": h})
    code, key = live_room() if "{code}" in VIEWS[view] else ("", "")
    page.goto(server.url + VIEWS[view].format(code=code, key=key))
    wait_idle(page)
    if view == "present-live":
        expect(page.locator("[class*='st-key-live-results']")).to_be_visible()
        assert "key=" not in page.url
    if view == "room-phone":
        expect(page.get_by_text("Following the presenter")).to_be_visible()
        expect(page.locator(".st-key-live-poll")).to_be_visible()
    if view == "explore-cause":
        expect(page.get_by_role("dialog")).to_be_visible()
    if view in ("explore-symptoms", "explore-answered"):
        expect(page.locator(".st-key-warning-check")).to_be_visible()
    if view == "explore-answered":
        page.locator(".st-key-warning-check [data-testid='stButtonGroup'] button").first.click()
        wait_idle(page)
        expect(page.locator(".st-key-action-cards").get_by_test_id("stAlert").first).to_be_visible()
    must_not_happen(page)
    # axe checks colours only where they are on screen, and Streamlit scrolls its main area
    # inside the window: the window grows as tall as the page (same width, same layout) so
    # that everything below the first screen is checked too.
    page.set_viewport_size({"width": w, "height": max(h, page.evaluate(TALLEST))})
    # Let entrance animations (a dialog's, a chart's) finish: axe reads colours as shown.
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    found = violations(page)
    assert not found, f"{len(found)} accessibility violation(s) on {VIEWS[view]} at {w}x{h}:\n" + report(found)
