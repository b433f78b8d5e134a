"""Levels of help, graded warning signs and the warning-sign check: tables of inputs and
what must come out."""

from __future__ import annotations

import pytest

from causes import Query, load_cause_table, run_query
from causes.check import (
    CAUSES_ASKED_FIRST,
    Answer,
    Sign,
    action_cards,
    answer_of,
    applies,
    asked_first,
    card_markdown,
    flags_markdown,
    inline_action,
    keep,
    picks_any,
    sign_id,
    sign_line,
    signs_to_ask,
    usually_line,
)
from causes.redflags import RedFlag, sign_key
from causes.schema import URGENCY_LEVELS
from causes.style import UNKNOWN_NUMBER, URGENCY_STYLE, help_for, level_rank, urgency_style
from causes.text import md_escape
from tests.causes.tables import glossary_of

# --- the levels, declared once -----------------------------------------------------------------


def test_every_level_is_declared_once_with_all_it_needs():
    assert URGENCY_LEVELS == ("self-care", "see a doctor", "urgent", "emergency")  # least to most serious
    assert list(URGENCY_STYLE) == list(URGENCY_LEVELS)
    labels, colours = set(), set()
    for style in URGENCY_STYLE.values():
        assert style.label and style.icon.startswith(":material/") and style.action and style.aria
        assert style.aria.startswith(style.label)  # a screen reader hears the level's name
        labels.add(style.label)
        colours.add(style.colour)
    assert len(labels) == len(colours) == 4


@pytest.mark.parametrize(
    ("level", "rank"),
    [("emergency", 4), ("URGENT ", 3), ("see a doctor", 2), ("self-care", 1), ("", 0), ("soon", 0)],
)
def test_level_rank(level, rank):
    assert level_rank(level) == rank


# --- whom to call, by locale -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "number", "emergency", "urgent"),
    [
        ("en-GB", "999", "Call 999 for an ambulance now, or go to A&E.", "or call 111"),
        ("en_GB", "999", "Call 999 for an ambulance now, or go to A&E.", "or call 111"),
        ("en-US", "911", "Call 911 for an ambulance now, or go to the emergency department.", "urgent care"),
        ("en-CA", "911", "Call 911 for an ambulance now, or go to the emergency department.", "urgent care"),
        ("fr-FR", "112", "Call 112 for an ambulance now, or go to the emergency department.", "urgent care"),
        ("de", None, f"Call {UNKNOWN_NUMBER} for an ambulance now", "(in the UK, call 111)"),
        ("en", None, f"Call {UNKNOWN_NUMBER} for an ambulance now", "(in the UK, call 111)"),
        (None, None, f"Call {UNKNOWN_NUMBER} for an ambulance now", "(in the UK, call 111)"),
        ("", None, f"Call {UNKNOWN_NUMBER} for an ambulance now", "(in the UK, call 111)"),
        ("zh-Hant-TW", "119", "Call 119 for an ambulance now", "urgent care"),
        ("en-AU", "000", "Call 000 for an ambulance now", "urgent care"),
        ("ja-JP", "119", "Call 119 for an ambulance now", "urgent care"),
        ("ko-KR", "119", "Call 119 for an ambulance now", "urgent care"),  # 112 is the police there
        ("nb-NO", "113", "Call 113 for an ambulance now", "urgent care"),  # 112 is the police there
        ("vi-VN", "115", "Call 115 for an ambulance now", "urgent care"),
        ("pt-BR", "192", "Call 192 for an ambulance now", "urgent care"),
        ("de-DE", "112", "Call 112 for an ambulance now", "urgent care"),
        ("en-IN", None, f"Call {UNKNOWN_NUMBER} for an ambulance now", "urgent care"),  # numbers by region
        ("en-ZA", "10177", "Call 10177 for an ambulance now", "urgent care"),
    ],
)
def test_the_emergency_number_follows_the_locale(locale, number, emergency, urgent):
    help = help_for(locale)
    assert help.number == number
    assert help.action("emergency").startswith(emergency)
    assert urgent in help.action("urgent")
    assert "111" not in help.action("urgent") or locale in ("en-GB", "en_GB", "de", "en", None, "")


