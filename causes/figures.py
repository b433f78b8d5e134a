"""The Overview's charts: pure plotly figures over the causes a query matches.

Each chart has two parts. A `*_data` function computes what the chart shows as a pandas
DataFrame, the same frame the page shows as the chart's table alternative, so the
picture and the table agree by construction. A `*_figure` function draws that frame.

Every mark a person can click carries a key saying what it stands for (`category:NAME`,
`other:`, `cause:NAME`, `more:GROUP-KEY`), as the trace's `customdata` and, on the
treemap, as the node's `id` (Streamlit reports a treemap click with the node's id but
without its customdata). `causes.selection` turns a click back into causes to show.

Big tables stay readable: at most TOP_CATEGORIES categories (the rest are added up as
"other categories"), TREEMAP_CAUSES causes in the treemap, and MATRIX_CAUSES causes by
MATRIX_SYMPTOMS symptoms in the matrix, each with a note saying how many more there are.

Text from the table is untrusted: plotly reads a subset of HTML in labels, so every label
goes through `causes.text.plot_escape`, which makes it show as the characters written.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from causes.i18n import _, ngettext, number
from causes.query import Result
from causes.schema import URGENCY_LEVELS
from causes.style import NO_URGENCY, OTHER_COLOUR, URGENCY_STYLE, category_colours
from causes.table import CauseTable
from causes.text import plot_escape, short
from causes.theme import BACKGROUND, FONT_SIZE, GRID_COLOUR, LABEL_CHARS, SOFT_INK, base_layout, font

# After a click, the marks not clicked fade only so far: the chart stays readable.
UNSELECTED_OPACITY = 0.5
# How much each chart shows at most.
TOP_CATEGORIES = 15
TREEMAP_CAUSES = 100
MATRIX_CAUSES = 50
MATRIX_SYMPTOMS = 25
# Treemap labels are wrapped onto lines of about this many characters.
WRAP_CHARS = 14

# What a click on a mark stands for: KIND:VALUE.
CATEGORY = "category"
OTHER = "other"
CAUSE = "cause"
MORE = "more"

# The bar chart's colours, in the order the urgency levels are stacked.
URGENCY_COLOURS: tuple[str, ...] = (*(URGENCY_STYLE[u].colour for u in URGENCY_LEVELS), NO_URGENCY.colour)


def urgency_columns() -> tuple[str, ...]:
    """The bar chart's columns (the levels' names, in this run's language), in the order
    the urgency levels are stacked, as `URGENCY_COLOURS`."""
    return (*(URGENCY_STYLE[u].label for u in URGENCY_LEVELS), NO_URGENCY.label)


# The same in English (read at import), for the files that still import it: a frame made
# in another language has `urgency_columns()` instead.
URGENCY_COLUMNS: tuple[str, ...] = urgency_columns()


# The charts' tables' column headings, in this run's language (a page shows the frames).
def category_heading() -> str:
    # Translators: a column heading of a chart's table: a cause's category.
    return _("Category")


def total_heading() -> str:
    # Translators: a column heading of the category chart's table: all its causes.
    return _("Total")


def cause_heading() -> str:
    # Translators: a column heading of a chart's table: a cause's name.
    return _("Cause")


def urgency_heading() -> str:
    # Translators: a column heading of a chart's table: a cause's level of help.
    return _("Urgency")


def causes_heading() -> str:
    # Translators: a column heading of a chart's table: how many causes.
    return _("Causes")


def make_key(kind: str, value: str = "") -> str:
    return f"{kind}:{value}"


def split_key(key: str) -> tuple[str, str]:
    kind, _colon, value = key.partition(":")
    return kind, value


def wrapped(text: str, width: int = WRAP_CHARS, lines: int = 4) -> str:
    """Plot text wrapped onto at most `lines` lines (plotly does not wrap by itself)."""
    parts = textwrap.wrap(" ".join(str(text).split()), width, break_long_words=False) or [""]
    if len(parts) > lines:
        parts = [*parts[: lines - 1], short(" ".join(parts[lines - 1 :]), width)]
    return "<br>".join(plot_escape(p) for p in parts)


@dataclass(frozen=True)
class ChartData:
    """What a chart shows. `frame` is also the chart's table alternative; `keys[i]` is what
    a click on row i's mark selects; `parents[i]` (treemap only) is the key of the group
    row i sits in; `note` says what was left out ("" when nothing was)."""

    frame: pd.DataFrame
    keys: tuple[str, ...]
    note: str = ""
    parents: tuple[str, ...] = ()


# --- categories ---------------------------------------------------------------------------------


def category_of_rows(table: CauseTable) -> np.ndarray:
    """Per table row, the id of its category in `table.facets["category"]` (-1 if none)."""
    index = table.facets["category"]
    out = np.full(len(table), -1, dtype=np.int64)
    out[index.rows] = index.ids
    return out


@dataclass(frozen=True)
class CategoryGroups:
    """The categories the charts name, most matching causes first, and the rest, which
    they add up as one "other categories" group."""

    shown: tuple[str, ...]
    other: tuple[str, ...]
    counts: dict[str, int]

    @property
    def other_label(self) -> str:
        n = len(self.other)
        # Translators: the label of the chart's group of the categories not shown one by one.
        return ngettext("{n} other category", "{n} other categories", n).format(n=number(n))


def category_groups(table: CauseTable, result: Result, top: int = TOP_CATEGORIES) -> CategoryGroups:
    """The categories with matching causes: the `top` with the most (ties in the table's
    order) are shown one by one, the rest are grouped."""
    index = table.facets["category"]
    counts = index.facet_counts(result.mask)
    having = [i for i in np.argsort(-counts, kind="stable").tolist() if counts[i] > 0]
    names = [index.terms[i] for i in having]
    return CategoryGroups(
        shown=tuple(names[:top]),
        other=tuple(names[top:]),
        counts={index.terms[i]: int(counts[i]) for i in having},
    )


def group_key_of(groups: CategoryGroups, category: str) -> str:
    return make_key(CATEGORY, category) if category in groups.shown else make_key(OTHER)


def category_data(table: CauseTable, result: Result, top: int = TOP_CATEGORIES) -> ChartData:
    """Matching causes per category, split by urgency: one row per category (most first),
    then one row adding up the categories past `top`. The counts add up to the matches."""
    groups = category_groups(table, result, top)
    index = table.facets["category"]
    rows = np.flatnonzero(result.mask)
    cats = category_of_rows(table)[rows]
    rows, cats = rows[cats >= 0], cats[cats >= 0]  # (every loaded row has a category)
    # urgency_rank: 1 self-care, 2 see a doctor, 3 urgent, 0 not given -> column 0..3
    headings = urgency_columns()
    columns = (table.urgency_rank[rows].astype(np.int64) - 1) % len(headings)
    width = len(headings)
    grid = np.bincount(cats * width + columns, minlength=len(index.terms) * width).reshape(-1, width)
    labels: list[str] = []
    keys: list[str] = []
    values: list[np.ndarray] = []
    for name in groups.shown:
        labels.append(name)
        keys.append(make_key(CATEGORY, name))
        values.append(grid[index.id_of(name)])
    if groups.other:
        labels.append(groups.other_label)
        keys.append(make_key(OTHER))
        values.append(grid[[i for n in groups.other if (i := index.id_of(n)) is not None]].sum(axis=0))
    counts = np.array(values, dtype=np.int64).reshape(-1, width)
    frame = pd.DataFrame(counts, columns=list(headings))
    frame.insert(0, category_heading(), labels)
    frame[total_heading()] = counts.sum(axis=1)
    note = ""
    if groups.other:
        # Translators: {shown} is how many categories are shown one by one; {n} how many more.
        note = ngettext(
            "The {shown} categories with the most matching causes are shown one by one, "
            "and {n} more category is added up in the last bar.",
            "The {shown} categories with the most matching causes are shown one by one, "
            "and {n} more categories are added up in the last bar.",
            len(groups.other),
        ).format(shown=len(groups.shown), n=number(len(groups.other)))
    return ChartData(frame=frame, keys=tuple(keys), note=note)


LEGEND_TOP = 50  # px from the figure's top to the legend of the category chart: the title's room


def category_figure(table: CauseTable, data: ChartData) -> go.Figure:
    """A horizontal bar per category (most matching causes on top), each stacked by
    urgency in the urgency colours, with the total at the end of the bar."""
    frame = data.frame
    rows = list(range(len(frame)))
    category = frame.columns[0]  # the category heading, in the language the frame was made in
    names = [plot_escape(c) for c in frame[category]]
    fig = go.Figure()
    for column, colour in zip(frame.columns[1:-1], URGENCY_COLOURS, strict=True):
        counts = frame[column].tolist()
        if not any(counts):
            continue  # no empty legend entries
        fig.add_trace(
            go.Bar(
                x=counts,
                y=rows,
                orientation="h",
                name=column,
                marker=dict(color=colour, line=dict(color="#FFFFFF", width=1)),
                unselected=dict(marker=dict(opacity=UNSELECTED_OPACITY)),
                customdata=list(data.keys),
                hovertext=names,
                hovertemplate=f"<b>%{{hovertext}}</b><br>{column}: %{{x}}<extra></extra>",
            )
        )
    totals = frame[frame.columns[-1]].tolist()
    longest = max(totals, default=0)
    height = 150 + 46 * max(len(frame), 1)
    fig.update_layout(
        **base_layout(_("Matching causes by category"), height),
        barmode="stack",
        bargap=0.25,
        showlegend=True,
        # The title and the legend are placed from the top of the figure, the legend under
        # the title: where the legend wraps (a phone's width) it pushes the bars down
        # instead of running over the title.
        legend=dict(
            orientation="h",
            xref="container",
            x=0.01,
            yref="container",
            y=1 - LEGEND_TOP / height,
            yanchor="top",
            font=font(),
            # Translators: the legend's title; the levels' names follow.
            title=dict(text=_("Urgency:"), side="left", font=font()),
            traceorder="normal",
        ),
        margin=dict(l=10, r=30, t=40, b=60),
        annotations=[
            dict(x=t, y=r, text=number(t), xanchor="left", xshift=6, showarrow=False, font=dict(size=FONT_SIZE))
            for r, t in zip(rows, totals, strict=True)
        ],
    )
    _title_on_top(fig, pad=12)
    fig.update_xaxes(
        title=dict(text=_("Number of causes"), font=font()),
        range=[0, max(longest, 1) * 1.12],
        # Whole numbers, few enough to stay apart on a phone's narrow bars; above 10,
        # plotly's own steps are whole and fit the width.
        dtick=1 if longest <= 5 else 2 if longest <= 10 else None,
        tickformat=",d",
        tickfont=font(),
        gridcolor=GRID_COLOUR,
        fixedrange=True,
        rangemode="tozero",
    )
    fig.update_yaxes(
        tickvals=rows,
        ticktext=[plot_escape(short(c, LABEL_CHARS)) for c in frame[category]],
        range=[len(frame) - 0.5, -0.5],  # the most causes on top
        tickfont=font(),
        fixedrange=True,
        automargin=True,
    )
    return fig


# --- category -> cause ------------------------------------------------------------------------


def treemap_data(
    table: CauseTable, result: Result, top_categories: int = TOP_CATEGORIES, top_causes: int = TREEMAP_CAUSES
) -> ChartData:
    """Category -> cause: the `top_causes` best-ranked matches, each under its category
    (the categories past `top_categories` grouped as one), and per group a row "and K
    more" for its matches not shown. The last column ("Causes") adds up to the matches."""
    groups = category_groups(table, result, top_categories)
    frame_cats = table.frame["category"].to_numpy()
    names = table.frame["cause"].to_numpy()
    urgencies = table.frame["urgency"].to_numpy()
    listed: dict[str, list[int]] = {}
    for position in result.positions[:top_causes].tolist():
        listed.setdefault(group_key_of(groups, frame_cats[position]), []).append(position)
    group_rows: list[tuple[str, str, int]] = [
        (make_key(CATEGORY, c), c, groups.counts[c]) for c in groups.shown
    ]  # (key, label, matches)
    if groups.other:
        group_rows.append((make_key(OTHER), groups.other_label, sum(groups.counts[c] for c in groups.other)))
    records: list[tuple[str, str, str, int]] = []
    keys: list[str] = []
    parents: list[str] = []
    for group_key, label, matches in group_rows:
        for position in listed.get(group_key, []):
            style = URGENCY_STYLE.get(urgencies[position], NO_URGENCY)
            records.append((label, names[position], style.label, 1))
            keys.append(make_key(CAUSE, names[position]))
            parents.append(group_key)
        more = matches - len(listed.get(group_key, []))
        if more:
            # Translators: a treemap tile for a category's causes not shown by name.
            tile = ngettext("and {n} more", "and {n} more", more).format(n=number(more))
            records.append((label, tile, "", more))
            keys.append(make_key(MORE, group_key))
            parents.append(group_key)
    headings = [category_heading(), cause_heading(), urgency_heading(), causes_heading()]
    frame = pd.DataFrame(records, columns=headings)
    frame[headings[-1]] = frame[headings[-1]].astype(np.int64)
    notes = []
    if len(result) > top_causes:
        left = len(result) - top_causes
        notes.append(
            # Translators: {shown} is how many causes the treemap names; {n} how many more it only
            # counts. "and … more" is the label of those tiles.
            ngettext(
                "The {shown} best-ranked matching causes are shown by name, and {n} more are counted in each"
                ' category\'s "and … more" tile.',
                "The {shown} best-ranked matching causes are shown by name, and {n} more are counted in each"
                ' category\'s "and … more" tile.',
                left,
            ).format(shown=number(top_causes), n=number(left))
        )
    if groups.other:
        n = len(groups.other)
        notes.append(
            # Translators: {label} is the group's label, "3 other categories"; {n} how many categories.
            ngettext(
                'The category with the fewest matches is grouped as "{label}".',
                'The {n} categories with the fewest matches are grouped as "{label}".',
                n,
            ).format(n=number(n), label=groups.other_label)
        )
    return ChartData(frame=frame, keys=tuple(keys), note=" ".join(notes), parents=tuple(parents))


