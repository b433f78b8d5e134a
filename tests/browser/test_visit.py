"""Narrow it down and take it to the doctor, in real headless Chromium at desktop and phone
width: a person who picks cramps and calves is asked one question at a time, answers yes, no
and not sure, sees the list re-rank with a "why listed" line on each cause, copies the link
and reopens the same view, prepares a summary, adds "since March" and a medicine, and
downloads it. The file prints on one or two A4 pages and reads on a phone without zooming;
what they typed never reaches the link, the server's log or a file on the server."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from causes import Query, run_query
from causes.questions import next_question
from pages.ui.narrow import ANSWER_LABEL
from tests.browser.conftest import must_not_happen, wait_idle, watch
from tests.support.bundled import bundled_table
from tests.support.server import ROOT, Server

TABLE = bundled_table()
PICK = Query(symptoms=("muscle cramps",), areas=("calves",))
SINCE, MEDICINE = "since March zq27since", "a water tablet zq27medicine"
MARKS = (b"zq27since", b"zq27medicine")
SHOTS = Path(os.environ.get("CAUSE_ATLAS_SHOTS", "test-results/visit"))
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
PHONE_AGENT = (
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36"
)


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    """The server's home and temporary folder: everything it might write goes here."""
    return tmp_path_factory.mktemp("visit-server")


@pytest.fixture(scope="module")
def own_server(home: Path) -> Iterator[Server]:
    s = Server(env={"HOME": str(home), "TMPDIR": str(home), "XDG_CACHE_HOME": str(home / "cache")})
    yield s
    s.stop()


@pytest.fixture(params=list(SIZES))
def sized(request, browser: Browser) -> Iterator[Page]:
    phone = request.param == "phone"
    context = browser.new_context(
        viewport=SIZES[request.param],
        locale="en-GB",
        is_mobile=phone,
        has_touch=phone,
        user_agent=PHONE_AGENT if phone else None,
        accept_downloads=True,
    )
    page = watch(context.new_page())
    page.set_default_timeout(20_000)
    page.size_name = request.param  # type: ignore[attr-defined]
    yield page
    context.close()


