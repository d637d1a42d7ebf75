"""`assistant doctor`: is everything in place? Each component OK, or the fix."""

from __future__ import annotations

import dataclasses

import typer

from assistant.cli.app import app
from assistant.cli.common import print_json, settings
from assistant.doctor import run_checks


@app.command()
def doctor(as_json: bool = typer.Option(False, "--json", help="Print the checks as JSON.")) -> None:
    """Check configuration, LLM reachability, embedding model, Chroma, database and prompt files."""
    checks = run_checks(settings())
    if as_json:
        print_json([dataclasses.asdict(c) for c in checks])
    else:
        for c in checks:
            mark = "OK  " if c.ok else "FAIL"
            typer.echo(f"{mark} {c.name:<14} {c.detail}")
            if not c.ok:
                typer.echo(f"     {'':<14} fix: {c.fix}")
    if not all(c.ok for c in checks):
        raise typer.Exit(1)