def _lighter(hex_colour: str, amount: float = 0.45) -> str:
    """A colour mixed with white (for the "and K more" tiles)."""
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    r, g, b = (round(c + (255 - c) * amount) for c in (r, g, b))
    return f"#{r:02X}{g:02X}{b:02X}"


def treemap_height(tiles: int) -> int:
    """Tall enough for the tiles' names, from 420 px for a few tiles to 800 px."""
    return max(420, min(800, 300 + 10 * tiles))


def treemap_figure(table: CauseTable, data: ChartData) -> go.Figure:
    """A treemap: a tile per category group sized by its matching causes, in the
    category's colour, holding a tile per cause shown and one for the rest."""
    colours = category_colours(table.categories)
    frame = data.frame
    group_keys = list(dict.fromkeys(data.parents))
    category, cause, urgency, causes = frame.columns  # the headings, in the language the frame was made in
    group_labels = dict(zip(data.parents, frame[category], strict=True))
    group_sizes = {g: int(frame.loc[[p == g for p in data.parents], causes].sum()) for g in group_keys}

    def colour_of(group_key: str) -> str:
        kind, value = split_key(group_key)
        return colours.get(value, OTHER_COLOUR) if kind == CATEGORY else OTHER_COLOUR

    ids = [*group_keys, *data.keys]
    labels = [f"{wrapped(group_labels[g], 18, 2)} ({number(group_sizes[g])})" for g in group_keys]
    labels += [wrapped(c) for c in frame[cause]]
    parents = ["" for _group in group_keys] + list(data.parents)
    values = [group_sizes[g] for g in group_keys] + frame[causes].tolist()
    node_colours = [colour_of(g) for g in group_keys]
    node_colours += [
        _lighter(colour_of(p)) if split_key(k)[0] == MORE else colour_of(p)
        for k, p in zip(data.keys, data.parents, strict=True)
    ]
    hover = [
        f"<b>{plot_escape(group_labels[g])}</b><br>"
        + ngettext("{n} matching cause", "{n} matching causes", group_sizes[g]).format(n=number(group_sizes[g]))
        for g in group_keys
    ]
    hover += [
        f"<b>{plot_escape(c)}</b><br>{plot_escape(group_labels[p])}" + (f"<br>{u}" if u else "")
        for c, u, p in zip(frame[cause], frame[urgency], data.parents, strict=True)
    ]
    fig = go.Figure(
        go.Treemap(
            ids=ids,
            labels=labels,
            parents=parents,
            values=values,
            branchvalues="total",
            customdata=ids,
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
            textinfo="label",
            textfont=dict(size=FONT_SIZE),
            marker=dict(colors=node_colours, line=dict(color="#FFFFFF", width=2), pad=dict(t=48, l=4, r=4, b=4)),
            pathbar=dict(visible=True, textfont=dict(size=FONT_SIZE)),
            tiling=dict(packing="squarify"),
            sort=True,
        )
    )
    fig.update_layout(
        **base_layout(_("Matching causes by category"), treemap_height(len(ids))),
        margin=dict(l=10, r=10, t=90, b=10),
        uniformtext=dict(minsize=FONT_SIZE, mode="hide"),
    )
    _title_on_top(fig, _("Tile size: the number of causes"))
    return fig


