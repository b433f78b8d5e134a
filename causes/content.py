"""The files that travel with a cause table: a glossary and the claims checked.

Both are optional and sit beside the table (`glossary.csv`, `claims.csv`); a table
without them works, with no definitions and no claims shown. They are read leniently:
a row that cannot be used is skipped, never an error, since the table itself is what
the app is about.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from causes.i18n import _, ngettext, number
from causes.schema import COLUMN_NAMES, LIST_SEPARATOR
from causes.style import commonness_count
from causes.table import CauseTable
from causes.text import safe_url
from causes.vocabulary import Declared, Link

GLOSSARY_FILE = "glossary.csv"
CLAIMS_FILE = "claims.csv"
RED_FLAGS_FILE = "red_flags.csv"
# Which column of the cause table each glossary kind describes.
GLOSSARY_KINDS: dict[str, str] = {"symptom": "symptoms", "body area": "body_areas", "risk factor": "risk_factors"}
# A word the advice uses that a person might not know (GP, A&E, 999): tied to no column.
WORD_KIND = "word"
VERDICTS: tuple[str, ...] = ("supported", "partly supported", "weak", "not supported", "wrong")


def read_rows(path: Path) -> list[dict[str, str]]:
    """The rows of an optional CSV file beside a table, keys trimmed and lower-cased, cells
    trimmed; a missing or unreadable file gives no rows."""
    return [row for _, row in numbered_rows(path)]


def numbered_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """`read_rows`, each with its row number as a spreadsheet counts it (the header is row
    1; blank rows are counted, then skipped)."""
    try:
        records = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    except (OSError, UnicodeDecodeError, csv.Error):
        return []
    if not records:
        return []
    keys = [k.strip().casefold() for k in records[0]]
    # Cells past the header are ignored; missing cells read as blank.
    return [
        (number, {k: (cells[i] if i < len(cells) else "").strip() for i, k in enumerate(keys)})
        for number, cells in enumerate(records[1:], start=2)
        if any(c.strip() for c in cells)
    ]


@dataclass(frozen=True)
class Term:
    term: str
    kind: str
    definition: str
    broader: str = ""  # the broader term it is a kind or a part of (`causes.vocabulary`)
    row: int = 0  # its row in the file, as a spreadsheet counts it


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...] = ()  # the terms with a definition, alphabetically
    named: tuple[Term, ...] = ()  # every row that names a term, in the file's order
    file: str = GLOSSARY_FILE

    @classmethod
    def load(cls, path: Path) -> Glossary:
        named = [
            Term(r.get("term", ""), r.get("kind", "").casefold(), r.get("definition", ""), r.get("broader", ""), row)
            for row, r in numbered_rows(path)
            if r.get("term")
        ]
        defined = sorted((t for t in named if t.definition), key=lambda t: t.term.casefold())
        return cls(tuple(defined), tuple(named), path.name)

    def declared(self) -> dict[str, Declared]:
        """Per column of a cause table, the terms this glossary defines for it and the
        broader terms it names (`causes.vocabulary`)."""
        return {
            column: Declared(
                column,
                tuple(t.term for t in self.named if t.kind == kind),
                tuple(Link(t.row, t.term, t.broader) for t in self.named if t.kind == kind and t.broader),
                self.file,
            )
            for kind, column in GLOSSARY_KINDS.items()
        }

    def define(self, term: str) -> str | None:
        key = term.strip().casefold()
        for t in self.terms:
            if t.term.casefold() == key:
                return t.definition
        return None

    def missing(self, table: CauseTable) -> dict[str, list[str]]:
        """Terms the table uses that the glossary does not define, per column."""
        defined = {(t.kind, t.term.casefold()) for t in self.terms}
        return {
            column: [term for term in table.facets[column].terms if (kind, term.casefold()) not in defined]
            for kind, column in GLOSSARY_KINDS.items()
        }


@dataclass(frozen=True)
class Claim:
    """A claim of the article this topic started from, and what the sources say."""

    claim: str
    verdict: str
    note: str
    cause: str
    source_name: str
    source_url: str | None


def load_claims(path: Path) -> tuple[Claim, ...]:
    claims = []
    for r in read_rows(path):
        verdict = r.get("verdict", "").casefold()
        if not r.get("claim") or verdict not in VERDICTS:
            continue
        claims.append(
            Claim(
                claim=r["claim"],
                verdict=verdict,
                note=r.get("note", ""),
                cause=r.get("cause", ""),
                source_name=r.get("source_name", ""),
                source_url=safe_url(r.get("source_url", "")),
            )
        )
    return tuple(claims)


@dataclass(frozen=True)
class SourceCount:
    publisher: str
    causes: int
    pages: int


def source_counts(table: CauseTable) -> list[SourceCount]:
    """Each publisher with how many causes cite it and how many of its pages are cited,
    most-cited first; causes with no source are counted under "No source given" (in this
    run's language)."""
    # Translators: in the list of publishers, the causes that cite none.
    names = table.frame["source_name"].where(table.frame["source_name"] != "", _("No source given"))
    causes = Counter(names)
    pages: dict[str, set[str]] = {}
    for name, url in zip(names, table.frame["source_url"], strict=True):
        if url:
            pages.setdefault(name, set()).add(url)
    return sorted(
        (SourceCount(n, c, len(pages.get(n, ()))) for n, c in causes.items()),
        key=lambda s: (-s.causes, s.publisher.casefold()),
    )


def how_common_line(table: CauseTable) -> str:
    """How common the causes are and the tests a doctor may do, with the pages that say
    so, in a sentence ("" when the table says neither)."""
    frame = table.frame
    parts = []
    if table.says_commonness:
        counts = Counter(v or "not known" for v in frame["commonness"])
        said = ", ".join(
            commonness_count(k, counts[k]) for k in ("common", "less common", "rare", "not known") if counts[k]
        )
        pages = len({u for u in frame["commonness_source"] if u})
        # Translators: a clause (lower case after a ";" is fine: the line's first letter is made
        # upper case). {said} is "12 common, 3 rare"; {pages} is "4 pages".
        clause = _("how common each cause is among people with these symptoms: {said}, from {pages}")
        parts.append(clause.format(said=said, pages=_pages(pages)))
    with_tests = int(sum(1 for t in frame["tests"] if t))
    if with_tests:
        pages = len({u for u in frame["tests_source"] if u})
        # Translators: a count of causes ("12 causes").
        causes = ngettext("{n} cause", "{n} causes", with_tests).format(n=number(with_tests))
        # Translators: a clause. {causes} is "12 causes"; {pages} is "4 pages".
        clause = _("the tests a doctor may do are listed for {causes}, from {pages}")
        parts.append(clause.format(causes=causes, pages=_pages(pages)))
    if not parts:
        return ""
    line = "; ".join(parts) + "."
    return line[0].upper() + line[1:]


def _pages(n: int) -> str:
    """`1 page`, `4 pages` (web pages cited)."""
    # Translators: web pages cited as sources.
    return ngettext("{n} page", "{n} pages", n).format(n=number(n))


def review_dates(table: CauseTable) -> tuple[str | None, str | None, int]:
    """The oldest and newest review dates, and how many causes have none."""
    dates = sorted(d for d in table.frame["last_reviewed"] if d)
    missing = len(table) - len(dates)
    return (dates[0] if dates else None, dates[-1] if dates else None, missing)


def template_csv() -> str:
    """A cause table with every column and one example row, to start from: the columns'
    names and the codes (`self-care`, `not known`) as the format says them, the example's
    words in this run's language."""
    # Translators: the example row of the cause-table template a person downloads to start
    # from (cells of a spreadsheet). Keep them short and plain.
    example = {
        "cause": _("Example cause"),
        "category": _("Example category"),
        "symptoms": LIST_SEPARATOR.join([_("first symptom"), " " + _("second symptom")]),
        # Translators: an example body area in the cause-table template (the lower legs' backs).
        "body_areas": _("calves"),
        "risk_factors": "",
        "summary": _("One or two plain sentences on what it is and why it causes these symptoms."),
        "explanation": _("A longer explanation.\n\nA blank line starts a new paragraph."),
        "urgency": "self-care",
        "red_flags": _("A sign that means get help"),
        "self_care": _("Something that helps"),
        "source_name": _("Who published the source"),
        "source_url": "https://www.example.org/page",
        "last_reviewed": "2026-01-31",
        "commonness": "not known",
        "commonness_source": "",
        "tests": LIST_SEPARATOR.join([_("a blood test for something"), " " + _("a scan of something")]),
        "tests_source": "https://www.example.org/tests-page",
    }
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(COLUMN_NAMES), lineterminator="\n")
    writer.writeheader()
    writer.writerow(example)
    return buf.getvalue()


