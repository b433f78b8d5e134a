"""The Glossary page, run through app.py."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(
    ("locale", "lang", "services"),
    [
        ("en-GB", "en", "(a GP, A&E and 999)"),
        ("es-ES", "es", "(un médico, urgencias del hospital y 112)"),
        ("en-US", "en", "(a doctor, the emergency department and 911)"),
    ],
)
def test_the_glossary_names_the_services_the_advice_names_here(app, monkeypatch, locale, lang, services):
    from causes.config import LOCALE_VAR

    monkeypatch.setenv(LOCALE_VAR, locale)
    at = app({"lang": lang}, page="pages/glossary.py")
    assert any(services in t for t in texts(at)), [t for t in texts(at) if "(" in t][:3]
