"""About this data: what it covers, who it is for, its sources and review dates, the claims
checked, how to cite it, and how to write your own cause table."""

import datetime as dt

import streamlit as st

from causes.config import BUNDLED_TABLE, bundled_topic
from causes.content import citation, how_common_line, review_dates, source_counts, template_csv
from causes.i18n import _, long_date, ngettext, number
from causes.schema import COLUMNS
from causes.text import md_escape
from causes.translation import Edition
from pages.ui import cards, source, state

table = source.active_table()
_sidecar, glossary, claims = source.sidecars()
bundled = state.serving_bundled()
# Translators: {name} is the file name of a cause table (a CSV file), e.g. "my-clinic.csv".
topic = bundled_topic() if bundled else _("The cause table {name}").format(name=table.name)

st.title(_("About this data"))
source.table_caption(table)

st.header(_("What it covers"), anchor=False)
categories = table.facets["category"]
k = len(categories.terms)
# Translators: how many categories the causes fall in; inserted as {categories} in the next message.
n_categories = ngettext("{n} category", "{n} categories", k).format(n=number(k))
st.markdown(
    # Translators: {topic} is the table's topic (a sentence or "The cause table x.csv");
    # {categories} is "{n} categories" (the message before).
    ngettext(
        "{topic}: **{n} cause** in {categories}, each with its symptoms, body areas, risk factors, urgency, "
        "a plain explanation, what helps, the signs that mean get help, and its source.",
        "{topic}: **{n} causes** in {categories}, each with its symptoms, body areas, risk factors, urgency, "
        "a plain explanation, what helps, the signs that mean get help, and its source.",
        len(table),
    ).format(topic=md_escape(topic), n=number(len(table)), categories=n_categories)
)
st.markdown(
    "\n".join(
        # Translators: one line of a list: a category of causes and how many causes it has.
        ngettext("- {category}: {n} cause", "- {category}: {n} causes", int(n)).format(
            category=md_escape(t), n=number(int(n))
        )
        for t, n in zip(categories.terms, categories.counts, strict=True)
    )
)
if bundled:
    st.markdown(
        _(
            "Most twitching and cramps are harmless and pass on their own: the commonest causes are "
            "tired or overworked muscles, stress, caffeine, poor sleep and the benign twitches many people have. "
            "A few serious conditions are here too, so that their warning signs are known, not because a twitch "
            "points to them."
        )
    )
    st.markdown(
        _(
            "**What it does not cover:** it cannot tell you what is causing *your* symptoms; it does not give "
            "doses or treatment plans; it is not complete (rare causes are left out); and it is not emergency "
            "advice. If you are worried, or a warning sign applies, see a health professional."
        )
    )

st.header(_("Who it is for"), anchor=False)
st.markdown(
    _(
        "- People who notice a twitch, cramp or spasm and want to understand what can cause it.\n"
        "- Students and clinicians comparing causes side by side.\n"
        "- Health educators presenting to a group."
    )
)
if bundled:
    st.markdown(
        _(
            "The content is written for **adults**. For a child, only *Growing pains (children)* is written with "
            "children in mind, with a child's warning signs: a child with leg pain who is unwell, has a fever, a limp "
            "or a swollen joint needs a doctor the same day. If you are pregnant, your midwife or maternity unit is "
            "the first place to call about a worry."
        )
    )

st.header(_("Sources"), anchor=False)
edition = Edition.load(state.source_folder(BUNDLED_TABLE.parent) or BUNDLED_TABLE.parent) if bundled else None
if edition is not None and edition.translated_on is not None:
    if edition.reviewed_by and edition.reviewed_on is not None:
        # Translators: {day} is a date, {reviewer} the native clinical reviewer's name.
        said = _(
            "This edition was translated from the English on {day}, and read by a native clinical reviewer, "
            "{reviewer}, on {reviewed}."
        ).format(
            day=long_date(edition.translated_on),
            reviewer=md_escape(edition.reviewed_by),
            reviewed=long_date(edition.reviewed_on),
        )
    else:
        # Translators: {day} is the date the translation was made.
        said = _(
            "This edition was translated from the English on {day}. It has not yet been read by a native "
            "clinical reviewer: where it and the English differ, the English is the one reviewed."
        ).format(day=long_date(edition.translated_on))
    st.info(said, icon=":material/translate:")
st.markdown(
    _(
        "Every cause cites one page from its publisher. Publishers, with how many causes cite them and how many "
        "of their pages are cited:"
    )
)
# Translators: the column headers of the table of publishers.
publisher, n_causes, n_pages = _("Publisher"), _("Causes"), _("Pages")
publishers = [{publisher: s.publisher, n_causes: s.causes, n_pages: s.pages} for s in source_counts(table)]
st.dataframe(publishers, hide_index=True, width="content", height=36 * (len(publishers) + 1))
common = how_common_line(table)
if common:
    # Translators: follows a sentence on where the table's "how common" words come from.
    st.markdown(md_escape(common) + " " + _("Each cites its own page, shown with the cause."))
oldest, newest, undated = review_dates(table)
if oldest:
    reviewed = (
        # Translators: {oldest} and {newest} are review dates as the table writes them (2024-05-01).
        _("**Review dates:** the oldest review is from **{oldest}**, the newest from {newest}")
        if newest != oldest
        # Translators: {oldest} is a review date as the table writes it (2024-05-01).
        else _("**Review dates:** the oldest review is from **{oldest}**")
    ).format(oldest=oldest, newest=newest)
    st.markdown(
        reviewed
        + (
            # Translators: ends the sentence on review dates; {n} causes give no review date.
            ngettext("; {n} cause gives no date.", "; {n} causes give no date.", undated).format(n=number(undated))
            if undated
            else "."
        )
    )
else:
    st.markdown(_("**Review dates:** no cause in this table gives one."))

if claims:
    st.header(_("The claims we checked"), anchor=False)
    st.markdown(
        _(
            "This topic began with a popular article on leg cramps and twitching. Here is each of its claims, "
            "and what the official sources say."
        )
    )
    for c in claims:
        cards.claim_card(table, c)

st.header(_("How to cite Cause Atlas"), anchor=False)
st.code(citation(table, topic, str(dt.date.today().year)), language=None, wrap_lines=True)

st.header(_("Write your own cause table"), anchor=False)
st.markdown(
    _(
        "A cause table is a CSV file (UTF-8, comma-separated) with one row per cause. Lists hold items separated "
        "by `;`. Serve it with `streamlit run app.py -- --data your-table.csv`; a `glossary.csv` and a "
        "`red_flags.csv` beside it are used when present."
    )
)
column, required, holds = _("Column"), _("Required"), _("What it holds")
st.dataframe(
    [{column: c.name, required: _("yes") if c.required else _("no"), holds: c.content} for c in COLUMNS],
    hide_index=True,
)
st.download_button(
    _("Download a template"),
    template_csv(),
    file_name="cause-atlas-template.csv",
    mime="text/csv",
    icon=":material/download:",
    on_click="ignore",
)
if not bundled:
    # Translators: {name} is the file name of the table that comes with the app.
    st.caption(_("The bundled table is {name}.").format(name=BUNDLED_TABLE.name))
