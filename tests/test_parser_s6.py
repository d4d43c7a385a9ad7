"""Session 6 parser fixes, each on a real development page (tests/data/realtexts_blind*)."""

from __future__ import annotations

from pathlib import Path

import eduplans

DATA = Path(__file__).resolve().parent / "data"


def _rows(path: Path) -> list[dict[str, object]]:
    return eduplans.parse_plan(path).to_frame().to_dict("records")


def test_land_in_mu_is_read_on_a_real_page() -> None:
    # blind13/12: "新增义务教育学校建设用地962.94亩" (亩 was no unit: the value was lost)
    path = next((DATA / "realtexts_blind13").glob("real_12_*.txt"))
    text = path.read_text(encoding="utf-8")
    rows = [r for r in _rows(path) if r["unit"] == "mu"]
    assert [(r["value"], r["year"], r["kind"]) for r in rows] == [(962.94, 2020, "baseline")]
    quote = str(rows[0]["quote"])
    assert quote.endswith("962.94亩") and quote in text


def test_mu_and_hectare_convert_to_square_metres() -> None:
    from eduplans import _units

    assert _units.convert(15, "mu", "square_meter") == 10000
    assert _units.convert(25.2, "hectare", "square_meter") == 252000
    assert eduplans.parse_value("占地25.2公顷".removeprefix("占地")).unit == "hectare"


def test_jian_is_a_classifier_on_a_real_page() -> None:
    # blind8/13: "共完成49件民生實事": 件 was no classifier, so 49 was "not understood"; it is now
    # read as a count, and reported as the count of a list of works (民生实事), as 项 is
    assert eduplans.parse_value("49件").unit == "item"
    path = next((DATA / "realtexts_blind8").glob("real_13_*.txt"))
    reasons = {d.reason for d in eduplans.parse_plan(path).diagnostics if d.text == "49"}
    assert reasons == {"distractor"}


def test_a_sentence_opening_with_qizhong_takes_the_years_it_breaks_down() -> None:
    # blind17/20: "2016—2018年我县义务教育学校建设累计投入资金16073.8万元,…。其中全面改薄9159万元,
    # 建设项目124个" : the parts are of 2018, not of the 十三五 plan's end (2020)
    path = next((DATA / "realtexts_blind17").glob("real_20_*.txt"))
    rows = {(r["indicator"], r["value"]): r for r in _rows(path)}
    for key in [("全面改薄", 91590000.0), ("建设项目", 124.0), ("校舍维修改造", 69148000.0)]:
        assert (rows[key]["year"], rows[key]["kind"]) == (2018, "baseline"), key
        # parts of a total over 2016—2018 are totals over those years, not levels of 2018
        assert (rows[key]["flag_cumulative"], rows[key]["start_year"]) == (True, 2016), key
    # and the span of years is no part of a name
    assert ("学前教育累计投入资金", 30645000.0) in rows


def _first(rows: list[dict[str, object]], value: float) -> dict[str, object]:
    return next(r for r in rows if r["value"] == value)


def test_a_statistics_title_dates_its_figures_not_the_publication_date() -> None:
    # blind19/02: "高新区(新市区)2023年教育统计数据信息" of 2024-07-02: figures of 2023
    path = next((DATA / "realtexts_blind19").glob("real_02_*.txt"))
    rows = _rows(path)
    assert {r["year"] for r in rows} == {2023}
    assert {r["kind"] for r in rows} == {"baseline"}


def test_statistics_of_a_school_years_start_are_of_its_first_autumn() -> None:
    # blind18/13: "2021~2022学年初惠州市教育统计基本情况" (2022-04-22): "幼儿教育招生人数89292人"
    path = next((DATA / "realtexts_blind18").glob("real_13_*.txt"))
    row = _first(_rows(path), 89292.0)
    assert (row["year"], row["kind"]) == (2021, "baseline")


def test_a_yearbook_named_with_its_publication_year_holds_the_year_before() -> None:
    # blind19/17: "【《山丹年鉴2022》】…年内,全县各级各类学校65所": the figures of 2021
    path = next((DATA / "realtexts_blind19").glob("real_17_*.txt"))
    row = _first(_rows(path), 65.0)
    assert (row["year"], row["kind"]) == (2021, "baseline")


def test_a_deadline_already_past_at_the_pages_date_is_a_result() -> None:
    # blind17/11, a page of 2022-08-10: "到2021年,学前教育三年毛入园率达到93.5%,普惠率达到87.3%"
    path = next((DATA / "realtexts_blind17").glob("real_11_*.txt"))
    rows = _rows(path)
    for value in (93.5, 87.3, 51.4):
        row = _first(rows, value)
        assert (row["year"], row["kind"]) == (2021, "baseline"), value


