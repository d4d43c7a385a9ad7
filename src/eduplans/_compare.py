"""Comparing regions: the wide comparison frame, national references and the region hierarchy.

The schema of every frame here is documented in docs/compare.md; other packages depend on it.
"""

from __future__ import annotations

import operator
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import TYPE_CHECKING, Any, Literal

from ._catalog import catalog, unknown_key
from ._errors import (
    ArgumentError,
    ArgumentTypeError,
    DataError,
    NoDataError,
    UnitError,
)
from ._model import Baseline, Indicator, Plan, Region, Target
from ._once import once
from ._units import convert, convertible, format_value, stated
from ._vocab import RATE_FLAGS, Comparator, Measure

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COMPARE_COLUMNS", "STATUSES", "compare", "hierarchy", "national"]

#: Columns of :func:`compare`, in order, with their pandas dtypes.
COMPARE_COLUMNS: dict[str, str] = {
    "key": "object",
    "label_en": "object",
    "plan_id": "object",
    "region": "object",
    "region_en": "object",
    "region_code": "object",
    "level": "object",
    "indicator": "object",
    "unit": "object",
    "stated_unit": "object",
    "binding": "object",
    "measure": "object",
    "baseline_year": "Int64",
    "baseline_value": "float64",
    "baseline_text": "object",
    "target_start_year": "Int64",
    "target_year": "int64",
    "target_value": "float64",
    "target_value_high": "float64",
    "target_comparator": "object",
    "target_text": "object",
    "target_flags": "object",
    "derived": "bool",
    "status": "object",
    "change": "float64",
    "change_per_year": "float64",
    "gap_to_bound": "float64",
    "gap_to_bound_high": "float64",
    "change_unit": "object",
    "national_year": "Int64",
    "national_value": "float64",
    "national_comparator": "object",
    "national_text": "object",
    "national_text_en": "object",
    "gap_to_national": "float64",
    "alternatives": "object",
    "conflict": "bool",
    "quote": "object",
    "source_start": "int64",
    "source_end": "int64",
}

NATIONAL_COLUMNS = (
    "key", "label_en", "indicator", "kind", "year", "value", "comparator", "unit", "text",
    "document", "quote",
)  # fmt: skip

HIERARCHY_COLUMNS = (
    "region", "region_en", "level", "depth", "plan_id", "kind", "year", "value", "value_high",
    "comparator", "text", "unit", "flags", "derived", "measure", "start_year", "stated_unit",
)  # fmt: skip


# --- national references -----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _National:
    key: str
    indicator: str
    kind: str
    year: int
    value: float
    comparator: str
    unit: str
    text: str
    document: str
    quote: str


@once
def _national_values() -> tuple[_National, ...]:
    name = "eduplans/data/national.toml"
    doc = tomllib.loads(files("eduplans").joinpath("data/national.toml").read_text("utf-8"))
    documents = {d["id"]: d["title"] for d in doc["document"]}
    keys = catalog()
    out = []
    for i, v in enumerate(doc["value"]):
        where = f"value[{i}]"
        if v["key"] not in keys:
            raise DataError(f"unknown catalog key {v['key']!r}", path=name, field=f"{where}.key")
        if v["document"] not in documents:
            raise DataError(f"unknown document {v['document']!r}", path=name, field=where)
        out.append(
            _National(
                key=v["key"],
                indicator=v["indicator"],
                kind=v["kind"],
                year=v["year"],
                value=float(v["value"]),
                comparator=Comparator(v["comparator"]).value,
                unit=v["unit"],
                text=v["text"],
                document=documents[v["document"]],
                quote=v["quote"],
            )
        )
    return tuple(out)


def _known_keys(keys: str | Sequence[str] | None) -> list[str] | None:
    if keys is None:
        return None
    wanted = [keys] if isinstance(keys, str) else list(keys)
    known = catalog()
    for key in wanted:
        if not isinstance(key, str):
            raise ArgumentTypeError(f"keys must be str, not {type(key).__name__}")
        if key not in known:
            raise unknown_key(key, known)
    return wanted


