"""Speaking rate from the sound itself: syllable nuclei counted on the energy envelope, and syllables per word.

A recogniser that drops or splits words changes a transcript's word count, and so the words-per-minute figure, by
as much as it mis-hears (PocketSphinx on synthetic speech: 20-30%). Syllables can be counted without recognising
anything: every syllable has one vowel, a local peak of loudness in the voiced part of the signal. This is the
syllable-nuclei method of de Jong & Wempe (2009, "Praat script to detect syllable nuclei and measure speech rate
automatically"): intensity peaks that stand above the recording's median intensity, separated from the previous
peak by a dip of at least 2 dB, and voiced (periodic), so a fricative's hiss or a click is not a syllable.

Syllables become words through the transcript: its words' syllable counts (from the pronouncing dictionary in
PocketSphinx's wheel, else spelling) give syllables per word. A mis-heard word usually has about as many syllables
as the word it replaced, so this ratio survives recognition errors that the word count does not.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import numpy as np

from assistant.text.tokens import spoken_words
from assistant.voice.audio import SAMPLE_RATE, Audio, Segment

HOP_S = 0.01  # intensity every 10 ms
WINDOW_S = 0.04  # 40 ms windows (de Jong & Wempe: 3.2 periods of a 80 Hz pitch floor)
MIN_DIP_DB = 2.0  # a new syllable needs the loudness to fall this much since the previous peak
MIN_PEAK_GAP_S = 0.06  # two vowels closer than this are one (no one says 16 syllables a second)
VOICING_MIN = 0.45  # normalised autocorrelation at the pitch period for a frame to count as voiced
PITCH_RANGE_HZ = (70.0, 400.0)
DEFAULT_SYLLABLES_PER_WORD = 1.45  # conversational English, when there is no transcript to measure it on
_VOWEL_PHONES = {"AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW"}
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def _band_pass(samples: np.ndarray) -> np.ndarray:
    """Keep 300-3000 Hz, where vowels carry their energy: low hum and high hiss do not make loudness peaks."""
    spectrum = np.fft.rfft(samples.astype(np.float64))
    freqs = np.fft.rfftfreq(len(samples), 1.0 / SAMPLE_RATE)
    spectrum[(freqs < 300.0) | (freqs > 3000.0)] = 0.0
    return np.fft.irfft(spectrum, n=len(samples))


def _frames(samples: np.ndarray) -> np.ndarray:
    hop, window = int(HOP_S * SAMPLE_RATE), int(WINDOW_S * SAMPLE_RATE)
    count = max(0, 1 + (len(samples) - window) // hop)
    if count == 0:
        return np.zeros((0, window))
    index = np.arange(window)[None, :] + hop * np.arange(count)[:, None]
    framed: np.ndarray = samples[index] * np.hanning(window)[None, :]
    return framed


def _voicing(frames: np.ndarray, block: int = 1000) -> np.ndarray:
    """Peak normalised autocorrelation within the pitch range, per frame (1 = perfectly periodic).

    Worked out a block of frames at a time, so a long recording does not need gigabytes of spectra."""
    if len(frames) > block:
        return np.concatenate([_voicing(frames[i : i + block], block) for i in range(0, len(frames), block)])
    n = frames.shape[1]
    spectrum = np.fft.rfft(frames, n=2 * n, axis=1)
    acf = np.fft.irfft(np.abs(spectrum) ** 2, axis=1)[:, :n]
    # Divide by the window's own autocorrelation so long lags are not penalised (Boersma 1993).
    window_acf = np.fft.irfft(np.abs(np.fft.rfft(np.hanning(n), n=2 * n)) ** 2)[:n]
    lo, hi = int(SAMPLE_RATE / PITCH_RANGE_HZ[1]), int(SAMPLE_RATE / PITCH_RANGE_HZ[0])
    energy = acf[:, :1]
    normalised = acf[:, lo:hi] / np.maximum(energy, 1e-12) / (window_acf[lo:hi] / window_acf[0])[None, :]
    peaks: np.ndarray = normalised.max(axis=1)
    return peaks


def syllable_nuclei(audio: Audio, segments: list[Segment]) -> list[float]:
    """Times (seconds) of the syllable nuclei inside the speech segments."""
    if not segments:
        return []
    filtered = _band_pass(audio.samples)
    nuclei: list[float] = []
    # The threshold is the median intensity over speech only, so leading silence or a long pause cannot lower it.
    spans = [(int(s.start * SAMPLE_RATE), int(s.end * SAMPLE_RATE)) for s in segments]
    frames_by_segment = [_frames(filtered[a:b]) for a, b in spans]
    intensity = [10 * np.log10(np.maximum(np.mean(f**2, axis=1), 1e-12)) for f in frames_by_segment]
    voiced = [_voicing(_frames(audio.samples[a:b].astype(np.float64))) >= VOICING_MIN for a, b in spans]
    speech_db = np.concatenate([i for i in intensity if len(i)]) if any(len(i) for i in intensity) else None
    if speech_db is None:
        return []
    threshold = float(np.median(speech_db))
    for segment, db, is_voiced in zip(segments, intensity, voiced, strict=True):
        last_peak_db: float | None = None
        last_time = -1.0
        lowest_since_peak = np.inf
        for i in range(1, len(db) - 1):
            lowest_since_peak = min(lowest_since_peak, db[i])
            if not (db[i] >= db[i - 1] and db[i] > db[i + 1] and db[i] > threshold and is_voiced[i]):
                continue
            t = segment.start + i * HOP_S + WINDOW_S / 2
            if last_peak_db is not None:
                dipped = min(last_peak_db, db[i]) - lowest_since_peak >= MIN_DIP_DB
                if not dipped or t - last_time < MIN_PEAK_GAP_S:
                    if db[i] > last_peak_db:  # the same syllable, louder here: move its peak
                        nuclei[-1], last_peak_db, last_time = t, float(db[i]), t
                    continue
            nuclei.append(t)
            last_peak_db, last_time, lowest_since_peak = float(db[i]), t, np.inf
    return nuclei


@lru_cache(maxsize=1)
def _dictionary_syllables() -> dict[str, int]:
    """Vowel phones per word in PocketSphinx's CMU pronouncing dictionary (first pronunciation); {} without it."""
    try:
        path = resources.files("pocketsphinx") / "model" / "en-us" / "cmudict-en-us.dict"
        text = path.read_bytes().decode("utf-8", "replace")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return {}
    counts: dict[str, int] = {}
    for line in text.splitlines():
        word, _, phones = line.partition(" ")
        if "(" in word or not phones:
            continue
        counts[word] = sum(phone in _VOWEL_PHONES for phone in phones.split())
    return counts


def word_syllables(word: str) -> int:
    """Syllables in one word: the dictionary's, else a spelling estimate (vowel groups, a silent final e)."""
    known = _dictionary_syllables().get(word)
    if known:
        return known
    groups = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and groups > 1:
        groups -= 1
    return max(1, groups)


def syllables_per_word(text: str) -> float:
    """Mean syllables per word of a transcript (the conversational average when it has no words)."""
    tokens = spoken_words(text)
    if not tokens:
        return DEFAULT_SYLLABLES_PER_WORD
    return sum(word_syllables(t) for t in tokens) / len(tokens)
