"""Tidy the list of roles read from a work history: what is not a role, what is one role read twice, what
belongs to the role around it, and which field is really the employer.

Each rule here looks at the roles side by side (their titles, employers and dates), not at the page: roles at one
employer on the same dates, assignments and client placements nested in their role, memberships and roles held
beside a career set aside, an ongoing role's open end, places and bracketed names taken out of employers.
"""

from __future__ import annotations

import re

from assistant.resume.dates import current_month, months_between
from assistant.resume.entry_fields import employment_type_only, header_fields, place_only
from assistant.resume.models import Contact, Job, Line, SetAside
from assistant.resume.places import known_region
from assistant.resume.vocabulary import BULLET, DEGREE, INSTITUTION, LEGAL_SUFFIX, RANGE, TITLE_WORDS
from assistant.text.quantities import YEAR_MONTH_RE


def ongoing_latest_role(jobs: list[Job]) -> list[Job]:
    """A history listed newest first whose first role shows only its start ("Northwind Analytics | Director  Apr
    2020", the roles under it with ranges that end before it began): that role runs on to today, as a reader takes
    it. (Counted as a single month, the candidate's years of full-time work came out six short.)"""
    first = jobs[0] if jobs else None
    if first is None or len(jobs) < 2 or first.end is not None or not first.start or not YEAR_MONTH_RE.fullmatch(
            first.start):
        return jobs
    ends = [job.end for job in jobs[1:]]
    if not all(end and YEAR_MONTH_RE.fullmatch(end) for end in ends) or max(e for e in ends if e) > first.start:
        return jobs
    start = (int(first.start[:4]), int(first.start[5:]))
    return [first.model_copy(update={"end": "Present", "months": months_between(start, current_month())}), *jobs[1:]]


def open_timeline_ends(jobs: list[Job]) -> list[Job]:
    """On a timeline, a bar with no end year runs on to today: an entry with only its start year, starting no
    earlier than every other entry ended, is the ongoing one (a one-year entry among older ones is not)."""
    ends = [int(j.end[:4]) for j in jobs if j.end and j.end[:4].isdigit()]
    # The newest entry with no end year runs on too, even beside an older bar that ended later (a side job that
    # ran 2009-2014 beside the 2013 post).
    newest = max((int(j.start[:4]) for j in jobs if j.start and j.start[:4].isdigit()), default=None)
    out = []
    for job in jobs:
        if job.end is None and job.start and job.start[:4].isdigit() and (
                ends and int(job.start[:4]) >= max(ends) or int(job.start[:4]) == newest):
            start_y, start_m = map(int, job.start.split("-"))
            job = job.model_copy(update={"end": "Present", "months": months_between((start_y, start_m), current_month())})
        out.append(job)
    return out


def distinct_roles(jobs: list[Job]) -> list[Job]:
    """A role printed twice (a page exported twice, a template that prints the work history in a summary and in
    full) is one role: the same title, employer and dates again add its new bullets to the first, not a role."""
    out: list[Job] = []
    for job in jobs:
        key = (job.title, job.company, job.start, job.end)
        first = next((k for k, kept in enumerate(out) if (kept.title, kept.company, kept.start, kept.end) == key
                      and job.start and (job.title or job.company)), None)
        if first is None:
            out.append(job)
            continue
        known = {bullet.text for bullet in out[first].bullets}
        out[first] = out[first].model_copy(update={"bullets": [
            *out[first].bullets, *(bullet for bullet in job.bullets if bullet.text not in known)]})
    return out


