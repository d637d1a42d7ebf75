"""Choose an interview's questions: competency coverage by focus, the bank, retrieval, the resume and the JD.

The planner works without an LLM: questions come from the bank, spread over the competencies the focus names,
grounded in retrieved knowledge chunks (kept as citations). A resume adds a "defend this bullet" question built
from its strongest claim; a job description moves the competencies it asks for to the front. Given the same seed
and inputs the plan is the same, so tests and bug reports are reproducible.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from assistant.errors import InputError
from assistant.interview.models import Citation
from assistant.interview.session import InterviewFocus, Plan, PlannedQuestion
from assistant.knowledge.schema import MIXED_FOCUS, Competency, Question, RoleKnowledge
from assistant.resume.models import Line, Resume
from assistant.text.quantities import numbers_in
from assistant.text.stopwords import JOB_AD_WORDS, STOPWORDS
from assistant.text.tokens import terms

MAX_QUESTIONS = 20
CITATIONS_PER_QUESTION = 3

# Words that signal a claim with scope worth defending in an interview.
_SCOPE_WORDS = {
    "led", "built", "grew", "scaled", "launched", "founded", "owned", "drove", "managed", "hired", "reduced",
    "increased", "cut", "saved", "delivered", "architected", "designed", "team", "teams", "engineers", "org",
    "organization", "platform", "million", "billion", "revenue", "latency", "cost", "roadmap", "strategy",
    "production", "managers", "directors", "functional", "stakeholders",
}
# Function words and the words every job ad uses tell no competency apart (the text core's lists).
_STOPWORDS = STOPWORDS | JOB_AD_WORDS


class Searcher(Protocol):
    """What the planner needs from `KnowledgeStore`: ranked hits with metadata."""

    def search(self, text: str, k: int = 4, where: dict[str, Any] | None = None) -> list[Any]: ...


def plan_interview(
    knowledge: RoleKnowledge,
    *,
    n: int = 6,
    focus: InterviewFocus = "mixed",
    recent_question_ids: Iterable[str] = (),
    resume: Resume | None = None,
    job_description: str | None = None,
    store: Searcher | None = None,
    seed: int | None = None,
) -> Plan:
    """Plan `n` main questions (follow-ups are decided during the interview, not here)."""
    check_focus(knowledge, focus)
    if not 1 <= n <= MAX_QUESTIONS:
        raise InputError(f"An interview has 1 to {MAX_QUESTIONS} questions (got {n}).")
    seed = secrets.randbelow(2**31) if seed is None else seed
    rng = random.Random(seed)

    competencies = _competencies_for(knowledge, focus)
    rng.shuffle(competencies)
    jd_ranking: list[str] = []
    if job_description and job_description.strip():
        jd_ranking = rank_competencies_for_text(knowledge, job_description, store=store)
        position = {cid: i for i, cid in enumerate(jd_ranking)}
        competencies.sort(key=lambda c: position.get(c.id, len(position)))

    probe = _resume_probe(knowledge, resume, store) if resume is not None else None
    bank_slots = n - 1 if probe else n
    questions = _pick_bank_questions(knowledge, competencies, bank_slots, set(recent_question_ids), rng)
    if probe:
        # Second slot: early enough to survive a short interview, after a warm-up question.
        questions.insert(min(1, len(questions)), probe)
    if store is not None:
        for q in questions:
            q.citations = _citations(store, q)
    return Plan(focus=focus, seed=seed, questions=questions, jd_competencies=jd_ranking)


def check_focus(knowledge: RoleKnowledge, focus: str) -> None:
    """An unknown focus is the user's mistake: say which ones the role offers."""
    if focus not in knowledge.rubric.focus_labels:
        raise InputError(f"Unknown focus {focus!r}; choose one of {', '.join(knowledge.rubric.focus_labels)}.")


def _competencies_for(knowledge: RoleKnowledge, focus: InterviewFocus) -> list[Competency]:
    comps = list(knowledge.rubric.competencies)
    if focus == MIXED_FOCUS:
        return comps
    chosen = [c for c in comps if focus in c.focus]
    return chosen or comps


def _pick_bank_questions(
    knowledge: RoleKnowledge,
    competencies: Sequence[Competency],
    slots: int,
    recent: set[str],
    rng: random.Random,
) -> list[PlannedQuestion]:
    """Round-robin over the competencies so each gets a question before any gets a second one; within a
    competency, questions not asked recently come first."""
    by_comp: dict[str, list[Question]] = {}
    for c in competencies:
        pool = [q for q in knowledge.questions.questions if q.competency == c.id]
        rng.shuffle(pool)
        pool.sort(key=lambda q: q.id in recent)  # stable: fresh questions first, shuffled among themselves
        if pool:
            by_comp[c.id] = pool
    if not by_comp:
        # A focus whose competencies have no bank questions: fall back to the whole bank.
        pool = list(knowledge.questions.questions)
        rng.shuffle(pool)
        by_comp = {"_all": pool}

    chosen: list[Question] = []
    order = [cid for cid in (c.id for c in competencies) if cid in by_comp] or list(by_comp)
    while len(chosen) < slots and any(by_comp.values()):
        for cid in order:
            if len(chosen) >= slots:
                break
            if by_comp.get(cid):
                chosen.append(by_comp[cid].pop(0))
    if len(chosen) < slots:
        # A small bank: reuse questions from the other competencies rather than run short.
        rest = [q for q in knowledge.questions.questions if q not in chosen]
        rng.shuffle(rest)
        chosen.extend(rest[: slots - len(chosen)])
    return [_from_bank(q) for q in chosen]


