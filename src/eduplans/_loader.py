"""Reading plan files (TOML, see docs/data-format.md) into :class:`~eduplans.Plan` objects.

Bundled data is read lazily with :mod:`importlib.resources` on the first :func:`load` call and
kept for the life of the process (the objects are immutable). Every field is checked; an unknown
field, a wrong type or a quote that is not at its offsets raises :class:`~eduplans.DataError`
naming the file and the field. Nothing is dropped silently.
"""

from __future__ import annotations

import dataclasses
import math
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

from ._catalog import catalog, misfit
from ._collection import PlanCollection
from ._errors import DataError, ValueTextError
from ._format import (
    CODE_PATTERN,
    HEADER_FIELDS,
    INDICATOR_FIELDS,
    INDICATORS,
    KEY_PATTERN,
    PLAN_SUFFIX,
    PLANS_FOLDER,
    REGION_FIELDS,
    SCHEMA_VERSION,
    SOURCES_FOLDER,
    VALUE_FIELDS,
    VALUE_KINDS,
    VALUES,
)
from ._model import Baseline, Indicator, Plan, Region, SourceSpan, Target, enum_field
from ._once import once
from ._regions import regions
from ._units import UNITS, parse_value
from ._vocab import Binding, Comparator, Measure, PlanKind, PlanStatus, RegionLevel
from ._words import chars, words

__all__ = ["load", "read_plan"]

_T = TypeVar("_T")

_HEADER_FIELDS = frozenset(HEADER_FIELDS)
_INDICATOR_FIELDS = frozenset(INDICATOR_FIELDS)
_VALUE_FIELDS = frozenset(VALUE_FIELDS)
_REGION_FIELDS = frozenset(REGION_FIELDS)


def _data_dir() -> Traversable:
    return files("eduplans").joinpath("data")


