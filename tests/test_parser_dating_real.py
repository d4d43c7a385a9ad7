"""The year and kind (baseline or target) the parser gives values on real pages.

Each test reads one real page of a development set (tests/data/realtexts_blind*/README.md gives
each source) and checks one dating mechanism of Chinese official and news writing: how a page
says the time and tense of a value. Each asserts the value's year, kind and span (its quote is
the source text at its offsets).
"""

from __future__ import annotations

from pathlib import Path

import eduplans

DATA = Path(__file__).parent / "data"


def parse(blind: int, stem: str, **kw: object) -> eduplans.Plan:
    path = next((DATA / f"realtexts_blind{blind}").glob(f"real_{stem}_*.txt"))
    return eduplans.parse_plan(path, **kw)  # type: ignore[arg-type]


def value(plan: eduplans.Plan, quote: str) -> tuple[str, int, str]:
    """Return (kind, year, note) of the one value whose quote is ``quote``; check its span.

    ``quote`` ends with the value's text; the value's quote may go on with the name read after
    it ("新建改擴建360所" is quoted "新建改擴建360所公辦幼兒園").
    """
    found = [
        v
        for i in plan.indicators
        for v in i.values
        if v.quote == quote or (v.quote.startswith(quote) and quote.endswith(v.text))
    ]
    assert len(found) == 1, (quote, [v.quote for i in plan.indicators for v in i.values])
    v = found[0]
    assert plan.source_text[v.span.start : v.span.end] == v.quote
    return v.kind, v.year, v.note


def test_the_time_leading_a_list_holds_for_its_items() -> None:
    # blind5/19, a new year's speech dated 2018-03-26: "過去的一年,極不平凡。…" leads a list of
    # "——" items of last year's results; before the fix they were dated 2018 (the page's year)
    plan = parse(5, "19")
    for quote in (
        "累計(jì)新建學(xué)校1 205所",
        "自治區(qū)多元普惠幼兒園達(dá)4 270所",  # the second item: the list's lead still holds
        "全區(qū)普惠學(xué)前教育資源覆蓋率達(dá)60%",
        "普通高中招生34.8萬(wàn)人",
    ):
        kind, year, note = value(plan, quote)
        assert (kind, year) == ("baseline", 2017), quote
        assert "過去的一年" in note or "过去的一年" in note


def test_a_target_met_is_no_word_of_intent() -> None:
    # blind5/19: "超額完成目標任務,新增學位94萬個" was a target (目标 read as intent)
    kind, year, _ = value(parse(5, "19"), "新增學(xué)位94萬(wàn)個")
    assert (kind, year) == ("baseline", 2017)
    # blind5/26: "分别达到57%和89%,高标准超过国家确定的“50%、80%”的目标任务": the shares
    # exceed the national targets, they are no targets themselves
    plan = parse(5, "26")
    kind, year, _ = value(plan, "公办幼儿园、普惠性幼儿园在园幼儿占比分别达到57%")
    assert (kind, year) == ("baseline", 2020)
    kind, year, _ = value(plan, "和89%")
    assert (kind, year) == ("baseline", 2020)


def test_a_total_to_date_keeps_the_page_year_not_its_paragraphs() -> None:
    # blind2/12 (dated 2022): "…2021年末全区在职教职工63178名…。同時,累計投入學前幼兒園建設資金
    # 74.86億元": 累计 is a total to the page's date; the 2021 of the sentence before does not
    # carry to it (the rule that carries a list's lead must not reach it)
    kind, year, _ = value(parse(2, "12"), "累計(jì)投入學(xué)前幼兒園建設(shè)資金74.86億元")
    assert (kind, year) == ("baseline", 2022)


def test_this_year_in_the_sentence_before_carries() -> None:
    # blind2/03, a January news page of 2020 (its 去年 is 2019): "…共實現新增學位14.29萬個,
    # 今年即可投入使用。…毛入園率將達到90%左右": the planned rate is of 今年, 2020
    kind, year, note = value(parse(2, "03"), "全省學前教育三年毛入園率將達到90%左右")
    assert (kind, year) == ("target", 2020)
    assert "今年" in note


def test_funds_won_from_higher_levels_are_no_intent() -> None:
    # blind6/07: "2023年爭取上級專項資金6162萬元。投入1.7億元推動…": 争取 of money won from higher
    # levels (as reports say of funds obtained), not 争取 of intent; both were targets
    plan = parse(6, "07")
    assert value(plan, "2023年爭取上級專項資金6162萬元")[:2] == ("baseline", 2023)
    assert value(plan, "投入1.7億元")[:2] == ("baseline", 2023)


def test_a_bulletin_dates_its_figures_by_the_year_it_publishes() -> None:
    # blind6/03, a census bulletin signed 2021-05-13: "现将2020年11月1日零时我省…情况公布如下"
    # (将 = 把, no intent): its figures are of 2020, achieved; they were targets of 2021
    plan = parse(6, "03")
    kind, year, note = value(plan, "拥有初中文化程度的人口为4050000人")
    assert (kind, year) == ("baseline", 2020)
    assert "bulletin" in note


