"""Read the roles of a work-history section: each one found by its dates, its header split into title,
employer and place, its bullets gathered.

What a reader does with a section of dated entries, in order: join what the layout broke (`entry_joins.py`: a
header wrapped over two lines, a date range split from its entry or stacked in a margin), anchor an entry at every
date range, take the header lines above or beside it (by position and typography), split them into fields
(`entry_fields.py`), and gather the bullets under it. What a single line is (a bullet, a date, a header a role
can claim) is asked of `entry_lines.py`. The list of roles it returns is tidied by `role_cleanup.py`.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from assistant.resume.contact import DOCUMENT_TITLE
from assistant.resume.dates import (
    current_month,
    heading_free_accents,
    is_open_end,
    month_first_days,
    months_between,
    parse_date,
)
from assistant.resume.entry_fields import (
    Face,
    employment_type_only,
    face_of,
    field_label,
    header_fields,
    learned_title,
    place_only,
    reads_as_title,
    sentence_like,
    split_at_employer,
    split_by_weight,
    split_run_in_title,
    street_address,
    strip_location,
    title_by_position,
    title_by_typography,
    title_company,
    title_side,
)
from assistant.resume.entry_joins import (
    connect_unconnected_ranges,
    europass_rows_as_headers,
    glyph_led_headers,
    join_dangling_ranges,
    join_stacked_margin_dates,
    join_wrapped_headers,
    join_wrapped_ranges,
    spell_out_shared_years,
    split_run_on_entries,
    timeline_years_off_headers,
)
from assistant.resume.entry_lines import (
    DESCRIPTION_DASH,
    STARTS_DATED,
    WRAPPED_SHARE,
    YEAR_MENTIONED,
    address_line,
    claimable_header,
    comma_header,
    date_only,
    description_line,
    has_dates,
    is_bullet,
    set_larger,
    time_spent,
    wrapped_header,
)
from assistant.resume.headings import Typography, looks_like_heading_text
from assistant.resume.models import Job, Line, SetAside
from assistant.resume.places import known_city, known_region
from assistant.resume.role_cleanup import (
    ASSIGNMENT,
    BESIDE_A_CAREER,
    MEMBERSHIP,
    distinct_roles,
    nest_roles,
    not_a_role,
    ongoing_latest_role,
    open_timeline_ends,
    same_employer,
)
from assistant.resume.vocabulary import (
    BARE_YEAR,
    BULLET,
    CAREER_BREAK,
    DURATION,
    DURATION_UNIT,
    ENTRY_LABEL,
    ISO_START,
    LEADING_YEAR,
    LONE_ISO_DATE,
    OPEN_FIRST,
    RANGE,
    SINCE,
    SINGLE_DATE,
    TENURE,
    TITLE_WORDS,
    TRAILING_YEAR,
    UNSET_DATE,
    find_location,
    legal_form,
)


def _reads_as_a_place(text: str) -> bool:
    """A line under a list item's header that names its place and nothing else ("Solna, Stockholm County, Sweden",
    "Verona, Veneto, Italy (remote)"): a place by `place_only`, or two to four comma parts, no digit, the first a
    known city or the last a country or region."""
    parts = [part.strip() for part in _WORK_MODE_AFTER.sub("", text).split(",")]
    return place_only(text) or 2 <= len(parts) <= 4 and all(parts) and not re.search(r"\d", text) and (
        known_city(parts[0]) or known_region(parts[-1]))


# A work mode in brackets after a place: "(remote)", "(hybrid)".
_WORK_MODE_AFTER = re.compile(r"\s*[(\[](?:remote|hybrid|on-?site)[)\]]\s*$", re.IGNORECASE)


def _opens_a_sentence(lines: list[Line], index: int) -> bool:
    """Does the line at `index` start a sentence the next line ends ("Internal developer platform for 400" /
    "engineers.")? A description wrapped in a narrow column, not an employer under a title."""
    if index + 1 >= len(lines) or DESCRIPTION_DASH.search(lines[index].text):
        return False  # ("Vinterberg Retail — built product search ...": the sentence follows the employer's dash.)
    tail = lines[index + 1].text.strip()
    return tail[:1].islower() and not is_bullet(lines[index + 1]) and sentence_like(
        f"{lines[index].text.strip()} {tail}")


def _glyph_field(line: Line, longest: int = 60) -> bool:
    """A bulleted line that reads as one header field once its glyph is gone: short, no prose, claimable."""
    text = BULLET.sub("", line.text).strip()
    return is_bullet(line) and 0 < len(text) <= longest and not sentence_like(text) and claimable_header(
        Line(number=line.number, text=text))


def _list_item_over(lines: list[Line], anchor: int) -> int | None:
    """The bulleted header field that opens the entry dated at `anchor`, as a list item: right over the dates, or
    over at most two unbulleted header lines (a place, the wrapped end of the item) that sit between. An item that
    ends on a connector ("... — MarcoGameDev /") wrapped onto the line below, so it may be longer than one field."""
    i = anchor - 1
    while i >= 0 and anchor - i <= 3 and not is_bullet(lines[i]) and claimable_header(lines[i]):
        i -= 1
    if i < 0 or anchor - i > 3:
        return None
    wrapped = i + 1 < anchor and _CONNECTOR_END.search(lines[i].text.rstrip()) is not None
    between = lines[i + 1 + wrapped: anchor]
    return i if all(_reads_as_a_place(line.text) for line in between) and _glyph_field(
        lines[i], 90 if wrapped else 60) else None



def _lone_glyph(line: Line) -> bool:
    """A bullet glyph with no text beside it: a list item's mark the extraction set on a line of its own."""
    return bool(line.text.strip()) and not BULLET.sub("", line.text).strip() and not re.search(r"\d", line.text)


def _odd_cased_name(line: Line) -> bool:
    """A name of one word spelt in lower case or opening with a digit ("spotify", "3M", "23andMe", "7-Eleven"), with
    a letter in it and no sentence's end. `claimable_header` turns such a line down (a line in lower case usually
    goes on the bullet above), so it is taken as a header field only where its neighbours say so: under a title
    line of the same header, or right under the dated line. (Two words or more in lower case there are a wrapped
    description or a place, "system with milestones", "à Reims", on the tuning files.) The name may be followed by
    its place ("3M, Boston, MA", "spotify | San Francisco Bay Area")."""
    return _odd_name(line) is not None


def _odd_name(line: Line) -> str | None:
    """The name `_odd_cased_name` finds on the line, without its place."""
    text = BULLET.sub("", line.text).strip()
    name, place = strip_location(text.replace(" | ", ", ", 1))
    text = name.strip() if place is not None and name.strip() else text
    if (not is_bullet(line) and len(text.split()) == 1 and len(text) <= 30
            and (text[:1].islower() or text[:1].isdigit()) and bool(re.search(r"[^\W\d_]", text))
            and not text.endswith((".", ",", ";", ":", "!", "?")) and not RANGE.search(text)
            and not _CONNECTOR_END.search(text)):
        return text
    return None


def _odd_name_over_dates(lines: list[Line], i: int, anchor: int, pre: list[int], typography: Typography | None
                         ) -> bool:
    """An odd-cased name (`_odd_cased_name`) right over the header read so far (the dated title line, or the title
    over the dates), after the previous role's last bullet: the employer ("spotify | San Francisco Bay Area" over
    "Research Fellow | Jan 2021 - Present"), when that bullet ended its sentence or the name is set in bold and the
    bullet is not (a bullet's wrapped last word is neither)."""
    top = pre[0] if pre else anchor
    while top - 1 > i and (address_line(lines[top - 1]) or street_address(lines[top - 1].text)):
        top -= 1  # (the employer's web address printed under its name is skipped by the header's search too)
    if i != top - 1 or i == 0:
        return False
    above = lines[i - 1]
    if above.text.rstrip().endswith((".", "!", "?")):
        return True
    name = _odd_name(lines[i])
    if name is None or typography is None:
        return False
    own, before = typography.style(lines[i]), typography.style(above)
    if own is None or before is None:
        return False
    # Set larger than the text above ("go2UBL" in the employers' 10.5 pt under a description in 8 pt), or in bold:
    # the bold share of the line reaches at least over the name (its place beside it may be in another weight).
    return own.size >= _LARGER * before.size or (
        before.bold < 0.2 and own.bold * (len(lines[i].text.strip()) - 1) >= len(name) - 1)


# How much larger than the line above a name is set to be taken for a heading of its own (an employer's line).
_LARGER = 1.15


_CONNECTOR_END = re.compile(r"(?:[,;:&/+-]|\b(?:and|or|the|of|to|with|for|in|on|at|a|an|by|from|using))$", re.I)


def _continues(previous: Line, line: Line) -> bool:
    """Is `line` the wrapped tail of the bullet on `previous`, rather than a new header line?"""
    prev = previous.text
    if prev.endswith("/") and " " in line.text and line.text[:1].isupper():
        return False  # a link wrapped at "/" ends there; a capitalised phrase after it starts something new
    if _CONNECTOR_END.search(prev):
        return True
    unterminated_long_bullet = is_bullet(previous) and len(prev) >= 60 and not prev.endswith((".", "!", ")"))
    sentence_like = "," in line.text and not re.search(r"[|•·]", line.text) and re.search(r"\s[a-z]{2,}\b", line.text)
    return unterminated_long_bullet and bool(sentence_like)


