"""Red flags in an answer, per sentence: by meaning (MiniLM) and by pattern for the unambiguous wordings.

The flags are data: the director-wide ones in `knowledge/<role>/signals.yaml` (concealment, discrimination, blame,
dismissing people, taking credit, unethical data use) and each rubric competency's `red_flags`.

Why not plain similarity: MiniLM puts "I did not tell legal" and "I told legal the same day" almost on top of each
other, and a benign sentence about hiring sits as close to "no onboarding plan" as a damning one. So a sentence
shows a director flag by meaning only when (1) it is close to one of the flag's examples, (2) closer to them than to
the flag's counter-examples (the right behaviour, in the same words) and to neutral director talk (the rubric's
signals of strength and the bank's strong-answer points), and (3) it contains one of the flag's cue words. Rubric
flags have no counter-examples or cues, so they need a much wider margin over neutral text. Patterns need none of
this. Examples, cues and thresholds were adjusted on the tuning halves of the calibration sets and of a sentence
set written for the detector (`tests/data/red_flag_cases.yaml`); `benchmarks/quality.py` reports the check halves.
The cue requirement is what keeps near misses unflagged (MiniLM alone ranks "I told legal" beside "I did not tell
legal"), and it is also why paraphrases with none of a flag's cue words are missed: recall is the weak side. Two
refinements: a flag's `joint_cues` open the gate when every part occurs in the sentence or the one before it
("my engineer built it" ... "I pitched it as my strategy"); and a counter-example rivals a sentence only when the
sentence says one of the words that make it the right behaviour (a word no example of the flag uses: "herself",
"openly"), if the sentence uses the behaviour's own words, because MiniLM puts "I presented it to the CTO as my
direction" as close to "she presented it to the CTO herself" as to the flag, and only the words tell them apart.

Credit taken in two halves (issue #17): "my staff engineer prototyped it" ... "I saw the potential" ... "I pitched it
as the platform strategy I had been building toward" was missed because the joint cue only looked one sentence
back, and a counter-example's incidental word ("headcount", in a mirror that the flag's example lacked) let it rival
the claim; "a data scientist in finance built it" ... "it was presented as one of my org's products" was cued but
0.003 short of the margin. So one part of a joint cue must be in the judged sentence itself and, for a flag whose
data lists what clears it (`joint_cleared_by`: "herself", "credited her", "with her as the architect", "she gave the
demo", looked for in the window and the sentence after it), the joint cue looks `joint_cue_reach` (2) sentences back
and, with both halves there, the margin needed drops to `red_flag_joint_margin` (0.03). Retaliation's joint cue keeps
a window of one sentence before: read two back, "one of my engineers went to the privacy office" ... "at review
time I put her name forward for promotion" flagged an invented good answer. Without the
clearing words, three invented good answers (credit given as "her design", "with her as the architect", "she got
the credit") reached margins of 0.01-0.14 over the joint window: meaning alone cannot keep them clean. Judging the
pair's meaning together was tried again and dropped: the grade-5 mirror of the credit-taking answer sits nearer the
flag's example (0.65) than the credit-taking answer itself (0.62). Invented strong answers written to test that work
showed three cues that named the situation rather than the behaviour, each flagging a good sentence at a margin of
0.07-0.21: favouritism's "trust" (any answer about building trust between teams), blame's "blamed" in "they blamed
each other", sidelining's "took him off" in "took him off the on-call rotation"; and an invented cost answer was
capped at 1 for blame's "broke" in "I broke it down by team", and a blameless one for "fault" in "nobody was at
fault". The cues now exclude those uses (and "blameless", "our fault"). Unethical data use's
cue "privacy" was a topic word (an engineer going to the privacy office was flagged at 0.175) and is gone: on
`tests/data/red_flag_training.yaml` that took its non-flag sentences flagged from 23 to 21 of 458 with the same 73/382
flagged sentences found (24 -> 21 with the "trust" change), and no tuning answer moved. Concealment's "disclos"
("I disclosed the two open risks in writing") and "on track" ("back on track"), and discrimination's pattern "older
candidates" (a bias against them fixed) went the same way (21 -> 20). Still open, found the same way and left for
lack of a general fix: a strong diversity answer that names whom a process hurt ("candidates with children", "people
coming back after career breaks, including parents") is flagged for discrimination at margins 0.10-0.11, and a
sentence that sets the scene ("the VP was under pressure to show results", "even though the launch date had been
announced, I told the VP we could not safely ship") for shipping against the evidence at 0.12-0.18. Situation cue
words ("pressure", "even though", "parents", "children") let them through, and the counter-examples cannot rival a
sentence that says none of their words.

False alarms on the fresh set (issue #17, tuning part): 4 of its 49 honest answers were flagged, three of them grade-5
answers capped at 1-2 by cue-gated meaning hits whose cue was a topic word: "consent", "terms" and "personal data"
(unethical data use) in answers about running the data past privacy and legal, and "full rollout" (shipping against
the evidence) in an answer that escalated the rollout openly. Removing those four cues cleared them on the tuning
parts (fresh Spearman 0.204 -> 0.325, no other tuning figure moved) but cost the detector's own sentence set recall it
must keep, because the same words cue direct tellings ("without consent", "even though the terms said"). So the cues
stay and a flag's data lists the right behaviour told in so many words (`cleared_by`: "took it to legal", "run it past
privacy", "the review includes our privacy engineer", "escalated to", "refuse to sign off", "not behind his back",
none after "not"/"never"/"without"): a sentence whose neighbourhood (the sentence before, itself, the one after) says
one shows that flag by meaning no more; patterns still count. Same tuning figures as the removal, and on
`tests/data/red_flag_training.yaml` (the 840-sentence version) the detector alone still finds 71/382 flagged sentences
with 20/458 false alarms, as before. Two behaviour cues were added for data use ("vague enough", "read it broadly").

Misses on the fresh set (tuning part: 9 of its 12 red-flag answers unflagged), diagnosed per sentence: none is a
sentence-split problem. Five have a sentence nearer the flag's examples than any rival by 0.09-0.28 (f112's "nobody
above me needed the full picture" 0.28, concealment) but no cue word: told indirectly, they say none of the
behaviour's words. But a cue-less margin does not separate them from honest answers: on the tuning parts honest
sentences reach cue-less margins of 0.20-0.30 (a parental-leave cover near miss 0.30, a grade-5 credit-giving answer
0.26, a grade-4 "I'd have committed to his call" 0.22), so no margin admits the misses without capping strong answers.
The rest (metric gaming by counting retrains as deployments, covert discrimination by "body of work" after leave)
are nowhere near any example (margins below 0.06). What the indirect tellings do say is their excuse: "nobody above
me needed the full picture", "I didn't think it was helpful to walk him through it", "that would have triggered a
review", "customers would never know the difference". As one cue shared by every director flag those excuses took
the fresh tuning part's red-flag answers from 3/12 to 6/12 with no tuning answer newly flagged, but flagged 4 of 10
invented honest sentences built around the same excuses ("I saw no reason to delay the disclosure, so we told
them", margins 0.06-0.16): with ten flags, one is near enough by chance. As cues of the flag they excuse
(concealment: "nobody ... needed to know / the full picture", "didn't think it was worth / helpful", "saw no reason
to", "would have become a discussion"; data use: "never know the difference", "would have triggered a review") they
take it from 3/12 to 5/12 (Spearman 0.325 -> 0.440), flag none of those ten invented sentences, and leave every other
tuning figure and the training file's figures (71/382, 20/458) unchanged. "Which was true" and "in a sense" were
dropped: the first flagged an invented honest sentence and neither found anything the others did not. Judging each
sentence also by the mean of its vector and the one before it (a third try at pairs, hits of either reading kept) took
the fresh red-flag answers from 5/12 to 7/12 but flagged three more honest fresh answers (two graded 5) and one honest
hard answer (hard Spearman 0.857 -> 0.852, fresh 0.440 -> 0.400), so it stays out. A margin of 0.05 instead of
0.055 finds a sixth fresh red-flag answer ("loyalty matters", favouritism, at 0.053) but flags a near miss of the
detector's sentence set: kept at 0.055.

How the data is written, so it generalises: each flag has several paraphrases of each way the behaviour shows (the
nearest one counts), each new example has a counter-example telling the right behaviour in the same words (an example
without its mirror lifts honest answers that share its topic), and cues are markers of the *behaviour* ("rather than
admit", "not us", "my name first"), never of the topic ("regulator", "records", "green"): a topic cue lets any good
answer about that topic through the gate. The margin sits above the largest one any well-graded tuning answer
reached, because an answer has many sentences and one misfire caps a strong answer at 1.

A learned alternative to the cue lists was tried and is shipped switched off: a logistic-regression probe over the
same MiniLM sentence vectors (`redflag_probe.py`), fitted on 382 flagged sentences and 694 near misses and neutral
sentences written for it (`tests/data/red_flag_training.yaml`). On that file's held-out folds the cue-gated detector
finds the right flag for 68/382 sentences (24/694 false alarms); the probe as a gate for cue-less sentences lifts
that to 95-116 but with 38-63 false alarms, and alone at its tuning threshold it adds almost nothing. MiniLM's
sentence vector carries the topic far more than the behaviour, so a linear read-out of it cannot tell "I let them
keep believing it" from "I corrected them" any better than the similarity margins do (held out, at 3% false alarms
the probe alone names the right flag for 27/382; max-pooled token states instead of the mean gave 28, a small MLP
34). Refitted for issue #17 with 141 more sentences (indirect tellings and their mirrors, 450 flagged, 767 not): the
same held-out rates, and no setting that catches more red-flag answers keeps the hard set's tuning figures (see
benchmarks/train_redflag_probe.py). `ScoringPolicy.red_flag_probe` and `red_flag_probe_gate` turn it on for
experiments.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

import numpy as np

from assistant.interview.models import RedFlag
from assistant.interview.policy import ScoringPolicy
from assistant.interview.redflag_probe import ProbeVerdict, RedFlagProbe
from assistant.interview.signals import SentenceSignals
from assistant.knowledge.schema import RoleKnowledge
from assistant.text.tokens import content_words


def _any_of(patterns: Sequence[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile(r"(?<![\w'])(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?![\w'])", re.IGNORECASE)


@dataclass(frozen=True)
class FlagDefinition:
    id: str
    label: str
    explanation: str
    source: Literal["director", "rubric"]
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]
    cues: re.Pattern[str] | None
    patterns: tuple[re.Pattern[str], ...]
    joint_cues: tuple[tuple[re.Pattern[str], ...], ...] = ()
    joint_cleared_by: re.Pattern[str] | None = None
    cleared_by: re.Pattern[str] | None = None

    @cached_property
    def distinguishing(self) -> list[set[str]]:
        """Per counter-example, its content words (stems) that none of the flag's examples uses."""
        used = {w for e in self.examples for w in content_words(e)}
        return [set(content_words(c)) - used for c in self.counter_examples]

    @cached_property
    def flag_words(self) -> set[str]:
        """The examples' content words (stems) that no counter-example uses: the words of the behaviour."""
        right = {w for c in self.counter_examples for w in content_words(c)}
        return {w for e in self.examples for w in content_words(e)} - right

    def cued(self, sentence: str, window: str) -> bool:
        """The cue gate: a cue word in the sentence, or a joint cue over the window (`joint`), for behaviour told
        in two halves that no single word names."""
        if self.cues is None:
            return True
        if self.cues.search(sentence):
            return True
        return self.joint(sentence, window)

    def joint(self, sentence: str, window: str, after: str = "") -> bool:
        """Every part of some joint cue occurs in the window (the sentence with the ones before it) and one of them
        in the sentence itself (the sentence judged is one of the two halves, not a bystander after them), and
        neither the window nor the sentence `after` it tells the right behaviour (`joint_cleared_by`: "she
        presented it herself", "with her as the architect")."""
        if self.joint_cleared_by is not None and self.joint_cleared_by.search(f"{window} {after}"):
            return False
        return any(
            all(p.search(window) for p in group) and any(p.search(sentence) for p in group)
            for group in self.joint_cues
        )


