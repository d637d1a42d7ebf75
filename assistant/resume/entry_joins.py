"""Join what a page's layout broke in a work history, before its roles are read: a header wrapped over two lines,
a date range split from its entry, wrapped inside a cell or stacked in a margin, two dates side by side that are
one range, entries run on in one line, Europass label rows, a glyph before each employer.

Each function takes the section's lines and returns them joined (a line keeps its style and first number), so
`entries.read_roles` anchors its roles on whole lines.
"""

from __future__ import annotations

import re

from assistant.resume.dates import is_open_end, parse_date
from assistant.resume.entry_fields import (
    WEB_ADDRESS,
    face_of,
    header_fields,
    sentence_like,
    split_at_employer,
)
from assistant.resume.entry_lines import (
    STARTS_DATED,
    WRAPPED_SHARE,
    YEAR_MENTIONED,
    address_line,
    claimable_header,
    date_only,
    description_line,
    has_dates,
    is_bullet,
    reads_as_prose,
    time_spent,
    wrapped_header,
)
from assistant.resume.headings import Typography, heading_name
from assistant.resume.models import Line
from assistant.resume.vocabulary import (
    BARE_YEAR,
    BULLET,
    DATE,
    DAY,
    FROM_WORDS,
    MONTH,
    MONTH_YEAR_GAP,
    NUMERIC_DATE,
    OPEN_END,
    OPEN_FIRST,
    RANGE,
    SINCE,
    SINGLE_DATE,
    TITLE_WORDS,
    YEAR,
    YEAR_MONTH,
    legal_form,
)

# The second half of a range wrapped before its connector: "TO 2022-02-28", "– Present", "bis heute".
_RANGE_TAIL = re.compile(
    rf"^\s*(?P<tail>(?:-|–|—|to|until|till|bis|au|à|hasta|até)(?:\s*:)?\s*(?:{DATE}|{OPEN_END}))(?!\w)\s*(?P<rest>.*)$",
    re.IGNORECASE)
# A form's label before a start date ("From: 01/2011" over "To: 03/2013", USAJOBS and converted forms).
_FROM_LABEL = re.compile(rf"\s*(?:{FROM_WORDS})\s*:?\s*", re.IGNORECASE)
_LONE_DATE = re.compile(rf"(?<![\w/.-])(?:{DATE})(?![\w/.-])", re.IGNORECASE)
# "Director, ML Infrastructure May" / "2020 – January 2023": a header wrapped between its date's month and year.
_MONTH_AT_END = re.compile(rf"(?:^|\s)(?P<month>{MONTH})\s*$", re.IGNORECASE)
# A month or season alone after a header's field separator, at the line's end: "... | Winter", "· May".
_MONTH_AFTER_SEPARATOR = re.compile(rf"(?:\||·|•|–|—|\s-)\s*(?:{MONTH})\s*$", re.IGNORECASE)
_YEAR_OPENS_RANGE = re.compile(r"^\s*(?:19|20)\d\d\s*(?:[-–—→⇒⟶➔-➾~]|(?:to|until|bis|au|à|hasta|até)\b)", re.IGNORECASE)
# Month names that are also words a line can end in ("the scope we set", "summer"): only when capitalised.
_WORDS_LIKE_MONTHS = {"set", "out", "fall", "summer", "winter", "spring", "mar", "may", "ago", "gen", "mag", "mai"}


# Two dates with nothing between them: a date column that stacks a role's end under its start ("April 2019" /
# "July 2020"), read onto one line, or a range whose dash the font dropped ("März 2018  März 2023"). A month-dated
# start, then at once a month-dated end or "Present" (two bare years side by side may be anything).
_MONTH_DATE = rf"(?:{DAY}{MONTH}{MONTH_YEAR_GAP}(?:19|20)\d\d|{YEAR_MONTH}|{NUMERIC_DATE})"
_UNCONNECTED_RANGE = re.compile(
    rf"(?<![\w/.-])(?P<start>{_MONTH_DATE})\s+(?P<end>{_MONTH_DATE}|{OPEN_END})(?![\w/.-])", re.IGNORECASE)


# "2011– Mechanical Engineer, ...": a date column's start with its dash and no end (moderncv's "2011--"), the dash
# against the date and the header after a space: a role held since then.
_OPEN_DASH_START = re.compile(rf"^(?P<indent>\s*)(?P<start>{DATE})[-–—](?=\s+[^\W\d_])", re.IGNORECASE)


def connect_unconnected_ranges(lines: list[Line], typography: Typography | None) -> list[Line]:
    """ "April 2019 July 2020 Embedded Engineer, Globex", "Software Engineer März 2018 März 2023": two dates side
    by side with nothing between them are one range, its start and its end; "2011– Engineer, Globex", a start and
    its dash alone, is a role held since then. (The line keeps its style.)"""
    out: list[Line] = []
    for line in lines:
        match = _UNCONNECTED_RANGE.search(line.text)
        open_start = _OPEN_DASH_START.match(line.text)
        if match and not RANGE.search(line.text) and not OPEN_FIRST.search(line.text):
            text = line.text
            line = Line(number=line.number,
                        text=f"{text[:match.start()]}{match.group('start')} – {match.group('end')}{text[match.end():]}")
            if typography is not None:
                typography.alias(line.text, text)
        elif open_start and not RANGE.match(line.text.strip()):
            text = line.text
            line = Line(number=line.number, text=f"{open_start.group('indent')}since {open_start.group('start')}"
                                                 f"{text[open_start.end():]}")
            if typography is not None:
                typography.alias(line.text, text)
        out.append(line)
    return out


# "Jun 2019 - DevOps Consultant Globex" / "Present Helsinki, Finland": a date column wrapped after its dash, the
# header read beside each half. The first line opens with a start and its dash, the next with the end alone.
_DANGLING_START = re.compile(rf"^\s*(?P<start>{DATE})\s*[-–—]\s+(?P<rest>[^\W\d_].*)$", re.IGNORECASE)
_LEADING_END = re.compile(
    rf"^\s*(?P<end>{DATE}|{OPEN_END})(?![\w/.-])(?!\s*(?:[-–—]|to\b|bis\b))\s*(?P<rest>.*)$", re.IGNORECASE)


