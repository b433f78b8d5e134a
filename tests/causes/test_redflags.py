"""causes/redflags.py: the general warning signs read from red_flags.csv."""

from __future__ import annotations

from pathlib import Path

import pytest

from causes.config import BUNDLED_TABLE
from causes.redflags import RedFlag, load_red_flags


def write_flags(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "red_flags.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_missing_red_flags_file_gives_no_flags(tmp_path):
    assert load_red_flags(tmp_path / "red_flags.csv") == ()


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"sign,urgency\n", id="header only"),
        pytest.param(b"\xff\xfe\x00\x01", id="not UTF-8"),
    ],
)
def test_unusable_red_flags_file_gives_no_flags(tmp_path, content):
    path = tmp_path / "red_flags.csv"
    path.write_bytes(content)
    assert load_red_flags(path) == ()


def test_red_flags_folder_gives_no_flags(tmp_path):
    assert load_red_flags(tmp_path) == ()


@pytest.mark.parametrize(
    "csv_text,expected",
    [
        (
            "sign,urgency,source_name,source_url\n"
            "Slow one,see a doctor,NHS,https://www.nhs.uk/a\n"
            "Home one,self-care,,\n"
            "Fast one,urgent,MSD,https://www.msdmanuals.com/b\n"
            "Slow two,See A Doctor,,\n"
            "Fast two,URGENT,,\n",
            [
                RedFlag("Fast one", "urgent", "MSD", "https://www.msdmanuals.com/b"),
                RedFlag("Fast two", "urgent", "", None),
                # A warning sign always means get help: self-care is read as see a doctor.
                RedFlag("Slow one", "see a doctor", "NHS", "https://www.nhs.uk/a"),
                RedFlag("Home one", "see a doctor", "", None),
                RedFlag("Slow two", "see a doctor", "", None),
            ],
        ),
        (
            "sign,urgency,why,source_name,source_url\n"
            "Leg swollen,urgent,this can be a blood clot,NHS,https://www.nhs.uk/c\n"
            "Face droops,Emergency,this can be a stroke,,\n",
            [
                RedFlag("Face droops", "emergency", "", None, "this can be a stroke"),
                RedFlag("Leg swollen", "urgent", "NHS", "https://www.nhs.uk/c", "this can be a blood clot"),
            ],
        ),
        (
            "sign,urgency,source_name,source_url\n"
            "Bad link,urgent,Someone,javascript:alert(1)\n"
            "Data link,urgent,Someone,data:text/html;base64,PHNjcmlwdD4=\n"
            "No host,urgent,Someone,https://\n",
            [
                RedFlag("Bad link", "urgent", "Someone", None),
                RedFlag("Data link", "urgent", "Someone", None),
                RedFlag("No host", "urgent", "Someone", None),
            ],
        ),
        (
            "sign,urgency\n  Padded sign  , urgent \n,urgent\n   ,urgent\nUnknown level,soon\nNo level,\n",
            [
                RedFlag("Padded sign", "urgent", "", None),
                RedFlag("Unknown level", "see a doctor", "", None),
                RedFlag("No level", "see a doctor", "", None),
            ],
        ),
        (
            "\ufeffsign,urgency,source_name,source_url\nWith BOM,urgent,NHS,https://www.nhs.uk/\n",
            [RedFlag("With BOM", "urgent", "NHS", "https://www.nhs.uk/")],
        ),
        (
            "sign\nOnly a sign\n",
            [RedFlag("Only a sign", "see a doctor", "", None)],
        ),
        (
            'sign,urgency\n"A sign, with a comma",urgent\n',
            [RedFlag("A sign, with a comma", "urgent", "", None)],
        ),
    ],
)
def test_load_red_flags(tmp_path, csv_text, expected):
    assert load_red_flags(write_flags(tmp_path, csv_text)) == tuple(expected)


def test_bundled_red_flags_are_most_urgent_first():
    flags = load_red_flags(BUNDLED_TABLE.parent / "red_flags.csv")
    assert flags, "data/red_flags.csv should give flags"
    order = ["emergency", "urgent", "see a doctor"]
    ranks = [order.index(f.urgency) for f in flags]
    assert ranks == sorted(ranks)
    assert all(f.source_url is None or f.source_url.startswith("https://") for f in flags)
