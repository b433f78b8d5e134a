"""Keep the bundled content honest: every rule a careful reviewer would check by hand."""

from __future__ import annotations

import datetime as dt
import re
import statistics
from urllib.parse import urlsplit

import pytest
import textstat

from causes import load_cause_table
from causes.config import BUNDLED_TABLE
from causes.content import CLAIMS_FILE, GLOSSARY_FILE, GLOSSARY_KINDS, RED_FLAGS_FILE, Glossary, load_claims
from causes.redflags import load_red_flags
from causes.schema import COLUMN_NAMES, LIST_COLUMNS

DATA = BUNDLED_TABLE.parent
TABLE = load_cause_table(BUNDLED_TABLE)
RECORDS = [TABLE.record(i) for i in range(len(TABLE))]
GLOSSARY = Glossary.load(DATA / GLOSSARY_FILE)
CLAIMS = load_claims(DATA / CLAIMS_FILE)
RED_FLAGS = load_red_flags(DATA / RED_FLAGS_FILE)

CATEGORIES = {
    "Lifestyle & activity",
    "Nutrition & electrolytes",
    "Medications & substances",
    "Nervous system",
    "Muscle disease",
    "Systemic & metabolic disease",
    "Treatment-related",
    "Benign / no clear cause",
    "Look-alike (not a cause)",
}
# Authoritative publishers (the fact brief's list); a host matches itself or a subdomain.
PUBLISHERS = (
    "medlineplus.gov",
    "nhs.uk",
    "nidirect.gov.uk",
    "nih.gov",
    "cdc.gov",
    "fda.gov",
    "mayoclinic.org",
    "my.clevelandclinic.org",
    "msdmanuals.com",
    "aafp.org",
    "hse.ie",
    "cancer.net",
    "als.org",
    "mssociety.org.uk",
)
# The causes the source article names, each with words that find its claim in claims.csv.
ARTICLE_CAUSES = {
    "overexertion": "overexertion",
    "night cramps at rest": "at night",
    "poor circulation": "circulation",
    "neurological weakness / ALS": "als",
    "low potassium and sodium": "potassium",
    "liver cirrhosis": "cirrhosis",
    "sarcoidosis": "sarcoidosis",
    "poisoning (lead or mercury)": "poisoning",
    "dialysis": "dialysis",
    "chemotherapy": "chemotherapy",
    "nicotine": "nicotine",
    "alcohol": "alcohol",
    "steroids": "steroids",
    "anticoagulants": "anticoagulants",
    "diuretics": "diuretics",
    "nicotinic acid": "nicotinic acid",
    "penicillamine": "penicillamine",
    "fibromyalgia": "fibromyalgia",
    "muscular dystrophy": "muscular dystrophy",
}


def on_allowlist(url: str) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return parts.scheme == "https" and any(host == p or host.endswith("." + p) for p in PUBLISHERS)


def grade(text: str) -> float:
    return textstat.flesch_kincaid_grade(text)


def names(record) -> list[str]:
    """A cause's name and its alias in parentheses, normalised for comparison."""
    raw = record["cause"]
    parts = [re.sub(r"\(.*?\)", "", raw), *re.findall(r"\((.*?)\)", raw)]
    out = []
    for p in parts:
        words = re.sub(r"[^a-z0-9 ]", " ", p.casefold()).split()
        words = [w for w in words if w not in {"the", "a", "an", "and", "or", "of", "with", "no", "clear", "cause"}]
        if words:
            out.append(" ".join(sorted(words)))
    return out


def test_the_table_has_35_to_45_causes_without_warnings():
    assert 35 <= len(TABLE) <= 45
    assert TABLE.warnings == ()


@pytest.mark.parametrize("record", RECORDS, ids=[r["cause"] for r in RECORDS])
def test_every_column_is_filled(record):
    blank = [c for c in COLUMN_NAMES if (not record[c]) if c not in LIST_COLUMNS or not record[c]]
    assert blank == [], f"{record['cause']}: blank {blank}"
    assert record["evidence"] in {"established", "weak"}


def test_categories_are_one_small_fixed_set():
    used = set(TABLE.categories)
    assert used <= CATEGORIES, used - CATEGORIES
    assert len(used) >= 8


