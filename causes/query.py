"""Queries over a cause table: filter, rank, count facets, describe in plain words (in this
run's language)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from causes.i18n import _, ngettext, number
from causes.style import urgency_word
from causes.table import COMMONNESS_NEUTRAL, FACET_COLUMNS, URGENCY_RANK, CauseTable
from causes.text import joined

Match = Literal["any", "all"]

# URL parameter -> (query field, table column). One place, used by the pages and tests.
URL_PARAMS: dict[str, tuple[str, str]] = {
    "symptom": ("symptoms", "symptoms"),
    "area": ("areas", "body_areas"),
    "risk": ("risks", "risk_factors"),
    "category": ("categories", "category"),
    "urgency": ("urgencies", "urgency"),
}
NOT_PARAM = "not"  # a finding the person does not have: ranks the causes that list it lower
# The columns a "no" finding is looked for in, in this order.
NOT_COLUMNS: tuple[str, ...] = ("symptoms", "body_areas", "risk_factors")


def _left_out(key: str, value: str) -> str:
    """The notice for a link's value (of URL parameter `key`) the table does not have."""
    if key == "symptom":
        # Translators: {value} is a value from a link that the cause table does not have.
        return _('This table has no symptom "{value}", so it was left out.').format(value=value)
    if key == "area":
        # Translators: {value} is a value from a link that the cause table does not have.
        return _('This table has no body area "{value}", so it was left out.').format(value=value)
    if key == "risk":
        # Translators: {value} is a value from a link that the cause table does not have.
        return _('This table has no risk factor "{value}", so it was left out.').format(value=value)
    if key == "category":
        # Translators: {value} is a value from a link that the cause table does not have.
        return _('This table has no category "{value}", so it was left out.').format(value=value)
    # Translators: {value} is a value from a link that the cause table does not have.
    return _('This table has no urgency level "{value}", so it was left out.').format(value=value)


