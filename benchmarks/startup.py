"""Start-up: `streamlit run app.py` to a healthy `/_stcore/health`, cold and warm, and the services the first page
builds (knowledge load, model, store, database), cold (no knowledge store) and warm."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from benchmarks.common import REPO, Table, free_port, median, ms, offline_env

COMMAND = ".venv/bin/python -m benchmarks startup"
HEALTH_TIMEOUT_S = 120.0
SERVICES_SCRIPT = (
    "import json, sys, time; t = time.perf_counter(); import assistant.config; "
    "from assistant.services import build_services; from assistant.config import Settings; "
    "s = build_services(Settings(_env_file=None)); "
    "print(json.dumps({'seconds': time.perf_counter() - t, 'ingested': s.knowledge_status.ingested_now}))"
)


def _streamlit_to_health(data_dir: Path, pycache: Path) -> float:
    """Seconds from launching `streamlit run` to a 200 from /_stcore/health; the server is stopped after."""
    port = free_port()
    env = offline_env(data_dir, PYTHONPYCACHEPREFIX=str(pycache))
    command = [str(Path(sys.executable).with_name("streamlit")), "run", str(REPO / "app.py"),
               "--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1"]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=data_dir, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        while time.perf_counter() - started < HEALTH_TIMEOUT_S:
            if process.poll() is not None:
                raise RuntimeError(f"streamlit exited with status {process.returncode} before it was healthy")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as reply:
                    if reply.status == 200:
                        return time.perf_counter() - started
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"streamlit was not healthy within {HEALTH_TIMEOUT_S:.0f} s")
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # our own process group, started just above
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _services_ready(data_dir: Path, pycache: Path) -> tuple[float, bool]:
    """A fresh process building the app's services, as the first page does (wall time incl. interpreter start)."""
    env = offline_env(data_dir, PYTHONPYCACHEPREFIX=str(pycache))
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", SERVICES_SCRIPT], cwd=data_dir, env=env, capture_output=True,
                          text=True, check=True, timeout=600)
    wall = time.perf_counter() - started
    return wall, bool(json.loads(done.stdout.strip().splitlines()[-1])["ingested"])


def run(workdir: Path) -> list[Table]:
    table = Table("Start-up", COMMAND)
    data_dir = workdir / "startup-data"
    data_dir.mkdir()
    pycache = workdir / "startup-pycache"  # an empty bytecode cache: the first run compiles everything

    cold = _streamlit_to_health(data_dir, pycache)
    warm = [_streamlit_to_health(data_dir, pycache) for _ in range(3)]
    table.add("`streamlit run` to healthy /_stcore/health, cold", ms(cold),
              note="first run: empty data dir (no knowledge store), empty bytecode cache (PYTHONPYCACHEPREFIX)")
    table.add("`streamlit run` to healthy /_stcore/health, warm", ms(median(warm)), target="< 3 s",
              note="median of 3")

    services_cold, ingested = _services_ready(data_dir, pycache)
    table.add("first page's services ready, cold (knowledge store absent)", ms(services_cold),
              note="fresh process: imports, model load, " + ("ingest" if ingested else "NO ingest (unexpected)")
                   + ", database; health does not wait for this, the first page does")
    services_warm = [_services_ready(data_dir, pycache)[0] for _ in range(3)]
    table.add("first page's services ready, warm (store up to date)", ms(median(services_warm)),
              note="median of 3 fresh processes")
    return [table]
