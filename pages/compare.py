"""Compare: 2 to 4 causes side by side, what they share and what tells them apart. The
chosen causes live in the URL (`?compare=A&compare=B`), so a comparison can be shared."""

from dataclasses import replace

import streamlit as st

from causes.check import flags_markdown, no_signs, usually_line, when_to_get_help
from causes.compare import (
    EXAMPLE,
    MAX_CAUSES,
    MIN_CAUSES,
    also_in,
    cause_options,
    compare,
    distinguishing_sentences,
    example_pair,
    overlap_alt,
    overlap_figure,
    overlap_frame,
    shared_label,
    urgency_line,
)
from causes.i18n import _
from causes.redflags import cause_flags
from causes.style import commonness_words
from causes.text import badge_escape, md_escape
from causes.theme import CHART_CONFIG
from causes.view import View
from pages.ui import cards, charts, chrome, source, state, styles
from pages.ui.plot import plot

table = source.active_table()
styles.stylesheet()
general_flags, glossary, _claims = source.sidecars()


def _example_button() -> None:
    pairing = state.pairing()  # the bundled example's names, in the edition's words
    pair = example_pair(table, pairing.names(EXAMPLE) if pairing is not None else EXAMPLE)
    if pair is None:
        return
    names = list(View().with_names(table, "compare", pair).compare)
    st.button(
        # Translators: a button that compares two example causes: "Try: Cramp vs Restless legs".
        md_escape(_("Try: {first} vs {second}").format(first=names[0], second=names[1])),
        on_click=state.set_picker,
        args=(state.COMPARE_WIDGET, names),
        icon=":material/compare_arrows:",
        key="compare_example",
    )


st.title(_("Compare causes"))
source.table_caption(table)
st.markdown(
    # Translators: {least} and {most} are numbers (2 and 4).
    _("Pick {least} to {most} causes to see, side by side, what they have in common and what tells them apart.").format(
        least=MIN_CAUSES, most=MAX_CAUSES
    )
)
view = state.view(table)
state.start_picker(state.COMPARE_WIDGET, "compare", view.compare)
chosen = st.multiselect(
    _("Causes to compare"),
    cause_options(table),
    key=state.COMPARE_WIDGET,
    max_selections=MAX_CAUSES,
    # Translators: {least} and {most} are numbers (2 and 4).
    help=_("Choose {least} to {most} causes. The link in the address bar keeps them, so you can share it.").format(
        least=MIN_CAUSES, most=MAX_CAUSES
    ),
    placeholder=_("Choose causes"),
    persist_state="session",
)
view = replace(view, compare=tuple(chosen))
state.sync_url(view, ("compare",))
notices = state.notices("compare", view.compare)
if notices:
    st.warning("\n".join(f"- {md_escape(n)}" for n in notices), icon=":material/link_off:")


def _names(names: list[str]) -> str:
    """Names as a list in words: "A", "A and B", "A, B and C"."""
    if len(names) < 2:
        return "".join(names)
    # Translators: the end of a list of names: {names} is "A" or "A, B", {last} the last name.
    return _("{names} and {last}").format(names=", ".join(names[:-1]), last=names[-1])


