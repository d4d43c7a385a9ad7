"""The tidy frame: one row per baseline or target value (schema in docs/frame.md).

Other packages depend on these columns and dtypes; change them only with a note in
CHANGELOG.md (a major version once 1.0 is out).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ._catalog import catalog
from ._model import Plan
from ._units import stated
from ._vocab import FLAGS, Binding, Comparator, Measure, PlanStatus, RegionLevel

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FRAME_COLUMNS", "frame_dtypes", "to_frame"]

#: The closed vocabularies of the categorical columns, in category order.
FRAME_CATEGORIES: dict[str, tuple[str, ...]] = {
    "plan_status": tuple(s.value for s in PlanStatus),
    "level": tuple(lv.value for lv in RegionLevel),
    "origin": ("table", "prose"),
    "kind": ("baseline", "target"),
    "comparator": tuple(c.value for c in Comparator),
    "binding": tuple(b.value for b in Binding),
    "measure": tuple(m.value for m in Measure),
}

#: One boolean column per reading flag (``flag_conflict`` …), in this order.
FLAG_COLUMNS: tuple[str, ...] = tuple(f"flag_{name}" for name in sorted(FLAGS))

#: Columns of :func:`to_frame`, in order, with their pandas dtypes (docs/frame.md).
FRAME_COLUMNS: dict[str, str] = {
    "plan_id": "string",
    "plan_status": "category",
    "region": "string",
    "region_en": "string",
    "region_code": "string",
    "level": "category",
    "province": "string",
    "parent_code": "string",
    "indicator": "string",
    "key": "string",
    "label_en": "string",
    "origin": "category",
    "kind": "category",
    "year": "Int64",
    "value": "float64",
    "value_high": "float64",
    "comparator": "category",
    "unit": "string",
    "text": "string",
    "binding": "category",
    "hedges": "string",
    **dict.fromkeys(FLAG_COLUMNS, "bool"),
    "quote": "string",
    "source_start": "Int64",
    "source_end": "Int64",
    "measure": "category",
    "start_year": "Int64",
}


def frame_dtypes() -> dict[str, Any]:
    """Return the frame's column dtypes as pandas dtype objects, categories included.

    Use it to read an exported CSV back with the documented dtypes (codes stay text)::

        pd.read_csv("eduplans.csv", dtype=eduplans.frame_dtypes(),
                    keep_default_na=False, na_values=[""])

    Returns
    -------
    dict
        Column name → dtype (``pandas.StringDtype()``, ``pandas.CategoricalDtype`` with the
        closed vocabulary, ``"Int64"``, ``"float64"`` or ``"bool"``), in column order.

    Examples
    --------
    >>> import eduplans
    >>> eduplans.frame_dtypes()["kind"].categories.tolist()
    ['baseline', 'target']

    """
    import pandas as pd

    out: dict[str, Any] = {}
    for name, dtype in FRAME_COLUMNS.items():
        if dtype == "category":
            out[name] = pd.CategoricalDtype(list(FRAME_CATEGORIES[name]), ordered=False)
        elif dtype == "string":
            out[name] = pd.StringDtype()
        else:
            out[name] = dtype
    return out


_stated = stated  # 12 significant digits: the precision texts state, without binary noise


def _rows(plan: Plan) -> Iterable[dict[str, Any]]:
    entries = catalog()
    region = plan.region  # None when the parser could not tell it
    province = region.province if region is not None else None
    head = {
        "plan_id": plan.id,
        "plan_status": plan.status.value,
        "region": region.name if region else None,
        "region_en": (region.name_en or None) if region else None,
        "region_code": region.code if region else None,
        "level": region.level.value if region else None,
        "province": province.name if province is not None else None,
        "parent_code": region.parent.code if region and region.parent is not None else None,
    }
    for ind in plan.indicators:
        for v in ind.values:
            flags = set(v.flags)
            # a page that names no year: the model's year is only a placeholder, never a year
            unknown = "year_unknown" in flags
            yield {
                **head,
                "indicator": ind.full_name,
                "key": ind.key,
                "label_en": entries[ind.key].label_en if ind.key else None,
                "origin": ind.origin,
                "kind": v.kind,
                "year": None if unknown else v.year,
                "value": _stated(v.magnitude),
                "value_high": _stated(v.upper_magnitude),
                "comparator": v.comparator.value,
                "unit": v.unit,
                "text": v.text,
                "binding": ind.binding.value,
                "hedges": "、".join(v.hedges) or None,
                **{col: col[5:] in flags for col in FLAG_COLUMNS},
                "quote": v.span.quote,
                "source_start": v.span.start,
                "source_end": v.span.end,
                "measure": v.measure.value,
                "start_year": None if unknown else v.start_year,
            }


def to_frame(plans: Plan | Iterable[Plan]) -> pd.DataFrame:
    """Return plans' baseline and target values as a tidy frame, one row per value.

    Parameters
    ----------
    plans
        A :class:`~eduplans.Plan`, a :class:`~eduplans.PlanCollection` or any iterable of
        plans.

    Returns
    -------
    pandas.DataFrame
        Exactly the columns of :data:`~eduplans.FRAME_COLUMNS` with the dtypes of
        :func:`~eduplans.frame_dtypes`, documented in ``docs/frame.md``: pandas' string dtype
        for text, categoricals for closed vocabularies (``kind``, ``comparator``, ``binding``,
        ``level``, ``plan_status``, ``origin``, ``measure``), nullable ``Int64`` for years and
        offsets, one
        boolean column per reading flag. Values are floats in the unit the plan states, scale
        words applied (1.5万个学位 → 15000.0 ``seat``), to the precision the text states;
        ``value`` is NaN for qualitative targets (their words are in ``text``).

    Raises
    ------
    ArgumentTypeError
        If an item is not a :class:`~eduplans.Plan`.
    DataError
        If two plans share a plan id (their values would be counted twice).

    Examples
    --------
    >>> import eduplans
    >>> frame = eduplans.to_frame(eduplans.load())
    >>> list(frame.columns[:4])
    ['plan_id', 'plan_status', 'region', 'region_en']
    >>> sorted(frame.loc[frame["flag_conflict"], "plan_id"].unique())
    ['conghua-2022', 'luoyang-2022', 'xinghualing-2022']

    """
    import pandas as pd

    from ._collection import plan_items, unique_ids

    items = plan_items(plans)
    rows: list[dict[str, Any]] = []
    unique_ids(items)
    for plan in items:
        rows.extend(_rows(plan))
    frame = pd.DataFrame(rows, columns=list(FRAME_COLUMNS))
    return frame.astype(frame_dtypes())
