"""The app's plotly.js bundle (static/plotly-cause-atlas.min.js, built from frontend/plotly
by `make bundle`): pinned, the same plotly.js as the plotly the figures are made with,
holding every trace type the figures use, and rebuilt byte for byte from its lockfile."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import plotly
import pytest

from pages.ui.plot import BUNDLE

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "frontend" / "plotly"
TRACE = re.compile(r'moduleType:"trace",name:"(\w+)"')


def bundled_traces() -> set[str]:
    return set(TRACE.findall(BUNDLE.read_text(encoding="utf-8")))


def test_every_package_is_pinned_and_locked() -> None:
    wanted = json.loads((SOURCE / "package.json").read_text())["dependencies"]
    lock = json.loads((SOURCE / "package-lock.json").read_text())["packages"]
    for name, version in wanted.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name} is not pinned with an exact version: {version}"
        assert lock[f"node_modules/{name}"]["version"] == version
    assert all("version" in entry for key, entry in lock.items() if key), "a locked package has no version"


def test_the_bundle_is_the_plotly_js_the_figures_are_made_for() -> None:
    """plotly (Python) writes figures for the plotly.js it ships; the bundle must be that
    version, or a figure's new attributes would be dropped in the browser."""
    shipped = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    python_side = re.search(r"plotly\.js v(\d+\.\d+\.\d+)", shipped.read_text(encoding="utf-8")[:500])
    lock = json.loads((SOURCE / "package-lock.json").read_text())["packages"]
    assert python_side is not None
    assert lock["node_modules/plotly.js"]["version"] == python_side.group(1)
    assert BUNDLE.read_text(encoding="utf-8").startswith(f"/*! plotly.js v{python_side.group(1)} ")


def test_the_bundle_holds_every_trace_type_the_figures_use_and_little_else() -> None:
    used = set()
    for module in (ROOT / "causes").glob("*.py"):
        used |= {name.lower() for name in re.findall(r"\bgo\.(\w+)\(", module.read_text(encoding="utf-8"))}
    used -= {"figure", "layout"}
    assert used, "no trace found in causes/"
    assert used <= bundled_traces(), f"drawn but not in the bundle: {used - bundled_traces()}"
    assert bundled_traces() == {"scatter", "bar", "treemap"}  # the cut: no gl, map or 3-D traces
    assert BUNDLE.stat().st_size < 2_000_000  # Streamlit's full chunk is 4.7 MB


@pytest.mark.skipif(shutil.which("npm") is None, reason="node and npm are needed to rebuild the bundle")
def test_the_committed_bundle_is_rebuilt_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "bundle.js"
    subprocess.run([str(SOURCE / "build.sh"), str(out)], check=True, capture_output=True, timeout=300)
    assert out.read_bytes() == BUNDLE.read_bytes(), "static/plotly-cause-atlas.min.js is not what `make bundle` builds"
