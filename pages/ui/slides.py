"""The slides of a deck on a page: the projector's stage (a 1280x720 slide that the page
scales to its box, in type read from the back of a room: `causes.stage`), and a phone's
layout of the same slide in a live room (one column, text rather than charts). What each
slide says is decided in `causes.deck`.

`STAGE_CSS` is one constant stylesheet (never table text): the stage's size, type and
footer, and on the projector (`PROJECTOR_CSS`) a page with nothing but the stage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import streamlit as st

from causes.check import general_advice, sign_line
from causes.config import bundled_topic
from causes.deck import (
    Deck,
    Slide,
    build_deck,
    cause_card,
    key_symptoms,
    overview_data,
    overview_figure,
    overview_list,
    overview_shown,
    phone_cause_text,
    shared_deck,
    symptom_figure,
    symptom_share_alt,
    what_helps,
    when_to_get_help,
)
from causes.export import not_diagnosis
from causes.i18n import LANG_PARAM, _, language, number, pgettext
from causes.live import audience_link
from causes.qr import LinkTooLong, qr_png
from causes.query import Result, run_query
from causes.redflags import RedFlag
from causes.room import Poll, Room
from causes.stage import (
    BODY,
    CORNER,
    FOOTER,
    GAP,
    HEADING,
    MARGIN,
    QR,
    STAGE_HEIGHT,
    STAGE_WIDTH,
    TITLE,
    TOP,
    chart_room,
)
from causes.style import CATEGORY_ICON, badge_md, urgency_style
from causes.table import CauseTable
from causes.text import badge_escape, md_escape, md_link, safe_url, short
from causes.theme import CHART_CONFIG
from causes.view import PROJECTOR_PATH, SCREEN_PARTS, View, app_root
from pages.ui import chrome, live, push, source, state
from pages.ui.plot import plot

FALLBACK_URL = "http://localhost:8501/present"  # when the browser's address is not known
SHOWN_LINK = 90  # characters: a link under the QR code short enough to type
TITLE_DESCRIPTION = 160  # characters of the view's description on the title slide
_STAGE = '[class*="st-key-castage-"]'
STAGE_CSS = f"""<style>
{_STAGE} {{
  width: {STAGE_WIDTH}px !important; height: {STAGE_HEIGHT}px; flex: none; box-sizing: border-box;
  padding: {TOP}px {MARGIN}px {FOOTER}px; gap: {GAP}px; position: relative; overflow: hidden;
  background: #FFFFFF; color: #1A1A1A; border: 1px solid #BFBFBF; border-radius: 4px;
}}
{_STAGE} [data-testid="stMarkdownContainer"] p, {_STAGE} [data-testid="stMarkdownContainer"] li {{
  font-size: {BODY}px; line-height: 1.3; margin: 0 0 {round(0.3 * BODY)}px; overflow-wrap: anywhere;
}}
{_STAGE} [data-testid="stMarkdownContainer"] li {{ margin: 0; }}
{_STAGE} [data-testid="stMarkdownContainer"] ul {{ margin: 0 0 {round(0.3 * BODY)}px; padding-left: 1.2em; }}
{_STAGE} .stMarkdownBadge {{ font-size: {BODY}px !important; line-height: 1.2; }}
{_STAGE} h1 {{ font-size: {TITLE}px; line-height: 1.15; padding: 0; }}
{_STAGE} h2 {{ font-size: {HEADING}px; line-height: 1.15; padding: 0; }}
{_STAGE} h3 {{ font-size: {round(BODY * 1.25)}px; line-height: 1.25; padding: 0; font-weight: 600; }}
{_STAGE} [data-testid="stCaptionContainer"] p {{ font-size: {CORNER}px; color: #4D4D4D; margin: 0; }}
{_STAGE} [data-testid="stCaptionContainer"] {{ opacity: 1; color: #4D4D4D; }}
{_STAGE} [data-testid="stHorizontalBlock"] {{ flex-wrap: nowrap; gap: 32px; }}
{_STAGE} [data-testid="stColumn"] {{ min-width: 0 !important; flex: 1 1 0 !important; width: auto !important; }}
{_STAGE} [data-testid="stImage"] img {{ max-width: {QR}px; }}
{_STAGE} .ca-plot {{ background: #FFFFFF; }}
[class*="st-key-cafoot-"] {{
  position: absolute; left: {MARGIN}px; right: {MARGIN}px; top: {STAGE_HEIGHT - FOOTER + 2}px; width: auto !important;
  height: auto; box-sizing: border-box; padding: 6px 0 0; align-items: center !important;
  border-top: 2px solid #D9D9D9; flex-wrap: nowrap;
}}
[class*="st-key-cafoot-"] [data-testid="stElementContainer"] {{ margin: 0; }}
[class*="st-key-cafoot-"] [data-testid="stMarkdownContainer"] p {{
  font-size: {CORNER}px; line-height: 1.2; margin: 0; color: #333333;
}}
</style>"""
# The presenter's view: the notes in reading type, the two stages framed.
PRESENTER_CSS = """<style>
.st-key-speaker-notes [data-testid="stMarkdownContainer"] p,
.st-key-speaker-notes [data-testid="stMarkdownContainer"] li { font-size: 1.15rem; line-height: 1.45; }
.st-key-presenter-bar { gap: 0.75rem; }
</style>"""
# The projector: the stage alone, as large as the window allows (`screens.js` scales it),
# nothing of the app around it; what the slide does not fill is white, as the slide is.
PROJECTOR_CSS = f"""<style>
header[data-testid="stHeader"], [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stDecoration"], [data-testid="stToolbar"], [data-testid="stBottom"] {{ display: none !important; }}
.stApp, [data-testid="stMain"] {{ background: #FFFFFF; }}
[data-testid="stMainBlockContainer"] {{ padding: 0 !important; max-width: none !important; }}
{_STAGE} {{ position: fixed !important; inset: 0; margin: auto; border: none; border-radius: 0; }}
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


def show(s: Show, where: str = "page", poll: Poll | None = None) -> None:
    """Slide `s.number` of the deck: on a phone, laid out for it (one column, its controls
    under the heading); anywhere else, the projector's stage (`stage`)."""
    if s.phone:
        phone_slide(s)
    else:
        stage(s, where, poll)


def phone_slide(s: Show) -> None:
    """A slide laid out for a phone in a live room: one column, text rather than charts."""
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


def presented(
    table: CauseTable, view: View, flags: tuple[RedFlag, ...], result: Result | None = None
) -> tuple[Deck, View, tuple[Room, str] | None]:
    """What a presenter's page (Present, the presenter's view) shows: the view's deck, the
    view on a slide of it, and the live room this tab drives, kept on that slide (a room
    closed or expired is dropped); the link says the same."""
    deck = deck_of(table, view, flags, result)
    view = replace(view, slide=deck.clamp(view.slide))
    room = live.presenting(view)
    if room is not None:
        live.sync(room, view)
    elif not live.exists(view.room):
        view = replace(view, room=None)
    state.sync_url(view, SCREEN_PARTS)
    return deck, view, room


def room_on_show(table: CauseTable, code: str, version: int) -> tuple[Room, Poll | None, View, Deck]:
    """In the part of a page a live room's push reruns (a phone's, the projector's): the
    room at `version` or later, noted as drawn, its poll on show, its view in this tab's
    words (made in either language) and its deck. A room closed or expired reruns the page."""
    state.in_language()
    showing = push.pusher().showing(code, at_least=version)
    if showing is None:
        st.rerun()
    room = showing.room
    push.pusher().drew(room.code, room.version)  # a newer version reruns this part
    flags, _glossary, _claims = source.sidecars()
    room_view, _notices = View.from_params(state.in_my_words(room.view), table)
    return room, showing.poll, room_view, room_deck(table, room_view, flags)


def moved(deck: Deck, view: View, step: int) -> None:
    """A projector's keys (a clicker) asked this tab to move `step` slides: move, and run again."""
    if step:
        go(deck.clamp(view.slide + step))
        st.rerun()


def _screen_params(view: View) -> dict[str, list[str]]:
    """What another screen of the talk opens on: the view's parts the screens share, the language."""
    return view.to_params(SCREEN_PARTS) | {LANG_PARAM: [language()]}


def projector_button(view: View) -> None:
    """The projector: the slide alone, in a new window, for the room."""
    st.link_button(
        _("Projector"),
        view.screen_link(app_root(st.context.url or FALLBACK_URL), PROJECTOR_PATH, language()),
        icon=":material/tv:",
        help=_(
            "The slide alone, as large as the window allows, in a new window: move it to the projector and "
            "press F for full screen. It follows this tab, or the live room."
        ),
    )


def screen_links(view: View) -> None:
    """Present's way to the talk's other screens: the projector (a new window, for the
    room) and the presenter's view (this tab: the room's secret stays in it)."""
    projector_button(view)
    st.page_link(
        chrome.PRESENTER,
        label=_("Presenter view"),
        icon=":material/co_present:",
        query_params=_screen_params(view),
        help=_("Your notes, the next slide, a timer and the live room, on your own screen."),
    )


def back_to_present(view: View) -> None:
    """The presenter's view's way back to Present (its deck builder, in this tab)."""
    st.page_link(
        chrome.PRESENT, label=_("Back to Present"), icon=":material/slideshow:", query_params=_screen_params(view)
    )


def heading_row(show: Show, text: str) -> None:
    """A phone's slide heading, with the controls under it."""
    st.header(text, anchor=False)
    controls(show)


# --- a phone's slides ------------------------------------------------------------------------


def title_slide(show: Show) -> None:
    deck = show.deck
    controls(show)
    st.title(md_escape(deck.topic), anchor=False)
    st.subheader(md_escape(deck.description), anchor=False)
    st.markdown(f":material/calendar_today: {deck.date}")
    if deck.cap_note:
        st.caption(md_escape(deck.cap_note))


def overview_slide(show: Show, slide: Slide) -> None:
    deck = show.deck
    heading_row(show, md_escape(slide.title))
    if not len(deck.result):
        st.info(no_match_here(), icon=":material/search_off:")
        return
    data = overview_data(show.table, deck)
    st.markdown(overview_list(data))  # a list reads better on a phone than a chart, and costs the server less
    for note in (deck.cap_note, data.note):
        if note:
            st.caption(md_escape(note))


def cause_slide(show: Show, slide: Slide) -> None:
    assert slide.position is not None
    heading_row(show, md_escape(cause_card(show.table, slide.position).name))
    st.markdown(phone_cause_text(show.table, slide.position, chrome.help_here(), slide.part, show.deck.flags))


def doctor_slide(show: Show, slide: Slide) -> None:
    heading_row(show, f":material/e911_emergency: {md_escape(slide.title)}")
    st.markdown(_signs_markdown(slide))


def sources_slide(show: Show, slide: Slide) -> None:
    heading_row(show, f":material/menu_book: {md_escape(slide.title)}")
    st.markdown(_sources_markdown(slide))


def no_match_here() -> str:
    return _("No cause matches these filters: change them under **Build your deck**.")


def _signs_markdown(slide: Slide) -> str:
    """A "When to get help" slide's signs: one level, under the action it needs."""
    if not slide.flags:
        return f"- {general_advice()}"
    level = slide.flags[0].urgency
    style = urgency_style(level)
    head = badge_md(style.label, style.badge, style.icon) + f" **{md_escape(chrome.help_here().heading(level))}:**"
    return head + "\n\n" + "\n".join(f"- {md_escape(sign_line(f))}" for f in slide.flags)


def _sources_markdown(slide: Slide) -> str:
    return "\n".join(
        f"- **{md_escape(s.publisher)}**" + (f": {md_link(s.url)}" if s.url and safe_url(s.url) else "")
        for s in slide.sources
    )


# --- the projector's stage -------------------------------------------------------------------


def stage(s: Show, where: str, poll: Poll | None = None) -> None:
    """Slide `s.number` as the projector shows it: a 1280x720 stage (`causes.stage`) that
    the page scales to its box (`screens.js`), the education-not-diagnosis line and the
    slide's number (and the room's code) in its footer. A poll on show takes the slide's
    place (`live.stage_poll`). `where` names this stage on the page ("page", "now", "next",
    "projector"): a page may show two."""
    slide = s.deck.slide(s.number)
    with st.container(key=f"castage-{where}"):
        if poll is not None and s.room:
            live.stage_poll(s.table, s.deck, s.room, poll, where)
        elif slide.kind == "title":
            _title(s, where)
        elif slide.kind == "overview":
            _overview(s, slide, where)
        elif slide.kind == "cause":
            _cause(s, slide, where)
        elif slide.kind == "doctor":
            st.header(f":material/e911_emergency: {md_escape(slide.title)}", anchor=False)
            st.markdown(_signs_markdown(slide))
            names = dict.fromkeys(f.source_name for f in slide.flags if f.source_name)
            if names:
                # Translators: {names} lists the publishers of the warning signs' sources.
                st.caption(_("Sources: {names}").format(names=", ".join(md_escape(n) for n in names)))
        else:
            st.header(f":material/menu_book: {md_escape(slide.title)}", anchor=False)
            with st.container(key=f"casources-{where}"):
                st.markdown(_sources_markdown(slide))
        with st.container(key=f"cafoot-{where}", horizontal=True, vertical_alignment="bottom", gap="medium"):
            st.markdown(f"**{not_diagnosis()}** {short_disclaimer()}", width="stretch")
            # Translators: in a slide's corner: {n} is this slide's number, {count} how many there are.
            corner = _("{n} / {count}").format(n=number(s.number), count=number(len(s.deck)))
            if s.room:
                # Translators: in a slide's corner: {code} is the live room's code; the slide's number follows.
                corner = _("Room {code}").format(code=s.room) + " · " + corner
            st.markdown(corner, width="content")


def short_disclaimer() -> str:
    """The slide footer's line after "Education, not diagnosis."."""
    return _("Only a health professional who examines you can say what is causing your symptoms.")


def _title(s: Show, where: str) -> None:
    deck, view, table = s.deck, s.view, s.table
    text, code = st.columns([3, 2], gap="medium")
    with text:
        st.title(md_escape(deck.topic), anchor=False)
        st.subheader(md_escape(short(deck.description, TITLE_DESCRIPTION)), anchor=False)
        st.markdown(f":material/calendar_today: {deck.date}")
        if deck.cap_note:
            st.caption(md_escape(deck.cap_note))
    with code:
        if state.own_table() is not None:
            st.markdown(
                _(
                    "This table was brought in this browser tab only, so a link cannot open it on anyone's phone. "
                    "To share it, serve it to the room with `--data`, or hand out the handout from Explore."
                )
            )
            return
        root = app_root(st.context.url or FALLBACK_URL)
        if s.room:
            link = audience_link(root, s.room)
            alt, invite = _("QR code of the live room's link"), _("**Scan to join the live room**")
            # Translators: {code} is a live room's code, e.g. ABC234.
            st.header(_("Room code: {code}").format(code=s.room), anchor=False)  # large, to read from the back
        else:
            shown = view.with_names(table, "deck", deck.positions) if deck.picked else replace(view, deck=())
            link = shown.link(root)
            alt, invite = _("QR code of this view's link"), _("**Scan to follow on your phone**")
        try:
            st.image(qr_png(link), width=QR, output_format="PNG", alt=alt)
            st.markdown(invite)
            if len(link) <= SHOWN_LINK:  # a longer one is for the QR code alone: nobody types it
                st.caption(md_escape(link))
        except LinkTooLong as e:
            st.caption(md_escape(f"{e} " + _("Open this link instead:")) + " " + md_escape(link))


def _overview(s: Show, slide: Slide, where: str) -> None:
    deck, table = s.deck, s.table
    st.header(md_escape(slide.title), anchor=False)
    if not len(deck.result):
        st.markdown(no_match_here())
        return
    data, more = overview_shown(overview_data(table, deck))
    notes = [n for n in (deck.cap_note, data.note, more) if n]
    plot(
        overview_figure(table, data, chart_room(slide.title, notes)),
        config=CHART_CONFIG,
        key=f"{where}-overview",
        alt=_("Bar chart: how many of the deck's causes each category has, each bar split by urgency."),
    )
    for note in notes:
        st.caption(md_escape(note))


def _cause(s: Show, slide: Slide, where: str) -> None:
    table = s.table
    assert slide.position is not None
    card = cause_card(table, slide.position, s.deck.flags)
    st.header(md_escape(card.name), anchor=False)
    if slide.part == "care":
        st.markdown(what_helps(card.self_care))
        if card.risk_factors:
            # Translators: markdown: ** marks bold. {factors} are a cause's risk factors from the table.
            st.markdown(
                _("**More likely with:** {factors}").format(factors=", ".join(md_escape(r) for r in card.risk_factors))
            )
        return
    if slide.part == "help":
        st.markdown(when_to_get_help(card.red_flags, chrome.help_here()))
        return
    style = urgency_style(card.urgency)
    badges = (
        badge_md(style.label, style.badge, style.icon)
        + " "
        + badge_md(badge_escape(card.category), "gray", CATEGORY_ICON)
    )
    if card.areas:  # one paragraph: it wraps as a whole
        # Translators: {areas} lists the body areas where a cause is felt.
        badges += " " + _("**Felt in:** {areas}").format(areas=", ".join(md_escape(a) for a in card.areas))
    st.markdown(badges)
    left, right = st.columns(2, gap="medium")
    with left:
        st.markdown(md_escape(card.summary))
    with right:
        st.markdown(key_symptoms(len(table)))
        # The chart's labels are the key symptoms; its alt text names them all.
        plot(
            symptom_figure(table, slide.position),
            config=CHART_CONFIG,
            key=f"{where}-symptoms-{slide.position}",
            alt=symptom_share_alt(table, slide.position),
        )
