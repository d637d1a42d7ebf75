"""Voice answers: offline transcription accuracy (word error rate, content words recovered), measured pace against
the pace espeak-ng actually spoke, filler detection, and transcription speed (real-time factor) with PocketSphinx.

Speech is synthesised by espeak-ng (Debian) on the spot; nothing is downloaded. Accuracy is measured on its MBROLA
US voice (recorded diphones, the closest to a person that Debian packages) and on its klatt2 formant voice, a
harder, robotic case. Both are synthetic, so these figures are a floor, not what a person's voice gets.
Figures are over the CHECK sentences of tests/support/speech.py (settings were compared on the TUNING ones).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import numpy as np

from benchmarks.common import REPO, Table, bench_settings
from tests.support.speech import (
    CHECK,
    NATURAL_VOICE,
    VOICE,
    content_recall,
    silence,
    spoken_wpm,
    synthesise,
    word_error_rate,
    write_wav,
)

COMMAND = ".venv/bin/python -m benchmarks voice"
# espeak-ng -s per voice: the MBROLA voice speaks 35-65% faster than asked, so its -s 100-160 spans a calm to a very
# fast candidate (about 145-235 words a minute); klatt2 speaks 12-40% faster (the previous table's rates).
RATES = {NATURAL_VOICE: (100, 130, 160), VOICE: (130, 190)}
ROLE_RATE = 130
YOU_KNOW = "Well, you know, I think, you know, the team sort of owned the roadmap and, you know, we shipped."
FILLER_ANSWER = ("So, um, I think the main thing was, uh, that we like moved the team to one platform, and you "
                 "know, it sort of paid off within a quarter.")


def _run_case(path: Path, settings: object) -> tuple[object, float]:
    from assistant.voice.answer import analyse

    started = time.perf_counter()
    voice = analyse(path, settings)  # type: ignore[arg-type]
    return voice, time.perf_counter() - started


def _answer_file(tmp: Path, voice_name: str, rate: int, i: int, text: str) -> tuple[Path, float]:
    """One CHECK sentence as a recording (half a second of silence either side), and the pace it was spoken at."""
    speech = synthesise(text, rate, voice=voice_name)
    path = write_wav(tmp / f"voice-{voice_name}-{rate}-{i}.wav", np.concatenate([silence(0.5), speech, silence(0.5)]))
    return path, spoken_wpm(text, speech)


def _measure_voice(table: Table, tmp: Path, settings: object, voice_name: str, rates: tuple[int, ...],
                   rtfs: list[float]) -> None:
    for rate in rates:
        wers, recalls, nominal_errs, pace_errs, count_errs, corrected_errs, real_errs = [], [], [], [], [], [], []
        for i, text in enumerate(CHECK):
            path, spoken = _answer_file(tmp, voice_name, rate, i, text)
            voice, _ = _run_case(path, settings)
            heard = voice.transcript.text  # type: ignore[attr-defined]
            delivery = voice.delivery  # type: ignore[attr-defined]
            wers.append(word_error_rate(text, heard))
            recalls.append(content_recall(text, heard))
            nominal_errs.append(abs(delivery.wpm - rate) / rate)
            pace_errs.append(abs(delivery.wpm - spoken) / spoken)
            count_errs.append(abs(delivery.wpm_transcript - spoken) / spoken)
            corrected_errs.append(abs(voice.with_text(text).wpm - spoken) / spoken)  # type: ignore[attr-defined]
            real_errs.append((spoken - rate) / rate)
            rtfs.append(voice.transcript.seconds / voice.audio.duration)  # type: ignore[attr-defined]
        label = f"{voice_name} at -s {rate}"
        table.add(f"{label}: word error rate (mean of {len(CHECK)})", f"{statistics.mean(wers):.2f}",
                  note=f"lower is better; worst {max(wers):.2f}")
        table.add(f"{label}: content words recovered", f"{statistics.mean(recalls):.0%}", target="most (>50%)",
                  note=f"worst {min(recalls):.0%}; {sum(r >= 0.5 for r in recalls)}/{len(recalls)} answers over half")
        table.add(f"{label}: espeak-ng's spoken pace vs its -s (words / its own talk time)",
                  f"{statistics.mean(real_errs):+.0%}", note=f"range {min(real_errs):+.0%} to {max(real_errs):+.0%}")
        table.add(f"{label}: pace error vs espeak's -s (syllables heard, raw transcript)",
                  f"{statistics.mean(nominal_errs):.0%}", target="<20%", note=f"worst {max(nominal_errs):.0%}")
        table.add(f"{label}: pace error vs the spoken pace (syllables heard, raw transcript)",
                  f"{statistics.mean(pace_errs):.0%}", target="<20%",
                  note=f"worst {max(pace_errs):.0%}; {sum(e <= 0.2 for e in pace_errs)}/{len(pace_errs)} within 20%")
        table.add(f"{label}: pace error vs the spoken pace (transcript word count, raw)",
                  f"{statistics.mean(count_errs):.0%}", target="<20%", note=f"worst {max(count_errs):.0%}")
        table.add(f"{label}: pace error vs the spoken pace (syllables heard, corrected transcript)",
                  f"{statistics.mean(corrected_errs):.0%}", target="<20%", note=f"worst {max(corrected_errs):.0%}")


def _role_vocabulary(table: Table, tmp: Path, voice_name: str, rate: int) -> None:
    """The same CHECK answers with the role's vocabulary model rescoring the lattice (off in the app), and what it
    does to the filler phrase "you know"."""
    from assistant.voice.audio import read_wav
    from assistant.voice.delivery import count_fillers
    from assistant.voice.transcribe import PocketSphinxTranscriber

    biased = PocketSphinxTranscriber(REPO / "knowledge" / "ml-director")
    wers, recalls = [], []
    for i, text in enumerate(CHECK):
        heard = biased.transcribe(read_wav(tmp / f"voice-{voice_name}-{rate}-{i}.wav")).text
        wers.append(word_error_rate(text, heard))
        recalls.append(content_recall(text, heard))
    filler_audio = write_wav(tmp / "voice-you-know.wav", synthesise(YOU_KNOW, 150))
    fillers = biased.transcribe(read_wav(filler_audio)).text
    table.add(f"{voice_name} at -s {rate}, role-vocabulary rescoring (off in the app): content words recovered",
              f"{statistics.mean(recalls):.0%}", note=f"word error rate {statistics.mean(wers):.2f}; \"you know\" "
              f"heard {count_fillers(fillers).get('you know', 0)} of 3 in a filler answer ({VOICE})")


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
    for voice_name, rates in RATES.items():
        _measure_voice(table, tmp, settings, voice_name, rates, rtfs)
    table.add("transcription real-time factor (median)", f"{statistics.median(rtfs):.2f}",
              note="seconds of decoding per second of audio, 2 shared cores")
    _role_vocabulary(table, tmp, NATURAL_VOICE, ROLE_RATE)

    path = write_wav(tmp / "voice-fillers.wav", synthesise(FILLER_ANSWER, 150))
    voice, _ = _run_case(path, settings)
    table.add("fillers spoken / detected (um, uh, like, you know, sort of)",
              f"6 / {voice.delivery.filler_count}",  # type: ignore[attr-defined]
              note=f"detected {voice.delivery.fillers}")  # type: ignore[attr-defined]
    return [table]
