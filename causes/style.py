"""How categories of information look: one place for labels, icons and colours, so the
same urgency has the same colour and words everywhere. Colours are from the
Okabe-Ito palette, which stays distinct for the common kinds of colour blindness."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from causes.schema import URGENCY_LEVELS
from causes.text import md_escape


@dataclass(frozen=True)
class UrgencyStyle:
    """One level of help, as every page, slide, handout, chart and export shows it."""

    label: str  # its name: "Emergency"
    icon: str  # a Material Symbols name, shown beside the label
    colour: str  # a hex colour for charts
    badge: str  # Streamlit's badge colour name (themed to the same hex in config.toml)
    meaning: str  # how soon, in a few words: "call for an ambulance now"
    heading: str  # over a list of its signs: "Call {emergency} now, or go to {ae}, if"
    action: str  # what to do, a sentence with the place-holders of `Help`
    aria: str  # what a screen reader says for its badge or card


# Most serious last, as URGENCY_LEVELS. Colours are Okabe-Ito's green, orange and
# vermillion, and a dark red for an emergency (told apart from vermillion by lightness,
# and never by colour alone: every badge and card carries its label).
URGENCY_STYLE: dict[str, UrgencyStyle] = {
    "self-care": UrgencyStyle(
        "Self-care",
        ":material/self_care:",
        "#009E73",
        "green",
        "usually eased at home",
        "Usually eased at home",
        "This is usually eased at home. See a doctor if it lasts, keeps coming back or worries you.",
        "Self-care: usually eased at home",
    ),
    "see a doctor": UrgencyStyle(
        "See a doctor",
        ":material/stethoscope:",
        "#E69F00",
        "orange",
        "book an appointment in the coming days",
        "Book an appointment with {doctor} if",
        "Book an appointment with {doctor} in the coming days.",
        "See a doctor: book an appointment in the coming days",
    ),
    "urgent": UrgencyStyle(
        "Urgent",
        ":material/emergency:",
        "#D55E00",
        "red",
        "get help today",
        "Get help today if",
        "Get help today: {urgent}.",
        "Urgent: get help today",
    ),
    "emergency": UrgencyStyle(
        "Emergency",
        ":material/e911_emergency:",
        "#7A0010",
        "violet",
        "call for an ambulance now",
        "Call {emergency} for an ambulance now, or go to {ae}, if",
        "Call {emergency} for an ambulance now, or go to {ae}.",
        "Emergency: call for an ambulance now",
    ),
}
NO_URGENCY = UrgencyStyle(
    "Urgency not given",
    ":material/help:",
    "#999999",
    "gray",
    "the table does not say",
    "Get help if",
    "Ask a health professional.",
    "Urgency not given",
)


def urgency_style(level: str) -> UrgencyStyle:
    return URGENCY_STYLE.get(level.strip().casefold(), NO_URGENCY)


def level_rank(level: str) -> int:
    """How serious a level is: 0 for none or unknown, then 1 (self-care) to 4 (emergency)."""
    key = level.strip().casefold()
    return URGENCY_LEVELS.index(key) + 1 if key in URGENCY_LEVELS else 0


@dataclass(frozen=True)
class Help:
    """Whom to call, in the words of the person's country."""

    number: str | None  # the emergency number, None where it is not known
    emergency: str  # "999" or "your local emergency number (999 in the UK, …)"
    urgent: str  # how to get help today
    ae: str  # the emergency department
    doctor: str  # whom to book

    def action(self, level: str, contact: str = "") -> str:
        """What to do for a sign of this level; `contact`: whom the sign sends a person to
        instead of the level's usual service ("your midwife or maternity unit"). An
        emergency is always the emergency number."""
        if contact and level in CONTACT_ACTIONS:
            return CONTACT_ACTIONS[level].format(contact=contact, **self._words())
        return urgency_style(level).action.format(**self._words())

    def heading(self, level: str) -> str:
        return urgency_style(level).heading.format(**self._words())

    def _words(self) -> dict[str, str]:
        return {"emergency": self.emergency, "urgent": self.urgent, "ae": self.ae, "doctor": self.doctor}


# A sign that names whom to call (`red_flags.csv`'s `contact`): that service first, the
# level's usual one when it cannot be reached.
CONTACT_ACTIONS = {
    "urgent": "Get help today: call {contact} now. If you cannot reach them, {urgent}.",
    "see a doctor": "Book an appointment with {contact} in the coming days.",
}

UNKNOWN_NUMBER = "your local emergency number (999 in the UK, 112 in Europe, 911 in the US)"
# Countries whose emergency number is not 112 (and the UK's services by name). A locale
# without a country ("en") says every number rather than guess.
_NUMBERS = {"GB": "999", "US": "911", "CA": "911", "AU": "000", "NZ": "111"}


def help_for(locale: str | None) -> Help:
    """Whom to call, from a browser's locale (`en-GB`, `fr-FR`, …) or a deployment's
    setting: 999, 111 and a GP in the UK; 911 in the US and Canada; 112 elsewhere."""
    region = ""
    if locale:
        parts = locale.replace("_", "-").split("-")
        region = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), "")
    if region == "GB":
        return Help("999", "999", "ask for an urgent GP appointment, or call 111", "A&E", "a GP")
    if not region:
        return Help(
            None,
            UNKNOWN_NUMBER,
            "ask for an urgent appointment with a doctor, or go to urgent care (in the UK, call 111)",
            "A&E (the emergency department)",
            "a doctor",
        )
    number = _NUMBERS.get(region, "112")
    return Help(
        number,
        number,
        "ask for an urgent appointment with a doctor, or go to urgent care",
        "the emergency department",
        "a doctor",
    )


CATEGORY_ICON = ":material/category:"  # beside a cause's category, wherever it is shown


