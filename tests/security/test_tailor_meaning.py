"""Tailoring cannot change what a line means: changed units, role and scope words, % vs x and names moved from
another section are findings, such rewrites start unaccepted and stay out of the default export.

Issue #12 repro: "2 days" -> "2 hours", "engineers" -> "managers", "4%" -> "4x" and an employer taken from the
education line passed the guard with no finding, were accepted by default and exported; the export also printed
"..., 2012, 2012".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import REPO_ROOT, Settings
from assistant.llm.client import LLMClient
from assistant.llm.fakes import FakeChatModel
from assistant.llm.usage import UsageMeter
from assistant.prompting import PromptLibrary
from assistant.resume.export import export, to_markdown
from assistant.resume.guard import FabricationGuard
from assistant.resume.intake import read_text
from assistant.resume.models import Resume
from assistant.resume.parser import parse_resume
from assistant.resume.tailor import tailor_resume
from tests.support.tailor_fixtures import resume_from_text, role_knowledge

SOURCE = """
Alex Morgan
alex@example.com
Experience
Director of Machine Learning | Northwind Commerce | 2019 - Present
- Cut model deployment time from 3 weeks to 2 days with a feature store and CI/CD for models
- Led a team of 24 engineers across ML platform and MLOps
- Improved recommendation click-through by 4% with online A/B testing
- Built the ML platform on Kubeflow and MLflow, used by 11 product teams
Senior Engineer | Contoso Ltd | 2014 - 2019
- Worked on search ranking
Education
M.S. Computer Science, University of Washington, 2012
"""

#: (line the rewrite cites, the rewrite, the finding kind it must get)
MEANING_CHANGES = [
    ("Cut model deployment", "Cut model deployment time from 3 weeks to 2 hours with a feature store", "quantity"),
    ("Led a team of 24", "Led a team of 24 managers across ML platform and MLOps", "quantity"),
    ("Led a team of 24", "Managed managers across ML platform and MLOps", "scope"),
    ("Improved recommendation", "Improved recommendation click-through 4x with online A/B testing", "quantity"),
    ("Built the ML platform", "Built the ML platform at University of Washington for 11 product teams", "moved"),
    ("Built the ML platform", "Built the Contoso Ltd ML platform on Kubeflow and MLflow", "moved"),
    ("Worked on search ranking", "Led search ranking", "scope"),
    ("Led a team of 24", "Joined a team of 24 engineers across ML platform and MLOps", "scope"),
]
FAITHFUL = [
    ("Cut model deployment", "Reduced model deployment time from 3 weeks to 2 days with a feature store and CI/CD"),
    ("Led a team of 24", "Led 24 engineers across ML platform and MLOps"),
    ("Improved recommendation", "Lifted recommendation click-through 4% through online A/B testing"),
    ("Built the ML platform", "Built the Kubeflow and MLflow ML platform at Northwind Commerce for 11 product teams"),
]


def _line(resume: Resume, startswith: str) -> int:
    return next(ln.number for ln in resume.lines if ln.text.lstrip("- ").startswith(startswith))


def _tailor(rewrites: list[tuple[str, str]]):
    resume = resume_from_text(SOURCE)
    reply = {"summary": None, "bullets": [{"source_lines": [_line(resume, cited)], "text": text}
                                          for cited, text in rewrites]}
    client = LLMClient(FakeChatModel().enqueue(reply), UsageMeter(100_000), max_retries=0,
                       prompts=PromptLibrary(REPO_ROOT / "prompts", REPO_ROOT / "prompts"))
    return tailor_resume(resume, role_knowledge(), client=client)


@pytest.mark.parametrize(("cited", "text", "kind"), MEANING_CHANGES, ids=[c[2] + ":" + c[1][:25] for c in MEANING_CHANGES])
def test_a_meaning_change_is_a_finding_and_starts_unaccepted(cited: str, text: str, kind: str, tmp_path: Path) -> None:
    tailored = _tailor([(cited, text)])
    [change] = [c for c in tailored.changes if c.kind == "rewrite"]
    assert kind in {f.kind for f in change.findings}, change.findings
    assert not change.accepted
    assert text not in to_markdown(tailored.resume)
    exported = export(tailored.resume, tmp_path / "out.md").read_text(encoding="utf-8")
    assert text not in exported


def test_faithful_rewrites_are_still_accepted() -> None:
    tailored = _tailor(FAITHFUL)
    rewrites = [c for c in tailored.changes if c.kind == "rewrite"]
    assert len(rewrites) == len(FAITHFUL)
    assert all(c.accepted and c.findings == [] for c in rewrites), [(c.after, c.findings) for c in rewrites]
    md = to_markdown(tailored.resume)
    assert all(text in md for _, text in FAITHFUL)


def test_the_whole_resume_check_also_reads_units() -> None:
    guard = FabricationGuard(resume_from_text(SOURCE).model_dump_json())
    assert [f.kind for f in guard.check("Cut deployment time to 2 hours")] == ["quantity"]
    assert [f.kind for f in guard.check("Lifted click-through 4x")] == ["quantity"]
    assert guard.check("Cut deployment time to 2 days and lifted click-through 4%") == []
    assert guard.check("Led teams of up to 24 people") == []  # people generalise engineers


def test_export_prints_an_education_year_once(tmp_path: Path, settings: Settings) -> None:
    resume = parse_resume(read_text(SOURCE, settings))
    assert resume.education and resume.education[0].year == "2012"
    for suffix in (".md", ".docx", ".pdf"):
        from assistant.resume.export import exported_text

        text = exported_text(export(resume, tmp_path / f"r{suffix}"))
        assert "University of Washington, 2012" in text and "2012, 2012" not in text, suffix
