from __future__ import annotations

import math
from dataclasses import replace

import pandas as pd
import pytest

import eduplans

PRESCHOOL = "preschool_gross_enrolment_rate"


@pytest.fixture(scope="module")
def preschool(plans: eduplans.PlanCollection) -> pd.DataFrame:
    return eduplans.compare(plans, [PRESCHOOL])


def _row(frame: pd.DataFrame, region: str) -> pd.Series:
    rows = frame[frame["region"] == region]
    assert len(rows) == 1, region
    return rows.iloc[0]


def test_columns_are_the_documented_schema(preschool: pd.DataFrame) -> None:
    assert list(preschool.columns) == list(eduplans.COMPARE_COLUMNS)
    for column, dtype in eduplans.COMPARE_COLUMNS.items():
        assert str(preschool[column].dtype) == dtype, column


def test_preschool_comparison_as_the_plans_state_it(preschool: pd.DataFrame) -> None:
    luoyang = _row(preschool, "洛阳市")
    assert (luoyang.baseline_value, luoyang.target_value, luoyang.target_year) == (92.0, 94.0, 2025)
    assert luoyang.binding == "binding" and luoyang.target_comparator == "="
    assert luoyang.change == pytest.approx(2.0)
    assert luoyang.change_per_year == pytest.approx(0.4)
    assert luoyang.change_unit == "percentage_point"
    xhl = _row(preschool, "杏花岭区")
    assert (xhl.baseline_value, xhl.target_value) == (98.91, 99.0)
    assert xhl.conflict  # the plan also says 98.5% (2020) and ≥90% (2025)
    assert "98.5%" in xhl.alternatives and "90%以上" in xhl.alternatives
    conghua = _row(preschool, "从化区")
    assert (conghua.baseline_value, conghua.target_text, conghua.target_comparator) == (
        100.23,
        "≥100",
        ">=",
    )
    assert conghua.status == "keep_above" and math.isnan(conghua.change_per_year)
    handan = _row(preschool, "邯郸市")
    assert handan.target_year == 2022 and handan.target_value == 93.5
    assert pd.isna(handan.baseline_year) and math.isnan(handan.change_per_year)


def test_national_target_only_for_the_same_year(preschool: pd.DataFrame) -> None:
    for row in preschool.itertuples():
        if row.target_year == 2025:
            assert (row.national_year, row.national_value, row.national_comparator) == (
                2025,
                90.0,
                ">=",
            )
            assert row.gap_to_national == pytest.approx(row.target_value - 90.0)
        else:  # 邯郸's 2022 target is not set against the 2025 national target
            assert pd.isna(row.national_year) and math.isnan(row.gap_to_national)


def test_year_filter_and_interpolation(plans: eduplans.PlanCollection) -> None:
    only = eduplans.compare(plans, PRESCHOOL, year=2022)
    assert list(only["region"]) == ["邯郸市"]
    path = eduplans.compare(plans, PRESCHOOL, year=2022, kind="interpolated")
    derived = path[path["derived"]]
    # 从化's "≥100" is a floor its 100.23 already meets: no path is drawn to it (issue 9)
    assert set(derived["region"]) == {"杏花岭区", "洛阳市"}
    luoyang = _row(path, "洛阳市")
    assert luoyang.target_value == pytest.approx(92 + 2 / 5 * 2)
    assert luoyang.target_comparator == "~" and luoyang.target_year == 2022
    assert not _row(path, "邯郸市").derived
    with pytest.raises(eduplans.ArgumentError, match="needs the year"):
        eduplans.compare(plans, PRESCHOOL, kind="interpolated")
    with pytest.raises(eduplans.ArgumentError, match="kind"):
        eduplans.compare(plans, PRESCHOOL, kind="guess")  # type: ignore[arg-type]


def test_qualitative_targets_stay_as_text(plans: eduplans.PlanCollection) -> None:
    table = eduplans.compare(plans, "compulsory_retention_rate")
    conghua = _row(table, "从化区")
    assert conghua.target_comparator == "maintain" and conghua.target_text == "保持高水平"
    assert math.isnan(conghua.target_value) and math.isnan(conghua.change)


