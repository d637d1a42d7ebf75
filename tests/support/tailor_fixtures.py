"""Hand-built resumes for tailoring, guard and export tests (independent of the parser's heuristics).

`resume_from_text` reads a tiny, unambiguous layout: a heading line, a job line `Title | Company | start - end`,
bullets starting with `- `; every other line belongs to the current section. Line numbers are 1-based like the
parser's, so changes can cite them.
"""

from __future__ import annotations

from functools import lru_cache

from assistant.config import REPO_ROOT
from assistant.knowledge.loader import load_role
from assistant.knowledge.schema import RoleKnowledge
from assistant.resume.models import Contact, Education, Job, Line, Resume, Section

_HEADINGS = {"summary": "summary", "experience": "experience", "education": "education", "skills": "skills",
             "publications": "publications", "certifications": "certifications", "projects": "projects"}


@lru_cache(maxsize=1)
def role_knowledge() -> RoleKnowledge:
    """The shipped ML-director knowledge (the real template the tailoring targets)."""
    return load_role(REPO_ROOT / "knowledge" / "ml-director")


def resume_from_text(text: str) -> Resume:
    lines = [Line(number=i + 1, text=t.strip()) for i, t in enumerate(text.strip().splitlines()) if t.strip()]
    resume = Resume(lines=lines, contact=Contact(name=lines[0].text))
    section: Section | None = None
    job: Job | None = None
    for line in lines[1:]:
        key = line.text.lower()
        if key in _HEADINGS:
            section = Section(name=_HEADINGS[key], heading=line.text)  # type: ignore[arg-type]
            resume.sections.append(section)
            job = None
            continue
        if section is None:
            if "@" in line.text:
                resume.contact.email = line.text
            continue
        section.lines.append(line)
        if section.name == "experience" and line.text.count(" | ") == 2:
            title, company, dates = line.text.split(" | ")
            start, _, end = dates.partition(" - ")
            job = Job(title=title, company=company, start=start or None, end=end or None)
            resume.experience.append(job)
        elif section.name == "experience" and job is not None and line.text.startswith("- "):
            job.bullets.append(Line(number=line.number, text=line.text[2:]))
        elif section.name == "education":
            resume.education.append(Education(degree=line.text, source_line=line.number))
        elif section.name == "skills":
            resume.skills += [s.strip() for s in line.text.split(",") if s.strip()]
    return resume


DIRECTOR = """
Priya Raman
priya@example.com
Skills
Python, Kubeflow, MLflow, Spark, Kubernetes, Airflow
Experience
Director of Machine Learning Engineering | Northwind Commerce | 2019 - Present
- Responsible for recommendation models
- Led a team of 24 engineers across ML platform, MLOps and data engineering
- Reduced inference cost by 35% and saved $1.2 million per year
- Built the ML platform on Kubeflow and MLflow, used by 11 product teams
Senior Engineering Manager | Contoso Ltd | 2015 - 2019
- Worked on search ranking
- Hired 9 engineers and grew the team from 5 to 16
Education
M.S. Computer Science, University of Washington, 2012
"""

IC_NO_TEAM = """
Sam Lee
sam@example.com
Experience
Senior Software Engineer | Fabrikam | 2020 - Present
- Helped migrate batch jobs to Airflow
- Wrote data validation checks for the feature pipeline
Software Engineer | Tailspin Toys | 2017 - 2020
- Built dashboards in Python
Education
B.S. Mathematics, Ohio State University, 2017
Skills
Python, SQL, Airflow
"""

MANAGER_WITH_SUMMARY = """
Ana Costa
ana@example.com
Summary
Engineering manager with 9 years of experience in fraud detection and forecasting.
Experience
Engineering Manager, Machine Learning | Globex | 2021 - Present
- Managed 7 ML engineers building fraud models in PyTorch
- Introduced model monitoring, cutting incidents by 50%
- Participated in quarterly planning with product
Machine Learning Engineer | Initech | 2016 - 2021
- Trained forecasting models with TensorFlow on AWS SageMaker
Certifications
AWS Certified Machine Learning - Specialty
Publications
Costa A. Drift-aware fraud scoring. KDD Workshop 2019.
"""

HEAD_OF_ML = """
Wei Zhang
wei@example.com
Experience
Head of Applied ML | Mechanix | Jan 2022 - Present
- Scaled the ML org from 6 to 28 people across 4 teams
- Partnered with product and finance on a ranking roadmap, lifting revenue 3%
- Worked on computer vision models for inspection
Principal ML Engineer | Umbrella Corp | 2014 - 2021
- Led the migration of model serving to Kubernetes, cutting p99 latency from 400 ms to 120 ms
- Mentored 5 engineers
Education
PhD Electrical Engineering, Tsinghua University, 2014
Skills
PyTorch, Kubernetes, Ray, Feast
"""

ALL_RESUMES = {"director": DIRECTOR, "ic_no_team": IC_NO_TEAM, "manager_summary": MANAGER_WITH_SUMMARY,
               "head_of_ml": HEAD_OF_ML}
