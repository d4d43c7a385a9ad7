"""HTML: a saved web page to its article body, tables as grids (lxml).

The page is decoded (byte-order mark, else the ``charset`` it declares — GB2312 and GBK read as
GB18030, their superset, but as UTF-8 when the bytes are valid UTF-8: a page a browser saved
keeps its old declaration — else UTF-8 or GB18030), parsed with :mod:`lxml.html`, and cleared of
what is never text (scripts, styles, forms' controls, navigation, footers, asides, and blocks
whose class or id names site chrome: menus, breadcrumbs, share bars, copyright). The article
body is the block that holds most of the page's running text outside links (a small
readability-style score: each paragraph's characters count for the block holding it and half
for the block above); the page's headline (``<h1>``, else a block whose class names a title,
else ``<title>``) and the date/source line under it are kept above the body. Block elements and
``<br>`` give paragraphs; a ``<table>`` whose cells hold no other table is a data table, read
as a grid with ``rowspan`` and ``colspan`` expanded; a layout table (cells holding tables) is
read as blocks.
"""

from __future__ import annotations

import codecs
import re
from typing import TYPE_CHECKING, Any, ClassVar

from ..._errors import ParseError
from ..._words import alternation, chars, pattern
from .._decode import decode_bytes
from .._doc import Document
from ._base import Reader
from ._build import Builder, RawCell

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["HtmlReader"]

_HEAD = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body)\b",
    re.I | re.S,
)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_DROP = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "canvas",
    "select",
    "option",
    "button",
    "input",
    "textarea",
    "nav",
    "footer",
    "aside",
    "map",
    "audio",
    "video",
)
_CHROME_CLASS = re.compile(
    r"(?:^|[\s_\-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|bread|location|position|weizhi|"
    r"footer|foot|bottom|copyright|banquan|sidebar|side|share|bdshare|toolbar|tools|print|"
    r"related|xgwz|xglj|search|login|banner|topbar|top|header|head|qrcode|ewm|ad|ads|advert|"
    r"links?|friendlinks?|pager|pagination|comment)(?:$|[\s_\-\d])",
    re.I,
)
_TITLE_CLASS = re.compile(r"title|biaoti|bt\b|headline", re.I)
_INFO = pattern(
    lambda w: (
        rf"(?:{alternation(w.page.info_verbs)})?(?:{alternation(w.page.info_nouns)})\s*[::]|"
        rf"(?:{alternation(w.page.source_labels)})\s*[::]|"
        rf"\d{{4}}[-{chars(w.dates.year)}/.]\d{{1,2}}[-{chars(w.dates.month)}/.]\d{{1,2}}"
    )
)
_BLOCK = frozenset(
    {
        *("address", "article", "aside", "blockquote", "body", "center", "dd", "details"),
        *("dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "form", "h1", "h2"),
        *("h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section"),
        *("summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "ul"),
        "html",
    }
)
_CONTAINER = frozenset(
    {"article", "section", "main", "div", "td", "th", "body", "form", "center", "blockquote"}
    | {"li", "dd"}
)
_WORD = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\w]")


def _tag(el: Any) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                break
    m = _CHARSET.search(data[:8192])
    if m:
        declared = m.group(1).decode("ascii").lower()
        if declared in ("gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936", "euc-cn", "gb18030"):
            declared = "gb18030"
            try:  # a page a browser saved as UTF-8 keeps its old GB2312 declaration
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                pass
            else:
                if not text.isascii():  # GBK text is (all but) never valid UTF-8
                    return text, "utf-8"
        try:
            return data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: try what the bytes are
    src = decode_bytes(data, name=name or "<bytes>")
    return src.text, src.encoding


def _classes(el: HtmlElement) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}".strip()


def _words(text: str | None) -> int:
    return len(_WORD.findall(text)) if text else 0


_MARK = "data-eduplans-grid"


def _mark_data_tables(root: HtmlElement) -> None:
    """Tell the tables of data from layout tables (old sites lay out whole pages in tables).

    A layout table holds another table or a cell of running text (over 200 characters); its
    cells are read as blocks of the page. Tables of data get a mark attribute.
    """
    for table in root.iter("table"):
        nested = any(t is not table for t in table.iter("table"))
        long_cell = any(_words(td.text_content()) > 200 for td in table.iter("td", "th"))
        if not nested and not long_cell:
            table.set(_MARK, "1")


