"""Turn normalised resume text into a structured `Resume`: contact, sections, jobs, education, skills, years.

Resumes come from many producers and layouts (LaTeX, Word, Typst, Chromium; one column, two columns, sidebars),
so the parser relies on what survives every layout: section headings (matched against synonyms, spacing
ignored because some producers drop spaces), date ranges (each one anchors a job), bullet glyphs, and a few
words that mark a job title, a degree or an institution. Every derived item keeps its source line numbers.

Each concern has its module: those words and shapes in `vocabulary.py`, the contact block (name, e-mail, phone)
in `contact.py`, what makes a line a heading in `headings.py`, where the sections are in `sections.py`, the roles
of a work history in `entries.py` (found by their dates on lines `entry_joins.py` has joined, their header fields
split by `entry_fields.py`, tidied as a list by `role_cleanup.py`), dates and the time they add up to in `dates.py`. This module puts the `Resume`
together: it decides which spans hold the work history (an unnamed one, roles run on beside another section, a
last-resort reading of roles anywhere), reads education, skills and years, and says how sure the reading is
(`_confidence`, `_signs_of_misreading`), so a review never presents a misreading as fact.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.resume.contact import read_contact, typeset_name
from assistant.resume.dates import earliest_start_year, years_of_experience
from assistant.resume.entries import join_bullets, line_measure, read_roles
from assistant.resume.entry_fields import header_fields, sentence_like, strip_location, titles_read_as_names
from assistant.resume.entry_lines import (
    claimable_header,
    date_only,
    description_line,
    has_dates,
    is_bullet,
    reads_as_prose,
)
from assistant.resume.headings import Typography, contact_heading, keyword_kind, kinds_named, lexicon_kind
from assistant.resume.models import (
    Contact,
    Education,
    ExtractedText,
    Job,
    Line,
    Resume,
    Section,
    SectionName,
    SetAside,
)
from assistant.resume.role_cleanup import (
    bracketed_employers,
    places_after_employers,
    recurring_fields_are_no_employer,
    without_memberships,
)
from assistant.resume.sections import (
    Span,
    in_left_margin,
    join_broken_headings,
    read_sections,
    split_glued_heading,
    split_margin_headings,
    unheaded_summary,
)
from assistant.resume.vocabulary import (
    BULLET,
    DEGREE,
    FURNITURE,
    INSTITUTION,
    MONTH,
    MONTH_YEAR_GAP,
    OPEN_FIRST,
    RANGE,
    SINGLE_DATE,
    SKILL_SPLIT,
    TITLE_WORDS,
    YEAR,
    remembering,
)
from assistant.text.plural import count_of

if TYPE_CHECKING:
    from assistant.knowledge.embeddings import Embedder

# --- education, skills, years ----------------------------------------------------------------------------------


def _education(lines: list[Line]) -> list[Education]:
    entries: list[Education] = []
    for index, line in enumerate(lines):
        text = BULLET.sub("", line.text)
        if not DEGREE.search(text) or len(text) > 160:
            continue
        nearby = [lines[j] for j in (index - 1, index + 1, index - 2) if 0 <= j < len(lines)]
        institution = None
        if INSTITUTION.search(text):
            institution = None  # degree and school on one line: keep the line as the degree
        else:
            near = next((n for n in nearby if INSTITUTION.search(n.text) and not DEGREE.search(n.text)), None)
            if near:
                near_fields = header_fields(SINGLE_DATE.sub("", RANGE.sub("", BULLET.sub("", near.text))))
                institution = strip_location(near_fields[0])[0] if near_fields else None
        years = YEAR.findall(text) or [y for n in nearby for y in YEAR.findall(n.text)]
        # "Master of Science - MS, Statistics · (2008 - 2010)": the brackets and the dot went with the dates.
        degree = re.sub(r"[\s·•|,]*[(\[]\s*[)\]]", "", RANGE.sub("", text)).strip(" |,·•")
        entries.append(
            Education(degree=degree or text, institution=institution, year=years[-1] if years else None,
                      source_line=line.number)
        )
    return entries


def _skills(lines: list[Line]) -> list[str]:
    skills: list[str] = []
    for line in lines:
        text = BULLET.sub("", line.text)
        if ":" in text:
            text = text.split(":", 1)[1]
        text = re.sub(r"[()]", ",", text)  # "Cloud (AWS, GCP)" lists three skills
        for item in SKILL_SPLIT.split(text):
            item = item.strip(" .()")
            if 1 < len(item) <= 40 and len(item.split()) <= 5 and item.lower() not in (s.lower() for s in skills):
                skills.append(item)
    return skills[:80]


def bullets_between(resume: Resume, first: int, stop: int | None) -> list[Line]:
    """The bullets on the resume's lines after line `first` and before line `stop` (numbers as in `Line`)."""
    lines = [line for line in resume.lines if line.number > first and (stop is None or line.number < stop)]
    return join_bullets(lines, line_measure(resume.lines))


