"""The classroom load test (bench/load.py) does what it says on a small room: every session
opens the page and applies its three filters, each answered with the expected count."""

from __future__ import annotations

from bench.load import run


def test_a_small_room_is_served_with_every_step_answered() -> None:
    (figures,) = run([2], processes=1, timeout_s=90)
    assert figures["sessions"] == 2 and figures["failed"] == 0, figures["errors"]
    assert figures["load_p50"] > 0 and figures["rerun_p95"] >= figures["rerun_p50"] > 0
    assert figures["server_cpu_s"] > 0 and figures["server_peak_rss_mb"] > 50
