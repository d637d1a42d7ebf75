"""The fabrication guard: every fact in a tailored line must already be in the candidate's own resume.

Tailoring (offline or by an LLM) may reorder, tighten and re-verb, but it must never add a number, an employer, a
title, a degree, a certification, a skill or a date the candidate did not state. The guard extracts those facts
from an output line and looks each one up in the source text, after normalising the ways the same fact is written
("40%" / "40 percent", "$2M" / "$2 million", "twelve" / "12", "Ph.D." / "PhD", "2019" inside "2019-2021").

It also reads what a stated number *counts* and who did what, because a rewrite can keep every token and still
change the claim: a number whose unit changed within its kind ("2 days" -> "2 hours", "24 engineers" -> "24
managers") or whose kind changed ("4%" -> "4x") is a `quantity` finding; `check_rewrite` compares a rewrite with
the lines it cites for role and scope words (led vs joined, engineers vs managers: `scope`) and for names the
cited section never mentions but another section does (an employer taken from the education line: `moved`).
It cannot tell whether a reworded claim is *true*, only whether every concrete fact in it was *stated*, with its
meaning. Faithful rewrites (reordering, stronger verbs, removing words) produce no findings.

Skills are matched on word stems ("Hired" supports "hiring", "deployed" supports "deployment"), and only terms a
person could falsely claim to know count as skills: tools, technologies, credentials. Generic management words
from the role's keyword list ("hiring", "mentoring", "roadmap") are what every rewrite is allowed to say about
work the resume describes, so they are never findings.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from assistant.text.quantities import (
    APOSTROPHE_YEAR_RE,
    MONEY_RE,
    MULTIPLIER_RE,
    NUMBER_RE,
    NUMBER_WORD_RE,
    NUMBER_WORDS,
    PEOPLE_NOUNS,
    PERCENT_RE,
    YEAR_MONTH_RE,
    YEAR_RE,
    quantities,
    to_number,
)
from assistant.text.stem import stem as _stem
from assistant.text.stem import stems as _stem_terms
from assistant.text.tokens import norm_text as _norm_text

if TYPE_CHECKING:
    from assistant.knowledge.schema import ResumeTemplate

FindingKind = Literal[
    "number", "percentage", "money", "date", "organisation", "title", "degree", "certification", "skill",
    "unlinked", "quantity", "scope", "moved",
]

_TITLE_CORES = (
    "Vice President", "Director", "VP", "SVP", "EVP", "Head of", "Manager", "Lead", "Principal", "Architect",
    "Chief", "CTO", "CEO", "CIO", "CDO", "CPO", "Founder", "Co-Founder", "Cofounder", "President", "Fellow",
    "Partner", "Distinguished Engineer",
)
_TITLE_MODIFIERS = ("Senior", "Sr.", "Sr", "Staff", "Principal", "Lead", "Group", "Executive", "Associate",
                    "Assistant", "Deputy", "Global", "Regional", "Managing")
_TITLE_RE = re.compile(
    r"\b(?:(?:" + "|".join(re.escape(m) for m in _TITLE_MODIFIERS) + r")\s+)*"
    r"(?:" + "|".join(re.escape(c) for c in sorted(_TITLE_CORES, key=len, reverse=True)) + r")\b"
)

#: Degree spellings mapped to a level, so "MSc" supports "M.S." but never "PhD" or "MBA".
_DEGREES: dict[str, str] = {
    "phd": "doctorate", "dphil": "doctorate", "doctorate": "doctorate", "doctor of philosophy": "doctorate",
    "mba": "mba", "master of business administration": "mba",
    "ms": "master", "msc": "master", "ma": "master", "meng": "master", "mphil": "master", "mtech": "master",
    "master": "master", "masters": "master", "master's": "master", "master of science": "master",
    "bs": "bachelor", "bsc": "bachelor", "ba": "bachelor", "beng": "bachelor", "btech": "bachelor",
    "bachelor": "bachelor", "bachelors": "bachelor", "bachelor's": "bachelor", "bachelor of science": "bachelor",
}
_DEGREE_RE = re.compile(
    r"(?<![\w.])(Ph\.?\s?D\.?|D\.?Phil\.?|Doctorate|Doctor of Philosophy|MBA|M\.?B\.?A\.|M\.?Sc\.?|M\.S\.|MS|M\.A\.|MA|"
    r"M\.?Eng\.?|M\.?Phil\.?|M\.?Tech\.?|Master(?:'s|s)?(?: of (?:Science|Business Administration))?|"
    r"B\.?Sc\.?|B\.S\.|BS|B\.A\.|BA|B\.?Eng\.?|B\.?Tech\.?|Bachelor(?:'s|s)?(?: of Science)?)(?![\w])"
)

_CERT_ACRONYMS = ("PMP", "CISSP", "CSM", "CSPO", "PSM", "CCNA", "CCNP", "ITIL", "TOGAF",
                  "CFA", "CPA", "SAFe", "CAPM", "PRINCE2", "SPC")
#: Bodies that certify people in any field; a role's own tools (`ResumeTemplate.tools`) are added per guard.
_CERT_BODY_NAMES = ("AWS", "Azure", "Google Cloud", "Google", "GCP", "Microsoft", "Oracle", "Cisco", "Salesforce",
                    "Scrum")
_CERT_BODIES = "|".join(re.escape(b) for b in _CERT_BODY_NAMES)


@functools.lru_cache(maxsize=16)
def _cert_re(bodies: tuple[str, ...] = (), acronyms: tuple[str, ...] = ()) -> re.Pattern[str]:
    """Certifications: "<body> Certified ...", "... Certification", or a known acronym; a role adds its own."""
    body_alt = "|".join([_CERT_BODIES, *(re.escape(b) for b in sorted(bodies, key=len, reverse=True))])
    acronym_alt = "|".join([*_CERT_ACRONYMS, *(re.escape(a) for a in acronyms)])
    return re.compile(
        r"\b(?:(?:" + body_alt + r")\s+)?Certified(?:\s+[A-Z][\w+/-]*|\s+(?:-|–)\s+[A-Z][\w+/-]*|\s+(?:of|in|and)\s+[A-Z][\w+/-]*)*"
        r"|\b(?:[A-Z][\w+/-]*\s+){1,5}(?:Certification|Certificate)\b"
        r"|\b(?:" + acronym_alt + r")\b"
    )

_CAPITALISED_RE = re.compile(r"(?<![\w'’])([A-Z][\w&'’.+-]*[\w+]|[A-Z])")
#: Capitalised words that are not organisations: generic domain words, months, pronouns, section words.
_NOT_ORGANISATIONS = frozenset(w.lower() for w in (
    "I", "A", "An", "The", "And", "Or", "Of", "For", "With", "In", "On", "At", "To", "By", "As", "From", "Our",
    "Team", "Teams", "Product", "Products", "Research", "Operations", "Analytics", "Applied", "Services",
    "Technology", "Technologies", "Present",
    "Current", "Today", "Now", "Summary", "Executive", "Experience", "Education", "Skills", "Projects",
    "Publications", "Certifications", "Awards", "Leadership", "Key", "Core", "Tools", "Domains", "Languages",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Q1", "Q2", "Q3", "Q4", "H1", "H2", "Monday", "Friday", "North", "South", "East", "West", "America",
    "Europe", "Asia", "US", "USA", "UK", "EU", "OKR", "OKRs", "KPI", "KPIs", "SLA", "SLAs", "SLO", "SLOs", "P&L",
    "API", "APIs", "SaaS", "B2B", "B2C", "A/B", "ROI", "YoY", "QoQ",
))

def _stems(norm_text: str) -> str:
    """A `_norm_text` result with every word stemmed, padded with spaces so terms match on word boundaries."""
    return _stem_terms(norm_text.split())


#: Words of generic management and business practice. A vocabulary term made only of these ("hiring", "people
#: management", "technical strategy") describes how someone works, not a tool or credential they could fake.
_GENERIC_WORDS = frozenset(_stem(w) for w in (
    "hiring", "hire", "recruiting", "recruitment", "mentoring", "mentorship", "coaching", "roadmap",
    "budget", "onboarding", "retention", "prioritization", "prioritisation", "product", "diversity", "culture",
    "leadership", "lead", "management", "manager", "managers", "people", "team", "teams", "building", "scaling",
    "planning", "headcount", "succession", "talent", "density", "stakeholder", "executive", "communication",
    "career", "development", "performance", "org", "organisation", "organization", "design", "strategy",
    "technical", "business", "impact", "cross", "functional", "vendor", "interview", "loop", "bar", "adoption",
    "cost", "optimization", "optimisation", "architecture", "of", "and",
))


def _is_generic(term: str, practice: frozenset[str] = frozenset()) -> bool:
    words = _stems(_norm_text(term)).split()
    return bool(words) and all(w in _GENERIC_WORDS or w in practice for w in words)


#: Verbs that say who led the work and who took part in it; a rewrite may not move a claim between them.
_LEAD_VERBS = frozenset(_stem(w) for w in (
    "led", "lead", "leading", "managed", "manage", "directed", "direct", "headed", "head", "oversaw", "oversee",
    "founded", "found", "spearheaded", "ran", "run", "chaired", "owned", "own"))
_MEMBER_VERBS = frozenset(_stem(w) for w in (
    "joined", "join", "supported", "support", "assisted", "assist", "contributed", "contribute", "participated",
    "participate", "helped", "help", "member"))
_MEMBER_PHRASES = ("worked on", "worked with", "part of", "member of", "worked in")


def _role_words(text: str) -> set[str]:
    """Kinds of people named in `text` (not teams or people in general: those are how any bullet says scope)."""
    words = set(_norm_text(text).split())
    return {PEOPLE_NOUNS[w] for w in words if w in PEOPLE_NOUNS} - {"team", "person", "report"}


def _role_verbs(text: str) -> tuple[bool, bool]:
    """(leads, takes part): whether `text` says the person led the work, or took part in it."""
    stems = set(_stems(_norm_text(text)).split())
    lowered = text.lower()
    return bool(stems & _LEAD_VERBS), bool(stems & _MEMBER_VERBS) or any(p in lowered for p in _MEMBER_PHRASES)


class Finding(BaseModel):
    """One fact in an output line that the source does not support."""

    kind: FindingKind
    token: str = Field(description="The unsupported text as it appears in the output line.")
    message: str = ""


def _degree_key(token: str) -> str:
    key = re.sub(r"[.\s]", "", token.lower()) if len(token) <= 8 else token.lower()
    return _DEGREES.get(key, _DEGREES.get(token.lower().rstrip("."), key))


class _Facts:
    """The facts found in one text, normalised for comparison."""

    def __init__(self, text: str, skills: Iterable[str]) -> None:
        self.text = text
        self.norm = _norm_text(text)
        self.words = set(self.norm.split())
        self.money = {to_number(m[0] or m[2], m[1] or m[3]) for m in MONEY_RE.findall(text)}
        self.percentages = {to_number(m, None) for m in PERCENT_RE.findall(text)}
        self.years = set(YEAR_RE.findall(text)) | {
            ("19" if int(y) > 50 else "20") + y for y in APOSTROPHE_YEAR_RE.findall(text)
        }
        self.numbers = {to_number(d, s) for d, s in NUMBER_RE.findall(text)}
        self.numbers |= {to_number(d, None) for d, _ in NUMBER_RE.findall(text)}
        self.numbers |= {float(NUMBER_WORDS[w.lower()]) for w in NUMBER_WORD_RE.findall(text)}
        self.numbers |= self.money | self.percentages
        self.degrees = {_degree_key(m) for m in _DEGREE_RE.findall(text)}
        self.stems = _stems(self.norm)
        self.skills = {s for s in skills if _contains_stems(self.stems, s)}
        self.compact = re.sub(r"[^a-z0-9]+", "", text.lower())  # for text a PDF extracted without spaces
        self.quantities = quantities(text)
        self.multipliers = {to_number(m, None) for m in MULTIPLIER_RE.findall(text)}


def _contains_term(norm_text: str, term: str) -> bool:
    needle = _norm_text(term)
    return needle.strip() != "" and needle in norm_text


def _contains_stems(stemmed_text: str, term: str) -> bool:
    """`term` appears in the text in any word form (both sides stemmed; see `_stem`)."""
    needle = _stems(_norm_text(term))
    return needle.strip() != "" and needle in stemmed_text


class _Findings:
    """Findings of one check, each (kind, token) once, only of the kinds asked for (all when `kinds` is None)."""

    def __init__(self, kinds: Iterable[FindingKind] | None) -> None:
        self._wanted = set(kinds) if kinds is not None else None
        self._seen: set[tuple[str, str]] = set()
        self.found: list[Finding] = []

    def add(self, kind: FindingKind, token: str, message: str) -> None:
        if (self._wanted is None or kind in self._wanted) and (kind, token.lower()) not in self._seen:
            self._seen.add((kind, token.lower()))
            self.found.append(Finding(kind=kind, token=token, message=message))


class FabricationGuard:
    """Checks output lines against the candidate's source text; see the module docstring for the rules."""

    def __init__(
        self,
        source_text: str,
        skill_vocabulary: Iterable[str] = (),
        *,
        tools: Iterable[str] = (),
        field_words: Iterable[str] = (),
        practice_words: Iterable[str] = (),
        certifications: Iterable[str] = (),
    ) -> None:
        """`skill_vocabulary`: the role's keywords; `tools`, `field_words`, `practice_words` and `certifications`:
        the role's vocabulary from `resume_template.yaml` (see `for_role`, which passes them all)."""
        tool_names = frozenset(tools)
        self.vocabulary = sorted({*tool_names, *skill_vocabulary}, key=len, reverse=True)
        practice = frozenset(_stem(w) for w in practice_words)
        # Tools are skills by definition; a role keyword is a skill only if it is not generic practice.
        self.skills = [t for t in self.vocabulary if t in tool_names or not _is_generic(t, practice)]
        self._skill_set = frozenset(self.skills)
        self._not_names = _NOT_ORGANISATIONS | {w.lower() for w in field_words}
        self._cert_re = _cert_re(tuple(sorted(tool_names)), tuple(sorted(certifications)))
        self._source = _Facts(source_text, self.skills)

    @classmethod
    def for_role(cls, source_text: str, template: ResumeTemplate) -> FabricationGuard:
        """The guard with everything the role's resume template says about its vocabulary."""
        return cls(source_text, skill_vocabulary(template), tools=template.tools, field_words=template.field_words,
                   practice_words=template.practice_words, certifications=template.certifications)

    def supports(self, line: str) -> bool:
        return not self.check(line)

    def check(self, line: str, kinds: Iterable[FindingKind] | None = None) -> list[Finding]:
        """Every fact in `line` the source does not state, as findings (empty when the line is faithful).

        Numbers come first and remember where they were read, so "$2M" is not also judged as "2"; credentials
        (degrees, certifications, titles) next, so a capitalised certification is not also read as a name; then
        skills, the units numbers count, and last the capitalised names nothing else explained."""
        findings = _Findings(kinds)
        self._numbers(line, findings)
        credentials = self._credentials(line, findings)
        skill_words = self._skills(line, findings)
        self._units(line, findings)
        self._names(line, findings, credentials, skill_words)
        return findings.found

    def _numbers(self, line: str, findings: _Findings) -> None:
        """Amounts, percentages, multiples, years and plain numbers the source does not state."""
        src = self._source
        add = findings.add
        consumed: list[tuple[int, int]] = []  # spans already judged, so "$2M" is not also judged as "2"
        for m in MONEY_RE.finditer(line):
            consumed.append(m.span())
            if to_number(m[1] or m[3], m[2] or m[4]) not in src.money | src.numbers:
                add("money", m[0].strip(), "amount not in the resume")
        for m in PERCENT_RE.finditer(line):
            consumed.append(m.span())
            if to_number(m[1], None) not in src.percentages:
                add("percentage", m[0].strip(), "percentage not in the resume")
        for m in MULTIPLIER_RE.finditer(line):  # "4x" is not "4%": a percentage turned into a multiple
            consumed.append(m.span())
            value = to_number(m[1], None)
            if value not in src.multipliers and value in src.percentages:
                add("quantity", m[0].strip(), f"the resume says {value:g}%, not {value:g} times")
            elif value not in src.multipliers and value not in src.numbers:
                add("number", m[0].strip(), "multiplier not in the resume")
        for m in YEAR_MONTH_RE.finditer(line):
            consumed.append(m.span())
        for m in YEAR_RE.finditer(line):
            consumed.append(m.span())
            if m[0] not in src.years:
                add("date", m[0], "year not in the resume")
        for m in APOSTROPHE_YEAR_RE.finditer(line):
            consumed.append(m.span())
            year = ("19" if int(m[1]) > 50 else "20") + m[1]
            if year not in src.years:
                add("date", m[0], "year not in the resume")
        for m in NUMBER_RE.finditer(line):
            if any(a <= m.start() < b for a, b in consumed):
                continue
            value = to_number(m[1], m[2])
            if value not in src.numbers and to_number(m[1], None) not in src.numbers:
                add("number", m[0].strip(), "number not in the resume")
        for m in NUMBER_WORD_RE.finditer(line):
            if float(NUMBER_WORDS[m[1].lower()]) not in src.numbers:
                add("number", m[0], "number not in the resume")

    def _credentials(self, line: str, findings: _Findings) -> list[tuple[int, int]]:
        """Degrees, certifications and titles the source does not state; returns where all three were read, so
        their capitalised words are not judged again as names."""
        src = self._source
        add = findings.add
        degree_spans: list[tuple[int, int]] = []
        for m in _DEGREE_RE.finditer(line):
            degree_spans.append(m.span())
            if _degree_key(m[1]) not in src.degrees:
                add("degree", m[1], "degree not in the resume")
        cert_spans: list[tuple[int, int]] = []
        for m in self._cert_re.finditer(line):
            cert_spans.append(m.span())
            if not _contains_term(src.norm, m[0]) and re.sub(r"[^a-z0-9]+", "", m[0].lower()) not in src.compact:
                add("certification", m[0].strip(), "certification not in the resume")
        title_spans: list[tuple[int, int]] = []
        for m in _TITLE_RE.finditer(line):
            title_spans.append(m.span())
            if any(a <= m.start() < b for a, b in cert_spans):
                continue  # "AWS Certified Solutions Architect" is one certification, not also a title
            if not _contains_term(src.norm, m[0]):
                add("title", m[0], "title not in the resume")
        return cert_spans + title_spans + degree_spans

    def _skills(self, line: str, findings: _Findings) -> set[str]:
        """Skills and tools the source does not state; returns the words of every vocabulary term in the line (a
        named tool is not also an unknown organisation).

        A skill is spotted in the line as written ("helmed" is not Helm) and supported by the source in any word
        form ("Hired" supports "hiring")."""
        norm_line = _norm_text(line)
        skill_words: set[str] = set()
        for term in self.vocabulary:
            if _contains_term(norm_line, term):
                skill_words |= set(_norm_text(term).split())
                if term in self._skill_set and term not in self._source.skills:
                    findings.add("skill", term, "skill or tool not in the resume")
        return skill_words

    def _units(self, line: str, findings: _Findings) -> None:
        """What a number counts: the same value with a different unit of the same kind is a different claim."""
        for value, kind, unit, written in quantities(line):
            same_value = [(k, u) for v, k, u, _ in self._source.quantities if v == value and k == kind]
            # "people" and "reports" generalise any kind of person: "24 engineers" may become "24 people".
            if same_value and unit not in {u for _, u in same_value} and unit not in ("person", "report"):
                said = " or ".join(sorted({f"{u}s" for _, u in same_value}))
                findings.add("quantity", written.strip(), f"the resume counts {value:g} {said}, not {unit}s")

    def _names(self, line: str, findings: _Findings, credentials: list[tuple[int, int]],
               skill_words: set[str]) -> None:
        """Capitalised names (employers, products, places) with a word the source never uses, outside the
        credentials already judged."""
        src = self._source
        for phrase, start in _capitalised_phrases(line):
            if any(a <= start < b for a, b in credentials):
                continue
            unsupported = [
                w for w in _norm_text(phrase).split()
                if w not in src.words and w not in self._not_names and w not in skill_words
                and not w.isdigit()
            ]
            if unsupported:
                findings.add("organisation", phrase, "name not in the resume")

    def check_rewrite(self, line: str, cited: str, cited_section: str = "", other_sections: str = "") -> list[
            Finding]:
        """`check`, plus what only the cited lines can tell: the rewrite of `cited` (the source lines it cites,
        `cited_section` the rest of their section) must keep who did the work and which people it counts, and may
        not bring in a name that the cited section never mentions but another section does (`other_sections`)."""
        findings = self.check(line)
        seen = {(f.kind, f.token.lower()) for f in findings}

        def add(kind: FindingKind, token: str, message: str) -> None:
            if (kind, token.lower()) not in seen:
                seen.add((kind, token.lower()))
                findings.append(Finding(kind=kind, token=token, message=message))

        for f in FabricationGuard(cited).check(line, kinds=["number", "percentage", "money", "date", "quantity"]):
            add(f.kind, f.token, f"{f.message} (in the line(s) this rewrite cites)")
        out_leads, out_member = _role_verbs(line)
        src_leads, src_member = _role_verbs(cited)
        if out_leads and src_member and not src_leads:
            add("scope", _first_verb(line, _LEAD_VERBS), "the resume says you took part in this, not that you led it")
        if out_member and src_leads and not src_member:
            add("scope", _first_verb(line, _MEMBER_VERBS), "the resume says you led this, not that you took part")
        added_roles = _role_words(line) - _role_words(cited)
        if added_roles and _role_words(cited):
            said = ", ".join(sorted(_role_words(cited)))
            for role in sorted(added_roles):
                add("scope", role, f"the cited line(s) speak of {said}, not {role}s")
        # Names, not tools: a skill named in the Skills section may be used anywhere (the skill check covers it).
        norm_line = _norm_text(line)
        tool_words = {w for t in self.vocabulary if _contains_term(norm_line, t) for w in _norm_text(t).split()}
        section_words = set(_norm_text(cited + "\n" + cited_section).split())
        elsewhere = set(_norm_text(other_sections).split())
        for phrase, _start in _capitalised_phrases(line):
            words = [w for w in _norm_text(phrase).split()
                     if w not in self._not_names and w not in tool_words and not w.isdigit()]
            if any(w not in section_words and w in elsewhere for w in words):
                add("moved", phrase, "this name appears in another section of your resume, not where this line is")
        return findings