# Sections whose date ranges are never roles (a degree, a paper, a certificate).
_NOT_ROLES: set[SectionName] = {
    "education", "publications", "certifications", "awards", "skills", "languages", "interests", "references",
    "projects",
}


def _confidence(
    contact: Contact, spans: list[Span], jobs: list[Job], source: str, dated_lines: int, typeset: bool
) -> tuple[dict[str, float], list[str]]:
    """How sure the reading is, per field (0..1), and what went wrong in words a user can act on.

    Confidence comes from how a field was found, not from a model: a name set as the page's largest line or in
    the header, an Experience heading matched exactly, roles whose dates parsed and that have both a title and
    an employer. Experience read from outside any experience heading, or no roles despite dated lines, is low.
    A PDF's reading is also checked against a second reading of its plain text (`readings_disagree`).
    """
    problems: list[str] = []
    confidence: dict[str, float] = {
        "name": 0.0 if contact.name is None else (0.9 if typeset else 0.7),
        "email": 1.0 if contact.email else 0.0,
        "sections": 0.9 if spans else 0.2,
    }
    if not spans:
        problems.append("no section headings could be recognised")
    if jobs:
        complete = sum(1 for j in jobs if j.title and j.company and j.start and re.match(r"\d{4}-\d{2}", j.start))
        share = complete / len(jobs)
        base = {"experience": 0.9, "unnamed": 0.6, "roles": 0.7, "anywhere": 0.35, "partly run on": 0.35}.get(
            source, 0.5)
        confidence["experience"] = round(base * (0.6 + 0.4 * share), 2)
        if source == "anywhere":
            problems.append("roles were read from outside any recognisable experience heading")
        if source == "partly run on":
            problems.append("some roles were read from outside the work-history section (a heading over them may "
                            "not have been recognised)")
        if source == "unnamed":
            problems.append("the work history's heading was not recognised; roles were read from the section "
                            "with the most dated entries")
    elif dated_lines >= 2:
        confidence["experience"] = 0.1
        problems.append(f"{dated_lines} dated lines were found but no role could be read from them")
    else:
        # No role read at all. For a resume reviewed against a director's template that is a misreading far more
        # often than the truth, and presenting it as sure would score the candidate as having no experience. So it
        # is never sure: the review says what it found and how to fix the file, and gives no fit score.
        confidence["experience"] = 0.3
        if any(s.name == "experience" for s in spans):
            problems.append("an experience section was found but no dated role in it could be read")
        else:
            problems.append("no work history with dated roles could be found")
    confidence["years"] = confidence["experience"] if jobs else 0.0
    return confidence, problems


# What joins one role's periods in a list ("Jun 2007 – Feb 2009, Sep 2011 – Aug 2012"): a comma, "and", "&".
_RANGE_LIST_JOIN = re.compile(r"\s*(?:[,;&+]|and|und|et|y|e)\s*", re.IGNORECASE)


def _ranges_side_by_side(text: str) -> bool:
    """Does the line hold two date ranges with other text between them, as entries set side by side and read
    across do? Ranges listed one after another are one role's periods (a person who left and came back)."""
    if RANGE.search(text) is None:
        return False  # (remembered, and "no" at once for a line without a digit: most lines hold no range)
    ranges = list(RANGE.finditer(text))
    return any(not _RANGE_LIST_JOIN.fullmatch(text[a.end():b.start()]) for a, b in itertools.pairwise(ranges))


# A date in a header field: a month and its year, or a year run into a word ("MAR 2013System"), left unread. A
# year alone is a name's part as often ("Google Summer of Code 2015", "Windows 2000 Administrator").
_DATE_IN_A_FIELD = re.compile(rf"(?<![^\W\d_]){MONTH}{MONTH_YEAR_GAP}(?:19|20)\d\d|(?<!\d)(?:19|20)\d\d(?=[^\W\d_])",
                              re.IGNORECASE)

# A month alone in a title or employer ("Mar", "Aug."): the end of a range cut off from its year.
_MONTH_ALONE = re.compile(rf"\s*{MONTH}\.?\s*", re.IGNORECASE)

# The share of roles whose titles read as names (`titles_read_as_names`) at which the reading is unsure.
_TITLES_READ_AS_NAMES = 0.4

# Below "low" in review.parse_report: a reading that shows a sign of misreading is presented as provisional.
_SIGN_OF_MISREADING = 0.35


