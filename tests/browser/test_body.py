"""The Body map in real headless Chromium: click a region of the drawn figure and see the
list narrow to the causes felt there, with the area in the link."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from causes import Query, count_line, run_query
from causes.bodymap import BARS_TITLE, BODY_TITLE, PART_BY_NAME, centroid, region_anchor
from tests.browser.conftest import Server, must_not_happen, wait_idle
from tests.support.plotly_dom import TO_SCREEN


def click_figure_at(page: Page, point: tuple[float, float]) -> None:
    chart = page.get_by_test_id("caChart")
    expect(chart.get_by_text(BODY_TITLE)).to_be_visible()
    spot = chart.evaluate(TO_SCREEN, list(point))
    page.mouse.click(spot["x"], spot["y"])


def areas_in_url(page: Page) -> list[str]:
    return parse_qs(urlsplit(page.url).query).get("area", [])


def test_clicking_the_calves_narrows_the_list(page: Page, server, bundled) -> None:
    page.goto(server.url + "/body")
    wait_idle(page)
    expect(page.get_by_role("heading", name="Body map", level=1)).to_be_visible()
    expect(page.get_by_text(count_line(run_query(bundled, Query())), exact=True)).to_be_visible()

    # The calves' marker: the white disc with their count, between the two calves.
    click_figure_at(page, region_anchor("calves"))
    page.wait_for_url(re.compile(r"[?&]area=calves(&|$)"))
    wait_idle(page)
    calves = run_query(bundled, Query(areas=("calves",)))
    expect(page.get_by_text(count_line(calves), exact=True)).to_be_visible()
    assert areas_in_url(page) == ["calves"]
    expect(page.get_by_text(f"calves ({len(calves)})", exact=True)).to_be_visible()  # the filter shows it
    first = bundled.record(int(calves.positions[0]))["cause"]
    expect(page.get_by_role("heading", name=f"1. {first}")).to_be_visible()
    must_not_happen(page)


def test_clicking_a_region_away_from_its_marker_adds_it(page: Page, server, bundled) -> None:
    page.goto(server.url + "/body?area=calves")
    wait_idle(page)
    # The middle of the left thigh (front view), not its marker.
    click_figure_at(page, centroid([PART_BY_NAME["thigh (front, left)"].polygon]))
    page.wait_for_url(re.compile(r"[?&]area=thighs(&|$)"))
    wait_idle(page)
    assert areas_in_url(page) == ["calves", "thighs"]
    both = run_query(bundled, Query(areas=("calves", "thighs")))
    expect(page.get_by_text(count_line(both), exact=True)).to_be_visible()
    must_not_happen(page)


@pytest.fixture
def hiccups_server(tmp_path):
    """A server for another topic's table, whose body areas the figure does not draw."""
    path = tmp_path / "hiccups.csv"
    path.write_text(
        "cause,category,symptoms,body_areas,summary\n"
        "Eating fast,Habits,hiccups,chest,Swallowing air can set off hiccups.\n"
        "Fizzy drinks,Habits,hiccups,chest; stomach,Gas stretches the stomach.\n",
        encoding="utf-8",
    )
    s = Server(data=path)
    yield s
    s.stop()


def test_another_vocabulary_gets_bars_that_click_the_same(page: Page, hiccups_server) -> None:
    page.goto(hiccups_server.url + "/body")
    wait_idle(page)
    chart = page.get_by_test_id("caChart")
    expect(chart.get_by_text(BARS_TITLE)).to_be_visible()
    expect(page.get_by_text("2 of 2 causes match", exact=True)).to_be_visible()
    spot = chart.evaluate(TO_SCREEN, [0.5, 1])  # the middle of the second bar: stomach, 1 cause
    page.mouse.click(spot["x"], spot["y"])
    page.wait_for_url(re.compile(r"[?&]area=stomach(&|$)"))
    wait_idle(page)
    expect(page.get_by_text("1 of 2 causes matches", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="1. Fizzy drinks")).to_be_visible()
    must_not_happen(page)
