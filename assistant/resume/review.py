"""Review a parsed resume against the role (and an optional job description), offline and explainably.

Every number in the review comes from a signal a candidate can check and act on: which role keywords appear,
how many bullets carry a number or a team size, which rubric competencies the bullets resemble (embedding
similarity), whether an ATS can read the headings and contact details. The fit score is a weighted sum of those
signals, and its explanation lists the biggest gaps first, each phrased as something to do.

Text aimed at a model (visible injection lines, hidden text) never reaches these signals: `prepare_resume`
removes it before parsing, and `review_resume` drops any bullet that still reads like an instruction.
"""

from __future__ import annotations

import logging
import re
import time
from collections import Counter
from typing import TYPE_CHECKING, Literal

import numpy as np
from pydantic import BaseModel, Field

from assistant.knowledge.embeddings import Embedder, embed_cached
from assistant.knowledge.schema import RoleKnowledge
from assistant.llm.errors import LLMError
from assistant.resume.injection import sanitize, suspicious_reasons
from assistant.resume.llm_feedback import LLMFeedback
from assistant.resume.models import Contact, ExtractedText, Fit, Injection, Line, Resume, SetAside
from assistant.resume.parser import parse_resume
from assistant.text.plural import count_of, verb_for
from assistant.text.quantities import MONEY_SOURCE, has_quantity, states_reach, team_size
from assistant.text.stopwords import JOB_AD_WORDS, STOPWORDS
from assistant.text.tokens import mentioned, mentions
from assistant.text.weak import weak_opener

if TYPE_CHECKING:
    from assistant.llm.client import LLMClient

log = logging.getLogger(__name__)

STANDARD_SECTIONS = ("summary", "experience", "education", "skills", "projects", "publications", "certifications")
EMBED_CHARS = 200
COVERED_SIMILARITY = 0.40  # MiniLM cosine above which a bullet is clear evidence of a competency
# An amount of money (any currency `MONEY_SOURCE` reads: "$2M", "£3.2M", "EUR 40k") beside what it measured.
_BUDGET = re.compile(
    rf"(?:{MONEY_SOURCE})[^.;]{{0,40}}?\b(?:budget|spend|cost|p&l|revenue|savings?)\b"
    rf"|\b(?:budget|spend|p&l|cost)\b[^.;]{{0,40}}?(?:{MONEY_SOURCE})",
    re.IGNORECASE,
)
_ORG = re.compile(
    r"\b(?:manager of managers|managed (?:\w+ )?managers|(?:\d+|two|three|four|five|six|multiple|several) teams"
    r"|org(?:anization)?[- ]wide|across (?:the )?(?:company|org|organization)|director|head of|vp\b|vice president"
    r"|cross-functional)\b",
    re.IGNORECASE,
)
_LEADERSHIP_VERBS = re.compile(
    r"^(?:led|lead|managed|manage|hired|mentored|coached|grew|scaled|built (?:a|the) team|directed|founded|"
    r"established|oversaw|drove|owned|partnered|aligned|championed|spearheaded|headed|set up)\b",
    re.IGNORECASE,
)


class ContactSummary(BaseModel):
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    links: list[str] = Field(default_factory=list)
    location: str | None = None


class ExperienceItem(BaseModel):
    title: str | None
    company: str | None
    start: str | None
    end: str | None
    months: int | None = None
    bullets: list[str]


class BulletStats(BaseModel):
    total: int
    quantified: int
    with_team_size: int
    weak_verbs: int


class Keywords(BaseModel):
    present: list[str]
    missing: list[str]
    claim_only_if_true: list[str] = Field(
        description="Important role or job-description terms absent from the resume: add them only if true."
    )
    from_job_description: list[str] = Field(default_factory=list)


class BulletFeedback(BaseModel):
    line: int
    text: str
    has_metric: bool
    has_scope: bool
    leadership_signal: bool
    weak_verb: str | None = None
    competency: str | None = Field(None, description="The rubric competency this bullet is closest to.")
    suggestions: list[str] = Field(default_factory=list)


class CompetencyCoverage(BaseModel):
    id: str
    name: str
    similarity: float = Field(description="Best cosine similarity between a bullet and the competency (0..1).")
    covered: bool
    evidence: str | None = None
    evidence_line: int | None = None


