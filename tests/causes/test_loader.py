"""Every rule of the cause-table loader, as tables of input and expected result.

Each test builds the CSV bytes it needs: `table()` writes a valid header and valid rows,
which a case then changes in one place."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from causes import loader
from causes.config import BUNDLED_TABLE
from causes.loader import MAX_CELL_CHARS, CauseTableError, Problem, load_cause_table
from causes.schema import COLUMN_NAMES, REQUIRED
from causes.table import CauseTable

HEADER: list[str] = list(COLUMN_NAMES)
N = len(HEADER)  # the columns of a full header


def base_row(i: int) -> dict[str, str]:
    """A valid row; the i-th row of a table has its own cause name."""
    return {
        "cause": f"Cause {i + 1}",
        "category": "Lifestyle",
        "symptoms": "cramps at night",
        "body_areas": "calves",
        "risk_factors": "",
        "summary": "A short summary.",
        "explanation": "",
        "urgency": "",
        "red_flags": "",
        "self_care": "",
        "source_name": "",
        "source_url": "",
        "last_reviewed": "",
        "commonness": "",
        "commonness_source": "",
        "tests": "",
        "tests_source": "",
    }


def write_csv(lines: list[list[str]], *, delimiter: str = ",", newline: str = "\n") -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator=newline).writerows(lines)
    return buf.getvalue()


def table(
    *changes: dict[str, str],
    header: list[str] | None = None,
    delimiter: str = ",",
    newline: str = "\n",
    encoding: str = "utf-8",
) -> bytes:
    """CSV bytes: a header, then one valid row per dict in `changes`, changed by it.

    Header cells are matched to row keys ignoring case and surrounding spaces, so a test
    can write the header in any spelling."""
    header = HEADER if header is None else header
    lines = [list(header)]
    for i, change in enumerate(changes):
        row = base_row(i) | change
        lines.append([row.get(h.strip().casefold(), row.get(h, "")) for h in header])
    return write_csv(lines, delimiter=delimiter, newline=newline).encode(encoding)


def problems_of(data: bytes) -> list[str]:
    with pytest.raises(CauseTableError) as info:
        load_cause_table(data)
    return [str(p) for p in info.value.problems]


def without(*columns: str) -> list[str]:
    return [h for h in HEADER if h not in columns]


# --- good input --------------------------------------------------------------------------


def test_minimal_valid_table_loads():
    t = load_cause_table(table({}))
    assert len(t) == 1
    assert t.warnings == ()
    assert t.extra_columns == ()
    assert t.name == "uploaded table"
    assert t.record(0) == {
        "cause": "Cause 1",
        "category": "Lifestyle",
        "symptoms": ("cramps at night",),
        "body_areas": ("calves",),
        "risk_factors": (),
        "summary": "A short summary.",
        "explanation": "",
        "urgency": "",
        "red_flags": (),
        "self_care": (),
        "source_name": "",
        "source_url": "",
        "last_reviewed": "",
        "commonness": "",
        "commonness_source": "",
        "tests": (),
        "tests_source": "",
    }


def test_only_required_columns_is_a_valid_table():
    t = load_cause_table(table({}, {}, header=list(REQUIRED)))
    assert len(t) == 2
    record = t.record(1)
    assert record["cause"] == "Cause 2"
    # Optional columns the file does not have are there, empty.
    assert {c: record[c] for c in COLUMN_NAMES if c not in REQUIRED} == {
        "risk_factors": (),
        "explanation": "",
        "urgency": "",
        "red_flags": (),
        "self_care": (),
        "source_name": "",
        "source_url": "",
        "last_reviewed": "",
        "commonness": "",
        "commonness_source": "",
        "tests": (),
        "tests_source": "",
    }


def test_full_row_is_read_as_written():
    row = {
        "cause": "Low magnesium",
        "category": "Medical conditions",
        "symptoms": "cramps at night; twitching",
        "body_areas": "calves; feet",
        "risk_factors": "diuretics; alcohol",
        "summary": "Too little magnesium can make muscles cramp.",
        "explanation": "First paragraph.\n\nSecond paragraph.",
        "urgency": "see a doctor",
        "red_flags": "weakness; palpitations",
        "self_care": "eat leafy greens",
        "source_name": "NHS",
        "source_url": "https://www.nhs.uk/conditions/leg-cramps/",
        "last_reviewed": "2025-06-01",
        "commonness": "less common",
        "commonness_source": "https://example.org/how-common",
        "tests": "a blood test for magnesium; a heart tracing (ECG)",
        "tests_source": "https://example.org/tests",
    }
    t = load_cause_table(table(row))
    assert t.record(0) == {
        **row,
        "symptoms": ("cramps at night", "twitching"),
        "body_areas": ("calves", "feet"),
        "risk_factors": ("diuretics", "alcohol"),
        "red_flags": ("weakness", "palpitations"),
        "self_care": ("eat leafy greens",),
        "tests": ("a blood test for magnesium", "a heart tracing (ECG)"),
    }


@pytest.mark.parametrize(
    "header",
    [
        pytest.param([h.upper() for h in HEADER], id="upper case"),
        pytest.param([h.title() for h in HEADER], id="title case"),
        pytest.param([f"  {h}\t" for h in HEADER], id="surrounding spaces"),
        pytest.param([f" {h.upper()} " for h in HEADER], id="upper case and spaces"),
        pytest.param(list(reversed(HEADER)), id="reversed order"),
        pytest.param(HEADER[5:] + HEADER[:5], id="rotated order"),
    ],
)
def test_header_names_match_ignoring_case_spaces_and_order(header):
    t = load_cause_table(table({"urgency": "urgent", "source_url": "https://example.org"}, header=header))
    assert t.extra_columns == ()
    record = t.record(0)
    assert record["cause"] == "Cause 1"
    assert record["symptoms"] == ("cramps at night",)
    assert record["urgency"] == "urgent"
    assert record["source_url"] == "https://example.org"


def test_extra_columns_are_kept_in_file_order():
    header = [*HEADER[:3], " Notes ", *HEADER[3:], "evidence"]
    t = load_cause_table(table({"notes": "  see page 4 ", "evidence": "strong"}, {"evidence": "weak"}, header=header))
    assert t.extra_columns == ("Notes", "evidence")
    assert list(t.record(0)) == [*COLUMN_NAMES, "Notes", "evidence"]
    assert t.record(0)["Notes"] == "see page 4"
    assert t.record(0)["evidence"] == "strong"
    assert t.record(1)["Notes"] == ""
    assert t.record(1)["evidence"] == "weak"


@pytest.mark.parametrize(
    "column,cell,expected",
    [
        ("symptoms", "cramps; twitching", ("cramps", "twitching")),
        ("symptoms", "  cramps ;twitching  ; ", ("cramps", "twitching")),
        ("symptoms", "Cramps; cramps; CRAMPS; twitching", ("Cramps", "twitching")),
        ("symptoms", "cramps;;;twitching", ("cramps", "twitching")),
        ("body_areas", "calves; Calves; feet and toes", ("calves", "feet and toes")),
        ("body_areas", "calves, thighs", ("calves, thighs",)),
        ("risk_factors", "", ()),
        ("risk_factors", " ; ; ", ()),
        ("risk_factors", "age over 60; Age Over 60", ("age over 60",)),
        ("red_flags", "weakness; ; Weakness; a cramp that lasts", ("weakness", "a cramp that lasts")),
        ("self_care", "stretch\n; drink water", ("stretch", "drink water")),
        ("self_care", "", ()),
    ],
)
def test_list_cells_are_normalised(column, cell, expected):
    t = load_cause_table(table({column: cell}))
    assert t.record(0)[column] == expected


def test_a_term_is_shown_in_its_first_spelling_everywhere():
    t = load_cause_table(
        table(
            {"symptoms": "Night cramps; twitching", "body_areas": "Calves", "risk_factors": "Pregnancy"},
            {"symptoms": "twitching; NIGHT CRAMPS", "body_areas": "calves; feet", "category": "lifestyle"},
            {"symptoms": "night cramps", "body_areas": "CALVES", "risk_factors": "pregnancy; age"},
        )
    )
    assert [t.record(i)["symptoms"] for i in range(3)] == [
        ("Night cramps", "twitching"),
        ("twitching", "Night cramps"),
        ("Night cramps",),
    ]
    assert [t.record(i)["body_areas"] for i in range(3)] == [("Calves",), ("Calves", "feet"), ("Calves",)]
    assert [t.record(i)["risk_factors"] for i in range(3)] == [("Pregnancy",), (), ("Pregnancy", "age")]
    assert [t.record(i)["category"] for i in range(3)] == ["Lifestyle"] * 3
    assert set(t.facets["symptoms"].terms) == {"Night cramps", "twitching"}
    assert set(t.facets["body_areas"].terms) == {"Calves", "feet"}
    assert t.categories == ("Lifestyle",)


@pytest.mark.parametrize(
    "written,stored",
    [
        ("urgent", "urgent"),
        ("URGENT", "urgent"),
        (" Urgent ", "urgent"),
        ("See a Doctor", "see a doctor"),
        ("SEE A DOCTOR", "see a doctor"),
        ("Self-Care", "self-care"),
        ("self-care", "self-care"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_urgency_is_case_insensitive(written, stored):
    assert load_cause_table(table({"urgency": written})).record(0)["urgency"] == stored


@pytest.mark.parametrize(
    "column,written,stored",
    [
        ("cause", "  Stress  ", "Stress"),
        ("category", "\tMedical ", "Medical"),
        ("summary", "  A summary.  ", "A summary."),
        ("source_name", " NHS ", "NHS"),
        ("source_url", " https://example.org/a ", "https://example.org/a"),
        ("last_reviewed", " 2024-02-29 ", "2024-02-29"),
        # text is kept as written, markup and all: nothing in a cell is acted on
        (
            "summary",
            "**bold** <b>html</b> [link](javascript:alert(1)) $x$",
            "**bold** <b>html</b> [link](javascript:alert(1)) $x$",
        ),
        ("cause", "Cramp; with a semicolon", "Cramp; with a semicolon"),
        ("summary", 'Quotes "inside", and commas', 'Quotes "inside", and commas'),
        ("explanation", "One.\n\nTwo.", "One.\n\nTwo."),
        ("explanation", "One.\r\n\r\nTwo.\r\nStill two.", "One.\n\nTwo.\nStill two."),
        ("explanation", "\n\n  One.\n\n", "One."),
    ],
)
def test_text_cells_are_trimmed_and_otherwise_kept(column, written, stored):
    assert load_cause_table(table({column: written})).record(0)[column] == stored


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org",
        "https://example.org",
        "https://www.nhs.uk/conditions/leg-cramps/",
        "HTTPS://EXAMPLE.ORG/A",
        "https://example.org:8443/path?q=1&r=2#frag",
        "http://localhost",
        "https://example.org?x=1",
    ],
)
def test_good_source_urls_load(url):
    assert load_cause_table(table({"source_url": url})).record(0)["source_url"] == url


@pytest.mark.parametrize("date", ["2024-02-29", "2026-01-31", "1999-12-31", "2000-02-29", "2026-12-01"])
def test_good_dates_load(date):
    assert load_cause_table(table({"last_reviewed": date})).record(0)["last_reviewed"] == date


def test_summary_of_exactly_the_limit_loads():
    summary = "x" * 400
    assert load_cause_table(table({"summary": f"  {summary}  "})).record(0)["summary"] == summary


def test_cell_of_exactly_max_cell_chars_loads():
    explanation = "y" * MAX_CELL_CHARS
    assert load_cause_table(table({"explanation": explanation})).record(0)["explanation"] == explanation


# --- encodings, separators, line endings ---------------------------------------------------

CP1252_TEXT = "Café – “quoted” €"


@pytest.mark.parametrize(
    "data,warnings",
    [
        pytest.param(table({}, {}), (), id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + table({}, {}), (), id="utf-8 with BOM"),
        pytest.param(table({}, {}, newline="\r\n"), (), id="CRLF line endings"),
        pytest.param(table({}, {}, newline="\r"), (), id="CR line endings"),
        pytest.param(table({}, {}) + b"\n\n\r\n  \n", (), id="trailing blank lines"),
        pytest.param(table({}, {}) + b",,,,\n,,\n", (), id="trailing rows of empty cells"),
        pytest.param(table({}, {}).replace(b"\n", b",,\n"), (), id="blank trailing columns"),
        pytest.param(table({}, {}).replace(b"\n", b"\n\n"), (), id="blank line after every row"),
        pytest.param(b"\n\r\n,,\n" + table({}, {}), (), id="blank lines above the header"),
        pytest.param(table({}, {}).replace(b"\n", b",,\n", 1), (), id="blank trailing columns in the header only"),
        pytest.param(
            table({}, {}, delimiter=";"),
            ("The file is semicolon-separated; it was read as such.",),
            id="semicolon-separated",
        ),
        pytest.param(
            table({}, {}, delimiter="\t"),
            ("The file is tab-separated; it was read as such.",),
            id="tab-separated",
        ),
    ],
)
def test_file_shapes_that_load(data, warnings):
    t = load_cause_table(data)
    assert t.warnings == warnings
    assert len(t) == 2
    assert t.extra_columns == ()
    assert [t.record(i)["cause"] for i in range(2)] == ["Cause 1", "Cause 2"]
    assert t.record(1)["symptoms"] == ("cramps at night",)


def test_rows_are_counted_from_the_top_of_the_file_when_blank_lines_precede_the_header():
    data = b"\n\n" + table({}, {"urgency": "soon"})
    assert problems_of(data) == ['row 5, urgency: "soon" is not one of self-care, see a doctor, urgent, emergency']
    assert problems_of(b"\n" + table(header=without("summary"))) == [
        "row 2, summary: this required column is missing from the header row"
    ]


def test_utf8_bom_does_not_hide_the_first_column_name():
    t = load_cause_table(b"\xef\xbb\xbf" + table({"cause": "Stress"}))
    assert t.record(0)["cause"] == "Stress"
    assert t.extra_columns == ()


def test_semicolon_separated_lists_are_still_lists():
    t = load_cause_table(table({"symptoms": "cramps; twitching", "summary": "Commas, too."}, delimiter=";"))
    assert t.record(0)["symptoms"] == ("cramps", "twitching")
    assert t.record(0)["summary"] == "Commas, too."


def test_windows_1252_file_loads_with_a_warning():
    t = load_cause_table(table({"category": CP1252_TEXT, "summary": "Naïve façade."}, encoding="cp1252"))
    assert t.warnings == ("The file is not UTF-8, so it was read as Windows-1252. Check accented letters look right.",)
    assert "Windows-1252" in t.warnings[0]
    assert t.record(0)["category"] == CP1252_TEXT
    assert t.record(0)["summary"] == "Naïve façade."


def test_latin1_file_that_is_not_windows_1252_loads_with_a_warning():
    # 0x81 has no character in Windows-1252, so only Latin-1 can read this file.
    t = load_cause_table(table({"category": "Café \x81"}, encoding="latin-1"))
    assert t.warnings == ("The file is not UTF-8, so it was read as Latin-1. Check accented letters look right.",)
    assert t.record(0)["category"] == "Café \x81"


def test_crlf_file_reads_the_same_as_lf():
    rows = ({"explanation": "One.\n\nTwo."}, {"symptoms": "a; b", "urgency": "Urgent"})
    lf = load_cause_table(table(*rows))
    crlf = load_cause_table(table(*rows, newline="\r\n"))
    assert [crlf.record(i) for i in range(2)] == [lf.record(i) for i in range(2)]


def test_bundled_table_loads_without_warnings():
    t = load_cause_table(BUNDLED_TABLE)
    assert t.warnings == ()
    assert len(t) > 0
    assert t.name == BUNDLED_TABLE.name
    # data/README.md: "the bundled table has one, `evidence`"
    assert t.extra_columns == ("evidence",)


@pytest.mark.parametrize("as_type", [str, Path])
def test_load_from_a_path(tmp_path, as_type):
    path = tmp_path / "mine.csv"
    path.write_bytes(table({}, {}))
    t = load_cause_table(as_type(path))
    assert len(t) == 2
    assert t.name == "mine.csv"
    assert load_cause_table(as_type(path), name="Label").name == "Label"


def test_uploaded_bytes_take_the_given_name():
    assert load_cause_table(table({}), name="upload.csv").name == "upload.csv"


# --- bad cells: every problem names row, column, value and what is wrong -------------------

LONG_SUMMARY = "word " * 81  # 405 characters, 404 once trimmed

TOO_LONG = "has a test longer than 120 characters"
LONG_TEST = "a blood test for " + "potassium and " * 8  # 129 characters, trimmed

CELL_PROBLEMS = [
    pytest.param(
        table({}, {"commonness": "very common"}),
        ['row 3, commonness: "very common" is not one of common, less common, rare, not known'],
        id="commonness not one of the four",
    ),
    pytest.param(
        table({}, {"commonness_source": "nhs.uk/leg-cramps"}),
        ['row 3, commonness_source: "nhs.uk/leg-cramps" is not a web address starting with http:// or https://'],
        id="commonness source without https",
    ),
    pytest.param(
        table({}, {"tests": f"an ECG; {LONG_TEST}"}),
        ['row 3, tests: "an ECG; a blood test for potassium and potassium and potass…" ' + TOO_LONG],
        id="a test too long",
    ),
    pytest.param(
        table({}, {"tests": "an ECG; https://example.org/tests"}),
        ['row 3, tests: "an ECG; https://example.org/tests" has a test that is a web address, not words'],
        id="a test that is a link",
    ),
    pytest.param(
        table({}, {}, {}, {}, {}, {"urgency": "soon"}),
        ['row 7, urgency: "soon" is not one of self-care, see a doctor, urgent, emergency'],
        id="bad urgency (the README example)",
    ),
    pytest.param(
        table({}, {"urgency": "very urgent"}),
        ['row 3, urgency: "very urgent" is not one of self-care, see a doctor, urgent, emergency'],
        id="almost an urgency",
    ),
    pytest.param(
        table({}, {"urgency": "self care"}),
        ['row 3, urgency: "self care" is not one of self-care, see a doctor, urgent, emergency'],
        id="urgency without its hyphen",
    ),
    pytest.param(
        table({}, {"cause": ""}),
        ["row 3, cause: the cell is blank, but this column is required"],
        id="blank cause",
    ),
    pytest.param(
        table({}, {"cause": "   "}),
        ["row 3, cause: the cell is blank, but this column is required"],
        id="spaces-only cause",
    ),
    pytest.param(
        table({"category": ""}),
        ["row 2, category: the cell is blank, but this column is required"],
        id="blank category",
    ),
    pytest.param(
        table({}, {}, {"summary": "\t "}),
        ["row 4, summary: the cell is blank, but this column is required"],
        id="blank summary",
    ),
    pytest.param(
        table({}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {"symptoms": ""}),
        ["row 12, symptoms: the list is empty; give at least one item (separate items with ;)"],
        id="empty symptoms (the README example)",
    ),
    pytest.param(
        table({}, {"symptoms": " ; ; "}),
        ['row 3, symptoms: " ; ; " the list is empty; give at least one item (separate items with ;)'],
        id="symptoms of separators only",
    ),
    pytest.param(
        table({"body_areas": ""}),
        ["row 2, body_areas: the list is empty; give at least one item (separate items with ;)"],
        id="empty body areas",
    ),
    pytest.param(
        table({}, {}, {"cause": "Stress"}, {}, {"cause": " stress "}),
        [
            'row 4, cause: "Stress" is also the name in row 6; each cause must have its own name',
            'row 6, cause: " stress " is also the name in row 4; each cause must have its own name',
        ],
        id="duplicate cause ignoring case and spaces",
    ),
    pytest.param(
        table({"cause": "Stress"}, {"cause": "STRESS"}, {"cause": "stress"}),
        [
            'row 2, cause: "Stress" is also the name in row 3 and row 4; each cause must have its own name',
            'row 3, cause: "STRESS" is also the name in row 2 and row 4; each cause must have its own name',
            'row 4, cause: "stress" is also the name in row 2 and row 3; each cause must have its own name',
        ],
        id="three causes of one name",
    ),
    pytest.param(
        table({}, {"summary": LONG_SUMMARY}),
        [f'row 3, summary: "{LONG_SUMMARY[:59]}…" is longer than 400 characters'],
        id="summary over 400 characters",
    ),
    pytest.param(
        table({"summary": "x" * 401}),
        [f'row 2, summary: "{"x" * 59}…" is longer than 400 characters'],
        id="summary of 401 characters",
    ),
    pytest.param(
        table({}, {"explanation": "z" * (MAX_CELL_CHARS + 1)}),
        [f"row 3: A cell is {MAX_CELL_CHARS + 1:,} characters long; the most a cell may hold is {MAX_CELL_CHARS:,}."],
        id="cell over MAX_CELL_CHARS",
    ),
]


@pytest.mark.parametrize("data,expected", CELL_PROBLEMS)
def test_bad_cells_are_reported(data, expected):
    assert problems_of(data) == expected


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.org/file",
        "mailto:someone@example.org",
        "file:///etc/passwd",
        "http://",
        "https://",
        "https:///path",
        "//example.org",
        "example.org",
        "www.example.org",
        "https://exa mple.org",
        "https://example.org/a b",
        "http//example.org",
        " javascript:alert(1)",
    ],
)
def test_non_web_source_urls_are_rejected(url):
    assert problems_of(table({}, {"source_url": url})) == [
        f'row 3, source_url: "{url}" is not a web address starting with http:// or https://'
    ]


@pytest.mark.parametrize(
    "date",
    [
        "2026-02-30",
        "2025-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-04-31",
        "2026-1-5",
        "26-01-05",
        "2026/01/05",
        "05/01/2026",
        "2026-01-05T10:00",
        "2026-01",
        "yesterday",
        "２０２６-01-05",
    ],
)
def test_bad_dates_are_rejected(date):
    assert problems_of(table({"last_reviewed": date})) == [
        f'row 2, last_reviewed: "{date}" is not a real date written as YYYY-MM-DD'
    ]


def test_problem_carries_row_column_and_value():
    with pytest.raises(CauseTableError) as info:
        load_cause_table(table({}, {"urgency": "soon"}))
    assert info.value.problems == (
        Problem(
            message="is not one of self-care, see a doctor, urgent, emergency",
            row=3,
            column="urgency",
            value="soon",
            fix="Write self-care, see a doctor, urgent or emergency, or leave the cell blank.",
        ),
    )


# --- the file as a whole --------------------------------------------------------------------

EMPTY = "The file is empty: a cause table needs a header row and at least one cause."
NO_CAUSES = "The file has a header row but no causes below it."
HEADER_LINE = ",".join(HEADER).encode()
GOOD_LINE = table({}).split(b"\n")[1]


def text_after_quote() -> bytes:
    data = table({"summary": "placeholder"}, {})
    return data.replace(b"placeholder", b'"A quoted" cell')


FILE_PROBLEMS = [
    pytest.param(b"", [EMPTY], id="empty file"),
    pytest.param(b"   \r\n\n\t\n", [EMPTY], id="blank lines only"),
    pytest.param(b",,,\n,,\n", [EMPTY], id="empty cells only"),
    pytest.param(table(), [NO_CAUSES], id="header only"),
    pytest.param(table() + b"\n\n,,,\n", [NO_CAUSES], id="header then blank lines"),
    pytest.param(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        ["This is a PNG image, not a CSV file. Save the table as CSV (UTF-8) and try again."],
        id="PNG",
    ),
    pytest.param(
        b"\xff\xd8\xff\xe0\x00\x10JFIF",
        ["This is a JPEG image, not a CSV file. Save the table as CSV (UTF-8) and try again."],
        id="JPEG",
    ),
    pytest.param(
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3",
        ["This is a PDF document, not a CSV file. Save the table as CSV (UTF-8) and try again."],
        id="PDF",
    ),
    pytest.param(
        b"PK\x03\x04\x14\x00\x06\x00",
        [
            "This is a zip file (an Excel .xlsx workbook is one), not a CSV file."
            " Save the table as CSV (UTF-8) and try again."
        ],
        id="xlsx",
    ),
    pytest.param(
        table({}).decode().encode("utf-16"),
        ["The file is saved as UTF-16. Save it as CSV UTF-8 (comma-separated) and try again."],
        id="UTF-16 LE with BOM",
    ),
    pytest.param(
        b"\xfe\xff" + table({}).decode().encode("utf-16-be"),
        ["The file is saved as UTF-16. Save it as CSV UTF-8 (comma-separated) and try again."],
        id="UTF-16 BE with BOM",
    ),
    pytest.param(
        table({}).decode().encode("utf-16-le"),
        [
            "The file holds NUL bytes, so it is a binary file or saved as UTF-16, not a CSV text file."
            " Save it as CSV UTF-8 and try again."
        ],
        id="UTF-16 without BOM",
    ),
    pytest.param(
        table({"summary": "a\x00b"}),
        [
            "The file holds NUL bytes, so it is a binary file or saved as UTF-16, not a CSV text file."
            " Save it as CSV UTF-8 and try again."
        ],
        id="NUL byte",
    ),
    pytest.param(
        table({}, header=without("summary")),
        ["row 1, summary: this required column is missing from the header row"],
        id="missing required column",
    ),
    pytest.param(
        table({}, header=without("cause", "body_areas")),
        [
            "row 1, cause: this required column is missing from the header row",
            "row 1, body_areas: this required column is missing from the header row",
        ],
        id="two missing required columns",
    ),
    pytest.param(
        table(header=without("category")),
        ["row 1, category: this required column is missing from the header row"],
        id="missing column and no rows",
    ),
    pytest.param(
        table({}, header=[*HEADER, " Cause "]),
        [f"row 1, cause: the column name appears twice (columns 1 and {N + 1}); each column may appear once"],
        id="duplicate column ignoring case and spaces",
    ),
    pytest.param(
        table({"notes": "a"}, header=[*HEADER, "notes", "NOTES"]),
        [f"row 1, NOTES: the column name appears twice (columns {N + 1} and {N + 2}); each column may appear once"],
        id="duplicate extra column",
    ),
    pytest.param(
        write_csv(
            [[*HEADER, ""], [*GOOD_LINE.decode().split(","), ""], [*GOOD_LINE.decode().split(","), "x"]]
        ).encode(),
        [f"row 1: column {N + 1} has values but no name in the header row"],
        id="nameless column with a value",
    ),
    pytest.param(
        write_csv([[*HEADER[:3], " ", *HEADER[3:]], ["C", "Cat", "s", "v", "b", "", "S.", *[""] * (N - 6)]]).encode(),
        ["row 1: column 4 has values but no name in the header row"],
        id="nameless column in the middle",
    ),
    pytest.param(
        table({}, {}) + GOOD_LINE.replace(b"Cause 1", b"Cause 3") + b",extra,cells\n",
        [f"row 4: has {N + 2} cells but the header has {N}: is a cell missing its quotes, or is there a stray comma?"],
        id="too many cells",
    ),
    pytest.param(
        table({}) + b"Cause 2,Lifestyle,cramps\n",
        [f"row 3: has 3 cells but the header has {N}: is a cell or a separator missing?"],
        id="too few cells",
    ),
    pytest.param(
        table({}, {"summary": "placeholder"}).replace(b"placeholder", b'"never closed'),
        ['row 3: A quoted cell is never closed: look for a stray " in this row or the one before.'],
        id="unclosed quote",
    ),
    pytest.param(
        text_after_quote(),
        ['row 2: A quoted cell has text after its closing quote; write a quote inside a quoted cell as "".'],
        id="text after closing quote",
    ),
]


@pytest.mark.parametrize("data,expected", FILE_PROBLEMS)
def test_file_problems(data, expected):
    assert problems_of(data) == expected


def test_missing_path(tmp_path):
    path = tmp_path / "nowhere.csv"
    with pytest.raises(CauseTableError) as info:
        load_cause_table(path)
    assert [str(p) for p in info.value.problems] == [f"There is no file at {path}."]


def test_directory_path(tmp_path):
    with pytest.raises(CauseTableError) as info:
        load_cause_table(str(tmp_path))
    assert [str(p) for p in info.value.problems] == [f"{tmp_path} is a folder, not a CSV file."]


# --- several problems, and spreadsheet row numbers -------------------------------------------


def test_every_problem_is_reported_at_once_sorted_by_row():
    lines = [
        HEADER,
        [*base_row(0).values()],  # row 2: same name as row 6
        [*(base_row(1) | {"summary": "", "source_url": "ftp://x.org"}).values()],  # row 3: two problems
        ["Cause 3", "Lifestyle", "cramps"],  # row 4: too few cells
        [*(base_row(3) | {"urgency": "soon"}).values()],  # row 5
        [*(base_row(4) | {"cause": "CAUSE 1", "body_areas": ""}).values()],  # row 6: two problems
    ]
    assert problems_of(write_csv(lines).encode()) == [
        'row 2, cause: "Cause 1" is also the name in row 6; each cause must have its own name',
        "row 3, summary: the cell is blank, but this column is required",
        'row 3, source_url: "ftp://x.org" is not a web address starting with http:// or https://',
        f"row 4: has 3 cells but the header has {N}: is a cell or a separator missing?",
        'row 5, urgency: "soon" is not one of self-care, see a doctor, urgent, emergency',
        'row 6, cause: "CAUSE 1" is also the name in row 2; each cause must have its own name',
        "row 6, body_areas: the list is empty; give at least one item (separate items with ;)",
    ]


def test_header_problems_are_reported_together():
    assert problems_of(table({}, header=[*without("symptoms"), "category"])) == [
        f"row 1, category: the column name appears twice (columns 2 and {N}); each column may appear once",
        "row 1, symptoms: this required column is missing from the header row",
    ]


def test_error_message_lists_ten_problems_then_a_count():
    data = table(*({"urgency": f"level {i}"} for i in range(12)))
    with pytest.raises(CauseTableError) as info:
        load_cause_table(data)
    assert len(info.value.problems) == 12
    lines = str(info.value).split("\n")
    assert lines[:10] == [
        f'row {i + 2}, urgency: "level {i}" is not one of self-care, see a doctor, urgent, emergency' for i in range(10)
    ]
    assert lines[10:] == ["… and 2 more"]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize(
    "explanation",
    ["one line", "line one\nline two\nline three", "para one\n\npara two\n\n\npara three"],
)
def test_row_numbers_count_a_multi_line_cell_as_one_row(newline, explanation):
    data = table({"explanation": explanation}, {"urgency": "soon"}, {"summary": ""}, newline=newline)
    assert problems_of(data) == [
        'row 3, urgency: "soon" is not one of self-care, see a doctor, urgent, emergency',
        "row 4, summary: the cell is blank, but this column is required",
    ]


def test_row_numbers_count_blank_lines_like_a_spreadsheet():
    data = table({}, {}, {"urgency": "soon"})
    # A blank line between rows 2 and 3 is row 3 in a spreadsheet, so the bad row is row 5.
    first, second, *rest = data.split(b"\n", 2)
    data = b"\n".join([first, second, b"", *rest])
    assert problems_of(data) == ['row 5, urgency: "soon" is not one of self-care, see a doctor, urgent, emergency']


def test_unclosed_quote_row_counts_earlier_multi_line_cells_as_one_row():
    data = table({"explanation": "a\nb\nc"}, {}, {"summary": "placeholder"}).replace(b"placeholder", b'"open')
    assert problems_of(data) == [
        'row 4: A quoted cell is never closed: look for a stray " in this row or the one before.'
    ]


def test_names_that_differ_only_in_inner_spaces_are_the_same_cause():
    # A link finds a cause ignoring case and runs of spaces, so two such names would clash.
    data = table({"cause": "Night  cramps"}, {"cause": "night cramps"})
    assert problems_of(data) == [
        'row 2, cause: "Night  cramps" is also the name in row 3; each cause must have its own name',
        'row 3, cause: "night cramps" is also the name in row 2; each cause must have its own name',
    ]
    t = load_cause_table(table({"cause": "Night  cramps"}, {}))
    assert t.position_of("NIGHT CRAMPS") == t.position_of(" night   cramps ") == 0


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_pauses_the_garbage_collector_and_restores_it(enabled):
    import gc

    seen: list[bool] = []
    original = CauseTable.from_cells

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return original(*args, **kwargs)

    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(CauseTable, "from_cells", spy)
            load_cause_table(table({}))
            with pytest.raises(CauseTableError):
                load_cause_table(table({"urgency": "soon"}))
        assert seen == [False]
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


# --- the fast reader: Arrow's CSV reader takes plain, valid files; the exact reader the rest


@pytest.mark.parametrize(
    ("text", "delimiter", "plain"),
    [
        ("a,b\n1,2\n", ",", True),
        ('a,b\n"1,x",2\n', ",", True),
        ('a,b\n"x""y",2\n', ",", True),
        ('a,b\n"",2\r\n"",""', ",", True),
        ('a,b\n"""q""",2\n', ",", True),
        ('a;b\n"x;y";2\n', ";", True),
        ('a,b\n"two\nlines",2\n', ",", True),
        ('a,b\n"x"y,2\n', ",", False),  # text after a closing quote
        ('a,b\n"x" ,2\n', ",", False),
        ('a,b\nx"y,2\n', ",", False),  # a quote inside an unquoted cell
        ('a,b\n"open,2\n', ",", False),  # never closed
        ('a,b\n"a,"b",2\n', ",", False),
        ('a;b\n"x";"y",2\n', ";", False),  # "," is not this file's separator
    ],
)
def test_quoting_is_plain(text, delimiter, plain):
    assert loader._quoting_is_plain(text.encode(), delimiter) is plain


def test_a_plain_valid_table_never_reaches_the_exact_reader(monkeypatch):
    def exact_reader(*args, **kwargs):
        raise AssertionError("the exact reader was used")

    monkeypatch.setattr(loader, "_parse", exact_reader)
    for data in (table({}, {}), table({}, {}, delimiter=";"), table({}, newline="\r\n"), b"\xef\xbb\xbf" + table({})):
        assert len(load_cause_table(data)) >= 1
    assert load_cause_table(table({}, delimiter="\t")).warnings == ("The file is tab-separated; it was read as such.",)
    # A problem, a stray quote or an unusual space sends the file to the exact reader, which explains.
    for data in (table({"urgency": "soon"}), text_after_quote(), table({"summary": "odd\x1cspace"})):
        with pytest.raises(AssertionError, match="exact reader"):
            load_cause_table(data)


def test_a_file_whose_start_is_not_its_whole_separator_line_still_reads(monkeypatch):
    # Only the first megabyte is decoded to find the separator; a smaller head must agree.
    monkeypatch.setattr(loader, "_HEAD_BYTES", len(",".join(HEADER)) + 20)
    t = load_cause_table(table({}, {}, delimiter=";"))
    assert len(t) == 2 and t.warnings == ("The file is semicolon-separated; it was read as such.",)


@pytest.mark.parametrize("fast", [True, False])
def test_a_semicolon_file_with_old_mac_line_ends_reads(fast):
    data = table({}, {}, delimiter=";", newline="\r")
    t = loader._load_cause_table(data, None, max_bytes=None, max_rows=None, fast=fast)
    assert len(t) == 2 and t.warnings == ("The file is semicolon-separated; it was read as such.",)
