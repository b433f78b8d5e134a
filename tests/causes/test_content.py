"""The files beside a cause table (glossary, claims) and the About page's figures."""

from __future__ import annotations

import csv

import pytest

from causes.content import (
    Claim,
    Glossary,
    Term,
    citation,
    claims_matching,
    glossary_rows,
    load_claims,
    review_dates,
    source_counts,
    template_csv,
)
from causes.loader import load_cause_table
from causes.style import verdict_style
from causes.text import badge_escape
from tests.causes.tables import table_from_rows

HEADER = ["cause", "category", "symptoms", "body_areas", "summary", "source_name", "source_url", "last_reviewed"]
ROWS = [
    ["A", "X", "cramps; twitching", "calves", "s", "NHS", "https://www.nhs.uk/a", "2026-01-02"],
    ["B", "X", "cramps", "calves; feet", "s", "NHS", "https://www.nhs.uk/b", "2025-05-01"],
    ["C", "Y", "twitching", "feet", "s", "NHS", "https://www.nhs.uk/a", ""],
    ["D", "Y", "cramps", "feet", "s", "", "", "2026-03-04"],
]


@pytest.fixture(scope="module")
def table():
    return table_from_rows(HEADER, ROWS)


def write(tmp_path, name: str, rows: list[list[str]]):
    path = tmp_path / name
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    return path


def test_glossary_reads_terms_and_finds_the_ones_missing(tmp_path, table):
    path = write(
        tmp_path,
        "glossary.csv",
        [
            ["Term", " KIND ", "definition"],
            ["Cramps", "symptom", "A tight, painful muscle."],
            ["calves", "body area", "The backs of the lower legs."],
            ["feet", "symptom", "Filed under the wrong kind."],
            ["", "symptom", "No term: skipped."],
            ["twitching", "symptom", ""],  # no definition: skipped
        ],
    )
    g = Glossary.load(path)
    assert [t.term for t in g.terms] == ["calves", "Cramps", "feet"]
    assert g.define(" cramps ") == "A tight, painful muscle."
    assert g.define("twitching") is None
    assert g.missing(table) == {"symptoms": ["twitching"], "body_areas": ["feet"], "risk_factors": []}


def test_a_missing_or_unreadable_glossary_is_empty(tmp_path):
    assert Glossary.load(tmp_path / "nope.csv").terms == ()
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\xff\xfe\x00binary")
    assert Glossary.load(bad).terms == ()


def test_glossary_rows_count_causes_and_filter_by_search(table):
    g = Glossary(
        (
            Term("calves", "body area", "Backs of the lower legs."),
            Term("cramps", "symptom", "A tight muscle."),
            Term("smoking", "risk factor", "Using tobacco."),
        )
    )
    rows = glossary_rows(g, table)
    assert [(r["term"], r["causes"]) for r in rows] == [("calves", 2), ("cramps", 3), ("smoking", 0)]
    assert [r["term"] for r in glossary_rows(g, table, "LOWER legs")] == ["calves"]
    assert glossary_rows(g, table, "nothing like this") == []


def test_claims_keep_valid_rows_and_only_web_links(tmp_path):
    path = write(
        tmp_path,
        "claims.csv",
        [
            ["claim", "verdict", "note", "cause", "source_name", "source_url"],
            ["Water helps", "Partly supported", "For some cramps.", "A", "NHS", "https://www.nhs.uk/x"],
            ["Bad link", "wrong", "n", "", "X", "javascript:alert(1)"],
            ["Unknown verdict", "maybe", "n", "", "", ""],
            ["", "supported", "no claim text", "", "", ""],
        ],
    )
    claims = load_claims(path)
    assert [(c.claim, c.verdict, c.source_url) for c in claims] == [
        ("Water helps", "partly supported", "https://www.nhs.uk/x"),
        ("Bad link", "wrong", None),
    ]


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("blood thinner", ["Anticoagulants"]),
        ("THINNERS never", ["Anticoagulants"]),
        ("caffeine", ["Caffeine helps"]),
        ("", []),
        ("unrelated words", []),
    ],
)
def test_claims_matching(search, expected):
    claims = (
        Claim("Anticoagulants", "not supported", "No source lists blood thinners. Never stop one.", "", "", None),
        Claim("Caffeine helps", "wrong", "It can cause twitching.", "Caffeine", "", None),
    )
    assert [c.claim for c in claims_matching(claims, search)] == expected


