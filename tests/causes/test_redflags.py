"""causes/redflags.py: a warning sign's level, signs given two levels, and the general signs read
from red_flags.csv."""

from __future__ import annotations

from pathlib import Path

import pytest

from causes.config import BUNDLED_TABLE
from causes.redflags import (
    RedFlag,
    cause_flags,
    level_conflicts,
    load_red_flags,
    parse_flag,
    sign_key,
    table_conflicts,
    with_safety_net,
)

# --- a flag's level ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "cause_urgency", "sign", "level"),
    [
        ("urgent: One leg swollen", "self-care", "One leg swollen", "urgent"),
        ("Emergency : Face droops", "see a doctor", "Face droops", "emergency"),
        ("see a doctor: Twitch for 2 weeks", "urgent", "Twitch for 2 weeks", "see a doctor"),
        ("One leg swollen", "urgent", "One leg swollen", "urgent"),  # no level: its cause's
        ("One leg swollen", "emergency", "One leg swollen", "emergency"),
        ("One leg swollen", "self-care", "One leg swollen", "see a doctor"),  # a sign means get help
        ("One leg swollen", "", "One leg swollen", "see a doctor"),
        ("Note: read this", "urgent", "Note: read this", "urgent"),  # not a level: part of the sign
        ("self-care: rest", "urgent", "self-care: rest", "urgent"),  # self-care is no flag level
        ("urgent:", "see a doctor", "urgent:", "see a doctor"),  # nothing after it: the text itself
    ],
)
def test_parse_flag(item, cause_urgency, sign, level):
    assert parse_flag(item, cause_urgency) == (sign, level)


def test_a_causes_flags_come_most_serious_first_in_the_cells_order_within_a_level():
    record = {"urgency": "see a doctor", "red_flags": ("A", "urgent: B", "C", "emergency: D", "urgent: E")}
    assert [(f.sign, f.urgency) for f in cause_flags(record)] == [
        ("D", "emergency"),
        ("B", "urgent"),
        ("E", "urgent"),
        ("A", "see a doctor"),
        ("C", "see a doctor"),
    ]


def test_a_causes_flags_carry_whom_the_red_flag_file_says_to_call_first():
    record = {"urgency": "see a doctor", "red_flags": ("urgent: Swollen face.", "urgent: B", "emergency: C")}
    general = (RedFlag("swollen  FACE", "urgent", contact="your midwife"), RedFlag("C", "emergency"))
    assert [(f.sign, f.contact) for f in cause_flags(record, general)] == [
        ("C", ""),
        ("Swollen face.", "your midwife"),  # the same sign, however its case, spaces or full stop
        ("B", ""),
    ]
    assert all(not f.contact for f in cause_flags(record))  # no file: no one named


@pytest.mark.parametrize(
    ("places", "expected"),
    [
        ([("A", "urgent", "row 2"), ("a.", "urgent", "row 3")], []),
        (
            [("A sign", "urgent", "row 2"), (" a  SIGN.", "see a doctor", "row 5"), ("B", "emergency", "row 3")],
            ['The warning sign "A sign" has two levels of help: urgent in row 2; see a doctor in row 5. Give it one.'],
        ),
        (
            [("A", "see a doctor", f"row {i}") for i in range(2, 9)] + [("A", "emergency", "red_flags.csv")],
            [
                'The warning sign "A" has two levels of help: emergency in red_flags.csv; see a doctor in '
                "row 2, row 3, row 4, row 5, row 6 and 2 more. Give it one."
            ],
        ),
    ],
)
def test_level_conflicts(places, expected):
    assert level_conflicts(places) == expected


def test_a_table_without_levels_conflicts_only_where_causes_of_two_urgencies_share_a_sign():
    flags = [("Leg swollen",), ("Leg swollen", "urgent: Chest pain"), ("Chest pain",), ()]
    urgency = ["urgent", "urgent", "urgent", "self-care"]
    assert table_conflicts(flags, urgency) == []
    urgency[1] = "see a doctor"
    assert table_conflicts(flags, urgency) == [
        'The warning sign "Leg swollen" has two levels of help: urgent in row 2; see a doctor in row 3. Give it one.'
    ]


def test_a_table_with_many_conflicts_names_ten_and_counts_the_rest():
    flags = [(f"Sign {i}",) for i in range(25)] * 2
    urgency = ["urgent"] * 25 + ["see a doctor"] * 25
    notes = table_conflicts(flags, urgency)
    assert len(notes) == 11
    assert notes[0].startswith('The warning sign "Sign 0" has two levels of help: urgent in row 2;')
    assert notes[-1] == "… and 15 more warning signs with two levels of help."


# --- red_flags.csv -------------------------------------------------------------------------------


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
        (
            "sign,urgency,always_ask,contact\n"
            "Asked of all,emergency,yes,\n"
            "Also all,urgent,YES,your midwife\n"
            "Only some,urgent,no,\n"
            "True too,emergency, true ,\n"
            "Blank,emergency,,\n"
            "For the leg,urgent, whole leg ;; pain ,\n"
            "Said no,urgent,no,\n",
            [
                RedFlag("Asked of all", "emergency", always=True),
                RedFlag("True too", "emergency", always=True),
                RedFlag("Blank", "emergency"),
                RedFlag("Also all", "urgent", always=True, contact="your midwife"),
                RedFlag("Only some", "urgent"),
                RedFlag("For the leg", "urgent", asked_for=("whole leg", "pain")),
                RedFlag("Said no", "urgent"),
            ],
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


NET = (
    RedFlag("Chest pain", "emergency", why="a heart attack", always=True),
    RedFlag("Cold pale leg", "emergency", why="no blood to the leg", always=True),
    RedFlag("A twitch for weeks", "see a doctor"),  # not always asked: never added
)


@pytest.mark.parametrize(
    ("own", "expected"),
    [
        # No file, or no always-asked set of its own: the bundled set, first.
        ((), [("Chest pain", True), ("Cold pale leg", True)]),
        (
            (RedFlag("Own sign", "emergency"), RedFlag("Own routine", "see a doctor")),
            [("Chest pain", True), ("Cold pale leg", True), ("Own sign", False), ("Own routine", False)],
        ),
        # A sign in both is the table's own (its words and why), asked of everyone.
        (
            (RedFlag("Own routine", "see a doctor"), RedFlag("chest pain.", "emergency", why="own why")),
            [("chest pain.", True), ("Cold pale leg", True), ("Own routine", False)],
        ),
        # A table that marks its own set keeps it, and only it.
        (
            (RedFlag("Own net", "urgent", always=True), RedFlag("Own sign", "emergency")),
            [("Own sign", False), ("Own net", True)],
        ),
    ],
)
def test_with_safety_net(own, expected):
    net = with_safety_net(own, NET)
    assert [(f.sign, f.always) for f in net] == expected
    assert len({sign_key(f.sign) for f in net}) == len(net)


def test_the_bundled_set_is_short_plain_and_all_emergencies():
    flags = load_red_flags(BUNDLED_TABLE.parent / "red_flags.csv")
    always = [f for f in flags if f.always]
    assert 6 <= len(always) <= 9  # a long list is not read
    for f in always:
        assert f.urgency == "emergency" and f.why and f.source_url
        assert len(f.sign.split()) <= 16, f.sign  # one situation, short enough to answer yes or no
