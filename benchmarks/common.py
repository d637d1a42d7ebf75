"""Measurement helpers: medians over repeated runs after a warm-up, and the table format of docs/benchmarks.md."""

from __future__ import annotations

import os
import platform
import socket
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import assistant.config  # noqa: F401  (telemetry off before onnxruntime / chromadb are imported)
from assistant.config import Settings

if TYPE_CHECKING:
    from assistant.interview.policy import ScoringPolicy
    from assistant.interview.scoring import OfflineScorer, QuestionResolver


@dataclass
class Row:
    metric: str
    value: str
    target: str = ""
    note: str = ""


@dataclass
class Table:
    title: str
    command: str
    rows: list[Row] = field(default_factory=list)

    def add(self, metric: str, value: str, target: str = "", note: str = "") -> None:
        self.rows.append(Row(metric, value, target, note))

    def markdown(self) -> str:
        lines = [f"## {self.title}", "", f"Command: `{self.command}`", "", "| metric | value | target | note |",
                 "|---|---|---|---|"]
        lines += [f"| {r.metric} | {r.value} | {r.target} | {r.note} |" for r in self.rows]
        return "\n".join(lines) + "\n"


def machine() -> str:
    return f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.machine()}, {date.today()}"


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def samples(fn: Callable[[], object], *, repeat: int = 20, warmup: int = 2) -> list[float]:
    for _ in range(warmup):
        fn()
    return [timed(fn) for _ in range(repeat)]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def median(values: list[float]) -> float:
    return statistics.median(values)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


# --- shared set-up for the area benchmarks ------------------------------------------------------------------------

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
TEST_DATA = REPO / "tests" / "data"


def bench_settings(data_dir: Path, **overrides: object) -> Settings:
    """Offline settings with all state under `data_dir` (never the repo's data/), ignoring `.env` and any LLM
    the environment points at."""
    values: dict[str, object] = {
        "data_dir": data_dir,
        "llm_provider": "offline",
        "openai_api_key": None,
        "openai_base_url": None,
        "chroma_host": None,
        "embedding_backend": "local",
        "assistant_knowledge_dir": REPO / "knowledge",
        "assistant_prompts_dir": REPO / "prompts",
        "role": "ml-director",
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[arg-type]


def offline_scoring(policy: ScoringPolicy | None = None) -> tuple[QuestionResolver, OfflineScorer]:
    """The shipped role's question resolver and offline scorer, built as the app builds them (local MiniLM), for
    the tools that tune, fit or measure the scorer on the graded sets."""
    from assistant.interview.policy import DEFAULT_POLICY
    from assistant.interview.scoring import OfflineScorer, QuestionResolver
    from assistant.knowledge.embeddings import get_embedder
    from assistant.knowledge.loader import load_role

    with tempfile.TemporaryDirectory(prefix="offline-scoring-") as tmp:
        settings = bench_settings(Path(tmp))
        knowledge = load_role(settings.role_dir)
        embedder = get_embedder(settings)
    return QuestionResolver(knowledge, embedder), OfflineScorer(knowledge, embedder, policy or DEFAULT_POLICY)


def offline_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """A child-process environment with the same isolation as `bench_settings`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CHROMA_", "ASSISTANT_"))}
    env.update({"DATA_DIR": str(data_dir), "LLM_PROVIDER": "offline", "EMBEDDING_BACKEND": "local",
                "ROLE": "ml-director"})
    env.update(extra)
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Spearman's rank correlation (average ranks for ties), so the scorer's 1-5 ties are handled fairly."""
    def ranks(values: Sequence[float]) -> list[float]:
        order = sorted(range(len(values)), key=lambda i: values[i])
        out = [0.0] * len(values)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
                j += 1
            for k in range(i, j + 1):
                out[order[k]] = (i + j) / 2 + 1
            i = j + 1
        return out

    rx, ry = ranks(xs), ranks(ys)
    mx, my = statistics.fmean(rx), statistics.fmean(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    sx = sum((a - mx) ** 2 for a in rx) ** 0.5
    sy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (sx * sy) if sx and sy else float("nan")


def p50_p95(values: list[float]) -> str:
    return f"{ms(pct(values, 50))} / {ms(pct(values, 95))}"


def load_average() -> str:
    try:
        one, five, _ = os.getloadavg()
    except OSError:  # pragma: no cover - not on Linux/macOS
        return "n/a"
    return f"{one:.1f} (1 min), {five:.1f} (5 min)"


@dataclass
class Grid:
    """A free-form table (e.g. tokens by turn) printed under an area's main table."""

    title: str
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)

    def markdown(self) -> str:
        lines = [f"### {self.title}", "", "| " + " | ".join(self.header) + " |",
                 "|" + "---|" * len(self.header)]
        lines += ["| " + " | ".join(r) + " |" for r in self.rows]
        return "\n".join(lines) + "\n"


TEMPLATE_DIRNAME = "ingested-template"
"""The knowledge benchmark's cold ingest builds this data dir; later benchmarks copy its store."""


def ingested_data_dir(workdir: Path, name: str) -> Path:
    """A data dir of its own for one benchmark, with the knowledge store already built.

    Embedding the knowledge takes tens of seconds on a loaded 2-core machine, so it is done once per run (in
    `workdir`) and its Chroma folder copied; each benchmark still gets isolated state.
    """
    import shutil

    from assistant.knowledge.embeddings import get_embedder
    from assistant.knowledge.store import KnowledgeStore

    template = workdir / TEMPLATE_DIRNAME
    if not (template / "chroma").is_dir():
        settings = bench_settings(template)
        store = KnowledgeStore(settings, get_embedder(settings))
        store.ingest()
        store._forget_client()  # release the folder before it is copied
    target = workdir / name
    shutil.copytree(template / "chroma", target / "chroma")
    return target