def join_dangling_ranges(lines: list[Line], typography: Typography | None) -> list[Line]:
    """ "Jun 2019 - DevOps Consultant Globex" / "Present Helsinki, Finland" -> "Jun 2019 – Present DevOps
    Consultant Globex" / "Helsinki, Finland": the end under the start is the range's, the rest of each line the
    header's. (An end before the start is no end: the next line is another entry's.)"""
    out: list[Line] = []
    for line in lines:
        head = _DANGLING_START.match(out[-1].text) if out else None
        tail = _LEADING_END.match(line.text) if head else None
        if head and tail and not RANGE.search(out[-1].text) and not _LONE_DATE.search(head.group("rest")):
            start, end = parse_date(head.group("start"), is_end=False), parse_date(tail.group("end"), is_end=True)
            if is_open_end(tail.group("end")) or (start and end and end >= start):
                text = f"{head.group('start')} – {tail.group('end')} {head.group('rest')}"
                if typography is not None:
                    typography.alias(text, out[-1].text)
                out[-1] = Line(number=out[-1].number, text=text)
                if tail.group("rest").strip():
                    out.append(Line(number=line.number, text=tail.group("rest").strip()))
                continue
        out.append(line)
    return out


# A line that opens with a date and goes on with a bullet ("Décembre 2022 • Pilotage Agile ..."): the date is a
# margin column's, beside the entry's first bullet.
_DATE_BESIDE_BULLET = re.compile(rf"^\s*(?P<date>{DATE})(?![\w/.-])\s*(?P<rest>•.*)$", re.IGNORECASE)
_DATE_BESIDE_TEXT = re.compile(rf"^\s*(?P<date>{DATE})(?![\w/.-])(?!\s*(?:[-–—]|to\b|bis\b))\s+(?P<rest>[^\W\d_].*)$",
                               re.IGNORECASE)


def _stacked_beside_lines(lines: list[Line]) -> set[int]:
    """Numbers of the lines that open with a lone date right under a line that opens with another, neither holding
    a range, when the section has two such pairs or more (one pair is as likely two entries with no body)."""
    pairs = [line.number for above, line in zip(lines, lines[1:], strict=False)
             if _DATE_BESIDE_TEXT.match(above.text) and _DATE_BESIDE_TEXT.match(line.text)
             and not RANGE.search(above.text) and not RANGE.search(line.text)]
    return set(pairs) if len(pairs) >= 2 else set()


def join_stacked_margin_dates(lines: list[Line], typography: Typography | None) -> list[Line]:
    """ "À ce jour Ingénieur R&D Senior, SCHNEIDER ELECTRIC" / "Décembre 2022 • Pilotage Agile ...": a margin column
    of dates stacks a role's two dates (end over start here) beside the header and its first bullet. The two are
    the header's range, in whichever order they stand; the bullet keeps its line. A date before a bullet opens no
    entry, so this takes nothing from a header line -- unless the section keeps to the shape: where two entries
    or more stack their dates beside a header and the line under it ("Nov 2021 Tech Lead na Nova Escola" / "Jul 2021
    Educação"), the second line's date is the first's other end too, whatever that line holds."""
    stacked = _stacked_beside_lines(lines)
    out: list[Line] = []
    for line in lines:
        head = _LEADING_END.match(out[-1].text) if out else None
        below = (_DATE_BESIDE_BULLET.match(line.text) or (
            line.number in stacked and _DATE_BESIDE_TEXT.match(line.text))) if head else None
        if head and below and head.group("rest").strip() and not is_bullet(out[-1]) and not RANGE.search(
                out[-1].text) and not OPEN_FIRST.search(out[-1].text):
            upper, lower = head.group("end"), below.group("date")
            first = parse_date(lower, is_end=False)
            last = parse_date(upper, is_end=True)
            if is_open_end(upper) or (first and last and last >= first):
                start, end = lower, upper  # the end over the start
            elif (earlier := parse_date(upper, is_end=False)) and (later := parse_date(lower, is_end=True)) and (
                    later >= earlier):
                start, end = upper, lower  # the start over the end
            else:
                out.append(line)
                continue
            text = f"{start} – {end} {head.group('rest').strip()}"
            if typography is not None:
                typography.alias(text, out[-1].text)
            out[-1] = Line(number=out[-1].number, text=text)
            out.append(Line(number=line.number, text=below.group("rest")))
            continue
        out.append(line)
    return out


# What ends a line after its words when a narrow date cell beside it wrapped its range: a year ("2020", the end's
# month left above), an end date or "Present" (the dash left above), or a dash and an end date (the start above).
_WRAPPED_CELL_END = re.compile(
    rf"(?<=\S)\s+(?P<end>(?P<dash>[-–—]\s*)?(?:(?P<year>(?:19|20)\d\d)(?=\s*$)|{DATE}|{OPEN_END}))\s*$", re.IGNORECASE)
_ENDS_WITH_START = re.compile(rf"(?P<start>{DATE})\s*(?P<dash>[-–—]\s*(?P<month>{MONTH}(?:\s+de)?\.?)?)?\s*$",
                              re.IGNORECASE)


