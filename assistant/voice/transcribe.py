"""Speech to text: an OpenAI-compatible `/v1/audio/transcriptions` server when configured, else PocketSphinx.

PocketSphinx runs fully offline: its wheel (BSD-2-Clause, Carnegie Mellon University; the en-us acoustic model
BSD-2-Clause, Alpha Cephei) carries the US English acoustic model, language model and pronouncing dictionary, so
nothing is downloaded at run time. It is an old recogniser and much less accurate than Whisper (figures in
docs/benchmarks.md); the engine's name is always shown next to a transcript so the candidate knows which one
heard them, and can correct the editable transcript before it is scored.

The recogniser can be biased toward the interview's vocabulary (`PocketSphinxTranscriber(role_dir)`: the word
lattice rescored with the general model interpolated with a model of the role's knowledge, assistant/voice/domain.py).
It is off in the app: on held-out answers it recovered no more content words, and it cost conversational phrases
the role text lacks, "you know" among them, which the filler count needs (docs/benchmarks.md).

A configured server that fails (down, bad key) does not lose the answer: the offline recogniser transcribes it and
the engine label says why.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

from assistant.config import Settings
from assistant.voice.audio import SAMPLE_RATE, Audio
from assistant.voice.domain import Interpolated, best_path, build_arpa, load_arpa, role_sentences

log = logging.getLogger(__name__)

# PocketSphinx's non-word tokens: sentence marks, silence and its noise models.
_NON_WORDS = {"<s>", "</s>", "<sil>", "[noise]", "[speech]"}
_ALT_PRONUNCIATION = re.compile(r"\(\d+\)$")
SPHINX_FRAME_RATE = 100  # PocketSphinx reports segment times in 10 ms frames
DITHER_SEED = 1


@dataclass(frozen=True)
class Word:
    text: str
    start: float
    end: float


@dataclass
class Transcript:
    text: str
    engine: str  # shown to the user: "PocketSphinx 5.1.1 (offline, en-US)" or "whisper-1 at http://..."
    seconds: float  # time spent transcribing
    words: list[Word] = field(default_factory=list)  # with timings when the engine gives them
    note: str | None = None  # e.g. why the configured server was not used


class Transcriber(Protocol):
    name: str

    def transcribe(self, audio: Audio) -> Transcript: ...


class PocketSphinxTranscriber:
    """The offline recogniser. The decoder (about 1 s to load its 27 MB language model) is built once per
    process and shared behind a lock: a decoder holds one utterance at a time. With a role folder, each role's
    vocabulary model is built once too (well under a second) and rescores the decoder's lattice."""

    _decoder: Any = None
    _role_models: dict[Path, Any] = {}
    _lock = threading.Lock()

    def __init__(self, role_dir: Path | None = None) -> None:
        self.role_dir = role_dir
        self.name = f"PocketSphinx {_version('pocketsphinx')} (offline, en-US"
        self.name += f", {role_dir.name} vocabulary)" if role_dir is not None else ")"

    @classmethod
    def _get_decoder(cls) -> Any:
        if cls._decoder is None:
            from pocketsphinx import Decoder

            # dither: synthetic or gated recordings contain runs of exact digital zero, whose log energy would
            # otherwise throw the cepstral features off; a little dither is what the model saw in training.
            # seed: the dither's noise is seeded from the clock unless given one, so the same recording could
            # come back with a different transcript; a fixed seed makes a transcript reproducible.
            cls._decoder = Decoder(samprate=SAMPLE_RATE, dither=True, seed=DITHER_SEED, loglevel="FATAL")
        return cls._decoder

    @classmethod
    def _role_model(cls, role_dir: Path, decoder: Any) -> Any:
        """The role's trigram model, or None when its knowledge cannot be read (then the general model alone)."""
        key = role_dir.resolve()
        if key not in cls._role_models:
            try:
                arpa = build_arpa(role_sentences(role_dir), lambda w: decoder.lookup_word(w) is not None)
                cls._role_models[key] = load_arpa(arpa)
            except Exception as exc:  # a broken knowledge folder must not stop transcription
                log.warning("role vocabulary from %s not used: %s", role_dir, type(exc).__name__)
                cls._role_models[key] = None
        return cls._role_models[key]

    def transcribe(self, audio: Audio) -> Transcript:
        started = time.perf_counter()
        with self._lock:
            decoder = self._get_decoder()
            role = self._role_model(self.role_dir, decoder) if self.role_dir is not None else None
            decoder.start_utt()
            decoder.process_raw(audio.pcm16(), no_search=False, full_utt=True)
            decoder.end_utt()
            words = self._rescored(decoder, role) if role is not None else None
            if words is None:
                words = [
                    Word(_ALT_PRONUNCIATION.sub("", seg.word), seg.start_frame / SPHINX_FRAME_RATE,
                         (seg.end_frame + 1) / SPHINX_FRAME_RATE)
                    for seg in decoder.seg()
                    if seg.word.lower() not in _NON_WORDS and not seg.word.startswith(("+", "["))
                ]
        text = " ".join(w.text for w in words)
        return Transcript(text=text, engine=self.name, seconds=time.perf_counter() - started, words=words)

    @staticmethod
    def _rescored(decoder: Any, role: Any) -> list[Word] | None:
        """The lattice's best path under the interpolated model; None when there is no lattice to rescore."""
        import tempfile

        if decoder.hyp() is None:
            return None
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "lattice.slf"
            decoder.get_lattice().write_htk(str(path))
            htk = path.read_text(encoding="utf-8", errors="replace")
        best = best_path(htk, Interpolated(decoder.get_lm(), role))
        if best is None:
            return None
        return [Word(w.text, w.start, w.end) for w in best if w.text.lower() not in _NON_WORDS]


