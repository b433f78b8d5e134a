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
# Issue 27: the next question in under 50 ms at 20,000 causes, judged at 100,000 (the
# harder case; the core sizes stay four, so that `make bench` keeps under 10 minutes).
QUESTION_TARGET_MS, QUESTION_TARGET_ROWS = 50.0, 100_000
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
    if QUESTION_TARGET_ROWS in by_rows and "next_question" in by_rows[QUESTION_TARGET_ROWS]:
        q = by_rows[QUESTION_TARGET_ROWS]["next_question"]
        rows.append(
            (
                "the next question in under 50 ms (p95) at 20,000 causes: at 100,000",
                f"{q['median']:.2f} ms median (p95 {q['p95']:.0f} ms)",
                _verdict(q["p95"], QUESTION_TARGET_MS),
            )
        )
    for b in results["browser"]:
        phone = b.get("profile") == "phone"
        for measure, words in (("open", "open the page"), ("pick", "pick a symptom")):
            ours, bare = b["apps"]["Cause Atlas"][measure], b["apps"]["bare app"][measure]
            ratio = ours["median"] / bare["median"]
            against = f"{ratio:.2f}x ({ours['median']:.2f} s against {bare['median']:.2f} s)"
            if not phone:
                rows.append(
                    (f"{words}, {b['label']}: within 1.3x of the bare app", against, _verdict(ratio, RATIO_TARGET))
                )
                continue
            limit = PHONE_RATIO.get((measure, b["label"] == BUNDLED))
            if limit is not None:
                rows.append(
                    (f"phone: {words}, {b['label']}: within {limit}x of the bare app", against, _verdict(ratio, limit))
                )
            if measure == "pick" and b["label"] == BUNDLED:
                rows.append(
                    (
                        f"phone: pick a symptom, {BUNDLED}: under {PHONE_PICK_S} s",
                        _range(ours, " s"),
                        _verdict(ours["median"], PHONE_PICK_S),
                    )
                )
    for b in results["browser"]:
        if b.get("profile") != "phone" and b["label"] == BUNDLED:  # issue 26: the desktop's pick
            ours, bare = b["apps"]["Cause Atlas"]["pick"], b["apps"]["bare app"]["pick"]
            ratio = ours["median"] / bare["median"]
            rows.append(
                (
                    f"desktop: pick a symptom, {BUNDLED}: within {DESKTOP_PICK_RATIO}x of the bare app",
                    f"{ratio:.2f}x ({ours['median']:.2f} s against {bare['median']:.2f} s)",
                    _verdict(ratio, DESKTOP_PICK_RATIO),
                )
            )
    for c in results.get("charts", []):
        if c["profile"] != "phone":
            continue
        floor = c["pages"][BARE_PLOTLY]
        for name in CHART_PAGES:
            page = c["pages"][name]
            drawn, words = page["chart"], page["words"]
            rows.append(
                (
                    f"phone: {name}'s chart drawn in under {CHART_S:.0f} s",
                    _range(drawn, " s"),
                    _verdict(drawn["median"], CHART_S),
                )
            )
            rows.append(
                (
                    f"phone: {name}'s chart drawn before the bare `st.plotly_chart` app's, same run",
                    f"{drawn['median']:.2f} s against {floor['chart']['median']:.2f} s",
                    _verdict(drawn["median"], floor["chart"]["median"]),
                )
            )
            ratio = words["median"] / floor["words"]["median"]
            rows.append(
                (
                    f"phone: {name}'s words within {WORDS_RATIO}x of the bare `st.plotly_chart` app's",
                    f"{ratio:.2f}x ({words['median']:.2f} s against {floor['words']['median']:.2f} s)",
                    _verdict(ratio, WORDS_RATIO),
                )
            )
    for p in results.get("pages", []):
        if p["profile"] != "phone" or p["label"] != BUNDLED:
            continue
        for step, s in p["steps"].items():
            if step.endswith((".open", ".text")):
                words, limit = f"phone: {STEP_WORDS[step]}, first render under {FIRST_RENDER_S:.0f} s", FIRST_RENDER_S
            elif step in CHART_CLICKS:
                words, limit = f"phone: {STEP_WORDS[step]}, answered within {CLICK_S:.0f} s", CLICK_S
            else:
                continue
            rows.append((words, _range(s, " s"), _verdict(s["median"], limit)))
    return rows


