"""Your data, in real headless Chromium: a bad upload shows its report while the old table
keeps working, the rows are fixed in the grid and downloaded; a hostile file stays inert
on every page; one person's upload is never seen by another."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from causes import load_cause_table
from causes.config import BUNDLED_TABLE
from causes.schema import COLUMN_NAMES
from tests.browser.conftest import must_not_happen, wait_idle, watch
from tests.corpus.make_corpus import HOSTILE
from tests.corpus.make_corpus import main as write_corpus
from tests.support.bundled import bundled_table

BUNDLED = bundled_table()
ALL_BUNDLED = f"{len(BUNDLED)} of {len(BUNDLED)} causes match"
# The grid: a first data row is under a header of at most 40 px, in rows of at least 35 px;
# x 60 is in the Row column, right of the row-marker column.
FIRST_ROW = {"x": 60, "y": 58}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus([str(folder)])
    return folder


def go(page: Page, title: str) -> None:
    """Move to another page through the navigation (the same session, as a person would)."""
    page.get_by_role("link", name=title, exact=True).click()
    wait_idle(page)


def upload(page: Page, path: Path) -> None:
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(path)
    expect(page.get_by_text(path.name).first).to_be_visible()
    wait_idle(page)


def edit_cell(page: Page, position: int, column: str, text: str) -> None:
    """Type into the grid's cell at `position` (0 is the first row) of `column`, with the keyboard."""
    grid = page.locator(".st-key-data-grid-1").get_by_test_id("stDataFrame")
    grid.click(position=FIRST_ROW)
    for _ in range(position):
        page.keyboard.press("ArrowDown")
    for _ in range(list(COLUMN_NAMES).index(column) + 1):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    editor = page.get_by_test_id("portal").locator(".gdg-clip-region textarea")
    editor.fill(text)
    editor.press("Enter")
    expect(editor).to_have_count(0)
    wait_idle(page)


def test_a_bad_upload_is_reported_fixed_in_the_grid_downloaded_and_used(page: Page, server, corpus) -> None:
    bundled_bytes = BUNDLED_TABLE.read_bytes()
    page.goto(server.url + "/data")
    wait_idle(page)
    upload(page, corpus / "clinic-list-with-mistakes.csv")
    expect(page.get_by_text("4 problems in 3 rows.")).to_be_visible()
    expect(page.get_by_text(re.compile("keeps showing causes.csv until they are fixed"))).to_be_visible()
    expect(page.get_by_role("button", name="Download the full list of problems (CSV)")).to_be_visible()

    # The app keeps working with the table it had.
    go(page, "Explore")
    expect(page.get_by_text(ALL_BUNDLED, exact=True)).to_be_visible()
    go(page, "Your data")
    expect(page.get_by_text("4 problems in 3 rows.")).to_be_visible()

    # Fix each cell the report names, right there in the grid.
    edit_cell(page, 1, "urgency", "urgent")
    expect(page.get_by_text("3 problems in 3 rows.")).to_be_visible()
    edit_cell(page, 1, "last_reviewed", "2026-01-31")
    edit_cell(page, 2, "symptoms", "cramps at night")
    edit_cell(page, 3, "summary", "Cramps that a stretch eases.")
    expect(page.get_by_text("Every row is valid: 4 causes.")).to_be_visible()

    with page.expect_download() as info:
        page.get_by_role("button", name="Download the corrected table (CSV)").click()
    fixed = load_cause_table(Path(info.value.path()).read_bytes())
    assert len(fixed) == 4
    assert fixed.record(1)["urgency"] == "urgent"
    assert fixed.record(3)["summary"] == "Cramps that a stretch eases."

    page.get_by_role("button", name="Use this table").click()
    expect(page.get_by_text("Now showing clinic-list-with-mistakes.csv: 4 causes, on every page.")).to_be_visible()
    go(page, "Explore")
    expect(page.get_by_text("4 of 4 causes match", exact=True)).to_be_visible()
    expect(page.get_by_text("your table, in this browser tab only")).to_be_visible()
    page.get_by_role("button", name="Back to causes.csv").click()
    expect(page.get_by_text(ALL_BUNDLED, exact=True)).to_be_visible()
    assert BUNDLED_TABLE.read_bytes() == bundled_bytes  # nothing is written over the bundled table
    must_not_happen(page)


def inert(page: Page) -> None:
    """Nothing from the file can act: no script link, no remote image or frame, no dialog."""
    expect(page.locator("a[href^='javascript:' i], a[href^='data:' i]")).to_have_count(0)
    expect(page.locator("img[src*='evil.example'], iframe")).to_have_count(0)
    assert page.dialogs == []  # type: ignore[attr-defined]
    must_not_happen(page)


def test_a_hostile_file_stays_inert_on_every_page(page: Page, server, corpus) -> None:
    page.dialogs = []  # type: ignore[attr-defined]
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    page.goto(server.url + "/data")
    wait_idle(page)
    upload(page, corpus / "hostile-text.csv")
    expect(page.get_by_text(f"{len(HOSTILE)} causes from hostile-text.csv")).to_be_visible()
    inert(page)

    go(page, "Explore")
    # The text shows as the characters written.
    expect(page.get_by_role("heading", name=f"{HOSTILE['script']} script")).to_be_visible()
    expect(page.get_by_text(HOSTILE["md_image"] + " md_image").first).to_be_visible()
    page.get_by_role("button", name="Read the full explanation").first.click()
    expect(page.get_by_role("dialog")).to_be_visible()
    inert(page)
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_have_count(0)

    with page.expect_download() as info:
        page.get_by_role("button", name="Download a handout (HTML, print to PDF)").click()
    handout = Path(info.value.path()).read_text()
    assert "<script>alert" not in handout and "&lt;script&gt;alert" in handout
    assert 'href="javascript:' not in handout

    for title in ("Overview", "Body map", "Compare", "Glossary", "About this data"):
        go(page, title)
        inert(page)

    go(page, "Compare")
    chooser = page.get_by_role("combobox", name="Causes to compare")
    for kind in ("script", "js_link"):
        chooser.click()
        page.keyboard.type(kind)
        page.get_by_role("option", name=re.compile(rf" {kind}$")).click()
    page.keyboard.press("Escape")
    wait_idle(page)
    expect(page.get_by_role("heading", name=f"{HOSTILE['js_link']} js_link")).to_be_visible()
    inert(page)

    go(page, "Present")
    for _ in range(4):
        page.get_by_role("button", name=re.compile("^Next")).click()
        wait_idle(page)
        inert(page)


def test_one_persons_upload_is_never_seen_by_another(browser: Browser, page: Page, server, corpus) -> None:
    page.goto(server.url + "/data")
    wait_idle(page)
    upload(page, corpus / "utf8.csv")
    # The file's name shows in the box at once; the caption changes once the server has it.
    expect(page.get_by_text("3 causes from utf8.csv")).to_be_visible()
    go(page, "Explore")
    expect(page.get_by_text("3 of 3 causes match", exact=True)).to_be_visible()

    other_context = browser.new_context()
    try:
        other = watch(other_context.new_page())
        for path in ("/", "/data"):
            other.goto(server.url + path)
            wait_idle(other)
            expect(other.get_by_text(f"{len(BUNDLED)} causes from causes.csv")).to_be_visible()
            expect(other.get_by_text("utf8.csv")).to_have_count(0)
        expect(other.get_by_text(ALL_BUNDLED, exact=False)).to_have_count(0)  # on /data there is no list
        must_not_happen(other)
    finally:
        other_context.close()
    # The first person still has their own table.
    page.reload()
    wait_idle(page)
    must_not_happen(page)
