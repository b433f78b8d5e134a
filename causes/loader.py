"""Read a cause table from a path or from uploaded bytes, and validate every row.

`load_cause_table` returns a `CauseTable` or raises `CauseTableError`, which carries
every problem found, each naming the spreadsheet row (the header is row 1), the column,
the value and what is wrong. No other exception escapes for any input.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import io
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pandera
import pyarrow as pa
import pyarrow.csv as pacsv

from causes.content import GLOSSARY_FILE, Glossary
from causes.i18n import N_, _, language, ngettext, number
from causes.redflags import table_conflicts
from causes.schema import (
    COLUMN_NAMES,
    COLUMNS,
    MSG_DUPLICATE,
    REQUIRED,
    build_schema,
    problem_text,
    unneutralise,
)
from causes.strings import SCAN_BLOCK, as_str, name_key, odd_space_in
from causes.table import CauseTable

MAX_CELL_CHARS = 100_000
_VALUE_SHOWN = 60

# What a file is, read into "This is {what}, not a CSV file." (English marked for the catalog).
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", N_("a PNG image")),
    (b"\xff\xd8\xff", N_("a JPEG image")),
    (b"GIF8", N_("a GIF image")),
    (b"%PDF", N_("a PDF document")),
    (b"PK\x03\x04", N_("a zip file (an Excel .xlsx workbook is one)")),
    (b"\xd0\xcf\x11\xe0", N_("an old Excel .xls workbook")),
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a cause table, in plain words (in the language of the run that
    read it). `code` says which check found it, whatever the language (a `causes.schema`
    `MSG_*`, or `MSG_MISSING_COLUMN`; "" for the others)."""

    message: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    fix: str = ""
    code: str = field(default="", compare=False)

    def __str__(self) -> str:
        # Translators: where a problem is in a table: the spreadsheet's row number.
        row = _("row {row}").format(row=self.row) if self.row else ""
        where = ", ".join(p for p in (row, self.column or "") if p)
        text = self.message
        if self.value and self.value.strip():
            v = self.value if len(self.value) <= _VALUE_SHOWN else self.value[: _VALUE_SHOWN - 1] + "…"
            # Translators: a cell's value, then what is wrong with it ("is not a real date ...").
            text = _('"{value}" {problem}').format(value=v, problem=self.message)
        # Translators: {where} is "row 3, urgency" (or one of them); {problem} what is wrong there.
        return _("{where}: {problem}").format(where=where, problem=text) if where else text