BUNDLED = "bundled table"
# Issue 18, on the phone profile: (measure, bundled table?) -> the ratio to the bare app.
PHONE_RATIO = {("open", True): 1.2, ("pick", True): 1.5, ("pick", False): 1.0}
PHONE_PICK_S = 0.6
# Issue 26: the chart pages beside the framework's chart floor (bench/bench_charts.py).
DESKTOP_PICK_RATIO = 1.5
CHART_S = 5.0
WORDS_RATIO = 1.3
BARE_PLOTLY = "bare st.plotly_chart"
CHART_PAGES = ("Overview", "Body map")
FIRST_RENDER_S = 3.0
CLICK_S = 1.0
CHART_CLICKS = ("overview.click", "body.tap")
STEP_WORDS = {
    "explore.open": "open Explore",
    "explore.pick": "pick a symptom",
    "explore.cause": "open a cause",
    "overview.text": "open Overview: its words",
    "overview.open": "open Overview",
    "overview.click": "click a bar (Overview)",
    "body.text": "open the Body map: its words",
    "body.open": "open the Body map",
    "body.tap": "click an area (Body map)",
    "compare.text": "open Compare: its words",
    "compare.open": "open Compare from a link",
    "present.open": "open Present",
    "present.next": "Next (Present)",
    "room.open": "open a live room (audience)",
    "room.follow": "follow the presenter's Next",
}


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
        ("next_question", "median", "#D55E00", "solid"),
        ("next_question", "p95", "#D55E00", "dot"),
    ):
        fig.add_trace(
            go.Scatter(
                x=x,
                y=[c[key][stat] if key in c else None for c in core],
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
                xs.append(f"{b.get('profile', 'desktop')}: {measure}, {b['label']}")
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


def _with_memory(results: dict) -> list[dict]:
    return [b for b in results["browser"] if "rss_sessions_mb" in b["apps"]["Cause Atlas"]]


def memory_plot(results: dict) -> go.Figure:
    fig = go.Figure()
    measured = _with_memory(results)
    for b in measured:
        for app, colour in APP_COLOURS.items():
            a = b["apps"][app]
            steps = [("loaded", a["rss_loaded_mb"])] + [(f"{n} sessions", v) for n, v in a["rss_sessions_mb"].items()]
            fig.add_trace(
                go.Scatter(
                    x=[s for s, _ in steps],
                    y=[v for _, v in steps],
                    mode="lines+markers",
                    name=f"{app}, {b['label']}",
                    line={"color": colour, "dash": "solid" if b is measured[-1] else "dot"},
                )
            )
    fig.update_layout(height=440, title="Server memory (RSS, MB)", yaxis_title="MB", yaxis_rangemode="tozero")
    return fig


PAGE_COLOURS = {"desktop": "#0072B2", "phone": "#D55E00"}


def pages_plot(results: dict) -> go.Figure:
    """Every step's median, desktop beside phone, one panel a table."""
    runs = results.get("pages", [])
    labels = list(dict.fromkeys(p["label"] for p in runs))
    fig = make_subplots(rows=max(len(labels), 1), cols=1, subplot_titles=labels, vertical_spacing=0.12)
    for row, label in enumerate(labels, start=1):
        for p in (p for p in runs if p["label"] == label):
            steps = list(p["steps"])
            ys = [p["steps"][k]["median"] for k in steps]
            fig.add_trace(
                go.Bar(
                    x=steps,
                    y=ys,
                    name=p["profile"],
                    legendgroup=p["profile"],
                    showlegend=row == 1,
                    marker_color=PAGE_COLOURS.get(p["profile"], "#999999"),
                    text=[f"{y:.1f}" for y in ys],
                    textposition="outside",
                ),
                row=row,
                col=1,
            )
        fig.update_yaxes(title_text="seconds", row=row, col=1)
    fig.update_layout(
        barmode="group",
        height=380 * max(len(labels), 1) + 80,
        title="Every page, desktop beside phone (median seconds from the action to the page idle)",
    )
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
        " facet_counts median / p95 (ms) | next_question median / p95 (ms) | RSS loaded / peak (MB) |",
        "|---:|---:|---|---:|---:|---|---|---|---|",
    ]
    for c in results["core"]:
        lines.append(
            f"| {c['rows']:,} | {c['file_mb']:,.0f} MB | {_range(c['load_s'])} | {c['load_s']['runs']} |"
            f" {c.get('repeat', '')} |"
            f" {c['run_query']['median']:.2f} / {c['run_query']['p95']:.1f} |"
            f" {c['facet_counts']['median']:.2f} / {c['facet_counts']['p95']:.1f} |"
            + (
                f" {c['next_question']['median']:.2f} / {c['next_question']['p95']:.1f} |"
                if "next_question" in c
                else " |"
            )
            + f" {c['rss_loaded_mb']:,.0f} / {c['rss_peak_mb']:,.0f} |"
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
        "| profile | table | measure | Cause Atlas (s) | bare app (s) | ratio | runs |",
        "|---|---|---|---|---|---:|---:|",
    ]
    for b in results["browser"]:
        for measure in ("open", "pick"):
            ours, bare = b["apps"]["Cause Atlas"][measure], b["apps"]["bare app"][measure]
            lines.append(
                f"| {b.get('profile', 'desktop')} | {b['label']} | {measure} | {_range(ours)} | {_range(bare)} |"
                f" {ours['median'] / bare['median']:.2f}x | {ours['runs']} |"
            )
    lines += [
        "",
        "Timed runs after a warm-up run, the apps taking turns; the symptom picked is the table's most"
        f" common ({', '.join(dict.fromkeys(repr(b['symptom']) for b in results['browser']))}). The phone"
        " profile is Chromium at 390x844 with touch, its CPU slowed 4 times (DevTools protocol).",
    ]
    charts = results.get("charts", [])
    if charts:
        lines += [
            "",
            "### The chart pages beside the framework's chart floor",
            "",
            "Seconds from asking for the page, in a new browser session, to its first words shown and"
            " to its chart drawn (median, min to max), the pages taking turns in one run"
            " (bench/bench_charts.py). The bare apps draw one 9x4 stacked bar chart with Streamlit's own"
            " elements (bench/bare_chart.py); Cause Atlas draws with its own plotly.js (scatter, bar and"
            " treemap: 1.25 MB against the 4.7 MB of Streamlit's plotly chunk).",
            "",
            "| page | " + " | ".join(f"{c['profile']}: words | {c['profile']}: chart" for c in charts) + " |",
            "|---|" + "---|---|" * len(charts),
        ]
        for name in charts[0]["pages"]:
            cells = []
            for c in charts:
                r = c["pages"][name]
                cells += [_range(r["words"]), _range(r["chart"])]
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        lines += ["", "Timed runs: " + ", ".join(f"{c['profile']}: {c['runs']}" for c in charts) + "."]
    pages = results.get("pages", [])
    if pages:
        columns = [(p["profile"], p["label"]) for p in pages]
        lines += [
            "",
            "### Every page",
            "",
            f"![Every step's median, desktop beside phone]({plots}/pages.png)",
            "",
            "Seconds from the action to the page idle with its answer shown (median, min to max), and the"
            " websocket messages the step received; each page opened in a new browser session"
            " (bench/bench_pages.py).",
            "",
            "| step | " + " | ".join(f"{prof}, {label}" for prof, label in columns) + " |",
            "|---|" + "---|" * len(columns),
        ]
        for step in STEP_WORDS:
            cells = []
            for p in pages:
                s = p["steps"].get(step)
                cells.append(f"{_range(s)}, {s['messages']} msgs" if s else "")
            lines.append(f"| {STEP_WORDS[step]} (`{step}`) | " + " | ".join(cells) + " |")
        lines += ["", "Timed runs: " + ", ".join(f"{p['profile']}, {p['label']}: {p['runs']}" for p in pages) + "."]
    lines += [
        "",
        "",
        "### Server memory",
        "",
        f"![Server memory with the table loaded and with 1, 10 and 30 sessions]({plots}/memory.png)",
        "",
        "| table | app | loaded (MB) | 1 session | 10 sessions | 30 sessions |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for b in _with_memory(results):
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
        ("pages", pages_plot(results)),
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
