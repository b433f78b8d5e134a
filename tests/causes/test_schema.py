"""The cause-table format: list cells, and the documented column table."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd
import pytest

from causes.schema import COLUMNS, LIST_SEPARATOR
from causes.strings import split_items

README = Path(__file__).resolve().parents[2] / "data" / "README.md"


@pytest.mark.parametrize(
    "cell,expected",
    [
        # one item, and the usual separator with spaces around it
        ("calves", ["calves"]),
        ("calves; thighs", ["calves", "thighs"]),
        ("calves;thighs;feet", ["calves", "thighs", "feet"]),
        # items are trimmed, including tabs and newlines
        ("  calves ;   thighs  ", ["calves", "thighs"]),
        ("\tcalves\n;\r\nthighs ", ["calves", "thighs"]),
        # spaces inside an item are kept as written
        ("lower  back; back of the knee", ["lower  back", "back of the knee"]),
        # empty items are dropped
        ("", []),
        ("   ", []),
        (";", []),
        (" ; ;; ", []),
        ("calves;", ["calves"]),
        (";calves", ["calves"]),
        ("calves;;thighs", ["calves", "thighs"]),
        ("calves; ;thighs", ["calves", "thighs"]),
        # repeats ignoring case are dropped, the first spelling is kept
        ("calves; calves", ["calves"]),
        ("Calves; calves; CALVES", ["Calves"]),
        ("calves; Calves", ["calves"]),
        ("calves; thighs; CALVES; feet; Thighs", ["calves", "thighs", "feet"]),
        (" Calves ;calves", ["Calves"]),
        ("Ärger; ärger", ["Ärger"]),
        ("Straße; STRASSE", ["Straße"]),
        # only `;` separates items: commas belong to the item
        ("calves, thighs", ["calves, thighs"]),
        ("cramps (at night, mostly); twitching", ["cramps (at night, mostly)", "twitching"]),
        # items that differ by more than case are different items
        ("calf; calves", ["calf", "calves"]),
    ],
)
def test_a_list_cell_splits(cell, expected):
    items = split_items(pd.Series([cell], dtype="str"), LIST_SEPARATOR)
    assert items.per_row(1) == [tuple(expected)]


def test_list_separator_is_semicolon():
    assert LIST_SEPARATOR == ";"


def _readme_columns_table() -> tuple[list[str], list[list[str]]]:
    """The markdown table under `## Columns` in data/README.md: (header, rows)."""
    text = README.read_text(encoding="utf-8")
    match = re.search(r"^## Columns[ \t]*\n(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    assert match, "data/README.md has no '## Columns' section"
    lines = [line.strip() for line in match.group(1).splitlines() if line.strip().startswith("|")]
    assert len(lines) >= 3, "the '## Columns' section has no markdown table"

    def cells(line: str) -> list[str]:
        inner = line.strip()[1:-1] if line.strip().endswith("|") else line.strip()[1:]
        return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", inner)]

    header, separator, *rows = (cells(line) for line in lines)
    assert all(re.fullmatch(r":?-{3,}:?", c) for c in separator), f"not a table separator row: {separator}"
    return header, rows


def test_readme_columns_table_has_the_expected_header():
    header, _ = _readme_columns_table()
    assert header == ["column", "required", "content"]


def test_readme_columns_table_matches_schema():
    _, rows = _readme_columns_table()
    documented = [tuple(row) for row in rows]
    declared = [(c.name, "yes" if c.required else "no", c.content) for c in COLUMNS]
    assert documented == declared


@pytest.mark.parametrize(
    "line,expected",
    [
        ("| cause | yes | a name |", ["cause", "yes", "a name"]),
        ("|cause|no|a \\| b|", ["cause", "no", "a | b"]),
    ],
)
def test_readme_table_cell_parser(line, expected, tmp_path, monkeypatch):
    # The parser used above must really split cells, or the comparison would be vacuous.
    readme = tmp_path / "README.md"
    readme.write_text(f"# x\n\n## Columns\n\n| column | required | content |\n|---|---|---|\n{line}\n\n## Next\n")
    monkeypatch.setattr(sys.modules[__name__], "README", readme)
    header, rows = _readme_columns_table()
    assert header == ["column", "required", "content"]
    assert rows == [expected]
