"""The work history as the candidate confirms it: the person is the authority on their own roles.

Why this exists: on layouts it was never tuned on, the reader gets the job count right on only about half of real
resumes (docs/benchmarks.md, the held-out parts), and a misread history moves the fit (years in dated roles) and
every piece of advice about experience. The reader already says when it is unsure; this module lets the candidate
answer it: the review lists the roles it read, the candidate corrects them (title, employer, dates; add one, remove
one) and the review is computed again on what they confirmed, no longer provisional. That is the same step a hiring
system's "check what we parsed" form asks for, and it works for every layout the parser will ever misread.

What a confirmation changes, and what it does not:
- the roles, their dates and the years of experience are the candidate's; the experience confidence becomes theirs
  (`Resume.confirmed_by_user`), so the review is no longer provisional and the LLM extraction pass does not run;
- the resume's text, sections and bullets stay as read: a confirmed role keeps the bullets of the role it was read
  as (`ConfirmedRole.source`); a removed role's bullets move to the nearest role kept, because deleting a misread
  role (a degree read as a job, a heading read as a title) must not delete the candidate's achievements;
- nothing is invented on their behalf: the tailoring guard still checks every proposed fact against the resume's
  own lines, not against what was typed here.

Input is untrusted like any form: bounded in count and length, one date per box, no instruction-like text (it
reaches prompts later, as the interview's resume context), and every problem is named by row so nothing is lost.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from pydantic import BaseModel, Field, ValidationError

from assistant.errors import InputError
from assistant.resume.dates import date_text, months_in_role, this_month, years_of_experience
from assistant.resume.injection import suspicious_reasons
from assistant.resume.models import Job, Line, Resume
from assistant.resume.vocabulary import BARE_YEAR as _BARE_YEAR
from assistant.text.unicode import strip_invisible

MAX_ROLES = 40
MAX_FIELD_CHARS = 150
CONFIRMED = 1.0  # the experience confidence of a history the candidate confirmed

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_NUMERIC_MONTH = re.compile(r"(?:(\d{1,2})\s*[/.]\s*((?:19|20)\d{2})|((?:19|20)\d{2})\s*[-/.]\s*(\d{1,2}))")


class ConfirmedRole(BaseModel):
    """One role as the candidate states it. Dates as people write them: "2019", "03/2019", "Mar 2019", "2019-03";
    an empty `end` (or "Present", "now") is a current role."""

    title: str = ""
    company: str = ""
    start: str = ""
    end: str = ""
    source: int | None = Field(None, description="Index of the role as read, whose bullets this role keeps.")

    def is_blank(self) -> bool:
        return not any(v.strip() for v in (self.title, self.company, self.start, self.end))


def roles_as_read(resume: Resume) -> list[ConfirmedRole]:
    """The reader's roles in the form the candidate edits (dates as "YYYY-MM", "YYYY" where the resume gives the
    year only, or "Present"), each pointing back at itself, so confirming them unchanged keeps every bullet where
    it was."""
    def written(value: str | None, month_stated: bool) -> str:
        return value[:4] if value and not month_stated and value[:4].isdigit() else value or ""

    return [ConfirmedRole(title=job.title or "", company=job.company or "", start=written(job.start, job.month_stated),
                          end=written(job.end, job.month_stated), source=i) for i, job in enumerate(resume.experience)]


def roles_from_json(text: str) -> list[ConfirmedRole]:
    """Roles from a JSON file: a list of {title, company, start, end} objects, or a saved `assistant review --json`
    object whose `experience` was edited (its other fields, and each role's bullets and months, are ignored)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"The roles file is not valid JSON (line {exc.lineno}: {exc.msg}).") from None
    if isinstance(data, dict) and "experience" in data:
        data = data["experience"]
    if not isinstance(data, list):
        raise InputError("The roles file should hold a list of roles ({\"title\", \"company\", \"start\", \"end\"}) "
                         "or a saved review with an \"experience\" list.")
    if len(data) > MAX_ROLES:
        raise InputError(f"{len(data)} roles is more than the {MAX_ROLES} a review takes.")
    roles = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise InputError(f"Role {number} in the roles file is not an object with title, company, start and end.")
        fields = {k: ("" if item.get(k) is None else item[k]) for k in ("title", "company", "start", "end")
                  if k in item}
        try:
            roles.append(ConfirmedRole(**fields, source=item.get("source")))
        except ValidationError as exc:
            where = ".".join(str(p) for p in exc.errors()[0]["loc"])
            raise InputError(f"Role {number} in the roles file: '{where}' should be text.") from None
    return roles


def confirm_work_history(resume: Resume, roles: Sequence[ConfirmedRole]) -> Resume:
    """`resume` with its work history replaced by `roles` (blank rows ignored), years recomputed and the reading
    marked as confirmed by the candidate. Raises `InputError` naming every row that cannot be used."""
    rows = [(n, role) for n, role in enumerate(roles, start=1) if not role.is_blank()]
    if len(rows) > MAX_ROLES:
        raise InputError(f"{len(rows)} roles is more than the {MAX_ROLES} a review takes; "
                         "keep the roles that matter for this application.")
    problems: list[str] = []
    jobs: list[Job] = []
    for number, role in rows:
        job, role_problems = _job_of(role, number)
        problems += role_problems
        jobs.append(job)
    if problems:
        raise InputError("The work history was not changed: " + " ".join(problems))
    sources = _sources(resume.experience, [role for _, role in rows])
    for job, bullets in zip(jobs, _bullets_for(resume.experience, sources), strict=True):
        job.bullets = bullets
    confidence = dict(resume.confidence) | {"experience": CONFIRMED, "years": CONFIRMED}
    return resume.model_copy(update={
        "experience": jobs, "years_experience": years_of_experience(jobs), "confidence": confidence,
        "reading_problems": [], "set_aside": [], "confirmed_by_user": True,
    })


def _job_of(role: ConfirmedRole, number: int) -> tuple[Job, list[str]]:
    """The `Job` a row states, and what is wrong with the row (each problem names it: "Role 2 (...)")."""
    problems: list[str] = []
    title, company = _clean(role.title), _clean(role.company)
    name = f"Role {number}" + (f" ({(title or company)[:40]})" if title or company else "")
    for label, value in (("title", title), ("employer", company)):
        if len(value) > MAX_FIELD_CHARS:
            problems.append(f"{name}: the {label} is longer than {MAX_FIELD_CHARS} characters.")
        elif suspicious_reasons(value):
            problems.append(f"{name}: the {label} reads like an instruction to a model, not a {label}.")
    if not title and not company:
        problems.append(f"{name}: give a title or an employer.")
    start, start_problem = _date(role.start, is_end=False)
    end, end_problem = _date(role.end, is_end=True) if role.end.strip() else ("Present", None)
    problems += [f"{name}: {p}" for p in (start_problem, end_problem) if p]
    if not role.start.strip():
        problems.append(f"{name}: give the start date (a year is enough).")
    if start and end and start != "Present" and end != "Present" and end < start:
        problems.append(f"{name}: it ends ({role.end.strip()}) before it starts ({role.start.strip()}).")
    if start == "Present":
        problems.append(f"{name}: the start date should be a month or a year, not '{role.start.strip()}'.")
    months = months_in_role(start, end) if start and end and not problems else None
    # A year typed alone is a year, as on a resume: the export shows "2019", not the reader's "Jan 2019".
    year_only = any(_BARE_YEAR.fullmatch(_clean(text)) for text in (role.start, role.end))
    return Job(title=title or None, company=company or None, start=start, end=end, months=months,
               month_stated=not year_only), problems


def _date(text: str, *, is_end: bool) -> tuple[str | None, str | None]:
    """("YYYY-MM" or "Present", None), or (None, what is wrong). Stricter than the reader, which must guess:
    a form can ask again, so "2019-2020" in one box or a 13th month is an error, not a guess."""
    text = _clean(text)
    if not text:
        return None, None
    if len(_YEAR.findall(text)) > 1:
        return None, f"'{text[:30]}' holds more than one date; put the start and the end in their own boxes."
    numeric = _NUMERIC_MONTH.fullmatch(text)
    if numeric and not 1 <= int(numeric.group(1) or numeric.group(4)) <= 12:
        return None, f"'{text}' has no month {int(numeric.group(1) or numeric.group(4))}."
    value = date_text(text, is_end=is_end)
    if value is None or (value != "Present" and not _YEAR.search(text)):
        return None, f"'{text[:30]}' is not a date we can read; write it as 2019, 03/2019 or Mar 2019."
    if value != "Present" and value > this_month():
        return None, f"'{text}' is in the future."
    return value, None


def _sources(read: list[Job], roles: list[ConfirmedRole]) -> list[int | None]:
    """The read role each confirmed role continues: its `source` when given, else the first read role with the same
    title and employer that no other row took (a saved review's roles carry no index)."""
    valid = [role.source if role.source is not None and 0 <= role.source < len(read) else None for role in roles]
    taken = {source for source in valid if source is not None}
    result: list[int | None] = []
    for role, source in zip(roles, valid, strict=True):
        if source is None:
            key = (_clean(role.title).casefold(), _clean(role.company).casefold())
            source = next((i for i, job in enumerate(read) if i not in taken
                           and ((job.title or "").casefold(), (job.company or "").casefold()) == key), None)
            if source is not None:
                taken.add(source)
        result.append(source)
    return result


def _bullets_for(read: list[Job], sources: list[int | None]) -> list[list[Line]]:
    """Each confirmed role's bullets: those of the read role it points at; a read role nobody points at gives its
    bullets to the nearest kept role before it (or after it, when none is before)."""
    kept = sorted({s for s in sources if s is not None})
    owner: dict[int, int] = {}  # read role index -> the read role index whose confirmed role takes its bullets
    for i in range(len(read)):
        before = [k for k in kept if k <= i]
        after = [k for k in kept if k > i]
        if before or after:
            owner[i] = before[-1] if before else after[0]
    first_row = {s: row for row, s in reversed(list(enumerate(sources))) if s is not None}
    result: list[list[Line]] = [[] for _ in sources]
    for i, job in enumerate(read):
        if i in owner:
            result[first_row[owner[i]]].extend(job.bullets)
    return result


def _clean(text: str) -> str:
    return " ".join(strip_invisible(text or "").split())
