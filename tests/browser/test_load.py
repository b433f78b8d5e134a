"""The classroom load test (bench/load.py) does what it says on a small room: every session,
real browser or protocol, opens the page and applies its three filters, each answered with
the expected count; and a process killed mid-room loses nobody."""

from __future__ import annotations

from bench.load import run


def test_a_small_room_is_served_with_every_step_answered() -> None:
    (figures,) = run([3], processes=1, browsers=1, think=(0, 0.5))
    assert figures["failed"] == 0, figures["errors"]
    assert figures["browser_sessions"] == 1 and figures["protocol_sessions"] == 2
    for kind in ("browser", "protocol"):
        assert figures[f"{kind}_load_p50"] > 0
        assert figures[f"{kind}_rerun_p95"] >= figures[f"{kind}_rerun_p50"] > 0
    assert figures["server_cpu_s"] > 0 and figures["server_peak_rss_mb"] > 50
    assert figures["killed"] is None and figures["reconnects"] == 0


def test_a_process_killed_mid_room_loses_nobody() -> None:
    """Every session on the killed process comes back on the live one with its page (the
    count each step must show); the sessions on the live process never notice."""
    (figures,) = run([6], processes=2, browsers=2, think=(1, 2), kill_after=0.5)
    assert figures["killed"], figures
    assert figures["failed"] == 0, figures["errors"]
    assert figures["on_killed_process"] >= 1
    assert figures["recovered"] == figures["on_killed_process"]
    assert figures["others_disturbed"] == 0
    assert figures["health_asked"] > 0 and figures["health_errors"] == 0  # the proxy kept answering
