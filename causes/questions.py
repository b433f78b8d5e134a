"""What would tell these causes apart: the next most useful question about the causes a
view still shows (issue 27; Explore's panel asks it, `pages/ui/narrow.py`).

The rule. Each cause still shown is one possible answer to "what is causing this?", weighed
by how soon it would need help (its urgency rank: self-care 1, see a doctor 2, urgent 3,
emergency 4; no urgency counts as 1), so that telling a dangerous cause from a harmless one
is worth more than telling two harmless ones apart. A question is a term of the table (a
symptom, a body area or a risk factor) that some of these causes list and some do not: its
answer splits them in two. What the answer is worth is how much it is expected to take away
from the uncertainty over the causes (their entropy, with those weights): for a yes/no
split that is the entropy of the split itself, largest when the weight on each side is
even. So the question asked is the term that splits the weighed causes most evenly; ties
go to the term more causes list, then to symptoms before areas before risk factors, then to
the table's order. A term every cause shown lists, or none does, splits nothing and is
never asked; nor is a term already chosen or already answered.

What an answer does (`answer_query`): yes makes the term a filter, as if picked; no makes it
a finding the person does not have (`Query.without`: a cause that lists it ranks lower);
"not sure" only moves on. So a body area or a risk factor is asked only while none of its
column is chosen (a yes to a second area would widen the view, not narrow it); symptoms are
always asked (a yes ranks the causes with it higher). A question is asked only if one of its
answers would change the order of the first `TOP` causes shown: one that would not is
skipped, and when none is left the panel says so. At most `ASK_AT_MOST` are asked.

Terms are matched as they are filed (a question about "calves" splits by the causes filed
under calves, not by the broader terms that would also find them when it is picked).

    from causes.questions import next_question
    q = next_question(table, result, answered={("symptoms", "muscle weakness")})
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from causes.query import Query, Result, listing
from causes.table import CauseTable

# Asked about, in this order when two questions are worth the same.
ASKED_COLUMNS: tuple[str, ...] = ("symptoms", "body_areas", "risk_factors")
MIN_CAUSES = 3  # fewer causes shown: nothing to narrow down
MIN_BITS = 0.1  # a question worth less than this (in bits) is not worth asking
ASK_AT_MOST = 5  # answers (yes, no or not sure) after which the panel stops asking
TOP = 10  # a question must be able to change the order of this many causes shown first
TRIED_AT_MOST = 12  # questions tried for a change of order before none is asked
# The filter a yes adds the term to, per column (the Query field).
_FIELD = {"symptoms": "symptoms", "body_areas": "areas", "risk_factors": "risks"}

_WORDS = {
    "symptoms": "Do you have {term}?",
    "body_areas": "Do you feel it in the {term}?",
    "risk_factors": "Does this apply to you: {term}?",
}


@dataclass(frozen=True)
class Question:
    """A question about one term: how many of the causes shown list it (`having`) and do
    not (`without`), and what its answer is worth (`bits`)."""

    column: str
    term: str
    having: int
    without: int
    bits: float

    def text(self) -> str:
        """The question in words ("Do you have muscle weakness?"): plain text, to escape."""
        return _WORDS[self.column].format(term=self.term)

    def why(self) -> str:
        """Why it is asked: `3 of the 7 causes shown list muscle weakness.`"""
        total = self.having + self.without
        return f"{self.having:,} of the {total:,} causes shown list {self.term}."


def split_bits(weight_with: np.ndarray | float, weight_all: float) -> np.ndarray:
    """The entropy (bits) of splitting `weight_all` into `weight_with` and the rest: what
    a yes/no answer is expected to tell. 0 when either side is empty, 1 when even."""
    p = np.clip(np.asarray(weight_with, dtype=np.float64) / weight_all, 0.0, 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        h = -(p * np.log2(p) + (1 - p) * np.log2(1 - p))
    return np.nan_to_num(h, nan=0.0)


def _already(query: Query | None, answered: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    out = {(c, t.casefold()) for c, t in answered}
    if query is not None:
        for column, terms in (("symptoms", query.symptoms), ("body_areas", query.areas), ("risk_factors", query.risks)):
            out |= {(column, t.casefold()) for t in terms}
        out |= {(column, t.casefold()) for t in query.without for column in ASKED_COLUMNS}
    return out


def _asked_columns(query: Query | None) -> tuple[str, ...]:
    """The columns a question may come from: symptoms, and a body area or a risk factor
    while none of its column is chosen."""
    if query is None:
        return ASKED_COLUMNS
    return tuple(c for c in ASKED_COLUMNS if c == "symptoms" or not getattr(query, _FIELD[c]))


def answer_query(query: Query, question: Question, answer: str) -> Query:
    """The query after an answer: "yes" adds the term to its filter (as if picked), "no"
    to the findings the person does not have; anything else leaves it as it is."""
    if answer == "yes":
        name = _FIELD[question.column]
        changes: dict[str, Any] = {name: (*getattr(query, name), question.term)}  # the field is known at run time
        return replace(query, **changes)
    if answer == "no":
        return replace(query, without=(*query.without, question.term))
    return query


def _top(fit: np.ndarray, steps: np.ndarray, base_rank: np.ndarray, keep: np.ndarray | None = None) -> np.ndarray:
    """The indexes of the first `TOP` of the result's rows in the order `run_query` ranks
    them (best fit, fewest steps, then the table's base order), `keep` only."""
    key = (np.int64(1 << 24) - fit.astype(np.int64)) << 40 | np.minimum(steps, 1023).astype(np.int64) << 30 | base_rank
    if keep is not None:
        key = np.where(keep, key, np.iinfo(np.int64).max)
    k = min(TOP, len(key))
    first = np.argpartition(key, k - 1)[:k] if len(key) > k else np.arange(len(key))
    first = first[np.argsort(key[first], kind="stable")]
    return first if keep is None else first[keep[first]]


def changes_order(table: CauseTable, result: Result, question: Question) -> bool:
    """Whether a yes or a no to `question` would change which causes come first, or their
    order (the first `TOP` of `result`), as `answer_query` and `run_query` would rank them."""
    if not len(result):
        return False
    fit = result.fit()
    steps = result.steps if result.steps is not None else np.zeros(len(result), dtype=np.int64)
    base_rank = table.base_rank[result.positions]
    now = _top(fit, steps, base_rank)
    lists = listing(table, question.term)[result.positions]
    if question.column == "symptoms":
        yes = _top(fit + lists, steps, base_rank)
    else:  # a filter: only the causes that list it stay
        yes = _top(fit, steps, base_rank, keep=lists)
    no = _top(fit - lists, steps, base_rank)
    return not (np.array_equal(yes, now) and np.array_equal(no, now))


def ranked_questions(
    table: CauseTable,
    result: Result,
    query: Query | None = None,
    answered: Iterable[tuple[str, str]] = (),
) -> list[Question]:
    """Every question that splits the causes `result` shows, most useful first (see the
    module's rule), leaving out the terms `query` chose and those `answered`
    ((column, term) pairs). Empty when fewer than `MIN_CAUSES` causes are shown."""
    shown = int(result.mask.sum())
    if shown < MIN_CAUSES:
        return []
    weight = np.maximum(table.urgency_rank.astype(np.float64), 1.0)
    total = float(weight[result.mask].sum())
    skip = _already(query, answered)
    found: list[tuple[float, int, int, int, Question]] = []
    for order, column in enumerate(ASKED_COLUMNS):
        if column not in _asked_columns(query):
            continue
        index = table.facets[column]
        if not len(index.terms):
            continue
        held = result.mask[index.rows]
        counts = np.bincount(index.ids[held], minlength=len(index.terms))
        weighed = np.bincount(index.ids[held], weights=weight[index.rows[held]], minlength=len(index.terms))
        bits = split_bits(weighed, total)
        for t in np.flatnonzero((counts > 0) & (counts < shown)).tolist():
            term = index.terms[t]
            if (column, term.casefold()) in skip or bits[t] < MIN_BITS:
                continue
            q = Question(column, term, int(counts[t]), shown - int(counts[t]), float(bits[t]))
            found.append((-round(q.bits, 9), -q.having, order, t, q))
    found.sort(key=lambda f: f[:4])
    return [f[4] for f in found]


def next_question(
    table: CauseTable,
    result: Result,
    query: Query | None = None,
    answered: Iterable[tuple[str, str]] = (),
) -> Question | None:
    """The most useful question about the causes shown whose answer would change their order
    (`changes_order`), or None when there is none worth asking (fewer than `MIN_CAUSES`
    causes, no term splits them by `MIN_BITS`, or none of the `TRIED_AT_MOST` best would
    change the order)."""
    for question in ranked_questions(table, result, query, answered)[:TRIED_AT_MOST]:
        if changes_order(table, result, question):
            return question
    return None
