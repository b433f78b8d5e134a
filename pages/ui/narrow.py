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

from causes.i18n import N_, _, ngettext, number, pgettext
from causes.query import Query, Result
from causes.questions import ASK_AT_MOST, MIN_CAUSES, Question, next_question
from causes.table import CauseTable
from causes.text import md_escape
from causes.view import key_of
from pages.ui import state

ANSWERS = ("yes", "no", "not sure")  # the answers' codes
ANSWERS_KEY = "narrow-answers"
ANSWER_LABEL = N_("Your answer to the question above")  # English: shown as `answer_label()`


def answer_label() -> str:
    """The answers' label (hidden; a screen reader says it)."""
    return _(ANSWER_LABEL)


def said(answer: str) -> str:
    """An answer's words, by its code."""
    if answer == "yes":
        return pgettext("an answer to a question", "Yes")
    if answer == "no":
        return pgettext("an answer to a question", "No")
    return pgettext("an answer to a question", "Not sure")


def narrow_panel(table: CauseTable, query: Query, result: Result) -> None:
    """The panel, once something is chosen and at least `MIN_CAUSES` causes are shown (or
    an answer was given, so that it can be taken back)."""
    yes, unsure = state.narrow_answers(query)
    answers = [(c, t, "yes") for c, t in yes] + [("", t, "no") for t in query.without]
    answers += [(c, t, "not sure") for c, t in unsure]
    if query.is_empty or (len(result) < MIN_CAUSES and not answers):
        return
    with st.container(border=True, key="narrow"):
        intro = ":material/quiz: " + _(
            "**What would tell these apart?** One question at a time: each answer puts the "
            "causes below in a new order. Nothing is hidden by a no."
        )
        if len(answers) >= ASK_AT_MOST:
            # Translators: {n} is how many questions the person answered.
            enough = ngettext(
                "That is {n} answer: enough to narrow the list down. Take one back to change it, or take what "
                "you know to a doctor (**Prepare for an appointment**, below).",
                "That is {n} answers: enough to narrow the list down. Take one back to change it, or take what "
                "you know to a doctor (**Prepare for an appointment**, below).",
                len(answers),
            ).format(n=number(len(answers)))
            st.markdown(f"{intro}\n\n{enough}")
        else:
            pairs = [(c, t) for c, t, _code in answers if c]
            question = next_question(table, result, query, pairs + list(unsure))
            if question is None:
                none = _("No other question would change the order of the causes below.")
                st.markdown(f"{intro}\n\n:small[{none}]")
            else:
                _ask(intro, question, len(answers))
        if answers:
            _answered(answers)


def _ask(intro: str, question: Question, answered: int) -> None:
    """The question and its why in one markdown; its answers one segmented control (keyed
    by the question, so a new question starts unanswered)."""
    # Translators: {n} is this question's number; {most} how many questions are asked at most.
    count = _("Question {n} of at most {most}.").format(n=number(answered + 1), most=number(ASK_AT_MOST))
    st.markdown(f"{intro}\n\n**{md_escape(question.text())}**  \n:small[{md_escape(question.why())} {count}]")
    key = f"narrow-q-{key_of((question.column, question.term))}"
    st.segmented_control(
        answer_label(),  # no table text: a label's words become its aria-label as written
        list(ANSWERS),
        format_func=said,
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
    # Translators: an answer given, as a button that takes it back: "{answer}: {term}" ("Yes: calves").
    labels = {_("{answer}: {term}").format(answer=said(a), term=t): (c, t, a) for c, t, a in answers}
    key = f"{ANSWERS_KEY}-{key_of(tuple(labels))}"
    st.pills(
        _("Your answers (tap one to take it back)"),
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
