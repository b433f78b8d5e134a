"""What a click on an Overview chart selects."""

from __future__ import annotations

import pytest

from causes import figures
from causes.figures import split_key
from causes.query import Query, run_query
from causes.selection import Selected, point_key, selected
from causes.table import CauseTable
from tests.causes.tables import table_from_rows

COLUMNS = ["cause", "category", "symptoms", "body_areas", "summary", "urgency"]
ROWS = [
    ["alpha", "Lifestyle", "cramps; twitching", "calves", "A.", "self-care"],
    ["Bravo", "Lifestyle", "cramps", "feet", "B.", "self-care"],
    ["Charlie", "Medical", "cramps; weakness", "calves", "C.", "urgent"],
    ["delta", "Medical", "twitching; weakness", "thighs", "D.", "see a doctor"],
    ["Echo", "Medications", "spasms", "back", "E.", "see a doctor"],
    ["Foxtrot", "Lifestyle", "cramps; twitching; weakness", "calves", "F.", ""],
    ["Golf: a:b", "Rare: odd", "spasms", "back", "G.", ""],
]  # fmt: skip
# Ranked with no filter: urgent, see a doctor, self-care, blank; then by name.
ALL = ["Charlie", "delta", "Echo", "alpha", "Bravo", "Foxtrot", "Golf: a:b"]


@pytest.fixture(scope="module")
def table() -> CauseTable:
    return table_from_rows(COLUMNS, ROWS)


def bar(key: str, **extra) -> dict:
    """A point as Streamlit reports a click on a bar or a scatter square."""
    return {"curve_number": 0, "point_number": 1, "point_index": 1, "x": 2, "y": 1, "customdata": key, **extra}


def tile(node: str, label: str = "whatever") -> dict:
    """A point as Streamlit reports a click on a treemap tile: an id, no customdata."""
    return {"label": label, "id": node, "parent": "", "value": 3, "current_path": "/", "point_number": 2}


def names(table: CauseTable, chosen: Selected | None) -> tuple[str, str, list[str]] | None:
    if chosen is None:
        return None
    return chosen.kind, chosen.value, [table.record(p)["cause"] for p in chosen.positions]


LIFESTYLE = ["alpha", "Bravo", "Foxtrot"]
MEDICAL = ["Charlie", "delta"]


