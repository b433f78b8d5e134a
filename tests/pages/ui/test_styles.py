"""pages/ui/styles.py: the views' one stylesheet parses whole (a line break inside a CSS
string once dropped the rules after it: the ticked box of the warning check and the 44 px
targets of the question panel)."""

from __future__ import annotations

import re

from pages.ui.styles import CSS, stylesheet


def test_no_css_string_runs_over_a_line():
    body = CSS.removeprefix("<style>").removesuffix("</style>")
    for number, line in enumerate(body.splitlines(), 1):
        assert line.count('"') % 2 == 0 and line.count("'") % 2 == 0, (number, line)


def test_every_rule_is_closed_and_every_target_rule_is_there():
    body = CSS.removeprefix("<style>").removesuffix("</style>")
    assert body.count("{") == body.count("}")
    rules = re.findall(r"([^{}]+)\{([^{}]*)\}", body)
    selectors = {sel.strip() for sel, _ in rules}
    for wanted in (".st-key-narrow button", ".st-key-visit-link a, .st-key-exports a", ".st-key-visit-notes input"):
        assert wanted in selectors
        assert "min-height: 44px" in dict((sel.strip(), decl) for sel, decl in rules)[wanted]
    ticked = next(decl for sel, decl in rules if 'aria-pressed="true"' in sel)
    assert "url(" in ticked and "no-repeat" in ticked


def test_it_is_one_element(monkeypatch):
    import streamlit as st

    sent: list[str] = []
    monkeypatch.setattr(st, "html", sent.append)
    stylesheet()
    assert sent == [CSS]
