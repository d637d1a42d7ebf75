"""The graded answer sets the offline scorer is calibrated against, and the rule that splits them.

Two sets, both hand-graded by the level of the answer, never its length:
- `tests/data/calibration_answers.jsonl`: 67 answers, levels 1-4, mostly about structure, ownership and specifics.
- `tests/data/calibration_hard.jsonl`: 99 answers, levels 1-5, built to be hard: polished but evasive,
  off-question (rehearsed stories for another competency), ethically troubling, terse but strong, and non-native
  English; each row names its `kinds`. Rows h01-h78 were split by the rule below before any tuning. Rows h79-h99
  were written later, for the *tuning part only*, after the check figures had shown which kinds slipped through
  (credit taken without a cue word, promotions by loyalty, a dissenter sidelined, a model shipped without a live
  test, cost hidden from finance, customers given a false reason, a rehearsed story in the question's words), each
  red-flag answer with a mirrored strong one in the same words. None paraphrases a check-part answer. When the rule
  put one in the check part, a contraction or a synonym ("did not"/"didn't", "about"/"roughly") was toggled until
  it hashed to tuning, so the check part is exactly the one measured before (`LATER_TUNING_IDS`, asserted in
  tests/test_calibration.py).

- `tests/data/calibration_fresh.jsonl`: 150 answers, levels 1-5, 130 written on 2026-12-03 by someone who had not read
  the red-flag definitions, cues or the other sets, to measure what the scorer was never tuned on: 100 honest
  answers (half of them on the topics where red flags live, told with the right behaviour in those topics' words:
  incidents and what caused them, people moved off projects, credit given, legal looped in) and 30 with a red flag
  in fresh, indirect wording (`red_flag` names the behaviour, null for an honest answer). Rows f131-f150 were added
  on 2026-12-05 the same way (a writer who read only the question bank and the rubric, graded before any scoring):
  indirect red flags in polite business wording, fluent evasion, strong stories for another question, terse strong
  answers and non-native English; both parts, by the rule below, scored once before any change.

**Split rule (written down before any tuning):** an answer belongs to the *check* part when the first byte of the
SHA-256 of its stripped UTF-8 text is odd, otherwise to the *tuning* part (`assistant.model_eval.part_of`, which
`assistant eval` uses too). Weights and thresholds in
`assistant/interview/policy.py` and the red-flag data in `signals.yaml` are adjusted on tuning parts only; the check
parts are what tests assert and what `make bench` reports as the figure.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from assistant.model_eval import part_of, troubling
from benchmarks.common import spearman

__all__ = [
    "CALIBRATION", "CALIBRATION_FRESH", "CALIBRATION_HARD", "LATER_TUNING_IDS", "RED_FLAG_CASES", "load", "part_of",
    "red_flag_cases", "spearman", "troubling",
]

DATA = Path(__file__).resolve().parent.parent / "data"
CALIBRATION = DATA / "calibration_answers.jsonl"
CALIBRATION_HARD = DATA / "calibration_hard.jsonl"
CALIBRATION_FRESH = DATA / "calibration_fresh.jsonl"

Part = Literal["tuning", "check"]


def load(path: Path, part: Part | None = None) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if part is None or part_of(r["answer"]) == part]


# Hard-set rows written after the split for the tuning part only (see above).
LATER_TUNING_IDS = frozenset(f"h{n}" for n in range(79, 100))

RED_FLAG_CASES = DATA / "red_flag_cases.yaml"


def red_flag_cases(part: Part | None = None) -> tuple[list[dict[str, str]], list[str]]:
    """The red-flag detector's sentences (`tests/data/red_flag_cases.yaml`): flagged (text, flag) and benign texts,
    optionally one half by the split rule above."""
    import yaml

    data = yaml.safe_load(RED_FLAG_CASES.read_text(encoding="utf-8"))
    flagged = [c for c in data["flagged"] if part is None or part_of(c["text"]) == part]
    benign = [t for t in data["benign"] if part is None or part_of(t) == part]
    return flagged, benign
