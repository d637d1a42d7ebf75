"""The one definition of a quantity in text: numbers, number words, money, percentages, multipliers, years, team
sizes and durations.

- `NUMBER_WORDS`: spelled numbers and their values ("twelve" is 12, "a dozen" 12, "halved" 0.5); the fabrication
  guard compares values, so "twelve" in a rewrite is supported by "12" in the resume.
- `has_quantity`: whether a line states a measured amount at all (a digit that is not a year, a spelled count such
  as "thirty", "hundreds", "doubled"). The resume review's "quantified" count and tailoring's "lead with numbers"
  use this one test, so both say the same about a bullet.
- `numbers_in`: the numbers an interview answer cites, as written, including spelled counts tied to a unit
  ("six engineers").
- `team_sizes`: how many people a line says someone led ("a team of 24", "managed 5 engineers").
- `quantities`: each number with the time unit or kind of people it counts ("2 days", "24 engineers").
"""

from __future__ import annotations

import re

from assistant.text.tokens import phrase_pattern

NUMBER_WORDS: dict[str, float] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "double": 2, "doubled": 2,
    "half": 0.5, "halved": 0.5, "triple": 3, "tripled": 3,
}
#: Spelled counts of things ("six engineers", "thirty percent"): whole numbers from two, not "one" (a pronoun as
#: often as a number) and not the multipliers.
COUNT_WORDS: tuple[str, ...] = tuple(
    w for w, v in NUMBER_WORDS.items() if v >= 2 and v == int(v) and w not in ("double", "doubled", "triple", "tripled")
)
_COUNT_ALT = "|".join(COUNT_WORDS)

SCALE: dict[str, float] = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "million": 1e6, "b": 1e9,
                           "bn": 1e9, "billion": 1e9, "t": 1e12, "trillion": 1e12,
                           "mio": 1e6, "mrd": 1e9}  # German and Dutch: "2,4 Mio. EUR", "1 Mrd."
_SCALE_ALT = r"(?:thousand|million|billion|trillion|mio|mrd|mm|mn|bn|k|m|b|t)"

_CURRENCY_CODES = r"USD|EUR|GBP|CHF|CAD|AUD|SGD|INR|JPY|CNY|SEK|NOK|DKK|PLN|BRL"
#: An amount of money with its currency, before ("$2.5M", "£3.2M", "EUR 40k") or after ("2 million euros").
MONEY_SOURCE = (
    r"(?:(?:US|C|A|S)?\$|€|£|¥|₹|(?:" + _CURRENCY_CODES + r")\s?)\s?(\d[\d,]*(?:\.\d+)?)\s?(" + _SCALE_ALT + r")?\b"
    r"|(\d[\d,]*(?:\.\d+)?)\s?(" + _SCALE_ALT + r")?\.?\s?(?:(?:" + _CURRENCY_CODES
    + r"|dollars|euros|pounds|rupees)\b|[€£$](?!\w))"
)
MONEY_RE = re.compile(MONEY_SOURCE, re.IGNORECASE)
PERCENT_RE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s?(?:%|percent\b|per cent\b|pct\b|pp\b|percentage points\b)",
                        re.IGNORECASE)
YEAR_RE = re.compile(r"(?<![\d.,$])(?:19[5-9]\d|20[0-4]\d)(?![\d.,%]|\s?%)")
#: "2019-03": the resume parser's normalised job date.
YEAR_MONTH_RE = re.compile(r"(?<![\d.])((?:19[5-9]\d|20[0-4]\d))-(0[1-9]|1[0-2])(?!\d)")
APOSTROPHE_YEAR_RE = re.compile(r"[’'](\d{2})\b")
NUMBER_RE = re.compile(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)(?:\s?(" + _SCALE_ALT + r")\b)?", re.IGNORECASE)
NUMBER_WORD_RE = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)
MULTIPLIER_RE = re.compile(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)\s?(?:x|×|times|fold|-fold)(?![\w])", re.IGNORECASE)
#: "12+ years", "8 yrs": a stated length of experience.
STATED_YEARS_RE = re.compile(r"\b(\d{1,2})\+?\s*(?:years|yrs)\b", re.IGNORECASE)


_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")