def _range_end_in_wrapped_cell(above: Line, line: Line) -> tuple[str, str] | None:
    """ "Evaneos  May 2019 - Mar" / "Craft & Architecture  2020", "WestFinance  May 2023 -" / "Coach craft  Present",
    "LOUSTIC - Laboratoire  Jun 2011" / "d'Observation des USages  - Aug 2011": a header and its dates set side by side
    in narrow cells, both wrapped, so the range's end ends the line below after the header's next words. The two
    lines with the end moved up to its range, or None. The words before the end must hold no date, and the line
    above must end in the range's open part (its start alone too, when the end below brings its dash)."""
    # Searched over the line's last 80 characters (a range's end is at most about 40): the pattern anchors at the
    # line's end, but the engine tries every place before it, which made this a twentieth of the parse time.
    end = _WRAPPED_CELL_END.search(line.text, max(0, len(line.text) - 80))
    if end is None or is_bullet(line):
        return None  # (asked first: the end-anchored search for a start below tries every place of the line)
    start = _ENDS_WITH_START.search(above.text)
    if start is None or is_bullet(above) or RANGE.search(above.text):
        return None
    words = line.text[: end.start()].rstrip()
    if not words or YEAR.search(words) or YEAR_MENTIONED.search(above.text):
        return None  # ("... IPO in 2021" over "Projects  Apr 2019 - Apr 2022": a year in a sentence, a range whole)
    month_open, dash_open = start.group("month") is not None, start.group("dash") is not None
    fits = (end.group("year") is not None and month_open) or (
        dash_open and not month_open and end.group("dash") is None and end.group("year") is None) or (
        not dash_open and end.group("dash") is not None)
    if not fits:
        return None
    return f"{above.text.rstrip()} {end.group('end').strip()}", words


_CONNECTOR_ALONE = re.compile(r"\s*(?:-|–|—|to|until|till|bis|au|à|hasta|até)\s*", re.IGNORECASE)
_TWO_DATES = re.compile(rf"\s*(?P<start>{DATE})\s+(?P<end>{DATE}|{OPEN_END})\s*", re.IGNORECASE)


def join_wrapped_ranges(lines: list[Line]) -> list[Line]:
    """ "Jan 2020 -" / "Dec 2021 ...": a range wrapped after its dash is one range, not an open-ended role; so is
    "janeiro 2015 – fevereiro" / "2017" (or "Sep ’14 – Apr" / "’18"), wrapped between the end's month and its year;
    and "2019-11-01 Senior
    Engineer" / "TO 2022-02-28", a date column wrapped before its connector, the end under the start; and
    "Director, ML Infrastructure May" / "2020 – January 2023", a header wrapped between its start's month and year
    (a narrow column), whose month would be lost and left in the title. A connector set alone between the two
    dates of a date column ("2022-05-12 Backend Developer" / "TO" / "2024-03-07 (España)") goes with the end under
    it, and one read after both dates ("2025 PRESENT" / "TO") joins them."""
    out: list[Line] = []
    for index, line in enumerate(lines):
        if len(out) >= 2 and out[-1] is lines[index - 1] and _CONNECTOR_ALONE.fullmatch(out[-1].text) and (
                STARTS_DATED.match(line.text) and _LONE_DATE.match(out[-2].text.strip())):
            line = Line(number=line.number, text=f"{out.pop().text.strip()} {line.text.strip()}")
        if out and out[-1] is lines[index - 1] and _CONNECTOR_ALONE.fullmatch(line.text) and (
                pair := _TWO_DATES.fullmatch(out[-1].text)):
            out[-1] = Line(number=out[-1].number, text=f"{pair.group('start')} – {pair.group('end')}")
            continue
        if out and _CONNECTOR_ALONE.fullmatch(line.text) and RANGE.search(out[-1].text) and date_only(out[-1].text):
            # ... and one under two dates joined already ("2009-08 – PRESENT" / "TO"): the range holds it; left on
            # its line, it would be read as the first line of the header under it.
            continue
        month = _MONTH_AT_END.search(out[-1].text) if out and _YEAR_OPENS_RANGE.match(line.text) else None
        if month and not is_bullet(out[-1]) and not RANGE.search(out[-1].text) and (
                month.group("month")[0].isupper() or month.group("month").lower() not in _WORDS_LIKE_MONTHS):
            out[-1] = Line(number=out[-1].number, text=f"{out[-1].text.rstrip()} {line.text.strip()}")
            continue
        tail = _RANGE_TAIL.match(line.text)
        lone = list(_LONE_DATE.finditer(out[-1].text)) if out and tail else []
        if tail and len(lone) == 1 and not (RANGE.search(out[-1].text) or OPEN_FIRST.search(out[-1].text)
                                            or SINCE.search(out[-1].text)) and (
                lone[0].start() == 0 or _FROM_LABEL.fullmatch(out[-1].text[:lone[0].start()])):
            # Only a date that opens its line (a date column's cell, or a form's "From:" row over its "To:" row): a
            # year inside a sentence is no range's start.
            date_end = lone[0].end()
            text = out[-1].text
            joined = f"{text[:date_end]} {tail.group('tail')}{text[date_end:]}"
            out[-1] = Line(number=out[-1].number, text=joined)
            if tail.group("rest").strip():
                out.append(Line(number=line.number, text=tail.group("rest").strip()))
            continue
        if out and re.match(r"\s*(?:(?:19|20)\d\d|['’‘]\d\d)(?!\d)", line.text) and re.search(
                rf"{DATE}\s*[-–—]\s*{MONTH}(?:\s+de)?\s*$", out[-1].text, re.I) or out and STARTS_DATED.match(line.text) and re.search(rf"{DATE}\s*[-–—]\s*$", out[-1].text, re.I):
            out[-1] = Line(number=out[-1].number, text=f"{out[-1].text} {line.text}")
        elif out and (cell := _range_end_in_wrapped_cell(out[-1], line)) is not None:
            out[-1] = Line(number=out[-1].number, text=cell[0])
            out.append(Line(number=line.number, text=cell[1]))
        elif (len(out) >= 2 and BARE_YEAR.fullmatch(line.text) and index >= 2 and out[-2] is lines[index - 2]
              and re.search(rf"{DATE}\s*[-–—]\s*{MONTH}(?:\s+de)?\s*$", out[-2].text, re.I)
              and not RANGE.search(out[-1].text)):
            # "November 2019 - February" / "Meridian Payments" / "2022": a date column wrapped its range while the
            # line beside it (the employer) was read in between; the year still ends the range above.
            out[-2] = Line(number=out[-2].number, text=f"{out[-2].text} {line.text.strip()}")
        elif (out and BARE_YEAR.fullmatch(line.text.strip()) and not is_bullet(out[-1])
              and not RANGE.search(out[-1].text) and _MONTH_AFTER_SEPARATOR.search(out[-1].text)):
            # "Department of Aerospace Engineering, IISc, Bangalore, India | Winter" / "2013": a header's single
            # date wrapped between its month (or season) and its year; the separator before it says it is the
            # header's date field, not a sentence's word.
            out[-1] = Line(number=out[-1].number, text=f"{out[-1].text.rstrip()} {line.text.strip()}")
        else:
            out.append(line)
    return out


