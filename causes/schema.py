"""The cause-table format, declared once.

Everything else (the loader, the validation schema, the documentation test, the
template) reads the format from here. `data/README.md` documents it for people;
`tests/causes/test_schema.py` fails when the two disagree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import pandas as pd
import pandera.pandas as pa

from causes.i18n import N_, _, number
from causes.strings import name_keys

Kind = Literal["text", "list", "choice", "url", "date"]

LIST_SEPARATOR = ";"
# A cell a spreadsheet would run as a formula starts with one of these. An export writes
# such a cell, and one that starts with quotes before `=`, `+`, `-` or `@`, with a single
# quote in front (the spreadsheet convention for "this is text"); the loader drops that
# one quote again (`unneutralise`), so an exported table reads back unchanged. Tab and
# carriage return need no undoing: the loader trims cells, so no value starts with them.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARK = "'"
# Least to most serious. A table written with the first three loads as it always did.
URGENCY_LEVELS: tuple[str, ...] = ("self-care", "see a doctor", "urgent", "emergency")
# How common a cause is among people with the table's symptoms, most common first; "not
# known" where no source says. A blank cell is read as "not known".
COMMONNESS_LEVELS: tuple[str, ...] = ("common", "less common", "rare", "not known")
SUMMARY_MAX_CHARS = 400
TEST_MAX_CHARS = 120  # one test a doctor may do, in plain words


def _levels(levels: tuple[str, ...]) -> str:
    """Codes as the format's documentation writes them: `a`, `b`, `c` (codes: never translated)."""
    return ", ".join(f"`{level}`" for level in levels)


@dataclass(frozen=True)
class ColumnSpec:
    """One column of the cause-table format. `about` is what it holds, English marked for
    the catalog with the place-holders `{summary_max}`, `{test_max}`, `{urgency_levels}`
    and `{commonness_levels}`; `content` says it in the run's language."""

    name: str
    required: bool
    kind: Kind
    about: str
    choices: tuple[str, ...] = ()  # a choice column's values

    @property
    def content(self) -> str:
        """What the column holds, in plain words, in this run's language (English: as
        data/README.md documents it)."""
        return _(self.about).format(
            summary_max=number(SUMMARY_MAX_CHARS),
            test_max=number(TEST_MAX_CHARS),
            urgency_levels=_levels(URGENCY_LEVELS),
            commonness_levels=_levels(COMMONNESS_LEVELS),
        )


# The texts are read after the column's name in the format's table ("cause: the cause's
# name; ..."): lower case, no full stop.
COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("cause", True, "text", N_("the cause's name; unique, ignoring case and surrounding spaces")),
    ColumnSpec("category", True, "text", N_('the group it belongs to (e.g. "Medications & substances")')),
    ColumnSpec("symptoms", True, "list", N_("a list, at least one item")),
    ColumnSpec("body_areas", True, "list", N_("a list, at least one item")),
    ColumnSpec("risk_factors", False, "list", N_("a list (may be empty)")),
    ColumnSpec(
        "summary",
        True,
        "text",
        # Translators: {summary_max} is a number of characters.
        N_("one or two plain-text sentences, at most {summary_max} characters"),
    ),
    ColumnSpec("explanation", False, "text", N_("longer plain text; blank lines separate paragraphs")),
    # Translators: {urgency_levels} lists the codes to type in the cell, which stay in English.
    ColumnSpec("urgency", False, "choice", N_("one of {urgency_levels}"), URGENCY_LEVELS),
    ColumnSpec(
        "red_flags",
        False,
        "list",
        # Translators: `emergency:`, `urgent:` and `see a doctor:` are codes typed in the cell: keep them in English.
        N_(
            "a list: signs that mean get help, each may start with its level"
            " (`emergency:`, `urgent:`, `see a doctor:`)",
        ),
    ),
    ColumnSpec("self_care", False, "list", N_("a list: what helps")),
    ColumnSpec("source_name", False, "text", N_("who published the source")),
    ColumnSpec("source_url", False, "url", N_("an http or https URL")),
    ColumnSpec("last_reviewed", False, "date", N_("a date, YYYY-MM-DD")),
    ColumnSpec(
        "commonness",
        False,
        "choice",
        # Translators: {commonness_levels} lists the codes to type in the cell, which stay in
        # English; so does `not known`.
        N_("how common the cause is among people with these symptoms: one of {commonness_levels} (blank: `not known`)"),
        COMMONNESS_LEVELS,
    ),
    ColumnSpec("commonness_source", False, "url", N_("an http or https URL of the source that says how common it is")),
    ColumnSpec(
        "tests",
        False,
        "list",
        # Translators: {test_max} is a number of characters.
        N_("a list: tests a doctor may do for it, in plain words, each at most {test_max} characters"),
    ),
    ColumnSpec("tests_source", False, "url", N_("an http or https URL of the source that names the tests")),
)

COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
REQUIRED: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.required)
LIST_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.kind == "list")

# Plain-words messages, read after `row N, column:` and the value in quotes, when it is
# not blank ('row 3, urgency: "soon" is not one of ...'). Each is a check's code too (the
# pandera check's error): English marked for the catalog; `problem_text` says a code's
# message and its fix in the run's language.
# (The messages that start with "is" or "has" are read after a cell's value in quotes:
# '"soon" is not one of self-care, see a doctor, urgent, emergency'.)
MSG_BLANK = N_("the cell is blank, but this column is required")
MSG_EMPTY_LIST = N_("the list is empty; give at least one item (separate items with ;)")
# Translators: read after a cause's name in quotes: '"Cramp" is used for more than one cause ...'.
MSG_DUPLICATE = N_("is used for more than one cause (names must be unique, ignoring case and spaces)")
# Translators: read after the cell's text in quotes; {summary_max} is a number of characters.
MSG_TOO_LONG = N_("is longer than {summary_max} characters")
# Translators: read after the cell's value in quotes; {urgency_levels} lists the codes to
# type in the cell (they stay in English).
MSG_URGENCY = N_("is not one of {urgency_levels}")
# Translators: read after the cell's value in quotes; {commonness_levels} lists the codes to
# type in the cell (they stay in English).
MSG_COMMONNESS = N_("is not one of {commonness_levels}")
# Translators: read after the cell's text in quotes; {test_max} is a number of characters.
MSG_TEST_TOO_LONG = N_("has a test longer than {test_max} characters")
# Translators: read after the cell's text in quotes.
MSG_TEST_LINK = N_("has a test that is a web address, not words")
# Translators: read after the cell's text in quotes.
MSG_URL = N_("is not a web address starting with http:// or https://")
# Translators: read after the cell's text in quotes.
MSG_DATE = N_("is not a real date written as YYYY-MM-DD")

# How to put each of these right, for the problem report (English marked for the catalog).
FIXES: dict[str, str] = {
    MSG_BLANK: N_("Fill in the cell, or delete the row if it is not a cause."),
    MSG_EMPTY_LIST: N_("Write at least one item; put a semicolon (;) between items."),
    MSG_DUPLICATE: N_("Give each cause its own name, or merge the rows into one."),
    MSG_TOO_LONG: N_("Shorten it to one or two sentences and move the rest to the explanation column."),
    # Translators: self-care, see a doctor, urgent and emergency are codes typed in the cell: keep them in English.
    MSG_URGENCY: N_("Write self-care, see a doctor, urgent or emergency, or leave the cell blank."),
    # Translators: common, less common, rare and not known are codes typed in the cell: keep them in English.
    MSG_COMMONNESS: N_("Write common, less common, rare or not known, or leave the cell blank."),
    MSG_TEST_TOO_LONG: N_("Name each test in a short plain phrase (a blood test for potassium); put ; between tests."),
    # Translators: source_url is a column name: keep it as it is.
    MSG_TEST_LINK: N_("Name the test in words; put the page that says so in source_url."),
    MSG_URL: N_("Give the page's full address, starting https://, or leave the cell blank."),
    MSG_DATE: N_("Write the date as year-month-day, for example 2026-01-31, or leave the cell blank."),
}


def problem_text(code: str) -> tuple[str, str]:
    """A check's code (one of the `MSG_*`) as its message and its fix, in this run's
    language; any other check's text as it is, with no fix."""
    if code not in FIXES:
        return code, ""
    message = _(code).format(
        summary_max=number(SUMMARY_MAX_CHARS),
        test_max=number(TEST_MAX_CHARS),
        urgency_levels=", ".join(URGENCY_LEVELS),
        commonness_levels=", ".join(COMMONNESS_LEVELS),
    )
    return message, _(FIXES[code])