class _Reader:
    """Checks one plan document field by field, naming the file and field on error."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, message: str, field: str) -> DataError:
        return DataError(message, path=self.path, field=field)

    def get(
        self, table: Mapping[str, Any], name: str, kind: type[_T], field: str, default: Any = ...
    ) -> _T:
        if name not in table:
            if default is ...:
                raise self.fail("required field is missing", f"{field}{name}")
            return default  # type: ignore[no-any-return]
        value = table[name]
        ok = isinstance(value, kind) and not (kind in (int, float) and isinstance(value, bool))
        if kind is float:
            ok = isinstance(value, int | float) and not isinstance(value, bool)
            if ok and isinstance(value, int) and not -_FLOAT_MAX <= value <= _FLOAT_MAX:
                raise self.fail(f"the number {_digits(value)} is too large", f"{field}{name}")
        if kind is date and isinstance(value, datetime):
            raise self.fail(
                f"expected a date (YYYY-MM-DD), got the date-time {value.isoformat()}",
                f"{field}{name}",
            )
        if not ok:
            raise self.fail(
                f"expected {kind.__name__}, got {type(value).__name__} {value!r}", f"{field}{name}"
            )
        return value  # type: ignore[no-any-return]

    def known(self, table: Mapping[str, Any], allowed: frozenset[str], field: str) -> None:
        extra = sorted(set(table) - allowed)
        if extra:
            raise self.fail(
                f"unknown field(s) {extra}; allowed: {sorted(allowed)}", f"{field}{extra[0]}"
            )

    def build(self, make: Callable[[], _T], field: str) -> _T:
        try:
            return make()
        except DataError as exc:
            if exc.path is not None:  # raised by this reader: already names file and field
                raise
            inner = f"{field}{exc.field}" if exc.field else field.rstrip(".")
            message = str(exc)
            if exc.field and message.startswith(f"{exc.field}: "):
                message = message[len(exc.field) + 2 :]
            raise self.fail(message, inner) from None

    def strings(self, table: Mapping[str, Any], name: str, field: str) -> tuple[str, ...]:
        items = self.get(table, name, list, field, default=[])
        for i, item in enumerate(items):
            if not isinstance(item, str):
                raise self.fail(f"expected a string, got {item!r}", f"{field}{name}[{i}]")
            if not item:  # the schema: minLength 1
                raise self.fail("an empty string", f"{field}{name}[{i}]")
            if item in items[:i]:  # the schema: uniqueItems
                raise self.fail(f"{item!r} is given twice", f"{field}{name}[{i}]")
        return tuple(items)

    def text(self, table: Mapping[str, Any], name: str, field: str, default: Any = ...) -> str:
        """Return a string the schema requires to be non-empty."""
        value: str = self.get(table, name, str, field, default)
        if value is not default and not value.strip():
            raise self.fail("must not be empty or blank", f"{field}{name}")
        return value

    def code(self, table: Mapping[str, Any], name: str, field: str) -> str | None:
        """Return a GB/T 2260 region code (six digits, the schema's pattern), or None."""
        value: str | None = self.get(table, name, str, field, default=None)
        if value is not None and not _CODE.fullmatch(value):
            raise self.fail(f"{value!r} is not a six-digit region code", f"{field}{name}")
        return value


_FLOAT_MAX = 1.7976931348623157e308
_CODE = re.compile(CODE_PATTERN)
_KEY_PATTERN = re.compile(KEY_PATTERN)
_SCALES = (1e3, 1e4, 1e8)  # a table header's 千 / 万 / 亿 applied to a bare cell


def _digits(value: int) -> str:
    """Write a huge integer for a message: its first digits and length."""
    sign = "-" if value < 0 else ""
    n = abs(value)
    # str() of an integer above 4,300 digits is refused by Python: count by bit length
    if n.bit_length() > 10_000:
        return f"{sign}(about {int(n.bit_length() * 0.30103)} digits)"
    text = str(n)
    return f"{sign}{text[:12]}… ({len(text)} digits)"


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def _check_text(r: _Reader, v: Baseline | Target, f: str) -> None:
    """Check a value against its own text: the text is in the quote and reads as the value.

    The text is read with :func:`eduplans.parse_value` in the indicator's unit. Accepted
    differences are the ones a flag explains: ``comparator_from_context`` (a comparator word
    earlier in the sentence), ``number_from_words`` (全覆盖 read as 100%), ``text_defect`` (the
    plan's own typo), and a table header's 千/万/亿 applied to a count cell without a scale word.
    """
    if not v.text.strip():
        raise r.fail("the value text is blank", f"{f}text")
    if v.text not in v.span.quote:
        raise r.fail(f"the text {v.text!r} is not inside its quote", f"{f}text")
    if "text_defect" in v.flags:
        return
    if "number_from_words" in v.flags and not re.search(r"\d", v.text):
        return  # 全覆盖, 一名: the flag's note says how the words were read (and no cn2an here)
    read = None
    error: ValueTextError | None = None
    for attempt in _readings(v.text):
        try:
            read = parse_value(attempt, unit=v.unit)
            break
        except ValueTextError as exc:
            error = error or exc
    if read is None:
        if "number_from_words" in v.flags:
            return
        raise r.fail(f"the text does not read as a value: {error}", f"{f}text")
    if "sign_from_words" in v.flags:  # 降低1个百分点以上: a change of at most −1 (issue 9)
        flip = {">=": "<=", ">": "<", "<=": ">=", "<": ">"}
        read = dataclasses.replace(
            read,
            comparator=Comparator(flip.get(read.comparator.value, read.comparator.value)),
            value=None if read.value is None else -read.value,
            upper=None if read.upper is None else -read.upper,
        )
    if read.comparator is not v.comparator and not (
        "comparator_from_context" in v.flags and read.comparator.value == "="
    ):
        raise r.fail(
            f"the comparator {v.comparator.value!r} disagrees with its text {v.text!r}, which "
            f"reads {read.comparator.value!r} (flag comparator_from_context if a word elsewhere "
            "in the sentence sets it)",
            f"{f}comparator",
        )
    if "restated_per_year" in v.flags:
        return  # 每半年一次 → 2 a year: the note gives the arithmetic (issue 9)
    scales: tuple[float, ...] = (1.0,)
    scale_chars = chars("".join(words().scales))  # 千, 万, 亿 (data/words.toml [scale])
    if v.unit not in ("percent", "percentage_point") and not re.search(f"[{scale_chars}]", v.text):
        scales = (1.0, *_SCALES)
    for k in scales:
        low = None if read.value is None else read.value * k
        high = None if read.upper is None else read.upper * k
        if _same(low, v.magnitude) and _same(high, v.upper_magnitude):
            return
    field = "value" if not _same(read.value, v.magnitude) else "value_high"
    said = "no number" if read.value is None else f"{read.value:g}"
    if read.upper is not None:
        said += f"–{read.upper:g}"
    given = f"{v.magnitude:g}" if v.magnitude is not None else "none"
    if v.upper_magnitude is not None:
        given += f"–{v.upper_magnitude:g}"
    raise r.fail(
        f"value {given} disagrees with its text {v.text!r}, which reads {said}", f"{f}{field}"
    )


def _readings(text: str) -> Iterator[str]:
    """Yield the text, then (only if asked) the forms the parser reads it in.

    Its simplified and full-width-folded form, then that form of the parser's normalised view
    (inline pinyin and stray spaces deleted: ``2.9個(gè)百分點``).
    """
    yield text
    from ._chinese import fold_width, to_simplified

    folded = to_simplified(fold_width(text))
    if folded != text:
        yield folded
    from ._parse._view import make_view

    viewed = to_simplified(fold_width(make_view(text).text))
    if viewed not in (text, folded):
        yield viewed


def _measure(r: _Reader, raw: Mapping[str, Any], key: str | None, f: str) -> Measure | None:
    """Return the value's measure: as written, else its catalog entry's; checked against it."""
    written = r.get(raw, "measure", str, f, default=None)
    measure = (
        None if written is None else r.build(lambda: enum_field(Measure, written, "measure"), f)
    )
    if key is None:
        return measure  # type: ignore[no-any-return]  # None: the model's default (cumulative when flagged so, else level)
    if measure is None:
        return catalog()[key].measure
    assert isinstance(measure, Measure)
    why = misfit(key, catalog()[key].unit, [measure])
    if why is not None:
        hint = "give it its own key, e.g. an increment key for 每年降低…个百分点"
        raise r.fail(f"{why} ({hint})", f"{f}measure")
    return measure


def _value(
    r: _Reader, raw: Mapping[str, Any], unit: str, f: str, key: str | None = None
) -> Baseline | Target:
    r.known(raw, _VALUE_FIELDS, f)
    kind = r.get(raw, "kind", str, f)
    if kind not in VALUE_KINDS:
        raise r.fail(f"{kind!r} is not {' or '.join(map(repr, VALUE_KINDS))}", f"{f}kind")
    start, end = r.get(raw, "start", int, f), r.get(raw, "end", int, f)
    quote = r.text(raw, "quote", f)
    page = r.get(raw, "page", int, f, default=None)
    span = r.build(lambda: SourceSpan(start=start, end=end, quote=quote, page=page), f)
    cls: type[Baseline | Target] = Baseline if kind == "baseline" else Target
    measure = _measure(r, raw, key, f)
    value = r.build(
        lambda: cls(
            year=r.get(raw, "year", int, f),
            comparator=enum_field(Comparator, r.get(raw, "comparator", str, f), "comparator"),
            magnitude=r.get(raw, "value", float, f, default=None),
            upper_magnitude=r.get(raw, "value_high", float, f, default=None),
            unit=unit,
            text=r.get(raw, "text", str, f),
            span=span,
            hedges=r.strings(raw, "hedges", f),
            flags=r.strings(raw, "flags", f),
            note=r.get(raw, "note", str, f, default=""),
            measure=measure,  # type: ignore[arg-type]  # None: the model's default
            start_year=r.get(raw, "start_year", int, f, default=None),
        ),
        f,
    )
    _check_text(r, value, f)
    return value


def _indicator(r: _Reader, raw: Mapping[str, Any], f: str) -> Indicator:
    r.known(raw, _INDICATOR_FIELDS, f)
    unit = r.get(raw, "unit", str, f)
    if unit not in UNITS:
        raise r.fail(f"unknown unit {unit!r}; known units: {sorted(UNITS)}", f"{f}unit")
    key = r.get(raw, "key", str, f, default=None)
    if key is not None and not _KEY_PATTERN.fullmatch(key):
        raise r.fail(f"{key!r} is not a snake_case key", f"{f}key")
    if key is not None and key not in catalog():
        raise r.fail(f"unknown catalog key {key!r}", f"{f}key")
    why = None if key is None else misfit(key, unit)
    if why is not None:
        raise r.fail(why, f"{f}unit")
    raw_values = r.get(raw, VALUES, list, f)
    values = []
    seen: dict[tuple[Any, ...], int] = {}
    for j, v in enumerate(raw_values):
        if not isinstance(v, dict):
            raise r.fail("expected a table", f"{f}{VALUES}[{j}]")
        values.append(_value(r, v, unit, f"{f}{VALUES}[{j}].", key))
        same = (type(values[-1]), *(repr(x) for x in _identity(values[-1])))
        if same in seen:
            raise r.fail(
                f"repeats values[{seen[same]}] exactly (same kind, year, text, number and quote)",
                f"{f}{VALUES}[{j}]",
            )
        seen[same] = j
    return r.build(
        lambda: Indicator(
            name=r.text(raw, "name", f),
            subject=r.get(raw, "subject", str, f, default=""),
            section=r.get(raw, "section", str, f),
            origin=r.get(raw, "origin", str, f),  # type: ignore[arg-type]
            unit=unit,
            binding=enum_field(Binding, r.get(raw, "binding", str, f), "binding"),
            key=key,
            note=r.get(raw, "note", str, f, default=""),
            baselines=tuple(v for v in values if isinstance(v, Baseline)),
            targets=tuple(v for v in values if isinstance(v, Target)),
        ),
        f,
    )


def _identity(v: Baseline | Target) -> tuple[Any, ...]:
    return (v.year, v.comparator, v.magnitude, v.upper_magnitude, v.text, v.span)


def _region(r: _Reader, raw: Any) -> Region | None:
    """Read ``region``: a code of the region table, or a table for a region outside it.

    A code of data/regions.tsv (a former code resolves to the division now in force), or a table
    {name, level, code?, parent?}. Left out, the region is unknown (None): a parsed plan whose
    text names no region.
    """
    known = regions
    if raw is None:
        return None
    if isinstance(raw, str):
        if not _CODE.fullmatch(raw):
            raise r.fail(f"{raw!r} is not a six-digit region code", "region")
        if raw not in known:
            raise r.fail(f"unknown region code {raw!r} (not in the region table)", "region")
        return known[raw]
    if not isinstance(raw, dict):
        raise r.fail(f"expected a region code or a table, got {raw!r}", "region")
    r.known(raw, _REGION_FIELDS, "region.")
    parent_code = r.code(raw, "parent", "region.")
    if parent_code is not None and parent_code not in known:
        raise r.fail(f"unknown parent region code {parent_code!r}", "region.parent")
    code = r.code(raw, "code", "region.")
    if code is not None and code in known:
        # the table must describe the region its code names, not another one
        region = known[code]
        given = {
            "name": r.text(raw, "name", "region."),
            "level": r.get(raw, "level", str, "region."),
            "parent": parent_code,
            "name_en": r.get(raw, "name_en", str, "region.", default=None),
        }
        table = {
            "name": region.name,
            "level": region.level.value,
            "parent": region.parent.code if region.parent else None,
            "name_en": region.name_en,
        }
        for name, value in given.items():
            if value is not None and value != table[name]:
                raise r.fail(
                    f"code {code} is {region.name} ({region.level.value}) in the region table; "
                    f"its {name} is {table[name]!r}, not {value!r}",
                    f"region.{name}",
                )
        return region
    return r.build(
        lambda: Region(
            name=r.text(raw, "name", "region."),
            level=enum_field(RegionLevel, r.get(raw, "level", str, "region."), "level"),
            code=code,
            parent=known[parent_code] if parent_code else None,
            name_en=r.get(raw, "name_en", str, "region.", default=""),
        ),
        "region.",
    )


def _source_path(r: _Reader, plan_path: Path | None, name: str) -> Path | Traversable:
    """Find the source text: in the plan file's folder, else among the bundled sources.

    ``name`` must be a bare file name, and the file found beside the plan must lie in that
    folder (a link out of it is refused): a plan file cannot make eduplans read elsewhere.
    """
    from ._writer import check_file_name

    r.build(lambda: check_file_name(name, what="source"), "")
    if plan_path is not None:
        beside = plan_path.parent / name
        if beside.is_file():
            if beside.resolve().parent != plan_path.parent.resolve():
                raise r.fail(f"source text {name!r} links out of the plan's folder", "source")
            return beside
    return _data_dir().joinpath(SOURCES_FOLDER, name)


def parse_plan_document(
    doc: Mapping[str, Any],
    *,
    path: str,
    source_text: str | None = None,
    plan_path: Path | None = None,
) -> Plan:
    """Build a :class:`Plan` from a parsed plan document (the TOML as a dict).

    Parameters
    ----------
    doc
        The document.
    path
        Name used in error messages.
    source_text
        The source text; read from the document's ``source`` field when None.
    plan_path
        The plan file, whose folder is searched for the source text first.

    Returns
    -------
    Plan
        The validated plan.

    Raises
    ------
    DataError
        Naming ``path`` and the field, for any malformed field.

    """
    r = _Reader(path)
    r.known(doc, _HEADER_FIELDS, "")
    version = r.get(doc, "schema_version", int, "")
    if version != SCHEMA_VERSION:
        raise r.fail(
            f"schema_version {version} is not supported (expected {SCHEMA_VERSION})",
            "schema_version",
        )
    source = r.text(doc, "source", "")
    if source_text is None:
        src = _source_path(r, plan_path, source)
        if not src.is_file():
            raise r.fail(f"source text {source!r} not found", "source")
        try:
            source_text = src.read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise r.fail(f"source text {source!r} is not UTF-8: {exc}", "source") from None
    region = _region(r, doc.get("region"))
    period = r.get(doc, "period", list, "")
    raw_indicators = r.get(doc, INDICATORS, list, "")
    indicators = []
    for i, raw in enumerate(raw_indicators):
        if not isinstance(raw, dict):
            raise r.fail("expected a table", f"{INDICATORS}[{i}]")
        indicators.append(_indicator(r, raw, f"{INDICATORS}[{i}]."))
    return r.build(
        lambda: Plan(
            id=r.get(doc, "id", str, ""),
            region=region,
            title=r.text(doc, "title", ""),
            title_en=r.get(doc, "title_en", str, "", default=""),
            issuer=r.get(doc, "issuer", str, ""),
            issued=r.get(doc, "issued", date, ""),
            period=tuple(period),
            kind=enum_field(PlanKind, r.get(doc, "kind", str, ""), "kind"),
            status=enum_field(PlanStatus, r.get(doc, "status", str, ""), "status"),
            baseline_year=r.get(doc, "baseline_year", int, "", default=None),
            notes=r.get(doc, "notes", str, "", default=""),
            indicators=tuple(indicators),
            source_text=source_text,
            source_name=source,
        ),
        "",
    )


def _read(text: str, path: str, plan_path: Path | None) -> Plan:
    if text.startswith("\ufeff"):
        raise DataError(
            "the file starts with a byte-order mark (BOM, U+FEFF), which TOML does not allow: "
            "save it as UTF-8 without BOM",
            path=path,
        )
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"not valid TOML: {exc}", path=path) from None
    except ValueError as exc:  # an integer above Python's 4,300-digit limit
        raise DataError(f"not a readable TOML file: {exc}", path=path) from None
    return parse_plan_document(doc, path=path, plan_path=plan_path)


