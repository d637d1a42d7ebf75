"""An entry's header, field by field: which is the job title, which the employer, which the place.

A role's header is a line or two around its dates ("Staff Engineer, Globex — Berlin  2019 – Present", "Globex" over
"Staff Engineer"). The words decide where they can (title words, legal forms, places); the learned scorer
(`roles.py`) where the words are silent or name both fields; and the resume's own layout where neither settles an
entry: every entry is set alike, so the entries the words settle teach which face (`title_by_typography`) and which
place in the entry (`title_by_position`) holds the title. `title_company` reads one header; the parser calls it
for each role it anchors on a date.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable

from assistant.resume.headings import Typography
from assistant.resume.models import Job, Line
from assistant.resume.places import known_city, known_country, known_region
from assistant.resume.roles import title_probabilities
from assistant.resume.vocabulary import (
    CITY_PREFIXES,
    INSTITUTION,
    LEGAL_SUFFIX,
    ORGANISATION_UNIT,
    PUBLIC_BODY,
    RANGE,
    REMOTE,
    SEPARATORS,
    STREET_WORDS,
    TITLE_WORDS,
    YEAR,
    find_location,
    legal_form,
)

# "Pasadena, CA 91105", "10115 Berlin": a postal code beside a place belongs to the place.
_POSTAL_CODE = re.compile(r"^\s*\d{4,5}\s+(?=[^\W\d_])|\s+\d{5}(?:-\d{4})?\s*$")
# "117 E. Colorado Blvd., Ste. 300", "55 Washington Street, #900": a street address, the employer's office.
_STREET_ADDRESS = re.compile(
    rf"\d+[A-Za-z]?\s+(?:[\w.'’-]+\s+){{0,4}}(?:{'|'.join(sorted(STREET_WORDS))})\b\.?"
    r"(?:\s*,?\s*(?:ste|suite|fl|floor|unit|#)\.?\s*#?\w+)?",
    re.IGNORECASE)


def street_address(text: str) -> bool:
    """A line that is only a street address (an employer's office under its name): no field of an entry."""
    return _STREET_ADDRESS.fullmatch(text.strip()) is not None


def strip_location(field: str) -> tuple[str, str | None]:
    """Split "Pepsico Philadelphia, PA" into ("Pepsico", "Philadelphia, PA")."""
    if street_address(field) or (_PLACES_JOINED.search(field) and place_only(field)):
        return "", field.strip()  # (an address; or places joined, "Singapore & Yokohama, Japan": all of it)
    coded = _POSTAL_CODE.search(field)
    if coded:
        bare = (field[:coded.start()] + " " + field[coded.end():]).strip()
        if re.fullmatch(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},\s*[A-Z]{2}", bare):
            return "", field.strip()  # "Oak Ridge, TN 37831": with its code, the whole line is the place
        name, place = strip_location(bare)
        if place is not None:
            return name, (f"{place} {coded.group().strip()}" if name else field.strip())
    remote = REMOTE.search(field)
    if remote and remote.end() == len(field.rstrip().rstrip(".")):  # moderncv ends an entry's line with a stop
        rest = field[: remote.start()].rstrip(" ,-–")
        return rest, field[remote.start():].strip()
    found = find_location(field)
    if found:
        start, location = found
        return field[:start].rstrip(" ,-–|"), location
    if known_city(field) or known_country(field):
        return "", field.strip()  # "Sevilla" in "Sevilla · 2017 – 2020": the role's place, no title or employer
    bracketed = re.search(r"\s*\(([^()]+)\)\s*$", field)
    if bracketed and field[: bracketed.start()].strip():
        # "Nubank (São Paulo, Brasil)", "Globex (Remote)", "Avionique du Midi SA (Toulouse)": the place in brackets
        # after the employer's name.
        inner = bracketed.group(1).strip()
        if place_only(inner):
            return field[: bracketed.start()].rstrip(" ,-–|"), inner
    comma_city = re.fullmatch(r"(?P<name>.+?),\s*(?P<city>[^,]+?)(?P<state>\s+[A-Z]{2})?", field.strip())
    if comma_city and known_city(comma_city.group("city")):
        # "Kite & Key Labs, London"; "FirstBank, Lakewood CO" (a state's code without its comma)
        return comma_city.group("name").strip(), comma_city.group("city").strip() + (comma_city.group("state") or "")
    if comma_city and not comma_city.group("state") and legal_form(comma_city.group("name").split()[-1]) and (
            known_country(comma_city.group("city"))):
        # "Altruistic Innovation Limited, UK", "Nordwerk GmbH, Deutschland": a country after the legal form that
        # ends the employer's name is the role's place.
        return comma_city.group("name").strip(), comma_city.group("city").strip()
    if bracketed and place_only(field):
        return "", field.strip()  # "Dallas, TX (and other locations)": a place with a note on it, all place
    return field, None


# A web address written as one ("https://nvtx.example.com", "(www.globex.com)"), brackets and all. A bare domain
# is left alone: "Booking.com" is an employer's name.
WEB_ADDRESS = re.compile(r"[(\[]?\s*(?:https?://|www\.)[^\s)\]]+\s*[)\]]?", re.IGNORECASE)


def header_fields(text: str) -> list[str]:
    """The fields of a header line, split at its separators; a web address beside them (the employer's site) is
    none of them."""
    text = WEB_ADDRESS.sub(" ", text)
    clauses = re.split(r"\s*;\s+", text)
    if len(clauses) > 1 and not prose_start(text, 4) and not text.rstrip().endswith(".") and all(
            clause[:1].isupper() or clause[:1].isdigit() for clause in clauses[1:]) and not all(
            TITLE_WORDS.search(clause) for clause in clauses):
        # "Director of Data Science; Acme Corp; Jan 2021 - Present": a semicolon between fields. Not in a sentence
        # ("Full-time carer for a family member; completed a course in causal inference.") or before words in lower
        # case ("Software Engineer; on call"), and titles alone are the positions held ("Support Intern; QA Intern").
        text = " | ".join(clauses)
    text = _close_how_held_notes(text)
    # (A field's own colon stays: "Examples of assignments on this position:" is a lead-in, no name.)
    parts = [re.sub(r"^\s*::|::\s*$", "", p).strip(" ,/–—-;~>‖¦»") for p in _split_outside_brackets(text)]
    return [p for p in parts if p and any(ch.isalpha() for ch in p)]


def _how_held(note: str) -> bool:
    """Does a bracketed note only say how a role was held ("Freelance, Remote", "Full-time")?"""
    parts = [part.strip() for part in re.split(r"[,/·|;]|\s[–-]\s", note)]
    return all(part and (_EMPLOYMENT_TYPE.fullmatch(part) or REMOTE.fullmatch(part)) for part in parts)


# A bracketed note between a field's words and a capitalised name after it.
_NOTE_BEFORE_A_NAME = re.compile(r"(?<=\w)\s*\((?P<note>[^()]{3,40})\)\s+(?=[A-Z])")


def _close_how_held_notes(text: str) -> str:
    """ "Lead Data Engineer (Freelance, Remote) Altruistic Innovation Limited": a note of how the role was held
    (`_how_held`) closes the title, and the employer's name follows it; a field break is put after the note."""
    return _NOTE_BEFORE_A_NAME.sub(
        lambda m: m.group(0).rstrip() + " | " if _how_held(m.group("note")) else m.group(0), text)


# A known city's name and its comma opening a field, and the words after it.
_CITY_FIRST = re.compile(r"(?P<city>[A-ZÀ-Þ][\w.'’-]*(?: [A-ZÀ-Þ][\w.'’-]*){0,2}),\s+(?P<rest>\S.*)")


def _place_first(field: str) -> tuple[str, str] | None:
    """(the place, the rest) for a field that opens with a known city and its state or country and goes on with a
    title ("Boulder, Colorado Associate Intern", "Harare, Zimbabwe Founder and Curator"): a place set in its own
    cell beside the title, on one line once read; None otherwise ("Portland, Oregon Area" is all place)."""
    match = _CITY_FIRST.fullmatch(field.strip())
    if match is None or not known_city(match.group("city")):
        return None
    words = match.group("rest").split()
    for count in (3, 2, 1):
        if len(words) > count and known_region(" ".join(words[:count])) and words[count][:1].isupper() and (
                TITLE_WORDS.search(" ".join(words[count:]))):
            return f"{match.group('city')}, {' '.join(words[:count])}", " ".join(words[count:])
    return None


def _split_outside_brackets(text: str, separators: re.Pattern[str] = SEPARATORS) -> list[str]:
    """`text` split at its separators, except inside brackets: "PIXELYNX (Berlin, Germany · Remote)" is one field
    with its place in brackets, not "PIXELYNX (Berlin, Germany" and "Remote)"."""
    inside = [m.span() for m in _BRACKETED.finditer(text)]
    parts, start = [], 0
    for separator in separators.finditer(text):
        if not any(a < separator.start() < b for a, b in inside):
            parts.append(text[start:separator.start()])
            start = separator.end()
    return [*parts, text[start:]]


_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_COMMA = re.compile(",")


def comma_parts(text: str) -> list[str]:
    """`text` split at its commas, except inside brackets: "Programmeur (C#, SQL, PHP, HTML)" is one part, and
    "Lead Engineer (Freelance, Remote), Globex" two."""
    return _split_outside_brackets(text, _COMMA)


# Legal forms written as capital initials ("C.A.", "S.A. de C.V.", "S.R.L."), after a name or "de": not a full stop.
_INITIALS_END = re.compile(r"(?:^|\s)(?P<before>\S+)\s+(?:[A-Z]\.){2,3}$")


def legal_end(text: str) -> bool:
    """Does `text` end with a legal form ("Globex Inc.", "Andino C.A."), so its final full stop ends no sentence?"""
    if LEGAL_SUFFIX.search(text):
        return True
    match = _INITIALS_END.search(text)
    return match is not None and (match.group("before")[:1].isupper() or match.group("before") == "de")


def sentence_like(text: str) -> bool:
    """Prose (a description or a wrapped bullet tail), not a title, employer or place."""
    words = text.split()
    lower = sum(1 for w in words if w[:1].islower())
    if text.endswith(".") and len(words) >= 4 and not legal_end(text) and not named_with_a_stop(words):
        return True
    return len(words) >= 10 and lower >= 5


def named_with_a_stop(words: list[str]) -> bool:
    """A name in title case that ends in a stray full stop ("CMCorp Soluções em Informática."): a few words, no
    comma, every word but one short linking word capitalised. A sentence has its words in lower case."""
    lower = [w for w in words if not w[:1].isupper()]
    return 3 <= len(words) <= 6 and not any("," in w for w in words) and len(lower) <= 1 and all(len(w) <= 3 for w in lower)


Face = tuple[bool, bool, float]


def face_of(line: Line, typography: Typography) -> Face | None:
    """How a header line is set: (bold, italic, size to the half point); None when the line's style is unknown."""
    style = typography.style(line)
    if style is None:
        return None
    return style.bold >= 0.6, style.italic >= 0.6, round(style.size * 2) / 2


def _line_holding(text: str | None, lines: list[Line]) -> int | None:
    if not text:
        return None
    return next((i for i, line in enumerate(lines) if text in line.text), None)


def _roles_taught(cues: list[tuple[Hashable, Hashable] | None], jobs: list[Job]) -> Callable[[Hashable], str | None]:
    """What each value of a layout cue marks on this resume, learnt from its entries: `cues[k]` is (the cue of job
    k's title, the cue of its employer), None where the cue does not tell them apart. The entries the words settle
    (`title_side`: one field has title words and the other none, or the learned scorer reads one as a title and
    the other as an organisation) teach it; a value is 'title' or 'employer' once at least two such entries agree
    and more agree than not, else None. A resume sets every entry alike, so the rest can then follow."""
    votes: dict[Hashable, list[int]] = {}  # cue value -> [times it held the title, times it held the employer]
    for job, cue in zip(jobs, cues, strict=True):
        side = title_side(job.title or "", job.company or "") if cue is not None else None
        if cue is None or side is None:
            continue
        title_cue, employer_cue = cue if side == 0 else (cue[1], cue[0])
        votes.setdefault(title_cue, [0, 0])[0] += 1
        votes.setdefault(employer_cue, [0, 0])[1] += 1

    def role(value: Hashable) -> str | None:
        as_title, as_employer = votes.get(value, [0, 0])
        if as_title >= 2 and as_title > as_employer:
            return "title"
        if as_employer >= 2 and as_employer > as_title:
            return "employer"
        return None

    return role


def _turned_round(role: Callable[[Hashable], str | None], cue: tuple[Hashable, Hashable] | None) -> bool:
    """The layout says this entry's fields were read the wrong way round."""
    return cue is not None and role(cue[0]) == "employer" and role(cue[1]) == "title"


def title_by_typography(jobs: list[Job], entries: list[list[Line]], typography: Typography) -> list[Job]:
    """Decide title vs employer the way a reader of this resume does: by how each is set.

    A resume sets every entry the same way (a bold title over an italic employer, or the reverse), so the entries
    where the words settle it teach which face carries the title (`_roles_taught`); entries the words leave open
    or got backwards (an employer called "Product Hunt", a title with no English title word) then follow the
    majority. With no clear lesson (fewer than two entries agreeing, or a tie) nothing changes."""
    faces: list[tuple[Hashable, Hashable] | None] = []
    shared: dict[int, tuple[int, Face]] = {}  # job -> (the one line its title and employer were both read from, face)
    for number, (job, lines) in enumerate(zip(jobs, entries, strict=True)):
        t_index, c_index = _line_holding(job.title, lines), _line_holding(job.company, lines)
        if job.company and place_only(job.company):
            c_index = None  # a place read in the employer's slot teaches nothing about how employers are set
        t_face = face_of(lines[t_index], typography) if t_index is not None else None
        c_face = face_of(lines[c_index], typography) if c_index is not None else None
        if t_index is not None and t_index == c_index and t_face is not None:
            shared[number] = (t_index, t_face)
        apart = t_index is not None and c_index is not None and t_index != c_index
        faces.append((t_face, c_face) if apart and t_face is not None and c_face is not None and t_face != c_face
                     else None)
    role = _roles_taught(faces, jobs)
    out: list[Job] = []
    for number, (job, face, lines) in enumerate(zip(jobs, faces, entries, strict=True)):
        if _turned_round(role, face):
            job = job.model_copy(update={"title": job.company, "company": job.title})
        elif number in shared and role(shared[number][1]) == "title":
            # "Vendedor - almacenista" split into a title and an employer, while the line set like this resume's
            # employers ("Toyoimport del Este C.A.") went unused: the split line is the title, whole.
            index = shared[number][0]
            employers = [line for k, line in enumerate(lines) if k != index and not place_only(line.text)
                         and (set_as := face_of(line, typography)) is not None and role(set_as) == "employer"]
            whole = RANGE.sub("", lines[index].text).strip(" ,|–—-(")
            if len(employers) == 1 and whole:
                job = job.model_copy(update={"title": whole, "company": employers[0].text.strip()})
        out.append(job)
    return out


def _place_in_entry(text: str | None, lines: list[Line]) -> tuple[int, int] | None:
    """(line, character) where `text` first appears in an entry's lines, for telling which field comes first."""
    index = _line_holding(text, lines)
    return None if index is None or text is None else (index, lines[index].text.find(text))


def title_by_position(jobs: list[Job], entries: list[list[Line]]) -> list[Job]:
    """Decide title vs employer by where this resume puts each: a resume writes every entry in one order (title
    then employer, or employer then title), and keeps to it whether the two share a line or not.

    The same lesson as `title_by_typography`, with the field's place as the cue: (one line or two, first or
    second). An entry the words leave open or read backwards, written against the order its shape's entries
    taught, is turned round -- a title in a language the title words do not cover, under its employer like every
    other title ("SOTEC 2011 — 2016" over "Dirección de proyectos · Banca", read the other way round when the
    description after the dot left the learned scorer unsure which field was the title). An entry whose own words
    agree with how it was read is never turned round, nor one holding a line of description (a misreading of
    another kind, which no order fixes). Keeping the shapes apart matters: an employer heading over several roles
    ("Vellore Santé — Paris", a name and its place on one line) is no lesson for, and learns nothing from, entries
    written as an employer line over a title line."""
    places: list[tuple[Hashable, Hashable] | None] = []
    for job, lines in zip(jobs, entries, strict=True):
        title_at, company_at = _place_in_entry(job.title, lines), _place_in_entry(job.company, lines)
        if title_at is None or company_at is None or title_at == company_at:
            places.append(None)
            continue
        one_line, title_first = title_at[0] == company_at[0], title_at < company_at
        places.append(((one_line, title_first), (one_line, not title_first)))
    role = _roles_taught(places, jobs)
    out: list[Job] = []
    for job, place in zip(jobs, places, strict=True):
        fields = (job.title or "", job.company or "")
        if _turned_round(role, place) and title_side(*fields) != 0 and not any(
                sentence_like(text) or prose_start(text) for text in fields):
            job = job.model_copy(update={"title": job.company, "company": job.title})
        out.append(job)
    return out


_WEIGHT_BREAK = re.compile(r"\s*,\s+|\s+[|–—-]\s+|\s*\|\s*")


def split_by_weight(line_text: str, title: str, typography: Typography, header: str | None = None
                    ) -> tuple[str, str] | None:
    """"Director of Applied AI, Vellore Santé  Jan 2020 – Present" with only the title in bold: where the bold
    stops is where the title stops, whatever commas the title or the employer hold ("Senior Director, AI
    Platform, Quantrell Systems"). The bold share of the line tells how far the bold reaches; the title is cut at
    the separator that sits there. What the words had taken for the employer (the city on the line below) is then
    the role's place. The cut is sought in the `header` (the line without its dates) as well as in the title: the
    words may have cut the title short at a comma of its own ("VP Engineering" of "**VP Engineering, AI**,
    Lightricks (Jan '21 – Present)")."""
    style = typography.style(line_text)
    if style is None or not 0.04 <= style.bold <= 0.96 or not line_text.startswith(title):
        return None
    # The bold share counts the runs' characters: the space where the bold ends is in neither run.
    total = len(line_text.strip()) - 1
    spans = [title] + ([header] if header and line_text.startswith(header.split(",")[0]) else [])
    for span, match in ((s, m) for s in spans for m in _WEIGHT_BREAK.finditer(s)):
        head, tail = span[: match.start()].strip(), span[match.end():].strip(" ,|()[]")
        if head and tail and line_text.startswith(head) and abs(len(head) / total - style.bold) <= 0.03:
            employer, _ = strip_location(tail)
            if not employer:
                return None
            if title_side(head, employer) == 1:
                # Company-first layouts bold the employer ("**Brindlewood Marketplace**, Director of ML
                # Engineering"): the weight still marks the cut, and the words tell which side is the title.
                return employer, head
            return head, employer
    for span in reversed(spans):  # the whole header first: the title's words may have been cut at a comma
        if line_text.startswith(span) and (cut := _split_at_a_weighted_space(span, total, style.bold)):
            return cut
    return None


def split_run_in_title(line_text: str, typography: Typography) -> tuple[str, str] | None:
    """(title, description) of a line whose bold opening is a job title run into the sentence that describes the
    role ("**Computer Engineer II** Perform various classified tasks related to ..."): the cut is the space where
    the bold ends (as in `split_by_weight`), the bold part reads as a title and is short, and the rest opens a
    sentence. None for any other line."""
    style = typography.style(line_text)
    if style is None or not 0.04 <= style.bold <= 0.7:
        return None
    text = line_text.strip()
    total = len(text) - 1  # the space where the bold ends is in neither run
    # The space nearest where the bold ends (within 0.03 of the line's share; a long line has several).
    cuts = sorted(((abs(len(text[: m.start()]) / total - style.bold), m) for m in re.finditer(r"\s+", text)),
                  key=lambda cut: cut[0])
    if not cuts or cuts[0][0] > 0.03:
        return None
    head, tail = text[: cuts[0][1].start()], text[cuts[0][1].end():]
    if (len(head.split()) <= 8 and reads_as_title(head) and not head.endswith((".", ",", ":", ";"))
            and tail[:1].isupper() and prose_start(tail, 4)):
        return head, tail
    return None


# Words that join a name to what follows, in the languages the reader covers: no field ends or is one of them.
_JOINING_WORDS = r"at|of|and|for|in|with|to|the|on|by|from|de|da|do|des|du|der|bei|chez|en|y|e"

# What may stand before a cut at a plain space: words, commas inside them (a title's own, "Senior Manager II,
# Ranking"), and no other separator, no dangling connector ("Engineer at", "University of", "Dados –").
_PLAIN_CUT_HEAD = re.compile(
    rf"(?![^|;]*(?:\||;|\s[–—-]\s))(?!.*\b(?:{_JOINING_WORDS}|&)$).*[\w).]", re.IGNORECASE)


# One word in lower case after the bold may be a brand's name ("spotify"); several are a phrase ("at Lindqvist
# Retail", "quantrell systems" after a dot) and a joining word is none.
_LOWER_CASE_NAME = re.compile(rf"(?!(?:{_JOINING_WORDS})$)[^\W\d_][\w.&'-]*", re.IGNORECASE)


def _split_at_a_weighted_space(title: str, total: int, bold: float) -> tuple[str, str] | None:
    """ "**Senior Data Scientist** Acme Corp" (or "**Acme Corp** *Senior Data Scientist*"): no separator between
    the two fields, only the change of weight. The cut is the one space where the bold ends (within the same 0.03
    of the line's bold share, and the only such space), and only when the words then tell one side for the title
    (`title_side`): a bold word inside a title is no cut. A comma inside the bold stays in its field ("**Senior
    Manager II, Ranking** Globex"); one after the cut means a separator was the field's end, not this space --
    unless the title comes second, whose own comma it is ("**Data Science Institute** *Director, Machine
    Learning*"). A lower-case tail is a name only as one word (`_LOWER_CASE_NAME`)."""
    cuts = [(title[:m.start()].strip(), title[m.end():].strip(),
             not any(not legal_form(title[b.end():]) for b in _WEIGHT_BREAK.finditer(title, m.end())))
            for m in re.finditer(r"\s+", title)
            if _PLAIN_CUT_HEAD.fullmatch(title[:m.start()].strip()) and title[m.end():m.end() + 1].isalnum()
            and (not title[m.end():m.end() + 1].islower() or _LOWER_CASE_NAME.fullmatch(title[m.end():].strip()))]
    near = [cut for cut in cuts if cut[0] and cut[1] and abs(len(cut[0]) / total - bold) <= 0.03]
    if len(near) != 1:
        return None
    head, tail, clean = near[0]
    employer, _ = strip_location(tail)
    side = title_side(head, employer) if employer else None
    if side is None or (side == 0 and not clean):
        return None
    # A comma after the cut is the title's own when the title comes second ("**Data Science Institute** *Director,
    # Machine Learning*"): the employer, bold, leads and the rest of the line is the title, whole.
    return (head, employer) if side == 0 else (tail if not clean else employer, head)


# How a role was held, printed among a header's comma-separated fields ("Engineer, Klarna, Full-time, Stockholm"):
# not a title, an employer or a place.
_EMPLOYMENT_TYPE = re.compile(
    r"(?:full|part)[- ]?time|contract(?:or)?|freelance|permanent|temporary|self-employed|seasonal"
    r"|vollzeit|teilzeit|festanstellung|tiempo (?:completo|parcial)|medio tiempo|jornada (?:completa|parcial)"
    r"|temps (?:plein|partiel)|cdi|cdd|tempo (?:integral|parcial)|meio per[ií]odo"
    # A contract's kind written out ("Permanent contract", "Fixed-term contract"), and the French internship
    # ("Stage de fin d'études", "Alternance").
    r"|(?:permanent|fixed[- ]term|temporary|freelance) (?:contract|position)|stage(?: de fin d['’][ée]tudes)?"
    r"|alternance",
    re.IGNORECASE)


# A field that only says how the role was held ("Permanent Role", "Contract position", "Full-time"), beside the
# employer's name and the dates: neither the title nor the employer. (A bare "Freelance" or "Self-employed" is kept:
# in the employer's place it is what the resume says the candidate worked for.)
_CONTRACT_KIND = re.compile(
    r"(?:(?:permanent|fixed[- ]term|temporary|freelance|contract|contractor|consulting|interim)"
    r"\s+(?:contract|position|role|post|assignment|engagement)|(?:full|part)[- ]?time)(?:\s*[-–—,].*)?",
    re.IGNORECASE)


def employment_type_only(text: str) -> bool:
    """A line that only says, in brackets, how a role was held ("(Freelance)", "[Part-time]"): a qualifier of the
    title above it. (A bare "Freelance" in the employer's place is what the resume prints as the employer.)"""
    text = text.strip()
    return text[:1] in "([" and text[-1:] in ")]" and _EMPLOYMENT_TYPE.fullmatch(text[1:-1].strip()) is not None


def _without_employment_type(text: str) -> tuple[str, str | None]:
    """(the header line without its employment-type field and what follows it, that place) for a comma list
    whose second or later field says how the role was held ("Senior Engineer, Klarna, Full-time, Stockholm" ->
    "Senior Engineer, Klarna" and "Stockholm"); a line that starts with one (a wrapped ", Full-time, Oslo") is all
    qualifiers. Other lines come back as they are."""
    parts = [part.strip() for part in comma_parts(text.strip().lstrip(","))]
    for k, part in enumerate(parts):
        # First on a line of its own words, a kind of role that is also a title ("Stage de fin d'études, Globex":
        # the internship is the role) qualifies nothing unless all that follows is places.
        leading = text.strip().startswith(",") or all(place_only(p) or REMOTE.fullmatch(p) for p in parts[1:] if p)
        if _EMPLOYMENT_TYPE.fullmatch(part) and (k >= 1 or (len(parts) > 1 and leading)):
            place = ", ".join(p for p in parts[k + 1:] if p and not REMOTE.fullmatch(p)) or None
            return ", ".join(parts[:k]), place
    return text, None


# A header written as labelled fields, one per line ("Company: Infosys" / "Designation: Senior Engineer" /
# "Duration: 2015 - 2018", a YAML or JSON resume printed as text: "- company: Iron Mountain" / "title: ..."): the label
# names the field, in the languages headings are read in.
_FIELD_LABELS: dict[str, str] = {
    **dict.fromkeys(("company", "employer", "organization", "organisation", "firm", "company name", "empresa",
                     "entreprise", "société", "societe", "unternehmen", "arbeitgeber", "firma", "institut",
                     "institute", "institution", "instituto", "organismo", "organisme", "organización",
                     "organizacion", "organização", "organizacao", "entidad", "entidade"), "company"),
    **dict.fromkeys(("title", "job title", "position", "designation", "role", "poste", "cargo", "puesto",
                     "funktion", "position held"), "title"),
    **dict.fromkeys(("location", "place", "city", "lieu", "ort", "ubicación", "ubicacion", "local"), "location"),
    **dict.fromkeys(("dates", "date", "duration", "period", "tenure", "from", "zeitraum", "période", "periode",
                     "periodo", "fechas", "datas", "dauer", "durée", "duree"), "dates"),
}
# The label ends at a colon, or at a table's cell border where a definition list was printed as a table
# ("Puesto | Bioinformático", pandoc's HTML through a résumé stylesheet).
_FIELD_LABEL = re.compile(r"[\s•·*-]*(?P<label>[^\W\d_][\w ]{1,14}?)(?:\s*:|\s+\|)(?:\s+(?P<value>\S.*?))?\s*")


def _labelled(text: str) -> tuple[str, str] | None:
    """(the kind a labelled line names, its value, "" when the label stands alone), None for any other line."""
    match = _FIELD_LABEL.fullmatch(text)
    kind = _FIELD_LABELS.get(match.group("label").strip().lower()) if match else None
    return (kind, match.group("value") or "") if match and kind else None


def field_label(text: str) -> str | None:
    """The kind a labelled header line names ("company", "title", "location", or "dates"), None for any other."""
    labelled = _labelled(text)
    return labelled[0] if labelled else None


def _labelled_fields(texts: list[str]) -> dict[str, str]:
    """The header's fields named by a label (`_FIELD_LABELS`), the first of each kind."""
    found: dict[str, str] = {}
    for kind, value in filter(None, map(_labelled, texts)):
        if value and kind not in found:
            found[kind] = value.strip()
    return found


def title_company(
    pre: list[str], rest: str, post: list[str], title_back: int | None = None, title_below: bool = False
) -> tuple[str | None, str | None, str | None]:
    """An entry's (title, employer, place) from its header: the lines above its dated line (`pre`), the words
    beside its dates (`rest`) and the lines below (`post`). The header's fields are candidates; the title is the
    one its words (`TITLE_WORDS`), the learned scorer or this section's habits (`title_back`, `title_below`) name,
    and the employer the field next to it. Common one-line shapes ("Title, Employer", moderncv's "Title, Employer,
    City") are read whole first."""
    location: str | None = None
    # "Senior Software Engineer at" / "Meridian Payments": a header wrapped after its "at" names the employer on
    # the next line; the dangling word is no part of the title.
    pre, rest, post = [_DANGLING_AT.sub("", t) for t in pre], _DANGLING_AT.sub("", rest), [
        _DANGLING_AT.sub("", t) for t in post]
    labelled = _labelled_fields([*pre, rest, *post])
    if labelled.get("title") or labelled.get("company"):
        # The one field the labels leave unnamed is the words beside the dates, when they carry no label
        # ("Chercheur postdoctoral 06/03/2017 au 31/07/2018" over "Entreprise : INSAVALOR").
        title, company = labelled.get("title"), labelled.get("company")
        beside = rest.strip(" ,;|·-–—") if _labelled(rest) is None else ""
        if beside and title is None:
            title = beside
        elif beside and company is None:
            company = beside
        return title, company, labelled.get("location")
    # A line that only says how the role was held ("(Freelance)", wrapped off the title) names neither field.
    pre, post = [t for t in pre if not employment_type_only(t)], [t for t in post if not employment_type_only(t)]
    if any(_EMPLOYMENT_TYPE.search(text) for text in [*pre, rest, *post]):
        stripped = [_without_employment_type(text) for text in [*pre, rest, *post]]
        location = next((place for _, place in stripped if place), None)
        texts = [text for text, _ in stripped]
        pre, rest, post = [t for t in texts[:len(pre)] if t], texts[len(pre)], [t for t in texts[len(pre) + 1:] if t]
    candidates, line_of, location = _header_candidates(pre, rest, post, location)
    if not candidates:
        return None, None, location
    named_at = [c for c in candidates if re.match(r"@\s*\w", c[1])]
    if len(named_at) == 1:
        # "Apr 2023 – Feb 2024 @Quantcast, Berlin": the "@" says "at", so the name after it is the employer,
        # whatever the scorer makes of it; a title, if any, is another field its words name.
        titles = [text for c in candidates if c is not named_at[0] and (text := c[1]) and TITLE_WORDS.search(text)]
        return (titles[0] if titles else None), named_at[0][1].lstrip("@ "), location
    if (whole := _one_line_entry(candidates, pre, location)) is not None:
        return whole
    titled = _titled(candidates, pre, rest, title_back, title_below)
    title_choice = titled[0] if titled else (
        next((c for c in candidates if c[0] == "rest"), candidates[0]))
    others = [c for c in candidates if c is not title_choice]
    company = None
    if others:
        company = _employer_beside(title_choice, others, candidates, pre, line_of)
        chosen = next((c for c in others if c[1] == company), None)
        if company and chosen is not None and line_of.get(id(chosen)) == line_of.get(id(title_choice)) and (
                candidates.index(chosen) > candidates.index(title_choice)) and (
                comma_split := _title_comma_employer(title_choice[1], company)):
            # "Analista de Dados, Hospital Vale do Sabiá – Campinas": the employer sits after the title's comma,
            # and what follows the dash is the place.
            return comma_split[0], comma_split[1], location or company
    if (teamed := _team_before_title(title_choice, candidates, line_of, [*pre, rest, *post])) is not None:
        return teamed[0], teamed[1], location
    if company is not None and (specialised := _title_specialty(title_choice, company, candidates, line_of,
                                                                 [*pre, rest, *post])) is not None:
        return specialised[0], specialised[1], location
    if company is not None and (specialised := _specialty_before_employer(title_choice, company, line_of,
                                                                          [*pre, rest, *post])) is not None:
        return specialised[0], specialised[1], location
    on_dates = [t for o, t in candidates if o == "rest"]
    if company is not None and title_choice[0] == "rest" and len(on_dates) >= 2 and company not in on_dates and all(
            TITLE_WORDS.search(t) and not legal_form(t) for t in on_dates) and re.fullmatch(
            r"[^,|]+ [–—-] [^,|]+", rest.strip()):
        # "Embedded Engineer - Tech Lead" beside the dates, the employer on a line of its own: both halves are
        # the title (a role and what it led to), not a title and an employer.
        return rest.strip(), company, location
    if company is None and not titled and len(candidates) == 1 and not re.search(r"[,;|]", title_choice[1]) and (
            _reads_as_organisation(title_choice[1])):
        # "Telcoin  Aug 2020 - Present" and nothing else: a name the scorer reads as an organisation's is the
        # employer, not a job title.
        return None, title_choice[1], location
    return title_choice[1], company, location


# A field that is the same words twice, joined by a comma.
_SAID_TWICE = re.compile(r"\s*(?P<once>[^,]+?)\s*,\s*(?P=once)\s*", re.IGNORECASE)

_Candidate = tuple[str, str]  # (where in the header: "pre", "rest" or "post"; the field's text)


# One capitalised word: a name that might be a town's or an employer's.
_ONE_NAME = re.compile(r"[A-ZÀ-Ö][\w&'-]+")

_JOINED = re.compile(r"^\s*(?:Re-?)?[Jj]oined\s+(?=[A-Z0-9])")


def _header_candidates(pre: list[str], rest: str, post: list[str], location: str | None
                       ) -> tuple[list[_Candidate], dict[int, int], str | None]:
    """The header's fields that could be a title or an employer, in order, with the line each came from (by the
    candidate's id, counted down the entry) and the place found among them. A sentence of description among
    fields is not one."""
    candidates: list[_Candidate] = []
    line_of: dict[int, int] = {}  # id of a candidate -> the line it came from, counted down the entry
    line_number = 0
    named_like_a_place: list[tuple[int, _Candidate, int]] = []  # (where in the candidates, the field, its line)
    for origin, texts in (("pre", pre), ("rest", [rest]), ("post", post)):
        for text in texts:
            line_number += 1
            for field in _title_at_employer(text) or header_fields(text):
                parts = [field]
                at = split_at_employer(field)
                if len(at) == 2 and "," in at[1]:
                    # "Director, Machine Learning at Acme, Inc., Boston, MA": the "at" ends the title, commas and
                    # all; what follows is the employer with its legal form, then its place.
                    parts = [at[0], *_split_company_line(at[1])]
                elif (colon := _employer_colon_title(field)) is not None:
                    parts = list(colon)
                elif len(comma_parts(field)) >= 3:
                    # Word exports: "Company, City, ST, Title" on one line (only when a location sits inside).
                    split = _split_company_line(field)
                    if len(split) < len(comma_parts(field)):
                        parts = split
                for part in (piece for whole in parts for piece in split_at_employer(whole)):
                    # "Joined Kotn": a timeline's verb before the employer it names is no part of the name.
                    part = _JOINED.sub("", part)
                    if said_twice := _SAID_TWICE.fullmatch(part):
                        # "SlashDB, SlashDB": a template that prints the employer's name and its display name.
                        part = said_twice.group("once")
                    if re.fullmatch(r"\(.*\)", part.strip()):
                        # "(IOS, Android et Windows)": a note in brackets, the last line of the entry above or
                        # a place wrapped off the employer's name ("(Huaraz-Perú)"), is neither title nor employer.
                        if place_only(part):
                            location = location or part.strip()[1:-1]
                        continue
                    if (leading := _place_first(part)) is not None:
                        # "Harare, Zimbabwe Founder and Curator": a table row's place cell run into the title's.
                        location, part = location or leading[0], leading[1]
                    cleaned, loc = strip_location(part)
                    if not cleaned.strip() and _ONE_NAME.fullmatch(part.strip()) and not REMOTE.fullmatch(
                            part.strip()) and not known_country(part):  # (a town's name, not "Remote", "Peru")
                        named_like_a_place.append((len(candidates), (origin, part.strip()), line_number))
                    location = location or loc
                    if cleaned and any(ch.isalpha() for ch in cleaned) and not _CONNECTOR_ONLY.fullmatch(cleaned) and (
                            not _CONTRACT_KIND.fullmatch(cleaned)):
                        candidates.append((origin, cleaned))
                        line_of[id(candidates[-1])] = line_number
    if named_like_a_place and candidates and all(
            TITLE_WORDS.search(text) and "," not in text and not legal_form(text) for _, text in candidates):
        # "Orange 2018 — 2018" / "IT Engineer": a field that is one word, and a town's name, where the header
        # names no employer otherwise (titles alone, none with a comma or a legal form that may hold one) is the
        # employer named like a town (Orange, Nice, Mobile), not the place of a role whose employer went unsaid.
        index, candidate, number = named_like_a_place[0]
        candidates.insert(index, candidate)
        line_of[id(candidate)] = number
        if location == candidate[1]:
            location = None
    if len(candidates) > 1 and any(not sentence_like(t) for _, t in candidates):
        # "Bitly – San Francisco, CA – Led data science for the IQ startup.": the description is not a field.
        candidates = [c for c in candidates if not sentence_like(c[1])]
    return candidates, line_of, location


def _title_at_employer(text: str) -> list[str] | None:
    """ "Engineering Manager – ML Infrastructure at Northbridge Health": the title, its specialty after a dash, then
    the employer after "at". Split at the separators first, the specialty would be read as the title's employer;
    the "at" marks where the title ends, so the title is kept whole. None for any other line."""
    split = split_at_employer(WEB_ADDRESS.sub(" ", text).strip())
    if len(split) != 2:
        return None
    title_parts = header_fields(split[0])
    if len(title_parts) < 2:
        return None
    # The team or product first is as common: "Chrome for Android - Software Developer Intern at Google". (An
    # employer first, known by its legal form, is the employer: "Globex GmbH - Consultant at Initech".)
    first, last = title_parts[0], title_parts[-1]
    if not (TITLE_WORDS.search(first) or TITLE_WORDS.search(last) and not legal_form(first)):
        return None
    return [split[0], *header_fields(split[1])]


def _employer_colon_title(field: str) -> tuple[str, str] | None:
    """ "Brightwater Consulting: Senior Consultant": the employer, a colon, then the title held there -- a name of a
    few words with no title word before the colon (no label a header uses: "Role:", "Client:"), a short title after
    it; or the title first and the employer after. (employer, title), or None. A colon closing the field too leads into the role's description ("Triage.com:
    CTO and Director of Product Engineering:")."""
    left, colon, right = field.rstrip().removesuffix(":").partition(": ")
    words = left.split()
    if not colon or ":" in right or _labelled(field) is not None or not 1 <= len(words) <= 5 or left.count(
            "(") != left.count(")"):
        return None  # (nor a colon in brackets: "Senior Consultant, Brightline Advisory (client: Big Bank)")
    if not left[:1].isupper() or len(right.split()) > 8 or sentence_like(right) or prose_start(right, 4) or (
            YEAR.search(field)):
        return None  # (nor a form's "TO: MAR 2013Systems Analyst II": a date run into the title is no title)
    if not TITLE_WORDS.search(left) and TITLE_WORDS.search(right):
        return left.strip(), right.strip()
    # The other way round, "Praktikant Werbetexter: Scholz & Friends", "Texter und Konzepter: media-work gmbh": a
    # title by its words first, then an organisation by its legal form or the learned scorer ("Client: Globex" is a
    # label, "Lead Engineer: Payments Platform" a title and its team).
    if right[:1].isalpha() and not TITLE_WORDS.search(right) and TITLE_WORDS.search(left) and (
            legal_form(right) or _reads_as_organisation(right)):
        return right.strip(), left.strip()
    return None



def _one_line_entry(candidates: list[_Candidate], pre: list[str], location: str | None
                    ) -> tuple[str | None, str | None, str | None] | None:
    """(title, employer, place) when the dated line says it all in a shape read whole: "Title, Employer" (either
    order) or moderncv's "Title, Employer, City"; None otherwise."""
    if len(candidates) == 1 and len(comma_parts(candidates[0][1])) == 2:
        # "Director of ML, Example Corp Jan 2020 - Present": title and employer on one line, nothing around it --
        # or the employer first ("Nordwerk Energie AG, Leiterin KI-Plattform"). A title's own comma ("Senior
        # Manager, Applied Science") is no split: the learned scorer reads both halves as parts of a title.
        left, right = (part.strip() for part in comma_parts(candidates[0][1]))
        both = title_probabilities([left, right]) if left and right else None
        if left and right and not (both is not None and min(both) >= _SURE_TITLE):
            side = title_side(left, right)
            if side == 0 and not (both is not None and _reads_as_specialty(right, both[1], _LONE_SPECIALTY)):
                # ("Engineering Manager, ML Platform" beside its place, the employer given above: the part after the
                # comma reads as the title's own specialty, not as an organisation.)
                return left, right, location
            if side == 1 and both is not None and both[0] <= _SURE_ORGANISATION:
                # Company first only when the scorer agrees the first part names an organisation: a team before
                # the title ("Search, Staff Engineer") is no employer.
                return right, left, location
    dated_only = candidates if len(candidates) == 1 else [c for c in candidates if c[0] == "rest"]
    if len(dated_only) == 1 and len(comma_parts(dated_only[0][1])) == 3 and (
            len(candidates) == 1 or not pre and all(prose_start(t) for o, t in candidates if o == "post")):
        # moderncv's "Title, Employer, City" (the country wrapped onto the next line): a title, an employer without
        # a title word, and a one-word place ("Oslo", or "San Jose" after a city prefix). The dated line says it
        # all; a line of the description under it ("Responsible for the design of ...") adds nothing.
        left, middle, place = (part.strip() for part in comma_parts(dated_only[0][1]))
        place = place.rstrip(".")  # moderncv ends the entry's line with a full stop ("..., Remote.")
        words = place.split()
        city_like = bool(words) and all(w[:1].isupper() and w.isalpha() for w in words) and (
            len(words) == 1 or (len(words) == 2 and words[0].lower() in CITY_PREFIXES)) or bool(
            REMOTE.fullmatch(place))
        if TITLE_WORDS.search(left) and middle and not TITLE_WORDS.search(middle) and city_like:
            return left, middle, location or place
    return None


def _titled(candidates: list[_Candidate], pre: list[str], rest: str, title_back: int | None, title_below: bool
            ) -> list[_Candidate]:
    """The candidates that read as the title, best first: by title words, else by the learned scorer, else where
    this section's other entries keep their title; empty when nothing names one."""
    # A field ending in a legal form is an organisation, whatever words it holds ("Brightwater Engineering Ltd"),
    # and so is one opening with an organisation's unit ("Department of Aerospace Engineering").
    titled = [c for c in candidates if _titled_by_words(c[1])]
    if len(titled) != 1 and len(candidates) > 1:
        # The title words name no field ("Statistician" under "Northwind Analytics") or more than one ("Senior
        # Engineer" under "Product Hunt"): the learned scorer picks the field that reads as the title, if one does.
        fields = [c for c in candidates if not place_only(c[1])]
        learned = learned_title([t for _, t in fields])
        if learned is not None:
            titled = [fields[learned]]
    if len(titled) > 1 and any(o == "rest" for o, _ in titled):
        titled = [c for c in titled if c[0] == "rest"] + [c for c in titled if c[0] != "rest"]
    if not titled and title_back is not None and len(pre) >= 2 and title_back <= len(pre) and not header_fields(rest):
        # No title word anywhere: fall back on where this section's other entries keep their title.
        line_fields = header_fields(pre[len(pre) - title_back])
        titled = [c for c in candidates if c[0] == "pre" and line_fields and c[1] in line_fields[0]][:1]
    if not titled and title_below and not pre and any(o == "rest" for o, _ in candidates):
        # No title word anywhere: the section's other entries keep their title on the line under the dates.
        titled = [c for c in candidates if c[0] == "post"][:1]
    return titled


def _employer_beside(title_choice: _Candidate, others: list[_Candidate], candidates: list[_Candidate],
                     pre: list[str], line_of: dict[int, int]) -> str:
    """The employer among the fields other than the title: the one next to it."""
    # The employer is on the line next to the title: before it in "Company / Title date" layouts, after it
    # in "Title date / Company" layouts.
    # When the dated line itself reads "Employer - Title  2013 - 2017", the employer is on it too and the lines
    # above are the previous entry's tail -- unless one of them is a bare name alone on its line, the employer
    # heading over several roles ("Globex" above "Platform - Engineer 2020 - 2022").
    same_line = [t for o, t in others if o == "rest" and not TITLE_WORDS.search(t)]
    group_heading = len(pre) == 1 and len(header_fields(pre[0])) == 1 and not TITLE_WORDS.search(pre[0])
    # Among the lines above, the one nearest the title: a line further up is more likely the tail of the
    # previous entry's unmarked bullets than this entry's employer.
    above = [c for c in others if c[0] == "pre" and not place_only(c[1])]
    if title_choice[0] == "pre":
        before = [c for c in candidates[: candidates.index(title_choice)] if c[0] == "pre" and not place_only(c[1])]
        above = before or above[:1]
    # ... and on that line its first field: an employer goes before its place or team ("Velotrans Mobility GmbH |
    # München", a town the gazetteer does not know).
    nearest = next((c[1] for c in above if line_of.get(id(c)) == line_of.get(id(above[-1]))), None) if (
        above) else None
    # "Senior Engineer at Vellum" on one line: the employer written beside the title comes first.
    beside = [c[1] for c in others if c[0] != "rest" and line_of.get(id(c)) == line_of.get(id(title_choice))]
    nearest = beside[0] if beside else nearest
    # "Northwind Analytics  Feb 2017 - Mar 2020" over "Senior Engineer": a title found under the dated line
    # has its employer on the dated line.
    dated = [t for o, t in others if o == "rest"] if title_choice[0] == "post" else []
    return (same_line[0] if title_choice[0] == "rest" and same_line and not group_heading else None) or (
        dated[0] if dated else None) or nearest or others[0][1]


def _title_specialty(title_choice: _Candidate, company: str, candidates: list[_Candidate],
                     line_of: dict[int, int], lines: list[str]) -> tuple[str, str] | None:
    """(title, employer) when the field after the title's dash is the title's specialty, not its employer:
    "Northbridge Health" / "Engineering Manager – ML Infrastructure". The employer sits on a line of its own in the
    header and reads as an organisation, or stands beside the role's place there ("SR. CONSULTANT - MONITORING" over
    "11/2011 - 08/2014 | Cardinal Health | Columbus, OH": the place goes with the employer, and the scorer cannot
    tell "Cardinal Health" from a specialty); what follows the dash does not read as one, so both halves are the
    title. A legal form settles it whatever the scorer makes of the dash's tail: "Toyoimport del Este C.A." over
    "Vendedor - almacenista" (a lone word the scorer takes for a name)."""
    line = line_of.get(id(title_choice))
    beside = next((c for c in candidates if c[1] == company and line_of.get(id(c)) == line), None)
    if beside is None or line is None or legal_form(company) or (_reads_as_organisation(company) and not any(
            legal_form(c[1]) for c in candidates if line_of.get(id(c)) != line)):
        return None
    whole = lines[line - 1].strip()
    if not re.fullmatch(rf"{re.escape(title_choice[1])}\s+[–—-]\s+{re.escape(company)}", whole):
        return None
    fields_on = Counter(line_of.get(id(c)) for c in candidates)
    alone = [c[1] for c in candidates if c is not title_choice and c is not beside
             and fields_on[line_of.get(id(c))] == 1 and (_reads_as_organisation(c[1]) or legal_form(c[1])
                                                         or _beside_a_place(c[1], lines[line_of[id(c)] - 1]))]
    return (whole, alone[0]) if len(alone) == 1 else None


def _team_before_title(title_choice: _Candidate, candidates: list[_Candidate], line_of: dict[int, int],
                       lines: list[str]) -> tuple[str, str] | None:
    """(title, employer) for a header that names its employer on a line of its own and the title's team or product
    before a dash on the title's line: "Google" over "Chrome for Android - Software Developer Intern". An entry
    names one employer, and the lone line is it, so what precedes the dash is part of the title, not a second
    employer (the learned scorer reads "Chrome for Android" as an organisation and "Google" not, so it cannot
    settle this). Only for exactly these three fields: the lone employer with no title word, and a team with no
    title word and no legal form ("Acme GmbH - Engineer" names its employer before the dash)."""
    if len(candidates) != 3 or title_choice is not candidates[2]:
        return None
    employer, team = candidates[0], candidates[1]
    line = line_of.get(id(title_choice))
    if line is None or line_of.get(id(team)) != line or line_of.get(id(employer)) == line:
        return None
    if TITLE_WORDS.search(team[1]) or legal_form(team[1]) or len(team[1].split()) > 5 or (
            TITLE_WORDS.search(employer[1]) or place_only(employer[1])):
        return None
    whole = lines[line - 1].strip()
    if not re.fullmatch(rf"{re.escape(team[1])}\s+[–—-]\s+{re.escape(title_choice[1])}", whole):
        return None
    return whole, employer[1]


def _beside_a_place(field: str, line: str) -> bool:
    """Whether `field` is followed on its line by a place in a field of its own ("Cardinal Health | Columbus, OH")."""
    at = line.find(field)
    if at < 0:
        return False
    after = header_fields(line[at + len(field):])
    return bool(after) and place_only(after[0])


def _specialty_before_employer(title_choice: _Candidate, company: str, line_of: dict[int, int],
                               lines: list[str]) -> tuple[str, str] | None:
    """(title, employer) for "Lead Analyst – Fraud & Risk, Sterling Mutual Insurance" on one line: the dash
    separates the title from its specialty, and the employer comes after the comma. Only when the part before the
    comma is short and does not read as an organisation and the part after it does."""
    line = line_of.get(id(title_choice))
    if line is None:
        return None
    whole = lines[line - 1].strip()
    if "," in company:
        shape = re.match(rf"{re.escape(title_choice[1])}(?P<dash>\s+[–—-]\s+){re.escape(company)}", whole)
        if shape is None:
            return None
        specialty, employer = (part.strip() for part in company.rsplit(",", 1))
    else:
        # The line split at every comma (the employer's place after it: "Staff Engineer – Search Platform, Quarry
        # Labs, Austin, TX"): the field after the dash, then the next one.
        shape = re.match(rf"{re.escape(title_choice[1])}(?P<dash>\s+[–—-]\s+){re.escape(company)},\s*(?P<next>[^,|]+)",
                         whole)
        if shape is None or place_only(shape["next"]) or known_city(shape["next"].strip()):
            return None  # ("Sous Chef – The Copper Kettle, Edinburgh": the employer's place follows the comma)
        specialty, employer = company.strip(), shape["next"].strip()
    if not specialty or not employer or len(specialty.split()) > 5:
        return None
    probabilities = title_probabilities([specialty, employer])
    if probabilities is None or not _reads_as_specialty(specialty, probabilities[0], _SPECIALTY) or not (
            legal_form(employer) or INSTITUTION.search(employer)
            or (not TITLE_WORDS.search(employer) and probabilities[1] <= _ORGANISATION)):
        return None
    return f"{title_choice[1]}{shape['dash']}{specialty}", employer


# A field that names no organisation and that the learned scorer gives more than this probability of being a job
# title is a title's specialty ("Fraud & Risk" between the title's dash and the employer's comma) rather than an
# employer; at most `_ORGANISATION`, it is an organisation ("Sterling Mutual Insurance"). On a line with nothing
# else, "A, B" is far more often a title and its employer, so B must read clearly as part of a title
# (`_LONE_SPECIALTY`: "ML Platform"); at 0.25 there the header set's tuning part lost three employers.
_SPECIALTY = 0.25
_LONE_SPECIALTY = 0.5
_ORGANISATION = 0.2


def _reads_as_specialty(text: str, title_probability: float, at_least: float) -> bool:
    return title_probability > at_least and not (legal_form(text) or INSTITUTION.search(text) or PUBLIC_BODY.search(text))


def prose_start(text: str, words_at_least: int = 6) -> bool:
    """The first line of a description wrapped under a header: six words or more (or `words_at_least`), most of
    them in lower case ("Responsible for mechanical research, design, and development of")."""
    words = text.split()
    return len(words) >= words_at_least and 2 * sum(w[:1].islower() for w in words) > len(words)


def reads_as_title(text: str) -> bool:
    """A title word, or the learned scorer sure the field is a job title ("Senior Visual Journalist")."""
    if TITLE_WORDS.search(text):
        return True
    probabilities = title_probabilities([text])
    return probabilities is not None and probabilities[0] >= _SURE_TITLE


def titles_read_as_names(titles: list[str]) -> list[str]:
    """The titles that read as an organisation's or a project's name, not a job title: no title word, and the learned
    scorer sure enough it is no title ("TEK Systems", "Double-Take Software", "AkaPi"). Empty when the scorer cannot
    run: then the reader has no opinion to offer."""
    untitled = [t for t in titles if not TITLE_WORDS.search(t)]
    probabilities = title_probabilities(untitled) if untitled else []
    if not probabilities:
        return []
    return [t for t, p in zip(untitled, probabilities, strict=True) if p < _SURE_ORGANISATION]


def _reads_as_organisation(text: str) -> bool:
    """No title words, and the learned scorer is sure the field names an organisation."""
    if TITLE_WORDS.search(text):
        return False
    probabilities = title_probabilities([text])
    return probabilities is not None and probabilities[0] <= _ORGANISATION


def _title_comma_employer(title: str, after: str) -> tuple[str, str] | None:
    """ "Title, Employer" read as one field with a short field after it on the same line: (title, employer) when
    the words or the scorer make the left part the title and the scorer reads the right part as an organisation
    (so "Senior Manager, Applied Science" stays whole), and the field after it is a place-like name -- a few
    capitalised words, no legal form."""
    if len(comma_parts(title)) != 2 or legal_form(after) or TITLE_WORDS.search(after):
        return None
    words = after.split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return None
    left, right = (part.strip() for part in comma_parts(title))
    if not left or not right or title_side(left, right) != 0:
        return None
    probabilities = title_probabilities([right])
    if probabilities is None or probabilities[0] > _SURE_ORGANISATION:
        return None
    return left, right


# How sure the learned title scorer (`assistant.resume.roles`) must be: the title at least `_SURE_TITLE`, every
# other field at most `_SURE_ORGANISATION`; between the two it has no opinion and the word rules stand.
_SURE_TITLE = 0.65


_SURE_ORGANISATION = 0.35
# A field the scorer all but rules out as a title: an organisation's name ("RWS Group" 0.02).
_ALL_BUT_SURE_ORGANISATION = 0.05


def learned_title(texts: list[str], sure: float = _SURE_TITLE, unsure: float = _SURE_ORGANISATION) -> int | None:
    """The index of the one text the learned scorer reads as the job title (at least `sure`), all others reading as
    organisations (at most `unsure`); None when it cannot run (no model) or no text stands out. Asked only where
    the title words leave the choice open: it costs a few sentence vectors per header."""
    if len(texts) < 2:
        return None
    probabilities = title_probabilities(texts)
    if probabilities is None:
        return None
    best = max(range(len(texts)), key=probabilities.__getitem__)
    if probabilities[best] >= sure and all(p <= unsure for k, p in enumerate(probabilities) if k != best):
        return best
    return None


def _titled_by_words(field: str) -> bool:
    """A title word in a field that does not name itself an organisation: none ending in a legal form ("Acme
    Engineering GmbH") or opening with an organisation's unit ("Department of Aerospace Engineering")."""
    return bool(TITLE_WORDS.search(field)) and not legal_form(field) and not ORGANISATION_UNIT.match(field)


def title_side(first: str, second: str) -> int | None:
    """Which of two header fields is the job title (0 or 1), the other being the employer; None when neither reads
    as one. The title words decide when exactly one field has them (a field ending in a legal form has none:
    "Acme Engineering GmbH", nor a field that opens with an organisation's unit: "Department of Aerospace
    Engineering"); when both or neither have them, the learned scorer decides."""
    first_titled, second_titled = _titled_by_words(first), _titled_by_words(second)
    if first_titled != second_titled:
        return 0 if first_titled else 1
    # Neither names a title word the reader knows ("Ricercatore, Istituto Nazionale di Fisica", "Software-
    # ontwikkelaar, Van der Berg B.V."): a field that names itself an organisation -- a legal form, a school or
    # institute -- is the employer, and the other the title.
    first_named, second_named = (bool(legal_form(f) or INSTITUTION.search(f)) for f in (first, second))
    if not first_titled and first_named != second_named:
        return 1 if first_named else 0
    side = learned_title([first, second])
    if side is None and not first_titled and not second_titled and (both := title_probabilities([first, second])):
        # Neither side has a title word and the scorer is sure of neither as a title ("Proofreader, RWS Group"):
        # when it is all but sure one side is an organisation and reads the other as far likelier a title, that
        # one is the title.
        low, high = sorted(range(2), key=both.__getitem__)
        if both[low] <= _ALL_BUT_SURE_ORGANISATION and both[high] >= both[low] + 0.3:
            side = high
    return side


def place_only(text: str) -> bool:
    """A field that is only a place ("India", "Berlin, DE", "Dallas, TX (and other locations)", "Berlin (hybrid)",
    "(Madrid-España)"): never the employer. A bracketed note after the place says how the role was held there, not
    whose it was; a place wholly in brackets is still one (wrapped off the employer's name it closed)."""
    bare = re.sub(r"\s*\([^()]*\)\s*$", "", text.strip())
    if bare and bare != text.strip():
        return place_only(bare)
    if (bracketed := re.fullmatch(r"\(([^()]+)\)", text.strip())) is not None:
        return place_only(bracketed.group(1))
    # A city and its country joined by a hyphen ("Huaraz-Perú", "Derby-UK"): the country last, the city a known one
    # or a region ("Coca-Cola", "Rolls-Royce" are neither).
    hyphened = re.fullmatch(r"(?P<city>[^\W\d][^,()–-]*?)\s*[–-]\s*(?P<country>[^\W\d][^,()–-]*)", text.strip())
    if hyphened and known_region(hyphened.group("country")) and (
            known_city(hyphened.group("city")) or known_region(hyphened.group("city"))):
        return True
    # Two places or more, where the role was held in each ("Singapore & Yokohama, Japan", "London / Remote"): a
    # place when every part is one ("Bath & Body Works" is not: "Body Works" is no place).
    parts = _PLACES_JOINED.split(bare)
    if len(parts) > 1:
        return all(part and place_only(part) for part in parts)
    lowered = text.strip().lower()
    return known_region(text) or bool(REMOTE.fullmatch(lowered)) or (find_location(text) or (1, ""))[0] == 0 or (
        known_city(text))


_PLACES_JOINED = re.compile(r"\s+(?:&|and|/|\+)\s+", re.IGNORECASE)


# What is left of a date phrase once its years are cut out ("Summer 2012 and 2013" leaves "and").
_CONNECTOR_ONLY = re.compile(r"(?:and|&|to|or|since|from|until|[,;:() -])*\s*(?:(?:19|20)\d\d)?[\s,;)]*", re.IGNORECASE)


# "at" in the languages the reader covers ("Praktikant bei Ahrens", "Ingénieur chez Airbus", "Tech Lead à Lectra", "Engenheiro na
# Pagueja", "Sviluppatore presso Officina", "Ontwikkelaar bij Adyen"), and "@" before any name ("intern @ greenleaf").
# A name in lower case after "at" is one word ending the field ("Research Fellow at spotify"), not a phrase.
_AT_EMPLOYER = re.compile(
    r"\s+(?:(?:at|bei|chez|na|no|em|presso|bij|à)\s+(?=[A-Z0-9]|[a-z][\w.&'-]*\s*$)|@\s*(?=\w))")


# "at" (or "@", "bei", "chez", ...) ending a header line: the employer went on to the next line.
_DANGLING_AT = re.compile(r"\s+(?:at|bei|chez|presso|bij|à|@)\s*$", re.IGNORECASE)


_SLASH_EMPLOYER = re.compile(r"\s+/\s+(?=[A-Z0-9])")


# "Founder of fastlane", "CEO & Co-founder of Sotaky": whom a founder or chief officer leads is the employer. Only a
# name (capitalised, a digit, or one lower-case word ending the field), not "Head of Data" or "President of the club".
_FOUNDER_OF = re.compile(
    r"(?P<title>.*\b(?:co-?founder|founder|owner|ceo|cto|coo|cfo|cpo|chief \w+ officer))\s+of\s+"
    r"(?P<employer>(?:[A-Z0-9][\w.&'-]*)(?:\s+[A-Z0-9][\w.&'-]*)*|[a-z][\w.&'-]*)\s*", re.IGNORECASE)


def split_at_employer(field: str) -> list[str]:
    """ "Engineering Manager, ML at Globex" -> ["Engineering Manager, ML", "Globex"] (only after a job title: one
    with a title word, or one the learned scorer reads as a title beside an organisation, "Statistician at
    Northwind"); "Founder of fastlane" -> ["Founder", "fastlane"]."""
    founder = _FOUNDER_OF.fullmatch(field.strip())
    if founder is not None and founder["employer"][:1] == founder["employer"][:1].upper() or (
            founder is not None and " " not in founder["employer"]):
        return [founder["title"].strip(), founder["employer"].strip()]
    parts = _AT_EMPLOYER.split(field, maxsplit=1)
    if len(parts) == 2 and parts[1].strip() and (
            TITLE_WORDS.search(parts[0]) or title_side(parts[0].strip(), parts[1].strip()) == 0):
        at = list(_AT_EMPLOYER.finditer(field))
        if at[0].group().strip() == "em" and len(at) > 1 and field[at[-1].end():].strip():
            # "Tech Lead em Typescript na Coteminas": Portuguese "em" says what the title is in, the next word
            # where it was held; the employer follows that one.
            return [field[: at[-1].start()].strip(), field[at[-1].end():].strip()]
        return [parts[0].strip(), parts[1].strip()]
    parts = _SLASH_EMPLOYER.split(field, maxsplit=1)
    if len(parts) == 2 and legal_form(parts[1].strip()) and TITLE_WORDS.search(parts[0]) and "," not in parts[0]:
        # "Software Developer / Smartway Studio S.L.": a slash between spaces joins two titles ("Developer /
        # Designer") or places ("Blumenau, SC / Germany") unless a title is before it and a company's legal form
        # ends what follows it.
        return [parts[0].strip(), parts[1].strip()]
    return [field]


def _split_company_line(field: str) -> list[str]:
    """ "Gilmore Financial, New Orleans, LA, Certified Public Accountant" -> company, "New Orleans, LA", title;
    "Globex, Boston, Massachusetts, USA" -> company, "Boston, Massachusetts, USA"; "Acme, Inc., London" -> "Acme,
    Inc.", "London". A comma inside brackets parts nothing: "Programmeur (C#, SQL, PHP, HTML)" is one title."""
    parts = [p.strip() for p in comma_parts(field) if p.strip()]
    out: list[str] = []
    index = 0
    while index < len(parts):
        pair = ", ".join(parts[index: index + 2])
        found = find_location(pair) if index + 1 < len(parts) else None
        if found is not None and found[0] == 0:
            index += 2
            while index < len(parts) and (known_region(parts[index]) or re.fullmatch(r"[A-Z]{2,3}", parts[index])):
                # "Boston, Massachusetts, USA": the country after the city and its state is the same place.
                pair += ", " + parts[index]
                index += 1
            out.append(pair)
        elif out and len(parts[index].split()) == 1 and legal_form(parts[index]):
            # "Acme, Inc., London, UK": the legal form after its comma is the end of the employer's name.
            out[-1] += ", " + parts[index]
            index += 1
        else:
            out.append(parts[index])
            index += 1
    return out