def _employer_over_title(line: Line, dated: Line) -> bool:
    """Is `line` the employer heading of the dated entry right below it: no title word on it, and the dated line
    holds a title alone ("Embedded Software Engineer  January 2015 – August 2019"), no employer of its own?"""
    if sentence_like(line.text):
        return False
    match = RANGE.search(dated.text) or OPEN_FIRST.search(dated.text)
    rest = (dated.text[: match.start()] + " | " + dated.text[match.end():]) if match else dated.text
    fields = [part for field in header_fields(rest) for part in split_at_employer(field)]
    # The title words tell which is the title; where they name both or neither, the learned scorer does.
    return len(fields) == 1 and title_side(line.text.strip(), fields[0]) == 1


def _look(line: Line, typography: Typography) -> tuple[int, bool, bool, str] | None:
    """How a line is set, as a reader tells lines apart: size, bold, italic and colour."""
    style = typography.style(line)
    return None if style is None else (round(style.size * 2), style.bold >= 0.6, style.italic >= 0.6, style.colour)


def _body_above_header_look(lines: list[Line], anchors: list[int], typography: Typography | None) -> set[int]:
    """The lines set like the section's body text, where every entry sets the line under its dated line in a look
    of its own that nothing else in the section has ("Mittelschullehrer  Oct 2015 — Mar 2016" / "NMS Kittsee" in
    grey italics / "Mathematiklehrer (Karenzvertretung)" in the body's type): that look marks the header's second
    line, so a short body-type line right above the next dated line ends the entry before and is no header of its
    own. Empty where the section sets no such look, or where the first entry's header has a body-type line above
    its dates."""
    if typography is None or len(anchors) < 2:
        return set()
    looks = [_look(line, typography) for line in lines]
    below = {looks[a + 1] if a + 1 < len(lines) and a + 1 not in anchors and not is_bullet(lines[a + 1])
             and not address_line(lines[a + 1], bare_domain=True) else None for a in anchors}
    header_look = below.pop() if len(below) == 1 else None
    if header_look is None:
        return set()
    undated = [look for i, look in enumerate(looks) if i not in anchors and look is not None]
    # The body's look: the commonest among the lines that are neither dated nor under a dated line (ties go to the
    # first met, so the reading never depends on the order of a set).
    rest = [look for i, look in enumerate(looks) if i not in anchors and i - 1 not in anchors and look is not None]
    if not rest:
        return set()
    body = Counter(rest).most_common(1)[0][0]
    if header_look == body or undated.count(header_look) != len(anchors) or body in looks[:anchors[0]]:
        # (A body-type line above the first entry's dates, under the heading, is that entry's header: the layout
        # is another.)
        return set()
    # Body type has no bold or italic words at all: a header that sets only its title in bold ("**Architecture
    # Advisor** at The Cigna Group") is mostly regular, but not body type.
    return {i for i, look in enumerate(looks) if look == body and (style := typography.style(lines[i])) is not None
            and style.bold < 0.2 and style.italic < 0.2}


def _headers_below_dates(lines: list[Line], anchors: list[int]) -> bool:
    """Does this section write each entry as a bare date line with the title under it (simplecv, Europass), rather
    than the title above the date? Decided by where the section's own titles sit, beside most bare dates."""
    bare = [a for a in anchors if date_only(lines[a].text)]
    if len(bare) < 2 or len(bare) < 0.6 * len(anchors):
        return False
    if anchors[0] == 0 and bare[0] == 0 and not is_bullet(lines[0]):
        # The section opens on a bare date: its first entry's header can only be under it, and so are the rest
        # (which the titles alone cannot tell when one-line headers alternate with dates).
        return True
    opening = lines[:bare[0]]
    if anchors[0] == bare[0] and 1 <= len(opening) <= 3 and any(TITLE_WORDS.search(line.text) for line in opening) \
            and all(not is_bullet(line) and claimable_header(line) and not sentence_like(line.text) for line in opening):
        # The section opens on its first entry's header, a title among it, then the bare date: that header can only
        # be above its date, and so are the rest (entries with no description alternate header and date lines, so
        # the lines under each date read as the next entry's header as well as this one's).
        return False

    def titled(index: int) -> bool:
        # A sentence naming a role ("Contributed as a senior engineer within a global talent network,") is a
        # description, not a title line.
        return 0 <= index < len(lines) and not is_bullet(lines[index]) and bool(
            TITLE_WORDS.search(lines[index].text)) and not sentence_like(lines[index].text)

    def employer_like(index: int) -> bool:
        return 0 <= index < len(lines) and claimable_header(lines[index]) and not sentence_like(lines[index].text) \
            and not TITLE_WORDS.search(lines[index].text) and not _opens_a_sentence(lines, index)

    def over(index: int) -> int:
        """The line above `index`, past the employer's web address printed under its name."""
        index -= 1
        while index > 0 and address_line(lines[index]):
            index -= 1
        return index

    # "Servicetrace GmbH" / "2020-01-01 - 2021-10-30" / "Competence Lead" / "Primärer Ansprechpartner für alle":
    # an employer over most dates heads its entry, whatever reads like one under the title (a German description
    # capitalises its nouns).
    employers_above = sum(employer_like(over(a)) for a in bare) >= 0.6 * len(bare)
    if not employers_above and sum(titled(a + 1) and (
            employer_like(a + 2) and not description_line(lines[a + 2].text) or len(
            split_at_employer(lines[a + 1].text)) == 2) for a in bare) >= 0.6 * len(bare):
        return True  # "date / Title / Employer" (or "date / Title at Employer") on most entries
    if sum(employer_like(a + 1) and titled(a + 2) for a in bare) >= 0.6 * len(bare) and sum(
            titled(over(a)) for a in bare) < 0.5 * len(bare):
        return True  # "date / Employer / Title", where no title sits above the dates
    below = sum(titled(a + 1) for a in bare)
    above = sum(titled(over(a)) for a in bare)
    # "Employer / date / Title" keeps its employer above each date: then the lines above are this entry's.
    return below >= 2 and below > 2 * above and sum(employer_like(over(a)) for a in bare) < 0.5 * len(bare)


def _description_after(line: str, company: str) -> str | None:
    """The words after an employer and a dash that describe the work in lower case ("Kalix Games — churn and
    matchmaking models"), when the line starts with the employer; else None."""
    dash = DESCRIPTION_DASH.search(line)
    tail = line[dash.end():].strip() if dash is not None and line[:dash.start()].strip() == company.strip() else ""
    return tail if len(tail.split()) >= 2 else None  # "Globex - remote" names a place


def _second_header(first: Line, second: Line, typography: Typography | None = None) -> bool:
    """Is `second` the other half of a two-line entry header under a bare date: a short non-prose line, and of the
    two exactly one names a job title (the title line and the employer line, in either order) -- or the first is
    an employer alone (one field, no title word) over a line set larger than the body (a title in its own words)."""
    if is_bullet(second) or not (claimable_header(second) or _odd_cased_name(second)) or sentence_like(
            second.text) or description_line(second.text):
        return False
    if len((header_fields(second.text) or [""])[0]) >= 70 or RANGE.search(second.text):
        return False
    # A description run on after the employer ("Vinterberg Retail — built product search") is not part of its name:
    # "product" there names no job title.
    fields = header_fields(second.text)
    named = fields[0] if len(fields) >= 2 and all(f[:1].islower() for f in fields[1:]) else second.text
    first_titled, second_titled = bool(TITLE_WORDS.search(first.text)), bool(TITLE_WORDS.search(named))
    if first_titled != second_titled:
        return True
    if not first_titled and len(header_fields(first.text)) == 1 and set_larger(second, typography):
        return True
    # Title words on both lines or on neither ("Northwind Analytics" / "Statistician"): the learned scorer reads
    # one as a title and the other as an organisation, or the second line is not the header's.
    return len(header_fields(first.text)) == 1 == len(header_fields(second.text)) and learned_title(
        [first.text.strip(), second.text.strip()]) is not None


# A single date that dates the document itself ("Curriculum vitae, May 2025", "Last updated March 2024"), not a role.
_DOCUMENT_DATE = re.compile(rf"\b{DOCUMENT_TITLE}\b|\b(?:updated|revised|last modified|stand|as of)\b", re.IGNORECASE)


# A sentence that ends inside a line, before what follows it there: "... embedded. Da giugno 2012".
_SENTENCE_BREAK = re.compile(r"(?P<clause>[^.!?]*[^\W\d_]{2}[.!?])(?=\s)")


def _range_in_prose(lines: list[Line], index: int) -> bool:
    """Is the date range on line `index` part of a paragraph, not an entry's header? Narrative CVs tell a role's
    stages in sentences ("Da giugno 2012 a marzo 2013 ho gestito i training clienti", "From June 2019 to March
    2020 I ran the migration"), and a range that a wrap left on the line was read as a new role titled with the
    sentence's words. Prose by its grammar: a clause of mostly lower-case words ends inside the line before the
    range. (Not "the line goes on from a sentence the line above left open": in an all-lower-case resume every
    header goes on from the line above by that measure.)"""
    line = lines[index].text
    match = RANGE.search(line) or OPEN_FIRST.search(line)
    if match is None or is_bullet(lines[index]):
        return False
    for clause in _SENTENCE_BREAK.finditer(line[:match.start()]):
        words = clause.group("clause").split()
        if len(words) >= 4 and sum(w[:1].islower() for w in words) >= max(4, 0.6 * len(words)):
            return True
    return False


