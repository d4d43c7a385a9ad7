"""The kind of a value, target or baseline (session 7, issue 13).

Each test reads a real page of a development set (tests/data/realtexts_blindN) and checks the
kind and year of values as a person reads them off the page (and as the set's blind labels
record them). One test per fixed defect.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import eduplans
from eduplans._parse._settle import PLANNED

DATA = Path(__file__).parent / "data"


def _page(folder: str, key: str) -> Path:
    (path,) = (DATA / folder).glob(f"real_{key}_*.txt")
    return path


def _values(path: Path) -> list[tuple[str, str, int]]:
    """Return each value's quote, kind and year."""
    plan = eduplans.parse_plan(path)
    out: list[tuple[str, str, int]] = []
    for ind in plan.indicators:
        for v in ind.values:
            assert plan.source_text[v.span.start : v.span.end] == v.span.quote
            out.append((v.span.quote, v.kind, v.year))
    return out


def _of(got: list[tuple[str, str, int]], words: str) -> set[tuple[str, int]]:
    """Return the (kind, year) of the values whose quote holds ``words`` (one at least)."""
    found = {(kind, year) for quote, kind, year in got if words in quote}
    assert found, f"no value quoted with {words!r}"
    return found


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("贵州已下达营养改善计划补助资金30.15亿元", False),
        ("教育部新时代中小学名师名校长培养计划1人", False),
        ("农村义务教育薄弱学校改造计划省级补助金", False),
        ("长沙市计划在2015年新建、改建、扩建公办幼儿园45所", True),
        ("年度计划投资约7.2亿元", True),
    ],
)
def test_programme_name_is_no_intent(text: str, intent: bool) -> None:
    # 计划 ending a programme's name (营养改善计划, 培养计划, 改造计划) is no word of intent
    assert (PLANNED.search(text) is not None) is intent


def test_money_given_under_a_programme_is_a_baseline() -> None:
    # blind19/13 (贵州, a page of 2017): "2017年,贵州已下达营养改善计划补助资金30.15亿元" reports
    # money given; 已 says so, the 计划 of the programme's name after it planned it before
    got = _values(_page("realtexts_blind19", "13"))
    assert _of(got, "贵州已下达营养改善计划补助资金30.15亿元") == {("baseline", 2017)}


def test_people_in_a_training_programme_are_a_baseline() -> None:
    # blind19/12 (沙依巴克区, 2023): "全区现有教育部新时代中小学名师名校长培养计划1人、…人才培养计划
    # 79人": people the district has in each programme now
    got = _values(_page("realtexts_blind19", "12"))
    assert _of(got, "全区现有教育部新时代中小学名师名校长培养计划1人") == {("baseline", 2023)}
    assert _of(got, "、乌鲁木齐市“红山教育领航人”人才培养计划79人") == {("baseline", 2023)}


def test_a_span_of_years_is_no_deadline() -> None:
    # blind16/02 (教育部 on 2012-2021): "2012年到2021年,全国小学的净入学率从99.85%提升到了
    # 99.9%以上": 到2021年 closes a span the page reviews, no deadline ahead
    got = _values(_page("realtexts_blind16", "02"))
    assert _of(got, "提升到了99.9%以上") == {("baseline", 2021)}
    # blind16/17 (云南 两基): "2002年至2008年共投入资金50.17亿元", a total over years done
    got = _values(_page("realtexts_blind16", "17"))
    assert _of(got, "2002年至2008年共投入资金50.17亿元") == {("baseline", 2008)}
    assert PLANNED.search("2002年至2008年共投入资金") is None
    assert PLANNED.search("到2025年,学前三年毛入园率达到95%") is not None


def test_a_news_page_naming_a_finished_plan_that_reports_results() -> None:
    # blind10/02 (中新网, undated): "国家统计局今日发布《中国儿童发展纲要(2011—2020年)》终期统计监测
    # 报告。报告显示,2020年,全国学前教育毛入园率为85.2%": a page naming a plan that mostly says
    # what was done (共有, 以来, 目前 …) reports results, no plan
    got = _values(_page("realtexts_blind10", "02"))
    assert _of(got, " 全国学前教育毛入园率为85.2%") == {("baseline", 2020)}
    assert _of(got, " 全国九年义务教育巩固率为95.2%") == {("baseline", 2020)}


