"""One look for every chart: the type, the colours of text and grid, the base layout, and
how a page shows a chart (plotly's `config`).

Sizes are for a chart on a page, read from the back of a room. Slides and the body map
(a picture read across a room) use the same type at a larger `scale`.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

FONT_FAMILY = "Source Sans, sans-serif"  # Streamlit's own, so a chart file looks like the page
INK = "#111111"
SOFT_INK = "#333333"  # subtitles, source lines, hover borders
GRID_COLOUR = "#D0D7DE"
BACKGROUND = "#FFFFFF"
FONT_SIZE = 16  # ticks, legends, labels, hover
TITLE_SIZE = 20
PICTURE_SCALE = 18 / FONT_SIZE  # the body map
# Longest axis label, in characters, before it is cut with "…" (hover shows it whole).
LABEL_CHARS = 40

# For st.plotly_chart(config=...): a chart to read and click, no toolbar, no zooming.
CHART_CONFIG: dict[str, Any] = {"displayModeBar": False, "scrollZoom": False}
# A picture to click (the body map): a double click does not clear the choice either.
PICTURE_CONFIG: dict[str, Any] = {**CHART_CONFIG, "doubleClick": False}


def font(size: float = FONT_SIZE, color: str = INK, *, scale: float = 1.0) -> dict[str, Any]:
    """A plotly font of the theme: `size` px (times `scale`) in `color`."""
    return {"size": round(size * scale), "color": color}


def base_layout(title: str | None = None, height: int | None = None, *, scale: float = 1.0) -> dict[str, Any]:
    """The layout every chart starts from: the theme's type and hover label, a white
    ground, and (when given) a title at the top left and the height."""
    text = font(scale=scale)
    layout: dict[str, Any] = dict(
        font=dict(family=FONT_FAMILY, **text),
        hoverlabel=dict(font=text, bgcolor=BACKGROUND, bordercolor=SOFT_INK),
        paper_bgcolor=BACKGROUND,
        plot_bgcolor=BACKGROUND,
    )
    if title is not None:
        layout["title"] = dict(text=title, font=font(TITLE_SIZE, scale=scale), x=0, xanchor="left")
    if height is not None:
        layout["height"] = height
    return layout


def scaled(fig: go.Figure, scale: float, height: int) -> go.Figure:
    """The figure with all its type at the theme's size times `scale` (a slide's charts),
    `height` px tall."""
    text = font(scale=scale)
    fig.update_layout(font=text, height=height, hoverlabel=dict(font=text))
    fig.update_xaxes(tickfont=text, title_font=text)
    fig.update_yaxes(tickfont=text, title_font=text)
    for a in fig.layout.annotations:
        a.font = text
    if fig.layout.legend is not None:
        fig.update_layout(legend=dict(font=text, title=dict(font=text)))
    return fig
