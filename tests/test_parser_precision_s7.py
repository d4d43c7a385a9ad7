"""Session 7 precision fixes (issue 13): parsed rows that are no education target or baseline.

Each on a real development page (tests/data/realtexts_blind*): the number is not kept as a value
but reported in ``plan.diagnostics`` with its reason (nothing is dropped silently).
"""

from __future__ import annotations

from pathlib import Path

import eduplans

DATA = Path(__file__).resolve().parent / "data"


def _plan(folder: str, name: str) -> eduplans.Plan:
    return eduplans.parse_plan(next((DATA / f"realtexts_{folder}").glob(f"real_{name}_*.txt")))


def _values(plan: eduplans.Plan) -> list[tuple[str, str, float | None]]:
    return [(i.name, i.unit, v.magnitude) for i in plan.indicators for v in i.values]


def _reasons(plan: eduplans.Plan, text: str) -> set[tuple[str, str]]:
    return {(d.reason, d.detail) for d in plan.diagnostics if d.text == text}


def test_a_goal_in_words_is_no_value() -> None:
    # blind3/12: "实现乡村小规模学校全覆盖" (no number: the labels, a curator's, record none)
    plan = _plan("blind3", "12")
    assert not [v for v in plan.baselines + plan.targets if v.text == "全覆盖"]
    # blind16/12: "实现中等职业教育免学费全覆盖"; the numbers of the page stay
    plan = _plan("blind16", "12")
    assert not [v for v in plan.baselines + plan.targets if "全覆盖" in v.text]
    assert plan.baselines + plan.targets


def test_a_number_of_years_is_a_level_only_of_a_measure_in_years() -> None:
    # blind16/10: "宜春市计划用7年时间…": a duration, reported as a distractor
    plan = _plan("blind16", "10")
    assert not [n for n, u, _ in _values(plan) if u == "year"]
    assert {r for r, _ in _reasons(plan, "7")} == {"distractor"}
    # blind15/12: "新疆农村学前3年免费双语教育": a scope of years, no level
    assert not [n for n, u, _ in _values(_plan("blind15", "12")) if u == "year"]
    # blind16/02: "劳动年龄人口平均受教育年限达到了10.9年" stays
    assert ("year", 10.9) in {(u, m) for _, u, m in _values(_plan("blind16", "02"))}


def test_values_of_another_field_are_no_education_indicators() -> None:
    # blind19/06 (a statistics bulletin, traditional): "全年共申請專利82453件", "年末在川國家級重點
    # 實驗室12個", "全年認定高新技術企業1800家" beside its education paragraph
    plan = _plan("blind19", "06")
    names = " ".join(n for n, _, _ in _values(plan))
    for word in ("專利", "實驗室", "企業", "院士"):
        assert word not in names, word
    assert {r for r, _ in _reasons(plan, "82453")} == {"not_education"}
    assert {r for r, _ in _reasons(plan, "1800")} == {"not_education"}
    # blind10/12: "国家高新技术企业达6106家", "合同成交额923亿元"
    plan = _plan("blind10", "12")
    assert {r for r, _ in _reasons(plan, "6106")} == {"not_education"}
    assert {r for r, _ in _reasons(plan, "923")} == {"not_education"}


def test_money_for_a_school_laboratory_is_still_education() -> None:
    # blind11/01: "建设特色创新实验室…投入600万元": a school's laboratory, not a 重点实验室
    assert 6000000 in {m for _, u, m in _values(_plan("blind11", "01")) if u == "yuan"}


def test_an_achieved_change_in_points_is_no_baseline() -> None:
    # blind16/02: "高等教育毛入学率…十年提高了27.8个百分点": how far the level moved, no level
    plan = _plan("blind16", "02")
    assert not [v for v in plan.baselines if v.unit == "percentage_point"]
    assert ("relative", "an achieved change in 百分点 is no level: not a baseline") in _reasons(
        plan, "27.8"
    )
