"""Session 6 alignment mechanisms, each shown on real names of the development sets.

Every expected key is the label a blind labeller gave the name (tests/data/alignment/, the set and
page named in each comment), not an output of the code; a name the labels keep apart from a
catalog key is expected unmatched.
"""

from __future__ import annotations

import pytest

import eduplans
from eduplans import _align


def keys(names: list[str], context: list[str | None] | None = None) -> list[str | None]:
    frame = eduplans.align(names, context=context)
    return [k if isinstance(k, str) else None for k in frame["key"]]


# --- rule senior_school_is_general: a bare 高中 counting schools, pupils or teachers -------------


@pytest.mark.parametrize(
    ("name", "context", "label"),
    [
        # real7, 会宁 (gansu/202204/32588): 其中包括……5所高中
        ("高中", None, "general_senior_school_count"),
        # real5: 一、师资队伍情况 … 高中专任教师 (the page's teachers by stage)
        ("高中", "一、师资队伍情况", "general_senior_teachers"),
        # dev and dev3: 省级示范高中 (the catalog's 省级示范性高中)
        ("省级示范高中", None, "provincial_model_high_schools"),
    ],
)
def test_a_bare_senior_high_school_is_the_general_high_school(
    name: str, context: str | None, label: str
) -> None:
    assert keys([name], [context]) == [label]


def test_the_stage_of_senior_secondary_keeps_its_rates_and_its_own_counts() -> None:
    # dev4, real7: 高中阶段毛入学率 / 高中階段毛入學率 and the catalog alias 高中毛入学率 are the
    # stage's rate; 高中阶段在校生 (浙江's table, real3's 在校生 under 三、高中阶段教育) the stage's
    # pupils
    assert keys(["高中阶段毛入学率", "高中階段毛入學率", "高中毛入学率", "高中阶段在校生"]) == [
        "upper_secondary_gross_enrolment_rate",
        "upper_secondary_gross_enrolment_rate",
        "upper_secondary_gross_enrolment_rate",
        "senior_secondary_enrolment",
    ]
    # dev2 高中普及率 (~upper_secondary_universalisation_rate) is a share of the stage
    assert _align._features(_align.normalise("高中普及率")).stage == {"senior_secondary"}


def test_teacher_qualification_of_senior_high_schools_groups_as_the_pages_write_it() -> None:
    # real7: 民勤 writes 高中教师学历合格率, 黑龙江 普通高中教师学历合格率: one label
    names = ("高中教师学历合格率", "普通高中教师学历合格率")
    a, b = (_align._features(_align.normalise(n)) for n in names)
    assert a == b
    assert a.stage == {"general_senior_secondary"}


# --- names of schools as pages write them (words.toml [normalise] replace) ----------------------


@pytest.mark.parametrize(
    ("name", "context", "label"),
    [
        # real5: 中等职业技术学校 under 教育 (a yearbook's count of schools)
        ("中等职业技术学校", "教育", "secondary_vocational_school_count"),
        # real7, taowenge (一)基本情况: 职业中等专业学校1所
        ("职业中等专业学校", "(一)基本情况", "secondary_vocational_school_count"),
        # real7, 会宁: 另外还有13所职业技术类学校 / 1所特殊教育类学校 / 115所普通类初级中学
        ("职业技术类学校", None, "secondary_vocational_school_count"),
        ("特殊教育类学校", None, "special_school_count"),
        ("普通类初级中学", None, "junior_secondary_school_count"),
    ],
)
def test_a_kind_of_school_written_out_is_that_school(
    name: str, context: str | None, label: str
) -> None:
    assert keys([name], [context]) == [label]


def test_every_kind_of_school_and_a_teacher_word_are_not_read_as_a_school() -> None:
    # real7 各类学校 (~school_count_all_levels: kindergartens included) is no count of one kind
    assert keys(["各类学校"]) == [None]
    # 初中专任教师 (dev3 ~junior_secondary_teachers) holds 中专 but names no vocational school
    assert _align._features(_align.normalise("初中专任教师")).stage == {"junior_secondary"}


# --- catalog entries for concepts several pages of several sets name ---------------------------
# Each name below is a development name whose blind label is the concept the new entry declares
# (the labellers' slug, written before the entry existed, names the same thing).


