"""`make serve`: several Cause Atlas processes on loopback ports, nginx in front on one port.

    python -m deploy.serve [--port 8500] [--processes K] [--data PATH] [--rooms SETTING]

- K app processes (default: one per core), each `streamlit run app.py` on its own
  loopback port, started and then watched through `/_stcore/health`: one that stops
  answering is started again.
- nginx (Debian's package) on `--port`, with WebSocket upgrade, uploads up to the app's
  limit, and sticky sessions: the first answer sets a cookie naming the process that
  served it, and every later request of that browser (its websocket, its uploads) goes to
  that process. When that process is gone, nginx hands the request to a live one and the
  cookie follows, so a page whose process died reconnects to another and carries on.
- nginx sends Streamlit's page bundles itself, from a copy in its run folder (a fresh
  folder under the system's temporary folder): its workers never read the clone or the
  venv, so it serves wherever the clone is and whoever runs it. Started as root, the
  workers run as Debian's unprivileged `www-data` (`nobody` where there is none), which
  may enter the run folder but not list it; the logs and configuration in it stay the
  owner's. Started as anyone else, nginx cannot change user: its workers are that user.
- Ctrl-C (or SIGTERM) stops nginx and every app process it started.
"""

from __future__ import annotations

import argparse
import grp
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.file_util import get_static_dir as streamlit_static_dir

ROOT = Path(__file__).resolve().parents[1]
COOKIE = "cause_atlas_backend"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
# Streamlit's own page (index.html and its hashed bundles under static/).
STREAMLIT_STATIC = Path(streamlit_static_dir())
# The app's own (server.enableStaticServing): the charts' plotly.js bundle.
APP_STATIC = ROOT / "static"

NGINX_CONF = """\
{user}worker_processes 1;
daemon off;
pid {run}/nginx.pid;
error_log {run}/nginx-error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log {run}/nginx-access.log;
    client_body_temp_path {run}/body;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_max_body_size {max_upload_mb}m;
    server_tokens off;

    # The process a browser was first served by, from its cookie; a browser without one
    # (or naming no process of this set) goes to the least busy process.
    map $cookie_{cookie} $backend {{
{routes}
        default cause_atlas;
    }}
    # The process that answered (the last one tried, when a dead one was tried first).
    map $upstream_addr $served_by {{
        "~(?<last>[0-9.]+:[0-9]+)$" $last;
        default "";
    }}
    map $http_upgrade $connection_upgrade {{
        default upgrade;
        "" close;
    }}
    upstream cause_atlas {{
        least_conn;
{servers}
    }}
    server {{
        listen {address}:{port};
        # The page's scripts, styles and fonts: files with hashed names, the same for every
        # process, sent by nginx itself (sendfile, compressed) instead of by an app
        # process in Python; each browser fetches them once.
        location /static/ {{
            alias {run}/static/;
            sendfile on;
            gzip on;
            gzip_comp_level 4;
            gzip_types text/css application/javascript text/javascript image/svg+xml;
            add_header Cache-Control "public, immutable, max-age=31536000";
        }}
        # The app's own static files (the charts' plotly.js, pages/ui/plot.py), asked for
        # with their hash in the link (?v=), so they too can be kept for a year.
        location /app/static/ {{
            alias {run}/app-static/;
            sendfile on;
            gzip on;
            gzip_comp_level 4;
            gzip_types application/javascript text/javascript;
            add_header Cache-Control "public, immutable, max-age=31536000";
        }}
        location / {{
            proxy_pass http://$backend;
            include {run}/proxy.conf;
            # The named process is gone: hand the request to a live one.
            error_page 502 504 = @live;
        }}
        location @live {{
            proxy_pass http://cause_atlas;
            include {run}/proxy.conf;
        }}
    }}
}}
"""

PROXY_CONF = """\
proxy_http_version 1.1;
proxy_set_header Upgrade $http_upgrade;
proxy_set_header Connection $connection_upgrade;
proxy_set_header Host $http_host;
proxy_set_header X-Forwarded-For $remote_addr;
proxy_read_timeout 1d;
proxy_send_timeout 1d;
proxy_connect_timeout 2s;
proxy_buffering off;
proxy_next_upstream error timeout http_502 http_503;
# Name the process that answered: the browser's next requests go to it.
add_header Set-Cookie "{cookie}=$served_by; Path=/; HttpOnly; SameSite=Lax" always;
"""


def worker_user() -> tuple[str, str] | None:
    """The user and group nginx's workers run as when it is started as root: Debian's
    unprivileged `www-data`, else `nobody`. None when not root (nginx then cannot change
    user, and its workers run as whoever started it)."""
    if os.geteuid() != 0:
        return None
    for name in ("www-data", "nobody"):
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            continue
        return name, grp.getgrgid(entry.pw_gid).gr_name
    raise RuntimeError("nginx started as root needs an unprivileged user to run its workers: add www-data")


def copy_bundles(run: Path) -> Path:
    """Streamlit's static bundles copied to `run/static`, and the app's own to
    `run/app-static`, readable by nginx's workers whatever the umask (the copies are public
    content: every browser downloads them)."""
    target = run / "static"
    shutil.copytree(STREAMLIT_STATIC / "static", target, dirs_exist_ok=True)
    shutil.copytree(APP_STATIC, run / "app-static", dirs_exist_ok=True)
    for copy in (target, run / "app-static"):
        for folder, _, files in os.walk(copy):
            os.chmod(folder, 0o755)
            for name in files:
                os.chmod(os.path.join(folder, name), 0o644)
    return target


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(port: int, timeout: float = 1.0) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=timeout) as r:
            return r.status == 200
    except OSError:
        return False


