"""The cause table a session shows: the server's (`--data PATH`, else the bundled one) or a
table the person brought, with the red flags, glossary and claims beside it, and the
caption that says which it is."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from causes import CauseTable, CauseTableError, i18n, load_cause_table
from causes.config import BUNDLED_TABLE, data_path
from causes.content import CLAIMS_FILE, GLOSSARY_FILE, RED_FLAGS_FILE, Claim, Glossary, load_claims
from causes.redflags import RedFlag, load_red_flags, with_safety_net
from causes.text import md_escape
from causes.translation import Pairing, edition_path, pair, ranked_as
from pages.ui import state

DATA_PAGE = "pages/data.py"
MAX_PROBLEMS_SHOWN = 20

Sidecars = tuple[tuple[RedFlag, ...], Glossary, tuple[Claim, ...]]


@st.cache_resource(show_spinner=False, max_entries=16)
def _load(
    path: str, mtime_ns: int, size: int, glossary: int, lang: str
) -> tuple[CauseTable | None, CauseTableError | None]:
    # Keyed on the file's path, time and size, and the time of the glossary beside it (its
    # broader terms are part of the table), so an edited file is read again; and on the
    # language its notes and problems are said in. The table is shared by every session
    # (it is read-only).
    try:
        with i18n.using(lang):
            table, error = load_cause_table(path), None
    except CauseTableError as e:
        table, error = None, e
    # Python's full garbage collections walk every object the process holds: with the
    # modules and the table loaded, one took 120-165 ms, in the middle of a person's rerun.
    # What is loaded now lives as long as the server, so it is set aside from them.
    gc.collect()
    gc.freeze()
    return table, error


def _load_path(path: Path) -> tuple[CauseTable | None, CauseTableError | None]:
    glossary = _stamp(path.parent / GLOSSARY_FILE)
    lang = _reader_of(path)
    try:
        stat = path.stat()
    except OSError:
        return _load(str(path), 0, 0, glossary, lang)
    return _load(str(path), stat.st_mtime_ns, stat.st_size, glossary, lang)


def _reader_of(path: Path) -> str:
    """The language a table's notes and problems are said in: an edition's own (`data/es/`:
    Spanish), a table with editions English (its readers are English ones), any other the
    run's. So each table is read once a process, whoever asks (a pairing reads both)."""
    if path.parent.name in i18n.LANGUAGES and (path.parent.parent / path.name).is_file():
        return path.parent.name
    if any(edition_path(path, code) for code in i18n.LANGUAGES if code != i18n.DEFAULT):
        return i18n.DEFAULT
    return i18n.language()


def bundled_table() -> CauseTable | None:
    """The bundled table in this run's language, read once for every session."""
    return _load_shown(BUNDLED_TABLE)[1]


@st.cache_resource(show_spinner=False, max_entries=8)
def _ranked_edition(path: str, base: str, stamp: tuple[int, ...]) -> CauseTable | None:
    # An edition ordered as its table (`translation.ranked_as`), made once per pair of files.
    edition, base_table = _load_path(Path(path))[0], _load_path(Path(base))[0]
    if edition is None or base_table is None:
        return edition
    return ranked_as(edition, base_table)


def _load_shown(served: Path) -> tuple[Path, CauseTable | None, CauseTableError | None]:
    """The table served (or its edition in this run's language, ranked as it), its path."""
    path = _in_language(served)
    table, error = _load_path(path)
    if table is not None and path != served:
        stamp = tuple(_stamp(p) for p in (path, served, path.parent / GLOSSARY_FILE, served.parent / GLOSSARY_FILE))
        table = _ranked_edition(str(path), str(served), stamp)
    return path, table, error


def bundled_folder() -> Path:
    """The folder of the bundled table in this run's language (`data/es/` in Spanish)."""
    return _in_language(BUNDLED_TABLE).parent


def _in_language(path: Path) -> Path:
    """The table at `path`, or its edition in this run's language (`data/es/causes.csv`)."""
    if i18n.language() == i18n.DEFAULT:
        return path
    return edition_path(path, i18n.language()) or path


@st.cache_resource(show_spinner=False, max_entries=8)
def _pairing(other: str, this: str, stamp: tuple[int, ...]) -> Pairing | None:
    # How the other language's edition pairs with the one shown, read once per pair of files.
    tables = [_load_path(Path(p))[0] for p in (other, this)]
    if tables[0] is None or tables[1] is None:
        return None
    flags = [load_red_flags(Path(p).parent / RED_FLAGS_FILE) for p in (other, this)]
    return pair(tables[0], tables[1], flags[0], flags[1])


def pairing_for(path: Path, shown: Path) -> Pairing | None:
    """The pairing of the other language's edition of `path` with the one `shown` (None: no
    other edition, so no word of a link or a session needs carrying across)."""
    other = path if shown != path else edition_path(path, _other_language())
    if other is None or other == shown:
        return None
    stamp = tuple(_stamp(p) for p in (other, shown, other.parent / RED_FLAGS_FILE, shown.parent / RED_FLAGS_FILE))
    return _pairing(str(other), str(shown), stamp)


