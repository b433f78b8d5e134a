"""Streamlit sessions without a browser: held open to measure the server's memory
(`open_sessions`), or used as a person would use the page (`Person`, for the load test).

Each session is a websocket speaking Streamlit's own protocol, as the page in a browser
does: it connects to `/_stcore/stream`, asks for the app's first page to run (the rerun
message a browser sends on opening the page), reads the page the script sends until the
run has finished, and stays connected. The server does for it exactly what it does for a
browser tab: a session, its state and a full run of the script. What a browser would then
spend drawing the page is left out, which is what makes 30 sessions take seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
from collections.abc import Callable, Iterator

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect
from websockets.protocol import State

from deploy.serve import COOKIE


async def _connect(url: str) -> ClientConnection:
    return await connect(
        url.replace("http://", "ws://") + "/_stcore/stream",
        subprotocols=["streamlit"],
        origin=url,
        max_size=None,
        open_timeout=None,
    )


async def _open(url: str) -> tuple[ClientConnection, int]:
    """A session whose first run has finished, and how many messages that run sent."""
    person = await Person.open(url)
    return person.ws, person.messages


@contextlib.contextmanager
def open_sessions(url: str) -> Iterator[Callable[[int], list[int]]]:
    """A function `add(n)` that opens n more sessions at once and returns, once every one
    has run its page, how many messages each run sent; all stay open until the block ends."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    sockets: list[ClientConnection] = []

    def add(n: int) -> list[int]:
        async def many() -> list[tuple[ClientConnection, int]]:
            return await asyncio.gather(*(_open(url) for _ in range(n)))

        opened = asyncio.run_coroutine_threadsafe(many(), loop).result(timeout=300)
        sockets.extend(ws for ws, _ in opened)
        return [sent for _, sent in opened]

    try:
        yield add
    finally:

        async def close_all() -> None:
            await asyncio.gather(*(ws.close() for ws in sockets), return_exceptions=True)

        asyncio.run_coroutine_threadsafe(close_all(), loop).result(timeout=60)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)


