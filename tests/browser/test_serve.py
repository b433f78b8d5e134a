"""`make serve` in real headless Chromium: two app processes behind nginx. A browser keeps
to the process that first served it (its websocket and its uploads alike), and when that
process is killed mid-session the page reconnects to the other one and shows the same
answer again."""

from __future__ import annotations

import os
import re
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from causes import Query, count_line, run_query
from deploy.serve import COOKIE, NGINX, Stack, free_port
from tests.browser.conftest import must_not_happen, wait_idle, watch
from tests.corpus.make_corpus import main as write_corpus
from tests.support.bundled import bundled_table
from tests.support.generate import write_table

TABLE = bundled_table()
SYMPTOM = TABLE.facets["symptoms"].terms[0]
ANSWER = count_line(run_query(TABLE, Query(symptoms=(SYMPTOM,))))
SECOND = TABLE.facets["symptoms"].terms[1]
BOTH = count_line(run_query(TABLE, Query(symptoms=(SYMPTOM, SECOND))))
ALL = count_line(run_query(TABLE, Query()))


@pytest.fixture(scope="module")
def stack() -> Iterator[Stack]:
    if not shutil.which(NGINX) and not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing: run `make test`, which installs nginx with apt-get")
    s = Stack(port=free_port(), processes=2)
    s.start()
    yield s
    s.stop()


@pytest.fixture
def proxied(browser: Browser, stack: Stack) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = watch(context.new_page())
    page.set_default_timeout(30_000)
    yield page
    context.close()


def backend(page: Page) -> str:
    return next(c["value"] for c in page.context.cookies() if c["name"] == COOKIE)


def test_a_session_keeps_to_its_process_and_survives_its_death(proxied: Page, stack: Stack) -> None:
    proxied.goto(f"{stack.url}/?symptom={SYMPTOM}")
    wait_idle(proxied)
    expect(proxied.get_by_text(ANSWER, exact=True)).to_be_visible()
    first = backend(proxied)
    assert first in {f"127.0.0.1:{a.port}" for a in stack.apps}
    proxied.reload()
    wait_idle(proxied)
    assert backend(proxied) == first  # sticky: the same process again

    victim = next(a for a in stack.apps if f"127.0.0.1:{a.port}" == first)
    os.killpg(victim.proc.pid, signal.SIGKILL)  # a crash: no goodbye to the browser
    victim.proc.wait(10)
    # The page notices and reconnects through nginx to the live process, where its
    # session is new. The next pick must take, with the filter the page already had: the
    # page sends both, and they win over its URL (which does not have the pick yet).
    proxied.get_by_role("combobox", name="Symptoms").click()
    proxied.keyboard.type(SECOND)
    proxied.get_by_role("option", name=re.compile(rf"^{re.escape(SECOND)} \(")).click()
    proxied.keyboard.press("Escape")
    expect(proxied.get_by_text(BOTH, exact=True)).to_be_visible(timeout=60_000)
    wait_idle(proxied)
    assert backend(proxied) != first
    assert f"symptom={SECOND.replace(' ', '+')}" in proxied.evaluate("location.search")
    must_not_happen(proxied)
    stack.watch_once()  # the watcher starts the killed process again
    assert victim.restarts == 1


def test_uploads_through_the_proxy_reach_the_session(proxied: Page, stack: Stack, tmp_path: Path) -> None:
    write_corpus([str(tmp_path)])
    for _ in range(3):  # every time, each in a new session
        proxied.context.clear_cookies()
        proxied.goto(f"{stack.url}/data")
        wait_idle(proxied)
        proxied.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(tmp_path / "utf8.csv")
        # The file's name shows in the box at once; the caption changes once the server
        # (the session's own process, through the proxy) has the file.
        expect(proxied.get_by_text("3 causes from utf8.csv")).to_be_visible(timeout=30_000)
        wait_idle(proxied)
        proxied.get_by_role("link", name="Explore", exact=True).click()
        wait_idle(proxied)
        expect(proxied.get_by_text("3 of 3 causes match", exact=True)).to_be_visible()
    must_not_happen(proxied)


