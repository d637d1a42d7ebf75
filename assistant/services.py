"""The composition root: the one place that turns `Settings` into the coach's objects, for the app and the CLI.

`Services(settings)` is a lazily built container. Each member (role knowledge, embedder, vector store, database,
prompts, engine decision, chat model, offline scorer, question resolver) is built on first use, once, under a lock
(Streamlit serves sessions from several threads), and then shared: so `assistant score` with the offline coach
never imports Chroma or LangChain, and the app, which touches everything, builds everything once per configuration
(`st.cache_resource` keyed by `settings_fingerprint`). Per-user objects (an LLM client with its own token budget,
an interview engine with its canaries, a review) are made by the `new_*` / feature methods and live with the caller.

Features get their collaborators from here and nowhere else: there is no second wiring in the CLI, so a setting
added here (a timeout, a prompt library) reaches every entry point.

Tests replace a member explicitly, never by patching: `with services.override(chat_model=FakeChatModel())` on one
container, or `with override(chat_model=lambda settings: model)` for every container built inside the block (how
an AppTest or CliRunner test reaches the container the app or CLI builds for itself).
"""

from __future__ import annotations

import dataclasses
import hashlib
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from assistant.config import Settings, ensure_data_dir
from assistant.storage import LOCAL_USER_ID

if TYPE_CHECKING:
    from langchain_core.language_models.chat_models import BaseChatModel

    from assistant.interview.engine import InterviewEngine
    from assistant.interview.scoring import AnswerScorer, OfflineScorer, QuestionResolver
    from assistant.knowledge.embeddings import Embedder
    from assistant.knowledge.schema import RoleKnowledge
    from assistant.knowledge.store import IngestReport, KnowledgeStore
    from assistant.llm.client import LLMClient
    from assistant.llm.factory import EngineInfo
    from assistant.prompting import PromptLibrary
    from assistant.resume.confirm import ConfirmedRole
    from assistant.resume.models import ExtractedText, Injection, Resume
    from assistant.resume.review import ResumeReview
    from assistant.resume.tailor import TailoredResume
    from assistant.storage import Database

T = TypeVar("T")
ChatModelFactory = Callable[[Settings], "BaseChatModel"]

# Members a test may replace (see `Services.override` and the module-level `override`).
MEMBERS = ("knowledge", "embedder", "store", "db", "prompts", "chat_model")

# Process-wide overrides applied to every container built while they are active (tests only).
_override_lock = threading.Lock()
_global_overrides: dict[str, Callable[[Settings], Any]] = {}


@contextmanager
def override(**factories: Callable[[Settings], Any]) -> Iterator[None]:
    """Every `Services` built inside this block gets `factory(settings)` for each named member (tests only)."""
    unknown = sorted(set(factories) - set(MEMBERS))
    if unknown:
        raise ValueError(f"cannot override {unknown}; members are {MEMBERS}")
    with _override_lock:
        previous = dict(_global_overrides)
        _global_overrides.update(factories)
    try:
        yield
    finally:
        with _override_lock:
            _global_overrides.clear()
            _global_overrides.update(previous)


def override_chat_model(factory: ChatModelFactory) -> Any:
    """`override(chat_model=factory)`: the common case, an injected fake chat model."""
    return override(chat_model=factory)


def _override_token() -> str:
    with _override_lock:
        return "|".join(f"{name}:{id(f)}" for name, f in sorted(_global_overrides.items()))


def settings_fingerprint(settings: Settings) -> str:
    """A stable key for caching a container per configuration (and per active test override). The API key enters
    only as a hash."""
    secret = settings.openai_api_key.get_secret_value() if settings.openai_api_key else ""
    payload = settings.model_dump_json(exclude={"openai_api_key"})
    digest = hashlib.sha256(f"{payload}|{secret}|{_override_token()}".encode()).hexdigest()
    return digest[:24]


@dataclass(frozen=True)
class KnowledgeStatus:
    """What the Home page says about the knowledge base."""

    role_title: str
    competencies: int
    questions: int
    ingested_now: bool
    detail: str


@dataclass(frozen=True)
class ResumeIntake:
    """A resume as read from the user: the parsed resume, the extracted text, and any hidden/injected text."""

    resume: Resume
    extracted: ExtractedText
    injection: Injection