def read_plan(path: str | Path) -> Plan:
    """Read and validate one plan file.

    Parameters
    ----------
    path
        A plan file in the bundled format. Its ``source`` text is looked up beside the file
        first, then among the bundled sources.

    Returns
    -------
    Plan
        The validated plan.

    Raises
    ------
    DataError
        If the file is missing, not TOML, or any field is malformed; the message names the file
        and the field.

    """
    p = Path(path)
    try:
        text = p.read_bytes().decode("utf-8")
    except OSError as exc:
        raise DataError(f"cannot read plan file: {exc.strerror}", path=str(p)) from None
    except UnicodeDecodeError as exc:
        raise DataError(f"plan file is not UTF-8: {exc}", path=str(p)) from None
    return _read(text, str(p), p)


@once
def _bundled_files() -> tuple[tuple[str, Plan], ...]:
    """Return the bundled plans, each with the name of its file (for messages)."""
    folder = _data_dir().joinpath(PLANS_FOLDER)
    entries = sorted(
        (e for e in folder.iterdir() if e.name.endswith(PLAN_SUFFIX)), key=lambda e: e.name
    )
    where = f"eduplans/data/{PLANS_FOLDER}"
    out: list[tuple[str, Plan]] = []
    for e in entries:
        name = f"{where}/{e.name}"
        out.append((name, _read(e.read_text(encoding="utf-8"), name, None)))
    _unique(out)
    return tuple(out)


