"""What the interviewer remembers of the interview so far, at a flat cost per turn.

Prompts never carry the whole transcript: only a rolling summary of older turns plus the last few turns, each
answer clipped. The summary has a hard size cap, so prompt tokens at turn 20 are about those at turn 3. With an LLM
the summary is rewritten by the `history_summary` prompt; without one (or when the call fails) a compact,
deterministic summary is built from the evaluations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.interview.session import InterviewSession, Turn
from assistant.llm.errors import LLMError
from assistant.llm.safety import clean_untrusted, spotlight
from assistant.text.instructions import default_detector, redact

if TYPE_CHECKING:
    from assistant.llm.client import LLMClient

RECENT_TURNS = 2
ANSWER_CHARS = 500
SUMMARY_CHARS = 700
SUMMARISED_KEY = "summarised_turns"


@dataclass(frozen=True)
class HistoryWindow:
    """The slice of history a prompt carries."""

    summary: str
    recent: list[Turn]

    def render(self) -> str:
        """Summary plus the recent turns, the candidate's words spotlighted as untrusted data."""
        parts = [f"Summary of earlier turns: {self.summary or '(none yet)'}"]
        if self.recent:
            transcript = spotlight(render_turns(self.recent), "interview_transcript", redact=False)
            parts.append("Most recent turns:\n" + transcript)
        return "\n\n".join(parts)


def clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def render_turns(turns: Sequence[Turn]) -> str:
    lines: list[str] = []
    for t in turns:
        lines.append(f"Q{t.question_index + 1}{' follow-up' if t.kind == 'follow_up' else ''} [{t.competency}]: "
                     f"{clip(t.question, 300)}")
        answer = redact(clean_untrusted(t.answer or ""), default_detector())[0]  # instructions never reach a prompt
        lines.append(f"A: {clip(answer, ANSWER_CHARS) or '(no answer yet)'}")
        if t.evaluation is not None:
            gaps = ", ".join(t.evaluation.gaps) or "none"
            lines.append(f"Score: {t.evaluation.score}/5; gaps: {gaps}")
    return "\n".join(lines)


def window(session: InterviewSession, *, recent_turns: int = RECENT_TURNS) -> HistoryWindow:
    evaluated = [t for t in session.turns if t.evaluated]
    return HistoryWindow(summary=session.history_summary, recent=evaluated[-recent_turns:] if recent_turns else [])


def turns_to_summarise(session: InterviewSession, *, recent_turns: int = RECENT_TURNS) -> list[Turn]:
    """Evaluated turns that have left the window but are not in the summary yet."""
    evaluated = [t for t in session.turns if t.evaluated]
    done = int(session.totals.get(SUMMARISED_KEY, 0))
    upto = max(0, len(evaluated) - recent_turns)
    return evaluated[done:upto]


def offline_summary(previous: str, turns: Sequence[Turn], *, limit: int = SUMMARY_CHARS) -> str:
    """Append one line per turn (competency, score, gaps) and keep the newest lines within `limit` characters.

    Nothing the candidate said is paraphrased, so the summary cannot put words in their mouth.
    """
    lines = [line for line in previous.split("\n") if line.strip()]
    for t in turns:
        if t.evaluation is None:
            continue
        gaps = ", ".join(t.evaluation.gaps) or "no major gaps"
        label = "follow-up" if t.kind == "follow_up" else "question"
        lines.append(f"Q{t.question_index + 1} {label} on {t.competency}: {t.evaluation.score}/5 ({gaps}).")
    while lines and len("\n".join(lines)) > limit:
        lines.pop(0)
    return "\n".join(lines)


def update_summary(
    session: InterviewSession,
    *,
    llm: LLMClient | None = None,
    recent_turns: int = RECENT_TURNS,
) -> tuple[str, bool]:
    """Fold turns that left the window into `session.history_summary` (in place).

    Returns (summary, changed). The LLM summary is clipped to the same cap as the offline one, so a verbose model
    cannot make the prompt grow; on any LLM failure the offline summary is used.
    """
    pending = turns_to_summarise(session, recent_turns=recent_turns)
    if not pending:
        return session.history_summary, False
    summary: str | None = None
    if llm is not None:
        try:
            text = llm.text(
                "history_summary",
                {
                    "previous_summary": session.history_summary or "(none)",
                    "recent_turns": spotlight(render_turns(pending), "interview_transcript", redact=False),
                },
            )
            summary = clip(text, SUMMARY_CHARS)
        except LLMError:
            summary = None
    if summary is None:
        summary = offline_summary(session.history_summary, pending)
    session.history_summary = summary
    session.totals[SUMMARISED_KEY] = float(int(session.totals.get(SUMMARISED_KEY, 0)) + len(pending))
    return summary, True
