"""Present: the current view as slides for a room, one slide at a time in large type.

The deck follows the filters, or the causes picked under "Build your deck", and a link
names it (`deck=` repeated cause names, `slide=` the slide number: `causes.view`), so a
deck prepared at home opens the same in class. Everything the slides say is decided in
`causes.deck`; `pages/ui/slides.py` lays them out, on the projector's stage: the page shows
what the projector shows. "Projector" opens the slide alone in a new window for the room,
"Presenter view" the presenter's own screen (`pages/projector.py`, `pages/presenter.py`);
without a live room they follow this tab (`pages/ui/screens.py`). A live room
(`pages/ui/live.py`) lets the audience's phones follow, answer polls and ask questions."""

from dataclasses import replace

import streamlit as st

from causes.compare import cause_options
from causes.deck import MAX_CAUSE_SLIDES
from causes.i18n import _, language
from causes.text import md_escape
from pages.ui import filters, live, screens, slides, source, state

table = source.active_table()
flags, _glossary, _claims = source.sidecars()
st.html(slides.STAGE_CSS)

bar = st.container(key="present-bar", horizontal=True, vertical_alignment="center")
slide_area = st.container(key="slide")
builder = st.expander(_("Build your deck"), icon=":material/tune:")

with builder:
    st.markdown(
        # Translators: {most} is the most causes a deck can show (a number).
        _(
            "Pick up to {most} causes in the order to present them, or leave this empty to follow "
            "the filters below. The address bar keeps the deck and the slide: open the same link in class.",
        ).format(most=MAX_CAUSE_SLIDES)
    )
    view = state.view(table)
    state.start_picker(state.DECK_WIDGET, "deck", view.deck)
    chosen = st.multiselect(
        _("Causes, in the order to show them"),
        cause_options(table),
        key=state.DECK_WIDGET,
        max_selections=MAX_CAUSE_SLIDES,
        placeholder=_("Follow the filters below"),
    )
    view = replace(view, deck=tuple(chosen))
    notices = state.notices("deck", view.deck)
    if notices:
        st.warning("\n".join(f"- {md_escape(n)}" for n in notices), icon=":material/link_off:")
    st.markdown(
        _("**Or follow the filters** (not used while causes are picked above)")
        if chosen
        else _("**Or follow the filters**")
    )
    view, result = filters.filter_panel(table, view)

deck, view, room = slides.presented(table, view, flags, result)

phone = state.on_phone()
show = slides.Show(table, deck, view.slide, view, room=room[0].code if room else None, phone=phone)
with bar:
    if not phone:  # a phone's slide has its controls under its heading
        slides.controls(show)
    slides.screen_links(view)
with slide_area:
    slides.show(show, "page", live.poll_on_show(room[0]) if room else None)
live.presenter_panel(table, deck, view, room)
_sent, step = screens.screens("page", view, language())
slides.moved(deck, view, step)
