"""A live room: phones follow a presenter's deck, answer polls and ask questions.

What a room holds and its rules are declared here; where it is kept is a `RoomStore`:

- `SqliteRooms` (the default): one SQLite file, in WAL mode, that every app process on a
  machine shares (`make run`, `make serve`);
- `RedisRooms`: one Redis server that app processes on several machines share.

Both pass one contract (`tests/causes/test_room.py`), against a real file and a real
`redis-server`. Every write is atomic in the store itself, so two processes taking a vote
at the same moment count it once, and a killed app process loses nothing it had written.

Nothing personal is kept. A phone is a random token made in its browser session: it makes
"one answer per phone per poll" and "one up-vote per phone per question" hold, and is never
stored beside a question's text. No names, no addresses, no health answers.
"""

from __future__ import annotations

import functools
import hashlib
import json
import queue
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol, TypeVar

from causes.i18n import _, number

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read off a projector
CODE_LENGTH = 6  # 31**6, about 890 million codes
ROOM_SECONDS = 24 * 60 * 60  # a room expires a day after it was opened
MAX_QUESTION = 280
QUESTIONS_PER_WINDOW = 3  # per phone, in
QUESTION_WINDOW = 60.0  # seconds
MAX_OPTIONS = 40

T = TypeVar("T")
PollKind = Literal["noticed", "where", "quiz"]
POLL_KINDS: tuple[PollKind, ...] = ("noticed", "where", "quiz")


class RoomError(ValueError):
    """A request the room refuses, with a message a person can read (in the language of
    the run that asked)."""


class NotPresenter(RoomError):
    def __init__(self) -> None:
        super().__init__(_("Only the presenter's link can do this."))


class NoRoom(RoomError):
    def __init__(self, code: str) -> None:
        # Translators: {code} is the room's code, six letters and digits.
        super().__init__(_('There is no open room "{code}": check the code, or ask the presenter.').format(code=code))


@dataclass(frozen=True)
class Poll:
    """One question to the room. `options` are what a phone may choose; a quiz has one
    `answer`, shown to phones only once `revealed`."""

    id: str
    kind: PollKind
    question: str
    options: tuple[str, ...]
    slide: int
    many: bool  # several answers allowed
    open: bool = True
    answer: str | None = None
    revealed: bool = False


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    votes: int
    created: float
    hidden: bool = False
    answered: bool = False


@dataclass(frozen=True)
class Room:
    code: str
    view: dict[str, list[str]]  # the deck's link parameters (`causes.view.View.to_params`)
    slide: int
    poll: str | None  # the poll on show, if any
    created: float
    expires: float
    version: int  # bumped by each presenter action (slide, deck, poll, moderation): "redraw?"


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normal_code(text: str) -> str:
    """A code as a person types it: any case, with spaces or dashes."""
    return "".join(c for c in str(text).upper() if c.isalnum())


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def question_text(text: str) -> str:
    """A question as it is kept: spaces folded, at most MAX_QUESTION characters."""
    clean = " ".join(str(text).split())
    if not clean:
        raise RoomError(_("Write a question first."))
    if len(clean) > MAX_QUESTION:
        raise RoomError(
            # Translators: {most} and {n} are numbers of characters.
            _("A question can be at most {most} characters; this one has {n}.").format(
                most=number(MAX_QUESTION), n=number(len(clean))
            )
        )
    return clean


def checked_choices(poll: Poll, choices: Iterable[str]) -> tuple[str, ...]:
    """The choices a phone sent, in the poll's order; anything not offered is refused."""
    wanted = list(dict.fromkeys(choices))
    unknown = [c for c in wanted if c not in poll.options]
    if unknown:
        raise RoomError(_("That answer is not one of this poll's choices."))
    if not poll.open:
        raise RoomError(_("This poll has closed."))
    if not poll.many and len(wanted) > 1:
        raise RoomError(_("Choose one answer."))
    return tuple(o for o in poll.options if o in wanted)


def ranked(questions: Iterable[Question]) -> list[Question]:
    """Questions most up-voted first, then oldest first; answered ones after the rest."""
    return sorted(questions, key=lambda q: (q.answered, -q.votes, q.created, q.id))