class LeadershipScope(BaseModel):
    largest_team: int | None = None
    team_size_lines: list[int] = Field(default_factory=list)
    budget_mentions: list[str] = Field(default_factory=list)
    org_signals: list[str] = Field(default_factory=list)


class AtsCheck(BaseModel):
    name: str
    passed: bool
    detail: str


class FitComponent(BaseModel):
    name: str
    weight: int
    earned: float
    detail: str


class ParseReport(BaseModel):
    """How sure the reading of the resume is, so a user is never scored on what the parser missed."""

    confidence: Literal["high", "medium", "low"]
    fields: dict[str, float] = Field(default_factory=dict, description="Per-field confidence, 0..1.")
    problems: list[str] = Field(default_factory=list)
    message: str | None = Field(None, description="What to tell the user when the reading is unsure.")
    confirmed: bool = Field(False, description="True when the candidate confirmed or corrected the work history.")
    set_aside: list[SetAside] = Field(
        default_factory=list, description="Dated entries among the roles not counted as roles (career breaks, "
        "teaching posts, volunteering beside a career, memberships), and why: a candidate who counts one as a job "
        "adds it in the work-history form.")


# Each piece of advice ends with the one fix that works for every layout: stating the roles yourself
# (`assistant.resume.confirm`: the app's work-history form, `assistant review --roles`).
CONFIRM_ROLES = ("Or correct the roles yourself (\"Work history as read\" in the app, --roles on the command "
                 "line) and the review is computed again on them.")
UNREADABLE_FIX = (
    "To fix it: export the PDF again from your editor (a single-column layout reads best), or paste the text of "
    "your resume instead. " + CONFIRM_ROLES
)
# The same advice for text that was pasted (or read from a .txt/.md file): there is no PDF to export again.
UNREADABLE_TEXT_FIX = (
    "To fix it: give each role its own lines (title and employer, then its dates, then its bullets) under an "
    "Experience heading, or upload the PDF instead. " + CONFIRM_ROLES
)


def parse_report(resume: Resume, source: str = "pdf") -> ParseReport:
    """Turn the parser's per-field confidence into one level and, when unsure, a plain message whose advice fits
    the input (`source` "pdf" or "text")."""
    fields = dict(resume.confidence)
    experience = fields.get("experience", 0.9)
    level: Literal["high", "medium", "low"] = "high" if experience >= 0.7 else "medium" if experience >= 0.4 else "low"
    message = None
    if level == "low":
        roles = len(resume.experience)
        found = (f"It found {count_of(len(resume.sections), 'section')}"
                 + (f" ({', '.join(dict.fromkeys(s.name for s in resume.sections))})" if resume.sections else "")
                 + f" and {count_of(roles, 'role')}.")
        message = ("We could not read your work history with confidence"
                   + (f": {'; '.join(resume.reading_problems)}" if resume.reading_problems else "")
                   + ". This is a limit of the reader, not a verdict on your experience. " + found + " "
                   + (UNREADABLE_FIX if source == "pdf" else UNREADABLE_TEXT_FIX))
    return ParseReport(confidence=level, fields=fields, problems=list(resume.reading_problems), message=message,
                       confirmed=resume.confirmed_by_user, set_aside=list(resume.set_aside))


class ResumeReview(BaseModel):
    """The `assistant review --json` contract (PRODUCT.md) plus the detail the UI shows."""

    contact: ContactSummary
    sections: list[str]
    experience: list[ExperienceItem]
    years_experience: float | None
    bullets: BulletStats
    keywords: Keywords
    fit: Fit
    fit_components: list[FitComponent]
    injection: Injection
    issues: list[str]
    parse: ParseReport | None = Field(None, description="How sure the reading is (added; absent in old output).")
    engine: Literal["llm", "offline"] = "offline"
    fallback: bool = Field(False, description="True when an LLM was asked and failed, so the offline review is shown.")
    llm_feedback: LLMFeedback | None = Field(
        None, description="Written feedback from the LLM engine (validated); None from the offline coach."
    )
    bullet_feedback: list[BulletFeedback]
    competencies: list[CompetencyCoverage]
    leadership: LeadershipScope
    ats: list[AtsCheck]
    warnings: list[str] = Field(default_factory=list)
    elapsed_ms: float = 0.0


def prepare_resume(extracted: ExtractedText) -> tuple[Resume, Injection]:
    """Parse only what a reader can see and that is not addressed to a model; report the rest as `Injection`."""
    cleaned, injection = sanitize(extracted)
    return parse_resume(cleaned), injection


