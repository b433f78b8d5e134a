"""Exports: the CSV (formula neutralisation, round trip), file names, and the handout."""

from __future__ import annotations

import csv
import html
import io
import re
from datetime import date
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from causes import Query, load_cause_table, run_query
from causes.check import signs_for
from causes.config import BUNDLED_TABLE
from causes.export import DISCLAIMER, HANDOUT_CAUSES, export_name, handout_html, neutralise, slug, to_csv, view_label
from causes.redflags import RedFlag, cause_flags, load_red_flags
from causes.schema import COLUMN_NAMES, FORMULA_PREFIXES, unneutralise
from causes.table import CauseTable
from tests.causes.tables import table_from_rows

DAY = date(2026, 11, 24)
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
HEADER = ["cause", "category", "symptoms", "body_areas", "summary", "source_name", "source_url", "notes"]


def records(table: CauseTable) -> list[dict]:
    return [table.record(i) for i in range(len(table))]


def exported_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


# --- formula neutralisation --------------------------------------------------------------------


def test_the_dangerous_prefixes_are_the_documented_ones():
    assert set(FORMULA_PREFIXES) == set(DANGEROUS)


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-5", "'-5"),
        ("-tingling; cramps", "'-tingling; cramps"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        # A cell that already starts with quotes before a formula character gets one more,
        # so that dropping one quote on reading gives it back.
        ("'=x", "''=x"),
        ("''-x", "'''-x"),
        # Harmless cells are written as they are; one starting with a quote is text already.
        ("'\tx", "'\tx"),
        ("'quoted'", "'quoted'"),
        ("a=b", "a=b"),
        ("cramps; -tingling", "cramps; -tingling"),
        ("", ""),
        (" =x", " =x"),
    ],
)
def test_neutralise(cell, written):
    assert neutralise(cell) == written


@pytest.mark.parametrize(
    ("cell", "read"),
    [
        ("'=1+1", "=1+1"),
        ("'+1", "+1"),
        ("'-5", "-5"),
        ("'@x", "@x"),
        ("''=x", "'=x"),
        ("  '-x  ", "-x"),
        ("'quoted", "'quoted"),
        ("'", "'"),
        ("=x", "=x"),
        ("it's", "it's"),
        (" plain ", " plain "),
    ],
)
def test_unneutralise(cell, read):
    assert unneutralise(cell) == read


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@"])
@pytest.mark.parametrize("column", ["cause", "category", "symptoms", "body_areas", "summary", "source_name", "notes"])
def test_every_dangerous_prefix_is_neutralised_in_text_and_list_cells(prefix, column):
    row = dict(
        cause="Cramp",
        category="Muscle",
        symptoms="cramps; twitching",
        body_areas="calves",
        summary="A cramp.",
        source_name="NHS",
        source_url="https://www.nhs.uk/",
        notes="fine",
    )
    lists = ("symptoms", "body_areas")
    row[column] = prefix + ('HYPERLINK("http://evil.example"); second' if column in lists else "cmd|' /C calc'!A0")
    table = table_from_rows(HEADER, [[row[c] for c in HEADER]])
    data = to_csv(table, [0])
    header, written = exported_rows(data)
    cell = written[header.index(column)]
    assert cell.startswith("'" + prefix)
    assert not any(c.startswith(DANGEROUS) for c in written)
    assert records(load_cause_table(data)) == records(table)


@pytest.mark.parametrize("prefix", ["\t", "\r"])
@pytest.mark.parametrize("column", ["cause", "summary", "symptoms", "red_flags", "notes"])
def test_tab_and_carriage_return_are_neutralised(prefix, column):
    # The loader trims cells, so only a table built in code can hold these.
    table = table_from_rows(HEADER, [["Cramp", "Muscle", "cramps", "calves", "A cramp.", "NHS", "", "x"]])
    frame = table.frame.copy()
    value = frame.at[0, column]
    frame.at[0, column] = (prefix + "cmd", "other") if isinstance(value, tuple) else prefix + "cmd"
    built = CauseTable.build(frame, name="t", digest="", extra_columns=table.extra_columns)
    header, written = exported_rows(to_csv(built, [0]))
    assert written[header.index(column)].startswith("'" + prefix)
    assert not any(c.startswith(DANGEROUS) for c in written)


