"""Reviewing drafts: checking plan files (every error, with file, field and line) and editing.

:func:`validate` reads plan files the way :func:`eduplans.read_plan` does, but reports every
problem of every file instead of stopping at the first, and adds the checks a reviewer needs: a
value that disagrees with its text (``value = 94`` next to ``text = "93%"``) and a text that is
not in its quote. The edit functions behind :meth:`Plan.replace_value` and friends return a new
plan built through the model's constructors, so every check of the model runs again and every
span stays where it was.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from ._catalog import catalog, unknown_key
from ._errors import ArgumentTypeError, DataError, EduplansError
from ._format import INDICATOR_TABLE, PLAN_SUFFIX, SCHEMA_VERSION, VALUE_TABLE
from ._model import Baseline, Indicator, Plan, Region, Target
from ._vocab import Comparator

__all__ = ["Problem", "plan_files", "validate"]


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    """One problem :func:`eduplans.validate` found in a plan file.

    Parameters
    ----------
    path
        The file.
    field
        A dotted path to the field (``indicators[3].values[0].value``), or None for the file.
    line
        The line of the field in the file (1-based), when it can be told.
    message
        What is wrong.

    """

    path: str
    field: str | None
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        field = f"{self.field}: " if self.field else ""
        return f"{where}: {field}{self.message}"


def plan_files(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Return the plan files named by ``paths``: files as given, folders' ``*.toml`` sorted.

    Raises
    ------
    DataError
        If a path does not exist, or a folder holds no ``.toml`` file.

    """
    items = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    out: list[Path] = []
    for item in items:
        p = Path(item)
        if p.is_dir():
            found = sorted(f for f in p.glob(f"*{PLAN_SUFFIX}") if f.is_file())
            if not found:
                raise DataError("the folder holds no .toml plan file", path=str(p))
            out += found
        elif p.is_file():
            out.append(p)
        else:
            raise DataError("no such file or folder", path=str(p))
    return out


# --- line numbers -------------------------------------------------------------------------

_ASSIGN = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_-]*)\s*=")


def _lines(text: str) -> dict[str, int]:
    """Field path → line, for files laid out as the bundled ones (``[[indicators]]`` tables)."""
    where: dict[str, int] = {}
    i = j = -1
    for n, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if s == INDICATOR_TABLE:
            i, j = i + 1, -1
            where[f"indicators[{i}]"] = n
            continue
        if s == VALUE_TABLE:
            j += 1
            where[f"indicators[{i}].values[{j}]"] = n
            continue
        m = _ASSIGN.match(line)
        if m:
            prefix = (
                "" if i < 0 else f"indicators[{i}]." if j < 0 else f"indicators[{i}].values[{j}]."
            )
            where.setdefault(prefix + m.group(1), n)
    return where


def _line_of(where: dict[str, int], field: str | None) -> int | None:
    name = field or ""
    while name:
        if name in where:
            return where[name]
        cut = max(name.rfind("."), name.rfind("["))
        name = name[:cut] if cut > 0 else ""
    return None


# --- checks -------------------------------------------------------------------------------

_TOML_LINE = re.compile(r"at line (\d+)")


def _neutral_header(doc: dict[str, Any]) -> dict[str, Any]:
    """Return the document with a valid header, to check its indicators on their own."""
    return {
        **{k: v for k, v in doc.items() if k != "baseline_year"},  # a good one is past 2000
        "schema_version": SCHEMA_VERSION,
        "id": "x",
        "region": "410000",
        "title": "x",
        "issuer": "x",
        "issued": date(2000, 1, 1),
        "kind": "five_year_plan",
        "status": "draft",
        "period": [2000, 2000],
    }


def _renumber(field: str | None, i: int, j: int | None) -> str | None:
    if field is None:
        return None
    field = re.sub(r"^indicators\[0\]", f"indicators[{i}]", field)
    if j is not None:
        field = re.sub(r"^(indicators\[\d+\]\.)values\[0\]", rf"\g<1>values[{j}]", field)
    return field