@dataclass(frozen=True)
class Query:
    """What a person is looking for. Within one filter the values are alternatives;
    different filters must all hold. `match` says whether a cause needs any or all of
    the chosen symptoms."""

    symptoms: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    risks: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    urgencies: tuple[str, ...] = ()
    text: str = ""
    match: Match = "any"
    # Findings the person said they do not have (symptoms, areas, risk factors): nothing is
    # hidden; a cause that lists one ranks lower and says so.
    without: tuple[str, ...] = ()

    def values(self, column: str) -> tuple[str, ...]:
        for field_name, col in URL_PARAMS.values():
            if col == column:
                return getattr(self, field_name)
        raise KeyError(column)

    @property
    def is_empty(self) -> bool:
        return not (
            self.symptoms
            or self.areas
            or self.risks
            or self.categories
            or self.urgencies
            or self.text.strip()
            or self.without
        )

    @classmethod
    def from_params(cls, params: Mapping[str, Sequence[str] | str]) -> Query:
        """Build a query from URL parameters (`symptom`, `area`, `risk`, `category`,
        `urgency`, `q`, `match`, `not`); a key may repeat for several values."""

        def many(key: str) -> tuple[str, ...]:
            raw = params.get(key, ())
            values = [raw] if isinstance(raw, str) else list(raw)
            return tuple(dict.fromkeys(v.strip() for v in values if v and v.strip()))

        def one(key: str) -> str:
            vals = many(key)
            return vals[-1] if vals else ""

        fields = {name: many(key) for key, (name, _) in URL_PARAMS.items()}
        match = one("match").casefold()
        return cls(**fields, text=one("q"), match="all" if match == "all" else "any", without=many(NOT_PARAM))

    def to_params(self) -> dict[str, list[str]]:
        """The URL parameters of this query (empty filters left out)."""
        params = {key: list(getattr(self, name)) for key, (name, _) in URL_PARAMS.items()}
        params = {k: v for k, v in params.items() if v}
        if self.text.strip():
            params["q"] = [self.text.strip()]
        if self.match == "all":
            params["match"] = ["all"]
        if self.without:
            params[NOT_PARAM] = list(self.without)
        return params

    def restricted_to(self, table: CauseTable) -> tuple[Query, list[str]]:
        """This query with only the values the table has (in the table's spelling), and a
        short notice for each value dropped."""
        notices: list[str] = []
        changes: dict[str, Any] = {}  # field name -> tuple[str, ...]; the names are known only at run time
        for key, (name, col) in URL_PARAMS.items():
            index = table.facets[col]
            kept: list[str] = []
            for v in getattr(self, name):
                canonical = index.canonical(v)
                if canonical is None:
                    notices.append(_left_out(key, v))
                elif canonical not in kept:
                    kept.append(canonical)
            changes[name] = tuple(kept)
        without: list[str] = []
        for v in self.without:
            found = next((c for c in (table.facets[col].canonical(v) for col in NOT_COLUMNS) if c is not None), None)
            if found is None:
                # Translators: {value} is a finding a link said no to, which the cause table does not have.
                notice = _('This table has no symptom, body area or risk factor "{value}",'
                           ' so your "no" to it was left out.')  # fmt: skip
                notices.append(notice.format(value=v))
            elif found not in without and found.casefold() not in {t.casefold() for t in self._chosen_terms(changes)}:
                without.append(found)
        changes["without"] = tuple(without)
        return replace(self, **changes), notices

    @staticmethod
    def _chosen_terms(fields: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
        return (*fields.get("symptoms", ()), *fields.get("areas", ()), *fields.get("risks", ()))

    def criteria(self) -> str:
        """What the query asks for, in words, without "causes": "with cramps at night or
        twitching at rest, in the calves" ("" when it asks for nothing). Each filter is a
        clause (a message), the clauses joined by ", "."""
        parts: list[str] = []
        # The clauses of a view's description ("causes with cramps, in the calves, linked to
        # statins"): each follows "causes" and names what was chosen.
        if self.symptoms:
            symptoms = joined(self.symptoms, "and" if self.match == "all" else "or")
            # Translators: a clause after "causes": {symptoms} are chosen symptoms ("with cramps or twitching").
            parts.append(_("with {symptoms}").format(symptoms=symptoms))
        if self.areas:
            # Translators: a clause: {areas} are body areas ("in the calves or thighs").
            parts.append(_("in the {areas}").format(areas=joined(self.areas, "or")))
        if self.risks:
            # Translators: a clause: {risks} are risk factors ("linked to statins").
            parts.append(_("linked to {risks}").format(risks=joined(self.risks, "or")))
        if self.categories:
            n = len(self.categories)
            # Translators: a clause after "causes": {categories} are categories' names ("Nerves or Muscles").
            clause = ngettext("in the category {categories}", "in the categories {categories}", n)
            parts.append(clause.format(categories=joined(self.categories, "or")))
        if self.urgencies:
            levels = joined([urgency_word(u) for u in self.urgencies], "or")
            # Translators: a clause after "causes": {levels} are levels of help ("urgent or emergency").
            parts.append(_("rated {levels}").format(levels=levels))
        if self.text.strip():
            # Translators: {text} is the words searched for.
            parts.append(_('mentioning "{text}"').format(text=self.text.strip()))
        return ", ".join(parts)

    def describe(self) -> str:
        """The query in plain words, e.g. "causes with cramps at night or twitching at
        rest, in the calves" (what it also finds through broader and narrower terms is
        `also_finds`)."""
        criteria = self.criteria()
        # Translators: {criteria} is what was chosen: "with cramps, in the calves".
        return _("causes {criteria}").format(criteria=criteria) if criteria else _("all causes")


NARROWER_NAMED = 4  # more narrower terms than this are counted, not named


def related_terms(table: CauseTable, column: str, chosen: Sequence[str]) -> tuple[list[str], list[str]]:
    """The narrower and the broader terms that chosen terms of a column also find (none
    chosen among them), narrower depth first, broader nearest first."""
    reach = table.reach.get(column)
    index = table.facets[column]
    ids = [i for i in (index.id_of(t) for t in chosen) if i is not None]
    if reach is None or not ids:
        return [], []
    taken = set(ids)
    narrower = [d for i in ids for d in reach.narrower_of(i)]
    broader = [a for i in ids for a in reach.broader_of(i)]
    narrower = [d for d in dict.fromkeys(narrower) if d not in taken]
    broader = [a for a in dict.fromkeys(broader) if a not in taken and a not in narrower]
    return [index.terms[d] for d in narrower], [index.terms[a] for a in broader]


def _also(table: CauseTable, column: str, chosen: Sequence[str]) -> str:
    """The broader and narrower terms chosen terms also find, in words ("the whole leg or
    whole body"; "" for none)."""
    narrower, broader = related_terms(table, column, chosen)

    def terms(found: list[str]) -> str:
        listed = joined(found, "or")
        # Translators: body areas in a sentence ("the whole leg or whole body").
        return _("the {areas}").format(areas=listed) if column == "body_areas" else listed

    also = []
    if narrower:
        n = len(narrower)
        if n <= NARROWER_NAMED:
            also.append(terms(narrower))
        elif column == "body_areas":
            # Translators: too many narrower body areas to name: "any of 6 parts" (of the chosen area).
            also.append(ngettext("any of {n} part", "any of {n} parts", n).format(n=number(n)))
        else:
            # Translators: too many narrower terms to name: "any of 6 kinds" (of the chosen symptom).
            also.append(ngettext("any of {n} kind", "any of {n} kinds", n).format(n=number(n)))
    if broader:
        also.append(terms(broader))
    if len(also) == 2:
        # Translators: what a chosen term also finds: its narrower terms, or its broader ones.
        return _("{narrower}, or {broader}").format(narrower=also[0], broader=also[1])
    return also[0] if also else ""


def matching_terms(table: CauseTable, column: str, terms: Sequence[str], chosen: Sequence[str]) -> list[str]:
    """A cause's terms that match chosen ones, each said as it matches: "calves", or through
    a broader or a narrower term, "muscle cramps (a kind of muscle spasms)", "whole leg
    (includes the calves)"."""
    index = table.facets[column]
    reach = table.reach.get(column)
    wanted = {i for i in (index.id_of(c) for c in chosen) if i is not None}
    out = []
    for term in terms:
        i = index.id_of(term)
        if i is None:
            continue
        if i in wanted:
            out.append(term)
        elif reach is not None:
            up = [a for a in reach.broader_of(i) if a in wanted]
            down = [d for d in reach.narrower_of(i) if d in wanted]
            if up:
                out.append(_through_broader(column, term, index.terms[up[0]]))
            elif down:
                out.append(_through_narrower(column, term, index.terms[down[0]]))
    return out


def _through_broader(column: str, term: str, broader: str) -> str:
    """A cause's term that matches a chosen broader one: "muscle cramps (a kind of muscle spasms)"."""
    if column == "body_areas":
        # Translators: {term} is a body area; {broader} the chosen, broader one: "calves (part of the whole leg)".
        return _("{term} (part of the {broader})").format(term=term, broader=broader)
    # Translators: {term} is a symptom; {broader} the chosen, broader one: "night cramps (a kind of muscle cramps)".
    return _("{term} (a kind of {broader})").format(term=term, broader=broader)


def _through_narrower(column: str, term: str, narrower: str) -> str:
    """A cause's term that matches a chosen narrower one: "whole leg (includes the calves)"."""
    if column == "body_areas":
        # Translators: {term} is a body area; {narrower} the chosen, narrower one: "whole leg (includes the calves)".
        return _("{term} (includes the {narrower})").format(term=term, narrower=narrower)
    # Translators: {term} is a symptom; {narrower} the chosen, narrower one: "muscle cramps (includes night cramps)".
    return _("{term} (includes {narrower})").format(term=term, narrower=narrower)


def also_finds(table: CauseTable, query: Query) -> str:
    """What a view finds through broader and narrower terms, in one sentence under its
    heading: "Calves also finds causes listed under the whole leg or whole body." ("" when
    nothing)."""
    lines = []
    filters = (("symptoms", "symptoms"), ("areas", "body_areas"), ("risks", "risk_factors"))
    for name, column in filters:
        chosen = getattr(query, name)
        also = _also(table, column, chosen)
        if also:
            # Translators: {chosen} are the chosen terms ("calves"); {also} the broader and
            # narrower terms they also find ("the whole leg or whole body").
            line = _("{chosen} also finds causes listed under {also}.")
            lines.append(line.format(chosen=joined(list(chosen), "or"), also=also))
    return " ".join(line[0].upper() + line[1:] for line in lines)


def heading(query: Query) -> str:
    """The description as a heading: "Causes with cramps at night, in the calves"."""
    text = query.describe()
    return text[0].upper() + text[1:]


@dataclass(frozen=True, eq=False)
class Result:
    """The causes that match a query, best first."""

    positions: np.ndarray  # row positions in the table, ranked
    symptom_hits: np.ndarray  # per ranked row: how many of the chosen symptoms it has
    mask: np.ndarray = field(repr=False)  # per table row: does it match
    total: int  # rows in the table
    # Per ranked row: how many steps broader than the chosen terms it is listed, in all (0:
    # under each chosen term or a narrower one). None: every match is exact.
    steps: np.ndarray | None = field(default=None, repr=False)
    # Per ranked row: how many of the findings the person said no to it lists. None: none said.
    against: np.ndarray | None = field(default=None, repr=False)
    # Per ranked row: how common it counts for this query (`effective_commonness`). None:
    # as the table says (`CauseTable.commonness_rank`).
    common: np.ndarray | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.positions)


