"""Cause Atlas: navigation and what every page shares (the data, the disclaimer, the
red-flag panel). Start it with `make run`, or `streamlit run app.py -- --data PATH`."""

from pathlib import Path

import streamlit as st

from causes.i18n import _
from pages.ui import chrome, source, state, warning_check

unknown_language = state.start_language()  # first: every word after it is in this run's language

st.set_page_config(
    page_title="Cause Atlas", page_icon=str(Path(__file__).parent / "assets" / "favicon.png"), layout="wide"
)

page = st.navigation(
    [
        st.Page(chrome.EXPLORE, title=_("Explore"), icon=":material/search:", default=True),
        st.Page("pages/overview.py", title=_("Overview"), icon=":material/bar_chart:", url_path="overview"),
        st.Page("pages/body.py", title=_("Body map"), icon=":material/accessibility_new:", url_path="body"),
        st.Page("pages/compare.py", title=_("Compare"), icon=":material/compare_arrows:", url_path="compare"),
        # Reached from a view (Explore, the Body map, Compare): "Prepare for an appointment".
        st.Page(chrome.VISIT, title=_("Prepare for an appointment"), url_path="visit", visibility="hidden"),
        st.Page(chrome.PRESENT, title=_("Present"), icon=":material/slideshow:", url_path="present"),
        # Opened from Present: the slide alone for the room, and the presenter's own screen.
        st.Page(chrome.PROJECTOR, title=_("Projector"), url_path="projector", visibility="hidden"),
        st.Page(chrome.PRESENTER, title=_("Presenter view"), url_path="presenter", visibility="hidden"),
        st.Page("pages/room.py", title=_("Live room"), icon=":material/cast:", url_path="room"),
        st.Page(source.DATA_PAGE, title=_("Your data"), icon=":material/upload_file:", url_path="data"),
        st.Page("pages/glossary.py", title=_("Glossary"), icon=":material/dictionary:", url_path="glossary"),
        st.Page("pages/about.py", title=_("About this data"), icon=":material/info:", url_path="about"),
    ],
    position="top",
)
projector = page.url_path == "projector"  # the slide alone: its footer says education, not diagnosis
source.load_source()
chrome.language_notice(unknown_language)
if not projector:
    warning_check.action_cards()
    chrome.safety_strip()
page.run()
if not projector:
    chrome.warning_signs()
chrome.page_language()
