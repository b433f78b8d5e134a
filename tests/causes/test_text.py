"""Showing untrusted text safely, where the data comes from, red flags, and style helpers."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from causes.config import BUNDLED_TABLE, ENV_VAR, data_path
from causes.redflags import RedFlag, load_red_flags
from causes.style import NO_URGENCY, URGENCY_STYLE, badge_md, option_label, symptom_hits_line, urgency_style
from causes.text import joined, md_escape, md_link, paragraphs, safe_url, short

# --- md_escape ---------------------------------------------------------------------------------

# Characters that CommonMark, GitHub-flavoured markdown or Streamlit act on: emphasis, code,
# links and images, HTML and entities, headings, lists, quotes, tables, strikethrough,
# LaTeX ($), colour and icon directives (:red[...], :material/x:), setext underlines (=).
MARKDOWN_ACTIVE = "\\`*_{}[]()<>#+-.!|~:$&=\"'^"


def unescape(text: str) -> str:
    """Undo CommonMark backslash escapes of ASCII punctuation."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def is_escaped_everywhere(escaped: str, chars: str) -> bool:
    """Every character of `chars` in `escaped` is preceded by an odd run of backslashes."""
    i = 0
    while i < len(escaped):
        if escaped[i] == "\\":
            i += 2  # an escape pair: whatever follows is literal
            continue
        if escaped[i] in chars:
            return False
        i += 1
    return True


@pytest.mark.parametrize("char", list(MARKDOWN_ACTIVE))
def test_md_escape_escapes_every_markdown_character(char):
    assert md_escape(char) == "\\" + char
    assert md_escape(f"a{char}b") == f"a\\{char}b"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("plain words", "plain words"),
        ("", ""),
        ("**bold**", r"\*\*bold\*\*"),
        ("_under_", r"\_under\_"),
        ("[click](javascript:alert(1))", r"\[click\]\(javascript\:alert\(1\)\)"),
        ("![img](https://x.org/a.png)", r"\!\[img\]\(https\://x\.org/a\.png\)"),
        ("<script>alert(1)</script>", r"\<script\>alert\(1\)\</script\>"),
        ("&amp; &lt;", r"\&amp; \&lt;"),
        ("# Heading", r"\# Heading"),
        ("1. first", r"1\. first"),
        ("- item", r"\- item"),
        ("+ item", r"\+ item"),
        ("> quote", r"\> quote"),
        ("a | b", r"a \| b"),
        ("~~gone~~", r"\~\~gone\~\~"),
        ("`code`", r"\`code\`"),
        ("$x^2$", r"\$x\^2\$"),
        (":red[alarm]", r"\:red\[alarm\]"),
        (":material/home:", r"\:material/home\:"),
        ("C:\\path", r"C\:\\path"),
        ("===", r"\=\=\="),
        ("\"quoted\" 'single'", r"\"quoted\" \'single\'"),
        ("50% of people, often; why? @home /", "50% of people, often; why? @home /"),
        ("Ünïcödé – “quotes”", "Ünïcödé – “quotes”"),
    ],
)
def test_md_escape(text, expected):
    assert md_escape(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("line one\nline two", "line one line two"),
        ("para one\n\npara two", "para one para two"),
        ("  leading and trailing  ", "leading and trailing"),
        ("tabs\tand\r\nCRLF", "tabs and CRLF"),
        ("\n\n# not a heading", r"\# not a heading"),
        ("text\n---", r"text \-\-\-"),
        ("text\n===", r"text \=\=\="),
        ("    indented code", "indented code"),
        ("a  \nhard break", "a hard break"),
        ("   ", ""),
    ],
)
def test_md_escape_folds_onto_one_line(text, expected):
    escaped = md_escape(text)
    assert escaped == expected
    assert "\n" not in escaped and "\r" not in escaped and "\t" not in escaped


@pytest.mark.parametrize(
    "text",
    [
        string.punctuation,
        string.printable,
        "[a](b) ![c](d) <e> **f** _g_ `h` $i$ :j[k] ~l~ |m| #n &o; =p ^q",
        "\\\\already\\*escaped\\\\",
        "x" * 3 + "\\" + "]",
    ],
)
def test_md_escape_shows_the_text_that_was_written(text):
    escaped = md_escape(text)
    assert is_escaped_everywhere(escaped, MARKDOWN_ACTIVE)
    assert unescape(escaped) == " ".join(text.split())


def test_md_escape_accepts_non_strings():
    assert md_escape(3.5) == r"3\.5"


# --- paragraphs --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("", []),
        ("   \n\n  \n", []),
        ("One paragraph.", ["One paragraph."]),
        ("One.\n\nTwo.", ["One.", "Two."]),
        ("One.\n\n\n\nTwo.", ["One.", "Two."]),
        ("One.\n  \t\nTwo.", ["One.", "Two."]),
        ("One.\r\n\r\nTwo.", ["One.", "Two."]),
        ("Line one\nline two.\n\nNext.", ["Line one line two.", "Next."]),
        ("\n\n  Padded.  \n\n", ["Padded."]),
        ("  lots   of\tspace  ", ["lots of space"]),
        ("A.\n\nB.\n\nC.", ["A.", "B.", "C."]),
    ],
)
def test_paragraphs(text, expected):
    assert paragraphs(text) == expected


