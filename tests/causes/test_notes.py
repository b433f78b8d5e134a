"""Speaker notes: every slide of a deck gets notes written from the table only, as plain
text; a cause's notes say what tells it apart from its look-alikes in the deck, answer the
questions people ask from its row, and give its explanation and source."""

from __future__ import annotations

import datetime as dt
import functools

import pytest

from causes.check import general_advice, when_to_get_help
from causes.compare import compare, look_alikes, told_apart
from causes.config import BUNDLED_TABLE
from causes.deck import Deck, Slide, Source, ask_a_professional, build_deck, overview_data
from causes.export import not_diagnosis
from causes.live import QUIZ_CHOICES, quiz_poll
from causes.notes import LOOK_ALIKES, NoteSection, apart, speaker_notes
from causes.redflags import cause_flags, load_red_flags
from causes.style import commonness_words, help_for, urgency_style
from causes.table import CauseTable
from causes.text import paragraphs, safe_url
from tests.causes.tables import table_from_rows
from tests.support.bundled import bundled_table

DAY = dt.date(2026, 1, 1)
HELP = help_for("en-GB")
DECK_SIZE = 30  # the bundled table in decks of up to 30 hand-picked causes (a deck's most)
APART = "What tells it apart"
QUESTIONS = "Questions people ask"
DETAIL = "In more detail"
SOURCE = "Source"


@functools.cache
def flags():
    return load_red_flags(BUNDLED_TABLE.with_name("red_flags.csv"))


@functools.cache
def deck_of(start: int) -> Deck:
    """The bundled table's causes start..start+29 as one hand-picked deck."""
    table = bundled_table()
    picked = tuple(range(start, min(start + DECK_SIZE, len(table))))
    return build_deck(table, topic="t", today=DAY, picked=picked, flags=flags())


def deck_for(position: int) -> Deck:
    return deck_of(position - position % DECK_SIZE)


def notes_of(table: CauseTable, deck: Deck, slide: Slide) -> dict[str, tuple[str, ...]]:
    sections = speaker_notes(table, deck, slide, HELP)
    headings = [s.heading for s in sections]
    assert len(headings) == len(set(headings)), headings
    return {s.heading: s.lines for s in sections}


def assert_plain(sections: tuple[NoteSection, ...]) -> None:
    """Every section has a heading and at least one line; no line is blank or spans lines."""
    assert sections
    for section in sections:
        assert isinstance(section, NoteSection)
        assert section.heading.strip()
        assert section.lines, section.heading
        for line in section.lines:
            assert isinstance(line, str) and line.strip(), section
            assert "\n" not in line and line == line.strip()


def cause_slides(deck: Deck, position: int) -> list[Slide]:
    return [s for s in deck.slides if s.kind == "cause" and s.position == position]


# --- every cause of the bundled table ---------------------------------------------------------


@pytest.mark.parametrize("position", range(len(bundled_table())))
def test_every_cause_slide_has_its_notes_from_its_own_row(position) -> None:
    table = bundled_table()
    deck = deck_for(position)
    record = table.record(position)
    slides = cause_slides(deck, position)
    assert slides
    sections = speaker_notes(table, deck, slides[0], HELP)
    assert_plain(sections)
    for slide in slides[1:]:  # one cause's slides, all with the same notes
        assert speaker_notes(table, deck, slide, HELP) == sections
    notes = notes_of(table, deck, slides[0])
    text = "\n".join(line for lines in notes.values() for line in lines)

    # The four sections, where the row has the data (every row of the bundled table has but
    # the sentence on what tells it apart, said only by the symptoms it has and they do not).
    others = look_alikes(table, position, deck.positions, LOOK_ALIKES)
    comparison = compare(table, [position, *others])
    told = told_apart(table, comparison, 0)
    expected = [APART, QUESTIONS] if told else [QUESTIONS]
    if paragraphs(record["explanation"]):
        expected.append(DETAIL)
    if record["source_name"] or safe_url(record["source_url"]) or record["last_reviewed"]:
        expected.append(SOURCE)
    assert list(notes) == expected
    assert set(expected) | {APART} == {APART, QUESTIONS, DETAIL, SOURCE}

    # What tells it apart: one sentence naming the cause, against its look-alikes in the deck.
    assert len(others) == LOOK_ALIKES and set(others) <= set(deck.positions) - {position}
    if told:
        (sentence,) = notes[APART]
        assert record["cause"] in sentence
        assert sentence == " ".join(told.text.split())
        assert "rated" not in sentence and "belongs to the category" not in sentence  # never by its level
        assert "do not tell it apart either" not in sentence

    # The questions, answered from the row.
    questions = notes[QUESTIONS]
    assert all("?" in q for q in questions)
    common = commonness_words(record["commonness"])
    if record["commonness"] in ("", "not known"):
        assert questions[0] == "How common is it? The table's sources do not say."
    else:
        assert questions[0] == f"How common is it? {common}."
    serious = next(q for q in questions if q.startswith("Is it serious?"))
    assert urgency_style(record["urgency"]).label in serious
    signs = cause_flags(record, flags())  # with whom each sends a person to first
    if signs:
        assert signs[0].sign.rstrip(".") in serious and HELP.action(signs[0].urgency, signs[0].contact) in serious
        assert " if: " not in serious  # the sign, then what to do: read aloud without a dangling "if"
    helps = next(q for q in questions if q.startswith("What can I do?"))
    for item in record["self_care"]:  # all of them, not only the slide's first three
        assert item in helps
    if not record["self_care"]:
        assert ask_a_professional() in helps
    tests = [q for q in questions if q.startswith("Will a doctor do tests?")]
    assert bool(tests) == bool(record["tests"])
    for item in record["tests"]:
        assert item in tests[0]

    # In more detail: its own explanation, a paragraph a line; never another row's.
    assert list(notes[DETAIL]) == paragraphs(record["explanation"])
    own = set(paragraphs(record["explanation"]))
    for other in range(len(table)):
        if other != position:
            for paragraph in set(paragraphs(table.record(other)["explanation"])) - own:
                assert paragraph not in text, (table.record(other)["cause"], paragraph)

    # Its source: the publisher, the page, when it was last reviewed.
    source = notes[SOURCE]
    if record["source_name"]:
        assert record["source_name"] in source
    if safe_url(record["source_url"]):
        assert record["source_url"] in source
    if record["last_reviewed"]:
        day = dt.date.fromisoformat(record["last_reviewed"])
        assert source[-1] == f"Last reviewed {day.day} {day.strftime('%B')} {day.year}."


