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


def run_guarded(action: Callable[[], T], *, as_json: bool = False) -> T:
    """Run a command body; a user-facing error becomes exit status 2 (never a traceback)."""
    try:
        return action()
    except CoachError as exc:
        if as_json:
            print_json(exc.to_dict())
        else:
            typer.echo(f"Error ({exc.code}): {exc.message}", err=True)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    except KeyboardInterrupt:
        typer.echo("Interrupted.", err=True)
        raise typer.Exit(130) from None


def settings() -> Settings:
    return get_settings()


def stderr(message: str) -> None:
    print(message, file=sys.stderr)
