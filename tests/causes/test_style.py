"""causes/style.py: a cause card's text, as the ranked list shows it; the urgency styles, badges
and option labels."""

from __future__ import annotations

import pytest

from causes.schema import URGENCY_LEVELS
from causes.style import (
    NO_URGENCY,
    URGENCY_STYLE,
    badge_md,
    card_markdown,
    option_label,
    row_label,
    symptom_hits_line,
    urgency_style,
)
from causes.text import md_escape

CAUSE = {
    "cause": "<script>alert(1)</script> **Cramp**",
    "category": "Nerves [x](javascript:y)",
    "urgency": "urgent",
    "summary": "A ![pic](http://e.org/p.png) summary.",
    "symptoms": ("Night cramps", "twitching", "pain"),
}


@pytest.mark.parametrize(
    ("chosen", "hits", "last_line"),
    [
        ((), 0, None),
        (("night CRAMPS",), 1, "Has the chosen symptom: Night cramps"),
        (("twitching", "night cramps", "itch"), 2, "Has 2 of the 3 chosen symptoms: Night cramps, twitching"),
    ],
)
def test_a_card_says_what_the_cause_has_and_escapes_its_text(chosen, hits, last_line):
    text = card_markdown(CAUSE, 3, hits, chosen)
    lines = text.split("\n\n")
    assert lines[0].startswith("#### 3\\. ") and "<script>" not in lines[0] and "\\*\\*Cramp\\*\\*" in lines[0]
    assert ":red-badge[" in lines[1] or ":orange-badge[" in lines[1]  # the urgency badge first
    assert "](javascript:" not in text and "![pic](" not in text
    if last_line is None:
        assert len(lines) == 3
    else:
        assert len(lines) == 4 and lines[3].startswith(":small[:gray[")
        assert last_line.split(":")[0] in lines[3] and all(s in lines[3] for s in last_line.split(": ")[1].split(", "))


# --- labels and urgency styles -----------------------------------------------------------------


@pytest.mark.parametrize(
    "hits,chosen,line",
    [
        (1, 1, "Has the chosen symptom"),
        (2, 2, "Has all 2 chosen symptoms"),
        (3, 3, "Has all 3 chosen symptoms"),
        (1, 2, "Has 1 of the 2 chosen symptoms"),
        (2, 5, "Has 2 of the 5 chosen symptoms"),
    ],
)
def test_symptom_hits_line(hits, chosen, line):
    assert symptom_hits_line(hits, chosen) == line


@pytest.mark.parametrize(
    "term,count,label",
    [
        ("calves", 3, "calves (3)"),
        ("calves", 0, "calves (0)"),
        ("see a doctor", 1, "see a doctor (1)"),
        ("feet", 1234, "feet (1,234)"),
        ("back (lower)", 2, "back (lower) (2)"),
    ],
)
def test_option_label(term, count, label):
    assert option_label(term, count) == label


@pytest.mark.parametrize(
    "level,label",
    [
        ("urgent", "Urgent"),
        (" URGENT ", "Urgent"),
        ("see a doctor", "See a doctor"),
        ("Self-Care", "Self-care"),
        ("", "Urgency not given"),
        ("soon", "Urgency not given"),
    ],
)
def test_urgency_style(level, label):
    assert urgency_style(level).label == label


def test_every_urgency_level_has_its_own_style():
    assert set(URGENCY_STYLE) == set(URGENCY_LEVELS)
    styles = [*URGENCY_STYLE.values(), NO_URGENCY]
    assert len({s.colour for s in styles}) == len(styles)
    assert len({s.label for s in styles}) == len(styles)


@pytest.mark.parametrize(
    ("label", "colour", "icon", "expected"),
    [
        ("Self-care", "green", ":material/self_care:", ":green-badge[:material/self_care: Self-care]"),
        (md_escape("a [b](javascript:x)"), "gray", None, r":gray-badge[a \[b\]\(javascript\:x\)]"),
    ],
)
def test_badge_md_draws_a_badge_inside_markdown_with_the_label_still_escaped(label, colour, icon, expected):
    assert badge_md(label, colour, icon) == expected


@pytest.mark.parametrize(
    ("summary", "second_line"),
    [
        ("A ![pic](http://e.org/p.png) summary. More after it.", md_escape("A ![pic](http://e.org/p.png) summary.")),
        ("One sentence only", "One sentence only\\."),
        ("Ends with a stop.", "Ends with a stop\\."),
        ("", None),
    ],
)
@pytest.mark.parametrize("level", URGENCY_LEVELS)
def test_a_phone_row_is_its_name_its_level_in_words_and_its_first_sentence(summary, second_line, level):
    row = row_label({**CAUSE, "urgency": level, "summary": summary}, 7)
    lines = row.split("\n\n")
    style = urgency_style(level)
    assert lines[0].startswith("**7\\. ") and "<script>" not in lines[0] and "\\*\\*Cramp\\*\\*" in lines[0]
    assert lines[0].endswith(badge_md(style.label, style.badge, style.icon))  # the level in words, in its colour
    assert lines[1:] == ([] if second_line is None else [second_line])
