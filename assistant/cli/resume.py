"""`assistant review FILE [--jd FILE] [--roles FILE] [--json]`: review a resume against the role.

`load_resume` is the one way a command turns a resume file into structure: PDFs go through the safe intake,
.txt/.md through the pasted-text path, and text aimed at a model is removed before parsing (and reported).
`llm_client` is the one way a resume command decides its engine: the LLM when `resolve_engine` says so (the engine
is printed on stderr, as `assistant interview` does), else the offline coach.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from assistant.cli import common
from assistant.cli.app import app
from assistant.config import Settings
from assistant.errors import InputError, require_file
from assistant.text.plural import count_of

if TYPE_CHECKING:
    from assistant.resume.confirm import ConfirmedRole
    from assistant.resume.models import ExtractedText
    from assistant.resume.review import ResumeReview
    from assistant.services import ResumeIntake, Services

_TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
_ROLES_FILE_LIMIT = 256 * 1024  # a saved review with its bullets is a few KB


def _read_bytes(path: Path, settings: Settings) -> bytes:
    require_file(path, "The file")
    if path.stat().st_size > settings.max_upload_mb * 1024 * 1024:
        raise InputError(f"'{path.name}' is larger than {settings.max_upload_mb} MB (MAX_UPLOAD_MB).", code="too_large")
    return path.read_bytes()


def extract_file(path: Path, settings: Settings) -> ExtractedText:
    """A PDF through the sandboxed reader; a text file as pasted text. Raises `InputError` on bad input."""
    from assistant.resume.intake import read_pdf, read_text

    data = _read_bytes(path, settings)
    if path.suffix.lower() in _TEXT_SUFFIXES and not data.lstrip().startswith(b"%PDF"):
        if not data.strip():
            raise InputError(f"'{path.name}' is empty.", code="empty_file")
        try:
            return read_text(data.decode("utf-8"), settings)
        except UnicodeDecodeError:
            raise InputError(f"'{path.name}' is not UTF-8 text.", code="invalid_input") from None
    return read_pdf(data, settings)


ROLES_HELP = ("Your work history as you confirm it, when the reader got it wrong: a JSON list of {title, company, "
              "start, end}, or a saved `review --json` whose experience you edited.")


def load_resume(path: Path, settings: Settings, roles: Path | None = None) -> ResumeIntake:
    """Read, sanitise and parse a resume file (shared by `review` and `tailor`), as the app's intake does; with
    `roles`, the work history is the one the candidate confirmed (`assistant.resume.confirm`)."""
    from assistant.services import resume_intake, with_confirmed_roles

    intake = resume_intake(extract_file(path, settings))
    return intake if roles is None else with_confirmed_roles(intake, load_roles(roles))


def load_job_description(path: Path | None, settings: Settings) -> str | None:
    return None if path is None else extract_file(path, settings).text


def container(settings: Settings) -> Services:
    """The one container for a resume command, with the engine named on stderr (JSON on stdout stays clean).
    Lazy: a resume command builds only the role knowledge, the embedder and the chat model, never the store."""
    from assistant.services import Services

    services = Services(settings)
    if services.uses_llm:
        common.stderr(f"Engine: {services.engine_label}")
    else:
        common.stderr(f"Engine: Offline coach (no LLM) - {services.engine.reason}")
    return services


def load_roles(path: Path) -> list[ConfirmedRole]:
    """The work history a candidate confirmed, from a JSON file (`assistant.resume.confirm.roles_from_json`)."""
    from assistant.resume.confirm import roles_from_json

    require_file(path, "The roles file")
    if path.stat().st_size > _ROLES_FILE_LIMIT:
        raise InputError(f"The roles file '{path.name}' is larger than {_ROLES_FILE_LIMIT // 1024} KB.",
                         code="too_large")
    try:
        return roles_from_json(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError(f"'{path.name}' is not UTF-8 text.") from None


def run_review(path: Path, jd: Path | None, settings: Settings, roles: Path | None = None) -> ResumeReview:
    # Read every input before deciding the engine, so bad input fails fast and never reaches a model.
    intake = load_resume(path, settings, roles)
    job_description = load_job_description(jd, settings)
    return container(settings).review_resume(intake, job_description)


def render_review(review: ResumeReview) -> str:
    """A readable summary for the terminal (contact details are the user's own; shown as found/not found)."""
    c = review.contact
    lines = [
        (f"Fit: {review.fit.score}/100 (level {review.fit.level}/5)"
         + (" - provisional (the reading was unsure)" if review.fit.provisional else "")
         if review.fit.score is not None else "Fit: no score (the resume could not be read with confidence)")
        + f" - {review.engine} coach",
        review.fit.explanation,
        "",
        f"Contact: name {'found' if c.name else 'NOT found'}, email {'found' if c.email else 'NOT found'}, "
        f"phone {'found' if c.phone else 'NOT found'}",
        "Sections: " + (", ".join(review.sections) or "none recognised"),
        f"Experience{' (as you confirmed it)' if review.parse is not None and review.parse.confirmed else ''}: "
        f"{count_of(len(review.experience), 'role')}, {review.years_experience or 0:g} years; "
        f"bullets {review.bullets.total}, quantified {review.bullets.quantified}, "
        f"with team size {review.bullets.with_team_size}",
    ]
    for job in review.experience[:8]:
        lines.append(f"  - {job.title or '?'} | {job.company or '?'} | {job.start or '?'} - {job.end or '?'}")
    if review.parse is not None and review.parse.set_aside:
        lines.append("Not counted as roles (state your roles with --roles if one was a job):")
        lines += [f"  - {item.entry} ({item.reason})" for item in review.parse.set_aside]
    lines += ["", "Competencies (best matching bullet):"]
    for comp in review.competencies:
        mark = "ok " if comp.covered else "gap"
        lines.append(f"  [{mark}] {comp.name} ({comp.similarity:.2f})")
    lines += [
        "",
        "Keywords present: " + (", ".join(review.keywords.present[:20]) or "none"),
        "Claim only if true: " + (", ".join(review.keywords.claim_only_if_true) or "none"),
        "",
        "ATS checks:",
    ]
    lines += [f"  [{'ok ' if a.passed else 'fix'}] {a.name}: {a.detail}" for a in review.ats]
    to_fix = [b for b in review.bullet_feedback if b.suggestions][:6]
    if to_fix:
        lines += ["", "Bullets to strengthen:"]
        for bullet in to_fix:
            lines.append(f"  line {bullet.line}: {bullet.text[:90]}")
            lines += [f"      -> {s}" for s in bullet.suggestions]
    if review.llm_feedback is not None:
        lines += _render_llm_feedback(review)
    if review.injection.detected:
        lines += ["", "WARNING: hidden or instruction-like text was found and ignored:"]
        lines += [f"  {e}" for e in review.injection.evidence[:10]]
    if review.issues:
        lines += ["", "Issues:"] + [f"  - {i}" for i in review.issues]
    return "\n".join(lines)


def _render_llm_feedback(review: ResumeReview) -> list[str]:
    feedback = review.llm_feedback
    if feedback is None:
        return []
    lines = ["", f"LLM feedback ({feedback.model or 'model'}):"]
    if feedback.overall:
        lines.append(f"  {feedback.overall}")
    lines += [f"  [{note.section}] {note.feedback}" for note in feedback.sections]
    for bullet in feedback.bullets:
        lines.append(f"  line {bullet.line}: {bullet.feedback}")
        if bullet.suggestion and bullet.needs_confirmation:
            tokens = ", ".join(f.token for f in bullet.unsupported)
            lines.append(f"      ? only if true (not in your resume: {tokens}): {bullet.suggestion}")
        elif bullet.suggestion:
            lines.append(f"      -> {bullet.suggestion}")
    return lines


@app.command("review")
def review_command(
    file: Path = typer.Argument(..., help="Resume: a PDF, or a .txt/.md file of pasted text."),
    jd: Path | None = typer.Option(None, "--jd", help="Job description: a text file or a PDF."),
    roles: Path | None = typer.Option(None, "--roles", help=ROLES_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object (see PRODUCT.md)."),
) -> None:
    """Review a resume against the role profile (and a job description): fit score, keywords, bullet feedback."""
    settings = common.settings()
    review = common.run_guarded(lambda: run_review(file, jd, settings, roles), as_json=as_json)
    if as_json:
        common.print_json(review)
    else:
        typer.echo(render_review(review))
