"""Glossary: what every symptom, body area and risk factor in the table means."""

import streamlit as st

from causes.content import WORD_KIND, glossary_rows
from causes.i18n import _, ngettext, number
from causes.text import joined, md_escape
from pages.ui import chrome, source

table = source.active_table()
_flags, glossary, _claims = source.sidecars()
st.title(_("Glossary"))
source.table_caption(table)
if not glossary.terms:
    st.info(_("This cause table comes without a glossary (a glossary.csv beside it)."), icon=":material/info:")
    st.stop()

services = chrome.help_here()  # the words the advice uses for this reader's country
st.markdown(
    # Translators: {services} are the health services the advice names for this reader ("a GP, A&E, 999").
    _(
        "What the words for symptoms, body areas and risk factors mean, in plain language, and the words the advice "
        "uses for health services ({services})."
    ).format(services=joined([services.doctor, services.ae, services.number or "999, 112, 911"]))
)
search = st.text_input(
    _("Find a word"), key="glossary_q", icon=":material/search:", placeholder=_("e.g. calves, wasting")
)
rows = glossary_rows(glossary, table, search)
# Translators: {n} terms found by the search, of {total} in the glossary.
st.caption(
    ngettext("{n} of {total} term", "{n} of {total} terms", len(glossary.terms)).format(
        n=number(len(rows)), total=number(len(glossary.terms))
    )
)
for kind, title in (
    ("symptom", _("Symptoms")),
    ("body area", _("Body areas")),
    ("risk factor", _("Risk factors")),
    (WORD_KIND, _("Words used in the advice")),
):
    chosen = [r for r in rows if r["kind"] == kind]
    if chosen:
        st.subheader(title, anchor=False)
        st.markdown(
            "\n".join(
                f"- **{md_escape(r['term'])}**: {md_escape(r['definition'])}"
                + (
                    " :gray[(" + ngettext("{n} cause", "{n} causes", r["causes"]).format(n=number(r["causes"])) + ")]"
                    if kind != WORD_KIND
                    else ""
                )
                for r in chosen
            )
        )
