"""Rebuild reading order and typography from positioned text runs (stdlib only: the PDF worker loads this file).

pypdf's plain text follows the content stream, and producers draw in any order: Apple Pages draws every heading
first and the body after it, sidebar templates draw the sidebar last, Canva draws box by box. A reader follows the
page instead, so this module places every visible run (text, baseline x/y, font size, bold) on the page and:

- groups runs on one baseline into lines, joining runs that were adjacent in the stream as pypdf did and
  putting a space between runs that only meet on the page;
- finds columns per page: a vertical gutter that almost no line crosses, with text on both sides. When the
  narrow side only holds labels aligned row by row with the other side (moderncv / Europass dates in the margin,
  right-aligned dates), the page is one column and the rows stay whole; otherwise each band between full-width
  lines is read left column first, then right;
- accepts a gutter crossed only by a few full-width bands (a big name, a summary, a section over both columns),
  where the stream drew the two sides as blocks; tells a short sidebar (a running block from the top of the
  columns) from margin labels (one per entry, an entry's height apart);
- keeps a row's small date cell on the row when the cells are aligned by their tops or middles rather than
  their baselines (HTML themes), and a range wrapped inside that cell with it;
- joins small capitals ("W" + "ORK") and keeps the word breaks of letters placed one at a time; gives a heading
  set as a capital plus small capitals its capital back where pypdf glued it to the row's last word
  ("...ResearchC" + "ontact");
- splits a heading set in a left margin off its row (bigger than the row, or in the body's size at the page's
  outer edge with a wide gap), and joins a margin heading wrapped over two rows ("Research" / "Interests");
- joins words hyphenated across a line break ("engi-" / "neering") when the next line continues in lower case;
- reads a small dot or square drawn just before a line's first word as its list marker ("• "): HTML printers
  draw `<li>` markers as shapes, not glyphs;
- reports each line's typography (size, bold share, left edge, space above) so headings and names can be found
  the way a reader finds them, by what sets them apart.

Widths are estimated (half an em per character): pypdf's visitor gives a run's start, not its end. The estimate
only decides gaps between runs and which lines cross a gutter, where being a few points off does not matter.
"""

from __future__ import annotations

import bisect
import re
from statistics import median
from typing import Any

_BOLD_NAME = re.compile(
    r"bold|black|heavy|semibold|demi|extrabold|ultrabold|[-,+](?:b|bd|sb|bx)\b|cmbx|sfbx|cmb\d|bx\d+|\+bx|medium",
    re.IGNORECASE,
)
# Italic or oblique faces: Helvetica-Oblique, Calibri-Italic, LMRoman10-Italic, CMTI10, SourceSansPro-It.
_ITALIC_NAME = re.compile(r"italic|oblique|kursiv|[-,](?:it|bi|bdit|boldit|sbit)\b|cmti|cmsl|cmbxti", re.IGNORECASE)
_EM_PER_CHAR = 0.48
_CAPS_EM = 0.65  # a capital is wider than the average character
# How far an estimated line end may overshoot a gutter before the line counts as crossing it, as a share of the
# line's estimated width: condensed fonts set a long sidebar-template line up to ~15% narrower than the estimate.
_WIDTH_SLACK = 0.2


class Run:
    """One visible text run: what pypdf's visitor reported, placed on the page. (A plain class, not a dataclass:
    the worker imports this module on every start, and `dataclasses` costs more to import than the class.)"""

    __slots__ = ("bold", "char_width", "colour", "italic", "order", "previous", "sep_before", "size", "text", "x",
                 "y")

    def __init__(self, text: str, x: float, y: float, size: float, bold: bool, order: int, previous: int = -1,
                 sep_before: str = "", italic: bool = False,
                 colour: tuple[float, float, float] | None = None, width: float | None = None) -> None:
        self.text, self.x, self.y, self.size, self.bold, self.italic = text, x, y, size, bold, italic
        self.colour = colour  # fill colour (RGB 0..1) it was shown in; None when unknown
        self.order = order  # position among the page's non-empty runs in stream order
        self.previous = previous  # `order` of the non-empty run before it in the stream
        self.sep_before = sep_before  # whitespace pypdf put between that run and this one
        # The pen's mean advance per character (points) from the font's glyph widths, when known: it stays with
        # the run when the reader joins another run's words onto it (they are set in the same face).
        self.char_width = width / len(text) if width is not None and width > 0 and text else None

    @property
    def end(self) -> float:
        """Where the run ends by the character count (the estimate the column and cell rules were built on)."""
        return self.x + _EM_PER_CHAR * self.size * len(self.text)

    @property
    def right(self) -> float:
        """Where the run ends by its font's glyph widths (`end` where they are unknown): what tells a line filled
        to its column's edge from one ended early."""
        return self.end if self.char_width is None else self.x + self.char_width * len(self.text)


class LayoutLine:
    __slots__ = ("runs",)

    def __init__(self, runs: list[Run]) -> None:
        self.runs = runs

    @property
    def y(self) -> float:
        return self.runs[0].y

    @property
    def x0(self) -> float:
        return min(r.x for r in self.runs)

    @property
    def x1(self) -> float:
        return max(r.end for r in self.runs)

    @property
    def right(self) -> float:
        return max(r.right for r in self.runs)

    @property
    def size(self) -> float:
        """The size most of the line's characters have."""
        if len(self.runs) == 1:
            return self.runs[0].size  # most lines (asked for often: the column and row rules ask per line)
        weights: dict[float, int] = {}
        for r in self.runs:
            weights[r.size] = weights.get(r.size, 0) + len(r.text.strip())
        return max(weights, key=lambda s: weights[s]) if weights else 0.0

    @property
    def bold(self) -> float:
        return self.bold_share()

    def bold_share(self, added: int = 0) -> float:
        """Share of the runs' characters set in bold, over `added` more characters of text than the runs hold."""
        total = sum(len(r.text.strip()) for r in self.runs) + added or 1
        return sum(len(r.text.strip()) for r in self.runs if r.bold) / total

    @property
    def italic(self) -> float:
        total = sum(len(r.text.strip()) for r in self.runs) or 1
        return sum(len(r.text.strip()) for r in self.runs if r.italic) / total

    def text(self, field_breaks: bool = False) -> str:
        """The line's words in reading order. With `field_breaks`, text set apart by a wide gap (a place or a date
        right-aligned beside an employer, a cell of a tabbed row) is joined with " | ": a reader sees two fields
        there, and a single space would run them together ("AT&T San Francisco Bay Area")."""
        out = ""
        previous: Run | None = None
        ordered = sorted(self.runs, key=lambda r: r.x)
        spacing = _letter_spacing(ordered)
        breaks = _field_breaks(ordered) if field_breaks else set()
        for index, run in enumerate(ordered):
            if index in spacing:
                out += spacing[index] + run.text.strip()
                previous = run
                continue
            # A run's own line break ("Oslo,\n") ends its line in the stream; when a run in the same size (a
            # right-aligned date) follows on its baseline, the page line goes on. (A break before text of another
            # size, an address beside a big name, still separates them.)
            after = ordered[index + 1] if index + 1 < len(ordered) else None
            text = run.text
            if after is not None and abs(after.size - run.size) <= 0.15 * run.size:
                text = text.replace("\n", " ")
            if previous is None:
                out = text
            elif index in breaks and _FIELD_END.search(out) and _FIELD_START.match(text):
                out = out.rstrip() + " | " + text.lstrip()
            else:
                out += _separator(previous, run) + text
            previous = run
        return out


# A field break stands between words: a bullet glyph or a dash set apart from its text is no field, and a date
# set apart needs none ("June" ... "2022" is one date; dates are found by their own pattern, wherever they stand).
_FIELD_END = re.compile(r"[^\W\d_][).]?\s*$")
_FIELD_START = re.compile(r"\s*(?![^\W\d_]{3,9}\.?\s*['’‘]?\d)[^\W\d_]")  # not a month and its year: "Mar ’22"


def _field_breaks(ordered: list[Run]) -> set[int]:
    """Indexes (in x order) of runs that open a piece of the line set apart by a wide gap: more than three times the
    font size past where the text before it ends, and a quarter of that text's width more (its end is estimated
    from an average letter's width: a bold title runs a quarter longer than estimated, and the word after it is
    no field of its own). Letters set one by one (a letter-spaced heading) are words, whatever their gaps."""
    out: set[int] = set()
    reach, allowance, last = -1e9, 0.0, ""
    for index, run in enumerate(ordered):
        if not run.text.strip():
            continue
        if last and run.x - reach > 3 * run.size + allowance and min(len(run.text.strip()), len(last)) > 1:
            out.add(index)
        last = run.text.strip()
        if run.end >= reach:
            reach, allowance = run.end, 0.25 * (run.end - run.x)
    return out


# Advance widths of capitals in ems (Helvetica's, near enough for other sans and serif faces); others 0.68.
_CAP_WIDTH = {"I": 0.3, "J": 0.5, "L": 0.56, "F": 0.61, "T": 0.61, "Z": 0.61, "M": 0.85, "W": 0.94, "-": 0.33,
              "'": 0.24, "’": 0.24, ".": 0.28}
_SPACED_GLYPH = re.compile(r"[^\W\d_]|[-'’.]")


