"""What the pages share: the active cause table, the disclaimer, the red-flag panel, the
filter panel bound to the URL, and the cause card. This is Streamlit glue only: every
decision worth a unit test lives in `causes/`. (With `st.navigation`, Streamlit does not
treat files in this folder as pages by themselves; `app.py` lists the pages.)"""

from __future__ import annotations

import gc
import sys
from datetime import date
from functools import partial
from pathlib import Path

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from causes import (
    CauseTable,
    CauseTableError,
    Query,
    Result,
    count_line,
    facet_counts,
    load_cause_table,
    run_query,
)
from causes.chart_export import MIME as CHART_MIME
from causes.chart_export import chart_file, for_export
from causes.chart_export import source_line as chart_source_line
from causes.check import flags_markdown, usually_line
from causes.config import BUNDLED_TABLE, data_path
from causes.content import CLAIMS_FILE, GLOSSARY_FILE, RED_FLAGS_FILE, Claim, Glossary, load_claims
from causes.export import DISCLAIMER, export_name
from causes.query import URL_PARAMS, heading, page_window, showing_line
from causes.redflags import RedFlag, cause_flags, load_red_flags
from causes.schema import URGENCY_LEVELS
from causes.style import URGENCY_STYLE, card_markdown, option_label, urgency_style, verdict_style
from causes.text import badge_escape, md_escape, paragraphs, safe_url
from pages import warning_check

FILTER_KEYS: tuple[str, ...] = (*URL_PARAMS, "q", "match")
MATCH_LABELS = {"any": "Any of them", "all": "All of them"}
PAGE_SIZE = 10
EXPLORE = "pages/explore.py"
MAX_PROBLEMS_SHOWN = 20
# Session keys that outlive a change of table: the Data page's own, and the table itself.
KEEP_PREFIX = "data-"
OWN_TABLE = "data-own-table"
OWN_FOLDER = "data-own-folder"
DATA_PAGE = "pages/data.py"


# --- the active table -------------------------------------------------------------------


@st.cache_resource(show_spinner="Reading the cause table…", max_entries=16)
def _load(path: str, mtime_ns: int, size: int) -> tuple[CauseTable | None, CauseTableError | None]:
    # Keyed on the file's path, time and size, so an edited file is read again; the
    # table is shared by every session (it is read-only).
    try:
        table, error = load_cause_table(path), None
    except CauseTableError as e:
        table, error = None, e
    # Python's full garbage collections walk every object the process holds: with the
    # modules and the table loaded, one took 120-165 ms, in the middle of a person's rerun.
    # What is loaded now lives as long as the server, so it is set aside from them.
    gc.collect()
    gc.freeze()
    return table, error


def _load_path(path: Path) -> tuple[CauseTable | None, CauseTableError | None]:
    try:
        stat = path.stat()
    except OSError:
        return _load(str(path), 0, 0)
    return _load(str(path), stat.st_mtime_ns, stat.st_size)


def bundled_table() -> CauseTable | None:
    """The bundled table, read once for every session."""
    return _load_path(BUNDLED_TABLE)[0]


@st.cache_resource(show_spinner=False, max_entries=16)
def _sidecars(folder: str, stamp: tuple[int, ...]) -> tuple[tuple[RedFlag, ...], Glossary, tuple[Claim, ...]]:
    # The optional files beside a cause table, read again when any of them changes.
    base = Path(folder)
    return (
        load_red_flags(base / RED_FLAGS_FILE),
        Glossary.load(base / GLOSSARY_FILE),
        load_claims(base / CLAIMS_FILE),
    )


