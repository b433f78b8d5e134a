"""The app on a phone (390x844, touch, a phone's browser): the body map as a control (every
name whole, nothing over anything, every area a target of 44 px), the symptom matrix with
whole cause names, and the lighter ranked list. Each scenario ends with what must not
happen."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import combinations

import pytest
from playwright.sync_api import Browser, Page, expect

from bench.bench_browser import PHONE_AGENT
from causes import Query, count_line, run_query
from causes.bodymap import BODY_AREAS, label_lines, narrow
from causes.figures import matrix_data
from pages.ui.cards import ROWS_FIRST, ROWS_MORE
from tests.browser.conftest import must_not_happen, wait_idle, watch
from tests.support.server import Server

MATRIX = "Matrix: which symptoms each matching cause has; causes with similar symptoms are next to each other."


@pytest.fixture
def phone(browser: Browser, server: Server) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, user_agent=PHONE_AGENT
    )
    page = watch(context.new_page())
    page.set_default_timeout(20_000)
    yield page
    context.close()


def drawn(page: Page, within: str = "body") -> dict:
    """The one chart, once plotly has drawn it: where its names are, and the chart's box."""
    chart = page.locator(within).get_by_test_id("caChart").first
    page.wait_for_function(
        "c => c.querySelector('.js-plotly-plot') && c.querySelector('.js-plotly-plot')._fullLayout",
        arg=chart.element_handle(),
    )
    return chart.evaluate(
        """(chart) => {
          const box = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
          const gd = chart.querySelector('.js-plotly-plot');
          gd.scrollIntoView({block: 'start'});
          return {
            frame: chart.getAttribute('data-frame'),
            figure: box(gd),
            names: [...gd.querySelectorAll('.annotation')].map((a) => {
              const lines = [...a.querySelectorAll('text tspan.line')].map((t) => t.textContent);
              const text = lines.length ? lines.join(' ') : a.querySelector('text').textContent;
              return {text, box: box(a.querySelector('text'))};
            }),
          };
        }"""
    )