def same_employer(jobs: list[Job], inline: set[tuple[str | None, str | None, str | None]]) -> list[Job]:
    """Roles listed under one employer ("Government Digital Service" over "Lead Developer", "Senior Developer",
    "Developer", each dated) are that employer's successive roles: a dated role with a title and no employer of
    its own belongs to the employer above it, as a reader takes it.

    Only an employer that heads its roles, though: one named on its own role's dated line ("fastlane Lead at Twitter
    Sep 2015 - Feb 2017", keys in `inline`) is that role's alone, and the next line ("Independent iOS Projects Apr
    2019 - Apr 2022") is a role of its own, not another one at Twitter, unless its own line names that employer too
    ("Senior Manager, Applied Science, Tidewater Analytics", the name read into the title). Its employer is
    otherwise left unknown rather than guessed. (An employer on a line under its title is lent: "SENIOR DIRECTOR, AI
    PLATFORM" / "Quantrell Systems" / "DIRECTOR, ML INFRASTRUCTURE" is a promotion there; leaving it unlent cost
    five generated files' promotions when tried.)"""
    out: list[Job] = []
    for job in jobs:
        if job.company is None and job.title and out and out[-1].company and (
                (out[-1].title, out[-1].company, out[-1].start) not in inline
                or out[-1].company in (part.strip() for part in job.title.split(","))):
            job = job.model_copy(update={"company": out[-1].company, "location": job.location or out[-1].location})
        out.append(job)
    return out


# Dated entries that sit among jobs but are not employment (the labelled corpus's conventions, and a recruiter's):
# teaching or tutoring while studying ("Research and Teaching Assistant" is research work, and stays), personal or
# side projects.
_PERSONAL_PROJECT = (
    r"\b(?:personal|side|independent|hobby) projects?\b"
    r"|\b(?:proyecto personal|projet personnel|projeto pessoal|pers[öo]nliches projekt|privates projekt)\b"
    # A timeline's "Started 1 project" over the project's name (GitHub-profile themes, beside "Joined Kotn").
    r"|^started\s+(?:\d+|an?)\s+projects?\b")
_NOT_EMPLOYMENT = re.compile(
    r"(?P<tutoring>^(?:graduate |undergraduate |head |student )?(?:teaching assistant|teaching fellow)\b"
    r"|^(?:[\w-]+ ){0,4}tutors?\b)"  # "Tutor", "Calculus I and II Tutor"
    # A teaching post listed among jobs (the labelled corpus's convention, as for tutoring): a teacher or an
    # instructor in any language, a "profesor de programación" (Spanish and Portuguese "teacher of") -- not an
    # academic's rank ("Assistant Professor", "Professor of Computer Science"), which is a post.
    r"|(?P<teaching>^(?:[\w-]+ ){0,3}(?:teacher|instructor)s?\b|^(?:insegnante|docente|enseignante?"
    r"|format(?:eur|rice)|lehrer(?:in)?|dozent(?:in)?|instrutora?|instructora|instructeur|instructrice"
    r"|ausbilder(?:in)?)\b|^(?:profesora?|professora?) de\b"
    r"|^professeure? d(?:e |['’])(?!s? universit))"
    # Degree work listed among roles ("Doctoral Research  UNM, 8/01-8/04", "PhD candidate", "Doctorant",
    # "Doktorandin": the degree, by the corpus's convention); a "PhD Researcher" is a post.
    r"|(?P<studies>^(?:doctoral|ph\.?\s?d\.?) (?:research|studies|thesis|candidate|student)\b(?!er)"
    r"|^(?:doctorant|doktorand|doctorand|dottorand)[a-z]*\b"
    # A degree finished, dated on a timeline among the roles ("Finished 1 degree at Technion", "Graduated from
    # McGill University"): studies, whatever the school's name reads like.
    r"|^(?:finished|completed|earned|obtained)\s+(?:\d+\s+|an?\s+|the\s+|my\s+)?degrees?\b|^graduated\s+(?:from|in)\b)"
    # A talk given or an event attended, dated among roles ("Keynote Speaker, Example Summit", "Participant,
    # Robotics Workshop"): an appearance, not a post.
    r"|(?P<appearance>^(?:keynote |guest |invited |plenary |panel )?speaker\b|^panell?ist\b"
    r"|^(?:participant|attendee)\b)"
    rf"|(?P<project>{_PERSONAL_PROJECT})",
    re.IGNORECASE,
)
# What each kind of entry is called when the review says it was not counted.
_NOT_EMPLOYMENT_KINDS = {"tutoring": "teaching or tutoring while studying", "teaching": "a teaching post",
                         "studies": "studies", "appearance": "a talk or an event", "project": "a personal project"}
