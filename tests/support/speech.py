"""Speech made on the spot for voice tests and the voice benchmark: espeak-ng (Debian) at a chosen rate.

espeak-ng's `-s` is only "approximate words per minute" (its voices speak 12-65% faster than asked, by sentence),
so the pace a synthesised answer was actually spoken at is measured on the synthesiser's clean output
(`spoken_wpm`); fillers are inserted as words in the text; silence and noise are added to the samples. Nothing
here is shipped with the app.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest

from assistant.text.tokens import spoken_words

# espeak-ng's Klatt voices are the formant voices PocketSphinx hears best; klatt2 the best of them. Tests of
# speech detection, pauses, syllables, fillers and noise use it (espeak-ng alone, no extra voice data).
VOICE = "en-us+klatt2"
# Accuracy is measured on espeak-ng's MBROLA US voice: concatenated recordings of a person (diphones), the
# closest to natural speech that Debian packages (docs/benchmarks.md has the per-voice figures).
NATURAL_VOICE = "mb-us2"
DEFAULT_VOICE = "en-us"
ESPEAK_RATE = 22050

# Spoken interview answers, written for these tests (none is in the role knowledge). Split by a fixed rule, not by
# results: a sentence is a CHECK sentence when the first byte of sha1(its text) is odd, else a TUNING sentence.
# Settings were compared on TUNING sentences only; tests and the benchmark report CHECK sentences.
ANSWERS = [
    "I led the migration of our training platform to a new cluster. We cut the cost of experiments by forty "
    "percent and hired six engineers.",
    "When two teams disagreed about the roadmap, I brought them together, wrote down the tradeoffs, and we agreed "
    "to ship the smaller model first.",
    "My biggest mistake was launching a model without a rollback plan. Since then every release has a canary and "
    "a clear owner.",
    "One of my engineers kept missing deadlines, so I met him every week, we agreed on smaller goals, and after two "
    "months he was leading the project.",
    "We measured the recommendation model against a simple baseline and found it was only better for new users, so "
    "we changed the launch plan.",
    "I built the data team from three people to twelve in a year, and I wrote a hiring rubric so every interviewer "
    "asked the same questions.",
    "Our fraud model drifted after a holiday sale, so we added monitoring on the input features and retrained it "
    "every night.",
    "I told the product director that the deadline was not realistic, showed her the risks, and we moved two "
    "features to the next quarter.",
    "The research group wanted a bigger model, but the latency budget was fifty milliseconds, so we distilled it "
    "and kept the accuracy.",
    "I promoted a senior engineer to manager and coached her for six months before she ran the hiring loop on her "
    "own.",
    "We had an outage in the search ranking service, and I wrote the incident review myself so the whole team "
    "could learn from it.",
    "To decide between building and buying a labeling tool, we compared the total cost over three years and "
    "bought the tool.",
    "I asked each manager to bring one metric they trusted, and within a month our planning meetings were half as "
    "long.",
    "The model looked great offline, but the online test showed no lift, so we stopped the project and wrote down "
    "why.",
    "I set up a weekly review where engineers presented failed experiments, which made people less afraid to take "
    "risks.",
    "We moved our feature pipeline to streaming, which cut the delay from one day to ten minutes for the pricing "
    "team.",
    # Added with the decoder tuning (issue 16, second pass), written before any of them was decoded.
    "I own the budget for our machine learning platform, and every quarter I show the board what each team got "
    "for the money.",
    "Our churn model was accurate, but nobody used it, so I sat with the sales managers until the scores fit "
    "into their weekly calls.",
    "I split the large team into three groups with clear owners, and the number of missed releases dropped by "
    "half.",
    "When the privacy review blocked our launch, I worked with the lawyers and we removed the personal data "
    "from the training set.",
    "I hire for curiosity and clear writing, and I ask every candidate to explain a project they would do "
    "differently.",
    "We tracked one north star metric for the search team, and I refused to add new goals until it moved.",
    "A senior scientist wanted to leave, so I gave her a research project with real users and she stayed for "
    "three more years.",
    "I replaced our nightly batch jobs with a shared feature store, which saved each team about a week of work "
    "per model.",
    "The first version of the forecasting model was worse than a spreadsheet, and I said so in front of the "
    "whole company.",
    "I review every postmortem with the engineer who wrote it, and we always end with one change to the "
    "process.",
    "Our vision team and our data platform team fought over the roadmap, so I gave them one shared goal and one "
    "shared review.",
    "To grow new managers, I pair each one with an experienced director for their first six months.",
    "We lowered the false positive rate by a third after we labeled more hard examples and retrained the "
    "classifier.",
    "I pushed back on a request to ship a chatbot in two weeks, because we had no way to measure whether its "
    "answers were right.",
    "Every model we deploy has a dashboard with its accuracy, its latency and its cost, and an owner who gets "
    "paged.",
    "I moved two engineers from the ranking team to the platform team, which slowed one project but unblocked "
    "four others.",
]


def is_check(text: str) -> bool:
    """The split rule: CHECK when the first byte of sha1(text) is odd."""
    return hashlib.sha1(text.encode()).digest()[0] % 2 == 1


TUNING = [text for text in ANSWERS if not is_check(text)]
CHECK = [text for text in ANSWERS if is_check(text)]

_STOPWORDS = set(
    ["a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "our", "my", "we", "i", "it", "its", "is", "was", "were", "be", "been", "has", "have", "had", "that", "this", "then", "since", "every", "about", "them", "they", "their", "so", "as", "into"]
)


def require_espeak() -> str:
    """espeak-ng's path; CI installs it (.ci/run), so there a missing binary fails instead of skipping."""
    path = shutil.which("espeak-ng")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("espeak-ng is missing: .ci/run installs it (apt-get install espeak-ng)")
        pytest.skip("espeak-ng is not installed (apt-get install espeak-ng)")
    return path


