"""What the core writes for a Spanish reader, whole: the handout and the visit summary of the
Spanish edition, with every part filled (a warning sign said yes to, notes, a "no", an
urgent cause, an emergency), carry no English sentence of the interface."""

from __future__ import annotations

import datetime as dt

import pytest

from causes import Query, i18n, run_query
from causes.check import answer_of, signs_to_ask
from causes.config import BUNDLED_TABLE
from causes.export import handout_html
from causes.loader import load_cause_table
from causes.redflags import load_red_flags, with_safety_net
from causes.style import help_for
from causes.text import md_escape
from causes.translation import edition_path
from causes.visit import Notes, summary_html, summary_markdown, visit_summary
from tests.support.catalog import english_messages

ES = load_cause_table(edition_path(BUNDLED_TABLE, "es"))
FLAGS = with_safety_net(load_red_flags(BUNDLED_TABLE.parent / "es" / "red_flags.csv"), ())
DAY = dt.date(2026, 12, 6)
# Picks that bring every part: the leg's clot, an emergency among the first causes, a "no".
PICKS = [
    Query(symptoms=("calambres musculares",), areas=("pantorrillas",)),
    Query(symptoms=("hinchazón de piernas",), without=("debilidad muscular",)),
    Query(symptoms=("contracciones musculares en reposo",)),
    Query(text="estatina"),
]


def _english_in(text: str) -> list[str]:
    return [m for m in english_messages() if m in text]


@pytest.mark.parametrize("query", PICKS, ids=lambda q: q.describe() if hasattr(q, "describe") else str(q))
def test_the_handout_and_the_visit_summary_read_in_spanish(query: Query) -> None:
    with i18n.using("es"):
        result = run_query(ES, query)
        help = help_for("es-ES")
        signs = signs_to_ask(ES, result, FLAGS, query)
        yes = [answer_of(s) for s in signs if s.level in ("emergency", "urgent")][:2]
        handout = handout_html(ES, result.positions, query, FLAGS, DAY, help=help)
        notes = Notes(since="marzo", how_often="cada noche", better_worse="el frío", medicines="una estatina")
        summary = visit_summary(ES, query, result, yes, notes, help, DAY)
        page, md = summary_html(summary), summary_markdown(summary, md_escape)
    assert '<html lang="es"' in handout and '<html lang="es"' in page
    assert "112" in handout + page
    for text in (handout, page, md.replace("\\", "")):
        assert _english_in(text) == []
