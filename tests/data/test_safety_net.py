"""The warning-sign check's safety net, over the bundled table's whole vocabulary and over a
generated table (the second clinical review, 2026-12-06): whatever a person picks, the
always-asked emergency questions come first, no sign is asked twice, the review's five picks
ask what a clinician would, and no pick ends with no cause and nothing to do."""

from __future__ import annotations

import re

import pytest

from causes.check import asked_first, signs_to_ask
from causes.config import BUNDLED_TABLE
from causes.content import RED_FLAGS_FILE
from causes.loader import load_cause_table
from causes.nearest import nearest_views
from causes.query import Query, run_query
from causes.redflags import load_red_flags, with_safety_net
from causes.style import level_rank
from tests.support.bundled import bundled_table
from tests.support.generate import write_table

TABLE = bundled_table()
FLAGS = with_safety_net(load_red_flags(BUNDLED_TABLE.parent / RED_FLAGS_FILE), ())
ALWAYS = [f.sign for f in FLAGS if f.always]
SYMPTOMS = TABLE.facets["symptoms"].terms
AREAS = TABLE.facets["body_areas"].terms
RISKS = TABLE.facets["risk_factors"].terms

# What the review and the issue ask of the always-asked set: one situation each.
ALWAYS_COVERS = {
    "chest pain or tightness, a cramp in the chest included": r"chest pain or tightness.*cramp",
    "stroke signs, sudden weakness in one leg included": r"sudden weakness.*one leg.*slurred",
    "weakness spreading in both legs": r"spreads up both legs",
    "trouble breathing or swallowing": r"trouble breathing or swallowing",
    "dark pee with muscle pain": r"cola-coloured pee.*muscle pain",
    "a leg that suddenly goes cold, pale or blue": r"suddenly turns cold and pale or blue",
    "a leg after an injury or under a cast, pain getting worse": r"injury or under a cast.*worse",
    "signs of sepsis (with or without a fever)": r"infection or fever.*confused",
}


def test_the_always_asked_set_is_the_reviews_list_in_six_to_eight_short_questions():
    assert 6 <= len(ALWAYS) <= 8
    for situation, pattern in ALWAYS_COVERS.items():
        assert sum(bool(re.search(pattern, s, re.I)) for s in ALWAYS) == 1, situation
    assert all(len(s) <= 100 for s in ALWAYS), ALWAYS


def asked(query: Query, table=TABLE, flags=FLAGS):
    return signs_to_ask(table, run_query(table, query), flags, query)


CLOT = "One leg that has become swollen, warm, or red or darker than the other"
CLOT_PAIN = "Pain in one calf or thigh, with no injury, that keeps getting worse or lasts over a day"
LEG_AREAS = ("calves", "thighs", "knees", "feet and toes", "whole leg")
LEG_SYMPTOMS = ("muscle cramps", "cramps at night", "cramps during or after exercise", "muscle spasms", "pain")
LEG_SYMPTOMS += ("leg swelling", "skin colour or temperature change")


def test_the_blood_clot_question_is_asked_at_once_for_every_pick_in_the_leg():
    # The third review (C1): the clot is the leg cramp's main look-alike; red_flags.csv asks
    # it first for the whole leg and its parts, and for cramps, spasms, pain, swelling and skin change.
    picks = [Query(symptoms=(s,), areas=(a,)) for s in SYMPTOMS for a in LEG_AREAS]
    picks += [Query(symptoms=(s,), areas=(a,)) for s in LEG_SYMPTOMS for a in AREAS]
    picks += [Query(areas=(a,)) for a in LEG_AREAS] + [Query(symptoms=(s,)) for s in LEG_SYMPTOMS]
    for query in picks:
        first, _ = asked_first(asked(query))
        at_once = [s.sign for s in first[len(ALWAYS) :]]
        assert CLOT in at_once and CLOT_PAIN in at_once, query  # at once, after the always-asked set
        levels = [level_rank(s.level) for s in first[len(ALWAYS) :]]
        assert levels == sorted(levels, reverse=True), query  # and most serious first
    for query in (Query(symptoms=("twitching at rest",), areas=("face and eyelids",)), Query(risks=("smoking",))):
        assert CLOT not in [s.sign for s in asked(query) if s.always], query


CAUDA_EQUINA = next(f.sign for f in FLAGS if "losing control of your bladder" in f.sign)
EXERTIONAL = next(f.sign for f in FLAGS if f.sign.startswith("After hard exercise"))


