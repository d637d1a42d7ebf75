"""Stakeholder role-plays: the interviewer plays a persona from the knowledge base, the candidate replies.

Offline, the persona's turns are its scripted beats (`exercises.yaml`): each beat raises one thing; when the
candidate's reply does not meet that beat's criterion (reviewed like a memo sentence by sentence), the persona
pushes back once before moving on. With an LLM, the persona's words are generated (prompt `persona_turn`) from its
brief, grounded in retrieved role knowledge, and steered by the same scripted beat; a failed or unusable generation
falls back to the scripted line. The replies are scored on the persona's criteria, with quotes, at the end.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

from assistant.errors import InputError
from assistant.exercises.review import ExerciseReview, review_text, reviewable_sentences
from assistant.limits import check_length

if TYPE_CHECKING:
    from assistant.knowledge.embeddings import Embedder
    from assistant.knowledge.schema import ExerciseBank, Persona
    from assistant.llm.client import LLMClient

log = logging.getLogger(__name__)

PROMPT = "persona_turn"
MAX_PERSONA_CHARS = 700
#: Longest reply to a persona: about three minutes of talking in the meeting. With a bounded number of replies
#: (each beat takes at most two), it also bounds what the final review has to read.
MAX_REPLY_CHARS = 3_000
#: A reply meets a beat when it says at least this many of the criterion's signals (one reply answers one point).
BEAT_MET_SIGNALS = 1


#: What the candidate is told when a role-play ends with no reply a review could score ("OK", "Thanks.").
NO_REVIEW = "No review: none of your replies had a sentence to score. Start again and answer in full sentences."


class RolePlayTurn(BaseModel):
    speaker: Literal["persona", "candidate"]
    text: str
    beat: int
    kind: Literal["beat", "pushback", "closing", "reply"] = "beat"
    generated: bool = Field(False, description="True when an LLM worded this persona line.")


class RolePlayResult(BaseModel):
    persona: str
    persona_name: str
    engine: Literal["offline", "llm"]
    transcript: list[RolePlayTurn]
    finished: bool
    review: ExerciseReview | None = None


def find_persona(bank: ExerciseBank, name: str) -> Persona:
    """A persona by id, name or title (case-insensitive; "cfo", "Dana Whitfield", "product")."""
    wanted = name.strip().lower()
    for persona in bank.personas:
        if wanted in (persona.id, persona.name.lower(), persona.title.lower()):
            return persona
    matches = [p for p in bank.personas if wanted and (wanted in p.title.lower() or wanted in p.id
                                                        or wanted in p.name.lower())]
    if len(matches) == 1:
        return matches[0]
    known = ", ".join(f"{p.id} ({p.title})" for p in bank.personas)
    raise InputError(f"Unknown persona {name!r}; choose one of: {known}.", code="invalid_input")


class RolePlay:
    """One role-play with one persona. Drive it with `opening()` then `reply(text)` until `finished`."""

    def __init__(
        self,
        bank: ExerciseBank,
        persona: Persona,
        embedder: Embedder,
        *,
        llm: LLMClient | None = None,
        retrieve: Any | None = None,
    ) -> None:
        self.bank = bank
        self.persona = persona
        self.embedder = embedder
        self.llm = llm
        self.retrieve = retrieve
        self.transcript: list[RolePlayTurn] = []
        self.beat = 0
        self.pushed_back = False
        self.finished = False

    @property
    def engine(self) -> Literal["offline", "llm"]:
        return "llm" if self.llm is not None else "offline"

    def opening(self) -> RolePlayTurn:
        return self._persona_says(self.persona.beats[0].say, "beat")

    def reply(self, text: str) -> RolePlayTurn:
        """Record the candidate's reply and return the persona's next line (its closing line ends the role-play)."""
        from assistant.llm.safety import clean_untrusted

        if self.finished:
            raise InputError("This role-play is over; start a new one.", code="invalid_input")
        check_length(text, limit=MAX_REPLY_CHARS, what="reply", variable=None)
        answer = clean_untrusted(text).strip()
        if not answer:
            raise InputError("The reply is empty.", code="invalid_input")
        beat = self.persona.beats[self.beat]
        meets = self.pushed_back or self._meets(answer, beat.criterion)  # may raise: before the transcript changes
        self.transcript.append(RolePlayTurn(speaker="candidate", text=answer, beat=self.beat, kind="reply"))
        if not meets:
            self.pushed_back = True
            return self._persona_says(beat.pushback, "pushback")
        self.beat += 1
        self.pushed_back = False
        if self.beat >= len(self.persona.beats):
            self.finished = True
            return self._persona_says(self.persona.closing, "closing")
        return self._persona_says(self.persona.beats[self.beat].say, "beat")

    def review(self) -> ExerciseReview | None:
        """The candidate's replies scored on the persona's criteria (None before any reply)."""
        replies = "\n\n".join(t.text for t in self.transcript if t.speaker == "candidate")
        if not reviewable_sentences(replies):
            return None  # no reply yet, or only "OK" and "Thanks": nothing to score
        criteria = [self.bank.criterion(c) for c in self.persona.criteria]
        # Every reply was within MAX_REPLY_CHARS: all of them together are reviewed, even past the memo limit.
        return review_text(replies, criteria, self.embedder, exercise=f"roleplay:{self.persona.id}", min_words=1,
                           max_chars=max(len(replies), 1))

    def result(self) -> RolePlayResult:
        return RolePlayResult(persona=self.persona.id, persona_name=f"{self.persona.name}, {self.persona.title}",
                              engine=self.engine, transcript=self.transcript, finished=self.finished,
                              review=self.review())

    # -- helpers --

    def _meets(self, answer: str, criterion_id: str) -> bool:
        if not reviewable_sentences(answer):
            return False  # "Thanks." meets no criterion; the persona presses on instead of the play failing
        review = review_text(answer, [self.bank.criterion(criterion_id)], self.embedder, min_words=1)
        return len(review.scores[0].met) >= BEAT_MET_SIGNALS

    def _persona_says(self, scripted: str, kind: Literal["beat", "pushback", "closing"]) -> RolePlayTurn:
        text, generated = scripted, False
        if self.llm is not None and kind != "closing":
            worded = self._generate(scripted)
            if worded:
                text, generated = worded, True
        turn = RolePlayTurn(speaker="persona", text=text, beat=self.beat, kind=kind, generated=generated)
        self.transcript.append(turn)
        return turn

    def _generate(self, next_beat: str) -> str | None:

        from assistant.llm.errors import LLMError
        from assistant.llm.safety import spotlight

        assert self.llm is not None
        knowledge = "(none)"
        if self.retrieve is not None:
            try:
                hits = self.retrieve(f"{self.persona.title}: {self.persona.brief}")
                knowledge = "\n".join(f"[{getattr(h, 'citation', '')}] {h.text}" for h in hits[:3]) or "(none)"
            except Exception:  # noqa: BLE001 - grounding helps; the scripted line still works without it
                log.warning("knowledge retrieval for the persona failed", exc_info=True)
        lines = []
        for t in self.transcript[-6:]:
            who = self.persona.name if t.speaker == "persona" else "Candidate"
            lines.append(f"{who}: {spotlight(t.text, 'candidate_reply') if t.speaker == 'candidate' else t.text}")
        variables = {
            "persona_name": f"{self.persona.name}, {self.persona.title}", "persona_brief": self.persona.brief,
            "knowledge": knowledge, "transcript": "\n".join(lines) or "(the conversation starts now)",
            "next_beat": next_beat,
        }
        try:
            text = self.llm.text(PROMPT, variables)
        except LLMError as exc:
            log.warning("persona generation failed (%s); the scripted line is used", exc.code)
            return None
        text = " ".join(text.split()).strip().strip('"').strip()
        return text if 0 < len(text) <= MAX_PERSONA_CHARS else None
