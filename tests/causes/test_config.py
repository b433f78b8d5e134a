"""causes/config.py: where the table comes from (--data, the environment, the bundled table), and
the upload limits, set once: the server's own limit and the documentation say the same."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from causes.config import (
    BUNDLED_TABLE,
    ENV_VAR,
    MAX_UPLOAD_BYTES,
    MAX_UPLOAD_MB,
    MAX_UPLOAD_ROWS,
    ROOT,
    data_path,
    locale_setting,
    rooms_setting,
)
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


@pytest.mark.parametrize(
    ("argv", "environ", "expected"),
    [
        ([], {}, None),  # the default SQLite file
        (["--rooms", "redis://10.0.0.5:6379/0"], {}, "redis://10.0.0.5:6379/0"),
        (["--data", "x.csv", "--rooms", "/srv/rooms.db"], {"CAUSE_ATLAS_ROOMS": "redis://r:1/0"}, "/srv/rooms.db"),
        ([], {"CAUSE_ATLAS_ROOMS": "redis://r:1/0"}, "redis://r:1/0"),
        ([], {"CAUSE_ATLAS_ROOMS": ""}, None),
    ],
)
def test_a_deployment_chooses_where_rooms_are_kept(argv, environ, expected):
    setting, folder = rooms_setting(argv, environ)
    assert setting == expected
    assert folder == rooms_setting([], {})[1] and folder.name.startswith("cause-atlas-")  # one per user, shared


# --- config.data_path ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv,environ,expected",
    [
        ([], {}, BUNDLED_TABLE),
        (["--data", "mine.csv"], {}, Path("mine.csv")),
        (["--data=mine.csv"], {}, Path("mine.csv")),
        (["--theme", "dark", "--data", "/tmp/mine.csv"], {}, Path("/tmp/mine.csv")),
        (["app.py", "--verbose", "--data", "mine.csv", "--other"], {}, Path("mine.csv")),
        (["extra", "words", "--data", "a b.csv"], {}, Path("a b.csv")),
        ([], {ENV_VAR: "/srv/table.csv"}, Path("/srv/table.csv")),
        (["--unrelated", "x"], {ENV_VAR: "/srv/table.csv"}, Path("/srv/table.csv")),
        (["--data", "mine.csv"], {ENV_VAR: "/srv/table.csv"}, Path("mine.csv")),
        ([], {ENV_VAR: ""}, BUNDLED_TABLE),
        ([], {"OTHER": "x.csv"}, BUNDLED_TABLE),
        (["--data"], {}, BUNDLED_TABLE),
        (["--data"], {ENV_VAR: "/srv/table.csv"}, Path("/srv/table.csv")),
    ],
)
def test_data_path(argv, environ, expected):
    assert data_path(argv, environ) == expected


def test_data_path_reads_the_process_environment_by_default(monkeypatch):
    monkeypatch.setenv(ENV_VAR, "/from/env.csv")
    assert data_path([]) == Path("/from/env.csv")
    monkeypatch.delenv(ENV_VAR)
    assert data_path([]) == BUNDLED_TABLE


def test_bundled_table_is_in_the_data_folder():
    assert BUNDLED_TABLE.name == "causes.csv"
    assert BUNDLED_TABLE.parent.name == "data"
    assert BUNDLED_TABLE.is_file()
