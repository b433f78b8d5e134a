"""Properties of the loader that must hold for every input, checked with hypothesis."""

from __future__ import annotations

import csv
import io
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from causes import loader
from causes.editing import cells_csv, cells_of
from causes.loader import CauseTableError, _load_cause_table, check_cells, load_cause_table
from causes.redflags import parse_flag
from causes.schema import COLUMN_NAMES, COMMONNESS_LEVELS, URGENCY_LEVELS, unneutralise
from causes.strings import ODD_SPACE
from causes.table import CauseTable

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_or_error(data: bytes) -> CauseTable | CauseTableError:
    try:
        return load_cause_table(data)
    except CauseTableError as e:
        return e


# --- (1) any input gives a table or a CauseTableError, never another exception --------------

# Cells rich in what makes CSV hard: separators, quotes, line breaks, spaces, non-ASCII.
tricky_cell = st.one_of(
    st.text(alphabet=st.sampled_from(list("ab ;,\"\n\r\t'é€")), max_size=12),
    st.text(max_size=12),
    st.sampled_from([*COLUMN_NAMES, " Cause ", "", "urgent", "soon", "https://x.org", "javascript:x", "2026-02-30"]),
)
tricky_row = st.lists(tricky_cell, max_size=16)


@st.composite
def csv_like_bytes(draw) -> bytes:
    """Text shaped like a CSV file: sometimes the real header, rows of tricky cells, joined
    by any separator and line ending (quoted properly or not at all), in some encoding."""
    header = draw(st.one_of(st.just(list(COLUMN_NAMES)), st.permutations([*COLUMN_NAMES, "extra", ""]), tricky_row))
    rows = draw(st.lists(tricky_row, max_size=6))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    if draw(st.booleans()):
        buf = io.StringIO()
        csv.writer(buf, delimiter=delimiter, lineterminator=newline).writerows([header, *rows])
        text = buf.getvalue()
    else:
        text = newline.join(delimiter.join(r) for r in [header, *rows])
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    data = text.encode(encoding, errors="replace")
    if draw(st.booleans()):
        # Cut the file anywhere, as an interrupted upload would.
        data = data[: draw(st.integers(0, len(data)))]
    return data


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes_give_a_table_or_a_cause_table_error(data):
    result = load_or_error(data)
    assert isinstance(result, CauseTable | CauseTableError)
    if isinstance(result, CauseTableError):
        assert result.problems and all(str(p) for p in result.problems)


@SETTINGS
@given(csv_like_bytes())
def test_any_csv_like_text_gives_a_table_or_a_cause_table_error(data):
    result = load_or_error(data)
    assert isinstance(result, CauseTable | CauseTableError)
    if isinstance(result, CauseTableError):
        assert result.problems and all(str(p) for p in result.problems)


# --- (2) a valid table written with the csv module reads back as the same records -----------

# Any text the format allows: no NUL (a binary file) and no bare carriage return.
any_char = st.characters(codec="utf-8", exclude_characters="\x00\r")
csv_char = st.sampled_from(list(" ,;\"'\n\tabcXYZé€“”"))
# A cell an export marked as text (a quote before a formula character, `'=x`) reads back
# without the quote (tests/causes/test_export.py covers that); none is generated here.
any_text = st.one_of(st.text(any_char, max_size=30), st.text(csv_char, max_size=30)).filter(
    lambda s: unneutralise(s) == s
)
filled_text = any_text.filter(lambda s: s.strip() != "")
item = st.text(st.one_of(any_char, csv_char), min_size=1, max_size=15).filter(
    lambda s: ";" not in s and s.strip() == s and s != "" and unneutralise(s) == s
)
urls = st.sampled_from(["", "https://example.org", "http://example.org/a?b=c#d", "HTTPS://WWW.NHS.UK/x"])


