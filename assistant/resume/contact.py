"""Who the resume is about: the candidate's name, e-mail, phone, links and location.

The name is read the ways a person finds it -- the largest line on the first page, a line set apart above the
contact block, the document's metadata, the spelling an e-mail address gives, a "Name:" label -- and its form
repaired (spaced capitals, "Surname, Given", credentials and taglines dropped). Phones are told from dates,
amounts and identifiers; e-mails wrapped across lines are joined. `read_contact` is the entry point;
`typeset_name` and `largest_line` are also asked by the parser (a heading must not be the name).
"""

from __future__ import annotations

import re
import unicodedata

from assistant.resume.headings import Typography, heading_name, keyword_kind, lexicon_kind
from assistant.resume.models import Contact, Line
from assistant.resume.places import known_region
from assistant.resume.vocabulary import (
    CONTACT_LABEL,
    DEGREE,
    EMAIL,
    NAME_STOP,
    NUMERIC_DATE,
    PHONE,
    RANGE,
    SEPARATORS,
    TITLE_WORDS,
    URL,
    YEAR,
    find_location,
)


def largest_line(lines: list[Line], typography: Typography) -> int | None:
    """Index of the first line set in the largest size on the first page (a resume's name), if it stands out."""
    best: tuple[float, int] | None = None
    for index, line in enumerate(lines[:40]):
        style = typography.style(line)
        if style is not None and style.page == 1 and (best is None or style.size > best[0] + 0.1):
            best = (style.size, index)
    if best is None or best[0] < 1.2 * typography.body:
        return None
    return best[1]


# Name particles ("Álvaro Amorim de Oliveira Martins", "Ludwig van Beethoven", "Zoë Ní Bhriain"), in any case.
_NAME_PARTICLES = {
    "de", "van", "von", "da", "del", "la", "le", "bin", "al", "dos", "das", "do", "der", "den", "di", "du", "y", "e",
    "ten", "ter", "af", "della", "bint", "ibn", "ben", "ní", "nic", "mac", "zu", "vom", "des", "lo", "los", "las",
    "st.", "dei", "degli",
}
# Words a header line may hold that a person's name does not: what a document, a section, a contact block, a
# company or a role is called. Whole words only (a surname such as "Whitehead" or "Stafford" contains "head" or
# "staff"), and none that is also a common surname or name part ("Page", "Head", "Bank", Brazil's "Junior").
_NOT_NAME_WORDS = {
    "personal", "details", "information", "data", "profile", "contact", "contacts", "europass", "portfolio",
    "about", "address", "email", "e-mail", "phone", "mobile", "telephone", "linkedin", "github", "website",
    "references", "available", "request", "skills", "experience", "education", "objective", "languages", "work",
    "history", "professional", "career", "university", "college", "school", "institute", "inc", "inc.", "llc",
    "ltd", "ltd.", "gmbh", "corp", "corp.", "plc", "company", "group", "technologies", "solutions", "consulting",
    "systems", "services", "senior", "lead", "principal", "chief", "officer", "intern", "remote", "hybrid",
    "city", "avenue", "learning", "machine", "software", "engineering",
    "science", "research", "technical", "the", "and", "of", "for", "with", "in", "at", "my", "me", "your",
    # roles and fields a tagline names ("Product Designer", "Cloud Architect", "AI Strategist")
    "architect", "designer", "consultant", "founder", "co-founder", "cofounder", "president", "specialist",
    "administrator", "programmer", "professor", "lecturer", "teacher", "advisor", "adviser", "strategist",
    "product", "researcher", "freelancer", "expert", "evangelist", "executive", "ceo", "cto", "cfo",
    "coo", "cio", "vp", "svp", "evp", "student", "graduate", "candidate", "technologist", "practitioner",
    "recruiter", "analytics", "ml", "mlops", "devops", "cloud", "platform", "infrastructure", "security",
    "full-stack", "fullstack", "backend", "frontend", "web", "digital", "marketing", "operations", "area",
    "finance", "business", "team", "teams", "enthusiast", "aspiring", "hello", "thank", "thanks", "you", "welcome",
    # what companies call themselves (not "AI", "Sales", "Bank": a given name and surnames too)
    "limited", "sarl", "s.a.", "srl", "pty", "bv", "b.v.", "nv", "n.v.", "kg", "labs", "lab", "studio", "studios",
    "agency", "partners", "holdings", "ventures", "capital", "technology", "tech", "networks", "media", "health",
    "foundation", "association", "society", "council", "ministry", "department", "hospital", "clinic",
    "airlines", "motors", "energy", "insurance",
    # the same roles and fields in German, French, Spanish and Portuguese ("Ingeniero de Datos", "Cientista de
    # Dados", "Ingénieure Logiciel")
    "ingeniero", "ingeniera", "engenheiro", "engenheira", "ingénieur", "ingénieure", "ingenieur", "ingenieurin",
    "desarrollador", "desarrolladora", "desenvolvedor", "desenvolvedora", "développeur", "développeuse",
    "entwickler", "entwicklerin", "científico", "científica", "cientista", "analista", "gerente", "jefe", "jefa",
    "directeur", "directrice", "diretor", "diretora", "datos", "dados", "données", "daten", "consultor",
    "consultora", "berater", "beraterin", "leiter", "leiterin", "chercheur", "chercheuse", "investigador",
    "investigadora", "pesquisador", "pesquisadora", "programador", "programadora", "arquitecto", "arquiteto",
    "architecte", "logiciel", "informática", "informatique", "informatik",
}
# A courtesy or academic title before a name ("Dr. Jane Doe", "Prof Jane Doe"): dropped like a credential after it.
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|miss|mx|dr|prof|professor)\.?\s+(?=[A-ZÀ-Þ])", re.IGNORECASE)
# A portfolio's greeting before the name ("I'm Jane Doe.", "Hi, I am Jane Doe", "Je suis ...", "Ich bin ..."): the
# name is what follows it.
_INTRODUCTION = re.compile(
    r"^(?:(?:hi|hello|hey|hola|bonjour|hallo|olá|ciao)\s*[,!.]?\s+)?(?:i['’]m|i am|my name is|je suis|je m['’]appelle"
    r"|me llamo|ich bin|mi chiamo)\s+(?=[A-ZÀ-Þ])", re.IGNORECASE)