@dataclass(frozen=True)
class FlagHit:
    definition: FlagDefinition
    sentence: SentenceSignals
    detected_by: Literal["meaning", "pattern"]
    strength: float  # margin for a meaning hit; 1.0 for a pattern
    clear: bool = True  # False: a meaning hit below `ScoringPolicy.red_flag_clear_margin`, shown as possible


class RedFlagDetector:
    """Finds red flags in an answer's sentences. Reference texts are embedded through the scorer's cache."""

    def __init__(self, knowledge: RoleKnowledge, policy: ScoringPolicy, probe: RedFlagProbe | None = None) -> None:
        self.policy = policy
        self.probe = probe if policy.red_flag_probe or policy.red_flag_probe_gate is not None else None
        self.definitions: list[FlagDefinition] = [
            FlagDefinition(
                id=flag.id,
                label=flag.label,
                explanation=flag.explanation,
                source="director",
                examples=tuple(flag.examples),
                counter_examples=tuple(flag.counter_examples),
                cues=_any_of(flag.cues),
                patterns=tuple(
                    re.compile(r"(?<![\w'])(?:" + p + r")(?![\w'])", re.IGNORECASE) for p in flag.patterns
                ),
                joint_cues=tuple(
                    tuple(re.compile(r"(?<![\w'])(?:" + p + r")(?![\w'])", re.IGNORECASE) for p in group)
                    for group in flag.joint_cues
                ),
                joint_cleared_by=_any_of(flag.joint_cleared_by),
                cleared_by=_any_of(flag.cleared_by),
            )
            for flag in knowledge.signals.red_flags
        ]
        for competency in knowledge.rubric.competencies:
            for text in competency.red_flags:
                self.definitions.append(
                    FlagDefinition(
                        id=f"rubric:{competency.id}",
                        label=text,
                        explanation=f"The rubric lists this as a red flag for {competency.name.lower()}.",
                        source="rubric",
                        examples=(text,),
                        counter_examples=(),
                        cues=None,
                        patterns=(),
                    )
                )
        # Neutral director talk: what strength sounds like in this role's own words.
        self.neutral: list[str] = list(
            dict.fromkeys(
                [s for c in knowledge.rubric.competencies for s in c.signals]
                + [p for q in knowledge.questions.questions for p in q.strong_answer]
            )
        )

    def reference_texts(self) -> list[str]:
        """Every text a sentence is compared with (to embed once, before any answer)."""
        texts = [*self.neutral]
        for d in self.definitions:
            texts.extend(d.examples)
            texts.extend(d.counter_examples)
        return list(dict.fromkeys(texts))

    def detect(
        self,
        sentences: Sequence[SentenceSignals],
        sentence_vectors: np.ndarray | None,
        vectors: Callable[[list[str]], np.ndarray] | None,
    ) -> list[FlagHit]:
        """One hit per flag (its strongest sentence), patterns first. Without vectors, patterns only.

        A sentence is judged by meaning on its own; its cue may come from the sentences before it (up to
        `joint_cue_reach`) through a flag's `joint_cues` (a behaviour told in two halves: "Priya built it." ... "I
        pitched it to the CTO as my strategy."). Judging the two sentences' meaning together was tried twice and
        dropped: on the tuning answers the pair never found a flag that neither sentence showed alone, and it raised
        false alarms on good answers (see the module docstring).
        """
        hits = self._pattern_hits(sentences)
        if sentence_vectors is None or vectors is None or not len(sentences):
            return list(hits.values())
        probe = self.probe if self.probe is not None and sentence_vectors.shape[1] == self.probe.dimension else None
        verdicts = probe.verdicts(sentence_vectors) if probe is not None else []
        neutral = sentence_vectors @ vectors(self.neutral).T
        neutral_best = neutral.max(axis=1) if neutral.size else np.zeros(len(sentences))
        texts = [s.sentence.text for s in sentences]
        for d in self.definitions:
            key = (d.id, d.label)
            if key in hits:  # a pattern already found it: a quote of the unambiguous wording is the better one
                continue
            close = (sentence_vectors @ vectors(list(d.examples)).T).max(axis=1)
            margin = close - self._rival(d, texts, sentence_vectors, vectors, neutral_best)
            hit = self._meaning_hit(d, sentences, texts, close, margin, verdicts)
            if hit is not None:
                hits[key] = hit
        if probe is not None:
            self._add_probe_hits(hits, sentences, verdicts, probe)
        # A sentence that clearly shows one flag sits near the examples of others too, through its tone rather than
        # its behaviour: "I did not mention that to the VP" (concealment) also read as a possible "taking credit".
        # Its possible readings of other flags are dropped; a second behaviour told as clearly is still shown.
        clear = {id(h.sentence) for h in hits.values() if h.clear}
        kept = [h for h in hits.values() if h.clear or id(h.sentence) not in clear]
        return sorted(kept, key=lambda h: h.sentence.sentence.start)

    def _pattern_hits(self, sentences: Sequence[SentenceSignals]) -> dict[tuple[str, str], FlagHit]:
        """Each flag's first sentence in its unambiguous wording (`patterns`): no meaning test needed."""
        hits: dict[tuple[str, str], FlagHit] = {}
        for d in self.definitions:
            for s in sentences:
                if any(p.search(s.sentence.text) for p in d.patterns):
                    hits.setdefault((d.id, d.label), FlagHit(d, s, "pattern", 1.0))
                    break
        return hits

    def _rival(self, d: FlagDefinition, texts: list[str], sentence_vectors: np.ndarray,
               vectors: Callable[[list[str]], np.ndarray], neutral_best: np.ndarray) -> np.ndarray:
        """Per sentence, how close it is to what is *not* the flag: the flag's counter-examples (the right behaviour
        in the same words) or neutral director talk, whichever is nearer. A sentence shows the flag by meaning only
        by a margin over this."""
        if not d.counter_examples:
            return neutral_best
        counter = sentence_vectors @ vectors(list(d.counter_examples)).T
        if self.policy.counter_needs_its_words:
            # A counter-example rivals a sentence only when the sentence says what makes it the right behaviour (one
            # of its words that no example of the flag uses: "herself", "credited", "escalated"): MiniLM puts "I
            # presented it to the CTO as my direction" as close to "she presented it to the CTO herself" as to the
            # flag, and the words are what tell them apart.
            stems = [set(content_words(t)) for t in texts]
            said = np.array([[bool(words & st) for words in d.distinguishing] for st in stems])
            # ... and only when the sentence uses some word of the behaviour itself: a sentence that says neither
            # side's words is left to the counter-examples, as before.
            flag_side = np.array([bool(d.flag_words & st) for st in stems])[:, None]
            counter = np.where(said | ~flag_side, counter, -1.0)
        rival: np.ndarray = np.maximum(counter.max(axis=1), neutral_best)
        return rival

    def _meaning_hit(self, d: FlagDefinition, sentences: Sequence[SentenceSignals], texts: list[str],
                     close: np.ndarray, margin: np.ndarray, verdicts: Sequence[ProbeVerdict]) -> FlagHit | None:
        """The sentence that shows flag `d` by meaning with the widest margin, if any: near enough to an example,
        far enough over its rivals, in the candidate's own voice, not cleared by the right behaviour told beside it,
        and opened by a cue (or the probe's gate, when that experiment is on)."""
        p = self.policy
        needed = p.red_flag_margin if d.source == "director" else p.rubric_flag_margin
        # Two sentences back only for a flag whose data says what clears the joint cue: retaliation's ("went to the
        # privacy office" ... "I put her name forward") read that far flagged a good answer.
        spans = windows(texts, p.joint_cue_reach if d.joint_cleared_by is not None else 1)
        gate = p.red_flag_probe_gate
        best: FlagHit | None = None
        for j, s in enumerate(sentences):
            if close[j] < p.red_flag_floor:
                continue
            if d.source == "director" and p.red_flag_needs_own_voice and not s.first_person:
                continue  # the scene, not the candidate's conduct
            if d.cleared_by is not None and d.cleared_by.search(" ".join(texts[max(0, j - 1) : j + 2])):
                continue  # the right behaviour told in so many words, in the sentence or beside it
            # Both halves of the behaviour told (someone else built it ... I pitched it as my strategy), with none of
            # the words that clear it around them, are evidence of their own: the meaning test then asks for a
            # smaller margin. Only for a flag whose data says what clears it (`joint_cleared_by`).
            joint = d.joint_cleared_by is not None and d.joint(
                texts[j], spans[j], texts[j + 1] if j + 1 < len(texts) else ""
            )
            if margin[j] < (min(needed, p.red_flag_joint_margin) if joint else needed):
                continue
            if not (joint or d.cued(texts[j], spans[j])) and not (
                gate is not None and verdicts and verdicts[j].flag == d.id and verdicts[j].probability >= gate
            ):
                continue
            if best is None or margin[j] > best.strength:
                best = FlagHit(d, s, "meaning", float(margin[j]), clear=bool(margin[j] >= p.red_flag_clear_margin))
        return best

    def _add_probe_hits(self, hits: dict[tuple[str, str], FlagHit], sentences: Sequence[SentenceSignals],
                        verdicts: Sequence[ProbeVerdict], probe: RedFlagProbe) -> None:
        """The probe on its own (an experiment, off by default): a paraphrase no cue names, judged by the behaviour
        the embeddings carry. A flag the cue-gated test already found keeps its quote; the probe adds flags it did
        not find."""
        if not self.policy.red_flag_probe:
            return
        director = {d.id: d for d in self.definitions if d.source == "director"}
        for j, verdict in enumerate(verdicts):
            found = director.get(verdict.flag)
            if found is None or verdict.probability < probe.threshold:
                continue
            key = (found.id, found.label)
            best = hits.get(key)
            if best is None or (best.detected_by == "meaning" and best.strength > 1.0 and verdict.probability
                                > best.strength - 1.0):
                # probe strengths are kept above 1 so they never compete with a cue-gated margin
                hits[key] = FlagHit(found, sentences[j], "meaning", 1.0 + verdict.probability)


def windows(texts: Sequence[str], reach: int = 1) -> list[str]:
    """Each sentence read together with up to `reach` sentences before it (one text per sentence)."""
    return [" ".join(texts[max(0, j - reach) : j + 1]) for j in range(len(texts))]


def to_red_flag(hit: FlagHit, quote: str) -> RedFlag:
    return RedFlag(
        id=hit.definition.id,
        label=hit.definition.label,
        quote=quote,
        explanation=hit.definition.explanation,
        source=hit.definition.source,
        detected_by=hit.detected_by,
        certainty="clear" if hit.clear else "possible",
    )
