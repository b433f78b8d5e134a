"""The Overview in real headless Chromium: click a bar, a treemap tile and a matrix square,
and read what was clicked right there on the page."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Locator, Page, expect

from causes import Query, figures, run_query
from causes.figures import CATEGORY, CAUSE, make_key
from pages.ui.cards import PAGE_SIZE
from tests.browser.conftest import must_not_happen, wait_idle
from tests.support.plotly_dom import MARK

BARS = "Bar chart: how many matching causes each category has, each bar split by urgency."
TREEMAP = "Treemap: the matching causes grouped by category, each tile one cause."
MATRIX = "Matrix: which symptoms each matching cause has; causes with similar symptoms are next to each other."
WAIT = 20_000


def chart(page: Page, alt: str) -> Locator:
    """The chart with this alt text, once plotly has laid it out."""
    figure = page.get_by_role("figure", name=alt)
    expect(figure).to_be_visible(timeout=20_000)  # plotly draws after the script is idle
    figure.locator(".js-plotly-plot").wait_for()
    page.wait_for_function("f => f.querySelector('.js-plotly-plot')._fullLayout", arg=figure.element_handle())
    return figure


def open_tab(page: Page, name: str) -> None:
    """Open a chart's tab: its chart is drawn only then (a rerun)."""
    page.get_by_role("tab", name=name).click()
    wait_idle(page)
    expect(page.get_by_role("tab", name=name)).to_have_attribute("aria-selected", "true")


def click_mark(page: Page, alt: str, key: str) -> None:
    """Point at the mark, wait until plotly shows its hover label (so plotly knows what
    is under the mouse), then click it."""
    figure = chart(page, alt)
    point = figure.evaluate(MARK, key)
    assert point is not None, f"no mark for {key} in {alt}"
    page.mouse.move(point["x"], point["y"])
    expect(figure.locator(".hoverlayer .hovertext")).to_be_visible()
    page.mouse.click(point["x"], point["y"])


def test_click_a_bar_and_read_that_categorys_causes(page: Page, server, bundled) -> None:
    page.goto(server.url + "/overview")
    wait_idle(page)
    category = "Nervous system"
    result = run_query(bundled, Query())
    expected = [
        bundled.record(int(p))["cause"] for p in result.positions if bundled.record(int(p))["category"] == category
    ]

    click_mark(page, BARS, make_key(CATEGORY, category))

    heading = page.get_by_role("heading", name=re.compile(rf"{category}: {len(expected)} matching causes$"))
    expect(heading).to_be_visible(timeout=WAIT)
    wait_idle(page)
    for name in expected[:PAGE_SIZE]:  # a page of them at a time
        expect(page.get_by_text(re.compile(rf"^{re.escape(name)}: "))).to_be_visible()
    first = bundled.record(bundled.position_of(expected[0]))
    page.get_by_text(re.compile(rf"^{re.escape(expected[0])}: ")).click()
    expect(page.get_by_text(first["summary"], exact=True)).to_be_visible()
    assert urlsplit(page.url).path == "/overview"
    # The other bars fade, as a selection does; Close closes what was clicked, every bar back.
    figure = chart(page, BARS)
    page.wait_for_function(
        """f => { const o = [...f.querySelectorAll('.bars path')].map((p) => getComputedStyle(p).opacity);
                  return o.includes('1') && o.some((v) => Number(v) < 1); }""",
        arg=figure.element_handle(),
    )
    page.locator(".st-key-bars-explained").get_by_role("button", name="Close").click()
    expect(heading).to_have_count(0, timeout=WAIT)
    expect(page.get_by_text("Click a bar to read that category's causes here.")).to_be_visible()
    page.wait_for_function(
        "f => [...f.querySelectorAll('.bars path')].every((p) => getComputedStyle(p).opacity === '1')",
        arg=chart(page, BARS).element_handle(),
    )
    must_not_happen(page)


def test_a_chart_that_cannot_load_says_so_and_tries_again(page: Page, server) -> None:
    """The charts' plotly.js not arriving (a phone losing its signal): the chart says so,
    points to its table, and draws once it can."""
    page.route("**/plotly-cause-atlas.min.js*", lambda route: route.abort())
    page.goto(server.url + "/overview")
    wait_idle(page)
    alert = page.get_by_test_id("caChart").get_by_role("alert")
    expect(alert).to_contain_text("The chart could not be loaded. The same figures are in its table.")
    page.unroute("**/plotly-cause-atlas.min.js*")
    alert.get_by_role("button", name="Try again").click()
    chart(page, BARS)
    expect(alert).to_have_count(0)
    must_not_happen(page)


