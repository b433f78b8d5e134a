"""The projector's slide: one 1280x720 stage (16:9), and how much of a deck fits on it in
type read from the back of a room.

A slide is laid out once, in 1280x720 design pixels; a screen of any size shows the whole
stage scaled to fit (1366x768: x1.07; 1920x1080: x1.5; another shape: letterboxed), so
what fits at 1280x720 fits everywhere, in the same proportions. A 16:9 slide is 540 points
tall, so at 720 px a point is 4/3 px: no text of a slide is smaller than 24 pt (32 px,
`FLOOR`), body text is 27 pt (`BODY`), the footer's line and corner 18 pt (`CORNER`).

What fits is estimated here, before anything is drawn, from the text's length and a
generous average character width (`CHAR`): the deck splits a cause over as many slides as
it needs (its summary and key-symptom chart, then what helps and when to get help: side by
side when both fit, else one a slide) and pages a list (warning signs, sources) over
slides, so nothing is cut and nothing shrinks. A browser test draws every slide of the
bundled deck at three screen sizes and checks the estimate held (`tests/browser/test_projector.py`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

STAGE_WIDTH, STAGE_HEIGHT = 1280, 720
POINT = STAGE_HEIGHT / 540  # px per point of a 16:9 slide
FLOOR = round(24 * POINT)  # 32 px: no text of a slide's content is smaller (24 pt)
CORNER_FLOOR = round(18 * POINT)  # 24 px: nor of its footer (18 pt)
BODY = round(27 * POINT)  # 36 px
CORNER = CORNER_FLOOR  # the footer's line, the slide number, the room code, a chart's note
HEADING = round(34 * POINT)  # 45 px
TITLE = round(42 * POINT)  # 56 px: the title slide's topic
LINE = 1.3  # line height, in em
HEADING_LINE = 1.15
CHAR = 0.5  # average character width, in em (Source Sans, mixed case; a little generous)
MARGIN = 44  # left and right
TOP = 24
FOOTER = 86  # the band at the foot: the education line (two lines at most), the slide number, the room code
GAP = 16  # between two elements, one above the other
COLUMN_GAP = 40
WIDTH = STAGE_WIDTH - 2 * MARGIN  # 1192
HEIGHT = STAGE_HEIGHT - TOP - FOOTER  # 632
HALF = (WIDTH - COLUMN_GAP) / 2  # 576: one of two columns
PARAGRAPH = round(0.3 * BODY)  # below a paragraph or a list
INDENT = 1.4 * BODY  # a list item's bullet
CHART_ROW = 52  # a bar of a slide's chart, its label at BODY
CHART_TOP = 8  # above and below a chart's bars
QR = 250  # the title slide's QR code


def _per_line(width: float, size: float) -> int:
    return max(6, int(width / (size * CHAR)))


def line_count(text: str, width: float, size: float = BODY) -> int:
    """How many lines `text` takes in a box `width` px wide at `size` px type: words wrapped
    greedily, a word longer than a line (a link) broken anywhere."""
    per = _per_line(width, size)
    lines, used = 0, 0
    for paragraph in str(text).split("\n"):
        lines, used = lines + 1, 0
        for word in paragraph.split():
            n = len(word)
            if n > per:  # broken anywhere: fills lines
                extra = (used + (1 if used else 0) + n) // per
                lines += extra
                used = (used + (1 if used else 0) + n) % per
                continue
            if used and used + 1 + n > per:
                lines, used = lines + 1, n
            else:
                used += (1 if used else 0) + n
    return max(lines, 1)


def text_height(text: str, width: float, size: float = BODY, line: float = LINE) -> float:
    """A paragraph's height, with the space under it."""
    return line_count(text, width, size) * size * line + PARAGRAPH


def list_height(items: Sequence[str], width: float, size: float = BODY) -> float:
    """A bulleted list's height, with the space under it."""
    if not items:
        return 0.0
    return sum(line_count(i, width - INDENT, size) for i in items) * size * LINE + PARAGRAPH


def heading_height(text: str, width: float = WIDTH, size: float = HEADING) -> float:
    return line_count(text, width, size) * size * HEADING_LINE


def label_height() -> float:
    """A bold label over a list ("What helps")."""
    return BODY * LINE + PARAGRAPH


def chart_height(rows: int) -> float:
    """A slide's horizontal bar chart of `rows` bars, labels at BODY."""
    return CHART_TOP * 2 + CHART_ROW * max(rows, 1)


# --- packing a cause's blocks into slides -------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """Something a cause slide shows: a name the page draws it by, how tall it is at a
    width, and (for a list) how many items it has; a list may be split between slides."""

    name: str
    height: Callable[[float, int, int], float]  # (width, first item, end) -> px
    items: int = 0  # a list's length (0: not a list)


@dataclass(frozen=True)
class Piece:
    """A block on one slide: the list's items [start, stop) when split."""

    name: str
    start: int = 0
    stop: int = 0


def pack(blocks: Sequence[Block], first_room: float, room: float) -> tuple[tuple[Piece, ...], ...]:
    """The blocks in order over as few slides as hold them: two side by side when both
    fit in half the width, else one in the whole width, else a list split at the items
    that fit (at least one a slide). `first_room` is the height the first slide leaves
    for them (its heading and badges above), `room` each later one's."""
    slides: list[tuple[Piece, ...]] = []
    queue = [(b, 0) for b in blocks]
    while queue:
        space = first_room if not slides else room
        block, start = queue[0]
        whole = Piece(block.name, start, block.items)
        if len(queue) > 1:
            other, other_start = queue[1]
            if (
                block.height(HALF, start, block.items) <= space
                and other.height(HALF, other_start, other.items) <= space
            ):
                slides.append((whole, Piece(other.name, other_start, other.items)))
                queue = queue[2:]
                continue
        if block.height(WIDTH, start, block.items) <= space or not block.items:
            slides.append((whole,))  # (a text too long for a slide was shortened by its maker)
            queue = queue[1:]
            continue
        stop = start + 1
        while stop < block.items and block.height(WIDTH, start, stop + 1) <= space:
            stop += 1
        slides.append((Piece(block.name, start, stop),))
        queue[0] = (block, stop)
        if stop >= block.items:
            queue = queue[1:]
    return tuple(slides)


def page(heights: Sequence[float], room: float) -> list[tuple[int, int]]:
    """Items of these heights over as few slides as hold them, in order, as (start, stop)
    spans, at least one item a slide."""
    spans: list[tuple[int, int]] = []
    start, used = 0, 0.0
    for i, h in enumerate(heights):
        if i > start and used + h > room:
            spans.append((start, i))
            start, used = i, 0.0
        used += h
    if heights:
        spans.append((start, len(heights)))
    return spans


def fits(text: str, width: float, size: float, lines: int) -> str:
    """`text` shortened at a word to fit `lines` lines (with "…"), or whole when it does: the
    last resort for one piece of text longer than a whole slide."""
    if line_count(text, width, size) <= lines:
        return text
    words = str(text).split()
    lo, hi = 0, len(words)
    while lo < hi:  # the most words that fit, with the ellipsis
        mid = (lo + hi + 1) // 2
        if line_count(" ".join(words[:mid]) + " …", width, size) <= lines:
            lo = mid
        else:
            hi = mid - 1
    return " ".join(words[:lo]) + " …" if lo else str(text)[: max(1, _per_line(width, size) * lines - 2)] + "…"


def lines_in(height: float, size: float = BODY, line: float = LINE) -> int:
    """How many lines of type `size` a height holds."""
    return max(1, math.floor((height - PARAGRAPH) / (size * line)))
