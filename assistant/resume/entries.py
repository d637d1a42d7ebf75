"""Read the roles of a work-history section: each one found by its dates, its header split into title,
employer and place, its bullets gathered.

What a reader does with a section of dated entries, in order: join what the layout broke (a header wrapped over
two lines, a date range split from its entry or stacked in a margin), anchor an entry at every date range, take
the header lines above or beside it (by position and typography), split them into fields (`entry_fields.py`),
and gather the bullets under it. The list of roles it returns is tidied by `role_cleanup.py`.
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
    WEB_ADDRESS,
    Face,
    employment_type_only,
    face_of,
    field_label,
    header_fields,
    learned_title,
    legal_end,
    named_with_a_stop,
    place_only,
    prose_start,
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
from assistant.resume.headings import Typography, heading_name, looks_like_heading_text
from assistant.resume.models import Job, Line, SetAside
from assistant.resume.places import known_city
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
    DATE,
    DAY,
    DURATION,
    DURATION_UNIT,
    EMAIL,
    ENTRY_LABEL,
    FROM_WORDS,
    INSTITUTION,
    ISO_START,
    LEADING_YEAR,
    LONE_ISO_DATE,
    MONTH,
    MONTH_YEAR_GAP,
    NUMERIC_DATE,
    OPEN_END,
    OPEN_FIRST,
    PHONE,
    RANGE,
    REGIONS,
    SINCE,
    SINGLE_DATE,
    TENURE,
    TITLE_WORDS,
    TRAILING_YEAR,
    UNSET_DATE,
    URL,
    YEAR,
    YEAR_MONTH,
    find_location,
    legal_form,
)


def _reads_as_a_place(text: str) -> bool:
    """A line under a list item's header that names its place and nothing else ("Solna, Stockholm County, Sweden",
    "Verona, Veneto, Italy (remote)"): a place by `place_only`, or two to four comma parts, no digit, the first a
    known city or the last a country or region."""
    parts = [part.strip() for part in _WORK_MODE_AFTER.sub("", text).split(",")]
    return place_only(text) or 2 <= len(parts) <= 4 and all(parts) and not re.search(r"\d", text) and (
        known_city(parts[0]) or parts[-1].casefold() in REGIONS)


# A work mode in brackets after a place: "(remote)", "(hybrid)".
_WORK_MODE_AFTER = re.compile(r"\s*[(\[](?:remote|hybrid|on-?site)[)\]]\s*$", re.IGNORECASE)


def is_bullet(line: Line) -> bool:
    return BULLET.match(line.text) is not None


def _opens_a_sentence(lines: list[Line], index: int) -> bool:
    """Does the line at `index` start a sentence the next line ends ("Internal developer platform for 400" /
    "engineers.")? A description wrapped in a narrow column, not an employer under a title."""
    if index + 1 >= len(lines) or _DESCRIPTION_DASH.search(lines[index].text):
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


def _comma_header(text: str) -> bool:
    """A long field that is a header's comma list ("Intern at NC Programs, Airbus Defence & Space, El Puerto de
    Santa María, Spain", moderncv's title, employer and place on one line): three or more short parts, no prose."""
    parts = [part.strip() for part in text.split(",")]
    return len(parts) >= 3 and all(0 < len(part) <= 50 for part in parts) and not text.rstrip().endswith(".") \
        and not sentence_like(text) and all(part[:1].isupper() for part in parts[1:])


# The words a title or a name runs on with in lower case ("Manager of Infrastructure and Developer Productivity").
_LINKING_WORDS = frozenset(["of", "and", "for", "the", "at", "in", "to", "on", "&", "de", "du", "des", "la", "le",
                            "el", "y", "e", "da", "do", "und", "der", "die", "für"])


def _long_name(text: str) -> bool:
    """A long header field in title case ("Senior Engineering Manager, Machine Learning Infrastructure and Developer
    Productivity", joined from its wrapped lines): every word capitalised but the linking ones, so no prose."""
    words = re.findall(r"[^\W\d_][\w'’.-]*", text)
    return len(text) <= 110 and all(w[:1].isupper() or w.lower() in _LINKING_WORDS for w in words)


