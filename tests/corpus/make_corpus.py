"""A corpus of awkward and bad cause-table files, each with the outcome it must have.

The files are made by this script, never pasted by hand, so each shows exactly the one
thing it is about. The tests read `CASES` directly; to look at the files, or upload them
by hand, write them out:

    python -m tests.corpus.make_corpus OUT_DIR

Each case is a file as a person might have it (saved by a spreadsheet in some locale,
renamed, cut short, or written to do harm) and what must happen when it is uploaded:
it loads (with how many causes and which notes), or it is refused (with which messages,
and whether its cells open in the grid to be fixed)."""

from __future__ import annotations

import csv
import io
import sys
from dataclasses import dataclass, field
from pathlib import Path

from causes.config import MAX_UPLOAD_BYTES, MAX_UPLOAD_ROWS
from causes.loader import MAX_CELL_CHARS
from causes.schema import COLUMN_NAMES

HEADER: list[str] = list(COLUMN_NAMES)

# Text that would do something if any page, chart, slide or export treated it as markup.
HOSTILE: dict[str, str] = {
    "script": "<script>alert('cell')</script>",
    "img": '<img src="https://evil.example/pixel.png" onerror="alert(1)">',
    "md_image": "![tracker](https://evil.example/track.png)",
    "js_link": "[click me](javascript:alert(document.cookie))",
    "data_link": "[open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "colour": ":red[**ALERT**] :rainbow-background[look]",
    "latex": "$$\\href{javascript:alert(1)}{x}$$ $\\color{red}{y}$",
    "html_link": '<a href="javascript:alert(2)">link</a>',
    "iframe": '<iframe src="https://evil.example/"></iframe>',
    "formula": '=HYPERLINK("https://evil.example","x")',
    "entity": "&lt;b&gt;bold&lt;/b&gt; <b>bold</b>",
}


def row(i: int, **change: str) -> dict[str, str]:
    """A valid, fully filled row; the i-th has its own name."""
    base = {
        "cause": f"Cause {i + 1}",
        "category": "Lifestyle",
        "symptoms": "cramps at night; twitching at rest",
        "body_areas": "calves",
        "risk_factors": "older age",
        "summary": "A short, plain summary.",
        "explanation": "A first paragraph.\n\nA second paragraph.",
        "urgency": "self-care",
        "red_flags": "weakness",
        "self_care": "stretch",
        "source_name": "NHS",
        "source_url": "https://www.nhs.uk/conditions/",
        "last_reviewed": "2026-01-31",
    }
    return base | change


def write(
    rows: list[dict[str, str]],
    header: list[str] | None = None,
    *,
    delimiter: str = ",",
    newline: str = "\r\n",
    spelled: list[str] | None = None,
) -> str:
    """CSV text of `rows` with the columns of `header`, the header written as `spelled`."""
    header = HEADER if header is None else header
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator=newline)
    writer.writerow(spelled or header)
    writer.writerows([r.get(h, "") for h in header] for r in rows)
    return buf.getvalue()


def rows(n: int) -> list[dict[str, str]]:
    return [row(i) for i in range(n)]


def hostile_rows() -> list[dict[str, str]]:
    """Valid rows whose every text column is hostile, one kind of attack per row."""
    out = []
    for i, (kind, text) in enumerate(HOSTILE.items()):
        out.append(
            row(
                i,
                cause=f"{text} {kind}",
                category=f"{text} group",
                symptoms=f"{text}; cramps at night",
                body_areas=f"calves; {text}",
                risk_factors=text,
                summary=text[:400],
                explanation=f"{text}\n\n{text}",
                red_flags=text,
                self_care=text,
                source_name=text,
                notes=text,
            )
        )
    return out


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes
    causes: int = 0  # loads with this many causes; 0: refused
    notes: tuple[str, ...] = ()  # the loader's notes on a file that loads
    problems: tuple[str, ...] = ()  # a refused file's messages, in order (the first few)
    fixable: bool = False  # a refused file's cells open in the grid to be fixed
    write: bool = field(default=True)  # written out by `main` (not the one over the size limit)

    @property
    def loads(self) -> bool:
        return self.causes > 0


