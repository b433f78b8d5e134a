"""A validated cause table with its list columns indexed once, at load."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from causes.schema import COLUMN_NAMES, COLUMNS, COMMONNESS_LEVELS, LIST_COLUMNS, LIST_SEPARATOR, URGENCY_LEVELS
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
from causes.vocabulary import Declared, Links, links_of

# Columns a query filters on, in the order they are shown.
FACET_COLUMNS: tuple[str, ...] = ("symptoms", "body_areas", "risk_factors", "category", "urgency")
# Most urgent first: a larger rank sorts earlier. A blank urgency ranks last.
URGENCY_RANK: dict[str, int] = {level: i + 1 for i, level in enumerate(URGENCY_LEVELS)}
# More common first: a larger rank sorts earlier. "not known" (or blank) ranks with "less
# common" (nothing says it is rarer) and above "rare": a cause no source calls rare is not
# put below one a source does.
COMMONNESS_RANK: dict[str, int] = {"common": 4, "less common": 3, "not known": 3, "": 3, "rare": 1}
# How common a cause counts when it matches through a symptom other than its main one (the
# first it lists): not known. Harmless twitches are common as a cause of twitching, not of cramps.
COMMONNESS_NEUTRAL = COMMONNESS_RANK["not known"]
assert set(COMMONNESS_RANK) - {""} == set(COMMONNESS_LEVELS)
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
    def from_items(cls, items: Items, extra: Sequence[str] = ()) -> TermIndex:
        """Index items (rows ascending). Python loops run only over the distinct terms.
        `extra` terms are terms no row is filed under (a glossary's broader terms): they
        come last, with no rows."""
        folded = [t.casefold() for t in items.spellings]
        known = set(folded)
        spellings = list(items.spellings)
        for t in extra:
            if t.casefold() not in known:
                known.add(t.casefold())
                spellings.append(t)
                folded.append(t.casefold())
        n_terms = len(spellings)
        raw_counts = np.bincount(items.keys, minlength=n_terms).tolist()
        order = sorted(range(n_terms), key=lambda i: (-raw_counts[i], folded[i]))
        remap = np.empty(n_terms, dtype=np.int32)
        remap[order] = np.arange(n_terms, dtype=np.int32)
        ids = remap[items.keys] if len(items.keys) else np.zeros(0, dtype=np.int32)
        row_arr = np.asarray(items.rows, dtype=np.int32)
        counts = np.bincount(ids, minlength=n_terms).astype(np.int64)
        postings = postings_of(row_arr, ids, counts)
        terms = tuple(spellings[i] for i in order)
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
        return through_fewer(self._counted, mask, self.counts)

    def _counted(self, mask: np.ndarray) -> np.ndarray:
        return np.bincount(self.ids[of_rows(self.rows, mask)], minlength=len(self.terms))


def postings_of(rows: np.ndarray, ids: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, ...]:
    """Per term id, the rows of the items (stored in row order) that carry it, ascending:
    `counts[t]` items carry term t."""
    # A stable sort by term; on 16-bit keys numpy uses a radix sort (same order, faster).
    by_term = np.argsort(ids.astype(np.uint16) if len(counts) <= 1 << 16 else ids, kind="stable")
    bounds = np.concatenate([[0], np.cumsum(counts)])
    sorted_rows = np.asarray(rows, dtype=np.int32)[by_term]
    return tuple(sorted_rows[bounds[i] : bounds[i + 1]] for i in range(len(counts)))


def of_rows(item_rows: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Which items, stored in row order (`item_rows` ascending), belong to the rows where
    `mask` is true: a boolean mask over the items, or, when few rows are chosen, the
    items' positions (finding their items is then cheaper than testing every item)."""
    selected = np.flatnonzero(mask).astype(item_rows.dtype)  # one dtype: no copy of the rows to compare
    if len(selected) * 8 < len(mask):
        starts = np.searchsorted(item_rows, selected)
        lengths = np.searchsorted(item_rows, selected, side="right") - starts
        before = np.cumsum(lengths) - lengths  # where each row's items go in the answer
        return np.arange(int(lengths.sum())) + np.repeat(starts - before, lengths)
    return mask[item_rows]


@dataclass(frozen=True, eq=False)
class Reach:
    """Which rows reach which terms of one column through broader terms
    (`causes.vocabulary`): a row reaches a term it is filed under, or a broader or a
    narrower one.

    Term ids are the column's `TermIndex` ids. Each term has at most one broader term, so
    the terms form trees; numbered depth first, a term's narrower terms are the positions
    after its own (`pos`), up to `end`. Per row r, with E(r) the terms it is filed under:
    U(r) is E(r) and all their broader terms, D(r) all their narrower terms, and r reaches t
    when t is in U(r) or D(r). A term's live count among the rows of a mask is then
    #(t in U only) + #(t in D), each counted from items stored in row order:
    - `rows`/`ids`: the pairs (r, t) with t in U(r) and not in D(r);
    - `top_rows`/`top_lo`/`top_hi`: D(r) as disjoint ranges of positions, one per term of
      E(r) that has narrower terms and no broader term in E(r).
    `up_postings[t]` lists the rows filed under t or a narrower term (matching uses it).
    No row's narrower terms are ever listed one by one, and a mask of most rows is counted
    through the rest (`total` less the others), so a query costs about what it costs
    without broader terms."""

    parent: np.ndarray  # per term id: its broader term's id, -1 for none
    ancestors: tuple[np.ndarray, ...]  # per term id: its broader terms, nearest first
    narrower: tuple[np.ndarray, ...]  # per term id: its narrower terms, depth first
    pos: np.ndarray
    end: np.ndarray
    up_postings: tuple[np.ndarray, ...]
    rows: np.ndarray
    ids: np.ndarray
    top_rows: np.ndarray
    top_lo: np.ndarray
    top_hi: np.ndarray
    total: np.ndarray  # per term id: how many rows of the table reach it

    @classmethod
    def build(cls, parent: np.ndarray, index: TermIndex) -> Reach:
        """From each term's broader term (`parent[id]`, -1 for none; no loops) and the
        column's index."""
        n_terms = len(parent)
        children: list[list[int]] = [[] for _ in range(n_terms)]
        for t, p in enumerate(parent.tolist()):
            if p >= 0:
                children[p].append(t)
        pos = np.zeros(n_terms, dtype=np.int64)
        end = np.zeros(n_terms, dtype=np.int64)
        order: list[int] = []
        for root in (t for t in range(n_terms) if parent[t] < 0):
            stack = [(root, False)]
            while stack:  # depth first, without recursion: a long chain is allowed
                t, leaving = stack.pop()
                if leaving:
                    end[t] = len(order) - 1
                    continue
                pos[t] = len(order)
                order.append(t)
                stack.append((t, True))
                stack.extend((c, False) for c in reversed(children[t]))
        by_pos = np.asarray(order, dtype=np.int32)
        ancestors = []
        for t in range(n_terms):
            chain = []
            p = int(parent[t])
            while p >= 0:
                chain.append(p)
                p = int(parent[p])
            ancestors.append(np.asarray(chain, dtype=np.int32))
        narrower = tuple(by_pos[pos[t] + 1 : end[t] + 1] for t in range(n_terms))

        rows, ids = index.rows.astype(np.int64), index.ids.astype(np.int64)
        width = max(n_terms, 1)
        filed_keys = np.sort(rows * width + ids)  # one item per (row, term): already unique

        def under_filed(r: np.ndarray, t: np.ndarray) -> np.ndarray:
            """Per pair, whether row r is filed under a broader term of t."""
            found = np.zeros(len(t), dtype=bool)
            p = parent[t]
            while len(p) and (p >= 0).any():
                live = np.flatnonzero(p >= 0)
                keys = r[live] * width + p[live]
                at = np.minimum(np.searchsorted(filed_keys, keys), len(filed_keys) - 1)
                found[live] |= filed_keys[at] == keys
                p = np.where(p >= 0, parent[np.maximum(p, 0)], -1)
            return found

        # U(r): the items and their broader terms, level by level; each pair once (a sort,
        # then the repeats side by side dropped: quicker than a hash of every pair).
        up_r, up_t = [rows], [ids]
        level_rows, level_ids = rows, ids
        while len(level_ids):
            broader = parent[level_ids]
            has = broader >= 0
            level_rows, level_ids = level_rows[has], broader[has]
            up_r.append(level_rows)
            up_t.append(level_ids)
        up_keys = np.concatenate(up_r) * width + np.concatenate(up_t)
        up_keys.sort()
        up_keys = up_keys[np.concatenate([[True], up_keys[1:] != up_keys[:-1]])[: len(up_keys)]]
        up_rows, up_ids = up_keys // width, up_keys % width
        del up_keys
        up_postings = postings_of(up_rows, up_ids, np.bincount(up_ids, minlength=n_terms))
        only_up = ~under_filed(up_rows, up_ids)
        top = (end[ids] > pos[ids]) & ~under_filed(rows, ids)
        reach = cls(
            parent=parent.astype(np.int64),
            ancestors=tuple(ancestors),
            narrower=narrower,
            pos=pos,
            end=end,
            up_postings=up_postings,
            rows=up_rows[only_up].astype(np.int32),
            ids=up_ids[only_up].astype(np.int32),
            top_rows=rows[top].astype(np.int32),
            top_lo=(pos[ids[top]] + 1).astype(np.int32),
            top_hi=end[ids[top]].astype(np.int32),
            total=np.zeros(n_terms, dtype=np.int64),
        )
        n_rows = int(rows.max()) + 1 if len(rows) else 0
        reach.total[:] = reach._counted(np.ones(n_rows, dtype=bool))
        return reach

    def broader_of(self, term_id: int) -> tuple[int, ...]:
        """A term's broader terms, nearest first."""
        return tuple(int(a) for a in self.ancestors[term_id])

    def narrower_of(self, term_id: int) -> tuple[int, ...]:
        """A term's narrower terms, depth first."""
        return tuple(int(d) for d in self.narrower[term_id])

    def counts(self, mask: np.ndarray) -> np.ndarray:
        """Per term id, how many of the rows where `mask` is true reach it."""
        return through_fewer(self._counted, mask, self.total)

    def _counted(self, mask: np.ndarray) -> np.ndarray:
        n_terms = len(self.parent)
        up = np.bincount(self.ids[of_rows(self.rows, mask)], minlength=n_terms)
        tops = of_rows(self.top_rows, mask)
        steps = np.bincount(self.top_lo[tops], minlength=n_terms + 1)
        steps -= np.bincount(self.top_hi[tops] + 1, minlength=n_terms + 1)
        return up + np.cumsum(steps[:n_terms])[self.pos]


def through_fewer(count: Callable[[np.ndarray], np.ndarray], mask: np.ndarray, total: np.ndarray) -> np.ndarray:
    """`count(mask)`, counted through the rows left out when they are fewer (the counts of
    all rows less theirs): the cost follows the smaller side."""
    if len(mask) and np.count_nonzero(mask) * 2 > len(mask):
        return total - count(~mask)
    return count(mask)


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
    # Per list column whose terms name broader terms (`causes.vocabulary`): who reaches what.
    reach: dict[str, Reach] = field(default_factory=dict)
    # Per row: how common the cause is (`COMMONNESS_RANK`); all 2 when the table says nothing.
    commonness_rank: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int8))
    # Per row: its place in `base_order` without how common it is (the usually harmless
    # first, or the most urgent; then by name): `query.rank_key`'s last tie-breaker.
    level_rank: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    # Per row: its place when the most urgent come first, then by name (the warning-sign
    # check's order: danger is caught there, whatever the list puts first).
    urgent_rank: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    # Per row: the term id of its main symptom (the first it lists), -1 for none.
    main_symptom: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    # Whether the table says how common any cause is (else none is shown, and the order is
    # as it was before the column existed).
    says_commonness: bool = False

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
        declared: Mapping[str, Declared] | None = None,
    ) -> CauseTable:
        """From a frame of the format's columns whose lists are already split (tuples).
        `declared`: per column, the terms and broader terms a glossary declares."""
        frame = frame.reset_index(drop=True).copy()
        for c in COLUMNS:  # a column added to the format since the frame was made: blank
            if c.name not in frame.columns:
                frame[c.name] = [()] * len(frame) if c.kind == "list" else ""
        lists = {c: items_of([v if type(v) is tuple else tuple(v) for v in frame[c]]) for c in LIST_COLUMNS}
        return cls._assemble(frame, lists, name, digest, warnings, extra_columns, declared or {})

    @classmethod
    def from_cells(
        cls,
        cells: pd.DataFrame,
        *,
        name: str,
        digest: str,
        warnings: Sequence[str] = (),
        extra_columns: Sequence[str] = (),
        declared: Mapping[str, Declared] | None = None,
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
        return cls._assemble(frame, lists, name, digest, warnings, extra_columns, declared or {})

    @classmethod
    def _assemble(
        cls,
        frame: pd.DataFrame,
        lists: dict[str, Items],
        name: str,
        digest: str,
        warnings: Sequence[str],
        extra_columns: Sequence[str],
        declared: Mapping[str, Declared],
    ) -> CauseTable:
        n_rows = len(frame)
        facets: dict[str, TermIndex] = {}
        reach: dict[str, Reach] = {}
        notes = list(warnings)
        for col, items in lists.items():
            if col in _LIST_FACETS:
                links = links_of(declared[col], items.spellings) if col in declared else Links({}, (), ())
                facets[col] = index = TermIndex.from_items(items, links.extra)
                notes += links.problems
                if links.parent:
                    parent = np.full(len(index.terms), -1, dtype=np.int64)
                    for term, broader in links.parent.items():
                        parent[index.lookup[term]] = index.lookup[broader]
                    reach[col] = Reach.build(parent, index)
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
        commonness_rank = frame["commonness"].map(COMMONNESS_RANK).fillna(COMMONNESS_NEUTRAL).to_numpy(dtype=np.int8)
        symptoms = facets["symptoms"]
        main_symptom = np.full(n_rows, -1, dtype=np.int64)
        _, first_item = np.unique(symptoms.rows, return_index=True)  # items are stored in row order, as written
        main_symptom[symptoms.rows[first_item]] = symptoms.ids[first_item]
        folded_names = casefold(frame["cause"])
        name_rank = pc.rank(pa.array(folded_names), sort_keys="ascending", tiebreaker="first").to_numpy()
        # Before a query's fit: common things first, then, among causes as common, the usually
        # harmless first (a blank level last), then by name. A table that does not say how
        # common its causes are keeps the order it always had: the most urgent first.
        says_commonness = bool((frame["commonness"] != "").any())
        urgency_key = np.where(urgency_rank > 0, urgency_rank, len(URGENCY_LEVELS) + 1).astype(np.int16)
        if not says_commonness:
            urgency_key = -urgency_rank.astype(np.int16)
        base_order = np.lexsort((name_rank, urgency_key, -commonness_rank.astype(np.int16))).astype(np.int64)
        level_rank = np.empty(n_rows, dtype=np.int64)
        level_rank[np.lexsort((name_rank, urgency_key))] = np.arange(n_rows, dtype=np.int64)
        urgent_rank = np.empty(n_rows, dtype=np.int64)
        urgent_rank[np.lexsort((name_rank, -urgency_rank.astype(np.int16)))] = np.arange(n_rows, dtype=np.int64)
        search_texts = (folded_names, casefold(frame["summary"]), casefold(frame["explanation"]))
        by_name = dict(zip(name_keys(frame["cause"]).tolist(), range(n_rows), strict=True))
        return cls(
            frame=frame,
            name=name,
            digest=digest,
            warnings=tuple(notes),
            extra_columns=tuple(extra_columns),
            facets=facets,
            urgency_rank=urgency_rank,
            base_order=base_order,
            search_texts=search_texts,
            by_name=by_name,
            reach=reach,
            commonness_rank=commonness_rank,
            level_rank=level_rank,
            says_commonness=says_commonness,
            urgent_rank=urgent_rank,
            main_symptom=main_symptom,
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