def readings_disagree(by_layout: list[Job], by_text: list[Job], second: str = "its plain text") -> str | None:
    """Do two readings of one file tell different work histories? Then say how, in words a user can check.

    Why a second reading: the reader's layout rules (columns, typography, headings set apart) were tuned on the
    resumes we could label, and on real files it has never seen it misreads a work history about as often as it
    reads it right -- without knowing it. Reading the same text again without the typography (the plain text order,
    the rules that need no layout) rests on different evidence. Where the two agree, the reading is usually right;
    where they tell a different number of roles (by more than one) or a different first year (by more than two),
    at least one of them misread, and we cannot tell which, so the review is marked provisional rather than
    presented as sure. On the tuning sources (labelled tuning half, generated sets, public-tune) the two disagreed
    on 3 of the 9 misread files and on 5 of the 271 read right. With an LLM configured, the model's verified reading
    is a second reading too (`second` names it in the message; `assistant.resume.llm_extract`).
    """
    first, other_first = earliest_start_year(by_layout), earliest_start_year(by_text)
    roles_differ = abs(len(by_layout) - len(by_text)) > 1
    years_differ = first != other_first and (first is None or other_first is None or abs(first - other_first) > 2)
    if not by_layout or not (roles_differ or years_differ):
        return None

    def told(jobs: list[Job], year: int | None) -> str:
        return count_of(len(jobs), "role") + (f" from {year}" if year else "")

    return (f"two readings of the file disagree ({told(by_layout, first)} by its layout, "
            f"{told(by_text, other_first)} by {second}): check the roles listed below")


def _signs_of_misreading(jobs: list[Job], source: str, spans: list[Span], experience_lines: list[Line],
                         typography: Typography | None, read_plain: Callable[[], Resume]) -> list[str]:
    """What suggests the work history was misread, in words a user can check; any one makes the reading unsure.

    Each sign was chosen on the tuning sources (counts below) and then held up on real resumes the reader had never
    seen (docs/benchmarks.md, issue 10's fourth stop): the reader cannot know when its rules misfire, but these
    shapes are rare in a reading that is right.
    """
    if not jobs:
        return []  # no roles read: `_confidence` says so already
    signs = []
    if any(_ranges_side_by_side(line.text) for line in experience_lines if not is_bullet(line)):
        # Several date ranges on one line of the work history: entries set side by side (a grid, columns) were
        # read across. On the tuning sources 3 of 9 misread files had such a line, and none of 271 read right.
        signs.append("a line of the work history holds several date ranges: entries set side by side may have "
                     "been read across, so check the roles listed below")
    if len(jobs) == 1 and source != "anywhere" and typography is not None:
        # One role is rare on a resume for this role and common when a reader misses the rest of a PDF's (a date
        # column it could not pair, entries under a heading it did not know): of 311 tuning PDFs, every one read
        # with a single role (5) was misread. Pasted text has no layout to misread, so it is taken as written.
        signs.append("only one role was read: if your resume lists more, the reader missed them")
    stray = next((s for s in spans if s.name in _DATELESS and sum(
        bool(RANGE.search(line.text) or SINGLE_DATE.search(line.text)) for line in s.lines) >= 2), None)
    if source != "anywhere" and stray is not None:
        # Dated lines under a kind that never carries dates (Interests, Skills): entries ran on under it from a
        # missed heading, so roles may be missing. On the tuning sources: 5 of 19 misread files, none of 292 read
        # right.
        signs.append(f"dated entries were found under \"{stray.heading}\": a heading may have been missed, so "
                     "some roles may be missing")
    kept = {(job.title, job.start) for job in jobs}
    elsewhere = next((s for s in spans if s.name not in _HOLD_ROLES and len([
        role for role in _run_on_roles([s.lines], typography, None) if (role.title, role.start) not in kept]) >= 2),
        None)
    if source != "anywhere" and elsewhere is not None:
        # Two roles or more, dated and named by job titles, under a heading of another kind ("Talks", after a
        # two-column page's sidebar, pasted): the work history went on there, and its roles were not read.
        signs.append(f"roles were found under \"{elsewhere.heading}\" and not read as part of the work history: "
                     "some roles may be missing, so check the roles listed below")
    prose = next((j.company for j in jobs if j.company and (
        reads_as_prose(j.company) or (_in_lower_case(j.company) and _in_lower_case(j.title or "") is False))), None)
    if prose is not None:
        # An employer that reads as a sentence is a line of some entry's body taken for a header (a German CV's
        # last bullet, "Verantwortung für ein Budget von 2,4 Mio. EUR", became the next role's employer). On the
        # tuning sources (253 files) it never occurred, in files read right or misread; kept for layouts not seen.
        signs.append(f"\"{prose[:60]}\" was read as an employer but reads like a sentence: check the roles below")
    dated = next((f for j in jobs for f in (j.title, j.company) if f and (
        _DATE_IN_A_FIELD.search(f) or _MONTH_ALONE.fullmatch(f))), None)
    if dated is not None:
        # A date left inside a title or an employer ("TO: MAR 2013System Development Analyst I") is one the reader
        # did not take as a date, so the role's dates, and maybe the roles around it, were misread. On the tuning
        # sources (325 files) it occurred in two readings: one misread and shown as sure, one already provisional
        # (dates read as titles); in none read right.
        signs.append(f"\"{dated[:60]}\" was read as a title or an employer but holds a date: some dates may not "
                     "have been read as dates, so check the roles below")
    capitalised = sum(1 for j in jobs if j.title and j.title[:1].isupper())
    described = next((j.title for j in jobs if j.title and j.title[:1].islower() and description_line(j.title)
                      and 2 * capitalised >= len(jobs)), None)
    if described is not None:
        # A title that reads as a line of description, in lower case where the other titles are capitalised
        # ("desarrollo de proyectos tanto personales"): the words beside a date column were a description's, so the
        # role's title is elsewhere. (A sentence-case title in French or Spanish, "Stage de fin d'études", is none.)
        signs.append(f"\"{described[:60]}\" was read as a title but reads like a sentence: check the roles below")
    named = titles_read_as_names([j.title for j in jobs if j.title])
    untitled = sum(1 for j in jobs if not j.title)
    if len(named) + untitled >= 2 and len(named) + untitled >= _TITLES_READ_AS_NAMES * len(jobs):
        # Roles with no title a reader would call one -- titles that read as organisations or projects ("TEK
        # Systems", "Double-Take Software"), or none at all -- were read from the wrong lines: the employer's line
        # split in two while the title sat elsewhere, projects taken for jobs, or a table whose columns came out
        # one after another (dates, then employers, then titles). Asked of the learned title scorer, which reads
        # fields, not layouts. On the tuning sources (340 files) it marks 9 readings: 8 misread in their fields (job
        # count, years, latest title or most employers; 6 already marked when only titles read as names counted,
        # the two new ones shown as sure before) and one right in count, dates and employers whose titles were
        # half missing -- gaps a user sees too.
        shown = ", ".join(f'"{t[:40]}"' for t in named[:3])
        signs.append(f"{len(named) + untitled} of the {len(jobs)} roles have no title that reads as one"
                     + (f" ({shown} read like names of organisations or projects)" if named else "")
                     + ": titles and employers may have been read from the wrong lines, so check the roles listed "
                     "below")
    if typography is not None:
        disagreement = readings_disagree(jobs, read_plain().experience)
        if disagreement:
            signs.append(disagreement)
    return signs


