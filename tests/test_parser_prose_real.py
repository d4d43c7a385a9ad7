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