class CauseTableError(Exception):
    """A cause table that cannot be used, with every problem found.

    `cells` is the table as read, every cell a string, indexed by spreadsheet row and
    with every column of the format, when the file could be read into rows and columns;
    problems in it can then be fixed cell by cell. It is None for a file that could not
    be read as a table at all (not text, broken quoting, a ragged row, a column twice)."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...], cells: pd.DataFrame | None = None) -> None:
        self.problems = tuple(problems)
        self.cells = cells
        lines = [str(p) for p in self.problems[:10]]
        if len(self.problems) > 10:
            more = len(self.problems) - 10
            # Translators: at the end of a list of problems with a table.
            lines.append(ngettext("… and {n} more", "… and {n} more", more).format(n=number(more)))
        super().__init__("\n".join(lines))


def _fail(message: str, **where: Any) -> CauseTableError:
    return CauseTableError([Problem(message, **where)])


_BLANK_BYTES = re.compile(rb"[ \t\r\n\x0b\x0c]*")


def _check_text(data: bytes) -> None:
    """Refuse what is not a text file at all."""
    if _BLANK_BYTES.fullmatch(data):
        raise _fail(_("The file is empty: a cause table needs a header row and at least one cause."))
    for magic, what in _SIGNATURES:
        if data.startswith(magic):
            raise _fail(
                # Translators: {what} is what the file is instead, e.g. "a PNG image".
                _("This is {what}, not a CSV file. Save the table as CSV (UTF-8) and try again.").format(what=_(what))
            )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail(_("The file is saved as UTF-16. Save it as CSV UTF-8 (comma-separated) and try again."))
    if b"\x00" in data:
        raise _fail(
            _(
                "The file holds NUL bytes, so it is a binary file or saved as UTF-16, not a CSV text file."
                " Save it as CSV UTF-8 and try again."
            )
        )


def _decode(data: bytes) -> tuple[str, list[str]]:
    _check_text(data)
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        encoding = "Windows-1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        encoding = "Latin-1"
    # Translators: {encoding} is the name of a character encoding, "Windows-1252" or "Latin-1".
    note = _("The file is not UTF-8, so it was read as {encoding}. Check accented letters look right.")
    return text, [note.format(encoding=encoding)]


def _normalise_name(name: str) -> str:
    return name.strip().casefold()


_KNOWN = {c.name: c.name for c in COLUMNS}
_LINE_BREAKS = re.compile(r"[\r\n]*")
_LINE_BREAK = re.compile(r"[\r\n]")
_SEP_LINE = re.compile(r"sep=([,;\t|])[ \t]*(?:\r\n|\r|\n)", re.IGNORECASE)


def _dialect(text: str) -> tuple[str, str, bool]:
    """The text from the header on, its separator, and whether an Excel `sep=` line named it."""
    best: tuple[int, str] | None = None
    leading = _LINE_BREAKS.match(text)
    assert leading is not None  # `[\r\n]*` matches any text, if only as ""
    start = leading.end()
    named = _SEP_LINE.match(text, start)
    if named:
        # Excel's `sep=;` first line names the separator; Excel hides it, so rows count
        # from the header as 1 here too.
        return text[named.end() :], named.group(1), True
    line_end = _LINE_BREAK.search(text, start)
    first_line = text[start : line_end.start() if line_end else len(text)]
    for delimiter in (",", ";", "\t"):
        try:
            header = next(csv.reader([first_line], delimiter=delimiter))
        except (csv.Error, StopIteration):
            continue
        found = sum(1 for h in header if _normalise_name(h) in _KNOWN)
        if best is None or found > best[0]:
            best = (found, delimiter)
    return text, best[1] if best and best[0] else ",", False


def _parse(text: str, max_rows: int | None = None) -> tuple[int, list[str], list[tuple[int, list[str]]], str]:
    """Split into the header and (spreadsheet row, cells) records, choosing the delimiter.
    Reading stops as soon as more than `max_rows` causes are seen."""
    text, delimiter, _named = _dialect(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    row = 0
    filled = 0  # rows with any text, the header among them
    try:
        for cells in reader:
            row += 1
            if max_rows is not None and any(c.strip() for c in cells):
                filled += 1
                if filled > max_rows + 1:
                    raise _fail(_too_many_rows(max_rows))
            for cell in cells:
                if len(cell) > MAX_CELL_CHARS:
                    raise _fail(
                        _("A cell is {n} characters long; the most a cell may hold is {most}.").format(
                            n=number(len(cell)), most=number(MAX_CELL_CHARS)
                        ),
                        row=row,
                        fix=_("Shorten the cell, or link to a page that says the rest."),
                    )
            records.append((row, cells))
    except csv.Error as e:
        detail = str(e)
        fix = ""
        if "unexpected end of data" in detail or "EOF" in detail:
            msg = _('A quoted cell is never closed: look for a stray " in this row or the one before.')
            fix = _('Close the quoted cell with a ", or write a quote inside a quoted cell as "".')
        elif "expected after" in detail:
            msg = _('A quoted cell has text after its closing quote; write a quote inside a quoted cell as "".')
            fix = _('Write a quote inside a quoted cell as "", or remove the stray quote.')
        elif "field larger" in detail:
            msg = _("A cell is longer than {most} characters, the most a cell may hold.").format(
                most=number(MAX_CELL_CHARS)
            )
            fix = _("Shorten the cell, or link to a page that says the rest.")
        else:
            # Translators: {detail} is Python's own (English) description of the CSV error.
            msg = _("This row cannot be read as CSV ({detail}).").format(detail=detail)
        raise _fail(msg, row=row + 1, fix=fix) from None
    while records and not any(c.strip() for c in records[-1][1]):
        records.pop()
    if not records:
        raise _fail(_("The file is empty: a cause table needs a header row and at least one cause."))
    while not any(c.strip() for c in records[0][1]):  # blank lines above the header
        records.pop(0)
    header_row, header = records[0]
    body = [(r, c) for r, c in records[1:] if any(x.strip() for x in c)]
    return header_row, header, body, delimiter


def _quoting_is_plain(payload: bytes, delimiter: str) -> bool:
    """Whether every double quote in the file opens a cell (right after a separator or a
    line break), closes one (right before), or is doubled inside a quoted cell. That is the
    quoting the strict reader accepts, less quotes inside unquoted cells: there, and after
    a closing quote, Arrow's reader and Python's part ways."""
    buf = np.frombuffer(payload, dtype=np.uint8)
    quotes = np.concatenate(
        [np.zeros(0, dtype=np.intp)]
        + [np.flatnonzero(buf[i : i + SCAN_BLOCK] == ord('"')) + i for i in range(0, len(buf), SCAN_BLOCK)]
    )
    if not len(quotes):
        return True
    breaks = np.flatnonzero(np.diff(quotes) != 1) + 1  # runs of quotes side by side
    starts = quotes[np.concatenate([[0], breaks])]
    ends = quotes[np.concatenate([breaks - 1, [len(quotes) - 1]])]
    lengths = ends - starts + 1
    inside_after = np.cumsum(lengths) % 2 == 1  # in a quoted cell after the run
    inside_before = inside_after ^ (lengths % 2 == 1)
    edge = np.zeros(256, dtype=bool)
    edge[[ord(delimiter), ord("\n"), ord("\r")]] = True
    opens_cell = (starts == 0) | edge[buf[starts - 1]]
    closes_cell = (ends == len(buf) - 1) | edge[buf[np.minimum(ends + 1, len(buf) - 1)]]
    return bool(not inside_after[-1] and opens_cell[~inside_before].all() and closes_cell[~inside_after].all())


_ARROW_STRINGS = pacsv.ConvertOptions(
    column_types={f"f{i}": pa.large_string() for i in range(1024)},
    strings_can_be_null=False,
    quoted_strings_can_be_null=False,
)
_NEUTRALISED_CELL = r"[ \t\r\n]*'+[=+\-@]"
_NOT_SPACE = r"[^ \t\r\n]"


def _fast_cells(payload: bytes, delimiter: str, max_rows: int | None) -> pd.DataFrame | None:
    """The cells of a plain, well-formed table, read by Arrow's CSV reader in C++, without
    row numbers. None for anything else (a quote the two readers take differently,
    whitespace Python and Arrow trim differently, rows of uneven length, a column named
    twice or missing, an over-long cell, too many rows, no causes): the exact reader then
    reads the file again and explains what is wrong, row by row."""
    if odd_space_in(payload) or not _quoting_is_plain(payload, delimiter):
        return None
    try:
        arrow = pacsv.read_csv(
            pa.py_buffer(payload),
            read_options=pacsv.ReadOptions(autogenerate_column_names=True, block_size=1 << 24),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=True),
            convert_options=_ARROW_STRINGS,
        )
    except (pa.ArrowException, ValueError):
        return None
    if arrow.num_columns > 1024 or any(not pa.types.is_large_string(t) for t in arrow.schema.types):
        return None
    raw = arrow.to_pandas()
    raw.columns = range(raw.shape[1])
    if any(raw[c].str.len().max() > MAX_CELL_CHARS for c in raw.columns):
        return None
    # With no unusual whitespace in the file, a cell is blank when it holds nothing but
    # spaces, tabs and line breaks: found without a trimmed copy of every cell.
    filled = np.zeros(len(raw), dtype=bool)
    for c in raw.columns:
        filled |= raw[c].str.contains(_NOT_SPACE).to_numpy()
    rows = np.flatnonzero(filled)
    if len(rows) < 2 or (max_rows is not None and len(rows) - 1 > max_rows):
        return None
    names, problems = _columns(1, raw.iloc[rows[0]].tolist(), [])
    if problems:
        return None
    # Mostly every row is filled: a slice then takes no copy.
    body = raw.iloc[rows[0] + 1 :] if len(rows) == len(raw) - rows[0] else raw.iloc[rows[1:]]
    keep = [c for c, n in zip(raw.columns, names, strict=True) if n]
    if any(body[c].str.contains(_NOT_SPACE).any() for c, n in zip(raw.columns, names, strict=True) if not n):
        return None
    cells = body[keep].reset_index(drop=True)
    cells.columns = [n for n in names if n]
    for c in cells.columns:
        marked = cells[c].str.match(_NEUTRALISED_CELL).to_numpy()
        if marked.any():  # a quote an export put before a would-be formula is dropped
            cells.loc[marked, c] = cells.loc[marked, c].str.strip().str.slice(1)
    return cells


# Read after the column's name: "row 1, symptoms: this required column is missing ...".
MSG_MISSING_COLUMN = N_("this required column is missing from the header row")


def _too_many_rows(max_rows: int) -> str:
    return _("The file has more than {most} causes, the most Cause Atlas takes. Split it into smaller tables.").format(
        most=number(max_rows)
    )


def _columns(
    header_row: int, header: list[str], body: list[tuple[int, list[str]]]
) -> tuple[list[str | None], list[Problem]]:
    """Map each header cell to its column name (None: a blank, unnamed column to drop)."""
    names: list[str | None] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for i, written in enumerate(header):
        raw = unneutralise(written)
        key = _normalise_name(raw)
        if not key:
            if any(i < len(c) and c[i].strip() for _, c in body):
                problems.append(
                    Problem(
                        # Translators: {n} is the column's place, counted from 1 at the left.
                        _("column {n} has values but no name in the header row").format(n=i + 1),
                        row=header_row,
                        fix=_("Give the column a name in the header row, or delete it."),
                    )
                )
            names.append(None)
            continue
        name = _KNOWN.get(key, raw.strip())
        dup_key = name.casefold()
        if dup_key in seen:
            problems.append(
                Problem(
                    # Translators: read after the column's name; {first} and {second} are the
                    # columns' places, counted from 1 at the left.
                    _(
                        "the column name appears twice (columns {first} and {second}); each column may appear once",
                    ).format(first=seen[dup_key] + 1, second=i + 1),
                    row=header_row,
                    column=name,
                    fix=_("Rename or delete one of the two columns."),
                )
            )
        else:
            seen[dup_key] = i
        names.append(name)
    present = {n for n in names if n}
    for col in REQUIRED:
        if col not in present:
            problems.append(
                Problem(
                    _(MSG_MISSING_COLUMN),
                    row=header_row,
                    column=col,
                    fix=_("Add a column with this name, then fill it in for every cause."),
                    code=MSG_MISSING_COLUMN,
                )
            )
    return names, problems


def _cells(names: list[str | None], body: list[tuple[int, list[str]]]) -> tuple[pd.DataFrame, list[Problem]]:
    width = len(names)
    problems: list[Problem] = []
    keep = [i for i, n in enumerate(names) if n]
    rows: list[list[str]] = []
    index: list[int] = []
    for row, cells in body:
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            problems.append(
                Problem(
                    # Translators: read after "row N: "; {n} and {width} are numbers of cells.
                    _(
                        "has {n} cells but the header has {width}: is a cell missing its quotes,"
                        " or is there a stray comma?",
                    ).format(n=number(len(cells)), width=number(width)),
                    row=row,
                    fix=_('Put quotes around a cell that holds a comma, like "cramps, spasms".'),
                )
            )
            continue
        if len(cells) < width and any(names[i] for i in range(len(cells), width)):
            problems.append(
                Problem(
                    # Translators: read after "row N: "; {n} and {width} are numbers of cells.
                    _("has {n} cells but the header has {width}: is a cell or a separator missing?").format(
                        n=number(len(cells)), width=number(width)
                    ),
                    row=row,
                    fix=_("Give the row one cell for every column, blank ones included."),
                )
            )
            continue
        # A quote an export put before a would-be formula is dropped before any check.
        rows.append([unneutralise(cells[i]) if i < len(cells) else "" for i in keep])
        index.append(row)
    cols = [names[i] for i in keep]
    frame = pd.DataFrame(rows, columns=cols, index=pd.Index(index, dtype="int64", name="row"), dtype=object)
    return frame, problems


def _schema_problems(frame: pd.DataFrame) -> list[Problem]:
    schema = build_schema(present=set(frame.columns))
    try:
        schema.validate(frame.apply(as_str), lazy=True)
    except pandera.errors.SchemaErrors as e:
        problems = []
        for case in e.failure_cases.itertuples(index=False):
            code = str(case.check)
            message, fix = problem_text(code)
            if pd.isna(case.index):
                problems.append(Problem(message, column=str(case.column), fix=fix, code=code))
                continue
            problems.append(
                Problem(
                    message,
                    row=int(case.index),
                    column=str(case.column),
                    value=str(case.failure_case),
                    fix=fix,
                    code=code,
                )
            )
        return problems
    return []


def _name_duplicates(problems: list[Problem], frame: pd.DataFrame) -> list[Problem]:
    """Say which other rows use the same cause name."""
    keys = frame["cause"].astype(str).map(name_key)
    rows_by_key: dict[str, list[int]] = {}
    for row, key in zip(keys.index, keys, strict=True):
        rows_by_key.setdefault(key, []).append(int(row))
    out = []
    for p in problems:
        if p.code == MSG_DUPLICATE and p.row is not None:
            others = [r for r in rows_by_key.get(name_key(p.value or ""), []) if r != p.row]
            message = _also_named(others)
            if message is not None:
                p = replace(p, message=message)
        out.append(p)
    return out


def _also_named(others: list[int]) -> str | None:
    """Which other rows (the first three) use a cause's name, read after the name in quotes."""
    rows = [str(r) for r in others[:3]]
    if len(others) > 3:
        # Translators: read after a cause's name in quotes; {first}, {second}, {third} are row numbers.
        text = _(
            "is also the name in row {first} and row {second} and row {third} and more;"
            " each cause must have its own name",
        )
    elif len(rows) == 3:
        # Translators: read after a cause's name in quotes; {first}, {second}, {third} are row numbers.
        text = _("is also the name in row {first} and row {second} and row {third}; each cause must have its own name")
    elif len(rows) == 2:
        # Translators: read after a cause's name in quotes; {first} and {second} are row numbers.
        text = _("is also the name in row {first} and row {second}; each cause must have its own name")
    elif rows:
        # Translators: read after a cause's name in quotes; {first} is a row number.
        text = _("is also the name in row {first}; each cause must have its own name")
    else:
        return None
    first, second, third = (*rows, "", "")[:3]
    return text.format(first=first, second=second, third=third)