# The marks a font's glyph codes read as when the font has no map to letters (codes 1-63 land on ASCII
# punctuation); a resume's own marks ("•", "|", "-", "/", "&") stand alone as separators, one kind at a time.
_GLYPH_CODE_MARKS = frozenset('!"#$%()*+,./:;<=>?@[]^_{}~\'’`')
_SEPARATOR_MARKS = frozenset("|-–—•/&+*,.:·→>")
# Distinct tokens of marks alone that make a reading unsure: a resume's own are few and repeated ("%", "@", "(+++)",
# "##": at most 3 kinds in any of the 454 corpus, labelled, generated and public PDFs); a Word resume whose bold
# face lost its map reads 17 tokens of 12 kinds ("!", "#$", "+,,", "%%").
_GLYPH_CODE_KINDS = 6


def _text_read_as_symbols(lines: list[Line]) -> list[str]:
    """One font of a PDF without its map from glyphs to letters (the headings' bold face, a display face for the
    name) turns what is set in it into marks ("! , Quantrell Systems", "#$"), while the rest reads: the reading
    then misses headings, titles or the name, and the user should know why. Several kinds of tokens made of marks
    alone make the reading unsure, with that reason."""
    kinds = {token for line in lines for token in line.text.split()
             if all(ch in _GLYPH_CODE_MARKS for ch in token)
             and not (len(set(token)) == 1 and token[0] in _SEPARATOR_MARKS)}
    if len(kinds) < _GLYPH_CODE_KINDS:
        return []
    return ["parts of this PDF read as symbols, not words: a font in it carries no map from its glyphs to letters, "
            "so what is set in that font (often the headings, titles or the name) could not be read; export the PDF "
            "again (\"Save as PDF\" rather than \"Print to PDF\") or paste the text"]


def _in_lower_case(field: str) -> bool | None:
    """Two words or more, all in lower case ("built product": a table's description cell read beside its title);
    None for a field too short to tell. A lower-case brand is one word or carries a capital or a dot ("adidas AG",
    "booking.com"), and on an all-lower-case resume the title is in lower case too, so only an employer in lower
    case beside a title that is not reads as a misreading."""
    words = [w.strip(",;:()&/-–—") for w in field.split()]
    words = [w for w in words if w]
    if len(words) < 2:
        return None
    return all(re.fullmatch(r"[^\W\d_]+", w) is not None and w.islower() for w in words)


def _roles_anywhere(lines: list[Line], typography: Typography | None, measure: int | None) -> list[Job]:
    """The last reading, when every other found no role: the whole document's dated entries, less schooling.

    Where no rule found a role, the work history's heading was usually missed outright (drawn as an image, set in a
    way no rule knew) and its roles ran on under the section above it: Education, the name block. Reading
    every line for dated entries finds them; lines naming a degree are left out first (a degree's dates would
    open an entry that swallows the role below it), and entries naming a school with no job title are studies.
    Read from anywhere, an entry is a role only when it names a job title (a dated course or workshop does not);
    two such roles or more are kept (one is as likely a course as a job). The reading is presented as unsure
    (`_confidence`, source "anywhere"), with the roles listed for the user to check, which serves the user better
    than "no role could be read" above a list that is missing."""
    unschooled = [line for line in lines if not DEGREE.search(line.text)]
    found = [job for job in read_roles(unschooled, typography, measure) if not _schooling(job) and any(
        TITLE_WORDS.search(field or "") for field in (job.title, job.company))]
    return found if len(found) >= 2 else []