def _is_data_table(table: HtmlElement) -> bool:
    return bool(table.get(_MARK) == "1")


def _own_text(el: HtmlElement) -> int:
    """Characters of running text directly in ``el`` (its text and its children's tails)."""
    n = _words(el.text) if _tag(el) != "a" else 0
    for child in el:
        n += _words(child.tail)
    return n


def _score(root: HtmlElement) -> dict[HtmlElement, float]:
    scores: dict[HtmlElement, float] = {}

    def container_of(el: HtmlElement) -> HtmlElement | None:
        p = el.getparent()
        while p is not None and _tag(p) not in _CONTAINER:
            p = p.getparent()
        return p

    def credit(el: HtmlElement, n: float) -> None:
        c = el if _tag(el) in _CONTAINER else container_of(el)
        if c is None:
            return
        scores[c] = scores.get(c, 0.0) + n
        up = container_of(c)
        if up is not None:
            scores[up] = scores.get(up, 0.0) + n / 2

    for el in root.iter():
        tag = _tag(el)
        if not tag:
            continue
        if tag == "table" and _is_data_table(el):
            n = sum(_words(t) for t in el.itertext())
            link = sum(_words(a.text_content()) for a in el.iter("a"))
            c = container_of(el)
            if c is not None and n - link > 0:
                credit(c, n - link)
            continue
        if any(_tag(a) == "table" and _is_data_table(a) for a in el.iterancestors()):
            continue
        if tag == "a" or any(_tag(a) == "a" for a in el.iterancestors()):
            continue
        n = _own_text(el)
        if n:
            credit(el, n)
    return scores


def _headline(root: HtmlElement, body: HtmlElement) -> HtmlElement | None:
    inside = set(body.iter())
    for tag in ("h1", "h2"):
        for el in root.iter(tag):
            if el not in inside and 4 <= len(el.text_content().strip()) <= 120:
                return el
    for el in root.iter():
        if _tag(el) in ("div", "p", "td", "span", "strong") and el not in inside:
            text = el.text_content().strip()
            if _TITLE_CLASS.search(_classes(el)) and 6 <= len(text) <= 120:
                return el
    return None


class _Walker:
    """Turn an element tree into paragraphs and tables."""

    def __init__(self, builder: Builder) -> None:
        self.b = builder
        self.buf: list[str] = []

    def flush(self) -> None:
        if self.buf:
            self.b.paragraph("".join(self.buf))
            self.buf = []

    def walk(self, el: HtmlElement) -> None:
        tag = _tag(el)
        if not tag:  # a comment or processing instruction: only its tail is text
            if el.tail:
                self.buf.append(el.tail)
            return
        if tag == "br":
            self.flush()
        elif tag == "table" and _is_data_table(el):
            self.flush()
            caption = el.find("caption")
            if caption is not None:
                self.b.paragraph(caption.text_content())
            self.b.table(_grid(el), kind="html")
        else:
            block = tag in _BLOCK
            if block:
                self.flush()
            if el.text:
                self.buf.append(el.text)
            for child in el:
                self.walk(child)
            if block:
                self.flush()
        if el.tail and tag:
            self.buf.append(el.tail)


def _cell_text(cell: HtmlElement) -> str:
    """Return a cell's paragraphs, joined by a space (the cell stands on one line)."""
    parts: list[str] = []

    def walk(el: HtmlElement) -> None:
        tag = _tag(el)
        if tag and (tag in _BLOCK or tag == "br"):
            parts.append(" ")
        if tag and el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if tag and tag in _BLOCK:
            parts.append(" ")
        if el.tail:
            parts.append(el.tail)

    if cell.text:
        parts.append(cell.text)
    for child in cell:
        walk(child)
    return "".join(parts)


def _span(value: str | None) -> int:
    m = re.match(r"\s*(\d+)", value or "")
    return max(1, min(int(m.group(1)), 1000)) if m else 1


