"""The Explore page, run whole through app.py in Streamlit's AppTest."""

from __future__ import annotations

import re
from datetime import date

import pytest

from causes import Query, count_line, load_cause_table, run_query
from causes.config import BUNDLED_TABLE
from causes.nearest import nearest_views
from causes.redflags import load_red_flags
from causes.text import md_escape
from pages.ui.cards import PAGE_SIZE
from tests.pages.conftest import count_line as shown_count
from tests.pages.conftest import ours, questions, say_yes, texts


def expected(table, **query) -> str:
    return count_line(run_query(table, Query(**query)))


def card_titles(at) -> list[str]:
    """The title line of each cause card (a card's text is one markdown element)."""
    return [
        m.value.split("\n", 1)[0].replace("\\", "").removeprefix("#### ")
        for m in at.markdown
        if m.value.startswith("#### ")
    ]


def test_every_page_says_education_not_diagnosis_and_when_to_see_a_doctor(app):
    at = app()
    page = "\n".join(texts(at))
    assert "Education, not diagnosis" in page
    assert "When to get help" in page
    assert "Cramps that last longer than 10 minutes" in page


def test_opens_with_every_cause(app, bundled):
    at = app()
    assert shown_count(at) == f"{len(bundled)} of {len(bundled)} causes match"
    assert len(card_titles(at)) == min(PAGE_SIZE, len(bundled))


@pytest.mark.parametrize(
    ("params", "query"),
    [
        ({"symptom": "twitching at rest"}, dict(symptoms=("twitching at rest",))),
        (
            {"symptom": ["twitching at rest", "muscle cramps"], "match": "all"},
            dict(symptoms=("twitching at rest", "muscle cramps"), match="all"),
        ),
        ({"symptom": "twitching at rest", "area": "calves"}, dict(symptoms=("twitching at rest",), areas=("calves",))),
        ({"risk": "statin use"}, dict(risks=("statin use",))),
        ({"category": "Nervous system"}, dict(categories=("Nervous system",))),
        ({"urgency": ["urgent", "see a doctor"]}, dict(urgencies=("urgent", "see a doctor"))),
        ({"q": "water tablets"}, dict(text="water tablets")),
    ],
)
def test_url_parameters_set_the_filters_and_the_count(app, bundled, params, query):
    at = app(params)
    assert shown_count(at) == expected(bundled, **query)
    assert shown_count(at) != expected(bundled)  # the filter really narrowed the list
    q = Query(**query)
    assert at.multiselect(key="symptom").value == list(q.symptoms)
    assert at.multiselect(key="area").value == list(q.areas)
    assert at.text_input(key="q").value == q.text


def test_url_values_are_matched_ignoring_case(app, bundled):
    at = app({"symptom": "Twitching At Rest", "area": "CALVES"})
    assert at.multiselect(key="symptom").value == ["twitching at rest"]
    assert at.multiselect(key="area").value == ["calves"]
    assert shown_count(at) == expected(bundled, symptoms=("twitching at rest",), areas=("calves",))


def test_unknown_url_values_are_dropped_with_a_notice(app, bundled):
    at = app({"symptom": ["twitching at rest", "hiccups"], "area": "elbow"})
    notices = " ".join(w.value.replace("\\", "") for w in at.warning)
    assert 'no symptom "hiccups"' in notices
    assert 'no body area "elbow"' in notices
    assert shown_count(at) == expected(bundled, symptoms=("twitching at rest",))


def test_choosing_a_symptom_changes_the_count_and_the_ranking(app, bundled):
    at = app()
    before = shown_count(at)
    at.multiselect(key="symptom").select("twitching at rest").run()
    assert shown_count(at) == expected(bundled, symptoms=("twitching at rest",))
    assert shown_count(at) != before
    assert at.query_params["symptom"] in ("twitching at rest", ["twitching at rest"])  # the link follows
    at.segmented_control(key="match").set_value("all").run()
    assert at.query_params["match"] in ("all", ["all"])
    at.segmented_control(key="match").set_value("any").run()
    assert "match" not in at.query_params
    ranked = run_query(bundled, Query(symptoms=("twitching at rest",)))
    want = [f"{i}. {bundled.record(int(p))['cause']}" for i, p in enumerate(ranked.positions[:PAGE_SIZE], start=1)]
    assert card_titles(at) == want


