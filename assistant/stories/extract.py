"""Cut an answer into a story: situation, task, action, result and reflection, each a verbatim quote.

Offline, fields come from the interview's own sentence-level signals (`assistant.interview.signals`): the sentence
that sets a scene, the one that states the goal, the candidate's own "I ..." actions, the sentence with a measured
change, and a lesson learned. Each field is a run of consecutive sentences, so the quote is one span of the answer.

With an LLM, the model proposes the fields (prompt `story_extraction`); every proposed field is checked against the
answer (`verbatim_quotes`) and one that is not a quote is replaced by the offline field, so a paraphrase or an
invented detail can never enter the story bank.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from assistant.errors import InputError
from assistant.interview.signals import Lexicon, extract, own_actions, result_strength
from assistant.stories.models import STORY_FIELDS, Quote, StoryEngine, StoryField
from assistant.text.tokens import split_sentences

if TYPE_CHECKING:
    from assistant.knowledge.schema import RoleKnowledge
    from assistant.llm.client import LLMClient

log = logging.getLogger(__name__)

PROMPT = "story_extraction"
TITLE_WORDS = 9

# The goal or mandate of a story: what the candidate was asked, or had, to achieve. (Situation, action, result and
# reflection are the scorer's signals; the scorer has no notion of a task, so it is named here.)
_TASK = re.compile(
    r"(?<![\w'])(?:I was (?:asked|hired|brought in|tasked)|my (?:job|goal|mandate|task|brief|remit) was|"
    r"the (?:goal|target|mandate|ask|brief|task) was|(?:I|we) (?:needed|had) to|needed to|had to|"
    r"responsible for|was to (?:\w+)|so that we could|in order to|the aim was|committed to)(?![\w'])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Label:
    index: int
    start: int
    end: int
    field: StoryField | None
    weight: float


class ExtractedStory(BaseModel):
    title: str
    fields: dict[StoryField, Quote]
    engine: StoryEngine = "offline"
    dropped: list[str] = Field(default_factory=list, description="LLM fields replaced because they were not quotes.")


# Labelling a sentence as situation/action/result uses only language-level signals (numbers, "I did", "in
# hindsight"), never the role's vocabulary, so the lexicon given to `extract` matches nothing.
_NOTHING = re.compile(r"(?!)")
_LANGUAGE_ONLY = Lexicon(named=_NOTHING, altitude=_NOTHING)


def _label(text: str, index: int, start: int, end: int) -> _Label:
    """The one field a sentence serves best; a sentence with a measured change is a result even if it says 'I'."""
    sig = extract(text, _LANGUAGE_ONLY)
    result = result_strength(text)
    own = own_actions(text)
    if sig.reflection:
        return _Label(index, start, end, "reflection", 1.0)
    if result >= 1.0 or (result > 0 and own == 0):
        return _Label(index, start, end, "result", 1.0 + result)
    if _TASK.search(text) and own <= 1:
        return _Label(index, start, end, "task", 1.0)
    if own > 0:
        return _Label(index, start, end, "action", float(min(own, 3)) + 0.5 * len(sig.numbers))
    if sig.situation or index == 0:
        return _Label(index, start, end, "situation", 1.0 + 0.2 * len(sig.numbers))
    if result > 0:
        return _Label(index, start, end, "result", result)
    return _Label(index, start, end, None, 0.0)


def offline_fields(answer: str) -> dict[StoryField, Quote]:
    """STAR+R quotes by sentence signals: for each field, its heaviest run of consecutive sentences."""
    sentences = split_sentences(answer)
    labels = [_label(s.text, i, s.start, s.end) for i, s in enumerate(sentences)]
    # Stories open with context: an opening "I led a 40-person org" followed by more actions sets the scene.
    if (len(labels) > 2 and labels[0].field == "action" and own_actions(sentences[0].text) <= 1
            and any(x.field == "action" for x in labels[1:])):
        labels[0] = _Label(0, labels[0].start, labels[0].end, "situation", 1.0)
    fields: dict[StoryField, Quote] = {}
    for name in STORY_FIELDS:
        runs: list[list[_Label]] = []
        for label in labels:
            if label.field != name:
                continue
            if runs and runs[-1][-1].index == label.index - 1:
                runs[-1].append(label)
            else:
                runs.append([label])
        if not runs:
            continue
        best = max(runs, key=lambda run: sum(x.weight for x in run))
        start, end = best[0].start, best[-1].end
        fields[name] = Quote(text=answer[start:end], start=start, end=end)
    # A story told without scene-setting still has one: the sentence before the first action, when unclaimed.
    if "situation" not in fields and "action" in fields:
        first = next(i for i, x in enumerate(labels) if x.field == "action")
        if first > 0 and labels[first - 1].field is None:
            before = labels[first - 1]
            fields["situation"] = Quote(text=answer[before.start : before.end], start=before.start, end=before.end)
    return fields


def title_for(question: str, fields: dict[StoryField, Quote], answer: str) -> str:
    """A short handle the candidate recognises: the first words of the action (else of the answer), verbatim."""
    source = (fields.get("action") or fields.get("result") or fields.get("situation"))
    text = source.text if source else answer
    words = text.split()
    head = " ".join(words[:TITLE_WORDS])
    return head.rstrip(",;:.") + "…" if len(words) > TITLE_WORDS else head


def quote_in(answer: str, text: str) -> Quote | None:
    """`text` as a span of `answer` (whitespace, case and quotation-mark style forgiven), or None."""
    from assistant.interview.scoring import verbatim_quotes

    found = verbatim_quotes([text], answer)
    if not found:
        return None
    start = answer.find(found[0])
    return Quote(text=found[0], start=start, end=start + len(found[0]))


class LLMStoryReply(BaseModel):
    """What the model returns: each field a verbatim quote of the answer (or empty when the answer lacks it)."""

    title: str = Field(description="A 3-8 word handle for the story, e.g. 'Feature-store consolidation'.")
    situation: str = Field("", description="Verbatim quote: the context.")
    task: str = Field("", description="Verbatim quote: the goal or mandate.")
    action: str = Field("", description="Verbatim quote: what the candidate personally did.")
    result: str = Field("", description="Verbatim quote: the outcome, with its numbers.")
    reflection: str = Field("", description="Verbatim quote: the lesson learned, or empty.")
    competencies: list[str] = Field(default_factory=list, description="Competency ids the story shows.")


def extract_story(
    question: str,
    answer: str,
    *,
    knowledge: RoleKnowledge | None = None,
    llm: LLMClient | None = None,
) -> tuple[ExtractedStory, list[str]]:
    """The story's fields (offline, or LLM-proposed and checked) and any extra competencies the LLM named."""
    from assistant.llm.safety import clean_untrusted

    answer = clean_untrusted(answer)
    if not answer.strip():
        raise InputError("The answer is empty: there is no story to save.", code="invalid_input")
    offline = offline_fields(answer)
    if llm is None:
        return ExtractedStory(title=title_for(question, offline, answer), fields=offline), []
    from assistant.llm.errors import LLMError

    try:
        reply = _ask_llm(question, answer, knowledge, llm)
    except LLMError as exc:
        log.warning("LLM story extraction failed (%s); offline fields used", exc.code)
        return ExtractedStory(title=title_for(question, offline, answer), fields=offline), []
    fields: dict[StoryField, Quote] = {}
    dropped: list[str] = []
    for name in STORY_FIELDS:
        proposed = str(getattr(reply, name) or "").strip()
        quote = quote_in(answer, proposed) if proposed else None
        if proposed and quote is None:
            dropped.append(name)
        chosen = quote or offline.get(name)
        if chosen is not None:
            fields[name] = chosen
    known = {c.id for c in knowledge.rubric.competencies} if knowledge else set()
    extra = [c for c in reply.competencies if c in known]
    title = " ".join(reply.title.split()[:TITLE_WORDS]).strip() or title_for(question, fields, answer)
    if dropped:
        log.info("LLM story fields not found in the answer were replaced by offline quotes: %s", dropped)
    return ExtractedStory(title=title, fields=fields, engine="llm", dropped=dropped), extra


