"""Real headless Chromium against a real Cause Atlas server on a free loopback port."""

from __future__ import annotations

import os
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.support.server import CHROMIUM, CHROMIUM_FLAGS, IDLE, Server

FLAGS = CHROMIUM_FLAGS


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs it with apt-get")
    s = Server()
    yield s
    s.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser, server: Server, request) -> Iterator[Page]:
    """A fresh page that records what must not happen: requests to other hosts, page
    errors, and Streamlit exception boxes."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = watch(context.new_page())
    pg.set_default_timeout(20_000)
    yield pg
    failed = request.node.rep_call.failed if hasattr(request.node, "rep_call") else False
    context.close()
    if failed:
        print(server.logs())


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    rep = yield
    if rep.when == "call":
        item.rep_call = rep
    return rep


def watch(page: Page) -> Page:
    """Record on a page what must not happen: requests to other hosts and page errors."""
    page.foreign_requests = []  # type: ignore[attr-defined]
    page.errors = []  # type: ignore[attr-defined]
    page.plotly_chunks = []  # type: ignore[attr-defined]

    def on_request(req) -> None:
        if "/PlotlyChart." in req.url:  # Streamlit's full plotly.js (4.7 MB): the app draws with its own
            page.plotly_chunks.append(req.url)  # type: ignore[attr-defined]
        host = urlsplit(req.url).hostname
        if req.url.startswith(("http:", "https:", "ws:", "wss:")) and host not in ("127.0.0.1", "localhost"):
            page.foreign_requests.append(req.url)  # type: ignore[attr-defined]

    page.on("request", on_request)
    page.on("pageerror", lambda e: page.errors.append(str(e)))  # type: ignore[attr-defined]
    return page


def must_not_happen(page: Page) -> None:
    """No traceback on the page, no script error, no request to another host, no chart
    that failed to draw, and never Streamlit's full plotly.js chunk."""
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.locator(".ca-plot[data-error]")).to_have_count(0)
    assert page.plotly_chunks == [], page.plotly_chunks  # type: ignore[attr-defined]
    assert page.errors == [], page.errors  # type: ignore[attr-defined]
    assert page.foreign_requests == [], page.foreign_requests  # type: ignore[attr-defined]


def wait_idle(page: Page) -> None:
    page.wait_for_selector(IDLE, timeout=30_000)


_WATCH_RUN = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  window.__caRan = false;
  window.__caRunObserver?.disconnect();
  window.__caRunObserver = new MutationObserver((records) => {
    if (records.some((r) => app.getAttribute("data-test-script-state") === "running" || r.oldValue === "running")) {
      window.__caRan = true;
    }
  });
  window.__caRunObserver.observe(app, {
    attributes: true, attributeFilter: ["data-test-script-state"], attributeOldValue: true,
  });
}"""


def click_and_rerun(page: Page, locator) -> None:
    """Click something that reruns the script, and return once that run has finished: not
    merely once the page is idle, which it still is for a moment after the click (a test
    that acts then can click on a page the run is about to move)."""
    page.evaluate(_WATCH_RUN)
    locator.click()
    page.wait_for_function(
        "() => window.__caRan && document.querySelector(\"[data-testid='stApp']\")"
        ".getAttribute('data-test-script-state') === 'notRunning'",
        timeout=30_000,
    )
