"""Story bank, story hints and the exercise review: quality figures on the labelled data in tests/data.

Story hints were tuned on the strong calibration answers whose question has an even sha1 (the tuning half); the
check half (odd sha1) is reported separately and was not looked at while choosing the threshold.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np

from benchmarks.common import REPO, Table, bench_settings

COMMAND = "python -m benchmarks coaching"
DATA = REPO / "tests" / "data"


def _half(question: str) -> str:
    return "tuning" if int(hashlib.sha1(question.encode()).hexdigest(), 16) % 2 == 0 else "check"


def run(workdir: Path) -> list[Table]:
    from assistant.exercises.review import review_text
    from assistant.knowledge.embeddings import get_embedder
    from assistant.knowledge.loader import load_role
    from assistant.stories.bank import best_story
    from assistant.stories.extract import offline_fields
    from assistant.stories.models import Story

    settings = bench_settings(workdir / "coaching")
    knowledge = load_role(settings.role_dir)
    embedder = get_embedder(settings)
    table = Table("Story bank and director exercises", COMMAND)

    rows = [json.loads(line) for line in (DATA / "calibration_answers.jsonl").read_text().splitlines() if line]
    fields_total = fields_verbatim = 0
    for row in rows:
        for quote in offline_fields(row["answer"]).values():
            fields_total += 1
            fields_verbatim += row["answer"][quote.start:quote.end] == quote.text
    table.add("story fields that are verbatim spans of the answer", f"{fields_verbatim}/{fields_total}",
              target="all", note=f"offline extraction on all {len(rows)} calibration answers")

    bank = knowledge.questions.questions
    bank_vectors = embedder.embed([q.text for q in bank])
    for half in ("tuning", "check"):
        fired = right = fits = found = 0
        for row in rows:
            if row.get("label", 0) < 4 or _half(row["question"]) != half:
                continue
            story = Story(id="b", title="b", question=row["question"], answer=row["answer"],
                          competencies=[row["competency"]], **offline_fields(row["answer"]))
            vector = embedder.embed([f"{story.question} {story.summary}"])[0]
            for q, sim in zip(bank, bank_vectors @ vector, strict=True):
                if q.text == row["question"]:
                    continue
                same = q.competency == row["competency"]
                fits += same
                if best_story(np.array([sim]), [same]) is not None:
                    fired += 1
                    right += same
                    found += same
        precision = right / fired if fired else float("nan")
        table.add(f"story hint precision ({half} half)", f"{precision:.2f}",
                  note=f"{fired} hints fired on bank questions; right = the question is on the story's "
                       f"competency (same-competency stories need cosine >= 0.30, others >= 0.50); recall "
                       f"{found / max(fits, 1):.2f}. Whether the story fits *within* a competency is not measured")

    bank_x = knowledge.exercises
    assert bank_x is not None
    scores = {}
    for name in ("plan_strong", "plan_weak"):
        text = (DATA / "exercises" / f"{name}.md").read_text()
        scores[name] = review_text(text, bank_x.criteria, embedder).overall
    table.add("memo review: strong vs weak 90-day plan", f"{scores['plan_strong']:.1f} vs {scores['plan_weak']:.1f}",
              note="tests/data/exercises (written for the tests; a separation check, not a calibration)")
    from benchmarks import exercise_review

    for part in ("check", "tuning"):
        figures = exercise_review.measure(exercise_review.load(part), bank_x, embedder)
        table.add(f"exercise review: rubric signals found ({part} part)",
                  f"accuracy {figures.right / max(figures.signals, 1):.2f}",
                  note=f"{figures.texts} labelled memos and role-play replies, {figures.signals} signals: precision "
                       f"{figures.precision:.2f}, recall {figures.recall:.2f}; criterion score vs labelled level "
                       f"Spearman {figures.level_spearman:.2f} (tests/data/exercise_labelled.jsonl, "
                       "benchmarks/exercise_review.py)")
    return [table]
