"""Comparing regions: the wide comparison frame, national references and the region hierarchy.

The schema of every frame here is documented in docs/compare.md; other packages depend on it.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import TYPE_CHECKING, Any, Literal

from ._catalog import catalog
from ._errors import DataError, NoDataError, UnitError, UnknownKeyError
from ._model import Baseline, Indicator, Plan, Target
from ._once import once
from ._units import check_compatible
from ._vocab import Comparator

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COMPARE_COLUMNS", "compare", "hierarchy", "national"]

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
    "binding": "object",
    "baseline_year": "Int64",
    "baseline_value": "float64",
    "baseline_text": "object",
    "target_year": "int64",
    "target_value": "float64",
    "target_value_high": "float64",
    "target_comparator": "object",
    "target_text": "object",
    "target_flags": "object",
    "derived": "bool",
    "change": "float64",
    "change_per_year": "float64",
    "change_unit": "object",
    "national_year": "Int64",
    "national_value": "float64",
    "national_comparator": "object",
    "national_text": "object",
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
    "comparator", "text", "unit", "flags", "derived",
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
            raise TypeError(f"keys must be str, not {type(key).__name__}")
        if key not in known:
            import difflib

            close = difflib.get_close_matches(key, list(known), n=3, cutoff=0.5)
            hint = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
            raise UnknownKeyError(f"{key!r} is not a catalog key{hint} (see eduplans.catalog())")
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
    items = [plans] if isinstance(plans, Plan) else list(plans)
    for i, plan in enumerate(items):
        if not isinstance(plan, Plan):
            raise TypeError(f"plans[{i}] is a {type(plan).__name__}, not a Plan")
    from ._collection import unique_ids

    unique_ids(items)
    return items


_RATE_FLAGS = frozenset({"per_year", "per_unit"})


def _rank(ind: Indicator, value: Baseline | Target) -> tuple[int, int, int]:
    """Totals before rates (每年, 每所学校), table before prose, then the earliest in the text."""
    return (
        1 if _RATE_FLAGS & set(value.flags) else 0,
        0 if ind.origin == "table" else 1,
        value.span.start,
    )


def _describe(ind: Indicator, v: Baseline | Target) -> str:
    where = "table" if ind.origin == "table" else "text"
    return f"{v.kind} {v.year} {v.text} ({where}: {ind.full_name})"


@dataclass(frozen=True, slots=True)
class _Row:
    plan: Plan
    key: str
    year: int
    target: tuple[Indicator, Target]
    baseline: tuple[Indicator, Baseline] | None
    others: tuple[tuple[Indicator, Baseline | Target], ...]


def _rows_for(plan: Plan, key: str) -> list[_Row]:
    inds = [i for i in plan.indicators if i.key == key]
    if not inds:
        return []
    units = {i.unit for i in inds}
    first, *other_units = sorted(units)
    for other in other_units:  # incompatible units get check_compatible's message
        check_compatible(first, other, what=f"{key} values of {plan.id}")
    if other_units:
        raise UnitError(f"{plan.id} states {key} in several units ({', '.join(sorted(units))})")
    targets = sorted(((i, t) for i in inds for t in i.targets), key=lambda it: _rank(*it))
    baselines = sorted(((i, b) for i in inds for b in i.baselines), key=lambda it: _rank(*it))
    rows = []
    for year in sorted({t.year for _, t in targets}):
        of_year = [(i, t) for i, t in targets if t.year == year]
        chosen = of_year[0]
        earlier = [(i, b) for i, b in baselines if b.year < year]
        base = None
        if earlier:
            latest = max(b.year for _, b in earlier)
            base = next((i, b) for i, b in earlier if b.year == latest)
        others: list[tuple[Indicator, Baseline | Target]] = [
            it for it in of_year[1:] if it[1] is not chosen[1]
        ]
        if base is not None:
            others += [(i, b) for i, b in earlier if b.year == base[1].year and b is not base[1]]
        rows.append(_Row(plan, key, year, chosen, base, tuple(others)))
    return rows


def _change(
    base: Baseline | None, target_value: float | None, target_year: int
) -> tuple[float, float]:
    nan = float("nan")
    if base is None or base.magnitude is None or target_value is None:
        return nan, nan
    change = target_value - base.magnitude
    years = target_year - base.year
    return change, (change / years if years > 0 else nan)


def _frame_row(row: _Row, *, derived_year: int | None) -> dict[str, Any]:
    nan = float("nan")
    ind, target = row.target
    base = row.baseline[1] if row.baseline else None
    value = target.magnitude
    high = target.upper_magnitude
    comparator = target.comparator.value
    year = row.year
    derived = False
    if derived_year is not None and derived_year != row.year:
        # a straight path from the baseline to the target, read at derived_year
        assert base is not None and base.magnitude is not None and value is not None
        share = (derived_year - base.year) / (row.year - base.year)
        value = base.magnitude + share * (value - base.magnitude)
        high, comparator, year, derived = None, Comparator.APPROX.value, derived_year, True
    change, per_year = _change(base, value, year)
    national = _national_target(row.key, year) if not derived else None
    if national is not None:
        check_compatible(national.unit, ind.unit, what=f"{row.key} values")
    entry = catalog()[row.key]
    flags = ";".join([*sorted(target.flags), *target.hedges])
    conflict = "conflict" in target.flags or any("conflict" in v.flags for _, v in row.others)
    if base is not None and "conflict" in base.flags:
        conflict = True
    return {
        "key": row.key,
        "label_en": entry.label_en,
        "plan_id": row.plan.id,
        "region": row.plan.region.name,
        "region_en": row.plan.region.name_en,
        "region_code": row.plan.region.code,
        "level": row.plan.region.level.value,
        "indicator": ind.full_name,
        "unit": ind.unit,
        "binding": ind.binding.value,
        "baseline_year": base.year if base is not None else None,
        "baseline_value": base.magnitude
        if base is not None and base.magnitude is not None
        else nan,
        "baseline_text": base.text if base is not None else "",
        "target_year": year,
        "target_value": nan if value is None else value,
        "target_value_high": nan if high is None else high,
        "target_comparator": comparator,
        "target_text": target.text if not derived else f"(path to {target.text} in {row.year})",
        "target_flags": flags,
        "derived": derived,
        "change": change,
        "change_per_year": per_year,
        "change_unit": "percentage_point" if ind.unit == "percent" else ind.unit,
        "national_year": national.year if national else None,
        "national_value": national.value if national else nan,
        "national_comparator": national.comparator if national else "",
        "national_text": national.text if national else "",
        "gap_to_national": (value - national.value) if national and value is not None else nan,
        "alternatives": "; ".join(_describe(i, v) for i, v in row.others),
        "conflict": conflict,
        "quote": target.span.quote,
        "source_start": target.span.start,
        "source_end": target.span.end,
    }


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
    ValueError
        If ``kind`` is unknown, or ``"interpolated"`` is asked without a ``year``.

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
        raise ValueError(f"kind must be 'stated' or 'interpolated', not {kind!r}")
    if kind == "interpolated" and year is None:
        raise ValueError("kind='interpolated' needs the year to compare at")
    items = _plans(plans)
    wanted = _known_keys(keys)
    explicit = wanted is not None
    if wanted is None:
        wanted = sorted({i.key for p in items for i in p.indicators if i.key and i.targets})
    rows: list[dict[str, Any]] = []
    for key in wanted:
        found = [r for plan in items for r in _rows_for(plan, key)]
        units = sorted({r.target[0].unit for r in found})
        for other in units[1:]:
            check_compatible(units[0], other, what=f"{key} targets")
        if not found and explicit:
            raise NoDataError(f"no plan sets a target for {key!r} ({catalog()[key].name_zh})")
        for r in found:
            if year is None or r.year == year:
                rows.append(_frame_row(r, derived_year=None))
            elif kind == "interpolated" and r.baseline is not None:
                base = r.baseline[1]
                ok = base.magnitude is not None and r.target[1].magnitude is not None
                ok = ok and r.target[1].comparator is not Comparator.RANGE
                stated = {x.year for x in found if x.plan is r.plan}
                if ok and base.year < year < r.year and year not in stated:
                    rows.append(_frame_row(r, derived_year=year))
    if not rows:
        years = sorted({r.year for key in wanted for p in items for r in _rows_for(p, key)})
        if not years:
            raise NoDataError("no plan sets a target for any catalog indicator")
        raise NoDataError(f"no target for year {year} (targets exist for {years})")
    frame = pd.DataFrame(rows, columns=list(COMPARE_COLUMNS))
    frame = frame.astype(COMPARE_COLUMNS)
    order = frame.sort_values(["key", "target_year", "region_code", "region"], kind="stable")
    return order.reset_index(drop=True)


def hierarchy(plans: Iterable[Plan], key: str, *, region: str) -> pd.DataFrame:
    """Set a region's values of one indicator against those of its parent regions.

    Parameters
    ----------
    plans
        The plans to look in (the region's and its parents').
    key
        A catalog key.
    region
        The region's name (``"洛阳市"``) or code.

    Returns
    -------
    pandas.DataFrame
        One row per baseline or target value of ``key`` in the region's plans and its ancestors'
        plans, columns ``region, region_en, level, depth, plan_id, kind, year, value,
        value_high, comparator, text, unit, flags, derived``; ``depth`` is 0 for the region, 1
        for its parent and so on. Sorted by depth and year.

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
    own = [p for p in items if region in (p.region.name, p.region.code)]
    if not own:
        names = sorted({p.region.name for p in items})
        raise NoDataError(f"no plan for region {region!r} (have: {', '.join(names)})")
    chain = [own[0].region, *own[0].region.ancestors]
    rows: list[dict[str, Any]] = []
    for depth, reg in enumerate(chain):
        for plan in (p for p in items if p.region == reg):
            for ind in (i for i in plan.indicators if i.key == key):
                for v in ind.values:
                    rows.append(
                        {
                            "region": reg.name,
                            "region_en": reg.name_en,
                            "level": reg.level.value,
                            "depth": depth,
                            "plan_id": plan.id,
                            "kind": v.kind,
                            "year": v.year,
                            "value": float("nan") if v.magnitude is None else v.magnitude,
                            "value_high": float("nan")
                            if v.upper_magnitude is None
                            else v.upper_magnitude,
                            "comparator": v.comparator.value,
                            "text": v.text,
                            "unit": ind.unit,
                            "flags": ";".join([*sorted(v.flags), *v.hedges]),
                            "derived": False,
                        }
                    )
    if not rows:
        raise NoDataError(f"no plan of {region} or its parent regions sets {key!r}")
    units = sorted({str(r["unit"]) for r in rows})
    for other in units[1:]:
        check_compatible(units[0], other, what=f"{key} values")
    frame = pd.DataFrame(rows, columns=list(HIERARCHY_COLUMNS))
    frame = frame.drop_duplicates(["depth", "kind", "year", "value", "comparator"])
    return frame.sort_values(["depth", "year", "kind"], kind="stable").reset_index(drop=True)
