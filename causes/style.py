"""How categories of information look: one place for labels, icons and colours, so the
same urgency has the same colour and words everywhere. Colours are from the
Okabe-Ito palette, which stays distinct for the common kinds of colour blindness."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from causes.i18n import N_, _, ngettext, number, pgettext
from causes.schema import URGENCY_LEVELS
from causes.text import md_escape


@dataclass(frozen=True)
class UrgencyStyle:
    """One level of help, as every page, slide, handout, chart and export shows it. Its
    words are kept in English (the catalog's message ids, read at import) and said in this
    run's language when read: `label`, `meaning`, `heading`, `action`, `aria`."""

    label_id: str  # its name: "Emergency"
    icon: str  # a Material Symbols name, shown beside the label
    colour: str  # a hex colour for charts
    badge: str  # Streamlit's badge colour name (themed to the same hex in config.toml)
    meaning_id: str  # how soon, in a few words: "call for an ambulance now"
    heading_id: str  # over a list of its signs: "Call {emergency} now, or go to {ae}, if"
    action_id: str  # what to do, a sentence with the place-holders of `Help`
    aria_id: str  # what a screen reader says for its badge or card

    @property
    def label(self) -> str:
        return _(self.label_id)

    @property
    def meaning(self) -> str:
        return _(self.meaning_id)

    @property
    def heading(self) -> str:
        return _(self.heading_id)

    @property
    def action(self) -> str:
        return _(self.action_id)

    @property
    def aria(self) -> str:
        return _(self.aria_id)


# Most serious last, as URGENCY_LEVELS. Colours are Okabe-Ito's green, orange and
# vermillion, and a dark red for an emergency (told apart from vermillion by lightness,
# and never by colour alone: every badge and card carries its label).
# Translators: the four levels of help (and "Urgency not given"). Each has a name (a badge
# label), how soon in a few words, a heading over a list of warning signs (it ends "if",
# followed by the signs as a list: "Get help today if:"), an action sentence and a
# screen-reader label. {doctor}: whom to book ("a GP", "a doctor"); {urgent}: how to get
# help today ("ask for an urgent GP appointment, or call 111"); {emergency}: the emergency
# number ("999", or "your local emergency number (…)"); {ae}: the emergency department.
URGENCY_STYLE: dict[str, UrgencyStyle] = {
    "self-care": UrgencyStyle(
        # Translators: a level of help, as its badge names it.
        N_("Self-care"),
        ":material/self_care:",
        "#009E73",
        "green",
        N_("usually eased at home"),
        N_("Usually eased at home"),
        N_("This is usually eased at home. See a doctor if it lasts, keeps coming back or worries you."),
        N_("Self-care: usually eased at home"),
    ),
    "see a doctor": UrgencyStyle(
        # Translators: a level of help, as its badge names it.
        N_("See a doctor"),
        ":material/stethoscope:",
        "#E69F00",
        "orange",
        N_("book an appointment in the coming days"),
        # Translators: {doctor} is whom to book: "a GP", "a doctor". A list of signs follows.
        N_("Book an appointment with {doctor} if"),
        # Translators: {doctor} is whom to book: "a GP", "a doctor".
        N_("Book an appointment with {doctor} in the coming days."),
        N_("See a doctor: book an appointment in the coming days"),
    ),
    "urgent": UrgencyStyle(
        # Translators: a level of help, as its badge names it.
        N_("Urgent"),
        ":material/emergency:",
        "#D55E00",
        "red",
        N_("get help today"),
        # Translators: a list of warning signs follows.
        N_("Get help today if"),
        # Translators: {urgent} is how to get help today: "ask for an urgent GP appointment, or call 111".
        N_("Get help today: {urgent}."),
        N_("Urgent: get help today"),
    ),
    "emergency": UrgencyStyle(
        # Translators: a level of help, as its badge names it.
        N_("Emergency"),
        ":material/e911_emergency:",
        "#7A0010",
        "violet",
        N_("call for an ambulance now"),
        # Translators: {emergency} is the emergency number ("999"); {ae} the emergency
        # department ("A&E"). A list of warning signs follows.
        N_("Call {emergency} for an ambulance now, or go to {ae}, if"),
        # Translators: {emergency} is the emergency number ("999"); {ae} the emergency department ("A&E").
        N_("Call {emergency} for an ambulance now, or go to {ae}."),
        N_("Emergency: call for an ambulance now"),
    ),
}
NO_URGENCY = UrgencyStyle(
    N_("Urgency not given"),
    ":material/help:",
    "#999999",
    "gray",
    N_("the table does not say"),
    # Translators: a list of warning signs follows.
    N_("Get help if"),
    N_("Ask a health professional."),
    N_("Urgency not given"),
)


def urgency_word(level: str) -> str:
    """A level as a word inside a sentence ("rated urgent or emergency"): in English the
    code as the table writes it; an unknown level as it is."""
    key = level.strip().casefold()
    if key == "emergency":
        return pgettext("level in a sentence", "emergency")
    if key == "urgent":
        return pgettext("level in a sentence", "urgent")
    if key == "see a doctor":
        return pgettext("level in a sentence", "see a doctor")
    if key == "self-care":
        return pgettext("level in a sentence", "self-care")
    return level


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
        first, before the level's usual service ("your midwife or maternity unit"; for an
        emergency, "your cancer team's 24-hour helpline", then the emergency department)."""
        if contact and level in CONTACT_ACTIONS:
            return _(CONTACT_ACTIONS[level]).format(contact=contact, **self._words())
        return urgency_style(level).action.format(**self._words())

    def heading(self, level: str) -> str:
        return urgency_style(level).heading.format(**self._words())

    def _words(self) -> dict[str, str]:
        return {"emergency": self.emergency, "urgent": self.urgent, "ae": self.ae, "doctor": self.doctor}


# A sign that names whom to call (`red_flags.csv`'s `contact`): that service first, the
# level's usual one when it cannot be reached.
# English, marked for the catalog: translated where used (`Help.action`).
CONTACT_ACTIONS = {
    # Translators: {contact} is whom a warning sign sends a person to first ("your cancer team's
    # 24-hour helpline"); {ae} the emergency department ("A&E"); {emergency} the emergency number ("999").
    "emergency": N_(
        "Call {contact} now. If you cannot get through straight away, go to {ae},"
        " or call {emergency} if you are very unwell."
    ),
    # Translators: {contact} is whom a warning sign sends a person to ("your midwife or
    # maternity unit"); {urgent} how to get help today ("ask for an urgent GP appointment, or call 111").
    "urgent": N_("Get help today: call {contact} now. If you cannot reach them, {urgent}."),
    # Translators: {contact} is whom a warning sign sends a person to ("your midwife or maternity unit").
    "see a doctor": N_("Book an appointment with {contact} in the coming days."),
}

# English, marked for the catalog: `help_for` translates it.
UNKNOWN_NUMBER = N_("your local emergency number (999 in the UK, 112 in Europe, 911 in the US)")
# Countries whose emergency number is not 112 (and the UK's services by name). A locale
# without a country ("en") says every number rather than guess. The Spanish-speaking
# countries' numbers for an ambulance, each from its government, health service or Red
# Cross (where the general 911 does not reliably send one, the ambulance service's own:
# Chile's SAMU 131, Argentina's SAME 107, Peru's SAMU 106, …).
_NUMBERS = {
    "GB": "999",
    "US": "911",
    "CA": "911",
    "AU": "000",
    "NZ": "111",
    "MX": "911",
    "AR": "107",
    "CL": "131",
    "CO": "123",
    "CR": "911",
    "CU": "104",
    "DO": "911",
    "EC": "911",
    "SV": "132",
    "GT": "122",
    "HN": "911",
    "NI": "128",
    "PA": "911",
    "PY": "141",
    "PE": "106",
    "PR": "911",
    "UY": "911",
    "VE": "911",
    # Elsewhere, where 112 does not reach an ambulance (South Korea's and Norway's 112 is the
    # police, Vietnam's the disaster line) or is not the number people are told: the
    # ambulance's, each from the country's government, health or ambulance service.
    "JP": "119",
    "KR": "119",
    "CN": "120",
    "TW": "119",
    "HK": "999",
    "MO": "999",
    "SG": "995",
    "MY": "999",
    "PH": "911",
    "TH": "1669",
    "VN": "115",
    "BD": "999",
    "LK": "1990",
    "NP": "102",
    "BR": "192",
    "EG": "123",
    "TN": "190",
    "SA": "997",
    "AE": "998",
    "QA": "999",
    "IL": "101",
    "LB": "140",
    "IR": "115",
    "UA": "103",
    "NO": "113",
    "TT": "811",
    "ZA": "10177",  # 112 from a mobile only
}
# Countries where no one number reliably reaches an ambulance everywhere (Bolivia's 168 is
# still being rolled out; Equatorial Guinea has none yet; India's, Pakistan's, Indonesia's,
# Kenya's and Morocco's ambulance numbers differ by region or service): the app names no
# number there rather than a wrong one, as for a locale without a country.
_NO_ONE_NUMBER = frozenset({"BO", "GQ", "IN", "PK", "ID", "KE", "MA"})


def help_for(locale: str | None) -> Help:
    """Whom to call, from a browser's locale (`en-GB`, `fr-FR`, …) or a deployment's
    setting: 999, 111 and a GP in the UK; 911 in the US, Canada and Mexico; the ambulance's
    number in each Spanish-speaking country and where 112 is not it (119 in Japan, 113 in
    Norway, …); none named where no one number reaches an ambulance; 112 elsewhere. The
    words are in this run's language (the locale decides the numbers and services only)."""
    region = ""
    if locale:
        parts = locale.replace("_", "-").split("-")
        region = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), "")
    if region == "GB":
        return Help(
            "999",
            "999",
            # Translators: how to get help today in the UK (111 is the UK's urgent-care phone number).
            _("ask for an urgent GP appointment, or call 111"),
            # Translators: the UK's hospital emergency department.
            _("A&E"),
            # Translators: whom to book in the UK (a family doctor).
            _("a GP"),
        )
    if not region:
        return Help(
            None,
            _(UNKNOWN_NUMBER),
            _("ask for an urgent appointment with a doctor, or go to urgent care (in the UK, call 111)"),
            _("A&E (the emergency department)"),
            _("a doctor"),
        )
    emergency_number = None if region in _NO_ONE_NUMBER else _NUMBERS.get(region, "112")
    return Help(
        emergency_number,
        emergency_number or _(UNKNOWN_NUMBER),
        _("ask for an urgent appointment with a doctor, or go to urgent care"),
        _("the emergency department"),
        _("a doctor"),
    )


