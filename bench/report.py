"""The benchmark report: tables of the figures, the targets met or not (by how much), and
plots drawn with plotly (kaleido on the machine's Chromium), written into bench/README.md
between its `results` markers."""

from __future__ import annotations

from pathlib import Path

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from causes.chart_export import chart_file

HERE = Path(__file__).resolve().parent
README = HERE / "README.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"
LOAD_TARGET_S, LOAD_TARGET_ROWS = 5.0, 100_000
QUERY_TARGET_MS, QUERY_TARGET_ROWS = 10.0, 1_000_000
RATIO_TARGET = 1.3
APP_COLOURS = {"Cause Atlas": "#0072B2", "bare app": "#E69F00"}


def _range(s: dict, unit: str = "", digits: int = 2) -> str:
    return f"{s['median']:.{digits}f}{unit} ({s['min']:.{digits}f} to {s['max']:.{digits}f})"


def _verdict(value: float, limit: float) -> str:
    if value <= limit:
        return "met"
    return f"**not met**: {value / limit:.2f}x the target"


RUN_TARGET_S = 600.0


def targets(results: dict) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = [
        (
            "`make bench` in under 10 minutes (the benchmarks; set-up not included)",
            f"{results['seconds'] / 60:.1f} minutes",
            _verdict(results["seconds"], RUN_TARGET_S),
        )
    ]
    by_rows = {c["rows"]: c for c in results["core"]}
    if LOAD_TARGET_ROWS in by_rows:
        load = by_rows[LOAD_TARGET_ROWS]["load_s"]
        rows.append(("load 100,000 causes in under 5 s", _range(load, " s"), _verdict(load["median"], LOAD_TARGET_S)))
    if QUERY_TARGET_ROWS in by_rows:
        q = by_rows[QUERY_TARGET_ROWS]["run_query"]
        rows.append(
            (
                "a query on 1,000,000 causes in under 10 ms (median)",
                f"{q['median']:.2f} ms median (p95 {q['p95']:.0f} ms)",
                _verdict(q["median"], QUERY_TARGET_MS),
            )
        )
    for b in results["browser"]:
        for measure, words in (("open", "open the page"), ("pick", "pick a symptom")):
            ours, bare = b["apps"]["Cause Atlas"][measure], b["apps"]["bare app"][measure]
            ratio = ours["median"] / bare["median"]
            rows.append(
                (
                    f"{words}, {b['label']}: within 1.3x of the bare app",
                    f"{ratio:.2f}x ({ours['median']:.2f} s against {bare['median']:.2f} s)",
                    _verdict(ratio, RATIO_TARGET),
                )
            )
    return rows


def _target(x: float, y: float, name: str) -> go.Scatter:
    return go.Scatter(x=[x], y=[y], mode="markers", marker={"symbol": "x", "size": 14, "color": "#D55E00"}, name=name)


def core_plot(results: dict) -> go.Figure:
    core = results["core"]
    x = [c["rows"] for c in core]
    fig = make_subplots(rows=1, cols=2, subplot_titles=("Load and validate (s)", "One query (ms)"))
    load = [c["load_s"] for c in core]
    fig.add_trace(
        go.Scatter(
            x=x,
            y=[s["median"] for s in load],
            error_y={
                "type": "data",
                "symmetric": False,
                "array": [s["max"] - s["median"] for s in load],
                "arrayminus": [s["median"] - s["min"] for s in load],
            },
            mode="lines+markers",
            name="load (median, min to max)",
            line={"color": "#0072B2"},
        ),
        row=1,
        col=1,
    )
    fig.add_trace(_target(LOAD_TARGET_ROWS, LOAD_TARGET_S, "target: 5 s at 100,000"), row=1, col=1)
    for key, stat, colour, dash in (
        ("run_query", "median", "#0072B2", "solid"),
        ("run_query", "p95", "#0072B2", "dot"),
        ("facet_counts", "median", "#009E73", "solid"),
        ("facet_counts", "p95", "#009E73", "dot"),
    ):
        fig.add_trace(
            go.Scatter(
                x=x,
                y=[c[key][stat] for c in core],
                mode="lines+markers",
                name=f"{key} {stat}",
                line={"color": colour, "dash": dash},
            ),
            row=1,
            col=2,
        )
    fig.add_trace(_target(QUERY_TARGET_ROWS, QUERY_TARGET_MS, "target: 10 ms at 1,000,000"), row=1, col=2)
    fig.update_xaxes(type="log", title_text="causes in the table")
    fig.update_yaxes(type="log")
    fig.update_layout(height=520, title="The core at every size", legend={"orientation": "h", "y": -0.25})
    return fig


def browser_plot(results: dict) -> go.Figure:
    fig = go.Figure()
    for app, colour in APP_COLOURS.items():
        xs, ys, hi, lo = [], [], [], []
        for b in results["browser"]:
            for measure in ("open", "pick"):
                s = b["apps"][app][measure]
                xs.append(f"{measure}, {b['label']}")
                ys.append(s["median"])
                hi.append(s["max"] - s["median"])
                lo.append(s["median"] - s["min"])
        fig.add_trace(
            go.Bar(
                x=xs,
                y=ys,
                name=app,
                marker_color=colour,
                error_y={"type": "data", "symmetric": False, "array": hi, "arrayminus": lo},
                text=[f"{y:.2f} s" for y in ys],
                textposition="outside",
            )
        )
    fig.update_layout(
        barmode="group",
        height=480,
        title="In Chromium: Cause Atlas beside the bare app (median, min to max)",
        yaxis_title="seconds",
    )
    return fig


