"""Every file of the corpus (tests/corpus/make_corpus.py) has the outcome it must have,
read with an upload's limits."""

from __future__ import annotations

import pytest

from causes.config import MAX_UPLOAD_BYTES, MAX_UPLOAD_ROWS
from causes.loader import CauseTableError, load_cause_table
from tests.causes.tables import split_cell
from tests.corpus.make_corpus import CASES, HOSTILE, Case


def upload(case: Case):
    return load_cause_table(case.data, name=case.name, max_bytes=MAX_UPLOAD_BYTES, max_rows=MAX_UPLOAD_ROWS)


@pytest.mark.parametrize("case", [c for c in CASES if c.loads], ids=lambda c: c.name)
def test_files_people_have_load(case: Case) -> None:
    table = upload(case)
    assert len(table) == case.causes
    assert table.warnings == case.notes
    assert table.name == case.name


@pytest.mark.parametrize("case", [c for c in CASES if not c.loads], ids=lambda c: c.name)
def test_files_that_cannot_be_used_are_refused_with_their_reasons(case: Case) -> None:
    with pytest.raises(CauseTableError) as info:
        upload(case)
    messages = [str(p) for p in info.value.problems]
    assert messages == list(case.problems)
    assert (info.value.cells is not None) == case.fixable
    # Every problem with a row or a column also says how to fix it.
    for p in info.value.problems:
        if p.column or p.row:
            assert p.fix or "try again" in p.message or "Split it" in p.message, p


def test_the_corpus_covers_every_case_the_issue_names() -> None:
    names = {c.name for c in CASES}
    for needed in (
        "utf8-bom.csv",
        "windows-1252.csv",
        "excel-european-semicolons.csv",
        "trailing-blank-lines.csv",
        "blank-columns.csv",
        "empty.csv",
        "header-only.csv",
        "image-renamed.csv",
        "utf-16.csv",
        "unclosed-quote.csv",
        "ragged-row.csv",
        "missing-column.csv",
        "duplicate-causes.csv",
        "duplicate-column.csv",
        "one-megabyte-cell.csv",
        "nul-bytes.csv",
        "javascript-source.csv",
        "data-url-source.csv",
    ):
        assert needed in names


def test_hostile_text_loads_as_written() -> None:
    """Hostile text is not refused (it may be a real word); it is kept exactly as written
    and made inert wherever it is shown."""
    table = upload(next(c for c in CASES if c.name == "hostile-text.csv"))
    for i, text in enumerate(HOSTILE.values()):
        record = table.record(i)
        assert record["summary"] == text[:400]
        assert record["red_flags"] == tuple(split_cell(text))
        assert record["notes"] == text


def test_the_corpus_can_be_written_out(tmp_path) -> None:
    from tests.corpus.make_corpus import main

    assert main([str(tmp_path)]) == 0
    written = {p.name for p in tmp_path.iterdir()}
    assert written == {c.name for c in CASES if c.write}
    assert (tmp_path / "utf-16.csv").read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
