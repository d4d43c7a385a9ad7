"""Prose values on real pages of the development sets: what a value is, what it is named, and
which numbers are no regional value at all (issue 13, session 4).

Each test reads one real page of a development set (tests/data/realtexts_blind*/README.md gives
each source) and checks one general mechanism, with the values, diagnostics and spans it makes.
"""

from __future__ import annotations

from pathlib import Path

import eduplans

DATA = Path(__file__).parent / "data"


def parse(blind: int, stem: str, **kw: object) -> eduplans.Plan:
    path = next((DATA / f"realtexts_blind{blind}").glob(f"{stem}_*.txt"))
    return eduplans.parse_plan(path, **kw)  # type: ignore[arg-type]


def rows(plan: eduplans.Plan) -> list[tuple[str, float | None, str, str]]:
    """(name, value, comparator, quote) of every value."""
    return [
        (i.name, v.magnitude, v.comparator.value, v.quote)
        for i in plan.indicators
        for v in i.values
    ]


def reasons(plan: eduplans.Plan) -> dict[str, tuple[str, str]]:
    """The diagnostics by the number's text: (reason, detail)."""
    return {d.text: (d.reason, d.detail) for d in plan.diagnostics}


# --- one facility's specifications are no regional value -----------------------------------------
def test_a_sentence_about_one_facility_gives_its_specifications_not_values() -> None:
    # blind5/24, a news report of a new kindergarten: "該園總投資821萬元,占地面積9600平方米,建筑面積
    # 達2313平方米,內設6個教學班…,可容納180名幼兒。" The five were read as the banner's targets;
    # they describe one school (該園 points back to it). The region's own figure in the next
    # paragraph stays a value: "該旗累計投入1000多萬元…累計建設面積57135平方米".
    plan = parse(5, "real_24")
    text = plan.source_text
    kept = {v.magnitude for i in plan.indicators for v in i.values}
    assert {57135.0, 10000000.0} <= kept
    assert not {8210000.0, 9600.0, 2313.0, 180.0} & kept
    facility = [d for d in plan.diagnostics if "one facility" in d.detail]
    assert [d.text for d in facility] == ["821", "9600", "2313", "6", "180"]
    for d in facility:
        assert d.reason == "distractor"
        assert text[d.start : d.end] == d.text
    assert text[facility[0].start - 3 : facility[0].end] == "總投資821"
    # blind5/20: "这座总投资1.58亿元的崭新学校可容纳学生3000人" (one new school), and blind5/03, a
    # kindergarten's area, places, pupils, teachers and classes after "該園于2022年秋季開園"
    hengxian = reasons(parse(5, "real_20"))
    assert hengxian["1.58"][0] == hengxian["3000"][0] == "distractor"
    zhoukou = parse(5, "real_03")
    assert {v.magnitude for i in zhoukou.indicators for v in i.values} == {11.0, 13.0, 3510.0}
    for number in ("5857.28", "3329.58", "450", "125", "13"):
        assert "one facility" in reasons(zhoukou)[number][1], number


def test_a_named_school_before_its_specifications_gives_no_values() -> None:
    # blind6/12 (延吉): four new kindergartens, each "占地面积…,建筑面积…,总投资…,设有12个班,可容纳
    # 360名幼儿就读"; the first after "这个项目" (pointing back), the others after their names
    # ("位于延吉市东山小学南侧的第十五幼儿园占地面积4920平方米"): 20 rows of buildings read as the
    # city's targets. The city's own values stay: 4所公办幼儿园, 新增学位1140个.
    plan = parse(6, "real_12")
    specs = [d for d in plan.diagnostics if "one facility" in d.detail]
    assert len(specs) == 20
    assert all(d.reason == "distractor" for d in specs)
    kept = {(i.unit, v.magnitude) for i in plan.indicators for v in i.values}
    assert {("school", 4.0), ("seat", 1140.0)} <= kept
    assert not {m for _, m in kept} & {4920.0, 8900.0, 3410e4, 360.0, 12.0}
    # the second school's sentence without the first's "这个项目": its name before 占地面积 says
    # which school the figures are of
    text = (
        "2020年,延吉市将建成第十五幼儿园等4所公办幼儿园。位于延吉市东山小学南侧的第十五幼儿园"
        "占地面积4920平方米,建筑面积8900平方米,总投资3410万元,设有12个班,可容纳360名幼儿就读。"
    )
    alone = eduplans.parse_plan(text, region="延吉市")
    assert [(i.unit, v.magnitude) for i in alone.indicators for v in i.values] == [("school", 4.0)]
    detail = reasons(alone)["4920"]
    assert detail == (
        "distractor",
        "a specification (占地面积) of one school (第十五幼儿园), not the region's",
    )
    assert reasons(alone)["360"] == detail  # 可容纳 of the school named before 占地面积
    # a region's total names no school before its words: 新增校舍建筑面积3.82万平方米 (blind2/08)
    yuzhong = parse(2, "real_08")
    assert 38200.0 in {v.magnitude for i in yuzhong.indicators for v in i.values}


