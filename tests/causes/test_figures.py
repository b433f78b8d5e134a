"""The Overview's figures: each figure shows the numbers of its data frame, and the frame
the numbers of the table."""

from __future__ import annotations

import numpy as np
import pytest

from causes import figures
from causes.figures import (
    CATEGORY,
    CAUSE,
    MORE,
    OTHER,
    URGENCY_COLUMNS,
    category_data,
    category_figure,
    make_key,
    matrix_data,
    matrix_figure,
    similar_order,
    split_key,
    treemap_data,
    treemap_figure,
    wrapped,
)
from causes.loader import load_cause_table
from causes.query import Query, run_query
from causes.style import OTHER_COLOUR, URGENCY_STYLE, category_colours
from causes.table import CauseTable
from causes.text import plot_escape
from tests.causes.tables import table_from_rows
from tests.support.generate import write_table

COLUMNS = ["cause", "category", "symptoms", "body_areas", "summary", "urgency"]
ROWS = [
    ["alpha", "Lifestyle", "cramps; twitching", "calves", "A.", "self-care"],
    ["Bravo", "Lifestyle", "cramps", "feet", "B.", "self-care"],
    ["Charlie", "Medical", "cramps; weakness", "calves", "C.", "urgent"],
    ["delta", "Medical", "twitching; weakness", "thighs", "D.", "see a doctor"],
    ["Echo", "Medications", "spasms", "back", "E.", "see a doctor"],
    ["Foxtrot", "Lifestyle", "cramps; twitching; weakness", "calves", "F.", ""],
    ["Golf <b>bold</b>", "Medical", "cramps; twitching", "calves", "G.", ""],
]  # fmt: skip
QUERIES = [
    Query(),
    Query(symptoms=("cramps",)),
    Query(symptoms=("twitching", "weakness"), match="all"),
    Query(categories=("Medical",)),
    Query(urgencies=("self-care",)),
    Query(text="nothing matches this"),
]


def load(rows: list[list[str]]) -> CauseTable:
    return table_from_rows(COLUMNS, rows)


@pytest.fixture(scope="module")
def table() -> CauseTable:
    return load(ROWS)


@pytest.fixture(scope="module")
def many_categories() -> CauseTable:
    """20 categories: category k has k + 1 causes."""
    rows = [
        [f"cause {k}-{i}", f"Category {k:02d}", f"symptom {i % 3}", "calves", "S.", ("self-care", "urgent", "")[i % 3]]
        for k in range(20)
        for i in range(k + 1)
    ]
    return load(rows)


def matching_rows(table: CauseTable, query: Query):
    result = run_query(table, query)
    return result, table.frame[result.mask]


# --- causes per category, by urgency ------------------------------------------------------------


@pytest.mark.parametrize("query", QUERIES)
def test_category_counts_are_the_tables(table, query):
    result, rows = matching_rows(table, query)
    data = category_data(table, result)
    frame = data.frame
    assert frame["Total"].sum() == len(result)
    assert (frame[list(URGENCY_COLUMNS)].sum(axis=1) == frame["Total"]).all()
    label = {**{u: URGENCY_STYLE[u].label for u in URGENCY_STYLE}, "": "Urgency not given"}
    for _, row in frame.iterrows():
        in_category = rows[rows["category"] == row["Category"]]
        for urgency, column in label.items():
            assert row[column] == (in_category["urgency"] == urgency).sum()
    assert list(frame["Total"]) == sorted(frame["Total"], reverse=True)  # most first
    assert data.keys == tuple(make_key(CATEGORY, c) for c in frame["Category"])
    assert data.note == ""


def test_category_ties_keep_the_tables_order(table):
    data = category_data(table, run_query(table, Query(symptoms=("weakness",))))
    # Lifestyle 1 (Foxtrot), Medical 2 (Charlie, delta)
    assert list(data.frame["Category"]) == ["Medical", "Lifestyle"]


