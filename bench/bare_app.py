"""The least a Streamlit app can do for Explore's job, kept as the benchmark's yardstick:
load the table once (cached), one symptom multiselect, the match count, and the matching
causes as a plain table. It uses the same core (load, query) as Cause Atlas, so what the
benchmark compares is everything the app does around them.

    streamlit run bench/bare_app.py -- --data PATH     (or CAUSE_ATLAS_DATA=PATH)
"""

import sys

import streamlit as st

from causes import Query, count_line, load_cause_table, run_query
from causes.config import data_path


@st.cache_resource
def load(path: str):
    return load_cause_table(path)


table = load(str(data_path(sys.argv[1:])))
picked = st.multiselect("Symptoms", table.facets["symptoms"].terms)
result = run_query(table, Query(symptoms=tuple(picked)))
st.markdown(f"**{count_line(result)}**")
st.dataframe(table.frame.iloc[result.positions][["cause", "category", "urgency", "summary"]], hide_index=True)