def test_only_the_first_item_of_a_list_cell_matters():
    table = table_from_rows(HEADER, [["A", "B", "cramps; -tingling; =x", "-calves; thighs", "S.", "", "", ""]])
    header, written = exported_rows(to_csv(table, [0]))
    assert written[header.index("symptoms")] == "cramps; -tingling; =x"
    assert written[header.index("body_areas")] == "'-calves; thighs"
    assert load_cause_table(to_csv(table, [0])).record(0)["body_areas"] == ("-calves", "thighs")


def test_a_hand_written_quote_before_a_formula_reads_as_text():
    table = table_from_rows(HEADER, [["'=A", "'-B", "'+c; d", "'@e", "'plain", "''=f", "", "'"]])
    r = table.record(0)
    assert (r["cause"], r["category"], r["symptoms"], r["body_areas"]) == ("=A", "-B", ("+c", "d"), ("@e",))
    assert (r["summary"], r["source_name"], r["notes"]) == ("'plain", "'=f", "'")


# --- round trip --------------------------------------------------------------------------------


def test_header_is_the_format_then_the_extra_columns(bundled):
    table = bundled
    header = exported_rows(to_csv(table, [0]))[0]
    assert header == [*COLUMN_NAMES, *table.extra_columns]
    assert to_csv(table, [0])[:3] != b"\xef\xbb\xbf"  # no byte-order mark


def test_the_bundled_table_round_trips(bundled):
    table = bundled
    back = load_cause_table(to_csv(table, range(len(table))))
    assert back.warnings == ()
    assert back.extra_columns == table.extra_columns
    assert records(back) == records(table)


def test_a_query_exports_its_causes_in_ranked_order(bundled):
    table = bundled
    result = run_query(table, Query(symptoms=("twitching at rest",), areas=("calves",)))
    back = load_cause_table(to_csv(table, result.positions))
    assert [r["cause"] for r in records(back)] == [table.record(int(p))["cause"] for p in result.positions]
    assert records(back) == [table.record(int(p)) for p in result.positions]


# Cells rich in formula characters, quotes, separators and line breaks.
tricky = st.text(st.sampled_from(list("=+-@'\t \"a;,\nz")), max_size=10)
prefix = st.sampled_from(["", "=", "+", "-", "@", "'", "'=", "''-", "'+", " -", "\t="])


@st.composite
def tricky_tables(draw) -> bytes:
    n = draw(st.integers(1, 5))
    rows = []
    for i in range(n):
        cell = lambda: draw(prefix) + draw(tricky)  # noqa: E731
        rows.append(
            [
                f"{draw(prefix)}cause {i}",
                draw(prefix) + "cat",
                draw(prefix) + "s" + ";" + cell(),
                draw(prefix) + "a",
                draw(prefix) + "summary",
                cell(),
                "",
                cell(),
            ]
        )
    buf = io.StringIO()
    csv.writer(buf).writerows([HEADER, *rows])
    return buf.getvalue().encode("utf-8")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tricky_tables())
def test_any_table_round_trips(data):
    table = load_cause_table(data)
    exported = to_csv(table, range(len(table)))
    assert records(load_cause_table(exported)) == records(table)
    for row in exported_rows(exported)[1:]:
        assert not any(c.startswith(DANGEROUS) for c in row)


