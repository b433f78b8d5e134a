"""The filter panel: search, symptoms, any/all, and body area, risk factor, category and
urgency under "More filters", each with live counts among the current matches; and the
heading that says in words what is shown."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from causes import CauseTable, Query, Result, count_line, facet_counts, run_query
from causes.i18n import _
from causes.query import URL_PARAMS, also_finds, heading
from causes.schema import URGENCY_LEVELS
from causes.style import URGENCY_STYLE, option_label, urgency_style
from causes.text import md_escape
from causes.view import View
from pages.ui import state


def match_labels() -> dict[str, str]:
    """The any/all choice's words, by its code."""
    # Translators: the choices of "A cause must have": any of the chosen symptoms, or all of them.
    return {"any": _("Any of them"), "all": _("All of them")}


def clear_filters() -> None:
    state.set_filters(Query())


def _multiselect(
    table: CauseTable, key: str, label: str, counts: dict[str, int], help: str, start: dict[str, list[str] | str]
) -> None:
    column = URL_PARAMS[key][1]
    options = list(table.facets[column].terms)
    if column == "urgency":
        options = [u for u in URGENCY_LEVELS if u in options]

        def fmt(u: str) -> str:
            return option_label(urgency_style(u).label, counts.get(u, 0))
    else:

        def fmt(t: str) -> str:
            return option_label(t, counts.get(t, 0))

    st.multiselect(
        label,
        options,
        default=start.get(key),
        format_func=fmt,
        key=key,
        help=help,
        persist_state="session",
        # Translators: an empty filter's placeholder: any value is shown.
        placeholder=_("Any") if options else _("None in this table"),
    )


def filter_panel(table: CauseTable, view: View) -> tuple[View, Result]:
    """The filter widgets, starting from the view's filters, with counts among the current
    matches beside every option. Returns the view with the filters shown, and its result."""
    state.hold_filters()
    start = state.filter_defaults(view.query)
    query = state.filters_shown(start)
    result = run_query(table, query)
    counts = facet_counts(table, result)

    st.text_input(
        _("Search"),
        value=start.get("q", ""),
        key="q",
        persist_state="session",
        placeholder=_("A word to look for, e.g. statin, pregnancy, sleep"),
        icon=":material/search:",
    )
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    with left:
        _multiselect(
            table,
            "symptom",
            _("Symptoms"),
            counts["symptoms"],
            _("Pick what you notice. The number beside each is how many of the causes now shown have it."),
            start,
        )
    with right:
        st.segmented_control(
            _("A cause must have"),
            ["any", "all"],
            key="match",
            default=start.get("match"),
            persist_state="session",
            required=True,
            format_func=match_labels().get,
            help=_("Any: causes with at least one chosen symptom. All: only causes with every one."),
        )
    more = (query.areas, query.risks, query.categories, query.urgencies)
    with st.expander(_("More filters: body area, risk factor, category, urgency"), expanded=any(more)):
        a, b = st.columns(2)
        with a:
            _multiselect(
                table, "area", _("Body areas"), counts["body_areas"], _("Where in the body it is felt."), start
            )
            _multiselect(table, "category", _("Categories"), counts["category"], _("The kind of cause."), start)
        with b:
            risk_help = _("Things that make a cause more likely.")
            _multiselect(table, "risk", _("Risk factors"), counts["risk_factors"], risk_help, start)
            _multiselect(
                table,
                "urgency",
                _("Urgency"),
                counts["urgency"],
                " ".join(f"{s.aria}." for s in URGENCY_STYLE.values()),
                start,
            )
    shown = state.filters_shown()
    if shown != query:  # a widget corrected its value: count again
        query, result = shown, run_query(table, shown)
    notices = state.notices("query", query)
    if notices:
        st.warning("\n".join(f"- {md_escape(n)}" for n in notices), icon=":material/link_off:")
    return replace(view, query=query), result


def result_heading(table: CauseTable, query: Query, result: Result) -> None:
    """What is shown, in words, with the count, what it also finds through broader and
    narrower terms, and a way to clear the filters."""
    st.subheader(md_escape(heading(query)), anchor=False)
    with st.container(horizontal=True, vertical_alignment="center"):
        also = also_finds(table, query)
        st.markdown(f"**{count_line(result)}**" + (f"  \n:small[{md_escape(also)}]" if also else ""))
        if not query.is_empty:
            st.button(_("Clear all filters"), on_click=clear_filters, icon=":material/filter_alt_off:")
