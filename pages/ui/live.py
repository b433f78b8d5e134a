"""A live room on the page: the presenter's panel and the live results on Present, and the
audience page's pieces (join, follow the presenter, answer a poll, ask and up-vote).

The room lives in a store every app process shares (`causes.room`); this module draws it
and sends what a person does. Phones redraw when the room's version changes (a presenter
action): each app process watches the rooms its sessions show and reruns them (`push.py`),
so a phone asks nothing while nothing happens. Answers and questions do not redraw every
phone; the lists that show them refresh on their own."""

from __future__ import annotations

import contextlib
from datetime import date

import streamlit as st

from causes import CauseTable
from causes.bodymap import clicked_area, uses_body_vocabulary
from causes.deck import Deck
from causes.export import export_name, room_topic
from causes.i18n import _, deferred, number, pgettext
from causes.live import (
    PollSpec,
    asked,
    audience_link,
    deck_params,
    noticed_poll,
    questions_csv,
    quiz_of,
    quiz_poll,
    results_alt,
    results_csv,
    results_figure,
    stage_results_figure,
    tap_figure,
    where_poll,
)
from causes.room import MAX_QUESTION, Poll, Room, RoomError, RoomStore, Tally, normal_code
from causes.stage import HEIGHT, chart_room
from causes.text import md_escape
from causes.theme import CHART_CONFIG, PICTURE_CONFIG
from causes.view import View, app_root
from pages.ui import charts, push, state
from pages.ui.plot import plot

FALLBACK_ROOT = "http://localhost:8501"


def privacy() -> str:
    """What a room keeps, said to the audience."""
    return _(
        "Nothing personal is kept: no name, no address, no answer tied to you. Your answers and questions are "
        "anonymous and the room is deleted within a day. Answers to the warning-sign check never enter a room."
    )


def store() -> RoomStore:
    """This deployment's room store (`--rooms`, CAUSE_ATLAS_ROOMS, else SQLite): the one
    the process's pusher watches."""
    return push.pusher().rooms


def root() -> str:
    return app_root(st.context.url or FALLBACK_ROOT)


# --- the presenter ------------------------------------------------------------------------------


def presenting(view: View) -> tuple[Room, str] | None:
    """The live room this tab drives, if any: its code in the view, its secret here."""
    state.take_presenter_key(view.room)
    room = store().room(view.room) if view.room else None
    if room is None:
        return None
    secret = state.presenter_secret(room.code)
    if secret is None or not store().is_presenter(room.code, secret):
        return None
    state.refill_key_box(room.code)
    return room, secret


def _key_box(code: str, live: bool) -> None:
    """The room's secret, hidden in a password box. A page whose app process died sends
    its boxes' values to its new session, so the presenter keeps control; typed on another
    device, it hands that one control."""
    st.text_input(
        _("Presenter key (private)")
        if live
        # Translators: {code} is a live room's code, e.g. ABC234.
        else _("Presenter key of room {code}").format(code=code),
        type="password",
        key=state.PRESENTER_KEY_WIDGET,
        help=_("The part after key= in your presenter link. Never show it on the projector."),
    )
    typed = state.typed_presenter_key()
    if not live and typed:
        if store().is_presenter(code, typed):
            state.set_presenter(code, typed, box=False)
            st.rerun()
        st.error(_("That key does not open this room."), icon=":material/key_off:")


def exists(code: str | None) -> bool:
    return code is not None and store().room(code) is not None


def _start(view: View) -> None:
    code, secret = store().create(deck_params(view))
    state.set_presenter(code, secret)
    state.update(room=code)


def _close(code: str, secret: str) -> None:
    store().close(code, secret)
    state.forget_presenter(code)
    state.update(room=None)


def sync(live: tuple[Room, str], view: View) -> None:
    """The room follows the presenter's slide and deck (only what changed is written)."""
    room, secret = live
    if room.slide != view.slide:
        store().set_slide(room.code, secret, view.slide)
    if room.view != deck_params(view):
        store().set_view(room.code, secret, deck_params(view))


