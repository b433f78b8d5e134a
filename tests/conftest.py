"""What every test can use (the bundled table, loaded once), and the `browser` marker on
every test under tests/browser/."""

from __future__ import annotations

from pathlib import Path

import pytest

from causes.table import CauseTable
from tests.support.bundled import bundled_table

BROWSER_TESTS = Path(__file__).resolve().parent / "browser"


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the browser tests `browser`, so that `pytest -m "not browser"` runs the fast
    suite only. (A `pytestmark` in a conftest marks nothing.)"""
    for item in items:
        if BROWSER_TESTS in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def bundled() -> CauseTable:
    """The bundled cause table, loaded once per session and shared: treat it as read-only."""
    return bundled_table()
