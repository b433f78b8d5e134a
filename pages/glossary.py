"""Glossary: what every symptom, body area and risk factor in the table means."""

import streamlit as st

from causes.content import WORD_KIND, glossary_rows
from causes.style import plural
from causes.text import md_escape
from pages.ui import source

table = source.active_table()
_, glossary, _ = source.sidecars()
st.title("Glossary")
source.table_caption(table)
if not glossary.terms:
    st.info("This cause table comes without a glossary (a glossary.csv beside it).", icon=":material/info:")
    st.stop()

st.markdown(
    "What the words for symptoms, body areas and risk factors mean, in plain language, and the words the advice "
    "uses for health services (GP, A&E, 111, 999)."
)
search = st.text_input("Find a word", key="glossary_q", icon=":material/search:", placeholder="e.g. calves, wasting")
rows = glossary_rows(glossary, table, search)
st.caption(f"{len(rows)} of {len(glossary.terms)} terms")
for kind, title in (
    ("symptom", "Symptoms"),
    ("body area", "Body areas"),
    ("risk factor", "Risk factors"),
    (WORD_KIND, "Words used in the advice"),
):
    chosen = [r for r in rows if r["kind"] == kind]
    if chosen:
        st.subheader(title, anchor=False)
        st.markdown(
            "\n".join(
                f"- **{md_escape(r['term'])}**: {md_escape(r['definition'])}"
                + (f" :gray[({plural(r['causes'], 'cause')})]" if kind != WORD_KIND else "")
                for r in chosen
            )
        )
