"""The table, statistics and grid readers, ``parse_plan`` and ``parse_value`` read their words
from the words data (issue 12, session 7).

Their words moved from code (``_parse/_tables.py``, ``_stats.py``, ``_grid.py``,
``_parse/__init__.py``, ``_units.py``) to ``data/words.toml`` (``[table]``, ``[value]``,
``[dates]``, ``[meta]``). Each test below changes one list of a copy of the words data (a word
added or removed, as tests/test_words_s6.py does) and shows that the parser then reads a real page
of the development sets (tests/data/realtexts_blind*) otherwise.
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

SRC = Path(str(files("eduplans")))
WORDS = SRC / "data" / "words.toml"
DATA = SRC.parents[1] / "tests" / "data"


@contextmanager
def _changed(tmp_path: Path, section: str, key: str, value: str) -> Iterator[None]:
    """Use a copy of the words data with ``[section] key = value`` (TOML), then the bundled."""
    text = WORDS.read_text(encoding="utf-8")
    head = text.index(f"\n[{section}]\n")
    m = re.compile(rf"(?m)^{key} = .*$").search(text, head)
    assert m is not None and text.rfind("\n[", 0, m.start()) == head, f"[{section}] {key}"
    copy = tmp_path / "words.toml"
    copy.write_text(text[: m.start()] + f"{key} = {value}" + text[m.end() :], encoding="utf-8")
    _words.use_words(copy)
    try:
        yield
    finally:
        _words.use_words(None)


def _read(name: str) -> dict[str, list[tuple[str, int | None, float]]]:
    """Return what ``parse_plan`` reads on a development page: name -> (kind, year, value)."""
    plan = eduplans.parse_plan(DATA / name)
    out: dict[str, list[tuple[str, int | None, float]]] = {}
    for ind in plan.indicators:
        for v in ind.values:
            magnitude = float(v.value.magnitude) if hasattr(v.value, "magnitude") else -1.0
            out.setdefault(ind.name, []).append((type(v).__name__, v.year, magnitude))
    return out


def test_meta_planned_heads_make_a_task_table_planned(tmp_path: Path) -> None:
    # "2024年《政府工作报告》重点工作目标任务分解表": a work report's tasks, planned for 2024
    name = "realtexts_blind1/real_07_nanling.txt"
    assert _read(name)["新增托位数"] == [("Target", 2024, 400.0)]
    with _changed(tmp_path, "meta", "planned_heads", '["工作要点", "工作计划", "实施方案"]'):
        assert _read(name)["新增托位数"] == [("Baseline", 2024, 400.0)]


def test_table_sub_lead_opens_a_part_of_a_statistics_column(tmp_path: Path) -> None:
    # a statistics table of kindergartens by province: 园数 | 其中:少数民族幼儿园 …
    name = "realtexts_blind20/real_01_national-2020-kg-table.txt"
    before = _read(name)
    assert "园数其中少数民族幼儿园" in before and len(before["园数"]) > 20
    with _changed(tmp_path, "table", "sub_lead", '["另含"]'):
        after = _read(name)
    assert "园数其中少数民族幼儿园" not in after
    assert sum(map(len, after.values())) < sum(map(len, before.values())) / 10


def test_value_numeral_variants_read_liang_as_two(tmp_path: Path) -> None:
    # 投入200万元对城区两所小学进行改造升级 (realtexts_blind12/real_15_qingyuan.txt)
    line = (DATA / "realtexts_blind12/real_15_qingyuan.txt").read_text(encoding="utf-8")
    text = line[line.index("两所") :][:2]
    assert eduplans.parse_value(text).value == 2
    with (
        _changed(tmp_path, "value", "numeral_variants", "{}"),
        pytest.raises(eduplans.ValueTextError, match="not a number"),
    ):
        eduplans.parse_value(text)


def test_value_decimal_point_reads_digits_after_it(tmp_path: Path) -> None:
    # no development page writes a decimal number in words; the digits after 点 are read one by one
    assert float(eduplans.parse_value("五点五").value) == 5.5
    with _changed(tmp_path, "value", "decimal_point", '"點"'):
        assert float(eduplans.parse_value("五點五").value) == 5.5
        with pytest.raises(eduplans.ValueTextError):
            eduplans.parse_value("五点五")


def test_a_bad_numeral_variant_names_the_key(tmp_path: Path) -> None:
    with (
        pytest.raises(eduplans.DataError, match=r"value\.numeral_variants"),
        _changed(tmp_path, "value", "numeral_variants", '{ "两" = "二二" }'),
    ):
        pass


# --- the table reader (_parse/_tables.py) ------------------------------------------------------
WEIZHI = "readers/real_01_weizhi-quxian.txt"  # the development page /work/shared/realtexts/real_01


def _bindings(name: str) -> dict[str, str]:
    return {i.name: str(i.binding) for i in eduplans.parse_plan(DATA / name).indicators}


def test_table_binding_says_what_a_type_cell_means(tmp_path: Path) -> None:
    # 学前教育毛入园率 | % | 99 | 99 | 约束性
    assert _bindings(WEIZHI)["学前教育毛入园率"] == "binding"
    assert _bindings(WEIZHI)["普惠性幼儿园覆盖率"] == "expected"
    value = '{ "约束性" = "expected", "预期性" = "expected", "指导性" = "none" }'
    with _changed(tmp_path, "table", "binding", value):
        assert _bindings(WEIZHI)["学前教育毛入园率"] == "expected"


def test_table_binding_a_word_not_listed_is_no_type_cell(tmp_path: Path) -> None:
    before = _read(WEIZHI)
    assert before["义务教育标准班额比例"] == [
        ("Baseline", 2020, 34.52),
        ("Target", 2025, 80.0),
        ("Baseline", 2020, 77.34),
        ("Target", 2025, 85.0),
    ]
    with _changed(tmp_path, "table", "binding", '{ "预期性" = "expected", "指导性" = "none" }'):
        after = _read(WEIZHI)
    assert "义务教育标准班额比例" not in after  # the 其中 rows' table is read otherwise


def test_a_binding_value_is_one_of_binding(tmp_path: Path) -> None:
    with (
        pytest.raises(eduplans.DataError, match=r"table\.binding\.约束性"),
        _changed(tmp_path, "table", "binding", '{ "约束性" = "must" }'),
    ):
        pass


def test_table_name_header_finds_a_table_by_its_name_column(tmp_path: Path) -> None:
    # 指标 | 2015年 | 2020年 over 学前教育 / 幼儿在园人数 / 学前三年毛入园率 …
    name = "realtexts_blind14/real_01_hainan-shisanwu.txt"
    assert _read(name)["学前三年毛入园率"] == [("Baseline", 2015, 76.5), ("Target", 2015, 60.0)]
    without = [w for w in _words.words().table.name_header if w != "指标"]
    with (
        _changed(tmp_path, "table", "name_header", str(without).replace("'", '"')),
        pytest.raises(eduplans.ParseError, match="no baseline or target value found"),
    ):
        _read(name)  # no table: the page's values are all in it


def test_table_sub_name_heads_name_a_sub_row_by_its_parents_population(tmp_path: Path) -> None:
    # 小学教师专科及以上学历比例(%) / 其中:本科及以上学历比例(%)
    assert "小学教师本科及以上学历比例" in _read(WEIZHI)
    with _changed(tmp_path, "table", "sub_name_heads", '["学生", "校长", "幼儿园", "学校"]'):
        after = _read(WEIZHI)
    assert "小学教师本科及以上学历比例" not in after and "本科及以上学历比例" in after


def test_table_sub_lead_opens_a_row_of_sub_labels(tmp_path: Path) -> None:
    # 义务教育标准班额比例 over 其中:小学 / 初中, each year cell holding two values
    name = WEIZHI
    plan = eduplans.parse_plan(DATA / name)
    notes = [v.note for i in plan.indicators if i.name == "义务教育标准班额比例" for v in i.values]
    assert "elided_subject: sub-row '小学' of '义务教育标准班额比例' (其中)" in notes
    with _changed(tmp_path, "table", "sub_lead", '["另含"]'):
        plan = eduplans.parse_plan(DATA / name)
    notes = [v.note for i in plan.indicators for v in i.values]
    assert not any("sub-row" in n for n in notes)


HAINAN = "realtexts_blind14/real_01_hainan-shisanwu.txt"  # 表1 …“十二五”教育事业发展主要目标实现度


def test_table_year_header_tags_date_a_column(tmp_path: Path) -> None:
    # 指标 | 单位 | “十二五” 规划目标 | 2015年实际 | 实现度(%): 2015年实际 holds the levels of 2015
    assert _read(HAINAN)["幼儿在园人数"] == [
        ("Baseline", 2015, 320000.0),
        ("Target", 2015, 240000.0),
    ]
    without = [w for w in _words.words().table.year_header_tags if w != "实际"]
    with _changed(tmp_path, "table", "year_header_tags", str(without).replace("'", '"')):
        after = _read(HAINAN)
    # 2015年实际 is no year column then: only the 十二五 targets are read
    assert after["幼儿在园人数"] == [("Target", 2015, 240000.0)]


def test_table_section_stages_lend_a_bare_name_its_subject(tmp_path: Path) -> None:
    # the section row 九年义务教育 over the bare names 在校生 and 巩固率
    notes = _notes(HAINAN, "巩固率")
    assert "elided_subject: bare name '巩固率' under the table section '九年义务教育'" in notes
    without = [w for w in _words.words().table.section_stages if w != "义务"]
    with _changed(tmp_path, "table", "section_stages", str(without).replace("'", '"')):
        assert not any("elided_subject" in n for n in _notes(HAINAN, "巩固率"))


def _notes(name: str, indicator: str) -> list[str]:
    plan = eduplans.parse_plan(DATA / name)
    return [v.note for i in plan.indicators if i.name == indicator for v in i.values]
