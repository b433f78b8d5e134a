"""The security posture of a public deployment, as configured: usage statistics off, XSRF
protection on, no error details shown to users, uploads limited at the app and at the
proxy, and the pinned Streamlit past every advisory we know of.

deploy/advisories.csv lists the Streamlit advisories found on 2026-11-28 in stored copies
of public pages (no live access here), each with where it was seen. It is not a live
audit: with network access, run `pip-audit -r requirements.txt` and add what it finds."""

from __future__ import annotations

import csv
import re
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.version import Version

from causes.config import MAX_UPLOAD_MB
from deploy.serve import PROXY_CONF, Stack

ROOT = Path(__file__).resolve().parents[2]
CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())


@pytest.mark.parametrize(
    ("section", "option", "expected"),
    [
        ("browser", "gatherUsageStats", False),  # no call home
        ("server", "enableXsrfProtection", True),
        ("client", "showErrorDetails", "none"),  # a traceback never reaches a reader
        ("client", "toolbarMode", "viewer"),  # no developer menu for the public
        ("server", "maxUploadSize", MAX_UPLOAD_MB),
    ],
)
def test_streamlit_is_configured_for_the_public(section, option, expected):
    assert CONFIG[section][option] == expected


def pinned(package: str) -> str:
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if line.startswith(f"{package}=="):
            return line.split("==", 1)[1].strip()
    raise AssertionError(f"{package} is not pinned")


ADVISORIES = list(csv.DictReader((ROOT / "deploy" / "advisories.csv").open(encoding="utf-8")))


@pytest.mark.parametrize("advisory", ADVISORIES, ids=[a["id"] for a in ADVISORIES])
def test_the_pinned_streamlit_is_past_each_published_advisory(advisory):
    assert advisory["seen_in"].startswith("https://")
    assert Version(pinned("streamlit")) >= Version(advisory["first_fixed"])


def test_the_installed_streamlit_is_the_pinned_one():
    assert version("streamlit") == pinned("streamlit")


def test_the_proxy_limits_uploads_hides_its_version_and_listens_on_loopback(tmp_path):
    stack = Stack(port=8500, processes=2, run=tmp_path)
    stack.apps = []
    conf = stack.config()
    size = int(re.search(r"client_max_body_size (\d+)m;", conf).group(1))
    assert MAX_UPLOAD_MB < size <= MAX_UPLOAD_MB + 1  # the app refuses more, with its own message
    assert "server_tokens off;" in conf
    assert "listen 127.0.0.1:8500;" in conf
    assert "HttpOnly" in PROXY_CONF and "SameSite=Lax" in PROXY_CONF