def _stamp(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def sidecars() -> tuple[tuple[RedFlag, ...], Glossary, tuple[Claim, ...]]:
    """The red flags, glossary and claims that sit beside the active table (none for a
    table a person brought, unless it started from the bundled one)."""
    folder = st.session_state.get("source_folder", BUNDLED_TABLE.parent)
    if folder is None:
        return (), Glossary(), ()
    stamp = tuple(_stamp(folder / f) for f in (RED_FLAGS_FILE, GLOSSARY_FILE, CLAIMS_FILE))
    return _sidecars(str(folder), stamp)


def show_problems(error: CauseTableError, title: str) -> None:
    shown = error.problems[:MAX_PROBLEMS_SHOWN]
    lines = "\n".join(f"- {md_escape(str(p))}" for p in shown)
    more = len(error.problems) - len(shown)
    if more:
        lines += f"\n- … and {more:,} more"
    st.error(f"**{md_escape(title)}**\n\n{lines}", icon=":material/error:")


def load_source() -> CauseTable:
    """Called once per run by app.py: the cause table this app serves (`--data PATH`, else
    the bundled one). An invalid file shows the loader's messages and the app falls back
    to the bundled table. The pages then get it from `active_table()`."""
    path = data_path(sys.argv[1:])
    table, error = _load_path(path)
    if error is not None:
        show_problems(error, f"The cause table {path.name} could not be used:")
        if path.resolve() != BUNDLED_TABLE.resolve():
            path = BUNDLED_TABLE
            table, error = _load_path(path)
            if table is not None:
                st.info("Cause Atlas is showing its bundled cause table instead.", icon=":material/info:")
    if table is None:
        st.stop()
    st.session_state["server_table"] = table
    own = st.session_state.get(OWN_TABLE)
    if own is not None:
        # A table this person brought lives in their session only.
        table = own
        st.session_state["source_folder"] = st.session_state.get(OWN_FOLDER)
        st.session_state["source_is_bundled"] = False
    else:
        st.session_state["source_folder"] = path.resolve().parent
        st.session_state["source_is_bundled"] = path.resolve() == BUNDLED_TABLE.resolve()
    st.session_state["source_table"] = table
    return table


# Everything a page keeps about the table it shows; dropped when the table changes, so no
# filter, comparison or deck names a cause the new table lacks.
_PER_TABLE_PARAMS: tuple[str, ...] = (*FILTER_KEYS, "cause", "compare", "deck", "slide")


def use_table(table: CauseTable | None, folder: Path | None = None) -> None:
    """Show this person `table` (None: the server's own again), with the red flags,
    glossary and claims of `folder`. In a callback: the next run shows it."""
    keep = {k for k in st.session_state if str(k).startswith(KEEP_PREFIX)}
    for key in list(st.session_state):
        if key not in keep:
            del st.session_state[key]
    for key in _PER_TABLE_PARAMS:
        st.query_params.pop(key, None)
    st.session_state[OWN_TABLE] = table
    st.session_state[OWN_FOLDER] = folder


def own_table_active() -> bool:
    return st.session_state.get(OWN_TABLE) is not None


def serving_bundled() -> bool:
    """Whether the app shows its own bundled table (not a `--data` one)."""
    return bool(st.session_state.get("source_is_bundled"))


def active_table() -> CauseTable:
    """The table app.py loaded for this run."""
    if PagesManager.uses_pages_directory:
        # Before any session has run app.py, Streamlit treats a folder named pages/ as an
        # old-style multipage app and runs a page file straight from a link (/about),
        # without app.py. Leave that mode and run again through app.py's navigation.
        PagesManager.uses_pages_directory = False
        st.rerun()
    table = st.session_state.get("source_table")
    return table if table is not None else load_source()


def table_caption(table: CauseTable, on_data_page: bool = False) -> None:
    """Which table is being shown, any note the loader made about it, and for a table a
    person brought, a way back to the server's own."""
    with st.container(horizontal=True, vertical_alignment="center", gap="small", key="table-caption"):
        st.caption(f":material/table: {len(table):,} causes from **{md_escape(table.name)}**")
        if own_table_active():
            st.caption(":material/lock: your table, in this browser tab only")
            server = st.session_state.get("server_table")
            st.button(
                f"Back to {md_escape(server.name) if server else 'the bundled table'}",
                on_click=use_table,
                args=(None,),
                icon=":material/undo:",
                type="tertiary",
                key="data-back",
            )
        elif not on_data_page:
            st.page_link(DATA_PAGE, label="Use your own table", icon=":material/upload_file:")
    if on_data_page and table.warnings:  # where a person checks their table: in full view
        st.warning("\n".join(f"- {md_escape(w)}" for w in table.warnings), icon=":material/info:")
        return
    for w in table.warnings:
        st.caption(f":material/info: {md_escape(w)}")


# --- what every page shows -------------------------------------------------------------------


def _flags() -> tuple[RedFlag, ...]:
    return sidecars()[0]


WHEN_TO_GET_HELP = "When to get help"


def _flag_list(flags: tuple[RedFlag, ...]) -> None:
    """The warning signs grouped by level, most serious first, each group under the action
    it needs, as one markdown element (and the sources)."""
    if not flags:
        st.markdown("- Symptoms that are severe, last, keep coming back, or worry you.")
        return
    st.markdown(flags_markdown(flags, warning_check.help_here(), md_escape))
    sources = {f.source_name: f.source_url for f in flags if f.source_url}
    if sources:
        st.caption("Sources: " + ", ".join(f"[{md_escape(n)}]({u})" for n, u in sources.items()))


def safety_strip() -> None:
    """At the top of every page: education, not diagnosis, and the warning signs one
    click away."""
    with st.container(border=True, horizontal=True, vertical_alignment="center", key="safety"):
        st.markdown(f":material/school: **Education, not diagnosis.** {DISCLAIMER}", width="stretch")
        with st.popover(WHEN_TO_GET_HELP, icon=":material/e911_emergency:", type="primary"):
            _flag_list(_flags())


def warning_signs() -> None:
    """At the foot of every page: every general warning sign, in view."""
    st.divider()
    st.subheader(f":material/e911_emergency: {WHEN_TO_GET_HELP}", anchor=False)
    _flag_list(_flags())


# --- filters bound to the URL --------------------------------------------------------------


def _state_query(start: dict[str, object] | None = None) -> Query:
    """The filters as the widgets hold them (or, before they exist, as they will start)."""
    start = start or {}
    return Query.from_params({k: st.session_state.get(k, start.get(k)) or () for k in FILTER_KEYS})


KEPT = "filters_kept"  # the Query of the last run that showed the filters


def _start_values(table: CauseTable) -> dict[str, object]:
    """The filters that have no value yet on this page start from the values the last page
    that showed them had or, on the session's first run, from the URL (with a notice for
    values the table does not have); either way in the table's spelling.

    They are handed to the widgets as their defaults, not written into the session state:
    a page whose server process died reconnects to a new session on another process and
    sends the values it shows, and those must win over the URL, which lags a pick behind."""
    missing = [k for k in FILTER_KEYS if k not in st.session_state]
    if not missing:
        return {}
    if KEPT in st.session_state:  # another page of this session had them
        query, _ = st.session_state[KEPT].restricted_to(table)
    else:
        raw = {k: st.query_params.get_all(k) for k in FILTER_KEYS}
        query, notices = Query.from_params(raw).restricted_to(table)
        st.session_state["url_notices"] = (query, notices)
    start: dict[str, object] = {key: list(getattr(query, name)) for key, (name, _) in URL_PARAMS.items()}
    start |= {"q": query.text, "match": query.match}
    return {k: start[k] for k in missing}


def _write_url(query: Query) -> None:
    """Keep every filter in the URL, so a copied link reopens the same view. (Streamlit's
    own query-param binding writes an option's label, and ours carry live counts.)"""
    wanted = query.to_params()
    for key in FILTER_KEYS:
        value = wanted.get(key, [])
        if st.query_params.get_all(key) != value:
            if value:
                st.query_params[key] = value
            else:
                del st.query_params[key]


def clear_filters() -> None:
    for key in URL_PARAMS:
        st.session_state[key] = []
    st.session_state["q"] = ""
    st.session_state["match"] = "any"


def _multiselect(
    table: CauseTable, key: str, label: str, counts: dict[str, int], help: str, start: dict[str, object]
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
        placeholder="Any" if options else "None in this table",
    )


def filter_panel(table: CauseTable) -> tuple[Query, Result]:
    """The filter widgets, each bound to its URL parameter, with counts among the current
    matches beside every option. Returns the query and its result."""
    # Widgets of another page start from their defaults; handing the values back keeps
    # the filters when a person moves from page to page.
    for key in FILTER_KEYS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]
    start = _start_values(table)
    query = _state_query(start)
    result = run_query(table, query)
    counts = facet_counts(table, result)

    st.text_input(
        "Search",
        value=start.get("q", ""),
        key="q",
        persist_state="session",
        placeholder="A word to look for, e.g. statin, pregnancy, sleep",
        icon=":material/search:",
    )
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    with left:
        _multiselect(
            table,
            "symptom",
            "Symptoms",
            counts["symptoms"],
            "Pick what you notice. The number beside each is how many of the causes now shown have it.",
            start,
        )
    with right:
        st.segmented_control(
            "A cause must have",
            ["any", "all"],
            key="match",
            default=start.get("match"),
            persist_state="session",
            required=True,
            format_func=MATCH_LABELS.get,
            help="Any: causes with at least one chosen symptom. All: only causes with every one.",
        )
    more = (query.areas, query.risks, query.categories, query.urgencies)
    with st.expander("More filters: body area, risk factor, category, urgency", expanded=any(more)):
        a, b = st.columns(2)
        with a:
            _multiselect(table, "area", "Body areas", counts["body_areas"], "Where in the body it is felt.", start)
            _multiselect(table, "category", "Categories", counts["category"], "The kind of cause.", start)
        with b:
            risk_help = "Things that make a cause more likely."
            _multiselect(table, "risk", "Risk factors", counts["risk_factors"], risk_help, start)
            _multiselect(
                table,
                "urgency",
                "Urgency",
                counts["urgency"],
                " ".join(f"{s.aria}." for s in URGENCY_STYLE.values()),
                start,
            )
    shown = _state_query()
    if shown != query:  # a widget corrected its value: count again
        query, result = shown, run_query(table, shown)
    # A widget's value lasts while its page shows it; this copy takes the filters to the
    # next page, whose widgets start from it.
    st.session_state[KEPT] = query
    _write_url(query)
    at_load, notices = st.session_state.get("url_notices", (None, []))
    if notices and query == at_load:
        st.warning("\n".join(f"- {md_escape(n)}" for n in notices), icon=":material/link_off:")
    return query, result