CATEGORY_ICON = ":material/category:"  # beside a cause's category, wherever it is shown


def badge_md(label: str, colour: str, icon: str | None = None) -> str:
    """A badge inside Streamlit markdown, like `st.badge` draws, so that one markdown
    element can hold several; `label` must already be escaped for markdown."""
    return f":{colour}-badge[{icon + ' ' if icon else ''}{label}]"


def option_label(term: str, count: int) -> str:
    """A filter option with how many of the current matches carry it: `calves (3)`."""
    return f"{term} ({number(count)})"


def symptom_hits_line(hits: int, chosen: int) -> str:
    """How many of the chosen symptoms a cause has, in words."""
    if chosen == 1:
        return _("Has the chosen symptom")
    if hits == chosen:
        # Translators: {n} is how many symptoms were chosen (2 or more), all of which the cause has.
        return ngettext("Has all {n} chosen symptom", "Has all {n} chosen symptoms", chosen).format(n=number(chosen))
    # Translators: {hits} of the {n} chosen symptoms (2 or more) are the cause's.
    return ngettext("Has {hits} of the {n} chosen symptom", "Has {hits} of the {n} chosen symptoms", chosen).format(
        hits=number(hits), n=number(chosen)
    )


@dataclass(frozen=True)
class VerdictStyle:
    label_id: str  # the verdict's name in English (the message id), or a table's own word
    icon: str
    badge: str
    known: bool = True  # False: `label_id` is a table's word, shown as written

    @property
    def label(self) -> str:
        """Its name in this run's language (a table's own word as written)."""
        return _(self.label_id) if self.known else self.label_id