def _ends_the_bullet_above(lines: list[Line], index: int) -> bool:
    """ "• Started with Siemens HS which was acquired by Cerner effective" / "February 2015.": a date that ends the
    sentence a bullet above left open is that bullet's last words, not an entry's date."""
    above = lines[index - 1] if index > 0 else None
    return (above is not None and is_bullet(above) and not above.text.rstrip().endswith((".", "!", "?", ":"))
            and lines[index].text.rstrip().endswith("."))


def _entry_anchors(section_lines: list[Line]) -> list[int]:
    """The lines that open an entry: its dated line (a range, an open start, "since 2020", a single date), a header
    line ending or opening in a bare year where the entries print their ranges there, or a timeline's bare start
    year over a title."""
    anchors = [i for i, line in enumerate(section_lines) if (RANGE.search(line.text) or OPEN_FIRST.search(
        line.text)) and not _range_in_prose(section_lines, i) or (
        (SINCE.search(line.text) or SINGLE_DATE.search(line.text)) and len(line.text) < 90
        and not is_bullet(line) and not _DOCUMENT_DATE.search(line.text) and not sentence_like(line.text)
        and not _ends_the_bullet_above(section_lines, i))]
    if anchors:
        # Where the section's entries are dated, "Senior Manager, Applied ML  2018" is a role held within one year:
        # a header line (short, a title word, not prose or a bullet) that ends in a bare year.
        # Where the entries print their range at the end of the header line ("Globex  2015 - 2021"), a header
        # line that ends in a bare year the same way ("Initech  2021") is an entry held within that year too.
        ranges_last = [bool(m and not re.search(r"\w", line.text[m.end():])) for line in section_lines
                       if (m := RANGE.search(line.text)) and not is_bullet(line)]
        dates_last = len(ranges_last) >= 3 and sum(ranges_last) >= 0.75 * len(ranges_last)
        # The same where the entries open their header line with the range ("2012–2014 Globex  Arlington, VA"):
        # a header line opening with a bare year ("2014 Initech  Bethesda, MD") is a role held that year.
        # (Two ranges are enough when both are set so and the line names a job title: a short career, "2012 - 2016
        # Technicien ..." and "2011 Technicien de Maintenance IT".)
        ranges_first = [bool(m and not line.text[:m.start()].strip()) for line in section_lines
                        if (m := RANGE.search(line.text)) and not is_bullet(line)]
        dates_first = len(ranges_first) >= 2 and sum(ranges_first) >= max(2.0, 0.75 * len(ranges_first))
        # Where the ranges are written in ISO form, a header line ending in a lone ISO date is an entry whose end
        # the template left out (the ongoing role, "Kühne Datensysteme GmbH | 2021-01-01").
        iso_ranges = any((m := RANGE.search(section_lines[i].text)) and ISO_START.match(m.group("start"))
                         for i in anchors)
        # Where the entries print their range alone on the line under the header ("UX Designer - Edifecs" / "2013 -
        # Present"), a year alone there ("Social Media Intern - Social Freedom Inc" / "2012") dates a role held
        # within that year.
        alone = [i for i in anchors if RANGE.search(section_lines[i].text) and date_only(section_lines[i].text)]
        dates_alone = len(alone) >= 2 and len(alone) >= 0.75 * len(anchors)
        anchors = sorted(set(anchors) | {
            i for i, line in enumerate(section_lines)
            if iso_ranges and LONE_ISO_DATE.search(line.text) and len(line.text) < 90 and not is_bullet(line)
            and not sentence_like(line.text) and not _DOCUMENT_DATE.search(line.text)} | {
            i for i, line in enumerate(section_lines)
            if TRAILING_YEAR.search(line.text) and not YEAR_MENTIONED.search(line.text) and len(line.text) < 90
            and not is_bullet(line)
            and (TITLE_WORDS.search(line.text) or dates_last and len(line.text.split()) <= 8)
            and claimable_header(line) and not sentence_like(line.text)
            and not _DOCUMENT_DATE.search(line.text)} | {
            i for i, line in enumerate(section_lines)
            if dates_first and (lead := LEADING_YEAR.match(line.text)) and len(line.text) < 90
            and len(line.text.split()) <= 9 and claimable_header(Line(number=line.number, text=line.text[lead.end():]))
            and (len(ranges_first) >= 3 or TITLE_WORDS.search(line.text[lead.end():]))
            and not sentence_like(line.text) and not _DOCUMENT_DATE.search(line.text)} | {
            i for i, line in enumerate(section_lines)
            if dates_alone and i > 0 and BARE_YEAR.fullmatch(line.text.strip()) and i - 1 not in anchors
            and TITLE_WORDS.search(section_lines[i - 1].text) and claimable_header(section_lines[i - 1])
            and not is_bullet(section_lines[i - 1]) and not sentence_like(section_lines[i - 1].text)})
    else:
        # Timeline layouts (moderntimeline) print only the start year beside a bar, on a line of its own just
        # above the entry's header: with no written range anywhere in the section, such a year dates the entry.
        anchors = [i for i, line in enumerate(section_lines[:-1]) if BARE_YEAR.fullmatch(line.text)
                   and TITLE_WORDS.search(section_lines[i + 1].text) and claimable_header(section_lines[i + 1])
                   and not BARE_YEAR.fullmatch(section_lines[i + 1].text)]
        anchors = anchors or _single_year_entries(section_lines)
    return anchors


# A list item that is an entry in a few words with its date in brackets: "• Microsoft (2014)", "• WebCore
# Technologies (Spring 2012)", "• Developer, Acme (2010 - 2011)".
_DATED_ITEM = re.compile(r"(?P<entry>[^()]{2,60}?)\s*\((?P<date>[^()]*(?:19|20)\d\d[^()]*)\)\s*")


def _dated_list_items(section_lines: list[Line], anchors: list[int], openers: frozenset[int]) -> set[int]:
    """Entries listed as bullets, each a name and its date in brackets (an "Internships" or "Earlier roles" list):
    two items or more in a row set so, opening a section (`openers`: line numbers) or under a line of its own that
    names no date. Under a dated entry's header, such a list is that role's achievements ("• Promoted to lead
    (2016)"), so never there."""
    def item(index: int) -> bool:
        line = section_lines[index]
        match = _DATED_ITEM.fullmatch(BULLET.sub("", line.text, count=1)) if is_bullet(line) else None
        return match is not None and len(match.group("entry").split()) <= 6 and not sentence_like(match.group("entry"))

    found: set[int] = set()
    index = 0
    while index < len(section_lines):
        end = index
        while end < len(section_lines) and item(end):
            end += 1
        above = section_lines[index - 1] if index > 0 else None
        opens = above is None or section_lines[index].number in openers or (not is_bullet(above) and len(above.text.split()) <= 4 and not re.search(
            r"\d", above.text) and not any(index - 2 <= anchor < index for anchor in anchors))
        if end - index >= 2 and opens:
            found.update(range(index, end))
        index = max(end, index + 1)
    return found


# A year opening a header line, the header after it, a separator between or not ("2019 • Data Scientist").
_YEAR_OPENS_HEADER = re.compile(r"^\s*(?P<start>(?:19|20)\d\d)(?:\s*[•·|:–—-]\s*|\s+)(?=[^\W\d_])")


def _single_year_entries(section_lines: list[Line]) -> list[int]:
    """A work history whose every entry is dated by one year and no range anywhere in it: headers that open with
    their year ("2019 Senior Data Scientist, Acme Corp"), or a year alone on the line under a header (Title,
    employer / "2019" / its description). Two entries or more set the same way, each naming a job title, not prose;
    one stray year dates nothing."""
    def header(line: Line) -> bool:
        return (len(line.text) < 90 and not is_bullet(line) and TITLE_WORDS.search(line.text) is not None
                and claimable_header(line) and not sentence_like(line.text) and not _DOCUMENT_DATE.search(line.text))

    opening = [i for i, line in enumerate(section_lines) if (lead := _YEAR_OPENS_HEADER.match(line.text))
               and len(line.text.split()) <= 10 and header(Line(number=line.number, text=line.text[lead.end():]))]
    under = [i for i, line in enumerate(section_lines) if i > 0 and BARE_YEAR.fullmatch(line.text)
             and header(section_lines[i - 1]) and not BARE_YEAR.fullmatch(section_lines[i - 1].text)]
    return opening if len(opening) >= 2 else under if len(under) >= 2 else []


