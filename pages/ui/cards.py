"""One cause: its card in the ranked list, its full explanation (in a dialog or in place),
the "often harmless" row, and a checked claim's card."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from causes import CauseTable, Query, Result
from causes.check import (
    flags_markdown,
    general_advice,
    no_self_care,
    no_signs,
    usually_line,
    when_to_get_help,
)
from causes.content import Claim, Glossary
from causes.i18n import _, ngettext, number
from causes.nearest import nearest_views, no_match_line
from causes.query import matching_terms, page_window, showing_line
from causes.redflags import cause_flags
from causes.style import CATEGORY_ICON, card_markdown, commonness_words, row_label, urgency_style, verdict_style
from causes.text import badge_escape, md_escape, md_link, paragraphs, safe_url
from causes.view import View, key_of
from causes.why import why_listed
from pages.ui import state
from pages.ui.chrome import EXPLORE, help_here
from pages.ui.source import sidecars

PAGE_SIZE = 10
ROWS_FIRST = 5  # a phone's list: the first rows, then "Show N more"
ROWS_MORE = 10
ADVICE_SHOWN = 6  # signs that mean book an appointment, shown when nothing matches


def term_badges(items: tuple[str, ...], marked: tuple[str, ...], glossary: Glossary) -> None:
    """Terms as badges, the chosen ones marked, each with its glossary definition on hover."""
    chosen = {m.casefold() for m in marked}
    if not items:
        st.caption(_("None listed"))
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


def _items(items: tuple[str, ...]) -> str:
    return "\n".join(f"- {md_escape(item)}" for item in items) or "- " + _("none listed")


def cause_details(table: CauseTable, position: int, query: Query) -> None:
    """Everything the table says about one cause."""
    c = table.record(position)
    with st.container(horizontal=True):
        urgency_badge(c["urgency"])
        st.badge(badge_escape(c["category"]), color="gray", icon=CATEGORY_ICON)
        if table.says_commonness:
            st.badge(commonness_words(c["commonness"]), color="gray", icon=":material/groups:")
    st.markdown(f"**{md_escape(c['summary'])}**")
    why = why_listed(table, position, query)
    if why:
        # Translators: {why} is a sentence on why the cause is in the list, its first letter lower-cased.
        st.caption(md_escape(_("Why it is listed: {why}").format(why=f"{why[:1].lower()}{why[1:]}")))
    for p in paragraphs(c["explanation"]):
        st.markdown(md_escape(p))
    glossary = sidecars()[1]
    cols = st.columns(3)
    for col, title, key, marked in (
        (cols[0], _("Symptoms"), "symptoms", query.symptoms),
        (cols[1], _("Body areas"), "body_areas", query.areas),
        (cols[2], _("Risk factors"), "risk_factors", query.risks),
    ):
        with col:
            st.markdown(f"**{title}**")
            term_badges(c[key], marked, glossary)
    if glossary.terms:
        st.caption(_("Hover over or tap a term for what it means; chosen ones are ticked."))
    st.markdown(f"**{when_to_get_help()}.** {md_escape(usually_line(c['urgency']))}")
    flags = cause_flags(c, sidecars()[0])
    st.warning(
        flags_markdown(flags, help_here(), md_escape) if flags else f"- {no_signs()}",
        icon=":material/flag:",
    )
    st.markdown("**" + _("What helps") + "**")
    st.markdown(_items(c["self_care"]) if c["self_care"] else f"- {no_self_care()}")
    if c["tests"]:
        st.markdown("**" + _("Tests a doctor may do") + "**")
        st.markdown(_items(c["tests"]) + _cited(c["tests_source"]))
    if table.says_commonness:
        st.markdown(_how_common(c["commonness"]) + _cited(c["commonness_source"]))
    for extra in table.extra_columns:
        if c[extra]:
            st.markdown(f"**{md_escape(extra.replace('_', ' ').capitalize())}:** {md_escape(c[extra])}")
    with st.container(horizontal=True, vertical_alignment="center"):
        source_line(c)


def _how_common(value: str) -> str:
    """How common a cause is, as a sentence (`value` a commonness code; blank: not known)."""
    key = str(value).strip().casefold()
    if key == "common":
        return _("**How common:** Common cause among people with these symptoms.")
    if key == "less common":
        return _("**How common:** Less common cause among people with these symptoms.")
    if key == "rare":
        return _("**How common:** Rare cause among people with these symptoms.")
    return _("**How common:** not known among people with these symptoms.")  # blank, or not a code


def _cited(url: str) -> str:
    """` (source)`, a link to an http(s) URL; "" otherwise."""
    # Translators: a small link after a list to the page it comes from.
    source = _("source")
    return f" :small[({md_link(url, source)})]" if safe_url(url) else ""


def source_line(c: dict) -> None:
    """A cause's source as a link (http(s) only) and its review date."""
    url = safe_url(c["source_url"])
    if url:
        st.link_button(
            # Translators: {name} is the publisher of a cause's source (or its web address).
            _("Source: {name}").format(name=md_escape(c["source_name"] or url)),
            url,
            icon=":material/open_in_new:",
        )
    elif c["source_name"]:
        st.caption(_("Source: {name}").format(name=md_escape(c["source_name"])))
    else:
        st.caption(_("Source: none given"))
    if c["last_reviewed"]:
        # Translators: {date} is a date as the table writes it (2024-05-01).
        st.caption(_("Last reviewed {date}").format(date=c["last_reviewed"]))


