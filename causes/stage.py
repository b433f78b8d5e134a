"""The projector's slide: one 1280x720 stage (16:9), and the type read from the back of a
room.

A slide is laid out once, in 1280x720 design pixels; a screen of any size shows the whole
stage scaled to fit (1366x768: x1.07; 1920x1080: x1.5; another shape: letterboxed), so
what fits at 1280x720 fits everywhere, in the same proportions. A 16:9 slide is 540 points
tall, so at 720 px a point is 4/3 px: no text of a slide is smaller than 24 pt (32 px,
`FLOOR`), body text is 27 pt (`BODY`), the footer's line and corner 18 pt (`CORNER`).

What a slide holds is decided by structure in `causes.deck` (three slides a cause, four
warning signs a slide), so every screen and every language has the same slide N. Here:
the stage's measures, and the height a chart has under a heading, estimated from the
text's length and a generous average character width (`CHAR`). A browser test draws every
slide of the bundled deck at three screen sizes and checks it fits
(`tests/browser/test_projector.py`).
"""

from __future__ import annotations

from collections.abc import Sequence

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
WIDTH = STAGE_WIDTH - 2 * MARGIN  # 1192
HEIGHT = STAGE_HEIGHT - TOP - FOOTER  # 632
PARAGRAPH = round(0.3 * BODY)  # below a paragraph or a list
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
                total = used + (1 if used else 0) + n
                lines += (total - 1) // per
                used = (total - 1) % per + 1
                continue
            if used and used + 1 + n > per:
                lines, used = lines + 1, n
            else:
                used += (1 if used else 0) + n
    return max(lines, 1)


def text_height(text: str, width: float, size: float = BODY, line: float = LINE) -> float:
    """A paragraph's height, with the space under it."""
    return line_count(text, width, size) * size * line + PARAGRAPH


def heading_height(text: str, width: float = WIDTH, size: float = HEADING) -> float:
    return line_count(text, width, size) * size * HEADING_LINE


def chart_height(rows: int) -> float:
    """A slide's horizontal bar chart of `rows` bars, labels at BODY."""
    return CHART_TOP * 2 + CHART_ROW * max(rows, 1)


def chart_room(heading: str, notes: Sequence[str] = (), reserved_lines: int = 0) -> float:
    """The height a chart has on a slide: under its heading, above its notes (in `CORNER`
    type: `notes` as written, and `reserved_lines` more lines for a note not known yet)."""
    room = HEIGHT - heading_height(heading) - GAP * (1 + len(notes))
    room -= sum(text_height(note, WIDTH, CORNER) for note in notes)
    if reserved_lines:
        room -= GAP + reserved_lines * CORNER * LINE
    return room