# First words of place names: a header line such as "San Francisco Bay Area" or "New South Wales" is a place.
_PLACE_FIRST_WORDS = {
    "los", "las", "santa", "new", "fort", "saint", "mountain", "palo", "salt", "buenos", "kuala", "tel", "cape",
    "greater",
}  # (not "San", "Hong", "Abu", "Sao": they also open people's names)
_NAME_PART = (r"(?:surname|(?:first|given)\s+name|name|pr[ée]nom|nom|apellido|nombre|nachname|vorname|apelido|nome"
              r"|cognome)(?:\([sn]\))?(?:\s+pr[óo]prio(?:\(s\))?)?")
# A label before the name in a form-like CV ("Name: …", "Name / Surname …", "Full name …", "Nom : …", "Nombre …").
_NAME_LABEL = re.compile(
    r"^(?:(?:full|first\s+and\s+last|given\s+and\s+family)\s+name|name\s*(?:[/&]|and)\s*surname|surname\s*(?:[/&,]|and)"
    r"\s*(?:first\s*|given\s*)?names?|name|nom(?:\s+et\s+pr[ée]nom|\s+complet)?|pr[ée]nom\s+et\s+nom"
    r"|nombre(?:\s+completo|\s+y\s+apellidos?)?|nome\s*(?:[/&]|e)\s*cognome|nome(?:\s+completo)?"
    r"|(?:vollst[äa]ndiger\s+)?name"
    r"|vor-?\s*und\s+nachname"
    # Europass's "Surname(s) / First name(s)", "Prénom(s) / Nom(s)", "Apellido(s) / Nombre(s)", "Nachname(n) /
    # Vorname(n)", "Apelido(s) / Nome(s) próprio(s)": two name parts, each perhaps pluralised in brackets.
    # The label ends at a colon, or at a table's cell border where a definition list was printed as a table.
    rf"|{_NAME_PART}\s*/\s*{_NAME_PART})\s*[:：|]?\s+(?P<name>\S.*)$",
    re.IGNORECASE,
)
# What a header line may say around the name: the document's own title ("Curriculum Vitae – Jane Doe",
# "Jane Doe — Résumé", "Resume of Jane Doe").
DOCUMENT_TITLE = r"(?:curriculum\s+vitae|r[ée]sum[ée]|cv|lebenslauf|curr[íi]culo)"
_TITLE_PREFIX = re.compile(rf"^{DOCUMENT_TITLE}\s*(?:[-–—:|·•]\s*|\s+(?:of|de|von|du)\s+)", re.IGNORECASE)
_TITLE_SUFFIX = re.compile(rf"\s*(?:[-–—:|·•,]\s*|\s+)(?:'s\s+)?{DOCUMENT_TITLE}$", re.IGNORECASE)
# Pronouns in brackets after a name ("Jane Doe (she/her)", "Jane Doe [they/them]"): not part of the name. (A
# nickname in brackets or quotes, 'Wei (David) Zhang', is printed as part of it and kept.)
_NAME_ASIDE = re.compile(r"\s*[(\[]\s*(?:she|he|they|her|him|them|hers|his|theirs|ze|xe)(?:\s*/\s*\w+)*\s*[)\]]",
                         re.IGNORECASE)
# A name the text layer breaks inside its words: a drop capital or a small-caps first letter set apart
# ("J ane Doe", "R OSA O KONKWO"), or a name set as one camel-case word when the space between two fonts was
# lost ("JaneDoe").
_DROPPED_CAPITAL = re.compile(r"(?<![\w.'’-])([A-ZÀ-Þ]) (?=[a-zà-ÿ]{2,}\b)")
_SPLIT_CAPS = re.compile(r"(?:[A-ZÀ-Þ] [A-ZÀ-Þ]{2,}(?: |$)){2,}")
def _camel_parts(text: str) -> list[str] | None:
    """"MarekHavlíček" -> ["Marek", "Havlíček"]: two or three capitalised words of three letters or more run
    together (in any alphabet's letters, by their case), else None."""
    if not text.isalpha():
        return None
    parts = re.split(r"(?<=[^\W\d_])(?=[^\W\d_])", text)  # one letter a part, then joined back by case
    words: list[str] = []
    for letter in parts:
        if words and not (letter.isupper() and words[-1][-1].islower()):
            words[-1] += letter
        else:
            words.append(letter)
    if 2 <= len(words) <= 3 and all(len(w) >= 3 and w[0].isupper() and w[1:].islower() for w in words):
        return words
    return None