def test_a_deadline_ahead_of_the_pages_date_stays_a_target() -> None:
    text = "沈阳教育\n2022-08-10 19:24:33来源:国际在线\n到2025年,学前教育三年毛入园率达到95%。\n"
    row = _first(eduplans.parse_plan(text).to_frame().to_dict("records"), 95.0)
    assert (row["year"], row["kind"]) == (2025, "target")


def test_a_share_of_the_plan_done_is_no_level() -> None:
    # blind18/09: "已开工95所,占规划量的71.43%": how far the plan is done, reported with its reason
    path = next((DATA / "realtexts_blind18").glob("real_09_*.txt"))
    plan = eduplans.parse_plan(path)
    assert 71.43 not in {r["value"] for r in plan.to_frame().to_dict("records")}
    (note,) = [d for d in plan.diagnostics if d.text == "71.43"]
    assert note.detail == "a share of a target completed, not a level"
    assert 95.0 in {r["value"] for r in plan.to_frame().to_dict("records")}


def test_numbers_written_in_spaced_groups_of_three_digits_are_one_number() -> None:
    # blind17/07: "到2021 年達到3 781 290 人", "增長至158 001 人" (781290 and 001 were read alone)
    path = next((DATA / "realtexts_blind17").glob("real_07_*.txt"))
    text = path.read_text(encoding="utf-8")
    plan = eduplans.parse_plan(path)
    values = {v.value.magnitude: v for ind in plan.indicators for v in ind.values}
    for number, written in [(3781290.0, "3 781 290 人"), (158001.0, "158 001 人")]:
        v = values[number]
        assert v.text == written and text[v.span.start : v.span.end].endswith(written)
    assert 781290.0 not in values


def test_the_number_of_a_table_is_no_value() -> None:
    # blind17/07: "具體分布情況如表1 所示" gave a value of 1 school
    path = next((DATA / "realtexts_blind17").glob("real_07_*.txt"))
    plan = eduplans.parse_plan(path)
    assert 1.0 not in {v.value.magnitude for ind in plan.indicators for v in ind.values}
    text = plan.source_text
    notes = [d for d in plan.diagnostics if text[d.start - 1 : d.end + 2] == "表1 所"]
    assert [d.detail for d in notes] == ["the number of a table or figure (如表1所示), not a value"]
    # a count of schools whose name starts with 示 (示范) is still one
    page = "某县\n2021年,全县共有80所示范性幼儿园。"
    assert [r["value"] for r in eduplans.parse_plan(page).to_frame().to_dict("records")] == [80.0]


def test_an_undated_article_of_as_many_results_as_plans_is_a_report() -> None:
    # blind14/06 "涼山州教育綜合數據" (no date, one word of achievement, one of intent): its
    # figures (各類學校1738所, 修建348所鄉鎮幼兒園) are results, not targets
    path = next((DATA / "realtexts_blind14").glob("real_06_*.txt"))
    rows = _rows(path)
    for value in (1738.0, 348.0, 617.0):
        assert _first(rows, value)["kind"] == "baseline", value


def test_an_undated_article_without_words_of_tense_is_not_read_as_a_report() -> None:
    # shared/08 (a plan's excerpt without its title): "2015年…分别达到90%、99%…;2020年分别达到98%"
    rows = _rows(DATA / "real_excerpts" / "real_08_weizhi-shi.txt")
    assert _first(rows, 98.0)["kind"] == "target"


def _by_subject(path: Path, name: str) -> dict[str, list[float]]:
    plan = eduplans.parse_plan(path)
    out: dict[str, list[float]] = {}
    for ind in plan.indicators:
        if ind.name == name:
            out.setdefault(ind.subject, []).extend(v.value.magnitude for v in ind.values)
    return out


def test_a_sentence_opening_with_qizhong_gives_the_parts_of_the_count_before() -> None:
    # blind20/09 (盐城 民生实事, a page on many fields): "建设幼儿园 17 所,…。" then "其中:东台市
    # 2 所、建湖县 4 所、…": the parts were dropped as saying nothing of schooling
    path = next((DATA / "realtexts_blind20").glob("real_09_*.txt"))
    parts = _by_subject(path, "建设幼儿园")
    assert parts[""] == [17.0]
    assert (parts["东台市"], parts["建湖县"], parts["盐城经济技术开发区"]) == ([2.0], [4.0], [1.0])
    assert sum(v[0] for k, v in parts.items() if k) == 17.0  # the parts add up to the total


def test_a_list_number_before_a_span_of_years_is_no_part_of_a_name() -> None:
    # blind11/16: "2、2020-2022年开工新建普通高中7所" then "其中:…锡山区1所、惠山区1所"
    path = next((DATA / "realtexts_blind11").glob("real_16_*.txt"))
    parts = _by_subject(path, "开工新建普通高中")
    assert parts[""] == [7.0] and parts["锡山区"] == [1.0] and parts["惠山区"] == [1.0]