def _open(code: str, secret: str, spec: PollSpec, slide: int) -> None:
    store().open_poll(code, secret, spec.kind, spec.question, spec.options, slide, spec.many, spec.answer)


def presenter_panel(table: CauseTable, deck: Deck, view: View, live: tuple[Room, str] | None) -> None:
    """Below the slides: start a room, or run it (polls, results, questions, files)."""
    with st.expander(_("Live room: phones follow, answer polls, ask questions"), expanded=live is not None):
        if live is None:
            st.markdown(
                _(
                    "Start a live room and the audience's phones follow your slides, answer quick polls and ask "
                    "questions anonymously. The title slide shows the room's code and QR code."
                )
            )
            st.button(_("Start a live room"), on_click=_start, args=(view,), icon=":material/cast:", type="primary")
            if view.room:  # a live room named in the link, not driven from here: its key takes control
                _key_box(view.room, live=False)
            return
        room, secret = live
        st.markdown(
            # Translators: {code} is the room's code; {link} the web address the audience opens.
            _("**Room {code}** is live. The audience opens {link}").format(
                code=room.code, link=md_escape(audience_link(root(), room.code))
            )
        )
        with st.popover(_("Your presenter link (private)"), icon=":material/key:"):
            st.warning(_("Anyone with this link can drive the room: never show it on the projector."))
            st.code(f"{root()}/present?room={room.code}&{state.PRESENTER_KEY}={secret}", language=None)
        _key_box(room.code, live=True)
        slide = deck.slide(view.slide)
        with st.container(horizontal=True, key="live-polls"):
            st.button(
                _("Poll: which have you noticed?"),
                on_click=_open,
                args=(room.code, secret, noticed_poll(table, deck), view.slide),
            )
            st.button(
                _("Poll: where do you feel it?"),
                on_click=_open,
                args=(room.code, secret, where_poll(table), view.slide),
            )
            if slide.kind == "cause" and slide.position is not None:
                quiz = quiz_poll(table, slide.position, deck.positions)
                st.button(_("Quiz: which cause fits?"), on_click=_open, args=(room.code, secret, quiz, view.slide))
        poll = store().poll(room.code, room.poll) if room.poll else None
        if poll is not None:
            with st.container(horizontal=True, key="live-poll-actions"):
                if poll.open:
                    st.button(_("Close the poll"), on_click=store().close_poll, args=(room.code, secret, poll.id))
                if poll.kind == "quiz" and not poll.revealed:
                    st.button(_("Reveal the answer"), on_click=store().reveal, args=(room.code, secret, poll.id))
                st.button(_("Hide the results"), on_click=store().hide_poll, args=(room.code, secret))
        presenter_questions(room.code, secret)
        _files(table, room.code)
        st.button(
            _("Close the room"), on_click=_close, args=(room.code, secret), icon=":material/close:", key="live-close"
        )


def _files(table: CauseTable, code: str) -> None:
    polls = store().polls(code)
    today = date.today()
    with st.container(horizontal=True, key="live-files"):
        st.download_button(
            _("Poll results (CSV)"),
            data=deferred(lambda: results_csv(polls, [store().counts(code, p.id) for p in polls])),
            file_name=export_name(room_topic(code), "polls", today, "csv"),
            mime="text/csv",
            on_click="ignore",
            disabled=not polls,
            icon=":material/download:",
        )
        st.download_button(
            _("Questions (CSV)"),
            data=deferred(lambda: questions_csv(store().questions(code, hidden=True))),
            file_name=export_name(room_topic(code), "questions", today, "csv"),
            mime="text/csv",
            on_click="ignore",
            icon=":material/download:",
        )
    if polls:
        last = polls[-1]
        counts = store().counts(code, last.id)
        fig = results_figure(last, counts, table.facets["body_areas"].terms)
        charts.chart_downloads(table, fig, results_alt(last, counts, counts.people), room_topic(code), "poll", "live")


