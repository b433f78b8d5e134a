"""The Spanish edition of the bundled content (data/es/) against the English: every cause,
sign, level, area and broader term of one has its counterpart in the other; no sign is
graded differently; no row is missing or left in English; the sources are the same
publishers'; the Spanish reads as plainly as the English."""

from __future__ import annotations

import statistics
from urllib.parse import urlsplit

import pytest
import textstat

from causes.check import asked_first, signs_to_ask
from causes.config import BUNDLED_TABLE
from causes.content import CLAIMS_FILE, GLOSSARY_FILE, GLOSSARY_KINDS, RED_FLAGS_FILE, Glossary, load_claims
from causes.loader import load_cause_table
from causes.query import Query, run_query
from causes.redflags import cause_flags, load_red_flags, with_safety_net
from causes.translation import Edition, edition_path, pair, ranked_as
from tests.support.bundled import bundled_table

EN = bundled_table()
ES_PATH = edition_path(BUNDLED_TABLE, "es")
assert ES_PATH is not None, "data/es/causes.csv is missing"
ES = load_cause_table(ES_PATH)
EN_DIR, ES_DIR = BUNDLED_TABLE.parent, ES_PATH.parent
FLAGS = {lang: load_red_flags(d / RED_FLAGS_FILE) for lang, d in (("en", EN_DIR), ("es", ES_DIR))}
PAIRING = pair(EN, ES, FLAGS["en"], FLAGS["es"])
ROWS = range(len(EN))
# Columns that are codes, dates or names of publishers: the same in every edition.
SAME = ("urgency", "commonness", "last_reviewed", "evidence", "source_name")
# The Spanish editions of a publisher's pages live on its own other hosts.
SAME_PUBLISHER = {"msdmanuals.com": {"merckmanuals.com"}}


def test_the_spanish_edition_loads_as_cleanly_as_the_english() -> None:
    assert len(ES) == len(EN)
    assert len(ES.warnings) == len(EN.warnings), ES.warnings


def test_every_cause_term_sign_and_level_has_its_counterpart() -> None:
    assert PAIRING.problems == ()


@pytest.mark.parametrize("i", ROWS)
def test_each_row_keeps_its_codes_dates_and_publisher(i: int) -> None:
    en, es = EN.record(i), ES.record(i)
    assert {c: es[c] for c in SAME} == {c: en[c] for c in SAME}


@pytest.mark.parametrize("i", ROWS)
def test_no_sign_is_graded_differently(i: int) -> None:
    levels = [[f.urgency for f in cause_flags(t.record(i))] for t in (EN, ES)]
    assert levels[0] == levels[1]


@pytest.mark.parametrize("i", ROWS)
def test_no_row_is_left_in_english(i: int) -> None:
    en, es = EN.record(i), ES.record(i)
    for column in ("summary", "explanation", "self_care", "tests", "red_flags"):  # a name may be one word in both
        if en[column]:
            assert es[column] != en[column], (en["cause"], column)


@pytest.mark.parametrize("i", ROWS)
def test_sources_are_the_same_publishers_pages(i: int) -> None:
    en, es = EN.record(i), ES.record(i)
    for column in ("source_url", "commonness_source", "tests_source"):
        if not en[column]:
            assert not es[column]
            continue
        assert urlsplit(es[column]).scheme in ("http", "https")
        if es[column] != en[column]:
            publisher = _publisher(en[column])
            assert _publisher(es[column]) in {publisher} | SAME_PUBLISHER.get(publisher, set())


def _publisher(url: str) -> str:
    return ".".join((urlsplit(url).hostname or "").split(".")[-2:])


@pytest.mark.parametrize("i", ROWS)
def test_spanish_signs_and_tests_keep_the_formats_limits(i: int) -> None:
    es = ES.record(i)
    assert all(len(f.sign) <= 120 for f in cause_flags(es)), es["cause"]
    assert all("://" not in t for t in es["tests"])


def test_the_glossaries_pair_row_by_row() -> None:
    en, es = Glossary.load(EN_DIR / GLOSSARY_FILE), Glossary.load(ES_DIR / GLOSSARY_FILE)
    assert len(en.named) == len(es.named)
    for a, b in zip(en.named, es.named, strict=True):
        assert a.kind == b.kind, (a.term, b.term)
        assert bool(a.definition) == bool(b.definition) and b.definition != a.definition, a.term
        column = GLOSSARY_KINDS.get(a.kind)
        if column is not None:  # a symptom, body area or risk factor: the table's term
            assert PAIRING.term(column, a.term) == b.term, (a.term, b.term)
            if a.broader:
                assert PAIRING.term(column, a.broader) == b.broader, (a.term, a.broader, b.broader)


