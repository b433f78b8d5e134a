"""The one gatekeeper of a person's state: the only module that touches `st.query_params`
(the link) and `st.session_state` (this browser tab's session).

- The view (`causes.view.View`): `view()` resolves this run's view from the link and
  what the person chose before (the rule is `causes.view.resolve`); `sync_url()` keeps it
  and writes the page's parts into the address bar; `update()` changes it in a callback.
- The source: the table in use, the server's own, a person's own table and its folder.
- Typed accessors for each component's own keys (filters, compare, deck, body map,
  warning-sign check, the Data page's draft), so no page names a session key.

A change of table (`use_table`) clears everything but `KEPT_ON_TABLE_CHANGE`.
"""

from __future__ import annotations

import copy
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from causes import i18n
from causes.check import Answer
from causes.device import is_phone
from causes.loader import CheckedCells
from causes.query import NOT_COLUMNS, NOT_PARAM, URL_PARAMS, Query
from causes.table import CauseTable
from causes.translation import Pairing
from causes.view import FILTER_PARAMS, PART_PARAMS, PARTS, SCREEN_PARTS, Part, View, key_of, resolve
from causes.visit import NOTE_LABELS, Notes

# --- the keys, in one place ------------------------------------------------------------------

# The source, set by app.py on every run.
_SERVER_TABLE = "server_table"
_TABLE = "source_table"
_FOLDER = "source_folder"
_BUNDLED = "source_is_bundled"
_OWN_TABLE = "own_table"
_OWN_FOLDER = "own_folder"
_PAIRING = "source_pairing"  # the other language's edition of the table -> this one, if any
# The language: chosen in this tab (the link's `lang`, else a tap on the switch, else the
# browser's), and whether the "we do not speak yours" notice was shown.
_LANG = "language"
_LANG_NOTICE = "language_notice"
# The view.
_KEPT = "view_kept"  # the View the person last saw
_WRITTEN = "view_written"  # the View whose parts the app last wrote into the URL
_NOTICES = "view_notices"  # part -> (its value at load, the notices about the link)
_FROM_URL = "view_from_url"  # the parts this run took from the URL
# Widgets whose keys the pages use (tests and stylesheets find them by key, too).
# One widget per filter, keyed by its URL parameter; the findings said no to (`not`) have
# no widget of their own: the question panel sets them, under the same key.
FILTER_WIDGETS: tuple[str, ...] = FILTER_PARAMS
# The question panel: the terms said yes to (they are filters too) and "not sure" to.
_NARROW_YES = "narrow_yes"
_NARROW_UNSURE = "narrow_unsure"
# The filter widget a yes goes into, per column.
_COLUMN_WIDGET: dict[str, str] = {column: key for key, (_, column) in URL_PARAMS.items()}
COMPARE_WIDGET = "compare"
DECK_WIDGET = "deck_causes"
_BODYMAP_CLICKS = "bodymap_clicks"
_CHART_CLOSES = "chart_closes"  # an Overview chart's explanation closed: the chart's key moves on
_ROWS_SHOWN = "rows_shown"  # the phone's ranked list: how many rows each list shows
# The warning-sign check: health answers, in this session only (never the URL or a log).
_ANSWERS = "warning_answers"  # sign key -> Answer
_FOLDED = "warning_check_folded"
WARNING_MORE = "warning_check_more"
_GROUP = "warn-group-"  # a group of signs of one level, asked together: _GROUP + part + level
# The Data page.
_DRAFT = "data-draft"
_FILE_ERROR = "data-file-error"
_DATA_NOTICE = "data-notice"
_CHECKED = "data-checked"  # (draft id, grid edits, the check's result, its language)
UPLOAD_WIDGET = "data-upload"

# What outlives a change of table: the person's own table and the Data page's work on it
# (the upload, the draft and its grid, the last check, the page's messages). Everything
# else (filters, the view, comparisons, decks, answers, widgets) names the old table's
# causes, so it goes.
KEPT_ON_TABLE_CHANGE: tuple[str, ...] = (
    _LANG,
    _LANG_NOTICE,
    _OWN_TABLE,
    _OWN_FOLDER,
    UPLOAD_WIDGET,
    _DRAFT,
    _FILE_ERROR,
    _DATA_NOTICE,
    _CHECKED,
)


