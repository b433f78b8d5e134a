"""What every page shows around its own content: education-not-diagnosis and the warning
signs one click away at the top, every general warning sign at the foot, and whom to call
where the person is."""

from __future__ import annotations

import contextlib
import sys

import streamlit as st

from causes.check import GENERAL_ADVICE, WHEN_TO_GET_HELP, flags_markdown
from causes.config import locale_setting
from causes.export import DISCLAIMER, NOT_DIAGNOSIS
from causes.redflags import RedFlag
from causes.style import Help, help_for
from causes.text import md_escape, md_link
from pages.ui.source import sidecars

EXPLORE = "pages/explore.py"
VISIT = "pages/visit.py"


def visit_link(boxed: bool = True) -> None:
    """From any view: the way to a summary to take to an appointment, a 44 px target
    (`styles.NARROW`), in a box of its own unless it goes into Explore's row of downloads
    (one element fewer)."""
    with st.container(key="visit-link") if boxed else contextlib.nullcontext():
        st.page_link(
            VISIT,
            label="Prepare for an appointment",
            icon=":material/assignment:",
            help="A one-page summary of what you noticed, the causes to ask about and questions for your doctor.",
        )


def help_here() -> Help:
    """Whom to call: the deployment's locale if it fixes one, else this browser's."""
    return help_for(locale_setting(sys.argv[1:]) or st.context.locale)


def flag_list(flags: tuple[RedFlag, ...]) -> None:
    """The warning signs grouped by level, most serious first, each group under the action
    it needs, as one markdown element (and the sources)."""
    if not flags:
        st.markdown(f"- {GENERAL_ADVICE}")
        return
    st.markdown(flags_markdown(flags, help_here(), md_escape))
    sources = {f.source_name: f.source_url for f in flags if f.source_url}
    if sources:
        # Not st.caption: it fades its links to 2.98:1 (axe's colour-contrast rule).
        st.markdown(":small[Sources: " + ", ".join(md_link(u, n) for n, u in sources.items()) + "]")


def safety_strip() -> None:
    """At the top of every page: education, not diagnosis, and the warning signs one
    click away."""
    with st.container(border=True, horizontal=True, vertical_alignment="center", key="safety"):
        st.markdown(f":material/school: **{NOT_DIAGNOSIS}** {DISCLAIMER}", width="stretch")
        with st.popover(WHEN_TO_GET_HELP, icon=":material/e911_emergency:", type="primary"):
            flag_list(sidecars()[0])


def warning_signs() -> None:
    """At the foot of every page: every general warning sign, in view."""
    st.divider()
    st.subheader(f":material/e911_emergency: {WHEN_TO_GET_HELP}", anchor=False)
    flag_list(sidecars()[0])
