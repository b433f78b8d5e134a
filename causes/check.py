"""The warning-sign check: before the causes, ask about the signs that apply to a person's
choice, most serious first, and turn each "yes" into the action to take.

Whatever a person picks, and whether or not anything matches, the always-asked set comes
first (`red_flags.csv`'s `always_ask`; a table without one gets the bundled set, see
`causes.redflags.with_safety_net`). Then the matching causes' own signs and the general
ones that belong to none of the table's causes, merged so that one sign is asked once,
most serious first. A sign that two places give different levels is asked at the more
serious one (the loader and the content tests report such a sign; the check errs towards
help). What a "yes" means is an `Answer`: the sign, its level, why it matters and whom to
call, kept by the page in the person's session only."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from weakref import WeakKeyDictionary

import numpy as np

from causes.i18n import N_, _, ngettext, number
from causes.query import Query, Result, first_by_urgency
from causes.redflags import FLAG_LEVELS, RedFlag, by_level, cause_flags, grouped, parse_flag, sign_key
from causes.style import Help, badge_md, level_rank, urgency_style
from causes.table import CauseTable

# What every page, slide and handout says about getting help, in the same words, in this
# run's language.


def when_to_get_help() -> str:
    """The heading over the warning signs."""
    return _("When to get help")


def general_advice() -> str:
    """When no warning signs are known."""
    return _("Symptoms that are severe, last, keep coming back, or worry you.")


def no_signs() -> str:
    """A cause without warning signs of its own."""
    return _("No specific signs listed.")


def no_self_care() -> str:
    return _("No self-care listed: ask a health professional.")


# The same in English, marked for the catalog, for the files that still import the
# constants: show them through `_()` (better: call the functions above).
WHEN_TO_GET_HELP = N_("When to get help")
GENERAL_ADVICE = N_("Symptoms that are severe, last, keep coming back, or worry you.")
NO_SIGNS = N_("No specific signs listed.")
NO_SELF_CARE = N_("No self-care listed: ask a health professional.")

# The best-ranked matching causes whose signs are asked: enough for any realistic choice
# in a table of thousands, few enough to ask in one panel.
MAX_CAUSES_ASKED = 200
# Beside the always-asked set, a few signs for help today or sooner are asked at once: those of
# the best-fitting causes (the first page of them), best cause first; the rest wait behind one
# switch, so the panel stays short enough to read when broader terms bring in many causes.
CAUSES_ASKED_FIRST = 10
MAX_ASKED_AT_ONCE = 6


@dataclass(frozen=True)
class Sign:
    """One warning sign to ask about."""

    key: str  # stable across processes and runs: a digest of the sign as compared
    sign: str
    level: str  # one of FLAG_LEVELS
    why: str  # "this can be a blood clot", or the causes it is a sign of
    causes: tuple[str, ...]  # the matching causes that list it (none for a general sign)
    always: bool = False  # one of the always-asked set
    contact: str = ""  # whom to call instead of the level's usual service
    first: int = -1  # the rank (0 = best) of the best-ranked matching cause that lists it; -1 for none
    support: int = 0  # how many of the best-ranked causes (`CAUSES_ASKED_FIRST`) list it


def sign_id(sign: str) -> str:
    return hashlib.blake2s(sign_key(sign).encode("utf-8"), digest_size=8).hexdigest()


def applies(query: Query) -> bool:
    """Whether to ask: a person has chosen anything (a symptom, an area, a risk factor, a
    category, a level, a word to search for), whatever matches."""
    return not query.is_empty


def signs_to_ask(
    table: CauseTable, result: Result, general: Sequence[RedFlag], query: Query | None = None
) -> tuple[Sign, ...]:
    """The signs that apply to this result, one entry each: the always-asked set first
    (with the signs asked for a term `query` picks: the blood-clot question for the leg),
    then the matching causes' own (those that fit best first, the most urgent first among
    them: `first_by_urgency`, whatever order the list shows) and the general signs of no
    cause, most serious first."""
    causes = first_by_urgency(table, result, MAX_CAUSES_ASKED)
    return tuple(
        Sign(sign_id(f.sign), f.sign, f.urgency, f.why, names, f.always, f.contact, first, support)
        for f, names, first, support in _merged(table, causes, general, query)
    )


def picks_any(table: CauseTable, query: Query, terms: Sequence[str]) -> bool:
    """Whether `query` chooses one of `terms` (of any column), or a narrower term: the calves
    for the whole leg."""
    for column, chosen in (("symptoms", query.symptoms), ("body_areas", query.areas), ("risk_factors", query.risks)):
        index = table.facets[column]
        reach = table.reach.get(column)
        wanted = {i for i in (index.id_of(t) for t in terms) if i is not None}
        for term in chosen:
            i = index.id_of(term)
            if i is not None and (i in wanted or (reach is not None and wanted & set(reach.broader_of(i)))):
                return True
    return False


def signs_for(
    table: CauseTable, positions: Sequence[int] | np.ndarray, general: Sequence[RedFlag]
) -> tuple[RedFlag, ...]:
    """The always-asked signs, the warning signs of these causes and the general signs of
    no cause, merged, most serious first: what a deck of these causes shows under
    `when_to_get_help()`."""
    return by_level(m[0] for m in _merged(table, positions, general))


def _merged(
    table: CauseTable, positions: Sequence[int] | np.ndarray, general: Sequence[RedFlag], query: Query | None = None
) -> list[tuple[RedFlag, tuple[str, ...], int, int]]:
    """Each sign once: (flag, the causes that list it, the rank of the first of them or -1,
    how many of the first `CAUSES_ASKED_FIRST` list it)."""
    by_sign: dict[str, RedFlag] = {}
    for f in general:  # a sign the general file gives twice: its first row counts
        by_sign.setdefault(sign_key(f.sign), f)
    found: dict[str, dict] = {}

    def add(flag: RedFlag, cause: str | None, rank: int = -1) -> None:
        entry = found.setdefault(
            sign_key(flag.sign), {"flag": flag, "level": flag.urgency, "causes": [], "first": rank, "support": 0}
        )
        if 0 <= rank < CAUSES_ASKED_FIRST and cause not in entry["causes"]:
            entry["support"] += 1
        if level_rank(flag.urgency) > level_rank(entry["level"]):
            entry["level"] = flag.urgency
        if cause and cause not in entry["causes"]:
            entry["causes"].append(cause)

    rows = np.asarray(positions, dtype=np.int64)
    frame = table.frame
    for rank, (name, items, urgency) in enumerate(
        zip(frame["cause"].iloc[rows], frame["red_flags"].iloc[rows], frame["urgency"].iloc[rows], strict=True)
    ):
        for flag in cause_flags({"red_flags": items, "urgency": urgency}):
            add(flag, name, rank)
    in_table = signs_of_table(table)
    always = {
        sign_key(f.sign)
        for f in general
        if f.always or (f.asked_for and query is not None and picks_any(table, query, f.asked_for))
    }
    for flag in general:
        key = sign_key(flag.sign)
        if key in always or key in found or key not in in_table:
            add(flag, None)
    merged = []
    for key, e in found.items():
        own = by_sign.get(key)  # the general file's why, source and contact, where it has the sign
        flag = RedFlag(
            e["flag"].sign,
            e["level"],
            own.source_name if own else "",
            own.source_url if own else None,
            (own.why if own and own.why else "") or why_of(e["causes"]),
            key in always,
            own.contact if own else "",
        )
        merged.append((flag, tuple(e["causes"]), e["first"], e["support"]))
    # The always-asked set first, in the general file's order; then most serious first (a
    # sign asked for a picked term among them: it is asked at once, at its level).
    order = {key: i for i, key in enumerate(by_sign)}

    def asked_order(m: tuple[RedFlag, tuple[str, ...], int, int]) -> tuple[int, int]:
        key = sign_key(m[0].sign)
        every = key in by_sign and by_sign[key].always
        return (0, order[key]) if every else (1, -level_rank(m[0].urgency))

    return sorted(merged, key=asked_order)


# Per table, while it is in use: a person's own table is dropped with their session.
_SIGNS_OF: WeakKeyDictionary[CauseTable, frozenset[str]] = WeakKeyDictionary()


def signs_of_table(table: CauseTable) -> frozenset[str]:
    """Every sign the table's causes list, as compared (once per table: it is read-only)."""
    if table not in _SIGNS_OF:
        frame = table.frame
        _SIGNS_OF[table] = frozenset(
            sign_key(parse_flag(item, urgency)[0])
            for items, urgency in zip(frame["red_flags"], frame["urgency"], strict=True)
            for item in items
        )
    return _SIGNS_OF[table]


