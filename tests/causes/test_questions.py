"""causes/questions.py: the next most useful question, pinned on small tables where the best
question is known, and the rule's edges (nothing to split, terms already chosen or answered)."""

from __future__ import annotations

import math

import pytest

from causes import Query, run_query
from causes.questions import (
    ASK_AT_MOST,
    MIN_BITS,
    TOP,
    Question,
    alarm_symptoms,
    answer_query,
    changes_order,
    next_question,
    ranked_questions,
    split_bits,
)
from tests.causes.tables import table_from_rows

COLUMNS = ["cause", "category", "symptoms", "body_areas", "risk_factors", "summary", "urgency"]


def table(*rows: tuple[str, str, str, str, str]):
    """Causes as (name, urgency, symptoms, areas, risk factors)."""
    return table_from_rows(COLUMNS, [[n, "Any", s, a, r, f"{n}.", u] for n, u, s, a, r in rows])


EVEN = table(
    ("A", "self-care", "twitching; cramps", "calves", ""),
    ("B", "self-care", "twitching", "calves", ""),
    ("C", "self-care", "cramps", "calves", ""),
    ("D", "self-care", "pain", "calves", ""),
)
# One emergency among harmless causes: unweighed, "pain", "weakness" and "cramps" split the
# seven alike (3 or 4 against the rest; "pain", listed by more, would be asked); weighed by
# urgency, "weakness" does best, the one that tells the emergency apart. (Two harmless
# causes list weakness too: a symptom mostly of urgent causes is a warning sign in itself,
# asked by the warning-sign check, never here.)
DANGER = table(
    ("Emergency", "emergency", "pain; weakness", "calves", ""),
    ("Harmless 1", "self-care", "pain; weakness", "calves", ""),
    ("Harmless 2", "self-care", "pain; weakness", "calves", ""),
    ("Harmless 3", "self-care", "pain", "calves", ""),
    ("Harmless 4", "self-care", "cramps", "calves", ""),
    ("Harmless 5", "self-care", "cramps", "calves", ""),
    ("Harmless 6", "self-care", "cramps", "calves", ""),
)
# Only the body areas and the risk factors tell these apart.
PLACES = table(
    ("Calf", "see a doctor", "cramps", "calves", "older age"),
    ("Thigh", "see a doctor", "cramps", "thighs", "older age"),
    ("Foot", "see a doctor", "cramps", "feet and toes", "older age"),
    ("Statin", "see a doctor", "cramps", "calves", "statin use"),
)


@pytest.mark.parametrize(
    ("name", "tbl", "query", "answered", "expected"),
    [
        # an even split of even weights is worth a bit; a tie goes to the table's order of
        # terms (more causes first, then by name): cramps before twitching
        ("even", EVEN, Query(), (), ("symptoms", "cramps")),
        ("the first answered, the next", EVEN, Query(), [("symptoms", "cramps")], ("symptoms", "twitching")),
        ("the danger told apart first", DANGER, Query(), (), ("symptoms", "weakness")),
        ("a chosen symptom is not asked", DANGER, Query(symptoms=("weakness",)), (), None),
        ("answered in any case", DANGER, Query(), [("symptoms", "WEAKNESS")], ("symptoms", "pain")),
        # an area or a risk factor is never asked: a yes to it would hide causes
        ("never an area or a risk factor", PLACES, Query(), (), None),
    ],
)
def test_the_next_question_is_the_one_known_best(name, tbl, query, answered, expected):
    q = next_question(tbl, run_query(tbl, query), query, answered)
    assert (None if q is None else (q.column, q.term)) == expected, name


def test_weighing_by_urgency_is_what_puts_the_danger_first():
    ranked = ranked_questions(DANGER, run_query(DANGER, Query()))
    bits = {q.term: q.bits for q in ranked}
    # weights 4 + 6 x 1: weakness splits 6 against 4, pain 7 against 3, cramps 3 against 7
    assert bits["weakness"] == pytest.approx(split_bits(6, 10).item())
    assert bits["pain"] == pytest.approx(split_bits(7, 10).item()) == bits["cramps"]
    assert [q.term for q in ranked] == ["weakness", "pain", "cramps"]  # pain: more causes list it