def _join_large_wrapped_headers(lines: list[Line], typography: Typography | None) -> list[Line]:
    """A header field set larger than the body and wrapped in the same face is one line again where the cut shows
    (`_wrapped_field_end`). Left apart, its halves read as a title and an employer."""
    if typography is None:
        return lines
    out: list[Line] = []
    index = 0
    while index < len(lines):
        end = _wrapped_field_end(lines, index, typography)
        if end > index + 1:
            joined = " ".join(x.text.strip() for x in lines[index:end])
            typography.alias(joined, lines[index].text)  # the joined field keeps the look of its first line
            out.append(Line(number=lines[index].number, text=joined))
        else:
            out.append(lines[index])
        index = end
    return out


def _title_wrapped_round_its_tenure(lines: list[Line], typography: Typography | None) -> list[Line]:
    """ "Janv. 2015 - Janv. 2021 DevOps Engineer, Senior Network" / "6 ans" / "Engineer" / "KAYAK Software
    Corporation": a title beside its dates wrapped, with the time spent (printed under the dates) read between its
    halves. The tail -- a few words that name a title, no date -- goes back onto the dated line, the time spent
    after it, so the employer is the line under them again."""
    out = list(lines)
    for index in range(len(out) - 3):
        dated, spent, tail = out[index], out[index + 1], out[index + 2]
        words = tail.text.split()
        match = RANGE.search(dated.text)
        if (match is None or not time_spent(spent) or not 1 <= len(words) <= 3 or is_bullet(tail) or has_dates(tail)
                or not TITLE_WORDS.search(tail.text) or not all(w[:1].isupper() for w in words)):
            continue
        beside = dated.text[match.end():].strip()
        if not beside or not TITLE_WORDS.search(beside) or beside[-1:] in ".,;:)" or split_at_employer(beside)[1:]:
            continue
        joined = f"{dated.text.rstrip()} {tail.text.strip()}"
        if typography is not None:
            typography.alias(joined, dated.text)
        out[index], out[index + 2] = Line(number=dated.number, text=joined), Line(number=tail.number, text="")
    return [line for line in out if line.text]


def _wrapped_field_end(lines: list[Line], index: int, typography: Typography) -> int:
    """Where the field set large on `lines[index]` ends (the index after its last line): on the next line in the same
    face when that starts with a word in lower case, which no field does ("Développeuse et chargée de mission" /
    "logiciels libres"; "eBay" keeps a capital), or on the line that closes a bracket the field opened, within three
    lines ("Développeuse web (programme" / "\"Volontariat International en" / "Entreprise\")")."""
    if index + 1 >= len(lines):
        return index + 1
    words = lines[index + 1].text.split()
    if not wrapped_header(lines[index], lines[index + 1], typography):
        # A field in bold at the body's size wraps in its face too ("Amsterdam University of Applied" / "Sciences"),
        # known by the section's habit or by the edge it ran to.
        if _bold_run_on(lines[index], lines[index + 1], typography) and (
                _wrapped_by_habit(lines, index, typography) or _ran_to_the_edge(lines[index], lines[index + 1],
                                                                                typography)):
            return index + 2
        return index + 1
    if (words and words[0].isalpha() and words[0].islower()) or _ran_to_the_edge(lines[index], lines[index + 1],
                                                                                    typography):
        return index + 2
    if lines[index].text.count("(") > lines[index].text.count(")"):
        for end in range(index + 2, min(len(lines), index + 3) + 1):
            if end > index + 2 and not wrapped_header(lines[end - 2], lines[end - 1], typography):
                break
            joined = " ".join(x.text for x in lines[index:end])
            if joined.count("(") == joined.count(")"):
                return end
    if _wrapped_by_habit(lines, index, typography):
        return index + 2
    return index + 1


def _ran_to_the_edge(line: Line, below: Line, typography: Typography) -> bool:
    """Did `line` run to its column's edge with no room for the first word of `below` (`Typography.no_room_for`),
    which is no date or bullet? Then the two are one field wrapped."""
    own, under = typography.style(line), typography.style(below)
    return (own is not None and under is not None and not has_dates(below) and not is_bullet(below)
            and typography.no_room_for(own, under))


def _wrapped_by_habit(lines: list[Line], index: int, typography: Typography) -> bool:
    """Are `lines[index]` and the line under it, set alike, one field wrapped by the section's habit
    (`_one_line_in_its_face`): a short tail, no date, the line after it in another face?"""
    words = lines[index + 1].text.split()
    return (index + 2 < len(lines) and face_of(lines[index + 2], typography) != face_of(lines[index], typography)
            and len(words) <= _HABIT_TAIL_WORDS and not has_dates(lines[index + 1]) and not is_bullet(lines[index + 1])
            and _one_line_in_its_face(lines, index, typography))


def _bold_run_on(line: Line, below: Line, typography: Typography) -> bool:
    """`below` set in `line`'s face, bold, at its left edge, as close under it as a paragraph's next line."""
    own, under = typography.style(line), typography.style(below)
    return (own is not None and under is not None and own.bold >= 0.6 and face_of(line, typography) == face_of(
        below, typography) and Typography.runs_on(own, under) and abs(own.x - under.x) <= 3
            and not is_bullet(line))


# The most words the wrapped end of a field set in the section's one-line face holds ("Editor", "Project Coordinator").
_HABIT_TAIL_WORDS = 4


def _one_line_in_its_face(lines: list[Line], index: int, typography: Typography) -> bool:
    """Does the section set one line in the face of `lines[index]` per entry, as a habit (two entries at least, and
    most of them)? Then two lines in that face are one field wrapped, whatever their case ("Lead Technical Writer
    and Technical" / "Editor" over the employer in its own face, where every other entry's title is one line): a
    second field would be set in the face the other entries give it."""
    face = face_of(lines[index], typography)
    runs: list[int] = []
    for i, line in enumerate(lines):
        if face_of(line, typography) != face:
            continue
        if runs and i - 1 >= 0 and face_of(lines[i - 1], typography) == face:
            runs[-1] += 1
        else:
            runs.append(1)
    singles = runs.count(1)
    return singles >= 2 and singles >= _HABIT_SHARE * len(runs)


