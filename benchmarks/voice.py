"""Voice answers: offline transcription accuracy (word error rate, content words recovered), measured pace against
espeak-ng's synthesis rate, filler detection, and transcription speed (real-time factor) with PocketSphinx.

Speech is synthesised by espeak-ng (Debian) on the spot; nothing is downloaded. espeak-ng's robotic voice is a hard
case for a recogniser trained on human speech, so these figures are a floor, not what a person's voice gets.
Figures are over the CHECK sentences of tests/support/speech.py (settings were compared on the TUNING ones).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from benchmarks.common import REPO, Table, bench_settings
from tests.support.speech import (
    CHECK,
    DEFAULT_VOICE,
    VOICE,
    content_recall,
    synthesise,
    word_error_rate,
    words,
    write_wav,
)

COMMAND = ".venv/bin/python -m benchmarks voice"
RATES = (130, 160, 190)
YOU_KNOW = "Well, you know, I think, you know, the team sort of owned the roadmap and, you know, we shipped."
FILLER_ANSWER = ("So, um, I think the main thing was, uh, that we like moved the team to one platform, and you "
                 "know, it sort of paid off within a quarter.")


def _run_case(path: Path, settings: object) -> tuple[object, float]:
    from assistant.voice.answer import analyse

    started = time.perf_counter()
    voice = analyse(path, settings)  # type: ignore[arg-type]
    return voice, time.perf_counter() - started


def _measure_voice(table: Table, tmp: Path, settings: object, voice_name: str, rates: tuple[int, ...],
                   rtfs: list[float]) -> None:
    for rate in rates:
        wers, recalls, nominal_errs, pace_errs, count_errs, corrected_errs, real_errs = [], [], [], [], [], [], []
        for i, text in enumerate(CHECK):
            path = write_wav(tmp / f"voice-{voice_name}-{rate}-{i}.wav", synthesise(text, rate, voice=voice_name))
            voice, _ = _run_case(path, settings)
            heard = voice.transcript.text  # type: ignore[attr-defined]
            delivery = voice.delivery  # type: ignore[attr-defined]
            wers.append(word_error_rate(text, heard))
            recalls.append(content_recall(text, heard))
            spoken = len(words(text)) / delivery.talk_s * 60  # espeak-ng's real pace: reference words / talk time
            nominal_errs.append(abs(delivery.wpm - rate) / rate)
            pace_errs.append(abs(delivery.wpm - spoken) / spoken)
            count_errs.append(abs(delivery.wpm_transcript - spoken) / spoken)
            corrected_errs.append(abs(voice.with_text(text).wpm - spoken) / spoken)  # type: ignore[attr-defined]
            real_errs.append((spoken - rate) / rate)
            rtfs.append(voice.transcript.seconds / voice.audio.duration)  # type: ignore[attr-defined]
        label = f"{voice_name} at {rate} wpm"
        table.add(f"{label}: word error rate (mean of {len(CHECK)})", f"{statistics.mean(wers):.2f}",
                  note=f"lower is better; worst {max(wers):.2f}")
        table.add(f"{label}: content words recovered", f"{statistics.mean(recalls):.0%}", target="most (>50%)",
                  note=f"worst {min(recalls):.0%}")
        table.add(f"{label}: espeak-ng's spoken pace vs its -s (exact words / talk time)",
                  f"{statistics.mean(real_errs):+.0%}", note=f"range {min(real_errs):+.0%} to {max(real_errs):+.0%}")
        table.add(f"{label}: pace error vs espeak's -s (syllables heard, raw transcript)",
                  f"{statistics.mean(nominal_errs):.0%}", target="<20%", note=f"worst {max(nominal_errs):.0%}")
        table.add(f"{label}: pace error vs the spoken pace (syllables heard, raw transcript)",
                  f"{statistics.mean(pace_errs):.0%}", target="<20%", note=f"worst {max(pace_errs):.0%}")
        table.add(f"{label}: pace error vs the spoken pace (transcript word count, raw)",
                  f"{statistics.mean(count_errs):.0%}", target="<20%",
                  note=f"worst {max(count_errs):.0%}; the previous method")
        table.add(f"{label}: pace error vs the spoken pace (syllables heard, corrected transcript)",
                  f"{statistics.mean(corrected_errs):.0%}", target="<20%", note=f"worst {max(corrected_errs):.0%}")


def _role_vocabulary(table: Table, tmp: Path, rate: int) -> None:
    """The same CHECK answers with the role's vocabulary model rescoring the lattice (off in the app), and what it
    does to the filler phrase "you know"."""
    from assistant.voice.audio import read_wav
    from assistant.voice.delivery import count_fillers
    from assistant.voice.transcribe import PocketSphinxTranscriber

    biased = PocketSphinxTranscriber(REPO / "knowledge" / "ml-director")
    wers, recalls = [], []
    for i, text in enumerate(CHECK):
        heard = biased.transcribe(read_wav(tmp / f"voice-{VOICE}-{rate}-{i}.wav")).text
        wers.append(word_error_rate(text, heard))
        recalls.append(content_recall(text, heard))
    fillers = biased.transcribe(read_wav(write_wav(tmp / "voice-you-know.wav", synthesise(YOU_KNOW, 150)))).text
    table.add(f"{VOICE} at {rate} wpm, role-vocabulary rescoring (off in the app): content words recovered",
              f"{statistics.mean(recalls):.0%}", note=f"word error rate {statistics.mean(wers):.2f}; \"you know\" "
              f"heard {count_fillers(fillers).get('you know', 0)} of 3 in a filler answer")


def run(tmp: Path) -> list[Table]:
    from assistant.voice.answer import analyse  # noqa: F401  (import cost outside the timings)
    from assistant.voice.transcribe import PocketSphinxTranscriber

    settings = bench_settings(tmp / "voice")
    started = time.perf_counter()
    PocketSphinxTranscriber._get_decoder()
    load_s = time.perf_counter() - started

    table = Table("Voice answers (offline PocketSphinx)", COMMAND)
    table.add("decoder load (language model, once per process)", f"{load_s:.2f} s")
    rtfs: list[float] = []
    _measure_voice(table, tmp, settings, VOICE, RATES, rtfs)
    table.add("transcription real-time factor (median)", f"{statistics.median(rtfs):.2f}",
              note="seconds of decoding per second of audio, 2 shared cores")
    _measure_voice(table, tmp, settings, DEFAULT_VOICE, (160,), [])
    _role_vocabulary(table, tmp, 160)

    path = write_wav(tmp / "voice-fillers.wav", synthesise(FILLER_ANSWER, 150))
    voice, _ = _run_case(path, settings)
    table.add("fillers spoken / detected (um, uh, like, you know, sort of)",
              f"6 / {voice.delivery.filler_count}",  # type: ignore[attr-defined]
              note=f"detected {voice.delivery.fillers}")  # type: ignore[attr-defined]
    return [table]
