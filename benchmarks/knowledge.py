"""Knowledge: model load, ingest (cold and no-op), embedding throughput and retrieval latency."""

from __future__ import annotations

import time
from pathlib import Path

import yaml

from assistant.knowledge.embeddings import LocalMiniLM, get_embedder
from assistant.knowledge.store import KnowledgeStore
from benchmarks.common import (
    TEMPLATE_DIRNAME,
    TEST_DATA,
    Table,
    bench_settings,
    median,
    ms,
    p50_p95,
    samples,
    timed,
)

COMMAND = ".venv/bin/python -m benchmarks knowledge"


def run(workdir: Path) -> list[Table]:
    table = Table("Knowledge", COMMAND)

    loads = []
    for _ in range(3):
        model = LocalMiniLM()
        loads.append(timed(model.load))
    table.add("embedding model load (checksum + ONNX session)", ms(median(loads)), note="median of 3")

    embedder = get_embedder(bench_settings(workdir / TEMPLATE_DIRNAME))
    embedder.embed(["warm up"])

    # One cold ingest: each takes tens of seconds here (it embeds every chunk) and is cold only once.
    settings = bench_settings(workdir / TEMPLATE_DIRNAME)
    store = KnowledgeStore(settings, embedder)
    started = time.perf_counter()
    report = store.ingest()
    cold = time.perf_counter() - started
    table.add("ingest, cold (empty store, model loaded)", ms(cold), note=f"1 run; {report.added} chunks embedded")

    noop = samples(lambda: store.ingest(), repeat=5, warmup=1)
    table.add("re-ingest, nothing changed", ms(median(noop)), note="median of 5 (loads YAML, hashes, diffs)")
    ready = samples(lambda: store.ensure_ready(), repeat=20, warmup=1)
    table.add("ensure_ready() when up to date", ms(median(ready)), note="median of 20 (checked on every app run)")

    texts = [c.text for c in store.load_chunks()]
    embed_runs = samples(lambda: embedder.embed(texts), repeat=2, warmup=0)  # the ingest above was the warm-up
    chars = sum(map(len, texts)) / len(texts)
    table.add("embedding throughput", f"{len(texts) / median(embed_runs):.1f} chunks/s",
              note=f"{len(texts)} knowledge chunks (mean {chars:.0f} chars) per call, median of 2")

    queries = [c["query"] for c in yaml.safe_load((TEST_DATA / "retrieval_queries.yaml").read_text())["queries"]]
    for q in queries[:3]:
        store.search(q, k=3)
    latencies = []
    for _ in range(3):
        for q in queries:
            latencies.append(timed(lambda q=q: store.search(q, k=3)))
    table.add("retrieval latency p50 / p95 (k=3, embed + query + rerank)", p50_p95(latencies),
              note=f"{len(queries)} queries x 3 rounds")
    store._forget_client()  # later benchmarks copy this store: nothing may be writing to it
    return [table]