# --- the language ----------------------------------------------------------------------------


def _session_language() -> str | None:
    # The language of the session whose thread asks (None outside a session's run).
    return st.session_state.get(_LANG) if get_script_run_ctx(suppress_warning=True) is not None else None


# Streamlit runs a widget's callback before the page's script, where nothing has set the
# language yet: the core then asks the session.
i18n.set_fallback(_session_language)


def start_language() -> str | None:
    """app.py, first thing on every run: this run's language, from the link (`lang=es`),
    else what this tab chose, else the browser's (`st.context.locale`); written into the
    link, so a shared link opens in it. Returns the language code asked for that the app
    does not speak (then English), the first time only: the page says so once."""
    asked = st.query_params.get(i18n.LANG_PARAM)
    chosen = st.session_state.get(_LANG)
    if asked is not None and asked != chosen:
        lang, unknown = i18n.negotiate(asked)
    elif chosen is not None:
        lang, unknown, asked = chosen, False, None
    else:
        asked = st.context.locale
        lang, unknown = i18n.negotiate(asked)
    if chosen is not None and lang != chosen:  # the link changed it (back, or an edited address)
        _carry_labels(chosen, lang)
        p = pairing()
        if p is not None:
            with i18n.using(lang):
                _carry(p.reversed())
    st.session_state[_LANG] = lang
    i18n.set_language(lang)
    if st.query_params.get(i18n.LANG_PARAM) != lang:
        st.query_params[i18n.LANG_PARAM] = lang
    if unknown and not st.session_state.get(_LANG_NOTICE):
        st.session_state[_LANG_NOTICE] = True
        return asked
    return None


def first_in_language(what: str) -> bool:
    """Whether `what` has not yet been drawn in this tab in its language (and note it is)."""
    key = f"{_LANG}-drawn-{what}"
    lang = st.session_state.get(_LANG, i18n.DEFAULT)
    if st.session_state.get(key) == lang:
        return False
    st.session_state[key] = lang
    return True


def in_language() -> None:
    """First thing in a fragment (which runs without app.py): this tab's language."""
    i18n.set_language(st.session_state.get(_LANG, i18n.DEFAULT))


def switch_language(lang: str) -> None:
    """In a callback: show this tab in `lang`. What the person chose (filters, causes
    compared, the deck, answers to the questions and the warning-sign check) is carried
    into the other edition of the table, word for word, when there is one."""
    _carry_labels(st.session_state.get(_LANG, i18n.DEFAULT), lang)
    p = pairing()
    if p is not None:
        with i18n.using(lang):  # what is said again ("why" a sign is asked) in the new words
            _carry(p.reversed())
    st.session_state[_LANG] = lang
    st.query_params[i18n.LANG_PARAM] = lang


# Widgets whose value is one of the app's own words (a tab's label): the same choice in
# the new language.
OVERVIEW_TAB = "overview-chart"
_LABEL_KEYS = (OVERVIEW_TAB,)


def _carry_labels(before: str, after: str) -> None:
    for key in _LABEL_KEYS:
        if isinstance(st.session_state.get(key), str):
            st.session_state[key] = i18n.said_in(st.session_state[key], before, after)


def _carry(p: Pairing) -> None:
    """Everything this session holds in the words of one edition, in the other's."""
    ss = st.session_state
    for key in (_KEPT, _WRITTEN):
        shown = ss.get(key)
        if isinstance(shown, View):
            ss[key] = p.view(shown)
    ss.pop(_NOTICES, None)
    for key, (_, column) in URL_PARAMS.items():
        if key in ss and column != "urgency":
            ss[key] = list(p.terms(column, ss[key] or ()))
    if NOT_PARAM in ss:
        ss[NOT_PARAM] = [p.any_column(v, NOT_COLUMNS) for v in ss[NOT_PARAM] or ()]
    for key in (_NARROW_YES, _NARROW_UNSURE):
        ss[key] = [(c, p.term(c, t) or t) for c, t in ss.get(key, [])]
    for key in (COMPARE_WIDGET, DECK_WIDGET):
        if key in ss:
            ss[key] = list(p.names(ss[key] or ()))
    ss[_ANSWERS] = p.answers(ss.get(_ANSWERS, {}))
    for key in [k for k in ss if str(k).startswith(_GROUP)]:
        del ss[key]  # the questions are asked again in the other words, ticked from the answers
    params = p.params(_url())
    for key, values in params.items():
        if values != st.query_params.get_all(key):
            st.query_params[key] = values