@pytest.mark.parametrize(
    ("sign", "terms", "elsewhere"),
    [
        # The second review (C1): cauda equina for the back and buttocks, numbness and weakness.
        (CAUDA_EQUINA, ("back", "buttocks and hips", "numbness or tingling", "muscle weakness"), "tongue"),
        # The second review (#4): compartment syndrome after hard exercise, not only after an injury.
        (
            EXERTIONAL,
            ("heavy or unaccustomed exercise", "cramps during or after exercise", "twitching after exercise"),
            "tongue",
        ),
    ],
)
def test_an_emergency_sign_is_asked_at_once_for_every_pick_of_its_terms(sign, terms, elsewhere):
    """Whatever else is picked with one of these terms, the sign is asked with the always-asked
    set; a pick of none of them does not ask it first."""
    columns = {"symptoms": SYMPTOMS, "body_areas": AREAS, "risk_factors": RISKS}
    key = {"symptoms": "symptoms", "body_areas": "areas", "risk_factors": "risks"}
    for term in terms:
        column = next(c for c, have in columns.items() if term in have)
        for other in [None, *AREAS]:
            query = (
                Query(**{key[column]: (term,)})
                if other is None or column == "body_areas"
                else Query(**{key[column]: (term,)}, areas=(other,))
            )
            first, _ = asked_first(asked(query))
            assert sign in [s.sign for s in first], query
    assert sign not in [s.sign for s in asked(Query(areas=(elsewhere,))) if s.always]


def check_safety_net(signs, always) -> None:
    assert [s.sign for s in signs[: len(always)]] == always  # first, in the file's order
    assert len({s.key for s in signs}) == len(signs)  # one sign is asked once
    assert len({re.sub(r"\W+", " ", s.sign.casefold()).strip() for s in signs}) == len(signs)


PICKS = (
    [Query(symptoms=(s,), areas=(a,)) for s in SYMPTOMS for a in AREAS]
    + [Query(symptoms=(s,)) for s in SYMPTOMS]
    + [Query(areas=(a,)) for a in AREAS]
    + [Query(risks=(r,)) for r in RISKS]
    + [Query(text="zzzz"), Query(text="cramp"), Query(categories=(TABLE.categories[-1],))]
)


def test_every_pick_of_the_bundled_vocabulary_asks_the_always_asked_set_first():
    for query in PICKS:
        check_safety_net(asked(query), ALWAYS)


def test_every_symptom_and_area_pair_shows_causes_or_offers_a_view_that_does():
    for s in SYMPTOMS:
        for a in AREAS:
            query = Query(symptoms=(s,), areas=(a,))
            if len(run_query(TABLE, query)):
                continue
            near = nearest_views(TABLE, query)
            assert near, (s, a)
            assert all(n.count == len(run_query(TABLE, n.query)) > 0 for n in near), (s, a)


def test_no_pick_of_one_term_ends_with_no_cause_and_nothing_to_do():
    for query in PICKS:
        assert len(run_query(TABLE, query)) or nearest_views(TABLE, query), query


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    path = tmp_path_factory.mktemp("generated") / "causes.csv"
    write_table(path, 300, seed=7)
    return load_cause_table(path)


def test_a_generated_table_without_red_flags_gets_the_bundled_set_for_every_pick(generated):
    bundled_only = with_safety_net((), load_red_flags(BUNDLED_TABLE.parent / RED_FLAGS_FILE))
    always = [f.sign for f in bundled_only if f.always]
    assert always == ALWAYS
    symptoms = generated.facets["symptoms"].terms[:40]  # the common ones and a few rare
    symptoms += generated.facets["symptoms"].terms[-10:]
    areas = generated.facets["body_areas"].terms
    for s in symptoms:
        for a in areas:
            query = Query(symptoms=(s,), areas=(a,))
            check_safety_net(asked(query, generated, bundled_only), always)
            assert len(run_query(generated, query)) or nearest_views(generated, query), query
    for r in generated.facets["risk_factors"].terms:
        check_safety_net(asked(Query(risks=(r,)), generated, bundled_only), always)


