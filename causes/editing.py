"""Bring your own cause table: its cells to edit in a grid, the problem report, and the
edited cells as a cause-table file.

A table is edited as cells (every value a string, list items joined with "; "), indexed
by the row number a spreadsheet shows for it (the header is row 1), so a problem's row
is the grid's row. `causes.loader.check_cells` checks the cells again."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from causes.export import LIST_JOIN, write_csv
from causes.loader import Problem
from causes.schema import COLUMN_NAMES, LIST_COLUMNS
from causes.table import CauseTable

REPORT_COLUMNS: tuple[str, ...] = ("Row", "Column", "Value", "Problem", "How to fix it")
FIRST_ROW = 2  # the header is row 1


def cells_of(table: CauseTable) -> pd.DataFrame:
    """The table as cells to edit: the format's columns, then its own."""
    columns = (*COLUMN_NAMES, *table.extra_columns)
    data = {
        c: [LIST_JOIN.join(v) for v in table.frame[c]] if c in LIST_COLUMNS else table.frame[c].tolist()
        for c in columns
    }
    index = pd.RangeIndex(FIRST_ROW, FIRST_ROW + len(table), name="row")
    return pd.DataFrame(data, index=index, columns=list(columns), dtype=object)


def cells_csv(cells: pd.DataFrame) -> bytes:
    """Cells (as edited, problems and all) as a cause-table file, rows in grid order.
    Blank cells may be None or NaN; rows left wholly blank are not written."""
    frame = cells.astype(object).where(cells.notna(), "").astype(str)
    rows = [r for r in frame.itertuples(index=False, name=None) if any(v.strip() for v in r)]
    return write_csv([str(c) for c in frame.columns], rows)


def problem_report(problems: Sequence[Problem]) -> pd.DataFrame:
    """Every problem as a row of the report, sorted by row (problems with the whole file,
    which have no row, first), in the loader's order within a row."""
    records = [
        (p.row, p.column or "", p.value or "", p.message, p.fix) for p in sorted(problems, key=lambda p: p.row or 0)
    ]
    report = pd.DataFrame(records, columns=list(REPORT_COLUMNS))
    report["Row"] = report["Row"].astype("Int64")
    return report


def report_csv(problems: Sequence[Problem]) -> bytes:
    """The full problem report as a CSV file (cells neutralised: values are untrusted)."""
    report = problem_report(problems)
    rows = ([("" if pd.isna(v) else str(v)) for v in r] for r in report.itertuples(index=False, name=None))
    return write_csv(REPORT_COLUMNS, rows)


def problems_line(problems: Sequence[Problem]) -> str:
    """How many problems, in how many rows."""
    rows = {p.row for p in problems if p.row}
    n = len(problems)
    text = f"{n:,} problem{'s' if n != 1 else ''}"
    if rows:
        text += f" in {len(rows):,} row{'s' if len(rows) != 1 else ''}"
    return text
