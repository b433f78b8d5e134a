"""The screens of a talk: the projector's stage fitted to its window, and the tabs of one
browser kept together without a live room (`screens.js`, a component in the page).

- The Present page and the presenter's view say which view and slide they show; a
  projector opened from them (`/projector?…`, no room) follows the one that moved last.
- On the projector, the arrow keys, Page Up/Down and the space bar (what a clicker sends)
  ask that presenter's tab to move; F (or the button) goes full screen.
- The presenter's view shows a timer, counted in the browser.

What travels between tabs is the view's link (filters, deck, slide, language): never the
presenter's secret, never an answer to the warning-sign check. With a live room, phones
and the projector follow the room instead (`pages/ui/push.py`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qs

import streamlit as st

from causes.i18n import _, pgettext
from causes.view import View

Mode = Literal["page", "presenter", "projector", "follower"]

_JS = (Path(__file__).with_name("screens.js")).read_text(encoding="utf-8")
_CSS = """
#ca-fullscreen {
  position: fixed; top: 12px; right: 12px; z-index: 1000; min-height: 44px; padding: 0 1rem;
  font: 600 1rem "Source Sans", sans-serif; color: #FFFFFF; background: #1A1A1A;
  border: 2px solid #FFFFFF; border-radius: 0.5rem; cursor: pointer; transition: opacity 0.4s;
}
#ca-fullscreen.ca-idle { opacity: 0; }
#ca-fullscreen:focus-visible { opacity: 1; outline: 3px solid #FFB000; }
.ca-timer { display: flex; align-items: center; gap: 0.5rem; flex-wrap: wrap; }
.ca-timer-time { font: 700 1.6rem "Source Code Pro", monospace; min-width: 5ch; }
.ca-timer button {
  min-height: 44px; min-width: 44px; padding: 0 0.9rem; font: 600 1rem "Source Sans", sans-serif;
  border: 1px solid #8C8C8C; border-radius: 0.5rem; background: #FFFFFF; color: #1A1A1A; cursor: pointer;
}
.ca-timer button:focus-visible { outline: 3px solid #0072B2; }
"""
_component = st.components.v2.component("cause_atlas.screens", js=_JS, css=_CSS, isolate_styles=False)


def _words() -> dict[str, str]:
    return {
        # Translators: a button on the projector's screen; F is the key that does the same.
        "fullscreen": _("Full screen (F)"),
        # Translators: the presenter's timer: start it counting.
        "start": pgettext("a timer", "Start"),
        "pause": pgettext("a timer", "Pause"),
        "reset": pgettext("a timer", "Reset"),
        "timer": _("Time since you started"),
    }


def screens(mode: Mode, view: View, lang: str, *, timer: bool = False, key: str = "screens") -> tuple[str | None, int]:
    """Mount the component (once a page; where the timer shows, on the presenter's view).
    `view` is what this tab shows (its link travels to the tab's projector). Returns the
    view another tab sent (a projector following a presenter's tab), and the step a
    projector's keys asked for (a presenter's tab: +1, -1, else 0)."""
    result: Any = _component(
        key=key,
        data={"mode": mode, "query": view.query_string(lang), "timer": timer, "words": _words()},
        on_view_change=lambda: None,
        on_step_change=lambda: None,
    )
    sent = getattr(result, "view", None)
    step = getattr(result, "step", None)
    by = step.get("by") if isinstance(step, dict) else None
    return (sent if isinstance(sent, str) else None), (by if by in (1, -1) else 0)


def params_of(query: str) -> dict[str, list[str]]:
    """A view's link (its query string) as parameters."""
    return parse_qs(query.lstrip("?"), keep_blank_values=False)
