"""Tailoring a resume toward the ML-director template without adding a single unstated fact.

Every proposal is a `Change` the user accepts or rejects, linked to the source line(s) it came from:

- offline (always): sections put in the template's order; bullets within a job reordered to lead with leadership
  scope, platform impact and numbers; an executive summary written only from facts the candidate stated (title,
  stated years, stated team sizes, domains and tools named in the resume); weak bullets turned into questions for
  the candidate (the template's `asks`) instead of invented metrics.
- with an LLM: bullets rewritten by the model, each citing its source lines. Every rewritten line goes through the
  `FabricationGuard`; a change with any finding is flagged and not accepted unless the user accepts it. If the model
  fails, the offline result is returned with the reason, never a half-finished one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

from assistant.errors import CoachError
from assistant.knowledge.schema import BulletPattern, ResumeTemplate, RoleKnowledge
from assistant.resume.guard import FabricationGuard, Finding, skill_vocabulary
from assistant.resume.model_view import numbered_for_model
from assistant.resume.models import Job, Line, Resume, Section
from assistant.resume.vocabulary import EARLY_CAREER
from assistant.text.quantities import STATED_YEARS_RE, has_quantity, team_sizes
from assistant.text.tokens import mentioned, phrase_pattern
from assistant.text.weak import weak_opener

if TYPE_CHECKING:
    from assistant.llm.client import LLMClient

ChangeKind = Literal["reorder", "summary", "rewrite", "question"]
GENERATED_LINE = 0  # Line.number of text the tailoring wrote (it has no line in the source)

_SECTION_HEADINGS = {
    "summary": "Executive Summary", "experience": "Experience", "education": "Education", "skills": "Skills",
    "projects": "Projects", "publications": "Publications", "certifications": "Certifications",
    "awards": "Awards", "leadership": "Leadership", "volunteering": "Volunteering", "languages": "Languages",
    "interests": "Interests", "references": "References", "other": "Other",
}
_SECTION_ALIASES = {
    "executive_summary": "summary", "profile": "summary", "professional_summary": "summary",
    "work_experience": "experience", "professional_experience": "experience", "leadership_experience": "experience",
    "core_skills": "skills", "technical_skills": "skills", "key_skills": "skills", "core_competencies": "skills",
    "selected_projects": "projects", "patents": "publications", "publications_and_patents": "publications",
    "speaking": "publications", "certification": "certifications", "honors": "awards",
}

@functools.lru_cache(maxsize=64)
def _cue_re(cues: tuple[str, ...]) -> re.Pattern[str] | None:
    """A bullet pattern's cue words as one regex (None when it has none)."""
    return phrase_pattern(cues) if cues else None


def _matches(pattern: BulletPattern, text: str) -> bool:
    regex = _cue_re(tuple(pattern.cues))
    return regex is not None and regex.search(text) is not None


def _shows_scope(text: str, template: ResumeTemplate) -> bool:
    """The bullet speaks of leading people or an org (the template's scope theme)."""
    return _matches(template.scope_pattern, text)


class Change(BaseModel):
    """One proposed edit, traceable to its source lines, with what the guard found in it."""

    id: str
    section: str
    before: str
    after: str
    source_lines: list[int] = Field(default_factory=list)
    kind: ChangeKind
    findings: list[Finding] = Field(default_factory=list)
    accepted: bool = Field(description="Accepted by default: true only when the guard found nothing.")
    note: str = ""
    order: list[int] = Field(default_factory=list, description="For a bullet reorder: the new line-number order.")
    sections: list[str] = Field(default_factory=list, description="For a section reorder: the new order.")


class CandidateQuestion(BaseModel):
    """What to ask the candidate about a weak bullet instead of inventing a number or a scope."""

    source_line: int
    bullet: str
    theme: str
    questions: list[str]


