"""Presenter mode: a view of the table as a deck of slides.

A deck follows the current filters (the matching causes, best first) or a hand-picked
list of causes in the presenter's order. Its slides, in order:

1. the title: the topic, the view in plain English, the date (the page adds the
   education-not-diagnosis line and the QR code of the view's link);
2. the overview chart: the deck's causes per category, split by urgency;
3. three slides per cause (at most MAX_CAUSE_SLIDES causes; the title says when more
   match): what it is (its summary and a chart of its key symptoms), what helps (and
   who is more likely to get it), and when to get help;
4. "When to get help": the deck's warning signs, one level a slide, most urgent first, a
   few per slide so they stay readable (so a long list takes two or more slides);
5. the sources: each publisher and page once, a few per slide.

The split is by structure, never by the length of the text, so every edition of a table
(English, Spanish) and every screen of a live room has the same slide N. The counts are
chosen so that each slide fits a 1280x720 projector in type read from the back of a room
(`causes.stage`; a browser test draws them all).

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

from causes import check
from causes.check import flags_markdown, no_signs, signs_for
from causes.figures import ChartData, category_data, category_figure
from causes.i18n import N_, _, language, long_date, ngettext, number, pgettext
from causes.query import Query, Result, heading, result_of, run_query
from causes.redflags import RedFlag, cause_flags
from causes.schema import URGENCY_LEVELS
from causes.stage import BODY, CHART_TOP, chart_height
from causes.style import CATEGORY_ICON, Help, badge_md, urgency_style
from causes.table import CauseTable
from causes.text import md_escape, plot_escape, safe_url, short
from causes.theme import BACKGROUND, FONT_FAMILY, GRID_COLOUR, font

MAX_CAUSE_SLIDES = 30
KEY_SYMPTOMS = 6
TOP_ITEMS = 3  # self-care tips and red flags on a cause slide
RISK_ITEMS = 8  # risk factors on a cause's "what helps" slide
FLAGS_PER_SLIDE = 4
SOURCES_PER_SLIDE = 4

# Charts on a slide, in the projector's type (`causes.stage`).
OVERVIEW_BARS = 6  # categories drawn; the rest are counted under the chart
SYMPTOM_LABEL = 20  # characters; one line per bar

SlideKind = Literal["title", "overview", "cause", "doctor", "sources"]
CausePart = Literal["about", "care", "help"]
# A cause's slides, in order: what it is, what helps, when to get help.
CAUSE_PARTS: tuple[CausePart, ...] = ("about", "care", "help")


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
    part: CausePart = "about"  # which of a cause's slides (`CAUSE_PARTS`)


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
    flags: tuple[RedFlag, ...] = field(default=(), repr=False)  # its causes' signs and the general ones

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
        # Translators: {matching} is how many causes match; {shown} how many have a slide;
        # {n} how many more are only counted in the overview chart.
        return ngettext(
            "{matching} causes match; the first {shown} have a slide each "
            "({n} more cause is in the overview chart only).",
            "{matching} causes match; the first {shown} have a slide each "
            "({n} more causes are in the overview chart only).",
            left,
        ).format(matching=number(self.matching), shown=number(len(self.positions)), n=number(left))


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
            # Translators: a source with no publisher's name, only its page.
            out.append(Source(name or _("Source"), link))
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


def _part_title(title: str, i: int, parts: int) -> str:
    """A slide's title, and which of `parts` slides of it this one is (when more than one)."""
    if parts <= 1:
        return title
    # Translators: a slide's title when its list takes several slides: "Sources (2 of 3)".
    return _("{title} ({i} of {n})").format(title=title, i=number(i), n=number(parts))


def _doctor_slides(flags: Sequence[RedFlag]) -> list[Slide]:
    """The general red flags, most urgent first, at most FLAGS_PER_SLIDE a slide and one
    urgency level a slide. Without a red-flag file, one slide of the general advice."""
    if not flags:
        return [Slide("doctor", check.when_to_get_help())]
    slides: list[Slide] = []
    for level in reversed(URGENCY_LEVELS):
        chosen = [f for f in flags if f.urgency == level]
        parts = _chunks(chosen, FLAGS_PER_SLIDE)
        for i, part in enumerate(parts, start=1):
            slides.append(Slide("doctor", _part_title(check.when_to_get_help(), i, len(parts)), flags=part))
    return slides


