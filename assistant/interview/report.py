"""The end-of-interview report: scores, strengths, gaps, next steps and a strong-answer outline per question.

Everything in it is computed from the stored evaluations and the knowledge base. The outlines say what a strong
answer *covers* (the bank's strong-answer points and what the rubric looks for), never what the candidate did: the
coach must not attribute experience the candidate did not state. An LLM, when present, adds a short narrative on
top; if it fails the report is complete without one.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from assistant.interview.models import OFFLINE_SCOPE, Evaluation
from assistant.interview.planner import Searcher, hit_to_citation
from assistant.interview.session import CompetencyScore, InterviewSession, QuestionReport, Report, Turn
from assistant.knowledge.schema import RoleKnowledge
from assistant.llm.errors import LLMError
from assistant.text.tokens import split_sentences

if TYPE_CHECKING:
    from assistant.llm.client import LLMClient

GAP_SENTENCES: dict[str, str] = {
    "no_own_actions": "described what the team did more than your own decisions and actions",
    "no_outcome": "stopped before the result: no outcome or what changed",
    "no_numbers": "gave no numbers (scale, team size, cost, latency, before and after)",
    "missing_point": "left out a point a strong answer covers (each question's tips name it)",
    "off_topic": "drifted away from the question asked",
    "too_short": "were too short to show a full example",
    "no_structure": "were hard to follow: situation, action and result were not clear",
    "hedging": "hedged a lot (\"I think\", \"maybe\", \"kind of\"), which undercuts authority",
    "evasive": "sounded like answers without giving one (a vision, a general framework, or a story for another question)",
    "red_flag": "showed a red flag an interviewer would hold against any director (see the quotes below)",
}
GAP_ADVICE: dict[str, str] = {
    "no_own_actions": "Rehearse each story saying \"I decided / I did\" for your part, and name the team's part separately.",
    "no_outcome": "End every story with the result and how you measured it; say what you would do differently.",
    "no_numbers": "Before the next session, write down 2-3 numbers per story (team size, scale, cost, time saved).",
    "missing_point": "For technical questions, list the pieces a strong answer covers before you speak, then take each in turn.",
    "off_topic": "Restate the question in your first sentence and pick the example that answers it directly.",
    "too_short": "Aim for 1.5-2 minutes per answer: situation in two sentences, most time on your actions, then the result.",
    "no_structure": "Use situation, action, result explicitly: one or two sentences of context, then what you did, then the outcome.",
    "hedging": "Replace \"I think we maybe\" with what you decided and why; confidence reads as director-level.",
    "evasive": "For each question, tell one real instance first: what you decided, what you did, what changed.",
    "red_flag": "Re-read the quoted red flags: rehearse how you escalated, credited and stayed fair, not how you avoided it.",
}
OUTLINE_POINTS = 6


def _question_turns(session: InterviewSession) -> dict[int, list[Turn]]:
    grouped: dict[int, list[Turn]] = {}
    for t in session.turns:
        if t.evaluated:
            grouped.setdefault(t.question_index, []).append(t)
    return grouped


def build_report(
    session: InterviewSession,
    knowledge: RoleKnowledge,
    *,
    store: Searcher | None = None,
    llm: LLMClient | None = None,
) -> Report:
    grouped = _question_turns(session)
    evaluations = [t.evaluation for turns in grouped.values() for t in turns if t.evaluation is not None]

    # A follow-up exists to let the candidate fill a gap, so a question counts with its best answer.
    question_scores: dict[int, float] = {
        qi: float(max(t.evaluation.score for t in turns if t.evaluation)) for qi, turns in grouped.items()
    }
    by_comp: dict[str, list[float]] = {}
    for qi, score in question_scores.items():
        by_comp.setdefault(session.plan.questions[qi].competency, []).append(score)
    competencies = [
        CompetencyScore(
            competency=cid,
            name=_competency_name(knowledge, cid),
            score=round(sum(scores) / len(scores), 2),
            answers=len(scores),
        )
        for cid, scores in sorted(by_comp.items(), key=lambda kv: -sum(kv[1]) / len(kv[1]))
    ]
    overall = round(sum(c.score for c in competencies) / len(competencies), 2) if competencies else None

    asked = {t.question_index for t in session.turns}
    questions = [
        _question_report(i, session, knowledge, grouped.get(i, []), question_scores.get(i), store)
        for i in range(len(session.plan.questions))
        if i in asked or session.status == "finished"
    ]

    report = Report(
        session_id=session.id,
        role=session.role,
        role_title=knowledge.profile.title,
        engine=session.engine,
        mode=session.mode,
        finished=session.status == "finished" or len(grouped) == len(session.plan.questions),
        planned_questions=len(session.plan.questions),
        answered_questions=len(grouped),
        overall=overall,
        competencies=competencies,
        strengths=_strengths(session, grouped),
        gaps=_gaps(evaluations, competencies),
        next_steps=_next_steps(knowledge, evaluations, competencies),
        questions=questions,
        fallback=any(e.fallback for e in evaluations),
        # Any offline-scored answer makes the offline coach's limits part of what the report must say.
        scope=OFFLINE_SCOPE if any(e.engine == "offline" for e in evaluations) else None,
    )
    if llm is not None and evaluations:
        narrative = _narrative(report, session, knowledge, llm)
        report.narrative = narrative
        report.fallback = report.fallback or narrative is None
    return report


def _competency_name(knowledge: RoleKnowledge, cid: str) -> str:
    try:
        return knowledge.competency(cid).name
    except KeyError:
        return cid


def _strengths(session: InterviewSession, grouped: dict[int, list[Turn]]) -> list[str]:
    """Strengths the evaluator quoted, from the answers that landed best (a 3 when nothing scored higher)."""
    scored = [t for turns in grouped.values() for t in turns if t.evaluation is not None]
    if not scored:
        return []
    best = max(t.evaluation.score for t in scored if t.evaluation)
    threshold = min(4, best)
    # The same kind of strength across answers is one line naming every question it showed in, with the first
    # quote as its example, rather than the same sentence repeated per question.
    by_kind: dict[str, tuple[list[int], str]] = {}
    for t in sorted(scored, key=lambda t: -(t.evaluation.score if t.evaluation else 0)):
        assert t.evaluation is not None
        if t.evaluation.score < threshold:
            continue
        for s in t.evaluation.strengths:
            if not s:
                continue
            kind, _, example = s.partition(" — ")
            questions, first_example = by_kind.setdefault(kind, ([], example))
            if t.question_index + 1 not in questions:
                questions.append(t.question_index + 1)
    lines = []
    for kind, (questions, example) in by_kind.items():
        where = ", ".join(f"Q{q}" for q in sorted(questions))
        lines.append(f"{kind.rstrip('.')} ({where})" + (f" — e.g. {example}" if example else ""))
    return lines[:6]


def _gaps(evaluations: list[Evaluation], competencies: list[CompetencyScore]) -> list[str]:
    counts = Counter(g for e in evaluations for g in set(e.gaps))
    total = len(evaluations)
    gaps = [
        f"{n} of {total} answers {GAP_SENTENCES[g]}."
        for g, n in counts.most_common()
        if g in GAP_SENTENCES and n >= max(1, total // 4)
    ]
    gaps += [f"{c.name}: {c.score:.1f}/5, below the bar for a director." for c in competencies if c.score < 3]
    return gaps


def _next_steps(knowledge: RoleKnowledge, evaluations: list[Evaluation], competencies: list[CompetencyScore]) -> list[str]:
    steps: list[str] = []
    counts = Counter(g for e in evaluations for g in set(e.gaps))
    steps += [GAP_ADVICE[g] for g, _ in counts.most_common(2) if g in GAP_ADVICE]
    for c in sorted(competencies, key=lambda c: c.score)[:2]:
        if c.score >= 4:
            continue
        signals = knowledge.competency(c.competency).signals if c.competency in _ids(knowledge) else []
        if signals:
            steps.append(f"Prepare a story for {c.name} that shows: {signals[0].rstrip('.').lower()}.")
    for e in evaluations:
        for improvement in e.advice()[:1]:  # a red flag is in the question's own section, quoted
            # Two answers' versions of one tip differ only in what follows its first sentence: one step.
            if _first_sentence(improvement) not in {_first_sentence(s) for s in steps} and len(steps) < 6:
                steps.append(improvement)
    return steps[:6]


def _first_sentence(text: str) -> str:
    sentences = split_sentences(text)
    return sentences[0].text if sentences else text


def _ids(knowledge: RoleKnowledge) -> set[str]:
    return {c.id for c in knowledge.rubric.competencies}


def _question_report(
    index: int,
    session: InterviewSession,
    knowledge: RoleKnowledge,
    turns: list[Turn],
    score: float | None,
    store: Searcher | None,
) -> QuestionReport:
    planned = session.plan.questions[index]
    outline: list[str] = []
    if planned.resume_claim:
        outline.append("Restate the claim on your resume and what your own part in it was")
    outline += list(planned.strong_answer)
    if planned.competency in _ids(knowledge):
        competency = knowledge.competency(planned.competency)
        for signal in competency.signals:
            if len(outline) >= OUTLINE_POINTS:
                break
            if signal not in outline:
                outline.append(signal)
    sources = [f"{c.source} › {c.heading}" for c in planned.citations]
    if not sources and store is not None:
        try:
            sources = [f"{c.source} › {c.heading}" for c in map(hit_to_citation, store.search(planned.text, k=2))]
        except Exception:  # noqa: BLE001 - the outline stands without its citations
            sources = []
    main = next((t for t in turns if t.kind == "question"), None)
    evaluation = main.evaluation if main is not None else None
    return QuestionReport(
        index=index,
        question=main.question if main is not None else planned.text,
        competency=planned.competency,
        source=planned.source,
        score=score,
        follow_ups=sum(1 for t in turns if t.kind == "follow_up"),
        strengths=list(evaluation.strengths[:2]) if evaluation else [],
        improvements=evaluation.advice()[:2] if evaluation else [],
        red_flags=[f for t in turns if t.evaluation is not None for f in t.evaluation.red_flags],
        strong_answer_outline=outline[:OUTLINE_POINTS],
        sources=sources,
    )


def _narrative(report: Report, session: InterviewSession, knowledge: RoleKnowledge, llm: LLMClient) -> str | None:
    scores = "\n".join(f"- {c.name}: {c.score:.1f}/5 over {c.answers} answer(s)" for c in report.competencies)
    summary = "\n".join(
        f"Q{q.index + 1} ({q.competency}): {q.score if q.score is not None else 'unanswered'}"
        for q in report.questions
    )
    knowledge_text = "\n".join(
        f"{c.name}: {knowledge.competency(c.competency).levels[4]}"
        for c in report.competencies
        if c.competency in _ids(knowledge)
    )
    try:
        text = llm.text(
            "final_report",
            {
                "role_title": knowledge.profile.title,
                "scores": scores,
                "transcript_summary": (session.history_summary + "\n" + summary).strip(),
                "knowledge": knowledge_text,
            },
        )
    except LLMError:
        return None
    return text.strip() or None


def to_markdown(report: Report) -> str:
    """A report a candidate can keep: plain Markdown, no HTML."""
    lines = [f"# Mock interview report: {report.role_title}", ""]
    engine = "LLM interviewer" if report.engine == "llm" else "Offline coach (no LLM)"
    lines.append(
        f"Engine: {engine} · Mode: {report.mode} · Answered {report.answered_questions} of "
        f"{report.planned_questions} questions{'' if report.finished else ' (unfinished session)'}"
    )
    if report.fallback:
        lines.append("Some feedback came from the offline coach because the LLM was unavailable.")
    if report.scope:
        lines += ["", f"_{report.scope}_"]
    lines.append("")
    overall = f"{report.overall:.1f}/5" if report.overall is not None else "no answers scored"
    lines += [f"**Overall: {overall}**", ""]
    if report.narrative:
        lines += [report.narrative, ""]
    if report.competencies:
        lines += ["## Scores by competency", ""]
        lines += [f"- {c.name}: {c.score:.1f}/5 ({c.answers} answer{'s' if c.answers != 1 else ''})"
                  for c in report.competencies]
        lines.append("")
    for title, items in (("Strengths", report.strengths), ("Gaps", report.gaps), ("Next steps", report.next_steps)):
        if items:
            lines += [f"## {title}", "", *[f"- {item}" for item in items], ""]
    if report.questions:
        lines += ["## Question by question", ""]
    for q in report.questions:
        score = f"{q.score:.0f}/5" if q.score is not None else "not answered"
        probe = " (resume probe)" if q.source == "resume_probe" else ""
        lines += [f"### Q{q.index + 1}{probe}: {score}", "", q.question, ""]
        if q.follow_ups:
            lines.append(f"Follow-ups asked: {q.follow_ups}")
        if q.red_flags:
            lines += ["Red flags:", *[f'- {"(possible) " if f.certainty == "possible" else ""}{f.told()}'
                                      for f in q.red_flags]]
        if q.improvements:
            lines += ["What to improve:", *[f"- {i}" for i in q.improvements]]
        if q.strong_answer_outline:
            lines += ["A strong answer covers:", *[f"- {p}" for p in q.strong_answer_outline]]
        if q.sources:
            lines.append(f"Sources: {'; '.join(q.sources)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
