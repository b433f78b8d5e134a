"""The charts a page drew, read from Streamlit's AppTest: each is a custom component
(pages/ui/plot.py) whose data holds the plotly figure as JSON and the chart in words."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from streamlit.testing.v1 import AppTest

from pages.ui.plot import COMPONENT


@dataclass(frozen=True)
class Chart:
    figure: dict[str, Any]  # as plotly JSON: {"data": [...], "layout": {...}}
    alt: str
    narrow: dict[str, Any] | None  # the figure drawn instead in a narrow column (a phone)
    selects: bool  # a click selects


def charts(at: AppTest) -> list[Chart]:
    """Every chart on the page, in order."""
    out = []
    for element in at.get("bidi_component"):
        if element.proto.component_name != COMPONENT:
            continue
        data = json.loads(element.proto.json)
        narrow = json.loads(data["narrow"]) if data.get("narrow") else None
        out.append(Chart(json.loads(data["spec"]), data["alt"], narrow, bool(data["select"])))
    return out