def _grid(table: HtmlElement) -> list[RawCell]:
    """Return the cells with their positions, ``rowspan``/``colspan`` placed as browsers do."""
    rows = [tr for tr in table.iter("tr")]
    taken: set[tuple[int, int]] = set()
    cells: list[RawCell] = []
    for r, tr in enumerate(rows):
        c = 0
        for td in tr:
            if _tag(td) not in ("td", "th"):
                continue
            while (r, c) in taken:
                c += 1
            rs = _span(td.get("rowspan"))
            cs = _span(td.get("colspan"))
            rs = min(rs, len(rows) - r)
            cells.append(RawCell(_cell_text(td), r, c, rs, cs))
            for i in range(r, r + rs):
                for k in range(c, c + cs):
                    taken.add((i, k))
            c += cs
    return cells


def _clean(root: HtmlElement) -> None:
    for el in list(root.iter()):
        tag = _tag(el)
        if not tag:
            if el.getparent() is not None and not isinstance(el.tag, str):
                _remove(el)
            continue
        if tag in _DROP or (
            tag not in ("html", "body")
            and _CHROME_CLASS.search(_classes(el))
            and _words(el.text_content()) < 200
            and not _TITLE_CLASS.search(_classes(el))
        ):
            _remove(el)


def _remove(el: HtmlElement) -> None:
    """Remove ``el`` but keep its tail text."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


class HtmlReader(Reader):
    """A saved web page (``.html``, ``.htm``, ``.shtml``): the article body and its tables."""

    format = "html"
    suffixes: ClassVar[tuple[str, ...]] = (".html", ".htm", ".shtml", ".xhtml", ".mhtml")
    extra = "html"
    modules = ("lxml",)

    @classmethod
    def detect(cls, head: bytes) -> bool:
        """``<!DOCTYPE html``, ``<html``, ``<head``, ``<meta`` or ``<body`` first."""
        return bool(_HEAD.match(head))

    def read(self, data: bytes, *, name: str, max_chars: int) -> Document:
        """Decode the page and read it."""
        text, encoding = _decode(data, name)
        return self.read_text(text, name=name, max_chars=max_chars, encoding=encoding)

    def read_text(self, text: str, *, name: str, max_chars: int, encoding: str = "str") -> Document:
        """Read the markup of a page given as a ``str``."""
        import lxml.etree
        import lxml.html

        markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", text.lstrip("\ufeff"))
        if len(markup) > 4 * max_chars:
            raise ParseError(f"the page has {len(markup)} characters, above the limit")
        try:
            root = lxml.html.document_fromstring(markup)
        except (lxml.etree.ParserError, ValueError) as exc:
            raise ParseError(f"cannot read the HTML: {exc}", source=name or None) from None
        title_el = root.find(".//title")
        page_title = str(title_el.text or "").strip() if title_el is not None else ""
        # government CMS pages (TRS, 政府网站集约化平台) name the article in a meta tag
        meta = root.find(".//meta[@name='ArticleTitle']")
        if meta is not None and (meta.get("content") or "").strip():
            page_title = str(meta.get("content")).strip()
        _clean(root)
        _mark_data_tables(root)
        scores = _score(root)
        body_el = root.find("body")
        body: HtmlElement = (
            max(scores, key=lambda e: scores[e])
            if scores
            else (body_el if body_el is not None else root)
        )
        head = _headline(root, body)
        if head is not None and _squash(head.text_content()) in _squash(body.text_content()[:300]):
            head = None  # the body starts with its own title
        b = Builder()
        w = _Walker(b)
        if head is not None:
            b.paragraph(head.text_content())
            for el in _between(head, body):
                line = el.text_content()
                if _INFO.search(line) and len(line.strip()) <= 200:
                    b.paragraph(line)
        elif page_title and _squash(page_title)[:12] not in _squash(body.text_content()[:400]):
            if meta is None:  # <title>: the article's title, then the site's name
                page_title = re.split(r"\s*[_|]\s*|\s+[-–—]\s+", page_title)[0]
            b.paragraph(page_title)
        w.walk(body)
        w.flush()
        return b.document(name=name, format="html", encoding=encoding)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _between(head: HtmlElement, body: HtmlElement) -> list[HtmlElement]:
    """Leaf-ish blocks after the headline and before the body (the date/source line)."""
    out: list[HtmlElement] = []
    started = False
    inside_head = set(head.iter())
    for el in head.getroottree().getroot().iter():
        if el is body:
            break
        if el is head:
            started = True
            continue
        if not started or el in inside_head or not _tag(el):
            continue
        if _tag(el) in _BLOCK and not any(_tag(c) in _BLOCK for c in el):
            out.append(el)
        if len(out) > 12:
            break
    return out