def _from_bank(q: Question) -> PlannedQuestion:
    return PlannedQuestion(
        text=q.text,
        competency=q.competency,
        source="bank",
        question_id=q.id,
        strong_answer=list(q.strong_answer),
        follow_ups=list(q.follow_ups),
    )


# --- Resume probes --------------------------------------------------------------------------------------------


def claim_strength(text: str) -> float:
    """How much a bullet claims: numbers and scope words make a claim worth defending."""
    words = set(terms(text))
    numbers = len(numbers_in(text))
    scope = len(words & _SCOPE_WORDS)
    length_ok = 1.0 if 8 <= len(text.split()) <= 45 else 0.0
    return 2.0 * min(numbers, 3) + 1.0 * min(scope, 4) + length_ok


def strongest_bullet(resume: Resume) -> Line | None:
    bullets = [b for job in resume.experience for b in job.bullets if len(b.text.split()) >= 5]
    if not bullets:
        return None
    # Ties go to the earliest bullet: the most recent job, the line the candidate put first.
    return max(bullets, key=lambda b: (claim_strength(b.text), -b.number))


def _resume_probe(knowledge: RoleKnowledge, resume: Resume, store: Searcher | None) -> PlannedQuestion | None:
    bullet = strongest_bullet(resume)
    if bullet is None:
        return None
    claim = " ".join(bullet.text.split()).lstrip("-•*· ").strip()
    ranking = rank_competencies_for_text(knowledge, claim, store=store)
    competency = knowledge.competency(ranking[0])
    bank = [q for q in knowledge.questions.questions if q.competency == competency.id]
    return PlannedQuestion(
        text=(
            f'Your resume says: "{claim}". Walk me through it: what was the situation, what did you personally '
            "decide and do, and how do you know the result was real?"
        ),
        competency=competency.id,
        source="resume_probe",
        question_id=None,
        strong_answer=[
            "Your own decisions and trade-offs behind this line, separated from what the team did",
            "How the result was measured: baseline, the number, and over what period",
            *competency.signals[:2],
        ],
        follow_ups=[
            "What exactly was your part in that, as opposed to the team's?",
            "How was that number measured, and what was it before?",
            *(bank[0].follow_ups[:1] if bank else []),
        ],
        resume_claim=claim,
        resume_line=bullet.number,
    )


# --- Relevance of a text (JD, bullet) to competencies ----------------------------------------------------------


def rank_competencies_for_text(
    knowledge: RoleKnowledge, text: str, *, store: Searcher | None = None
) -> list[str]:
    """Competency ids, most relevant to `text` first: keyword overlap plus, with a store, retrieval rank."""
    text_words = set(terms(text))
    lowered = text.lower()
    scores: dict[str, float] = {}
    for c in knowledge.rubric.competencies:
        keyword_hits = sum(1 for k in c.keywords if k.lower() in lowered)
        name_words = {w for w in terms(c.name + " " + c.description) if w not in _STOPWORDS}
        overlap = len(text_words & name_words) / (len(name_words) ** 0.5 or 1.0)
        scores[c.id] = 1.5 * keyword_hits + overlap
    if store is not None:
        try:
            hits = store.search(text[:2000], k=len(scores), where={"kind": "competency"})
        except Exception:  # noqa: BLE001 - retrieval only sharpens the ranking; keywords still work
            hits = []
        for rank, hit in enumerate(hits):
            cid = (getattr(hit, "metadata", None) or {}).get("competency")
            if cid in scores:
                scores[cid] += 3.0 * float(getattr(hit, "score", 0.0)) + max(0.0, 2.0 - 0.5 * rank)
    order = [c.id for c in knowledge.rubric.competencies]
    return sorted(scores, key=lambda cid: (-scores[cid], order.index(cid)))


def _citations(store: Searcher, question: PlannedQuestion) -> list[Citation]:
    query = question.text if not question.resume_claim else f"{question.resume_claim} {question.competency}"
    try:
        hits = store.search(query, k=CITATIONS_PER_QUESTION + 4)
    except Exception:  # noqa: BLE001 - a broken store must not stop an interview; the question stands alone
        return []
    # Cite the bank entry the question came from, then what the role demands (profile, rubric, template); other
    # bank questions that merely sound similar tell the candidate nothing about why this one is asked.
    own = [h for h in hits if _meta(h).get("item_id") == question.question_id][:1]
    role_knowledge = [h for h in hits if _meta(h).get("kind") != "question"]
    return [hit_to_citation(h) for h in (own + role_knowledge)[:CITATIONS_PER_QUESTION]]


def _meta(hit: Any) -> dict[str, Any]:
    return getattr(hit, "metadata", None) or {}


def hit_to_citation(hit: Any) -> Citation:
    metadata = getattr(hit, "metadata", None) or {}
    citation = str(getattr(hit, "citation", "") or "")
    source, _, heading = citation.partition(" › ")
    return Citation(
        chunk_id=str(hit.id),
        source=str(metadata.get("source") or source or "knowledge"),
        heading=str(metadata.get("heading") or heading or metadata.get("item_id") or hit.id),
        score=round(float(getattr(hit, "score", 0.0)), 4),
    )
