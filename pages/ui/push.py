"""Live rooms pushed to phones: each app process reruns its own sessions that show a room
when the room changes, so a phone asks nothing while nothing happens.

What is rerun is the part of the page that follows the presenter: a fragment keyed
`FOLLOWED` (the slide and the poll on show), not the whole page with its navigation,
question list and footer. The rerun is the one a page asks for when a timed fragment
is due, sent by the server instead: `rerun_session` is the one place that reaches into
Streamlit's runtime for it."""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import streamlit as st
from streamlit.errors import StreamlitAPIException
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from causes.config import rooms_setting
from causes.room import Latest, RoomStore, Showing, Watch, open_store, push_decision, to_redraw

_LOGGER = logging.getLogger(__name__)

FOLLOWED = "room-followed"  # the key of the fragment a push reruns
QUESTIONS = "room-questions"  # and of the question list, rerun too when the presenter moderates
PARTS = {"slide": FOLLOWED, "questions": QUESTIONS}  # what `causes.room.to_redraw` names


class Pusher:
    """One per app process: reruns this process's sessions that show a room when the room
    changes (a presenter action bumps its version), so that phones need not ask. A thread
    reads the version of each watched room 5 times a second, one query a room.

    When to push, wait or forget a session is `causes.room.push_decision`'s."""

    def __init__(self, rooms: RoomStore, every: float = 0.2, forget: float = 120.0) -> None:
        self.rooms = rooms
        self.latest = Latest(rooms, max_age=2.5 * every)
        self.every = every
        self.forget = forget
        self._lock = threading.Lock()
        self._sessions: dict[str, dict[str, Watch]] = {}  # room code -> session id -> its watch
        self._parts: dict[str, dict[str, str]] = {}  # session id -> fragment key -> its id there
        self._before: dict[str, Showing | None] = {}  # room code -> as last read
        threading.Thread(target=self._run, name="cause-atlas-room-pusher", daemon=True).start()

    def showing(self, code: str, at_least: int = 0) -> Showing | None:
        """What room `code` shows now (at version `at_least` or later): read once for
        all of this process's phones."""
        return self.latest.get(code, at_least)

    def drew(self, code: str, version: int) -> None:
        """The session running now drew `version` of room `code`, inside the fragment
        keyed `FOLLOWED` (or, outside one, as a whole page)."""
        ctx = get_script_run_ctx()
        if ctx is None:  # not in an app session
            return
        self.holds(FOLLOWED)
        with self._lock:
            self._sessions.setdefault(code, {})[ctx.session_id] = Watch(version, version, time.monotonic())

    def holds(self, key: str) -> None:
        """The session running now has the fragment keyed `key` (called inside it)."""
        ctx = get_script_run_ctx()
        if ctx is None:
            return
        try:
            part = ctx.fragment_storage.resolve_target(key)[0]
        except StreamlitAPIException:  # not inside the fragment
            part = ""
        with self._lock:
            self._parts.setdefault(ctx.session_id, {})[key] = part

    def _run(self) -> None:
        while True:
            time.sleep(self.every)
            try:
                self.push_once()
            except Exception:  # a store hiccup: try again next time, never stop
                _LOGGER.exception("room pusher")

    def push_once(self) -> None:
        with self._lock:
            codes = list(self._sessions)
        now = time.monotonic()
        for code in codes:
            showing = self.latest.refresh(code)
            version = -1 if showing is None else showing.room.version
            keys = [PARTS[part] for part in to_redraw(self._before.get(code), showing)]
            self._before[code] = showing
            due = []
            with self._lock:
                sessions = self._sessions.get(code, {})
                for sid, watch in list(sessions.items()):
                    decision = push_decision(watch, version, now, self.forget)
                    if decision == "forget":
                        del sessions[sid]
                        self._parts.pop(sid, None)
                    elif decision == "push":
                        sessions[sid] = replace(watch, pushed=version)
                        due.append(sid)
                if not sessions:
                    self._sessions.pop(code, None)
                    self._before.pop(code, None)
                    self.latest.forget(code)
            for sid in due:
                parts = self._parts.get(sid, {})
                if not rerun_session(sid, [parts.get(k, "") for k in keys]):
                    with self._lock:
                        self._sessions.get(code, {}).pop(sid, None)
                        self._parts.pop(sid, None)


def rerun_session(session_id: str, fragments: Sequence[str] = ()) -> bool:
    """Rerun these fragments of a session (its whole page when the first is "" or gone)
    with the state its page last sent, as the page does when a timed fragment is due.
    A fragment's run is queued behind a run in progress, where a whole page's would stop
    it and start again. The pinned Streamlit (1.67) offers no public call for this:
    `AppSession._client_state` is read here alone, and tests/browser/test_live_room.py
    fails if it stops working (the phones would not follow)."""
    if not Runtime.exists():
        return False
    session = Runtime.instance().get_app_session(session_id)
    if session is None:  # closed
        return False
    held = [f for f in fragments if f and session.has_fragment(f)]
    whole = not fragments or fragments[0] not in held
    for fragment in [""] if whole else held:
        state = ClientState()
        state.CopyFrom(session._client_state)
        state.fragment_id, state.is_auto_rerun = fragment, bool(fragment)
        session.request_rerun(state)
    return True


@st.cache_resource(show_spinner=False)
def _pusher(setting: str | None, folder: str) -> Pusher:
    return Pusher(open_store(setting, Path(folder)))


def pusher() -> Pusher:
    setting, folder = rooms_setting(sys.argv[1:])
    return _pusher(setting, str(folder))