@pytest.mark.parametrize(
    ("locale", "number"),
    [
        ("es-ES", "112"),
        ("es-MX", "911"),
        ("es-US", "911"),
        ("es-AR", "107"),
        ("es-CL", "131"),
        ("es-CO", "123"),
        ("es-PE", "106"),
        ("es-SV", "132"),
        ("es-GT", "122"),
        ("es-PY", "141"),
        ("es-VE", "911"),
        ("es-BO", None),  # no one number reaches an ambulance everywhere yet: none named
        ("es", None),
    ],
)
def test_a_spanish_speaker_is_told_the_number_of_their_country_in_spanish(locale, number):
    from causes import i18n

    with i18n.using("es"):
        help = help_for(locale)
        action = help.action("emergency")
        unknown = i18n._(UNKNOWN_NUMBER)
    assert help.number == number
    assert action.startswith(f"Llame al {number or unknown} para pedir una ambulancia ahora")


def test_the_unknown_number_names_every_common_one():
    assert UNKNOWN_NUMBER == "your local emergency number (999 in the UK, 112 in Europe, 911 in the US)"


# --- a sign's key and id -----------------------------------------------------------------------


def test_sign_key_and_id_ignore_case_spaces_and_a_full_stop():
    assert sign_key("  One  LEG swollen. ") == "one leg swollen"
    assert sign_id("One leg swollen.") == sign_id("one  leg swollen") != sign_id("one leg")
    assert len(sign_id("x")) == 16


# --- which signs to ask ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def table():
    csv = (
        "cause,category,symptoms,body_areas,summary,urgency,red_flags\n"
        "Clot,Look-alike,cramps,calves,A clot.,urgent,urgent: One leg swollen; emergency: Breathless\n"
        "Tired,Lifestyle,cramps,calves,Tired legs.,self-care,Lasts 2 weeks; urgent: one leg swollen\n"
        "Nerve,Nervous,twitching,thighs,Nerves.,see a doctor,Weak grip\n"
        "Heat,Lifestyle,cramps,calves,Heat.,urgent,emergency: Confused in the heat\n"
    )
    return load_cause_table(csv.encode())


GENERAL = (
    RedFlag("Breathless", "emergency", why="this can be a clot in the lungs"),
    RedFlag("Face droops", "emergency", why="this can be a stroke"),  # no cause lists it: always asked
    RedFlag("Weak grip", "see a doctor", why="this can be a nerve problem"),
)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            Query(symptoms=("cramps",)),
            [
                ("Breathless", "emergency", "this can be a clot in the lungs"),
                ("Confused in the heat", "emergency", "it is a warning sign of Heat"),
                ("Face droops", "emergency", "this can be a stroke"),
                ("One leg swollen", "urgent", "it is a warning sign of Clot and of Tired"),
                ("Lasts 2 weeks", "see a doctor", "it is a warning sign of Tired"),
            ],
        ),
        (
            Query(symptoms=("twitching",)),
            [
                ("Face droops", "emergency", "this can be a stroke"),
                ("Weak grip", "see a doctor", "this can be a nerve problem"),
            ],
        ),
        (Query(symptoms=("hiccups",)), [("Face droops", "emergency", "this can be a stroke")]),
    ],
)
def test_signs_to_ask_merge_the_matching_causes_and_the_general_signs(table, query, expected):
    signs = signs_to_ask(table, run_query(table, query), GENERAL)
    assert [(s.sign, s.level, s.why) for s in signs] == expected
    assert len({s.key for s in signs}) == len(signs)  # one sign asked once


def test_a_sign_given_two_levels_is_asked_at_the_more_serious(table):
    general = (RedFlag("One leg swollen", "emergency", why="this can be a clot"),)
    (swollen,) = [
        s for s in signs_to_ask(table, run_query(table, Query(symptoms=("cramps",))), general) if "leg" in s.sign
    ]
    assert swollen.level == "emergency" and swollen.causes == ("Clot", "Tired")


@pytest.mark.parametrize(
    ("query", "asks"),
    [
        (Query(), False),
        (Query(match="all"), False),  # how symptoms combine is no pick
        (Query(text="   "), False),
        (Query(text="cramp"), True),
        (Query(symptoms=("cramps",)), True),
        (Query(areas=("calves",)), True),
        (Query(risks=("pregnancy",)), True),
        (Query(categories=("Lifestyle",)), True),
        (Query(urgencies=("urgent",)), True),
    ],
)
def test_the_check_asks_once_anything_is_chosen(query, asks):
    assert applies(query) is asks


