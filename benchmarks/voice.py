"""Voice answers: offline transcription accuracy (word error rate, content words recovered), measured pace against
espeak-ng's synthesis rate, filler detection, and transcription speed (real-time factor) with PocketSphinx.

Speech is synthesised by espeak-ng (Debian) on the spot; nothing is downloaded. espeak-ng's robotic voice is a hard
case for a recogniser trained on human speech, so these figures are a floor, not what a person's voice gets.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from benchmarks.common import Table, bench_settings
from tests.support.speech import ANSWERS, VOICE, content_recall, synthesise, word_error_rate, words, write_wav

COMMAND = ".venv/bin/python -m benchmarks voice"
RATES = (130, 160, 190)
FILLER_ANSWER = ("So, um, I think the main thing was, uh, that we like moved the team to one platform, and you "
                 "know, it sort of paid off within a quarter.")


def _run_case(path: Path, settings: object) -> tuple[object, float]:
    from assistant.voice.answer import analyse

    started = time.perf_counter()
    voice = analyse(path, settings)  # type: ignore[arg-type]
    return voice, time.perf_counter() - started


def run(tmp: Path) -> list[Table]:
    from assistant.voice.answer import analyse  # noqa: F401  (import cost outside the timings)
    from assistant.voice.transcribe import PocketSphinxTranscriber

    settings = bench_settings(tmp / "voice")
    started = time.perf_counter()
    PocketSphinxTranscriber._get_decoder()
    load_s = time.perf_counter() - started

    table = Table("Voice answers (offline PocketSphinx)", COMMAND)
    table.add("decoder load (language model, once per process)", f"{load_s:.2f} s")
    overall: dict[str, list[float]] = {"wer": [], "recall": [], "wpm_err": [], "rtf": []}
    for rate in RATES:
        wers, recalls, wpm_errs, rtfs, actual_errs, corrected_errs = [], [], [], [], [], []
        for i, text in enumerate(ANSWERS):
            path = write_wav(tmp / f"voice-{rate}-{i}.wav", synthesise(text, rate))
            voice, seconds = _run_case(path, settings)
            wers.append(word_error_rate(text, voice.transcript.text))  # type: ignore[attr-defined]
            recalls.append(content_recall(text, voice.transcript.text))  # type: ignore[attr-defined]
            wpm_errs.append(abs(voice.delivery.wpm - rate) / rate)  # type: ignore[attr-defined]
            actual = len(words(text)) / voice.delivery.talk_s * 60  # type: ignore[attr-defined]
            actual_errs.append(abs(voice.delivery.wpm - actual) / actual)  # type: ignore[attr-defined]
            corrected_errs.append(abs(voice.with_text(text).wpm - rate) / rate)  # type: ignore[attr-defined]
            rtfs.append(voice.transcript.seconds / voice.audio.duration)  # type: ignore[attr-defined]
        table.add(f"{VOICE} at {rate} wpm: word error rate (mean of {len(ANSWERS)})", f"{statistics.mean(wers):.2f}",
                  note="lower is better")
        table.add(f"{VOICE} at {rate} wpm: content words recovered", f"{statistics.mean(recalls):.0%}",
                  target="most (>50%)")
        table.add(f"{VOICE} at {rate} wpm: pace error vs espeak's -s, raw transcript",
                  f"{statistics.mean(wpm_errs):.0%}", target="<20%", note=f"worst {max(wpm_errs):.0%}")
        table.add(f"{VOICE} at {rate} wpm: pace error vs espeak's -s, corrected transcript",
                  f"{statistics.mean(corrected_errs):.0%}", target="<20%",
                  note=f"worst {max(corrected_errs):.0%}; espeak-ng speaks faster than its nominal -s")
        table.add(f"{VOICE} at {rate} wpm: pace error vs the audio's real pace, raw transcript",
                  f"{statistics.mean(actual_errs):.0%}", target="<20%",
                  note=f"worst {max(actual_errs):.0%}; real pace = reference words / talk time")
        for key, values in zip(("wer", "recall", "wpm_err", "rtf"), (wers, recalls, wpm_errs, rtfs), strict=True):
            overall[key] += values
    table.add("transcription real-time factor (median)", f"{statistics.median(overall['rtf']):.2f}",
              note="seconds of decoding per second of audio, 2 shared cores")

    default_voice = []
    for i, text in enumerate(ANSWERS):
        path = write_wav(tmp / f"voice-default-{i}.wav", synthesise(text, 160, voice="en-us"))
        voice, _ = _run_case(path, settings)
        default_voice.append(word_error_rate(text, voice.transcript.text))  # type: ignore[attr-defined]
    table.add("espeak-ng default en-us voice at 160 wpm: word error rate", f"{statistics.mean(default_voice):.2f}",
              note="the formant voice PocketSphinx hears worst")

    path = write_wav(tmp / "voice-fillers.wav", synthesise(FILLER_ANSWER, 150))
    voice, _ = _run_case(path, settings)
    table.add("fillers spoken / detected (um, uh, like, you know, sort of)",
              f"6 / {voice.delivery.filler_count}",  # type: ignore[attr-defined]
              note=f"detected {voice.delivery.fillers}")  # type: ignore[attr-defined]
    return [table]
