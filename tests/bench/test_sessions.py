"""bench/sessions.py holds real Streamlit sessions: each runs the app's page, as a tab does."""

from __future__ import annotations

import re

from bench.server import ROOT, Server
from bench.sessions import open_sessions


def test_sessions_run_the_page_and_stay_open():
    server = Server(script=ROOT / "bench" / "bare_app.py", timeout=120)
    try:
        with open_sessions(server.url) as add:
            first = add(1)
            more = add(2)
        # Each run sends the page (a new session, its elements, then "finished"): a handful
        # of messages, the same for every later session of the same page.
        assert first[0] >= 4 and more[0] >= 4 and more[0] == more[1]
    except Exception:
        print(server.logs())
        raise
    finally:
        server.stop()
    # The server ran the script three times and never complained.
    assert not re.search(r"Traceback|Error", server.logs())
