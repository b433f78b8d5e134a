"""Body map: a drawn figure, front and back, each body area shaded by how many of the
matching causes are felt there. Clicking an area adds it to the body-area filter."""

from functools import partial

import streamlit as st

from causes.bodymap import area_view, clicked_area, with_area
from causes.i18n import _
from causes.text import md_escape
from causes.theme import PICTURE_CONFIG
from pages.ui import cards, charts, chrome, filters, source, state, styles, warning_check
from pages.ui.plot import plot

table = source.active_table()
styles.stylesheet()
st.title(_("Body map"))
source.table_caption(table)
view, result = filters.filter_panel(table, state.view(table))
state.sync_url(view, ("query", "cause"))
query = view.query


def chosen_from(chart_key: str) -> None:
    """Runs before the next run's widgets exist, so it may set the area filter. A fresh
    chart key after every click leaves no old selection to toggle off."""
    area = clicked_area(state.selection(chart_key))
    if area:
        state.set_filter_values("area", with_area(state.filter_values("area"), area, table))
    state.count_bodymap_click()


shown = area_view(table, result, query.areas)
st.markdown(
    _(
        "Click or tap a part of the body, or its name, to show the causes felt there. Each part you choose is added "
        "to **Body areas** under More filters, where you can remove it again."
    )
    if shown.kind == "body"
    else _(
        "This table's body areas are not the ones drawn on the figure, so they are shown as bars: "
        "click a bar to show the causes felt there."
    )
)
key = f"bodymap-{state.bodymap_clicks()}"
plot(
    shown.figure,
    key=key,
    alt=shown.alt,
    config=PICTURE_CONFIG,
    on_select=partial(chosen_from, key),
    narrow=shown.narrow,
)
if shown.note:
    st.caption(md_escape(shown.note))
charts.chart_downloads(table, shown.figure, shown.alt, query, "body-map", "bodymap")
with st.expander(_("Show as a table")):
    st.dataframe(shown.rows, hide_index=True)

# After a tap, as on Explore: the warning signs that apply, before the causes.
warning_check.check_panel(table, query, result, source.sidecars()[0])
filters.result_heading(table, query, result)
cards.linked_cause(table, view)
if not query.is_empty:
    chrome.visit_link()
cards.ranked_list(table, query, result, key="body-page")