# --- one cause ----------------------------------------------------------------------------


def _items(items: tuple[str, ...]) -> str:
    return "\n".join(f"- {md_escape(item)}" for item in items) or "- none listed"


def term_badges(items: tuple[str, ...], marked: tuple[str, ...], glossary: Glossary) -> None:
    """Terms as badges, the chosen ones marked, each with its glossary definition on hover."""
    chosen = {m.casefold() for m in marked}
    if not items:
        st.caption("None listed")
    with st.container(horizontal=True, gap="small"):
        for item in items:
            picked = item.casefold() in chosen
            st.badge(
                badge_escape(item),
                icon=":material/check_circle:" if picked else None,
                color="blue" if picked else "gray",
                help=md_escape(glossary.define(item) or "") or None,
            )


def urgency_badge(level: str) -> None:
    style = urgency_style(level)
    st.badge(style.label, icon=style.icon, color=style.badge, help=style.aria + ".")


def cause_details(table: CauseTable, position: int, query: Query) -> None:
    """Everything the table says about one cause."""
    c = table.record(position)
    with st.container(horizontal=True):
        urgency_badge(c["urgency"])
        st.badge(badge_escape(c["category"]), color="gray", icon=":material/category:")
    st.markdown(f"**{md_escape(c['summary'])}**")
    for p in paragraphs(c["explanation"]):
        st.markdown(md_escape(p))
    _, glossary, _ = sidecars()
    cols = st.columns(3)
    for col, title, key, marked in (
        (cols[0], "Symptoms", "symptoms", query.symptoms),
        (cols[1], "Body areas", "body_areas", query.areas),
        (cols[2], "Risk factors", "risk_factors", query.risks),
    ):
        with col:
            st.markdown(f"**{title}**")
            term_badges(c[key], marked, glossary)
    if glossary.terms:
        st.caption("Hover over or tap a term for what it means; chosen ones are ticked.")
    st.markdown(f"**{WHEN_TO_GET_HELP}.** {md_escape(usually_line(c['urgency']))}")
    flags = cause_flags(c)
    st.warning(
        flags_markdown(flags, warning_check.help_here(), md_escape) if flags else "- No specific signs listed.",
        icon=":material/flag:",
    )
    st.markdown("**What helps**")
    st.markdown(_items(c["self_care"]) if c["self_care"] else "- No self-care listed: ask a health professional.")
    for extra in table.extra_columns:
        if c[extra]:
            st.markdown(f"**{md_escape(extra.replace('_', ' ').capitalize())}:** {md_escape(c[extra])}")
    with st.container(horizontal=True, vertical_alignment="center"):
        source_line(c)


