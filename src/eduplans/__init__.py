"""eduplans: Chinese regional education plans, made comparable.

Typed plans, indicators and targets loaded from bundled, provenance-checked data: every number
points to its verbatim quote in the bundled source text.

>>> import eduplans
>>> plans = eduplans.load()
>>> frame = plans.to_frame()

``import eduplans`` is light: pandas and pint are imported on first use.
"""

from __future__ import annotations

from typing import Any as _Any

from ._align import Explanation, align, cluster, explain
from ._catalog import CatalogEntry, catalog
from ._collection import PlanCollection
from ._compare import COMPARE_COLUMNS, compare, hierarchy, national
from ._errors import (
    DataError,
    EduplansError,
    NoDataError,
    ParseError,
    PlanNotFoundError,
    UnitError,
    UnknownKeyError,
    ValueTextError,
)
from ._export import DATA_VERSION, MissingDependencyError, cite, export
from ._frame import FRAME_COLUMNS, to_frame
from ._loader import load, read_plan, regions
from ._model import Baseline, Indicator, Plan, Region, SourceSpan, Target
from ._parse import parse_plan, parse_plans
from ._units import UNITS, ParsedValue, check_compatible, format_value, get_registry, parse_value
from ._vocab import FLAGS, Binding, Comparator, PlanKind, PlanStatus, RegionLevel

__version__ = "0.1.0"


def __getattr__(name: str) -> _Any:
    """Import ``eduplans.plot`` (and with it matplotlib) on first use only."""
    if name == "plot":
        import importlib

        return importlib.import_module("eduplans.plot")
    raise AttributeError(f"module 'eduplans' has no attribute {name!r}")


__all__ = [
    "Baseline",
    "Binding",
    "COMPARE_COLUMNS",
    "CatalogEntry",
    "Comparator",
    "DATA_VERSION",
    "DataError",
    "EduplansError",
    "Explanation",
    "FLAGS",
    "FRAME_COLUMNS",
    "Indicator",
    "MissingDependencyError",
    "NoDataError",
    "ParseError",
    "ParsedValue",
    "Plan",
    "PlanCollection",
    "PlanKind",
    "PlanNotFoundError",
    "PlanStatus",
    "Region",
    "RegionLevel",
    "SourceSpan",
    "Target",
    "UNITS",
    "UnitError",
    "UnknownKeyError",
    "ValueTextError",
    "__version__",
    "align",
    "catalog",
    "check_compatible",
    "cite",
    "cluster",
    "compare",
    "explain",
    "export",
    "format_value",
    "get_registry",
    "hierarchy",
    "load",
    "national",
    "parse_plan",
    "parse_plans",
    "parse_value",
    "read_plan",
    "regions",
    "to_frame",
]
