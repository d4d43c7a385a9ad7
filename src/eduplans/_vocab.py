"""Controlled vocabularies shared by the model, the units and the plan files."""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "FLAGS",
    "Binding",
    "Comparator",
    "PlanKind",
    "PlanStatus",
    "RegionLevel",
]


class Comparator(StrEnum):
    """How a value is promised: the plan's comparator word, normalised."""

    EQ = "="
    GE = ">="
    LE = "<="
    GT = ">"
    LT = "<"
    APPROX = "~"
    RANGE = "range"
    MAINTAIN = "maintain"


class Binding(StrEnum):
    """Binding type of an indicator: 约束性 (binding), 预期性 (expected), or none stated."""

    BINDING = "binding"
    EXPECTED = "expected"
    NONE = "none"


class PlanKind(StrEnum):
    """Kind of planning document."""

    FIVE_YEAR_PLAN = "five_year_plan"
    ANNUAL_WORK_PLAN = "annual_work_plan"
    ACTION_PLAN = "action_plan"


class PlanStatus(StrEnum):
    """Whether the document is a draft for comment or a final issued text."""

    DRAFT = "draft"
    FINAL = "final"


class RegionLevel(StrEnum):
    """Administrative level of a region."""

    PROVINCE = "province"
    PREFECTURE = "prefecture"
    COUNTY = "county"


#: Reading flags a value can carry; see docs/data-format.md for their meaning.
FLAGS: frozenset[str] = frozenset(
    {
        "comparator_from_context",
        "conflict",
        "cumulative",
        "elided_subject",
        "number_from_words",
        "per_unit",
        "per_year",
        "scale_word_missing",
        "single_value_row",
        "text_defect",
        "unit_from_context",
        "unit_implausible",
        "year_implied",
    }
)
