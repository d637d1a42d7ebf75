"""The practice plan: what to rehearse today, by spaced repetition over the candidate's own scores.

Nothing new is stored: the schedule is recomputed from the evaluated turns already in the database, so it can
never drift from the history. Each competency (and each bank question asked before) is a card; each session that
scored it is a review, graded by the mean score (1-5) of its answers there.

The schedule is a small SM-2 variant, chosen so that the first review already separates weak from strong (plain SM-2
gives every passing first review the same 1-day interval):

- a review below 3 resets the card: due again after `FIRST_INTERVAL_DAYS[score]` (1 day);
- otherwise the interval is the previous one times the review's growth factor (`GROWTH`), or on the first passing
  review `FIRST_INTERVAL_DAYS[score]`: 3 days after a 3, 7 after a 4, 14 after a 5.

A competency never practised is due today. Items are ordered by due date, then weakest first.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal

from pydantic import BaseModel, Field

from assistant.interview.models import Citation
from assistant.interview.session import Plan, PlannedQuestion
from assistant.interview.store import InterviewRepository
from assistant.knowledge.schema import RoleKnowledge
from assistant.storage import Database

FIRST_INTERVAL_DAYS = {1: 1, 2: 1, 3: 3, 4: 7, 5: 14}
GROWTH = {3: 1.4, 4: 2.0, 5: 2.6}
PASSING = 3
MAX_INTERVAL_DAYS = 120
DEFAULT_PRACTICE_QUESTIONS = 3

ItemKind = Literal["competency", "question"]


class Review(BaseModel):
    when: datetime
    score: float
    session_id: str


class PracticeItem(BaseModel):
    """One card of the schedule (a competency, or a bank question asked before)."""

    kind: ItemKind
    id: str
    name: str
    competency: str
    reviews: int = 0
    last_score: float | None = None
    last_practised: datetime | None = None
    interval_days: int = 0
    due: date
    due_now: bool
    reason: str
    stories: int = Field(0, description="Stories in the bank for this competency (0 = prepare one).")


class PracticePlan(BaseModel):
    today: date
    due: list[PracticeItem] = Field(description="Due today or overdue, most urgent first.")
    upcoming: list[PracticeItem]

    @property
    def items(self) -> list[PracticeItem]:
        return [*self.due, *self.upcoming]


def schedule(reviews: list[Review]) -> tuple[int, datetime | None]:
    """(interval in days, last review time) after these reviews, oldest first (see module docstring)."""
    interval = 0
    passing_streak = 0
    for review in reviews:
        grade = max(1, min(5, math.floor(review.score + 0.5)))  # 3.5 is a 4 (round() would make 2.5 a 2)
        if grade < PASSING:
            interval, passing_streak = FIRST_INTERVAL_DAYS[grade], 0
        elif passing_streak == 0:
            interval, passing_streak = FIRST_INTERVAL_DAYS[grade], 1
        else:
            interval, passing_streak = math.ceil(interval * GROWTH[grade]), passing_streak + 1
    return min(interval, MAX_INTERVAL_DAYS), (reviews[-1].when if reviews else None)


def load_reviews(db: Database, user_id: str = "local") -> tuple[dict[str, list[Review]], dict[str, list[Review]]]:
    """Per competency and per bank question id: one review per session, the mean score of its answers there."""
    by_comp: dict[tuple[str, str], list[tuple[datetime, float]]] = defaultdict(list)
    by_question: dict[tuple[str, str], list[tuple[datetime, float]]] = defaultdict(list)
    for scored in InterviewRepository(db).scored_turns(user_id):
        turn, questions = scored.turn, scored.plan.questions
        score, when = float(scored.evaluation.score), turn.created_at
        by_comp[(scored.session_id, turn.competency)].append((when, score))
        if 0 <= turn.question_index < len(questions) and (question_id := questions[turn.question_index].question_id):
            by_question[(scored.session_id, question_id)].append((when, score))

    def fold(buckets: dict[tuple[str, str], list[tuple[datetime, float]]]) -> dict[str, list[Review]]:
        out: dict[str, list[Review]] = defaultdict(list)
        for (session_id, key), points in buckets.items():
            out[key].append(Review(when=max(p[0] for p in points), session_id=session_id,
                                   score=round(sum(p[1] for p in points) / len(points), 2)))
        return {k: sorted(v, key=lambda r: r.when) for k, v in out.items()}

    return fold(by_comp), fold(by_question)


def build_plan(
    knowledge: RoleKnowledge,
    db: Database,
    *,
    user_id: str = "local",
    now: datetime | None = None,
    story_counts: dict[str, int] | None = None,
) -> PracticePlan:
    """Every competency of the role and every bank question asked before, scheduled (see module docstring)."""
    now = now or datetime.now(UTC)
    today = now.date()
    comp_reviews, question_reviews = load_reviews(db, user_id)
    stories = story_counts or {}
    items: list[PracticeItem] = []
    for competency in knowledge.rubric.competencies:
        items.append(_item("competency", competency.id, competency.name, competency.id,
                           comp_reviews.get(competency.id, []), today, stories.get(competency.id, 0)))
    bank = {q.id: q for q in knowledge.questions.questions}
    for question_id, reviews in question_reviews.items():
        if question_id in bank:
            q = bank[question_id]
            items.append(_item("question", q.id, q.text, q.competency, reviews, today, stories.get(q.competency, 0)))
    items.sort(key=lambda i: (i.due, i.last_score if i.last_score is not None else 0.0, i.kind != "competency"))
    return PracticePlan(today=today, due=[i for i in items if i.due_now], upcoming=[i for i in items if not i.due_now])


def plan_with_stories(knowledge: RoleKnowledge, db: Database, *, user_id: str = "local",
                      now: datetime | None = None) -> PracticePlan:
    """`build_plan` with each item's story count from the story bank (a due competency with no story is the one
    to prepare first)."""
    from assistant.stories.store import StoryRepository

    counts: dict[str, int] = defaultdict(int)
    for story in StoryRepository(db, user_id).list_stories():
        for competency in story.competencies:
            counts[competency] += 1
    return build_plan(knowledge, db, user_id=user_id, now=now, story_counts=dict(counts))


def _item(kind: ItemKind, item_id: str, name: str, competency: str, reviews: list[Review], today: date,
          stories: int) -> PracticeItem:
    interval, last = schedule(reviews)
    if last is None:
        due, reason = today, "never practised"
    else:
        due = (last + timedelta(days=interval)).date()
        score = reviews[-1].score
        reason = (f"last scored {score:g}/5 on {last:%Y-%m-%d}: "
                  + ("weak, so it comes back soon" if score < PASSING else f"next review in {interval} days"))
    return PracticeItem(kind=kind, id=item_id, name=name, competency=competency, reviews=len(reviews),
                        last_score=reviews[-1].score if reviews else None, last_practised=last,
                        interval_days=interval, due=due, due_now=due <= today, reason=reason, stories=stories)


def todays_practice(
    plan: PracticePlan,
    knowledge: RoleKnowledge,
    *,
    n: int = DEFAULT_PRACTICE_QUESTIONS,
    store: Any | None = None,
) -> Plan:
    """An interview plan for what is due: a due bank question as asked before, else a bank question of a due
    competency (one not asked in its last reviews first). Empty when nothing is due."""
    from assistant.interview.planner import hit_to_citation

    by_competency: dict[str, list[Any]] = defaultdict(list)
    for bank_q in knowledge.questions.questions:
        by_competency[bank_q.competency].append(bank_q)
    asked = {i.id for i in plan.items if i.kind == "question"}
    chosen: list[Any] = []
    for item in plan.due:
        if len(chosen) >= n:
            break
        q: Any
        if item.kind == "question":
            q = knowledge.question(item.id)
        else:
            options = sorted(by_competency.get(item.id, []), key=lambda q: q.id in asked)
            q = next((o for o in options if o not in chosen), None)
        if q is not None and q not in chosen and all(c.competency != q.competency for c in chosen):
            chosen.append(q)
    questions = []
    for picked in chosen:
        citations: list[Citation] = []
        if store is not None:
            try:
                citations = [hit_to_citation(h) for h in store.search(picked.text, k=3)]
            except Exception:  # noqa: BLE001 - grounding is shown when available; practice runs without it
                citations = []
        questions.append(PlannedQuestion(text=picked.text, competency=picked.competency, source="bank",
                                         question_id=picked.id, strong_answer=list(picked.strong_answer),
                                         follow_ups=list(picked.follow_ups), citations=citations))
    return Plan(focus="mixed", seed=0, questions=questions)