@pytest.mark.parametrize(
    ("top", "shown", "other_label", "note"),
    [
        (15, 15, "5 other categories", "and 5 more categories are added up in the last bar"),
        (19, 19, "1 other category", "and 1 more category is added up in the last bar"),
        (20, 20, None, ""),
        (30, 20, None, ""),
    ],
)
def test_top_categories_and_the_rest_in_one_bar(many_categories, top, shown, other_label, note):
    result = run_query(many_categories, Query())
    data = category_data(many_categories, result, top=top)
    frame = data.frame
    assert frame["Total"].sum() == len(result) == 210
    assert list(frame["Category"][:shown]) == [f"Category {k:02d}" for k in range(19, 19 - shown, -1)]
    if other_label:
        assert len(frame) == shown + 1
        assert frame["Category"].iloc[-1] == other_label
        assert data.keys[-1] == make_key(OTHER)
        assert frame["Total"].iloc[-1] == sum(k + 1 for k in range(20 - shown))
        assert data.note == f"The {shown} categories with the most matching causes are shown one by one, {note}."
    else:
        assert len(frame) == shown
        assert data.note == ""


@pytest.mark.parametrize("query", QUERIES)
def test_category_figure_draws_the_frame(table, query):
    result = run_query(table, query)
    data = category_data(table, result)
    fig = category_figure(table, data)
    drawn = {trace.name: list(trace.x) for trace in fig.data}
    for column in URGENCY_COLUMNS:
        if data.frame[column].any():
            assert drawn[column] == data.frame[column].tolist()
        else:
            assert column not in drawn  # no empty legend entry
    for trace in fig.data:
        assert list(trace.customdata) == list(data.keys)
        assert list(trace.y) == list(range(len(data.frame)))
        assert trace.orientation == "h"
    colours = {trace.name: trace.marker.color for trace in fig.data}
    for level, style in URGENCY_STYLE.items():
        if style.label in colours:
            assert colours[style.label] == style.colour, level
    assert [a.text for a in fig.layout.annotations] == [f"{t:,}" for t in data.frame["Total"]]
    assert fig.layout.barmode == "stack"
    assert fig.layout.title.text
    assert fig.layout.font.size >= 16
    assert fig.layout.yaxis.tickfont.size >= 16 and fig.layout.xaxis.tickfont.size >= 16


# --- category -> cause ------------------------------------------------------------------------------


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("top_causes", [1, 3, 100])
def test_treemap_counts_every_match_once(table, query, top_causes):
    result = run_query(table, query)
    data = treemap_data(table, result, top_causes=top_causes)
    frame = data.frame
    assert frame["Causes"].sum() == len(result)
    named = [split_key(k)[1] for k in data.keys if split_key(k)[0] == CAUSE]
    best = [table.record(int(p))["cause"] for p in result.positions[:top_causes]]
    assert sorted(named) == sorted(best)
    for key, parent, category in zip(data.keys, data.parents, frame["Category"], strict=True):
        assert parent == make_key(CATEGORY, category)
        if split_key(key)[0] == CAUSE:
            assert table.record(table.position_of(split_key(key)[1]))["category"] == category
        else:
            assert key == make_key(MORE, parent)
    per_group = frame.groupby("Category", sort=False)["Causes"].sum()
    counts = category_data(table, result).frame.set_index("Category")["Total"]
    assert per_group.to_dict() == counts.to_dict()
    if len(result) > top_causes:
        assert f"and {len(result) - top_causes:,} more" in data.note
    else:
        assert data.note == ""


@pytest.mark.parametrize("query", QUERIES)
def test_treemap_figure_draws_the_frame(table, query):
    result = run_query(table, query)
    data = treemap_data(table, result, top_causes=3)
    trace = treemap_figure(table, data).data[0]
    ids, parents, values = list(trace.ids), list(trace.parents), list(trace.values)
    assert len(ids) == len(set(ids))
    assert list(trace.customdata) == ids
    assert trace.branchvalues == "total"
    for node, parent, value in zip(ids, parents, values, strict=True):
        children = [v for v, p in zip(values, parents, strict=True) if p == node]
        if children:
            assert value == sum(children)
        if parent:
            assert parent in ids
    leaves = [v for n, v in zip(ids, values, strict=True) if n in data.keys]
    assert leaves == data.frame["Causes"].tolist()
    colours = category_colours(table.categories)
    for node, colour in zip(ids, trace.marker.colors, strict=True):
        kind, value = split_key(node)
        if kind == CATEGORY:
            assert colour == colours[value]


