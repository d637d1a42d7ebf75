"""Reading a spoken answer: a WAV file (stdlib `wave` + numpy) as 16 kHz mono samples, and where the speech is.

Both transcription engines and the delivery metrics work on the same `Audio`, so a recording is decoded and
checked once. The checks happen before any decoding work: the duration comes from the WAV header, so a file over
the cap is refused without reading its samples.

Voice activity is found from frame energy against the recording's own noise floor (not a fixed level), so a quiet
microphone and a loud one give the same pauses, and a recording of steady noise has no "speech" at all.
"""

from __future__ import annotations

import io
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from assistant.errors import InputError, require_file

SAMPLE_RATE = 16_000  # PocketSphinx's acoustic model and most ASR servers expect 16 kHz mono
MAX_AUDIO_SECONDS = 600.0  # 10 minutes: five times the target answer length
FRAME_S = 0.03  # energy frames of 30 ms
# A frame is speech when it is this many dB above the recording's noise floor (its 10th-percentile frame energy)
# and above an absolute floor (digital silence or a muted microphone is never speech).
SPEECH_MARGIN_DB = 12.0
ABSOLUTE_FLOOR_DBFS = -55.0
# Gaps shorter than this inside speech are the ordinary stops between words and sentences.
MIN_GAP_S = 0.25
MIN_SPEECH_S = 0.3  # less speech than this in a whole recording is nothing to transcribe


class AudioError(InputError):
    """A recording that cannot be used. Codes: empty_file, not_audio, corrupt, unsupported_audio, too_long,
    no_speech."""

    code = "not_audio"


