"""The Typer application object that area modules register their commands on."""

from __future__ import annotations

import importlib
import json
from typing import Any

import typer
from typer.core import TyperGroup

from assistant.cli.logs import cli_logging

try:  # Typer 0.29 vendors Click; an older Typer runs on the click package
    _click_exceptions: Any = importlib.import_module("typer._click.exceptions")
except ImportError:  # pragma: no cover
    _click_exceptions = importlib.import_module("click.exceptions")


class _JsonUsageErrors(TyperGroup):
    """A usage error (unknown option, a value out of range, a missing argument) under `--json` answers with the
    JSON error contract on stdout, exit status 2, like every other bad input; without `--json`, Typer's own box.
    Every command runs with `cli_logging`."""

    def invoke(self, ctx: Any) -> Any:
        wants_json = "--json" in [*ctx._protected_args, *ctx.args]
        try:
            with cli_logging():  # log warnings read as the CLI's own "Warning: ..." lines, on stderr only
                return super().invoke(ctx)
        except _click_exceptions.UsageError as exc:
            if not wants_json:
                raise
            message = exc.format_message()
            typer.echo(json.dumps({"error": {"code": "invalid_input", "message": message}}, indent=2))
            raise typer.Exit(2) from None


app = typer.Typer(
    name="assistant",
    help="Mock-interview and resume coach for Director of ML Engineering candidates.",
    cls=_JsonUsageErrors,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