def show(chosen: list[str]) -> None:
    """The comparison of 2 to 4 chosen causes."""
    positions = View(compare=tuple(chosen)).positions(table, "compare")
    comparison = compare(table, positions)
    records = [table.record(p) for p in positions]

    # --- what tells them apart ---
    st.subheader(":material/lightbulb: " + _("What tells them apart"), anchor=False)
    with st.container(border=True, key="compare_sentences"):
        st.markdown("\n".join(f"- {s.markdown()}" for s in distinguishing_sentences(table, comparison)))
        urgency = urgency_line(comparison)
        if urgency:
            st.markdown(_("**How urgent:** {urgency}").format(urgency=md_escape(urgency)))
    st.caption(_("Drawn from the table: the symptoms only one of them has, rarest in the whole table first."))
    chrome.visit_link()

    # --- who they are ---
    for col, c in zip(st.columns(len(records)), records, strict=True):
        with col, st.container(border=True, height="stretch"):
            st.markdown(f"#### {md_escape(c['cause'])}")
            with st.container(horizontal=True, gap="small"):
                cards.urgency_badge(c["urgency"])
                st.badge(badge_escape(c["category"]), color="gray", icon=":material/category:")
                if table.says_commonness:
                    st.badge(commonness_words(c["commonness"]), color="gray", icon=":material/groups:")
            st.markdown(md_escape(c["summary"]))
            st.page_link(
                chrome.EXPLORE,
                label=_("Read the full explanation"),
                query_params=View(cause=c["cause"]).to_params(("cause",)),
                icon=":material/menu_book:",
            )

    # --- side by side, list by list ---
    hint = _("Terms only one cause has are highlighted.")
    st.caption(hint + (" " + _("Hover over or tap a term for what it means.") if glossary.terms else ""))
    for split in comparison.splits:
        st.subheader(split.label, anchor=False)
        is_terms = split.column != "self_care"
        with st.container(horizontal=True, vertical_alignment="center", gap="small", key=f"shared-{split.column}"):
            st.markdown(f":material/join_inner: **{shared_label(len(records))}:**", width="content")
            if not split.shared:
                st.markdown(_("none"), width="content")
            elif is_terms:
                cards.term_badges(split.shared, (), glossary)
        if split.shared and not is_terms:
            st.markdown("\n".join(f"- {md_escape(t)}" for t in split.shared))
        for i, col in enumerate(st.columns(len(records))):
            with col:
                # Translators: over the terms only this cause has; {name} is a cause's name.
                st.markdown(_("**Only {name}**").format(name=md_escape(comparison.names[i])))
                if is_terms:
                    cards.term_badges(split.own[i], split.own[i], glossary)
                else:
                    st.markdown("\n".join(f"- {md_escape(t)}" for t in split.own[i]) or _("None of its own"))
                for others, terms in also_in(comparison, split.column, i):
                    # Translators: over the terms these other causes share too; {names} is a list of causes' names.
                    st.caption(_("Also in {names}").format(names=md_escape(_names(others))))
                    if is_terms:
                        cards.term_badges(terms, (), glossary)
                    else:
                        st.markdown("\n".join(f"- {md_escape(t)}" for t in terms))

    # --- the overlap, as a picture and as a table ---
    overlap = overlap_figure(comparison, "symptoms")
    plot(
        overlap,
        alt=overlap_alt(comparison, "symptoms"),
        config=CHART_CONFIG,
        key="compare_overlap",
        narrow=overlap_figure(comparison, "symptoms", narrow=True),
    )
    st.caption(md_escape(overlap_alt(comparison, "symptoms")))
    charts.chart_downloads(
        table,
        overlap,
        overlap_alt(comparison, "symptoms"),
        " ".join(c["cause"] for c in records),
        "compare",
        "compare_overlap",
    )
    with st.expander(_("The chart as a table"), icon=":material/table:"):
        st.table(overlap_frame(comparison, "symptoms"), hide_index=True)

    # --- when to get help, and the sources ---
    st.subheader(f":material/flag: {when_to_get_help()}", anchor=False)
    help = chrome.help_here()
    for col, c in zip(st.columns(len(records)), records, strict=True):
        with col:
            st.markdown(f"**{md_escape(c['cause'])}**\n\n{md_escape(usually_line(c['urgency']))}")
            flags = flags_markdown(cause_flags(c, general_flags), help, md_escape)
            st.warning(flags or f"- {no_signs()}", icon=":material/flag:")
            cards.source_line(c)


if not chosen:
    st.info(_("Choose two or more causes above, or start with an example."), icon=":material/compare_arrows:")
    _example_button()
elif len(chosen) < MIN_CAUSES:
    st.info(
        # Translators: {name} is the one cause chosen so far.
        md_escape(_("Choose at least one more cause to compare with {name}.").format(name=chosen[0])),
        icon=":material/playlist_add:",
    )
else:
    show(list(chosen))
