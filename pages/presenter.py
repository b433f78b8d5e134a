"""Presenter view: the presenter's own screen (a laptop, or a phone), never the projector.
The slide on show, small; the next one; speaker notes written from the table; a timer;
Previous and Next; and the live room's panel. The projector and the phones follow: through
the live room, or without one the projector window of this browser (`pages/ui/screens.py`).
The room's secret stays in this tab, as on Present."""

from dataclasses import replace

import streamlit as st

from causes.i18n import _, language
from causes.notes import notes_markdown, speaker_notes
from causes.text import md_escape
from pages.ui import chrome, live, screens, slides, source, state

table = source.active_table()
flags, _glossary, _claims = source.sidecars()
st.html(slides.STAGE_CSS + slides.PRESENTER_CSS)

view = state.view(table)
deck, view, room = slides.presented(table, view, flags)
show = slides.Show(table, deck, view.slide, view, room=room[0].code if room else None)

st.title(_("Presenter view"), anchor=False)
with st.container(key="presenter-bar", horizontal=True, vertical_alignment="center"):
    slides.controls(show)
    _sent, step = screens.screens("presenter", view, language(), timer=True)
    slides.projector_button(view)
    slides.back_to_present(view)

now, later = st.columns([3, 2], gap="large")
with now:
    st.subheader(_("Now"), anchor=False)
    slides.stage(show, "now", live.poll_on_show(room[0]) if room else None)
    with st.container(key="speaker-notes", border=True):
        st.markdown("**" + _("Speaker notes") + "**")
        st.markdown(notes_markdown(speaker_notes(table, deck, deck.slide(view.slide), chrome.help_here()), md_escape))
with later:
    st.subheader(_("Next"), anchor=False)
    if view.slide < len(deck):
        nxt = replace(show, number=view.slide + 1)
        if state.on_phone():  # a phone draws one stage: the next slide by its title
            st.markdown(md_escape(deck.slide(view.slide + 1).title))
        else:
            slides.stage(nxt, "next")
    else:
        st.markdown(_("The end of the deck."))
    live.presenter_panel(table, deck, view, room)
slides.moved(deck, view, step)