def national(keys: str | Sequence[str] | None = None) -> pd.DataFrame:
    """Return the national reference targets and the 2020 actuals they start from.

    Parameters
    ----------
    keys
        A catalog key or keys to keep; all when None.

    Returns
    -------
    pandas.DataFrame
        One row per value, columns ``key, label_en, indicator, kind, year, value, comparator,
        unit, text, document, quote`` (see docs/compare.md). ``quote`` is the sentence as the
        document was reported.

    Raises
    ------
    UnknownKeyError
        If a key is not in the catalog.

    Examples
    --------
    >>> import eduplans
    >>> eduplans.national("preschool_gross_enrolment_rate")[["year", "comparator", "value"]]
       year comparator  value
    0  2025         >=   90.0
    1  2025          >   90.0
    2  2020          =   85.2
    """
    import pandas as pd

    wanted = _known_keys(keys)
    entries = catalog()
    rows = [
        {
            "key": v.key,
            "label_en": entries[v.key].label_en,
            "indicator": v.indicator,
            "kind": v.kind,
            "year": v.year,
            "value": v.value,
            "comparator": v.comparator,
            "unit": v.unit,
            "text": v.text,
            "document": v.document,
            "quote": v.quote,
        }
        for v in _national_values()
        if wanted is None or v.key in wanted
    ]
    return pd.DataFrame(rows, columns=list(NATIONAL_COLUMNS)).astype(
        {"year": "int64", "value": "float64"}
    )


def _national_target(key: str, year: int) -> _National | None:
    for v in _national_values():
        if v.key == key and v.kind == "target" and v.year == year:
            return v
    return None


# --- choosing the statement of an indicator ----------------------------------------------------
def _plans(plans: Plan | Iterable[Plan]) -> list[Plan]:
    from ._collection import plan_items, unique_ids

    items = plan_items(plans)
    unique_ids(items)
    return items


