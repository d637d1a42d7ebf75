"""The story bank: strong answers become reusable stories, mapped to competencies and matched to new questions.

- An interview answer scoring `STORY_MIN_SCORE`+ becomes a story (`harvest_session`), linked to its transcript turn;
  any answer becomes one when the user saves it (`add_answer`), whatever its score.
- The coverage map shows, per rubric competency, the stories that back it and the competencies with none.
- `hint(question)` finds the story that fits a question by embedding similarity (the shipped MiniLM model), so the
  interviewer can say "your feature-store story fits here".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.errors import InputError
from assistant.interview.models import Evaluation
from assistant.interview.store import InterviewRepository
from assistant.limits import check_length
from assistant.stories.extract import extract_story, verified_fields
from assistant.stories.models import STORY_MIN_SCORE, CoverageRow, Story, StoryHint, StorySource, utcnow
from assistant.stories.store import StoryRepository, new_id

if TYPE_CHECKING:
    from assistant.knowledge.embeddings import Embedder
    from assistant.knowledge.schema import RoleKnowledge
    from assistant.llm.client import LLMClient
    from assistant.storage import Database

#: A story tagged with the question's competency is suggested when its text (question + situation, action, result)
#: is at least this close (MiniLM cosine) to the question; a story on another competency only when it is very close
#: (CROSS_COMPETENCY_SIMILARITY). Tuned on the strong calibration answers with an even sha1 of their question;
#: `python -m benchmarks coaching` reports the odd (check) half too.
HINT_MIN_SIMILARITY = 0.30
CROSS_COMPETENCY_SIMILARITY = 0.50
#: A secondary competency is tagged when the story is nearly as close to it as to the question's own competency.
SECONDARY_MARGIN = 0.04
MAX_COMPETENCIES = 3


def best_story(similarities: np.ndarray, on_competency: list[bool]) -> tuple[int, float] | None:
    """(index, similarity) of the story to suggest, or None (see HINT_MIN_SIMILARITY)."""
    best: tuple[int, float] | None = None
    for i, (sim, same) in enumerate(zip(similarities.tolist(), on_competency, strict=True)):
        if sim >= (HINT_MIN_SIMILARITY if same else CROSS_COMPETENCY_SIMILARITY) and (best is None or sim > best[1]):
            best = (i, float(sim))
    return best


class StoryBank:
    """One user's story bank over the shared database, knowledge and embedder (an LLM is optional)."""

    def __init__(
        self,
        db: Database,
        knowledge: RoleKnowledge,
        embedder: Embedder | None = None,
        *,
        llm: LLMClient | None = None,
        user_id: str = "local",
        max_answer_chars: int | None = None,
    ) -> None:
        self.repo = StoryRepository(db, user_id)
        self.max_answer_chars = max_answer_chars
        self.interviews = InterviewRepository(db)
        self.knowledge = knowledge
        self.embedder = embedder
        self.llm = llm
        self._competency_vectors: np.ndarray | None = None

    @classmethod
    def from_services(cls, services: Any, *, llm: LLMClient | None = None, user_id: str = "local") -> StoryBank:
        return cls(services.db, services.knowledge, services.embedder, llm=llm, user_id=user_id,
                   max_answer_chars=services.settings.max_answer_chars)

    # -- creating stories --

    def add_answer(
        self,
        question: str,
        answer: str,
        *,
        competency: str | None = None,
        evaluation: Evaluation | None = None,
        source: StorySource = "manual",
        session_id: str | None = None,
        turn_index: int | None = None,
    ) -> Story:
        """Save an answer as a story. Without an evaluation the offline coach scores it (the score is shown,
        not required: the user chose to keep it)."""
        if not question.strip():
            raise InputError("The question is empty: give the question this answer responds to.")
        if not answer.strip():
            raise InputError("The answer is empty: there is no story to save.")
        if self.max_answer_chars is not None:  # the interview's limit: a story is an answer
            check_length(answer, limit=self.max_answer_chars, what="answer", variable="MAX_ANSWER_CHARS")
        if evaluation is None:
            evaluation = self._score(question, answer, competency)
        primary = competency or evaluation.competency
        extracted, extra = extract_story(question, answer, knowledge=self.knowledge, llm=self.llm)
        from assistant.llm.safety import clean_untrusted

        clean = clean_untrusted(answer)
        story = Story(
            id=new_id(), title=extracted.title, question=question.strip(), answer=clean,
            competencies=[], score=evaluation.score, source=source, engine=extracted.engine,
            session_id=session_id, turn_index=turn_index, **extracted.fields,
        )
        story.competencies = self._tags(primary, story, extra)
        return self.repo.add(story)

    def harvest_session(self, session_id: str | None = None) -> list[Story]:
        """Stories from every strong answer (score 4+) of a session (or of all sessions) not harvested yet."""
        created: list[Story] = []
        done: dict[str, set[int]] = {}
        for scored in self.interviews.scored_turns(self.repo.user_id, session_id=session_id):
            sid, turn, evaluation = scored.session_id, scored.turn, scored.evaluation
            if turn.answer is None or evaluation.score < STORY_MIN_SCORE:
                continue
            seen = done.setdefault(sid, self.repo.harvested_turns(sid))
            if turn.index in seen:
                continue
            created.append(self.add_answer(turn.question, turn.answer, competency=turn.competency,
                                           evaluation=evaluation, source="interview", session_id=sid,
                                           turn_index=turn.index))
            seen.add(turn.index)
        return created

    # -- reading and editing --

    def list_stories(self, competency: str | None = None) -> list[Story]:
        return self.repo.list_stories(competency)

    def get(self, story_id: str) -> Story:
        return self.repo.get(story_id)

    def edit(
        self,
        story_id: str,
        *,
        title: str | None = None,
        competencies: Sequence[str] | None = None,
        fields: dict[str, str] | None = None,
        notes: str | None = None,
    ) -> Story:
        """Change a story. A field must stay a quote of the answer (an error names the field; nothing is saved)."""
        story = self.repo.get(story_id)
        update: dict[str, Any] = {"updated_at": utcnow()}
        if title is not None:
            if not title.strip():
                raise InputError("A story needs a title.")
            update["title"] = title.strip()[:200]
        if competencies is not None:
            known = {c.id for c in self.knowledge.rubric.competencies}
            unknown = [c for c in competencies if c not in known]
            if unknown or not competencies:
                raise InputError(f"Unknown competency {', '.join(unknown) or '(none given)'}; known: "
                                 f"{', '.join(sorted(known))}.")
            update["competencies"] = list(dict.fromkeys(competencies))
        if fields:
            update.update({str(k): v for k, v in verified_fields(story.answer, fields).items()})
        if notes is not None:
            update["notes"] = notes
        return self.repo.save(story.model_copy(update=update))

    def delete(self, story_id: str) -> None:
        self.repo.delete(story_id)

    def coverage(self) -> list[CoverageRow]:
        """Competencies x stories, in rubric order; stories ordered by score. An empty row is a gap to prepare."""
        stories = sorted(self.list_stories(), key=lambda s: -(s.score or 0))
        return [
            CoverageRow(
                competency=c.id, name=c.name,
                stories=[s.id for s in stories if c.id in s.competencies],
                titles=[s.title for s in stories if c.id in s.competencies],
            )
            for c in self.knowledge.rubric.competencies
        ]

    def hint(self, question: str, competency: str | None = None, stories: list[Story] | None = None
             ) -> StoryHint | None:
        """The story that fits this question best, if one fits well enough (see HINT_MIN_SIMILARITY)."""
        stories = self.list_stories() if stories is None else stories
        if not stories or self.embedder is None or not question.strip():
            return None
        vectors = self.embedder.embed([question, *(f"{s.question} {s.summary}" for s in stories)])
        best = best_story(vectors[1:] @ vectors[0], [competency in s.competencies for s in stories])
        if best is None:
            return None
        story, similarity = stories[best[0]], best[1]
        return StoryHint(story_id=story.id, title=story.title, similarity=round(similarity, 3),
                         message=f"Your story \u201c{story.title}\u201d fits here: lead with its situation, say "
                                 "what you did, end with the result.")

    # -- helpers --

    def _score(self, question: str, answer: str, competency: str | None) -> Evaluation:
        from assistant.interview.scoring import OfflineScorer, QuestionResolver

        context = QuestionResolver(self.knowledge, self.embedder).resolve(question, competency)
        return OfflineScorer(self.knowledge, self.embedder).evaluate(context, answer)

    def _tags(self, primary: str, story: Story, extra: Sequence[str]) -> list[str]:
        tags = [primary, *extra]
        if self.embedder is not None:
            from assistant.interview.scoring import competency_text

            competencies = self.knowledge.rubric.competencies
            if self._competency_vectors is None:
                self._competency_vectors = self.embedder.embed([competency_text(c) for c in competencies])
            sims = self._competency_vectors @ self.embedder.embed([story.summary])[0]
            ids = [c.id for c in competencies]
            anchor = float(sims[ids.index(primary)]) if primary in ids else float(sims.max())
            for i in np.argsort(-sims):
                if float(sims[i]) >= anchor - SECONDARY_MARGIN:
                    tags.append(ids[int(i)])
        return list(dict.fromkeys(tags))[:MAX_COMPETENCIES]