def require_voice(voice: str) -> None:
    """An MBROLA voice ("mb-us2") needs the mbrola program and its diphone database (Debian contrib/non-free:
    mbrola, mbrola-us2); CI installs them (.ci/run), so there a missing voice fails instead of skipping."""
    if not voice.startswith("mb-"):
        return
    name = voice.removeprefix("mb-").split("+")[0]
    if shutil.which("mbrola") and Path(f"/usr/share/mbrola/{name}/{name}").is_file():
        return
    reason = f"espeak-ng's {voice} voice needs the MBROLA diphones: apt-get install mbrola mbrola-{name} (Debian contrib/non-free)"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; .ci/run installs them")
    pytest.skip(reason)


def synthesise(text: str, rate: int, *, voice: str = VOICE) -> np.ndarray:
    """int16 samples at 22 050 Hz of `text` spoken at `rate` words per minute.

    Written to a file, not piped: espeak-ng's MBROLA voices write nothing to --stdout. MBROLA voices speak at
    16 kHz, so their samples are brought to 22 050 Hz like every other voice's (tests add silence at that rate).
    """
    import tempfile

    from assistant.voice.audio import resample

    require_voice(voice)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "speech.wav"
        subprocess.run([require_espeak(), "-v", voice, "-s", str(rate), "-w", str(path), text],
                       capture_output=True, check=True, timeout=60)
        with wave.open(str(path)) as wav:
            samples = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2").copy()
            source_rate = wav.getframerate()
    if source_rate == ESPEAK_RATE:
        return samples
    scaled = resample(samples.astype(np.float32) / 32768.0, source_rate, ESPEAK_RATE)
    return np.clip(scaled * 32768.0, -32768, 32767).astype(np.int16)


def synthesis_talk_s(samples: np.ndarray, rate: int = ESPEAK_RATE) -> float:
    """Seconds from the first to the last sound in the synthesiser's own output (10 ms frames within 40 dB of the
    loudest): the talk time of the speech as made, measured on the clean samples and independently of the app's
    voice-activity detection, so a pace figure checked against it is not checked against itself."""
    size = rate // 100
    count = len(samples) // size
    frames = samples[: count * size].astype(np.float64).reshape(count, size)
    level = 10 * np.log10(np.mean(frames**2, axis=1) + 1e-9)
    loud = np.flatnonzero(level > level.max() - 40.0)
    return float((loud[-1] + 1 - loud[0]) * size / rate) if len(loud) else 0.0


def spoken_wpm(text: str, samples: np.ndarray, rate: int = ESPEAK_RATE) -> float:
    """The pace the synthesiser actually spoke `text` at: its words over `synthesis_talk_s`, per minute."""
    return len(words(text)) / max(synthesis_talk_s(samples, rate), 1e-6) * 60.0


def write_wav(path: Path, samples: np.ndarray, rate: int = ESPEAK_RATE, *, channels: int = 1) -> Path:
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(channels)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(np.asarray(samples, dtype="<i2").tobytes())
    return path


def silence(seconds: float, rate: int = ESPEAK_RATE) -> np.ndarray:
    return np.zeros(int(seconds * rate), dtype=np.int16)


def with_noise(samples: np.ndarray, snr_db: float, seed: int = 0) -> np.ndarray:
    """Add white noise at a signal-to-noise ratio measured over the speech."""
    signal = samples.astype(np.float64)
    power = np.mean(signal[np.abs(signal) > 100] ** 2)
    noise = np.random.default_rng(seed).normal(0, np.sqrt(power / 10 ** (snr_db / 10)), len(signal))
    return np.clip(signal + noise, -32768, 32767).astype(np.int16)


def words(text: str) -> list[str]:
    return spoken_words(text)


def word_error_rate(reference: str, hypothesis: str) -> float:
    """(substitutions + deletions + insertions) / reference words, by edit distance over words."""
    ref, hyp = words(reference), words(hypothesis)
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        previous, row = row, [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (r != h))
    return row[-1] / max(len(ref), 1)


def content_recall(reference: str, hypothesis: str) -> float:
    """Share of the reference's content words (not stop words) that appear in the transcript."""
    content = [w for w in words(reference) if w not in _STOPWORDS]
    heard = set(words(hypothesis))
    return sum(w in heard for w in content) / max(len(content), 1)