def result_of(table: CauseTable, positions: Sequence[int] | np.ndarray) -> Result:
    """A Result holding exactly these causes, in this order (a hand-picked deck, a
    handout's causes)."""
    rows = np.asarray(list(positions), dtype=np.int64)
    mask = np.zeros(len(table), dtype=bool)
    mask[rows] = True
    return Result(positions=rows, symptom_hits=np.zeros(len(rows), dtype=np.int64), mask=mask, total=len(table))


def _term_ids(table: CauseTable, column: str, values: Sequence[str]) -> list[int]:
    index = table.facets[column]
    return [i for i in (index.id_of(v) for v in values) if i is not None]


def _mask_with_any(table: CauseTable, column: str, values: Sequence[str]) -> np.ndarray:
    """Per row, whether it is filed under any of these terms (a column without broader terms)."""
    mask = np.zeros(len(table), dtype=bool)
    mask[table.facets[column].rows_with_any(_term_ids(table, column, values))] = True
    return mask


# The most steps broader a row is counted, per chosen term; a symptom more outweighs them all.
_STEPS_COUNTED = 15
_STEPS_SPAN = 1 << 10


def _reaching(table: CauseTable, column: str, term: int) -> tuple[np.ndarray, np.ndarray | None]:
    """Per row of a column with broader terms: whether it reaches `term`, and how far it is
    from it: 0 when it is filed under the term or a narrower one (a night cramp is a muscle
    cramp), k when its nearest filed term is k steps broader (the whole leg, for the calves:
    1), and 0 where it does not reach it. None for the steps of a term with no broader term
    (every row that reaches it is 0 steps away)."""
    index = table.facets[column]
    reach = table.reach[column]
    reached = np.zeros(len(table), dtype=bool)
    reached[reach.up_postings[term]] = True
    broader = reach.ancestors[term]
    if not len(broader):
        return reached, None
    steps = np.zeros(len(table), dtype=np.int8)
    for k in range(len(broader), 0, -1):  # the farthest first, the nearest written last
        rows = index.postings[broader[k - 1]]
        reached[rows] = True
        steps[rows] = min(k, _STEPS_COUNTED)
    steps[reach.up_postings[term]] = 0
    return reached, steps


