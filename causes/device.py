"""What kind of screen a session is on, from the headers its browser sent: a phone gets
the lighter ranked list (one compact row a cause, five at first). Chromium says so in the
`Sec-CH-UA-Mobile` client hint (`?1`); every phone browser puts "Mobile" in its user agent
(Safari on an iPhone, Chrome and Firefox on Android; not a tablet's, which gets the cards,
as a desktop does). Nothing else about the device is read or kept."""

from __future__ import annotations

from collections.abc import Mapping


def is_phone(headers: Mapping[str, str]) -> bool:
    """Whether these request headers come from a phone's browser."""
    lower = {str(k).casefold(): str(v) for k, v in headers.items()}
    hint = lower.get("sec-ch-ua-mobile", "").strip()
    if hint:
        return hint == "?1"
    agent = lower.get("user-agent", "")
    return "Mobile" in agent and "iPad" not in agent
