"""What would tell these apart: Explore's question panel, under the warning-sign check.

One question at a time (`causes.questions.next_question`): Yes (the term becomes a filter,
as if picked), No (a finding the person does not have: the causes that list it move down
and say so) or Not sure (the next question). Every answer re-ranks at once and can be taken
back; the panel stops after `ASK_AT_MOST` answers, or when no question would change the
order. The yes and no answers are filters, so they are in the link; "not sure" is not.

Few elements (each costs a phone a message): the words in one markdown, the answers as one
segmented control, the answers given as one group of toggles (untoggle one to take it back).
Its 44 px targets are in `pages.ui.styles`."""

from __future__ import annotations

import streamlit as st

from causes.query import Query, Result
from causes.questions import ASK_AT_MOST, MIN_CAUSES, Question, next_question
from causes.table import CauseTable
from causes.text import md_escape
from causes.view import key_of
from pages.ui import state

_SAID = {"yes": "Yes", "no": "No", "not sure": "Not sure"}
ANSWERS_KEY = "narrow-answers"
ANSWER_LABEL = "Your answer to the question above"


def narrow_panel(table: CauseTable, query: Query, result: Result) -> None:
    """The panel, once something is chosen and at least `MIN_CAUSES` causes are shown (or
    an answer was given, so that it can be taken back)."""
    yes, unsure = state.narrow_answers(query)
    answers = [(c, t, "yes") for c, t in yes] + [("", t, "no") for t in query.without]
    answers += [(c, t, "not sure") for c, t in unsure]
    if query.is_empty or (len(result) < MIN_CAUSES and not answers):
        return
    with st.container(border=True, key="narrow"):
        intro = (
            ":material/quiz: **What would tell these apart?** One question at a time: each answer puts the "
            "causes below in a new order. Nothing is hidden by a no."
        )
        if len(answers) >= ASK_AT_MOST:
            st.markdown(
                f"{intro}\n\nThat is {len(answers)} answers: enough to narrow the list down. Take one back to "
                "change it, or take what you know to a doctor (**Prepare for an appointment**, below)."
            )
        else:
            pairs = [(c, t) for c, t, _ in answers if c]
            question = next_question(table, result, query, pairs + list(unsure))
            if question is None:
                st.markdown(f"{intro}\n\n:small[No other question would change the order of the causes below.]")
            else:
                _ask(intro, question, len(answers))
        if answers:
            _answered(answers)


def _ask(intro: str, question: Question, answered: int) -> None:
    """The question and its why in one markdown; its answers one segmented control (keyed
    by the question, so a new question starts unanswered)."""
    st.markdown(
        f"{intro}\n\n**{md_escape(question.text())}**  \n"
        f":small[{md_escape(question.why())} Question {answered + 1} of at most {ASK_AT_MOST}.]"
    )
    key = f"narrow-q-{key_of((question.column, question.term))}"
    st.segmented_control(
        ANSWER_LABEL,  # no table text: a label's words become its aria-label as written
        list(_SAID),
        format_func=_SAID.__getitem__,
        key=key,
        on_change=_answer,
        args=(question, key),
        label_visibility="collapsed",
    )


def _answer(question: Question, key: str) -> None:
    said = state.chosen(key)
    if said:
        state.answer_question(question.column, question.term, said[0])


def _answered(answers: list[tuple[str, str, str]]) -> None:
    """The answers given, as one group of pressed toggles: untoggle one to take it back."""
    labels = {f"{_SAID[a]}: {t}": (c, t, a) for c, t, a in answers}
    key = f"{ANSWERS_KEY}-{key_of(tuple(labels))}"
    st.pills(
        "Your answers (tap one to take it back)",
        list(labels),
        selection_mode="multi",
        default=list(labels),
        format_func=md_escape,
        key=key,
        on_change=_taken_back,
        args=(labels, key),
    )


def _taken_back(labels: dict[str, tuple[str, str, str]], key: str) -> None:
    kept = set(state.chosen(key))
    for label, (column, term, answer) in labels.items():
        if label not in kept:
            state.undo_answer(column, term, answer)
