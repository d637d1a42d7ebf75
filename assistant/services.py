"""The core objects a user interface needs, built once from `Settings`.

The Streamlit pages (and anything else that wants the whole coach wired up) call `build_services(settings)` once
and keep the result; the app wraps it in `st.cache_resource`. Everything held here is shared by every user of the
process and is never mutated after construction: per-user state (an interview in progress, a parsed resume, a
token meter) is created per use by the methods below and lives with the caller.

The one test seam is `override_chat_model()`: tests hand in a fake LangChain chat model (for instance
`assistant.llm.fakes.FakeChatModel`) instead of patching SDK internals. Production code never calls it.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.config import Settings
from assistant.knowledge.embeddings import Embedder, get_embedder
from assistant.knowledge.loader import load_role
from assistant.knowledge.schema import RoleKnowledge
from assistant.knowledge.store import IngestReport, KnowledgeStore
from assistant.llm.factory import EngineInfo, build_chat_model, resolve_engine
from assistant.prompting import PromptLibrary
from assistant.storage import Database

if TYPE_CHECKING:
    from langchain_core.language_models.chat_models import BaseChatModel

    from assistant.interview.engine import InterviewEngine
    from assistant.llm.client import LLMClient
    from assistant.resume.models import ExtractedText, Injection, Resume
    from assistant.resume.review import ResumeReview

ChatModelFactory = Callable[[Settings], "BaseChatModel"]

# Test seam (see module docstring). Guarded by a lock because Streamlit serves sessions from several threads.
_override_lock = threading.Lock()
_chat_model_override: ChatModelFactory | None = None


@contextmanager
def override_chat_model(factory: ChatModelFactory) -> Iterator[None]:
    """Make every `Services` built inside this block use `factory(settings)` as its chat model (tests only)."""
    global _chat_model_override
    with _override_lock:
        previous, _chat_model_override = _chat_model_override, factory
    try:
        yield
    finally:
        with _override_lock:
            _chat_model_override = previous


def chat_model_override_token() -> str:
    """Identifies the current override, so a cache keyed on settings does not serve services built without it."""
    factory = _chat_model_override
    return "" if factory is None else f"override:{id(factory)}"


def settings_fingerprint(settings: Settings) -> str:
    """A stable key for caching services per configuration. The API key enters only as a hash."""
    secret = settings.openai_api_key.get_secret_value() if settings.openai_api_key else ""
    payload = settings.model_dump_json(exclude={"openai_api_key"})
    digest = hashlib.sha256(f"{payload}|{secret}|{chat_model_override_token()}".encode()).hexdigest()
    return digest[:24]


@dataclass(frozen=True)
class KnowledgeStatus:
    """What the Home page says about the knowledge base."""

    role_title: str
    competencies: int
    questions: int
    ingested_now: bool
    detail: str


@dataclass
class Services:
    """Shared, read-only core objects. Build with `build_services`; never mutate after construction."""

    settings: Settings
    knowledge: RoleKnowledge
    embedder: Embedder
    store: KnowledgeStore
    db: Database
    prompts: PromptLibrary
    engine: EngineInfo
    knowledge_status: KnowledgeStatus
    _chat_model: BaseChatModel | None = field(default=None, repr=False)

    @property
    def uses_llm(self) -> bool:
        return self.engine.kind == "llm" and self._chat_model is not None

    @property
    def engine_label(self) -> str:
        """How the UI names the engine: an LLM is named by model, the offline coach is never passed off as one."""
        if self.uses_llm:
            where = f" at {self.engine.base_url}" if self.engine.base_url else ""
            return f"LLM: {self.engine.model}{where}"
        return "Offline coach (no LLM)"

    def new_llm_client(self) -> LLMClient | None:
        """A client with a fresh token meter: one per interview or review, so budgets are per session and user."""
        if not self.uses_llm:
            return None
        from assistant.llm.client import LLMClient
        from assistant.llm.usage import UsageMeter

        assert self._chat_model is not None
        return LLMClient(
            self._chat_model,
            UsageMeter(self.settings.session_token_budget),
            max_retries=self.settings.llm_max_retries,
            prompts=self.prompts,
        )

    def new_interview_engine(self, user_id: str = "local") -> InterviewEngine:
        """An interview engine for one user's session: its own LLM client (token budget) and canaries; it reads
        and writes only `user_id`'s sessions."""
        from assistant.interview.engine import build_engine

        return build_engine(self, llm=self.new_llm_client(), user_id=user_id)

    def read_resume_pdf(self, data: bytes) -> ResumeIntake:
        """Extract an uploaded PDF (sandboxed subprocess, configured limits) and parse what a reader can see."""
        from assistant.resume.intake import read_pdf

        return _intake(read_pdf(data, self.settings))

    def read_resume_text(self, text: str) -> ResumeIntake:
        """Normalise and parse pasted resume text, with the same limits and injection scan as an upload."""
        from assistant.resume.intake import read_text

        return _intake(read_text(text, self.settings))

    def review_resume(self, intake: ResumeIntake, job_description: str | None = None) -> ResumeReview:
        """Review a parsed resume against the role (and a job description when given).

        The score is always the offline coach's. With an LLM engine the model adds written feedback on top (its
        own client, so the review has its own token budget); if the model fails, the offline review comes back
        with `fallback=True` rather than an error.
        """
        from assistant.resume.review import review_resume

        return review_resume(intake.resume, self.knowledge, self.embedder, job_description=job_description,
                             extracted=intake.extracted, injection=intake.injection,
                             llm=self.new_llm_client(), prompts=self.prompts)


