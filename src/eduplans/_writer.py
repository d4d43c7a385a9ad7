"""Writing a :class:`~eduplans.Plan` in the bundled plan file format (docs/data-format.md).

The output is deterministic (same plan, same bytes), laid out like the curated files (header,
then one ``[[indicators]]`` table per indicator with its ``[[indicators.values]]``), and reads
back with :func:`eduplans.read_plan` into an equal plan.
"""

from __future__ import annotations

import math
import os
from datetime import date
from pathlib import Path

from ._errors import DataError
from ._loader import SCHEMA_VERSION, regions
from ._model import Baseline, Indicator, Plan, Region, Target

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
    known = regions()
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
        "[[indicators.values]]",
        f"kind = {_str(v.kind)}",
        f"year = {v.year}",
        f"text = {_str(v.text)}",
        f"comparator = {_str(v.comparator.value)}",
    ]
    if v.magnitude is not None:
        lines.append(f"value = {_float(v.magnitude)}")
    if v.upper_magnitude is not None:
        lines.append(f"value_high = {_float(v.upper_magnitude)}")
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
    return lines


def _indicator(ind: Indicator) -> list[str]:
    lines = ["[[indicators]]", f"name = {_str(ind.name)}"]
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
    return plan.source_name or f"{plan.id}.txt"


def dumps_plan(plan: Plan) -> str:
    """Return the plan file (TOML) for ``plan``.

    Parameters
    ----------
    plan
        The plan.

    Returns
    -------
    str
        The file text; :func:`eduplans.read_plan` reads it back into an equal plan (given the
        source text beside it).

    Raises
    ------
    DataError
        If the plan cannot be written (a region parent outside the bundled region table).

    """
    issued: date = plan.issued
    lines = [
        f"schema_version = {SCHEMA_VERSION}",
        f"id = {_str(plan.id)}",
        f"source = {_str(source_name_of(plan))}",
        f"region = {_region(plan.region)}",
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
        lines.append("indicators = []")
    for ind in plan.indicators:
        lines.append("")
        lines += _indicator(ind)
    if plan.diagnostics or plan.meta:  # a parsed draft: what the reviewer should check
        from ._parse._diag import review_comments

        lines += review_comments(plan)
    return "\n".join(lines) + "\n"


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
        If the plan cannot be written, the file exists and ``overwrite`` is False, or a
        different source file is in the way.

    """
    target = Path(path)
    text = dumps_plan(plan)
    if target.exists() and not overwrite:
        raise DataError(
            "the file already exists; pass overwrite=True (on the command line --force) to "
            "replace it",
            path=str(target),
        )
    if write_source:
        source = target.parent / source_name_of(plan)
        data = plan.source_text.encode("utf-8")
        if source.exists():
            if source.read_bytes() != data:
                raise DataError(
                    "a different file is already there; move it or pass write_source=False",
                    path=str(source),
                )
        else:
            source.parent.mkdir(parents=True, exist_ok=True)
            source.write_bytes(data)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text.encode("utf-8"))
    return target
