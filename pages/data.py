"""Your data: bring a cause table (upload one, or start from the template or the bundled
table), see every problem with where it is and how to fix it, fix it in the grid, use it
in this session and download it. Nothing is written to the server; the table lives in
this person's session only."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from causes import CauseTableError, load_cause_table
from causes.config import BUNDLED_TABLE, MAX_UPLOAD_BYTES, MAX_UPLOAD_MB, MAX_UPLOAD_ROWS
from causes.content import GLOSSARY_FILE, Glossary, template_csv
from causes.editing import cells_csv, cells_of, problem_report, problems_line, report_csv
from causes.export import export_name
from causes.i18n import _, deferred, ngettext, number
from causes.loader import CheckedCells, check_cells
from causes.schema import COLUMNS
from causes.text import md_escape
from pages.ui import source, state

REPORT_ROWS = 500  # problems sent to the page; the download has every one

table = source.active_table()
st.title(_("Your own cause table"))
source.table_caption(table, on_data_page=True)
st.markdown(
    _(
        "Bring a cause table of your own: another symptom, another language, your clinic's list. Upload it as a "
        "CSV file saved from a spreadsheet, or start from the template or the bundled table, then check and edit "
        "it in the grid below."
    )
)
st.caption(
    ":material/lock: "
    # Translators: {mb} is a number of megabytes; {rows} a number of causes (rows), e.g. 5,000.
    + _(
        "Your table stays in this browser tab: no one else sees it, nothing is saved on the server, "
        "and it is gone when you close the tab. Files up to **{mb} MB** and "
        "**{rows} causes**. The columns are listed under *The format* below.",  # a comma: Babel keeps the comment
    ).format(mb=MAX_UPLOAD_MB, rows=number(MAX_UPLOAD_ROWS))
)


def _now_showing(name: str, n: int) -> str:
    # Translators: {name} is the file name of the table now in use; {n} its number of causes.
    return ngettext(
        "Now showing {name}: {n} cause, on every page.", "Now showing {name}: {n} causes, on every page.", n
    ).format(name=name, n=number(n))


def uploaded() -> None:
    file = state.uploaded_file()
    state.set_data_messages()
    if file is None:
        return
    try:
        new = load_cause_table(file.getvalue(), name=file.name, max_bytes=MAX_UPLOAD_BYTES, max_rows=MAX_UPLOAD_ROWS)
    except CauseTableError as e:
        if e.cells is None:
            state.set_data_messages(file_error=(file.name, e))
        else:
            state.open_draft(file.name, e.cells)
        return
    state.use_table(new)
    state.open_draft(file.name, cells_of(new), shown=new)
    state.set_data_messages((file.name, len(new)))


def start_from(which: str) -> None:
    state.set_data_messages()
    if which == "template":
        state.open_draft("my-cause-table.csv", cells_of(load_cause_table(template_csv().encode(), name="template")))
    elif which == "bundled":
        bundled = source.bundled_table()  # in this tab's language, with its own glossary and red flags
        folder = source.bundled_folder()
        state.open_draft(f"{BUNDLED_TABLE.stem}-edited.csv", cells_of(bundled), folder=folder)
    else:
        state.open_draft(table.name, cells_of(table), folder=state.source_folder(None), shown=table)


def use_checked(checked: CheckedCells, draft: state.Draft) -> None:
    # A table started from a folder (the bundled one) keeps that folder's broader terms.
    new = checked.table(Glossary.load(draft.folder / GLOSSARY_FILE) if draft.folder else None)
    state.use_table(new, draft.folder)
    draft.shown, draft.shown_digest = new, checked.digest
    state.set_data_messages((new.name, len(new)))


def csv_download(draft: state.Draft, label: str, data, kind: str, help: str | None = None) -> None:
    """A CSV file made only when the button is clicked, named for the grid's table."""
    st.download_button(
        label,
        data=deferred(data) if callable(data) else data,  # made later, in this run's language
        file_name=export_name(draft.name.rsplit(".", 1)[0], kind, date.today(), "csv"),
        mime="text/csv",
        on_click="ignore",
        icon=":material/checklist:" if kind == "problems" else ":material/download:",
        help=help,
    )


# --- 1. bring a table --------------------------------------------------------------------------

st.subheader(_("1. Bring a table"), anchor=False)
st.file_uploader(
    _("Upload a cause table (CSV)"),
    type=["csv", "tsv", "txt"],
    max_upload_size=MAX_UPLOAD_MB,
    key=state.UPLOAD_WIDGET,
    on_change=uploaded,
    help=_("Save the sheet as CSV: comma, semicolon or tab separated; UTF-8 or Windows-1252 both work."),
)
with st.container(horizontal=True, gap="small"):
    st.button(_("Start from the template"), on_click=start_from, args=("template",), icon=":material/note_add:")
    st.button(_("Start from the bundled table"), on_click=start_from, args=("bundled",), icon=":material/dataset:")
    st.button(_("Edit the table now shown"), on_click=start_from, args=("shown",), icon=":material/edit:")

