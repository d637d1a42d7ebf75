"""`assistant doctor`: is everything in place? Each component OK, or the fix."""

from __future__ import annotations

import dataclasses

import typer

from assistant.cli.app import app
from assistant.cli.common import EXIT_BAD_INPUT, print_json
from assistant.config import inspect_settings
from assistant.doctor import run_checks


@app.command()
def doctor(as_json: bool = typer.Option(False, "--json", help="Print the checks as JSON.")) -> None:
    """Check configuration, LLM reachability, embedding model, Chroma, database and prompt files.

    Exit status: 0 all OK, 1 a check failed, 2 a setting is invalid (every invalid one is listed, and the other
    checks still run).
    """
    current, problems = inspect_settings()  # never refuses: the doctor must run to say what is wrong
    checks = run_checks(current, setting_problems=problems)
    if as_json:
        print_json([dataclasses.asdict(c) for c in checks])
    else:
        for c in checks:
            mark = "OK  " if c.ok else "FAIL"
            detail = c.detail.replace("\n", "\n     " + " " * 15)  # continuation lines under the first
            typer.echo(f"{mark} {c.name:<14} {detail}")
            if not c.ok:
                typer.echo(f"     {'':<14} fix: {c.fix}")
    if problems or any(c.name == "configuration" and not c.ok for c in checks):
        raise typer.Exit(EXIT_BAD_INPUT)
    if not all(c.ok for c in checks):
        raise typer.Exit(1)
