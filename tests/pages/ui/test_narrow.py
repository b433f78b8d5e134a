"""Explore's question panel (pages/ui/narrow.py), run whole through app.py in AppTest: one
question at a time, Yes / No / Not sure each re-rank at once, each answer can be taken
back, the yes and no answers are in the link, and every cause says why it is listed."""

from __future__ import annotations

import re

from causes import Query, run_query
from causes.questions import ASK_AT_MOST, next_question
from causes.why import why_listed
from tests.pages.conftest import texts

CHOICE = {"symptom": "muscle cramps", "area": "calves"}


def asked(at) -> str | None:
    """The question the panel asks now (None: none)."""
    for m in at.markdown:
        found = re.search(r"\n\n\*\*(.+?\?)\*\*", m.value.replace("\\", ""))
        if found and "What would tell these apart" in m.value:
            return found.group(1)
    return None


def answer(at, said: str):
    """Answer the question asked (its segmented control: yes, no or not sure)."""
    (control,) = [c for c in at.segmented_control if str(c.key).startswith("narrow-q-")]
    return control.set_value(said).run()


def given(at) -> list[str]:
    """The answers given, as the panel shows them (toggles, pressed)."""
    groups = [g for g in at.pills if str(g.key).startswith("narrow-answers")]
    return list(groups[0].value) if groups else []


def take_back(at, label: str):
    (group,) = [g for g in at.pills if str(g.key).startswith("narrow-answers")]
    return group.set_value([v for v in group.value if v != label]).run()


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
    assert asked(at) is None and not [c for c in at.segmented_control if str(c.key).startswith("narrow")]


def test_a_pick_of_cramps_and_calves_asks_the_core_s_next_question(app, bundled):
    at = app(CHOICE)
    query = Query(symptoms=("muscle cramps",), areas=("calves",))
    q = next_question(bundled, run_query(bundled, query), query)
    assert asked(at) == q.text()
    (control,) = [c for c in at.segmented_control if str(c.key).startswith("narrow-q-")]
    assert control.options == ["Yes", "No", "Not sure"] and control.value is None


def test_yes_no_and_not_sure_each_re_rank_at_once_and_can_be_taken_back(app, bundled):
    at = app(CHOICE)
    query = Query(symptoms=("muscle cramps",), areas=("calves",))
    first = next_question(bundled, run_query(bundled, query), query)
    answer(at, "yes")
    assert not at.exception
    query = Query(symptoms=("muscle cramps", first.term), areas=("calves",))
    assert first.column == "symptoms" and param(at, "symptom") == ["muscle cramps", first.term]
    expect = [bundled.record(int(p))["cause"] for p in run_query(bundled, query).positions[:10]]
    assert ranked(at) == expect
    # no: the finding goes into the link as "not", the causes that list it move down
    second = next_question(bundled, run_query(bundled, query), query, [("symptoms", first.term)])
    assert asked(at) == second.text()
    answer(at, "no")
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
    answer(at, "not sure")
    assert dict(at.query_params) == before and asked(at) != second.text()
    # each answer is a pressed toggle: untoggled, it is taken back (the no first)
    third = given(at)[-1]
    assert given(at) == [f"Yes: {first.term}", f"No: {second.term}", third]
    take_back(at, f"No: {second.term}")
    assert "not" not in at.query_params and given(at) == [f"Yes: {first.term}", third]
    take_back(at, f"Yes: {first.term}")
    assert param(at, "symptom") == ["muscle cramps"] and given(at) == [third]


def test_the_panel_stops_after_a_few_answers(app):
    at = app(CHOICE)
    for _ in range(ASK_AT_MOST):
        answer(at, "not sure")
    assert asked(at) is None
    assert any("enough to narrow the list down" in t for t in texts(at))
    assert len(given(at)) == ASK_AT_MOST


def test_a_link_with_not_reopens_the_same_narrowed_view(app, bundled):
    at = app({**CHOICE, "not": "muscle weakness"})
    query = Query(symptoms=("muscle cramps",), areas=("calves",), without=("muscle weakness",))
    assert ranked(at) == [bundled.record(int(p))["cause"] for p in run_query(bundled, query).positions[:10]]
    assert given(at) == ["No: muscle weakness"]
    # a "no" the table does not have is dropped with a notice naming it
    at = app({**CHOICE, "not": "hiccups"})
    assert any('"hiccups"' in t for t in texts(at))
