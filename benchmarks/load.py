"""Load: N simulated candidates at once, each running a short interview and a resume review through the feature
layer, against the team topology's shared parts (a real PostgreSQL server and a `chroma run` server), with the
candidates spread over 1 or 2 app processes ("replicas").

Each replica is a separate process (spawn) that builds `Services` exactly as `streamlit run` does and serves its
candidates from threads, as Streamlit serves browser sessions. Bounded: 5, 10 and 20 candidates, 3 questions
each (at most 4 answers), one review; every configuration has a time cap, and everything runs on loopback.

Where the time goes is measured, not guessed: per-turn offline-scoring time (the engine's own split), time spent
in database statements (SQLAlchemy cursor events), and the replica processes' CPU seconds against wall time.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks.common import TEST_DATA, Table, bench_settings, load_average, ms, pct

COMMAND = ".venv/bin/python -m benchmarks load"
CANDIDATES = (5, 10, 20)
REPLICAS = (1, 2)
QUESTIONS = 2
MAX_ANSWERS = 4
CAP_S = 300.0  # per configuration: anything unfinished by then counts as an error

RESUME = """Sam Example
Director of Machine Learning Engineering

EXPERIENCE
Director of ML Engineering, Example Retail Co
Jan 2020 - Present
- Built and led a 35-person ML platform organisation across four teams
- Cut model deployment time from 3 weeks to 2 days with a shared feature store and CI for models
- Owned a $4M annual budget and a roadmap agreed with product and finance
- Hired 12 engineers and 3 managers; regretted attrition under 5%

Senior Engineering Manager, Machine Learning, Example Bank
Mar 2015 - Dec 2019
- Led fraud-detection models that reduced losses by 18% year over year
- Introduced model monitoring and on-call for ML services

