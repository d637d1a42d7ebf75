"""Errors a user can act on. Each carries a stable `code` (the CLI's JSON contract) and a plain message."""

from __future__ import annotations

from pathlib import Path


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


def require_file(path: Path, label: str = "The file") -> None:
    """An `InputError` (never an OSError, never "does not exist" for a folder) unless `path` is a regular file.

    `label` starts the message: "The answers file", "The audio file"...
    """
    try:
        if path.is_file():
            return
        is_folder = path.is_dir()
    except OSError as exc:  # a name too long, a path through a file: pathlib raises instead of answering False
        raise InputError(f"{label} '{_short(path.name)}' cannot be opened: {exc.strerror or exc}.") from None
    if is_folder:
        raise InputError(f"{label} {path} is a folder; give the path of a file inside it.")
    try:
        present = path.exists()
    except OSError:
        present = False
    if present:  # a device, a pipe (`<(...)`, /dev/stdin from a pipe), a socket
        raise InputError(f"{label} {path} is not a regular file (a device or a pipe); save the content to a file "
                         "and give that file's path.")
    raise InputError(f"{label} {path} does not exist.")


def _short(name: str, limit: int = 80) -> str:
    return name if len(name) <= limit else name[: limit - 3] + "..."
