"""Format readers: a plan file in any supported format to one :class:`~._doc.Document`.

One reader class per input format, registered in :data:`READERS` and chosen by
:func:`get_reader` from the file's first bytes (``%PDF``, a ZIP holding ``word/document.xml``,
``<!DOCTYPE html``/``<html``, an OLE2 header) and its suffix. A new format is one new class: a
subclass of :class:`Reader` with its ``format``, ``suffixes``, ``detect`` and ``read``, added to
:data:`READERS`. Readers of HTML, DOCX and PDF need optional packages (the extras ``html``,
``docx``, ``pdf``; ``formats`` for all three), found with :func:`importlib.util.find_spec`;
without them :class:`~eduplans.MissingDependencyError` says what to install.

Every reader yields the same model: the source text — the draft's ``source_text``, so that
every quote of a parsed plan is ``source_text[start:end]`` whatever the format — plus the
paragraphs and tables (grids, merged cells expanded) with offsets into that text
(:mod:`._build` renders it).
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from ..._errors import ParseError
from .._decode import MAX_CHARS, read_source
from .._doc import Document
from ._base import OTHER_ZIP, OleReader, Reader, TextReader
from ._docx import DocxReader
from ._html import HtmlReader
from ._pdf import PdfReader

__all__ = ["READERS", "Reader", "get_reader", "looks_like_html", "read_document"]


def _strip_bom(head: bytes) -> bytes:
    for bom in (b"\xef\xbb\xbf",):
        if head.startswith(bom):
            return head[len(bom) :]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return head.decode("utf-16").encode("utf-8", "replace")
        except UnicodeDecodeError:
            return head
    return head


def _zip_has_word(data: bytes) -> bool:
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "word/document.xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


#: The registered readers, tried in this order by :func:`get_reader` (plain text last). A new
#: format is one new :class:`Reader` subclass added here.
READERS: tuple[type[Reader], ...] = (PdfReader, DocxReader, OleReader, HtmlReader, TextReader)


def get_reader(data: bytes, *, name: str = "") -> Reader:
    """Return the reader for a file: by its first bytes, then by its suffix, else plain text.

    Parameters
    ----------
    data
        The file's bytes (only the first 4 KB are looked at, and for a ZIP its member list).
    name
        The file name, for its suffix.

    Returns
    -------
    Reader
        A reader whose optional dependencies are installed.

    Raises
    ------
    MissingDependencyError
        If the format's extra is not installed.

    """
    head = _strip_bom(data[:4096])
    suffix = Path(name).suffix.lower() if name else ""
    found: type[Reader] | None = None
    if head.startswith(b"PK\x03\x04"):
        found = DocxReader if _zip_has_word(data) else OTHER_ZIP
    else:
        found = next((r for r in READERS if r.detect(head)), None)
    if found is None and suffix:
        found = next((r for r in READERS if suffix in r.suffixes), None)
    reader = found or TextReader
    reader.check()
    return reader()


def looks_like_html(text: str) -> bool:
    """Whether a ``str`` input is the markup of a web page, not a plan text."""
    return HtmlReader.detect(text[:4096].lstrip("\ufeff").encode("utf-8", "replace"))


def read_document(
    source: str | os.PathLike[str] | bytes, *, max_chars: int = MAX_CHARS
) -> Document:
    """Read a path, bytes or text in any supported format into a :class:`Document`.

    A ``str`` is taken as a path when it is short, has no line break and names an existing
    file; a ``str`` that starts like a web page (``<!DOCTYPE html``, ``<html``) is read as
    HTML; any other ``str`` is the plan text itself.

    Raises
    ------
    ParseError
        For empty, binary, undecodable or oversized input, an unreadable file, a ``.doc`` or a
        PDF without a text layer.
    MissingDependencyError
        If the file's format needs an extra that is not installed.

    """
    from .._decode import check_str_input, names_a_file, read_file

    if isinstance(source, str):
        check_str_input(source)
    name = ""
    if names_a_file(source):
        assert isinstance(source, str | os.PathLike)
        path = Path(source)
        data = read_file(path, max_chars=max_chars)
        name = str(path)
    elif isinstance(source, bytes | bytearray):
        if len(source) > 4 * max_chars:
            raise ParseError(f"the input has {len(source)} bytes, above the limit")
        data = bytes(source)
    elif isinstance(source, str):
        if looks_like_html(source):
            HtmlReader.check()
            return HtmlReader().read_text(source, name="", max_chars=max_chars)
        src = read_source(source, max_chars=max_chars)
        return Document(text=src.text, name="", format="text", encoding="str")
    else:
        raise ParseError(f"expected a path, bytes or str, not {type(source).__name__}")
    if not data.strip():
        raise ParseError("the input is empty", source=name or "<bytes>")
    reader = get_reader(data, name=name)
    doc = reader.read(data, name=name, max_chars=max_chars)
    if isinstance(source, os.PathLike | str):
        doc = dataclasses.replace(doc, name=Path(name).name)
    if len(doc.text) > max_chars:
        raise ParseError(
            f"the text has {len(doc.text)} characters, above the limit of {max_chars} "
            "(pass max_chars= to raise it)",
            source=name or None,
        )
    if reader.format != "text" and not doc.text.strip():
        raise ParseError(f"the {reader.format.upper()} file has no text", source=name or None)
    return doc
