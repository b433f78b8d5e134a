"""Prepare for an appointment (/visit), run whole through app.py in AppTest: the summary of
the view, the short answers a person types, and where those answers never go."""

from __future__ import annotations

from datetime import date

from causes import Query, run_query
from causes.visit import PRIVACY_LINE, summary_html
from tests.pages.conftest import texts

MARK = "since March, zq-marker-27"
CHOICE = {"symptom": "muscle cramps", "area": "calves", "not": "pain"}


def summary_text(at) -> str:
    return "\n".join(texts(at))


def type_notes(at, since: str = MARK, medicines: str = "a water tablet zq-medicine-27"):
    at.text_input(key="visit-since").input(since)
    at.text_input(key="visit-medicines").input(medicines)
    return at.run()


def test_the_page_summarises_the_view_and_says_where_typed_answers_go(app, bundled):
    at = app(CHOICE, page="pages/visit.py")
    page = summary_text(at)
    assert PRIVACY_LINE in page
    assert "Education, not diagnosis" in page
    first = bundled.record(
        int(run_query(bundled, Query(symptoms=("muscle cramps",), areas=("calves",), without=("pain",))).positions[0])
    )
    assert first["cause"] in page and "What I do not have" in page and "Questions to ask" in page


def test_typed_answers_show_in_the_summary_and_the_download_but_never_in_the_link(app, monkeypatch):
    import streamlit

    made: dict[str, object] = {}
    real = streamlit.download_button

    def recording(label, data, **kwargs):
        made["data"], made["kwargs"] = data, kwargs
        return real(label, data, **kwargs)

    monkeypatch.setattr(streamlit, "download_button", recording)
    at = type_notes(app(CHOICE, page="pages/visit.py"))
    assert not at.exception
    page = summary_text(at)
    assert "since March, zq-marker-27" in page and "zq-medicine-27" in page
    assert all("zq-" not in str(v) for v in at.query_params.values())
    html = made["data"]()
    assert "zq-marker-27" in html and "zq-medicine-27" in html
    assert (
        made["kwargs"]["file_name"] == f"cause-atlas_calves-muscle-cramps_appointment_{date.today().isoformat()}.html"
    )
    assert made["kwargs"]["on_click"] == "ignore" and made["kwargs"]["mime"] == "text/html"


def test_typed_answers_are_kept_between_pages_of_the_tab_and_cleared_on_request(app):
    at = type_notes(app(CHOICE, page="pages/visit.py"))
    at.switch_page("pages/explore.py").run()
    at.switch_page("pages/visit.py").run()
    assert at.text_input(key="visit-since").value == MARK
    at.button(key=next(b.key for b in at.button if b.label == "Clear what I typed")).click().run()
    assert at.text_input(key="visit-since").value == ""
    assert "zq-marker-27" not in summary_text(at)


def test_nothing_chosen_is_no_dead_end(app):
    at = app(page="pages/visit.py")
    page = summary_text(at)
    assert "Nothing is chosen yet" in page and "Questions to ask" in page
    assert summary_html  # the download is there too
    assert any(b.label.startswith("Download my summary") for b in at.download_button)


def test_a_comparison_s_causes_are_the_causes_to_ask_about(app):
    names = ["Statins", "Low potassium (hypokalaemia)"]
    at = app({"compare": names}, page="pages/visit.py")
    page = summary_text(at)
    assert page.index("Statins") < page.index("Low potassium (hypokalaemia)")
