"""Broader and narrower terms: a term may name its broader term (calves are part of the
whole leg, the whole leg part of the whole body; cramps at night are a kind of muscle
cramps), declared once beside the term's meaning, in the glossary's `broader` column.

Matching follows the relation both ways: a cause *reaches* a term when it is filed under
the term, under a broader one (a cause felt in the whole leg is felt in the calves) or
under a narrower one (a cause felt in the calves is felt in the leg). Terms that share a
broader term do not reach each other: the calves do not reach the thighs.

This module checks what a glossary declares (`links_of`): a broader term that neither
the table nor its glossary has, a second broader term for one term, and loops are each
reported in a sentence naming the glossary's row, and left out. The index that answers
"which rows reach this term" is `causes.table.Reach`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from causes.i18n import _


@dataclass(frozen=True)
class Link:
    """One declared link: `term` is a kind or a part of `broader`. `row` is the row of the
    file that declares it, as a spreadsheet counts it (the header is row 1)."""

    row: int
    term: str
    broader: str


@dataclass(frozen=True)
class Declared:
    """What a glossary declares for one column of a table: the terms it defines (any
    spelling), and the links between them."""

    column: str
    terms: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    file: str = "glossary.csv"


@dataclass(frozen=True)
class Links:
    """The links of one column that can be used."""

    parent: dict[str, str]  # a term -> its broader term, both case-folded
    problems: tuple[str, ...]  # a plain sentence for each link left out
    extra: tuple[str, ...]  # terms the links name that the table does not use (glossary spelling)


def links_of(declared: Declared, table_terms: Iterable[str]) -> Links:
    """The links of one column that can be used, with a sentence for each that cannot, and
    the terms they name that the table does not use (a broader term may be one the glossary
    defines and no cause is filed under: choosing it finds its narrower terms' causes)."""
    in_table = {t.casefold() for t in table_terms}
    spelling = {t.strip().casefold(): t.strip() for t in declared.terms if t.strip()}
    parent, problems = _checked(declared.links, in_table | set(spelling), declared.column, declared.file)
    linked = dict.fromkeys([*parent, *parent.values()])
    extra = tuple(spelling[t] for t in linked if t not in in_table)
    return Links(parent, tuple(problems), extra)


def _unknown_broader(column: str, where: str, broader: str, term: str) -> str:
    """The sentence for a broader term that neither the table nor its glossary has."""
    # In each: {where} is "glossary.csv row 4, broader" (a file, its row and column: kept as
    # it is); {broader} and {term} are terms of the glossary.
    if column == "symptoms":
        # Translators: {where} is "glossary.csv row 4, broader" (keep it); {broader} and {term} are terms.
        said = _('{where}: "{broader}" is not a symptom of the table or its glossary,'
                 ' so "{term}" is matched on its own.')  # fmt: skip
    elif column == "body_areas":
        # Translators: {where} is "glossary.csv row 4, broader" (keep it); {broader} and {term} are terms.
        said = _('{where}: "{broader}" is not a body area of the table or its glossary,'
                 ' so "{term}" is matched on its own.')  # fmt: skip
    elif column == "risk_factors":
        # Translators: {where} is "glossary.csv row 4, broader" (keep it); {broader} and {term} are terms.
        said = _('{where}: "{broader}" is not a risk factor of the table or its glossary,'
                 ' so "{term}" is matched on its own.')  # fmt: skip
    else:
        # Translators: {where} is "glossary.csv row 4, broader" (keep it); {broader} and {term} are terms.
        said = _('{where}: "{broader}" is not a term of the table or its glossary,'
                 ' so "{term}" is matched on its own.')  # fmt: skip
    return said.format(where=where, broader=broader, term=term)


def _checked(links: Sequence[Link], known: set[str], column: str, file: str) -> tuple[dict[str, str], list[str]]:
    parent: dict[str, str] = {}
    declared_by: dict[str, Link] = {}
    problems: list[str] = []
    for link in links:
        term, broader = link.term.strip().casefold(), link.broader.strip().casefold()
        if not term or not broader:
            continue
        # Translators: where in a file: {file} is its name ("glossary.csv"), {row} a row as a
        # spreadsheet numbers it; "broader" is the column's name (keep it as it is).
        where = _("{file} row {row}, broader").format(file=file, row=link.row)
        if broader not in known:
            problems.append(_unknown_broader(column, where, link.broader.strip(), link.term.strip()))
        elif term in parent:
            first = declared_by[term]
            # Translators: {where} is "glossary.csv row 5, broader"; {term} and {broader} are
            # terms; {row} the row that gave {term} its broader term first.
            said = _('{where}: "{term}" already has the broader term "{broader}" (row {row});'
                     " a term has one broader term, so this one is left out.")  # fmt: skip
            problems.append(
                said.format(where=where, term=link.term.strip(), broader=first.broader.strip(), row=first.row)
            )
        else:
            parent[term], declared_by[term] = broader, link
    for loop in _loops(parent):
        rows = ", ".join(str(r) for r in sorted(declared_by[t].row for t in loop))
        path = " → ".join(f'"{declared_by[t].term.strip()}"' for t in [*loop, loop[0]])
        if len(loop) > 1:
            # Translators: {file} is "glossary.csv"; {rows} its rows ("2, 3"); "broader" the
            # column's name (keep it); {path} the loop ("calves" → "thighs" → "calves").
            said = _("{file} rows {rows}, broader: the broader terms go round in a loop ({path}),"
                     " so these terms are matched on their own.")  # fmt: skip
            problems.append(said.format(file=file, rows=rows, path=path))
        else:
            # Translators: {file} is "glossary.csv"; {row} a row; "broader" the column's name (keep it).
            said = _('{file} row {row}, broader: "{term}" names itself as its broader term,'
                     " so it is matched on its own.")  # fmt: skip
            problems.append(said.format(file=file, row=rows, term=declared_by[loop[0]].term.strip()))
        for t in loop:
            del parent[t]
    return parent, problems


def _loops(parent: Mapping[str, str]) -> list[list[str]]:
    """Each loop of the links once, in the order the links go, from the first of its terms
    met in the declared order."""
    state: dict[str, int] = {}  # 1: on the path being followed, 2: done
    loops: list[list[str]] = []
    for start in parent:
        path: list[str] = []
        t: str | None = start
        while t is not None and state.get(t, 0) == 0:
            state[t] = 1
            path.append(t)
            t = parent.get(t)
        if t is not None and state.get(t) == 1:
            loops.append(path[path.index(t) :])
        for p in path:
            state[p] = 2
    return loops