# The share of an entry face's runs that are one line for that to be the section's habit.
_HABIT_SHARE = 0.6


def join_wrapped_headers(lines: list[Line], measure: int | None, typography: Typography | None) -> list[Line]:
    """An entry's one-line header wrapped onto the next line is one line again: set large and wrapped in its face
    (`_join_large_wrapped_headers`), after a date alone on its line, wrapped after a comma
    (`_wrapped_after_a_comma`), or wrapped at the margin above its dates (`_wrapped_at_the_margin`)."""
    lines = _title_wrapped_round_its_tenure(_join_large_wrapped_headers(lines, typography), typography)
    out: list[Line] = []
    skip = False
    for index, line in enumerate(lines):
        if skip:
            skip = False
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        # The line after the tail, past the employer's web address printed under its name.
        later = index + 2
        while later < len(lines) - 1 and address_line(lines[later]):
            later += 1
        after = lines[later] if later < len(lines) else None
        run_on = _wrapped_before_its_dates(line, following) if following is not None else None
        if following is not None and run_on is None and _wrapped_after_a_linking_word(line, following):
            run_on = f"{line.text.rstrip()} {following.text.strip()}"
        if following is not None and run_on is None and _wrapped_at_its_hyphen(line, following):
            run_on = f"{line.text.rstrip()}{following.text.strip()}"  # "Robotron Datenbank-" / "Software GmbH"
        if following is not None and run_on is not None:
            if typography is not None:
                typography.alias(run_on, line.text)
            out.append(Line(number=line.number, text=run_on))
            skip = True
            continue
        if following is not None and (
                _wrapped_after_a_comma(out[-1] if out else None, line, following)
                or _wrapped_at_the_margin(line, following, after, measure, typography)
                or _dated_header_wrapped(line, following, measure, typography)
                or _bracket_closed_below(line, following)):
            joined = f"{line.text.rstrip()} {following.text.strip()}"
            if typography is not None:
                typography.alias(joined, line.text)  # the joined header keeps the look of its first line
            out.append(Line(number=line.number, text=joined))
            skip = True
            continue
        out.append(line)
    return out


def glyph_led_headers(lines: list[Line], typography: Typography | None) -> list[Line]:
    """A theme that sets a glyph before each entry's employer ("• NMS Kittsee" over "October, 2015 - March, 2016"):
    known by the habit, not by one line. Where most of the lines that open with their dates have, right above them,
    a short glyph-led line that names something (a few words, no sentence, no date, no full stop, colon or comma
    at its end), and the section opens with one, those lines lose the glyph and are read as headers. A date-first
    layout's last achievement above the next dates ("• Led hiring" / "2016 - 2019") can be as short, but no
    section opens with an achievement; and one such line alone is no habit."""
    dated = [i for i, line in enumerate(lines) if STARTS_DATED.match(line.text) and not is_bullet(line)]
    led = [i - 1 for i in dated if i > 0 and _glyph_led_name(lines[i - 1])]
    if len(led) < 2 or len(led) < _GLYPH_LED_SHARE * len(dated) or led[0] != 0:
        return lines
    return _without_lead(lines, led, BULLET, typography)


# "2019 • Embedded Linux Platform Engineer @ Cogent Embedded": a timeline's year and its dot before a header.
_TIMELINE_YEAR = re.compile(r"^\s*(?:19|20)\d\d\s*[•·▪●◦|]\s+(?=[^\W\d_])")


def timeline_years_off_headers(lines: list[Line], typography: Typography | None) -> list[Line]:
    """A timeline down the margin sets a year and a dot before each entry's header, the entry's range on the line
    under it ("2019 • Engineer @ Cogent Embedded" / "Embedded automotive software / 2018 – 2019"): the year made the
    header a dated line of its own, so the range's line was read as the header. Where two entries or more do so,
    the headers lose the timeline's year and dot."""
    marked = [i for i in range(len(lines) - 1) if _TIMELINE_YEAR.match(lines[i].text)
              and not RANGE.search(lines[i].text) and RANGE.search(lines[i + 1].text)]
    if len(marked) < 2:
        return lines
    return _without_lead(lines, marked, _TIMELINE_YEAR, typography)


def _without_lead(lines: list[Line], indexes: list[int], lead: re.Pattern[str], typography: Typography | None
                  ) -> list[Line]:
    """The lines with what `lead` matches first taken off those at `indexes`; their typography goes with them."""
    out = list(lines)
    for i in indexes:
        out[i] = lines[i].model_copy(update={"text": lead.sub("", lines[i].text, count=1)})
        if typography is not None:
            typography.alias(out[i].text, lines[i].text)
    return out


# The share of dated lines with a glyph-led name above them that makes the glyph the entries' habit.
_GLYPH_LED_SHARE = 0.6


def _glyph_led_name(line: Line) -> bool:
    """A bulleted line that is only a name's few words ("• NMS Kittsee", "• selbstständig")."""
    text = BULLET.sub("", line.text, count=1).strip()
    return (is_bullet(line) and 0 < len(text.split()) <= 4 and len(text) <= 40 and not has_dates(line)
            and not text.endswith((".", ":", ";", ",")) and not sentence_like(text) and any(c.isalpha() for c in text))


