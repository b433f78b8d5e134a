"""What a live room asks and shows: the three polls from a deck, the results as counts,
and the room's results as files."""

from __future__ import annotations

import datetime as dt

import pytest

from causes.deck import build_deck
from causes.live import (
    MAX_NOTICED,
    QUIZ_CHOICES,
    audience_link,
    deck_params,
    hides_the_slide,
    noticed_poll,
    questions_csv,
    quiz_of,
    quiz_poll,
    results_alt,
    results_csv,
    results_figure,
    stage_results_figure,
    where_poll,
)
from causes.query import Query
from causes.room import Poll, Question
from causes.stage import CHART_ROW, CHART_TOP, FLOOR
from causes.view import View


@pytest.fixture(scope="module")
def deck(bundled):
    picked = View(deck=("Statins", "Tetanus", "Dehydration")).positions(bundled, "deck")
    return build_deck(bundled, topic="T", today=dt.date(2026, 12, 1), picked=picked)


def test_the_audience_link_names_the_room():
    assert audience_link("http://h:1", "ABC234") == "http://h:1/room?room=ABC234"


def test_which_have_you_noticed_offers_the_deck_s_symptoms_commonest_first(bundled, deck):
    spec = noticed_poll(bundled, deck)
    assert spec.many and 0 < len(spec.options) <= MAX_NOTICED
    deck_symptoms = {s for p in deck.positions for s in bundled.record(p)["symptoms"]}
    assert set(spec.options) <= deck_symptoms
    shared = [sum(s in bundled.record(p)["symptoms"] for p in deck.positions) for s in spec.options]
    assert shared == sorted(shared, reverse=True)


def test_where_offers_every_body_area_one_answer(bundled):
    spec = where_poll(bundled)
    assert not spec.many and set(spec.options) == set(bundled.facets["body_areas"].terms)


def test_a_quiz_tells_the_story_without_the_name_and_offers_look_alikes(bundled, deck):
    statins = bundled.position_of("Statins")
    spec = quiz_poll(bundled, statins, deck.positions)
    assert spec.answer == "Statins" and "Statins" in spec.options and len(spec.options) == QUIZ_CHOICES
    assert list(spec.options) == sorted(spec.options, key=str.casefold)
    assert "Statins" not in spec.story and spec.story.startswith("Someone has ")
    assert "Statins" in spec.why  # what tells it apart, from Compare


POLL = Poll("p1", "noticed", "Which of these have you noticed?", ("cramps", "=cmd()", "twitching"), 2, True)


def test_results_are_counts_most_chosen_first_and_said_in_words():
    counts = {"cramps": 2, "=cmd()": 0, "twitching": 5}
    fig = results_figure(POLL, counts)
    assert list(fig.data[0].x) == [5, 2, 0] and fig.data[0].y[0] == "twitching"
    assert results_alt(POLL, counts) == "Which of these have you noticed? 7 answers. cramps: 2; twitching: 5."
    assert results_alt(POLL, {}) == "Which of these have you noticed? 0 answers. no answers yet."


def test_a_revealed_quiz_marks_its_answer():
    quiz = Poll(
        "q", "quiz", "Which cause fits this story?", ("A", "B"), 3, False, open=False, answer="B", revealed=True
    )
    fig = results_figure(quiz, {"A": 3, "B": 1})
    assert list(fig.data[0].y) == ["A", "B ✓"]


def test_where_results_shade_the_body_map():
    where = Poll("w", "where", "Where do you feel it?", ("calves", "thighs", "feet"), 1, False)
    fig = results_figure(where, {"calves": 4, "feet": 1})
    assert len(fig.data) > 1 and "calves" in str(fig.to_dict())  # the drawn figure, not bars


def _font_sizes(fig) -> list[float]:
    """Every font size a figure draws with (its layout's, axes', annotations', traces' text;
    not a hover label's, which a projector never shows)."""
    sizes = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "hoverlabel":
                    continue
                if key in ("font", "tickfont", "textfont") and isinstance(value, dict) and "size" in value:
                    sizes.append(value["size"])
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(fig.to_plotly_json())
    return sizes


@pytest.mark.parametrize("options", [3, 8, 15, 40])
@pytest.mark.parametrize("height", [240.0, 480.0])
def test_results_on_the_stage_are_in_slide_type_and_draw_every_bar_they_show(options, height):
    poll = Poll(
        "p", "noticed", "Which of these have you noticed?", tuple(f"symptom {i}" for i in range(options)), 2, True
    )
    counts = {f"symptom {i}": i for i in range(options)}
    fig = stage_results_figure(poll, counts, (), height)
    sizes = _font_sizes(fig)
    assert sizes and min(sizes) >= FLOOR
    shown = len(fig.data[0].y)
    assert shown == min(options, 15, int((height - 2 * CHART_TOP) // CHART_ROW))
    assert fig.data[0].y[0] == f"symptom {options - 1}"  # most chosen first
    assert fig.layout.yaxis.dtick == 1 and fig.layout.height == round(height)  # a label for every bar
    assert fig.layout.xaxis.visible is False and not fig.layout.title.text


def test_where_results_on_the_stage_keep_their_title_in_slide_type():
    where = Poll("w", "where", "Where do you feel it?", ("calves", "thighs", "feet"), 1, False)
    fig = stage_results_figure(where, {"calves": 4}, (), 480)
    assert fig.layout.title.text and fig.layout.title.font.size >= FLOOR
    assert min(_font_sizes(fig)) >= FLOOR


def test_the_room_s_results_as_files_keep_formulas_inert():
    polls_csv = results_csv([POLL], [{"cramps": 2, "=cmd()": 1}]).decode()
    assert polls_csv.splitlines()[0] == "poll,kind,question,choice,answers,correct"
    assert "'=cmd()" in polls_csv and "cramps,2," in polls_csv
    asked = questions_csv(
        [Question("a", "@SUM(1)?", 3, 0.0, hidden=True), Question("b", "Why?", 1, 0.0, answered=True)]
    )
    assert asked.decode().splitlines() == ["question,up-votes,answered,hidden", "'@SUM(1)?,3,,yes", "Why?,1,yes,"]


@pytest.mark.parametrize(
    ("view", "params"),
    [
        (View(deck=("Statins",), query=Query(symptoms=("cramps",))), {"deck": ["Statins"]}),  # picked: the deck
        (View(query=Query(symptoms=("cramps",))), {"symptom": ["cramps"]}),  # else the filters
    ],
)
def test_a_phone_builds_the_deck_from_the_picked_causes_else_the_filters(view, params):
    assert deck_params(view) == params


@pytest.mark.parametrize(
    ("poll", "hidden"),
    [
        (None, False),
        (POLL, False),
        (Poll("q", "quiz", "Which?", ("A", "B"), 3, False, answer="B"), True),
        (Poll("q", "quiz", "Which?", ("A", "B"), 3, False, open=False, answer="B", revealed=True), False),
    ],
)
def test_only_an_unrevealed_quiz_hides_the_slide(poll, hidden):
    assert hides_the_slide(poll) is hidden


def test_a_quiz_s_story_comes_back_from_the_deck(bundled, deck):
    statins = bundled.position_of("Statins")
    spec = quiz_poll(bundled, statins, deck.positions)
    quiz = Poll("q", "quiz", spec.question, spec.options, 3, False, answer="Statins")
    assert quiz_of(bundled, deck, quiz) == spec
    assert quiz_of(bundled, deck, POLL) is None
