"""A cause table's editions in other languages, paired term by term.

An edition of `data/causes.csv` in Spanish is `data/es/causes.csv`, with its glossary, red
flags and claims beside it: the same rows in the same order, each list cell's items in the
same order. The pairing reads that order: row i of one edition is row i of the other, and
the j-th symptom of a row is the j-th of the other's. So a term keeps one identity across
languages (a link with `symptom=muscle cramps` opens the same view in Spanish), a warning
sign said yes to stays said yes to when the language changes, and a live room counts a
poll's answers whatever language each phone gave them in. `pair` reports every place the
editions disagree (a row missing, a list of another length, one term paired with two), and
the parity test (`tests/data/test_parity.py`) fails on any.
"""

from __future__ import annotations

import csv
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from causes.check import Answer, sign_id, why_of
from causes.query import NOT_COLUMNS, URL_PARAMS, Query
from causes.redflags import RedFlag, cause_flags, sign_key
from causes.room import Poll
from causes.strings import name_key
from causes.table import CauseTable
from causes.view import View

# The columns whose values a link, a session or a room names, paired one to one. `red_flags`
# pairs the signs (without their level), `why` the red-flag file's explanations.
PAIRED_COLUMNS: tuple[str, ...] = ("cause", "category", "symptoms", "body_areas", "risk_factors")
# The words each kind of live-room poll offers.
POLL_COLUMNS = {"noticed": "symptoms", "where": "body_areas", "quiz": "cause"}
SIGNS = "signs"
WHYS = "why"


def ranked_as(edition: CauseTable, base: CauseTable) -> CauseTable:
    """`edition` ordering its causes as `base` does: among causes that fit as well, are as
    common and as urgent, the base's order by name, not the edition's own alphabet. So a
    list, a deck and its slide numbers are the same in either language (a phone in Spanish
    follows an English projector to the same cause). The editions pair row by row, with
    the same levels and commonness; a table of another length is returned as it is."""
    if len(edition) != len(base):
        return edition
    return replace(edition, base_order=base.base_order, level_rank=base.level_rank, urgent_rank=base.urgent_rank)


def edition_path(path: Path, lang: str) -> Path | None:
    """The edition of the table at `path` in `lang` (`data/es/causes.csv`), if there is one."""
    candidate = path.parent / lang / path.name
    return candidate if candidate.is_file() else None


def _folded(value: str) -> str:
    return name_key(value)