# A brand written with a lower-case first letter and a capital after it ("iFood", "eBay", "eDreams").
_CAMEL_BRAND = re.compile(r"[a-z]{1,2}[A-Z][\w.&-]*(?:\s|$|\()")
# An organisation named by its domain ("btr.tech", "booking.com"): in lower case, and still a name.
_DOMAIN_NAME = re.compile(r"[a-z0-9][\w-]*(?:\.[\w-]+)*\.[a-z]{2,12}")

# A dash before words in lower case: what follows describes the work, it names nothing ("Kalix Games — churn ...").
_DESCRIPTION_DASH = re.compile(r"\s+[–—-]\s+(?=[a-z])")


def claimable_header(line: Line) -> bool:
    """Could this line be part of a job's header (title/company/location), not a wrapped bullet? An employer with
    what the role did after a dash ("Vinterberg Retail — built product search ...") is judged on the employer."""
    if _contact_detail(line.text):
        return False
    # The employer's web address beside the fields is none of them, nor words of a sentence.
    text = WEB_ADDRESS.sub(" ", line.text).strip() or line.text
    dash = _DESCRIPTION_DASH.search(text)
    if dash is not None and len(text[dash.end():].split()) >= 2:
        text = text[:dash.start()]
    fields = header_fields(text) or [text]
    # (A bracketed aside does not make a field long: "Ingénieure logiciel (programme \"Entrepreneur d'Intérêt
    # Général\") , Ministère de la Culture".)
    if (len(re.sub(r"\([^()]*\)", "", fields[0])) > 80 and not _comma_header(fields[0])
            and not _long_name(fields[0]) and not _titles_at_employer(fields[0])) or text.endswith(
            (",", ";")) or heading_name(text) or (
            ENTRY_LABEL.fullmatch(BULLET.sub("", text).strip())):
        return False
    label = re.match(r"([^:]{2,40}):\s+\S", text)
    if label and (heading_name(label.group(1)) is not None or len(_LIST_ITEMS.split(text[label.end(1) + 1:])) >= 3):
        # "Technologies: Go, React, Kafka", "Projects: NOS nieuws, Jeugdjournaal & Teletekst", "Clients: Grandvision,
        # Plus & de Politie": what the role used or served, run in after a label, is a line of the entry's body
        # (one name after a label, "Client: Globex", may still be a header's).
        return False
    if text.endswith(".") and not legal_end(text) and (len(fields) < 2 or sentence_like(fields[0])) and not (
            named_with_a_stop(text.split())):
        # A full stop ends prose, unless it ends "Globex Inc.", a description after "Employer – City – " or a name
        # in title case ("CMCorp Soluções em Informática.").
        return False
    if len(fields) == 1 and sentence_like(_NAMED_ASIDE.sub("", text)) and not _comma_header(text) and not (
            _titles_at_employer(text)):
        # Prose without its full stop: an unmarked bullet ("Built an arrival-time model that reduced late-delivery
        # complaints by 23%") over the next entry's employer is the end of this entry, not the next one's header.
        # (An organisation's name spelt out in brackets is no prose for its linking words: "Analista TI e Ingeniero
        # de Desarrollo , INIF (Instituto Nacional de Investigación y Prevención de Fraude)".)
        return False
    first = BULLET.sub("", text)[:1]
    named = legal_form(text) or legal_form(fields[0])  # "trans-o-flex IT-Service GmbH | Weinheim"
    if not named and (first.isdigit() or first.islower()):
        # (An employer named by its domain leads a line of fields: "btr.tech · Redefining the Grocery Experience".
        # Alone on its line, a bare domain is the website printed under the employer's name, no field.)
        named = _title_in_odd_case(text) or (len(fields) >= 2 and _DOMAIN_NAME.fullmatch(fields[0]) is not None)
    if not first or (first.isdigit() and not named) or (first.islower() and not (
            _CAMEL_BRAND.match(BULLET.sub("", text)) or named)):
        # (A line in lower case goes on the bullet above, but "iFood (Osasco, Brasil)", "eBay" or a name that ends
        # in its legal form is a name: "octomind gmbH", and "1&1 Telecommunications SE" for all its digit.)
        return False
    if is_bullet(line):
        # "• Google Mountain View, CA": some templates bullet the employer line.
        return find_location(BULLET.sub("", text)) is not None and len(text) < 70
    return True



