"""A visit summary: one page a person takes to an appointment (issue 27).

What they noticed (the view's symptoms, body areas and risk factors, and a few short
answers they may type: since when, how often, what makes it better or worse, the medicines
they take), the warning signs they said yes to with what to do, the findings they said no
to, the causes to ask about with what tells them apart and the tests a doctor may do, and
three or four questions to ask.

It is made from the person's session only and never kept: `summary_html` is the file they
download, `summary_markdown` the same on the page. Everything typed or read from a table is
escaped (HTML: `html.escape`; markdown: the `escape` given), so hostile text stays inert.

    summary = visit_summary(table, view_query, result, answers, Notes(since="March"), help, today)
    html = summary_html(summary)
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from causes.check import Answer, action_cards
from causes.compare import compare, distinguishing_sentence
from causes.export import APP_NAME, disclaimer, not_diagnosis
from causes.i18n import N_, _, language, long_date, ngettext, number
from causes.query import Query, Result, first_by_urgency
from causes.style import Help, commonness_words, urgency_style
from causes.table import URGENCY_RANK, CauseTable
from causes.text import joined, safe_url
from causes.why import why_listed

NOTE_MAX_CHARS = 200  # one typed answer
CAUSES_TO_ASK = 4  # the causes a summary names (what tells them apart needs 2 to 4)
URGENT_FIRST = 2  # urgent causes that fit as well as any, named first (a GP checks them today)
QUESTIONS = 4
# Tests that are no test: a summary asks about a real one.
_NO_TEST = (
    "usually none",
    "usually no test",
    "no single test",
    "no lab test",
    "the doctor",
    "an examination",
    "checks",
)
SERIOUS_LEVELS = ("urgent", "emergency")


@dataclass(frozen=True)
class Notes:
    """What a person typed for their visit: health data, kept in their session only."""

    since: str = ""
    how_often: str = ""
    better_worse: str = ""
    medicines: str = ""

    def cleaned(self) -> Notes:
        """Each answer on one line, trimmed, at most `NOTE_MAX_CHARS` characters."""

        def one(text: str) -> str:
            return " ".join(str(text).split())[:NOTE_MAX_CHARS]

        return Notes(one(self.since), one(self.how_often), one(self.better_worse), one(self.medicines))


# The typed answers, in the order they are asked and shown: (key, label, placeholder), in
# English, marked for the catalog. `note_labels()` says them in this run's language.
NOTE_LABELS: tuple[tuple[str, str, str], ...] = (
    # Translators: a question the person may answer for their appointment, and its example answer.
    ("since", N_("Since when?"), N_("e.g. since March, or for about 2 weeks")),
    ("how_often", N_("How often?"), N_("e.g. most nights, a few times a week")),
    ("better_worse", N_("What makes it better or worse?"), N_("e.g. worse after running, better after stretching")),
    ("medicines", N_("Medicines you take"), N_("e.g. a water tablet, a statin")),
)


def note_labels() -> tuple[tuple[str, str, str], ...]:
    """The typed answers as (key, label, placeholder), in this run's language."""
    return tuple((key, _(label), _(placeholder)) for key, label, placeholder in NOTE_LABELS)


def _note_said(key: str) -> str:
    """How the summary says a typed answer, in the person's own voice."""
    if key == "since":
        # Translators: in the visit summary, before what the person typed ("Since: March").
        return _("Since")
    if key == "how_often":
        # Translators: in the visit summary, before what the person typed ("How often: most nights").
        return _("How often")
    if key == "better_worse":
        # Translators: in the visit summary, before what the person typed ("Better or worse with: running").
        return _("Better or worse with")
    # Translators: in the visit summary, before what the person typed ("Medicines I take: a statin").
    return _("Medicines I take")


