"""Fixtures for the Streamlit app: AppTest runs in-process, and a real `streamlit run` server driven by Chromium.

Test modules import what they use from here directly (e.g. `from tests.support.app_fixtures import app_test`).

Both kinds of test run the app against a throw-away data folder with the offline engine, so they never read a
developer's `.env`, database or vector store. Building the knowledge store is the slow part of a first run, so
one store is built per test session and copied into each test's data folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from assistant.config import Settings
from tests.support.processes import free_port, stop

REPO = Path(__file__).resolve().parents[2]
APP = REPO / "app.py"
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CORPUS_RESUME = REPO.parent / "shared" / "corpus" / "resumes" / "jakegut_resume.pdf"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]


@pytest.fixture(scope="session")
def prebuilt_knowledge(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder whose Chroma store already holds the role knowledge (built once per test session)."""
    from assistant.knowledge.embeddings import get_embedder
    from assistant.knowledge.store import KnowledgeStore

    data_dir = tmp_path_factory.mktemp("prebuilt-data")
    settings = Settings(_env_file=None, data_dir=data_dir, llm_provider="offline")  # type: ignore[call-arg]
    KnowledgeStore(settings, get_embedder(settings)).ensure_ready()
    return data_dir


@pytest.fixture
def app_data_dir(tmp_path: Path, prebuilt_knowledge: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's data folder (with a copy of the prebuilt store), its own copy of the prompt files (tests edit
    them), and offline settings in the environment."""
    data_dir = tmp_path / "data"
    shutil.copytree(prebuilt_knowledge / "chroma", data_dir / "chroma")
    prompts_dir = tmp_path / "prompts"
    shutil.copytree(REPO / "prompts", prompts_dir)
    monkeypatch.setenv("DATA_DIR", str(data_dir))
    monkeypatch.setenv("ASSISTANT_PROMPTS_DIR", str(prompts_dir))
    monkeypatch.setenv("LLM_PROVIDER", "offline")
    return data_dir


@pytest.fixture
def app_test(app_data_dir: Path) -> Iterator[Callable[..., object]]:
    """Factory for an `AppTest` of the whole app, opened on one page (by its file under `app_pages/`).

    Streamlit's resource cache lives in the process, so it is cleared around each test: services built for
    another test's data folder or model must never leak into this one.
    """
    import streamlit as st
    from streamlit import config
    from streamlit.testing.v1 import AppTest

    st.cache_resource.clear()
    # As `make run` and the project's .streamlit/config.toml do: the app refuses to render on any other address.
    previous_address = config.get_option("server.address")
    config.set_option("server.address", "127.0.0.1")

    def make(page: str | None = None, *, timeout: float = 60) -> AppTest:
        at = AppTest.from_file(str(APP), default_timeout=timeout)
        at.run()
        if page is not None:
            at.switch_page(f"app_pages/{page}").run()
        return at

    yield make
    config.set_option("server.address", previous_address)
    st.cache_resource.clear()


@pytest.fixture
def app_fake_model() -> Iterator[object]:
    """A `FakeChatModel` that every app built during the test uses as its LLM (through the services test seam).

    The test `enqueue()`s the model's replies in the order the page will ask for them; a call with nothing queued
    fails the test, so an unexpected extra LLM call is never silently answered.
    """
    from assistant.llm.fakes import FakeChatModel
    from assistant.services import override_chat_model

    model = FakeChatModel()
    with override_chat_model(lambda _settings: model):
        yield model


def page_text(at: object) -> str:
    """Everything a user can read on the page, for "is it shown / is it never shown" assertions."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "error", "warning", "info",
                 "success", "code", "metric", "json"):
        for element in getattr(at, kind):
            value = getattr(element, "value", "")
            parts.append(str(value))
            parts.append(str(getattr(element, "label", "") or ""))
    for table in list(at.table) + list(at.dataframe):  # type: ignore[attr-defined]
        parts.append(table.value.to_string())
    for box in at.text_area:  # type: ignore[attr-defined]
        parts.append(str(box.value))
    return "\n".join(parts)


