"""Input: read a path, bytes or text; fold it for matching; find web-page chrome.

The parser never edits the text the user gave. It reads a *working copy* of the same length in
which full-width digits and punctuation are folded to ASCII, traditional characters to simplified
ones and odd spaces to plain spaces, one code point for one code point, so that every offset found
in the working copy is an offset into the original text. Full NFKC is not used: it changes
lengths and rewrites characters such as ``m²`` and ``①``.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .._chinese import t2s_table
from .._errors import ParseError
from .._words import Words, alternation, pattern, words

__all__ = [
    "MAX_CHARS",
    "Source",
    "chrome_lines",
    "decode_bytes",
    "fold",
    "names_a_file",
    "read_file",
    "read_source",
]

#: Default size limit of an input text, in code points (real plans are well below 1 MB).
MAX_CHARS = 5_000_000


def fold(text: str) -> str:
    """Return the working copy of ``text``: same length, full-width and traditional folded.

    Parameters
    ----------
    text
        The original text.

    Returns
    -------
    str
        A string of the same length (``len(fold(t)) == len(t)``).

    """
    return text.translate(t2s_table()).translate(words().fold_work)


@dataclass(frozen=True, slots=True)
class Source:
    """A decoded input: the text and where it came from."""

    text: str
    name: str
    encoding: str


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(sample) > 0.05


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    even_nul = sum(1 for b in sample[0::2] if b == 0)
    odd_nul = sum(1 for b in sample[1::2] if b == 0)
    half = len(sample) // 2
    for encoding, nuls in (("utf-16-be", even_nul), ("utf-16-le", odd_nul)):
        if nuls > 0.2 * half:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def decode_bytes(data: bytes, *, name: str = "<bytes>") -> Source:
    """Decode the bytes of a plan text.

    Tried in order: a byte-order mark (UTF-8, UTF-16 LE/BE; the mark is dropped), strict UTF-8,
    UTF-16 without a mark (recognised by its NUL bytes), strict GB18030 (a superset of GBK and
    GB2312).

    Parameters
    ----------
    data
        The raw bytes.
    name
        Name used in error messages.

    Returns
    -------
    Source
        The decoded text; offsets of the parsed plan refer to this text.

    Raises
    ------
    ParseError
        If the input is empty, binary, or in none of these encodings.

    """
    if not data.strip():
        raise ParseError("the input is empty", source=name)
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return Source(data.decode(encoding), name, encoding)
            except UnicodeDecodeError as exc:
                raise ParseError(f"bad {encoding} text: {exc.reason}", source=name) from None
    utf16 = _utf16_without_bom(data)
    if utf16 is not None and not _looks_binary(utf16.encode("utf-8", "replace")):
        return Source(utf16, name, "utf-16")
    if _looks_binary(data):
        raise ParseError("the input looks binary, not a text", source=name)
    for encoding in ("utf-8", "gb18030"):
        try:
            return Source(data.decode(encoding), name, encoding)
        except UnicodeDecodeError:
            continue
    raise ParseError(
        "the text is in no supported encoding (UTF-8, UTF-16, GB18030/GBK)", source=name
    )


def names_a_file(source: object) -> bool:
    """Tell whether ``source`` is a path: a path object, or a short one-line ``str`` naming a file.

    A longer ``str``, or one with a line break, is a plan text (see :func:`check_str_input` for
    one-line strings that look like missing file names).
    """
    return isinstance(source, os.PathLike) or (
        isinstance(source, str)
        and len(source) < 1024
        and "\n" not in source
        and bool(source.strip())
        and _is_file(source)
    )


def read_file(path: Path, *, max_chars: int) -> bytes:
    """Read a plan file's bytes, refusing one above ``4 * max_chars`` bytes.

    Raises
    ------
    ParseError
        If the file is too large or cannot be read (naming the file and the reason).
    """
    try:
        size = path.stat().st_size
        if size > 4 * max_chars:
            raise ParseError(
                f"the file has {size} bytes, above the limit of {4 * max_chars}",
                source=str(path),
            )
        return path.read_bytes()
    except OSError as exc:
        raise ParseError(f"cannot read the file: {exc.strerror}", source=str(path)) from None


def read_source(source: str | Path | bytes, *, max_chars: int = MAX_CHARS) -> Source:
    """Read a path, bytes or a text into a :class:`Source`.

    A ``str`` is taken as a path when it is short, has no line break and names an existing
    file; otherwise it is the plan text itself.

    Parameters
    ----------
    source
        A path, the raw bytes of a text file, or the text.
    max_chars
        Size limit in code points (bytes input: ``4 * max_chars`` bytes).

    Returns
    -------
    Source
        The text as given (``str``) or decoded (path, bytes).

    Raises
    ------
    ParseError
        For empty, binary, undecodable or oversized input, or an unreadable file.

    """
    if names_a_file(source):
        assert isinstance(source, str | os.PathLike)
        path = Path(source)
        decoded = decode_bytes(read_file(path, max_chars=max_chars), name=str(path))
        decoded = Source(decoded.text, path.name, decoded.encoding)
    elif isinstance(source, bytes | bytearray):
        if len(source) > 4 * max_chars:
            raise ParseError(f"the input has {len(source)} bytes, above the limit")
        decoded = decode_bytes(bytes(source))
    elif isinstance(source, str):
        if not source.strip():
            raise ParseError("the input text is empty")
        decoded = Source(source, "", "str")
    else:
        raise ParseError(f"expected a path, bytes or str, not {type(source).__name__}")
    if len(decoded.text) > max_chars:
        raise ParseError(
            f"the text has {len(decoded.text)} characters, above the limit of {max_chars} "
            "(pass max_chars= to raise it)",
            source=decoded.name or None,
        )
    if "\x00" in decoded.text or _looks_binary(decoded.text[:65536].encode("utf-8", "replace")):
        raise ParseError("the input looks binary, not a text", source=decoded.name or None)
    return decoded


#: A one-line ``str`` ending like a document file name is a path, never a plan text.
_DOC_NAME = re.compile(r"\.(?:txt|text|md|html?|shtml|xhtml|pdf|docx?|toml)\s*$", re.IGNORECASE)


def check_str_input(source: str) -> None:
    """Refuse a ``str`` that names a missing file or a folder, or is not valid Unicode.

    A short one-line ``str`` that names a folder, or ends like a file name (``….txt``,
    ``….pdf``) but names no file, was once parsed as the plan text itself (a missing
    "…达到95%.txt" gave a plan read from its own file name).

    Raises
    ------
    ParseError
        Naming the path, or the position of a lone surrogate.

    """
    if len(source) < 1024 and "\n" not in source and source.strip():
        name = source.strip()
        try:
            is_dir = Path(name).is_dir()
        except (OSError, ValueError):
            is_dir = False
        if is_dir:
            raise ParseError("this is a folder, not a plan file", source=name)
        if _DOC_NAME.search(name) and not _is_file(source):
            raise ParseError(
                "no such file (a one-line str ending in a file suffix is read as a path; "
                "pass the text in a file, or as bytes)",
                source=name,
            )
    try:
        source.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ParseError(
            f"the text holds a lone surrogate {source[exc.start]!r} at position {exc.start}, "
            "which is not valid Unicode"
        ) from None


def _is_file(name: str) -> bool:
    try:
        return Path(name).is_file()
    except (OSError, ValueError):
        return False


# --- web-page chrome ------------------------------------------------------------------------


def _chrome(w: Words) -> str:
    """Return the pattern of a line of web-page chrome (data/words.toml [page])."""
    p = w.page
    return (
        rf"(?:{alternation(p.breadcrumb_home)})\s*>|{alternation(p.chrome)}|"
        rf"(?:{alternation(p.chrome_labels)}):|{alternation(p.spam)}|"
        rf"(?:{alternation(p.adult)})(?!{alternation(p.adult_schooling)})[^\n]"
    )


_CHROME = pattern(_chrome)
_FOOTER = pattern(lambda w: rf"^(?:{alternation(w.page.footer_labels)}):")


def chrome_lines(work: str) -> list[tuple[int, int]]:
    """Return the spans of lines that are web-page chrome (navigation, footers, spam).

    Parameters
    ----------
    work
        The folded working copy.

    Returns
    -------
    list of (start, end)
        Spans of whole lines to ignore when looking for values.

    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in work.split("\n"):
        end = pos + len(line)
        stripped = line.strip()
        if (
            stripped
            and len(stripped) < 160
            and (_CHROME.search(stripped) or _FOOTER.match(stripped))
        ):
            spans.append((pos, end))
        pos = end + 1
    return spans