@dataclass(frozen=True)
class CauseNote:
    """A cause to ask about."""

    name: str
    level: str  # its usual level, in words
    common: str  # how common, in words ("" when the table does not say)
    why: str  # why it is listed
    apart: str  # what tells it apart from the others named ("" for one)
    tests: tuple[str, ...]
    source: str  # the source's name
    source_url: str | None
    level_key: str = ""  # its usual level as the table writes it ("urgent")

    def head(self) -> str:
        """`Night cramps · Self-care · Common cause` (plain text)."""
        return " · ".join(part for part in (self.name, self.level, self.common) if part)

    def items(self) -> list[str]:
        """What the summary says of it, a line each (plain text): why it is listed, what
        tells it apart, the tests a doctor may do."""
        out = []
        if self.why:
            # Translators: {why} is why a cause is listed ("has cramps at night; not twitching at rest").
            out.append(_("Why it is listed: {why}").format(why=self.why))
        if self.apart:
            # Translators: {apart} is what tells this cause apart from the others named, a sentence.
            out.append(_("What tells it apart: {apart}").format(apart=self.apart))
        if self.tests:
            # Translators: {tests} are tests, separated by "; ".
            out.append(_("Tests a doctor may do: {tests}").format(tests="; ".join(self.tests)))
        return out


@dataclass(frozen=True)
class Summary:
    """A visit summary, in plain text parts (escaped when drawn)."""

    day: date
    noticed: tuple[tuple[str, str], ...]  # (what, the words): "Symptoms", "cramps at night"
    signs: tuple[tuple[str, str, tuple[str, ...]], ...]  # (level in words, what to do, the signs and why)
    without: tuple[str, ...]
    causes: tuple[CauseNote, ...]
    questions: tuple[str, ...]
    shown: int = 0  # how many causes the view shows in all
    now: str = ""  # the emergencies among the first causes: call now, not an appointment
    title: str = N_("Notes for my appointment")  # `visit_summary` gives it in this run's language


def _noticed(query: Query, notes: Notes) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    # Translators: the visit summary's "What I noticed": each row a label and what was chosen.
    if query.symptoms:
        said = joined(list(query.symptoms), "and" if query.match == "all" else "or")
        rows.append((_("What I notice"), said))
    if query.areas:
        # Translators: {areas} are body areas ("calves and thighs"), after "Where:".
        rows.append((_("Where"), _("the {areas}").format(areas=joined(list(query.areas), "and"))))
    if query.risks:
        rows.append((_("What applies to me"), joined(list(query.risks), "and")))
    if query.text.strip():
        # Translators: {text} is the words the person searched for, in quotes (after "I looked for:").
        looked = _('"{text}"').format(text=query.text.strip())
        rows.append((_("I looked for"), looked))
    for key, _label, _placeholder in NOTE_LABELS:
        said = getattr(notes, key)
        if said:
            rows.append((_note_said(key), said))
    return rows


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _a_real_test(causes: Sequence[CauseNote]) -> str | None:
    """A test named in a few plain words, from the causes to ask about that are not
    urgent (an urgent cause's tests are done the same day, not asked about): the first
    item that names a test, cut before its conditions ("... if the twitch lasts")."""
    for c in causes:
        if c.level_key in SERIOUS_LEVELS:
            continue
        for item in c.tests:
            if item.casefold().startswith(_NO_TEST):
                continue
            cut = re.split(r",? (?:only if|if|in some cases|which)\b", item, maxsplit=1)[0].strip(" ,;:")
            if cut:
                return cut
    return None


