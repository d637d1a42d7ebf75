"""`assistant transcribe FILE.wav [--json]`: the transcript of a spoken answer, the engine, and delivery coaching.

    assistant transcribe answer.wav            # transcript, engine, pace, fillers, pauses, talk time
    assistant transcribe answer.wav --json     # {"text", "engine", "note", "transcribe_seconds", "delivery": {...}}

A file that is not a WAV, empty, silent or over 10 minutes exits 2 with {"error": {"code", "message"}} (`--json`).
`assistant score --audio FILE.wav --question ...` scores the transcript like a typed answer (see score.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from assistant.cli.app import app
from assistant.cli.common import print_json, run_guarded, settings, stderr
from assistant.config import Settings
from assistant.text.plural import count_of

if TYPE_CHECKING:
    from assistant.voice.answer import VoiceAnswer


def analyse_file(path: Path, cfg: Settings) -> VoiceAnswer:
    """Imported lazily: the CLI's other commands should not pay for numpy and the decoder."""
    from assistant.voice.answer import analyse

    return analyse(path, cfg)


def render_delivery(voice: VoiceAnswer) -> str:
    d = voice.delivery
    fillers = ", ".join(f"{k} x{v}" for k, v in d.fillers.items()) or "none"
    lines = [
        f"Talk time {d.talk_s:.1f} s (target ~{d.target_s:.0f} s) · {count_of(d.words, 'word')} · {d.wpm:.0f} words/min "
        f"({d.syllables} syllables heard; {d.wpm_transcript:.0f} by the transcript's word count)",
        f"Fillers: {fillers} ({d.fillers_per_min:.1f}/min)",
        "Long pauses: " + (", ".join(f"{p.length_s:.1f} s at {p.at_s:.1f} s" for p in d.long_pauses) or "none"),
    ]
    lines += [f"  - {note}" for note in d.notes]
    return "\n".join(lines)


def _run(path: Path, as_json: bool) -> None:
    voice = analyse_file(path, settings())
    if voice.transcript.note:
        stderr(voice.transcript.note)
    if as_json:
        print_json(voice.to_dict())
        return
    stderr(f"Engine: {voice.transcript.engine} ({voice.transcript.seconds:.1f} s)")
    typer.echo(voice.transcript.text)
    typer.echo("")
    typer.echo(render_delivery(voice))


@app.command()
def transcribe(
    path: Path = typer.Argument(..., help="WAV recording of one answer (any sample rate; at most 10 minutes)."),
    as_json: bool = typer.Option(False, "--json", help="Print transcript and delivery metrics as JSON."),
) -> None:
    """Transcribe a spoken answer and coach its delivery (pace, filler words, long pauses, talk time)."""
    run_guarded(lambda: _run(path, as_json), as_json=as_json)
