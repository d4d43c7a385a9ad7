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


def _values(path: Path) -> dict[str, tuple[str, int]]:
    """Map each prose value's quote to its (kind, year)."""
    plan = eduplans.parse_plan(path)
    out: dict[str, tuple[str, int]] = {}
    for ind in plan.indicators:
        for v in ind.values:
            assert plan.source_text[v.span.start : v.span.end] == v.span.quote
            out[v.span.quote] = (v.kind, v.year)
    return out


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
    assert got["贵州已下达营养改善计划补助资金30.15亿元"] == ("baseline", 2017)


def test_people_in_a_training_programme_are_a_baseline() -> None:
    # blind19/12 (沙依巴克区, 2023): "全区现有教育部新时代中小学名师名校长培养计划1人、…人才培养计划
    # 79人": people the district has in each programme now
    got = _values(_page("realtexts_blind19", "12"))
    assert got["全区现有教育部新时代中小学名师名校长培养计划1人"] == ("baseline", 2023)
    assert got["、乌鲁木齐市“红山教育领航人”人才培养计划79人"] == ("baseline", 2023)


def test_a_span_of_years_is_no_deadline() -> None:
    # blind16/02 (教育部 on 2012-2021): "2012年到2021年,全国小学的净入学率从99.85%提升到了
    # 99.9%以上": 到2021年 closes a span the page reviews, no deadline ahead
    got = _values(_page("realtexts_blind16", "02"))
    assert got["提升到了99.9%以上"] == ("baseline", 2021)
    # blind16/17 (云南 两基): "2002年至2008年共投入资金50.17亿元", a total over years done
    got = _values(_page("realtexts_blind16", "17"))
    assert got["2002年至2008年共投入资金50.17亿元"] == ("baseline", 2008)
    assert PLANNED.search("2002年至2008年共投入资金") is None
    assert PLANNED.search("到2025年,学前三年毛入园率达到95%") is not None
