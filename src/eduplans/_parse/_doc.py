"""The document being parsed: original text, working copy, lines, headings and sections.

Shared by the table, prose and metadata readers. Everything is offsets into the original text;
matching happens on the working copy (:func:`._decode.fold`), which has the same length.

:class:`Document` is what a format reader (:mod:`._readers`) yields for any input format: the
source text (the draft's ``source_text``) and the structure read from the file — paragraphs and
tables as grids, every paragraph and cell with offsets into that text, and the page each stands
on for a PDF. :class:`Doc` is the parser's working view of one such text.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .._words import Words, alternation, chars, pattern, words
from ._decode import chrome_lines, fold

__all__ = ["REVIEW_WORDS", "Cell", "Doc", "Document", "Heading", "Line", "Paragraph", "Table"]


@functools.lru_cache(maxsize=4)  # one set per words data in use (Words hash by identity)
def _headings(w: Words) -> tuple[tuple[re.Pattern[str], int], ...]:
    """Return the heading patterns with their level (smaller is higher; [heading] words)."""
    h = w.heading
    cn = chars(h.numerals)
    return (
        (re.compile(rf"(?:{alternation(h.ordinal)})[{cn}]+(?:{alternation(h.part_ends)})"), 0),
        (re.compile(rf"[{cn}]+、"), 1),
        (re.compile(rf"\([{cn}]+\)"), 2),
        (re.compile(rf"(?:{alternation(h.box)})\s*[\d{chars(h.list_numerals)}]+"), 3),
        (re.compile(r"\d{1,2}[.、](?!\d)"), 4),
        (re.compile(r"\(\d{1,2}\)"), 5),
    )


#: Words of a heading whose section reviews the past (values there are baselines).
REVIEW_WORDS = pattern(lambda w: alternation(w.heading.review))
_FORWARD = pattern(
    lambda w: (
        rf"(?:{alternation(w.heading.forward_periods)})"
        rf"(?!.{{0,6}}(?:{alternation(w.heading.forward_period_not)}))|"
        + alternation(w.heading.forward)
    )
)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the text: offsets of its stripped content."""

    start: int
    end: int
    text: str  # working-copy text of the stripped line


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading line with its level and the title words."""

    start: int
    end: int
    level: int
    title: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of a document: its offsets in the source text and its page (PDF)."""

    start: int
    end: int
    page: int | None = None


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: its offsets in the source text and the grid positions it covers.

    A merged cell (rowspan, colspan) stands once in the source text, at its top-left position
    (``row``, ``col``); the table's grid holds the same :class:`Cell` at every position it covers.
    An empty cell has ``start == end``.
    """

    start: int
    end: int
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True, slots=True)
class Table:
    """A table read from the file's structure, as a grid with merged cells expanded.

    ``grid[r][c]`` is the cell covering row ``r`` and column ``c`` (None where the file has no
    cell there). In the source text every grid row stands on one line, its cells separated by
    tabs (a covered position gives an empty cell), so that a reader of the text sees the rows
    the file has.
    """

    start: int
    end: int
    grid: tuple[tuple[Cell | None, ...], ...]
    page: int | None = None
    kind: str = ""  # how it was found: "html", "docx", "ruled", "unruled"

    @property
    def shape(self) -> tuple[int, int]:
        """Rows and columns of the grid."""
        return len(self.grid), max((len(r) for r in self.grid), default=0)

    def cells(self) -> Iterator[Cell]:
        """Yield every cell once (a merged cell at its top-left position), row by row."""
        for r, row in enumerate(self.grid):
            for c, cell in enumerate(row):
                if cell is not None and cell.row == r and cell.col == c:
                    yield cell

    def texts(self, source: str) -> list[list[str]]:
        """Return the grid's texts, a merged cell's text at every position it covers."""
        return [[source[c.start : c.end] if c else "" for c in row] for row in self.grid]


@dataclass(frozen=True, slots=True)
class Document:
    """What a format reader yields: the source text and its structure.

    Parameters
    ----------
    text
        The source text: for a plain-text input the text as decoded; for HTML, DOCX and PDF the
        text rendered from the file's structure (paragraphs one per line; table rows one per
        line with tab-separated cells). Every offset of the parsed plan refers to it.
    name
        The file name (empty for a ``str`` or ``bytes`` input without one).
    format
        ``"text"``, ``"html"``, ``"docx"`` or ``"pdf"``.
    encoding
        The text encoding of a text or HTML input (``""`` for DOCX and PDF).
    paragraphs, tables
        The structure, in document order; empty for a plain text (its layout is read from the
        text itself).
    pages
        ``(number, start, end)`` of every page of a PDF that has text, numbered from 1.
    notes
        What the reader noticed and the reviewer should know (pages without a text layer …).

    """

    text: str
    name: str = ""
    format: str = "text"
    encoding: str = ""
    paragraphs: tuple[Paragraph, ...] = ()
    tables: tuple[Table, ...] = ()
    pages: tuple[tuple[int, int, int], ...] = ()
    notes: tuple[str, ...] = ()

    def page_at(self, pos: int) -> int | None:
        """Return the page number at offset ``pos`` (PDF), else None."""
        starts = [p[1] for p in self.pages]
        i = bisect.bisect_right(starts, pos) - 1
        if i < 0 or pos > self.pages[i][2]:
            return None
        return self.pages[i][0]


@dataclass
class Doc:
    """A text being parsed.

    Parameters
    ----------
    text
        The original text (offsets refer to it).
    source
        The document the text was read from, when a format reader made it (its tables as
        grids, its pages).

    """

    text: str
    source: Document | None = None
    work: str = field(init=False)
    lines: list[Line] = field(init=False)
    line_starts: list[int] = field(init=False)
    chrome: list[tuple[int, int]] = field(init=False)
    blocked: list[tuple[int, int]] = field(init=False, default_factory=list)
    headings: list[Heading] = field(init=False, default_factory=list)
    _heading_starts: list[int] = field(init=False, default_factory=list)
    _heading_parent: list[int] = field(init=False, default_factory=list)
    _span_index: dict[str, tuple[int, list[int], list[int]]] = field(
        init=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        self.work = fold(self.text)
        self.lines = []
        pos = 0
        for raw in self.work.split("\n"):
            left = len(raw) - len(raw.lstrip())
            stripped = raw.strip()
            if stripped:
                self.lines.append(Line(pos + left, pos + left + len(stripped), stripped))
            pos += len(raw) + 1
        self.line_starts = [line.start for line in self.lines]
        self.chrome = chrome_lines(self.work)

    # --- masks -------------------------------------------------------------------------------

    def _in_spans(self, which: str, spans: list[tuple[int, int]], pos: int) -> bool:
        """Whether ``pos`` lies in one of ``spans`` (any order, overlapping or not).

        By bisection on an index that is extended (or rebuilt) when the list grows.
        """
        index = self._span_index.get(which)
        if index is not None and index[0] < len(spans):
            n, starts, ends = index
            new = spans[n:]
            if all(a >= (starts[-1] if starts else a) for a, _ in new) and new == sorted(new):
                for a, b in new:  # appended in order (tables are read top-down): extend
                    starts.append(a)
                    ends.append(max(b, ends[-1]) if ends else b)
                index = (len(spans), starts, ends)
                self._span_index[which] = index
        if index is None or index[0] != len(spans):
            ordered = sorted(spans)
            starts = [a for a, _ in ordered]
            reach: list[int] = []
            for _, b in ordered:
                reach.append(max(b, reach[-1]) if reach else b)
            index = (len(spans), starts, reach)
            self._span_index[which] = index
        _, starts, reach = index
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and reach[k] > pos

    def is_chrome(self, pos: int) -> bool:
        """Whether offset ``pos`` lies on a web-chrome line."""
        return self._in_spans("chrome", self.chrome, pos)

    def is_blocked(self, pos: int) -> bool:
        """Whether ``pos`` lies in a region already read (a table)."""
        return self._in_spans("blocked", self.blocked, pos)

    # --- headings ----------------------------------------------------------------------------

    def find_headings(self) -> None:
        """Find heading lines outside tables and chrome; call after tables are blocked."""
        out: list[Heading] = []
        for line in self.lines:
            if self.is_blocked(line.start) or self.is_chrome(line.start):
                continue
            h = heading_of(line.text)
            if h is not None:
                level, title = h
                out.append(Heading(line.start, line.end, level, title))
        self.headings = out
        self._heading_starts = [h.start for h in out]
        # the parent of each heading: the nearest heading before it of a higher level
        self._heading_parent = []
        stack: list[int] = []
        for k, heading in enumerate(out):
            while stack and out[stack[-1]].level >= heading.level:
                stack.pop()
            self._heading_parent.append(stack[-1] if stack else -1)
            stack.append(k)

    def path_at(self, pos: int) -> list[Heading]:
        """Return the headings in force at ``pos``, outermost first.

        The last heading before ``pos``, its parent (the nearest heading before it of a higher
        level), the parent's parent … up to a level-0 heading.
        """
        k = bisect.bisect_right(self._heading_starts, pos) - 1
        path: list[Heading] = []
        while k >= 0:
            path.insert(0, self.headings[k])
            k = self._heading_parent[k]
        return path

    def section_at(self, pos: int) -> str:
        """Return a readable section label at ``pos`` (the heading path)."""
        return " ".join(h.title for h in self.path_at(pos))[:120]

    def in_review(self, pos: int) -> bool:
        """Whether ``pos`` lies in a section reviewing the past (十三五 achievements)."""
        for h in reversed(self.path_at(pos)):
            if _FORWARD.search(h.title):
                return False
            if REVIEW_WORDS.search(h.title):
                return True
        return False


def heading_of(text: str) -> tuple[int, str] | None:
    """Return (level, title) when a stripped line is a heading, else None.

    Numbered lines that are whole paragraphs ("1.教育投入持续增加。2020年,…") are headings
    whose title is the words up to the first full stop.
    """
    for heading, level in _headings(words()):
        m = heading.match(text)
        if m is None:
            continue
        head = re.split(r"[。;:]", text, maxsplit=1)[0]
        if len(head) > 40:
            head = head[:40]
        if level == 4 and len(text) > 40 and "。" not in text[:41]:
            return None  # a numbered sentence, not a heading
        return level, head.strip()
    if (
        len(text) <= 24
        and not re.search(r"[。,;!?、]$", text)
        and "。" not in text
        and not re.search(r"\d", text)
    ):
        return 6, text.rstrip(":")
    return None