def why_of(causes: Sequence[str]) -> str:
    """Why a sign is asked, in this run's language (it follows "Why: " in a sentence)."""
    if not causes:
        return _("it is one of the general warning signs")
    if len(causes) == 1:
        # Translators: {cause} is a cause's name. Follows "Why: ".
        return _("it is a warning sign of {cause}").format(cause=causes[0])
    if len(causes) == 2:
        # Translators: {first} and {second} are causes' names. Follows "Why: ".
        return _("it is a warning sign of {first} and of {second}").format(first=causes[0], second=causes[1])
    more = len(causes) - 2
    # Translators: {first} and {second} are causes' names; {n} how many more causes list the sign.
    return ngettext(
        "it is a warning sign of {first}, {second} and {n} more",
        "it is a warning sign of {first}, {second} and {n} more",
        more,
    ).format(first=causes[0], second=causes[1], n=number(more))


@dataclass(frozen=True)
class Answer:
    """A sign a person said yes to: what the action card needs, nothing about them."""

    sign: str
    level: str
    why: str
    contact: str = ""
    # The causes `why` names when it says whose warning sign it is (not a red-flag file's
    # own words): said again in another language (`translation.Pairing.answer`).
    causes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Card:
    """The action for one level of the signs a person said yes to."""

    level: str
    title: str  # the level's name: "Emergency"
    action: str  # what to do, whom to call
    soon: str  # how soon
    reasons: tuple[str, ...]  # "You said: …. Why: …."