def to_number(digits: str, scale: str | None = None) -> float:
    """ "2,400" -> 2400.0; with a scale word or letter ("2.5", "m") -> 2500000.0. A comma followed by one or two
    digits is a decimal comma, as written across most of Europe ("1,8 M€" is 1.8 million): thousands are grouped in
    threes, so no English number is written that way."""
    value = float(digits.replace(",", ".") if _DECIMAL_COMMA.fullmatch(digits) else digits.replace(",", ""))
    if scale:
        value *= SCALE[scale.lower()]
    return round(value, 6)


def word_value(word: str) -> float | None:
    """The value of a spelled number, or None."""
    return NUMBER_WORDS.get(word.lower())


# --- has a number -----------------------------------------------------------------------------------------------

_YEARS = re.compile(r"\b(?:19|20)\d\d\b")
_QUANTITY_WORDS = re.compile(
    rf"\d|\b(?:{_COUNT_ALT}|dozens?|hundreds?|thousands?|millions?|billions?)\b|\b(?:doubled|tripled|halved)\b",
    re.IGNORECASE,
)


def has_quantity(text: str) -> bool:
    """The one "states a number" test (see the module docstring). A year alone is a date, not a quantity."""
    return _QUANTITY_WORDS.search(_YEARS.sub("", text)) is not None


# --- numbers an answer cites -----------------------------------------------------------------------------------

_NUMBER = re.compile(
    r"(?:[$£€]\s?\d[\d,.]*\s?(?:[kmb]n?|million|billion)?|\d[\d,.]*\s?(?:%|x\b|k\b|ms\b|s\b)?|"
    r"\bp\d{2}\b)",
    re.IGNORECASE,
)
_UNITS_AFTER_NUMBER_WORD = phrase_pattern(
    [
        rf"(?:{_COUNT_ALT})[\s-]+(?:\w+[\s-]+)?(?:weeks?|months?|quarters?|days?|years?|engineers?|people|teams?|"
        r"models?|managers?|hires?|leads?|points?|percent|releases?|services?|reports?|seniors?|squads?|pods?|"
        r"staff|employees?|members?)"
    ]
)
_PERCENT_WORD = phrase_pattern([r"percent", r"per cent", r"percentage points?", r"basis points"])


def numbers_in(text: str) -> list[str]:
    """Numbers, money, percentages and spelled-out quantities tied to a unit ("six engineers"), as written."""
    found = [m.group(0).strip() for m in _NUMBER.finditer(text) if any(ch.isdigit() for ch in m.group(0))]
    found += [m.group(0) for m in _UNITS_AFTER_NUMBER_WORD.finditer(text)]
    found += [m.group(0) for m in _PERCENT_WORD.finditer(text) if not re.search(r"\d\s*$", text[: m.start()])]
    return found


# --- people and time units --------------------------------------------------------------------------------------

#: Units of the same kind: a number may not move between them ("2 days" is not "2 hours").
TIME_UNITS: dict[str, str] = {
    "second": "second", "seconds": "second", "sec": "second", "secs": "second", "s": "second",
    "minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute",
    "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "h": "hour",
    "day": "day", "days": "day", "d": "day", "week": "week", "weeks": "week", "wk": "week", "wks": "week",
    "month": "month", "months": "month", "mo": "month", "mos": "month", "quarter": "quarter", "quarters": "quarter",
    "year": "year", "years": "year", "yr": "year", "yrs": "year",
}
#: Kinds of people a resume counts or leads, singular and plural -> one kind (general workforce words).
PEOPLE_NOUNS: dict[str, str] = {
    "engineer": "engineer", "engineers": "engineer", "developer": "engineer", "developers": "engineer",
    "manager": "manager", "managers": "manager", "em": "manager", "ems": "manager",
    "director": "director", "directors": "director", "scientist": "scientist", "scientists": "scientist",
    "researcher": "researcher", "researchers": "researcher", "analyst": "analyst", "analysts": "analyst",
    "designer": "designer", "designers": "designer", "intern": "intern", "interns": "intern",
    "contractor": "contractor", "contractors": "contractor", "executive": "executive", "executives": "executive",
    "vp": "vp", "vps": "vp", "pm": "product manager", "pms": "product manager", "ic": "ic", "ics": "ic",
    "people": "person", "person": "person", "report": "report", "reports": "report", "team": "team",
    "teams": "team", "member": "person", "members": "person", "employee": "person", "employees": "person",
}
_QUANTITY_RE = re.compile(
    r"(?<![\w.])(\d[\d,]*(?:\.\d+)?|" + "|".join(NUMBER_WORDS) + r")\+?(?:\s*[-–]\s*|\s+)"
    r"((?:[a-z][\w&/-]*\s+){0,2}?)([a-z]+)\b", re.IGNORECASE)


