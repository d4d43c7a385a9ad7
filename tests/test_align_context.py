"""The stage of the sentence a prose name sits in, passed from the parser to alignment (issue 12).

A bare 新增学位 after a clause about 幼儿园 is preschool places; the parser passed only the section
heading to ``align`` and left it unmatched. Real pages of the development sets (realtexts_blind2,
realtexts_blind3) show each case; ``sentence_context`` is also checked on its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import eduplans
from eduplans._align import sentence_before, sentence_context

DATA = Path(__file__).parent / "data"


def keys_of(page: str, name: str) -> list[str | None]:
    text = (DATA / page).read_text(encoding="utf-8")
    plan = eduplans.parse_plan(text)
    return [i.key for i in plan.indicators if i.full_name == name]


@pytest.mark.parametrize(
    ("page", "name", "key"),
    [
        # 投建5所小学、4所公办幼儿园和6所普惠性幼儿园,新增学位10890个: schools and kindergartens
        ("realtexts_blind3/real_15_longwen.txt", "新增学位", "new_school_places"),
        # 其中,2021年,长沙市新扩建义务教育学校35所,新增学位…
        ("realtexts_blind3/real_01_changsha.txt", "新增学位", "new_compulsory_places"),
        # 1000所幼兒園全部主體完工(包括公辦園838所,占比83.8%;民辦園162所,…),共實現新增學位
        ("realtexts_blind2/real_03_henan.txt", "新增學位", "new_preschool_places"),
        # 全市共有特殊教育學校13所,共招收特殊教育學生281人,…;在校生…
        ("realtexts_blind3/real_18_kunming.txt", "在校生", "special_education_enrolment"),
    ],
)
def test_a_bare_prose_name_takes_the_stage_of_its_sentence(page: str, name: str, key: str) -> None:
    assert key in keys_of(page, name)


def test_a_stage_of_the_sentence_keeps_all_stages_teachers_out() -> None:
    # 全市義務教育階段共招生176610人,在校生781330人,專任教師…: compulsory teachers, not all stages'
    assert keys_of("realtexts_blind3/real_18_kunming.txt", "專任教師") == [None]


def test_the_nearest_clause_with_a_stage_decides() -> None:
    before = "学前三年毛入园率达到95%,新建改扩建义务教育学校64所,"
    assert sentence_context("新增学位", before, None) == "义务教育"
    assert sentence_context(
        "新增学位", "新建城区公办幼儿园三所，改扩建乡镇中心幼儿园10所，", None
    ) == ("学前教育")


def test_two_stages_that_make_no_stage_lend_nothing() -> None:
    # 中等職業學校 (中职) with 技工學校 (vocational): the heading decides
    before = "2009年末,示範區有中等職業學校347所(其中技工學校63所"
    assert sentence_context("在校生", before, "(一)现实基础") == "(一)现实基础"


@pytest.mark.parametrize(
    "name",
    [
        "学校",  # 学校 names schools in general: the sentence's 中学、小学 are not its stage
        "15-64岁人口平均受教育年限",  # a population by age is its own population
        "小学专任教师",  # a name with its own stage
    ],
)
def test_a_name_that_names_a_stage_or_population_takes_none(name: str) -> None:
    assert sentence_context(name, "新建幼儿园3所,", "二、主要任务") == "二、主要任务"


def test_the_heading_stays_beside_the_sentence_unless_it_names_another_stage() -> None:
    assert sentence_context("新增学位", "新建幼儿园3所,", "一、学前教育") == "学前教育 一、学前教育"
    assert sentence_context("新增学位", "新建幼儿园3所,", "二、义务教育") == "学前教育"


def test_a_name_opening_its_sentence_takes_the_sentence_before() -> None:
    text = "全市新建幼儿园10所。新增学位3000个。"
    assert sentence_before(text, text.index("新增")) == "全市新建幼儿园10所"
    assert sentence_before(text, text.index("新建")) == "全市"
