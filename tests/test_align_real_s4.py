"""Alignment rules of session 4 (issue 12), each with the real name it was read on.

Every example below is a name as a real page writes it, from the development sets of
tests/data/alignment (the set is named in each test); none comes from a held-out set.
"""

from __future__ import annotations

import pytest

import eduplans
from eduplans import _align


def keys(names: list[str], **kwargs: object) -> list[str | None]:
    frame = eduplans.align(names, **kwargs)  # type: ignore[arg-type]
    return [k if isinstance(k, str) else None for k in frame["key"]]


def groups(names: list[str]) -> list[int]:
    return [int(c) for c in eduplans.cluster(names)["cluster"]]


def features(name: str) -> str:
    return _align._features(_align.normalise(name)).describe()


# --- the head noun says what a name of qualifiers counts ---------------------------------------
def test_boarding_schools_are_not_boarding_pupils() -> None:
    # real5: 中小學寄宿制學校 (a count of schools) and 寄宿制學生 (pupils) were one group
    assert features("中小學寄宿制學校") == "stage=school_age measures={boarding, school_count}"
    assert features("寄宿制學生") == "stage=school_age measures={boarding, enrolment_count}"
    a, b = groups(["中小學寄宿制學校", "寄宿制學生"])
    assert a != b


def test_a_count_word_after_qualified_schools_changes_nothing() -> None:
    # real3: 省一级达标校 and 省一级达标校数量 are one count
    assert features("省一级达标校") == features("省一级达标校数量")
    a, b = groups(["省一级达标校", "省一级达标校数量"])
    assert a == b


def test_a_qualifier_with_a_measure_of_its_own_is_not_a_count() -> None:
    # real1: a share of public kindergartens' children stays a share
    assert "school_count" not in features("公辦幼兒園在園兒童占比")


# --- words real pages use for the same thing ----------------------------------------------------
@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("民办园", "民辦幼兒園"),  # real3: one page's 民办园, another's 民辦幼兒園
        ("公立幼儿园", "公办幼儿园"),  # real5: 公立 is 公办
    ],
)
def test_short_and_long_forms_of_one_kind_of_kindergarten_group(a: str, b: str) -> None:
    assert features(a) == features(b)
    first, second = groups([a, b])
    assert first == second


# --- names that say no stage and count pupils or schools -----------------------------------------
def test_a_bare_generic_head_count_names_no_stage() -> None:
    # real5: two bare 学生 of two statistics paragraphs count primary and junior pupils; a bare
    # name that only says pupils is matched to no key and grouped with no other name
    assert features("学生") == "stage=- measures={enrolment_count}"
    assert keys(["学生", "在校学生"]) == [None, None]
    a, b, c = groups(["学生", "学生", "在校(園)學生(兒童)"])
    assert len({a, b, c}) == 3


def test_a_generic_word_with_a_measure_still_names_schools() -> None:
    # the rule leaves 学生 with a measure of its own at school age (学生体质健康优良率)
    assert keys(["学生体质健康优良率"]) == ["student_fitness_good_rate"]


def test_a_heading_still_gives_a_bare_generic_name_its_stage() -> None:
    assert keys(["在校学生"], context="小学") == ["primary_enrolment"]


def test_a_stage_is_no_institution() -> None:
    # real5: 义务教育阶段 (pupils of the stage, from its sentence) was grouped with 义务教育学校
    assert "school_count" not in features("义务教育阶段")
    assert "school_count" in features("义务教育学校")
    assert "school_count" in features("特殊教育学校")
    assert features("幼儿园") == "stage=preschool measures={school_count}"
    a, b = groups(["义务教育学校", "义务教育阶段"])
    assert a != b


# --- where schools are built, and coverage of townships ------------------------------------------
def test_where_kindergartens_are_built_makes_no_other_indicator() -> None:
    # real2: 新建、改擴建鄉鎮、街道辦事處公辦幼兒園 and 建成了鄉鎮、街道辦事處公辦幼兒園 count the
    # kindergartens built (the town's 城区 as well: 新建城区公办幼儿园)
    names = [
        "新建、改擴建鄉鎮、街道辦事處公辦幼兒園",
        "建成了鄉鎮、街道辦事處公辦幼兒園",
        "新建城区公办幼儿园",
    ]
    assert keys(names) == ["kindergartens_built"] * 3


def test_township_coverage_is_not_the_share_of_children() -> None:
    # real3: 乡镇公办幼儿园覆盖率 is the share of townships with a public kindergarten
    assert keys(["乡镇公办幼儿园覆盖率", "公办幼儿园覆盖率"]) == [None, "public_kindergarten_share"]


# --- building words and the words that make another kind of kindergarten -----------------------
@pytest.mark.parametrize("name", ["建設公辦幼兒園", "公辦幼兒園建設"])
def test_building_an_institution_is_built(name: str) -> None:
    # real3: both count the public kindergartens built, as 新改建公辦幼兒園 on the same pages
    assert keys([name]) == ["kindergartens_built"]


@pytest.mark.parametrize(
    ("name", "not_key"),
    [
        ("新設民辦幼兒園", "private_kindergarten_count"),  # real1: kindergartens set up (新设)
        ("公办民营幼儿园", "public_kindergarten_count"),  # real1: public owned, privately run
    ],
)
def test_a_known_word_keeps_a_short_name_from_its_look_alike(name: str, not_key: str) -> None:
    assert keys([name]) != [not_key]