@pytest.mark.parametrize("start", range(0, len(bundled_table()), DECK_SIZE))
def test_every_other_slide_has_notes(start) -> None:
    table = bundled_table()
    deck = deck_of(start)
    kinds = {s.kind for s in deck.slides}
    assert kinds == {"title", "overview", "cause", "doctor", "sources"}
    for slide in deck.slides:
        sections = speaker_notes(table, deck, slide, HELP)
        assert_plain(sections)
        text = "\n".join(line for s in sections for line in s.lines)
        assert "**" not in text and "\\" not in text  # plain text, not markdown


def test_the_title_slide_says_what_the_talk_covers_and_to_say_it_is_not_a_diagnosis() -> None:
    table = bundled_table()
    deck = deck_of(0)
    notes = notes_of(table, deck, deck.slides[0])
    assert notes["What this talk covers"] == (deck.description, "30 causes have a slide of their own.")
    said, wait = notes["Say aloud"]
    assert said.startswith(not_diagnosis())
    assert "When to get help" in wait and "should not wait" in wait


def test_a_capped_deck_s_title_and_overview_say_what_has_no_slide() -> None:
    table = bundled_table()
    deck = build_deck(table, topic="t", today=DAY)  # every cause matches: 30 slides of 70
    assert deck.cap_note
    covers = notes_of(table, deck, deck.slides[0])["What this talk covers"]
    assert covers == (deck.description, deck.cap_note)  # the note says how many have a slide: once
    assert deck.cap_note in notes_of(table, deck, deck.slides[1])["The chart in words"]


def test_the_overview_is_the_chart_in_words_a_line_per_category() -> None:
    table = bundled_table()
    deck = deck_of(0)
    (lines,) = notes_of(table, deck, deck.slides[1]).values()
    frame = overview_data(table, deck).frame
    category, total = frame.columns[0], frame.columns[-1]
    assert len(lines) == len(frame)
    for line, (name, n) in zip(lines, zip(frame[category], frame[total], strict=True), strict=True):
        assert line.startswith(f"{name}: {n} cause")


def test_a_when_to_get_help_slide_names_each_sign_with_its_level_and_action() -> None:
    table = bundled_table()
    deck = deck_of(0)
    doctor = [s for s in deck.slides if s.kind == "doctor"]
    assert doctor
    for slide in doctor:
        (lines,) = notes_of(table, deck, slide).values()
        level = slide.flags[0].urgency  # one level a slide: its action once, then its signs
        assert {f.urgency for f in slide.flags} == {level}
        action = f"{urgency_style(level).label}: {HELP.action(level)}"
        assert lines == (action, *(f.sign for f in slide.flags))


