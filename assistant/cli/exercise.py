"""`assistant exercise memo FILE` / `exercise list`, and the role-play run by `assistant interview --mode roleplay`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from assistant.cli import common
from assistant.cli.app import app
from assistant.errors import InputError, KnowledgeError, require_file
from assistant.text.plural import count_of

if TYPE_CHECKING:
    from assistant.config import Settings
    from assistant.exercises.review import ExerciseReview
    from assistant.knowledge.schema import ExerciseBank

exercise_app = typer.Typer(help="Director exercises: a written 90-day plan or roadmap memo, reviewed on a rubric.",
                           no_args_is_help=True)
app.add_typer(exercise_app, name="exercise")


def exercise_bank(cfg: Settings) -> ExerciseBank:
    from assistant.knowledge.loader import load_role

    bank = load_role(cfg.role_dir).exercises
    if bank is None:
        raise KnowledgeError(f"The role {cfg.role_dir.name!r} has no exercises.yaml, so no director exercises.")
    return bank


def review_lines(review: ExerciseReview) -> list[str]:
    lines = [f"Overall: {review.overall:.1f}/5 ({count_of(review.words, 'word')}, {review.engine} review)"]
    for s in review.scores:
        lines.append(f"\n{s.name}: {s.score}/5 - {s.verdict}")
        lines += [f"  \u201c{q}\u201d" for q in s.quotes]
        lines += [f"  + add: {m}" for m in s.missing[:2]]
    return lines


@exercise_app.command("list")
def list_exercises(as_json: bool = typer.Option(False, "--json")) -> None:
    """The written exercises and the role-play personas of the role."""

    def body() -> None:
        bank = exercise_bank(common.settings())
        if as_json:
            common.print_json({"exercises": bank.exercises, "personas": bank.personas, "criteria": bank.criteria})
            return
        for ex in bank.exercises:
            typer.echo(f"{ex.id:<18} {ex.title}: {ex.prompt}")
        typer.echo("\nRole-plays (`assistant interview --mode roleplay --persona ID`):")
        for p in bank.personas:
            typer.echo(f"{p.id:<20} {p.name}, {p.title}")

    common.run_guarded(body, as_json=as_json)


@exercise_app.command("memo")
def memo(
    file: Path = typer.Argument(..., help="Your plan or memo as a text or Markdown file."),
    exercise: str = typer.Option("ninety_day_plan", "--exercise", help="Exercise id (see `exercise list`)."),
    as_json: bool = typer.Option(False, "--json", help="Print the review as JSON."),
) -> None:
    """Review a 90-day plan or ML roadmap memo against the role's rubric, with quotes from your text."""

    def body() -> None:
        from assistant.exercises.review import review_text
        from assistant.exercises.store import ExerciseRepository
        from assistant.knowledge.embeddings import get_embedder
        from assistant.storage import Database

        cfg = common.settings()
        require_file(file, "The file")
        if file.stat().st_size > cfg.max_upload_mb * 1024 * 1024:  # never read a huge file into memory
            raise InputError(f"The file is larger than {cfg.max_upload_mb} MB (MAX_UPLOAD_MB); a memo is a few "
                             "pages.", code="too_large")
        data = file.read_bytes()
        if not data.strip():
            raise InputError(f"The file {file} is empty.", code="empty_file")
        if b"\x00" in data[:4096] or data.startswith(b"%PDF"):
            raise InputError("The memo must be a text or Markdown file.", code="invalid_input")
        bank = exercise_bank(cfg)
        chosen = next((e for e in bank.exercises if e.id == exercise), None)
        if chosen is None:
            raise InputError(f"Unknown exercise {exercise!r}; choose one of "
                             f"{', '.join(e.id for e in bank.exercises)}.")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:  # replacing the bytes would score (and store) a mangled memo
            raise InputError(f"The file {file.name} is not UTF-8 text; save it as UTF-8 and try again.",
                             code="invalid_input") from None
        review = review_text(text, [bank.criterion(c) for c in chosen.criteria], get_embedder(cfg),
                             exercise=chosen.id)
        cfg.data_dir.mkdir(parents=True, exist_ok=True)
        ExerciseRepository(Database.from_settings(cfg)).save("memo", chosen.id, review, text=text)
        if as_json:
            common.print_json(review)
        else:
            typer.echo(f"{chosen.title}\n" + "\n".join(review_lines(review)))

    common.run_guarded(body, as_json=as_json)


def run_roleplay(persona_name: str | None, answers_path: Path | None, as_json: bool) -> None:
    """`assistant interview --mode roleplay --persona NAME`: the persona speaks, the candidate replies (from the
    answers file, stdin, or the terminal), and the replies are scored on the persona's criteria."""
    import sys

    from assistant.cli.interview import _decode, _read_file, _read_interactive_answer, split_answers
    from assistant.exercises.roleplay import NO_REVIEW, RolePlay, find_persona
    from assistant.exercises.store import ExerciseRepository
    from assistant.services import build_services

    cfg = common.settings()
    if not persona_name:
        raise InputError("A role-play needs --persona (see `assistant exercise list`).")
    bank = exercise_bank(cfg)
    persona = find_persona(bank, persona_name)
    queue: list[str] | None = None
    if answers_path is not None:
        queue = split_answers(_decode(_read_file(answers_path, "answers", cfg), answers_path, "answers"))
        if not queue:
            raise InputError(f"No replies found in {answers_path}.", code="empty_file")
    elif not sys.stdin.isatty():
        queue = split_answers(sys.stdin.read())
        if not queue:  # as for an empty answers file: nothing is stored for no reply
            raise InputError("No replies on standard input; pipe them in, pass --answers FILE, or run it in a "
                             "terminal to reply interactively.", code="empty_file")
    services = build_services(cfg)
    llm = services.new_llm_client()
    say = common.stderr if as_json else typer.echo
    say(f"Engine: {services.engine_label if llm is not None else 'Offline coach (no LLM): scripted persona'}")
    play = RolePlay(bank, persona, services.embedder, llm=llm,
                    retrieve=lambda q: services.store.search(q, k=3))
    line = play.opening()
    if not as_json:
        typer.echo(f"\nRole-play with {persona.name}, {persona.title}.\n\n{persona.name}: {line.text}")
    while not play.finished:
        if queue is not None:
            if not queue:
                break
            reply = queue.pop(0)
        else:
            got = _read_interactive_answer()
            if got is None:
                break
            reply = got
        line = play.reply(reply)
        if not as_json:
            typer.echo(f"\n{persona.name}: {line.text}")
    result = play.result()
    if result.review is not None:
        cfg.data_dir.mkdir(parents=True, exist_ok=True)
        ExerciseRepository(services.db).save("roleplay", persona.id, result)
    if as_json:
        common.print_json({**result.model_dump(mode="json"),
                           "usage": llm.meter.summary() if llm is not None else None})
    elif result.review is not None:
        typer.echo("\n" + "\n".join(review_lines(result.review)))
    elif play.finished:
        typer.echo("\n" + NO_REVIEW)