def shot(page: Page, name: str) -> None:
    """The whole page (Streamlit scrolls inside its main block: the window is made as tall)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size or SIZES["desktop"]
    tall = page.evaluate("Math.max(document.querySelector('[data-testid=stMain]').scrollHeight, 800)")
    page.set_viewport_size({"width": size["width"], "height": min(int(tall), 8000)})
    page.wait_for_timeout(1000)  # a resized page draws its elements again: not mid-draw
    page.screenshot(path=SHOTS / f"{page.size_name}-{name}.png")  # type: ignore[attr-defined]
    page.set_viewport_size(size)


def link_query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def answer(page: Page, label: str) -> None:
    """Answer as a person does: three choices under the question (a radio group)."""
    group = page.locator(".st-key-narrow").get_by_role("radiogroup", name=ANSWER_LABEL)
    group.get_by_role("radio", name=label, exact=True).click()
    time.sleep(0.3)
    wait_idle(page)


def first_causes(page: Page, n: int) -> list[str]:
    """The first n causes of the list as shown: the cards' titles on a desktop, the rows'
    names on a phone."""
    if page.size_name == "phone":  # type: ignore[attr-defined]
        rows = page.locator('[class*="st-key-row-"] button p strong')
        expect(rows.first).to_be_visible()
        return [re.sub(r"^\d+\. ", "", t) for t in rows.all_inner_texts()[:n]]
    expect(page.locator("h4").first).to_be_visible()
    return [re.sub(r"^\d+\. ", "", t) for t in page.locator("h4").all_inner_texts()[:n]]


def expected_first(query: Query, n: int) -> list[str]:
    return [TABLE.record(int(p))["cause"] for p in run_query(TABLE, query).positions[:n]]


def files_holding(folder: Path, since: float, marks: tuple[bytes, ...]) -> list[Path]:
    """Files under `folder` changed since `since` that hold any of `marks`."""
    found = []
    for path in folder.rglob("*"):
        try:
            if path.is_file() and path.stat().st_mtime >= since and any(m in path.read_bytes() for m in marks):
                found.append(path)
        except OSError:
            continue
    return found


@pytest.mark.browser
def test_narrow_it_down_and_take_it_to_the_doctor(sized: Page, own_server: Server, home: Path, tmp_path: Path):
    page = sized
    started = time.time()
    page.goto(f"{own_server.url}/?symptom=muscle%20cramps&area=calves")
    wait_idle(page)
    query, answered = PICK, []
    panel = page.locator(".st-key-narrow")
    expect(panel).to_be_visible()
    # one question at a time: the core's, for the causes shown
    for said in ("Yes", "No", "Not sure"):
        q = next_question(TABLE, run_query(TABLE, query), query, answered)
        assert q is not None
        expect(panel.locator("strong", has_text=q.text())).to_be_visible()
        if said == "Yes":
            shot(page, "1-asked")
        answer(page, said)
        if said == "Yes":
            query = Query(symptoms=(*query.symptoms, q.term), areas=query.areas)
        elif said == "No":
            query = Query(symptoms=query.symptoms, areas=query.areas, without=(q.term,))
        answered.append((q.column, q.term))
        # re-ranked at once, as the core ranks it
        assert first_causes(page, 5) == expected_first(query, 5), said
    shot(page, "2-answered")
    # the answers given, each a pressed toggle that takes it back
    for label in (f"Yes: {query.symptoms[-1]}", f"No: {query.without[0]}"):
        expect(panel.get_by_role("button", name=label, exact=True)).to_have_attribute("aria-pressed", "true")
    link = link_query(page.url)
    assert link["symptom"] == list(query.symptoms) and link["not"] == list(query.without)
    # every answer, and the way to the summary, is a 44 px target
    heights = page.evaluate(
        "() => [...document.querySelectorAll('.st-key-narrow button, .st-key-exports a')]"
        ".map(e => e.getBoundingClientRect().height).filter(h => h > 0)"  # not the hidden ones
    )
    assert len(heights) >= 6 and min(heights) >= 44, heights
    # every cause shown says why it is listed
    if page.size_name == "desktop":  # type: ignore[attr-defined]
        cards = page.locator("h4").count()
        expect(page.get_by_text(re.compile(r"^Why it is listed: "))).to_have_count(cards)
    else:
        rows = page.locator('[class*="st-key-row-"] button')
        for k in range(rows.count()):
            expect(rows.nth(k).locator("p").last).to_contain_text(re.compile(r"^(Has|In the|You said)"))
    # a copied link reopens the same narrowed view in a new tab (a new session)
    copied = page.url
    other = watch(page.context.new_page())
    other.goto(copied)
    wait_idle(other)
    other.size_name = page.size_name  # type: ignore[attr-defined]
    assert first_causes(other, 5) == expected_first(query, 5)
    must_not_happen(other)
    other.close()
    # prepare a summary, add "since March" and a medicine, download it
    page.get_by_role("link", name="Prepare for an appointment").first.click()
    wait_idle(page)
    expect(page.get_by_role("heading", name="Prepare for an appointment")).to_be_visible()
    for label, text in (("Since when?", SINCE), ("Medicines you take", MEDICINE)):
        page.get_by_label(label).fill(text)
        page.get_by_label(label).press("Tab")
        wait_idle(page)
    expect(page.locator(".st-key-visit-summary")).to_contain_text(SINCE)
    shot(page, "3-summary")
    with page.expect_download() as info:
        page.get_by_role("button", name=re.compile("^Download my summary")).click()
    saved = tmp_path / "summary.html"
    info.value.save_as(saved)
    html = saved.read_text(encoding="utf-8")
    assert SINCE in html and MEDICINE in html and "Education, not diagnosis." in html
    assert "What I do not have" in html and query.without[0] in html
    assert expected_first(query, 1)[0] in html.replace("&#x27;", "'")
    # typed answers: never in the link, the server's log or a file on the server
    assert all(m.decode() not in page.url for m in MARKS)
    assert not any(m in own_server.log.read_bytes() for m in MARKS)
    assert files_holding(home, started, MARKS) == []
    assert files_holding(ROOT, started, MARKS) == [] or all(
        p.is_relative_to(ROOT / "test-results") for p in files_holding(ROOT, started, MARKS)
    )
    must_not_happen(page)
    # the file: one or two A4 pages in print, and a phone reads it without zooming
    view = page.context.new_page()
    view.goto(saved.as_uri())
    pdf = view.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 2, pages
    view.set_viewport_size({"width": 390, "height": 844})
    assert view.evaluate("document.documentElement.scrollWidth") <= 390
    assert view.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 16
    view.screenshot(path=SHOTS / f"{page.size_name}-4-file-on-a-phone.png", full_page=True)  # type: ignore[attr-defined]
    (SHOTS / f"{page.size_name}-5-printed.pdf").write_bytes(pdf)  # type: ignore[attr-defined]
    view.close()
