"""The chart pages beside the framework's chart floor, in real headless Chromium, in the
same run: Cause Atlas's Overview (its bar chart) and Body map (its figure), and two bare
apps that draw one 9x4 stacked bar chart with Streamlit's own elements
(bench/bare_chart.py: `st.plotly_chart`, which loads Streamlit's full plotly.js chunk, and
`st.vega_lite_chart`). Each opening is a new browser session, the pages taking turns
(the order alternating), timed twice: words shown (the page's first text) and chart drawn.

    python -m bench.bench_charts [--runs 5] [--profile phone|desktop] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from bench.bench_browser import ANY_COUNT, PROFILES, STRONG, TIMEOUT, Profile, new_page, ready, summary
from causes.config import BUNDLED_TABLE
from tests.support.server import CHROMIUM, CHROMIUM_FLAGS, IDLE, ROOT, Server

BARE = ROOT / "bench" / "bare_chart.py"
# A chart drawn: plotly's first SVG (Cause Atlas's and st.plotly_chart's), or Vega's canvas.
DRAWN = """(selector) => [...document.querySelectorAll(selector)].some((e) => e.getBoundingClientRect().height > 50)"""
PLOTLY = ".js-plotly-plot .main-svg"
VEGA = "[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg"


def pages(cause_atlas: str, plotly_app: str, vega_app: str) -> dict[str, tuple[str, str, str]]:
    """Each page timed: its link, the words that show it is there, and its chart."""
    return {
        "bare st.plotly_chart": (plotly_app, "A bare chart app", PLOTLY),
        "bare st.vega_lite_chart": (vega_app, "A bare chart app", VEGA),
        "Overview": (cause_atlas + "/overview", ANY_COUNT, PLOTLY),
        "Body map": (cause_atlas + "/body", ANY_COUNT, PLOTLY),
    }


def time_page(browser: Browser, profile: Profile, url: str, words: str, chart: str) -> tuple[float, float]:
    """Seconds to the words shown and to the chart drawn, in a new browser session."""
    page = new_page(browser, profile)
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    ready(page, STRONG, words, regex=True)
    shown = time.perf_counter() - start
    page.wait_for_function(DRAWN, arg=chart, polling="raf", timeout=TIMEOUT)
    drawn = time.perf_counter() - start
    page.wait_for_selector(IDLE, timeout=TIMEOUT)
    page.context.close()
    return shown, drawn


def run(runs: int, profile: Profile) -> dict:
    servers: dict[str, Server] = {}
    try:
        servers["atlas"] = Server(data=BUNDLED_TABLE, timeout=120)
        servers["plotly"] = Server(script=BARE, timeout=120, args=["plotly"])
        servers["vega"] = Server(script=BARE, timeout=120, args=["vega"])
        plan = pages(servers["atlas"].url, servers["plotly"].url, servers["vega"].url)
        times: dict[str, dict[str, list[float]]] = {name: {"words": [], "chart": []} for name in plan}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            try:
                for url, words, chart in plan.values():  # warm-up: servers, caches, the browser
                    time_page(browser, profile, url, words, chart)
                names = list(plan)
                for i in range(runs):
                    for name in names if i % 2 == 0 else names[::-1]:
                        shown, drawn = time_page(browser, profile, *plan[name])
                        times[name]["words"].append(shown)
                        times[name]["chart"].append(drawn)
            finally:
                browser.close()
    finally:
        for server in servers.values():
            server.stop()
    results = {
        "profile": profile.name,
        "runs": runs,
        "pages": {name: {k: summary(v) for k, v in t.items()} for name, t in times.items()},
    }
    for name, r in results["pages"].items():
        print(
            f"  {name:<24} {profile.name}: words {r['words']['median']:.2f} s, chart {r['chart']['median']:.2f} s",
            flush=True,
        )
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_charts", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs after a warm-up (default 5)")
    parser.add_argument("--profile", choices=sorted(PROFILES), default="phone")
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args(argv)
    results = run(args.runs, PROFILES[args.profile])
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