def _all_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """The cells with every column of the format (a missing one blank), the format's
    columns first, then the file's own, to fix cell by cell."""
    out = frame.copy()
    for name in COLUMN_NAMES:
        if name not in out.columns:
            out[name] = ""
    extras = [c for c in frame.columns if c not in COLUMN_NAMES]
    return out[[*COLUMN_NAMES, *extras]]


def _raise_problems(frame: pd.DataFrame, problems: list[Problem]) -> None:
    """Validate the cells (indexed by spreadsheet row); `problems` are those already found.
    A ragged row leaves no cells to fix."""
    ragged = bool(problems)
    problems = problems + _schema_problems(frame)
    if problems:
        problems = _name_duplicates(problems, frame)
        order = {n: i for i, n in enumerate(frame.columns)}
        problems.sort(key=lambda p: (p.row or 0, order.get(p.column or "", -1)))
        raise CauseTableError(problems, cells=None if ragged else _all_columns(frame))


def _build(frame: pd.DataFrame, label: str, digest: str, warnings: list[str], glossary: Glossary) -> CauseTable:
    extras = [c for c in frame.columns if c not in COLUMN_NAMES]
    table = CauseTable.from_cells(
        frame, name=label, digest=digest, warnings=warnings, extra_columns=extras, declared=glossary.declared()
    )
    # One sign, one level: a sign given two is a warning, not a problem (the table is usable).
    conflicts = table_conflicts(table.frame["red_flags"], table.frame["urgency"])
    return replace(table, warnings=(*table.warnings, *conflicts)) if conflicts else table


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for a while. Reading a table makes millions of
    lists and tuples that all stay alive; each full collection on the way walks all of
    them again, which made a million-cause load several times slower."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def load_cause_table(
    source: str | os.PathLike[str] | bytes,
    name: str | None = None,
    *,
    max_bytes: int | None = None,
    max_rows: int | None = None,
    glossary: Glossary | None = None,
) -> CauseTable:
    """Read and validate a cause table from a file path or from the bytes of an upload.
    `max_bytes` and `max_rows` refuse a larger file (an upload's limits).

    The broader terms the table's glossary declares (`causes.vocabulary`) are part of the
    table: `glossary`, or for a path, the `glossary.csv` beside it, if any. A broader term
    that cannot be used is a note in `warnings` naming the glossary's row, not a problem:
    the table still loads."""
    if glossary is None:
        beside = None if isinstance(source, bytes | bytearray) else Path(source).parent / GLOSSARY_FILE
        glossary = Glossary.load(beside) if beside is not None else Glossary()
    with collector_paused():
        return _load_cause_table(source, name, max_bytes=max_bytes, max_rows=max_rows, glossary=glossary)


