"""Written feedback on a resume from the LLM, on top of the offline review (never instead of it).

The offline review owns every number: the fit score, keyword counts and bullet statistics are computed before the
model is asked anything, and nothing the model returns changes them. The model adds prose a coach would write:
a note per section, feedback per bullet (with an optional rewrite suggestion), and an overall note.

Nothing the model says is trusted as given:
- the resume it sees is the sanitised one (hidden and instruction-like lines removed by `prepare_resume`), numbered
  `L<n>: text` and spotlighted as data;
- feedback about a line number the resume does not have (or a line that was removed) is dropped;
- every suggestion goes through the `FabricationGuard`: a suggestion that states a number, employer, title, skill
  or credential the resume does not contain is marked `needs_confirmation` and shown as a question for the
  candidate, never as a rewrite. Bracketed placeholders such as "[x%]" are the prompt's way of asking for a fact,
  so they are not claims and are ignored by the guard.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from assistant.resume.guard import FabricationGuard, Finding
from assistant.resume.model_view import lines_for_model, numbered_for_model

if TYPE_CHECKING:

    from assistant.knowledge.schema import ResumeTemplate, RoleKnowledge
    from assistant.llm.client import LLMClient
    from assistant.resume.models import Resume

log = logging.getLogger(__name__)

PROMPT = "resume_feedback"
_PLACEHOLDER = re.compile(r"\[[^\[\]]{0,40}\]")


# --- what the model is asked to return ---------------------------------------------------------------------------


class SectionNote(BaseModel):
    section: str = Field(
        description="The section the note is about, e.g. 'summary', 'experience', 'skills'.",
        json_schema_extra={"maxLength": 40},
    )
    feedback: str = Field(
        description="What this section should show for the role and what is missing.",
        json_schema_extra={"maxLength": 400},
    )


class BulletNote(BaseModel):
    line: int = Field(description="The line number N of the resume line 'LN: ...' this feedback is about.")
    feedback: str = Field(
        description="What is missing: a metric, the scope, a leadership signal or a stronger verb.",
        json_schema_extra={"maxLength": 300},
    )
    suggestion: str | None = Field(
        None,
        description="An optional rewrite of that line using only facts the resume states; write a missing fact as "
        "a placeholder in square brackets, e.g. '[x%]' or '[team size]'.",
    )


class ResumeFeedbackReply(BaseModel):
    """The structured output requested from the model (validated by `LLMClient.structured`)."""

    # Size limits are written into the schema only (see `llm_evaluator._bounded`): a grammar-constrained server
    # cannot ramble to max_tokens, and a model that ignores them is not rejected for it.
    sections: list[SectionNote] = Field(
        default_factory=list, description="One note per section worth commenting on.", json_schema_extra={"maxItems": 6}
    )
    bullets: list[BulletNote] = Field(
        default_factory=list, description="Feedback for the lines that need work.", json_schema_extra={"maxItems": 8}
    )
    overall: str = Field(
        "", description="Two or three sentences: the most important changes, grounded in the lines.",
        json_schema_extra={"maxLength": 600},
    )


# --- what the review carries -------------------------------------------------------------------------------------


class BulletLLMFeedback(BaseModel):
    line: int
    text: str = Field(description="The resume line the feedback is about, as the candidate wrote it.")
    feedback: str
    suggestion: str | None = None
    needs_confirmation: bool = Field(
        False,
        description="True when the suggestion states facts the resume does not contain: ask the candidate, do not "
        "present it as a rewrite.",
    )
    unsupported: list[Finding] = Field(default_factory=list)


class LLMFeedback(BaseModel):
    """The model's written feedback after validation (attached to `ResumeReview.llm_feedback`)."""

    model: str | None = None
    sections: list[SectionNote] = Field(default_factory=list)
    bullets: list[BulletLLMFeedback] = Field(default_factory=list)
    overall: str = ""
    dropped: int = Field(0, description="Feedback items dropped because they named a line the resume does not have.")


# --- prompt ------------------------------------------------------------------------------------------------------


def template_text(template: ResumeTemplate) -> str:
    """The role's resume template in the words a reviewer needs: order, patterns to look for, verbs to avoid."""
    lines = [f"Section order: {', '.join(template.section_order)}", f"Summary: {template.summary_pattern}"]
    lines += [f"- {p.theme}: {p.pattern} (e.g. {p.example})" for p in template.bullet_patterns]
    if template.strong_verbs:
        lines.append(f"Strong verbs: {', '.join(template.strong_verbs)}")
    if template.weak_verbs:
        lines.append(f"Weak openings to replace: {', '.join(template.weak_verbs)}")
    return "\n".join(lines)


def feedback_variables(
    resume: Resume,
    knowledge: RoleKnowledge,
    *,
    keywords_present: list[str],
    claim_only_if_true: list[str],
    job_description: str | None = None,
) -> dict[str, object]:
    """The variables of prompt `resume_feedback` (untrusted text spotlighted as data)."""
    from assistant.llm.safety import spotlight

    keywords = (
        f"Present: {', '.join(keywords_present) or 'none'}\n"
        f"Missing (claim only if true): {', '.join(claim_only_if_true) or 'none'}"
    )
    return {
        "role_title": knowledge.profile.title,
        "template": template_text(knowledge.template),
        "keywords": keywords,
        "job_description": spotlight(job_description, "job_description") if job_description else "(none given)",
        "resume": spotlight(numbered_for_model(resume), "resume"),
    }


# --- validation --------------------------------------------------------------------------------------------------


def validate_feedback(
    reply: ResumeFeedbackReply, resume: Resume, guard: FabricationGuard, model: str | None = None
) -> LLMFeedback:
    """Keep only feedback about real lines, and mark suggestions that add facts as needing the candidate."""
    by_number = {ln.number: ln for ln in lines_for_model(resume)}
    bullets: list[BulletLLMFeedback] = []
    dropped = 0
    for note in reply.bullets:
        source = by_number.get(note.line)
        feedback = note.feedback.strip()
        if source is None or not feedback:
            dropped += 1
            continue
        suggestion = (note.suggestion or "").strip() or None
        findings = guard.check(_PLACEHOLDER.sub(" ", suggestion)) if suggestion else []
        bullets.append(BulletLLMFeedback(
            line=source.number, text=source.text, feedback=feedback, suggestion=suggestion,
            needs_confirmation=bool(findings), unsupported=findings,
        ))
    if dropped:
        log.info("dropped %d LLM feedback item(s) about lines the resume does not have", dropped)
    sections = [
        SectionNote(section=s.section.strip().lower(), feedback=s.feedback.strip())
        for s in reply.sections if s.section.strip() and s.feedback.strip()
    ]
    return LLMFeedback(model=model, sections=sections, bullets=bullets, overall=reply.overall.strip(), dropped=dropped)


def write_feedback(
    resume: Resume,
    knowledge: RoleKnowledge,
    client: LLMClient,
    *,
    keywords_present: list[str],
    claim_only_if_true: list[str],
    job_description: str | None = None,
) -> LLMFeedback:
    """Ask the model for written feedback and validate it. Raises `LLMError` (the caller falls back)."""
    from assistant.resume.tailor import source_text

    variables = feedback_variables(
        resume, knowledge, keywords_present=keywords_present, claim_only_if_true=claim_only_if_true,
        job_description=job_description,
    )
    reply = client.structured(PROMPT, variables, ResumeFeedbackReply)
    guard = FabricationGuard.for_role(source_text(resume), knowledge.template)
    return validate_feedback(reply, resume, guard, model=client.model_name)
