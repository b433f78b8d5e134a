"""The deck builder: which slides, in which order, for a filtered view and a hand-picked
list; the cap; slide clamping."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from causes.deck import (
    CAUSE_PARTS,
    FLAGS_PER_SLIDE,
    KEY_SYMPTOMS,
    MAX_CAUSE_SLIDES,
    OVERVIEW_BARS,
    SOURCES_PER_SLIDE,
    Source,
    build_deck,
    cause_card,
    deck_sources,
    overview_data,
    overview_figure,
    overview_list,
    overview_shown,
    phone_cause_text,
    shared_deck,
    symptom_figure,
    symptom_share,
)
from causes.figures import ChartData
from causes.query import Query, run_query
from causes.redflags import RedFlag
from causes.stage import BODY, FLOOR, chart_height
from causes.style import help_for
from causes.table import CauseTable
from causes.text import md_escape
from tests.causes.tables import table_from_rows

COLUMNS = [
    "cause",
    "category",
    "symptoms",
    "body_areas",
    "summary",
    "urgency",
    "red_flags",
    "self_care",
    "source_name",
    "source_url",
]
ROWS = [
    ["Tired", "Lifestyle", "twitching; cramps", "calves", "Too little sleep.", "self-care", "",
     "sleep; rest; stretch; water", "NHS", "https://www.nhs.uk/tired"],
    ["Nerve disease", "Nervous", "weakness; wasting; twitching; cramps; stiffness; slurred speech; falls",
     "whole leg", "A disease of the nerves.", "see a doctor", "weak grip; slurred speech; falls; choking",
     "see a doctor", "NHS", "https://www.nhs.uk/nerves"],
    ["Blood clot", "Look-alike", "cramps; swelling", "calves", "A clot in a vein.", "urgent", "swollen leg",
     "", "CDC", "https://www.cdc.gov/clot"],
    ["Statins", "Medicines", "cramps", "thighs", "A cholesterol medicine.", "see a doctor", "dark urine",
     "ask your doctor", "NHS", "https://www.nhs.uk/tired"],
    ["Bare", "Other", "twitching", "feet", "No source.", "", "", "", "", ""],
]  # fmt: skip
DAY = dt.date(2026, 11, 24)
FLAGS = (
    *(RedFlag(f"urgent sign {i}", "urgent", "NHS", "https://www.nhs.uk/flags") for i in range(1, 8)),
    RedFlag("see sign", "see a doctor", "MSD", "https://www.msd.example/flags"),
)


@pytest.fixture(scope="module")
def table() -> CauseTable:
    return table_from_rows(COLUMNS, ROWS)


def pos(table: CauseTable, name: str) -> int:
    return table.position_of(name)


def kinds(deck) -> list[str]:
    return [s.kind for s in deck.slides]


def test_a_filtered_view_shows_its_matches_best_first(table):
    query = Query(symptoms=("cramps",))
    deck = build_deck(table, topic="Leg cramps", today=DAY, query=query, result=run_query(table, query), flags=FLAGS)
    # title, overview, 4 causes (most urgent first) of three slides each, doctor, sources. The
    # doctor slides hold the causes' own signs and the general ones of no cause: urgent, the
    # clot's own and 7 general (8 -> 4 + 4); see a doctor, 5 of the causes' and 1 general (3 + 3).
    assert kinds(deck) == ["title", "overview", *["cause"] * 12, *["doctor"] * 4, "sources", "sources"]
    assert [s.title for s in deck.slides[2:14:3]] == ["Blood clot", "Nerve disease", "Statins", "Tired"]
    assert [s.part for s in deck.slides[2:14]] == list(CAUSE_PARTS) * 4
    assert all(s.title == deck.slides[2 + 3 * (i // 3)].title for i, s in enumerate(deck.slides[2:14]))
    assert deck.description == "Causes with cramps"
    assert deck.date == "24 November 2026" and deck.topic == "Leg cramps"
    assert not deck.picked and deck.matching == 4 and deck.cap_note == ""
    doctor = [s for s in deck.slides if s.kind == "doctor"]
    assert [len(s.flags) for s in doctor] == [4, 4, 3, 3]
    assert [f.urgency for s in doctor for f in s.flags] == ["urgent"] * 8 + ["see a doctor"] * 6
    clot = doctor[0].flags[0]
    assert (clot.sign, clot.why) == ("swollen leg", "it is a warning sign of Blood clot")
    assert {f.sign for f in doctor[2].flags + doctor[3].flags} == {
        "weak grip",
        "slurred speech",
        "falls",
        "choking",
        "dark urine",
        "see sign",
    }
    assert [s.title for s in doctor] == ["When to get help (1 of 2)", "When to get help (2 of 2)"] * 2
    assert len(deck) == 20


def test_a_hand_picked_deck_keeps_the_chosen_order(table):
    picked = [pos(table, "Tired"), pos(table, "Blood clot")]
    deck = build_deck(table, topic="T", today=DAY, picked=picked)
    assert kinds(deck) == ["title", "overview", *["cause"] * 6, "doctor", "sources"]
    assert [s.title for s in deck.slides if s.kind == "cause"] == ["Tired"] * 3 + ["Blood clot"] * 3
    assert deck.picked and deck.description == "2 causes chosen for this talk"
    # No red-flag file: the picked causes' own signs (Tired lists none).
    assert [(f.sign, f.urgency) for f in deck.slides[8].flags] == [("swollen leg", "urgent")]
    # The overview counts exactly the picked causes.
    assert overview_data(table, deck).frame["Total"].sum() == 2


def test_the_picked_list_wins_over_the_filters(table):
    query = Query(symptoms=("cramps",))
    deck = build_deck(table, topic="T", today=DAY, query=query, picked=[pos(table, "Bare")])
    assert [s.title for s in deck.slides if s.kind == "cause"] == ["Bare"] * 3


def same(a, b) -> bool:
    """Two decks say the same (a deck's result holds arrays, which == cannot compare)."""
    fields = ("topic", "description", "date", "picked", "positions", "matching", "slides")
    return all(getattr(a, f) == getattr(b, f) for f in fields) and list(a.result.positions) == list(b.result.positions)


def test_a_shared_deck_is_built_once_per_view_and_is_the_deck_of_that_view(table):
    picked = (pos(table, "Tired"), pos(table, "Blood clot"))
    query = Query(symptoms=("cramps",))
    first = shared_deck(table, "T", DAY, query, picked, ())
    assert shared_deck(table, "T", DAY, query, picked, ()) is first  # every phone of a room: one build
    assert same(first, build_deck(table, topic="T", today=DAY, query=query, picked=picked))
    other = shared_deck(table, "T", DAY, query, (), ())  # another view: its own deck
    assert other is not first and same(other, build_deck(table, topic="T", today=DAY, query=query))
    assert not same(other, first)
    assert shared_deck(table, "T", DAY + dt.timedelta(days=1), query, picked, ()).date != first.date


def test_no_match_still_gives_title_overview_and_doctor(table):
    query = Query(text="nothing like this")
    deck = build_deck(table, topic="T", today=DAY, query=query)
    assert kinds(deck) == ["title", "overview", "doctor"]
    assert len(deck.result) == 0


def test_cause_slides_are_capped_with_a_note():
    rows = [[f"Cause {i:02}", "Cat", "cramps", "calves", "S.", "self-care", "", "", "", ""] for i in range(35)]
    big = table_from_rows(COLUMNS, rows)
    deck = build_deck(big, topic="T", today=DAY)
    assert kinds(deck).count("cause") == MAX_CAUSE_SLIDES * len(CAUSE_PARTS)
    assert deck.matching == 35
    assert (
        deck.cap_note
        == "35 causes match; the first 30 have a slide each (5 more causes are in the overview chart only)."
    )
    assert overview_data(big, deck).frame["Total"].sum() == 35  # the chart covers all of them


def test_sources_once_each_in_order_of_first_citation(table):
    positions = [pos(table, n) for n in ("Statins", "Tired", "Blood clot", "Bare")]
    assert deck_sources(table, positions, FLAGS[:2]) == (
        Source("NHS", "https://www.nhs.uk/tired"),
        Source("CDC", "https://www.cdc.gov/clot"),
        Source("NHS", "https://www.nhs.uk/flags"),
    )


def test_many_sources_are_spread_over_slides():
    rows = [[f"C{i}", "Cat", "cramps", "calves", "S.", "", "", "", "Pub", f"https://example.org/{i}"]
            for i in range(SOURCES_PER_SLIDE + 3)]  # fmt: skip
    deck = build_deck(table_from_rows(COLUMNS, rows), topic="T", today=DAY)
    sources = [s for s in deck.slides if s.kind == "sources"]
    assert [s.title for s in sources] == ["Sources (1 of 2)", "Sources (2 of 2)"]
    assert [len(s.sources) for s in sources] == [4, 3]


@pytest.mark.parametrize(
    ("name", "symptoms", "more", "self_care", "red_flags"),
    [
        ("Tired", ("twitching", "cramps"), 0, ("sleep", "rest", "stretch"), ()),
        ("Nerve disease", ("weakness", "wasting", "twitching", "cramps", "stiffness", "slurred speech"), 1,
         ("see a doctor",), ("weak grip", "slurred speech", "falls")),
    ],
)  # fmt: skip
def test_a_cause_card_keeps_the_top_items(table, name, symptoms, more, self_care, red_flags):
    # (flags without a level take their cause's: "see a doctor" here)
    card = cause_card(table, pos(table, name))
    assert (card.name, card.symptoms, card.more_symptoms) == (name, symptoms, more)
    assert len(card.symptoms) <= KEY_SYMPTOMS
    assert (card.self_care, tuple(f.sign for f in card.red_flags)) == (self_care, red_flags)
    assert all(f.urgency == "see a doctor" for f in card.red_flags)


def test_the_symptom_chart_counts_causes_sharing_each_symptom(table):
    frame = symptom_share(table, pos(table, "Tired"))
    assert frame.to_dict("records") == [{"Symptom": "twitching", "Causes": 3}, {"Symptom": "cramps", "Causes": 4}]
    fig = symptom_figure(table, pos(table, "Tired"))
    assert list(fig.data[0].x) == [3, 4]
    assert fig.layout.font.size >= FLOOR and fig.layout.yaxis.tickfont.size >= FLOOR
    assert fig.data[0].textfont.size >= FLOOR
    assert fig.layout.height == chart_height(2)


def test_the_overview_chart_is_in_slide_type(table):
    deck = build_deck(table, topic="T", today=DAY)
    fig = overview_figure(table, overview_data(table, deck), 400)
    assert fig.layout.font.size == BODY >= FLOOR and fig.layout.height == 400
    assert fig.layout.yaxis.tickfont.size >= FLOOR and fig.layout.legend.font.size >= FLOOR
    assert all(a.font.size >= FLOOR for a in fig.layout.annotations)


@pytest.mark.parametrize("categories", [1, OVERVIEW_BARS, OVERVIEW_BARS + 1, 40])
def test_the_overview_slide_draws_the_largest_categories_and_counts_the_rest(categories):
    rows = [[f"C{i}", f"Cat {i % categories:02}", "cramps", "calves", "S.", "self-care", "", "", "", ""]
            for i in range(max(categories, 1) * 2)]  # fmt: skip
    big = table_from_rows(COLUMNS, rows)
    deck = build_deck(big, topic="T", today=DAY)
    data = overview_data(big, deck)
    shown, more = overview_shown(data)
    assert len(shown.frame) == min(len(data.frame), OVERVIEW_BARS)
    assert shown.frame.equals(data.frame.iloc[: len(shown.frame)])  # the largest, in the chart's order
    left = data.frame.iloc[len(shown.frame) :]
    if len(left):
        assert more.startswith(f"And {len(left)} more categor") and f"with {left['Total'].sum()} causes" in more
    else:
        assert more == ""


def test_the_overview_as_a_phone_s_list_counts_each_category_by_urgency(table):
    deck = build_deck(table, topic="T", today=DAY, query=Query(symptoms=("cramps",)))
    assert overview_list(overview_data(table, deck)).splitlines() == [  # the chart's order: most, then A to Z
        "- **Lifestyle**: 1 cause (1 self-care)",
        "- **Look\\-alike**: 1 cause (1 urgent)",
        "- **Medicines**: 1 cause (1 see a doctor)",
        "- **Nervous**: 1 cause (1 see a doctor)",
    ]
    everything = build_deck(table, topic="T", today=DAY)
    assert "- **Other**: 1 cause (1 with no urgency given)" in overview_list(overview_data(table, everything))
    mixed = pd.DataFrame(
        [["Nerves", 1, 2, 0, 1, 3, 7]], columns=["Category", "Self-care", "See a doctor", "Urgent", "Emergency",
                                                 "Urgency not given", "Total"]
    )  # fmt: skip
    assert overview_list(ChartData(mixed, ("c",))) == (
        "- **Nerves**: 7 causes (1 emergency, 2 see a doctor, 1 self-care, 3 with no urgency given)"
    )


@pytest.mark.parametrize(
    ("name", "parts", "absent"),
    [
        ("Blood clot", [":red-badge[", ":gray-badge[:material/category: Look\\-alike]", "**Felt in:** calves",
                        "A clot in a vein", "of the 5 causes have each", "- cramps: 4", "- swelling: 1",
                        "**What helps**\n\n- Ask a health professional.", "**When to get help**", "- swollen leg"],
         ["No specific signs listed."]),
        ("Tired", ["- sleep\n- rest\n- stretch", "- twitching: 3", "- No specific signs listed."], ["Ask a health"]),
    ],
)  # fmt: skip
def test_a_cause_slide_on_a_phone_is_one_text(table, name, parts, absent):
    text = "\n\n".join(phone_cause_text(table, pos(table, name), help_for("en-GB"), part) for part in CAUSE_PARTS)
    for part in parts:
        assert part in text
    for part in absent:
        assert part not in text


def test_hostile_names_are_escaped_in_charts():
    hostile = table_from_rows(
        COLUMNS, [["<b>x</b>", "<i>c</i>", "<a href=x>s</a>", "calves", "S.", "", "", "", "", ""]]
    )
    fig = symptom_figure(hostile, 0)
    assert "<a" not in " ".join(fig.layout.yaxis.ticktext) and "&lt;a" in " ".join(fig.layout.yaxis.ticktext)


def test_deck_slide_is_clamped(table):
    deck = build_deck(table, topic="T", today=DAY)
    assert deck.slide(0).kind == "title"
    assert deck.slide(999) == deck.slides[-1]


def test_flags_per_slide_is_small_enough_to_read():
    assert FLAGS_PER_SLIDE <= 6


def test_each_part_of_a_cause_says_only_its_own_on_a_phone(table):
    help = help_for("en-GB")
    about, care, help_text = (phone_cause_text(table, pos(table, "Blood clot"), help, p) for p in CAUSE_PARTS)
    assert "A clot in a vein" in about and "What helps" not in about and "When to get help" not in about
    assert "What helps" in care and "A clot in a vein" not in care and "swollen leg" not in care
    assert "swollen leg" in help_text and "What helps" not in help_text


def _bundled_causes_with_a_contact() -> list[str]:
    from causes.config import BUNDLED_TABLE
    from causes.redflags import cause_flags, load_red_flags
    from tests.support.bundled import bundled_table

    general = load_red_flags(BUNDLED_TABLE.with_name("red_flags.csv"))
    table = bundled_table()
    return [
        table.record(p)["cause"]
        for p in range(len(table))
        if any(f.contact for f in cause_flags(table.record(p), general))
    ]


@pytest.mark.parametrize("name", _bundled_causes_with_a_contact())
def test_a_causes_help_slide_says_whom_its_signs_send_a_person_to_first(name):
    """Every bundled cause with a sign that names whom to call (the cancer team's helpline,
    the midwife): its 'when to get help' slide says so beside the sign, as every list does."""
    from causes.check import sign_line
    from causes.config import BUNDLED_TABLE
    from causes.redflags import cause_flags, load_red_flags
    from tests.support.bundled import bundled_table

    general = load_red_flags(BUNDLED_TABLE.with_name("red_flags.csv"))
    table = bundled_table()
    position = table.position_of(name)
    text = phone_cause_text(table, position, help_for("en-GB"), "help", general)
    shown = cause_card(table, position, general).red_flags
    named = [f for f in shown if f.contact]
    assert named or len(cause_flags(table.record(position))) > len(shown)  # past the slide's three: on the card
    for flag in named:
        assert f"call {flag.contact} first" in sign_line(flag) and md_escape(sign_line(flag)) in text