class TailoredResume(BaseModel):
    """The tailoring result: the proposed changes, the questions, and the resume with the default choices applied."""

    original: Resume = Field(exclude=True)
    resume: Resume
    changes: list[Change]
    questions_for_candidate: list[CandidateQuestion]
    engine: Literal["llm", "offline"]
    fallback_reason: str | None = Field(None, description="Why the LLM was not used when one was configured.")

    @property
    def findings(self) -> list[Finding]:
        return [f for c in self.changes for f in c.findings]

    def apply(self, accepted_ids: Iterable[str] | None = None) -> Resume:
        """The resume with exactly the accepted changes applied (default: those accepted by default)."""
        ids = {c.id for c in self.changes if c.accepted} if accepted_ids is None else set(accepted_ids)
        return _apply(self.original, [c for c in self.changes if c.id in ids])


# --- LLM reply schema -------------------------------------------------------------------------------------------


class RewrittenBullet(BaseModel):
    source_lines: list[int] = Field(description="Line numbers (the L-numbers in the resume) this bullet rewrites.")
    text: str = Field(description="The rewritten bullet. Use only facts stated in those lines.")
    section: str | None = Field(None, description="The section the line belongs to.")
    reason: str = Field("", description="One line: why this rewrite fits the template.")


class TailoringReply(BaseModel):
    summary: str | None = Field(None, description="An executive summary using only facts stated in the resume.")
    summary_source_lines: list[int] = Field(default_factory=list)
    bullets: list[RewrittenBullet] = Field(default_factory=list)


# --- public entry point -----------------------------------------------------------------------------------------


def tailor_resume(
    resume: Resume,
    knowledge: RoleKnowledge,
    job_description: str | None = None,
    client: LLMClient | None = None,
) -> TailoredResume:
    """Propose changes toward the role's template; with `client`, also LLM rewrites checked by the guard."""
    template = knowledge.template
    guard = FabricationGuard.for_role(source_text(resume), template)
    changes: list[Change] = []
    section_change = _section_order_change(resume, template)
    if section_change:
        changes.append(section_change)
    changes.extend(_bullet_reorders(resume, template))
    questions = _questions_for_weak_bullets(resume, template)
    changes.extend(
        Change(id=f"question-{q.source_line}", section="experience", before=q.bullet, after=" ".join(q.questions),
               source_lines=[q.source_line], kind="question", accepted=False,
               note="A question for you, not an edit: answer it and add the facts yourself.")
        for q in questions
    )

    engine: Literal["llm", "offline"] = "offline"
    fallback_reason: str | None = None
    llm_changes: list[Change] = []
    if client is not None:
        try:
            llm_changes = _llm_rewrites(resume, knowledge, job_description, client, guard)
            engine = "llm"
        except CoachError as exc:
            fallback_reason = f"The LLM could not tailor the resume ({exc.message}); offline tailoring shown."
    if not any(c.kind == "summary" for c in llm_changes):
        summary = _offline_summary_change(resume, template, guard)
        if summary:
            changes.append(summary)
    changes.extend(llm_changes)
    result = TailoredResume(original=resume, resume=resume, changes=changes, questions_for_candidate=questions,
                            engine=engine, fallback_reason=fallback_reason)
    result.resume = result.apply()
    return result


def source_text(resume: Resume) -> str:
    """Everything the candidate wrote, as the guard's source of truth."""
    parts = [line.text for line in resume.lines]
    if not parts:
        parts = [line.text for s in resume.sections for line in s.lines]
        parts += [b.text for j in resume.experience for b in j.bullets]
        parts += [" ".join(filter(None, (j.title, j.company, j.location, j.start, j.end))) for j in resume.experience]
        parts += [" ".join(filter(None, (e.degree, e.institution, e.year))) for e in resume.education]
        parts += resume.skills
    return "\n".join(parts)


# --- section order ----------------------------------------------------------------------------------------------


def normalise_section_name(name: str) -> str:
    key = re.sub(r"[^a-z]+", "_", name.lower()).strip("_")
    return _SECTION_ALIASES.get(key, key)


def _target_order(resume: Resume, template: ResumeTemplate) -> list[str]:
    wanted = [normalise_section_name(n) for n in template.section_order]
    present: list[str] = [s.name for s in resume.sections]
    if resume.experience and "experience" not in present:
        present.append("experience")
    if "summary" not in present and "summary" in wanted:
        present.insert(0, "summary")  # the executive summary the tailoring writes
    ordered = [n for n in dict.fromkeys(wanted) if n in present]
    return ordered + [n for n in present if n not in ordered]


