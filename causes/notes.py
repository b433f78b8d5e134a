"""Speaker notes: what a presenter's view shows beside the slide on show.

Notes are written from the cause table only (no medical word the table does not say), in
this run's language, as plain-text sections (`NoteSection`): the page escapes every line,
so nothing here is markdown or HTML, and table text stays as written (on one line).

- a cause slide: what tells the cause apart from its look-alikes among the deck's other
  causes (the ones a live room's quiz offers: `causes.compare.look_alikes`); the questions
  people ask, each answered from its row (how common, how serious, what helps, the tests);
  its explanation; its source. Every slide of one cause has the same notes;
- the title slide: what the talk covers, and that it is education, not diagnosis;
- the overview slide: the chart in words, a line per category;
- a "When to get help" slide: each of its signs with the action its level asks;
- a sources slide: each publisher and page.

    for section in speaker_notes(table, deck, deck.slide(3), help_for("en-GB")):
        print(section.heading, *section.lines, sep="\\n")
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from causes.check import general_advice, usually_line, when_to_get_help
from causes.compare import MAX_CAUSES, compare, look_alikes, told_apart
from causes.deck import Deck, Slide, ask_a_professional, overview_counts, overview_data
from causes.export import disclaimer, no_match, not_diagnosis
from causes.i18n import _, long_date, ngettext, number
from causes.redflags import RedFlag, cause_flags, grouped
from causes.style import Help, commonness_words, urgency_style
from causes.table import CauseTable
from causes.text import paragraphs, safe_url

LOOK_ALIKES = MAX_CAUSES - 1  # told apart from at most 3 others, as a quiz offers
_UNKNOWN_COMMONNESS = ("", "not known")


@dataclass(frozen=True)
class NoteSection:
    """One part of a slide's notes: a short heading over lines of plain text, both in
    this run's language (the page escapes them; none is markdown)."""

    heading: str
    lines: tuple[str, ...]


def speaker_notes(table: CauseTable, deck: Deck, slide: Slide, help: Help) -> tuple[NoteSection, ...]:
    """The notes for `slide` of `deck`: sections with at least one line each, none empty."""
    if slide.kind == "cause" and slide.position is not None:
        return cause_notes(table, deck, slide.position, help)
    if slide.kind == "title":
        return title_notes(deck)
    if slide.kind == "overview":
        return overview_notes(table, deck)
    if slide.kind == "doctor":
        return doctor_notes(slide, help)
    if slide.kind == "sources":
        return sources_notes(slide)
    return ()


def notes_markdown(sections: Iterable[NoteSection], escape: Callable[[str], str]) -> str:
    """The notes as one markdown text: each heading in bold over its lines as a list, every
    word of them escaped by `escape` (they hold the table's words)."""
    return "\n\n".join(
        f"**{escape(s.heading)}**\n\n" + "\n".join(f"- {escape(line)}" for line in s.lines) for s in sections
    )


def _line(text: str) -> str:
    """Text on one line: runs of spaces and line breaks folded."""
    return " ".join(str(text).split())


def _sections(parts: Iterable[tuple[str, Iterable[str]]]) -> tuple[NoteSection, ...]:
    """(heading, lines) as sections, each line on one line; blank lines left out, and a
    section left with none."""
    out = []
    for heading, lines in parts:
        kept = tuple(line for line in map(_line, lines) if line)
        if kept:
            out.append(NoteSection(heading, kept))
    return tuple(out)


# --- a cause ----------------------------------------------------------------------------------


def cause_notes(table: CauseTable, deck: Deck, position: int, help: Help) -> tuple[NoteSection, ...]:
    """A cause's notes: what tells it apart, the questions people ask, in more detail, its
    source (each section only where the row has something to say)."""
    record = table.record(position)
    return _sections(
        [
            # Translators: a heading of a slide's speaker notes, over one sentence on what tells
            # the cause apart from the causes most like it.
            (_("What tells it apart"), [apart(table, deck, position)]),
            # Translators: a heading of a slide's speaker notes, over questions and their answers.
            (_("Questions people ask"), questions(table, record, help, deck.flags)),
            # Translators: a heading of a slide's speaker notes, over the cause's longer explanation.
            (_("In more detail"), paragraphs(record["explanation"] or "")),
            (_("Source"), source_lines(record)),
        ]
    )