# A bracketed name: every word capitalised but short linking words ("(Instituto Nacional de Investigación y
# Prevención de Fraude)"), not an aside in lower case ("(used by 40M users)").
_NAMED_ASIDE = re.compile(r"\([A-ZÀ-ÖØ-Þ][^\s()]*(?:\s+(?:[A-ZÀ-ÖØ-Þ][^\s()]*|[a-zà-ÿ]{1,3}))*\)")


def _contact_detail(text: str) -> bool:
    """A line that is only an email address or a phone number (a contact block read into the work history, as a
    sidebar is between two pages): never a field of a role's header."""
    core = BULLET.sub("", text).strip()
    return bool(EMAIL.fullmatch(core)) or (PHONE.fullmatch(core) is not None and sum(ch.isdigit() for ch in core) >= 9
                                           and RANGE.search(core) is None)


def _title_in_odd_case(text: str) -> bool:
    """A header line that opens with a digit word or in lower case, which a wrapped bullet's tail usually does, but
    that is a title: one that names its employer after "at" ("3D Graphics Developer Intern at Vital Mechanics",
    "administrateur systèmes Unix / Devops at Wedia France"), or, opening with a digit word, one that ends in a
    title's word ("3D Graphics & Simulation Developer Intern")."""
    digit_word = _DIGIT_WORD.match(BULLET.sub("", text)) is not None
    at = split_at_employer(text)
    if len(at) == 2 and at[1][:1].isupper() and (digit_word or BULLET.sub("", text)[:1].islower() and (
            _titles_at_employer(text))):
        return True
    return digit_word and _ends_in_a_title_word(text)


def _titles_at_employer(field: str) -> bool:
    """ "Architecte applicatif / Chef de projet éditorial API / Full Stack Devops at Le Figaro France": several
    titles held at once, then the employer after "at". Long, but a header: the titles end at the "at" and the
    employer after it is a name (six words at most, no sentence's end)."""
    split = split_at_employer(field)
    return len(split) == 2 and len(split[1].split()) <= 6 and not split[1].rstrip().endswith((".", "!", "?")) and (
        not prose_start(split[0], 4))


# What separates the items of a list run in after a label.
_LIST_ITEMS = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*")


def _ends_in_a_title_word(text: str) -> bool:
    """A short line, no sentence, whose last word is a job title's ("... Developer Intern", "... Engineer"): a
    title's shape. A wrapped bullet's tail ends in what was done, not in who did it."""
    words = text.split()
    return (2 <= len(words) <= 8 and not text.rstrip().endswith((".", ",", ";", ":")) and not prose_start(text, 4)
            and TITLE_WORDS.fullmatch(words[-1].lower().strip("()")) is not None)


# A word that opens with a digit and goes on in letters: "3D", "2nd", "1Password", not "30%" or "2019".
_DIGIT_WORD = re.compile(r"\d+[^\W\d_]")


def description_line(text: str) -> bool:
    """A short line of what the role did, its bullet glyph lost ("Split the ledger service out of the monolith",
    "Shipped two console titles"): four words or more, most of them in lower case, with no title word, legal form
    or institution's word (a title or a name in sentence case, "Analista de dados sênior", "Ministère de la
    santé", is no description). Not asked of a line right over a dated line that holds only the dates, with no title
    under them: a title in sentence case the words cannot vouch for ("Coord.de lab. de electrónica y
    microprocesadores", LinkedIn's export) sits right over them. Beside a dated line with words of its own
    ("Meridian Payments - Senior Software Engineer 2019-11-01 — 2022-02-28"), or further off, such a line ran on
    from the entry above."""
    # A title word counts only as a whole word: "Hired and led six engineers" names the people led, not a title.
    titled = any(m.end() == len(text) or not text[m.end()].isalpha() for m in TITLE_WORDS.finditer(text))
    return len(header_fields(text)) <= 1 and prose_start(text, 4) and not titled and not legal_form(text) and not (
        INSTITUTION.search(text))


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
    while top - 1 > i and (_address_line(lines[top - 1]) or street_address(lines[top - 1].text)):
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


