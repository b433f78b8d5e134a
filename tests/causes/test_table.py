"""The table's indexes: which rows reach which term through broader terms (`Reach`),
checked against the rule written plainly, for any forest of terms and any rows."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from causes.strings import items_of
from causes.table import Reach, TermIndex


def ancestors_of(parent: list[int], t: int) -> list[int]:
    out = []
    while parent[t] >= 0:
        t = parent[t]
        out.append(t)
    return out


def reaches(parent: list[int], filed: set[int], t: int) -> bool:
    """The rule: a row reaches t when it is filed under t, a broader or a narrower term."""
    related = {t, *ancestors_of(parent, t)}
    related |= {d for d in range(len(parent)) if t in ancestors_of(parent, d)}
    return bool(filed & related)


@st.composite
def forests_and_rows(draw):
    n_terms = draw(st.integers(1, 9))
    # Each term's broader term comes before it: no loops, any shape of trees.
    parent = [draw(st.integers(-1, t - 1)) if t else -1 for t in range(n_terms)]
    names = [f"term {t}" for t in range(n_terms)]
    rows = draw(st.lists(st.lists(st.sampled_from(names), max_size=4, unique=True), min_size=1, max_size=12))
    mask = draw(st.lists(st.booleans(), min_size=len(rows), max_size=len(rows)))
    return parent, names, rows, np.asarray(mask, dtype=bool)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(forests_and_rows())
def test_reach_counts_and_rows_follow_the_rule(case):
    parent_by_name, names, rows, mask = case
    index = TermIndex.from_items(items_of(rows), extra=names)  # every term, used or not
    by_id = [names.index(term) for term in index.terms]
    parent = np.array(
        [index.lookup[names[parent_by_name[n]]] if parent_by_name[n] >= 0 else -1 for n in by_id], dtype=np.int64
    )
    reach = Reach.build(parent, index)
    filed = [{index.lookup[t] for t in row} for row in rows]
    plain_parent = parent.tolist()
    expected = [sum(1 for r in np.flatnonzero(mask) if reaches(plain_parent, filed[r], t)) for t in range(len(names))]
    assert reach.counts(mask).tolist() == expected
    for r in range(len(rows)):  # one row at a time: the terms it reaches, and only those
        alone = np.zeros(len(rows), dtype=bool)
        alone[r] = True
        assert reach.counts(alone).tolist() == [int(reaches(plain_parent, filed[r], t)) for t in range(len(names))]
    # A chain from a term up to a tree's root, and down again, in depth-first order.
    for t in range(len(names)):
        assert list(reach.broader_of(t)) == ancestors_of(plain_parent, t)
        assert set(reach.narrower_of(t)) == {d for d in range(len(names)) if t in ancestors_of(plain_parent, d)}


def test_extra_terms_come_last_with_no_rows():
    index = TermIndex.from_items(items_of([["calves"], ["calves", "thighs"]]), extra=["Whole leg", "CALVES"])
    assert index.terms == ("calves", "thighs", "Whole leg")
    assert index.counts.tolist() == [2, 1, 0]
    assert index.id_of("whole LEG") == 2
    assert len(index.postings[2]) == 0