def test_a_term_every_cause_shown_lists_or_none_does_is_never_asked():
    shown = run_query(PLACES, Query())
    asked = {(q.column, q.term) for q in ranked_questions(PLACES, shown)}
    assert ("symptoms", "cramps") not in asked  # all four have it
    for q in ranked_questions(PLACES, shown):
        assert 0 < q.having < 4 and q.having + q.without == 4


def test_fewer_than_three_causes_are_not_narrowed_down():
    two = run_query(EVEN, Query(symptoms=("twitching",)))
    assert len(two) == 2
    assert next_question(EVEN, two) is None
    assert ranked_questions(EVEN, two) == []


def test_a_question_worth_too_little_is_not_asked():
    # nine self-care causes and one listing "tremor": a split of 1 against 9 is worth 0.47
    # bits; below MIN_BITS only when the weights are that uneven, here 0.0 -> kept
    many = table(*[(f"C{i}", "self-care", "cramps" + ("; tremor" if i == 0 else ""), "calves", "") for i in range(10)])
    (q,) = ranked_questions(many, run_query(many, Query()))
    assert q.term == "tremor" and q.bits == pytest.approx(split_bits(1, 10).item()) and q.bits >= MIN_BITS
    lopsided = table(
        *[
            (f"C{i}", "emergency" if i else "self-care", "cramps" + ("; tremor" if i == 0 else ""), "calves", "")
            for i in range(40)
        ]
    )
    # the one self-care cause (weight 1) against 39 emergencies (weight 4 each): 0.06 bits
    assert split_bits(1, 157).item() < MIN_BITS
    assert next_question(lopsided, run_query(lopsided, Query())) is None


@pytest.mark.parametrize(
    ("column", "term", "said"),
    [
        ("symptoms", "muscle weakness", "Do you have muscle weakness?"),
        ("body_areas", "calves", "Do you feel it in the calves?"),
        ("risk_factors", "statin use", "Does this apply to you: statin use?"),
    ],
)
def test_a_question_in_words(column, term, said):
    q = Question(column, term, 2, 5, 0.86)
    assert q.text() == said
    assert q.why() == f"2 of the 7 causes shown list {term}."


@pytest.mark.parametrize(("part", "whole", "bits"), [(0, 4, 0.0), (4, 4, 0.0), (2, 4, 1.0), (1, 4, 0.8112781)])
def test_split_bits(part, whole, bits):
    assert split_bits(part, whole).item() == pytest.approx(bits)
    assert math.isfinite(split_bits(part, whole).item())


def test_the_bundled_table_asks_something_useful_for_twitching_at_rest(bundled):
    query = Query(symptoms=("twitching at rest",))
    result = run_query(bundled, query)
    q = next_question(bundled, result, query)
    assert q is not None and q.bits >= MIN_BITS
    assert q.term.casefold() != "twitching at rest"
    assert 0 < q.having < len(result)


# --- answers: what a yes, a no and a "not sure" do ------------------------------------------


@pytest.mark.parametrize(
    ("column", "answer", "expected"),
    [
        ("symptoms", "yes", Query(symptoms=("cramps", "weakness"))),
        ("symptoms", "no", Query(symptoms=("cramps",), without=("weakness",))),
        ("symptoms", "not sure", Query(symptoms=("cramps",))),
        ("body_areas", "yes", Query(symptoms=("cramps",), areas=("weakness",))),
        ("risk_factors", "yes", Query(symptoms=("cramps",), risks=("weakness",))),
        ("risk_factors", "no", Query(symptoms=("cramps",), without=("weakness",))),
    ],
)
def test_an_answer_is_a_filter_a_finding_or_nothing(column, answer, expected):
    assert answer_query(Query(symptoms=("cramps",)), Question(column, "weakness", 1, 2, 1.0), answer) == expected


def test_an_area_or_a_risk_factor_is_never_asked():
    """A yes to either would be a filter: it would hide causes, and their warning signs."""
    assert ranked_questions(PLACES, run_query(PLACES, Query())) == []
    assert {q.column for q in ranked_questions(EVEN, run_query(EVEN, Query()))} == {"symptoms"}