def badge_md(label: str, colour: str, icon: str | None = None) -> str:
    """A badge inside Streamlit markdown, like `st.badge` draws, so that one markdown
    element can hold several; `label` must already be escaped for markdown."""
    return f":{colour}-badge[{icon + ' ' if icon else ''}{label}]"


def option_label(term: str, count: int) -> str:
    """A filter option with how many of the current matches carry it: `calves (3)`."""
    return f"{term} ({count:,})"


def symptom_hits_line(hits: int, chosen: int) -> str:
    """How many of the chosen symptoms a cause has, in words."""
    if chosen == 1:
        return "Has the chosen symptom"
    if hits == chosen:
        return f"Has all {chosen} chosen symptoms"
    return f"Has {hits} of the {chosen} chosen symptoms"


def plural(n: int, word: str, many: str | None = None) -> str:
    """`1 cause`, `3 causes`; `2 categories` with `many` given."""
    return f"{n:,} {word}" if n == 1 else f"{n:,} {many or word + 's'}"


@dataclass(frozen=True)
class VerdictStyle:
    label: str
    icon: str
    badge: str


VERDICT_STYLE: dict[str, VerdictStyle] = {
    "supported": VerdictStyle("Supported", ":material/check_circle:", "green"),
    "partly supported": VerdictStyle("Partly supported", ":material/contrast:", "blue"),
    "weak": VerdictStyle("Weak evidence", ":material/help:", "orange"),
    "not supported": VerdictStyle("Not supported", ":material/block:", "red"),
    "wrong": VerdictStyle("Wrong", ":material/cancel:", "red"),
}


def verdict_style(verdict: str) -> VerdictStyle:
    return VERDICT_STYLE.get(verdict.strip().casefold(), VerdictStyle(verdict, ":material/help:", "gray"))


# Paul Tol's "muted" scheme: distinct for the common kinds of colour blindness, and kept
# apart from the urgency colours (Okabe-Ito green, orange and vermillion), so no category
# looks like a warning. The same category keeps the same colour on every chart of a table.
CATEGORY_PALETTE: tuple[str, ...] = (
    "#332288",
    "#88CCEE",
    "#44AA99",
    "#999933",
    "#DDCC77",
    "#CC6677",
    "#882255",
    "#AA4499",
    "#117733",
    "#666666",
)
OTHER_COLOUR = "#BBBBBB"


def category_colours(categories: tuple[str, ...] | list[str]) -> dict[str, str]:
    """A colour per category, in the table's order (most causes first); past the palette,
    categories share a light grey (charts then group them as "other")."""
    return {c: CATEGORY_PALETTE[i] if i < len(CATEGORY_PALETTE) else OTHER_COLOUR for i, c in enumerate(categories)}


# How common a cause is, in words (`commonness`; a blank cell is "not known").
COMMONNESS_WORDS: dict[str, str] = {
    "common": "Common cause",
    "less common": "Less common cause",
    "rare": "Rare cause",
    "not known": "How common: not known",
    "": "How common: not known",
}


def commonness_words(value: str) -> str:
    """`Common cause`, `Rare cause`, `How common: not known`."""
    return COMMONNESS_WORDS.get(str(value).strip().casefold(), COMMONNESS_WORDS[""])


def row_label(cause: Mapping[str, Any], rank: int, why: str = "", common: bool = False) -> str:
    """A cause in the phone's ranked list as one button label: its rank and name, its usual
    level in words with its colour (and how common it is, with `common`), on a line under
    them the first sentence of its summary (the row cuts it to one line; a tap opens the
    full explanation), and why it is listed (`why`, whole). Table text is escaped."""
    style = urgency_style(cause["urgency"])
    summary = " ".join(str(cause["summary"]).split())
    first = summary.split(". ", 1)[0].rstrip(".") + "." if summary else ""
    head = f"**{rank}\\. {md_escape(cause['cause'])}** " + badge_md(style.label, style.badge, style.icon)
    if common:
        head += " " + badge_md(commonness_words(cause["commonness"]), "gray")
    lines = [head, md_escape(first) if first else "", f":small[{md_escape(why)}]" if why else ""]
    return "\n\n".join(line for line in lines if line)


def card_markdown(
    cause: Mapping[str, Any],
    rank: int,
    hits: int,
    chosen: Sequence[str],
    has: Sequence[str] | None = None,
    why: str = "",
    common: bool = False,
) -> str:
    """A cause in the ranked list as one markdown text (each element costs the browser a
    message per rerun): its rank and name, urgency and category badges (and how common it
    is, with `common`), summary, and why it is listed (`why`, from `causes.why`), or
    without one, when symptoms are chosen, which of them it has (`has`: its symptoms that
    match, as `causes.query.matching_terms` says them; by default those it has word for
    word). Table text is escaped."""
    style = urgency_style(cause["urgency"])
    badges = (
        badge_md(style.label, style.badge, style.icon)
        + " "
        + badge_md(md_escape(cause["category"]), "gray", CATEGORY_ICON)
    )
    if common:
        badges += " " + badge_md(commonness_words(cause["commonness"]), "gray", ":material/groups:")
    lines = [f"#### {rank}\\. {md_escape(cause['cause'])}", badges, md_escape(cause["summary"])]
    if why:
        lines.append(":small[:gray[" + md_escape(f"Why it is listed: {why[:1].lower()}{why[1:]}") + "]]")
    elif chosen:
        wanted = {s.casefold() for s in chosen}
        has = [s for s in cause["symptoms"] if s.casefold() in wanted] if has is None else has
        lines.append(":small[:gray[" + md_escape(symptom_hits_line(hits, len(chosen)) + ": " + ", ".join(has)) + "]]")
    return "\n\n".join(lines)
