"""The Glossary page, run through app.py."""

from __future__ import annotations

from causes.config import BUNDLED_TABLE
from causes.content import GLOSSARY_FILE, Glossary
from tests.pages.conftest import texts


def test_glossary_lists_every_term_and_searches(app):
    glossary = Glossary.load(BUNDLED_TABLE.parent / GLOSSARY_FILE)
    at = app()
    at.switch_page("pages/glossary.py").run()
    page = "\n".join(texts(at))
    for t in glossary.terms:
        assert f"**{t.term}**: {t.definition}" in page
    assert f"{len(glossary.terms)} of {len(glossary.terms)} terms" in page
    at.text_input(key="glossary_q").input("calves").run()
    page = "\n".join(texts(at))
    assert "**calves**" in page
    assert "**twitching at rest**" not in page


def test_a_table_without_a_glossary_says_so(app, hiccups):
    at = app(data=hiccups)
    at.switch_page("pages/glossary.py").run()
    assert any("without a glossary" in i.value for i in at.info)
