"""The About this data page, run through app.py."""

from __future__ import annotations

from causes.config import BUNDLED_TABLE
from causes.content import CLAIMS_FILE, load_claims, source_counts
from tests.pages.conftest import texts


def open_about(app, **kw):
    at = app(**kw)
    at.switch_page("pages/about.py").run()
    assert not at.exception
    return at


def test_about_lists_sources_review_dates_claims_and_how_to_cite(app, bundled):
    at = open_about(app)
    page = "\n".join(texts(at))
    assert "Education, not diagnosis" in page
    assert f"{len(bundled)} causes" in page
    sources = at.dataframe[0].value
    expected = source_counts(bundled)
    assert list(sources["Publisher"]) == [s.publisher for s in expected]
    assert list(sources["Causes"]) == [s.causes for s in expected]
    assert sum(sources["Causes"]) == len(bundled)
    oldest = min(bundled.frame["last_reviewed"])
    assert f"the oldest review is from **{oldest}**" in page
    claims = load_claims(BUNDLED_TABLE.parent / CLAIMS_FILE)
    for claim in claims:
        assert claim.claim in page
    anticoagulants = next(c for c in claims if "anticoagulants" in c.claim.casefold())
    assert anticoagulants.verdict == "not supported" and anticoagulants.note in page
    citation = at.code[0].value
    assert citation.startswith("Cause Atlas (") and f"{len(bundled)} causes" in citation
    # Who the content is for (the second review): adults; a child's warning signs; the midwife.
    assert "The content is written for **adults**" in page and "Growing pains (children)" in page
    assert "midwife or maternity unit" in page


def test_about_offers_a_template_and_documents_every_column(app):
    at = open_about(app)
    columns = at.dataframe[1].value
    assert "cause" in list(columns["Column"]) and "last_reviewed" in list(columns["Column"])
    assert any(b.label == "Download a template" for b in at.get("download_button"))


def test_about_works_for_a_table_without_sidecar_files(app, hiccups):
    at = open_about(app, data=hiccups)
    page = "\n".join(texts(at))
    assert "The cause table hiccups.csv" in page
    assert "The claims we checked" not in page
    assert "no cause in this table gives one" in page
