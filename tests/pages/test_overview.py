"""The Overview page, run whole through app.py in Streamlit's AppTest.

AppTest cannot click inside a plotly chart, so what a click selects is tested in
tests/causes/test_selection.py and the click itself in tests/browser/test_overview.py."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from causes import Query, count_line, figures, load_cause_table, run_query
from tests.pages.conftest import texts
from tests.support.charts import charts as drawn
from tests.support.generate import write_table

PAGE = "pages/overview.py"


@pytest.fixture
def overview(app) -> Callable[..., AppTest]:
    """Open the Overview straight from a link."""
    return functools.partial(app, page=PAGE)


TABS = ("By category", "Treemap", "Symptom matrix")
TAB_KEY = "overview-chart"


def each_tab(at: AppTest) -> Iterator[AppTest]:
    """The page run once with each chart's tab open (only the open tab's chart is drawn),
    then left on the first tab."""
    for label in TABS:
        at.session_state[TAB_KEY] = label
        at.run()
        assert not at.exception
        yield at
    at.session_state[TAB_KEY] = TABS[0]
    at.run()


def charts(at: AppTest) -> list[dict]:
    """Each plotly chart, tab by tab: its figure (as JSON) and its alt text."""
    return [{"figure": c.figure, "alt": c.alt} for _ in each_tab(at) for c in drawn(at)]


def tables(at: AppTest) -> list[pd.DataFrame]:
    """Each chart's table alternative, tab by tab."""
    return [d.value for _ in each_tab(at) for d in at.dataframe]


def expected_tables(table, query: Query) -> list[pd.DataFrame]:
    result = run_query(table, query)
    return [
        figures.category_data(table, result).frame,
        figures.treemap_data(table, result).frame,
        figures.matrix_data(table, result).frame,
    ]


def assert_same(shown: list[pd.DataFrame], expected: list[pd.DataFrame]) -> None:
    assert len(shown) == len(expected)
    for got, want in zip(shown, expected, strict=True):
        pd.testing.assert_frame_equal(got, want, check_dtype=False, check_index_type=False)


def page_text(at: AppTest) -> str:
    return "\n".join(texts(at))


def test_opens_with_three_charts_each_with_a_title_alt_text_and_a_table(overview, bundled):
    at = overview()
    assert at.title[0].value == "Overview"
    page = page_text(at)
    assert "Education, not diagnosis" in page
    assert f"**{count_line(run_query(bundled, Query()))}**" in page
    assert "All causes" in page
    assert [t.label for t in at.tabs] == list(TABS)
    assert len(drawn(at)) == 1  # only the open tab's chart is drawn and sent
    shown = charts(at)
    assert len(shown) == 3
    for chart in shown:
        assert chart["alt"]
        layout = chart["figure"]["layout"]
        assert layout["title"]["text"]
        assert layout["font"]["size"] >= 16
    assert [[e.label for e in at.expander].count("Show as a table") for _ in each_tab(at)] == [1, 1, 1]
    assert_same(tables(at), expected_tables(bundled, Query()))
    # before any click, each chart says what a click does
    hints = ("Click a bar", "Click a category", "Click a square")
    assert [[h in page_text(at) for h in hints] for _ in each_tab(at)] == [
        [True, False, False],
        [False, True, False],
        [False, False, True],
    ]


@pytest.mark.parametrize(
    ("params", "query"),
    [
        ({"symptom": "twitching at rest"}, Query(symptoms=("twitching at rest",))),
        (
            {"symptom": ["Twitching At Rest", "muscle cramps"], "match": "all"},
            Query(symptoms=("twitching at rest", "muscle cramps"), match="all"),
        ),
        ({"area": "calves", "urgency": "see a doctor"}, Query(areas=("calves",), urgencies=("see a doctor",))),
        ({"category": ["Nervous system", "Muscle disease"]}, Query(categories=("Nervous system", "Muscle disease"))),
        ({"q": "statin"}, Query(text="statin")),
    ],
)
def test_url_parameters_filter_the_charts_tables(overview, bundled, params, query):
    at = overview(params)
    assert_same(tables(at), expected_tables(bundled, query))
    assert tables(at)[0]["Total"].sum() == len(run_query(bundled, query)) < len(bundled)
    assert at.multiselect(key="symptom").value == list(query.symptoms)
    assert f"**{count_line(run_query(bundled, query))}**" in page_text(at)
    description = query.describe()
    assert description[0].upper() + description[1:] in page_text(at)
    assert any(b.label == "Clear all filters" for b in at.button)