# --- text signals ----------------------------------------------------------------------------------------------


def has_metric(text: str) -> bool:
    """Whether a bullet states a number (the one definition: `assistant.text.quantities.has_quantity`)."""
    return has_quantity(text)


def weak_verb(text: str, weak_verbs: list[str]) -> str | None:
    return weak_opener(text, weak_verbs)


def job_description_terms(job_description: str, knowledge: RoleKnowledge, limit: int = 25) -> list[str]:
    """The job description's salient terms: role and rubric keywords it uses, then tool names and acronyms."""
    vocabulary = list(knowledge.all_keywords) + [k for c in knowledge.rubric.competencies for k in c.keywords]
    terms: list[str] = []
    for term in vocabulary:
        if term.lower() not in (t.lower() for t in terms) and mentions(job_description, term):
            terms.append(term)
    # Tool names and acronyms ("C++", "LLM", "GraphQL"), by frequency.
    tokens = re.findall(r"\b(?:[A-Z]{2,6}s?|[A-Z][a-z]+[A-Z]\w*|[A-Za-z]+\+\+)\b", job_description)
    counts = Counter(t for t in tokens if t.lower() not in STOPWORDS and t.lower() not in JOB_AD_WORDS)
    for token, _ in counts.most_common():
        if len(terms) >= limit:
            break
        if token.lower() not in (t.lower() for t in terms) and token not in ("US", "USA", "EEO", "OR", "AND"):
            terms.append(token)
    return terms[:limit]


# --- competencies ----------------------------------------------------------------------------------------------

_COMPETENCY_CACHE: dict[tuple[str, str], np.ndarray] = {}


def _competency_vectors(knowledge: RoleKnowledge, embedder: Embedder) -> np.ndarray:
    """Competency embeddings are role data, not user data: cached per (embedder, role content)."""
    texts = [
        f"{c.name}. {c.description} " + " ".join(c.signals[:4]) for c in knowledge.rubric.competencies
    ]
    key = (embedder.name, "\n".join(texts))
    if key not in _COMPETENCY_CACHE:
        _COMPETENCY_CACHE[key] = np.asarray(embedder.embed(texts))
    return _COMPETENCY_CACHE[key]


def _coverage(
    bullets: list[Line], knowledge: RoleKnowledge, embedder: Embedder
) -> tuple[list[CompetencyCoverage], list[str | None]]:
    competencies = knowledge.rubric.competencies
    if not bullets:
        return [CompetencyCoverage(id=c.id, name=c.name, similarity=0.0, covered=False) for c in competencies], []
    # The first ~200 characters carry a bullet's meaning; the tail of a long one costs embedding time for little.
    matrix = embed_cached(embedder, [b.text[:EMBED_CHARS] for b in bullets]) @ _competency_vectors(
        knowledge, embedder).T
    coverage = []
    for j, competency in enumerate(competencies):
        best = int(np.argmax(matrix[:, j]))
        similarity = float(max(0.0, matrix[best, j]))
        coverage.append(
            CompetencyCoverage(
                id=competency.id, name=competency.name, similarity=round(similarity, 3),
                covered=similarity >= COVERED_SIMILARITY, evidence=bullets[best].text,
                evidence_line=bullets[best].number,
            )
        )
    closest: list[str | None] = [
        competencies[int(np.argmax(row))].name if float(np.max(row)) >= COVERED_SIMILARITY else None
        for row in matrix
    ]
    return coverage, closest


# --- review ----------------------------------------------------------------------------------------------------


def _bullet_feedback(
    bullet: Line, knowledge: RoleKnowledge, competency: str | None, role_sized: bool = False
) -> BulletFeedback:
    text = bullet.text
    metric = has_metric(text)
    size = team_size(text)
    scope = states_reach(text) or _BUDGET.search(text) is not None or _ORG.search(text) is not None
    leadership = _LEADERSHIP_VERBS.search(text) is not None or size is not None
    weak = weak_verb(text, knowledge.template.weak_verbs)
    suggestions: list[str] = []
    asks = {p.theme: p.asks for p in knowledge.template.bullet_patterns}
    if weak:
        strong = ", ".join(knowledge.template.strong_verbs[:5])
        suggestions.append(f"Start with what you did, not '{weak}': a verb such as {strong}.")
    if not metric:
        suggestions.append("What changed, and by how much? Add the number (before and after, %, time, cost, users).")
    if leadership and size is None and not role_sized:
        suggestions.append(asks.get("leadership_scope", ["How many people did you lead?"])[0])
    elif not scope and not leadership:
        suggestions.append("Show the scope: how many people, teams, models or users did this touch?")
    return BulletFeedback(
        line=bullet.number, text=text, has_metric=metric, has_scope=scope, leadership_signal=leadership,
        weak_verb=weak, competency=competency, suggestions=suggestions,
    )