class Person:
    """One person's session, spoken in Streamlit's protocol: it opens the page, then picks
    options and types words into the widgets it finds by their labels, each a rerun, as
    the page in a browser would send it (every widget value it holds, the page's query
    string and script). What the browser would draw is left out; the server's work is the
    same. After each run, `texts` holds the markdown the run sent."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.widgets: dict[str, tuple[str, object]] = {}  # label -> (kind, element)
        self.values: dict[str, tuple[str, object]] = {}  # widget id -> (value type, value)
        self.query_string = ""
        self.page_hash = ""
        self.page_name = ""  # a page to open by its url_path (the first run only)
        self.fragments: dict[str, float] = {}  # fragment id -> seconds between its reruns
        self.parts: dict[str, str] = {}  # widget label -> the fragment it is drawn in ("" if none)
        self.texts: list[str] = []
        self.on_text: Callable[[str], None] | None = None  # told each text as it arrives
        self.exceptions = 0
        self.messages = 0

    @property
    def connected(self) -> bool:
        return self.ws.state is State.OPEN

    @property
    def backend(self) -> str | None:
        """The process that served this websocket, as `make serve`'s proxy names it in
        its cookie (None when served directly)."""
        for header in self.ws.response.headers.get_all("Set-Cookie"):
            name, _, rest = header.partition("=")
            if name.strip() == COOKIE:
                return rest.split(";", 1)[0] or None
        return None

    @classmethod
    async def open(cls, url: str, page: str = "", query: str = "") -> Person:
        """A session on the app's page with this url_path (default: the first page), with
        this query string, as a browser opening `url/page?query` would start one."""
        person = cls(await _connect(url))
        person.page_name, person.query_string = page, query
        await person._rerun()
        return person

    async def reopen(self, url: str) -> Person:
        """The page reconnecting after its server went away: a new websocket (a new
        session on whichever process the proxy picks), sent the same widget values, URL
        and page, so the same view comes back."""
        person = Person(await _connect(url))
        person.values = dict(self.values)
        person.query_string = self.query_string
        person.page_hash = self.page_hash
        person.page_name = self.page_name
        person.on_text = self.on_text
        await person._rerun()
        return person

    async def _rerun(self, fragment_id: str = "", auto: bool = True) -> None:
        await self.send(fragment_id, auto)
        self.texts = []
        self.exceptions = 0
        await self._read(whole=not fragment_id)

    async def send(self, fragment_id: str = "", auto: bool = True) -> None:
        """Ask for a run of the page (or of one fragment: on its timer when `auto`, else
        for a widget inside it) without reading it: a reader that never stops (`listen`)
        reads every run, asked for or pushed."""
        msg = BackMsg()
        msg.rerun_script.query_string = self.query_string
        msg.rerun_script.page_script_hash = self.page_hash
        if not self.page_hash and self.page_name:
            msg.rerun_script.page_name = self.page_name
        if fragment_id:
            msg.rerun_script.fragment_id = fragment_id
            msg.rerun_script.is_auto_rerun = auto
        for widget_id, (kind, value) in self.values.items():
            state = msg.rerun_script.widget_states.widgets.add()
            state.id = widget_id
            if kind == "string_array_value":
                state.string_array_value.data[:] = value
            else:
                setattr(state, kind, value)
        await self.ws.send(msg.SerializeToString())

    async def listen(self) -> None:
        """Read the next run to its end: one asked for with `send`, or one the server
        started by itself (a live room pushes a new slide by rerunning a fragment of the
        page). Never cancel it midway (as `asyncio.wait_for` would): a message received
        in the moment it is cancelled is lost."""
        await self._read(whole=True)

    async def press(self, label: str) -> None:
        """Press the button with this label, without reading the run (see `send`)."""
        kind, widget = self.widgets[label]
        assert kind == "button", f"{label!r} is a {kind}"
        self.values[widget.id] = ("trigger_value", True)
        try:
            await self.send(self.parts.get(label, ""), auto=False)
        finally:
            self.values.pop(widget.id, None)

    async def pick(self, label: str, value: list[str]) -> None:
        """Set pills to these options, without reading the run (see `send`)."""
        kind, widget = self.widgets[label]
        assert kind == "button_group", f"{label!r} is a {kind}"
        self.values[widget.id] = ("string_array_value", list(value))
        await self.send(self.parts.get(label, ""), auto=False)

    async def _read(self, whole: bool) -> None:
        # A whole run announces every timed fragment the page now has (the page drops the
        # others); a fragment's own run announces none.
        announced: dict[str, float] = {}
        while True:
            fwd = ForwardMsg()
            fwd.ParseFromString(await self.ws.recv())
            self.messages += 1
            kind = fwd.WhichOneof("type")
            if kind == "new_session":  # a run begins: the whole page, or fragments of it
                self.page_hash = fwd.new_session.page_script_hash
                self.texts, self.exceptions = [], 0
                whole = not fwd.metadata.run.fragment_ids
            elif kind == "navigation" and fwd.navigation.page_script_hash:
                self.page_hash = fwd.navigation.page_script_hash  # the page app.py's navigation ran
            elif kind == "page_info_changed":
                self.query_string = fwd.page_info_changed.query_string
            elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                self._see(fwd.delta.new_element, fwd.delta.fragment_id)
            elif kind == "auto_rerun":  # a fragment with run_every: the page reruns it on a timer
                announced[fwd.auto_rerun.fragment_id] = fwd.auto_rerun.interval
            elif kind == "stop_auto_rerun":
                for stopped in fwd.stop_auto_rerun.fragment_ids:
                    self.fragments.pop(stopped, None)
                    announced.pop(stopped, None)
            elif kind == "script_finished":
                if fwd.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    whole, announced = True, {}  # the whole page runs next (a fragment asked for it)
                    continue
                self.fragments = announced if whole else {**self.fragments, **announced}
                return

    def _see(self, element, fragment_id: str) -> None:
        kind = element.WhichOneof("type")
        if kind in ("markdown", "heading"):
            text = getattr(element, kind).body
            self.texts.append(text)
            if self.on_text is not None:  # a page shows it now, whether or not the run ends
                self.on_text(text)
        elif kind == "exception":
            self.exceptions += 1
        elif kind in ("button", "radio", "button_group", "text_area"):
            widget = getattr(element, kind)
            self.widgets[widget.label] = (kind, widget)
            self.parts[widget.label] = fragment_id
        elif kind in ("multiselect", "text_input"):
            widget = getattr(element, kind)
            self.widgets[widget.label] = (kind, widget)
            self.parts[widget.label] = fragment_id
            if widget.set_value:
                if kind == "multiselect":
                    self.values[widget.id] = ("string_array_value", list(widget.raw_values))
                else:
                    self.values[widget.id] = ("string_value", widget.value)

    async def choose(self, label: str, option: str) -> None:
        """Add the option (shown as itself, or followed by a count in brackets) to the
        multiselect with this label, and wait for the rerun to finish."""
        kind, widget = self.widgets[label]
        assert kind == "multiselect", f"{label!r} is a {kind}"
        shown = next(o for o in widget.options if o == option or o.startswith(option + " ("))
        _, chosen = self.values.get(widget.id, ("string_array_value", [widget.options[i] for i in widget.default]))
        self.values[widget.id] = ("string_array_value", [*chosen, shown])
        await self._rerun()

    async def type(self, label: str, text: str) -> None:
        """Type the text into the text box with this label and press Enter."""
        kind, widget = self.widgets[label]
        assert kind == "text_input", f"{label!r} is a {kind}"
        self.values[widget.id] = ("string_value", text)
        await self._rerun()

    async def click(self, label: str) -> None:
        """Press the button with this label, and wait for the rerun to finish."""
        kind, widget = self.widgets[label]
        assert kind == "button", f"{label!r} is a {kind}"
        self.values[widget.id] = ("trigger_value", True)
        try:  # a widget inside a fragment reruns that fragment, as on a page
            await self._rerun(self.parts.get(label, ""), auto=False)
        finally:
            self.values.pop(widget.id, None)

    async def set(self, label: str, value: str | list[str]) -> None:
        """Set a radio (one option), pills (a list of options) or text area, and wait for
        the rerun to finish."""
        kind, widget = self.widgets[label]
        if kind == "button_group":
            self.values[widget.id] = ("string_array_value", list(value))
        else:
            assert kind in ("radio", "text_area"), f"{label!r} is a {kind}"
            self.values[widget.id] = ("string_value", str(value))
        await self._rerun(self.parts.get(label, ""), auto=False)

    async def tick(self, fragment_id: str, wait: float = 60.0) -> None:
        """One timed rerun of a fragment (`run_every`), as the page sends it. (A whole run
        announces the page's timed fragments again, so a fragment drawn elsewhere since is
        not rerun; one that still runs nothing in `wait` seconds is dropped.)"""
        try:
            await asyncio.wait_for(self._rerun(fragment_id), wait)
        except TimeoutError:
            self.fragments.pop(fragment_id, None)

    async def close(self) -> None:
        await self.ws.close()


def run_apart(make_coroutine, nice: int = 0):
    """Run a coroutine to its end on an event loop of its own thread (the caller may be
    inside one already, as a test using Playwright's sync API is), at a lower priority
    by `nice` (on Linux, a thread's own; the browsers it starts inherit it)."""
    outcome: dict = {}

    def target() -> None:
        try:
            if nice:
                os.nice(nice)
            outcome["value"] = asyncio.run(make_coroutine())
        except BaseException as e:  # handed back to the caller
            outcome["error"] = e

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