_HEAD_BYTES = 1 << 20


def _utf8_head(data: bytes) -> str | None:
    """The file's first megabyte up to its last line break, when that much decodes as UTF-8
    (None otherwise, or when it holds no line break)."""
    cut = max(data.rfind(b"\n", 0, _HEAD_BYTES), data.rfind(b"\r", 0, _HEAD_BYTES))
    if len(data) <= _HEAD_BYTES:
        cut = len(data)
    if cut < 0:
        return None
    try:
        return data[:cut].decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _separator_warning(delimiter: str) -> list[str]:
    if delimiter == ",":
        return []
    if delimiter == ";":
        return [_("The file is semicolon-separated; it was read as such.")]
    return [_("The file is tab-separated; it was read as such.")]


def _fast_table(
    payload: bytes, head: str, warnings: list[str], label: str, digest: str, max_rows: int | None, glossary: Glossary
) -> CauseTable | None:
    """The table, read by Arrow's reader, when the file is plain and valid; None otherwise."""
    _head, delimiter, named = _dialect(head)
    if named:
        return None
    cells = _fast_cells(payload, delimiter, max_rows)
    if cells is None or _schema_problems(cells):
        return None
    return _build(cells, label, digest, warnings + _separator_warning(delimiter), glossary)


def _load_cause_table(
    source: str | os.PathLike[str] | bytes,
    name: str | None,
    *,
    max_bytes: int | None,
    max_rows: int | None,
    glossary: Glossary | None = None,
    fast: bool = True,
) -> CauseTable:
    """`fast=False` reads every file with the exact reader (for tests that compare the two)."""
    glossary = glossary or Glossary()
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
        label = name or _("uploaded table")
    else:
        path = Path(source)
        label = name or path.name
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise _fail(_("There is no file at {path}.").format(path=path)) from None
        except IsADirectoryError:
            raise _fail(_("{path} is a folder, not a CSV file.").format(path=path)) from None
        except OSError as e:
            # Translators: {path} is a file's path; {reason} the system's (English) reason.
            raise _fail(_("{path} cannot be read: {reason}.").format(path=path, reason=e.strerror or e)) from None
    if max_bytes is not None and len(data) > max_bytes:
        raise _fail(
            # Translators: {size} and {most} are sizes in megabytes ("12.5", "10").
            _(
                "The file is {size} MB; the most Cause Atlas takes is {most} MB."
                " Split it into smaller tables, or shorten the longest cells.",
            ).format(size=_megabytes(len(data), 1), most=_megabytes(max_bytes, 0))
        )
    _check_text(data)
    digest = hashlib.sha256(data).hexdigest()
    if fast:
        # A UTF-8 file goes to Arrow's reader as it is, undecoded; the start of it is
        # enough to tell the separator.
        head = _utf8_head(data)
        if head is not None:
            table = _fast_table(data.removeprefix(b"\xef\xbb\xbf"), head, [], label, digest, max_rows, glossary)
            if table is not None:
                return table
    text, warnings = _decode(data)
    if fast and warnings:  # another encoding: the fast reader takes it as UTF-8
        table = _fast_table(text.encode("utf-8"), text, warnings, label, digest, max_rows, glossary)
        if table is not None:
            return table
    header_row, header, body, delimiter = _parse(text, max_rows)
    warnings += _separator_warning(delimiter)
    names, problems = _columns(header_row, header, body)
    if problems and (not body or any(p.code != MSG_MISSING_COLUMN for p in problems)):
        raise CauseTableError(problems)
    if not body:
        raise _fail(_("The file has a header row but no causes below it."))
    frame, ragged = _cells(names, body)
    if problems:  # only missing columns: add them blank, to be filled in
        raise CauseTableError(problems + ragged, cells=None if ragged else _all_columns(frame))
    _raise_problems(frame, ragged)
    return _build(frame, label, digest, warnings, glossary)


