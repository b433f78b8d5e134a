"""The interface's English sentences, from the Spanish catalog: what a Spanish page, handout
or summary must never show (tests/pages/test_languages.py, tests/causes/test_editions.py)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
PO = Path(__file__).resolve().parents[2] / "locales" / "es" / "LC_MESSAGES" / "messages.po"
# The switch's hint is in the language it switches to ("Show Cause Atlas in this language"
# on the "English" button): the one English sentence a Spanish page shows on purpose.
ON_PURPOSE = {"Show Cause Atlas in this language"}


@cache
def english_messages() -> tuple[str, ...]:
    """The interface's English sentences whose Spanish is another text: a phrase of three
    words or more (a shorter one may be a word Spanish shares, a name or a number)."""
    with open(PO, "rb") as f:
        catalog = read_po(f, locale="es")
    found = []
    for m in catalog:
        ids = [m.id] if isinstance(m.id, str) else list(m.id)
        strings = [m.string] if isinstance(m.string, str) else list(m.string)
        for english, spanish in zip(ids, strings, strict=False):
            fixed = max(PLACEHOLDER.split(english), key=len).strip(" .,:;()*")  # the longest piece between placeholders
            if len(fixed.split()) >= 3 and fixed not in spanish and english not in ON_PURPOSE:
                found.append(fixed)
    return tuple(sorted(set(found), key=len, reverse=True))