def _section_order_change(resume: Resume, template: ResumeTemplate) -> Change | None:
    before: list[str] = [s.name for s in resume.sections]
    after: list[str] = [n for n in _target_order(resume, template) if n in before]
    if after == before:
        return None
    return Change(id="section-order", section="all", before=" > ".join(before), after=" > ".join(after),
                  kind="reorder", accepted=True, sections=after,
                  note="Sections in the order a director's resume is read: summary, experience, then the rest.")


# --- bullets ----------------------------------------------------------------------------------------------------


def bullet_strength(text: str, template: ResumeTemplate) -> int:
    """Why a bullet should lead: leadership scope first, then platform impact, then numbers, then a strong verb."""
    score = sum(p.lead_weight for p in template.bullet_patterns if p.lead_weight and _matches(p, text))
    if has_quantity(text):
        score += 3
    first = text.strip().split(" ", 1)[0].lower() if text.strip() else ""
    if first in {v.lower() for v in template.strong_verbs}:
        score += 1
    if _weak_verb(text, template):
        score -= 2
    return score


def _weak_verb(text: str, template: ResumeTemplate) -> str | None:
    return weak_opener(text, template.weak_verbs)


def _bullet_reorders(resume: Resume, template: ResumeTemplate) -> list[Change]:
    changes = []
    for index, job in enumerate(resume.experience):
        ordered = sorted(job.bullets, key=lambda b: -bullet_strength(b.text, template))  # stable on ties
        if [b.number for b in ordered] == [b.number for b in job.bullets]:
            continue
        changes.append(Change(
            id=f"reorder-job-{index}", section="experience",
            before="\n".join(b.text for b in job.bullets), after="\n".join(b.text for b in ordered),
            source_lines=[b.number for b in job.bullets], kind="reorder", accepted=True,
            order=[b.number for b in ordered],
            note=f"{_job_label(job)}: lead with leadership scope, platform impact and quantified results.",
        ))
    return changes


def _job_label(job: Job) -> str:
    return " at ".join(p for p in (job.title, job.company) if p) or "A role"


def _theme_of(text: str, template: ResumeTemplate) -> BulletPattern:
    """The first theme whose cues the bullet uses, in the template's order with the scope theme last (its cues are
    the broadest); the scope theme when none matches."""
    scope = template.scope_pattern
    for pattern in [p for p in template.bullet_patterns if p is not scope] + [scope]:
        if _matches(pattern, text):
            return pattern
    return scope


_OUTCOME_ASK = "What changed because of this work, and by how much (before and after, %, time, cost, users)?"
# A title that says its holder led people, in the languages the reader knows ("Staff" and "Principal" lead work,
# not necessarily people: their bullets say so when they did).
_LEADS_PEOPLE = re.compile(
    r"\b(?:lead|leader|head|manager|director|chief|vp|vice president|founder|co-founder|supervisor|cto|ceo|cio"
    r"|leiter(?:in)?|gerente|jef[ea]|directeur|directrice|diretor(?:a)?|responsable|gestor(?:a)?)\b",
    re.IGNORECASE,
)


def _leads_people(job: Job, template: ResumeTemplate) -> bool:
    """Did the candidate lead people in this role, by its title or by what its bullets say?"""
    return bool(job.title and _LEADS_PEOPLE.search(job.title)) or any(
        _shows_scope(b.text, template) for b in job.bullets)