def _megabytes(size: int, places: int) -> str:
    """A size in MB as this run's language writes a decimal number: 12.5 (English), 12,5."""
    text = f"{size / 2**20:,.{places}f}"
    if language() == "es":
        return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")
    return text


@dataclass(frozen=True, eq=False)
class CheckedCells:
    """Cells that make a valid table: blank rows dropped, every row numbered. Building the
    table (indexing it) waits until it is wanted."""

    frame: pd.DataFrame
    name: str
    digest: str

    def __len__(self) -> int:
        return len(self.frame)

    def table(self, glossary: Glossary | None = None) -> CauseTable:
        """The table, with the broader terms `glossary` declares (none without one)."""
        with collector_paused():
            return _build(self.frame, self.name, self.digest, [], glossary or Glossary())


def _nonblank_rows(frame: pd.DataFrame) -> np.ndarray:
    """Which rows hold any text; each column is looked at only for rows not yet known to."""
    keep = np.zeros(len(frame), dtype=bool)
    for column in range(frame.shape[1]):
        rest = np.flatnonzero(~keep)
        if not len(rest):
            break
        values = frame.iloc[rest, column]
        keep[rest] = (values.str.len() > 0).to_numpy() & (values.str.strip() != "").to_numpy()
    return keep


def check_cells(cells: pd.DataFrame, name: str, *, max_rows: int | None = None) -> CheckedCells:
    """Check a table given as cells, as edited in a grid: a column per column of the
    format (any others are kept as extra columns), the index the row numbers the problems
    name. Blank cells may be None or NaN; rows with no number get the next free ones, and
    rows left blank are dropped. The values are taken as they are (no formula quote to
    drop). Raises CauseTableError with the cells, as the loader does."""
    frame = cells.astype(object).where(cells.notna(), "").astype(str).astype(object)
    frame.columns = [_KNOWN.get(_normalise_name(str(c)), str(c).strip()) for c in frame.columns]
    numbers = pd.to_numeric(pd.Series(frame.index, dtype=object), errors="coerce")
    known = numbers.dropna()
    start = int(known.max()) + 1 if len(known) else 2
    missing = numbers.isna().to_numpy()
    numbers[missing] = range(start, start + int(missing.sum()))
    frame.index = pd.Index(numbers.astype("int64").to_numpy(), name="row")
    frame = frame[_nonblank_rows(frame)]
    _names, problems = _columns(1, list(frame.columns), [])
    if problems:
        raise CauseTableError(problems, cells=_all_columns(frame.loc[:, ~frame.columns.duplicated()]))
    if frame.empty:
        raise _fail(_("The table has no causes: fill in at least one row."))
    if max_rows is not None and len(frame) > max_rows:
        raise _fail(_too_many_rows(max_rows))
    _raise_problems(frame, [])
    digest = hashlib.sha256(pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes())
    digest.update("\x1f".join(frame.columns).encode())
    return CheckedCells(frame, name, digest.hexdigest())


__all__ = ["CauseTableError", "CheckedCells", "Problem", "check_cells", "load_cause_table"]