def test_an_undated_news_page_of_intent_only_plans() -> None:
    # blind11/01 (大连, undated; "新学期,各区都推出一批教育民生新举措"): words of intent (将完成,
    # 计划年内), none of achievement; its values without tense words are the semester's plans
    got = _values(_page("realtexts_blind11", "01"))
    assert _of(got, "投入3920万元") == {("target", 2019)}
    assert _of(got, "西岗区投入790万元") == {("target", 2019)}
    assert _of(got, "提供学位160个") == {("target", 2019)}
    # blind11/05 (长春, undated): "2018年长春市新建6所义务教育学校,还将对…514所农村小学的小火炉进行
    # 采暖改造…其中包括双阳区55所…"
    got = _values(_page("realtexts_blind11", "05"))
    assert _of(got, "其中包括雙陽區55所") == {("target", 2018)}
    assert _of(got, "提供8000個") == {("target", 2018)}


def test_clauses_after_a_planned_year_on_a_page_reporting_a_plan() -> None:
    # blind8/06 (长沙, 本报1月1日讯): "长沙市计划在2015年新建、改建、扩建公办幼儿园45所,公办幼儿园和
    # 普惠性民办幼儿园占幼儿园总数的60%以上;每个乡镇办好2-3所公办幼儿园…": the clauses after the
    # semicolon go on with the plan for 2015, no review of a year before the period (its 到2020年
    # made the period 2020)
    got = _values(_page("realtexts_blind8", "06"))
    assert _of(got, "公办幼儿园和普惠性民办幼儿园占幼儿园总数的60%以上") == {("target", 2015)}
    assert _of(got, "每个乡镇办好2-3所") == {("target", 2015)}
    assert _of(got, "幼儿教师学历合格率达100%") == {("target", 2015)}


def test_funds_won_are_a_baseline() -> None:
    # blind21/06 (2017): "积极争取上级专项资金支持,2017年共争取到教育专项工程项目资金92233万元":
    # 争取到 then no year is what was won
    got = _values(_page("realtexts_blind21", "06"))
    assert _of(got, "2017年共争取到教育专项工程项目资金92233万元") == {("baseline", 2017)}
    assert PLANNED.search("共争取到教育专项工程项目资金") is None
    assert PLANNED.search("争取到2025年,新增学位1万个") is not None
    # blind21/12 (贵州, 2019): 高校专项计划 is an enrolment programme's name
    got = _values(_page("realtexts_blind21", "12"))
    assert _of(got, "国家、地方和高校专项计划录取考生6019人") == {("baseline", 2019)}


def test_the_tasks_a_sentence_lists_are_planned() -> None:
    # blind8/19 (郑州): "今年,郑州的中小学幼儿园建设任务为,市区新建、改扩建中小学30所,增加学位
    # 30000个以上;全市新建幼儿园40所…": the year's tasks, though the page reports results too
    got = _values(_page("realtexts_blind8", "19"))
    assert _of(got, "市區新建、改擴建中小學30所") == {("target", 2015)}
    assert _of(got, "全市新建幼兒園40所") == {("target", 2015)}


def test_a_page_opening_its_year_plans_its_values_without_tense() -> None:
    # blind8/20 (甘肃日报 2013-03-24): "今年,张家川回族自治县将投资6512万元建设28个教育项目…" then
    # "这28个教育项目总计建筑面积达3万多平方米,其中包括…投资2720万元的9个学前教育幼儿园改造工程
    # 项目": the year's plans, though no word of intent is in their paragraph
    got = _values(_page("realtexts_blind8", "20"))
    assert _of(got, "投资2720万元") == {("target", 2013)}
    assert _of(got, "投资1127万元") == {("target", 2013)}
    # blind12/12 (潍城区 2021-02-21, ten projects start): "规划总投资10亿元…学位9684个"
    got = _values(_page("realtexts_blind12", "12"))
    assert _of(got, "规划总投资10亿元") == {("target", 2021)}
    assert _of(got, "学位9684个") == {("target", 2021)}
    # blind21/12 (云南, a page of early 2020 whose achievements are of 2019): a value without tense
    # words stays a result of the year the page reviews
    got = _values(_page("realtexts_blind21", "12"))
    assert _of(got, "来滇留学生1.9万人次") == {("baseline", 2019)}
    assert _of(got, "高校毕业生初次就业率83.6%") == {("baseline", 2019)}