def source_line(c: dict) -> None:
    """A cause's source as a link (http(s) only) and its review date."""
    url = safe_url(c["source_url"])
    if url:
        st.link_button(f"Source: {md_escape(c['source_name'] or url)}", url, icon=":material/open_in_new:")
    else:
        st.caption(f"Source: {md_escape(c['source_name']) or 'none given'}")
    if c["last_reviewed"]:
        st.caption(f"Last reviewed {c['last_reviewed']}")


def chart_downloads(table: CauseTable, fig, title: str, name: str | Query, kind: str, key: str) -> None:
    """PNG and SVG of a chart, with its title and the source line on it. The files are
    drawn only when a button is clicked."""
    today = date.today()
    source = chart_source_line(table.name, today.isoformat())

    def draw(fmt: str) -> bytes:
        return chart_file(for_export(fig, title, source), fmt)

    with st.container(horizontal=True, gap="small", key=f"{key}-downloads"):
        for fmt, label in (("png", "PNG"), ("svg", "SVG")):
            st.download_button(
                f"Chart as {label}",
                data=partial(draw, fmt),
                file_name=export_name(name, kind, today, fmt),
                mime=CHART_MIME[fmt],
                on_click="ignore",
                icon=":material/image:",
                type="tertiary",
                key=f"{key}-{fmt}",
            )