def test_source_counts_and_review_dates(table):
    counts = source_counts(table)
    assert [(s.publisher, s.causes, s.pages) for s in counts] == [("NHS", 3, 2), ("No source given", 1, 0)]
    assert review_dates(table) == ("2025-05-01", "2026-03-04", 1)


def test_citation_names_the_table_its_size_and_review_span(table):
    text = citation(table, "Topic", "2026")
    assert text.startswith("Cause Atlas (2026). Topic. Cause table uploaded table, 4 causes")
    assert "reviewed 2025-05-01 to 2026-03-04" in text


# Spanish groups thousands from five digits on (CLDR): 1200, 12.000.
@pytest.mark.parametrize(("lang", "size"), [("en", "1,200 causes"), ("es", "1200 causas")])
def test_citation_writes_a_large_table_s_size_as_its_language_does(lang, size):
    from causes import i18n

    rows = [[f"Cause {i}", "Other", "twitching", "calves", "A cause.", "self-care"] for i in range(1200)]
    big = table_from_rows(["cause", "category", "symptoms", "body_areas", "summary", "urgency"], rows)
    with i18n.using(lang):
        assert size in citation(big, "Topic", "2026")


def test_the_template_is_a_valid_cause_table_with_every_column():
    t = load_cause_table(template_csv().encode())
    assert len(t) == 1
    assert t.record(0)["symptoms"] == ("first symptom", "second symptom")
    assert t.extra_columns == ()


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [("en", 1, "1 category"), ("en", 0, "0 categories"), ("en", 2, "2 categories"), ("es", 1, "1 categoría"),
     ("es", 0, "0 categorías"), ("es", 12000, "12.000 categorías")],
)  # fmt: skip
def test_plurals_follow_the_catalogs_rule(lang, n, expected):
    from causes.i18n import ngettext, number, using

    with using(lang):
        assert ngettext("{n} category", "{n} categories", n).format(n=number(n)) == expected


def test_verdict_styles_cover_every_verdict_and_fall_back():
    from causes.content import VERDICTS

    assert all(verdict_style(v).label != v for v in VERDICTS)
    assert verdict_style("odd").badge == "gray"


def test_badge_escape_leaves_brackets_to_st_badge_but_escapes_the_rest():
    assert badge_escape("![x](http://e.com) :red[L] $x$") == r"\![x]\(http\://e\.com\) \:red[L] \$x\$"


@pytest.mark.parametrize(
    ("rows", "said"),
    [
        ([], ""),
        (
            [
                ["rare", "https://a.org/1", "a scan", "https://a.org/t"],
                ["", "", "", ""],
                ["common", "https://a.org/1", "", ""],
            ],
            "How common each cause is among people with these symptoms: 1 common, 1 rare, 1 not known, from 1 page; "
            "the tests a doctor may do are listed for 1 cause, from 1 page.",
        ),
    ],
    ids=["says neither", "says both"],
)
def test_how_common_line(rows, said):
    from causes.content import how_common_line
    from tests.causes.tables import table_from_rows

    base = ["cause", "category", "symptoms", "body_areas", "summary"]
    extra = ["commonness", "commonness_source", "tests", "tests_source"]
    if not rows:
        table = table_from_rows(base, [["A", "B", "c", "d", "E."]])
    else:
        table = table_from_rows(base + extra, [[f"C{i}", "B", "c", "d", "E.", *r] for i, r in enumerate(rows)])
    assert how_common_line(table) == said