def overlaps(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1


def inside(a: list[float], b: list[float]) -> bool:
    return a[0] >= b[0] - 1 and a[1] >= b[1] - 1 and a[2] <= b[2] + 1 and a[3] <= b[3] + 1


def name_box(page: Page, text: str) -> list[float]:
    """Where an area's name is on the screen, scrolled to the middle of it first."""
    return page.evaluate(
        """(text) => {
          for (const a of document.querySelectorAll('.js-plotly-plot .annotation')) {
            const lines = [...a.querySelectorAll('text tspan.line')].map((t) => t.textContent);
            const said = lines.length ? lines.join(' ') : a.querySelector('text').textContent;
            if (said.replace(/^✓ /, '') !== text) continue;
            a.scrollIntoView({block: 'center'});
            const r = a.querySelector('text').getBoundingClientRect();
            return [r.left, r.top, r.right, r.bottom];
          }
          return null;
        }""",
        text,
    )


def under(page: Page, x: float, y: float) -> str | None:
    """Which area plotly finds under a point of the screen: what a tap there chooses
    (plotly answers a pointer at most every 50 ms, so it is given longer)."""
    page.mouse.move(x, y)
    page.wait_for_timeout(120)
    return page.evaluate(
        """() => { const d = document.querySelector('.js-plotly-plot')._hoverdata;
                   return d && d.length ? d[0].customdata : null; }"""
    )


def test_the_body_map_is_a_control_on_a_phone(phone: Page, server, bundled) -> None:
    phone.goto(server.url + "/body")
    wait_idle(phone)
    shown = drawn(phone)
    assert shown["frame"] == "narrow"
    names = {n["text"].removeprefix("✓ "): n for n in shown["names"]}
    areas = sorted(a for a in bundled.facets["body_areas"].terms if a.casefold() in BODY_AREAS)
    frame = narrow(3)
    for area in areas:
        name = " ".join(label_lines(area, frame))
        assert name.replace(" ", "") == area.replace(" ", ""), f"{area!r} is cut to {name!r}"
        assert name in names, f"no name for {area!r} on the figure"
    for n in shown["names"]:
        assert inside(n["box"], shown["figure"]), f"{n['text']!r} runs off the figure at 390 px"
    for a, b in combinations(shown["names"], 2):
        assert not overlaps(a["box"], b["box"]), f"{a['text']!r} and {b['text']!r} run into each other"
    # Every area's name (on the body, or on its chip) is a target at least 44 px across: a
    # tap on its middle or 22 px up, down, left or right of it chooses that area.
    for area in areas:
        n = names.get(" ".join(label_lines(area, frame)))
        assert n is not None
        left, top, right, bottom = name_box(phone, n["text"])
        cx, cy = (left + right) / 2, (top + bottom) / 2
        for dx, dy in ((0, 0), (0, -22), (0, 22), (-22, 0), (22, 0)):
            assert under(phone, cx + dx, cy + dy) == area, f"{area}: not chosen {dx, dy} px from its name"
    # A tap on the calves' name chooses the calves.
    calves = name_box(phone, "calves")
    phone.touchscreen.tap((calves[0] + calves[2]) / 2, (calves[1] + calves[3]) / 2)
    phone.wait_for_url(re.compile(r"[?&]area=calves(&|$)"))
    wait_idle(phone)
    expect(phone.get_by_text(count_line(run_query(bundled, Query(areas=("calves",)))), exact=True)).to_be_visible()
    must_not_happen(phone)


def test_the_symptom_matrix_shows_whole_cause_names_on_a_phone(phone: Page, server, bundled) -> None:
    phone.goto(server.url + "/overview")
    wait_idle(phone)
    phone.get_by_role("tab", name="Symptom matrix").click()
    wait_idle(phone)
    expect(phone.get_by_role("figure", name=MATRIX)).to_be_visible()
    shown = drawn(phone)
    assert shown["frame"] == "narrow"
    written = shown["names"]
    causes = list(matrix_data(bundled, run_query(bundled, Query())).frame.index)
    assert [n["text"] for n in written] == causes  # every name whole, none cut with "…"
    for n in written:
        assert inside(n["box"], shown["figure"]), f"{n['text']!r} runs off the chart at 390 px"
    for a, b in combinations(written, 2):
        assert not overlaps(a["box"], b["box"]), f"{a['text']!r} and {b['text']!r} run into each other"
    ticks = phone.locator(".xtick text").evaluate_all(
        "ts => ts.map((t) => { const r = t.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })"
    )
    assert ticks and all(inside(t, shown["figure"]) for t in ticks), "a symptom's name runs off the chart"
    assert not any(overlaps(a, b) for a, b in combinations(ticks, 2)), "two symptoms' names run into each other"
    # A cause's name is a target too (a cause may have none of the symptoms drawn).
    last = causes[-1]
    box = name_box(phone, last)
    phone.touchscreen.tap((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
    expect(phone.get_by_role("heading", name=re.compile(re.escape(last) + "$"))).to_be_visible()
    must_not_happen(phone)


def test_a_phones_list_is_compact_rows_five_at_first(phone: Page, server, bundled) -> None:
    phone.goto(server.url + "/?symptom=muscle%20cramps")
    wait_idle(phone)
    result = run_query(bundled, Query(symptoms=("muscle cramps",)))
    expect(phone.get_by_text(count_line(result), exact=True)).to_be_visible()
    rows = phone.locator("[class*='st-key-row-'] button")
    expect(rows).to_have_count(ROWS_FIRST)
    expect(phone.get_by_role("button", name="Read the full explanation")).to_have_count(0)  # no desktop cards
    first = bundled.record(int(result.positions[0]))
    expect(rows.first).to_contain_text(f"1. {first['cause']}")
    for box in rows.evaluate_all(
        "bs => bs.map((b) => { const r = b.getBoundingClientRect(); return [r.left, r.right, r.height]; })"
    ):
        assert box[2] >= 44 and box[0] >= 0 and box[1] <= 390, box  # a tap target, on the screen
    phone.get_by_role("button", name=re.compile(rf"^Show {ROWS_MORE} more")).click()
    wait_idle(phone)
    expect(rows).to_have_count(min(ROWS_FIRST + ROWS_MORE, len(result)))
    rows.first.tap()
    expect(phone.get_by_role("dialog")).to_be_visible()
    expect(phone.get_by_role("dialog").get_by_text("What helps")).to_be_visible()
    must_not_happen(phone)