@pytest.mark.parametrize(
    ("listed_by", "asked"),
    [
        (("urgent", "emergency"), False),  # every cause that lists it needs help today or sooner
        (("urgent", "self-care"), False),  # half of them: a warning sign in itself
        (("urgent", "self-care", "self-care"), True),  # a third
        (("self-care", "see a doctor"), True),
    ],
)
def test_a_symptom_that_is_a_warning_sign_in_itself_is_never_asked(listed_by, asked):
    rows = [(f"C{i}", level, "cramps; confusion", "calves", "") for i, level in enumerate(listed_by)]
    rows += [(f"Other {i}", "self-care", "cramps", "calves", "") for i in range(3)]
    tbl = table(*rows)
    assert (("confusion" in alarm_symptoms(tbl)) is not asked) and (
        ("confusion" in {q.term for q in ranked_questions(tbl, run_query(tbl, Query()))}) is asked
    )


def test_the_bundled_table_never_asks_its_alarm_symptoms(bundled):
    alarms = alarm_symptoms(bundled)
    for term in ("confusion", "dark pee", "fever or shivering", "breathing problems", "weakness on one side"):
        assert term in alarms
    for term in ("muscle cramps", "twitching at rest", "pain", "cramps at night"):
        assert term not in alarms
    for symptom in bundled.facets["symptoms"].terms:
        query = Query(symptoms=(symptom,))
        asked = {q.term.casefold() for q in ranked_questions(bundled, run_query(bundled, query), query)}
        assert not asked & alarms, symptom


def test_a_finding_said_no_to_is_not_asked_again():
    query = Query(without=("weakness",))
    assert "weakness" not in {q.term for q in ranked_questions(DANGER, run_query(DANGER, query), query)}


# Every answer to every question of these tables either changes the order of the causes
# shown first or the question is not asked: checked by running the answered query.
@pytest.mark.parametrize("tbl", [EVEN, DANGER, PLACES], ids=["even", "danger", "places"])
def test_a_question_is_asked_only_when_an_answer_would_change_the_order(tbl):
    result = run_query(tbl, Query())
    for q in ranked_questions(tbl, result):
        after = [run_query(tbl, answer_query(Query(), q, a)).positions[:TOP].tolist() for a in ("yes", "no")]
        moved = any(a != result.positions[:TOP].tolist() for a in after)
        assert changes_order(tbl, result, q) == moved, q


def test_a_question_that_would_not_change_the_order_is_skipped():
    # A and B have both chosen symptoms, C and D one. "ache" (A and B) splits them as well
    # as "pain" (A and C) does, and comes first in the table's order; but a yes leaves A and
    # B first, and a no puts them level with C and D, where their names still put them
    # first: no answer would change the order, so "pain" is asked instead.
    tbl = table(
        ("A", "self-care", "cramps; tremor; ache; pain", "calves", ""),
        ("B", "self-care", "cramps; tremor; ache", "calves", ""),
        ("C", "self-care", "cramps; pain", "calves", ""),
        ("D", "self-care", "cramps", "calves", ""),
    )
    query = Query(symptoms=("cramps", "tremor"))
    result = run_query(tbl, query)
    assert [tbl.record(int(p))["cause"] for p in result.positions] == ["A", "B", "C", "D"]
    ache, pain = ranked_questions(tbl, result, query)
    assert (ache.term, pain.term) == ("ache", "pain") and ache.bits == pain.bits
    assert not changes_order(tbl, result, ache)
    assert changes_order(tbl, result, pain)
    assert next_question(tbl, result, query) == pain
    assert next_question(tbl, result, query, [("symptoms", "pain")]) is None


def test_the_bundled_table_stops_when_nothing_would_change(bundled):
    """Answer every question "not sure" until none is left: it ends, and never asks the
    same question twice."""
    query = Query(symptoms=("muscle cramps",), areas=("calves",))
    result = run_query(bundled, query)
    seen: list[tuple[str, str]] = []
    while (q := next_question(bundled, result, query, seen)) is not None:
        assert (q.column, q.term) not in seen
        assert q.column != "body_areas"  # an area is chosen
        seen.append((q.column, q.term))
    assert len(seen) >= ASK_AT_MOST