def test_henan_milestones_are_separate_rows(plans: eduplans.PlanCollection) -> None:
    table = eduplans.compare(plans, "quality_balanced_county_share")
    henan = table[table["region"] == "河南省"]
    assert list(henan["target_year"]) == [2027, 2030, 2035]
    assert list(henan["target_comparator"]) == ["~", "~", "="]


def test_every_row_points_at_its_quote(plans: eduplans.PlanCollection) -> None:
    table = eduplans.compare(plans)
    assert table["key"].nunique() > 30
    for row in table.itertuples():
        assert plans[row.plan_id].source_text[row.source_start : row.source_end] == row.quote


def test_bad_input_gives_clear_errors(plans: eduplans.PlanCollection) -> None:
    with pytest.raises(
        eduplans.UnknownKeyError, match="did you mean 'preschool_gross_enrolment_rate'"
    ):
        eduplans.compare(plans, "preschool_gross_enrolment")
    with pytest.raises(KeyError):  # also a KeyError
        eduplans.compare(plans, "nope")
    with pytest.raises(eduplans.NoDataError, match="no plan sets a target"):
        eduplans.compare(plans, "higher_education_gross_enrolment_rate")
    with pytest.raises(eduplans.NoDataError, match="no target for year 2040"):
        eduplans.compare(plans, PRESCHOOL, year=2040)
    with pytest.raises(TypeError, match=r"plans\[0\]"):
        eduplans.compare(["luoyang-2022"], PRESCHOOL)  # type: ignore[list-item]


def test_percentages_and_counts_do_not_mix(plans: eduplans.PlanCollection) -> None:
    luoyang = plans["洛阳市"]
    wrong = [replace(i, key=PRESCHOOL) for i in luoyang.indicators if i.name == "新增学位"]
    bad = replace(luoyang, id="luoyang-bad", indicators=(*luoyang.indicators, *wrong))
    with pytest.raises(eduplans.UnitError, match="cannot compare"):
        eduplans.compare([bad], PRESCHOOL)
    across = replace(luoyang, id="luoyang-seats", indicators=tuple(wrong))
    with pytest.raises(eduplans.UnitError, match="cannot compare"):
        eduplans.compare([across, plans["从化区"]], PRESCHOOL)  # seats in one plan, % in another


def test_national_references() -> None:
    frame = eduplans.national()
    from importlib.resources import files

    text = files("eduplans").joinpath("data/sources/national_targets.md").read_text("utf-8")
    for row in frame.itertuples():
        assert row.quote in text and row.text in row.quote
        assert row.label_en == eduplans.catalog()[row.key].label_en
    both = frame[(frame["key"] == PRESCHOOL) & (frame["kind"] == "target")]
    assert sorted(both["comparator"]) == [">", ">="]  # 以上 and 大于 both kept
    with pytest.raises(eduplans.UnknownKeyError):
        eduplans.national("nope")


def test_hierarchy_sets_luoyang_against_henan(plans: eduplans.PlanCollection) -> None:
    frame = eduplans.hierarchy(plans, "quality_balanced_county_share", region="洛阳市")
    assert list(zip(frame["region"], frame["year"], strict=True)) == [
        ("洛阳市", 2025),
        ("河南省", 2027),
        ("河南省", 2030),
        ("河南省", 2035),
    ]
    assert list(frame["depth"]) == [0, 1, 1, 1]
    # a region of the table without plans, nor plans of its parents
    with pytest.raises(eduplans.NoDataError, match="no plan of 上海市 or its parent regions"):
        eduplans.hierarchy(plans, PRESCHOOL, region="上海市")
    with pytest.raises(eduplans.NoDataError, match="no plan for region '某某县'"):
        eduplans.hierarchy(plans, PRESCHOOL, region="某某县")
    with pytest.raises(eduplans.NoDataError):
        eduplans.hierarchy(plans, "myopia_rate", region="从化区")


def test_national_text_in_english(plans: eduplans.PlanCollection) -> None:
    # the national target 90%以上 of 学前教育毛入园率 (2025), in English, by format_value
    frame = eduplans.compare(plans, "preschool_gross_enrolment_rate", year=2025)
    national = frame[frame["national_text"] != ""]
    assert not national.empty
    assert set(national["national_text"]) == {"90%以上"}
    assert set(national["national_text_en"]) == {"≥ 90%"}
    assert (frame.loc[frame["national_text"] == "", "national_text_en"] == "").all()
