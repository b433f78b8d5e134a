"""causes/theme.py: one look for every chart."""

from __future__ import annotations

import plotly.graph_objects as go

from causes.theme import CHART_CONFIG, FONT_SIZE, PICTURE_CONFIG, TITLE_SIZE, base_layout, scaled


def test_base_layout_sets_the_type_and_a_left_title():
    fig = go.Figure(layout=base_layout("T", 300))
    assert fig.layout.font.size == FONT_SIZE and fig.layout.font.family
    assert fig.layout.title.font.size == TITLE_SIZE and fig.layout.title.x == 0
    assert fig.layout.height == 300 and fig.layout.hoverlabel.font.size == FONT_SIZE
    assert "title" not in base_layout()


def test_scaled_makes_every_text_larger():
    fig = go.Figure(go.Bar(x=[1], y=[1]), layout=base_layout("T", 300))
    fig.add_annotation(text="a", x=1, y=1)
    out = scaled(fig, 22 / FONT_SIZE, 400)
    assert out.layout.height == 400
    assert out.layout.font.size == out.layout.xaxis.tickfont.size == out.layout.annotations[0].font.size == 22


def test_the_picture_config_is_the_chart_config_without_double_click():
    assert PICTURE_CONFIG == {**CHART_CONFIG, "doubleClick": False}
    assert CHART_CONFIG["displayModeBar"] is False
