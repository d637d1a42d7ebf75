"""`assistant eval` with an injected model whose behaviour is known, so every figure it reports can be checked."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from langchain_core.messages import BaseMessage
from typer.testing import CliRunner

from assistant.cli import app
from assistant.config import Settings
from assistant.interview.llm_evaluator import LLMEvaluator
from assistant.interview.scoring import OfflineScorer
from assistant.llm.fakes import FakeChatModel, fenced_text, first_sentence
from assistant.model_eval import (
    CALIBRATION_FILE,
    CALIBRATION_HARD_FILE,
    latest_report,
    load_calibration,
    part_of,
    spearman,
    troubling,
)
from assistant.services import Services, override

LIMIT = 8
LABELS = {
    row["answer"].strip(): int(row["label"])
    for path in (CALIBRATION_FILE, CALIBRATION_HARD_FILE)
    for row in load_calibration(path)
}


def _model(score_for: Callable[[int], int], flag_at_most: int = 0) -> FakeChatModel:
    """A model that scores each calibration answer as `score_for(its label)`, quoting the answer's first sentence;
    it tailors by rewriting line 1 with an invented number (the guard must flag it). With `flag_at_most`, it also
    reports a red flag (metric gaming, quoting the first sentence) on every answer it scores at most that."""

    def respond(messages: list[BaseMessage]) -> Any:
        text = "\n".join(str(m.content) for m in messages)
        answer = fenced_text(text, "candidate_answer")
        if answer is not None:
            score = score_for(LABELS[answer.strip()])
            dims = dict.fromkeys(("structure", "ownership", "specificity", "relevance", "altitude"), score)
            found = [{"id": "metric_gaming", "quote": first_sentence(answer), "why": "test"}] if score <= flag_at_most else []
            return {"evidence": [first_sentence(answer)], "dimensions": dims, "strengths": [], "improvements": [],
                    "gaps": [], "follow_up": None, "red_flags_found": found, "score": score}
        if fenced_text(text, "resume") is not None:
            return {"summary": None, "summary_source_lines": [],
                    "bullets": [{"source_lines": [3], "text": "Led a team of 240 engineers across ML platform"}]}
        return "Not a prompt this model knows."

    return FakeChatModel(responder=respond)


def _run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, model: FakeChatModel, *args: str) -> dict[str, Any]:
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LLM_PROVIDER", "offline")
    with override(chat_model=lambda _s: model):
        result = CliRunner().invoke(app, ["eval", "--limit", str(LIMIT), "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_eval_reports_what_a_model_that_agrees_with_the_labels_did(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report_file = tmp_path / "eval.md"
    report = _run(tmp_path, monkeypatch, _model(lambda label: label), "--report", str(report_file))
    assert report["structured"] == {m: {"probes": 2, "schema_valid": 2} for m in
                                    ("json_schema", "function_calling", "json_mode")}
    assert report["settled_method"] == "json_schema"
    evaluator = report["evaluator"]
    assert evaluator["answers"] == LIMIT and evaluator["spearman_model"] == pytest.approx(1.0)
    assert evaluator["mae_model"] == 0 and evaluator["quote_validity"] == 1.0 and evaluator["failed_share"] == 0
    # Shown scores: the model's where they pass the check, the offline coach's where they do not.
    rows = load_calibration(CALIBRATION_FILE, LIMIT)
    assert 0 <= evaluator["rejected_share"] <= 1
    assert evaluator["spearman_offline"] is not None
    guard = report["guard"]
    assert guard["planted"] > 0 and 0 < guard["catch_rate"] <= 1
    assert guard["model_rewrites"] >= 1 and guard["flagged"] >= 1, "the invented '240 engineers' is flagged"
    assert report["latency_s"]["requests"] > LIMIT and report["latency_s"]["p95"] >= report["latency_s"]["p50"]
    assert report["usage"]["prompt_tokens"] > 0 and report["warnings"] == []
    assert "Spearman, model's own scores | 1.00" in report_file.read_text(encoding="utf-8")
    assert len(rows) == LIMIT


def test_eval_reports_both_graded_sets_per_part_with_length_beside_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report_file = tmp_path / "eval.md"
    report = _run(tmp_path, monkeypatch, _model(lambda label: label), "--report", str(report_file))
    assert set(report["sets"]) == {"calibration", "hard"}
    # The existing fields are unchanged: `evaluator` is still the original set alone.
    assert report["answers"] == LIMIT and report["evaluator"]["answers"] == LIMIT
    for name, path in (("calibration", CALIBRATION_FILE), ("hard", CALIBRATION_HARD_FILE)):
        rows = load_calibration(path, LIMIT)
        parts = report["sets"][name]
        assert set(parts) == {"all", "tuning", "check"}
        for part, figures in parts.items():
            chosen = [r for r in rows if part == "all" or part_of(r["answer"]) == part]
            labels = [float(r["label"]) for r in chosen]
            assert figures["answers"] == len(chosen)
            assert figures["spearman_length"] == spearman([float(len(r["answer"].split())) for r in chosen], labels)
            level_one = [r for r in chosen if r["label"] == 1]
            assert figures["level_one"] == len(level_one)
            assert figures["level_one_high_offline"] <= len(level_one)
        assert parts["tuning"]["answers"] + parts["check"]["answers"] == LIMIT
        # This model gives every answer its grade, so it ranks each set perfectly.
        assert parts["all"]["spearman_model"] == pytest.approx(1.0)
    assert report["sets"]["hard"]["all"]["level_one"] >= 1
    markdown = report_file.read_text(encoding="utf-8")
    assert "## Both graded sets, per part" in markdown
    assert "| hard | check |" in markdown and "| calibration | tuning |" in markdown


def test_eval_counts_the_red_flags_the_offline_coach_showed_and_the_ones_the_model_added(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = load_calibration(CALIBRATION_HARD_FILE, LIMIT)
    graded = [r for r in rows if troubling(r)]
    assert graded, "the spread of the hard set holds red-flag answers"
    quiet = _run(tmp_path / "quiet", monkeypatch, _model(lambda label: label))["sets"]["hard"]["all"]
    assert quiet["red_flag_answers"] == len(graded)
    assert quiet["red_flag_answers_flagged_by_model_only"] == 0 and quiet["honest_answers_flagged_by_model"] == 0
    # A model that flags every answer it grades 1-2: each red-flag answer (all graded 1-2, first sentences long enough
    # to quote) shows a flag, offline or the model's; the honest answers graded 2 are its false alarms.
    report_file = tmp_path / "eval.md"
    flagging = _run(tmp_path / "flagging", monkeypatch, _model(lambda label: label, flag_at_most=2),
                    "--report", str(report_file))["sets"]["hard"]["all"]
    assert all(r["label"] <= 2 and len(first_sentence(r["answer"]).split()) >= 5 for r in graded)
    assert flagging["red_flag_answers_flagged_offline"] == quiet["red_flag_answers_flagged_offline"]
    assert flagging["red_flag_answers_flagged_offline"] + flagging["red_flag_answers_flagged_by_model_only"] == len(graded)
    assert flagging["honest_answers_flagged_by_model"] <= sum(not troubling(r) and r["label"] <= 2 for r in rows)
    cell = (f"| {flagging['red_flag_answers_flagged_offline']} + {flagging['red_flag_answers_flagged_by_model_only']}"
            f" / {len(graded)} | {flagging['honest_answers_flagged_by_model']} |")
    assert cell in report_file.read_text(encoding="utf-8")


def test_eval_can_score_the_original_set_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = _run(tmp_path, monkeypatch, _model(lambda label: label), "--no-hard")
    assert set(report["sets"]) == {"calibration"}


def test_a_model_that_disagrees_with_the_labels_is_warned_about_and_does_not_score(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    contrarian = _model(lambda label: 5 - label)
    report = _run(tmp_path, monkeypatch, contrarian)
    assert report["evaluator"]["spearman_model"] == pytest.approx(-1.0)
    assert any("disagree with the calibration labels" in w for w in report["warnings"])

    settings = Settings(_env_file=None, data_dir=tmp_path / "data", llm_provider="offline")  # type: ignore[call-arg]
    assert latest_report(settings, "fake-model", None) is not None
    with override(chat_model=lambda _s: contrarian):
        services = Services(settings)
        assert isinstance(services.new_scorer(services.new_llm_client()), OfflineScorer)
        opted_in = Services(settings.model_copy(update={"llm_scoring": "always"}))
        assert isinstance(opted_in.new_scorer(opted_in.new_llm_client()), LLMEvaluator)


def test_eval_without_an_llm_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LLM_PROVIDER", "offline")
    result = CliRunner().invoke(app, ["eval", "--json"])
    assert result.exit_code == 2
    assert json.loads(result.stdout)["error"]["code"] == "config"


def test_spearman_is_undefined_for_constant_scores() -> None:
    assert spearman([3, 3, 3, 3], [1, 2, 3, 4]) is None
    assert spearman([1, 2, 3, 4], [2, 1, 4, 3]) == pytest.approx(0.6)
