"""causes/questions.py: the next most useful question, pinned on small tables where the best
question is known, and the rule's edges (nothing to split, terms already chosen or answered)."""

from __future__ import annotations

import math

import pytest

from causes import Query, run_query
from causes.questions import MIN_BITS, Question, next_question, ranked_questions, split_bits
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
# One emergency among harmless causes: unweighed, "pain" or "cramps" split best (3 to 2);
# weighed by urgency, "weakness" does, the one that tells the emergency apart.
DANGER = table(
    ("Emergency", "emergency", "pain; weakness", "calves", ""),
    ("Harmless 1", "self-care", "pain", "calves", ""),
    ("Harmless 2", "self-care", "pain", "calves", ""),
    ("Harmless 3", "self-care", "cramps", "calves", ""),
    ("Harmless 4", "self-care", "cramps", "calves", ""),
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
        ("areas when symptoms do not split", PLACES, Query(), (), ("body_areas", "calves")),
        (
            "then risk factors",
            PLACES,
            Query(),
            [("body_areas", "calves"), ("body_areas", "thighs"), ("body_areas", "feet and toes")],
            ("risk_factors", "older age"),
        ),
    ],
)
def test_the_next_question_is_the_one_known_best(name, tbl, query, answered, expected):
    q = next_question(tbl, run_query(tbl, query), query, answered)
    assert (None if q is None else (q.column, q.term)) == expected, name


def test_weighing_by_urgency_is_what_puts_the_danger_first():
    ranked = ranked_questions(DANGER, run_query(DANGER, Query()))
    bits = {q.term: q.bits for q in ranked}
    # weights 4 + 1 + 1 + 1 + 1: weakness splits 4 against 4, pain 6 against 2
    assert bits["weakness"] == pytest.approx(1.0)
    assert bits["pain"] == pytest.approx(split_bits(6, 8).item())
    assert bits["cramps"] == pytest.approx(split_bits(2, 8).item())
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
