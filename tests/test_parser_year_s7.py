"""The year a prose value is read for (session 7, issue 13): one test per fix, on real pages.

Every page is a development set's own (tests/data/realtexts_blindN); the expected years are
what the page says, as its blind labels record them (labels.csv of the set).
"""

from __future__ import annotations

from pathlib import Path

import eduplans

DATA = Path(__file__).parent / "data"


def _values(page: Path) -> dict[str, tuple[str, int]]:
    """Return each value's text: its kind and year (the first value of each text)."""
    plan = eduplans.parse_plan(page)
    out: dict[str, tuple[str, int]] = {}
    for ind in plan.indicators:
        for v in ind.values:
            out.setdefault(v.text, (v.kind, v.year))
    return out


def test_copying_site_date_line_dates_the_page() -> None:
    # "来自:查字典教育资讯网 2014-12-21" under the headline: the page's date, so 今年 in
    # "从贵州思南县政府获悉,今年,该县斥资3010.78万元,…新建6所幼儿园" is 2014 (blind19/09's
    # labels: 2014); without the date line the page was read as stating no year at all
    page = DATA / "realtexts_blind19" / "real_09_sinan.txt"
    plan = eduplans.parse_plan(page)
    assert plan.issued is not None and plan.issued.isoformat() == "2014-12-21"
    values = _values(page)
    assert values["3010.78万元"][1] == 2014
    assert values["16035平方米"][1] == 2014


def test_a_year_heading_holds_over_its_subheadings() -> None:
    # "一、2013 年教育工作回顾" then "(一)事业发展取得新进展。" and "基础教育方面,…三年共投入 29
    # 亿元,新增幼儿园 4407 所": the subheading is a part of the 2013 review, its values of 2013
    # (blind13/07's labels); the year no longer ends at the first heading of a lower level
    values = _values(DATA / "realtexts_blind13" / "real_07_hunan-2014.txt")
    for text in ("29 亿元", "4407 所", "69.2%", "1456 所", "87个"):
        assert values[text] == ("baseline", 2013), text


def test_a_span_of_years_ahead_ends_in_its_last_year() -> None:
    # "西宁市将从今年起,总投资17.89亿元,力争用五年时间完成…20个教育重点项目" and "拟从今年起用5年
    # 时间,总投资10.2亿元,规划改造311所" on a page of 2014-08-29: 2014 to 2018, targets of 2018
    # (blind21/17's labels), not of the page's year
    found: dict[str, list[tuple[str, int]]] = {}
    plan = eduplans.parse_plan(DATA / "realtexts_blind21" / "real_17_xining-2014.txt")
    for ind in plan.indicators:
        for v in ind.values:
            found.setdefault(v.text, []).append((v.kind, v.year))
    assert ("target", 2018) in found["17.89億元"]
    assert found["10.2億元"] == [("target", 2018)]
    assert found["311所"] == [("target", 2018)]
    # "去年北京市启动了学前教育“三年行动计划”,从2011年开始的三年时间内,市区两级政府将安排20亿元
    # 资金": 2011 to 2013 (blind17/01's labels: 2013)
    assert _values(DATA / "realtexts_blind17" / "real_01_beijing-2012.txt")["20亿元"] == (
        "target",
        2013,
    )


def test_a_date_line_with_the_site_name_dates_the_page() -> None:
    # "2017-12-19 广西头条NEWS" under the headline is the page's date line: the page is of
    # 2017-12-19 (blind13/18's labels date its 累计 value 2017), not a page without a date
    page = DATA / "realtexts_blind13" / "real_18_guangxi-yuanqu.txt"
    plan = eduplans.parse_plan(page)
    assert plan.issued is not None and plan.issued.isoformat() == "2017-12-19"
    assert _values(page)["12亿元"] == ("baseline", 2017)


def test_a_date_line_closed_by_a_table_bar_dates_the_page() -> None:
    # "2009-08-28 |" (a line of the page's layout table): the page is of 2009, so
    # "江西省宜春市现有农村初中229所" is of 2009 and "宜春市计划用7年的时间,投资64211.9万元" of
    # 2009-2015, its last year 2015 (blind16/10's labels)
    page = DATA / "realtexts_blind16" / "real_10_yichun.txt"
    plan = eduplans.parse_plan(page)
    assert plan.issued is not None and plan.issued.isoformat() == "2009-08-28"
    values = _values(page)
    assert values["229所"] == ("baseline", 2009)
    assert values["64211.9万元"] == ("target", 2015)