def poll_on_show(room: Room) -> Poll | None:
    return store().poll(room.code, room.poll) if room.poll else None


def stage_poll(table: CauseTable, deck: Deck, code: str, poll: Poll, where: str) -> None:
    """On the stage, in the slide's place while a poll is on show: its question, a quiz's
    story and choices (not the answer until it is revealed), and the live counts."""
    mine, _back = _in_my_words(poll)  # opened before the presenter changed language: its words now
    st.header(md_escape(asked(mine)), anchor=False)
    spec = quiz_of(table, deck, mine)
    if spec is not None:
        left, right = st.columns(2, gap="medium")
        with left:
            st.markdown(md_escape(spec.story))
            st.markdown("\n".join(f"- {md_escape(o)}" for o in mine.options))
            if mine.revealed:
                # Translators: {answer} is the quiz's right answer (a cause's name); {why} says why.
                st.markdown(
                    _("**The answer: {answer}.** {why}").format(
                        answer=md_escape(mine.answer or ""), why=md_escape(spec.why)
                    )
                )
            else:
                st.caption(_("Answer on your phone. The presenter reveals the answer."))
        with right:
            stage_results(table, code, where, HEIGHT / 2)
        return
    stage_results(table, code, where, chart_room(asked(mine), reserved_lines=2))  # its caption: two lines


@st.fragment(run_every=1.0)
def stage_results(table: CauseTable, code: str, where: str, height: float) -> None:
    """The poll on show, as counts in slide type, redrawn every second."""
    state.in_language()
    room = store().room(code)
    poll = store().poll(code, room.poll) if room is not None and room.poll else None
    if poll is not None:
        results(table, code, poll, stage=(where, height))


def results(table: CauseTable, code: str, poll: Poll, stage: tuple[str, float] | None = None) -> None:
    """A poll's counts as a chart with its words under it; on the projector's `stage` (its
    name on the page, and the height it leaves), in slide type."""
    poll, back = _in_my_words(poll)  # a poll opened in the other language: counted as one, shown in these words
    stored = store().counts(code, poll.id)
    counts = Tally({mine: stored.get(room, 0) for mine, room in back.items()}, stored.people) if back else stored
    alt = results_alt(poll, counts, counts.people)
    areas = table.facets["body_areas"].terms
    picture = poll.kind == "where" and uses_body_vocabulary(areas)
    fig = results_figure(poll, counts, areas) if stage is None else stage_results_figure(poll, counts, areas, stage[1])
    with st.container(border=stage is None, key="live-results" if stage is None else f"live-results-{stage[0]}"):
        plot(
            fig,
            config=PICTURE_CONFIG if picture else CHART_CONFIG,
            alt=alt,
            key=f"live-chart-{poll.id}" if stage is None else f"live-chart-{poll.id}-{stage[0]}",
            narrow=results_figure(poll, counts, areas, narrow=True) if picture and stage is None else None,
        )
        st.caption(md_escape(alt) + ("" if poll.open else " " + _("The poll is closed.")))