def value_text_problem(v: Baseline | Target) -> str | None:
    """Return why a value's number disagrees with its text or quote, or None when it agrees."""
    from ._units import parse_value

    if v.text not in v.span.quote:
        return f"text {v.text!r} does not occur in its quote {v.span.quote[:60]!r}"
    if v.magnitude is None:
        return None
    try:
        read = parse_value(v.text, unit=v.unit)
    except EduplansError:
        if {"number_from_words", "text_defect"} & set(v.flags):
            return None  # 全部 → 100, a stray space: flagged and explained by a note
        return (
            f"value {v.magnitude:g} but the text {v.text!r} holds no readable number; flag "
            "number_from_words (with a note) if the words mean it"
        )
    if read.value is None:
        return None
    if "restated_per_year" in v.flags:
        return None  # 每半年一次 → 2 a year: the note gives the arithmetic (issue 9)
    if "sign_from_words" in v.flags:  # 降低1个百分点以上 → ≤ −1 (issue 9)
        read = dataclasses.replace(
            read, value=-read.value, upper=None if read.upper is None else -read.upper
        )
    if not _same(read.value, v.magnitude) or not _same(read.upper, v.upper_magnitude):
        said = f"{read.value:g}" + (f"–{read.upper:g}" if read.upper is not None else "")
        return f"value {v.magnitude:g} disagrees with its text {v.text!r}, which reads {said}"
    return None


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _plan_problems(plan: Plan, raw: list[Any]) -> Iterator[tuple[str, str]]:
    for i, ind in enumerate(plan.indicators):
        raw_values = raw[i].get("values", []) if i < len(raw) and isinstance(raw[i], dict) else []
        kinds = [v.get("kind") if isinstance(v, dict) else None for v in raw_values]
        groups: tuple[tuple[tuple[Baseline | Target, ...], str], ...] = (
            (ind.baselines, "baseline"),
            (ind.targets, "target"),
        )
        for group, kind in groups:
            file_index = [n for n, k in enumerate(kinds) if k == kind]
            for k, v in enumerate(group):
                why = value_text_problem(v)
                if why is not None:
                    j = file_index[k] if k < len(file_index) else k
                    yield f"indicators[{i}].values[{j}].value", why


