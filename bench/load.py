"""A classroom at once: N real browser sessions open Cause Atlas together and each applies
three filters, against one app process or against `make serve` (K processes behind nginx).

    python -m bench.load [--sessions 10,30,50] [--processes 1] [--json FILE]

Each session is its own browser context (a person), several to a Chromium instance. It
opens the page (initial load: until the match count shows with the app idle), then picks
the table's most common symptom, a body area and types a search word, each a rerun timed
until the new count shows with the app idle. A session fails when any step errs or takes
over --timeout seconds, or an exception box shows. Per N: failed sessions, initial-load
and rerun p50 and p95, the app processes' CPU seconds and their summed peak memory. It
only ever talks to loopback, and stops by itself.

On this machine the browsers share the 2 cores with the server: at large N the clients'
own drawing is part of what slows every session down, so the figures are an upper bound
of what a room of phones would see.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import threading
import time
from pathlib import Path

import numpy as np
from playwright.async_api import Browser, async_playwright

from bench.bench_browser import ANY_COUNT, COUNT_SHOWN
from bench.server import CHROMIUM, CHROMIUM_FLAGS, Server
from causes import Query, count_line, load_cause_table, run_query
from causes.config import BUNDLED_TABLE
from deploy.serve import Stack, free_port

PAGES_PER_BROWSER = 10


def _steps() -> tuple[str, str, str, list[str]]:
    table = load_cause_table(BUNDLED_TABLE)
    symptom = table.facets["symptoms"].terms[0]
    area = table.facets["body_areas"].terms[0]
    word = "night"
    counts = [
        count_line(run_query(table, Query(symptoms=(symptom,)))),
        count_line(run_query(table, Query(symptoms=(symptom,), areas=(area,)))),
        count_line(run_query(table, Query(symptoms=(symptom,), areas=(area,), text=word))),
    ]
    return symptom, area, word, counts


async def _session(browser: Browser, url: str, steps, timeout_ms: float) -> dict:
    symptom, area, word, counts = steps
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    out: dict = {"ok": False, "reruns": []}
    try:
        start = time.perf_counter()
        await page.goto(url, wait_until="commit", timeout=timeout_ms)
        await page.wait_for_function(COUNT_SHOWN, arg=[ANY_COUNT, True], polling=100, timeout=timeout_ms)
        out["load"] = time.perf_counter() - start

        async def rerun(prepare, trigger, expected: str) -> None:
            """Time from the keypress that asks for the rerun to the new count, idle."""
            await prepare()
            began = time.perf_counter()
            await trigger()
            await page.wait_for_function(COUNT_SHOWN, arg=[expected, False], polling=100, timeout=timeout_ms)
            out["reruns"].append(time.perf_counter() - began)

        def typed(label: str, value: str):
            async def prepare() -> None:
                await page.get_by_role("combobox", name=label).click()
                await page.keyboard.type(value)

            return prepare

        async def choose() -> None:
            await page.keyboard.press("Enter")
            await page.keyboard.press("Escape")

        await rerun(typed("Symptoms", symptom), choose, counts[0])
        await page.get_by_text("More filters").click()
        await rerun(typed("Body areas", area), choose, counts[1])
        box = page.get_by_role("textbox", name="Search")

        async def fill() -> None:
            await box.fill(word)

        await rerun(fill, lambda: box.press("Enter"), counts[2])
        failed_box = await page.get_by_test_id("stException").count()
        out["ok"] = not errors and not failed_box
        if errors or failed_box:
            out["error"] = "; ".join(errors) or "an exception box"
    except Exception as e:  # a timeout or a closed page: this session failed
        out["error"] = f"{type(e).__name__}: {str(e).splitlines()[0][:200]}"
    finally:
        await context.close()
    return out


async def _room(url: str, n: int, timeout_s: float) -> list[dict]:
    steps = _steps()
    async with async_playwright() as pw:
        browsers = [
            await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            for _ in range(-(-n // PAGES_PER_BROWSER))
        ]
        try:
            return await asyncio.gather(
                *(_session(browsers[i // PAGES_PER_BROWSER], url, steps, timeout_s * 1000) for i in range(n))
            )
        finally:
            for b in browsers:
                await b.close()


def _run_apart(make_coroutine):
    """Run a coroutine to its end on an event loop of its own thread (the caller may be
    inside one already, as a test using Playwright's sync API is)."""
    outcome: dict = {}

    def target() -> None:
        try:
            outcome["value"] = asyncio.run(make_coroutine())
        except BaseException as e:  # handed back to the caller
            outcome["error"] = e

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / 100  # utime + stime, in clock ticks of 1/100 s


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _pct(values: list[float], q: float) -> float | None:
    return float(np.percentile(values, q)) if values else None


def measure(url: str, pids: list[int], n: int, timeout_s: float) -> dict:
    cpu_before = sum(_cpu_seconds(p) for p in pids)
    peak = [0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], sum(_rss_mb(p) for p in pids if Path(f"/proc/{p}").exists()))
            time.sleep(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    began = time.perf_counter()
    sessions = _run_apart(lambda: _room(url, n, timeout_s))
    wall = time.perf_counter() - began
    done.set()
    sampler.join()
    loads = [s["load"] for s in sessions if "load" in s]
    reruns = [r for s in sessions for r in s["reruns"]]
    return {
        "sessions": n,
        "failed": sum(not s["ok"] for s in sessions),
        "errors": sorted({s["error"] for s in sessions if s.get("error")})[:5],
        "load_p50": _pct(loads, 50),
        "load_p95": _pct(loads, 95),
        "rerun_p50": _pct(reruns, 50),
        "rerun_p95": _pct(reruns, 95),
        "server_cpu_s": sum(_cpu_seconds(p) for p in pids if Path(f"/proc/{p}").exists()) - cpu_before,
        "server_peak_rss_mb": peak[0],
        "wall_s": wall,
    }


def run(sizes: list[int], processes: int, timeout_s: float) -> list[dict]:
    """The load test at each size against one process (`processes` 1, served directly) or
    against K processes behind nginx."""
    out = []
    if processes == 1:
        server = Server(timeout=120)
        url, pids, stop = server.url, [server.proc.pid], server.stop
    else:
        stack = Stack(port=free_port(), processes=processes)
        stack.start()
        url, pids, stop = stack.url, [a.proc.pid for a in stack.apps], stack.stop
    try:
        for n in sizes:
            figures = measure(url, pids, n, timeout_s)
            figures["processes"] = processes
            out.append(figures)
            print(
                f"  {processes} process(es), {n:>3} sessions: {figures['failed']} failed;"
                f" load p50 {figures['load_p50'] or 0:.1f} s, p95 {figures['load_p95'] or 0:.1f} s;"
                f" rerun p50 {figures['rerun_p50'] or 0:.2f} s, p95 {figures['rerun_p95'] or 0:.2f} s;"
                f" server CPU {figures['server_cpu_s']:.0f} s, peak RSS {figures['server_peak_rss_mb']:.0f} MB",
                flush=True,
            )
    finally:
        stop()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", default="10,30,50,100", help="comma-separated room sizes")
    parser.add_argument("--processes", type=int, default=1, help="1: one process; K > 1: make serve's stack")
    parser.add_argument("--timeout", type=float, default=120, help="seconds a step may take before it fails")
    parser.add_argument("--json", help="also write the figures here")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sessions.split(",")]
    figures = run(sizes, args.processes, args.timeout)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))
    print(json.dumps({f["sessions"]: f["failed"] for f in figures}))
    return 0 if not any(f["failed"] for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
