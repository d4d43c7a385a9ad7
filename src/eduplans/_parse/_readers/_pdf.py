"""PDF: text per page with page numbers, ruled and unruled tables (pypdfium2, pdfplumber).

For every page, PDFium (pypdfium2) gives the characters with their positions; a page that
draws lines or rectangles (paths) may hold a ruled table: that page is read with pdfplumber,
which gives the same characters and finds the ruled tables from the page's lines (its default
``lines`` strategy). PDFium reads a page ~7× faster than pdfminer (under pdfplumber), so pages of
running text cost little. Then:

* **ruled tables** become grids: each cell's box is placed on the grid of the table's distinct
  x and y edges, so a merged cell gets its rowspan and colspan; the cell's text lines are joined
  — without a space where a line was wrapped at the cell's right side (``…受教育年`` + ``限(年)``),
  with a space where a line ends short (a new paragraph in the cell, ``其中:小学`` / ``初中``);
* **text lines** are built from the characters outside ruled tables (a space where the gap
  between two characters is wide, a cell break where it is wider than 1.5 em);
* **unruled tables**: a run of lines with cell breaks (at least two lines, one with three cells
  or more; short one-cell lines such as a stage row 学前教育 may stand between them) becomes a
  grid whose columns are the merged horizontal extents of the cells;
* **paragraphs**: a text line that reaches the right margin continues on the next line when that
  one is not indented (also across a page break), so a wrapped paragraph stands on one line of the
  source text, joined without a space between Chinese characters;
* page numbers standing alone at the top or bottom of a page (``- 3 -``, ``第3页``) are furniture
  and left out; the page each paragraph and table stands on is recorded.

A PDF without any text layer (a scan) raises :class:`~eduplans.ParseError` saying to run OCR
first; pages without text in an otherwise readable PDF are listed in the document's notes.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..._errors import ParseError
from ..._words import alternation, pattern
from .._doc import Document
from ._base import Reader
from ._build import Builder, RawCell

__all__ = ["PdfReader"]

_PAGE_NO = pattern(
    lambda w: (
        rf"^[-—–－\s]*\d{{1,4}}[-—–－\s]*$|^(?:{alternation(w.heading.ordinal)})\s*\d{{1,4}}\s*"
        rf"(?:{alternation(w.page.page)})(?:\s*[,，/]?\s*(?:{alternation(w.page.page_total)})\s*\d+\s*"
        rf"(?:{alternation(w.page.page)}))?$"
    )
)
_Box = tuple[float, float, float, float]
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
_OCR_ADVICE = (
    "the PDF has no text layer (a scanned document?): run OCR on it first, for example "
    "ocrmypdf -l chi_sim+eng in.pdf out.pdf, then parse the output"
)


@dataclass
class _Seg:
    """A run of characters of one line between cell breaks."""

    text: str
    x0: float
    x1: float


@dataclass
class _Line:
    top: float
    bottom: float
    size: float
    segs: list[_Seg] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return self.segs[0].x0

    @property
    def x1(self) -> float:
        return self.segs[-1].x1

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segs)


def _lines(chars: list[dict[str, Any]], *, cell_gap: float = 1.5) -> list[_Line]:
    """Group characters into lines (top to bottom) and each line into segments."""
    chars = [c for c in chars if c.get("upright", True)]
    chars.sort(key=lambda c: (float(c["top"]), float(c["x0"])))
    rows: list[list[dict[str, Any]]] = []
    bounds: list[tuple[float, float]] = []
    for c in chars:
        top, bottom = float(c["top"]), float(c["bottom"])
        mid = (top + bottom) / 2
        for i in range(len(rows) - 1, max(-1, len(rows) - 4), -1):
            t, b = bounds[i]
            if t - 0.5 <= mid <= b + 0.5:
                rows[i].append(c)
                bounds[i] = (min(t, top), max(b, bottom))
                break
        else:
            rows.append([c])
            bounds.append((top, bottom))
    out: list[_Line] = []
    for row, (top, bottom) in zip(rows, bounds, strict=True):
        row.sort(key=lambda c: float(c["x0"]))
        size = max(float(c.get("size") or (bottom - top) or 10) for c in row)
        line = _Line(top, bottom, size)
        buf: list[str] = []
        seg_x0 = float(row[0]["x0"])
        prev: dict[str, Any] | None = None
        for c in row:
            text = str(c["text"])
            if prev is not None:
                gap = float(c["x0"]) - float(prev["x1"])
                if gap > cell_gap * size and "".join(buf).strip():
                    line.segs.append(_Seg("".join(buf).strip(), seg_x0, float(prev["x1"])))
                    buf = []
                    seg_x0 = float(c["x0"])
                elif gap > 0.25 * size and buf and not buf[-1].isspace() and not text.isspace():
                    buf.append(" ")
            if not (text.isspace() and not buf):
                buf.append(text)
            if not text.isspace():
                prev = c
            elif prev is None:
                seg_x0 = float(c["x1"])
        if "".join(buf).strip():
            assert prev is not None
            line.segs.append(_Seg("".join(buf).strip(), seg_x0, float(prev["x1"])))
        if line.segs:
            out.append(line)
    return out


def _join(parts: list[str], ends_short: list[bool]) -> str:
    """Join a cell's or paragraph's lines: no space after a wrapped Chinese line."""
    out = ""
    for i, part in enumerate(parts):
        if i:
            wrapped = not ends_short[i - 1]
            both_ascii = bool(_ASCII_WORD.match(out[-1:]) and _ASCII_WORD.match(part[:1]))
            out += " " if (not wrapped or both_ascii) else ""
        out += part
    return out


def _snap(values: list[float], tol: float = 1.5) -> list[float]:
    """Distinct coordinates, those closer than ``tol`` taken as one."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _index(edges: list[float], v: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - v))


