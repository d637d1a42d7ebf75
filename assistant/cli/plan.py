"""`assistant plan`: the spaced-repetition practice plan (what is due today, what comes later)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from assistant.cli import common
from assistant.cli.app import app

if TYPE_CHECKING:
    from assistant.config import Settings
    from assistant.practice.plan import PracticePlan


def load_plan(cfg: Settings) -> PracticePlan:
    from assistant.knowledge.loader import load_role
    from assistant.practice.plan import plan_with_stories
    from assistant.storage import Database

    cfg.data_dir.mkdir(parents=True, exist_ok=True)
    return plan_with_stories(load_role(cfg.role_dir), Database.from_settings(cfg))


@app.command("plan")
def plan(as_json: bool = typer.Option(False, "--json", help="Print {today, due, upcoming} as JSON.")) -> None:
    """What to practise today: weak competencies come back sooner, strong ones later (spaced repetition)."""

    def body() -> None:
        result = load_plan(common.settings())
        if as_json:
            common.print_json(result)
            return
        typer.echo(f"Due today ({result.today:%Y-%m-%d}):")
        for item in result.due or []:
            story = "" if item.stories else "  (no story yet)"
            typer.echo(f"  - [{item.kind}] {item.name}: {item.reason}{story}")
        if not result.due:
            typer.echo("  nothing: well done.")
        typer.echo("\nLater:")
        for item in result.upcoming:
            typer.echo(f"  - {item.due:%Y-%m-%d} [{item.kind}] {item.name}: {item.reason}")
        if result.due:
            typer.echo("\nStart today's practice: `assistant interview --due`.")

    common.run_guarded(body, as_json=as_json)
