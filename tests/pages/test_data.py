"""The Data page ("Your data"), run through app.py: upload, the problem report, fixing in
the grid, using the table on every page of this session, and going back."""

from __future__ import annotations

import re

import pytest

from causes.config import MAX_UPLOAD_MB, MAX_UPLOAD_ROWS
from pages.ui.chrome import EXPLORE
from pages.ui.source import DATA_PAGE
from tests.corpus.make_corpus import CASES, HOSTILE
from tests.pages.conftest import count_line, ours, texts

PAGES = (
    "pages/explore.py",
    "pages/overview.py",
    "pages/body.py",
    "pages/compare.py",
    "pages/present.py",
    "pages/glossary.py",
    "pages/about.py",
    DATA_PAGE,
)


def corpus(name: str) -> bytes:
    return next(c.data for c in CASES if c.name == name)


def open_data(app):
    at = app(page=DATA_PAGE)
    assert not at.exception
    return at


def upload(at, name: str, data: bytes | None = None):
    at.file_uploader(key="data-upload").upload(name, corpus(name) if data is None else data, "text/csv")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def button(at, label: str):
    matches = [b for b in at.button if b.label.replace("\\", "") == label]
    assert len(matches) == 1, [b.label for b in at.button]
    return matches[0]


def report_of(at):
    (report,) = [d.value for d in at.dataframe if "How to fix it" in d.value.columns]
    return report


def on(at, page: str):
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def page_text(at) -> str:
    return "\n".join(texts(at))


def test_the_page_states_its_limits_and_that_a_table_stays_in_the_session(app):
    page = page_text(open_data(app))
    assert f"{MAX_UPLOAD_MB} MB" in page
    assert f"{MAX_UPLOAD_ROWS:,} causes" in page
    assert "no one else sees it" in page
    assert at_least_one_grid_hint(page)


def at_least_one_grid_hint(page: str) -> bool:
    return "Upload a file or choose a starting point above" in page


def test_a_valid_upload_is_shown_on_every_page_until_the_person_goes_back(app, bundled):
    at = upload(open_data(app), "excel-european-semicolons.csv")
    page = page_text(at)
    assert "Now showing excel-european-semicolons.csv: 2 causes, on every page." in page
    assert "2 causes from **excel-european-semicolons.csv**" in page
    assert "The file is semicolon-separated; it was read as such." in page
    assert "Every row is valid: 2 causes." in page

    on(at, EXPLORE)
    assert count_line(at) == "2 of 2 causes match"
    assert "your table, in this browser tab only" in page_text(at)
    assert "Crampes nocturnes répétées" in page_text(at).replace("\\", "")

    button(at, "Back to causes.csv").click().run()
    assert count_line(at) == f"{len(bundled)} of {len(bundled)} causes match"
    assert "your table, in this browser tab only" not in page_text(at)


def test_a_bad_upload_shows_every_problem_and_the_app_keeps_its_table(app, bundled):
    at = upload(open_data(app), "clinic-list-with-mistakes.csv")
    page = page_text(at)
    assert "4 problems in 3 rows." in page
    assert "keeps showing causes.csv until they are fixed" in page
    report = report_of(at)
    assert list(report["Row"]) == [3, 3, 4, 5]
    assert list(report["Column"]) == ["urgency", "last_reviewed", "symptoms", "summary"]
    assert report["How to fix it"].str.len().min() > 10
    assert any(b.label == "Download the full list of problems (CSV)" for b in at.get("download_button"))
    assert "Use this table" not in [b.label for b in at.button]

    on(at, EXPLORE)
    assert count_line(at) == f"{len(bundled)} of {len(bundled)} causes match"


def test_fixing_the_reported_cells_in_the_grid_gives_a_table_to_use(app):
    at = upload(open_data(app), "clinic-list-with-mistakes.csv")
    # Grid positions: 0 is row 2. Fix rows 3 and 4; delete row 5 (no summary).
    at.session_state["data-grid-1"] = {
        "edited_rows": {1: {"urgency": "urgent", "last_reviewed": "2026-01-31"}, 2: {"symptoms": "cramps"}},
        "added_rows": [],
        "deleted_rows": [3],
    }
    at.run()
    assert "Every row is valid: 3 causes." in page_text(at)
    assert any(b.label == "Download the corrected table (CSV)" for b in at.get("download_button"))
    button(at, "Use this table").click().run()
    assert "Now showing clinic-list-with-mistakes.csv: 3 causes, on every page." in page_text(at)
    assert button(at, "Using this table").disabled
    on(at, EXPLORE)
    assert count_line(at) == "3 of 3 causes match"


