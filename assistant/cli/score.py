"""`assistant score`: score one interview answer, or a JSONL file of them, on the role's rubric.

    assistant score --question TEXT --answer TEXT [--competency ID] [--json]
    assistant score --input answers.jsonl          # {"question", "answer", "competency"?} per line -> one result per line
    assistant score --question TEXT --audio answer.wav [--json]   # spoken answer: transcript, score, delivery

Every input is read and validated before anything is scored, so a bad line 7 prints nothing for lines 1-6 and
exits 2. The engine (offline coach or LLM) is named on stderr; stdout carries only results.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from assistant.cli.app import app
from assistant.cli.common import print_json, run_guarded, settings, stderr, to_jsonable
from assistant.config import Settings
from assistant.errors import InputError, require_file
from assistant.interview.models import Evaluation, QuestionContext
from assistant.knowledge.loader import load_role
from assistant.limits import check_answer

if TYPE_CHECKING:
    from assistant.interview.scoring import AnswerScorer, QuestionResolver


@dataclass(frozen=True)
class ScoreRequest:
    question: str
    answer: str
    competency: str | None
    where: str  # "line 3 of answers.jsonl" or "--answer", for error messages


def _check(request: ScoreRequest, cfg: Settings) -> ScoreRequest:
    if not request.question.strip():
        # From the command line the question is its own option; in a JSONL file it is on the answer's line.
        where = "--question" if request.where.startswith("--") else request.where
        raise InputError(f"The question is empty ({where}).")
    if not request.answer.strip():
        raise InputError(f"The answer is empty ({request.where}): there is nothing to score.")
    check_answer(request.answer, cfg, what=f"answer ({request.where})")
    return request


def read_jsonl(path: Path, cfg: Settings) -> list[ScoreRequest]:
    """Parse and validate every line first; a bad line is an `InputError` naming the line."""
    require_file(path, "The input file")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(f"The input file {path.name} is not UTF-8 text.") from None
    requests: list[ScoreRequest] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"line {number} of {path.name}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where} is not valid JSON ({exc.msg}).") from None
        if not isinstance(item, dict):
            raise InputError(f"{where} must be a JSON object with 'question' and 'answer'.")
        question, answer, competency = item.get("question"), item.get("answer"), item.get("competency")
        if not isinstance(question, str) or not isinstance(answer, str):
            raise InputError(f"{where} needs string fields 'question' and 'answer'.")
        if competency is not None and not isinstance(competency, str):
            raise InputError(f"{where}: 'competency' must be a string.")
        requests.append(_check(ScoreRequest(question, answer, competency, where), cfg))
    if not requests:
        raise InputError(
            f"The input file {path.name} has no answers (one JSON object per line).", code="empty_file"
        )
    return requests


def build_scorer(cfg: Settings) -> tuple[AnswerScorer, QuestionResolver, str]:
    """The scorer for these settings (from the one container) and a label for stderr.

    The container is lazy: the offline coach touches only the role knowledge and the embedder, so it starts fast;
    the vector store and the chat model are built only when the engine is an LLM.
    """
    from assistant.services import Services

    services = Services(cfg)
    client = services.new_llm_client()
    scorer = services.new_scorer(client)
    if client is not None:
        return scorer, services.question_resolver, f"Engine: {services.engine_label}"
    return scorer, services.question_resolver, f"Engine: {services.engine.reason}"


def render_text(evaluation: Evaluation) -> str:
    """The human-readable result: score, dimensions, evidence, coaching, follow-up."""
    e = evaluation
    engine = "LLM" if e.engine == "llm" else "offline coach"
    if e.fallback:
        engine += " (LLM verdict not used; offline fallback)"
    lines = [f"Score: {e.score}/5 on {e.competency} — {engine}", f"  {e.dimension_summary()}"]
    if e.flagged:
        lines.append("Flagged: text addressed to the scorer, left out of scoring (the score is capped):")
        lines += [f'  ! "{t}"' for t in e.flagged]
    if e.flag:
        lines.append(f"Note: {e.flag}")
    if e.evidence:
        lines.append("Evidence:")
        lines += [f'  "{q}"' for q in e.evidence]
    if e.strengths:
        lines.append("Strengths:")
        lines += [f"  + {s}" for s in e.strengths]
    if advice := e.advice():  # red flags get their own block below
        lines.append("Improve:")
        lines += [f"  - {s}" for s in advice]
    lines += red_flag_lines(e)
    if e.gaps:
        lines.append("Gaps: " + ", ".join(e.gaps))
    lines.append(f"Follow-up: {e.follow_up}" if e.follow_up
                 else "Follow-up: none (the answer landed)" if e.score >= 4
                 else "Follow-up: none (no single gap stood out to probe)")
    if e.scope:
        lines.append(f"Scope: {e.scope}")
    return "\n".join(lines)


def _score_all(requests: list[ScoreRequest], cfg: Settings) -> list[Evaluation]:
    return [evaluation for _, evaluation in _score_all_with_questions(requests, cfg)]


def _score_all_with_questions(requests: list[ScoreRequest], cfg: Settings
                              ) -> list[tuple[QuestionContext, Evaluation]]:
    """Each request's question as the scorer resolved it (bank match or competency read from its words), and its
    evaluation."""
    scorer, resolver, label = build_scorer(cfg)
    stderr(label)
    # Resolve every question first: an unknown competency on the last line must fail before any output.
    contexts = [resolver.resolve(r.question, r.competency) for r in requests]
    return [(context, scorer.evaluate(context, r.answer)) for context, r in zip(contexts, requests, strict=True)]


def _run(
    question: str | None,
    answer: str | None,
    competency: str | None,
    input_file: Path | None,
    as_json: bool,
    audio: Path | None = None,
) -> None:
    cfg = settings()
    if audio is not None:
        if answer is not None or input_file is not None:
            raise InputError("Use --audio FILE.wav or --answer/--input, not both.")
        if question is None:
            raise InputError("Pass --question with --audio.")
        from assistant.cli.voice import analyse_file, render_delivery

        voice = analyse_file(audio, cfg)  # bad audio fails here, before the scorer is built
        (evaluation,) = _score_all([_check(ScoreRequest(question, voice.transcript.text, competency, "--audio"),
                                           cfg)], cfg)
        if as_json:
            print_json({"evaluation": to_jsonable(evaluation), "voice": voice.to_dict()})
        else:
            typer.echo(f"Transcript ({voice.transcript.engine}): {voice.transcript.text}\n")
            typer.echo(render_text(evaluation) + "\n\nDelivery:\n" + render_delivery(voice))
        return
    if input_file is not None:
        if question is not None or answer is not None:
            raise InputError("Use either --input FILE or --question/--answer, not both.")
        for evaluation in _score_all(read_jsonl(input_file, cfg), cfg):
            typer.echo(json.dumps(to_jsonable(evaluation), ensure_ascii=False))
        return
    if question is None or answer is None:
        raise InputError("Pass --question and --answer (or --input FILE.jsonl).")
    request = _check(ScoreRequest(question, answer, competency, "--answer"), cfg)
    ((context, evaluation),) = _score_all_with_questions([request], cfg)
    if as_json:
        print_json(evaluation)
    else:
        typer.echo(render_text(evaluation))
        if competency is None and context.question_id is None:
            # A question of the user's own: its competency is read from its words, which a short idiomatic
            # question ("let someone go") can mislead, and relevance is judged against it: say how to set it.
            ids = ", ".join(c.id for c in load_role(cfg.role_dir).rubric.competencies)
            typer.echo(f"Competency: {evaluation.competency}, read from the question's words. If the question is "
                       f"about another, score again with --competency (one of: {ids}).")


@app.command()
def score(
    question: str | None = typer.Option(None, "--question", "-q", help="The interview question."),
    answer: str | None = typer.Option(None, "--answer", "-a", help="The candidate's answer."),
    competency: str | None = typer.Option(
        None, "--competency", "-c", help="Rubric competency id; inferred from the question when omitted."
    ),
    input_file: Path | None = typer.Option(
        None,
        "--input",
        "-i",
        help="JSONL file: one {question, answer, competency?} per line; one result per line.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the evaluation as JSON."),
    audio: Path | None = typer.Option(
        None, "--audio", help="WAV recording of the answer: transcribed, scored, and its delivery coached."
    ),
) -> None:
    """Score one answer (1-5 overall and per dimension) with quoted evidence, coaching and a follow-up."""
    run_guarded(
        lambda: _run(question, answer, competency, input_file, as_json, audio), as_json=as_json or bool(input_file)
    )


def red_flag_lines(e: Evaluation) -> list[str]:
    """An evaluation's red flags as the terminal shows them (`assistant score` and each interview answer): each
    quoted and explained, who found it, and the LLM evaluator's reading of them."""
    if not e.red_flags:
        return []
    lines = ["Red flags (the score stays at 2 or below unless an LLM evaluator addressed each one):"]
    lines += [f'  ! {"Possible: " if f.certainty == "possible" else ""}{f.told()}' for f in e.red_flags]
    lines += [f"  LLM on it: {r}" for r in e.red_flag_review]
    return lines
