"""What a live room asks and shows, from the deck on show: the three polls, their results
as counts (a bar chart, or the body map as a heat map), and the room's results as files.

The polls (`PollSpec`):
- "Which of these have you noticed?": the deck's symptoms, several answers;
- "Where do you feel it?": a tap on the body map (or a list, for a table whose body areas
  are not the ones drawn), one answer;
- "Which cause fits this story?": on a cause slide, that cause's symptoms and places as a
  story, the cause and up to three look-alikes to choose from, one answer; the presenter
  reveals the answer, with what tells it apart (from Compare).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from causes.bodymap import ANSWERS, TO_TAP, body_figure, uses_body_vocabulary
from causes.compare import compare, distinguishing_sentence, look_alikes
from causes.deck import Deck
from causes.export import write_csv
from causes.i18n import N_, _, ngettext, number, pgettext
from causes.room import Poll, PollKind, Question
from causes.stage import BODY, CHART_ROW, CHART_TOP, GAP, LINE
from causes.table import CauseTable
from causes.text import joined, plot_escape, short
from causes.theme import FONT_FAMILY, FONT_SIZE, base_layout, font, scaled
from causes.view import View

MAX_NOTICED = 12  # symptoms offered in "which have you noticed?"
QUIZ_CHOICES = 4
ROOM_PATH = "room"  # the audience page's url_path in app.py

# The polls' questions. A room keeps a poll's question as this English (the catalog's
# message id), so that every phone says it in its own language: `asked(poll)`.
NOTICED_QUESTION = N_("Which of these have you noticed?")
WHERE_QUESTION = N_("Where do you feel it?")
QUIZ_QUESTION = N_("Which cause fits this story?")


def asked(poll: Poll | PollSpec) -> str:
    """A poll's question, in this run's language."""
    return _(poll.question)


@dataclass(frozen=True)
class PollSpec:
    """A poll to open. `question` is English (kept so in the room; show it with `asked`);
    `story` and `why` are in this run's language."""

    kind: PollKind
    question: str
    options: tuple[str, ...]
    many: bool
    answer: str | None = None
    story: str = ""  # a quiz's story, said above its choices
    why: str = ""  # a quiz's reason, shown once the answer is revealed


def deck_params(view: View) -> dict[str, list[str]]:
    """What a phone needs to build the presenter's deck: the picked causes, else the filters."""
    return view.to_params(("deck",) if view.deck else ("query",))


def hides_the_slide(poll: Poll | None) -> bool:
    """A quiz, until its answer is revealed, takes the slide's place: the cause slide on
    show would give the answer away."""
    return poll is not None and poll.kind == "quiz" and not poll.revealed


def quiz_of(table: CauseTable, deck: Deck, poll: Poll) -> PollSpec | None:
    """A quiz poll's story and reason again, from the deck (the store keeps its choices)."""
    position = table.position_of(poll.answer or "")
    return None if poll.kind != "quiz" or position is None else quiz_poll(table, position, deck.positions)


def audience_link(root: str, code: str) -> str:
    """What the room opens on a phone: the audience page with the room's code."""
    return f"{root}/{ROOM_PATH}?room={code}"


def noticed_poll(table: CauseTable, deck: Deck) -> PollSpec:
    """The deck's symptoms, those most of its causes share first."""
    index = table.facets["symptoms"]
    rows = np.asarray(deck.positions or deck.result.positions[:50], dtype=np.int64)
    mask = np.zeros(len(table), dtype=bool)
    mask[rows] = True
    counts = index.facet_counts(mask) if len(rows) else np.zeros(len(index.terms), dtype=np.int64)
    order = [int(i) for i in np.argsort(-counts, kind="stable") if counts[i] > 0][:MAX_NOTICED]
    return PollSpec("noticed", NOTICED_QUESTION, tuple(index.terms[i] for i in order), many=True)


def where_poll(table: CauseTable) -> PollSpec:
    """Every body area of the table, for a tap on the body map (or a list)."""
    return PollSpec("where", WHERE_QUESTION, tuple(table.facets["body_areas"].terms), many=False)