@dataclass(frozen=True)
class Watch:
    """One session showing a room, as the app process that pushes changes sees it."""

    drawn: int  # the room's version the session last drew
    pushed: int  # the version last pushed to it (= drawn when it has drawn since)
    drew_at: float  # when it last drew the room (monotonic seconds)


def push_decision(watch: Watch, version: int, now: float, forget: float) -> Literal["wait", "push", "forget"]:
    """What to do for a session when its room is at `version`. Each version is pushed
    once: a second push while a run is queued would stop it and start it over (Streamlit's
    fast reruns), and a run cut short by the next change draws that change. A session
    pushed before that has drawn nothing for `forget` seconds has left the room page."""
    if version in (watch.drawn, watch.pushed):
        return "wait"
    if watch.drawn != watch.pushed and now - watch.drew_at > forget:
        return "forget"
    return "push"


@dataclass(frozen=True)
class Showing:
    """What a room shows its phones: the room, the poll on show and the presenter's
    moderation of the questions (each changes only with a presenter action, which bumps
    the room's version)."""

    room: Room
    poll: Poll | None
    moderation: frozenset[tuple[str, bool, bool]] = frozenset()  # (question, hidden, answered)


def to_redraw(before: Showing | None, now: Showing | None) -> tuple[Literal["slide", "questions"], ...]:
    """What a push redraws on each phone when a room goes from `before` to `now` (as one
    process read them): the slide with its poll always; the question list too when the
    presenter has just hidden, shown or answered a question (otherwise a phone refreshes
    its list on its own, every few seconds)."""
    moderated = before is not None and now is not None and before.moderation != now.moderation
    return ("slide", "questions") if moderated else ("slide",)


def moderation_of(questions: Iterable[Question]) -> frozenset[tuple[str, bool, bool]]:
    """The questions the presenter hid or marked answered: when it changes, every phone's
    question list must redraw at once."""
    return frozenset((q.id, q.hidden, q.answered) for q in questions if q.hidden or q.answered)


class Latest:
    """What each room shows, read from the store at most once every `max_age` seconds in
    a process, however many of its phones draw the room at once. A slide change reruns
    every phone; without this, each of those runs would read the room, its poll and its
    questions from the store.

    The store stays the only truth: an entry is a read of it, never written here, and a
    newer version is never replaced by an older read. `refresh` reads now (the pusher
    does, each time it checks the rooms its phones show)."""

    def __init__(self, rooms: RoomStore, max_age: float = 0.5, clock: Callable[[], float] = time.monotonic) -> None:
        self.rooms = rooms
        self.max_age = max_age
        self.clock = clock
        self._lock = threading.Lock()
        self._entries: dict[str, tuple[float, Showing | None]] = {}

    def get(self, code: str, at_least: int = 0) -> Showing | None:
        """The last read if it is recent and at version `at_least` or later (a version
        the caller has seen elsewhere), else a new read."""
        with self._lock:
            entry = self._entries.get(code)
        fresh = entry is not None and self.clock() - entry[0] <= self.max_age
        if fresh and entry is not None and (entry[1] is None or entry[1].room.version >= at_least):
            return entry[1]
        return self.refresh(code)

    def refresh(self, code: str) -> Showing | None:
        at = self.clock()
        room = self.rooms.room(code)
        with self._lock:
            kept = self._entries.get(code)
        known = kept[1] if kept is not None else None
        if room is None:
            showing = None
        elif known is not None and known.room.version == room.version:
            showing = known  # nothing changed: the poll need not be read again
        else:
            poll = self.rooms.poll(code, room.poll) if room.poll else None
            showing = Showing(room, poll, moderation_of(self.rooms.questions(code, hidden=True)))
        with self._lock:
            current = self._entries.get(code)
            latest = current[1] if current is not None else None
            if showing is not None and latest is not None and latest.room.version > showing.room.version:
                return latest  # another thread read a later version meanwhile
            self._entries[code] = (at, showing)
        return showing

    def forget(self, code: str) -> None:
        with self._lock:
            self._entries.pop(code, None)


class Tally(dict[str, int]):
    """How many phones chose each option of a poll (counts only), and how many phones
    answered (`people`): on a poll of several answers, one phone may tick several."""

    def __init__(self, counts: Mapping[str, int], people: int) -> None:
        super().__init__(counts)
        self.people = people


