"""Time loading a large cause table and querying it.

    python -m bench.bench_query                  # 100,000 causes, 20 symptoms each
    python -m bench.bench_query --rows 1000000   # slow to generate and load; needs ~10 GB of memory

The table is generated once with bench.generate and cached under bench/out/ (gitignored).
Each of --queries varied queries runs --repeat times after a warm-up; a query's time is the
median of its runs, and the figures are the median, p95, min and max over the queries.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import platform
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from causes.content import Glossary
from causes.loader import load_cause_table
from causes.query import Query, facet_counts, run_query
from causes.questions import next_question
from causes.table import CauseTable
from tests.support.generate import GENERATOR_VERSION, write_glossary, write_table

OUT = Path(__file__).resolve().parent / "out"
# Words for free-text queries: symptom words, cause-name words, words of the explanations.
TEXT_WORDS = ("night", "cramp", "myopathy", "calves", "tingling", "diary", "type", "stress", "hereditary", "blood")
TEXT_WORDS += ("zzz",)  # matches nothing: a whole scan


KINDS = ("no filter", "symptoms only", "symptoms + filters", "symptoms + text", "filters only", "text only")


def table_path(rows: int, symptoms_per_cause: int, seed: int) -> Path:
    shape = symptoms_per_cause or "5-50"
    return OUT / f"causes-{rows}x{shape}-seed{seed}-v{GENERATOR_VERSION}.csv"


def ensure_table(rows: int, symptoms_per_cause: int, seed: int) -> Path:
    """The cached synthetic table, written first when missing (`symptoms_per_cause` 0:
    5 to 50 a cause, at random)."""
    path = table_path(rows, symptoms_per_cause, seed)
    if not path.exists():
        print(f"writing {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path} ...", flush=True)
        start = time.perf_counter()
        write_table(path, rows, seed=seed, symptoms_per_cause=symptoms_per_cause or None)
        print(f"  written in {time.perf_counter() - start:.1f} s", flush=True)
    return path


def make_queries(table: CauseTable, count: int, seed: int) -> list[tuple[str, Query]]:
    """Varied queries, each with its kind. Most choose 1 to 3 symptoms, from the popular ones
    (the 50 most common) and the rest, any or all, sometimes with an area, category or
    urgency filter, sometimes with free text; some have no symptom (text only, filters
    only, or nothing: the first page shows all causes)."""
    rng = random.Random(seed)
    symptoms = table.facets["symptoms"].terms
    popular, rest = symptoms[:50], symptoms[50:] or symptoms
    areas = table.facets["body_areas"].terms
    categories = table.categories
    urgencies = table.facets["urgency"].terms

    def filters() -> dict[str, tuple[str, ...]]:
        fields: dict[str, tuple[str, ...]] = {}
        if rng.random() < 0.5:
            fields["areas"] = (rng.choice(areas),)
        if rng.random() < 0.5:
            fields["categories"] = (rng.choice(categories),)
        if urgencies and (rng.random() < 0.3 or not fields):
            fields["urgencies"] = (rng.choice(urgencies),)
        return fields

    def text() -> str:
        return " ".join(rng.sample(TEXT_WORDS, rng.choice((1, 1, 2))))

    queries: list[tuple[str, Query]] = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.03:
            queries.append(("no filter", Query()))
            continue
        if roll < 0.13:
            queries.append(("text only", Query(text=text())))
            continue
        if roll < 0.23:
            queries.append(("filters only", Query(**filters())))
            continue
        picks = (rng.choice(popular) if rng.random() < 0.5 else rng.choice(rest) for _ in range(rng.randint(1, 3)))
        chosen = tuple(dict.fromkeys(picks))
        match = "all" if rng.random() < 0.3 else "any"
        roll = rng.random()
        if roll < 0.35:
            queries.append(("symptoms + filters", Query(symptoms=chosen, match=match, **filters())))
        elif roll < 0.55:
            queries.append(("symptoms + text", Query(symptoms=chosen, match=match, text=text())))
        else:
            queries.append(("symptoms only", Query(symptoms=chosen, match=match)))
    return queries


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter_ns()
    fn()
    return (time.perf_counter_ns() - start) / 1e6


def stats(values: list[float]) -> tuple[int, float, float, float, float]:
    return (
        len(values),
        statistics.median(values),
        float(np.percentile(values, 95)),
        min(values),
        max(values),
    )


def time_queries(table: CauseTable, queries: list[tuple[str, Query]], repeat: int) -> dict[str, list[float]]:
    """Per query, the median of `repeat` runs (ms), for run_query, for facet_counts and for
    the next question to ask about its causes (causes.questions, issue 27)."""
    for _, q in queries[: min(len(queries), 20)]:  # warm-up: caches, lazy imports, allocator
        facet_counts(table, run_query(table, q))
    out: dict[str, list[float]] = {"run_query": [], "facet_counts": [], "next_question": [], "hits": []}
    by_kind: dict[str, list[float]] = {}
    gc.collect()
    for kind, q in queries:
        result = run_query(table, q)
        out["run_query"].append(statistics.median(_timed(lambda q=q: run_query(table, q)) for _ in range(repeat)))
        out["facet_counts"].append(
            statistics.median(_timed(lambda r=result: facet_counts(table, r)) for _ in range(repeat))
        )
        out["next_question"].append(
            statistics.median(_timed(lambda r=result, q=q: next_question(table, r, q)) for _ in range(repeat))
        )
        out["hits"].append(len(result))
        by_kind.setdefault(kind, []).append(out["run_query"][-1])
    out.update({f"  {kind}": v for kind, v in sorted(by_kind.items(), key=lambda kv: KINDS.index(kv[0]))})
    return out


def _peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_query", description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="causes in the table (default 100,000)")
    parser.add_argument(
        "--symptoms-per-cause", type=int, default=20, metavar="K", help="default 20; 0: 5 to 50 at random"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the table and the queries (default 0)")
    parser.add_argument("--queries", type=int, default=200, help="how many different queries (default 200)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each query; its median counts (default 5)")
    parser.add_argument("--load-runs", type=int, default=3, help="times to load the table (default 3)")
    parser.add_argument("--warm-up", action="store_true", help="load the table once before the timed loads")
    parser.add_argument(
        "--broader",
        choices=("all", "areas"),
        help="load the table with broader terms (tests.support.generate.glossary_rows): for its whole vocabulary,"
        " every symptom in a three-level tree; or for its body areas and risk factors only",
    )
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    if min(args.rows, args.queries, args.repeat, args.load_runs) < 1:
        parser.error("--rows, --queries, --repeat and --load-runs must be at least 1")

    path = ensure_table(args.rows, args.symptoms_per_cause, args.seed)
    print(
        f"Cause Atlas query benchmark, {datetime.date.today().isoformat()}, Python {platform.python_version()},"
        f" pandas {pd.__version__}, numpy {np.__version__}, {os.cpu_count()} CPUs"
    )
    size_mb = path.stat().st_size / 1e6
    shape = args.symptoms_per_cause or "5 to 50"
    print(f"table: {path.name}, {args.rows:,} causes x {shape} symptoms, {size_mb:.0f} MB")

    glossary = None
    if args.broader:
        written = write_glossary(OUT / f"glossary-{args.broader}-seed{args.seed}.csv", args.seed, args.broader == "all")
        glossary = Glossary.load(written)
    if glossary is not None:
        print(f"broader terms: {sum(1 for t in glossary.named if t.broader):,} links from the generated glossary")
    loads: list[float] = []
    table: CauseTable | None = None
    if args.warm_up:
        table = load_cause_table(path, glossary=glossary or Glossary())
    for _ in range(args.load_runs):
        table = None
        gc.collect()
        start = time.perf_counter()
        table = load_cause_table(path, glossary=glossary or Glossary())
        loads.append(time.perf_counter() - start)
    assert table is not None
    gc.collect()
    rss_loaded = _rss_mb()
    load_line = f"load_cause_table: median {statistics.median(loads):.2f} s"
    if len(loads) > 1:
        load_line += f" (min {min(loads):.2f}, max {max(loads):.2f}; {len(loads)} runs)"
    print(load_line)

    queries = make_queries(table, args.queries, args.seed)
    timings = time_queries(table, queries, args.repeat)
    hits = timings.pop("hits")
    print(
        f"{len(queries)} queries x {args.repeat} runs; matches per query: median {statistics.median(hits):,.0f},"
        f" min {min(hits):,}, max {max(hits):,}"
    )
    print()
    print(f"{'(milliseconds)':<22} {'n':>5} {'median':>8} {'p95':>8} {'min':>8} {'max':>8}")
    for label in ("run_query", *(k for k in timings if k.startswith("  ")), "facet_counts", "next_question"):
        n, med, p95, lo, hi = stats(timings[label])
        print(f"{label:<22} {n:>5} {med:>8.2f} {p95:>8.2f} {lo:>8.2f} {hi:>8.2f}")
    print()
    print(f"memory (RSS) with the table loaded: {rss_loaded:,.0f} MB; peak {_peak_rss_mb():,.0f} MB")
    if args.json:
        figures = {
            "rows": args.rows,
            "broader": args.broader,
            "file_mb": size_mb,
            "load_s": {"median": statistics.median(loads), "min": min(loads), "max": max(loads), "runs": len(loads)},
            "rss_loaded_mb": rss_loaded,
            "rss_peak_mb": _peak_rss_mb(),
            "queries": len(queries),
            "repeat": args.repeat,
        }
        for label in ("run_query", "facet_counts", "next_question", *(k for k in timings if k.startswith("  "))):
            n, med, p95, lo, hi = stats(timings[label])
            figures[label.strip()] = {"n": n, "median": med, "p95": p95, "min": lo, "max": hi}
        Path(args.json).write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