def _other_language() -> str:
    return next(code for code in i18n.LANGUAGES if code != i18n.DEFAULT)


@st.cache_resource(show_spinner=False, max_entries=16)
def _sidecars(folder: str, stamp: tuple[int, ...], lang: str) -> Sidecars:
    # The optional files beside a cause table, read again when any of them changes. The
    # red flags carry an always-asked set: the table's own, or the bundled one.
    base = Path(folder)
    return (
        with_safety_net(load_red_flags(base / RED_FLAGS_FILE), _bundled_flags()),
        Glossary.load(base / GLOSSARY_FILE),
        load_claims(base / CLAIMS_FILE),
    )


def _bundled_flags() -> tuple[RedFlag, ...]:
    # The always-asked set in this run's language: a table of any language is checked with it.
    return load_red_flags(_in_language(BUNDLED_TABLE).parent / RED_FLAGS_FILE)


@st.cache_resource(show_spinner=False)
def _safety_net_only(stamp: int, lang: str) -> tuple[RedFlag, ...]:
    return with_safety_net((), _bundled_flags())


def _stamp(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def sidecars() -> Sidecars:
    """The red flags, glossary and claims that sit beside the active table (for a table a
    person brought, unless it started from the bundled one: no glossary or claims, and
    the bundled always-asked warning signs)."""
    folder = state.source_folder(BUNDLED_TABLE.parent)
    if folder is None:
        return _safety_net_only(_stamp(BUNDLED_TABLE.parent / RED_FLAGS_FILE), i18n.language()), Glossary(), ()
    stamp = tuple(_stamp(folder / f) for f in (RED_FLAGS_FILE, GLOSSARY_FILE, CLAIMS_FILE))
    return _sidecars(str(folder), stamp, i18n.language())


def show_problems(error: CauseTableError, title: str) -> None:
    shown = error.problems[:MAX_PROBLEMS_SHOWN]
    lines = "\n".join(f"- {md_escape(str(p))}" for p in shown)
    more = len(error.problems) - len(shown)
    if more:
        lines += "\n- " + i18n._("… and {n} more").format(n=i18n.number(more))
    st.error(f"**{md_escape(title)}**\n\n{lines}", icon=":material/error:")


def load_source() -> CauseTable:
    """Called once per run by app.py: the cause table this app serves (`--data PATH`, else
    the bundled one). An invalid file shows the loader's messages and the app falls back
    to the bundled table. The pages then get it from `active_table()`."""
    served = data_path(sys.argv[1:])
    path, table, error = _load_shown(served)
    if error is not None:
        show_problems(error, i18n._("The cause table {name} could not be used:").format(name=path.name))
        if path.resolve() != BUNDLED_TABLE.resolve():
            served = BUNDLED_TABLE
            path, table, error = _load_shown(served)
            if table is not None:
                st.info(i18n._("Cause Atlas is showing its bundled cause table instead."), icon=":material/info:")
    if table is None:
        st.stop()
    own = state.own_table()
    if own is not None:  # a table this person brought lives in their session only
        state.set_source(table, own[0], own[1], bundled=False)
        return own[0]
    bundled = served.resolve() == BUNDLED_TABLE.resolve()
    state.set_source(table, table, path.resolve().parent, bundled, pairing_for(served.resolve(), path.resolve()))
    return table


def active_table() -> CauseTable:
    """The table app.py loaded for this run."""
    if PagesManager.uses_pages_directory:
        # Before any session has run app.py, Streamlit treats a folder named pages/ as an
        # old-style multipage app and runs a page file straight from a link (/about),
        # without app.py. The pinned Streamlit (1.67) sets this flag from the folder's
        # name alone and offers no setting for it: leave that mode and run again through
        # app.py's navigation. (tests/browser/test_pages.py opens a page's link first.)
        PagesManager.uses_pages_directory = False
        st.rerun()
    table = state.active_table()
    return table if table is not None else load_source()


def table_caption(table: CauseTable, on_data_page: bool = False) -> None:
    """Which table is being shown, any note the loader made about it, and for a table a
    person brought, a way back to the server's own."""
    with st.container(horizontal=True, vertical_alignment="center", gap="small", key="table-caption"):
        st.caption(
            ":material/table: "
            + i18n.ngettext("{n} cause from **{name}**", "{n} causes from **{name}**", len(table)).format(
                n=i18n.number(len(table)), name=md_escape(table.name)
            )
        )
        if state.own_table() is not None:
            st.caption(":material/lock: " + i18n._("your table, in this browser tab only"))
            server = state.server_table()
            st.button(
                i18n._("Back to {name}").format(name=md_escape(server.name))
                if server
                else i18n._("Back to the bundled table"),
                on_click=state.use_table,
                args=(None,),
                icon=":material/undo:",
                type="tertiary",
                key="data-back",
            )
        elif not on_data_page:
            st.page_link(DATA_PAGE, label=i18n._("Use your own table"), icon=":material/upload_file:")
    if on_data_page and table.warnings:  # where a person checks their table: in full view
        st.warning("\n".join(f"- {md_escape(w)}" for w in table.warnings), icon=":material/info:")
        return
    for w in table.warnings:
        st.caption(f":material/info: {md_escape(w)}")