def tally(poll: Poll, answers: Iterable[Sequence[str]]) -> Tally:
    """How many phones chose each option, and how many answered (counts only)."""
    counts = dict.fromkeys(poll.options, 0)
    people = 0
    for chosen in answers:
        valid = [option for option in chosen if option in counts]
        people += bool(valid)
        for option in valid:
            counts[option] += 1
    return Tally(counts, people)


class RoomStore(Protocol):
    """Where rooms live. Presenter actions take the room's secret, checked here."""

    def create(self, view: dict[str, list[str]], now: float | None = None) -> tuple[str, str]: ...
    def room(self, code: str, now: float | None = None) -> Room | None: ...
    def is_presenter(self, code: str, secret: str) -> bool: ...
    def set_slide(self, code: str, secret: str, slide: int) -> None: ...
    def set_view(self, code: str, secret: str, view: dict[str, list[str]]) -> None: ...
    def open_poll(
        self,
        code: str,
        secret: str,
        kind: PollKind,
        question: str,
        options: Sequence[str],
        slide: int,
        many: bool,
        answer: str | None = None,
    ) -> Poll: ...
    def close_poll(self, code: str, secret: str, poll_id: str) -> None: ...
    def reveal(self, code: str, secret: str, poll_id: str) -> None: ...
    def hide_poll(self, code: str, secret: str) -> None: ...
    def polls(self, code: str) -> list[Poll]: ...
    def poll(self, code: str, poll_id: str) -> Poll | None: ...
    def answer(self, code: str, poll_id: str, phone: str, choices: Iterable[str]) -> None: ...
    def my_answer(self, code: str, poll_id: str, phone: str) -> tuple[str, ...]: ...
    def counts(self, code: str, poll_id: str) -> Tally: ...
    def ask(self, code: str, phone: str, text: str, now: float | None = None) -> Question: ...
    def upvote(self, code: str, question_id: str, phone: str) -> None: ...
    def questions(self, code: str, hidden: bool = False) -> list[Question]: ...
    def moderate(
        self, code: str, secret: str, question_id: str, hidden: bool | None = None, answered: bool | None = None
    ) -> None: ...
    def close(self, code: str, secret: str) -> None: ...


# --- SQLite ---------------------------------------------------------------------------------------

_SCHEMA = """
CREATE TABLE IF NOT EXISTS rooms (
    code TEXT PRIMARY KEY, secret TEXT NOT NULL, view TEXT NOT NULL, slide INTEGER NOT NULL,
    poll TEXT, created REAL NOT NULL, expires REAL NOT NULL, version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS polls (
    id TEXT PRIMARY KEY, code TEXT NOT NULL, kind TEXT NOT NULL, question TEXT NOT NULL,
    options TEXT NOT NULL, slide INTEGER NOT NULL, many INTEGER NOT NULL, open INTEGER NOT NULL,
    answer TEXT, revealed INTEGER NOT NULL, created REAL NOT NULL);
CREATE TABLE IF NOT EXISTS answers (
    poll TEXT NOT NULL, phone TEXT NOT NULL, choices TEXT NOT NULL, PRIMARY KEY (poll, phone));
CREATE TABLE IF NOT EXISTS questions (
    id TEXT PRIMARY KEY, code TEXT NOT NULL, text TEXT NOT NULL, created REAL NOT NULL,
    hidden INTEGER NOT NULL, answered INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS upvotes (question TEXT NOT NULL, phone TEXT NOT NULL, PRIMARY KEY (question, phone));
CREATE TABLE IF NOT EXISTS asked (code TEXT NOT NULL, phone TEXT NOT NULL, at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS polls_code ON polls (code);
CREATE INDEX IF NOT EXISTS questions_code ON questions (code);
CREATE INDEX IF NOT EXISTS asked_phone ON asked (code, phone, at);
"""


def _locked(method: Callable[..., T]) -> Callable[..., T]:
    """A call on one of the process's connections, held by this thread for the call (a
    call within a call keeps it). Other processes share the file through SQLite's own
    locking; in WAL mode readers do not wait for each other, nor for the writer."""

    @functools.wraps(method)
    def locked(self: SqliteRooms, *args: Any, **kwargs: Any) -> T:
        local = self._local
        if getattr(local, "db", None) is not None:  # a call within a call
            return method(self, *args, **kwargs)
        local.db = self._take()
        try:
            return method(self, *args, **kwargs)
        finally:
            self._pool.put(local.db)
            local.db = None

    return locked


