"""The end-of-interview report reads like a coach wrote it: no sentence repeated per question."""

from __future__ import annotations

from assistant.interview.models import OFFLINE_SCOPE, Dimensions, Evaluation, QuestionContext
from assistant.interview.report import build_report, to_markdown
from assistant.interview.scoring import OfflineScorer
from assistant.interview.session import InterviewSession, Plan, PlannedQuestion, Turn
from assistant.knowledge.embeddings import Embedder
from assistant.knowledge.schema import RoleKnowledge


def _evaluation(competency: str, strengths: list[str]) -> Evaluation:
    d = Dimensions(structure=4, ownership=4, specificity=4, relevance=4, altitude=3)
    return Evaluation(score=4, competency=competency, dimensions=d, strengths=strengths)


def test_the_same_strength_across_answers_is_one_line_naming_each_question(role_knowledge: RoleKnowledge) -> None:
    questions = [
        PlannedQuestion(text="Tell me about a low performer.", competency="people_leadership"),
        PlannedQuestion(text="How do you plan hiring?", competency="hiring"),
    ]
    session = InterviewSession(id="s1", role="ml-director", focus="mixed", length=2,
                               plan=Plan(focus="mixed", seed=1, questions=questions))
    owned = "You say what you personally did"
    session.turns = [
        Turn(index=0, question_index=0, question=questions[0].text, competency="people_leadership",
             answer="I coached him.", evaluation=_evaluation("people_leadership", [f'{owned} — "I coached him."'])),
        Turn(index=1, question_index=1, question=questions[1].text, competency="hiring",
             answer="I hired 12 engineers.",
             evaluation=_evaluation("hiring", [f'{owned} — "I hired 12 engineers."', "Concise: 5 words."])),
    ]
    report = build_report(session, role_knowledge)
    owned_lines = [s for s in report.strengths if s.startswith(owned)]
    assert owned_lines == [f'{owned} (Q1, Q2) — e.g. "I coached him."']
    assert "Concise: 5 words (Q2)" in report.strengths
    assert owned_lines[0] in to_markdown(report)


def test_one_tip_given_to_two_answers_is_one_next_step(role_knowledge: RoleKnowledge) -> None:
    questions = [PlannedQuestion(text="How do you plan the roadmap?", competency="stakeholders_roadmap"),
                 PlannedQuestion(text="How do you handle the VP?", competency="stakeholders_roadmap")]
    session = InterviewSession(id="s3", role="ml-director", focus="mixed", length=2,
                               plan=Plan(focus="mixed", seed=1, questions=questions))
    tip = "Answer the question that was asked; pick one real example about stakeholders and roadmap."
    session.turns = [
        Turn(index=i, question_index=i, question=q.text, competency=q.competency, answer="A story.",
             evaluation=_evaluation(q.competency, []).model_copy(update={"score": 2, "improvements": [text]}))
        for i, (q, text) in enumerate(zip(questions, [tip, tip + " Most of this answer is a story for another one."],
                                          strict=True))
    ]
    steps = build_report(session, role_knowledge).next_steps
    assert sum(s.startswith("Answer the question that was asked") for s in steps) == 1


def test_an_offline_scored_report_says_what_the_offline_coach_measures(role_knowledge: RoleKnowledge) -> None:
    question = PlannedQuestion(text="Tell me about a low performer.", competency="people_leadership")
    session = InterviewSession(id="s2", role="ml-director", focus="mixed", length=1,
                               plan=Plan(focus="mixed", seed=1, questions=[question]))
    session.turns = [Turn(index=0, question_index=0, question=question.text, competency="people_leadership",
                          answer="I coached him.", evaluation=_evaluation("people_leadership", []))]
    report = build_report(session, role_knowledge)
    assert report.scope == OFFLINE_SCOPE and OFFLINE_SCOPE in to_markdown(report)
    assert "scope" in report.model_dump(mode="json")  # and in the report's JSON


# Written for this test: a capable-sounding roadmap story whose approach is to keep the risk from the executives.
HIDDEN_RISK = (
    "Last year I owned the roadmap for our recommendations platform with a team of 14. The migration to the new "
    "ranking stack was three months behind by the second quarter. I kept the risks out of the quarterly review "
    "with the executives so the budget would not be cut, and we recovered most of the delay by the end of the year."
)


def test_a_red_flag_is_in_the_report_with_its_quote_in_markdown_and_json(
    role_knowledge: RoleKnowledge, embedder: Embedder
) -> None:
    """What the candidate keeps (the Markdown report and `interview --json`) shows the flag, quoted and explained."""
    bank = role_knowledge.question("sr_01")
    question = PlannedQuestion(text=bank.text, competency=bank.competency)
    evaluation = OfflineScorer(role_knowledge, embedder).evaluate(
        QuestionContext(text=bank.text, competency=bank.competency, question_id=bank.id), HIDDEN_RISK
    )
    assert evaluation.score <= 2 and evaluation.red_flags
    session = InterviewSession(id="s3", role="ml-director", focus="mixed", length=1,
                               plan=Plan(focus="mixed", seed=1, questions=[question]))
    session.turns = [Turn(index=0, question_index=0, question=question.text, competency=question.competency,
                          answer=HIDDEN_RISK, evaluation=evaluation)]
    report = build_report(session, role_knowledge)
    markdown = to_markdown(report)
    data = report.model_dump(mode="json")
    (flag,) = [f for f in data["questions"][0]["red_flags"] if f["id"] == "concealment"]
    assert flag["quote"] in HIDDEN_RISK and "risks out of the quarterly review" in flag["quote"]
    assert flag["explanation"] and flag["label"]
    assert "Red flags:" in markdown and f'"{flag["quote"]}"' in markdown and flag["explanation"] in markdown
    assert any("red flag" in gap for gap in report.gaps)
    # Quoted once per view: the question's advice and the next steps do not repeat the flag's sentence.
    assert markdown.count(flag["quote"]) == len(data["questions"][0]["red_flags"])
