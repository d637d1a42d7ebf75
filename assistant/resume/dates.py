"""Dates as resumes write them, and the time they add up to.

One date in the formats and languages the reader covers ("03/2019", "2019-03", "März 2019", "Jan '19", "2019"),
an open end ("Present", "heute", "actualidad"), the months a role lasted (both ends counted) and the years a career
spans (overlapping roles counted once, internships not counted). The patterns themselves live in `vocabulary.py`;
finding the ranges on a resume's lines is the parser's job.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from assistant.resume.models import Job
from assistant.resume.vocabulary import EARLY_CAREER, MONTHS, OPEN_END, YEAR


def parse_date(text: str, *, is_end: bool, month_first: bool = False) -> tuple[int, int] | None:
    """(year, month) of one date as written; a bare year is January as a start and December as an end.

    "03/01/2018" is read day first (1 March), as most of the world writes it, unless `month_first` says the
    document writes days the American way (`month_first_days`)."""
    text = heading_free_accents(text.strip().lower())
    text = re.sub(r"^(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th|er|\.)?\s+(?:of\s+)?(?=[^\W\d_])", "", text)  # "4 agosto 2021"
    quarter = re.match(r"q([1-4])\s*((?:19|20)\d\d)", text)
    if quarter:  # "Q2 2021": its first month as a start, its last as an end
        return int(quarter.group(2)), 3 * int(quarter.group(1)) - (0 if is_end else 2)
    year_match = YEAR.search(text)
    short = re.search(r"['’‘](\d\d)(?!\d)|^(?:(?:0?[1-9]|1[0-2])/|[a-z]+\.?,?(?:/|\s?))(\d\d)$", text) if not year_match else None
    if short:
        # A two-digit year is this century unless that would put it in the future.
        year = 2000 + int(short.group(1) or short.group(2))
        year = year if year <= current_month()[0] + 1 else year - 100
    elif not year_match:
        return None
    else:
        year = int(year_match.group(1))
    iso = re.match(r"(?:19|20)\d\d(?:[-/.]|\s*年\s*)(\d\d?)(?!\d)", text)
    if iso:
        return year, int(iso.group(1))
    if month_first and (american := re.match(r"(\d{1,2})/\d{1,2}/(?:19|20)\d\d", text)):
        return year, int(american.group(1))
    day_first = re.match(r"\d{1,2}[./](\d{1,2})[./](?:19|20)\d\d", text)
    if day_first and 1 <= int(day_first.group(1)) <= 12:
        return year, int(day_first.group(1))
    slash = re.match(r"(\d{1,2})\s*[/.-]", text)
    if slash and 1 <= int(slash.group(1)) <= 12:
        return year, int(slash.group(1))
    year_first = re.match(r"(?:19|20)\d\d[-/ .]+([a-z]+)", text)
    month_text = year_first.group(1) if year_first else text
    for key, month in sorted(MONTHS.items(), key=lambda item: -len(item[0])):
        if month_text.startswith(key):
            return year, month
    return year, 12 if is_end else 1


def month_first_days(*texts: str) -> bool:
    """Do these dates write days month first ("06/30/2020")? Only a day above 12 in the middle tells."""
    return any(re.fullmatch(r"\s*(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\d|3[01])/(?:19|20)\d\d\s*", t) for t in texts)


def heading_free_accents(text: str) -> str:
    """ "févr", "março", "août" -> "fevr", "marco", "aout": month prefixes are matched without accents."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_open_end(text: str) -> bool:
    return re.fullmatch(OPEN_END, text.strip(), re.IGNORECASE) is not None


def months_between(start: tuple[int, int], end: tuple[int, int]) -> int:
    return max(0, (end[0] - start[0]) * 12 + end[1] - start[1] + 1)


def current_month() -> tuple[int, int]:
    today = date.today()
    return today.year, today.month


def date_text(text: str, *, is_end: bool) -> str | None:
    """A date as written ("Jan 2020", "03/2019", "Present") in the form jobs carry: "YYYY-MM" or "Present"."""
    if is_open_end(text):
        return "Present"
    parsed = parse_date(text, is_end=is_end)
    return f"{parsed[0]:04d}-{parsed[1]:02d}" if parsed else None


def months_in_role(start: str, end: str) -> int:
    """Months from a job's `start` ("YYYY-MM") to its `end` ("YYYY-MM" or "Present"), both ends counted."""
    end_month = current_month() if end == "Present" else (int(end[:4]), int(end[5:7]))
    return months_between((int(start[:4]), int(start[5:7])), end_month)


def this_month() -> str:
    """Today as a job date ("YYYY-MM"): what "Present" stands for, and the latest a stated date can be."""
    year, month = current_month()
    return f"{year:04d}-{month:02d}"


def years_of_experience(jobs: list[Job]) -> float | None:
    """Total time in roles, overlapping roles counted once; internships and other roles held while training are
    not counted (`EARLY_CAREER`: "International Partnerships" is not an internship). Time after this month is not
    experience yet: a role that has not begun ("Incoming Engineer, Jun 2027") or an end still to come (a contract
    "to Dec 2027") counts up to today."""
    now_y, now_m = current_month()
    now = now_y * 12 + now_m
    intervals: list[tuple[int, int]] = []
    starts = sorted({int(j.start[:4]) * 12 + int(j.start[5:7]) - 1 for j in jobs
                     if j.start and re.fullmatch(r"\d{4}-\d{2}", j.start)})
    for job in jobs:
        if not job.start or not re.fullmatch(r"\d{4}-\d{2}", job.start):
            continue
        if job.title and EARLY_CAREER.search(job.title):
            continue
        start_y, start_m = map(int, job.start.split("-"))
        a = start_y * 12 + start_m - 1
        if job.end == "Present":
            end_y, end_m = now_y, now_m
        elif job.end and re.fullmatch(r"\d{4}-\d{2}", job.end):
            end_y, end_m = map(int, job.end.split("-"))
        elif not job.month_stated and (later := [s for s in starts if s > a]):
            # A role dated by its start year alone ("2018 Senior Data Scientist, Beta Systems", a history that gives
            # each role the year it began): it ran until the next role began. The end shown stays unwritten.
            end_y, end_m = divmod(min(later), 12)
        else:
            continue
        b = min(end_y * 12 + end_m, now)
        if b > a:
            intervals.append((a, b))
    if not intervals:
        return None
    intervals.sort()
    total, (cur_a, cur_b) = 0, intervals[0]
    for a, b in intervals[1:]:
        if a <= cur_b:
            cur_b = max(cur_b, b)
        else:
            total += cur_b - cur_a
            cur_a, cur_b = a, b
    total += cur_b - cur_a
    return round(total / 12, 1)


def earliest_start_year(jobs: list[Job]) -> int | None:
    years = [int(job.start[:4]) for job in jobs if job.start and re.match(r"\d{4}", job.start)]
    return min(years) if years else None
