"""With an LLM configured, a second reading of the roles (issue 10, item 5).

The layout reader owns the resume. The model sees the same sanitised, numbered lines as every other resume prompt
(no contact details, no injected lines), and nothing it says is taken on trust:

- every string it returns (title, employer, dates) must occur in the resume's own text, compared case- and
  space-insensitively, or that field is dropped; a role left with neither title nor employer, or with no date
  that parses, is dropped;
- it never overrides a role the layout reader found: a parsed role only gets a missing title or employer filled
  from the model's role with the same start date; the model's roles replace the reading only when the reader found
  none, or its reading is low-confidence;
- a confident reading is a second opinion's business too: on real files it has never seen, the reader presents
  about a third of its misreadings as sure (docs/benchmarks.md, the held-out parts), and nothing offline can tell
  those apart. So the model reads a confident history as well; where its verified roles tell a different history
  (`readings_disagree`: the number of roles apart by more than one, or the first year by more than two), the
  reading is marked low-confidence -- the fit provisional, the candidate asked to check the roles in the
  "Work history as read" form -- and the roles stay the reader's: which of the two is right is the candidate's
  call, not the model's. It costs one structured call per review;
- an unusable reply leaves the offline reading as it was; a server that cannot be used is the caller's to report.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from assistant.llm.errors import BudgetExceeded, LLMAuthError, LLMError, LLMTimeout, LLMUnavailable
from assistant.resume.model_view import lines_for_model, numbered_for_model

if TYPE_CHECKING:
    from assistant.llm.client import LLMClient
    from assistant.resume.models import Job, Resume

log = logging.getLogger(__name__)

PROMPT = "resume_extraction"
# Failures that say the server cannot be used now (down, hung, refusing the key, out of budget), not that this one
# reply was unusable.
SERVER_DOWN: tuple[type[LLMError], ...] = (LLMUnavailable, LLMTimeout, LLMAuthError, BudgetExceeded)
# Below this experience confidence the reading is "medium" or "low" (see review.parse_report): worth a second look.
ASK_BELOW = 0.7
# Below this the model's roles replace the reading instead of only filling gaps.
REPLACE_BELOW = 0.4
# A confident reading the model's verified roles contradict: low, so the review is provisional and asks to check.
CONTRADICTED = 0.35


class ProposedRole(BaseModel):
    line: int | None = Field(None, description="The line number N of the line 'LN: ...' holding the role's title.")
    title: str = Field("", description="The job title, copied exactly.", json_schema_extra={"maxLength": 120})
    employer: str = Field("", description="The employer, copied exactly.", json_schema_extra={"maxLength": 120})
    start: str = Field("", description="Start date as written.", json_schema_extra={"maxLength": 30})
    end: str = Field("", description="End date as written, or the word for 'present'.",
                     json_schema_extra={"maxLength": 30})


class ExtractionReply(BaseModel):
    """The structured output requested from the model."""

    roles: list[ProposedRole] = Field(default_factory=list, json_schema_extra={"maxItems": 25})


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _verified(value: str, source: str) -> str | None:
    """`value` if it occurs in the resume text (case and spacing aside), else None."""
    cleaned = re.sub(r"\s+", " ", value).strip(" ,;|-–")
    return cleaned if cleaned and _key(cleaned) in source else None


def verified_roles(reply: ExtractionReply, resume: Resume) -> tuple[list[Job], int]:
    """The model's roles with every field checked against the resume; and how many fields were dropped."""
    from assistant.resume.dates import date_text
    from assistant.resume.models import Job
    from assistant.resume.parser import bullets_between
    from assistant.resume.vocabulary import BARE_YEAR

    source = _key("\n".join(line.text for line in resume.lines))
    numbers = {line.number for line in lines_for_model(resume)}
    dropped = 0
    jobs: list[Job] = []
    lines_at: list[int | None] = []
    for role in reply.roles:
        title, employer = _verified(role.title, source), _verified(role.employer, source)
        start_raw, end_raw = _verified(role.start, source), _verified(role.end, source)
        dropped += sum(1 for raw, ok in ((role.title, title), (role.employer, employer), (role.start, start_raw),
                                         (role.end, end_raw)) if raw.strip() and ok is None)
        start = date_text(start_raw, is_end=False) if start_raw else None
        end = date_text(end_raw, is_end=True) if end_raw else None
        if not (title or employer) or start is None:
            continue
        year_only = any(BARE_YEAR.fullmatch(raw) for raw in (start_raw, end_raw) if raw)
        jobs.append(Job(title=title, company=employer, start=start, end=end, month_stated=not year_only))
        lines_at.append(role.line if role.line in numbers else None)
    # Bullets: the lines between a role's header line and the next role's, when the model cited real lines.
    for index, job in enumerate(jobs):
        first = lines_at[index]
        if first is None:
            continue
        later = [n for n in lines_at[index + 1:] if n is not None and n > first]
        jobs[index] = job.model_copy(update={"bullets": bullets_between(resume, first, min(later, default=None))})
    return jobs, dropped