def _entry_headers(section_lines: list[Line], anchors: list[int], dated_items: set[int], typography: Typography | None
                   ) -> tuple[list[tuple[int, list[int], list[int]]], dict[int, int], set[int]]:
    """Each entry's header: (its dated line, the header lines above it, the header lines below it), the employer
    line over a tenure line per entry (`group_openers`), and the dated lines that are small print under their
    header (`meta`). A line claimed by one entry's header is never another's; an item of a dated list
    (`dated_items`) is a whole header by itself."""
    claimed: set[int] = set()
    headers: list[tuple[int, list[int], list[int]]] = []
    headers_below = _headers_below_dates(section_lines, anchors)
    group_openers: dict[int, int] = {}  # entry -> the employer line over its tenure line
    meta: set[int] = set()  # dated lines that are the small print under their entry's header (`_meta_line`)
    # Every entry opened by a bulleted field over its bare dates ("• Kühne Datensysteme GmbH" / "January, 2021 -
    # Present" / title; "• Senior Engine Programmer — Brink Gaming" / "Solna, Sweden" / "Jan 2025 – Present"): the
    # entries are a list whose items start with their header, not bullets read early.
    items = [_list_item_over(section_lines, a) if date_only(section_lines[a].text) else None for a in anchors]
    body_type = _body_above_header_look(section_lines, anchors, typography)
    listed_entries = len(anchors) >= 2 and None not in items
    for n, anchor in enumerate(anchors):
        if anchor in dated_items:
            # "• Microsoft (2014)": each item of a dated list is a whole entry; the lines around it are not its.
            claimed.add(anchor)
            headers.append((anchor, [], []))
            continue
        floor = anchors[n - 1] + 1 if n else 0
        pre: list[int] = []
        i = anchor - 1
        # Dates alone on a bulleted line ("• Sep 2023 – Present" under "• Pinecrest Logistics"): the glyphs mark
        # the header's fields (icons drawn as list markers), so a bulleted field right above is the header's too.
        glyph_fields = listed_entries or (is_bullet(section_lines[anchor]) and date_only(section_lines[anchor].text)
                                          and i >= 0 and _glyph_field(section_lines[i]))
        item = items[n] if listed_entries else anchor - 1 if glyph_fields else None
        if headers_below and date_only(section_lines[anchor].text) and not listed_entries:
            i = floor - 1  # this resume writes each header under its date: lines above belong to the entry before
        elif date_only(section_lines[anchor].text) and not glyph_fields:
            i = _over_early_bullets(section_lines, i, floor, claimed)
            i = _over_wrapped_tagline(section_lines, i, floor, claimed, typography)
        # A title right under bare dates ("Aug 2019 - Jan 2021" / "Software Development Engineer I at Nimbus Cloud"):
        # the header is below them, so a description right above them ran on from the entry before.
        title_below = date_only(section_lines[anchor].text) and anchor + 1 < len(section_lines) and not is_bullet(
            section_lines[anchor + 1]) and bool(TITLE_WORDS.search(section_lines[anchor + 1].text))
        # "fastlane Lead at Twitter  Sep 2015 - Feb 2017": a dated line that names the title at the employer is the
        # whole header; a short line above or under it ("Created the tool") is what a role did, not a field.
        named_at = len(split_at_employer(RANGE.sub("", section_lines[anchor].text).strip(" |,-–—"))) == 2
        while not named_at and i not in body_type:
            if i >= floor and i not in claimed and _lone_glyph(section_lines[i]):
                # An entry set as a list item: its bullet glyph sits on a line of its own between the employer and
                # the dated title (a baseline of its own); the glyph is no text, so the header goes on above it.
                i -= 1
                continue
            if i >= floor and i not in claimed and (address_line(section_lines[i]) or street_address(
                    section_lines[i].text)):
                # The employer's website printed under its name ("Northbridge Health" / "https://nbh.example.com" /
                # title / dates): an address names no field of the header, which goes on above it.
                i -= 1
                continue
            if not (i >= floor and len(pre) < 3 and i not in claimed and (
                    (i == anchor - 1 and date_only(section_lines[anchor].text) and not title_below)
                    or not description_line(section_lines[i].text)) and (
                    claimable_header(section_lines[i]) or (
                        i == item) or (_odd_cased_name(section_lines[i]) and (i == 0 or (
                            i - 1 >= floor and not is_bullet(section_lines[i - 1])
                            and claimable_header(section_lines[i - 1])) or _odd_name_over_dates(
                                section_lines, i, anchor, pre, typography)))) and not (
                i > 0 and _continues(section_lines[i - 1], section_lines[i])
                and not _bolder(section_lines[i], section_lines[i - 1], typography)
                and not wrapped_header(section_lines[i - 1], section_lines[i], typography)
                and not (set_larger(section_lines[i], typography)
                         and not set_larger(section_lines[i - 1], typography))
            ) and not _indented_past(section_lines[i], section_lines[pre[0] if pre else anchor], typography)
                    and not _spaced_apart(section_lines[i], section_lines[pre[0] if pre else anchor], typography)):
                break
            pre.insert(0, i)
            i -= 1
        if pre and i - 1 >= floor and i not in claimed and TENURE.fullmatch(section_lines[i].text.strip()) and (
                i - 1 not in claimed and claimable_header(section_lines[i - 1])):
            # "Globex" / "5 years 2 months" / "Staff Engineer" / dates: the line over the tenure is the employer of
            # this role and of the roles listed after it.
            claimed.add(i)
            pre.insert(0, i - 1)
            group_openers[n] = i - 1
        post: list[int] = []
        nxt = anchor + 1
        ceiling = anchors[n + 1] if n + 1 < len(anchors) else len(section_lines)
        # A title under the dates where the lines above name none ("Donnelly Systems Consulting" / "Bedford, MA" /
        # "2025 – Present" / "Owner, Principal Consultant"): the header goes on below its small dates.
        title_under = not any(TITLE_WORDS.search(section_lines[p].text) for p in pre) and nxt < ceiling and not (
            is_bullet(section_lines[nxt])) and bool(TITLE_WORDS.search(section_lines[nxt].text))
        if len(pre) >= 2 and not title_under and _meta_line(section_lines[anchor], [section_lines[p] for p in pre],
                                                             typography):
            # The dates (and place) set small under a header of two lines or more (the title and the employer)
            # close the entry's header: a line below is the next entry's, and words after the dates are the
            # place. (Under one line, the employer, the title may still follow the dates.)
            meta.add(anchor)
            claimed.update(pre + [anchor])
            headers.append((anchor, pre, post))
            continue
        if nxt + 1 < ceiling and address_line(section_lines[nxt], bare_domain=True):
            # The employer's web address printed under its name, a glyph before it or not ("∙ https://..."): the
            # title is on the next line.
            nxt += 1
        elif nxt + 1 < ceiling and time_spent(section_lines[nxt]) and not date_only(section_lines[anchor].text):
            # "Sept. 2014 - Janv. 2017 Machine Learning Engineer" / "2 ans 4 mois" / "Northwind Analytics": the time
            # spent there, under a dated line that holds the title, sits between it and the employer.
            nxt += 1
        # "Employer / Title  date": a line above and words beside the date already make the header, so a line
        # below that sits right over the next dated line is the next entry's employer, not this entry's.
        complete = bool(pre) and not date_only(section_lines[anchor].text) and nxt + 1 == ceiling < len(
            section_lines) and _employer_over_title(section_lines[nxt], section_lines[ceiling])
        # A line above naming a title -- or a career break in the title's place ("Career break" over "Family care
        # 2019 - 2021") -- leaves the line below to the next entry.
        pre_text = " ".join(section_lines[p].text for p in pre)
        # A line right above the next entry's bare dates is that entry's header, not this one's second line, when
        # this entry already has words of its own beside its dates ("Employer, Title  2019 - 2020").
        next_header = not headers_below and nxt + 1 == ceiling < len(section_lines) and date_only(
            section_lines[ceiling].text) and not date_only(section_lines[anchor].text)
        # A description under a dated line that has words of its own ("Consulting for Google Area120 Project  Sep
        # 2021 - Mar 2023" / "Consulted an Area120 Google project, focus on") is the role's body, not a field.
        described = not date_only(section_lines[anchor].text) and nxt < ceiling and description_line(
            section_lines[nxt].text)
        if not complete and not next_header and not named_at and not described and nxt < ceiling and not is_bullet(
                section_lines[nxt]) and (
                claimable_header(section_lines[nxt]) or (nxt == anchor + 1 and _odd_cased_name(section_lines[nxt]))
        ) and (
            len(pre) == 0 or not (TITLE_WORDS.search(pre_text) or CAREER_BREAK.search(pre_text))
            or TITLE_WORDS.search(RANGE.sub("", section_lines[anchor].text))
        ) and (len(first_field := (header_fields(section_lines[nxt].text) or [""])[0]) < 70 or comma_header(first_field)):
            post.append(nxt)
            second = nxt + 1
            if employment_type_only(section_lines[nxt].text) and second < ceiling and not is_bullet(
                    section_lines[second]) and claimable_header(section_lines[second]):
                # "Machine Learning Consultant" / "(Freelance)" / "Astrelle Conseil, Paris": how the role was held,
                # wrapped off the title, is no field of its own; the employer is the line under it.
                post.append(second)
                second += 1
            if second + 1 < ceiling and time_spent(section_lines[second]):
                # "Apr 2020 - Present" / "Director of ML" / "6 yrs 8 mos" / "Northwind Analytics": the time spent
                # there, printed beside the title, sits between the header's two lines.
                second += 1
            if not pre and date_only(section_lines[anchor].text) and second < ceiling and _second_header(
                    section_lines[nxt], section_lines[second], typography) and not _opens_a_sentence(
                    section_lines, second):
                # A date alone on its line, then the title and the employer in either order (simplecv, Europass,
                # "2021 - present" / "Globex" / "Engineer"): both lines under the bare date are the entry's header.
                post.append(second)
        claimed.update(pre + [anchor] + post)
        headers.append((anchor, pre, post))
    return _without_a_heading_over_the_first(section_lines, headers, group_openers), group_openers, meta