def test_without_warning_signs_the_doctor_slide_gives_the_general_advice() -> None:
    table = table_from_rows(BARE, BARE_ROWS)  # no warning signs of its own, no red-flag file
    deck = build_deck(table, topic="t", today=DAY, picked=(0, 1))
    slide = next(s for s in deck.slides if s.kind == "doctor")
    notes = notes_of(table, deck, slide)
    assert notes == {when_to_get_help(): (f"{HELP.heading('')}: {general_advice()}",)}


def test_a_sources_slide_lists_each_publisher_and_page() -> None:
    table = bundled_table()
    deck = deck_of(0)
    for slide in (s for s in deck.slides if s.kind == "sources"):
        (lines,) = notes_of(table, deck, slide).values()
        assert lines == tuple(f"{s.publisher}: {s.url}" if s.url else s.publisher for s in slide.sources)


# --- the look-alikes ----------------------------------------------------------------------------


def test_the_look_alikes_are_the_quiz_s_choices(bundled) -> None:
    deck = deck_of(0)
    for position in deck.positions:
        spec = quiz_poll(bundled, position, deck.positions)
        others = look_alikes(bundled, position, deck.positions, QUIZ_CHOICES - 1)
        names = {bundled.record(p)["cause"] for p in [position, *others]}
        assert set(spec.options) == names


def test_look_alikes_share_most_symptoms_and_come_from_the_table_when_the_deck_has_too_few() -> None:
    table = table_from_rows(
        ["cause", "category", "symptoms", "body_areas", "summary"],
        [
            ["A", "X", "cramps; twitching; weakness", "calves", "A."],
            ["B", "X", "cramps; twitching", "calves", "B."],
            ["C", "X", "cramps", "calves", "C."],
            ["D", "X", "rash", "calves", "D."],
            ["E", "X", "cramps; twitching; weakness", "calves", "E."],
        ],
    )
    assert look_alikes(table, 0, [0, 3, 2, 1, 4], 3) == [4, 1, 2]  # most shared symptoms first
    assert look_alikes(table, 0, [3, 2, 1, 4], 2) == [4, 1]
    assert look_alikes(table, 0, [0, 3], 3) == [4, 1, 2]  # too few in the deck: the table's
    assert look_alikes(table, 0, [3, 2, 1], 3) == [1, 2, 3]  # enough in the deck: only those


def test_a_deck_of_one_cause_tells_it_apart_from_the_table_s_look_alikes(bundled) -> None:
    position = bundled.position_of("Motor neurone disease (ALS)")
    deck = build_deck(bundled, topic="t", today=DAY, picked=(position,))
    others = look_alikes(bundled, position, (), LOOK_ALIKES)
    assert len(others) == LOOK_ALIKES
    told = told_apart(bundled, compare(bundled, [position, *others]), 0)
    assert told is not None and apart(bundled, deck, position) == told.text
    notes = notes_of(bundled, deck, cause_slides(deck, position)[0])
    assert "Motor neurone disease (ALS)" in notes[APART][0]


# --- a table without the optional columns --------------------------------------------------------

BARE = ["cause", "category", "symptoms", "body_areas", "summary"]
BARE_ROWS = [
    ["Cramp", "Muscles", "cramps; pain", "calves", "A tight muscle."],
    ["Twitch", "Nerves", "twitching", "thighs; calves", "A small twitch."],
    ["Stiffness", "Muscles", "stiffness; cramps", "feet", "Stiff feet."],
]


@pytest.mark.parametrize("rows", [BARE_ROWS, BARE_ROWS[:2], BARE_ROWS[:1]], ids=["three", "two", "one"])
def test_a_table_without_the_optional_columns_still_gets_notes(rows) -> None:
    table = table_from_rows(BARE, rows)
    deck = build_deck(table, topic="t", today=DAY, picked=tuple(range(len(table))))
    for slide in deck.slides:
        assert_plain(speaker_notes(table, deck, slide, HELP))
    for position in range(len(table)):
        notes = notes_of(table, deck, cause_slides(deck, position)[0])
        assert list(notes) == ([APART, QUESTIONS] if len(table) > 1 else [QUESTIONS])
        assert notes[QUESTIONS] == (
            "Is it serious? Usually: Urgency not given (the table does not say).",
            f"What can I do? {ask_a_professional()}",
        )