@pytest.mark.parametrize(("kind", "column"), list(GLOSSARY_KINDS.items()))
def test_every_term_is_in_the_glossary_under_its_kind(kind, column):
    missing = GLOSSARY.missing(TABLE)[column]
    assert missing == [], f"{column} without a glossary entry ({kind}): {missing}"


def test_glossary_definitions_are_plain_single_sentences():
    for t in GLOSSARY.terms:
        assert t.kind in GLOSSARY_KINDS, t
        assert t.definition.endswith("."), t
        assert grade(t.definition) <= 9, (t.term, grade(t.definition))


def test_a_term_is_spelled_one_way_everywhere():
    # The loader keeps one spelling per term (ignoring case); also no near-twins such as
    # "calf" and "calves", "cramp" and "cramps".
    for column in ("symptoms", "body_areas", "risk_factors"):
        stems = {}
        for term in TABLE.facets[column].terms:
            stem = re.sub(r"(es|s)\b", "", term.casefold())
            assert stem not in stems, f"{column}: {term!r} and {stems[stem]!r}"
            stems[stem] = term


@pytest.mark.parametrize("record", RECORDS, ids=[r["cause"] for r in RECORDS])
def test_source_is_an_official_https_page(record):
    assert on_allowlist(record["source_url"]), record["source_url"]


def test_red_flags_and_claims_cite_official_pages():
    for flag in RED_FLAGS:
        assert flag.source_url and on_allowlist(flag.source_url), flag
    for claim in CLAIMS:
        assert claim.source_url, f"claim without a source: {claim.claim}"
        assert on_allowlist(claim.source_url), claim


@pytest.mark.parametrize("record", RECORDS, ids=[r["cause"] for r in RECORDS])
def test_summary_reads_at_grade_8_or_below(record):
    assert grade(record["summary"]) <= 8, (record["summary"], grade(record["summary"]))


def test_median_summary_reads_at_grade_7_or_below():
    assert statistics.median(grade(r["summary"]) for r in RECORDS) <= 7


@pytest.mark.parametrize(("article_cause", "words"), list(ARTICLE_CAUSES.items()))
def test_every_article_cause_is_present_or_answered(article_cause, words):
    claims = [c for c in CLAIMS if words in c.claim.casefold()]
    assert claims, f"no claim answers the article's {article_cause!r}"
    for claim in claims:
        if claim.cause:
            assert TABLE.position_of(claim.cause) is not None, f"{claim.cause!r} is not a cause in the table"
        else:
            assert claim.verdict in {"not supported", "wrong"}, claim
            assert claim.source_url, claim


def test_every_claim_names_a_real_cause_or_none():
    for claim in CLAIMS:
        assert not claim.cause or TABLE.position_of(claim.cause) is not None, claim.cause


def test_no_cause_is_listed_twice_under_two_names():
    seen: dict[str, str] = {}
    for record in RECORDS:
        for name in names(record):
            assert name not in seen, f"{record['cause']!r} and {seen[name]!r}"
            seen[name] = record["cause"]


@pytest.mark.parametrize("record", RECORDS, ids=[r["cause"] for r in RECORDS])
def test_causes_that_need_a_doctor_name_their_red_flags(record):
    if record["urgency"] in {"see a doctor", "urgent"}:
        assert record["red_flags"], record["cause"]


def test_review_dates_are_real_and_not_in_the_future():
    for record in RECORDS:
        assert dt.date.fromisoformat(record["last_reviewed"]) <= dt.date.today()


def test_the_als_row_never_implies_a_twitch_means_als():
    (als,) = [r for r in RECORDS if "als" in names(r)]
    text = f"{als['summary']} {als['explanation']}".casefold()
    assert "weakness" in text and "rarely" in text


def test_benign_causes_say_they_are_harmless():
    benign = [r for r in RECORDS if r["category"] == "Benign / no clear cause"]
    assert benign
    for r in benign:
        assert r["urgency"] == "self-care", r["cause"]
        assert re.search(r"harmless|not (a sign of )?(anything )?serious|common", r["summary"], re.I), r["cause"]
