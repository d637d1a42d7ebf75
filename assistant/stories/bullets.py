"""From a story to resume bullets, and from accepted bullets into tailoring and export.

A story proposes bullets built only from its own quotes: offline, the candidate's strongest action clause joined to
the measured result, in the candidate's words with "I" dropped; with an LLM, rewritten bullets. Either way every
bullet goes through the fabrication guard (`assistant.resume.guard`) with the *story text* as its source of truth,
so a number, name, title or tool the story does not state is a finding and the bullet cannot be accepted. Each
bullet keeps its provenance: the story quotes its facts came from.

Accepted bullets join the resume as bullets of the current job (`with_story_bullets`), so they flow through
tailoring (reordering, the guard, LLM rewrites) and export like any line the candidate wrote.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from assistant.interview.signals import own_actions, result_strength, without_dates
from assistant.resume.guard import FabricationGuard
from assistant.stories.models import STORY_FIELDS, Quote, Story, StoryBullet, StoryField
from assistant.stories.store import new_id
from assistant.text.quantities import numbers_in
from assistant.text.tokens import split_sentences

if TYPE_CHECKING:
    from assistant.knowledge.schema import RoleKnowledge
    from assistant.llm.client import LLMClient
    from assistant.resume.models import Resume

log = logging.getLogger(__name__)

PROMPT = "story_bullets"
MAX_BULLETS = 3
MAX_BULLET_WORDS = 45

_CLAUSE_SPLIT = re.compile(r"(?<=[;:])\s+|,\s+(?=(?:and |then |so |which )?I\b)|\s+(?:and then|then) (?=I\b)")
_LEAD_I = re.compile(r"^(?:and |so |then |but )?I(?:'ve| have)?\s+(?:(?:also|then|first|personally|deliberately|"
                     r"immediately|quickly|eventually|later|finally|initially|directly)\s+)*", re.IGNORECASE)
# Only the span itself goes with "within" or "by the end of": "Within two quarters the team shipped all three
# projects" keeps its subject and verb (a lead-in cut at thirty characters left "all three projects, ...").
_SPAN = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d+|the first|the next)"
_LEAD_CONNECTOR = re.compile(
    r"^(?:as a result|the result(?: was)?|the outcome(?: was)?|the payoff(?: was)?|in the end|"
    rf"by the end of (?:the |that |this |its )?(?:\w+ )?(?:day|week|month|quarter|year|sprint|pilot|project)s?\b|"
    rf"within {_SPAN}(?: \w+)? (?:days?|weeks?|months?|quarters?|years?|sprints?)\b|and|so|which)\s*[:,]?\s*",
    re.IGNORECASE)


# First words after "I" that make a feeling or a state, not something the candidate did.
_NOT_DEEDS = frozenset(["am", "was", "were", "is", "think", "thought", "feel", "felt", "believe", "guess", "hope", "would", "could", "should", "might"])


def _clauses(text: str) -> list[str]:
    """Sentences of a quote, cut further at "; I ..." / ", and I ..." so each clause carries one action."""
    out = []
    for sentence in split_sentences(text):
        out += [c.strip(" ,;:") for c in _CLAUSE_SPLIT.split(sentence.text) if c and c.strip(" ,;:")]
    return out


def _as_bullet_action(clause: str) -> str | None:
    """"I decided to consolidate ..." -> "Decided to consolidate ..." (the candidate's words, first person dropped)."""
    stripped = _LEAD_I.sub("", clause, count=1).strip()
    if stripped == clause.strip() or not stripped or stripped.split()[0].lower() in _NOT_DEEDS:
        return None
    return stripped[0].upper() + stripped[1:]


def _as_result(clause: str) -> str:
    stripped = _LEAD_CONNECTOR.sub("", clause.strip(), count=1).strip(" .")
    return stripped[:1].lower() + stripped[1:] if stripped[:2] != stripped[:2].upper() else stripped


def _limit(text: str) -> str:
    words = text.split()
    return text if len(words) <= MAX_BULLET_WORDS else " ".join(words[:MAX_BULLET_WORDS]).rstrip(",;") + "…"


def _offline_texts(story: Story) -> list[tuple[str, list[StoryField]]]:
    actions: list[tuple[float, str, StoryField]] = []
    for name in ("action", "situation", "task"):
        quote = story.field(name)
        if quote is None:
            continue
        for clause in _clauses(quote.text):
            bullet = _as_bullet_action(clause) if own_actions(clause) > 0 else None
            if bullet:
                # A span ("my first two weeks") dates an action; it does not measure it. An action that changed
                # something ("cut the roadmap from nine projects to three") leads a bullet better than one that
                # found out ("spent two weeks in one-on-ones and found ..."), however many verbs that one has.
                measured = len(numbers_in(without_dates(clause)))
                weight = (min(own_actions(clause), 1) + 0.6 * measured + result_strength(clause)
                          + (0.5 if name == "action" else 0.0))
                actions.append((weight, bullet.rstrip(" ."), name))
    results: list[tuple[float, str]] = []
    if (quote := story.field("result")) is not None:
        for clause in _clauses(quote.text):
            results.append((2 * result_strength(clause) + 0.5 * len(numbers_in(clause)), _as_result(clause)))
        if not any(w > 0 for w, _ in results):  # a result told in one run-on sentence: keep it whole
            results = [(1.0, _as_result(quote.text))]
    actions.sort(key=lambda a: -a[0])
    results.sort(key=lambda r: -r[0])
    best_result = results[0][1] if results and results[0][0] > 0 else None
    out: list[tuple[str, list[StoryField]]] = []
    for i, (_, action, name) in enumerate(actions[:MAX_BULLETS]):
        if best_result and i == 0:
            out.append((_limit(f"{action}; {best_result}."), [name, "result"]))
        else:
            out.append((_limit(f"{action}."), [name]))
    if best_result and not actions:
        text = _as_bullet_action(best_result) or best_result[0].upper() + best_result[1:]
        out.append((_limit(text.rstrip(" .") + "."), ["result"]))
    return out


class _LLMBullet(BaseModel):
    text: str = Field(description="One resume bullet, past tense, no first person, only facts from the story.")
    fields: list[str] = Field(default_factory=list, description="Story fields it draws on (situation, action...).")


class _LLMBullets(BaseModel):
    bullets: list[_LLMBullet] = Field(default_factory=list)


def _llm_texts(story: Story, knowledge: RoleKnowledge, llm: LLMClient
               ) -> list[tuple[str, list[StoryField]]]:
    from assistant.llm.safety import spotlight

    story_text = "\n".join(f"{name}: {q.text}" for name in STORY_FIELDS if (q := story.field(name)) is not None)
    patterns = "\n".join(f"- {p.theme}: {p.pattern} (e.g. {p.example})" for p in knowledge.template.bullet_patterns)
    # One call path: the prompt file's declared model settings apply (see LLMClient.bind).
    reply = llm.structured(PROMPT, {"story": spotlight(story_text, "story"), "patterns": patterns}, _LLMBullets)
    reply = reply if isinstance(reply, _LLMBullets) else _LLMBullets.model_validate(reply)
    out: list[tuple[str, list[StoryField]]] = []
    for b in reply.bullets[:MAX_BULLETS]:
        named = [f for f in b.fields if f in STORY_FIELDS and story.field(f) is not None]
        if b.text.strip():
            out.append((" ".join(b.text.split()), named or [n for n in STORY_FIELDS if story.field(n)]))
    return out


def propose_bullets(
    story: Story,
    knowledge: RoleKnowledge,
    *,
    llm: LLMClient | None = None,
) -> list[StoryBullet]:
    """Bullets for `story`, each checked by the guard against the story text, with the quotes it came from."""

    guard = FabricationGuard.for_role(story.text, knowledge.template)
    texts = _offline_texts(story)
    if llm is not None:
        from assistant.llm.errors import LLMError

        try:
            texts = _llm_texts(story, knowledge, llm) or texts
        except LLMError as exc:
            log.warning("LLM bullet proposal failed (%s); offline bullets shown", exc.code)
    bullets: list[StoryBullet] = []
    for text, fields in dict(texts).items():
        provenance: list[Quote] = [q for name in fields if (q := story.field(name)) is not None]
        bullets.append(StoryBullet(id=new_id(), story_id=story.id, text=text, provenance=provenance,
                                   findings=guard.check(text)))
    return bullets


def with_story_bullets(resume: Resume, bullets: list[StoryBullet]) -> Resume:
    """The resume with accepted story bullets added to the current job (or a Selected outcomes section when the
    resume has no job), numbered after its last line so tailoring can cite them like any other line."""
    from assistant.resume.models import Line, Section

    accepted = [b for b in bullets if b.accepted and not b.findings]
    if not accepted:
        return resume
    out = resume.model_copy(deep=True)
    numbers = [ln.number for ln in out.lines] + [b.number for j in out.experience for b in j.bullets]
    numbers += [ln.number for s in out.sections for ln in s.lines]
    next_number = max(numbers, default=0) + 1
    existing = {b.text for j in out.experience for b in j.bullets}
    new_lines = []
    for b in accepted:
        if b.text in existing:
            continue
        new_lines.append(Line(number=next_number, text=b.text))
        next_number += 1
    if not new_lines:
        return out
    current = next((j for j in out.experience
                    if j.end and j.end.strip().lower() in {"present", "current", "now", "today"}),
                   out.experience[0] if out.experience else None)
    if current is not None:
        current.bullets.extend(new_lines)
    else:
        out.sections.append(Section(name="other", heading="Selected outcomes", lines=list(new_lines)))
    out.lines.extend(new_lines)
    return out