def _questions_for_weak_bullets(resume: Resume, template: ResumeTemplate) -> list[CandidateQuestion]:
    """A bullet with no number, or one that opens with a weak verb, gets the template's questions, never a guess.

    Internships and other roles held while training are left alone: a director's resume condenses them, and asking
    an intern's bullet how many engineers reported to them is advice no reader would give. For the same reason the
    questions about leading people go only to roles that led people."""
    questions = []
    scope = template.scope_pattern
    for job in resume.experience:
        if job.title and EARLY_CAREER.search(job.title):
            continue
        leads = _leads_people(job, template)
        # Asked once per role at most: a role whose bullets already say how many people it led has answered it.
        scope_stated = any(_shows_scope(b.text, template) for b in job.bullets)
        for bullet in job.bullets:
            weak = _weak_verb(bullet.text, template)
            if has_quantity(bullet.text) and not weak:
                continue
            pattern = _theme_of(bullet.text, template)
            if pattern is scope and not leads:
                # No theme of its own, in a role that led no one: how many reported to you is not the question.
                asks = [_OUTCOME_ASK]
            else:
                asks = list(pattern.asks)
                if leads and pattern is not scope and not scope_stated:
                    asks += [a for a in scope.asks if a not in asks][:1]
            if weak:
                asks.insert(0, f"What did you personally own or decide here (instead of \"{weak}\")?")
            questions.append(CandidateQuestion(source_line=bullet.number, bullet=bullet.text, theme=pattern.theme,
                                               questions=asks[:4]))
    return questions


# --- executive summary ------------------------------------------------------------------------------------------


def stated_facts(resume: Resume, template: ResumeTemplate) -> dict[str, str]:
    """Facts for the summary, each copied from what the candidate wrote; a fact not stated is absent."""
    facts: dict[str, str] = {}
    current = _current_job(resume)
    if current and current.title:
        facts["title"] = current.title.strip()
        if current.company:
            facts["company"] = current.company.strip()
    summary_lines = [ln.text for s in resume.sections if s.name == "summary" for ln in s.lines]
    for text in summary_lines + [ln.text for ln in resume.lines if "experience" in ln.text.lower()]:
        match = STATED_YEARS_RE.search(text)
        if match and 1 < int(match[1]) < 60:
            facts["years"] = match[1]
            break
    sizes = []
    for text in _all_texts(resume):
        if not _shows_scope(text, template):
            continue  # "worked with 40 engineers" is not leading them
        sizes += [size for size in team_sizes(text) if 1 < size < 10_000]
    if sizes:
        facts["team_size"] = str(max(sizes))
    lowered = " " + " ".join(_all_texts(resume)).lower() + " "
    domains = mentioned(lowered, template.domains)
    if domains:
        facts["domains"] = ", ".join(dict.fromkeys(domains[:4]))
    vocab = skill_vocabulary(template)
    skills = mentioned(lowered, [s for s in dict.fromkeys(vocab) if _tool_like(s) and s.lower() not in domains])
    if skills:
        facts["skills"] = ", ".join(skills[:6])
    return facts


def _tool_like(term: str) -> bool:
    """Tools and named platforms (capitals or digits), not generic keywords like "roadmap"."""
    return any(ch.isupper() or ch.isdigit() for ch in term)


def _all_texts(resume: Resume) -> list[str]:
    return [ln.text for ln in resume.lines] or source_text(resume).splitlines()


def _current_job(resume: Resume) -> Job | None:
    for job in resume.experience:
        if job.end and job.end.strip().lower() in {"present", "current", "now", "today"}:
            return job
    return resume.experience[0] if resume.experience else None


_PLACEHOLDER_RE = re.compile(r"\{\s*(\w+)\s*\}|\[\s*(\w[\w ]*)\s*\]|<\s*(\w[\w ]*)\s*>")
_PLACEHOLDER_ALIASES = {
    "title": "title", "role": "title", "current_title": "title", "job_title": "title",
    "years": "years", "years_experience": "years", "n_years": "years", "n": "years",
    "team_size": "team_size", "team": "team_size", "org_size": "team_size", "headcount": "team_size",
    "size": "team_size", "people": "team_size",
    "domains": "domains", "domain": "domains", "industry": "domains", "industries": "domains",
    "skills": "skills", "platforms": "skills", "tools": "skills", "stack": "skills", "technologies": "skills",
    "company": "company", "employer": "company",
}


def summary_from_pattern(pattern: str, facts: dict[str, str]) -> str | None:
    """Fill the template's summary pattern sentence by sentence, keeping only sentences whose every placeholder
    is a stated fact (a half-filled sentence would claim what the placeholder stood for)."""
    kept = []
    for sentence in re.split(r"(?<=[.!?])\s+", pattern.strip()):
        keys = [_placeholder_key(m) for m in _PLACEHOLDER_RE.finditer(sentence)]
        if not keys or any(k is None or k not in facts for k in keys):
            continue
        kept.append(_PLACEHOLDER_RE.sub(lambda m: facts[_placeholder_key(m) or ""], sentence))
    if not kept or "title" not in facts or facts["title"] not in kept[0]:
        return None
    text = " ".join(kept).strip()
    return text if text.endswith(".") else text + "."


