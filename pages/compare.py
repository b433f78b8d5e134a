"""Compare: 2 to 4 causes side by side, what they share and what tells them apart. The
chosen causes live in the URL (`?compare=A&compare=B`), so a comparison can be shared."""

import streamlit as st

from causes.check import flags_markdown, usually_line
from causes.compare import (
    MAX_CAUSES,
    MIN_CAUSES,
    PARAM,
    also_in,
    cause_options,
    compare,
    compare_params,
    distinguishing_sentences,
    example_pair,
    overlap_alt,
    overlap_figure,
    overlap_frame,
    parse_compare,
    shared_label,
    urgency_line,
)
from causes.redflags import cause_flags
from causes.text import badge_escape, md_escape
from pages import common, warning_check

KEY = "compare"
WRITTEN = "compare_url_written"  # the compare= values this page last put in the URL
NOTICES = "compare_url_notices"

table = common.active_table()
_, glossary, _ = common.sidecars()


def _init_from_url() -> None:
    """On the first run, and whenever a link brings other causes, take them from the URL;
    names the table does not have are dropped with a notice."""
    url = st.query_params.get_all(PARAM)
    if KEY in st.session_state and (not url or url == st.session_state.get(WRITTEN)):
        # Keep the choice (a bare /compare keeps what was chosen before); make sure it
        # still names causes of this table.
        kept = compare_params(table, parse_compare(table, st.session_state[KEY]).positions)
        if kept != st.session_state[KEY]:
            st.session_state[KEY] = kept
        return
    picked = parse_compare(table, url)
    st.session_state[KEY] = compare_params(table, picked.positions)
    st.session_state[NOTICES] = (list(st.session_state[KEY]), picked.notices)


def _write_url(names: list[str]) -> None:
    if st.query_params.get_all(PARAM) != names:
        if names:
            st.query_params[PARAM] = names
        else:
            del st.query_params[PARAM]
    st.session_state[WRITTEN] = names


def _choose(names: list[str]) -> None:
    st.session_state[KEY] = names


def _example_button() -> None:
    pair = example_pair(table)
    if pair is None:
        return
    names = compare_params(table, pair)
    st.button(
        md_escape(f"Try: {names[0]} vs {names[1]}"),
        on_click=_choose,
        args=(names,),
        icon=":material/compare_arrows:",
        key="compare_example",
    )


st.title("Compare causes")
common.table_caption(table)
st.markdown(
    f"Pick {MIN_CAUSES} to {MAX_CAUSES} causes to see, side by side, what they have in common and what tells "
    "them apart."
)
_init_from_url()
chosen = st.multiselect(
    "Causes to compare",
    cause_options(table),
    key=KEY,
    max_selections=MAX_CAUSES,
    help=f"Choose {MIN_CAUSES} to {MAX_CAUSES} causes. The link in the address bar keeps them, so you can share it.",
    placeholder="Choose causes",
    persist_state="session",
)
_write_url(list(chosen))
at_load, notices = st.session_state.get(NOTICES, (None, ()))
if notices and list(chosen) == at_load:
    st.warning("\n".join(f"- {md_escape(n)}" for n in notices), icon=":material/link_off:")


def show(chosen: list[str]) -> None:
    """The comparison of 2 to 4 chosen causes."""
    positions = parse_compare(table, chosen).positions
    comparison = compare(table, positions)
    records = [table.record(p) for p in positions]

    # --- what tells them apart ---
    st.subheader(":material/lightbulb: What tells them apart", anchor=False)
    with st.container(border=True, key="compare_sentences"):
        st.markdown("\n".join(f"- {s.markdown()}" for s in distinguishing_sentences(table, comparison)))
        urgency = urgency_line(comparison)
        if urgency:
            st.markdown(f"**How urgent:** {md_escape(urgency)}")
    st.caption("Drawn from the table: the symptoms only one of them has, rarest in the whole table first.")

    # --- who they are ---
    for col, c in zip(st.columns(len(records)), records, strict=True):
        with col, st.container(border=True, height="stretch"):
            st.markdown(f"#### {md_escape(c['cause'])}")
            with st.container(horizontal=True, gap="small"):
                common.urgency_badge(c["urgency"])
                st.badge(badge_escape(c["category"]), color="gray", icon=":material/category:")
            st.markdown(md_escape(c["summary"]))
            st.page_link(
                common.EXPLORE,
                label="Read the full explanation",
                query_params={"cause": c["cause"]},
                icon=":material/menu_book:",
            )

    # --- side by side, list by list ---
    hint = "Terms only one cause has are highlighted."
    st.caption(hint + (" Hover over or tap a term for what it means." if glossary.terms else ""))
    for split in comparison.splits:
        st.subheader(split.label, anchor=False)
        is_terms = split.column != "self_care"
        with st.container(horizontal=True, vertical_alignment="center", gap="small", key=f"shared-{split.column}"):
            st.markdown(f":material/join_inner: **{shared_label(len(records))}:**", width="content")
            if not split.shared:
                st.markdown("none", width="content")
            elif is_terms:
                common.term_badges(split.shared, (), glossary)
        if split.shared and not is_terms:
            st.markdown("\n".join(f"- {md_escape(t)}" for t in split.shared))
        for i, col in enumerate(st.columns(len(records))):
            with col:
                st.markdown(f"**Only {md_escape(comparison.names[i])}**")
                if is_terms:
                    common.term_badges(split.own[i], split.own[i], glossary)
                else:
                    st.markdown("\n".join(f"- {md_escape(t)}" for t in split.own[i]) or "None of its own")
                for others, terms in also_in(comparison, split.column, i):
                    st.caption(f"Also in {md_escape(' and '.join(others))}")
                    if is_terms:
                        common.term_badges(terms, (), glossary)
                    else:
                        st.markdown("\n".join(f"- {md_escape(t)}" for t in terms))

    # --- the overlap, as a picture and as a table ---
    overlap = overlap_figure(comparison, "symptoms")
    st.plotly_chart(
        overlap,
        alt=overlap_alt(comparison, "symptoms"),
        config={"displaylogo": False},
        key="compare_overlap",
    )
    st.caption(md_escape(overlap_alt(comparison, "symptoms")))
    common.chart_downloads(
        table,
        overlap,
        overlap_alt(comparison, "symptoms"),
        " ".join(c["cause"] for c in records),
        "compare",
        "compare_overlap",
    )
    with st.expander("The chart as a table", icon=":material/table:"):
        st.table(overlap_frame(comparison, "symptoms"), hide_index=True)

    # --- when to get help, and the sources ---
    st.subheader(f":material/flag: {common.WHEN_TO_GET_HELP}", anchor=False)
    help = warning_check.help_here()
    for col, c in zip(st.columns(len(records)), records, strict=True):
        with col:
            st.markdown(f"**{md_escape(c['cause'])}**\n\n{md_escape(usually_line(c['urgency']))}")
            flags = flags_markdown(cause_flags(c), help, md_escape)
            st.warning(flags or "- No specific signs listed.", icon=":material/flag:")
            common.source_line(c)


if not chosen:
    st.info("Choose two or more causes above, or start with an example.", icon=":material/compare_arrows:")
    _example_button()
elif len(chosen) < MIN_CAUSES:
    st.info(md_escape(f"Choose at least one more cause to compare with {chosen[0]}."), icon=":material/playlist_add:")
else:
    show(list(chosen))