def shared_deck(
    table: CauseTable, topic: str, today: dt.date, query: Query, picked: tuple[int, ...], flags: tuple[RedFlag, ...]
) -> Deck:
    """`build_deck`, kept for the few decks a process's live rooms show: a slide change
    redraws every phone in a room at once, each with the same deck. (A table is keyed by
    identity, and at most 8 are held, each in the language it was made in: the phones of
    one room may speak different languages.)"""
    return _shared_deck(table, topic, today, query, picked, flags, language())


@functools.lru_cache(maxsize=8)
def _shared_deck(
    table: CauseTable,
    topic: str,
    today: dt.date,
    query: Query,
    picked: tuple[int, ...],
    flags: tuple[RedFlag, ...],
    lang: str,
) -> Deck:
    """`shared_deck` in `lang` (the cache's key: a deck's words are in one language)."""
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
        description = ngettext("{n} cause chosen for this talk", "{n} causes chosen for this talk", len(chosen)).format(
            n=number(len(chosen))
        )
        matching = len(chosen)
    else:
        view = result if result is not None else run_query(table, query)
        chosen = tuple(int(p) for p in view.positions[:MAX_CAUSE_SLIDES])
        description = heading(query)
        matching = len(view)
    names = table.frame["cause"]
    slides = [Slide("title", topic), Slide("overview", _("The causes at a glance"))]
    slides += [Slide("cause", str(names.iat[p]), position=p, part=part) for p in chosen for part in CAUSE_PARTS]
    # Its causes' warning signs and the general ones of no cause, not every general sign.
    signs = signs_for(table, chosen, flags)
    slides += _doctor_slides(signs)
    source_parts = _chunks(deck_sources(table, chosen, signs), SOURCES_PER_SLIDE)
    for i, part in enumerate(source_parts, start=1):
        slides.append(Slide("sources", _part_title(_("Sources"), i, len(source_parts)), sources=part))
    return Deck(
        topic=topic,
        description=description,
        date=long_date(today),
        picked=bool(picked),
        positions=chosen,
        matching=matching,
        result=view,
        slides=tuple(slides),
        flags=tuple(signs),
    )


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
    risk_factors: tuple[str, ...]  # at most RISK_ITEMS
    self_care: tuple[str, ...]  # at most TOP_ITEMS
    red_flags: tuple[RedFlag, ...]  # at most TOP_ITEMS, most serious first


