"""The typed model: regions, plans, indicators and their baseline and target values.

All classes are frozen dataclasses built with keyword arguments only, and validate themselves on
construction: a bad field raises :class:`~eduplans.DataError` naming the field. Values keep their
number as a float (``magnitude``) and a canonical unit name; ``.value`` turns them into a pint
Quantity on demand, so loading plans never imports pint.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from ._errors import DataError
from ._format import CODE_PATTERN, ID_PATTERN, KEY_PATTERN, ORIGINS, YEAR_MAX, YEAR_MIN
from ._units import UNITS, quantity
from ._vocab import (
    FLAGS,
    PERIOD_MEASURES,
    Binding,
    Comparator,
    Measure,
    PlanKind,
    PlanStatus,
    RegionLevel,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Baseline",
    "Diagnostic",
    "Indicator",
    "MetaField",
    "Plan",
    "Region",
    "SourceSpan",
    "Target",
]

_CODE = re.compile(CODE_PATTERN)
_KEY = re.compile(KEY_PATTERN)
_ID = re.compile(ID_PATTERN)

Origin = Literal["table", "prose"]  # ORIGINS (a test checks they agree)


def enum_field(cls: Any, value: Any, name: str) -> Any:
    """Return ``cls(value)``, or raise DataError naming ``name`` and the allowed values."""
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in cls)
        raise DataError(f"{value!r} is not one of {allowed}", field=name) from None


_FLOAT_MAX = 1.7976931348623157e308


def _is_year(y: object) -> bool:
    return isinstance(y, int) and not isinstance(y, bool) and YEAR_MIN <= y <= YEAR_MAX


def _short_number(x: object) -> str:
    """``repr(x)`` for a message, without writing out a huge integer."""
    if isinstance(x, int) and not isinstance(x, bool) and abs(x).bit_length() > 64:
        return f"an integer of about {int(abs(x).bit_length() * 0.30103)} digits"
    if isinstance(x, tuple | list):
        return "[" + ", ".join(_short_number(y) for y in x) + "]"
    return repr(x)


def _require(ok: bool, message: str, name: str) -> None:
    if not ok:
        raise DataError(message, field=name)


def _set(obj: object, name: str, value: object) -> None:
    object.__setattr__(obj, name, value)


@dataclass(frozen=True, slots=True, kw_only=True)
class Region:
    """An administrative region with its GB/T 2260 code.

    Regions of the bundled table (every province-, prefecture- and county-level division) come
    from :data:`eduplans.regions`; aliases and former names do not take part in equality.

    Parameters
    ----------
    name
        Chinese name, e.g. ``"洛阳市"``.
    level
        ``"province"``, ``"prefecture"`` or ``"county"``.
    code
        Six-digit administrative division code, e.g. ``"410300"`` for 洛阳市; None when unknown
        (a region outside the bundled region table).
    parent
        The region this one belongs to (洛阳市 ⊂ 河南省), or None.
    name_en
        English name for figures and papers, e.g. ``"Luoyang"`` (pinyin of the short name).
    aliases
        Short names and common written forms (``("延边州", "延边")`` for 延边朝鲜族自治州).
    former_codes, former_names
        Codes and names the same place had before (从化区: ``("440122", "440184")``,
        ``("从化县", "从化市")``), so that older plans resolve.

    """

    name: str
    level: RegionLevel
    code: str | None = None
    parent: Region | None = None
    name_en: str = ""
    aliases: tuple[str, ...] = field(default=(), compare=False, repr=False)
    former_codes: tuple[str, ...] = field(default=(), compare=False, repr=False)
    former_names: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        _require(isinstance(self.name, str) and bool(self.name.strip()), "name is empty", "name")
        _set(self, "level", enum_field(RegionLevel, self.level, "level"))
        if self.code is not None:
            _require(
                isinstance(self.code, str) and bool(_CODE.fullmatch(self.code)),
                f"{self.code!r} is not a six-digit administrative division code",
                "code",
            )
            tail = {
                RegionLevel.PROVINCE: self.code[2:] == "0000",
                RegionLevel.PREFECTURE: self.code[4:] == "00" and self.code[2:] != "0000",
                RegionLevel.COUNTY: self.code[4:] != "00",
            }[self.level]
            _require(tail, f"code {self.code} does not fit level {self.level.value}", "code")
        if self.parent is not None:
            _require(isinstance(self.parent, Region), "parent must be a Region", "parent")
            order = list(RegionLevel)
            _require(
                order.index(self.parent.level) < order.index(self.level),
                f"a {self.level.value} cannot lie in a {self.parent.level.value}",
                "parent",
            )
            if self.code is not None and self.parent.code is not None:
                prefix = 2 if self.parent.level is RegionLevel.PROVINCE else 4
                _require(
                    self.parent.code[:prefix] == self.code[:prefix],
                    f"{self.name} ({self.code}) cannot lie in {self.parent.name} "
                    f"({self.parent.code})",
                    "parent",
                )

    @property
    def ancestors(self) -> tuple[Region, ...]:
        """The parent, its parent and so on, nearest first."""
        out: list[Region] = []
        node = self.parent
        while node is not None:
            out.append(node)
            node = node.parent
        return tuple(out)

    @property
    def province(self) -> Region | None:
        """The province-level region this one lies in (itself for a province), or None."""
        for node in (self, *self.ancestors):
            if node.level is RegionLevel.PROVINCE:
                return node
        return None

    @property
    def full_name(self) -> str:
        """The names from the province down, e.g. ``"河南省焦作市温县"``."""
        return "".join(r.name for r in (*reversed(self.ancestors), self))

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        from ._repr import region_repr

        return region_repr(self)

    def _repr_html_(self) -> str:
        from ._repr import region_html

        return region_html(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceSpan:
    """Where a value was read: ``plan.source_text[start:end] == quote``.

    Parameters
    ----------
    start, end
        Offsets in code points into the plan's source text; ``end`` is exclusive.
    quote
        The verbatim text between them.
    page
        The page of a PDF source the value's text stands on (1 is the first page); None for
        other sources. The offsets refer to the source text all the same.

    """

    start: int
    end: int
    quote: str
    page: int | None = None

    def __post_init__(self) -> None:
        _require(
            isinstance(self.start, int)
            and isinstance(self.end, int)
            and not isinstance(self.start, bool)
            and not isinstance(self.end, bool),
            "start and end must be integers",
            "start",
        )
        _require(
            0 <= self.start <= self.end,
            f"bad span {_short_number(self.start)}..{_short_number(self.end)}",
            "start",
        )
        _require(
            isinstance(self.quote, str) and len(self.quote) == self.end - self.start,
            f"quote has {len(self.quote)} characters but the span "
            f"{_short_number(self.start)}..{_short_number(self.end)} has "
            f"{_short_number(self.end - self.start)}",
            "quote",
        )
        _require(
            self.page is None
            or (isinstance(self.page, int) and not isinstance(self.page, bool) and self.page >= 1),
            f"page must be a positive integer or None, not {self.page!r}",
            "page",
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Diagnostic:
    """A number of the source text that the parser did not turn into a value, and why.

    Parameters
    ----------
    start, end
        Offsets of the number in the plan's source text.
    text
        The number as written (``source_text[start:end]``).
    reason
        Why it is not a value: ``"year"``, ``"date"``, ``"document_number"``, ``"phone"``,
        ``"numbering"``, ``"title"``, ``"chrome"``, ``"page_number"``, ``"relative"``,
        ``"repeated"``, ``"distractor"``, ``"not_education"``, ``"name_unclear"``, ``"rejected"``,
        ``"not_understood"`` …
    detail
        The words around it or the parser's message, for a reviewer.

    """

    start: int
    end: int
    text: str
    reason: str
    detail: str = ""

    @property
    def routine(self) -> bool:
        """Whether a reviewer rarely needs to see this number one by one.

        True for a year, a date, a document number, a phone number, numbering, the title,
        page chrome or an address: numbers that are no value by their kind. The others
        (``relative``, ``rejected``, ``not_understood`` …) may be a value the parser missed.
        """
        from ._parse._diag import ROUTINE

        return self.reason in ROUTINE


@dataclass(frozen=True, slots=True, kw_only=True)
class MetaField:
    """Where the parser read one metadata field of a draft plan (title, issuer, period …).

    Parameters
    ----------
    name
        The field: ``"title"``, ``"issuer"``, ``"issued"``, ``"period"``, ``"kind"``,
        ``"document"``.
    value
        What was read, as text (``"2021-2025"``, ``"news_report"`` …).
    start, end
        Offsets of the words it was read from in the source text (equal when it was inferred
        from nothing in particular).
    how
        How it was read.

    """

    name: str
    value: str
    start: int
    end: int
    how: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class _Value:
    """Fields shared by :class:`Baseline` and :class:`Target`."""

    kind: ClassVar[str]

    year: int
    comparator: Comparator
    magnitude: float | None
    unit: str
    text: str
    span: SourceSpan
    upper_magnitude: float | None = None
    hedges: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    note: str = ""
    measure: Measure = None  # type: ignore[assignment]  # resolved in __post_init__
    start_year: int | None = None

    def __post_init__(self) -> None:
        _require(
            isinstance(self.year, int)
            and not isinstance(self.year, bool)
            and YEAR_MIN <= self.year <= YEAR_MAX,
            f"year {_short_number(self.year)} is not a year",
            "year",
        )
        _set(self, "comparator", enum_field(Comparator, self.comparator, "comparator"))
        _require(self.unit in UNITS, f"unknown unit {self.unit!r}", "unit")
        _require(isinstance(self.text, str) and bool(self.text), "text is empty", "text")
        _require(isinstance(self.span, SourceSpan), "span must be a SourceSpan", "span")
        for name in ("magnitude", "upper_magnitude"):
            number = getattr(self, name)
            if number is not None:
                _require(
                    isinstance(number, int | float)
                    and not isinstance(number, bool)
                    and number == number
                    and -_FLOAT_MAX <= number <= _FLOAT_MAX,
                    f"{_short_number(number)} is not a finite number a float can hold",
                    name,
                )
                _set(self, name, float(number))
        if self.comparator is Comparator.MAINTAIN:
            _require(self.magnitude is None, "a 'maintain' value has no number", "value")
        else:
            _require(self.magnitude is not None, "value is missing", "value")
        if self.comparator is Comparator.RANGE:
            _require(self.upper_magnitude is not None, "a range needs value_high", "value_high")
            assert self.magnitude is not None and self.upper_magnitude is not None
            _require(
                self.upper_magnitude >= self.magnitude, "value_high is below value", "value_high"
            )
        else:
            _require(
                self.upper_magnitude is None, "value_high only goes with a range", "value_high"
            )
        _set(self, "hedges", tuple(self.hedges))
        _set(self, "flags", tuple(self.flags))
        unknown = set(self.flags) - FLAGS
        _require(not unknown, f"unknown flags {sorted(unknown)}; known: {sorted(FLAGS)}", "flags")
        _require(not self.flags or bool(self.note.strip()), "flags need a note", "note")
        self._check_measure()

    def _check_measure(self) -> None:
        if self.measure is None:  # not given: a value flagged cumulative is a total, else a level
            cumulative = "cumulative" in self.flags
            _set(self, "measure", Measure.CUMULATIVE if cumulative else Measure.LEVEL)
        _set(self, "measure", enum_field(Measure, self.measure, "measure"))
        _require(
            "cumulative" not in self.flags or self.measure is Measure.CUMULATIVE,
            f"a value flagged 'cumulative' is a period total, not a {self.measure.value}",
            "measure",
        )
        start = self.start_year
        if start is not None:
            _require(
                self.measure in PERIOD_MEASURES,
                f"start_year only goes with a period total or change, not a {self.measure.value}",
                "start_year",
            )
            _require(
                isinstance(start, int) and not isinstance(start, bool) and start >= YEAR_MIN,
                f"start_year {start!r} is not a year",
                "start_year",
            )
            _require(
                start <= self.year,
                f"start_year {start} is after the value's year {self.year}",
                "start_year",
            )

    @property
    def value(self) -> Any:
        """The number as a pint Quantity in eduplans' registry, or None when qualitative."""
        return None if self.magnitude is None else quantity(self.magnitude, self.unit)

    @property
    def upper(self) -> Any:
        """The upper end of a range as a pint Quantity, else None."""
        return None if self.upper_magnitude is None else quantity(self.upper_magnitude, self.unit)

    @property
    def quote(self) -> str:
        """The verbatim source text this value was read from."""
        return self.span.quote

    def __repr__(self) -> str:
        from ._repr import value_repr

        return value_repr(self)  # type: ignore[arg-type]

    def _repr_html_(self) -> str:
        from ._repr import value_html

        return value_html(self)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)  # repr: _Value's short one