# --- file names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("view", "kind", "ext", "name"),
    [
        ("calves", "", "pdf", "cause-atlas_calves_2026-11-24.pdf"),
        ("all causes", "", "csv", "cause-atlas_all-causes_2026-11-24.csv"),
        ("calves", "handout", "html", "cause-atlas_calves_handout_2026-11-24.html"),
        ("Crampes à la cuisse", "", "CSV", "cause-atlas_crampes-a-la-cuisse_2026-11-24.csv"),
        ("../../etc/passwd", "", "csv", "cause-atlas_etc-passwd_2026-11-24.csv"),
        ('a\\b:c*d?"e<f>g|h', "", "csv", "cause-atlas_a-b-c-d-e-f-g-h_2026-11-24.csv"),
        ("<script>", "../x", ".h/tml", "cause-atlas_script_x_2026-11-24.html"),
        ("", "", "csv", "cause-atlas_view_2026-11-24.csv"),
        ("痙攣", "", "csv", "cause-atlas_view_2026-11-24.csv"),
        ("con", "", "", "cause-atlas_con_2026-11-24.txt"),
        (
            "twitching at rest cramps at night muscle weakness calves thighs",
            "",
            "csv",
            "cause-atlas_twitching-at-rest-cramps-at-night-muscle_2026-11-24.csv",
        ),
        ("a" * 100, "", "csv", "cause-atlas_" + "a" * 40 + "_2026-11-24.csv"),
    ],
)
def test_export_name(view, kind, ext, name):
    assert export_name(view, kind, DAY, ext) == name
    assert re.fullmatch(r"[a-z0-9_-]+\.[a-z0-9]+", name)


@pytest.mark.parametrize(
    ("query", "label"),
    [
        (Query(), "all causes"),
        (Query(areas=("calves",)), "calves"),
        (Query(symptoms=("twitching at rest",), areas=("calves",)), "calves twitching at rest"),
        (Query(text="statin", urgencies=("urgent",)), "statin urgent"),
        (Query(risks=("pregnancy",), categories=("Nervous system",)), "pregnancy Nervous system"),
    ],
)
def test_view_label(query, label):
    assert view_label(query) == label


def test_export_name_takes_a_query():
    assert export_name(Query(areas=("calves",)), "", DAY, "pdf") == "cause-atlas_calves_2026-11-24.pdf"
    assert export_name(Query(), "", DAY, "csv") == "cause-atlas_all-causes_2026-11-24.csv"


def test_every_kind_of_file_is_named_in_the_language_it_was_made_in():
    from causes import i18n
    from causes.export import file_words, room_topic

    kinds = file_words()
    english = {kind: export_name("calves", kind, DAY, "csv") for kind in kinds}
    assert english["handout"] == "cause-atlas_calves_handout_2026-11-24.csv"
    assert english["body-map"] == "cause-atlas_calves_body-map_2026-11-24.csv"
    with i18n.using("es"):
        spanish = {kind: export_name("pantorrillas", kind, DAY, "csv") for kind in kinds}
        room = export_name(room_topic("AB12"), "polls", DAY, "csv")
    assert spanish["handout"] == "cause-atlas_pantorrillas_folleto_2026-11-24.csv"
    assert spanish["matrix"] == "cause-atlas_pantorrillas_matriz-de-sintomas_2026-11-24.csv"  # accents dropped
    assert room == "cause-atlas_sala-ab12_encuestas_2026-11-24.csv"
    for kind in kinds:  # every kind has its own Spanish word, and the name stays safe
        assert spanish[kind].split("_")[2] != english[kind].split("_")[2], kind
        assert re.fullmatch(r"[a-z0-9_-]+\.csv", spanish[kind]), spanish[kind]


@pytest.mark.parametrize(("text", "out"), [("Hello, World!", "hello-world"), ("--", ""), ("Ünïcödé", "unicode")])
def test_slug(text, out):
    assert slug(text) == out


# --- the handout -------------------------------------------------------------------------------


