"""A Streamlit server on a free loopback port, for the browser tests and the benchmarks:
started, polled on /_stcore/health until it answers (its log shown if it dies), measured
(its resident memory) and stopped. Headless Chromium, with the flags this machine needs."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# The app is idle: its script has finished running.
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`streamlit run SCRIPT` on 127.0.0.1, with `--data` when given (and the
    CAUSE_ATLAS_DATA variable set to it, for scripts that read that), else the script's
    `args`, and `env`'s variables added to this process's."""

    def __init__(
        self,
        data: Path | None = None,
        script: Path = ROOT / "app.py",
        timeout: float = 60,
        env: Mapping[str, str] | None = None,
        args: list[str] | None = None,
    ) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        fd, log = tempfile.mkstemp(prefix="cause-atlas-", suffix=".log")
        self.log = Path(log)
        cmd = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(script),
            "--server.headless=true",
            f"--server.port={self.port}",
            "--server.address=127.0.0.1",
            "--browser.gatherUsageStats=false",
        ]
        env = {k: v for k, v in os.environ.items() if k != "CAUSE_ATLAS_DATA"} | dict(env or {})
        if data is not None:
            cmd += ["--", "--data", str(data)]
            env["CAUSE_ATLAS_DATA"] = str(data)
        elif args:
            cmd += ["--", *args]
        self.proc = subprocess.Popen(
            cmd, cwd=ROOT, stdout=fd, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
        os.close(fd)
        self._wait_healthy(timeout)

    def logs(self) -> str:
        return self.log.read_text(errors="replace")[-5000:]

    def _wait_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited with {self.proc.returncode}:\n{self.logs()}")
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=1) as r:
                    if r.read() == b"ok":
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"the server did not become healthy in {timeout} s:\n{self.logs()}")

    def rss_mb(self) -> float:
        """The server's resident memory now, in MB."""
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS for the server")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
