"""What would tell these apart: Explore's question panel, under the warning-sign check.

One question at a time (`causes.questions.next_question`): Yes (the term becomes a filter,
as if picked), No (a finding the person does not have: the causes that list it move down
and say so) or Not sure (the next question). Every answer re-ranks at once and can be taken
back; the panel stops after `ASK_AT_MOST` answers, or when no question would change the
order. The yes and no answers are filters, so they are in the link; "not sure" is not."""

from __future__ import annotations

import streamlit as st

from causes.query import Query, Result
from causes.questions import ASK_AT_MOST, MIN_CAUSES, Question, next_question
from causes.table import CauseTable
from causes.text import md_escape
from pages.ui import state

# The answer buttons: side by side, each at least 44 px tall and wide (a phone's thumb).
PANEL_CSS = """<style>
.st-key-narrow button { min-height: 44px; min-width: 44px; }
</style>"""
_SAID = {"yes": "Yes", "no": "No", "not sure": "Not sure"}


def narrow_panel(table: CauseTable, query: Query, result: Result) -> None:
    """The panel, once something is chosen and at least `MIN_CAUSES` causes are shown (or
    an answer was given, so that it can be taken back)."""
    yes, unsure = state.narrow_answers(query)
    answers = [(c, t, "yes") for c, t in yes] + [("", t, "no") for t in query.without]
    answers += [(c, t, "not sure") for c, t in unsure]
    if query.is_empty or (len(result) < MIN_CAUSES and not answers):
        return
    with st.container(border=True, key="narrow"):
        st.html(PANEL_CSS)
        st.markdown(
            ":material/quiz: **What would tell these apart?** One question at a time: each answer puts the "
            "causes below in a new order. Nothing is hidden by a no."
        )
        if len(answers) >= ASK_AT_MOST:
            st.markdown(
                f"That is {len(answers)} answers: enough to narrow the list down. Take one back to change it, "
                "or see a doctor with what you know (**Prepare for an appointment**, below)."
            )
        else:
            question = next_question(table, result, query, [(c, t) for c, t, _ in answers if c] + list(unsure))
            if question is None:
                st.markdown(":small[No other question would change the order of the causes below.]")
            else:
                _ask(question, len(answers))
        if answers:
            _answered(answers)


def _ask(question: Question, answered: int) -> None:
    st.markdown(f"**{md_escape(question.text())}**  \n:small[{md_escape(question.why())}]")
    with st.container(horizontal=True, gap="small"):
        for answer, icon in (("yes", ":material/check:"), ("no", ":material/close:"), ("not sure", None)):
            st.button(
                _SAID[answer],
                key=f"narrow-{answer}",
                on_click=state.answer_question,
                args=(question.column, question.term, answer),
                icon=icon,
                type="primary" if answer == "yes" else "secondary",
                help=None if answer != "no" else "Causes that list it move down the list; none is hidden.",
            )
    st.caption(f"Question {answered + 1} of at most {ASK_AT_MOST}.")


def _answered(answers: list[tuple[str, str, str]]) -> None:
    """Each answer given, as a button that takes it back."""
    st.markdown(":small[Your answers (tap one to take it back):]")
    with st.container(horizontal=True, gap="small"):
        for i, (column, term, answer) in enumerate(answers):
            st.button(
                f"{_SAID[answer]}: {md_escape(term)}",
                key=f"narrow-undo-{i}",
                on_click=state.undo_answer,
                args=(column, term, answer),
                icon=":material/undo:",
                type="tertiary",
                help=f"Take back your answer about {md_escape(term)}",
            )