@pytest.mark.parametrize(
    ("top", "label", "sentence"),
    [
        (15, "5 other categories", 'The 5 categories with the fewest matches are grouped as "5 other categories".'),
        (19, "1 other category", 'The category with the fewest matches is grouped as "1 other category".'),
    ],
)
def test_treemap_groups_the_categories_past_the_top(many_categories, top, label, sentence):
    result = run_query(many_categories, Query())
    data = treemap_data(many_categories, result, top_categories=top, top_causes=10)
    assert data.frame["Causes"].sum() == 210
    assert make_key(MORE, make_key(OTHER)) in data.keys
    other = data.frame[[p == make_key(OTHER) for p in data.parents]]
    assert set(other["Category"]) == {label}
    assert other["Causes"].sum() == sum(k + 1 for k in range(20 - top))
    assert data.note.endswith(sentence)
    assert "and 200 more are counted" in data.note
    tree = treemap_figure(many_categories, data).data[0]
    assert tree.marker.colors[list(tree.ids).index(make_key(OTHER))] == OTHER_COLOUR


# --- symptom x cause -------------------------------------------------------------------------------


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize(("max_causes", "max_symptoms"), [(50, 25), (2, 2), (4, 1)])
def test_matrix_cells_are_membership(table, query, max_causes, max_symptoms):
    result = run_query(table, query)
    data = matrix_data(table, result, max_causes=max_causes, max_symptoms=max_symptoms)
    frame = data.frame
    best = [table.record(int(p))["cause"] for p in result.positions[:max_causes]]
    assert sorted(frame.index) == sorted(best)
    for name in frame.index:
        has = {s.casefold() for s in table.record(table.position_of(name))["symptoms"]}
        for symptom in frame.columns:
            assert frame.loc[name, symptom] == (symptom.casefold() in has)
    # the most common symptoms among all the matches come first
    counts = {s: sum(s in syms for syms in table.frame["symptoms"][result.mask]) for s in frame.columns}
    assert list(counts.values()) == sorted(counts.values(), reverse=True)
    assert all(counts.values())
    having = {s for syms in table.frame["symptoms"][result.mask] for s in syms}
    assert len(frame.columns) == min(max_symptoms, len(having))
    assert data.keys == tuple(make_key(CAUSE, n) for n in frame.index)
    if len(result) > max_causes:
        assert f"and {len(result) - max_causes:,} more are not" in data.note
    if len(having) > max_symptoms:
        assert f"and {len(having) - max_symptoms:,} more are not" in data.note
    if len(result) <= max_causes and len(having) <= max_symptoms:
        assert data.note == ""


@pytest.mark.parametrize("query", QUERIES)
def test_matrix_figure_draws_a_square_per_true_cell(table, query):
    result = run_query(table, query)
    data = matrix_data(table, result)
    fig = matrix_figure(table, data)
    cells = data.frame.to_numpy(dtype=bool)
    drawn = []
    colours = category_colours(table.categories)
    for trace in fig.data:
        assert trace.marker.symbol == "square"
        for x, y, key in zip(trace.x, trace.y, trace.customdata, strict=True):
            drawn.append((y, x))
            assert key == data.keys[y]
            category = table.record(table.position_of(data.frame.index[y]))["category"]
            assert trace.marker.color == colours[category]
    assert sorted(drawn) == sorted(zip(*np.nonzero(cells), strict=True))
    assert list(fig.layout.yaxis.tickvals) == list(range(len(data.frame)))


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (np.zeros((0, 3)), []),
        ([[1, 0]], [0]),
        # two pairs of alike rows, interleaved: each pair ends up together
        ([[1, 1, 0, 0], [0, 0, 1, 1], [1, 1, 1, 0], [0, 0, 1, 0]], [2, 0, 1, 3]),
        ([[1, 0, 0], [0, 0, 0], [1, 1, 1], [0, 1, 1]], [2, 3, 0, 1]),
        # equal rows: the earliest first
        ([[1, 0], [1, 0], [1, 0]], [0, 1, 2]),
    ],
)
def test_similar_order(rows, expected):
    order = similar_order(np.asarray(rows, dtype=bool))
    assert order.tolist() == expected