def _ats_checks(resume: Resume, pages: int, typical_length: str, source: str) -> list[AtsCheck]:
    """The format checks an applicant tracking system cares about. `source` is "pdf" or "text": a PDF's words are
    its selectable text and its pages are counted; pasted text has no text layer and only an estimated length."""
    names = [kind for s in resume.sections for kind in s.kinds]
    words = sum(len(line.text.split()) for line in resume.lines)
    nonstandard = [
        f"'{s.heading}' (reads as {s.name})" for s in resume.sections
        if s.name in STANDARD_SECTIONS and s.heading and s.heading.lower().replace(" ", "") not in (
            s.name, "work" + "experience", "professionalexperience", "technicalskills", "professionalsummary")
    ]
    missing = [n for n in ("experience", "education", "skills") if n not in names]
    contact = resume.contact
    contact_missing = [k for k, v in (("name", contact.name), ("email", contact.email), ("phone", contact.phone)) if not v]
    dated = sum(1 for job in resume.experience if job.start)
    return [
        AtsCheck(name="extractable text", passed=words >= 150,
                 detail=f"{count_of(words, 'word')} of {'selectable' if source == 'pdf' else 'plain'} text"
                 + ("" if words >= 150 else "; too little for a resume")),
        AtsCheck(
            name="standard headings", passed=not missing,
            detail=("Missing: " + ", ".join(missing) + ". " if missing else "Experience, Education and Skills found. ")
            + ("Unusual headings an ATS may not map: " + "; ".join(nonstandard[:4]) if nonstandard else ""),
        ),
        AtsCheck(name="length", passed=1 <= pages <= 3 and 300 <= words <= 1600,
                 detail=f"{'' if source == 'pdf' else 'about '}{count_of(pages, 'page')}, "
                 f"{count_of(words, 'word')}{_length_problem(pages, words)}; {typical_length}"),
        AtsCheck(name="contact info", passed=not contact_missing,
                 detail="Name, email and phone found" if not contact_missing
                 else "Not found: " + ", ".join(contact_missing)),
        AtsCheck(name="dated roles", passed=bool(resume.experience) and dated == len(resume.experience),
                 detail=f"{dated} of {count_of(len(resume.experience), 'role')} "
                 f"{verb_for(dated, 'has', 'have')} readable dates"),
    ]


def _length_problem(pages: int, words: int) -> str:
    """Which part of a length is off, so "2 pages, 286 words" beside "usually 2 pages" does not read as a pass."""
    if words < 300:
        return ": too few words"
    if words > 1600:
        return ": too many words"
    return ": too many pages" if pages > 3 else ""


def _level(score: int) -> int:
    return 1 if score < 25 else 2 if score < 45 else 3 if score < 65 else 4 if score < 82 else 5