# --- a list joint inside brackets joins no list ---------------------------------------------
def test_a_place_word_with_bracketed_joints_is_one_name() -> None:
    # blind5/19: "義務教育均衡發展通過“區檢”縣(市、區)比例達75.7%" was split at the 、 inside
    # 縣(市、區) into two indicators, "…縣(市比例" and "區)比例", each with 75.7%
    plan = parse(5, "real_19")
    got = [(i.name, v.span.quote) for i in plan.indicators for v in i.values if v.magnitude == 75.7]
    assert got == [
        (
            "義務教育均衡發展通過“區檢”縣(市、區)比例",
            "義務(wù)教育均衡發(fā)展通過(guò)“區(qū)檢”縣(市、區(qū))比例達(dá)75.7%",
        )
    ]


# --- a name of verbs and fillers names nothing counted ----------------------------------------
def test_words_before_a_count_that_name_nothing_give_way_to_the_noun_after_it() -> None:
    # blind5/20 "该县655个义务教育均衡发展项目已完工544个": the count was named "该县" (the county);
    # blind3/09 "重新确定4~5个“燎原计划”项目": "重新确定" (verbs); blind3/14 "32个新建、改扩建项目
    # 已基本完工": "新建" (verbs joined by 、 share the noun after the last one)
    def named(blind: int, stem: str) -> dict[float | None, str]:
        plan = parse(blind, stem)
        return {v.magnitude: i.name for i in plan.indicators for v in i.values if i.unit == "item"}

    assert named(5, "real_20")[655.0] == "义务教育均衡发展项目"
    assert named(3, "real_09")[4.0] == "“燎原计划”项目"
    assert named(3, "real_14")[32.0] == "新建、改扩建项目"


def test_a_part_named_only_by_a_verb_is_a_part_of_the_count_before() -> None:
    # blind5/25 "15个新建项目中已完工12个", "改扩建6个项目已完工5个", blind5/20 "…655个义务教育
    # 均衡发展项目已完工544个": "已完工" alone names nothing; it is the done part of the count
    # before
    plan = parse(5, "real_25")
    done = [(i.name, v.magnitude, v.span.quote) for i in plan.indicators for v in i.values]
    assert ("新建项目中已完工", 12.0, "已完工12个") in done
    assert ("项目已完工", 5.0, "已完工5个") in done
    v = next(v for i in plan.indicators for v in i.values if v.magnitude == 12.0)
    assert "elided_subject" in v.flags
    assert plan.source_text[v.span.start : v.span.end] == v.span.quote
    got = parse(5, "real_20")
    assert ("义务教育均衡发展项目已完工", 544.0) in {
        (i.name, v.magnitude) for i in got.indicators for v in i.values
    }


def test_a_change_in_points_named_by_a_verb_alone_is_reported_not_a_value() -> None:
    # blind5/26 "毛入园率达到88.5%,提高了17个百分点", blind5/05 "重本上线率达到 17.71%,上升了 3.93
    # 个百分点": the level is the value; the verb alone names no measure of its own (no label of any
    # development set records such a change)
    plan = parse(5, "real_26")
    assert 17.0 not in {
        v.magnitude for i in plan.indicators for v in i.values if i.unit != "school"
    }
    assert 88.5 in {v.magnitude for i in plan.indicators for v in i.values}
    reason, detail = reasons(plan)["17"]
    assert reason == "relative"
    assert detail == "a change in 百分点 (提高了…) of the level before it, not a level"
    assert reasons(parse(5, "real_05"))["3.93"][0] == "relative"


def test_a_count_in_ge_named_by_verbs_alone_is_reported_as_name_unclear() -> None:
    # blind5/01 as its page continues: "在全市重點推廣8種聯盟辦園模式"; cut after the count
    # (real pages are often cut mid-sentence: the shared set's 04, 07-10), 8種 counts nothing
    from eduplans._parse._draft import names_nothing

    page = (DATA / "realtexts_blind5").glob("real_01_*.txt")
    text = next(page).read_text(encoding="utf-8")
    cut = text[: text.index("重點推廣8種") + len("重點推廣8種")] + "\n"
    plan = eduplans.parse_plan(cut, region="青岛市")
    assert 8.0 not in {v.magnitude for i in plan.indicators for v in i.values}
    reason, detail = reasons(plan)["8"]
    assert (reason, detail) == (
        "name_unclear",
        "the name '推廣' is only verbs or fillers: it says not what is counted",
    )
    # the words the check reads: verbs, particles, pronouns and region words, end to end
    assert all(names_nothing(n) for n in ("推广", "开设了", "该县", "重新确定", "已完工", ""))
    assert not any(names_nothing(n) for n in ("新建学校", "联盟办园模式", "三项", "初中"))


