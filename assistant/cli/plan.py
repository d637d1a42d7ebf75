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
    from assistant.practice.plan import build_plan
    from assistant.storage import Database
    from assistant.stories.store import StoryRepository

    cfg.data_dir.mkdir(parents=True, exist_ok=True)
    db = Database.from_settings(cfg)
    counts: dict[str, int] = {}
    for story in StoryRepository(db).list_stories():
        for competency in story.competencies:
            counts[competency] = counts.get(competency, 0) + 1
    return build_plan(load_role(cfg.role_dir), db, story_counts=counts)


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
