"""A live room under load, through `make serve` (two app processes behind nginx): a
presenter and N phones, with the SQLite store and with Redis.

    python -m bench.live_load [--phones 100] [--browsers 3] [--stores sqlite,redis]
                              [--slides 10] [--gap 4] [--kill 5] [--json FILE]

The presenter is a protocol session (bench/sessions.py `Person`) on the Present page: it
starts the room, waits until every phone has opened it, clicks Next `--slides` times
(`--gap` seconds apart) and opens a poll on three slides ("which have you noticed?"),
reading its projector's live results. Phones are protocol sessions on the audience page:
one reader takes every run the server pushes or the phone asks for, while the phone
reruns its timed fragments as a browser does (the question list every 5 s) and answers
each poll; `--browsers` of them are real pages in Debian's headless shell at 390x844.
After slide `--kill`, the app process that does not serve the presenter is killed
(SIGKILL); its phones reconnect through nginx, as a page does, and carry on.

All of it runs on this machine's 2 cores: the app processes, nginx, the store, and every
client (at a lower priority); the report gives the clients' own CPU seconds beside the
server's, as a client that falls behind makes every latency look longer.

Reported: follow latency (the presenter's click sent, to a phone showing that slide) p50
and p95, for protocol phones and for real pages; vote-to-projector p95 (a phone's answer
acknowledged, to the presenter's chart counting it); phones that failed; votes lost (the
store counting fewer than the phones were told were taken: must be 0); the app processes'
CPU seconds and peak memory.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import signal
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import numpy as np
from playwright.async_api import async_playwright
from websockets.exceptions import ConnectionClosed

from bench.load import HEADLESS_SHELL, PHONE, _cpu_seconds, _rss_mb
from bench.sessions import Person, run_apart
from causes.room import open_store
from deploy.serve import Stack, free_port
from tests.support.redis import RedisServer
from tests.support.server import CHROMIUM_FLAGS

DECK = ("Statins", "Tetanus", "Dehydration", "Pregnancy", "Dystonia", "Stroke", "Gout", "Hypothyroidism")
POLL_SLIDES = (3, 6, 9)  # the presenter opens a poll when it reaches these slides
SLIDE_TEXT = re.compile(r"Slide (\d+) of (\d+)")
ANSWERS_TEXT = re.compile(r"(\d+) answers?\\?\.")  # in the caption, markdown-escaped
TIMEOUT = 60.0


class Room:
    """What the presenter did and when, shared with the phones' coroutines."""

    def __init__(self) -> None:
        self.code = ""
        self.clicked: dict[int, float] = {}  # slide -> when Next was sent
        self.polls: list[float] = []  # when each poll was opened
        self.projector: list[list[tuple[float, int]]] = []  # per poll: (time, answers shown)
        self.done = asyncio.Event()
        self.opened = asyncio.Event()
        self.phones = 0  # how many phones the room expects
        self.joined: list[float] = []  # when each phone's page had opened
        self.everyone = asyncio.Event()

    def join(self) -> None:
        self.joined.append(time.perf_counter())
        if len(self.joined) >= self.phones:
            self.everyone.set()


def _slide(person: Person) -> int | None:
    return next((int(m.group(1)) for t in person.texts if (m := SLIDE_TEXT.search(t))), None)