_STARTS_DATED = re.compile(rf"^\s*(?:{DATE}|{OPEN_END})(?!\w)", re.IGNORECASE)


# The second half of a range wrapped before its connector: "TO 2022-02-28", "– Present", "bis heute".
_RANGE_TAIL = re.compile(
    rf"^\s*(?P<tail>(?:-|–|—|to|until|till|bis|au|à|hasta|até)(?:\s*:)?\s*(?:{DATE}|{OPEN_END}))(?!\w)\s*(?P<rest>.*)$",
    re.IGNORECASE)
# A form's label before a start date ("From: 01/2011" over "To: 03/2013", USAJOBS and converted forms).
_FROM_LABEL = re.compile(rf"\s*(?:{FROM_WORDS})\s*:?\s*", re.IGNORECASE)
_LONE_DATE = re.compile(rf"(?<![\w/.-])(?:{DATE})(?![\w/.-])", re.IGNORECASE)
# "Director, ML Infrastructure May" / "2020 – January 2023": a header wrapped between its date's month and year.
_MONTH_AT_END = re.compile(rf"(?:^|\s)(?P<month>{MONTH})\s*$", re.IGNORECASE)
_YEAR_OPENS_RANGE = re.compile(r"^\s*(?:19|20)\d\d\s*(?:[-–—]|(?:to|until|bis|au|à|hasta|até)\b)", re.IGNORECASE)
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


def _connect_unconnected_ranges(lines: list[Line], typography: Typography | None) -> list[Line]:
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


def _join_dangling_ranges(lines: list[Line], typography: Typography | None) -> list[Line]:
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


def _join_stacked_margin_dates(lines: list[Line], typography: Typography | None) -> list[Line]:
    """ "À ce jour Ingénieur R&D Senior, SCHNEIDER ELECTRIC" / "Décembre 2022 • Pilotage Agile ...": a margin column
    of dates stacks a role's two dates (end over start here) beside the header and its first bullet. The two are
    the header's range, in whichever order they stand; the bullet keeps its line. A date before a bullet opens no
    entry, so this takes nothing from a header line."""
    out: list[Line] = []
    for line in lines:
        head = _LEADING_END.match(out[-1].text) if out else None
        below = _DATE_BESIDE_BULLET.match(line.text) if head else None
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
    if not words or YEAR.search(words) or _YEAR_MENTIONED.search(above.text):
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


def _join_wrapped_ranges(lines: list[Line]) -> list[Line]:
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
                _STARTS_DATED.match(line.text) and _LONE_DATE.match(out[-2].text.strip())):
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
                rf"{DATE}\s*[-–—]\s*{MONTH}(?:\s+de)?\s*$", out[-1].text, re.I) or out and _STARTS_DATED.match(line.text) and re.search(rf"{DATE}\s*[-–—]\s*$", out[-1].text, re.I):
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
        if (match is None or not _time_spent(spent) or not 1 <= len(words) <= 3 or is_bullet(tail) or has_dates(tail)
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
    if not _wrapped_header(lines[index], lines[index + 1], typography):
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
            if end > index + 2 and not _wrapped_header(lines[end - 2], lines[end - 1], typography):
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


def _join_wrapped_headers(lines: list[Line], measure: int | None, typography: Typography | None) -> list[Line]:
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
        while later < len(lines) - 1 and _address_line(lines[later]):
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


def _glyph_led_headers(lines: list[Line], typography: Typography | None) -> list[Line]:
    """A theme that sets a glyph before each entry's employer ("• NMS Kittsee" over "October, 2015 - March, 2016"):
    known by the habit, not by one line. Where most of the lines that open with their dates have, right above them,
    a short glyph-led line that names something (a few words, no sentence, no date, no full stop, colon or comma
    at its end), and the section opens with one, those lines lose the glyph and are read as headers. A date-first
    layout's last achievement above the next dates ("• Led hiring" / "2016 - 2019") can be as short, but no
    section opens with an achievement; and one such line alone is no habit."""
    dated = [i for i, line in enumerate(lines) if _STARTS_DATED.match(line.text) and not is_bullet(line)]
    led = [i - 1 for i in dated if i > 0 and _glyph_led_name(lines[i - 1])]
    if len(led) < 2 or len(led) < _GLYPH_LED_SHARE * len(dated) or led[0] != 0:
        return lines
    out = list(lines)
    for i in led:
        out[i] = lines[i].model_copy(update={"text": BULLET.sub("", lines[i].text, count=1)})
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
            and not _address_line(tail, bare_domain=True) and not reads_as_prose(rest))