class HttpTranscriber:
    """Any OpenAI-compatible `/v1/audio/transcriptions` endpoint (OpenAI, faster-whisper-server, whisper.cpp)."""

    def __init__(self, base_url: str, model: str, api_key: str | None, timeout_s: float) -> None:
        from openai import OpenAI

        self.base_url = base_url.rstrip("/")
        self.model = model
        self.name = f"{model} at {self.base_url}"
        # Local servers need no key, but the SDK insists on one.
        self._client = OpenAI(base_url=self.base_url, api_key=api_key or "not-needed", timeout=timeout_s,
                              max_retries=1)

    def transcribe(self, audio: Audio) -> Transcript:
        started = time.perf_counter()
        result = self._client.audio.transcriptions.create(
            model=self.model, file=("answer.wav", audio.wav_bytes(), "audio/wav"), response_format="json"
        )
        text = getattr(result, "text", None)
        if text is None and isinstance(result, dict):
            text = result.get("text")
        return Transcript(text=" ".join(str(text or "").split()), engine=self.name,
                          seconds=time.perf_counter() - started)


def get_transcriber(settings: Settings) -> Transcriber:
    """The configured server, else the offline recogniser."""
    if settings.transcription_base_url:
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
        return HttpTranscriber(settings.transcription_base_url, settings.transcription_model, key,
                               settings.llm_timeout_s)
    return PocketSphinxTranscriber()


def transcribe(audio: Audio, settings: Settings) -> Transcript:
    """Transcribe with the configured engine; a failing server falls back to the offline recogniser, and says so."""
    transcriber = get_transcriber(settings)
    if isinstance(transcriber, PocketSphinxTranscriber):
        return transcriber.transcribe(audio)
    try:
        return transcriber.transcribe(audio)
    except Exception as exc:  # any SDK/network failure: the answer must still be transcribed
        reason = _short_reason(exc)
        result = PocketSphinxTranscriber().transcribe(audio)
        result.note = f"The transcription server {transcriber.name} failed ({reason}); transcribed offline instead."
        return result


def _short_reason(exc: Exception) -> str:
    status = getattr(exc, "status_code", None)
    kind = type(exc).__name__
    return f"{kind}, HTTP {status}" if status else kind


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:  # pragma: no cover - only in a broken install
        return "?"