def assert_no_exception(at: object) -> None:
    """An AppTest run must not have raised: a traceback on a page is a bug a user would see. The app's last-resort
    handler (app.py) turns an unexpected error into a plain message; that message is a failure here too."""
    exceptions = list(at.exception)  # type: ignore[attr-defined]
    assert not exceptions, "\n".join(e.value for e in exceptions)
    internal = [e.value for e in at.error if "Something went wrong on this page" in str(e.value)]  # type: ignore[attr-defined]
    assert not internal, "a page failed unexpectedly (see the log for the traceback)"


# --- Real server and browser --------------------------------------------------------------------------------------



class StreamlitServer:
    """A `streamlit run app.py` subprocess, and how long it took from launch to healthy."""

    def __init__(self, url: str, process: subprocess.Popen[bytes], log: Path, cold_start_s: float,
                 prompts_dir: Path) -> None:
        self.url = url
        self.prompts_dir = prompts_dir
        self.process = process
        self.log = log
        self.cold_start_s = cold_start_s


@pytest.fixture(scope="session")
def streamlit_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    """Start the app headless on a free port with an empty data folder (so the first page load builds the
    knowledge store, as on a fresh clone) and wait for `/_stcore/health`.

    The server runs in a scratch working directory holding a copy of the project's `.streamlit/config.toml`, so
    the real configuration (upload cap, XSRF, no usage stats) applies and no developer `.env` is read.
    """
    workdir = tmp_path_factory.mktemp("streamlit-server")
    shutil.copytree(REPO / ".streamlit", workdir / ".streamlit")
    data_dir = workdir / "data"
    shutil.copytree(REPO / "prompts", workdir / "prompts")  # the prompt test edits files: never the repo's
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CHROMA_", "DATABASE_"))}
    env.update(
        DATA_DIR=str(data_dir), LLM_PROVIDER="offline", PYTHONPATH=str(REPO),
        ASSISTANT_PROMPTS_DIR=str(workdir / "prompts"),
        STREAMLIT_BROWSER_GATHER_USAGE_STATS="false",
    )
    log = workdir / "server.log"
    started = time.perf_counter()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(APP), "--server.headless", "true",
             "--server.port", str(port), "--server.address", "127.0.0.1"],
            cwd=workdir, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"streamlit exited early:\n{log.read_text(errors='replace')[-3000:]}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.read().strip() == b"ok":
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("streamlit did not become healthy within 60 s")
            time.sleep(0.1)
        yield StreamlitServer(url, process, log, time.perf_counter() - started, workdir / "prompts")
    finally:
        stop(process)


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    """Debian's Chromium driven by Playwright (no `playwright install`). Outside CI a missing Chromium skips the
    browser tests; in CI (`CI` set) it fails them, because `.ci/run` is supposed to install it."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing in CI: `.ci/run` should have installed the chromium package")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium: object, streamlit_server: StreamlitServer, request: pytest.FixtureRequest) -> Iterator[object]:
    """A fresh browser tab (its own Streamlit session); a screenshot is saved to test-artifacts/ afterwards."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    yield tab
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{request.node.name}-final.png"), full_page=True)
    context.close()


def screenshot(tab: object, name: str) -> Path:
    """Save a full-page screenshot under test-artifacts/ (gitignored; CI keeps it as an artifact)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    # Streamlit scrolls inside its main container, so a "full page" shot is only the viewport: grow the viewport
    # to the content's height for the shot, then restore it.
    viewport = tab.viewport_size  # type: ignore[attr-defined]
    height = tab.evaluate(  # type: ignore[attr-defined]
        "() => document.querySelector('[data-testid=\"stMain\"]')?.scrollHeight || 900")
    tab.set_viewport_size({"width": viewport["width"], "height": min(max(int(height), 900), 8000)})  # type: ignore[attr-defined]
    tab.wait_for_timeout(400)  # type: ignore[attr-defined]
    tab.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
    tab.set_viewport_size(viewport)  # type: ignore[attr-defined]
    return path
