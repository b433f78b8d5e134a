"""causes/text.py: showing untrusted text safely (Markdown, Plotly labels, paragraphs, links)."""

from __future__ import annotations

import re
import string

import pytest

from causes.text import joined, md_escape, md_link, paragraphs, plot_escape, safe_url, short

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


# --- plot_escape -------------------------------------------------------------------------------


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
    assert plot_escape(text) == escaped


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


def test_md_link_with_a_label():
    assert md_link("https://e.org/a)b", "NHS [UK]") == "[NHS \\[UK\\]](https://e.org/a%29b)"
    assert md_link("javascript:x", "NHS") == "NHS"


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
    ("items", "word", "english", "spanish"),
    [
        (["riñón", "hígado"], "and", "riñón and hígado", "riñón e hígado"),
        (["calambres", "ictus"], "and", "calambres and ictus", "calambres e ictus"),
        (["a", "b", "**Inflamación**"], "and", "a, b and **Inflamación**", "a, b e **Inflamación**"),
        (["calcio", "hierro"], "and", "calcio and hierro", "calcio y hierro"),  # the i glides: y
        (["agua", "yodo"], "and", "agua and yodo", "agua y yodo"),
        (["minutos", "horas"], "or", "minutos or horas", "minutos u horas"),
        (["7", "8"], "or", "7 or 8", "7 u 8"),
        (["siete", "ocho"], "or", "siete or ocho", "siete u ocho"),
        (["pierna", "«otro»"], "or", "pierna or «otro»", "pierna u «otro»"),
        (["pierna", "brazo"], "or", "pierna or brazo", "pierna o brazo"),
        (["isla", "ojo"], "and", "isla and ojo", "isla y ojo"),  # "and" before o: y
        (["ojo", "isla"], "or", "ojo or isla", "ojo o isla"),  # "or" before i: o
    ],
)
def test_joined_says_and_and_or_as_the_next_word_needs(items, word, english, spanish):
    from causes import i18n

    assert joined(items, word) == english
    with i18n.using("es"):
        assert joined(items, word) == spanish


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
