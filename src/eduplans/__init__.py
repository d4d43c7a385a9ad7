"""eduplans: Chinese regional education plans, made comparable.

Typed plans, indicators and targets loaded from bundled, provenance-checked data: every number
points to its verbatim quote in the bundled source text.

>>> import eduplans
>>> plans = eduplans.load()
>>> frame = plans.to_frame()

``import eduplans`` is light: pandas, pint and matplotlib are imported on first use, and so are
the alignment rules, the parser and the figures (``align``, ``parse_plan``, ``plot`` …).
"""

from __future__ import annotations

from importlib import import_module as _import_module
from importlib import metadata as _metadata
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

from ._catalog import CatalogEntry, catalog
from ._collection import PlanCollection
from ._compare import COMPARE_COLUMNS, compare, hierarchy, national
from ._errors import (
    AmbiguousRegionError,
    ArgumentError,
    ArgumentTypeError,
    DataError,
    EduplansError,
    MissingDependencyError,
    NoDataError,
    OverwriteError,
    ParseError,
    PlanNotFoundError,
    RegionNotFoundError,
    UnitError,
    UnknownKeyError,
    ValueTextError,
    WriteError,
)
from ._export import DATA_VERSION, cite, export
from ._frame import FRAME_COLUMNS, frame_dtypes, to_frame
from ._loader import load, read_plan
from ._model import Baseline, Diagnostic, Indicator, MetaField, Plan, Region, SourceSpan, Target
from ._regions import RegionTable, regions
from ._review import Problem, validate
from ._units import UNITS, ParsedValue, check_compatible, format_value, get_registry, parse_value
from ._vocab import (
    DOUBTFUL_FLAGS,
    FLAGS,
    MEASURE_FAMILIES,
    Binding,
    Comparator,
    Measure,
    PlanKind,
    PlanStatus,
    RegionLevel,
)
from ._writer import dumps_plan

try:  # the installed distribution's version: pyproject.toml is its one source
    __version__: str = _metadata.version("eduplans")
except _metadata.PackageNotFoundError:  # pragma: no cover - imported from a source tree
    __version__ = "0+unknown"


if _TYPE_CHECKING:
    from . import plot as plot
    from ._align import Explanation, align, cluster, explain
    from ._parse import parse_plan, parse_plans

# Imported on first use (module __getattr__, PEP 562): name -> module that defines it.
_LAZY = {
    "Explanation": "._align",
    "align": "._align",
    "cluster": "._align",
    "explain": "._align",
    "parse_plan": "._parse",
    "parse_plans": "._parse",
    "plot": ".plot",
}


def __getattr__(name: str) -> _Any:
    """Import the alignment, the parser and the figures on first use only."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'eduplans' has no attribute {name!r}")
    value = _import_module(module, __name__)
    if name != "plot":
        value = getattr(value, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "AmbiguousRegionError",
    "ArgumentError",
    "ArgumentTypeError",
    "Baseline",
    "Binding",
    "COMPARE_COLUMNS",
    "CatalogEntry",
    "Comparator",
    "DATA_VERSION",
    "DOUBTFUL_FLAGS",
    "DataError",
    "Diagnostic",
    "EduplansError",
    "Explanation",
    "FLAGS",
    "FRAME_COLUMNS",
    "Indicator",
    "MEASURE_FAMILIES",
    "Measure",
    "MetaField",
    "MissingDependencyError",
    "NoDataError",
    "OverwriteError",
    "ParseError",
    "ParsedValue",
    "Plan",
    "PlanCollection",
    "PlanKind",
    "PlanNotFoundError",
    "PlanStatus",
    "Problem",
    "Region",
    "RegionLevel",
    "RegionNotFoundError",
    "RegionTable",
    "SourceSpan",
    "Target",
    "UNITS",
    "UnitError",
    "UnknownKeyError",
    "ValueTextError",
    "WriteError",
    "__version__",
    "align",
    "catalog",
    "check_compatible",
    "cite",
    "cluster",
    "compare",
    "dumps_plan",
    "explain",
    "export",
    "format_value",
    "frame_dtypes",
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
    "validate",
]
