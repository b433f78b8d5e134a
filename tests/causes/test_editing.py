"""Editing a cause table as cells: to cells and back, the edited grid checked again, the
problem report and the files it downloads as."""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd
import pytest

from causes.editing import REPORT_COLUMNS, cells_csv, cells_of, problem_report, problems_line, report_csv
from causes.loader import CauseTableError, Problem, check_cells, load_cause_table
from causes.schema import COLUMN_NAMES
from tests.corpus.make_corpus import CASES, row, write


def case(name: str) -> bytes:
    return next(c.data for c in CASES if c.name == name)


def refused(data: bytes) -> CauseTableError:
    with pytest.raises(CauseTableError) as info:
        load_cause_table(data)
    return info.value


def problems_of_cells(cells: pd.DataFrame) -> list[str]:
    with pytest.raises(CauseTableError) as info:
        check_cells(cells, "edited.csv").table()
    return [str(p) for p in info.value.problems]


# --- cells and back --------------------------------------------------------------------------


def test_cells_are_numbered_as_a_spreadsheet_numbers_rows(bundled):
    cells = cells_of(bundled)
    assert list(cells.index[:3]) == [2, 3, 4]
    assert list(cells.columns) == [*COLUMN_NAMES, *bundled.extra_columns] == [*COLUMN_NAMES, "evidence"]
    assert cells.loc[2, "symptoms"] == "; ".join(bundled.record(0)["symptoms"])


def test_cells_of_a_table_check_back_to_the_same_table(bundled):
    again = check_cells(cells_of(bundled), "again.csv").table()
    pd.testing.assert_frame_equal(again.frame, bundled.frame)
    assert again.name == "again.csv"


def test_cells_written_as_csv_load_back_as_the_same_table(bundled):
    hostile = load_cause_table(case("hostile-text.csv"))
    for table in (bundled, hostile):
        again = load_cause_table(cells_csv(cells_of(table)))
        pd.testing.assert_frame_equal(again.frame, table.frame)
        assert again.extra_columns == table.extra_columns


def test_the_csv_of_cells_neutralises_would_be_formulas():
    cells = cells_of(load_cause_table(write([row(0, cause="=1+1", summary="@SUM(A1)")]).encode()))
    text = cells_csv(cells).decode()
    assert "'=1+1" in text and "'@SUM(A1)" in text
    assert load_cause_table(text.encode()).record(0)["cause"] == "=1+1"


def test_the_digest_follows_the_content(bundled):
    cells = cells_of(bundled)
    same = check_cells(cells.copy(), "x").table().digest
    assert check_cells(cells, "y").table().digest == same
    changed = cells.copy()
    changed.loc[2, "summary"] = "Another summary."
    assert check_cells(changed, "x").table().digest != same


# --- a refused file keeps its cells to fix -----------------------------------------------------


def test_a_refused_file_opens_with_its_cells_numbered_by_row():
    error = refused(case("clinic-list-with-mistakes.csv"))
    assert error.cells is not None
    assert list(error.cells.index) == [2, 3, 4, 5]
    assert error.cells.loc[3, "urgency"] == "soon"


def test_a_missing_required_column_opens_blank_to_be_filled():
    error = refused(case("missing-column.csv"))
    cells = error.cells
    assert list(cells.columns) == list(COLUMN_NAMES)
    assert (cells["body_areas"] == "").all()
    assert problems_of_cells(cells) == [
        "row 2, body_areas: the list is empty; give at least one item (separate items with ;)",
        "row 3, body_areas: the list is empty; give at least one item (separate items with ;)",
    ]
    cells["body_areas"] = "calves"
    assert len(check_cells(cells, "fixed.csv").table()) == 2


def test_fixing_the_cells_the_report_names_gives_a_valid_table():
    cells = refused(case("clinic-list-with-mistakes.csv")).cells.copy()
    cells.loc[3, "urgency"] = "urgent"
    cells.loc[3, "last_reviewed"] = "2026-01-31"
    assert problems_of_cells(cells) == [
        'row 4, symptoms: " ; " the list is empty; give at least one item (separate items with ;)',
        "row 5, summary: the cell is blank, but this column is required",
    ]
    cells.loc[4, "symptoms"] = "cramps"
    cells = cells.drop(index=5)  # the row without a summary is deleted instead
    table = check_cells(cells, "clinic.csv").table()
    assert [table.record(i)["cause"] for i in range(len(table))] == ["Cause 1", "Cause 2", "Cause 3"]
    assert table.record(1)["urgency"] == "urgent"


@pytest.mark.parametrize(
    "name",
    ["image-renamed.csv", "utf-16.csv", "unclosed-quote.csv", "ragged-row.csv", "duplicate-column.csv", "empty.csv"],
)
def test_a_file_that_is_not_a_table_has_no_cells(name):
    assert refused(case(name)).cells is None


