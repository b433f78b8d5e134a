"""causes/style.py: a cause card's text, as the ranked list shows it."""

from __future__ import annotations

import pytest

from causes.style import card_markdown

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