def _questions(causes: Sequence[CauseNote], notes: Notes, said: Sequence[Answer]) -> tuple[str, ...]:
    """Three or four questions: the warning sign said yes to, what the causes could be,
    the tests, the medicines typed, and always what should bring the person back sooner
    (the one a GP most wants asked). Over four, "could this be" goes first, then the tests."""
    # The questions are the person's own, to ask their doctor (first person).
    first = ""
    if len(said) == 1:
        # Translators: a question to ask the doctor; {sign} is a warning sign the person said yes to.
        first = _('I said yes to "{sign}": what should I do, and how soon?').format(sign=said[0].sign)
    elif said:
        more = len(said) - 1
        # Translators: a question to ask the doctor; {sign} is a warning sign the person said
        # yes to, {n} how many more they said yes to.
        first = ngettext('I said yes to "{sign}" (and {n} more): what should I do, and how soon?',
                         'I said yes to "{sign}" (and {n} more): what should I do, and how soon?',
                         more).format(sign=said[0].sign, n=number(more))  # fmt: skip
    could = ""
    if len(causes) >= 2:
        # Translators: a question to ask the doctor; {first} and {second} are causes' names.
        could = _("Could this be {first} or {second}? What would tell them apart?").format(
            first=causes[0].name, second=causes[1].name
        )
    elif causes:
        # Translators: a question to ask the doctor; {cause} is a cause's name.
        could = _("Could this be {cause}, or something else?").format(cause=causes[0].name)
    test = _a_real_test(causes)
    # Translators: a question to ask the doctor; {test} is a test from the cause table ("a blood test for iron").
    tests = _("Do I need any tests, such as {test}?").format(test=test) if test else _("Do I need any tests?")
    medicines = ""
    if notes.medicines:  # what they typed: their own file
        # Translators: a question to ask the doctor; {medicines} is what the person typed ("a statin").
        asked = _("I take {medicines}. Could a medicine I take be causing this, and should anything change?")
        medicines = asked.format(medicines=notes.medicines)
    back = _("What should make me come back sooner, or get help straight away?")
    out = [q for q in (first, could, tests, medicines, back) if q]
    for drop in (could, tests):
        if len(out) > QUESTIONS and drop in out:
            out.remove(drop)
    return tuple(out[:QUESTIONS])


def visit_summary(
    table: CauseTable,
    query: Query,
    result: Result,
    answers: Iterable[Answer],
    notes: Notes,
    help: Help,
    day: date,
    causes: Sequence[int] | None = None,
) -> Summary:
    """The summary of a view: its filters and `notes` (what was typed), the warning-sign
    `answers` (yes only), the findings said no to, the first `CAUSES_TO_ASK` causes of
    `result` (or `causes`, hand-picked: a comparison), and the questions to ask."""
    notes = notes.cleaned()
    said = list(answers)
    cards = action_cards(said, help)
    # Translators: {action} is what to do, a sentence; {soon} how soon ("Today.").
    how_soon = _("{action} How soon: {soon}")
    signs = tuple((c.title, how_soon.format(action=c.action, soon=c.soon), c.reasons) for c in cards)
    emergencies: list[str] = []
    if causes is not None:
        picked = [int(p) for p in causes][:CAUSES_TO_ASK]
    else:
        picked, emergencies = _causes_to_ask(table, result)
    comparison = compare(table, picked) if len(picked) >= 2 else None
    notes_of: list[CauseNote] = []
    for i, position in enumerate(picked):
        c = table.record(position)
        notes_of.append(
            CauseNote(
                name=c["cause"],
                level=urgency_style(c["urgency"]).label,
                common=commonness_words(c["commonness"]) if table.says_commonness else "",
                why=_lower_first(why_listed(table, position, query)),
                apart=distinguishing_sentence(table, comparison, i).text if comparison is not None else "",
                tests=tuple(c["tests"]),
                source=c["source_name"] or (safe_url(c["source_url"]) or ""),
                source_url=safe_url(c["source_url"]),
                level_key=c["urgency"],
            )
        )
    now = ""
    if emergencies:
        # Translators: {causes} are emergencies among the causes ("a blood clot or sepsis"); {action}
        # is what to do ("Call 999 for an ambulance now, or go to A&E.").
        now = _("If it could be {causes}, do not wait for an appointment. {action}").format(
            causes=joined(emergencies, "or"), action=help.action("emergency")
        )
    return Summary(
        day=day,
        noticed=tuple(_noticed(query, notes)),
        signs=signs,
        without=tuple(query.without),
        causes=tuple(notes_of),
        questions=_questions(notes_of, notes, said),
        shown=len(picked) if causes is not None else len(result),
        now=now,
        title=_("Notes for my appointment"),
    )


