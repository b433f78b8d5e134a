"""The Body map page, run whole through app.py in Streamlit's AppTest."""

from __future__ import annotations

import functools
import json

import pytest
from streamlit.testing.v1 import AppTest

from causes import Query, count_line, run_query
from causes.bodymap import BARS_TITLE, BODY_TITLE
from causes.config import BUNDLED_TABLE
from causes.query import term_counts
from causes.redflags import load_red_flags
from causes.text import md_escape
from pages.ui.cards import PAGE_SIZE
from tests.pages.conftest import count_line as shown_count
from tests.pages.conftest import questions, texts
from tests.support.charts import charts

BODY = "pages/body.py"


@pytest.fixture
def body(app):
    """Open the Body map straight from a link (?area=... on /body)."""
    return functools.partial(app, page=BODY)


def figure(at: AppTest) -> dict:
    shown = charts(at)
    assert len(shown) == 1
    return shown[0].figure


def clickable(spec: dict, name: str | None = None) -> dict:
    traces = [t for t in spec["data"] if "customdata" in t and (name is None or t.get("name") == name)]
    assert len(traces) == 1
    return traces[0]


def table_rows(at: AppTest) -> dict[str, int]:
    frame = at.dataframe[0].value
    return dict(zip(frame["Body area"], frame["Matching causes"], strict=True))


def test_renders_the_body_for_the_bundled_table(body, bundled):
    at = body()
    assert at.title[0].value == "Body map"
    assert shown_count(at) == f"{len(bundled)} of {len(bundled)} causes match"
    spec = figure(at)
    assert spec["layout"]["title"]["text"] == BODY_TITLE
    markers = clickable(spec, "areas")
    counts = term_counts(bundled, run_query(bundled, Query()), "body_areas")
    assert dict(zip(markers["customdata"], markers["text"], strict=True)) == {a: str(n) for a, n in counts.items()}
    assert charts(at)[0].alt.startswith("A human figure, front and back")
    said = "Click or tap a part of the body, or its name, to show the causes felt there"
    assert any(t.startswith(said) for t in texts(at))
    assert len([m for m in at.markdown if m.value.startswith("#### ")]) == PAGE_SIZE  # the first page of causes
    assert any("Education, not diagnosis" in t for t in texts(at))


@pytest.mark.parametrize(
    ("params", "query"),
    [
        ({"area": "calves"}, Query(areas=("calves",))),
        ({"area": ["calves", "thighs"]}, Query(areas=("calves", "thighs"))),
        ({"area": "calves", "symptom": "twitching at rest"}, Query(areas=("calves",), symptoms=("twitching at rest",))),
        ({"category": "Nervous system"}, Query(categories=("Nervous system",))),
    ],
)
def test_the_link_filters_the_page_and_the_table_matches_the_core(body, bundled, params, query):
    at = body(params)
    result = run_query(bundled, query)
    assert shown_count(at) == count_line(result)
    assert shown_count(at) != count_line(run_query(bundled, Query()))
    assert at.multiselect(key="area").value == list(query.areas)
    assert table_rows(at) == term_counts(bundled, result, "body_areas")
    markers = clickable(figure(at), "areas")
    assert dict(zip(markers["customdata"], markers["text"], strict=True)) == {
        a: str(n) for a, n in term_counts(bundled, result, "body_areas").items()
    }


def test_the_chosen_area_is_marked_on_the_figure(body):
    labels = [a["text"] for a in figure(body({"area": "calves"}))["layout"]["annotations"]]
    assert "✓ calves" in labels
    assert "thighs" in labels


def test_filters_chosen_on_explore_carry_over(app, bundled):
    at = app({"area": "calves"})
    at.switch_page(BODY).run()
    assert not at.exception
    assert shown_count(at) == count_line(run_query(bundled, Query(areas=("calves",))))
    assert at.multiselect(key="area").value == ["calves"]


def test_another_vocabulary_falls_back_to_bars(body, hiccups):
    at = body(data=hiccups)
    assert shown_count(at) == "2 of 2 causes match"
    spec = figure(at)
    assert spec["layout"]["title"]["text"] == BARS_TITLE
    bars = clickable(spec)
    assert bars["type"] == "bar"
    assert bars["customdata"] == ["chest", "stomach"]
    assert bars["x"] == [2, 1]
    assert table_rows(at) == {"chest": 2, "stomach": 1}
    assert any("shown as bars" in t for t in texts(at))


def test_bars_follow_the_filters(body, hiccups):
    at = body({"area": "stomach"}, data=hiccups)
    assert shown_count(at) == "1 of 2 causes matches"
    assert table_rows(at) == {"chest": 1, "stomach": 1}


def test_the_cause_parameter_opens_its_explanation(body, bundled):
    name = next(n for n in bundled.frame["cause"] if n.startswith("Benign fasciculations"))
    at = body({"cause": name, "area": "calves"})
    first_paragraph = bundled.record(bundled.position_of(name))["explanation"].split("\n\n")[0]
    assert first_paragraph in "\n".join(texts(at))


def test_an_area_the_table_lacks_is_dropped_with_a_notice(body, bundled):
    at = body({"area": ["elbows", "calves"]})  # the figure could draw elbows; the table has none
    assert any('no body area "elbows"' in t for t in texts(at))
    assert shown_count(at) == count_line(run_query(bundled, Query(areas=("calves",))))


def test_no_match_says_so_and_the_figure_still_shows(body, bundled):
    query = Query(symptoms=("bruising",), areas=("face and eyelids",))
    assert not len(run_query(bundled, query))
    at = body(query.to_params())
    assert shown_count(at).startswith("0 of")
    assert any("No cause in this table is listed with bruising" in t for t in texts(at))
    assert any(b.key and b.key.startswith("body-page-near-") for b in at.button)  # the nearest views
    assert set(table_rows(at).values()) == {0}


def test_after_a_tap_the_check_stands_before_the_causes(body, bundled):
    assert not [e for e in body().expander if e.label.startswith("Before the causes")]
    at = body({"area": "calves"})
    assert len([e for e in at.expander if e.label.startswith("Before the causes")]) == 1
    always = [f.sign for f in load_red_flags(BUNDLED_TABLE.parent / "red_flags.csv") if f.always]
    assert questions(at)[: len(always)] == [md_escape(s) for s in always]


def test_hostile_area_names_are_inert(body, tmp_path):
    hostile = tmp_path / "hostile.csv"
    hostile.write_text(
        "cause,category,symptoms,body_areas,summary\n"
        'One,X,twitch,"calves; <a href=""https://example.com"">elbow</a>",One.\n'
        "Two,X,twitch,thighs; whole leg,Two.\n",
        encoding="utf-8",
    )
    at = body(data=hostile)
    spec = json.dumps(figure(at)["layout"]["annotations"]) + json.dumps(clickable(figure(at), "areas")["hovertext"])
    assert "<a" not in spec
    assert "&lt;a" in spec


def test_read_more_opens_the_cause_on_this_page(body, bundled):
    at = body({"area": "calves"})
    first = run_query(bundled, Query(areas=("calves",))).positions[0]
    record = bundled.record(int(first))
    at.button(key=f"open-{first}").click().run()
    assert at.query_params["cause"] == record["cause"]
    assert record["explanation"].split("\n\n")[0] in "\n".join(texts(at))
    assert shown_count(at) == count_line(run_query(bundled, Query(areas=("calves",))))
