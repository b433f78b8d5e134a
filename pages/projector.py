"""Projector: the slide alone, as large as the window allows, for the room (no navigation,
no panels; the education-not-diagnosis line in the slide's footer). Opened from Present or
the presenter's view. In a live room it follows the room, as phones do; without one, it
follows the presenter's tab in the same browser (`pages/ui/screens.py`). F goes full
screen; a clicker's keys move the presenter's tab."""

from dataclasses import replace

import streamlit as st

from causes.i18n import language
from causes.table import CauseTable
from causes.view import SCREEN_PARTS
from pages.ui import live, push, screens, slides, source, state


@st.fragment(key=push.FOLLOWED)
def followed(table: CauseTable, code: str, version: int) -> None:
    """The room's slide, or its poll: a presenter's change reruns this part alone."""
    room, poll, room_view, deck = slides.room_on_show(table, code, version)
    show = slides.Show(table, deck, deck.clamp(room.slide), room_view, room=room.code)
    slides.stage(show, "projector", poll)


table = source.active_table()
st.html(slides.STAGE_CSS + slides.PROJECTOR_CSS)
view = state.view(table)
room = live.store().room(view.room) if view.room else None
sent, _step = screens.screens("follower" if room else "projector", view, language())
if sent is not None:
    view = state.follow(table, screens.params_of(sent))
    room = live.store().room(view.room) if view.room else None
if room is not None:
    followed(table, room.code, room.version)
else:
    flags, _glossary, _claims = source.sidecars()
    deck = slides.deck_of(table, view, flags)
    view = replace(view, slide=deck.clamp(view.slide), room=None)
    slides.stage(slides.Show(table, deck, view.slide, view), "projector")
state.sync_url(view, SCREEN_PARTS)