def claims_matching(claims: tuple[Claim, ...], text: str) -> list[Claim]:
    """The claims whose words include every word of a search, ignoring case."""
    words = text.casefold().split()
    if not words:
        return []
    return [c for c in claims if all(w in f"{c.claim} {c.note} {c.cause}".casefold() for w in words)]


def glossary_rows(glossary: Glossary, table: CauseTable, search: str = "") -> list[dict[str, object]]:
    """The glossary as rows for a table on the page, with how many causes use each term;
    with a search, only the terms whose word or definition holds every word of it."""
    words = search.casefold().split()
    rows = []
    for t in glossary.terms:
        if not all(w in f"{t.term} {t.definition}".casefold() for w in words):
            continue
        column = GLOSSARY_KINDS.get(t.kind)
        index = table.facets[column] if column else None
        term_id = index.id_of(t.term) if index is not None else None
        used = int(index.counts[term_id]) if index is not None and term_id is not None else 0
        rows.append({"term": t.term, "kind": t.kind, "definition": t.definition, "causes": used})
    return rows


def citation(table: CauseTable, topic: str, year: str) -> str:
    """How to cite Cause Atlas and the table it shows."""
    oldest, newest, _missing = review_dates(table)
    n = len(table)
    # How to cite the app: "Cause Atlas" is the product's name (kept in every language).
    if oldest and oldest != newest:
        # Translators: how to cite the app ("Cause Atlas": keep it). {year} the year; {topic}
        # the table's topic; {name} the table's name; {n} its causes; {oldest} and {newest} review dates (2025-05-01).
        line = ngettext("Cause Atlas ({year}). {topic}. Cause table {name}, {n} cause,"
                        " causes reviewed {oldest} to {newest}.",
                        "Cause Atlas ({year}). {topic}. Cause table {name}, {n} causes,"
                        " causes reviewed {oldest} to {newest}.", n)  # fmt: skip
    elif oldest:
        # Translators: how to cite the app ("Cause Atlas": keep it). {year} the year; {topic}
        # the table's topic; {name} the table's name; {n} its causes; {oldest} a review date (2025-05-01).
        line = ngettext("Cause Atlas ({year}). {topic}. Cause table {name}, {n} cause, causes reviewed {oldest}.",
                        "Cause Atlas ({year}). {topic}. Cause table {name}, {n} causes, causes reviewed {oldest}.",
                        n)  # fmt: skip
    else:
        # Translators: how to cite the app ("Cause Atlas": keep it). {year} the year; {topic}
        # the table's topic; {name} the table's name; {n} its causes.
        line = ngettext("Cause Atlas ({year}). {topic}. Cause table {name}, {n} cause.",
                        "Cause Atlas ({year}). {topic}. Cause table {name}, {n} causes.", n)  # fmt: skip
    cited = line.format(year=year, topic=topic, name=table.name, n=number(n), oldest=oldest, newest=newest)
    return cited + " " + _("Sources cited per cause.")