def test_a_change_compared_with_a_year_starts_in_that_year() -> None:
    # blind6/03: "与2010年第六次全国人口普查相比,…由9.2年提高至10.1年" and, after a semicolon of
    # the same sentence, "拥有高中文化程度的由14857人上升为15561人": the level it starts from is
    # of 2010, the level it reaches of the bulletin's year
    plan = parse(6, "03")
    assert value(plan, "15岁及以上人口的平均受教育年限由9.2年")[:2] == ("baseline", 2010)
    assert value(plan, "提高至10.1年")[:2] == ("baseline", 2020)
    assert value(plan, "拥有高中文化程度的由14857人")[:2] == ("baseline", 2010)
    assert value(plan, "上升为15561人")[:2] == ("baseline", 2020)


def test_a_document_that_puts_forward_or_requires_makes_a_plan() -> None:
    # blind6/22 (2014-01-28): "政府工作報告提出加快義務教育均衡發展,25%的縣市實現基本均衡": what
    # the report proposes is planned; it was a baseline
    assert value(parse(6, "22"), "25%")[:2] == ("target", 2014)
    # blind5/03 (2022-12-05): "按照《周口市人民政府辦公室關于印發2022年中心城區十件民生實事的通知》
    # (…)要求,…2022年中心城區新建13所公辦幼兒園,新增學前教育學位3510個": the notice's tasks
    plan = parse(5, "03")
    assert value(plan, "2022年中心城區新建13所")[:2] == ("target", 2022)
    assert value(plan, "新增學前教育學位3510個")[:2] == ("target", 2022)
    # blind3/21: "報告指出,這五年,紅安縣新建各類學校46所": a report that points out facts
    # reports them; still a baseline
    assert value(parse(3, "21"), "紅安縣新建各類學(xué)校46所")[0] == "baseline"


def test_a_value_listed_into_a_programme_of_works_is_a_task() -> None:
    # blind6/17 (2017-08-17): "2017年,我市30所学校幼儿园建设列入为民办实事工程,包括幼儿园16所…,
    # 总投资约8亿元": the works the programme sets; all were baselines
    plan = parse(6, "17")
    for quote in ("我市30所", "包括幼儿园16所", "总投资约8亿元"):
        assert value(plan, quote)[:2] == ("target", 2017), quote


def test_a_page_of_a_year_s_first_months_plans_its_year() -> None:
    # blind6/08 (2022-03-29, a press conference on the year's key work): "今年我市确定的新建續建
    # 項目中,直屬學校項目4個、新城區項目13個…": the year has hardly begun, its projects are
    # planned; they were baselines
    plan = parse(6, "08")
    assert value(plan, "直屬學校項目4個")[:2] == ("target", 2022)
    assert value(plan, "、新城區(qū)項目13個")[:2] == ("target", 2022)
    # blind6/22 (2014-01-28): the headline "今年吉林省新建改擴建360所公辦幼兒園" is printed twice,
    # above and below the date line; both copies are reported as repeated (the body states the
    # 360 in its own sentence, "2014年,全省將…新建改擴建360所公辦幼兒園", a target of 2014)
    plan = parse(6, "22")
    assert value(plan, "新建改擴建360所")[:2] == ("target", 2014)
    assert sum(d.reason == "repeated" and d.text == "360" for d in plan.diagnostics) == 2


def test_a_span_of_years_dates_what_it_did_by_its_last_year() -> None:
    # blind6/06: "…截至2017年底,全市登記注冊幼兒園1605所…。據悉,2014—2016年,西安市共投入資金
    # 10億元,新建、改擴建幼兒園458所": the totals of the span stand at 2016; they took the 2017
    # of the sentence before
    plan = parse(6, "06")
    assert value(plan, "西安市共投入資金10億元")[:2] == ("baseline", 2016)
    assert value(plan, "新建、改擴(kuò)建幼兒園458所")[:2] == ("baseline", 2016)
    assert value(plan, "全市登記注冊(cè)幼兒園1605所")[:2] == ("baseline", 2017)


def test_a_sentence_with_its_own_year_keeps_its_own_tense() -> None:
    # blind6/20 (undated, of 2020): "…未来5年将建设至少22所学校…。2020年秋季,全区新改扩建13所
    # 幼儿园和2所小学,解决学位6210个": the 将 of the sentence before does not reach a sentence
    # that writes its own past year; they were targets
    plan = parse(6, "20")
    assert value(plan, "全区新改扩建13所")[:2] == ("baseline", 2020)
    assert value(plan, "解决学位6210个")[:2] == ("baseline", 2020)
    # blind6/09: "2015年,…包头市将新建37所幼儿园…。…包头市2014年投资5.1亿元新建、改扩建55所"
    plan = parse(6, "09")
    assert value(plan, "包头市2014年投资5.1亿元")[:2] == ("baseline", 2014)
    assert value(plan, "内蒙古自治区包头市将新建37所")[:2] == ("target", 2015)