def test_a_large_upload_through_the_proxy_reaches_the_session(proxied: Page, stack: Stack, tmp_path: Path) -> None:
    """A body larger than nginx keeps in memory goes to a file in its run folder, written
    by its workers (an unprivileged user when nginx runs as root): the folder must let
    them in, wherever the clone is."""
    big = write_table(tmp_path / "big.csv", rows=3000)
    assert big.stat().st_size > 1_000_000  # far past nginx's 16 KB in-memory body buffer
    proxied.goto(f"{stack.url}/data")
    wait_idle(proxied)
    proxied.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(big)
    expect(proxied.get_by_text("3,000 causes from big.csv")).to_be_visible(timeout=60_000)
    must_not_happen(proxied)


def test_the_proxy_answers_health_checks_and_does_not_name_its_version(stack: Stack) -> None:
    import urllib.request

    with urllib.request.urlopen(stack.url + "/_stcore/health", timeout=10) as r:
        assert r.status == 200 and r.read() == b"ok"
        assert r.headers["Server"] == "nginx"  # no version for a scanner to look up
        assert any(c.startswith(f"{COOKIE}=127.0.0.1:") for c in r.headers.get_all("Set-Cookie"))


def test_nginx_sends_the_page_bundles_itself_compressed_and_only_them(stack: Stack) -> None:
    """The page's hashed bundles come from nginx (compressed, cached for a year: the app
    sends them uncompressed), and nothing outside Streamlit's static folder is reachable
    through that location."""
    import gzip
    import re
    import urllib.error
    import urllib.request

    from pages.ui.plot import BUNDLE, bundle_url

    with urllib.request.urlopen(stack.url + "/", timeout=10) as r:
        html = r.read().decode()
    bundle = re.search(r'src="\./(static/js/[^"]+\.js)"', html).group(1)
    request = urllib.request.Request(f"{stack.url}/{bundle}", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as r:
        assert r.status == 200
        assert r.headers["Content-Type"] == "application/javascript"
        assert r.headers["Content-Encoding"] == "gzip"
        assert "immutable" in r.headers["Cache-Control"]
    # The charts' plotly.js (pages/ui/plot.py) too, from nginx's copy, the committed file.
    request = urllib.request.Request(stack.url + bundle_url(), headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as r:
        assert r.headers["Content-Encoding"] == "gzip" and "immutable" in r.headers["Cache-Control"]
        assert gzip.decompress(r.read()) == BUNDLE.read_bytes()
    for path in ("/static/../index.html", "/static/..%2f..%2f__init__.py", "/static/js/no-such-bundle.js"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(stack.url + path, timeout=10)
        assert refused.value.code in (400, 403, 404), path


def test_an_upload_after_its_process_died_reaches_the_live_one(proxied: Page, stack: Stack, tmp_path: Path) -> None:
    """The upload's request names the dead process in its cookie: nginx hands it to the
    live one, where the page's session now is, and the table is taken.

    Known limit (README): a page keeps its dead session's id until it runs once on the
    live process, so an upload made before anything else is stored under that old id
    and not taken; here the person does something first, as the README advises."""
    write_corpus([str(tmp_path)])
    proxied.goto(f"{stack.url}/data")
    wait_idle(proxied)
    first = backend(proxied)
    victim = next(a for a in stack.apps if f"127.0.0.1:{a.port}" == first)
    with proxied.expect_websocket(timeout=30_000):  # the page reconnects, to the live process
        os.killpg(victim.proc.pid, signal.SIGKILL)
        victim.proc.wait(10)
    # Something first: to Explore (which runs on the live process) and back.
    proxied.get_by_role("link", name="Explore", exact=True).click()
    expect(proxied.get_by_text(ALL, exact=True)).to_be_visible(timeout=30_000)
    proxied.get_by_role("link", name="Your data").click()
    expect(proxied.get_by_role("heading", name="Your own cause table")).to_be_visible()
    wait_idle(proxied)
    proxied.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(tmp_path / "utf8.csv")
    expect(proxied.get_by_text("3 causes from utf8.csv")).to_be_visible(timeout=60_000)
    assert backend(proxied) != first
    must_not_happen(proxied)
    stack.watch_once()
