"""Overview: the matching causes at a glance, per category and urgency, category by cause,
and which symptoms each has, one chart a tab. A click on a bar, a tile or a square explains
it right here."""

import streamlit as st

from causes import figures
from causes.i18n import _, ngettext, number, pgettext
from causes.selection import Selected, selected
from causes.style import urgency_style
from causes.text import md_escape
from causes.theme import CHART_CONFIG  # no toolbar: these charts do not zoom or pan
from causes.view import key_of
from pages.ui import cards, charts, filters, source, state
from pages.ui.plot import plot

table = source.active_table()
st.title(_("Overview"))
source.table_caption(table)
view, result = filters.filter_panel(table, state.view(table))
state.sync_url(view, ("query",))
query = view.query

filters.result_heading(table, query, result)


def explain(chosen: Selected, key: str, close: str) -> None:
    """What was clicked, explained right below the chart, with a button that closes it."""
    with st.container(border=True, key=f"{key}-explained"):
        st.button(
            pgettext("a button that closes a chart's explanation", "Close"),
            key=f"{key}-close",
            on_click=state.count_chart_close,
            args=(key,),
            icon=":material/close:",
            type="tertiary",
            help=_("Closes this explanation; the chart shows every mark again."),
        )
        if chosen.kind == "cause":
            for position in chosen.positions:
                st.subheader(f":material/menu_book: {md_escape(table.record(position)['cause'])}", anchor=False)
                cards.cause_details(table, position, query)
            st.caption(f":material/touch_app: {close}")
            return
        total = len(chosen.positions)
        # Translators: {category} is a category (or a cause) clicked on a chart; {n} how many causes match.
        matching = ngettext("{category}: {n} matching cause", "{category}: {n} matching causes", total).format(
            category=md_escape(chosen.value), n=number(total)
        )
        st.subheader(f":material/category: {matching}", anchor=False)
        st.caption(_("Best match first. Open a cause to read its explanation."))
        window = cards.paged(total, f"{key}-page-{key_of((chosen, query))}")
        for position in chosen.positions[window]:
            c = table.record(position)
            style = urgency_style(c["urgency"])
            # Drawn when opened (a rerun), not sent closed for every cause of the category.
            box = st.expander(
                f"{md_escape(c['cause'])}: {style.label}",
                icon=style.icon,
                key=f"{key}-cause-{position}",
                on_change="rerun",
            )
            if box.open:
                with box:
                    cards.cause_details(table, position, query)
        cards.showing(window, total)
        st.caption(f":material/touch_app: {close}")


def chart(fig, data: figures.ChartData, key: str, alt: str, hint: str, close: str, narrow=None) -> None:
    """A chart (on a phone, its `narrow` figure when it has one), its note, its table
    alternative, and the explanation of what was clicked."""
    # Closing what was clicked draws the chart afresh, under a new key: nothing is selected.
    shown = f"{key}-{state.chart_closes(key)}"
    clicked = plot(fig, key=shown, alt=alt, config=CHART_CONFIG, select=True, narrow=narrow)
    if data.note:
        st.caption(f":material/info: {md_escape(data.note)}")
    charts.chart_downloads(table, fig, alt, query, key, key)
    with st.expander(_("Show as a table"), icon=":material/table:"):
        st.dataframe(data.frame, hide_index=key != "matrix", alt=alt)
    chosen = selected(table, result, clicked)
    if chosen is None:
        st.caption(f":material/touch_app: {hint}")
    else:
        explain(chosen, key, close)


# Each tab: its label, the chart's data and figure (and one for a phone, where the wide one
# would cut names), its key, alt text, hint and closing hint.
CHARTS = (
    (
        _("By category"),
        figures.category_data,
        figures.category_figure,
        None,
        "bars",
        _("Bar chart: how many matching causes each category has, each bar split by urgency."),
        _("Click a bar to read that category's causes here."),
        _("Click another bar to change this."),
    ),
    (
        _("Treemap"),
        figures.treemap_data,
        figures.treemap_figure,
        None,
        "treemap",
        _("Treemap: the matching causes grouped by category, each tile one cause."),
        _(
            "Click a category to read its causes here, or a cause to read its explanation. "
            "A click on a category also zooms into it; click the bar above the tiles to zoom out."
        ),
        _("Click another tile to change this."),
    ),
    (
        _("Symptom matrix"),
        figures.matrix_data,
        figures.matrix_figure,
        figures.narrow_matrix_figure,
        "matrix",
        _("Matrix: which symptoms each matching cause has; causes with similar symptoms are next to each other."),
        _("Click a square to read that cause's explanation here."),
        _("Click another square to change this."),
    ),
)

if not len(result):
    cards.no_match(table, query, "overview")
else:
    # One chart at a time: only the open tab's chart is drawn and sent (a phone draws each
    # plotly chart in seconds).
    tabs = st.tabs([c[0] for c in CHARTS], key=state.OVERVIEW_TAB, on_change="rerun")
    for tab, (_label, data_of, figure_of, narrow_of, key, alt, hint, close) in zip(tabs, CHARTS, strict=True):
        if tab.open:
            with tab:
                data = data_of(table, result)
                narrow = narrow_of(table, data) if narrow_of is not None else None
                chart(figure_of(table, data), data, key, alt, hint, close, narrow)
