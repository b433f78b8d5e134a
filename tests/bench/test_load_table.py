"""bench/load.py's markdown table: one row a room, p50 / p95 for each kind, '-' for a kind
the room did not have."""

from __future__ import annotations

from bench.load import table


def _room(processes: int, sessions: int, browsers: int) -> dict:
    kinds = {}
    for kind, n in (("browser", browsers), ("protocol", sessions - browsers)):
        for what in ("load", "rerun"):
            kinds[f"{kind}_{what}_p50"] = 1.234 if n else None
            kinds[f"{kind}_{what}_p95"] = 5.0 if n else None
        kinds[f"{kind}_sessions"] = n
    return {
        "processes": processes,
        "sessions": sessions,
        "failed": 0,
        "server_cpu_s": 7.6,
        "server_peak_rss_mb": 466.6,
        **kinds,
    }


def test_one_row_a_room_with_each_kind_or_a_dash() -> None:
    lines = table([_room(2, 50, 5), _room(1, 50, 50)]).splitlines()
    assert len(lines) == 4 and lines[0].count("|") == lines[2].count("|") == 10
    assert lines[2] == "| 2 | 50 (5) | 0 | 1.23 / 5.00 | 1.23 / 5.00 | 1.23 / 5.00 | 1.23 / 5.00 | 8 | 467 |"
    assert lines[3] == "| 1 | 50 (50) | 0 | - | - | 1.23 / 5.00 | 1.23 / 5.00 | 8 | 467 |"
