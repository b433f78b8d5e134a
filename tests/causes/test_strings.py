"""causes/strings.py: whole-column string operations give exactly what Python's own give."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from causes.strings import (
    ODD_SPACE,
    casefold,
    has_odd_space,
    items_of,
    map_distinct,
    name_key,
    name_keys,
    odd_space_in,
    split_items,
    strip,
    value_items,
)
from tests.causes.tables import split_cell

# Cells where Arrow and Python part ways: whitespace Arrow does not trim (\x1c), or trims
# and Python does too (\u2003), case folding that is not lower-casing (ß, ﬁ), and
# characters whose UTF-8 bytes look like the start of an odd space (€, —, “).
CELLS = [
    "",
    " ",
    "  plain text  ",
    "\tTabs\r\n",
    "\x1cfile separator\x1f",
    "\xa0no-break space\xa0",
    "\u2003em space\u3000",
    "Straße",
    "ﬁne ΣΊΣΥΦΟΣ",
    "€ — “quoted”",
    "İstanbul",
    "line\u2028separator",
    "mixed  \t runs \n of   space",
]


@pytest.mark.parametrize(
    ("helper", "python"),
    [
        (strip, str.strip),
        (casefold, str.casefold),
        (name_keys, name_key),
    ],
    ids=["strip", "casefold", "name_keys"],
)
def test_helpers_give_what_python_gives(helper, python):
    assert helper(pd.Series(CELLS, dtype="str")).tolist() == [python(c) for c in CELLS]
    assert helper(pd.Series(CELLS, dtype=object)).tolist() == [python(c) for c in CELLS]


@pytest.mark.parametrize("char", list(ODD_SPACE))
def test_every_odd_space_is_found(char):
    assert odd_space_in(f"ab{char}cd".encode())
    assert has_odd_space(pd.Series(["plain", f"x{char}"], dtype="str")).tolist() == [False, True]


@pytest.mark.parametrize("text", ["", "plain ascii, tabs\tand\r\nbreaks", "€ — “” é ß 漢字 \u00a9 \u2010"])
def test_no_odd_space_is_found_where_there_is_none(text):
    assert not odd_space_in(text.encode())


def test_an_odd_space_across_a_block_edge_is_found(monkeypatch):
    import causes.strings as strings

    monkeypatch.setattr(strings, "SCAN_BLOCK", 4)
    for at in range(8):
        assert odd_space_in(("x" * at + "\u2003" + "y" * 5).encode())


def test_the_odd_spaces_are_exactly_pythons_other_whitespace():
    import sys

    expected = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()} - set(" \t\r\n")
    assert set(ODD_SPACE) == expected


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (["a; b ;a;A; ;c"], [("a", "b", "c")]),
        (["", " ; ;", "x"], [(), (), ("x",)]),
        (["Cramps; cramps", "CRAMPS; night"], [("Cramps",), ("CRAMPS", "night")]),
        (["\x1ca\x1c; a"], [("a",)]),
        (["Straße; STRASSE"], [("Straße",)]),
    ],
)
def test_split_items_gives_the_format_rule_cell_by_cell(cells, expected):
    items = split_items(pd.Series(cells, dtype="str"), ";")
    assert items.per_row(len(cells)) == expected == [tuple(split_cell(c)) for c in cells]


def test_items_keep_the_first_spelling_of_each_term_for_the_column():
    items = split_items(pd.Series(["Night cramps; calves", "NIGHT CRAMPS", "night cramps; Calves"], dtype="str"), ";")
    assert items.spellings == ["Night cramps", "calves"]
    shown = items.per_row(3, items.canonical())
    assert shown == [("Night cramps", "calves"), ("Night cramps",), ("Night cramps", "calves")]
    assert items.rows.tolist() == [0, 0, 1, 2, 2]


def test_items_of_lists_already_split_and_of_single_values():
    listed = items_of([("a", "B"), (), ("b",)])
    assert listed.spellings == ["a", "B"] and listed.keys.tolist() == [0, 1, 1] and listed.rows.tolist() == [0, 0, 2]
    single = value_items(pd.Series(["Cat", "", "cat", "Dog"], dtype="str"))
    assert single.rows.tolist() == [0, 2, 3] and single.canonical().tolist() == ["Cat", "Cat", "Dog"]


def test_map_distinct_calls_once_per_value():
    calls: list[str] = []

    def shout(v: str) -> str:
        calls.append(v)
        return v.upper()

    out = map_distinct(pd.Series(["a", "b", "a", "a"], dtype="str"), shout)
    assert out.tolist() == ["A", "B", "A", "A"] and sorted(calls) == ["a", "b"]


tricky = st.sampled_from(list("aA ;\t\nßẞﬁ€—") + list(ODD_SPACE[:8]))
cell_text = st.text(st.one_of(tricky, st.characters(codec="utf-8")), max_size=20)  # text a file can hold


@settings(max_examples=200, deadline=None)
@given(st.lists(cell_text.filter(lambda s: "\x00" not in s), max_size=8))
def test_any_cells_give_what_python_gives(cells):
    series = pd.Series(cells, dtype="str")
    assert strip(series).tolist() == [c.strip() for c in cells]
    assert casefold(series).tolist() == [c.casefold() for c in cells]
    assert name_keys(series).tolist() == [name_key(c) for c in cells]
    assert split_items(series, ";").per_row(len(cells)) == [tuple(split_cell(c)) for c in cells]
    assert has_odd_space(series).tolist() == [any(ch in ODD_SPACE for ch in c) for c in cells]
    assert odd_space_in("".join(cells).encode()) == any(ch in ODD_SPACE for ch in "".join(cells))
    assert np.all(np.diff(split_items(series, ";").rows) >= 0)