# --- the list ---------------------------------------------------------------------------------


def open_cause(name: str) -> None:
    state.update(cause=name)


def close_cause() -> None:
    state.update(cause=None)


def linked_cause(table: CauseTable, view: View) -> None:
    """Open the view's cause in a dialog, or say the link named a cause the table lacks."""
    notices = state.notices("cause", view.cause)
    if notices:
        st.warning("\n".join(md_escape(n) for n in notices), icon=":material/link_off:")
    position = None if view.cause is None else table.position_of(view.cause)
    if position is not None:
        cause_dialog(table, position, view.query)


def cause_dialog(table: CauseTable, position: int, query: Query) -> None:
    name = table.record(position)["cause"]

    @st.dialog(md_escape(name), width="large", on_dismiss=close_cause)
    def show() -> None:
        cause_details(table, position, query)

    show()


def paged(total: int, key: str) -> slice:
    """Page buttons when `total` rows need more than one page; the rows of the chosen page."""
    window, pages = page_window(total, 1, PAGE_SIZE)
    if pages > 1:
        window, _ = page_window(total, st.pagination(pages, key=key, max_visible_pages=7), PAGE_SIZE)
    return window


def showing(window: slice, total: int) -> None:
    if total > PAGE_SIZE:
        st.caption(showing_line(window, total))


def no_match(table: CauseTable, query: Query, key: str) -> None:
    """No dead end: a view that matches nothing says so in plain words, offers the nearest
    views that match, one tap each with their counts, and says when to see a doctor."""
    near = nearest_views(table, query)
    with st.container(border=True, key=f"{key}-no-match"):
        st.markdown(
            f":material/search_off: **{md_escape(no_match_line(query))}** "
            + (_("These are near it:") if near else _("Clear the filters to see every cause."))
        )
        for i, nearby in enumerate(near):  # full width: a phone shows the whole label
            st.button(
                md_escape(nearby.label()),
                key=f"{key}-near-{i}",
                on_click=state.set_filters,
                args=(nearby.query,),
                icon=":material/arrow_forward:",
                width="stretch",
            )
        # The table's general signs that mean book an appointment, its first few (the most
        # general come first in the file); the rest are at the foot of every page.
        routine = tuple(f for f in sidecars()[0] if f.urgency == "see a doctor")
        advice = flags_markdown(routine[:ADVICE_SHOWN], help_here(), md_escape) if routine else f"- {general_advice()}"
        more = len(routine) - ADVICE_SHOWN
        # Translators: {n} more warning signs are listed under {heading} ("When to get help").
        rest = ngettext(
            "{n} more under *{heading}*, at the foot of the page.",
            "{n} more under *{heading}*, at the foot of the page.",
            more,
        )
        st.markdown(
            _("Whatever the cause:")
            + "\n\n"
            + advice
            + (f"\n\n:small[{rest.format(n=number(more), heading=when_to_get_help())}]" if more > 0 else "")
        )


