"""PDF: text per page and ruled and unruled tables (pdfplumber)."""

from __future__ import annotations

from typing import ClassVar

from ..._errors import ParseError
from .._doc import Document
from ._base import Reader

__all__ = ["PdfReader"]


class PdfReader(Reader):
    """A PDF with a text layer."""

    format = "pdf"
    suffixes: ClassVar[tuple[str, ...]] = (".pdf",)
    extra = "pdf"
    modules = ("pdfplumber",)

    @classmethod
    def detect(cls, head: bytes) -> bool:
        """``%PDF`` within the first bytes."""
        return b"%PDF-" in head[:1024]

    def read(self, data: bytes, *, name: str, max_chars: int) -> Document:
        """Not yet."""
        raise ParseError("PDF is not read yet", source=name or None)