def skill_vocabulary(template: ResumeTemplate) -> list[str]:
    """The role's keywords (not its strong verbs), then its tools: the terms a rewrite may not add on its own."""
    strong = {v.lower() for v in template.strong_verbs}
    keywords = sorted({k for group in template.keywords.values() for k in group if k.lower() not in strong})
    return list(dict.fromkeys([*keywords, *template.tools]))


def _first_verb(line: str, verbs: frozenset[str]) -> str:
    for word in _norm_text(line).split():
        if _stem(word) in verbs:
            return word
    return line.split(" ", 1)[0]


def _capitalised_phrases(line: str) -> list[tuple[str, int]]:
    """Runs of capitalised words that are not the first word of a sentence (where any word is capitalised)."""
    phrases: list[tuple[str, int]] = []
    current: list[str] = []
    start = 0
    last_end = -1
    for m in _CAPITALISED_RE.finditer(line):
        before = line[:m.start()].rstrip()
        sentence_start = before == "" or before[-1] in ".:;!?•*-–—|(\"" or before.endswith("- ")
        joined = current and line[last_end:m.start()] in (" ", " & ", " of ", " and ")
        if joined:
            current.append(line[last_end:m.start()] + m[0])
        else:
            if current:
                phrases.append(("".join(current), start))
            current, start = ([], m.start()) if sentence_start else ([m[0]], m.start())
        last_end = m.end()
    if current:
        phrases.append(("".join(current), start))
    return [(p.strip(), s) for p, s in phrases if p.strip()]
