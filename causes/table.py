"""A validated cause table with its list columns indexed once, at load."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from causes.schema import COLUMN_NAMES, URGENCY_LEVELS

# Columns a query filters on, in the order they are shown.
FACET_COLUMNS: tuple[str, ...] = ("symptoms", "body_areas", "risk_factors", "category", "urgency")
# Most urgent first: a larger rank sorts earlier. A blank urgency ranks last.
URGENCY_RANK: dict[str, int] = {level: i + 1 for i, level in enumerate(URGENCY_LEVELS)}


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
        spelling: dict[str, str] = {}
        first_ids: dict[str, int] = {}
        rows: list[int] = []
        raw_ids: list[int] = []
        for r, items in enumerate(items_per_row):
            for item in items:
                key = item.casefold()
                if key not in first_ids:
                    first_ids[key] = len(first_ids)
                    spelling[key] = item
                rows.append(r)
                raw_ids.append(first_ids[key])
        raw = np.asarray(raw_ids, dtype=np.int64)
        raw_counts = np.bincount(raw, minlength=len(first_ids))
        keys = list(first_ids)
        order = sorted(range(len(keys)), key=lambda i: (-raw_counts[i], spelling[keys[i]].casefold()))
        remap = np.empty(len(keys), dtype=np.int32)
        remap[order] = np.arange(len(keys), dtype=np.int32)
        ids = remap[raw] if len(raw) else np.zeros(0, dtype=np.int32)
        row_arr = np.asarray(rows, dtype=np.int32)
        by_term = np.argsort(ids, kind="stable")
        counts = np.bincount(ids, minlength=len(keys)).astype(np.int64)
        bounds = np.concatenate([[0], np.cumsum(counts)])
        sorted_rows = row_arr[by_term]
        postings = tuple(sorted_rows[bounds[i] : bounds[i + 1]] for i in range(len(keys)))
        terms = tuple(spelling[keys[i]] for i in order)
        lookup = {t.casefold(): i for i, t in enumerate(terms)}
        return cls(terms, row_arr, ids, counts, postings, lookup)

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
        facets: dict[str, TermIndex] = {}
        for col in FACET_COLUMNS:
            values = frame[col]
            per_row = list(values) if col in ("symptoms", "body_areas", "risk_factors") else [(v,) if v else () for v in values]
            index = TermIndex.build(per_row)
            facets[col] = index
            # Every row shows the one spelling the index keeps for a term.
            if col in ("symptoms", "body_areas", "risk_factors"):
                frame[col] = [tuple(index.terms[index.lookup[i.casefold()]] for i in items) for items in per_row]
            else:
                frame[col] = [index.terms[index.lookup[v.casefold()]] if v else "" for v in values]
        urgency_rank = frame["urgency"].map(URGENCY_RANK).fillna(0).to_numpy(dtype=np.int8)
        name_key = frame["cause"].str.casefold().to_numpy(dtype=object)
        base_order = np.lexsort((name_key, -urgency_rank.astype(np.int16))).astype(np.int64)
        search_text = (
            frame["cause"]
            + "\n"
            + frame["category"]
            + "\n"
            + frame["summary"]
            + "\n"
            + frame["explanation"]
            + "\n"
            + frame["symptoms"].map("\n".join)
            + "\n"
            + frame["body_areas"].map("\n".join)
            + "\n"
            + frame["risk_factors"].map("\n".join)
        ).str.casefold()
        by_name = {n.casefold(): i for i, n in enumerate(frame["cause"])}
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
        """The row position of a cause by name, ignoring case and surrounding spaces."""
        return self.by_name.get(cause.strip().casefold())

    def record(self, position: int) -> dict[str, Any]:
        """One cause as a plain dict: the format's columns, then the extra columns."""
        row = self.frame.iloc[position]
        return {c: row[c] for c in (*COLUMN_NAMES, *self.extra_columns)}

    @property
    def categories(self) -> tuple[str, ...]:
        return self.facets["category"].terms