def _any_of(table: CauseTable, column: str, ids: Sequence[int]) -> tuple[np.ndarray, np.ndarray | None]:
    """`_reaching` for the nearest of several chosen terms of one filter (alternatives)."""
    if len(ids) == 1:
        return _reaching(table, column, ids[0])
    found = np.zeros(len(table), dtype=bool)
    nearest = np.full(len(table), _STEPS_COUNTED + 1, dtype=np.int8)
    for i in ids:
        reached, steps = _reaching(table, column, i)
        found |= reached
        np.minimum(nearest, np.where(reached, 0 if steps is None else steps, _STEPS_COUNTED + 1), out=nearest)
    return found, np.where(found, nearest, 0).astype(np.int8)


def _symptoms(table: CauseTable, ids: Sequence[int]) -> tuple[np.ndarray, np.ndarray | None]:
    """Per row, how many of the chosen symptoms it reaches (each counted once), and, where
    the table declares broader symptoms, how many steps away from them it is in all."""
    n = len(table)
    if "symptoms" not in table.reach:  # one item per row and term: a plain count
        return np.bincount(table.facets["symptoms"].rows_with_any(ids), minlength=n), None
    hits = np.zeros(n, dtype=np.int16)
    total: np.ndarray | None = None
    for i in ids:
        reached, steps = _reaching(table, "symptoms", i)
        hits += reached
        if steps is not None:
            total = steps.astype(np.int16) if total is None else total + steps
    return hits, total


