"""Settings: the one place that reads the environment and `.env`.

Every other module receives a `Settings` (or values taken from it) as an argument, so tests can build their own
with `Settings(data_dir=tmp_path, ...)` and never touch the process environment.
"""

from __future__ import annotations

import ipaddress
import os
import re
import tempfile
import tomllib
import types
import typing
from dataclasses import dataclass
from enum import Enum, StrEnum
from pathlib import Path
from typing import Any, Literal

import annotated_types
from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from assistant.errors import ConfigError

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
    # Defaults suit a CPU-served local model under load (a long structured reply can take minutes); the doctor
    # measures the server and says when they are too tight.
    llm_connect_timeout_s: float = Field(
        60.0, gt=0, description="Seconds to connect and get the first token (or the next streamed piece)."
    )
    llm_timeout_s: float = Field(300.0, gt=0, description="Seconds before one whole LLM request is abandoned.")
    llm_scoring: Literal["auto", "always", "never"] = Field(
        "auto",
        description="Who scores answers when an LLM is configured. auto: the LLM evaluator (verdicts checked) unless "
        "the latest `assistant eval` of this model found its scores disagree with the labels; always: the LLM "
        "evaluator regardless (opt in); never: the offline coach.",
    )
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
        json_schema_extra={"allowed": "a SQLAlchemy database URL such as sqlite:///data/coach.db or "
                           "postgresql+psycopg://user@host/dbname (or empty for the default SQLite file)"},
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

    # --- Serving --------------------------------------------------------------------------------------------
    serve_address: str = Field(
        "127.0.0.1",
        description="Address the app listens on. 127.0.0.1 (the default) serves only this machine; any other "
        "address serves other people, which needs sign-in (the app refuses to start shared without it).",
        json_schema_extra={"allowed": "an IP address or host name; 127.0.0.1 or localhost keeps the app private"},
    )

    # --- Limits -----------------------------------------------------------------------------------------------
    max_upload_mb: int = Field(10, ge=1, le=200, description="Largest resume or job-description upload, in MB.")
    max_pdf_pages: int = Field(20, ge=1, description="Most pages read from an uploaded PDF.")
    max_text_chars: int = Field(60_000, ge=1000, description="Most characters of resume or job-description text.")
    pdf_timeout_s: float = Field(15.0, gt=0, description="Wall-clock limit for reading one PDF (in a subprocess).")
    pdf_memory_mb: int = Field(1024, ge=128, description="Memory cap for the PDF-reading subprocess, in MB.")
    max_answer_chars: int = Field(8000, ge=200, description="Longest interview answer accepted, in characters.")

    # --- Voice answers ----------------------------------------------------------------------------------------
    transcription_base_url: str | None = Field(
        None,
        description="OpenAI-compatible server for /v1/audio/transcriptions (https://api.openai.com/v1, a local "
        "faster-whisper or whisper.cpp server). Empty means offline PocketSphinx (its model ships in the wheel).",
    )
    transcription_model: str = Field("whisper-1", description="Transcription model name as that server knows it.")

    @field_validator("database_url")
    @classmethod
    def _database_url_parses(cls, value: str | None) -> str | None:
        """A URL SQLAlchemy cannot parse, or whose database kind it does not know, fails here (at start-up, with
        the variable named) instead of on the first save."""
        if value is None:
            return None
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError, NoSuchModuleError

        try:
            make_url(value).get_dialect()
        except (ArgumentError, NoSuchModuleError, ValueError) as exc:
            raise ValueError("not a usable database URL") from exc
        return value

    @field_validator("serve_address")
    @classmethod
    def _serve_address_is_plain(cls, value: str) -> str:
        value = value.strip()
        if not value or any(c in value for c in "/ :") and not _is_ip(value):
            raise ValueError("not an address")
        return value

    @property
    def shared_mode(self) -> bool:
        """True when SERVE_ADDRESS lets other machines reach the app (anything but a loopback address)."""
        return not is_loopback(self.serve_address)

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