def ranked_list(table: CauseTable, query: Query, result: Result, key: str, compact: bool | None = None) -> None:
    """The matching causes, best first (or, for none, the nearest views that match): on a
    desktop a page of cards at a time; on a phone (or with `compact`) one compact row a
    cause, the first `ROWS_FIRST`, then "Show N more"."""
    if not len(result):
        no_match(table, query, key)
        return
    if state.on_phone() if compact is None else compact:
        compact_list(table, result, f"{key}-{key_of(query)}", query)
        return
    window = paged(len(result), f"{key}-{key_of(query)}")
    for rank, (position, hits) in enumerate(
        zip(result.positions[window], result.symptom_hits[window], strict=True), start=window.start + 1
    ):
        cause_card(table, int(position), rank, int(hits), query)
    showing(window, len(result))


def compact_list(table: CauseTable, result: Result, key: str, query: Query | None = None) -> None:
    """A phone's ranked list: a row a cause (its name, its level in words with its colour,
    how common it is, a line of its summary, why it is listed), each one button that opens
    the full explanation; the first `ROWS_FIRST`, then a button for `ROWS_MORE` more. Few
    elements: one a cause."""
    total = len(result)
    shown = min(rows_shown := state.rows_shown(key, ROWS_FIRST), total)
    for rank, position in enumerate(result.positions[:shown].tolist(), start=1):
        c = table.record(int(position))
        why = why_listed(table, int(position), query) if query is not None else ""
        st.button(
            row_label(c, rank, why, table.says_commonness),
            key=f"row-{position}",
            on_click=open_cause,
            args=(c["cause"],),
            width="stretch",
        )
    rest = total - shown
    if rest > 0:
        st.button(
            # Translators: a button under a list of causes: show {more} more; {shown} of {total} are shown.
            _("Show {more} more · {shown} of {total} shown").format(
                more=number(min(ROWS_MORE, rest)), shown=number(shown), total=number(total)
            ),
            key=f"more-{key}",
            on_click=state.show_more,
            args=(key, rows_shown, ROWS_MORE),
            icon=":material/expand_more:",
            type="tertiary",
        )
    elif total > ROWS_FIRST:
        st.caption(ngettext("All {n} shown.", "All {n} shown.", total).format(n=number(total)))


def cause_card(table: CauseTable, position: int, rank: int, hits: int, query: Query) -> None:
    """One cause in the ranked list, with a button that opens its full explanation. The
    text is one markdown element: each element costs a message per rerun."""
    c = table.record(position)
    with st.container(border=True):
        has = matching_terms(table, "symptoms", c["symptoms"], query.symptoms)
        why = why_listed(table, position, query)
        st.markdown(card_markdown(c, rank, hits, query.symptoms, has, why, table.says_commonness))
        st.button(
            _("Read the full explanation"),
            key=f"open-{position}",
            on_click=open_cause,
            args=(c["cause"],),
            icon=":material/menu_book:",
            type="tertiary",
        )


def often_harmless(table: CauseTable, positions: Iterable[int], more: int) -> None:
    """The self-care causes that match as well as any other, named first."""
    with st.container(border=True, key="often_harmless"):
        st.markdown(
            ":material/sentiment_satisfied: "
            + _("**Often harmless.** These match as well as any other cause here, and are usually eased at home:")
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
                # Translators: after the buttons of a few causes: {n} more causes in the list below.
                st.caption(
                    ngettext("and {n} more in the list below", "and {n} more in the list below", more).format(
                        n=number(more)
                    )
                )


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
                st.link_button(
                    _("Source: {name}").format(name=md_escape(c.source_name)),
                    c.source_url,
                    icon=":material/open_in_new:",
                )
            if c.cause and table.position_of(c.cause) is not None:
                st.page_link(
                    EXPLORE,
                    # Translators: a link to a cause's explanation; {cause} is its name.
                    label=_("Read: {cause}").format(cause=md_escape(c.cause)),
                    query_params=View(cause=c.cause).to_params(("cause",)),
                    icon=":material/menu_book:",
                )
