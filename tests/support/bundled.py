"""The bundled cause table (data/causes.csv), loaded once per test session.

Tests take it as the `bundled` fixture (tests/conftest.py); a module that needs it at
import time, to parametrize its tests or to work out what a page should show, calls
`bundled_table()`: the same table, loaded once. Treat it as read-only: every test shares it."""

from __future__ import annotations

import functools

from causes.config import BUNDLED_TABLE
from causes.loader import load_cause_table
from causes.table import CauseTable


@functools.cache
def bundled_table() -> CauseTable:
    return load_cause_table(BUNDLED_TABLE)
