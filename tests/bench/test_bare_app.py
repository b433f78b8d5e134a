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


def test_the_bare_chart_apps_draw_one_stacked_bar_chart_with_streamlits_own_elements(monkeypatch):
    """bench/bare_chart.py: the chart floor, `st.plotly_chart` or `st.vega_lite_chart`."""
    import json
    import sys

    script = str(Path(BARE).with_name("bare_chart.py"))
    for kind, element in (("plotly", "plotly_chart"), ("vega", "vega_lite_chart")):
        monkeypatch.setattr(sys, "argv", ["bare_chart.py", kind])
        at = AppTest.from_file(script, default_timeout=60).run()
        assert not at.exception
        assert at.markdown[0].value == "**A bare chart app**"
        (chart,) = at.get(element)
        if kind == "plotly":
            spec = json.loads(chart.proto.spec)
            assert len(spec["data"]) == 4 and all(len(t["y"]) == 9 for t in spec["data"])
