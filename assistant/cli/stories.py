"""`assistant stories list|show|add|edit|bullets|coverage`: the story bank from the terminal (and as JSON)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from assistant.cli import common
from assistant.cli.app import app
from assistant.errors import InputError
from assistant.limits import check_answer

if TYPE_CHECKING:
    from assistant.config import Settings
    from assistant.interview.session import Turn
    from assistant.resume.models import Resume
    from assistant.stories.bank import StoryBank
    from assistant.stories.models import Story, StoryBullet, StoryHint

stories_app = typer.Typer(help="Your story bank: strong answers kept as STAR+Reflection stories.",
                          no_args_is_help=True)
app.add_typer(stories_app, name="stories")


def open_bank(cfg: Settings, *, with_llm: bool = False) -> StoryBank:
    """The story bank without the vector store: the database, the role knowledge and the embedding model (and the
    LLM when one is configured and the command generates text)."""
    from assistant.knowledge.embeddings import get_embedder
    from assistant.knowledge.loader import load_role
    from assistant.storage import Database
    from assistant.stories.bank import StoryBank

    llm = None
    if with_llm:
        from assistant.services import Services

        llm = Services(cfg).new_llm_client()
    cfg.data_dir.mkdir(parents=True, exist_ok=True)
    return StoryBank(Database.from_settings(cfg), load_role(cfg.role_dir), get_embedder(cfg), llm=llm)


def _story_lines(story: Story) -> list[str]:
    lines = [f"{story.title}  [{story.id[:8]}]",
             f"  question: {story.question}",
             f"  competencies: {', '.join(story.competencies)}   score: {story.score or '-'}/5   "
             f"from: {story.source}" + (f" (session {story.session_id[:8]}, turn {story.turn_index})"
                                        if story.session_id else "")]
    for name in ("situation", "task", "action", "result", "reflection"):
        quote = story.field(name)
        lines.append(f"  {name:<10} " + (f"\u201c{quote.text}\u201d" if quote else "(not in the answer)"))
    return lines


def _bullet_lines(bullets: list[StoryBullet]) -> list[str]:
    lines = []
    for b in bullets:
        mark = "accepted" if b.accepted else ("FLAGGED" if b.findings else "proposed")
        lines.append(f"- [{b.id[:8]}] ({mark}) {b.text}")
        lines += [f"    from: \u201c{q.text}\u201d" for q in b.provenance]
        lines += [f"    ! unsupported {f.kind}: {f.token!r} ({f.message})" for f in b.findings]
    return lines


@stories_app.command("list")
def list_stories(
    competency: str | None = typer.Option(None, "--competency", help="Only stories tagged with this competency."),
    as_json: bool = typer.Option(False, "--json", help="Print {stories, created} as JSON."),
) -> None:
    """Your stories, newest first. Strong interview answers (4+) not yet in the bank are added first."""

    def body() -> None:
        bank = open_bank(common.settings())
        created = bank.harvest_session()
        stories = bank.list_stories(competency)
        if as_json:
            common.print_json({"stories": stories, "created": [s.id for s in created]})
            return
        if created:
            typer.echo(f"{len(created)} new story(ies) from your strong interview answers.\n")
        if not stories:
            typer.echo("No stories yet: an interview answer scoring 4+ becomes one, or save an answer with "
                       "`assistant stories add --question Q --answer TEXT`.")
        for story in stories:
            typer.echo(f"{story.id[:8]}  {story.score or '-'}/5  {', '.join(story.competencies):<40} {story.title}")

    common.run_guarded(body, as_json=as_json)


@stories_app.command("show")
def show(story_id: str = typer.Argument(..., help="Story id (or its first 8 characters)."),
         as_json: bool = typer.Option(False, "--json")) -> None:
    """One story: its quotes, competencies, transcript link and bullets."""

    def body() -> None:
        bank = open_bank(common.settings())
        story = bank.get(story_id)
        bullets = bank.repo.bullets(story.id)
        if as_json:
            common.print_json({"story": story, "bullets": bullets, "missing": story.missing})
            return
        typer.echo("\n".join(_story_lines(story)))
        if bullets:
            typer.echo("\nBullets:\n" + "\n".join(_bullet_lines(bullets)))

    common.run_guarded(body, as_json=as_json)


@stories_app.command("add")
def add(
    question: str = typer.Option(..., "--question", "-q", help="The question the answer responds to."),
    answer: str = typer.Option(..., "--answer", "-a", help="Your answer (the story's only source)."),
    competency: str | None = typer.Option(None, "--competency", help="Competency id (default: inferred)."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Save an answer as a story, whatever its score: each field is a quote of the answer."""

    def body() -> None:
        cfg = common.settings()
        check_answer(answer, cfg)  # before the bank (and its models) is opened
        story = open_bank(cfg, with_llm=True).add_answer(question, answer, competency=competency)
        if as_json:
            common.print_json({"story": story, "missing": story.missing})
        else:
            typer.echo("Saved:\n" + "\n".join(_story_lines(story)))

    common.run_guarded(body, as_json=as_json)


