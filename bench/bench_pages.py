"""Every page a person opens, timed in real headless Chromium on a profile (a desktop, or a
phone: `bench_browser.PHONE`), with the websocket messages each step receives.

Each run opens every page in a new browser session and times, from the action to the
page idle with what the action asked for on screen:

| step | the action | done when |
|---|---|---|
| `explore.open` | open Explore | the match count is shown |
| `explore.pick` | click the most common symptom in the Symptoms box | the new count is shown |
| `explore.cause` | open the first cause (a desktop's card button, a phone's row) | the dialog shows its summary |
| `overview.text` | open Overview | the count is shown, the chart perhaps not yet |
| `overview.open` | (the same opening) | the open tab's chart is drawn as well |
| `overview.click` | click the bar of the largest category | its causes' heading is shown |
| `body.text` | open the Body map | the count is shown, the figure perhaps not yet |
| `body.open` | (the same opening) | the figure is drawn as well |
| `body.tap` | click the figure's largest area (or bar) | the link names it and its count is shown |
| `compare.text` | open Compare from a link naming two causes | their differences are shown |
| `compare.open` | (the same opening) | their chart is drawn as well |
| `present.open` | open Present | "Slide 1 of N" is shown |
| `present.next` | click Next | "Slide 2 of N" is shown |
| `room.open` | open a live room's audience page from its link | the room's slide is shown |
| `room.follow` | the presenter moves to slide 2 (through the store) | the phone shows slide 2 |

A page with a chart is timed twice in one opening: when its words are there (`.text`,
what a person can read while plotly loads) and when its chart is drawn too (`.open`).

The server runs with a room store of its own (a SQLite file in a temporary folder), in
which the benchmark opens the room the audience page joins.

    python -m bench.bench_pages [--rows 0] [--runs 3] [--profile phone|desktop] [--json PATH]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote_plus, urlencode

from playwright.sync_api import Browser, Page, WebSocket, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from bench.bench_browser import ANY_COUNT, DESKTOP, PROFILES, STRONG, TIMEOUT, Profile, new_page, ready, summary
from causes import CauseTable, Query, count_line, load_cause_table, run_query
from causes.bodymap import area_view
from causes.config import BUNDLED_TABLE, ROOMS_VAR
from causes.figures import CATEGORY, category_data, make_key
from causes.room import open_store
from causes.view import View
from tests.support.plotly_dom import MARK
from tests.support.server import CHROMIUM, CHROMIUM_FLAGS, Server

STEPS = (
    "explore.open",
    "explore.pick",
    "explore.cause",
    "overview.text",
    "overview.open",
    "overview.click",
    "body.text",
    "body.open",
    "body.tap",
    "compare.text",
    "compare.open",
    "present.open",
    "present.next",
    "room.open",
    "room.follow",
)
TEXT = "[data-testid='stMarkdownContainer'] p"
HEADING = "h1, h2, h3, h4"
DIALOG = "[role='dialog'] [data-testid='stMarkdownContainer'] strong"


@dataclass
class Frames:
    """The websocket messages a page has received, counted."""

    count: int = 0

    def watch(self, page: Page) -> None:
        def on_socket(ws: WebSocket) -> None:
            ws.on("framereceived", lambda _: self._add())

        page.on("websocket", on_socket)

    def _add(self) -> None:
        self.count += 1


@dataclass
class Steps:
    """Each step's times and message counts over the runs."""

    seconds: dict[str, list[float]] = field(default_factory=lambda: {s: [] for s in STEPS})
    messages: dict[str, list[int]] = field(default_factory=lambda: {s: [] for s in STEPS})

    def timed(self, step: str, frames: Frames, act: Callable[[], object], done: Callable[[], object]) -> None:
        before = frames.count
        start = time.perf_counter()
        act()
        done()
        self._add(step, start, frames.count - before)

    def opened(
        self,
        browser: Browser,
        profile: Profile,
        step: str,
        url: str,
        done: Callable[[Page], object],
        words: Callable[[Page], object] | None = None,
    ) -> tuple[Page, Frames]:
        """A page opened at `url` in a new browser session, timed as `step` until `done`;
        with `words`, also timed until those are shown, as `step`'s `.text` twin."""
        frames = Frames()
        page = new_page(browser, profile)
        frames.watch(page)
        start = time.perf_counter()
        page.goto(url, wait_until="commit")
        if words is not None:
            words(page)
            self._add(step.replace(".open", ".text"), start, frames.count)
        done(page)
        self._add(step, start, frames.count)
        return page, frames

    def _add(self, step: str, start: float, messages: int) -> None:
        self.seconds[step].append(time.perf_counter() - start)
        self.messages[step].append(messages)

    def result(self) -> dict[str, dict]:
        return {
            s: {**summary(self.seconds[s]), "messages": int(statistics.median(self.messages[s]))}
            for s in STEPS
            if self.seconds[s]
        }


