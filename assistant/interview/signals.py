"""Explainable text signals of an interview answer, computed without any model.

Each signal is something an interviewer listens for, written from first principles rather than fitted to a data
set: does the story have a situation, an action and a result; does the candidate say what *they* did; are there
numbers and named things; does the answer operate at director altitude (org, people, budget, trade-offs); how much
of it is hedging, filler or platitude. `scoring.py` turns these counts into rubric dimensions.

Sentences keep their character spans, so any quote taken from them is a verbatim substring of the answer.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from assistant.knowledge.schema import RoleSignals
from assistant.text.instructions import (
    after_spoofed_turn,
    default_detector,
    evaluation_json_spans,
    excerpt,
    mask,
)
from assistant.text.quantities import numbers_in
from assistant.text.stem import PAST_FORMS
from assistant.text.tokens import Sentence, content_words, phrase_pattern, split_sentences, words
from assistant.text.tokens import wordset as _wordset

__all__ = ["Sentence", "content_words", "numbers_in", "split_sentences", "words"]  # the text core, re-exported

def _pattern(phrases: list[str]) -> re.Pattern[str]:
    return phrase_pattern(phrases)


@dataclass(frozen=True)
class Lexicon:
    """The role's vocabulary, compiled once: named specifics (tools, metrics) and director-altitude terms.

    The words are data (`knowledge/<role>/signals.yaml`); only how they are matched lives here.
    """

    named: re.Pattern[str]
    altitude: re.Pattern[str]

    @classmethod
    def from_role(cls, signals: RoleSignals) -> Lexicon:
        return cls(named=_pattern(signals.named_specifics), altitude=_pattern(signals.altitude))


# --- ownership ------------------------------------------------------------------------------------------------

# Words after "I" that do not describe an action the candidate took (opinions, hedges, states, hypotheticals).
_NOT_ACTIONS = _wordset(
    """think thought guess feel felt believe believed mean meant suppose hope wonder know knew am was were 'm
    'd would could should might may can can't cannot couldn't wouldn't shouldn't will 'll love like liked
    really always don't didn't haven't hadn't wasn't am not kind sort probably maybe also say said see
    guess personally have had 've need needed want wanted care cared enjoy enjoyed understand understood
    realise realised realize realized"""
)
_ADVERBS_AFTER_I = _wordset(
    """also then first personally deliberately immediately quickly eventually later finally still then only
    initially directly explicitly plainly just"""
)
_FIRST_PERSON = re.compile(r"(?<![\w'])(?:I|i)(?:'ve|’ve|'d|’d|'m|’m)?(?![\w'’])")
_HYPOTHETICAL = re.compile(r"(?<![\w'])I(?:'d|’d| would)(?![\w'])")
_OWN_PHRASE = _pattern(
    [r"my (?:call|decision|proposal|recommendation|plan)", r"I made the (?:call|decision)"]
)
_TEAM = _pattern(
    [r"we", r"we've", r"we'd", r"we're", r"our team", r"the team", r"the teams", r"everyone", r"everybody"]
)


def own_actions(sentence: str) -> int:
    """Count "I <did something>" clauses: "I decided", "I moved two engineers", "I've hired", "my call"."""
    count = 0
    lowered_tokens = [t.replace("’", "'") for t in re.findall(r"[A-Za-z'’]+", sentence)]
    for i, token in enumerate(lowered_tokens):
        if token not in ("I", "i", "I've", "i've"):
            continue
        j = i + 1
        while j < len(lowered_tokens) and (
            lowered_tokens[j].lower() in _ADVERBS_AFTER_I or lowered_tokens[j].lower().endswith("ly")
        ):
            j += 1
        if j >= len(lowered_tokens):
            continue
        nxt = lowered_tokens[j].lower()
        if token.lower() == "i've" or (nxt in ("have", "had") and j + 1 < len(lowered_tokens)):
            # "I've hired", "I have promoted": perfect tense of an action verb counts; "I have a team" does not.
            # "I had her pair with", "I had the team train": delegating is an action too.
            verb = lowered_tokens[j + 1].lower() if nxt in ("have", "had") else nxt
            if verb.endswith("ed") or verb in _IRREGULAR_PAST or (nxt == "had" and verb in _DELEGATED_TO):
                count += 1
            continue
        if nxt not in _NOT_ACTIONS:
            count += 1
    decisions = len(_SAID_DECISION.findall(sentence))
    if count or decisions:
        # "I held the launch, had the team split it, and re-ran the test": verbs that share the "I" are actions too,
        # also after a stated decision ("I said no to the date, showed her the numbers and offered a fix").
        count += min(len(_COORDINATED_PAST.findall(sentence)), 2)
    return count + decisions + len(_OWN_PHRASE.findall(sentence))


# "I said no": a decision the candidate stated, not a report of talk ("as I said", "I said I would").
_SAID_DECISION = re.compile(r"(?<![\w'])I said (?:no|yes)\b(?! one| more)")


_COORDINATED_PAST_VERBS = r"(?:re-?)?[a-z]+ed|built|led|made|ran|set|took|gave|told|sent|chose|kept|cut|hired|brought|found|grew|won|wrote|spent|held|drove|got|put"
# A past verb after ", and" / ", then" / " and" with no new subject: a further action of the same "I".
_COORDINATED_PAST = re.compile(
    r"(?:,\s*(?:and\s+|then\s+)?|\s+and\s+(?:then\s+)?)(?:" + _COORDINATED_PAST_VERBS + r")\s+(?:the|a|an|it|them|him|her|our|my|\d|two|three|four|five|one)\b",
    re.IGNORECASE,
)
_DELEGATED_TO = _wordset("her him them us each every two three")
_IRREGULAR_PAST = PAST_FORMS | _wordset("hired moved")


# --- specifics ------------------------------------------------------------------------------------------------

_CAPITALISED = re.compile(r"(?<=[a-z,;:] )[A-Z][a-zA-Z]+(?:[A-Z][a-z]+)*")
_COMMON_CAPITALS = _wordset("I I'd I've I'm OK Okay So And But Then Yeah Also Monday Friday English")


def named_specifics(text: str, lexicon: Lexicon) -> list[str]:
    """Named systems, metrics and proper nouns (the role's lexicon, mid-sentence capitals, acronyms like SLO)."""
    names = [m.group(0).lower() for m in lexicon.named.finditer(text)]
    names += [m.group(0) for m in _CAPITALISED.finditer(text) if m.group(0) not in _COMMON_CAPITALS]
    names += re.findall(r"\b[A-Z]{2,5}s?\b", text)
    return list(dict.fromkeys(name.lower() for name in names))  # "VP" is both a capital and an acronym: once


# --- story structure ------------------------------------------------------------------------------------------

_SITUATION = _pattern(
    [
        r"when I (?:joined|took over|started|arrived|inherited|came in)",
        r"at my (?:last|previous|current|first)",
        r"in my (?:last|previous|current|first) (?:role|job|position|company|team)",
        r"(?:ran|led|managed|had|owned) an? (?:\w+ )?(?:team|org|organi[sz]ation|group) of",
        r"last (?:year|quarter|spring|summer|autumn|fall|winter|month)",
        r"in (?:19|20)\d\d",
        r"a few years ago",
        r"(?:was|were) (?:slipping|behind|late|struggling|failing|missing|stuck|stalled|taking)",
        r"the (?:problem|issue|challenge|situation|context|risk|goal) was",
        r"inherited",
        r"one of my",
        r"(?:had|ran|running|owned) (?:about |around |roughly )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten)",
        r"at the time",
        r"(?:months|weeks|quarters) in",
        r"our \w+ (?:model|team|platform|pipeline|org)",
        r"(?:there was|we had|I had) (?:a|an|no|only)",
        r"started (?:approving|serving|failing|drifting)",
    ]
)


def sets_the_scene(sentence: str) -> bool:
    """Does the sentence set up the story ("When I joined ...", "At my last company I inherited ...")?"""
    return bool(_SITUATION.search(sentence))


# "Within six weeks", "after a quarter": when the outcome came (read loosely: "after a retrain" counts too; taking
# it out cost a grade-5 tuning answer its only result marker and fixed nothing).
_WHEN_SOURCE = r"(?:within|after) (?:\d+|a|two|three|four|six|eight|nine|ten|twelve|eighteen) \w+"
_OUTCOME_PHRASE = _pattern(
    [
        r"as a result",
        r"the result",
        r"the outcome",
        r"the payoff",
        r"which (?:cut|reduced|saved|freed|meant)",
        r"by the end",
        _WHEN_SOURCE,
        r"later",
        r"since then",
        r"since(?=[,.;!]|\s*$)",  # "we have not had one since."
        r"since (?:we|it) (?:introduced|launched|shipped|started|moved|changed|rolled)",  # "Since we introduced it, ..."
        r"(?:is|are) now",
        r"now (?:we|the|all|every|our|it|takes?|runs?|costs?|sits?|stands?)",  # "approvals now take two days"
        r"ended up",
        r"in the following",
        r"the next (?:quarter|year|half)",
        r"went from",
        r"from .{1,30} to",
        r"down to",
        r"up to",
    ]
)
_CHANGE_VERBS = _pattern(
    [
        r"cut",
        r"reduced?",
        r"reducing",
        r"increased?",
        r"improved?",
        r"dropped",
        r"fell",
        r"fallen",
        r"rose",
        r"grew",
        r"doubled",
        r"halved",
        r"saved",
        r"lifted",
        r"added",
        r"gained",
        r"beat",
        r"caught",
        r"shipped",
        r"launched",
        r"delivered",
        r"retired",
        r"freed",
        r"hit",
        r"became",
        r"promoted",
        r"renewed",
        r"stopped",
        r"moved (?:over|onto)",
        r"went (?:from|out|up|down)",
        r"go(?:es)? (?:up|down)",  # "the bill go down 41%": a result told in the present, as non-native speakers may
        r"climbed",
        r"jumped",
        r"declined",
        r"shrank",
        r"tripled",
        r"were done",
        r"was done",
        r"migrated",
        r"adopted",
        r"recovered",
        r"prevented",
        r"avoided",
        r"accept(?:ance|ed)",
    ]
)
_REFLECTION = _pattern(
    [
        r"in hindsight",
        r"looking back",
        r"I learned",
        r"what I learned",
        r"lesson",
        r"next time",
        r"(?:do|done) (?:it )?differently",
        r"the mistake I",
        r"my mistake",
        r"I should have",
        r"I'd have",
        r"I underestimated",
        r"regret",
        r"since then I",
        r"now I (?:always|have|do)",
        r"I no longer",
    ]
)


# Numbers that say when, not how much: "after four months", "over the next two quarters", "in month two", "by day
# 90". A measured change keeps its number ("cut the cycle from six weeks to two days" names no span or milestone).
_COUNT = r"(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|thirty|sixty|ninety)"
_UNIT = r"(?:days?|weeks?|months?|quarters?|years?|sprints?)"
_WHEN = re.compile(
    rf"\b(?:{_WHEN_SOURCE}"
    rf"|(?:the )?(?:next|first|last|coming|following|past|initial) {_COUNT} {_UNIT}"
    rf"|(?:day|week|month|quarter|year|sprint) {_COUNT}"
    rf"|{_COUNT}[- ]{_UNIT} (?:mark|plan|review|check-?in|point))\b",
    re.IGNORECASE,
)


# How a plan says it will be judged ("I'd track regretted attrition", "success is ... by day 90").
_MEASURE = _pattern([r"measur\w*", r"track\w*", r"targets?", r"kpis?", r"metrics?", r"success (?:is|looks|means)",
                     r"(?:I|we)(?:'ll| will) know"])


def states_a_measure(text: str) -> bool:
    """Does the text say how success will be measured? For a plan, that is the outcome it can give."""
    return bool(_MEASURE.search(text))


def without_dates(text: str) -> str:
    """The text with its spans and milestones taken out ("after four months", "by day 90"): numbers left measure."""
    return _WHEN.sub(" ", text)


def result_strength(sentence: str) -> float:
    """1.0: a change with a number ("cut GPU spend by 30 percent"); 0.5: a change or outcome in words; else 0.

    The number must measure the change, not date it: "He left after four months" tells when, not how much."""
    change = bool(_CHANGE_VERBS.search(sentence)) or bool(_OUTCOME_PHRASE.search(sentence))
    if not change:
        return 0.0
    return 1.0 if numbers_in(without_dates(sentence)) else 0.5


# --- trade-offs -------------------------------------------------------------------------------------------------

_TRADE_OFF = _pattern(
    [
        r"trade-?offs?",
        r"instead of",
        r"rather than",
        r"at the cost of",
        r"accept(?:ed|ing)",
        r"in exchange",
        r"said no",
        r"say no",
        r"not to",
        r"paused?",
        r"shelved",
        r"(?:decided|chose|had) to (?:stop|cancel|drop|kill|end) (?:it|the|our|that|this)",
        r"(?:stopped|cancell?ed|dropped) (?:the|our|that|this) (?:project|work|feature|model|launch|effort|bet)",
        r"cut (?:the )?scope",
        r"killed",
        r"deprioriti[sz]ed",
        r"chose .{1,40} over",
        r"gave up",
        r"even though",
        r"decided to buy",
        r"build(?:ing)? versus buy",
        r"only the",
        r"retired",
        # A plan's deliberate "not": "what I would not do is freeze research", "we won't start the rewrite".
        r"(?:I|we)(?: would| will|'d|'ll) not (?!have\b|be able\b|know\b)\w+",
        r"(?:I|we) (?:wouldn't|won't) (?!have\b|be able\b|know\b)\w+",
    ]
)

# --- hedging, filler and platitudes -------------------------------------------------------------------------------

_HEDGES = _pattern(
    [
        r"I think",
        r"I guess",
        r"I feel like",
        r"I believe",
        r"maybe",
        r"kind of",
        r"sort of",
        r"basically",
        r"probably",
        r"honestly",
        r"to be honest",
        r"you know",
        r"I mean",
        r"pretty much",
        r"more or less",
        r"somewhat",
        r"like,",
        r"yeah",
        r"so yeah",
        r"stuff",
        r"and so on",
        r"things like that",
        r"and stuff",
        r"a bit",
        r"some things",
        r"or something",
        r"I'd say",
        r"really",
        r"just",
        r"super",
    ]
)
_PLATITUDES = _pattern(
    [
        r"communication is key",
        r"(?:is|are) key",
        r"the key (?:is|thing)",
        r"it's all about",
        r"is all about",
        r"it's about balance",
        r"find the right balance",
        r"(?:is|are) (?:so |really |super |very )?important",
        r"best practices",
        r"people are our",
        r"most important asset",
        r"(?:a|big) believer",
        r"my philosophy",
        r"at the end of the day",
        r"garbage in",
        r"as they say",
        r"hire slow",
        r"fire fast",
        r"move fast",
        r"breaking down silos",
        r"same page",
        r"it's a journey",
        r"continuously improving",
        r"growth mindset",
        r"culture fit",
        r"passionate",
        r"smarter than you",
        r"these things happen",
        r"every situation is different",
        r"it depends",
        r"the right people",
        r"the right environment",
        r"the right call",
        r"(?:it's|is) not an exact science",
        r"you have to",
        r"you need to",
        r"you want to",
        r"everyone (?:should|needs)",
        r"every company",
        r"always (?:more|a tension|tricky|a challenge)",
        r"that's a great question",
        r"one of the hardest things",
        r"leadership support",
        r"data-driven",
        r"speak their language",
    ]
)


# --- evasion: vision instead of a track record, frameworks instead of an instance ---------------------------------

# A sentence about what will or would happen, or what the candidate believes in, rather than what happened.
_FUTURE = _pattern(
    [
        r"will",
        r"we'll",
        r"I'll",
        r"it'll",
        r"going to",
        r"would",
        r"I'd",
        r"we'd",
        r"could",
        r"my vision",
        r"the vision",
        r"long-term vision",
        r"over time",
        r"ultimately",
        r"the goal would be",
        r"I want to",
        r"we want to",
        r"I would like to",
        r"aim to",
        r"plan to",
    ]
)
# A sentence that states how things should be done in general: the shape of a framework, not an instance of it.
_GENERIC = _pattern(
    [
        r"you (?:need|want|have|should|must|can)",
        r"one (?:needs|should|must)",
        r"(?:should|must) (?:be|have|cover|include)",
        r"(?:it's|it is|is|are) (?:also |really |very |super |so )?(?:important|key|critical|essential|crucial)",
        r"the key is",
        r"the trick is",
        r"(?:always|never) (?:try|make|start|ask)",
        r"(?:best|good) practices?",
        r"in general",
        r"generally",
        r"typically",
        r"usually",
        r"every (?:company|organi[sz]ation|team|situation|case)",
        r"(?:is|are) (?:fundamentally|really|all) about",
        r"my (?:philosophy|approach) (?:is|would be)",
        r"(?:a|big) believer",
        r"I believe",
        r"depends? on",
    ]
)
# Words that place a sentence in a real past: a story, not a stance.
_PAST_MARKER = _pattern(
    [
        r"was",
        r"were",
        r"had",
        r"did",
        r"last (?:year|quarter|month|week|spring|summer|autumn|fall|winter)",
        r"in (?:19|20)\d\d",
        r"ago",
        r"when I (?:joined|took over|started|arrived|inherited)",
        r"at my (?:last|previous|current|first)",
        r"in my (?:last|previous|current|first) (?:role|job|position|company|team)",
        r"(?:ran|led|managed|had|owned) an? (?:\w+ )?(?:team|org|organi[sz]ation|group) of",
        r"at the time",
        r"once",
        r"afterwards",
        r"since then",
        r"since(?=[,.;!]|\s*$)",  # "we have not had one since."
        r"since (?:we|it) (?:introduced|launched|shipped|started|moved|changed|rolled)",  # "Since we introduced it, ..."
    ]
)


@dataclass
class SentenceSignals:
    """What one sentence contributes; used to pick evidence quotes and to explain the score."""

    sentence: Sentence
    own_actions: int
    numbers: list[str]
    named: list[str]
    result: float
    tradeoff: bool
    hedges: list[str]
    platitudes: list[str]
    first_person: bool = False  # "I", "my", "we", "our": the sentence is about the candidate's own world
    future: bool = False  # what will or would happen, or a vision, rather than what happened
    generic: bool = False  # how things should be done in general, rather than an instance
    past: bool = False  # set in a real past (tense or time marker)

    @property
    def salience(self) -> float:
        """How much this sentence carries the answer: own decisions, numbers, results, named things, trade-offs."""
        return (
            1.5 * min(self.own_actions, 2)
            + 1.0 * min(len(self.numbers), 3)
            + 2.0 * self.result
            + 0.5 * min(len(self.named), 2)
            + 1.0 * self.tradeoff
            - 0.5 * (len(self.hedges) + len(self.platitudes))
        )


@dataclass
class TextSignals:
    """Counts over the whole answer (see module docstring)."""

    text: str
    sentences: list[SentenceSignals]
    word_count: int
    content_word_count: int
    own_actions: int
    hypothetical: int
    team_refs: int
    first_person: int
    numbers: list[str]
    named: list[str]
    situation: bool
    result: float
    reflection: bool
    tradeoffs: int
    altitude_terms: list[str]
    hedges: list[str]
    platitudes: list[str]
    repetition: float
    instructions: int = 0
    # Instruction-like text (`assistant.text.instructions`): left out of every count above and of quotes.
    flagged: list[str] = field(default_factory=list)
    story: str = ""  # the answer without the flagged text: what relevance is judged on

    @property
    def attached_numbers(self) -> list[str]:
        """Numbers in sentences that belong to the candidate's story (an own action, a result, or first-person
        context); a statistic quoted about the industry is not evidence of anything the candidate did."""
        return [n for s in self.sentences if s.own_actions or s.result or s.first_person for n in s.numbers]

    @property
    def past_own_actions(self) -> int:
        """Own actions told as something that happened, not as a plan or a habit stated in general."""
        return sum(s.own_actions for s in self.sentences if not s.future and (s.past or s.result))


def _repetition(tokens: list[str], window: int = 40) -> float:
    """1 - moving-average type-token ratio of content words: high when the answer circles the same few words."""
    if len(tokens) < 10:
        return 0.0
    if len(tokens) <= window:
        return 1.0 - len(set(tokens)) / len(tokens)
    ratios = [len(set(tokens[i : i + window])) / window for i in range(0, len(tokens) - window + 1, 5)]
    return 1.0 - sum(ratios) / len(ratios)


_FIRST_PERSON_CONTEXT = _pattern([r"I", r"I'[a-z]+", r"my", r"me", r"we", r"we'[a-z]+", r"our", r"us"])


# "I did four things." / "We made three changes:": the candidate announces a list of their own actions ...
_ANNOUNCED_LIST = re.compile(
    r"(?<![\w'])(?:I|we) (?:did|changed|made|put in place|introduced|set up|took|tried|fixed|built)"
    r" (?P<count>two|three|four|five|six|a few|several|\d) (?:\w+ )?(?:things|changes|steps|moves|fixes|measures"
    r"|practices|decisions)\b", re.IGNORECASE)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "a few": 4, "several": 5}