# How well a claim is supported by the sources (a badge beside the claim).
VERDICT_STYLE: dict[str, VerdictStyle] = {
    # Translators: a claim's verdict, as its badge names it.
    "supported": VerdictStyle(N_("Supported"), ":material/check_circle:", "green"),
    "partly supported": VerdictStyle(N_("Partly supported"), ":material/contrast:", "blue"),
    "weak": VerdictStyle(N_("Weak evidence"), ":material/help:", "orange"),
    "not supported": VerdictStyle(N_("Not supported"), ":material/block:", "red"),
    "wrong": VerdictStyle(N_("Wrong"), ":material/cancel:", "red"),
}


def verdict_style(verdict: str) -> VerdictStyle:
    return VERDICT_STYLE.get(verdict.strip().casefold(), VerdictStyle(verdict, ":material/help:", "gray", known=False))


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


# How common a cause is, in words (`commonness`; a blank cell is "not known"): English,
# marked for the catalog; `commonness_words` says them in this run's language.
COMMONNESS_WORDS: dict[str, str] = {
    "common": N_("Common cause"),
    "less common": N_("Less common cause"),
    "rare": N_("Rare cause"),
    "not known": N_("How common: not known"),
    "": N_("How common: not known"),
}


def commonness_words(value: str) -> str:
    """`Common cause`, `Rare cause`, `How common: not known`."""
    return _(COMMONNESS_WORDS.get(str(value).strip().casefold(), COMMONNESS_WORDS[""]))