def cause_card(table: CauseTable, position: int, general: Sequence[RedFlag] = ()) -> CauseCard:
    """A cause's slide; `general`: the table's red-flag file (whom a sign sends a person to first)."""
    c = table.record(position)
    return CauseCard(
        name=c["cause"],
        category=c["category"],
        summary=c["summary"],
        urgency=c["urgency"],
        symptoms=tuple(c["symptoms"][:KEY_SYMPTOMS]),
        more_symptoms=max(0, len(c["symptoms"]) - KEY_SYMPTOMS),
        areas=tuple(c["body_areas"]),
        risk_factors=tuple(c["risk_factors"][:RISK_ITEMS]),
        self_care=tuple(c["self_care"][:TOP_ITEMS]),
        red_flags=cause_flags(c, general)[:TOP_ITEMS],
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


# English, marked for the catalog: `ask_a_professional()` says it in the run's language.
ASK_A_PROFESSIONAL = N_("Ask a health professional.")


def ask_a_professional() -> str:
    """Said on a cause slide with no self-care."""
    return _(ASK_A_PROFESSIONAL)


def phone_cause_text(
    table: CauseTable, position: int, help: Help, part: CausePart = "about", general: Sequence[RedFlag] = ()
) -> str:
    """A cause's slide on a phone, under its heading, as one markdown text (one element to
    send each phone at a slide change): what the projector's slide `part` shows. About:
    the badges and where it is felt, the summary, the key symptoms with how many causes
    share each; care: what helps, and who is more likely to get it; help: when to get help."""
    card = cause_card(table, position, general)
    if part == "care":
        return "\n\n".join(x for x in (what_helps(card.self_care), more_likely(card.risk_factors)) if x)
    if part == "help":
        return when_to_get_help(card.red_flags, help)
    style = urgency_style(card.urgency)
    badges = (
        badge_md(style.label, style.badge, style.icon) + " " + badge_md(md_escape(card.category), "gray", CATEGORY_ICON)
    )
    felt = ", ".join(md_escape(a) for a in card.areas)
    symptoms = "\n".join(f"- {md_escape(s)}: {number(n)}" for s, n in symptom_counts(table, position))
    # Translators: markdown: ** marks bold. {areas} are body areas from the table.
    felt_in = " " + _("**Felt in:** {areas}").format(areas=felt) if felt else ""
    return "\n\n".join([badges + felt_in, md_escape(card.summary), f"{key_symptoms(len(table))}\n\n{symptoms}"])


def key_symptoms(causes: int) -> str:
    """The label over a cause's key symptoms: what the counts beside them are."""
    # Translators: markdown: ** marks bold. {n} is how many causes the table has.
    return ngettext(
        "**Key symptoms** (how many of the {n} cause have each)",
        "**Key symptoms** (how many of the {n} causes have each)",
        causes,
    ).format(n=number(causes))


def more_likely(risk_factors: Sequence[str]) -> str:
    """A cause's risk factors under their label, as a markdown list ("" when none)."""
    if not risk_factors:
        return ""
    items = "\n".join(f"- {md_escape(r)}" for r in risk_factors)
    # Translators: a label over a cause's risk factors, on a slide.
    return "**" + _("More likely with") + f"**\n\n{items}"


def what_helps(self_care: Sequence[str]) -> str:
    """A cause slide's self-care, as a markdown list under its label."""
    items = "\n".join(f"- {md_escape(i)}" for i in self_care) or f"- {ask_a_professional()}"
    return "**" + _("What helps") + f"**\n\n{items}"


def when_to_get_help(flags: Sequence[RedFlag], help: Help) -> str:
    """A cause slide's warning signs, grouped by level under the action each needs."""
    return f"**{check.when_to_get_help()}**\n\n" + (flags_markdown(flags, help, md_escape) or f"- {no_signs()}")


def symptom_share(table: CauseTable, position: int) -> pd.DataFrame:
    """`symptom_counts` as a frame, for the chart: a symptom, and how many causes have it
    (the headings in this run's language)."""
    # Translators: column headings of a slide chart's table: a symptom, and how many causes have it.
    columns = [_("Symptom"), _("Causes")]
    frame = pd.DataFrame(symptom_counts(table, position), columns=columns)
    return frame.astype({columns[1]: np.int64})


def symptom_share_alt(table: CauseTable, position: int) -> str:
    frame = symptom_share(table, position)
    symptom, causes = frame.columns
    parts = [
        # Translators: {symptom} is a symptom from the table; {n} how many causes have it.
        ngettext("{symptom}: {n} cause", "{symptom}: {n} causes", int(n)).format(symptom=s, n=number(int(n)))
        for s, n in zip(frame[symptom], frame[causes], strict=True)
    ]
    # Translators: alt text of a chart; {n} is how many causes the table has. Each symptom and its count follows.
    lead = ngettext(
        "Bar chart: how many of the table's {n} cause have each key symptom.",
        "Bar chart: how many of the table's {n} causes have each key symptom.",
        len(table),
    ).format(n=number(len(table)))
    return lead + " " + "; ".join(parts) + "."


def symptom_figure(table: CauseTable, position: int) -> go.Figure:
    """A cause's key symptoms as bars, on the projector's stage: per symptom, how many
    causes have it, its label and count in slide type (`causes.stage.BODY`)."""
    frame = symptom_share(table, position)
    symptom, causes = frame.columns
    rows = list(range(len(frame)))
    counts = frame[causes].tolist()
    text = font(BODY)
    fig = go.Figure(
        go.Bar(
            x=counts,
            y=rows,
            orientation="h",
            marker=dict(color="#0072B2"),
            text=[number(n) for n in counts],
            textposition="outside",
            textfont=text,
            cliponaxis=False,
            hovertext=[plot_escape(s) for s in frame[symptom]],
            # Translators: hover text of a bar; {count} is the bar's number of causes (filled in by the chart).
            hovertemplate="<b>%{hovertext}</b><br>" + _("{count} causes").format(count="%{x}") + "<extra></extra>",
        )
    )
    longest = max(counts, default=1)
    fig.update_layout(
        font=dict(family=FONT_FAMILY, **text),
        showlegend=False,
        height=round(chart_height(len(frame))),
        margin=dict(l=4, r=70, t=CHART_TOP, b=CHART_TOP),
        paper_bgcolor=BACKGROUND,
        plot_bgcolor=BACKGROUND,
        bargap=0.3,
    )
    fig.update_xaxes(range=[0, longest * 1.1], visible=False, fixedrange=True)
    fig.update_yaxes(
        tickvals=rows,
        ticktext=[plot_escape(short(s, SYMPTOM_LABEL)) for s in frame[symptom]],  # whole in hover and alt
        tickfont=text,
        range=[len(frame) - 0.5, -0.5],
        fixedrange=True,
        automargin=True,
        gridcolor=GRID_COLOUR,
    )
    return fig


def overview_data(table: CauseTable, deck: Deck) -> ChartData:
    return category_data(table, deck.result)


def overview_counts(data: ChartData) -> list[tuple[str, str, list[str]]]:
    """The overview chart in words, a row per category (most causes first): its name, its
    total ("5 causes") and its causes by level, most serious first ("2 urgent"). Plain text."""
    frame = data.frame
    category, *levels, unknown, total_column = frame.columns  # the headings, in the frame's language
    words = dict(zip(levels, URGENCY_LEVELS, strict=True))
    rows = []
    for record in frame.to_dict("records"):
        parts = [_level_count(words[c], int(record[c])) for c in reversed(levels) if record[c]]
        if record[unknown]:
            n = int(record[unknown])
            # Translators: how many of a category's causes have no level of help given.
            parts.append(ngettext("{n} with no urgency given", "{n} with no urgency given", n).format(n=number(n)))
        n = int(record[total_column])
        rows.append((str(record[category]), ngettext("{n} cause", "{n} causes", n).format(n=number(n)), parts))
    return rows


def overview_list(data: ChartData) -> str:
    """The overview chart as a markdown list, the way a phone shows it."""
    lines = []
    for category, total, parts in overview_counts(data):
        name = md_escape(category)
        if parts:
            lines.append(
                "- "
                # Translators: markdown, a line of a list: {category} (bold) has {total} ("5 causes"),
                # {levels} their levels ("2 urgent, 3 self-care").
                + _("**{category}**: {total} ({levels})").format(category=name, total=total, levels=", ".join(parts))
            )
        else:
            lines.append("- " + _("**{category}**: {total}").format(category=name, total=total))
    return "\n".join(lines)


def _level_count(level: str, n: int) -> str:
    """How many of a category's causes are at a level, inside a list: `2 urgent`."""
    if level == "emergency":
        # Translators: how many causes (of a category) are at a level of help, in a list: "2 urgent".
        return pgettext("causes at a level", "{n} emergency").format(n=number(n))
    if level == "urgent":
        return pgettext("causes at a level", "{n} urgent").format(n=number(n))
    if level == "see a doctor":
        return pgettext("causes at a level", "{n} see a doctor").format(n=number(n))
    return pgettext("causes at a level", "{n} self-care").format(n=number(n))


def overview_shown(data: ChartData) -> tuple[ChartData, str]:
    """The overview chart's categories on a slide: the `OVERVIEW_BARS` with most causes,
    and a line saying how many more categories and causes the Overview page shows ("" when
    none is left out)."""
    frame = data.frame
    if len(frame) <= OVERVIEW_BARS:
        return data, ""
    rest = frame.iloc[OVERVIEW_BARS:]
    causes = int(rest[frame.columns[-1]].sum())
    # Translators: under the chart of a slide: {n} more categories, holding {causes} causes, are not drawn.
    more = ngettext(
        "And {n} more category with {causes} causes: see the Overview page.",
        "And {n} more categories with {causes} causes: see the Overview page.",
        len(rest),
    ).format(n=number(len(rest)), causes=number(causes))
    shown = ChartData(frame.iloc[:OVERVIEW_BARS].reset_index(drop=True), data.keys[:OVERVIEW_BARS], data.note)
    return shown, more


def overview_figure(table: CauseTable, data: ChartData, height: float) -> go.Figure:
    """The Overview's category-by-urgency chart on the projector's stage, `height` px tall:
    without its own title (the slide has one) or axis (each bar says its total), every
    word in slide type."""
    fig = category_figure(table, data)
    text = font(BODY)
    fig.update_layout(
        title=None,
        font=dict(family=FONT_FAMILY, **text),
        height=round(height),
        margin=dict(l=4, r=70, t=2 * BODY + 12, b=4),
        legend=dict(y=1, yref="container", x=0, font=text, title=dict(font=text)),
        bargap=0.3,
    )
    for a in fig.layout.annotations:
        a.font = text
    fig.update_xaxes(title=None, visible=False)
    fig.update_yaxes(tickfont=text)
    return fig
