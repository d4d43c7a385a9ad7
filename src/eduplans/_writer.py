"""Writing a :class:`~eduplans.Plan` in the bundled plan file format (docs/data-format.md).

The output is deterministic (same plan, same bytes), laid out like the curated files (header,
then one ``[[indicators]]`` table per indicator with its ``[[indicators.values]]``), and reads
back with :func:`eduplans.read_plan` into an equal plan.
"""

from __future__ import annotations

import math
import os
import tempfile
from datetime import date
from pathlib import Path

from ._errors import DataError, OverwriteError, WriteError
from ._format import (
    DEFAULT_MEASURE,
    INDICATOR_TABLE,
    INDICATORS,
    SCHEMA_VERSION,
    SOURCE_SUFFIX,
    VALUE_TABLE,
)
from ._model import Baseline, Indicator, Plan, Region, Target
from ._regions import regions

__all__ = ["dumps_plan", "save_plan"]

_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\b": "\\b",
    "\f": "\\f",
}


def _str(value: str) -> str:
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _float(value: float) -> str:
    if not math.isfinite(value):
        raise DataError(f"{value!r} cannot be written: not a finite number")
    text = repr(float(value))
    return text if any(c in text for c in ".eE") else text + ".0"


def _strings(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(_str(v) for v in values) + "]"


def _region(region: Region) -> str:
    known = regions
    if region.code is not None and known.get(region.code) == region:
        return _str(region.code)
    parts = [f"name = {_str(region.name)}", f"level = {_str(region.level.value)}"]
    if region.code is not None:
        parts.append(f"code = {_str(region.code)}")
    if region.parent is not None:
        if region.parent.code is None or known.get(region.parent.code) != region.parent:
            raise DataError(
                f"the parent {region.parent.name!r} of {region.name!r} is not in the bundled "
                "region table; the plan file format can only name a known parent by its code",
                field="region.parent",
            )
        parts.append(f"parent = {_str(region.parent.code)}")
    if region.name_en:
        parts.append(f"name_en = {_str(region.name_en)}")
    return "{ " + ", ".join(parts) + " }"


def _value(v: Baseline | Target) -> list[str]:
    lines = [
        VALUE_TABLE,
        f"kind = {_str(v.kind)}",
        f"year = {v.year}",
        f"text = {_str(v.text)}",
        f"comparator = {_str(v.comparator.value)}",
    ]
    if v.magnitude is not None:
        lines.append(f"value = {_float(v.magnitude)}")
    if v.upper_magnitude is not None:
        lines.append(f"value_high = {_float(v.upper_magnitude)}")
    if v.measure.value != DEFAULT_MEASURE:  # what the reader assumes when none is written
        lines.append(f"measure = {_str(v.measure.value)}")
    if v.start_year is not None:
        lines.append(f"start_year = {v.start_year}")
    if v.hedges:
        lines.append(f"hedges = {_strings(v.hedges)}")
    if v.flags:
        lines.append(f"flags = {_strings(v.flags)}")
    if v.note:
        lines.append(f"note = {_str(v.note)}")
    lines += [
        f"quote = {_str(v.span.quote)}",
        f"start = {v.span.start}",
        f"end = {v.span.end}",
    ]
    if v.span.page is not None:
        lines.append(f"page = {v.span.page}")
    return lines


def _indicator(ind: Indicator) -> list[str]:
    lines = [INDICATOR_TABLE, f"name = {_str(ind.name)}"]
    if ind.subject:
        lines.append(f"subject = {_str(ind.subject)}")
    lines += [
        f"section = {_str(ind.section)}",
        f"origin = {_str(ind.origin)}",
        f"unit = {_str(ind.unit)}",
        f"binding = {_str(ind.binding.value)}",
    ]
    if ind.key is not None:
        lines.append(f"key = {_str(ind.key)}")
    if ind.note:
        lines.append(f"note = {_str(ind.note)}")
    # baselines, then targets, each in their own order: read_plan rebuilds the same tuples
    values: list[Baseline | Target] = [*ind.baselines, *ind.targets]
    for v in values:
        lines.append("")
        lines += _value(v)
    return lines


def source_name_of(plan: Plan) -> str:
    """Return the file name the plan's source text is saved under."""
    return plan.source_name or f"{plan.id}{SOURCE_SUFFIX}"


def dumps_plan(plan: Plan) -> str:
    """Return the plan file (TOML) for ``plan``: what :meth:`Plan.save` writes, as text.

    Laid out like the bundled files (docs/data-format.md), deterministic (the same plan gives
    the same text); a draft from :func:`eduplans.parse_plan` carries its review notes as
    comments. Use it to look at a draft before saving it, or to write it elsewhere.

    Parameters
    ----------
    plan
        The plan.

    Returns
    -------
    str
        The file text; :func:`eduplans.read_plan` reads it back into an equal plan (given the
        source text beside it, under ``plan.source_name``).

    Raises
    ------
    DataError
        If the plan cannot be written (a region parent outside the bundled region table).

    Examples
    --------
    >>> import eduplans
    >>> text = eduplans.dumps_plan(eduplans.load()["henan-2024"])
    >>> text.splitlines()[:2]
    ['schema_version = 1', 'id = "henan-2024"']

    """
    issued: date = plan.issued
    lines = [
        f"schema_version = {SCHEMA_VERSION}",
        f"id = {_str(plan.id)}",
        f"source = {_str(source_name_of(plan))}",
        f"region = {_region(plan.region)}"
        if plan.region is not None
        else "# region unknown: the parser could not tell it (a draft; add region = CODE)",
        f"title = {_str(plan.title)}",
    ]
    if plan.title_en:
        lines.append(f"title_en = {_str(plan.title_en)}")
    lines += [
        f"issuer = {_str(plan.issuer)}",
        f"issued = {issued.isoformat()}",
        f"kind = {_str(plan.kind.value)}",
        f"status = {_str(plan.status.value)}",
        f"period = [{plan.period[0]}, {plan.period[1]}]",
    ]
    if plan.baseline_year is not None:
        lines.append(f"baseline_year = {plan.baseline_year}")
    if plan.notes:
        lines.append(f"notes = {_str(plan.notes)}")
    if not plan.indicators:
        lines.append(f"{INDICATORS} = []")
    for ind in plan.indicators:
        lines.append("")
        lines += _indicator(ind)
    if plan.diagnostics or plan.meta:  # a parsed draft: what the reviewer should check
        from ._parse._diag import review_comments

        lines += review_comments(plan)
    return "\n".join(lines) + "\n"


def check_file_name(name: str, *, what: str = "source_name") -> str:
    """Return ``name`` if it is a bare file name; raise :class:`DataError` otherwise.

    A plan's source text is always read from, and written to, the plan file's own folder: a
    name with a folder part, an absolute path, ``.``/``..`` or a character no file system takes
    would reach elsewhere (or nowhere).
    """
    bad = (
        not name
        or name in (".", "..")
        or any(c in name for c in '/\\:*?"<>|')
        or any(ord(c) < 0x20 for c in name)
        or name != name.strip()
    )
    if bad:
        raise DataError(
            f"{name!r} is not a plain file name (no folders, no '..', no /\\:*?\"<>|)",
            field=what,
        )
    return name


def _encoded(text: str, what: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise DataError(
            f"the {what} holds a lone surrogate {text[exc.start]!r} at position {exc.start}, "
            "which is not valid Unicode and cannot be written as UTF-8",
            field=what,
        ) from None


def new_file_mode() -> int:
    """Return the mode a new file gets here (0o666 less the umask, as ``open`` gives it).

    A temporary file from :func:`tempfile.mkstemp` is private (0o600); a file renamed into place
    from it is given this mode first, so that a saved plan or figure is as readable as any file
    the user writes.
    """
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _temp_beside(target: Path, data: bytes) -> Path:
    """Write ``data`` to a new temporary file in ``target``'s folder and return its path."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, new_file_mode())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def save_plan(
    plan: Plan,
    path: str | os.PathLike[str],
    *,
    write_source: bool = True,
    overwrite: bool = False,
) -> Path:
    """Write ``plan`` to ``path`` in the bundled plan file format.

    Parameters
    ----------
    plan
        The plan.
    path
        The plan file to write (``.toml``).
    write_source
        Also write the source text beside the file (UTF-8, byte for byte the plan's
        ``source_text``), under the plan's ``source_name`` (or ``<id>.txt``), so that
        :func:`eduplans.read_plan` finds it. An existing file with other content is an error.
    overwrite
        Replace an existing plan file; by default an existing file is an error.

    Returns
    -------
    Path
        The plan file written.

    Raises
    ------
    DataError
        If the plan cannot be written (a region parent outside the bundled table, a source name
        with a folder part, a lone surrogate in a text).
    OverwriteError
        If the file exists and ``overwrite`` is False, or a different source file is in the way
        (a :class:`WriteError` and a :class:`FileExistsError`); nothing is written.
    WriteError
        If a file cannot be written (a folder in the way, no space, no permission). Both files
        are written to temporary names first and then renamed, so a failed save leaves no
        partial file and no lone source text.

    """
    target = Path(path)
    text = _encoded(dumps_plan(plan), "plan")
    name = check_file_name(source_name_of(plan))
    data = _encoded(plan.source_text, "source_text") if write_source else b""
    source = target.parent / name
    if write_source and source.resolve() == target.resolve():
        raise DataError(
            f"the source text would overwrite the plan file {target}", field="source_name"
        )
    if target.exists() and not overwrite and not target.is_dir():
        raise OverwriteError(
            "already exists; pass overwrite=True (on the command line --force) to replace it",
            path=str(target),
        )
    temps: list[Path] = []
    created_source = False
    try:
        if target.is_dir():
            raise WriteError("cannot write the plan file: it is a folder", path=str(target))
        target.parent.mkdir(parents=True, exist_ok=True)
        if write_source:
            if source.is_dir():
                raise WriteError("cannot write the source text: it is a folder", path=str(source))
            if source.exists():
                if source.read_bytes() != data:
                    raise OverwriteError(
                        "a different file is already there; move it or pass write_source=False",
                        path=str(source),
                    )
            else:
                temps.append(_temp_beside(source, data))
        temps.append(_temp_beside(target, text))
        if write_source and len(temps) == 2:
            os.replace(temps[0], source)
            created_source = True
        os.replace(temps[-1], target)
    except WriteError:
        raise
    except OSError as exc:
        if created_source:
            source.unlink(missing_ok=True)
        where = getattr(exc, "filename", None) or str(target)
        raise WriteError(f"cannot save the plan: {exc.strerror or exc}", path=str(where)) from None
    finally:
        for tmp in temps:
            tmp.unlink(missing_ok=True)
    return target