def rank_key(
    table: CauseTable,
    positions: np.ndarray,
    hits: np.ndarray,
    steps: np.ndarray | None = None,
    against: np.ndarray | None = None,
    common: np.ndarray | None = None,
) -> np.ndarray:
    """One integer per row that sorts as `run_query` ranks: the most chosen symptoms, the
    fewest steps from the chosen terms, the most common (`common`: as it counts for the
    query), the fewest findings said no to, then the usually harmless first (the most urgent
    first for a table that does not say how common its causes are), then by name."""
    n = len(positions)
    key = (1023 - np.minimum(hits.astype(np.int64), 1023)) << 52
    if steps is not None:
        key |= np.minimum(steps.astype(np.int64), 1023) << 42
    common = table.commonness_rank[positions] if common is None else common
    key |= (7 - common.astype(np.int64)) << 39
    if against is not None:
        key |= np.minimum(against.astype(np.int64), 63) << 33
    return key | table.level_rank[positions] if n else key


def main_symptom_matches(table: CauseTable, chosen: Sequence[str]) -> np.ndarray:
    """The term ids a cause's main symptom may be for it to match through it: the chosen
    symptoms, their narrower terms (a night cramp is a cramp) and their broader ones (as a
    pick finds causes listed under a broader term)."""
    reach = table.reach.get("symptoms")
    ids: set[int] = set()
    for i in _term_ids(table, "symptoms", chosen):
        ids.add(i)
        if reach is not None:
            ids.update(reach.narrower_of(i))
            ids.update(reach.broader_of(i))
    return np.fromiter(ids, dtype=np.int64, count=len(ids)) if ids else np.zeros(0, dtype=np.int64)


def effective_commonness(table: CauseTable, positions: np.ndarray, chosen: Sequence[str]) -> np.ndarray:
    """How common each cause counts when these symptoms are chosen: as the table says when
    it matches through its main symptom (the first it lists), else "not known". A cause is
    common as a cause of its main symptom: harmless twitches of twitching, not of cramps."""
    common = table.commonness_rank[positions]
    if not chosen or not table.says_commonness:
        return common
    through = np.isin(table.main_symptom[positions], main_symptom_matches(table, chosen))
    return np.where(through, common, COMMONNESS_NEUTRAL).astype(common.dtype)


def listing(table: CauseTable, term: str) -> np.ndarray:
    """Per row, whether it lists `term` (a symptom, body area or risk factor) or a narrower
    one: someone without muscle cramps has no night cramps either."""
    hit = np.zeros(len(table), dtype=bool)
    for column in NOT_COLUMNS:
        index = table.facets[column]
        i = index.id_of(term)
        if i is None:
            continue
        reach = table.reach.get(column)
        hit[reach.up_postings[i] if reach is not None else index.postings[i]] = True
    return hit


def _against(table: CauseTable, without: Sequence[str]) -> np.ndarray | None:
    """Per row, how many of the findings said no to it lists (None for none said)."""
    if not without:
        return None
    count = np.zeros(len(table), dtype=np.int16)
    for term in dict.fromkeys(t.casefold() for t in without):
        count += listing(table, term)
    return count


def _re2_literal(word: str) -> str:
    """A RE2 pattern matching exactly `word`: ASCII letters and digits as they are, every
    other character by its code point, so nothing in the word acts as regex syntax."""
    return "".join(c if c.isascii() and c.isalnum() else f"\\x{{{ord(c):x}}}" for c in word)


def _contains(texts: pd.Series, word: str) -> np.ndarray:
    """Per text, whether `word` occurs in it, as plain case-sensitive text."""
    to_arrow = getattr(texts.array, "__arrow_array__", None)
    if to_arrow is not None:
        # On Arrow-backed text, Arrow's RE2 finds a literal 2 to 10 times faster than its
        # match_substring (which `str.contains(regex=False)` uses); the answer is the same.
        try:
            found = pc.match_substring_regex(to_arrow(), _re2_literal(word))
        except pa.ArrowException:  # e.g. a word too long for RE2
            found = None
        if found is not None and found.null_count == 0:
            return np.asarray(found.to_numpy(zero_copy_only=False), dtype=bool)
    return texts.str.contains(word, regex=False).to_numpy(dtype=bool)


# Columns whose terms a free-text word is looked for in, through their indexes.
_TERM_COLUMNS: tuple[str, ...] = ("category", "symptoms", "body_areas", "risk_factors")


