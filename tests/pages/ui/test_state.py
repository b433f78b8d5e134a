"""The gatekeeper alone (`pages/ui/state.py`), in AppTest.from_function scripts: the view
a link opens, kept over a bare address, overridden by a link inside the app; what a change
of table clears; and that no other module touches the URL or the session."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[3]


def view_script() -> None:
    import streamlit as st

    from pages.ui import source, state

    table = source.load_source()
    view = state.view(table)
    st.write(repr(view))
    for part in ("query", "compare", "cause"):
        for notice in state.notices(part, getattr(view, part)):
            st.warning(notice)
    state.sync_url(view, ("query", "compare"))


def shown(at: AppTest) -> str:
    return at.markdown[0].value


def test_the_link_opens_its_view_and_the_table_spells_it():
    at = AppTest.from_function(view_script, default_timeout=60)
    at.query_params["symptom"] = ["CRAMPS at night", "hiccups"]
    at.query_params["compare"] = ["statins", "Tetanus"]
    at.run()
    assert "symptoms=('cramps at night',)" in shown(at) and "compare=('Statins', 'Tetanus')" in shown(at)
    assert [w.value for w in at.warning] == ['This table has no symptom "hiccups", so it was left out.']
    # written back in the table's spelling, the unknown value gone from the link
    assert at.query_params["symptom"] in ("cramps at night", ["cramps at night"])
    assert list(at.query_params["compare"]) == ["Statins", "Tetanus"]


def test_a_bare_address_keeps_the_view_and_a_new_link_wins():
    at = AppTest.from_function(view_script, default_timeout=60)
    at.query_params["symptom"] = "cramps at night"
    at.run()
    for key in list(at.query_params):  # moving to another page leaves the address bare
        del at.query_params[key]
    at.run()
    assert "symptoms=('cramps at night',)" in shown(at)
    assert at.query_params["symptom"] in ("cramps at night", ["cramps at night"])  # and it is written again
    at.query_params["compare"] = ["Statins", "Tetanus"]  # a link inside the app
    at.run()
    assert "compare=('Statins', 'Tetanus')" in shown(at) and "symptoms=('cramps at night',)" in shown(at)
    assert not at.warning


def test_an_unknown_cause_is_said_once_and_leaves_the_link():
    at = AppTest.from_function(view_script, default_timeout=60)
    at.query_params["cause"] = "Hiccups"
    at.run()
    assert [w.value for w in at.warning] == ['This table has no cause called "Hiccups".']
    assert "cause=None" in shown(at)


def table_change_script() -> None:
    import streamlit as st

    from pages.ui import source, state

    table = source.load_source()
    view = state.view(table)
    state.sync_url(view, ("query",))
    state.set_answers({"x": "said yes"})
    state.open_draft("mine.csv", table.frame.head(2))
    st.button("Use it", on_click=state.use_table, args=(table,))
    st.text(repr(sorted(str(k) for k in st.session_state)))


def test_a_change_of_table_clears_all_but_the_person_s_own_table_and_draft():
    at = AppTest.from_function(table_change_script, default_timeout=60)
    at.query_params["symptom"] = "cramps at night"
    at.run()
    before = set(ast.literal_eval(at.text[0].value))
    assert {"view_kept", "warning_answers", "data-draft"} <= before
    at.button[0].click()
    at.session_state["scratch"] = 1  # anything a page left
    at.run()
    # The script ran again after the change, so it set its keys again; what the change
    # cleared is what the script does not set itself: the link's filters and the scratch.
    assert "symptom" not in at.query_params
    assert "scratch" not in at.session_state
    assert "own_table" in at.session_state and "data-draft" in at.session_state


def test_only_the_gatekeeper_touches_the_url_and_the_session():
    found = subprocess.run(
        ["git", "grep", "-n", "-E", r"st\.(query_params|session_state)", "--", "*.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    outside = [line for line in found if not line.startswith(("pages/ui/state.py:", "tests/"))]
    assert outside == []
    assert any(line.startswith("pages/ui/state.py:") for line in found)
    assert not re.search(r"\bhash\(", (ROOT / "pages").joinpath("overview.py").read_text())