def _repair_name_spacing(text: str) -> str:
    if _SPLIT_CAPS.fullmatch(text):
        return re.sub(r"(?<![A-ZÀ-Þ])([A-ZÀ-Þ]) ", r"\1", text).strip()
    camel = _camel_parts(text)
    if camel:
        return " ".join(camel)
    # "NoelVAN DORN": a given name run into a surname set in capitals.
    text = _GIVEN_INTO_CAPITALS.sub(r"\1 \2", text)
    return _DROPPED_CAPITAL.sub(r"\1", text)


_GIVEN_INTO_CAPITALS = re.compile(r"(?<![^\s])([A-ZÀ-Þ][a-zà-ÿ]{2,})([A-ZÀ-Þ]{2,})(?=\s|$)")


def _looks_like_name(text: str, first: bool) -> bool:
    words = [w.strip("()[]\"“”‘’") if re.fullmatch(r"[(\[\"“‘][^\s()]+[)\]\"”’]", w) else w for w in text.split()]
    given = [w for w in words if w.lower() not in _NAME_PARTICLES]
    if not 1 <= len(given) <= 4 or len(words) > 6 or NAME_STOP.search(text) or URL.search(text):
        return False
    if len(words) == 1 and not (first and text.isupper() and len(text) > 2):
        return False
    if any(w.lower().strip(",.:;") in _NOT_NAME_WORDS for w in words) or heading_name(text):
        return False
    if words[0].lower() in _PLACE_FIRST_WORDS or known_region(text):
        return False
    if len(given) == len([w for w in given if re.fullmatch(r"[A-ZÀ-Þ]\.?", w)]):
        return False  # initials alone ("J. D.") say who, but are not a name to show
    # Each word starts with a capital, accented ones included ("ÁLVARO", "Émilie"), or with an elided particle
    # ("d'Alembert"); an apostrophe or a hyphen may join parts ("O'Connor-Lund", "Al-Farsi"). A nickname in quotes
    # between the names may be set in lower case (Gary "gazzo" Lombardo), though not as the first or last word.
    quoted = {k for k, w in enumerate(text.split()) if 0 < k < len(text.split()) - 1
              and re.fullmatch(r"[\"“‘'][^\W\d_][\w'’.-]*[\"”’']", w)}
    return all((w[0].isupper() or k in quoted or re.match(r"[a-z]{1,4}['’][^\W\d_]", w) is not None)
               and re.fullmatch(r"[^\W\d_][\w'’.-]*", w) for k, w in enumerate(words)
               if w.lower() not in _NAME_PARTICLES)


def _styled_name(text: str, lower_case: bool = False) -> bool:
    """A name as a template styles it: capitalised words, or all capitals (or, for the page's largest line, all
    lower case) that read as a name once capitalised ("JANE DOE", "jane doe")."""
    return _looks_like_name(text, first=True) or (
        (text.isupper() or (lower_case and text.islower())) and 2 <= len(text.split()) <= 6
        and _looks_like_name(text.title(), True))


def _plain_letters(text: str) -> str:
    """Lower-case ASCII letters only, accents removed: how a name is spelled in an email address."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return re.sub(r"[^a-z]", "", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def _email_agrees(name: str, emails: list[str]) -> bool:
    """Whether an email address's local part spells part of `name` (its surname, or a given name of 3+ letters):
    "jane.doe@…", "jdoe@…", "doej@…" agree with "Jane Doe"."""
    parts = [_plain_letters(w) for w in name.split() if w.lower() not in _NAME_PARTICLES]
    parts = [p for p in parts if len(p) >= 3]
    locals_ = [_plain_letters(e.split("@", 1)[0]) for e in emails]
    return any(p in local for p in parts for local in locals_ if local)


def _name_from_metadata(lines: list[Line], document_names: list[str]) -> str | None:
    """A last resort: the PDF's stored author or title ("Jane Doe", "Jane Doe - Resume"), when it reads as a name
    and one of the first lines prints it (a layout may have merged the name into another line). The stored value
    alone is never taken: it is often the account that made the file, not the candidate."""
    top = [re.sub(r"\s+", " ", line.text) for line in lines[:40]]
    for stored in document_names:
        name = _name_form(stored)
        if not _looks_like_name(name, first=False) or len(name.split()) < 2:
            continue
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
        for line in top:
            found = pattern.search(line)
            if found:
                return found.group()  # as the page prints it
    return None


def _name_spelled_by_email(lines: list[Line], emails: list[str]) -> str | None:
    """The last resort: two to four capitalised words on one of the first lines that the email address spells
    out ("oluwaseun.adeyemi@…" and a line "Summary Oluwaseun Adeyemi" a layout merged with a heading). Two of the
    words must each appear in the address's local part, so a line merely sharing a surname is not enough."""
    local_parts = [_plain_letters(e.split("@", 1)[0]) for e in emails[:1]]
    if not local_parts or len(local_parts[0]) < 6:
        return None
    local = local_parts[0]
    for line in lines[:30]:
        words = _trim_name_line(line.text).split()
        for size in (4, 3, 2):
            for start in range(0, len(words) - size + 1):
                window = words[start: start + size]
                spelled = [w for w in window if len(_plain_letters(w)) >= 3 and _plain_letters(w) in local]
                text = " ".join(window)
                if len(spelled) >= 2 and window[0] in spelled and window[-1] in spelled and _styled_name(text):
                    return text
    return None