# Section kinds that hold no roles of their own: two or more dated roles under one ran on from a work-history heading
# the reader missed (set in a way no rule knew, or worded like nothing it knows: "Chapters So Far").
_RUN_ON_HOSTS: set[SectionName] = {"summary", "education", "certifications", "skills", "languages", "interests",
                                   "references"}


def _run_on_host(span: Span) -> bool:
    """A section that holds no roles of its own, so dated roles under it ran on from the work history: a kind of
    `_RUN_ON_HOSTS`, or the contact details ("CONTACT" in a sidebar that a theme prints between the work history's
    first roles and the rest, read in that order)."""
    return span.name in _RUN_ON_HOSTS or _contact_span(span)


def _contact_span(span: Span) -> bool:
    """A section headed as the candidate's contact details ("CONTACT", "Kontakt"), which the lexicon types "other"."""
    return span.name == "other" and bool(span.heading and contact_heading(span.heading))


def _names_other_entries(text: str) -> bool:
    """A line that names a section kind other than work: a heading the lexicon knows ("Community Service") or one
    word that names a kind ("VOLUNTEER"); a role such as "Volunteer Mentor" is neither."""
    words = text.split()
    kind = lexicon_kind(text) or (keyword_kind(text) if len(words) == 1 else None)
    return len(words) <= 4 and kind is not None and kind != "experience"


def _run_on_roles(blocks: list[list[Line]], typography: Typography | None, measure: int | None) -> list[Job]:
    """The roles that ran on from a missed work-history heading into blocks that hold none (the lines before the
    first heading, a section of a kind with no roles): per block with two dated lines or more that name no degree,
    what `_roles_anywhere` reads there (two or more entries that name a job title and no schooling)."""
    found: list[Job] = []
    for lines in blocks:
        # The host's own list ("Python, SQL, Spark, Airflow" under Skills) comes before the roles run on under it:
        # read with them, it became the first role's employer.
        lines = _after_leading(lines, _list_of_items)
        # A line naming entries of another kind ("VOLUNTEER" in plain text, where no type size sets it apart as a
        # heading) opens that kind's entries: only the lines above it can be roles run on from a work history.
        cut = next((i for i, line in enumerate(lines) if _names_other_entries(line.text)), len(lines))
        if sum(bool(RANGE.search(line.text) or OPEN_FIRST.search(line.text)) for line in lines[:cut]
               if not DEGREE.search(line.text)) >= 2:
            found += _roles_anywhere(lines[:cut], typography, measure)
    return found


def _after_leading(lines: list[Line], test: Callable[[Line], bool]) -> list[Line]:
    """`lines` from the first that fails `test` on."""
    return next((lines[i:] for i, line in enumerate(lines) if not test(line)), [])


def _list_of_items(line: Line) -> bool:
    """A line listing three items or more (after a "Label:" lead-in), each of one to four words, none a job title
    or dated: a skills or languages list, no header of a role."""
    text = re.sub(r"^[^:,]{1,30}:\s*", "", BULLET.sub("", line.text).strip())
    items = [item for item in re.split(r"\s*[,;·•|]\s*", text) if item]
    return len(items) >= 3 and all(1 <= len(item.split()) <= 4 and not TITLE_WORDS.search(item) for item in items) and (
        not has_dates(line))


def _run_on_beside(jobs: list[Job], header: list[Line], spans: list[Span], typography: Typography | None,
                   measure: int | None) -> list[Job] | None:
    """The work history with the roles that ran on from it, when a work-history heading was found but another was
    missed: a short "Experience" (an internship, a research post) read, while the career's own heading, set in a
    way no rule knew, left its roles under Education or above the first heading. Two or more roles there that
    `_run_on_roles` reads (job titles, no schooling) and that are not the same as roles already read are added in
    document order; None when there are none."""
    kept = {(job.title, job.company, job.start) for job in jobs}
    first = min((line.number for job in jobs for line in job.bullets), default=None)
    before: list[Job] = []
    after: list[Job] = []
    within = [line for k, s in enumerate(spans) if _projects_within_work(spans, k) for line in s.lines]
    hosts = [(header, True), (within, True)] + [(s.lines, s.name == "education") for s in spans if _run_on_host(s)]
    for block, below_schooling in hosts:
        # A missed heading opens the career below the host's own entries: only lines after its last schooling
        # line can have run on from it (an engineering school's entry names job words too: "Ingénieur ..."). A
        # host with no entries of its own (skills, contact details) is a sidebar that interrupted the work
        # history: its roles ran on from there, and schooling after them is the next section's (entries that
        # name schooling are no roles anyway, `_roles_anywhere`).
        if below_schooling:
            block = block[1 + max((i for i, line in enumerate(block) if DEGREE.search(line.text) or (
                INSTITUTION.search(line.text) and not TITLE_WORDS.search(_FIELD_OF_STUDY.sub("", line.text)))),
                default=-1):]
        found = [job for job in _run_on_roles([block], typography, measure)
                 if (job.title, job.company, job.start) not in kept]
        if len(found) >= 2 and block:
            (before if first is not None and block[0].number < first else after).extend(found)
    return [*before, *jobs, *after] if before or after else None


