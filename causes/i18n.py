"""The interface's languages: every word the app shows comes from a gettext catalog.

The English in the code is the message id; `locales/<lang>/LC_MESSAGES/messages.po` holds
a language's translations, and the `.mo` beside it is what the app reads (both committed;
`make catalogs` extracts the messages from the code, updates each `.po` and compiles it
with Babel, and a test fails when a message has no translation or a `.mo` is stale).

The language is this run's: the gatekeeper (`pages/ui/state.py`) sets it at the start of
every run and of every fragment, and the core's text reads it here, so a core function
says its sentence in the language of the person it is for. Outside the app (a notebook, a
test) it is English unless `using("es")` says otherwise.

    _("Causes")                                   a message
    ngettext("{n} cause", "{n} causes", n).format(n=n)    a message with a plural
    N_("Emergency")                               marked for the catalog, translated where shown
"""

from __future__ import annotations

import functools
import gettext
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

DEFAULT = "en"
# Each language the interface speaks, by its code, with its name in itself (as the button
# that switches to it says).
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}
DOMAIN = "messages"
LOCALES = Path(__file__).resolve().parent.parent / "locales"
LANG_PARAM = "lang"  # the link's key: ?lang=es

# The run's language; None where nothing set it (a thread the app started before its script
# ran, such as Streamlit's callbacks): then the fallback says (the app's: the session's).
_language: ContextVar[str | None] = ContextVar("cause_atlas_language", default=None)
_fallback: list[Callable[[], str | None]] = []


@functools.cache
def catalog(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of `lang` (English: the messages as written)."""
    if lang == DEFAULT:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALES, [lang], fallback=True)


def said_in(text: str, before: str, after: str) -> str:
    """A message of the catalog shown in language `before` (a tab's label, "Treemap"),
    said in `after` ("Mapa de árbol"); any other text as it is."""
    if before == after:
        return text
    if before == DEFAULT:
        message = text
    else:
        found = getattr(catalog(before), "_catalog", {})
        message = next((k for k, v in found.items() if v == text and isinstance(k, str)), text)
    return catalog(after).gettext(message) if message else text


def language() -> str:
    """The language of this run."""
    lang = _language.get()
    if lang is None:
        lang = next((found for ask in _fallback if (found := ask())), None)
    return lang if lang in LANGUAGES else DEFAULT


def set_fallback(ask: Callable[[], str | None]) -> None:
    """Where to ask for the language when nothing set it in this thread (the app: its
    session's, for the callbacks Streamlit runs before the script)."""
    _fallback[:] = [ask]


def deferred(make: Callable[[], T]) -> Callable[[], T]:
    """`make`, to be called later (a download's file, made in another thread when the
    button is pressed), speaking the language of now."""
    lang = language()

    def made() -> T:
        with using(lang):
            return make()

    return made


def set_language(lang: str) -> None:
    """This run speaks `lang` (an unknown code: English)."""
    _language.set(lang if lang in LANGUAGES else DEFAULT)


@contextmanager
def using(lang: str) -> Iterator[None]:
    """Speak `lang` inside the block (a handout made for another language, a test)."""
    token = _language.set(lang if lang in LANGUAGES else DEFAULT)
    try:
        yield
    finally:
        _language.reset(token)


def _(message: str) -> str:
    """`message` in this run's language."""
    return catalog(language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for `n`, by the language's plural rules (format `{n}` after)."""
    return catalog(language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """A short message whose translation depends on where it is shown ("Close" a chart)."""
    return catalog(language()).pgettext(context, message)


def N_(message: str) -> str:
    """Mark `message` for the catalog without translating it now (a constant read at import
    time): translate it with `_()` where it is shown."""
    return message


def negotiate(requested: str | None) -> tuple[str, bool]:
    """The language for a browser's or a link's `requested` code (`es-ES`, `es`, `fr-FR`),
    and whether it asked for one this app does not speak (then English)."""
    if not requested:
        return DEFAULT, False
    base = requested.replace("_", "-").split("-")[0].strip().casefold()
    if base in LANGUAGES:
        return base, False
    return DEFAULT, True


def number(n: int) -> str:
    """A whole number as this run's language writes it: 12,345 in English; 12.345 in
    Spanish (and 1234 without a separator, as the RAE advises for four figures)."""
    if language() == "es":
        return str(n) if abs(n) < 10_000 else f"{n:,}".replace(",", ".")
    return f"{n:,}"


# The months' names, English marked for the catalog (`%B` would say them in the machine's
# locale, not the run's language).
_MONTHS: tuple[str, ...] = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)


def long_date(day: date) -> str:
    """`24 November 2026` in English, `24 de noviembre de 2026` in Spanish: this run's language."""
    # Translators: a date, "24 November 2026": {day} is the day of the month, {month} the
    # month's name, {year} the year.
    return _("{day} {month} {year}").format(day=day.day, month=_(_MONTHS[day.month - 1]), year=day.year)
