"""DOCX: a Word document's paragraphs and tables in document order (python-docx).

The body is walked in order: every paragraph (``w:p``) is a paragraph of the source text, every
table (``w:tbl``) a grid, with horizontal merges (``w:gridSpan``) and vertical merges
(``w:vMerge``) expanded and rows that skip grid columns (``w:gridBefore``) placed where Word
shows them. A cell's paragraphs (and any table nested in it) stand on the cell's one line,
separated by a space. Paragraphs Word numbers itself get the label Word shows (``一、``,
``(二)``, ``1.``: :mod:`._numbering`), which their text lacks. Content controls (``w:sdt``) are
read through; headers, footers,
comments, text boxes and footnotes are not part of the body and are left out.
"""

from __future__ import annotations

import io
from typing import Any, ClassVar

from ..._errors import ParseError
from .._doc import Document
from ._base import Reader
from ._build import Builder, RawCell
from ._numbering import Numbering

__all__ = ["DocxReader"]


def _val(el: Any, path: str, qn: Any) -> str | None:
    found = el.find(path)
    if found is None:
        return None
    v = found.get(qn("w:val"))
    return "" if v is None else str(v)


class DocxReader(Reader):
    """A Word ``.docx`` file (Office Open XML): paragraphs and tables in document order."""

    format = "docx"
    suffixes: ClassVar[tuple[str, ...]] = (".docx", ".docm", ".dotx")
    extra = "docx"
    modules = ("docx",)

    def read(self, data: bytes, *, name: str, max_chars: int) -> Document:
        """Open the package with python-docx and walk its body."""
        import docx
        from docx.oxml.ns import qn
        from docx.text.paragraph import Paragraph as DocxParagraph

        try:
            document = docx.Document(io.BytesIO(data))
        except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors …
            raise ParseError(
                f"cannot read the DOCX file ({type(exc).__name__}: {exc})", source=name or None
            ) from None
        body = document.element.body
        b = Builder()
        numbering = Numbering(document)
        w_p, w_tbl, w_sdt = qn("w:p"), qn("w:tbl"), qn("w:sdt")
        w_tr, w_tc = qn("w:tr"), qn("w:tc")

        def para_text(p: Any) -> str:
            return str(DocxParagraph(p, document).text)

        def cell_text(tc: Any) -> str:
            parts = [para_text(p) for p in tc.iter(w_p)]
            return " ".join(t for t in parts if t.strip())

        def table(tbl: Any) -> None:
            cells: list[RawCell] = []
            open_cols: dict[
                int, list[Any]
            ] = {}  # grid column -> [start row, col, span, text, rows]
            rows = [tr for tr in tbl if tr.tag == w_tr]
            for r, tr in enumerate(rows):
                before = _val(tr, f"{qn('w:trPr')}/{qn('w:gridBefore')}", qn)
                c = int(before) if before and before.isdigit() else 0
                for tc in tr.iter(w_tc):
                    if tc.getparent() is not tr and tc.getparent().tag != w_sdt:
                        continue  # a cell of a nested table
                    span_v = _val(tc, f"{qn('w:tcPr')}/{qn('w:gridSpan')}", qn)
                    span = int(span_v) if span_v and span_v.isdigit() else 1
                    merge = _val(tc, f"{qn('w:tcPr')}/{qn('w:vMerge')}", qn)
                    if merge is not None and merge != "restart" and c in open_cols:
                        open_cols[c][4] += 1  # continues the merged cell above
                    else:
                        if c in open_cols:
                            _close(open_cols.pop(c), cells)
                        open_cols[c] = [r, c, span, cell_text(tc), 1]
                        if merge is None:
                            _close(open_cols.pop(c), cells)
                    c += span
            for entry in open_cols.values():
                _close(entry, cells)
            b.table(cells, kind="docx")

        def walk(parent: Any) -> None:
            for el in parent.iterchildren():
                if el.tag == w_p:
                    text = para_text(el)
                    label = numbering.label(el) if text.strip() else ""
                    b.paragraph(f"{label}{text}" if label else text)
                elif el.tag == w_tbl:
                    table(el)
                elif el.tag == w_sdt:
                    content = el.find(qn("w:sdtContent"))
                    if content is not None:
                        walk(content)

        walk(body)
        return b.document(name=name, format="docx")


def _close(entry: list[Any], cells: list[RawCell]) -> None:
    r, c, span, text, nrows = entry
    cells.append(RawCell(text, r, c, nrows, span))