def _without_a_heading_over_the_first(section_lines: list[Line], headers: list[tuple[int, list[int], list[int]]],
                                      group_openers: dict[int, int]) -> list[tuple[int, list[int], list[int]]]:
    """ "Chapters So Far" / "Senior Research Scientist" / "Helix Foundry Ltd  Feb 2022 - Present": a work-history
    heading the reader does not know, right over the first entry, was claimed as one more header line and read as
    that role's employer. Where the other roles (one at least; entries naming no title, a career break or a
    project, are not counted) are each headed by the same number of lines, which name a title and an employer of
    their own, and the first entry by one line more at its top, that line is no field: the roles are laid out
    alike, and the extra line names no title, holds no date and no legal form, and reads as a heading. Not an
    employer over its roles (`group_openers`): there the later roles name no employer."""

    def text(anchor: int, lines: list[int]) -> str:
        return " | ".join(section_lines[i].text for i in [*lines, anchor])

    def fields(anchor: int, lines: list[int]) -> int:
        # Fields of two letters or more: a stray glyph beside the dates ("Ý July 2023") names no employer.
        texts = [RANGE.sub(" ", section_lines[anchor].text)] + [section_lines[i].text for i in lines]
        return sum(sum(ch.isalnum() for ch in field) >= 2 for t in texts for field in header_fields(t))

    if len(headers) < 2:
        return headers
    (first, first_pre, first_post), others = headers[0], headers[1:]
    roles = [(a, pre, post) for a, pre, post in others if TITLE_WORDS.search(text(a, pre + post))]
    if not roles or len(first_pre) != len(roles[0][1]) + 1 or first_pre[0] in group_openers.values() or any(
            len(pre) != len(roles[0][1]) or len(post) != len(first_post) for _, pre, post in roles):
        return headers
    top = section_lines[first_pre[0]]
    if (not looks_like_heading_text(top.text) or TITLE_WORDS.search(top.text) or has_dates(top) or is_bullet(top)
            or legal_form(top.text)):
        return headers
    if fields(first, first_pre[1:] + first_post) < 2 or any(fields(a, pre + post) < 2 for a, pre, post in roles):
        return headers
    return [(first, first_pre[1:], first_post), *others]


class _EntryHabits(NamedTuple):
    """How this resume lays out its entries, learnt from the entries whose words settle it; applied to those
    whose words do not."""

    title_back: int | None  # the title's place counted back from the dated line
    title_below: bool  # the title on the line under an employer set beside the dates
    employer_above: bool  # the employer printed above its dated titles

    @classmethod
    def of(cls, section_lines: list[Line], headers: list[tuple[int, list[int], list[int]]]) -> _EntryHabits:
        # A resume lays every entry out the same way: where the entries with a recognisable title put it (counted back
        # from the dates), the others put theirs too, so "Touchky / Programador full stack / 2025" reads right.
        positions = [len(pre) - k for _, pre, _ in headers for k in range(len(pre))
                     if TITLE_WORDS.search(section_lines[pre[k]].text)
                     and sum(bool(TITLE_WORDS.search(section_lines[p].text)) for p in pre) == 1]
        title_back = max(set(positions), key=positions.count) if positions else None
        # The same for entries with the employer beside the dates and one line under them: where the title words put
        # the title on that line below ("Globex  2015 - 2021" / "Senior Developer"), an entry whose words name no
        # title puts it there too.
        below = on_dated_line = 0
        for anchor, pre, post in headers:
            if not pre and len(post) == 1:
                dated_words = TITLE_WORDS.search(RANGE.sub("", section_lines[anchor].text))
                under_words = TITLE_WORDS.search(section_lines[post[0]].text)
                below += bool(under_words and not dated_words)
                on_dated_line += bool(dated_words and not under_words)
        title_below = below >= 2 and below > 2 * on_dated_line
        # Where the entries print the employer above the dated title, a career break took the next employer's line
        # as its own line below; that line goes back to the entry it heads.
        employer_above = sum(bool(pre) and not post for _, pre, post in headers) > 2 * sum(
            bool(post) and not pre and not CAREER_BREAK.search(section_lines[a].text) for a, pre, post in headers)
        return cls(title_back, title_below, employer_above)


def read_roles(section_lines: list[Line], typography: Typography | None = None, measure: int | None = None,
               set_aside: list[SetAside] | None = None, openers: frozenset[int] = frozenset()) -> list[Job]:
    """The roles in a work-history block; `measure` is the document's wrapped-line length (`line_measure`). Dated
    entries that are not roles (a career break, a teaching post, volunteering beside a career) are added to
    `set_aside` when given, so the review can say what it did not count. `openers`: the numbers of the lines that
    opened a section, where the block joins several.

    In four steps: the lines that open an entry (its dated line, `_entry_anchors`), each entry's header lines around
    it (`_entry_headers`), the habits the entries share (`_EntryHabits`), then a role from each header (its dates,
    `_dates_beside`, and its title and employer, `title_company`), followed by the passes over the whole list
    (typography, position, tenures, nesting, promotions).
    """
    section_lines = connect_unconnected_ranges(europass_rows_as_headers(split_run_on_entries(spell_out_shared_years(
        glyph_led_headers(timeline_years_off_headers(section_lines, typography), typography)))), typography)
    section_lines = join_wrapped_headers(join_wrapped_ranges(join_dangling_ranges(
        join_stacked_margin_dates(section_lines, typography), typography)), measure, typography)
    anchors = _entry_anchors(section_lines)
    dated_items = _dated_list_items(section_lines, anchors, openers)
    anchors = sorted(set(anchors) | dated_items)
    headers, group_openers, meta = _entry_headers(section_lines, anchors, dated_items, typography)
    habits = _EntryHabits.of(section_lines, headers)
    labelled = _labelled_headers(section_lines, anchors)
    groups = _tenure_groups(section_lines, headers, group_openers, typography)
    jobs: list[Job] = []
    spans: list[tuple[bool, tuple[int, int] | None, tuple[int, int] | None, Line]] = []
    entry_lines: list[list[Line]] = []  # each kept job's header lines, for the typographic pass
    beside: list[int] = []  # jobs that are volunteering or guest lecturing (`BESIDE_A_CAREER`)
    beside_headers: dict[int, tuple[list[int], int, list[int]]] = {}  # their header lines, to say what was left out
    carried: list[int] = []
    inline: set[tuple[str | None, str | None, str | None]] = set()  # roles naming their employer on their dated line
    for n, (anchor, pre, post) in enumerate(headers):
        anchor_line = section_lines[anchor]
        if carried and not pre:
            pre = carried
        carried = []
        pattern, start_raw, end_raw, before, after = _dates_beside(anchor_line, post, section_lines, anchors)
        place = None
        if anchor in meta:
            place, after = after.strip(" ,|·•") or None, ""
        rest = (before + " | " + after).strip(" |")
        if n == 0 and pre and len(headers) >= 3 and not any(other_pre for _, other_pre, _ in headers[1:]) and all(
                title_company([], rest, [section_lines[p].text for p in post])[:2]):
            # Every later entry names its title and employer on its dated line, and so does the first: the line
            # above it is no field of its own but what heads the list (an unknown heading, "Chapters So Far").
            pre = []
        if anchor in labelled:
            pre, post = labelled[anchor]
        title, company, location = title_company(
            [section_lines[p].text for p in pre], rest, [section_lines[p].text for p in post], habits.title_back,
            habits.title_below)
        location = location or place
        if anchor in dated_items and company is None and title and not TITLE_WORDS.search(title):
            title, company = None, title  # "• Microsoft (2014)": an item naming no title names its employer
        if title is None and company is None and anchor + 1 < len(section_lines) and (
                led := _led_in_header(section_lines[anchor + 1])):
            title, company = led
        if habits.employer_above and not pre and not post and title and company and re.sub(
                r"\s+", " ", rest) == f"{title}, {company}":
            # Under an employer printed above its titles, a dated line of its own is the next title held there
            # ("Senior Manager, ML Platform"): its comma is part of the title; the employer is the one above.
            title, company = rest, None
        if typography is not None and title and (
                weighed := split_by_weight(anchor_line.text, title, typography, before.strip(" ,|(")) or (
                    _weighed_on_own_line(title, company, [section_lines[p] for p in pre + post], typography))):
            location = location or (company if company not in weighed else None)
            title, company = weighed
        if n in groups:
            # A role under an employer's tenure: the line over its dates is the title, whole ("Director, ML
            # Platform" is not a title and an employer), and the employer is the group's.
            title = " ".join(section_lines[k].text.strip() for k in groups[n][1])
            company = groups[n][0]
        if any(CAREER_BREAK.fullmatch(part.strip(" :-–—()")) for field in (title, company) if field
               for part in re.split(r"[,/|]|\s[–—-]\s", field)) or (
                company is None and title and CAREER_BREAK.search(title)):
            # A sabbatical or parental leave is time between roles, not a role: it must not become the latest job,
            # whether it is written as the title or in the employer's place ("Career Break | Family care").
            carried = post if habits.employer_above and pre == [] else []
            _set_aside(set_aside, section_lines, pre, anchor, post, "a career break")
            continue
        if (why := not_a_role(title, rest, company)) or (
                pattern is SINCE.compiled and MEMBERSHIP.search(title or "") and (why := "a membership")):
            _set_aside(set_aside, section_lines, pre, anchor, post, why)
            continue
        if BESIDE_A_CAREER.search(title or ""):
            beside.append(len(jobs))
            beside_headers[len(jobs)] = (pre, anchor, post)
        start, end, end_text = _date_span(start_raw, end_raw)
        next_start = headers[n + 1][1][0] if n + 1 < len(headers) and headers[n + 1][1] else (
            headers[n + 1][0] if n + 1 < len(headers) else len(section_lines))
        body_start = max([anchor] + post) + 1
        body = section_lines[body_start:next_start]
        if post and company and (tail := _description_after(section_lines[post[-1]].text, company)):
            # "Vinterberg Retail — built product search ...": what the role did, run on after the employer, opens
            # the role's body (its wrapped lines go on under it).
            body = [Line(number=section_lines[post[-1]].number, text=f"• {tail}"), *body]
        if (title is None or (company is None and not reads_as_title(title))) and not post and body and (
                typography is not None) and not is_bullet(body[0]) and (
                run_in := split_run_in_title(body[0].text, typography)):
            # "**Computer Engineer II** Perform various classified tasks ...": the title in bold runs into the
            # description on the line under the dates; the bold is the title, the rest opens the role's body, and
            # the one name on the dated line ("Infor | Columbus, OH") is the employer, whatever the words made of it.
            company = company or title
            title = run_in[0]
            body = [Line(number=body[0].number, text=f"• {run_in[1]}"), *body[1:]]
        if body and not is_bullet(body[0]) and (found := find_location(body[0].text.strip())) and found[0] == 0:
            # "Seattle, Washington, United States" on a line of its own under the dates (LinkedIn's export): the
            # role's place, not a line of what it did to be coached.
            location = location or found[1]
            body = body[1:]
        bullets = join_bullets(body, measure)
        if end_raw is None and not title and not company and not bullets:
            # A lone date with no words around it (a footer's "December 2026", a chart's axis): no role.
            continue
        if title and company and not pre and not post and title in rest and company in rest:
            inline.add((title, company, f"{start[0]:04d}-{start[1]:02d}" if start else start_raw))
        jobs.append(
            Job(
                title=title, company=company, location=location,
                start=f"{start[0]:04d}-{start[1]:02d}" if start else start_raw, end=end_text,
                months=months_between(start, end) if start and end else None, bullets=bullets,
                month_stated=not any(BARE_YEAR.fullmatch(raw) for raw in (start_raw, end_raw) if raw),
            )
        )
        spans.append((is_bullet(anchor_line) or ASSIGNMENT.match(anchor_line.text) is not None, start, end,
                      anchor_line))
        entry_lines.append([section_lines[p] for p in pre] + [anchor_line] + [section_lines[p] for p in post])
    if beside and len(jobs) - len(beside) > len(beside):
        for k in beside:
            _set_aside(set_aside, section_lines, *beside_headers[k], "volunteering or guest lecturing beside the career")
        keep = [k for k in range(len(jobs)) if k not in beside]
        jobs, spans, entry_lines = [jobs[k] for k in keep], [spans[k] for k in keep], [entry_lines[k] for k in keep]
    if typography is not None:
        jobs = title_by_typography(jobs, entry_lines, typography)
    jobs = title_by_position(jobs, entry_lines)
    if anchors and all(BARE_YEAR.fullmatch(section_lines[a].text) or (
            _YEAR_OPENS_HEADER.match(section_lines[a].text) and not RANGE.search(section_lines[a].text))
            for a in anchors):
        # Every entry dated by the year it began (a timeline's bars, or "2021 Head of Data Science, Acme"): the
        # newest runs on to today.
        jobs = open_timeline_ends(jobs)
    jobs = ongoing_latest_role(jobs)
    jobs, spans = _employer_tenures(*_without_career_span(jobs, spans))
    return distinct_roles(_titles_in_one_entry(same_employer(nest_roles(jobs, spans), inline)))