class Baseline(_Value):
    """A value a plan reports for a past year (a table's 2020 column, a 十三五 review figure).

    Parameters
    ----------
    year
        The year the value describes.
    comparator
        ``=``, ``>=``, ``<=``, ``>``, ``<``, ``~``, ``range`` or ``maintain``.
    magnitude
        The number in ``unit`` with scale words applied; None when qualitative.
    unit
        Canonical unit name (``"percent"``, ``"seat"``, ``"yuan"`` …).
    text
        The value exactly as written (``"86%以上"``).
    span
        Where it was read.
    upper_magnitude
        Upper end of a range.
    hedges
        Hedge words of the sentence (力争, 基本 …).
    flags
        Reading flags (``conflict``, ``scale_word_missing`` …), see docs/data-format.md.
    note
        Why the flags were set.
    measure
        What the number measures (:class:`~eduplans.Measure`): ``"level"`` (a rate or stock at
        ``year``), ``"flow"`` (per year), ``"cumulative"`` (a total over ``start_year`` …
        ``year``), ``"change"`` (an increment over that period) or ``"change_per_year"``. When
        not given: ``"cumulative"`` for a value flagged ``cumulative``, else ``"level"``.
    start_year
        First year of the period a ``cumulative`` total or a ``change`` covers (``year`` is the
        last); None for the other measures, or when the plan does not say.

    """

    kind: ClassVar[str] = "baseline"


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)  # repr: _Value's short one
class Target(_Value):
    """A value a plan promises for a future year; fields as :class:`Baseline`."""

    kind: ClassVar[str] = "target"