class SqliteRooms:
    """Rooms in one SQLite file (WAL mode), shared by every process that opens it. A
    process keeps a few connections that its threads take turns with (Streamlit runs
    each script run on a thread of its own, so a connection per thread would be a
    connection per run; one for the process would make a slide change's hundred phone
    runs queue for it)."""

    CONNECTIONS = 4

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._pool: queue.Queue[sqlite3.Connection] = queue.Queue()
        self._opened = 0
        self._opening = threading.Lock()
        first = self._connect()
        first.executescript(_SCHEMA)  # commits as it goes: one statement each
        self._pool.put(first)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA busy_timeout=30000")
        self._opened += 1
        return db

    def _take(self) -> sqlite3.Connection:
        try:
            return self._pool.get_nowait()
        except queue.Empty:
            with self._opening:
                if self._opened < self.CONNECTIONS:
                    return self._connect()
            return self._pool.get()

    def _db(self) -> sqlite3.Connection:
        db: sqlite3.Connection = self._local.db
        return db

    class _Tx:
        def __init__(self, db: sqlite3.Connection) -> None:
            self.db = db

        def __enter__(self) -> sqlite3.Connection:
            self.db.execute("BEGIN IMMEDIATE")
            return self.db

        def __exit__(self, kind: object, *_: object) -> None:
            self.db.execute("ROLLBACK" if kind else "COMMIT")

    def _write(self) -> SqliteRooms._Tx:
        return SqliteRooms._Tx(self._db())

    def _presenter(self, db: sqlite3.Connection, code: str, secret: str) -> None:
        row = db.execute("SELECT secret, expires FROM rooms WHERE code = ?", (code,)).fetchone()
        if row is None or row[1] <= time.time():
            raise NoRoom(code)
        if not secrets.compare_digest(row[0], _digest(secret)):
            raise NotPresenter()

    def _bump(self, db: sqlite3.Connection, code: str) -> None:
        db.execute("UPDATE rooms SET version = version + 1 WHERE code = ?", (code,))

    @_locked
    def create(self, view: dict[str, list[str]], now: float | None = None) -> tuple[str, str]:
        now = time.time() if now is None else now
        secret = secrets.token_urlsafe(24)
        with self._write() as db:
            db.execute("DELETE FROM rooms WHERE expires <= ?", (now,))
            while True:
                code = new_code()
                if db.execute("SELECT 1 FROM rooms WHERE code = ?", (code,)).fetchone() is None:
                    break
            db.execute(
                "INSERT INTO rooms VALUES (?, ?, ?, 1, NULL, ?, ?, 1)",
                (code, _digest(secret), json.dumps(view), now, now + ROOM_SECONDS),
            )
        return code, secret

    @_locked
    def room(self, code: str, now: float | None = None) -> Room | None:
        now = time.time() if now is None else now
        row = (
            self._db()
            .execute("SELECT code, view, slide, poll, created, expires, version FROM rooms WHERE code = ?", (code,))
            .fetchone()
        )
        if row is None or row[5] <= now:
            return None
        return Room(row[0], json.loads(row[1]), row[2], row[3], row[4], row[5], row[6])

    @_locked
    def is_presenter(self, code: str, secret: str) -> bool:
        try:
            self._presenter(self._db(), code, secret)
        except RoomError:
            return False
        return True

    @_locked
    def set_slide(self, code: str, secret: str, slide: int) -> None:
        with self._write() as db:
            self._presenter(db, code, secret)
            db.execute("UPDATE rooms SET slide = ?, version = version + 1 WHERE code = ?", (max(1, int(slide)), code))

    @_locked
    def set_view(self, code: str, secret: str, view: dict[str, list[str]]) -> None:
        with self._write() as db:
            self._presenter(db, code, secret)
            db.execute("UPDATE rooms SET view = ?, version = version + 1 WHERE code = ?", (json.dumps(view), code))

    @_locked
    def open_poll(
        self,
        code: str,
        secret: str,
        kind: PollKind,
        question: str,
        options: Sequence[str],
        slide: int,
        many: bool,
        answer: str | None = None,
    ) -> Poll:
        poll = _new_poll(kind, question, options, slide, many, answer)
        with self._write() as db:
            self._presenter(db, code, secret)
            db.execute("UPDATE polls SET open = 0 WHERE code = ?", (code,))
            db.execute(
                "INSERT INTO polls VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, 0, ?)",
                (poll.id, code, kind, poll.question, json.dumps(poll.options), slide, int(many), answer, time.time()),
            )
            db.execute("UPDATE rooms SET poll = ?, version = version + 1 WHERE code = ?", (poll.id, code))
        return poll

    def _poll_change(self, code: str, secret: str, poll_id: str, sql: str) -> None:
        with self._write() as db:
            self._presenter(db, code, secret)
            db.execute(sql, (poll_id, code))
            self._bump(db, code)

    @_locked
    def close_poll(self, code: str, secret: str, poll_id: str) -> None:
        self._poll_change(code, secret, poll_id, "UPDATE polls SET open = 0 WHERE id = ? AND code = ?")

    @_locked
    def reveal(self, code: str, secret: str, poll_id: str) -> None:
        self._poll_change(code, secret, poll_id, "UPDATE polls SET open = 0, revealed = 1 WHERE id = ? AND code = ?")

    @_locked
    def hide_poll(self, code: str, secret: str) -> None:
        with self._write() as db:
            self._presenter(db, code, secret)
            db.execute("UPDATE rooms SET poll = NULL, version = version + 1 WHERE code = ?", (code,))

    def _poll(self, db: sqlite3.Connection, code: str, poll_id: str) -> Poll | None:
        row = db.execute(
            "SELECT id, kind, question, options, slide, many, open, answer, revealed FROM polls "
            "WHERE id = ? AND code = ?",
            (poll_id, code),
        ).fetchone()
        return None if row is None else _poll_of(row)

    @_locked
    def polls(self, code: str) -> list[Poll]:
        rows = self._db().execute(
            "SELECT id, kind, question, options, slide, many, open, answer, revealed FROM polls "
            "WHERE code = ? ORDER BY created",
            (code,),
        )
        return [_poll_of(r) for r in rows]

    @_locked
    def poll(self, code: str, poll_id: str) -> Poll | None:
        return self._poll(self._db(), code, poll_id)

    @_locked
    def answer(self, code: str, poll_id: str, phone: str, choices: Iterable[str]) -> None:
        with self._write() as db:
            poll = self._poll(db, code, poll_id)
            if poll is None or self.room(code) is None:
                raise RoomError(_("This poll is not running."))
            chosen = checked_choices(poll, choices)
            db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?)", (poll_id, phone, json.dumps(chosen)))

    @_locked
    def my_answer(self, code: str, poll_id: str, phone: str) -> tuple[str, ...]:
        row = (
            self._db().execute("SELECT choices FROM answers WHERE poll = ? AND phone = ?", (poll_id, phone)).fetchone()
        )
        return () if row is None else tuple(json.loads(row[0]))

    @_locked
    def counts(self, code: str, poll_id: str) -> Tally:
        db = self._db()
        poll = self._poll(db, code, poll_id)
        if poll is None:
            return Tally({}, 0)
        return tally(
            poll, (json.loads(r[0]) for r in db.execute("SELECT choices FROM answers WHERE poll = ?", (poll_id,)))
        )

    @_locked
    def ask(self, code: str, phone: str, text: str, now: float | None = None) -> Question:
        now = time.time() if now is None else now
        clean = question_text(text)
        with self._write() as db:
            if self.room(code, now) is None:
                raise NoRoom(code)
            db.execute("DELETE FROM asked WHERE at <= ?", (now - QUESTION_WINDOW,))
            recent = db.execute("SELECT COUNT(*) FROM asked WHERE code = ? AND phone = ?", (code, phone)).fetchone()[0]
            if recent >= QUESTIONS_PER_WINDOW:
                raise RoomError(_("You have asked several questions just now: wait a minute, then ask again."))
            db.execute("INSERT INTO asked VALUES (?, ?, ?)", (code, phone, now))
            question = Question(secrets.token_hex(8), clean, 0, now)
            db.execute("INSERT INTO questions VALUES (?, ?, ?, ?, 0, 0)", (question.id, code, clean, now))
        return question

    @_locked
    def upvote(self, code: str, question_id: str, phone: str) -> None:
        with self._write() as db:
            found = db.execute(
                "SELECT 1 FROM questions WHERE id = ? AND code = ? AND hidden = 0", (question_id, code)
            ).fetchone()
            if found is None:
                raise RoomError(_("That question is no longer shown."))
            db.execute("INSERT OR IGNORE INTO upvotes VALUES (?, ?)", (question_id, phone))

    @_locked
    def questions(self, code: str, hidden: bool = False) -> list[Question]:
        rows = self._db().execute(
            "SELECT q.id, q.text, (SELECT COUNT(*) FROM upvotes u WHERE u.question = q.id), q.created, q.hidden, "
            "q.answered FROM questions q WHERE q.code = ?" + ("" if hidden else " AND q.hidden = 0"),
            (code,),
        )
        return ranked(Question(r[0], r[1], r[2], r[3], bool(r[4]), bool(r[5])) for r in rows)

    @_locked
    def moderate(
        self, code: str, secret: str, question_id: str, hidden: bool | None = None, answered: bool | None = None
    ) -> None:
        with self._write() as db:
            self._presenter(db, code, secret)
            if hidden is not None:
                db.execute(
                    "UPDATE questions SET hidden = ? WHERE id = ? AND code = ?", (int(hidden), question_id, code)
                )
            if answered is not None:
                db.execute(
                    "UPDATE questions SET answered = ? WHERE id = ? AND code = ?", (int(answered), question_id, code)
                )
            self._bump(db, code)

    @_locked
    def close(self, code: str, secret: str) -> None:
        with self._write() as db:
            self._presenter(db, code, secret)
            polls = [r[0] for r in db.execute("SELECT id FROM polls WHERE code = ?", (code,))]
            questions = [r[0] for r in db.execute("SELECT id FROM questions WHERE code = ?", (code,))]
            db.executemany("DELETE FROM answers WHERE poll = ?", [(p,) for p in polls])
            db.executemany("DELETE FROM upvotes WHERE question = ?", [(q,) for q in questions])
            for table in ("polls", "questions", "asked"):
                db.execute(f"DELETE FROM {table} WHERE code = ?", (code,))
            db.execute("DELETE FROM rooms WHERE code = ?", (code,))