def _wrapped_after_a_linking_word(line: Line, tail: Line) -> bool:
    """ "Head of Engineering &" / "Platform" under the dates, "Community Action Committee of the" / "Lehigh Valley"
    over them: a header line that ends in a linking word goes on in a short line below, wherever the dates are (no
    field ends in "&" or "of the"); so does one that ends in its comma ("Développeuse web (programme VIE) ," /
    "Nuxeo (https://www.nuxeo.com)": a theme that keeps the employer and its web address together wraps there) when
    it holds that one field. The tail's web address is no word of it. Not a description's line (prose wraps
    anywhere) nor a tail that is a date, a bullet, a heading, a web address or prose."""
    text, rest = line.text.strip(), WEB_ADDRESS.sub(" ", tail.text).strip()
    # A single field ending in a comma ("Senior Data Scientist,") is judged as a header without it: its comma says
    # another field follows. A line that already holds fields or a list ("Manager, Software Engineer -
    # JavaScript/Node,") ends in a list's comma, which says nothing about a header.
    head = line.model_copy(update={"text": text.rstrip(" ,")})
    comma = text.endswith(",") and "," not in head.text and len(header_fields(head.text)) == 1
    return (((_ENDS_IN_A_LINKING_WORD.search(text) is not None and claimable_header(line))
             or (comma and claimable_header(head))) and _goes_on_in(line, tail, rest))


def _wrapped_at_its_hyphen(line: Line, tail: Line) -> bool:
    """ "Robotron Datenbank-" / "Software GmbH": a header's compound wrapped at its own hyphen goes on in the short
    capitalised line below, joined without a space (the hyphen is the name's: German and Czech compounds keep
    theirs before a capital). Not a description's line, nor a tail that is a date, a bullet, a heading or prose."""
    text = line.text.strip()
    head = line.model_copy(update={"text": text.rstrip("-")})
    return re.search(r"[^\W\d_]-$", text) is not None and claimable_header(head) and _goes_on_in(
        line, tail, tail.text.strip())


def _goes_on_in(line: Line, tail: Line, rest: str) -> bool:
    """Can a header line whose end says it goes on (a linking word, its one field's comma, a compound's hyphen)
    go on in `tail` (its words `rest`)? Not when the line is dated, a description's or prose (prose wraps
    anywhere), nor when the tail is more than a few words, starts in lower case, or is a date, a bullet, a
    heading, a web address or prose."""
    text = line.text.strip()
    return (not has_dates(line) and not description_line(text) and not reads_as_prose(text) and rest[:1].isupper()
            and len(rest.split()) <= 4 and not is_bullet(tail) and not has_dates(tail) and not heading_name(rest)
            and not address_line(tail, bare_domain=True) and not reads_as_prose(rest))


def _wrapped_before_its_dates(line: Line, tail: Line) -> str | None:
    """ "Societe Generale Corporate and  Oct 2016 - Present" / "Investment Banking - SG CIB": a header whose words
    end in a linking word, its dates set at the line's end, runs on in the short line below. The header joined,
    the tail's words before the dates; None for any other pair of lines."""
    match = RANGE.search(line.text)
    if match is None or line.text[match.end():].strip(" .)") or is_bullet(line) or is_bullet(tail):
        return None
    head, rest = line.text[: match.start()].rstrip(" |,"), tail.text.strip()
    if not head or _ENDS_IN_A_LINKING_WORD.search(head) is None or has_dates(tail) or not rest or heading_name(rest) or (
            len(rest.split()) > _WRAPPED_TAIL_WORDS or reads_as_prose(rest) or address_line(tail)):
        return None
    return f"{head} {rest}  {line.text[match.start():].strip()}"


def _bracket_closed_below(line: Line, following: Line) -> bool:
    """ "Game Developer - Arcadia Redux (Dota 2" / "Unofficial)": a header line that opens a bracket it does not
    close, and a short line under it that closes it, are one line cut by a wrap. (A header, not prose or a bullet:
    a wrapped description goes on anyway.) The short line may go on with the entry's dates: "MUTEK, Frontière IA
    (Montreal, Canada & Berlin," / "Germany) | 2018-03-31 to 2018-06-30"."""
    text, tail = line.text.rstrip(), following.text.strip()
    closing = tail.find(")")
    if closing < 0:
        return False
    closed, after = tail[:closing + 1], tail[closing + 1:].strip(" |,;·–—-")
    return (text.count("(") > text.count(")") and "(" not in tail[:closing]
            and re.fullmatch(r"[^()]*\)[\s.,;:]*", closed) is not None and len(closed.split()) <= 6
            and (not after or date_only(after))
            and not is_bullet(line) and not is_bullet(following) and not sentence_like(text)
            and not YEAR.search(closed) and _FIELD_SEPARATOR.search(text) is not None)


def _wrapped_after_a_comma(previous: Line | None, line: Line, following: Line) -> bool:
    """A date alone on its line, then the header wrapped after a comma ("Intern, Airbus, Puerto Real," / "Spain"):
    the short tail (a few words, no date, no bullet) finishes the header line."""
    return (previous is not None and line.text.rstrip().endswith(",") and date_only(previous.text)
            and not is_bullet(line) and not is_bullet(following) and len(following.text.split()) <= 6
            and len(following.text.strip()) <= 40 and following.text[:1].isupper()
            and not YEAR.search(following.text) and not heading_name(following.text))


# A header line this close to the measure ran into the margin: it was wrapped.
_AT_THE_MARGIN = 0.85
# ... and so was one that the next line's first word would have taken past this share of the measure.
_NEXT_WORD = 0.9
# What a header line ends in when its last field runs on ("— ", "&", "of", "and"): no field ends so.
_LINKING_AT_END = (r"(?:of|and|for|at|in|the|to|&"
                   # ... and in the other languages the reader covers, in lower case: "Especialista en
                   # Integraciones y" / "Analítica", "Responsable de la" / "production", "Leiter für" / "Data".
                   r"|(?-i:y|e|et|und|oder|für|der|de|del|des|du|da|do|dos|das|di|della|en|pour|para|per|con|van"
                   r"|voor|la|le))")
_ENDS_MID_FIELD = re.compile(rf"(?:[-–—,&/|@]|\b{_LINKING_AT_END}\b)\s*$", re.IGNORECASE)
_FIELD_SEPARATOR = re.compile(r"\s[-–—|@]\s|,\s")
# ... and a line ending in a word that links to more ("Community Action Committee of the" / "Lehigh Valley") was
# wrapped however short it looks: a header set larger than the body wraps well before the body's measure.
_ENDS_IN_A_LINKING_WORD = re.compile(rf"\s{_LINKING_AT_END}\s*$", re.IGNORECASE)


