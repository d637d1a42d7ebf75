"""What every CLI command shares: turning a `CoachError` into exit status 2 with a plain message or JSON."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer
from pydantic import BaseModel

from assistant.config import Settings, get_settings
from assistant.errors import CoachError

T = TypeVar("T")

EXIT_BAD_INPUT = 2


def to_jsonable(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    return value


def print_json(value: Any) -> None:
    typer.echo(json.dumps(to_jsonable(value), indent=2, ensure_ascii=False))


def fail(exc: CoachError, *, as_json: bool | None = None) -> typer.Exit:
    """Print a user-facing error (plain text on stderr, or the JSON contract on stdout); returns the exit to raise.

    `as_json=None` follows the running command's own `--json` option.
    """
    if as_json is None:
        ctx = _current_context()
        as_json = bool(ctx is not None and ctx.params.get("as_json"))
    if as_json:
        print_json(exc.to_dict())
    else:
        typer.echo(f"Error ({exc.code}): {exc.message}", err=True)
    return typer.Exit(EXIT_BAD_INPUT)


def _current_context() -> Any:
    """The running command's context. Typer 0.29 vendors Click, so its own context stack is the one to ask."""
    import importlib

    try:
        globals_module = importlib.import_module("typer._click.globals")
    except ImportError:  # an older Typer that still runs on the click package
        globals_module = importlib.import_module("click")
    return globals_module.get_current_context(silent=True)


def run_guarded(action: Callable[[], T], *, as_json: bool = False) -> T:
    """Run a command body; a user-facing error becomes exit status 2 (never a traceback)."""
    try:
        return action()
    except CoachError as exc:
        raise fail(exc, as_json=as_json) from None
    except KeyboardInterrupt:
        typer.echo("Interrupted.", err=True)
        raise typer.Exit(130) from None


def settings() -> Settings:
    """The settings, or exit status 2 with one message naming every invalid variable (whatever the command)."""
    try:
        return get_settings()
    except CoachError as exc:
        raise fail(exc) from None


def stderr(message: str) -> None:
    print(message, file=sys.stderr)
