"""Hold sessions open on a Streamlit server without a browser, to measure its memory.

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
import threading
from collections.abc import Callable, Iterator

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect


async def _open(url: str) -> tuple[ClientConnection, int]:
    """A session whose first run has finished, and how many messages that run sent."""
    ws = await connect(
        url.replace("http://", "ws://") + "/_stcore/stream",
        subprotocols=["streamlit"],
        origin=url,
        max_size=None,
    )
    rerun = BackMsg()
    rerun.rerun_script.query_string = ""
    rerun.rerun_script.page_script_hash = ""
    await ws.send(rerun.SerializeToString())
    sent = 0
    while True:
        msg = ForwardMsg()
        msg.ParseFromString(await ws.recv())
        sent += 1
        if msg.WhichOneof("type") == "script_finished":
            return ws, sent


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