#: Statuses of :func:`compare` rows, each naming the rule that gave the row its numbers
#: (docs/compare.md#status).
STATUSES: tuple[str, ...] = (
    "raise_to", "cut_to", "hold_at", "raise_above", "keep_above", "cut_below", "keep_below",
    "raise_into", "cut_into", "keep_within", "keep", "no_baseline", "period_total", "increment",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Stmt:
    """One value of an indicator, its numbers expressed in the catalog entry's unit."""

    ind: Indicator
    v: Baseline | Target
    value: float | None
    high: float | None

    @property
    def rates(self) -> frozenset[str]:
        return RATE_FLAGS & frozenset(self.v.flags)

    @property
    def reading(self) -> tuple[str, float | None, float | None]:
        return (self.v.comparator.value, self.value, self.high)


def _statements(plan: Plan, key: str) -> list[_Stmt]:
    """Every value of ``key`` in ``plan``, in the catalog unit (1 小时 → 60 minutes)."""
    unit = catalog()[key].unit
    out = []
    for ind in (i for i in plan.indicators if i.key == key):
        if not convertible(ind.unit, unit):
            raise UnitError(
                f"cannot compare {key} values in {unit!r} with {plan.id}'s {ind.full_name!r} "
                f"in {ind.unit!r}: different kinds"
            )
        for v in ind.values:
            if "year_unknown" in v.flags:  # a year the page does not give cannot be lined up
                continue
            low = None if v.magnitude is None else convert(v.magnitude, ind.unit, unit)
            high = None if v.upper_magnitude is None else convert(v.upper_magnitude, ind.unit, unit)
            out.append(_Stmt(ind, v, low, high))
    return out


def _rank(s: _Stmt, measure: Measure) -> tuple[int, int, int, int]:
    """Rank statements: the catalog's measure first, totals before rates, table first.

    Rates are values flagged 每年 or 每所学校; ties go to the earliest in the text.
    """
    return (
        0 if s.v.measure is measure else 1,
        1 if s.rates else 0,
        0 if s.ind.origin == "table" else 1,
        s.v.span.start,
    )


def _describe(s: _Stmt) -> str:
    where = "table" if s.ind.origin == "table" else "text"
    return f"{s.v.kind} {s.v.year} {s.v.text} ({where}: {s.ind.full_name})"


def _conflicting(chosen: _Stmt, pool: Iterable[_Stmt]) -> bool:
    """Tell whether the plan contradicts itself on ``chosen``.

    True when another statement of the same kind, year, measure and rate flags reads differently
    (another number or another comparator), or either is flagged ``conflict``.
    """
    for other in pool:
        if other is chosen:
            continue
        same = (other.v.kind, other.v.year, other.v.measure, other.rates) == (
            chosen.v.kind,
            chosen.v.year,
            chosen.v.measure,
            chosen.rates,
        )
        if same and (other.reading != chosen.reading or "conflict" in other.v.flags):
            return True
    return "conflict" in chosen.v.flags


@dataclass(frozen=True, slots=True)
class _Row:
    plan: Plan
    key: str
    year: int
    target: _Stmt
    baseline: _Stmt | None
    others: tuple[_Stmt, ...]
    conflict: bool


def _rows_for(plan: Plan, key: str) -> list[_Row]:
    stmts = _statements(plan, key)
    if not stmts:
        return []
    measure = catalog()[key].measure
    targets = sorted((s for s in stmts if s.v.kind == "target"), key=lambda s: _rank(s, measure))
    baselines = sorted(
        (s for s in stmts if s.v.kind == "baseline"), key=lambda s: _rank(s, measure)
    )
    rows = []
    for year in sorted({s.v.year for s in targets}):
        of_year = [s for s in targets if s.v.year == year]
        chosen = of_year[0]
        before = chosen.v.start_year if chosen.v.start_year is not None else year
        # a baseline of the same measure: a level for a level, the last period's total for a total
        earlier = [
            s
            for s in baselines
            if s.v.measure is chosen.v.measure and s.rates == chosen.rates and s.v.year < before
        ]
        base = None
        if earlier:
            latest = max(s.v.year for s in earlier)
            base = next(s for s in earlier if s.v.year == latest)
        others = [s for s in of_year if s is not chosen]
        if base is not None:
            others += [s for s in baselines if s.v.year == base.v.year and s is not base]
        conflict = _conflicting(chosen, of_year) or (
            base is not None and _conflicting(base, baselines)
        )
        rows.append(_Row(plan, key, year, chosen, base, tuple(others), conflict))
    return rows


_Assessed = tuple[str, float, float, float, float]


def _assess(row: _Row, value: float | None, high: float | None, year: int) -> _Assessed:
    """Status, change, change per year, gap to the bound and gap to a range's upper end."""
    nan = float("nan")
    target, base = row.target.v, row.baseline
    start = base.value if base is not None else None
    if target.measure in (Measure.CHANGE, Measure.CHANGE_PER_YEAR):
        return "increment", nan, nan, nan, nan  # the target is itself a change
    if target.measure is Measure.CUMULATIVE:
        point = {Comparator.EQ, Comparator.APPROX}
        if (
            base is not None
            and start is not None
            and value is not None
            and target.comparator in point
            and base.v.comparator in point
        ):
            return "period_total", value - start, nan, nan, nan  # this period's total − the last
        return "period_total", nan, nan, nan, nan
    cmp = target.comparator
    if cmp is Comparator.MAINTAIN:
        return "keep", nan, nan, nan, nan
    if base is None or start is None or value is None:
        return "no_baseline", nan, nan, nan, nan
    gap = value - start
    if cmp in (Comparator.EQ, Comparator.APPROX):
        years = year - base.v.year
        status = "raise_to" if gap > 0 else "cut_to" if gap < 0 else "hold_at"
        return status, gap, (gap / years if years > 0 else nan), nan, nan
    if cmp in (Comparator.GE, Comparator.GT):
        met = start >= value if cmp is Comparator.GE else start > value
        return ("keep_above" if met else "raise_above"), nan, nan, gap, nan
    if cmp in (Comparator.LE, Comparator.LT):
        met = start <= value if cmp is Comparator.LE else start < value
        return ("keep_below" if met else "cut_below"), nan, nan, gap, nan
    assert cmp is Comparator.RANGE and high is not None
    status = "raise_into" if start < value else "cut_into" if start > high else "keep_within"
    return status, nan, nan, gap, high - start


def _interpolable(row: _Row) -> bool:
    """Only a point target (=, ~) of a level or a flow, from a baseline, lies on a path."""
    target, base = row.target, row.baseline
    return (
        base is not None
        and base.value is not None
        and target.value is not None
        and target.v.measure in (Measure.LEVEL, Measure.FLOW)
        and target.v.comparator in (Comparator.EQ, Comparator.APPROX)
    )


def _frame_row(row: _Row, *, derived_year: int | None) -> dict[str, Any]:
    nan = float("nan")
    ind, target = row.target.ind, row.target.v
    base = row.baseline
    value, high = row.target.value, row.target.high
    comparator = target.comparator.value
    year = row.year
    derived = False
    if derived_year is not None and derived_year != row.year:
        # a straight path from the baseline to a point target, read at derived_year
        assert base is not None and base.value is not None and value is not None
        share = (derived_year - base.v.year) / (row.year - base.v.year)
        value = base.value + share * (value - base.value)
        high, comparator, year, derived = None, Comparator.APPROX.value, derived_year, True
    status, change, per_year, gap, gap_high = _assess(row, value, high, year)
    entry = catalog()[row.key]
    national = None
    if not derived and target.measure is Measure.LEVEL:
        national = _national_target(row.key, year)
    national_value = nan
    if national is not None:
        if not convertible(national.unit, entry.unit):
            raise UnitError(f"cannot compare {row.key} values in {entry.unit!r} with the "
                            f"national target in {national.unit!r}")  # fmt: skip
        national_value = stated(convert(national.value, national.unit, entry.unit))
    flags = ";".join([*sorted(target.flags), *target.hedges])
    # computed numbers (differences, converted units, a path's points) without binary noise
    change, per_year, gap, gap_high = (stated(x) for x in (change, per_year, gap, gap_high))
    gap_national = stated(value - national_value) if national and value is not None else nan
    return {
        "key": row.key,
        "label_en": entry.label_en,
        "plan_id": row.plan.id,
        "region": row.plan.region.name if row.plan.region else None,
        "region_en": row.plan.region.name_en if row.plan.region else None,
        "region_code": row.plan.region.code if row.plan.region else None,
        "level": row.plan.region.level.value if row.plan.region else None,
        "indicator": ind.full_name,
        "unit": entry.unit,
        "stated_unit": ind.unit,
        "binding": ind.binding.value,
        "measure": target.measure.value,
        "baseline_year": base.v.year if base is not None else None,
        "baseline_value": stated(base.value) if base is not None else nan,
        "baseline_text": base.v.text if base is not None else "",
        "target_start_year": target.start_year,
        "target_year": year,
        "target_value": stated(value),
        "target_value_high": stated(high),
        "target_comparator": comparator,
        "target_text": target.text if not derived else f"(path to {target.text} in {row.year})",
        "target_flags": flags,
        "derived": derived,
        "status": status,
        "change": change,
        "change_per_year": per_year,
        "gap_to_bound": gap,
        "gap_to_bound_high": gap_high,
        "change_unit": "percentage_point" if entry.unit == "percent" else entry.unit,
        "national_year": national.year if national else None,
        "national_value": national_value,
        "national_comparator": national.comparator if national else "",
        "national_text": national.text if national else "",
        "national_text_en": (
            format_value(national.comparator, national_value, unit=entry.unit, lang="en")
            if national
            else ""
        ),
        "gap_to_national": gap_national,
        "alternatives": "; ".join(_describe(s) for s in row.others),
        "conflict": row.conflict,
        "quote": target.span.quote,
        "source_start": target.span.start,
        "source_end": target.span.end,
    }


def _year(year: object) -> int | None:
    """``year`` as an int (a numpy integer too); a str, float or bool is refused, not coerced."""
    if year is None:
        return None
    if not isinstance(year, bool):
        try:
            return operator.index(year)  # type: ignore[arg-type]
        except TypeError:
            pass
    raise ArgumentTypeError(f"year must be an int such as 2025, not {type(year).__name__} {year!r}")


def compare(
    plans: Plan | Iterable[Plan],
    keys: str | Sequence[str] | None = None,
    *,
    year: int | None = None,
    kind: Literal["stated", "interpolated"] = "stated",
) -> pd.DataFrame:
    """Set the regions' targets for one or more indicators side by side.

    Parameters
    ----------
    plans
        A :class:`PlanCollection`, a :class:`Plan` or any iterable of plans.
    keys
        A catalog key or keys; None compares every key some plan sets.
    year
        Keep targets for this year only. With ``kind="interpolated"``, the year to read each
        region's straight baseline-to-target path at.
    kind
        ``"stated"`` (default): the targets as the plans state them, each with its own year.
        ``"interpolated"``: also read a straight path from each baseline to its target at
        ``year`` for regions whose baseline and target years enclose it (``derived`` rows).

    Returns
    -------
    pandas.DataFrame
        One row per region × indicator × target year, columns :data:`COMPARE_COLUMNS`
        (documented in docs/compare.md), sorted by key, target year and region.

    Raises
    ------
    UnknownKeyError
        If a key is not in the catalog (a :class:`KeyError` too); the message suggests keys.
    NoDataError
        If no plan sets the key(s), or none has a target for ``year``.
    UnitError
        If one key's values come in incompatible units.
    DataError
        If two plans share a plan id (their values would be counted twice).
    ArgumentError
        If ``kind`` is unknown, or ``"interpolated"`` is asked without a ``year`` (a
        :class:`ValueError` too).
    ArgumentTypeError
        If ``year`` is not an int (``"2025"``, ``2025.0``, ``True``; a :class:`TypeError` too).

    Examples
    --------
    >>> import eduplans
    >>> table = eduplans.compare(eduplans.load(), "preschool_gross_enrolment_rate")
    >>> for row in table.itertuples():
    ...     print(row.region, row.baseline_value, row.target_year, row.target_text)
    邯郸市 nan 2022 93.5%
    杏花岭区 98.91 2025 99
    洛阳市 92.0 2025 94
    从化区 100.23 2025 ≥100
    """
    import pandas as pd

    if kind not in ("stated", "interpolated"):
        raise ArgumentError(f"compare: kind must be 'stated' or 'interpolated', not {kind!r}")
    if kind == "interpolated" and year is None:
        raise ArgumentError("compare: kind='interpolated' needs the year to compare at (year=)")
    year = _year(year)
    items = _plans(plans)
    wanted = _known_keys(keys)
    explicit = wanted is not None
    if wanted is None:
        wanted = sorted({i.key for p in items for i in p.indicators if i.key and i.targets})
    rows: list[dict[str, Any]] = []
    for key in wanted:
        found = [r for plan in items for r in _rows_for(plan, key)]  # all in the catalog unit
        if not found and explicit:
            raise NoDataError(f"no plan sets a target for {key!r} ({catalog()[key].name_zh})")
        for r in found:
            if year is None or r.year == year:
                rows.append(_frame_row(r, derived_year=None))
            elif kind == "interpolated" and _interpolable(r):
                assert r.baseline is not None
                stated = {x.year for x in found if x.plan is r.plan}
                if r.baseline.v.year < year < r.year and year not in stated:
                    rows.append(_frame_row(r, derived_year=year))
    if not rows:
        years = sorted({r.year for key in wanted for p in items for r in _rows_for(p, key)})
        if not years:
            raise NoDataError("no plan sets a target for any catalog indicator")
        raise NoDataError(f"no target for year {year} (targets exist for {years})")
    # column by column in its dtype: inferring first would make a missing text (a region
    # without a code) NaN in a column where other rows hold text, and None where none do
    frame = pd.DataFrame(
        {c: pd.Series([r[c] for r in rows], dtype=dt) for c, dt in COMPARE_COLUMNS.items()}
    )
    order = frame.sort_values(["key", "target_year", "region_code", "region"], kind="stable")
    return order.reset_index(drop=True)


def _same_region(a: Region, b: Region) -> bool:
    """Whether two regions are one division: by code when both have one, else by name."""
    if a.code is not None and b.code is not None:
        return a.code == b.code
    return a.name == b.name and a.level == b.level


def hierarchy(plans: Iterable[Plan], key: str, *, region: str | int) -> pd.DataFrame:
    """Set a region's values of one indicator against those of its parent regions.

    Parameters
    ----------
    plans
        The plans to look in (the region's and its parents').
    key
        A catalog key.
    region
        The region's name (``"洛阳市"``), code, or any key of :data:`eduplans.regions`
        (``"温县"``, ``410825``); its parent chain comes from the region table, so a parsed
        温县 plan is set against the 焦作市 and 河南省 plans given.

    Returns
    -------
    pandas.DataFrame
        One row per baseline or target value of ``key`` in the region's plans and its ancestors'
        plans, columns ``region, region_en, level, depth, plan_id, kind, year, value,
        value_high, comparator, text, unit, flags, derived, measure, start_year, stated_unit``;
        ``depth`` is 0 for the region, 1 for its parent and so on. Values are in the catalog
        entry's ``unit`` (``stated_unit`` is the plan's); one row per distinct statement. Sorted
        by depth and year.

    Raises
    ------
    UnknownKeyError
        If ``key`` is not in the catalog.
    NoDataError
        If no plan of the region, nor of its ancestors, sets ``key``, or the region is unknown.
    """
    import pandas as pd

    _known_keys(key)
    items = _plans(plans)
    own = [p.region for p in items if p.region and region in (p.region.name, p.region.code)]
    if not own:
        from ._errors import RegionNotFoundError
        from ._regions import regions

        try:
            own = [regions.lookup(region)]
        except RegionNotFoundError:
            names = sorted({p.region.name for p in items if p.region})
            raise NoDataError(f"no plan for region {region!r} (have: {', '.join(names)})") from None
    chain = [own[0], *own[0].ancestors]
    rows: list[dict[str, Any]] = []
    for depth, reg in enumerate(chain):
        for plan in (p for p in items if p.region and _same_region(p.region, reg)):
            for st in _statements(plan, key):  # in the catalog unit
                v = st.v
                rows.append(
                    {
                        "region": reg.name,
                        "region_en": reg.name_en,
                        "level": reg.level.value,
                        "depth": depth,
                        "plan_id": plan.id,
                        "kind": v.kind,
                        "year": v.year,
                        "value": float("nan") if st.value is None else st.value,
                        "value_high": float("nan") if st.high is None else st.high,
                        "comparator": v.comparator.value,
                        "text": v.text,
                        "unit": catalog()[key].unit,
                        "flags": ";".join([*sorted(v.flags), *v.hedges]),
                        "derived": False,
                        "measure": v.measure.value,
                        "start_year": v.start_year,
                        "stated_unit": st.ind.unit,
                    }
                )
    if not rows:
        raise NoDataError(f"no plan of {region} or its parent regions sets {key!r}")
    frame = pd.DataFrame(rows, columns=list(HIERARCHY_COLUMNS)).astype({"start_year": "Int64"})
    frame = frame.drop_duplicates(["depth", "kind", "year", "measure", "value", "comparator"])
    return frame.sort_values(["depth", "year", "kind"], kind="stable").reset_index(drop=True)