def _fill_gaps(parsed: list[Job], proposed: list[Job]) -> list[Job]:
    """A parsed role missing its title or employer takes it from the proposed role with the same start."""
    out: list[Job] = []
    for job in parsed:
        match = next((p for p in proposed if p.start and p.start == job.start), None)
        if match is not None and (job.title is None or job.company is None):
            job = job.model_copy(update={"title": job.title or match.title, "company": job.company or match.company})
        out.append(job)
    return out


def refine_with_llm(resume: Resume, client: LLMClient) -> Resume:
    """The resume, with roles the model read filling what the layout reader could not, or a confident reading the
    model contradicts marked unsure; unchanged when the candidate confirmed the roles themselves, the model agrees,
    or its reply is unusable. A server that cannot be used at all (`SERVER_DOWN`) is raised, not swallowed, so the
    review falls back to the offline coach without waiting for a second failing call."""
    from assistant.llm.safety import spotlight
    from assistant.resume.dates import years_of_experience
    from assistant.resume.parser import readings_disagree

    if resume.confirmed_by_user:
        return resume
    confidence = resume.confidence.get("experience", 0.9)
    sure = confidence >= ASK_BELOW and bool(resume.experience)
    try:
        reply = client.structured(PROMPT, {"resume": spotlight(numbered_for_model(resume), "resume")},
                                  ExtractionReply)
    except SERVER_DOWN:
        raise  # the review's next call would only wait for the same server: the caller falls back at once
    except LLMError as exc:
        log.warning("LLM role extraction failed (%s); keeping the layout reading", exc.code)
        return resume
    proposed, dropped = verified_roles(reply, resume)
    if dropped:
        log.info("dropped %d LLM-proposed field(s) that the resume does not contain", dropped)
    if not proposed:
        return resume
    if sure:
        disagreement = readings_disagree(resume.experience, proposed, second="the language model")
        if disagreement is None:
            return resume
        low = CONTRADICTED
        return resume.model_copy(update={
            "confidence": {**resume.confidence, "experience": min(confidence, low),
                           "years": min(resume.confidence.get("years", low), low)},
            "reading_problems": [*resume.reading_problems, disagreement],
        })
    if resume.experience and confidence >= REPLACE_BELOW:
        jobs = _fill_gaps(resume.experience, proposed)
        note = None
    else:
        jobs = proposed
        note = "roles were read with the help of the language model (each checked against the resume's text)"
    fields = dict(resume.confidence)
    if note is not None:
        fields["experience"] = fields["years"] = 0.5
    return resume.model_copy(update={
        "experience": jobs, "years_experience": years_of_experience(jobs), "confidence": fields,
        "reading_problems": [*resume.reading_problems, *([note] if note else [])],
        # The model's roles replace the reader's: what the reader set aside is no longer what was left out.
        "set_aside": resume.set_aside if note is None else [],
    })