def _has_word(table: CauseTable, candidates: np.ndarray, word: str) -> np.ndarray:
    """Per candidate row, whether `word` (case-folded, no spaces) occurs in its name,
    category, summary, explanation, symptoms, body areas or risk factors. A word never
    runs from one cell into the next, so each is searched alone: the terms through their
    index (a few thousand terms, not a million cells), then the texts of the rows not yet
    found."""
    in_terms = np.zeros(len(table), dtype=bool)
    for column in _TERM_COLUMNS:
        in_terms[table.facets[column].rows_containing(word)] = True
    hit = in_terms[candidates]
    for texts in table.search_texts:
        rest = candidates[~hit]
        if not len(rest):
            break
        # Searching every row and picking is cheaper than copying out most of them.
        hit[~hit] = _contains(texts, word)[rest] if len(rest) > len(texts) // 4 else _contains(texts.iloc[rest], word)
    return hit


def run_query(table: CauseTable, query: Query) -> Result:
    """Apply a query: the matching causes ranked as a clinician would think of them: by how
    well each fits (the chosen symptoms it has), then by how close they are to the chosen
    terms (listed under a term itself, or a narrower one, before a cause listed under a
    broader one: the calves before the whole leg before the whole body), then by how common
    it is (when the table says), then by how few of the findings said no to it lists, then
    the usually harmless first (a table that does not say how common: the most urgent
    first), then by name (`rank_key`)."""
    n = len(table)
    mask = np.ones(n, dtype=bool)
    hits = None
    steps = None  # per row: how many steps broader than the chosen terms it is listed, in all
    if query.symptoms:
        index = table.facets["symptoms"]
        ids = list(dict.fromkeys(index.id_of(s) for s in query.symptoms))  # a symptom chosen twice counts once
        known = [i for i in ids if i is not None]
        hits, steps = _symptoms(table, known)
        if query.match == "all":
            mask &= hits == len(ids) if len(known) == len(ids) else np.zeros(n, dtype=bool)
        else:
            mask &= hits > 0
    for name, column in (("areas", "body_areas"), ("risks", "risk_factors"), ("categories", "category")):
        values = getattr(query, name)
        if not values:
            continue
        if column in table.reach:
            reached, far = _any_of(table, column, _term_ids(table, column, values))
            mask &= reached
            if far is not None:
                steps = far.astype(np.int16) if steps is None else steps + far
        else:
            mask &= _mask_with_any(table, column, values)
    if query.urgencies:
        mask &= _mask_with_any(table, "urgency", [u.casefold() for u in query.urgencies])
    words = query.text.casefold().split()
    if words:
        candidates = np.flatnonzero(mask)
        # Every word must occur; each narrows the candidates, so the longest (likely rarest) goes first.
        for w in sorted(dict.fromkeys(words), key=len, reverse=True):
            if not len(candidates):
                break
            candidates = candidates[_has_word(table, candidates, w)]
        mask[:] = False
        mask[candidates] = True
    against = _against(table, query.without)
    ranked = table.base_order[mask[table.base_order]]
    ranked_hits = hits[ranked] if hits is not None else np.zeros(len(ranked), dtype=np.int16)
    ranked_steps = steps[ranked] if steps is not None else None
    ranked_against = against[ranked] if against is not None else None
    common = effective_commonness(table, ranked, query.symptoms) if query.symptoms else None
    if common is not None and np.array_equal(common, table.commonness_rank[ranked]):
        common = None  # every cause matches through its main symptom: the table's order holds
    if ranked_against is not None or common is not None:
        # A "no" weighs after how common a cause is: it orders causes that fit as well and
        # are as common (a listed symptom is one a cause can have, not one it always has).
        order = np.argsort(rank_key(table, ranked, ranked_hits, ranked_steps, ranked_against, common))
        ranked, ranked_hits = ranked[order], ranked_hits[order]
        ranked_against = None if ranked_against is None else ranked_against[order]
        ranked_steps = None if ranked_steps is None else ranked_steps[order]
        common = None if common is None else common[order]
    elif hits is not None or ranked_steps is not None:
        # One stable sort on one key (numpy sorts 16-bit keys by radix): the most chosen
        # symptoms first, then the fewest steps; the commonness, urgency and name order within.
        key = -ranked_hits.astype(np.int32)
        if ranked_steps is not None:
            key = key * _STEPS_SPAN + np.minimum(ranked_steps, _STEPS_SPAN - 1)
        small = len(key) == 0 or (key.min() > -(1 << 15) and key.max() < 1 << 15)
        order = np.argsort(key.astype(np.int16) if small else key, kind="stable")
        ranked, ranked_hits = ranked[order], ranked_hits[order]
        ranked_steps = None if ranked_steps is None else ranked_steps[order]
    return Result(ranked, ranked_hits, mask, n, ranked_steps, ranked_against, common)