# --- the source ------------------------------------------------------------------------------


def pairing() -> Pairing | None:
    """How the other language's edition of the table pairs with the one shown (None: it
    has none, or the person brought their own table)."""
    return None if own_table() is not None else st.session_state.get(_PAIRING)


def in_my_words(params: dict[str, list[str]]) -> dict[str, list[str]]:
    """A link's (or a live room's) parameters with the other edition's words put in this
    one's, so a view made in either language opens the same here."""
    p = pairing()
    return params if p is None else p.params(params)


def set_source(
    server: CauseTable, table: CauseTable, folder: Path | None, bundled: bool, pairing: Pairing | None = None
) -> None:
    """app.py, on every run: the server's table and the one this session shows, and how
    the other language's edition of it pairs with it (None: it has none)."""
    st.session_state[_SERVER_TABLE] = server
    st.session_state[_TABLE] = table
    st.session_state[_FOLDER] = folder
    st.session_state[_BUNDLED] = bundled
    st.session_state[_PAIRING] = pairing


def active_table() -> CauseTable | None:
    return st.session_state.get(_TABLE)


def server_table() -> CauseTable | None:
    return st.session_state.get(_SERVER_TABLE)


def source_folder(default: Path | None) -> Path | None:
    """The folder of the red flags, glossary and claims beside the table in use."""
    return st.session_state.get(_FOLDER, default)


def serving_bundled() -> bool:
    return bool(st.session_state.get(_BUNDLED))


def own_table() -> tuple[CauseTable, Path | None] | None:
    """The table this person brought (it lives in their session only) and its folder."""
    table = st.session_state.get(_OWN_TABLE)
    return None if table is None else (table, st.session_state.get(_OWN_FOLDER))


def use_table(table: CauseTable | None, folder: Path | None = None) -> None:
    """Show this person `table` (None: the server's own again). In a callback: the next
    run shows it, with nothing kept that named the old table's causes."""
    for key in list(st.session_state):
        if key not in KEPT_ON_TABLE_CHANGE and not _is_draft_grid(key):
            del st.session_state[key]
    for part in PARTS:
        for param in PART_PARAMS[part]:
            st.query_params.pop(param, None)
    st.session_state[_OWN_TABLE] = table
    st.session_state[_OWN_FOLDER] = folder


# --- the view --------------------------------------------------------------------------------


def _url() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def view(table: CauseTable) -> View:
    """This run's view: the link on the session's first run, afterwards what the person
    chose unless a link inside the app brought something else (`causes.view.resolve`)."""
    url, notices = View.from_params(in_my_words(_url()), table)  # a link made in either language
    kept = st.session_state.get(_KEPT)
    shown, from_url = resolve(url, None if kept is None else kept.restricted_to(table), st.session_state.get(_WRITTEN))
    said = dict(st.session_state.get(_NOTICES, {}))
    for part in from_url:
        if part in notices or part in said:
            said[part] = (getattr(shown, part), notices.get(part, ()))
    st.session_state[_NOTICES] = said
    st.session_state[_FROM_URL] = from_url
    return shown


def notices(part: Part, value: Any) -> tuple[str, ...]:
    """What the link said about this part's values it left out, while the part still
    shows what the link gave it."""
    at_load, said = st.session_state.get(_NOTICES, {}).get(part, (None, ()))
    return tuple(said) if value == at_load else ()


def sync_url(shown: View, parts: Iterable[Part]) -> None:
    """Keep the view the page shows and write its parts into the address bar, so a copied
    link reopens it. (Streamlit's own query-param binding writes an option's label, and
    ours carry live counts.)"""
    st.session_state[_KEPT] = shown
    _write(shown, parts)


