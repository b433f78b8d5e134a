"""The general signs that mean see a doctor, shown on every page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from causes.content import read_rows
from causes.schema import URGENCY_LEVELS
from causes.text import safe_url


@dataclass(frozen=True)
class RedFlag:
    sign: str
    urgency: str
    source_name: str
    source_url: str | None


def load_red_flags(path: Path) -> tuple[RedFlag, ...]:
    """Read `red_flags.csv` (sign, urgency, source_name, source_url). The file is
    optional: a missing or unreadable file gives no flags rather than an error."""
    flags = []
    for row in read_rows(path):
        sign = row.get("sign", "")
        urgency = row.get("urgency", "").casefold()
        if not sign:
            continue
        flags.append(
            RedFlag(
                sign=sign,
                urgency=urgency if urgency in URGENCY_LEVELS else "see a doctor",
                source_name=row.get("source_name", ""),
                source_url=safe_url(row.get("source_url", "")),
            )
        )
    # Most urgent first, keeping the file's order within each level.
    rank = {u: i for i, u in enumerate(reversed(URGENCY_LEVELS))}
    return tuple(sorted(flags, key=lambda f: rank[f.urgency]))
