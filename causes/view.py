"""What a view is: everything a link to Cause Atlas can say, as one value.

A `View` holds the filters (a `Query`), the cause opened in a dialog, the causes compared,
the deck's causes and the slide. `View.from_params` reads a link's parameters against a
table (the table's spelling wins; a value the table lacks is dropped with a notice naming
it) and `View.to_params` writes them back, so a copied link reopens the same view.

    ?symptom=cramps&symptom=twitching&area=calves&match=all&q=statin
    ?symptom=cramps&area=calves&not=muscle weakness   (a finding said no to: ranks lower)
    ?cause=Dehydration
    ?compare=Cause A&compare=Cause B        (2 to 4 causes, in order)
    ?deck=Cause A&deck=Cause B&slide=3      (up to 30 causes, in order; slides from 1)
    ?room=ABC234                            (a live room's code)

A cause's name may hold commas, so lists repeat their parameter. `resolve` decides, on
every run, whether the link or what the person chose before wins (see its docstring).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

from causes.compare import MAX_CAUSES as MAX_COMPARED
from causes.deck import MAX_CAUSE_SLIDES as MAX_DECK
from causes.i18n import LANG_PARAM, _, ngettext, number
from causes.query import NOT_PARAM, URL_PARAMS, Query
from causes.room import normal_code
from causes.strings import name_key
from causes.table import CauseTable
from causes.text import joined

CAUSE_PARAM = "cause"
COMPARE_PARAM = "compare"
DECK_PARAM = "deck"
SLIDE_PARAM = "slide"
ROOM_PARAM = "room"
FILTER_PARAMS: tuple[str, ...] = (*URL_PARAMS, "q", "match", NOT_PARAM)
PRESENT_PATH = "present"  # the Present page's url_path in app.py
PROJECTOR_PATH = "projector"  # the projector's view (app.py)
PRESENTER_PATH = "presenter"  # the presenter's view (app.py)

Part = Literal["query", "cause", "compare", "deck", "slide", "room"]
PARTS: tuple[Part, ...] = ("query", "cause", "compare", "deck", "slide", "room")
# What a talk's screens share: the filters, the deck, the slide, the live room.
SCREEN_PARTS: tuple[Part, ...] = ("query", "deck", "slide", "room")
# The parts a person keeps while moving between pages; the opened cause belongs to the
# link alone (a dialog is not reopened on the next page).
KEPT_PARTS: tuple[Part, ...] = ("query", "compare", "deck", "slide", "room")
# The URL parameters each part writes.
PART_PARAMS: dict[Part, tuple[str, ...]] = {
    "query": FILTER_PARAMS,
    "cause": (CAUSE_PARAM,),
    "compare": (COMPARE_PARAM,),
    "deck": (DECK_PARAM,),
    "slide": (SLIDE_PARAM,),
    "room": (ROOM_PARAM,),
}

Notices = Mapping[Part, tuple[str, ...]]


@dataclass(frozen=True)
class View:
    """One view of the app: what a link says. Names are in the table's spelling."""

    query: Query = field(default_factory=Query)
    cause: str | None = None
    compare: tuple[str, ...] = ()
    deck: tuple[str, ...] = ()
    slide: int = 1
    room: str | None = None  # a live room's code

    @classmethod
    def from_params(cls, params: Mapping[str, Sequence[str] | str], table: CauseTable) -> tuple[View, Notices]:
        """The view a link's parameters name in `table`, and for each part the notices
        about values left out (unknown names, too many causes)."""
        query, query_notices = Query.from_params(params).restricted_to(table)
        compared, compare_notices = _named(table, params.get(COMPARE_PARAM), deck=False)
        if len(compared) > MAX_COMPARED:
            # Translators: {n} is the most causes compared at once (4); {names} the causes left out.
            notice = ngettext("You can compare up to {n} cause at once, so only the first {n} are shown;"
                              " left out: {names}.",
                              "You can compare up to {n} causes at once, so only the first {n} are shown;"
                              " left out: {names}.", MAX_COMPARED)  # fmt: skip
            compare_notices.append(notice.format(n=number(MAX_COMPARED), names=joined(compared[MAX_COMPARED:], "and")))
        deck, deck_notices = _named(table, params.get(DECK_PARAM), deck=True)
        if len(deck) > MAX_DECK:
            more = len(deck) - MAX_DECK
            # Translators: {n} is the most causes a deck holds (30); {more} how many were left out.
            notice = ngettext("A deck holds up to {n} causes, so only the first {n} are shown;"
                              " {more} more was left out.",
                              "A deck holds up to {n} causes, so only the first {n} are shown;"
                              " {more} more were left out.", more)  # fmt: skip
            deck_notices.append(notice.format(n=number(MAX_DECK), more=number(more)))
        cause, cause_notices = None, []
        opened = _last(params.get(CAUSE_PARAM))
        if opened:
            position = table.position_of(opened)
            if position is None:
                # Translators: {name} is a cause's name from a link.
                cause_notices.append(_('This table has no cause called "{name}".').format(name=opened))
            else:
                cause = _name(table, position)
        view = cls(
            query=query,
            cause=cause,
            compare=tuple(compared[:MAX_COMPARED]),
            deck=tuple(deck[:MAX_DECK]),
            slide=_slide(_last(params.get(SLIDE_PARAM))),
            room=normal_code(_last(params.get(ROOM_PARAM))) or None,
        )
        notices: dict[Part, tuple[str, ...]] = {
            "query": tuple(query_notices),
            "cause": tuple(cause_notices),
            "compare": tuple(compare_notices),
            "deck": tuple(deck_notices),
        }
        return view, {part: n for part, n in notices.items() if n}

    def to_params(self, parts: Iterable[Part] = PARTS) -> dict[str, list[str]]:
        """The URL parameters of these parts of the view: empty ones left out, except the
        slide, which a page showing a deck always writes (slide 1 included)."""
        chosen = set(parts)
        params: dict[str, list[str]] = {}
        if "query" in chosen:
            params |= self.query.to_params()
        if "cause" in chosen and self.cause:
            params[CAUSE_PARAM] = [self.cause]
        if "compare" in chosen and self.compare:
            params[COMPARE_PARAM] = list(self.compare)
        if "deck" in chosen and self.deck:
            params[DECK_PARAM] = list(self.deck)
        if "slide" in chosen:
            params[SLIDE_PARAM] = [str(self.slide)]
        if "room" in chosen and self.room:
            params[ROOM_PARAM] = [self.room]
        return params

    def restricted_to(self, table: CauseTable) -> View:
        """This view with only what `table` has (quietly: for a view kept from before)."""
        view, _notices = View.from_params(self.to_params(), table)
        return view

    def positions(self, table: CauseTable, part: Literal["compare", "deck"]) -> tuple[int, ...]:
        """The row positions of the compared causes or the deck's, in order."""
        found = (table.position_of(name) for name in getattr(self, part))
        return tuple(p for p in found if p is not None)

    def with_names(self, table: CauseTable, part: Literal["compare", "deck"], positions: Iterable[int]) -> View:
        """This view with the compared causes or the deck set to these rows."""
        names: tuple[str, ...] = tuple(_name(table, int(p)) for p in positions)
        return replace(self, compare=names) if part == "compare" else replace(self, deck=names)

    def query_string(self, lang: str | None = None, parts: Iterable[Part] = SCREEN_PARTS) -> str:
        """These parts of the view as a link's query (and the language, when given): what a
        presenter's tab tells its projector, and the projector's link."""
        params = self.to_params(parts) | ({LANG_PARAM: [lang]} if lang else {})
        return urlencode(params, doseq=True, quote_via=quote)

    def screen_link(self, root: str, path: str, lang: str | None = None) -> str:
        """The link of another screen of this talk (`PROJECTOR_PATH`, `PRESENTER_PATH`)."""
        return f"{root}/{path}?{self.query_string(lang)}"

    def link(self, root: str) -> str:
        """The link the audience opens to see this view from the Present page: for a
        hand-picked deck the same deck there; otherwise Explore with the same filters."""
        if self.deck:
            return f"{root}/{PRESENT_PATH}?" + urlencode([(DECK_PARAM, n) for n in self.deck], quote_via=quote)
        params = urlencode(self.query.to_params(), doseq=True, quote_via=quote)
        return f"{root}/" + (f"?{params}" if params else "")


