"""Warning signs, each with a level of help: the general ones (`red_flags.csv`, shown on
every page) and each cause's own (its `red_flags` cell).

A cause's flag may name its level before a colon: `urgent: Pain and swelling in one leg`.
A flag without one takes its cause's urgency, and at least "see a doctor" (a warning sign
always means get help), so a table written before levels existed loads as it did.
One sign has one level: `level_conflicts` finds a sign given two."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from causes.content import read_rows
from causes.i18n import _, ngettext, number
from causes.schema import LIST_SEPARATOR, URGENCY_LEVELS
from causes.style import level_rank
from causes.text import safe_url

FLAG_LEVELS: tuple[str, ...] = tuple(u for u in URGENCY_LEVELS if u != "self-care")  # a sign means get help
LOWEST_FLAG_LEVEL = FLAG_LEVELS[0]
MAX_CONFLICTS_SHOWN = 10  # a table's notes name this many signs given two levels, then count the rest
_PREFIX = re.compile(r"\s*(" + "|".join(re.escape(u) for u in FLAG_LEVELS) + r")\s*:\s*(.*)", re.I | re.S)


@dataclass(frozen=True)
class RedFlag:
    sign: str
    urgency: str  # one of FLAG_LEVELS
    source_name: str = ""
    source_url: str | None = None
    why: str = ""  # what it can mean, in a few words: "this can be a blood clot"
    always: bool = False  # asked whatever a person picks (`red_flags.csv`'s `always_ask`)
    contact: str = ""  # whom to call instead of the level's usual service: "your midwife or maternity unit"
    asked_for: tuple[str, ...] = ()  # asked first whenever a person picks one of these terms, or a narrower one


# An `always_ask` cell that means yes, and one that means no (as blank does); any other cell
# is a list of terms the sign is asked first for (`calves; whole leg`).
ALWAYS_ASK = frozenset({"yes", "y", "true", "1", "always"})
NEVER = frozenset({"", "no", "n", "false", "0"})


def asked_for(cell: str) -> tuple[str, ...]:
    """The terms an `always_ask` cell names (none for yes, no or blank)."""
    if cell.strip().casefold() in ALWAYS_ASK | NEVER:
        return ()
    return tuple(dict.fromkeys(t.strip() for t in cell.split(LIST_SEPARATOR) if t.strip()))


def sign_key(sign: str) -> str:
    """A sign as compared: case, runs of spaces and a closing full stop ignored."""
    return " ".join(sign.casefold().split()).rstrip(".")


def flag_level(level: str) -> str:
    """A level as a flag's: an unknown or blank level, or self-care, is "see a doctor"."""
    key = level.strip().casefold()
    return key if key in FLAG_LEVELS else LOWEST_FLAG_LEVEL


def parse_flag(item: str, cause_urgency: str) -> tuple[str, str]:
    """A `red_flags` item as (sign, level): its own level when it names one, else its
    cause's urgency (at least "see a doctor")."""
    m = _PREFIX.fullmatch(item)
    if m and m.group(2).strip():
        return m.group(2).strip(), m.group(1).casefold()
    return item.strip(), flag_level(cause_urgency)


def cause_flags(record: Mapping[str, Any], general: Iterable[RedFlag] = ()) -> tuple[RedFlag, ...]:
    """A cause's own warning signs with their levels, most serious first (the cell's order
    within a level), each with whom it sends a person to first where the table's red-flag
    file (`general`) says so."""
    contacts = {sign_key(f.sign): f.contact for f in general if f.contact}
    flags = []
    for item in record.get("red_flags") or ():
        sign, level = parse_flag(item, record.get("urgency") or "")
        flags.append(RedFlag(sign, level, contact=contacts.get(sign_key(sign), "")))
    return by_level(flags)


def by_level(flags: Iterable[RedFlag]) -> tuple[RedFlag, ...]:
    """Most serious first, keeping the given order within a level."""
    return tuple(sorted(flags, key=lambda f: -level_rank(f.urgency)))


def grouped(flags: Iterable[RedFlag]) -> list[tuple[str, list[RedFlag]]]:
    """(level, its flags), most serious level first; levels without flags left out."""
    ordered = by_level(flags)
    return [
        (level, [f for f in ordered if f.urgency == level])
        for level in reversed(FLAG_LEVELS)
        if any(f.urgency == level for f in ordered)
    ]