def memory_plot(results: dict) -> go.Figure:
    fig = go.Figure()
    for b in results["browser"]:
        for app, colour in APP_COLOURS.items():
            a = b["apps"][app]
            steps = [("loaded", a["rss_loaded_mb"])] + [(f"{n} sessions", v) for n, v in a["rss_sessions_mb"].items()]
            fig.add_trace(
                go.Scatter(
                    x=[s for s, _ in steps],
                    y=[v for _, v in steps],
                    mode="lines+markers",
                    name=f"{app}, {b['label']}",
                    line={"color": colour, "dash": "solid" if b is results["browser"][-1] else "dot"},
                )
            )
    fig.update_layout(height=440, title="Server memory (RSS, MB)", yaxis_title="MB", yaxis_rangemode="tozero")
    return fig


def markdown(results: dict, plots: str) -> str:
    lines = [
        START,
        f"## Results: {results['date']}",
        "",
        f"Written by `make bench` in {results['seconds'] / 60:.1f} minutes on this machine ({results['machine']}).",
        "Medians, with min and max, of the runs stated; the machine is noisy, so read ratios and medians.",
        "",
        "### Targets",
        "",
        "| target | measured | |",
        "|---|---|---|",
        *(f"| {t} | {m} | {v} |" for t, m, v in targets(results)),
        "",
        "### The core",
        "",
        f"![Load time and query time against table size, log scales]({plots}/core.png)",
        "",
        "| causes | file | load (s) | load runs | runs a query | run_query median / p95 (ms) |"
        " facet_counts median / p95 (ms) | RSS loaded / peak (MB) |",
        "|---:|---:|---|---:|---:|---|---|---|",
    ]
    for c in results["core"]:
        lines.append(
            f"| {c['rows']:,} | {c['file_mb']:,.0f} MB | {_range(c['load_s'])} | {c['load_s']['runs']} |"
            f" {c.get('repeat', '')} |"
            f" {c['run_query']['median']:.2f} / {c['run_query']['p95']:.1f} |"
            f" {c['facet_counts']['median']:.2f} / {c['facet_counts']['p95']:.1f} |"
            f" {c['rss_loaded_mb']:,.0f} / {c['rss_peak_mb']:,.0f} |"
        )
    lines += [
        "",
        "Query kinds (run_query, median / p95 ms):",
        "",
        "| causes | " + " | ".join(k for k in KINDS) + " |",
        "|---:|" + "---|" * len(KINDS),
    ]
    for c in results["core"]:
        cells = [f"{c[k]['median']:.2f} / {c[k]['p95']:.1f}" if k in c else "" for k in KINDS]
        lines.append(f"| {c['rows']:,} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "### In the browser",
        "",
        f"![Open and pick times, Cause Atlas beside the bare app]({plots}/browser.png)",
        "",
        "| table | measure | Cause Atlas (s) | bare app (s) | ratio |",
        "|---|---|---|---|---:|",
    ]
    for b in results["browser"]:
        for measure in ("open", "pick"):
            ours, bare = b["apps"]["Cause Atlas"][measure], b["apps"]["bare app"][measure]
            lines.append(
                f"| {b['label']} | {measure} | {_range(ours)} | {_range(bare)} |"
                f" {ours['median'] / bare['median']:.2f}x |"
            )
    runs = results["browser"][0]["apps"]["Cause Atlas"]["open"]["runs"] if results["browser"] else 0
    lines += [
        "",
        f"{runs} timed runs each, after a warm-up run; the symptom picked is the table's most common"
        f" ({', '.join(repr(b['symptom']) for b in results['browser'])}).",
        "",
        "### Server memory",
        "",
        f"![Server memory with the table loaded and with 1, 10 and 30 sessions]({plots}/memory.png)",
        "",
        "| table | app | loaded (MB) | 1 session | 10 sessions | 30 sessions |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for b in results["browser"]:
        for app in APP_COLOURS:
            a = b["apps"][app]
            s = a["rss_sessions_mb"]
            lines.append(
                f"| {b['label']} | {app} | {a['rss_loaded_mb']:,.0f} | {s['1']:,.0f} | {s['10']:,.0f} |"
                f" {s['30']:,.0f} |"
            )
    phases = results.get("phases") or {}
    if phases:
        lines += [
            "",
            "### Where the run's time went",
            "",
            "| part | minutes |",
            "|---|---:|",
            *(f"| {name} | {seconds / 60:.1f} |" for name, seconds in phases.items()),
            f"| the rest (the report, its plots) | {(results['seconds'] - sum(phases.values())) / 60:.1f} |",
            "",
            "A core part includes writing its generated table the first time (the tables are cached"
            " in `bench/out/`, so a second run is quicker).",
        ]
    lines.append(END)
    return "\n".join(lines)


KINDS = ("no filter", "symptoms only", "symptoms + filters", "symptoms + text", "filters only", "text only")


def write_report(results: dict, quick: bool = False) -> Path:
    """Plots and figures; a quick run writes beside the raw figures, not into the README."""
    target = HERE / "out" / "quick" if quick else HERE
    plots = target / "plots"
    plots.mkdir(parents=True, exist_ok=True)
    for name, fig in (
        ("core", core_plot(results)),
        ("browser", browser_plot(results)),
        ("memory", memory_plot(results)),
    ):
        (plots / f"{name}.png").write_bytes(chart_file(fig, "png"))
    text = markdown(results, "plots")
    readme = target / "README.md"
    if quick:
        readme.write_text(text + "\n")
        return readme
    current = README.read_text()
    if START in current and END in current:
        before, rest = current.split(START, 1)
        after = rest.split(END, 1)[1]
        README.write_text(before + text + after)
    else:
        README.write_text(current.rstrip("\n") + "\n\n" + text + "\n")
    return README
