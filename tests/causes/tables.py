"""Small cause tables written in a test, read through the real loader."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from causes.loader import load_cause_table
from causes.schema import LIST_SEPARATOR
from causes.table import CauseTable


def table_from_rows(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> CauseTable:
    """Write a header and rows as CSV and load them as a person's upload would be."""
    buf = io.StringIO()
    csv.writer(buf).writerows([columns, *rows])
    return load_cause_table(buf.getvalue().encode("utf-8"))


def split_cell(cell: str) -> list[str]:
    """The format's rule for one list cell, written plainly (what the loader's whole-column
    split must give): items trimmed, empty items and repeats (ignoring case) dropped, the
    first spelling kept."""
    seen: set[str] = set()
    items: list[str] = []
    for raw in cell.split(LIST_SEPARATOR):
        item = raw.strip()
        if item and item.casefold() not in seen:
            seen.add(item.casefold())
            items.append(item)
    return items
