"""Comparing causes: shared and distinct terms, the sentence per cause, and
the overlap chart and table (their numbers match the sets)."""

from __future__ import annotations

import pytest

from causes.compare import (
    EXAMPLE,
    also_in,
    cause_options,
    compare,
    distinguishing_sentence,
    example_pair,
    overlap_alt,
    overlap_figure,
    overlap_frame,
    overlap_rows,
    shared_label,
    urgency_line,
)
from causes.loader import load_cause_table
from causes.style import URGENCY_STYLE
from causes.table import CauseTable
from causes.text import plot_escape
from causes.theme import FONT_SIZE
from tests.causes.tables import table_from_rows

COLUMNS = ["cause", "category", "symptoms", "body_areas", "risk_factors", "summary", "urgency", "self_care"]
# Across the table: twitching 5 causes, cramps 3, weakness 3, stiffness 2; tingling, wasting,
# slurred speech and swelling 1 each. So for Nerve disease the rarest of its own symptoms
# are wasting and slurred speech, though its row names weakness first.
ROWS = [
    ["Harmless twitch", "Benign", "twitching; cramps; tingling", "calves; eyelids", "stress; caffeine",
     "Twitches that do no harm.", "self-care", "Rest; Sleep more"],
    ["Nerve disease", "Nervous", "weakness; wasting; twitching; cramps; stiffness; slurred speech",
     "whole leg; calves", "older age", "A disease of the nerves.", "see a doctor", "See a doctor soon"],
    ["Tired", "Lifestyle", "twitching", "calves; eyelids", "stress; poor sleep",
     "Too little sleep.", "self-care", "sleep more"],
    ["Tired twin", "Lifestyle", "twitching", "calves; eyelids", "stress; poor sleep",
     "The same again.", "self-care", ""],
    ["Tired cousin", "Other", "twitching", "calves; eyelids", "stress; poor sleep",
     "The same, another category.", "self-care", ""],
    ["Blood clot", "Look-alike", "cramps; swelling; weakness", "calves", "long flights",
     "A clot in a vein.", "urgent", ""],
    ["Weak muscles", "Muscle", "weakness; stiffness", "thighs", "older age",
     "Muscles that tire.", "see a doctor", ""],
]  # fmt: skip


@pytest.fixture(scope="module")
def table() -> CauseTable:
    return table_from_rows(COLUMNS, ROWS)


def at(table: CauseTable, *names: str) -> tuple[int, ...]:
    return tuple(table.position_of(n) for n in names)


def test_options_are_every_cause_in_name_order(table):
    assert cause_options(table) == sorted((r[0] for r in ROWS), key=str.casefold)


# --- shared and distinct ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("names", "column", "shared", "some", "own"),
    [
        (
            ("Harmless twitch", "Nerve disease"),
            "symptoms",
            ("twitching", "cramps"),
            ((), ()),
            (("tingling",), ("weakness", "wasting", "stiffness", "slurred speech")),
        ),
        (
            ("Harmless twitch", "Nerve disease", "Blood clot"),
            "symptoms",
            ("cramps",),
            (("twitching",), ("weakness", "twitching"), ("weakness",)),
            (("tingling",), ("wasting", "stiffness", "slurred speech"), ("swelling",)),
        ),
        (("Harmless twitch", "Nerve disease"), "body_areas", ("calves",), ((), ()), (("eyelids",), ("whole leg",))),
        (("Tired", "Tired twin"), "risk_factors", ("stress", "poor sleep"), ((), ()), ((), ())),
        (
            ("Harmless twitch", "Tired", "Blood clot"),
            "risk_factors",
            (),
            (("stress",), ("stress",), ()),
            (("caffeine",), ("poor sleep",), ("long flights",)),
        ),
        # What helps is matched ignoring case; the first spelling is shown.
        (("Harmless twitch", "Tired"), "self_care", ("Sleep more",), ((), ()), (("Rest",), ())),
        (("Tired", "Blood clot"), "self_care", (), ((), ()), (("sleep more",), ())),
    ],
)
def test_term_split(table, names, column, shared, some, own):
    split = compare(table, at(table, *names)).split(column)
    assert split.shared == shared
    assert split.some == some
    assert split.own == own
    # Every term of every cause is in exactly one place.
    for i, name in enumerate(names):
        terms = table.record(table.position_of(name))[column]
        placed = [*split.shared, *split.some[i], *split.own[i]]
        assert sorted(t.casefold() for t in placed) == sorted(t.casefold() for t in terms)


