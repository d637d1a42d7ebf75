"""The practice plan: spaced repetition over the candidate's stored scores; weak comes back before strong."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.practice.plan import Review, schedule

DATA = Path(__file__).resolve().parent / "data"
ANSWERS = DATA / "answers_director_mixed.txt"
T0 = datetime(2026, 1, 5, 9, tzinfo=UTC)


def _reviews(*scores: float) -> list[Review]:
    return [Review(when=T0 + timedelta(days=i), score=s, session_id=str(i)) for i, s in enumerate(scores)]


def test_schedule_brings_weak_back_sooner_and_grows_strong_intervals() -> None:
    assert schedule([]) == (0, None)
    assert schedule(_reviews(2))[0] == 1
    assert schedule(_reviews(3))[0] == 3
    assert schedule(_reviews(5))[0] == 14
    assert schedule(_reviews(4, 4))[0] == 14
    assert schedule(_reviews(4, 4, 4))[0] == 28
    assert schedule(_reviews(5, 5, 2))[0] == 1  # a lapse resets the card
    assert schedule(_reviews(3.5))[0] == 7  # a mean of 3.5 counts as a 4


def _json(output: str) -> dict:
    return json.loads(output[output.index("{"):])


@pytest.fixture(scope="module")
def shared_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("practice-data")


@pytest.fixture
def runner(shared_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("DATA_DIR", str(shared_data_dir))
    monkeypatch.setenv("LLM_PROVIDER", "offline")
    return CliRunner()


def test_plan_json_puts_a_weak_competency_before_a_strong_one_and_due_practice_runs_it(runner: CliRunner) -> None:
    fresh = _json(runner.invoke(app, ["plan", "--json"]).stdout)
    assert fresh["upcoming"] == [] and all(i["reason"] == "never practised" for i in fresh["due"])

    interview = runner.invoke(app, ["interview", "--answers", str(ANSWERS), "--json", "--seed", "21"])
    assert interview.exit_code == 0, interview.output
    result = runner.invoke(app, ["plan", "--json"])
    assert result.exit_code == 0, result.output
    plan = _json(result.stdout)
    items = plan["due"] + plan["upcoming"]
    competencies = [i for i in items if i["kind"] == "competency" and i["last_score"] is not None]
    weak = [i for i in competencies if i["last_score"] < 3]
    strong = [i for i in competencies if i["last_score"] >= 4]
    assert weak and strong, [(i["id"], i["last_score"]) for i in competencies]
    assert max(i["due"] for i in weak) < min(i["due"] for i in strong)
    assert max(items.index(i) for i in weak) < min(items.index(i) for i in strong)
    assert [i["due"] for i in items] == sorted(i["due"] for i in items)
    never = [i for i in plan["due"] if i["reviews"] == 0]
    assert never, "a competency the interview did not reach is due today"

    # "Start today's practice": the due (never practised) competencies are what gets asked.
    practice = runner.invoke(app, ["interview", "--due", "--answers", str(ANSWERS), "--json", "-n", "2"])
    assert practice.exit_code == 0, practice.output
    asked = {t["competency"] for t in _json(practice.stdout)["transcript"] if t["kind"] == "question"}
    assert asked and asked <= {i["id"] for i in never}


def test_todays_practice_is_empty_when_nothing_is_due() -> None:
    from assistant.config import Settings
    from assistant.knowledge.loader import load_role
    from assistant.practice.plan import PracticePlan, todays_practice

    knowledge = load_role(Settings(_env_file=None).role_dir)  # type: ignore[call-arg]
    empty = todays_practice(PracticePlan(today=T0.date(), due=[], upcoming=[]), knowledge)
    assert empty.questions == []
