"""Helpers for tests that start real servers (chroma run, streamlit run) on loopback."""

from __future__ import annotations

import socket
import subprocess


def free_port() -> int:
    """A loopback port nobody is listening on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stop(process: subprocess.Popen) -> None:
    """Stop a server politely, then firmly: a test never leaves a process behind."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
