"""Cause Atlas beside the bare app (bench/bare_app.py) in real headless Chromium.

For a table, each app is served on its own loopback port, both at once, and timed after a
warm-up over --runs rounds in which the apps take turns (the order alternating), so that
the noise of this shared machine falls on both alike:

- open: from asking for the page, in a new browser session, to the match count shown with
  the app idle;
- pick: from clicking a symptom in the Symptoms box to the new count shown with the app
  idle (the most common symptom: the largest answer; or --symptom, to time two versions
  on one pick), with the websocket messages the page received for it (how many, and
  their bytes: each element the page sends or changes is one);
- memory: the server's resident memory (RSS) once the table is loaded, and with 1, 10 and
  30 sessions open on it (websocket sessions that each run the page, bench/sessions.py).

    python -m bench.bench_browser [--rows 20000] [--runs 5] [--profile desktop|phone] [--symptom NAME]
                                  [--before DIR]
                                  # --rows 0: the bundled table; --before: another checkout
                                  # of the app (a git worktree), timed in the same turns

Profiles: `desktop`, Chromium at 1280x900; `phone`, Chromium at 390x844 with touch, as
a mobile page, its CPU slowed 4 times through the DevTools protocol
(`Emulation.setCPUThrottlingRate`), as most people read health pages on a phone, with a
phone browser's user agent (Chrome on Android: the app gives a phone its lighter list).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

from bench.sessions import open_sessions
from causes import Query, count_line, load_cause_table, run_query
from causes.config import BUNDLED_TABLE
from tests.support.server import CHROMIUM, CHROMIUM_FLAGS, IDLE, ROOT, Server

BARE = ROOT / "bench" / "bare_app.py"
APPS = {"Cause Atlas": ROOT / "app.py", "bare app": BARE}
SESSIONS = (1, 10, 30)


@dataclass(frozen=True)
class Profile:
    """A browser to time in: its window, whether it is a phone, and how much slower its
    CPU runs than this machine's."""

    name: str
    width: int
    height: int
    mobile: bool = False
    cpu_slowdown: float = 1.0
    user_agent: str | None = None


# Chrome on Android, as it says itself (the reduced user agent every Chrome now sends).
PHONE_AGENT = (
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36"
)
DESKTOP = Profile("desktop", 1280, 900)
PHONE = Profile("phone", 390, 844, mobile=True, cpu_slowdown=4.0, user_agent=PHONE_AGENT)
PROFILES = {p.name: p for p in (DESKTOP, PHONE)}


def new_page(browser: Browser, profile: Profile = DESKTOP) -> Page:
    """A page in a new browser session (a new Streamlit session), as `profile`."""
    context = browser.new_context(
        viewport={"width": profile.width, "height": profile.height},
        is_mobile=profile.mobile,
        has_touch=profile.mobile,
        **({"user_agent": profile.user_agent} if profile.user_agent else {}),
    )
    page = context.new_page()
    count_messages(page)
    if profile.cpu_slowdown != 1.0:
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": profile.cpu_slowdown})
    return page


class Messages:
    """The websocket messages a page has received so far: how many, and their bytes."""

    def __init__(self) -> None:
        self.count = 0
        self.bytes = 0

    def add(self, payload: str | bytes) -> None:
        self.count += 1
        self.bytes += len(payload)


def count_messages(page: Page) -> Messages:
    """Count the messages the page's websockets receive from now on (`page.messages`)."""
    messages = Messages()
    page.on("websocket", lambda ws: ws.on("framereceived", messages.add))
    page.messages = messages  # type: ignore[attr-defined]
    return messages


# True once the app is idle, at least `plots` plotly charts are drawn, and a text under
# `selector` equals `needle` (or matches it, a regular expression), when one is given.
READY = f"""([selector, needle, isRegex, plots]) => {{
  if (!document.querySelector("{IDLE}")) return false;
  const drawn = [...document.querySelectorAll(".js-plotly-plot")].filter((g) => g.querySelector(".main-svg"));
  if (drawn.length < plots) return false;
  if (!needle) return true;
  const test = isRegex ? (t) => new RegExp(needle).test(t) : (t) => t === needle;
  return [...document.querySelectorAll(selector)].some((e) => test(e.textContent.trim()));
}}"""
STRONG = "[data-testid='stMarkdownContainer'] strong"  # the match count is bold
ANY_COUNT = r"^[\d,]+ of [\d,]+ causes? match(es)?$"
TIMEOUT = 120_000


def ready(page: Page, selector: str = "", needle: str = "", regex: bool = False, plots: int = 0) -> None:
    page.wait_for_function(READY, arg=[selector, needle, regex, plots], polling="raf", timeout=TIMEOUT)


def shown(page: Page, expected: str, regex: bool = False) -> None:
    """The app idle with the match count reading `expected` (or matching it)."""
    ready(page, STRONG, expected, regex)


def time_open(browser: Browser, url: str, profile: Profile = DESKTOP) -> tuple[float, Page]:
    page = new_page(browser, profile)
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    shown(page, ANY_COUNT, regex=True)
    return time.perf_counter() - start, page


def time_pick(page: Page, symptom: str, expected: str) -> tuple[float, int, int]:
    """Seconds from the click on the symptom to the new count shown with the app idle, and
    the websocket messages (and bytes) the page received meanwhile."""
    page.get_by_role("combobox", name="Symptoms").click()
    page.keyboard.type(symptom)
    option = page.get_by_role("option", name=re.compile(rf"^{re.escape(symptom)}( \([\d,]+\))?$"))
    option.wait_for()
    messages: Messages = page.messages  # type: ignore[attr-defined]
    before = messages.count, messages.bytes
    start = time.perf_counter()
    option.click()
    shown(page, expected)
    seconds = time.perf_counter() - start
    return seconds, messages.count - before[0], messages.bytes - before[1]


