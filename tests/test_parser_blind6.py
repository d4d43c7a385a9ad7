"""The parser on blind set 6 (tests/data/realtexts_blind6/, a development set of real pages).

Each test reads one real page of the set (its README gives each source) and checks one general
mechanism of published pages that the parser misread there: the values, diagnostics and metadata
it gives, each with its span (the quote is the source text at its offsets).
"""

from __future__ import annotations

from pathlib import Path

import eduplans

BLIND6 = Path(__file__).parent / "data" / "realtexts_blind6"


def parse(stem: str) -> eduplans.Plan:
    return eduplans.parse_plan(next(BLIND6.glob(f"real_{stem}_*.txt")))


def field(plan: eduplans.Plan, name: str) -> tuple[str, str]:
    """Return (value, source text at its span) of the metadata field ``name``."""
    (f,) = [f for f in plan.meta if f.name == name]
    return f.value, plan.source_text[f.start : f.end]


def values(plan: eduplans.Plan) -> list[tuple[str, str, int, float | None]]:
    """Return (quote, kind, year, magnitude) of every value; check each span."""
    out = []
    for ind in plan.indicators:
        for v in ind.values:
            assert plan.source_text[v.span.start : v.span.end] == v.quote
            out.append((v.quote, v.kind, v.year, v.magnitude))
    return out


def test_the_headline_is_the_line_above_the_date_line() -> None:
    # 08: a navigation bar ("首頁 資訊 國內 …") heads the page and was read as the headline; the
    # headline is the line above "來源:騰訊網 發布時間:2022-03-29 13:53:15"
    plan = parse("08")
    headline = "2022年|呼和浩特新建續(xù)建中小學33所、幼兒園19所!具體"
    assert field(plan, "headline")[1] == headline
    assert field(plan, "title")[1] == headline
    # its two counts are the body's ("2022年我市將啟動新建續(xù)建中小學33所、幼兒園19所"): the
    # headline's copies are reported as repeated, not read a second time
    repeated = [d for d in plan.diagnostics if d.reason == "repeated"]
    assert [(plan.source_text[d.start : d.end]) for d in repeated] == ["33", "19"]
    assert all(headline.find(plan.source_text[d.start : d.end]) >= 0 for d in repeated)
    assert all(d.start < plan.source_text.index("來源") for d in repeated)
    quotes = [q for q, *_ in values(plan)]
    assert "2022年我市將啟動新建續(xù)建中小學33所" in quotes
    assert not any(q.startswith("2022年|") for q in quotes)
    # 12: the navigation bar "要闻 | 城市远洋 | …" is too long to be a headline and no title was
    # found at all ("未命名规划"); the headline is above "2020-07-13 16:34:21来源:…"
    plan = parse("12")
    assert plan.title == "2020年延吉将建成4所公办幼儿园新增学位1140个"
    assert field(plan, "headline")[1] == "2020年延吉将建成4所公办幼儿园 新增学位1140个"


def test_a_date_with_its_clock_time_dates_a_news_page() -> None:
    # 02: "http://www.39388b.com2019年10月21日 09:36教育裝備網": the date is glued to the site's
    # address, and a greeting above the headline was the title. Without the page's date its
    # review ("近年来,…分別達96.86%、90%") was dated 2020 from the plan's "到2020年底"
    plan = parse("02")
    assert plan.issued is not None and plan.issued.isoformat() == "2019-10-21"
    assert field(plan, "issued") == ("2019-10-21", "2019年10月21日")
    assert field(plan, "headline")[1] == "新疆明年公辦園在園幼兒占比將達50%"
    got = values(plan)
    review = "全區(qū)學(xué)前三年毛入園率、普惠性幼兒園覆蓋率分別達96.86%"
    assert (review, "baseline", 2019, 96.86) in got
    assert ("、90%", "baseline", 2019, 90.0) in got
    assert ("各縣(市、區(qū))公辦園在園幼兒占比將達50%以上", "target", 2020, 50.0) in got
    # the headline's "將達50%" is the body's "將達50%以上": reported as repeated, at its span
    (rep,) = [d for d in plan.diagnostics if d.reason == "repeated"]
    assert plan.source_text[rep.start : rep.end] == "50"
    assert rep.start < plan.source_text.index("2019年10月21日")


def test_a_copy_of_the_headline_is_the_headline() -> None:
    # 20: the headline "学校|期待!武汉这个区未来5年将建22所学校" is printed three times more: in
    # brackets before the lead ("科教武汉【期待!…22所学校】11月19日,…"), under the article
    # ("文章插图") and before the disclaimer. Its 22 is the body's "未来5年将建设至少22所学校"; the
    # copies gave three more rows "学校 = 22"
    plan = parse("20")
    text = plan.source_text
    repeated = [d for d in plan.diagnostics if d.reason == "repeated"]
    assert [text[d.start : d.end] for d in repeated] == ["22"] * 4
    assert [text[d.start - 14 : d.end + 3] for d in repeated] == [
        "期待!武汉这个区未来5年将建22所学校"
    ] * 4
    assert text[repeated[1].start - 15] == "【"
    got = values(plan)
    assert [(q, m) for q, _, _, m in got if m == 22.0] == [("未来5年将建设至少22所学校", 22.0)]
    # 12: "【B】【吉09】2020年延吉将建成4所公办幼儿园 新增学位1140个", a picture's caption, is the
    # headline again; "1140个" was read a second time with the name 公办幼儿园
    plan = parse("12")
    got = values(plan)
    assert [q for q, *_ in got] == [
        "延吉市将建成第十五幼儿园、第十六幼儿园、第十七幼儿园、第十八幼儿园等4所公办幼儿园",
        "新增学位1140个",
    ]
    caption = plan.source_text.index("【B】【吉09】")
    assert sum(d.reason == "repeated" and d.start > caption for d in plan.diagnostics) == 2