def _title_on_top(fig: go.Figure, subtitle: str | None = None, pad: int = 10) -> None:
    """The title placed from the figure's top, `pad` px down, and under it the subtitle
    when given: a title short enough for a phone keeps its explanation on a line of its own."""
    title: dict = dict(y=1, yref="container", yanchor="top", pad=dict(t=pad))
    if subtitle is not None:
        title["subtitle"] = dict(text=subtitle, font=font(color=SOFT_INK))
    fig.update_layout(title=title)


# --- symptom x cause ------------------------------------------------------------------------------


def similar_order(matrix: np.ndarray) -> np.ndarray:
    """An order of the rows of a 0/1 matrix that puts rows with similar patterns next to
    each other: a greedy nearest-neighbour chain on Jaccard similarity. It starts from
    the row with the most ones (the first such row, so the best-ranked) and each time
    appends the unplaced row most similar to the last one placed (ties: the earliest
    row). (Chosen over hierarchical clustering, which would need scipy.)"""
    rows = np.asarray(matrix, dtype=bool)
    n = len(rows)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    m = rows.astype(np.int64)
    both = m @ m.T
    sizes = m.sum(axis=1)
    either = sizes[:, None] + sizes[None, :] - both
    similarity = both / np.maximum(either, 1)  # Jaccard; 0 for two empty rows
    placed = np.zeros(n, dtype=bool)
    current = int(np.argmax(sizes))
    order = [current]
    placed[current] = True
    for _step in range(n - 1):
        scores = np.where(placed, -1.0, similarity[current])
        current = int(np.argmax(scores))  # the first of equal scores
        order.append(current)
        placed[current] = True
    return np.asarray(order, dtype=np.int64)