def load_red_flags(path: Path) -> tuple[RedFlag, ...]:
    """Read `red_flags.csv` (sign, urgency, why, always_ask, contact, source_name,
    source_url; all but sign and urgency optional). The file is optional: a missing or
    unreadable file gives no flags rather than an error. Most serious first, the file's
    order within a level."""
    flags = [
        RedFlag(
            sign=row["sign"],
            urgency=flag_level(row.get("urgency", "")),
            source_name=row.get("source_name", ""),
            source_url=safe_url(row.get("source_url", "")),
            why=row.get("why", ""),
            always=row.get("always_ask", "").casefold() in ALWAYS_ASK,
            contact=row.get("contact", ""),
            asked_for=asked_for(row.get("always_ask", "")),
        )
        for row in read_rows(path)
        if row.get("sign")
    ]
    return by_level(flags)


def with_safety_net(general: Sequence[RedFlag], fallback: Sequence[RedFlag]) -> tuple[RedFlag, ...]:
    """A table's general warning signs with an always-asked set: its own when it marks one
    (always, or for some terms), else `fallback`'s (the bundled set), added to its own. A
    sign in both is the table's own, asked as the set asks it (one sign is asked once).
    Most serious first; within a level, the always-asked first."""
    if any(f.always or f.asked_for for f in general):
        return by_level(general)
    own = {sign_key(f.sign): f for f in reversed(general)}  # a sign given twice: its first row
    net = [
        replace(own.get(sign_key(f.sign), f), always=f.always, asked_for=f.asked_for)
        for f in fallback
        if f.always or f.asked_for
    ]
    in_net = {sign_key(f.sign) for f in net}
    return by_level([*net, *(f for f in general if sign_key(f.sign) not in in_net)])


def level_conflicts(places: Iterable[tuple[str, str, str]]) -> list[str]:
    """Signs given more than one level. `places` holds (sign, level, where it is, such as
    "row 4" or "red_flags.csv"); each conflict is one plain sentence naming every place."""
    seen: dict[str, dict[str, list[str]]] = {}
    spelling: dict[str, str] = {}
    for sign, level, where in places:
        key = sign_key(sign)
        spelling.setdefault(key, sign)
        seen.setdefault(key, {}).setdefault(level, []).append(where)
    out = []
    for key, levels in seen.items():
        if len(levels) > 1:
            ordered = sorted(levels.items(), key=lambda kv: -level_rank(kv[0]))
            said = []
            for level, found in ordered:
                # Translators: {level} is a level of help as a cause table writes it (the code
                # "urgent", "see a doctor": keep it as it is); {places} where it is given ("row 4, row 9").
                said.append(_("{level} in {places}").format(level=level, places=_places(found)))
            # Translators: {sign} is a warning sign from a cause table; {parts} lists each level
            # given with where ("urgent in row 4; see a doctor in row 9").
            sentence = _('The warning sign "{sign}" has two levels of help: {parts}. Give it one.')
            out.append(sentence.format(sign=spelling[key], parts="; ".join(said)))
    return out


def _places(where: Sequence[str]) -> str:
    shown = ", ".join(where[:5])
    if len(where) <= 5:
        return shown
    more = len(where) - 5
    # Translators: {places} names five places ("row 4, row 9, …"); {n} how many more there are.
    return ngettext("{places} and {n} more", "{places} and {n} more", more).format(places=shown, n=number(more))


def table_conflicts(red_flags: Iterable[Sequence[str]], urgency: Iterable[str]) -> list[str]:
    """Signs a cause table gives two levels, from its `red_flags` and `urgency` columns
    (a row's number as a spreadsheet counts it: the header is row 1)."""
    parsed: dict[tuple[str, str], tuple[str, str]] = {}
    places: list[tuple[str, str, str]] = []
    for row, (items, cause_urgency) in enumerate(zip(red_flags, urgency, strict=True), start=2):
        for item in items:
            key = (item, cause_urgency)
            if key not in parsed:
                parsed[key] = parse_flag(item, cause_urgency)
            sign, level = parsed[key]
            # Translators: a row of a cause table, as a spreadsheet numbers it.
            places.append((sign, level, _("row {row}").format(row=row)))
    found = level_conflicts(places)
    if len(found) > MAX_CONFLICTS_SHOWN:  # a note per sign would bury the page
        more = len(found) - MAX_CONFLICTS_SHOWN
        # Translators: after a list of warning signs given two levels: {n} more such signs.
        last = ngettext("… and {n} more warning sign with two levels of help.",
                        "… and {n} more warning signs with two levels of help.", more)  # fmt: skip
        found = [*found[:MAX_CONFLICTS_SHOWN], last.format(n=number(more))]
    return found