showing, file_error, said_before = state.data_messages()
if said_before:  # the language changed since: the file is read again, its problems said in this one
    uploaded()
    showing, file_error, _said = state.data_messages()
if showing:
    st.success(md_escape(_now_showing(*showing)), icon=":material/check_circle:")
if file_error is not None:
    name, error = file_error
    source.show_problems(
        error,
        # Translators: {name} is the uploaded file's name; {shown} the file name of the table still in use.
        _("{name} could not be read, so Cause Atlas keeps showing {shown}.").format(name=name, shown=table.name),
    )

# --- 2. check and fix it -----------------------------------------------------------------------

draft = state.draft()
st.subheader(_("2. Check and fix it"), anchor=False)
if draft is None:
    st.info(_("Upload a file or choose a starting point above; its rows open here to check and edit."))
else:
    config = {
        "_index": st.column_config.NumberColumn(_("Row"), help=_("The row number a spreadsheet shows."), disabled=True),
        **{c.name: st.column_config.TextColumn(c.name, help=c.content.capitalize() + ".") for c in COLUMNS},
    }
    status = st.container()  # filled below the grid's line, once the grid's value is known
    edited = st.data_editor(draft.cells, key=draft.grid_key, num_rows="dynamic", column_config=config)

    # Checked again only when the grid changed: a big table takes a moment.
    edits = state.grid_edits(draft)
    result = state.checked(draft, edits)
    if result is None:
        try:
            result = check_cells(edited, draft.name, max_rows=MAX_UPLOAD_ROWS)
        except CauseTableError as e:
            result = e
        state.set_checked(draft, edits, result)

    with status:
        if isinstance(result, CauseTableError):
            problems = result.problems
            st.error(
                # Translators: {problems} says how many problems were found ("3 problems in 2 rows");
                # {name} is the file name of the table still in use.
                _(
                    "**{problems}.** Cause Atlas keeps showing {name} until they are fixed. Each is listed here, "
                    "first row first: fix the cell in the grid below and it leaves the list.",
                ).format(problems=problems_line(problems), name=md_escape(table.name)),
                icon=":material/error:",
            )
            report = problem_report(problems)
            st.dataframe(report.head(REPORT_ROWS), hide_index=True, key="data-report")
            with st.container(horizontal=True, vertical_alignment="center"):
                csv_download(
                    draft, _("Download the full list of problems (CSV)"), lambda: report_csv(problems), "problems"
                )
                if len(report) > REPORT_ROWS:
                    st.caption(
                        # Translators: {shown} and {total} are numbers of problems.
                        _("The first {shown} of {total} are shown; the download has them all.").format(
                            shown=number(REPORT_ROWS), total=number(len(report))
                        )
                    )
        else:
            st.success(
                # Translators: {n} is a number of causes.
                ngettext("Every row is valid: {n} cause.", "Every row is valid: {n} causes.", len(result)).format(
                    n=number(len(result))
                ),
                icon=":material/check_circle:",
            )
        st.markdown(
            # Translators: {name} is the file name of the table in the grid.
            _(
                "**{name}**: edit any cell; add a row at the foot of the grid, or tick rows to delete them. "
                "Every change is checked as you make it. Lists take a semicolon (;) between items.",
            ).format(name=md_escape(draft.name))
        )

    with st.container(horizontal=True, vertical_alignment="center", key="data-actions"):
        if isinstance(result, CauseTableError):
            csv_download(
                draft,
                _("Download the table as it is (CSV)"),
                lambda: cells_csv(edited),
                "draft",
                _("Every row as it is now, problems and all, to carry on in a spreadsheet."),
            )
        else:
            if draft.shown is not None and draft.shown_digest is None:
                draft.shown_digest = result.digest  # the grid as opened from the table in use
            in_use = draft.shown is table and result.digest == draft.shown_digest
            st.button(
                _("Using this table") if in_use else _("Use this table"),
                on_click=use_checked,
                args=(result, draft),
                type="primary",
                icon=":material/check:",
                disabled=in_use,
            )
            csv_download(
                draft,
                _("Download the corrected table (CSV)"),
                lambda: cells_csv(edited),
                "",
                _("In the cause-table format: it loads back as it is."),
            )

# --- the format --------------------------------------------------------------------------------

with st.expander(_("The format: one row per cause, these columns")):
    st.dataframe(
        pd.DataFrame(
            [(c.name, _("yes") if c.required else "", c.content) for c in COLUMNS],
            columns=[_("Column"), _("Required"), _("What it holds")],
        ),
        hide_index=True,
    )
    st.markdown(
        _(
            "Lists put a semicolon (;) between items. Any other column is kept and shown with each cause. "
            "A red-flag list, glossary and claims can sit beside a table served with `--data`; an uploaded table "
            "gets the general warning signs."
        )
    )
