"""The benchmark's yardstick app does its small job: the count follows the symptom picked."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from causes import Query, count_line, run_query
from causes.config import BUNDLED_TABLE, ENV_VAR

BARE = str(Path(__file__).resolve().parents[2] / "bench" / "bare_app.py")


def test_the_bare_app_counts_the_causes_of_a_picked_symptom(monkeypatch, bundled):
    monkeypatch.setenv(ENV_VAR, str(BUNDLED_TABLE))
    table = bundled
    at = AppTest.from_file(BARE, default_timeout=60).run()
    assert at.markdown[0].value == f"**{count_line(run_query(table, Query()))}**"
    symptom = table.facets["symptoms"].terms[0]
    at.multiselect[0].set_value([symptom]).run()
    picked = run_query(table, Query(symptoms=(symptom,)))
    assert at.markdown[0].value == f"**{count_line(picked)}**"
    assert len(at.dataframe[0].value) == len(picked)
