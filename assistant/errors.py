"""Errors a user can act on. Each carries a stable `code` (the CLI's JSON contract) and a plain message."""

from __future__ import annotations


class CoachError(Exception):
    """Base for every error that reaches a user as a message (never as a traceback)."""

    code: str = "error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def to_dict(self) -> dict[str, dict[str, str]]:
        return {"error": {"code": self.code, "message": self.message}}


class InputError(CoachError):
    """Bad user input (a file, a pasted text, a form value). Codes: empty_file, not_pdf, encrypted, corrupt,
    no_text, too_large, timeout, invalid_input."""

    code = "invalid_input"


class KnowledgeError(CoachError):
    """A knowledge file is missing or invalid; the message names the file and the field."""

    code = "knowledge_invalid"


class ConfigError(CoachError):
    """Configuration that cannot work (bad key, unreachable server); the message says how to fix it."""

    code = "config"
