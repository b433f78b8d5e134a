"""Run the real app (app.py, with its navigation) in Streamlit's AppTest."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from causes.config import ENV_VAR

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture
def hiccups(tmp_path) -> Path:
    """Another topic's cause table, written the way a person might (odd header spacing
    and case), with no glossary, red flags or claims beside it."""
    path = tmp_path / "hiccups.csv"
    path.write_text(
        "Cause , CATEGORY,symptoms,body_areas,summary\n"
        "Eating fast,Habits,hiccups; bloating,chest,Swallowing air can set off hiccups.\n"
        "Fizzy drinks,Habits,hiccups,chest; stomach,Gas stretches the stomach.\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def app(monkeypatch) -> Callable[..., AppTest]:
    """Start the app with URL parameters, optionally on a given page (as a link straight
    to it would) and with another cause table."""

    def start(
        params: dict[str, str | list[str]] | None = None, data: Path | None = None, page: str | None = None
    ) -> AppTest:
        if data is not None:
            monkeypatch.setenv(ENV_VAR, str(data))
        else:
            monkeypatch.delenv(ENV_VAR, raising=False)
        at = AppTest.from_file(APP, default_timeout=120)
        for key, value in (params or {}).items():
            at.query_params[key] = value
        if page:
            at.switch_page(page)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return start


def texts(at: AppTest) -> list[str]:
    """Every markdown, caption and alert text on the page, unescaped for reading."""
    values = [m.value for m in at.markdown] + [c.value for c in at.caption] + [h.value for h in at.subheader]
    values += [a.value for a in (*at.info, *at.warning, *at.error, *at.success)]
    return [v.replace("\\", "") for v in values]


COUNT = re.compile(r"\*\*([\d,]+ of [\d,]+ causes? match(?:es)?)\*\*(?:  \n:small\[(.*)\])?", re.S)


def count_line(at: AppTest) -> str:
    """The count under the heading ("12 of 70 causes match")."""
    lines = [m for t in texts(at) if (m := COUNT.fullmatch(t))]
    assert len(lines) == 1, lines
    return lines[0].group(1)


def also_line(at: AppTest) -> str:
    """What the view also finds through broader and narrower terms, under the count ("" for
    nothing)."""
    (line,) = [m for t in texts(at) if (m := COUNT.fullmatch(t))]
    return line.group(2) or ""


def ours(value: str) -> bool:
    """Whether a text is the line of our own red-flag sources (the bundled always-asked
    signs, shown with every table): links we wrote, not a table's text."""
    return value.startswith(("Sources: ", ":small[Sources: "))


def questions(at) -> list[str]:
    """The warning-sign check's questions as shown (escaped), in order: each level's group
    of yes buttons (`st.pills`, keyed warn-group-...), most serious first."""
    return [o for g in at.pills if str(g.key).startswith("warn-group-") for o in g.options]


def say_yes(at, sign):
    """Say yes to `sign` (a `causes.check.Sign`) in whichever group asks it (not run yet)."""
    from causes.text import md_escape

    group = next(g for g in at.pills if str(g.key).startswith("warn-group-") and md_escape(sign.sign) in g.options)
    return group.select(sign.key)
