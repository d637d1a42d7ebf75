"""Does the offline coach rank answers the way a human grader does, on answers it was not tuned on?

Three hand-graded sets (see `tests/support/calibration.py`): the original 67 answers (levels 1-4; length decoupled
from quality), 99 hard ones (levels 1-5: polished but evasive, off-question, ethically troubling, terse but strong,
non-native English; h79-h99 were added to the tuning part only), and 150 fresh ones written by people who had not
read the red-flag data (116 honest, 34 with a red flag told indirectly). Each is split into tuning and check parts by a hash of the answer; the policy was adjusted on
the tuning parts only, and the assertions here are on the check parts, except where a property must hold for
every answer (a red flag is always shown with its quote).
"""

from __future__ import annotations

import time

import pytest

from assistant.interview.models import Evaluation
from assistant.interview.scoring import OfflineScorer, QuestionResolver
from assistant.knowledge.embeddings import Embedder
from assistant.knowledge.schema import RoleKnowledge
from tests.support.calibration import (
    CALIBRATION,
    CALIBRATION_FRESH,
    CALIBRATION_HARD,
    LATER_TUNING_IDS,
    load,
    part_of,
    spearman,
    troubling,
)

MIN_RHO_CHECK = 0.85  # original set, check part: measured 0.913 (the target; was 0.848 before scorer4)
MIN_RHO_HARD_CHECK = 0.7  # hard set, check part: measured 0.802 (the target is 0.7; 0.823 before scorer6)
MAX_LEVEL_ONE_MEAN = 2.0  # hard set, check part: measured 1.90 (1.70 before possible red flags capped at 2)
MAX_LEVEL_ONE_HIGH = 1  # hard set level-1 answers scored 4-5: measured 1 (target 0: a red flag the detector misses)
# Fresh set, check part (69 answers, 51 honest, 18 with a red flag), measured once on 2026-12-03 before and after the
# own-voice rule, possible red flags and scorer6's credit/off-question work: honest answers capped by a false flag
# 8/51 -> 6/51; red-flag answers flagged 6/18 -> 5/18; Spearman 0.262 -> 0.260. The detector generalises poorly to a
# writer it was not tuned on (see docs/benchmarks.md); these bounds keep it from getting worse.
MAX_FRESH_HONEST_FLAGGED = 6
MIN_FRESH_RED_FLAGS_FLAGGED = 5


def test_spearman_handles_ties_and_order() -> None:
    assert spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    # Known value: x = 1..5, y = [2, 1, 4, 3, 5] -> rho = 1 - 6*4/(5*24) = 0.8
    assert spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]) == pytest.approx(0.8)


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return load(CALIBRATION)


@pytest.fixture(scope="module")
def hard_rows() -> list[dict]:
    return load(CALIBRATION_HARD)


def _score_all(
    rows: list[dict], knowledge: RoleKnowledge, embedder: Embedder
) -> list[tuple[dict, Evaluation, float]]:
    """Each answer scored the way `assistant score` does it (free question text resolved against the bank)."""
    resolver = QuestionResolver(knowledge, embedder)
    scorer = OfflineScorer(knowledge, embedder)
    out = []
    for row in rows:
        context = resolver.resolve(row["question"], row["competency"])
        start = time.perf_counter()
        evaluation = scorer.evaluate(context, row["answer"])
        out.append((row, evaluation, time.perf_counter() - start))
    return out


@pytest.fixture(scope="module")
def scored(
    rows: list[dict], role_knowledge: RoleKnowledge, embedder: Embedder
) -> list[tuple[dict, Evaluation, float]]:
    return _score_all(rows, role_knowledge, embedder)


@pytest.fixture(scope="module")
def hard_scored(
    hard_rows: list[dict], role_knowledge: RoleKnowledge, embedder: Embedder
) -> list[tuple[dict, Evaluation, float]]:
    return _score_all(hard_rows, role_knowledge, embedder)


def _check(scored: list[tuple[dict, Evaluation, float]]) -> list[tuple[dict, Evaluation]]:
    return [(row, e) for row, e, _ in scored if part_of(row["answer"]) == "check"]


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


def test_offline_scores_agree_with_human_labels_on_the_check_part(
    scored: list[tuple[dict, Evaluation, float]],
) -> None:
    check = _check(scored)
    labels = [row["label"] for row, _ in check]
    continuous = spearman([e.signals["overall"] for _, e in check], labels)
    integer = spearman([e.score for _, e in check], labels)
    print(f"\nCheck part ({len(check)} answers): Spearman overall {continuous:.3f}, integer score {integer:.3f}")
    assert len(check) >= 25
    assert continuous >= MIN_RHO_CHECK
    assert integer >= MIN_RHO_CHECK


def test_hard_set_shape(hard_rows: list[dict], role_knowledge: RoleKnowledge) -> None:
    assert len(hard_rows) >= 64
    labels = [r["label"] for r in hard_rows]
    assert set(labels) == {1, 2, 3, 4, 5} and min(labels.count(v) for v in range(1, 6)) >= 10
    bank = {q.text: q.competency for q in role_knowledge.questions.questions}
    assert all(bank.get(r["question"]) == r["competency"] for r in hard_rows)  # real bank questions
    kinds = {k for r in hard_rows for k in r["kinds"]}
    assert {"red_flag", "off_question", "future_vision", "generic_framework", "terse", "non_native"} <= kinds
    # Length is independent of the grade.
    assert abs(spearman([len(r["answer"].split()) for r in hard_rows], labels)) < 0.25
    assert {part_of(r["answer"]) for r in hard_rows} == {"tuning", "check"}
    # Answers written after the split went to the tuning part only: the check part is the one measured before.
    later = [r for r in hard_rows if r["id"] in LATER_TUNING_IDS]
    assert len(later) == len(LATER_TUNING_IDS) and {part_of(r["answer"]) for r in later} == {"tuning"}
    assert len({r["id"] for r in hard_rows}) == len(hard_rows)