def _ask_llm(
    question: str, answer: str, knowledge: RoleKnowledge | None, llm: LLMClient
) -> LLMStoryReply:
    from assistant.llm.safety import spotlight

    competencies = (
        "\n".join(f"- {c.id}: {c.name}" for c in knowledge.rubric.competencies) if knowledge else "(none)"
    )
    variables = {"question": question, "competencies": competencies, "answer": spotlight(answer, "candidate_answer")}
    reply = llm.structured(PROMPT, variables, LLMStoryReply)  # the prompt file's settings apply (LLMClient.bind)
    return reply if isinstance(reply, LLMStoryReply) else LLMStoryReply.model_validate(reply)


def verified_fields(answer: str, values: dict[str, str]) -> dict[StoryField, Quote | None]:
    """User edits: each non-empty value must be a quote of the answer; an empty one clears the field."""
    out: dict[StoryField, Quote | None] = {}
    for name, value in values.items():
        if name not in STORY_FIELDS:
            raise InputError(f"Unknown story field {name!r}; choose one of {', '.join(STORY_FIELDS)}.")
        text = value.strip()
        if not text:
            out[name] = None
            continue
        quote = quote_in(answer, text)
        if quote is None:
            raise InputError(
                f"The {name} must be a quote of your answer (copy the words you said); "
                f"'{text[:60]}' is not in it.", code="invalid_input")
        out[name] = quote
    return out


def fields_text(fields: Sequence[Quote | None]) -> str:
    return "\n".join(q.text for q in fields if q is not None)