def update(**changes: Any) -> None:
    """In a callback: change parts of the view (e.g. `cause="Cramp"`, `slide=3`)."""
    kept = st.session_state.get(_KEPT) or View()
    shown = replace(kept, **changes)
    st.session_state[_KEPT] = shown
    _write(shown, [part for part in PARTS if part in changes])


def follow(table: CauseTable, params: dict[str, list[str]]) -> View:
    """The projector, following a presenter's tab: show the view it sent (its link's
    parameters: filters, deck, slide, live room, language), and keep it in the link so a
    reload shows the same. A new language reruns the page in it (`start_language`)."""
    sent, _notices = View.from_params(in_my_words(params), table)
    kept = st.session_state.get(_KEPT) or View()
    shown = replace(kept, **{part: getattr(sent, part) for part in SCREEN_PARTS})
    st.session_state[_KEPT] = shown
    _write(shown, SCREEN_PARTS)
    lang = (params.get(i18n.LANG_PARAM) or [""])[0]
    if lang in i18n.LANGUAGES and lang != st.session_state.get(_LANG):
        st.query_params[i18n.LANG_PARAM] = lang
        st.rerun()
    return shown


def _write(shown: View, parts: Iterable[Part]) -> None:
    chosen = tuple(parts)
    wanted = shown.to_params(chosen)
    for part in chosen:
        for param in PART_PARAMS[part]:
            value = wanted.get(param, [])
            if st.query_params.get_all(param) != value:
                if value:
                    st.query_params[param] = value
                else:
                    del st.query_params[param]
    st.session_state[_WRITTEN] = replace(
        st.session_state.get(_WRITTEN) or View(), **{p: getattr(shown, p) for p in chosen}
    )


# --- the filter widgets ----------------------------------------------------------------------


def _widget_values(query: Query) -> dict[str, list[str] | str]:
    values: dict[str, list[str] | str] = {key: list(getattr(query, name)) for key, (name, _) in URL_PARAMS.items()}
    return values | {"q": query.text, "match": query.match, NOT_PARAM: list(query.without)}


def filter_defaults(query: Query) -> dict[str, list[str] | str]:
    """Start values for the filter widgets that have none yet, from `query`. Widgets that
    hold a value keep it: a page whose server process died reconnects to a new session and
    sends the values it shows, which must win over the URL, one pick behind."""
    start = {k: v for k, v in _widget_values(query).items() if k not in st.session_state}
    if NOT_PARAM in start:  # no widget takes it as its default: kept as it is
        st.session_state[NOT_PARAM] = start[NOT_PARAM]
    return start


def hold_filters() -> None:
    """Widgets of another page start from their defaults; handing the values back keeps
    the filters when a person moves from page to page."""
    for key in FILTER_WIDGETS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def filters_shown(start: Mapping[str, list[str] | str] | None = None) -> Query:
    """The filters as the widgets hold them (or, before they exist, as they will start)."""
    start = start or {}
    values: dict[str, list[str] | str] = {k: st.session_state.get(k, start.get(k)) or [] for k in FILTER_WIDGETS}
    return Query.from_params(values)


def set_filters(query: Query) -> None:
    """In a callback: set every filter widget (e.g. to `Query()` to clear them); the
    question panel's answers start again."""
    for key, value in _widget_values(query).items():
        st.session_state[key] = value
    st.session_state[_NARROW_YES] = []
    st.session_state[_NARROW_UNSURE] = []


# --- the question panel ----------------------------------------------------------------------


