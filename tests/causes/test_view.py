"""What a view is: one table of links in and views (and notices) out, the way back to a
link, the rule of kept-versus-URL, and the link the QR code carries."""

from __future__ import annotations

import subprocess
import sys
from urllib.parse import parse_qsl, urlencode

import pytest

from causes.query import Query
from causes.table import CauseTable
from causes.view import MAX_COMPARED, MAX_DECK, PARTS, View, app_root, key_of, resolve
from tests.causes.tables import table_from_rows

COLUMNS = ["cause", "category", "symptoms", "body_areas", "risk_factors", "summary", "urgency"]
ROWS = [
    ["Tired", "Lifestyle", "twitching; cramps at night", "calves", "stress", "S.", "self-care"],
    ["Tired twin", "Lifestyle", "twitching", "calves", "stress", "S.", "self-care"],
    ["Blood clot", "Look-alike", "cramps at night; swelling", "calves", "long flights", "S.", "urgent"],
    ["Nerve disease", "Nervous", "weakness", "thighs", "older age", "S.", "see a doctor"],
    ["Weak muscles", "Muscle", "weakness", "thighs", "older age", "S.", "see a doctor"],
    ["Motor neurone disease (ALS)", "Nervous", "weakness", "thighs", "older age", "S.", "see a doctor"],
]  # fmt: skip


@pytest.fixture(scope="module")
def table() -> CauseTable:
    return table_from_rows(COLUMNS, ROWS)


def params(link: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, value in parse_qsl(link, keep_blank_values=True):
        out.setdefault(key, []).append(value)
    return out


NO_HICCUPS = 'This table has no cause called "Hiccups", so it was left out.'
FIVE = "compare=Tired&compare=Tired twin&compare=Blood clot&compare=Nerve disease&compare=Weak muscles"

# A link (as the address bar holds it) -> the view it names, and the notices per part.
LINKS = [
    ("", View(), {}),
    ("symptom=Cramps at night&area=calves", View(Query(symptoms=("cramps at night",), areas=("calves",))), {}),
    ("symptom=cramps at night&symptom=cramps at night", View(Query(symptoms=("cramps at night",))), {}),
    ("symptom=hiccups&match=all&q= statin ", View(Query(match="all", text="statin")),
     {"query": ('This table has no symptom "hiccups", so it was left out.',)}),
    ("urgency=URGENT&category=nervous", View(Query(urgencies=("urgent",), categories=("Nervous",))), {}),
    ("match=sideways", View(), {}),
    # the opened cause: the table's spelling; an unknown one is said once
    ("cause=blood   CLOT", View(cause="Blood clot"), {}),
    ("cause=Hiccups", View(), {"cause": ('This table has no cause called "Hiccups".',)}),
    ("cause=&cause=Tired", View(cause="Tired"), {}),
    # compared causes: in the order given, repeats and blanks dropped quietly, capped at 4
    ("compare=Tired", View(compare=("Tired",)), {}),
    ("compare=  tired  &compare=TIRED TWIN&compare=tired&compare=", View(compare=("Tired", "Tired twin")), {}),
    ("compare=Nerve disease&compare=Tired", View(compare=("Nerve disease", "Tired")), {}),
    ("compare=Tired&compare=Hiccups&compare=hiccups ", View(compare=("Tired",)), {"compare": (NO_HICCUPS,)}),
    ("compare=Tired, Nerve disease", View(),
     {"compare": ('This table has no cause called "Tired, Nerve disease", so it was left out.',)}),
    (FIVE, View(compare=("Tired", "Tired twin", "Blood clot", "Nerve disease")),
     {"compare": (f"You can compare up to {MAX_COMPARED} causes at once, so only the first {MAX_COMPARED} are "
                  "shown; left out: Weak muscles.",)}),
    # a deck and its slide
    ("deck=blood clot&deck=Tired&slide=3", View(deck=("Blood clot", "Tired"), slide=3), {}),
    ("deck=Hiccups&deck=Tired", View(deck=("Tired",)),
     {"deck": ('This table has no cause called "Hiccups", so it was left out of the deck.',)}),
    ("slide=0", View(), {}),
    ("slide=-2", View(), {}),
    ("slide=two", View(), {}),
    ("slide=2.5", View(), {}),
    ("slide= 4 ", View(slide=4), {}),
    ("slide=99", View(slide=99), {}),  # clamped by the deck, which knows its length
    # a live room's code, as a person types it
    ("room=abc-234", View(room="ABC234"), {}),
    ("room=%20%20", View(), {}),
    # everything at once, and parameters no part owns are ignored
    ("symptom=weakness&cause=Tired&compare=Tired&compare=Blood clot&deck=Tired&slide=2&utm_source=x",
     View(Query(symptoms=("weakness",)), "Tired", ("Tired", "Blood clot"), ("Tired",), 2), {}),
]  # fmt: skip


@pytest.mark.parametrize(("link", "view", "notices"), LINKS, ids=[link or "(empty)" for link, _, _ in LINKS])
def test_a_link_names_a_view(table, link, view, notices):
    assert View.from_params(params(link), table) == (view, notices)


@pytest.mark.parametrize(("link", "view", "_"), LINKS, ids=[link or "(empty)" for link, _, _ in LINKS])
def test_a_view_round_trips_through_its_link(table, link, view, _):
    again, notices = View.from_params(view.to_params(), table)
    assert again == view and notices == {}
    assert View.from_params(params(urlencode(view.to_params(), doseq=True)), table)[0] == view


def test_a_deck_caps_at_its_size():
    rows = [[f"Cause {i:02}", "Cat", "cramps", "calves", "", "S.", "self-care"] for i in range(MAX_DECK + 3)]
    big = table_from_rows(COLUMNS, rows)
    view, notices = View.from_params({"deck": ["Nope", *big.frame["cause"]]}, big)
    assert len(view.deck) == MAX_DECK
    assert notices == {
        "deck": (
            'This table has no cause called "Nope", so it was left out of the deck.',
            f"A deck holds up to {MAX_DECK} causes, so only the first {MAX_DECK} are shown; 3 more were left out.",
        )
    }


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("query",), {"symptom": ["weakness"]}),
        (("compare",), {"compare": ["Tired", "Blood clot"]}),
        (("deck", "slide"), {"deck": ["Tired"], "slide": ["2"]}),
        (("query", "cause"), {"symptom": ["weakness"], "cause": ["Tired"]}),
        (("room",), {}),
        ((), {}),
    ],
)
def test_a_page_writes_only_its_parts(parts, expected):
    view = View(Query(symptoms=("weakness",)), "Tired", ("Tired", "Blood clot"), ("Tired",), 2)
    assert view.to_params(parts) == expected
    assert set(View().to_params(PARTS)) == {"slide"}  # slide 1 is what a deck page shows