def _placeholder_key(match: re.Match[str]) -> str | None:
    name = next(g for g in match.groups() if g)
    return _PLACEHOLDER_ALIASES.get(re.sub(r"\W+", "_", name.strip().lower()))


def compose_summary(facts: dict[str, str], pattern: str | None = None) -> str | None:
    """An executive summary from stated facts only; None when not even the title is known."""
    if "title" not in facts:
        return None
    if pattern:
        filled = summary_from_pattern(pattern, facts)
        if filled:
            return filled
    sentence = facts["title"]
    if "years" in facts:
        sentence += f" with {facts['years']}+ years of experience"
    if "team_size" in facts:
        sentence += f", leading teams of up to {facts['team_size']} people"
    parts = [sentence + "."]
    if "domains" in facts:
        parts.append(f"Domains: {facts['domains']}.")
    if "skills" in facts:
        parts.append(f"Platforms and tools: {facts['skills']}.")
    return " ".join(parts)


def _offline_summary_change(resume: Resume, template: ResumeTemplate, guard: FabricationGuard) -> Change | None:
    text = compose_summary(stated_facts(resume, template), template.summary_pattern)
    if not text:
        return None
    existing = [ln for s in resume.sections if s.name == "summary" for ln in s.lines]
    findings = guard.check(text)
    return Change(
        id="summary", section="summary", before="\n".join(ln.text for ln in existing), after=text,
        source_lines=[ln.number for ln in existing], kind="summary", findings=findings,
        # A summary the candidate wrote is theirs: we propose, they choose.
        accepted=not findings and not existing,
        note="Written only from facts your resume states; add outcomes yourself.",
    )


# --- LLM rewrites -----------------------------------------------------------------------------------------------


def _llm_rewrites(
    resume: Resume,
    knowledge: RoleKnowledge,
    job_description: str | None,
    client: LLMClient,
    guard: FabricationGuard,
) -> list[Change]:
    from assistant.llm.safety import spotlight

    variables = {
        "role_title": knowledge.profile.title,
        "template": _template_text(knowledge.template),
        "job_description": spotlight(job_description, "job_description") if job_description else "(none given)",
        "resume": spotlight(numbered_for_model(resume), "resume"),
    }
    reply: Any = client.structured("resume_tailoring", variables, TailoringReply)
    if not isinstance(reply, TailoringReply):
        reply = TailoringReply.model_validate(reply.model_dump() if isinstance(reply, BaseModel) else reply)

    by_number = {ln.number: ln for ln in (resume.lines or [ln for s in resume.sections for ln in s.lines])}
    for job in resume.experience:
        by_number.update({b.number: b for b in job.bullets})
    section_of = {ln.number: s.name for s in resume.sections for ln in s.lines}
    changes: list[Change] = []
    for index, bullet in enumerate(reply.bullets):
        text = bullet.text.strip()
        cited = [n for n in dict.fromkeys(bullet.source_lines) if n in by_number]
        before = "\n".join(by_number[n].text for n in cited)
        if not text or text == before:
            continue
        findings = _rewrite_findings(text, cited, by_number, guard, resume)
        changes.append(Change(
            id=f"rewrite-{index + 1}", section=section_of.get(cited[0], "experience") if cited else "experience",
            before=before, after=text, source_lines=cited, kind="rewrite", findings=findings,
            accepted=not findings,
            note="Flagged: review the findings before accepting." if findings else bullet.reason,
        ))
    if reply.summary and reply.summary.strip():
        text = reply.summary.strip()
        findings = guard.check(text)
        existing = [ln for s in resume.sections if s.name == "summary" for ln in s.lines]
        changes.append(Change(
            id="summary", section="summary", before="\n".join(ln.text for ln in existing), after=text,
            source_lines=[n for n in reply.summary_source_lines if n in by_number], kind="summary",
            findings=findings, accepted=not findings,
            note="Flagged: review the findings before accepting." if findings else "",
        ))
    return changes


