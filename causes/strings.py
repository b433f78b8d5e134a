"""Whole-column string operations that give exactly what Python's own `str` methods give.

pandas runs string methods on its Arrow-backed `str` columns in C++, which is many times
faster than a Python call per cell. Arrow's idea of whitespace and of case is not quite
Python's, though: it does not trim `\\x1c`, and it lower-cases but does not case-fold
(`ß` stays `ß`). These helpers use Arrow for the cells where the two agree and Python's
method for the rest, so a table reads the same whichever way it was read.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

# Characters Python treats as whitespace besides space, tab, CR and LF. Where a cell has
# none of them, Arrow's trimming and splitting on whitespace agree with Python's.
ODD_SPACE = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c not in " \t\r\n")
# A character class both Python's `re` and Arrow's RE2 read the same way (the characters
# are literal; none of them is special inside brackets).
ODD_SPACE_CLASS = "[" + ODD_SPACE + "]"


def as_str(values: pd.Series) -> pd.Series:
    """The column as pandas' Arrow-backed `str` dtype (a no-op when it already is)."""
    return values if values.dtype == "str" else values.astype("str")


def _arrow(values: pd.Series) -> pa.Array:
    arrow = pa.array(as_str(values))
    if isinstance(arrow, pa.ChunkedArray):
        arrow = arrow.chunk(0) if arrow.num_chunks == 1 else arrow.combine_chunks()
    return arrow


_ODD_SPACE_BYTES = tuple(c.encode() for c in ODD_SPACE)
_ODD_SPACE_LEADS = sorted({b[0] for b in _ODD_SPACE_BYTES if len(b) > 1})


# Byte scans go this many bytes at a time: no temporary array as large as the file.
SCAN_BLOCK = 1 << 24


def odd_space_in(data: bytes | pa.Buffer) -> bool:
    """Does UTF-8 text hold whitespace other than space, tab, CR and LF anywhere? A few
    vectorised passes over the bytes, 16 MB at a time (blocks overlap by the 2 bytes a
    character may run over)."""
    whole = np.frombuffer(data, dtype=np.uint8)
    return any(_odd_space_in_block(whole[first : first + SCAN_BLOCK + 2]) for first in range(0, len(whole), SCAN_BLOCK))


def _odd_space_in_block(buf: np.ndarray) -> bool:
    # The ASCII ones are \x0b, \x0c and \x1c to \x1f (the subtraction wraps around below them).
    if ((buf - np.uint8(0x0B)) <= 1).any() or ((buf - np.uint8(0x1C)) <= 3).any():
        return True
    if buf.max() < _ODD_SPACE_LEADS[0]:
        return False
    for lead in _ODD_SPACE_LEADS:
        at = np.flatnonzero(buf == lead)
        for pattern in (b for b in _ODD_SPACE_BYTES if b[0] == lead):
            ok = at[at + len(pattern) <= len(buf)]
            for k in range(1, len(pattern)):
                ok = ok[buf[ok + k] == pattern[k]]
            if len(ok):
                return True
    return False


def has_odd_space(values: pd.Series) -> np.ndarray:
    """Per cell: does it hold whitespace other than space, tab, CR and LF?"""
    arrow = _arrow(values)
    if not len(arrow):
        return np.zeros(0, dtype=bool)
    data = arrow.buffers()[2]
    if data is None or not odd_space_in(data):
        return np.zeros(len(arrow), dtype=bool)
    return pc.match_substring_regex(arrow, ODD_SPACE_CLASS).to_numpy(zero_copy_only=False)


def _patched(fast: pd.Series, values: pd.Series, python_rows: np.ndarray, method: Callable[[str], str]) -> pd.Series:
    if python_rows.any():
        fast = fast.copy()
        fast[python_rows] = [method(v) for v in values[python_rows]]
    return fast


def strip(values: pd.Series) -> pd.Series:
    """`str.strip()` of every cell."""
    values = as_str(values)
    return _patched(values.str.strip(), values, has_odd_space(values), str.strip)


def casefold(values: pd.Series) -> pd.Series:
    """`str.casefold()` of every cell (Arrow's lower case for ASCII cells, where the two agree)."""
    values = as_str(values)
    if not len(values):
        return values
    ascii_only = pc.string_is_ascii(_arrow(values)).to_numpy(zero_copy_only=False)
    return _patched(values.str.lower(), values, ~ascii_only, str.casefold)


def name_key(name: str) -> str:
    """A cause name or a term as compared and looked up: case and runs of spaces ignored."""
    return " ".join(name.split()).casefold()


def name_keys(values: pd.Series) -> pd.Series:
    """`name_key` of every cell."""
    values = as_str(values)
    if not len(values):
        return values
    ascii_plain = pc.string_is_ascii(_arrow(values)).to_numpy(zero_copy_only=False) & ~has_odd_space(values)
    fast = values.str.strip().str.replace(r"[ \t\r\n]+", " ", regex=True).str.lower()
    return _patched(fast, values, ~ascii_plain, name_key)