def test_words_of_statistics_and_verbs_with_le_say_done() -> None:
    # blind21/07, a news page of 2020-09-07 naming a plan to 2035: "据统计,义务教育阶段,全省新增
    # (含改扩建)小学、初中共33所" and "仅海口就新建了2所小学、3所初中" are results of 2020
    path = next((DATA / "realtexts_blind21").glob("real_07_*.txt"))
    rows = _rows(path)
    for value in (33.0, 2.0):
        row = _first(rows, value)
        assert (row["year"], row["kind"]) == (2020, "baseline"), value


def test_every_item_of_a_list_of_growth_rates_is_a_growth_rate() -> None:
    # blind20/06: "财政性教育经费投入分别增长27%、28%、23%和51%": 27% was reported as a growth
    # rate, 28%, 23% and 51% were read as levels
    path = next((DATA / "realtexts_blind20").glob("real_06_*.txt"))
    plan = eduplans.parse_plan(path)
    values = {
        v.value.magnitude for ind in plan.indicators for v in ind.values if v.unit == "percent"
    }
    assert not values & {27.0, 28.0, 23.0, 51.0}
    text = plan.source_text
    at = text.index("分别增长27%")
    notes = {d.text: (d.reason, d.detail) for d in plan.diagnostics if at < d.start < at + 30}
    change = ("relative", "a change in percent (提高2.5%), not a level")
    assert notes == dict.fromkeys(("27", "28", "23", "51"), change)


def test_a_carried_past_year_is_not_planned_by_intent_words_around_it() -> None:
    # blind21/12, a page of 2020-03-21: "2019年,我省教育系统…" then "…开展44所综合高中试点建设,
    # 高中阶段教育毛入学率预计达…": 44 is a result of 2019, whatever 预计 says of the next figure
    path = next((DATA / "realtexts_blind21").glob("real_12_*.txt"))
    rows = _rows(path)
    for value in (44.0, 83.0):
        row = _first(rows, value)
        assert (row["year"], row["kind"]) == (2019, "baseline"), value


def test_the_level_a_change_rises_to_is_not_of_the_year_it_rises_from() -> None:
    # blind21/01 (河南这十年, undated): "每万人接受高等教育人数由2012年的149人增加到270人": 149 is
    # of 2012, 270 of the page's latest year (2021), not of 2012
    path = next((DATA / "realtexts_blind21").glob("real_01_*.txt"))
    rows = _rows(path)
    assert (_first(rows, 149.0)["year"], _first(rows, 270.0)["year"]) == (2012, 2021)


def test_a_stacked_row_with_a_missing_cell_does_not_crash() -> None:
    # review of session 6: _unstack indexed the columns' roles, empty when the row has fewer cells
    # than the table has body columns (an omitted 属性 cell), for a unit cell of three lines
    from eduplans._parse import _tables as t

    def cell(text: str, kind: str = "") -> t._Cell:
        return t._Cell(text, 0, len(text), kind)

    row = t._Row(
        name=cell("幼儿在园人数\n学前三年毛入园率", "name"),
        section="",
        cells=[cell("万人\n%\n个", "unit"), cell("24.0\n60", "value"), cell("30\n70", "value")],
    )
    cols = [t._Column("name"), t._Column("unit"), t._Column("year", 2020), t._Column("year", 2025)]
    cols.append(t._Column("binding"))
    rows = t._unstack(row, "pipe", True, cols)
    assert rows and all(isinstance(r, t._Row) for r in rows)


def test_the_years_of_a_plans_title_are_no_past_deadline() -> None:
    # review of session 6: the years of a plan's title inside 按照《…》要求 were read as 到2020年
    from datetime import date

    from eduplans._parse import _settle

    ctx = _settle.Context(
        period=(2022, 2022),
        page_date=date(2022, 8, 10),
        document="news_report",
        summary=False,
        title_span=(0, 0),
        latest_year=2022,
        mode="report",
    )
    assert _settle._past_deadline("到2021年,学前教育三年毛入园率达到", ctx)
    assert not _settle._past_deadline("按照《某市教育发展规划(2016—2020年)》要求,毛入园率达到", ctx)
    assert not _settle._past_deadline("规划提出,到2020年,毛入园率达到", ctx)
    assert not _settle._past_deadline("到2025年,毛入园率达到", ctx)


def test_a_count_before_shifan_is_no_table_reference() -> None:
    # review of session 6: "代表3所示范校" ended like "如表3所示" and the count was dropped
    text = "某县教育\n2021年,全县评出代表3所示范校。\n"
    rows = eduplans.parse_plan(text).to_frame().to_dict("records")
    assert [r["value"] for r in rows] == [3.0]