async def _presenter(url: str, room: Room, slides: int, gap: float, kill) -> dict:
    out: dict = {"ok": False}
    pres = await Person.open(url, "present", urlencode([("deck", n) for n in DECK]))
    try:
        await pres.click("Start a live room")
        room.code = re.search(r"room=([A-Z0-9]+)", pres.query_string).group(1)
        out["backend"] = pres.backend
        room.opened.set()
        opened = time.perf_counter()
        # A presenter starts when the audience is in: every phone has opened the page (a
        # hundred phones joining in the same second is a load of its own, reported apart).
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(room.everyone.wait(), TIMEOUT)
        out["join_s"] = max(room.joined, default=opened) - opened
        await asyncio.sleep(gap)
        for k in range(2, slides + 2):
            room.clicked[k] = time.perf_counter()
            await pres.click("Next")
            assert _slide(pres) == k, pres.texts[:5]
            if k in POLL_SLIDES:
                await pres.click("Poll: which have you noticed?")
                room.polls.append(time.perf_counter())
                shown: list[tuple[float, int]] = []
                room.projector.append(shown)
                end = time.perf_counter() + 3 * gap
                while time.perf_counter() < end:  # the projector's chart, redrawn every second
                    await asyncio.sleep(1.0)
                    # the projector's chart: its fragment's id follows its place on the page
                    chart = next((f for f, every in pres.fragments.items() if every == 1.0), None)
                    if chart is None:
                        break
                    await pres.tick(chart)
                    counts = [int(m.group(1)) for t in pres.texts if (m := ANSWERS_TEXT.search(t))]
                    shown.append((time.perf_counter(), counts[0] if counts else 0))
            else:
                await asyncio.sleep(gap)
            if kill is not None and k == kill[0]:
                kill[1](out["backend"])
        out["ok"] = True
    finally:
        room.opened.set()  # phones waiting for a room that never opened stop waiting
        room.done.set()
        await pres.close()
    return out


async def _phone(url: str, room: Room, seed: int) -> dict:
    """A protocol phone, as a page behaves: one reader takes every run the server sends
    (pushed slides, and the runs this phone asks for), while the phone asks for its timed
    fragments when due and answers each poll once."""
    out: dict = {"kind": "protocol", "ok": False, "seen": {}, "votes": [], "reconnects": 0}
    await room.opened.wait()
    if not room.code:
        out["error"] = "no room"
        return out
    try:
        person = await Person.open(url, "room", f"room={room.code}")
    finally:
        room.join()
    out["first"] = person.backend
    # A poll's answer, step by step: "due" (on show), "picked" (an option picked: its run
    # enables the button), "ready" (drawn enabled), "sent" (pressed), "taken" (drawn back).
    polls: dict[str, str] = {}
    next_at: dict[str, float] = {}

    def shown(text: str) -> None:  # as each text arrives: a page draws it then
        if (m := SLIDE_TEXT.search(text)) and int(m.group(1)) not in out["seen"]:
            out["seen"][int(m.group(1))] = time.perf_counter()

    person.on_text = shown
    for text in person.texts:  # the page as it opened
        shown(text)

    def note() -> None:  # after each run read
        now = time.perf_counter()
        if "Which of these have you noticed?" not in person.texts or "Your answer" not in person.widgets:
            return
        poll = person.widgets["Your answer"][1].id  # its key names the poll
        step = polls.setdefault(poll, "due")
        button = person.widgets.get("Send my answer")
        if step == "picked" and button is not None and not button[1].disabled:
            polls[poll] = "ready"
        elif step == "sent" and any(t.startswith("Your answer: ") for t in person.texts):
            polls[poll] = "taken"
            out["votes"].append(now)

    async def read() -> None:
        nonlocal person
        while not room.done.is_set():
            try:
                await person.listen()
            except (ConnectionClosed, OSError):
                out["reconnects"] += 1
                person = await asyncio.wait_for(person.reopen(url), TIMEOUT)
            note()

    async def ask() -> None:
        while not room.done.is_set():
            await asyncio.sleep(0.1)
            if not person.connected:
                continue
            now = time.perf_counter()
            with contextlib.suppress(ConnectionClosed, OSError):
                for fragment, every in list(person.fragments.items()):
                    if next_at.setdefault(fragment, now + every) <= now:
                        next_at[fragment] = now + every
                        await person.send(fragment)
                for poll, step in list(polls.items()):
                    if step == "due":  # a person reads the options, then taps one
                        options = [o.content for o in person.widgets["Your answer"][1].options]
                        polls[poll] = "picked"
                        await person.pick("Your answer", [options[seed % len(options)]])
                    elif step == "ready":
                        polls[poll] = "sent"
                        await person.press("Send my answer")

    reader = asyncio.create_task(read())
    asker = asyncio.create_task(ask())
    try:
        await room.done.wait()
        await asyncio.sleep(1.0)  # the last slide's runs arrive
        for task in (reader, asker):
            task.cancel()
        for task in (reader, asker):
            with contextlib.suppress(asyncio.CancelledError):
                await task
        out["ok"] = not person.exceptions
    except Exception as e:
        out["error"] = f"{type(e).__name__}: {str(e)[:200]}"
    finally:
        for task in (reader, asker):
            task.cancel()
        await person.close()
    return out


