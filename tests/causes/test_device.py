"""causes/device.py: a phone's browser, told from the headers it sends."""

from __future__ import annotations

import pytest

from causes.device import is_phone

ANDROID_CHROME = (
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36"
)
ANDROID_TABLET = ANDROID_CHROME.replace(" Mobile ", " ")
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/18.1 Mobile/15E148 Safari/604.1"
)
IPAD = (
    "Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/18.1 Mobile/15E148 Safari/604.1"
)
FIREFOX_ANDROID = "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0"
DESKTOP = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36"


@pytest.mark.parametrize(
    ("headers", "phone"),
    [
        ({"User-Agent": ANDROID_CHROME}, True),
        ({"User-Agent": IPHONE}, True),
        ({"User-Agent": FIREFOX_ANDROID}, True),
        ({"user-agent": ANDROID_CHROME}, True),  # any case
        ({"User-Agent": ANDROID_TABLET}, False),
        ({"User-Agent": IPAD}, False),
        ({"User-Agent": DESKTOP}, False),
        ({}, False),
        # Chromium's client hint decides when it is sent, whatever the user agent says.
        ({"Sec-CH-UA-Mobile": "?1", "User-Agent": DESKTOP}, True),
        ({"Sec-CH-UA-Mobile": "?0", "User-Agent": ANDROID_CHROME}, False),
    ],
)
def test_a_phone_is_told_from_its_headers(headers, phone):
    assert is_phone(headers) is phone
