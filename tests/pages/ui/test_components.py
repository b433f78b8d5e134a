"""Each component alone, in an AppTest.from_function script on the bundled table: the
filter panel, the cause list and its dialog, the page chrome, and the warning-sign check."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from causes.text import md_escape
from pages.ui import cards


def run(script, **params: str | list[str]) -> AppTest:
    at = AppTest.from_function(script, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def filters_script() -> None:
    import streamlit as st

    from pages.ui import filters, source, state

    table = source.load_source()
    view, result = filters.filter_panel(table, state.view(table))
    state.sync_url(view, ("query",))
    filters.result_heading(table, view.query, result)
    st.text(f"{len(result)} {view.query.to_params()}")


def test_the_filter_panel_starts_from_the_link_counts_and_writes_back():
    at = run(filters_script, symptom=["cramps at night", "hiccups"], match="all")
    assert at.multiselect(key="symptom").value == ["cramps at night"]
    assert at.segmented_control(key="match").value == "all"
    assert [w.value.replace("\\", "") for w in at.warning] == [
        '- This table has no symptom "hiccups", so it was left out.'
    ]
    count, params = at.text[0].value.split(" ", 1)
    assert int(count) > 0 and params == "{'symptom': ['cramps at night'], 'match': ['all']}"
    # every option carries its live count among the matches
    assert any(o.endswith(")") and "(" in o for o in at.multiselect(key="symptom").options)
    at.multiselect(key="symptom").select("twitching at rest").run()
    assert list(at.query_params["symptom"]) == ["cramps at night", "twitching at rest"]
    assert not at.warning  # the notice was about the link; the filters moved on
    next(b for b in at.button if b.label == "Clear all filters").click().run()
    assert "symptom" not in at.query_params and at.text[0].value.endswith("{}")


def cards_script() -> None:
    from causes import run_query
    from pages.ui import cards, source, state

    table = source.load_source()
    view = state.view(table)
    state.sync_url(view, ("query", "cause"))
    cards.linked_cause(table, view)
    cards.ranked_list(table, view.query, run_query(table, view.query), key="t")


def test_the_list_opens_a_cause_in_a_dialog_and_closes_it():
    at = run(cards_script)
    assert len(at.button) == 10  # one page of cards
    first = at.button[0]
    first.click().run()
    assert at.query_params["cause"]  # the link names the opened cause
    assert any("What helps" in m.value for m in at.markdown)  # its full explanation
    at = run(cards_script, cause="Hiccups")
    assert [w.value.replace("\\", "") for w in at.warning] == ['This table has no cause called "Hiccups".']


def rows_script() -> None:
    from causes import run_query
    from pages.ui import cards, source, state

    table = source.load_source()
    view = state.view(table)
    state.sync_url(view, ("query", "cause"))
    cards.linked_cause(table, view)
    cards.ranked_list(table, view.query, run_query(table, view.query), key="t", compact=True)


def test_a_phones_list_is_a_row_a_cause_five_at_first_then_more_on_request():
    from causes import Query, run_query
    from tests.support.bundled import bundled_table

    table = bundled_table()
    ranked = [table.record(int(p))["cause"] for p in run_query(table, Query()).positions]
    at = run(rows_script)
    rows = [b for b in at.button if b.key and b.key.startswith("row-")]
    assert [r.label.split("\n\n")[0].split("** ")[0] for r in rows] == [
        f"**{i}\\. {md_escape(name)}" for i, name in enumerate(ranked[: cards.ROWS_FIRST], start=1)
    ]
    more = next(b for b in at.button if b.label.startswith("Show "))
    assert more.label == f"Show {cards.ROWS_MORE} more · {cards.ROWS_FIRST} of {len(ranked)} shown"
    more.click().run()
    assert len([b for b in at.button if b.key and b.key.startswith("row-")]) == cards.ROWS_FIRST + cards.ROWS_MORE
    while any(b.label.startswith("Show ") for b in at.button):  # every cause can be reached
        next(b for b in at.button if b.label.startswith("Show ")).click().run()
    assert len([b for b in at.button if b.key and b.key.startswith("row-")]) == len(ranked)
    assert any(c.value == f"All {len(ranked)} shown." for c in at.caption)
    next(b for b in at.button if b.key == "row-" + str(table.position_of(ranked[2]))).click().run()
    assert at.query_params["cause"] == ranked[2]  # a tap opens its full explanation, as a card's button does
    assert any("What helps" in m.value for m in at.markdown)
    at.query_params["symptom"] = "cramps at night"  # a new view starts again from five
    at.run()
    assert len([b for b in at.button if b.key and b.key.startswith("row-")]) == cards.ROWS_FIRST


def chrome_script() -> None:
    from pages.ui import chrome, source

    source.load_source()
    chrome.safety_strip()
    chrome.warning_signs()


def test_every_page_says_education_not_diagnosis_and_when_to_get_help():
    at = run(chrome_script)
    values = [m.value for m in at.markdown]
    assert any("Education, not diagnosis." in v for v in values)
    assert any("Call" in v and "ambulance" in v for v in values)  # the emergency signs, with what to do
    assert [s.value for s in at.subheader] == [":material/e911_emergency: When to get help"]


def check_script() -> None:
    from causes import run_query
    from pages.ui import source, state, warning_check

    table = source.load_source()
    view = state.view(table)
    warning_check.action_cards()
    warning_check.check_panel(table, view.query, run_query(table, view.query), source.sidecars()[0])


def test_a_yes_shows_its_action_at_once_and_clear_forgets_it():
    at = run(check_script, symptom="cramps at night", area="calves")
    groups = [g for g in at.pills if str(g.key).startswith("warn-group-")]
    assert len(groups) > 0 and not at.error
    first = groups[0]
    shown = first.format_func.__self__  # the group's labels: {sign key: its question}
    first.select(next(k for k, text in shown.items() if text == first.options[0])).run()
    assert at.error, "a yes to a serious sign shows its action"
    assert [b for b in at.button if b.label == "Clear my answers"]
    next(b for b in at.button if b.label == "Clear my answers").click().run()
    assert not at.error and not any(g.value for g in at.pills if str(g.key).startswith("warn-group-"))


def plot_script() -> None:
    import plotly.graph_objects as go
    import streamlit as st

    from pages.ui import state
    from pages.ui.plot import plot

    wide = go.Figure(go.Bar(x=[1, 2], y=["a", "b"], customdata=["category:a", "category:b"]))
    narrow = go.Figure(go.Bar(x=[1, 2], y=["a", "b"], orientation="h"))
    clicked = plot(wide, key="c", alt="Two bars.", select=True, narrow=narrow)
    plot(wide, key="d", alt="Not clickable.")
    st.text(repr(clicked))
    st.text(repr(state.selection("c")))


def test_a_chart_sends_its_figures_its_words_and_the_bundle_and_reads_a_click_as_st_plotly_chart_did():
    import hashlib
    import json

    import plotly.io as pio

    from pages.ui.plot import BUNDLE, bundle_url
    from tests.support.charts import charts

    at = run(plot_script)
    first, second = charts(at)
    assert first.alt == "Two bars." and first.selects and not second.selects
    assert first.figure["data"][0]["customdata"] == ["category:a", "category:b"]
    assert first.narrow is not None and first.narrow["data"][0]["orientation"] == "h"
    assert second.narrow is None
    data = json.loads(at.get("bidi_component")[0].proto.json)
    assert data["spec"] == pio.to_json(pio.from_json(data["spec"]), validate=False)  # plotly's own JSON
    # the committed bundle, asked for with its hash (a new build is never read from an old cache)
    digest = hashlib.sha256(BUNDLE.read_bytes()).hexdigest()[:12]
    assert data["src"] == bundle_url() == f"/app/static/{BUNDLE.name}?v={digest}"
    assert [t.value for t in at.text] == ["None", "None"]  # nothing clicked yet
    # A click, as the browser reports it (pages/ui/plot.js): the points st.plotly_chart gave.
    at.session_state["c"] = {"selection": {"points": [{"curve_number": 0, "customdata": "category:b"}], "click": 1}}
    at.run()
    returned, kept = (t.value for t in at.text)
    assert "category:b" in returned and "category:b" in kept  # what plot() returns, and what a callback reads
