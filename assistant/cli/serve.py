"""`assistant serve`: start the web app privately (loopback) unless sharing is explicitly configured and allowed.

`make run` goes through here, so the documented start always binds SERVE_ADDRESS (127.0.0.1 by default), and an
invalid setting or a shared start without sign-in stops with exit status 2 and a message before anything listens.
"""

from __future__ import annotations

import os
import shlex
import socket
import sys

import typer

from assistant.cli.app import app
from assistant.cli.common import run_guarded, settings
from assistant.config import REPO_ROOT, ensure_data_dir, is_loopback, serving_problem
from assistant.errors import InputError


def streamlit_command(address: str, port: int) -> list[str]:
    """The exact server command: Streamlit reads no address from us otherwise, and its own default is every
    interface, so the address is always passed explicitly."""
    return [
        sys.executable, "-m", "streamlit", "run", str(REPO_ROOT / "app.py"),
        "--server.address", address, "--server.port", str(port), "--server.headless", "true",
    ]


def check_port_free(address: str, port: int) -> None:
    """Refuse a port something already listens on, before saying "Serving on ..." (Streamlit would print that
    the port is not available after our banner and exit 1; `make run` twice is the common case)."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does: TIME_WAIT is no obstacle
        try:
            probe.bind((address, port))
        except OSError as exc:
            raise InputError(
                f"Port {port} on {address} is already in use ({exc.strerror or exc}): the app may already be "
                f"running at http://{address}:{port}. Stop it, or start on another port with --port N "
                "(`make run PORT=N`).",
                code="port_in_use",
            ) from None


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
    run_guarded(lambda: check_port_free(current.serve_address, port))
    if is_loopback(current.serve_address):
        typer.echo(f"Serving privately on http://{current.serve_address}:{port} (only this machine can open it).")
    else:
        typer.echo(f"Serving on http://{current.serve_address}:{port} for your network; visitors must sign in.")
    os.chdir(REPO_ROOT)  # Streamlit reads .streamlit/config.toml (upload cap, XSRF, no usage stats) from here
    os.execv(sys.executable, command)
