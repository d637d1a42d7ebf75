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

from assistant.text.instructions import (
    after_spoofed_turn,
    default_detector,
    evaluation_json_spans,
    excerpt,
    mask,
)

# --- tokenising -----------------------------------------------------------------------------------------------

_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n\s*")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*")


def _wordset(text: str) -> frozenset[str]:
    """A set of words written as one readable string (long lexicons stay easy to review)."""
    return frozenset(text.split())


_STOPWORDS = _wordset(
    """a an the and or but so of to in on at for with by from as is are was were be been being it its it's this
    that these those there their they them we our us you your i me my he she his her him who what which when where
    how why do did does done have has had having not no yes just also very really then than too into out up about
    over after before because while if would could should can will may might must some any all each every more most
    much many such only own same other another one ones thing things lot lots get got make made way"""
)


@dataclass(frozen=True)
class Sentence:
    """One sentence of the answer with its span, so `answer[start:end] == text`."""

    text: str
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Split on sentence punctuation followed by whitespace, and on line breaks; decimals like 0.91 stay whole."""
    sentences: list[Sentence] = []
    cursor = 0
    for match in [*_SENTENCE_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        if match is not None and match.group(0)[:1] in "\"')]":
            end += len(match.group(0)) - len(match.group(0).lstrip("\"')]"))
        raw = text[cursor:end]
        stripped = raw.strip()
        if stripped:
            offset = cursor + raw.index(stripped)
            sentences.append(Sentence(stripped, offset, offset + len(stripped)))
        cursor = match.end() if match else len(text)
    return sentences


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def content_words(text: str) -> list[str]:
    """Lower-cased words that carry meaning (no stop words), crudely stemmed so 'hired'/'hiring' meet."""
    out = []
    for word in words(text.lower()):
        word = word.replace("’", "'")
        if word in _STOPWORDS or len(word) < 3 or word[0].isdigit():
            continue
        out.append(_stem(word))
    return out


def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _pattern(phrases: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'])(?:" + "|".join(phrases) + r")(?![\w'])", re.IGNORECASE)


# --- ownership ------------------------------------------------------------------------------------------------

# Words after "I" that do not describe an action the candidate took (opinions, hedges, states, hypotheticals).
_NOT_ACTIONS = _wordset(
    """think thought guess feel felt believe believed mean meant suppose hope wonder know knew am was were 'm
    'd would could should might may can can't cannot couldn't wouldn't shouldn't will 'll love like liked
    really always just don't didn't haven't hadn't wasn't am not kind sort probably maybe also say said see
    guess personally have had 've need needed want wanted care cared enjoy enjoyed understand understood
    realise realised realize realized"""
)
_ADVERBS_AFTER_I = _wordset(
    """also then first personally deliberately immediately quickly eventually later finally still then only
    initially directly explicitly plainly"""
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
    return count + len(_OWN_PHRASE.findall(sentence))


_DELEGATED_TO = _wordset("her him them us each every two three")
_IRREGULAR_PAST = _wordset(
    "built led made ran set took gave told sent chose kept cut hired brought found grew won wrote spent held moved "
    "done begun drove"
)


# --- specifics ------------------------------------------------------------------------------------------------

_NUMBER = re.compile(
    r"(?:[$£€]\s?\d[\d,.]*\s?(?:[kmb]n?|million|billion)?|\d[\d,.]*\s?(?:%|x\b|k\b|ms\b|s\b)?|"
    r"\bp\d{2}\b)",
    re.IGNORECASE,
)
_NUMBER_WORDS = _pattern(
    [
        r"two",
        r"three",
        r"four",
        r"five",
        r"six",
        r"seven",
        r"eight",
        r"nine",
        r"ten",
        r"eleven",
        r"twelve",
        r"fifteen",
        r"twenty",
        r"thirty",
        r"forty",
        r"fifty",
        r"hundred",
        r"thousand",
        r"dozen",
        r"half",
        r"twice",
        r"double[sd]?",
        r"halved",
        r"tripled",
    ]
)
_UNITS_AFTER_NUMBER_WORD = _pattern(
    [
        r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
        r"hundred|dozen)[\s-]+(?:\w+[\s-]+)?(?:weeks?|months?|quarters?|days?|years?|engineers?|people|teams?|"
        r"models?|managers?|hires?|leads?|points?|percent|releases?|services?|reports?|seniors?|squads?|pods?)"
    ]
)
_PERCENT_WORD = _pattern([r"percent", r"per cent", r"percentage points?", r"basis points"])
# Named systems, frameworks and metrics an ML engineering leader would cite. Broad on purpose: the point is to
# notice named specifics, whatever the stack.
_NAMED = _pattern(
    [
        r"kubernetes",
        r"k8s",
        r"airflow",
        r"kubeflow",
        r"mlflow",
        r"spark",
        r"ray",
        r"feast",
        r"tecton",
        r"sagemaker",
        r"vertex(?: ai)?",
        r"databricks",
        r"snowflake",
        r"bigquery",
        r"redshift",
        r"kafka",
        r"flink",
        r"redis",
        r"cassandra",
        r"postgres(?:ql)?",
        r"dynamo(?:db)?",
        r"s3",
        r"ec2",
        r"gcp",
        r"aws",
        r"azure",
        r"pytorch",
        r"tensorflow",
        r"jax",
        r"xgboost",
        r"lightgbm",
        r"scikit-learn",
        r"sklearn",
        r"onnx",
        r"triton",
        r"tensorrt",
        r"vllm",
        r"docker",
        r"terraform",
        r"prometheus",
        r"grafana",
        r"datadog",
        r"pagerduty",
        r"evidently",
        r"weights (?:&|and) biases",
        r"wandb",
        r"dbt",
        r"looker",
        r"jira",
        r"feature store",
        r"model registry",
        r"canary(?: release)?s?",
        r"shadow (?:traffic|mode)",
        r"a/b tests?",
        r"auc",
        r"ndcg",
        r"precision(?: at k)?",
        r"recall",
        r"f1",
        r"rmse",
        r"psi",
        r"p\d{2}",
        r"latency",
        r"slos?",
        r"slas?",
        r"gpus?",
        r"tpus?",
        r"a100s?",
        r"h100s?",
        r"llms?",
        r"bert",
        r"transformers?",
        r"gradient[- ]boosted",
        r"multi-task",
        r"embeddings?",
        r"rerank(?:er|ing)?",
        r"ci/cd",
        r"okrs?",
        r"kpis?",
        r"rfcs?",
        r"design docs?",
        r"postmortems?",
        r"game days?",
        r"on-call",
        r"rollback",
    ]
)
_CAPITALISED = re.compile(r"(?<=[a-z,;:] )[A-Z][a-zA-Z]+(?:[A-Z][a-z]+)*")
_COMMON_CAPITALS = _wordset("I I'd I've I'm OK Okay So And But Then Yeah Also Monday Friday English")


def numbers_in(text: str) -> list[str]:
    """Numbers, money, percentages and spelled-out quantities tied to a unit ("six engineers")."""
    found = [m.group(0).strip() for m in _NUMBER.finditer(text) if any(ch.isdigit() for ch in m.group(0))]
    found += [m.group(0) for m in _UNITS_AFTER_NUMBER_WORD.finditer(text)]
    found += [m.group(0) for m in _PERCENT_WORD.finditer(text) if not re.search(r"\d\s*$", text[: m.start()])]
    return found


def named_specifics(text: str) -> list[str]:
    """Named systems, metrics and proper nouns (mid-sentence capitals, acronyms like SLO or CPO)."""
    names = [m.group(0).lower() for m in _NAMED.finditer(text)]
    names += [m.group(0) for m in _CAPITALISED.finditer(text) if m.group(0) not in _COMMON_CAPITALS]
    names += re.findall(r"\b[A-Z]{2,5}s?\b", text)
    return list(dict.fromkeys(name.lower() for name in names))  # "VP" is both a capital and an acronym: once


# --- story structure ------------------------------------------------------------------------------------------

_SITUATION = _pattern(
    [
        r"when I (?:joined|took over|started|arrived|inherited|came in)",
        r"at my (?:last|previous|current|first)",
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
_OUTCOME_PHRASE = _pattern(
    [
        r"as a result",
        r"the result",
        r"the outcome",
        r"the payoff",
        r"which (?:cut|reduced|saved|freed|meant)",
        r"by the end",
        r"(?:within|after) (?:\d+|a|two|three|four|six|eight|nine|ten|twelve|eighteen) \w+",
        r"later",
        r"since then",
        r"(?:is|are) now",
        r"now (?:we|the|all|every|our|it)",
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
        r"went (?:from|out)",
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


def result_strength(sentence: str) -> float:
    """1.0: a change with a number ("cut GPU spend by 30 percent"); 0.5: a change or outcome in words; else 0."""
    change = bool(_CHANGE_VERBS.search(sentence)) or bool(_OUTCOME_PHRASE.search(sentence))
    if not change:
        return 0.0
    return 1.0 if numbers_in(sentence) else 0.5


# --- altitude ---------------------------------------------------------------------------------------------------

# Director altitude: the org, its people and money, the roadmap and cross-functional partners, and trade-offs.
_ALTITUDE = _pattern(
    [
        r"org",
        r"orgs",
        r"organi[sz]ation(?:al)?",
        r"re-?orgs?",
        r"reorgani[sz]ed?",
        r"headcount",
        r"budgets?",
        r"roadmaps?",
        r"portfolio",
        r"strategy",
        r"invest(?:ment|ed)?",
        r"funded",
        r"capacity",
        r"costs?",
        r"spend",
        r"margin",
        r"revenue",
        r"vendor",
        r"contract",
        r"hired",
        r"hiring",
        r"hires?",
        r"promot\w+",
        r"managers?",
        r"(?:tech )?leads",
        r"successors?",
        r"skip-levels?",
        r"calibrat\w+",
        r"retention",
        r"attrition",
        r"one-on-ones?",
        r"vp",
        r"cto",
        r"cpo",
        r"cfo",
        r"ceo",
        r"gms?",
        r"exec(?:utive)?s?",
        r"exec staff",
        r"directors?",
        r"stakeholders?",
        r"product leaders?",
        r"partners?",
        r"customers?",
        r"on-call",
        r"rotation",
        r"standard",
        r"polic(?:y|ies)",
        r"adoption",
        r"mandate",
        r"escalated",
        r"kill criteri(?:on|a)",
        r"readouts?",
        r"scope",
        r"staffed",
        r"quarters?",
        r"half",
        r"teams",
    ]
)
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


def _repetition(tokens: list[str], window: int = 40) -> float:
    """1 - moving-average type-token ratio of content words: high when the answer circles the same few words."""
    if len(tokens) < 10:
        return 0.0
    if len(tokens) <= window:
        return 1.0 - len(set(tokens)) / len(tokens)
    ratios = [len(set(tokens[i : i + window])) / window for i in range(0, len(tokens) - window + 1, 5)]
    return 1.0 - sum(ratios) / len(ratios)


def extract(text: str) -> TextSignals:
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
                named=named_specifics(sentence.text),
                result=result_strength(sentence.text),
                tradeoff=bool(_TRADE_OFF.search(sentence.text)),
                hedges=[m.group(0) for m in _HEDGES.finditer(sentence.text)],
                platitudes=[m.group(0) for m in _PLATITUDES.finditer(sentence.text)],
            )
        )
    story = " ".join(s.sentence.text for s in per_sentence)
    tokens = content_words(story)
    altitude = [m.group(0).lower() for m in _ALTITUDE.finditer(story)]
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


def most_common(items: list[str], n: int = 3) -> list[str]:
    return [item for item, _ in Counter(i.lower() for i in items).most_common(n)]