def test_positions_and_names(table):
    view = View(compare=("Blood clot", "Tired"))
    assert view.positions(table, "compare") == (2, 0)
    assert view.with_names(table, "deck", [3, 1]).deck == ("Nerve disease", "Tired twin")


def test_a_kept_view_is_checked_against_another_table(table):
    other = table_from_rows(COLUMNS, ROWS[:2])
    kept = View(Query(symptoms=("cramps at night", "twitching")), "Blood clot", ("Tired", "Blood clot"))
    assert kept.restricted_to(other) == View(Query(symptoms=("cramps at night", "twitching")), None, ("Tired",))


CRAMPS = View(Query(symptoms=("cramps",)))
CHOSEN = View(Query(symptoms=("weakness",)), compare=("A", "B"), deck=("A",), slide=3)

# (URL now, kept, last written) -> the view shown, and which parts came from the URL.
RESOLVE = [
    # the session's first run: the link, whole
    (CRAMPS, None, None, CRAMPS, set(PARTS)),
    # a bare page (its URL names nothing): the person's choices are kept
    (View(), CHOSEN, CHOSEN, CHOSEN, {"cause"}),
    # the URL still says what the app wrote: kept
    (CHOSEN, CHOSEN, CHOSEN, CHOSEN, {"cause"}),
    # a link inside the app names other filters: they win, the rest is kept
    (CRAMPS, CHOSEN, CHOSEN, View(CRAMPS.query, compare=("A", "B"), deck=("A",), slide=3), {"cause", "query"}),
    # a link opens a cause: the choices stay; the cause comes and goes with the URL
    (View(cause="A"), CHOSEN, CHOSEN, View(CHOSEN.query, "A", ("A", "B"), ("A",), 3), {"cause"}),
    (View(), View(cause="A"), View(cause="A"), View(), {"cause"}),
    # another comparison and another slide by link
    (View(compare=("C", "D"), slide=5), CHOSEN, CHOSEN, View(CHOSEN.query, None, ("C", "D"), ("A",), 5),
     {"cause", "compare", "slide"}),
]  # fmt: skip


@pytest.mark.parametrize(("url", "kept", "written", "shown", "from_url"), RESOLVE)
def test_kept_versus_url(url, kept, written, shown, from_url):
    assert resolve(url, kept, written) == (shown, frozenset(from_url))


@pytest.mark.parametrize(
    ("view", "link"),
    [
        (View(), "http://h:1/"),
        (View(Query(symptoms=("cramps at night",), areas=("calves",))),
         "http://h:1/?symptom=cramps%20at%20night&area=calves"),
        (View(Query(text="a&b", match="all", symptoms=("x",))), "http://h:1/?symptom=x&q=a%26b&match=all"),
        (View(Query(symptoms=("ignored",)), deck=("Tired", "Motor neurone disease (ALS)"), slide=4),
         "http://h:1/present?deck=Tired&deck=Motor%20neurone%20disease%20%28ALS%29"),
    ],
)  # fmt: skip
def test_the_link_the_room_opens(view, link):
    assert view.link("http://h:1") == link


@pytest.mark.parametrize(
    ("url", "root"),
    [
        ("http://localhost:8501/present", "http://localhost:8501"),
        ("http://localhost:8501/present/", "http://localhost:8501"),
        ("https://atlas.example.org/talks/present", "https://atlas.example.org/talks"),
        ("http://localhost:8501/", "http://localhost:8501"),
        ("http://localhost:8501", "http://localhost:8501"),
    ],
)
def test_app_root(url, root):
    assert app_root(url) == root


def test_a_key_is_the_same_in_every_process():
    query = Query(symptoms=("cramps at night",), text="statin")
    code = "from causes.query import Query; from causes.view import key_of; "
    code += "print(key_of(Query(symptoms=('cramps at night',), text='statin')))"
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert other == key_of(query) != key_of(Query(symptoms=("cramps at night",)))
