"""Session 7's alignment work: the rules' words in data/words.toml, and the rules changed.

The words of alignment's normalisation steps and rules moved from ``_align.py`` to the
``[align]`` section of ``data/words.toml`` (alignment output identical: a dump of every
development name's key, method, features and explanation compared before and after). The tests
below check the section as the loader checks the others, that each of its keys is read, and that
a word added to a copy of the words data changes how a real name (from the labelled development
sets) is read.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path

import pytest

import eduplans
from eduplans import _align, _words

SRC = Path(str(files("eduplans")))
WORDS = SRC / "data" / "words.toml"
SETS = Path(__file__).parent / "data" / "alignment"


def _labelled(which: str) -> set[str]:
    doc = tomllib.loads((SETS / f"labelled_{which}.toml").read_text(encoding="utf-8"))
    return {e["name"] for e in doc["name"]}


@contextmanager
def _added(tmp_path: Path, key: str, word: str) -> Iterator[None]:
    """Use a copy of the words data with ``word`` added to ``[align] key``, then the bundled."""
    text = WORDS.read_text(encoding="utf-8")
    head = text.index("\n[align]\n")
    m = re.compile(rf"(?m)^{key} = \[").search(text, head)
    assert m is not None and text.rfind("\n[", 0, m.start()) == head, key
    copy = tmp_path / "words.toml"
    copy.write_text(text[: m.end()] + f'"{word}", ' + text[m.end() :], encoding="utf-8")
    _words.use_words(copy)
    try:
        yield
    finally:
        _words.use_words(None)


ALIGN_KEYS = [f.name for f in dataclasses.fields(_words.AlignWords)]


@pytest.mark.parametrize("key", ALIGN_KEYS)
def test_a_missing_align_key_names_the_file_and_key(tmp_path: Path, key: str) -> None:
    text = WORDS.read_text(encoding="utf-8")
    assert len(re.findall(rf"(?m)^{key} = ", text[text.index("\n[align]\n") :])) >= 1
    head = text.index("\n[align]\n")
    bad = tmp_path / "words.toml"
    bad.write_text(
        text[:head] + re.sub(rf"(?m)^{key} = .*$", "", text[head:], count=1), encoding="utf-8"
    )
    with pytest.raises(eduplans.DataError, match=rf"align\.{key}") as err:
        _words.load_words(bad)
    assert str(bad) in str(err.value)


def test_every_align_key_is_read_by_alignment() -> None:
    code = (SRC / "_align.py").read_text(encoding="utf-8")
    unread = [k for k in ALIGN_KEYS if not re.search(rf"\balign\.{k}\b|\ba\.{k}\b", code)]
    assert not unread, f"[align] keys no code reads: {unread}"


def test_a_dropped_particle_from_the_words_data(tmp_path: Path) -> None:
    name = "新增劳动力受过高等教育比例"  # labelled_dev
    assert name in _labelled("dev")
    assert _align.normalise(name) == "新增劳动力受过高等比例"
    with _added(tmp_path, "drop", "过"):
        assert _align.normalise(name) == "新增劳动力受高等比例"
    assert _align.normalise(name) == "新增劳动力受过高等比例"


def test_a_share_of_children_word_from_the_words_data(tmp_path: Path) -> None:
    # 公办幼儿园比例 (labelled_real5, also 全省公办幼儿园占比 in real2) reads as a share of
    # kindergartens; a word of children_share makes it one of children
    name = "公辦幼兒園比例"
    assert name in _labelled("real5")
    assert "institutions" in _align._features(_align.normalise(name)).measures
    with _added(tmp_path, "children_share", "幼儿园比例"):
        assert "children" in _align._features(_align.normalise(name)).measures
    assert "institutions" in _align._features(_align.normalise(name)).measures


# --- rules changed in session 7, each on its real example (labels of the development sets) -----
def _real(which: str, name: str, context: str = "") -> tuple[str, str]:
    """Return (context, label) of a name in a labelled development set (it must be there)."""
    doc = tomllib.loads((SETS / f"labelled_{which}.toml").read_text(encoding="utf-8"))
    hits = [e for e in doc["name"] if e["name"] == name and e.get("context", "") == context]
    assert hits, f"{name!r} [{context}] is not in labelled_{which}"
    return hits[0].get("context", ""), hits[0]["label"]


def _keys(names: list[str], context: list[str | None] | None = None) -> list[str | None]:
    frame = eduplans.align(names, context=context)
    return [k if isinstance(k, str) else None for k in frame["key"]]


def _clusters(names: list[str]) -> list[int]:
    return list(eduplans.cluster(names)["cluster"])


def test_a_part_set_against_its_total_is_a_share() -> None:
    # real8 (a national report): 随班就读的残疾学生 (a count, 43.9万名) and the same pupils
    # 占残疾学生总数 (50%左右) are two indicators; the second writes no 比例 but is a share
    count, share = "普通學校隨班就讀的殘疾學生", "隨班就讀的殘疾學生占殘疾學生總數"
    assert _real("real8", count)[1] != _real("real8", share)[1]
    assert "share" in _align._features(_align.normalise(share)).measures
    assert "share" not in _align._features(_align.normalise(count)).measures
    a, b = _clusters([count, share])
    assert a != b
    # a page of the parser's development sets (realtexts_blind17, 吉林 preschool): the share of
    # children in public kindergartens, written as part 占 total, is the national indicator
    assert _keys(["公办园在园儿童占在园儿童总数"]) == ["public_kindergarten_share"]
    # a part that is a kindergarten is a share of kindergartens (the bundled plans' name)
    assert _keys(["普惠性幼儿园占全区幼儿园"]) == ["inclusive_kindergarten_institution_share"]


TABLE = "20-1 各级各类学校、教职工和专任教师情况 (2008年) {}"


@pytest.mark.parametrize(
    ("column", "key"),
    [
        ("学校数(所)", "higher_education_institution_count"),
        ("教职工数(人)", None),
        ("专任教师(人)", None),
    ],
)
def test_the_nearest_heading_that_counts_says_what_a_row_counts(
    column: str, key: str | None
) -> None:
    # real8, a yearbook's table 20-1: its title names schools, staff and teachers, each column one
    # of them; a row 普通高等学校 counts what its column counts
    context = TABLE.format(column)
    assert _real("real8", "普通高等学校", context)
    assert _keys(["普通高等学校"], [context]) == [key]
    staff, teachers = (TABLE.format(c) for c in ("教职工数(人)", "专任教师(人)"))
    assert _real("real8", "普通高等学校", staff)[1] != _real("real8", "普通高等学校", teachers)[1]
    frame = eduplans.cluster(["普通高等学校", "普通高等学校"], context=[staff, teachers])
    assert frame["cluster"][0] != frame["cluster"][1]


def test_higher_vocational_colleges_as_pages_write_them() -> None:
    # real8: 高等职业院校在校生1006.6万人 is higher vocational enrolment (高职院校, 高等职业学校)
    assert _real("real8", "高等职业院校在校生")[1] == "higher_vocational_enrolment"
    assert _keys(["高等职业院校在校生"]) == ["higher_vocational_enrolment"]
    assert _align.normalise("高等职业院校") == _align.normalise("高职院校")


def test_the_nutrition_programme_names_its_stage() -> None:
    # real8: the 2023 government work report on two pages, one under 义务教育:, one not; both the
    # same programme (农村义务教育学生营养改善计划), of compulsory education by definition
    a = _real("real8", "营养改善计划", "过去五年 义务教育:")
    b = _real("real8", "營養改善計劃", "五年來 在“切實保障和改善民生,加快社會事業發展”部分")
    assert a[1] == b[1]
    frame = eduplans.cluster(["营养改善计划", "營養改善計劃"], context=[a[0], b[0]])
    assert frame["cluster"][0] == frame["cluster"][1]
    assert _align._features(_align.normalise("營養改善計劃")).stage_text == "compulsory"


def test_children_not_in_school_are_one_measure() -> None:
    # real8: 9.1万名适龄残疾儿童未能就学 (2012) and 8万名未入学适龄残疾儿童少年 (a goal): one count
    a, b = "适龄残疾儿童未能就学", "未入学适龄残疾儿童少年"
    assert _real("real8", a)[1] == _real("real8", b)[1]
    assert _clusters([a, b]) == [0, 0]
    # and not an enrolment: the special-education enrolment rate stays apart
    assert _clusters([a, "残疾儿童少年入学率"])[1] == 1


def test_working_age_ranges_name_the_labour_force() -> None:
    # real8 (a 2021 statistics bulletin): 16—59歲人口平均受教育年限為11.3年 is the working-age
    # population's schooling (labour_force_schooling_years); realtexts_blind3 (威海) writes
    # 15-64岁人口平均受教育年限, the international working age
    name = "16—59歲人口平均受教育年限"
    assert _real("real8", name)[1] == "labour_force_schooling_years"
    assert _keys([name, "15-64岁人口平均受教育年限"]) == ["labour_force_schooling_years"] * 2
    # other ages are dropped, as before: 15岁及以上 is no working-age population, nor 3—5岁
    assert _keys(["15岁及以上人口的平均受教育年限"]) == [None]
    assert _keys(["3—5岁幼儿入园率"]) == ["preschool_gross_enrolment_rate"]


def test_funds_spent_under_the_old_name_of_the_public_budget() -> None:
    # real8: 全年公共财政教育经费支出增至XX亿元: 公共财政 is 一般公共预算 before 2015, and
    # 经费支出 is 经费
    context, label = _real("real8", "公共财政教育经费支出", "二、教育资源供给加速扩张")
    assert _keys(["公共财政教育经费支出"], [context]) == [label] == ["public_education_spending"]
    # realtexts_blind10 (a 2012 national bulletin): 國家財政性教育經費支出 is fiscal spending
    assert _keys(["國家財政性教育經費支出"]) == ["fiscal_education_spending"]


def test_secondary_and_higher_vocational_together_are_vocational() -> None:
    # realtexts_blind17 (辽宁): 中、高等職業院校在校生達到68.5萬人 counts both kinds of vocational
    # school: not the higher vocational enrolment alone
    name = "中、高等職業院校在校生"
    assert _align._features(_align.normalise(name)).stage_text == "vocational"
    assert _keys([name]) == [None]
    assert _align.normalise("中、高职师生比") == _align.normalise("中高职师生比")


def test_matched_employment_of_secondary_vocational_schools() -> None:
    # real8: 中等职业学校对口就业率超过85% (an alias, as 中职毕业生对口就业率 was)
    name = "中等职业学校对口就业率"
    assert _keys([name]) == [_real("real8", name)[1]]


def test_a_markdown_mark_is_no_part_of_a_name() -> None:
    # labelled_dev4: a mirror's table row "# 专任教师" under 19-10 幼儿教育基本情况
    assert _real("dev4", "# 专任教师", "19-10 幼儿教育基本情况")
    assert _align.normalise("# 专任教师") == "专任教师"


def test_the_illiteracy_rate_and_what_is_not_it() -> None:
    # 文盲率 is labelled one concept in dev2, dev4 and real5 (a census bulletin's 文盲率由…下降为…);
    # dev's 青壮年人口非文盲率 is the literacy rate, and dev4/real5's 文盲人口 the population itself
    for which in ("dev2", "dev4", "real5"):
        assert any(
            _real(which, "文盲率", c)[1] == "~illiteracy_rate"
            for c in ("", "三、文盲人口")
            if _has(which, "文盲率", c)
        )
    assert _real("dev", "青壮年人口非文盲率", "(一)发展成就")[1] != "~illiteracy_rate"
    assert _keys(["文盲率", "青壮年人口非文盲率", "文盲人口"]) == ["illiteracy_rate", None, None]


def _has(which: str, name: str, context: str) -> bool:
    doc = tomllib.loads((SETS / f"labelled_{which}.toml").read_text(encoding="utf-8"))
    return any(e["name"] == name and e.get("context", "") == context for e in doc["name"])
