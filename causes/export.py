"""What a person takes away from a view: the matching causes as CSV, and a handout.

- `to_csv` writes the causes in the cause-table format, so an export loads back in
  unchanged. A cell a spreadsheet would run as a formula (it starts with `=`, `+`, `-`,
  `@`, a tab or a carriage return) gets a single quote in front; the loader drops that
  quote again (`causes.schema.unneutralise`). A list cell is one cell, its items joined
  with "; ", so only its first item's first character matters.
- `handout_html` writes one self-contained, print-ready HTML file: no script, no
  external style sheet, font or image (a Content-Security-Policy says so to the browser
  too), every piece of table text escaped, and links only to the sources' own http(s)
  pages.
- `export_name` gives file names that say what is inside and when.
"""

from __future__ import annotations

import csv
import html
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date

import numpy as np

from causes.check import general_advice, no_self_care, no_signs, sign_line, signs_for, usually_line, when_to_get_help
from causes.figures import URGENCY_COLOURS, category_data, category_heading, total_heading, urgency_columns
from causes.i18n import N_, _, language, long_date, ngettext, number, pgettext
from causes.query import Query, also_finds, heading, result_of
from causes.redflags import RedFlag, cause_flags, grouped
from causes.schema import COLUMN_NAMES, FORMULA_PREFIXES, LIST_COLUMNS, LIST_SEPARATOR, TEXT_MARK
from causes.style import Help, commonness_words, help_for, urgency_style
from causes.table import CauseTable
from causes.text import safe_url

APP_NAME = "Cause Atlas"  # the product's name: never translated


def disclaimer() -> str:
    """What the app is for, and that it does not diagnose, in this run's language."""
    return _(DISCLAIMER)


def not_diagnosis() -> str:
    """Said before the disclaimer, and on every chart file, in this run's language."""
    return _(NOT_DIAGNOSIS)


def no_match() -> str:
    """Said where no cause matches a view, in this run's language."""
    return _(NO_MATCH)


# The same in English, marked for the catalog, for the files that still import them: show
# them through `_()` (better: call the functions above).
DISCLAIMER = N_(
    "Cause Atlas is for learning about what can cause these symptoms. It does not diagnose: "
    "only a health professional who examines you can say what is causing yours."
)
NOT_DIAGNOSIS = N_("Education, not diagnosis.")
NO_MATCH = N_("No cause matches this view.")
HANDOUT_CAUSES = 50
SLUG_CHARS = 40
LIST_JOIN = LIST_SEPARATOR + " "

# --- CSV -------------------------------------------------------------------------------------

# A formula character first, or quotes before one of `=+-@`: such a cell is written with
# one more quote in front, and the loader's "drop one quote before `=+-@`" gives back
# exactly what was there. (A cell starting with a quote is text to a spreadsheet already;
# the loader trims cells, so no loaded value starts with a tab or carriage return.)
_NEEDS_MARK = re.compile("[" + re.escape("".join(FORMULA_PREFIXES)) + r"]|'+[=+\-@]")


def neutralise(cell: str) -> str:
    """A cell as a spreadsheet will show it without running it: `=1+1` becomes `'=1+1`."""
    return TEXT_MARK + cell if _NEEDS_MARK.match(cell) else cell