async def _real_phone(browser, url: str, room: Room) -> dict:
    out: dict = {"kind": "browser", "ok": False, "seen": {}}
    await room.opened.wait()
    context = await browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = await context.new_page()
    try:
        try:
            await page.goto(f"{url}/room?room={room.code}")
            await page.get_by_text(re.compile(r"^Slide 1 of ")).wait_for(timeout=TIMEOUT * 1000)
        finally:
            room.join()
        k = 2
        while not room.done.is_set() and k <= max(room.clicked, default=1) + 1:
            try:
                await page.get_by_text(re.compile(rf"^Slide {k} of ")).wait_for(timeout=2_000)
                out["seen"][k] = time.perf_counter()
                k += 1
            except Exception:
                continue
        out["ok"] = True
    except Exception as e:
        out["error"] = f"{type(e).__name__}: {str(e)[:200]}"
    finally:
        await context.close()
    return out


async def _live(url: str, phones: int, browsers: int, slides: int, gap: float, kill) -> tuple[Room, dict, list]:
    room = Room()
    room.phones = phones
    async with async_playwright() as pw:
        launched = await pw.chromium.launch(executable_path=HEADLESS_SHELL, args=CHROMIUM_FLAGS) if browsers else None
        try:
            tasks = [_phone(url, room, i) for i in range(phones - browsers)]
            tasks += [_real_phone(launched, url, room) for _ in range(browsers)]
            presenter, *results = await asyncio.gather(_presenter(url, room, slides, gap, kill), *tasks)
        finally:
            if launched:
                await launched.close()
    return room, presenter, results


def _pct(values: list[float], q: float) -> float | None:
    return float(np.percentile(values, q)) if values else None


