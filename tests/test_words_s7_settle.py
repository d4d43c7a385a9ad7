"""The settling step reads its words from data/words.toml (issue 12).

``_parse/_settle.py`` decides whether a prose value is a level or a change, planned or achieved,
and of which year; its words (comparison bases, words of intent, relative years, section heads,
period spans, aspects, conditions, schooling words …) are the ``[settle]`` keys of the words
data. Each test below changes one list in a copy of the words data (a word added or removed, as
tests/test_words_s6.py does) and parses a real page of the development sets
(tests/data/realtexts_blind*, never a held-out set) before and after: what the parser reads there
changes with the list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path

import pytest

import eduplans
from eduplans import _words
from eduplans._parse._decode import fold

SRC = Path(str(files("eduplans")))
WORDS = SRC / "data" / "words.toml"
DATA = SRC.parents[1] / "tests" / "data"


@contextmanager
def _changed(tmp_path: Path, key: str, word: str, *, add: bool) -> Iterator[None]:
    """Use a copy of the words data with ``word`` added to (or removed from) ``[settle] key``."""
    text = WORDS.read_text(encoding="utf-8")
    head = text.index("\n[settle]\n")
    m = re.compile(rf"(?m)^{key} = \[(.*)\]$").search(text, head)
    assert m is not None and text.rfind("\n[", 0, m.start()) == head, f"[settle] {key}"
    items = re.findall(r'"([^"]*)"', m.group(1))
    assert (word in items) != add, f"{word} in [settle] {key}: {items}"
    items = [word, *items] if add else [w for w in items if w != word]
    line = f"{key} = [{', '.join(f'{w!r}'.replace(chr(39), chr(34)) for w in items)}]"
    copy = tmp_path / "words.toml"
    copy.write_text(text[: m.start()] + line + text[m.end() :], encoding="utf-8")
    _words.use_words(copy)
    try:
        yield
    finally:
        _words.use_words(None)


def _read(name: str, context: str) -> tuple[list[tuple[str, int, float]], list[tuple[str, str]]]:
    """Return what the parser reads inside ``context``, a real excerpt of the page (folded).

    Its first place on the page (a page may print a paragraph twice).

    The values whose quote ends inside it, as (kind, year, number), and the diagnostics of the
    numbers inside it, as (reason, detail).
    """
    plan = eduplans.parse_plan(DATA / name)
    text = fold(plan.source_text)
    assert context in text, context
    a = text.index(context)
    b = a + len(context)
    values = [
        (type(v).__name__, v.year, float(v.value.magnitude))
        for i in plan.indicators
        for v in i.values
        if a < v.span.end <= b
    ]
    reasons = [(d.reason, d.detail) for d in plan.diagnostics if a <= d.start < b]
    return values, reasons


def test_the_helper_changes_one_list_and_restores_the_bundled_words(tmp_path: Path) -> None:
    with _changed(tmp_path, "intent", "力争", add=False):
        assert "力争" not in _words.words().settle.intent
        assert "预计" in _words.words().settle.intent
    assert "力争" in _words.words().settle.intent
    with pytest.raises(AssertionError), _changed(tmp_path, "intent", "预计", add=True):
        pass


def test_compare_bases_make_a_figure_compared_with_last_year_a_change(tmp_path: Path) -> None:
    name = "realtexts_blind8/real_15_zibo.txt"
    context = "在园幼儿数11.3万人,比上年减少0.3万人;"  # a change, not a level
    values, reasons = _read(name, context)
    assert ("relative", "a change compared with 上年") in reasons
    assert [number for _, _, number in values] == [113000]
    with _changed(tmp_path, "compare_bases", "上年", add=False):
        values, reasons = _read(name, context)
    assert ("relative", "a change compared with 上年") not in reasons
    assert [number for _, _, number in values] == [113000, 3000]


def test_intent_words_make_a_value_planned(tmp_path: Path) -> None:
    name = "realtexts_blind5/real_20_hengxian.txt"
    context = "力争到秋季学期仪器设备使用率达到100%"  # 力争 plans it
    assert [kind for kind, _, _ in _read(name, context)[0]] == ["Target"]
    with _changed(tmp_path, "intent", "力争", add=False):
        assert [kind for kind, _, _ in _read(name, context)[0]] == ["Baseline"]


def test_schooling_words_keep_an_education_figure(tmp_path: Path) -> None:
    name = "realtexts_blind10/real_01_national-2019.txt"
    context = "2019年我国九年义务教育巩固率为94.8%"  # 教育 makes it a figure about schooling
    values, reasons = _read(name, context)
    assert values == [("Baseline", 2019, 94.8)] and "not_education" not in dict(reasons)
    with _changed(tmp_path, "schooling", "教育", add=False):
        values, reasons = _read(name, context)
    assert values == [] and "not_education" in dict(reasons)


def test_next_year_dates_an_undated_page(tmp_path: Path) -> None:
    # headline "盐田明年新增1770个公办幼儿园学位", body "计划于2020年9月1日投入使用": 明年 is
    # 2020, so the undated page is of 2019, and 未来三年 plans for 2022
    name = "realtexts_blind1/real_01_yantian.txt"
    context = "为缓解就学压力,未来三年盐田区将新增6660个小学学位 ,"
    assert _read(name, context)[0] == [("Target", 2022, 6660)]
    with _changed(tmp_path, "next_year", "明年", add=False):
        assert _read(name, context)[0] != [("Target", 2022, 6660)]


def test_section_review_and_ahead_words_date_a_section(tmp_path: Path) -> None:
    # "2020年工作回顾" heads last year's results, "2021年重点工作" this year's plans
    name = "realtexts_blind1/real_08_changsha-xian.txt"
    review = "新改扩建学校16所,新增义务教育公办学位12570个"  # under 2020年工作回顾
    ahead = "公办幼儿园占比达50%"  # under 2021年重点工作
    assert _read(name, review)[0] == [("Baseline", 2020, 16), ("Baseline", 2020, 12570)]
    assert _read(name, ahead)[0] == [("Target", 2021, 50)]
    with _changed(tmp_path, "section_review", "回顾", add=False):
        assert [year for _, year, _ in _read(name, review)[0]] != [2020, 2020]
    with _changed(tmp_path, "section_ahead", "重点工作", add=False):
        assert [year for _, year, _ in _read(name, ahead)[0]] != [2021]


def test_period_scope_a_total_of_a_five_year_period(tmp_path: Path) -> None:
    # "——“十二五”期间,中央和省投入学前教育专项资金50.31亿元": a total of the period, to its end
    name = "realtexts_blind2/real_09_yunnan.txt"
    context = "“十二五”期间,中央和省投入学(xué)前教育专项资金50.31亿元"
    assert _read(name, context)[0] == [("Baseline", 2015, 5.031e9)]
    with _changed(tmp_path, "period_scope", "期间", add=False):
        assert _read(name, context)[0] != [("Baseline", 2015, 5.031e9)]


def test_aspects_a_count_of_aspects_is_no_target(tmp_path: Path) -> None:
    name = "realtexts_blind1/real_06_guangdong.txt"
    context = "教师素质稳步提高等4个方面工作目标"  # four aspects, no target
    values, reasons = _read(name, context)
    assert values == [] and reasons == [
        ("distractor", "a count of aspects (4个方面), not a target")
    ]
    with _changed(tmp_path, "aspects", "方面", add=False):
        values, reasons = _read(name, context)
    assert [(kind, number) for kind, _, number in values] == [("Target", 4)] and reasons == []


def test_condition_end_a_number_before_hou_is_a_condition(tmp_path: Path) -> None:
    name = "realtexts_blind2/real_03_henan.txt"
    context = "据测算,1000所民生项目幼儿园全部投入使用后,"  # a condition, no target
    values, reasons = _read(name, context)
    assert values == [] and reasons == [("distractor", "a condition (…后), not a value")]
    with _changed(tmp_path, "condition_end", "后", add=False):
        values, reasons = _read(name, context)
    assert [(kind, number) for kind, _, number in values] == [("Target", 1000)] and reasons == []


# a bulletin of the 2020 census (realtexts_blind6/real_03_hainan.txt, dated 2021-05-13)
HAINAN = "realtexts_blind6/real_03_hainan.txt"
HAINAN_YEARS = (
    "与2010年第六次全国人口普查相比,全省人口中,15岁及以上人口的平均受教育年限由9.2年提高至10.1年"
)


def test_bulletin_lead_gives_a_bulletins_figures_its_year(tmp_path: Path) -> None:
    # "现将2020年11月1日零时我省19个市县的人口受教育基本情况公布如下": the figures are of 2020
    assert _read(HAINAN, HAINAN_YEARS)[0][1] == ("Baseline", 2020, 10.1)
    with _changed(tmp_path, "bulletin_lead", "现将", add=False):
        assert _read(HAINAN, HAINAN_YEARS)[0][1] != ("Baseline", 2020, 10.1)


def test_compared_with_dates_the_level_a_change_starts_from(tmp_path: Path) -> None:
    # "与2010年…相比,…由9.2年提高至10.1年": 9.2 years is the level of 2010
    assert _read(HAINAN, HAINAN_YEARS)[0][0] == ("Baseline", 2010, 9.2)
    with _changed(tmp_path, "compared_with", "与", add=False):
        assert _read(HAINAN, HAINAN_YEARS)[0][0] != ("Baseline", 2010, 9.2)


def test_denominator_a_count_per_so_many_people_is_no_value(tmp_path: Path) -> None:
    context = "每10万人中拥有大学文化程度的由7728人"
    values, reasons = _read(HAINAN, context)
    assert [number for _, _, number in values] == [7728]
    assert reasons == [("distractor", "a denominator (每10万人中), not a value")]
    with _changed(tmp_path, "denominator", "每", add=False):
        values, reasons = _read(HAINAN, context)
    assert [number for _, _, number in values] == [100000, 7728] and reasons == []