def matrix_data(
    table: CauseTable, result: Result, max_causes: int = MATRIX_CAUSES, max_symptoms: int = MATRIX_SYMPTOMS
) -> ChartData:
    """Which symptoms each cause has: a True/False frame, one row per cause (the
    `max_causes` best-ranked matches, in `similar_order`), one column per symptom (the
    `max_symptoms` most common among all the matches, most common first; ties in the
    table's order). The index holds the causes' names."""
    index = table.facets["symptoms"]
    counts = index.facet_counts(result.mask)
    having = [i for i in np.argsort(-counts, kind="stable").tolist() if counts[i] > 0]
    symptom_ids = having[:max_symptoms]
    positions = result.positions[:max_causes]
    cells = np.zeros((len(positions), len(symptom_ids)), dtype=bool)
    for j, sid in enumerate(symptom_ids):
        cells[:, j] = np.isin(positions, index.postings[sid])
    order = similar_order(cells)
    positions, cells = positions[order], cells[order]
    names = table.frame["cause"].to_numpy()[positions].tolist()
    frame = pd.DataFrame(
        cells, index=pd.Index(names, name=cause_heading()), columns=[index.terms[i] for i in symptom_ids]
    )
    notes = []
    if len(result) > max_causes:
        left = len(result) - max_causes
        notes.append(
            # Translators: {shown} is how many causes the matrix shows; {n} how many more it leaves out.
            ngettext(
                "The {shown} best-ranked matching causes are shown, and {n} more are not.",
                "The {shown} best-ranked matching causes are shown, and {n} more are not.",
                left,
            ).format(shown=number(max_causes), n=number(left))
        )
    if len(having) > max_symptoms:
        left = len(having) - max_symptoms
        notes.append(
            # Translators: {shown} is how many symptoms the matrix shows; {n} how many more it leaves out.
            ngettext(
                "The {shown} symptoms most common among the matches are shown, and {n} more are not.",
                "The {shown} symptoms most common among the matches are shown, and {n} more are not.",
                left,
            ).format(shown=number(max_symptoms), n=number(left))
        )
    return ChartData(frame=frame, keys=tuple(make_key(CAUSE, n) for n in names), note=" ".join(notes))


