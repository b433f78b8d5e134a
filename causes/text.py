"""Make untrusted text from a cause table safe to show, and put it into words.

Streamlit renders markdown (links, images, colour and LaTeX directives). Text from a
cause table is untrusted, so every character markdown could act on is escaped: HTML,
images and links stay inert and show as the characters that were written."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from causes.i18n import _, pgettext

# Every ASCII punctuation character can be backslash-escaped in CommonMark; these are
# the ones markdown, GitHub-flavoured markdown and Streamlit's directives act on.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$&=\"'^])")


def md_escape(text: str) -> str:
    """Escape text so that Streamlit's markdown shows it literally, on one line."""
    flat = " ".join(str(text).split())
    return _SPECIAL.sub(r"\\\1", flat)


_SPECIAL_NO_BRACKETS = re.compile(r"([\\`*_{}()<>#+\-.!|~:$&=\"'^])")


def badge_escape(text: str) -> str:
    """Escape text for `st.badge`, which escapes square brackets itself (escaping them
    twice would show the backslashes)."""
    flat = " ".join(str(text).split())
    return _SPECIAL_NO_BRACKETS.sub(r"\\\1", flat)


def plot_escape(text: str) -> str:
    """Untrusted text for a plotly label or hover, shown as written: plotly reads a few
    HTML tags (links among them) and entities in its text, and LaTeX between dollar
    signs. Line breaks fold to spaces."""
    flat = " ".join(str(text).split())
    return html.escape(flat, quote=False).replace("$", "&#36;")


def short(text: str, limit: int) -> str:
    """Text on one line, cut to `limit` characters with "…" when longer (a chart label;
    its hover and table alternative show it whole)."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def paragraphs(text: str) -> list[str]:
    """Split longer text into paragraphs at blank lines, each folded onto one line."""
    parts = re.split(r"\n\s*\n", str(text).strip())
    return [" ".join(p.split()) for p in parts if p.strip()]


def safe_url(url: str) -> str | None:
    """The URL when it is http(s) with a host, else None: nothing else becomes a link."""
    url = str(url).strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(c.isspace() for c in url):
        return url
    return None


def md_link(url: str, label: str | None = None) -> str:
    """A markdown link to an http(s) URL, labelled `label` or the URL without its scheme;
    anything else is plain escaped text. Characters that would end a link's target early
    are percent-encoded in it."""
    shown = md_escape(label if label else url.split("://", 1)[-1])
    safe = safe_url(url)
    if safe is None:
        return md_escape(label or url)
    target = "".join(f"%{ord(c):02X}" if c in "()<>[]\\`" else c for c in safe)
    return f"[{shown}]({target})"


def joined(items: Sequence[str], word: str = "and") -> str:
    """A list in words, in this run's language: `A`, `A and B`, `A, B and C` (`word` "or":
    `A, B or C`); "" for none. `word` is "and" or "or" (a code: the language says it)."""
    if len(items) <= 1:
        return "".join(items)
    rest, last = ", ".join(items[:-1]), items[-1]
    sound = _first_sound(last)
    if word == "or":
        if sound == "o":
            # Translators: as "{rest} or {last}", where {last} starts with an o sound
            # (Spanish "u": "siete u ocho"); elsewhere as "{rest} or {last}".
            return pgettext("before an o sound", "{rest} or {last}").format(rest=rest, last=last)
        # Translators: the end of a list of alternatives: "{rest}" is "A, B", "{last}" is "C".
        return _("{rest} or {last}").format(rest=rest, last=last)
    if word == "and":
        if sound == "i":
            # Translators: as "{rest} and {last}", where {last} starts with an i sound
            # (Spanish "e": "riñón e hígado"); elsewhere as "{rest} and {last}".
            return pgettext("before an i sound", "{rest} and {last}").format(rest=rest, last=last)
        # Translators: the end of a list: "{rest}" is "A, B", "{last}" is "C".
        return _("{rest} and {last}").format(rest=rest, last=last)
    return f"{rest} {word} {last}"


_VOWELS = frozenset("aeiouáéíóúü")


def _first_sound(text: str) -> str:
    """The vowel sound a word starts with, where a language changes its "and" or "or" for
    it: "i" (isla, hígado, ictus; not hierro or yodo, where the i glides into the next
    vowel), "o" (ocho, hora, 8, 80); "" otherwise. Markdown and quotes before it are passed."""
    word = re.sub(r"^[^\w]+", "", text.casefold())
    if word.startswith("8"):
        return "o"
    bare = word[1:] if word.startswith("h") else word
    if bare[:1] in ("i", "í") and bare[1:2] not in _VOWELS:
        return "i"
    if bare[:1] in ("o", "ó"):
        return "o"
    return ""
