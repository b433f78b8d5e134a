"""Present: the current view as slides for a room, one slide at a time in large type.

The deck follows the filters, or the causes picked under "Build your deck", and lives in
the URL (`deck=` repeated cause names, `slide=` the slide number), so a deck prepared at
home opens the same in class. Everything the slides say is decided in `causes.deck`.

Presenter chrome: this page adds one constant stylesheet (`SLIDE_CSS`, never table text)
that hides Streamlit's main menu and decoration line, trims the page's top padding, and
sets the slide's text and badges large. The top navigation and the education-not-diagnosis strip
stay, as on every page."""

import datetime as dt

import streamlit as st

from causes.check import flags_markdown
from causes.compare import cause_options
from causes.config import BUNDLED_TOPIC
from causes.deck import (
    DECK_PARAM,
    MAX_CAUSE_SLIDES,
    SLIDE_PARAM,
    Deck,
    Slide,
    app_root,
    build_deck,
    cause_card,
    deck_params,
    format_slide,
    overview_data,
    overview_figure,
    parse_deck,
    parse_slide,
    symptom_figure,
    symptom_share_alt,
    view_link,
)
from causes.qr import LinkTooLong, qr_png
from causes.style import urgency_style
from causes.text import badge_escape, md_escape, safe_url
from pages import common, warning_check