@dataclass(frozen=True)
class ResumeIntake:
    """A resume as read from the user: the parsed resume, the extracted text, and any hidden/injected text."""

    resume: Resume
    extracted: ExtractedText
    injection: Injection


def _intake(extracted: ExtractedText) -> ResumeIntake:
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
    """Load knowledge, make sure the vector store is ready (ingesting on first run), open the database and pick
    the engine. `progress` receives short human-readable steps for a spinner or status box."""
    say = progress or (lambda _msg: None)
    say("Loading the role knowledge")
    knowledge = load_role(settings.role_dir)
    say("Loading the embedding model")
    embedder = get_embedder(settings)
    say("Preparing the knowledge store")
    store = KnowledgeStore(settings, embedder)
    report = store.ensure_ready()
    say("Opening the session database")
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    db = Database.from_settings(settings)
    prompts = PromptLibrary(settings.assistant_prompts_dir, settings.prompts_default_dir)

    override = _chat_model_override
    chat_model: BaseChatModel | None
    if override is not None:
        chat_model = override(settings)
        engine = EngineInfo(kind="llm", model=getattr(chat_model, "model_name", None) or "test model",
                            base_url=None, reason="chat model injected by a test")
    else:
        say("Checking the LLM engine")
        engine = resolve_engine(settings, probe=True)
        chat_model = build_chat_model(settings) if engine.kind == "llm" else None

    return Services(
        settings=settings,
        knowledge=knowledge,
        embedder=embedder,
        store=store,
        db=db,
        prompts=prompts,
        engine=engine,
        knowledge_status=_knowledge_status(knowledge, report),
        _chat_model=chat_model,
    )


# --- Personal files ----------------------------------------------------------------------------------------------

# Folders under the data dir that only ever hold the user's own material (exports, uploaded copies).
USER_FILE_DIRS = ("exports", "uploads")


def delete_user_files(settings: Settings) -> int:
    """Remove the user's files from the data folder ("delete my data"); returns how many were removed.

    The knowledge store and database files stay: the store holds only shipped role knowledge, and database rows
    are removed by `Database.delete_all_user_data()`.
    """
    import shutil

    removed = 0
    for name in USER_FILE_DIRS:
        folder = settings.data_dir / name
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


# --- PDF of a Markdown report ----------------------------------------------------------------------------------

_DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
_LATIN1_FALLBACKS = {
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
    "\u2026": "...", "\u203a": ">", "\u2022": "-", "\u00a0": " ", "\u2192": "->", "\u2265": ">=", "\u2264": "<=",
}


def _latin1(text: str) -> str:
    for char, replacement in _LATIN1_FALLBACKS.items():
        text = text.replace(char, replacement)
    return text.encode("latin-1", "replace").decode("latin-1")


def _plain(text: str) -> str:
    """Drop inline Markdown markers. fpdf2's own markdown mode would also treat `--` and `__` as styling, which
    mangles ordinary text such as date ranges."""
    return text.replace("**", "").replace("`", "")


def markdown_pdf_bytes(markdown: str, *, title: str = "Report") -> bytes:
    """Render simple Markdown (headings, bullets, paragraphs) to a PDF.

    Reports are plain structured text, so a small renderer is enough and keeps the output predictable. DejaVu is
    used when the system has it (full Unicode); otherwise text is folded to Latin-1 for fpdf2's core fonts.
    """
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_title(title)
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    regular, bold = _DEJAVU / "DejaVuSans.ttf", _DEJAVU / "DejaVuSans-Bold.ttf"
    if regular.is_file() and bold.is_file():
        pdf.add_font("Body", "", str(regular))
        pdf.add_font("Body", "B", str(bold))
        family, clean = "Body", (lambda s: s)
    else:
        family, clean = "Helvetica", _latin1

    sizes = {1: 18, 2: 14, 3: 12}
    for raw in markdown.splitlines():
        line = raw.rstrip()
        if not line.strip():
            pdf.ln(3)
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        pdf.set_x(pdf.l_margin)
        if heading:
            level = len(heading.group(1))
            pdf.set_font(family, "B", sizes.get(level, 11))
            pdf.ln(2)
            pdf.multi_cell(0, 8, clean(heading.group(2).replace("**", "")))
            continue
        bullet = re.match(r"^(\s*)[-*]\s+(.*)$", line)
        pdf.set_font(family, "", 10.5)
        if bullet:
            indent = min(len(bullet.group(1)) // 2, 3) * 5 + 4
            pdf.set_x(pdf.l_margin + indent)
            pdf.multi_cell(0, 5.5, clean("- " + _plain(bullet.group(2))))
        else:
            pdf.multi_cell(0, 5.5, clean(_plain(line)))
    return bytes(pdf.output())