# "MiPih : Forge Logicielle : notre équipe fournit l'outillage ...", "Globex: Scrum Master for two teams ...": a
# paragraph under the dates that opens with the employer (and the title) set off by colons.
_LED_IN = re.compile(
    r"(?P<employer>[^:.;,()]{2,40}?)\s*:\s+(?:(?P<title>[^:.;()]{2,50}?)\s*(?:(?P<colon>:\s)|\.\s|\(|$))?")


def _set_aside(set_aside: list[SetAside] | None, lines: list[Line], pre: list[int], anchor: int, post: list[int],
               reason: str) -> None:
    """Note a dated entry left out of the roles, when a list is kept: its dated line as written, with the header
    lines beside it when the dated line holds nothing but dates."""
    if set_aside is None:
        return
    shown = [*pre[-1:], anchor, *post[:1]] if date_only(lines[anchor].text) else [anchor]
    entry = " · ".join(re.sub(r"\s+", " ", BULLET.sub("", lines[k].text)).strip(" ,;") for k in shown)
    set_aside.append(SetAside(entry=entry[:120], reason=reason))


def _led_in_header(line: Line) -> tuple[str | None, str] | None:
    """(title or None, employer) from a description that leads in with them, where the entry's header named neither:
    the words before the first colon are the employer, a title-like phrase up to the next colon or full stop its
    title. None for a line that does not open so (a label such as "Responsibilities:", a number, a bullet)."""
    match = _LED_IN.match(line.text.strip())
    if not match or is_bullet(line) or re.search(r"\d", match.group("employer")):
        return None
    employer = match.group("employer").strip()
    if ENTRY_LABEL.fullmatch(employer) or field_label(employer + ":") or len(employer.split()) > 5:
        return None
    title = (match.group("title") or "").strip()
    # Set off by a second colon, the phrase is a field of its own; before a full stop, only a title-like one is.
    titled = title and len(title.split()) <= 5 and (match.group("colon") or reads_as_title(title))
    return (title if titled else None), employer


def _labelled_headers(section_lines: list[Line], anchors: list[int]) -> dict[int, tuple[list[int], list[int]]]:
    """Headers written as labelled fields ("- company: Iron Mountain" / "dates: Feb 2011 - Jun 2012" / "title: DMS
    Specialist" / "location: Austin, TX"; "Company:" / "Designation:" / "Duration:"): per dated line, the labelled
    lines above and below it that are its own. The fields between two dated lines are split where a kind the first
    entry names above its dates comes again (the next entry's first field); where the first entry names none above,
    they all belong to the entry above. Empty unless the entries name a title or an employer by label."""
    kinds = {i: field_label(line.text) for i, line in enumerate(section_lines)}
    if not anchors or not any(kinds[i] in ("title", "company") for i in kinds):
        return {}

    def run(start: int, stop: int, step: int) -> list[int]:
        out, i = [], start
        while i != stop and kinds.get(i) is not None and i not in anchors:
            out.append(i)
            i += step
        return out

    above = sorted(run(anchors[0] - 1, -1, -1))
    opening = {kinds[i] for i in above}
    headers: dict[int, tuple[list[int], list[int]]] = {}
    for n, anchor in enumerate(anchors):
        below = run(anchor + 1, anchors[n + 1] if n + 1 < len(anchors) else len(section_lines), 1)
        cut = next((k for k, i in enumerate(below) if kinds[i] in opening), len(below))
        headers[anchor] = (above, below[:cut])
        above = below[cut:]  # the next entry's fields, above its dates
    return {a: h for a, h in headers.items() if any(kinds[i] in ("title", "company") for i in (*h[0], *h[1]))}


def _weighed_on_own_line(title: str, company: str | None, lines: list[Line], typography: Typography
                         ) -> tuple[str, str] | None:
    """A title and employer told apart only by weight, on a line of their own above or below the dates
    ("**Senior Data Scientist** Acme Corp" over "Mar 2021 - Present"): the words read as one field, or were cut
    at a comma of the title's own ("**Senior Manager II, Ranking** Globex"), so the cut is sought where the bold
    ends on the line that holds them (`split_by_weight`), as on a dated line."""
    for line in lines:
        text = line.text.strip()
        if text.startswith(title.strip()) and (company is None or company in text) and (
                weighed := split_by_weight(text, title.strip(), typography, text)) and (
                company is None or weighed[0].startswith(title.strip() + ",") or (
                    len(company.split()) == 1 and legal_form(company))):
            # (With an employer read already, only a title the words cut at its own comma is mended, or an employer
            # that is only the legal form cut off the name before its comma: "Meta Platforms" / "Inc.".)
            return weighed
    return None


