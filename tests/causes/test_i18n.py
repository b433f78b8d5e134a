"""The interface's languages: which language a browser or a link gets, and the catalogs
themselves: every message in the code is in every language's catalog, translated, with
the same placeholders, and the compiled catalog the app reads is the one its `.po` makes."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from causes import i18n

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = [code for code in i18n.LANGUAGES if code != i18n.DEFAULT]
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


@pytest.mark.parametrize(
    ("requested", "language", "unknown"),
    [
        ("es-ES", "es", False),
        ("es", "es", False),
        ("es_MX", "es", False),
        ("ES-ar", "es", False),
        ("en-GB", "en", False),
        ("en", "en", False),
        ("fr-FR", "en", True),
        ("cy", "en", True),
        (None, "en", False),
        ("", "en", False),
    ],
)
def test_a_browser_or_link_gets_its_language_or_english(requested, language, unknown) -> None:
    assert i18n.negotiate(requested) == (language, unknown)


@pytest.mark.parametrize(
    ("lang", "n", "written"),
    [("en", 7, "7"), ("en", 1234, "1,234"), ("en", 50000, "50,000"), ("es", 1234, "1234"), ("es", 50000, "50.000")],
)
def test_numbers_are_written_as_the_language_writes_them(lang, n, written) -> None:
    with i18n.using(lang):
        assert i18n.number(n) == written


@pytest.mark.parametrize(("lang", "written"), [("en", "5 March 2026"), ("es", "5 de marzo de 2026")])
def test_dates_are_written_in_the_language(lang, written) -> None:
    import datetime as dt

    with i18n.using(lang):
        assert i18n.long_date(dt.date(2026, 3, 5)) == written


def test_using_a_language_ends_with_its_block() -> None:
    assert i18n.language() == "en"
    with i18n.using("es"):
        assert i18n.language() == "es"
        with i18n.using("xx"):  # not spoken: English
            assert i18n.language() == "en"
        assert i18n.language() == "es"
    assert i18n.language() == "en"


def _catalog(lang: str):
    with open(ROOT / "locales" / lang / "LC_MESSAGES" / "messages.po", "rb") as f:
        return read_po(f, locale=lang)


def _code_messages() -> set[str]:
    # The files babel.cfg names: app.py, causes/ and pages/.
    found: set[str] = set()
    for folder in ("causes", "pages"):
        for _, _, message, _, _ in extract_from_dir(ROOT / folder, [("**.py", "python")]):
            found.add(message if isinstance(message, str) else message[0])
    with open(ROOT / "app.py", "rb") as f:
        for _, message, _, _ in extract("python", f):
            found.add(message if isinstance(message, str) else message[0])
    return found


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_in_the_code_is_in_the_catalog(lang) -> None:
    in_catalog = {m.id if isinstance(m.id, str) else m.id[0] for m in _catalog(lang) if m.id}
    missing = sorted(_code_messages() - in_catalog)
    assert not missing, f"run `make catalogs` and translate: {missing[:20]}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_is_translated_with_its_placeholders(lang) -> None:
    untranslated, broken = [], []
    for m in _catalog(lang):
        if not m.id:
            continue
        ids = [m.id] if isinstance(m.id, str) else list(m.id)
        strings = [m.string] if isinstance(m.string, str) else list(m.string)
        if m.fuzzy or not all(s.strip() for s in strings):
            untranslated.append(ids[0])
            continue
        wanted = {p for i in ids for p in PLACEHOLDER.findall(i)}
        for s in strings:
            if {p for p in PLACEHOLDER.findall(s)} - wanted or (
                len(ids) == 1 and set(PLACEHOLDER.findall(s)) != wanted
            ):
                broken.append((ids[0], s))
    assert not untranslated, f"{len(untranslated)} untranslated, e.g. {untranslated[:10]}"
    assert not broken, broken[:10]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_compiled_catalog_is_current(lang) -> None:
    compiled = io.BytesIO()
    write_mo(compiled, _catalog(lang))
    committed = (ROOT / "locales" / lang / "LC_MESSAGES" / "messages.mo").read_bytes()
    assert compiled.getvalue() == committed, "run `make catalogs`: the .mo is older than its .po"


def test_spanish_plurals_follow_the_catalogs_rule() -> None:
    catalog = _catalog("es")
    assert catalog.num_plurals == 2
    assert catalog.plural_expr.replace(" ", "") in {"(n!=1)", "n!=1"}


# A catalog call inside an f-string's braces, with a literal message: Babel's extractor
# (on Python 3.11, an f-string is one token) never sees it, so it would reach no catalog.
IN_FSTRING = re.compile(r"""\{[^{}]*\b(?:_|N_|ngettext|pgettext)\(\s*["']""")


def _fstrings(path: Path) -> list[tuple[int, str]]:
    import tokenize

    with open(path, "rb") as f:
        tokens = list(tokenize.tokenize(f.readline))
    return [
        (t.start[0], t.string)
        for t in tokens
        if t.type == tokenize.STRING and re.match(r"(?i)[rb]*f", t.string) and IN_FSTRING.search(t.string)
    ]


def test_no_message_hides_inside_an_f_string() -> None:
    files = [ROOT / "app.py", *sorted((ROOT / "causes").rglob("*.py")), *sorted((ROOT / "pages").rglob("*.py"))]
    hidden = [(str(p.relative_to(ROOT)), line, text[:80]) for p in files for line, text in _fstrings(p)]
    assert not hidden, hidden


def test_a_file_made_later_speaks_the_language_of_when_its_button_was_drawn() -> None:
    with i18n.using("es"):
        made = i18n.deferred(lambda: (i18n.language(), i18n.long_date(__import__("datetime").date(2026, 1, 2))))
    assert made() == ("es", "2 de enero de 2026")  # called in another thread, where nothing set it


def test_where_nothing_set_the_language_the_fallback_says() -> None:
    import threading

    saved = list(i18n._fallback)
    try:
        i18n.set_fallback(lambda: "es")
        seen = []
        thread = threading.Thread(target=lambda: seen.append(i18n.language()))  # a callback's thread
        thread.start()
        thread.join()
        assert seen == ["es"]
        with i18n.using("en"):  # what a run set wins
            assert i18n.language() == "en"
    finally:
        i18n._fallback[:] = saved


@pytest.mark.parametrize(
    ("text", "before", "after", "said"),
    [
        ("Treemap", "en", "es", None),  # None: the catalog's Spanish
        ("Treemap", "en", "en", "Treemap"),
        ("Not a message of ours", "en", "es", "Not a message of ours"),
        ("Not a message of ours", "es", "en", "Not a message of ours"),
    ],
)
def test_a_message_shown_in_one_language_is_said_in_another(text, before, after, said):
    from causes.i18n import catalog, said_in

    spanish = catalog("es").gettext("Treemap")
    assert spanish != "Treemap"
    assert said_in(text, before, after) == (said if said is not None else spanish)
    assert said_in(spanish, "es", "en") == "Treemap"