class Services:
    """The lazily built container (see the module docstring). Members are read-only once built."""

    def __init__(self, settings: Settings, *, progress: Callable[[str], Any] | None = None) -> None:
        self.settings = settings
        self._say = progress or (lambda _msg: None)
        self._lock = threading.RLock()
        self._built: dict[str, Any] = {}
        with _override_lock:
            self._overrides: dict[str, Any] = {name: f(settings) for name, f in _global_overrides.items()}

    # --- lazy members ---------------------------------------------------------------------------------------
    def _member(self, name: str, build: Callable[[], T]) -> T:
        with self._lock:
            # The dicts hold members of every type; `name` always maps to what `build` makes (or its override).
            member: T
            if name in self._overrides:
                member = self._overrides[name]
            elif name in self._built:
                member = self._built[name]
            else:
                member = self._built[name] = build()
            return member

    @contextmanager
    def override(self, **members: Any) -> Iterator[Services]:
        """Replace members of this container inside the block (tests only); members built from them are rebuilt."""
        unknown = sorted(set(members) - set(MEMBERS))
        if unknown:
            raise ValueError(f"cannot override {unknown}; members are {MEMBERS}")
        with self._lock:
            saved_overrides, saved_built = dict(self._overrides), dict(self._built)
            self._overrides.update(members)
            self._built.clear()
        try:
            yield self
        finally:
            with self._lock:
                self._overrides, self._built = saved_overrides, saved_built

    @property
    def knowledge(self) -> RoleKnowledge:
        def build() -> RoleKnowledge:
            from assistant.knowledge.loader import load_role

            self._say("Loading the role knowledge")
            return load_role(self.settings.role_dir)

        return self._member("knowledge", build)

    @property
    def embedder(self) -> Embedder:
        def build() -> Embedder:
            from assistant.knowledge.embeddings import get_embedder

            self._say("Loading the embedding model")
            return get_embedder(self.settings)

        return self._member("embedder", build)

    @property
    def store(self) -> KnowledgeStore:
        """The knowledge store, ingested on first use (so every entry point, CLI or app, retrieves from a ready
        store; `knowledge_status` says whether this process built it)."""

        def build() -> KnowledgeStore:
            from assistant.knowledge.store import KnowledgeStore

            self._say("Preparing the knowledge store")
            store = KnowledgeStore(self.settings, self.embedder)
            self._built["ingest_report"] = store.ensure_ready()
            return store

        return self._member("store", build)

    @property
    def knowledge_status(self) -> KnowledgeStatus:
        def build() -> KnowledgeStatus:
            self.store  # noqa: B018  (ingests on first use)
            return _knowledge_status(self.knowledge, self._built.get("ingest_report"))

        return self._member("knowledge_status", build)

    @property
    def db(self) -> Database:
        def build() -> Database:
            from assistant.storage import Database

            self._say("Opening the session database")
            self.settings.data_dir.mkdir(parents=True, exist_ok=True)
            return Database.from_settings(self.settings)

        return self._member("db", build)

    @property
    def prompts(self) -> PromptLibrary:
        def build() -> PromptLibrary:
            from assistant.prompting import PromptLibrary

            return PromptLibrary.from_settings(self.settings)

        return self._member("prompts", build)

    @property
    def engine(self) -> EngineInfo:
        """Which engine answers and why (an injected chat model counts as the LLM engine)."""

        def build() -> EngineInfo:
            from assistant.llm.factory import EngineInfo, resolve_engine

            if "chat_model" in self._overrides:
                model = self._overrides["chat_model"]
                name = getattr(model, "model_name", None) or "test model"
                return EngineInfo(kind="llm", model=name, base_url=None, reason="chat model injected by a test")
            self._say("Checking the LLM engine")
            return resolve_engine(self.settings, probe=True)

        return self._member("engine", build)

    @property
    def chat_model(self) -> BaseChatModel | None:
        def build() -> BaseChatModel | None:
            from assistant.llm.factory import build_chat_model

            return build_chat_model(self.settings) if self.engine.kind == "llm" else None

        return self._member("chat_model", build)

    @property
    def offline_scorer(self) -> OfflineScorer:
        """Shared by every session: its embedding caches are what keep a turn fast (it is thread-safe)."""

        def build() -> OfflineScorer:
            from assistant.interview.scoring import OfflineScorer

            return OfflineScorer(self.knowledge, self.embedder)

        return self._member("offline_scorer", build)

    @property
    def question_resolver(self) -> QuestionResolver:
        def build() -> QuestionResolver:
            from assistant.interview.scoring import QuestionResolver

            return QuestionResolver(self.knowledge, self.embedder)

        return self._member("question_resolver", build)

    # --- the engine as the user sees it -----------------------------------------------------------------------
    @property
    def uses_llm(self) -> bool:
        return self.engine.kind == "llm" and self.chat_model is not None

    @property
    def engine_label(self) -> str:
        """How the UI names the engine: an LLM is named by model, the offline coach is never passed off as one."""
        if self.uses_llm:
            where = f" at {self.engine.base_url}" if self.engine.base_url else ""
            return f"LLM: {self.engine.model}{where}"
        return "Offline coach (no LLM)"

    # --- per-user objects -------------------------------------------------------------------------------------
    def new_llm_client(self, *, budget_tokens: int | None = None) -> LLMClient | None:
        """A client with a fresh token meter: one per interview or review, so budgets are per session and user
        (`assistant eval` passes a larger budget for its whole run)."""
        model = self.chat_model if self.engine.kind == "llm" else None
        if model is None:
            return None
        from assistant.llm.client import LLMClient
        from assistant.llm.usage import UsageMeter

        return LLMClient(
            model,
            UsageMeter(budget_tokens or self.settings.session_token_budget),
            max_retries=self.settings.llm_max_retries,
            prompts=self.prompts,
            first_token_timeout_s=self.settings.llm_connect_timeout_s,
            total_timeout_s=self.settings.llm_timeout_s,
        )

    @property
    def llm_scores_trusted(self) -> bool:
        """Whether the LLM evaluator scores answers (LLM_SCORING, and the latest `assistant eval` of this model)."""
        from assistant.model_eval import scores_trusted

        return scores_trusted(self.settings, self.engine.model, self.engine.base_url)

    def new_scorer(self, llm: LLMClient | None) -> AnswerScorer:
        """The offline scorer, or with `llm` the LLM evaluator over it (grounded in the store, verdicts checked).
        An LLM whose latest eval disagreed with the calibration labels does not score unless the user opted in."""
        if llm is None or not self.llm_scores_trusted:
            return self.offline_scorer
        from assistant.interview.llm_evaluator import LLMEvaluator

        return LLMEvaluator(llm, self.knowledge, fallback=self.offline_scorer, retrieve=self.store.search)

    def new_interview_engine(self, *, llm: LLMClient | None = None, user_id: str = LOCAL_USER_ID) -> InterviewEngine:
        """An interview engine for one user's session: its own LLM client (token budget) and canaries."""
        from assistant.interview.engine import InterviewEngine

        client = llm if llm is not None else self.new_llm_client()
        return InterviewEngine(
            db=self.db,
            knowledge=self.knowledge,
            scorer=self.new_scorer(client),
            fallback_scorer=self.offline_scorer,
            store=self.store,
            llm=client,
            max_answer_chars=self.settings.max_answer_chars,
            user_id=user_id,
        )

    def read_resume_pdf(self, data: bytes) -> ResumeIntake:
        """Extract an uploaded PDF (sandboxed subprocess, configured limits) and parse what a reader can see."""
        from assistant.resume.intake import read_pdf

        return resume_intake(read_pdf(data, self.settings))

    def read_resume_text(self, text: str) -> ResumeIntake:
        """Normalise and parse pasted resume text, with the same limits and injection scan as an upload."""
        from assistant.resume.intake import read_text

        return resume_intake(read_text(text, self.settings))

    def review_resume(
        self, intake: ResumeIntake, job_description: str | None = None, *, llm: LLMClient | None = None
    ) -> ResumeReview:
        """Review a parsed resume against the role (and a job description when given).

        The score is always the offline coach's. With an LLM engine the model adds written feedback on top (its
        own client, so the review has its own token budget); if the model fails, the offline review comes back
        with `fallback=True` rather than an error.
        """
        from assistant.resume.review import review_resume

        return review_resume(intake.resume, self.knowledge, self.embedder, job_description=job_description,
                             extracted=intake.extracted, injection=intake.injection,
                             llm=llm if llm is not None else self.new_llm_client())

    def tailor_resume(
        self, resume: Resume, job_description: str | None = None, *, llm: LLMClient | None = None
    ) -> TailoredResume:
        """Tailor toward the role's template; with an LLM engine, also model rewrites checked by the guard."""
        from assistant.resume.tailor import tailor_resume

        return tailor_resume(resume, self.knowledge, job_description,
                             client=llm if llm is not None else self.new_llm_client())


