"""`assistant eval`: measure the configured LLM engine (see `assistant.model_eval`).

    assistant eval [--limit N] [--answers FILE] [--hard FILE | --no-hard] [--probes N] [--json] [--report FILE.md]

Progress goes to stderr; stdout carries the Markdown report (or JSON with --json). The result is saved as the
latest eval of this server and model, which the Settings page shows. Both graded sets are scored, the original and
the hard one, whole and per tuning/check part, with length-vs-grade correlation beside each (JSON: `sets`).
"""

from __future__ import annotations

from pathlib import Path

import typer

from assistant.cli.app import app
from assistant.cli.common import print_json, run_guarded, settings, stderr
from assistant.errors import InputError


def _check_report_path(path: Path) -> None:
    try:
        folder_missing, is_folder = not path.parent.is_dir(), path.is_dir()
    except OSError as exc:
        raise InputError(f"Cannot write the report to '{path.name[:80]}': {exc.strerror or exc}.") from None
    if folder_missing:
        raise InputError(f"The folder '{path.parent}' for --report does not exist.")
    if is_folder:
        raise InputError(f"--report '{path}' is a folder; give a file name, e.g. '{path / 'llm-eval.md'}'.")


@app.command("eval")
def evaluate(
    limit: int | None = typer.Option(
        None, "--limit", min=3, help="Score only N of the labelled answers (evenly spread); default all."
    ),
    calibration: Path | None = typer.Option(
        None, "--answers", help="Labelled answers (JSONL: question, answer, competency, label)."
    ),
    hard: Path | None = typer.Option(
        None, "--hard", help="The hard graded set (same JSONL shape); default the shipped tests/data/calibration_hard.jsonl."
    ),
    no_hard: bool = typer.Option(False, "--no-hard", help="Score only the --answers set."),
    probes: int = typer.Option(2, "--probes", min=1, help="Requests per structured-output method probed."),
    report_path: Path | None = typer.Option(None, "--report", help="Also write the Markdown report to this file."),
    as_json: bool = typer.Option(False, "--json", help="Print the measurements as JSON."),
) -> None:
    """Judge the configured model before trusting it: structured output, scoring vs labels, guard, latency, cost."""

    def action() -> None:
        from assistant.model_eval import (
            CALIBRATION_FILE,
            CALIBRATION_HARD_FILE,
            run_eval,
            save_report,
            to_markdown,
        )
        from assistant.services import Services

        cfg = settings()
        if report_path is not None:  # checked first: an eval takes minutes, its report must not fail at the end
            _check_report_path(report_path)
        services = Services(cfg)
        stderr(f"Engine: {services.engine_label}")
        report = run_eval(services, limit=limit, calibration=calibration or CALIBRATION_FILE,
                          hard=None if no_hard else hard or CALIBRATION_HARD_FILE, probes=probes,
                          progress=stderr)
        saved = save_report(services.settings, report)
        markdown = to_markdown(report)
        if report_path is not None:
            try:
                report_path.write_text(markdown, encoding="utf-8")
            except OSError as exc:
                raise InputError(f"Cannot write the report to '{report_path}' ({exc.strerror or exc}); the "
                                 f"measurements are saved in {saved}.") from None
        stderr(f"Saved as the latest eval of this model: {saved}")
        if as_json:
            print_json(report.to_dict())
        else:
            typer.echo(markdown)

    run_guarded(action, as_json=as_json)
