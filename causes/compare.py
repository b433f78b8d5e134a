"""Compare 2 to 4 causes: what they share, what sets each apart, and a picture of the overlap.

Everything the Compare page shows is decided here (which causes a link names is
`causes.view`'s): how each list column splits into shared and distinct terms, the one sentence
per cause on what distinguishes it, and the overlap chart with its table alternative.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from string import Formatter

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from causes.i18n import N_, _, ngettext, number, pgettext
from causes.strings import name_key
from causes.style import urgency_style, urgency_word
from causes.table import URGENCY_RANK, CauseTable
from causes.text import joined, md_escape, plot_escape
from causes.theme import GRID_COLOUR, INK, TITLE_SIZE, base_layout, font

MIN_CAUSES = 2
MAX_CAUSES = 4
# The bundled table's example: twitching that is harmless, and twitching that is not.
EXAMPLE: tuple[str, str] = ("Benign fasciculations (harmless muscle twitches)", "Motor neurone disease (ALS)")
# The list columns compared, in the order they are shown, with their headings (English
# marked for the catalog: `heading_of` says one in the run's language).
LIST_COLUMNS: tuple[tuple[str, str], ...] = (
    ("symptoms", N_("Symptoms")),
    ("body_areas", N_("Body areas")),
    ("risk_factors", N_("Risk factors")),
    ("self_care", N_("What helps")),
)


def heading_of(column: str) -> str:
    """A compared column's heading, in this run's language (another column: its name)."""
    heading = dict(LIST_COLUMNS).get(column)
    return _(heading) if heading else column


def _term_heading(column: str) -> str:
    """The overlap table's heading over a column's terms: one of them ("Symptom")."""
    if column == "symptoms":
        # Translators: the overlap table's heading over its rows, each one term of a column.
        return pgettext("one term of the column", "Symptom")
    if column == "body_areas":
        return pgettext("one term of the column", "Body area")
    if column == "risk_factors":
        return pgettext("one term of the column", "Risk factor")
    if column == "self_care":
        return pgettext("one term of the column", "What helps")
    return column


def _in_sentence(column: str) -> str:
    """A compared column's name inside a sentence ("which symptoms they share")."""
    if column == "symptoms":
        # Translators: a column's name inside a sentence: "Which symptoms they share, ...",
        # "Dot chart of the symptoms of A and B".
        return pgettext("inside a sentence", "symptoms")
    if column == "body_areas":
        return pgettext("inside a sentence", "body areas")
    if column == "risk_factors":
        return pgettext("inside a sentence", "risk factors")
    if column == "self_care":
        return pgettext("inside a sentence", "what helps")
    return column.lower()


# How many distinct terms a sentence names first, and how many more it adds after.
LEAD_TERMS = 2
MORE_TERMS = 3
# Chart sizes, readable on a projector (type: causes.theme).
ROW_HEIGHT = 44
SHARED_BAND = "#EEF2F6"  # the theme's secondary background: the shared rows' band


def _key(term: str) -> str:
    return " ".join(term.split()).casefold()


# --- which causes ------------------------------------------------------------------------


def cause_options(table: CauseTable) -> list[str]:
    """Every cause's name, in name order (ignoring case): the choices to compare."""
    return sorted(table.frame["cause"], key=lambda n: (n.casefold(), n))


def example_pair(table: CauseTable, example: Sequence[str] = EXAMPLE) -> tuple[int, int] | None:
    """Two causes worth comparing first. The bundled `example` when the table has it (its
    names in the table's language); else two causes with the table's most common symptom,
    the least and the most urgent (the pair a worried reader most needs told apart)."""
    bundled = [table.position_of(name) for name in example]
    if None not in bundled:
        return bundled[0], bundled[1]  # type: ignore[return-value]
    if len(table) < 2:
        return None
    index = table.facets["symptoms"]
    rows = np.unique(index.postings[0]) if len(index.terms) else np.zeros(0, dtype=np.int32)
    if len(rows) < 2:
        rows = np.arange(len(table))
    names = table.frame["cause"].to_numpy(dtype=object)[rows]
    by_name = rows[np.argsort([n.casefold() for n in names], kind="stable")]
    ranks = table.urgency_rank[by_name].astype(np.int16)
    low = int(by_name[np.argmin(np.where(ranks == 0, 99, ranks))])  # an unrated cause is not "least urgent"
    rest = by_name[by_name != low]
    high = int(rest[np.argmax(table.urgency_rank[rest])])
    return low, high