def test_the_claims_pair_row_by_row() -> None:
    en, es = load_claims(EN_DIR / CLAIMS_FILE), load_claims(ES_DIR / CLAIMS_FILE)
    assert len(en) == len(es)
    for a, b in zip(en, es, strict=True):
        assert (a.verdict, a.source_url or "") == (b.verdict, b.source_url or "") or _publisher(
            a.source_url or ""
        ) == _publisher(b.source_url or "")
        assert b.note != a.note
        if a.cause:
            assert PAIRING.term("cause", a.cause) == b.cause


def test_the_red_flag_files_pair_sign_by_sign() -> None:
    en, es = FLAGS["en"], FLAGS["es"]
    assert [(f.urgency, f.always, len(f.asked_for), bool(f.why), bool(f.contact)) for f in en] == [
        (f.urgency, f.always, len(f.asked_for), bool(f.why), bool(f.contact)) for f in es
    ]
    for a, b in zip(en, es, strict=True):
        assert b.sign != a.sign
        asked_for = {PAIRING.any_column(t, ("symptoms", "body_areas", "risk_factors")).casefold() for t in a.asked_for}
        assert asked_for == {t.casefold() for t in b.asked_for}, a.sign


def test_the_edition_says_when_it_was_translated_and_whether_a_clinician_reviewed_it() -> None:
    edition = Edition.load(ES_DIR)
    assert edition is not None and edition.translated_from == "en"
    assert edition.translated_on is not None


def _reading_ease(text: str) -> float:
    textstat.set_lang("es")
    try:
        return float(textstat.szigriszt_pazos(text))
    finally:
        textstat.set_lang("en_US")


def test_the_spanish_summaries_read_plainly() -> None:
    # Szigriszt-Pazos (the INFLESZ scale): 55 to 65 "normal", over 65 "fairly easy".
    ease = [_reading_ease(ES.record(i)["summary"]) for i in ROWS]
    assert statistics.median(ease) >= 60, statistics.median(ease)
    assert min(ease) >= 40, min(ease)


RANKED = ranked_as(ES, EN)
PICKS = [(s, a) for s in EN.facets["symptoms"].terms for a in ("", *EN.facets["body_areas"].terms)]


@pytest.mark.parametrize(("symptom", "area"), PICKS, ids=[f"{s}|{a}" for s, a in PICKS])
def test_every_pick_lists_the_same_causes_in_the_same_order_in_both_languages(symptom: str, area: str) -> None:
    # Every symptom, alone and with every body area: the order a deck's slides follow, so a
    # phone in Spanish shows the English projector's slide.
    english = Query(symptoms=(symptom,), areas=(area,) if area else ())
    names = [EN.record(int(i))["cause"] for i in run_query(EN, english).positions]
    spanish = [RANKED.record(int(i))["cause"] for i in run_query(RANKED, PAIRING.query(english)).positions]
    assert [PAIRING.term("cause", n) for n in names] == spanish


NETS = {lang: with_safety_net(FLAGS[lang], ()) for lang in ("en", "es")}
CHECK_PICKS = (
    [Query(symptoms=(s,), areas=(a,) if a else ()) for s, a in PICKS]
    + [Query(areas=(a,)) for a in EN.facets["body_areas"].terms]
    + [Query(risks=(r,)) for r in EN.facets["risk_factors"].terms]
)


@pytest.mark.parametrize("query", CHECK_PICKS, ids=[q.describe() for q in CHECK_PICKS])
def test_every_pick_asks_the_same_warning_signs_at_the_same_levels_in_both_languages(query: Query) -> None:
    # The safety net (tests/data/test_safety_net.py checks it in English) holds in Spanish:
    # every pick asks the same signs, in the same order, at the same levels, the always-asked
    # set first and the questions asked at once the same.
    english = signs_to_ask(EN, run_query(EN, query), NETS["en"], query)
    spanish_query = PAIRING.query(query)
    spanish = signs_to_ask(RANKED, run_query(RANKED, spanish_query), NETS["es"], spanish_query)
    said = [(s.sign, s.level, s.always) for s in spanish]
    assert [(PAIRING.sign(s.sign), s.level, s.always) for s in english] == said
    first_en, first_es = asked_first(english), asked_first(spanish)
    assert [PAIRING.sign(s.sign) for s in first_en[0]] == [s.sign for s in first_es[0]]
