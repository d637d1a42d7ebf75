"""The offline scorer on the TUNING parts only, answer by answer: what to look at while adjusting the scorer.

`python -m benchmarks.scorer_tuning [hard|fresh|calibration|flags ...] [--only-misses] [--policy NAME=VALUE ...]` prints, for each tuning row of the
graded sets (tests/support/calibration.py: the hash rule), its id, grade, score, caps and red flags, then the tuning
aggregates, and the red-flag sentence set's tuning half. Check rows are never printed nor counted here: they are
what `python -m benchmarks quality` reports, once, after tuning.
"""

from __future__ import annotations

import dataclasses
import json
import sys

from assistant.interview.policy import DEFAULT_POLICY, ScoringPolicy
from assistant.interview.scoring import OfflineScorer, QuestionResolver
from benchmarks.common import offline_scoring, spearman
from tests.support import calibration
from tests.support.calibration import CALIBRATION, CALIBRATION_FRESH, CALIBRATION_HARD


def _policy(argv: list[str]) -> ScoringPolicy:
    """`--policy NAME=VALUE` overrides of `ScoringPolicy` (a JSON value: 0.5, true, null), to try a setting on tuning
    rows before writing it into policy.py."""
    changes: dict[str, object] = {}
    for i, arg in enumerate(argv):
        if arg == "--policy" and i + 1 < len(argv):
            name, _, value = argv[i + 1].partition("=")
            changes[name] = json.loads(value)
    return dataclasses.replace(DEFAULT_POLICY, **changes)  # type: ignore[arg-type]


def main(argv: list[str]) -> int:
    only_misses = "--only-misses" in argv
    policy = _policy(argv)
    values = {argv[i + 1] for i, a in enumerate(argv) if a == "--policy" and i + 1 < len(argv)}
    wanted = [a for a in argv if not a.startswith("--") and a not in values] or ["hard", "fresh", "calibration", "flags"]
    resolver, scorer = offline_scoring(policy)
    for name, path in (("hard", CALIBRATION_HARD), ("fresh", CALIBRATION_FRESH), ("calibration", CALIBRATION)):
        if name not in wanted:
            continue
        rows = calibration.load(path, "tuning")  # tuning rows only, by construction
        scored = []
        for n, row in enumerate(rows):
            row.setdefault("id", f"t{n}")  # the original set has no ids: its tuning rows by position
            evaluation = scorer.evaluate(resolver.resolve(row["question"], row.get("competency")), row["answer"])
            scored.append((row, evaluation))
            label = row["label"]
            false_flag = bool(evaluation.red_flags) and not calibration.troubling(row)
            miss = (label <= 2 and evaluation.score >= 3) or (label >= 4 and evaluation.score <= 2) or false_flag
            if only_misses and not miss:
                continue
            caps = ",".join(f"{c.reason}<={c.limit:.1f}" for c in _caps(scorer, resolver, row) if c.reason != "relevance")
            flags = "; ".join(f"{f.id}[{f.detected_by}]: {f.quote[:70]}" for f in evaluation.red_flags)
            kinds = ",".join(row.get("kinds", [])) or row.get("red_flag") or ""
            print(f"{'!' if miss else ' '} {row['id']:>5} grade {label} score {evaluation.score} "
                  f"({evaluation.signals['overall']:.2f}) kinds={kinds} caps={caps} "
                  f"flags={flags}")
        labels = [r["label"] for r, _ in scored]
        scores = [e.score for _, e in scored]
        level_one = [e.score for r, e in scored if r["label"] == 1]
        low_high = sum(e.score >= 4 for r, e in scored if r["label"] <= 2)
        print(f"== {name} tuning part: {len(scored)} answers; Spearman {spearman(scores, labels):.3f}; level-1 mean "
              f"{sum(level_one) / max(len(level_one), 1):.2f}; level-1 scored 4-5: {sum(s >= 4 for s in level_one)}; "
              f"level-1/2 scored 4-5: {low_high}; level-4/5 scored <=2: "
              f"{sum(e.score <= 2 for r, e in scored if r['label'] >= 4)}; red-flag answers flagged "
              f"{sum(bool(e.red_flags) for r, e in scored if calibration.troubling(r))}/"
              f"{sum(calibration.troubling(r) for r, _ in scored)}; honest answers flagged "
              f"{sum(bool(e.red_flags) for r, e in scored if not calibration.troubling(r))}/"
              f"{sum(not calibration.troubling(r) for r, _ in scored)}")
    if "flags" in wanted:
        flagged, benign = calibration.red_flag_cases("tuning")
        missed = [c for c in flagged if c["flag"] not in {h.definition.id for h in scorer.red_flag_hits(c["text"])}]
        alarms = [t for t in benign if scorer.red_flag_hits(t)]
        print(f"== red-flag sentences, tuning half: {len(flagged) - len(missed)}/{len(flagged)}; "
              f"near misses flagged {len(alarms)}/{len(benign)}")
        for c in missed:
            print(f"   missed {c['flag']}: {c['text']}")
        for t in alarms:
            print(f"   alarm: {t}")
    return 0


def _caps(scorer: OfflineScorer, resolver: QuestionResolver, row: dict) -> list:  # type: ignore[type-arg]
    breakdown, _ = scorer.breakdown(resolver.resolve(row["question"], row.get("competency")), row["answer"])
    return list(breakdown.caps)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