def quantities(text: str) -> list[tuple[float, str, str, str]]:
    """(value, kind, unit, as written) for each number followed by a time unit or a kind of people.

    The unit is the first time/people word within the next three words ("11 product teams" counts teams,
    "24-engineer organisation" counts engineers); numbers followed by anything else are not quantities here.
    """
    nouns = PEOPLE_NOUNS
    found = []
    for m in _QUANTITY_RE.finditer(text):
        word = m[3].lower()
        raw = m[1].lower()
        value = float(NUMBER_WORDS[raw]) if raw in NUMBER_WORDS else to_number(raw)
        for candidate in [*m[2].lower().split(), word][:3]:
            if candidate in TIME_UNITS and candidate not in ("s", "h", "d"):
                found.append((value, "time", TIME_UNITS[candidate], m[0]))
                break
            if candidate in nouns or candidate.rstrip("s") in nouns:
                found.append((value, "people", nouns.get(candidate, candidate.rstrip("s")), m[0]))
                break
    return found


# --- team size --------------------------------------------------------------------------------------------------

# People, also in the other languages the reader knows (French, German, Spanish, Portuguese): "25 personnes",
# "24 Mitarbeitende", "10 ingenieros", "8 engenheiros".
_PEOPLE = (r"(?:engineers?|people|scientists?|managers?|reports?|developers?|members?|staff|analysts?|researchers?|"
           r"ICs?|hires?|FTEs?|students?|employees?|leads?|"
           r"personnes|collaborat(?:eurs|rices)|ingénieur(?:e?s)|Personen|Mitarbeit(?:ende|er(?:innen|n)?)n?|"
           r"Ingenieur(?:e|innen)|personas|pessoas|ingenieros|engenheiros|colaboradores|empleados|funcionários)")
_COUNT_IN_WORDS = rf"{_COUNT_ALT}|dozens?|hundreds?|thousands?|millions?|billions?"
_COUNT = rf"\d+|{_COUNT_IN_WORDS}"
_TEAM_SIZE = re.compile(
    rf"(?:\b(?:team|org|organi[sz]ation|group|department|function|équipe|equipo|equipe)s?\s+(?:of|de|von|mit)\s+"
    rf"(?:over\s+|about\s+|up\s+to\s+|more\s+than\s+|~\s?)?(?P<a>{_COUNT})\+?(?!\s+(?:auf|bis|à|a|para)\s+\d))"
    rf"|(?:\b(?P<b>{_COUNT})\+?[- ](?:person|people|member|strong|engineer|personnes|Personen|personas|pessoas|"
    rf"Mitarbeitenden?|Mitarbeitern?)\b)"
    rf"|(?:\bwith\s+(?:a\s+team\s+of\s+)?(?P<d>{_COUNT})\+?\s+(?:\w+\s+)?{_PEOPLE}\b)"
    # A team grown, in any of the languages above: "Équipe passée de 6 à 22 ingénieurs", "Team von 6 auf 22".
    rf"|(?:\b(?:team|équipe|equipo|equipe)s?\b[^.;]{{0,30}}?\b(?:from|de|von|da)\s+(?:{_COUNT})\s+(?:to|à|a|auf|para|bis)\s+"
    rf"(?P<e>{_COUNT})\+?\s+(?:\w+\s+)?{_PEOPLE}\b)"
    # The team itself grown, its people implied: "Grew the team from 4 to 16", "Scaled the ML org from 12 to 40".
    rf"|(?:\b(?:grew|grow|growing|scaled|scale|scaling|built|build|building|expanded|expand|expanding|took)\s+"
    rf"(?:(?:the|my|our|an?)\s+)?(?:[\w&-]+\s+){{0,2}}?(?:team|org|organi[sz]ation|group|department|function)s?\s+"
    rf"from\s+(?:{_COUNT})\s+to\s+(?P<f>{_COUNT})\+?(?![\w%]|\s*(?:%|percent|ms|x)\b))"
    # A headcount in brackets after the team or org it counts: "grew the organisation from two teams to six (48
    # engineers and scientists)", "Platform group (12 engineers)".
    rf"|(?:\b(?:teams?|orgs?|organi[sz]ations?|groups?|departments?|functions?)\b[^.;()]{{0,30}}?"
    rf"\(\s*(?P<g>{_COUNT})\+?\s+(?:\w+\s+)?{_PEOPLE}\b)"
    rf"|(?:\b(?:led|lead|leading|managed|manage|managing|oversaw|oversee|grew|scaled|hired|built|mentored|"
    rf"directed|supervised|coached|encadrement|encadré|dirigé|direction|Führung|geführt|leitete|Leitung|dirigí|"
    rf"lideré|liderei|gerenciei|gestión|gestão)\b[^.;]{{0,40}}?\b(?P<c>{_COUNT})\+?\s+(?:(?!(?:to|auf|bis|à|a|para)\b)\w+\s+){{0,2}}"
    rf"{_PEOPLE}\b)",
    re.IGNORECASE,
)