def test_options_show_counts_among_current_matches(app, bundled):
    at = app({"symptom": "twitching at rest"})
    area = at.multiselect(key="area")
    calves = run_query(bundled, Query(symptoms=("twitching at rest",), areas=("calves",)))
    labels = area.options
    assert f"calves ({len(calves)})" in labels


NO_MATCH = Query(symptoms=("bruising",), areas=("face and eyelids",))


def test_no_match_is_no_dead_end_it_offers_the_nearest_views_and_the_check(app, bundled):
    assert not len(run_query(bundled, NO_MATCH))
    at = app(NO_MATCH.to_params())
    assert shown_count(at).startswith("0 of")
    page = "\n".join(texts(at))
    assert "No cause in this table is listed with bruising, in the face and eyelids." in page
    assert "Book an appointment with a doctor if:" in page  # when to see a doctor, whatever the cause
    assert check_panel(at)  # the always-asked questions stand, though nothing matches
    near = nearest_views(bundled, NO_MATCH)
    offered = [b for b in at.button if b.key and b.key.startswith("page-near-")]
    assert [b.label for b in offered] == [md_escape(n.label()) for n in near] and near
    offered[0].click().run()  # one tap to a view that shows causes
    assert shown_count(at) == count_line(run_query(bundled, near[0].query))
    assert len(run_query(bundled, near[0].query)) > 0


def test_clearing_brings_everything_back(app, bundled):
    at = app(NO_MATCH.to_params())
    at.button[[b.label for b in at.button].index("Clear all filters")].click().run()
    assert shown_count(at) == f"{len(bundled)} of {len(bundled)} causes match"
    assert at.multiselect(key="symptom").value == []


def test_cause_parameter_opens_its_explanation(app, bundled):
    name = next(n for n in bundled.frame["cause"] if n.startswith("Benign fasciculations"))
    at = app({"cause": f"  {name.upper()} ", "symptom": "twitching at rest"})  # any case, stray spaces
    record = bundled.record(bundled.position_of(name))
    page = "\n".join(texts(at))
    first_paragraph = record["explanation"].split("\n\n")[0]
    assert first_paragraph in page
    assert ":blue-badge[:material/check_circle: twitching at rest]" in page  # the chosen symptom is ticked
    assert [b.url for b in at.get("link_button")] == [record["source_url"]]


def test_read_more_puts_the_cause_in_the_url(app, bundled):
    at = app({"symptom": "twitching at rest"})
    first = run_query(bundled, Query(symptoms=("twitching at rest",))).positions[0]
    at.button(key=f"open-{first}").click().run()
    assert at.query_params["cause"] == bundled.record(int(first))["cause"]


def test_unknown_cause_parameter_gives_a_notice(app):
    at = app({"cause": "Hiccups"})
    assert any('no cause called "Hiccups"' in w.value.replace("\\", "") for w in at.warning)


def test_invalid_table_shows_the_loaders_messages_and_falls_back(app, bundled, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "cause,category,symptoms,body_areas,summary,urgency\n"
        "Cramp,Lifestyle,cramps,calves,A cramp.,soon\n"
        "cramp ,Lifestyle,,calves,Again.,urgent\n",
        encoding="utf-8",
    )
    at = app(data=bad)
    errors = " ".join(e.value.replace("\\", "") for e in at.error)
    assert 'row 2, urgency: "soon" is not one of self-care, see a doctor, urgent, emergency' in errors
    assert "row 3, symptoms: the list is empty" in errors
    assert shown_count(at) == f"{len(bundled)} of {len(bundled)} causes match"


def test_another_table_is_served_with_its_own_options(app, hiccups):
    at = app({"symptom": "bloating"}, data=hiccups)
    assert shown_count(at) == "1 of 2 causes matches"
    assert set(at.multiselect(key="symptom").options) == {"hiccups (1)", "bloating (1)"}