def with_confirmed_roles(intake: ResumeIntake, roles: Sequence[ConfirmedRole]) -> ResumeIntake:
    """The intake with the work history the candidate confirmed or corrected (`assistant.resume.confirm`), ready
    to review again; its text, bullets and injection report stay as read. Raises `InputError` naming bad rows."""
    from assistant.resume.confirm import confirm_work_history

    return dataclasses.replace(intake, resume=confirm_work_history(intake.resume, roles))


def resume_intake(extracted: ExtractedText) -> ResumeIntake:
    """Parse extracted text with hidden/injected text taken out first (the app's upload and the CLI share this)."""
    from assistant.resume.review import prepare_resume

    resume, injection = prepare_resume(extracted)
    return ResumeIntake(resume=resume, extracted=extracted, injection=injection)


def _knowledge_status(knowledge: RoleKnowledge, report: IngestReport | None) -> KnowledgeStatus:
    if report is None:
        detail = "Knowledge store is up to date."
    else:
        detail = (
            f"Knowledge store built: {report.added} added, {report.updated} updated, "
            f"{report.removed} removed, {report.unchanged} unchanged."
        )
    return KnowledgeStatus(
        role_title=knowledge.profile.title,
        competencies=len(knowledge.rubric.competencies),
        questions=len(knowledge.questions.questions),
        ingested_now=report is not None,
        detail=detail,
    )