# --- safe_url ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url,expected",
    [
        ("https://example.org", "https://example.org"),
        ("http://example.org", "http://example.org"),
        ("https://www.nhs.uk/conditions/leg-cramps/", "https://www.nhs.uk/conditions/leg-cramps/"),
        ("HTTPS://EXAMPLE.ORG/A", "HTTPS://EXAMPLE.ORG/A"),
        ("https://example.org:8443/a?b=c&d=e#f", "https://example.org:8443/a?b=c&d=e#f"),
        ("  https://example.org/  ", "https://example.org/"),
        ("javascript:alert(1)", None),
        ("JAVASCRIPT:alert(1)", None),
        (" javascript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("data:text/html;base64,PHNjcmlwdD4=", None),
        ("vbscript:msgbox", None),
        ("ftp://example.org/file", None),
        ("file:///etc/passwd", None),
        ("mailto:someone@example.org", None),
        ("http://", None),
        ("https://", None),
        ("https:///path", None),
        ("//example.org", None),
        ("example.org", None),
        ("www.example.org", None),
        ("https://exa mple.org", None),
        ("https://example.org/a b", None),
        ("https://example.org/\ta", None),
        ("https://example.org/\u00a0a", None),
        ("http://[::1", None),
        ("", None),
    ],
)
def test_safe_url(url, expected):
    assert safe_url(url) == expected


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


# --- red flags ----------------------------------------------------------------------------------


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


# --- style ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "hits,chosen,line",
    [
        (1, 1, "Has the chosen symptom"),
        (2, 2, "Has all 2 chosen symptoms"),
        (3, 3, "Has all 3 chosen symptoms"),
        (1, 2, "Has 1 of the 2 chosen symptoms"),
        (2, 5, "Has 2 of the 5 chosen symptoms"),
    ],
)
def test_symptom_hits_line(hits, chosen, line):
    assert symptom_hits_line(hits, chosen) == line


@pytest.mark.parametrize(
    "term,count,label",
    [
        ("calves", 3, "calves (3)"),
        ("calves", 0, "calves (0)"),
        ("see a doctor", 1, "see a doctor (1)"),
        ("feet", 1234, "feet (1,234)"),
        ("back (lower)", 2, "back (lower) (2)"),
    ],
)
def test_option_label(term, count, label):
    assert option_label(term, count) == label


@pytest.mark.parametrize(
    "level,label",
    [
        ("urgent", "Urgent"),
        (" URGENT ", "Urgent"),
        ("see a doctor", "See a doctor"),
        ("Self-Care", "Self-care"),
        ("", "Urgency not given"),
        ("soon", "Urgency not given"),
    ],
)
def test_urgency_style(level, label):
    assert urgency_style(level).label == label


def test_every_urgency_level_has_its_own_style():
    from causes.schema import URGENCY_LEVELS

    assert set(URGENCY_STYLE) == set(URGENCY_LEVELS)
    styles = [*URGENCY_STYLE.values(), NO_URGENCY]
    assert len({s.colour for s in styles}) == len(styles)
    assert len({s.label for s in styles}) == len(styles)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Nervous system", "Nervous system"),
        ("<b>bold</b> & <a href='x'>link</a>", "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;a href='x'&gt;link&lt;/a&gt;"),
        ("$x^2$", "&#36;x^2&#36;"),
        ("costs $5 or $6", "costs &#36;5 or &#36;6"),
        ("two\nlines<br>", "two lines&lt;br&gt;"),
        ("&amp; already", "&amp;amp; already"),
    ],
)
def test_plot_escape_makes_plotly_show_text_as_written(text, escaped):
    from causes.text import plot_escape

    assert plot_escape(text) == escaped


@pytest.mark.parametrize(
    ("label", "colour", "icon", "expected"),
    [
        ("Self-care", "green", ":material/self_care:", ":green-badge[:material/self_care: Self-care]"),
        (md_escape("a [b](javascript:x)"), "gray", None, r":gray-badge[a \[b\]\(javascript\:x\)]"),
    ],
)
def test_badge_md_draws_a_badge_inside_markdown_with_the_label_still_escaped(label, colour, icon, expected):
    assert badge_md(label, colour, icon) == expected


@pytest.mark.parametrize(
    ("url", "markdown"),
    [
        (
            "https://www.nhs.uk/conditions/cramp/",
            "[www\\.nhs\\.uk/conditions/cramp/](https://www.nhs.uk/conditions/cramp/)",
        ),
        ("https://e.org/a_(b)", "[e\\.org/a\\_\\(b\\)](https://e.org/a_%28b%29)"),
        ("https://e.org/x]y<z>", "[e\\.org/x\\]y\\<z\\>](https://e.org/x%5Dy%3Cz%3E)"),
        ("javascript:alert(1)", "javascript\\:alert\\(1\\)"),
        ("ftp://e.org/f", "ftp\\://e\\.org/f"),
    ],
)
def test_md_link_makes_only_http_links_and_keeps_the_target_whole(url, markdown):
    assert md_link(url) == markdown


@pytest.mark.parametrize(
    ("items", "word", "expected"),
    [
        ([], "and", ""),
        (["a"], "and", "a"),
        (["a", "b"], "and", "a and b"),
        (["a", "b", "c"], "or", "a, b or c"),
    ],
)
def test_joined(items, word, expected):
    assert joined(items, word) == expected


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short", 10, "short"),
        ("exactly 10", 10, "exactly 10"),
        ("a bit too long", 10, "a bit too…"),
        ("abcdefghij", 5, "abcd…"),
        ("a  long\nname", 20, "a long name"),
    ],
)
def test_short(text, limit, expected):
    assert short(text, limit) == expected
