"""Controlled vocabularies shared by the model, the units and the plan files."""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "DOUBTFUL_FLAGS",
    "FLAGS",
    "MEASURE_FAMILIES",
    "PERIOD_MEASURES",
    "RATE_FLAGS",
    "Binding",
    "Comparator",
    "Measure",
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


class Measure(StrEnum):
    """What a number measures: a level at a year, a flow per year, a period total, a change.

    See docs/frame.md#measures. A comparison never mixes measures: a total over five years is not
    a level, an increment in 百分点 is not a rate.
    """

    #: A rate, ratio or stock at ``year`` (毛入园率 94%, 专任教师 2991名, 在园幼儿 16760人).
    LEVEL = "level"
    #: An amount each year (每年新增幼儿园20所左右, 年度教育经费).
    FLOW = "flow"
    #: A total over ``start_year`` … ``year`` (“十四五”期间新增学位2.34万个, 五年来新建学校400余所).
    CUMULATIVE = "cumulative"
    #: An increment over ``start_year`` … ``year`` (提高5个百分点).
    CHANGE = "change"
    #: An increment each year (近视率每年降低1个百分点以上).
    CHANGE_PER_YEAR = "change_per_year"


#: Which value measures an indicator of each catalog measure can hold: a level indicator holds
#: levels only; a flow or cumulative indicator (新增学位, 教育经费) holds per-year flows and period
#: totals; an increment indicator holds increments over the period or per year.
MEASURE_FAMILIES: dict[Measure, frozenset[Measure]] = {
    Measure.LEVEL: frozenset({Measure.LEVEL}),
    Measure.FLOW: frozenset({Measure.FLOW, Measure.CUMULATIVE}),
    Measure.CUMULATIVE: frozenset({Measure.FLOW, Measure.CUMULATIVE}),
    Measure.CHANGE: frozenset({Measure.CHANGE, Measure.CHANGE_PER_YEAR}),
    Measure.CHANGE_PER_YEAR: frozenset({Measure.CHANGE, Measure.CHANGE_PER_YEAR}),
}

#: Measures that cover a period ``start_year`` … ``year``.
PERIOD_MEASURES: frozenset[Measure] = frozenset({Measure.CUMULATIVE, Measure.CHANGE})


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
        "key_mismatch",
        "number_from_words",
        "per_unit",
        "per_year",
        "restated_per_year",
        "scale_word_missing",
        "sign_from_words",
        "single_value_row",
        "text_defect",
        "unit_from_context",
        "unit_implausible",
        "year_implied",
        "year_unknown",
    }
)

#: Flags of a value that holds for each year or each unit (每年新增…, 每个乡镇至少1所), not for the
#: whole region at one time: compare pairs such values only with their own kind, and the parser
#: never reads two of them as a conflict with a level. One definition for both (issue 12).
RATE_FLAGS: frozenset[str] = frozenset({"per_year", "per_unit"})

#: Flags that say the number as written cannot be what the plan means: a scale word the
#: context needs is missing (新增学位1.07个), or the unit written cannot be meant (生均…216亿元).
#: Such a value is kept as written, and the tables and figures of eduplans show it with its
#: flag (docs/compare.md#values-the-plan-misstates), never as a plain number.
DOUBTFUL_FLAGS: frozenset[str] = frozenset({"scale_word_missing", "unit_implausible"})