def _projects_within_work(spans: list[Span], index: int) -> bool:
    """A Projects heading right under the work history (or under another such): often a role's own "Key Projects"
    or "Projects:" line, read as a section heading, and the later roles run on under it (read as one block with
    the other such sections). Only two or more job-titled entries not read already count (`_run_on_beside`), so a
    true projects list after the work history adds none."""
    while index > 0 and spans[index].name == "projects":
        index -= 1
        if _holds_work_history(spans[index]):
            return True
    return False


def _schooling(job: Job) -> bool:
    """An entry that names a degree, or a school without a job title: studies read as a role."""
    text = " ".join(part for part in (job.title, job.company) if part)
    return bool(DEGREE.search(text) or (INSTITUTION.search(text) and not TITLE_WORDS.search(
        _FIELD_OF_STUDY.sub("", INSTITUTION.sub("", job.title or "")))))


# "Computer Engineering" beside a school names what was studied there: its "Engineer" is no job title.
_FIELD_OF_STUDY = re.compile(r"\bengineering\b", re.IGNORECASE)


def _unnamed_work_history(spans: list[Span]) -> int | None:
    """With no section named as experience, the unnamed heading ("Professional Journey", "Stationen") over the
    most dated entries is the work history, as a reader takes it: a resume lists its roles under some heading.
    Needs two dated entries, and more than any other unnamed section. A heading named "other" by its words
    (Teaching, Docencia, References) is named, not unnamed: a teaching list never becomes the work history."""
    if any(s.name == "experience" for s in spans):
        return None
    counts = [(sum(1 for line in s.lines if RANGE.search(line.text) or OPEN_FIRST.search(line.text)), i)
              for i, s in enumerate(spans) if s.name == "other" and s.heading
              and lexicon_kind(s.heading) is None and keyword_kind(s.heading) is None]
    counts.sort(reverse=True)
    if not counts or counts[0][0] < 2 or (len(counts) > 1 and counts[1][0] == counts[0][0]):
        return None
    return counts[0][1]


# Sections whose dated entries are roles too; used when no Experience section holds any.
_ROLE_SECTIONS: set[SectionName] = {"leadership", "volunteering"}
# Kinds whose dated entries are no roles even under a heading that names work too: degrees ("Work and Education"),
# skill lists, unpaid roles ("Work & Volunteer Experience" keeps its volunteering apart from the job count).
_BESIDE_WORK: set[SectionName] = {"education", "skills", "volunteering"}


def _holds_work_history(span: Span) -> bool:
    """A work-history section, or one whose heading names work as one of its parts and was typed by another
    ("Experience & Projects", "Projects and Employment": the keyword order types them as projects): its dated
    roles are the candidate's jobs, read with the rest (personal projects among them are set aside as projects).
    Degrees and skills under a shared heading are read for roles only when nothing else is (below)."""
    return span.name == "experience" or (span.name not in _BESIDE_WORK and "experience" in kinds_named(span.heading))
# Section kinds whose dated entries are their own (a project's span, a paper's year), never a role run on from a
# missed heading.
_OWN_DATED_ENTRIES: set[SectionName] = {"projects", "publications", "awards", "certifications"}
# Section kinds whose own content is never dated: dated lines under one of them ran on from a missed heading.
_DATELESS: set[SectionName] = {"skills", "languages", "interests", "references"}
# Kinds whose entries are roles of their own kind, read or set aside as such.
_HOLD_ROLES: set[SectionName] = {"experience", "education", "volunteering", "leadership"}


# "Avaya, Holmdel, NJ 2000 2002": two years side by side ending a header line, the dash between them lost (drawn
# as a rule, or a glyph without its character).
_UNDASHED_YEARS = re.compile(r"(?<![\d/.,-])(?P<start>(?:19|20)\d\d)\s+(?P<end>(?:19|20)\d\d)\s*$")


def _undashed_year_ranges(lines: list[Line], typography: Typography | None) -> list[Line]:
    """The work history's lines with each "2000 2002" line end read as "2000 – 2002", when two or more header
    lines end so (two bare years side by side may be anything, so only where no role was read otherwise, and
    only in order: the end after the start, within fifty years). Empty when there are not two."""
    out, found = [], 0
    for line in lines:
        match = _UNDASHED_YEARS.search(line.text)
        if match and not is_bullet(line) and 0 < int(match["end"]) - int(match["start"]) <= 50 and not (
                RANGE.search(line.text)):
            text = f"{line.text[:match.start()]}{match['start']} – {match['end']}"
            if typography is not None:
                typography.alias(text, line.text)
            line, found = Line(number=line.number, text=text), found + 1
        out.append(line)
    return out if found >= 2 else []


