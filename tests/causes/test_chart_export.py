"""Charts as PNG and SVG files, with their title and source line."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from causes.chart_export import chart_file, for_export, source_line


def bars(title: str | None = None) -> go.Figure:
    fig = go.Figure(go.Bar(x=[3, 5], y=["Nervous system", "Benign"], orientation="h"))
    if title:
        fig.update_layout(title=title)
    return fig


@pytest.mark.parametrize(
    ("own_title", "expected"),
    [(None, "Causes per category"), ("Its own title", "Its own title")],
)
def test_for_export_keeps_a_title_and_adds_the_source_line(own_title, expected):
    fig = bars(own_title)
    out = for_export(fig, "Causes per category", source_line("causes.csv", "2026-11-24"))
    assert out.layout.title.text == expected
    assert [a.text for a in out.layout.annotations][-1] == (
        "Source: Cause Atlas, cause table causes.csv, 2026-11-24. Education, not diagnosis."
    )
    assert not fig.layout.annotations  # the figure on the page is untouched


def test_table_text_in_the_title_and_source_stays_text():
    out = for_export(bars(), "<b>x</b> $y$", source_line("<script>.csv", "2026-11-24"))
    assert out.layout.title.text == "&lt;b&gt;x&lt;/b&gt; &#36;y&#36;"
    assert "&lt;script&gt;.csv" in out.layout.annotations[-1].text


def test_png_and_svg_files_hold_the_chart_title_and_source():
    out = for_export(bars(), "Causes per category", source_line("causes.csv", "2026-11-24"))
    png = chart_file(out, "png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    svg = chart_file(out, "svg").decode("utf-8")
    assert svg.lstrip().startswith("<svg")
    assert "Causes per category" in svg and "Source: Cause Atlas, cause table causes.csv" in svg
    assert "Nervous system" in svg
    # self-contained: no reference to anything outside the file but the SVG namespaces
    refs = [r for r in svg.split('"') if r.startswith(("http://", "https://"))]
    assert all(r.startswith(("http://www.w3.org/",)) for r in refs), refs
