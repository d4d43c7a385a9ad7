"""Render a document's structure into its source text, keeping every offset.

Paragraphs stand one per line; a table stands one grid row per line, its cells separated by
tabs (``指标<TAB>2020年<TAB>2025年``), a merged cell once at its top-left position and an empty
cell at each position it covers, so every row line has one cell per column. Text inside a cell
or a paragraph is put on one line: runs of whitespace (line breaks of a wrapped cell, tabs)
become one space. Nothing else is changed: the characters are the file's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .._doc import Cell, Document, Paragraph, Table

__all__ = ["Builder", "RawCell", "one_line"]

_SPACES = re.compile(r"[ \t\n\r\f\v]+")


def one_line(text: str) -> str:
    """Put a text on one line: runs of ASCII whitespace become one space, ends stripped."""
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class RawCell:
    """A cell as a reader finds it: its text and the grid positions it covers."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


class Builder:
    """Collect paragraphs and tables in document order and render the source text."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._pos = 0
        self._paragraphs: list[Paragraph] = []
        self._tables: list[Table] = []
        self._pages: list[tuple[int, int, int]] = []
        self._page: int | None = None
        self._page_start = 0

    @property
    def pos(self) -> int:
        """Offset of the next character to be written."""
        return self._pos

    def _write(self, text: str) -> None:
        self._parts.append(text)
        self._pos += len(text)

    def page(self, number: int) -> None:
        """Start page ``number`` (PDF): what follows is recorded as standing on it."""
        self._close_page()
        self._page = number
        self._page_start = self._pos

    def _close_page(self) -> None:
        if self._page is not None and self._pos > self._page_start:
            self._pages.append((self._page, self._page_start, self._pos))

    def paragraph(self, text: str) -> Paragraph | None:
        """Add a paragraph (put on one line); an empty one is skipped."""
        line = one_line(text)
        if not line:
            return None
        para = Paragraph(self._pos, self._pos + len(line), self._page)
        self._write(line + "\n")
        self._paragraphs.append(para)
        return para

    def last_char(self) -> str:
        """Return the last character written before the final line break ('' if none)."""
        for part in reversed(self._parts):
            body = part.rstrip("\n")
            if body:
                return body[-1]
        return ""

    def extend_paragraph(self, text: str, *, sep: str = "") -> bool:
        """Append ``text`` to the last paragraph (a PDF line wrapped onto the next line)."""
        line = one_line(text)
        if not self._paragraphs or not line or self._parts[-1][-1:] != "\n":
            return False
        last = self._paragraphs[-1]
        if last.end != self._pos - 1:
            return False
        self._parts[-1] = self._parts[-1][:-1]
        self._pos -= 1
        if self._page_start > self._pos:  # the paragraph goes on over a page break
            self._page_start = self._pos
            if self._pages and self._pages[-1][2] > self._pos:
                n, a, _ = self._pages[-1]
                self._pages[-1] = (n, a, self._pos)
        self._write(sep + line + "\n")
        self._paragraphs[-1] = Paragraph(last.start, self._pos - 1, last.page)
        return True

    def table(self, cells: list[RawCell], *, kind: str) -> Table | None:
        """Add a table from its cells (positions given, merged cells with their spans)."""
        cells = [c for c in cells if c.rowspan > 0 and c.colspan > 0]
        if not cells:
            return None
        nrows = max(c.row + c.rowspan for c in cells)
        ncols = max(c.col + c.colspan for c in cells)
        origin: dict[tuple[int, int], RawCell] = {}
        cover: dict[tuple[int, int], RawCell] = {}
        for c in sorted(cells, key=lambda c: (c.row, c.col)):
            if (c.row, c.col) in cover:
                continue  # a cell the file places under another's span: the first one wins
            origin[(c.row, c.col)] = c
            for r in range(c.row, c.row + c.rowspan):
                for k in range(c.col, c.col + c.colspan):
                    cover.setdefault((r, k), c)
        start = self._pos
        made: dict[int, Cell] = {}
        for r in range(nrows):
            texts = [
                one_line(origin[(r, k)].text) if (r, k) in origin else "" for k in range(ncols)
            ]
            if not any(texts):
                continue  # a row with no text of its own (all covered or empty): no line
            pos = self._pos
            for k, text in enumerate(texts):
                raw = origin.get((r, k))
                if raw is not None:
                    made[id(raw)] = Cell(
                        pos, pos + len(text), raw.row, raw.col, raw.rowspan, raw.colspan
                    )
                pos += len(text) + 1
            self._write("\t".join(texts) + "\n")
        if self._pos == start:
            return None
        grid = tuple(
            tuple(made.get(id(cover[(r, k)])) if (r, k) in cover else None for k in range(ncols))
            for r in range(nrows)
        )
        table = Table(start, self._pos - 1, grid, self._page, kind)
        self._tables.append(table)
        return table

    def document(
        self, *, name: str, format: str, encoding: str = "", notes: tuple[str, ...] = ()
    ) -> Document:
        """Return the :class:`Document` built so far."""
        self._close_page()
        self._page = None
        return Document(
            text="".join(self._parts),
            name=name,
            format=format,
            encoding=encoding,
            paragraphs=tuple(self._paragraphs),
            tables=tuple(self._tables),
            pages=tuple(self._pages),
            notes=notes,
        )