@dataclass(frozen=True)
class Segment:
    start: float
    end: float

    @property
    def length(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class Audio:
    """16 kHz mono float32 samples in [-1, 1], plus what the original file was."""

    samples: npt.NDArray[np.float32]
    source_rate: int
    source_channels: int

    @property
    def duration(self) -> float:
        return len(self.samples) / SAMPLE_RATE

    def pcm16(self) -> bytes:
        """Little-endian 16-bit PCM, what PocketSphinx reads."""
        return (np.clip(self.samples, -1.0, 1.0) * 32767.0).astype("<i2").tobytes()

    def wav_bytes(self) -> bytes:
        """A 16 kHz mono 16-bit WAV (what is sent to a transcription server: small and universally accepted)."""
        buffer = io.BytesIO()
        with wave.open(buffer, "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(SAMPLE_RATE)
            out.writeframes(self.pcm16())
        return buffer.getvalue()


def read_wav(source: bytes | Path, *, name: str | None = None, max_seconds: float = MAX_AUDIO_SECONDS) -> Audio:
    """Decode a PCM WAV (any rate, 8/16/24/32-bit, mono or multi-channel) to 16 kHz mono.

    Raises `AudioError` with a stable code: `empty_file`, `not_audio` (not a WAV at all), `corrupt` (a damaged
    or truncated WAV), `unsupported_audio`
    (a WAV we cannot decode, e.g. float or compressed samples), `too_long` (over `max_seconds`).
    """
    label = name or (source.name if isinstance(source, Path) else "the recording")
    handle: io.BufferedReader | io.BytesIO
    if isinstance(source, Path):
        require_file(source, "The audio file")
        if source.stat().st_size == 0:
            raise AudioError(f"{label} is empty (0 bytes).", code="empty_file")
        handle = source.open("rb")
    else:
        if not source:
            raise AudioError(f"{label} is empty (0 bytes).", code="empty_file")
        handle = io.BytesIO(source)
    with handle:
        head = handle.read(12)
        handle.seek(0)
        if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            raise AudioError(
                f"{label} is not a WAV recording. Record in the app, or convert the file to WAV "
                "(for example `ffmpeg -i answer.m4a answer.wav`).",
                code="not_audio",
            )
        try:
            with wave.open(handle, "rb") as wav:
                channels, width, rate, frames = (
                    wav.getnchannels(),
                    wav.getsampwidth(),
                    wav.getframerate(),
                    wav.getnframes(),
                )
                if rate <= 0 or channels <= 0:
                    raise AudioError(f"{label} has an invalid WAV header.", code="not_audio")
                # The header's length is a claim: a recorder writing to a pipe puts 0xFFFFFFFF there (it cannot
                # seek back). Read what is really there, at most a frame past the limit, and judge that.
                limit = int(max_seconds * rate)
                raw = wav.readframes(min(frames, limit + 1))
                present = len(raw) // (width * channels)
                if present > limit:
                    raise AudioError(
                        f"{label} is {_clock(frames / rate)} long; the limit is {_clock(max_seconds)} "
                        "(minutes:seconds) per answer. Trim it to the answer itself.",
                        code="too_long",
                    )
                frames = present
        except wave.Error as exc:
            if "unknown format" in str(exc):  # float or compressed samples: a real WAV, just not PCM
                raise AudioError(
                    f"{label} is a WAV file this app cannot decode ({exc}); save it as 16-bit PCM WAV.",
                    code="unsupported_audio",
                ) from None
            raise AudioError(f"{label} is a damaged WAV file ({exc}).", code="corrupt") from None
        except EOFError:
            raise AudioError(f"{label} is a truncated WAV file.", code="corrupt") from None
    if frames == 0 or not raw:
        raise AudioError(f"{label} has no audio samples.", code="empty_file")
    samples = _to_float(raw, width, channels)
    return Audio(samples=resample(samples, rate, SAMPLE_RATE), source_rate=rate, source_channels=channels)


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def _to_float(raw: bytes, width: int, channels: int) -> npt.NDArray[np.float32]:
    """PCM bytes to mono float32 in [-1, 1] (channels averaged)."""
    usable = len(raw) - len(raw) % (width * channels)
    raw = raw[:usable]
    if width == 1:  # 8-bit WAV is unsigned
        values = np.frombuffer(raw, dtype=np.uint8).astype(np.float32) - 128.0
        scale = 128.0
    elif width == 2:
        values = np.frombuffer(raw, dtype="<i2").astype(np.float32)
        scale = 32768.0
    elif width == 3:
        bytes3 = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 3).astype(np.int32)
        ints = bytes3[:, 0] | (bytes3[:, 1] << 8) | (bytes3[:, 2] << 16)
        values = np.where(ints >= 1 << 23, ints - (1 << 24), ints).astype(np.float32)
        scale = float(1 << 23)
    elif width == 4:
        values = np.frombuffer(raw, dtype="<i4").astype(np.float32)
        scale = float(1 << 31)
    else:
        raise AudioError(f"{width * 8}-bit samples are not supported; save the WAV as 16-bit PCM.",
                         code="unsupported_audio")
    if channels > 1:
        values = values.reshape(-1, channels).mean(axis=1)
    return (values / scale).astype(np.float32)


def resample(samples: npt.NDArray[np.float32], rate: int, target: int = SAMPLE_RATE) -> npt.NDArray[np.float32]:
    """Band-limited resampling: a windowed-sinc low-pass below the new Nyquist frequency, then interpolation.

    Without the low-pass, a 44.1/48 kHz recording's 8-24 kHz content folds down into the speech band and the
    recogniser hears hiss that is not there.
    """
    if rate == target or len(samples) == 0:
        return samples.astype(np.float32, copy=False)
    filtered = samples
    if target < rate:
        cutoff = 0.45 * target / rate  # cycles per input sample, a little under the new Nyquist
        taps = np.arange(-32, 33, dtype=np.float64)
        kernel = 2 * cutoff * np.sinc(2 * cutoff * taps) * np.hamming(len(taps))
        kernel /= kernel.sum()
        filtered = np.convolve(samples, kernel.astype(np.float32), mode="same")
    count = int(round(len(samples) * target / rate))
    positions = np.arange(count, dtype=np.float64) * (rate / target)
    return np.interp(positions, np.arange(len(filtered)), filtered).astype(np.float32)


def frame_levels(audio: Audio) -> npt.NDArray[np.float64]:
    """RMS level of each 30 ms frame, in dBFS."""
    size = int(FRAME_S * SAMPLE_RATE)
    count = len(audio.samples) // size
    if count == 0:
        return np.zeros(0)
    frames = audio.samples[: count * size].reshape(count, size).astype(np.float64)
    rms: npt.NDArray[np.float64] = np.sqrt(np.mean(frames**2, axis=1))
    return 20 * np.log10(np.maximum(rms, 1e-9))


def speech_segments(audio: Audio) -> list[Segment]:
    """Stretches of speech: frames well above the noise floor, with short gaps (between words) bridged."""
    levels = frame_levels(audio)
    if len(levels) == 0:
        return []
    floor = float(np.percentile(levels, 10))
    threshold = max(floor + SPEECH_MARGIN_DB, ABSOLUTE_FLOOR_DBFS)
    voiced = levels > threshold
    segments: list[Segment] = []
    start: int | None = None
    for i, is_voiced in enumerate(voiced):
        if is_voiced and start is None:
            start = i
        elif not is_voiced and start is not None:
            segments.append(Segment(start * FRAME_S, i * FRAME_S))
            start = None
    if start is not None:
        segments.append(Segment(start * FRAME_S, len(voiced) * FRAME_S))
    merged: list[Segment] = []
    for seg in segments:
        if merged and seg.start - merged[-1].end < MIN_GAP_S:
            merged[-1] = Segment(merged[-1].start, seg.end)
        else:
            merged.append(seg)
    # A single frame blip (a click, a bump of the microphone) is not speech.
    return [s for s in merged if s.length >= 2 * FRAME_S]


def require_speech(audio: Audio, segments: list[Segment], label: str = "The recording") -> None:
    """Refuse a recording with no speech in it before spending seconds of decoding on it."""
    if sum(s.length for s in segments) < MIN_SPEECH_S:
        raise AudioError(
            f"{label} has no speech in it (silence or steady noise only). Check the microphone and record again.",
            code="no_speech",
        )
