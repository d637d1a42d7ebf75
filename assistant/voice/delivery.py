"""Delivery coaching: pace, filler words, long pauses and talk time, from the audio and the transcript.

Timing comes from the audio (energy-based speech segments), never from the recogniser's word times, so the figures
are the same whichever engine transcribed the answer. Pace does not rest on the transcript's word count either: a
recogniser that drops or splits words would move it by as much as it mis-hears. The syllables are counted in the
sound (assistant/voice/syllables.py) and turned into words with the transcript's syllables per word, which a
mis-heard word barely changes; the plain transcript count is kept beside it (`wpm_transcript`). A transcript the
candidate corrected refines the syllables per word, and so the pace.

Bands are the usual public-speaking guidance, not tuned on test data: conversational pace is about 120-160 words
per minute; more than about 3 fillers a minute is noticeable; a silence over 2 s mid-answer reads as lost
thread; a behavioural answer should take about 2 minutes.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from assistant.text.plural import count_of
from assistant.text.tokens import spoken_words
from assistant.voice.audio import Audio, Segment
from assistant.voice.syllables import syllable_nuclei, syllables_per_word

TARGET_TALK_S = 120.0
LONG_PAUSE_S = 2.0
PACE_SLOW_WPM = 110.0
PACE_FAST_WPM = 170.0
FILLERS_PER_MIN_HIGH = 3.0

# Hesitation sounds as recognisers and people spell them; counted under one label.
_HESITATIONS = {"um", "umm", "uhm", "uh", "er", "erm", "ah", "hmm", "mm"}
_PHRASES = {("you", "know"): "you know", ("sort", "of"): "sort of", ("kind", "of"): "kind of"}
# "like" is a filler except where it is a verb or a comparison's preposition after these words
# ("I would like", "it looks like", "felt like", "something like").
_LIKE_NOT_FILLER_AFTER = {
    "would", "i'd", "we'd", "you'd", "they'd", "he'd", "she'd", "look", "looks", "looked", "feel", "feels", "felt",
    "seem", "seems", "seemed", "sound", "sounds", "sounded", "something", "things", "anything", "nothing", "just",
    "not", "don't", "didn't", "doesn't", "i", "we", "they", "you",
}


class Pause(BaseModel):
    at_s: float = Field(description="Seconds into the recording where the silence starts.")
    length_s: float


class DeliveryMetrics(BaseModel):
    """What a coach would say about how the answer was spoken (stored with the turn)."""

    duration_s: float = Field(description="Length of the recording.")
    talk_s: float = Field(description="From the first to the last speech, pauses included.")
    speech_s: float = Field(description="Time actually speaking.")
    words: int = Field(description="Words in the transcript.")
    wpm: float = Field(description="Words per minute of talk time: syllables heard / the transcript's syllables per "
                       "word.")
    wpm_transcript: float = Field(0.0, description="Transcript words per minute of talk time (moves with every "
                                  "word the recogniser drops or inserts).")
    syllables: int = Field(0, description="Syllable nuclei counted in the audio.")
    fillers: dict[str, int] = Field(default_factory=dict)
    filler_count: int = 0
    fillers_per_min: float = 0.0
    long_pauses: list[Pause] = Field(default_factory=list)
    target_s: float = TARGET_TALK_S
    engine: str = ""
    notes: list[str] = Field(default_factory=list, description="Coaching, one line each.")

    @property
    def pace_label(self) -> str:
        if self.wpm < PACE_SLOW_WPM:
            return "slow"
        return "fast" if self.wpm > PACE_FAST_WPM else "conversational"


def count_fillers(text: str) -> dict[str, int]:
    """Filler words and phrases in a transcript: um/uh (any spelling), "like", "you know", "sort of", "kind of"."""
    tokens = spoken_words(text)
    counts: dict[str, int] = {}
    i = 0
    while i < len(tokens):
        token = tokens[i]
        pair = (token, tokens[i + 1]) if i + 1 < len(tokens) else None
        if pair in _PHRASES and not _phrase_is_literal(tokens, i):
            label = _PHRASES[pair]
            counts[label] = counts.get(label, 0) + 1
            i += 2
            continue
        if token in _HESITATIONS:
            counts["um/uh"] = counts.get("um/uh", 0) + 1
        elif token == "like" and (i == 0 or tokens[i - 1] not in _LIKE_NOT_FILLER_AFTER):
            counts["like"] = counts.get("like", 0) + 1
        i += 1
    return counts


def _phrase_is_literal(tokens: list[str], i: int) -> bool:
    """ "what kind of model" / "do you know the answer": the phrase carries meaning, so it is not a filler."""
    before = tokens[i - 1] if i > 0 else ""
    if tokens[i] in ("kind", "sort"):
        return before in {"what", "which", "a", "the", "this", "that", "any", "some", "one", "same", "every"}
    return before in {"do", "did", "don't", "didn't", "if", "would", "as", "whether"}  # "you know" as a verb


def word_count(text: str) -> int:
    return len(spoken_words(text))


def measure(audio: Audio, segments: list[Segment], transcript: str, *, engine: str = "",
            target_s: float = TARGET_TALK_S, nuclei: list[float] | None = None) -> DeliveryMetrics:
    """Delivery metrics for one spoken answer; `segments` are `speech_segments(audio)`, `nuclei` the
    `syllable_nuclei(audio, segments)` when already counted (a re-measure after an edit reuses them)."""
    talk_s = (segments[-1].end - segments[0].start) if segments else 0.0
    speech_s = sum(s.length for s in segments)
    words = word_count(transcript)
    minutes = talk_s / 60 if talk_s > 0 else 0.0
    syllables = len(nuclei if nuclei is not None else syllable_nuclei(audio, segments))
    wpm_transcript = words / minutes if minutes else 0.0
    # Without words there is nothing to pace (and no syllables-per-word); without syllables (a whisper the
    # envelope cannot split) the transcript's count is all there is.
    if words and syllables and minutes:
        wpm = syllables / syllables_per_word(transcript) / minutes
    else:
        wpm = wpm_transcript
    fillers = count_fillers(transcript)
    filler_count = sum(fillers.values())
    pauses = [
        Pause(at_s=round(a.end, 2), length_s=round(b.start - a.end, 2))
        for a, b in zip(segments, segments[1:], strict=False)
        if b.start - a.end >= LONG_PAUSE_S
    ]
    metrics = DeliveryMetrics(
        duration_s=round(audio.duration, 2),
        talk_s=round(talk_s, 2),
        speech_s=round(speech_s, 2),
        words=words,
        wpm=round(wpm, 1),
        wpm_transcript=round(wpm_transcript, 1),
        syllables=syllables,
        fillers=fillers,
        filler_count=filler_count,
        fillers_per_min=round(filler_count / minutes, 2) if minutes else 0.0,
        long_pauses=pauses,
        target_s=target_s,
        engine=engine,
    )
    metrics.notes = coaching_notes(metrics)
    return metrics


def coaching_notes(m: DeliveryMetrics) -> list[str]:
    notes: list[str] = []
    if m.words:
        if m.wpm < PACE_SLOW_WPM:
            notes.append(f"Pace {m.wpm:.0f} words/min is slow; aim for 120-160 so the story keeps momentum.")
        elif m.wpm > PACE_FAST_WPM:
            notes.append(f"Pace {m.wpm:.0f} words/min is fast; slow down and let the numbers land.")
        else:
            notes.append(f"Pace {m.wpm:.0f} words/min is conversational.")
    if m.fillers_per_min > FILLERS_PER_MIN_HIGH and m.filler_count >= 3:  # one "um" in 20 s is no habit
        top = ", ".join(f'"{k}" x{v}' for k, v in sorted(m.fillers.items(), key=lambda kv: -kv[1])[:3])
        notes.append(f"{m.fillers_per_min:.1f} filler words a minute ({top}); a short silent pause reads as "
                     "more senior than a filler.")
    elif m.filler_count:
        notes.append(f"{count_of(m.filler_count, 'filler word')}; not distracting at this rate.")
    if m.long_pauses:
        longest = max(p.length_s for p in m.long_pauses)
        notes.append(f"{count_of(len(m.long_pauses), 'long pause')} (longest {longest:.1f} s); structure the answer "
                     "(situation, action, result) so the next point is ready.")
    ratio = m.talk_s / m.target_s if m.target_s else 0.0
    if ratio < 0.5:
        notes.append(f"Talk time {_clock(m.talk_s)} is short against the ~{_clock(m.target_s)} target; add what "
                     "you decided and the measured result.")
    elif ratio > 1.5:
        notes.append(f"Talk time {_clock(m.talk_s)} runs long against the ~{_clock(m.target_s)} target; cut the "
                     "background and lead with the decision.")
    else:
        notes.append(f"Talk time {_clock(m.talk_s)} is close to the ~{_clock(m.target_s)} target.")
    return notes


def _clock(seconds: float) -> str:
    whole = int(round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"
