"""A classroom at once: N people open Cause Atlas at the same moment and each applies three
filters, against one app process or against `make serve` (K processes behind nginx).

    python -m bench.load [--sessions 10,30,50,100] [--processes 1,2] [--browsers 5|all]
                         [--think 3-10] [--kill 20] [--json FILE]

Every session opens the page (initial load: until the match count shows), then picks the
table's most common symptom, picks a body area and searches a word, each a rerun timed
until the new count shows; between steps a person reads for `--think` seconds (random in
that range; 0 for a burst). A session fails when a step errs, shows a wrong count or an
exception box, or takes over `--timeout` seconds.

Two kinds of session run together in one room:
- **browser**: a real page in headless Chromium (its own context, so its own cookie; 10 to
  a browser). Its times are what a person sees, drawing included.
- **protocol**: a websocket speaking Streamlit's protocol, as the page does (bench/
  sessions.py `Person`): the server runs the same script for it and sends the same page;
  nothing is drawn. Its times are the server's answer.
This machine has 2 cores for the server and every client. A real page costs the clients
about 9 times what it costs the server (measured: 4.5 CPU s against 0.5 per session), so a
room of real browsers measures the browsers; `--browsers 5` keeps 5 real pages in a room
of protocol sessions, to see what a person sees while the server carries the room. The
clients run at a lower priority (`--nice`), as phones in a room would not take the
server's CPU.

`--kill S` kills one app process (SIGKILL) S seconds after every session has opened its
page, while people are picking. Its sessions must come back on a live process with the
same page: browsers reconnect by themselves, protocol sessions open a new websocket and
send their widget values again, as the page does. A pick on its way at that instant is
lost with the process, and the person makes it again (counted as redone). Sessions on the
other processes must not notice. The dead process is started again.

Per room: failed sessions; for the kill, the sessions on the killed process, those recovered,
picks redone and others disturbed; load and rerun p50 and p95 for each kind; the app processes'
CPU seconds and summed peak memory. It only ever talks to loopback, and stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import signal
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from playwright.async_api import Browser, async_playwright
from playwright.async_api import TimeoutError as PlaywrightTimeout
from websockets.exceptions import ConnectionClosed

from bench.bench_browser import ANY_COUNT, READY, STRONG
from bench.sessions import Person, run_apart
from causes import Query, count_line, load_cause_table, run_query
from causes.config import BUNDLED_TABLE
from deploy.serve import COOKIE, Stack, free_port
from tests.support.server import CHROMIUM_FLAGS, Server

PAGES_PER_BROWSER = 10
# Debian's old headless shell draws the same page for about 0.7 of Chromium's CPU.
HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
PHONE = {"width": 390, "height": 844}  # the audience is on phones


@dataclass(frozen=True)
class Steps:
    """What every person does, and the count each step must show."""

    symptom: str
    area: str
    word: str
    counts: tuple[str, str, str]

    @classmethod
    def for_table(cls, path: Path = BUNDLED_TABLE) -> Steps:
        table = load_cause_table(path)
        symptom = table.facets["symptoms"].terms[0]
        area = table.facets["body_areas"].terms[0]
        word = "night"
        queries = (
            Query(symptoms=(symptom,)),
            Query(symptoms=(symptom,), areas=(area,)),
            Query(symptoms=(symptom,), areas=(area,), text=word),
        )
        return cls(symptom, area, word, tuple(count_line(run_query(table, q)) for q in queries))


async def _browser_session(
    browser: Browser, url: str, steps: Steps, timeout_s: float, think, seed: int, arrived: asyncio.Semaphore
) -> dict:
    rng = random.Random(seed)
    timeout_ms = timeout_s * 1000
    context = await browser.new_context(viewport=PHONE)
    context.set_default_timeout(timeout_ms)
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    sockets: list = []  # the page's websockets: more than one after a reconnect
    page.on("websocket", lambda ws: sockets.append(ws))
    out: dict = {"kind": "browser", "ok": False, "reruns": [], "redone": 0}

    async def backend() -> str | None:
        return next((c["value"] for c in await context.cookies() if c["name"] == COOKIE), None)

    try:
        start = time.perf_counter()
        await page.goto(url, wait_until="commit")
        await page.wait_for_function(READY, arg=[STRONG, ANY_COUNT, True, 0], polling=100, timeout=timeout_ms)
        out["load"] = time.perf_counter() - start
        out["first"] = await backend()
        arrived.release()

        async def rerun(prepare, trigger, expected: str) -> None:
            """Time from the click or keypress that asks for the rerun to the new count.
            A pick on its way when the page's process died is lost with it: once the
            page is back on another process, the person makes it again."""
            await asyncio.sleep(rng.uniform(*think))
            await prepare()
            began = time.perf_counter()
            await trigger()
            while True:
                try:
                    await page.wait_for_function(READY, arg=[STRONG, expected, False, 0], polling=100, timeout=10_000)
                    break
                except PlaywrightTimeout:
                    if time.perf_counter() - began > timeout_s:
                        raise
                    if out["redone"] == 0 and len(sockets) > 1:
                        # The page reconnected (its process died) and shows the pick
                        # without its answer: the person reloads and picks again.
                        out["redone"] += 1
                        await page.reload(wait_until="commit")
                        await page.wait_for_function(READY, arg=[STRONG, ANY_COUNT, True, 0], polling=100)
                        if not await page.get_by_role("combobox", name="Body areas").is_visible():
                            await page.get_by_text("More filters").click()
                        await prepare()
                        await trigger()
            out["reruns"].append(time.perf_counter() - began)

        def pick(label: str, value: str):
            """Open the box, type the value and wait for its option (a label with or
            without its live count); choosing that option is what is timed."""
            option = page.get_by_role("option", name=re.compile(rf"^{re.escape(value)}( \([\d,]+\))?$"))

            async def prepare() -> None:
                await page.get_by_role("combobox", name=label).click()
                await page.keyboard.type(value)
                await option.wait_for()

            return prepare, option.click

        # Open the filters first, as a person does before picking: a pick made while the
        # expander is still opening can land nowhere.
        await page.get_by_text("More filters").click()
        await page.get_by_role("combobox", name="Body areas").wait_for()
        await rerun(*pick("Symptoms", steps.symptom), steps.counts[0])
        await page.keyboard.press("Escape")
        await rerun(*pick("Body areas", steps.area), steps.counts[1])
        await page.keyboard.press("Escape")
        box = page.get_by_role("textbox", name="Search")

        async def fill() -> None:
            await box.fill(steps.word)

        await rerun(fill, lambda: box.press("Enter"), steps.counts[2])
        out["last"] = await backend()
        failed_box = await page.get_by_test_id("stException").count()
        out["ok"] = not errors and not failed_box
        if errors or failed_box:
            out["error"] = "; ".join(errors) or "an exception box"
    except Exception as e:  # a timeout or a closed page: this session failed
        out["error"] = f"browser: {type(e).__name__}: {str(e).splitlines()[0][:200]}"
    finally:
        if "load" not in out:
            arrived.release()
        await context.close()
    return out


def shown_count(person: Person) -> str | None:
    """The match count the person's page shows (its bold line, before any note on broader
    terms), if any."""
    count = r"\*\*([\d,]+ of [\d,]+ causes? match(?:es)?)\*\*(?:  \n.*)?"
    return next((m.group(1) for t in person.texts if (m := re.fullmatch(count, t, re.S))), None)


async def _protocol_session(
    url: str, steps: Steps, timeout_s: float, think, seed: int, arrived: asyncio.Semaphore
) -> dict:
    rng = random.Random(seed)
    out: dict = {"kind": "protocol", "ok": False, "reruns": [], "reconnects": 0, "redone": 0}
    person: Person | None = None

    async def reach(make) -> Person:
        """Open a session, trying again (as the page does) when its process dies under it."""
        for attempt in range(5):
            try:
                return await asyncio.wait_for(make(), timeout_s)
            except (ConnectionClosed, OSError):
                out["reconnects"] += 1
                await asyncio.sleep(0.5 * (attempt + 1))
        raise RuntimeError("could not connect in 5 tries")

    async def reopen() -> None:
        nonlocal person
        out["reconnects"] += 1
        person = await reach(lambda: person.reopen(url))

    async def step(act, expected: str | None) -> float:
        """Run one step. A page whose websocket dropped (its process died) reconnects
        through the proxy at once and sends its values again (`Person.reopen`); a pick on
        its way when the process died is lost with it, and the person makes it again."""
        if not person.connected:  # it dropped while the person was reading
            await reopen()
        began = time.perf_counter()
        try:
            await asyncio.wait_for(act(person), timeout_s)
        except (ConnectionClosed, OSError):
            await reopen()
            if shown_count(person) != expected:
                out["redone"] += 1
                await asyncio.wait_for(act(person), timeout_s)
        shown = shown_count(person)
        if expected is None and not re.fullmatch(ANY_COUNT, shown or ""):
            raise AssertionError(f"no count on the page: {person.texts[:3]}")
        if expected is not None and shown != expected:
            raise AssertionError(f"showed {shown!r}, expected {expected!r}")
        if person.exceptions:
            raise AssertionError("an exception box")
        return time.perf_counter() - began

    try:
        began = time.perf_counter()
        person = await reach(lambda: Person.open(url))
        out["load"] = time.perf_counter() - began
        out["first"] = person.backend
        arrived.release()
        await step(lambda p: asyncio.sleep(0), None)
        for act, expected in (
            (lambda p: p.choose("Symptoms", steps.symptom), steps.counts[0]),
            (lambda p: p.choose("Body areas", steps.area), steps.counts[1]),
            (lambda p: p.type("Search", steps.word), steps.counts[2]),
        ):
            await asyncio.sleep(rng.uniform(*think))
            out["reruns"].append(await step(act, expected))
        out["last"] = person.backend
        out["ok"] = True
    except Exception as e:
        out["error"] = f"protocol: {type(e).__name__}: {str(e).splitlines()[0][:200] if str(e) else ''}"
    finally:
        if "load" not in out:
            arrived.release()
        if person is not None:
            await person.close()
    return out


async def _room(url: str, n: int, browsers: int, steps: Steps, timeout_s: float, think, kill) -> list[dict]:
    """Every session at once; `kill`, when given, is awaited once every session has
    opened its page (or failed to), with a semaphore released once per session."""
    browsers = min(browsers, n)
    arrived = asyncio.Semaphore(0)
    async with async_playwright() as pw:
        launched = [
            await pw.chromium.launch(executable_path=HEADLESS_SHELL, args=CHROMIUM_FLAGS)
            for _ in range(-(-browsers // PAGES_PER_BROWSER))
        ]
        try:
            sessions = [
                _browser_session(launched[i // PAGES_PER_BROWSER], url, steps, timeout_s, think, i, arrived)
                for i in range(browsers)
            ] + [_protocol_session(url, steps, timeout_s, think, i, arrived) for i in range(browsers, n)]
            if kill is not None:

                async def all_arrived_then_kill() -> None:
                    for _ in range(n):
                        await arrived.acquire()
                    await kill()

                sessions.append(all_arrived_then_kill())
            results = await asyncio.gather(*sessions)
            return [r for r in results if r is not None]
        finally:
            for b in launched:
                await b.close()


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:  # the process is gone
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _pct(values: list[float], q: float) -> float | None:
    return float(np.percentile(values, q)) if values else None


def _figures(sessions: list[dict], kind: str) -> dict:
    mine = [s for s in sessions if s["kind"] == kind]
    loads = [s["load"] for s in mine if "load" in s]
    reruns = [r for s in mine for r in s["reruns"]]
    return {
        f"{kind}_sessions": len(mine),
        f"{kind}_failed": sum(not s["ok"] for s in mine),
        f"{kind}_load_p50": _pct(loads, 50),
        f"{kind}_load_p95": _pct(loads, 95),
        f"{kind}_rerun_p50": _pct(reruns, 50),
        f"{kind}_rerun_p95": _pct(reruns, 95),
    }


class Target:
    """What the room talks to: one app process served directly, or `make serve`'s stack
    (K processes behind nginx), with a watcher that starts a dead process again."""

    def __init__(self, processes: int) -> None:
        self.processes = processes
        self._stop_watch = threading.Event()
        if processes == 1:
            self.server = Server(timeout=120)
            self.stack = None
            self.url = self.server.url
        else:
            self.stack = Stack(port=free_port(), processes=processes)
            self.stack.start()
            self.url = self.stack.url
            threading.Thread(target=self._watch, daemon=True).start()

    def _watch(self) -> None:
        while not self._stop_watch.wait(1):
            self.stack.watch_once()

    def warm(self) -> None:
        """A deployed server has run its page before the room arrives: two sessions a
        process (the proxy spreads them), opened together and closed."""

        async def sessions() -> None:
            people = await asyncio.gather(*(Person.open(self.url) for _ in range(2 * self.processes)))
            await asyncio.gather(*(p.close() for p in people))

        run_apart(sessions)

    def pids(self) -> list[int]:
        if self.stack is None:
            return [self.server.proc.pid]
        return [a.proc.pid for a in self.stack.apps if a.proc is not None]

    def kill_one(self) -> str:
        """Kill the first app process outright; returns the address it served."""
        app = self.stack.apps[0]
        os.killpg(app.proc.pid, signal.SIGKILL)
        return f"127.0.0.1:{app.port}"

    def stop(self) -> None:
        self._stop_watch.set()
        (self.server if self.stack is None else self.stack).stop()


def measure(
    target: Target,
    n: int,
    browsers: int,
    steps: Steps,
    timeout_s: float,
    think: tuple[float, float],
    kill_after: float | None = None,
    nice: int = 10,
) -> dict:
    pids_seen: set[int] = set(target.pids())
    cpu_before = {p: _cpu_seconds(p) for p in pids_seen}
    peak = [0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            pids = target.pids()
            pids_seen.update(pids)
            peak[0] = max(peak[0], sum(_rss_mb(p) for p in pids))
            cpu_before.update({p: _cpu_seconds(p) for p in pids if p not in cpu_before})  # a restarted one
            time.sleep(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    # The proxy must keep answering throughout, a process killed or not: an error (a
    # refused connection, a 5xx) is a failure; an answer slower than 5 s is counted apart,
    # as the cores' load, not the proxy, is what it measures.
    health = {"asked": 0, "errors": 0, "slow": 0, "worst_s": 0.0}

    def ask_health() -> None:
        while not done.wait(0.25):
            health["asked"] += 1
            asked = time.perf_counter()
            try:
                with urllib.request.urlopen(target.url + "/_stcore/health", timeout=5) as r:
                    health["errors"] += r.status != 200
            except OSError as e:
                timed_out = isinstance(e, TimeoutError) or isinstance(getattr(e, "reason", None), TimeoutError)
                health["slow" if timed_out else "errors"] += 1
            health["worst_s"] = max(health["worst_s"], time.perf_counter() - asked)

    asker = threading.Thread(target=ask_health, daemon=True)
    asker.start()
    killed: dict = {}
    # The CPU of a process killed mid-room is lost with it: sampled until then.
    last_cpu: dict[int, float] = {}

    async def kill():
        await asyncio.sleep(kill_after)
        for p in target.pids():
            last_cpu[p] = _cpu_seconds(p)
        killed["address"] = target.kill_one()

    began = time.perf_counter()
    sessions = run_apart(
        lambda: _room(target.url, n, browsers, steps, timeout_s, think, kill if kill_after is not None else None),
        nice=nice,
    )
    wall = time.perf_counter() - began
    done.set()
    sampler.join()
    asker.join()
    cpu = sum(max(_cpu_seconds(p), last_cpu.get(p, 0.0)) - cpu_before.get(p, 0.0) for p in pids_seen)
    on_killed = [s for s in sessions if killed and s.get("first") == killed["address"]]
    # Sessions on the processes left alive must not notice the kill at all.
    disturbed = [
        s
        for s in sessions
        if killed
        and s.get("first") not in (None, killed["address"])
        and (s.get("last") != s["first"] or s.get("reconnects") or s["redone"])
    ]
    return {
        "processes": target.processes,
        "sessions": n,
        "failed": sum(not s["ok"] for s in sessions),
        "errors": sorted({s["error"] for s in sessions if s.get("error")})[:5],
        **_figures(sessions, "browser"),
        **_figures(sessions, "protocol"),
        "killed": killed.get("address"),
        "on_killed_process": len(on_killed),
        # Back on a live process (another, or the same one started again), every step right.
        "recovered": sum(s["ok"] for s in on_killed),
        "others_disturbed": len(disturbed),
        "reconnects": sum(s.get("reconnects", 0) for s in sessions),
        "redone": sum(s["redone"] for s in sessions),
        "health_asked": health["asked"],
        "health_errors": health["errors"],
        "health_slow": health["slow"],
        "health_worst_s": health["worst_s"],
        "server_cpu_s": cpu,
        "server_peak_rss_mb": peak[0],
        "wall_s": wall,
        "think_s": list(think),
    }


def _s(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def line(f: dict) -> str:
    out = f"  {f['processes']} process(es), {f['sessions']:>3} sessions: {f['failed']} failed"
    for kind in ("protocol", "browser"):
        if f[f"{kind}_sessions"]:
            load = f"{_s(f[f'{kind}_load_p50'])} p95 {_s(f[f'{kind}_load_p95'])}"
            rerun = f"{_s(f[f'{kind}_rerun_p50'])} p95 {_s(f[f'{kind}_rerun_p95'])}"
            out += f"; {f[f'{kind}_sessions']} {kind} load p50 {load} s, rerun p50 {rerun} s"
    if f["killed"]:
        kill = f"{f['on_killed_process']} sessions on it, {f['recovered']} recovered, {f['redone']} picks redone"
        kill += f", {f['others_disturbed']} others disturbed"
        out += f"; killed {f['killed']}: {kill}"
    server = f"server CPU {f['server_cpu_s']:.0f} s, peak RSS {f['server_peak_rss_mb']:.0f} MB"
    health = f"health: {f['health_errors']} errors, {f['health_slow']} over 5 s in {f['health_asked']}"
    return out + f"; {server}, {health}, wall {f['wall_s']:.0f} s"


def table(figures: list[dict]) -> str:
    """The rooms as a markdown table (times in seconds, p50 / p95)."""

    def pair(f: dict, what: str) -> str:
        return f"{_s(f[what + '_p50'])} / {_s(f[what + '_p95'])}" if f[what + "_p50"] is not None else "-"

    rows = [
        "| processes | sessions (real pages) | failed | open, protocol | rerun, protocol | open, real page"
        " | rerun, real page | server CPU s | peak RSS MB |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for f in figures:
        rows.append(
            f"| {f['processes']} | {f['sessions']} ({f['browser_sessions']}) | {f['failed']}"
            f" | {pair(f, 'protocol_load')} | {pair(f, 'protocol_rerun')} | {pair(f, 'browser_load')}"
            f" | {pair(f, 'browser_rerun')} | {f['server_cpu_s']:.0f} | {f['server_peak_rss_mb']:.0f} |"
        )
    return "\n".join(rows)


def run(
    sizes: list[int],
    processes: int,
    browsers: int | None = None,
    timeout_s: float = 120,
    think: tuple[float, float] = (3, 10),
    kill_after: float | None = None,
    nice: int = 10,
) -> list[dict]:
    """The load test at each room size against one process (`processes` 1, served
    directly) or against K processes behind nginx. `browsers` None: every session a real
    browser."""
    if kill_after is not None and processes < 2:
        raise ValueError("killing a process needs make serve's stack (2 processes or more)")
    steps = Steps.for_table()
    target = Target(processes)
    out = []
    try:
        target.warm()
        for n in sizes:
            figures = measure(target, n, n if browsers is None else browsers, steps, timeout_s, think, kill_after, nice)
            out.append(figures)
            print(line(figures), flush=True)
    finally:
        target.stop()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", default="10,30,50,100", help="comma-separated room sizes")
    parser.add_argument(
        "--processes", default="1,2", help="comma-separated: 1 is one process; K > 1 is make serve's stack of K"
    )
    parser.add_argument("--browsers", default="5", help="real browser sessions in each room, or 'all'")
    parser.add_argument("--think", default="3-10", help="seconds a person reads between steps, a range (0: none)")
    parser.add_argument("--kill", type=float, help="kill one app process this many seconds after all have opened")
    parser.add_argument("--timeout", type=float, default=120, help="seconds a step may take before it fails")
    parser.add_argument("--nice", type=int, default=10, help="the clients' lower priority (0: the same)")
    parser.add_argument("--json", help="also write the figures here")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sessions.split(",")]
    low, _, high = args.think.partition("-")
    think = (float(low), float(high or low))
    browsers = None if args.browsers == "all" else int(args.browsers)
    figures = []
    for k in (int(p) for p in args.processes.split(",")):
        figures += run(sizes, k, browsers, args.timeout, think, args.kill, args.nice)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))
    print(table(figures))
    return 0 if not any(f["failed"] or f["others_disturbed"] or f["health_errors"] for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