def map_distinct(values: pd.Series, method: Callable[[str], str]) -> pd.Series:
    """`method` of every cell, called once per distinct value (for columns of few values)."""
    values = as_str(values)
    codes, uniques = pd.factorize(values)
    mapped = np.asarray([method(v) for v in uniques], dtype=object)
    return pd.Series(mapped[codes] if len(mapped) else np.asarray([], dtype=object), index=values.index, dtype="str")


@dataclass(frozen=True, eq=False)
class Items:
    """The items of a column, flat and in row order: item k is in row `rows[k]`, reads
    `texts[k]`, and is the term `keys[k]`, compared ignoring case, whose first spelling in
    the column is `spellings[keys[k]]`."""

    rows: np.ndarray
    texts: np.ndarray
    keys: np.ndarray
    spellings: list[str]

    def per_row(self, n_rows: int, texts: np.ndarray | None = None) -> list[tuple[str, ...]]:
        """A tuple of the items (or of `texts`, one per item) for each of `n_rows` rows."""
        flat = (self.texts if texts is None else texts).tolist()
        ends = np.cumsum(np.bincount(self.rows, minlength=n_rows)).tolist()
        return [tuple(flat[a:b]) for a, b in zip([0, *ends][:-1], ends, strict=True)]

    def canonical(self) -> np.ndarray:
        """Each item in its term's first spelling."""
        return np.asarray(self.spellings, dtype=object)[self.keys] if len(self.keys) else np.zeros(0, dtype=object)


def _keyed(rows: np.ndarray, codes: np.ndarray, raw: Sequence[str], clean: Callable[[str], str]) -> Items:
    """Items from `codes` into the distinct values `raw` (in order of first appearance),
    each cleaned by `clean`; a value cleaned to "" is dropped, and so is a repeat of a
    term within a row."""
    first: dict[str, int] = {}
    spellings: list[str] = []
    key_of: list[int] = []
    text_of: list[str] = []
    for value in raw:
        text = clean(value)
        text_of.append(text)
        if not text:
            key_of.append(-1)
            continue
        key = text.casefold()
        if key not in first:
            first[key] = len(spellings)
            spellings.append(text)
        key_of.append(first[key])
    keys = np.asarray(key_of, dtype=np.int64)[codes] if len(codes) else np.zeros(0, dtype=np.int64)
    keep = keys >= 0
    rows = np.asarray(rows, dtype=np.intp)
    if spellings:
        filled = np.flatnonzero(keep)
        pair = rows[filled] * len(spellings) + keys[filled]
        # A stable sort brings a row's repeats of a term together, its first one first.
        # (Rows come in order, so the pairs are nearly sorted already: this is quick.)
        order = np.argsort(pair, kind="stable")
        ranked = pair[order]
        keep[filled[order[1:][ranked[1:] == ranked[:-1]]]] = False
    texts = np.asarray(text_of, dtype=object)[codes[keep]] if keep.any() else np.zeros(0, dtype=object)
    return Items(rows[keep], texts, keys[keep], spellings)


def split_items(values: pd.Series, separator: str) -> Items:
    """The items of list cells: each cell split at `separator`, items trimmed, empty items
    and repeats within a cell (ignoring case) dropped, the first spelling kept."""
    if not len(values):
        return _keyed(np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp), [], str.strip)
    lists = pc.split_pattern(_arrow(values), separator)
    rows = pc.list_parent_indices(lists).to_numpy(zero_copy_only=False)
    encoded = pc.dictionary_encode(pc.list_flatten(lists))
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.intp)
    return _keyed(rows, codes, encoded.dictionary.to_pylist(), str.strip)


def _as_is(value: str) -> str:
    return value


def items_of(per_row: Sequence[Sequence[str]]) -> Items:
    """The items of lists already split, taken as they are."""
    lengths = np.fromiter(map(len, per_row), dtype=np.intp, count=len(per_row))
    rows = np.repeat(np.arange(len(per_row), dtype=np.intp), lengths)
    flat = np.empty(int(lengths.sum()), dtype=object)
    flat[:] = list(chain.from_iterable(per_row))
    codes, raw = pd.factorize(flat)
    return _keyed(rows, codes.astype(np.intp), list(raw), _as_is)


def value_items(values: pd.Series) -> Items:
    """The non-blank cells of a one-value column, as items."""
    values = as_str(values)
    rows = np.flatnonzero((values != "").to_numpy())
    codes, raw = pd.factorize(values.iloc[rows])
    return _keyed(rows, codes.astype(np.intp), list(raw), _as_is)


__all__ = [
    "ODD_SPACE",
    "SCAN_BLOCK",
    "Items",
    "as_str",
    "casefold",
    "has_odd_space",
    "items_of",
    "map_distinct",
    "name_key",
    "name_keys",
    "odd_space_in",
    "split_items",
    "strip",
    "value_items",
]
