"""Sign-in end to end: the app with an `[auth]` section, a real OpenID Connect provider (oidc-provider-mock) on
loopback, and Chromium. Two users never see, open, answer in or delete each other's interviews; a signed-out
visitor sees nothing but the sign-in page; the CLI's `--user` view shows one user's sessions."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app as cli
from assistant.identity import user_id_for_subject
from assistant.interview.store import InterviewRepository
from assistant.storage import Database
from deploy.topology import stop, wait_http
from tests.support.app_fixtures import APP, REPO, screenshot
from tests.support.oidc import ALICE, BOB, OidcProvider, sign_in
from tests.support.processes import free_port

pytestmark = [pytest.mark.slow, pytest.mark.browser]

ANSWER = (
    "At Acme I led a 40-person ML platform org. I decided to consolidate three feature stores into one after "
    "measuring 30% duplicated pipelines; as a result deployment time fell from 3 weeks to 2 days."
)


@dataclass
class SignedInApp:
    url: str
    data_dir: Path

    @property
    def database_url(self) -> str:
        return f"sqlite:///{self.data_dir / 'coach.db'}"


@pytest.fixture(scope="module")
def signed_in_app(oidc_provider: OidcProvider, prebuilt_knowledge: Path,
                  tmp_path_factory: pytest.TempPathFactory) -> Iterator[SignedInApp]:
    """`streamlit run app.py` from a folder whose `.streamlit/` holds the shipped config.toml and a secrets.toml
    with `[auth]` for the test provider (written here, never into the repo)."""
    workdir = tmp_path_factory.mktemp("signed-in-app")
    shutil.copytree(REPO / ".streamlit", workdir / ".streamlit", ignore=shutil.ignore_patterns("secrets.toml"))
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    (workdir / ".streamlit" / "secrets.toml").write_text(oidc_provider.secrets_toml(url))
    data_dir = workdir / "data"
    shutil.copytree(prebuilt_knowledge / "chroma", data_dir / "chroma")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CHROMA_", "DATABASE_"))}
    env.update(DATA_DIR=str(data_dir), LLM_PROVIDER="offline", PYTHONPATH=str(REPO),
               STREAMLIT_BROWSER_GATHER_USAGE_STATS="false")
    log = workdir / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(APP), "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(port)],
            cwd=workdir, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            wait_http(f"{url}/_stcore/health", process, expect=b"ok", log=log)
            yield SignedInApp(url=url, data_dir=data_dir)
        finally:
            stop(process)


def _settled(page) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_timeout(300)
    page.get_by_test_id("stStatusWidget").wait_for(state="hidden", timeout=60_000)


def test_a_signed_out_visitor_sees_only_the_sign_in_page(signed_in_app: SignedInApp, chromium) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    context = chromium.new_context()
    page = context.new_page()
    try:
        for path in ("", "history", "interview", "resume", "settings"):
            page.goto(f"{signed_in_app.url}/{path}", wait_until="domcontentloaded")
            expect(page.get_by_role("button", name="Sign in")).to_be_visible(timeout=90_000)
            _settled(page)
            text = page.get_by_test_id("stApp").inner_text()
            for private in ("Delete my data", "Start the interview", "Review my resume", "Sessions", "DATA_DIR"):
                assert private not in text, f"{private!r} shown to a signed-out visitor on /{path}"
        screenshot(page, "sign-in-page")
    finally:
        context.close()


@pytest.mark.timeout(900)
def test_two_users_never_see_open_answer_in_or_delete_each_others_sessions(  # type: ignore[no-untyped-def]
    signed_in_app: SignedInApp, chromium
) -> None:
    from playwright.sync_api import expect

    alice_ctx, bob_ctx = chromium.new_context(), chromium.new_context()
    alice, bob = alice_ctx.new_page(), bob_ctx.new_page()
    try:
        # Alice starts a two-question interview and answers the first question, leaving it unfinished.
        sign_in(alice, signed_in_app.url, ALICE)
        alice.goto(f"{signed_in_app.url}/interview", wait_until="domcontentloaded")
        expect(alice.get_by_text("Number of questions")).to_be_visible(timeout=90_000)
        thumb = alice.get_by_role("slider")
        thumb.focus()
        for _ in range(3):
            thumb.press("ArrowLeft")
        alice.get_by_role("button", name="Start the interview").click()
        box = alice.get_by_test_id("stChatInputTextArea")
        box.wait_for(timeout=60_000)
        box.fill(ANSWER)
        box.press("Enter")
        expect(alice.get_by_text(re.compile(r"Feedback: \d / 5")).first).to_be_visible(timeout=60_000)
        _settled(alice)
        alice.goto(f"{signed_in_app.url}/history", wait_until="domcontentloaded")
        expect(alice.get_by_role("combobox", name="Session")).to_have_value(re.compile("active"), timeout=60_000)

        # Bob, signed in at the same time, has nothing: no session to see, open, resume or answer in.
        sign_in(bob, signed_in_app.url, BOB)
        bob.goto(f"{signed_in_app.url}/history", wait_until="domcontentloaded")
        expect(bob.get_by_text("No interviews yet")).to_be_visible(timeout=60_000)
        expect(bob.get_by_role("combobox", name="Session")).to_have_count(0)
        bob.goto(f"{signed_in_app.url}/interview", wait_until="domcontentloaded")
        expect(bob.get_by_role("button", name="Start the interview")).to_be_visible(timeout=60_000)
        assert ANSWER[:40] not in bob.get_by_test_id("stApp").inner_text()
        screenshot(bob, "sign-in-bob-sees-nothing-of-alice")

        # Bob deletes his data: Alice's interview is untouched.
        bob.goto(f"{signed_in_app.url}/history", wait_until="domcontentloaded")
        bob.get_by_text("I understand this cannot be undone").click()
        bob.get_by_role("button", name="Delete my data").click()
        expect(bob.get_by_text(re.compile(r"There was nothing to delete"))).to_be_visible(timeout=30_000)
        db = InterviewRepository(Database(signed_in_app.database_url))
        alice_sessions = db.list_sessions(user_id_for_subject(ALICE["sub"]))
        assert [(s.status, s.answered) for s in alice_sessions] == [("active", 1)]
        assert db.list_sessions(user_id_for_subject(BOB["sub"])) == []
        assert db.list_sessions("local") == []  # signed-in data never lands on the local user

        # Alice still sees and resumes her interview.
        alice.reload(wait_until="domcontentloaded")
        expect(alice.get_by_role("combobox", name="Session")).to_have_value(re.compile("active"), timeout=60_000)

        # Signing out ends access: the same browser sees the sign-in page again.
        alice.get_by_role("button", name="Sign out").click()
        alice.get_by_role("button", name="End session").click(timeout=60_000)  # the provider ends its session too
        expect(alice.get_by_role("button", name="Sign in")).to_be_visible(timeout=60_000)
        alice.goto(f"{signed_in_app.url}/history", wait_until="domcontentloaded")
        expect(alice.get_by_role("button", name="Sign in")).to_be_visible(timeout=60_000)
        assert "Delete my data" not in alice.get_by_test_id("stApp").inner_text()
    finally:
        alice_ctx.close()
        bob_ctx.close()

    # The CLI's per-user view agrees with the app.
    runner = CliRunner()
    env = {"DATA_DIR": str(signed_in_app.data_dir), "LLM_PROVIDER": "offline"}
    mine = runner.invoke(cli, ["history", "--user", ALICE["sub"], "--json"], env=env)
    theirs = runner.invoke(cli, ["history", "--user", BOB["sub"], "--json"], env=env)
    assert mine.exit_code == 0 and theirs.exit_code == 0, mine.output + theirs.output
    assert [s["id"] for s in json.loads(mine.stdout)["sessions"]] == [alice_sessions[0].id]
    assert json.loads(theirs.stdout)["sessions"] == []
