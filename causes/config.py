"""Where the app finds its data."""

from __future__ import annotations

import argparse
import functools
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from causes.i18n import N_, _

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_TABLE = ROOT / "data" / "causes.csv"
ENV_VAR = "CAUSE_ATLAS_DATA"


def _option(argv: Sequence[str], name: str) -> str | None:
    """The value of `--NAME VALUE` among the arguments after `streamlit run app.py --`
    (None when absent, or given without a value)."""
    return _parsed(tuple(argv), name)


@functools.cache
def _parsed(argv: tuple[str, ...], name: str) -> str | None:
    # Cached: the app asks on every run, and argparse costs more than the run's own
    # store calls (its messages look up translations on disk).
    parser = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    parser.add_argument(f"--{name}")
    try:
        known, _rest = parser.parse_known_args(list(argv))
    except (argparse.ArgumentError, SystemExit):
        return None
    return getattr(known, name) or None


def data_path(argv: Sequence[str], environ: dict[str, str] | None = None) -> Path:
    """The cause table to serve: `--data PATH` after `streamlit run app.py --`, else the
    CAUSE_ATLAS_DATA environment variable, else the bundled table."""
    env = os.environ if environ is None else environ
    chosen = _option(argv, "data") or env.get(ENV_VAR)
    return Path(chosen) if chosen else BUNDLED_TABLE


LOCALE_VAR = "CAUSE_ATLAS_LOCALE"


def locale_setting(argv: Sequence[str], environ: dict[str, str] | None = None) -> str | None:
    """A deployment's fixed locale (`--locale en-GB` after `streamlit run app.py --`, else
    the CAUSE_ATLAS_LOCALE variable): it decides the emergency number and the services
    named for everyone, whatever their browser says. None: follow each browser."""
    env = os.environ if environ is None else environ
    return _option(argv, "locale") or env.get(LOCALE_VAR) or None


# The bundled table's topic (a title): English, marked for the catalog, for the files that
# still import it (show it through `_()`); `bundled_topic()` says it in this run's language.
BUNDLED_TOPIC = N_("What can cause muscle twitching, cramps and spasms in the legs")


def bundled_topic() -> str:
    """The bundled table's topic, as a title, in this run's language."""
    return _(BUNDLED_TOPIC)


# What one upload may be, set here only. `.streamlit/config.toml` repeats the size as
# server.maxUploadSize, so the server refuses a larger upload too (a test keeps them equal).
# A realistic table of 20,000 causes with 50 symptoms each is 38 MB.
MAX_UPLOAD_MB = 50
MAX_UPLOAD_ROWS = 50_000
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024  # Streamlit counts a megabyte as 1,048,576 bytes


ROOMS_VAR = "CAUSE_ATLAS_ROOMS"


def rooms_setting(argv: Sequence[str], environ: dict[str, str] | None = None) -> tuple[str | None, Path]:
    """Where live rooms are kept (`--rooms redis://host:6379/0` or `--rooms PATH` after
    `streamlit run app.py --`, else the CAUSE_ATLAS_ROOMS variable), and the folder of the
    default SQLite file: one per user under the system's temporary folder, so that every
    app process this user starts on this machine shares it."""
    env = os.environ if environ is None else environ
    folder = Path(tempfile.gettempdir()) / f"cause-atlas-{os.getuid()}"
    return _option(argv, "rooms") or env.get(ROOMS_VAR) or None, folder
