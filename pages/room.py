"""Live room: the audience's page. A phone joins with the room's code (or its QR code),
shows the presenter's slide and follows each change, answers the poll on show, and asks
and up-votes questions, anonymously. Everything it shows comes from the room's store."""

import streamlit as st

from causes.i18n import _
from causes.live import hides_the_slide
from causes.table import CauseTable
from causes.text import md_escape
from causes.view import View
from pages.ui import live, push, slides, source, state


@st.fragment(key=push.FOLLOWED)
def followed(table: CauseTable, code: str, version: int) -> None:
    """What follows the presenter: the slide and the poll on show. A presenter's change
    reruns this part alone (`push.py`), not the whole page. `version` is the room's as
    the whole page last read it: this part never shows an older one."""
    room, poll, room_view, deck = slides.room_on_show(table, code, version)
    live.follow_bar(room)
    number = deck.clamp(room.slide if state.following() else state.own_slide())
    if poll is not None and hides_the_slide(poll):  # a quiz: the slide would give it away
        live.answer_panel(table, deck, room.code, poll)
    else:
        with st.container(key="phone-slide"):
            slides.show(slides.Show(table, deck, number, room_view, phone=True))
        if poll is not None:
            live.answer_panel(table, deck, room.code, poll)


table = source.active_table()
view = state.view(table)
room = live.store().room(view.room) if view.room else None
state.sync_url(view if room is not None else View(), ("room",))

if room is None:
    st.title(_("Join a live room"))
    st.markdown(_("Type the code on the presenter's screen, or scan its QR code."))
    live.join_form(view.room)
else:
    followed(table, room.code, room.version)
    live.ask_box(room.code)
    live.room_questions(room.code)
    st.caption(md_escape(live.privacy()))
