"""The README's code map names every module of the app, the core and the tools."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
MAP = README[README.index("## How the code is laid out") :]
MODULES = sorted(
    p.relative_to(ROOT).as_posix()
    for folder in ("causes", "pages", "bench", "deploy")
    for p in (ROOT / folder).rglob("*.py")
    if p.name != "__init__.py" or folder == "causes"
)


@pytest.mark.parametrize("module", MODULES)
def test_the_code_map_names_every_module(module):
    path = Path(module)
    # The core and the UI components by their path; a page or a tool by its file name.
    named = module if path.parts[0] == "causes" or path.parent.name == "ui" else path.name
    assert f"`{named}`" in MAP, f"README's code map does not name {module}"
