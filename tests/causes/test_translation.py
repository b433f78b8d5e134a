"""Two editions of one cause table, paired term by term: a link, a session's choices and
a warning-sign answer carried from one language to the other, and every disagreement
between the editions reported."""

from __future__ import annotations

import pytest

from causes import i18n
from causes.check import Answer, sign_id, why_of
from causes.query import Query
from causes.redflags import RedFlag
from causes.translation import Pairing, edition_path, pair
from tests.causes.tables import table_from_rows

COLUMNS = ["cause", "category", "symptoms", "body_areas", "risk_factors", "urgency", "red_flags", "summary"]
EN = [
    [
        "Cramp",
        "Muscle",
        "muscle cramps; cramps at night",
        "calves; feet",
        "dehydration",
        "self-care",
        "urgent: One leg swollen",
        "A cramp.",
    ],
    [
        "Clot",
        "Blood",
        "pain; leg swelling",
        "calves",
        "long sitting",
        "urgent",
        "urgent: One leg swollen; emergency: Chest pain",
        "A clot.",
    ],
]
ES = [
    [
        "Calambre",
        "Músculo",
        "calambres musculares; calambres nocturnos",
        "pantorrillas; pies",
        "deshidratación",
        "self-care",
        "urgent: Una pierna hinchada",
        "Un calambre.",
    ],
    [
        "Coágulo",
        "Sangre",
        "dolor; hinchazón de piernas",
        "pantorrillas",
        "mucho tiempo sentado",
        "urgent",
        "urgent: Una pierna hinchada; emergency: Dolor en el pecho",
        "Un coágulo.",
    ],
]
FLAGS_EN = (RedFlag("Chest pain", "emergency", why="this can be a clot in the lungs", always=True),)
FLAGS_ES = (RedFlag("Dolor en el pecho", "emergency", why="puede ser un coágulo en los pulmones", always=True),)


def _pairing() -> Pairing:
    return pair(table_from_rows(COLUMNS, EN), table_from_rows(COLUMNS, ES), FLAGS_EN, FLAGS_ES)


def test_matching_editions_pair_without_a_problem() -> None:
    assert _pairing().problems == ()


@pytest.mark.parametrize(
    ("column", "english", "spanish"),
    [
        ("cause", "Cramp", "Calambre"),
        ("cause", "clot", "Coágulo"),  # case and spaces ignored, the other edition's spelling given
        ("category", "Blood", "Sangre"),
        ("symptoms", "cramps at night", "calambres nocturnos"),
        ("symptoms", "leg swelling", "hinchazón de piernas"),
        ("body_areas", "feet", "pies"),
        ("body_areas", "calves", "pantorrillas"),  # in two rows, paired once
        ("risk_factors", "long sitting", "mucho tiempo sentado"),
    ],
)
def test_every_paired_term_maps_both_ways(column: str, english: str, spanish: str) -> None:
    p = _pairing()
    assert p.term(column, english) == spanish
    assert p.reversed().term(column, spanish).casefold() == english.casefold()


def test_a_value_the_edition_lacks_stays_as_it_is() -> None:
    assert _pairing().terms("symptoms", ["fever", "pain"]) == ("fever", "dolor")


def test_a_link_made_in_one_language_opens_the_same_view_in_the_other() -> None:
    params = {
        "symptom": ["cramps at night"],
        "area": ["calves"],
        "urgency": ["urgent"],  # a code, the same in every language
        "q": ["night"],  # typed text stays as typed
        "not": ["dehydration"],  # a finding said no to, of any column
        "compare": ["Cramp", "Clot"],
        "lang": ["en"],
    }
    assert _pairing().params(params) == {
        "symptom": ["calambres nocturnos"],
        "area": ["pantorrillas"],
        "urgency": ["urgent"],
        "q": ["night"],
        "not": ["deshidratación"],
        "compare": ["Calambre", "Coágulo"],
        "lang": ["en"],
    }


def test_a_query_is_carried_across_whole() -> None:
    q = Query(symptoms=("pain",), areas=("feet",), risks=("dehydration",), categories=("Muscle",), without=("calves",))
    assert _pairing().query(q) == Query(
        symptoms=("dolor",),
        areas=("pies",),
        risks=("deshidratación",),
        categories=("Músculo",),
        without=("pantorrillas",),
    )


@pytest.mark.parametrize(
    ("answer", "sign", "why"),
    [
        # A why that names the cause is said again, with the other edition's name, in the run's language.
        (
            Answer("One leg swollen", "urgent", why_of(("Clot",)), causes=("Clot",)),
            "Una pierna hinchada",
            "es una señal de alarma de Coágulo",
        ),
        (
            Answer("Chest pain", "emergency", "this can be a clot in the lungs"),
            "Dolor en el pecho",
            "puede ser un coágulo en los pulmones",
        ),
    ],
)
def test_a_warning_sign_said_yes_to_stays_said_yes_to(answer: Answer, sign: str, why: str) -> None:
    with i18n.using("es"):
        key, carried = _pairing().answer(answer)
    assert (carried.sign, carried.level, carried.why) == (sign, answer.level, why)
    assert key == sign_id(sign)  # the key the check asks it under in the other edition