ALWAYS = (
    RedFlag("Chest pain", "emergency", why="this can be a heart attack", always=True),
    RedFlag("Breathless", "emergency", why="this can be a clot in the lungs", always=True),
    RedFlag(
        "Pregnant and swollen face", "urgent", why="this can be pre-eclampsia", always=True, contact="your midwife"
    ),
)


@pytest.mark.parametrize(
    "query",
    [
        Query(symptoms=("cramps",)),
        Query(symptoms=("twitching",), areas=("thighs",)),
        Query(symptoms=("hiccups",)),  # matches nothing
        Query(symptoms=("twitching",), areas=("calves",)),  # matches nothing
        Query(text="heat"),
        Query(categories=("Nervous",)),
    ],
)
def test_the_always_asked_set_comes_first_whatever_matches(table, query):
    signs = signs_to_ask(table, run_query(table, query), (*ALWAYS, *GENERAL))
    assert [s.sign for s in signs[:3]] == ["Chest pain", "Breathless", "Pregnant and swollen face"]
    assert all(s.always for s in signs[:3]) and not any(s.always for s in signs[3:])
    assert len({s.key for s in signs}) == len(signs)  # "Breathless" is a cause's sign too: asked once
    rest = [level_rank(s.level) for s in signs[3:]]
    assert rest == sorted(rest, reverse=True)  # then the others, most serious first
    assert signs[2].contact == "your midwife"


def test_an_always_asked_sign_a_cause_lists_names_the_cause(table):
    signs = signs_to_ask(table, run_query(table, Query(symptoms=("cramps",))), ALWAYS)
    (breathless,) = [s for s in signs if s.sign == "Breathless"]
    assert breathless.always and breathless.causes == ("Clot",) and breathless.why == "this can be a clot in the lungs"


def test_a_contact_sends_a_person_to_that_service_first():
    help = help_for("en-GB")
    sign = Sign(
        sign_id("x"), "Pregnant and swollen face", "urgent", "this can be pre-eclampsia", (), True, "your midwife"
    )
    assert inline_action(sign, help) == (
        "Urgent. Get help today: call your midwife now. If you cannot reach them, ask for an urgent GP appointment,"
        " or call 111. Why: this can be pre-eclampsia."
    )
    (card,) = action_cards([answer_of(sign)], help)  # the card's one sign names whom to call: the card says it
    assert card.action == (
        "Get help today: call your midwife now. If you cannot reach them, ask for an urgent GP appointment,"
        " or call 111."
    )
    assert card.reasons == ("You said: Pregnant and swollen face. Why: this can be pre-eclampsia.",)


@pytest.mark.parametrize(
    ("answers", "action", "reasons"),
    [
        (  # one sign, whom to call first: the card's action
            [Answer("Fever on chemo", "emergency", "this can be sepsis", "your cancer team's helpline")],
            "Call your cancer team's helpline now. If you cannot get through straight away, go to A&E,"
            " or call 999 if you are very unwell.",
            ("You said: Fever on chemo. Why: this can be sepsis.",),
        ),
        (  # with a sign that needs the ambulance: the ambulance first, and nothing says to call another first
            [
                Answer("Chest pain", "emergency", "this can be a heart attack"),
                Answer("Fever on chemo", "emergency", "this can be sepsis", "your cancer team's helpline"),
            ],
            "Call 999 for an ambulance now, or go to A&E.",
            (
                "You said: Chest pain. Why: this can be a heart attack.",
                "You said: Fever on chemo. Why: this can be sepsis. Then let your cancer team's helpline know.",
            ),
        ),
        (  # an urgent card's other service: its sign still says call them now
            [
                Answer("One leg swollen", "urgent", "this can be a blood clot"),
                Answer("Headache in pregnancy", "urgent", "this can be pre-eclampsia", "your midwife"),
            ],
            "Get help today: ask for an urgent GP appointment, or call 111.",
            (
                "You said: One leg swollen. Why: this can be a blood clot.",
                "You said: Headache in pregnancy. Why: this can be pre-eclampsia. Get help today: call your midwife"
                " now. If you cannot reach them, ask for an urgent GP appointment, or call 111.",
            ),
        ),
        (  # two signs naming the same service: said once, on the card
            [
                Answer("Headache in pregnancy", "urgent", "this can be pre-eclampsia", "your midwife"),
                Answer("Pain below the ribs in pregnancy", "urgent", "this can be pre-eclampsia", "your midwife"),
            ],
            "Get help today: call your midwife now. If you cannot reach them, ask for an urgent GP appointment,"
            " or call 111.",
            (
                "You said: Headache in pregnancy. Why: this can be pre-eclampsia.",
                "You said: Pain below the ribs in pregnancy. Why: this can be pre-eclampsia.",
            ),
        ),
    ],
)
def test_a_card_says_whom_to_call_first_once(answers, action, reasons):
    (card,) = action_cards(answers, help_for("en-GB"))
    assert (card.action, card.reasons) == (action, reasons)