def _causes_to_ask(table: CauseTable, result: Result) -> tuple[list[int], list[str]]:
    """The causes a summary names: the first of the list that are not emergencies (an
    emergency is never a topic for an appointment: the emergencies among them are named
    apart, to call for now), with the urgent causes that fit as well as any first (for leg
    swelling, the burst cyst and the blood clot, whose questions the warning-sign check
    asked), at most `URGENT_FIRST` of them."""
    first = [int(p) for p in result.positions[: CAUSES_TO_ASK * 3].tolist()]
    emergency = URGENCY_RANK["emergency"]
    shown_first = first[:CAUSES_TO_ASK]
    emergencies = [table.record(p)["cause"] for p in shown_first if table.urgency_rank[p] == emergency]
    picked = [p for p in first if table.urgency_rank[p] != emergency][:CAUSES_TO_ASK]
    best = [int(p) for p in first_by_urgency(table, result, CAUSES_TO_ASK).tolist()]
    fit = dict(zip(result.positions.tolist()[: len(first)], result.symptom_hits.tolist()[: len(first)], strict=True))
    top = max(fit.values(), default=0)
    urgent = [p for p in best if table.urgency_rank[p] == URGENCY_RANK["urgent"] and fit.get(p, -1) == top]
    urgent = urgent[:URGENT_FIRST]
    picked = [*urgent, *(p for p in picked if p not in urgent)][:CAUSES_TO_ASK]
    return picked, emergencies


# --- drawn ------------------------------------------------------------------------------------

PRIVACY_LINE = N_(
    "What you type here stays in this browser tab (never saved on our server, put in the link or shared), "
    "and your summary is a file you download: closing the tab forgets it."
)  # English, marked for the catalog: `privacy_line()` says it in this run's language


def privacy_line() -> str:
    """What happens to what a person types for their visit."""
    return _(PRIVACY_LINE)


def summary_markdown(summary: Summary, escape: Callable[[str], str]) -> str:
    """The summary as one markdown text (Streamlit's), everything escaped by `escape`."""
    e = escape
    out = [f"**{e(not_diagnosis())}** {e(disclaimer())}", f"*{e(long_date(summary.day))}*"]
    if summary.signs:  # the right help first
        out.append("#### " + _("Warning signs I said yes to"))
        for title, action, reasons in summary.signs:
            out.append(f"**{e(title)}. {e(action)}**\n\n" + "\n".join(f"- {e(r)}" for r in reasons))
    if summary.now:
        out.append(f"**{e(summary.now)}**")
    out.append("#### " + _("What I noticed"))
    out.append("\n".join(f"- **{e(k)}:** {e(v)}" for k, v in summary.noticed) or "- " + _("Nothing chosen yet."))
    if summary.without:
        out.append("#### " + _("What I do not have") + "\n\n" + "\n".join(f"- {e(t)}" for t in summary.without))
    if summary.causes:
        more = summary.shown - len(summary.causes)
        out.append("#### " + _("Causes to ask about") + (f"\n\n:small[{_in_my_list(summary)}]" if more > 0 else ""))
        for c in summary.causes:
            rest = c.head().removeprefix(c.name)
            out.append("\n".join([f"**{e(c.name)}** {e(rest)}", *(f"- {e(item)}" for item in c.items())]))
    out.append(
        "#### " + _("Questions to ask") + "\n\n" + "\n".join(f"{i}. {e(q)}" for i, q in enumerate(summary.questions, 1))
    )
    return "\n\n".join(out)


def _in_my_list(summary: Summary) -> str:
    """`4 of the 12 causes in my list.`"""
    # Translators: the visit summary names {k} of the {n} causes in the person's list.
    return ngettext("{k} of the {n} cause in my list.", "{k} of the {n} causes in my list.", summary.shown).format(
        k=number(len(summary.causes)), n=number(summary.shown)
    )


_CSS = """
@page { size: A4; margin: 14mm 16mm; }
* { box-sizing: border-box; }
body { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 19px; line-height: 1.45;
  color: #0b0c0c; margin: 0 auto; max-width: 46rem; padding: 1rem; }
h1 { font-size: 1.9rem; margin: 0 0 .3rem; }
h2 { font-size: 1.35rem; margin: 1.3rem 0 .4rem; }
h3 { font-size: 1.1rem; margin: .8rem 0 .2rem; }
p, ul, ol, dl { margin: .3rem 0; }
ul, ol { padding-left: 1.4rem; }
dt { font-weight: bold; float: left; clear: left; margin-right: .4rem; }
dd { margin: 0 0 .2rem; }
.disclaimer { border-left: 6px solid #005eb8; background: #e8f1f8; padding: .5rem .8rem; }
.sign { border-left: 6px solid #d5281b; padding: .3rem .8rem; margin: .5rem 0; }
.meta { color: #4c6272; }
.cause { break-inside: avoid; margin-bottom: .6rem; }
section { break-inside: avoid-page; }
a { color: #005eb8; overflow-wrap: anywhere; }
.small { font-size: .85rem; }
@media print {
  body { font-size: 11.5pt; max-width: none; padding: 0; line-height: 1.35; }
  h1 { font-size: 18pt; } h2 { font-size: 13.5pt; margin-top: .8rem; } h3 { font-size: 12pt; }
  a { color: #0b0c0c; text-decoration: none; }
}
"""