# The review's simulation of five picks: what each must ask beyond the always-asked set
# (patterns over the signs asked), and causes it must find.
FIVE_PICKS = [
    (
        Query(symptoms=("muscle cramps",), areas=("calves",)),
        [r"numbness around your bottom", r"one leg that has become swollen", r"pain in one calf or thigh"],
        ["Night leg cramps (no clear cause)", "Low potassium (hypokalaemia)"],
    ),
    (
        Query(symptoms=("twitching at rest",), areas=("whole body",)),
        [r"antidepressant, tramadol or MDMA", r"cutting down heavy drinking", r"\bfit\b"],
        ["Benign fasciculations (harmless muscle twitches)", "Serotonin syndrome"],
    ),
    (
        Query(symptoms=("muscle spasms",), areas=("feet and toes",)),
        [r"stiff jaw", r"thyroid surgery", r"antipsychotic or metoclopramide"],
        ["Tetanus", "Low calcium (hypoparathyroidism)", "Night leg cramps (no clear cause)"],
    ),
    (
        Query(symptoms=("muscle weakness",), areas=("thighs",)),
        [r"cannot move your legs", r"missing dialysis", r"back pain.*cancer", r"weakness or numbness.*cancer"],
        ["Stroke", "High potassium (hyperkalaemia)", "Spinal cord compression from cancer"],
    ),
    (
        Query(symptoms=("cramps at night",), risks=("pregnancy or recent birth",)),
        [r"when pregnant or after the birth", r"any fit \(seizure\) while pregnant"],
        ["Pregnancy", "Night leg cramps (no clear cause)"],
    ),
]


@pytest.mark.parametrize(("query", "patterns", "causes"), FIVE_PICKS, ids=[q.describe() for q, _, _ in FIVE_PICKS])
def test_the_reviews_five_picks_ask_what_a_clinician_would(query, patterns, causes):
    signs = asked(query)
    check_safety_net(signs, ALWAYS)
    for pattern in patterns:
        assert any(re.search(pattern, s.sign, re.I) for s in signs), pattern
    found = {TABLE.record(int(p))["cause"] for p in run_query(TABLE, query).positions}
    assert set(causes) <= found, set(causes) - found


def test_a_pregnant_woman_is_sent_to_her_midwife_first():
    signs = [s for s in asked(FIVE_PICKS[4][0]) if s.sign.startswith("When pregnant")]
    assert len(signs) == 2  # the headache, sight and swelling; the pain below the ribs
    assert all(s.level == "urgent" and s.contact == "your midwife or maternity unit" for s in signs)


def test_spasms_in_the_calves_find_the_calf_causes_a_clinician_would_name():
    # The second review: "muscle spasms + calves" found nothing. A cramp is a kind of spasm,
    # and the calves are part of the leg: the ordinary calf cramps come first, as close matches.
    result = run_query(TABLE, Query(symptoms=("muscle spasms",), areas=("calves",)))
    names = [TABLE.record(int(p))["cause"] for p in result.positions]
    for common in ("Night leg cramps (no clear cause)", "Overexertion (hard or unfamiliar exercise)", "Pregnancy"):
        assert common in names[: len(names) // 2], (common, names.index(common), len(names))
    assert result.steps is not None and result.steps[names.index("Night leg cramps (no clear cause)")] == 0


def _without_commonness():
    """The bundled table as it would be without its commonness column (the order before
    issue 27: the most urgent first among causes that fit as well)."""
    import csv
    import io

    from causes.content import GLOSSARY_FILE, Glossary

    rows = list(csv.DictReader(io.StringIO(BUNDLED_TABLE.read_text(encoding="utf-8"))))
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=[c for c in rows[0] if c not in ("commonness", "commonness_source")])
    writer.writeheader()
    writer.writerows({k: v for k, v in r.items() if k in writer.fieldnames} for r in rows)
    glossary = Glossary.load(BUNDLED_TABLE.parent / GLOSSARY_FILE)
    return load_cause_table(buf.getvalue().encode("utf-8"), glossary=glossary)


def test_common_things_first_takes_no_serious_question_out_of_the_check():
    """The list puts common causes first; the warning-sign check still asks at once every
    sign it asked when the most urgent came first (the clinical read of issue 27 found 16
    emergency questions had dropped out): for every symptom, and every symptom in every
    body area."""
    plain = _without_commonness()
    picks = [Query(symptoms=(s,)) for s in SYMPTOMS]
    picks += [Query(symptoms=(s,), areas=(a,)) for s in SYMPTOMS for a in AREAS]
    for query in picks:
        asked = []
        for table in (TABLE, plain):
            result = run_query(table, query)
            if not len(result):
                break
            first, _ = asked_first(signs_to_ask(table, result, FLAGS, query))
            asked.append({s.sign for s in first if s.level in ("emergency", "urgent")})
        if len(asked) == 2:
            assert asked[0] == asked[1], (query.describe(), asked[1] - asked[0])