def test_an_unpaired_answer_is_not_carried() -> None:
    assert _pairing().answer(Answer("Something else", "urgent", "")) is None


@pytest.mark.parametrize(
    ("row", "column", "value", "problem"),
    [
        (0, "symptoms", "calambres musculares", "row 2, symptoms: 2 items and 1 items"),
        (0, "urgency", "urgent", "row 2, urgency: self-care and urgent"),
        (1, "red_flags", "emergency: Una pierna hinchada; emergency: Dolor en el pecho", "is urgent"),
        (1, "body_areas", "pies", '"calves" is paired with "pantorrillas" and with "pies"'),
        (1, "red_flags", "urgent: Una pierna hinchada", "red_flags: 2 signs and 1 signs"),
    ],
)
def test_every_disagreement_is_reported(row: int, column: str, value: str, problem: str) -> None:
    es = [list(r) for r in ES]
    es[row][COLUMNS.index(column)] = value
    problems = pair(table_from_rows(COLUMNS, EN), table_from_rows(COLUMNS, es), FLAGS_EN, FLAGS_ES).problems
    assert any(problem in p for p in problems), problems


def test_a_missing_row_and_a_red_flag_graded_differently_are_reported() -> None:
    problems = pair(
        table_from_rows(COLUMNS, EN),
        table_from_rows(COLUMNS, ES[:1]),
        FLAGS_EN,
        (RedFlag("Dolor en el pecho", "urgent", why="puede ser un coágulo en los pulmones", always=True),),
    ).problems
    assert "the editions have 2 and 1 causes" in problems
    assert any("red flag 1" in p and "is urgent" in p for p in problems)


def test_an_edition_sits_in_a_folder_named_by_its_language(tmp_path) -> None:
    table = tmp_path / "causes.csv"
    table.write_text("x", encoding="utf-8")
    assert edition_path(table, "es") is None
    (tmp_path / "es").mkdir()
    (tmp_path / "es" / "causes.csv").write_text("x", encoding="utf-8")
    assert edition_path(table, "es") == tmp_path / "es" / "causes.csv"


def test_an_edition_ranked_as_its_table_lists_ties_in_the_tables_order() -> None:
    from causes.query import run_query
    from causes.translation import ranked_as

    columns = ["cause", "category", "symptoms", "body_areas", "summary"]
    en = table_from_rows(columns, [["Apple", "A", "pain", "feet", "x"], ["Banana", "A", "pain", "feet", "x"]])
    es = table_from_rows(columns, [["Zanahoria", "A", "dolor", "pies", "x"], ["Berenjena", "A", "dolor", "pies", "x"]])
    q = Query(symptoms=("dolor",))
    assert [es.record(int(i))["cause"] for i in run_query(es, q).positions] == ["Berenjena", "Zanahoria"]
    ranked = ranked_as(es, en)  # the English order: Apple (Zanahoria) before Banana (Berenjena)
    assert [ranked.record(int(i))["cause"] for i in run_query(ranked, q).positions] == ["Zanahoria", "Berenjena"]
    assert ranked_as(es, table_from_rows(columns, [["Apple", "A", "pain", "feet", "x"]])) is es  # not its table


def test_a_poll_is_shown_in_the_phones_words_and_answered_in_the_rooms() -> None:
    from causes.room import Poll

    poll = Poll("p1", "noticed", "Which?", ("pain", "cramps at night"), 2, True)
    mine, back = _pairing().poll(poll)
    assert mine.options == ("dolor", "calambres nocturnos")
    assert back == {"dolor": "pain", "calambres nocturnos": "cramps at night"}
    quiz = Poll("p2", "quiz", "Which cause?", ("Cramp", "Clot"), 3, False, answer="Clot")
    mine, back = _pairing().poll(quiz)
    assert (mine.options, mine.answer) == (("Calambre", "Coágulo"), "Coágulo")


def test_a_view_and_its_answers_are_carried_across_whole() -> None:
    from causes.view import View

    view = View(query=Query(symptoms=("pain",)), cause="Clot", compare=("Cramp", "Clot"), deck=("Clot",), slide=3)
    assert _pairing().view(view) == View(
        query=Query(symptoms=("dolor",)), cause="Coágulo", compare=("Calambre", "Coágulo"), deck=("Coágulo",), slide=3
    )
    answers = {"a": Answer("One leg swollen", "urgent", "x"), "b": Answer("Not in the table", "urgent", "y")}
    assert [a.sign for a in _pairing().answers(answers).values()] == ["Una pierna hinchada"]
