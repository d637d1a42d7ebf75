"""The words and shapes resume text is read by: dates and ranges in the languages the reader covers, bullets,
contact details, places, job-title and degree words, field separators.

Shared by the parser (`assistant.resume.parser`: sections, roles, education) and the contact reader
(`assistant.resume.contact`: name, e-mail, phone); one place, so a date format or a title word added here is
known to both.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from assistant.resume.layout import BULLET_GLYPHS

# The answers remembered during one reading (`remembering`), by pattern, method and text; None outside a reading.
_ANSWERS: ContextVar[dict[tuple[int, str, str], Any] | None] = ContextVar("_ANSWERS", default=None)


@contextmanager
def remembering() -> Iterator[None]:
    """Within this block (one resume's reading), `Remembered` patterns answer each line once. The answers go with
    the block: no user's text outlives their reading in a module global (SECURITY.md), and concurrent readings in
    other threads keep their own (a context variable)."""
    if _ANSWERS.get() is not None:  # a reading inside a reading (the plain-text check) shares the outer one's
        yield
        return
    token = _ANSWERS.set({})
    try:
        yield
    finally:
        _ANSWERS.reset(token)


_Answer = TypeVar("_Answer")


def remembered(function: Callable[[str], _Answer]) -> Callable[[str], _Answer]:
    """`function` of a line's text, answered once per text during a reading (`remembering`), like `Remembered`'s
    patterns: the heading questions ("is this line a known heading?") are asked of every line by several readers
    (margins, styles, runs of entries) and again by the plain-text re-reading; remembering them took a fifth off the
    corpus's parse time. Not `functools.lru_cache`: that would keep users' lines in a module global after their
    reading. `function` must depend on its text alone."""

    @functools.wraps(function)
    def answer(text: str) -> _Answer:
        answers = _ANSWERS.get()
        if answers is None:
            return function(text)
        key = (id(answer), "call", text)
        if key not in answers:
            answers[key] = function(text)
        return answers[key]  # type: ignore[no-any-return]

    return answer


class Remembered:
    """A compiled pattern whose `search`, `match` and `fullmatch` remember their answer per text during a reading.

    Why: the reader asks each of a resume's few hundred lines the same questions many times over (is it dated? does
    it name a job title?), once more for the plain-text re-reading, and the biggest patterns here are alternations
    over every month name, open end and title word in a dozen languages, which the regex engine tries at every
    position of a line: about 0.1 ms a search, which made regex searches 60% of a review's parse time. A match object
    is immutable, so callers can share one. Outside `remembering()` it is the plain pattern. Everything else
    (`sub`, `findall`, `pattern`) is the compiled pattern's; `compiled` is the pattern itself, for telling which
    pattern a match came from (`match.re is SINCE.compiled`). `needs`, a small pattern every match must contain (a
    digit, for a date), answers "no" for a line without it before the big pattern is tried: inside and outside a
    reading, since the first asking of each line was still most of the cost (a fifth of the corpus's parse time).
    """

    def __init__(self, compiled: re.Pattern[str], needs: re.Pattern[str] | None = None) -> None:
        self.compiled = compiled
        self.needs = needs

    def _answer(self, method: str, text: str, *bounds: int) -> re.Match[str] | None:
        if self.needs is not None and self.needs.search(text) is None:
            return None
        answers = _ANSWERS.get()
        if answers is None or bounds:
            return getattr(self.compiled, method)(text, *bounds)  # type: ignore[no-any-return]
        key = (id(self), method, text)
        if key not in answers:
            answers[key] = getattr(self.compiled, method)(text)
        return answers[key]  # type: ignore[no-any-return]

    def search(self, text: str, *bounds: int) -> re.Match[str] | None:
        return self._answer("search", text, *bounds)

    def match(self, text: str, *bounds: int) -> re.Match[str] | None:
        return self._answer("match", text, *bounds)

    def fullmatch(self, text: str, *bounds: int) -> re.Match[str] | None:
        return self._answer("fullmatch", text, *bounds)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)

# Month names and abbreviations in English, German (and Austrian "Jänner"), French, Spanish, Portuguese, Italian and
# Dutch, by the prefix a date starts
# with (accents removed before matching). Longer prefixes first, so "mars" (fr) is March and "mai" is May.
MONTHS = {
    "janv": 1, "jan": 1, "ene": 1, "feb": 2, "fev": 2, "fevr": 2, "mar": 3, "maerz": 3, "mrz": 3, "maart": 3,
    "mrt": 3, "apr": 4, "avr": 4, "abr": 4, "may": 5, "mai": 5, "mei": 5, "mayo": 5, "maio": 5, "juin": 6, "jun": 6, "juil": 7, "jul": 7, "aug": 8,
    "aout": 8, "ago": 8, "sep": 9, "set": 9, "oct": 10, "okt": 10, "out": 10, "nov": 11, "dec": 12, "dez": 12,
    "dic": 12, "gen": 1, "mag": 5, "giu": 6, "lug": 7, "ott": 10, "spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12,
}
MONTH = (
    r"(?:jan(?:uary|uari|uar|vier|v|eiro)?|jän(?:ner)?|feb(?:ruary|ruari|ruar|rero)?|f[ée]v(?:rier|r|ereiro)?"
    r"|mar(?:ch|s|zo|ço|co)?|m(?:[äa]e?rz|är|rz)|maart|mrt|mei"
    r"|apr(?:il)?|avr(?:il)?|abr(?:il)?|may(?:o)?|ma(?:i|io)|june?|juni|juin|junio|junho|july?|juli|juil(?:let)?"
    r"|julio|julho|aug(?:ustus|ust)?|ao[ûu]t|ago(?:sto)?|sept?(?:ember|iembre|embre)?|setembro|set|oct(?:ober|obre|ubre)?"
    r"|okt(?:ober)?|out(?:ubro|\.|(?=/(?:19|20)\d\d))|nov(?:ember|embre|iembre|embro)?|dec(?:ember)?|d[ée]c(?:embre)?|dez(?:ember|embro)?"
    r"|dic(?:iembre)?|ene(?:ro)?|gen(?:naio)?|febbraio|marzo|aprile|mag(?:gio)?|giu(?:gno)?|lug(?:lio)?"
    r"|settembre|ott(?:obre)?|novembre|dicembre|spring|summer|fall|autumn|winter)\.?"
)
# Numeric dates: ISO days and months (2020-03-15, 2020-03, 2020/03), day-first (15.03.2020, 15/03/2020) and
# month-first (03.2020, 03/2020, 03-2020).
NUMERIC_DATE = (
    r"(?:(?:19|20)\d\d[-/.](?:0[1-9]|1[0-2])(?:[-/.](?:0?[1-9]|[12]\d|3[01]))?(?!\d)"
    r"|(?:0?[1-9]|[12]\d|3[01])[./](?:0?[1-9]|1[0-2])[./](?:19|20)\d\d"
    # "06/30/2020": American month-first days (`dates.parse_date` tells the order by the range's other end).
    r"|(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\d|3[01])/(?:19|20)\d\d"
    r"|(?:0?[1-9]|1[0-2])\s*[/.-]\s*(?:19|20)\d\d"
    # "05/18", "8/99": a month and a two-digit year (German CVs' "08/21-02/23", "seit 03/23").
    r"|(?<![\d/.])(?:0?[1-9]|1[0-2])/\d\d(?![\d/.])"
    # "2019/3": year first with a one-digit month (East Asian CVs); "2019年3月": Chinese and Japanese.
    r"|(?:19|20)\d\d/[1-9](?![\d/.])"
    r"|(?:19|20)\d\d\s*年\s*(?:0?[1-9]|1[0-2])\s*月"
    r")"
)
# "enero de 2026", "março de 2020": Spanish and Portuguese put "de" between month and year.
# "Agosto/2017": some templates put a slash there.
# "Mar-2019": a hyphen (Indian and many Word templates).
MONTH_YEAR_GAP = r"\s*[,/-]?\s*(?:de\s+)?"
# "2023-Sep", "2023 Sep": year first, then the month's name (templates that format dates as %Y-%b).
YEAR_MONTH = rf"(?:19|20)\d\d[-/ .]{MONTH}(?![\w-])"
# "Mar ’21", "Jan '19": a month and a two-digit year after an apostrophe (Word turns it into a smart quote).
# "feb/22", "Sept/16": the same with a slash (moderncv CVs that format dates as %b/%y).
SHORT_YEAR = r"(?:\s*['’‘]|/)\d\d(?![\d/])"
# "4 agosto 2021", "15. März 2020": a day before the month's name belongs to the date.
# "1st March 2019", "1st of March 2019": an ordinal day too (British usage; French "1er mars 2022").
DAY = r"(?:(?<![\d.,])(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th|er|\.)?\s+(?:of\s+)?(?=[^\W\d_]))?"
# "March 1, 2019", "Mar 1st 2019": the day after the month (American usage).
MONTH_DAY_YEAR = rf"{MONTH}\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
# "Q1 2019": a quarter.
QUARTER = r"Q[1-4]\s*(?:19|20)\d\d"
DATE = (rf"(?:{MONTH_DAY_YEAR}|{DAY}{MONTH}{MONTH_YEAR_GAP}(?:19|20)\d\d|{MONTH}{SHORT_YEAR}|{YEAR_MONTH}|{QUARTER}"
        rf"|{NUMERIC_DATE}|(?:19|20)\d\d)")
OPEN_END = (
    r"(?:(?:the )?present(?: day)?|current(?:ly)?|curr?\.?|now|ongoing|today|date|till? (?:date|now)|to date|heute?|jetzt|aktuell|actuel(?:lement)?"
    # An open end written with its own "until": "bis heute", "bis dato", "até o momento", "hasta la fecha",
    # "jusqu'à aujourd'hui", "ad oggi", "tot heden".
    r"|bis (?:heute|dato|jetzt)|dato|(?:até |ate )?o momento|(?:hasta |a )?la fecha|hasta (?:hoy|ahora)"
    r"|jusqu['’](?:à|a) (?:aujourd['’]hui|ce jour|maintenant|pr[ée]sent)|ad oggi|tot (?:heden|nu)"
    r"|aujourd['’]hui|à ce jour|en cours|pr[ée]sente?|actual(?:idad|mente)?|atual(?:mente)?|hoje|hoy|oggi|in corso"
    r"|attuale|attualmente|gegenw[äa]rtig|derzeit|laufend|heden"
    # Other European languages' "to date", for CVs written in them ("03.2020 – obecnie" dropped the current role):
    # Dutch, Nordic, Polish, Czech and Slovak, Hungarian, Romanian, Turkish, Greek, Russian and Ukrainian.
    r"|nu|huidig|pågående|idag|i dag|nå|nyt|nykyhetki|obecnie|nadal|teraz|do dziś|současnost|dosud|nyní"
    r"|súčasnosť|doteraz|jelenleg|napjainkig|[îi]n prezent|prezent|halen|günümüz|σήμερα|наст(?:оящее|\.)? ?вр(?:емя|\.)"
    r"|по настоящее время|н\. ?в\.|дотепер|теперішній час|现在|至今|現在)"
)
# "2016-19", "1998 – 02", "’16 – ’19": a year range whose end keeps only its last two digits. Tried after every full
# date, and never where the two digits after a bare hyphen or slash are a month ("2019-03" is March 2019).
_YEAR_WITH_SHORT_END = r"(?P<short_start>(?:19|20)\d\d|['’‘]\d\d)(?![-/.](?:0[1-9]|1[0-2])(?!\d))"
_SHORT_END = r"(?(short_start)['’‘]?\d\d(?![\d/.,])(?-i:(?!\s*(?:%|[a-z])))|(?!))"
# "Mar 19 – Present", "Jan 16 – Feb 19", "May, 11 - Aug, 11": a month's name and a two-digit year with no apostrophe. Alone "Mar 19" is
# as often a day as a year, so it is a date only in a range whose other end is written the same way or is open,
# and never where a full year follows the end ("March 19 – June 21, 2020" is a span of days).
_MONTH_TWO_DIGITS = rf"{MONTH},?\s?\d\d(?![\d/.:]|,?\s*(?:19|20)\d\d)"
_MONTH_SHORT_START = rf"(?P<month_short>(?<!\w){_MONTH_TWO_DIGITS})"
_MONTH_SHORT_END = rf"(?(month_short)(?:{_MONTH_TWO_DIGITS}|{OPEN_END})|(?!))"
# The word that opens a range before its start ("from March 2019", "von 2019", "desde 2015"), also a form's label.
FROM_WORDS = r"from|von|vom|desde|du|de|dal"
# Every date holds a digit (a year, a two-digit year, a month's number): a line without one is not searched.
_DIGIT = re.compile(r"\d")
RANGE = Remembered(re.compile(
    # "from March 2019 until June 2021", "von 2019 bis 2021": the word before the start is part of the range.
    # A form's labels keep their colons ("FROM: JAN 2011 TO: MAR 2013"); a dash may stand before the word ("March
    # 2019 - to present").
    rf"(?:(?<!\w)(?:{FROM_WORDS})\s*:?\s+)?"
    rf"(?P<start>{DATE}|{_YEAR_WITH_SHORT_END}|{_MONTH_SHORT_START})"
    # Italian writes "a" as "ad" before a vowel ("dal 2018 ad oggi"); French "jusqu'à" / "jusqu'en" is "until".
    # An arrow joins the two ends too ("2014 → 2017", pifont's "2014 ➠ 2017").
    rf"\s*(?:[-–—]\s*(?=to\b))?(?:-{{1,2}}|–|—|[→⇒⟶➔-➾]|~|～|至|to|until|till|through|thru|bis|au|à|a|ad|al|hasta|até|tot"
    rf"|jusqu['’](?:à|au|en))"
    rf"(?:\s*:(?=\s*\w))?\s*"
    rf"(?P<end>(?(month_short)(?!)|(?:{DATE}|{OPEN_END}))|{_SHORT_END}|{_MONTH_SHORT_END})(?!\w)",
    re.IGNORECASE,
), needs=_DIGIT)
# "Present - 2019", "heute – 03/2019": a range written end first.
OPEN_FIRST = Remembered(re.compile(
    rf"(?<!\w)(?P<end>{OPEN_END})\s*(?:-|–|—|to|bis|au|a|hasta|até)\s*(?P<start>{DATE})(?!\w)", re.IGNORECASE),
    needs=_DIGIT)
# What a JavaScript theme prints for a date or a duration it has no value for ("Nov 2023 - Invalid Date", moment.js's
# "Invalid date", "Jul 2020 - undefined NaN", a French theme's "Dates invalides" where the time spent goes). Never a
# field of the header. As an end it is read as a role still held: that is what a JSON Resume without an end date
# means, and the commoner cause (a theme also prints it for an end it could not parse).
UNSET_DATE = (r"(?<!\w)(?:Invalid Date|Dates? invalides?|Fecha inv[áa]lida|Data inv[áa]lida|Ungültiges Datum"
              r"|undefined(?:\s+NaN)?|NaN)(?!\w)")
# "since 2020", "seit 03/2019": an open-ended range written with its start only. A form's joining date ("Date of
# joining: 2 April 2012", "Fecha de incorporación 2 de Abril de 2012") says the same: the role is still held.
SINCE = Remembered(re.compile(
    rf"\b(?:since|seit|depuis|desde|sinds|sedan|dal|od|date of joining|joining date|joined(?:\s+(?:in|on))?"
    rf"|fecha de incorporaci[óo]n|date d['’]entr[ée]e|eintrittsdatum|data de (?:admiss[ãa]o|entrada|ingresso))"
    rf"\s*:?\s+(?:(?:le|el|dem|the)\s+)?(?:\d{{1,2}}\.?\s+(?:de\s+)?(?=[^\W\d_]))?(?P<start>{DATE})"
    # "2020-04-01 –" with nothing after the dash: a template that prints an empty end date for an ongoing role
    # (or its placeholder for one, `UNSET_DATE`: "03/2013 - Invalid date").
    rf"|(?<![\d/.-])(?P<open>{DATE})\s*[-–—]\s*(?:{UNSET_DATE})?\s*$"
    # ... and the same empty end in a date column read with its row: "2021 – Senior Data Scientist, Acme Corp".
    rf"|^\s*(?P<lead>{DATE})\s*[-–—]\s+(?=(?-i:[A-ZÀ-ÖØ-Þ]))",
    re.IGNORECASE,
), needs=_DIGIT)
# "Kühne Datensysteme GmbH | 2021-01-01": an ISO day or month alone at the end of a line. Where the section's ranges
# are written in ISO form, it is an entry's start printed without its end (a theme that drops "Present").
LONE_ISO_DATE = re.compile(r"(?<![\w/.-])(?P<start>(?:19|20)\d\d-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)\s*$")
ISO_START = re.compile(r"(?:19|20)\d\d-(?:0[1-9]|1[0-2])")
# A month and year alone: "Sep 2023", "expected May 2026", or in numbers ending its line ("09/2023", "09.2023": a
# timeline's dates, as GitHub's activity theme prints them; mid-line such numbers are as often something else).
SINGLE_DATE = re.compile(rf"(?<![\w/.])(?P<start>(?:{MONTH}|expected){MONTH_YEAR_GAP}(?:19|20)\d\d\b"
                         r"|(?:0[1-9]|1[0-2])[/.](?:19|20)\d\d(?=\s*$))", re.IGNORECASE)
CAREER_BREAK = re.compile(
    r"\b(?:sabbatical|career break|gap year|parental leave|maternity leave|paternity leave|family leave"
    r"|caregiver|career pause|travell?ing|non-professional|self-study|self-directed (?:study|learning)|upskilling"
    r"|reskilling|auszeit|elternzeit|cong[ée] parental|a[ñn]o sab[áa]tico"
    # LinkedIn's own kinds of career break, as its profiles print them (not those that also name jobs: "Health and
    # well-being", "Bereavement", "Relocation", "Professional development").
    r"|career transition|caregiving|full-time parent(?:ing)?|layoff|position eliminated|personal goal pursuit"
    r"|pause (?:de carri[èe]re|personnelle|professionnelle)|pausa profesional|pausa na carreira"
    r"|licen[çc]a parental|excedencia|sab[áa]tic[oa]|sabbatique)\b",
    re.IGNORECASE,
)
DURATION_UNIT = (
    r"(?:years?|yrs?|months?|mos?|a[ñn]os?|meses|m[eê]s|ans?|mois|jahre?n?|monate?n?)"
)
# A length of time: "5 years", "2 yrs 3 mos", "1 año y 2 meses"; "a month", "un an" (moment.js's humanised
# durations, which JSON Resume themes print after the dates).
_SPAN_OF_TIME = (rf"(?:\d+|\b(?:an?|une?|um|uma|ein))\s*{DURATION_UNIT}\.?"
                 rf"(?:\s*,?\s*(?:and|y|e|et|und)?\s*\d+\s*{DURATION_UNIT}\.?)?")
DURATION = re.compile(rf"\(?\s*{_SPAN_OF_TIME}\s*\)?(?!\w)", re.IGNORECASE)
# A length of time alone on its line ("5 years 2 months", "1 año"): printed under an employer's name, it is the
# total time there, and the roles listed under it are that employer's (LinkedIn's export groups promotions so).
TENURE = re.compile(_SPAN_OF_TIME, re.IGNORECASE)
# A bare year ending a header line ("Initech  2021"), in brackets where the section's ranges are ("Vision Mixer - QUT
# Music Showcase (2024)" under "Assistant Stage Manager - Caloundra Music Festival (2021 – 2023)").
TRAILING_YEAR = re.compile(r"(?<=\s)\(?(?P<start>(?:19|20)\d\d)\)?\s*$")
# A bare year opening a header line, the header after it ("2014 Initech  Bethesda, MD").
LEADING_YEAR = re.compile(r"^\s*(?P<start>(?:19|20)\d\d)(?=\s+[^\W\d_])")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
BARE_YEAR = re.compile(r"\s*(?P<start>(?:19|20)\d\d)\s*")

# A numbered item is "1." or "2)" before words, not the month of a date that opens its line ("04.2024– heute Data
# Scientist", "01.03.2019 - ..."): a digit after the dot continues a number.
BULLET = re.compile(rf"^\s*(?:[{BULLET_GLYPHS}]|\d{{1,2}}[.)](?!\d))\s*")
# Not preceded by "@" or a word character: "@ada@hachyderm.io" is a fediverse (Mastodon) handle printed among the
# contact links, not an e-mail address, and taking it would hide the real address on the next line.
EMAIL = re.compile(r"(?<![@\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Groups of digits set apart by spaces, dots, hyphens, brackets, slashes ("0171/2345678", "+36/30/555-0142") or
# middle dots ("(402) · 555 · 0163").
PHONE = re.compile(r"(?<![\w/.])(?:(?:\(\+|\+)?\(?\d[\d\s().·/-]{7,}\d)(?![\w/])")
URL = re.compile(
    r"(?<![@\w.])(?:https?://)?(?:www\.)?(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|ai|me|co|in|app|computer|page"
    r"|site|xyz|tech|info|edu)(?:/[\w./%#?=&+-]*)?(?![\w@])",
    re.IGNORECASE,
)
# First words of multi-word city names, so "Google Mountain View, CA" splits after "Google".
CITY_PREFIXES = {
    "san", "los", "las", "new", "mountain", "palo", "santa", "salt", "st.", "saint", "fort", "ann", "baton", "el",
    "grand", "long", "oklahoma", "kansas", "des", "little", "jersey", "hong", "tel", "rio", "sao", "são",
    "buenos", "kuala", "cape", "abu", "ho", "red", "redwood", "menlo", "foster", "half", "sunnyvale", "college",
    "park", "cedar", "round", "virginia", "newport", "bay", "ft.", "de", "la", "le", "mexico", "panama",
}
# Street-type words: a "city" that is one of these is the end of a street address, not a place.
STREET_WORDS = {
    "street", "st", "avenue", "ave", "road", "rd", "way", "boulevard", "blvd", "drive", "dr", "lane", "ln", "court",
    "ct", "place", "pl", "parkway", "pkwy", "terrace", "circle", "highway", "hwy", "square", "sq", "trail",
}
LOCATION_TAIL = re.compile(
    r"(?:(?<=[\s|•·,])|^)(?P<city>[A-Z][\w.'’-]*)\s*,\s*(?P<rest>[A-Z][\w.'’ -]*?(?:\s*,\s*[A-Z][\w.'’ -]*?)?)"
    r"(?:\s*[&/]\s*.*)?\s*$"
)
REMOTE = re.compile(r"\b(?:remote|hybrid|on-?site)\b", re.IGNORECASE)
TITLE_WORDS = Remembered(re.compile(
    r"(engineer|manager|director(?!ate|y)|scientist|developer|lead\b|leader|head\b|architect|analyst"
    r"|intern(?!ation|al|et)|consultant"
    r"|founder|president|\b(?:ceo|cto|cio)\b|vp\b|vice president|officer|accountant|technician|assistant|researcher"
    r"|fellow|specialist|administrator|coach|volunteer|contributor|designer|writer|associate(?!s\b)|principal"
    r"|staff(?!ing)"
    # (... but not the words an organisation's name ends in: "Quillfield Advisory", "Robert Half Staffing", "Lumen
    # Productions", "Health Directorate", "Membership Services", "Solutions Group International", "Jack Henry &
    # Associates": a title is one person's, so never plural)
    r"|programmer|member(?!ship)|owner|chief|professor|lecturer|teacher|advisor(?!y)|strategist|product(?!ion)"
    r"|sre\b|devops|treasurer"
    r"|secretary|chair|captain|tutor|mentor|organi[sz]er|representative|coordinator|instructor|trainer|editor"
    r"|supervisor|post-?doc"
    # The same roles in Spanish, Portuguese, French and German (a profile keeps its titles in its own language).
    r"|\b(?:analista|gerente|jef[ea]|cient[ií]fic[oa]|ingenier[oa]|engenheir[oa]|desarrollador(?:a)?"
    r"|desenvolvedor(?:a)?|programador(?:a)?|pasante|becari[oa]|estagi[aá]ri[oa]|diretor(?:a)?|coordinador(?:a)?"
    r"|coordenador(?:a)?|ing[ée]nieur(?:e)?|d[ée]veloppeur(?:se)?|directeur|directrice|chercheu(?:r|se)|stagiaire"
    r"|leiter(?:in)?|entwickler(?:in)?|ingenieur(?:in)?|wissenschaftler(?:in)?|praktikant(?:in)?|werkstudent(?:in)?"
    r"|gesch[äa]ftsf[üu]hrer(?:in)?|technicien(?:ne)?|techniker(?:in)?|t[ée]cnic[oa]|tecnic[oa]"
    # ... and in Italian: "Sviluppatore Software", "Tirocinante", "Consulente IT", "Ricercatrice".
    r"|sviluppat(?:ore|rice)|programmat(?:ore|rice)|ingegnere|ricercat(?:ore|rice)|dirett(?:ore|rice)|consulente"
    r"|sistemista|tirocinante|stagista)\b"
    # Stems that open or close compounds in de / fr / es / pt / nl: "Teamleiterin", "Wissenschaftliche Mitarbeiterin",
    # "Ingénieure", "Chercheuse", "Gerente", "Científico de Datos", "Cientista", "Engenheiro", "Coordenadora", "Analista"
    r"|leiter|mitarbeiter|entwickler|berater|ingenieur|wissenschaftler|referent|gesch[äa]ftsf[üu]hrer|vorstand"
    r"|redakt(?:eu|o)r|lehrer|texter"
    r"|ing[ée]nieur|chercheu|responsable|directeur|directrice|d[ée]veloppeu|charg[ée]e? de|chef\b"
    r"|ingenier[oa]|gerente|jefe|jefa|cient[íi]fic[oa]|desarrollador|l[íi]der|analista|investigador"
    r"|engenheir[oa]|cientista|coordenador|desenvolvedor|pesquisador|diretor"
    # ... and in Dutch (and the French programmer): "Verkoopmedewerker", "Software Ontwikkelaar", "ICT Stagiair".
    r"|medewerker|ontwikkelaar|programmeur|beheerder|adviseur|onderzoeker|stagia?ir|leider)",
    re.IGNORECASE,
))
DEGREE = re.compile(
    # Not the state after a US city ("Acme Corp, Boston, MA", "Jackson, MS 39201"): "MA" and "MS" in capitals right
    # after a comma, ending the line or followed by a ZIP code or a separator, name a place; "MA, Economics" and
    # "BSc Physics, MS Statistics" (a word follows) still name degrees.
    r"(?<![A-Za-z])(?!(?<=,\s)(?-i:M[AS])(?:\s*$|\s+\d{5}|\s*[|•·,;)–—]|\s+-|\s{2,}))"
    r"(?:b\.?\s?s\.?c?|m\.?\s?s\.?c?|b\.?\s?a|m\.?\s?a|ph\.?\s?d|mba|m\.?\s?eng|b\.?\s?eng|b\.?\s?e"
    r"|b\.?\s?tech|m\.?\s?tech|bachelor'?s?|bachelors|master'?s?|doctor(?:ate)?|associate'?s? degree|diploma"
    r"|high school|a\.?\s?b|s\.?\s?b|s\.?\s?m"
    # Spanish, Portuguese, French and German degrees
    r"|licenciatura|maestr[ií]a|m[áa]ster|mestrado|doctorado|doutorado|bacharelado|grado|diplom|dipl[ôo]me"
    # School-leaving certificates (French, Spanish, German, Italian) and Italian degrees
    r"|bac(?:calaur[ée]at)?|bachillerato|abitur|maturit[äa]t|laurea)(?![A-Za-z])",
    re.IGNORECASE,
)
INSTITUTION = re.compile(
    r"university|college|institut|istitut|school|academy|polytechnic|universit|école|hochschule|universidad|escuela"
    r"|faculdade|facultad"
    # Secondary schools and France's preparatory classes for the grandes écoles
    r"|lyc[ée]e|liceo|gymnasium|classes? pr[ée]paratoires?|\bcpge\b",
    re.IGNORECASE,
)
# A ministry or a government names an employer, whatever a learned scorer makes of its words ("Ingénieure logiciel,
# Ministère de la Culture": "Culture" reads like a title's specialty).
PUBLIC_BODY = re.compile(
    r"\b(?:ministry|minist[èe]re|ministerio|minist[ée]rio|ministero|(?:bundes)?ministerium|government|gouvernement"
    r"|gobierno|governo|regierung)\b",
    re.IGNORECASE,
)
# A field that opens with a unit of an organisation and what it is of or for ("Department of Aerospace
# Engineering", "School of Computing", "Centre for Climate Research", "Facultad de Ingeniería"): the organisation,
# whatever title words follow ("Engineering" names the department's field, not a job). A title that names a
# unit opens with the role ("Head of Department", "Department Head").
ORGANISATION_UNIT = re.compile(
    r"(?:the\s+)?(?:department|dept\.?|school|faculty|division|office|institute|centre|center|laboratory|lab"
    r"|college|ministry|bureau|agency|directorate|departamento|d[ée]partement|facultad|faculdade|facult[ée]"
    r"|escuela|escola|[ée]cole|instituto|institut|laboratorio|laborat[óo]rio|laboratoire|centro|ministerio"
    r"|minist[èe]re)\s+(?:of|for|de|des|du|da|do|dos|das|del|della|di|für|fur)\b",
    re.IGNORECASE,
)
# A role held while training or studying: an internship, a traineeship, a working student's job, in the languages
# the reader knows. Not counted in years of experience; a director's resume condenses them.
EARLY_CAREER = re.compile(
    r"\b(?:intern(?:ship)?s?|trainee(?:ship)?|apprentice(?:ship)?|working student|student (?:assistant|worker"
    r"|programmer|researcher|developer)|praktikant(?:in)?|praktikum|werkstudent(?:in)?|stagiaire|becari[oa]"
    r"|pasant[ei]a?|estagi[aá]ri[oa]|est[aá]gio|tirocinante|stagista)\b",
    re.IGNORECASE,
)
# A label over the bullets of one entry ("Highlights" -- JSON Resume's own field name --, "Key achievements:",
# "Responsibilities", "Aufgaben", "Réalisations", "Logros"), in the languages the reader knows: it names what the
# lines under it are, never the employer or the title of the entry above.
ENTRY_LABEL = Remembered(re.compile(
    r"(?:(?:key|main|major|selected|notable|core|primary|principal(?:es)?|principais|wichtigste|haupt)\s+)?"
    r"(?:highlights?|achievements?|accomplishments?|responsibilit(?:y|ies)|duties|tasks|contributions|results"
    r"|impact|outcomes|activities|projects|aufgaben(?:bereiche?)?|t[äa]tigkeiten|erfolge|verantwortung(?:en)?"
    r"|schwerpunkte|r[ée]alisations|missions|responsabilit[ée]s|t[âa]ches|logros|funciones|tareas"
    r"|responsabilidades|conquistas|realiza[çc][õo]es|atividades|atribui[çc][õo]es)"
    r"(?:\s+(?:and|&|und|et|y|e)\s+[^\W\d_]+)?\s*:?",
    re.IGNORECASE,
))
# Between a header's fields: a bar, bullet or dash, or a symbol standing alone between spaces ("Title :: Employer",
# "Title ~ Employer", "Title > Employer", "Title ‖ Employer"). (A semicolon too, outside sentences: `header_fields`.)
SEPARATORS = re.compile(r"\s+[|•·]\s*|\s*[|•·]\s+|\s+[–—-]\s+|\s*\|\s*|\s+(?:::|[~>‖¦»])\s+")
SKILL_SPLIT = re.compile(r"\s*[,;•·|]\s*|\s{2,}")
NAME_STOP = re.compile(
    r"resume|résumé|curriculum|vitae|\bcv\b|updated|engineer|developer|manager|director|scientist|analyst"
    r"|summary|profile|contact|@|\d",
    re.IGNORECASE,
)


# Page furniture: running footers ("June 3, 2024 Jane Doe · Résumé 2"), page numbers, "last updated" stamps.
FURNITURE = re.compile(
    r"(?:r[ée]sum[ée]|curriculum\s*vitae|\bcv)\s*[·|-]?\s*\d{1,2}$|^page \d+(?: of \d+)?$|^\d{1,2}$|^\d{1,3}\s*/\s*\d{1,3}$"
    r"|^last updated",
    re.IGNORECASE,
)
CONTACT_LABEL = re.compile(r"\s+(?:e-?mail|mobile|phone|tel|cell|web|website)\s*:", re.IGNORECASE)
# Companies' legal forms, the one list both uses below are built from. Abbreviations count in any case; the
# two-letter and capital-initial forms count in capitals only ("Nordlys Data AS", not a title ending in "as").
# Central and Eastern Europe's are here too: Czech and Slovak "s.r.o." and "a.s.", Polish "sp. z o.o.", the Balkans'
# "d.o.o.", Hungary's "Kft." and "Zrt.", Denmark's "ApS", Estonia's "OÜ", German associations' "e.V.".
LEGAL_FORM_ABBREVIATIONS = (
    r"inc|ltd|corp|llc|llp|plc|gmbh|pty|pvt|ltda|sarl|kft|zrt|aps|oü|s\.a\. de c\.v|s\.a|s\.r\.l|s\.p\.a|s\.l\.u|s\.l"
    r"|b\.v|n\.v|c\.a|k\.k|l\.p|s\.r\.o|a\.s|sp\. z o\.o|d\.o\.o|e\.v")
LEGAL_FORM_CAPITALS = r"Co|AG|KG|SE|SA|SAS|SRL|SpA|BV|NV|AS|ASA|AB|Oy"
# A legal form ending an employer's name with a full stop ("Globex Inc.", "Nordwerk AG."): that full stop ends no
# sentence. Here "co." and "ag." count in any case, as a name's last word with a full stop is rarely anything else.
LEGAL_SUFFIX = re.compile(rf"(?<![\w.])(?:{LEGAL_FORM_ABBREVIATIONS}|co|ag)\.$", re.IGNORECASE)
# A legal form ending a field, full stop or not ("Globex Inc.", "Nordwerk AG", "Banco Cordillera S.A.").
_LEGAL_FORM = re.compile(
    rf"(?<![\w.])(?:(?i:{LEGAL_FORM_ABBREVIATIONS}|limited|corporation)|{LEGAL_FORM_CAPITALS})\.?\)?$")


def legal_form(text: str) -> bool:
    """Does the field end in a company's legal form ("Globex Inc.", "Nordwerk AG", "Banco Cordillera S.A.")? Then it
    names an organisation, not a role."""
    return bool(_LEGAL_FORM.search(text.strip()))


# A metropolitan region named as one ("San Francisco Bay Area", "Greater Seattle Area", "Dallas-Fort Worth
# Metroplex", "Greater London"), as LinkedIn prints a role's place: the whole field, or after the employer's comma.
_REGION_TAIL = re.compile(
    r"(?:^|,\s*)(?P<place>(?:Greater\s+)?(?:(?!Greater\b)[A-Z][\w.'’]*[\s-]+){1,4}(?:Metropolitan\s+|Metro\s+)?"
    r"(?:Area|Region|Metroplex)|Greater\s+[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2})\s*$")


def _opens_with_a_city(place: str) -> bool:
    """A region is named after its city ("San Francisco Bay Area", "Dallas-Fort Worth Metroplex") or is "Greater"
    something: "Acme Corp Bay Area" is an employer's name, not a region."""
    from assistant.resume.places import known_city  # the gazetteer loads on first use

    words = re.split(r"[\s-]+", place)
    return words[0] == "Greater" or any(known_city(" ".join(words[:n])) for n in (1, 2, 3))


def find_location(field: str) -> tuple[int, str] | None:
    """Find a trailing "City, ST" / "City, Country" (or a region named as one, "San Francisco Bay Area") in
    `field`: (start index, location) or None."""
    region = _REGION_TAIL.search(field)
    if region and not TITLE_WORDS.search(region.group("place")) and _opens_with_a_city(region.group("place")):
        return region.start("place"), region.group("place")
    match = LOCATION_TAIL.search(field)
    if not match:
        return None
    rest = match.group("rest").strip().rstrip(".")  # moderncv ends an entry's line with a full stop
    last = rest.split(",")[-1].strip()
    from assistant.resume.places import country_code, known_city, known_region  # (loaded on first use)

    # A state's or country's two-letter code, or a country's three-letter one ("Paris, FRA"; "AWS, GCP" and
    # "SQL, PHP" after a title are its tools, no place).
    if not (re.fullmatch(r"[A-Z]{2}", last) or country_code(last) or known_region(last) or known_region(rest)):
        return None

    if legal_form(rest) and (not re.fullmatch(r"[A-Z]{2}", rest) or not known_city(match.group("city"))):
        # "CloudHesive, LLC", "Globex, INC": the company's legal form after its comma, not a state's code; a code
        # that is both ("SA", "AG", "AB") is a legal form unless a known city is before it ("REDITUS, SA" but
        # "Aarau, AG").
        return None
    city = match.group("city")
    if legal_form(city):
        # The end of an employer's name, no city ("Altruistic Innovation Limited, UK"); a place may still follow
        # ("Globex Co., Ltd. Seoul, South Korea").
        inner = find_location(field[match.start("rest"):])
        return (match.start("rest") + inner[0], inner[1]) if inner else None
    if TITLE_WORDS.search(city):
        return None
    if "," in rest and len(rest.split(",")[0].split()) >= 2:
        # "UC Berkeley, School of Information Berkeley, CA": a multi-word name before the comma is part of the
        # employer; the place is the "City, ST" at the end.
        inner = find_location(field[match.start("rest"):])
        if inner:
            return match.start("rest") + inner[0], inner[1]
    if (city.lower().rstrip(".") in STREET_WORDS and "," in rest) or LEGAL_SUFFIX.fullmatch(city):
        # "12 Elm Way, Springfield, IL": the street ends at the first comma; the place is what follows it.
        # "Example Co., Ltd. Seoul, KR": "Co." ends the employer's name, not a city.
        inner = find_location(field[match.start("rest"):])
        return (match.start("rest") + inner[0], inner[1]) if inner else None
    start = match.start("city")
    before = field[:start].rstrip()
    words = before.split()
    while words and words[-1].lower() in CITY_PREFIXES:  # "Mountain View", "San Luis Obispo"
        start = before.rfind(words[-1])
        before = field[:start].rstrip()
        words = before.split()
    location = field[start: match.end()].strip()
    if location[:1].islower():
        # "Analista de Sistemas, SPS", "Ingeniera de Datos, SAP": a lower-case "de" starts no place ("Rio de
        # Janeiro" starts with "Rio"), so the words before the comma go on the title, and the code is an employer's.
        return None
    return start, location[:-1] if re.search(r"[a-z]\.$", location) else location