@pytest.mark.parametrize(
    ("name", "context", "key"),
    [
        # ~public_kindergartens_added: dev 新增公办园 (×2), dev2 新增公办幼儿园, dev3 新增公辦園,
        # dev4 新增公办幼儿园 under 1.学前教育实现双普达标, real3 新设立公办幼儿园 under 【概况】
        ("新增公办园", None, "public_kindergartens_added"),
        ("新增公辦園", None, "public_kindergartens_added"),
        ("新增公办幼儿园", "1.学前教育实现双普达标", "public_kindergartens_added"),
        ("新设立公办幼儿园", "【概况】", "public_kindergartens_added"),
        # ~general_senior_schools_built: dev 新建、改扩建普通高中, 新建扩建普通高中学校; real2
        # 新建普通高中学校; real3 县域高中新建改扩建任务
        ("新建、改扩建普通高中", None, "general_senior_schools_built"),
        ("新建扩建普通高中学校", None, "general_senior_schools_built"),
        ("新建普通高中学校", None, "general_senior_schools_built"),
        ("县域高中新建改扩建任务", None, "general_senior_schools_built"),
        # ~attached_preschool_classes: real3 小学附设幼儿班 (【概况】), real7 学前班 (民勤) and
        # 小学附设幼儿班 ((一)基本情况)
        ("小学附设幼儿班", "【概况】", "attached_preschool_classes"),
        ("学前班", "二、民勤县基本教育情况", "attached_preschool_classes"),
        # ~general_senior_teacher_qualified_rate: real7 (two pages)
        ("高中教师学历合格率", "二、民勤县基本教育情况", "general_senior_teacher_qualified_rate"),
        (
            "普通高中教师学历合格率",
            "(四)教师整体素质不断提高",
            "general_senior_teacher_qualified_rate",
        ),
        # ~kindergarten_staff: dev4 教职工数 under 19-10 幼儿教育基本情况, real3 教职工 under
        # 一、学前教育, real5 幼儿园教职工人数
        ("教职工数", "19-10 幼儿教育基本情况", "kindergarten_staff"),
        ("教职工", "一、学前教育", "kindergarten_staff"),
        ("幼儿园教职工人数", None, "kindergarten_staff"),
        # ~provincial_model_kindergartens: dev2 省示范性幼儿园, dev3 省級示範幼兒園, real3 and real5
        # 省级示范园
        ("省示范性幼儿园", None, "provincial_model_kindergartens"),
        ("省級示範幼兒園", None, "provincial_model_kindergartens"),
        ("省级示范园", None, "provincial_model_kindergartens"),
        # ~nine_year_school_count: real3 九年一贯制学校 (【教育基本情况】), real7 九年制学校
        ("九年一贯制学校", "【教育基本情况】", "nine_year_school_count"),
        ("九年制学校", "(一)基本情况", "nine_year_school_count"),
    ],
)
def test_a_concept_many_pages_name_has_its_catalog_entry(
    name: str, context: str | None, key: str
) -> None:
    assert keys([name], [context]) == [key]


def test_the_new_entries_keep_their_look_alikes_apart() -> None:
    # the stock of public kindergartens (real5 公办幼儿园 under 二、学前教育情况), kindergartens
    # built (the catalog's alias 新建公办幼儿园), every stage's staff (real7 教職工 on a national
    # kindergarten page is labelled by its sentence; bare, it is staff_count), compulsory schools
    # (real5 义务教育学校 under 三、义务教育情况, ~compulsory_school_count) and the compulsory
    # retention rate written 九年义务教育巩固率 (real7) stay what they were
    assert keys(
        ["公办幼儿园", "新建公办幼儿园", "教職工", "义务教育学校", "九年義務(wù)教育鞏固率"],
        ["二、学前教育情况", None, None, "三、义务教育情况", None],
    ) == [
        "public_kindergarten_count",
        "kindergartens_built",
        "staff_count",
        "compulsory_school_count",
        "compulsory_retention_rate",
    ]


def test_preschool_children_written_with_both_stage_words_are_the_children_enrolled() -> None:
    # real7 民勤: 在园(班)学前幼儿6793人 (kindergarten_enrolment)
    assert keys(["在园(班)学前幼儿"], ["二、民勤县基本教育情况"]) == ["kindergarten_enrolment"]


def test_special_education_written_short_is_a_stage_not_a_school() -> None:
    # 特教 is 特殊教育 written short, a stage like 学前 or 义务 (normalise.not_institution): real7
    # taowenge's 特教 (在校中小学生……其中……特教82人) counts pupils, not schools; 特教学校 (the
    # same page's 特教学校1所) still counts schools
    assert keys(["特教", "特教学校"], ["(一)基本情况", "(一)基本情况"]) == [
        None,
        "special_school_count",
    ]


def test_places_for_admission_are_places() -> None:
    # real1: 新增中小學入學學位 (new_compulsory_places), beside 新增中小学学位 (real3, real7)
    assert keys(["新增中小學入學學位", "新增中小学学位"]) == [
        "new_compulsory_places",
        "new_compulsory_places",
    ]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        # ~school_count_all_levels (9 pages of real1, real2, real3, real5, real7): 各级各类学校
        ("各级各类学校", "total_school_count"),
        ("各級(jí)各類學(xué)校", "total_school_count"),
        ("各級各類學校(幼兒園)", "total_school_count"),
        # ~primary_secondary_schools_built (dev, dev3): 新改擴建普通中小學校, 新建、改扩建中小学,
        # 新改擴建中小學, 新建改扩建中小学
        ("新改擴建普通中小學校", "primary_secondary_schools_built"),
        ("新建、改扩建中小学", "primary_secondary_schools_built"),
        ("新改擴建中小學", "primary_secondary_schools_built"),
        # ~kindergartens_expanded (real1, real2): 改扩建幼儿园, 改扩建公办幼儿园, 改擴建城鄉幼兒園
        ("改扩建幼儿园", "kindergartens_expanded"),
        ("改扩建公办幼儿园", "kindergartens_expanded"),
        ("改擴建城鄉幼兒園", "kindergartens_expanded"),
    ],
)
def test_concepts_many_pages_name_in_one_form_have_their_entry(name: str, key: str) -> None:
    assert keys([name]) == [key]


def test_schools_built_without_a_stage_stay_unmatched() -> None:
    # real1 新改扩建学校 and real3 新改擴建學校 are labelled every school built
    # (~schools_built_all), real3's 新建、改擴建學校 the compulsory schools (its page): 学校 says
    # no stage, so neither is the primary and secondary schools' entry; 新建和改擴建城鄉幼兒園
    # (real1, kindergartens_built) stays built, not expanded
    assert keys(["新改扩建学校", "新建、改擴建學校", "新建和改擴建城鄉幼兒園"]) == [
        None,
        None,
        "kindergartens_built",
    ]