def review_resume(
    resume: Resume,
    knowledge: RoleKnowledge,
    embedder: Embedder,
    job_description: str | None = None,
    extracted: ExtractedText | None = None,
    injection: Injection | None = None,
    *,
    llm: LLMClient | None = None,
) -> ResumeReview:
    """Review `resume` for the role in `knowledge`. The analysis is offline and deterministic for an embedder.

    Pass `extracted` (what intake returned) to report hidden and injected text; pass the resume from
    `prepare_resume(extracted)` so that text is already out of the analysis. With `llm`, the model adds written
    feedback (`llm_feedback`, engine "llm"); it never changes the score, and when it fails the offline review is
    returned with `fallback=True` and a note in `issues`.
    """
    started = time.perf_counter()
    server_down: LLMError | None = None
    if llm is not None:
        # The model's verified reading of the roles: it fills an unsure reading, and a confident one it contradicts
        # turns provisional (never overridden).
        from assistant.resume.llm_extract import SERVER_DOWN, refine_with_llm

        try:
            resume = refine_with_llm(resume, llm)
        except SERVER_DOWN as exc:
            server_down = exc
    bullets, injection = _bullets_to_analyse(resume, extracted, injection)
    text = "\n".join(line.text for line in resume.lines if not suspicious_reasons(line.text))
    keywords = _keyword_match(text, knowledge, job_description)

    # Bullets and competencies.
    coverage, closest = _coverage(bullets, knowledge, embedder)
    # A role whose bullets already say how many people it led is not asked again on each of its other bullets.
    in_sized_role = {b.number for job in resume.experience if any(team_size(x.text) for x in job.bullets)
                     for b in job.bullets}
    feedback = [
        _bullet_feedback(b, knowledge, closest[i] if i < len(closest) else None, role_sized=b.number in in_sized_role)
        for i, b in enumerate(bullets)
    ]
    total = len(feedback)
    quantified = sum(f.has_metric for f in feedback)
    sized = [(s, b.number) for b in bullets if (s := team_size(b.text)) is not None]
    weak_count = sum(1 for f in feedback if f.weak_verb)
    leadership = LeadershipScope(
        largest_team=max((s for s, _ in sized), default=None),
        team_size_lines=[n for _, n in sized],
        budget_mentions=[m.group(0)[:80] for b in bullets for m in [_BUDGET.search(b.text)] if m],
        org_signals=sorted({m.group(0).lower() for b in bullets for m in _ORG.finditer(b.text)})[:10],
    )
    pages = extracted.pages if extracted is not None else max(1, len(text) // 3500 + 1)
    source = extracted.source if extracted is not None else "text"
    ats = _ats_checks(resume, pages, knowledge.template.expectations.length, source)
    stats = BulletStats(total=total, quantified=quantified, with_team_size=len(sized), weak_verbs=weak_count)

    components = _fit_components(keywords, coverage, stats, leadership, resume.years_experience or 0.0, ats,
                                 knowledge)
    score = max(0, min(100, int(round(sum(c.earned for c in components)))))
    explanation = _fit_explanation(score, components, keywords, coverage, stats, leadership, resume, ats, knowledge)

    report = parse_report(resume, source)
    unreadable = not resume.experience and report.confidence == "low"
    if unreadable:
        explanation = report.message or ""
    elif report.confidence == "low":
        explanation = explanation.replace(f"Fit {score}/100", f"Fit {score}/100 (provisional: the reading was unsure)", 1)

    issues: list[str] = []
    if report.message:
        issues.append(report.message)
    if injection.detected:
        issues.append(
            "Hidden or instruction-like text was found and left out of the review: "
            + str(len(injection.evidence)) + " item(s)."
        )
    issues += [f"{c.name}: {c.detail}" for c in ats if not c.passed]
    if weak_count:
        issues.append(f"{weak_count} bullet(s) start with a weak verb ({', '.join(sorted({f.weak_verb or '' for f in feedback if f.weak_verb}))})")
    if total == 0 and report.confidence != "low":
        issues.append("No bullets were found under Experience: list what you did in each role as bullets.")

    contact: Contact = resume.contact
    review = ResumeReview(
        contact=ContactSummary(**contact.model_dump()),
        sections=list(dict.fromkeys(kind for s in resume.sections for kind in s.kinds)),
        experience=[
            ExperienceItem(
                title=j.title, company=j.company, start=j.start, end=j.end, months=j.months,
                bullets=[b.text for b in j.bullets if not suspicious_reasons(b.text)],
            )
            for j in resume.experience
        ],
        years_experience=resume.years_experience,
        bullets=stats,
        keywords=keywords,
        fit=Fit(score=None, level=None, explanation=explanation, reason=report.message) if unreadable else Fit(
            score=score, level=_level(score), explanation=explanation, provisional=report.confidence == "low"),
        parse=report,
        fit_components=components,
        injection=injection,
        issues=issues,
        engine="offline",
        bullet_feedback=feedback,
        competencies=coverage,
        leadership=leadership,
        ats=ats,
        warnings=list(extracted.warnings) if extracted is not None else [],
    )
    if llm is not None:
        review = _with_llm_feedback(review, resume, knowledge, job_description, llm, server_down)
    review.elapsed_ms = round((time.perf_counter() - started) * 1000, 1)
    return review


def _bullets_to_analyse(resume: Resume, extracted: ExtractedText | None, injection: Injection | None
                        ) -> tuple[list[Line], Injection]:
    """The role bullets the review may count, and the injection report with any bullet that addresses a model
    added. Defence in depth: such a bullet never counts, even if the caller parsed raw text."""
    if injection is None:
        injection = sanitize(extracted)[1] if extracted is not None else Injection()
    evidence = list(injection.evidence)
    bullets: list[Line] = []
    for job in resume.experience:
        for bullet in job.bullets:
            reasons = suspicious_reasons(bullet.text)
            if reasons:
                if not any(f"line {bullet.number}:" in e for e in evidence):
                    evidence.append(f"line {bullet.number}: {bullet.text[:160]} [{', '.join(reasons)}]")
                continue
            bullets.append(bullet)
    return bullets, Injection(detected=bool(evidence), evidence=evidence)


def _keyword_match(text: str, knowledge: RoleKnowledge, job_description: str | None) -> Keywords:
    """The role's terms (and a job description's) the resume uses and lacks; the important missing ones (the
    description's, else the rubric's and the template's priorities) are to be claimed only where true."""
    role_terms = knowledge.all_keywords
    jd_terms = job_description_terms(job_description, knowledge) if job_description else []
    wanted = list(dict.fromkeys(role_terms + [t for t in jd_terms if t not in role_terms]))
    present = mentioned(text, wanted)
    missing = [t for t in wanted if t not in present]
    core = {k.lower() for c in knowledge.rubric.competencies for k in c.keywords}
    important = {t.lower() for t in jd_terms} if jd_terms else core | {
        k.lower() for k in knowledge.template.priority_keywords}
    claim_only_if_true = [t for t in missing if t.lower() in important][:15]
    return Keywords(present=present, missing=missing, claim_only_if_true=claim_only_if_true,
                    from_job_description=jd_terms)


def _fit_components(keywords: Keywords, coverage: list[CompetencyCoverage], stats: BulletStats,
                    leadership: LeadershipScope, years: float, ats: list[AtsCheck], knowledge: RoleKnowledge
                    ) -> list[FitComponent]:
    """The fit score's parts, each with its weight (the template's), what it earned and why: weighted and
    explainable, so the review can say where the points were lost."""
    expect = knowledge.template.expectations
    weights = expect.fit_weights
    present, jd_terms = keywords.present, keywords.from_job_description
    wanted = len(present) + len(keywords.missing)
    keyword_ratio = len(present) / wanted if wanted else 0.0
    keyword_target = 0.5 if not jd_terms else 0.7  # nobody uses every role keyword; half is a strong match
    covered = [c for c in coverage if c.covered]
    mean_similarity = float(np.mean([c.similarity for c in coverage])) if coverage else 0.0
    total, quantified = stats.total, stats.quantified
    quant_ratio = quantified / total if total else 0.0
    scope_points = (0.5 if stats.with_team_size else 0.0) + (0.25 if leadership.budget_mentions else 0.0) + (
        0.25 if leadership.org_signals else 0.0)
    components = [
        FitComponent(
            name="keywords", weight=weights.keywords,
            earned=weights.keywords * min(1.0, keyword_ratio / keyword_target),
            detail=f"{len(present)} of {wanted} role{' and job-description' if jd_terms else ''} terms present",
        ),
        FitComponent(
            name="competency coverage", weight=weights.competency_coverage,
            earned=weights.competency_coverage * (
                0.6 * len(covered) / len(coverage) + 0.4 * min(1.0, mean_similarity / 0.45))
            if coverage else 0.0,
            detail=f"{len(covered)} of {len(coverage)} rubric competencies evidenced by a bullet",
        ),
        FitComponent(
            name="quantified impact", weight=weights.quantified_impact,
            earned=weights.quantified_impact * min(1.0, quant_ratio / 0.6),
            detail=f"{quantified} of {total} bullets have a number",
        ),
        FitComponent(
            name="leadership scope", weight=weights.leadership_scope, earned=weights.leadership_scope * scope_points,
            detail=f"{stats.with_team_size} of {total} bullets state a team size"
            + (f" (largest {leadership.largest_team})" if leadership.largest_team else "")
            + f"; budget {'stated' if leadership.budget_mentions else 'not stated'}",
        ),
        FitComponent(
            name="experience", weight=weights.experience, earned=weights.experience * min(1.0, years / expect.years),
            detail=f"{years:g} years in dated roles ({expect.years_typical})",
        ),
        FitComponent(
            name="ATS readiness", weight=weights.ats_readiness,
            earned=weights.ats_readiness * sum(c.passed for c in ats) / len(ats),
            detail=f"{sum(c.passed for c in ats)} of {len(ats)} ATS checks pass",
        ),
    ]
    for component in components:
        component.earned = round(component.earned, 1)
    return components


def _fit_explanation(score: int, components: list[FitComponent], keywords: Keywords,
                     coverage: list[CompetencyCoverage], stats: BulletStats, leadership: LeadershipScope,
                     resume: Resume, ats: list[AtsCheck], knowledge: RoleKnowledge) -> str:
    """"Fit N/100 for <role>." and the four changes worth the most points, biggest first."""
    actions: list[tuple[float, str]] = []
    lost = {c.name: c.weight - c.earned for c in components}
    total, quantified = stats.total, stats.quantified
    if lost["leadership scope"] > 0:
        actions.append((lost["leadership scope"],
                        f"Add team sizes: {stats.with_team_size} of {total} bullets state how many people you led"
                        + ("" if leadership.budget_mentions else ", and none states a budget you owned")))
    if lost["quantified impact"] > 0:
        actions.append((lost["quantified impact"],
                        f"Quantify outcomes: {quantified} of {total} bullets have a number (aim for most of them)"))
    if lost["keywords"] > 0 and keywords.missing:
        actions.append((lost["keywords"], "Use the role's terms where they are true: missing "
                        + ", ".join((keywords.claim_only_if_true or keywords.missing)[:6])))
    if lost["competency coverage"] > 0:
        weak_comps = [c.name for c in coverage if not c.covered]
        if weak_comps:
            actions.append((lost["competency coverage"],
                            "Show evidence for: " + "; ".join(weak_comps[:3])))
    expect = knowledge.template.expectations
    if lost["experience"] > 0 and resume.confidence.get("experience", 1.0) >= 0.5:
        # Advice about years only when the roles were read with confidence: never "you lack experience" because
        # the reader missed it.
        actions.append((lost["experience"],
                        experience_advice(resume, resume.years_experience or 0.0, expect.years_advice)))
    failed = [c for c in ats if not c.passed]
    if failed:
        actions.append((lost["ATS readiness"], "Fix ATS checks: " + "; ".join(f"{c.name} ({c.detail})" for c in failed[:2])))
    actions.sort(key=lambda a: -a[0])
    return (
        f"Fit {score}/100 for {knowledge.profile.title}. "
        + " ".join(f"{i + 1}. {text}." for i, (_, text) in enumerate(actions[:4]))
    ).strip()


def _with_llm_feedback(
    review: ResumeReview,
    resume: Resume,
    knowledge: RoleKnowledge,
    job_description: str | None,
    llm: LLMClient,
    server_down: LLMError | None = None,
) -> ResumeReview:
    """Add the model's written feedback; on any LLM failure (or `server_down`, met by an earlier call of this
    review) keep the offline review and say so."""
    from assistant.resume.llm_feedback import write_feedback

    try:
        if server_down is not None:
            raise server_down
        feedback = write_feedback(
            resume, knowledge, llm, keywords_present=review.keywords.present,
            claim_only_if_true=review.keywords.claim_only_if_true, job_description=job_description,
        )
    except LLMError as exc:
        log.warning("LLM resume feedback failed (%s); showing the offline review", exc.code)
        note = f"The LLM could not write feedback ({exc.message}); this is the offline coach's review."
        return review.model_copy(update={"engine": "offline", "fallback": True, "issues": [*review.issues, note]})
    return review.model_copy(update={"engine": "llm", "llm_feedback": feedback})


def experience_advice(resume: Resume, years: float, expectation: str = "roles like this usually ask for more") -> str:
    """Say why experience scored low in terms the candidate can act on: missing dates, internships only, or
    simply fewer years than director roles ask for."""
    dated = [j for j in resume.experience if j.start]
    if not dated:
        return "No role has dates the coach can read; write them as 'Jun 2021 – Present' beside each title"
    if not years:
        return ("Only internships carry dates, and they do not count as years of experience; list full-time roles "
                "with their dates")
    return f"Dated full-time roles add up to {years:g} years; {expectation}, so list every full-time role with its dates"
