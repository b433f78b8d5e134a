"""causes/why.py: every cause says why it is listed, in one line."""

from __future__ import annotations

import pytest

from causes import Query, run_query
from causes.why import counted_against, why_listed
from tests.causes.tables import table_from_rows

TABLE = table_from_rows(
    ["cause", "category", "symptoms", "body_areas", "risk_factors", "summary"],
    [
        ["Night", "A", "cramps at night; weakness", "calves", "older age", "N."],
        ["Leg", "A", "muscle cramps", "whole leg", "", "L."],
        ["Twitch", "A", "twitching", "calves", "", "T."],
        ["<b>Bold</b>", "A", "cramps at night", "feet", "", "B."],
    ],
    glossary=[
        ["cramps at night", "symptom", "Cramps at night.", "muscle cramps"],
        ["muscle cramps", "symptom", "Cramps.", ""],
        ["calves", "body area", "The calves.", "whole leg"],
        ["feet", "body area", "The feet.", "whole leg"],
        ["whole leg", "body area", "The leg.", ""],
    ],
)


@pytest.mark.parametrize(
    ("query", "cause", "said"),
    [
        (Query(), "Night", ""),
        (Query(symptoms=("cramps at night",)), "Night", "Has cramps at night."),
        (
            Query(symptoms=("cramps at night",), areas=("calves",), without=("weakness",)),
            "Night",
            "Has cramps at night, in the calves; you said no to weakness, which it lists.",
        ),
        (
            Query(symptoms=("cramps at night", "twitching")),
            "Night",
            "Has cramps at night; not twitching.",
        ),
        (
            Query(symptoms=("cramps at night",), areas=("calves",)),
            "Leg",
            "Has muscle cramps (includes cramps at night), in the whole leg (includes the calves).",
        ),
        (Query(risks=("older age",), text="night"), "Night", 'Linked to older age; mentions "night".'),
        (Query(without=("muscle cramps",)), "Night", "You said no to muscle cramps, which it lists."),
        (Query(without=("muscle cramps",)), "Twitch", ""),
        (Query(symptoms=("muscle cramps",)), "<b>Bold</b>", "Has cramps at night (a kind of muscle cramps)."),
    ],
)
def test_why_listed(query, cause, said):
    assert why_listed(TABLE, TABLE.position_of(cause), query) == said


def test_every_cause_of_every_one_term_view_says_why_in_words_that_name_the_term():
    """For each symptom and area alone, every cause listed says why, naming the term or the
    narrower or broader one it matches through."""
    for column, field in (("symptoms", "symptoms"), ("body_areas", "areas")):
        for term in TABLE.facets[column].terms:
            query = Query(**{field: (term,)})
            for position in run_query(TABLE, query).positions.tolist():
                said = why_listed(TABLE, position, query)
                assert said.startswith("Has " if field == "symptoms" else "In the ") and said.endswith("."), said


def test_a_no_counts_against_the_causes_that_list_it_or_a_narrower_term():
    query = Query(without=("muscle cramps", "calves"))
    assert counted_against(TABLE, TABLE.position_of("Night"), query) == ["muscle cramps", "calves"]
    assert counted_against(TABLE, TABLE.position_of("Leg"), query) == ["muscle cramps"]
    assert counted_against(TABLE, TABLE.position_of("Twitch"), query) == ["calves"]
