"""Settings: the one place that reads the environment and `.env`.

Every other module receives a `Settings` (or values taken from it) as an argument, so tests can build their own
with `Settings(data_dir=tmp_path, ...)` and never touch the process environment.
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent

_TELEMETRY_OFF = {
    # onnxruntime writes a device id and a queued telemetry event on import unless this is set first.
    "ORT_DISABLE_TELEMETRY": "1",
    # Chroma product telemetry (already a no-op in 1.5, kept off explicitly).
    "ANONYMIZED_TELEMETRY": "False",
    # Nothing may reach a model hub at run time.
    "HF_HUB_OFFLINE": "1",
    # Streamlit usage statistics.
    "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
}


def disable_telemetry() -> None:
    """Switch off every library's telemetry; must run before onnxruntime, chromadb or streamlit are imported."""
    for key, value in _TELEMETRY_OFF.items():
        os.environ.setdefault(key, value)


disable_telemetry()


class Provider(StrEnum):
    """Which engine answers: `auto` uses an LLM when one is configured and reachable, else the offline coach."""

    AUTO = "auto"
    OPENAI = "openai"
    OFFLINE = "offline"


class EmbeddingBackend(StrEnum):
    LOCAL = "local"
    OPENAI = "openai"


class Settings(BaseSettings):
    """All configuration of the coach. Field names map to environment variables (case-insensitive)."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", env_ignore_empty=True
    )

    # --- LLM engine -------------------------------------------------------------------------------------------
    llm_provider: Provider = Field(
        Provider.AUTO,
        description="auto: LLM when OPENAI_API_KEY or OPENAI_BASE_URL is set and answers, else the offline coach; "
        "openai: always the LLM; offline: never call an LLM.",
    )
    openai_api_key: SecretStr | None = Field(
        None, description="API key for OpenAI, or for an OpenAI-compatible server that needs one."
    )
    openai_base_url: str | None = Field(
        None,
        description="Base URL of an OpenAI-compatible server (Ollama http://localhost:11434/v1, vLLM, LM Studio, "
        "llama.cpp). Empty means api.openai.com.",
    )
    chat_model: str = Field("gpt-4o-mini", description="Chat model name as the server knows it.")
    llm_temperature: float = Field(0.3, ge=0.0, le=2.0, description="Sampling temperature for generated text.")
    llm_timeout_s: float = Field(60.0, gt=0, description="Seconds before one LLM request is abandoned.")
    llm_max_retries: int = Field(
        2, ge=0, le=10, description="Retries (with backoff) on 429, 5xx and connection errors; none on 400/401."
    )
    session_token_budget: int = Field(
        200_000, ge=1000, description="Most tokens (prompt + completion) one interview or review may spend."
    )

    # --- Knowledge and embeddings -----------------------------------------------------------------------------
    embedding_backend: EmbeddingBackend = Field(
        EmbeddingBackend.LOCAL,
        description="local: all-MiniLM-L6-v2 int8 ONNX shipped in a PyPI package (offline); openai: the API.",
    )
    openai_embedding_model: str = Field(
        "text-embedding-3-small", description="Embedding model used when EMBEDDING_BACKEND=openai."
    )
    role: str = Field("ml-director", description="Role profile folder under the knowledge directory.")
    chroma_host: str | None = Field(
        None, description="Host of a Chroma server (`chroma run`). Empty means an embedded store in the data dir."
    )
    chroma_port: int = Field(8000, ge=1, le=65535, description="Port of the Chroma server.")
    chroma_collection: str = Field("role_knowledge", description="Chroma collection holding the knowledge base.")

    # --- Storage ----------------------------------------------------------------------------------------------
    data_dir: Path = Field(
        REPO_ROOT / "data", description="Where the Chroma store, the database and exports live (gitignored)."
    )
    database_url: str | None = Field(
        None,
        description="SQLAlchemy URL for sessions and scores. Empty means a SQLite file in the data dir; "
        "postgresql+psycopg://... for a shared deployment.",
    )
    database_pool_size: int = Field(
        5, ge=1, le=100, description="Connections each app process keeps open to a database server (not SQLite)."
    )
    database_max_overflow: int = Field(
        10, ge=0, le=100, description="Extra connections a process may open at a peak, closed again afterwards."
    )
    assistant_prompts_dir: Path = Field(
        REPO_ROOT / "prompts", description="Folder of editable prompt files (defaults ship in the repo)."
    )
    assistant_knowledge_dir: Path = Field(
        REPO_ROOT / "knowledge", description="Folder of role knowledge: one sub-folder per role."
    )

    # --- Limits -----------------------------------------------------------------------------------------------
    max_upload_mb: int = Field(10, ge=1, le=200, description="Largest resume or job-description upload, in MB.")
    max_pdf_pages: int = Field(20, ge=1, description="Most pages read from an uploaded PDF.")
    max_text_chars: int = Field(60_000, ge=1000, description="Most characters of resume or job-description text.")
    pdf_timeout_s: float = Field(15.0, gt=0, description="Wall-clock limit for reading one PDF (in a subprocess).")
    pdf_memory_mb: int = Field(1024, ge=128, description="Memory cap for the PDF-reading subprocess, in MB.")
    max_answer_chars: int = Field(8000, ge=200, description="Longest interview answer accepted, in characters.")

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'coach.db'}"

    @property
    def role_dir(self) -> Path:
        return self.assistant_knowledge_dir / self.role

    @property
    def llm_configured(self) -> bool:
        """True when the user pointed us at an LLM (a key, or a compatible server that may need none)."""
        if self.llm_provider is Provider.OFFLINE:
            return False
        return bool(self.openai_base_url) or self.openai_api_key is not None or self.llm_provider is Provider.OPENAI

    @property
    def prompts_default_dir(self) -> Path:
        """The shipped prompt files, used for reset and diff when ASSISTANT_PROMPTS_DIR points elsewhere."""
        return REPO_ROOT / "prompts"


def get_settings() -> Settings:
    """Read settings fresh (environment and `.env`); callers that need a stable object keep the one they got."""
    return Settings()