def look_alikes(table: CauseTable, position: int, candidates: Sequence[int], k: int) -> list[int]:
    """The up-to-`k` causes most like cause `position`: those among `candidates` (the
    deck's other causes) sharing most of its symptoms, then the earlier row. With fewer
    than `k` other candidates, the table's other causes are candidates too. The one choice
    of look-alikes: a live room's quiz offers them, a presenter's notes tell them apart."""
    symptoms: list[tuple[str, ...]] = table.frame["symptoms"].tolist()
    own = set(symptoms[position])
    others = [int(p) for p in candidates if int(p) != position]
    if len(others) < k:
        named = set(others)
        others += [p for p in range(len(table)) if p != position and p not in named]
    shared = sorted(others, key=lambda p: (-len(own.intersection(symptoms[p])), p))
    return shared[:k]


# --- what they share and what sets each apart ------------------------------------------------


@dataclass(frozen=True)
class TermSplit:
    """How one list column falls apart across the chosen causes.

    `shared`: terms every chosen cause has. Per cause (in the order chosen): `some`, terms
    it shares with some but not all of the others; `own`, terms no other chosen cause has.
    `holders` maps each term's key to which causes (indexes into the chosen) have it."""

    column: str
    label: str
    shared: tuple[str, ...]
    some: tuple[tuple[str, ...], ...]
    own: tuple[tuple[str, ...], ...]
    holders: dict[str, tuple[int, ...]]

    def terms(self) -> tuple[str, ...]:
        """Every term, shared by all first, then shared by some, then each cause's own."""
        seen: dict[str, str] = {name_key(t): t for t in self.shared}
        for group in (*self.some, *self.own):
            for t in group:
                seen.setdefault(name_key(t), t)
        return tuple(seen.values())

    def has(self, term: str, cause: int) -> bool:
        return cause in self.holders.get(name_key(term), ())


@dataclass(frozen=True)
class Comparison:
    """Two to four causes side by side."""

    positions: tuple[int, ...]
    names: tuple[str, ...]
    categories: tuple[str, ...]
    urgencies: tuple[str, ...]
    splits: tuple[TermSplit, ...]

    def split(self, column: str) -> TermSplit:
        for s in self.splits:
            if s.column == column:
                return s
        raise KeyError(column)

    def others(self, i: int) -> tuple[str, ...]:
        return tuple(n for j, n in enumerate(self.names) if j != i)


def _split(column: str, label: str, lists: Sequence[Sequence[str]]) -> TermSplit:
    n = len(lists)
    holders: dict[str, list[int]] = {}
    spelling: dict[str, str] = {}
    for i, items in enumerate(lists):
        for item in items:
            k = name_key(item)
            if not k:
                continue
            spelling.setdefault(k, item)
            if i not in holders.setdefault(k, []):
                holders[k].append(i)
    shared = tuple(spelling[k] for k in holders if len(holders[k]) == n)
    some: list[tuple[str, ...]] = []
    own: list[tuple[str, ...]] = []
    for items in lists:
        keys = list(dict.fromkeys(k for k in map(name_key, items) if k))
        some.append(tuple(spelling[k] for k in keys if 1 < len(holders[k]) < n))
        own.append(tuple(spelling[k] for k in keys if len(holders[k]) == 1))
    return TermSplit(
        column=column,
        label=label,
        shared=shared,
        some=tuple(some),
        own=tuple(own),
        holders={k: tuple(v) for k, v in holders.items()},
    )


