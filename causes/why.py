"""Why a cause is listed, in one line: what it matches of what was chosen, what it does
not, and any finding said no to that counts against it (issue 27).

    why_listed(table, position, query)
    -> "Has cramps at night, in the calves; not twitching at rest; you said no to muscle
       weakness, which it lists."

Plain text (the terms are the table's): escape it for markdown or HTML.
"""

from __future__ import annotations

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
        has.append("has " + joined(symptoms, "and"))
    areas = matching_terms(table, "body_areas", record["body_areas"], query.areas)
    if areas:
        has.append("in the " + joined(areas, "and"))
    risks = matching_terms(table, "risk_factors", record["risk_factors"], query.risks)
    if risks:
        has.append("linked to " + joined(risks, "and"))
    parts: list[str] = []
    if has:
        parts.append(", ".join(has))
    if query.text.strip():
        parts.append(f'mentions "{query.text.strip()}"')
    missing = _missing_symptoms(table, position, query)
    if missing:
        parts.append("not " + joined(missing, "or"))
    against = counted_against(table, position, query)
    if against:
        parts.append(f"you said no to {joined(against, 'and')}, which it lists")
    if not parts:
        return ""
    line = "; ".join(parts)
    return line[0].upper() + line[1:] + "."


def _missing_symptoms(table: CauseTable, position: int, query: Query) -> list[str]:
    """The chosen symptoms this cause does not have, even through a broader or narrower one."""
    record = table.record(position)
    return [s for s in query.symptoms if not matching_terms(table, "symptoms", record["symptoms"], [s])]
