"""The app in Spanish: every page reads in Spanish, with no English word of the interface
left (every message of the catalog is looked for on every page); the same link with
`lang=en` reads in English; a link's terms keep their identity across languages."""

from __future__ import annotations

import re

import pytest
from google.protobuf.json_format import MessageToDict

from causes import i18n
from causes.check import answer_of
from causes.config import BUNDLED_TABLE
from causes.export import not_diagnosis
from causes.loader import load_cause_table
from causes.translation import edition_path, pair
from tests.support.bundled import bundled_table
from tests.support.catalog import english_messages

CODE_FIELDS = {"js", "css", "jscontent", "csscontent", "html"}

# Each page, with a view that fills it: a pick on Explore, the Body map and Overview, causes
# compared, a deck on Present.
PAGES: dict[str, dict[str, str | list[str]]] = {
    "pages/explore.py": {"symptom": ["muscle cramps"], "area": ["calves"]},
    "pages/overview.py": {"symptom": ["muscle cramps"]},
    "pages/body.py": {"symptom": ["muscle cramps"]},
    "pages/compare.py": {"compare": ["Dehydration", "Low potassium (hypokalaemia)"]},
    "pages/visit.py": {"symptom": ["muscle cramps"], "area": ["calves"]},
    "pages/present.py": {"symptom": ["muscle cramps"], "slide": "2"},
    "pages/room.py": {},
    "pages/data.py": {},
    "pages/glossary.py": {},
    "pages/about.py": {},
}