@once
def _bundled() -> tuple[Plan, ...]:
    return tuple(plan for _, plan in _bundled_files())


def _unique(named: list[tuple[str, Plan]]) -> None:
    """Raise :class:`DataError` naming both files if two plans share an id."""
    seen: dict[str, str] = {}
    for name, plan in named:
        if plan.id in seen:
            other = seen[plan.id]
            bundled = " (a bundled plan)" if other.startswith("eduplans/data/") else ""
            raise DataError(
                f"plan id {plan.id!r} is also in {other}{bundled}; give one of them another id",
                path=name,
                field="id",
            )
        seen[plan.id] = name


def load(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None = None,
    *,
    bundled: bool = True,
    realign: bool = False,
) -> PlanCollection:
    """Return the bundled plans, and your own plan files beside them.

    The bundled files are read and checked on the first call and kept for the life of the
    process; your files are read on every call (so a fixed file is seen at once).

    Parameters
    ----------
    paths
        Plan files and folders (a folder stands for its ``*.toml`` files, sorted by name), for
        example drafts written by ``eduplans parse -o drafts/`` and reviewed.
    bundled
        Include the bundled plans (first, in their order); False loads only ``paths``.
    realign
        Give the indicators of your files their catalog keys again with
        :func:`eduplans.align` (keys saved by an older catalog, or edited by hand, are
        replaced). The bundled plans keep their curated keys.

    Returns
    -------
    PlanCollection
        Iterable, sized, indexable by plan id (``"luoyang-2022"``) or region name (``"洛阳市"``).

    Raises
    ------
    DataError
        If a path does not exist, a file is malformed (naming the file and field; see
        :func:`eduplans.validate` for every problem at once), or two plans share an id.

    Examples
    --------
    >>> import eduplans
    >>> plans = eduplans.load()
    >>> plans["洛阳市"].region.parent.name
    '河南省'

    """
    named: list[tuple[str, Plan]] = list(_bundled_files()) if bundled else []
    if paths is not None:
        from ._review import plan_files
        from ._review import realign as realign_plan

        for path in plan_files(paths):
            plan = read_plan(path)
            named.append((str(path), realign_plan(plan) if realign else plan))
        _unique(named)
    plans = [plan for _, plan in named]
    return PlanCollection(plans)
