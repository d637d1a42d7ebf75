"""One spoken answer end to end: checks, speech detection, transcription, delivery metrics.

The CLI (`assistant transcribe`, `assistant score --audio`) and the interview page both go through `analyse`, so a
recording gets the same checks, engine and figures wherever it comes from.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.config import Settings
from assistant.voice.audio import Audio, AudioError, Segment, read_wav, require_speech, speech_segments
from assistant.voice.delivery import DeliveryMetrics, measure
from assistant.voice.syllables import syllable_nuclei
from assistant.voice.transcribe import Transcript, transcribe


@dataclass
class VoiceAnswer:
    audio: Audio
    segments: list[Segment]
    transcript: Transcript
    delivery: DeliveryMetrics
    nuclei: list[float]  # syllable nuclei (seconds), counted once

    def with_text(self, text: str) -> DeliveryMetrics:
        """Delivery metrics for the transcript as the candidate corrected it (timing and syllables stay the
        audio's)."""
        return measure(self.audio, self.segments, text, engine=self.transcript.engine, nuclei=self.nuclei)

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.transcript.text,
            "engine": self.transcript.engine,
            "note": self.transcript.note,
            "transcribe_seconds": round(self.transcript.seconds, 2),
            "delivery": self.delivery.model_dump(mode="json"),
        }


def analyse(source: bytes | Path, settings: Settings, *, name: str | None = None) -> VoiceAnswer:
    """Read, check and transcribe one recording; `AudioError` (exit 2 in the CLI) for anything unusable."""
    audio = read_wav(source, name=name)
    segments = speech_segments(audio)
    label = name or (source.name if isinstance(source, Path) else "The recording")
    require_speech(audio, segments, label)
    transcript = transcribe(audio, settings)
    if not transcript.text.strip():
        raise AudioError(
            f"{label} has sound but no words could be made out ({transcript.engine}). Speak closer to the "
            "microphone, or type the answer.",
            code="no_speech",
        )
    nuclei = syllable_nuclei(audio, segments)
    delivery = measure(audio, segments, transcript.text, engine=transcript.engine, nuclei=nuclei)
    return VoiceAnswer(audio, segments, transcript, delivery, nuclei)