def _dates_beside(anchor_line: Line, post: list[int], section_lines: list[Line], anchors: list[int]
                  ) -> tuple[re.Pattern[str], str, str | None, str, str]:
    """The dates on an entry's dated line, as written (start, end or None for a single date, "present" for "since"),
    the pattern that found them, and the words before and after them with the date's own punctuation, a lead-in
    colon and a LinkedIn duration removed."""
    match = RANGE.search(anchor_line.text) or OPEN_FIRST.search(anchor_line.text) or SINCE.search(
        anchor_line.text) or SINGLE_DATE.search(anchor_line.text) or LONE_ISO_DATE.search(
        anchor_line.text) or TRAILING_YEAR.search(anchor_line.text) or BARE_YEAR.fullmatch(anchor_line.text) or (
        LEADING_YEAR.match(anchor_line.text)) or _YEAR_OPENS_HEADER.match(anchor_line.text)
    assert match is not None
    start_raw: str = match.group("start") or match.groupdict().get("open") or match.groupdict().get("lead") or ""
    # A lone ISO date, where the section writes its ranges in ISO form, is a start whose end the template left out:
    # the role still held (`_entry_anchors`).
    end_raw = "present" if match.re in (SINCE.compiled, LONE_ISO_DATE) else match.groupdict().get("end")
    if match.re is BARE_YEAR and post and post[-1] + 1 < len(section_lines) and (
            end_label := BARE_YEAR.fullmatch(section_lines[post[-1] + 1].text)) and (
            end_label.group("start") >= start_raw) and post[-1] + 1 not in anchors:
        end_raw = end_label.group("start")  # the bar's end year, printed under the header
    before, after = anchor_line.text[: match.start()], anchor_line.text[match.end():]
    if match.re is RANGE.compiled and (again := re.match(rf"\s*[,;&]\s*(?:and\s+)?{RANGE.pattern}", after, re.IGNORECASE)):
        # "Aug. 2006 - Dec. 2006, Aug. 2007 - May 2008": one role held twice, its dates in one cell; it ran
        # until the later end.
        first_end, second_end = parse_date(end_raw or "", is_end=True), parse_date(again.group("end"), is_end=True)
        if is_open_end(again.group("end")) or (first_end and second_end and second_end > first_end):
            end_raw = again.group("end")
        after = after[again.end():]
    # "(Jan 2020 - Present)": the brackets belonged to the date; "Andela — May 2022 to date": so did the dash.
    before, after = re.sub(r"[(\[]\s*$", "", before), re.sub(r"^\s*[)\]]", "", after)
    before = re.sub(r"\s+[–—-]\s*$", " ", before)
    if re.match(r"\s*;", after):
        # "Graduate Developer, Accenture (2007 – 2009); Intern, IBM (2006)": after a semicolon comes the next entry
        # of a run-on list, not a field of this one.
        after = ""
    # "2001 - 2003: Globex, developer": a colon after the dates only leads in to the header.
    after = re.sub(r"^\s*:\s*", " ", after)
    # "Nov 2023 - Invalid Date", "April, 2014 - 0 months": in the end's place, a theme's placeholder for an end it had
    # no value for (or the zero time it counted up to it) is no employer, and the missing end is, in the JSON Resume
    # the theme printed, a role still held.
    unset = re.match(rf"\s*[-–—]\s*(?:{UNSET_DATE}|0\s*{DURATION_UNIT}(?!\w))", after, flags=re.IGNORECASE)
    if unset is not None:
        after = after[unset.end():]
        end_raw = end_raw or "present"
    # LinkedIn exports follow the range with its length, "(1 año 9 meses)": a duration is not a title.
    after = DURATION.sub(" ", after)
    after = re.sub(rf"^\s*{UNSET_DATE}", "", after, flags=re.IGNORECASE)
    return match.re, start_raw, end_raw, before, after


def _date_span(start_raw: str, end_raw: str | None) -> tuple[tuple[int, int] | None, tuple[int, int] | None,
                                                             str | None]:
    """An entry's start and end months and its end as shown ("Present", "2021-06", None for a single date); an end
    written before its start is read as written end first."""
    month_first = month_first_days(start_raw, end_raw or "")
    start = parse_date(start_raw, is_end=False, month_first=month_first)
    end: tuple[int, int] | None
    if end_raw is None:
        end = start
        end_text = None
    elif is_open_end(end_raw):
        end, end_text = current_month(), "Present"
    else:
        end = parse_date(end_raw, is_end=True, month_first=month_first)
        if end is None and start and (short := re.fullmatch(r"['’‘]?(\d\d)", end_raw.strip())):
            # "2016-19", "1998 – 02": the end's century is the start's, or the next one.
            year = start[0] // 100 * 100 + int(short.group(1))
            end = (year if year >= start[0] else year + 100, 12)
        if start and end and end < start:
            # "2022 - 2019": written end first (some CVs read right to left in time); the earlier is the start.
            start, end = parse_date(end_raw, is_end=False), parse_date(start_raw, is_end=True)
        end_text = f"{end[0]:04d}-{end[1]:02d}" if end else end_raw
    return start, end, end_text


# Several titles written in one entry, sharing its dates: a promotion drawn with an arrow ("Visual Journalist →
# Senior Visual Journalist") or a list of posts held together ("Science Desk Intern; Graphics Desk Intern").
_TITLE_ARROW = re.compile(r"\s+(?:→|⟶|->|=>)\s+")
_TITLE_LIST = re.compile(r"\s*;\s+")


def _titles_in_one_entry(jobs: list[Job]) -> list[Job]:
    """Each title of an entry that names several is a position of its own, as a reader counts them: the parts of an
    arrow (the title it led to, the later one, listed first, as the entries around it are) or of a list split by
    semicolons -- only when every part reads as a title (`reads_as_title`), so a title's own clause ("Engineer; on
    call") stays.
    Empty brackets left where the dates were taken out of a title ("Senior Editor ()") are dropped."""
    out: list[Job] = []
    for job in jobs:
        title = re.sub(r"\s*\(\s*\)", "", job.title).strip() if job.title else job.title
        parts: list[str] = []
        for splitter, reverse in ((_TITLE_ARROW, True), (_TITLE_LIST, False)):
            found = [part.strip() for part in splitter.split(title or "")]
            if len(found) >= 2 and all(part and reads_as_title(part) for part in found):
                parts = found[::-1] if reverse else found
                break
        out += [job.model_copy(update={"title": part}) for part in parts] or [
            job if title == job.title else job.model_copy(update={"title": title})]
    return out


def _meta_line(dated: Line, header: list[Line], typography: Typography | None) -> bool:
    """Is the dated line the entry's small print under its header ("Title" / "Employer" / "Dic 2020 - Nov 2021
    Beltrán"): it starts with its dates, is set smaller than every header line above it, in one weight, and holds
    no title word after the dates? Then the words after the dates are the role's place, not its title."""
    match = STARTS_DATED.match(dated.text)
    if typography is None or match is None or TITLE_WORDS.search(dated.text[match.end():]):
        return False
    style = typography.style(dated)
    if style is None or 0.15 < style.bold < 0.85:
        return False
    sizes = [s.size for line in header if (s := typography.style(line)) is not None]
    return len(sizes) == len(header) and all(size >= style.size + 0.5 for size in sizes)


def _tenure_groups(lines: list[Line], headers: list[tuple[int, list[int], list[int]]],
                   openers: dict[int, int], typography: Typography | None = None) -> dict[int, tuple[str, list[int]]]:
    """Entry -> (employer, its title's lines), for the roles of an employer printed once over its total tenure: the
    entry whose header reached the tenure line opens the group, and each following entry with only its title over
    a line of dates alone continues it -- its header may start with the previous role's place, printed under that
    role's dates when it has no description, and a long title may wrap onto a second line set like the first. An
    entry with a header of its own (an employer and a title) ends it."""
    groups: dict[int, tuple[str, list[int]]] = {}
    current: str | None = None
    title_face: Face | None = None
    widest = max((len(line.text.strip()) for line in lines), default=0)

    def title_lines(candidates: list[int]) -> list[int] | None:
        if len(candidates) == 1:
            return candidates
        if len(candidates) == 2 and typography is not None and title_face is not None \
                and face_of(lines[candidates[0]], typography) == title_face == face_of(lines[candidates[1]], typography) \
                and len(lines[candidates[0]].text.strip()) >= 0.75 * widest:
            return candidates  # a title wrapped at the column's edge
        return None

    for n, (anchor, pre, _) in enumerate(headers):
        found: list[int] | None = None
        if n in openers:
            current, title_face = lines[openers[n]].text.strip(), None
            if len(pre) >= 2 and typography is not None:
                title_face = face_of(lines[pre[1]], typography)
            found = title_lines(pre[1:])
        elif current is not None and date_only(lines[anchor].text):
            rest = pre
            if len(pre) >= 2 and pre[0] == headers[n - 1][0] + 1 and _place_line(
                    lines[pre[0]], lines[headers[n - 1][0]], lines[pre[1]], typography):
                rest = pre[1:]
            found = title_lines(rest)
        if found is None:
            current = None
        elif current is not None:
            groups[n] = (current, found)
    return groups


def _place_line(line: Line, dated: Line, title: Line, typography: Typography | None) -> bool:
    """Is `line`, printed right under a role's dates, that role's place: a known place ("Munich, Bavaria, Germany",
    "Ciudad de México, México"), or a line set like the dates and unlike the title under it (an employer's name is
    set like the other headers)?"""
    text = line.text.strip()
    if place_only(text) or known_region(heading_free_accents(text.split(",")[-1].strip().lower())):
        return True
    if typography is None:
        return False
    face, dates_face, title_face = face_of(line, typography), face_of(dated, typography), face_of(title, typography)
    return face is not None and face == dates_face and face != title_face


def _without_career_span(
    jobs: list[Job], spans: list[tuple[bool, tuple[int, int] | None, tuple[int, int] | None, Line]]
) -> tuple[list[Job], list[tuple[bool, tuple[int, int] | None, tuple[int, int] | None, Line]]]:
    """A range alone at the top of the work history ("Experience" over "2015 - Present", or "EXPERIENCE | 2015 -
    PRESENT") dates the whole career, not a role: read as one, it had no title, no employer and no bullet. It is
    dropped when two roles or more follow and each lies within it."""
    if len(jobs) < 3 or jobs[0].title or jobs[0].company or jobs[0].bullets:
        return jobs, spans
    _, start, end, _ = spans[0]
    inner = [(s, e) for _, s, e, _ in spans[1:]]
    # Starts are compared by year: a career written "2015 - Present" holds a role from "Sep 2015" (read 2015-01).
    if start is None or end is None or any(s is None or e is None or s[0] < start[0] or e > end for s, e in inner):
        return jobs, spans
    return jobs[1:], spans[1:]


