"""Explore: filter the causes by symptom, body area, risk factor, category and urgency."""

import streamlit as st

from causes.content import claims_matching
from causes.query import self_care_among_best
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

common.result_heading(query, result)
common.linked_cause(table, query)

if query.symptoms:
    gentle, more = self_care_among_best(table, result)
    if len(gentle):
        common.often_harmless(table, gentle, more)

common.ranked_list(table, query, result, key="page")

_, _, claims = common.sidecars()
checked = claims_matching(claims, query.text)
if checked:
    st.subheader("Claims we checked that mention this", anchor=False)
    for claim in checked:
        common.claim_card(table, claim)