def _box(b: Any) -> _Box:
    return (float(b[0]), float(b[1]), float(b[2]), float(b[3]))


def _inside(c: dict[str, Any], box: _Box, pad: float = 0.5) -> bool:
    x = (float(c["x0"]) + float(c["x1"])) / 2
    y = (float(c["top"]) + float(c["bottom"])) / 2
    return bool(box[0] - pad <= x <= box[2] + pad and box[1] - pad <= y <= box[3] + pad)


def _ruled(table: Any, chars: list[dict[str, Any]]) -> list[RawCell]:
    """Return the cells of a ruled table with their grid positions and spans."""
    boxes = [_box(b) for b in table.cells]
    xs = _snap([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _snap([b[1] for b in boxes] + [b[3] for b in boxes])
    cells: list[RawCell] = []
    for box in boxes:
        col, end_col = _index(xs, box[0]), _index(xs, box[2])
        row, end_row = _index(ys, box[1]), _index(ys, box[3])
        inside = [c for c in chars if _inside(c, box)]
        lines = _lines(inside, cell_gap=1e9)
        texts = [ln.text for ln in lines]
        if lines:
            right = max(ln.x1 for ln in lines)
            short = [ln.x1 < right - ln.size or ln.x1 < box[2] - 3.5 * ln.size for ln in lines]
        else:
            short = []
        cells.append(
            RawCell(_join(texts, short), row, col, max(1, end_row - row), max(1, end_col - col))
        )
    return cells


def _unruled(lines: list[_Line]) -> list[RawCell]:
    """Return an unruled table's cells (lines with cell breaks), columns by their extent."""
    spans: list[list[float]] = []
    for ln in lines:
        if len(ln.segs) < 2:
            continue
        for s in ln.segs:
            spans.append([s.x0, s.x1])
    spans.sort()
    cols: list[list[float]] = []
    for a, b in spans:
        if cols and a <= cols[-1][1] + 0.5:
            cols[-1][1] = max(cols[-1][1], b)
        else:
            cols.append([a, b])

    def col_of(s: _Seg) -> int:
        mid = (s.x0 + s.x1) / 2
        for i, (a, b) in enumerate(cols):
            if a - 1 <= mid <= b + 1:
                return i
        return min(range(len(cols)), key=lambda i: abs(cols[i][0] - s.x0))

    cells: list[RawCell] = []
    for r, ln in enumerate(lines):
        used: set[int] = set()
        for s in ln.segs:
            k = col_of(s)
            while k in used and k + 1 < len(cols):
                k += 1
            used.add(k)
            cells.append(RawCell(s.text, r, k))
    return cells


def _table_blocks(lines: list[_Line]) -> list[tuple[int, int]]:
    """Index ranges [i, j) of the lines that form unruled tables."""
    blocks: list[tuple[int, int]] = []
    i = 0
    n = len(lines)
    while i < n:
        if len(lines[i].segs) < 2:
            i += 1
            continue
        j = i + 1
        last_multi = i
        while j < n:
            ln = lines[j]
            if len(ln.segs) >= 2:
                last_multi = j
            elif not (len(ln.text) <= 20 and not ln.text.endswith("。")) or j - last_multi > 2:
                break
            j += 1
        j = last_multi + 1
        multi = [ln for ln in lines[i:j] if len(ln.segs) >= 2]
        if len(multi) >= 2 and any(len(ln.segs) >= 3 for ln in multi):
            blocks.append((i, j))
            i = j
        else:
            i += 1
    return blocks


def _has_paths(page: Any) -> bool:
    import pypdfium2.raw as raw

    return any(obj.type == raw.FPDF_PAGEOBJ_PATH for obj in page.get_objects(max_depth=2))


def _open_plumber(data: bytes, where: str | None) -> Any:
    import pdfplumber

    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises its own PSException/PDFSyntaxError trees
        raise ParseError(
            f"cannot read the PDF ({type(exc).__name__}: {exc})", source=where
        ) from None


def _pdfium_chars(page: Any) -> list[dict[str, Any]]:
    """Return the page's characters as pdfplumber gives them (x0, x1, top, bottom, size …)."""
    import pypdfium2.raw as raw

    height = float(page.get_height())
    textpage = page.get_textpage()
    out: list[dict[str, Any]] = []
    try:
        for i in range(textpage.count_chars()):
            if raw.FPDFText_IsGenerated(textpage.raw, i):
                continue  # a space or line break PDFium adds: the layout says where lines go
            code = raw.FPDFText_GetUnicode(textpage.raw, i)
            if 0xDC00 <= code <= 0xDFFF and out and len(out[-1]["text"]) == 1:
                high = ord(out[-1]["text"])
                if 0xD800 <= high <= 0xDBFF:  # a character outside the BMP: one, not two
                    out[-1]["text"] = chr(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00))
                    continue
            if code < 32 or 0xDC00 <= code <= 0xDFFF:
                continue
            left, bottom, right, top = textpage.get_charbox(i, loose=True)
            out.append(
                {
                    "text": chr(code),
                    "x0": left,
                    "x1": right,
                    "top": height - top,
                    "bottom": height - bottom,
                    "size": raw.FPDFText_GetFontSize(textpage.raw, i),
                    "upright": True,
                }
            )
    finally:
        textpage.close()
    return out


class PdfReader(Reader):
    """A PDF with a text layer: paragraphs and tables, page by page."""

    format = "pdf"
    suffixes: ClassVar[tuple[str, ...]] = (".pdf",)
    extra = "pdf"
    modules = ("pdfplumber", "pypdfium2")

    @classmethod
    def detect(cls, head: bytes) -> bool:
        """Recognise ``%PDF-`` within the first kilobyte."""
        return b"%PDF-" in head[:1024]

    def read(self, data: bytes, *, name: str, max_chars: int) -> Document:
        """Read every page: ruled tables, unruled tables, paragraphs."""
        import pypdfium2

        where = name or None
        try:
            pdf = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as exc:
            if "password" in str(exc).lower():
                raise ParseError(
                    "the PDF is encrypted: open it with its password and save an unprotected copy",
                    source=where,
                ) from None
            raise ParseError(f"cannot read the PDF ({exc})", source=where) from None
        b = Builder()
        empty: list[int] = []
        open_para = False  # the last paragraph reached the right margin: it may go on
        plumber: Any = None
        try:
            for number in range(1, len(pdf) + 1):
                b.page(number)
                page = pdf[number - 1]
                if _has_paths(page):  # lines or boxes: perhaps a ruled table
                    if plumber is None:
                        plumber = _open_plumber(data, where)
                    pl_page = plumber.pages[number - 1]
                    chars = [c for c in pl_page.chars if str(c["text"]).strip() or c["text"] == " "]
                    tables = pl_page.find_tables()
                    height = float(pl_page.height)
                else:
                    chars, height = _pdfium_chars(page), float(page.get_height())
                    tables = []
                if not any(str(c["text"]).strip() for c in chars):
                    empty.append(number)
                    continue
                open_para = self._page(chars, tables, height, b, open_para)
                if b.pos > max_chars:
                    break
        except ParseError:
            raise
        except Exception as exc:  # pdfminer's PSException trees, PdfiumError, broken streams
            raise ParseError(
                f"cannot read the PDF ({type(exc).__name__}: {exc})", source=where
            ) from None
        finally:
            if plumber is not None:
                plumber.close()
            pdf.close()
        notes: tuple[str, ...] = ()
        doc = b.document(name=name, format="pdf")
        if not doc.text.strip():
            raise ParseError(_OCR_ADVICE, source=where)
        if empty:
            pages = ", ".join(map(str, empty))
            notes = (f"PDF pages without a text layer (scanned? run OCR to read them): {pages}",)
        return Document(
            text=doc.text,
            name=doc.name,
            format=doc.format,
            paragraphs=doc.paragraphs,
            tables=doc.tables,
            pages=doc.pages,
            notes=notes,
        )

    def _page(
        self,
        chars: list[dict[str, Any]],
        tables: list[Any],
        height: float,
        b: Builder,
        open_para: bool,
    ) -> bool:
        boxes = [_box(t.bbox) for t in tables]
        outside = [c for c in chars if not any(_inside(c, box) for box in boxes)]
        lines = _lines(outside)
        lines = [
            ln
            for ln in lines
            if not (
                _PAGE_NO.match(ln.text.strip())
                and (ln.top > height * 0.88 or ln.bottom < height * 0.12)
            )
        ]
        items: list[tuple[float, str, Any]] = [
            (box[1], "ruled", t) for box, t in zip(boxes, tables, strict=True)
        ]
        blocks = _table_blocks(lines)
        in_block: set[int] = set()
        for i, j in blocks:
            items.append((lines[i].top, "unruled", lines[i:j]))
            in_block.update(range(i, j))
        prose = [ln for k, ln in enumerate(lines) if k not in in_block]
        items += [(ln.top, "line", ln) for ln in prose]
        items.sort(key=lambda it: it[0])
        if prose:
            left = min(ln.x0 for ln in prose)
            right = max(ln.x1 for ln in prose)
        else:
            left = right = 0.0
        for _, kind, item in items:
            if kind == "ruled":
                b.table(_ruled(item, chars), kind="ruled")
                open_para = False
            elif kind == "unruled":
                b.table(_unruled(item), kind="unruled")
                open_para = False
            else:
                ln: _Line = item
                text = ln.text
                indented = ln.x0 > left + 0.8 * ln.size
                joined = False
                if open_para and not indented:
                    prev_last = b.last_char()
                    sep = (
                        " " if _ASCII_WORD.match(prev_last) and _ASCII_WORD.match(text[:1]) else ""
                    )
                    joined = b.extend_paragraph(text, sep=sep)
                if not joined:
                    b.paragraph(text)
                open_para = ln.x1 >= right - 1.5 * ln.size and len(prose) > 1
        return open_para
