"""The live room in AppTest: a presenter on Present and phones on the audience page, each
its own session, sharing a real SQLite store (the browser tests run both backends through
`make serve`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from causes.config import ROOMS_VAR
from causes.deck import CAUSE_PARTS
from causes.room import open_store
from tests.pages.conftest import texts

APP = str(Path(__file__).resolve().parents[2] / "app.py")
DECK = ["Statins", "Tetanus", "Dehydration"]


@pytest.fixture
def rooms(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "rooms.sqlite3"
    monkeypatch.setenv(ROOMS_VAR, str(path))
    return path


def open_page(page: str, **params: str | list[str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def presenter(rooms) -> tuple[AppTest, str]:
    at = open_page("pages/present.py", deck=DECK)
    button(at, "Start a live room").click().run()
    code = at.query_params["room"]
    return at, code


def phone(code: str) -> AppTest:
    return open_page("pages/room.py", room=code)


def test_the_join_page_asks_for_a_code_and_says_nothing_personal_is_kept(rooms):
    at = open_page("pages/room.py")
    assert at.text_input(key="room_join_code") is not None
    assert any("Nothing personal is kept" in t for t in texts(at))
    at = open_page("pages/room.py", room="NOSUCH")
    assert any('There is no open room "NOSUCH"' in t for t in texts(at))


def test_a_phone_follows_the_presenter_and_can_read_on_its_own(rooms):
    pres, code = presenter(rooms)
    assert [h.value for h in pres.header] == [f"Room code: {code}"]  # on the title slide, in large type
    assert "key" not in pres.query_params  # the presenter's secret never enters the address bar
    a = phone(code)
    assert any("Following the presenter" in m.value for m in a.markdown)
    button(pres, "Next").click().run()
    button(pres, "Next").click().run()
    a.run()
    assert [h.value for h in a.header] == ["Statins"]
    for _ in CAUSE_PARTS:  # steps away, past the three slides of Statins
        button(a, "Next").click().run()
    assert [h.value for h in a.header] == ["Tetanus"] and button(a, "Follow the presenter")
    button(a, "Follow the presenter").click().run()
    assert [h.value for h in a.header] == ["Statins"]


def test_a_phone_cannot_drive_the_room(rooms):
    _, code = presenter(rooms)
    a = phone(code)
    assert not [b for b in a.button if b.label in ("Start a live room", "Close the room", "Hide")]
    other = open_page("pages/present.py", deck=DECK, room=code)  # the presenter's page, without the secret
    assert not [b for b in other.button if b.label in ("Close the room", "Poll: which have you noticed?")]
    other.text_input(key="room_presenter_key").input("a guess").run()
    assert any("That key does not open this room" in e.value for e in other.error)
    assert not [b for b in other.button if b.label == "Close the room"]


def test_the_presenter_key_gives_another_tab_control(rooms):
    pres, code = presenter(rooms)
    secret = next(c.value for c in pres.code if "key=" in c.value).split("key=")[1]
    other = open_page("pages/present.py", deck=DECK, room=code)
    other.text_input(key="room_presenter_key").input(secret).run()  # typed, or sent back by a reconnecting page
    assert button(other, "Close the room")


def test_the_presenter_link_gives_control_and_leaves_the_address_bar(rooms):
    pres, code = presenter(rooms)
    secret = next(c.value for c in pres.code if "key=" in c.value).split("key=")[1]
    again = open_page("pages/present.py", deck=DECK, room=code, key=secret)
    assert "key" not in again.query_params
    assert button(again, "Close the room")


def test_votes_reach_the_projector_one_per_phone(rooms):
    pres, code = presenter(rooms)
    phones = [phone(code) for _ in range(3)]
    button(pres, "Poll: which have you noticed?").click().run()
    for i, p in enumerate(phones):
        p.run()
        pills = p.pills[0]
        pills.set_value([pills.options[0]] if i < 2 else [pills.options[1]]).run()
        button(p, "Send my answer").click().run()
    store = open_store(str(rooms), rooms.parent)
    room = store.room(code)
    counts = store.counts(code, room.poll)
    assert sum(counts.values()) == 3 and sorted(counts.values(), reverse=True)[:2] == [2, 1]
    pills = phones[0].pills[0]
    pills.set_value([pills.options[1]]).run()  # a change replaces the answer
    button(phones[0], "Send my answer").click().run()
    assert sorted(store.counts(code, room.poll).values(), reverse=True)[:2] == [2, 1]
    first, second = phones[2].pills[0].options[:2]
    assert store.counts(code, room.poll)[second] == 2
    phones[2].pills[0].set_value([first])  # changed and sent in one run, before the page redrew
    button(phones[2], "Send my answer").click().run()
    assert (store.counts(code, room.poll)[first], store.counts(code, room.poll)[second]) == (2, 1)
    pres.run()
    captions = [c.value.replace("\\", "") for c in pres.caption]
    assert any("3 people answered." in c for c in captions), captions  # drawn on the projector, counts only
    phones[1].pills[0].set_value([first, second])  # one phone ticks two: people and answers differ
    button(phones[1], "Send my answer").click().run()
    pres.run()
    said = next(c.value.replace("\\", "") for c in pres.caption if "people answered" in c.value)
    assert "3 people answered, 4 answers in all (one person may tick several)." in said


def test_a_quiz_hides_the_cause_until_the_presenter_reveals_it(rooms):
    pres, code = presenter(rooms)
    for _ in range(2):
        button(pres, "Next").click().run()
    button(pres, "Quiz: which cause fits?").click().run()
    assert "Statins" not in [h.value for h in pres.header]  # the projector shows the story, not the slide
    a = phone(code)
    assert "Statins" not in [h.value for h in a.header]
    a.radio[0].set_value("Statins").run()
    button(a, "Send my answer").click().run()
    button(pres, "Reveal the answer").click().run()
    a.run()
    assert any("The answer: Statins" in s.value for s in a.success)


def test_questions_are_asked_up_voted_and_hidden_from_every_phone(rooms):
    pres, code = presenter(rooms)
    a, b = phone(code), phone(code)
    a.text_area(key="room_question").set_value("Is a <b>zebra</b> twitch bad?").run()
    button(a, "Ask").click().run()
    b.run()
    assert any("Is a \\<b\\>zebra\\</b\\> twitch bad" in m.value for m in b.markdown)  # escaped
    button(b, "▲ 0").click().run()
    pres.run()
    assert any(c.value == "▲ 1" for c in pres.caption)
    button(pres, "Hide").click().run()
    b.run()
    assert not any("zebra" in m.value for m in b.markdown)
    for i in range(3):
        a.text_area(key="room_question").set_value(f"More {i}").run()
        button(a, "Ask").click().run()
    assert any("wait a minute" in w.value for w in a.warning)  # rate-limited per phone


def test_closing_the_room_sends_phones_back_to_the_join_page(rooms):
    pres, code = presenter(rooms)
    a = phone(code)
    button(pres, "Close the room").click().run()
    assert "room" not in pres.query_params
    a.run()
    assert any(f'There is no open room "{code}"' in t for t in texts(a)) or a.text_input(key="room_join_code")
