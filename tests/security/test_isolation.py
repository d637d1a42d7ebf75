"""Private by default, and each user's data is theirs: the documented start binds loopback, a shared start without
sign-in refuses, and "Delete my data" removes the current user's rows only and says exactly what it removed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import tomllib
import urllib.request
from pathlib import Path

import pytest
from pydantic import BaseModel
from typer.testing import CliRunner

from assistant.cli import app
from assistant.config import REPO_ROOT, Settings, get_settings, is_loopback, serving_problem
from assistant.exercises.store import ExerciseRepository
from assistant.interview.session import InterviewSession, Plan, PlannedQuestion, Turn
from assistant.interview.store import InterviewRepository, SessionMissing, new_session_id
from assistant.storage import LOCAL_USER_ID, Database, delete_all_user_data
from tests.support.app_fixtures import assert_no_exception, page_text
from tests.support.processes import free_port, stop

OTHER = "someone-else"


class _MemoReview(BaseModel):
    overall: str = "solid"


def _seed(database: Database, user_id: str, *, answers: int) -> InterviewSession:
    """A stored session of `user_id` with `answers` answered turns and one open question, and a saved exercise."""
    db = InterviewRepository(database)
    plan = Plan(focus="mixed", seed=1, questions=[
        PlannedQuestion(text=f"Question {i}?", competency="people_leadership", question_id=f"q{i}")
        for i in range(answers + 1)
    ])
    session = InterviewSession(id=new_session_id(), user_id=user_id, role="ml-director", focus="mixed",
                               length=answers + 1, plan=plan)
    db.create_session(session)
    for i in range(answers + 1):
        db.save_turn(session.id, Turn(index=i, question_index=i, question=f"Question {i}?",
                                      competency="people_leadership"))
        if i < answers:
            db.record_answer(session.id, i, f"{user_id}-answer-{i}")
    ExerciseRepository(database, user_id).save("memo", "memo_1", _MemoReview(), text=f"{user_id}-memo")
    return session


# --- storage level ------------------------------------------------------------------------------------------------

def test_deleting_one_users_data_leaves_another_users_rows(settings: Settings) -> None:
    database = Database(settings.resolved_database_url)
    db = InterviewRepository(database)
    mine = _seed(database, LOCAL_USER_ID, answers=2)
    theirs = _seed(database, OTHER, answers=1)

    report = delete_all_user_data(database, LOCAL_USER_ID)

    assert (report.sessions, report.turns, report.answers, report.other["exercise_attempts"]) == (1, 3, 2, 1)
    assert db.list_sessions(LOCAL_USER_ID) == [] and ExerciseRepository(database, LOCAL_USER_ID).list_attempts() == []
    kept = db.get_session(theirs.id, user_id=OTHER)
    assert [t.answer for t in kept.turns] == [f"{OTHER}-answer-0", None]
    assert [a.text for a in ExerciseRepository(database, OTHER).list_attempts()] == [f"{OTHER}-memo"]
    with pytest.raises(SessionMissing):
        db.get_session(mine.id, user_id=LOCAL_USER_ID)


def test_there_is_no_delete_everyone(settings: Settings) -> None:
    database = Database(settings.resolved_database_url)
    _seed(database, OTHER, answers=1)
    with pytest.raises(ValueError):
        delete_all_user_data(database, "")
    assert len(InterviewRepository(database).list_sessions(OTHER)) == 1


def test_another_users_session_reads_as_missing_and_cannot_be_resumed(settings: Settings, make_engine) -> None:
    db = make_engine().sessions
    theirs = _seed(db.db, OTHER, answers=1)
    with pytest.raises(SessionMissing) as info:
        db.get_session(theirs.id, user_id=LOCAL_USER_ID)
    assert theirs.id not in info.value.message and OTHER not in info.value.message
    with pytest.raises(SessionMissing):
        make_engine(user_id=LOCAL_USER_ID).resume(theirs.id)
    assert not db.session_exists(theirs.id, user_id=LOCAL_USER_ID)
    assert db.list_sessions(LOCAL_USER_ID) == []


# --- through the app ----------------------------------------------------------------------------------------------

def test_history_shows_and_deletes_only_the_current_users_data(app_test) -> None:
    database = Database(get_settings().resolved_database_url)
    db = InterviewRepository(database)
    _seed(database, LOCAL_USER_ID, answers=2)
    theirs = _seed(database, OTHER, answers=1)

    at = app_test("history.py")
    assert_no_exception(at)
    table = at.dataframe[0].value
    assert len(table) == 1, "History lists this user's sessions only"

    at.checkbox(key="delete_confirm").check().run()
    at.button(key="delete_data").click().run()
    assert_no_exception(at)
    message = " ".join(s.value for s in at.success)
    assert "Deleted 1 interview (3 questions asked, 2 answers), 0 stories, 1 exercise attempt and 0 exported " \
        "files" in message

    assert db.list_sessions(LOCAL_USER_ID) == []
    assert [t.answer for t in db.get_session(theirs.id, user_id=OTHER).turns] == [f"{OTHER}-answer-0", None]
    assert len(ExerciseRepository(database, OTHER).list_attempts()) == 1

    at.checkbox(key="delete_confirm").check().run()
    at.button(key="delete_data").click().run()
    assert "nothing to delete" in " ".join(s.value for s in at.success)


def test_delete_in_one_tab_leaves_another_users_session_open_elsewhere(app_test) -> None:
    """Two browser sessions: this user's History deletes; another user's stored interview is untouched and a
    session of theirs cannot be opened from here."""
    db = InterviewRepository(Database(get_settings().resolved_database_url))
    theirs = _seed(db.db, OTHER, answers=1)
    history = app_test("history.py")
    history.checkbox(key="delete_confirm").check().run()
    history.button(key="delete_data").click().run()
    assert_no_exception(history)

    interview = app_test()
    interview.session_state["open_session_id"] = theirs.id
    interview.switch_page("app_pages/interview.py").run()
    assert_no_exception(interview)
    assert "no longer exists" in page_text(interview)
    assert f"{OTHER}-answer-0" not in page_text(interview)
    assert db.get_session(theirs.id, user_id=OTHER).turns[0].answer == f"{OTHER}-answer-0"


def test_the_app_refuses_to_render_on_a_non_loopback_address(app_test) -> None:
    from streamlit import config

    db = Database(get_settings().resolved_database_url)
    _seed(db, LOCAL_USER_ID, answers=1)
    config.set_option("server.address", "0.0.0.0")  # the fixture restores loopback afterwards
    at = app_test("history.py")
    assert_no_exception(at)
    text = re.sub(r"\\(.)", r"\1", page_text(at))  # undo the Markdown escaping of messages
    assert "Refusing to serve on 0.0.0.0" in text and "SERVE_ADDRESS=127.0.0.1" in text
    assert not at.dataframe and not at.button, "no page (and no data) is shown"


# --- the start commands -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("address", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_addresses_may_serve(address: str) -> None:
    assert is_loopback(address) and serving_problem(address) is None


@pytest.mark.parametrize("address", ["0.0.0.0", "::", "192.168.1.20", "coach.example.com", "", None])
def test_anything_else_is_shared_and_refused_without_sign_in(address: str | None) -> None:
    problem = serving_problem(address)
    assert problem is not None and problem.code == "shared_without_sign_in"


def test_serve_binds_loopback_by_default(monkeypatch) -> None:
    monkeypatch.delenv("SERVE_ADDRESS", raising=False)
    result = CliRunner().invoke(app, ["serve", "--dry-run", "--port", "8599"])
    assert result.exit_code == 0, result.output
    assert "--server.address 127.0.0.1 --server.port 8599" in result.output


@pytest.mark.parametrize("address", ["0.0.0.0", "192.168.1.20"])
def test_a_shared_start_without_sign_in_refuses_with_exit_2(monkeypatch, address: str) -> None:
    monkeypatch.setenv("SERVE_ADDRESS", address)
    result = CliRunner().invoke(app, ["serve", "--dry-run"])
    assert result.exit_code == 2
    assert f"Refusing to serve on {address}" in result.output and "sign-in" in result.output


def test_make_run_and_streamlit_config_bind_loopback() -> None:
    makefile = (REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^run:.*\n((?:\t.*\n)+)", makefile, flags=re.M)
    assert recipe is not None
    assert "assistant serve" in recipe.group(1) and "streamlit run" not in recipe.group(1)
    config = tomllib.loads((REPO_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert "http://127.0.0.1:8501" in readme


def _listening_addresses(port: int) -> set[str]:
    """Local addresses with a socket listening on `port` (from /proc/net/tcp and tcp6)."""
    found = set()
    for name in ("tcp", "tcp6"):
        table = Path(f"/proc/net/{name}")
        if not table.exists():
            continue
        for line in table.read_text().splitlines()[1:]:
            fields = line.split()
            local, state = fields[1], fields[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:  # 0A = LISTEN
                found.add(address)
    return found


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc/net/tcp")
def test_assistant_serve_really_listens_on_loopback_only(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "DATABASE_", "SERVE_"))}
    env.update(PYTHONPATH=str(REPO_ROOT), DATA_DIR=str(tmp_path / "data"), LLM_PROVIDER="offline",
               STREAMLIT_BROWSER_GATHER_USAGE_STATS="false")
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-c", "from assistant.cli import app; app()", "serve", "--port", str(port)],
            cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, log.read_text(errors="replace")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as response:
                    if response.read().strip() == b"ok":
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, "the app did not become healthy"
            time.sleep(0.2)
        assert _listening_addresses(port) == {"0100007F"}, "listens on 127.0.0.1 and nothing else"
    finally:
        stop(process)


def test_serve_on_a_port_already_in_use_says_so_before_claiming_to_serve(monkeypatch) -> None:
    """`make run` twice: the second start said "Serving privately on ..." and then died with Streamlit's
    "Port 8501 is not available" (exit 1); it now stops first, with exit 2 and the way out."""
    import socket

    monkeypatch.delenv("SERVE_ADDRESS", raising=False)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--port", str(port)])
    assert result.exit_code == 2, result.output
    assert "Serving" not in result.output
    assert f"Port {port}" in result.output and "already in use" in result.output and "--port" in result.output