def _is_ip(value: str) -> bool:
    try:
        ipaddress.ip_address(value.strip("[]"))
    except ValueError:
        return False
    return True


def is_loopback(address: str | None) -> bool:
    """Whether a listen address reaches only this machine. Empty or None is *not* loopback: servers (Streamlit
    included) read it as "every interface"."""
    if not address:
        return False
    host = address.strip().strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def sign_in_available(app_dir: Path = REPO_ROOT) -> bool:
    """Whether visitors will be identified: an identity provider for Streamlit's `st.login` is configured (an
    `[auth]` section in `.streamlit/secrets.toml` beside app.py, where `assistant serve` starts Streamlit; see
    docs/DEPLOY.md). Read with tomllib so the core never imports streamlit."""
    path = app_dir / ".streamlit" / "secrets.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return isinstance(data.get("auth"), dict)


def serving_problem(address: str | None) -> ConfigError | None:
    """Why the app must not serve on `address` (None when it may).

    A private (loopback) start is always allowed. Serving other machines without sign-in would give every visitor
    the one local user's interviews, resumes and "Delete my data" button, so it is refused with the fix.
    """
    if is_loopback(address):
        return None
    if sign_in_available():
        return None
    shown = address or "every network interface (no address given)"
    return ConfigError(
        f"Refusing to serve on {shown}: that lets other people on the network open this app, and no sign-in is "
        "configured, so they would all see and delete the same person's interviews and resumes. Serve privately "
        "with SERVE_ADDRESS=127.0.0.1 (the default; `make run` and `assistant serve` use it), or configure sign-in "
        "([auth] in .streamlit/secrets.toml, see docs/DEPLOY.md) before sharing the app.",
        code="shared_without_sign_in",
    )


# --- Validation with messages a user can act on ---------------------------------------------------------------

# Values never echoed back in a message (a key, or a URL that may hold a password).
_SECRET_FIELDS = {"openai_api_key"}


@dataclass(frozen=True)
class SettingProblem:
    """One invalid setting: the environment variable, the value given (when safe to show) and what is allowed."""

    variable: str
    message: str

    def __str__(self) -> str:
        return self.message


class SettingsError(ConfigError):
    """Settings that cannot be used; the message lists every problem, each naming its variable."""

    code = "settings_invalid"

    def __init__(self, problems: list[SettingProblem]) -> None:
        lines = "\n".join(f"- {p.message}" for p in problems)
        super().__init__(
            f"Invalid settings (in .env or the environment); fix them and start again:\n{lines}"
        )
        self.problems = list(problems)


def env_name(field: str) -> str:
    """The environment variable of a settings field (field names map one to one, upper-cased)."""
    return field.upper()


def _base_type(annotation: Any) -> Any:
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0] if args else annotation
    return annotation


def allowed_values(field: str) -> str:
    """What a field accepts, in words, from its type and bounds (so the message cannot drift from the code)."""
    info = Settings.model_fields[field]
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    if isinstance(extra.get("allowed"), str):
        return str(extra["allowed"])
    base = _base_type(info.annotation)
    if isinstance(base, type) and issubclass(base, Enum):
        return "one of " + ", ".join(str(m.value) for m in base)
    words = {int: "a whole number", float: "a number", bool: "true or false", Path: "a folder path"}
    kind = words.get(base, "text") if isinstance(base, type) else "text"
    limits = {type(m).__name__: m for m in info.metadata}
    if "Ge" in limits and "Le" in limits:
        return f"{kind} from {limits['Ge'].ge} to {limits['Le'].le}"
    bounds = []
    for meta in info.metadata:
        if isinstance(meta, annotated_types.Gt):
            bounds.append(f"greater than {meta.gt}")
        elif isinstance(meta, annotated_types.Ge):
            bounds.append(f"at least {meta.ge}")
        elif isinstance(meta, annotated_types.Lt):
            bounds.append(f"less than {meta.lt}")
        elif isinstance(meta, annotated_types.Le):
            bounds.append(f"at most {meta.le}")
    return kind + (" " + " and ".join(bounds) if bounds else "")


