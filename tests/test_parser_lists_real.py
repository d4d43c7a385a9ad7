"""One value for each name of a list: "X率和Y率均达100%" (issue 13: one value for two indicators).

A list of names followed by 均 (都, 全部) gives its one value to each item, wherever the list
stands in its sentence; the items before the last take the measure the last item writes after
its head (小学、普通初中、普通高中专任教师学历合格率). Real pages of development sets show both
layouts; the short texts below test one layout each and say nothing about recall.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import eduplans

DATA = Path(__file__).parent / "data"


def _page(blind: int, stem: str) -> Path:
    return next((DATA / f"realtexts_blind{blind}").glob(f"real_{stem}_*.txt"))


def _values(plan: eduplans.Plan, quote_part: str) -> list[tuple[str, str, int, str]]:
    return [
        (ind.name, v.kind, v.year, v.text)
        for ind in plan.indicators
        for v in ind.values
        if quote_part in v.span.quote
    ]


def test_two_rates_of_one_subject_each_take_the_value() -> None:
    # blind5/05, a county speech: "小学适龄儿童入学率和毕业率均达 100%"
    plan = eduplans.parse_plan(_page(5, "05"))
    got = _values(plan, "入学率和毕业率均达")
    assert sorted(name for name, *_ in got) == ["小学适龄儿童入学率", "小学适龄儿童毕业率"]
    assert {text for *_, text in got} == {"100%"}
    for ind in plan.indicators:
        for v in ind.values:
            if "入学率和毕业率均达" in v.span.quote:
                assert "elided_subject" in v.flags
                assert plan.source_text[v.span.start : v.span.end] == v.span.quote


def test_stage_list_takes_the_measure_of_its_last_item() -> None:
    # blind8/18, 兴安盟: "小学、普通初中、普通高中专任教师学历合格率均达到100%", in the same
    # sentence as a 分别 list
    plan = eduplans.parse_plan(_page(8, "18"))
    got = _values(plan, "普通高中专任教师学历合格率均达到100%")
    assert sorted(got) == [
        ("小学专任教师学历合格率", "baseline", 2019, "100%"),
        ("普通初中专任教师学历合格率", "baseline", 2019, "100%"),
        ("普通高中专任教师学历合格率", "baseline", 2019, "100%"),
    ]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "学前三年毛入园率、普惠性幼儿园覆盖率均达到90%以上",
            ["学前三年毛入园率", "普惠性幼儿园覆盖率"],
        ),
        (
            "职业高中、幼儿园专任教师学历合格率均达到98%",
            ["职业高中专任教师学历合格率", "幼儿园专任教师学历合格率"],
        ),
        (
            "小学、中职学校专任教师学历合格率均达到98%",
            ["小学专任教师学历合格率", "中职学校专任教师学历合格率"],
        ),
        # no head found in the last item: one name, not a guess
        ("农村、义务教育学校标准化率均达到98%", ["农村、义务教育学校标准化率"]),
        # without 均, two full names of one value stay one row (the list may not be one)
        (
            "学前三年毛入园率、普惠性幼儿园覆盖率达到90%以上",
            ["学前三年毛入园率、普惠性幼儿园覆盖率"],
        ),
        # without 均, a measure only the last item writes is shared, as before
        ("乡镇中心幼儿园、村级幼儿园覆盖率达100%", ["乡镇中心幼儿园覆盖率", "村级幼儿园覆盖率"]),
    ],
)
def test_layout(sentence: str, names: list[str]) -> None:
    plan = eduplans.parse_plan(f"某县教育事业发展规划\n到2025年,{sentence}。")
    assert [ind.name for ind in plan.indicators] == names
    assert all(v.year == 2025 and v.kind == "target" for ind in plan.indicators for v in ind.values)
