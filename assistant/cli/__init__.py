"""The `assistant` command: one Typer app assembled from one module per area."""

from __future__ import annotations

import importlib

import assistant.config  # noqa: F401  (telemetry off before any heavy import)
from assistant.cli.app import app

# Each area registers its commands on `app` when imported. A module not written yet is skipped so the CLI keeps
# working while areas land one by one.
for _area in ("knowledge", "prompts", "score", "interview", "resume", "tailor", "doctor", "voice", "serve",
              "evaluate", "stories", "plan", "exercise"):
    try:
        importlib.import_module(f"assistant.cli.{_area}")
    except ModuleNotFoundError as exc:  # pragma: no cover - only while an area is missing
        if exc.name != f"assistant.cli.{_area}":
            raise

__all__ = ["app"]
