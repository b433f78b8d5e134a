"""The upload limits are set once, in causes/config.py: the server's own limit and the
documentation say the same."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from causes.config import MAX_UPLOAD_BYTES, MAX_UPLOAD_MB, MAX_UPLOAD_ROWS, ROOT, locale_setting
from causes.loader import load_cause_table
from tests.support.generate import write_table


def test_the_server_refuses_uploads_over_the_same_size():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == MAX_UPLOAD_MB
    assert MAX_UPLOAD_BYTES == MAX_UPLOAD_MB * 1024 * 1024  # Streamlit's megabyte


def test_the_limits_allow_a_realistic_table_of_20000_causes(tmp_path):
    # Long names, quoted commas, paragraphs, and 50 symptoms a cause: about 38 MB.
    path = write_table(tmp_path / "big.csv", 20_000, symptoms_per_cause=50)
    data = path.read_bytes()
    assert len(data) <= MAX_UPLOAD_BYTES
    table = load_cause_table(data, name="big.csv", max_bytes=MAX_UPLOAD_BYTES, max_rows=MAX_UPLOAD_ROWS)
    assert len(table) == 20_000


def test_the_documentation_states_the_limits():
    readme = Path(ROOT / "data" / "README.md").read_text()
    assert f"**{MAX_UPLOAD_MB} MB** and **{MAX_UPLOAD_ROWS:,} causes**" in readme


@pytest.mark.parametrize(
    ("argv", "environ", "expected"),
    [
        ([], {}, None),  # follow each browser
        (["--locale", "en-GB"], {}, "en-GB"),
        (["--data", "x.csv", "--locale", "en-US"], {"CAUSE_ATLAS_LOCALE": "fr-FR"}, "en-US"),  # the flag wins
        ([], {"CAUSE_ATLAS_LOCALE": "en-GB"}, "en-GB"),
        ([], {"CAUSE_ATLAS_LOCALE": ""}, None),
        (["--locale"], {}, None),  # no value: ignored, not a crash
    ],
)
def test_a_deployment_can_fix_the_locale(argv, environ, expected):
    assert locale_setting(argv, environ) == expected