def resolve(url: View, kept: View | None, written: View | None) -> tuple[View, frozenset[Part]]:
    """The view a run shows, and which of its parts came from the URL.

    - The session's first run (nothing kept yet): the link, whole.
    - Later runs, part by part: what the person chose (`kept`) wins, unless the URL now
      names something else than what the app last wrote there (`written`), which means a
      link inside the app brought it (a bare page's URL names nothing, so the choice
      made on another page is kept). The opened cause always follows the URL.
    """
    if kept is None:
        return url, frozenset(PARTS)
    merged = replace(kept, cause=url.cause)
    from_url: set[Part] = {"cause"}
    before = written or View()
    for part in KEPT_PARTS:
        value = getattr(url, part)
        if _named_something(part, url) and value != getattr(before, part):
            merged = replace(merged, **{part: value})
            from_url.add(part)
    return merged, frozenset(from_url)


def app_root(page_url: str, page_path: str = PRESENT_PATH) -> str:
    """The app's base address from the address of one of its pages
    (`http://host:8501/present` -> `http://host:8501`), query and anchor dropped. The
    pages of a talk (`page_path`, the projector's, the presenter's) are known by name."""
    parts = urlsplit(page_url.strip())
    path = parts.path.rstrip("/")
    for known in dict.fromkeys((page_path, PROJECTOR_PATH, PRESENTER_PATH)):
        if path.endswith("/" + known) or path == known:
            path = path[: -len(known)].rstrip("/")
            break
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def key_of(value: object) -> str:
    """A short key for a value (a query, a chart's selection), the same in every process:
    for a widget whose state must follow a person when their session moves to another app
    process (Python's `hash()` of text differs from process to process)."""
    return hashlib.blake2b(repr(value).encode(), digest_size=8).hexdigest()