@pytest.mark.parametrize(
    ("flag", "line"),
    [
        (RedFlag("Chest pain", "emergency"), "Chest pain"),
        (
            RedFlag("Fever on chemo", "emergency", contact="your cancer team's helpline"),
            "Fever on chemo: call your cancer team's helpline first",
        ),
    ],
)
def test_a_listed_sign_says_whom_to_call_first(flag, line):
    assert sign_line(flag) == line
    assert f"- {line}" in flags_markdown([flag], help_for("en-GB"), str)


# --- what a yes means --------------------------------------------------------------------------------


def test_one_card_per_level_most_serious_first_with_what_to_do_how_soon_and_why():
    answers = [
        Answer("One leg swollen", "urgent", "this can be a blood clot"),
        Answer("Breathless", "emergency", "this can be a clot in the lungs"),
        Answer("Red calf", "urgent", "this can be a blood clot"),
    ]
    cards = action_cards(answers, help_for("en-GB"))
    assert [(c.level, c.title) for c in cards] == [("emergency", "Emergency"), ("urgent", "Urgent")]
    emergency, urgent = cards
    assert emergency.action == "Call 999 for an ambulance now, or go to A&E."
    assert emergency.soon.startswith("Now")
    assert emergency.reasons == ("You said: Breathless. Why: this can be a clot in the lungs.",)
    assert urgent.action == "Get help today: ask for an urgent GP appointment, or call 111."
    assert len(urgent.reasons) == 2
    text = card_markdown(urgent, md_escape).replace("\\", "")  # read as shown
    assert text.startswith("**Urgent. Get help today: ask for an urgent GP appointment, or call 111.**")
    assert "**How soon:** Today." in text


def test_a_card_keeps_a_tables_text_inert():
    card = action_cards(
        [Answer("<img src=x onerror=alert(1)> [x](javascript:alert(1))", "urgent", "*why*")], help_for(None)
    )[0]
    text = card_markdown(card, md_escape)
    # Every character markdown or HTML would act on is escaped: the tag and link stay text.
    assert "\\<img" in text and "<img" not in text.replace("\\<img", "")
    assert "](javascript" not in text and "\\*why\\*" in text


def test_the_answer_under_a_question_says_what_to_do_and_why():
    (sign,) = [s for s in signs_to_ask_one() if s.sign == "One leg swollen"]
    assert inline_action(sign, help_for("en-US")) == (
        "Urgent. Get help today: ask for an urgent appointment with a doctor, or go to urgent care. "
        "Why: this can be a blood clot."
    )


def signs_to_ask_one():
    table = load_cause_table(
        b"cause,category,symptoms,body_areas,summary,urgency,red_flags\nC,K,s,a,S.,urgent,One leg swollen\n"
    )
    return signs_to_ask(
        table,
        run_query(table, Query(symptoms=("s",))),
        (RedFlag("One leg swollen", "urgent", why="this can be a blood clot"),),
    )


def test_keep_adds_a_yes_and_drops_a_no():
    (sign,) = signs_to_ask_one()
    kept = keep({}, sign, True)
    assert kept == {sign.key: Answer(sign.sign, "urgent", "this can be a blood clot")}
    assert keep(kept, sign, False) == {}


# --- signs shown grouped ------------------------------------------------------------------------------


