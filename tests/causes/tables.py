"""Small cause tables written in a test, read through the real loader."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from causes.content import Glossary
from causes.loader import load_cause_table
from causes.schema import LIST_SEPARATOR
from causes.table import CauseTable


def csv_text(rows: Sequence[Sequence[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def table_from_rows(
    columns: Sequence[str], rows: Sequence[Sequence[str]], glossary: Sequence[Sequence[str]] = ()
) -> CauseTable:
    """Write a header and rows as CSV and load them as a person's upload would be; with
    `glossary` rows (term, kind, definition, broader), with that glossary beside it."""
    data = csv_text([columns, *rows]).encode("utf-8")
    if not glossary:
        return load_cause_table(data)
    return load_cause_table(data, glossary=glossary_of(glossary))


def glossary_of(rows: Sequence[Sequence[str]], folder: Path | None = None) -> Glossary:
    """A glossary of (term, kind, definition, broader) rows, read through its real reader
    from a file in `folder` (a temporary one if none)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(folder or tmp) / "glossary.csv"
        path.write_text(csv_text([["term", "kind", "definition", "broader"], *rows]), encoding="utf-8")
        return Glossary.load(path)


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