def _name_in_line(text: str, first: bool) -> str | None:
    """The name a header line holds, if it holds one: its first field (before a separator or a contact label),
    "Doe, Jane" and "Jane Doe, PhD" put in natural order (not "Oakland, CA", not "Vice President, Banking")."""
    piece = SEPARATORS.split(CONTACT_LABEL.split(_trim_name_line(text))[0])[0].strip()
    if "," in piece and not _looks_like_name(piece, first) and (
            _CREDENTIAL.fullmatch(piece.rsplit(",", 1)[1].strip()) or find_location(piece) is None) and not \
            TITLE_WORDS.search(_name_form(piece)):
        piece = _name_form(piece)
    return piece if _looks_like_name(piece, first) else None


def _set_apart(line: Line, typography: Typography | None) -> bool:
    style = typography.style(line) if typography is not None else None
    return style is not None and style.page == 1 and typography is not None and typography.set_apart(style)


def _prominent_name(lines: list[Line], typography: Typography | None, emails: list[str]) -> str | None:
    """A name-like line set apart by typography (bigger, bold or capitals) within four lines of a contact line
    (email, phone or link) near the top of the first page: a name that is neither the largest line nor in the
    header before the first heading (a sidebar read first, a banner above it). One the email address spells wins;
    otherwise the one nearest the contact lines."""
    if typography is None:
        return None
    top = lines[:40]
    contact_at = [i for i, line in enumerate(top) if EMAIL.search(line.text) or PHONE.search(line.text)
                  or URL.search(line.text)]
    found: list[tuple[int, str]] = []
    for index, line in enumerate(top):
        distance = min((abs(index - c) for c in contact_at), default=99)
        if distance > 4 or not _set_apart(line, typography) or heading_name(line.text):
            continue
        text = _name_form(line.text)
        if _styled_name(text):
            found.append((distance, text))
    if not found:
        return None
    spelled = [text for _, text in found if _email_agrees(text, emails)]
    return spelled[0] if spelled else min(found)[1]


def _name_beside_contact(lines: list[Line]) -> str | None:
    """The name in a header block that the PDF drew after the body (sidebar templates put it last in the stream):
    a name-like line at most two lines above the first line holding an email address or a phone number, or the
    words before the address on that line itself ("Jane Doe jane@example.org +1 555 0100")."""
    for index, line in enumerate(lines):
        contact = EMAIL.search(line.text) or PHONE.search(line.text)
        if contact:
            for above in lines[max(0, index - 2): index]:
                text = None if heading_name(above.text) else _name_in_line(above.text, first=False)
                if text is not None:
                    return text
            before = _name_form(line.text[: contact.start()].strip())
            if before and _styled_name(before):
                return before
            return None
    return None


def _labelled_name(lines: list[Line]) -> str | None:
    """The name a form-like CV gives after a label ("Name: Jane Doe", "Name / Surname Doe, Jane", "Full name
    Jane Doe", "Nom : Jane Doe"), among the first lines."""
    for line in lines[:25]:
        match = _NAME_LABEL.match(line.text.strip())
        if match:
            text = _name_form(match.group("name").strip())
            if _styled_name(text):
                return text
    return None


def _same_size_continuation(lines: list[Line], index: int, typography: Typography) -> str | None:
    """The rest of a big name the page sets over two lines ("Ingrid" / "Salvesen", "Priyanka Raghunathan-" /
    "Holt"): the next line in the same size and at the same left edge, within a few lines (a contact block
    set beside the name may come between them in reading order)."""
    first = typography.style(lines[index])
    if first is None:
        return None
    for offset, line in enumerate(lines[index + 1: index + 5]):
        style = typography.style(line)
        if style is None or style.page != first.page:
            return None
        if abs(style.size - first.size) < 0.5 and (offset == 0 or abs(style.x - first.x) <= 3):
            # (Right after it, a centred second line may start elsewhere; further down, only the same left edge
            # is the same block.)
            return line.text.strip()
        if style.size > first.size:
            return None
    # Read in columns, the second line can come much later ("Ingrid" heads the page, "Salvesen" the sidebar read
    # after the main column): then it is the one other line of the page in the name's size.
    same = [line.text.strip() for line in lines[index + 1: index + 120]
            if (style := typography.style(line)) is not None and style.page == first.page
            and abs(style.size - first.size) < 0.5]
    return same[0] if len(same) == 1 and re.fullmatch(r"[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*)?", same[0]) else None


def _largest_later_on_first_page(lines: list[Line], typography: Typography, first: int | None) -> int | None:
    """A line further down the first page's reading order (past the 40 lines `largest_line` looks at) set larger
    than any before it: the name at the top of a sidebar the PDF drew after a long main column."""
    top = typography.style(lines[first]) if first is not None else None
    best: tuple[float, int] | None = None
    for index, line in enumerate(lines[40:], start=40):
        style = typography.style(line)
        if style is None or style.page > 1:
            if style is not None:
                break
            continue
        if (top is None or style.size > top.size + 0.1) and (best is None or style.size > best[0] + 0.1):
            best = (style.size, index)
    if best is None or best[0] < 1.2 * typography.body:
        return None
    return best[1]