# --- the grid as edited ------------------------------------------------------------------------


def test_rows_added_in_the_grid_get_the_next_numbers_and_blank_rows_are_dropped():
    cells = cells_of(load_cause_table(write([row(0), row(1)]).encode()))
    added = pd.DataFrame(
        [
            {c: None for c in COLUMN_NAMES},  # an added row left blank
            {**{c: None for c in COLUMN_NAMES}, "cause": "New", "category": "Lifestyle", "symptoms": "cramps"},
        ],
        index=[np.nan, np.nan],
    )
    grid = pd.concat([cells, added])
    assert problems_of_cells(grid) == [
        "row 5, body_areas: the list is empty; give at least one item (separate items with ;)",
        "row 5, summary: the cell is blank, but this column is required",
    ]


def test_a_deleted_row_keeps_the_numbers_of_the_others():
    cells = cells_of(load_cause_table(write([row(0), row(1), row(2)]).encode()))
    cells = cells.astype(object)
    cells.loc[4, "urgency"] = "later"
    assert problems_of_cells(cells.drop(index=2)) == [
        'row 4, urgency: "later" is not one of self-care, see a doctor, urgent, emergency'
    ]


@pytest.mark.parametrize(
    "change,expected",
    [
        ({"cause": "Cause 2"}, 'row 2, cause: "Cause 2" is also the name in row 3; each cause must have its own name'),
        ({"source_url": "javascript:alert(1)"}, "is not a web address starting with http:// or https://"),
        ({"source_url": "data:text/html,x"}, "is not a web address starting with http:// or https://"),
        ({"summary": "x" * 401}, "is longer than 400 characters"),
        ({"last_reviewed": "2026-02-30"}, "is not a real date written as YYYY-MM-DD"),
    ],
)
def test_an_edit_that_breaks_a_rule_is_reported(change, expected):
    cells = cells_of(load_cause_table(write([row(0), row(1)]).encode()))
    for column, value in change.items():
        cells.loc[2, column] = value
    assert expected in problems_of_cells(cells)[0]


def test_edited_cells_over_the_row_limit_are_refused():
    cells = cells_of(load_cause_table(write([row(i) for i in range(4)]).encode()))
    with pytest.raises(CauseTableError) as info:
        check_cells(cells, "x", max_rows=3).table()
    assert "more than 3 causes" in str(info.value)


def test_a_grid_with_every_row_deleted_is_refused(bundled):
    cells = cells_of(bundled).iloc[0:0]
    assert problems_of_cells(cells) == ["The table has no causes: fill in at least one row."]


# --- the report --------------------------------------------------------------------------------


def test_the_report_has_a_row_per_problem_sorted_by_row_with_how_to_fix_it():
    error = refused(case("clinic-list-with-mistakes.csv"))
    report = problem_report(error.problems)
    assert list(report.columns) == list(REPORT_COLUMNS)
    assert list(report["Row"]) == [3, 3, 4, 5]
    assert list(report["Column"]) == ["urgency", "last_reviewed", "symptoms", "summary"]
    assert report.iloc[0]["Value"] == "soon"
    assert (
        report.iloc[0]["How to fix it"]
        == "Write self-care, see a doctor, urgent or emergency, or leave the cell blank."
    )
    assert all(report["How to fix it"] != "")


def test_problems_with_the_whole_file_come_first():
    problems = [Problem("b", row=7, column="cause"), Problem("whole file"), Problem("a", row=2, column="x")]
    assert list(problem_report(problems)["Problem"]) == ["whole file", "a", "b"]


def test_the_report_downloads_as_csv_with_every_problem_and_inert_values():
    error = refused(write([row(0, urgency="=cmd|' /C calc'!A0"), row(1, urgency="soon")]).encode())
    rows = list(csv.reader(io.StringIO(report_csv(error.problems).decode())))
    assert rows[0] == list(REPORT_COLUMNS)
    assert [r[0] for r in rows[1:]] == ["2", "3"]
    assert rows[1][2] == "'=cmd|' /C calc'!A0"


@pytest.mark.parametrize(
    "problems,expected",
    [
        ([Problem("x")], "1 problem"),
        ([Problem("x", row=2), Problem("y", row=2)], "2 problems in 1 row"),
        ([Problem("x", row=2), Problem("y", row=3), Problem("z", row=9)], "3 problems in 3 rows"),
    ],
)
def test_problems_line(problems, expected):
    assert problems_line(problems) == expected


def test_checked_cells_count_their_causes_and_build_the_table_when_asked(bundled):
    checked = check_cells(cells_of(bundled), "checked.csv")
    assert len(checked) == len(bundled)
    table = checked.table()
    assert table.digest == checked.digest
    assert table.name == "checked.csv"
    pd.testing.assert_frame_equal(table.frame, bundled.frame)