class Refs(HTMLParser):
    """Every tag, and every attribute that could load or link to something."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []
        self.loads: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if tag == "a" and name == "href":
                self.links.append(value or "")
            elif name in ("src", "href", "srcset", "action", "formaction", "poster", "data") or name.startswith("on"):
                self.loads.append((tag, name, value or ""))


def parse(page: str) -> Refs:
    refs = Refs()
    refs.feed(page)
    return refs


@pytest.fixture(scope="module")
def calves_handout(bundled: CauseTable) -> tuple[CauseTable, list[int], str]:
    table = bundled
    query = Query(symptoms=("twitching at rest",), areas=("calves",))
    positions = [int(p) for p in run_query(table, query).positions]
    flags = load_red_flags(BUNDLED_TABLE.parent / "red_flags.csv")
    return table, positions, handout_html(table, positions, query, flags, DAY)


def test_a_handout_says_whom_a_causes_sign_sends_a_person_to_first(bundled):
    position = bundled.position_of("Chemotherapy")
    flags = load_red_flags(BUNDLED_TABLE.parent / "red_flags.csv")
    page = handout_html(bundled, [position], Query(), flags, DAY)
    section = page[page.index("<h3>1. Chemotherapy</h3>") :]
    assert "shivering, or feeling suddenly unwell: call your cancer team&#x27;s 24-hour helpline first" in section


def test_handout_holds_each_chosen_cause_and_its_source(calves_handout):
    table, positions, page = calves_handout
    assert positions
    for p in positions:
        c = table.record(p)
        signs = [f.sign for f in cause_flags(c)]  # each under its level's heading, without the prefix
        for text in (c["cause"], c["summary"], *signs, *c["self_care"], c["source_name"]):
            assert text.replace("'", "&#x27;") in page, text
        assert f'href="{c["source_url"]}"' in page


def test_handout_says_how_common_each_cause_is_and_the_tests_a_doctor_may_do(calves_handout):
    from causes.style import commonness_words

    table, positions, page = calves_handout
    sections = page.split('<section class="cause">')[1:]
    assert len(sections) == len(positions)
    for p, section in zip(positions, sections, strict=True):
        c = table.record(p)
        assert f"· {commonness_words(c['commonness'])}</p>" in section
        for test in c["tests"]:
            assert html.escape(test) in section
    # a table that does not say how common its causes are says nothing of it
    plain = table_from_rows(["cause", "category", "symptoms", "body_areas", "summary"], [["A", "B", "c", "d", "E."]])
    assert "How common" not in handout_html(plain, [0], Query(), (), DAY)


def test_handout_has_title_view_date_disclaimer_chart_and_warning_signs(calves_handout):
    _, positions, page = calves_handout
    assert "<h1>Cause Atlas</h1>" in page
    assert "Causes with twitching at rest, in the calves" in page
    assert "Calves also finds causes listed under the whole leg or whole body." in page  # the glossary's tree
    assert "24 November 2026" in page and "2026-11-24" in page
    assert page.count(DISCLAIMER.replace("'", "&#x27;")) == 2  # at the top and at the end
    assert "Education, not diagnosis" in page
    assert "When to get help. Usually: " in page and "<h2>When to get help</h2>" in page
    # The shown causes' signs and the general ones of no cause, by level, most serious first,
    # each level under its action (any locale's number).
    general = page[page.index("<h2>When to get help</h2>") :]
    table, positions, _ = calves_handout
    signs = signs_for(table, positions[:HANDOUT_CAUSES], load_red_flags(BUNDLED_TABLE.parent / "red_flags.csv"))
    headings = {
        "emergency": "Emergency: Call your local emergency number",
        "urgent": "Urgent: Get help today if",
        "see a doctor": "See a doctor: Book an appointment with a doctor if",
    }
    levels = list(dict.fromkeys(f.urgency for f in signs))
    assert len(levels) >= 2
    assert [general.index(headings[level]) for level in levels] == sorted(general.index(headings[lv]) for lv in levels)
    for f in signs:
        assert html.escape(f.sign) in general, f.sign
    assert "a drooping face" in general  # the always-asked signs, whatever the causes
    assert "antipsychotic or metoclopramide" not in general  # a sign of none of these causes is left out
    assert f"{len(positions)} causes of" in page
    assert 'class="bar"' in page and "Self-care" in page
    assert "<h2>Sources</h2>" in page


def test_handout_chart_numbers_add_up(calves_handout):
    _, positions, page = calves_handout
    totals = re.findall(r'<td class="num"><strong>(\d+)</strong></td>', page)
    assert sum(map(int, totals)) == len(positions)


def test_handout_is_self_contained(calves_handout, bundled):
    _, _, page = calves_handout
    refs = parse(page)
    assert "script" not in refs.tags and "img" not in refs.tags and "link" not in refs.tags
    assert not refs.loads
    assert "@import" not in page and "url(" not in page and "@font-face" not in page
    # Every http(s) address in the file is a source's own link (or its text beside it).
    sources = {r["source_url"] for r in records(bundled)} | {
        f.source_url for f in load_red_flags(BUNDLED_TABLE.parent / "red_flags.csv") if f.source_url
    }
    assert set(refs.links) <= sources
    for url in re.findall(r"https?://[^\s\"'<>)]+", page):
        assert url in sources, url
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_handout_sources_are_listed_once(calves_handout):
    _, _, page = calves_handout
    sources = page.split("<h2>Sources</h2>", 1)[1].split("</ul>", 1)[0]
    links = re.findall(r'href="([^"]+)"', sources)
    assert links and len(links) == len(set(links))


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(1)>',
    "[link](javascript:alert(1))",
]


def test_hostile_text_is_escaped():
    table = table_from_rows(
        [*HEADER, "red_flags", "self_care"],
        [[h, h, h, h, h, h, 'https://example.org/a?b=<x>&c="', h, h, h] for h in HOSTILE],
    )
    flags = (RedFlag(HOSTILE[0], "urgent", HOSTILE[1], "javascript:alert(1)"),)
    page = handout_html(table, range(len(table)), Query(text="<script>"), flags, DAY)
    refs = parse(page)
    assert "script" not in refs.tags and "img" not in refs.tags and "svg" not in refs.tags
    assert not refs.loads
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not any(link.lower().startswith("javascript:") for link in refs.links)
    assert refs.links and all(link.startswith("https://example.org/") for link in refs.links)


def test_javascript_source_url_is_never_a_link():
    table = table_from_rows(HEADER, [["A", "B", "c", "d", "S.", "Evil", "", ""]])
    frame = table.frame.copy()
    frame.at[0, "source_url"] = "javascript:alert(document.cookie)"
    built = CauseTable.build(frame, name="t", digest="", extra_columns=table.extra_columns)
    page = handout_html(built, [0], Query(), (), DAY)
    assert not parse(page).links
    assert "javascript:alert(document.cookie)" in page  # shown as text, beside the publisher


def test_handout_caps_the_causes_and_says_how_many_more(bundled):
    table = bundled
    page = handout_html(table, range(len(table)), Query(), (), DAY, limit=10)
    assert page.count('<section class="cause">') == 10
    assert f"and {len(table) - 10} more causes match this view; see the app" in page
    # The chart still counts every matching cause.
    totals = re.findall(r'<td class="num"><strong>(\d+)</strong></td>', page)
    assert sum(map(int, totals)) == len(table)


def test_handout_of_nothing(bundled):
    page = handout_html(bundled, [], Query(text="zzzz"), (), DAY)
    assert "No cause matches this view." in page
    assert "Symptoms that are severe" in page  # the general advice when there are no flags


def test_handout_is_print_ready(calves_handout):
    _, _, page = calves_handout
    assert "@media print" in page and "break-inside: avoid" in page and "break-before: page" in page
    sizes = [float(s) for s in re.findall(r"font-size: (\d+(?:\.\d+)?)pt", page)]
    assert sizes and min(sizes) >= 12
