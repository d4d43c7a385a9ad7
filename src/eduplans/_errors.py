"""Exceptions raised by eduplans.

Every error the library raises on purpose derives from :class:`EduplansError`, so one ``except``
clause catches them all::

    EduplansError
    ├── DataError            a bundled or user plan file is malformed (names the file and field),
    │                        or two plans share an id (names both files)
    ├── ValueTextError       (also a ValueError) a value text ("97%以上") cannot be read (names
    │                        text and position)
    ├── UnitError            (also a ValueError) a unit is unknown, or two units cannot be
    │                        compared or added
    ├── ParseError           (also a ValueError) a plan text cannot be read (empty, binary,
    │                        undecodable, too large, a .doc or a scanned PDF)
    ├── WriteError           (also an OSError) a file cannot be written (names the file and
    │   │                    the reason; nothing is left half-written)
    │   └── OverwriteError   (also a FileExistsError) the file is already there and
    │                        ``overwrite`` is False (on the command line: no ``--force``)
    ├── MissingDependencyError  (also an ImportError) an optional dependency is not installed;
    │                        the message says which extra to install
    ├── NoDataError          a comparison or figure has nothing to show (a key no plan sets,
    │                        a year without targets)
    ├── ArgumentError        (also a ValueError) an argument's value is not one the function
    │                        (or a command-line option) takes; names the argument and what it takes
    ├── ArgumentTypeError    (also a TypeError) an argument is of a type the function does not
    │                        take (``compare(plans, keys=3)``); names the argument and the type
    ├── PlanNotFoundError    (also a KeyError) a plan id or region name is not in a collection
    ├── RegionNotFoundError  (also a KeyError) no division of the region table has that name/code
    │   └── AmbiguousRegionError  several divisions have that name (朝阳区); lists them
    └── UnknownKeyError      (also a KeyError) an indicator key is not in the catalog

Every exception class of eduplans is defined here (a test checks it), and the errors that are
also a built-in one (``ValueError``, ``TypeError``, ``KeyError``, ``OSError``, ``ImportError``)
keep working with code that expects the built-in one.

``PlanNotFoundError``, ``RegionNotFoundError`` and ``UnknownKeyError`` derive from both
:class:`EduplansError` and :class:`KeyError`, so code that expects a mapping's ``KeyError``
keeps working.
"""

from __future__ import annotations

__all__ = [
    "AmbiguousRegionError",
    "ArgumentError",
    "ArgumentTypeError",
    "DataError",
    "EduplansError",
    "MissingDependencyError",
    "NoDataError",
    "OverwriteError",
    "ParseError",
    "PlanNotFoundError",
    "RegionNotFoundError",
    "UnitError",
    "UnknownKeyError",
    "ValueTextError",
    "WriteError",
]

#: Longest input text quoted in full in an error message; longer ones are shortened.
_QUOTED = 80


def shorten(text: str, limit: int = _QUOTED) -> str:
    """Return ``text`` cut to ``limit`` characters for a message (with its full length)."""
    if len(text) <= limit:
        return text
    return f"{text[: limit - 1]}… ({len(text)} characters)"


class EduplansError(Exception):
    """Base class of every error eduplans raises on purpose."""


class DataError(EduplansError):
    """A plan file (bundled or user-supplied) is malformed.

    Parameters
    ----------
    message
        What is wrong.
    path
        The file, when known.
    field
        A dotted path to the offending field, e.g. ``indicators[3].values[0].quote``.

    """

    def __init__(self, message: str, *, path: str | None = None, field: str | None = None) -> None:
        self.path = path
        self.field = field
        where = ": ".join(p for p in (path, field) if p)
        super().__init__(f"{where}: {message}" if where else message)


class ValueTextError(EduplansError, ValueError):
    """A value text cannot be turned into (comparator, value, upper, unit).

    Parameters
    ----------
    message
        What is wrong.
    text
        The text that was read.
    position
        The character position in ``text`` where reading failed, when known.

    """

    def __init__(self, message: str, *, text: str, position: int | None = None) -> None:
        self.text = text
        self.position = position
        at = f" at position {position}" if position is not None else ""
        super().__init__(f"cannot read value text {shorten(text)!r}{at}: {message}")


class UnitError(EduplansError, ValueError):
    """A unit is unknown, or two quantities with incompatible units were combined."""


class ParseError(EduplansError, ValueError):
    """A plan text cannot be turned into a draft plan.

    Raised by :func:`eduplans.parse_plan` for an empty or binary input, a text in no supported
    encoding, an input above the size limit, or a text in which no baseline or target value
    was found.

    Parameters
    ----------
    message
        What is wrong.
    source
        The path or a short description of the input, when known.

    """

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class MissingDependencyError(EduplansError, ImportError):
    """An optional dependency is not installed; the message says what to install.

    Raised, for example, when Parquet export needs pyarrow (``pip install 'eduplans[parquet]'``)
    or reading an HTML, DOCX or PDF plan needs its reader's extra (``eduplans[html]``,
    ``eduplans[docx]``, ``eduplans[pdf]``, or ``eduplans[formats]`` for all three).
    """


class WriteError(EduplansError, OSError):
    """A file cannot be written: a folder in the way, no space, no permission, a bad name.

    Writes go to a temporary file in the target folder that is then renamed, so a failed write
    leaves neither a partial file nor, for :meth:`~eduplans.Plan.save`, a lone source text.

    Parameters
    ----------
    message
        What is wrong.
    path
        The file that could not be written.

    """

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class OverwriteError(WriteError, FileExistsError):
    """The file to write is already there, and ``overwrite`` is False: it is kept as it was.

    Raised by :func:`eduplans.export` and :func:`eduplans.plot.save` (pass ``overwrite=True``),
    and by the command line (pass ``--force``). Also a :class:`FileExistsError`.

    Parameters
    ----------
    message
        What is wrong and how to replace the file.
    path
        The file that is already there.

    """


class PlanNotFoundError(EduplansError, KeyError):
    """A plan id or region name is not in the collection; the message suggests close matches."""

    def __str__(self) -> str:  # KeyError would show the repr of the message
        return str(self.args[0]) if self.args else ""


class RegionNotFoundError(EduplansError, KeyError):
    """No division of the region table has that name, short name, pinyin or code."""

    def __str__(self) -> str:  # KeyError would show the repr of the message
        return str(self.args[0]) if self.args else ""


class AmbiguousRegionError(RegionNotFoundError):
    """Several divisions answer to one name (朝阳区, 鼓楼区); ``candidates`` lists them.

    Pass ``within=`` (a parent's name or code) to choose one.
    """

    def __init__(self, message: str, *, key: str, candidates: tuple[object, ...]) -> None:
        self.key = key
        self.candidates = candidates
        super().__init__(message)


class UnknownKeyError(EduplansError, KeyError):
    """An indicator key is not in the catalog; the message suggests close keys."""

    def __str__(self) -> str:  # KeyError would show the repr of the message
        return str(self.args[0]) if self.args else ""


class NoDataError(EduplansError):
    """A comparison or a figure has nothing to show: no plan sets the key, or not for that year."""


class ArgumentError(EduplansError, ValueError):
    """An argument's value is not one the function takes (``kind="interpolated"`` without a year).

    Also a :class:`ValueError`, so code that expects the built-in error for a bad argument keeps
    working.
    """


class ArgumentTypeError(EduplansError, TypeError):
    """An argument is of a type the function does not take (a number where a key is expected).

    Also a :class:`TypeError`, so code that expects the built-in error for a wrong type keeps
    working.
    """