def test_comparison_keeps_names_categories_and_urgencies_in_order(table):
    c = compare(table, at(table, "Blood clot", "Tired"))
    assert c.names == ("Blood clot", "Tired")
    assert c.categories == ("Look-alike", "Lifestyle")
    assert c.urgencies == ("urgent", "self-care")
    assert c.others(0) == ("Tired",)


@pytest.mark.parametrize("positions", [(), (0,), (0, 1, 2, 3, 4), (0, 0), (0, 99)])
def test_compare_needs_two_to_four_different_causes(table, positions):
    with pytest.raises(ValueError):
        compare(table, positions)


def test_also_in_groups_terms_by_which_others_have_them(table):
    c = compare(table, at(table, "Harmless twitch", "Nerve disease", "Blood clot"))
    assert also_in(c, "symptoms", 1) == [(("Blood clot",), ("weakness",)), (("Harmless twitch",), ("twitching",))]
    assert also_in(c, "symptoms", 0) == [(("Nerve disease",), ("twitching",))]
    assert also_in(compare(table, at(table, "Tired", "Nerve disease")), "symptoms", 0) == []


# --- one sentence per cause --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("levels", "i", "clause"),
    [
        (("", "see a doctor"), 0, 'it has no level given, where the others have "see a doctor".'),
        (("see a doctor", ""), 0, 'it is rated "see a doctor" rather than not rated'),
        (("", "urgent", "emergency"), 0, 'it has no level given, where the others have "urgent" and "emergency".'),
    ],
)
def test_a_cause_without_a_level_is_told_apart_in_plain_words(levels, i, clause):
    rows = [[f"Cause {n}", "Other", "twitching", "calves", "", "A cause.", level, ""] for n, level in enumerate(levels)]
    table = table_from_rows(COLUMNS, rows)
    text = distinguishing_sentence(table, compare(table, tuple(range(len(rows)))), i).text
    assert clause in text and "rated not rated rather" not in text, text


@pytest.mark.parametrize(
    ("names", "i", "sentence"),
    [
        # Its own symptoms, rarest in the whole table first.
        (
            ("Harmless twitch", "Nerve disease"),
            1,
            "Wasting and slurred speech can point to Nerve disease rather than Harmless twitch; "
            "so can stiffness and weakness.",
        ),
        (("Harmless twitch", "Nerve disease"), 0, "Tingling can point to Harmless twitch rather than Nerve disease."),
        (
            ("Blood clot", "Harmless twitch", "Tired"),
            0,
            "Swelling and weakness can point to Blood clot rather than Harmless twitch or Tired.",
        ),
        # No symptom of its own: what else differs.
        (
            ("Tired", "Nerve disease"),
            0,
            "Every symptom of Tired is also a symptom of Nerve disease; what sets it apart is that it is rated "
            '"self-care" rather than "see a doctor", is linked to poor sleep or stress, and can be felt in the '
            "eyelids.",
        ),
        (
            ("Tired", "Harmless twitch"),
            0,
            "Every symptom of Tired is also a symptom of Harmless twitch; what sets it apart is that it is linked "
            "to poor sleep.",
        ),
        (
            ("Weak muscles", "Nerve disease"),
            0,
            "Every symptom of Weak muscles is also a symptom of Nerve disease; what sets it apart is that it can "
            "be felt in the thighs.",
        ),
        (
            ("Tired", "Tired cousin"),
            0,
            "Every symptom of Tired is also a symptom of Tired cousin; what sets it apart is that it belongs to "
            "the category Lifestyle.",
        ),
        (
            ("Tired", "Tired twin"),
            0,
            "Every symptom of Tired is also a symptom of Tired twin; its urgency, body areas and risk factors do "
            "not tell it apart either.",
        ),
        (
            ("Tired", "Harmless twitch", "Nerve disease"),
            0,
            "Every symptom of Tired is also a symptom of Harmless twitch or Nerve disease; what sets it apart is "
            "that it is linked to poor sleep.",
        ),
    ],
)
def test_distinguishing_sentence(table, names, i, sentence):
    assert distinguishing_sentence(table, compare(table, at(table, *names)), i).text == sentence