@dataclass(frozen=True)
class Plan:
    """What each step clicks and expects, worked out from the table."""

    symptom: str
    picked_count: str
    first_summary: str
    category: str
    compared: tuple[str, str]
    body_area: str | None  # the largest drawn area (its marks are found on either layout); None: bars
    area_counts: dict[str, str]  # each body area's count line, once clicked

    @classmethod
    def of(cls, table: CauseTable) -> Plan:
        symptom = table.facets["symptoms"].terms[0]  # the most common: the largest answer
        picked = run_query(table, Query(symptoms=(symptom,)))
        everything = run_query(table, Query())
        category = str(category_data(table, everything).frame["Category"].iloc[0])  # most causes first
        shown = area_view(table, everything, ())
        area = None
        if shown.kind == "body":
            on_it = ~shown.rows["On the figure"].isin(["not drawn", "a box between the views"])
            drawn = shown.rows[on_it]["Body area"]
            area = str(drawn.iloc[0]) if len(drawn) else None
        names = [table.record(int(p))["cause"] for p in picked.positions[:2]]
        return cls(
            symptom=symptom,
            picked_count=count_line(picked),
            first_summary=table.record(int(picked.positions[0]))["summary"].strip(),
            category=category,
            compared=(names[0], names[1]),
            body_area=area,
            area_counts={a: count_line(run_query(table, Query(areas=(a,)))) for a in table.facets["body_areas"].terms},
        )


def run_once(
    browser: Browser, base: str, room_url: str, move: Callable[[int], None], plan: Plan, profile: Profile, steps: Steps
) -> None:
    """Every step once, each page in a new browser session."""

    def count_shown(plots: int = 0) -> Callable[[Page], None]:
        return lambda page: ready(page, STRONG, ANY_COUNT, True, plots)

    def text(pattern: str, selector: str = TEXT, plots: int = 0) -> Callable[[Page], None]:
        return lambda page: ready(page, selector, pattern, True, plots)

    page, f = steps.opened(browser, profile, "explore.open", base, count_shown())
    page.get_by_role("combobox", name="Symptoms").click()
    page.keyboard.type(plan.symptom)
    option = page.get_by_role("option", name=re.compile(rf"^{re.escape(plan.symptom)}( \([\d,]+\))?$"))
    option.wait_for()
    steps.timed("explore.pick", f, option.click, lambda: ready(page, STRONG, plan.picked_count))
    page.keyboard.press("Escape")  # the Symptoms box's list closes (it hides the page from the tree)
    # A desktop's first card's button; a phone's first row (the whole row opens it).
    read = (
        page.locator("[class*='st-key-row-'] button").first
        if profile.mobile
        else page.get_by_role("button", name=re.compile("Read the full explanation")).first
    )
    read.scroll_into_view_if_needed()
    steps.timed("explore.cause", f, read.click, lambda: ready(page, DIALOG, plan.first_summary))
    page.context.close()

    page, f = steps.opened(
        browser, profile, "overview.open", base + "/overview", count_shown(plots=1), words=count_shown()
    )
    point = hover_mark(page, make_key(CATEGORY, plan.category))
    heading = rf"{re.escape(plan.category)}: [\d,]+ matching causes?$"
    steps.timed(
        "overview.click",
        f,
        lambda: page.mouse.click(point["x"], point["y"]),
        lambda: ready(page, HEADING, heading, True),
    )
    page.context.close()

    page, f = steps.opened(browser, profile, "body.open", base + "/body", count_shown(plots=1), words=count_shown())
    page.wait_for_function("() => document.querySelector('.js-plotly-plot')._fullLayout")
    chart = page.get_by_test_id("caChart").first
    spot = chart.evaluate(MARK, plan.body_area)  # a target on that area (or, with None, the first bar)

    def tapped() -> None:
        page.wait_for_url(re.compile(r"[?&]area="), timeout=TIMEOUT)
        area = re.search(r"[?&]area=([^&]+)", page.url).group(1)  # type: ignore[union-attr]
        ready(page, STRONG, plan.area_counts[unquote_plus(area)])

    steps.timed("body.tap", f, lambda: page.mouse.click(spot["x"], spot["y"]), tapped)
    page.context.close()

    link = base + "/compare?" + urlencode(View(compare=plan.compared).to_params(("compare",)), doseq=True)
    apart = r"What tells them apart$"
    page, _ = steps.opened(
        browser, profile, "compare.open", link, text(apart, HEADING, plots=1), words=text(apart, HEADING)
    )
    page.context.close()

    page, f = steps.opened(browser, profile, "present.open", base + "/present", text(r"^Slide 1 of \d+$"))
    next_slide = page.get_by_role("button", name=re.compile(r"\bNext\b")).click
    steps.timed("present.next", f, next_slide, lambda: ready(page, TEXT, r"^Slide 2 of \d+$", True))
    page.context.close()

    move(1)
    page, f = steps.opened(browser, profile, "room.open", room_url, text(r"^Slide 1 of \d+$"))
    time.sleep(1)  # the room's push watches this phone once its first run is over
    steps.timed("room.follow", f, lambda: move(2), lambda: ready(page, TEXT, r"^Slide 2 of \d+$", True))
    page.context.close()