def shown_text(at) -> str:
    """Every string of every element on the page: bodies, labels, help texts, options."""
    out: list[str] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            out.extend(_strings(MessageToDict(proto)))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return "\n".join(out).replace("\\", "")


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):  # a component's script and styles are code, not words shown
        return [s for k, v in value.items() if k.casefold() not in CODE_FIELDS for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_reads_in_spanish_without_an_english_sentence_of_the_interface(app, page) -> None:
    at = app({**PAGES[page], "lang": "es"}, page=page)
    text = shown_text(at)
    left = [m for m in english_messages() if m in text]
    assert not left, f"{page} shows English in Spanish: {left[:8]}"
    with i18n.using("es"):
        assert not_diagnosis() in text  # the strip on every page, in Spanish


@pytest.mark.parametrize("page", ["pages/explore.py", "pages/about.py"])
def test_the_same_link_with_lang_en_reads_in_english(app, page) -> None:
    at = app({**PAGES[page], "lang": "en"}, page=page)
    text = shown_text(at)
    with i18n.using("es"):
        spanish = not_diagnosis()
    assert not_diagnosis() in text and spanish not in text


def test_a_link_with_english_terms_opens_the_same_view_in_spanish(app) -> None:
    at = app({"symptom": ["muscle cramps"], "area": ["calves"], "lang": "es"})
    chosen = {w.key: list(w.value) for w in at.multiselect if w.key in ("symptom", "area")}
    assert chosen == {"symptom": ["calambres musculares"], "area": ["pantorrillas"]}


def test_spanish_terms_in_a_link_open_the_same_view_in_english(app) -> None:
    at = app({"symptom": ["calambres musculares"], "area": ["pantorrillas"], "lang": "en"})
    chosen = {w.key: list(w.value) for w in at.multiselect if w.key in ("symptom", "area")}
    assert chosen == {"symptom": ["muscle cramps"], "area": ["calves"]}


def test_an_unknown_language_falls_back_to_english_and_says_so_once(app) -> None:
    at = app({"lang": "fr"})
    assert any("fr" in t.value and "English" in t.value for t in at.toast)
    assert at.query_params["lang"] in ("en", ["en"])
    at.run()
    assert not at.toast


def test_the_switch_carries_what_was_chosen_into_the_other_language(app) -> None:
    at = app({"symptom": ["muscle cramps"], "lang": "en"})
    at.button(key="lang-es").click().run()
    assert not at.exception
    chosen = {w.key: list(w.value) for w in at.multiselect if w.key == "symptom"}
    assert chosen == {"symptom": ["calambres musculares"]}
    assert at.query_params["lang"] in ("es", ["es"])
    at.button(key="lang-en").click().run()
    assert {w.key: list(w.value) for w in at.multiselect if w.key == "symptom"} == {"symptom": ["muscle cramps"]}


@pytest.mark.parametrize("tab", ["Treemap", "Symptom matrix"])
def test_the_switch_keeps_the_overviews_open_chart(app, tab: str) -> None:
    from pages.ui.state import OVERVIEW_TAB

    at = app({"lang": "en"}, page="pages/overview.py")
    at.session_state[OVERVIEW_TAB] = tab
    at.run()
    at.button(key="lang-es").click().run()
    assert not at.exception
    with i18n.using("es"):
        assert at.session_state[OVERVIEW_TAB] == i18n._(tab) != tab
    at.button(key="lang-en").click().run()
    assert at.session_state[OVERVIEW_TAB] == tab


def test_the_body_maps_drawn_areas_are_the_spanish_editions_terms() -> None:
    from causes.bodymap import BODY_AREAS

    es = load_cause_table(edition_path(BUNDLED_TABLE, "es"))
    pairing = pair(bundled_table(), es)
    with i18n.using("es"):
        drawn = {area: i18n._(area) for area in BODY_AREAS}
    paired = {area: pairing.term("body_areas", area) for area in BODY_AREAS}
    assert len([a for a in paired if paired[a] is not None]) == len(BODY_AREAS)  # every drawn area is a term
    assert drawn == paired


def test_a_spanish_phone_sees_an_english_room_in_spanish_and_its_vote_counts_in_english(tmp_path, monkeypatch) -> None:
    from causes.config import ROOMS_VAR
    from causes.room import open_store
    from tests.pages.test_room import DECK, button, open_page

    rooms = tmp_path / "rooms.sqlite3"
    monkeypatch.setenv(ROOMS_VAR, str(rooms))
    pres = open_page("pages/present.py", deck=DECK, lang="en")
    button(pres, "Start a live room").click().run()
    code = pres.query_params["room"]
    phone = open_page("pages/room.py", room=code, lang="es")
    es = load_cause_table(edition_path(BUNDLED_TABLE, "es"))
    pairing = pair(bundled_table(), es)
    slides = int(re.search(r"Slide 1 of (\d+)", shown_text(pres)).group(1))
    with i18n.using("es"):
        # The presenter's deck, in the phone's words: its three causes, not the whole table.
        assert f"{i18n._('Slide {n} of {count}').format(n=1, count=slides)}" in shown_text(phone)
    button(pres, "Poll: which have you noticed?").click().run()
    phone.run()
    english = open_store(str(rooms), rooms.parent).room(code)
    poll = open_store(str(rooms), rooms.parent).poll(code, english.poll)
    pills = phone.pills[0]
    assert list(pills.options) == [pairing.term("symptoms", o) for o in poll.options]  # the phone's words
    pills.set_value([pills.options[0]]).run()
    with i18n.using("es"):
        button(phone, i18n._("Send my answer")).click().run()
    counts = open_store(str(rooms), rooms.parent).counts(code, english.poll)
    assert counts[poll.options[0]] == 1 and sum(counts.values()) == 1  # counted under the English option


def test_about_says_when_the_spanish_was_translated_and_that_no_native_clinician_has_read_it_yet(app) -> None:
    from causes.i18n import long_date
    from causes.translation import Edition

    edition = Edition.load(BUNDLED_TABLE.parent / "es")
    assert edition is not None and edition.translated_on is not None and not edition.reviewed_by
    at = app({"lang": "es"}, page="pages/about.py")
    with i18n.using("es"):
        said = i18n._(
            "This edition was translated from the English on {day}. It has not yet been read by a native "
            "clinical reviewer: where it and the English differ, the English is the one reviewed."
        ).format(day=long_date(edition.translated_on))
    assert said in shown_text(at)
    assert "Esta edición" not in shown_text(app({"lang": "en"}, page="pages/about.py"))  # the English is the original


def test_streamlits_own_words_are_put_in_the_languages(app) -> None:
    from pages.ui.chrome import streamlit_words

    with i18n.using("es"):
        words = [text for _, text in streamlit_words()]
    assert words == ["Subir", "50 MB por archivo • CSV, TSV, TXT", "Más"]
    # English too, so a tab switched back from Spanish gets its English again.
    assert [text for _, text in streamlit_words()] == ["Upload", "50 MB per file • CSV, TSV, TXT", "More"]


def test_a_language_changed_in_the_address_carries_the_filters_too(app) -> None:
    at = app({"symptom": ["muscle cramps"], "lang": "en"})
    at.query_params["lang"] = "es"  # the browser's back button, or an edited address
    at.run()
    assert not at.exception
    assert {w.key: list(w.value) for w in at.multiselect if w.key == "symptom"} == {"symptom": ["calambres musculares"]}


def test_a_table_in_another_language_shows_its_own_words_in_a_spanish_interface(app, hiccups) -> None:
    # A served table with no Spanish edition beside it: its words as written, the interface in Spanish.
    at = app({"symptom": ["hiccups"], "lang": "es"}, data=hiccups)
    text = shown_text(at)
    assert "Eating fast" in text and "hiccups" in text
    with i18n.using("es"):
        assert not_diagnosis() in text
    assert [m for m in english_messages() if m in text] == []


def _label(message: str) -> str:
    with i18n.using("es"):
        return i18n._(message)


def test_a_button_pressed_in_spanish_acts_in_spanish(app) -> None:
    # Streamlit runs a button's callback before the page, where nothing has set the language:
    # it must still speak the tab's (here: the bundled table in Spanish, not the English one).
    at = app({"lang": "es"}, page="pages/data.py")
    next(b for b in at.button if b.label == _label("Start from the bundled table")).click().run()
    assert not at.exception
    grid = at.data_editor[0].value
    es = load_cause_table(edition_path(BUNDLED_TABLE, "es"))
    assert set(grid["cause"]) == {es.record(i)["cause"] for i in range(len(es))}


def test_a_warning_sign_said_yes_to_is_said_again_in_the_other_language(app) -> None:
    from causes import Query, run_query
    from causes.check import signs_to_ask
    from causes.redflags import load_red_flags, with_safety_net
    from tests.pages.conftest import say_yes

    en = bundled_table()
    query = Query(symptoms=("muscle cramps",), areas=("calves",))
    flags = with_safety_net(load_red_flags(BUNDLED_TABLE.parent / "red_flags.csv"), ())
    clot = next(s for s in signs_to_ask(en, run_query(en, query), flags, query) if "DVT" in s.why)
    at = app({"symptom": ["muscle cramps"], "area": ["calves"], "lang": "en"})
    say_yes(at, clot).run()
    at.button(key="lang-es").click().run()
    assert not at.exception
    es_flags = load_red_flags(BUNDLED_TABLE.parent / "es" / "red_flags.csv")
    pairing = pair(en, load_cause_table(edition_path(BUNDLED_TABLE, "es")), flags, es_flags)
    _key, carried = pairing.answer(answer_of(clot))
    text = shown_text(at)
    assert carried.sign in text and carried.why in text  # still said yes to: its action, in Spanish
    assert clot.sign not in text and clot.why not in text


def test_compare_offers_its_example_in_spanish_too(app) -> None:
    from causes.compare import EXAMPLE

    at = app({"lang": "es"}, page="pages/compare.py")
    pairing = pair(bundled_table(), load_cause_table(edition_path(BUNDLED_TABLE, "es")))
    first, second = pairing.names(EXAMPLE)
    labels = [b.label.replace("\\", "") for b in at.button]  # markdown-escaped
    assert any(first in label and second in label for label in labels), labels