# How soon, per level: English, marked for the catalog; `soon` says it in this run's language.
SOON = {
    "emergency": N_("Now. Do not wait, and do not drive yourself."),
    # Translators: how soon to get help.
    "urgent": N_("Today."),
    # Translators: how soon to get help.
    "see a doctor": N_("In the coming days."),
}


def soon(level: str) -> str:
    """How soon to get help for signs of this level."""
    return _(SOON[level])


def action_cards(answers: Iterable[Answer], help: Help) -> tuple[Card, ...]:
    """One card per level of the answers, most serious first, each naming its signs."""
    chosen = list(answers)
    cards = []
    for level in reversed(FLAG_LEVELS):
        mine = [a for a in chosen if a.level == level]
        if not mine:
            continue
        contacts = {a.contact for a in mine}
        # Every sign of the card sends the person to one service first: the card says so.
        shared = contacts.pop() if len(contacts) == 1 else ""
        reasons = tuple(_reason(a, help, level, said_above=shared) for a in mine)
        cards.append(Card(level, urgency_style(level).label, help.action(level, shared), soon(level), reasons))
    return tuple(cards)


def _reason(answer: Answer, help: Help, level: str, said_above: str = "") -> str:
    """`You said: …. Why: ….`, and whom to call when the sign names someone the card
    does not (`said_above`)."""
    # Translators: {sign} is a warning sign the person said yes to; {why} why it matters
    # ("it is a warning sign of sciatica", "this can be a blood clot").
    said = _("You said: {sign}. Why: {why}.").format(sign=answer.sign, why=answer.why)
    if not answer.contact or answer.contact == said_above:
        return said
    if level == "emergency":  # the card says call for an ambulance: nothing here may say call someone else first
        # Translators: after a warning sign that needs an ambulance, whom it also concerns
        # ("your cancer team's 24-hour helpline").
        return f"{said} " + _("Then let {contact} know.").format(contact=answer.contact)
    return f"{said} {help.action(level, answer.contact)}"


def card_markdown(card: Card, escape: Callable[[str], str]) -> str:
    """A card as one markdown text, its level named in words (never colour alone). The
    signs and reasons come from a table: `escape` makes them inert."""
    reasons = "\n".join(f"- {escape(r)}" for r in card.reasons)
    head = f"{escape(card.title)}. {escape(card.action)}"
    # Translators: {soon} is how soon ("Today."). Markdown: keep the ** around "How soon:".
    when = _("**How soon:** {soon}").format(soon=card.soon)
    return f"**{head}**\n\n{when}\n\n{reasons}"


