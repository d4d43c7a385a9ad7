"""DOCX: a Word document's paragraphs and tables in document order (python-docx).

The body is walked in order: every paragraph (``w:p``) is a paragraph of the source text, every
table (``w:tbl``) a grid, with horizontal merges (``w:gridSpan``) and vertical merges
(``w:vMerge``) expanded and rows that skip grid columns (``w:gridBefore``) placed where Word
shows them. A cell's paragraphs (and any table nested in it) stand on the cell's one line,
separated by a space. Paragraphs Word numbers itself get the label Word shows (``一、``,
``(二)``, ``1.``: :mod:`._numbering`), which their text lacks. Content controls (``w:sdt``),
custom XML and smart tags are read through (around paragraphs, tables, rows, cells and runs),
tracked insertions are read and tracked deletions left out, as Word shows the document; headers,
footers, comments, text boxes and footnotes are not part of the body and are left out.
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
        w_tr, w_tc, w_r = qn("w:tr"), qn("w:tc"), qn("w:r")
        # what holds runs that are not the paragraph's visible text: deleted (tracked) text,
        # text moved away, text boxes (their own paragraphs, left out)
        hidden = {qn("w:del"), qn("w:moveFrom"), qn("w:txbxContent")}
        # what wraps elements without being one: content controls, custom XML, smart tags
        wrappers = {w_sdt, qn("w:sdtContent"), qn("w:customXml"), qn("w:smartTag")}

        def para_text(p: Any) -> str:
            """Return the paragraph's text as Word shows it, tracked insertions included.

            python-docx's ``Paragraph.text`` reads only the runs that are the paragraph's
            children (and hyperlinks'): runs inside a tracked insertion (``w:ins``), an inline
            content control (``w:sdt``), a smart tag or a simple field were lost.
            """
            parts: list[str] = []
            for run in p.iter(w_r):
                up = run.getparent()
                while up is not None and up is not p and up.tag not in hidden:
                    up = up.getparent()
                if up is p:
                    parts.append(str(run.text))
            return "".join(parts)

        def children(el: Any, tag: str) -> list[Any]:
            """Return the elements ``tag`` under ``el``, looking through content controls."""
            out: list[Any] = []
            for child in el.iterchildren():
                if child.tag == tag:
                    out.append(child)
                elif child.tag in wrappers:
                    out += children(child, tag)
            return out

        def cell_text(tc: Any) -> str:
            parts = [para_text(p) for p in tc.iter(w_p) if not _in(p, hidden, tc)]
            return " ".join(t for t in parts if t.strip())

        def table(tbl: Any) -> None:
            cells: list[RawCell] = []
            open_cols: dict[
                int, list[Any]
            ] = {}  # grid column -> [start row, col, span, text, rows]
            rows = children(tbl, w_tr)  # rows and cells may stand in content controls
            for r, tr in enumerate(rows):
                before = _val(tr, f"{qn('w:trPr')}/{qn('w:gridBefore')}", qn)
                c = int(before) if before and before.isdigit() else 0
                for tc in children(tr, w_tc):  # not the cells of a table nested in a cell
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


def _in(el: Any, tags: set[str], top: Any) -> bool:
    """Whether ``el`` stands inside one of ``tags`` below ``top``."""
    up = el.getparent()
    while up is not None and up is not top:
        if up.tag in tags:
            return True
        up = up.getparent()
    return False


def _close(entry: list[Any], cells: list[RawCell]) -> None:
    r, c, span, text, nrows = entry
    cells.append(RawCell(text, r, c, nrows, span))
