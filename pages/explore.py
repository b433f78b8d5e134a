"""Explore: filter the causes by symptom, body area, risk factor, category and urgency."""

import streamlit as st

from causes import count_line
from causes.content import claims_matching
from causes.query import self_care_among_best
from causes.text import md_escape
from pages import common

table = common.active_table()
st.title("Explore causes")
common.table_caption(table)
if common.serving_bundled():
    st.markdown(
        "Most twitches, cramps and spasms are harmless and pass on their own. Pick what you notice to see what "
        "can cause it, and when to see a doctor."
    )
query, result = common.filter_panel(table)

description = query.describe()
st.subheader(md_escape(description[0].upper() + description[1:]), anchor=False)
with st.container(horizontal=True, vertical_alignment="center"):
    st.markdown(f"**{count_line(result)}**")
    if not query.is_empty:
        st.button("Clear all filters", on_click=common.clear_filters, icon=":material/filter_alt_off:")

opened = st.query_params.get("cause")
if opened:
    position = table.position_of(opened)
    if position is None:
        st.warning(md_escape(f'This table has no cause called "{opened}".'), icon=":material/link_off:")
    else:
        common.cause_dialog(table, position, query)

if query.symptoms:
    gentle, more = self_care_among_best(table, result)
    if len(gentle):
        common.often_harmless(table, gentle, more)

if not len(result):
    st.info(
        "No cause matches all of these filters. Try fewer filters, choose **Any of them** for symptoms,"
        " or clear the filters.",
        icon=":material/search_off:",
    )
else:
    pages = -(-len(result) // common.PAGE_SIZE)
    page = 1
    if pages > 1:
        page = st.pagination(pages, key=f"page-{hash(query)}", max_visible_pages=7)
    start = (page - 1) * common.PAGE_SIZE
    window = slice(start, start + common.PAGE_SIZE)
    for rank, (position, hits) in enumerate(
        zip(result.positions[window], result.symptom_hits[window], strict=True), start=start + 1
    ):
        common.cause_card(table, int(position), rank, int(hits), query)
    if pages > 1:
        st.caption(f"Showing {start + 1:,} to {min(start + common.PAGE_SIZE, len(result)):,} of {len(result):,}.")

_, _, claims = common.sidecars()
checked = claims_matching(claims, query.text)
if checked:
    st.subheader("Claims we checked that mention this", anchor=False)
    for claim in checked:
        common.claim_card(table, claim)