# "IEEE Member since 1995": a membership held since a year, not a role.
MEMBERSHIP = re.compile(r"\bmember\s*$", re.IGNORECASE)

# Roles held beside a career, dated among its jobs: guest lecturing and volunteering (in the languages headings are
# read in). Not jobs where the career is there to count; where they are most of what is listed (a student's or a
# career changer's resume), they are the experience the person has, and stay.
BESIDE_A_CAREER = re.compile(
    r"\b(?:guest|visiting) lecturer\b|\bvolunteer(?:ing)?\b|\bvolunt[áa]ri[oa]\b|\bb[ée]n[ée]vole\b|\behrenamt",
    re.IGNORECASE,
)


def not_a_role(title: str | None, dated_line: str, company: str | None = None) -> str | None:
    """Why an entry is not a job to count, or None when it is one: a degree listed among jobs ("University of
    Texas - B.S. in Computer Science 1988 - 1992": a degree and a school, no job title), or a teaching-assistant,
    teaching, talk or personal-project entry (said in the title's place or the employer's, "Personal project: Bus
    Tracker" over "Open source  2022")."""
    if found := _NOT_EMPLOYMENT.search(title or ""):
        return _NOT_EMPLOYMENT_KINDS[found.lastgroup or "project"]
    if re.search(_PERSONAL_PROJECT, company or "", re.IGNORECASE):
        return _NOT_EMPLOYMENT_KINDS["project"]
    if DEGREE.search(dated_line) and INSTITUTION.search(dated_line) and not TITLE_WORDS.search(
            INSTITUTION.sub("", dated_line)):
        return "studies"
    return None


# A society joined, dated like a post ("Member of Royal Meteorological Society  2010 - present", "Charter member,
# LOPSA") -- unlike a member of technical staff or of a board.
_MEMBERSHIP_TITLE = re.compile(
    r"^(?:(?:charter|life|student|associate|full|senior|fellow) )?member\b"
    r"(?![\s,]+(?:of\s+)?(?:the\s+)?(?:(?:technical|research|scientific|professional|engineering)\s+)?(?:staff|board))",
    re.IGNORECASE)


def without_memberships(jobs: list[Job], set_aside: list[SetAside]) -> list[Job]:
    """A work history's roles less the societies joined that are dated among them: a membership is not a post.
    (Where there is no work history, a student's "Member" of a campus club is their experience, and is kept.)
    Each one left out is added to `set_aside`."""
    for job in jobs:
        if _MEMBERSHIP_TITLE.search(job.title or ""):
            years = " – ".join(part if part == "Present" else part[:4] for part in (job.start, job.end) if part)
            set_aside.append(SetAside(entry=", ".join(part for part in (job.title, job.company, years) if part),
                                      reason="a membership"))
    return [job for job in jobs if not _MEMBERSHIP_TITLE.search(job.title or "")]


# "Client: Dune Energy, 2022 – Present", "Projekt: ...": a dated line labelled as an assignment is a part of the
# role around it, as a bulleted one is (`nest_roles`), never a role of its own.
ASSIGNMENT = re.compile(
    r"\s*(?:client|customer|project|engagement|assignment|kunde|auftraggeber|projekt|cliente|proyecto|projeto"
    r"|projet|mission|progetto|opdrachtgever|klant)\s*:", re.IGNORECASE)