def typeset_name(lines: list[Line], typography: Typography | None) -> str | None:
    """The name as a reader finds it: the largest line on the first page, when it reads as a name ("JANE DOE",
    "Doe, Jane" put in natural order; a credential after a comma dropped), joined with its second line when the
    page sets the name over two lines in that size. When the largest line is no name (a page title, "Resume", set
    above a sidebar's name), the first line of the next sizes down that still stand out."""
    if typography is None:
        return None
    index = largest_line(lines, typography)
    later = _largest_later_on_first_page(lines, typography, index)
    if later is not None:
        index = later
    if index is None:
        return None
    name = _name_set_at(lines, index, typography)
    if name is not None or later is not None:
        return name
    for smaller in _next_sizes_down(lines, typography, index):
        if lexicon_kind(lines[smaller].text) or keyword_kind(lines[smaller].text):
            continue  # a section heading set in that size ("Profil" under "Lebenslauf")
        if (name := _name_set_at(lines, smaller, typography)) is not None:
            return name
    return None


def _next_sizes_down(lines: list[Line], typography: Typography, largest: int) -> list[int]:
    """The first line of each of the two sizes below the largest line's that still stand out from the body, on the
    first page's first 40 lines, largest first."""
    top = typography.style(lines[largest])
    firsts: dict[float, int] = {}
    for index, line in enumerate(lines[:40]):
        style = typography.style(line)
        if (style is not None and style.page == 1 and top is not None and style.size < top.size - 0.1
                and style.size >= 1.2 * typography.body):
            firsts.setdefault(round(style.size, 1), index)
    return [firsts[size] for size in sorted(firsts, reverse=True)[:2]]


def _name_set_at(lines: list[Line], index: int, typography: Typography) -> str | None:
    """The name the line at `index` sets, with its second line where the name runs over two, or None."""
    text = re.sub(r"\s+", " ", lines[index].text).strip()
    rest = _same_size_continuation(lines, index, typography)
    joined = False
    if (len(text.split()) <= 3 or text.endswith("-")) and rest is not None and (
            text.endswith("-") or len(rest.split()) <= 3) and (
            text.endswith("-") or len(text.split()) == 1 or (
            # Two or three words over one more in the name's size ("Beatriz Almeida" / "Thorne", "Andrés Felipe
            # Rojas" / "Cárdenas": two given names and two surnames): only a word that reads as the rest of a
            # name, not a tagline set as large.
            re.fullmatch(r"[^\W\d_][\w'’.-]*", rest) and not NAME_STOP.search(rest)
            and not TITLE_WORDS.search(rest) and rest.lower() not in _TAGLINE_START)):
        # A name broken at its hyphen joins without a space; a name set word over word joins with one.
        text = f"{text}{rest}" if text.endswith("-") else f"{text} {rest}"
        joined = True
    name = _name_form(text)
    if not _styled_name(name, lower_case=True) and rest is not None and not joined:
        # A name and a tagline wrapped under it in the same size ("Timo Brückner, PMTS Software" / "Engineer bei
        # Salesforce"): the line alone reads as "Surname, Given"; read with the rest of the tagline, as a reader
        # reads a wrapped line, the comma ends the name.
        name = _name_form(f"{text} {rest}")
    return name if _styled_name(name, lower_case=True) else None


