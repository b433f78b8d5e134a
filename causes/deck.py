"""Presenter mode: a view of the table as a deck of slides.

A deck follows the current filters (the matching causes, best first) or a hand-picked
list of causes in the presenter's order. Its slides, in order:

1. the title: the topic, the view in plain English, the date (the page adds the
   education-not-diagnosis line and the QR code of the view's link);
2. the overview chart: the deck's causes per category, split by urgency;
3. one slide per cause (at most MAX_CAUSE_SLIDES; the title says when more match);
4. "When to see a doctor": the general red flags, most urgent first, a few per slide so
   they stay readable (so a long list takes two or more slides);
5. the sources: each publisher and page once, a few per slide.

A link names the deck (`deck=`, the hand-picked order; absent: follow the filters) and the
slide (`slide=`, from 1, clamped to the deck): see `causes.view`.

Text from the table is untrusted: everything here is plain text; the page escapes it,
and the charts' labels go through `plot_escape`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from causes.check import NO_SIGNS, WHEN_TO_GET_HELP, flags_markdown, signs_for
from causes.figures import URGENCY_COLUMNS, ChartData, category_data, category_figure
from causes.query import Query, Result, heading, result_of, run_query
from causes.redflags import RedFlag, cause_flags
from causes.schema import URGENCY_LEVELS
from causes.style import CATEGORY_ICON, Help, badge_md, plural, urgency_style
from causes.table import CauseTable
from causes.text import md_escape, plot_escape, safe_url, short
from causes.theme import BACKGROUND, GRID_COLOUR, SLIDE_SCALE, scaled

MAX_CAUSE_SLIDES = 30
KEY_SYMPTOMS = 6
TOP_ITEMS = 3  # self-care tips and red flags on a cause slide
FLAGS_PER_SLIDE = 6
SOURCES_PER_SLIDE = 8
# Charts on a slide: read from the back of a room at 1280x720 (type: theme.SLIDE_SCALE).
OVERVIEW_HEIGHT = 380
SYMPTOM_ROW = 36
SYMPTOM_LABEL = 22  # characters; one line per bar

SlideKind = Literal["title", "overview", "cause", "doctor", "sources"]


@dataclass(frozen=True)
class Source:
    """A publisher and one of its pages (None when the table gives no link)."""

    publisher: str
    url: str | None


@dataclass(frozen=True)
class Slide:
    """One slide. `position` is the cause's table row (cause slides); `flags` and
    `sources` are what a doctor or sources slide lists."""

    kind: SlideKind
    title: str
    position: int | None = None
    flags: tuple[RedFlag, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Deck:
    """The slides of one view, and what the title slide says about it."""

    topic: str
    description: str
    date: str
    picked: bool  # hand-picked causes (else: the filters' matches)
    positions: tuple[int, ...]  # the causes with a slide, in order
    matching: int  # how many causes the view has (more than `positions` when capped)
    result: Result = field(repr=False)  # the view's causes, for the overview chart
    slides: tuple[Slide, ...] = ()

    def __len__(self) -> int:
        return len(self.slides)

    def slide(self, number: int) -> Slide:
        """Slide `number` (1-based), clamped to the deck."""
        return self.slides[self.clamp(number) - 1]

    def clamp(self, number: int) -> int:
        """A slide number within 1..len(self)."""
        return max(1, min(int(number), len(self)))

    @property
    def cap_note(self) -> str:
        """Said on the title and overview slides when not every cause has a slide."""
        left = self.matching - len(self.positions)
        if left <= 0:
            return ""
        return (
            f"{self.matching:,} causes match; the first {len(self.positions):,} have a slide each "
            f"({plural(left, 'more cause is', 'more causes are')} in the overview chart only)."
        )


# --- building the deck ----------------------------------------------------------------------


def deck_sources(table: CauseTable, positions: Iterable[int], flags: Iterable[RedFlag] = ()) -> tuple[Source, ...]:
    """Each publisher and page the deck's causes and red flags cite, once, in the order
    they are first cited; a publisher without a link is listed once by name."""
    seen: set[tuple[str, str | None]] = set()
    out: list[Source] = []
    pairs = [(table.frame["source_name"].iat[int(p)], table.frame["source_url"].iat[int(p)]) for p in positions]
    pairs += [(f.source_name, f.source_url or "") for f in flags]
    for name, url in pairs:
        name = " ".join(str(name or "").split())
        link = safe_url(str(url or ""))
        if not name and not link:
            continue
        key = (name.casefold(), link)
        if key not in seen:
            seen.add(key)
            out.append(Source(name or "Source", link))
    # A publisher cited without a link is dropped when one of its pages is listed.
    linked = {s.publisher.casefold() for s in out if s.url}
    return tuple(s for s in out if s.url or s.publisher.casefold() not in linked)


def _chunks(items: Sequence, size: int) -> list[tuple]:
    """Items split into as few slides as hold `size` each, as evenly as possible."""
    if not items:
        return []
    n = -(-len(items) // size)
    base, extra = divmod(len(items), n)
    out, start = [], 0
    for i in range(n):
        end = start + base + (1 if i < extra else 0)
        out.append(tuple(items[start:end]))
        start = end
    return out


def _doctor_slides(flags: Sequence[RedFlag]) -> list[Slide]:
    """The general red flags, most urgent first, at most FLAGS_PER_SLIDE a slide and one
    urgency level a slide. Without a red-flag file, one slide of the general advice."""
    if not flags:
        return [Slide("doctor", WHEN_TO_GET_HELP)]
    slides: list[Slide] = []
    for level in reversed(URGENCY_LEVELS):
        chosen = [f for f in flags if f.urgency == level]
        parts = _chunks(chosen, FLAGS_PER_SLIDE)
        for i, part in enumerate(parts, start=1):
            more = f" ({i} of {len(parts)})" if len(parts) > 1 else ""
            slides.append(Slide("doctor", f"{WHEN_TO_GET_HELP}{more}", flags=part))
    return slides


@functools.lru_cache(maxsize=8)
def shared_deck(
    table: CauseTable, topic: str, today: dt.date, query: Query, picked: tuple[int, ...], flags: tuple[RedFlag, ...]
) -> Deck:
    """`build_deck`, kept for the few decks a process's live rooms show: a slide change
    redraws every phone in a room at once, each with the same deck. (A table is keyed by
    identity, and at most 8 are held.)"""
    return build_deck(table, topic=topic, today=today, query=query, picked=picked, flags=flags)


def build_deck(
    table: CauseTable,
    *,
    topic: str,
    today: dt.date,
    query: Query | None = None,
    result: Result | None = None,
    picked: Sequence[int] = (),
    flags: Sequence[RedFlag] = (),
) -> Deck:
    """The deck of a view: the hand-picked causes `picked` in order when there are any,
    else the causes `result` matched for `query` (best first)."""
    query = query or Query()
    if picked:
        chosen = tuple(int(p) for p in picked[:MAX_CAUSE_SLIDES])
        view = result_of(table, chosen)
        description = f"{plural(len(chosen), 'cause')} chosen for this talk"
        matching = len(chosen)
    else:
        view = result if result is not None else run_query(table, query)
        chosen = tuple(int(p) for p in view.positions[:MAX_CAUSE_SLIDES])
        description = heading(query)
        matching = len(view)
    names = table.frame["cause"]
    slides = [Slide("title", topic), Slide("overview", "The causes at a glance")]
    slides += [Slide("cause", str(names.iat[p]), position=p) for p in chosen]
    # Its causes' warning signs and the general ones of no cause, not every general sign.
    signs = signs_for(table, chosen, flags)
    slides += _doctor_slides(signs)
    source_parts = _chunks(deck_sources(table, chosen, signs), SOURCES_PER_SLIDE)
    for i, part in enumerate(source_parts, start=1):
        more = f" ({i} of {len(source_parts)})" if len(source_parts) > 1 else ""
        slides.append(Slide("sources", f"Sources{more}", sources=part))
    return Deck(
        topic=topic,
        description=description,
        date=long_date(today),
        picked=bool(picked),
        positions=chosen,
        matching=matching,
        result=view,
        slides=tuple(slides),
    )


def long_date(day: dt.date) -> str:
    """`24 November 2026`."""
    return f"{day.day} {day:%B %Y}"


# --- one cause ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CauseCard:
    """What a cause slide shows: plain text from the table (the page escapes it)."""

    name: str
    category: str
    summary: str
    urgency: str
    symptoms: tuple[str, ...]  # at most KEY_SYMPTOMS
    more_symptoms: int
    areas: tuple[str, ...]
    self_care: tuple[str, ...]  # at most TOP_ITEMS
    red_flags: tuple[RedFlag, ...]  # at most TOP_ITEMS, most serious first


def cause_card(table: CauseTable, position: int) -> CauseCard:
    c = table.record(position)
    return CauseCard(
        name=c["cause"],
        category=c["category"],
        summary=c["summary"],
        urgency=c["urgency"],
        symptoms=tuple(c["symptoms"][:KEY_SYMPTOMS]),
        more_symptoms=max(0, len(c["symptoms"]) - KEY_SYMPTOMS),
        areas=tuple(c["body_areas"]),
        self_care=tuple(c["self_care"][:TOP_ITEMS]),
        red_flags=cause_flags(c)[:TOP_ITEMS],
    )


def symptom_counts(table: CauseTable, position: int) -> list[tuple[str, int]]:
    """A cause's key symptoms and how many causes in the whole table have each: a symptom
    many causes share says little about which one it is."""
    index = table.facets["symptoms"]
    counts = []
    for s in cause_card(table, position).symptoms:
        term_id = index.id_of(s)
        counts.append((s, int(index.counts[term_id]) if term_id is not None else 1))
    return counts


ASK_A_PROFESSIONAL = "Ask a health professional."


def phone_cause_text(table: CauseTable, position: int, help: Help) -> str:
    """A cause slide on a phone, under its heading, as one markdown text (one element to
    send each phone at a slide change): the badges and where it is felt, the summary, the
    key symptoms with how many causes share each, what helps, and when to get help."""
    card = cause_card(table, position)
    style = urgency_style(card.urgency)
    badges = (
        badge_md(style.label, style.badge, style.icon) + " " + badge_md(md_escape(card.category), "gray", CATEGORY_ICON)
    )
    felt = ", ".join(md_escape(a) for a in card.areas)
    symptoms = "\n".join(f"- {md_escape(s)}: {n:,}" for s, n in symptom_counts(table, position))
    return "\n\n".join(
        [
            badges + (f" **Felt in:** {felt}" if felt else ""),
            md_escape(card.summary),
            f"**Key symptoms** (how many of the {len(table):,} causes have each)\n\n{symptoms}",
            what_helps(card.self_care),
            when_to_get_help(card.red_flags, help),
        ]
    )


def what_helps(self_care: Sequence[str]) -> str:
    """A cause slide's self-care, as a markdown list under its label."""
    items = "\n".join(f"- {md_escape(i)}" for i in self_care) or f"- {ASK_A_PROFESSIONAL}"
    return f"**What helps**\n\n{items}"