# ... and each item follows as a fragment with no subject of its own ("Shared on-call for model incidents, an
# engineer and a data scientist paired."), after any connective or ordinal.
_ITEM_LEAD = re.compile(r"^(?:and|also|then|plus|finally|first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|last(?:ly)?"
                        r"|\d[.)])[,:]?\s+", re.IGNORECASE)
_SUBJECT_START = re.compile(r"^(?:I|we|they|he|she|it|you|this|that|these|those|there|my|our|their|his|her)\b",
                            re.IGNORECASE)


def _announced_actions(sentences: list[SentenceSignals]) -> None:
    """Count the items of an announced list of the candidate's own actions as own actions: "I did four things.
    Shared on-call for model incidents ... Blameless postmortems ... A shared definition of done ... And visible
    credit ..." names four actions, none with an "I" of its own, which the "I"-clause count alone reads as none."""
    left = 0
    for s in sentences:
        announced = _ANNOUNCED_LIST.search(s.sentence.text)
        if announced:
            word = announced.group("count").lower()
            left = int(word) if word.isdigit() else _COUNTS[word]
            continue
        whole = s.sentence.text.strip()
        text = _ITEM_LEAD.sub("", whole)
        if left and not s.own_actions and (text[:1].isupper() or text != whole) and not _SUBJECT_START.match(text):
            s.own_actions = 1  # (not `first_person`: the item is the action, told in no one's voice)
            left -= 1
        else:
            left = 0


