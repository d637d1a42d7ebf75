"""Speech made on the spot for voice tests and the voice benchmark: espeak-ng (Debian) at a known rate.

espeak-ng's `-s` is words per minute, so a synthesised answer has a known pace; fillers are inserted as words in
the text; silence and noise are added to the samples. Nothing here is shipped with the app.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest

# espeak-ng's Klatt voices are the ones PocketSphinx hears best; klatt2 the best of them (docs/benchmarks.md has the
# per-voice figures, the default en-us voice's included).
VOICE = "en-us+klatt2"
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
]


def is_check(text: str) -> bool:
    """The split rule: CHECK when the first byte of sha1(text) is odd."""
    return hashlib.sha1(text.encode()).digest()[0] % 2 == 1


TUNING = [text for text in ANSWERS if not is_check(text)]
CHECK = [text for text in ANSWERS if is_check(text)]

_STOPWORDS = set(
    ["a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "our", "my", "we", "i", "it", "its", "is", "was", "were", "be", "been", "has", "have", "had", "that", "this", "then", "since", "every", "about", "them", "they", "their", "so", "as", "into"]
)
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def require_espeak() -> str:
    """espeak-ng's path; CI installs it (.ci/run), so there a missing binary fails instead of skipping."""
    path = shutil.which("espeak-ng")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("espeak-ng is missing: .ci/run installs it (apt-get install espeak-ng)")
        pytest.skip("espeak-ng is not installed (apt-get install espeak-ng)")
    return path


def synthesise(text: str, rate: int, *, voice: str = VOICE) -> np.ndarray:
    """int16 samples at 22 050 Hz of `text` spoken at `rate` words per minute."""
    out = subprocess.run(
        [require_espeak(), "-v", voice, "-s", str(rate), "--stdout", text],
        capture_output=True, check=True, timeout=60,
    ).stdout
    import io

    with wave.open(io.BytesIO(out)) as wav:
        return np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2").copy()


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
    return _WORD.findall(text.lower())


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
