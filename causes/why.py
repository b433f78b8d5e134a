"""Why a cause is listed, in one line: what it matches of what was chosen, what it does
not, and any finding said no to that counts against it (issue 27).

    why_listed(table, position, query)
    -> "Has cramps at night, in the calves; not twitching at rest; you said no to muscle
       weakness, which it lists."

Plain text (the terms are the table's): escape it for markdown or HTML. In this run's
language: each clause is a message, the clauses joined by "; ".
"""

from __future__ import annotations

from causes.i18n import _
from causes.query import Query, listing, matching_terms
from causes.table import CauseTable
from causes.text import joined


def counted_against(table: CauseTable, position: int, query: Query) -> list[str]:
    """The findings said no to (`query.without`) that this cause lists, or a narrower one."""
    return [term for term in query.without if listing(table, term)[position]]


def why_listed(table: CauseTable, position: int, query: Query) -> str:
    """One line on why the cause at `position` is in the list `query` gives ("" for a view
    with nothing chosen)."""
    if query.is_empty:
        return ""
    record = table.record(position)
    has: list[str] = []
    symptoms = matching_terms(table, "symptoms", record["symptoms"], query.symptoms)
    if symptoms:
        # Translators: why a cause is listed (a clause, lower case): {symptoms} are the chosen symptoms it has.
        has.append(_("has {symptoms}").format(symptoms=joined(symptoms, "and")))
    areas = matching_terms(table, "body_areas", record["body_areas"], query.areas)
    if areas:
        # Translators: why a cause is listed (a clause): {areas} are body areas ("calves and thighs").
        has.append(_("in the {areas}").format(areas=joined(areas, "and")))
    risks = matching_terms(table, "risk_factors", record["risk_factors"], query.risks)
    if risks:
        # Translators: why a cause is listed (a clause): {risks} are risk factors ("taking statins").
        has.append(_("linked to {risks}").format(risks=joined(risks, "and")))
    parts: list[str] = []
    if has:
        parts.append(", ".join(has))
    if query.text.strip():
        # Translators: why a cause is listed (a clause): {text} is the words searched for.
        parts.append(_('mentions "{text}"').format(text=query.text.strip()))
    missing = _missing_symptoms(table, position, query)
    if missing:
        # Translators: why a cause is listed (a clause): the chosen symptoms it does not have.
        parts.append(_("not {symptoms}").format(symptoms=joined(missing, "or")))
    against = counted_against(table, position, query)
    if against:
        # Translators: why a cause is listed (a clause): {terms} are findings the person said
        # they do not have, which the cause lists.
        parts.append(_("you said no to {terms}, which it lists").format(terms=joined(against, "and")))
    if not parts:
        return ""
    line = "; ".join(parts)
    return line[0].upper() + line[1:] + "."


def _missing_symptoms(table: CauseTable, position: int, query: Query) -> list[str]:
    """The chosen symptoms this cause does not have, even through a broader or narrower one."""
    record = table.record(position)
    return [s for s in query.symptoms if not matching_terms(table, "symptoms", record["symptoms"], [s])]
