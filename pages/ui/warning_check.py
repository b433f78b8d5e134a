"""The warning-sign check and its action cards, shared by every page.

- `check_panel` (Explore and the Body map, above the causes): once anything is chosen, a
  yes/no question per warning sign that applies: the always-asked set first, whatever
  matches, then the matching causes' own, most serious first.
- `action_cards` (app.py, at the top of every page): for each level a person said yes
  to, what to do, how soon, whom to call and why, until they clear it.

The answers are health data: they live in this browser tab's session only (never the URL,
a log, a file or another session). What to ask and what each card says is decided in
`causes.check`; this module holds the widgets (their state is kept by `pages.ui.state`)."""

from __future__ import annotations

import streamlit as st

from causes.check import (
    SERIOUS,
    Answer,
    Sign,
    applies,
    asked_first,
    card_markdown,
    inline_action,
    keep,
    signs_to_ask,
)
from causes.check import action_cards as cards_for
from causes.i18n import _, ngettext, number
from causes.query import Query, Result
from causes.redflags import RedFlag
from causes.style import badge_md, urgency_style
from causes.table import CauseTable
from causes.text import md_escape
from pages.ui import state
from pages.ui.chrome import help_here


def _said(group: list[Sign], key: str) -> None:
    """A group's choice changed: each of its signs is a yes when chosen, else not."""
    chosen = set(state.chosen(key))
    answers = state.answers()
    for sign in group:
        answers = keep(answers, sign, sign.key in chosen)
    state.set_answers(answers)


def _none_of_these() -> None:
    state.set_check_folded(True)


def action_cards() -> None:
    """The action for each level said yes to, most serious first, above everything else."""
    answers = state.answers()
    if not answers:
        return
    cards = cards_for(answers.values(), help_here())
    with st.container(key="action-cards"):
        for card in cards:
            style = urgency_style(card.level)
            text = card_markdown(card, md_escape)
            if card.level in SERIOUS:
                st.error(text, icon=style.icon)
            else:
                st.warning(text, icon=style.icon)
        st.button(
            _("Clear my answers"),
            on_click=state.clear_answers,
            icon=":material/close:",
            type="tertiary",
            key="clear-answers",
            help=_("Your answers stay in this browser tab only; this forgets them."),
        )


def check_panel(table: CauseTable, query: Query, result: Result, general: tuple[RedFlag, ...]) -> None:
    """Above the causes, once anything is chosen: the warning signs that apply, each a
    yes/no question (a button pressed = yes), the always-asked set first. The causes stay visible
    below."""
    if not applies(query):
        return
    signs = signs_to_ask(table, result, general, query)
    if not signs:
        return
    answers = state.answers()
    folded = state.check_folded() and not answers
    label = (
        _("Warning signs: you said none of these apply. Open to check again.")
        if folded
        else _("Before the causes: do any of these apply to you?")
    )
    with st.container(key="warning-check"), st.expander(label, expanded=not folded, icon=":material/e911_emergency:"):
        st.markdown(_("Tap any that apply to you now. Your answers stay in this browser tab only."))
        first, later = asked_first(signs)  # the always-asked set first, whatever matches
        _questions(first, answers, "first")
        if later:
            more = st.toggle(
                # Translators: a switch that shows {n} more warning signs to answer.
                ngettext("Also check {n} more sign", "Also check {n} more signs", len(later)).format(
                    n=number(len(later))
                ),
                key=state.WARNING_MORE,
                value=not first,
                help=_("The warning signs of the other causes listed, and those that mean book an appointment."),
            )
            if more:
                _questions(later, answers, "later")
        st.button(_("None of these"), on_click=_none_of_these, icon=":material/check:", key="none-of-these")


def _questions(signs: list[Sign], answers: dict[str, Answer], part: str) -> None:
    """The signs as one group of yes buttons a level (most serious first): few elements
    (each costs a phone a message and a redraw), every question shown whole."""
    services = help_here()
    text = {s.key: md_escape(s.sign) for s in signs}
    for level in dict.fromkeys(s.level for s in signs):
        group = [s for s in signs if s.level == level]
        style = urgency_style(level)
        key = state.group_key(part, level, [s.key for s in group])
        st.pills(
            f"{badge_md(style.label, style.badge, style.icon)} **{md_escape(services.heading(level))}:**",
            [s.key for s in group],
            selection_mode="multi",
            default=[s.key for s in group if s.key in answers],
            format_func=text.__getitem__,
            key=key,
            on_change=_said,
            args=(group, key),
            width="stretch",
        )
        for sign in group:  # where the person is looking; the card at the top of every page says it too
            if sign.key in answers:
                st.error(md_escape(inline_action(sign, services)), icon=style.icon)
