"""The Compare page, run whole through app.py in Streamlit's AppTest."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from causes.compare import EXAMPLE, compare, distinguishing_sentences, overlap_frame, urgency_line
from causes.redflags import cause_flags
from tests.pages.conftest import ours, texts
from tests.support.charts import charts

BENIGN, ALS = EXAMPLE
PAGE = "pages/compare.py"


@pytest.fixture
def compare_page(app) -> Callable[..., AppTest]:
    """Open the Compare page straight from a link."""
    return functools.partial(app, page=PAGE)


def url(at: AppTest) -> list[str]:
    value = at.query_params.get("compare", [])
    return [value] if isinstance(value, str) else list(value)


def page_text(at: AppTest) -> str:
    return "\n".join(texts(at))


def notices(at: AppTest) -> str:
    return " ".join(w.value.replace("\\", "") for w in at.warning)


def test_a_link_shows_both_causes_what_they_share_and_what_tells_them_apart(compare_page, bundled):
    # Names in any case, as a person might type them.
    at = compare_page({"compare": [BENIGN.lower(), ALS.upper()]})
    assert at.multiselect(key="compare").value == [BENIGN, ALS]
    assert url(at) == [BENIGN, ALS]  # written back in the table's spelling
    page = page_text(at)
    assert at.title[0].value == "Compare causes"
    for name in (BENIGN, ALS):
        assert f"#### {name}" in page
        assert bundled.record(bundled.position_of(name))["summary"] in page
    # Urgency side by side.
    assert ":green-badge[:material/self_care: Self-care]" in page
    assert ":orange-badge[:material/stethoscope: See a doctor]" in page
    # What they share, and what is each one's own (highlighted).
    assert "**Shared by both:**" in page
    for shared in ("twitching at rest", "muscle cramps", "arms and hands"):
        assert f":gray-badge[{shared}]" in page
    assert f"**Only {BENIGN}**" in page and f"**Only {ALS}**" in page
    for own in ("muscle weakness", "muscle wasting", "face and eyelids", "older age"):
        assert f":blue-badge[:material/check_circle: {own}]" in page
    # One sentence per cause, and how urgent each is.
    comparison = compare(bundled, [bundled.position_of(BENIGN), bundled.position_of(ALS)])
    sentences = [s.text for s in distinguishing_sentences(bundled, comparison)]
    assert sentences[1].startswith("Muscle wasting and speech or swallowing problems can point to " + ALS)
    flat = page.replace("**", "")
    for sentence in sentences:
        assert sentence in flat
    assert urgency_line(comparison) in flat
    # The overlap chart, with a description and the same numbers as a table.
    (chart,) = charts(at)
    assert chart.alt.startswith("Dot chart of the symptoms of")
    assert chart.figure["layout"]["title"]["text"]
    assert at.table[0].value.equals(overlap_frame(comparison))
    # When to see a doctor, the sources, and the way to each full explanation.
    for name in (BENIGN, ALS):
        record = bundled.record(bundled.position_of(name))
        signs = [f.sign for f in cause_flags(record)]  # each under its level's action
        assert signs and any(all(f in w.value.replace("\\", "") for f in signs) for w in at.warning)
    sources = [bundled.record(bundled.position_of(n))["source_url"] for n in (BENIGN, ALS)]
    assert [b.url for b in at.get("link_button")] == sources
    links = [link.proto.query_string for link in at.get("page_link") if link.proto.page not in ("data", "visit")]
    # and the way to a summary of these causes for an appointment
    assert [link.proto.page for link in at.get("page_link")].count("visit") == 1
    assert links == [
        "cause=Benign+fasciculations+%28harmless+muscle+twitches%29",
        "cause=Motor+neurone+disease+%28ALS%29",
    ]


def test_unknown_names_are_dropped_with_a_notice(compare_page):
    at = compare_page({"compare": ["Hiccups", "Statins"]})
    assert 'This table has no cause called "Hiccups", so it was left out.' in notices(at)
    assert at.multiselect(key="compare").value == ["Statins"]
    assert url(at) == ["Statins"]
    assert "Choose at least one more cause to compare with Statins." in page_text(at)
    assert "When to get help" in page_text(at)  # the page foot is still there


def test_more_than_four_keeps_the_first_four_with_a_notice(compare_page):
    names = ["Statins", "Dystonia", "Tetanus", "Kidney failure", "Sarcoidosis", "statins"]
    at = compare_page({"compare": names})
    assert at.multiselect(key="compare").value == names[:4]
    assert url(at) == names[:4]
    assert "only the first 4 are shown; left out: Sarcoidosis." in notices(at)
    page = page_text(at)
    assert "**Shared by all 4:**" in page
    assert "Every symptom" in page or "can point to" in page


def test_the_notice_goes_once_the_choice_changes(compare_page):
    at = compare_page({"compare": ["Hiccups", "Statins"]})
    at.multiselect(key="compare").select("Dystonia").run()
    assert "Hiccups" not in notices(at)
    assert url(at) == ["Statins", "Dystonia"]


def test_the_choice_is_written_to_the_url(compare_page):
    at = compare_page()
    assert "compare" not in at.query_params
    assert "Choose two or more causes" in page_text(at)
    (try_it,) = [b for b in at.button if b.label.replace("\\", "").startswith("Try: ")]
    assert try_it.label.replace("\\", "") == f"Try: {BENIGN} vs {ALS}"
    try_it.click().run()
    assert at.multiselect(key="compare").value == [BENIGN, ALS]
    assert url(at) == [BENIGN, ALS]
    assert "can point to" in page_text(at)
    at.multiselect(key="compare").select("Statins").run()
    assert url(at) == [BENIGN, ALS, "Statins"]
    at.multiselect(key="compare").unselect(BENIGN).unselect(ALS).run()
    assert url(at) == ["Statins"]
    at.multiselect(key="compare").unselect("Statins").run()
    assert "compare" not in at.query_params


def test_options_are_every_cause_in_name_order_at_most_four(compare_page, bundled):
    at = compare_page()
    box = at.multiselect(key="compare")
    assert box.options == sorted(bundled.frame["cause"], key=str.casefold)
    assert box.proto.max_selections == 4


def test_another_table_compares_its_own_causes(compare_page, hiccups):
    at = compare_page({"compare": ["eating fast", "FIZZY DRINKS"]}, data=hiccups)
    assert at.multiselect(key="compare").value == ["Eating fast", "Fizzy drinks"]
    page = page_text(at).replace("**", "")
    assert "Bloating can point to Eating fast rather than Fizzy drinks." in page
    assert "Every symptom of Fizzy drinks is also a symptom of Eating fast; what sets it apart is that it can" in page


def test_another_table_offers_its_own_example(compare_page, hiccups):
    at = compare_page(data=hiccups)
    labels = [b.label.replace("\\", "") for b in at.button]
    assert [label for label in labels if label.startswith("Try")] == ["Try: Eating fast vs Fizzy drinks"]


def test_hostile_text_is_shown_inert(compare_page, tmp_path):
    hostile = tmp_path / "hostile.csv"
    hostile.write_text(
        "cause,category,symptoms,body_areas,summary,red_flags\n"
        '"<script>alert(1)</script>",":red[Loud]","![x](http://example.com/x.png)",calves,'
        '"[click](javascript:alert(1)) $x^2$","<img src=x onerror=alert(1)>"\n'
        "Plain,Other,cramps,calves,Two.,\n",
        encoding="utf-8",
    )
    at = compare_page({"compare": ["<script>alert(1)</script>", "Plain"]}, data=hostile)
    joined = "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption] + [w.value for w in at.warning])
    joined = "\n".join(line for line in joined.splitlines() if not ours(line))
    for live in (r"<script", r"<img", r"!\[x\]", r"\]\(javascript:", r"\]\(http", r":red\[", r"\$x"):
        assert not re.search(r"(?<!\\)" + live, joined), live
    assert r"\<script\>alert\(1\)\</script\>" in joined
    assert not at.error  # the table was used, not the bundled one
    spec = charts(at)[0].figure
    labels = " ".join(spec["layout"]["xaxis"]["categoryarray"] + spec["layout"]["yaxis"]["categoryarray"])
    assert "<script" not in labels and "&lt;script&gt;" in labels


def test_coming_back_keeps_the_comparison_and_a_new_link_replaces_it(compare_page):
    at = compare_page({"compare": ["Statins", "Dystonia"]})
    at.switch_page("pages/explore.py").run()
    at.query_params.pop("compare", None)  # moving between pages leaves the address bar bare
    at.switch_page(PAGE).run()
    assert at.multiselect(key="compare").value == ["Statins", "Dystonia"]
    assert url(at) == ["Statins", "Dystonia"]
    at.query_params["compare"] = ["Tetanus", "dystonia"]  # e.g. a link from another page
    at.run()
    assert at.multiselect(key="compare").value == ["Tetanus", "Dystonia"]
    assert url(at) == ["Tetanus", "Dystonia"]
