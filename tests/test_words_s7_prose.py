"""The prose reader's words are data (issue 12): a word added to (or removed from) a copy of
``data/words.toml`` changes what ``_parse/_prose.py`` reads on a real page of the development sets.

Each test changes one list of ``[prose]`` (or a list the prose reader shares) in a copy of the
words data, as tests/test_words_s6.py does for the page-level modules, and reads a real page of
the development sets (``tests/data/realtexts_blind*``, never a held-out set) before and after:
the prose reader's own output (``read_prose``, copied before the settling step changes it), so
the test sees the rule the list feeds.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import Any
from unittest import mock

import eduplans
import eduplans._parse as parse_module
from eduplans import _words
from eduplans._parse._draft import DIndicator

SRC = Path(str(files("eduplans")))
WORDS = SRC / "data" / "words.toml"
DATA = SRC.parents[1] / "tests" / "data"


@contextmanager
def _changed(
    tmp_path: Path, section: str, key: str, *, add: str = "", remove: str = ""
) -> Iterator[None]:
    """Use a copy of the words data with ``[section] key`` changed, then the bundled words.

    ``add`` puts a word first in a list (or a character at the start of a string of
    characters); ``remove`` takes a word out of a list.
    """
    text = WORDS.read_text(encoding="utf-8")
    head = text.index(f"\n[{section}]\n")
    m = re.compile(rf"(?m)^{key} = (\[|\")").search(text, head)
    assert m is not None and text.rfind("\n[", 0, m.start()) == head, f"[{section}] {key}"
    end = text.index("\n", m.end())
    line = text[m.end() : end]
    if add:
        line = (f'"{add}", ' if m.group(1) == "[" else add) + line
    if remove:
        assert m.group(1) == "[" and f'"{remove}"' in line, (key, remove)
        line = re.sub(rf'"{re.escape(remove)}"(?:, )?', "", line).replace(", ]", "]")
    copy_ = tmp_path / "words.toml"
    copy_.write_text(text[: m.end()] + line + text[end:], encoding="utf-8")
    _words.use_words(copy_)
    try:
        yield
    finally:
        _words.use_words(None)


def _prose(name: str) -> list[DIndicator]:
    """Return what the prose reader reads on a development page (copied before settling)."""
    seen: list[DIndicator] = []
    real = parse_module.read_prose

    def spy(*args: Any, **kwargs: Any) -> list[DIndicator]:
        out = real(*args, **kwargs)
        seen.extend(copy.deepcopy(out))
        return out

    with mock.patch.object(parse_module, "read_prose", spy):
        eduplans.parse_plan(DATA / name)
    return seen


def _values(name: str, text: str) -> list[tuple[str, Any]]:
    """Return (name, value) of each prose value whose text is ``text`` on the page."""
    return [(d.name, v) for d in _prose(name) for v in d.values if v.text == text]


def _one(name: str, text: str) -> tuple[str, Any]:
    found = _values(name, text)
    assert len(found) == 1, found
    return found[0]


def test_hedges_are_listed_on_the_value(tmp_path: Path) -> None:
    name = "realtexts_blind3/real_08_xinjiang.txt"  # 確保…學前教育毛入園率達到98%以上
    what, value = _one(name, "98%以上")
    assert (what, value.hedges) == ("學前教育毛入園率", [])
    with _changed(tmp_path, "prose", "hedges", add="确保"):
        assert _one(name, "98%以上")[1].hedges == ["确保"]


def test_since_a_starting_year_is_not_the_values_year(tmp_path: Path) -> None:
    name = "realtexts_blind19/real_13_guizhou-zizhu.txt"  # 自2013年起压缩行政经费5%
    what, value = _one(name, "5%")
    assert what == "自2013年起压缩行政经费"
    assert (value.year, "year_implied" in value.flags) == (2017, True)
    with _changed(tmp_path, "prose", "since", remove="起"):
        value = _one(name, "5%")[1]
        assert (value.year, "year_implied" in value.flags) == (2013, False)


def test_of_place_a_threshold_defines_a_group(tmp_path: Path) -> None:
    name = "realtexts_blind15/real_02_shaanxi-2021.txt"  # 66人以上的超大班
    assert _one(name, "66人以上")[0] == "超大班"
    with _changed(tmp_path, "prose", "of_place", add="超大班"):
        assert _values(name, "66人以上") == []


def test_clause_lead_words_are_no_part_of_a_name(tmp_path: Path) -> None:
    name = "realtexts_blind1/real_06_guangdong.txt"  # 加快消除56人以上大班额
    assert _one(name, "56人以上")[0] == "加快消除"
    with _changed(tmp_path, "prose", "clause_lead", add="加快"):
        assert _one(name, "56人以上")[0] == "消除"


def test_per_year_words_flag_the_value(tmp_path: Path) -> None:
    name = "realtexts_blind20/real_17_shanxi-2012-nutrition.txt"  # 全年按照學生在校時間200天
    assert "per_year" not in _one(name, "200天")[1].flags
    with _changed(tmp_path, "prose", "per_year", add="全年"):
        assert "per_year" in _one(name, "200天")[1].flags


def test_cumulative_words_flag_the_value(tmp_path: Path) -> None:
    name = "realtexts_blind3/real_01_changsha.txt"  # …合计…127963个
    assert "cumulative" not in _one(name, "127963个")[1].flags
    with _changed(tmp_path, "prose", "cumulative", add="合计"):
        assert "cumulative" in _one(name, "127963个")[1].flags


def test_full_cover_then_a_full_cover_read_as_100_percent(tmp_path: Path) -> None:
    # 该省实现了农村义务教育学生营养改善计划全覆盖的…: 的 after 全覆盖 leaves it a word
    name = "realtexts_blind19/real_13_guizhou-zizhu.txt"
    plan = "该省实现了农村义务教育学生营养改善计划"
    assert plan not in dict(_values(name, "全覆盖"))
    with _changed(tmp_path, "prose", "full_cover_then", add="的"):
        value = dict(_values(name, "全覆盖"))[plan]
        assert (value.magnitude, "number_from_words" in value.flags) == (100.0, True)


def test_existing_words_make_a_value_a_baseline(tmp_path: Path) -> None:
    name = "realtexts_blind2/real_12_xizang.txt"  # 目前共有2337所幼兒園
    what, value = _one(name, "2337所")
    assert (what, value.kind) == ("幼兒園", "target")
    with _changed(tmp_path, "prose", "existing", add="共有"):
        assert _one(name, "2337所")[1].kind == "baseline"


def test_open_end_a_count_names_what_it_counts_after_it(tmp_path: Path) -> None:
    name = "realtexts_blind3/real_11_xian.txt"  # 完成省级示范高中与14所县域高中…
    assert _one(name, "14所")[0] == "县域高中"
    with _changed(tmp_path, "prose", "open_end", remove="与"):
        assert _one(name, "14所")[0] == "省级示范高中与"


def test_generic_after_what_a_value_is_for_is_not_its_name(tmp_path: Path) -> None:
    # 普惠性幼兒園在園兒童占比2020年底達到80%的任務
    name = "realtexts_blind1/real_01_yantian.txt"
    assert _one(name, "80%")[0] == "普惠性幼兒園在園兒童占比"
    with _changed(tmp_path, "prose", "generic_after", remove="任务"):
        assert _one(name, "80%")[0] == "任務"


def test_school_names_a_count_names_the_schools_after_it(tmp_path: Path) -> None:
    name = "realtexts_blind1/real_10_weizhi-xian.txt"  # 全县18所小学以县城优质学校为领衔
    assert _one(name, "18所")[0] == "小学"
    with _changed(tmp_path, "prose", "school_names", remove="小学"):
        assert _one(name, "18所")[0] == "小学以县城优质学校"
