"""The Present page, run whole through app.py in Streamlit's AppTest."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from causes.config import BUNDLED_TOPIC
from causes.deck import build_deck
from causes.redflags import cause_flags, load_red_flags
from causes.text import md_escape
from causes.view import View
from tests.pages.conftest import ours, texts
from tests.support.charts import charts

PAGE = "pages/present.py"
PICKED = ["Statins", "Dystonia", "Tetanus"]


@pytest.fixture
def present(app) -> Callable[..., AppTest]:
    return functools.partial(app, page=PAGE)


def page_text(at: AppTest) -> str:
    return "\n".join(texts(at))


def counter(at: AppTest) -> str:
    (line,) = [t for t in texts(at) if re.fullmatch(r"Slide \d+ of \d+", t)]
    return line


def button(at: AppTest, key: str):
    return at.button(key=key)


def picked_deck(bundled):
    from causes.config import BUNDLED_TABLE

    flags = load_red_flags(BUNDLED_TABLE.parent / "red_flags.csv")
    positions = View(deck=tuple(PICKED)).positions(bundled, "deck")
    return build_deck(bundled, topic=BUNDLED_TOPIC, today=dt.date.today(), picked=positions, flags=flags)


def test_a_deck_link_opens_on_its_slide_and_next_moves_on(present, bundled):
    deck = picked_deck(bundled)
    at = present({"deck": PICKED, "slide": "3"})
    assert counter(at) == f"Slide 3 of {len(deck)}"
    assert at.header[0].value == "Statins"  # slide 3: the first picked cause
    assert at.query_params["slide"] == "3"
    assert list(at.query_params["deck"]) == PICKED
    button(at, "present_next").click().run()
    assert counter(at) == f"Slide 4 of {len(deck)}"
    assert at.query_params["slide"] == "4"
    assert at.header[0].value == "Statins"  # its second slide: what helps
    assert "What helps" in page_text(at)
    button(at, "present_previous").click().run()
    button(at, "present_previous").click().run()
    assert at.query_params["slide"] == "2"
    assert counter(at) == f"Slide 2 of {len(deck)}"


def test_slide_two_of_m_then_next_writes_slide_three(present, bundled):
    deck = picked_deck(bundled)
    at = present({"deck": PICKED, "slide": "2"})
    assert counter(at) == f"Slide 2 of {len(deck)}"
    assert at.header[0].value == "The causes at a glance"
    (chart,) = charts(at)
    spec = chart.figure
    assert spec["layout"]["font"]["size"] >= 20
    assert sum(sum(t["x"]) for t in spec["data"]) == 3  # the three picked causes
    button(at, "present_next").click().run()
    assert at.query_params["slide"] == "3"
    assert counter(at) == f"Slide 3 of {len(deck)}"
    assert at.header[0].value == "Statins"


def test_the_title_slide_has_the_topic_the_education_line_and_the_qr_code(present):
    at = present({"symptom": "cramps at night", "area": "calves"})
    assert at.query_params["slide"] == "1"  # written back
    assert at.title[0].value == BUNDLED_TOPIC
    page = page_text(at)
    assert "Causes with cramps at night, in the calves" in page
    assert dt.date.today().strftime("%B %Y") in page
    assert page.count("Education, not diagnosis.") == 2  # the strip, and the slide's footer: once each
    (image,) = at.get("image")
    url = image.proto.imgs[0].url  # the QR code, served by this app itself, kept sharp (PNG)
    assert "/media/" in url and url.endswith(".png") and "://" not in url
    link = [t for t in texts(at) if "symptom=cramps" in t]
    assert link and link[0].endswith("/?symptom=cramps%20at%20night&area=calves")
    assert button(at, "present_previous").disabled
    assert not button(at, "present_next").disabled


def test_the_slide_number_is_clamped(present, bundled):
    deck = picked_deck(bundled)
    at = present({"deck": PICKED, "slide": "999"})
    assert counter(at) == f"Slide {len(deck)} of {len(deck)}"
    assert at.query_params["slide"] == str(len(deck))
    assert button(at, "present_next").disabled
    assert at.header[0].value.replace("\\", "").startswith(":material/menu_book: Sources")
    for bad in ("0", "abc", "-3"):
        at = present({"deck": PICKED, "slide": bad})
        assert counter(at) == f"Slide 1 of {len(deck)}"


def test_a_cause_slide_shows_what_matters(present, bundled):
    at = present({"deck": ["Tetanus"], "slide": "3"})
    record = bundled.record(bundled.position_of("Tetanus"))
    page = page_text(at)
    assert record["summary"] in page
    (chart,) = charts(at)  # the first of its three slides: the summary and the key symptoms
    for number in ("4", "5"):  # what helps; when to get help
        page += page_text(present({"deck": ["Tetanus"], "slide": number}))
    signs = [md_escape(f.sign) for f in cause_flags(record)[:3]]  # under their levels, most serious first
    for item in (*record["self_care"][:3], *signs):
        assert item in page
    for area in record["body_areas"]:
        assert area in page
    spec = chart.figure
    assert len(spec["data"][0]["x"]) == min(6, len(record["symptoms"]))
    assert spec["layout"]["font"]["size"] >= 20
    assert chart.alt.startswith(f"Bar chart: how many of the table's {len(bundled)} causes")


def test_the_doctor_slides_follow_the_causes(present, bundled):
    deck = picked_deck(bundled)
    first = next(i for i, s in enumerate(deck.slides, start=1) if s.kind == "doctor")
    at = present({"deck": PICKED, "slide": str(first)})
    assert "When to get help" in at.header[0].value
    # Most serious first, under the action (AppTest's browser has no locale: every number).
    assert (
        "Call your local emergency number (999 in the UK, 112 in Europe, 911 in the US) for an ambulance"
        in page_text(at)
    )


def test_unknown_names_are_dropped_with_a_notice(present):
    at = present({"deck": ["Hiccups", "Statins"]})
    notices = " ".join(w.value.replace("\\", "") for w in at.warning)
    assert 'This table has no cause called "Hiccups", so it was left out of the deck.' in notices
    assert list(at.query_params["deck"]) == ["Statins"] or at.query_params["deck"] == "Statins"
    assert at.multiselect(key="deck_causes").value == ["Statins"]


def test_building_a_deck_writes_it_to_the_url(present):
    at = present()
    assert "deck" not in at.query_params
    box = at.multiselect(key="deck_causes")
    assert box.proto.max_selections == 30
    box.select("Tetanus").select("Statins").run()
    assert list(at.query_params["deck"]) == ["Tetanus", "Statins"]
    at.query_params["slide"] = "3"
    at.run()
    assert at.header[0].value == "Tetanus"
    at.multiselect(key="deck_causes").unselect("Tetanus").unselect("Statins").run()
    assert "deck" not in at.query_params


def test_hostile_text_is_shown_inert(present, tmp_path):
    hostile = tmp_path / "hostile.csv"
    hostile.write_text(
        "cause,category,symptoms,body_areas,summary,red_flags,self_care,source_name,source_url\n"
        '"<script>alert(1)</script>",":red[Loud]","![x](http://example.com/x.png)",calves,'
        '"[click](javascript:alert(1)) $x^2$","<img src=x onerror=alert(1)>","**bold**",'
        '"[pub](javascript:x)","https://example.org/a_(b)"\n',
        encoding="utf-8",
    )
    for slide in range(1, 30):  # the title, overview, cause, when-to-get-help and sources slides
        at = present({"deck": ["<script>alert(1)</script>"], "slide": str(slide)}, data=hostile)
        assert not at.error
        joined = "\n".join(
            [m.value for m in at.markdown] + [c.value for c in at.caption] + [h.value for h in at.header]
        )
        joined = "\n".join(line for line in joined.splitlines() if not ours(line))
        for live in (r"<script", r"<img", r"!\[x\]", r"\]\(javascript:", r":red\[", r"\$x", r"\*\*bold"):
            assert not re.search(r"(?<!\\)" + live, joined), (slide, live)
        if at.header and "Sources" in at.header[0].value:
            break
    # The sources slide (the last) links the page (parentheses encoded), the publisher's name inert.
    assert "(https://example.org/a_%28b%29)" in joined
    assert r"**\[pub\]\(javascript\:x\)**" in joined