def test_what_a_plan_s_task_says_is_planned() -> None:
    # blind2/03: "根據原定規劃任務,2019年,全省應新建改擴建1000所城鄉幼兒園,新增10萬個幼兒學位"
    plan = parse(2, "03")
    assert value(plan, "全省應新建改擴建1000所")[:2] == ("target", 2019)
    assert value(plan, "新增10萬個")[:2] == ("target", 2019)
    # blind5/10: "按照城鄉教育一體化發展要求,…有75所學校位於城郊結合地區": a principle, no task
    assert value(parse(5, "10"), "有75所")[0] == "baseline"


def test_a_page_that_plans_for_a_year_before_its_date_is_a_copy() -> None:
    # blind6/19, dated 2024-05-23 by a site that copies news: "預計到2020年,3年內新增學校12所",
    # "僅2017年增長學生數達2099人": written in 2018, not 2024; its 今年 and 現有 are of 2018
    plan = parse(6, "19")
    kind, year, note = value(plan, "武漢開發區(漢南區)現有中小學12所")
    assert (kind, year) == ("baseline", 2018)
    assert "2018" in note
    assert value(plan, "計劃投資4.5億元")[:2] == ("target", 2018)
    # a page whose plans are still ahead of its date keeps it (blind6/22, 2014-01-28)
    assert value(parse(6, "22"), "獎補普惠性民辦幼兒園140所")[:2] == ("target", 2014)


def test_an_undated_news_lead_gives_the_page_its_year() -> None:
    # blind5/01 (undated): "今天上午,2022年全市中小學及幼兒園招生政策發布會在…舉行": the page is
    # of 2022; its achievements without a year are of 2022, not of the one dated figure of 2021
    # ("全市優質園比例在2021年提升了21個百分點,達到60%", which keeps its sentence's 2021)
    plan = parse(5, "01")
    kind, year, note = value(plan, "共增加公辦普惠學位4.8萬個")
    assert (kind, year) == ("baseline", 2022)
    assert "發布會" in note or "发布会" in note
    assert value(plan, "143所")[:2] == ("baseline", 2022)
    assert value(plan, "達到60%")[:2] == ("baseline", 2021)


def test_a_year_s_work_conference_reviews_the_year_before() -> None:
    # blind1/09 (undated): "18日,重慶市長黃奇帆在此間召開的2012年重慶教育工作會上稱,重慶學前
    # 三年教育毛入園覆蓋率達73%": the conference opens 2012 and reviews 2011; what it says of
    # 2012 is planned ("2012年重慶全市地方教育總投入470億元" was a baseline)
    plan = parse(1, "09")
    assert value(plan, "重慶學前三年教育毛入園覆蓋率達73%")[:2] == ("baseline", 2011)
    assert value(plan, "2012年重慶全市地方教育總投入470億元")[:2] == ("target", 2012)


def test_later_in_the_year_an_achievement_is_of_the_page_s_year() -> None:
    # blind3/19 (2011-09-18): "自2009年起,1470所學前“雙語”幼兒園在新疆各地先後建成" on a page
    # whose other dated figures are of 2008: of 2011, the page's year (it was 2008)
    plan = parse(3, "19")
    kind, year, note = value(plan, "1470所")
    assert (kind, year) == ("baseline", 2011)
    assert "2011-09-18" in note


def test_now_in_a_review_of_a_finished_period_is_the_page_s_year() -> None:
    # blind2/09, an undated speech ("同志們:…總結交流“十二五”期間…取得的成績…安排下一步的工作"):
    # a speech, not a plan; it sums up the finished 十二五, so it is of 2016; "——“十二五”期間,中央
    # 和省投入…50.31億元…。到目前,實施新建、擴建幼兒園項目1 122個…;利用農村閑置校舍改建幼兒園
    # 1 376所…": the period's total stays 2015, what stands 到目前 is of 2016 (also after the
    # sentence's semicolons); they were 2015
    plan = parse(2, "09")
    assert next(f for f in plan.meta if f.name == "document").value == "work_report"
    assert value(plan, "中央和省投入學(xué)前教育專項資金50.31億元")[:2] == ("baseline", 2015)
    kind, year, note = value(plan, "實施新建、擴建幼兒園項目1 122個")
    assert (kind, year) == ("baseline", 2016)
    assert "目前" in note
    assert value(plan, "利用農(nóng)村閑置校舍改建幼兒園1 376所")[:2] == ("baseline", 2016)


def test_the_next_five_years_of_a_five_year_plan_are_its_own() -> None:
    # blind6/14 (2021-10-14): "…發布《北京市“十四五”時期教育改革和發展規劃(2021—2025年)》,明確
    # 提出未來五年,…規劃建設17所左右優質中小學學校": 2025, the plan's end (it was 2026)
    kind, year, _ = value(parse(6, "14"), "規(guī)劃建設(shè)17所左右")
    assert (kind, year) == ("target", 2025)


def test_a_change_from_a_period_s_opening_starts_in_its_base_year() -> None:
    # blind5/26: "与“十三五”初相比,宁夏全区幼儿园数量从788所增加到目前的1464所": 788 is of 2015
    plan = parse(5, "26")
    assert value(plan, "宁夏全区幼儿园数量从788所")[:2] == ("baseline", 2015)
    assert value(plan, "增加到目前的1464所")[:2] == ("baseline", 2020)