def _questions(code: str, secret: str | None = None) -> None:
    """The room's questions, most up-voted first. The presenter hides or answers them; a
    phone up-votes (once each)."""
    presenter = secret is not None
    questions = store().questions(code, hidden=presenter)
    shown = number(len([q for q in questions if not q.hidden]))
    # Translators: {n} is how many questions the audience sees.
    st.markdown(_("**Questions from the room** ({n})").format(n=shown))
    if not questions:
        st.caption(_("None yet."))
    for q in questions:
        with st.container(border=True, horizontal=True, vertical_alignment="center", key=f"q-{q.id}"):
            label = (
                md_escape(q.text)
                + (" *(" + pgettext("a question from the room", "answered") + ")*" if q.answered else "")
                + (" *(" + pgettext("a question from the room", "hidden") + ")*" if q.hidden else "")
            )
            st.markdown(label, width="stretch")
            if presenter:
                st.button(
                    # Translators: buttons that show or hide a question from the audience.
                    pgettext("a question from the room", "Show")
                    if q.hidden
                    else pgettext("a question from the room", "Hide"),
                    key=f"hide-{q.id}",
                    on_click=store().moderate,
                    args=(code, secret, q.id),
                    kwargs={"hidden": not q.hidden},
                )
                st.button(
                    _("Not answered") if q.answered else _("Answered"),
                    key=f"answered-{q.id}",
                    on_click=store().moderate,
                    args=(code, secret, q.id),
                    kwargs={"answered": not q.answered},
                )
                st.caption(f"▲ {q.votes}")
            else:
                st.button(f"▲ {q.votes}", key=f"up-{q.id}", on_click=_upvote, args=(code, q.id), help=_("Up-vote"))


# Refreshed on their own: every 2 s for the presenter; every 5 s on a phone, where each
# refresh costs the server a run per phone (a question hidden or answered reaches every
# phone at once anyway: the presenter's moderation pushes this list, `push.py`).
@st.fragment(run_every=2.0)
def presenter_questions(code: str, secret: str) -> None:
    state.in_language()
    _questions(code, secret)


@st.fragment(run_every=5.0, key=push.QUESTIONS)
def room_questions(code: str) -> None:
    state.in_language()
    push.pusher().holds(push.QUESTIONS)
    _questions(code)


def _upvote(code: str, question_id: str) -> None:
    with contextlib.suppress(RoomError):  # hidden meanwhile: the list no longer shows it
        store().upvote(code, question_id, state.phone())


# --- a phone --------------------------------------------------------------------------------------


def _join() -> None:
    state.update(room=normal_code(state.join_code()))


def join_form(code: str | None) -> None:
    """Type the room's code (when the link did not bring a valid one)."""
    if code:
        st.error(
            # Translators: {code} is the room code typed or in the link.
            md_escape(_('There is no open room "{code}": check the code on the screen.').format(code=code)),
            icon=":material/error:",
        )
    with st.form("join", border=True):
        st.text_input(_("Room code"), max_chars=12, key=state.JOIN_WIDGET, placeholder=_("e.g. ABC234"))
        st.form_submit_button(_("Join"), on_click=_join, type="primary", icon=":material/login:")
    st.caption(privacy())


def follow_bar(room: Room) -> None:
    with st.container(horizontal=True, vertical_alignment="center", key="follow"):
        if state.following():
            # Translators: a badge: the room is live.
            live = pgettext("a live room", "Live")
            # Translators: {code} is the live room's code.
            following = _("Following the presenter · room **{code}**").format(code=room.code)
            st.markdown(f":green-badge[:material/sensors: {live}] {following}")
        else:
            # Translators: {code} is the live room's code.
            st.markdown(_("Reading on your own · room **{code}**").format(code=room.code), width="stretch")
            st.button(
                _("Follow the presenter"),
                on_click=state.set_following,
                args=(True,),
                type="primary",
                icon=":material/sensors:",
            )


def _in_my_words(poll: Poll) -> tuple[Poll, dict[str, str]]:
    """The poll in this tab's words, and each choice back to the room's (`Pairing.poll`)."""
    pairing = state.pairing()
    return (poll, {}) if pairing is None else pairing.poll(poll)


def _answer(code: str, poll_id: str, choices: list[str], back: dict[str, str] | None = None) -> None:
    try:
        store().answer(code, poll_id, state.phone(), [(back or {}).get(c, c) for c in choices])
        state.set_room_message("answer", None)
    except RoomError as e:
        state.set_room_message("answer", str(e))


def _send(code: str, poll_id: str, key: str, back: dict[str, str]) -> None:
    _answer(code, poll_id, state.chosen(key), back)