SKILLS
MLOps, Kubernetes, feature stores, model monitoring, Python, experimentation, budgeting, hiring
"""


def _answers() -> list[str]:
    rows = [json.loads(line) for line in (TEST_DATA / "calibration_answers.jsonl").read_text().splitlines() if line]
    return [r["answer"] for r in rows]


def _candidate(services: Any, user_id: str, seed: int, answers: list[str], out: dict[str, Any]) -> None:
    """One candidate: a short interview, then a resume review; latencies and errors into `out`."""
    from assistant.interview.engine import build_engine

    try:
        engine = build_engine(services, llm=None, user_id=user_id)
        t0 = time.perf_counter()
        session = engine.start("mixed", QUESTIONS, seed=seed)
        out["start_s"] = time.perf_counter() - t0
        for i in range(MAX_ANSWERS):
            if engine.current_question(session) is None:
                break
            t0 = time.perf_counter()
            result = engine.submit_answer(session, answers[(seed * 5 + i) % len(answers)])
            out["turns"].append(time.perf_counter() - t0)
            out["scoring"].append(result.turn.timings.get("scoring_ms", 0.0) / 1000)
            out["answered"] += 1
            if result.finished:
                break
        engine.finish(session)
        out["session_id"] = session.id
        t0 = time.perf_counter()
        services.review_resume(services.read_resume_text(RESUME))
        out["review_s"] = time.perf_counter() - t0
    except Exception as exc:  # counted and reported: a load test must see failures, not stop at the first
        out["errors"].append(f"{type(exc).__name__}: {str(exc)[:120]}")


def replica(settings_values: dict[str, Any], users: list[str], start: Any) -> dict[str, Any]:
    """One app process: build services, wait for the start signal, serve every candidate at once (threads)."""
    from sqlalchemy import event

    from assistant.config import Settings
    from assistant.services import build_services

    settings = Settings(_env_file=None, **settings_values)  # type: ignore[call-arg]
    services = build_services(settings)
    db_time = [0.0]
    lock = threading.Lock()

    @event.listens_for(services.db.engine, "before_cursor_execute")
    def _before(conn: Any, cursor: Any, statement: Any, params: Any, context: Any, many: Any) -> None:
        conn.info["t0"] = time.perf_counter()

    @event.listens_for(services.db.engine, "after_cursor_execute")
    def _after(conn: Any, cursor: Any, statement: Any, params: Any, context: Any, many: Any) -> None:
        with lock:
            db_time[0] += time.perf_counter() - conn.info.pop("t0", time.perf_counter())

    answers = _answers()
    # Warm-up outside the measurement: the first embedding call and first query pay one-off costs.
    warm = {"turns": [], "scoring": [], "answered": 0, "errors": []}
    _candidate(services, "warm-up", 999, answers, warm)
    db_time[0] = 0.0
    results = {u: {"turns": [], "scoring": [], "answered": 0, "errors": []} for u in users}
    threads = [threading.Thread(target=_candidate, args=(services, u, n, answers, results[u]), daemon=True)
               for n, u in enumerate(users)]
    start.wait(timeout=300)
    cpu0, t0 = time.process_time(), time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=max(1.0, CAP_S - (time.perf_counter() - t0)))
    wall = time.perf_counter() - t0
    for user, t in zip(users, threads, strict=True):
        if t.is_alive():
            results[user]["errors"].append("unfinished within the time cap")
    return {"results": results, "wall_s": wall, "cpu_s": time.process_time() - cpu0, "db_s": db_time[0]}


def _configuration(database_url: str, chroma_port: int, data_root: Path, candidates: int, replicas: int,
                   tag: str) -> dict[str, Any]:
    users = [f"{tag}-cand-{n}" for n in range(candidates)]
    shares = [users[r::replicas] for r in range(replicas)]
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Manager().Barrier(replicas)  # replicas build and warm up, then all start together
    with ctx.Pool(replicas) as pool:
        jobs = []
        for r, share in enumerate(shares):
            values = {k: v for k, v in bench_settings(data_root / f"{tag}-replica-{r}").model_dump().items()
                      if k not in ("openai_api_key",)}
            values.update(database_url=database_url, chroma_host="127.0.0.1", chroma_port=chroma_port)
            jobs.append(pool.apply_async(replica, (values, share, start)))
        outs = [j.get(timeout=CAP_S + 300) for j in jobs]
    return {"outs": outs, "users": users}


def _rows_lost(database_url: str, results: dict[str, dict[str, Any]]) -> int:
    """Answers a candidate submitted that the database does not hold (with an evaluation)."""
    from assistant.interview.store import InterviewRepository
    from assistant.storage import Database

    db = Database(database_url)
    interviews = InterviewRepository(db)
    lost = 0
    for user, r in results.items():
        stored = {s.id: s for s in interviews.list_sessions(user)}
        sid = r.get("session_id")
        if sid is None:
            continue
        answered = sum(1 for t in interviews.get_session(sid).turns if t.answer and t.evaluation) if sid in stored else 0
        lost += max(0, r["answered"] - answered)
    db.close()
    return lost


def run(workdir: Path) -> list[Table]:
    from deploy.topology import local_postgres, running_chroma

    table = Table("Load: simulated candidates on shared PostgreSQL + Chroma server, 1 vs 2 replicas", COMMAND)
    root = Path(tempfile.mkdtemp(prefix="coach-load-", dir=workdir))
    with local_postgres() as database_url, running_chroma(root) as chroma_port:
        # The shared store is built once (first replica to start would do it anyway; not part of the load).
        from assistant.knowledge.embeddings import get_embedder
        from assistant.knowledge.store import KnowledgeStore

        prep = bench_settings(root / "prep", chroma_host="127.0.0.1", chroma_port=chroma_port)
        KnowledgeStore(prep, get_embedder(prep)).ensure_ready()
        for candidates in CANDIDATES:
            for replicas in REPLICAS:
                tag = f"n{candidates}r{replicas}"
                print(f"[bench] load: {candidates} candidates on {replicas} replica(s) ...", flush=True)
                load_before = load_average()
                got = _configuration(database_url, chroma_port, root, candidates, replicas, tag)
                results = {u: r for out in got["outs"] for u, r in out["results"].items()}
                turns = [t for r in results.values() for t in r["turns"]]
                scoring = [t for r in results.values() for t in r["scoring"]]
                reviews = [r["review_s"] for r in results.values() if "review_s" in r]
                errors = [e for r in results.values() for e in r["errors"]]
                wall = max(o["wall_s"] for o in got["outs"])
                cpu = sum(o["cpu_s"] for o in got["outs"])
                db_s = sum(o["db_s"] for o in got["outs"])
                lost = _rows_lost(database_url, results)
                label = f"{candidates} candidates, {replicas} replica{'s' if replicas > 1 else ''}"
                table.add(
                    f"{label}: turn p50 / p95",
                    f"{ms(pct(turns, 50))} / {ms(pct(turns, 95))}",
                    note=(f"{len(turns)} turns; review p50 / p95 {ms(pct(reviews, 50))} / {ms(pct(reviews, 95))}; "
                          f"errors {len(errors)}; answers lost {lost}; all done in {wall:.1f} s "
                          f"({len(turns) / wall:.1f} turns/s); replica CPU {cpu:.1f} s "
                          f"= {cpu / wall / (os.cpu_count() or 1):.0%} of the machine; offline scoring "
                          f"{sum(scoring):.1f} s; database statements {db_s:.1f} s; load avg before {load_before}"),
                )
                if errors:
                    table.add(f"{label}: first error", errors[0].replace("|", "/"))
    return [table]
