"""The framework's own chart floor, for bench/bench_charts.py: a bare Streamlit app that
says one line and draws one 9x4 stacked bar chart (9 categories, 4 levels, as the
Overview's first chart), with Streamlit's own chart element:

    streamlit run bench/bare_chart.py -- plotly     # st.plotly_chart (its full plotly.js chunk)
    streamlit run bench/bare_chart.py -- vega       # st.vega_lite_chart
"""

import sys

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

KIND = (sys.argv[1:] or ["plotly"])[0]
CATEGORIES = [f"Category {i}" for i in range(1, 10)]
LEVELS = ["Self-care", "See a doctor", "Urgent", "Emergency"]
COUNTS = [[(3 * i + 2 * j) % 7 + 1 for i in range(len(CATEGORIES))] for j in range(len(LEVELS))]

st.markdown("**A bare chart app**")
if KIND == "plotly":
    bars = [go.Bar(name=level, y=CATEGORIES, x=row, orientation="h") for level, row in zip(LEVELS, COUNTS, strict=True)]
    fig = go.Figure(bars)
    fig.update_layout(barmode="stack", height=420)
    st.plotly_chart(fig, config={"displayModeBar": False})
else:
    rows = [
        {"category": c, "level": lv, "causes": n}
        for lv, row in zip(LEVELS, COUNTS, strict=True)
        for c, n in zip(CATEGORIES, row, strict=True)
    ]
    st.vega_lite_chart(
        pd.DataFrame(rows),
        {
            "mark": "bar",
            "encoding": {
                "y": {"field": "category", "type": "nominal"},
                "x": {"field": "causes", "type": "quantitative", "stack": True},
                "color": {"field": "level", "type": "nominal"},
            },
            "height": 360,
        },
    )