def test_this_year_on_an_undated_page_is_the_latest_year_it_speaks_of() -> None:
    # "作为苏州市2018年实事项目之一,苏州将在今年新建、改扩建中小学、幼儿园36所" on a page with no
    # date that names 苏州城市总体规划(2035) and 2018: 今年 is 2018 (blind11/04's labels), not the
    # end of the years the page names (2035)
    values = _values(DATA / "realtexts_blind11" / "real_04_suzhou-2018.txt")
    assert values["36所"] == ("target", 2018)


def test_the_years_that_close_a_title_are_no_year_a_sentence_is_about() -> None:
    # "制定下发了《淄博市第二期学前教育三年行动计划(2014-2016年》,…。实施幼儿园新建改扩建工程,
    # 全市新建幼儿园16处,新增建筑面积4.2万平方米,完成投资7670万元" on a page of 2014-12-29: the
    # title's 2016 is no year the paragraph is about; the work done is of 2014 (blind8/15's labels)
    values = _values(next((DATA / "realtexts_blind8").glob("real_15_*.txt")))
    assert values["4.2万平方米"] == ("baseline", 2014)
    assert values["7670万元"] == ("baseline", 2014)


def test_a_statistics_overview_titled_with_a_year_in_numerals_dates_its_figures() -> None:
    # "二〇一二年广州市教育事业概况", the page's title: its figures (初中阶段入学率
    # 116.09 %, 初中在校学生数373481人) are of 2012, the year it is of (blind18/06's labels),
    # not the year it is published in (发布时间:2013-04-08)
    values = _values(next((DATA / "realtexts_blind18").glob("real_06_*.txt")))
    assert values["116.09 %"] == ("baseline", 2012)
    assert values["373481人"] == ("baseline", 2012)


def test_the_level_a_change_rises_to_is_of_the_year_its_sentence_speaks_of() -> None:
    # "促使2018年66人以上超大班额消减了415个,占比由2017年的5.9%下降到1.92%": 1.92% is of 2018, the
    # year its sentence speaks of (blind14/20's labels), not the latest year the page names
    values = _values(next((DATA / "realtexts_blind14").glob("real_20_*.txt")))
    assert values["1.92%"] == ("baseline", 2018)
    # "义务教育巩固率从2010年的77%提高到87.6%" in the review of a plan of 2016-2020 (dated
    # 2018-07-11): the plan's base year, 2015 (blind8/02's labels), not the page's year
    values = _values(next((DATA / "realtexts_blind8").glob("real_02_*.txt")))
    assert values["87.6%"] == ("baseline", 2015)
    assert values["158.1万人"] == ("baseline", 2015)


def test_since_a_five_year_period_began_is_to_the_page_s_year() -> None:
    # "“十三五”以来,西宁市实施…8大类447个项目,完成投资39亿元,扩充教育用地44.5万平方米" on a page
    # of 2019-01-15: the work done since the period began is of 2019 (blind15/08's labels), not of
    # the period's end (2020), still ahead at the page's date
    values = _values(next((DATA / "realtexts_blind15").glob("real_08_*.txt")))
    assert values["39亿元"] == ("baseline", 2019)
    assert values["44.5万平方米"] == ("baseline", 2019)


def test_a_span_the_work_was_done_in_is_no_span_ahead() -> None:
    # regression: "全市用三年时间,新建了幼儿园100所" on a page of 2020-12-01 says what was done
    # (新建了): the span rule dated it 2022, the end of a span ahead. No development page says a
    # span this way: the text is written for this test (one layout, no evidence of recall)
    text = (
        "某市教育局新闻\n发布时间:2020-12-01 10:00\n"
        "记者从市教育局获悉,全市用三年时间,新建了幼儿园100所,新增学位2万个。"
    )
    plan = eduplans.parse_plan(text)
    years = {v.text: (v.kind, v.year) for v in (*plan.baselines, *plan.targets)}
    assert years["100所"] == ("baseline", 2020)