def apart(table: CauseTable, deck: Deck, position: int) -> str:
    """The sentence on what tells the cause apart from its look-alikes among the deck's
    other causes (the table's, when the deck has too few), by what it has and they do not
    (`compare.told_apart`: never its level); "" when nothing does, or in a table of one cause."""
    candidates = list(dict.fromkeys(int(p) for p in deck.positions))
    others = look_alikes(table, position, candidates, LOOK_ALIKES)
    if not others:
        return ""
    sentence = told_apart(table, compare(table, [position, *others]), 0)
    return "" if sentence is None else sentence.text


def questions(table: CauseTable, record: Mapping[str, Any], help: Help, general: Sequence[RedFlag] = ()) -> list[str]:
    """Short questions with their answers, each from the row only: how common it is (when
    the table says of any cause), how serious and its most serious warning sign, what
    helps, and the tests a doctor may do (when it names any)."""
    lines = []
    if table.says_commonness:
        value = str(record["commonness"] or "").strip().casefold()
        if value in _UNKNOWN_COMMONNESS:
            # Translators: a question people ask about a cause, and its answer when the table
            # does not say how common it is.
            lines.append(_("How common is it? The table's sources do not say."))
        else:
            # Translators: a question people ask about a cause, and its answer: {answer} is
            # how common it is ("Common cause", "Rare cause").
            lines.append(_("How common is it? {answer}.").format(answer=commonness_words(value)))
    usually = usually_line(record["urgency"] or "")
    flags = cause_flags(record, general)
    if flags:
        worst = flags[0]
        # Translators: a question people ask about a cause, and its answer: {usually} is its
        # usual level ("Usually: See a doctor (book an appointment in the coming days)"),
        # {sign} its most serious warning sign, from the table, {action} what to do then
        # ("Get help today: ask for an urgent appointment with a GP, or call 111.").
        serious = _("Is it serious? {usually}. Its most serious warning sign: {sign}. Then: {action}")
        action = help.action(worst.urgency, worst.contact)
        lines.append(serious.format(usually=usually, sign=_line(worst.sign).rstrip("."), action=action))
    else:
        # Translators: a question people ask about a cause, and its answer: {usually} is its
        # usual level ("Usually: See a doctor (book an appointment in the coming days)").
        lines.append(_("Is it serious? {usually}.").format(usually=usually))
    care = [_line(item) for item in record["self_care"] if _line(item)]
    # Translators: a question people ask about a cause, and its answer: {items} is what
    # helps, from the table, separated by "; " (or "Ask a health professional.").
    lines.append(_("What can I do? {items}").format(items="; ".join(care) or ask_a_professional()))
    tests = [_line(item) for item in record["tests"] if _line(item)]
    if tests:
        # Translators: a question people ask about a cause, and its answer: {tests} are the
        # tests a doctor may do, from the table, separated by "; ".
        lines.append(_("Will a doctor do tests? {tests}").format(tests="; ".join(tests)))
    return lines


def source_lines(record: Mapping[str, Any]) -> list[str]:
    """The source's publisher, its page (only an http or https one), and when the row was
    last reviewed."""
    lines = [str(record["source_name"] or "")]
    url = safe_url(str(record["source_url"] or ""))
    if url:
        lines.append(url)
    reviewed = str(record["last_reviewed"] or "").strip()
    if reviewed:
        # Translators: {date} is a date ("24 November 2026", or as the table writes it, 2026-01-31).
        lines.append(_("Last reviewed {date}.").format(date=_date(reviewed)))
    return lines