@pytest.mark.parametrize(
    ("query", "points", "top", "expected"),
    [
        # nothing clicked
        (Query(), None, 15, None),
        (Query(), [], 15, None),
        # a bar (customdata), as a string or a one-item list
        (Query(), [bar("category:Lifestyle")], 15, ("category", "Lifestyle", LIFESTYLE)),
        (Query(), [bar(["category:Medical"])], 15, ("category", "Medical", MEDICAL)),
        # names with colons in them
        (Query(), [bar("category:Rare: odd")], 15, ("category", "Rare: odd", ["Golf: a:b"])),
        (Query(), [bar("cause:Golf: a:b")], 15, ("cause", "Golf: a:b", ["Golf: a:b"])),
        # the category's matching causes only, best first
        (Query(symptoms=("weakness",)), [bar("category:Lifestyle")], 15, ("category", "Lifestyle", ["Foxtrot"])),
        (
            Query(symptoms=("cramps", "twitching")),
            [bar("category:Lifestyle")],
            15,
            ("category", "Lifestyle", ["alpha", "Foxtrot", "Bravo"]),
        ),
        # a treemap tile: by its id, whatever its label
        (Query(), [tile("category:Medical", label="Lifestyle")], 15, ("category", "Medical", MEDICAL)),
        (Query(), [tile("more:category:Medical")], 15, ("category", "Medical", MEDICAL)),
        (Query(), [tile("cause:Echo")], 15, ("cause", "Echo", ["Echo"])),
        # a matrix square; names ignore case
        (Query(), [bar("cause:echo")], 15, ("cause", "Echo", ["Echo"])),
        # the other categories, grouped past the top
        (Query(), [bar("other:")], 2, ("category", "2 other categories", ["Echo", "Golf: a:b"])),
        (Query(), [tile("other:")], 3, ("category", "1 other category", ["Golf: a:b"])),
        (Query(), [tile("more:other:")], 2, ("category", "2 other categories", ["Echo", "Golf: a:b"])),
        # shift-click: several bars merge, several squares list their causes best first
        (
            Query(),
            [bar("category:Medical"), bar("category:Lifestyle")],
            15,
            ("category", "Medical and Lifestyle", ["Charlie", "delta", "alpha", "Bravo", "Foxtrot"]),
        ),
        (Query(), [bar("category:Medical"), bar("category:Medical")], 15, ("category", "Medical", MEDICAL)),
        (
            Query(),
            [bar("cause:Foxtrot"), bar("cause:Charlie"), bar("cause:Foxtrot")],
            15,
            ("cause", "Charlie and Foxtrot", ["Charlie", "Foxtrot"]),
        ),
        (
            Query(),
            [bar("category:Medical"), bar("other:")],
            2,
            ("category", "Medical and 2 other categories", ["Charlie", "delta", "Echo", "Golf: a:b"]),
        ),
        # the first point that means something decides the kind
        (Query(), [bar("cause:Echo"), bar("category:Medical")], 15, ("cause", "Echo", ["Echo"])),
        (Query(), [bar("category:Medical"), bar("cause:Echo")], 15, ("category", "Medical", MEDICAL)),
        (Query(), [bar("category:Nowhere"), bar("cause:Echo")], 15, ("cause", "Echo", ["Echo"])),
        # stale or foreign clicks select nothing
        (Query(), [bar("category:Nowhere")], 15, None),
        (Query(), [bar("cause:Nobody")], 15, None),
        (Query(symptoms=("weakness",)), [bar("cause:Echo")], 15, None),
        (Query(symptoms=("weakness",)), [bar("category:Medications")], 15, None),
        (Query(), [bar("other:")], 15, None),
        (Query(), [bar("more:cause:Echo")], 15, None),
        (Query(), [bar("weird:thing")], 15, None),
        # never by label or position: a point without a key selects nothing
        (Query(), [{"label": "Medical", "x": 1, "y": "Medical", "point_index": 0}], 15, None),
        (Query(), [bar(None)], 15, None),
        (Query(), [bar(5)], 15, None),
        (Query(), [bar([])], 15, None),
        (Query(), [tile("no colon")], 15, None),
        (Query(), ["category:Medical", None, 3], 15, None),
    ],
)
def test_selected(table, query, points, top, expected):
    result = run_query(table, query)
    selection = None if points is None else {"points": points, "point_indices": [], "box": [], "lasso": []}
    assert names(table, selected(table, result, selection, top_categories=top)) == expected


def test_a_selection_without_points_selects_nothing(table):
    assert selected(table, run_query(table, Query()), {"box": [], "lasso": []}) is None


@pytest.mark.parametrize(
    ("point", "key"),
    [
        ({"customdata": "cause:x"}, "cause:x"),
        ({"customdata": ["cause:x", 3]}, "cause:x"),
        ({"customdata": None, "id": "category:y"}, "category:y"),
        ({"id": "category:y"}, "category:y"),
        ({"customdata": "no colon", "id": "other:"}, "other:"),
        ({"customdata": 4}, None),
        ({}, None),
    ],
)
def test_point_key(point, key):
    assert point_key(point) == key


@pytest.mark.parametrize("query", [Query(), Query(symptoms=("cramps",)), Query(categories=("Medical",))])
@pytest.mark.parametrize("top", [1, 2, 15])
def test_every_mark_of_every_figure_selects_its_causes(table, query, top):
    """The figures and the mapping agree: every clickable mark selects the causes it stands for."""
    result = run_query(table, query)
    bars = figures.category_data(table, result, top=top)
    tiles = figures.treemap_data(table, result, top_categories=top, top_causes=2)
    cells = figures.matrix_data(table, result)
    for row, key in enumerate(bars.keys):
        chosen = selected(table, result, {"points": [bar(key)]}, top_categories=top)
        assert chosen is not None and chosen.kind == "category"
        assert len(chosen.positions) == bars.frame["Total"].iloc[row]
    tree = figures.treemap_figure(table, tiles).data[0]
    for node, value in zip(tree.ids, tree.values, strict=True):
        chosen = selected(table, result, {"points": [tile(node)]}, top_categories=top)
        assert chosen is not None
        kind = split_key(node)[0]
        assert chosen.kind == ("cause" if kind == "cause" else "category")
        if kind != "more":
            assert len(chosen.positions) == value
    for trace in figures.matrix_figure(table, cells).data:
        for key in trace.customdata:
            chosen = selected(table, result, {"points": [bar(key)]}, top_categories=top)
            assert chosen is not None and chosen.kind == "cause"
            assert table.record(chosen.positions[0])["cause"] == split_key(key)[1]