def _employer_tenures(
    jobs: list[Job], spans: list[tuple[bool, tuple[int, int] | None, tuple[int, int] | None, Line]]
) -> tuple[list[Job], list[tuple[bool, tuple[int, int] | None, tuple[int, int] | None, Line]]]:
    """An employer line dated with the whole stay, over the roles held there, each dated ("Globex -- Berlin
    2017 - Present" / "Director  2022 - Present" / "Senior Manager  2019 - 2022" / "Engineer  2017 - 2019"): the
    roles' ranges tile the employer's exactly (the first role starts when the stay does, the last ends when it
    ends). The employer line is no role of its own: drop it and give the roles its name. Each role's line is then
    only its title, commas and all ("Senior Manager, ML Platform"). One role alone under such a line is read the
    same way when the employer line names no title and the role's months are the stay's."""
    out_jobs: list[Job] = []
    out_spans: list[tuple[bool, tuple[int, int] | None, tuple[int, int] | None, Line]] = []
    i = 0
    while i < len(jobs):
        outer, (bulleted, start, end, _) = jobs[i], spans[i]
        k = i + 1
        # The roles follow one another, newest first; a dated entry overlapping the one above (volunteering
        # alongside) is no longer one of them.
        while (start and end and k < len(jobs) and (inner_start := spans[k][1]) and (inner_end := spans[k][2])
               and start <= inner_start and inner_end <= end
               and (k == i + 1 or ((before := spans[k - 1][1]) is not None and _ends_by(inner_end, before)))):
            k += 1
        parts = range(i + 1, k)
        employer = outer.title if outer.title and not TITLE_WORDS.search(outer.title) else outer.company
        if outer.title and outer.company and TITLE_WORDS.search(outer.title):
            employer = None  # "Senior Consultant, Basalt  2020 - Present": a role of its own, its dated parts within it
        # (Every part has both dates: the loop above only takes parts that do.)
        starts = [s for p in parts if (s := spans[p][1]) is not None]
        ends = [e for p in parts if (e := spans[p][2]) is not None]
        # One role under the stay counts when the employer line names no title and the role one, over the same
        # months ("Beta Systems | New York  2015 - 2018" / "Data Scientist (2015 - 2018)").
        alone = len(parts) == 1 and not (outer.title and TITLE_WORDS.search(outer.title)) and not (
            outer.company and outer.title) and bool(TITLE_WORDS.search(jobs[i + 1].title or ""))
        if bulleted or (len(parts) < 2 and not alone) or not employer or any(spans[p][0] for p in parts) or (
                min(starts) != start or max(ends) != end):
            out_jobs.append(outer)
            out_spans.append(spans[i])
            i += 1
            continue
        for p in parts:
            role, line = jobs[p], spans[p][3]
            title = role.title
            header = RANGE.sub("", line.text).strip(" ,|–—-\t")
            if role.company and role.title and role.company in header and role.title in header:
                title = header  # the role's line held only its title; the split at a comma was wrong
            out_jobs.append(role.model_copy(update={"title": title, "company": employer,
                                                    "location": outer.location or role.location}))
            out_spans.append(spans[p])
        i = k
    return out_jobs, out_spans


def _ends_by(end: tuple[int, int], start: tuple[int, int]) -> bool:
    """Does a role ending at `end` come before one starting at `start`? Written in years alone ("2018 - 2021" over
    "2021 - Present"), a promotion's year is both the end of one role and the start of the next: the end reads
    as December and the start as January of the same year, which is no overlap."""
    return end <= start or (end[1] == 12 and start[1] == 1 and end[0] == start[0])


def _bolder(line: Line, previous: Line, typography: Typography | None) -> bool:
    """Is `line` set in bold where the line before is not? Then it starts something (an entry's header), however
    much its words read like the tail of the sentence above."""
    if typography is None:
        return False
    a, b = typography.style(line), typography.style(previous)
    return a is not None and b is not None and a.bold >= 0.4 and b.bold < 0.2


def _indented_past(line: Line, below: Line, typography: Typography | None) -> bool:
    """Is `line` indented further than the header line under it? Then it is the previous entry's body (its
    bullets, set in from the headers), not part of this entry's header."""
    if typography is None:
        return False
    a, b = typography.style(line), typography.style(below)
    # A bullet indent is a few ems; a piece far to the right (a right-aligned place or date) is not an indent.
    return a is not None and b is not None and a.page == b.page and 6 < a.x - b.x <= 50


def _over_early_bullets(section_lines: list[Line], i: int, floor: int, claimed: set[int]) -> int:
    """Where a bare date's header search starts: at `i`, or over a bullet or two read before the date when a header
    line sits right above them. A date column set a little lower than its title (an HTML table cell, vertically
    centred) is read after the title's first bullet: "Staff Engineer at Globex" / "• Led 11 engineers" /
    "2022-03 to present"."""
    j = i
    while j >= floor and j > i - 2 and j not in claimed and is_bullet(section_lines[j]) and not claimable_header(
            section_lines[j]):
        j -= 1
    if j < i and j >= floor and j not in claimed and not is_bullet(section_lines[j]) and claimable_header(
            section_lines[j]) and not date_only(section_lines[j].text):
        return j
    return i


# A middle dot between a name and the words describing it: "Eprezto · Eprezto.com es un ...". (A dash there also
# joins a title to its team: "Senior Software Engineer — Data" / "Integrations, JPMorgan Chase & Co.")
_TAGLINE_SEPARATOR = re.compile(r"\s·\s")


def _over_wrapped_tagline(section_lines: list[Line], i: int, floor: int, claimed: set[int],
                          typography: Typography | None) -> int:
    """Where a bare date's header search starts when the employer's one-line description, run in after a middle
    dot (`_TAGLINE_SEPARATOR`), wrapped onto a line or three right above the date: "Arquitecto de Soluciones" / "Eprezto · Eprezto.com
    es un portal web dedicado a ofrecer seguros" / "de daños a terceros y cobertura completa desde una plataforma" /
    "fiable y segura." / "Dec 2022 – Apr 2024". The lines it ran onto name no field; the line it opens on holds the
    employer (its first field), and the header goes on above it. Else `i`.

    The run is one paragraph: no line of it but the last ends a sentence, none is a bullet, and its lines are set
    alike and at the opening line's size (so only where the style is known)."""
    if typography is None or i < floor or i in claimed or is_bullet(section_lines[i]):
        return i  # (a pasted text cannot show the run is one paragraph: its lines may be a list's, or a contact line's)
    j = i
    while j - 1 >= floor and i - j < 3 and j - 1 not in claimed and not is_bullet(section_lines[j - 1]) and not (
            section_lines[j - 1].text.rstrip().endswith((".", "!", "?"))):
        j -= 1
        opener = section_lines[j]
        separator = _TAGLINE_SEPARATOR.search(opener.text)
        if separator is None:
            continue
        name = opener.text[:separator.start()].strip()
        tagline = " ".join([opener.text[separator.end():]] + [line.text for line in section_lines[j + 1:i + 1]])
        if not (1 <= len(name.split()) <= 6 and len(tagline.split()) >= 3 and not sentence_like(name)
                and not legal_form(tagline)
                and claimable_header(opener.model_copy(update={"text": name}))):
            return i
        faces = [face_of(line, typography) for line in section_lines[j:i + 1]]
        if None in faces or len(set(faces[1:])) > 1 or len({face[2] for face in faces if face}) > 1:
            return i  # (the name opening the run may be set bold: the run's size is what makes it one paragraph)
        return j
    return i


def _spaced_apart(line: Line, below: Line, typography: Typography | None) -> bool:
    """Is `line` set in from `below` and set off from it by clearly more space than a paragraph's lines? Then it
    ends the entry above (its last bullet, in a layout with no bullet glyphs, in a column right of the dates) and
    is not part of `below`'s header. An employer printed above its dated titles is spaced the same way but set
    out, not in, and stays the header."""
    if typography is None:
        return False
    a, b = typography.style(line), typography.style(below)
    if a is None or b is None or a.page != b.page or a.x <= b.x + 6:
        return False
    # More space than the paragraph leading, or than `line` has over the line above it (a short resume with many
    # headings has a median gap well above its body's leading).
    return typography.spaced(b) or (a.gap > 0 and b.gap >= 1.5 * a.gap)


def line_measure(lines: list[Line]) -> int | None:
    """How long a line is when it was wrapped (the block's 90th-percentile line length, in characters); None when
    there are too few lines to tell."""
    lengths = sorted(len(line.text.strip()) for line in lines if line.text.strip())
    if len(lengths) < 6:
        return None
    return lengths[int(0.9 * (len(lengths) - 1))]


def join_bullets(lines: list[Line], measure: int | None = None) -> list[Line]:
    """Join wrapped lines into bullets. A line that starts with a bullet glyph opens one; without any glyphs, each
    sentence-like line is its own bullet.

    A line continues the bullet above when it starts in lower case or with a digit, or when the bullet has not
    ended its sentence -- and, given the block's `measure`, only if the line above ran close to it: a bullet that
    stops well short of the margin was not wrapped, so a capitalised line under it ("Python, Kubernetes, Spark"
    after "Shipped a ranking model serving 10M users") is not its tail."""
    bullets: list[Line] = []
    last_length = 0  # the length of the last line that went into the open bullet
    for line in lines:
        text = line.text
        wrapped = measure is None or last_length >= WRAPPED_SHARE * measure
        if is_bullet(line):
            bullets.append(Line(number=line.number, text=BULLET.sub("", text).strip()))
        elif bullets and (text[:1].islower() or text[:1].isdigit() or (
                wrapped and not bullets[-1].text.endswith((".", "!")))) and not RANGE.search(text):
            bullets[-1] = Line(number=bullets[-1].number, text=f"{bullets[-1].text} {text}".strip())
        elif len(text.split()) >= 4:
            bullets.append(Line(number=line.number, text=text))
        else:
            continue
        last_length = len(text.strip())
    return [b for b in bullets if len(b.text) > 2]
