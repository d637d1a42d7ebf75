"""`assistant serve`: start the web app privately (loopback) unless sharing is explicitly configured and allowed.

`make run` goes through here, so the documented start always binds SERVE_ADDRESS (127.0.0.1 by default), and an
invalid setting or a shared start without sign-in stops with exit status 2 and a message before anything listens.
"""

from __future__ import annotations

import os
import shlex
import sys

import typer

from assistant.cli.app import app
from assistant.cli.common import run_guarded, settings
from assistant.config import REPO_ROOT, ensure_data_dir, serving_problem


def streamlit_command(address: str, port: int) -> list[str]:
    """The exact server command: Streamlit reads no address from us otherwise, and its own default is every
    interface, so the address is always passed explicitly."""
    return [
        sys.executable, "-m", "streamlit", "run", str(REPO_ROOT / "app.py"),
        "--server.address", address, "--server.port", str(port), "--server.headless", "true",
    ]


@app.command()
def serve(
    port: int = typer.Option(8501, "--port", min=1, max=65535, help="Port to listen on."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Check the settings and print the command; start nothing."),
) -> None:
    """Start the app on SERVE_ADDRESS (127.0.0.1 by default: only this machine can open it)."""
    current = settings()

    def check() -> list[str]:
        problem = serving_problem(current.serve_address)
        if problem is not None:
            raise problem
        ensure_data_dir(current)
        return streamlit_command(current.serve_address, port)

    command = run_guarded(check)
    if dry_run:
        typer.echo(shlex.join(command))
        return
    typer.echo(f"Serving privately on http://{current.serve_address}:{port} (only this machine can open it).")
    os.chdir(REPO_ROOT)  # Streamlit reads .streamlit/config.toml (upload cap, XSRF, no usage stats) from here
    os.execv(sys.executable, command)
