"""Bring your own cause table: its cells to edit in a grid, the problem report, and the
edited cells as a cause-table file.

A table is edited as cells (every value a string, list items joined with "; "), indexed
by the row number a spreadsheet shows for it (the header is row 1), so a problem's row
is the grid's row. `causes.loader.check_cells` checks the cells again."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from causes.export import LIST_JOIN, write_csv
from causes.i18n import N_, _, ngettext, number
from causes.loader import Problem
from causes.schema import COLUMN_NAMES, LIST_COLUMNS
from causes.table import CauseTable

# The problem report's column headings, English marked for the catalog: `report_columns`
# says them in the run's language.
REPORT_COLUMNS: tuple[str, ...] = (
    # Translators: a heading of the problem report: the spreadsheet's row number.
    N_("Row"),
    # Translators: a heading of the problem report: the table's column.
    N_("Column"),
    # Translators: a heading of the problem report: what the cell holds.
    N_("Value"),
    # Translators: a heading of the problem report: what is wrong.
    N_("Problem"),
    N_("How to fix it"),
)
FIRST_ROW = 2  # the header is row 1


def report_columns() -> tuple[str, ...]:
    """The problem report's column headings, in this run's language."""
    return tuple(_(c) for c in REPORT_COLUMNS)


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
    columns = report_columns()
    report = pd.DataFrame(records, columns=list(columns))
    report[columns[0]] = report[columns[0]].astype("Int64")
    return report


def report_csv(problems: Sequence[Problem]) -> bytes:
    """The full problem report as a CSV file (cells neutralised: values are untrusted)."""
    report = problem_report(problems)
    rows = ([("" if pd.isna(v) else str(v)) for v in r] for r in report.itertuples(index=False, name=None))
    return write_csv(report_columns(), rows)


def problems_line(problems: Sequence[Problem]) -> str:
    """How many problems, in how many rows."""
    rows = {p.row for p in problems if p.row}
    n = len(problems)
    text = ngettext("{n} problem", "{n} problems", n).format(n=number(n))
    if not rows:
        return text
    in_rows = ngettext("{n} row", "{n} rows", len(rows)).format(n=number(len(rows)))
    # Translators: "3 problems in 2 rows": {problems} is "3 problems", {rows} is "2 rows".
    return _("{problems} in {rows}").format(problems=text, rows=in_rows)