def _wrapped_before_its_dates(line: Line, tail: Line) -> str | None:
    """ "Societe Generale Corporate and  Oct 2016 - Present" / "Investment Banking - SG CIB": a header whose words
    end in a linking word, its dates set at the line's end, runs on in the short line below. The header joined,
    the tail's words before the dates; None for any other pair of lines."""
    match = RANGE.search(line.text)
    if match is None or line.text[match.end():].strip(" .)") or is_bullet(line) or is_bullet(tail):
        return None
    head, rest = line.text[: match.start()].rstrip(" |,"), tail.text.strip()
    if not head or _ENDS_IN_A_LINKING_WORD.search(head) is None or has_dates(tail) or not rest or heading_name(rest) or (
            len(rest.split()) > _WRAPPED_TAIL_WORDS or reads_as_prose(rest) or _address_line(tail)):
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
    larger than the body is left to `_wrapped_header`, which reads its wrapped lines where they are, unless the
    line ends in a linking word ("Community Action Committee of the" / "Lehigh Valley"): no field ends so, and a
    header set large wraps well before the body's measure, so that ending alone tells the wrap."""
    text = line.text.strip()
    linking = _ENDS_IN_A_LINKING_WORD.search(text) is not None
    return (measure is not None and after is not None
            and (typography is None or (_in_the_face_it_ends_in(line, tail, typography)
                                        and (linking or not _wrapped_header(line, tail, typography))))
            and (len(text) >= _AT_THE_MARGIN * measure or len(f"{text} {tail.text.split()[0]}") > _NEXT_WORD * measure
                 or linking)
            and len(tail.text.strip()) <= _WRAPPED_SHARE * measure
            and bool(_STARTS_DATED.match(after.text))
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
    if (has_dates(tail) or SINGLE_DATE.search(rest) or _address_line(tail, bare_domain=True) or heading_name(rest)
            or reads_as_prose(rest.rstrip(".")) or len(rest.split()) > _WRAPPED_TAIL_WORDS or rest.endswith(":")):
        return False
    if typography is not None and not (_in_the_face_it_ends_in(line, tail, typography)
                                       and not _wrapped_header(line, tail, typography)):
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


def date_only(text: str) -> bool:
    """A line that holds a date range and nothing else a reader would call a title or an employer."""
    match = RANGE.search(text) or OPEN_FIRST.search(text) or SINCE.search(text) or SINGLE_DATE.search(text)
    if match is None:
        return False
    rest = DURATION.sub(" ", text[: match.start()] + " " + text[match.end():])
    rest = re.sub(UNSET_DATE, " ", rest, flags=re.IGNORECASE)  # "Juil. 2020 - Invalid date": no words of its own
    return not re.search(r"[^\W\d_]", rest)


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


def _time_spent(line: Line) -> bool:
    """Is the line only the time spent in a role ("2 ans 4 mois", "(1 year)"), or a theme's placeholder where it had
    none to print ("Dates invalides")?"""
    text = line.text.strip(" ()")
    return bool(TENURE.fullmatch(text) or re.fullmatch(UNSET_DATE, text, re.IGNORECASE))


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
             and not _address_line(lines[a + 1], bare_domain=True) else None for a in anchors}
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
        while index > 0 and _address_line(lines[index]):
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
    dash = _DESCRIPTION_DASH.search(line)
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
    if not first_titled and len(header_fields(first.text)) == 1 and _set_larger(second, typography):
        return True
    # Title words on both lines or on neither ("Northwind Analytics" / "Statistician"): the learned scorer reads
    # one as a title and the other as an organisation, or the second line is not the header's.
    return len(header_fields(first.text)) == 1 == len(header_fields(second.text)) and learned_title(
        [first.text.strip(), second.text.strip()]) is not None


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