def test_hostile_text_is_shown_inert(app, tmp_path):
    hostile = tmp_path / "hostile.csv"
    hostile.write_text(
        "cause,category,symptoms,body_areas,summary,explanation\n"
        '"<script>alert(1)</script>",":red[Loud]","![x](http://example.com/x.png)",calves,'
        '"[click](javascript:alert(1)) $x^2$","<img src=x onerror=alert(1)>"\n',
        encoding="utf-8",
    )
    at = app({"cause": "<script>alert(1)</script>"}, data=hostile)
    markdown = [m.value for m in at.markdown] + [c.value for c in at.caption]
    markdown = [m for m in markdown if not ours(m)]  # our own red-flag links
    joined = "\n".join(markdown)
    # Nothing markdown or HTML could act on is left unescaped ...
    for live in (r"<script", r"<img", r"!\[x\]", r"\]\(javascript:", r"\]\(http", r":red\[", r"\$x"):
        assert not re.search(r"(?<!\\)" + live, joined), live
    # ... and the text is still there, shown as written.
    assert r"\<script\>alert\(1\)\</script\>" in joined
    assert r"\!\[x\]\(http\://example\.com/x\.png\)" in joined


def test_bundled_table_loads_through_the_page(bundled):
    assert load_cause_table(bundled_path()).digest == bundled.digest


def bundled_path():
    from causes.config import BUNDLED_TABLE

    return BUNDLED_TABLE


def test_usually_harmless_causes_are_named_first(app, bundled):
    from causes.query import self_care_among_best

    query = Query(symptoms=("twitching at rest",), areas=("calves",))
    gentle, _ = self_care_among_best(bundled, run_query(bundled, query))
    assert len(gentle) >= 2  # benign twitches, stress, tiredness ...
    at = app({"symptom": "twitching at rest", "area": "calves"})
    buttons = [b.label.replace("\\", "") for b in at.button if (b.key or "").startswith("gentle-")]
    assert buttons == [bundled.record(int(p))["cause"] for p in gentle]
    assert any("Often harmless" in t for t in texts(at))


def test_a_search_shows_the_claims_checked(app):
    at = app({"q": "blood thinners"})
    page = "\n".join(texts(at))
    assert "Claims we checked that mention this" in page
    assert "Anticoagulants (blood thinners)" in page


def test_each_term_shows_its_glossary_definition(app, bundled):
    from causes.config import BUNDLED_TABLE
    from causes.content import GLOSSARY_FILE, Glossary

    glossary = Glossary.load(BUNDLED_TABLE.parent / GLOSSARY_FILE)
    name = bundled.record(0)["cause"]
    at = app({"cause": name})
    helps = {m.value: m.help for m in at.markdown if m.value.startswith(":gray-badge[") and m.help}
    first_symptom = bundled.record(0)["symptoms"][0]
    assert helps[f":gray-badge[{first_symptom}]"].replace("\\", "") == glossary.define(first_symptom)


def test_the_view_downloads_as_csv_and_as_a_handout(app, bundled, monkeypatch):
    import streamlit

    from causes.export import to_csv

    # The page hands the buttons callables (made on click), so the file names and the
    # files are read from the calls the page makes.
    calls: dict[str, tuple[object, dict]] = {}
    real = streamlit.download_button

    def recording(label, data, **kwargs):
        calls[label] = (data, kwargs)
        return real(label, data, **kwargs)

    monkeypatch.setattr(streamlit, "download_button", recording)
    at = app({"symptom": "twitching at rest", "area": "calves"})
    csv_label, html_label = "Download these causes (CSV)", "Download a handout (HTML, print to PDF)"
    assert [b.label for b in at.download_button] == [csv_label, html_label]
    today = date.today().isoformat()
    (csv_data, csv_kw), (html_data, html_kw) = calls[csv_label], calls[html_label]
    assert csv_kw["file_name"] == f"cause-atlas_calves-twitching-at-rest_{today}.csv"
    assert html_kw["file_name"] == f"cause-atlas_calves-twitching-at-rest_handout_{today}.html"
    assert (csv_kw["mime"], html_kw["mime"]) == ("text/csv", "text/html")
    assert csv_kw["on_click"] == html_kw["on_click"] == "ignore"
    assert csv_kw["icon"] and html_kw["icon"]
    # Each file holds just this view's causes.
    query = Query(symptoms=("twitching at rest",), areas=("calves",))
    positions = run_query(bundled, query).positions
    assert csv_data() == to_csv(bundled, positions)
    handout = html_data()
    assert "Causes with twitching at rest, in the calves" in handout
    assert handout.count('<section class="cause">') == len(positions)
    assert all(bundled.record(int(p))["cause"] in handout for p in positions)


