"""What every test can use, and the `browser` marker on every test under tests/browser/."""

from __future__ import annotations

from pathlib import Path

import pytest

BROWSER_TESTS = Path(__file__).resolve().parent / "browser"


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the browser tests `browser`, so that `pytest -m "not browser"` runs the fast
    suite only. (A `pytestmark` in a conftest marks nothing.)"""
    for item in items:
        if BROWSER_TESTS in item.path.parents:
            item.add_marker(pytest.mark.browser)