def test_an_edit_that_breaks_a_rule_is_reported_at_once(app):
    at = upload(open_data(app), "utf8.csv")
    at.session_state["data-grid-1"] = {
        "edited_rows": {0: {"source_url": "javascript:alert(1)"}},
        "added_rows": [{"cause": "Cause 2", "category": "x"}],
        "deleted_rows": [],
    }
    at.run()
    report = report_of(at)
    assert list(zip(report["Row"], report["Column"], strict=True)) == [
        (2, "source_url"),
        (3, "cause"),
        (5, "cause"),
        (5, "symptoms"),
        (5, "body_areas"),
        (5, "summary"),
    ]
    # The table in use is still the valid upload.
    assert "3 causes from **utf8.csv**" in page_text(at)


@pytest.mark.parametrize("name", ["image-renamed.csv", "utf-16.csv", "ragged-row.csv", "one-megabyte-cell.csv"])
def test_a_file_that_is_not_a_table_gets_its_reason_and_no_grid(app, bundled, name):
    at = upload(open_data(app), name)
    case = next(c for c in CASES if c.name == name)
    errors = [e.value.replace("\\", "") for e in at.error]
    assert any(case.problems[0] in e for e in errors), errors
    assert any("keeps showing causes.csv" in e for e in errors)
    assert not at.data_editor
    on(at, EXPLORE)
    assert count_line(at) == f"{len(bundled)} of {len(bundled)} causes match"


@pytest.mark.parametrize("name", ["clinic-list-with-mistakes.csv", "ragged-row.csv", "utf8.csv"])
def test_an_uploads_problems_and_notice_are_said_again_in_the_new_language(app, name):
    """A grid's problems, a file's reason and the "Now showing" notice: after the switch,
    in the new language (the file is read again), and back."""

    def said(at) -> list[str]:  # the messages, and the problems' report: each problem and how to fix it
        from causes.editing import report_columns

        reports = [d.value for d in at.dataframe if len(d.value.columns) == len(report_columns())]
        report = [str(v) for r in reports for v in r.iloc[:, -2:].to_numpy().ravel()]
        return [e.value for e in (*at.error, *at.success)] + report

    at = upload(open_data(app), name)
    before = said(at)
    assert before
    at.button(key="lang-es").click().run()
    assert not at.exception
    spanish = said(at)
    assert len(spanish) == len(before) and not set(before) & set(spanish), set(before) & set(spanish)
    at.button(key="lang-en").click().run()
    assert said(at) == before


@pytest.mark.parametrize(
    ("label", "rows"),
    [("Start from the template", 1), ("Start from the bundled table", None), ("Edit the table now shown", None)],
)
def test_a_table_can_be_started_from_the_template_or_the_bundled_table(app, bundled, label, rows):
    rows = rows or len(bundled)
    at = open_data(app)
    button(at, label).click().run()
    assert f"Every row is valid: {rows} cause{'s' if rows != 1 else ''}." in page_text(at)
    assert len(at.data_editor) == 1
    assert len(at.data_editor[0].value) == rows


def test_a_new_table_drops_filters_it_cannot_have(app, bundled):
    at = app({"symptom": "twitching at rest", "area": "calves"})
    assert count_line(at) != f"{len(bundled)} of {len(bundled)} causes match"
    on(at, DATA_PAGE)
    upload(at, "utf8.csv")
    on(at, EXPLORE)
    assert count_line(at) == "3 of 3 causes match"
    assert at.multiselect(key="symptom").value == []
    assert "symptom" not in at.query_params