def _wrapped_at_the_margin(line: Line, tail: Line, after: Line | None, measure: int | None,
                           typography: Typography | None) -> bool:
    """ "Fernhollow Payments, New York, NY — Senior" / "Manager, ML Platform" / "June 2019 - ...": a one-line header
    wrapped by a narrow column, its title cut in two. The line ran into the margin (`_AT_THE_MARGIN` of the
    document's `measure`, or the tail's first word would not have fitted beside it: `_NEXT_WORD`, characters
    being narrower than bold type), the short line under it carries no date and the line after that is the
    entry's dates; and the cut is a wrap by its shape: the tail starts in lower case ("of Machine Learning"), the
    line ends mid-field ("— "), or it already holds fields (a separator), so the tail is its last field's end
    rather than a field of its own (an employer under a long title holds no separator). A line that reads as prose
    is an achievement without its glyph, and the short line under it a header of its own ("Career Break"). With
    styles, the tail must also be set as the end of the line above is (`_in_the_face_it_ends_in`); a header set
    larger than the body is left to `wrapped_header`, which reads its wrapped lines where they are, unless the
    line ends in a linking word ("Community Action Committee of the" / "Lehigh Valley"): no field ends so, and a
    header set large wraps well before the body's measure, so that ending alone tells the wrap."""
    text = line.text.strip()
    linking = _ENDS_IN_A_LINKING_WORD.search(text) is not None
    return (measure is not None and after is not None
            and (typography is None or (_in_the_face_it_ends_in(line, tail, typography)
                                        and (linking or not wrapped_header(line, tail, typography))))
            and (len(text) >= _AT_THE_MARGIN * measure or len(f"{text} {tail.text.split()[0]}") > _NEXT_WORD * measure
                 or linking)
            and len(tail.text.strip()) <= WRAPPED_SHARE * measure
            and bool(STARTS_DATED.match(after.text))
            and not any(is_bullet(x) or heading_name(x.text) or has_dates(x) for x in (line, tail))
            and not text.endswith(".") and not reads_as_prose(text)
            and bool(tail.text.strip()[:1].islower() or _ENDS_MID_FIELD.search(text) or _FIELD_SEPARATOR.search(text)))


def _dated_header_wrapped(line: Line, tail: Line, measure: int | None, typography: Typography | None) -> bool:
    """ "2021–present Lead Embedded Engineer, Voltaris" / "Bahntechnik GmbH, Munich, Germany.": a header that holds
    its dates, wrapped by a narrow column, the employer cut in two. The dated line ran into the margin (as in
    `_wrapped_at_the_margin`) and holds more than its dates; the tail under it is short, no bullet, no date, no
    heading and no prose; and the cut is a wrap by its shape: the line ends mid-field ("Engineer," "Director of")
    or the tail starts in lower case. A tail of names alone ("Research, Zurich, Switzerland" under "... Intern,
    Quillon") is no sign: a header's second line ("Universidad de Castilla Norte, Burgos") reads the same. Dates
    that end the line close it. With styles, the tail must be set as the line's end is."""
    text, rest = line.text.strip(), tail.text.strip()
    if measure is None or not rest or not has_dates(line) or date_only(text) or is_bullet(line) or is_bullet(tail):
        return False
    if _ENDS_DATED.search(text):
        return False  # dates set at the line's end close it ("2020-04-01 —" too): what follows is a line of its own
    if not (len(text) >= _AT_THE_MARGIN * measure or len(f"{text} {rest.split()[0]}") > _NEXT_WORD * measure):
        return False
    # The tail's full stop ends no sentence: some templates close every header line with one ("Austin, TX.").
    if (has_dates(tail) or SINGLE_DATE.search(rest) or address_line(tail, bare_domain=True) or heading_name(rest)
            or reads_as_prose(rest.rstrip(".")) or len(rest.split()) > _WRAPPED_TAIL_WORDS or rest.endswith(":")):
        return False
    if typography is not None and not (_in_the_face_it_ends_in(line, tail, typography)
                                       and not wrapped_header(line, tail, typography)):
        return False
    # A tail in lower case that ends in its legal form is a name of its own ("octomind gmbH"), not a wrapped end.
    return bool(_ENDS_MID_FIELD.search(text) or (rest[:1].islower() and not legal_form(rest)))


# A line that ends in its dates ("Software Engineer  Jul. 2024 – Present").
_ENDS_DATED = re.compile(rf"(?:{DATE}|{OPEN_END})[\s.)]*(?:[-–—]\s*)?$", re.IGNORECASE)
# The most words the wrapped end of a dated header holds ("Institute for Molecular Computation, Heidelberg").
_WRAPPED_TAIL_WORDS = 7


def _in_the_face_it_ends_in(line: Line, tail: Line, typography: Typography) -> bool:
    """Is `tail` set as a line wrapped off `line` is: the same size and colour, as close under it as a paragraph's
    lines, and in a face the line has (an italic tail under a line whose bold employer ends in an italic title
    part: "Fernhollow Payments, New York, NY — Director of" / "Machine Learning Engineering")? A title set on a
    line of its own in a face the line above lacks is a field of its own."""
    above, below = typography.style(line), typography.style(tail)
    if above is None or below is None:
        return False
    return (Typography.runs_on(above, below)
            and (below.italic < 0.6 or above.italic >= 0.1) and (below.bold < 0.6 or above.bold >= 0.1)
            and (below.italic >= 0.6 or below.bold >= 0.6 or min(1 - above.italic, 1 - above.bold) >= 0.1))


# The Europass CV form (LaTeX europecv, the older Europass templates): every row of an entry starts with a label
# naming its field, the dates first. The label says which words are the title and which the employer.
_FORM_DATES = re.compile(r"^(?:dates?|datum|zeitraum|fechas?|datas?|p[ée]riode)\s*:?\s+(?=\S)", re.IGNORECASE)
_FORM_TITLE = re.compile(
    r"^(?:occupation or position held|beruf oder funktion|fonction ou poste occup[ée]"
    r"|profesi[óo]n o cargo desempe[ñn]ado|fun[çc][ãa]o ou cargo ocupado)\s*:?\s*", re.IGNORECASE)
