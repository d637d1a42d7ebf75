"""Every weight and threshold of the offline scorer, in one frozen object.

Why one object: the numbers are the scorer's judgment, and a reader should find them in one place rather than
scattered as literals through the arithmetic. The values were written from first principles (what an interviewer
listens for) and then adjusted only on the *tuning* parts of the calibration sets (see `benchmarks/quality.py`
for the hash rule that splits them); the *check* parts are what the figures report.

Similarity thresholds are MiniLM (all-MiniLM-L6-v2) cosines: another embedding model needs them re-tuned.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


def _frozen(mapping: dict[str, float]) -> Mapping[str, float]:
    return MappingProxyType(mapping)


@dataclass(frozen=True)
class ScoringPolicy:
    # --- length and follow-ups ---------------------------------------------------------------------------------
    too_short_words: int = 40  # under this there is no room for situation, action and result ...
    too_short_complete_words: int = 20  # ... unless they are all there (own action, result with its number)
    rambling_from_words: int = 170  # beyond this, length must be paid for with information
    follow_up_below: float = 4.0  # a 4-5 answer has landed: the interviewer moves on

    # --- dimension weights: a director answer is judged first on what *they* did and how concretely ------------
    weights: Mapping[str, float] = field(
        default_factory=lambda: _frozen(
            {"structure": 0.15, "ownership": 0.25, "specificity": 0.25, "relevance": 0.15, "altitude": 0.20}
        )
    )

    # A technical question ("What has to be true before a new model replaces the current one?") asks what the
    # candidate knows and would require, not what they did: ownership does not count, its weight goes to the others
    # in proportion, and specifics count without an owned action. Tuning parts: fresh 0.464 -> 0.492, hard 0.857
    # and calibration 0.936 unchanged; five of the eleven technical tuning answers move a point toward their grade,
    # one grade-1 answer a point away (its dismissiveness is the red flag the offline reading misses).
    technical_weights: Mapping[str, float] | None = field(
        default_factory=lambda: _frozen(
            {"structure": 0.2, "ownership": 0.0, "specificity": 0.333, "relevance": 0.2, "altitude": 0.267}
        )
    )
    technical_unowned_specifics: float | None = 1.0

    # --- structure: situation, action, result (+ reflection) ----------------------------------------------------
    structure_situation: float = 0.3
    structure_action: float = 0.35
    structure_result: float = 0.35
    structure_reflection: float = 0.15
    action_two_or_more: float = 1.0
    action_one: float = 0.7
    action_team_only: float = 0.4

    # --- ownership ---------------------------------------------------------------------------------------------
    hypothetical_credit: float = 0.5  # "I would..." is a plan, not a track record
    plan_credit: float = 1.0  # ... but on a situational question, a stated plan is the answer asked for
    plan_measure_result: float = 0.5  # ... and how it will be judged is as much result as a plan can give
    hypothetical_max: int = 2
    ownership_full_at: float = 3.0  # own actions for full ownership
    team_weight: float = 0.5  # each "we"/"the team" dilutes the ownership ratio by this much

    # --- specificity: numbers and named things, attached to the candidate's own story ---------------------------
    named_weight: float = 0.5
    specifics_full_at: float = 6.0
    specifics_density_full_at: float = 5.0  # per 100 words
    density_floor_words: int = 60
    specifics_count_share: float = 0.6
    # Numbers only count fully when the story has an owned action and a result; without them, this share.
    unowned_specifics: float = 0.5

    # --- relevance (MiniLM cosines) -------------------------------------------------------------------------------
    semantic_question: float = 0.5
    semantic_competency: float = 0.3
    semantic_points: float = 0.2
    topical_floor: float = 0.08  # cosine below which an answer is unrelated
    topical_span: float = 0.22  # ... and above floor + span, clearly on topic (the scale saturates early)
    topical_semantic_share: float = 0.75
    keyword_hits_full_at: float = 2.0
    pivot_floor: float = 0.4  # a clear pivot keeps this share of its topical relevance
    pivot_offset: float = 0.25
    pivot_span: float = 0.17
    # Per sentence: how much closer a sentence is to another competency's bank question than to the asked one
    # before it counts as told for another question (a rehearsed story), and over what span it becomes fully so.
    sentence_pivot_offset: float = 0.08
    sentence_pivot_span: float = 0.2
    # A sentence with at least this many of the question's content words restates it, and its relevance is judged
    # without them (a rehearsed story framed in the question's words).
    echo_min_words: int = 4
    off_question_weight: float = 0.3  # relevance kept when every sentence is about another question: 1 - this
    off_question_cap_share: float = 0.65  # an answer mostly told for another question ...
    off_question_cap: float = 2.0  # ... scores at most this, however vivid
    # The candidate's own action sentences, each compared with every competency's bank questions (the mean of its
    # `action_pivot_top` nearest): when, over those sentences, another competency sits this much nearer than the
    # asked one, the story was told for another question (coaching managers for a technical-direction question, a
    # deployment migration for "model quality across the org") and the off-question cap applies. None: off.
    action_pivot_top: int = 3
    action_pivot_cap_at: float | None = 0.12
    # ... read only when the action sentences say something: "I did four things." before a list of what was done
    # (no "I" in it) sits near no question in particular, and alone it decided the pivot of a grade-5 answer.
    action_pivot_min_words: int = 4
    off_topic_semantic: float = 0.1
    off_topic_semantic_weak: float = 0.2
    relevance_cap_margin: float = 2.0  # overall is at most relevance + this

    # --- altitude ------------------------------------------------------------------------------------------------
    altitude_terms_full_at: float = 6.0
    altitude_terms_share: float = 0.7
    tradeoffs_full_at: float = 2.0

    # --- delivery penalties --------------------------------------------------------------------------------------
    hedges_free_per_100w: float = 1.5
    hedges_span_per_100w: float = 4.0
    hedge_penalty_max: float = 0.8
    platitude_penalty_each: float = 0.25
    platitude_penalty_max: float = 1.0
    rambling_span_words: float = 200.0
    information_full_per_100w: float = 6.0
    repetition_free: float = 0.2
    instruction_penalty_each: float = 0.75
    instruction_penalty_max: float = 1.5
    flagged_ceiling: float = 3.0  # an answer that addresses the scorer scores at most this (any engine)

    # --- evasion: no action for the asked situation, vision instead of delivery, framework without instance ------
    evasion_future_share: float = 0.4  # of sentences, for an answer to read as a vision
    evasion_generic_share: float = 0.4  # of sentences, for an answer to read as a framework
    evasion_min_sentences: int = 2
    evasion_penalty: float = 0.2  # per kind of evasion found (it mostly explains: evasive answers are already low)
    evasion_penalty_max: float = 0.6
    # Two kinds of evasion at once (say, a vision with no action for the asked situation) keep an answer at most 2,
    # however polished. One kind alone only costs the penalty above: each detector misfires on some good answers
    # (a cap on one kind lowered the original set's rank correlation), two together rarely do.
    evasion_cap_kinds: int = 2
    evasion_cap: float = 2.4

    # --- red flags -------------------------------------------------------------------------------------------------
    red_flag_floor: float = 0.38  # a sentence must be at least this close to a red-flag example ...
    red_flag_margin: float = 0.055  # ... and this much closer to it than to the right behaviour and neutral text
    counter_needs_its_words: bool = True  # see `RedFlagDetector.detect`
    # A director flag is about the candidate's own conduct: a sentence that names neither them nor their team ("I",
    # "we", "my", "our", "me", "us") sets the scene ("their VP wanted it before Black Friday") and shows no flag by
    # meaning. On answers written by someone who never saw the flag data, 2 of 7 false flags were such sentences.
    red_flag_needs_own_voice: bool = True
    # A flag's `joint_cues` (a behaviour told in two halves) are looked for in the sentence and up to this many
    # before it: a story often puts a sentence between "my engineer built it" and "I pitched it as my strategy".
    joint_cue_reach: int = 2
    # ... and when both halves are there, the sentence need only be this much nearer the flag than its rivals.
    red_flag_joint_margin: float = 0.03
    rubric_flag_margin: float = 0.2  # rubric red flags have no counter-examples or cues: a much wider margin
    # The linear probe over the sentence embeddings (`redflag_probe.py`), off by default: on the training file's
    # held-out folds it added few right flags for many false alarms, and on the tuning answers every setting that
    # found anything new also capped strong answers (see benchmarks/train_redflag_probe.py). `red_flag_probe`: a
    # sentence shows the probe's flag when P(some flag) reaches the threshold fitted with the weights; a gate: a
    # sentence that passes the meaning test above but says none of the flag's cue words still shows the flag when
    # the probe gives that flag at least `red_flag_probe_gate`.
    red_flag_probe: bool = False
    red_flag_probe_gate: float | None = None
    # How sure a meaning hit is: its margin. On honest answers it was never tuned on (tests/data/
    # calibration_fresh.jsonl), false flags had margins 0.065-0.18 and true ones 0.06-0.5, so a hit below this margin
    # is shown as a *possible* red flag: quoted and explained, with how to make the right behaviour explicit, no
    # praise withheld, and the answer capped at `red_flag_cap` (2) rather than a director flag's 1. Pattern hits are
    # clear. (A cap of 3 for possible flags was tried: on the tuning parts it cost the hard set more rank correlation,
    # 0.748 -> 0.680, than it gave the fresh set, 0.235 -> 0.257.)
    red_flag_clear_margin: float = 0.10
    red_flag_cap: float = 2.0  # an answer showing a rubric red flag scores at most this
    director_flag_cap: float = 1.0  # ... a director-wide one (concealment, discrimination, ...) at most this
    red_flag_cap_repeated: float = 1.0  # ... and at most this when two sentences show one

    # --- gaps ----------------------------------------------------------------------------------------------------
    no_structure_below: float = 2.6
    hedging_gap_per_100w: float = 4.0
    hedging_gap_platitudes: int = 3
    strong_point_covered: float = 0.35
    bank_follow_up_similarity: float = 0.55  # a bank follow-up this close to our template asks the same thing
    bank_follow_up_point_similarity: float = 0.40  # ...and this close to a strong point asks about it


DEFAULT_POLICY = ScoringPolicy()
