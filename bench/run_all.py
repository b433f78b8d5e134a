"""`make bench`: every benchmark of issue 7 in one run, then the report.

1. The core, in a fresh process per size (so each size's memory is its own): generated
   tables of 1,000, 10,000, 100,000 and 1,000,000 causes (5 to 50 symptoms each), load and
   validate (a warm-up, then 5 timed loads; one at a million, for time), and 200 varied
   queries (each run 5 times; 3 at a million).
2. In headless Chromium, on a desktop and on a phone profile (390x844, touch, CPU slowed
   4x), on the bundled table and on 20,000 causes: the app beside the bare app (open, pick
   a symptom; bench/bench_browser.py; server memory once, on the desktop run); on the
   bundled table, every page a person opens, with the websocket messages of each step
   (bench/bench_pages.py).
3. The chart pages (Overview, Body map) beside two bare apps that draw one chart with
   Streamlit's `st.plotly_chart` and `st.vega_lite_chart` (bench/bench_charts.py).
4. The report: the figures and plots in bench/README.md (between the `results` markers)
   and bench/plots/*.png; the raw figures in bench/out/results.json.

    python -m bench.run_all [--quick]     # --quick: 1,000 and 10,000 causes, 2 browser runs
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import time

import numpy as np
import pandas as pd

from bench import bench_browser, bench_charts, bench_pages
from bench.bench_query import OUT, ensure_table
from bench.report import write_report
from causes.config import BUNDLED_TABLE

SIZES = (1_000, 10_000, 100_000, 1_000_000)
BROWSER_ROWS = 20_000
# Timed runs after a warm-up: open and pick beside the bare app; every page (a phone run
# takes about a minute).
PICK_RUNS = {"desktop": 5, "phone": 3}
PAGE_RUNS = {"desktop": 2, "phone": 3}
CHART_RUNS = {"desktop": 3, "phone": 5}  # the chart pages beside the bare chart apps


def core(rows: int, quick: bool) -> dict:
    big = rows >= 1_000_000
    out = OUT / f"core-{rows}.json"
    cmd = [
        sys.executable,
        "-m",
        "bench.bench_query",
        f"--rows={rows}",
        "--symptoms-per-cause=0",
        f"--load-runs={1 if big else 5}",
        f"--repeat={1 if big else 3 if quick else 5}",
        f"--json={out}",
    ]
    if not big:
        cmd.append("--warm-up")
    subprocess.run(cmd, check=True)
    return json.loads(out.read_text())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run_all", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes and 2 browser runs: a smoke test")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    sizes = SIZES[:2] if args.quick else SIZES
    results: dict = {
        "date": datetime.date.today().isoformat(),
        "machine": (
            f"{os.cpu_count()} cores, Python {platform.python_version()}, pandas {pd.__version__},"
            f" numpy {np.__version__}"
        ),
        "core": [],
        "browser": [],
    }
    phases: dict[str, float] = {}
    for rows in sizes:
        print(f"\n== core: {rows:,} causes", flush=True)
        began = time.perf_counter()
        results["core"].append(core(rows, args.quick))
        phases[f"core, {rows:,} causes"] = time.perf_counter() - began
    results["pages"] = []
    for profile in (bench_browser.DESKTOP, bench_browser.PHONE):
        runs = 2 if args.quick else PICK_RUNS[profile.name]
        for label, rows in (("bundled table", 0), (f"{BROWSER_ROWS:,} causes", BROWSER_ROWS)):
            path = ensure_table(rows, 0, 0) if rows else BUNDLED_TABLE
            print(f"\n== browser, {profile.name}: {label}, beside the bare app", flush=True)
            began = time.perf_counter()
            figures = bench_browser.run(path, runs, profile, memory=profile is bench_browser.DESKTOP)
            figures["label"] = label
            results["browser"].append(figures)
            phases[f"browser, {profile.name}, {label}"] = time.perf_counter() - began
            if rows:  # every page on the bundled table only: 4 minutes saved, no target lost
                continue
            print(f"\n== every page, {profile.name}: {label}", flush=True)
            began = time.perf_counter()
            pages = bench_pages.run(path, 1 if args.quick else PAGE_RUNS[profile.name], profile)
            pages["label"] = label
            results["pages"].append(pages)
            phases[f"every page, {profile.name}, {label}"] = time.perf_counter() - began
    results["charts"] = []
    for profile in (bench_browser.DESKTOP, bench_browser.PHONE):
        print(f"\n== the chart pages beside the bare chart apps, {profile.name}", flush=True)
        began = time.perf_counter()
        results["charts"].append(bench_charts.run(1 if args.quick else CHART_RUNS[profile.name], profile))
        phases[f"chart pages, {profile.name}"] = time.perf_counter() - began
    results["phases"] = phases
    results["seconds"] = time.perf_counter() - started
    (OUT / "results.json").write_text(json.dumps(results, indent=2))
    write_report(results, quick=args.quick)
    print(f"\nmake bench took {results['seconds']:.0f} s; the report is in bench/README.md", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