CP1252 = "The file is not UTF-8, so it was read as Windows-1252. Check accented letters look right."
SEMICOLON = "The file is semicolon-separated; it was read as such."
NOT_CSV = "not a CSV file. Save the table as CSV (UTF-8) and try again."
ACCENTED = [
    row(0, cause="Crampes nocturnes répétées", summary="Contractions douloureuses, souvent la nuit; à étirer."),
    row(1),
]


def _cases() -> list[Case]:
    good = write(rows(3))
    big_cell = write([row(0, explanation="x" * (MAX_CELL_CHARS * 10 + 1))])
    return [
        # --- files people have: they load ------------------------------------------------------
        Case("utf8.csv", good.encode(), 3),
        Case("utf8-bom.csv", b"\xef\xbb\xbf" + good.encode(), 3),
        Case("lf-line-ends.csv", write(rows(3), newline="\n").encode(), 3),
        Case("windows-1252.csv", write(ACCENTED).encode("cp1252"), 2, notes=(CP1252,)),
        Case(
            "latin-1.csv",
            write([row(0, summary="Soft hyphen\xad and control \x81 chars."), row(1)]).encode("latin-1"),
            2,
            notes=("The file is not UTF-8, so it was read as Latin-1. Check accented letters look right.",),
        ),
        Case(
            "excel-european-semicolons.csv",
            write(ACCENTED, delimiter=";").encode("cp1252"),
            2,
            notes=(CP1252, SEMICOLON),
        ),
        Case(
            "excel-sep-line.csv",
            ("sep=;\r\n" + write([row(0), row(1, urgency="soon")], delimiter=";")).encode("cp1252"),
            problems=('row 3, urgency: "soon" is not one of self-care, see a doctor, urgent, emergency',),
            fixable=True,
        ),
        Case(
            "excel-sep-line-valid.csv",
            ("sep=;\r\n" + write(ACCENTED, delimiter=";")).encode("cp1252"),
            2,
            notes=(CP1252, SEMICOLON),
        ),
        Case("semicolons-utf8.csv", write(rows(2), delimiter=";").encode(), 2, notes=(SEMICOLON,)),
        Case(
            "tab-separated.tsv",
            write(rows(2), delimiter="\t").encode(),
            2,
            notes=("The file is tab-separated; it was read as such.",),
        ),
        Case("trailing-blank-lines.csv", (good + "\r\n\r\n,,,,\r\n\r\n").encode(), 3),
        Case("blank-lines-above-header.csv", ("\r\n\r\n" + good).encode(), 3),
        Case(
            "blank-columns.csv",
            write(rows(2), [*HEADER, "", ""]).encode(),
            2,
        ),
        Case("header-in-any-case.csv", write(rows(2), spelled=[f" {h.upper()} " for h in HEADER]).encode(), 2),
        Case("hostile-text.csv", write(hostile_rows(), [*HEADER, "notes"]).encode(), len(HOSTILE)),
        # --- files that cannot be tables: refused, with one clear reason --------------------------
        Case(
            "empty.csv", b"", problems=("The file is empty: a cause table needs a header row and at least one cause.",)
        ),
        Case(
            "blank.csv",
            b"\r\n \r\n",
            problems=("The file is empty: a cause table needs a header row and at least one cause.",),
        ),
        Case("header-only.csv", write([]).encode(), problems=("The file has a header row but no causes below it.",)),
        Case(
            "image-renamed.csv",
            b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
            problems=(f"This is a PNG image, {NOT_CSV}",),
        ),
        Case("jpeg-renamed.csv", b"\xff\xd8\xff\xe0" + bytes(200), problems=(f"This is a JPEG image, {NOT_CSV}",)),
        Case("pdf-renamed.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", problems=(f"This is a PDF document, {NOT_CSV}",)),
        Case(
            "workbook.xlsx.csv",
            b"PK\x03\x04\x14\x00\x06\x00" + bytes(100),
            problems=(f"This is a zip file (an Excel .xlsx workbook is one), {NOT_CSV}",),
        ),
        Case(
            "utf-16.csv",
            good.encode("utf-16"),
            problems=("The file is saved as UTF-16. Save it as CSV UTF-8 (comma-separated) and try again.",),
        ),
        Case(
            "nul-bytes.csv",
            good.encode().replace(b"Lifestyle", b"Life\x00style", 1),
            problems=(
                "The file holds NUL bytes, so it is a binary file or saved as UTF-16, not a CSV text file."
                " Save it as CSV UTF-8 and try again.",
            ),
        ),
        Case(
            "unclosed-quote.csv",
            (good + '"Cause 9,Lifestyle,cramps,calves,,A summary\r\n').encode(),
            problems=('row 5: A quoted cell is never closed: look for a stray " in this row or the one before.',),
        ),
        Case(
            "ragged-row.csv",
            (
                good
                + "Cause 9,Lifestyle,cramps,calves,,A summary, with a comma"
                + "," * (len(HEADER) - 6)
                + "extra\r\n"
            ).encode(),
            problems=(
                f"row 5: has {len(HEADER) + 1} cells but the header has {len(HEADER)}: "
                "is a cell missing its quotes, or is there a stray comma?",
            ),
        ),
        Case(
            "duplicate-column.csv",
            write(rows(2), [*HEADER, "Summary"]).encode(),
            problems=(
                f"row 1, summary: the column name appears twice (columns 6 and {len(HEADER) + 1}); "
                "each column may appear once",
            ),
        ),
        Case(
            "one-megabyte-cell.csv",
            big_cell.encode(),
            problems=(f"row 2: A cell is longer than {MAX_CELL_CHARS:,} characters, the most a cell may hold.",),
        ),
        Case(
            "too-many-rows.csv",
            write([row(i, explanation="", summary="s") for i in range(MAX_UPLOAD_ROWS + 1)]).encode(),
            problems=(
                f"The file has more than {MAX_UPLOAD_ROWS:,} causes, the most Cause Atlas takes."
                " Split it into smaller tables.",
            ),
        ),
        Case(
            "too-big.csv",
            b"cause,category,symptoms,body_areas,summary\r\n" + b"x" * MAX_UPLOAD_BYTES,
            problems=(
                f"The file is {(MAX_UPLOAD_BYTES + 44) / 2**20:,.1f} MB; the most Cause Atlas takes is"
                f" {MAX_UPLOAD_BYTES / 2**20:,.0f} MB. Split it into smaller tables, or shorten the longest cells.",
            ),
            write=False,
        ),
        # --- tables with problems in their cells: refused, and fixable in the grid -----------------
        Case(
            "missing-column.csv",
            write(rows(2), [h for h in HEADER if h != "body_areas"]).encode(),
            problems=("row 1, body_areas: this required column is missing from the header row",),
            fixable=True,
        ),
        Case(
            "duplicate-causes.csv",
            write([row(0), row(1), row(2, cause=" cause 1 ")]).encode(),
            problems=(
                'row 2, cause: "Cause 1" is also the name in row 4; each cause must have its own name',
                'row 4, cause: " cause 1 " is also the name in row 2; each cause must have its own name',
            ),
            fixable=True,
        ),
        Case(
            "javascript-source.csv",
            write([row(0, source_url="javascript:alert(document.cookie)"), row(1)]).encode(),
            problems=(
                'row 2, source_url: "javascript:alert(document.cookie)" is not a web address starting with'
                " http:// or https://",
            ),
            fixable=True,
        ),
        Case(
            "data-url-source.csv",
            write([row(0), row(1, source_url="data:text/html,<script>alert(1)</script>")]).encode(),
            problems=(
                'row 3, source_url: "data:text/html,<script>alert(1)</script>" is not a web address starting'
                " with http:// or https://",
            ),
            fixable=True,
        ),
        Case(
            "clinic-list-with-mistakes.csv",
            write(
                [
                    row(0),
                    row(1, urgency="soon", last_reviewed="31/01/2026"),
                    row(2, symptoms=" ; "),
                    row(3, summary=""),
                ]
            ).encode(),
            problems=(
                'row 3, urgency: "soon" is not one of self-care, see a doctor, urgent, emergency',
                'row 3, last_reviewed: "31/01/2026" is not a real date written as YYYY-MM-DD',
                'row 4, symptoms: " ; " the list is empty; give at least one item (separate items with ;)',
                "row 5, summary: the cell is blank, but this column is required",
            ),
            fixable=True,
        ),
    ]


CASES: tuple[Case, ...] = tuple(_cases())


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    for case in CASES:
        if case.write:
            (out / case.name).write_bytes(case.data)
    print(f"wrote {sum(c.write for c in CASES)} files to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
