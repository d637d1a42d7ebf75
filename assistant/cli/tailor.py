"""`assistant tailor FILE [--jd FILE] --out OUT.{md,docx,pdf} [--json]`: tailor a resume and export it.

The output file is written only when everything worked: it is exported to a temporary file beside OUT, re-read to
prove it round-trips to the same structure, and only then moved into place.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from assistant.cli import common
from assistant.cli.app import app
from assistant.config import Settings
from assistant.errors import CoachError, InputError

if TYPE_CHECKING:
    from assistant.llm.client import LLMClient
    from assistant.resume.models import Resume
    from assistant.resume.tailor import TailoredResume

_SUFFIXES = (".md", ".markdown", ".docx", ".pdf")


def load_resume_file(path: Path, settings: Settings) -> Resume:
    """Read and parse a resume file: PDF through the safe intake, .txt/.md as pasted text."""
    from assistant.resume.intake import read_pdf, read_text
    from assistant.resume.parser import parse_resume

    data = _read_bytes(path, settings)
    if path.suffix.lower() in (".txt", ".md", ".markdown") and not data.startswith(b"%PDF"):
        try:
            extracted = read_text(data.decode("utf-8"), settings)
        except UnicodeDecodeError:
            raise InputError(f"'{path.name}' is not UTF-8 text.", code="invalid_input") from None
    else:
        extracted = read_pdf(data, settings)
    return parse_resume(extracted)


def read_job_description(path: Path | None, settings: Settings) -> str | None:
    if path is None:
        return None
    from assistant.resume.intake import read_pdf, read_text

    data = _read_bytes(path, settings)
    if data.startswith(b"%PDF"):
        return read_pdf(data, settings).text
    try:
        return read_text(data.decode("utf-8"), settings).text
    except UnicodeDecodeError:
        raise InputError(f"The job description '{path.name}' is not UTF-8 text or a PDF.") from None


def _read_bytes(path: Path, settings: Settings) -> bytes:
    if not path.is_file():
        raise InputError(f"File not found: {path}", code="invalid_input")
    if path.stat().st_size > settings.max_upload_mb * 1024 * 1024:
        raise InputError(f"'{path.name}' is larger than {settings.max_upload_mb} MB.", code="too_large")
    data = path.read_bytes()
    if not data.strip():
        raise InputError(f"'{path.name}' is empty.", code="empty_file")
    return data


def _llm_client(settings: Settings) -> LLMClient | None:
    """An LLM client when the engine resolves to an LLM; None means the offline coach."""
    from assistant.llm.factory import build_chat_model, resolve_engine

    if resolve_engine(settings).kind != "llm":
        return None
    from assistant.llm.client import LLMClient
    from assistant.llm.usage import UsageMeter
    from assistant.prompting import PromptLibrary

    return LLMClient(build_chat_model(settings), UsageMeter(settings.session_token_budget),
                     max_retries=settings.llm_max_retries, prompts=PromptLibrary.from_settings(settings))


def _check_out_path(out: Path) -> None:
    if out.suffix.lower() not in _SUFFIXES:
        raise InputError(f"Cannot export to '{out.name}': use a file ending in .md, .docx or .pdf.")
    if not out.parent.is_dir():
        raise InputError(f"The folder '{out.parent}' does not exist.")


def write_checked(resume: Resume, out: Path) -> None:
    """Export to a temporary file, prove the round trip, then move it to `out` (never a half-written file)."""
    from assistant.resume.export import export, round_trip_problems

    tmp = out.with_name(f".{out.stem}.tmp{os.getpid()}{out.suffix}")
    try:
        export(resume, tmp)
        problems = round_trip_problems(resume, tmp)
        if problems:
            raise CoachError("The exported file did not read back the same: " + "; ".join(problems),
                             code="export_mismatch")
        os.replace(tmp, out)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _print_human(result: TailoredResume, out: Path) -> None:
    label = "LLM" if result.engine == "llm" else "offline coach (no LLM)"
    typer.echo(f"Engine: {label}")
    if result.fallback_reason:
        typer.echo(result.fallback_reason)
    for change in result.changes:
        if change.kind == "question":
            continue
        mark = "accepted" if change.accepted else "NOT accepted"
        lines = ", ".join(f"L{n}" for n in change.source_lines) or "generated"
        typer.echo(f"\n[{change.id}] {change.kind} in {change.section} ({mark}; source {lines})")
        if change.note:
            typer.echo(f"  {change.note}")
        if change.kind == "rewrite" or change.kind == "summary":
            if change.before:
                typer.echo(f"  before: {change.before}")
            typer.echo(f"  after:  {change.after}")
        for finding in change.findings:
            typer.echo(f"  ! unsupported {finding.kind}: {finding.token!r} ({finding.message})")
    if result.questions_for_candidate:
        typer.echo("\nQuestions for you (answer them and add the facts yourself; nothing was invented):")
        for q in result.questions_for_candidate:
            typer.echo(f"  L{q.source_line}: {q.bullet}")
            for ask in q.questions:
                typer.echo(f"    - {ask}")
    typer.echo(f"\nWrote {out}")


@app.command("tailor")
def tailor(
    file: Path = typer.Argument(..., help="Resume: a PDF, or a .txt/.md file of its text."),
    out: Path = typer.Option(..., "--out", "-o", help="Output file: .md, .docx or .pdf."),
    jd: Path | None = typer.Option(None, "--jd", help="Job description file (text or PDF) to tailor toward."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Tailor a resume toward the ML-director template; every change cites its source and passes the guard."""

    def action() -> None:
        from assistant.knowledge.loader import load_role
        from assistant.resume.tailor import tailor_resume

        settings = common.settings()
        _check_out_path(out)
        resume = load_resume_file(file, settings)
        jd_text = read_job_description(jd, settings)
        knowledge = load_role(settings.role_dir)
        result = tailor_resume(resume, knowledge, jd_text, client=_llm_client(settings))
        write_checked(result.resume, out)
        if as_json:
            common.print_json({
                "tailored_resume": result.resume, "changes": result.changes,
                "questions_for_candidate": result.questions_for_candidate, "findings": result.findings,
                "engine": result.engine, "fallback_reason": result.fallback_reason, "out": str(out),
            })
        else:
            _print_human(result, out)

    common.run_guarded(action, as_json=as_json)