KEY = "deck_causes"
WRITTEN = "deck_url_written"  # the deck= values this page last put in the URL
NOTICES = "deck_url_notices"
FALLBACK_URL = "http://localhost:8501/present"  # when the browser's address is not known
CHART_CONFIG = {"displayModeBar": False, "scrollZoom": False, "staticPlot": False}
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
.st-key-slide [data-testid="stCaptionContainer"] { opacity: 1; color: #555555; }
.st-key-slide [data-testid="stCaptionContainer"] p { font-size: 1.1rem; }
.st-key-slide .st-key-slide_sources li,
.st-key-slide .st-key-slide_body p, .st-key-slide .st-key-slide_body li { font-size: 1.25rem; line-height: 1.3; }
.st-key-slide .st-key-slide_controls p { font-size: 1.2rem; font-weight: 600; }
</style>"""

table = common.active_table()
flags, _, _ = common.sidecars()
st.html(SLIDE_CSS)

slide_area = st.container(key="slide")
builder = st.expander("Build your deck", icon=":material/tune:")


def _init_from_url() -> None:
    """On the first run, and whenever a link brings another deck, take it from the URL;
    names the table does not have are dropped with a notice."""
    url = st.query_params.get_all(DECK_PARAM)
    if KEY in st.session_state and url == st.session_state.get(WRITTEN):
        kept = deck_params(table, parse_deck(table, st.session_state[KEY]).positions)
        if kept != st.session_state[KEY]:
            st.session_state[KEY] = kept
        return
    picked = parse_deck(table, url)
    st.session_state[KEY] = deck_params(table, picked.positions)
    st.session_state[NOTICES] = (list(st.session_state[KEY]), picked.notices)


def _write_url(names: list[str]) -> None:
    if st.query_params.get_all(DECK_PARAM) != names:
        if names:
            st.query_params[DECK_PARAM] = names
        else:
            del st.query_params[DECK_PARAM]
    st.session_state[WRITTEN] = names


def _go(number: int) -> None:
    st.query_params[SLIDE_PARAM] = format_slide(number)


with builder:
    st.markdown(
        f"Pick up to {MAX_CAUSE_SLIDES} causes in the order to present them, or leave this empty to follow "
        "the filters below. The address bar keeps the deck and the slide: open the same link in class."
    )
    _init_from_url()
    chosen = st.multiselect(
        "Causes, in the order to show them",
        cause_options(table),
        key=KEY,
        max_selections=MAX_CAUSE_SLIDES,
        placeholder="Follow the filters below",
    )
    _write_url(list(chosen))
    at_load, notices = st.session_state.get(NOTICES, (None, ()))
    if notices and list(chosen) == at_load:
        st.warning("\n".join(f"- {md_escape(n)}" for n in notices), icon=":material/link_off:")
    st.markdown("**Or follow the filters**" + (" (not used while causes are picked above)" if chosen else ""))
    query, result = common.filter_panel(table)

topic = BUNDLED_TOPIC if common.serving_bundled() else f"The cause table {table.name}"
deck = build_deck(
    table,
    topic=topic,
    today=dt.date.today(),
    query=query,
    result=result,
    picked=parse_deck(table, chosen).positions,
    flags=flags,
)
number = parse_slide(st.query_params.get(SLIDE_PARAM), len(deck))
if st.query_params.get(SLIDE_PARAM) != format_slide(number):
    st.query_params[SLIDE_PARAM] = format_slide(number)


def controls() -> None:
    """Previous, "Slide N of M", Next: the arrow keys press the buttons too."""
    with st.container(horizontal=True, vertical_alignment="center", width="content", key="slide_controls"):
        _controls()


def _controls() -> None:
    st.button(
        "Previous",
        icon=":material/arrow_back:",
        on_click=_go,
        args=(number - 1,),
        disabled=number <= 1,
        shortcut="Left",
        key="present_previous",
    )
    st.markdown(f"Slide {number} of {len(deck)}", width="content")
    st.button(
        "Next",
        icon=":material/arrow_forward:",
        on_click=_go,
        args=(number + 1,),
        disabled=number >= len(deck),
        shortcut="Right",
        key="present_next",
    )


def heading_row(text: str) -> None:
    """The slide's heading, with the controls at its right (a long heading wraps in its
    own column rather than pushing the controls down)."""
    head = top_row()
    with head:
        st.header(text, anchor=False)


def top_row():
    """A row: the controls on the right; returns the column left of them."""
    head, right = st.columns([5, 4], vertical_alignment="center")
    with right, st.container(horizontal_alignment="right"):
        controls()
    return head


def _items(items: tuple[str, ...], empty: str) -> str:
    return "\n".join(f"- {md_escape(i)}" for i in items) or f"- {empty}"


def title_slide(deck: Deck) -> None:
    # The controls and the QR code share the right-hand column, so the code's place does
    # not hang on the title's height: the page fits a 1280x720 projector even in the
    # moment before SLIDE_CSS applies (Streamlit loads st.html's code last, after the
    # image's, so on a busy machine the slide shows unstyled first).
    text, code = st.columns([5, 4], gap="large")
    with code, st.container(horizontal_alignment="right"):
        controls()
    with text:
        st.title(md_escape(deck.topic), anchor=False)
        st.subheader(md_escape(deck.description), anchor=False)
        st.markdown(f":material/calendar_today: {deck.date}")
        st.markdown(f":material/school: **Education, not diagnosis.** {common.DISCLAIMER}")
        if deck.cap_note:
            st.caption(md_escape(deck.cap_note))
    with code:
        if common.own_table_active():
            st.info(
                "This table was brought in this browser tab only, so a link cannot open it on anyone's phone. "
                "To share it, serve it to the room with `--data`, or hand out the handout from Explore.",
                icon=":material/phonelink_off:",
            )
            return
        picked = deck_params(table, deck.positions) if deck.picked else ()
        link = view_link(app_root(st.context.url or FALLBACK_URL), query, picked)
        try:
            st.image(qr_png(link), width=220, output_format="PNG", alt="QR code of this view's link")
            st.markdown("**Scan to follow on your phone**")
        except LinkTooLong as e:
            st.markdown(md_escape(f"{e} Open this link instead:"))
        st.caption(md_escape(link))


def overview_slide(slide: Slide, deck: Deck) -> None:
    heading_row(md_escape(slide.title))
    if not len(deck.result):
        st.info("No cause matches these filters: change them under **Build your deck**.", icon=":material/search_off:")
        return
    data = overview_data(table, deck)
    st.plotly_chart(
        overview_figure(table, data),
        config=CHART_CONFIG,
        key="present_overview",
        alt="Bar chart: how many of the deck's causes each category has, each bar split by urgency.",
    )
    for note in (deck.cap_note, data.note):
        if note:
            st.caption(md_escape(note))


def cause_slide(slide: Slide) -> None:
    assert slide.position is not None
    card = cause_card(table, slide.position)
    heading_row(md_escape(card.name))
    with st.container(horizontal=True, vertical_alignment="center"):
        common.urgency_badge(card.urgency)
        st.badge(badge_escape(card.category), color="gray", icon=":material/category:")
        st.markdown("**Felt in:** " + ", ".join(md_escape(a) for a in card.areas), width="content")
    st.markdown(md_escape(card.summary))
    with st.container(key="slide_body"):
        left, middle, right = st.columns([1.2, 1, 1.3], gap="medium")
    with left:
        # The chart's labels are the key symptoms; its alt text names them all.
        st.markdown("**Key symptoms**")
        st.plotly_chart(
            symptom_figure(table, slide.position),
            config=CHART_CONFIG,
            key=f"present_symptoms_{slide.position}",
            alt=symptom_share_alt(table, slide.position),
        )
        more = f"; {card.more_symptoms} more not shown" if card.more_symptoms else ""
        st.caption(f"Bars: how many of the {len(table):,} causes have each symptom{more}.")
    with middle:
        st.markdown("**What helps**\n\n" + _items(card.self_care, "Ask a health professional."))
    with right:
        flags = flags_markdown(card.red_flags, warning_check.help_here(), md_escape)
        st.markdown(f"**{common.WHEN_TO_GET_HELP}**\n\n" + (flags or "- No specific signs listed."))


def doctor_slide(slide: Slide) -> None:
    heading_row(f":material/e911_emergency: {md_escape(slide.title)}")
    if not slide.flags:
        st.markdown("- Symptoms that are severe, last, keep coming back, or worry you.")
        return
    level = slide.flags[0].urgency
    style = urgency_style(level)
    st.badge(style.label, icon=style.icon, color=style.badge)
    st.markdown(f"**{md_escape(warning_check.help_here().heading(level))}:**")
    st.markdown("\n".join(f"- {md_escape(f.sign)}" for f in slide.flags))
    names = dict.fromkeys(f.source_name for f in slide.flags if f.source_name)
    if names:
        st.caption("Sources: " + ", ".join(md_escape(n) for n in names))


def _link(url: str) -> str:
    shown = url.split("://", 1)[-1]
    target = "".join(f"%{ord(c):02X}" if c in "()<>[]\\`" else c for c in url)
    return f"[{md_escape(shown)}]({target})"


def sources_slide(slide: Slide) -> None:
    heading_row(f":material/menu_book: {md_escape(slide.title)}")
    lines = [
        f"- **{md_escape(s.publisher)}**" + (f": {_link(s.url)}" if s.url and safe_url(s.url) else "")
        for s in slide.sources
    ]
    with st.container(key="slide_sources"):
        st.markdown("\n".join(lines))


with slide_area:
    slide = deck.slide(number)
    if slide.kind == "title":
        title_slide(deck)
    elif slide.kind == "overview":
        overview_slide(slide, deck)
    elif slide.kind == "cause":
        cause_slide(slide)
    elif slide.kind == "doctor":
        doctor_slide(slide)
    else:
        sources_slide(slide)
