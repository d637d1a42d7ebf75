"""`assistant tailor FILE [--jd FILE] [--roles FILE] --out OUT.{md,docx,pdf} [--json]`: tailor a resume and export it.

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
from assistant.cli.resume import ROLES_HELP, container, load_job_description, load_resume
from assistant.errors import CoachError, InputError

if TYPE_CHECKING:
    from assistant.resume.models import Injection, Resume
    from assistant.resume.tailor import TailoredResume

_SUFFIXES = (".md", ".markdown", ".docx", ".pdf")


def _check_out_path(out: Path) -> None:
    if out.suffix.lower() not in _SUFFIXES:
        raise InputError(f"Cannot export to '{out.name}': use a file ending in .md, .docx or .pdf.")
    try:
        parent_ok, is_folder = out.parent.is_dir(), out.is_dir()
    except OSError as exc:  # pathlib still raises for a name too long
        raise InputError(f"Cannot write '{out.name}' in '{out.parent}': {exc.strerror or exc}.") from None
    if not parent_ok:
        raise InputError(f"The folder '{out.parent}' does not exist.")
    if is_folder:
        raise InputError(f"'{out}' is a folder: give the file to write, e.g. '{out / 'tailored.md'}'.")


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
    except OSError as exc:  # read-only folder, disk full, a name too long, a folder in the way
        raise InputError(f"Cannot write '{out.name}' in '{out.parent}': {exc.strerror or exc}.") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _print_human(result: TailoredResume, injection: Injection, out: Path) -> None:
    label = "LLM" if result.engine == "llm" else "offline coach (no LLM)"
    typer.echo(f"Engine: {label}")
    if result.fallback_reason:
        typer.echo(result.fallback_reason)
    if injection.detected:
        typer.echo(f"Warning: {len(injection.evidence)} hidden or instruction-like item(s) in the resume were left "
                   "out of tailoring (run `assistant review` to see them).")
    for change in result.changes:
        if change.kind == "question":
            continue
        # Why a change is not in the written file matters: the guard stopped it, or it only proposes new wording
        # for something the candidate wrote (their summary), which stays theirs.
        mark = ("applied" if change.accepted else "NOT applied: the guard found claims your resume does not support"
                if change.findings else "proposed only: your own wording is kept")
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
    stories: bool = typer.Option(False, "--stories", help="Add the bullets you accepted from your story bank."),
    roles: Path | None = typer.Option(None, "--roles", help=ROLES_HELP),
) -> None:
    """Tailor a resume toward the ML-director template; every change cites its source and passes the guard."""

    def action() -> None:
        settings = common.settings()
        _check_out_path(out)
        if out.exists() and file.exists() and out.resolve() == file.resolve():
            suggestion = out.with_name(f"{out.stem}-tailored{out.suffix}")
            raise InputError(f"--out is the resume being tailored; writing there would replace your original. "
                             f"Write to another file, e.g. --out '{suggestion}'.")
        # The shared loader removes hidden and instruction-like text before parsing, so it can never be tailored.
        loaded = load_resume(file, settings, roles)
        jd_text = load_job_description(jd, settings)
        resume = loaded.resume
        if stories:
            from assistant.cli.stories import with_accepted_bullets

            resume = with_accepted_bullets(resume, settings)
        result = container(settings).tailor_resume(resume, jd_text)
        write_checked(result.resume, out)
        if as_json:
            common.print_json({
                "tailored_resume": result.resume, "changes": result.changes,
                "questions_for_candidate": result.questions_for_candidate, "findings": result.findings,
                "engine": result.engine, "fallback_reason": result.fallback_reason, "injection": loaded.injection,
                "out": str(out),
            })
        else:
            _print_human(result, loaded.injection, out)

    common.run_guarded(action, as_json=as_json)