def narrow_answers(query: Query) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The (column, term) pairs said yes to that the filters still hold, and those said
    "not sure" to. (The noes are the query's `without`: they live in the link.)"""
    yes = [
        (c, t)
        for c, t in st.session_state.get(_NARROW_YES, [])
        if t.casefold() in {v.casefold() for v in query.values(c)}
    ]
    return yes, list(st.session_state.get(_NARROW_UNSURE, []))


def answer_question(column: str, term: str, answer: str) -> None:
    """In a callback: a yes puts the term in its filter (as if picked), a no among the
    findings said no to, a "not sure" aside."""
    if answer == "yes":
        widget = _COLUMN_WIDGET[column]
        st.session_state[widget] = [*filter_values(widget), term]
        st.session_state[_NARROW_YES] = [*st.session_state.get(_NARROW_YES, []), (column, term)]
    elif answer == "no":
        st.session_state[NOT_PARAM] = [*filter_values(NOT_PARAM), term]
    else:
        st.session_state[_NARROW_UNSURE] = [*st.session_state.get(_NARROW_UNSURE, []), (column, term)]


def undo_answer(column: str, term: str, answer: str) -> None:
    """In a callback: take an answer back (a yes leaves its filter too)."""
    if answer == "yes":
        widget = _COLUMN_WIDGET[column]
        st.session_state[widget] = [t for t in filter_values(widget) if t.casefold() != term.casefold()]
        st.session_state[_NARROW_YES] = [a for a in st.session_state.get(_NARROW_YES, []) if a != (column, term)]
    elif answer == "no":
        st.session_state[NOT_PARAM] = [t for t in filter_values(NOT_PARAM) if t.casefold() != term.casefold()]
    else:
        st.session_state[_NARROW_UNSURE] = [a for a in st.session_state.get(_NARROW_UNSURE, []) if a != (column, term)]


# --- compare and deck pickers ----------------------------------------------------------------


def start_picker(key: str, part: Part, names: tuple[str, ...]) -> None:
    """Before the Compare or deck picker is drawn: show the view's causes in it when it
    has none yet or a link just brought them (else it keeps the person's last pick)."""
    if key in st.session_state and part not in st.session_state.get(_FROM_URL, ()):
        return
    if list(st.session_state.get(key) or ()) != list(names):
        st.session_state[key] = list(names)


def set_picker(key: str, names: list[str]) -> None:
    """In a callback: choose these causes in the Compare or deck picker."""
    st.session_state[key] = names


# --- chart clicks ----------------------------------------------------------------------------


def selection(chart_key: str) -> Mapping[str, Any] | None:
    """In a chart's on_select callback: what was clicked."""
    event = st.session_state.get(chart_key)
    if isinstance(event, Mapping):  # a chart of pages/ui/plot.py: its component's state
        return event.get("selection")
    return None if event is None else event.selection


def set_chosen(widget_key: str, value: str) -> None:
    """In a callback: a radio's choice set from elsewhere (a tap on the body map answers the
    poll the radio answers too, and shows there)."""
    st.session_state[widget_key] = value


def chosen(widget_key: str) -> list[str]:
    """In a callback: what a radio (one option or none) or multi-select pills widget holds
    now, which may be newer than the page the person pressed a button on."""
    value = st.session_state.get(widget_key)
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def on_phone() -> bool:
    """Whether this session's browser is a phone's (`causes.device`: the headers it sent
    when it connected)."""
    return is_phone(st.context.headers)  # empty with no request behind the run (a test)


def rows_shown(list_key: str, first: int) -> int:
    """How many rows the phone's ranked list keyed `list_key` shows (`first` until "Show
    more" is pressed)."""
    return int(st.session_state.get(_ROWS_SHOWN, {}).get(list_key, first))


def show_more(list_key: str, now: int, more: int) -> None:
    """In a callback: the list keyed `list_key` shows `more` rows more than `now`."""
    shown = dict(st.session_state.get(_ROWS_SHOWN, {}))
    shown[list_key] = now + more
    st.session_state[_ROWS_SHOWN] = shown


def chart_closes(chart: str) -> int:
    """How many times what was clicked on the Overview's chart `chart` has been closed."""
    return int(st.session_state.get(_CHART_CLOSES, {}).get(chart, 0))


def count_chart_close(chart: str) -> None:
    st.session_state[_CHART_CLOSES] = {**st.session_state.get(_CHART_CLOSES, {}), chart: chart_closes(chart) + 1}


def bodymap_clicks() -> int:
    return int(st.session_state.get(_BODYMAP_CLICKS, 0))


def count_bodymap_click() -> None:
    st.session_state[_BODYMAP_CLICKS] = bodymap_clicks() + 1


def filter_values(key: str) -> list[str]:
    return list(st.session_state.get(key) or ())


def set_filter_values(key: str, values: list[str]) -> None:
    """In a callback: one filter's values (e.g. a body area clicked on the map)."""
    st.session_state[key] = values


# --- the warning-sign check ------------------------------------------------------------------


def answers() -> dict[str, Answer]:
    return st.session_state.get(_ANSWERS, {})


def set_answers(value: dict[str, Answer]) -> None:
    st.session_state[_ANSWERS] = value


def group_key(part: str, level: str, signs: Iterable[str]) -> str:
    """The widget of the signs (their keys) of `level` in the check's `part` ("first", or
    "later"): another set of signs is another widget, so an old choice is never read
    against new options (the answers themselves are kept apart, by sign)."""
    return f"{_GROUP}{part}-{level}-{key_of(tuple(signs))}"


def check_folded() -> bool:
    return bool(st.session_state.get(_FOLDED, False))


def set_check_folded(value: bool) -> None:
    st.session_state[_FOLDED] = value


def clear_answers() -> None:
    """Forget every answer, and untick the questions on the page too."""
    st.session_state[_ANSWERS] = {}
    st.session_state[_FOLDED] = False
    for key in [k for k in st.session_state if str(k).startswith(_GROUP)]:
        st.session_state[key] = []


# --- the visit summary ----------------------------------------------------------------------

# What a person types for their visit: health data, in widgets of this session only (never
# the link, a log or a file). `persist_state` keeps them while the person moves between pages.
VISIT_WIDGET = "visit-"  # + a field of `causes.visit.Notes`


def visit_notes() -> Notes:
    """What the person typed for their visit, as the boxes hold it."""
    return Notes(**{k: str(st.session_state.get(VISIT_WIDGET + k) or "") for k, _, _ in NOTE_LABELS})


def clear_visit_notes() -> None:
    """In a callback: forget what was typed."""
    for key, _, _ in NOTE_LABELS:
        st.session_state[VISIT_WIDGET + key] = ""


# --- the Data page ---------------------------------------------------------------------------


@dataclass
class Draft:
    """The cells open in the Data page's grid."""

    id: int
    name: str
    cells: pd.DataFrame
    folder: Path | None = None
    shown: CauseTable | None = None  # the table in use made from this grid, if any
    shown_digest: str | None = None  # the grid's digest when it was

    @property
    def grid_key(self) -> str:
        return f"data-grid-{self.id}"


def _is_draft_grid(key: object) -> bool:
    current = st.session_state.get(_DRAFT)
    return current is not None and key == current.grid_key


def draft() -> Draft | None:
    return st.session_state.get(_DRAFT)


def open_draft(name: str, cells: pd.DataFrame, folder: Path | None = None, shown: CauseTable | None = None) -> None:
    """Open cells in the grid; `shown` is the table in use that they are, if any."""
    previous = draft()
    if previous:
        st.session_state.pop(previous.grid_key, None)
    st.session_state[_DRAFT] = Draft((previous.id + 1) if previous else 1, name, cells, folder, shown)
    st.session_state.pop(_CHECKED, None)


def grid_edits(d: Draft) -> dict[str, Any]:
    """The grid's edits as plain data (edited cells, added and deleted rows): equal when
    nothing changed, so the Data page checks the table again only after a change."""
    return copy.deepcopy(dict(st.session_state.get(d.grid_key) or {}))


def checked(d: Draft, edits: dict[str, Any]) -> CheckedCells | Exception | None:
    """The last check of this grid, if it was of these edits, said in this run's language
    (its problems are words: after a switch, the grid is checked again)."""
    last = st.session_state.get(_CHECKED)
    if last is None or (last[0], last[1], last[3]) != (d.id, edits, i18n.language()):
        return None
    return last[2]


def set_checked(d: Draft, edits: dict[str, Any], result: CheckedCells | Exception) -> None:
    st.session_state[_CHECKED] = (d.id, edits, result, i18n.language())


def uploaded_file() -> Any:
    return st.session_state.get(UPLOAD_WIDGET)


def data_messages() -> tuple[tuple[str, int] | None, tuple[str, Exception] | None, bool]:
    """The Data page's notice (the table now shown: its name and size), an upload's error
    (name, error), and whether that error was said in another language than this run's."""
    showing, error = st.session_state.get(_DATA_NOTICE), st.session_state.get(_FILE_ERROR)
    if error is None:
        return showing, None, False
    return showing, error[:2], error[2] != i18n.language()


def set_data_messages(showing: tuple[str, int] | None = None, file_error: tuple[str, Exception] | None = None) -> None:
    for key, value in ((_DATA_NOTICE, showing), (_FILE_ERROR, file_error and (*file_error, i18n.language()))):
        if value is None:
            st.session_state.pop(key, None)
        else:
            st.session_state[key] = value


# --- a live room -----------------------------------------------------------------------------

_PRESENTER = "room_presenter"  # room code -> the presenter's secret, in this tab only
_PHONE = "room_phone"  # this tab's random token: one answer per phone, one up-vote per question
_FOLLOW = "room_follow"  # the phone shows the presenter's slide
_OWN_SLIDE = "room_own_slide"  # the slide a phone stepped to on its own
PRESENTER_KEY = "key"  # the presenter link's secret: taken out of the address bar at once
PRESENTER_KEY_WIDGET = "room_presenter_key"  # the secret in a password box: a reconnecting page sends it back


def take_presenter_key(code: str | None) -> None:
    """A presenter link (`?room=CODE&key=SECRET`) opened: keep the secret in this tab's
    session and take it out of the address bar, which a projector may show."""
    secret = st.query_params.get(PRESENTER_KEY)
    if secret is not None:
        del st.query_params[PRESENTER_KEY]
        if code:
            set_presenter(code, secret)  # before any box is drawn: the link opens the page


def set_presenter(code: str, secret: str, box: bool = True) -> None:
    """This tab drives the room `code`; `box`: put the secret in the presenter-key box too
    (only before the box is drawn in a run, e.g. in a callback)."""
    st.session_state[_PRESENTER] = {**st.session_state.get(_PRESENTER, {}), code: secret}
    if box:
        st.session_state[PRESENTER_KEY_WIDGET] = secret


def refill_key_box(code: str) -> None:
    """Before the box is drawn: a tab that drives room `code` has its secret in the box, even
    after a page of the app without the box (Streamlit forgets a widget's value there), so
    a page whose app process dies can send it back."""
    secret = presenter_secret(code)
    if secret and st.session_state.get(PRESENTER_KEY_WIDGET) != secret:
        st.session_state[PRESENTER_KEY_WIDGET] = secret


def typed_presenter_key() -> str | None:
    """The secret in the presenter-key box: typed there, or sent back by a page whose app
    process died and which reconnected to a new session (as every widget's value is)."""
    return st.session_state.get(PRESENTER_KEY_WIDGET) or None


def presenter_secret(code: str | None) -> str | None:
    return None if code is None else st.session_state.get(_PRESENTER, {}).get(code)


def forget_presenter(code: str) -> None:
    st.session_state[_PRESENTER] = {k: v for k, v in st.session_state.get(_PRESENTER, {}).items() if k != code}


def phone() -> str:
    """This tab's random token (nothing personal: made here, kept in the session)."""
    if _PHONE not in st.session_state:
        st.session_state[_PHONE] = secrets.token_urlsafe(16)
    return str(st.session_state[_PHONE])


def following() -> bool:
    return bool(st.session_state.get(_FOLLOW, True))


def set_following(value: bool, own_slide: int | None = None) -> None:
    st.session_state[_FOLLOW] = value
    if own_slide is not None:
        st.session_state[_OWN_SLIDE] = own_slide


def own_slide() -> int:
    return int(st.session_state.get(_OWN_SLIDE, 1))


JOIN_WIDGET = "room_join_code"
QUESTION_WIDGET = "room_question"
_ROOM_MESSAGE = "room_message"


def join_code() -> str:
    return str(st.session_state.get(JOIN_WIDGET) or "")


def question_draft() -> str:
    return str(st.session_state.get(QUESTION_WIDGET) or "")


def clear_question_draft() -> None:
    st.session_state[QUESTION_WIDGET] = ""


def room_message(about: str) -> str | None:
    """What the room said about this phone's last answer or question (`about`: "answer"
    or "ask"), when it refused it."""
    return st.session_state.get(_ROOM_MESSAGE, {}).get(about)


def set_room_message(about: str, message: str | None) -> None:
    st.session_state[_ROOM_MESSAGE] = {**st.session_state.get(_ROOM_MESSAGE, {}), about: message}