def test_click_a_matrix_square_and_read_that_cause(page: Page, server, bundled) -> None:
    page.goto(server.url + "/overview?symptom=twitching%20at%20rest")
    wait_idle(page)
    open_tab(page, "Symptom matrix")
    result = run_query(bundled, Query(symptoms=("twitching at rest",)))
    cells = figures.matrix_data(bundled, result)
    name = "Motor neurone disease (ALS)"
    assert name in cells.frame.index
    c = bundled.record(bundled.position_of(name))

    click_mark(page, MATRIX, make_key(CAUSE, name))

    expect(page.get_by_role("heading", name=re.compile(rf"{re.escape(name)}$"))).to_be_visible(timeout=WAIT)
    wait_idle(page)
    expect(page.get_by_text(c["summary"], exact=True)).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("^Source: "))).to_have_attribute("href", c["source_url"])
    assert urlsplit(page.url).path == "/overview"
    must_not_happen(page)


def test_click_a_treemap_category_and_then_a_cause(page: Page, server, bundled) -> None:
    page.goto(server.url + "/overview")
    wait_idle(page)
    open_tab(page, "Treemap")

    click_mark(page, TREEMAP, make_key(CATEGORY, "Lifestyle & activity"))
    n = sum(bundled.record(i)["category"] == "Lifestyle & activity" for i in range(len(bundled)))
    expect(page.get_by_role("heading", name=re.compile(rf"Lifestyle & activity: {n} matching causes$"))).to_be_visible(
        timeout=WAIT
    )
    wait_idle(page)

    name = "Dehydration"
    click_mark(page, TREEMAP, make_key(CAUSE, name))
    expect(page.get_by_role("heading", name=re.compile(rf"{name}$"))).to_be_visible(timeout=WAIT)
    wait_idle(page)
    expect(page.get_by_text(bundled.record(bundled.position_of(name))["summary"], exact=True)).to_be_visible()
    must_not_happen(page)


def test_a_chart_downloads_as_png_and_svg_with_its_source_line(page: Page, server) -> None:
    page.goto(server.url + "/overview?area=calves")
    wait_idle(page)
    for fmt in ("PNG", "SVG"):
        button = page.locator(".st-key-bars-downloads").get_by_role("button", name=f"Chart as {fmt}")
        with page.expect_download(timeout=60_000) as info:
            button.click()
        download = info.value
        assert re.fullmatch(
            rf"cause-atlas_calves_categories_\d{{4}}-\d\d-\d\d\.{fmt.lower()}", download.suggested_filename
        )
        data = Path(download.path()).read_bytes()
        if fmt == "PNG":
            assert data.startswith(b"\x89PNG")
        else:
            assert b"Source: Cause Atlas, cause table causes.csv" in data
    must_not_happen(page)


# Boxes in the bar chart's SVG, by what they are: a box runs into another when both
# their spans overlap (a pixel's rounding allowed).
BOXES = """(figure) => {
  const box = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const svg = figure.querySelector('.js-plotly-plot');
  return {
    title: [...svg.querySelectorAll('.gtitle')].map(box),
    legend: [...svg.querySelectorAll('.legend .bg')].map(box),
    bars: [...svg.querySelectorAll('.plot .bars path')].map(box),
    xticks: [...svg.querySelectorAll('.xtick text')].map(box),
    chart: [box(svg)],
  };
}"""


def overlaps(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1


@pytest.mark.parametrize("width", [390, 1280])
def test_the_bar_charts_title_legend_and_numbers_stay_apart_on_a_phone_and_a_desktop(
    page: Page, server, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(server.url + "/overview")
    wait_idle(page)
    boxes = chart(page, BARS).evaluate(BOXES)
    (title,), (legend,), (whole,) = boxes["title"], boxes["legend"], boxes["chart"]
    assert title[3] <= legend[1] + 1, "the legend runs over the title"
    assert all(legend[3] <= bar[1] + 1 for bar in boxes["bars"] if bar[3] > bar[1]), "the legend runs over a bar"
    assert title[2] <= whole[2] + 1, "the title is cut at the chart's right edge"
    ticks = sorted(boxes["xticks"])
    assert len(ticks) >= 2
    assert not any(overlaps(a, b) for a, b in pairwise(ticks)), "the axis numbers run into each other"
    must_not_happen(page)


TITLES = """(figure) => [...figure.querySelectorAll('.gtitle, .gtitle-subtitle')].map((el) => {
  const r = el.getBoundingClientRect(), svg = figure.querySelector('.js-plotly-plot').getBoundingClientRect();
  return {text: el.textContent, left: r.left - svg.left, right: svg.right - r.right};
})"""


@pytest.mark.parametrize(("tab", "alt"), [("Treemap", TREEMAP), ("Symptom matrix", MATRIX)])
def test_each_charts_title_fits_a_phones_width(page: Page, server, tab: str, alt: str) -> None:
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(server.url + "/overview")
    wait_idle(page)
    open_tab(page, tab)
    titles = chart(page, alt).evaluate(TITLES)
    for t in titles:
        assert t["left"] >= -1 and t["right"] >= -1, f"{t['text']!r} is cut at the chart's edge"
    assert len(titles) == 2  # the title, and its explanation on a line of its own
    must_not_happen(page)