def _date_above_heading(before: list[Line], lines: list[Line]) -> list[Line]:
    """A date column set beside the entries: the first entry's dates sit a little higher than the section's heading,
    so reading by height puts them before it ("January 2021 - Present" / "Work" / "Globex" / "Engineer" /
    ... / "October 2017 - December 2020" / ...). When the line just above the heading is a date alone and the
    section's first entry has header lines but no date of its own before the next dated line, that date is the
    first entry's: [it] to put in front of the section's lines, else []."""
    if not before or not lines or not date_only(before[-1].text) or not has_dates(before[-1]):
        return []
    first_dated = next((k for k, line in enumerate(lines) if has_dates(line)), None)
    if first_dated is None or first_dated < 3:
        return []
    # Dates alone above each later entry's header is this section's way; the first entry's header opens it.
    head = lines[:2]
    if not all(claimable_header(line) and not sentence_like(line.text) for line in head):
        return []
    if not date_only(lines[first_dated].text):
        return []
    # ... and the next entry's header follows its date (a date column beside headers), not a description (dates
    # printed under a header, which would make the date above the heading someone else's).
    after = lines[first_dated + 1] if first_dated + 1 < len(lines) else None
    if after is None or is_bullet(after) or not claimable_header(after) or sentence_like(after.text):
        return []
    return [before[-1]]


def _summary_under_a_later_name(sections: list[Section], contact: Contact) -> list[Section]:
    """The opening paragraph under a name the reading order reaches late: a sidebar drawn first (skills,
    languages, interests) puts the main column's name, contact lines and profile paragraph under the sidebar's
    last heading. The prose right under the name is the summary a reader sees first, not that section's content."""
    if not contact.name:
        return sections
    name = " ".join(contact.name.split()).casefold()

    def ends_the_name(lines: list[Line], j: int) -> bool:  # the name's last line (a name may be set word over word)
        return any(" ".join(" ".join(line.text.split()) for line in lines[max(0, j - m): j + 1]).casefold() == name
                   for m in range(3))

    for k, section in enumerate(sections):
        at = next((j for j in range(len(section.lines)) if ends_the_name(section.lines, j)), None)
        if at is None:
            continue
        opening = unheaded_summary(section.lines[at + 1:])
        if not opening:
            return sections
        kept = section.model_copy(update={"lines": [line for line in section.lines if line not in opening]})
        return [Section(name="summary", heading="", lines=opening), *sections[:k], kept, *sections[k + 1:]]
    return sections


def parse_resume(extracted: ExtractedText, embedder: Embedder | None = None, *, last_resort: bool = True) -> Resume:
    """Structure the visible text of a resume. Never fails on odd input: unknown parts are simply left empty.

    `last_resort=False` leaves out the last reading (`_roles_anywhere`): the plain-text re-reading that checks a
    layout reading must not vouch for it with a guess (a plain reading that finds no role is itself a sign)."""
    with remembering():  # the date and title patterns answer each line once per reading (vocabulary.Remembered)
        return _parse_resume(extracted, embedder, last_resort=last_resort)


