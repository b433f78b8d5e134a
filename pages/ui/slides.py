"""The slides of the Present page, one at a time in large type, with the controls beside
each slide's heading. What each slide says is decided in `causes.deck`; this module lays
it out for a 1280x720 projector.

Presenter chrome: `SLIDE_CSS` is one constant stylesheet (never table text) that hides
Streamlit's main menu and decoration line, trims the page's top padding, and sets the
slide's text and badges large. The top navigation and the education-not-diagnosis strip
stay, as on every page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from causes.check import general_advice
from causes.config import bundled_topic
from causes.deck import (
    Deck,
    Slide,
    build_deck,
    cause_card,
    overview_data,
    overview_figure,
    overview_list,
    phone_cause_text,
    shared_deck,
    symptom_figure,
    symptom_share_alt,
    what_helps,
    when_to_get_help,
)
from causes.export import disclaimer, not_diagnosis
from causes.i18n import _, ngettext, number, pgettext
from causes.live import audience_link
from causes.qr import LinkTooLong, qr_png
from causes.query import Result, run_query
from causes.redflags import RedFlag
from causes.style import CATEGORY_ICON, urgency_style
from causes.table import CauseTable
from causes.text import badge_escape, md_escape, md_link, safe_url
from causes.theme import CHART_CONFIG
from causes.view import View, app_root
from pages.ui import cards, chrome, state
from pages.ui.plot import plot

FALLBACK_URL = "http://localhost:8501/present"  # when the browser's address is not known
SLIDE_CSS = """<style>
[data-testid="stMainMenu"], [data-testid="stToolbarActions"], [data-testid="stDecoration"] { display: none; }
[data-testid="stMainBlockContainer"] { padding-top: 4rem; padding-bottom: 2rem; }
.st-key-slide .stMarkdownBadge { font-size: 1.15rem !important; }
.st-key-slide [data-testid="stMarkdownContainer"] p,
.st-key-slide [data-testid="stMarkdownContainer"] li { font-size: 1.4rem; line-height: 1.35; }
.st-key-slide [data-testid="stMarkdownContainer"] li { margin-bottom: 0.15rem; }
.st-key-slide h1 { font-size: 2rem; padding-top: 0; }
.st-key-slide h2 { font-size: 2.1rem; padding: 0; }
.st-key-slide h3 { font-size: 1.7rem; }
.st-key-slide [data-testid="stCaptionContainer"] p { font-size: 1.1rem; }
.st-key-slide [data-testid="stCaptionContainer"] { opacity: 1; color: #555555; }
.st-key-slide .st-key-slide_sources li,
.st-key-slide .st-key-slide_body p, .st-key-slide .st-key-slide_body li { font-size: 1.25rem; line-height: 1.3; }
.st-key-slide .st-key-slide_controls p { font-size: 1.2rem; font-weight: 600; }
</style>"""


@dataclass(frozen=True)
class Show:
    """The deck on show, the slide's number, and the view the room's link opens."""

    table: CauseTable
    deck: Deck
    number: int
    view: View
    room: str | None = None  # a live room's code: the title slide invites the audience in
    phone: bool = False  # a phone in a live room: the controls step through the deck on their own


def step(number: int) -> None:
    """A phone steps away from the presenter, to slide `number`."""
    state.set_following(False, number)


def deck_of(table: CauseTable, view: View, flags: tuple[RedFlag, ...], result: Result | None = None) -> Deck:
    """The deck a view names: its picked causes, else its filters' matches."""
    return build_deck(
        table,
        topic=_topic(table),
        today=dt.date.today(),
        query=view.query,
        result=run_query(table, view.query) if result is None else result,
        picked=view.positions(table, "deck"),
        flags=flags,
    )


def room_deck(table: CauseTable, view: View, flags: tuple[RedFlag, ...]) -> Deck:
    """The deck a live room shows, built once for all of the process's phones in it."""
    return shared_deck(
        table, _topic(table), dt.date.today(), view.query, tuple(view.positions(table, "deck")), tuple(flags)
    )


def _topic(table: CauseTable) -> str:
    # Translators: {name} is the file name of a cause table (a CSV file), e.g. "my-clinic.csv".
    return bundled_topic() if state.serving_bundled() else _("The cause table {name}").format(name=table.name)


def go(number: int) -> None:
    state.update(slide=number)


def show(s: Show) -> None:
    """The slide `s.number` of the deck."""
    slide = s.deck.slide(s.number)
    if slide.kind == "title":
        title_slide(s)
    elif slide.kind == "overview":
        overview_slide(s, slide)
    elif slide.kind == "cause":
        cause_slide(s, slide)
    elif slide.kind == "doctor":
        doctor_slide(s, slide)
    else:
        sources_slide(s, slide)


def controls(show: Show) -> None:
    """Previous, "Slide N of M", Next: the arrow keys press the buttons too."""
    with st.container(horizontal=True, vertical_alignment="center", width="content", key="slide_controls"):
        _controls(show)


def _controls(show: Show) -> None:
    number, count = show.number, len(show.deck)
    move, prefix = (step, "phone") if show.phone else (go, "present")
    st.button(
        pgettext("the slide before", "Previous"),
        icon=":material/arrow_back:",
        on_click=move,
        args=(number - 1,),
        disabled=number <= 1,
        shortcut=None if show.phone else "Left",
        key=f"{prefix}_previous",
    )
    st.markdown(_("Slide {n} of {count}").format(n=number, count=count), width="content")
    st.button(
        pgettext("the slide after", "Next"),
        icon=":material/arrow_forward:",
        on_click=move,
        args=(number + 1,),
        disabled=number >= count,
        shortcut=None if show.phone else "Right",
        key=f"{prefix}_next",
    )


def heading_row(show: Show, text: str) -> None:
    """The slide's heading, with the controls at its right (a long heading wraps in its
    own column rather than pushing the controls down); on a phone, where columns stack,
    the controls under it."""
    if show.phone:
        st.header(text, anchor=False)
        controls(show)
        return
    head = top_row(show)
    with head:
        st.header(text, anchor=False)


def top_row(show: Show) -> DeltaGenerator:
    """A row: the controls on the right; returns the column left of them."""
    head, right = st.columns([5, 4], vertical_alignment="center")
    with right, st.container(horizontal_alignment="right"):
        controls(show)
    return head


def title_slide(show: Show) -> None:
    deck, view, table = show.deck, show.view, show.table
    # The controls and the QR code share the right-hand column, so the code's place does
    # not hang on the title's height: the page fits a 1280x720 projector even in the
    # moment before SLIDE_CSS applies (Streamlit loads st.html's code last, after the
    # image's, so on a busy machine the slide shows unstyled first).
    text, code = st.columns([5, 4], gap="large")
    with code, st.container(horizontal_alignment="right"):
        controls(show)
    with text:
        st.title(md_escape(deck.topic), anchor=False)
        st.subheader(md_escape(deck.description), anchor=False)
        st.markdown(f":material/calendar_today: {deck.date}")
        st.markdown(f":material/school: **{not_diagnosis()}** {disclaimer()}")
        if deck.cap_note:
            st.caption(md_escape(deck.cap_note))
    with code:
        if show.phone:
            return
        if state.own_table() is not None:
            st.info(
                _(
                    "This table was brought in this browser tab only, so a link cannot open it on anyone's phone. "
                    "To share it, serve it to the room with `--data`, or hand out the handout from Explore."
                ),
                icon=":material/phonelink_off:",
            )
            return
        root = app_root(st.context.url or FALLBACK_URL)
        if show.room:
            link = audience_link(root, show.room)
            alt, invite = _("QR code of the live room's link"), _("**Scan to join the live room**")
            # Translators: {code} is a live room's code, e.g. ABC234.
            st.header(_("Room code: {code}").format(code=show.room), anchor=False)  # large, to read from the back
        else:
            shown = view.with_names(table, "deck", deck.positions) if deck.picked else replace(view, deck=())
            link = shown.link(root)
            alt, invite = _("QR code of this view's link"), _("**Scan to follow on your phone**")
        try:
            st.image(qr_png(link), width=220, output_format="PNG", alt=alt)
            st.markdown(invite)
        except LinkTooLong as e:
            st.markdown(md_escape(f"{e} " + _("Open this link instead:")))
        st.caption(md_escape(link))


def overview_slide(show: Show, slide: Slide) -> None:
    deck, table = show.deck, show.table
    heading_row(show, md_escape(slide.title))
    if not len(deck.result):
        st.info(
            _("No cause matches these filters: change them under **Build your deck**."), icon=":material/search_off:"
        )
        return
    data = overview_data(table, deck)
    if show.phone:  # a list reads better on a phone than a chart, and costs the server less
        st.markdown(overview_list(data))
    else:
        plot(
            overview_figure(table, data),
            config=CHART_CONFIG,
            key="present_overview",
            alt=_("Bar chart: how many of the deck's causes each category has, each bar split by urgency."),
        )
    for note in (deck.cap_note, data.note):
        if note:
            st.caption(md_escape(note))


def cause_slide(show: Show, slide: Slide) -> None:
    table = show.table
    assert slide.position is not None
    card = cause_card(table, slide.position)
    heading_row(show, md_escape(card.name))
    if show.phone:  # one column, one text: a list reads better on a phone than a chart, and costs less to send
        st.markdown(phone_cause_text(table, slide.position, chrome.help_here()))
        return
    with st.container(horizontal=True, vertical_alignment="center"):
        cards.urgency_badge(card.urgency)
        st.badge(badge_escape(card.category), color="gray", icon=CATEGORY_ICON)
        # Translators: {areas} lists the body areas where a cause is felt.
        felt = _("**Felt in:** {areas}").format(areas=", ".join(md_escape(a) for a in card.areas))
        st.markdown(felt, width="content")
    st.markdown(md_escape(card.summary))
    with st.container(key="slide_body"):
        left, middle, right = st.columns([1.2, 1, 1.3], gap="medium")
    with left:
        # The chart's labels are the key symptoms; its alt text names them all.
        st.markdown("**" + _("Key symptoms") + "**")
        plot(
            symptom_figure(table, slide.position),
            config=CHART_CONFIG,
            key=f"present_symptoms_{slide.position}",
            alt=symptom_share_alt(table, slide.position),
        )
        st.caption(_bars_caption(len(table), card.more_symptoms))
    with middle:
        st.markdown(what_helps(card.self_care))
    with right:
        st.markdown(when_to_get_help(card.red_flags, chrome.help_here()))


def _bars_caption(causes: int, more: int) -> str:
    """Under a cause's key symptoms: what the bars count, and how many symptoms are not shown."""
    if more:
        # Translators: {n} is the number of causes in the table; {more} a number of symptoms not
        # shown. The English says "causes" even for 1 cause; give each form its right plural.
        return ngettext(
            "Bars: how many of the {n} causes have each symptom; {more} more not shown.",
            "Bars: how many of the {n} causes have each symptom; {more} more not shown.",
            causes,
        ).format(n=number(causes), more=number(more))
    # Translators: {n} is the number of causes in the table.
    return ngettext(
        "Bars: how many of the {n} causes have each symptom.",
        "Bars: how many of the {n} causes have each symptom.",
        causes,
    ).format(n=number(causes))


def doctor_slide(show: Show, slide: Slide) -> None:
    heading_row(show, f":material/e911_emergency: {md_escape(slide.title)}")
    if not slide.flags:
        st.markdown(f"- {general_advice()}")
        return
    level = slide.flags[0].urgency
    style = urgency_style(level)
    st.badge(style.label, icon=style.icon, color=style.badge)
    st.markdown(f"**{md_escape(chrome.help_here().heading(level))}:**")
    st.markdown("\n".join(f"- {md_escape(f.sign)}" for f in slide.flags))
    names = dict.fromkeys(f.source_name for f in slide.flags if f.source_name)
    if names:
        # Translators: {names} lists the publishers of the warning signs' sources.
        st.caption(_("Sources: {names}").format(names=", ".join(md_escape(n) for n in names)))


def sources_slide(show: Show, slide: Slide) -> None:
    heading_row(show, f":material/menu_book: {md_escape(slide.title)}")
    lines = [
        f"- **{md_escape(s.publisher)}**" + (f": {md_link(s.url)}" if s.url and safe_url(s.url) else "")
        for s in slide.sources
    ]
    with st.container(key="slide_sources"):
        st.markdown("\n".join(lines))