def test_hard_set_check_part_ranks_and_keeps_weak_answers_low(
    hard_scored: list[tuple[dict, Evaluation, float]],
) -> None:
    check = _check(hard_scored)
    labels = [row["label"] for row, _ in check]
    integer = spearman([e.score for _, e in check], labels)
    level_one = [e.score for row, e in check if row["label"] == 1]
    print(
        f"\nHard set, check part ({len(check)} answers): Spearman {integer:.3f}; level-1 mean "
        f"{sum(level_one) / len(level_one):.2f}, level-1 scored 4-5: {sum(s >= 4 for s in level_one)}"
    )
    assert integer >= MIN_RHO_HARD_CHECK
    assert sum(level_one) / len(level_one) <= MAX_LEVEL_ONE_MEAN
    assert sum(s >= 4 for s in level_one) <= MAX_LEVEL_ONE_HIGH


def test_a_red_flag_is_always_shown_with_its_quote_and_caps_the_score(
    scored: list[tuple[dict, Evaluation, float]], hard_scored: list[tuple[dict, Evaluation, float]]
) -> None:
    flagged = [(row, e) for row, e, _ in [*scored, *hard_scored] if e.red_flags]
    assert flagged
    for row, e in flagged:
        assert e.score <= 2 and "red_flag" in e.gaps
        for flag in e.red_flags:
            assert flag.quote in row["answer"] and flag.explanation
            assert any(flag.quote in tip for tip in e.improvements) or flag.quote in e.evidence
    # At least half of the answers graded as ethically troubling are caught (which are not: see docs/benchmarks.md).
    troubling = [(row, e) for row, e, _ in hard_scored if "red_flag" in row["kinds"]]
    caught = sum(bool(e.red_flags) for _, e in troubling)
    print(f"\nRed-flag answers caught: {caught}/{len(troubling)}")
    assert caught / len(troubling) >= 0.5
    # ... and no answer graded 4-5 is flagged.
    assert not [row["id"] for row, e in flagged if row["label"] >= 4]


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
    assert sum(e.follow_up is not None for e in weak) / len(weak) >= 0.85
    assert sum(e.follow_up is None for e in strong) / len(strong) >= 0.75


def test_red_flag_detector_on_its_own_sentences(role_knowledge: RoleKnowledge, embedder: Embedder) -> None:
    """tests/data/red_flag_cases.yaml: sentences showing each director-wide flag, and near misses that must not be
    flagged (the right behaviour in the same words). Split like the calibration sets; the detector's examples and
    cues were adjusted on the tuning half, so the check half's recall is the honest figure (docs/benchmarks.md)."""
    from tests.support.calibration import red_flag_cases

    flagged, benign = red_flag_cases()
    ids = {f.id for f in role_knowledge.signals.red_flags}
    assert {c["flag"] for c in flagged} == ids  # every director-wide flag has sentences
    scorer = OfflineScorer(role_knowledge, embedder)
    found = {c["text"]: {h.definition.id for h in scorer.red_flag_hits(c["text"])} for c in flagged}
    alarms = [t for t in benign if scorer.red_flag_hits(t)]
    for part in ("tuning", "check"):
        cases = [c for c in flagged if part_of(c["text"]) == part]
        right = sum(c["flag"] in found[c["text"]] for c in cases)
        print(f"\nRed-flag sentences, {part} half: {right}/{len(cases)} flagged with the right flag")
        if part == "tuning":
            assert right / len(cases) >= 0.85  # 22/23
        else:
            assert right >= 12  # measured 13/26 (9/26 before scorer4, 5/26 before the paraphrases): wording the cues do not cover slips through
    assert alarms == []  # no near miss, in either half, is flagged


@pytest.fixture(scope="module")
def fresh_scored(role_knowledge: RoleKnowledge, embedder: Embedder) -> list[tuple[dict, Evaluation, float]]:
    return _score_all(load(CALIBRATION_FRESH), role_knowledge, embedder)


def test_fresh_set_shape() -> None:
    rows = load(CALIBRATION_FRESH)
    assert len(rows) == 150 and len({r["id"] for r in rows}) == 150 and len({r["answer"] for r in rows}) == 150
    assert sum(troubling(r) for r in rows) == 34 and {r["label"] for r in rows if troubling(r)} <= {1, 2}
    assert {part_of(r["answer"]) for r in rows if troubling(r)} == {"tuning", "check"}


def test_fresh_check_part_honest_answers_are_rarely_flagged_and_red_flags_are_quoted(
    fresh_scored: list[tuple[dict, Evaluation, float]],
) -> None:
    """On a writer the detector was never tuned on: how many honest answers a false flag caps, and how many red-flag
    answers are caught (each shown with its quote, as everywhere)."""
    check = _check(fresh_scored)
    honest_flagged = [row["id"] for row, e in check if not troubling(row) and e.red_flags]
    caught = [row["id"] for row, e in check if troubling(row) and e.red_flags]
    print(f"\nFresh set, check part: honest answers flagged {len(honest_flagged)}/"
          f"{sum(not troubling(r) for r, _ in check)}, red-flag answers flagged {len(caught)}/"
          f"{sum(troubling(r) for r, _ in check)}")
    assert len(honest_flagged) <= MAX_FRESH_HONEST_FLAGGED
    assert len(caught) >= MIN_FRESH_RED_FLAGS_FLAGGED
    for row, e in check:
        for flag in e.red_flags:
            assert flag.quote in row["answer"] and e.score <= 2
