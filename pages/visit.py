"""Prepare for an appointment: a one-page summary of the view to print, save as PDF or show
a GP on a phone, with a few short answers the person may add. What they type stays in this
tab's session (`pages.ui.state`): never the link, a log or the server's disk; the summary is
a download made on request."""

from datetime import date

import streamlit as st

from causes import run_query
from causes.export import export_name
from causes.i18n import _, deferred
from causes.text import md_escape
from causes.visit import NOTE_MAX_CHARS, note_labels, privacy_line, summary_html, summary_markdown, visit_summary
from pages.ui import chrome, source, state, styles

table = source.active_table()
styles.stylesheet()
st.title(_("Prepare for an appointment"))
source.table_caption(table)
view = state.view(table)
state.sync_url(view, ("query", "compare"))
query = view.query
result = run_query(table, query)
compared = view.positions(table, "compare")
st.markdown(
    _(
        "A one-page summary to take to your GP or nurse: print it, save it as PDF, or show it on your phone. "
        "It lists what you noticed, the warning signs you said yes to, the causes to ask about and what tells "
        "them apart, the tests a doctor may do, and questions to ask."
    )
)
st.info(privacy_line(), icon=":material/lock:")
if query.is_empty and not compared:
    st.markdown(":small[" + _("Nothing is chosen yet, so the summary has only what you type below.") + "]")
    st.page_link(chrome.EXPLORE, label=_("Choose what you notice on Explore"), icon=":material/search:")

with st.container(border=True, key="visit-notes"):
    st.markdown(_("**Add a few words if you like** (all optional, up to a line each)"))
    labels = note_labels()
    for pair in (labels[:2], labels[2:]):  # a row at a time: a phone stacks them in order
        for column, (key, label, hint) in zip(st.columns(2), pair, strict=True):
            column.text_input(
                label,
                key=state.VISIT_WIDGET + key,
                placeholder=hint,
                max_chars=NOTE_MAX_CHARS,
                autocomplete="off",
                persist_state="session",
            )
    st.button(_("Clear what I typed"), on_click=state.clear_visit_notes, icon=":material/backspace:", type="tertiary")

notes = state.visit_notes()
help = chrome.help_here()
today = date.today()
summary = visit_summary(table, query, result, state.answers().values(), notes, help, today, causes=compared or None)
st.download_button(
    _("Download my summary (HTML: print it or save as PDF)"),
    data=deferred(lambda: summary_html(summary)),
    file_name=export_name(query, "appointment", today, "html"),
    mime="text/html",
    on_click="ignore",
    icon=":material/download:",
    type="primary",
    help=_("Open the file in your browser and print it, or save it as PDF. Nothing is kept on our side."),
)
with st.container(border=True, key="visit-summary"):
    st.subheader(summary.title, anchor=False)
    st.markdown(summary_markdown(summary, md_escape))
