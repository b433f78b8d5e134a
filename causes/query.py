"""Queries over a cause table: filter, rank, count facets, describe in plain English."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from causes.table import FACET_COLUMNS, URGENCY_RANK, CauseTable
from causes.text import joined

Match = Literal["any", "all"]

# URL parameter -> (query field, table column). One place, used by the pages and tests.
URL_PARAMS: dict[str, tuple[str, str]] = {
    "symptom": ("symptoms", "symptoms"),
    "area": ("areas", "body_areas"),
    "risk": ("risks", "risk_factors"),
    "category": ("categories", "category"),
    "urgency": ("urgencies", "urgency"),
}
_PARAM_NOUN = {
    "symptom": "symptom",
    "area": "body area",
    "risk": "risk factor",
    "category": "category",
    "urgency": "urgency level",
}


@dataclass(frozen=True)
class Query:
    """What a person is looking for. Within one filter the values are alternatives;
    different filters must all hold. `match` says whether a cause needs any or all of
    the chosen symptoms."""

    symptoms: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    risks: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    urgencies: tuple[str, ...] = ()
    text: str = ""
    match: Match = "any"

    def values(self, column: str) -> tuple[str, ...]:
        for field_name, col in URL_PARAMS.values():
            if col == column:
                return getattr(self, field_name)
        raise KeyError(column)

    @property
    def is_empty(self) -> bool:
        return not (self.symptoms or self.areas or self.risks or self.categories or self.urgencies or self.text.strip())

    @classmethod
    def from_params(cls, params: Mapping[str, Sequence[str] | str]) -> Query:
        """Build a query from URL parameters (`symptom`, `area`, `risk`, `category`,
        `urgency`, `q`, `match`); a key may repeat for several values."""

        def many(key: str) -> tuple[str, ...]:
            raw = params.get(key, ())
            values = [raw] if isinstance(raw, str) else list(raw)
            return tuple(dict.fromkeys(v.strip() for v in values if v and v.strip()))

        def one(key: str) -> str:
            vals = many(key)
            return vals[-1] if vals else ""

        fields = {name: many(key) for key, (name, _) in URL_PARAMS.items()}
        match = one("match").casefold()
        return cls(**fields, text=one("q"), match="all" if match == "all" else "any")

    def to_params(self) -> dict[str, list[str]]:
        """The URL parameters of this query (empty filters left out)."""
        params = {key: list(getattr(self, name)) for key, (name, _) in URL_PARAMS.items()}
        params = {k: v for k, v in params.items() if v}
        if self.text.strip():
            params["q"] = [self.text.strip()]
        if self.match == "all":
            params["match"] = ["all"]
        return params

    def restricted_to(self, table: CauseTable) -> tuple[Query, list[str]]:
        """This query with only the values the table has (in the table's spelling), and a
        short notice for each value dropped."""
        notices: list[str] = []
        changes: dict[str, Any] = {}  # field name -> tuple[str, ...]; the names are known only at run time
        for key, (name, col) in URL_PARAMS.items():
            index = table.facets[col]
            kept: list[str] = []
            for v in getattr(self, name):
                canonical = index.canonical(v)
                if canonical is None:
                    notices.append(f'This table has no {_PARAM_NOUN[key]} "{v}", so it was left out.')
                elif canonical not in kept:
                    kept.append(canonical)
            changes[name] = tuple(kept)
        return replace(self, **changes), notices

    def describe(self) -> str:
        """The query in plain English, e.g. "causes with cramps at night or twitching at
        rest, in the calves"."""
        parts: list[str] = []
        if self.symptoms:
            parts.append("with " + joined(self.symptoms, "and" if self.match == "all" else "or"))
        if self.areas:
            parts.append("in the " + joined(self.areas, "or"))
        if self.risks:
            parts.append("linked to " + joined(self.risks, "or"))
        if self.categories:
            noun = "category" if len(self.categories) == 1 else "categories"
            parts.append(f"in the {noun} " + joined(self.categories, "or"))
        if self.urgencies:
            parts.append("rated " + joined(self.urgencies, "or"))
        if self.text.strip():
            parts.append(f'mentioning "{self.text.strip()}"')
        return "causes " + ", ".join(parts) if parts else "all causes"


def heading(query: Query) -> str:
    """The description as a heading: "Causes with cramps at night, in the calves"."""
    text = query.describe()
    return text[0].upper() + text[1:]


@dataclass(frozen=True, eq=False)
class Result:
    """The causes that match a query, best first."""

    positions: np.ndarray  # row positions in the table, ranked
    symptom_hits: np.ndarray  # per ranked row: how many of the chosen symptoms it has
    mask: np.ndarray = field(repr=False)  # per table row: does it match
    total: int  # rows in the table

    def __len__(self) -> int:
        return len(self.positions)


def result_of(table: CauseTable, positions: Sequence[int] | np.ndarray) -> Result:
    """A Result holding exactly these causes, in this order (a hand-picked deck, a
    handout's causes)."""
    rows = np.asarray(list(positions), dtype=np.int64)
    mask = np.zeros(len(table), dtype=bool)
    mask[rows] = True
    return Result(positions=rows, symptom_hits=np.zeros(len(rows), dtype=np.int64), mask=mask, total=len(table))


def _mask_with_any(table: CauseTable, column: str, values: Sequence[str]) -> np.ndarray:
    index = table.facets[column]
    ids = [i for i in (index.id_of(v) for v in values) if i is not None]
    mask = np.zeros(len(table), dtype=bool)
    mask[index.rows_with_any(ids)] = True
    return mask


def _re2_literal(word: str) -> str:
    """A RE2 pattern matching exactly `word`: ASCII letters and digits as they are, every
    other character by its code point, so nothing in the word acts as regex syntax."""
    return "".join(c if c.isascii() and c.isalnum() else f"\\x{{{ord(c):x}}}" for c in word)


def _contains(texts: pd.Series, word: str) -> np.ndarray:
    """Per text, whether `word` occurs in it, as plain case-sensitive text."""
    to_arrow = getattr(texts.array, "__arrow_array__", None)
    if to_arrow is not None:
        # On Arrow-backed text, Arrow's RE2 finds a literal 2 to 10 times faster than its
        # match_substring (which `str.contains(regex=False)` uses); the answer is the same.
        try:
            found = pc.match_substring_regex(to_arrow(), _re2_literal(word))
        except pa.ArrowException:  # e.g. a word too long for RE2
            found = None
        if found is not None and found.null_count == 0:
            return np.asarray(found.to_numpy(zero_copy_only=False), dtype=bool)
    return texts.str.contains(word, regex=False).to_numpy(dtype=bool)


# Columns whose terms a free-text word is looked for in, through their indexes.
_TERM_COLUMNS: tuple[str, ...] = ("category", "symptoms", "body_areas", "risk_factors")


def _has_word(table: CauseTable, candidates: np.ndarray, word: str) -> np.ndarray:
    """Per candidate row, whether `word` (case-folded, no spaces) occurs in its name,
    category, summary, explanation, symptoms, body areas or risk factors. A word never
    runs from one cell into the next, so each is searched alone: the terms through their
    index (a few thousand terms, not a million cells), then the texts of the rows not yet
    found."""
    in_terms = np.zeros(len(table), dtype=bool)
    for column in _TERM_COLUMNS:
        in_terms[table.facets[column].rows_containing(word)] = True
    hit = in_terms[candidates]
    for texts in table.search_texts:
        rest = candidates[~hit]
        if not len(rest):
            break
        # Searching every row and picking is cheaper than copying out most of them.
        hit[~hit] = _contains(texts, word)[rest] if len(rest) > len(texts) // 4 else _contains(texts.iloc[rest], word)
    return hit


def run_query(table: CauseTable, query: Query) -> Result:
    """Apply a query: the matching causes ranked by how many chosen symptoms each has,
    then by urgency (most urgent first), then by name."""
    n = len(table)
    mask = np.ones(n, dtype=bool)
    hits = None
    if query.symptoms:
        index = table.facets["symptoms"]
        ids = list(dict.fromkeys(index.id_of(s) for s in query.symptoms))  # a symptom chosen twice counts once
        known = [i for i in ids if i is not None]
        hits = np.bincount(index.rows_with_any(known), minlength=n)
        if query.match == "all":
            mask &= hits == len(ids) if len(known) == len(ids) else np.zeros(n, dtype=bool)
        else:
            mask &= hits > 0
    for name, column in (("areas", "body_areas"), ("risks", "risk_factors"), ("categories", "category")):
        values = getattr(query, name)
        if values:
            mask &= _mask_with_any(table, column, values)
    if query.urgencies:
        mask &= _mask_with_any(table, "urgency", [u.casefold() for u in query.urgencies])
    words = query.text.casefold().split()
    if words:
        candidates = np.flatnonzero(mask)
        # Every word must occur; each narrows the candidates, so the longest (likely rarest) goes first.
        for w in sorted(dict.fromkeys(words), key=len, reverse=True):
            if not len(candidates):
                break
            candidates = candidates[_has_word(table, candidates, w)]
        mask[:] = False
        mask[candidates] = True
    ranked = table.base_order[mask[table.base_order]]
    if hits is not None:
        ranked_hits = hits[ranked]
        order = np.argsort(-ranked_hits, kind="stable")
        ranked = ranked[order]
        ranked_hits = ranked_hits[order]
    else:
        ranked_hits = np.zeros(len(ranked), dtype=np.int64)
    return Result(positions=ranked, symptom_hits=ranked_hits, mask=mask, total=n)


def term_counts(table: CauseTable, result: Result, column: str) -> dict[str, int]:
    """How many of the matching causes carry each term of a column, in the table's order
    (most causes overall first) and spelling."""
    index = table.facets[column]
    return dict(zip(index.terms, index.facet_counts(result.mask).tolist(), strict=True))


def facet_counts(table: CauseTable, result: Result) -> dict[str, dict[str, int]]:
    """For each filter column, how many of the matching causes carry each term."""
    return {column: term_counts(table, result, column) for column in FACET_COLUMNS}


def count_line(result: Result) -> str:
    """`12 of 40 causes match`."""
    noun = "cause" if result.total == 1 else "causes"
    verb = "matches" if len(result) == 1 else "match"
    return f"{len(result):,} of {result.total:,} {noun} {verb}"


def self_care_among_best(table: CauseTable, result: Result, limit: int = 6) -> tuple[np.ndarray, int]:
    """The causes rated self-care among the best-ranked matches (those with the most
    chosen symptoms), in ranked order: the usually harmless causes a worried reader should
    meet first, whatever the ranking puts above them. Returns at most `limit` positions
    and how many more there are."""
    if not len(result):
        return np.zeros(0, dtype=np.int64), 0
    best = result.positions[result.symptom_hits == result.symptom_hits.max()]
    gentle = best[table.urgency_rank[best] == URGENCY_RANK["self-care"]]
    return gentle[:limit], max(0, len(gentle) - limit)


def page_window(total: int, page: int, size: int) -> tuple[slice, int]:
    """The rows of page `page` (1-based, clamped) of `total` rows shown `size` at a time,
    and how many pages there are."""
    pages = max(1, -(-total // size))
    page = min(max(page, 1), pages)
    return slice((page - 1) * size, min(page * size, total)), pages


def showing_line(window: slice, total: int) -> str:
    """`Showing 21 to 40 of 137.`"""
    return f"Showing {window.start + 1:,} to {window.stop:,} of {total:,}."
