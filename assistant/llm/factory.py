"""The only module that knows which providers exist: OpenAI, any OpenAI-compatible server, or the offline coach.

`resolve_engine` decides (and says why) which engine answers; `build_chat_model` makes the LangChain chat model for
the LLM engine. Everything else receives a `BaseChatModel` and never asks where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import httpx

from assistant.config import Provider, Settings
from assistant.errors import ConfigError

if TYPE_CHECKING:  # langchain-openai costs ~1 s to import; the offline coach never needs it
    from langchain_openai import ChatOpenAI

OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1"
PROBE_TIMEOUT_S = 2.0
# ChatOpenAI insists on some key; local servers (Ollama, vLLM, llama.cpp) ignore it.
PLACEHOLDER_KEY = "not-needed"

EngineKind = Literal["llm", "offline"]


@dataclass(frozen=True)
class EngineInfo:
    """Which engine answers and a one-line reason the UI and CLI show to the user."""

    kind: EngineKind
    model: str | None
    base_url: str | None
    reason: str

    @property
    def is_llm(self) -> bool:
        return self.kind == "llm"

    @property
    def label(self) -> str:
        """Short name for a badge: 'LLM (llama3.1)' or 'Offline coach'."""
        return f"LLM ({self.model})" if self.is_llm else "Offline coach"


def _where(settings: Settings) -> str:
    if settings.openai_base_url:
        return f"OPENAI_BASE_URL={settings.openai_base_url}"
    return "OPENAI_API_KEY set, api.openai.com"


def probe_server(settings: Settings, timeout_s: float = PROBE_TIMEOUT_S) -> str | None:
    """Cheap reachability check (GET {base_url}/models). Returns None when the server answered, else the problem.

    Any HTTP answer counts as reachable except an auth failure: a server without a /models route (404) is still
    a server. The key is sent only in the Authorization header and never appears in the returned text.
    """
    base_url = (settings.openai_base_url or OPENAI_DEFAULT_BASE_URL).rstrip("/")
    headers = {}
    if settings.openai_api_key is not None:
        headers["Authorization"] = f"Bearer {settings.openai_api_key.get_secret_value()}"
    try:
        response = httpx.get(f"{base_url}/models", headers=headers, timeout=timeout_s)
    except httpx.TimeoutException:
        return f"{base_url} did not answer within {timeout_s:g} s"
    except Exception as exc:  # connection refused, DNS failure, TLS error, no network: all mean "not reachable"
        return f"{base_url} is not reachable ({type(exc).__name__})"
    if response.status_code in (401, 403):
        return f"{base_url} rejected the API key (HTTP {response.status_code}); set OPENAI_API_KEY in .env"
    if response.status_code >= 500:
        return f"{base_url} answered with a server error (HTTP {response.status_code})"
    return None


def resolve_engine(settings: Settings, probe: bool = True) -> EngineInfo:
    """Decide which engine answers.

    - `LLM_PROVIDER=offline`: the offline coach, no network access at all.
    - `LLM_PROVIDER=openai`: always the LLM (a failing server then surfaces as an LLM error at call time).
    - `auto` (default): the LLM when a key or base URL is configured and the server answers a cheap probe, else the
      offline coach, with the reason.
    """
    model = settings.chat_model
    base_url = settings.openai_base_url
    if settings.llm_provider is Provider.OFFLINE:
        return EngineInfo("offline", None, None, "offline coach: LLM_PROVIDER=offline")
    if settings.llm_provider is Provider.OPENAI:
        return EngineInfo("llm", model, base_url, f"LLM_PROVIDER=openai, {_where(settings)} (model {model})")
    if not settings.llm_configured:
        return EngineInfo(
            "offline", None, None, "offline coach: no OPENAI_API_KEY or OPENAI_BASE_URL configured"
        )
    if probe:
        problem = probe_server(settings)
        if problem is not None:
            return EngineInfo("offline", None, base_url, f"offline coach: {problem}")
    return EngineInfo("llm", model, base_url, f"{_where(settings)} (model {model})")



def build_chat_model(settings: Settings) -> ChatOpenAI:
    """The chat model for the LLM engine: explicit timeout, no SDK retries (the client retries), usage on streams."""
    if settings.llm_provider is Provider.OFFLINE:
        raise ConfigError("LLM_PROVIDER=offline: the offline coach is in use, so no chat model is built.")
    if settings.openai_api_key is None and not settings.openai_base_url:
        raise ConfigError(
            "No LLM is configured: set OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL (a local OpenAI-compatible "
            "server) in .env, or use the offline coach."
        )
    api_key = settings.openai_api_key.get_secret_value() if settings.openai_api_key is not None else PLACEHOLDER_KEY
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        model=settings.chat_model,
        base_url=settings.openai_base_url or None,
        api_key=api_key,
        # Connect (and pool/write) fail fast; a reply may take up to the total timeout. Streams get a per-request
        # first-token timeout from the client.
        timeout=httpx.Timeout(settings.llm_timeout_s, connect=settings.llm_connect_timeout_s),
        max_retries=0,
        stream_usage=True,
        temperature=settings.llm_temperature,
    )
