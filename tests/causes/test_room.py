"""The live room's store: one contract, run against a real SQLite file and a real
redis-server. Presenter actions need the secret; one answer per phone per poll; questions
limited, rate-limited, moderated; writes from several processes at once all counted once;
a killed process loses nothing it wrote; nothing personal kept."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from causes.room import (
    CODE_ALPHABET,
    CODE_LENGTH,
    MAX_QUESTION,
    QUESTION_WINDOW,
    QUESTIONS_PER_WINDOW,
    ROOM_SECONDS,
    Latest,
    NotPresenter,
    RedisRooms,
    Room,
    RoomError,
    RoomStore,
    Showing,
    SqliteRooms,
    Watch,
    normal_code,
    open_store,
    push_decision,
    to_redraw,
)
from tests.support.redis import RedisServer

VIEW = {"deck": ["Statins", "Tetanus"]}
SYMPTOMS = ["cramps", "twitching", "weakness"]


@pytest.fixture(scope="module")
def redis_server() -> Iterator[RedisServer]:
    server = RedisServer()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "redis"])
def setting(request, tmp_path, redis_server) -> str:
    if request.param == "redis":
        redis_server.flush()
        return redis_server.url
    return str(tmp_path / "rooms.sqlite3")


@pytest.fixture
def store(setting, tmp_path) -> RoomStore:
    return open_store(setting, tmp_path)


@pytest.fixture
def room(store) -> tuple[str, str]:
    return store.create(VIEW)


def test_a_setting_chooses_the_backend(tmp_path, redis_server):
    assert isinstance(open_store(None, tmp_path), SqliteRooms)
    assert open_store(None, tmp_path).path == tmp_path / "rooms.sqlite3"
    assert isinstance(open_store(f"sqlite://{tmp_path}/x.db", tmp_path), SqliteRooms)
    assert isinstance(open_store(redis_server.url, tmp_path), RedisRooms)


def test_a_new_room_shows_the_first_slide_of_its_deck(store, room):
    code, secret = room
    assert len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET)
    shown = store.room(code)
    assert shown is not None and shown.view == VIEW and shown.slide == 1 and shown.poll is None
    assert store.room(normal_code(f" {code[:3].lower()}-{code[3:]} ")) == shown  # as a person types it
    assert store.room("ZZZZZZ") is None
    assert store.room(code, now=time.time() + ROOM_SECONDS + 1) is None  # expired after a day
    assert store.is_presenter(code, secret) and not store.is_presenter(code, secret + "x")


def test_the_presenter_moves_the_slides_and_each_presenter_action_bumps_the_version(store, room):
    code, secret = room
    versions = [store.room(code).version]
    store.set_slide(code, secret, 4)
    assert store.room(code).slide == 4
    versions.append(store.room(code).version)
    store.set_view(code, secret, {"symptom": ["cramps"]})
    assert store.room(code).view == {"symptom": ["cramps"]}
    versions.append(store.room(code).version)
    poll = store.open_poll(code, secret, "noticed", "Q", SYMPTOMS, 4, many=True)
    versions.append(store.room(code).version)
    question = store.ask(code, "phone-a", "Why?")
    store.answer(code, poll.id, "phone-a", ["cramps"])
    store.upvote(code, question.id, "phone-b")
    assert store.room(code).version == versions[-1]  # a phone's own actions redraw no phone
    store.moderate(code, secret, question.id, hidden=True)
    versions.append(store.room(code).version)
    assert versions == sorted(set(versions))


PRESENTER_ONLY = [
    ("set_slide", (3,)),
    ("set_view", ({},)),
    ("open_poll", ("noticed", "Which?", SYMPTOMS, 2, True)),
    ("close_poll", ("p",)),
    ("reveal", ("p",)),
    ("hide_poll", ()),
    ("moderate", ("q", True)),
    ("close", ()),
]


@pytest.mark.parametrize(("action", "args"), PRESENTER_ONLY, ids=[a for a, _ in PRESENTER_ONLY])
def test_a_phone_cannot_act_for_the_presenter(store, room, action, args):
    code, _ = room
    with pytest.raises(NotPresenter):
        getattr(store, action)(code, "a guessed secret", *args)
    assert store.room(code).slide == 1 and store.polls(code) == []


def test_one_answer_per_phone_per_poll_and_a_change_replaces_it(store, room):
    code, secret = room
    poll = store.open_poll(code, secret, "noticed", "Which of these have you noticed?", SYMPTOMS, 2, many=True)
    assert store.room(code).poll == poll.id
    store.answer(code, poll.id, "phone-a", ["cramps", "weakness"])
    store.answer(code, poll.id, "phone-b", ["cramps"])
    assert store.counts(code, poll.id) == {"cramps": 2, "twitching": 0, "weakness": 1}
    store.answer(code, poll.id, "phone-a", ["twitching"])  # changed: replaces
    assert store.counts(code, poll.id) == {"cramps": 1, "twitching": 1, "weakness": 0}
    assert store.my_answer(code, poll.id, "phone-a") == ("twitching",)
    assert store.my_answer(code, poll.id, "phone-c") == ()


@pytest.mark.parametrize(
    ("many", "choices", "message"),
    [
        (True, ["hiccups"], "not one of this poll's choices"),
        (True, ["<script>"], "not one of this poll's choices"),
        (False, ["cramps", "twitching"], "Choose one answer"),
    ],
)
def test_an_answer_must_be_offered(store, room, many, choices, message):
    code, secret = room
    poll = store.open_poll(code, secret, "noticed", "Q", SYMPTOMS, 2, many=many)
    with pytest.raises(RoomError, match=message):
        store.answer(code, poll.id, "phone-a", choices)
    assert sum(store.counts(code, poll.id).values()) == 0


def test_a_closed_poll_takes_no_answer_and_a_new_poll_closes_the_last(store, room):
    code, secret = room
    first = store.open_poll(code, secret, "noticed", "Q1", SYMPTOMS, 2, many=True)
    second = store.open_poll(code, secret, "where", "Where do you feel it?", ["calves", "feet"], 3, many=False)
    assert [p.open for p in store.polls(code)] == [False, True]
    with pytest.raises(RoomError, match="closed"):
        store.answer(code, first.id, "phone-a", ["cramps"])
    store.close_poll(code, secret, second.id)
    with pytest.raises(RoomError, match="closed"):
        store.answer(code, second.id, "phone-a", ["calves"])


def test_a_quiz_answer_is_revealed_by_the_presenter(store, room):
    code, secret = room
    with pytest.raises(RoomError, match="one of its choices"):
        store.open_poll(code, secret, "quiz", "Which fits?", ["Statins", "Tetanus"], 3, many=False, answer="Gout")
    quiz = store.open_poll(code, secret, "quiz", "Which fits?", ["Statins", "Tetanus"], 3, many=False, answer="Tetanus")
    assert not store.polls(code)[0].revealed
    store.answer(code, quiz.id, "phone-a", ["Statins"])
    store.reveal(code, secret, quiz.id)
    shown = store.polls(code)[0]
    assert shown.revealed and not shown.open and shown.answer == "Tetanus"
    store.hide_poll(code, secret)
    assert store.room(code).poll is None


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("  Is   a twitch\nbad?  ", "Is a twitch bad?"),
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),  # kept as written; escaped when shown
        ("x" * MAX_QUESTION, "x" * MAX_QUESTION),
    ],
)
def test_a_question_is_kept_as_written_within_its_length(store, room, text, kept):
    code, _ = room
    store.ask(code, "phone-a", text)
    assert [q.text for q in store.questions(code)] == [kept]


@pytest.mark.parametrize("text", ["", "   ", "x" * (MAX_QUESTION + 1)])
def test_an_empty_or_long_question_is_refused(store, room, text):
    code, _ = room
    with pytest.raises(RoomError):
        store.ask(code, "phone-a", text)
    assert store.questions(code) == []


def test_questions_are_rate_limited_per_phone(store, room):
    code, _ = room
    now = time.time()
    for i in range(QUESTIONS_PER_WINDOW):
        store.ask(code, "phone-a", f"Question {i}", now=now + i)
    with pytest.raises(RoomError, match="wait a minute"):
        store.ask(code, "phone-a", "One too many", now=now + QUESTIONS_PER_WINDOW)
    store.ask(code, "phone-b", "Another phone may ask", now=now + QUESTIONS_PER_WINDOW)
    store.ask(code, "phone-a", "Later again", now=now + QUESTION_WINDOW + QUESTIONS_PER_WINDOW + 1)
    assert len(store.questions(code)) == QUESTIONS_PER_WINDOW + 2


def test_up_votes_sort_and_the_presenter_hides_or_answers(store, room):
    code, secret = room
    a = store.ask(code, "phone-a", "First")
    b = store.ask(code, "phone-b", "Second")
    c = store.ask(code, "phone-c", "Third")
    for phone in ("phone-a", "phone-b", "phone-b"):  # one up-vote per phone
        store.upvote(code, b.id, phone)
    store.upvote(code, c.id, "phone-a")
    assert [(q.text, q.votes) for q in store.questions(code)] == [("Second", 2), ("Third", 1), ("First", 0)]
    store.moderate(code, secret, c.id, hidden=True)
    assert [q.text for q in store.questions(code)] == ["Second", "First"]  # gone from every phone
    assert [q.text for q in store.questions(code, hidden=True)] == ["Second", "Third", "First"]
    with pytest.raises(RoomError):
        store.upvote(code, c.id, "phone-d")
    store.moderate(code, secret, b.id, answered=True)
    assert [q.text for q in store.questions(code)] == ["First", "Second"]  # answered ones last
    assert store.questions(code)[1].answered
    assert a.id != b.id != c.id


def test_closing_a_room_removes_everything(store, room):
    code, secret = room
    poll = store.open_poll(code, secret, "noticed", "Q", SYMPTOMS, 1, many=True)
    store.answer(code, poll.id, "phone-a", ["cramps"])
    store.ask(code, "phone-a", "Hello")
    store.close(code, secret)
    assert store.room(code) is None and store.polls(code) == [] and store.questions(code, hidden=True) == []
    assert store.counts(code, poll.id) == {}


def _vote_many(setting: str, folder: str, code: str, poll: str, phones: list[str], go) -> None:
    store = open_store(setting, Path(folder))
    go.wait()
    for phone in phones:
        store.answer(code, poll, phone, ["cramps"])


@pytest.mark.parametrize("same_phone", [False, True])
def test_votes_from_several_processes_at_once_are_each_counted_once(store, room, setting, tmp_path, same_phone):
    code, secret = room
    poll = store.open_poll(code, secret, "noticed", "Q", SYMPTOMS, 1, many=True)
    context = multiprocessing.get_context("spawn")
    go = context.Barrier(4)
    workers = []
    for w in range(4):
        phones = ["the-same-phone"] * 25 if same_phone else [f"phone-{w}-{i}" for i in range(25)]
        workers.append(context.Process(target=_vote_many, args=(setting, str(tmp_path), code, poll.id, phones, go)))
    for p in workers:
        p.start()
    for p in workers:
        p.join(60)
        assert p.exitcode == 0
    assert store.counts(code, poll.id)["cramps"] == (1 if same_phone else 100)


def test_a_process_s_threads_share_its_store_and_every_vote_and_question_counts(store, room):
    """A slide change reruns every phone of a process at once, each on a thread of its own."""
    code, secret = room
    poll = store.open_poll(code, secret, "noticed", "Q", SYMPTOMS, 1, many=True)
    go = threading.Barrier(12)
    failures: list[BaseException] = []

    def phone(n: int) -> None:
        go.wait()
        try:
            for i in range(10):
                store.answer(code, poll.id, f"phone-{n}-{i}", ["cramps"])
                assert store.room(code).poll == poll.id
                assert store.my_answer(code, poll.id, f"phone-{n}-{i}") == ("cramps",)
            store.ask(code, f"phone-{n}", f"Question {n}?")
        except BaseException as e:  # a thread's failure is the test's
            failures.append(e)

    threads = [threading.Thread(target=phone, args=(n,)) for n in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not failures
    assert store.counts(code, poll.id)["cramps"] == 120
    assert len(store.questions(code)) == 12


def _vote_then_die(setting: str, folder: str, code: str, poll: str, question_text: str) -> None:
    store = open_store(setting, Path(folder))
    store.answer(code, poll, "phone-killed", ["weakness"])
    store.ask(code, "phone-killed", question_text)
    os.kill(os.getpid(), signal.SIGKILL)  # no clean shut-down of any kind


def test_a_process_killed_mid_room_loses_no_vote_and_no_question(store, room, setting, tmp_path):
    code, secret = room
    poll = store.open_poll(code, secret, "noticed", "Q", SYMPTOMS, 1, many=True)
    context = multiprocessing.get_context("spawn")
    p = context.Process(target=_vote_then_die, args=(setting, str(tmp_path), code, poll.id, "Still here?"))
    p.start()
    p.join(60)
    assert p.exitcode == -signal.SIGKILL
    again = open_store(setting, tmp_path)  # as a new app process would
    assert again.counts(code, poll.id)["weakness"] == 1
    assert [q.text for q in again.questions(code)] == ["Still here?"]


def test_nothing_personal_is_kept(store, room, setting, redis_server):
    code, secret = room
    poll = store.open_poll(code, secret, "noticed", "Q", SYMPTOMS, 1, many=True)
    store.answer(code, poll.id, "phone-a", ["cramps"])
    question = store.ask(code, "phone-a", "Is it bad?")
    if isinstance(store, SqliteRooms):
        db = sqlite3.connect(store.path)
        columns = {t: [r[1] for r in db.execute(f"PRAGMA table_info({t})")] for t in ("rooms", "questions", "polls")}
        assert columns["questions"] == ["id", "code", "text", "created", "hidden", "answered"]  # no phone
        everything = " ".join(str(v) for t in columns for row in db.execute(f"SELECT * FROM {t}") for v in row)
    else:
        import redis

        client = redis.Redis.from_url(redis_server.url, decode_responses=True)
        fields = client.hgetall(f"atlas:room:{code}:question:{question.id}")
        assert set(fields) == {"text", "created", "hidden", "answered"}  # no phone
        everything = " ".join(str(client.hgetall(k)) for k in client.scan_iter("*") if client.type(k) == "hash")
    assert secret not in everything  # the presenter's secret is kept only as a digest
    assert "127.0.0.1" not in everything


# (the session's watch, the room's version now, seconds since it drew) -> what to do.
PUSHES = [
    (Watch(3, 3, 0.0), 3, 1.0, "wait"),  # drew the current version
    (Watch(3, 3, 0.0), 4, 1.0, "push"),  # a change it has not drawn
    (Watch(3, 4, 0.0), 4, 1.0, "wait"),  # pushed already: its run is queued, never pushed twice
    (Watch(3, 4, 0.0), 5, 1.0, "push"),  # a newer change
    (Watch(3, 4, 0.0), 5, 121.0, "forget"),  # pushed and silent for 2 minutes: left the page
    (Watch(3, 3, 0.0), 4, 500.0, "push"),  # quiet, but never pushed unanswered
    (Watch(3, 3, 0.0), -1, 1.0, "push"),  # the room closed: the page shows the join form
]


@pytest.mark.parametrize(("watch", "version", "since", "decision"), PUSHES)
def test_when_a_session_is_pushed_a_room_s_change(watch, version, since, decision):
    assert push_decision(watch, version, watch.drew_at + since, forget=120.0) == decision


class Counted:
    """A store whose reads are counted, and whose next room read can be made stale."""

    def __init__(self, store: RoomStore) -> None:
        self.store, self.reads, self.stale = store, {"room": 0, "poll": 0}, None

    def room(self, code):
        self.reads["room"] += 1
        stale, self.stale = self.stale, None
        return stale or self.store.room(code)

    def poll(self, code, poll_id):
        self.reads["poll"] += 1
        return self.store.poll(code, poll_id)

    def questions(self, code, hidden=False):
        return self.store.questions(code, hidden=hidden)


def test_latest_reads_a_room_once_for_all_its_phones_and_follows_each_presenter_action(store, room):
    code, secret = room
    clock = [100.0]
    counted = Counted(store)
    latest = Latest(counted, max_age=0.5, clock=lambda: clock[0])
    poll = store.open_poll(code, secret, "noticed", "Q", SYMPTOMS, 1, many=True)
    shown = [latest.get(code) for _ in range(50)]  # a slide change: 50 phones draw at once
    assert counted.reads == {"room": 1, "poll": 1} and shown[0].poll == poll and shown[0].room.slide == 1
    store.set_slide(code, secret, 2)
    assert latest.get(code).room.slide == 1  # within max_age, the last read stands...
    assert latest.refresh(code).room.slide == 2  # ...until the pusher reads again
    assert counted.reads == {"room": 2, "poll": 2}  # a new version: its poll is read again
    store.set_slide(code, secret, 3)
    seen = store.room(code).version  # a whole page read it
    assert latest.get(code, at_least=seen).room.slide == 3  # a caller who saw a newer version reads again
    assert counted.reads == {"room": 3, "poll": 3}
    clock[0] += 0.6
    assert latest.get(code).room.slide == 3 and counted.reads == {"room": 4, "poll": 3}  # same version
    store.close_poll(code, secret, poll.id)
    clock[0] += 0.6
    assert latest.get(code).poll.open is False
    older = replace(store.room(code), version=1, slide=1)
    counted.stale = older  # a read that started before the last one finished
    assert latest.refresh(code).room.slide == 3  # an older version never replaces a newer
    question = store.ask(code, "phone-a", "Why?")
    assert latest.refresh(code).moderation == frozenset()  # a question asked: no presenter action
    store.moderate(code, secret, question.id, hidden=True)
    assert latest.refresh(code).moderation == {(question.id, True, False)}  # every phone redraws its list
    store.moderate(code, secret, question.id, hidden=False, answered=True)
    assert latest.refresh(code).moderation == {(question.id, False, True)}
    store.close(code, secret)
    assert latest.refresh(code) is None and latest.get(code) is None


ROOM = Room("ABCDEF", {}, 1, None, 0.0, 1.0, 1)
HIDDEN = frozenset({("q1", True, False)})
# (what a process read last, what it reads now) -> what every phone of the room redraws
REDRAWS = [
    (Showing(ROOM, None), Showing(replace(ROOM, slide=2, version=2), None), ("slide",)),  # Next
    (Showing(ROOM, None), Showing(replace(ROOM, version=2), None, HIDDEN), ("slide", "questions")),  # hid one
    (Showing(ROOM, None, HIDDEN), Showing(replace(ROOM, version=2), None), ("slide", "questions")),  # shown again
    (Showing(ROOM, None, HIDDEN), Showing(replace(ROOM, version=2, slide=3), None, HIDDEN), ("slide",)),
    (None, Showing(ROOM, None, HIDDEN), ("slide",)),  # the first read: phones drew the list as it was
    (Showing(ROOM, None), None, ("slide",)),  # closed: the page shows the join form
]


@pytest.mark.parametrize(("before", "now", "redraw"), REDRAWS)
def test_a_push_redraws_the_question_list_only_after_moderation(before, now, redraw):
    assert to_redraw(before, now) == redraw