def nest_roles(
    jobs: list[Job], spans: list[tuple[bool, tuple[int, int] | None, tuple[int, int] | None, Line]]
) -> list[Job]:
    """Bulleted (or "Client:"-labelled) dated entries inside an unbulleted entry's range are its parts. When one of them repeats the outer
    title, the outer entry is a tenure at one employer and the parts are its successive roles (promotions: keep
    the parts, give them the employer). Otherwise the parts are assignments or projects within one role (keep the
    outer role, its parts become its bullets), so client projects do not inflate the job count."""
    out: list[Job] = []
    i = 0
    while i < len(jobs):
        outer, (bulleted, start, end, _) = jobs[i], spans[i]
        parts: list[int] = []
        k = i + 1
        while (not bulleted and start and end and k < len(jobs) and spans[k][0]
               and (inner_start := spans[k][1]) and (inner_end := spans[k][2])
               and start <= inner_start and inner_end <= end):
            parts.append(k)
            k += 1
        if not parts:
            out.append(outer)
            i += 1
            continue
        outer_title = (outer.title or "").casefold()
        # An outer entry that names no title ("Google, New York, NY — 2014 – 2024") over parts that each do
        # ("Staff Engineer, Ads ML (2017 – 2020): ...") is a tenure too: the parts are its roles.
        employer_only = not TITLE_WORDS.search(outer.title or "") and not TITLE_WORDS.search(outer.company or "") \
            and all(TITLE_WORDS.search(jobs[k].title or "") for k in parts)
        if (outer_title and any((jobs[k].title or "").casefold() == outer_title for k in parts)) or employer_only:
            employer = outer.company or (outer.title if employer_only else None)
            for k in parts:
                role = jobs[k]
                update: dict[str, object] = {
                    "company": role.company or employer, "location": role.location or outer.location,
                    "bullets": role.bullets or ([] if k != parts[0] else outer.bullets)}
                if employer_only:
                    # Under the tenure's employer, "Staff Engineer, Ads ML" is one title (its team after the
                    # comma), and what the part's line says after its dates is what the role did.
                    update["title"] = ", ".join(f for f in (role.title, role.company) if f) or None
                    update["company"] = employer
                    line = spans[k][3]
                    dated = RANGE.search(line.text)
                    tail = line.text[dated.end():].lstrip(" )]:–—-").strip() if dated else ""
                    if len(tail.split()) >= 3:
                        update["bullets"] = [Line(number=line.number, text=tail), *role.bullets]
                out.append(role.model_copy(update=update))
        else:
            bullets = list(outer.bullets)
            for k in parts:
                bullets += [spans[k][3], *jobs[k].bullets]
            out.append(outer.model_copy(update={"bullets": bullets}))
        i = parts[-1] + 1
    return out


# An employer written with its place after it, as one field: "Vellore Santé, Paris"; or an employer in capitals
# with the city after it in ordinary case, where a tab stop's gap was all that kept them apart ("NORDWERK
# LOGISTIK AG Hamburg").
_PLACE_WORDS = r"[A-ZÀ-Ý][\w'’.-]*(?: [A-ZÀ-Ý][\w'’.-]*){0,2}"
_COMMA_PLACE = re.compile(rf"^(?P<employer>.+?),\s*(?P<place>{_PLACE_WORDS})$")
_CAPS_PLACE = re.compile(
    r"^(?P<employer>[^a-z]*[A-Z][^a-z]*[A-Z]) (?P<place>[A-ZÀ-Ý][a-zà-ÿ'’.-]+(?: [A-ZÀ-Ý][a-zà-ÿ'’.-]+){0,2})$")