def answer_panel(table: CauseTable, deck: Deck, code: str, poll: Poll) -> None:
    """The poll on show, in this phone's words: answer it (once; a new answer replaces the
    last)."""
    poll, back = _in_my_words(poll)
    to_mine = {room: mine for mine, room in back.items()}
    mine = tuple(to_mine.get(a, a) for a in store().my_answer(code, poll.id, state.phone()))
    with st.container(border=True, key="live-poll"):
        st.subheader(md_escape(asked(poll)), anchor=False)
        spec = quiz_of(table, deck, poll)
        if spec is not None:
            st.markdown(md_escape(spec.story))
        if poll.open:
            key = _answer_key(poll.id)
            if poll.kind == "where" and uses_body_vocabulary(poll.options):
                chart = f"tap-{poll.id}"
                plot(
                    tap_figure(poll, mine),
                    key=chart,
                    on_select=lambda: _tapped(code, poll, chart, back),
                    config=PICTURE_CONFIG,
                    alt=_("Body map: tap the part where you feel it. The same parts are in the list below."),
                    narrow=tap_figure(poll, mine, narrow=True),
                )
                st.caption(_("A tap on a part, or on its name, sends it as your answer. Or choose from the list."))
            if poll.many:
                chosen = st.pills(_("Your answer"), poll.options, selection_mode="multi", default=list(mine), key=key)
                picked = list(chosen)
            else:
                one = st.radio(
                    _("Your answer"), poll.options, index=poll.options.index(mine[0]) if mine else None, key=key
                )
                picked = [one] if one else []
            st.button(  # sends what is picked when pressed, even if picked after this run
                _("Send my answer"),
                on_click=_send,
                args=(code, poll.id, key, back),
                disabled=not picked,
                type="primary",
            )
        message = state.room_message("answer")
        if message:
            st.warning(md_escape(message))
        if mine:
            said = (
                # Translators: {answer} is what this phone answered (one or more choices).
                _("Your answer: {answer}. You can change it.")
                if poll.open
                # Translators: {answer} is what this phone answered (one or more choices).
                else _("Your answer: {answer}.")
            )
            st.caption(said.format(answer=md_escape(", ".join(mine))))
        if poll.kind == "quiz" and poll.revealed:
            why = spec.why if spec is not None else ""
            # Translators: {answer} is the quiz's right answer (a cause's name); {why} says why.
            revealed = _("**The answer: {answer}.** {why}").format(
                answer=md_escape(poll.answer or ""), why=md_escape(why)
            )
            st.success(revealed, icon=":material/lightbulb:")
        elif not poll.open:
            st.caption(_("This poll has closed."))


def _answer_key(poll_id: str) -> str:
    """The widget a phone answers a poll with (a radio, or pills)."""
    return f"answer-{poll_id}"


def _tapped(code: str, poll: Poll, chart: str, back: dict[str, str]) -> None:
    area = clicked_area(state.selection(chart))
    if area in poll.options:
        _answer(code, poll.id, [area], back)
        if not poll.many:
            state.set_chosen(_answer_key(poll.id), area)  # the list below says the same


def _ask(code: str) -> None:
    try:
        store().ask(code, state.phone(), state.question_draft())
        state.set_room_message("ask", None)
        state.clear_question_draft()
    except RoomError as e:
        state.set_room_message("ask", str(e))


def ask_box(code: str) -> None:
    with st.container(border=True, key="ask"):
        st.text_area(
            _("Ask a question (anonymous)"),
            max_chars=MAX_QUESTION,
            key=state.QUESTION_WIDGET,
            placeholder=_("What would you like the presenter to explain?"),
        )
        st.button(
            pgettext("a button that sends a question", "Ask"), on_click=_ask, args=(code,), icon=":material/send:"
        )
        message = state.room_message("ask")
        if message:
            st.warning(md_escape(message))
