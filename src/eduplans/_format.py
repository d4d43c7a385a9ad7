"""The plan file format: its version, tables, field names, enumerations and file suffixes.

docs/data-format.md explains the format and ``data/plan.schema.json`` states it as a JSON Schema;
this module holds the same facts for the code, in one place. It is the bottom of the plan-file
layer: the loader (:mod:`eduplans._loader`), the writer (:mod:`eduplans._writer`), the validator
(:mod:`eduplans._review`), the model's field checks, the schema test (tests/test_data.py checks
that the schema's fields, required fields, enums, patterns and bounds are these) and
``tools/curate.py`` take their names from here. It imports nothing of eduplans but the
vocabularies of :mod:`eduplans._vocab` (which import nothing either).

Units are not listed here: they are the ``[[unit]]`` blocks of the words data
(:data:`eduplans.UNITS`), which the schema test checks separately.
"""

from __future__ import annotations

from typing import Final

from ._vocab import FLAGS as _FLAGS
from ._vocab import PERIOD_MEASURES as _PERIOD_MEASURES
from ._vocab import Binding, Comparator, Measure, PlanKind, PlanStatus, RegionLevel

__all__ = [
    "BINDINGS",
    "CODE_PATTERN",
    "COMPARATORS",
    "DEFAULT_MEASURE",
    "FLAGS",
    "HEADER_FIELDS",
    "HEADER_REQUIRED",
    "ID_PATTERN",
    "INDICATORS",
    "INDICATOR_FIELDS",
    "INDICATOR_REQUIRED",
    "INDICATOR_TABLE",
    "KEY_PATTERN",
    "MEASURES",
    "ORIGINS",
    "PERIOD_MEASURES",
    "PLANS_FOLDER",
    "PLAN_KINDS",
    "PLAN_STATUSES",
    "PLAN_SUFFIX",
    "REGION_FIELDS",
    "REGION_LEVELS",
    "REGION_REQUIRED",
    "SCHEMA_VERSION",
    "SOURCES_FOLDER",
    "SOURCE_SUFFIX",
    "VALUES",
    "VALUE_FIELDS",
    "VALUE_KINDS",
    "VALUE_REQUIRED",
    "VALUE_TABLE",
    "YEAR_MAX",
    "YEAR_MIN",
]

#: The format's version: a file's ``schema_version``; the loader reads this version only.
SCHEMA_VERSION: Final = 1

#: The suffix of a plan file; a folder given to :func:`eduplans.load` stands for these files.
PLAN_SUFFIX: Final = ".toml"
#: The suffix of a source text the writer names after its plan (``<plan id>.txt``).
SOURCE_SUFFIX: Final = ".txt"
#: The folders of the package's ``data/`` that hold the bundled plan files and source texts.
PLANS_FOLDER: Final = "plans"
SOURCES_FOLDER: Final = "sources"

#: The array of tables that holds the indicators, and each indicator's array of values.
INDICATORS: Final = "indicators"
VALUES: Final = "values"
#: Their TOML table headers, as the writer lays a file out (and tools/curate.py finds blocks).
INDICATOR_TABLE: Final = f"[[{INDICATORS}]]"
VALUE_TABLE: Final = f"[[{INDICATORS}.{VALUES}]]"

# --- fields of each table, in the order the writer writes them --------------------------------

#: The header (top-level keys) of a plan file.
HEADER_FIELDS: Final = (
    "schema_version",
    "id",
    "source",
    "region",
    "title",
    "title_en",
    "issuer",
    "issued",
    "kind",
    "status",
    "period",
    "baseline_year",
    "notes",
    INDICATORS,
)
HEADER_REQUIRED: Final = frozenset(
    {
        "schema_version",
        "id",
        "source",
        "title",
        "issuer",
        "issued",
        "kind",
        "status",
        "period",
        INDICATORS,
    }
)

#: ``region = { ... }``: a region outside the bundled region table.
REGION_FIELDS: Final = ("name", "level", "code", "parent", "name_en")
REGION_REQUIRED: Final = frozenset({"name", "level"})

#: One ``[[indicators]]`` table.
INDICATOR_FIELDS: Final = (
    "name",
    "subject",
    "section",
    "origin",
    "unit",
    "binding",
    "key",
    "note",
    VALUES,
)
INDICATOR_REQUIRED: Final = frozenset({"name", "section", "origin", "unit", "binding", VALUES})

#: One ``[[indicators.values]]`` table. ``value`` is required unless the comparator is
#: ``maintain``, ``value_high`` goes with ``range`` only (the model checks both).
VALUE_FIELDS: Final = (
    "kind",
    "year",
    "text",
    "comparator",
    "value",
    "value_high",
    "measure",
    "start_year",
    "hedges",
    "flags",
    "note",
    "quote",
    "start",
    "end",
    "page",
)
VALUE_REQUIRED: Final = frozenset({"kind", "year", "text", "comparator", "quote", "start", "end"})

# --- enumerations -----------------------------------------------------------------------------

#: A value's ``kind``: reported for a past year, or promised for a future one.
VALUE_KINDS: Final = ("baseline", "target")
#: An indicator's ``origin``: a table row of the plan, or a sentence of its prose.
ORIGINS: Final = ("table", "prose")
COMPARATORS: Final = tuple(c.value for c in Comparator)
MEASURES: Final = tuple(m.value for m in Measure)
#: The measure a value has when the file writes none and its indicator has no catalog key (and
#: the one the writer leaves out).
DEFAULT_MEASURE: Final = Measure.LEVEL.value
#: The measures that cover a period ``start_year`` … ``year``: the only ones ``start_year`` goes
#: with (curated files give it on every such value).
PERIOD_MEASURES: Final = tuple(m for m in MEASURES if Measure(m) in _PERIOD_MEASURES)
BINDINGS: Final = tuple(b.value for b in Binding)
PLAN_KINDS: Final = tuple(k.value for k in PlanKind)
PLAN_STATUSES: Final = tuple(s.value for s in PlanStatus)
REGION_LEVELS: Final = tuple(level.value for level in RegionLevel)
#: Reading flags a value may carry (docs/data-format.md#flags), sorted.
FLAGS: Final = tuple(sorted(_FLAGS))

# --- patterns and bounds (the schema's ``pattern``, ``minimum`` and ``maximum``) --------------

#: A plan id: ``luoyang-2022``.
ID_PATTERN: Final = r"[a-z0-9][a-z0-9_.-]*"
#: A catalog key: ``preschool_gross_enrolment_rate``.
KEY_PATTERN: Final = r"[a-z][a-z0-9_]*"
#: A GB/T 2260 region code: six digits, the first not 0.
CODE_PATTERN: Final = r"[1-9][0-9]{5}"
#: The years a value, a period or a baseline year may name.
YEAR_MIN: Final = 1949
YEAR_MAX: Final = 2100