def when_to_get_help(flags: Sequence[RedFlag], help: Help) -> str:
    """A cause slide's warning signs, grouped by level under the action each needs."""
    return f"**{WHEN_TO_GET_HELP}**\n\n" + (flags_markdown(flags, help, md_escape) or f"- {NO_SIGNS}")


def symptom_share(table: CauseTable, position: int) -> pd.DataFrame:
    """`symptom_counts` as a frame, for the chart."""
    frame = pd.DataFrame(symptom_counts(table, position), columns=["Symptom", "Causes"])
    return frame.astype({"Causes": np.int64})


def symptom_share_alt(table: CauseTable, position: int) -> str:
    frame = symptom_share(table, position)
    parts = [f"{s}: {plural(int(n), 'cause')}" for s, n in zip(frame["Symptom"], frame["Causes"], strict=True)]
    return f"Bar chart: how many of the table's {len(table):,} causes have each key symptom. " + "; ".join(parts) + "."


def symptom_figure(table: CauseTable, position: int) -> go.Figure:
    """A small bar chart: per key symptom of the cause, how many causes have it."""
    frame = symptom_share(table, position)
    rows = list(range(len(frame)))
    counts = frame["Causes"].tolist()
    fig = go.Figure(
        go.Bar(
            x=counts,
            y=rows,
            orientation="h",
            marker=dict(color="#0072B2"),
            text=[f"{n:,}" for n in counts],
            textposition="outside",
            cliponaxis=False,
            hovertext=[plot_escape(s) for s in frame["Symptom"]],
            hovertemplate="<b>%{hovertext}</b><br>%{x} causes<extra></extra>",
        )
    )
    longest = max(counts, default=1)
    fig.update_layout(
        showlegend=False,
        margin=dict(l=10, r=50, t=0, b=0),
        paper_bgcolor=BACKGROUND,
        plot_bgcolor=BACKGROUND,
        bargap=0.3,
    )
    fig.update_xaxes(range=[0, longest * 1.2], visible=False, fixedrange=True)
    fig.update_yaxes(
        tickvals=rows,
        ticktext=[plot_escape(short(s, SYMPTOM_LABEL)) for s in frame["Symptom"]],  # whole in hover and alt
        range=[len(frame) - 0.5, -0.5],
        fixedrange=True,
        automargin=True,
        gridcolor=GRID_COLOUR,
    )
    return scaled(fig, SLIDE_SCALE, 10 + SYMPTOM_ROW * max(len(frame), 1))


def overview_data(table: CauseTable, deck: Deck) -> ChartData:
    return category_data(table, deck.result)


def overview_list(data: ChartData) -> str:
    """The overview chart as a markdown list, the way a phone shows it: a line per
    category (most causes first) with its causes by urgency, most serious first."""
    *levels, unknown = URGENCY_COLUMNS
    order = [*reversed(levels), unknown]
    lines = []
    for record in data.frame.to_dict("records"):
        parts = [
            f"{int(record[c])} {'with no urgency given' if c == unknown else c.lower()}" for c in order if record[c]
        ]
        total = plural(int(record["Total"]), "cause")
        lines.append(
            f"- **{md_escape(str(record['Category']))}**: {total}" + (f" ({', '.join(parts)})" if parts else "")
        )
    return "\n".join(lines)


def overview_figure(table: CauseTable, data: ChartData) -> go.Figure:
    """The Overview's category-by-urgency chart, in slide type, without its own title
    (the slide has one)."""
    fig = scaled(category_figure(table, data), SLIDE_SCALE, OVERVIEW_HEIGHT)
    fig.update_layout(title=None, margin=dict(l=10, r=40, t=40, b=30), legend=dict(y=1))  # no title above it
    fig.update_xaxes(title=None)
    return fig
