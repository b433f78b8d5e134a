"""Small cause tables written in a test, read through the real loader."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from causes.loader import load_cause_table
from causes.table import CauseTable


def table_from_rows(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> CauseTable:
    """Write a header and rows as CSV and load them as a person's upload would be."""
    buf = io.StringIO()
    csv.writer(buf).writerows([columns, *rows])
    return load_cause_table(buf.getvalue().encode("utf-8"))