def _split_run_on_entries(lines: list[Line]) -> list[Line]:
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


def _unform(lines: list[Line]) -> list[Line]:
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


# A single date that dates the document itself ("Curriculum vitae, May 2025", "Last updated March 2024"), not a role.
_DOCUMENT_DATE = re.compile(rf"\b{DOCUMENT_TITLE}\b|\b(?:updated|revised|last modified|stand|as of)\b", re.IGNORECASE)


# "Janvier - Août 2009", "Mar – Sep 2019": two months sharing the year written after the second.
_SHARED_YEAR = re.compile(
    rf"(?<![\w/.-])(?<!\d )(?P<first>{MONTH})(?P<dash>\s*[-–—]\s*)(?P<second>{MONTH}{MONTH_YEAR_GAP})"
    r"(?P<year>(?:19|20)\d\d)(?![\w/.-])",
    re.IGNORECASE,
)


def _shared_years(lines: list[Line]) -> list[Line]:
    """Give the first month of a range that shares one year its year ("Janvier - Août 2009" -> "Janvier 2009 -
    Août 2009"), so the range reads as one."""
    return [line.model_copy(update={"text": _SHARED_YEAR.sub(
        lambda m: f"{m['first']} {m['year']}{m['dash']}{m['second']}{m['year']}", line.text)})
        if _SHARED_YEAR.search(line.text) else line for line in lines]


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


# A year a preposition governs ends a sentence of description, not a header: "Data Science & Infra, IPO in 2021".
_YEAR_MENTIONED = re.compile(r"\b(?:in|by|of|before|after|during|around|en|em|im|nel|au)\s+\(?(?:19|20)\d\d\)?\s*$",
                             re.IGNORECASE)


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
            if TRAILING_YEAR.search(line.text) and not _YEAR_MENTIONED.search(line.text) and len(line.text) < 90
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


def _entry_headers(section_lines: list[Line], anchors: list[int], typography: Typography | None
                   ) -> tuple[list[tuple[int, list[int], list[int]]], dict[int, int], set[int]]:
    """Each entry's header: (its dated line, the header lines above it, the header lines below it), the employer
    line over a tenure line per entry (`group_openers`), and the dated lines that are small print under their
    header (`meta`). A line claimed by one entry's header is never another's."""
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
            if i >= floor and i not in claimed and (_address_line(section_lines[i]) or street_address(
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
                and not _wrapped_header(section_lines[i - 1], section_lines[i], typography)
                and not (_set_larger(section_lines[i], typography)
                         and not _set_larger(section_lines[i - 1], typography))
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
        if nxt + 1 < ceiling and _address_line(section_lines[nxt], bare_domain=True):
            # The employer's web address printed under its name, a glyph before it or not ("∙ https://..."): the
            # title is on the next line.
            nxt += 1
        elif nxt + 1 < ceiling and _time_spent(section_lines[nxt]) and not date_only(section_lines[anchor].text):
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
        ) and (len(first_field := (header_fields(section_lines[nxt].text) or [""])[0]) < 70 or _comma_header(first_field)):
            post.append(nxt)
            second = nxt + 1
            if employment_type_only(section_lines[nxt].text) and second < ceiling and not is_bullet(
                    section_lines[second]) and claimable_header(section_lines[second]):
                # "Machine Learning Consultant" / "(Freelance)" / "Astrelle Conseil, Paris": how the role was held,
                # wrapped off the title, is no field of its own; the employer is the line under it.
                post.append(second)
                second += 1
            if second + 1 < ceiling and _time_spent(section_lines[second]):
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
          set_aside: list[SetAside] | None = None) -> list[Job]:
    """The roles in a work-history block; `measure` is the document's wrapped-line length (`line_measure`). Dated
    entries that are not roles (a career break, a teaching post, volunteering beside a career) are added to
    `set_aside` when given, so the review can say what it did not count.

    In four steps: the lines that open an entry (its dated line, `_entry_anchors`), each entry's header lines around
    it (`_entry_headers`), the habits the entries share (`_EntryHabits`), then a role from each header (its dates,
    `_dates_beside`, and its title and employer, `title_company`), followed by the passes over the whole list
    (typography, position, tenures, nesting, promotions).
    """
    section_lines = _connect_unconnected_ranges(_unform(_split_run_on_entries(_shared_years(
        _glyph_led_headers(section_lines, typography)))), typography)
    section_lines = _join_wrapped_headers(_join_wrapped_ranges(_join_dangling_ranges(
        _join_stacked_margin_dates(section_lines, typography), typography)), measure, typography)
    anchors = _entry_anchors(section_lines)
    headers, group_openers, meta = _entry_headers(section_lines, anchors, typography)
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
    match = _STARTS_DATED.match(dated.text)
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
    if place_only(text) or heading_free_accents(text.split(",")[-1].strip().lower()) in REGIONS:
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