def _rewrite_findings(text: str, cited: list[int], by_number: dict[int, Line], guard: FabricationGuard,
                      resume: Resume | None = None) -> list[Finding]:
    """Whole-resume check for names and skills; numbers, dates, units, role and scope words must match the cited
    lines themselves; a name may come from the cited lines' section but not from another one."""
    if not cited:
        return [Finding(kind="unlinked", token=text[:60], message="the rewrite cites no line of your resume")]
    cited_text = "\n".join(by_number[n].text for n in cited)
    same_section, other_sections = "", ""
    if resume is not None:
        # Where the cited lines live: their job (header and bullets) when they are a job's bullets, else their
        # section. A name from anywhere else (another job, the education line) is not this line's to claim.
        jobs = [j for j in resume.experience if any(b.number in cited for b in j.bullets)]
        if jobs:
            unit = {b.number for j in jobs for b in j.bullets}
            headers = [" ".join(filter(None, (j.title, j.company, j.location))) for j in jobs]
        else:
            names = {s.name for s in resume.sections for ln in s.lines if ln.number in cited}
            unit = {ln.number for s in resume.sections if s.name in names for ln in s.lines}
            headers = []
        all_lines = resume.lines or [ln for s in resume.sections for ln in s.lines]
        same_section = "\n".join([*headers, *(ln.text for ln in all_lines if ln.number in unit)])
        other_sections = "\n".join(ln.text for ln in all_lines if ln.number not in unit)
        other_sections += "\n" + "\n".join(" ".join(filter(None, (e.degree, e.institution))) for e in resume.education)
    return guard.check_rewrite(text, cited_text, same_section, other_sections)


def _template_text(template: ResumeTemplate) -> str:
    lines = [f"Section order: {', '.join(template.section_order)}", f"Summary pattern: {template.summary_pattern}"]
    lines += [f"- {p.theme}: {p.pattern} (e.g. {p.example})" for p in template.bullet_patterns]
    if template.strong_verbs:
        lines.append(f"Strong verbs: {', '.join(template.strong_verbs)}")
    return "\n".join(lines)


# --- applying changes -------------------------------------------------------------------------------------------


def _apply(original: Resume, accepted: list[Change]) -> Resume:
    resume = original.model_copy(deep=True)
    replacements: dict[int, str] = {}
    dropped: set[int] = set()
    for change in accepted:
        if change.kind == "rewrite" and change.source_lines:
            replacements[change.source_lines[0]] = change.after
            dropped |= set(change.source_lines[1:])  # a rewrite that merges bullets keeps one line

    def edit(lines: list[Line]) -> list[Line]:
        return [Line(number=ln.number, text=replacements.get(ln.number, ln.text))
                for ln in lines if ln.number not in dropped]

    for section in resume.sections:
        section.lines = edit(section.lines)
    for job in resume.experience:
        job.bullets = edit(job.bullets)

    for change in accepted:
        if change.kind == "reorder" and change.order and change.id.startswith("reorder-job-"):
            job = resume.experience[int(change.id.rsplit("-", 1)[1])]
            rank = {n: i for i, n in enumerate(change.order)}
            job.bullets.sort(key=lambda b: rank.get(b.number, len(rank)))
        elif change.kind == "summary":
            summary = Section(name="summary", heading=_SECTION_HEADINGS["summary"],
                              lines=[Line(number=GENERATED_LINE, text=change.after)])
            resume.sections = [s for s in resume.sections if s.name != "summary"]
            resume.sections.insert(0, summary)

    section_change = next((c for c in accepted if c.id == "section-order"), None)
    if section_change:
        section_rank: dict[str, int] = {n: i for i, n in enumerate(["summary", *section_change.sections])}
        resume.sections.sort(key=lambda s: section_rank.get(s.name, len(section_rank)))
    return resume


def section_heading(name: str) -> str:
    """The standard heading for a normalised section name (what exports print)."""
    return _SECTION_HEADINGS.get(name, name.replace("_", " ").title())