def commonness_count(value: str, n: int) -> str:
    """How many causes are this common, inside a sentence: `12 common`, `3 less common`,
    `1 not known` (`value` a commonness code; blank is "not known")."""
    key = str(value).strip().casefold()
    if key == "common":
        # Translators: how many causes are this common, in a list ("12 common, 3 rare").
        return ngettext("{n} common", "{n} common", n).format(n=number(n))
    if key == "less common":
        # Translators: how many causes are this common, in a list ("12 common, 3 less common").
        return ngettext("{n} less common", "{n} less common", n).format(n=number(n))
    if key == "rare":
        # Translators: how many causes are this common, in a list ("12 common, 3 rare").
        return ngettext("{n} rare", "{n} rare", n).format(n=number(n))
    # Translators: how many causes no source says how common they are, in a list ("12 common, 3 not known").
    return ngettext("{n} not known", "{n} not known", n).format(n=number(n))


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
        # Translators: {why} is why a cause is listed ("has cramps at night; not twitching at rest").
        said = _("Why it is listed: {why}").format(why=f"{why[:1].lower()}{why[1:]}")
        lines.append(":small[:gray[" + md_escape(said) + "]]")
    elif chosen:
        wanted = {s.casefold() for s in chosen}
        has = [s for s in cause["symptoms"] if s.casefold() in wanted] if has is None else has
        # Translators: {line} is "Has 2 of the 3 chosen symptoms"; {symptoms} names them.
        said = _("{line}: {symptoms}").format(line=symptom_hits_line(hits, len(chosen)), symptoms=", ".join(has))
        lines.append(":small[:gray[" + md_escape(said) + "]]")
    return "\n\n".join(lines)
