"""The stylesheet the views share, sent once per run as one element (each element costs a
phone a message): a page that shows the ranked list, the warning-sign check, the question
panel or the way to the visit summary calls `stylesheet()` once, before them."""

from __future__ import annotations

import streamlit as st

# A phone's ranked list (`cards.compact_list`): the whole row is the button, its text from
# the left, at least 44 px tall, the summary cut to one line (the full explanation is a tap
# away), the line on why it is listed whole.
ROWS = """
[class*="st-key-row-"] button { justify-content: flex-start; text-align: left; min-height: 44px; }
[class*="st-key-row-"] button > div { justify-content: flex-start; width: 100%; }
[class*="st-key-row-"] button > div > span { flex: 1 1 auto; min-width: 0; justify-content: flex-start; }
[class*="st-key-row-"] button [data-testid="stMarkdownContainer"] { width: 100%; }
[class*="st-key-row-"] button p { text-align: left; }
[class*="st-key-row-"] button p + p { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
[class*="st-key-row-"] button p + p + p { white-space: normal; overflow: visible; }
"""
# The warning-sign check (`warning_check`): a question group (`st.pills`), each sign a
# full-width row that shows its whole text, at least 44 px tall, with a box in front that
# is ticked once said yes to (drawn, so that it is not read out: a screen reader says the
# button's pressed state instead).
# The tick, white on blue. One line: a line break inside a CSS string ends the rule there
# (and took the rules after it with it).
TICK = (
    "url(\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E"
    "%3Cpath d='M3 8.5l3 3 7-7' fill='none' stroke='white' stroke-width='2.5'/%3E%3C/svg%3E\")"
)
CHECK = (
    """
.st-key-warning-check [data-testid="stButtonGroup"] button { width: 100%; min-height: 44px; height: auto;
  justify-content: flex-start; text-align: left; white-space: normal; border-radius: 0.5rem; padding: 0.4rem 0.75rem; }
.st-key-warning-check [data-testid="stButtonGroup"] button * { white-space: normal; overflow: visible;
  text-overflow: clip; text-align: left; }
.st-key-warning-check [data-testid="stButtonGroup"] button p { padding-left: 1.8em; position: relative; }
.st-key-warning-check [data-testid="stButtonGroup"] button p::before { content: ""; position: absolute; left: 0;
  top: 0.1em; width: 1.1em; height: 1.1em; border: 2px solid #555555; border-radius: 0.2em; box-sizing: border-box; }
.st-key-warning-check [data-testid="stButtonGroup"] button[aria-pressed="true"] p::before { background: #0072B2
  """
    + TICK
    + """ center / 90% no-repeat; border-color: #0072B2; }
"""
)
# The question panel (`narrow`) and the way to the visit summary: 44 px targets.
NARROW = """
.st-key-narrow button { min-height: 44px; min-width: 44px; }
.st-key-visit-link a, .st-key-exports a { min-height: 44px; }
.st-key-visit-notes input { min-height: 44px; }
"""
CSS = "<style>" + ROWS + CHECK + NARROW + "</style>"


def stylesheet() -> None:
    """The views' stylesheet, once per run."""
    st.html(CSS)
