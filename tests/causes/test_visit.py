"""causes/visit.py: the visit summary: what it says, in what order, and that nothing in it
can run (hostile table text and typed text stay inert)."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import pytest

from causes import Query, run_query
from causes.check import Answer
from causes.style import help_for
from causes.text import md_escape
from causes.visit import CAUSES_TO_ASK, NOTE_MAX_CHARS, QUESTIONS, Notes, summary_html, summary_markdown, visit_summary
from tests.causes.tables import table_from_rows

DAY = date(2026, 3, 14)
HELP = help_for("en-GB")
COLUMNS = ["cause", "category", "symptoms", "body_areas", "summary", "urgency", "commonness", "tests", "source_url"]
TABLE = table_from_rows(
    COLUMNS,
    [
        ["Night cramps", "Benign", "cramps; night", "calves", "N.", "self-care", "common", "usually none: a talk", ""],
        ["Low salts", "Nutrition", "cramps; twitching", "calves", "L.", "see a doctor", "less common",
         "a blood test for potassium; an ECG", "https://example.org/salts"],
        ["Statin", "Medicines", "cramps; weakness", "thighs", "S.", "see a doctor", "not known",
         "a blood test for CK", ""],
        ["Clot", "Look-alike", "pain; swelling", "calves", "C.", "urgent", "not known", "an ultrasound scan", ""],
        ["Rare one", "Nerves", "cramps; wasting", "calves", "R.", "see a doctor", "rare", "an EMG", ""],
    ],
)  # fmt: skip
HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>[link](javascript:alert(3))"


def summary(query: Query | None = None, answers=(), notes: Notes | None = None, causes=None):
    query = Query(symptoms=("cramps",)) if query is None else query
    notes = Notes() if notes is None else notes
    return visit_summary(TABLE, query, run_query(TABLE, query), answers, notes, HELP, DAY, causes=causes)


def test_what_i_noticed_holds_the_view_and_what_was_typed():
    s = summary(
        Query(symptoms=("cramps",), areas=("calves",), risks=(), text="statin"),
        notes=Notes(since="  since\nMarch ", medicines="a water tablet"),
    )
    assert s.noticed == (
        ("What I notice", "cramps"),
        ("Where", "the calves"),
        ("I looked for", '"statin"'),
        ("Since", "since March"),
        ("Medicines I take", "a water tablet"),
    )


def test_a_typed_answer_is_one_line_of_at_most_the_limit():
    s = summary(notes=Notes(how_often="x" * 500))
    assert dict(s.noticed)["How often"] == "x" * NOTE_MAX_CHARS


def test_the_causes_to_ask_about_are_the_first_of_the_list_with_why_what_tells_them_apart_and_tests():
    query = Query(symptoms=("cramps",), without=("weakness",))
    s = summary(query)
    ranked = [TABLE.record(int(p))["cause"] for p in run_query(TABLE, query).positions]
    assert [c.name for c in s.causes] == ranked[:CAUSES_TO_ASK]
    assert s.shown == len(ranked) == 4
    first = s.causes[0]
    assert (first.name, first.level, first.common) == ("Night cramps", "Self-care", "Common cause")
    assert first.why == "has cramps."
    assert first.apart and "Night cramps" in first.apart
    statin = next(c for c in s.causes if c.name == "Statin")
    assert statin.why == "has cramps; you said no to weakness, which it lists."
    assert statin.tests == ("a blood test for CK",) and statin.source_url is None
    assert s.without == ("weakness",)


def test_a_comparison_names_its_causes_in_its_order():
    picked = [TABLE.position_of("Clot"), TABLE.position_of("Statin")]
    s = summary(Query(), causes=picked)
    assert [c.name for c in s.causes] == ["Clot", "Statin"] and s.shown == 2


CRAMPS, NIGHT = Query(symptoms=("cramps",)), Query(symptoms=("night",))
CLOT = (Answer("A hot swollen leg", "urgent", "this can be a clot"),)
SAID = 'I said yes to "A hot swollen leg": what should I do, and how soon?'
BACK = "What should make me come back sooner, or get help straight away?"
STATIN = "I take a statin. Could a medicine I take be causing this, and should anything change?"


@pytest.mark.parametrize(
    ("query", "answers", "notes", "causes", "expected"),
    [
        (
            CRAMPS,
            (),
            Notes(),
            None,
            (
                "Could this be Night cramps or Low salts? What would tell them apart?",
                "Do I need any tests, such as a blood test for potassium?",  # Night cramps': "usually none"
                BACK,
            ),
        ),
        (
            CRAMPS,
            CLOT,
            Notes(),
            None,
            (SAID, "Could this be Night cramps or Low salts? What would tell them apart?",
             "Do I need any tests, such as a blood test for potassium?", BACK),
        ),
        (NIGHT, (), Notes(medicines="a statin"), None,
         ("Could this be Night cramps, or something else?", "Do I need any tests?", STATIN, BACK)),
        # five would be asked: "could this be" goes first, and coming back sooner stays
        (NIGHT, CLOT, Notes(medicines="a statin"), None, (SAID, "Do I need any tests?", STATIN, BACK)),
        (Query(), (), Notes(), ["Statin"],
         ("Could this be Statin, or something else?", "Do I need any tests, such as a blood test for CK?", BACK)),
    ],
)  # fmt: skip
def test_three_or_four_questions_to_ask(query, answers, notes, causes, expected):
    picked = None if causes is None else [TABLE.position_of(n) for n in causes]
    s = summary(query, answers=answers, notes=notes, causes=picked)
    assert s.questions == expected
    assert 3 <= len(s.questions) <= QUESTIONS


def test_an_emergency_is_never_a_cause_to_ask_about_and_an_urgent_one_that_fits_comes_first():
    tbl = table_from_rows(
        COLUMNS,
        [
            ["Stroke", "Brain", "weakness on one side; swelling", "legs", "S.", "emergency", "not known",
             "an urgent brain scan in hospital", ""],
            ["Sprain", "Injury", "swelling", "legs", "P.", "self-care", "common", "usually none: a look", ""],
            ["Clot", "Look-alike", "swelling", "legs", "C.", "urgent", "not known", "tests the same day: a scan", ""],
            ["Kidneys", "Organs", "swelling", "legs", "K.", "see a doctor", "not known", "a blood test of kidneys", ""],
        ],
    )  # fmt: skip
    query = Query(symptoms=("swelling",))
    s = visit_summary(tbl, query, run_query(tbl, query), (), Notes(), HELP, DAY)
    assert [c.name for c in s.causes] == ["Clot", "Sprain", "Kidneys"]  # the clot first; never the stroke
    assert s.now.startswith("If it could be Stroke, do not wait for an appointment.") and "999" in s.now
    assert not any("Stroke" in q or "brain scan" in q for q in s.questions)
    assert "same day" not in " ".join(s.questions)  # an urgent cause's tests are not asked about
    md, page = summary_markdown(s, md_escape).replace("\\", ""), summary_html(s)
    assert md.index("do not wait") < md.index("What I noticed") and page.index("do not wait") < page.index(
        "What I noticed"
    )


def test_warning_signs_come_first_with_what_to_do():
    s = summary(answers=[Answer("A hot swollen leg", "urgent", "this can be a clot")])
    ((title, action, reasons),) = s.signs
    assert title == "Urgent" and "111" in action and "Today" in action
    assert reasons == ("You said: A hot swollen leg. Why: this can be a clot.",)
    md, page = summary_markdown(s, md_escape), summary_html(s)
    assert md.index("Warning signs I said yes to") < md.index("What I noticed")
    assert page.index("Warning signs I said yes to") < page.index("What I noticed")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_hostile_text_from_the_table_and_from_the_person_stays_inert():
    hostile = table_from_rows(
        COLUMNS,
        [
            [HOSTILE, "A", "cramps", "calves", "S.", "self-care", "common", HOSTILE.replace(";", ","), ""],
            ["Other", "A", "cramps; " + HOSTILE, "calves", "S.", "self-care", "rare", "a test", ""],
        ],
    )
    query = Query(symptoms=("cramps",))
    s = visit_summary(
        hostile, query, run_query(hostile, query), [Answer(HOSTILE, "urgent", HOSTILE)],
        Notes(HOSTILE, HOSTILE, HOSTILE, HOSTILE), HELP, DAY,
    )  # fmt: skip
    page = summary_html(s)
    parser = _Tags()
    parser.feed(page)
    tags = {t for t, _ in parser.tags}
    assert tags <= {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "strong", "section",
                    "div", "ul", "ol", "li", "dl", "dt", "dd", "span", "a"}  # fmt: skip
    assert all(not k.startswith("on") for _, attrs in parser.tags for k in attrs)
    assert all(a.get("href", "https://").startswith("https://") for t, a in parser.tags if t == "a")
    assert "<script" not in page and "&lt;script&gt;" in page
    assert "default-src 'none'" in page  # nothing loads or runs, even if something slipped through
    md = summary_markdown(s, md_escape)
    assert "<script>" not in md and "](javascript" not in md


def test_the_summary_says_education_not_diagnosis_and_the_date():
    for text in (summary_html(summary()), summary_markdown(summary(), md_escape).replace("\\", "")):
        assert "Education, not diagnosis." in text and "14 March 2026" in text
    assert re.search(r"<html lang=\"en\">", summary_html(summary()))