def result_heading(query: Query, result: Result) -> None:
    """What is shown, in words, with the count and a way to clear the filters."""
    st.subheader(md_escape(heading(query)), anchor=False)
    with st.container(horizontal=True, vertical_alignment="center"):
        st.markdown(f"**{count_line(result)}**")
        if not query.is_empty:
            st.button("Clear all filters", on_click=clear_filters, icon=":material/filter_alt_off:")


def linked_cause(table: CauseTable, query: Query) -> None:
    """Open the cause named by `?cause=` in a dialog, or say the table has no such cause."""
    opened = st.query_params.get("cause")
    if not opened:
        return
    position = table.position_of(opened)
    if position is None:
        st.warning(md_escape(f'This table has no cause called "{opened}".'), icon=":material/link_off:")
    else:
        cause_dialog(table, position, query)


def ranked_list(table: CauseTable, query: Query, result: Result, key: str) -> None:
    """The matching causes, best first, a page of cards at a time."""
    if not len(result):
        st.info(
            "No cause matches all of these filters. Try fewer filters, choose **Any of them** for symptoms,"
            " or clear the filters.",
            icon=":material/search_off:",
        )
        return
    window = paged(len(result), f"{key}-{hash(query)}")
    for rank, (position, hits) in enumerate(
        zip(result.positions[window], result.symptom_hits[window], strict=True), start=window.start + 1
    ):
        cause_card(table, int(position), rank, int(hits), query)
    showing(window, len(result))


def paged(total: int, key: str) -> slice:
    """Page buttons when `total` rows need more than one page; the rows of the chosen page."""
    window, pages = page_window(total, 1, PAGE_SIZE)
    if pages > 1:
        window, _ = page_window(total, st.pagination(pages, key=key, max_visible_pages=7), PAGE_SIZE)
    return window


def showing(window: slice, total: int) -> None:
    if total > PAGE_SIZE:
        st.caption(showing_line(window, total))


def open_cause(name: str) -> None:
    st.query_params["cause"] = name


def close_cause() -> None:
    st.query_params.pop("cause", None)


def cause_card(table: CauseTable, position: int, rank: int, hits: int, query: Query) -> None:
    """One cause in the ranked list, with a button that opens its full explanation. The
    text is one markdown element: each element costs a message per rerun."""
    c = table.record(position)
    with st.container(border=True):
        st.markdown(card_markdown(c, rank, hits, query.symptoms))
        st.button(
            "Read the full explanation",
            key=f"open-{position}",
            on_click=open_cause,
            args=(c["cause"],),
            icon=":material/menu_book:",
            type="tertiary",
        )


def often_harmless(table: CauseTable, positions, more: int) -> None:
    """The self-care causes that match as well as any other, named first."""
    with st.container(border=True, key="often_harmless"):
        st.markdown(
            ":material/sentiment_satisfied: **Often harmless.** These match as well as any other cause here, "
            "and are usually eased at home:"
        )
        with st.container(horizontal=True, gap="small"):
            for position in positions:
                name = table.record(int(position))["cause"]
                st.button(
                    md_escape(name),
                    key=f"gentle-{position}",
                    on_click=open_cause,
                    args=(name,),
                    icon=":material/self_care:",
                )
            if more:
                st.caption(f"and {more:,} more in the list below")


def cause_dialog(table: CauseTable, position: int, query: Query) -> None:
    name = table.record(position)["cause"]

    @st.dialog(md_escape(name), width="large", on_dismiss=close_cause)
    def show() -> None:
        cause_details(table, position, query)

    show()


def claim_card(table: CauseTable, c: Claim) -> None:
    """One claim of the source article, its verdict, and where to read more."""
    style = verdict_style(c.verdict)
    with st.container(border=True):
        with st.container(horizontal=True, vertical_alignment="center"):
            st.markdown(f"**{md_escape(c.claim)}**", width="stretch")
            st.badge(style.label, icon=style.icon, color=style.badge)
        st.markdown(md_escape(c.note))
        with st.container(horizontal=True, vertical_alignment="center"):
            if c.source_url:
                st.link_button(f"Source: {md_escape(c.source_name)}", c.source_url, icon=":material/open_in_new:")
            if c.cause and table.position_of(c.cause) is not None:
                st.page_link(
                    EXPLORE,
                    label=f"Read: {md_escape(c.cause)}",
                    query_params={"cause": c.cause},
                    icon=":material/menu_book:",
                )
