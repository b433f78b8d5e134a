"""How categories of information look: one place for labels, icons and colours, so the
same urgency has the same colour and words everywhere. Colours are from the
Okabe-Ito palette, which stays distinct for the common kinds of colour blindness."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from causes.text import md_escape


@dataclass(frozen=True)
class UrgencyStyle:
    label: str
    icon: str  # a Material Symbols name, shown beside the label
    colour: str  # a hex colour for charts
    badge: str  # Streamlit's badge colour name (themed to the same hex in config.toml)
    meaning: str


URGENCY_STYLE: dict[str, UrgencyStyle] = {
    "self-care": UrgencyStyle("Self-care", ":material/self_care:", "#009E73", "green", "usually eased at home"),
    "see a doctor": UrgencyStyle(
        "See a doctor", ":material/stethoscope:", "#E69F00", "orange", "book an appointment with a doctor"
    ),
    "urgent": UrgencyStyle("Urgent", ":material/emergency:", "#D55E00", "red", "get help the same day"),
}
NO_URGENCY = UrgencyStyle("Urgency not given", ":material/help:", "#999999", "gray", "the table does not say")


def urgency_style(level: str) -> UrgencyStyle:
    return URGENCY_STYLE.get(level.strip().casefold(), NO_URGENCY)


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


def card_markdown(cause: Mapping[str, Any], rank: int, hits: int, chosen: Sequence[str]) -> str:
    """A cause in the ranked list as one markdown text (each element costs the browser a
    message per rerun): its rank and name, urgency and category badges, summary, and,
    when symptoms are chosen, which of them it has. Table text is escaped."""
    style = urgency_style(cause["urgency"])
    lines = [
        f"#### {rank}\\. {md_escape(cause['cause'])}",
        badge_md(style.label, style.badge, style.icon)
        + " "
        + badge_md(md_escape(cause["category"]), "gray", ":material/category:"),
        md_escape(cause["summary"]),
    ]
    if chosen:
        wanted = {s.casefold() for s in chosen}
        has = [s for s in cause["symptoms"] if s.casefold() in wanted]
        lines.append(":small[:gray[" + md_escape(symptom_hits_line(hits, len(chosen)) + ": " + ", ".join(has)) + "]]")
    return "\n\n".join(lines)