def places_after_employers(jobs: list[Job], contact: Contact) -> list[Job]:
    """Take the place off employers that carry it, when the resume does so consistently: most of its employers
    (at least three) end the same way, and one of those places is where the candidate lives, a place known
    elsewhere, a place that recurs, or the resume's other employers had theirs taken off as known cities. A single
    "Foo, Bar" is left alone: it may be the employer's own name."""
    if len(jobs) < 3:
        return jobs
    home = (contact.location or "").split(",")[0].strip().lower()
    for pattern in (_COMMA_PLACE, _CAPS_PLACE):
        # A role whose place was read already has none left in its employer ("GE Digital" at "New Orleans, LA").
        found = [None if job.location else pattern.match(job.company or "") for job in jobs]
        places = [m.group("place") for m in found if m]
        # Employers whose place already came off (a city GeoNames knows) are employers written the same way.
        located = sum(1 for job, m in zip(jobs, found, strict=True) if not m and job.location)
        if not places or len(places) + located < max(3, 0.75 * len(jobs)) or any(
                LEGAL_SUFFIX.fullmatch(p + ".") or LEGAL_SUFFIX.fullmatch(p) or TITLE_WORDS.search(p)
                for p in places):
            continue
        # (A place recurs when two different employers share it; one employer's promotions repeat it anyway.)
        pairs = {(m.group("employer").strip().lower(), m.group("place").lower()) for m in found if m}
        known = any(p.lower() == home or known_region(p) for p in places) or len({p for _, p in pairs}) < len(
            pairs) or located > 0
        if not known:
            continue
        return [job.model_copy(update={"company": m.group("employer").strip(), "location": job.location or m.group(
            "place")}) if m else job for job, m in zip(jobs, found, strict=True)]
    return jobs


# "Senior Data Scientist (Acme Corp)": a title with a bracketed name after it.
_BRACKETED_NAME = re.compile(r"(?P<title>.+?)\s*\((?P<name>[^()\d]+)\)\s*")


def bracketed_employers(jobs: list[Job]) -> list[Job]:
    """ "Senior Data Scientist (Acme Corp)", "Data Scientist (Beta Systems)": where two or more roles with no
    employer each give a title followed by a bracketed name -- no title word, no place, not how the role was held
    ("(Contract)") -- the brackets are this work history's way of naming the employer. One such role alone is as
    likely a title's specialty ("(Search)") and is left whole."""
    def split(job: Job) -> tuple[str, str] | None:
        match = _BRACKETED_NAME.fullmatch(job.title or "") if job.company is None else None
        if match is None:
            return None
        title, name = match["title"].strip(" ,–—-"), match["name"].strip()
        if not (TITLE_WORDS.search(title) and name[:1].isupper() and len(name.split()) <= 6
                and not TITLE_WORDS.search(name) and not employment_type_only(f"({name})") and not place_only(name)):
            return None
        return title, name

    splits = [split(job) for job in jobs]
    if sum(s is not None for s in splits) < 2:
        return jobs
    return [job.model_copy(update={"title": s[0], "company": s[1]}) if s else job
            for job, s in zip(jobs, splits, strict=True)]


def recurring_fields_are_no_employer(jobs: list[Job], experience_lines: list[Line]) -> list[Job]:
    """An "employer" that the work history's dated header lines repeat as a field more often than roles claim it is
    a place or a team set beside each title ("Engineering Manager • San Francisco • Mar 2016 – Jan 2018", under the
    employer's name given once above two roles). Taken for the employer of a role that has its employer's line
    above the role before it, a promotion; that role keeps the employer of the role before it, and the field is
    its place."""
    if len(jobs) < 2:
        return jobs
    headers = [{f.lower() for f in header_fields(line.text)}
               for line in experience_lines if RANGE.search(line.text) and BULLET.match(line.text) is None]
    out = list(jobs)
    for k in range(1, len(out)):
        company = (out[k].company or "").strip().lower()
        if not company or not out[k - 1].company:
            continue
        repeated = sum(company in fields for fields in headers)
        claimed = sum((job.company or "").strip().lower() == company for job in out)
        if repeated >= 2 and repeated > claimed:
            out[k] = out[k].model_copy(update={"company": out[k - 1].company,
                                               "location": out[k].location or out[k].company})
    return out