@dataclass(frozen=True)
class Pairing:
    """Two editions of one table (`a` and `b`): each paired value of one, as compared
    (case and spaces ignored), mapped to the other's spelling, per column."""

    a_to_b: dict[str, dict[str, str]] = field(default_factory=dict)
    b_to_a: dict[str, dict[str, str]] = field(default_factory=dict)
    problems: tuple[str, ...] = ()

    def reversed(self) -> Pairing:
        return Pairing(self.b_to_a, self.a_to_b, self.problems)

    def term(self, column: str, value: str) -> str | None:
        """`value` of `a`'s `column` in `b`'s words (None: not a paired value)."""
        return self.a_to_b.get(column, {}).get(_folded(value))

    def terms(self, column: str, values: Iterable[str]) -> tuple[str, ...]:
        """Each value in `b`'s words; a value `a` does not have stays as it is."""
        return tuple(self.term(column, v) or v for v in values)

    def any_column(self, value: str, columns: Sequence[str]) -> str:
        for column in columns:
            found = self.term(column, value)
            if found is not None:
                return found
        return value

    def query(self, query: Query) -> Query:
        """The same query in `b`'s words (the searched-for text stays as typed)."""
        return replace(
            query,
            symptoms=self.terms("symptoms", query.symptoms),
            areas=self.terms("body_areas", query.areas),
            risks=self.terms("risk_factors", query.risks),
            categories=self.terms("category", query.categories),
            without=tuple(self.any_column(v, NOT_COLUMNS) for v in query.without),
        )

    def view(self, view: View) -> View:
        """The same view in `b`'s words: its filters, the cause opened, the causes compared
        and the deck (the slide and the room stay as they are)."""
        return replace(
            view,
            query=self.query(view.query),
            cause=(self.term("cause", view.cause) or view.cause) if view.cause else None,
            compare=self.names(view.compare),
            deck=self.names(view.deck),
        )

    def answers(self, answers: Mapping[str, Answer]) -> dict[str, Answer]:
        """Warning-sign answers (keyed by sign) in `b`'s words and keys; an answer to a sign
        `b` does not have is dropped."""
        carried = (self.answer(a) for a in answers.values())
        return dict(c for c in carried if c is not None)

    def names(self, names: Iterable[str]) -> tuple[str, ...]:
        return self.terms("cause", names)

    def sign(self, sign: str) -> str | None:
        return self.a_to_b.get(SIGNS, {}).get(sign_key(sign))

    def answer(self, answer: Answer) -> tuple[str, Answer] | None:
        """A warning-sign answer in `b`'s words, with its key there (None: not paired); a
        "why" that names causes is said again with `b`'s names, in this run's language."""
        sign = self.sign(answer.sign)
        if sign is None:
            return None
        causes = self.names(answer.causes)
        why = self.a_to_b.get(WHYS, {}).get(_folded(answer.why)) or (why_of(causes) if causes else answer.why)
        contact = self.a_to_b.get(WHYS, {}).get(_folded(answer.contact), answer.contact)
        return sign_id(sign), replace(answer, sign=sign, why=why, contact=contact, causes=causes)

    def poll(self, poll: Poll) -> tuple[Poll, dict[str, str]]:
        """A live room's poll with its choices (and a quiz's answer) in `b`'s words, and
        each choice back to the words the room keeps (the presenter's when it was opened):
        a phone answers in its own language, and the room counts one answer whatever
        language gave it."""
        column = POLL_COLUMNS.get(poll.kind, "symptoms")
        mine = self.terms(column, poll.options)
        answer = (self.term(column, poll.answer) or poll.answer) if poll.answer else None
        return replace(poll, options=mine, answer=answer), dict(zip(mine, poll.options, strict=True))

    def params(self, params: dict[str, list[str]]) -> dict[str, list[str]]:
        """A link's parameters with every value `a` names put in `b`'s words (a link made in
        the other language opens the same view)."""
        columns = {key: column for key, (_, column) in URL_PARAMS.items() if column != "urgency"}
        out: dict[str, list[str]] = {}
        for key, values in params.items():
            if key in columns:
                out[key] = list(self.terms(columns[key], values))
            elif key == "not":
                out[key] = [self.any_column(v, NOT_COLUMNS) for v in values]
            elif key in ("cause", "compare", "deck"):
                out[key] = list(self.names(values))
            else:
                out[key] = list(values)
        return out


class _Pairs:
    """Builds one direction's maps, noting a value paired with two others."""

    def __init__(self) -> None:
        self.maps: dict[str, dict[str, str]] = {}
        self.back: dict[str, dict[str, str]] = {}
        self.problems: list[str] = []

    def add(self, column: str, a: str, b: str, where: str, key: str = "") -> None:
        ka, kb = (sign_key(a), sign_key(b)) if column == SIGNS else (_folded(a), _folded(b))
        forward, backward = self.maps.setdefault(column, {}), self.back.setdefault(column, {})
        if forward.get(ka, b) != b and _folded(forward[ka]) != kb:
            self.problems.append(f'{where}: "{a}" is paired with "{forward[ka]}" and with "{b}"')
        if backward.get(kb, a) != a and _folded(backward[kb]) != ka:
            self.problems.append(f'{where}: "{b}" is paired with "{backward[kb]}" and with "{a}"')
        forward.setdefault(ka, b)
        backward.setdefault(kb, a)


