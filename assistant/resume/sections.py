"""Where a resume's sections are and what each one is: the headings a reader sees and the spans under them.

A heading is found by its words (the lexicon and MiniLM similarity, `headings.py`), by how it is set (larger,
bolder, spaced, ruled, in a left margin: the `Typography` of the page) and, where neither names it, by what its
section holds (degrees: education; item lists: skills; mostly dated roles: a work history). Headings glued to
their first line or set in a left margin beside it are split off first. `read_sections` returns the lines above
the first heading (the contact block) and a `Span` per section; `unheaded_summary` finds the profile paragraph
written under the name without a heading.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from assistant.resume.contact import largest_line
from assistant.resume.headings import (
    SIMILARITY_FLOOR,
    STYLED_SIMILARITY_FLOOR,
    Typography,
    embedding_kinds,
    heading_key,
    heading_name,
    keyword_kind,
    lexicon_kind,
    looks_like_heading_text,
    strip_decoration,
)
from assistant.resume.models import Line, SectionName, StyledLine
from assistant.resume.vocabulary import (
    BULLET,
    CAREER_BREAK,
    DEGREE,
    EMAIL,
    INSTITUTION,
    LEADING_YEAR,
    OPEN_FIRST,
    PHONE,
    RANGE,
    SINCE,
    SINGLE_DATE,
    SKILL_SPLIT,
    TITLE_WORDS,
    URL,
)

if TYPE_CHECKING:
    from assistant.knowledge.embeddings import Embedder



@dataclass
class Span:
    """A run of lines under one heading, before it becomes a `Section`."""

    name: SectionName
    heading: str
    lines: list[Line]


def split_glued_heading(lines: list[Line]) -> list[Line]:
    """Apple Pages can glue the name to the first heading ("Jane DoeOverview"): split it back into two lines."""
    out: list[Line] = []
    for index, line in enumerate(lines):
        match = re.match(r"^(.*[a-z])([A-Z][a-z]+(?: [A-Z][a-z]+)?)$", line.text) if index < 3 else None
        if match and heading_name(match.group(2)) and not heading_name(line.text):
            out.append(Line(number=line.number, text=match.group(1)))
            out.append(Line(number=line.number, text=match.group(2)))
        else:
            out.append(line)
    return out


def join_broken_headings(lines: list[Line], typography: Typography | None = None) -> list[Line]:
    """ "Experien" over "ce": a heading wrapped inside a narrow label cell (a Word table's left column) is one
    heading again, when the tail is a few lower-case letters alone on their line and the word they complete is a
    heading the first part alone is not."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        tail = lines[index + 1].text.strip() if index + 1 < len(lines) else ""
        joined = line.text.rstrip() + tail
        if re.fullmatch(r"[a-zà-ÿ]{1,4}", tail) and line.text.rstrip()[-1:].isalpha() and heading_name(joined) and (
                not heading_name(line.text)):
            if typography is not None:
                typography.alias(joined, line.text)
            out.append(Line(number=line.number, text=joined))
            index += 2
            continue
        out.append(line)
        index += 1
    return out


def _margin_heading(text: str) -> tuple[str, str] | None:
    """ "EXPERIENCE Pinecrest Logistics, Data Engineer 2023 - Present" -> ("EXPERIENCE", the rest): a known heading
    printed in a left margin on its first entry's row, so extraction glued the two. The longest heading prefix
    (up to four words) wins; the rest must start like an entry (a capital or a digit), not go on in capitals."""
    words = text.split()
    if CAREER_BREAK.match(text.strip()):
        return None  # "Career Break, Family care  2019 - 2021": a break's entry, not "Career" over an entry
    for count in range(min(4, len(words) - 1), 0, -1):
        head, rest = " ".join(words[:count]), " ".join(words[count:])
        if heading_name(head) and rest[:1].isupper() | rest[:1].isdigit() and not words[count].isupper() and (
                heading_name(rest) is None):
            # (A heading word after it makes one heading of two, "Projects Experience", not a heading over an
            # entry named "Experience".)
            return head, rest
    return None


def in_left_margin(styled: Sequence[StyledLine]) -> dict[str, int]:
    """The lines that start in a left margin, at least 50 pt left of the edge most of the page's lines start at,
    and run on past it: a section title set in a margin column on its first entry's row (res.cls, cvtex). Text ->
    how many characters of it fit in the margin (at about half an em each)."""
    out: dict[str, int] = {}
    for page in {line.page for line in styled}:
        on_page = [line for line in styled if line.page == page]
        edges: dict[int, int] = {}
        for line in on_page:
            edges[round(line.x / 4)] = edges.get(round(line.x / 4), 0) + 1
        common = max(edges, key=lambda edge: edges[edge])
        if 2 * edges[common] < len(on_page):
            continue
        for line in on_page:
            room = int((4 * common - line.x) / (0.5 * max(line.size, 1.0)))
            if 4 * common - line.x >= 50 and len(line.text) > room:
                out[line.text] = room
    return out


# A line that breaks off mid-sentence: after a comma, an opening bracket or a joiner, or a joining word in lower
# case -- a few longer ones, or any word of one or two letters ("e", "y", "et", "ou", "of", "to", "de", "em").
_MID_SENTENCE_END = re.compile(r"(?:[,(&/+-]|\b(?:and|the|with|for|from|und|oder|[a-zà-ÿ]{1,2}))$")


def split_margin_headings(lines: list[Line], typography: Typography | None = None,
                           margin: dict[str, int] | None = None) -> list[Line]:
    """Split margin headings off their first entry's row (see `_margin_heading`). A heading in capitals is split
    wherever it is, and so is one that fits in the page's left margin on a line that starts there and runs on past
    it (`margin`). One in ordinary case elsewhere only where the rest has no job-title word (so "Research Engineer"
    and "Software Developer" stay titles) and the document does it at least twice (a layout habit, not a phrase).

    The layout reader splits some margin headings off their rows itself (`layout._split_margin_heading`); those
    count towards the habit too (with the page's typography: a known heading whose next line sits on the same
    baseline further right), so the habit does not vanish because the reader already saw most of it."""
    splits = {index: split for index, line in enumerate(lines)
              if not heading_name(line.text) and (split := _margin_heading(line.text)) is not None}
    # The same words opening three or more rows are a label each entry repeats ("Technologies: Go, React" under
    # every job), not a section heading, which a resume prints once.
    repeats: dict[str, int] = {}
    for head, _ in splits.values():
        repeats[heading_key(head)] = repeats.get(heading_key(head), 0) + 1
    splits = {index: split for index, split in splits.items() if repeats[heading_key(split[0])] < 3}
    in_margin = {index for index, (head, _) in splits.items() if len(head) <= (margin or {}).get(lines[index].text, 0)}
    # (A one-word rest is the end of a longer heading -- "Career Snapshot", "Certifications & Training" -- not
    # an entry, which has a name and a title or a date.)
    # (A heading word with a colon, "Technologies: Go, React", is a run-in label inside an entry, not a heading;
    # a line that runs on past a comma, "Research Challenges for Visualization. Hank Childs,", is a wrapped
    # paragraph's first line.)
    mixed = [i for i, (head, rest) in splits.items() if not head.isupper() and not TITLE_WORDS.search(rest)
             and (len(rest.split()) >= 2 or re.search(r"\d", rest)) and not head.endswith(":")
             and not rest.rstrip().endswith(",")]
    # Each margin heading has its section's lines under it; two on consecutive lines are a list's items ("Project
    # Management" / "Software Infrastructure" under Top Skills), not headings.
    mixed = [i for i in mixed if i - 1 not in mixed and i + 1 not in mixed]
    # A line whose line above breaks off mid-sentence -- after a comma or a short joining word ("... Sales Cloud e"
    # / "Service Cloud, resulting in ...") -- is that sentence's wrapped tail: its first word is no heading.
    mixed = [i for i in mixed if i == 0 or not _MID_SENTENCE_END.search(lines[i - 1].text)]
    habit = len(mixed) + (_margin_headings_on_own_lines(lines, typography) if len(mixed) == 1 else 0) >= 2
    out: list[Line] = []
    for index, line in enumerate(lines):
        split = splits.get(index)
        if split is not None and ((split[0].isupper() and len(split[0]) >= 4) or (index in mixed and habit)
                                  or index in in_margin):
            out += [Line(number=line.number, text=split[0]), Line(number=line.number, text=split[1])]
        else:
            out.append(line)
    return out


def _margin_headings_on_own_lines(lines: list[Line], typography: Typography | None) -> int:
    """How many known headings the layout reader split off their rows: the line after the heading is on the same
    page and baseline (no space above it) and starts well to the right of the heading (the row's body)."""
    if typography is None:
        return 0
    return sum(heading_name(line.text) is not None and _beside_its_row(typography, line, after)
               for line, after in pairwise(lines))


def _beside_its_row(typography: Typography, line: Line, after: Line) -> bool:
    """Is `line` a margin heading the layout reader split off its row: the next line is on the same page and
    baseline (no space above it) and starts well to the right of it?"""
    head, body = typography.style(line), typography.style(after)
    return (head is not None and body is not None and head.page == body.page and body.gap == 0
            and body.x > head.x + 2 * head.size)


def _find_headings(
    lines: list[Line], typography: Typography | None, embedder: Embedder | None
) -> dict[int, SectionName]:
    """Line index -> section kind for every line a reader would take for a heading (see `headings`)."""
    found: dict[int, SectionName] = {}
    for index, line in enumerate(lines):
        name = heading_name(line.text)
        if name is None and typography is not None and looks_like_heading_text(line.text):
            style = typography.style(line)
            # "experience" in lower case, "//Experience": a known heading set apart by typography.
            if style is not None and typography.set_apart(style):
                name = lexicon_kind(line.text)
        if name is not None:
            found[index] = name
    _lower_case_headings(lines, found)
    found = _without_repeated_labels(lines, found)
    if typography is None:
        _headings_in_capitals(lines, found)
        return _leadership_as_work_history(lines, _unknown_work_heading(lines, found, embedder))
    for index in [i for i in found if _wrapped_tail(lines, i, typography, found)]:
        del found[index]
    lexicon_found = len(found)
    _headings_by_style(lines, typography, embedder, found)
    learned = typography.heading_styles
    if len(found) > lexicon_found and (lexicon_found < 2 or not learned and _shared_styles(lines, typography, found)):
        # Too few headings the lexicon knows -- or none two of them set alike -- to learn how this document sets
        # its headings: learn it from the ones named by their words or by similarity as well, and look again (the
        # rest of its headings are set the same way).
        _headings_by_style(lines, typography, embedder, found)
    # (Again for the headings found by their look: a theme sets each entry's "Highlights" as it sets "Work".)
    for index in [i for i in found if _title_wrapped_in_heading_type(lines, i, typography, found)]:
        del found[index]
    return _leadership_as_work_history(lines, _without_repeated_labels(lines, found))


def _without_repeated_labels(lines: list[Line], found: dict[int, SectionName]) -> dict[int, SectionName]:
    """A heading's words on three or more lines are a label each entry repeats ("Tools:", "Highlights" under every
    job), not a section heading, which a resume prints once."""
    keys = [heading_key(strip_decoration(lines[i].text)) for i in found]
    return {i: kind for i, kind in found.items() if keys.count(heading_key(strip_decoration(lines[i].text))) < 3}


def _unknown_work_heading(lines: list[Line], found: dict[int, SectionName], embedder: Embedder | None
                          ) -> dict[int, SectionName]:
    """Pasted text, no work-history heading known to the lexicon ("Recent Experience", "Job History", "— Experience
    —"): with no type to set a heading apart, the first short line that reads as a heading, names no job title, has
    a dated entry right under it (a range, or a header opening with its year), is no career break's entry ("Career
    Break": "career" is a work keyword) and is named as the work history by its keywords or by similarity is that
    heading. Without it the roles are still read, but as run on from a missed heading (shown as unsure) and the
    review finds no work-history section."""
    if "experience" in found.values():
        return found
    candidates = [i for i, line in enumerate(lines) if i not in found and looks_like_heading_text(line.text)
                  and not BULLET.match(line.text) and not TITLE_WORDS.search(line.text)
                  and not CAREER_BREAK.search(line.text)
                  and not any(p.search(line.text) for p in (RANGE, OPEN_FIRST, SINCE))
                  and (_dated_below(lines, i) or (i + 1 < len(lines) and LEADING_YEAR.match(lines[i + 1].text)))
                  and (strip_decoration(line.text)[:1].isupper() or not strip_decoration(line.text)[:1].isalpha())]
    if not candidates:
        return found
    by_words = [keyword_kind(lines[i].text) for i in candidates]
    unnamed = [i for i, kind in zip(candidates, by_words, strict=True) if kind is None]
    by_meaning = dict(zip(unnamed, embedding_kinds([lines[i].text for i in unnamed], embedder or _default_embedder()),
                          strict=True)) if unnamed else {}
    work = [i for i, kind in zip(candidates, by_words, strict=True) if (kind or by_meaning.get(i)) == "experience"]
    if work:
        found[work[0]] = "experience"
    return found


def _wrapped_tail(lines: list[Line], index: int, typography: Typography, found: dict[int, SectionName]) -> bool:
    """A heading's words that are the end of the line above, wrapped by a narrow column ("Backend Developer at
    Bluefin" / "Media"): set exactly like that line, at its left edge, as close under it as a paragraph's lines sit,
    and unlike the style the document's other headings share. (Where the headings are set like the body, no shared
    heading style tells them apart, and the line stays a heading.)"""
    if index == 0:
        return False
    own, above = typography.style(lines[index]), typography.style(lines[index - 1])
    if own is None or above is None or index - 1 in found:
        return False
    others = [typography.signature(s) for i in found if i != index and (s := typography.style(lines[i])) is not None]
    shared = {signature for signature in others if others.count(signature) >= 2}
    # (A bold tail under a line mostly in bold is a tail too: "Temporary Assistant for Research and  2013" /
    # "Teaching", the line's date, set beside it in the regular face, keeping its share of bold under one.)
    return (bool(shared) and typography.signature(own) not in shared and Typography.runs_on(above, own)
            and (own.bold <= above.bold or above.bold >= 0.6) and abs(own.x - above.x) <= 3)


def _title_wrapped_in_heading_type(lines: list[Line], index: int, typography: Typography,
                                   found: dict[int, SectionName]) -> bool:
    """ "Lead Technical Writer and Technical" / "Editor", "Sr. Content Developer & Project" / "Coordinator": a job
    title set large and bold, wrapped, whose first line holds a section's keyword ("technical", "project"). The
    line runs on into the next as a paragraph's lines do (same type, rule and left edge, that close), and the two
    read together as a job title ending in a title's word, not as a heading. Only for a line that is no heading
    word for word (a lexicon heading over a first line set like it stays)."""
    if index + 1 >= len(lines) or index + 1 in found or heading_name(lines[index].text) is not None:
        return False
    own, below = typography.style(lines[index]), typography.style(lines[index + 1])
    if own is None or below is None or not Typography.runs_on(own, below) or abs(own.x - below.x) > 3 or (
            abs(own.bold - below.bold) > 0.3) or own.ruled != below.ruled:
        return False  # (an underlined heading over its first line in the body's type is set apart by its rule)
    joined = f"{lines[index].text.strip()} {lines[index + 1].text.strip()}"
    last = joined.split()[-1].strip("()").lower()
    return heading_name(joined) is None and TITLE_WORDS.fullmatch(last) is not None and len(joined.split()) <= 10


def _capitals(text: str) -> bool:
    letters = [ch for ch in strip_decoration(text) if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters)


def _headings_in_capitals(lines: list[Line], found: dict[int, SectionName]) -> None:
    """Pasted text has no type to set a heading apart, but its case can: where the headings the lexicon knows are
    written in capitals ("SUMMARY", "EDUCATION", "PROFESSIONAL EXPERIENCE": two at least, and most of them), a line
    in capitals that looks like a heading and is named by a keyword is one too ("PRACTICAL PROJECTS", "KNOWLEDGE AND
    SKILLS") -- the document's own convention, as a PDF's heading style is (`_headings_by_style`). By a keyword
    only: naming lines by similarity as well found no more headings on the tuning sources and cost the labelled
    check half's pasted text three employers when its headings were letter-spaced. Not a line over a date range or
    naming a job title (an employer or a title written in capitals), nor a bullet, nor a line right under a heading:
    two columns' headings read one after the other ("EXPERIENCE" / "PERSONAL PROJECTS & CONTENT") would leave the
    first section empty and its roles under the second."""
    in_capitals = sum(_capitals(lines[i].text) for i in found)
    if in_capitals < 2 or 2 * in_capitals <= len(found):
        return
    candidates = [i for i, line in enumerate(lines) if i not in found and _capitals(line.text)
                  and looks_like_heading_text(line.text) and not BULLET.match(line.text)
                  and not TITLE_WORDS.search(line.text) and not _dated_below(lines, i) and i - 1 not in found]
    for i in candidates:
        if (kind := keyword_kind(lines[i].text)) is not None:
            found[i] = kind


def _lower_case_headings(lines: list[Line], found: dict[int, SectionName]) -> None:
    """Headings written in lower case ("experience", "education"), a house style of many designed resumes: with no
    type to set them apart (pasted text), a lone lower-case line that is exactly a known heading is one when the
    document has such lines of two kinds or more -- its own convention, which no wrapped sentence follows by chance.
    (Of one kind only, they are a label's wrapped tail: Europass's "Name of organisation providing" / "education".)"""
    lower = {index: kind for index, line in enumerate(lines) if index not in found
             and strip_decoration(line.text).rstrip(":").strip()[:1].islower()
             and looks_like_heading_text(line.text) and (kind := lexicon_kind(line.text)) is not None}
    if len(set(lower.values())) >= 2:
        found.update(lower)


def _shared_styles(lines: list[Line], typography: Typography, found: dict[int, SectionName]) -> bool:
    """Do two or more of the headings found share a style (the style `Typography.learn` would learn)?"""
    signatures = [typography.signature(s) for i in found if (s := typography.style(lines[i])) is not None]
    return any(signatures.count(signature) >= 2 for signature in signatures)


def _leadership_as_work_history(lines: list[Line], found: dict[int, SectionName]) -> dict[int, SectionName]:
    """ "Leadership Experience" beside an "Experience" section is the clubs and societies a resume lists apart
    from its jobs; as the resume's only work-history heading (a manager's), it is the work history."""
    if "experience" not in found.values():
        for index, kind in found.items():
            if kind == "leadership" and keyword_kind(lines[index].text) == "experience":
                found[index] = "experience"
                break
    return found


def _headings_by_style(lines: list[Line], typography: Typography, embedder: Embedder | None,
                       found: dict[int, SectionName]) -> None:
    """Add to `found` the lines set like the document's headings (learnt from `found`), named by a keyword, by
    similarity, by what their section holds, or "other"."""
    confident = [s for i in found if (s := typography.style(lines[i])) is not None]
    typography.learn(confident)
    prefixes = {p for i in found if (p := _heading_prefix(lines[i].text)) is not None}
    candidates, early = _styled_like_headings(lines, typography, found, confident, prefixes)
    _name_styled_lines(lines, typography, embedder, found, candidates, early, prefixes)


def _styled_like_headings(lines: list[Line], typography: Typography, found: dict[int, SectionName],
                          confident: list[StyledLine], prefixes: set[str]
                          ) -> tuple[list[tuple[int, bool]], set[int]]:
    """The lines not yet named that are set like the document's headings, each with whether it is distinctive
    (set apart below the first heading found), and those above the first heading, which only their section's
    content can name."""
    # How many lines share each look: a signature, and whether an accent colour or a rule marks the line (a
    # heading in the body's size and weight set apart by colour alone is rare among lines that look like it).
    # Where the recognised headings are set off by space above them, a bold line set off as far is counted apart
    # from the bold lines of a paragraph or an entry.
    spaced = [c.gap for c in confident if typography.spaced(c)]
    heading_gap = sorted(spaced)[len(spaced) // 2] if spaced and 2 * len(spaced) > len(confident) else None
    signature_count: dict[tuple[tuple[int, bool, bool], bool, bool], int] = {}
    for line in lines:
        style = typography.style(line)
        if style is not None:
            look = _look(typography, style, heading_gap)
            signature_count[look] = signature_count.get(look, 0) + 1
    # Numbered headings ("1. Experience") or headings after a glyph ("■ Skills"): a line that starts the same way
    # is no bullet when the document's recognised headings do (`prefixes`).
    name_line = largest_line(lines, typography)
    # Where the recognised headings sit in a left margin beside their rows, a line set there the same way is
    # set apart by its place as much as by a typeface.
    beside = {i for i in range(len(lines) - 1) if _beside_its_row(typography, lines[i], lines[i + 1])}
    by_place = len(beside & set(found)) >= 2 and len(beside) <= len(confident) + 3
    single_styles = {typography.signature(style) for style in confident} - typography.heading_styles
    candidates: list[tuple[int, bool]] = []
    early: set[int] = set()
    for index, line in enumerate(lines):
        if index in found or index == name_line or not looks_like_heading_text(line.text) or (
                BULLET.match(line.text) and _heading_prefix(line.text) not in prefixes):
            continue
        if CAREER_BREAK.search(line.text):
            continue  # "Career break" set in bold is an entry among jobs, not a heading naming a career section
        style = typography.style(line)
        if style is None:
            continue
        if confident and not typography.set_apart(style) and all(abs(style.x - c.x) > 3 for c in confident):
            # Headings set like the body text are set apart by their place (a left margin): a body-styled line
            # elsewhere (the end of a wrapped title) is body text.
            continue
        if typography.like_headings(style):
            # Set like the document's own headings; "other" only after the first recognised heading, and when
            # that style is bigger or in capitals (bold body text is also every job title) and rare enough.
            signature = typography.signature(style)
            # Bold body-size text is also every job title, so a style seen much more often than the recognised
            # headings is no heading style -- unless it is set apart beyond bold: clearly bigger, or capitals in a
            # bigger size.
            set_apart = style.size >= 1.15 * typography.body or (signature[2] and style.size >= 1.1 * typography.body)
            styled_apart = (
                bool(found) and (signature[2] or typography.marked(style) or style.size >= 1.05 * typography.body
                                 or _look(typography, style, heading_gap)[2])
                and (set_apart or signature_count.get(_look(typography, style, heading_gap), 0) <= len(confident) + 3)
            ) or by_place and index in beside
            distinctive = styled_apart and index > min(found)
            if styled_apart and not distinctive:
                # Above the first heading found (the header, or headings before it that nothing named): a heading
                # only if its section's content names it.
                early.add(index)
            candidates.append((index, distinctive))
        elif not confident and typography.body and (
                style.size >= 1.12 * typography.body and typography.set_apart(style) or typography.marked(style)):
            candidates.append((index, False))
        elif typography.signature(style) in single_styles and typography.set_apart(style) and (
                kind := keyword_kind(line.text)) not in (None, *found.values()) and (
                not _dated_below(lines, index) or kind == "experience"):
            # Set exactly like one recognised heading (a sidebar's small bold "Education") and naming by its own
            # words a kind the document has no section of yet ("Software Skills"): that sidebar's next heading.
            # Dated lines under it speak against it (an employer set like the headings) -- except under a work
            # history's heading ("Professional Positions"), whose entries are dated.
            candidates.append((index, True))
    return candidates, early


def _name_styled_lines(lines: list[Line], typography: Typography, embedder: Embedder | None,
                       found: dict[int, SectionName], candidates: list[tuple[int, bool]], early: set[int],
                       prefixes: set[str]) -> None:
    """Name the heading-styled lines: by a keyword, by similarity to each kind's phrasings, by what their section
    holds, or "other"; a line that is an item of a list or an entry's header stays unnamed."""
    # Where the recognised headings themselves have dated entries right under them (an "Education" over its first
    # degree's dates), a dated line under a line set like them says nothing against its being a heading.
    heading_signatures = {typography.signature(s) for i in found if (s := typography.style(lines[i]))}
    # (Not a heading whose next line is itself a candidate: "Experience" / "Pinecrest Logistics" / dates -- those
    # dates are the candidate's, the first employer's, set like the headings.)
    candidate_lines = {i for i, _ in candidates}
    dated_headings = {typography.signature(s) for i in found if (s := typography.style(lines[i]))
                      and _dated_below(lines, i) and i + 1 not in candidate_lines}
    unresolved = []
    for index, distinctive in candidates:
        kind = keyword_kind(_without_prefix(lines[index].text, prefixes))
        if kind is not None:
            found[index] = kind
        else:
            unresolved.append((index, distinctive))
    if unresolved:
        # A line with a date range right under it may be an entry's header (an employer set like the headings):
        # unless the document's own headings in its style sit over dates too, only a clear match names it.
        floors = [STYLED_SIMILARITY_FLOOR if distinctive and not (
            _dated_below(lines, index) and _shape(typography, lines[index]) not in dated_headings)
            else SIMILARITY_FLOOR for index, distinctive in unresolved]
        kinds = embedding_kinds([_without_prefix(lines[i].text, prefixes) for i, _ in unresolved],
                                embedder or _default_embedder(), floors)
        unnamed: list[int] = []
        capitalised = any(lines[i].text.lstrip("/#~=>_ ")[:1].isupper() for i in found)
        starts = sorted(set(found) | {i for i, _ in candidates})
        for (index, distinctive), kind in zip(unresolved, kinds, strict=True):
            if _entry_title(lines, index) or _under_a_lone_date(lines, index):
                continue
            if kind == "education" and _prose_section(lines, index, starts) and not _names_schooling(
                    lines, index, starts):
                # Similarity only guessed the kind ("Background" is near "academic background"), and the section
                # is a paragraph of sentences naming no degree or school: let its content name it.
                kind = None
            if kind is not None and _item_not_heading(lines, kind, found, index, capitalised, typography):
                continue
            if kind is not None:
                found[index] = kind
            elif distinctive or index in early:
                unnamed.append(index)
        for index, kind in _kinds_by_content(lines, unnamed, found, candidates).items():
            shape = _shape(typography, lines[index])
            if _item_not_heading(lines, kind, found, index, capitalised, typography):
                continue
            if index in early and kind is None:
                continue
            if kind == "experience":
                # Kept as a heading; `_unnamed_work_history` names it the work history, and the reading says the
                # heading was not recognised.
                found[index] = "other"
            elif kind is not None:
                found[index] = kind
            elif not _dated_below(lines, index, _HEADER_LINES) or (
                    shape in dated_headings and len(heading_signatures) == 1):
                # (Nothing names it, and dates follow within a header's lines: an employer over its industry and
                # the title, "The Cigna Group" / "Health Services" / "Architecture Senior Advisor" / its dates.)
                found[index] = "other"


_PREFIX = re.compile(r"^\s*(\d{1,2}[.)](?!\d)|[IVX]{1,4}\.|[^\w\s(\[\"'])\s*")


def _heading_prefix(text: str) -> str | None:
    """How a line starts before its words: "number" for "1." / "II.", else the glyph ("■"); None for a word."""
    m = _PREFIX.match(text)
    if m is None:
        return None
    return "number" if m.group(1)[0].isdigit() or m.group(1)[0] in "IVX" else m.group(1)


def _without_prefix(text: str, prefixes: set[str]) -> str:
    return _PREFIX.sub("", text, count=1) if _heading_prefix(text) in prefixes else text


def _look(typography: Typography, style: StyledLine,
          heading_gap: float | None) -> tuple[tuple[int, bool, bool], bool, bool]:
    """A line's signature, whether colour or a rule marks it, and whether it is bold (in small letters: bold
    capitals are every employer or title of some templates) with about as much space above it as the document's
    headings (`heading_gap`, None where they have no more than a paragraph's lines)."""
    signature = typography.signature(style)
    return signature, typography.marked(style), bool(
        signature[1] and not signature[2] and heading_gap is not None and typography.spaced(style)
        and style.gap >= 0.8 * heading_gap)


def _names_schooling(lines: list[Line], index: int, starts: list[int]) -> bool:
    end = next((i for i in starts if i > index), len(lines))
    return any(DEGREE.search(line.text) or INSTITUTION.search(line.text) for line in lines[index + 1: end])


def _prose_section(lines: list[Line], index: int, starts: list[int]) -> bool:
    """Is the section under heading `index` (to the next heading or candidate) a paragraph of sentences: at least
    two lines, mostly prose, no date ranges, ending in a full stop?"""
    end = next((i for i in starts if i > index), len(lines))
    body = [line.text for line in lines[index + 1: end]]
    if len(body) < 2 or any(RANGE.search(t) or OPEN_FIRST.search(t) or SINCE.search(t) for t in body):
        return False
    return 2 * sum(_prose(t) for t in body) >= len(body) and body[-1].rstrip().endswith((".", "!"))


def _kinds_by_content(lines: list[Line], unnamed: list[int], found: dict[int, SectionName],
                      candidates: list[tuple[int, bool]]) -> dict[int, SectionName | None]:
    """Name headings set like the document's headings whose words nothing recognised by what their sections hold,
    for the kinds every resume has and this one has not named yet: the section with the most date ranges among
    titles is the experience, the one with the most degrees or schools the education, and an undated one of short
    comma-separated items the skills; and an undated one whose lines are mostly languages with their levels the
    languages. The rest stay unnamed (None)."""
    out: dict[int, SectionName | None] = {index: None for index in unnamed}
    starts = sorted(set(found) | {i for i, _ in candidates})
    if "summary" not in found.values():
        # A paragraph of sentences under a heading nothing names, before the work history: the candidate
        # introducing themself ("Background", "Who I am").
        history = min((i for i, kind in found.items() if kind == "experience"), default=len(lines))
        opening = [i for i in unnamed if i < history and _prose_section(lines, i, starts)]
        if opening:
            out[opening[0]] = "summary"
            unnamed = [i for i in unnamed if i != opening[0]]
    evidence: dict[int, tuple[int, int, int, int, int]] = {}
    for index in unnamed:
        # The section runs to the next line found or taken for a heading.
        end = next((i for i in starts if i > index), len(lines))
        body = [line.text for line in lines[index + 1: end]]
        dated = sum(bool(RANGE.search(t) or OPEN_FIRST.search(t) or SINCE.search(t)) for t in body)
        degrees = sum(bool(DEGREE.search(t) or INSTITUTION.search(t)) for t in body)
        titles = sum(bool(TITLE_WORDS.search(t)) for t in body)
        items = sum(len(SKILL_SPLIT.split(t)) >= 3 and not t.rstrip().endswith(".") for t in body)
        spoken = sum(bool(_LANGUAGE_NAME.search(t)) for t in body)
        levels = sum(bool(_LANGUAGE_LEVEL.search(t)) for t in body)
        # Languages: most lines name one, and levels are given.
        evidence[index] = (dated, degrees, titles, items,
                           spoken if body and levels and 2 * spoken >= len(body) else 0)
    have = set(found.values())
    rules: list[tuple[SectionName, Callable[[tuple[int, int, int, int, int]], int]]] = [
        ("experience", lambda e: e[0] if e[0] >= 2 and e[2] >= 2 and e[2] > e[1] else 0),
        ("education", lambda e: e[1] if e[1] >= 1 and e[1] >= e[2] else 0),
        ("languages", lambda e: e[4] if e[0] == 0 else 0),
        ("skills", lambda e: e[3] if e[3] >= 2 and e[0] == 0 else 0),
    ]
    for kind, score in rules:
        if kind in have:
            continue
        free = [i for i in unnamed if out[i] is None and score(evidence[i]) > 0]
        if free:
            out[max(free, key=lambda i: score(evidence[i]))] = kind
    return out


# Languages and proficiency levels in English, German, French, Spanish and Portuguese, for a languages section
# whose heading nothing named ("English (native), German (C1)", "Deutsch – Muttersprache").
_LANGUAGE_NAME = re.compile(
    r"\b(?:english|englisch|anglais|ingl[ée]s|german|deutsch|allemand|alem[áa]n|alem[ãa]o|french|franz[öo]sisch"
    r"|fran[çc]ais|franc[ée]s|spanish|spanisch|espagnol|espa[ñn]ol|espanhol|portuguese|portugiesisch|portugais"
    r"|portugu[ée]s|italian|italienisch|italien|italiano|chinese|mandarin|chinesisch|chinois|chino|chin[êe]s"
    r"|japanese|japanisch|japonais|japon[ée]s|russian|russisch|russe|ruso|russo|arabic|arabisch|arabe|[áa]rabe"
    r"|hindi|dutch|niederl[äa]ndisch|n[ée]erlandais|holand[ée]s|polish|polnisch|polonais|polaco|turkish|t[üu]rkisch"
    r"|korean|koreanisch|cor[ée]en|coreano|catalan|katalanisch|catal[àa]n?|swedish|schwedisch|su[ée]dois|sueco)\b",
    re.IGNORECASE,
)
_LANGUAGE_LEVEL = re.compile(
    r"\b(?:[abc][12]|native|mother tongue|fluent|bilingual|proficient|professional working|conversational|basic"
    r"|intermediate|advanced|muttersprache|flie[ßs]end|verhandlungssicher|grundkenntnisse|sehr gut|langue maternelle"
    r"|courant|bilingue|notions|interm[ée]diaire|avanc[ée]|nativ[oa]|lengua materna|l[íi]ngua materna|fluid[oa]"
    r"|fluente|avanzado|avan[çc]ado|intermedio|intermedi[áa]rio|b[áa]sico)\b",
    re.IGNORECASE,
)


def _shape(typography: Typography, line: Line) -> tuple[int, bool, bool] | None:
    styled = typography.style(line)
    return typography.signature(styled) if styled is not None else None


def _item_not_heading(lines: list[Line], kind: SectionName | None, found: dict[int, SectionName], index: int,
                      capitalised: bool, typography: Typography) -> bool:
    """A line set like a heading that only similarity names (or nothing does, `kind` None), that reads as an item
    of the section it sits in rather than a new one: of the same kind as the heading above it ("English" under
    "Languages", "B.S. in Mathematics" -- a degree -- under "Education"), in
    lower case where the document's headings are capitalised (a "responsibilities" label in an entry), or named as
    an undated kind (skills, languages, interests, summary) with a date range right under it (a job title), or
    indented under the heading above it just as the section's entries are (a bold title beside a left column of
    dates)."""
    above = max((i for i in found if i < index), default=None)
    if kind is None and DEGREE.search(lines[index].text):
        kind = "education"
    if above is not None and found[above] == kind:
        return True
    own = typography.style(lines[index])
    if above is not None and own is not None and (parent := typography.style(lines[above])) is not None and (
            own.page == parent.page and 15 <= own.x - parent.x <= 150 and any(
                (body := typography.style(line)) is not None and abs(body.x - own.x) <= 3
                for line in lines[above + 1: index])):
        return True
    if kind in _UNDATED_KINDS and _dated_below(lines, index):
        return True
    return capitalised and lines[index].text.lstrip("/#~=>_ ")[:1].islower()


# The most lines an entry's header sets above its dates: employer, industry or place, title.
_HEADER_LINES = 3
_UNDATED_KINDS: frozenset[SectionName] = frozenset({"skills", "languages", "interests", "summary"})


def _dated_below(lines: list[Line], index: int, reach: int = 2) -> bool:
    """Is a date range on one of the `reach` lines under `index`? Then a heading-styled line nobody can name is an
    entry's header (an employer set as large as the section headings), not a section of its own."""
    return any(RANGE.search(line.text) or OPEN_FIRST.search(line.text) or SINCE.search(line.text)
               for line in lines[index + 1: index + 1 + reach])


def _under_a_lone_date(lines: list[Line], index: int) -> bool:
    """Is the line right above `index` a month's date and nothing else ("October 2022" / "Joined University of
    Toronto")? Then a heading-styled line no keyword names is that date's entry header (a timeline that prints each
    entry's date over it), not a section of its own: no section opens under a date that belongs to nothing."""
    return index > 0 and SINGLE_DATE.fullmatch(lines[index - 1].text.strip()) is not None


def _entry_title(lines: list[Line], index: int) -> bool:
    """Is a heading-styled line that no keyword names a job title beside its entry's dates ("2011-01-01 — 2013-02-01"
    / "Technical Lead", bold and bigger in a résumé with no section headings)? Its words name a title and a range
    sits on one of the two lines above or below it; similarity would name it a section ("Technical Lead" is near
    skills) and cut the work history into sections of one role."""
    return bool(TITLE_WORDS.search(lines[index].text)) and (_dated_below(lines, index) or any(
        RANGE.search(line.text) or OPEN_FIRST.search(line.text) for line in lines[max(0, index - 2): index]))


def _default_embedder() -> Embedder | None:
    """The MiniLM model the project ships (loaded once per process); None if it cannot load."""
    try:
        from assistant.knowledge.embeddings import shared_local_minilm

        return shared_local_minilm()
    except Exception:  # a missing model only costs the similarity fallback
        return None


def read_sections(
    lines: list[Line], typography: Typography | None = None, embedder: Embedder | None = None
) -> tuple[list[Line], list[Span]]:
    headings = _find_headings(lines, typography, embedder)
    header: list[Line] = []
    spans: list[Span] = []
    # Two-column pages: the top of the next page continues the section its *column* held, not the section the
    # previous page ended with (the sidebar's last one). Column = the leftmost edge of a span's styled lines on the
    # page it starts on (its entries' edge, not a date set right of them or a bullet indented under them).
    # Within a page, a line that starts a column (set higher than the line before it, far to its side) where the
    # current section has no line continues the section whose column that is (a sidebar's last section, then the
    # main column's work history going on).
    columns: dict[int, list[tuple[int, float]]] = {}  # span -> (page, left edge) of its lines on its first page
    heading_at: dict[int, float] = {}
    nested: tuple[Span, float] | None = None  # a group set inside a work history's entry, and the group's indent
    target: Span | None = None
    page = 0
    previous: StyledLine | None = None
    for index, line in enumerate(lines):
        name = headings.get(index)
        style = typography.style(line) if typography is not None else None
        if name is None and style is not None and spans:
            if style.page > page and page:
                target = _continued_span(spans, style.x, columns)
            elif target is None and _starts_a_column(style, previous, [x for _, x in columns.get(id(spans[-1]), [])]):
                # (Only to a section headed in that column: where every heading sits in a left column and its
                # content to the right, each row's content rises level with its heading, and stays in its section.)
                column = _continued_span(spans, style.x, columns)
                target = column if column is not None and abs(heading_at.get(id(column), -1e9) - style.x) <= 20 else None
            if target is not None:
                target.lines.append(line)
                page, previous = max(page, style.page), style
                continue
        if style is not None:
            page, previous = max(page, style.page), style
        if name is not None:
            target = None
        if name is None and style is not None and spans:
            edges = columns.setdefault(id(spans[-1]), [])
            if not edges or style.page == edges[0][0]:
                edges.append((style.page, style.x))
        if name is not None and spans and not spans[-1].lines and lexicon_kind(line.text) is None and _smaller_heading(
                spans[-1].heading, line.text, typography):
            # "EXPERIENCE" then, at once, a smaller "Personal projects & content": a sub-heading of the section
            # just opened (its first group of entries), not a section of its own. (A smaller heading the lexicon
            # names, "CERTIFICATIONS" under "EDUCATION", stays a section.)
            spans[-1].lines.append(line)
            continue
        if name is not None:
            parent = spans[-1] if spans else None
            spans.append(Span(name=name, heading=_DOT_LEADER.sub("", line.text).rstrip(":").strip(), lines=[]))
            if style is not None:
                heading_at[id(spans[-1])] = style.x
            nested = (parent, style.x) if (parent is not None and style is not None and _nested_in_work_history(
                parent, name, style, heading_at, typography)) else None
        elif spans:
            if nested is not None and style is not None and style.x < nested[1] - _INDENT:
                if spans[-1].lines:
                    # Back at the work history's own indent after a group nested in one of its entries ("Projects"
                    # indented under a consultancy's entry, its client engagements under it): the work history
                    # goes on.
                    parent = nested[0]
                    spans.append(Span(name=parent.name, heading=parent.heading, lines=[]))
                    heading_at[id(spans[-1])] = heading_at.get(id(parent), style.x)
                # (A heading whose own first line already starts further out was only set in from the others --
                # centred, or right-aligned in a margin -- and nests nothing.)
                nested = None
            spans[-1].lines.append(line)
        else:
            header.append(line)
    for index, span in enumerate(spans):
        group = _opening_group(span, typography)
        if group is not None and not any(RANGE.search(line.text) or OPEN_FIRST.search(line.text)
                                         or SINCE.search(line.text) for line in span.lines):
            # "Research" opening at once with a bold "Peer Reviewed Publications", and no dated role anywhere under
            # it: the sub-heading says what the section holds, which is not a work history.
            spans[index] = Span(name=group, heading=span.heading, lines=span.lines)
    return header, spans


# How much further in than its section's heading a heading must sit to be set inside that section's entries.
_INDENT = 10.0


def _nested_in_work_history(parent: Span, name: SectionName, style: StyledLine, heading_at: dict[int, float],
                            typography: Typography | None) -> bool:
    """A "Projects" heading set further in than the work history's own heading and level with the text of its
    entries: a group inside one entry (a consultancy's client engagements), after which the work history goes on
    where lines come back out. (Only projects nest so; an education heading set in from the others is a layout's
    right-aligned label column.)"""
    if typography is None or parent.name != "experience" or name != "projects" or not parent.lines:
        return False
    at = heading_at.get(id(parent))
    inside = {round(s.x) for line in parent.lines if (s := typography.style(line)) is not None}
    return at is not None and style.x > at + _INDENT and any(abs(style.x - x) <= 3 for x in inside)


def _opening_group(span: Span, typography: Typography | None) -> SectionName | None:
    """The kind a work-history section's first line names when it is set apart as a sub-heading of an undated kind
    ("Peer Reviewed Publications" right under "Research")."""
    if span.name != "experience" or not span.lines or typography is None:
        return None
    first = span.lines[0].text
    style = typography.style(first)
    kind = keyword_kind(first) if looks_like_heading_text(first) else None
    return kind if kind in _UNDATED_GROUPS and style is not None and typography.set_apart(style) else None


# Kinds a sub-heading can give the section it opens when that section holds no dated role.
_UNDATED_GROUPS: frozenset[SectionName | None] = frozenset({"publications", "projects", "awards", "skills"})


_DOT_LEADER = re.compile(r"(?:\s?[.·…]){3,}\s*$")


def _starts_a_column(style: StyledLine, previous: StyledLine | None, section_edges: list[float]) -> bool:
    """Does this line start another column on the page: set higher than the line before it, far to its side, where
    the current section has no line?"""
    return previous is not None and style.page == previous.page and style.rises and abs(
        style.x - previous.x) > 60 and bool(section_edges) and all(abs(x - style.x) > 60 for x in section_edges)


def _continued_span(spans: list[Span], x: float, columns: dict[int, list[tuple[int, float]]]) -> Span | None:
    """The earlier section whose column a new page's unheaded first line sits in, when the last section is in
    another, narrower column (a sidebar read after the main column); None when the page simply continues the last
    section. Only the main column continues onto a new page: when the last section is itself the wider column (a
    left sidebar, then the main column, then a full-width second page), the new page continues it."""
    last = min((edge for _, edge in columns.get(id(spans[-1]), [])), default=None)
    if last is None or abs(last - x) <= 60:
        return None

    def width(span: Span) -> float:
        return sum(len(line.text) for line in span.lines) / max(1, len(span.lines))

    for span in reversed(spans[:-1]):
        edge = min((left for _, left in columns.get(id(span), [])), default=None)
        if edge is not None and abs(edge - x) <= 20:
            return span if width(span) > width(spans[-1]) else None
    return None


def _prose(text: str) -> bool:
    words = text.split()
    lower = sum(1 for w in words if w[:1].islower())
    return len(words) >= 6 and lower >= 0.4 * len(words) and not RANGE.search(text) and not (
        EMAIL.search(text) or URL.search(text) or PHONE.search(text))


def unheaded_summary(header: list[Line]) -> list[Line]:
    """The first paragraph of prose before any heading (under the name and contact lines), at least a sentence's
    worth of words; [] when the header holds only name, title and contact details."""
    start = next((i for i, line in enumerate(header) if _prose(line.text)), None)
    if start is None:
        return []
    block = [header[start]]
    for line in header[start + 1:]:
        if not (_prose(line.text) or (line.text[:1].islower() and not EMAIL.search(line.text))):
            break
        block.append(line)
    return block if sum(len(line.text.split()) for line in block) >= 12 else []


def _smaller_heading(parent: str, child: str, typography: Typography | None) -> bool:
    if typography is None:
        return False
    a, b = typography.style(parent) or typography.style(parent + ":"), typography.style(child)
    return a is not None and b is not None and b.size < 0.92 * a.size
