"""Adding a role is adding a folder: a hospital nurse manager (tests/data/roles/nurse-manager), a field with none of
the shipped role's vocabulary, runs an offline interview (question, answer, score with evidence, report) and a resume
review end to end with no code change. Everything the role knows comes from its YAML files."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.interview.engine import InterviewEngine
from assistant.interview.report import to_markdown
from assistant.interview.scoring import OfflineScorer
from assistant.knowledge.embeddings import Embedder
from assistant.knowledge.loader import load_role
from assistant.knowledge.schema import RoleKnowledge
from assistant.resume.guard import FabricationGuard
from assistant.resume.models import ExtractedText, Resume
from assistant.resume.review import prepare_resume, review_resume
from assistant.resume.tailor import tailor_resume
from assistant.storage import Database

ROLE_DIR = Path(__file__).parent / "data" / "roles" / "nurse-manager"

STRONG = (
    "When I took over the 32-bed medical-surgical unit in 2021 we had 3.4 falls with injury per 1,000 patient days, "
    "the worst in the hospital. I ran a root cause analysis with the night charge nurses and found most falls "
    "happened between 2 and 5 am, during toileting. I introduced hourly rounding and bed alarms for every patient "
    "with a Braden score under 15, and I added a two-minute safety huddle at each shift change. I audited rounding "
    "myself twice a week on nights for three months. Within six months falls with injury dropped to 0.9 per 1,000 "
    "patient days, and we have held it under 1.2 for two years. In hindsight I should have brought the night "
    "nurses in earlier; they knew where the problem was."
)
VAGUE = "Safety is really important to me. I think you have to build a culture where everyone cares, you know."

NURSE_RESUME = """Dana Okafor
dana.okafor@example.org | (555) 010-7788
Summary
Nurse Manager with 9 years of nursing experience.
Experience
Nurse Manager, Riverside General Hospital, Mar 2019 - Present
• Managed a 32-bed medical-surgical unit with 58 staff and a team of 12 charge nurses
• Reduced falls with injury from 3.4 to 0.9 per 1,000 patient days with hourly rounding and bed alarms
• Cut agency hours by 40% by building a unit float pool of 6 RNs
• Responsible for the unit schedule
Charge Nurse, Riverside General Hospital, Jun 2015 - Feb 2019
• Led the night shift for a 24-bed telemetry unit
Education
BSN, State University, 2015
Skills
Epic, Kronos, patient safety, root cause analysis
"""


def nurse_resume() -> Resume:
    """The resume read as pasted text is read: the real parser, no role knowledge involved."""
    return prepare_resume(ExtractedText(text=NURSE_RESUME, pages=1))[0]


@pytest.fixture(scope="module")
def nurse() -> RoleKnowledge:
    return load_role(ROLE_DIR)


def test_the_role_is_only_data_and_shares_nothing_with_the_shipped_role(nurse: RoleKnowledge) -> None:
    shipped = load_role(Path(__file__).parent.parent / "knowledge" / "ml-director")
    assert nurse.rubric.focus_labels.keys() == {"mixed", "safety", "staffing"}
    assert not set(nurse.template.tools) & set(shipped.template.tools)
    assert not {c.id for c in nurse.rubric.competencies} & {c.id for c in shipped.rubric.competencies}


def test_an_offline_interview_for_the_new_role_scores_with_evidence_and_reports(
    nurse: RoleKnowledge, embedder: Embedder, tmp_path: Path
) -> None:
    db = Database(f"sqlite:///{tmp_path / 'nurse.db'}")
    try:
        engine = InterviewEngine(db=db, knowledge=nurse, scorer=OfflineScorer(nurse, embedder))
        with pytest.raises(InputError, match="safety, staffing"):
            engine.start("platform", 1, seed=1)  # the shipped role's focus is not this role's
        session = engine.start("safety", 1, seed=1)
        question = engine.current_question(session)
        assert question is not None and question.question == nurse.question("ps_01").text

        vague = engine.submit_answer(session, VAGUE)
        assert vague.evaluation.score <= 2 and vague.follow_up is not None
        strong = engine.submit_answer(session, STRONG)
        evaluation = strong.evaluation
        assert evaluation.competency == "patient_safety"
        assert evaluation.score >= 4, evaluation.improvements
        assert evaluation.evidence and all(quote in STRONG for quote in evaluation.evidence)
        # The role's own vocabulary is what the scorer heard: its named specifics and its scope words.
        assert evaluation.signals["named_specifics"] >= 2 and evaluation.signals["altitude_terms"] >= 1

        report = engine.finish(session)
        assert report.finished and report.overall is not None and report.overall >= 3
        outline = report.questions[0].strong_answer_outline
        assert nurse.question("ps_01").strong_answer[0] in outline
        assert "Patient safety and quality improvement" in to_markdown(report)
    finally:
        db.close()


def test_a_resume_review_for_the_new_role_uses_its_keywords_weights_and_expectations(
    nurse: RoleKnowledge, embedder: Embedder
) -> None:
    resume = nurse_resume()
    review = review_resume(resume, nurse, embedder)

    assert "patient safety" in review.keywords.present and "root cause analysis" in review.keywords.present
    assert "HCAHPS" in review.keywords.claim_only_if_true  # the role's priority keyword, missing from the resume
    weights = {c.name: c.weight for c in review.fit_components}
    assert weights["quantified impact"] == 20 and weights["ATS readiness"] == 5  # the role's fit weights
    experience = next(c for c in review.fit_components if c.name == "experience")
    assert "nurse managers typically have 5+" in experience.detail
    assert review.leadership.largest_team == 58
    assert review.bullets.weak_verbs == 1 and review.fit.score is not None
    covered = {c.id for c in review.competencies if c.covered}
    assert "patient_safety" in covered


def test_tailoring_and_the_guard_speak_the_new_roles_vocabulary(nurse: RoleKnowledge) -> None:
    resume = nurse_resume()
    tailored = tailor_resume(resume, nurse)
    summary = next(c for c in tailored.changes if c.kind == "summary")
    assert "58" in summary.after and "Epic" in summary.after and "medical-surgical" in summary.after
    asked = {q.theme for q in tailored.questions_for_candidate}
    assert "staffing" in asked  # "Responsible for the unit schedule": the role's own theme and questions

    guard = FabricationGuard.for_role(NURSE_RESUME, nurse.template)
    assert guard.check("Managed a 32-bed medical-surgical unit with 58 staff in Epic") == []
    kinds = {(f.kind, f.token) for f in guard.check("Rolled out Pyxis and Cerner across the unit")}
    assert kinds == {("skill", "Pyxis"), ("skill", "Cerner")}
    assert [f.kind for f in guard.check("Certified CNML nurse leader")] == ["certification"]


@pytest.mark.parametrize(("file", "old", "new", "named"), [
    ("rubric.yaml", "focus: [safety, mixed]", "focus: [surgery, mixed]", "rubric.yaml: competencies[0].focus[0]: unknown focus 'surgery'"),
    ("resume_template.yaml", "ats_readiness: 5", "ats_readiness: 15", "resume_template.yaml: expectations.fit_weights"),
    ("resume_template.yaml", "scope_theme: unit_leadership", "scope_theme: wards", "resume_template.yaml: scope_theme"),
    ("resume_template.yaml", "cues: ['overtime',", "cues: ['overtime(',", "bullet_patterns[2].cues"),
])
def test_a_broken_role_file_names_the_file_and_field(tmp_path: Path, file: str, old: str, new: str, named: str) -> None:
    """The role's new data is validated like the rest: a mistake is a KnowledgeError, never a silent default."""
    import shutil

    from assistant.errors import KnowledgeError

    role = tmp_path / "nurse-manager"
    shutil.copytree(ROLE_DIR, role)
    text = (role / file).read_text(encoding="utf-8")
    assert old in text
    (role / file).write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_role(role)
    assert named in str(caught.value)
