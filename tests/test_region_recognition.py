"""Region recognition in plan texts (eduplans._parse._region) and what the parser does with it."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import eduplans
from eduplans._parse._doc import Doc
from eduplans._parse._meta import read_meta
from eduplans._parse._region import find_region, plan_id
from eduplans._parse._view import make_view

PRESCHOOL = "preschool_gross_enrolment_rate"


def _find(text: str, title: str = "") -> eduplans.Region | None:
    return find_region(Doc(text), title).region


def test_chain_picks_one_of_several_namesakes() -> None:
    found = find_region(Doc("福州市鼓楼区教育事业发展“十四五”规划\n正文"), "")
    assert found.region is not None and found.region.code == "350102"
    assert (found.start, found.end, found.quote) == (0, 6, "福州市鼓楼区")
    assert found.flag is None


def test_ambiguous_name_is_left_unknown_with_candidates() -> None:
    found = find_region(Doc("鼓楼区教育事业发展“十四五”规划\n到2025年,学前三年毛入园率达到95%。"))
    assert found.region is None
    assert found.flag == "region_ambiguous"
    assert {r.code for r in found.candidates} == {"320106", "320302", "350102", "410204"}
    assert "鼓楼区" in found.note


def test_context_chooses_among_namesakes() -> None:
    text = "朝阳区教育事业发展“十四五”规划\n为推进首都教育现代化,根据北京市有关要求,制定本规划。"
    found = find_region(Doc(text))
    assert found.region is not None and found.region.code == "110105"


def test_issuer_and_book_title() -> None:
    text = (
        "关于印发规划的通知\n各学校:\n现将规划印发给你们。\n请认真贯彻执行。\n特此通知。\n"
        "温县教育局\n2022年3月1日\n"
    )
    found = find_region(Doc(text), "关于印发规划的通知")
    assert found.region is not None and found.region.code == "410825"
    assert found.where == "issuer"
    text2 = "为办好人民满意的教育,依据《焦作市国民经济和社会发展第十四个五年规划纲要》,制定本规划。"
    found2 = find_region(Doc(text2))
    assert found2.region is not None and found2.region.name == "焦作市"


@pytest.mark.parametrize(
    "text",
    [
        "XX区教育“十四五”发展规划(2021-2025)\n结合XX教育实际",
        "某地“十四五”教育事业发展规划\n正文",
        "某某县教育事业发展“十四五”规划\n正文",
        "××市教育局2022年工作要点\n正文",
    ],
)
def test_anonymised_regions_stay_unknown(text: str) -> None:
    found = find_region(Doc(text))
    assert found.region is None and found.flag == "region_anonymised"


def test_no_region_named() -> None:
    found = find_region(Doc("全县公共图书馆年流通人次 - 120万\n到2025年,在县城新建3所幼儿园。"))
    assert found.region is None and found.flag == "region_unknown"


def test_common_words_are_not_regions() -> None:
    # 城区, 郊区, 和县 (a county of 安徽), 中山路, 朝阳产业: words, not the regions of that name
    text = "全市城区和郊区学校,市和县两级财政,沿中山路新建学校,发展朝阳产业。"
    assert _find(text) is None


def test_parse_plan_with_unknown_region_keeps_every_value(tmp_path: Path) -> None:
    text = "XX区教育“十四五”发展规划\n到2025年,学前三年毛入园率达到99%,义务教育巩固率达99.5%。"
    plan = eduplans.parse_plan(text)
    assert plan.region is None
    assert "region_anonymised" in plan.notes
    assert sorted(t.magnitude for t in plan.targets) == [99.0, 99.5]
    assert plan.id.startswith("unknown-region-") and plan.id.endswith("-2021")
    # the writer and the loader keep the region unknown
    path = plan.save(tmp_path / "draft.toml")
    assert "\nregion =" not in path.read_text(encoding="utf-8")
    again = eduplans.read_plan(path)
    assert again.region is None and again.targets == plan.targets
    frame = plan.to_frame()
    assert frame["region"].isna().all() and frame["region_code"].isna().all()
    assert "region=None" in repr(plan)


def test_readable_plan_ids() -> None:
    regions = eduplans.regions
    assert plan_id(regions["温县"], 2022, "") == "wenxian-jiaozuo-2022"  # 文县 is Wenxian too
    assert plan_id(regions["110105"], 2022, "") == "chaoyang-beijing-2022"
    assert plan_id(regions["220104"], 2022, "") == "chaoyang-changchun-2022"
    assert plan_id(regions["洛阳市"], 2022, "") == "luoyang-2022"
    assert plan_id(regions["吕梁市"], 2022, "") == "luliang-shanxi-2022"  # 陆良县: Luliang
    parsed = eduplans.parse_plan("温县“十四五”教育事业发展规划\n到2025年,学前三年毛入园率达到95%。")
    assert parsed.id == "wenxian-jiaozuo-2021"


def test_region_hint_by_any_key() -> None:
    text = "到2025年,学前三年毛入园率达到95%。"
    assert eduplans.parse_plan(text, region="温县").region == eduplans.regions["410825"]
    assert eduplans.parse_plan(text, region=410825).region == eduplans.regions["410825"]  # type: ignore[arg-type]
    outside = eduplans.parse_plan(text, region="某某新县")
    assert outside.region is not None and outside.region.code is None
    with pytest.raises(eduplans.ParseError, match="鼓楼区"):
        eduplans.parse_plan(text, region="鼓楼区")


def test_hierarchy_up_the_tree_for_a_parsed_county() -> None:
    def parse(title: str, value: str) -> eduplans.Plan:
        return eduplans.parse_plan(f"{title}\n到2025年,学前三年毛入园率达到{value}。")

    wenxian = parse("温县“十四五”教育事业发展规划", "95%")
    jiaozuo = parse("焦作市“十四五”教育事业发展规划", "93%")
    henan = parse("河南省“十四五”教育事业发展规划", "92%")
    other = parse("洛阳市“十四五”教育事业发展规划", "91%")  # not on 温县's chain
    plans = [wenxian, jiaozuo, henan, other]
    frame = eduplans.hierarchy(plans, PRESCHOOL, region="温县")
    assert list(zip(frame["region"], frame["depth"], frame["value"], strict=True)) == [
        ("温县", 0, 95.0),
        ("焦作市", 1, 93.0),
        ("河南省", 2, 92.0),
    ]
    assert eduplans.hierarchy(plans, PRESCHOOL, region=410825).equals(frame)


def test_hierarchy_for_a_region_without_a_plan_of_its_own() -> None:
    # 孟州市 has no plan: the region table places it under 焦作市 and the bundled 河南省 plan
    frame = eduplans.hierarchy(eduplans.load(), "quality_balanced_county_share", region="孟州市")
    assert set(frame["region"]) == {"河南省"} and frame["depth"].eq(2).all()


REAL = tomllib.loads(
    (Path(__file__).parent / "data" / "regions" / "real_openings.toml").read_text(encoding="utf-8")
)["page"]


def test_real_openings_are_many_and_distinct() -> None:
    assert len(REAL) >= 40
    assert len({p["url"] for p in REAL}) == len(REAL)
    assert sum(1 for p in REAL if p["region"]) >= 30  # and some that state no region
    for p in REAL:
        assert not p["region"] or p["region"] in eduplans.regions


@pytest.mark.parametrize("page", REAL, ids=[p["url"][:50] for p in REAL])
def test_region_of_real_openings(page: dict[str, str]) -> None:
    # as parse_plan reads it: the normalised view, the metadata reader's title, then the region
    view = make_view(page["text"])
    found = read_meta(Doc(view.text)).region
    got = found.region.code if found.region is not None else ""
    assert got == page["region"], (page["why"], found.note)
    if not page["region"]:
        assert found.flag in ("region_unknown", "region_anonymised"), found.note
