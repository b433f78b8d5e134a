"""Body map: a drawn figure, front and back, each body area shaded by how many of the
matching causes are felt there. Clicking an area adds it to the body-area filter."""

from functools import partial

import streamlit as st

from causes.bodymap import area_view, clicked_area, with_area
from causes.text import md_escape
from causes.theme import PICTURE_CONFIG as PLOTLY_CONFIG
from pages import common

CLICKS = "bodymap_clicks"

table = common.active_table()
st.title("Body map")
common.table_caption(table)
query, result = common.filter_panel(table)


def chosen_from(chart_key: str) -> None:
    """Runs before the next run's widgets exist, so it may set the area filter. A fresh
    chart key after every click leaves no old selection to toggle off."""
    area = clicked_area(st.session_state[chart_key].selection)
    if area:
        st.session_state["area"] = with_area(st.session_state.get("area"), area, table)
    st.session_state[CLICKS] = st.session_state.get(CLICKS, 0) + 1


view = area_view(table, result, query.areas)
st.markdown(
    "Click a part of the body to show the causes felt there. Each part you click is added to **Body areas** "
    "under More filters, where you can remove it again."
    if view.kind == "body"
    else "This table's body areas are not the ones drawn on the figure, so they are shown as bars: "
    "click a bar to show the causes felt there."
)
key = f"bodymap-{st.session_state.get(CLICKS, 0)}"
st.plotly_chart(
    view.figure,
    key=key,
    on_select=partial(chosen_from, key),
    selection_mode="points",
    config=PLOTLY_CONFIG,
    alt=view.alt,
)
if view.note:
    st.caption(md_escape(view.note))
common.chart_downloads(table, view.figure, view.alt, query, "body-map", "bodymap")
with st.expander("Show as a table"):
    st.dataframe(view.rows, hide_index=True)

common.result_heading(query, result)
common.linked_cause(table, query)
common.ranked_list(table, query, result, key="body-page")
