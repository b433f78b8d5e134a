"""Explore's question panel (pages/ui/narrow.py), run whole through app.py in AppTest: one
question at a time, Yes / No / Not sure each re-rank at once, each answer can be taken
back, the yes and no answers are in the link, and every cause says why it is listed."""

from __future__ import annotations

from causes import Query, run_query
from causes.questions import ASK_AT_MOST, next_question
from causes.why import why_listed
from tests.pages.conftest import texts

CHOICE = {"symptom": "muscle cramps", "area": "calves"}


def asked(at) -> str | None:
    """The question the panel asks now (None: none)."""
    for m in at.markdown:
        value = m.value.replace("\\", "")
        if value.startswith("**") and "?**" in value and "What would tell" not in value:
            return value.split("**")[1]
    return None


def ranked(at) -> list[str]:
    return [
        m.value.split("\n", 1)[0].replace("\\", "").removeprefix("#### ").split(". ", 1)[1]
        for m in at.markdown
        if m.value.startswith("#### ")
    ]


def param(at, key: str) -> list[str]:
    """A link parameter's values (AppTest gives one value as a string)."""
    value = at.query_params.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def test_nothing_is_asked_before_a_pick_or_under_three_causes(app):
    at = app()
    assert asked(at) is None and not [b for b in at.button if b.key and b.key.startswith("narrow")]


def test_a_pick_of_cramps_and_calves_asks_the_core_s_next_question(app, bundled):
    at = app(CHOICE)
    query = Query(symptoms=("muscle cramps",), areas=("calves",))
    q = next_question(bundled, run_query(bundled, query), query)
    assert asked(at) == q.text()
    assert {"narrow-yes", "narrow-no", "narrow-not sure"} <= {b.key for b in at.button}


def test_yes_no_and_not_sure_each_re_rank_at_once_and_can_be_taken_back(app, bundled):
    at = app(CHOICE)
    query = Query(symptoms=("muscle cramps",), areas=("calves",))
    first = next_question(bundled, run_query(bundled, query), query)
    at.button(key="narrow-yes").click().run()
    assert not at.exception
    query = Query(symptoms=("muscle cramps", first.term), areas=("calves",))
    assert first.column == "symptoms" and param(at, "symptom") == ["muscle cramps", first.term]
    expect = [bundled.record(int(p))["cause"] for p in run_query(bundled, query).positions[:10]]
    assert ranked(at) == expect
    # no: the finding goes into the link as "not", the causes that list it move down
    second = next_question(bundled, run_query(bundled, query), query, [("symptoms", first.term)])
    assert asked(at) == second.text()
    at.button(key="narrow-no").click().run()
    assert param(at, "not") == [second.term]
    query = Query(symptoms=("muscle cramps", first.term), areas=("calves",), without=(second.term,))
    result = run_query(bundled, query)
    assert ranked(at) == [bundled.record(int(p))["cause"] for p in result.positions[:10]]
    # every card says why it is listed, and a cause that lists the "no" says so
    page = "\n".join(texts(at))
    for p in result.positions[:10].tolist():
        why = why_listed(bundled, p, query)
        assert why[:1].lower() + why[1:] in page
    # not sure: the next question, nothing in the link
    before = dict(at.query_params)
    at.button(key="narrow-not sure").click().run()
    assert dict(at.query_params) == before and asked(at) != second.text()
    # each answer is a button that takes it back: the no first
    undo = {b.label: b for b in at.button if b.key and b.key.startswith("narrow-undo")}
    assert f"No: {second.term}" in undo
    undo[f"No: {second.term}"].click().run()
    assert "not" not in at.query_params
    undo = {b.label: b for b in at.button if b.key and b.key.startswith("narrow-undo")}
    undo[f"Yes: {first.term}"].click().run()
    assert param(at, "symptom") == ["muscle cramps"]


def test_the_panel_stops_after_a_few_answers(app):
    at = app(CHOICE)
    for _ in range(ASK_AT_MOST):
        at.button(key="narrow-not sure").click().run()
    assert asked(at) is None
    assert any("enough to narrow the list down" in t for t in texts(at))
    assert len([b for b in at.button if b.key and b.key.startswith("narrow-undo")]) == ASK_AT_MOST


def test_a_link_with_not_reopens_the_same_narrowed_view(app, bundled):
    at = app({**CHOICE, "not": "muscle weakness"})
    query = Query(symptoms=("muscle cramps",), areas=("calves",), without=("muscle weakness",))
    assert ranked(at) == [bundled.record(int(p))["cause"] for p in run_query(bundled, query).positions[:10]]
    assert any(b.label == "No: muscle weakness" for b in at.button)
    # a "no" the table does not have is dropped with a notice naming it
    at = app({**CHOICE, "not": "hiccups"})
    assert any('"hiccups"' in t for t in texts(at))
