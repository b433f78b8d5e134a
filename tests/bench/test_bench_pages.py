"""What the every-page benchmark clicks and expects, worked out from the table (the
browser runs themselves are `make bench`'s)."""

from __future__ import annotations

import pytest

from bench.bench_pages import STEPS, Plan
from bench.report import STEP_WORDS
from causes import CauseTable, Query, count_line, figures, run_query
from causes.bodymap import MARKER_PARTS
from tests.support.generate import write_table


def test_the_plan_for_the_bundled_table(bundled):
    plan = Plan.of(bundled)
    symptom = bundled.facets["symptoms"].terms[0]
    picked = run_query(bundled, Query(symptoms=(symptom,)))
    assert plan.symptom == symptom
    assert plan.picked_count == count_line(picked)
    assert plan.first_summary == bundled.record(int(picked.positions[0]))["summary"].strip()
    assert plan.compared == tuple(bundled.record(int(p))["cause"] for p in picked.positions[:2])
    bars = figures.category_data(bundled, run_query(bundled, Query())).frame
    assert plan.category == bars["Category"].iloc[0]
    assert bars["Total"].iloc[0] == bars["Total"].max()  # the largest category's bar
    # the body figure is drawn for this table: the tap lands on a drawn area (its marks)
    assert plan.body_area in {a for a in bundled.facets["body_areas"].terms if a in MARKER_PARTS}
    assert plan.area_counts["calves"] == count_line(run_query(bundled, Query(areas=("calves",))))


@pytest.fixture
def foreign(tmp_path) -> CauseTable:
    """A generated table: its body areas are not the ones the figure draws."""
    from causes import load_cause_table

    path = tmp_path / "generated.csv"
    write_table(path, rows=30, seed=1)
    return load_cause_table(path)


def test_a_table_whose_areas_are_not_drawn_clicks_a_bar(foreign):
    assert Plan.of(foreign).body_area is None


def test_every_step_has_words_in_the_report():
    assert list(STEP_WORDS) == list(STEPS)
