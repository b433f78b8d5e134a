"""The body map: a drawn human figure, front and back, each body area of the table a
region shaded by how many of the matching causes are felt there.

The figure is drawn from simple polygons defined here (no image, nothing fetched). Each
drawn part has a name (`PARTS`); `REGION_AREAS` maps a part to the body-area term it
shows, matched ignoring case. All the parts of one area form its *region*: they share a
shade, and the region carries one marker (a white disc with the count in it) at the
centroid of the part or parts named in `MARKER_PARTS`, with its name in the margin.

Streamlit's plotly selections fire on points, not on filled areas. So the marker is a
point whose `customdata` is the area (in the table's own spelling), and so are invisible
targets laid in a grid over every region, along every name and over every chip
(`hit_points`): a click anywhere on the calves, on their marker or on the word "calves"
selects "calves". `clicked_area` reads the area back out of the selection (with `causes.selection`'s readers).

Two areas of the bundled vocabulary have no single place on a body: "whole leg" and
"whole body". Shading every leg part for "whole leg" would hide what the thighs and
calves have on their own, so these are drawn as labelled *chips* (boxes) between the
two views, shaded and clickable the same way (`CHIP_AREAS`). A table that mostly uses the
bundled vocabulary but has a few other areas gets those as chips too (up to
`MAX_EXTRA_CHIPS`; every area is in the table alternative).

A table whose areas are mostly not the bundled vocabulary (see `uses_body_vocabulary`)
gets a horizontal bar chart of areas by count instead, just as clickable.

The colours are one hue, light to dark blue, and every region shows its count as text,
so colour is never the only cue; the areas chosen in the filter get a thick outline and
a tick beside their name."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import groupby
from typing import Any, Literal

import pandas as pd
import plotly.graph_objects as go

from causes.i18n import N_, _, language, ngettext, number, pgettext, using
from causes.query import Result, term_counts
from causes.selection import point_data, points_of
from causes.table import CauseTable
from causes.text import joined, plot_escape, short
from causes.theme import INK, LABEL_CHARS, PICTURE_SCALE, SOFT_INK, base_layout, font

Point = tuple[float, float]
Polygon = tuple[Point, ...]
View = Literal["front", "back"]

# --- the drawing -----------------------------------------------------------------------------
# Units: the soles are at y = 0 and the top of the head at y = 99.5. The front view is
# centred on x = 0, the back view on x = BACK_X; the left margin holds the front view's
# labels, the right margin the back view's, and the chips sit between the two views.

BACK_X = 72.0
LABEL_GAP = 23.0  # from a view's centre to its labels
CHIP_X = BACK_X / 2
CHIP_WIDTH = 27.0
CHIP_HEIGHT = 6.0
X_RANGE = (-46.0, BACK_X + 46.0)
Y_RANGE = (-2.0, 106.0)


def _ellipse(cx: float, cy: float, rx: float, ry: float, n: int = 40) -> Polygon:
    return tuple(
        (round(cx + rx * math.cos(2 * math.pi * k / n), 3), round(cy + ry * math.sin(2 * math.pi * k / n), 3))
        for k in range(n)
    )


def _ellipse_band(cx: float, cy: float, rx: float, ry: float, y0: float, y1: float, n: int = 24) -> Polygon:
    """The part of an ellipse between the heights y0 and y1 (y0 < y1), as a polygon."""

    def x_at(y: float) -> float:
        return rx * math.sqrt(max(0.0, 1 - ((y - cy) / ry) ** 2))

    ys = [y0 + (y1 - y0) * k / n for k in range(n + 1)]
    right = [(round(cx + x_at(y), 3), round(y, 3)) for y in ys]
    left = [(round(cx - x_at(y), 3), round(y, 3)) for y in reversed(ys)]
    return tuple(right + left)


def _mirror(poly: Polygon) -> Polygon:
    """The same shape on the other side of x = 0."""
    return tuple((-x, y) for x, y in reversed(poly))


def _shift(poly: Polygon, dx: float) -> Polygon:
    return tuple((round(x + dx, 3), y) for x, y in poly)


# One side of the body (the viewer's left of the front view), centred on x = 0.
_TORSO: Polygon = (
    (-3.2, 76.5), (-10.0, 74.8), (-13.0, 72.0), (-12.6, 62.0), (-10.6, 52.0), (-11.6, 46.0), (-11.2, 41.0),
    (0.0, 38.8), (11.2, 41.0), (11.6, 46.0), (10.6, 52.0), (12.6, 62.0), (13.0, 72.0), (10.0, 74.8), (3.2, 76.5),
)  # fmt: skip
_ABDOMEN: Polygon = (
    (-10.2, 57.5), (10.2, 57.5), (10.8, 52.0), (11.3, 46.0), (10.9, 41.6), (0.0, 39.6), (-10.9, 41.6),
    (-11.3, 46.0), (-10.8, 52.0),
)  # fmt: skip
_BACK: Polygon = (
    (-3.2, 76.5), (-10.0, 74.8), (-13.0, 72.0), (-12.6, 62.0), (-10.6, 52.0), (-10.9, 50.2), (10.9, 50.2),
    (10.6, 52.0), (12.6, 62.0), (13.0, 72.0), (10.0, 74.8), (3.2, 76.5),
)  # fmt: skip
_BUTTOCKS: Polygon = (
    (-10.9, 50.2), (10.9, 50.2), (11.6, 46.0), (11.2, 41.0), (7.0, 38.7), (0.9, 39.4), (0.0, 40.2), (-0.9, 39.4),
    (-7.0, 38.7), (-11.2, 41.0), (-11.6, 46.0),
)  # fmt: skip
_NECK: Polygon = ((-3.4, 73.5), (3.4, 73.5), (3.1, 82.5), (-3.1, 82.5))
_HEAD = (0.0, 90.0, 7.5, 9.5)  # centre x, centre y, radius x, radius y
_ARM: Polygon = (
    (-12.4, 73.2), (-14.8, 72.4), (-16.4, 69.0), (-17.2, 62.0), (-18.2, 54.0), (-19.4, 45.0), (-15.4, 44.6),
    (-14.6, 53.0), (-13.9, 60.0), (-13.3, 65.0),
)  # fmt: skip
_HAND = (-17.4, 41.0, 2.4, 4.0)
_THIGH: Polygon = (
    (-11.4, 42.0), (-6.0, 40.2), (-0.8, 39.2), (-1.1, 33.0), (-1.8, 27.0), (-2.3, 22.4), (-8.2, 22.4),
    (-9.4, 28.0), (-10.8, 35.0),
)  # fmt: skip
_LOWER_LEG: Polygon = (
    (-8.2, 22.4), (-2.3, 22.4), (-2.5, 17.0), (-3.1, 10.0), (-3.5, 5.2), (-6.5, 5.2), (-7.4, 10.0), (-8.7, 16.0),
    (-8.8, 19.5),
)  # fmt: skip
_FOOT_FRONT: Polygon = ((-3.4, 5.4), (-6.7, 5.4), (-8.0, 2.4), (-8.4, 0.2), (-2.2, 0.2), (-2.5, 2.6))
_HEEL: Polygon = ((-3.5, 5.4), (-6.6, 5.4), (-7.0, 1.8), (-6.2, 0.2), (-3.9, 0.2), (-3.2, 1.8))


@dataclass(frozen=True)
class Part:
    """One drawn part of the figure, in figure coordinates."""

    name: str
    view: View
    polygon: Polygon


def _sides(name: str, view: View, left: Polygon, dx: float) -> tuple[Part, Part]:
    return Part(f"{name} ({view}, left)", view, _shift(left, dx)), Part(
        f"{name} ({view}, right)", view, _shift(_mirror(left), dx)
    )


def _parts() -> tuple[Part, ...]:
    hx, hy, hrx, hry = _HEAD
    hand = _ellipse(*_HAND)
    front: list[Part] = [
        Part("torso (front)", "front", _TORSO),
        Part("abdomen", "front", _ABDOMEN),
        *_sides("arm", "front", _ARM, 0),
        *_sides("hand", "front", hand, 0),
        *_sides("thigh", "front", _THIGH, 0),
        *_sides("shin", "front", _LOWER_LEG, 0),
        *_sides("foot", "front", _FOOT_FRONT, 0),
        Part("neck (front)", "front", _NECK),
        Part("head (front)", "front", _ellipse(hx, hy, hrx, hry)),
        Part("jaw", "front", _ellipse_band(hx, hy, hrx, hry, hy - hry, 86.0)),
        Part("face", "front", _ellipse_band(hx, 90.6, hrx - 1.1, 6.6, 86.8, 97.2)),
        Part("mouth", "front", _ellipse(0.0, 83.8, 2.1, 0.9, n=24)),
    ]
    d = BACK_X
    back: list[Part] = [
        Part("torso (back)", "back", _shift(_TORSO, d)),
        *_sides("thigh", "back", _THIGH, d),
        *_sides("calf", "back", _LOWER_LEG, d),
        *_sides("heel", "back", _HEEL, d),
        Part("back", "back", _shift(_BACK, d)),
        Part("buttocks", "back", _shift(_BUTTOCKS, d)),
        *_sides("arm", "back", _ARM, d),
        *_sides("hand", "back", hand, d),
        Part("neck (back)", "back", _shift(_NECK, d)),
        Part("head (back)", "back", _shift(_ellipse(hx, hy, hrx, hry), d)),
    ]
    return (*front, *back)


# Drawn in this order, so later parts lie on top of earlier ones.
PARTS: tuple[Part, ...] = _parts()
PART_BY_NAME: dict[str, Part] = {p.name: p for p in PARTS}


def _both(name: str, view: View) -> tuple[str, str]:
    return f"{name} ({view}, left)", f"{name} ({view}, right)"


# Which body-area term each drawn part shows. Parts not named here (the chest, the shins,
# the back of the head) are the neutral body.
REGION_AREAS: dict[str, str] = {
    "face": "face and eyelids",
    "mouth": "tongue",
    "jaw": "jaw and neck",
    "neck (front)": "jaw and neck",
    "neck (back)": "jaw and neck",
    "abdomen": "abdomen",
    "back": "back",
    "buttocks": "buttocks and hips",
    **{p: "arms and hands" for v in ("front", "back") for n in ("arm", "hand") for p in _both(n, v)},
    **{p: "thighs" for v in ("front", "back") for p in _both("thigh", v)},
    **{p: "calves" for p in _both("calf", "back")},
    **{p: "feet and toes" for p in (*_both("foot", "front"), *_both("heel", "back"))},
}
# The parts whose centroid carries each area's marker (the count and the click target).
MARKER_PARTS: dict[str, tuple[str, ...]] = {
    "face and eyelids": ("face",),
    "tongue": ("mouth",),
    "jaw and neck": ("neck (back)",),
    "abdomen": ("abdomen",),
    "back": ("back",),
    "buttocks and hips": ("buttocks",),
    "arms and hands": ("arm (front, left)",),
    "thighs": _both("thigh", "front"),
    "calves": _both("calf", "back"),
    "feet and toes": _both("foot", "front"),
}
# Areas with no single place on a body: drawn as chips between the two views.
CHIP_AREAS: tuple[str, ...] = ("whole leg", "whole body", "knees")  # no region of their own
# Every term of the bundled vocabulary, lower case.
BODY_AREAS: frozenset[str] = frozenset({*REGION_AREAS.values(), *CHIP_AREAS})
# The same terms for the catalog: in another language, the figure draws that language's
# words for them (the Spanish edition's "pantorrillas" is the calves; a test keeps the
# catalog's words and the edition's terms the same).
_VOCABULARY = (
    N_("face and eyelids"),
    N_("tongue"),
    N_("jaw and neck"),
    N_("abdomen"),
    N_("back"),
    N_("buttocks and hips"),
    N_("arms and hands"),
    N_("thighs"),
    N_("calves"),
    N_("feet and toes"),
    N_("whole leg"),
    N_("whole body"),
    N_("knees"),
)


@cache
def _vocabulary_in(lang: str) -> dict[str, str]:
    with using(lang):
        return {_(term).casefold(): term for term in _VOCABULARY}


def vocabulary_key(area: str) -> str:
    """The drawn vocabulary's (English) key of a table's area term in this run's language:
    "pantorrillas" is "calves" in Spanish; any other term, lower case."""
    key = area.strip().casefold()
    return _vocabulary_in(language()).get(key, key)


MAX_EXTRA_CHIPS = 4
MAX_BARS = 30
# Click targets: the grid spacing over the regions, how far from a marker's centre none
# is put (the marker is about 34 px across, some 6 units), and the width of a character
# of a name in the margin, all in figure units.
HIT_SPACING = 2.0
MARKER_CLEARANCE = 3.2
LABEL_CHAR = 1.4

# --- colours (the type is causes.theme's, at PICTURE_SCALE) --------------------------------
# One hue, light to dark blue (ColorBrewer "Blues"): fine for every kind of colour blindness.
SCALE: tuple[str, ...] = ("#DCEAF6", "#9ECAE1", "#4292C6", "#2171B5", "#08306B")
NEUTRAL_FILL = "#F3F3F3"
TAP_FILL = SCALE[0]  # every area of a map to tap: one light shade, no count
OUTLINE = "#555555"
CHOSEN_OUTLINE = "#000000"


def _hex(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def shade(count: int, most: int) -> str:
    """The fill for a count, light blue (0) to dark blue (`most`)."""
    t = 0.0 if most <= 0 else min(max(count / most, 0.0), 1.0)
    pos = t * (len(SCALE) - 1)
    i = min(int(pos), len(SCALE) - 2)
    f = pos - i
    a, b = _hex(SCALE[i]), _hex(SCALE[i + 1])
    return "#{:02X}{:02X}{:02X}".format(*(round(x + (y - x) * f) for x, y in zip(a, b, strict=True)))


def _luminance(colour: str) -> float:
    """Relative luminance, as WCAG defines it."""

    def linear(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _hex(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def ink_on(fill: str) -> str:
    """Black or white, whichever contrasts more with `fill`: on any fill, one of them
    reaches at least 4.58 to 1."""
    return "#000000" if contrast("#000000", fill) >= contrast("#FFFFFF", fill) else "#FFFFFF"


# --- geometry ---------------------------------------------------------------------------------


def centroid(polys: Iterable[Polygon]) -> Point:
    """The area-weighted centroid of one or more simple polygons."""
    total = cx = cy = 0.0
    for poly in polys:
        signed = 0.0
        px = py = 0.0
        for (x0, y0), (x1, y1) in zip(poly, (*poly[1:], poly[0]), strict=True):
            cross = x0 * y1 - x1 * y0
            signed += cross
            px += (x0 + x1) * cross
            py += (y0 + y1) * cross
        signed /= 2
        if signed:
            cx += px / 6
            cy += py / 6
            total += signed
    if not total:
        raise ValueError("no area")
    return round(cx / total, 3), round(cy / total, 3)


# --- where things go: side by side (wide) or one above the other (a phone) -------------------


@dataclass(frozen=True)
class Frame:
    """Where the two views, the names and the chips are laid out, in figure units.

    `WIDE` (a screen, a projector: the figure as it always was): front and back side by
    side, the names in the outer margins, the chips between the views. `narrow(n)` (a
    phone's 390 px): the chips in rows at the top, then the front, then the back, each view
    as wide as the phone allows with its names on both sides, two short lines each, so
    that every name is whole and every area is a target of at least 44 px."""

    narrow: bool
    shift: Mapping[str, Point]  # added to a view's drawing coordinates ("front", "back")
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    chip_columns: int
    chip_width: float
    chip_height: float
    chip_top: float  # the top of the first row of chips
    chip_x: float  # the left of the first column of chips (wide: the chips' centre)
    view_titles: tuple[tuple[str, Point], ...]  # "Front" and "Back" (English: `_()` them) and where they go
    chips_title: Point
    label_size: int  # px
    label_char: float  # the width of a character of a name, in figure units
    hover_distance: int  # px: how far from a target a tap still finds it
    height: int  # px
    top_margin: int  # px, for the title
    marker_size: int = 34  # px: the disc with the count
    marker_text: int = 16  # px


# The views' titles over the figure, English marked for the catalog (`_()` where drawn).
# Translators: over the drawing of the body seen from the front.
FRONT = N_("Front")
# Translators: over the drawing of the body seen from the back.
BACK = N_("Back")

WIDE = Frame(
    narrow=False,
    shift={"front": (0.0, 0.0), "back": (0.0, 0.0)},
    x_range=X_RANGE,
    y_range=Y_RANGE,
    chip_columns=1,
    chip_width=CHIP_WIDTH,
    chip_height=CHIP_HEIGHT,
    chip_top=36.0,
    chip_x=CHIP_X,
    view_titles=((FRONT, (0.0, 103.5)), (BACK, (BACK_X, 103.5))),
    chips_title=(CHIP_X, 38.6),
    label_size=18,
    label_char=LABEL_CHAR,
    hover_distance=20,
    height=760,
    top_margin=96,
)
NARROW_HALF_WIDTH = 44.0  # one view and its names: about 4 px a unit on a 390 px phone
NARROW_FRONT_Y = 112.0  # the front view's soles; the back view's are at 0
NARROW_LABEL_X = 21.0  # from a view's centre to the near end of its names
NARROW_CHIP = (42.0, 9.0)  # two chips a row, each about 170 x 36 px
NARROW_UNIT_PX = 3.95  # what a figure unit measures at 390 px (the plot area is ~348 px wide)
LINE_UNITS = 5.0  # a line of a name on a phone (16 px type, 20 px a line)


@cache
def narrow(chips: int) -> Frame:
    """The phone's frame for a figure with `chips` chips."""
    rows = math.ceil(chips / 2)
    width, height = NARROW_CHIP
    top = NARROW_FRONT_Y + 109.0 + rows * (height + 2.5)
    y_range = (-2.0, top + (9.0 if rows else 0.0))
    return Frame(
        narrow=True,
        shift={"front": (0.0, NARROW_FRONT_Y), "back": (-BACK_X, 0.0)},
        x_range=(-NARROW_HALF_WIDTH, NARROW_HALF_WIDTH),
        y_range=y_range,
        chip_columns=2,
        chip_width=width,
        chip_height=height,
        chip_top=top,
        chip_x=-NARROW_HALF_WIDTH + 1.0,
        view_titles=((FRONT, (0.0, NARROW_FRONT_Y + 103.5)), (BACK, (0.0, 103.5))),
        chips_title=(0.0, top + 3.2),
        label_size=16,
        label_char=1.9,
        hover_distance=24,
        height=round((y_range[1] - y_range[0]) * NARROW_UNIT_PX) + 118,
        top_margin=110,
        marker_size=28,  # the face's and the tongue's discs are 7 units apart: 28 px
        marker_text=15,
    )


def placed(point: Point, view: View, frame: Frame = WIDE) -> Point:
    """A point of the drawing of `view`, where `frame` puts it."""
    dx, dy = frame.shift[view]
    return round(point[0] + dx, 3), round(point[1] + dy, 3)


def region_anchor(area: str, frame: Frame = WIDE) -> Point:
    """Where an area's marker sits on the figure (for a drawn area)."""
    spot = centroid(PART_BY_NAME[p].polygon for p in MARKER_PARTS[vocabulary_key(area)])
    return placed(spot, region_view(area), frame)


def region_view(area: str) -> View:
    return PART_BY_NAME[MARKER_PARTS[vocabulary_key(area)][0]].view


def chip_box(index: int, frame: Frame = WIDE) -> tuple[float, float, float, float]:
    """The chip at `index` (0 at the top left): x0, y0, x1, y1."""
    row, column = divmod(index, frame.chip_columns)
    top = frame.chip_top - row * (frame.chip_height + 2.5)
    x0 = frame.chip_x + column * (frame.chip_width + 2.0) if frame.narrow else frame.chip_x - frame.chip_width / 2
    return x0, top - frame.chip_height, x0 + frame.chip_width, top


def chip_anchor(index: int, frame: Frame = WIDE) -> Point:
    """Where the marker of the chip at `index` sits (its left end)."""
    x0, y0, _x1, y1 = chip_box(index, frame)
    return x0 + (4.6 if frame.narrow else 3.6), (y0 + y1) / 2


# --- counts ------------------------------------------------------------------------------------


def uses_body_vocabulary(areas: Iterable[str]) -> bool:
    """Whether a table's body areas suit the drawn figure: at least half of its distinct
    area terms are terms of the bundled vocabulary (ignoring case). Otherwise the areas
    are shown as a bar chart."""
    terms = {vocabulary_key(a) for a in areas if a.strip()}
    if not terms:
        return False
    return 2 * len(terms & BODY_AREAS) >= len(terms)


def causes_phrase(area: str, count: int) -> str:
    """`calves: 5 causes`, in this run's language."""
    # Translators: hover text of a body area: {area} is its name (from the table), {n} how many causes.
    return ngettext("{area}: {n} cause", "{area}: {n} causes", count).format(area=area, n=number(count))


# --- what a click means --------------------------------------------------------------------------


def clicked_area(selection: Mapping[str, Any] | None) -> str | None:
    """The body area a chart selection picked, from Streamlit's selection state (its
    `.selection`, or the whole event with a `selection` in it): the `customdata` of the
    first selected point that carries a text one. None when nothing usable was selected."""
    for point in points_of(selection):
        data = point_data(point)
        if isinstance(data, str) and data.strip():
            return data.strip()
    return None


def with_area(current: Sequence[str] | None, area: str, table: CauseTable) -> list[str]:
    """The chosen body areas after clicking `area`: it is added, in the table's spelling,
    unless it is there already or the table has no such area."""
    chosen = list(current or [])
    canonical = table.facets["body_areas"].canonical(area)
    if canonical is None or canonical.casefold() in {c.casefold() for c in chosen}:
        return chosen
    return [*chosen, canonical]


# --- the figures -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AreaView:
    """What the body-map page shows: the figure (the body, or bars for a foreign
    vocabulary), its table alternative, a short description for screen readers, and a
    note on anything the figure leaves out."""

    kind: Literal["body", "bars"]
    figure: go.Figure
    rows: pd.DataFrame
    alt: str
    note: str
    narrow: go.Figure | None = None  # the body laid out for a phone


def _closed(poly: Polygon) -> tuple[list[float], list[float]]:
    xs = [x for x, _ in poly] + [poly[0][0]]
    ys = [y for _, y in poly] + [poly[0][1]]
    return xs, ys


def _title(text: str, sub: str, *, narrow_frame: bool = False) -> dict[str, Any]:
    return dict(
        text=text,
        subtitle=dict(text=sub, font=font(16 if narrow_frame else 17, SOFT_INK)),
        x=0.5,
        xanchor="center",
        y=0.985 if not narrow_frame else 0.995,
        yanchor="top",
        font=font(22 if narrow_frame else 24),
    )


@dataclass(frozen=True)
class Counted:
    """What the numbers on the body map count (`counts`: "causes", "people", or "" on a
    map to tap, with no counts on it), said in its title, its subtitle (a line each) and
    its hover text. `title_id` and `lines_id` are English marked for the catalog;
    `title` and `lines` say them in this run's language."""

    title_id: str
    lines_id: tuple[str, ...]
    counts: Literal["causes", "people", ""]

    @property
    def numbers(self) -> bool:
        return bool(self.counts)

    @property
    def title(self) -> str:
        return _(self.title_id)

    @property
    def lines(self) -> tuple[str, ...]:
        return tuple(_(line) for line in self.lines_id)

    def phrase(self, area: str, count: int) -> str:
        """`calves: 5 causes`; on a map to tap, the area alone."""
        if self.counts == "causes":
            return causes_phrase(area, count)
        if self.counts == "people":
            # Translators: hover text of a body area: {area} is its name, {n} how many people chose it.
            return ngettext("{area}: {n} person", "{area}: {n} people", count).format(area=area, n=number(count))
        return area

    def subtitle(self, frame: Frame) -> str:
        """The lines, each wrapped to the width of a phone when the frame is narrow."""
        if not frame.narrow:
            return "<br>".join(self.lines)
        return "<br>".join(textwrap.wrap(" ".join(self.lines), 37))


BODY_TITLE = N_("Where the causes are felt")
CAUSES = Counted(
    BODY_TITLE, (N_("Number on a part: matching causes felt there."), N_("Darker blue: more causes.")), "causes"
)
# A live room's "Where do you feel it?": the projector's heat map counts people, not causes.
ANSWERS = Counted(
    N_("Where the room feels it"),
    (N_("Number on a part: people who chose it."), N_("Darker blue: more people.")),
    "people",
)
# The same poll on a phone: a map to tap, no numbers.
TO_TAP = Counted(N_("Tap where you feel it"), (N_("A part of the body, or its name."),), "")


def figure_areas(counts: Mapping[str, int]) -> tuple[list[str], list[str]]:
    """Which of a table's areas (lower case) are drawn regions, and which are chips, in
    the order they are shown."""
    keys = list(dict.fromkeys(vocabulary_key(a) for a in counts))
    drawn = [k for k in MARKER_PARTS if k in keys]
    chips = [k for k in CHIP_AREAS if k in keys] + [k for k in keys if k not in BODY_AREAS][:MAX_EXTRA_CHIPS]
    return drawn, chips


def inside(point: Point, poly: Polygon) -> bool:
    """Whether a point lies inside a simple polygon (even-odd rule)."""
    x, y = point
    hit = False
    for (x0, y0), (x1, y1) in zip(poly, (*poly[1:], poly[0]), strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            hit = not hit
    return hit


def part_at(point: Point) -> Part | None:
    """The part drawn on top at a point, if any."""
    for part in reversed(PARTS):
        if inside(point, part.polygon):
            return part
    return None


# On a phone each view has names on both sides, alternating down the view, so that names
# on one side are never level with each other (the arms' name beside the arm).
NARROW_LEFT: frozenset[str] = frozenset({"tongue", "arms and hands", "thighs", "back", "calves"})


def label_side(area: str, frame: Frame = WIDE) -> Literal["left", "right"]:
    """Which side of its view an area's name is written on."""
    if frame.narrow:
        return "left" if vocabulary_key(area) in NARROW_LEFT else "right"
    return "left" if region_view(area) == "front" else "right"


def label_anchor(area: str, frame: Frame = WIDE) -> Point:
    """Where an area's name is written: in the margin beside its view, level with its
    marker (the near end of the name)."""
    y = region_anchor(area, frame)[1]
    left = label_side(area, frame) == "left"
    if frame.narrow:
        centre = placed((0.0, 0.0) if region_view(area) == "front" else (BACK_X, 0.0), region_view(area), frame)[0]
        return centre + (-NARROW_LABEL_X if left else NARROW_LABEL_X), y
    return (-LABEL_GAP if left else BACK_X + LABEL_GAP), y


def label_lines(name: str, frame: Frame = WIDE) -> list[str]:
    """An area's name as written: one line (cut at 22 characters) on a wide figure; on a
    phone, at most two lines of at most 9 characters (whole words; a longer word is cut)."""
    if not frame.narrow:
        return [short(name, 22)]
    lines: list[str] = []
    for word in name.split():
        if lines and len(lines[-1]) + 1 + len(word) <= 9:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > 2:
        lines = [lines[0], " ".join(lines[1:])]
    return [short(line, 9) for line in lines]


@cache
def _region_grid() -> tuple[tuple[float, float, str, View], ...]:
    """Grid points over the drawing, each with the area and the view of the part on top
    there (the drawing never changes, so this is worked out once)."""
    out: list[tuple[float, float, str, View]] = []
    xs = [X_RANGE[0] + HIT_SPACING * i for i in range(int((X_RANGE[1] - X_RANGE[0]) / HIT_SPACING) + 1)]
    for j in range(int(100 / HIT_SPACING) + 1):
        y = HIT_SPACING * j
        for x in xs:
            part = part_at((x, y))
            area = REGION_AREAS.get(part.name) if part else None
            if part is not None and area is not None:
                out.append((x, y, area, part.view))
    return tuple(out)


def hit_points(drawn: Sequence[str], chips: Sequence[str], frame: Frame = WIDE) -> list[tuple[float, float, str]]:
    """Invisible click targets, each with the area it stands for: a grid over every drawn
    region (the part on top decides), along every name in the margins (each line of it),
    and over every chip. A click anywhere on a region then selects its area, not only a
    click on its marker. Points under a marker are left out, so the marker itself always
    wins there."""
    markers = [region_anchor(a, frame) for a in drawn] + [chip_anchor(i, frame) for i in range(len(chips))]

    def clear(p: Point) -> bool:
        return all(math.dist(p, m) > MARKER_CLEARANCE for m in markers)

    wanted = set(drawn)
    out = [(*placed((x, y), view, frame), area) for x, y, area, view in _region_grid() if area in wanted]
    out = [(x, y, area) for x, y, area in out if clear((x, y))]
    for area in drawn:
        lx, ly = label_anchor(area, frame)
        step = -HIT_SPACING if label_side(area, frame) == "left" else HIT_SPACING
        lines = label_lines(area, frame)
        for k, line in enumerate(lines):
            y = ly + LINE_UNITS * ((len(lines) - 1) / 2 - k) if frame.narrow else ly
            count = max(1, round(len(line) * frame.label_char / HIT_SPACING))
            out += [(lx + step * (i + 0.5), y, area) for i in range(count)]
    for i, area in enumerate(chips):
        x0, y0, x1, y1 = chip_box(i, frame)
        for y in (y0 + frame.chip_height / 4, y1 - frame.chip_height / 4):
            out += [(x, y, area) for x in _steps(x0 + 1, x1 - 1) if clear((x, y))]
    return out


def _steps(a: float, b: float) -> list[float]:
    n = max(1, round((b - a) / HIT_SPACING))
    return [a + (b - a) * k / n for k in range(n + 1)]


def body_figure(
    counts: Mapping[str, int],
    chosen: Iterable[str] = (),
    *,
    counted: Counted = CAUSES,
    narrow_frame: bool = False,
) -> go.Figure:
    """The drawn figure for a table's area counts (keyed by the table's spelling). Every
    drawn area the table has is shaded by its count and gets one marker with its count;
    "whole leg", "whole body" and up to `MAX_EXTRA_CHIPS` areas not drawn become chips.
    The markers trace (named "areas") holds one point per area; the "hits" trace holds
    invisible click targets over the regions, their names and the chips.

    `counted` says what the numbers are (causes, people, or none on a map to tap);
    `narrow_frame` lays it out for a phone (`narrow`): the same areas, shades, markers
    and targets, one view above the other."""
    by_key = {vocabulary_key(a): (a, n) for a, n in counts.items()}
    picked = {vocabulary_key(c) for c in chosen}
    drawn, chips = figure_areas(counts)
    frame = narrow(len(chips)) if narrow_frame else WIDE
    most = max([by_key[k][1] for k in (*drawn, *chips)] or [0])
    fig = go.Figure()

    def outline(key: str) -> dict[str, Any]:
        return dict(color=CHOSEN_OUTLINE if key in picked else OUTLINE, width=4 if key in picked else 1.5)

    def fill_of(key: str) -> str:
        return shade(by_key[key][1], most) if counted.numbers else TAP_FILL

    # One trace for each run of neighbouring parts (in drawing order) of one area: plotly's
    # work grows with the traces, and a run keeps the order in which parts cover each other.
    for key, group in groupby(PARTS, key=lambda part: REGION_AREAS.get(part.name, "")):
        run = list(group)
        present = key in by_key
        xs: list[float | None] = []
        ys: list[float | None] = []
        for part in run:
            px, py = _closed(tuple(placed(q, part.view, frame) for q in part.polygon))
            xs += [*px, None]
            ys += [*py, None]
        fig.add_trace(
            go.Scatter(
                x=xs[:-1],
                y=ys[:-1],
                mode="lines",
                fill="toself",
                fillcolor=fill_of(key) if present else NEUTRAL_FILL,
                line=outline(key) if present else dict(color=OUTLINE, width=1.5),
                name=" + ".join(part.name for part in run),
                hoverinfo="skip",
                showlegend=False,
            )
        )
    # A faint line down the buttocks, so the back view reads as a back.
    seam = [placed((BACK_X, y), "back", frame) for y in (40.4, 46.5)]
    fig.add_trace(
        go.Scatter(
            x=[x for x, _ in seam],
            y=[y for _, y in seam],
            mode="lines",
            line=dict(color=OUTLINE, width=1.5),
            hoverinfo="skip",
            showlegend=False,
        )
    )
    for i, key in enumerate(chips):
        x0, y0, x1, y1 = chip_box(i, frame)
        name = by_key[key][0]
        fill = fill_of(key)
        fig.add_trace(
            go.Scatter(
                x=[x0, x1, x1, x0, x0],
                y=[y0, y0, y1, y1, y0],
                mode="lines",
                fill="toself",
                fillcolor=fill,
                line=outline(key),
                name=f"chip {i}",
                hoverinfo="skip",
                showlegend=False,
            )
        )
        ax, ay = chip_anchor(i, frame)
        fig.add_annotation(
            x=ax + (5.0 if frame.narrow else 3.4),
            y=ay,
            text=("✓ " if key in picked else "") + plot_escape(short(name, 16)),
            showarrow=False,
            xanchor="left",
            font=dict(size=frame.label_size if frame.narrow else 17, color=ink_on(fill)),
        )

    # Leader lines from each marker to its name in the margin.
    lines_x: list[float | None] = []
    lines_y: list[float | None] = []
    for key in drawn:
        name = by_key[key][0]
        x, y = region_anchor(key, frame)
        lx, _ly = label_anchor(key, frame)
        left = label_side(key, frame) == "left"
        lines_x += [lx + (0.6 if left else -0.6), x, None]
        lines_y += [y, y, None]
        fig.add_annotation(
            x=lx,
            y=y,
            text=("✓ " if key in picked else "") + "<br>".join(plot_escape(line) for line in label_lines(name, frame)),
            showarrow=False,
            xanchor="right" if left else "left",
            align="right" if left else "left",
            font=font(frame.label_size),
        )
    fig.add_trace(
        go.Scatter(
            x=lines_x,
            y=lines_y,
            mode="lines",
            line=dict(color="#777777", width=1),
            hoverinfo="skip",
            showlegend=False,
        )
    )

    def hover(key: str) -> str:
        return plot_escape(counted.phrase(*by_key[key]))

    hits = hit_points(drawn, chips, frame)
    fig.add_trace(
        go.Scatter(
            x=[x for x, _, _ in hits],
            y=[y for _, y, _ in hits],
            mode="markers",
            name="hits",
            customdata=[by_key[k][0] for _, _, k in hits],
            hovertext=[hover(k) for _, _, k in hits],
            hovertemplate="%{hovertext}<extra></extra>",
            marker=dict(size=8, color="#FFFFFF", opacity=0),
            selected=dict(marker=dict(opacity=0)),
            unselected=dict(marker=dict(opacity=0)),
            showlegend=False,
        )
    )
    spots = [region_anchor(k, frame) for k in drawn] + [chip_anchor(i, frame) for i in range(len(chips))]
    keys = [*drawn, *chips]
    fig.add_trace(
        go.Scatter(
            x=[x for x, _ in spots],
            y=[y for _, y in spots],
            mode="markers+text",
            name="areas",
            customdata=[by_key[k][0] for k in keys],
            text=[number(by_key[k][1]) if counted.numbers else ("✓" if k in picked else "") for k in keys],
            textposition="middle center",
            textfont=font(frame.marker_text),
            hovertext=[hover(k) for k in keys],
            hovertemplate="%{hovertext}<extra></extra>",
            marker=dict(size=frame.marker_size, color="#FFFFFF", line=dict(color="#08306B", width=2.5), opacity=1),
            selected=dict(marker=dict(opacity=1)),
            unselected=dict(marker=dict(opacity=1), textfont=dict(color=INK)),
            showlegend=False,
        )
    )

    for label, (x, y) in frame.view_titles:
        fig.add_annotation(x=x, y=y, text=f"<b>{_(label)}</b>", showarrow=False, font=font(20))
    if chips:
        fig.add_annotation(
            x=frame.chips_title[0],
            y=frame.chips_title[1],
            # Translators: over the boxes of the body areas that are not one part of the drawing ("whole leg").
            text=_("Not one part:"),
            showarrow=False,
            font=font(17),
        )
    fig.update_xaxes(range=frame.x_range, visible=False, fixedrange=True)
    fig.update_yaxes(range=frame.y_range, visible=False, fixedrange=True, scaleanchor="x", scaleratio=1)
    subtitle = counted.subtitle(frame)
    # A phone's title takes only the lines it has (pages/ui/plot.js fits the height to the width).
    top = 54 + 20 * (subtitle.count("<br>") + 1) if frame.narrow else frame.top_margin
    fig.update_layout(
        **base_layout(scale=PICTURE_SCALE),
        title=_title(counted.title, subtitle, narrow_frame=frame.narrow),
        height=frame.height - frame.top_margin + top,
        margin=dict(l=4 if frame.narrow else 8, r=4 if frame.narrow else 8, t=top, b=8),
        hoverlabel_bordercolor=SCALE[-1],
        hovermode="closest",
        hoverdistance=frame.hover_distance,
        showlegend=False,
    )
    return fig


BARS_TITLE = N_("Matching causes by body area")


def bar_figure(counts: Mapping[str, int], chosen: Iterable[str] = (), limit: int = MAX_BARS) -> go.Figure:
    """A horizontal bar per area (most causes first, at most `limit`), each bar clickable
    (its `customdata` is the area), with its count written beside it."""
    picked = {c.strip().casefold() for c in chosen}
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
    shown = ordered[:limit]
    more = len(ordered) - len(shown)
    names = [a for a, _ in shown]
    values = [n for _, n in shown]
    positions = list(range(len(shown)))
    is_picked = [a.casefold() in picked for a in names]
    fig = go.Figure(
        go.Bar(
            x=values,
            y=positions,
            orientation="h",
            customdata=names,
            text=[number(n) for n in values],
            textposition="outside",
            cliponaxis=False,
            textfont=font(17),
            hovertext=[plot_escape(causes_phrase(a, n)) for a, n in shown],
            hovertemplate="%{hovertext}<extra></extra>",
            marker=dict(
                color="#2171B5",
                line=dict(
                    color=[CHOSEN_OUTLINE if p else "#2171B5" for p in is_picked],
                    width=[3 if p else 0 for p in is_picked],
                ),
            ),
            selected=dict(marker=dict(opacity=1)),
            unselected=dict(marker=dict(opacity=1)),
        )
    )
    labels = [("✓ " if p else "") + plot_escape(short(a, LABEL_CHARS)) for a, p in zip(names, is_picked, strict=True)]
    fig.update_yaxes(
        tickvals=positions,
        ticktext=labels,
        autorange="reversed",
        fixedrange=True,
        tickfont=font(17),
        ticks="",
        showgrid=False,
    )
    top = max(values or [0])
    # Every bar has its count written beside it, so the axis needs no numbers.
    fig.update_xaxes(
        title=dict(text=_("Matching causes"), font=font(17)),
        range=[0, top * 1.15 + 1],
        fixedrange=True,
        showticklabels=False,
        showgrid=False,
        zeroline=True,
        zerolinecolor=OUTLINE,
    )
    sub = _("How many of the matching causes are felt in each body area.")
    if more:
        # Translators: {shown} is how many areas the chart shows; {n} how many more the table below lists.
        sub += " " + ngettext(
            "The {shown} areas with most causes; {n} more are in the table below.",
            "The {shown} areas with most causes; {n} more are in the table below.",
            more,
        ).format(shown=number(len(shown)), n=number(more))
    fig.update_layout(
        **base_layout(scale=PICTURE_SCALE),
        title=_title(_(BARS_TITLE), sub),
        height=140 + 38 * max(len(shown), 1),
        margin=dict(l=8, r=24, t=96, b=60),
        hoverlabel_bordercolor=SCALE[-1],
        bargap=0.25,
        showlegend=False,
    )
    return fig


def _where(key: str, chips: Sequence[str]) -> str | None:
    """Where an area is on the figure, in words (None: not drawn)."""
    if key in MARKER_PARTS:
        views = {PART_BY_NAME[p].view for p, a in REGION_AREAS.items() if a == key}
        # Translators: where a body area is drawn: on the view from the front, the back, or both.
        words = {"front": pgettext("view of the body", "front"), "back": pgettext("view of the body", "back")}
        return joined([words[v] for v in ("front", "back") if v in views])
    if key in chips:
        return _("a box between the views")
    return None


def area_view(table: CauseTable, result: Result, chosen: Iterable[str] = ()) -> AreaView:
    """Everything the body-map page shows for the current matches, in this run's language."""
    counts = term_counts(table, result, "body_areas")
    chosen = tuple(chosen)
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
    top = ", ".join(f"{a} {number(n)}" for a, n in ordered[:3] if n)
    # Translators: column headings of the body map's table: a body area, how many causes are
    # felt there, and where the figure shows it.
    area_heading, causes_heading, where_heading = _("Body area"), _("Matching causes"), _("On the figure")
    if uses_body_vocabulary(counts):
        _drawn, chips = figure_areas(counts)
        places = [_where(vocabulary_key(a), chips) for a, _n in ordered]
        not_drawn = _("not drawn")
        rows = pd.DataFrame(
            {
                area_heading: [a for a, _n in ordered],
                causes_heading: [n for _a, n in ordered],
                where_heading: [not_drawn if w is None else w for w in places],
            }
        )
        hidden = [a for (a, _n), w in zip(ordered, places, strict=True) if w is None]
        note = ""
        if hidden:
            # Translators: {n} is how many body areas the figure does not draw; {areas} their names.
            note = ngettext(
                "Not on the figure ({n}): {areas}. They are in the table below.",
                "Not on the figure ({n}): {areas}. They are in the table below.",
                len(hidden),
            ).format(n=number(len(hidden)), areas=", ".join(hidden))
        if top:
            # Translators: alt text; {n} is how many causes match; {top} the areas with most, "calves 5, thighs 3".
            alt = ngettext(
                "A human figure, front and back, each body part shaded by how many of the {n} matching causes"
                " are felt there; most: {top}.",
                "A human figure, front and back, each body part shaded by how many of the {n} matching causes"
                " are felt there; most: {top}.",
                len(result),
            ).format(n=number(len(result)), top=top)
        else:
            # Translators: alt text; {n} is how many causes match.
            alt = ngettext(
                "A human figure, front and back, each body part shaded by how many of the {n} matching causes"
                " are felt there.",
                "A human figure, front and back, each body part shaded by how many of the {n} matching causes"
                " are felt there.",
                len(result),
            ).format(n=number(len(result)))
        return AreaView(
            "body", body_figure(counts, chosen), rows, alt, note, body_figure(counts, chosen, narrow_frame=True)
        )
    rows = pd.DataFrame({area_heading: [a for a, _n in ordered], causes_heading: [n for _a, n in ordered]})
    more = max(len(ordered) - MAX_BARS, 0)
    note = ""
    if more:
        # Translators: {shown} is how many areas the chart shows; {n} how many the table has.
        note = ngettext(
            "The chart shows the {shown} areas with most causes; all {n} are in the table.",
            "The chart shows the {shown} areas with most causes; all {n} are in the table.",
            len(ordered),
        ).format(shown=MAX_BARS, n=number(len(ordered)))
    if top:
        # Translators: alt text; {n} is how many body areas; {top} the areas with most causes, "calves 5, thighs 3".
        alt = ngettext(
            "A bar chart of the matching causes by body area, {n} areas; most: {top}.",
            "A bar chart of the matching causes by body area, {n} areas; most: {top}.",
            len(ordered),
        ).format(n=number(len(ordered)), top=top)
    else:
        # Translators: alt text; {n} is how many body areas.
        alt = ngettext(
            "A bar chart of the matching causes by body area, {n} areas.",
            "A bar chart of the matching causes by body area, {n} areas.",
            len(ordered),
        ).format(n=number(len(ordered)))
    return AreaView("bars", bar_figure(counts, chosen), rows, alt, note)