def quiz_poll(table: CauseTable, position: int, candidates: Sequence[int]) -> PollSpec:
    """On a cause slide: its symptoms and places as a story; the cause and the look-alikes
    among `candidates` (the deck's other causes, else the table's) that share most of its
    symptoms, in name order, to choose from."""
    record = table.record(position)
    picked = [position, *look_alikes(table, position, candidates, QUIZ_CHOICES - 1)]
    names = sorted((table.record(p)["cause"] for p in picked), key=str.casefold)
    symptoms = joined(list(record["symptoms"][:4]), "and")
    if record["body_areas"]:
        # Translators: a quiz's story: {symptoms} and {areas} are lists from the table ("cramps
        # and twitching", "calves and thighs").
        story = _("Someone has {symptoms}, felt in the {areas}.").format(
            symptoms=symptoms, areas=joined(list(record["body_areas"][:3]), "and")
        )
    else:
        # Translators: a quiz's story: {symptoms} is a list from the table ("cramps and twitching").
        story = _("Someone has {symptoms}.").format(symptoms=symptoms)
    sentence = distinguishing_sentence(table, compare(table, picked), 0).text if len(picked) > 1 else ""
    return PollSpec(
        "quiz",
        QUIZ_QUESTION,
        tuple(names),
        many=False,
        answer=record["cause"],
        story=story,
        why=sentence,
    )


def results_alt(poll: Poll, counts: Mapping[str, int], people: int | None = None) -> str:
    """The results in words, for the chart's alt text and the caption under it: how many
    people answered (given `people`) and, where one may tick several, how many answers."""
    total = sum(counts.values())
    parts = [f"{option}: {counts.get(option, 0)}" for option in poll.options if counts.get(option, 0)]
    said = "; ".join(parts) if parts else _("no answers yet")
    question = asked(poll)
    if people is None:
        answers = ngettext("{n} answer", "{n} answers", total).format(n=number(total))
        # Translators: {question} is the poll's question; {answers} "5 answers"; {results} each
        # choice and its count ("cramps: 3; twitching: 2"), or "no answers yet".
        return _("{question} {answers}. {results}.").format(question=question, answers=answers, results=said)
    if poll.many and total != people:
        # Translators: {people} is how many people answered ("3 people"), {answers} how many answers ("5 answers").
        who = _("{people} answered, {answers} in all (one person may tick several)").format(
            people=ngettext("{n} person", "{n} people", people).format(n=number(people)),
            answers=ngettext("{n} answer", "{n} answers", total).format(n=number(total)),
        )
    else:
        who = ngettext("{n} person answered", "{n} people answered", people).format(n=number(people))
    # Translators: {question} is the poll's question; {who} "3 people answered"; {results} each
    # choice and its count ("cramps: 3; twitching: 2"), or "no answers yet".
    return _("{question} {who}. {results}.").format(question=question, who=who, results=said)


def results_figure(
    poll: Poll, counts: Mapping[str, int], table_areas: Iterable[str] = (), *, narrow: bool = False
) -> go.Figure:
    """Counts only: the body map shaded by how many people chose each part for "where"
    (when the table's areas are the drawn ones; `narrow` lays it out for a phone), else
    bars, most chosen first, the quiz's answer marked once revealed."""
    if poll.kind == "where" and uses_body_vocabulary(list(table_areas) or poll.options):
        return body_figure({a: n for a, n in counts.items() if n}, counted=ANSWERS, narrow_frame=narrow)
    shown = sorted(poll.options, key=lambda o: -counts.get(o, 0))[:15]
    labels = [plot_escape(short(o, 40)) + (" ✓" if poll.revealed and o == poll.answer else "") for o in shown]
    values = [counts.get(o, 0) for o in shown]
    fig = go.Figure(go.Bar(x=values, y=labels, orientation="h", text=values, textposition="outside", cliponaxis=False))
    fig.update_layout(**base_layout(plot_escape(asked(poll)), 120 + 40 * len(shown)))
    fig.update_yaxes(autorange="reversed", automargin=True)
    # Translators: the axis title of a poll's results: how many answers each choice has.
    fig.update_xaxes(rangemode="tozero", dtick=1 if max(values, default=0) < 10 else None, title=_("Answers"))
    return fig