# --- catalog entries for what statistics paragraphs count ----------------------------------------
@pytest.mark.parametrize(
    ("name", "context", "key"),
    [
        ("公辦幼兒園", None, "public_kindergarten_count"),  # real5
        ("民办幼儿园", "二、学前教育情况", "private_kindergarten_count"),  # real5
        ("普惠性民辦園", None, "inclusive_private_kindergarten_count"),  # real5
        ("义务教育学校", "三、义务教育情况", "compulsory_school_count"),  # real5
        ("普通高等学校", "教育", "higher_education_institution_count"),  # real5
        ("全市各级各类学校在校生人数", "一、学生情况", "total_enrolment"),  # dev2
        ("全市教职工数", "二、教师情况", "staff_count"),  # dev2
        ("在职教职工", "(一)基本情况", "staff_count"),  # dev2
    ],
)
def test_counts_of_statistics_paragraphs_have_keys(
    name: str, context: str | None, key: str
) -> None:
    assert keys([name], context=context) == [key]


def test_posts_on_the_establishment_are_not_the_staff() -> None:
    # real5: 学校教职工编制总量为2918名 counts posts, not people
    assert keys(["学校教职工编制总量"]) == [None]


def test_a_bare_count_of_pupils_stays_ambiguous_beside_the_total() -> None:
    # the total of every level is found by names that say so; a bare 在校生 is still no key
    assert keys(["在校生", "在校生总数"]) == [None, "total_enrolment"]


# --- more words real pages write -----------------------------------------------------------------
def test_zhongxiaoxuexiao_is_zhongxiaoxue() -> None:
    # dev: 新改擴建普通中小學校 and 新建、改扩建中小学 count the same schools built
    assert features("新改擴建普通中小學校") == features("新建、改扩建中小学")
    a, b = groups(["新改擴建普通中小學校", "新建、改扩建中小学"])
    assert a == b


def test_pupils_in_kindergarten_are_its_children() -> None:
    # real5: 在园学生 (a statistics paragraph's 在园学生N人) are the children enrolled
    assert keys(["在园学生"]) == ["kindergarten_enrolment"]


def test_the_year_of_a_figure_is_no_part_of_its_name() -> None:
    # dev4: 中职毕业生当年就业率; 中高职 (secondary and higher vocational) is vocational
    assert (
        keys(["中职毕业生当年就业率", "中高職畢業生就業率"])
        == ["vocational_graduate_employment_rate"] * 2
    )


def test_public_and_inclusive_together_are_inclusive_provision() -> None:
    # dev: 在公办园和普惠性民办幼儿园就读率 is the coverage of inclusive kindergartens
    assert keys(["在公办园和普惠性民办幼儿园就读率"]) == ["inclusive_kindergarten_coverage"]
    # one of them alone stays itself
    assert keys(["普惠性民办幼儿园"]) == ["inclusive_private_kindergarten_count"]


def test_an_enrolment_rate_of_public_kindergartens_is_their_share() -> None:
    # dev: 公办幼儿园入园率 (share of children in public kindergartens)
    assert keys(["公办幼儿园入园率", "学前教育毛入园率"]) == [
        "public_kindergarten_share",
        "preschool_gross_enrolment_rate",
    ]


@pytest.mark.parametrize(
    "name",
    [
        "县(市、区)通过国家县域义务教育基本均衡评估认定",  # real1
        "通過國家義務(wù)教育發(fā)展基本均衡縣(市、區(qū))評估",  # real1
    ],
)
def test_counties_that_passed_the_assessment_are_counted(name: str) -> None:
    assert keys([name]) == ["basic_balanced_county_count"]
    assert keys(["义务教育基本均衡县比例"]) == ["basic_balanced_county_share"]


def test_a_rate_of_counties_is_not_their_count() -> None:
    # real5: 义务教育发展基本均衡县(市、区)国检通过率 (the share that passed the national check)
    assert keys(["义务教育发展基本均衡县(市、区)国检通过率"]) == ["basic_balanced_county_share"]
    # a rate the words do not name stays apart from the count, too
    assert "rate" in features("义务教育发展基本均衡县国检达成率")
    assert keys(["义务教育发展基本均衡县国检达成率"]) == [None]


def test_kindergartens_recognised_are_not_all_of_them() -> None:
    # real1: 認定普惠性民辦幼兒園 counts those recognised (in a year), not the stock
    assert keys(["認定普惠性民辦幼兒園"]) != ["inclusive_private_kindergarten_count"]
    assert "recognised" not in features("县(市、区)通过国家县域义务教育基本均衡评估认定")


@pytest.mark.parametrize(
    "name",
    [
        "新建、擴(kuò)建鎮(zhèn)街幼兒園",  # real1: 镇街 (towns, sub-districts): where
        "新建和改扩建幼儿园合计",  # real2: 合计 sums them
    ],
)
def test_sums_scopes_and_places_in_a_name_of_building(name: str) -> None:
    assert keys([name]) == ["kindergartens_built"]
    assert _align._residual(_align.normalise(name)) == ""


@pytest.mark.parametrize(
    "name",
    [
        # as the development pages (shared realtexts, blind1-5) write a goal or a figure's date
        "到2025年,全省学前教育毛入园率",
        "截至2022年底,全区学前教育毛入园率",
        "2020年全市幼兒入園率",
        "力争学前教育毛入园率",
    ],
)
def test_the_time_a_figure_is_for_is_no_part_of_its_name(name: str) -> None:
    assert keys([name]) == ["preschool_gross_enrolment_rate"]


def test_a_bare_year_is_no_name() -> None:
    assert _align.normalise("2025年") == ""
    assert keys(["2025年"]) == [None]


def test_building_a_campus_of_no_stage_is_not_building_schools() -> None:
    # 平安校园建设 (a safe campus) is no count of schools built
    assert "built" not in features("平安校园建设")