@stories_app.command("edit")
def edit(
    story_id: str = typer.Argument(...),
    title: str | None = typer.Option(None, "--title"),
    competency: list[str] = typer.Option([], "--competency", help="Replace the competency tags (repeatable)."),
    field: list[str] = typer.Option([], "--field", help="NAME=QUOTE, e.g. result='cost fell 22%' (repeatable)."),
    notes: str | None = typer.Option(None, "--notes"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Edit a story; every field must remain a quote of the answer."""

    def body() -> None:
        fields: dict[str, str] = {}
        for item in field:
            name, sep, value = item.partition("=")
            if not sep:
                raise InputError(f"--field takes NAME=QUOTE, got {item!r}.")
            fields[name.strip()] = value
        story = open_bank(common.settings()).edit(story_id, title=title, competencies=competency or None,
                                                  fields=fields or None, notes=notes)
        if as_json:
            common.print_json({"story": story})
        else:
            typer.echo("Saved:\n" + "\n".join(_story_lines(story)))

    common.run_guarded(body, as_json=as_json)


@stories_app.command("bullets")
def bullets(
    story_id: str = typer.Argument(...),
    accept: list[str] = typer.Option([], "--accept", help="Accept a proposed bullet by id (repeatable)."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Resume bullets from a story: every fact checked against the story, with the quotes it came from.
    Accepted bullets are added to your resume by `assistant tailor --stories`."""

    def body() -> None:
        from assistant.stories.bullets import propose_bullets

        bank = open_bank(common.settings(), with_llm=not accept)
        story = bank.get(story_id)
        if accept:
            known = {b.id: b for b in bank.repo.bullets(story.id)}
            for wanted in accept:
                match = [b for bid, b in known.items() if bid.startswith(wanted)] if len(wanted) >= 4 else []
                if len(match) != 1:
                    raise InputError(f"No proposed bullet {wanted!r} for this story (see `stories bullets ID`).",
                                     code="not_found")
                bank.repo.set_accepted(match[0].id, True)
            result = bank.repo.bullets(story.id)
        else:
            proposed = propose_bullets(story, bank.knowledge, llm=bank.llm)
            result = bank.repo.replace_bullets(story.id, proposed)
        if as_json:
            common.print_json({"story_id": story.id, "story_text": story.text, "bullets": result})
        else:
            typer.echo(f"Bullets from \u201c{story.title}\u201d:\n" + "\n".join(_bullet_lines(result)))
            if not accept:
                typer.echo("\nAccept one with `assistant stories bullets ID --accept BULLET_ID`.")

    common.run_guarded(body, as_json=as_json)


@stories_app.command("coverage")
def coverage(as_json: bool = typer.Option(False, "--json")) -> None:
    """Competencies x stories: which competencies have a prepared story and which have none."""

    def body() -> None:
        bank = open_bank(common.settings())
        bank.harvest_session()
        rows = bank.coverage()
        if as_json:
            common.print_json({"coverage": rows, "gaps": [r.competency for r in rows if not r.stories]})
            return
        for row in rows:
            titles = "; ".join(row.titles[:3]) if row.stories else "NO STORY YET"
            typer.echo(f"{row.name:<45} {len(row.stories):>2}  {titles}")

    common.run_guarded(body, as_json=as_json)


class InterviewStories:
    """What `assistant interview` does with the story bank: point to the story that fits each main question, and
    save the session's strong answers as stories at the end."""

    def __init__(self, services: object, user_id: str = "local") -> None:
        from assistant.stories.bank import StoryBank

        self.bank = StoryBank.from_services(services, user_id=user_id)
        self._stories = self.bank.list_stories()
        self.hints: list[dict[str, object]] = []

    def hint(self, turn: Turn) -> StoryHint | None:
        if turn.kind != "question" or not self._stories:
            return None
        hint = self.bank.hint(turn.question, turn.competency, self._stories)
        if hint is not None:
            self.hints.append({"turn_index": turn.index, **hint.model_dump()})
        return hint

    def harvest(self, session_id: str) -> list[Story]:
        return self.bank.harvest_session(session_id)


def with_accepted_bullets(resume: Resume, cfg: Settings) -> Resume:
    """`assistant tailor --stories`: the resume plus the story bullets the user accepted (current job)."""
    from assistant.storage import Database
    from assistant.stories.bullets import with_story_bullets
    from assistant.stories.store import StoryRepository

    cfg.data_dir.mkdir(parents=True, exist_ok=True)
    accepted = StoryRepository(Database.from_settings(cfg)).bullets(accepted=True)
    if not accepted:
        common.stderr("No accepted story bullets yet (see `assistant stories bullets ID`).")
    return with_story_bullets(resume, accepted)