def test_flags_are_grouped_by_level_under_their_action_most_serious_first():
    flags = (RedFlag("Twitch 2 weeks", "see a doctor"), RedFlag("Face droops", "emergency"), RedFlag("Leg", "urgent"))
    text = flags_markdown(flags, help_for("en-GB"), md_escape)
    emergency, urgent, doctor = (
        text.index(s)
        for s in (
            "Call 999 for an ambulance now, or go to A\\&E, if",
            "Get help today if",
            "Book an appointment with a GP if",
        )
    )
    assert emergency < text.index("Face droops") < urgent < text.index("- Leg") < doctor < text.index("Twitch 2 weeks")
    assert ":violet-badge[:material/e911_emergency: Emergency]" in text  # the label in words, not colour alone
    assert flags_markdown((), help_for(None), md_escape) == ""


@pytest.mark.parametrize(
    ("urgency", "line"),
    [
        ("see a doctor", "Usually: See a doctor (book an appointment in the coming days)"),
        ("self-care", "Usually: Self-care (usually eased at home)"),
        ("emergency", "Usually: Emergency (call for an ambulance now)"),
        ("", "Usually: Urgency not given (the table does not say)"),
    ],
)
def test_a_causes_own_level_is_said_apart_from_its_signs(urgency, line):
    assert usually_line(urgency) == line
    assert urgency_style(urgency).label in line


@pytest.mark.parametrize(
    ("sign", "now"),
    [
        (Sign("k", "Always", "see a doctor", "why", (), always=True, first=50), True),  # asked of everyone
        (Sign("k", "Best cause's", "emergency", "why", ("A",), first=0), True),
        (Sign("k", "Tenth cause's", "urgent", "why", ("A",), first=CAUSES_ASKED_FIRST - 1), True),
        (Sign("k", "Eleventh cause's", "emergency", "why", ("A",), first=CAUSES_ASKED_FIRST), False),
        (Sign("k", "No cause's", "urgent", "why", (), first=-1), True),  # a general sign of no cause
        (Sign("k", "Routine", "see a doctor", "why", ("A",), first=0), False),  # book an appointment
    ],
)
def test_asked_at_once_the_always_set_and_the_best_causes_signs_for_help_today(sign, now):
    first, later = asked_first([sign])
    assert (first, later) == (([sign], []) if now else ([], [sign]))


def test_a_sign_knows_the_best_ranked_cause_that_lists_it(table):
    result = run_query(table, Query(symptoms=("cramps",)))
    names = [table.record(int(p))["cause"] for p in result.positions]
    for s in signs_to_ask(table, result, GENERAL):
        assert s.first == (min(names.index(c) for c in s.causes) if s.causes else -1), s.sign


def test_a_sign_asked_for_some_terms_comes_first_when_one_of_them_or_a_narrower_one_is_picked():
    csv = (
        "cause,category,symptoms,body_areas,summary,urgency\n"
        "Clot,Look-alike,pain,calves,A clot.,urgent\n"
        "Twitch,Benign,twitching,eyelids,A twitch.,self-care\n"
        "Strain,Injury,pain,whole leg,A strain.,self-care\n"
    )
    glossary = glossary_of(
        [["calves", "body area", "Calf.", "whole leg"], ["whole leg", "body area", "Leg.", "whole body"]]
    )
    table = load_cause_table(csv.encode(), glossary=glossary)
    clot = RedFlag("One leg swollen", "urgent", why="this can be a clot", asked_for=("whole leg",))
    flags = (*ALWAYS[:1], clot)
    for query, first in [
        (Query(areas=("calves",)), True),  # narrower than the whole leg
        (Query(areas=("whole leg",)), True),
        (Query(symptoms=("twitching",), areas=("eyelids",)), False),
        (Query(areas=("whole body",)), False),  # broader: not in the leg as such
        (Query(symptoms=("pain",)), False),  # no leg term chosen (its causes are in the leg)
    ]:
        signs = signs_to_ask(table, run_query(table, query), flags, query)
        asked_at_once = [s.sign for s in signs if s.always]
        assert asked_at_once == (["Chest pain", "One leg swollen"] if first else ["Chest pain"]), query
        assert signs[0].sign == "Chest pain"  # the always-asked set first, then by level
        assert picks_any(table, query, ("whole leg",)) is first
