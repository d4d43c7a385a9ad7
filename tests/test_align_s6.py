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