def _date(value: str) -> str:
    """A table's date in words ("24 November 2026"), or as written when it is not one."""
    try:
        return long_date(dt.date.fromisoformat(value))
    except ValueError:
        return value


# --- the other slides -------------------------------------------------------------------------


def title_notes(deck: Deck) -> tuple[NoteSection, ...]:
    """What the talk covers, and the line to say aloud: education, not diagnosis."""
    shown = len(deck.positions)
    if shown:
        # Translators: in a presenter's notes: {n} is how many causes have a slide in the talk.
        count = ngettext("{n} cause has a slide of its own.", "{n} causes have a slide of their own.", shown).format(
            n=number(shown)
        )
    else:
        count = no_match()
    return _sections(
        [
            # Translators: a heading of the title slide's speaker notes.
            (_("What this talk covers"), [deck.description, deck.cap_note or count]),
            # Translators: a heading of the title slide's speaker notes, over what the
            # presenter says to the room.
            (
                _("Say aloud"),
                [
                    " ".join((not_diagnosis(), disclaimer())),
                    # Translators: a line of the title slide's notes, said to the room.
                    _(
                        "Anyone here with one of the warning signs should not wait for the end of the talk: "
                        'the "When to get help" slides say what to do and how soon.'
                    ),
                ],
            ),
        ]
    )


def overview_notes(table: CauseTable, deck: Deck) -> tuple[NoteSection, ...]:
    """The overview chart in words: a line per category (most causes first) with its
    causes by level, most serious first; what the chart adds up or leaves out."""
    data = overview_data(table, deck)
    lines = []
    for name, total, parts in overview_counts(data):
        if parts:
            # Translators: a line of a presenter's notes: {category} has {total} ("5 causes"),
            # {levels} their levels ("2 urgent, 3 self-care"). Plain text, no markdown.
            line = _("{category}: {total} ({levels})")
            lines.append(line.format(category=name, total=total, levels=", ".join(parts)))
        else:
            # Translators: a line of a presenter's notes: {category} has {total} ("5 causes"). Plain text.
            lines.append(_("{category}: {total}").format(category=name, total=total))
    if not lines:
        lines.append(no_match())
    # Translators: a heading of the overview slide's speaker notes: the chart said in words.
    return _sections([(_("The chart in words"), [*lines, data.note, deck.cap_note])])


def doctor_notes(slide: Slide, help: Help) -> tuple[NoteSection, ...]:
    """A "When to get help" slide: that a sign's level is what to do, and each sign with
    its level and action; without signs, the general advice."""
    if not slide.flags:
        # Translators: a line of a presenter's notes: {heading} is what to do, ending "if"
        # ("Get help if"); {sign} what to look out for.
        lines = [_("{heading}: {sign}").format(heading=help.heading(""), sign=general_advice())]
        return _sections([(when_to_get_help(), lines)])
    lines = []
    for level, signs in grouped(slide.flags):
        # Translators: a line of a presenter's notes, over warning signs: {level} is a level's
        # name ("Urgent"), {action} what to do if someone has one of the signs below it.
        lines.append(_("{level}: {action}").format(level=urgency_style(level).label, action=help.action(level)))
        lines += [flag.sign for flag in signs]
    return _sections([(when_to_get_help(), lines)])


def sources_notes(slide: Slide) -> tuple[NoteSection, ...]:
    """A sources slide: each publisher, with its page when it has an http or https one."""
    lines = []
    for source in slide.sources:
        url = safe_url(source.url or "")
        if url:
            # Translators: a line of a presenter's notes: {publisher} is a source's publisher
            # ("NHS"), {url} its page's address.
            lines.append(_("{publisher}: {url}").format(publisher=source.publisher, url=url))
        else:
            lines.append(source.publisher)
    if not any(_line(line) for line in lines):
        lines = [_("No sources given.")]
    return _sections([(_("Sources"), lines)])
