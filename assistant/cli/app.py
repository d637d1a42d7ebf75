"""The Typer application object that area modules register their commands on."""

import typer

app = typer.Typer(
    name="assistant",
    help="Mock-interview and resume coach for Director of ML Engineering candidates.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