def test_sentence_names_three_more_then_counts_the_rest(bundled):
    c = compare(bundled, at(bundled, *EXAMPLE))
    text = distinguishing_sentence(bundled, c, 1).text
    assert text == (
        "Muscle wasting and speech or swallowing problems can point to Motor neurone disease (ALS) rather than "
        "Benign fasciculations (harmless muscle twitches); so can muscle stiffness and muscle weakness."
    )


def test_sentence_markdown_bolds_the_words_that_matter_and_escapes_them(table):
    s = distinguishing_sentence(table, compare(table, at(table, "Harmless twitch", "Nerve disease")), 0)
    assert s.markdown() == "**Tingling** can point to **Harmless twitch** rather than Nerve disease\\."


def test_sentence_markdown_keeps_hostile_names_inert():
    text = "cause,category,symptoms,body_areas,summary\n" + (
        '"[x](javascript:alert(1))",A,"<b>bold</b>",calves,One.\nPlain,B,cramps,calves,Two.\n'
    )
    hostile = load_cause_table(text.encode())
    s = distinguishing_sentence(hostile, compare(hostile, (0, 1)), 0)
    md = s.markdown()
    assert "](" not in md.replace("\\]\\(", "")
    assert "<b>" not in md.replace("\\<b\\>", "")
    assert md.startswith("**\\<b\\>bold\\</b\\>** can point to **\\[x\\]\\(javascript\\:alert\\(1\\)\\)**")


@pytest.mark.parametrize(
    ("names", "line"),
    [
        (("Harmless twitch", "Nerve disease"), "Self-care: Harmless twitch. See a doctor: Nerve disease."),
        (
            ("Blood clot", "Weak muscles", "Tired", "Nerve disease"),
            "Self-care: Tired. See a doctor: Weak muscles and Nerve disease. Urgent: Blood clot.",
        ),
        (("Tired", "Tired twin"), None),
    ],
)
def test_urgency_line(table, names, line):
    assert urgency_line(compare(table, at(table, *names))) == line


def names(table: CauseTable, positions) -> list[str]:
    return [table.record(int(p))["cause"] for p in positions]


def test_example_pair(table, bundled):
    assert names(bundled, example_pair(bundled)) == list(EXAMPLE)
    # Another table: its most common symptom (twitching), the least and the most urgent.
    assert names(table, example_pair(table)) == ["Harmless twitch", "Nerve disease"]


# --- the overlap chart and its table ------------------------------------------------------------


@pytest.mark.parametrize(
    "names",
    [
        ("Harmless twitch", "Nerve disease"),
        ("Harmless twitch", "Nerve disease", "Blood clot"),
        ("Tired", "Tired twin"),
        ("Blood clot", "Weak muscles", "Tired", "Nerve disease"),
    ],
)
def test_figure_and_table_match_the_sets(table, names):
    c = compare(table, at(table, *names))
    split = c.split("symptoms")
    fig = overlap_figure(c, "symptoms")
    frame = overlap_frame(c, "symptoms")
    assert len(fig.data) == len(names)
    for i, (name, trace) in enumerate(zip(names, fig.data, strict=True)):
        has = table.record(table.position_of(name))["symptoms"]
        assert sorted(trace.y) == sorted(plot_escape(t) for t in has)  # one dot per symptom it has
        assert set(trace.x) == {fig.layout.xaxis.categoryarray[i]}
        assert trace.marker.color == URGENCY_STYLE[c.urgencies[i]].colour
        assert list(frame[name]).count("✓") == len(has)
    # Every term once, shared by all first.
    terms = [r.term for r in overlap_rows(c, "symptoms")]
    assert sorted(terms) == sorted(split.terms())
    assert terms[: len(split.shared)] == list(split.shared)
    assert list(frame["Symptom"]) == terms
    shared = list(frame["Who has it"]).count(shared_label(len(names)))
    assert shared == len(split.shared)
    for i, name in enumerate(names):
        assert list(frame["Who has it"]).count(f"Only {name}") == len(split.own[i])
    # The headings name the groups that have terms.
    headings = [a.text for a in fig.layout.annotations]
    assert headings == [f"<b>{plot_escape(g)}</b>" for g in dict.fromkeys(frame["Who has it"])]


