"""A validated cause table with its list columns indexed once, at load."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

import numpy as np
import pandas as pd

from causes.schema import COLUMN_NAMES, URGENCY_LEVELS, name_key

# Columns a query filters on, in the order they are shown.
FACET_COLUMNS: tuple[str, ...] = ("symptoms", "body_areas", "risk_factors", "category", "urgency")
# Most urgent first: a larger rank sorts earlier. A blank urgency ranks last.
URGENCY_RANK: dict[str, int] = {level: i + 1 for i, level in enumerate(URGENCY_LEVELS)}
_LIST_FACETS: tuple[str, ...] = ("symptoms", "body_areas", "risk_factors")


@dataclass(frozen=True, eq=False)
class TermIndex:
    """Which rows carry which term, for one column.

    Terms are stored once, in the first spelling the table uses, ordered by how many
    causes carry them (most first), then alphabetically. `rows[k]` carries `terms[ids[k]]`.
    """

    terms: tuple[str, ...]
    rows: np.ndarray
    ids: np.ndarray
    counts: np.ndarray
    postings: tuple[np.ndarray, ...]
    lookup: dict[str, int] = field(repr=False)

    @classmethod
    def build(cls, items_per_row: Sequence[Sequence[str]]) -> TermIndex:
        lengths = np.fromiter(map(len, items_per_row), dtype=np.int64, count=len(items_per_row))
        flat = list(chain.from_iterable(items_per_row))
        rows = np.repeat(np.arange(len(items_per_row), dtype=np.int32), lengths)
        return cls._from_items(flat, rows)[0]

    @classmethod
    def _from_items(cls, flat: list[str], rows: np.ndarray) -> tuple[TermIndex, dict[str, str], np.ndarray]:
        """Index items given flat, with the row of each (ascending). Also return the spellings
        that differ from the one the index keeps, mapped to it, and per item whether its
        spelling is one of those.

        The work per item is done by numpy and pandas; Python loops run only over the
        distinct spellings."""
        items = np.empty(len(flat), dtype=object)
        items[:] = flat
        codes, spellings = pd.factorize(items)  # spellings in order of first appearance
        spelling: dict[str, str] = {}
        first_ids: dict[str, int] = {}
        key_ids: list[int] = []
        for item in spellings:
            key = item.casefold()
            if key not in first_ids:
                first_ids[key] = len(first_ids)
                spelling[key] = item
            key_ids.append(first_ids[key])
        key_of_spelling = np.asarray(key_ids, dtype=np.int64)
        raw = key_of_spelling[codes]
        raw_counts = np.bincount(raw, minlength=len(first_ids)).tolist()
        keys = list(first_ids)
        order = sorted(range(len(keys)), key=lambda i: (-raw_counts[i], spelling[keys[i]].casefold()))
        remap = np.empty(len(keys), dtype=np.int32)
        remap[order] = np.arange(len(keys), dtype=np.int32)
        ids = remap[raw] if len(raw) else np.zeros(0, dtype=np.int32)
        row_arr = np.asarray(rows, dtype=np.int32)
        # A stable sort by term; on 16-bit keys numpy uses a radix sort (same order, faster).
        by_term = np.argsort(ids.astype(np.uint16) if len(keys) <= 1 << 16 else ids, kind="stable")
        counts = np.bincount(ids, minlength=len(keys)).astype(np.int64)
        bounds = np.concatenate([[0], np.cumsum(counts)])
        sorted_rows = row_arr[by_term]
        postings = tuple(sorted_rows[bounds[i] : bounds[i + 1]] for i in range(len(keys)))
        terms = tuple(spelling[keys[i]] for i in order)
        lookup = {t.casefold(): i for i, t in enumerate(terms)}
        kept = [terms[i] for i in remap[key_of_spelling].tolist()]
        respelled = {item: term for item, term in zip(spellings, kept, strict=True) if item != term}
        changed = np.fromiter((item in respelled for item in spellings), dtype=bool, count=len(spellings))[codes]
        return cls(terms, row_arr, ids, counts, postings, lookup), respelled, changed

    def id_of(self, term: str) -> int | None:
        return self.lookup.get(term.strip().casefold())

    def canonical(self, term: str) -> str | None:
        i = self.id_of(term)
        return None if i is None else self.terms[i]

    def rows_with_any(self, term_ids: Iterable[int]) -> np.ndarray:
        parts = [self.postings[i] for i in term_ids]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)

    def facet_counts(self, mask: np.ndarray) -> np.ndarray:
        """How many of the rows where `mask` is true carry each term."""
        return np.bincount(self.ids[mask[self.rows]], minlength=len(self.terms))


@dataclass(frozen=True, eq=False)
class CauseTable:
    """A validated cause table. Treat it as read-only: it is shared between sessions."""

    frame: pd.DataFrame
    name: str
    digest: str
    warnings: tuple[str, ...]
    extra_columns: tuple[str, ...]
    facets: dict[str, TermIndex]
    urgency_rank: np.ndarray
    base_order: np.ndarray
    search_text: pd.Series
    by_name: dict[str, int]

    def __len__(self) -> int:
        return len(self.frame)

    @classmethod
    def build(
        cls,
        frame: pd.DataFrame,
        *,
        name: str,
        digest: str,
        warnings: Sequence[str] = (),
        extra_columns: Sequence[str] = (),
    ) -> CauseTable:
        frame = frame.reset_index(drop=True)
        n_rows = len(frame)
        facets: dict[str, TermIndex] = {}
        for col in FACET_COLUMNS:
            values = list(frame[col])
            if col in _LIST_FACETS:
                per_row = [v if type(v) is tuple else tuple(v) for v in values]
                lengths = np.fromiter(map(len, per_row), dtype=np.int64, count=n_rows)
                rows = np.repeat(np.arange(n_rows, dtype=np.int32), lengths)
                index, respelled, changed = TermIndex._from_items(list(chain.from_iterable(per_row)), rows)
                # Every row shows the one spelling the index keeps for a term.
                for r in np.unique(rows[changed]).tolist():
                    per_row[r] = tuple(respelled.get(i, i) for i in per_row[r])
                frame[col] = per_row
            else:
                rows = np.flatnonzero(np.fromiter(map(bool, values), dtype=bool, count=n_rows)).astype(np.int32)
                index, respelled, _ = TermIndex._from_items([v for v in values if v], rows)
                frame[col] = [respelled.get(v, v) if v else "" for v in values]
            facets[col] = index
        urgency_rank = frame["urgency"].map(URGENCY_RANK).fillna(0).to_numpy(dtype=np.int8)
        sort_key = frame["cause"].str.casefold().to_numpy(dtype=object)
        base_order = np.lexsort((sort_key, -urgency_rank.astype(np.int16))).astype(np.int64)
        # One string per row, built in one pass (the same text the pandas `+` chain gives).
        search_text = pd.Series(
            [
                "\n".join((c, g, s, e, "\n".join(sy), "\n".join(ba), "\n".join(rf))).casefold()
                for c, g, s, e, sy, ba, rf in zip(
                    frame["cause"],
                    frame["category"],
                    frame["summary"],
                    frame["explanation"],
                    frame["symptoms"],
                    frame["body_areas"],
                    frame["risk_factors"],
                    strict=True,
                )
            ],
            index=frame.index,
        )
        by_name = {name_key(n): i for i, n in enumerate(frame["cause"])}
        return cls(
            frame=frame,
            name=name,
            digest=digest,
            warnings=tuple(warnings),
            extra_columns=tuple(extra_columns),
            facets=facets,
            urgency_rank=urgency_rank,
            base_order=base_order,
            search_text=search_text,
            by_name=by_name,
        )

    def position_of(self, cause: str) -> int | None:
        """The row position of a cause by name, ignoring case and runs of spaces."""
        return self.by_name.get(name_key(cause))

    def record(self, position: int) -> dict[str, Any]:
        """One cause as a plain dict: the format's columns, then the extra columns."""
        row = self.frame.iloc[position]
        return {c: row[c] for c in (*COLUMN_NAMES, *self.extra_columns)}

    @property
    def categories(self) -> tuple[str, ...]:
        return self.facets["category"].terms
