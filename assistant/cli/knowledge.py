"""`assistant ingest` and `assistant search`: build the knowledge store and query it as the interviewer does."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from assistant.cli.app import app
from assistant.cli.common import print_json, run_guarded, settings
from assistant.knowledge.embeddings import get_embedder
from assistant.knowledge.store import IngestReport, KnowledgeStore

_SNIPPET_CHARS = 160


def _store() -> KnowledgeStore:
    current = settings()
    return KnowledgeStore(current, get_embedder(current))


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr (stdout stays clean for pipes and --json); nothing when stderr is not a terminal."""
    console = Console(stderr=True)
    if not enabled or not console.is_terminal:
        yield None
        return
    with Progress(
        TextColumn("Embedding knowledge"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("embed", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def _print_report(report: IngestReport, location: str) -> None:
    if report.rebuilt_reason:
        typer.echo(f"Rebuilt the knowledge store: {report.rebuilt_reason}.")
    typer.echo(
        f"Knowledge store at {location}: {report.added} added, {report.updated} updated, "
        f"{report.removed} removed, {report.unchanged} unchanged ({report.seconds:.1f} s)."
    )


@app.command()
def ingest(
    rebuild: bool = typer.Option(False, "--rebuild", help="Drop the store and embed every chunk again."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Build or update the knowledge store from the role's YAML files (only changed items are embedded)."""

    def body() -> None:
        store = _store()
        with _progress_bar(enabled=not as_json) as progress:
            report = store.ingest(rebuild=rebuild, progress=progress)
        if as_json:
            print_json(report.model_dump(mode="json"))
        else:
            _print_report(report, store.location)

    run_guarded(body, as_json=as_json)


@app.command()
def search(
    text: str = typer.Argument(..., help="What to look for, in your own words."),
    k: int = typer.Option(4, "-k", "--k", min=1, max=50, help="How many results."),
    as_json: bool = typer.Option(False, "--json", help="Print the hits as JSON."),
) -> None:
    """Search the role knowledge the way the interviewer does (builds the store first if needed)."""

    def body() -> None:
        store = _store()
        report = store.ensure_ready()
        if report is not None and not as_json:
            typer.echo(f"(Knowledge store prepared first: {report.summary()}.)", err=True)
        hits = store.search(text, k=k)
        if as_json:
            print_json([hit.model_dump(mode="json") for hit in hits])
            return
        if not hits:
            typer.echo("No results.")
        for rank, hit in enumerate(hits, start=1):
            snippet = " ".join(hit.text.split())
            if len(snippet) > _SNIPPET_CHARS:
                snippet = snippet[: _SNIPPET_CHARS - 1].rstrip() + "…"
            typer.echo(f"{rank}. [{hit.score:.2f}] {hit.citation}\n   {snippet}")

    run_guarded(body, as_json=as_json)
