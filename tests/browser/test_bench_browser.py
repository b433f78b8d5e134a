"""The browser benchmark's profiles (bench/bench_browser.py): the phone profile is a
phone-sized page with touch, as the phone figures in bench/README.md say it is."""

from __future__ import annotations

from playwright.sync_api import Browser

from bench.bench_browser import DESKTOP, PHONE, new_page
from tests.support.server import Server


def test_the_phone_profile_is_a_touch_page_390_wide_and_the_desktop_one_is_not(browser: Browser, server: Server):
    for profile, width, touch in ((PHONE, 390, True), (DESKTOP, 1280, False)):
        page = new_page(browser, profile)
        try:
            page.goto(server.url, wait_until="domcontentloaded")  # the app's page: it has a viewport tag
            assert page.evaluate("window.innerWidth") == width
            assert page.evaluate("navigator.maxTouchPoints > 0") is touch
        finally:
            page.context.close()
    assert PHONE.cpu_slowdown == 4.0 and DESKTOP.cpu_slowdown == 1.0
