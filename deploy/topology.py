"""Start the team topology on one host: PostgreSQL, a `chroma run` server, N `streamlit run` replicas and nginx
with sticky sessions in front. The tests and the load benchmark use it, and so can anyone trying the topology:

    python -m deploy.topology --replicas 2 --port 8080      # Ctrl-C stops everything

Each part is started with the same command DEPLOY.md documents, on 127.0.0.1 and free ports, with its files in
one temporary folder that is removed afterwards. In production each part runs under its own service manager
(systemd, containers) on its own host; only the commands and settings carry over.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NGINX_TEMPLATE = Path(__file__).resolve().parent / "nginx-coach.conf"
CHROMA = Path(sys.executable).parent / "chroma"


def free_port() -> int:
    """A loopback port nobody is listening on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a server politely, then firmly: nothing is left running."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def stop_all(processes: list[subprocess.Popen[bytes]]) -> None:
    """Stop several servers at once (newest first), so shutting down takes one timeout, not one per server."""
    for process in reversed(processes):
        if process.poll() is None:
            process.terminate()
    for process in reversed(processes):
        stop(process)


def wait_http(url: str, process: subprocess.Popen[bytes], *, expect: bytes | None = None,
              timeout_s: float = 120.0, log: Path | None = None) -> None:
    """Poll `url` until it answers 200 (with `expect` in the body when given); fail early if the process exits."""
    deadline = time.monotonic() + timeout_s
    while True:
        if process.poll() is not None:
            tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
            raise RuntimeError(f"{process.args!r} exited with status {process.returncode} before {url} answered"
                               f"\n{tail}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200 and (expect is None or expect in response.read()):
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"{url} did not answer within {timeout_s:.0f} s")
        time.sleep(0.2)


# --- nginx -----------------------------------------------------------------------------------------------------


def nginx_site(listen: str, replicas: list[str]) -> str:
    """The shipped nginx-coach.conf with the listen address and the replica list filled in."""
    text = NGINX_TEMPLATE.read_text(encoding="utf-8")
    servers = "\n".join(f"    server {r} max_fails=2 fail_timeout=10s;" for r in replicas)
    text = text.replace("    # @REPLICAS@ (one `server HOST:PORT max_fails=2 fail_timeout=10s;` per replica)", servers)
    return text.replace("    # @LISTEN@ (e.g. `listen 80;`; TLS belongs here or in front of it)", f"    listen {listen};")


def nginx_main_config(workdir: Path, listen: str, replicas: list[str]) -> Path:
    """A complete nginx.conf for an unprivileged, foreground nginx whose files all live in `workdir`."""
    site = workdir / "coach-site.conf"
    site.write_text(nginx_site(listen, replicas), encoding="utf-8")
    user = ""
    temp = workdir / "tmp"
    if os.geteuid() == 0:
        # nginx's workers drop root and must reach their temp folders (request bodies, e.g. a PDF upload, are
        # buffered there), so those live in a folder of their own directly under the system temp dir rather than
        # inside this private one. It is removed with `workdir` (see running_topology).
        user = "user www-data;"
        temp = Path(tempfile.mkdtemp(prefix="coach-nginx-"))
        (workdir / "nginx-temp-path").write_text(str(temp))
    for sub in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (temp / sub).mkdir(parents=True, exist_ok=True)
    if user:
        for path in [temp, *temp.iterdir()]:
            shutil.chown(path, "www-data")
    conf = workdir / "nginx.conf"
    conf.write_text(f"""{user}
daemon off;
worker_processes 1;
pid {workdir}/nginx.pid;
error_log {workdir}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    client_body_temp_path {temp}/client_body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {site};
    access_log {workdir}/nginx-access.log coach;
}}
""", encoding="utf-8")
    return conf


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)


# --- the whole topology ---------------------------------------------------------------------------------------


@dataclass
class Topology:
    workdir: Path
    database_url: str
    chroma_port: int
    replica_urls: list[str]
    url: str  # nginx, the one address users open
    env: dict[str, str] = field(default_factory=dict)

    @property
    def access_log(self) -> Path:
        return self.workdir / "nginx-access.log"


def replica_env(base: Mapping[str, str], *, data_dir: Path, database_url: str, chroma_port: int,
                cookie_secret: str, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in base.items() if not k.startswith(("OPENAI_", "CHROMA_", "DATABASE_"))}
    env.update(
        DATA_DIR=str(data_dir), DATABASE_URL=database_url, CHROMA_HOST="127.0.0.1", CHROMA_PORT=str(chroma_port),
        PYTHONPATH=str(REPO), STREAMLIT_BROWSER_GATHER_USAGE_STATS="false",
        # Every replica signs cookies (XSRF, sign-in) with the same secret, so any of them accepts them.
        STREAMLIT_SERVER_COOKIE_SECRET=cookie_secret,
    )
    env.setdefault("LLM_PROVIDER", "offline")
    env.update(extra or {})
    return env


