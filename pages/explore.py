"""Explore: filter the causes by symptom, body area, risk factor, category and urgency."""

from datetime import date

import streamlit as st

from causes.content import claims_matching
from causes.export import export_name, handout_html, to_csv
from causes.i18n import _, deferred
from causes.query import self_care_among_best
from pages.ui import cards, chrome, filters, narrow, source, state, styles, warning_check

table = source.active_table()
styles.stylesheet()
flags, _glossary, claims = source.sidecars()
st.title(_("Explore causes"))
source.table_caption(table)
if state.serving_bundled():
    st.markdown(
        _(
            "Most twitches, cramps and spasms are harmless and pass on their own. Pick what you notice to see what "
            "can cause it, and when to get help."
        )
    )
view, result = filters.filter_panel(table, state.view(table))
state.sync_url(view, ("query", "cause"))
query = view.query
warning_check.check_panel(table, query, result, flags)
narrow.narrow_panel(table, query, result)

filters.result_heading(table, query, result)
cards.linked_cause(table, view)

if query.symptoms:
    gentle, more = self_care_among_best(table, result)
    if len(gentle):
        cards.often_harmless(table, gentle, more)

# The files are made only when a button is clicked (a callable), for just this result.
positions = result.positions.copy()
help = chrome.help_here()
today = date.today()
with st.container(horizontal=True, key="exports"):
    st.download_button(
        _("Download these causes (CSV)"),
        data=lambda: to_csv(table, positions),
        file_name=export_name(query, "", today, "csv"),
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
        disabled=not len(positions),
        help=_("The matching causes in the cause-table format: open them in a spreadsheet, or load them back."),
    )
    st.download_button(
        _("Download a handout (HTML, print to PDF)"),
        data=deferred(lambda: handout_html(table, positions, query, flags, today, help=help)),
        file_name=export_name(query, "handout", today, "html"),
        mime="text/html",
        on_click="ignore",
        icon=":material/print:",
        disabled=not len(positions),
        help=_("One page to read offline or print: open it in a browser and print it, or save it as PDF."),
    )
    chrome.visit_link(boxed=False)
cards.ranked_list(table, query, result, key="page")

checked = claims_matching(claims, query.text)
if checked:
    st.subheader(_("Claims we checked that mention this"), anchor=False)
    for claim in checked:
        cards.claim_card(table, claim)