def test_similar_order_is_a_permutation():
    rng = np.random.default_rng(0)
    cells = rng.random((40, 25)) < 0.2
    assert sorted(similar_order(cells).tolist()) == list(range(40))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dehydration", "Dehydration"),
        ("Low potassium (hypokalaemia)", "Low potassium<br>(hypokalaemia)"),
        ("a <b> c", "a &lt;b&gt; c"),
        (
            "one two three four five six seven eight nine ten",
            "one two three<br>four five six<br>seven eight<br>nine ten",
        ),
        ("w " * 40, "w w w w w w w<br>w w w w w w w<br>w w w w w w w<br>w w w w w w w…"),
    ],
)
def test_wrapped(text, expected):
    assert wrapped(text, 14, 4) == expected


def test_every_label_is_escaped(table):
    result = run_query(table, Query())
    bars = category_figure(table, category_data(table, result))
    tiles = treemap_figure(table, treemap_data(table, result)).data[0]
    cells = matrix_figure(table, matrix_data(table, result))
    texts = [*tiles.labels, *tiles.hovertext, *cells.layout.yaxis.ticktext]
    texts += [t for trace in cells.data for t in trace.hovertext]
    texts += list(bars.layout.yaxis.ticktext)
    assert not any("<b>bold" in t for t in texts)
    assert any("Golf &lt;b&gt;bold" in t for t in texts)


# --- a big table ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> CauseTable:
    return load_cause_table(write_table(tmp_path_factory.mktemp("big") / "causes.csv", 3000, seed=1))


def test_a_big_table_shows_the_top_n_with_how_many_more(big):
    result = run_query(big, Query())
    bars = category_data(big, result)
    assert bars.frame["Total"].sum() == 3000
    assert len(bars.frame) <= figures.TOP_CATEGORIES + 1
    tiles = treemap_data(big, result)
    assert (tiles.frame["Cause"].str.startswith("and ") | tiles.frame["Causes"].eq(1)).all()
    assert sum(1 for k in tiles.keys if split_key(k)[0] == CAUSE) == figures.TREEMAP_CAUSES
    assert f"and {3000 - figures.TREEMAP_CAUSES:,} more" in tiles.note
    cells = matrix_data(big, result)
    assert cells.frame.shape == (figures.MATRIX_CAUSES, figures.MATRIX_SYMPTOMS)
    assert f"and {3000 - figures.MATRIX_CAUSES:,} more are not" in cells.note
    fig = matrix_figure(big, cells)
    assert sum(len(t.x) for t in fig.data) == cells.frame.to_numpy().sum()


@pytest.mark.parametrize("query", QUERIES)
def test_the_phones_matrix_names_every_cause_whole_and_draws_the_same_squares(table, query):
    from causes.figures import NARROW_SYMPTOMS, narrow_matrix_figure

    result = run_query(table, query)
    data = matrix_data(table, result)
    fig = narrow_matrix_figure(table, data)
    names = [a.text.replace("<br>", " ") for a in fig.layout.annotations]
    assert names == [plot_escape(n) for n in data.frame.index]  # every name, whole, in order
    shown = min(NARROW_SYMPTOMS, len(data.frame.columns))
    cells = data.frame.to_numpy(dtype=bool)[:, :shown]
    squares = [t for t in fig.data if t.name != "names"]
    drawn = sorted((data.keys.index(k), x) for t in squares for x, k in zip(t.x, t.customdata, strict=True))
    assert drawn == sorted(zip(*np.nonzero(cells), strict=True))
    (targets,) = [t for t in fig.data if t.name == "names"]
    assert set(targets.customdata) == set(data.keys)  # each cause's name can be tapped
    assert len(fig.layout.xaxis.tickvals) == shown
