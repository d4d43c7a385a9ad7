"""The parser on real published pages: the normalised view, diagnostics and metadata.

Every text here is a verbatim copy of a public page (tests/data/real_excerpts/README.md gives
each source). Region names are passed where the page gives none: region recognition is tested
elsewhere.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import eduplans
from eduplans._parse._view import make_view

HERE = Path(__file__).parent / "data" / "real_excerpts"
REAL = sorted(HERE.glob("*.txt"))
REGION = {
    "real_01": "某县",
    "real_02": "浙江省",
    "real_03": "河北省",
    "real_04": "四川省",
    "real_05": "镇江市",
    "real_06": "宁夏回族自治区",
    "real_07": "南宁市",
    "real_08": "某市",
    "real_09": "某县",
    "real_10": "XX区",
}


def parse(name: str, **kw: object) -> eduplans.Plan:
    path = next(p for p in REAL if p.stem.startswith(name))
    region = REGION.get(name[:7])
    if region is not None:
        kw.setdefault("region", region)
    return eduplans.parse_plan(path, **kw)  # type: ignore[arg-type]


def values(plan: eduplans.Plan) -> list[tuple[str, str, int, float | None]]:
    return [
        (ind.full_name, v.kind, v.year, v.magnitude) for ind in plan.indicators for v in ind.values
    ]


# --- the normalised view -------------------------------------------------------------------------


def test_view_drops_inline_pinyin_and_keeps_quotes_verbatim() -> None:
    plan = parse("gansu_pinyin", region="甘肃省")
    by_name = {ind.full_name: ind for ind in plan.indicators}
    # 學(xué)前三年毛入園率39.68%: the name is read without the pinyin, the quote keeps it
    ind = by_name["學前三年毛入園率"]
    assert ind.values[0].magnitude == 39.68
    assert ind.values[0].quote == "學(xué)前三年毛入園率39.68%"
    # 鄉(xiāng)鎮(zhèn): two pinyin groups inside one name
    assert "鄉鎮公辦幼兒園" in by_name
    for ind in plan.indicators:
        for v in ind.values:
            assert plan.source_text[v.span.start : v.span.end] == v.quote
            assert v.text in v.quote


def test_view_closes_a_stray_space_before_a_number() -> None:
    plan = parse("gansu_pinyin", region="甘肃省")
    hit = [v for ind in plan.indicators for v in ind.values if v.magnitude == 3.86]
    assert len(hit) == 1
    assert hit[0].quote.endswith("的 3.86%")  # verbatim, with the space


def test_view_closes_stray_spaces_inside_words_of_running_text() -> None:
    text = (HERE / "real_04_sichuan.txt").read_text(encoding="utf-8")
    view = make_view(text)
    assert "贯彻新发展理念" in view.text and "新发展 理念" in text
    assert "加强党对教育工作" in view.text
    # every kept character maps back to the same character of the source
    assert all(text[view.src(i)] == ch for i, ch in enumerate(view.text))


def test_view_keeps_the_spaces_of_a_space_separated_table() -> None:
    text = (HERE / "real_02_zhejiang.txt").read_text(encoding="utf-8")
    view = make_view(text)
    assert "幼儿在园人数 万人 181 222" in view.text


def test_view_joins_lines_wrapped_at_a_fixed_width_and_drops_page_numbers() -> None:
    # a layout test: two real paragraphs of real_03 wrapped at 24 as PDF text is, a page number
    paragraphs = [
        ln.strip()
        for ln in (HERE / "real_03_hebei.txt").read_text(encoding="utf-8").splitlines()
        if ln.strip().startswith(("河北确定", "“十四五”期间"))
    ]
    lines = [p[i : i + 24] for p in paragraphs for i in range(0, len(p), 24)]
    text = "\n".join([*lines[:3], "- 2 -", *lines[3:]]) + "\n"
    view = make_view(text)
    assert all(p in view.text for p in paragraphs)
    plan = eduplans.parse_plan("河北省教育事业发展“十四五”规划\n" + text)
    assert sorted(v.magnitude or 0 for v in plan.targets) == [11.3, 58, 60, 92, 95, 98]


# --- every number is a candidate -----------------------------------------------------------------


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_every_number_is_a_value_or_reported(path: Path) -> None:
    plan = parse(path.stem)
    text = plan.source_text
    # the numbers of the text, found here independently of the parser's view
    numbers = [(m.start(), m.end()) for m in re.finditer(r"[0-9０-９]+(?:[.．][0-9０-９]+)?", text)]
    in_values = set()
    for v in (v for ind in plan.indicators for v in ind.values):
        assert v.quote.endswith(v.text), v  # the value text closes its quote
        start = v.span.end - len(v.text)
        in_values |= {n for n in numbers if start <= n[0] and n[1] <= start + len(v.text)}
    reported = {(d.start, d.end) for d in plan.diagnostics}
    assert not in_values & reported
    assert len(in_values) + len(reported) == len(numbers)
    for d in plan.diagnostics:
        assert text[d.start : d.end] == d.text
        assert d.reason and d.detail


def test_diagnostics_give_reasons_a_reviewer_can_use() -> None:
    plan = parse("real_07")
    reasons = {d.text: d.reason for d in plan.diagnostics}
    assert reasons["88"] == "document_number"  # 南府办〔2017〕88号
    assert reasons["17"] == "date"  # 2018年1月17日
    plan = parse("real_03")
    assert {d.reason for d in plan.diagnostics if d.text == "577293"} == {"address"}


def test_the_cli_and_the_draft_file_show_the_diagnostics(tmp_path: Path) -> None:
    from eduplans._cli import main

    plan = parse("real_03")
    out = plan.save(tmp_path / "draft.toml")
    written = out.read_text(encoding="utf-8")
    assert f"# {len(plan.diagnostics)} numbers of the source are not values" in written
    assert "#   date (" in written
    assert eduplans.read_plan(out) == plan  # comments are not read back
    assert main(["parse", str(HERE / "real_03_hebei.txt")]) == 0


# --- metadata ------------------------------------------------------------------------------------


def meta(plan: eduplans.Plan) -> dict[str, eduplans.MetaField]:
    return {f.name: f for f in plan.meta}


def test_a_news_page_is_titled_by_the_plan_it_reports_not_its_first_lines() -> None:
    plan = parse("real_03")
    assert plan.title == "河北省教育事业发展“十四五”规划"
    m = meta(plan)
    assert m["document"].value == "news_report"
    assert plan.source_text[m["title"].start : m["title"].end] == plan.title
    assert m["issued"].value == "2021-11-03"


def test_a_news_page_without_a_plan_title_is_titled_by_its_headline() -> None:
    plan = parse("real_06", region="宁夏回族自治区")
    assert plan.title.startswith("宁夏将新增3.6万个幼儿学位")  # not the stray word "text"
    assert meta(plan)["document"].value == "news_report"


def test_traditional_news_page_title_and_date() -> None:
    plan = parse("real_05")
    assert plan.title == "鎮江市“十四五”學前教育發展提升行動計劃實施方案"
    assert plan.issued.isoformat() == "2023-03-15"


def test_a_notice_gives_the_title_of_the_plan_it_issues() -> None:
    plan = parse("real_07")
    assert plan.title == "南宁市第三期学前教育行动计划(2017-2020年)"
    assert plan.period == (2017, 2020)
    assert meta(plan)["document"].value == "notice"


def test_the_title_line_and_its_years() -> None:
    plan = parse("real_10")
    assert plan.title == "XX区教育“十四五”发展规划(2021-2025)"
    assert plan.period == (2021, 2025)
    plan = parse("gansu_pinyin", region="甘肃省")
    assert plan.period == (2011, 2013)


def test_without_a_title_the_period_comes_from_the_five_year_plan_the_text_names() -> None:
    plan = parse("real_04", region="四川省")
    assert plan.title == "未命名规划"  # the 《》 of its preamble are other documents
    assert plan.period == (2021, 2025)  # not (2035, 2035) from 《四川教育现代化2035》
    assert meta(plan)["title"].how == "no title found in the text"


# --- table layouts -------------------------------------------------------------------------------


def test_space_separated_table_with_a_unit_column_stage_rows_and_bare_names() -> None:
    # real_02: "指 标" / "单位 2015年 2020年", stage rows (九年义务教育 …), counts in 万人
    plan = parse("real_02")
    got = {(n, k, y): m for n, k, y, m in values(plan)}
    assert got[("九年义务教育巩固率", "baseline", 2015)] == 100
    assert got[("高中段教育毛入学率", "target", 2020)] == 98
    assert got[("高等教育毛入学率", "target", 2020)] == 62  # not a 其中 row of 研究生
    assert got[("幼儿在园人数", "baseline", 2015)] == 1_810_000  # 181 万人
    assert got[("中等职业教育在校生", "target", 2020)] == 690_000
    assert got[("研究生在校生", "target", 2020)] == 80_000  # 其中:研究生 万人 6.35 8


def test_cell_per_line_table_with_stacked_qizhong_indicators() -> None:
    # real_01: "1.幼儿教师专科及以上学历比例(%)" / "其中:本科及以上学历比例(%)" / 97.74% / 49.85% /
    # 100% / 50%: two indicators, values by position; the 2020 column is a baseline
    plan = parse("real_01")
    got = {(n, k, y): m for n, k, y, m in values(plan)}
    assert got[("幼儿教师专科及以上学历比例", "baseline", 2020)] == 97.74
    assert got[("幼儿教师专科及以上学历比例", "target", 2025)] == 100
    assert got[("幼儿教师本科及以上学历比例", "baseline", 2020)] == 49.85
    assert got[("幼儿教师本科及以上学历比例", "target", 2025)] == 50
    assert got[("普通初中教师研究生学历(学位)比例", "target", 2025)] == 8
    assert got[("学前教育毛入园率", "baseline", 2020)] == 99
    # 其中:小学 / 初中 stays one indicator per sub-label
    assert got[("初中义务教育标准班额比例", "target", 2025)] == 85


def test_a_row_whose_name_cell_holds_its_qizhong_indicator() -> None:
    # the tab-separated row real_01's HTML table renders to: names and values by position
    text = (HERE / "real_01_weizhi-quxian.txt").read_text(encoding="utf-8")
    table = (
        "“十四五”教育事业发展主要指标表\n指标\t2020年\t2025年\t属性\n"
        "1.幼儿教师专科及以上学历比例(%) 其中:本科及以上学历比例(%)"
        "\t97.74% 49.85%\t100% 50%\t预期性\n"
    )
    assert "97.74%" in text and "49.85%" in text  # the values are the real page's
    plan = eduplans.parse_plan(table, region="某县")
    got = {(n, k, y): m for n, k, y, m in values(plan)}
    assert got == {
        ("幼儿教师专科及以上学历比例", "baseline", 2020): 97.74,
        ("幼儿教师专科及以上学历比例", "target", 2025): 100,
        ("幼儿教师本科及以上学历比例", "baseline", 2020): 49.85,
        ("幼儿教师本科及以上学历比例", "target", 2025): 50,
    }


# --- what a prose value is: level or change, planned or achieved, which year ---------------------


def test_five_year_plan_review_values_are_baselines_of_its_last_year() -> None:
    # real_04: "“十三五”时期,…学前教育毛入园率90.93%…" in a 十四五 plan: 2020 baselines
    plan = parse("real_04")
    got = {(n, k, y): m for n, k, y, m in values(plan)}
    assert got[("学前教育毛入园率", "baseline", 2020)] == 90.93
    assert got[("劳动年龄人口平均受教育年限", "baseline", 2020)] == 10.16
    assert not [v for v in plan.targets if v.year == 2035]


def test_changes_against_another_year_or_place_are_reported_not_values() -> None:
    # real_07: "分别比2013年增加35%、25%", "分别高出国家、自治区17.9个百分点", "增长1.5倍"
    plan = parse("real_07")
    kept = {v.text for v in plan.baselines + plan.targets}
    assert not kept & {"35%", "25%", "17.9个百分点", "15.7个百分点", "1.5倍"}
    relative = {d.text for d in plan.diagnostics if d.reason == "relative"}
    assert {"35", "25", "17.9", "15.7", "1.5"} <= relative
    assert "95.3%" in kept  # the level stated beside them stays


BLIND1 = Path(__file__).parent / "data" / "realtexts_blind1"


def test_a_news_report_of_achievements_gives_baselines_and_its_plans_targets() -> None:
    # blind1/04 (dev set): "截至2022年底,全省实际完成新建公办幼儿园253所" is achieved, the year's
    # "新建公办幼儿园200所…的目标任务" planned; "比上年提高1个百分点" is a change
    plan = eduplans.parse_plan(BLIND1 / "real_04_henan.txt", region="河南省")
    base = {(v.year, v.magnitude) for v in plan.baselines}
    assert {(2022, 253), (2022, 91.8), (2022, 87.08)} <= base
    assert all(v.unit != "percentage_point" for v in plan.baselines + plan.targets)


def test_section_headings_with_years_date_the_values_under_them() -> None:
    # blind1/08 (dev set): a 政府工作报告 digest with "2020年工作回顾" and "2021年重点工作"
    plan = eduplans.parse_plan(BLIND1 / "real_08_changsha-xian.txt", region="长沙县")
    got = {(v.kind, v.year, v.magnitude) for v in plan.baselines + plan.targets}
    assert ("baseline", 2020, 16) in got  # 新改扩建学校16所
    assert ("target", 2021, 99) in got  # 学前三年毛入园率达99%以上
    assert ("target", 2021, 5760) in got


# --- sentence patterns ---------------------------------------------------------------------------


def test_a_year_first_fenbie_list_takes_the_names_of_the_list_before() -> None:
    # real_08: "2015年A、B、C、D和E分别达到90%、99%、92%、45%和13.5年;2020年分别达到98%、…"
    plan = parse("real_08")
    got = {(n, k, y): m for n, k, y, m in values(plan)}
    assert got[("义务教育巩固率", "target", 2015)] == 99
    assert got[("高中阶段教育毛入学率", "target", 2020)] == 95
    assert got[("高等教育毛入学率", "target", 2020)] == 60
    assert got[("新增劳动力人均受教育年限", "target", 2020)] == 15
    assert got[("从业人员继续教育年参与率", "target", 2020)] == 60  # after the list: its own name


def test_one_value_for_two_names() -> None:
    # blind1/08: "贫困家庭学生基础教育入学率、巩固率达100%"
    plan = eduplans.parse_plan(BLIND1 / "real_08_changsha-xian.txt", region="长沙县")
    names = {i.full_name for i in plan.indicators if any(v.magnitude == 100 for v in i.values)}
    assert {"贫困家庭学生基础教育入学率", "贫困家庭学生基础教育巩固率"} <= names


def test_from_one_level_to_another() -> None:
    # blind1/05: "从2015年的25.15%提升至2020年的55.53%", "从65%提升至95.21%" (years of the pair
    # before), on a news page reporting what was done
    plan = eduplans.parse_plan(BLIND1 / "real_05_zhangzhou.txt", region="漳州市")
    got = {(v.kind, v.year, v.magnitude) for v in plan.baselines + plan.targets}
    assert {("baseline", 2015, 25.15), ("baseline", 2020, 55.53)} <= got
    assert {("baseline", 2015, 65), ("baseline", 2020, 95.21)} <= got


def test_a_news_headline_repeating_the_body_is_reported_once() -> None:
    # real_06: the headline "宁夏将新增3.6万个幼儿学位 普惠性幼儿园覆盖率2025年超90%"
    plan = parse("real_06", region="宁夏回族自治区")
    seats = [v for v in plan.targets if v.magnitude == 36000]
    assert len(seats) == 1 and seats[0].span.start > 40  # the body's, not the headline's
    assert {d.reason for d in plan.diagnostics if d.text == "3.6"} == {"repeated"}


def test_a_threshold_inside_a_name_is_no_target() -> None:
    # blind1/06: "加快消除56人以上大班额"
    plan = eduplans.parse_plan(BLIND1 / "real_06_guangdong.txt", region="广东省")
    assert not [v for v in plan.targets if v.magnitude == 56]
    assert {d.reason for d in plan.diagnostics if d.text == "56"} == {"distractor"}


def test_a_table_cell_that_is_not_read_is_reported_with_the_reason() -> None:
    # a layout test (invented row): a cell in years under a percent row is not read as percent
    text = (
        "某县“十四五”教育事业发展规划\n主要指标\n指标 2020年 2025年 属性\n"
        "学前三年毛入园率(%) 90 12年 预期性\n"
    )
    plan = eduplans.parse_plan(text)
    assert [v.magnitude for v in plan.baselines] == [90]
    (d,) = [d for d in plan.diagnostics if d.text == "12"]
    assert d.reason == "rejected" and "12年" in d.detail
