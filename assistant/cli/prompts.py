"""`assistant prompts list|check|show|render` and `assistant engine`.

`prompts check` is the gate a coach runs after editing a prompt file: it exits 1 and names every bad file, line
and problem. `engine` says which engine (LLM or offline coach) the app would use right now, and why.
"""

from __future__ import annotations

import typer

from assistant.cli.app import app
from assistant.cli.common import EXIT_BAD_INPUT, print_json, run_guarded, settings
from assistant.errors import InputError
from assistant.llm.factory import resolve_engine
from assistant.prompting import PromptLibrary, sample_variables

prompts_app = typer.Typer(
    help="List, validate, show and render the editable prompt files (ASSISTANT_PROMPTS_DIR).", no_args_is_help=True
)
app.add_typer(prompts_app, name="prompts")

EXIT_INVALID = 1


def _library() -> PromptLibrary:
    return PromptLibrary.from_settings(settings())


@prompts_app.command("list")
def list_prompts(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Every prompt with its description and variables."""

    def body() -> None:
        library = _library()
        rows = []
        for name in library.names():
            try:
                prompt = library.get(name)
                rows.append({"name": name, "description": prompt.description, "variables": list(prompt.variables),
                             "valid": True})
            except Exception as exc:  # an invalid file is listed, not fatal: `check` explains it
                rows.append({"name": name, "description": str(exc)[:120], "variables": [], "valid": False})
        if as_json:
            print_json(rows)
            return
        for row in rows:
            marker = "" if row["valid"] else "  [INVALID: run `assistant prompts check`]"
            typer.echo(f"{row['name']:<22} {row['description'] if row['valid'] else ''}{marker}")

    run_guarded(body, as_json=as_json)


@prompts_app.command("check")
def check_prompts(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Validate every prompt file; exit 1 naming each bad file, line and problem (2 when a file cannot even be
    read: not UTF-8, a folder, or over the size cap)."""
    library = _library()
    problems = library.check_all()
    if as_json:
        print_json({"ok": not problems, "problems": [
            {"file": p.file, "line": p.line, "message": p.message, "variable": p.variable} for p in problems
        ]})
    elif problems:
        for problem in problems:
            typer.echo(str(problem), err=True)
        bad_files = sorted({p.file for p in problems})
        typer.echo(f"{len(problems)} problem(s) in {len(bad_files)} file(s): {', '.join(bad_files)}", err=True)
    else:
        typer.echo(f"All {len(library.names())} prompt files in {library.prompts_dir} are valid.")
    if any(p.code != "invalid" for p in problems):
        raise typer.Exit(EXIT_BAD_INPUT)
    if problems:
        raise typer.Exit(EXIT_INVALID)


@prompts_app.command("reset")
def reset_prompt(name: str = typer.Argument(..., help="Prompt name, e.g. answer_evaluation.")) -> None:
    """Restore the shipped default of a prompt (works on a broken, unreadable or oversized file too); the current
    file is kept in prompts/.backups first."""

    def body() -> None:
        library = _library()
        prompt = library.reset(name)
        typer.echo(f"Reset {prompt.path.name} to the shipped default; the previous version is in "
                   f"{library.prompts_dir / '.backups'}.")

    run_guarded(body)


@prompts_app.command("show")
def show_prompt(name: str = typer.Argument(..., help="Prompt name, e.g. answer_evaluation.")) -> None:
    """Print a prompt file as it is on disk."""
    run_guarded(lambda: typer.echo(_library().read_text(name), nl=False))


def _parse_vars(pairs: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InputError(f"--var expects key=value, got '{pair}'")
        values[key.strip()] = value
    return values


@prompts_app.command("render")
def render_prompt(
    name: str = typer.Argument(..., help="Prompt name."),
    var: list[str] = typer.Option([], "--var", help="A variable as key=value (repeatable); the rest get samples."),
) -> None:
    """Render a prompt; variables not given on the command line use sample values (listed on stderr)."""

    def body() -> None:
        prompt = _library().get(name)
        given = _parse_vars(var)
        unknown = sorted(set(given) - set(prompt.variables))
        if unknown:
            raise InputError(f"prompt '{name}' has no variable(s) {', '.join(unknown)}; it declares "
                             f"{', '.join(prompt.variables)}")
        samples = {k: v for k, v in sample_variables(name, prompt.variables).items() if k not in given}
        if samples:
            typer.echo(f"(sample values used for: {', '.join(samples)})", err=True)
        typer.echo(prompt.render(**{**samples, **given}), nl=False)

    run_guarded(body)


@app.command("engine")
def engine(
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    no_probe: bool = typer.Option(False, "--no-probe", help="Do not contact the server; report the configuration."),
) -> None:
    """Which engine answers (LLM or offline coach) and why."""

    def body() -> None:
        info = resolve_engine(settings(), probe=not no_probe)
        if as_json:
            print_json({"engine": info.kind, "model": info.model, "base_url": info.base_url, "reason": info.reason})
        else:
            typer.echo(f"engine: {info.kind} ({info.label})\nreason: {info.reason}")

    run_guarded(body, as_json=as_json)