def test_figure_is_readable_from_the_back_of_the_room(table):
    fig = overlap_figure(compare(table, at(table, "Harmless twitch", "Nerve disease")))
    layout = fig.layout
    assert layout.title.text
    sizes = [layout.font.size, layout.title.font.size, layout.xaxis.tickfont.size, layout.yaxis.tickfont.size]
    sizes += [layout.legend.font.size, layout.legend.title.font.size, layout.hoverlabel.font.size]
    sizes += [a.font.size for a in layout.annotations]
    assert min(sizes) >= 16
    assert layout.font.size == FONT_SIZE


def test_figure_text_is_shown_as_written():
    text = "cause,category,symptoms,body_areas,summary\n" + (
        '"<a href=""http://x"">A</a>",A,"$x^2$; <b>bold</b>",calves,One.\nPlain,B,cramps,calves,Two.\n'
    )
    hostile = load_cause_table(text.encode())
    fig = overlap_figure(compare(hostile, (0, 1)))
    shown = [
        *fig.layout.xaxis.categoryarray,
        *fig.layout.yaxis.categoryarray,
        *(a.text for a in fig.layout.annotations),
    ]
    joined = " ".join(shown).replace("<br>", " ").replace("<b>", "").replace("</b>", "")
    assert "<a" not in joined and "<b>bold" not in joined and "$x" not in joined
    assert "&lt;b&gt;bold&lt;/b&gt;" in joined and "&#36;x^2&#36;" in joined


def test_alt_text_counts_the_groups(table):
    c = compare(table, at(table, "Harmless twitch", "Nerve disease"))
    assert overlap_alt(c) == (
        "Dot chart of the symptoms of Harmless twitch and Nerve disease: 2 shared by both; "
        "1 only Harmless twitch; 4 only Nerve disease."
    )


def test_the_phones_overlap_chart_keeps_every_word_on_short_lines(table):
    """On a phone the title and the causes' names are wrapped, not cut, and the group
    headings end at the plot's right edge (they run left over the terms' column)."""
    from causes.compare import NARROW_NAME_CHARS, NARROW_TITLE_CHARS

    comparison = compare(table, at(table, "Harmless twitch", "Nerve disease"))
    wide, narrow = overlap_figure(comparison), overlap_figure(comparison, narrow=True)
    title = narrow.layout.title.text
    assert "<br>" in title and title.replace("<br>", " ") == wide.layout.title.text
    assert all(len(line) <= NARROW_TITLE_CHARS for line in title.split("<br>"))
    for label, name in zip(narrow.layout.xaxis.categoryarray, comparison.names, strict=True):
        lines = label.split("<br>")
        assert " ".join(lines) == name  # every word kept
        assert all(len(line) <= NARROW_NAME_CHARS or " " not in line for line in lines)
    assert {a.xanchor for a in narrow.layout.annotations} == {"right"}
    assert {a.xanchor for a in wide.layout.annotations} == {"left"}


def test_told_apart_says_what_a_cause_has_never_its_level_or_category():
    from causes.compare import told_apart
    from tests.causes.tables import table_from_rows as rows_table

    table = rows_table(
        ["cause", "category", "symptoms", "body_areas", "summary", "urgency", "risk_factors"],
        [
            ["Clot", "Blood", "cramps; swelling", "calves", "C.", "urgent", ""],
            ["Cramp", "Muscle", "cramps; swelling", "calves", "C.", "self-care", ""],
            ["Statin", "Medicines", "cramps; swelling", "calves", "S.", "see a doctor", "statin use"],
            ["Nerve", "Nerves", "cramps; weakness", "calves", "N.", "see a doctor", ""],
        ],
    )
    both = compare(table, [0, 1])  # the same symptoms, places and risk factors: only the level differs
    assert "rated" in distinguishing_sentence(table, both, 0).text  # Compare says so
    assert told_apart(table, both, 0) is None  # a presenter's note does not
    by_risk = told_apart(table, compare(table, [2, 0]), 0)
    assert by_risk is not None and "statin use" in by_risk.text and "rated" not in by_risk.text
    by_symptom = told_apart(table, compare(table, [3, 0]), 0)
    assert by_symptom is not None and "Weakness can point to Nerve" in by_symptom.text