def _letter_spacing(ordered: list[Run]) -> dict[int, str]:
    """Separators before the runs of letters placed one at a time (a name or heading tracked out by the producer):
    one space between letters and two at a word break, where the gap after a letter is clearly wider than the
    others, which is how the text normaliser closes such words up ("R E M I  O K A F O R" -> "REMI OKAFOR").
    Keyed by index in `ordered`; the first letter of a group keeps its separator from the line."""
    out: dict[int, str] = {}
    index = 0
    while index < len(ordered):
        end = index
        size = ordered[index].size
        while end + 1 < len(ordered) and _SPACED_GLYPH.fullmatch(ordered[end].text.strip()) \
                and _SPACED_GLYPH.fullmatch(ordered[end + 1].text.strip()) \
                and abs(ordered[end + 1].size - size) <= 0.05 * size \
                and 0 < ordered[end + 1].x - ordered[end].x < 4 * size:
            end += 1
        spaced = sum(1 for k in range(index + 1, end + 1)
                     if ordered[k].text[:1].isspace() or ordered[k].sep_before or ordered[k].previous != ordered[k - 1].order)
        if end - index >= 3 and spaced >= 0.8 * (end - index):
            # (Only letters the text already spaces out: a producer that draws every glyph of ordinary words as a
            # run of its own, and pypdf joins them, is left alone.)
            gaps = [ordered[k + 1].x - ordered[k].x - _CAP_WIDTH.get(ordered[k].text.strip().upper(), 0.68) * size
                    for k in range(index, end)]
            usual = sorted(gaps)[len(gaps) // 2]
            for k, gap in zip(range(index + 1, end + 1), gaps, strict=True):
                out[k] = "  " if gap > usual + 0.3 * size else " "
        index = end + 1
    return out


def is_bold_font(name: str, flags: int = 0, weight: float = 0.0) -> bool:
    """Bold by the font's name (Helvetica-Bold, CMBX10, LMRomanDemi), its weight or its ForceBold flag."""
    return bool(_BOLD_NAME.search(name)) or weight >= 600 or bool(flags & (1 << 18))


def is_italic_font(name: str, flags: int = 0, angle: float = 0.0) -> bool:
    """Italic by the font's name, its Italic flag or a slanted ItalicAngle. Job entries often set the title and the
    employer apart this way (bold title, italic employer), so the parser can tell them apart without guessing."""
    return bool(_ITALIC_NAME.search(name.split("+")[-1])) or bool(flags & (1 << 6)) or abs(angle) >= 5


# The narrowest gap read as a word space where the glyph widths are known: a space is a quarter to a third of an
# em in text fonts (a justified line shrinks it towards a seventh), and kerning between letters stays under a
# tenth.
_WORD_SPACE_EM = 0.1
_OPENS_A_WORD = re.compile(r"[^\W_]|[(\[“‘\"'•·–—&+@#]")
_JOINS_THE_NEXT = re.compile(r"[-‐/(\[“‘]$")


def _separator(left: Run, right: Run) -> str:
    if left.text.endswith(" ") or right.text.startswith(" "):
        return ""
    if right.previous == left.order:
        # Neighbours in the stream: keep what pypdf put between them; nothing means one word (split by a
        # ligature or a kerning change) unless the page shows a clear gap.
        # (Estimated widths are too rough to second-guess pypdf on small gaps: "M" + "arkets" is one word.)
        if right.sep_before:
            return " "
        if left.char_width is not None and right.x - left.right > _WORD_SPACE_EM * right.size and (
                _OPENS_A_WORD.match(right.text) and not _JOINS_THE_NEXT.search(left.text)):
            # Known glyph widths are no estimate: a producer that draws each word as its own text object (TeX
            # through xdvipdfmx, "BT ... Td [(Verder)] TJ ET") leaves the space between them to the page. (Not
            # before a comma or after a hyphen, which a space never parts from their word, however they were set.)
            return " "
        return " " if right.x - left.end > 1.5 * right.size else ""
    return " "


def _lines(runs: list[Run]) -> list[LayoutLine]:
    """Runs on one baseline (within a third of the font size) form a line; lines sorted top to bottom."""
    lines: list[LayoutLine] = []
    for run in sorted(runs, key=lambda r: (-r.y, r.x)):
        placed = False
        recent = lines[-4:]
        # A run on a line's baseline in that line's size belongs to it before it can be a cell of another row: a
        # date ending an entry's first row is that row's, not a cell of the bigger margin heading beside the row
        # ("Work" on the baseline of "Principal Engineer, Stratagem Cloud" ... "2023-01-Present").
        same = [line for line in recent if abs(line.y - run.y) <= max(1.0, 0.35 * run.size)
                and abs(line.size - run.size) <= 0.05 * run.size]
        if same:
            recent = [line for line in recent if line not in same] + same
        for line in reversed(recent):
            tolerance = max(1.0, 0.35 * min(run.size, line.size or run.size))
            ratio = max(run.size, line.size) / max(0.1, min(run.size, line.size))
            near = min(abs(run.x - r.end) for r in line.runs) < 2 * run.size
            if run.text[:1].isspace() and (ratio >= 2 or (ratio >= 1.6 and sum(
                    ch.isalpha() for r in line.runs for ch in r.text) >= 2)):
                # A new word at under half the size is no part of the big text, however close: a name with the
                # contact details set after it on its baseline (and wrapping under it). Nor is one at under 5/8 of
                # the size of words (a name with its tagline run on after it, "Jane Doe Kernel Engineer"), though
                # a big bullet glyph still leads its item's text.
                near = False
            # A big name and small contact text can share a baseline; they are two lines to a reader.
            if abs(line.y - run.y) <= tolerance and (ratio < 1.3 or near):
                line.runs.append(run)
                placed = True
                break
            if ratio < 1.6 and _cell_of_row(line, run, tolerance):
                # The row's bigger text leads the line (its baseline is the row's, for the runs still to come).
                if run.size > line.size:
                    line.runs.insert(0, run)
                else:
                    line.runs.append(run)
                placed = True
                break
        if not placed:
            lines.append(LayoutLine(runs=[run]))
    return _join_row_cells(_join_superscripts(lines))


def _join_superscripts(lines: list[LayoutLine]) -> list[LayoutLine]:
    """A superscript ("275th", "20th", a footnote mark) is set small and raised, so by its baseline it makes a line
    of its own over the text it belongs to ("th" / "275 Signal Company"): its runs join the line just below when
    they are a few characters in a smaller size, within half that line's size above it, and over its extent. The
    line's text then puts them in place by position ("275" "th" " Signal Company")."""
    out: list[LayoutLine] = []
    for index, line in enumerate(lines):
        below = lines[index + 1] if index + 1 < len(lines) else None
        if (below is not None and len("".join(r.text.strip() for r in line.runs)) <= 4
                and below.size >= 1.2 * line.size and 0 < line.y - below.y <= 0.6 * below.size
                and below.x0 - below.size <= line.x0 and line.x1 <= below.x1 + below.size):
            below.runs.extend(line.runs)
            continue
        out.append(line)
    return out


def _join_row_cells(lines: list[LayoutLine]) -> list[LayoutLine]:
    """Join a line made only of cells of a neighbouring line's row (see `_cell_of_row`): small dates set a little
    above a row whose first run came later in the top-to-bottom sort, a heading and an employer beside them."""
    out: list[LayoutLine] = []
    for line in lines:
        previous = out[-1] if out else None
        if previous is not None and len(line.runs) <= 3:
            small, big = sorted((line, previous), key=lambda item: item.size)
            ratio = big.size / max(0.1, small.size)
            tolerance = max(1.0, 0.35 * small.size)
            text = small.text()
            if ratio < 1.6 and all(_cell_of_row(big, run, tolerance, text) for run in small.runs):
                previous.runs = big.runs + small.runs
                continue
        out.append(line)
    return out


def _cell_of_row(line: LayoutLine, run: Run, tolerance: float, cell_text: str | None = None) -> bool:
    """Whether `run`, in another size, is a cell of `line`'s row set apart from it (small dates at the right of
    an employer, HTML themes' flex rows): well clear of the line's text and aligned with it by the tops or the
    middles of the letters, as such rows are laid out, though the baselines differ."""
    first = line.runs[0]
    if min(abs(run.x - r.end) if run.x >= r.x else abs(r.x - run.end) for r in line.runs) < 2 * min(
            run.size, first.size):
        return False
    # The smaller text is the cell at the right (a date or place); a small label at the left of a bigger row
    # (a timeline's years around its bar) keeps its own baseline.
    if (run.size < first.size) != (run.x > first.x):
        return False
    tops = abs((run.y + 0.7 * run.size) - (first.y + 0.7 * first.size))
    middles = abs((run.y + 0.35 * run.size) - (first.y + 0.35 * first.size))
    if not (min(tops, middles) <= tolerance and abs(run.y - first.y) <= 0.5 * max(run.size, first.size)):
        return False
    # Only a date's cell (the row's time span): contact details beside a bigger name are a line of their own.
    small = cell_text if cell_text is not None else run.text if run.size < first.size else line.text()
    return _date_label(small) and "@" not in small


def _segments(line: LayoutLine) -> list[tuple[float, float]]:
    """Pieces of a line separated by a wide gap (a column gutter, or a right-aligned date)."""
    return [(a, b) for a, b, _ in _pieces(line)]


# Runs drawn this many places apart in the stream have other text drawn between them.
_OTHER_TEXT_BETWEEN = 2


def _pieces(line: LayoutLine) -> list[tuple[float, float, list[Run]]]:
    """`_segments` with the runs of each piece."""
    pieces: list[tuple[list[float], list[Run]]] = []
    previous: Run | None = None
    for run in sorted(line.runs, key=lambda r: r.x):
        if not run.text.strip():
            continue
        # Drawn apart (not the stream's next run) and clearly to the right of where the last piece started: a
        # separate block, even when the estimated widths make the two seem to touch.
        apart = previous is not None and run.order != previous.order + 1 and (
            run.x - previous.x > 4 * run.size
            # The stream drew other text between the two (another column's lines) and this run starts where the
            # last one ends: two blocks set close, a narrow gutter (Deedy's), not one line's next word.
            or abs(run.order - previous.order) > _OTHER_TEXT_BETWEEN and run.x >= previous.end - 1)
        if pieces and not apart and run.x - pieces[-1][0][1] < max(8.0, 1.5 * run.size):
            pieces[-1][0][1] = max(pieces[-1][0][1], run.end)
            pieces[-1][1].append(run)
        else:
            if pieces and apart:
                pieces[-1][0][1] = min(pieces[-1][0][1], run.x - 1)
            pieces.append(([run.x, run.end], [run]))
        previous = run
    return [(span[0], span[1], runs) for span, runs in pieces]


# A cell's line cut after a dash, a slash or a joining word: the cell's text goes on on the next line.
_CARRIES_ON = re.compile(r"(?:[-–—/&,]|\b(?:and|of|for|to))\s*$")


def _read_table_cells(lines: list[LayoutLine]) -> list[LayoutLine]:
    """A table of three columns or more (dates | title | employer and description) is read cell by cell, as a reader
    does: each row's first cell, then the next, not line by line across the row, which glues a title to its
    employer ("Senior ML Engineer Vinterberg Retail") and interleaves cells that wrap.

    A table starts from lines with three pieces or more (`_pieces`), each within four lines of the last and close
    together on the page, two of them at least with the same number of pieces, each column's cells starting at its
    left edge row after row (the last column may be flush right). Two columns (dates beside entries) are left to
    the column logic: they read right line by line. See `_Table` for what a table takes in."""
    pieces = [_pieces(line) for line in lines]
    groups: list[list[int]] = []
    for k in (k for k, found in enumerate(pieces) if len(found) >= 3):
        if groups and k - groups[-1][-1] <= 4 and all(
                0 < lines[m - 1].y - lines[m].y < 3 * lines[m].size for m in range(groups[-1][-1] + 1, k + 1)):
            groups[-1].append(k)
        else:
            groups.append([k])
    out: list[LayoutLine] = []
    done = 0
    for group in groups:
        table = _Table.of(lines, [pieces[k] for k in group])
        if table is None:
            continue
        blocks, spacing = table.blocks(group)
        for block in blocks:
            if block[0] >= done:
                out += lines[done:block[0]]
                done = table.read(block, spacing, out)
    return out + lines[done:]


class _Table:
    """The columns of a table on a page's lines (`anchors`: where each column's cells start), and how its lines are
    read: row by row, and in each row cell by cell."""

    def __init__(self, lines: list[LayoutLine], anchors: list[float]) -> None:
        self.lines = lines
        self.anchors = anchors

    @classmethod
    def of(cls, lines: list[LayoutLine], rows: list[list[tuple[float, float, list[Run]]]]) -> _Table | None:
        """The table whose rows have these pieces, or None when they do not line up as a table's cells do."""
        if len(rows) < 2:
            return None
        counts = [len(found) for found in rows]
        usual = max(set(counts), key=lambda n: (counts.count(n), -n))
        regular = [found for found in rows if len(found) == usual]
        if len(regular) < 2:
            return None

        def aligned(edges: list[float]) -> bool:
            return max(edges) - min(edges) <= 2.0

        starts = [[found[c][0] for found in regular] for c in range(usual)]
        ends = [found[-1][1] for found in regular]
        # Cells of a column start at its left edge, row after row; the last may be set flush right. (A title with
        # "at <employer>" run on after it, then a date, is one cell and a date: "at" starts wherever the title ends.)
        if not all(map(aligned, starts[:-1])) or not (aligned(starts[-1]) or aligned(ends)):
            return None
        # At the leftmost start: a date flush right in its cell starts further right on a shorter range.
        return cls(lines, [min(column) for column in starts])

    def column(self, x: float) -> int | None:
        """The column text starting at `x` is in: the last one starting at or left of it."""
        return max((k for k, a in enumerate(self.anchors) if a <= x + 1.5), default=None)

    def _runs(self, k: int) -> list[Run]:
        return [r for r in self.lines[k].runs if r.text.strip()]

    def in_columns(self, k: int) -> bool:
        """Does line `k` sit in the columns: starting in one, no run going on into the next (a full-width bullet
        under a row of cells, a section heading, are not cells)?"""
        runs = self._runs(k)
        if not runs or self.column(min(r.x for r in runs)) is None:
            return False
        for run in runs:
            col = self.column(run.x)
            if col is not None and col + 1 < len(self.anchors) and run.end > self.anchors[col + 1] + 0.5 * run.size:
                return False
        return True

    def cells(self, k: int) -> int:
        """How many columns line `k` has a run starting at (a cell's first word)."""
        return sum(1 for a in self.anchors if any(abs(r.x - a) <= 1.5 for r in self._runs(k)))

    def blocks(self, group: list[int]) -> tuple[list[list[int]], float]:
        """The stretches of lines in the columns around the `group` of rows found: a line out of them ends one. A
        row just above whose cells the widths misjudged into fewer pieces ("Aurora Bank VP, ...") is taken in. With
        them, the table's line spacing (the closest two lines of a cell), which tells where a row ends."""
        lines = self.lines
        first = group[0]
        while first > 1 and self.in_columns(first - 1) and self.cells(first - 1) >= 2 \
                and 0 < lines[first - 2].y - lines[first - 1].y < 3 * lines[first - 1].size:
            first -= 1
        blocks: list[list[int]] = [[]]
        for k in range(first, group[-1] + 1):
            if self.in_columns(k):
                blocks[-1].append(k)
            elif blocks[-1]:
                blocks.append([])
        spacing = min((lines[k - 1].y - lines[k].y for block in blocks for k in block[1:]), default=0.0)
        return [block for block in blocks if any(k in group or self.cells(k) >= 3 for k in block)], spacing

    def read(self, block: list[int], spacing: float, out: list[LayoutLine]) -> int:
        """The block's lines appended to `out` cell by cell, with the rest of its last row (its wrapped cells);
        returns the index of the line after it. A row ends where the gap to the next line is wider than the
        table's line spacing (cell padding, a rule), or where the first column starts again after lines without
        it. In a table whose lines are all evenly spaced (no padding, no wrapped cell: a compact table of
        employer | title | dates), spacing tells no row from the next, so the first column starting again starts
        a row, unless its cell's last line was cut where its text goes on ("2020 –" over "today")."""
        lines = self.lines
        end = block[-1] + 1
        while end < len(lines) and self.in_columns(end) and 0 < lines[end - 1].y - lines[end].y <= 1.25 * spacing:
            block = [*block, end]
            end += 1
        even = all(lines[k - 1].y - lines[k].y <= 1.25 * spacing for k in block[1:])
        rows: list[list[int]] = []
        for k in block:
            first_again = rows and self._first_column(k) == 0 and (
                self._first_column(k - 1) != 0 or (even and not self._cut_in_first_column(k - 1)))
            if not rows or lines[k - 1].y - lines[k].y > 1.25 * spacing or first_again:
                rows.append([])
            rows[-1].append(k)
        for row in rows:
            for col in range(len(self.anchors)):
                cell_lines = [LayoutLine(cell) for k in row
                              if (cell := [r for r in self._runs(k) if self.column(r.x) == col])]
                for line in cell_lines:
                    if line is not cell_lines[0] and _CARRIES_ON.search(out[-1].text()):
                        # "2020 –" / "today", "Principal ML Engineer /" / "Tech Lead Manager": a range or a title
                        # wrapped in a narrow cell goes on. (A cell's other lines may be lines of their own: an
                        # employer under a title.)
                        last = max(out[-1].runs, key=lambda r: r.x)
                        last.text = last.text.rstrip() + " " + line.text().strip()
                        continue
                    out.append(line)
        return end

    def _first_column(self, k: int) -> int | None:
        return self.column(min(r.x for r in self._runs(k)))

    def _cut_in_first_column(self, k: int) -> bool:
        """Does line `k`'s first-column cell end where its text goes on (`_CARRIES_ON`)?"""
        cell = " ".join(r.text for r in sorted(self._runs(k), key=lambda r: r.x) if self.column(r.x) == 0)
        return bool(_CARRIES_ON.search(cell))


def _gutter(lines: list[LayoutLine], left_edge: float, right_edge: float) -> float | None:
    """An x that splits the page into two independent columns, or None for a one-column page."""
    if len(lines) < 8:
        return None
    segs = [(index, a, b) for index, line in enumerate(lines) for a, b in _segments(line)]
    width = right_edge - left_edge
    if width <= 0:
        return None
    candidates: list[tuple[float, float]] = []
    step = max(2.0, width / 150)
    g = left_edge + 0.18 * width
    while g < left_edge + 0.82 * width:
        if any(g - 1 <= a < g and b > g + 1 for _, a, b in segs):
            # A piece of text starts right at this x and runs on across it (a bold title just after a date
            # column): the split would cut that line in two, whichever side it counted it on. A gutter is where
            # no text is; the scan's next step tries beside it.
            g += step
            continue
        crossed = {i for i, a, b in segs if a < g - 1 and b > g + 1 + _WIDTH_SLACK * (b - a)}
        crossing = len(crossed)
        left_rows = {i for i, a, b in segs if b <= g + _WIDTH_SLACK * (b - a) and a < g}
        right_rows = {i for i, a, _ in segs if a >= g}
        if len(left_rows) >= 4 and len(right_rows) >= 4 and (
                crossing <= max(1, 0.06 * len(lines)) or (
                    _full_width_bands(lines, crossed, left_rows, right_rows)
                    # Full-width bands only around columns the stream drew as blocks (a sidebar, then the main
                    # column): labels drawn row by row with their entries under a full-width summary stay labels.
                    and _crossings_between_bands(lines, g, (left_rows & right_rows) - crossed, crossed) <= 2)):
            # A line above the first row where both columns run (the name, a contact line) is read first, whole,
            # wherever the split falls: rank splits by what they cut below it, where a crossing line interrupts
            # the columns.
            both = (left_rows & right_rows) - crossed
            floor = max(lines[i].y for i in both) + 1.0 if both else float("inf")
            below = sum(1 for i in crossed if lines[i].y <= floor)
            candidates.append((below + 0.01 * crossing - 0.001 * min(len(left_rows), len(right_rows)), g))
        g += step
    # The cleanest split first; a split that only cuts off margin labels (dates beside their entries) is no
    # column, but a sidebar elsewhere on the page may still be: try the next. A table keeps its gap one column.
    tables: list[float] = []
    for _, g in sorted(candidates):
        if any(not any(min(t, g) <= a < max(t, g) for _, a, _ in segs) for t in tables):
            continue  # the same gap as a table's, read a step over: still that table
        kind = _split_kind(lines, segs, g)
        if kind == "columns":
            # A split between the main text and its right-aligned dates cuts the dates off the entries they label;
            # where a split beyond the dates parts columns too (Orbit's sidebar), that one is the gutter.
            beyond = next((c for _, c in sorted(candidates) if c > g and _only_dates_between(lines, g, c)
                           and _split_kind(lines, segs, c) == "columns"), None)
            return g if beyond is None else beyond
        if kind == "table":
            # A table drawn row by row (a date column beside the main text) is one column's content; a sidebar
            # beyond it, across another gap (Orbit's coloured column right of the dates), is still a column.
            tables.append(g)
    return None


def _only_dates_between(lines: list[LayoutLine], left: float, right: float) -> bool:
    """Is everything set between two x positions a date label (three or more of them)?"""
    texts = ["".join(run.text for run in runs).strip() for line in lines for a, b, runs in _pieces(line)
             if left <= a and b <= right]
    return len(texts) >= 3 and all(map(_date_label, texts))


def _full_width_bands(lines: list[LayoutLine], crossed: set[int], left_rows: set[int], right_rows: set[int]) -> bool:
    """Whether the lines crossing a split are a few full-width bands (a header with a big name and a summary over
    both columns, a full-width section, a footer) rather than a one-column text that crosses it all along: at most
    three runs of crossing lines from top to bottom, and one stretch between them where both columns carry on
    (at least four lines on each side). (Lines are sorted top to bottom.)"""
    if not crossed or len(crossed) > 0.35 * len(lines):
        return False
    bands = 0
    left = right = 0
    stretches: list[tuple[int, int]] = []
    previous_crossed = False
    for index in range(len(lines)):
        if index in crossed:
            if not previous_crossed:
                bands += 1
                stretches.append((left, right))
                left = right = 0
            previous_crossed = True
            continue
        previous_crossed = False
        left += index in left_rows and index not in right_rows
        right += index in right_rows and index not in left_rows
    stretches.append((left, right))
    return bands <= 3 and max((min(a, b) for a, b in stretches), default=0) >= 4


def _split_kind(lines: list[LayoutLine], segs: list[tuple[int, float, float]], g: float) -> str:
    """What the split at `g` separates: "columns", two independent ones; "labels", only labels of the other side's
    rows (margin dates or headings), so another split may still find a sidebar; or "table", a table drawn row by
    row (the page is one column)."""
    left_rows = {i for i, a, b in segs if a < g and b <= g + _WIDTH_SLACK * (b - a)}
    right_rows = {i for i, a, _ in segs if a >= g}
    all_rows = left_rows | right_rows
    # Only rows where both sides run count: a name and contact lines above the columns are a header, whichever
    # side they start on.
    floor = min(max(lines[i].y for i in left_rows), max(lines[i].y for i in right_rows)) + 1.0
    left_rows = {i for i in left_rows if lines[i].y <= floor}
    right_rows = {i for i in right_rows if lines[i].y <= floor}
    shared = left_rows & right_rows
    # Margin labels: the sparser side sits on rows the other side also uses (dates beside entries). Widths are
    # measured on those rows too: a running header above them (the name and email on page 2) is no label's width.
    left_width = max((b - a for i, a, b in segs if i in left_rows and a < g and b <= g + _WIDTH_SLACK * (b - a)),
                     default=0.0)
    right_width = max((b - a for i, a, b in segs if i in right_rows and a >= g), default=0.0)
    (small, small_width), (large, large_width) = sorted(
        ((left_rows, left_width), (right_rows, right_width)), key=lambda side: len(side[0]))
    switches = _gutter_crossings(lines, g, shared)
    if len(small) <= 0.7 * len(large) and len(_stacked(lines, small, shared)) >= 0.7 * len(small) \
            and small_width < 0.6 * large_width \
            and not (switches <= max(2, 0.1 * len(shared))
                     and (len(shared) >= 6 or _running(lines, small, all_rows - small))):
        # Margin labels -- unless the stream drew the two sides as two blocks: a sidebar whose lines happen to
        # share baselines with the main column's (same font, same leading) is still a column of its own. (Labels
        # drawn as a block after their rows are still labels: each labels an entry, so they stand apart, an
        # entry's height from each other; a short sidebar's lines follow one another at the text's leading.)
        return "labels"
    # A column of nothing but dates (each entry's range floated to the right, a line under its title) labels the
    # entries beside it: read it in place, not after the whole other column.
    # Word's right tab stop sets each entry's place there too ("July 2015 - May 2017" over "Suzhou, China").
    small_texts = [(_split_line(lines[i], g)[0 if small is left_rows else 1] or lines[i]).text() for i in small]
    dates = sum(map(_date_label, small_texts))
    if dates >= 3 and dates + sum(map(_place_label, small_texts)) >= 0.8 * len(small) \
            and small_width < 0.6 * large_width:
        return "labels"
    if _beside_share(lines, small, large) < _PARALLEL_SHARE:
        # The sparser side's lines sit between the other side's, not beside them: one column with some lines set
        # to one side (right-aligned tool lists, a contact line flush right), which a reader reads top to bottom.
        return "labels"
    if len(shared) >= 6 and switches >= 1.2 * len(shared):
        # Drawn row by row across the gutter: a table of labels and values (old Europass's "Dates" / "Occupation
        # or position held" beside each value), read row by row as one column.
        return "table"
    return "columns"


# Two columns run side by side: most lines of the shorter one have a line of the other beside them, at the same
# height. On the tuning sources, pages of real two-column resumes have 0.41 or more of them so; a one-column page
# with a few lines set flush right (tool lists, a contact line) has under 0.2.
_PARALLEL_SHARE = 0.3


def _beside_share(lines: list[LayoutLine], side: set[int], other: set[int]) -> float:
    """The share of `side`'s lines with a line of `other` beside them: on the same row, or overlapping it in height
    (from a little under the baseline to the top of the capitals)."""
    if not side:
        return 1.0

    def extent(i: int) -> tuple[float, float]:
        return lines[i].y - 0.2 * lines[i].size, lines[i].y + 0.7 * lines[i].size

    beside = 0
    for i in side:
        low, high = extent(i)
        beside += i in other or any(j != i and extent(j)[0] < high and extent(j)[1] > low for j in other)
    return beside / len(side)


def _running(lines: list[LayoutLine], rows: set[int], other: set[int]) -> bool:
    """Whether `rows` (four or more) read as a column of their own beside the page's `other` lines (those that do
    not cross the split), one running block of text
    whose lines follow each other at a line's leading (not an entry's height apart, as labels beside entries
    are), starting where the other side starts, give or take a heading (a sidebar runs from the top of the
    columns; a short block that starts lower down beside one flowing column is a cell of it, a grid of skills)."""
    ys = sorted((lines[i].y, lines[i].size) for i in rows)
    if len(ys) < 4 or sum(1 for i in other if lines[i].y > ys[-1][0] + ys[-1][1]) > 3:
        return False
    close = sum(1 for (y0, _), (y1, size) in zip(ys, ys[1:], strict=False) if y1 - y0 <= 1.8 * size)
    return close >= 0.75 * (len(ys) - 1)


def _stacked(lines: list[LayoutLine], small: set[int], shared: set[int]) -> set[int]:
    """The sparser side's rows that label the other side: those on a shared row, and up to two rows stacked right
    under one (a "place / dates" cell beside a one-line entry, a date wrapped in a narrow column), which have
    nothing beside them. A sidebar's long run of lines is not explained this way."""
    attached = {i for i in small if i in shared}
    for i in sorted(small, key=lambda k: -lines[k].y):
        if i in attached:
            continue
        above = [j for j in attached if 0 < lines[j].y - lines[i].y <= 1.6 * lines[i].size]
        if any(j in shared or any(k in shared and 0 < lines[k].y - lines[j].y <= 1.6 * lines[j].size
                                  for k in attached) for j in above):
            attached.add(i)
    return attached


_LABEL_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _date_label(text: str) -> bool:
    """A short piece of text holding a year ("MAR 2022 - NOW", "2019 – 2021"): a date, not a column's prose."""
    return bool(_LABEL_YEAR.search(text)) and len(text.split()) <= 6


# "Suzhou, China", "St. Paul, MN": a place as a right-aligned label writes it, a name and its region.
_PLACE_LABEL = re.compile(r"[A-ZÀ-Ý][^\W\d_]*\.?(?: [A-ZÀ-Ý][^\W\d_]*\.?){0,2}, [A-ZÀ-Ý][^\W\d_]*(?: [A-ZÀ-Ý][^\W\d_]*){0,2}")


def _place_label(text: str) -> bool:
    return _PLACE_LABEL.fullmatch(text.strip()) is not None


def _gutter_crossings(lines: list[LayoutLine], gutter: float, shared: set[int]) -> int:
    """How often the stream crosses the gutter while drawing the rows that have text on both sides. Producers
    draw independent columns as blocks (a few crossings per page); a table crosses it on almost every row."""
    sides = sorted((run.order, run.x >= gutter) for i in shared for run in lines[i].runs if run.text.strip())
    return sum(1 for (_, a), (_, b) in zip(sides, sides[1:], strict=False) if a != b)


def _crossings_between_bands(lines: list[LayoutLine], gutter: float, shared: set[int], bands: set[int]) -> int:
    """The most gutter crossings within one stretch of rows between full-width bands: a header drawn as two blocks
    (the title and phone on the left, the links on the right) above a summary band, and the columns below it,
    each cross it once or twice; a table drawn row by row crosses it on every row of its stretch."""
    stretches: list[set[int]] = [set()]
    for index in range(len(lines)):
        if index in bands:
            stretches.append(set())
        elif index in shared:
            stretches[-1].add(index)
    return max(_gutter_crossings(lines, gutter, stretch) for stretch in stretches)


def _split_line(line: LayoutLine, gutter: float) -> tuple[LayoutLine | None, LayoutLine | None]:
    """The line's runs left and right of the gutter, a piece of text (`_pieces`) kept whole on the side where it
    starts: a column's line whose last words the width estimate carries past the split stays one line."""
    starts = {id(run): a for a, _, runs in _pieces(line) for run in runs}  # blank runs are in no piece
    left = [r for r in line.runs if starts.get(id(r), r.x) < gutter]
    right = [r for r in line.runs if starts.get(id(r), r.x) >= gutter]
    return (LayoutLine(left) if left else None), (LayoutLine(right) if right else None)


_WRAPPED_WORD = re.compile(r"[^\W\d_]{2,}-\s*$")


def _join_wrapped_runs(runs: list[Run], left_edge: float, right_edge: float) -> None:
    """Undo two kinds of wrapping that the stream order shows and the page geometry hides, in place.

    - A word hyphenated at a line end whose next line carries something else to its right (a right-aligned date:
      "Institute for Molecular Compu-" ... "10/2018" / "tation, Heidelberg"): the run ending in "-" and the next
      run in the stream, one line down and starting in lower case, are one word.
    - A margin label wrapped over two or more lines (a date too long for moderncv's left column: "Oct 2018–Jan" /
      "2022"): the stream draws the label's lines one after the other and then goes back up to the row's body.
      The label's pieces are one label, and belong to the row where it starts.
    """
    by_order = {r.order: r for r in runs}
    _return_initials(runs, by_order)
    _join_small_caps(runs, by_order)
    _join_wrapped_cells(runs, by_order, left_edge, right_edge)
    for run in sorted(runs, key=lambda r: r.order):
        if not run.text.strip() or not run.text.endswith("\n"):
            continue
        nxt = by_order.get(run.order + 1)
        if nxt is None or not nxt.text.strip() or not 0.5 * run.size < run.y - nxt.y < 1.8 * run.size:
            continue
        if _WRAPPED_WORD.search(run.text) and nxt.text.lstrip()[:1].islower():
            head, _, rest = nxt.text.lstrip().partition(" ")
            run.text = run.text.rstrip()[:-1] + head
            nxt.text = rest
            continue
        if any(o is not run and o.text.strip() and abs(o.y - run.y) <= 0.35 * run.size and o.x < run.x - 1
               for o in runs):
            continue  # a label starts its row; this run continues text to its left (a wrapped body line)
        chain = [run, nxt]
        while chain[-1].text.endswith("\n") and len(chain) < 4:
            below = by_order.get(chain[-1].order + 1)
            if below is None or not 0.5 * run.size < chain[-1].y - below.y < 1.8 * run.size:
                break
            chain.append(below)
        after = by_order.get(chain[-1].order + 1)
        if after is None or abs(after.y - run.y) > 0.35 * run.size or after.x <= max(c.x for c in chain) + run.size:
            continue
        if after.x > left_edge + 0.4 * (right_edge - left_edge):
            continue  # the row's body starts beside a narrow margin, not at a right-aligned place or date
        if abs(after.size - run.size) > 0.15 * after.size:
            continue  # a bigger margin heading ("Work" / "Experience") is its own line, not a label of the row
        last = chain[-1].order
        if not any(any(o.order > last and abs(o.y - piece.y) <= 0.35 * run.size and o.x >= after.x - run.size
                       for o in runs if o.text.strip()) for piece in chain[1:]):
            # A margin column has the row's body beside its lines (the body may end before a long label does).
            continue
        run.text = " ".join(c.text.strip() for c in chain)
        run.x = min(c.x for c in chain)
        for piece in chain[1:]:
            piece.text = ""




def _return_initials(runs: list[Run], by_order: dict[int, Run]) -> None:
    """Give a heading back its first letter where pypdf glued it to the run before. Headings set as a capital
    and then the rest of the word in another face (small capitals: "C" + "ontact", LaTeX CV classes) draw the
    capital with a move back to the margin on the same baseline, which pypdf does not treat as a new run: the
    capital ends the line's text ("...Operations ResearchC") and the word starts with its second letter
    ("ontact"). When the next run in the stream starts in lower case, on that baseline, left of where the run
    before starts and with nothing between them, the trailing capital is its first letter, drawn just left of
    it. Everything downstream (margin headings, the heading lexicon, the habit of margin headings) then sees the
    word a reader sees."""
    for run in sorted(runs, key=lambda r: r.order):
        nxt = by_order.get(run.order + 1)
        text = run.text.rstrip()
        if nxt is None or nxt.sep_before or text != run.text or not nxt.text[:1].islower():
            continue
        # One capital after a lower-case letter, a digit or a mark ("ResearchC", "2024T", "computing.I"); not the
        # end of an acronym ("AWS") or a word of its own ("Plan B").
        if len(text) < 2 or not (text[-1].isupper() and text[-1].isalpha()) or text[-2].isupper() \
                or text[-2].isspace() or abs(nxt.y - run.y) > 0.1 * run.size:
            continue
        capital = text[-1]
        capital_x = nxt.x - _CAP_WIDTH.get(capital, 0.68) * run.size
        # The estimate is a point or two off; where other lines start right there (the margin the heading is set
        # in), the capital starts there too.
        near = [r.x for r in runs if abs(r.x - capital_x) <= 0.2 * run.size and r.x < nxt.x - 1]
        if near:
            capital_x = min(near, key=lambda x: abs(x - capital_x))
        if capital_x < run.x - 1:
            run.text = text[:-1]
            nxt.text = capital + nxt.text
            nxt.x = capital_x


def _join_small_caps(runs: list[Run], by_order: dict[int, Run]) -> None:
    """Small capitals set as a capital and then the rest of the word in smaller capitals ("W" + " ORK"): the
    stream draws them one after the other on one baseline, the rest starting right after the capital; pypdf puts
    a space between the two sizes. They are one word, in the capital's size (a heading's)."""
    for run in sorted(runs, key=lambda r: r.order):
        head = run.text.strip().lstrip("-'’")
        nxt = by_order.get(run.order + 1)
        if len(head) != 1 or not head.isupper() or nxt is None:
            continue
        rest = nxt.text.strip()
        if (rest[:1].isupper() and rest.replace(" ", "").isupper() and abs(nxt.y - run.y) <= 0.1 * run.size
                and 0.55 * run.size <= nxt.size <= 0.9 * run.size and 0 < nxt.x - run.x <= 1.5 * run.size):
            run.text = run.text.rstrip() + rest + nxt.text[len(nxt.text.rstrip()):]
            nxt.text, end = "", nxt.x + _CAPS_EM * nxt.size * len(rest)
            after = by_order.get(nxt.order + 1)
            while after is not None and _small_caps_word(after, nxt, end):
                # A word set all in small capitals after it ("E" + "SPERIENZA" + "PROFESSIONALE": a lower-case
                # word of the heading): the heading goes on. Apart, its smaller size and a capital's width the
                # estimate under-reads made it a line of its own beside the heading, read as an employer.
                word = after.text.strip()
                run.text = run.text.rstrip() + " " + word
                after.text, nxt, end = "", after, after.x + _CAPS_EM * after.size * len(word)
                after = by_order.get(after.order + 1)
            if after is not None:  # the stream goes on from the joined word ("FERREIRA" + "-VOSS")
                after.previous = run.order


def _small_caps_word(run: Run, before: Run, end: float) -> bool:
    """Whether `run` is a word all in the small capitals of `before` (which ends near `end`), on its baseline, a
    word space or two after it."""
    return (run.text.strip().isupper() and abs(run.y - before.y) <= 0.1 * before.size
            and abs(run.size - before.size) <= 0.05 * before.size and -before.size <= run.x - end <= 3 * before.size)


_OPEN_RANGE = re.compile(r"[-–—]\s*\S*\s*$|[-–—,]\s*$")


def _join_wrapped_cells(runs: list[Run], by_order: dict[int, Run], left_edge: float, right_edge: float) -> None:
    """A range in a narrow cell at the right of a row wrapped inside the cell ("November 2019 - February" / "2022"):
    the stream draws the rest next, a line down, inside the cell and alone on its row. It belongs to the row."""
    for run in sorted(runs, key=lambda r: r.order):
        nxt = by_order.get(run.order + 1)
        if nxt is None or not run.text.strip() or not nxt.text.strip() or len(nxt.text.split()) > 2:
            continue
        if not (0.5 * run.size < run.y - nxt.y < 1.8 * run.size and abs(nxt.size - run.size) <= 0.15 * run.size
                and run.x > left_edge + 0.55 * (right_edge - left_edge) and nxt.x >= run.x - 1
                and nxt.end <= run.end + run.size and _OPEN_RANGE.search(run.text.rstrip())
                and not re.search(r"[-–—]", nxt.text)):
            continue
        row = [o for o in runs if o is not run and o.text.strip() and abs(o.y - run.y) <= 0.6 * run.size]
        alone = not any(o is not nxt and o.text.strip() and abs(o.y - nxt.y) <= 0.35 * nxt.size for o in runs)
        if alone and any(o.x < run.x - 4 * run.size for o in row):
            run.text = run.text.rstrip() + " " + nxt.text.strip()
            nxt.text = ""


def _split_margin_heading(line: LayoutLine, left_edge: float, right_edge: float,
                          starts: dict[int, int], below: LayoutLine | None = None,
                          page_left: float | None = None, after: LayoutLine | None = None) -> list[LayoutLine]:
    """A heading printed in the left margin on its first entry's row (currvita, some moderncv styles): a short
    run set bigger than the rest of the row, a clear gap, then the row's body starting in the left part of the
    page. A reader sees the heading above its section, so it becomes its own line, read first.

    A margin heading in the body's own size is set apart by its place alone: it is split off too when the gap
    is wide (two ems), it starts the page's outermost column (`page_left`: labels of a table inside a section,
    "Leadership  Led twenty projects", are indented under their section's heading), and the line below (if the
    page goes on) goes on in the row's body column or right of it, not under the heading (a table of labels,
    "Languages  English" over "Tools  Python", has its next label under this one) -- unless the line below starts
    with the heading's next words, wrapped in the narrow margin ("Contact" over "Information  University of
    ..."), and the line `after` that is no third label in the margin."""
    runs = sorted(line.runs, key=lambda r: r.x)
    if len(runs) < 2:
        return [line]
    count = _first_cell(runs)
    head = runs[0] if count == 1 else Run(LayoutLine(runs[:count]).text().strip(), runs[0].x, runs[0].y,
                                          runs[0].size, runs[0].bold, runs[0].order, italic=runs[0].italic)
    rest = runs[count:]
    words = head.text.split()
    rest_size = max(set(r.size for r in rest), key=lambda size: sum(len(r.text) for r in rest if r.size == size))
    by_place = head.size >= 0.95 * rest_size and rest[0].x - head.end > 2 * rest_size and (
        page_left is not None and head.x <= page_left + 2) and (
        below is None or (0 < line.y - below.y < 2.5 * rest_size and (
            below.x0 >= rest[0].x - 1.5 or (_heading_row(head, head.y, below, rest[0].x) is not None
                                             and not _margin_row(below, after, head.x)))))
    if not (1 <= len(words) <= 4 and not re.search(r"[\d@:,.;]", head.text)
            and (head.size >= 1.08 * rest_size or by_place)
            and rest[0].x - head.end > 0.5 * rest_size and rest[0].x < left_edge + 0.4 * (right_edge - left_edge)
            and sum(starts.get(round(rest[0].x) + d, 0) for d in (-1, 0, 1)) >= 3):
        # (The body must start where the page's other lines start: the text column beside the margin. The gap is
        # asked for in half an em only: a short heading in narrow letters, "Skills", is estimated far wider than
        # it is set, so a clear gap on the page can look small here.)
        return [line]
    return [LayoutLine(runs[:count]), LayoutLine(rest)]


def _first_cell(runs: list[Run]) -> int:
    """How many of a row's runs (sorted by x) make its first cell: runs of the first one's size, each starting
    close to the last ("PROFESSIONAL" "SKILLS"; a capital and the rest of its word, "I" "nformation"); at least
    one, never all."""
    count = 1
    while count < len(runs) - 1 and abs(runs[count].size - runs[0].size) <= 0.05 * runs[0].size \
            and runs[count].x - runs[count - 1].end < 1.5 * runs[0].size:
        count += 1
    return count


def _heading_row(head: Run, bottom: float, line: LayoutLine, body_x: float) -> tuple[Run, list[Run]] | None:
    """The margin heading `head` (its last line at `bottom`) going on at the start of the row `line`, beside the
    row's body starting at `body_x` ("Contact" over "Information  University of ..."): the heading's next words,
    as one run, and the rest of the row; None when the row does not go on with it."""
    runs = sorted(line.runs, key=lambda r: r.x)
    if len(runs) < 2:
        return None
    count = _first_cell(runs)
    cell = Run(LayoutLine(runs[:count]).text().strip(), runs[0].x, runs[0].y, runs[0].size, runs[0].bold,
               runs[0].order, italic=runs[0].italic)
    if not _heading_goes_on(head, bottom, cell) or runs[count].x < body_x - 1.5:
        return None
    return cell, runs[count:]


def _margin_row(line: LayoutLine, after: LayoutLine | None, margin: float) -> bool:
    """Is `after` the next row of a table of labels under `line`: close below it and starting in the margin?"""
    return after is not None and 0 < line.y - after.y < 2.5 * line.size and after.x0 <= margin + 1


# The glyphs a list item opens with, as a character class's body (the reader's `vocabulary.BULLET` uses them too;
# kept here because the PDF worker imports nothing of the reader). "・" and "･" are the Japanese middle dots
# that Google Docs' and Word's templates use as bullets.
BULLET_GLYPHS = "•◦‣·▪■□●○◆◇►▶➢➤✓✔・･\\-*–—"
_BULLET_START = re.compile(rf"^\s*[{BULLET_GLYPHS}]\s")


def _right_cell(line: LayoutLine, left_edge: float, right_edge: float) -> list[Run] | None:
    """The runs of a cell set apart at the right of a row (a right-aligned place or date), if the row has one."""
    pieces = _segments(line)
    if len(pieces) < 2 or pieces[-1][0] < left_edge + 0.55 * (right_edge - left_edge):
        return None
    cell = [r for r in line.runs if r.x >= pieces[-1][0] - 0.5 and r.text.strip()]
    return cell if cell and len(cell) < len([r for r in line.runs if r.text.strip()]) else None


def _lift_stacked_dates(lines: list[LayoutLine], left_edge: float, right_edge: float) -> list[LayoutLine]:
    """Entry layouts with a right column of "place / dates" (rendercv's themes, many Word and LaTeX templates)
    set the header's place beside the title row and the dates one row down, beside the entry's first bullet.
    A reader takes that column as one cell of the header, so the dates are read before the bullet, on a line of
    their own, not as the bullet's last words. Only when the row above ends in a right cell that is not a date
    (the place): a bulleted sub-role with its own dates under a dated header stays whole."""
    out: list[LayoutLine] = []
    for index, line in enumerate(lines):
        cell = _right_cell(line, left_edge, right_edge)
        above = _right_cell(lines[index - 1], left_edge, right_edge) if index and cell else None
        body = [r for r in line.runs if cell is not None and r not in cell]
        if cell is None or above is None or not body:
            out.append(line)
            continue
        cell_text = LayoutLine(cell).text().strip()
        left_text = LayoutLine(body).text().strip()
        if (_date_label(cell_text) and not _date_label(LayoutLine(above).text().strip())
                and _BULLET_START.match(left_text) and 0 < lines[index - 1].y - line.y < 2.5 * line.size):
            out += [LayoutLine(cell), LayoutLine(body)]
        else:
            out.append(line)
    return out


def _join_cut_dates(lines: list[LayoutLine]) -> list[LayoutLine]:
    """A date range cut after its dash in a narrow cell ("04/2019 –" over "heute", in a margin beside its entry) is
    joined where it starts: its end is the first piece of a later line (within three, a line or two lower) that
    starts at the same left edge and holds three words or fewer. Read line by line, the end was a line of its own
    between the entry's title and employer, and the range was read as two dates."""
    out: list[LayoutLine | None] = list(lines)
    for index, line in enumerate(out):
        pieces = _pieces(line) if line is not None else []
        if line is None or not pieces or len(pieces) > 2:
            continue
        x0, _, cut = pieces[0]
        text = LayoutLine(cut).text().strip()
        if not (_date_label(text) and _CUT_AFTER_DASH.search(text)):
            continue
        for k in range(index + 1, min(index + 4, len(out))):
            later = out[k]
            if later is None or not 0 < line.y - later.y <= 2.5 * line.size:
                break
            first = _pieces(later)[0]
            if abs(first[0] - x0) > 1.0:
                continue
            end = LayoutLine(first[2]).text().strip()
            if len(end.split()) <= 3 and not _CUT_AFTER_DASH.search(end):
                last = max(cut, key=lambda r: r.x)
                last.text = last.text.rstrip() + " " + end
                rest = [r for r in later.runs if r not in first[2]]
                out[k] = LayoutLine(rest) if rest else None
            break
    return [line for line in out if line is not None]


_CUT_AFTER_DASH = re.compile(r"[-–—]\s*$")


def order_lines(runs: list[Run], left_edge: float, right_edge: float) -> list[LayoutLine]:
    """The page's lines in reading order (columns detected and read one after the other)."""
    lines = _read_table_cells(_lift_stacked_dates(_order_lines(runs, left_edge, right_edge), left_edge, right_edge))
    starts: dict[int, int] = {}  # how many lines have a run starting at each x: the page's text columns
    for line in lines:
        for x in {round(run.x) for run in line.runs}:
            starts[x] = starts.get(x, 0) + 1
    out: list[LayoutLine] = []
    page_left = min((line.x0 for line in lines), default=left_edge)
    head: Run | None = None  # the last margin heading split off its row
    bottom = 0.0  # the baseline of its last line
    body_x = 0.0  # where its row's body starts
    for index, line in enumerate(lines):
        wrapped = _heading_row(head, bottom, line, body_x) if head is not None else None
        if head is not None and wrapped is not None and not _margin_row(
                line, lines[index + 1] if index + 1 < len(lines) else None, head.x):
            # The heading's next line starts a row of the section's body ("Research" / "Interests  models, ..."):
            # its words go to the heading, the rest of the row stays the body's.
            head.text = head.text.rstrip() + " " + wrapped[0].text
            bottom = wrapped[0].y
            out.append(LayoutLine(wrapped[1]))
            continue
        pieces = _split_margin_heading(line, left_edge, right_edge, starts,
                                       lines[index + 1] if index + 1 < len(lines) else None, page_left,
                                       lines[index + 2] if index + 2 < len(lines) else None)
        first = pieces[0].runs[0] if len(pieces[0].runs) == 1 else None
        if head is not None and first is not None and _heading_goes_on(head, bottom, first, body_x):
            # A margin heading wrapped in a narrow margin ("Professional" / "Experience"): one heading, read where
            # it starts.
            head.text = head.text.rstrip() + " " + first.text.strip()
            bottom = first.y
            pieces = pieces[1:]
        elif len(pieces) == 2:
            head, bottom, body_x = pieces[0].runs[0], pieces[0].runs[0].y, pieces[1].x0
        elif first is not None and out and _margin_heading_beside(first, out[-1]):
            # A margin heading bigger than its row and drawn after it, so the row came first (moderncv's fancy
            # style: "Work" beside "Principal Engineer, Stratagem Cloud, ..."): read above the row it heads.
            head, bottom, body_x = first, first.y, out[-1].x0
            out.insert(len(out) - 1, pieces[0])
            continue
        out += pieces
    return out


_HEADING_WORDS = re.compile(r"[^\W\d_][^\W\d_&'’/ -]*(?:[ &'’/-]+[^\W\d_]+){0,2}")


def _heading_goes_on(head: Run, bottom: float, run: Run, body_x: float | None = None) -> bool:
    """Is `run` the next line of the margin heading `head` (whose last line sits at `bottom`): alone on its line,
    right under it at the same left edge, in the same size and weight, one to three words of letters? A margin
    set ragged-left or centred ("Work" over "Experience", right-aligned) has no common left edge: there, both
    lines lying wholly left of the body column (`body_x`, where the heading's row goes on) will do."""
    aligned = abs(run.x - head.x) <= 1 or body_x is not None and max(run.end, head.end) <= body_x + 0.5 * head.size
    return (aligned and abs(run.size - head.size) <= 0.05 * head.size and run.bold == head.bold
            and 0.8 * head.size <= bottom - run.y <= 1.6 * head.size and not re.search(r"[.:;,]\s*$", head.text)
            and _HEADING_WORDS.fullmatch(run.text.strip()) is not None)


def _margin_heading_beside(run: Run, row: LayoutLine) -> bool:
    """Is the lone run `run` a margin heading beside the row `row`: on its baseline, in a bigger size, a word or
    three of letters ending before the row starts, with a clear gap?"""
    return (abs(run.y - row.y) <= max(1.0, 0.35 * row.size) and run.size >= 1.08 * row.size
            and run.end + 0.5 * row.size < row.x0 and _HEADING_WORDS.fullmatch(run.text.strip()) is not None)


def _order_lines(runs: list[Run], left_edge: float, right_edge: float) -> list[LayoutLine]:
    _join_wrapped_runs(runs, left_edge, right_edge)
    lines = _join_cut_dates(_lines([r for r in runs if r.text.strip()]))
    gutter = _gutter(lines, left_edge, right_edge)
    if gutter is None:
        return lines
    ordered: list[LayoutLine] = []
    left_col: list[LayoutLine] = []
    right_col: list[LayoutLine] = []
    sides = [_split_line(line, gutter) for line in lines]
    left_top = max((line.y for line, (left, _) in zip(lines, sides, strict=True) if left), default=0.0)
    right_top = max((line.y for line, (_, right) in zip(lines, sides, strict=True) if right), default=0.0)
    # Lines above the top of the column that starts lower are a header (name, contact): read them first, whole.
    # Above it by their letters' tops as well as their baselines: a main column's heading whose baseline sits a
    # little above a big sidebar name's, though its letters reach less high, opens its column.
    header_floor = min(left_top, right_top) + 1.0
    top_floor = min(max((_top(left) for left, _ in sides if left), default=0.0),
                    max((_top(right) for _, right in sides if right), default=0.0)) + 1.0
    header = [line for line in lines if line.y > header_floor and _top(line) > top_floor]
    if len(header) < len(lines) // 3:
        ordered.extend(header)
        lines = [line for line in lines if not (line.y > header_floor and _top(line) > top_floor)]
    for line in lines:
        crosses = any(a < gutter - 1 and b > gutter + 1 + _WIDTH_SLACK * (b - a) for a, b in _segments(line))
        if crosses:
            ordered += _read_columns(left_col, right_col)
            left_col, right_col = [], []
            ordered.append(line)
            continue
        left, right = _split_line(line, gutter)
        if left:
            _add_to_column(left_col, left)
        if right:
            _add_to_column(right_col, right)
    return ordered + _read_columns(left_col, right_col)


def _read_columns(left: list[LayoutLine], right: list[LayoutLine]) -> list[LayoutLine]:
    """Two columns, one after the other -- unless the left one is a margin of labels for the right one's blocks
    (headings in capitals and date ranges, each standing apart beside the entry it labels, as the "paper" themes
    set them, off the entries' baselines): then each label is read at the start of the block it sits beside."""
    if not _margin_labels(left, right):
        return left + right
    blocks = _blocks(right)
    labels = _blocks(left, by_spacing=False)
    before: dict[int, list[LayoutLine]] = {}
    for label in labels:
        top, bottom = label[0].y + label[0].size, label[-1].y
        # The block the label overlaps most (each block's span widened by a line), the upper one on a tie.
        overlaps = [min(top, b[0].y + b[0].size) - max(bottom, b[-1].y - b[-1].size) for b in blocks]
        best = max(range(len(blocks)), key=lambda k: (overlaps[k], -k))
        if overlaps[best] <= 0:
            best = next((k for k, b in enumerate(blocks) if b[0].y <= top), len(blocks))
        before.setdefault(best, []).extend(label)
    out: list[LayoutLine] = []
    for k, block in enumerate(blocks):
        out += before.get(k, []) + block
    return out + before.get(len(blocks), [])


def _margin_labels(left: list[LayoutLine], right: list[LayoutLine]) -> bool:
    """Is the left column a margin of labels: three or more short lines, each a date range or words in capitals
    ("WORK EXPERIENCE", "2019-05-01 TO 2024-09-30"), narrower than the right column, standing apart from one
    another (mostly one or two to a group) beside a right column with more lines? A sidebar of
    contact details, skills or languages is written in ordinary case and runs on line after line."""
    if len(left) < 3 or len(right) <= len(left):
        return False
    for line in left:
        text = line.text().strip()
        letters = [ch for ch in text if ch.isalpha()]
        if len(text.split()) > 6 or not (_date_label(text) or (letters and all(ch.isupper() for ch in letters))):
            return False
    if max(line.x1 - line.x0 for line in left) >= 0.6 * max(line.x1 - line.x0 for line in right):
        return False
    return len(_blocks(left, by_spacing=False)) * 2 >= len(left)


def _blocks(column: list[LayoutLine], by_spacing: bool = True) -> list[list[LayoutLine]]:
    """A column's lines in blocks: a gap wider than 1.6 times the column's usual line spacing (its lower quartile:
    the spacing inside paragraphs, not between them; `by_spacing`) starts a new one. For a margin of labels, whose
    spacing is the entries', 1.6 times the lines' size."""
    gaps = sorted(a.y - b.y for a, b in zip(column, column[1:], strict=False) if a.y > b.y)
    usual = gaps[len(gaps) // 4] if gaps and by_spacing else 0.0
    blocks: list[list[LayoutLine]] = []
    for line in column:
        if blocks and 0 <= blocks[-1][-1].y - line.y <= 1.6 * max(usual, line.size, blocks[-1][-1].size):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def _add_to_column(column: list[LayoutLine], line: LayoutLine) -> None:
    """Append a line to a column, joining it to the column's last line when the two are one row split apart: on
    one baseline (within a third of the size), side by side. The other column's baselines, a point or two off this
    one's, can pull a row's title and its right-aligned dates into different lines before the split."""
    last = column[-1] if column else None
    if last is not None and abs(last.y - line.y) <= max(1.0, 0.35 * min(last.size, line.size)) and (
            line.x0 > last.x1 or line.x1 < last.x0):
        last.runs = sorted(last.runs + line.runs, key=lambda run: run.x)
        return
    column.append(line)


def _top(line: LayoutLine) -> float:
    """How high the line's letters reach: its baseline plus a capital's height (about 0.7 of the size)."""
    return line.y + 0.7 * line.size


_HYPHENATED = re.compile(r"[a-z]{2,}-$")


def _colour(line: LayoutLine) -> str:
    """The colour most of the line's characters are shown in, as "#rrggbb"; "" when unknown."""
    weights: dict[tuple[float, float, float], int] = {}
    for r in line.runs:
        if r.colour is not None:
            weights[r.colour] = weights.get(r.colour, 0) + len(r.text.strip())
    if not weights:
        return ""
    rgb = max(weights, key=lambda c: weights[c])
    return "#" + "".join(f"{max(0, min(255, round(255 * v))):02x}" for v in rgb)


def _ruled(lines: list[LayoutLine], shapes: list[tuple[float, float, float, float]]) -> set[int]:
    """Indexes of the lines a drawn rule or bar belongs to, as a reader sees it: a rule (a thin horizontal line
    or rectangle at least 1.5 em long that starts near the line's left edge) just under a line's baseline
    underlines it; one that no line has just above it marks the line right under it (a rule over a heading); a
    filled bar a line or three high holding a line's baseline sets it in a band."""
    out: set[int] = set()
    edges = [(line.x0, line.size) for line in lines]  # once per page, not per shape: both walk the line's runs
    for x0, y0, x1, y1 in shapes:
        height, width = y1 - y0, x1 - x0
        near = [(i, lines[i]) for i, (left, size) in enumerate(edges) if x0 <= left + 2 * size and x1 >= left + size]
        if height <= 3.0:
            if not near or width < 1.5 * near[0][1].size:
                continue
            y = (y0 + y1) / 2
            under = [(line.y - y, i) for i, line in near if 0 < line.y - y <= 0.75 * line.size]
            over = [(y - line.y, i) for i, line in near if 0.6 * line.size <= y - line.y <= 1.6 * line.size]
            if under:
                out.add(min(under)[1])
            elif over:
                out.add(min(over)[1])
        else:
            out.update(i for i, line in near if y0 <= line.y <= y1 and line.size <= height <= 3 * line.size
                       and x1 >= line.x1 - line.size)
    return out


# A line that already opens with a list glyph (or a dash used as one) needs no drawn marker read in front of it.
# (The parser's `vocabulary.BULLET` says the same for the text; this module stays stdlib-only for the PDF worker.)
_GLYPH_START = re.compile(r"\s*[•·▪■◆●○◦‣⁃–—*-]")


def _drawn_markers(lines: list[LayoutLine], shapes: list[tuple[float, float, float, float]]) -> set[int]:
    """Indexes of the lines a drawn list marker opens, as a reader sees it: a small dot or square (a third of an
    em or so, never an icon's full em) just left of the line's first word and level with its lower-case letters.
    HTML-to-PDF printers (Chromium, which many resume builders use) draw `<li>` markers as shapes, not text, so
    without this every bullet of such a resume reads as prose and wrapped bullets run together."""
    out: set[int] = set()
    if not lines:
        return out
    largest = max(line.size for line in lines)
    # Lines by baseline, so each shape is tested only against the lines whose text band could hold it (a page of
    # many small shapes stays cheap).
    by_y = sorted((line.y, i) for i, line in enumerate(lines))
    baselines = [y for y, _ in by_y]
    for x0, y0, x1, y1 in shapes:
        width, height = x1 - x0, y1 - y0
        if not (0 < width <= 0.45 * largest and 0 < height <= 0.45 * largest):
            continue  # rules, bars, boxes and icons: most of a page's shapes, skipped before the line scan
        middle = (y0 + y1) / 2
        for k in range(bisect.bisect_left(baselines, middle - 0.7 * largest), bisect.bisect_right(baselines, middle)):
            i = by_y[k][1]
            line = lines[i]
            size = line.size
            if (0.15 * size <= width <= 0.45 * size and 0.15 * size <= height <= 0.45 * size
                    and 0 <= line.x0 - x1 <= 2 * size and line.y <= middle <= line.y + 0.7 * size):
                out.add(i)
                break
    return out


def _last_block_start(line: LayoutLine) -> float:
    """Where the line's last piece of text starts (`_segments`): the line's start unless a wide gap splits it."""
    segments = _segments(line)
    return segments[-1][0] if segments else line.x0


def page_text(lines: list[LayoutLine], shapes: list[tuple[float, float, float, float]] | None = None,
              ) -> tuple[str, list[tuple[str, float, float, float, float, float, str, bool, bool, float]]]:
    """Text of ordered lines, with words hyphenated across lines joined; and (text, size, bold, x0, gap above,
    italic, colour, ruled, rises, right edge) for every line (`_colour`, `_ruled` with the page's drawn `shapes`;
    rises: set higher than the line before it; the right edge by the fonts' widths, `Run.right`)."""
    texts = [line.text(field_breaks=True).strip() for line in lines]
    # The bold share counts the runs' characters, not what joins them: a field break's " | " counts as a space did,
    # so the share still tells how far into the text the bold reaches (`entry_fields.split_by_weight`).
    widened = [len(text) - len(line.text().strip()) for line, text in zip(lines, texts, strict=True)]
    for index in range(len(texts) - 1):
        nxt = texts[index + 1]
        # The word goes on where its own block of text starts, not in a column to its left (a sidebar's wrapped
        # link over the main column's next line).
        if _HYPHENATED.search(texts[index]) and nxt[:1].islower() and _last_block_start(lines[index]) <= (
                lines[index + 1].x0 + 2):
            head, _, rest = nxt.partition(" ")
            texts[index] = texts[index][:-1] + head
            texts[index + 1] = rest
    for index in _drawn_markers(lines, shapes or []):
        if texts[index] and not _GLYPH_START.match(texts[index]):
            texts[index] = "• " + texts[index]
    styles = []
    previous_y: float | None = None
    ruled = _ruled(lines, shapes or [])
    for index, (line, text) in enumerate(zip(lines, texts, strict=True)):
        gap = (previous_y - line.y) if previous_y is not None and previous_y > line.y else 0.0
        # Set clearly higher than the line before it: the top of the next column, not a line beside on its row.
        rises = previous_y is not None and line.y > previous_y + 1.5 * line.size
        previous_y = line.y
        if text:
            styles.append((text, round(line.size, 2), round(line.bold_share(widened[index]), 2), round(line.x0, 1),
                           round(gap, 1), round(line.italic, 2), _colour(line), index in ruled, rises,
                           round(line.right, 1)))
    return "\n".join(t for t in texts if t), styles


# How far right of the main column a sidebar starts, at least (points).
_SIDEBAR_OFFSET = 100.0


def sidebars_after_their_columns(page_texts: list[str], styles: list[list[Any]]) -> tuple[list[str], list[list[Any]]]:
    """Reading order across pages: a page read as a main column then a sidebar on its right, whose main column runs
    on onto the next page (a long work history in Google Docs' two-column templates), has its sidebar read after
    that next page's text, so the page break does not put the sidebar's Skills and Certifications headings in the
    middle of the work history and leave its later roles under them.

    `page_texts` and `styles` are the worker's (`page_text` per page; styles as (page, text, size, ...) rows, one
    per non-empty line). Only when the next page opens at the main column's x mid-sentence or with a list item (or
    the main column's last line ends without a full stop), and the block read last is three lines or more, narrow
    (its lines well shorter than the main column's) and in body type (never the name). Lines move whole, with their
    styles; nothing is dropped."""
    by_page: list[list[list[Any]]] = [[] for _ in page_texts]
    for style in styles:
        if 1 <= style[0] <= len(by_page):
            by_page[style[0] - 1].append(style)
    if any([line for line in text.split("\n") if line.strip()] != [style[1] for style in page]
           for text, page in zip(page_texts, by_page, strict=True)):
        return page_texts, styles  # styles that do not match the text line for line: nothing to go by
    for n in range(len(by_page) - 1):
        page, following = by_page[n], by_page[n + 1]
        if not following:
            continue
        main_x = following[0][4]
        tail = len(page)
        while tail > 0 and page[tail - 1][4] >= main_x + _SIDEBAR_OFFSET:
            tail -= 1
        side, main = page[tail:], following[:len(page) - tail]
        if tail == 0 or len(side) < 3 or abs(page[tail - 1][4] - main_x) > 3:
            continue
        opener = str(following[0][1]).lstrip()
        runs_on = opener[:1].islower() or opener[:1] in "•·-–" or not str(page[tail - 1][1]).rstrip().endswith(
            (".", ":"))
        narrow = median(len(str(style[1])) for style in side) < 0.6 * median(len(str(style[1])) for style in main)
        body_type = max(style[2] for style in side) <= median(style[2] for style in main) + 1
        if runs_on and narrow and body_type:
            by_page[n], by_page[n + 1] = page[:tail], following + [[n + 2, *style[1:]] for style in side]
    return ["\n".join(str(style[1]) for style in page) for page in by_page], [s for page in by_page for s in page]


# What a browser prints in a page's margins when its print dialog's "Headers and footers" is left on: Chrome and
# Edge put the date and time of printing and the page's title at the top, its address and "1/2" at the bottom;
# Firefox the title and address at the top, "1 of 2" and the date and time at the bottom; Safari the title and
# the date, then the address and "Page 1 of 2".
_PRINTED_AT = re.compile(
    r"(?<![\d.])\d{1,4}[./-]\d{1,2}[./-]\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?\s?m\.?)?(?![\w:])",
    re.IGNORECASE)
_ADDRESS = re.compile(r"(?<!\S)(?:file:/|about:blank|https?://)\S*", re.IGNORECASE)
_LOCAL_ADDRESS = re.compile(r"(?<!\S)(?:file:/|about:blank)", re.IGNORECASE)
# A page's counter: "1/2", "1 of 7", "Page 2 of 3" (its page and the page count).
_PAGE_COUNTER = re.compile(r"(?:page\s+)?(\d{1,2})\s*(?:/|of)\s*(\d{1,2})", re.IGNORECASE)
_COUNTER_AT_AN_END = re.compile(rf"^{_PAGE_COUNTER.pattern}(?!\S)|(?<!\S){_PAGE_COUNTER.pattern}$", re.IGNORECASE)


def without_print_furniture(runs: list[Run], page: int, pages: int) -> list[Run]:
    """The page's runs without what a browser printed in its margins ("12/8/26, 12:22 AM  Jane Doe - Resume" over
    the page, "file:///C:/Users/jane/resume.html  1/2" under it), and without the page's own counter.

    Read as text those rows are a date taken for a role's, a title taken for the name, and, worse, a row spanning
    the page's width that hides the gutter between a sidebar and the main column, so the two columns were read
    across, line by line (the generated tuning sets with Chrome's furniture stamped on: a sidebar layout's work
    history read as its skills, employers found 872 of 916). Only the page's top and bottom rows are candidates.
    One is a browser's when it holds the date and time of printing or a local file's address; the row opposite it
    is then the browser's too when it holds a web address or a page counter (Firefox's title and address). A page
    counter alone ("1/2" on page 1 of 2, "Page 2 of 3", "1 of 7") is dropped, not the row it ends: a resume's own
    footer keeps its contact details ("+47 22 85 50 50 - h.solvang@example.no   1/2"). Other footers are
    `without_running_lines`'s to judge, across pages."""
    if len(runs) < 3:
        return runs

    def edge_row(top: bool) -> list[Run]:
        y = max(run.y for run in runs) if top else min(run.y for run in runs)
        return [run for run in runs if abs(run.y - y) <= max(1.0, 0.35 * run.size)]

    def counted(text: str, alone: bool = False) -> bool:
        """Does `text` open or end with this page's counter (or consist of it, `alone`)?"""
        match = (_PAGE_COUNTER.fullmatch if alone else _COUNTER_AT_AN_END.search)(text)
        return match is not None and [int(n) for n in match.groups() if n] == [page, pages]

    rows = [edge_row(True), edge_row(False)]
    if len(rows[0]) + len(rows[1]) >= len(runs):
        return runs  # a page of one or two rows is all content
    texts = [" ".join(run.text.strip() for run in sorted(row, key=lambda r: r.x)) for row in rows]
    printed = [bool(_PRINTED_AT.search(t) or _LOCAL_ADDRESS.search(t)) for t in texts]
    dropped: set[int] = set()
    for k, row in enumerate(rows):
        if printed[k] or (printed[1 - k] and (counted(texts[k]) or _ADDRESS.search(texts[k]))):
            dropped |= {id(run) for run in row}
        else:
            # A counter alone is the page number, not the row it ends: a resume's own footer with its contact
            # details ("+47 22 85 50 50 - h.solvang@example.no  1/2") keeps them.
            dropped |= {id(run) for run in row if counted(run.text.strip(), alone=True)}
    return [run for run in runs if id(run) not in dropped]


def without_running_lines(page_texts: list[str], styles: list[list[Any]]) -> tuple[list[str], list[list[Any]]]:
    """A running header at the top of a later page ("Jane Example - Resume", "Jane Example | Page 2", or the name
    again) is page furniture, not the first line of whatever runs on there: read as part of the text it became the
    header line of the role that follows it (an employer named "Resume"). Dropped: on every page but the first, a
    first line that holds the first page's first line when that is a name (two to four words, no digit), and a
    first or last line with a word in it repeated on two later pages or more once its digits are set aside (a page
    number), and a short last line the same on every page, the first too. Styles of dropped lines go with them; nothing else moves."""
    pages = [[line for line in text.split("\n") if line.strip()] for text in page_texts]
    if len(pages) < 2 or not pages[0]:
        return page_texts, styles
    name = pages[0][0].strip()
    named = 2 <= len(name.split()) <= 4 and not re.search(r"[\d@/:|]", name)

    def bare(text: str) -> str:
        # A line with no word in it (a date range opening each page's next entry) repeats nothing.
        return re.sub(r"\d+", "#", text.strip().casefold()) if re.search(r"[^\W\d_]{3}", text) else text

    firsts = [bare(page[0]) for page in pages[1:] if page]
    lasts = [bare(page[-1]) for page in pages[1:] if page]
    drop: set[tuple[int, int]] = set()  # (page number, index of the line on its page)
    for number, page in enumerate(pages[1:], start=2):
        if not page:
            continue
        first = page[0].strip()
        if (named and name.casefold() in first.casefold() and len(first) <= len(name) + 40) or (
                len(pages) >= 3 and firsts.count(bare(first)) >= 2):
            drop.add((number, 0))
        if len(page) > 1 and len(pages) >= 3 and lasts.count(bare(page[-1])) >= 2:
            drop.add((number, len(page) - 1))
    if all(len(page) > 1 for page in pages) and len({bare(page[-1]) for page in pages}) == 1 and re.search(
            r"[^\W\d_]{3}", pages[0][-1]) and len(pages[0][-1].split()) <= 8:
        # The same footer closing every page, the first too ("December 7, 2026", a template's date of printing;
        # "Jane Example - Page 1"): furniture on a two-page resume as well.
        drop |= {(number, len(page) - 1) for number, page in enumerate(pages, start=1)}
    if not drop:
        return page_texts, styles
    kept_texts = ["\n".join(line for k, line in enumerate(page) if (number, k) not in drop)
                  for number, page in enumerate(pages, start=1)]
    by_page: dict[int, list[str]] = {}
    for style in styles:
        by_page.setdefault(style[0], []).append(str(style[1]))
    if any(by_page.get(number, []) != page for number, page in enumerate(pages, start=1)):
        return kept_texts, styles  # styles that do not match the text line for line: left as they are
    seen: dict[int, int] = {}
    kept_styles = []
    for style in styles:
        index = seen.get(style[0], 0)
        seen[style[0]] = index + 1
        if (style[0], index) not in drop:
            kept_styles.append(style)
    return kept_texts, kept_styles