def test_the_charts_follow_the_filters_when_they_change(overview, bundled):
    at = overview()
    at.multiselect(key="category").select("Nervous system").run()
    assert not at.exception
    assert_same(tables(at), expected_tables(bundled, Query(categories=("Nervous system",))))
    assert at.query_params["category"] in ("Nervous system", ["Nervous system"])


def test_no_match_says_so_instead_of_empty_charts(overview):
    at = overview({"q": "nothing at all matches this"})
    assert charts(at) == []
    assert any('No cause in this table mentions \\"nothing at all matches this\\"' in m.value for m in at.markdown)
    assert [b.label for b in at.button if b.key and b.key.startswith("overview-near-")] == ["All 70 causes"]


def test_a_table_without_glossary_red_flags_or_claims(overview, hiccups):
    at = overview(data=hiccups)
    table = load_cause_table(hiccups)
    assert "2 causes from" in page_text(at)
    assert len(charts(at)) == 3
    assert_same(tables(at), expected_tables(table, Query()))
    assert list(tables(at)[0]["Category"]) == ["Habits"]
    assert list(tables(at)[2].columns) == ["hiccups", "bloating"]


def test_a_link_with_values_the_table_lacks_drops_them_with_a_notice(overview, hiccups):
    at = overview({"symptom": ["hiccups", "twitching at rest"]}, data=hiccups)
    assert 'no symptom "twitching at rest"' in " ".join(w.value.replace("\\", "") for w in at.warning)
    assert tables(at)[0]["Total"].sum() == 2


@pytest.fixture(scope="module")
def big_table(tmp_path_factory) -> Path:
    return write_table(tmp_path_factory.mktemp("big") / "causes-20000.csv", 20_000, seed=0)


def test_20000_causes_render_readably_with_and_k_more(overview, big_table, capsys):
    started = time.perf_counter()
    at = overview(data=big_table)
    first = time.perf_counter() - started  # reading the table, filters and charts
    started = time.perf_counter()
    at.multiselect(key="symptom").select("twitching").run()
    again = time.perf_counter() - started  # a filter changed: table cached, charts drawn again
    assert not at.exception
    with capsys.disabled():
        print(f"\n20,000 causes: first render {first:.1f} s, after a filter change {again:.1f} s")
    assert again < 20
    page = "\n".join(page_text(at) for _ in each_tab(at))
    matches = len(run_query(load_cause_table(big_table), Query(symptoms=("twitching",))))
    assert matches > figures.TREEMAP_CAUSES
    assert f"and {matches - figures.TREEMAP_CAUSES:,} more are counted" in page
    assert f"and {matches - figures.MATRIX_CAUSES:,} more are not" in page
    bars, tiles, cells = tables(at)
    assert len(bars) <= figures.TOP_CATEGORIES + 1 and bars["Total"].sum() == matches
    assert tiles["Causes"].sum() == matches
    assert cells.shape == (figures.MATRIX_CAUSES, figures.MATRIX_SYMPTOMS)
    # readable: no chart draws more than the top N
    bar_chart, treemap, matrix = (c["figure"] for c in charts(at))
    assert all(len(t["y"]) == len(bars) for t in bar_chart["data"])
    assert len(treemap["data"][0]["ids"]) <= figures.TREEMAP_CAUSES + 2 * (figures.TOP_CATEGORIES + 1)
    assert len(matrix["layout"]["yaxis"]["tickvals"]) == figures.MATRIX_CAUSES


def test_each_chart_offers_png_and_svg_named_after_the_view(overview, monkeypatch):
    import datetime as dt

    import streamlit

    # The buttons get callables (the files are drawn on click): record the calls instead.
    names: list[str] = []
    real = streamlit.download_button

    def recording(label, data, **kwargs):
        names.append(kwargs["file_name"])
        return real(label, data, **kwargs)

    monkeypatch.setattr(streamlit, "download_button", recording)
    at = overview({"area": "calves"})
    for _ in each_tab(at):
        pass
    day = dt.date.today().isoformat()
    assert sorted(set(names)) == sorted(
        f"cause-atlas_calves_{chart}_{day}.{fmt}"
        for chart in ("categories", "treemap", "symptom-matrix")
        for fmt in ("png", "svg")
    )