def compare(table: CauseTable, positions: Sequence[int]) -> Comparison:
    """Compare 2 to 4 different causes, given by row position, in the order given."""
    chosen = tuple(int(p) for p in positions)
    if not MIN_CAUSES <= len(chosen) <= MAX_CAUSES:
        raise ValueError(f"compare {MIN_CAUSES} to {MAX_CAUSES} causes, not {len(chosen)}")
    if len(set(chosen)) != len(chosen):
        raise ValueError("each cause can be compared once")
    if any(not 0 <= p < len(table) for p in chosen):
        raise ValueError("a position is outside the table")
    records = [table.record(p) for p in chosen]
    return Comparison(
        positions=chosen,
        names=tuple(r["cause"] for r in records),
        categories=tuple(r["category"] for r in records),
        urgencies=tuple(r["urgency"] for r in records),
        splits=tuple(_split(col, heading_of(col), [r[col] for r in records]) for col, _label in LIST_COLUMNS),
    )


def also_in(comparison: Comparison, column: str, i: int) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Cause i's terms shared with some but not all of the others, grouped by which
    others have them: [(other causes' names, terms), ...], in the order first met."""
    split = comparison.split(column)
    groups: dict[tuple[int, ...], list[str]] = {}
    for term in split.some[i]:
        others = tuple(j for j in split.holders[name_key(term)] if j != i)
        groups.setdefault(others, []).append(term)
    return [(tuple(comparison.names[j] for j in others), tuple(terms)) for others, terms in groups.items()]


# --- one sentence per cause ------------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    """A sentence in parts; the parts marked True are the words that matter (terms and the
    cause's name), which the page shows in bold."""

    parts: tuple[tuple[str, bool], ...]

    @property
    def text(self) -> str:
        return "".join(p for p, _ in self.parts)

    def markdown(self) -> str:
        """Escaped for Streamlit's markdown (the words come from the table), the words
        that matter in bold."""
        out = []
        for part, strong in self.parts:
            if not part.strip():
                out.append(" " if part else "")
                continue
            escaped = md_escape(part)
            if strong:
                escaped = f"**{escaped}**"
            out.append((" " if part[0].isspace() else "") + escaped + (" " if part[-1].isspace() else ""))
        return "".join(out)


Parts = list[tuple[str, bool]]


def _filled(template: str, **slots: Parts | str) -> Parts:
    """A translated sentence `template` as parts: its own words plain, each `{slot}` replaced
    by its parts (a str: plain words)."""
    parts: Parts = []
    for literal, field, _spec, _conversion in Formatter().parse(template):
        if literal:
            parts.append((literal, False))
        if field is not None:
            slot = slots[field]
            parts += [(slot, False)] if isinstance(slot, str) else slot
    return parts


def _joined_parts(items: Sequence[str], word: str, strong: bool = True) -> Parts:
    """Items as a list in words (`word`: "and" or "or", said in the run's language), each
    item a part of its own."""
    if len(items) <= 1:
        return [(item, strong) for item in items]
    rest: Parts = []
    for k, item in enumerate(items[:-1]):
        if k:
            rest.append((", ", False))
        rest.append((item, strong))
    last: Parts = [(items[-1], strong)]
    if word == "or":
        # Translators: the end of a list of alternatives: "{rest}" is "A, B", "{last}" is "C".
        return _filled(_("{rest} or {last}"), rest=rest, last=last)
    # Translators: the end of a list: "{rest}" is "A, B", "{last}" is "C".
    return _filled(_("{rest} and {last}"), rest=rest, last=last)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def by_rarity(table: CauseTable, column: str, terms: Sequence[str]) -> list[str]:
    """Terms ordered rarest first across the whole table (fewest causes have them); ties
    keep the order given. Terms the table does not index count as rarest."""
    index = table.facets.get(column)

    def count(term: str) -> int:
        if index is None:
            return 0
        i = index.id_of(term)
        return 0 if i is None else int(index.counts[i])

    order = sorted(range(len(terms)), key=lambda k: (count(terms[k]), k))
    return [terms[k] for k in order]


def _rated(level: str) -> str:
    # Translators: a level of help in quotes inside a sentence ("is rated "urgent" rather than ...").
    return _('"{level}"').format(level=urgency_word(level)) if level else _("not rated")


def _differences(table: CauseTable, comparison: Comparison, i: int, by_level: bool = True) -> list[Parts]:
    """What sets cause i apart besides symptoms, as clauses after "it": urgency, risk
    factors, body areas, and (only if nothing else) category; without `by_level`, neither
    urgency nor category."""
    clauses: list[Parts] = []
    mine = comparison.urgencies[i]
    theirs = [u for j, u in enumerate(comparison.urgencies) if j != i]
    if by_level and mine not in theirs:
        others = list(dict.fromkeys(_rated(u) for u in theirs))
        if mine:
            clauses.append(
                _filled(
                    # Translators: a clause after "what sets it apart is that it": {level} is its level in
                    # quotes, {others} the others' ("\"urgent\" or \"emergency\"").
                    _("is rated {level} rather than {others}"),
                    level=[(_rated(mine), True)],
                    others=joined(others, "or"),
                )
            )
        else:
            # Translators: a clause after "what sets it apart is that it": the table gives it no
            # level of help; {others} the others' levels ("\"urgent\" and \"emergency\"").
            clauses.append(_filled(_("has no level given, where the others have {others}"), others=joined(others)))
    risks = by_rarity(table, "risk_factors", comparison.split("risk_factors").own[i])[:MORE_TERMS]
    if risks:
        # Translators: a clause after "what sets it apart is that it": {risks} are risk factors from the table.
        clauses.append(_filled(_("is linked to {risks}"), risks=_joined_parts(risks, "or")))
    areas = by_rarity(table, "body_areas", comparison.split("body_areas").own[i])[:MORE_TERMS]
    if areas:
        # Translators: a clause after "what sets it apart is that it": {areas} are body areas from the table.
        clauses.append(_filled(_("can be felt in the {areas}"), areas=_joined_parts(areas, "or")))
    if (
        by_level
        and not clauses
        and comparison.categories[i] not in comparison.categories[:i] + comparison.categories[i + 1 :]
    ):
        # Translators: a clause after "what sets it apart is that it": {category} is a category from the table.
        clauses.append(_filled(_("belongs to the category {category}"), category=[(comparison.categories[i], True)]))
    return clauses


def distinguishing_sentence(table: CauseTable, comparison: Comparison, i: int, by_level: bool = True) -> Sentence:
    """One plain-English sentence on what tells cause i apart from the others, from the
    data: its own symptoms, rarest in the whole table first ("Muscle wasting can point
    to ALS rather than benign fasciculations."); with none of its own, what else differs
    (urgency, risk factors, body areas, else category)."""
    name: Parts = [(comparison.names[i], True)]
    others = joined(list(comparison.others(i)), "or")
    own = by_rarity(table, "symptoms", comparison.split("symptoms").own[i])
    if own:
        lead, rest = own[:LEAD_TERMS], own[LEAD_TERMS:]
        symptoms = _joined_parts([_capitalised(lead[0]), *lead[1:]], "and")
        if not rest:
            return Sentence(
                tuple(
                    # Translators: {symptoms} are a cause's own symptoms (from the table, the first
                    # capitalised), {name} the cause, {others} the other causes compared ("A or B").
                    _filled(_("{symptoms} can point to {name} rather than {others}."), **_slots(symptoms, name, others))
                )
            )
        shown = rest[:MORE_TERMS]
        more = len(rest) - len(shown)
        if more:
            listed: Parts = []
            for k, term in enumerate(shown):
                if k:
                    listed.append((", ", False))
                listed.append((term, True))
            # Translators: {terms} are symptoms from the table ("A, B, C"); {n} how many more the cause has.
            also = _filled(ngettext("{terms} and {n} more", "{terms} and {n} more", more), terms=listed, n=number(more))
        else:
            also = _joined_parts(shown, "and")
        # Translators: {symptoms} are a cause's own symptoms (from the table, the first
        # capitalised), {name} the cause, {others} the other causes compared ("A or B"),
        # {more} more of its own symptoms ("C and D").
        template = _("{symptoms} can point to {name} rather than {others}; so can {more}.")
        return Sentence(tuple(_filled(template, more=also, **_slots(symptoms, name, others))))
    clauses = _differences(table, comparison, i, by_level)
    if not clauses:
        # Translators: {name} is a cause; {others} the other causes compared ("A or B").
        template = _(
            "Every symptom of {name} is also a symptom of {others}; its urgency, body areas and risk factors"
            " do not tell it apart either.",
        )
        return Sentence(tuple(_filled(template, name=name, others=others)))
    differences: Parts = []
    for k, clause in enumerate(clauses):
        if k:
            # Translators: between the last two clauses of a list of clauses ("is rated ..., is
            # linked to ..., and can be felt in ...").
            differences.append((pgettext("between clauses", ", and ") if k == len(clauses) - 1 else ", ", False))
        differences += clause
    # Translators: {name} is a cause; {others} the other causes compared ("A or B");
    # {differences} are clauses ("is linked to poor sleep, and can be felt in the eyelids").
    template = _("Every symptom of {name} is also a symptom of {others}; what sets it apart is that it {differences}.")
    return Sentence(tuple(_filled(template, name=name, others=others, differences=differences)))


def told_apart(table: CauseTable, comparison: Comparison, i: int) -> Sentence | None:
    """What tells cause i apart by what it has (its own symptoms, else its risk factors
    and places), never by its level or category: what a presenter may say to a room (a
    level is what to do, not a way to tell a cause; a serious cause rated lower than a
    look-alike is not the milder one). None when nothing of its own does."""
    if not comparison.split("symptoms").own[i] and not _differences(table, comparison, i, by_level=False):
        return None
    return distinguishing_sentence(table, comparison, i, by_level=False)


def _slots(symptoms: Parts, name: Parts, others: str) -> dict[str, Parts | str]:
    """The slots the "can point to" sentences share."""
    return {"symptoms": symptoms, "name": name, "others": others}


def distinguishing_sentences(table: CauseTable, comparison: Comparison) -> tuple[Sentence, ...]:
    return tuple(distinguishing_sentence(table, comparison, i) for i in range(len(comparison.names)))


def urgency_line(comparison: Comparison) -> str | None:
    """How urgent each is, when they differ: `Self-care: A. See a doctor: B.`"""
    if len(set(comparison.urgencies)) < 2:
        return None
    levels = sorted(set(comparison.urgencies), key=lambda u: URGENCY_RANK.get(u, len(URGENCY_RANK) + 1))
    out = []
    for level in levels:
        names = [n for n, u in zip(comparison.names, comparison.urgencies, strict=True) if u == level]
        # Translators: {level} is a level's name ("Urgent"); {causes} the causes at that level ("A and B").
        out.append(_("{level}: {causes}.").format(level=urgency_style(level).label, causes=joined(names, "and")))
    return " ".join(out)


# --- the overlap chart and its table ---------------------------------------------------------


@dataclass(frozen=True)
class OverlapRow:
    term: str
    group: str  # "Shared by both" / "Shared by all 3", "Shared by some", or "Only <cause>"
    has: tuple[bool, ...]  # per chosen cause


def shared_label(n: int) -> str:
    """`Shared by both`, `Shared by all 3`."""
    # Translators: terms every one of the compared causes has; {n} is 3 or 4 ("both" is for 2).
    return _("Shared by both") if n == 2 else _("Shared by all {n}").format(n=number(n))


def group_label(comparison: Comparison, holders: Sequence[int]) -> str:
    holders = list(holders)
    n = len(comparison.names)
    if len(holders) == n:
        return shared_label(n)
    if len(holders) == 1:
        # Translators: terms only one of the compared causes has; {name} is that cause.
        return _("Only {name}").format(name=comparison.names[holders[0]])
    return _("Shared by some")


def overlap_rows(comparison: Comparison, column: str = "symptoms") -> list[OverlapRow]:
    """One row per term of a list column: shared by all first, then shared by some (most
    causes first), then each cause's own, in the order the causes were chosen."""
    split = comparison.split(column)
    rows: list[OverlapRow] = []
    n = len(comparison.names)
    some = sorted(
        dict.fromkeys(t for group in split.some for t in group),
        key=lambda t: -len(split.holders[name_key(t)]),
    )
    for term in (*split.shared, *some, *(t for group in split.own for t in group)):
        holders = split.holders[name_key(term)]
        rows.append(OverlapRow(term, group_label(comparison, holders), tuple(i in holders for i in range(n))))
    return rows


def overlap_frame(comparison: Comparison, column: str = "symptoms") -> pd.DataFrame:
    """The chart as a table: a row per term, a column per cause (✓ where it has it), and
    which group the term is in."""
    rows = overlap_rows(comparison, column)
    data: dict[str, list[str]] = {
        _term_heading(column): [r.term for r in rows],
        # Translators: a column heading of the overlap table: which causes have the term.
        _("Who has it"): [r.group for r in rows],
    }
    for i, name in enumerate(_unique_labels(comparison.names)):
        data[name] = ["✓" if r.has[i] else "" for r in rows]
    return pd.DataFrame(data)


def _unique_labels(names: Sequence[str]) -> list[str]:
    # Column names must differ; cause names do (ignoring case), but be safe.
    seen: dict[str, int] = {}
    out = []
    for n in names:
        seen[n] = seen.get(n, 0) + 1
        out.append(n if seen[n] == 1 else f"{n} ({seen[n]})")
    return out


def _wrap(text: str, width: int) -> str:
    """Escape for plotly and break into lines of about `width` characters."""
    lines: list[str] = []
    for word in str(text).split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(plot_escape(line) for line in lines)


def overlap_title(comparison: Comparison, column: str = "symptoms") -> str:
    # Translators: the overlap chart's title; {column} is "symptoms", "body areas", ...
    return _("Which {column} they share, and which are each one's own").format(column=_in_sentence(column))


def _blank(k: int) -> str:
    # A y value that shows nothing: the row a group's heading sits on (k makes it unique).
    return "\u2003" * k


NARROW_NAME_CHARS = 12  # a cause's name over its column on a phone, a line
NARROW_TITLE_CHARS = 30
NARROW_HEADING_CHARS = 30  # "Only Benign fasciculations (harmless …": two lines in its row


def overlap_figure(comparison: Comparison, column: str = "symptoms", *, narrow: bool = False) -> go.Figure:
    """A term × cause dot matrix: a dot where a cause has the term, coloured by the cause's
    urgency (the colours of the urgency badges). Terms are grouped under headings: shared
    by all (on a shaded band) first, then shared by some, then each cause's own. `narrow`
    (a phone): the title and the causes' names on short lines, so that none is cut."""
    rows = overlap_rows(comparison, column)
    wrap = NARROW_NAME_CHARS if narrow else max(14, 60 // len(comparison.names))
    x_labels = [_wrap(name, wrap) for name in comparison.names]
    y_values: list[str] = []
    headings: list[tuple[int, str]] = []
    term_y: list[str] = []
    for k, r in enumerate(rows):
        if k == 0 or r.group != rows[k - 1].group:
            headings.append((len(y_values), r.group))
            y_values.append(_blank(len(headings)))
        term_y.append(plot_escape(r.term))
        y_values.append(term_y[-1])
    fig = go.Figure()
    legend_shown: set[str] = set()
    for i, name in enumerate(comparison.names):
        style = urgency_style(comparison.urgencies[i])
        ys = [term_y[k] for k, r in enumerate(rows) if r.has[i]]
        fig.add_trace(
            go.Scatter(
                x=[x_labels[i]] * len(ys),
                y=ys,
                mode="markers",
                marker={"size": 26, "color": style.colour, "line": {"width": 2, "color": INK}},
                name=style.label,
                legendgroup=style.label,
                showlegend=style.label not in legend_shown,
                customdata=[plot_escape(name)] * len(ys),
                hovertemplate="%{customdata}: %{y}<extra></extra>",
            )
        )
        legend_shown.add(style.label)
    shared_label = group_label(comparison, range(len(comparison.names)))
    for position, label in headings:
        # A phone's plot area is narrow: its headings end at its right edge and run left over
        # the terms' column (a heading's row has no term).
        fig.add_annotation(
            xref="paper",
            x=1 if narrow else 0,
            y=position,
            xanchor="right" if narrow else "left",
            align="right" if narrow else "left",
            yanchor="middle",
            text=f"<b>{_wrap(label, NARROW_HEADING_CHARS) if narrow else plot_escape(label)}</b>",
            showarrow=False,
            font=font(),
        )
        if label == shared_label:
            size = sum(1 for r in rows if r.group == label)
            fig.add_hrect(
                y0=position - 0.5, y1=position + size + 0.5, fillcolor=SHARED_BAND, line_width=0, layer="below"
            )
        elif position:
            fig.add_hline(y=position - 0.5, line_width=1, line_dash="dot", line_color="#666666")
    lines = max(len(x.split("<br>")) for x in x_labels)
    title = (
        _wrap(overlap_title(comparison, column), NARROW_TITLE_CHARS)
        if narrow
        else plot_escape(overlap_title(comparison, column))
    )
    title_lines = title.count("<br>") + 1
    # The title at the very top, the causes' names under it (24 px a line of either).
    top = 30 + 24 * (lines + 2 * title_lines - 1)
    fig.update_layout(
        **base_layout(height=100 + top + ROW_HEIGHT * max(len(y_values), 1)),
        title={
            "text": title,
            "font": font(TITLE_SIZE),
            # (plotly sets a title of several lines from its first line: pad the others down)
            **{"y": 1, "yref": "container", "yanchor": "top", "pad": {"t": 10 + 24 * (title_lines - 1)}},
        },
        margin={"l": 10, "r": 10, "t": top, "b": 10},
        legend={
            # Translators: the title of the overlap chart's legend, the levels' names.
            "title": {"text": _("Urgency"), "font": font()},
            "orientation": "h",
            "yanchor": "top",
            "y": -0.01,
            "x": 0,
            "font": font(),
        },
    )
    fig.update_xaxes(
        side="top",
        type="category",
        categoryorder="array",
        categoryarray=x_labels,
        tickfont=font(),
        showgrid=True,
        gridcolor=GRID_COLOUR,
        fixedrange=True,
        automargin=True,
        tickangle=0,
    )
    fig.update_yaxes(
        type="category",
        automargin=True,
        categoryorder="array",
        categoryarray=y_values,
        range=[len(y_values) - 0.5, -0.5],
        tickfont=font(),
        showgrid=True,
        gridcolor=GRID_COLOUR,
        fixedrange=True,
        title=None,
    )
    return fig


def overlap_alt(comparison: Comparison, column: str = "symptoms") -> str:
    """A short description of the chart for screen readers."""
    split = comparison.split(column)
    own = "; ".join(
        # Translators: how many terms only one cause has, in the overlap chart's alt text: "3 only Cramp".
        _("{n} only {name}").format(n=number(len(o)), name=n)
        for n, o in zip(comparison.names, split.own, strict=True)
    )
    if len(comparison.names) == 2:
        # Translators: alt text; {column} is "symptoms", "body areas", ...; {names} the causes
        # ("A and B"); {n} how many terms both share; {own} how many each has alone ("3 only A; 1 only B").
        template = _("Dot chart of the {column} of {names}: {n} shared by both; {own}.")
    else:
        # Translators: alt text; {column} is "symptoms", "body areas", ...; {names} the causes
        # ("A, B and C"); {n} how many terms all share; {k} how many causes; {own} how many each has alone.
        template = _("Dot chart of the {column} of {names}: {n} shared by all {k}; {own}.")
    return template.format(
        column=_in_sentence(column),
        names=joined(list(comparison.names), "and"),
        n=number(len(split.shared)),
        k=number(len(comparison.names)),
        own=own,
    )
