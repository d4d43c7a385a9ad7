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


def _texts(plan: eduplans.Plan, unit: str) -> list[str]:
    return [v.text for v in plan.baselines + plan.targets if v.unit == unit]


def test_the_specifications_of_a_facility_told_where_it_lies_are_no_values() -> None:
    # blind13/19: "金港小学位于金港路与常乐路交叉处,总投资2718万元,规划办学规模为24个教学班、办学
    # 人数1080人,校园面积15亩;秀石路小学位于秀石路,总投资4130万元…"
    plan = _plan("blind13", "19")
    for number in ("2718", "4130", "1080"):
        assert {r for r, _ in _reasons(plan, number)} == {"distractor"}, number
    assert "15亩" not in _texts(plan, "mu")
    # blind5/10: "有75所学校位于城郊结合地区…,其中包括42所幼兒園" tells where many are: kept
    assert 42 in {m for _, u, m in _values(_plan("blind5", "10")) if u == "school"}


def test_the_values_under_a_numbered_heading_naming_one_school_are_no_values() -> None:
    # blind12/17: "1. 坊子区博文学校幼儿园(辛冬幼儿园)" on its own line, then "计划投资3000万元,
    # 占地13亩,规划建筑面积5000平方米,12个班,新增学位360个。"; blind12/14: "4.江北区慈城新城九年制
    # 学校新建项目", a picture's line, then "项目位于…。规划办学规模63个班"
    plan = _plan("blind12", "17")
    assert not _texts(plan, "yuan") and not _texts(plan, "mu")
    assert {r for r, _ in _reasons(plan, "3000")} == {"distractor"}
    # the page's own totals stay (全年计划新建20所幼儿园; 公办园(9所))
    assert {20, 9} <= {m for _, u, m in _values(plan) if u == "school"}
    assert {r for r, _ in _reasons(_plan("blind12", "14"), "63")} == {"distractor"}


def test_money_followed_by_building_one_named_school_is_that_schools() -> None:
    # blind11/08: "投资5948万元新建海湾小学,投资2626万元新建渤海小学"
    plan = _plan("blind11", "08")
    assert {r for r, _ in _reasons(plan, "5948")} == {"distractor"}
    assert {r for r, _ in _reasons(plan, "2626")} == {"distractor"}
    # blind12/15: "投入1.1亿元新建了青原区第二中学和青原区第三中学" (two schools): kept
    assert 110000000 in {m for _, u, m in _values(_plan("blind12", "15")) if u == "yuan"}


def test_the_seats_of_one_named_school_are_no_values() -> None:
    # blind5/12: "重庆路小学新增学位400个;", "新建天津路第一小学新增学位2000个;"
    plan = _plan("blind5", "12")
    for number in ("400", "2000"):
        assert "distractor" in {r for r, _ in _reasons(plan, number)}, number
    # the district's totals stay: "新建学校1所,改扩建学校3所,新增义务教育学位2900个"
    assert 2900 in {m for _, u, m in _values(plan) if u == "seat"}


def test_a_change_compared_with_years_ago_is_no_level() -> None:
    # blind14/02: "比3年前增加了583所"; blind15/01: "比上年净增91所"
    assert {r for r, _ in _reasons(_plan("blind14", "02"), "583")} == {"relative"}
    assert {r for r, _ in _reasons(_plan("blind15", "01"), "91")} == {"relative"}


def test_a_clause_of_a_change_verb_alone_after_a_level_is_no_level() -> None:
    # blind18/16: "年末全市有幼儿园1935所,增加39所"
    plan = _plan("blind18", "16")
    assert {r for r, _ in _reasons(plan, "39")} == {"relative"}
    assert 1935 in {m for _, u, m in _values(plan) if u == "school"}


def test_a_class_size_band_is_no_value() -> None:
    # blind15/02 (traditional): "其中,56人至65人的大班765個…;無66人以上的超大班"
    plan = _plan("blind15", "02")
    assert not [m for _, u, m in _values(plan) if u == "person" and m in (56, 65, 66)]
    assert {r for r, _ in _reasons(plan, "56")} == {"distractor"}


def test_how_far_building_works_are_started_or_done_is_no_level() -> None:
    # blind21/09: "竣工率达83%"; blind19/11 (traditional): "開工率達88.89%"
    assert {r for r, _ in _reasons(_plan("blind21", "09"), "83")} == {"relative"}
    assert {r for r, _ in _reasons(_plan("blind19", "11"), "88.89")} == {"relative"}
    # blind12/11: "初中…完成率98.07%" is a rate of schooling: kept
    assert 98.07 in {m for _, u, m in _values(_plan("blind12", "11")) if u == "percent"}


def test_a_headline_rounding_what_the_body_states_is_no_second_value() -> None:
    # blind8/20: headline "张家川投资6500万元改善办学条件" (twice), body "将投资6512万元建设28个
    # 教育项目"
    plan = _plan("blind8", "20")
    assert 65000000 not in {m for _, u, m in _values(plan) if u == "yuan"}
    assert 65120000 in {m for _, u, m in _values(plan) if u == "yuan"}
    assert {r for r, _ in _reasons(plan, "6500")} == {"repeated"}


def test_the_headlines_of_related_links_are_not_the_pages_values() -> None:
    # blind18/07: "相关链接:" then "海口今春3所民办小学和25所幼儿园停止办学 [附名单]",
    # "河南年底前新建改扩建幼儿园1000所" …
    plan = _plan("blind18", "07")
    assert not {1000, 25} & {m for _, u, m in _values(plan) if u == "school"}
    assert {r for r, _ in _reasons(plan, "1000")} == {"distractor"}
    # the page's own values stay: "2017年为民办实事的20所公办幼儿园"
    assert 20 in {m for _, u, m in _values(plan) if u == "school"}