def _shown(field: str, value: object) -> str:
    if field in _SECRET_FIELDS:
        return "(hidden)"
    text = str(value)
    if field == "database_url" and "@" in text:
        return "(hidden: it holds credentials)"
    if len(text) > 80:
        text = text[:77] + "..."
    return repr(text)


def _problem(field: str, value: object) -> SettingProblem:
    variable = env_name(field)
    description = re.split(r"[.;]\s", Settings.model_fields[field].description or "")[0].rstrip(" .")
    if description[:2].istitle():  # "Seconds before..." reads as "(seconds before...)"; "SQLAlchemy" stays
        description = description[0].lower() + description[1:]
    allowed = allowed_values(field)
    what = f" ({description})" if description and not allowed.startswith("one of") else ""
    return SettingProblem(
        variable,
        f"{variable}={_shown(field, value)} is not valid{what}. Allowed: {allowed}.",
    )


def inspect_settings(**values: Any) -> tuple[Settings, list[SettingProblem]]:
    """Read settings, replacing every invalid value by its default, and say which values were invalid.

    `assistant doctor` and the app's status page use this to keep checking everything else and list *every*
    problem at once; everything that acts on the settings uses `get_settings()`, which refuses invalid ones.
    """
    problems: dict[str, SettingProblem] = {}
    fallback: dict[str, Any] = {}
    for _ in range(len(Settings.model_fields) + 1):
        try:
            settings = Settings(**{**values, **fallback})
        except ValidationError as exc:
            for error in exc.errors():
                field = str(error["loc"][0]) if error["loc"] else ""
                if field not in Settings.model_fields or field in fallback:
                    raise  # cannot happen for field errors; never hide a bug behind a default
                problems.setdefault(field, _problem(field, error.get("input")))
                fallback[field] = Settings.model_fields[field].get_default(call_default_factory=True)
            continue
        problem = data_dir_problem(settings)
        if problem is not None:
            problems.setdefault("data_dir", problem)
        return settings, list(problems.values())
    raise AssertionError("settings validation did not converge")  # pragma: no cover


def data_dir_problem(settings: Settings, *, create: bool = False) -> SettingProblem | None:
    """DATA_DIR must be a folder we can create and write in (the store, the database and exports live there).

    Without `create` nothing is written (reading settings must not touch the disk): the folder, or the nearest
    folder that exists above it, must be a writable folder. With `create` the folder is made and a file is written
    and removed in it, which also catches what permissions alone do not show (a read-only mount, /proc).
    """
    folder = settings.data_dir
    reason: str | None = None
    if create:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-check-"):
                pass
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            if isinstance(exc, FileExistsError) or _file_in_the_way(folder):
                reason = "it is a file, not a folder"
    else:
        existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
        if existing is not None and not existing.is_dir():
            reason = "it is a file, not a folder" if existing == folder else f"{existing} is a file, not a folder"
        elif existing is not None and not os.access(existing, os.W_OK | os.X_OK):
            reason = f"{existing} is not writable"
    if reason is None:
        return None
    return SettingProblem(
        "DATA_DIR",
        f"DATA_DIR={str(folder)!r} cannot be used ({reason}). Allowed: a folder this user can create and write "
        "in; empty means ./data.",
    )


def _file_in_the_way(folder: Path) -> bool:
    return any(p.exists() and not p.is_dir() for p in (folder, *folder.parents))


def ensure_data_dir(settings: Settings) -> None:
    """Create DATA_DIR and prove it is writable, or raise a `SettingsError` naming it (never an OSError)."""
    problem = data_dir_problem(settings, create=True)
    if problem is not None:
        raise SettingsError([problem])


def get_settings() -> Settings:
    """Read settings fresh (environment and `.env`); invalid values raise `SettingsError` listing every one.

    Callers that need a stable object keep the one they got.
    """
    settings, problems = inspect_settings()
    if problems:
        raise SettingsError(problems)
    return settings