def measure(store: str, phones: int, browsers: int, slides: int, gap: float, kill_after: int | None) -> dict:
    redis = RedisServer() if store == "redis" else None
    setting = redis.url if redis else str(Path(os.environ.get("TMPDIR", "/tmp")) / f"live-load-{os.getpid()}.db")
    stack = Stack(port=free_port(), processes=2, rooms=setting)
    stack.start()
    stop_watch = threading.Event()
    watcher = threading.Thread(target=lambda: _watch(stack, stop_watch), daemon=True)
    watcher.start()
    pids_seen = {a.proc.pid for a in stack.apps}
    cpu_before = {p: _cpu_seconds(p) for p in pids_seen}
    last_cpu: dict[int, float] = {}
    peak = [0.0]
    sampling = threading.Event()

    def sample() -> None:
        while not sampling.wait(0.5):
            pids = [a.proc.pid for a in stack.apps if a.proc is not None]
            pids_seen.update(pids)
            for p in pids:
                last_cpu[p] = max(last_cpu.get(p, 0.0), _cpu_seconds(p))
                cpu_before.setdefault(p, 0.0)
            peak[0] = max(peak[0], sum(_rss_mb(p) for p in pids))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    killed: dict = {}

    def kill(presenter_backend: str) -> None:
        victim = next(a for a in stack.apps if f"127.0.0.1:{a.port}" != presenter_backend)
        last_cpu[victim.proc.pid] = _cpu_seconds(victim.proc.pid)
        os.killpg(victim.proc.pid, signal.SIGKILL)
        killed["address"] = f"127.0.0.1:{victim.port}"

    try:
        began = time.perf_counter()
        client_before = time.process_time()
        room, presenter, phones_out = run_apart(
            lambda: _live(stack.url, phones, browsers, slides, gap, (kill_after, kill) if kill_after else None), nice=10
        )
        wall = time.perf_counter() - began
        client_cpu = time.process_time() - client_before  # the protocol phones and the presenter (not the browsers)
        rooms = open_store(setting, Path("/tmp"))
        stored = [sum(rooms.counts(room.code, p.id).values()) for p in rooms.polls(room.code)]
    finally:
        sampling.set()
        stop_watch.set()
        stack.stop()
        if redis:
            redis.stop()
    follow = {"protocol": [], "browser": []}
    by_slide: dict[int, list[float]] = {}
    missed = 0
    missed_by_slide: dict[int, int] = {}
    for phone in phones_out:
        for k, clicked in room.clicked.items():
            if k in phone["seen"]:
                follow[phone["kind"]].append(phone["seen"][k] - clicked)
                by_slide.setdefault(k, []).append(phone["seen"][k] - clicked)
            elif phone["ok"]:
                missed += 1
                missed_by_slide[k] = missed_by_slide.get(k, 0) + 1
    votes = sorted(t for p in phones_out for t in p.get("votes", []))
    to_projector = []
    for opened, shown in zip(room.polls, room.projector, strict=False):
        taken = sorted(t for t in votes if t >= opened and (not shown or t <= shown[-1][0]))
        for i, t in enumerate(taken, start=1):
            seen = next((when for when, n in shown if n >= i and when >= t), None)
            if seen is not None:
                to_projector.append(seen - t)
    acknowledged = len(votes)
    cpu = sum(max(last_cpu.get(p, 0.0), 0.0) - cpu_before.get(p, 0.0) for p in pids_seen)
    return {
        "store": store,
        "phones": phones,
        "browsers": browsers,
        "slides": len(room.clicked),
        "presenter_ok": presenter["ok"],
        "join_s": presenter.get("join_s"),
        "failed": sum(not p["ok"] for p in phones_out),
        "errors": sorted({p["error"] for p in phones_out if p.get("error")})[:5],
        "missed_slides": missed,
        "missed_by_slide": missed_by_slide,
        "follow_p50_p95_by_slide": {
            k: [round(_pct(v, 50), 2), round(_pct(v, 95), 2)] for k, v in sorted(by_slide.items())
        },
        "follow_p50_s": _pct(follow["protocol"], 50),
        "follow_p95_s": _pct(follow["protocol"], 95),
        "follow_real_p50_s": _pct(follow["browser"], 50),
        "follow_real_p95_s": _pct(follow["browser"], 95),
        "vote_to_projector_p95_s": _pct(to_projector, 95),
        "votes_acknowledged": acknowledged,
        "votes_stored": sum(stored),
        "votes_lost": max(0, acknowledged - sum(stored)),
        "killed": killed.get("address"),
        "reconnects": sum(p.get("reconnects", 0) for p in phones_out),
        "server_cpu_s": cpu,
        "server_peak_rss_mb": peak[0],
        "client_cpu_s": client_cpu,
        "wall_s": wall,
    }


def _watch(stack: Stack, stop: threading.Event) -> None:
    while not stop.wait(1):
        stack.watch_once()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.live_load", description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=100)
    parser.add_argument("--browsers", type=int, default=3)
    parser.add_argument("--stores", default="sqlite,redis")
    parser.add_argument("--slides", type=int, default=10)
    parser.add_argument("--gap", type=float, default=4.0)
    parser.add_argument("--kill", type=int, default=5, help="kill a process after this slide (0: never)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    figures = []
    for store in args.stores.split(","):
        f = measure(store, args.phones, args.browsers, args.slides, args.gap, args.kill or None)
        print(json.dumps(f), flush=True)
        figures.append(f)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
