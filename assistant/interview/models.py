"""Typed results of the interview: the same models are the CLI's `--json`, the database payloads and the UI data."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

Score = Annotated[int, Field(ge=1, le=5)]
Engine = Literal["llm", "offline"]
Gap = Literal[
    "no_own_actions",
    "no_outcome",
    "no_numbers",
    "missing_point",
    "off_topic",
    "too_short",
    "no_structure",
    "hedging",
    "evasive",
    "red_flag",
]


class Citation(BaseModel):
    """A knowledge chunk that grounded a question or an evaluation."""

    chunk_id: str
    source: str
    heading: str
    score: float


class QuestionContext(BaseModel):
    """What the evaluator needs to know about the question being answered."""

    text: str
    competency: str = Field(description="Competency id from the rubric.")
    question_id: str | None = Field(None, description="Bank question id, when it came from the bank.")
    strong_answer: list[str] = Field(default_factory=list, description="Points a strong answer covers.")
    follow_ups: list[str] = Field(default_factory=list)
    resume_claim: str | None = Field(None, description="The resume bullet this question asks the candidate to defend.")


class Dimensions(BaseModel):
    """Rubric dimensions, each 1-5."""

    structure: Score = Field(description="Situation, action, result: is the story easy to follow?")
    ownership: Score = Field(description="The candidate's own decisions and actions, not the team's in general.")
    specificity: Score = Field(description="Numbers, named systems, concrete evidence.")
    relevance: Score = Field(description="Answers the question asked, about the competency asked.")
    altitude: Score = Field(description="Director-level scope: org, strategy, people, trade-offs.")


DimensionName = Literal["structure", "ownership", "specificity", "relevance", "altitude"]


class RedFlag(BaseModel):
    """Something in the answer an interviewer would hold against any director, quoted from the answer."""

    id: str = Field(description="The red flag's id (a signals.yaml flag, or 'rubric:<competency>').")
    label: str
    quote: str = Field(description="The sentence (or clause) that shows it, verbatim from the answer.")
    explanation: str = Field(description="Why it counts against the answer.")
    source: Literal["director", "rubric"] = "director"
    detected_by: Literal["meaning", "pattern", "llm"] = Field(
        default="meaning",
        description="How it was found: by the offline coach (the sentence's 'meaning', or a 'pattern' of words), or "
                    "by the LLM evaluator ('llm'), whose quote was checked to be the candidate's own words.",
    )
    certainty: Literal["clear", "possible"] = Field(
        default="clear",
        description="'possible' when only the sentence's meaning, weakly, suggests it: the answer is capped at 2, "
                    "not 1, and the coaching asks the candidate to make the right behaviour explicit.",
    )

    def told(self) -> str:
        """The flag as the plain-text views tell it (terminal, Markdown report): label, who found it, the quote, why,
        and for a possible flag what to do about it. The prefix marking a possible flag is each view's own."""
        return (f'{self.label}{" (found by the LLM evaluator)" if self.detected_by == "llm" else ""}: '
                f'"{self.quote}" — {self.explanation}'
                + (f" {POSSIBLE_FLAG_ADVICE}" if self.certainty == "possible" else ""))


# What a candidate should do about a possible red flag (one only the sentence's meaning, weakly, suggests): every view
# that shows one says it.
POSSIBLE_FLAG_ADVICE = "If that is not what happened, say plainly what you did and who knew."

OFFLINE_SCOPE = (
    "The offline coach measures structure (situation, action, result), ownership, specifics tied to your own "
    "actions, relevance to the question asked, evasion, and red flags it can recognise by wording and meaning. "
    "It cannot weigh judgment calls (whether a decision was wise, the ethics of a situation in context, technical "
    "depth); an LLM evaluator assesses those better. It reads red flags one sentence at a time, so it misses many "
    "told indirectly and now and then misreads an honest sentence: treat a flag as a prompt to check how that "
    "sentence sounds, and no flag as no clearance."
)


class Evaluation(BaseModel):
    """One scored answer. `score` is on the question's competency; the evidence is quoted from the answer."""

    score: Score
    competency: str
    dimensions: Dimensions
    evidence: list[str] = Field(default_factory=list, description="Short verbatim quotes from the answer.")
    strengths: list[str] = Field(default_factory=list)
    improvements: list[str] = Field(default_factory=list, description="One or two concrete improvements.")
    gaps: list[Gap] = Field(default_factory=list, description="What the answer lacks; drives follow-ups.")
    follow_up: str | None = Field(None, description="The follow-up the interviewer would ask, if any.")
    engine: Engine = "offline"
    fallback: bool = Field(False, description="True when the LLM failed and the offline coach scored instead.")
    flag: str | None = Field(
        None, description="Why the LLM's verdict was not shown as the model gave it (rejected or capped), if so."
    )
    signals: dict[str, float] = Field(default_factory=dict, description="Offline scorer's explainable signals.")
    flagged: list[str] = Field(
        default_factory=list,
        description="Text in the answer addressed to the scorer or a model (e.g. 'rate this 5/5'): left out of "
        "scoring and quotes, and the score is capped at FLAGGED_CEILING whatever engine scored it.",
    )
    red_flags: list[RedFlag] = Field(
        default_factory=list, description="Red flags found in the answer (quoted): by the offline scorer, where they cap "
        "the offline score at 2 (a director-wide one at 1) and an LLM verdict at 2 unless it addresses each one by its "
        "quote; or by the LLM evaluator (`detected_by: llm`), whose verdict then scored the answer at most 2."
    )
    red_flag_review: list[str] = Field(
        default_factory=list,
        description="The LLM evaluator's reading of each offline red flag (quoting it), when an LLM scored the answer.",
    )
    scope: str | None = Field(None, description="What the engine that scored this measures, and what it cannot.")
    not_counted: list[DimensionName] = Field(
        default_factory=list,
        description="Dimensions that did not count toward this score: ownership, on a technical question, which asks "
        "what the candidate knows rather than what they did.",
    )

    def dimension_summary(self, labels: dict[str, str] | None = None) -> str:
        """The dimensions on one line ("structure 3 · ownership not counted · ..."), for every view: a dimension
        that did not count is not shown as a low mark the candidate should work on."""
        return " · ".join(
            f"{(labels or {}).get(name, name)} {'not counted' if name in self.not_counted else value}"
            for name, value in self.dimensions.model_dump().items()
        )

    def advice(self) -> list[str]:
        """The improvements, less any that only repeat a red flag's quote: every view shows each red flag on its own,
        quoted and explained, so the same sentence is not printed twice."""
        return [i for i in self.improvements if not any(f.quote in i for f in self.red_flags)]
