"""The reader base class, the plain-text reader and the formats refused with advice."""

from __future__ import annotations

import importlib.util
from typing import ClassVar

from ..._errors import MissingDependencyError, ParseError
from .._decode import _looks_binary, decode_bytes
from .._doc import Document

__all__ = ["OTHER_ZIP", "OleReader", "Reader", "TextReader"]

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class Reader:
    """Base class of the format readers.

    Subclasses set ``format`` (the name in :attr:`Document.format`), ``suffixes`` (file name
    endings, lower case), ``extra`` and ``modules`` (the optional dependency and the modules it
    provides), and implement :meth:`detect` and :meth:`read`.
    """

    format: ClassVar[str] = ""
    suffixes: ClassVar[tuple[str, ...]] = ()
    extra: ClassVar[str | None] = None
    modules: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def detect(cls, head: bytes) -> bool:
        """Whether the first bytes of a file (up to 4 KB, BOM dropped) are of this format."""
        return False

    @classmethod
    def check(cls) -> None:
        """Raise :class:`MissingDependencyError` if the reader's optional packages are missing."""
        missing = [m for m in cls.modules if importlib.util.find_spec(m) is None]
        if missing:
            raise MissingDependencyError(
                f"reading {cls.format.upper()} files needs {', '.join(missing)}: "
                f"pip install 'eduplans[{cls.extra}]' (or 'eduplans[formats]' for HTML, DOCX "
                "and PDF)"
            )

    def read(self, data: bytes, *, name: str, max_chars: int) -> Document:
        """Read the file's bytes into a :class:`Document`."""
        raise NotImplementedError


class TextReader(Reader):
    """Plain text in UTF-8 (with or without BOM), UTF-16 or GB18030/GBK (:mod:`.._decode`)."""

    format = "text"
    suffixes = (".txt", ".text", ".md")

    def read(self, data: bytes, *, name: str, max_chars: int) -> Document:
        """Decode the text; it is its own source text, its layout read by the extractors."""
        src = decode_bytes(data, name=name or "<bytes>")
        if len(src.text) > max_chars:
            raise ParseError(
                f"the text has {len(src.text)} characters, above the limit of {max_chars} "
                "(pass max_chars= to raise it)",
                source=name or None,
            )
        if "\x00" in src.text or _looks_binary(src.text[:65536].encode("utf-8", "replace")):
            raise ParseError("the input looks binary, not a text", source=name or None)
        return Document(text=src.text, name=name, format="text", encoding=src.encoding)


class _Refused(Reader):
    """A format eduplans does not read: its error says how to convert the file."""

    advice: ClassVar[str] = ""

    def read(self, data: bytes, *, name: str, max_chars: int) -> Document:
        """Raise :class:`ParseError` with the advice."""
        raise ParseError(self.advice, source=name or None)


class OleReader(_Refused):
    """Word 97–2003 ``.doc`` (and other OLE2 files: ``.wps``, ``.xls``): refused with advice."""

    format = "doc"
    suffixes = (".doc", ".wps", ".dot")
    advice = (
        "this is a Word 97-2003 .doc file (or another OLE2 file such as .wps or .xls), which "
        "eduplans does not read: convert it to .docx first, for example with LibreOffice: "
        "soffice --headless --convert-to docx FILE.doc (then pip install 'eduplans[docx]')"
    )

    @classmethod
    def detect(cls, head: bytes) -> bool:
        """Recognise an OLE2 compound file header."""
        return head.startswith(_OLE2)


class OtherZip(_Refused):
    format = "zip"
    advice = (
        "this is a ZIP archive but not a Word .docx (it has no word/document.xml): eduplans "
        "reads .docx, .pdf, .html and text files; convert an .odt or .wps file to .docx with "
        "LibreOffice: soffice --headless --convert-to docx FILE"
    )


OTHER_ZIP = OtherZip