_NEUTRALISED = re.compile(r"'+[=+\-@]")


def unneutralise(cell: str) -> str:
    """A cell as written, with the quote an export put in front of a would-be formula
    dropped: `'=1+1` reads as `=1+1`, `''-x` as `'-x`. Any other cell is returned as is."""
    trimmed = cell.strip()
    if _NEUTRALISED.match(trimmed):
        return trimmed[1:]
    return cell


def _filled(s: pd.Series) -> pd.Series:
    return s.str.strip() != ""


def _list_has_item(s: pd.Series) -> pd.Series:
    # A list cell holds an item when anything but separators and spaces is left.
    return s.str.replace(LIST_SEPARATOR, "", regex=False).str.strip() != ""


def _unique_name(s: pd.Series) -> pd.Series:
    key = name_keys(s)
    return ~(key.duplicated(keep=False) & (key != ""))


def _blank_or(test: Callable[[pd.Series], pd.Series]) -> Callable[[pd.Series], pd.Series]:
    def check(s: pd.Series) -> pd.Series:
        stripped = s.str.strip()
        return (stripped == "") | test(stripped)

    return check


def _items_within(limit: int) -> Callable[[pd.Series], pd.Series]:
    """Per list cell, whether every item (trimmed) is at most `limit` characters."""
    too_long = re.compile(rf"[^{LIST_SEPARATOR}]{{{limit + 1},}}")

    def check(s: pd.Series) -> pd.Series:
        items = s.str.replace(rf"\s*{LIST_SEPARATOR}\s*", LIST_SEPARATOR, regex=True).str.strip()
        return ~items.str.contains(too_long, regex=True)

    return check


def _is_url(s: pd.Series) -> pd.Series:
    return s.str.fullmatch(r"https?://[^\s/?#@]+(?:[/?#]\S*)?", case=False)


def _is_date(s: pd.Series) -> pd.Series:
    shaped = s.str.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
    parsed = pd.to_datetime(s.where(shaped), format="%Y-%m-%d", errors="coerce")
    return shaped & parsed.notna()


def _checks(spec: ColumnSpec) -> list[pa.Check]:
    checks: list[pa.Check] = []
    if spec.required and spec.kind == "list":
        checks.append(pa.Check(_list_has_item, error=MSG_EMPTY_LIST))
    elif spec.required:
        checks.append(pa.Check(_filled, error=MSG_BLANK))
    if spec.name == "cause":
        checks.append(pa.Check(_unique_name, error=MSG_DUPLICATE))
    if spec.name == "summary":
        checks.append(pa.Check(lambda s: s.str.strip().str.len() <= SUMMARY_MAX_CHARS, error=MSG_TOO_LONG))
    if spec.kind == "choice":
        levels = set(spec.choices)
        message = MSG_COMMONNESS if spec.name == "commonness" else MSG_URGENCY
        checks.append(pa.Check(_blank_or(lambda s: s.str.casefold().isin(levels)), error=message))
    if spec.name == "tests":
        checks.append(pa.Check(_items_within(TEST_MAX_CHARS), error=MSG_TEST_TOO_LONG))
        checks.append(
            pa.Check(lambda s: ~s.str.contains(r"https?://|www\.", case=False, regex=True), error=MSG_TEST_LINK)
        )
    if spec.kind == "url":
        checks.append(pa.Check(_blank_or(_is_url), error=MSG_URL))
    if spec.kind == "date":
        checks.append(pa.Check(_blank_or(_is_date), error=MSG_DATE))
    return checks


def build_schema(present: set[str] | None = None) -> pa.DataFrameSchema:
    """The pandera schema of a cause table whose cells are all strings.

    Optional columns that are absent from a file are not checked; required ones are
    reported by the loader before this schema runs."""
    cols = {
        c.name: pa.Column(checks=_checks(c), nullable=False, required=c.required)
        for c in COLUMNS
        if present is None or c.name in present
    }
    return pa.DataFrameSchema(cols, strict=False, name="cause table")