def _parse_resume(extracted: ExtractedText, embedder: Embedder | None, *, last_resort: bool) -> Resume:
    lines = [
        Line(number=number, text=text)
        for number, text in enumerate(extracted.text.split("\n"), start=1)
        if text.strip() and not FURNITURE.search(text.strip())
    ]
    typography = Typography(extracted.styled_lines) if extracted.styled_lines else None
    if typography is not None:
        typography.bind(lines)
    lines = split_margin_headings(join_broken_headings(split_glued_heading(lines), typography), typography,
                                   in_left_margin(extracted.styled_lines))
    measure = line_measure(lines)
    header, spans = read_sections(lines, typography, embedder)
    unnamed_work = _unnamed_work_history(spans)
    if unnamed_work is not None:
        spans[unnamed_work] = Span(name="experience", heading=spans[unnamed_work].heading,
                                    lines=spans[unnamed_work].lines)
    sections = [Section(name=s.name, heading=s.heading, lines=s.lines,
                        also=[kind for kind in kinds_named(s.heading) if kind != s.name]) for s in spans]
    opening = unheaded_summary(header)
    if opening and not any(s.name == "summary" for s in spans):
        # A profile paragraph under the name without a heading is still the summary a reader sees first.
        sections.insert(0, Section(name="summary", heading="", lines=opening))
    work_sections = [_date_above_heading(header if k == 0 else spans[k - 1].lines, s.lines) + s.lines
                     for k, s in enumerate(spans) if _holds_work_history(s)]
    experience_lines = [line for lines in work_sections for line in lines]
    # Where each work-history section began, as the sections are read as one list (an "Internships" list under its
    # own heading opens an entry list of its own).
    openers = frozenset(lines[0].number for lines in work_sections if lines)
    set_aside: list[SetAside] = []
    jobs = read_roles(experience_lines, typography, measure, set_aside, openers)
    if not jobs:
        set_aside = []
        jobs = read_roles(_undashed_year_ranges(experience_lines, typography), typography, measure, set_aside,
                          openers)
    jobs = without_memberships(jobs, set_aside)
    source = ("unnamed" if unnamed_work is not None else "experience") if jobs else "none"
    if jobs and last_resort and (run_on := _run_on_beside(jobs, header, spans, typography, measure)):
        jobs, source = run_on, "partly run on"
    if not jobs and last_resort:
        # No role under a work-history heading, yet roles ran on under a section that holds none (the heading was
        # missed): read before the volunteering fallback below, so one volunteer role cannot stand in for them.
        # A guess, like the last reading, so the plain-text check reading does not make it.
        jobs = _run_on_roles([header] + [s.lines for s in spans if _run_on_host(s)], typography, measure)
        source = "anywhere" if jobs else "none"
    if not jobs:
        # No dated role under an Experience heading (a student resume): roles under campus involvement and
        # volunteering are the candidate's experience. Each span is parsed alone so no role runs into the next.
        jobs = [job for s in spans if s.name in _ROLE_SECTIONS for job in read_roles(s.lines, typography, measure)]
        source = "roles" if jobs else "none"
    outside = [line for line in header if RANGE.search(line.text)] + [
        line for s in spans if s.name not in _NOT_ROLES for line in s.lines if RANGE.search(line.text)]
    if not jobs and len(outside) >= 2:
        # Dated ranges outside education and the like, yet no role was read (an unrecognised heading, or a layout
        # read out of order): read roles wherever they are rather than report no experience -- except under a
        # heading whose own words name it as something else (Teaching, Service, Press, Students): its dated lines
        # are courses and committees, not roles.
        jobs = read_roles([line for line in header] + [line for s in spans if s.name not in _NOT_ROLES and not (
            s.name == "other" and s.heading and lexicon_kind(s.heading) == "other") for line in s.lines],
                     typography, measure)
        source = "anywhere" if jobs else "none"
    if not jobs:
        # Still none: a work history whose heading was missed runs on under the section above it. Under a kind that
        # never carries dates (Skills, Languages, Interests, References), two or more dated lines are such roles.
        misplaced = [line for s in spans if s.name in _DATELESS and sum(
            bool(RANGE.search(line.text) or SINGLE_DATE.search(line.text)) for line in s.lines) >= 2
            for line in _after_leading(s.lines, _list_of_items)]
        jobs = read_roles(misplaced, typography, measure) if misplaced else []
        source = "anywhere" if jobs else "none"
    if not jobs:
        # A heading that names work beside something else ("Work and Education", "Experience & Training") was taken
        # for the other kind: its dated entries are read for roles (entries that name a degree are not roles).
        shared = [line for s in spans if s.name in ("education", "skills") and "experience" in kinds_named(s.heading)
                  for line in s.lines]
        jobs = read_roles(shared, typography, measure) if shared else []
        source = "anywhere" if jobs else "none"
    if not jobs and last_resort:
        # Sections with dated entries of their own (Projects, Awards) are read last: roles whose heading was missed
        # run on under whatever section came before, and that is as often Projects as Education. On the tuning
        # sources with the work history's heading replaced or dropped, readings with no role went 5 -> 1 of 62.
        jobs = _roles_anywhere(header + [line for s in spans if s.name not in _OWN_DATED_ENTRIES for line in s.lines],
                               typography, measure) or _roles_anywhere(
            header + [line for s in spans for line in s.lines], typography, measure)
        source = "anywhere" if jobs else "none"
    education_lines = [line for s in spans if s.name == "education" for line in s.lines]
    skill_lines = [line for s in spans if s.name == "skills" for line in s.lines]
    contact = read_contact(header, lines, typeset_name(lines, typography), typography, extracted.document_names,
                           extracted.link_emails)
    if not any(s.name == "summary" for s in sections):
        sections = _summary_under_a_later_name(sections, contact)
    jobs = recurring_fields_are_no_employer(places_after_employers(bracketed_employers(jobs), contact),
                                             experience_lines)
    confidence, problems = _confidence(contact, spans, jobs, source, len(outside), typography is not None)
    signs = _signs_of_misreading(jobs, source, spans, experience_lines, typography,
                                 lambda: parse_resume(extracted.model_copy(update={"styled_lines": []}), embedder,
                                                      last_resort=False)) + _text_read_as_symbols(lines)
    if signs:
        problems += signs
        for name in ("experience", "years"):
            confidence[name] = min(confidence.get(name, 1.0), _SIGN_OF_MISREADING)
    return Resume(
        confidence=confidence,
        reading_problems=problems,
        contact=contact,
        sections=sections,
        experience=jobs,
        education=_education(education_lines),
        skills=_skills(skill_lines),
        years_experience=years_of_experience(jobs),
        lines=lines,
        set_aside=set_aside if source in ("experience", "unnamed", "partly run on") else [],
    )
