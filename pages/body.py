"""Placeholder: being built for issue 4."""

import streamlit as st

from pages import common

table = common.active_table()
st.title("Body")
st.info("This page is being built.")