def build_services(settings: Settings, *, progress: Callable[[str], Any] | None = None) -> Services:
    """A container with what every app page needs built now (knowledge store ready, database open, engine chosen),
    so the first page pays for it under one spinner. `progress` receives short human-readable steps."""
    ensure_data_dir(settings)  # an unusable DATA_DIR is named before the store or the database trip over it
    services = Services(settings, progress=progress)
    services.knowledge_status  # noqa: B018  (ingest on first run)
    services.db  # noqa: B018
    services.prompts  # noqa: B018
    services.chat_model  # noqa: B018  (resolves the engine, with its reachability probe)
    return services


# --- Personal files ----------------------------------------------------------------------------------------------

# Folders under the data dir that only ever hold users' own material (exports, uploaded copies), one sub-folder
# per user id, so deleting one user's files never touches another's.
USER_FILE_DIRS = ("exports", "uploads")


def delete_user_files(settings: Settings, user_id: str) -> int:
    """Remove one user's files from the data folder ("delete my data"); returns how many were removed.

    The knowledge store and database files stay: the store holds only shipped role knowledge, and database rows
    are removed by `assistant.storage.delete_all_user_data(db, user_id)`.
    """
    import shutil

    if not user_id or "/" in user_id or user_id in (".", ".."):
        raise ValueError(f"not a user id: {user_id!r}")
    removed = 0
    for name in USER_FILE_DIRS:
        folder = settings.data_dir / name / user_id
        if folder.is_dir():
            removed += sum(1 for p in folder.rglob("*") if p.is_file())
            shutil.rmtree(folder)
    return removed


# --- Resume downloads ----------------------------------------------------------------------------------------

RESUME_FORMATS = {"md": "text/markdown", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml"
                  ".document", "pdf": "application/pdf"}


def resume_file_bytes(resume: Resume, fmt: str) -> bytes:
    """The resume exported as Markdown, DOCX or PDF, for a download button.

    Written in a private temporary folder and read back, so no copy of the resume is left on disk.
    """
    import tempfile

    from assistant.resume.export import export

    if fmt not in RESUME_FORMATS:
        raise ValueError(f"unknown resume format {fmt!r}")
    with tempfile.TemporaryDirectory(prefix="resume-export-") as folder:
        path = export(resume, Path(folder) / f"resume.{fmt}")
        return path.read_bytes()