@dataclass(frozen=True, slots=True, kw_only=True)
class Indicator:
    """One indicator as one place of a plan states it, with its baseline and target values.

    Parameters
    ----------
    name
        The indicator as the plan words it, e.g. ``"学前教育毛入园率"`` or a bare ``"巩固率"``.
    unit
        Canonical unit name of its values.
    binding
        ``"binding"`` (约束性), ``"expected"`` (预期性) or ``"none"``.
    section
        The heading of the plan it sits under.
    origin
        ``"table"`` or ``"prose"``.
    baselines, targets
        Its values.
    key
        Catalog key when known, else None.
    subject
        Words an elided name takes from context (``"义务教育"`` for a bare ``"巩固率"``).
    note
        Free text.

    """

    name: str
    unit: str
    binding: Binding
    section: str
    origin: Origin
    baselines: tuple[Baseline, ...] = ()
    targets: tuple[Target, ...] = ()
    key: str | None = None
    subject: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        _require(isinstance(self.name, str) and bool(self.name.strip()), "name is empty", "name")
        _require(self.unit in UNITS, f"unknown unit {self.unit!r}", "unit")
        _set(self, "binding", enum_field(Binding, self.binding, "binding"))
        _require(
            self.origin in ORIGINS,
            f"origin {self.origin!r} is not 'table' or 'prose'",
            "origin",
        )
        _require(
            self.key is None or bool(_KEY.fullmatch(self.key)),
            f"key {self.key!r} is not snake_case",
            "key",
        )
        _set(self, "baselines", tuple(self.baselines))
        _set(self, "targets", tuple(self.targets))
        _require(bool(self.baselines or self.targets), "an indicator needs a value", "values")
        for group, cls in (("baselines", Baseline), ("targets", Target)):
            for i, v in enumerate(getattr(self, group)):
                _require(type(v) is cls, f"must be a {cls.__name__}", f"{group}[{i}]")
                _require(
                    v.unit == self.unit,
                    f"unit {v.unit!r} differs from the indicator's {self.unit!r}",
                    f"{group}[{i}].unit",
                )

    @property
    def full_name(self) -> str:
        """``subject + name``: the indicator the plan means."""
        return self.subject + self.name

    @property
    def values(self) -> tuple[Baseline | Target, ...]:
        """Baselines and targets, in the order they stand in the source text."""
        both: list[Baseline | Target] = [*self.baselines, *self.targets]
        return tuple(sorted(both, key=lambda v: (v.span.start, v.kind)))

    def __repr__(self) -> str:
        from ._repr import indicator_repr

        return indicator_repr(self)

    def _repr_html_(self) -> str:
        from ._repr import indicator_html

        return indicator_html(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class Plan:
    """A planning document with its indicators and the verbatim text they were read from.

    Parameters
    ----------
    id
        Stable plan id, e.g. ``"luoyang-2022"``.
    region
        The region the plan is for; None when unknown (a parsed text that names no region, or
        an anonymised one: its notes say why).
    title
        Title as the document gives it.
    issuer
        The issuing body.
    issued
        Date of issue.
    period
        First and last year the plan covers, e.g. ``(2021, 2025)``.
    kind
        ``"five_year_plan"``, ``"annual_work_plan"`` or ``"action_plan"``.
    status
        ``"draft"`` or ``"final"``.
    indicators
        The indicators, each with its values.
    source_text
        The verbatim text every value's span points into.
    source_name
        File name of the source text.
    title_en
        English title.
    baseline_year
        The year of the plan's baseline column, when it has one.
    notes
        Curator's notes on the document and its defects.
    diagnostics
        For a draft read by :func:`eduplans.parse_plan`: every number of the source text that
        is not part of a value, with the reason (not written to plan files except as comments).
    meta
        For a draft: where its title, issuer, issue date, period and kind were read.

    """

    id: str
    region: Region | None
    title: str
    issuer: str
    issued: date
    period: tuple[int, int]
    kind: PlanKind
    status: PlanStatus
    indicators: tuple[Indicator, ...]
    source_text: str = field(repr=False)
    source_name: str = ""
    title_en: str = ""
    baseline_year: int | None = None
    notes: str = ""
    diagnostics: tuple[Diagnostic, ...] = field(default=(), repr=False, compare=False)
    meta: tuple[MetaField, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        _require(
            isinstance(self.id, str) and bool(_ID.fullmatch(self.id)),
            f"plan id {self.id!r} must be lower-case letters, digits, '-', '_' or '.'",
            "id",
        )
        _require(
            self.region is None or isinstance(self.region, Region),
            "region must be a Region, or None when unknown",
            "region",
        )
        _require(
            isinstance(self.issued, date) and not isinstance(self.issued, datetime),
            f"issued must be a date, not {type(self.issued).__name__} {self.issued!r}",
            "issued",
        )
        period = tuple(self.period)
        _require(
            len(period) == 2 and all(_is_year(y) for y in period) and period[0] <= period[1],
            f"period {_short_number(self.period)} is not (first, last), years "
            f"{YEAR_MIN}-{YEAR_MAX}",
            "period",
        )
        _require(
            self.baseline_year is None
            or (_is_year(self.baseline_year) and self.baseline_year <= period[1]),
            f"baseline_year {_short_number(self.baseline_year)} is not a year "
            f"{YEAR_MIN}-{YEAR_MAX} up to the end of the period "
            f"{period[1] if len(period) == 2 else '?'}",
            "baseline_year",
        )
        _set(self, "period", period)
        _set(self, "kind", enum_field(PlanKind, self.kind, "kind"))
        _set(self, "status", enum_field(PlanStatus, self.status, "status"))
        _set(self, "indicators", tuple(self.indicators))
        _require(isinstance(self.source_text, str), "source_text must be a str", "source_text")
        for i, ind in enumerate(self.indicators):
            _require(isinstance(ind, Indicator), "must be an Indicator", f"indicators[{i}]")
            for j, v in enumerate(ind.values):
                s = v.span
                if self.source_text[s.start : s.end] != s.quote:
                    found = self.source_text.find(s.quote)
                    hint = f"; the quote occurs at {found}" if found >= 0 else ""
                    raise DataError(
                        f"quote {s.quote[:40]!r} is not at {_short_number(s.start)}.."
                        f"{_short_number(s.end)} of the source text{hint}",
                        field=f"indicators[{i}].values[{j}].quote",
                    )

    @property
    def targets(self) -> tuple[Target, ...]:
        """Every target of every indicator."""
        return tuple(t for ind in self.indicators for t in ind.targets)

    @property
    def baselines(self) -> tuple[Baseline, ...]:
        """Every baseline of every indicator."""
        return tuple(b for ind in self.indicators for b in ind.baselines)

    def to_frame(self) -> pd.DataFrame:
        """Return this plan's values as a tidy frame; see :func:`eduplans.to_frame`."""
        from ._frame import to_frame

        return to_frame(self)

    def save(
        self, path: str | os.PathLike[str], *, write_source: bool = True, overwrite: bool = False
    ) -> Path:
        """Write this plan in the bundled plan file format (docs/data-format.md).

        Parameters
        ----------
        path
            The plan file to write; :func:`eduplans.read_plan` reads it back into an equal plan.
        write_source
            Also write the source text beside it (under ``source_name`` or ``<id>.txt``).
        overwrite
            Replace an existing plan file; by default an existing file is an error.

        Returns
        -------
        Path
            The file written.

        Raises
        ------
        DataError
            If the plan cannot be written in the file format (a region whose parent is outside
            the bundled region table, a source name with a folder part, a lone surrogate in a
            text).
        OverwriteError
            If the file exists (and ``overwrite`` is False), or a different source file is in
            the way; nothing is written (as :func:`eduplans.export` and
            :func:`eduplans.plot.save` do).
        WriteError
            If a file cannot be written (a folder in the way, no space, no permission); both
            files go to temporary names first, so a failed save leaves nothing behind.

        """
        from ._writer import save_plan

        return save_plan(self, path, write_source=write_source, overwrite=overwrite)

    def _repr_html_(self) -> str:
        import html

        e = html.escape
        chain = (
            " ⊂ ".join(e(r.name) for r in (self.region, *self.region.ancestors))
            if self.region is not None
            else "region unknown"
        )
        rows = "".join(
            f"<tr><td>{e(ind.full_name)}</td><td>{e(ind.key or '')}</td><td>{v.kind}</td>"
            f"<td>{v.year}</td><td>{e(v.text)}</td><td>{e(v.comparator.value)}</td>"
            f"<td>{e(ind.unit)}</td><td>{e(ind.binding.value)}</td>"
            f"<td>{e(';'.join(v.flags))}</td></tr>"
            for ind in self.indicators
            for v in ind.values
        )
        head = "".join(
            f"<th>{h}</th>"
            for h in ("indicator", "key", "kind", "year", "text", "cmp", "unit", "binding", "flags")
        )
        return (
            f"<p><b>{e(self.title)}</b> <code>{e(self.id)}</code><br>{chain} · "
            f"{e(self.kind.value)} {self.period[0]}–{self.period[1]} · {e(self.status.value)} · "
            f"issued {self.issued} by {e(self.issuer)}</p>"
            f"<details><summary>{len(self.indicators)} indicators</summary>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></details>"
        )

    def __repr__(self) -> str:
        n_values = sum(len(i.baselines) + len(i.targets) for i in self.indicators)
        return (
            f"Plan(id={self.id!r}, region={self.region.name if self.region else None!r}, "
            f"kind={self.kind.value!r}, "
            f"period={self.period}, indicators={len(self.indicators)}, values={n_values})"
        )

    # --- review: each edit returns a new plan, checked by the constructors like any other ---

    def replace_value(
        self,
        indicator: int | str,
        *,
        kind: str = "target",
        year: int | None = None,
        **changes: Any,
    ) -> Plan:
        r"""Return a copy with one value's fields changed; its span stays where it is.

        Parameters
        ----------
        indicator
            Position in ``indicators``, or the indicator's name, full name or key.
        kind
            ``"target"`` or ``"baseline"``.
        year
            The value's year; may be left out when the indicator has one value of ``kind``.
        **changes
            New ``value``, ``value_high``, ``comparator``, ``text``, ``note``, ``flags`` or
            ``hedges``.

        Returns
        -------
        Plan
            The edited plan (this one is unchanged).

        Raises
        ------
        DataError
            If no value or several match, a field is not editable, the model rejects the value
            (a range without ``value_high``, flags without a note …), the new number or
            comparator disagrees with the text (change ``text`` too, or flag
            ``comparator_from_context`` with a note) or the text is not in the quote: the checks
            :func:`eduplans.load` runs on the saved file.

        Examples
        --------
        >>> import eduplans
        >>> plan = eduplans.parse_plan("某县“十四五”教育规划\n到2025年,毛入园率达到95%以上。")
        >>> try:
        ...     plan.replace_value(0, year=2025, value=96.0)
        ... except eduplans.DataError as exc:
        ...     print(exc)
        targets[0]: value 96 disagrees with its text '95%以上', which reads 95
        >>> plan.replace_value(0, year=2025, value=96.0, text="96%")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        eduplans._errors.DataError: targets[0]: text '96%' does not occur in its quote ...
        >>> plan.replace_value(0, year=2025, note="checked").targets[0].note
        'checked'

        """
        from ._review import replace_value

        return replace_value(self, indicator, kind=kind, year=year, changes=changes)

    def drop_value(
        self, indicator: int | str, *, kind: str = "target", year: int | None = None
    ) -> Plan:
        """Return a copy without one value (an indicator left with none is dropped).

        Parameters
        ----------
        indicator
            Position in ``indicators``, or the indicator's name, full name or key.
        kind
            ``"target"`` or ``"baseline"``.
        year
            The value's year; may be left out when the indicator has one value of ``kind``.

        Returns
        -------
        Plan
            The edited plan.

        Raises
        ------
        DataError
            If no value or several match.

        """
        from ._review import drop_value

        return drop_value(self, indicator, kind=kind, year=year)

    def set_key(self, indicator: int | str, key: str | None) -> Plan:
        """Return a copy with one indicator's catalog key set (None: no key).

        Parameters
        ----------
        indicator
            Position in ``indicators``, or the indicator's name, full name or key.
        key
            A key of :func:`eduplans.catalog`, or None.

        Returns
        -------
        Plan
            The edited plan.

        Raises
        ------
        UnknownKeyError
            If the key is not in the catalog (the message suggests close keys).
        DataError
            If no indicator or several match.

        """
        from ._review import set_key

        return set_key(self, indicator, key)

    def set_region(self, region: Region | str) -> Plan:
        """Return a copy for another region.

        Parameters
        ----------
        region
            A :class:`Region`, a GB/T 2260 code of the bundled region table, or a region name
            (Chinese or English) that names one region of it.

        Returns
        -------
        Plan
            The edited plan.

        Raises
        ------
        DataError
            If the code or name names no region, or several.

        """
        from ._review import set_region

        return set_region(self, region)