# --- reading the parameters ------------------------------------------------------------------


def _named_something(part: Part, view: View) -> bool:
    if part == "query":
        return not view.query.is_empty or view.query.match != "any"
    if part == "slide":
        return view.slide != 1
    return bool(getattr(view, part))


def _name(table: CauseTable, position: int) -> str:
    return str(table.frame["cause"].iat[int(position)])


def _values(raw: Sequence[str] | str | None) -> list[str]:
    return [raw] if isinstance(raw, str) else [str(v) for v in raw or ()]


def _last(raw: Sequence[str] | str | None) -> str:
    values = [v.strip() for v in _values(raw) if v and v.strip()]
    return values[-1] if values else ""


def _slide(value: str) -> int:
    try:
        return max(1, int(value))
    except ValueError:
        return 1


def _named(table: CauseTable, raw: Sequence[str] | str | None, *, deck: bool) -> tuple[list[str], list[str]]:
    """The causes named by repeated values, in the table's spelling and in order, and a
    notice for each name the table lacks. Names match ignoring case and runs of spaces;
    blanks and repeats are dropped quietly. `deck`: the names are a deck's (the notice says so)."""
    names: list[str] = []
    unknown: dict[str, str] = {}
    for value in _values(raw):
        name = " ".join(value.split())
        if not name:
            continue
        position = table.position_of(name)
        if position is None:
            unknown.setdefault(name_key(name), name)
        elif (found := _name(table, position)) not in names:
            names.append(found)
    if deck:
        # Translators: {name} is a cause's name from a link to a deck of slides.
        notice = _('This table has no cause called "{name}", so it was left out of the deck.')
    else:
        # Translators: {name} is a cause's name from a link.
        notice = _('This table has no cause called "{name}", so it was left out.')
    return names, [notice.format(name=name) for name in unknown.values()]
