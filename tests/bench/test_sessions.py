"""bench/sessions.py holds real Streamlit sessions: each runs the app's page, as a tab does."""

from __future__ import annotations

import re

from bench.load import Steps, shown_count
from bench.sessions import Person, open_sessions, run_apart
from tests.support.server import ROOT, Server


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


def test_a_person_filters_as_the_page_does_and_gets_its_view_back_on_a_new_session():
    """Person sends what the page sends: each pick or search gives the count the core
    computes, the URL follows, and a new session sent the same values shows the same."""
    steps = Steps.for_table()

    async def walk(url: str) -> list[str]:
        person = await Person.open(url)
        seen = [shown_count(person)]
        await person.choose("Symptoms", steps.symptom)
        seen.append(shown_count(person))
        await person.choose("Body areas", steps.area)
        seen.append(shown_count(person))
        await person.type("Search", steps.word)
        seen.append(shown_count(person))
        again = await person.reopen(url)
        seen += [shown_count(again), again.query_string]
        await person.close()
        await again.close()
        return seen

    server = Server(timeout=120)
    try:
        seen = run_apart(lambda: walk(server.url))
    except Exception:
        print(server.logs())
        raise
    finally:
        server.stop()
    assert re.fullmatch(r"[\d,]+ of [\d,]+ causes match", seen[0])
    assert seen[1:4] == list(steps.counts)
    assert seen[4] == steps.counts[2]
    assert "symptom=" in seen[5] and "area=" in seen[5] and f"q={steps.word}" in seen[5]
