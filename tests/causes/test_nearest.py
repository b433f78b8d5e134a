"""No dead ends: the views near one that matches nothing, nearest first, each matching."""

from __future__ import annotations

import pytest

from causes.nearest import Nearby, nearest_views, no_match_line
from causes.query import Query, run_query
from tests.causes.tables import table_from_rows

COLUMNS = ["cause", "category", "symptoms", "body_areas", "risk_factors", "summary"]
ROWS = [
    ["Night cramps", "Lifestyle", "cramps; pain", "calves", "older age", "Cramps at night."],
    ["Heat cramps", "Lifestyle", "cramps; spasms", "arms", "heat", "Cramps in the heat."],
    ["Strain", "Injury", "pain; spasms; bruising", "thighs", "", "A torn muscle."],
    ["Tetanus", "Infection", "spasms; stiffness", "jaw", "wound", "A rare infection."],
]


@pytest.fixture(scope="module")
def table():
    return table_from_rows(COLUMNS, ROWS)


@pytest.mark.parametrize(
    ("query", "labels"),
    [
        # The symptom swapped for its commonest companion (that matches), then a filter left out.
        (
            Query(symptoms=("spasms",), areas=("calves",)),
            ["1 cause with cramps, in the calves", "3 causes with spasms", "1 cause in the calves"],
        ),
        # Any instead of all first; then at most four.
        (
            Query(symptoms=("cramps", "bruising"), match="all"),
            [
                "3 causes with cramps or bruising",
                "3 causes with spasms",
                "2 causes with cramps",
                "1 cause with bruising",
            ],
        ),
        # No companion of stiffness is linked to older age: each filter on its own.
        (
            Query(symptoms=("stiffness",), risks=("older age",)),
            ["1 cause with stiffness", "1 cause linked to older age"],
        ),
        # Two filters at odds with a third: each chosen term alone.
        (
            Query(symptoms=("spasms", "bruising"), areas=("calves",), risks=("heat",), match="all"),
            ["3 causes with spasms", "1 cause with bruising", "1 cause in the calves"],
        ),
        # Nothing near but every cause: still one tap to somewhere.
        (Query(text="zzz"), ["All 4 causes"]),
    ],
)
def test_nearest_views(table, query, labels):
    assert len(run_query(table, query)) == 0
    near = nearest_views(table, query)
    assert [n.label() for n in near] == labels
    for n in near:  # each is a different view that matches, with its count
        assert n.query != query and n.count == len(run_query(table, n.query)) > 0
    assert len({n.query for n in near}) == len(near)


def test_a_view_that_matches_or_chooses_nothing_has_none(table):
    assert nearest_views(table, Query(symptoms=("cramps",))) == ()
    assert nearest_views(table, Query()) == ()


@pytest.mark.parametrize(
    ("query", "line"),
    [
        (
            Query(symptoms=("spasms",), areas=("thighs",)),
            "No cause in this table is listed with spasms, in the thighs.",
        ),
        (Query(text="zzz"), 'No cause in this table mentions "zzz".'),
        (Query(risks=("heat",), text="zzz"), 'No cause in this table is listed linked to heat, mentioning "zzz".'),
    ],
)
def test_no_match_line(query, line):
    assert no_match_line(query) == line


def test_a_label_counts_one_cause_in_the_singular():
    assert Nearby(Query(areas=("jaw",)), 1).label() == "1 cause in the jaw"
