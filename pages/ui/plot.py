"""Every chart of the app, drawn in the browser by the app's own plotly.js bundle
(`static/plotly-cause-atlas.min.js`: scatter, bar and treemap, built by `make bundle`)
through a custom component, instead of `st.plotly_chart`, whose full plotly.js chunk
costs a phone about 4 s more (issue 26; bench/README.md). The figures stay plotly figures
from `causes/`; a click reports the points as `st.plotly_chart` does, so
`causes.selection` and `causes.bodymap` read either."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st

from causes.i18n import _, pgettext
from causes.theme import CHART_CONFIG

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "static" / "plotly-cause-atlas.min.js"
_JS = (Path(__file__).with_name("plot.js")).read_text(encoding="utf-8")
_CSS = (
    ".ca-plot{width:100%}.ca-plot-figure{width:100%}"
    ".ca-plot-failed{padding:0.75rem 1rem;border:1px solid #D55E00;border-radius:0.5rem}"
    ".ca-plot-failed button{min-height:44px;margin-left:0.5rem;padding:0 1rem}"
)

COMPONENT = "cause_atlas.plot"
_component = st.components.v2.component(COMPONENT, js=_JS, css=_CSS, isolate_styles=False)


@cache
def bundle_url() -> str:
    """Where the page loads the bundle: Streamlit's static files (`server.enableStaticServing`)
    under the app's base path, with the file's hash, so a new build is never read from an
    old cache."""
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    digest = hashlib.sha256(BUNDLE.read_bytes()).hexdigest()[:12]
    return f"{'/' + base if base else ''}/app/static/{BUNDLE.name}?v={digest}"


def _words() -> dict[str, str]:
    """What the browser says when the chart library does not load, and a chart's name for a
    screen reader when it has no alt text, in this run's language."""
    return {
        "failed": _("The chart could not be loaded. The same figures are in its table."),
        "again": pgettext("load a chart again", "Try again"),
        "chart": _("Chart"),
    }


def plot(
    fig: go.Figure,
    *,
    key: str,
    alt: str,
    config: Mapping[str, Any] = CHART_CONFIG,
    on_select: Callable[[], None] | None = None,
    select: bool = False,
    narrow: go.Figure | None = None,
) -> Mapping[str, Any] | None:
    """Draw `fig`, described by `alt` for a screen reader; in a column narrower than
    560 px (a phone), `narrow` instead when given (the same marks, laid out for it: the
    browser chooses, so no round trip). With `select` (or an `on_select` callback, run
    before the next run's widgets exist), a click selects: the points clicked, as
    `{"points": [...]}`, are returned, and kept under `key` until the next click."""
    selecting = select or on_select is not None
    callbacks = {"on_selection_change": on_select or (lambda: None)} if selecting else {}
    result = _component(
        key=key,
        data={
            "spec": pio.to_json(fig, validate=False),
            "narrow": None if narrow is None else pio.to_json(narrow, validate=False),
            "config": dict(config),
            "alt": alt,
            "src": bundle_url(),
            "select": selecting,
            "words": _words(),
        },
        **callbacks,
    )
    if not selecting:
        return None
    return getattr(result, "selection", None)
