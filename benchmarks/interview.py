"""Interview: our own work per turn (planning, retrieval, prompt rendering, offline scoring, persistence) with the
offline engine and with an instant fake LLM, and prompt tokens per turn over a 20-question interview."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from langchain_core.messages import BaseMessage

from assistant.llm.client import LLMClient
from assistant.llm.fakes import FakeChatModel, fenced_text, first_sentence
from assistant.llm.usage import UsageMeter
from assistant.services import Services, build_services
from benchmarks.common import (
    TEST_DATA,
    Grid,
    Table,
    bench_settings,
    ingested_data_dir,
    median,
    ms,
    p50_p95,
    pct,
    timed,
)

COMMAND = ".venv/bin/python -m benchmarks interview"
QUESTIONS = 20
GENERATED_QUESTION = "Walk me through the last platform decision you owned: what did you choose, and what changed?"
SUMMARY = "Earlier: platform answers were specific with numbers; people answers lacked measurable outcomes."


def _answers() -> list[str]:
    """Calibration answers (every quality level) in file order: realistic lengths, some trigger follow-ups."""
    rows = [json.loads(line) for line in (TEST_DATA / "calibration_answers.jsonl").read_text().splitlines() if line]
    return [r["answer"] for r in rows]


def instant_responder(messages: list[BaseMessage]) -> Any:
    """Replies at once with something valid for whichever prompt it was sent (no network, no sleep)."""
    text = "\n".join(str(m.content) for m in messages)
    if "scoring one answer" in text:
        # A landed answer (4, no gaps): the interview moves on, so 20 questions are 20 turns.
        return {"score": 4, "dimensions": {"structure": 4, "ownership": 4, "specificity": 4, "relevance": 4,
                                           "altitude": 4},
                "evidence": [first_sentence(fenced_text(text, "candidate_answer") or "")], "strengths": ["Clear example"], "improvements": ["Add the outcome"],
                "gaps": [], "follow_up": None}
    if "running summary" in text:
        return SUMMARY
    return GENERATED_QUESTION


def _interview(services: Services, *, llm: bool, seed: int, answers: list[str], n: int = QUESTIONS) -> dict[str, Any]:
    """One 20-question interview; per-turn wall time, the engine's own non-LLM split and token counts."""
    client = None
    if llm:
        model = FakeChatModel(responder=instant_responder)
        client = LLMClient(model, UsageMeter(50_000_000), max_retries=0, prompts=services.prompts)
    engine = services.new_interview_engine(llm=client)
    started = time.perf_counter()
    session = engine.start("mixed", n, seed=seed)
    start_s = time.perf_counter() - started
    wall, non_llm, tokens = [], [], []
    i = 0
    while engine.current_question(session) is not None:
        answer = answers[(seed * 7 + i) % len(answers)]
        t0 = time.perf_counter()
        result = engine.submit_answer(session, answer)
        wall.append(time.perf_counter() - t0)
        non_llm.append(result.turn.timings["non_llm_ms"] / 1000)
        tokens.append((result.turn.kind, result.turn.tokens.get("interviewer_prompt", 0),
                       result.turn.tokens.get("prompt", 0), len(answer) // 4))
        i += 1
        if result.finished:
            break
    t0 = time.perf_counter()
    engine.finish(session)
    return {"start": start_s, "wall": wall, "non_llm": non_llm, "tokens": tokens,
            "finish": time.perf_counter() - t0}


def run(workdir: Path) -> list[Table | Grid]:
    settings = bench_settings(ingested_data_dir(workdir, "interview"))
    services = build_services(settings)
    answers = _answers()
    table = Table("Interview", COMMAND)
    grids: list[Table | Grid] = [table]
    token_run: dict[str, Any] | None = None
    for llm in (False, True):
        label = "instant fake LLM" if llm else "offline engine"
        _interview(services, llm=llm, seed=99, answers=answers, n=3)  # warm-up: caches, SQLite, prompt files
        runs = [_interview(services, llm=llm, seed=seed, answers=answers) for seed in (1, 2)]
        wall = [w for r in runs for w in r["wall"]]
        non_llm = [w for r in runs for w in r["non_llm"]]
        turns = len(wall)
        table.add(f"per-turn work p50 / p95, {label} (wall time of submit_answer)", p50_p95(wall),
                  target="< 50 ms p50", note=f"{turns} turns over 2 interviews of {QUESTIONS} questions")
        if llm:
            table.add(f"engine-reported non-LLM time p50 / p95, {label}", p50_p95(non_llm),
                      note="engine's own split: only the model call counts as LLM time")
        table.add(f"start (plan {QUESTIONS} questions + first question), {label}",
                  ms(median([r["start"] for r in runs])), note="median of 2")
        table.add(f"finish (report), {label}", ms(median([r["finish"] for r in runs])), note="median of 2")
        if llm:
            token_run = runs[0]

    # Where the offline turn goes: the scorer (which embeds the answer) measured alone on the same answers.
    from assistant.interview.scoring import OfflineScorer, QuestionResolver

    scorer = OfflineScorer(services.knowledge, services.embedder)
    bank = services.knowledge.questions.questions
    contexts = [QuestionResolver(services.knowledge, None).resolve(q.text, q.competency) for q in bank[:10]]
    scorer.evaluate(contexts[0], answers[0])
    scoring = [timed(lambda i=i: scorer.evaluate(contexts[i % 10], answers[i % len(answers)])) for i in range(30)]
    embedding = [timed(lambda i=i: services.embedder.embed([answers[i % len(answers)]])) for i in range(30)]
    table.add("of which: offline scoring of one answer p50 / p95", p50_p95(scoring), note="30 answers")
    table.add("of which: embedding one answer (MiniLM) p50 / p95", p50_p95(embedding),
              note="30 answers; the scorer's relevance check and every retrieval embed one text")

    assert token_run is not None
    rows = token_run["tokens"]
    grid = Grid(f"Prompt tokens per turn, instant fake LLM, {QUESTIONS}-question interview (seed 1)",
                ["turn", "kind", "interviewer prompt tokens", "all prompt tokens this turn (meter)",
                 "answer tokens (approx)"])
    for n, (kind, interviewer, total, answer_tokens) in enumerate(rows, start=1):
        grid.rows.append([str(n), kind, str(interviewer), str(total), str(answer_tokens)])
    asking = [r for r in rows[:-1] if r[1] > 0]  # the last turn asks no new question
    if len(asking) >= 6:
        early = median([r[1] for r in asking[2:5]])
        late = median([r[1] for r in asking[-3:]])
        table.add("interviewer prompt tokens, last 3 asking turns vs turns 3-5", f"{late / early:.2f}x",
                  target="flat (~1.0x)", note=f"{early:.0f} -> {late:.0f} tokens; table below")
    meter = [r[2] for r in rows]
    table.add("all prompt tokens per turn p50 / max", f"{pct(meter, 50):.0f} / {max(meter)}",
              note="interviewer + evaluator + summary calls (approx_tokens, ~4 chars/token)")
    grids.append(grid)
    services.db.close()
    return grids
