"""Speech made on the spot for voice tests and the voice benchmark: espeak-ng (Debian) at a known rate.

espeak-ng's `-s` is words per minute, so a synthesised answer has a known pace; fillers are inserted as words in
the text; silence and noise are added to the samples. Nothing here is shipped with the app.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest

# The Klatt variant is the espeak-ng voice PocketSphinx hears best (docs/benchmarks.md has the per-voice figures).
VOICE = "en-us+klatt"
ESPEAK_RATE = 22050

ANSWERS = [
    "I led the migration of our training platform to a new cluster. We cut the cost of experiments by forty "
    "percent and hired six engineers.",
    "When two teams disagreed about the roadmap, I brought them together, wrote down the tradeoffs, and we agreed "
    "to ship the smaller model first.",
    "My biggest mistake was launching a model without a rollback plan. Since then every release has a canary and "
    "a clear owner.",
]

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