@contextmanager
def running_chroma(root: Path) -> Iterator[int]:
    """`chroma run` on a free loopback port with its data in `root/chroma-data`; yields the port."""
    port = free_port()
    log = root / "chroma.log"
    with log.open("wb") as out:
        chroma = subprocess.Popen(
            [str(CHROMA), "run", "--path", str(root / "chroma-data"), "--host", "127.0.0.1", "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT)
        try:
            wait_http(f"http://127.0.0.1:{port}/api/v2/heartbeat", chroma, log=log)
            yield port
        finally:
            stop(chroma)


@contextmanager
def running_topology(database_url: str, *, replicas: int = 2, workdir: Path | None = None,
                     listen_port: int | None = None, extra_env: Mapping[str, str] | None = None,
                     app_dir: Path | None = None) -> Iterator[Topology]:
    """Chroma server + `replicas` Streamlit processes + nginx, on loopback; everything stopped on exit.

    `database_url` is an existing (possibly empty) database; PostgreSQL is started separately (tests: a
    session fixture; `main()`: `start_local_postgres`). `app_dir` is the folder `streamlit run` starts in (its
    `.streamlit/` holds config.toml and, with sign-in, secrets.toml); by default a copy of the repo's."""
    nginx = nginx_binary()
    if nginx is None:
        raise FileNotFoundError("nginx is not installed (Debian package `nginx-light` or `nginx`)")
    own_dir = workdir is None
    root = Path(tempfile.mkdtemp(prefix="coach-topology-")) if workdir is None else workdir
    root.mkdir(parents=True, exist_ok=True)
    if app_dir is None:
        app_dir = root / "app"
        shutil.copytree(REPO / ".streamlit", app_dir / ".streamlit", ignore=shutil.ignore_patterns("secrets.toml"))
    cookie_secret = secrets.token_hex(32)
    started: list[subprocess.Popen[bytes]] = []
    with ExitStack() as stack:
        stack.callback(stop_all, started)
        try:
            chroma_port = stack.enter_context(running_chroma(root))

            replica_urls: list[str] = []
            processes = []
            for n in range(replicas):
                port = free_port()
                env = replica_env(os.environ, data_dir=root / f"replica-{n}" / "data", database_url=database_url,
                                  chroma_port=chroma_port, cookie_secret=cookie_secret, extra=extra_env)
                log = root / f"replica-{n}.log"
                process = subprocess.Popen(
                    [sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"), "--server.headless", "true",
                     "--server.address", "127.0.0.1", "--server.port", str(port)],
                    cwd=app_dir, env=env, stdout=stack.enter_context(log.open("wb")), stderr=subprocess.STDOUT)
                started.append(process)
                processes.append((process, port, log))
                replica_urls.append(f"127.0.0.1:{port}")
            for process, port, log in processes:
                wait_http(f"http://127.0.0.1:{port}/_stcore/health", process, expect=b"ok", log=log)

            listen_port = listen_port or free_port()
            conf = nginx_main_config(root, f"127.0.0.1:{listen_port}", replica_urls)
            nginx_log = root / "nginx.log"
            proxy = subprocess.Popen([nginx, "-c", str(conf), "-p", str(root)],
                                     stdout=stack.enter_context(nginx_log.open("wb")), stderr=subprocess.STDOUT)
            started.append(proxy)
            wait_http(f"http://127.0.0.1:{listen_port}/_stcore/health", proxy, expect=b"ok", log=nginx_log)
            yield Topology(workdir=root, database_url=database_url, chroma_port=chroma_port,
                           replica_urls=replica_urls, url=f"http://127.0.0.1:{listen_port}",
                           env={"CHROMA_HOST": "127.0.0.1", "CHROMA_PORT": str(chroma_port),
                                "DATABASE_URL": database_url})
        finally:
            stack.close()
            marker = root / "nginx-temp-path"
            if marker.exists():
                shutil.rmtree(marker.read_text(), ignore_errors=True)
            if own_dir:
                shutil.rmtree(root, ignore_errors=True)


# --- a local PostgreSQL for trying the topology out -------------------------------------------------------------


@contextmanager
def local_postgres() -> Iterator[str]:
    """A throwaway PostgreSQL cluster in a new temp folder (Debian's binaries; as root it runs as the postgres
    user, which is why the folder is its own and not inside a private one); removed afterwards."""
    import glob

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if not found:
        raise FileNotFoundError("PostgreSQL is not installed (Debian package `postgresql`)")
    bindir = Path(found[-1]).parent
    root = Path(tempfile.mkdtemp(prefix="coach-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = root / "cluster", free_port()
    try:
        subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                        "-E", "UTF8", "--no-locale"], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "server.log"), "-w",
                        "-o", f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c timezone=UTC "
                        "-c max_connections=200", "start"], check=True, stdout=subprocess.DEVNULL)
        try:
            yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
        finally:
            subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                           check=False, stdout=subprocess.DEVNULL)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--port", type=int, default=8080, help="nginx port on 127.0.0.1")
    parser.add_argument("--database-url", help="an existing database; default: a throwaway local PostgreSQL")
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="coach-topology-"))
    try:
        with ExitStack() as stack:
            url = args.database_url or stack.enter_context(local_postgres())
            topology = stack.enter_context(running_topology(url, replicas=args.replicas, workdir=root / "run",
                                                            listen_port=args.port))
            print(f"Open {topology.url} ({args.replicas} replicas: {', '.join(topology.replica_urls)}; "
                  f"Chroma 127.0.0.1:{topology.chroma_port}). Ctrl-C stops everything.", flush=True)
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
            signal.sigwait({signal.SIGINT, signal.SIGTERM})
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