@pytest.mark.parametrize("page", PAGES)
def test_hostile_text_is_escaped_on_every_page(app, page):
    at = upload(open_data(app), "hostile-text.csv")
    on(at, page)
    if page == "pages/compare.py":
        at.query_params["compare"] = [f"{HOSTILE['script']} script", f"{HOSTILE['md_image']} md_image"]
        at.run()
    values = [m.value for m in (*at.markdown, *at.caption, *at.subheader, *at.title, *at.error, *at.info)]
    values = [v for v in values if not ours(v)]
    shown = "\n".join(values)
    if page in ("pages/explore.py", "pages/compare.py", "pages/about.py"):
        assert "alert" in shown  # the hostile text is on the page, escaped
    for value in values:
        # Every markdown character in table text is escaped: no tag, image or link can form.
        assert not re.search(r"(?<!\\)<(script|img|iframe|a\b)", value), value
        assert not re.search(r"(?<!\\)!(?<!\\)\[", value), value
        assert not re.search(r"(?<!\\)\]\((javascript|data|https)", value), value
        assert not re.search(r"(?<!\\):red\[|(?<!\\)\$\$", value), value


def test_slides_of_a_table_brought_here_say_a_link_cannot_share_it(app):
    at = on(app(), "pages/present.py")
    assert len(at.get("image")) == 1  # the QR code of the view's link
    on(at, DATA_PAGE)
    upload(at, "utf8.csv")
    on(at, "pages/present.py")
    assert not at.get("image")  # no QR code that would open the server's table instead
    assert any("a link cannot open it on anyone's phone" in m.value for m in at.markdown)


def test_the_table_in_use_is_not_offered_again_until_it_is_edited(app):
    at = upload(open_data(app), "utf8.csv")
    assert button(at, "Using this table").disabled
    at.session_state["data-grid-1"] = {
        "edited_rows": {0: {"summary": "Changed."}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not button(at, "Use this table").disabled
    button(at, "Use this table").click().run()
    assert button(at, "Using this table").disabled
    button(at, "Back to causes.csv").click().run()
    assert not button(at, "Use this table").disabled  # the grid is no longer the table shown


def test_a_sign_given_two_levels_is_a_warning_that_names_it_and_its_rows(app):
    table = (
        b"cause,category,symptoms,body_areas,summary,urgency,red_flags\n"
        b"Clot,Look-alike,cramps,calves,A clot.,urgent,One leg swollen\n"
        b"Tired,Lifestyle,cramps,calves,Tired legs.,self-care,see a doctor: one leg swollen\n"
        b"Heat,Lifestyle,cramps,calves,Heat.,urgent,emergency: Confused in the heat\n"
    )
    at = upload(open_data(app), "levels.csv", table)
    warned = " ".join(w.value.replace("\\", "") for w in at.warning)
    assert (
        'The warning sign "One leg swollen" has two levels of help: urgent in row 2; see a doctor in row 3. '
        "Give it one."
    ) in warned
    assert "Confused in the heat" not in warned  # one level: no warning


def test_a_glossary_whose_broader_terms_loop_is_reported_with_its_rows_and_the_table_is_used(app, tmp_path):
    # A table served with --data, its glossary beside it: a loop and an unknown broader term.
    (tmp_path / "causes.csv").write_text(
        "cause,category,symptoms,body_areas,summary\n"
        "Night cramps,Lifestyle,cramps,calves,Cramps in bed.\n"
        "Strain,Injury,pain,thighs,A torn muscle.\n",
        encoding="utf-8",
    )
    (tmp_path / "glossary.csv").write_text(
        "term,kind,definition,broader\n"
        "calves,body area,The lower leg.,thighs\n"
        "thighs,body area,The upper leg.,calves\n"
        "cramps,symptom,A tight muscle.,spasm\n",
        encoding="utf-8",
    )
    at = app(data=tmp_path / "causes.csv", page=DATA_PAGE)
    shown = page_text(at)
    assert "glossary.csv rows 2, 3, broader: the broader terms go round in a loop" in shown
    assert 'glossary.csv row 4, broader: "spasm" is not a symptom of the table or its glossary' in shown
    on(at, EXPLORE)
    assert count_line(at) == "2 of 2 causes match"  # the table is used, its terms matched on their own
