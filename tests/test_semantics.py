"""Comparison that means what the plans say (issue 9): comparators, measures, units, conflicts.

Each rule is checked twice: on small plans built here, whose expected outcomes follow from the
plan texts below (worked by hand), and on every catalog key two or more bundled plans share.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import eduplans

NAN = float("nan")


# --- building small plan files ----------------------------------------------------------------
def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def write_plan(
    folder: Path, plan_id: str, text: str, indicators: list[dict[str, Any]], region: str = "某市"
) -> Path:
    """Write a plan file and its source text; each value names its ``quote`` in ``text``."""
    (folder / f"{plan_id}.txt").write_text(text, encoding="utf-8")
    lines = [
        "schema_version = 1",
        f'id = "{plan_id}"',
        f'source = "{plan_id}.txt"',
        f'region = {{ name = "{region}", level = "prefecture", name_en = "{plan_id}" }}',
        'title = "测试规划"',
        'issuer = "测试"',
        "issued = 2022-01-01",
        'kind = "five_year_plan"',
        'status = "final"',
        "period = [2021, 2025]",
    ]
    for ind in indicators:
        values = ind.pop("values")
        lines += ["", "[[indicators]]"]
        ind = {"section": "", "origin": "prose", "binding": "none", **ind}
        lines += [f"{k} = {_toml(v)}" for k, v in ind.items()]
        for v in values:
            start = text.index(v["quote"], v.pop("after", 0))
            v = {**v, "start": start, "end": start + len(v["quote"])}
            lines += ["", "[[indicators.values]]", *(f"{k} = {_toml(x)}" for k, x in v.items())]
    path = folder / f"{plan_id}.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def value(kind: str, year: int, text: str, comparator: str, number: float | None, **kw: Any) -> Any:
    out: dict[str, Any] = {"kind": kind, "year": year, "text": text, "comparator": comparator}
    if number is not None:
        out["value"] = number
    return {**out, "quote": kw.pop("quote", text), **kw}


RATE = "preschool_gross_enrolment_rate"
TEXT = (
    "甲：2020年毛入园率90%，到2025年达到95%以上。"
    "乙：2020年毛入园率97%，到2025年保持在95%以上。"
    "丙：2020年毛入园率92%，到2025年达到94%。"
    "丁：2020年毛入园率99%，2025年控制在98%以内。"
    "戊：2020年毛入园率90%，2025年达到95—97%。"
    "己：2020年毛入园率96%，2025年保持高水平。"
)


def _rate_plan(folder: Path, plan_id: str, part: str, target: dict[str, Any]) -> eduplans.Plan:
    text = TEXT[TEXT.index(part) :][: TEXT[TEXT.index(part) :].index("。") + 1]
    base = text[text.index("率") + 1 : text.index("%") + 1]  # the 2020 rate, "90%"
    return eduplans.read_plan(
        write_plan(
            folder,
            plan_id,
            text,
            [
                {
                    "name": "学前教育毛入园率",
                    "unit": "percent",
                    "key": RATE,
                    "values": [value("baseline", 2020, base, "=", float(base[:-1])), target],
                }
            ],
        )
    )


@pytest.fixture(scope="module")
def rates(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    folder = tmp_path_factory.mktemp("rates")
    plans = [
        _rate_plan(folder, "floor-not-met", "甲", value("target", 2025, "95%以上", ">=", 95.0)),
        _rate_plan(folder, "floor-met", "乙", value("target", 2025, "95%以上", ">=", 95.0)),
        _rate_plan(folder, "point", "丙", value("target", 2025, "94%", "=", 94.0)),
        _rate_plan(folder, "cap", "丁", value("target", 2025, "98%以内", "<=", 98.0)),
        _rate_plan(
            folder, "range", "戊", value("target", 2025, "95—97%", "range", 95.0, value_high=97.0)
        ),
        _rate_plan(folder, "maintain", "己", value("target", 2025, "保持高水平", "maintain", None)),
    ]
    return eduplans.compare(plans, RATE).set_index("plan_id")


def test_point_target_gives_change_and_change_per_year(rates: pd.DataFrame) -> None:
    row = rates.loc["point"]  # 92% → 94% over 2020–2025
    assert (row.status, row.change, row.change_per_year) == ("raise_to", 2.0, pytest.approx(0.4))
    assert math.isnan(row.gap_to_bound) and row.change_unit == "percentage_point"


def test_floor_not_met_gives_the_gap_not_a_change(rates: pd.DataFrame) -> None:
    row = rates.loc["floor-not-met"]  # 90% → at least 95%
    assert row.status == "raise_above" and row.gap_to_bound == 5.0
    assert math.isnan(row.change) and math.isnan(row.change_per_year)


def test_met_floor_is_no_planned_fall(rates: pd.DataFrame) -> None:
    row = rates.loc["floor-met"]  # 97% already meets "95%以上"
    assert row.status == "keep_above" and row.gap_to_bound == -2.0
    assert math.isnan(row.change) and math.isnan(row.change_per_year)


def test_cap(rates: pd.DataFrame) -> None:
    row = rates.loc["cap"]  # 99% must come down to 98% or below
    assert row.status == "cut_below" and row.gap_to_bound == -1.0 and math.isnan(row.change)


def test_range_gives_both_ends(rates: pd.DataFrame) -> None:
    row = rates.loc["range"]  # 90% → 95—97%
    assert row.status == "raise_into"
    assert (row.gap_to_bound, row.gap_to_bound_high) == (5.0, 7.0)
    assert (row.target_value, row.target_value_high) == (95.0, 97.0)
    assert math.isnan(row.change)


def test_maintain_has_no_number(rates: pd.DataFrame) -> None:
    row = rates.loc["maintain"]
    assert row.status == "keep" and math.isnan(row.change) and math.isnan(row.gap_to_bound)


def test_only_point_targets_are_interpolated(rates: pd.DataFrame, tmp_path: Path) -> None:
    folder = tmp_path
    plans = [
        _rate_plan(folder, "point", "丙", value("target", 2025, "94%", "=", 94.0)),
        _rate_plan(folder, "floor-met", "乙", value("target", 2025, "95%以上", ">=", 95.0)),
        _rate_plan(folder, "floor-not-met", "甲", value("target", 2025, "95%以上", ">=", 95.0)),
        _rate_plan(folder, "cap", "丁", value("target", 2025, "98%以内", "<=", 98.0)),
    ]
    with pytest.raises(eduplans.NoDataError):  # no plan states 2023 and no bound is a path
        eduplans.compare(plans[1:], RATE, year=2023, kind="interpolated")
    path = eduplans.compare(plans, RATE, year=2023, kind="interpolated")
    assert list(path["plan_id"]) == ["point"]
    assert path.iloc[0].target_value == pytest.approx(92 + 3 / 5 * 2)


SEATS = (
    "“十三五”期间新增学位1.5万个。“十四五”期间新增学位2.34万个。每年新增学位5000个。"
    "近视率每年降低1个百分点以上。近视率从60%降到55%。"
)


@pytest.fixture(scope="module")
def seats_plan(tmp_path_factory: pytest.TempPathFactory) -> eduplans.Plan:
    folder = tmp_path_factory.mktemp("seats")
    return eduplans.read_plan(
        write_plan(
            folder,
            "totals",
            SEATS,
            [
                {
                    "name": "新增学位",
                    "unit": "seat",
                    "key": "new_school_places",
                    "values": [
                        value("baseline", 2020, "1.5万个", "=", 15000.0, start_year=2016),
                        value("target", 2025, "2.34万个", "=", 23400.0, start_year=2021),
                    ],
                },
                {
                    "name": "每年新增学位",
                    "unit": "seat",
                    "key": "new_school_places",
                    "values": [
                        value("target", 2025, "5000个", "=", 5000.0, measure="flow"),
                    ],
                },
                {
                    "name": "近视率",
                    "unit": "percentage_point",
                    "key": "myopia_rate_change_per_year",
                    "values": [
                        value(
                            "target",
                            2025,
                            "降低1个百分点以上",
                            "<=",
                            -1.0,
                            flags=["per_year", "sign_from_words"],
                            note="每年降低: ≤ −1",
                            measure="change_per_year",
                        )
                    ],
                },
                {
                    "name": "近视率",
                    "unit": "percent",
                    "key": "myopia_rate",
                    "values": [
                        value("baseline", 2020, "60%", "=", 60.0),
                        value("target", 2025, "55%", "=", 55.0),
                    ],
                },
            ],
        )
    )


def test_cumulative_total_is_never_a_level(seats_plan: eduplans.Plan) -> None:
    values = {v.text: v for v in seats_plan.baselines + seats_plan.targets}
    assert values["2.34万个"].measure is eduplans.Measure.CUMULATIVE  # the catalog's measure
    assert (values["2.34万个"].start_year, values["2.34万个"].year) == (2021, 2025)
    row = eduplans.compare(seats_plan, "new_school_places").iloc[0]
    assert (row.measure, row.status, row.target_start_year) == ("cumulative", "period_total", 2021)
    assert row.change == 8400.0  # this period's total − the last period's, nothing per year
    assert math.isnan(row.change_per_year)
    assert "5000个" in row.alternatives  # the yearly flow is listed, never compared as a total
    with pytest.raises(eduplans.NoDataError):
        eduplans.compare(seats_plan, "new_school_places", year=2023, kind="interpolated")


def test_increment_is_compared_only_with_increments(seats_plan: eduplans.Plan) -> None:
    row = eduplans.compare(seats_plan, "myopia_rate_change_per_year").iloc[0]
    assert (row.measure, row.status, row.unit) == (
        "change_per_year",
        "increment",
        "percentage_point",
    )
    assert pd.isna(row.baseline_year) and math.isnan(row.change) and math.isnan(row.gap_to_bound)
    level = eduplans.compare(seats_plan, "myopia_rate").iloc[0]  # the rate itself, 60% → 55%
    assert (level.measure, level.status, level.change) == ("level", "cut_to", -5.0)


def test_an_increment_under_a_level_key_is_refused(tmp_path: Path) -> None:
    path = write_plan(
        tmp_path,
        "bad-measure",
        SEATS,
        [
            {
                "name": "近视率",
                "unit": "percent",
                "key": "myopia_rate",
                "values": [value("target", 2025, "1", ">=", 1.0, measure="change_per_year",
                                 quote="1个百分点以上")],
            }
        ],
    )  # fmt: skip
    with pytest.raises(eduplans.DataError) as info:
        eduplans.read_plan(path)
    assert str(path) in str(info.value) and "indicators[0].values[0].measure" in str(info.value)


def test_percentage_points_under_a_rate_key_are_refused(tmp_path: Path) -> None:
    path = write_plan(
        tmp_path,
        "bad-pp",
        SEATS,
        [
            {
                "name": "近视率",
                "unit": "percentage_point",
                "key": "myopia_rate",
                "values": [value("target", 2025, "1个百分点以上", ">=", 1.0)],
            }
        ],
    )
    with pytest.raises(eduplans.DataError, match=r"indicators\[0\]\.unit") as info:
        eduplans.read_plan(path)
    assert str(path) in str(info.value)


def test_cumulative_flag_needs_the_cumulative_measure(tmp_path: Path) -> None:
    path = write_plan(
        tmp_path,
        "bad-flag",
        SEATS,
        [
            {
                "name": "在园幼儿",
                "unit": "person",
                "key": "kindergarten_enrolment",
                "values": [value("target", 2025, "5000个", "=", 5000.0, flags=["cumulative"],
                                 note="期间")],
            }
        ],
    )  # fmt: skip
    with pytest.raises(eduplans.DataError, match=r"values\[0\]\.measure"):
        eduplans.read_plan(path)


# --- units -------------------------------------------------------------------------------------
ACTIVITY = (
    "学生每天校内体育活动1小时。学生每天校内体育活动60分钟。学生每天校内体育活动不少于1小时。"
)


def _activity(folder: Path, plan_id: str, text: str, unit: str, number: float, after: int) -> Path:
    return write_plan(
        folder,
        plan_id,
        ACTIVITY,
        [
            {
                "name": "学生每天校内体育活动",
                "unit": unit,
                "key": "daily_physical_activity_time",
                "values": [value("target", 2025, text, "=", number, after=after)],
            }
        ],
        region=plan_id,
    )


def test_one_hour_and_sixty_minutes_compare_equal(tmp_path: Path) -> None:
    hour = eduplans.read_plan(_activity(tmp_path, "hours", "1小时", "hour", 1.0, 0))
    minutes = eduplans.read_plan(_activity(tmp_path, "minutes", "60分钟", "minute", 60.0, 0))
    table = eduplans.compare([hour, minutes], "daily_physical_activity_time").set_index("plan_id")
    assert table.loc["hours"].target_value == table.loc["minutes"].target_value == 60.0
    assert set(table["unit"]) == {eduplans.catalog()["daily_physical_activity_time"].unit}
    assert (table.loc["hours"].stated_unit, table.loc["hours"].target_text) == ("hour", "1小时")
    chain = eduplans.hierarchy([hour], "daily_physical_activity_time", region="hours")
    assert list(chain["value"]) == [60.0] and list(chain["stated_unit"]) == ["hour"]


def test_incompatible_unit_is_refused_at_load_naming_file_and_field(tmp_path: Path) -> None:
    path = _activity(tmp_path, "persons", "60分钟", "person", 60.0, 0)
    with pytest.raises(eduplans.DataError) as info:
        eduplans.read_plan(path)
    message = str(info.value)
    assert str(path) in message and "indicators[0].unit" in message and "minute" in message


def test_units_convert_only_within_a_kind() -> None:
    from eduplans._units import _DIMENSION, convert, convertible

    registry = eduplans.get_registry()
    assert set(_DIMENSION) == eduplans.UNITS
    for a in eduplans.UNITS:
        for b in eduplans.UNITS:
            same = registry.Unit(a).dimensionality == registry.Unit(b).dimensionality
            pp = "percentage_point" in (a, b) and a != b
            assert convertible(a, b) == (same and not pp), (a, b)
    assert convert(1, "hour", "minute") == 60.0
    assert convert(2, "day", "hour") == 48.0
    with pytest.raises(eduplans.UnitError):
        convert(1, "percent", "percentage_point")


# --- conflicts ---------------------------------------------------------------------------------
def test_table_and_prose_with_another_comparator_conflict(tmp_path: Path) -> None:
    text = "毛入园率(%)\n\n95\n\n到2025年毛入园率达到95%以上。"
    plan = eduplans.read_plan(
        write_plan(
            tmp_path,
            "twice",
            text,
            [
                {"name": "毛入园率", "unit": "percent", "key": RATE, "origin": "table",
                 "values": [value("target", 2025, "95", "=", 95.0, quote="毛入园率(%)\n\n95")]},
                {"name": "毛入园率", "unit": "percent", "key": RATE,
                 "values": [value("target", 2025, "95%以上", ">=", 95.0)]},
            ],
        )
    )  # fmt: skip
    row = eduplans.compare(plan, RATE).iloc[0]
    assert row.conflict and row.target_text == "95" and "95%以上" in row.alternatives


def _groups(plan: eduplans.Plan) -> list[list[Any]]:
    from eduplans._compare import _statements

    out = []
    for key in sorted({i.key for i in plan.indicators if i.key}):
        seen: dict[tuple[Any, ...], list[Any]] = {}
        for s in _statements(plan, key):
            seen.setdefault((s.v.kind, s.v.year, s.v.measure, s.rates), []).append(s)
        out += [g for g in seen.values() if len({s.reading for s in g}) > 1]
    return out


def test_bundled_statements_that_differ_are_all_flagged(plans: eduplans.PlanCollection) -> None:
    groups = [g for p in plans for g in _groups(p)]
    assert len(groups) >= 10
    for group in groups:
        for s in group:
            assert "conflict" in s.v.flags, (s.ind.full_name, s.v.text)
    table = eduplans.compare(plans)
    luoyang = table[(table.plan_id == "luoyang-2022") & (table.key == "kindergartens_built")]
    assert luoyang.iloc[0].conflict  # 达100所 and 100所以上


# --- the rules on the bundled data -------------------------------------------------------------
@pytest.fixture(scope="module")
def shared(plans: eduplans.PlanCollection) -> pd.DataFrame:
    table = eduplans.compare(plans)
    counts = table.groupby("key")["plan_id"].nunique()
    return table[table["key"].isin(counts[counts >= 2].index)]


def test_bundled_shared_keys_follow_every_rule(shared: pd.DataFrame) -> None:
    from eduplans._compare import STATUSES

    assert shared["key"].nunique() >= 15
    assert set(shared["status"]) <= set(STATUSES)
    bound = shared["target_comparator"].isin([">=", ">", "<=", "<", "range", "maintain"])
    assert shared.loc[bound, "change"].isna().all()
    assert shared.loc[bound, "change_per_year"].isna().all()
    met = shared[shared["status"].isin(["keep_above", "keep_below"])]
    assert len(met) >= 2  # 从化 学前 100.23 and 高中 111.48 against ≥100
    assert (met["change"].isna() & met["change_per_year"].isna()).all()
    floors = shared[
        shared["target_comparator"].isin([">=", ">"]) & shared["baseline_value"].notna()
    ]
    meets = floors["baseline_value"] >= floors["target_value"]
    assert (floors.loc[meets, "status"] == "keep_above").all()
    totals = shared[shared["measure"].isin(["cumulative", "flow"])]
    assert len(totals) >= 4 and totals["change_per_year"].isna().all()
    assert (shared.loc[shared["measure"] == "cumulative", "status"] == "period_total").all()
    assert shared["target_start_year"].notna().eq(shared["measure"] == "cumulative").all()
    assert not (shared["change"] < 0).any() or (
        shared.loc[shared["change"] < 0, "target_comparator"].isin(["=", "~"]).all()
    )


def test_conghua_floors_the_baseline_meets(plans: eduplans.PlanCollection) -> None:
    for key, base in (("upper_secondary_gross_enrolment_rate", 111.48), (RATE, 100.23)):
        row = eduplans.compare(plans, key).set_index("plan_id").loc["conghua-2022"]
        assert (row.baseline_value, row.target_text, row.status) == (base, "≥100", "keep_above")
        assert row.gap_to_bound == pytest.approx(100 - base)
        assert math.isnan(row.change) and math.isnan(row.change_per_year)
    path = eduplans.compare(plans, RATE, year=2023, kind="interpolated")
    assert "从化区" not in set(path.loc[path["derived"], "region"])


def test_bundled_totals_are_never_interpolated(plans: eduplans.PlanCollection) -> None:
    for year in (2022, 2023, 2024):
        path = eduplans.compare(plans, year=year, kind="interpolated")
        derived = path[path["derived"]]
        assert len(derived) > 0
        assert set(derived["measure"]) <= {"level", "flow"}
        assert set(derived["status"]) <= {"raise_to", "cut_to", "hold_at"}


def test_conghua_places_are_period_totals(plans: eduplans.PlanCollection) -> None:
    row = eduplans.compare(plans, "new_school_places").set_index("plan_id").loc["conghua-2022"]
    # the table's 1.5万 (2016–20) before the review's 2.18万 of all places: flagged conflict
    assert (row.baseline_value, row.target_value) == (15000.0, 23400.0)
    assert (row.status, row.change, row.target_start_year) == ("period_total", 8400.0, 2021)
    assert math.isnan(row.change_per_year) and row.conflict and "2.18万" in row.alternatives


def test_luoyang_myopia_is_an_increment(plans: eduplans.PlanCollection) -> None:
    (ind,) = [i for i in plans["洛阳市"].indicators if i.name == "青少年近视发生率"]
    assert ind.key == "myopia_rate_change_per_year" and ind.unit == "percentage_point"
    (target,) = ind.targets
    assert target.measure is eduplans.Measure.CHANGE_PER_YEAR
    assert (target.magnitude, target.comparator) == (-1.0, eduplans.Comparator.LE)
    with pytest.raises(eduplans.NoDataError):
        eduplans.compare(plans, "myopia_rate")  # no plan sets the rate itself


def test_every_bundled_value_has_a_fitting_measure(plans: eduplans.PlanCollection) -> None:
    cat = eduplans.catalog()
    for plan in plans:
        for ind in plan.indicators:
            for v in ind.values:
                where = (plan.id, ind.full_name, v.text)
                if ind.key:
                    assert v.measure in eduplans.MEASURE_FAMILIES[cat[ind.key].measure], where
                if v.measure in (eduplans.Measure.CUMULATIVE, eduplans.Measure.CHANGE):
                    assert v.start_year is not None and v.start_year <= v.year, where
                if "cumulative" in v.flags:
                    assert v.measure is eduplans.Measure.CUMULATIVE, where
    frame = plans.to_frame()
    assert set(frame["measure"]) == {"level", "flow", "cumulative", "change_per_year"}