def test_a_row_with_its_optional_columns_filled_is_said_as_written() -> None:
    table = table_from_rows(
        [*BARE, "urgency", "red_flags", "self_care", "explanation", "tests", "commonness", "last_reviewed"],
        [
            [*BARE_ROWS[0], "see a doctor", "urgent: one leg swollen; cramps every night", "stretch; drink water",
             "First part.\n\nSecond  part,\nsame paragraph.", "a blood test", "rare", "2026-03-05"],
            [*BARE_ROWS[1], "", "", "", "", "", "", ""],
        ],
    )  # fmt: skip
    deck = build_deck(table, topic="t", today=DAY, picked=(0, 1))
    notes = notes_of(table, deck, cause_slides(deck, 0)[0])
    assert notes[QUESTIONS] == (
        "How common is it? Rare cause.",
        "Is it serious? Usually: See a doctor (book an appointment in the coming days). "
        f"Its most serious warning sign: one leg swollen. Then: {HELP.action('urgent')}",
        "What can I do? stretch; drink water",
        "Will a doctor do tests? a blood test",
    )
    assert notes[DETAIL] == ("First part.", "Second part, same paragraph.")
    assert notes[SOURCE] == ("Last reviewed 5 March 2026.",)
    other = notes_of(table, deck, cause_slides(deck, 1)[0])
    assert other[QUESTIONS][0] == "How common is it? The table's sources do not say."


def test_a_date_the_loader_would_refuse_is_said_as_written() -> None:
    table = table_from_rows(BARE, BARE_ROWS[:2])
    frame = table.frame.copy()
    frame.at[0, "last_reviewed"] = "spring 2026"
    built = CauseTable.build(frame, name="t", digest="")
    deck = build_deck(built, topic="t", today=DAY, picked=(0, 1))
    assert notes_of(built, deck, cause_slides(deck, 0)[0])[SOURCE] == ("Last reviewed spring 2026.",)


# --- untrusted text -------------------------------------------------------------------------------

HOSTILE = "**bold** <b>html</b> [link](javascript:alert(1)) $x$"


def test_an_unsafe_source_url_is_never_in_the_notes() -> None:
    table = table_from_rows([*BARE, "source_name"], [[*BARE_ROWS[0], "Evil"], [*BARE_ROWS[1], "Good"]])
    frame = table.frame.copy()
    frame.at[0, "source_url"] = "javascript:alert(document.cookie)"
    built = CauseTable.build(frame, name="t", digest="")
    deck = build_deck(built, topic="t", today=DAY, picked=(0, 1))
    every = [line for slide in deck.slides for s in speaker_notes(built, deck, slide, HELP) for line in s.lines]
    assert "Evil" in every
    assert not any("javascript" in line for line in every)
    slide = Slide("sources", "Sources", sources=(Source("Evil", "javascript:alert(1)"), Source("Good", None)))
    assert notes_of(built, deck, slide) == {"Sources": ("Evil", "Good")}


def test_table_text_stays_plain_as_written() -> None:
    table = table_from_rows(
        [*BARE, "self_care", "explanation", "source_name"],
        [[HOSTILE, HOSTILE, "cramps", "calves", HOSTILE, HOSTILE, HOSTILE, HOSTILE], [*BARE_ROWS[1], "", "", ""]],
    )
    deck = build_deck(table, topic="t", today=DAY, picked=(0, 1))
    notes = notes_of(table, deck, cause_slides(deck, 0)[0])
    assert HOSTILE in notes[APART][0]
    assert notes[QUESTIONS][-1] == f"What can I do? {HOSTILE}"
    assert notes[DETAIL] == (HOSTILE,) and notes[SOURCE] == (HOSTILE,)
    overview = notes_of(table, deck, deck.slides[1])["The chart in words"]
    assert any(line.startswith(f"{HOSTILE}: 1 cause") for line in overview)


def test_notes_as_markdown_escape_every_word():
    from causes.notes import NoteSection, notes_markdown
    from causes.text import md_escape

    sections = (NoteSection("Source", ("[x](javascript:alert(1))", "**loud**")), NoteSection("In more detail", ("a",)))
    text = notes_markdown(sections, md_escape)
    assert text.startswith("**Source**\n\n- ")
    assert "](javascript" not in text and "**loud**" not in text
    assert text.endswith("**In more detail**\n\n- a")


def _worst_names_whom_to_call() -> list[str]:
    table = bundled_table()
    records = [table.record(p) for p in range(len(table))]
    return [r["cause"] for r in records if (signs := cause_flags(r, flags())) and signs[0].contact]


def test_some_causes_most_serious_sign_names_whom_to_call() -> None:
    assert "Chemotherapy" in _worst_names_whom_to_call()  # the cancer team's helpline, first


@pytest.mark.parametrize("name", _worst_names_whom_to_call())
def test_a_sign_that_names_whom_to_call_is_said_with_them_in_the_notes(name) -> None:
    table = bundled_table()
    position = table.position_of(name)
    notes = notes_of(table, deck_for(position), cause_slides(deck_for(position), position)[0])
    serious = next(q for q in notes[QUESTIONS] if q.startswith("Is it serious?"))
    worst = cause_flags(table.record(position), flags())[0]
    assert f"call {worst.contact} now" in serious.casefold()