def summary(values: list[float]) -> dict[str, float]:
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "runs": len(values),
    }


def pick_and_close(page: Page, symptom: str, expected: str) -> tuple[float, int, int]:
    picked = time_pick(page, symptom, expected)
    page.context.close()
    return picked


def bench_apps(
    browser: Browser, servers: dict[str, Server], symptom: str, expected: str, runs: int, profile: Profile = DESKTOP
) -> dict:
    """Open and pick on every app, a warm-up run each, then `runs` rounds in which each app
    takes its turn (the order alternating), so that the machine's ups and downs fall on
    all apps alike and the ratios compare like with like."""
    out: dict[str, dict] = {}
    times: dict[str, dict[str, list[float]]] = {
        name: {"open": [], "pick": [], "messages": [], "bytes": []} for name in servers
    }
    for name, server in servers.items():  # warm-up: the server, its caches, the browser
        seconds, page = time_open(browser, server.url, profile)
        out[name] = {"rss_loaded_mb": server.rss_mb()}
        pick_and_close(page, symptom, expected)
    names = list(servers)
    for i in range(runs):
        for name in names if i % 2 == 0 else names[::-1]:
            seconds, page = time_open(browser, servers[name].url, profile)
            times[name]["open"].append(seconds)
            picked, count, size = pick_and_close(page, symptom, expected)
            times[name]["pick"].append(picked)
            times[name]["messages"].append(count)
            times[name]["bytes"].append(size)
    for name in names:
        out[name].update({key: summary(values) for key, values in times[name].items()})
    return out


def sessions_memory(server: Server) -> dict[str, float]:
    """RSS with 1, 10 and 30 sessions open at once. The sessions are websockets speaking
    Streamlit's protocol (bench/sessions.py): each runs the first page, as a browser tab
    opening it does, and stays open; the sessions of a step are opened together."""
    out: dict[str, float] = {}
    with open_sessions(server.url) as add:
        held = 0
        for n in SESSIONS:
            add(n - held)
            held = n
            time.sleep(1)
            out[str(n)] = server.rss_mb()
    return out


def run(
    table_path: Path,
    runs: int,
    profile: Profile = DESKTOP,
    memory: bool = True,
    symptom: str | None = None,
    before: Path | None = None,
) -> dict:
    table = load_cause_table(table_path)
    symptom = symptom or table.facets["symptoms"].terms[0]  # by default the most common: the largest answer
    expected = count_line(run_query(table, Query(symptoms=(symptom,))))
    results: dict = {
        "table": table_path.name,
        "causes": len(table),
        "symptom": symptom,
        "profile": profile.name,
        "apps": {},
    }
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        servers: dict[str, Server] = {}
        try:
            apps = APPS | ({"before": before / "app.py"} if before is not None else {})
            for name, script in apps.items():
                servers[name] = Server(data=table_path, script=script, timeout=120)
            results["apps"] = bench_apps(browser, servers, symptom, expected, runs, profile)
            for name, server in servers.items():
                result = results["apps"][name]
                if memory:  # the server's memory does not depend on the browser's profile
                    result["rss_sessions_mb"] = sessions_memory(server)
                print(
                    f"  {name:<12} {profile.name}: open {result['open']['median']:.2f} s,"
                    f" pick {result['pick']['median']:.2f} s ({result['messages']['median']:.0f} messages,"
                    f" {result['bytes']['median'] / 1000:.0f} kB), RSS {result['rss_loaded_mb']:.0f} MB loaded,"
                    f" {result.get('rss_sessions_mb', 'not measured')} with sessions",
                    flush=True,
                )
        except Exception:
            for server in servers.values():
                print(server.logs(), file=sys.stderr)
            raise
        finally:
            for server in servers.values():
                server.stop()
            browser.close()
    ours, bare = results["apps"]["Cause Atlas"], results["apps"]["bare app"]
    results["ratio"] = {k: ours[k]["median"] / bare[k]["median"] for k in ("open", "pick")}
    if before is not None:
        then = results["apps"]["before"]
        results["before_ratio"] = {k: then[k]["median"] / bare[k]["median"] for k in ("open", "pick")}
    return results


def main(argv: list[str] | None = None) -> int:
    from bench.bench_query import ensure_table

    parser = argparse.ArgumentParser(prog="python -m bench.bench_browser", description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000, help="causes in a generated table; 0: the bundled one")
    parser.add_argument("--runs", type=int, default=5, help="timed runs after a warm-up (default 5)")
    parser.add_argument("--profile", choices=sorted(PROFILES), default="desktop")
    parser.add_argument("--symptom", help="the symptom to pick (default: the most common)")
    parser.add_argument("--before", type=Path, help="another checkout of the app, timed beside this one")
    parser.add_argument("--no-memory", action="store_true", help="skip the sessions' memory")
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args(argv)
    path = BUNDLED_TABLE if args.rows == 0 else ensure_table(args.rows, 0, 0)
    results = run(
        path, args.runs, PROFILES[args.profile], memory=not args.no_memory, symptom=args.symptom, before=args.before
    )
    print(json.dumps({"ratio": results["ratio"], "before": results.get("before_ratio")}))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