def test_a_table_loaded_for_every_session_is_set_aside_from_garbage_collection(app):
    """A full garbage collection walked the modules and the table in the middle of a
    person's rerun (120-165 ms); loading a shared table freezes what is loaded."""
    import gc

    from pages.ui.source import _load

    _load.clear()
    before = gc.get_freeze_count()
    at = app()
    assert shown_count(at)
    assert gc.get_freeze_count() > before


# --- the warning-sign check --------------------------------------------------------------------

CHOICE = {"symptom": "muscle cramps", "area": "calves"}


def check_panel(at):
    return [e for e in at.expander if e.label.startswith(("Before the causes", "Warning signs:"))]


def in_order(node) -> list[str]:
    """The page's texts in the order shown (a depth-first walk of the element tree)."""
    children = getattr(node, "children", None)
    if children is None:
        value = getattr(node, "value", None)
        return [value.replace("\\", "")] if isinstance(value, str) else []
    return [v for key in sorted(children) for v in in_order(children[key])]


def clot_sign(bundled):
    from causes.check import signs_to_ask
    from causes.config import BUNDLED_TABLE
    from causes.redflags import load_red_flags

    query = Query(symptoms=("muscle cramps",), areas=("calves",))
    signs = signs_to_ask(
        bundled, run_query(bundled, query), load_red_flags(BUNDLED_TABLE.parent / "red_flags.csv"), query
    )
    return next(s for s in signs if s.level == "urgent" and "one leg" in s.sign.casefold())


def test_the_check_asks_once_anything_is_chosen_the_always_asked_set_first(app):
    assert check_panel(app()) == []
    always = [f.sign for f in load_red_flags(BUNDLED_TABLE.parent / "red_flags.csv") if f.always]
    for params in (CHOICE, {"q": "statin"}, {"area": "calves"}, {"risk": "smoking"}, NO_MATCH.to_params()):
        at = app(params)
        (panel,) = check_panel(at)
        assert panel.label == "Before the causes: do any of these apply to you?"
        asked = [md_escape(s) for s in always]
        assert questions(at)[: len(always)] == asked, params


def test_a_yes_puts_its_action_first_on_this_page_and_the_next_until_cleared(app, bundled, monkeypatch):
    monkeypatch.setenv("CAUSE_ATLAS_LOCALE", "en-GB")  # a deployment that fixes the UK's numbers
    clot = clot_sign(bundled)
    at = app(CHOICE)
    assert not at.error
    say_yes(at, clot).run()
    card = at.error[0].value.replace("\\", "")  # the first element on the page, above the disclaimer
    assert card.startswith("**Urgent. Get help today: ask for an urgent GP appointment, or call 111.**")
    assert f"You said: {clot.sign}. Why: {clot.why}." in card
    shown = in_order(at.main)
    first_card = next(i for i, v in enumerate(shown) if v.startswith("**Urgent."))
    assert first_card < next(i for i, v in enumerate(shown) if "Education, not diagnosis" in v)
    # The answer is health data: never in the link.
    assert sorted(at.query_params) == ["area", "lang", "symptom"]  # the language, never an answer
    # The next page shows it first too.
    at.switch_page("pages/overview.py").run()
    assert at.error and at.error[0].value.replace("\\", "").startswith("**Urgent. Get help today")
    at.button(key="clear-answers").click().run()
    assert not at.error


def test_none_of_these_folds_the_check_and_the_causes_stay(app, bundled):
    at = app(CHOICE)
    at.button(key="none-of-these").click().run()
    (panel,) = check_panel(at)
    assert panel.label == "Warning signs: you said none of these apply. Open to check again."
    assert shown_count(at) == expected(bundled, symptoms=("muscle cramps",), areas=("calves",))