def write_csv(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """A header and rows of cells as a cause-table file: UTF-8, comma-separated, CRLF line
    ends, would-be formulas neutralised."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([neutralise(c) for c in columns])
    writer.writerows([neutralise(c) for c in row] for row in rows)
    return buf.getvalue().encode("utf-8")


def to_csv(table: CauseTable, positions: Sequence[int] | np.ndarray) -> bytes:
    """The causes at `positions` (in that order) as a cause table: the format's columns
    then the table's extra ones, list items joined with "; ". `load_cause_table` reads it
    back as the same records."""
    columns = (*COLUMN_NAMES, *table.extra_columns)
    rows = np.asarray(positions, dtype=np.int64)
    frame = table.frame
    cells: list[list[str]] = []
    for column in columns:
        values = frame[column].to_numpy(dtype=object)[rows].tolist()
        if column in LIST_COLUMNS:
            values = [LIST_JOIN.join(v) for v in values]
        cells.append(values)
    return write_csv(columns, zip(*cells, strict=True))


# --- file names ------------------------------------------------------------------------------


def view_label(query: Query) -> str:
    """The view's most specific filter values, in words, for a file name: body areas,
    then risk factors, symptoms, categories, the search and urgency; "all causes" when
    nothing is chosen."""
    parts = [*query.areas, *query.risks, *query.symptoms, *query.categories]
    if query.text.strip():
        parts.append(query.text.strip())
    parts += list(query.urgencies)
    # Translators: a view with no filter, in a file's name ("cause-atlas_all-causes_2026-11-24.csv").
    return " ".join(parts) if parts else _("all causes")


def slug(text: str, limit: int = SLUG_CHARS) -> str:
    """Lowercase ASCII words joined by hyphens, at most `limit` characters, cut at a word."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.casefold())
    out = ""
    for w in words:
        candidate = f"{out}-{w}" if out else w
        if len(candidate) > limit:
            if not out:
                out = w[:limit]
            break
        out = candidate
    return out


def file_words() -> dict[str, str]:
    """What a downloaded file holds, as its name says it in this run's language (a kind
    not listed is as given)."""
    # Translators: words in the name of a downloaded file ("cause-atlas_calves_handout_2026-11-24.html"):
    # lowercase; accents are dropped from the file's name.
    return {
        "handout": pgettext("in a file name", "handout"),
        "appointment": pgettext("in a file name", "appointment"),
        "polls": pgettext("in a file name", "polls"),
        "poll": pgettext("in a file name", "poll"),
        "questions": pgettext("in a file name", "questions"),
        "body-map": pgettext("in a file name", "body map"),
        "compare": pgettext("in a file name", "compare"),
        "problems": pgettext("in a file name", "problems"),
        "draft": pgettext("in a file name", "draft"),
        "treemap": pgettext("in a file name", "treemap"),
        "matrix": pgettext("in a file name", "symptom matrix"),
        "bars": pgettext("in a file name", "categories"),
    }


def room_topic(code: str) -> str:
    """A live room's files, named by its code: "room ABC123"."""
    # Translators: in the name of a downloaded file: {code} is a live room's code.
    return pgettext("in a file name", "room {code}").format(code=code)


def export_name(query_or_topic: str | Query, kind: str, day: date, ext: str) -> str:
    """A file name saying what is inside and when: `cause-atlas_calves_2026-11-24.csv`,
    `cause-atlas_calves_handout_2026-11-24.html` (with `kind` "handout", in this run's
    language: `file_words`). Only lowercase ASCII letters, digits, hyphens, underscores
    and one dot: safe on every system."""
    text = view_label(query_or_topic) if isinstance(query_or_topic, Query) else query_or_topic
    parts = ["cause-atlas", slug(text) or "view"]
    kind = file_words().get(kind, kind)
    if slug(kind):
        parts.append(slug(kind))
    parts.append(day.isoformat())
    extension = re.sub(r"[^a-z0-9]", "", ext.casefold()) or "txt"
    return "_".join(parts) + "." + extension


# --- the handout -----------------------------------------------------------------------------

_CSS = """
:root { color: #111; background: #fff; }
* { box-sizing: border-box; }
body { font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; font-size: 13pt;
  line-height: 1.45; margin: 0 auto; max-width: 52rem; padding: 1.5rem; }
h1 { font-size: 24pt; margin: 0 0 .2rem; }
h2 { font-size: 17pt; margin: 1.6rem 0 .5rem; border-bottom: 2px solid #111; padding-bottom: .2rem; }
h3 { font-size: 15pt; margin: 0 0 .3rem; }
p, li { margin: .25rem 0; }
ul { padding-left: 1.3rem; margin: .2rem 0 .5rem; }
.view { font-size: 16pt; margin: .2rem 0; }
.meta { color: #333; margin: .2rem 0 .8rem; }
.disclaimer { border: 2px solid #111; border-radius: 6px; padding: .6rem .8rem; margin: .8rem 0; }
.chart { width: 100%; border-collapse: collapse; margin: .4rem 0; }
.chart th, .chart td { text-align: left; vertical-align: middle; padding: .25rem .4rem;
  border-bottom: 1px solid #ccc; font-weight: normal; }
.chart thead th { font-weight: bold; border-bottom: 2px solid #111; }
.chart .num { text-align: right; white-space: nowrap; }
.bar { display: flex; height: 1.1rem; min-width: 2px; border: 1px solid #111; }
.seg { height: 100%; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; margin: .4rem 0; padding: 0; list-style: none; }
.key { display: inline-block; width: 1rem; height: 1rem; border: 1px solid #111; vertical-align: -0.15rem;
  margin-right: .3rem; }
.cause { border: 1px solid #888; border-radius: 6px; padding: .7rem .9rem; margin: .7rem 0;
  break-inside: avoid; page-break-inside: avoid; }
.tags { margin: 0 0 .4rem; color: #222; }
.badge { display: inline-block; border: 1.5px solid #111; border-radius: 4px; padding: 0 .35rem;
  font-weight: bold; margin-right: .4rem; }
.label { font-weight: bold; margin: .5rem 0 0; }
.flags { border-left: 5px solid #D55E00; padding-left: .6rem; }
.source, .small { font-size: 12pt; color: #222; overflow-wrap: anywhere; }
.more { font-style: italic; }
a { color: #0047AB; }
.signs { break-inside: avoid; page-break-inside: avoid; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@page { margin: 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 12pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .closing { break-before: page; page-break-before: always; }
  a { color: #111; }
}
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; script-src 'none'; base-uri 'none'"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _link(text: str, url: str | None) -> str:
    """Escaped text, linked when `url` is http(s); else the text, and the address as
    plain text when one was given."""
    safe = safe_url(url or "")
    if safe:
        return f'<a href="{_e(safe)}">{_e(text or safe)}</a> <span class="small">({_e(safe)})</span>'
    if url and str(url).strip():
        return f"{_e(text)} <span class='small'>({_e(url)})</span>" if text else _e(url)
    return _e(text or _("No source given"))


def _items(items: Sequence[str], empty: str) -> str:
    if not items:
        return f"<ul><li>{_e(empty)}</li></ul>"
    return "<ul>" + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul>"


def _chart(table: CauseTable, positions: np.ndarray) -> str:
    """Matching causes per category, split by urgency: bars drawn with HTML, every number
    in the table's cells, each colour named in the legend."""
    if not len(positions):
        return f"<p>{_e(no_match())}</p>"
    data = category_data(table, result_of(table, positions))
    frame = data.frame
    columns = urgency_columns()
    category, total_column = category_heading(), total_heading()
    shown = [i for i, c in enumerate(columns) if frame[c].sum()]
    biggest = max(int(frame[total_column].max()), 1)
    legend = "".join(
        f'<li><span class="key" style="background:{URGENCY_COLOURS[i]}"></span>{_e(columns[i])}</li>' for i in shown
    )
    head = "".join(f'<th class="num">{_e(columns[i])}</th>' for i in shown)
    body = []
    for _row_number, row in frame.iterrows():
        total = int(row[total_column])
        segs = "".join(
            f'<div class="seg" style="width:{100 * int(row[columns[i]]) / total:.3f}%;'
            f'background:{URGENCY_COLOURS[i]}" title="{_e(columns[i])}: {int(row[columns[i]])}"></div>'
            for i in shown
            if total and int(row[columns[i]])
        )
        width = 100 * total / biggest
        nums = "".join(f'<td class="num">{int(row[columns[i]])}</td>' for i in shown)
        body.append(
            f'<tr><th scope="row">{_e(row[category])}</th>'
            f'<td style="width:35%"><div class="bar" style="width:{width:.3f}%" aria-hidden="true">{segs}</div></td>'
            f'{nums}<td class="num"><strong>{total}</strong></td></tr>'
        )
    note = f'<p class="small">{_e(data.note)}</p>' if data.note else ""
    caption = _("Matching causes per category, split by urgency")
    # Translators: a column heading of the handout's chart table: the bars.
    chart = pgettext("table heading", "Chart")
    return (
        f'<ul class="legend">{legend}</ul>'
        f'<table class="chart"><caption class="small" style="text-align:left">{_e(caption)}</caption>'
        f'<thead><tr><th scope="col">{_e(category)}</th><th scope="col">{_e(chart)}</th>{head}'
        f'<th class="num">{_e(total_column)}</th></tr></thead><tbody>{"".join(body)}</tbody></table>{note}'
    )


def _cause(c: dict, place: int, help: Help, common: bool = False, general: Sequence[RedFlag] = ()) -> str:
    """One cause, the `place`th (`common`: say how common it is, when the table says so of any)."""
    style = urgency_style(c["urgency"])
    how_common = f" · {_e(commonness_words(c['commonness']))}" if common else ""
    tests = '<p class="label">' + _e(_("Tests a doctor may do")) + "</p>" + _items(c["tests"], "") if c["tests"] else ""
    helps = _("What helps")
    source = _link(c["source_name"], c["source_url"])
    reviewed = ""
    if c["last_reviewed"]:
        # Translators: {date} is a date as the table writes it, 2026-01-31.
        reviewed = " " + _e(_("Last reviewed {date}.").format(date=c["last_reviewed"]))
    # Translators: {source} is the source's publisher, linked to its page (HTML).
    source_line = _e(_("Source: {source}.")).replace("{source}", source)
    return (
        '<section class="cause">'
        f"<h3>{number(place)}. {_e(c['cause'])}</h3>"
        f'<p class="tags"><span class="badge" aria-label="{_e(style.aria)}" style="border-color:{style.colour}">'
        f'<span class="key" style="background:{style.colour}"></span>{_e(style.label)}</span>'
        f"{_e(c['category'])}{how_common}</p>"
        f"<p><strong>{_e(c['summary'])}</strong></p>"
        f'<p class="label">{_e(when_to_get_help())}. {_e(usually_line(c["urgency"]))}</p>'
        f'<div class="flags">{_signs(cause_flags(c, general), help, no_signs())}</div>'
        f'<p class="label">{_e(helps)}</p>'
        f"{_items(c['self_care'], no_self_care())}"
        f"{tests}"
        f'<p class="source">{source_line}{reviewed}</p>'
        "</section>"
    )


def _signs(red_flags: Sequence[RedFlag], help: Help, empty: str | None = None) -> str:
    """Warning signs grouped by level, most serious first, each group under its action
    (none: `empty`, by default the general advice)."""
    if not red_flags:
        return f"<ul><li>{_e(general_advice() if empty is None else empty)}</li></ul>"
    out = []
    for level, chosen in grouped(red_flags):
        style = urgency_style(level)
        # Translators: over a list of warning signs: {level} is a level's name ("Urgent"),
        # {action} what to do, ending "if" ("Get help today if"); the signs follow.
        label = _("{level}: {action}:").format(level=style.label, action=help.heading(level))
        out.append(
            f'<p class="label"><span class="key" style="background:{style.colour}"></span>'
            f"{_e(label)}</p>{_items([sign_line(f) for f in chosen], '')}"
        )
    return "".join(out)


def _sources(records: Sequence[dict], red_flags: Sequence[RedFlag]) -> str:
    """Each source once (publisher and address), in the order first cited."""
    seen: dict[tuple[str, str], None] = {}
    for c in records:
        if c["source_name"] or c["source_url"]:
            seen.setdefault((c["source_name"], c["source_url"]), None)
    for f in red_flags:
        if f.source_name or f.source_url:
            seen.setdefault((f.source_name, f.source_url or ""), None)
    if not seen:
        return "<p>" + _e(_("No sources given.")) + "</p>"
    return '<ul class="source">' + "".join(f"<li>{_link(n, u)}</li>" for n, u in seen) + "</ul>"


def handout_html(
    table: CauseTable,
    positions: Sequence[int] | np.ndarray,
    query: Query,
    red_flags: Sequence[RedFlag],
    day: date,
    *,
    disclaimer: str | None = None,
    limit: int = HANDOUT_CAUSES,
    help: Help | None = None,
) -> str:
    """One print-ready HTML page for a view, in this run's language (its `lang` says so):
    its description and date, the disclaimer (by default `disclaimer()`), a chart of the
    matching causes, the first `limit` of them with what the table says, the general
    warning signs, the sources and the disclaimer again. `help` names the emergency
    number and services (by default every number, as for an unknown locale)."""
    said = _(DISCLAIMER) if disclaimer is None else disclaimer  # the parameter hides `disclaimer()`
    help = help or help_for(None)
    rows = np.asarray(positions, dtype=np.int64)
    chosen = rows[:limit]
    # The shown causes' warning signs and the general ones of no cause, as a deck has.
    red_flags = signs_for(table, chosen, red_flags)
    records = [table.record(int(p)) for p in chosen]
    more = len(rows) - len(chosen)
    title = heading(query)
    also = also_finds(table, query)
    when = long_date(day)
    # Translators: {n} is how many causes match; {total} how many the table has; {name} the
    # table's name (a file name).
    count = ngettext(
        "{n} cause of {total} in the table {name} matches this view.",
        "{n} causes of {total} in the table {name} match this view.",
        len(rows),
    ).format(n=number(len(rows)), total=number(len(table)), name=table.name)
    causes = "".join(_cause(c, i, help, table.says_commonness, red_flags) for i, c in enumerate(records, start=1))
    if more:
        more_line = ngettext(
            "… and {n} more cause match this view; see the app.",
            "… and {n} more causes match this view; see the app.",
            more,
        ).format(n=number(more))
        causes += f'<p class="more">{_e(more_line)}</p>'
    if not records:
        causes = f"<p>{_e(no_match())}</p>"
    edu = f'<p class="disclaimer"><strong>{_e(not_diagnosis())}</strong> {_e(said)}</p>'
    # Translators: {date} is the day the handout was made, "24 November 2026".
    made_on = _e(_("Handout made on {date}.")).replace(
        "{date}", f'<time datetime="{day.isoformat()}">{_e(when)}</time>'
    )
    # Translators: a heading of the handout; {n} is how many of the matching causes it lists.
    causes_heading = _("The causes, the first {n}").format(n=number(len(records))) if more else _("The causes")
    # Translators: the handout's foot; {name} is the app's name, {date} the day, 2026-11-24.
    made_with = _("Made with {name} on {date}.").format(name=APP_NAME, date=day.isoformat())
    every_fact = _("Every fact above comes from the source named with it.")
    at_a_glance, sources_heading = _("The matching causes at a glance"), _("Sources")
    return f"""<!DOCTYPE html>
<html lang="{_e(language())}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{_e(APP_NAME)}: {_e(title)} ({day.isoformat()})</title>
<style>{_CSS}</style>
</head>
<body>
<header>
<h1>{_e(APP_NAME)}</h1>
<p class="view">{_e(title)}</p>
{f'<p class="meta">{_e(also)}</p>' if also else ""}
<p class="meta">{made_on} {_e(count)}</p>
{edu}
</header>
<main>
<section class="overview">
<h2>{_e(at_a_glance)}</h2>
{_chart(table, rows)}
</section>
<section class="causes">
<h2>{_e(causes_heading)}</h2>
{causes}
</section>
<section class="closing">
<div class="signs">
<h2>{_e(when_to_get_help())}</h2>
{_signs(red_flags, help)}
</div>
<h2>{_e(sources_heading)}</h2>
{_sources(records, red_flags)}
</section>
</main>
<footer>
{edu}
<p class="small">{_e(made_with)}
{_e(every_fact)}</p>
</footer>
</body>
</html>
"""


__all__ = [
    "DISCLAIMER",
    "disclaimer",
    "export_name",
    "handout_html",
    "neutralise",
    "no_match",
    "not_diagnosis",
    "slug",
    "to_csv",
    "view_label",
]