@dataclass
class App:
    port: int
    data: str | None
    log: Path
    rooms: str | None = None
    proc: subprocess.Popen | None = None
    restarts: int = 0

    def start(self) -> None:
        cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py")]
        cmd += ["--server.port", str(self.port), "--server.address", "127.0.0.1", "--server.headless", "true"]
        options = [*(["--data", self.data] if self.data else []), *(["--rooms", self.rooms] if self.rooms else [])]
        if options:
            cmd += ["--", *options]
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)


@dataclass
class Stack:
    """The app processes and nginx in front of them."""

    port: int
    processes: int
    data: str | None = None
    address: str = "127.0.0.1"
    rooms: str | None = None  # the live rooms' store (causes.room.open_store); None: SQLite
    run: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="cause-atlas-serve-")))
    apps: list[App] = field(default_factory=list)
    nginx: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://{self.address}:{self.port}"

    def config(self) -> str:
        from causes.config import MAX_UPLOAD_MB

        routes = "\n".join(f'        "127.0.0.1:{a.port}" 127.0.0.1:{a.port};' for a in self.apps)
        servers = "\n".join(f"        server 127.0.0.1:{a.port} max_fails=1 fail_timeout=5s;" for a in self.apps)
        user = worker_user()
        return NGINX_CONF.format(
            user=f"user {user[0]} {user[1]};\n" if user else "",
            run=self.run,
            cookie=COOKIE,
            routes=routes,
            servers=servers,
            address=self.address,
            port=self.port,
            max_upload_mb=MAX_UPLOAD_MB + 1,  # the app refuses more itself, with a message
        )

    def start(self, timeout: float = 120) -> None:
        self.apps = [App(free_port(), self.data, self.run / f"app-{i}.log", self.rooms) for i in range(self.processes)]
        for app in self.apps:
            app.start()
        deadline = time.monotonic() + timeout
        for app in self.apps:
            while not healthy(app.port):
                if app.proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"app on port {app.port} did not start:\n{app.log.read_text()[-3000:]}")
                time.sleep(0.3)
        self.prepare_run_folder()
        self.nginx = subprocess.Popen(
            [NGINX, "-p", str(self.run), "-c", str(self.run / "nginx.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        while not healthy(self.port):
            if self.nginx.poll() is not None or time.monotonic() > deadline:
                log = (self.run / "nginx-error.log").read_text() if (self.run / "nginx-error.log").exists() else ""
                self.stop()
                raise RuntimeError(f"nginx did not start:\n{log}")
            time.sleep(0.2)
        self.bundles_served()

    def prepare_run_folder(self) -> None:
        """What nginx reads and writes, in its run folder. The workers may enter it (not
        list it) to read the bundles' copy and to write request bodies to the temporary
        folders (nginx hands those to them); the configuration and the logs, which hold
        addresses, are for the owner alone."""
        self.run.chmod(0o711)
        copy_bundles(self.run)
        for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (self.run / sub).mkdir(mode=0o700, exist_ok=True)
        private = {
            "proxy.conf": PROXY_CONF.format(cookie=COOKIE),
            "nginx.conf": self.config(),
            "nginx-error.log": None,
            "nginx-access.log": None,
        }
        for name, text in private.items():
            path = self.run / name
            path.touch(mode=0o600)
            path.chmod(0o600)
            if text is not None:
                path.write_text(text)

    def bundles_served(self) -> None:
        """Fail at once, with nginx's own reason, if its workers cannot send the bundles
        (a page would never load)."""
        some = min((self.run / "static").rglob("*.js"))
        url = f"{self.url}/{some.relative_to(self.run).as_posix()}"
        try:
            with urllib.request.urlopen(url, timeout=10) as r:
                r.read()
        except OSError as e:
            log = (self.run / "nginx-error.log").read_text()[-3000:]
            self.stop()
            raise RuntimeError(f"nginx cannot send the page's bundles ({e}):\n{log}") from e

    def watch_once(self) -> None:
        """Start again any app process that has stopped."""
        for app in self.apps:
            if app.proc is not None and app.proc.poll() is not None:
                app.restarts += 1
                app.start()

    def stop(self) -> None:
        if self.nginx and self.nginx.poll() is None:
            self.nginx.terminate()
            try:
                self.nginx.wait(10)
            except subprocess.TimeoutExpired:
                self.nginx.kill()
        for app in self.apps:
            app.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.serve", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8500, help="nginx's port (default 8500)")
    parser.add_argument("--address", default="127.0.0.1", help="nginx's address (default 127.0.0.1)")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1, help="app processes (default: cores)")
    parser.add_argument("--data", help="serve this cause table instead of the bundled one")
    parser.add_argument("--rooms", help="live rooms' store: redis://HOST:PORT/DB, or a SQLite file (default)")
    args = parser.parse_args(argv)
    stack = Stack(
        port=args.port, processes=max(1, args.processes), data=args.data, address=args.address, rooms=args.rooms
    )

    def stop(*_: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        stack.start()
        print(f"Cause Atlas on {stack.url} ({len(stack.apps)} processes behind nginx; logs in {stack.run})", flush=True)
        while True:
            time.sleep(2)
            stack.watch_once()
    except KeyboardInterrupt:
        pass
    finally:
        stack.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