def first_by_urgency(table: CauseTable, result: Result, k: int) -> np.ndarray:
    """The first `k` causes of a result in the warning-sign check's order: how well they fit
    the chosen terms (the chosen symptoms each has, then closeness), then the most urgent,
    then by name. Not how common they are, nor a "no": the list puts common things first,
    and the check must still ask the signs of the dangerous causes that fit as well."""
    n = len(result)
    if not n:
        return result.positions[:0]
    hits = np.minimum(result.symptom_hits.astype(np.int64), 1023)
    steps = np.zeros(n, dtype=np.int64) if result.steps is None else np.minimum(result.steps, 1023).astype(np.int64)
    key = ((1023 - hits) << 50) | (steps << 40) | table.urgent_rank[result.positions]
    return result.positions[smallest(key, k)]


def smallest(key: np.ndarray, k: int) -> np.ndarray:
    """The indexes of the `k` smallest keys, smallest first (without sorting them all)."""
    first = np.argpartition(key, k - 1)[:k] if len(key) > k else np.arange(len(key))
    return first[np.argsort(key[first], kind="stable")]


def term_counts(table: CauseTable, result: Result, column: str) -> dict[str, int]:
    """How many of the matching causes carry each term of a column (or reach it, through a
    broader or a narrower term), in the table's order (most causes overall first) and
    spelling."""
    index = table.facets[column]
    reach = table.reach.get(column)
    counts = index.facet_counts(result.mask) if reach is None else reach.counts(result.mask)
    return dict(zip(index.terms, counts.tolist(), strict=True))


def facet_counts(table: CauseTable, result: Result) -> dict[str, dict[str, int]]:
    """For each filter column, how many of the matching causes carry each term."""
    return {column: term_counts(table, result, column) for column in FACET_COLUMNS}


def count_line(result: Result) -> str:
    """`12 of 40 causes match`."""
    k, total = len(result), result.total
    if total == 1:
        # Translators: {k} of the table's {total} (1) cause match a view; the verb agrees with {k}.
        line = ngettext("{k} of {total} cause matches", "{k} of {total} cause match", k)
    else:
        # Translators: {k} of the table's {total} causes match a view; the verb agrees with {k}.
        line = ngettext("{k} of {total} causes matches", "{k} of {total} causes match", k)
    return line.format(k=number(k), total=number(total))


def self_care_among_best(table: CauseTable, result: Result, limit: int = 6) -> tuple[np.ndarray, int]:
    """The causes rated self-care among the best-ranked matches (those with the most
    chosen symptoms, as close to the chosen terms as any), in ranked order: the usually
    harmless causes a worried reader should meet first, whatever the ranking puts above
    them. Returns at most `limit` positions and how many more there are."""
    if not len(result):
        return np.zeros(0, dtype=np.int64), 0
    best = result.symptom_hits == result.symptom_hits.max()
    if result.steps is not None:  # and as close to the chosen terms as any
        best &= result.steps == result.steps[best].min()
    best = result.positions[best]
    gentle = best[table.urgency_rank[best] == URGENCY_RANK["self-care"]]
    return gentle[:limit], max(0, len(gentle) - limit)


def page_window(total: int, page: int, size: int) -> tuple[slice, int]:
    """The rows of page `page` (1-based, clamped) of `total` rows shown `size` at a time,
    and how many pages there are."""
    pages = max(1, -(-total // size))
    page = min(max(page, 1), pages)
    return slice((page - 1) * size, min(page * size, total)), pages


def showing_line(window: slice, total: int) -> str:
    """`Showing 21 to 40 of 137.`"""
    # Translators: which causes of a list a page shows: {first} to {last} of {total}.
    return _("Showing {first} to {last} of {total}.").format(
        first=number(window.start + 1), last=number(window.stop), total=number(total)
    )
