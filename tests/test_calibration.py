"""Does the offline coach rank answers the way a human grader does?

`tests/data/calibration_answers.jsonl` holds 67 director-candidate answers to 16 questions across all eight
competencies, graded 1-4 by hand (the `note` says why). Length was deliberately decoupled from quality: weak answers
are often long and rambling, strong ones often concise. The scorer's signals and weights were written from first
principles, not fitted to these answers; the split check scores the two halves of the questions separately to show
the agreement is not carried by a few questions.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

import numpy as np
import pytest

from assistant.interview.models import Evaluation
from assistant.interview.scoring import OfflineScorer, QuestionResolver
from assistant.knowledge.embeddings import Embedder
from assistant.knowledge.schema import RoleKnowledge

DATA = Path(__file__).parent / "data" / "calibration_answers.jsonl"
MIN_RHO = 0.75


def ranks(values: list[float]) -> np.ndarray:
    """Ranks 0..n-1 with ties given their average rank (as Spearman's rho requires)."""
    x = np.asarray(values, dtype=float)
    order = np.argsort(x, kind="mergesort")
    r = np.empty(len(x))
    r[order] = np.arange(len(x))
    for value in np.unique(x):
        tied = x == value
        r[tied] = r[tied].mean()
    return r


def spearman(a: list[float], b: list[float]) -> float:
    ra, rb = ranks(a), ranks(b)
    if ra.std() == 0 or rb.std() == 0:
        return 0.0
    return float(np.corrcoef(ra, rb)[0, 1])


def test_spearman_handles_ties_and_order() -> None:
    assert spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    assert list(ranks([5, 1, 5, 3])) == [2.5, 0.0, 2.5, 1.0]
    # Known value: x = 1..5, y = [2, 1, 4, 3, 5] -> rho = 1 - 6*4/(5*24) = 0.8
    assert spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]) == pytest.approx(0.8)


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def scored(
    rows: list[dict], role_knowledge: RoleKnowledge, embedder: Embedder
) -> list[tuple[dict, Evaluation, float]]:
    """Each answer scored the way `assistant score` does it (free question text resolved against the bank)."""
    resolver = QuestionResolver(role_knowledge, embedder)
    scorer = OfflineScorer(role_knowledge, embedder)
    out = []
    for row in rows:
        context = resolver.resolve(row["question"], row["competency"])
        start = time.perf_counter()
        evaluation = scorer.evaluate(context, row["answer"])
        out.append((row, evaluation, time.perf_counter() - start))
    return out


def test_data_set_shape(rows: list[dict], role_knowledge: RoleKnowledge) -> None:
    assert len(rows) >= 60
    assert len({r["question"] for r in rows}) >= 15
    known = {c.id for c in role_knowledge.rubric.competencies}
    assert {r["competency"] for r in rows} == known  # every competency is represented
    labels = [r["label"] for r in rows]
    assert set(labels) == {1, 2, 3, 4} and min(labels.count(v) for v in (1, 2, 3, 4)) >= 15
    assert all(r["answer"].strip() and r["note"].strip() for r in rows)


def test_length_does_not_predict_the_label(rows: list[dict]) -> None:
    rho_length = spearman([len(r["answer"].split()) for r in rows], [r["label"] for r in rows])
    print(f"\nSpearman(length, label) = {rho_length:.3f}")
    assert abs(rho_length) < 0.4


def test_offline_scores_agree_with_human_labels(scored: list[tuple[dict, Evaluation, float]]) -> None:
    labels = [row["label"] for row, _, _ in scored]
    continuous = spearman([e.signals["overall"] for _, e, _ in scored], labels)
    integer = spearman([e.score for _, e, _ in scored], labels)
    latencies = [t for _, _, t in scored]
    print(
        f"\nSpearman(offline overall, label) = {continuous:.3f}; integer score: {integer:.3f}; "
        f"n = {len(scored)}; latency per answer (one real embedding included): "
        f"median {1000 * statistics.median(latencies):.0f} ms, max {1000 * max(latencies):.0f} ms"
    )
    assert continuous >= MIN_RHO
    assert integer >= MIN_RHO


def test_agreement_holds_on_each_half_of_the_questions(scored: list[tuple[dict, Evaluation, float]]) -> None:
    questions = list(dict.fromkeys(row["question"] for row, _, _ in scored))
    first_half = set(questions[: len(questions) // 2])
    for name, keep in (("first", True), ("second", False)):
        part = [(row, e) for row, e, _ in scored if (row["question"] in first_half) is keep]
        rho = spearman([e.signals["overall"] for _, e in part], [row["label"] for row, _ in part])
        print(f"\nSpearman on the {name} half of the questions ({len(part)} answers) = {rho:.3f}")
        assert rho >= 0.7


def test_long_weak_answers_rank_below_concise_strong_ones(
    scored: list[tuple[dict, Evaluation, float]],
) -> None:
    long_weak = [
        e.signals["overall"]
        for row, e, _ in scored
        if row["label"] <= 2 and len(row["answer"].split()) >= 120
    ]
    concise_strong = [
        e.signals["overall"]
        for row, e, _ in scored
        if row["label"] == 4 and len(row["answer"].split()) <= 125
    ]
    assert len(long_weak) >= 8 and len(concise_strong) >= 5
    pairs = [(w, s) for w in long_weak for s in concise_strong]
    assert sum(w < s for w, s in pairs) / len(pairs) >= 0.95


def test_follow_ups_go_to_weak_answers_not_strong_ones(scored: list[tuple[dict, Evaluation, float]]) -> None:
    weak = [e for row, e, _ in scored if row["label"] == 1]
    strong = [e for row, e, _ in scored if row["label"] == 4]
    assert sum(e.follow_up is not None for e in weak) / len(weak) >= 0.9
    assert sum(e.follow_up is None for e in strong) / len(strong) >= 0.75
