"""eduplans: Chinese regional education plans, made comparable.

Typed plans, indicators and targets loaded from bundled, provenance-checked data: every number
points to its verbatim quote in the bundled source text.

>>> import eduplans
>>> plans = eduplans.load()
>>> frame = plans.to_frame()

``import eduplans`` is light: pandas and pint are imported on first use.
"""

from __future__ import annotations

from ._collection import PlanCollection
from ._errors import DataError, EduplansError, PlanNotFoundError, UnitError, ValueTextError
from ._frame import FRAME_COLUMNS, to_frame
from ._loader import load, read_plan, regions
from ._model import Baseline, Indicator, Plan, Region, SourceSpan, Target
from ._units import UNITS, ParsedValue, check_compatible, format_value, get_registry, parse_value
from ._vocab import FLAGS, Binding, Comparator, PlanKind, PlanStatus, RegionLevel

__version__ = "0.1.0"

__all__ = [
    "Baseline",
    "Binding",
    "Comparator",
    "DataError",
    "EduplansError",
    "FLAGS",
    "FRAME_COLUMNS",
    "Indicator",
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
    "ValueTextError",
    "__version__",
    "check_compatible",
    "format_value",
    "get_registry",
    "load",
    "parse_value",
    "read_plan",
    "regions",
    "to_frame",
]
