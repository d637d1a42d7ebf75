"""The LLM layer: which engine answers (`factory`), how every call is made (`client`), what it costs (`usage`),
how untrusted text enters a prompt (`safety`), and a fake model for tests and benchmarks (`fakes`).

Only light modules are re-exported here, so importing an error class or `spotlight` does not pull in
langchain-openai; import `assistant.llm.client` / `assistant.llm.factory` where a model is actually used.
"""

from assistant.llm.errors import (
    BudgetExceeded,
    LLMAuthError,
    LLMError,
    LLMRequestRejected,
    LLMTimeout,
    LLMUnavailable,
    MethodUnsupported,
    PromptLeakBlocked,
    StreamInterrupted,
    StructuredOutputError,
)
from assistant.llm.safety import clean_untrusted, new_canary, spotlight
from assistant.llm.usage import UsageMeter, approx_tokens

__all__ = [
    "BudgetExceeded",
    "LLMAuthError",
    "LLMError",
    "LLMRequestRejected",
    "LLMTimeout",
    "LLMUnavailable",
    "MethodUnsupported",
    "PromptLeakBlocked",
    "StreamInterrupted",
    "StructuredOutputError",
    "UsageMeter",
    "approx_tokens",
    "clean_untrusted",
    "new_canary",
    "spotlight",
]
