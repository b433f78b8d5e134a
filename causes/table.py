"""A validated cause table with its list columns indexed once, at load."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from causes.schema import COLUMN_NAMES, COLUMNS, LIST_COLUMNS, LIST_SEPARATOR, URGENCY_LEVELS
from causes.strings import (
    Items,
    as_str,
    casefold,
    items_of,
    map_distinct,
    name_key,
    name_keys,
    split_items,
    strip,
    value_items,
)

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
    folded: tuple[str, ...] = field(repr=False)  # the terms case-folded, for free text

    @classmethod
    def build(cls, items_per_row: Sequence[Sequence[str]]) -> TermIndex:
        return cls.from_items(items_of(items_per_row))

    @classmethod
    def from_items(cls, items: Items) -> TermIndex:
        """Index items (rows ascending). Python loops run only over the distinct terms."""
        n_terms = len(items.spellings)
        raw_counts = np.bincount(items.keys, minlength=n_terms).tolist()
        folded = [t.casefold() for t in items.spellings]
        order = sorted(range(n_terms), key=lambda i: (-raw_counts[i], folded[i]))
        remap = np.empty(n_terms, dtype=np.int32)
        remap[order] = np.arange(n_terms, dtype=np.int32)
        ids = remap[items.keys] if len(items.keys) else np.zeros(0, dtype=np.int32)
        row_arr = np.asarray(items.rows, dtype=np.int32)
        # A stable sort by term; on 16-bit keys numpy uses a radix sort (same order, faster).
        by_term = np.argsort(ids.astype(np.uint16) if n_terms <= 1 << 16 else ids, kind="stable")
        counts = np.bincount(ids, minlength=n_terms).astype(np.int64)
        bounds = np.concatenate([[0], np.cumsum(counts)])
        sorted_rows = row_arr[by_term]
        postings = tuple(sorted_rows[bounds[i] : bounds[i + 1]] for i in range(n_terms))
        terms = tuple(items.spellings[i] for i in order)
        folded_terms = tuple(folded[i] for i in order)
        lookup = {t: i for i, t in enumerate(folded_terms)}
        return cls(terms, row_arr, ids, counts, postings, lookup, folded_terms)

    def id_of(self, term: str) -> int | None:
        return self.lookup.get(term.strip().casefold())

    def canonical(self, term: str) -> str | None:
        i = self.id_of(term)
        return None if i is None else self.terms[i]

    def rows_with_any(self, term_ids: Iterable[int]) -> np.ndarray:
        parts = [self.postings[i] for i in term_ids]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)

    def rows_containing(self, word: str) -> np.ndarray:
        """The rows with a term that holds `word` (case-folded) anywhere in it."""
        return self.rows_with_any([i for i, t in enumerate(self.folded) if word in t])

    def facet_counts(self, mask: np.ndarray) -> np.ndarray:
        """How many of the rows where `mask` is true carry each term."""
        selected = np.flatnonzero(mask).astype(self.rows.dtype)  # one dtype: no copy of `rows` to compare
        if len(selected) * 8 < len(mask):
            # Few rows: find their items (stored in row order) instead of testing every item.
            starts = np.searchsorted(self.rows, selected)
            lengths = np.searchsorted(self.rows, selected, side="right") - starts
            before = np.cumsum(lengths) - lengths  # where each row's items go in `items`
            items = np.arange(int(lengths.sum())) + np.repeat(starts - before, lengths)
            return np.bincount(self.ids[items], minlength=len(self.terms))
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
    # The name, summary and explanation of each cause, case-folded, for free-text search.
    # (A word is also looked for in the category and the terms, through their indexes.)
    search_texts: tuple[pd.Series, ...]
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
        """From a frame of the format's columns whose lists are already split (tuples)."""
        frame = frame.reset_index(drop=True)
        lists = {c: items_of([v if type(v) is tuple else tuple(v) for v in frame[c]]) for c in LIST_COLUMNS}
        return cls._assemble(frame, lists, name, digest, warnings, extra_columns)

    @classmethod
    def from_cells(
        cls,
        cells: pd.DataFrame,
        *,
        name: str,
        digest: str,
        warnings: Sequence[str] = (),
        extra_columns: Sequence[str] = (),
    ) -> CauseTable:
        """From valid cells as read (strings): text trimmed, choices case-folded, lists
        split (`split_items`), a missing optional column blank. Whole columns at a time."""
        cells = cells.reset_index(drop=True)
        frame = pd.DataFrame(index=cells.index)
        lists: dict[str, Items] = {}
        for c in COLUMNS:
            values = as_str(cells[c.name]) if c.name in cells.columns else pd.Series("", index=cells.index, dtype="str")
            if c.kind == "list":
                lists[c.name] = split_items(values, LIST_SEPARATOR)
                frame[c.name] = None
            elif c.kind == "choice":
                frame[c.name] = map_distinct(values, lambda v: v.strip().casefold())
            elif c.name == "explanation":
                frame[c.name] = strip(values).str.replace("\r\n", "\n", regex=False)
            else:
                frame[c.name] = strip(values)
        for extra in extra_columns:
            frame[extra] = strip(as_str(cells[extra]))
        return cls._assemble(frame, lists, name, digest, warnings, extra_columns)

    @classmethod
    def _assemble(
        cls,
        frame: pd.DataFrame,
        lists: dict[str, Items],
        name: str,
        digest: str,
        warnings: Sequence[str],
        extra_columns: Sequence[str],
    ) -> CauseTable:
        n_rows = len(frame)
        facets: dict[str, TermIndex] = {}
        for col, items in lists.items():
            if col in _LIST_FACETS:
                facets[col] = TermIndex.from_items(items)
                texts = items.canonical()  # one spelling per term, the table's first
            else:
                texts = items.texts  # each row's own spelling
            frame[col] = items.per_row(n_rows, texts)
        for col in ("category", "urgency"):
            items = value_items(frame[col])
            facets[col] = TermIndex.from_items(items)
            respelled = np.full(n_rows, "", dtype=object)
            respelled[items.rows] = items.canonical()
            frame[col] = pd.Series(respelled, index=frame.index, dtype="str")
        facets = {col: facets[col] for col in FACET_COLUMNS}
        urgency_rank = frame["urgency"].map(URGENCY_RANK).fillna(0).to_numpy(dtype=np.int8)
        folded_names = casefold(frame["cause"])
        name_rank = pc.rank(pa.array(folded_names), sort_keys="ascending", tiebreaker="first").to_numpy()
        base_order = np.lexsort((name_rank, -urgency_rank.astype(np.int16))).astype(np.int64)
        search_texts = (folded_names, casefold(frame["summary"]), casefold(frame["explanation"]))
        by_name = dict(zip(name_keys(frame["cause"]).tolist(), range(n_rows), strict=True))
        return cls(
            frame=frame,
            name=name,
            digest=digest,
            warnings=tuple(warnings),
            extra_columns=tuple(extra_columns),
            facets=facets,
            urgency_rank=urgency_rank,
            base_order=base_order,
            search_texts=search_texts,
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
