"""What would tell these causes apart: the next most useful question about the causes a
view still shows (issue 27's core; the panel that asks it is still to come).

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

Terms are matched as they are filed (a question about "calves" splits by the causes filed
under calves, not by the broader terms that would also find them when it is picked).

    from causes.questions import next_question
    q = next_question(table, result, answered={("symptoms", "muscle weakness")})
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from causes.query import Query, Result
from causes.table import CauseTable

# Asked about, in this order when two questions are worth the same.
ASKED_COLUMNS: tuple[str, ...] = ("symptoms", "body_areas", "risk_factors")
MIN_CAUSES = 3  # fewer causes shown: nothing to narrow down
MIN_BITS = 0.1  # a question worth less than this (in bits) is not worth asking

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
    return out


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
    """The most useful question about the causes shown, or None when there is none worth
    asking (fewer than `MIN_CAUSES` causes, or no term splits them by `MIN_BITS`)."""
    questions = ranked_questions(table, result, query, answered)
    return questions[0] if questions else None
