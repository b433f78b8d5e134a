"""What every chart offers beside itself: PNG and SVG files with its title and source."""

from __future__ import annotations

from datetime import date
from functools import partial

import plotly.graph_objects as go
import streamlit as st

from causes import CauseTable, Query
from causes.chart_export import MIME as CHART_MIME
from causes.chart_export import chart_file, for_export
from causes.chart_export import source_line as chart_source_line
from causes.export import export_name
from causes.i18n import _, deferred


def chart_downloads(table: CauseTable, fig: go.Figure, title: str, name: str | Query, kind: str, key: str) -> None:
    """PNG and SVG of a chart, with its title and the source line on it. The files are
    drawn only when a button is clicked."""
    today = date.today()
    source = chart_source_line(table.name, today.isoformat())

    def draw(fmt: str) -> bytes:
        return chart_file(for_export(fig, title, source), fmt)

    with st.container(horizontal=True, gap="small", key=f"{key}-downloads"):
        for fmt, label in (("png", "PNG"), ("svg", "SVG")):
            st.download_button(
                # Translators: a button that downloads a chart; {format} is "PNG" or "SVG".
                _("Chart as {format}").format(format=label),
                data=deferred(partial(draw, fmt)),
                file_name=export_name(name, kind, today, fmt),
                mime=CHART_MIME[fmt],
                on_click="ignore",
                icon=":material/image:",
                type="tertiary",
                key=f"{key}-{fmt}",
            )