def hover_mark(page: Page, key: str) -> dict[str, float]:
    """Point at a chart's mark until plotly shows its hover label (plotly then knows what
    is under the pointer, and a click selects it); where it is on the screen."""
    page.wait_for_function("() => [...document.querySelectorAll('.js-plotly-plot')].every((g) => g._fullLayout)")
    for _ in range(10):
        point = page.get_by_test_id("caChart").first.evaluate(MARK, key)
        page.mouse.move(point["x"], point["y"])
        try:
            page.locator(".hoverlayer .hovertext").first.wait_for(timeout=3_000)
            return point
        except PlaywrightTimeout:
            page.mouse.move(1, 1)
    raise RuntimeError(f"no hover label over the mark {key}")


def warm_up(url: str, code: str) -> None:
    """Each page run once on the server (its modules imported, its caches filled) by a
    session speaking Streamlit's protocol: every timed step opens a new browser session,
    so only the server has anything to warm."""
    from bench.sessions import Person

    async def visit() -> None:
        for page, query in (("", ""), ("overview", ""), ("body", ""), ("compare", ""), ("present", "")):
            person = await Person.open(url, page, query)
            await person.close()
        person = await Person.open(url, "room", f"room={code}")
        await person.close()

    asyncio.run(visit())


def run(table_path: Path, runs: int, profile: Profile = DESKTOP) -> dict:
    """The server warmed up, then `runs` timed runs of every step; medians, min, max, and
    the median messages of each step."""
    table = load_cause_table(table_path)
    plan = Plan.of(table)
    steps = Steps()
    with tempfile.TemporaryDirectory(prefix="cause-atlas-bench-") as folder:
        rooms_file = str(Path(folder) / "rooms.db")
        server = Server(data=table_path, timeout=120, env={ROOMS_VAR: rooms_file})
        rooms = open_store(rooms_file, Path(folder))
        code, secret = rooms.create({})
        room_url = f"{server.url}/room?room={code}"

        def move(slide: int) -> None:
            rooms.set_slide(code, secret, slide)

        try:
            warm_up(server.url, code)  # before Playwright, which runs its own event loop here
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
                try:
                    for _ in range(runs):
                        run_once(browser, server.url, room_url, move, plan, profile, steps)
                finally:
                    browser.close()
        except Exception:
            print(server.logs(), file=sys.stderr)
            raise
        finally:
            server.stop()
    return {
        "table": table_path.name,
        "causes": len(table),
        "profile": profile.name,
        "runs": runs,
        "steps": steps.result(),
    }


def main(argv: list[str] | None = None) -> int:
    from bench.bench_query import ensure_table

    parser = argparse.ArgumentParser(prog="python -m bench.bench_pages", description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=0, help="causes in a generated table; 0: the bundled one")
    parser.add_argument("--runs", type=int, default=3, help="timed runs after a warm-up (default 3)")
    parser.add_argument("--profile", choices=sorted(PROFILES), default="phone")
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args(argv)
    path = BUNDLED_TABLE if args.rows == 0 else ensure_table(args.rows, 0, 0)
    results = run(path, args.runs, PROFILES[args.profile])
    for step, r in results["steps"].items():
        print(f"  {step:<15} {r['median']:.2f} s ({r['min']:.2f} to {r['max']:.2f}), {r['messages']} messages")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
