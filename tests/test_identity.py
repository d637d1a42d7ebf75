"""Signed-in users' storage keys, and the CLI's per-user view (`assistant history --user SUBJECT`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.errors import InputError
from assistant.identity import user_id_for_subject
from tests.support.db_support import write_sessions


def test_a_subject_maps_to_one_stable_key_that_is_never_the_local_user() -> None:
    assert user_id_for_subject("248289761001") == "oidc:248289761001"
    assert user_id_for_subject(" 248289761001 ") == user_id_for_subject("248289761001")
    assert user_id_for_subject("local") != "local"
    assert user_id_for_subject("a") != user_id_for_subject("b")


def test_a_subject_too_long_for_the_column_is_hashed_not_cut() -> None:
    long_a, long_b = "x" * 200 + "a", "x" * 200 + "b"  # OIDC allows 255-character subjects
    key_a, key_b = user_id_for_subject(long_a), user_id_for_subject(long_b)
    assert len(key_a) <= 64 and len(key_b) <= 64
    assert key_a != key_b and key_a == user_id_for_subject(long_a)


def test_an_empty_subject_is_refused() -> None:
    with pytest.raises(InputError):
        user_id_for_subject("   ")


def test_history_with_user_shows_only_that_users_sessions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    monkeypatch.setenv("DATA_DIR", str(data))
    url = f"sqlite:///{data / 'coach.db'}"
    alice = write_sessions(url, 0, 2, 1, user_id=user_id_for_subject("alice-sub"))
    bob = write_sessions(url, 1, 1, 1, user_id=user_id_for_subject("bob-sub"))

    runner = CliRunner()
    mine = runner.invoke(app, ["history", "--user", "alice-sub", "--json"])
    theirs = runner.invoke(app, ["history", "--user", "bob-sub", "--json"])
    local = runner.invoke(app, ["history", "--json"])
    nobody = runner.invoke(app, ["history", "--user", "carol-sub"])

    assert sorted(s["id"] for s in json.loads(mine.stdout)["sessions"]) == sorted(alice)
    assert [s["id"] for s in json.loads(theirs.stdout)["sessions"]] == bob
    assert json.loads(local.stdout)["sessions"] == []
    assert nobody.exit_code == 0 and "No interview sessions for that user." in nobody.stdout


def test_history_with_an_empty_user_is_a_plain_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    result = CliRunner().invoke(app, ["history", "--user", " ", "--json"])
    assert result.exit_code == 2
    assert json.loads(result.stdout)["error"]["code"] == "invalid_input"


def test_an_engine_never_reopens_or_answers_in_another_users_session(make_engine) -> None:  # type: ignore[no-untyped-def]
    from assistant.storage import StorageError, delete_all_user_data

    alice = make_engine(user_id=user_id_for_subject("alice-sub"))
    bob = make_engine(user_id=user_id_for_subject("bob-sub"))
    session = alice.start("mixed", 2, seed=3)
    alice.submit_answer(session, "I hired two staff engineers and cut deploy time from 3 weeks to 2 days.")

    with pytest.raises(StorageError) as info:
        bob.resume(session.id)  # the only way a session is opened or continued
    assert info.value.code == "not_found"
    assert alice.resume(session.id).id == session.id
    assert bob.sessions.list_sessions(bob.user_id) == []
    assert delete_all_user_data(bob.sessions.db, bob.user_id).sessions == 0
    assert [s.id for s in alice.sessions.list_sessions(alice.user_id)] == [session.id]
