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
"not sure" only moves on. Only symptoms are asked (`ASKED_COLUMNS`): a yes to a symptom
ranks the causes with it higher and hides none, but a yes to a body area or a risk factor
would be a filter that hides causes, and their warning signs with them (an older person on
a statin must still meet the statin's). Nor is a symptom asked that is a warning sign in
itself (`alarm_symptoms`: at least half the table's causes that list it need help today or
sooner, such as confusion or dark pee): the warning-sign check asks about those, with the
action they need. A question is asked only if one of its answers would change the order of
the first `TOP` causes shown: one that would not is skipped, and when none is left the
panel says so. At most `ASK_AT_MOST` are asked.

Terms are matched as they are filed (a question about "calves" splits by the causes filed
under calves, not by the broader terms that would also find them when it is picked).

    from causes.questions import next_question
    q = next_question(table, result, answered={("symptoms", "muscle weakness")})
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any
from weakref import WeakKeyDictionary

import numpy as np

from causes.i18n import _, ngettext, number
from causes.query import Query, Result, listing, main_symptom_matches, rank_key, smallest
from causes.table import URGENCY_RANK, CauseTable

# Asked about (see the module's rule: a yes to an area or a risk factor would hide causes).
ASKED_COLUMNS: tuple[str, ...] = ("symptoms",)
# A symptom at least this share of whose causes (in the whole table) need help today or
# sooner is a warning sign in itself: never a narrowing question.
ALARM_SHARE = 0.5
MIN_CAUSES = 3  # fewer causes shown: nothing to narrow down
MIN_BITS = 0.1  # a question worth less than this (in bits) is not worth asking
ASK_AT_MOST = 5  # answers (yes, no or not sure) after which the panel stops asking
TOP = 10  # a question must be able to change the order of this many causes shown first
TRIED_AT_MOST = 12  # questions tried for a change of order before none is asked
# The filter a yes adds the term to, per column (the Query field).
_FIELD = {"symptoms": "symptoms", "body_areas": "areas", "risk_factors": "risks"}


def _asked(column: str, term: str) -> str:
    """The question about a term of `column`, in this run's language."""
    if column == "body_areas":
        # Translators: a question to narrow down the causes; {term} is a body area ("calves").
        return _("Do you feel it in the {term}?").format(term=term)
    if column == "risk_factors":
        # Translators: a question to narrow down the causes; {term} is a risk factor ("taking statins").
        return _("Does this apply to you: {term}?").format(term=term)
    # Translators: a question to narrow down the causes; {term} is a symptom ("muscle weakness").
    return _("Do you have {term}?").format(term=term)


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
        return _asked(self.column, self.term)

    def why(self) -> str:
        """Why it is asked: `3 of the 7 causes shown list muscle weakness.`"""
        total = self.having + self.without
        # Translators: why a question is asked: {having} of the {total} causes shown list {term} (a symptom).
        return ngettext(
            "{having} of the {total} cause shown list {term}.",
            "{having} of the {total} causes shown list {term}.",
            total,
        ).format(having=number(self.having), total=number(total), term=self.term)


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


# Per table, while it is in use (a person's own table goes with their session).
_ALARMS: WeakKeyDictionary[CauseTable, frozenset[str]] = WeakKeyDictionary()


def alarm_symptoms(table: CauseTable) -> frozenset[str]:
    """The symptoms (case-folded) that are warning signs in themselves: at least
    `ALARM_SHARE` of the causes that list them are urgent or emergencies."""
    if table not in _ALARMS:
        index = table.facets["symptoms"]
        serious = (table.urgency_rank[index.rows] >= URGENCY_RANK["urgent"]).astype(np.float64)
        share = np.bincount(index.ids, weights=serious, minlength=len(index.terms)) / np.maximum(index.counts, 1)
        _ALARMS[table] = frozenset(index.folded[t] for t in np.flatnonzero(share >= ALARM_SHARE).tolist())
    return _ALARMS[table]


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


def changes_order(table: CauseTable, result: Result, question: Question) -> bool:
    """Whether a yes or a no to `question` would change which causes come first, or their
    order (the first `TOP` of `result`), as `answer_query` and `run_query` would rank them."""
    if not len(result):
        return False
    positions, hits, steps = result.positions, result.symptom_hits.astype(np.int64), result.steps
    against = np.zeros(len(result), dtype=np.int64) if result.against is None else result.against.astype(np.int64)
    common = table.commonness_rank[positions] if result.common is None else result.common
    now = smallest(rank_key(table, positions, hits, steps, against, common), TOP)
    lists = listing(table, question.term)[positions]
    # A yes adds a chosen symptom (questions are symptoms): a cause whose main symptom it
    # is counts as common as the table says.
    main = np.isin(table.main_symptom[positions], main_symptom_matches(table, [question.term]))
    said = np.where(main, table.commonness_rank[positions], common)
    yes = smallest(rank_key(table, positions, hits + lists, steps, against, said), TOP)
    no = smallest(rank_key(table, positions, hits, steps, against + lists, common), TOP)
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
    skip = _already(query, answered) | {("symptoms", t) for t in alarm_symptoms(table)}
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
    """The most useful question about the causes shown whose answer would change their order
    (`changes_order`), or None when there is none worth asking (fewer than `MIN_CAUSES`
    causes, no term splits them by `MIN_BITS`, or none of the `TRIED_AT_MOST` best would
    change the order)."""
    for question in ranked_questions(table, result, query, answered)[:TRIED_AT_MOST]:
        if changes_order(table, result, question):
            return question
    return None