def _size(raw: str) -> int | None:
    value = NUMBER_WORDS.get(raw.lower())
    if value is not None:
        return int(value)
    return int(raw) if raw.isdigit() else None


def team_sizes(text: str) -> list[int]:
    """Every team size `text` states, in order ("a team of 24 engineers", "managed five managers")."""
    sizes = []
    for match in _TEAM_SIZE.finditer(text):
        size = _size(next(g for g in match.groups() if g))
        if size is not None:
            sizes.append(size)
    return sizes


def team_size(text: str) -> int | None:
    """The first team size `text` states, or None (plural words such as "dozens" are a scope, not a size)."""
    match = _TEAM_SIZE.search(text)
    if not match:
        return None
    return _size(next(g for g in match.groups() if g))


# --- reach ------------------------------------------------------------------------------------------------------

# What a piece of work touches, counted: people and groups, the customers and users it serves, the systems it
# spans and the volume it handles.
_REACH_NOUNS = (
    rf"(?:{_PEOPLE}|teams?|orgs?|organi[sz]ations?|groups?|departments?|squads?|users?|customers?|clients?"
    r"|accounts?|patients?|merchants?|sellers?|partners?|advertisers?|subscribers?|countries|markets?"
    r"|regions?|languages?|stores?|sites?|hospitals?|products?|models?|services?|pipelines?|systems?|apps?"
    r"|applications?|datasets?|requests?|queries|predictions?|transactions?|events?|documents?|records?|titles?"
    r"|items?|devices?|calls?|messages?|images?|videos?|rows?|tables?|jobs?|experiments?|features?)"
)
# A count in words, or in digits that are not a year ("in 2019 teams ..."), then up to two words, then the noun.
_REACH_COUNT = rf"(?:\b(?:{_COUNT_IN_WORDS})|(?<![\w.])(?!(?:19|20)\d\d\b)\d[\d,]*(?:\.\d+)?\s?(?:{_SCALE_ALT})?)"
# Counted things that measure time, money, size or change rather than reach ("3 years", "40 points", "2 sprints").
_NOT_REACH = (r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|quarters?|years?|yrs?|sprints?"
              r"|times|points?|percent|pp|bps|basis|dollars|euros|pounds|cents|ms|gbs?|tbs?|mbs?|kbs?|x|folds?)")
_REACH = re.compile(
    rf"{_REACH_COUNT}\+?\s+(?:[\w-]+\s+){{0,2}}?{_REACH_NOUNS}\b"
    rf"|\b(?:dozens|hundreds|thousands|millions|billions)\s+of\s+(?:[\w-]+\s+)?{_REACH_NOUNS}\b"
    # "used by every modelling team", "a gate for every model change": all of them is a count too.
    rf"|\b(?:every|all(?:\s+(?:the|our))?)\s+(?:[\w-]+\s+){{0,2}}?{_REACH_NOUNS}\b"
    # ... or any other things counted in the plural ("2,000 drivers", "35 outpatient clinics", "400 retailers"):
    # what the work served, whatever the trade calls them.
    rf"|{_REACH_COUNT}\+?\s+(?!{_NOT_REACH}\b)(?:[\w-]+\s+){{0,2}}?[^\W\d_]{{3,}}s\b",
    re.IGNORECASE,
)


def states_reach(text: str) -> bool:
    """Does `text` count what the work touched ("used by 30 modelling teams", "8,000 requests per second",
    "2M users", "a team of 12")? Review advice asks for scope only where none is stated."""
    return team_size(text) is not None or _REACH.search(text) is not None
