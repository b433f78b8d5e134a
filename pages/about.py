"""About this data: what it covers, who it is for, its sources and review dates, the claims
checked, how to cite it, and how to write your own cause table."""

import datetime as dt

import streamlit as st

from causes.config import BUNDLED_TABLE, BUNDLED_TOPIC
from causes.content import citation, how_common_line, review_dates, source_counts, template_csv
from causes.schema import COLUMNS
from causes.style import plural
from causes.text import md_escape
from pages.ui import cards, source, state

table = source.active_table()
_, glossary, claims = source.sidecars()
bundled = state.serving_bundled()
topic = BUNDLED_TOPIC if bundled else f"The cause table {table.name}"

st.title("About this data")
source.table_caption(table)

st.header("What it covers", anchor=False)
categories = table.facets["category"]
n_categories = plural(len(categories.terms), "category", "categories")
st.markdown(
    f"{md_escape(topic)}: **{plural(len(table), 'cause')}** in {n_categories}, "
    f"each with its symptoms, body areas, risk factors, urgency, a plain explanation, what helps, "
    f"the signs that mean get help, and its source."
)
st.markdown(
    "\n".join(
        f"- {md_escape(t)}: {plural(int(n), 'cause')}" for t, n in zip(categories.terms, categories.counts, strict=True)
    )
)
if bundled:
    st.markdown(
        "Most twitching and cramps are harmless and pass on their own: the commonest causes are "
        "tired or overworked muscles, stress, caffeine, poor sleep and the benign twitches many people have. "
        "A few serious conditions are here too, so that their warning signs are known, not because a twitch "
        "points to them."
    )
    st.markdown(
        "**What it does not cover:** it cannot tell you what is causing *your* symptoms; it does not give "
        "doses or treatment plans; it is not complete (rare causes are left out); and it is not emergency "
        "advice. If you are worried, or a warning sign applies, see a health professional."
    )

st.header("Who it is for", anchor=False)
st.markdown(
    "- People who notice a twitch, cramp or spasm and want to understand what can cause it.\n"
    "- Students and clinicians comparing causes side by side.\n"
    "- Health educators presenting to a group."
)
if bundled:
    st.markdown(
        "The content is written for **adults**. For a child, only *Growing pains (children)* is written with "
        "children in mind, with a child's warning signs: a child with leg pain who is unwell, has a fever, a limp "
        "or a swollen joint needs a doctor the same day. If you are pregnant, your midwife or maternity unit is "
        "the first place to call about a worry."
    )

st.header("Sources", anchor=False)
st.markdown(
    "Every cause cites one page from its publisher. Publishers, with how many causes cite them and how many "
    "of their pages are cited:"
)
publishers = [{"Publisher": s.publisher, "Causes": s.causes, "Pages": s.pages} for s in source_counts(table)]
st.dataframe(publishers, hide_index=True, width="content", height=36 * (len(publishers) + 1))
common = how_common_line(table)
if common:
    st.markdown(md_escape(common) + " Each cites its own page, shown with the cause.")
oldest, newest, undated = review_dates(table)
if oldest:
    st.markdown(
        f"**Review dates:** the oldest review is from **{oldest}**"
        + (f", the newest from {newest}" if newest != oldest else "")
        + (f"; {plural(undated, 'cause')} give no date." if undated else ".")
    )
else:
    st.markdown("**Review dates:** no cause in this table gives one.")

if claims:
    st.header("The claims we checked", anchor=False)
    st.markdown(
        "This topic began with a popular article on leg cramps and twitching. Here is each of its claims, "
        "and what the official sources say."
    )
    for c in claims:
        cards.claim_card(table, c)

st.header("How to cite Cause Atlas", anchor=False)
st.code(citation(table, topic, str(dt.date.today().year)), language=None, wrap_lines=True)

st.header("Write your own cause table", anchor=False)
st.markdown(
    "A cause table is a CSV file (UTF-8, comma-separated) with one row per cause. Lists hold items separated "
    "by `;`. Serve it with `streamlit run app.py -- --data your-table.csv`; a `glossary.csv` and a "
    "`red_flags.csv` beside it are used when present."
)
st.dataframe(
    [{"Column": c.name, "Required": "yes" if c.required else "no", "What it holds": c.content} for c in COLUMNS],
    hide_index=True,
)
st.download_button(
    "Download a template",
    template_csv(),
    file_name="cause-atlas-template.csv",
    mime="text/csv",
    icon=":material/download:",
    on_click="ignore",
)
if not bundled:
    st.caption(f"The bundled table is {BUNDLED_TABLE.name}.")