# --- a 分别 list shares the measure its last item names ------------------------------------------
def test_a_list_of_schools_shares_the_measure_of_its_last_item() -> None:
    # blind5/26 "公办幼儿园、普惠性幼儿园在园幼儿占比分别达到57%和89%": the first item was named
    # "公办幼儿园" (a count of schools, by its name) for a share of children
    plan = parse(5, "real_26")
    got = {(i.name, v.magnitude, v.span.quote) for i in plan.indicators for v in i.values}
    assert (
        "公办幼儿园在园幼儿占比",
        57.0,
        "公办幼儿园、普惠性幼儿园在园幼儿占比分别达到57%",
    ) in got
    assert ("普惠性幼儿园在园幼儿占比", 89.0, "和89%") in got
    v = next(v for i in plan.indicators for v in i.values if v.magnitude == 57.0)
    assert "elided_subject" in v.flags
    assert "shares the measure of its last item (在园幼儿占比)" in v.note
    # items that name their own measure keep it (学前三年毛入园率、九年义务教育巩固率…)
    from eduplans._parse._prose import _shared_measure

    assert _shared_measure(["学前三年毛入园率", "九年义务教育巩固率"]) == ""


# --- the bound a 分别 list writes once, after its last item ---------------------------------------
def test_the_bound_after_the_last_item_of_a_fenbie_list_holds_for_each_item() -> None:
    # blind3/17 "年辍学率分别控制在0.5%和1%以下": both rates are caps (the labels: ≤0.5, ≤1); the
    # first was read as "= 0.5"
    plan = parse(3, "real_17")
    got = {
        (v.magnitude, v.comparator.value, v.span.quote)
        for i in plan.indicators
        for v in i.values
        if "辍学率" in i.name
    }
    assert got == {(0.5, "<=", "年辍学率分别控制在0.5%"), (1.0, "<=", "和1%以下")}
    # a list whose items write their own bounds is read item by item (shared/08: "分别达到98%、99%、
    # 95%、60%以上和15年以上": the labels give = 98, = 99, = 95, ≥ 60)
    shared = eduplans.parse_plan(DATA / "real_excerpts" / "real_08_weizhi-shi.txt", region="某市")
    cmps = {v.magnitude: v.comparator.value for i in shared.indicators for v in i.values}
    assert (cmps[98.0], cmps[95.0], cmps[60.0]) == ("=", "=", ">=")


# --- 座 counts what its noun names: places after 学位 ---------------------------------------------
def test_zuo_after_xuewei_counts_seats_in_prose_a_unit_cell_and_parse_value() -> None:
    # blind5/08 "新建、改扩建中小学校13所,新增义务教育学位17490座": 座 was no unit word, the
    # number was reported not_understood and both labels (target and baseline) were missed
    plan = parse(5, "real_08")
    got = [
        (i.name, i.unit, v.span.quote)
        for i in plan.indicators
        for v in i.values
        if v.magnitude == 17490.0
    ]
    assert got and all(u == "seat" and q.endswith("学位17490座") for _, u, q in got)
    assert {n for n, _, _ in got} == {"新增义务教育学位"}
    assert "17490" not in reasons(plan)
    # a classifier like 个: the context names the thing (3座幼儿园 are schools), alone an item
    assert eduplans.parse_value("17490座", unit="seat").unit == "seat"
    assert eduplans.parse_value("3座").unit == "item"
    table = (
        "某县“十四五”教育事业发展规划\n表1 主要指标\n| 指标 | 单位 | 2020年 | 2025年 |\n"
        "| --- | --- | --- | --- |\n| 义务教育学位 | 座 | 16000 | 17490 |\n"
        "| 学前教育毛入园率 | % | 90 | 95 |\n"
    )
    rows = eduplans.parse_plan(table, region="某县")
    assert {(i.name, i.unit) for i in rows.indicators} >= {("义务教育学位", "seat")}
    built = eduplans.parse_plan("某县教育规划\n到2025年,全县新建3座幼儿园。\n", region="某县")
    assert [(i.unit, v.magnitude) for i in built.indicators for v in i.values] == [("school", 3.0)]


# --- a bare name after a list's shared measure takes the list as its subject -------------------
def test_a_fenbie_list_of_the_subject_before_pairs_each_item_with_its_value() -> None:
    # blind3/17 "小学、初中适龄人口入学率均达到100%,年辍学率分别控制在0.5%和1%以下": the subject
    # of 年辍学率 is what stands before the measure 入学率 (it was cut by the names' last character:
    # "小学、初中适龄人"), and the 分别 list is that subject's (小学 0.5%, 初中 1%)
    plan = parse(3, "real_17")
    got = {
        (i.subject, i.name, v.magnitude, v.comparator.value, v.span.quote)
        for i in plan.indicators
        for v in i.values
        if "辍学率" in i.name
    }
    assert got == {
        ("小学", "适龄人口年辍学率", 0.5, "<=", "年辍学率分别控制在0.5%"),
        ("初中", "适龄人口年辍学率", 1.0, "<=", "和1%以下"),
    }