def _wrapped_header(previous: Line, line: Line, typography: Typography | None) -> bool:
    """Are `previous` and `line` one header wrapped at the column's edge ("Senior Engineering Manager, Machine
    Learning Infrastructure and" / "Developer Productivity"): the same face, set larger than the body, the first
    no bullet? Then `line` is no bullet's tail, however its words run on."""
    if typography is None or is_bullet(previous):
        return False
    a, b = face_of(previous, typography), face_of(line, typography)
    return a is not None and a == b and _set_larger(previous, typography) and _set_larger(line, typography)


def _indented_past(line: Line, below: Line, typography: Typography | None) -> bool:
    """Is `line` indented further than the header line under it? Then it is the previous entry's body (its
    bullets, set in from the headers), not part of this entry's header."""
    if typography is None:
        return False
    a, b = typography.style(line), typography.style(below)
    # A bullet indent is a few ems; a piece far to the right (a right-aligned place or date) is not an indent.
    return a is not None and b is not None and a.page == b.page and 6 < a.x - b.x <= 50


def _address_line(line: Line, bare_domain: bool = False) -> bool:
    """A line that is only a web address (the employer's site), a glyph before it or not. A bare domain counts only
    where no header field can be one (`bare_domain`, under the dates): above a title, "Booking.com" is an employer."""
    text = re.sub(r"^[^\w(]+", "", line.text.strip())
    return bool(WEB_ADDRESS.fullmatch(text) or (bare_domain and URL.fullmatch(text)))


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


def _set_larger(line: Line, typography: Typography | None) -> bool:
    """Set larger than the body text (a header line, not a description)."""
    style = typography.style(line) if typography is not None else None
    return style is not None and typography is not None and style.size >= 1.08 * typography.body


def line_measure(lines: list[Line]) -> int | None:
    """How long a line is when it was wrapped (the block's 90th-percentile line length, in characters); None when
    there are too few lines to tell."""
    lengths = sorted(len(line.text.strip()) for line in lines if line.text.strip())
    if len(lengths) < 6:
        return None
    return lengths[int(0.9 * (len(lengths) - 1))]


# A line ending this far short of the measure was not wrapped: what follows it starts something new.
_WRAPPED_SHARE = 0.6


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
        wrapped = measure is None or last_length >= _WRAPPED_SHARE * measure
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


def reads_as_prose(field: str) -> bool:
    """A header field that reads as a sentence: prose by `sentence_like`, or six words or more with a figure in
    them, or ending as a clause does."""
    with_figure = len(field.split()) >= 6 and re.search(r"\d", field) is not None
    return sentence_like(field) or with_figure or field.rstrip().endswith((";", ":"))


def has_dates(line: Line) -> bool:
    return bool(RANGE.search(line.text) or OPEN_FIRST.search(line.text) or SINCE.search(line.text))