STAGE_LABEL = 24  # characters of a choice beside its bar on a slide


def stage_results_figure(poll: Poll, counts: Mapping[str, int], table_areas: Iterable[str], height: float) -> go.Figure:
    """The results on the projector's stage (`causes.stage`), `height` px tall, every word
    in slide type: the body map's heat map, or as many bars as the height holds, most
    chosen first, each count at its bar's end (the slide's heading asks the question; no
    axis to read)."""
    if poll.kind == "where" and uses_body_vocabulary(list(table_areas) or poll.options):
        fig = scaled(results_figure(poll, counts, table_areas), BODY / FONT_SIZE, round(height))
        lines = 1 + str(fig.layout.title.subtitle.text or "").count("<br>") + bool(fig.layout.title.subtitle.text)
        fig.update_layout(
            title=dict(font=font(BODY), subtitle=dict(font=font(BODY)), y=1, yref="container", yanchor="top"),
            margin=dict(t=round(lines * BODY * LINE + GAP)),
        )
        # The slide's height is the picture's: its width follows (x left to the aspect kept).
        fig.update_xaxes(range=None)
        for trace in fig.data:  # the parts' names and counts drawn on the picture
            if getattr(trace, "textfont", None) is not None and trace.textfont.size:
                trace.textfont.size = max(trace.textfont.size, BODY)
        return fig
    rows = max(1, int((height - 2 * CHART_TOP) // CHART_ROW))
    shown = sorted(poll.options, key=lambda o: -counts.get(o, 0))[: min(rows, 15)]
    labels = [plot_escape(short(o, STAGE_LABEL)) + (" ✓" if poll.revealed and o == poll.answer else "") for o in shown]
    values = [counts.get(o, 0) for o in shown]
    text = font(BODY)
    fig = go.Figure(
        go.Bar(
            x=values, y=labels, orientation="h", text=values, textposition="outside", textfont=text, cliponaxis=False
        )
    )
    fig.update_layout(**base_layout(None, round(height)), margin=dict(l=4, r=70, t=CHART_TOP, b=CHART_TOP))
    fig.update_layout(font=dict(family=FONT_FAMILY, **text), bargap=0.3)
    fig.update_yaxes(autorange="reversed", automargin=True, tickfont=text, dtick=1)
    fig.update_xaxes(rangemode="tozero", visible=False, range=[0, max(max(values, default=0), 1) * 1.1])
    return fig


def tap_figure(poll: Poll, mine: Iterable[str], *, narrow: bool = False) -> go.Figure:
    """A "where" poll on a phone: the body map to tap, every option a target, no counts
    (a phone answers; the room's results are the projector's), the phone's answer ticked."""
    return body_figure(dict.fromkeys(poll.options, 0), mine, counted=TO_TAP, narrow_frame=narrow)


def results_csv(polls: Sequence[Poll], counts: Sequence[Mapping[str, int]]) -> bytes:
    """Every poll's counts: one row per poll and choice (the words in this run's language;
    a poll's kind is a code)."""
    rows = []
    yes = pgettext("a cell of a results file", "yes")
    for place, (poll, tally) in enumerate(zip(polls, counts, strict=True), start=1):
        for option in poll.options:
            mark = yes if poll.answer == option else ""
            rows.append([str(place), poll.kind, asked(poll), option, str(tally.get(option, 0)), mark])
    # Translators: the column headings of a room's poll results file (a CSV file).
    header = [_("poll"), _("kind"), _("question"), _("choice"), _("answers"), _("correct")]
    return write_csv(header, rows)


def questions_csv(questions: Sequence[Question]) -> bytes:
    """The room's questions, hidden ones marked, most up-voted first."""
    yes = pgettext("a cell of a results file", "yes")
    rows = [[q.text, str(q.votes), yes if q.answered else "", yes if q.hidden else ""] for q in questions]
    # Translators: the column headings of a room's questions file (a CSV file).
    return write_csv([_("question"), _("up-votes"), _("answered"), _("hidden")], rows)