def test_a_rate_that_says_which_are_counted_is_no_level() -> None:
    # 21: "緊盯學前教育毛入園率尚未達到90%或剛剛達到90%的21個薄弱縣": both 90% say which counties
    # are counted (they were two targets "或剛剛 = 90%"); the count 21 stays a value
    plan = parse("21")
    text = plan.source_text
    got = values(plan)
    assert not [q for q, _, _, m in got if m == 90.0]
    assert any("21個" in q and m == 21.0 for q, _, _, m in got)
    rates = [d for d in plan.diagnostics if d.text == "90"]
    assert len(rates) == 2
    for d in rates:
        assert d.reason == "distractor" and "which are counted" in d.detail
        assert text[d.start : d.end] == "90" and text[d.end] == "%"
    assert text.index("尚未達到90%") < rates[0].start < text.index("的21個薄弱縣")


def test_a_count_of_a_plans_own_indicators_is_no_value() -> None:
    # 14: "規劃提出了…等10個方面的分目標,設置12項主要指標": the plan's own list of indicators,
    # not a target of 12 of something
    plan = parse("14")
    assert not [q for q, _, _, m in values(plan) if m == 12.0]
    (d,) = [d for d in plan.diagnostics if d.text == "12"]
    assert d.reason == "distractor" and "list" in d.detail
    assert plan.source_text[d.end : d.end + 2] == "項("


def test_adult_schools_are_no_spam() -> None:
    # 16 (上海 statistics of 2023): "全市共有普通中等职业学校70所,…另有成人中专学校6所。共有中职在校
    # 生10.77万人,…": 成人 (adult) is a spam word of page chrome, and the whole paragraph was
    # skipped as chrome; 成人中专学校 (adult secondary schools) is a kind of school
    plan = parse("16")
    got = values(plan)
    for quote, magnitude in (
        ("全市共有普通中等职业学校70所", 70.0),
        ("另有成人中专学校6所", 6.0),
        ("共有中职在校生10.77万人", 107700.0),
        ("非全日制在校生1.33万人", 13300.0),
    ):
        assert (quote, "baseline", 2023, magnitude) in got
    assert not [d for d in plan.diagnostics if d.reason == "chrome"]
    # the spam lines of other pages stay chrome: "…_成人高辣h视频一…", "国产成人影院"
    from eduplans._parse._decode import chrome_lines

    for spam in ("精品在线视频_成人高辣h视频一区", "合一区,国产成人影院一区二区"):
        assert chrome_lines(spam) == [(0, len(spam))]


def test_a_paragraph_of_its_parts_is_about_what_the_one_before_is() -> None:
    # 17: "2017年,我市30所学校幼儿园建设列入为民办实事工程,包括幼儿园16所…" then a paragraph "其中海
    # 港区5所,山海关区1所,…青龙县11所。目前,…已完工4所。": it names no school, but its 所 are
    # the 30 schools' parts; all eleven were dropped as "a paragraph that says nothing of
    # schooling". The page's date line ("2017/8/17 11:15:41 次浏览 分类:部门动态 来源:本站") was its
    # headline, which made the page not about education
    plan = parse("17")
    assert plan.title == "未命名规划"
    assert not [f for f in plan.meta if f.name == "headline"]
    got = values(plan)
    for quote, magnitude in (("其中海港区5所", 5.0), ("青龙县11所", 11.0), ("昌黎县1所", 1.0)):
        assert (quote, "target", 2017, magnitude) in got
    assert ("已完工4所", "baseline", 2017, 4.0) in got
    assert not [d for d in plan.diagnostics if d.reason == "not_education"]


def test_a_census_bulletin_of_schooling() -> None:
    # 03 (海南 census bulletin): "拥有大学(指大专及以上)文化程度的人口为1403194人" was dropped as "a
    # population that says where a provision applies": 以 of 及以上 in the name was read as 以 of a
    # standard (以…为标准); the paragraph on 文盲 (illiteracy) was "a paragraph that says nothing of
    # schooling"; 每10万人中 (the people a figure is counted among) was a value of 100000 persons
    plan = parse("03")
    got = values(plan)
    assert ("拥有大学(指大专及以上)文化程度的人口为1403194人", "baseline", 2020, 1403194.0) in got
    assert ("文盲人口(15岁及以上不识字的人)为    327406人", "baseline", 2020, 327406.0) in got
    assert ("文盲率[5]由4.07%", "baseline", 2010, 4.07) in got
    assert any(q.endswith("3.25%") and (k, y) == ("baseline", 2020) for q, k, y, _ in got)
    assert not [q for q, _, _, m in got if m == 100000.0]
    text = plan.source_text
    (per,) = [d for d in plan.diagnostics if "denominator" in d.detail]
    assert per.reason == "distractor" and text[per.start - 1 : per.end + 3] == "每10万人中"
    # blind3/17: "每万人口中具有大专以上学历的人口达到1200人" (the same 以上 in a name) is read too
    path = next((BLIND6.parent / "realtexts_blind3").glob("real_17_*.txt"))
    plan = eduplans.parse_plan(path)
    assert ("每万人口中具有大专以上学历的人口达到1200人", "target", 2010, 1200.0) in values(plan)