_FORM_EMPLOYER = re.compile(
    r"^(?:name and address of (?:the )?employer|name und adresse des arbeitgebers|nom et adresse de l['’]employeur"
    r"|nombre y direcci[óo]n de(?:l| la empresa o del?)? empleador|nome e (?:morada|endere[çc]o) do empregador)"
    r"\s*:?\s*", re.IGNORECASE)
_FORM_OTHER = re.compile(
    r"^(?:main activities and(?: responsibilities)?|type of business or sector|wichtigste t[äa]tigkeiten und"
    r"(?: zust[äa]ndigkeiten)?|activit[ée]s et responsabilit[ée]s(?: principales)?"
    r"|funciones y responsabilidades(?: principales)?|principais actividades e responsabilidades)\s*:?\s*",
    re.IGNORECASE)
# The second line of a label wrapped in its narrow column ("Main activities and" / "responsibilities").
_FORM_LABEL_TAIL = re.compile(r"^(?:responsibilities|zust[äa]ndigkeiten|principales|or sector)$", re.IGNORECASE)


def _periods_only(text: str) -> bool:
    """Nothing but dates and what joins them ("01/2011 – 04/2011 and 09/2011 –"): one role's further periods,
    listed after a semicolon, not an entry of its own."""
    rest = re.sub(DATE, " ", RANGE.compiled.sub(" ", text), flags=re.IGNORECASE)
    return not re.search(r"[^\W\d_]", re.sub(r"\b(?:and|und|et|y|e)\b", " ", rest, flags=re.IGNORECASE))


def split_run_on_entries(lines: list[Line]) -> list[Line]:
    """ "Staff Data Scientist (2022 – Present); Senior Data Scientist (2019 – 2022)": entries run on in one line,
    each with its own dates, are one line each, so each is a role (a promotion written in one line, or "Graduate
    Developer, Accenture (2007 – 2009); Intern, IBM (2006 – 2007)")."""
    out: list[Line] = []
    for line in lines:
        parts = [part.strip() for part in line.text.split(";")]
        if len(parts) > 1 and not is_bullet(line) and all(RANGE.search(part) for part in parts) and not any(
                _periods_only(part) for part in parts[1:]):
            out += [Line(number=line.number, text=part) for part in parts]
        else:
            out.append(line)
    return out


def europass_rows_as_headers(lines: list[Line]) -> list[Line]:
    """Europass rows ("Dates March 2021 – present" / "Occupation or position held Lead Engineer" / ... / "Name and
    address of employer Voltaris GmbH, Munich") rewritten as one header line on the dates' line -- "title | employer
    | dates", so no line of the description can be taken for part of it -- followed by the description, labels
    removed. Lines of a section without such rows are kept."""
    if sum(bool(_FORM_TITLE.match(line.text) or _FORM_EMPLOYER.match(line.text)) for line in lines) < 2:
        return lines
    out: list[Line] = []
    entry: dict[str, list[Line]] | None = None

    def close() -> None:
        if entry is not None:
            dated = entry["dates"][0]
            header = " | ".join(line.text for line in entry["title"] + entry["employer"] + [dated])
            out.extend([Line(number=dated.number, text=header)] + entry["rest"])

    for line in lines:
        text = line.text.strip()
        dates = _FORM_DATES.match(text)
        if dates and (RANGE.search(text) or OPEN_FIRST.search(text) or SINCE.search(text)):
            close()
            entry = {"title": [], "employer": [], "dates": [Line(number=line.number, text=text[dates.end():])],
                     "rest": []}
            continue
        if entry is None:
            out.append(line)
            continue
        for key, label in (("title", _FORM_TITLE), ("employer", _FORM_EMPLOYER), ("rest", _FORM_OTHER)):
            found = label.match(text)
            if found:
                if text[found.end():]:
                    entry[key].append(Line(number=line.number, text=text[found.end():]))
                break
        else:
            if not _FORM_LABEL_TAIL.match(text):
                entry["rest"].append(line)
    close()
    return out


# "Janvier - Août 2009", "Mar – Sep 2019": two months sharing the year written after the second.
_SHARED_YEAR = re.compile(
    rf"(?<![\w/.-])(?<!\d )(?P<first>{MONTH})(?P<dash>\s*[-–—]\s*)(?P<second>{MONTH}{MONTH_YEAR_GAP})"
    r"(?P<year>(?:19|20)\d\d)(?![\w/.-])",
    re.IGNORECASE,
)


# "3 - 4/2014", "5 - 11/2012": two months by number sharing the year written after the second (German CVs). Only
# a start before its end: anything else is no range of months.
_SHARED_YEAR_NUMERIC = re.compile(
    r"(?<![\w/.,-])(?P<first>0?[1-9]|1[0-2])(?P<dash>\s*[-–—]\s*)(?P<second>(?:0?[1-9]|1[0-2]))(?P<sep>[/.])"
    r"(?P<year>(?:19|20)\d\d)(?![\w/.-])"
)


def _spelled_out(text: str) -> str:
    text = _SHARED_YEAR.sub(lambda m: f"{m['first']} {m['year']}{m['dash']}{m['second']}{m['year']}", text)
    return _SHARED_YEAR_NUMERIC.sub(
        lambda m: f"{m['first']}{m['sep']}{m['year']}{m['dash']}{m['second']}{m['sep']}{m['year']}"
        if int(m["first"]) < int(m["second"]) else m[0], text)


def spell_out_shared_years(lines: list[Line]) -> list[Line]:
    """Give the first month of a range that shares one year its year ("Janvier - Août 2009" -> "Janvier 2009 -
    Août 2009", "3 - 4/2014" -> "3/2014 - 4/2014"), so the range reads as one."""
    return [line.model_copy(update={"text": _spelled_out(line.text)})
            if _SHARED_YEAR.search(line.text) or _SHARED_YEAR_NUMERIC.search(line.text) else line for line in lines]