@st.composite
def list_cell(draw, required: bool) -> tuple[str, list[str]]:
    """A list cell as someone might write it, and the items it stands for."""
    items = draw(st.lists(item, min_size=1 if required else 0, max_size=5))
    pieces: list[str] = []
    for it in items:
        spelling = draw(st.sampled_from([it, it.upper(), it.lower()]))  # a repeat, ignoring case
        pieces.append(" " * draw(st.integers(0, 2)) + it + " " * draw(st.integers(0, 2)))
        if draw(st.booleans()):
            pieces.append(spelling)
        if draw(st.booleans()):
            pieces.append(" ")  # an empty item
    return ";".join(pieces), items


@st.composite
def valid_tables(draw) -> tuple[list[str], list[list[str]], list[dict]]:
    """(header, rows as written, the records each row should give before the table-wide
    spelling of terms is applied)."""
    # cause names unique as the loader compares them: ignoring case, and with every run of
    # whitespace (a form feed, a vertical tab) read as one space
    names = draw(st.lists(filled_text, min_size=1, max_size=6, unique_by=lambda s: " ".join(s.split()).casefold()))
    header = [*COLUMN_NAMES, "notes"]
    rows: list[list[str]] = []
    expected: list[dict] = []
    for name in names:
        cells: dict[str, str] = {}
        record: dict = {}
        for col in ("cause", "category"):
            cells[col] = name if col == "cause" else draw(filled_text)
            record[col] = cells[col].strip()
        for col, required in (
            ("symptoms", True),
            ("body_areas", True),
            ("risk_factors", False),
            ("red_flags", False),
            ("self_care", False),
            ("tests", False),
        ):
            cells[col], items = draw(list_cell(required))
            if col == "tests" and re.search(r"https?://|www\.", cells[col], re.IGNORECASE):
                cells[col], items = "", []  # a test is words, not a link (a problem of its own)
            record[col] = items
        summary = draw(filled_text.filter(lambda s: len(s.strip()) <= 400))
        cells["summary"], record["summary"] = summary, summary.strip()
        for col in ("explanation", "source_name", "notes"):
            cells[col] = draw(any_text)
            record[col] = cells[col].strip()
        urgency = draw(st.sampled_from(["", *URGENCY_LEVELS, "URGENT", " See A Doctor ", "Self-Care"]))
        cells["urgency"], record["urgency"] = urgency, urgency.strip().casefold()
        url = draw(urls)
        cells["source_url"], record["source_url"] = url, url
        date = draw(st.one_of(st.just(""), st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}")))
        cells["last_reviewed"], record["last_reviewed"] = date, date
        common = draw(st.sampled_from(["", *COMMONNESS_LEVELS, "RARE", " Less Common "]))
        cells["commonness"], record["commonness"] = common, common.strip().casefold()
        url = draw(urls)
        cells["commonness_source"], record["commonness_source"] = url, url
        url = draw(urls)
        cells["tests_source"], record["tests_source"] = url, url
        rows.append([cells[c] for c in header])
        expected.append(record)
    return header, rows, expected


def dedupe(items: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for it in items:
        seen.setdefault(it.casefold(), it)
    return list(seen.values())


def apply_first_spelling(records: list[dict]) -> None:
    """Across the table, a term in a filter column is shown in the spelling it first has."""
    for col in ("symptoms", "body_areas", "risk_factors"):
        first: dict[str, str] = {}
        for r in records:
            r[col] = dedupe(r[col])
            for it in r[col]:
                first.setdefault(it.casefold(), it)
        for r in records:
            r[col] = tuple(first[it.casefold()] for it in r[col])
    first_category: dict[str, str] = {}
    for r in records:
        r["category"] = first_category.setdefault(r["category"].casefold(), r["category"])
    for r in records:
        r["red_flags"] = tuple(dedupe(r["red_flags"]))
        r["self_care"] = tuple(dedupe(r["self_care"]))
        r["tests"] = tuple(dedupe(r["tests"]))


@SETTINGS
@given(valid_tables(), st.sampled_from(["\n", "\r\n"]))
def test_a_valid_table_reads_back_as_written(generated, newline):
    header, rows, expected = generated
    buf = io.StringIO()
    csv.writer(buf, lineterminator=newline).writerows([header, *rows])
    table = load_cause_table(buf.getvalue().encode("utf-8"))
    apply_first_spelling(expected)
    # The only warnings: one per sign given two levels (a flag without one takes its cause's).
    levels: dict[str, set[str]] = {}
    for r in expected:
        for item in r["red_flags"]:
            sign, level = parse_flag(item, r["urgency"])
            levels.setdefault(" ".join(sign.casefold().split()).rstrip("."), set()).add(level)
    assert len(table.warnings) == sum(len(v) > 1 for v in levels.values())
    assert all("has two levels of help" in w for w in table.warnings)
    assert table.extra_columns == ("notes",)
    assert len(table) == len(expected)
    assert [table.record(i) for i in range(len(table))] == [
        {c: r[c] for c in (*COLUMN_NAMES, "notes")} for r in expected
    ]


# --- (3) a table taken to cells (the Data page's grid) comes back the same, both ways -------


def records(table: CauseTable) -> list[dict]:
    return [table.record(i) for i in range(len(table))]


@SETTINGS
@given(valid_tables())
def test_a_valid_table_comes_back_the_same_from_its_cells_and_from_their_csv(generated):
    header, rows, _ = generated
    buf = io.StringIO()
    csv.writer(buf).writerows([header, *rows])
    table = load_cause_table(buf.getvalue().encode("utf-8"))
    cells = cells_of(table)
    from_grid = check_cells(cells, "grid").table()
    from_file = load_cause_table(cells_csv(cells))
    for again in (from_grid, from_file):
        assert again.extra_columns == table.extra_columns
        assert records(again) == records(table)


# --- (4) Arrow's reader (the fast path) and the exact reader agree on every file ----------


def outcome(data: bytes, fast: bool) -> tuple:
    """Everything a load gives: the table and its indexes, or the problems."""
    try:
        t = _load_cause_table(data, None, max_bytes=None, max_rows=5, fast=fast)
    except CauseTableError as e:
        return ("refused", [str(p) for p in e.problems], None if e.cells is None else e.cells.to_dict())
    return (
        "table",
        t.warnings,
        t.extra_columns,
        records(t),
        [texts.tolist() for texts in t.search_texts],
        t.base_order.tolist(),
        {c: (f.terms, f.counts.tolist(), [p.tolist() for p in f.postings]) for c, f in t.facets.items()},
        t.by_name,
    )


# What people's files hold besides the cells: a stray quote or separator, whitespace that
# Python and Arrow treat differently, a line break.
stray = st.sampled_from(['"', '""', "x", ",", ";", "\t", "\n", "\r", "\x1c", "\xa0", "\u2003", " ", "'="])


PLAIN_SPACE = str.maketrans(dict.fromkeys(ODD_SPACE, "x"))


@st.composite
def written_tables(draw) -> bytes:
    """A valid table as a file: any separator, line ending and quoting, with blank lines,
    blank rows, a byte-order mark or another encoding, and sometimes a stray character."""
    header, rows, _ = draw(valid_tables())
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator=newline, quoting=quoting).writerows([header, *rows])
    text = buf.getvalue()
    if draw(st.booleans()):  # mostly, files hold no unusual whitespace
        text = text.translate(PLAIN_SPACE)
    if draw(st.booleans()):
        text = newline * draw(st.integers(1, 2)) + text
    if draw(st.booleans()):
        text += delimiter * (len(header) - 1) + newline
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(stray) + text[at:]
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "cp1252"]))
    return text.encode(encoding, errors="replace")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(written_tables(), csv_like_bytes()), st.one_of(st.none(), st.integers(1, 300)))
def test_the_fast_reader_gives_what_the_exact_reader_gives(data, head_bytes):
    # Only the file's start is decoded to find the separator; a short start must not matter.
    was = loader._HEAD_BYTES
    loader._HEAD_BYTES = head_bytes or was
    try:
        fast = outcome(data, fast=True)
    finally:
        loader._HEAD_BYTES = was
    assert fast == outcome(data, fast=False)
