"""causes/stage.py: the projector's stage, its type, and the room a chart has on a slide."""

from __future__ import annotations

import pytest

from causes.stage import (
    BODY,
    CORNER,
    CORNER_FLOOR,
    FLOOR,
    GAP,
    HEADING,
    HEIGHT,
    LINE,
    STAGE_HEIGHT,
    STAGE_WIDTH,
    WIDTH,
    chart_height,
    chart_room,
    heading_height,
    line_count,
    text_height,
)


def test_the_type_is_in_points_of_a_16_by_9_slide():
    assert STAGE_WIDTH * 9 == STAGE_HEIGHT * 16
    assert (FLOOR, CORNER_FLOOR) == (32, 24)  # 24 pt and 18 pt of a slide 540 pt tall, at 720 px
    assert BODY >= FLOOR and HEADING > BODY and CORNER >= CORNER_FLOOR


# One character is half an em: at BODY (36 px) a 360 px box holds 20 characters a line.
@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("", 1),
        ("short", 1),
        ("a" * 20, 1),
        ("a" * 21, 2),  # one word longer than a line (a link): broken anywhere
        ("a" * 40, 2),
        ("aaaa " * 4 + "aaaa", 2),  # five words of 4 and their spaces: 24 characters
        ("a" * 41, 3),
        ("word " * 8, 2),  # 8 words of 4: 4 a line (19 characters)
        ("one\ntwo", 2),  # a line break starts a line
    ],
)
def test_lines_are_counted_as_words_wrap(text, lines):
    assert line_count(text, 360, BODY) == lines


def test_heights_follow_the_lines():
    assert text_height("x", WIDTH) < text_height("x " * 200, WIDTH)
    assert heading_height("A cause") < heading_height("A cause " * 20)
    assert chart_height(6) > chart_height(2) > 0 and chart_height(0) == chart_height(1)


@pytest.mark.parametrize("notes", [(), ("A note.",), ("A note.", "And another, much longer one. " * 6)])
def test_a_chart_has_the_slide_under_its_heading_less_its_notes(notes):
    room = chart_room("The causes at a glance", notes)
    below = GAP * (1 + len(notes)) + sum(text_height(n, WIDTH, CORNER) for n in notes)
    assert room == pytest.approx(HEIGHT - heading_height("The causes at a glance") - below)
    reserved = chart_room("The causes at a glance", notes, reserved_lines=2)
    assert reserved == pytest.approx(room - GAP - 2 * CORNER * LINE)
