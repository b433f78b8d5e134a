"""Queries: URL parameters, restricting to a table, filtering, ranking, facets, wording."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from causes.loader import load_cause_table
from causes.query import (
    Query,
    Result,
    also_finds,
    count_line,
    facet_counts,
    matching_terms,
    run_query,
    term_counts,
)
from causes.table import CauseTable
from tests.causes.tables import table_from_rows

# A small table written for these tests. Names differ in case on purpose: the ranking
# sorts names ignoring case, so "alpha" comes before "Bravo" and "delta" before "Echo".
COLUMNS = ["cause", "category", "symptoms", "body_areas", "risk_factors", "summary", "explanation", "urgency"]
ROWS = [
    ["alpha", "Lifestyle", "cramps at night; twitching at rest", "calves; feet", "age over 60",
     "Tired muscles after hard exercise.", "", "self-care"],
    ["Bravo", "Lifestyle", "cramps at night", "feet", "",
     "Standing all day on hard floors.", "", "Self-Care"],
    ["Charlie", "Medical", "cramps at night", "calves", "pregnancy",
     "Low magnesium (hypomagnesaemia) in the blood.", "", "urgent"],
    ["delta", "Medical", "twitching at rest; weakness", "thighs", "age over 60",
     "A nerve problem that needs checking.", "", "see a doctor"],
    ["Echo", "Medications", "spasms", "back", "diuretics",
     "Water tablets change the salts in the blood.", "Diuretics make you pass more urine.", "see a doctor"],
    ["Foxtrot", "Lifestyle", "cramps at night; twitching at rest; weakness", "calves", "",
     "Muscle tiredness and too few fluids.", "", ""],
]  # fmt: skip
ALL_BY_URGENCY = ["Charlie", "delta", "Echo", "alpha", "Bravo", "Foxtrot"]


@pytest.fixture(scope="module")
def table() -> CauseTable:
    return table_from_rows(COLUMNS, ROWS)


def names(table: CauseTable, result: Result) -> list[str]:
    return [table.record(int(p))["cause"] for p in result.positions]


# --- URL parameters ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params,expected",
    [
        ({}, Query()),
        ({"symptom": "cramps"}, Query(symptoms=("cramps",))),
        ({"symptom": ["cramps", "twitching"]}, Query(symptoms=("cramps", "twitching"))),
        ({"symptom": [" cramps ", "", "  ", "cramps", "twitching"]}, Query(symptoms=("cramps", "twitching"))),
        ({"area": ["calves"], "risk": ["pregnancy"]}, Query(areas=("calves",), risks=("pregnancy",))),
        ({"category": ["Medical", "Lifestyle"]}, Query(categories=("Medical", "Lifestyle"))),
        ({"urgency": "urgent"}, Query(urgencies=("urgent",))),
        ({"q": "blood"}, Query(text="blood")),
        ({"q": ["  blood  "]}, Query(text="blood")),
        ({"q": ["first", "second"]}, Query(text="second")),
        ({"q": "   "}, Query()),
        ({"match": "all"}, Query(match="all")),
        ({"match": ["ALL"]}, Query(match="all")),
        ({"match": "any"}, Query(match="any")),
        ({"match": "nonsense"}, Query(match="any")),
        ({"match": ["all", "any"]}, Query(match="any")),
        ({"unknown": ["x"], "symptom": []}, Query()),
        ({"not": ["weakness", " weakness ", "back"]}, Query(without=("weakness", "back"))),
        (
            {
                "symptom": ["a"],
                "area": ["b"],
                "risk": ["c"],
                "category": ["d"],
                "urgency": ["e"],
                "q": "f",
                "match": "all",
            },
            Query(("a",), ("b",), ("c",), ("d",), ("e",), "f", "all"),
        ),
    ],
)
def test_from_params(params, expected):
    assert Query.from_params(params) == expected


@pytest.mark.parametrize(
    "query,params",
    [
        (Query(), {}),
        (Query(symptoms=("cramps", "twitching")), {"symptom": ["cramps", "twitching"]}),
        (Query(areas=("calves",), risks=("pregnancy",)), {"area": ["calves"], "risk": ["pregnancy"]}),
        (Query(categories=("Medical",), urgencies=("urgent",)), {"category": ["Medical"], "urgency": ["urgent"]}),
        (Query(text="  blood  "), {"q": ["blood"]}),
        (Query(text="   "), {}),
        (Query(match="all"), {"match": ["all"]}),
        (Query(match="any"), {}),
        (Query(symptoms=("cramps",), without=("weakness",)), {"symptom": ["cramps"], "not": ["weakness"]}),
    ],
)
def test_to_params(query, params):
    assert query.to_params() == params


@pytest.mark.parametrize(
    "query",
    [
        Query(),
        Query(symptoms=("cramps at night", "twitching at rest"), match="all"),
        Query(areas=("calves", "feet"), risks=("age over 60",), categories=("Medical",)),
        Query(urgencies=("urgent", "see a doctor"), text="blood magnesium"),
        Query(("a",), ("b",), ("c",), ("d",), ("e",), "f g", "all"),
        Query(symptoms=("cramps & spasms", "a=b", "x;y"), text="50% of people?"),
        Query(symptoms=("cramps",), without=("weakness", "calves", "age over 60")),
    ],
)
def test_params_round_trip(query):
    assert Query.from_params(query.to_params()) == query


# --- restricting a query to a table -------------------------------------------------------------


@pytest.mark.parametrize(
    "query,expected,notices",
    [
        (Query(), Query(), []),
        (Query(symptoms=("cramps at night",)), Query(symptoms=("cramps at night",)), []),
        (Query(symptoms=(" CRAMPS AT NIGHT ",)), Query(symptoms=("cramps at night",)), []),
        (
            Query(symptoms=("Cramps At Night", "cramps at night", "weakness")),
            Query(symptoms=("cramps at night", "weakness")),
            [],
        ),
        (
            Query(categories=("medical",), urgencies=("URGENT",)),
            Query(categories=("Medical",), urgencies=("urgent",)),
            [],
        ),
        (
            Query(symptoms=("hiccups", "weakness")),
            Query(symptoms=("weakness",)),
            ['This table has no symptom "hiccups", so it was left out.'],
        ),
        (
            Query(areas=("knees", "Calves"), risks=("smoking",), categories=("Sport",), urgencies=("soon",)),
            Query(areas=("calves",)),
            [
                'This table has no body area "knees", so it was left out.',
                'This table has no risk factor "smoking", so it was left out.',
                'This table has no category "Sport", so it was left out.',
                'This table has no urgency level "soon", so it was left out.',
            ],
        ),
        (
            Query(symptoms=("hiccups",), text="blood", match="all"),
            Query(text="blood", match="all"),
            ['This table has no symptom "hiccups", so it was left out.'],
        ),
    ],
)
def test_restricted_to(table, query, expected, notices):
    assert query.restricted_to(table) == (expected, notices)


def test_restricted_to_uses_the_tables_first_spelling():
    data = "cause,category,symptoms,body_areas,summary\nA,Cat,Night Cramps,Calves,s\nB,cat,night cramps,calves,s\n"
    t = load_cause_table(data.encode())
    assert Query(symptoms=("NIGHT CRAMPS",), areas=("calves",), categories=("CAT",)).restricted_to(t) == (
        Query(symptoms=("Night Cramps",), areas=("Calves",), categories=("Cat",)),
        [],
    )


# --- filtering and ranking ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "query,expected",
    [
        # no filter: urgent > see a doctor > self-care > blank, then name ignoring case
        (Query(), ALL_BY_URGENCY),
        # each filter alone
        (Query(symptoms=("weakness",)), ["delta", "Foxtrot"]),
        (Query(symptoms=("spasms",)), ["Echo"]),
        (Query(symptoms=("CRAMPS AT NIGHT",)), ["Charlie", "alpha", "Bravo", "Foxtrot"]),
        (Query(areas=("calves",)), ["Charlie", "alpha", "Foxtrot"]),
        (Query(areas=("Feet",)), ["alpha", "Bravo"]),
        (Query(risks=("age over 60",)), ["delta", "alpha"]),
        (Query(categories=("Medical",)), ["Charlie", "delta"]),
        (Query(urgencies=("urgent",)), ["Charlie"]),
        (Query(urgencies=("see a doctor",)), ["delta", "Echo"]),
        # OR within a filter
        (Query(areas=("calves", "back")), ["Charlie", "Echo", "alpha", "Foxtrot"]),
        (Query(categories=("medical", "Medications")), ["Charlie", "delta", "Echo"]),
        (Query(urgencies=("SELF-CARE", "urgent")), ["Charlie", "alpha", "Bravo"]),
        (Query(risks=("pregnancy", "diuretics")), ["Charlie", "Echo"]),
        # AND across filters
        (Query(symptoms=("cramps at night",), areas=("feet",)), ["alpha", "Bravo"]),
        (Query(symptoms=("cramps at night",), categories=("Medical",)), ["Charlie"]),
        (Query(areas=("calves",), risks=("age over 60",)), ["alpha"]),
        (Query(areas=("calves", "thighs"), urgencies=("see a doctor", "urgent")), ["Charlie", "delta"]),
        (Query(areas=("calves",), categories=("Medications",)), []),
        (
            Query(symptoms=("cramps at night", "twitching at rest"), areas=("calves",), match="all"),
            ["alpha", "Foxtrot"],
        ),
        # match any: ranked by how many chosen symptoms, then urgency, then name
        (Query(symptoms=("cramps at night", "twitching at rest")), ["alpha", "Foxtrot", "Charlie", "delta", "Bravo"]),
        (
            Query(symptoms=("cramps at night", "twitching at rest", "weakness")),
            ["Foxtrot", "delta", "alpha", "Charlie", "Bravo"],
        ),
        # match all
        (Query(symptoms=("cramps at night", "twitching at rest"), match="all"), ["alpha", "Foxtrot"]),
        (Query(symptoms=("cramps at night", "twitching at rest", "weakness"), match="all"), ["Foxtrot"]),
        (Query(symptoms=("weakness",), match="all"), ["delta", "Foxtrot"]),
        # a symptom chosen twice (in two spellings) counts once
        (
            Query(symptoms=("weakness", "WEAKNESS", "cramps at night")),
            ["Foxtrot", "Charlie", "delta", "alpha", "Bravo"],
        ),
        (Query(symptoms=("weakness", " Weakness", "cramps at night"), match="all"), ["Foxtrot"]),
        # unknown symptoms
        (Query(symptoms=("cramps at night", "hiccups")), ["Charlie", "alpha", "Bravo", "Foxtrot"]),
        (Query(symptoms=("cramps at night", "hiccups"), match="all"), []),
        (Query(symptoms=("hiccups",)), []),
        (Query(symptoms=("hiccups",), match="all"), []),
        (Query(areas=("knees",)), []),
        # free text: case-insensitive, every word must appear somewhere in the cause
        (Query(text="blood"), ["Charlie", "Echo"]),
        (Query(text="BLOOD Magnesium"), ["Charlie"]),
        (Query(text="  magnesium   blood "), ["Charlie"]),
        (Query(text="blood nerve"), []),
        (Query(text="echo"), ["Echo"]),
        (Query(text="medications"), ["Echo"]),
        (Query(text="urine"), ["Echo"]),
        (Query(text="thighs"), ["delta"]),
        (Query(text="pregnancy"), ["Charlie"]),
        (Query(text="night"), ["Charlie", "alpha", "Bravo", "Foxtrot"]),
        (Query(text="(hypomagnesaemia)"), ["Charlie"]),
        (Query(text=".*"), []),
        (Query(text="xyzzy"), []),
        (Query(text="   "), ALL_BY_URGENCY),
        (Query(text="blood", urgencies=("see a doctor",)), ["Echo"]),
        (Query(text="night", symptoms=("weakness",)), ["Foxtrot"]),
    ],
)
def test_run_query(table, query, expected):
    result = run_query(table, query)
    assert names(table, result) == expected
    assert len(result) == len(expected)
    assert result.total == len(ROWS)
    assert int(result.mask.sum()) == len(expected)
    assert sorted(np.flatnonzero(result.mask).tolist()) == sorted(result.positions.tolist())


@pytest.mark.parametrize(
    "query,hits",
    [
        (Query(), [0] * 6),
        (Query(areas=("calves",)), [0, 0, 0]),
        (Query(symptoms=("cramps at night", "twitching at rest")), [2, 2, 1, 1, 1]),
        (Query(symptoms=("cramps at night", "twitching at rest", "weakness")), [3, 2, 2, 1, 1]),
        (Query(symptoms=("cramps at night", "twitching at rest"), match="all"), [2, 2]),
        (Query(symptoms=("cramps at night", "hiccups")), [1, 1, 1, 1]),
        (Query(symptoms=("weakness", "WEAKNESS", "cramps at night")), [2, 1, 1, 1, 1]),
    ],
)
def test_symptom_hits_follow_the_ranking(table, query, hits):
    assert run_query(table, query).symptom_hits.tolist() == hits


# --- facet counts --------------------------------------------------------------------------------


def test_facet_counts_of_the_whole_table(table):
    counts = facet_counts(table, run_query(table, Query()))
    assert counts == {
        "symptoms": {"cramps at night": 4, "twitching at rest": 3, "weakness": 2, "spasms": 1},
        "body_areas": {"calves": 3, "feet": 2, "back": 1, "thighs": 1},
        "risk_factors": {"age over 60": 2, "diuretics": 1, "pregnancy": 1},
        "category": {"Lifestyle": 3, "Medical": 2, "Medications": 1},
        "urgency": {"see a doctor": 2, "self-care": 2, "urgent": 1},
    }
    # Terms come most carried first, then alphabetically.
    assert list(counts["symptoms"]) == ["cramps at night", "twitching at rest", "weakness", "spasms"]
    assert list(counts["body_areas"]) == ["calves", "feet", "back", "thighs"]


@pytest.mark.parametrize(
    "query,expected",
    [
        (
            Query(areas=("calves",)),
            {
                "symptoms": {"cramps at night": 3, "twitching at rest": 2, "weakness": 1, "spasms": 0},
                "body_areas": {"calves": 3, "feet": 1, "back": 0, "thighs": 0},
                "risk_factors": {"age over 60": 1, "diuretics": 0, "pregnancy": 1},
                "category": {"Lifestyle": 2, "Medical": 1, "Medications": 0},
                "urgency": {"see a doctor": 0, "self-care": 1, "urgent": 1},
            },
        ),
        (
            Query(symptoms=("cramps at night", "twitching at rest"), match="all"),
            {
                "symptoms": {"cramps at night": 2, "twitching at rest": 2, "weakness": 1, "spasms": 0},
                "body_areas": {"calves": 2, "feet": 1, "back": 0, "thighs": 0},
                "risk_factors": {"age over 60": 1, "diuretics": 0, "pregnancy": 0},
                "category": {"Lifestyle": 2, "Medical": 0, "Medications": 0},
                "urgency": {"see a doctor": 0, "self-care": 1, "urgent": 0},
            },
        ),
        (
            Query(text="xyzzy"),
            {
                "symptoms": {"cramps at night": 0, "twitching at rest": 0, "weakness": 0, "spasms": 0},
                "body_areas": {"calves": 0, "feet": 0, "back": 0, "thighs": 0},
                "risk_factors": {"age over 60": 0, "diuretics": 0, "pregnancy": 0},
                "category": {"Lifestyle": 0, "Medical": 0, "Medications": 0},
                "urgency": {"see a doctor": 0, "self-care": 0, "urgent": 0},
            },
        ),
    ],
)
def test_facet_counts_among_current_matches(table, query, expected):
    assert facet_counts(table, run_query(table, query)) == expected


# --- wording ----------------------------------------------------------------------------------


def result_of(matching: int, total: int) -> Result:
    mask = np.zeros(total, dtype=bool)
    mask[:matching] = True
    return Result(
        positions=np.arange(matching), symptom_hits=np.zeros(matching, dtype=np.int64), mask=mask, total=total
    )


@pytest.mark.parametrize(
    "matching,total,line",
    [
        (12, 40, "12 of 40 causes match"),
        (1, 40, "1 of 40 causes matches"),
        (0, 40, "0 of 40 causes match"),
        (40, 40, "40 of 40 causes match"),
        (1, 1, "1 of 1 cause matches"),
        (0, 1, "0 of 1 cause match"),
        (0, 0, "0 of 0 causes match"),
        (1234, 5000, "1,234 of 5,000 causes match"),
    ],
)
def test_count_line(matching, total, line):
    assert count_line(result_of(matching, total)) == line


@pytest.mark.parametrize(
    "query,line",
    [
        (Query(), "6 of 6 causes match"),
        (Query(areas=("calves",)), "3 of 6 causes match"),
        (Query(text="urine"), "1 of 6 causes matches"),
    ],
)
def test_count_line_of_a_query(table, query, line):
    assert count_line(run_query(table, query)) == line


@pytest.mark.parametrize(
    "query,description",
    [
        (Query(), "all causes"),
        (Query(text="   "), "all causes"),
        (
            Query(symptoms=("cramps at night", "twitching at rest"), areas=("calves",)),
            "causes with cramps at night or twitching at rest, in the calves",
        ),
        (
            Query(symptoms=("cramps at night", "twitching at rest"), match="all"),
            "causes with cramps at night and twitching at rest",
        ),
        (Query(symptoms=("cramps",)), "causes with cramps"),
        (Query(symptoms=("cramps",), match="all"), "causes with cramps"),
        (Query(symptoms=("a", "b", "c")), "causes with a, b or c"),
        (Query(symptoms=("a", "b", "c"), match="all"), "causes with a, b and c"),
        (Query(symptoms=("a", "b", "c", "d")), "causes with a, b, c or d"),
        (Query(areas=("calves", "feet")), "causes in the calves or feet"),
        (Query(risks=("pregnancy",)), "causes linked to pregnancy"),
        (Query(risks=("pregnancy", "age over 60")), "causes linked to pregnancy or age over 60"),
        (Query(categories=("Medical",)), "causes in the category Medical"),
        (Query(categories=("Medical", "Lifestyle")), "causes in the categories Medical or Lifestyle"),
        (Query(urgencies=("urgent",)), "causes rated urgent"),
        (Query(urgencies=("urgent", "see a doctor")), "causes rated urgent or see a doctor"),
        (Query(text=" blood "), 'causes mentioning "blood"'),
        (
            Query(("a", "b"), ("calves",), ("pregnancy",), ("Medical",), ("urgent",), "blood", "all"),
            "causes with a and b, in the calves, linked to pregnancy, in the category Medical, rated urgent,"
            ' mentioning "blood"',
        ),
    ],
)
def test_describe(query, description):
    assert query.describe() == description


@pytest.mark.parametrize(
    "query,empty",
    [
        (Query(), True),
        (Query(text="  "), True),
        (Query(match="all"), True),
        (Query(text="x"), False),
        (Query(symptoms=("a",)), False),
        (Query(urgencies=("urgent",)), False),
    ],
)
def test_is_empty(query, empty):
    assert query.is_empty is empty


@pytest.mark.parametrize(
    "column,expected",
    [
        ("symptoms", ("s",)),
        ("body_areas", ("a",)),
        ("risk_factors", ("r",)),
        ("category", ("c",)),
        ("urgency", ("u",)),
    ],
)
def test_values_by_column(column, expected):
    assert Query(("s",), ("a",), ("r",), ("c",), ("u",)).values(column) == expected


def test_values_of_an_unknown_column():
    with pytest.raises(KeyError):
        Query().values("summary")


@pytest.mark.parametrize(
    "text,expected",
    [
        ("CAFÉ", ["Café"]),
        ("café", ["Café"]),
        ("strasse", ["Straße"]),
        ("STRASSE", ["Straße"]),
        ("straße", ["Straße"]),
        ("日本", ["Nihon"]),
        ("caf.", []),
        ("a+b", ["Sums"]),
        ("a+", ["Sums"]),
        ("[x]", ["Brackets"]),
        ("x]", ["Brackets"]),
        ("\\d", ["Slash"]),
        ("^caf", []),
        ("😀", ["Emoji"]),
        ("e", ["Brackets", "Emoji", "Slash", "Straße"]),  # "é" is not "e"
    ],
)
def test_free_text_is_literal_and_ignores_case_in_any_script(text, expected):
    data = (
        "cause,category,symptoms,body_areas,summary\n"
        "Café,c,s,b,au lait\n"
        "Straße,c,s,b,a road\n"
        "Nihon,c,s,b,日本語\n"
        "Sums,c,s,b,a+b\n"
        "Brackets,c,s,b,[x]\n"
        "Slash,c,s,b,\\d here\n"
        "Emoji,c,s,b,smile 😀\n"
    )
    t = load_cause_table(data.encode("utf-8"))
    assert sorted(names(t, run_query(t, Query(text=text)))) == sorted(expected)


# --- the usually harmless causes among the best matches -------------------------------------


@pytest.mark.parametrize(
    "query,expected",
    [
        # alpha and Bravo are self-care; Foxtrot has no urgency; Charlie is urgent.
        (Query(symptoms=("cramps at night",)), ["alpha", "Bravo"]),
        # Foxtrot has both symptoms and no urgency; alpha has both and is self-care.
        (Query(symptoms=("cramps at night", "twitching at rest")), ["alpha"]),
        # Only delta and Foxtrot have weakness: neither is rated self-care.
        (Query(symptoms=("weakness",)), []),
        # Nothing matches.
        (Query(symptoms=("cramps at night",), categories=("Medications",)), []),
    ],
)
def test_self_care_among_best(table, query, expected):
    from causes.query import self_care_among_best

    positions, more = self_care_among_best(table, run_query(table, query))
    assert [table.record(int(p))["cause"] for p in positions] == expected  # in ranked order
    assert more == 0
    if len(expected) > 1:  # a limit keeps the first ones and counts the rest
        first, rest = self_care_among_best(table, run_query(table, query), limit=1)
        assert [table.record(int(p))["cause"] for p in first] == expected[:1]
        assert rest == len(expected) - 1


@pytest.mark.parametrize(
    ("total", "page", "size", "rows", "pages"),
    [
        (0, 1, 20, (0, 0), 1),
        (5, 1, 20, (0, 5), 1),
        (45, 2, 20, (20, 40), 3),
        (45, 3, 20, (40, 45), 3),
        (45, 9, 20, (40, 45), 3),  # past the end: the last page
        (45, 0, 20, (0, 20), 3),  # before the start: the first page
    ],
)
def test_page_window(total, page, size, rows, pages):
    from causes.query import page_window, showing_line

    window, n = page_window(total, page, size)
    assert (window.start, window.stop, n) == (*rows, pages)
    if total:
        assert showing_line(window, total) == f"Showing {rows[0] + 1:,} to {rows[1]:,} of {total:,}."


@pytest.mark.parametrize("share", [0.0, 0.01, 0.1, 0.2, 0.9, 1.0])
def test_facet_counts_are_the_same_counted_either_way(share):
    # Few matching rows are counted from their own items; many by testing every item.
    from causes.strings import items_of
    from causes.table import TermIndex

    rng = np.random.default_rng(7)
    per_row = [tuple(f"t{k}" for k in rng.choice(40, size=rng.integers(0, 6), replace=False)) for _ in range(500)]
    index = TermIndex.from_items(items_of(per_row))
    mask = rng.random(500) < share
    expected = [sum(1 for r in np.flatnonzero(mask) if term in per_row[r]) for term in index.terms]
    assert index.facet_counts(mask).tolist() == expected


def test_free_text_finds_exactly_the_causes_whose_text_holds_every_word(bundled):
    # The words are looked for in the terms through their indexes and in three texts; the
    # answer must be what searching each cause's whole text would give.
    table = bundled
    whole = []
    for i in range(len(table)):
        r = table.record(i)
        parts = [r["cause"], r["category"], r["summary"], r["explanation"], *r["symptoms"], *r["body_areas"]]
        whole.append("\n".join([*parts, *r["risk_factors"]]).casefold())
    rng = np.random.default_rng(3)
    words = ["night", "cramp", "zzz", "NIGHT", "statin", "calf", "ms", "al", "-", "(", "e"]
    for _ in range(60):  # pieces of the table's own text, across cell edges too
        text = whole[rng.integers(len(whole))]
        start = int(rng.integers(len(text)))
        piece = text[start : start + int(rng.integers(1, 8))].split()
        words.append(piece[0] if piece else "x")
    for text in [*words, "night cramp", "cramp statin"]:
        expected = [i for i, t in enumerate(whole) if all(w in t for w in text.casefold().split())]
        got = sorted(run_query(table, Query(text=text)).positions.tolist())
        assert got == expected, text


# --- broader and narrower terms (glossary.csv's `broader`) ----------------------------------------

TREE_ROWS = [
    ["Night cramps", "Lifestyle", "cramps at night", "calves", "", "Cramps in bed.", "", "self-care"],
    ["Strain", "Injury", "pain", "thighs", "", "A torn muscle.", "", "self-care"],
    ["Low potassium", "Salts", "muscle cramps; weakness", "whole leg", "", "Low potassium.", "", "see a doctor"],
    ["Tetanus", "Infection", "spasms", "whole body", "", "A rare infection.", "", "emergency"],
    ["Writer's cramp", "Nerves", "muscle cramps", "arms", "", "A hand cramp.", "", "see a doctor"],
]
TREE = [
    ["calves", "body area", "The back of the lower leg.", "whole leg"],
    ["thighs", "body area", "The upper leg.", "whole leg"],
    ["whole leg", "body area", "The leg.", "whole body"],
    ["arms", "body area", "The arms.", "whole body"],
    ["whole body", "body area", "All over.", ""],
    ["cramps at night", "symptom", "Cramps in bed.", "muscle cramps"],
    ["muscle cramps", "symptom", "Cramps at any time.", "spasms"],
    ["legs", "body area", "Only in the glossary: a broader term no cause uses.", ""],
    ["shins", "body area", "Only in the glossary.", "whole leg"],
]


@pytest.fixture(scope="module")
def tree() -> CauseTable:
    return table_from_rows(COLUMNS, TREE_ROWS, glossary=TREE)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Calves: filed under calves, then under the broader whole leg, then the whole body.
        (Query(areas=("calves",)), ["Night cramps", "Low potassium", "Tetanus"]),
        # The whole leg: its parts too (as close as the leg itself), then the whole body; not the arms.
        (Query(areas=("whole leg",)), ["Low potassium", "Night cramps", "Strain", "Tetanus"]),
        # Thighs and calves are parts of one leg, not of each other.
        (Query(areas=("thighs",)), ["Strain", "Low potassium", "Tetanus"]),
        (Query(areas=("whole body",)), ["Tetanus", "Low potassium", "Writer's cramp", "Night cramps", "Strain"]),
        # A kind of cramp finds cramps of any time, and spasms, the broader term.
        (Query(symptoms=("cramps at night",)), ["Night cramps", "Low potassium", "Writer's cramp", "Tetanus"]),
        (Query(symptoms=("spasms",)), ["Tetanus", "Low potassium", "Writer's cramp", "Night cramps"]),
        # A term only the glossary has: its narrower terms' causes and its broader ones'.
        (Query(areas=("shins",)), ["Low potassium", "Tetanus"]),
        (Query(areas=("legs",)), []),
        # Both filters must hold, each through the tree.
        # Night cramps: a kind of muscle cramp, in the calves (0 steps); Low potassium: in the
        # whole leg (1); Tetanus: spasms, broader than cramps, in the whole body (3).
        (Query(symptoms=("muscle cramps",), areas=("calves",)), ["Night cramps", "Low potassium", "Tetanus"]),
    ],
)
def test_matching_follows_broader_terms_both_ways_nearest_first(tree, query, expected):
    assert names(tree, run_query(tree, query)) == expected


def test_a_live_count_is_what_choosing_the_term_would_show(tree):
    for column, name in (("body_areas", "areas"), ("symptoms", "symptoms")):
        for shown in (Query(), Query(symptoms=("muscle cramps",)), Query(areas=("thighs",))):
            result = run_query(tree, shown)
            for term, n in term_counts(tree, result, column).items():
                also = replace(shown, **{name: (*getattr(shown, name), term) if name == "symptoms" else (term,)})
                alone = run_query(tree, replace(Query(), **{name: (term,)}))
                assert n == int((alone.mask & result.mask).sum()), (column, term, shown)
                if name == "areas" and not shown.areas:
                    assert n == len(run_query(tree, also))


def test_symptom_hits_count_each_chosen_symptom_once(tree):
    # Muscle cramps is broader than cramps at night and narrower than spasms: a cause filed
    # under it has both chosen symptoms, once each. The closest come first: night cramps (a
    # kind of both), then muscle cramps (1 step broader than cramps at night), then spasms (2).
    result = run_query(tree, Query(symptoms=("cramps at night", "spasms"), match="all"))
    assert names(tree, result) == ["Night cramps", "Low potassium", "Writer's cramp", "Tetanus"]
    assert result.symptom_hits.tolist() == [2, 2, 2, 2]
    assert result.steps is not None and result.steps.tolist() == [0, 1, 1, 2]


@pytest.mark.parametrize(
    ("query", "also"),
    [
        (Query(areas=("calves",)), "Calves also finds causes listed under the whole leg or whole body."),
        (
            Query(areas=("whole leg",)),
            "Whole leg also finds causes listed under the calves, thighs or shins, or the whole body.",
        ),
        (Query(areas=("whole body",)), "Whole body also finds causes listed under any of 5 parts."),
        (
            Query(symptoms=("cramps at night", "pain")),
            "Cramps at night or pain also finds causes listed under muscle cramps or spasms.",
        ),
        (
            Query(symptoms=("spasms",), areas=("thighs",)),
            "Spasms also finds causes listed under muscle cramps or cramps at night."
            " Thighs also finds causes listed under the whole leg or whole body.",
        ),
        (Query(symptoms=("pain",)), ""),
        (Query(text="cramp"), ""),
    ],
)
def test_the_view_in_words_names_the_terms_it_also_finds(tree, query, also):
    assert also_finds(tree, query) == also


def test_a_cause_says_how_its_terms_match(tree):
    assert matching_terms(tree, "symptoms", ("muscle cramps", "weakness"), ("spasms",)) == [
        "muscle cramps (a kind of spasms)"
    ]
    assert matching_terms(tree, "body_areas", ("whole leg",), ("calves",)) == ["whole leg (includes the calves)"]
    assert matching_terms(tree, "body_areas", ("calves",), ("whole leg", "calves")) == ["calves"]
    assert matching_terms(tree, "body_areas", ("arms",), ("calves",)) == []


def test_a_glossary_term_no_cause_uses_is_an_option_and_a_link_value_when_it_is_linked(tree):
    terms = tree.facets["body_areas"].terms
    assert terms[-1] == "shins" and "legs" not in terms  # after the table's own; "legs" names no link
    restricted, notices = Query.from_params({"area": ["SHINS"]}).restricted_to(tree)
    assert restricted.areas == ("shins",) and notices == []


def test_a_table_without_broader_terms_ranks_and_counts_as_before(table):
    assert table.reach == {}
    assert names(table, run_query(table, Query(symptoms=("cramps at night",)))) == [
        "Charlie",
        "alpha",
        "Bravo",
        "Foxtrot",
    ]


def test_a_bad_broader_term_is_a_note_naming_the_glossary_row_and_the_table_still_loads():
    glossary = [["calves", "body area", "Calf.", "legg"], ["thighs", "body area", "Thigh.", "whole leg"]]
    loaded = table_from_rows(COLUMNS, TREE_ROWS, glossary=glossary)
    assert loaded.warnings == (
        'glossary.csv row 2, broader: "legg" is not a body area of the table or its glossary,'
        ' so "calves" is matched on its own.',
    )
    assert names(loaded, run_query(loaded, Query(areas=("calves",)))) == ["Night cramps"]
    assert names(loaded, run_query(loaded, Query(areas=("thighs",)))) == ["Strain", "Low potassium"]
    loop = [["thighs", "body area", "Thigh.", "calves"], ["calves", "body area", "Calf.", "thighs"]]
    looped = table_from_rows(COLUMNS, TREE_ROWS, glossary=loop)
    assert "go round in a loop" in looped.warnings[0] and "rows 2, 3" in looped.warnings[0]
    assert names(looped, run_query(looped, Query(areas=("calves",)))) == ["Night cramps"]


# --- findings said no to, and how common a cause is ---------------------------------------------


def test_a_no_is_restricted_to_the_tables_terms_in_any_asked_column(table):
    query, notices = Query(symptoms=("cramps at night",), without=("WEAKNESS", "Calves", "nausea")).restricted_to(table)
    assert query.without == ("weakness", "calves")
    assert notices == ['This table has no symptom, body area or risk factor "nausea", so your "no" to it was left out.']
    # a finding both chosen and said no to: the choice wins
    query, _ = Query(symptoms=("weakness",), without=("weakness",)).restricted_to(table)
    assert query.without == ()


@pytest.mark.parametrize(
    ("query", "expected", "against"),
    [
        # cramps at night: alpha, Bravo, Charlie, Foxtrot (urgency, then name); a no to
        # weakness moves Foxtrot, which lists it, below the others; nothing is hidden
        (Query(symptoms=("cramps at night",)), ["Charlie", "alpha", "Bravo", "Foxtrot"], None),
        (
            Query(symptoms=("cramps at night",), without=("weakness",)),
            ["Charlie", "alpha", "Bravo", "Foxtrot"],
            [0, 0, 0, 1],
        ),
        # alpha and Foxtrot have both chosen symptoms; a no to weakness (Foxtrot and delta
        # list it) puts Foxtrot after alpha, and delta after the others with one: a no
        # orders causes that fit as well, never above one that fits better
        (
            Query(symptoms=("cramps at night", "twitching at rest")),
            ["alpha", "Foxtrot", "Charlie", "delta", "Bravo"],
            None,
        ),
        (
            Query(symptoms=("cramps at night", "twitching at rest"), without=("weakness",)),
            ["alpha", "Foxtrot", "Charlie", "Bravo", "delta"],
            [0, 1, 0, 0, 1],
        ),
        # an area said no to counts against the causes filed under it
        (
            Query(symptoms=("cramps at night",), without=("calves",)),
            ["Bravo", "Charlie", "alpha", "Foxtrot"],
            [0, 1, 1, 1],
        ),
        # with nothing chosen, a no still ranks (everything is shown)
        (
            Query(without=("age over 60",)),
            ["Charlie", "Echo", "Bravo", "Foxtrot", "delta", "alpha"],
            [0, 0, 0, 0, 1, 1],
        ),
    ],
)
def test_a_no_moves_the_causes_that_list_it_down_and_hides_none(table, query, expected, against):
    """A no orders causes that fit as well (it weighs after how common a cause is)."""
    result = run_query(table, query)
    assert names(table, result) == expected
    assert (None if result.against is None else result.against.tolist()) == against
    assert set(names(table, result)) == set(names(table, run_query(table, replace(query, without=()))))


def test_a_no_to_a_broader_term_counts_against_its_narrower_ones():
    tree = table_from_rows(
        ["cause", "category", "symptoms", "body_areas", "summary"],
        [["Night", "A", "cramps at night", "calves", "N."], ["Spasm", "A", "spasms", "calves", "S."]],
        glossary=[
            ["cramps at night", "symptom", "Cramps at night.", "muscle cramps"],
            ["muscle cramps", "symptom", "Cramps.", ""],
        ],
    )
    result = run_query(tree, Query(areas=("calves",), without=("muscle cramps",)))
    # someone without muscle cramps has no night cramps either
    assert names(tree, result) == ["Spasm", "Night"] and result.against.tolist() == [0, 1]


COMMON = ["cause", "category", "symptoms", "body_areas", "summary", "urgency", "commonness"]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # fit first, then how common, then the harmless first, then by name
        (
            [
                ["Rare", "A", "cramps", "calves", "R.", "see a doctor", "rare"],
                ["Unknown", "A", "cramps", "calves", "U.", "urgent", "not known"],
                ["Blank", "A", "cramps", "calves", "B.", "emergency", ""],
                ["Common urgent", "A", "cramps", "calves", "C.", "urgent", "Common"],
                ["Common", "A", "cramps", "calves", "C.", "self-care", "common"],
                ["Less", "A", "cramps", "calves", "L.", "self-care", "less common"],
                ["Fits best", "A", "cramps; twitching", "calves", "F.", "see a doctor", "rare"],
            ],
            ["Fits best", "Common", "Common urgent", "Less", "Unknown", "Blank", "Rare"],
        ),
        # a table that does not say how common: as before, the most urgent first
        (
            [
                ["Harmless", "A", "cramps", "calves", "H.", "self-care", ""],
                ["Urgent", "A", "cramps", "calves", "U.", "urgent", ""],
                ["Doctor", "A", "cramps", "calves", "D.", "see a doctor", ""],
            ],
            ["Urgent", "Doctor", "Harmless"],
        ),
    ],
    ids=["says how common", "says nothing"],
)
def test_common_things_first(rows, expected):
    tbl = table_from_rows(COMMON, rows)
    assert names(tbl, run_query(tbl, Query(symptoms=("cramps", "twitching")))) == expected
    # the column left out altogether ranks as a column of blanks does
    plain = table_from_rows(COMMON[:-1], [r[:-1] for r in rows])
    if not any(r[-1] for r in rows):
        assert names(plain, run_query(plain, Query(symptoms=("cramps", "twitching")))) == expected


def test_a_no_weighs_after_how_common_a_cause_is():
    tbl = table_from_rows(
        COMMON,
        [
            ["Common", "A", "cramps; pain", "calves", "C.", "self-care", "common"],
            ["Unknown", "A", "cramps", "calves", "U.", "self-care", "not known"],
            ["Also common", "A", "cramps", "calves", "A.", "self-care", "common"],
        ],
    )
    # a no to pain: "Common" stays above the cause no source calls common, below the other common one
    ranked = names(tbl, run_query(tbl, Query(symptoms=("cramps",), without=("pain",))))
    assert ranked == ["Also common", "Common", "Unknown"]