def _trim_name_line(text: str) -> str:
    """A header line without what surrounds a name on it: contact details after it, pronouns in brackets, the
    document's title before or after it ("Curriculum Vitae – Jane Doe", "Jane Doe — Résumé"), decoration, a
    courtesy title, and a tagline run on after it; a name the text layer broke inside its words is mended."""
    text = re.sub(r"\s+", " ", text).strip()
    words = text.split()
    if len(words) >= 2 and len(words) % 2 == 0 and words[: len(words) // 2] == words[len(words) // 2:]:
        # The name drawn twice on its line ("Jane Doe Jane Doe": a theme that sets the name once per style,
        # or once for print and once for the screen, at the same place) is one name.
        text = " ".join(words[: len(words) // 2])
    contact = [m.start() for m in (EMAIL.search(text), PHONE.search(text), URL.search(text)) if m and m.start()]
    if contact:
        text = text[: min(contact)].rstrip(" |·•,;-–—")
    text = _repair_name_spacing(_INTRODUCTION.sub("", _NAME_ASIDE.sub("", text).strip()))
    text = _TITLE_SUFFIX.sub("", _TITLE_PREFIX.sub("", text)).strip()
    # Decoration around it ("• Jane Doe", "— JANE DOE —", "Jane Doe.") and a courtesy title before it.
    text = re.sub(r"^[^\w(\"“]+|[^\w.)\"”]+$", "", text).rstrip(".") if not re.search(r"\b[A-Z]\.$", text) else text
    return _name_before_tagline(_HONORIFIC.sub("", text).strip())


# Words a tagline after a name opens with (a seniority or a field): "Senior Data Scientist", "ML Platform Lead".
_TAGLINE_START = {
    "senior", "junior", "lead", "principal", "chief", "head", "staff", "data", "machine", "software", "ml", "ai",
    "product", "cloud", "full-stack", "fullstack", "backend", "frontend", "research", "engineering", "technical",
    "vp", "svp", "evp", "ceo", "cto", "associate", "assistant", "deputy", "executive", "founder", "co-founder",
}


def _name_before_tagline(text: str) -> str:
    """A name with a tagline run on after it on the same line, no separator between ("Jane Doe Senior Data
    Scientist", "Mary Ann Smith Product Designer"): the shortest run of two to four opening words that reads as a
    name and is followed by a word no name holds ("Jane Doe Staff Engineer": "Jane Doe"). Any other text is
    returned unchanged."""
    words = text.split()
    if len(words) < 3 or _styled_name(text):
        return text
    for size in range(2, min(4, len(words) - 1) + 1):
        head, following = " ".join(words[:size]), words[size]
        if (following.lower() in _TAGLINE_START or NAME_STOP.search(following) or TITLE_WORDS.fullmatch(
                following)) and _styled_name(head):
            return head
    return text


def _name_form(text: str) -> str:
    """A name line in natural order without what surrounds the name: "Doe, Jane" -> "Jane Doe"; "Jane Doe, PhD",
    "Jane Doe | Data Leader", "Jane Doe (she/her)", "Curriculum Vitae – Jane Doe" and "Jane Doe
    jane@example.org" -> "Jane Doe"."""
    text = _trim_name_line(text)
    surname_first = re.fullmatch(
        r"((?:(?:[a-zà-þ]{1,4}\.?) ){0,2}[A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’-]+)?), ([A-ZÀ-Þ][\w'’.-]+(?: [A-ZÀ-Þ][\w'’.-]+)*)",
        text)
    if surname_first and find_location(text) is None and not _CREDENTIAL.fullmatch(surname_first.group(2)) and not (
            NAME_STOP.search(surname_first.group(2)) or TITLE_WORDS.search(surname_first.group(2))) and all(
            w.lower() in _NAME_PARTICLES for w in surname_first.group(1).split()[:-1] if w[:1].islower()) and not (
            _ACRONYMS.fullmatch(surname_first.group(2)) and not surname_first.group(1).isupper()):
        # ("Sofia Marchetti, Junior Data Engineer" is a name and a tagline, not "Surname, Given"; "Oakland, CA" is
        # a place; "Andrew Pellham, MSW" and "Python, SQL" end in an acronym, no given name, unless the whole line
        # is in capitals: "DOE, JANE".)
        text = f"{surname_first.group(2)} {surname_first.group(1)}"
    else:
        text = re.split(r",\s*|\s+[|·•–—]\s+|\s+-\s+", text)[0]
    return _CREDENTIAL_TAIL.sub("", text).strip()


_ACRONYMS = re.compile(r"[A-Z]{2,5}(?: [A-Z]{2,5})*")
_CREDENTIAL = re.compile(
    r"(?:ph\.?d|m\.?d|mba|m\.?sc?|b\.?sc?|mcs|cpa|pe|jr|sr|pmp|cfa|mph|rn|cissp|frm|acca|p\.?\s?eng|dr)\.?",
    re.IGNORECASE)
_CREDENTIAL_TAIL = re.compile(
    r"(?:,?\s+(?:ph\.?d|mba|m\.?sc|mcs|cpa|pmp|cfa|mph|cissp|frm|acca|p\.?\s?eng)\.?)+$", re.IGNORECASE)


_WRAPPED_EMAIL_END = re.compile(r"(@[\w-]+(?:\.[\w-]+)*\.[a-z]{1,3})\n([a-z]{1,3})(?=\n|$)")
# ... or inside its domain ("…@exa" / "mple.org", or right after the "@", where LaTeX's url macros may break): a
# partial domain with no dot, then a line that is only the rest.
# (Either in capitals too: a template that sets the contact block in capitals, "…@EXAMPL" / "E.COM".)
_WRAPPED_EMAIL_DOMAIN = re.compile(r"(@[\w-]*)\n([\w-]*\.[\w.-]*(?:[a-z]{2,}|[A-Z]{2,}))(?=\n|$)")
# ... or at its last dot ("…@example." / "com"): no address ends in a dot, so the next line's lone word is its end.
_WRAPPED_EMAIL_AFTER_DOT = re.compile(r"(@[\w-]+(?:\.[\w-]+)*\.)\n([a-z]{2,6}|[A-Z]{2,6})(?=\n|$)")


# Digit runs that are identifiers, not phone numbers: after "arXiv:", "ISBN", "ISSN", "DOI", "ORCID", "ID", or
# shaped like an arXiv identifier (4 digits, a dot, 4-5 digits).
_NOT_A_PHONE = re.compile(r"(?:arxiv|isbn|issn|doi|orcid|\bid)\s*[:#]?\s*$", re.IGNORECASE)
_ARXIV_ID = re.compile(r"\d{4}\.\d{4,5}")
# A North American number spelled with letters at its end ("216-202-LEON", "(800) 555-CODE").
_VANITY_PHONE = re.compile(r"(?<![\w/.])(?:\+?1[-. ]?)?\(?\d{3}\)?[-. ]?\d{3}[-. ][A-Z]{4}(?![\w])")


_PHONE_HEAD = re.compile(r"(?:^|[\s:])(?P<head>\+?\(?\d[\d().\s-]{2,}\d\)?)$")
_PHONE_TAIL = re.compile(r"\d[\d\s.-]{2,}\d")


def _wrapped_phone(lines: list[Line]) -> str | None:
    """A phone number a narrow contact column wrapped ("+1 (415)" / "555-0142"), with another column's line
    possibly read between its pieces: a line ending in the number's start and, within the next three lines, a
    line that is only the rest, together 9 to 15 digits."""
    for index, line in enumerate(lines[:40]):
        head = _PHONE_HEAD.search(line.text.strip())
        if head is None or RANGE.search(line.text) or not (
                re.search(r"[+(]", head.group("head")) or len(re.findall(r"\d+", head.group("head"))) >= 2):
            continue  # (one bare number is a postcode or a year, not the start of a phone number)
        for below in lines[index + 1: index + 4]:
            if _PHONE_TAIL.fullmatch(below.text.strip()):
                joined = f"{head.group('head').strip()} {below.text.strip()}"
                if 9 <= len(re.sub(r"\D", "", joined)) <= 15 and not RANGE.search(below.text) and not _dates_only(joined):
                    return joined
                break
    return None


_GROUPED = r"\d{1,3}(?:[ .]\d{3})+"  # an amount with thousands separators: "120 000", "1.250.000"


def _number_range(found: str) -> bool:
    """Two numbers joined by a hyphen, the second larger: a range of pages or article numbers of the same length
    ("130001-130012") or of amounts written in thousands ("120 000 - 150 000"), not a phone number."""
    parts = re.fullmatch(r"\s*(\d{4,})\s*[-–]\s*(\d{4,})\s*", found)
    if parts is not None:
        return len(parts.group(1)) == len(parts.group(2)) and int(parts.group(2)) > int(parts.group(1))
    amounts = re.fullmatch(rf"\s*({_GROUPED})\s*[-–]\s*({_GROUPED})\s*", found)
    if amounts is None:
        return False
    low, high = (int(re.sub(r"\D", "", amounts.group(i))) for i in (1, 2))
    return high > low


# An international number written with its country code: "+", the 1-3 digit code, then groups. The "+" is what
# no year, date, identifier or amount carries, so such a number may be shorter than an unmarked run ("+1 555 0199"
# has 8 digits; small national plans have 7), as long as its groups are not thousands separators ("+1 200 000").
_INTERNATIONAL = re.compile(r"\(?\+\d{1,3}\)?(?:[\s.-]+\(?\d+\)?)+")
_THOUSANDS = re.compile(r"\+\d{1,3}(?:[\s.]\d{3})+")


# A date written in numbers, the dates module's own pattern ("05/2012", "2014-05", "2016-10-17"): with "/" and "-" a
# phone's separators too ("0171/2012345", "415-555-0142"), a date column's months and days must not be read as a
# number.
_NUMERIC_DATE = re.compile(NUMERIC_DATE)


def _dates_only(candidate: str) -> bool:
    """Years, months or days in a row ("2011 2013 2015" on a timeline's axis, "05/2012 07/2012" or "2016-10-17" /
    "2015-11-01" in a date column): no phone number, however many digits they add up to."""
    return all(YEAR.fullmatch(g) or _NUMERIC_DATE.fullmatch(g) for g in candidate.split())


def _slashes_fit(candidate: str) -> bool:
    """A number with a slash between its groups is a phone only as a phone writes one: after an area code with its
    trunk "0" ("07471/9123456") or a country code ("+36/30/555-0142"). Years, references and grant numbers joined by
    slashes ("2019/2020/2021", "1234/5678/90") start otherwise."""
    return "/" not in candidate or candidate.lstrip("( ")[:1] in ("0", "+")


def _phone_digits_fit(candidate: str) -> bool:
    """Whether a phone-like run has a phone number's length: 9 to 15 digits (E.164's most), or 7 to 15 when it
    is written internationally (a "+" and the country code set apart from the rest)."""
    digits = len(re.sub(r"\D", "", candidate))
    if 9 <= digits <= 15:
        return True
    return (7 <= digits <= 8 and _INTERNATIONAL.fullmatch(candidate.strip()) is not None
            and _THOUSANDS.fullmatch(candidate.strip()) is None)


def _phone_options(found: str) -> list[str]:
    """A phone-like digit run, then the same run with trailing space-separated groups dropped: a number written
    in pairs ("+33 6 12 34 56 78") runs on into a postcode or a street number on the same line ("69002 Lyon")."""
    options = [found]
    if "\n" in found:
        # Run on past its line's end into the next line's postcode ("+46700555014" / "90740 Umeå"): the line's part.
        options.append(found.split("\n", 1)[0].strip())
    groups = options[-1].split()
    while len(groups) > 2 and len(re.sub(r"\D", "", options[-1])) > 15:
        groups = groups[:-1]
        options.append(" ".join(groups))
    return options


def _printed_email(lines_text: str, joined: str, link_emails: list[str]) -> str | None:
    """The first address the text prints, read with its wrapped pieces joined (`joined`) -- unless a link in the
    PDF (`link_emails`, its `mailto:` targets) shows that the address is the one read without the join, or that
    the joined reading ran on into the next word ("…@example.com" + "fr", a language code on the next line;
    "…@example.comPhone"). The link only chooses between readings of the printed address: an address the page
    does not print, or a link to another one, changes nothing."""
    def readings(text: str) -> list[str]:
        # A template's placeholder left in ("-@gmail.com") names no mailbox: an address has a letter or digit
        # before its "@".
        return [e for e in EMAIL.findall(text) if any(ch.isalnum() for ch in e.split("@", 1)[0])]

    found = readings(joined)
    if not found:
        return None
    if link_emails:
        linked = {address.lower(): address for address in link_emails}
        first_unjoined = next(iter(readings(lines_text)), "")
        for reading in (found[0], first_unjoined):
            if reading.lower() in linked:
                return reading
        for address in link_emails:
            # Run on into a capitalised word ("…@example.comPhone"); a link shorter than the printed address in
            # any other way ("…@example.co" for "…@example.com") is the link's mistake, not the page's.
            if "@" in address and found[0].lower().startswith(address.lower()) and (
                    found[0][len(address):][:1].isupper()):
                return found[0][: len(address)]
            if "@" in address and (whole := _address_split_before(joined, found[0], address)):
                return whole
            # Run on from a number drawn against it ("+1 555 0100 4567jane@…": the phone's last digits).
            if found[0].lower().endswith(address.lower()) and found[0][-len(address) - 1].isdigit() and (
                    address[:1].isalpha()):
                return found[0][-len(address):]
    return found[0]


def _address_split_before(text: str, reading: str, address: str) -> str | None:
    """The linked address as the page prints it, where the reading holds only its end because a space or a line
    break fell inside it ("jane." / "doe@example.com": a URL-breaking LaTeX macro breaks after dots; "jane. doe@…"
    where a PDF set its glyphs apart). Only the characters the page prints before the reading, in order, with
    nothing but white space between them, may complete it."""
    if len(address) <= len(reading) or not address.lower().endswith(reading.lower()):
        return None
    missing = address[: len(address) - len(reading)]
    at = text.find(reading)
    before = text[max(0, at - 2 * len(missing) - 4): at]
    printed = re.sub(r"\s+", "", before)
    if not printed.lower().endswith(missing.lower()) or not re.search(r"\s$", before):
        return None
    return printed[len(printed) - len(missing):] + reading


def read_contact(header: list[Line], all_lines: list[Line], typeset_name: str | None = None,
                 typography: Typography | None = None, document_names: list[str] | None = None,
                 link_emails: list[str] | None = None) -> Contact:
    # Contact details usually sit in the header, but sidebars and footers move them: search the whole text for
    # email, phone and links, and the header (then the first lines) for the name and location.
    lines_text = "\n".join(line.text for line in all_lines)
    # A narrow sidebar (LinkedIn exports) wraps a long address before its last letters: "…@gmail.co" / "m".
    text = _WRAPPED_EMAIL_DOMAIN.sub(r"\1\2", _WRAPPED_EMAIL_END.sub(r"\1\2", _WRAPPED_EMAIL_AFTER_DOT.sub(
        r"\1\2", lines_text)))
    email = _printed_email(lines_text, text, link_emails or [])
    if email and email.isupper():
        email = email.lower()  # set in capitals by the template's styling; addresses are not case-sensitive
    phone = None
    for match in PHONE.finditer(text):
        if _NOT_A_PHONE.search(text[max(0, match.start() - 12): match.start()]) or _ARXIV_ID.fullmatch(
                match.group()) or _number_range(match.group()):
            continue  # "arXiv:2103.01234", "ISBN 978…", pages "130001-130012": a paper's numbers, not a phone
        for candidate in _phone_options(match.group()):
            if _phone_digits_fit(candidate) and _slashes_fit(candidate) and not _dates_only(candidate) and not \
                    RANGE.search(candidate):
                phone = candidate.strip()
                break
        if phone:
            break
    if phone is None:
        vanity = _VANITY_PHONE.search(text)
        phone = vanity.group().strip() if vanity else None
    if phone is None:
        phone = _wrapped_phone(all_lines)
    email_domains = {e.split("@", 1)[1].lower() for e in EMAIL.findall(text)}
    links: list[str] = []
    for line in (header or all_lines[:6]) + all_lines[-6:]:
        for url in URL.findall(EMAIL.sub(" ", line.text)):
            if url.lower() not in email_domains and url not in links and not re.fullmatch(r"[\d.]+", url):
                links.append(url)
    candidates = header[:6] if header else all_lines[:4]
    name = typeset_name or _labelled_name(all_lines)
    named: list[str] = []
    named_lines: list[Line] = []
    for position, line in enumerate(candidates if name is None else []):
        piece = None if heading_name(line.text) else _name_in_line(line.text, first=position == 0)
        if piece is not None:
            named.append(piece)
            named_lines.append(line)
    emails = EMAIL.findall(text)
    if named:
        # The first name-like header line, unless a later one is spelled by the email address or set apart by
        # typography (a city or a tagline above the name reads as a name too; the address names the person, and
        # a page sets the name apart).
        name = next((piece for piece in named if _email_agrees(piece, emails)), None) or next(
            (piece for piece, line in zip(named, named_lines, strict=True) if _set_apart(line, typography)), named[0])
    if name is None:
        name = _prominent_name(all_lines, typography, emails)
    if name is None:
        name = _name_beside_contact(all_lines)
    if name is None:
        name = _name_from_metadata(all_lines, document_names or [])
    if name is None or not _email_agrees(name, emails):
        # The address spells a name the page prints ("ignacio.varela@" and a line "Ignacio Varela"): that is the
        # candidate's, whatever else is set larger (a monogram, a badge, a brand) or found first.
        name = _name_spelled_by_email(all_lines, emails) or name
    location = None
    for line in candidates:
        masked = PHONE.sub(" | ", URL.sub(" | ", EMAIL.sub(" | ", line.text)))
        for field in re.split(r"\s*\|\s*", masked):
            found = find_location(field.strip())
            if found and not DEGREE.search(field):
                location = found[1]
                break
        if location:
            break
    return Contact(name=name, email=email, phone=phone, links=links[:8], location=location)
