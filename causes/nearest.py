"""No dead ends: when a view matches no cause, the nearest views that do, each one tap away
with how many causes it shows ("8 causes with muscle spasms"; "12 causes with muscle
cramps, in the thighs").

The candidates, nearest first: any of the chosen symptoms instead of all; the view with
its chosen symptoms or body areas swapped for the one that most often goes with them
(among the causes that have them); one filter left out; each chosen symptom or area on
its own; and, last, every cause. A candidate that matches nothing, or repeats another, is
not offered, so a view that matches nothing always offers at least one that does."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from causes.i18n import _, ngettext, number
from causes.query import URL_PARAMS, Query, run_query, term_counts
from causes.table import CauseTable

MAX_NEAREST = 4
MAX_COMPANIONS_TRIED = 20  # terms tried as a swap, most common companion first
# The filters a candidate leaves out, in the order they are tried: the narrowest first.
_DROPPED = ("areas", "risks", "categories", "urgencies", "text", "symptoms")
_COLUMN = {name: column for name, column in URL_PARAMS.values()}


@dataclass(frozen=True)
class Nearby:
    """A view near one that matches nothing."""

    query: Query
    count: int  # the causes it matches

    def label(self) -> str:
        """`8 causes with muscle spasms`; `All 59 causes`."""
        n = number(self.count)
        if self.query.is_empty:
            # Translators: a link to every cause of the table; {n} is how many.
            return _("All {n} causes").format(n=n)
        criteria = self.query.criteria()
        if not criteria:  # findings said no to only: no words for them
            # Translators: a count of causes ("8 causes").
            return ngettext("{n} cause", "{n} causes", self.count).format(n=n)
        # Translators: a view near one that matches nothing: {n} causes, then what it
        # chooses ("with muscle spasms, in the thighs").
        return ngettext("{n} cause {criteria}", "{n} causes {criteria}", self.count).format(n=n, criteria=criteria)


def no_match_line(query: Query) -> str:
    """What a view that matches nothing says first: "No cause in this table is listed with
    muscle spasms, in the thighs."; for a word alone, "No cause in this table mentions …"."""
    text = query.text.strip()
    criteria = query.criteria()
    if text and not (query.symptoms or query.areas or query.risks or query.categories or query.urgencies):
        # Translators: {text} is the words searched for.
        return _('No cause in this table mentions "{text}".').format(text=text)
    # Translators: {criteria} is what was chosen: "with muscle spasms, in the thighs".
    return _("No cause in this table is listed {criteria}.").format(criteria=criteria or query.describe())


def nearest_views(table: CauseTable, query: Query, limit: int = MAX_NEAREST) -> tuple[Nearby, ...]:
    """Up to `limit` views near `query` that match causes, nearest first (none when the
    query matches causes, or chooses nothing)."""
    if query.is_empty or len(run_query(table, query)):
        return ()
    found: list[Nearby] = []
    seen: set[Query] = {query}
    for candidate in _candidates(table, query):
        if candidate in seen or (candidate.is_empty and found):
            continue
        seen.add(candidate)
        count = len(run_query(table, candidate))
        if count:
            found.append(Nearby(candidate, count))
            if len(found) == limit:
                break
    return tuple(found)


def _candidates(table: CauseTable, query: Query) -> Iterator[Query]:
    if query.match == "all" and len(query.symptoms) > 1:
        yield replace(query, match="any")
    for name in ("symptoms", "areas"):
        swapped = _companion(table, query, name)
        if swapped is not None:
            yield swapped
    for name in _DROPPED:
        if getattr(query, name):
            yield _with(query, name, "" if name == "text" else ())
    for name in ("symptoms", "areas"):
        for term in getattr(query, name):
            yield _with(Query(), name, (term,))
    yield Query()


def _with(query: Query, name: str, value: Any) -> Query:
    """`query` with one filter (by its field's name, known only at run time) set to `value`."""
    changes: dict[str, Any] = {name: value}
    return replace(query, **changes)


def _companion(table: CauseTable, query: Query, name: str) -> Query | None:
    """The query with its chosen `name` terms (symptoms or areas) swapped for the term
    that most often goes with them, among the causes that have them, and that matches
    causes with the query's other filters."""
    chosen = getattr(query, name)
    if not chosen:
        return None
    column = _COLUMN[name]
    having = run_query(table, _with(Query(), name, chosen))
    taken = {t.casefold() for t in chosen}
    counts = term_counts(table, having, column)
    companions = [t for t, n in sorted(counts.items(), key=lambda kv: -kv[1]) if n and t.casefold() not in taken]
    for term in companions[:MAX_COMPANIONS_TRIED]:
        candidate = _with(query, name, (term,))
        if len(run_query(table, candidate)):
            return candidate
    return None
