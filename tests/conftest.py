"""Test-wide rules: no network but loopback, isolated state under tmp_path, offline settings by default."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import pytest

import assistant.config  # noqa: F401  (telemetry off before heavy imports)
from assistant.config import Settings

pytest_plugins = [
    "tests.support.knowledge_fixtures",
    "tests.support.llm_fixtures",
    "tests.support.interview_fixtures",
    "tests.support.resume_fixtures",
    "tests.support.app_fixtures",
    "tests.support.postgres",
    "tests.support.chroma_server",
    "tests.support.oidc",
]

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _is_local(address: object) -> bool:
    if isinstance(address, str | bytes):  # AF_UNIX path
        return True
    host = address[0] if isinstance(address, tuple) else address
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _guarded_connect(self: socket.socket, address: object) -> None:
    if not _is_local(address):
        raise RuntimeError(f"tests must not reach the network (tried {address!r})")
    return _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: object) -> int:
    if not _is_local(address):
        raise RuntimeError(f"tests must not reach the network (tried {address!r})")
    return _real_connect_ex(self, address)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only loopback connections are allowed: every test is offline by construction."""
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded_connect_ex)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A developer's own key or server never leaks into a test; a test opts in explicitly."""
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "LLM_PROVIDER", "CHROMA_HOST", "DATABASE_URL", "DATA_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)  # no stray .env from the checkout is read


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Offline settings with every piece of state under this test's tmp_path."""
    return Settings(_env_file=None, data_dir=tmp_path / "data", llm_provider="offline")  # type: ignore[call-arg]


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside the checkout")
    return CORPUS
