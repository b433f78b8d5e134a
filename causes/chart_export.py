"""Charts as files: PNG and SVG, each with its title and the data source line on it.

Images are drawn by kaleido in a headless Chromium on this machine (Debian's
/usr/bin/chromium, which kaleido finds itself). Nothing may leave the machine: plotly.js
comes from the plotly package, MathJax (which kaleido would load from a CDN) is off, and
that Chromium is given a proxy on a closed loopback port, so the requests Chromium makes
of its own accord go nowhere."""

from __future__ import annotations

import copy
import os
from typing import Literal

import plotly.graph_objects as go
import plotly.io as pio

from causes.export import APP_NAME, not_diagnosis
from causes.i18n import _
from causes.text import plot_escape
from causes.theme import BACKGROUND, SOFT_INK, font

pio.defaults.mathjax = False
# Port 9 (discard) on loopback: nothing listens there, so Chromium's own background
# requests fail at once instead of going out. kaleido's browser library reads this.
os.environ.setdefault("CHOREO_PROXY_SERVER", "127.0.0.1:9")

ImageFormat = Literal["png", "svg"]
WIDTH = 1400
MIME = {"png": "image/png", "svg": "image/svg+xml"}


def source_line(table_name: str, day: str) -> str:
    """The line that says where a chart's data comes from, in this run's language."""
    # Translators: at the foot of a chart file: {app} is the app's name, {table} the cause
    # table's name (a file name), {day} a date (2026-11-24).
    line = _("Source: {app}, cause table {table}, {day}.").format(app=APP_NAME, table=table_name, day=day)
    return f"{line} {not_diagnosis()}"


def for_export(fig: go.Figure, title: str, source: str) -> go.Figure:
    """A copy of the figure with a title (its own, else `title`) and the source line at
    its foot, ready to be saved as a file. The figure on the page is left as it is."""
    out = go.Figure(copy.deepcopy(fig.to_dict()))
    if not (out.layout.title and out.layout.title.text):
        out.update_layout(title=dict(text=plot_escape(title), x=0, xanchor="left"))
    bottom = (out.layout.margin.b or 40) + 50
    out.update_layout(margin=dict(b=bottom), paper_bgcolor=BACKGROUND)
    out.add_annotation(
        text=plot_escape(source),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="top",
        yshift=-bottom + 30,
        showarrow=False,
        font=font(color=SOFT_INK),
    )
    return out


def chart_file(fig: go.Figure, fmt: ImageFormat) -> bytes:
    """The figure drawn as a PNG (twice the pixels, for print) or an SVG."""
    height = fig.layout.height or 600
    return fig.to_image(format=fmt, width=WIDTH, height=height, scale=2 if fmt == "png" else 1)
