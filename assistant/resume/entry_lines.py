"""What a line of a work history is, asked of one line (or a line and its neighbours): a bullet, a dated line,
a date and nothing else, a line of description, a header a role can claim, an address, a wrapped header.

The questions `entry_joins.py` and `entries.py` both ask before they join, anchor or split anything.
"""

from __future__ import annotations

import re

from assistant.resume.entry_fields import (
    WEB_ADDRESS,
    face_of,
    header_fields,
    legal_end,
    named_with_a_stop,
    prose_start,
    sentence_like,
    split_at_employer,
)
from assistant.resume.headings import Typography, heading_name
from assistant.resume.models import Line
from assistant.resume.vocabulary import (
    BULLET,
    DATE,
    DURATION,
    EMAIL,
    ENTRY_LABEL,
    INSTITUTION,
    OPEN_END,
    OPEN_FIRST,
    PHONE,
    RANGE,
    SINCE,
    SINGLE_DATE,
    TENURE,
    TITLE_WORDS,
    UNSET_DATE,
    URL,
    find_location,
    legal_form,
)


def is_bullet(line: Line) -> bool:
    return BULLET.match(line.text) is not None


def comma_header(text: str) -> bool:
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
DESCRIPTION_DASH = re.compile(r"\s+[–—-]\s+(?=[a-z])")


def claimable_header(line: Line) -> bool:
    """Could this line be part of a job's header (title/company/location), not a wrapped bullet? An employer with
    what the role did after a dash ("Vinterberg Retail — built product search ...") is judged on the employer."""
    if _contact_detail(line.text):
        return False
    # The employer's web address beside the fields is none of them, nor words of a sentence.
    text = WEB_ADDRESS.sub(" ", line.text).strip() or line.text
    dash = DESCRIPTION_DASH.search(text)
    if dash is not None and len(text[dash.end():].split()) >= 2:
        text = text[:dash.start()]
    fields = header_fields(text) or [text]
    # (A bracketed aside does not make a field long: "Ingénieure logiciel (programme \"Entrepreneur d'Intérêt
    # Général\") , Ministère de la Culture".)
    if (len(re.sub(r"\([^()]*\)", "", fields[0])) > 80 and not comma_header(fields[0])
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
    if len(fields) == 1 and sentence_like(_NAMED_ASIDE.sub("", text)) and not comma_header(text) and not (
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


STARTS_DATED = re.compile(rf"^\s*(?:{DATE}|{OPEN_END})(?!\w)", re.IGNORECASE)


def date_only(text: str) -> bool:
    """A line that holds a date range and nothing else a reader would call a title or an employer."""
    match = RANGE.search(text) or OPEN_FIRST.search(text) or SINCE.search(text) or SINGLE_DATE.search(text)
    if match is None:
        return False
    rest = DURATION.sub(" ", text[: match.start()] + " " + text[match.end():])
    rest = re.sub(UNSET_DATE, " ", rest, flags=re.IGNORECASE)  # "Juil. 2020 - Invalid date": no words of its own
    return not re.search(r"[^\W\d_]", rest)


def time_spent(line: Line) -> bool:
    """Is the line only the time spent in a role ("2 ans 4 mois", "(1 year)"), or a theme's placeholder where it had
    none to print ("Dates invalides")?"""
    text = line.text.strip(" ()")
    return bool(TENURE.fullmatch(text) or re.fullmatch(UNSET_DATE, text, re.IGNORECASE))


# A year a preposition governs ends a sentence of description, not a header: "Data Science & Infra, IPO in 2021".
YEAR_MENTIONED = re.compile(r"\b(?:in|by|of|before|after|during|around|en|em|im|nel|au)\s+\(?(?:19|20)\d\d\)?\s*$",
                             re.IGNORECASE)


def wrapped_header(previous: Line, line: Line, typography: Typography | None) -> bool:
    """Are `previous` and `line` one header wrapped at the column's edge ("Senior Engineering Manager, Machine
    Learning Infrastructure and" / "Developer Productivity"): the same face, set larger than the body, the first
    no bullet? Then `line` is no bullet's tail, however its words run on."""
    if typography is None or is_bullet(previous):
        return False
    a, b = face_of(previous, typography), face_of(line, typography)
    return a is not None and a == b and set_larger(previous, typography) and set_larger(line, typography)


def address_line(line: Line, bare_domain: bool = False) -> bool:
    """A line that is only a web address (the employer's site), a glyph before it or not. A bare domain counts only
    where no header field can be one (`bare_domain`, under the dates): above a title, "Booking.com" is an employer."""
    text = re.sub(r"^[^\w(]+", "", line.text.strip())
    return bool(WEB_ADDRESS.fullmatch(text) or (bare_domain and URL.fullmatch(text)))


def set_larger(line: Line, typography: Typography | None) -> bool:
    """Set larger than the body text (a header line, not a description)."""
    style = typography.style(line) if typography is not None else None
    return style is not None and typography is not None and style.size >= 1.08 * typography.body


# A line ending this far short of the measure was not wrapped: what follows it starts something new.
WRAPPED_SHARE = 0.6


def has_dates(line: Line) -> bool:
    return bool(RANGE.search(line.text) or OPEN_FIRST.search(line.text) or SINCE.search(line.text))


def reads_as_prose(field: str) -> bool:
    """A header field that reads as a sentence: prose by `sentence_like`, or six words or more with a figure in
    them, or ending as a clause does."""
    with_figure = len(field.split()) >= 6 and re.search(r"\d", field) is not None
    return sentence_like(field) or with_figure or field.rstrip().endswith((";", ":"))