def made_with(day: date) -> str:
    """The summary's line of who made it and when."""
    # Translators: {app} is the product's name ("Cause Atlas"); {day} a date ("14 March 2026").
    return _("Made with {app} on {day}").format(app=APP_NAME, day=long_date(day))


def _list_section(heading: str, items: Iterable[str], tag: str) -> str:
    """A section of the summary's HTML: a heading over a list (`ul` or `ol`), escaped."""
    e = functools.partial(html.escape, quote=True)
    return f"<section><h2>{e(heading)}</h2><{tag}>" + "".join(f"<li>{e(i)}</li>" for i in items) + f"</{tag}></section>"


def summary_html(summary: Summary) -> str:
    """The summary as one self-contained HTML page (no script, no link to load), in the
    NHS leaflet's plain style: large type, plain headings, the education line and the
    date; on A4 it prints on one or two pages."""

    def e(text: object) -> str:
        return html.escape(str(text), quote=True)

    parts = [
        "<!doctype html>",
        f'<html lang="{language()}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{e(summary.title)} – {e(long_date(summary.day))}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{e(summary.title)}</h1>",
        '<p class="meta">' + e(made_with(summary.day)) + "</p>",
        f'<p class="disclaimer"><strong>{e(not_diagnosis())}</strong> {e(disclaimer())}</p>',
    ]
    if summary.signs:  # the right help first
        parts.append("<section><h2>" + e(_("Warning signs I said yes to")) + "</h2>")
        for title, action, reasons in summary.signs:
            parts.append(
                f'<div class="sign"><p><strong>{e(title)}. {e(action)}</strong></p><ul>'
                + "".join(f"<li>{e(r)}</li>" for r in reasons)
                + "</ul></div>"
            )
        parts.append("</section>")
    if summary.now:
        parts.append(f'<p class="sign"><strong>{e(summary.now)}</strong></p>')
    parts.append("<section><h2>" + e(_("What I noticed")) + "</h2>")
    if summary.noticed:
        parts.append("<dl>" + "".join(f"<dt>{e(k)}:</dt><dd>{e(v)}</dd>" for k, v in summary.noticed) + "</dl>")
    else:
        parts.append("<p>" + e(_("Nothing chosen yet.")) + "</p>")
    parts.append("</section>")
    if summary.without:
        parts.append(_list_section(_("What I do not have"), summary.without, "ul"))
    if summary.causes:
        parts.append("<section><h2>" + e(_("Causes to ask about")) + "</h2>")
        if summary.shown > len(summary.causes):
            parts.append(f'<p class="small">{e(_in_my_list(summary))}</p>')
        for c in summary.causes:
            head = f'{e(c.name)} <span class="meta">{e(c.head().removeprefix(c.name))}'
            items = [f"<li>{e(item)}</li>" for item in c.items()]
            source = e(c.source)
            if c.source_url:
                source = f'<a href="{e(c.source_url)}">{source or e(c.source_url)}</a>'
            if source:
                # Translators: {source} is a source's name (a link). Keep the HTML as it is.
                items.append('<li class="small">' + _("Source: {source}").format(source=source) + "</li>")
            parts.append(f'<div class="cause"><h3>{head}</span></h3><ul>{"".join(items)}</ul></div>')
        parts.append("</section>")
    parts.append(_list_section(_("Questions to ask"), summary.questions, "ol"))
    made = _("Made on your device from what you chose and typed; Cause Atlas keeps none of it.")
    parts.append(f'<p class="small meta">{e(made)}</p>')
    parts.append("</body></html>")
    return "\n".join(parts)