def pair(
    a: CauseTable,
    b: CauseTable,
    flags_a: Sequence[RedFlag] = (),
    flags_b: Sequence[RedFlag] = (),
) -> Pairing:
    """Pair two editions of one table (and their red flags) row by row and item by item."""
    pairs = _Pairs()
    if len(a) != len(b):
        pairs.problems.append(f"the editions have {len(a)} and {len(b)} causes")
    for i, (ra, rb) in enumerate(zip(a.frame.to_dict("records"), b.frame.to_dict("records"), strict=False)):
        row = i + 2
        for column in PAIRED_COLUMNS:
            va, vb = ra[column], rb[column]
            if isinstance(va, tuple):
                if len(va) != len(vb):
                    pairs.problems.append(f"row {row}, {column}: {len(va)} items and {len(vb)} items")
                for x, y in zip(va, vb, strict=False):
                    pairs.add(column, x, y, f"row {row}, {column}")
            elif va or vb:
                pairs.add(column, va, vb, f"row {row}, {column}")
        if ra["urgency"] != rb["urgency"]:
            pairs.problems.append(f"row {row}, urgency: {ra['urgency']} and {rb['urgency']}")
        fa, fb = _flags_as_written(ra), _flags_as_written(rb)
        if len(fa) != len(fb):
            pairs.problems.append(f"row {row}, red_flags: {len(fa)} signs and {len(fb)} signs")
        for x, y in zip(fa, fb, strict=False):
            if x.urgency != y.urgency:
                pairs.problems.append(f'row {row}, red_flags: "{x.sign}" is {x.urgency}, "{y.sign}" is {y.urgency}')
            pairs.add(SIGNS, x.sign, y.sign, f"row {row}, red_flags")
    if len(flags_a) != len(flags_b):
        pairs.problems.append(f"the red-flag files have {len(flags_a)} and {len(flags_b)} signs")
    for i, (x, y) in enumerate(zip(flags_a, flags_b, strict=False)):
        where = f"red flag {i + 1}"
        if x.urgency != y.urgency:
            pairs.problems.append(f'{where}: "{x.sign}" is {x.urgency}, "{y.sign}" is {y.urgency}')
        if x.always != y.always or len(x.asked_for) != len(y.asked_for):
            pairs.problems.append(f"{where}: asked differently (always_ask)")
        pairs.add(SIGNS, x.sign, y.sign, where)
        for found, other in ((x.why, y.why), (x.contact, y.contact)):
            if bool(found) != bool(other):
                pairs.problems.append(f"{where}: one edition says {found or other!r}, the other nothing")
            elif found:
                pairs.add(WHYS, found, other, where)
    return Pairing(pairs.maps, pairs.back, tuple(dict.fromkeys(pairs.problems)))


def _flags_as_written(record: Mapping[Hashable, Any]) -> list[RedFlag]:
    # Each sign with its level, in the cell's order (cause_flags sorts by level, which keeps
    # the two editions' order as long as their levels agree: compared above).
    return list(cause_flags({str(k): v for k, v in record.items()}))


EDITION_FILE = "edition.csv"  # beside an edition's table: where it came from, and its review


@dataclass(frozen=True)
class Edition:
    """What an edition says of itself (`edition.csv`: translated_from, translated_on,
    reviewed_by, reviewed_on): the language it was translated from and when, and the native
    clinical reviewer who read it, once one has."""

    translated_from: str
    translated_on: date | None
    reviewed_by: str = ""
    reviewed_on: date | None = None

    @classmethod
    def load(cls, folder: Path) -> Edition | None:
        try:
            with open(folder / EDITION_FILE, encoding="utf-8", newline="") as f:
                row = next(csv.DictReader(f), None)
        except OSError:
            return None
        if not row or not (row.get("translated_from") or "").strip():
            return None
        return cls(
            row["translated_from"].strip(),
            _date(row.get("translated_on")),
            (row.get("reviewed_by") or "").strip(),
            _date(row.get("reviewed_on")),
        )


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat((text or "").strip())
    except ValueError:
        return None
