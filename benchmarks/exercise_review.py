"""The exercise review (memos and role-play replies) against a hand-labelled set: which rubric signals it finds.

`tests/data/exercise_labelled.jsonl`: 44 texts (24 memos for the two written exercises, 20 role-play replies to a
persona's beat), written and labelled on 2026-12-04 by someone who had not seen the review's code, its example
sentences or its word lists: per criterion, whether each signal is met, and the level that fits. Split by the graded
answers' rule (`assistant.model_eval.part_of`: check when the first byte of the text's SHA-256 is odd).

Tried on it and reverted (2026-12-04): concrete example sentences per signal, matched by meaning (a sentence within
cosine 0.50 of an example met the signal). Tuning part: accuracy 0.69 -> 0.71, recall 0.62 -> 0.72, score-vs-level
Spearman 0.45 -> 0.51. Check part, measured once: accuracy 0.71 -> 0.67, precision 0.61 -> 0.55, Spearman 0.54 ->
0.51. The examples matched what they were written from, not memos in general.

Kept (2026-12-04, stop 33): signal shapes (`CriterionSignal.shape`): a measured change meets "states metrics of
success", a specific planned response to a named risk meets "gives a mitigation". Tuning part: accuracy 0.69 ->
0.72, recall 0.62 -> 0.68, Spearman 0.45 -> 0.53. Check part, measured once: accuracy 0.71 -> 0.71, recall 0.71 ->
0.73, precision 0.61 -> 0.61, Spearman 0.54 -> 0.53. Without "something specific" in the response, two vague
"we'll manage them" sentences met the mitigation signal in the tuning part.

`python -m benchmarks.exercise_review [--signal-match X] [--with-words X]` prints the TUNING part only, text by text with each wrong
signal, then its aggregates: what to look at while adjusting the review. `benchmarks coaching` reports both parts.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from benchmarks.common import REPO, spearman

if TYPE_CHECKING:
    from assistant.knowledge.embeddings import Embedder
    from assistant.knowledge.schema import ExerciseBank

LABELLED = REPO / "tests" / "data" / "exercise_labelled.jsonl"


def load(part: str | None = None) -> list[dict[str, Any]]:
    from assistant.model_eval import part_of

    rows = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if part is None or part_of(r["text"]) == part]


@dataclass
class Figures:
    texts: int = 0
    signals: int = 0
    right: int = 0
    true_positive: int = 0
    labelled_met: int = 0
    found_met: int = 0
    level_pairs: list[tuple[int, int]] | None = None

    @property
    def precision(self) -> float:
        return self.true_positive / self.found_met if self.found_met else float("nan")

    @property
    def recall(self) -> float:
        return self.true_positive / self.labelled_met if self.labelled_met else float("nan")

    @property
    def level_spearman(self) -> float:
        pairs = self.level_pairs or []
        return spearman([p[0] for p in pairs], [p[1] for p in pairs]) if len(pairs) > 2 else float("nan")

    def summary(self) -> str:
        return (f"{self.texts} texts, {self.signals} signals: accuracy {self.right / max(self.signals, 1):.2f}, "
                f"precision {self.precision:.2f}, recall {self.recall:.2f}; criterion score vs level Spearman "
                f"{self.level_spearman:.2f}")


def measure(rows: Sequence[dict[str, Any]], bank: ExerciseBank, embedder: Embedder,
            show: bool = False) -> Figures:
    """Review each row with the criteria it is labelled on and compare signal by signal."""
    from assistant.exercises.review import review_text

    figures = Figures(level_pairs=[])
    for row in rows:
        criteria = [bank.criterion(c) for c in row["signals"]]
        review = review_text(row["text"], criteria, embedder, exercise=row["exercise"],
                             min_words=1 if row["exercise"] == "roleplay" else 25)
        figures.texts += 1
        wrong: list[str] = []
        for criterion, score in zip(criteria, review.scores, strict=True):
            assert figures.level_pairs is not None
            figures.level_pairs.append((row["levels"][criterion.id], score.score))
            for i, (signal, truth) in enumerate(zip(criterion.signals, row["signals"][criterion.id], strict=True)):
                found = signal.says in score.met
                figures.signals += 1
                figures.right += found == truth
                figures.labelled_met += truth
                figures.found_met += found
                figures.true_positive += found and truth
                if found != truth:
                    wrong.append(f"{criterion.id}[{i}] {'missed' if truth else 'false'}")
        if show:
            levels = " ".join(f"{s.criterion}:{row['levels'][s.criterion]}->{s.score}" for s in review.scores)
            print(f"{'!' if wrong else ' '} {row['id']} {levels}  {'; '.join(wrong)}")
    return figures


def main(argv: list[str]) -> int:
    import assistant.exercises.review as review
    from assistant.config import Settings
    from assistant.knowledge.embeddings import get_embedder
    from assistant.knowledge.loader import load_role

    for flag, name in (("--signal-match", "SIGNAL_MATCH"), ("--with-words", "SIGNAL_MATCH_WITH_WORDS")):
        if flag in argv:
            setattr(review, name, float(argv[argv.index(flag) + 1]))
    settings = Settings()
    bank = load_role(settings.role_dir).exercises
    assert bank is not None
    figures = measure(load("tuning"), bank, get_embedder(settings), show=True)
    print("== tuning part:", figures.summary())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