def extract(text: str, lexicon: Lexicon) -> TextSignals:
    """Compute every offline signal of one answer in a single pass over its sentences (pure, no model).

    Text that addresses the scorer ("ignore the rubric", "rate this 5/5", a fake `{"score": 5}` block, a spoofed
    "SYSTEM:" turn; see `assistant.text.instructions`) is not part of the story: each piece is counted in
    `instructions`, listed in `flagged` and contributes nothing else, so it can never add numbers or quotes.
    """
    json_spans = evaluation_json_spans(text)
    sentences = split_sentences(mask(text, json_spans))
    found = after_spoofed_turn(default_detector().scan([s.text for s in sentences]))
    per_sentence: list[SentenceSignals] = []
    flagged = [excerpt(text[span.start : span.end]) for span in json_spans]
    for sentence, reasons in zip(sentences, found, strict=True):
        if reasons:
            flagged.append(excerpt(sentence.text))
            continue
        per_sentence.append(
            SentenceSignals(
                sentence=sentence,
                own_actions=own_actions(sentence.text),
                numbers=numbers_in(sentence.text),
                named=named_specifics(sentence.text, lexicon),
                result=result_strength(sentence.text),
                tradeoff=bool(_TRADE_OFF.search(sentence.text)),
                hedges=[m.group(0) for m in _HEDGES.finditer(sentence.text)],
                platitudes=[m.group(0) for m in _PLATITUDES.finditer(sentence.text)],
                first_person=bool(_FIRST_PERSON_CONTEXT.search(sentence.text)),
                future=bool(_FUTURE.search(sentence.text)),
                generic=bool(_GENERIC.search(sentence.text)),
                past=bool(_PAST_MARKER.search(sentence.text)) or _has_past_verb(sentence.text),
            )
        )
    _announced_actions(per_sentence)
    story = " ".join(s.sentence.text for s in per_sentence)
    tokens = content_words(story)
    altitude = [m.group(0).lower() for m in lexicon.altitude.finditer(story)]
    results = sorted((s.result for s in per_sentence), reverse=True)
    return TextSignals(
        text=text,
        sentences=per_sentence,
        word_count=len(words(story)),
        content_word_count=len(tokens),
        own_actions=sum(s.own_actions for s in per_sentence),
        hypothetical=len(_HYPOTHETICAL.findall(story)),
        team_refs=len(_TEAM.findall(story)),
        first_person=len(_FIRST_PERSON.findall(story)),
        numbers=[n for s in per_sentence for n in s.numbers],
        named=[n for s in per_sentence for n in s.named],
        situation=bool(_SITUATION.search(story)),
        # Two results in words are worth about one measured result.
        result=min(1.0, results[0] + (0.25 if len(results) > 1 and results[1] > 0 else 0.0))
        if results
        else 0.0,
        reflection=bool(_REFLECTION.search(story)),
        tradeoffs=sum(1 for s in per_sentence if s.tradeoff),
        altitude_terms=altitude,
        hedges=[h for s in per_sentence for h in s.hedges],
        platitudes=[p for s in per_sentence for p in s.platitudes],
        repetition=_repetition(tokens),
        instructions=len(flagged),
        flagged=flagged,
        story=story,
    )


_PAST_VERB = re.compile(r"\b(?:I|we|he|she|they|it)\s+(?:\w+ly\s+)?(\w+ed|" + "|".join(sorted(_IRREGULAR_PAST)) + r")\b")


def _has_past_verb(sentence: str) -> bool:
    """A subject followed by a past-tense verb ("I moved", "we cut", "she led")."""
    return bool(_PAST_VERB.search(sentence))


def most_common(items: list[str], n: int = 3) -> list[str]:
    return [item for item, _ in Counter(i.lower() for i in items).most_common(n)]
