"""`assistant interview` (a terminal mock interview, or unattended from an answers file) and `assistant history`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from assistant.cli.app import app
from assistant.cli.common import print_json, run_guarded, settings, stderr
from assistant.cli.score import red_flag_lines
from assistant.config import Settings
from assistant.errors import InputError, require_file
from assistant.interview.session import MODES, InterviewSession, Plan, Report, TurnResult
from assistant.limits import check_document, check_length
from assistant.resume.models import Resume

if TYPE_CHECKING:
    from assistant.cli.stories import InterviewStories
    from assistant.interview.engine import InterviewEngine
    from assistant.services import Services

ANSWER_SEPARATOR = "---"


def split_answers(text: str) -> list[str]:
    """Answer blocks separated by a line that is exactly `---`; empty blocks are ignored."""
    blocks: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.strip() == ANSWER_SEPARATOR:
            blocks.append([])
        else:
            blocks[-1].append(line)
    return [answer for answer in ("\n".join(b).strip() for b in blocks) if answer]


def _read_file(path: Path, what: str, cfg: Settings) -> bytes:
    require_file(path, f"The {what} file")
    data = path.read_bytes()
    if not data:
        raise InputError(f"The {what} file {path} is empty.", code="empty_file")
    if len(data) > cfg.max_upload_mb * 1024 * 1024:
        raise InputError(f"The {what} file is larger than {cfg.max_upload_mb} MB (MAX_UPLOAD_MB).", code="too_large")
    return data


def _load_resume(path: Path, cfg: Settings) -> Resume:
    """The same sanitised loading as `assistant review`: hidden and injected lines never reach the interviewer."""
    from assistant.cli.resume import load_resume

    loaded = load_resume(path, cfg)
    if loaded.injection.detected:
        stderr("Warning: the resume contains hidden or instruction-like text; it was ignored.")
    return loaded.resume


def _load_jd(path: Path, cfg: Settings) -> str:
    """As `assistant review --jd` reads it: a PDF through the safe intake, a text file as UTF-8 text."""
    from assistant.cli.resume import load_job_description

    text = load_job_description(path, cfg) or ""
    return check_document(text, cfg, what="job description")


def _decode(data: bytes, path: Path, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(
            f"The {what} file {path.name} is not UTF-8 text; save it as UTF-8 and try again.", code="invalid_input"
        ) from None


def _check_answers(answers: list[str], source: str, cfg: Settings) -> None:
    """Every queued answer within MAX_ANSWER_CHARS, checked before the session exists: a long block half-way used
    to stop the run after the answers before it were stored."""
    for number, answer in enumerate(answers, start=1):
        check_length(answer, limit=cfg.max_answer_chars, what=f"answer {number} in {source}",
                     variable="MAX_ANSWER_CHARS")


def _read_interactive_answer() -> str | None:
    """Lines until an empty line (or `---`); None at end of input."""
    typer.echo("(your answer; finish with an empty line)")
    lines: list[str] = []
    while True:
        line = sys.stdin.readline()
        if not line:
            return "\n".join(lines).strip() or None
        if line.strip() in ("", ANSWER_SEPARATOR) and lines:
            return "\n".join(lines).strip()
        if line.strip():
            lines.append(line.rstrip("\n"))


def _feedback_lines(result: TurnResult) -> list[str]:
    e = result.evaluation
    lines = [f"  Score: {e.score}/5 ({e.competency})" + (" [offline fallback]" if e.fallback else "")]
    lines.append(f"  {e.dimension_summary()}")
    lines += [f"  + {s}" for s in e.strengths[:2]]
    lines += [f"  - {i}" for i in e.advice()[:2]]  # red flags get their own block
    lines += [f"  {line}" for line in red_flag_lines(e)]
    return lines


def _transcript(session: InterviewSession) -> list[dict[str, Any]]:
    return [t.model_dump(mode="json") for t in session.turns if t.answered]


@app.command()
def interview(
    questions: int = typer.Option(6, "--questions", "-n", min=1, max=20, help="Main questions (follow-ups extra)."),
    focus: str = typer.Option("mixed", "--focus", help="mixed, or a focus of the role (rubric.yaml `focuses`)."),
    resume: Path | None = typer.Option(None, "--resume", help="Resume (PDF or text) to probe: 'defend this bullet'."),
    jd: Path | None = typer.Option(None, "--jd", help="Job description (text) the questions should lean toward."),
    answers: Path | None = typer.Option(
        None, "--answers", help="Run unattended: answers in blocks separated by a line '---'."
    ),
    mode: str = typer.Option("practice", "--mode", help="practice (feedback after each answer) | realistic | roleplay"),
    persona: str | None = typer.Option(None, "--persona", help="Role-play persona (cfo, product_vp, ...)."),
    session_id: str | None = typer.Option(None, "--continue", help="Continue an unfinished session by id."),
    seed: int | None = typer.Option(None, "--seed", help="Fix the question plan (reproducible runs)."),
    due: bool = typer.Option(False, "--due", help="Today's practice: the questions due in `assistant plan`."),
    as_json: bool = typer.Option(False, "--json", help="Print {engine, session_id, transcript, report} as JSON."),
) -> None:
    """A mock interview for the role: grounded questions, follow-ups on vague answers, scores and a report."""
    if mode == "roleplay":
        from assistant.cli.exercise import run_roleplay

        run_guarded(lambda: run_roleplay(persona, answers, as_json), as_json=as_json)
        return
    run_guarded(
        lambda: _run_interview(questions, focus, resume, jd, answers, mode, session_id, seed, as_json, due),
        as_json=as_json,
    )


def _run_interview(
    n: int,
    focus: str,
    resume_path: Path | None,
    jd_path: Path | None,
    answers_path: Path | None,
    mode: str,
    session_id: str | None,
    seed: int | None,
    as_json: bool,
    due: bool = False,
) -> None:
    """Read and check every input, open (or continue) the session, ask until it ends or the answers run out, then
    print the report: in that order, so bad input stores nothing."""
    from assistant.interview.planner import check_focus
    from assistant.knowledge.loader import load_role
    from assistant.services import Services

    cfg = settings()
    check_focus(load_role(cfg.role_dir), focus)
    if mode not in MODES:
        raise InputError(f"Unknown mode {mode!r}; choose practice or realistic.")
    answer_queue = _queued_answers(answers_path, cfg)
    parsed_resume = _load_resume(resume_path, cfg) if resume_path else None
    jd_text = _load_jd(jd_path, cfg) if jd_path else None

    say = stderr if as_json else typer.echo
    services = Services(cfg)
    engine = services.new_interview_engine()
    from assistant.cli.stories import InterviewStories

    stories = InterviewStories(services)
    say(f"Engine: {services.engine_label}")
    practice = _todays_practice(cfg, services, n) if due else None
    if session_id:
        session = _continued(engine, session_id)
    else:
        session = engine.start(focus, n, mode, resume=parsed_resume, jd=jd_text,
                               resume_ref=resume_path.name if resume_path else None, seed=seed, plan=practice)
    if not as_json:
        typer.echo(f"Session {session.id}: {session.length} questions, focus {session.focus}, mode {session.mode}.")

    budget = _BudgetNotice(engine, say)
    budget.tell()
    already_over = session.status != "active"
    if already_over:
        say(f"Session {session.id} is already {session.status}: there is nothing left to answer; its report follows.")
        finished = False
    else:
        finished = _ask_until_done(engine, session, stories, answer_queue, as_json, budget)
    report: Report = engine.finish(session) if finished else engine.report(session)
    budget.tell()  # the report's narrative may be the call that found the budget spent
    created = stories.harvest(session.id)
    if created and not as_json:
        typer.echo(f"\n{len(created)} strong answer(s) saved to your story bank: `assistant stories list`.")
    if not finished and not already_over:
        say(f"Answers ran out: session {session.id} is saved unfinished; continue it with --continue {session.id}.")
    if as_json:
        print_json(
            {
                "engine": engine.engine_kind,
                "session_id": session.id,
                "status": session.status,
                "transcript": _transcript(session),
                "report": report,
                "stories_created": created,
                "story_hints": stories.hints,
                "usage": engine.meter.summary() if engine.meter is not None else None,
                "notices": [{"code": "llm_budget", "message": notice}]
                if (notice := engine.budget_notice) is not None else [],
            }
        )
    else:
        from assistant.interview.report import to_markdown

        typer.echo("\n" + to_markdown(report))


def _queued_answers(answers_path: Path | None, cfg: Settings) -> list[str] | None:
    """The answers to run unattended (from `--answers` or a pipe), each checked before any session exists; None
    when a person answers in the terminal."""
    answer_queue: list[str] | None = None
    if answers_path is not None:
        answer_queue = split_answers(_decode(_read_file(answers_path, "answers", cfg), answers_path, "answers"))
        if not answer_queue:
            raise InputError(f"No answers found in {answers_path} (blocks separated by a line '---').",
                             code="empty_file")
    elif not sys.stdin.isatty():
        answer_queue = split_answers(sys.stdin.read())
        if not answer_queue:  # as for an empty --answers file: no session is created for nothing
            raise InputError("No answers on standard input (blocks separated by a line '---'); pipe the answers in, "
                             "pass --answers FILE, or run it in a terminal to answer interactively.",
                             code="empty_file")
    if answer_queue is not None:
        _check_answers(answer_queue, answers_path.name if answers_path else "standard input", cfg)
    return answer_queue


def _todays_practice(cfg: Settings, services: Services, n: int) -> Plan:
    """`--due`: the questions the practice plan has due today; none due is an error, not an empty interview."""
    from assistant.cli.plan import load_plan
    from assistant.practice.plan import todays_practice

    practice = todays_practice(load_plan(cfg), services.knowledge, n=n, store=services.store)
    if not practice.questions:
        raise InputError("Nothing is due today (see `assistant plan`).", code="nothing_due")
    return practice


def _continued(engine: InterviewEngine, session_id: str) -> InterviewSession:
    """`--continue ID`: the stored session, or a clear error naming where the ids are listed."""
    from assistant.interview.store import SessionMissing

    try:
        return engine.resume(session_id)
    except SessionMissing:
        raise InputError(f"No interview {session_id!r} to continue; `assistant history` lists your sessions "
                         "and their ids.", code="not_found") from None


class _BudgetNotice:
    """Says once, where it happens, that the LLM budget is spent and the rest runs on the offline coach."""

    def __init__(self, engine: InterviewEngine, say: Callable[[str], None]) -> None:
        self._engine = engine
        self._say = say
        self._told = False

    def tell(self) -> None:
        if not self._told and (notice := self._engine.budget_notice) is not None:
            self._told = True
            self._say(f"\nNote: {notice}")


def _ask_until_done(engine: InterviewEngine, session: InterviewSession, stories: InterviewStories, answer_queue: list[str] | None,
                    as_json: bool, budget: _BudgetNotice) -> bool:
    """Ask each question in turn and show its feedback; True when the interview finished, False when the answers
    ran out first (the session stays saved, unfinished). Typed answers that fail a check are asked again; queued
    ones stop the run with the reason."""
    last_flag: str | None = None
    while (turn := engine.current_question(session)) is not None:
        if not as_json:
            label = "Follow-up" if turn.kind == "follow_up" else f"Question {turn.question_index + 1}/{session.length}"
            typer.echo(f"\n{label}: {turn.question}")
            if turn.citations:
                typer.echo("  (grounded in: " + "; ".join(f"{c.source} › {c.heading}" for c in turn.citations) + ")")
        if (hint := stories.hint(turn)) is not None and not as_json:
            typer.echo(f"  Coach: {hint.message}")
        if answer_queue is not None:
            if not answer_queue:
                return False
            answer = answer_queue.pop(0)
        else:
            got = _read_interactive_answer()
            if got is None:
                return False
            answer = got
        try:
            result = engine.submit_answer(session, answer)
        except InputError as exc:
            if answer_queue is not None:  # a file or a pipe runs unattended: stop with the reason (exit 2)
                raise
            # Typed in the terminal: the interview goes on; the same question is asked again.
            typer.echo(f"Not saved: {exc.message}")
            continue
        if not as_json and session.mode == "practice":
            typer.echo("\n".join(_feedback_lines(result)))
            if (flag := result.evaluation.flag) and flag != last_flag:  # why the offline coach scored it, once
                typer.echo(f"  Note: {flag}")
                last_flag = flag
        budget.tell()
        if result.finished:
            return True
    # No question left (a session whose last answer was stored before a crash): close it now.
    return True


@app.command()
def history(
    as_json: bool = typer.Option(False, "--json", help="Print the sessions as JSON."),
    user: str | None = typer.Option(
        None, "--user", metavar="SUBJECT",
        help="A signed-in user's subject (the identity provider's `sub`): show only that user's sessions. "
        "Default: the local user of a private install.",
    ),
) -> None:
    """Past interview sessions, newest first, with their scores."""

    def body() -> None:
        from assistant.identity import user_id_for_subject
        from assistant.interview.store import InterviewRepository
        from assistant.storage import Database

        interviews = InterviewRepository(Database.from_settings(settings()))
        user_id = user_id_for_subject(user) if user is not None else "local"
        sessions = interviews.list_sessions(user_id)
        if as_json:
            print_json({"sessions": sessions, "competencies": interviews.competency_history(user_id)})
            return
        if not sessions:
            typer.echo("No interview sessions yet: run `assistant interview`." if user is None
                       else "No interview sessions for that user.")
            return
        for s in sessions:
            overall = f"{s.overall:.1f}/5" if s.overall is not None else "  -  "
            typer.echo(
                f"{s.created_at:%Y-%m-%d %H:%M}  {overall}  {s.status:<8} {s.focus:<10} "
                f"{s.answered}/{s.length} answered  {s.engine:<7} {s.id}"
            )

    run_guarded(body, as_json=as_json)