def _check(path: Path) -> list[Problem]:
    from ._loader import parse_plan_document

    name = str(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        return [Problem(path=name, field=None, line=None, message=f"cannot read: {exc.strerror}")]
    except UnicodeDecodeError as exc:
        return [Problem(path=name, field=None, line=None, message=f"not UTF-8: {exc}")]
    if text.startswith("\ufeff"):
        message = "the file starts with a byte-order mark (BOM): save it as UTF-8 without BOM"
        return [Problem(path=name, field=None, line=1, message=message)]
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = _TOML_LINE.search(str(exc))
        line = int(m.group(1)) if m else None
        return [Problem(path=name, field=None, line=line, message=f"not valid TOML: {exc}")]
    except ValueError as exc:  # an integer above Python's 4,300-digit limit
        return [Problem(path=name, field=None, line=None, message=f"not readable: {exc}")]
    where = _lines(text)
    found: dict[tuple[str | None, str], None] = {}

    def add(exc: DataError, field: str | None = None) -> None:
        message = str(exc)
        prefix = ": ".join(p for p in (exc.path, exc.field) if p)
        if prefix and message.startswith(prefix + ": "):
            message = message[len(prefix) + 2 :]
        found[(field if field is not None else exc.field, message)] = None

    def parse(d: dict[str, Any], source: str | None = None) -> Plan:
        return parse_plan_document(d, path=name, source_text=source, plan_path=path)

    raw = doc.get("indicators")
    raw_list = raw if isinstance(raw, list) else []
    try:
        plan = parse(doc)
    except DataError as first:
        try:
            parse({**doc, "indicators": []})
            base = dict(doc)
        except DataError as exc:
            add(exc)
            base = _neutral_header(doc)  # check the indicators against a header that is fine
        try:
            source: str | None = parse({**base, "indicators": []}).source_text
        except DataError:
            source = None  # no source text: quote positions cannot be checked
        for i, ind in enumerate(raw_list):
            values = ind.get("values") if isinstance(ind, dict) else None
            singles: list[tuple[int | None, Any]] = (
                [(j, {**ind, "values": [v]}) for j, v in enumerate(values)]
                if isinstance(values, list) and values
                else [(None, ind)]
            )
            for j, sub in singles:
                try:
                    one = parse({**base, "indicators": [sub]}, source or "")
                except DataError as exc:
                    if source is None and "of the source text" in str(exc):
                        continue
                    add(exc, _renumber(exc.field, i, j))
                    continue
                for field, message in _plan_problems(one, [sub]):
                    found[(_renumber(field, i, j), message)] = None
        if not found:
            add(first)
    else:
        for field, message in _plan_problems(plan, raw_list):
            found[(field, message)] = None
    return [
        Problem(path=name, field=field, line=_line_of(where, field), message=message)
        for field, message in found
    ]


def validate(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Problem]:
    """Check plan files and report every problem of every file.

    Parameters
    ----------
    paths
        Plan files and folders (a folder stands for its ``*.toml`` files).

    Returns
    -------
    list of Problem
        Empty when every file is valid. Each :class:`Problem` names the file, the field and,
        where it can be told, the line. Each value and the header are checked on their own, so
        a problem in one does not hide the problems of the others; within one value (or the
        header) the first problem is reported, and the next shows once it is fixed. Beyond
        what :func:`eduplans.read_plan` checks, a value whose text reads as another number
        (``value = 94``, ``text = "93%"``), a number whose text holds none (unless flagged
        ``number_from_words`` or ``text_defect``), a text that is not in its quote and a plan id
        that an earlier file of ``paths`` has are problems.

    Raises
    ------
    DataError
        If a path does not exist.

    Examples
    --------
    >>> import eduplans
    >>> eduplans.validate([])
    []

    """
    problems: list[Problem] = []
    ids: dict[str, Path] = {}
    for path in plan_files(paths):
        problems += _check(path)
        problems += _same_id(path, ids)
    return problems


def _same_id(path: Path, ids: dict[str, Path]) -> list[Problem]:
    """Report a plan id an earlier file of the same check has (load() would refuse the pair)."""
    try:
        text = path.read_bytes().decode("utf-8")
        plan_id = tomllib.loads(text).get("id")
    except (OSError, UnicodeDecodeError, ValueError):
        return []  # _check said why
    if not isinstance(plan_id, str):
        return []
    first = ids.setdefault(plan_id, path)
    if first == path:
        return []
    message = f"plan id {plan_id!r} is also in {first}; give one of them another id"
    return [Problem(path=str(path), field="id", line=_lines(text).get("id"), message=message)]


# --- edits --------------------------------------------------------------------------------

_EDITABLE = {"value", "value_high", "comparator", "text", "note", "flags", "hedges"}


def _indicator_index(plan: Plan, indicator: int | str) -> int:
    if isinstance(indicator, int) and not isinstance(indicator, bool):
        if not -len(plan.indicators) <= indicator < len(plan.indicators):
            raise DataError(
                f"no indicator {indicator}: the plan has {len(plan.indicators)}", field="indicator"
            )
        return indicator % len(plan.indicators)
    if not isinstance(indicator, str):
        raise ArgumentTypeError(f"indicator is an int or a str, not {type(indicator).__name__}")
    hits = [
        n
        for n, ind in enumerate(plan.indicators)
        if indicator in (ind.full_name, ind.name, ind.key)
    ]
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise DataError(
            f"{indicator!r} names indicators {hits}; pass the position instead", field="indicator"
        )
    import difflib

    names = [ind.full_name for ind in plan.indicators]
    close = difflib.get_close_matches(indicator, names, n=3, cutoff=0.3)
    hint = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
    raise DataError(f"no indicator named {indicator!r}{hint}", field="indicator")


def _value_index(ind: Indicator, kind: str, year: int | None) -> tuple[str, int]:
    if kind not in ("baseline", "target"):
        raise DataError(f"kind {kind!r} is not 'baseline' or 'target'", field="kind")
    group = "baselines" if kind == "baseline" else "targets"
    values = getattr(ind, group)
    hits = [n for n, v in enumerate(values) if year is None or v.year == year]
    if len(hits) == 1:
        return group, hits[0]
    years = sorted({v.year for v in values})
    if not hits:
        raise DataError(
            f"{ind.full_name} has no {kind} for {year} (its {kind} years: {years})", field="year"
        )
    raise DataError(
        f"{ind.full_name} has {len(hits)} {kind}s"
        + (f" for {year}" if year else "")
        + f" (years {years}); pass year=",
        field="year",
    )


def _with_indicator(plan: Plan, n: int, ind: Indicator | None) -> Plan:
    inds = list(plan.indicators)
    if ind is None:
        del inds[n]
    else:
        inds[n] = ind
    return dataclasses.replace(plan, indicators=tuple(inds))


def _with_values(ind: Indicator, group: str, values: list[Any]) -> Indicator:
    if group == "baselines":
        return dataclasses.replace(ind, baselines=tuple(values))
    return dataclasses.replace(ind, targets=tuple(values))


def replace_value(
    plan: Plan, indicator: int | str, *, kind: str, year: int | None, changes: dict[str, Any]
) -> Plan:
    """Return ``plan`` with one value's fields changed (see :meth:`Plan.replace_value`)."""
    unknown = sorted(set(changes) - _EDITABLE)
    if unknown:
        raise DataError(
            f"cannot change {unknown}: editable fields are {sorted(_EDITABLE)}", field=unknown[0]
        )
    n = _indicator_index(plan, indicator)
    ind = plan.indicators[n]
    group, k = _value_index(ind, kind, year)
    old: Baseline | Target = getattr(ind, group)[k]
    fields = {("magnitude" if f == "value" else "upper_magnitude" if f == "value_high" else f): v
              for f, v in changes.items()}  # fmt: skip
    if "comparator" in fields:
        fields["comparator"] = Comparator(fields["comparator"])
    new = dataclasses.replace(old, **fields)
    why = value_text_problem(new)
    if why is not None:
        raise DataError(why, field=f"{group}[{k}]")
    from ._loader import _check_text, _Reader

    # the loader's own check of a value against its text (comparator included): an edit it
    # would refuse at load is refused here, before anything is saved
    _check_text(_Reader(""), new, f"{group}[{k}].")
    values = list(getattr(ind, group))
    values[k] = new
    return _with_indicator(plan, n, _with_values(ind, group, values))


def drop_value(plan: Plan, indicator: int | str, *, kind: str, year: int | None) -> Plan:
    """Return ``plan`` without one value (see :meth:`Plan.drop_value`)."""
    n = _indicator_index(plan, indicator)
    ind = plan.indicators[n]
    group, k = _value_index(ind, kind, year)
    values = list(getattr(ind, group))
    del values[k]
    rest = _with_values(ind, group, values) if len(ind.values) > 1 else None
    return _with_indicator(plan, n, rest)


def set_key(plan: Plan, indicator: int | str, key: str | None) -> Plan:
    """Return ``plan`` with one indicator's catalog key set (see :meth:`Plan.set_key`)."""
    if key is not None and key not in catalog():
        raise unknown_key(key, catalog())
    n = _indicator_index(plan, indicator)
    return _with_indicator(plan, n, dataclasses.replace(plan.indicators[n], key=key))


def set_region(plan: Plan, region: Region | str) -> Plan:
    """Return ``plan`` for another region (see :meth:`Plan.set_region`)."""
    from ._errors import AmbiguousRegionError, RegionNotFoundError
    from ._regions import regions

    if isinstance(region, str):
        try:  # a code, name, short name, pinyin or former name of the region table
            region = regions.lookup(region)
        except AmbiguousRegionError as exc:
            raise DataError(f"{exc}", field="region") from None
        except RegionNotFoundError:
            raise DataError(
                f"{region!r} names no region of the bundled table; pass a GB/T 2260 code or a "
                "Region",
                field="region",
            ) from None
    if not isinstance(region, Region):
        raise ArgumentTypeError(f"region is a Region or a str, not {type(region).__name__}")
    return dataclasses.replace(plan, region=region)


def realign(plan: Plan) -> Plan:
    """Return ``plan`` with every indicator's key found again by :func:`eduplans.align`."""
    from ._align import align

    if not plan.indicators:
        return plan
    found = align(
        [i.full_name for i in plan.indicators],
        context=[i.section or None for i in plan.indicators],
    )["key"]
    inds = tuple(
        dataclasses.replace(i, key=k if isinstance(k, str) else None)
        for i, k in zip(plan.indicators, found, strict=True)
    )
    return dataclasses.replace(plan, indicators=inds)
