"""The tidy frame: one row per baseline or target value (schema in docs/frame.md).

Other packages depend on these columns; change them only with a major version and a note in
CHANGELOG.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ._catalog import catalog
from ._model import Plan

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FRAME_COLUMNS", "to_frame"]

#: Columns of :func:`to_frame`, in order, with their pandas dtypes.
FRAME_COLUMNS: dict[str, str] = {
    "plan_id": "object",
    "region": "object",
    "region_code": "object",
    "level": "object",
    "indicator": "object",
    "key": "object",
    "label_en": "object",
    "kind": "object",
    "year": "int64",
    "value": "float64",
    "value_high": "float64",
    "comparator": "object",
    "unit": "object",
    "text": "object",
    "binding": "object",
    "flags": "object",
    "quote": "object",
    "source_start": "int64",
    "source_end": "int64",
}


def _rows(plan: Plan) -> Iterable[dict[str, Any]]:
    nan = float("nan")
    entries = catalog()
    for ind in plan.indicators:
        for v in ind.values:
            yield {
                "plan_id": plan.id,
                "region": plan.region.name,
                "region_code": plan.region.code,
                "level": plan.region.level.value,
                "indicator": ind.full_name,
                "key": ind.key,
                "label_en": entries[ind.key].label_en if ind.key else None,
                "kind": v.kind,
                "year": v.year,
                "value": nan if v.magnitude is None else v.magnitude,
                "value_high": nan if v.upper_magnitude is None else v.upper_magnitude,
                "comparator": v.comparator.value,
                "unit": v.unit,
                "text": v.text,
                "binding": ind.binding.value,
                "flags": ";".join([*sorted(v.flags), *v.hedges]),
                "quote": v.span.quote,
                "source_start": v.span.start,
                "source_end": v.span.end,
            }


def to_frame(plans: Plan | Iterable[Plan]) -> pd.DataFrame:
    """Return plans' baseline and target values as a tidy frame, one row per value.

    Parameters
    ----------
    plans
        A :class:`Plan`, a :class:`PlanCollection` or any iterable of plans.

    Returns
    -------
    pandas.DataFrame
        Exactly the columns of :data:`FRAME_COLUMNS`, documented in ``docs/frame.md``. Values are
        floats in the unit the plan states, scale words applied (1.5万个学位 → 15000.0
        ``seat``); ``value`` is NaN for qualitative targets (their words are in ``text``).

    Examples
    --------
    >>> import eduplans
    >>> frame = eduplans.to_frame(eduplans.load())
    >>> list(frame.columns[:4])
    ['plan_id', 'region', 'region_code', 'level']

    """
    import pandas as pd

    if isinstance(plans, Plan):
        plans = [plans]
    rows: list[dict[str, Any]] = []
    for i, plan in enumerate(plans):
        if not isinstance(plan, Plan):
            raise TypeError(f"item {i} is a {type(plan).__name__}, not a Plan")
        rows.extend(_rows(plan))
    frame = pd.DataFrame(rows, columns=list(FRAME_COLUMNS))
    return frame.astype(FRAME_COLUMNS)
