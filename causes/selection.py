"""What a click on an Overview chart selects: a pure mapping from Streamlit's plotly
selection state to the causes to explain.

Streamlit reports a click as `{"points": [{...}, ...], ...}`. A bar or a scatter point
carries the `customdata` the figure gave it; a treemap tile carries its `id` instead.
Both hold a key from `causes.figures` (`category:NAME`, `other:`, `cause:NAME`,
`more:GROUP-KEY`), so the mapping never depends on a label's wording. Keys that no
longer name a matching cause or category (the table or the filters changed) select
nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from causes.figures import (
    CATEGORY,
    CAUSE,
    MORE,
    OTHER,
    TOP_CATEGORIES,
    category_groups,
    category_of_rows,
    split_key,
)
from causes.query import Result
from causes.table import CauseTable
from causes.text import joined

Kind = Literal["category", "cause"]


@dataclass(frozen=True)
class Selected:
    """What to explain: the matching causes of one or more categories (best first), or
    one or more causes. `value` names what was clicked, in words."""

    kind: Kind
    value: str
    positions: tuple[int, ...]


def points_of(selection: Mapping[str, Any] | None) -> list[Mapping[str, Any]]:
    """The clicked points in Streamlit's selection state (its `.selection`, or the whole
    event with a `selection` in it); anything that is not a point is left out."""
    if not isinstance(selection, Mapping):
        return []
    if "selection" in selection and "points" not in selection:
        return points_of(selection["selection"])
    points = selection.get("points")
    if not isinstance(points, Sequence) or isinstance(points, str):
        return []
    return [p for p in points if isinstance(p, Mapping)]


def point_data(point: Mapping[str, Any]) -> Any:
    """The customdata a clicked point carries (its first item, when it is a list)."""
    data = point.get("customdata")
    if isinstance(data, Sequence) and not isinstance(data, str):
        data = data[0] if len(data) else None
    return data


def point_key(point: Mapping[str, Any]) -> str | None:
    """The key a clicked point carries: its customdata, else (a treemap tile) its id."""
    data = point_data(point)
    if isinstance(data, str) and ":" in data:
        return data
    node = point.get("id")
    if isinstance(node, str) and ":" in node:
        return node
    return None


def _group(key: str) -> str | None:
    """The category group a key stands for (`category:NAME` or `other:`), or None: a
    "more" tile stands for its group."""
    kind, value = split_key(key)
    if kind == MORE:
        return _group(value)
    return key if kind in (CATEGORY, OTHER) else None


def selected(
    table: CauseTable,
    result: Result,
    selection: Mapping[str, Any] | None,
    *,
    top_categories: int = TOP_CATEGORIES,
) -> Selected | None:
    """What the clicked points select, or None. The first point that still means
    something decides the kind; further points of the same kind (a shift-click) are
    added to it: categories' causes are merged, causes are listed, best first.

    `top_categories` must be the one the figures were drawn with: it says which
    categories the "other categories" group holds."""
    groups = category_groups(table, result, top_categories)
    index = table.facets["category"]
    labels: list[str] = []  # the groups clicked, in words
    categories: list[str] = []
    causes: list[int] = []
    cats: tuple[str, ...]  # the categories of a clicked group
    for point in points_of(selection):
        key = point_key(point)
        if key is None:
            continue
        group = _group(key)
        if group is not None and not causes:
            kind, value = split_key(group)
            if kind == CATEGORY and index.id_of(value) is not None and groups.counts.get(value):
                cats, label = (value,), value
            elif kind == OTHER and groups.other:
                cats, label = groups.other, groups.other_label
            else:
                continue
            if label not in labels:
                labels.append(label)
                categories += [c for c in cats if c not in categories]
            continue
        kind, value = split_key(key)
        if kind == CAUSE and not categories:
            position = table.position_of(value)
            if position is not None and result.mask[position] and position not in causes:
                causes.append(position)
    if categories:
        ranked = result.positions
        ids = [i for c in categories if (i := index.id_of(c)) is not None]
        chosen = ranked[np.isin(category_of_rows(table)[ranked], ids)]
        return Selected("category", joined(labels), tuple(int(p) for p in chosen))
    if causes:
        ranked = result.positions.tolist() if len(causes) > 1 else []
        rank = {p: i for i, p in enumerate(ranked)}
        ordered = sorted(causes, key=lambda p: rank.get(p, 0))
        return Selected("cause", joined([table.record(p)["cause"] for p in ordered]), tuple(ordered))
    return None