def _new_poll(
    kind: PollKind, question: str, options: Sequence[str], slide: int, many: bool, answer: str | None
) -> Poll:
    if kind not in POLL_KINDS:
        raise RoomError(f"Unknown poll kind {kind!r}.")
    offered = tuple(dict.fromkeys(" ".join(str(o).split()) for o in options if str(o).strip()))[:MAX_OPTIONS]
    if not offered:
        raise RoomError(_("A poll needs at least one choice."))
    if answer is not None and answer not in offered:
        raise RoomError(_("A quiz's answer must be one of its choices."))
    return Poll(
        secrets.token_hex(8), kind, " ".join(question.split()), offered, max(1, int(slide)), many, answer=answer
    )


def _poll_of(row: Sequence[Any]) -> Poll:
    return Poll(
        row[0], row[1], row[2], tuple(json.loads(row[3])), row[4], bool(row[5]), bool(row[6]), row[7], bool(row[8])
    )


# --- Redis ----------------------------------------------------------------------------------------


class RedisRooms:
    """Rooms in one Redis server, shared by app processes on any number of machines. Each
    key expires with its room; each write is one MULTI/EXEC transaction or one command."""

    def __init__(self, url: str, client: Any = None) -> None:
        import redis  # the Redis backend's client: only needed when it is chosen

        self.url = url
        # Any: redis-py types its replies as bytes | str whatever decode_responses says.
        self.r: Any = client if client is not None else redis.Redis.from_url(url, decode_responses=True)

    def _k(self, code: str, *parts: str) -> str:
        return ":".join(("atlas", "room", code, *parts))

    def _expire_all(self, pipe: Any, code: str, keys: Sequence[str]) -> None:
        expires = self.r.hget(self._k(code), "expires")
        ttl = max(1, int(float(expires) - time.time())) if expires else ROOM_SECONDS
        for key in keys:
            pipe.expire(key, ttl)

    def _presenter(self, code: str, secret: str) -> None:
        stored = self.r.hget(self._k(code), "secret")
        if stored is None:
            raise NoRoom(code)
        if not secrets.compare_digest(stored, _digest(secret)):
            raise NotPresenter()

    def create(self, view: dict[str, list[str]], now: float | None = None) -> tuple[str, str]:
        now = time.time() if now is None else now
        secret = secrets.token_urlsafe(24)
        fields = {
            "secret": _digest(secret),
            "view": json.dumps(view),
            "slide": 1,
            "poll": "",
            "created": now,
            "expires": now + ROOM_SECONDS,
            "version": 1,
        }
        ttl = max(1, int(now + ROOM_SECONDS - time.time()))
        while True:
            code = new_code()
            if self.r.hsetnx(self._k(code), "secret", fields["secret"]):
                break
        pipe = self.r.pipeline()
        pipe.hset(self._k(code), mapping=fields)
        pipe.expire(self._k(code), ttl)
        pipe.execute()
        return code, secret

    def room(self, code: str, now: float | None = None) -> Room | None:
        now = time.time() if now is None else now
        h = self.r.hgetall(self._k(code))
        if not h or float(h["expires"]) <= now:
            return None
        return Room(
            code, json.loads(h["view"]), int(h["slide"]), h["poll"] or None, float(h["created"]), float(h["expires"]),
            int(h["version"]),
        )  # fmt: skip

    def is_presenter(self, code: str, secret: str) -> bool:
        try:
            self._presenter(code, secret)
        except RoomError:
            return False
        return True

    def _update(self, code: str, **fields: Any) -> None:
        pipe = self.r.pipeline()
        if fields:
            pipe.hset(self._k(code), mapping=fields)
        pipe.hincrby(self._k(code), "version", 1)
        pipe.execute()

    def set_slide(self, code: str, secret: str, slide: int) -> None:
        self._presenter(code, secret)
        self._update(code, slide=max(1, int(slide)))

    def set_view(self, code: str, secret: str, view: dict[str, list[str]]) -> None:
        self._presenter(code, secret)
        self._update(code, view=json.dumps(view))

    def open_poll(
        self,
        code: str,
        secret: str,
        kind: PollKind,
        question: str,
        options: Sequence[str],
        slide: int,
        many: bool,
        answer: str | None = None,
    ) -> Poll:
        self._presenter(code, secret)
        poll = _new_poll(kind, question, options, slide, many, answer)
        data = {
            "kind": kind,
            "question": poll.question,
            "options": json.dumps(poll.options),
            "slide": poll.slide,
            "many": int(many),
            "open": 1,
            "answer": answer or "",
            "revealed": 0,
        }
        pipe = self.r.pipeline()
        for old in self.r.lrange(self._k(code, "polls"), 0, -1):
            pipe.hset(self._k(code, "poll", old), "open", 0)
        pipe.hset(self._k(code, "poll", poll.id), mapping=data)
        pipe.rpush(self._k(code, "polls"), poll.id)
        pipe.hset(self._k(code), "poll", poll.id)
        pipe.hincrby(self._k(code), "version", 1)
        self._expire_all(pipe, code, [self._k(code, "poll", poll.id), self._k(code, "polls")])
        pipe.execute()
        return poll

    def _poll(self, code: str, poll_id: str) -> Poll | None:
        h = self.r.hgetall(self._k(code, "poll", poll_id))
        if not h:
            return None
        return Poll(
            poll_id, h["kind"], h["question"], tuple(json.loads(h["options"])), int(h["slide"]), bool(int(h["many"])),
            bool(int(h["open"])), h["answer"] or None, bool(int(h["revealed"])),
        )  # fmt: skip

    def poll(self, code: str, poll_id: str) -> Poll | None:
        return self._poll(code, poll_id)

    def close_poll(self, code: str, secret: str, poll_id: str) -> None:
        self._presenter(code, secret)
        if self._poll(code, poll_id) is not None:
            self.r.hset(self._k(code, "poll", poll_id), "open", 0)
        self._update(code)

    def reveal(self, code: str, secret: str, poll_id: str) -> None:
        self._presenter(code, secret)
        if self._poll(code, poll_id) is not None:
            self.r.hset(self._k(code, "poll", poll_id), mapping={"open": 0, "revealed": 1})
        self._update(code)

    def hide_poll(self, code: str, secret: str) -> None:
        self._presenter(code, secret)
        self._update(code, poll="")

    def polls(self, code: str) -> list[Poll]:
        found = (self._poll(code, p) for p in self.r.lrange(self._k(code, "polls"), 0, -1))
        return [p for p in found if p is not None]

    def answer(self, code: str, poll_id: str, phone: str, choices: Iterable[str]) -> None:
        poll = self._poll(code, poll_id)
        if poll is None or self.room(code) is None:
            raise RoomError(_("This poll is not running."))
        chosen = checked_choices(poll, choices)
        pipe = self.r.pipeline()
        pipe.hset(self._k(code, "answers", poll_id), phone, json.dumps(chosen))  # one per phone: replaced
        self._expire_all(pipe, code, [self._k(code, "answers", poll_id)])
        pipe.execute()

    def my_answer(self, code: str, poll_id: str, phone: str) -> tuple[str, ...]:
        value = self.r.hget(self._k(code, "answers", poll_id), phone)
        return () if value is None else tuple(json.loads(value))

    def counts(self, code: str, poll_id: str) -> Tally:
        poll = self._poll(code, poll_id)
        if poll is None:
            return Tally({}, 0)
        return tally(poll, (json.loads(v) for v in self.r.hvals(self._k(code, "answers", poll_id))))

    def ask(self, code: str, phone: str, text: str, now: float | None = None) -> Question:
        now = time.time() if now is None else now
        clean = question_text(text)
        if self.room(code, now) is None:
            raise NoRoom(code)
        window = self._k(code, "asked", phone)
        pipe = self.r.pipeline()
        pipe.zremrangebyscore(window, "-inf", now - QUESTION_WINDOW)
        pipe.zadd(window, {secrets.token_hex(4): now})
        pipe.zcard(window)
        pipe.expire(window, int(QUESTION_WINDOW) + 1)
        if pipe.execute()[2] > QUESTIONS_PER_WINDOW:
            raise RoomError(_("You have asked several questions just now: wait a minute, then ask again."))
        question = Question(secrets.token_hex(8), clean, 0, now)
        key = self._k(code, "question", question.id)
        pipe = self.r.pipeline()
        pipe.hset(key, mapping={"text": clean, "created": now, "hidden": 0, "answered": 0})
        pipe.rpush(self._k(code, "questions"), question.id)
        self._expire_all(pipe, code, [key, self._k(code, "questions")])
        pipe.execute()
        return question

    def upvote(self, code: str, question_id: str, phone: str) -> None:
        hidden = self.r.hget(self._k(code, "question", question_id), "hidden")
        if hidden is None or hidden == "1":
            raise RoomError(_("That question is no longer shown."))
        key = self._k(code, "upvotes", question_id)
        pipe = self.r.pipeline()
        pipe.sadd(key, phone)
        self._expire_all(pipe, code, [key])
        pipe.execute()

    def questions(self, code: str, hidden: bool = False) -> list[Question]:
        out = []
        for qid in self.r.lrange(self._k(code, "questions"), 0, -1):
            h = self.r.hgetall(self._k(code, "question", qid))
            if not h or (h["hidden"] == "1" and not hidden):
                continue
            votes = self.r.scard(self._k(code, "upvotes", qid))
            out.append(Question(qid, h["text"], votes, float(h["created"]), h["hidden"] == "1", h["answered"] == "1"))
        return ranked(out)

    def moderate(
        self, code: str, secret: str, question_id: str, hidden: bool | None = None, answered: bool | None = None
    ) -> None:
        self._presenter(code, secret)
        key = self._k(code, "question", question_id)
        if self.r.exists(key):
            fields = {
                name: int(value) for name, value in (("hidden", hidden), ("answered", answered)) if value is not None
            }
            if fields:
                self.r.hset(key, mapping=fields)
        self._update(code)

    def close(self, code: str, secret: str) -> None:
        self._presenter(code, secret)
        keys = [*self.r.scan_iter(match=self._k(code, "*")), self._k(code)]
        self.r.delete(*keys)


# --- choosing a store ---------------------------------------------------------------------------------


def open_store(setting: str | None, default_folder: Path) -> RoomStore:
    """The store a setting names: `redis://…` (or `rediss://…`) for Redis; a path, or
    `sqlite:///path`, for a SQLite file; nothing: `rooms.sqlite3` in `default_folder`."""
    if setting and setting.startswith(("redis://", "rediss://", "unix://")):
        return RedisRooms(setting)
    if setting:
        return SqliteRooms(setting.removeprefix("sqlite://"))
    return SqliteRooms(default_folder / "rooms.sqlite3")