def inline_action(sign: Sign, help: Help) -> str:
    """The action for one sign said yes to, shown under its question: "Urgent. Get help
    today: … Why: this can be a blood clot." (plain text: escape it to show)."""
    # Translators: {level} is a level of help ("Urgent"); {action} what to do, a sentence;
    # {why} why the sign matters ("this can be a blood clot").
    return _("{level}. {action} Why: {why}.").format(
        level=urgency_style(sign.level).label, action=help.action(sign.level, sign.contact), why=sign.why
    )


def answer_of(sign: Sign) -> Answer:
    return Answer(sign.sign, sign.level, sign.why, sign.contact, sign.causes if sign.why == why_of(sign.causes) else ())


def flags_markdown(flags: Sequence[RedFlag], help: Help, escape: Callable[[str], str]) -> str:
    """Warning signs grouped by level, most serious first, each group under the action it
    needs ("Call 999 for an ambulance now, or go to A&E, if"), as one markdown text."""
    parts = []
    for level, mine in grouped(flags):
        style = urgency_style(level)
        head = badge_md(style.label, style.badge, style.icon) + f" **{escape(help.heading(level))}:**"
        parts.append(head + "\n\n" + "\n".join(f"- {escape(sign_line(f))}" for f in mine))
    return "\n\n".join(parts)


def sign_line(flag: RedFlag) -> str:
    """A warning sign as a list under its level's action shows it: with whom to call first
    when it names someone ("…: call your midwife or maternity unit first")."""
    if not flag.contact:
        return flag.sign
    # Translators: a warning sign in a list under its level's action ("Get help today if:"),
    # and whom it sends a person to first ("your midwife or maternity unit").
    return _("{sign}: call {contact} first").format(sign=flag.sign, contact=flag.contact)


SERIOUS: tuple[str, ...] = ("emergency", "urgent")  # help today or sooner: asked first, shown as alarms


def asked_first(signs: Sequence[Sign]) -> tuple[list[Sign], list[Sign]]:
    """The questions asked at once: the always-asked set, then at most `MAX_ASKED_AT_ONCE`
    signs that need help today or sooner, of the best-ranked causes (`CAUSES_ASKED_FIRST`)
    or of no cause: those that more of these causes share first (a blood clot's question,
    for a leg that cramps, is shared by the clot and by every cramp), then one of each cause
    in turn (each cause's most serious sign), the emergencies first, then the better-ranked
    cause's; and the rest, asked behind one switch. Each list keeps the order given
    (`signs_to_ask`: the always-asked first, then most serious)."""
    candidates = [s for s in signs if not s.always and s.level in SERIOUS and s.first < CAUSES_ASKED_FIRST]
    # Within a cause, its more serious signs first; across causes, one sign each in turn.
    turn: dict[int, int] = {}
    place = {}
    for s in sorted(candidates, key=lambda s: (s.first, -level_rank(s.level))):
        place[s.key] = turn.get(s.first, 0)
        turn[s.first] = place[s.key] + 1
    candidates.sort(key=lambda s: (-s.support, place[s.key], -level_rank(s.level), max(s.first, 0)))
    chosen = {s.key for s in candidates[:MAX_ASKED_AT_ONCE]}

    def now(s: Sign) -> bool:
        return s.always or s.key in chosen

    return [s for s in signs if now(s)], [s for s in signs if not now(s)]


def usually_line(urgency: str) -> str:
    """A cause's own level, said apart from its signs': "Usually: see a doctor (book an
    appointment in the coming days)"."""
    style = urgency_style(urgency)
    # Translators: a cause's usual level of help: {level} is its name ("See a doctor"),
    # {meaning} how soon ("book an appointment in the coming days").
    return _("Usually: {level} ({meaning})").format(level=style.label, meaning=style.meaning)


def keep(answers: Mapping[str, Answer], sign: Sign, yes: bool) -> dict[str, Answer]:
    """The answers with `sign` said yes (kept) or no (dropped)."""
    out = dict(answers)
    if yes:
        out[sign.key] = answer_of(sign)
    else:
        out.pop(sign.key, None)
    return out