ROW_PX = 32
SYMPTOM_CHARS = 32


def _squares(
    fig: go.Figure,
    table: CauseTable,
    data: ChartData,
    cells: np.ndarray,
    symptoms: list[str],
    row_y: list[float] | list[int],
    size: int,
) -> None:
    """The matrix's squares, a trace a category (its colour, its name in the legend): a
    square where the cause of row i (drawn at `row_y[i]`) has symptom j, `size` px, its
    click key and hover text."""
    frame = data.frame
    colours = category_colours(table.categories)
    cats = table.frame["category"].to_numpy()
    row_category = [str(cats[table.position_of(name)]) for name in frame.index]
    for category in dict.fromkeys(row_category):
        rows_i, cols_j = np.nonzero(cells & np.array([c == category for c in row_category])[:, None])
        fig.add_trace(
            go.Scatter(
                x=cols_j.tolist(),
                y=[row_y[i] for i in rows_i.tolist()],
                mode="markers",
                name=plot_escape(short(category, 30)),
                marker=dict(
                    symbol="square",
                    size=size,
                    color=colours.get(category, OTHER_COLOUR),
                    line=dict(color="#333333", width=1),
                ),
                unselected=dict(marker=dict(opacity=UNSELECTED_OPACITY)),
                customdata=[data.keys[i] for i in rows_i.tolist()],
                hovertext=[
                    # Translators: hover text of the symptom matrix: {cause} has {symptom} (both from the table).
                    _("<b>{cause}</b><br>has {symptom}").format(
                        cause=plot_escape(frame.index[i]), symptom=plot_escape(symptoms[j])
                    )
                    for i, j in zip(rows_i.tolist(), cols_j.tolist(), strict=True)
                ],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )


def matrix_figure(table: CauseTable, data: ChartData) -> go.Figure:
    """A dot matrix: a square where a cause (row) has a symptom (column), in the cause's
    category colour. (Drawn as a scatter of squares, not a heatmap: Streamlit reports a
    click on a scatter point, but not on a heatmap cell.)"""
    frame = data.frame
    cells = frame.to_numpy(dtype=bool)
    symptoms = [str(s) for s in frame.columns]
    fig = go.Figure()
    _squares(fig, table, data, cells, symptoms, list(range(len(frame.index))), ROW_PX - 9)
    n_rows, n_cols = cells.shape
    labels = [plot_escape(short(sym, SYMPTOM_CHARS)) for sym in symptoms]
    # Room above the squares for the title and the slanted symptom names (about 8 px a
    # character at 16 px, slanted at 45 degrees); below them, for the legend.
    longest = max((len(short(sym, SYMPTOM_CHARS)) for sym in symptoms), default=0)
    top = 80 + round(0.71 * (8 * longest + FONT_SIZE)) + 12
    fig.update_layout(
        **base_layout(_("Which symptoms each cause has"), top + 130 + ROW_PX * n_rows),
        showlegend=True,
        legend=dict(
            orientation="h",
            x=0,
            xanchor="left",
            y=0,
            yanchor="top",
            font=font(),
            # Translators: the legend's title; the categories' names follow.
            title=dict(text=_("Category:"), side="left", font=font()),
        ),
        margin=dict(l=10, r=20, t=top, b=20),
    )
    _title_on_top(fig, _("Similar causes are next to each other"))
    fig.update_xaxes(
        side="top",
        tickvals=list(range(n_cols)),
        ticktext=labels,
        tickangle=-45,
        range=[-0.5, n_cols - 0.5],
        tickfont=font(),
        showgrid=True,
        gridcolor=GRID_COLOUR,
        zeroline=False,
        fixedrange=True,
        automargin=True,
    )
    fig.update_yaxes(
        tickvals=list(range(n_rows)),
        ticktext=[plot_escape(short(c, LABEL_CHARS)) for c in frame.index],
        range=[n_rows - 0.5, -0.5],
        tickfont=font(),
        showgrid=True,
        gridcolor=GRID_COLOUR,
        zeroline=False,
        fixedrange=True,
        automargin=True,
    )
    return fig


# A phone (pages/ui/plot.py draws this one below 560 px): each cause's whole name on a line
# (or two) of its own, its squares under it, and the symptoms turned upright above, at most
# NARROW_SYMPTOMS of them (an upright name needs about 22 px of a phone's 350).
NARROW_SYMPTOMS = 14
NARROW_NAME_CHARS = 40  # a line of a cause's name at 15 px on a 390 px phone
NARROW_LINE_PX = 19
NARROW_SQUARES_PX = 26


def narrow_matrix_figure(table: CauseTable, data: ChartData) -> go.Figure:
    """The symptom matrix laid out for a phone, as a list of rows: every cause's name
    whole (wrapped, never cut) above its squares, the same squares, colours, clicks and
    hover text as `matrix_figure`, for the most common `NARROW_SYMPTOMS` symptoms (the
    table beside it has them all)."""
    frame = data.frame
    symptoms = [str(s) for s in frame.columns][:NARROW_SYMPTOMS]
    cells = frame.to_numpy(dtype=bool)[:, : len(symptoms)]
    names = [textwrap.wrap(str(n), NARROW_NAME_CHARS) or [""] for n in frame.index]
    # Down the figure, in px from the top of the plot: each cause's name, then its squares.
    name_y: list[float] = []
    squares_y: list[float] = []
    at = 0.0
    for lines in names:
        name_y.append(at + NARROW_LINE_PX * len(lines) / 2 + 2)
        at += NARROW_LINE_PX * len(lines) + 4
        squares_y.append(at + NARROW_SQUARES_PX / 2)
        at += NARROW_SQUARES_PX + 8
    fig = go.Figure()
    _squares(fig, table, data, cells, symptoms, squares_y, NARROW_SQUARES_PX - 8)
    # A cause's name is a target too, along its line (a cause may have none of the symptoms
    # drawn, and so no square to tap).
    width = max(len(symptoms), 1)
    fig.add_trace(
        go.Scatter(
            x=[j for _ in names for j in range(width)],
            y=[y for y in name_y for _ in range(width)],
            mode="markers",
            name="names",
            marker=dict(size=NARROW_LINE_PX, opacity=0),
            unselected=dict(marker=dict(opacity=0)),
            selected=dict(marker=dict(opacity=0)),
            customdata=[key for key in data.keys for _ in range(width)],
            hovertext=[f"<b>{plot_escape(n)}</b>" for n in frame.index for _ in range(width)],
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
        )
    )
    for lines, y in zip(names, name_y, strict=True):
        fig.add_annotation(
            x=-0.5,
            y=y,
            xref="x",
            yref="y",
            text="<br>".join(plot_escape(line) for line in lines),
            showarrow=False,
            xanchor="left",
            align="left",
            font=font(15),
            bgcolor=BACKGROUND,  # over the grid lines
        )
    longest = max((len(short(sym, SYMPTOM_CHARS)) for sym in symptoms), default=0)
    top = 96 + 8 * longest
    more = len(frame.columns) - len(symptoms)
    subtitle = _("Similar causes are next to each other")
    if more:
        # Translators: a chart's subtitle on a phone, on three lines (<br> breaks a line); {shown}
        # is how many symptoms the chart shows, {total} how many the table below has.
        subtitle = _(
            "Similar causes are next to each other.<br>The {shown} most common symptoms;<br>"
            "the table below has all {total}.",
        ).format(shown=number(len(symptoms)), total=number(len(frame.columns)))
    fig.update_layout(
        **base_layout(_("Which symptoms each cause has"), top + 150 + round(at)),
        showlegend=True,
        legend=dict(orientation="h", x=0, xanchor="left", y=0, yanchor="top", font=font(15)),
        margin=dict(l=6, r=6, t=top + (40 if more else 0), b=20),
    )
    _title_on_top(fig, subtitle)
    fig.update_xaxes(
        side="top",
        tickvals=list(range(len(symptoms))),
        ticktext=[plot_escape(short(sym, SYMPTOM_CHARS)) for sym in symptoms],
        tickangle=-90,
        range=[-0.5, max(len(symptoms), 1) - 0.5],
        tickfont=font(15),
        showgrid=True,
        gridcolor=GRID_COLOUR,
        zeroline=False,
        fixedrange=True,
    )
    fig.update_yaxes(range=[at, 0], visible=False, fixedrange=True)
    return fig
