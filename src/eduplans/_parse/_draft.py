"""Draft values and indicators, as the readers find them, before they become model objects."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .._vocab import Comparator

__all__ = ["DIndicator", "DValue", "UNIT_WORDS", "unit_of_word", "unit_from_noun"]


@dataclass
class DValue:
    """A baseline or target value found in the text (offsets into the original text)."""

    kind: str  # "baseline" | "target"
    year: int
    comparator: Comparator
    magnitude: float | None
    upper: float | None
    text: str
    text_start: int
    start: int  # quote span
    end: int
    hedges: list[str] = field(default_factory=list)
    flags: dict[str, str] = field(default_factory=dict)  # flag -> why


@dataclass
class DIndicator:
    """An indicator as one place of the plan states it."""

    name: str
    unit: str
    section: str
    origin: str  # "table" | "prose"
    values: list[DValue]
    binding: str = "none"
    subject: str = ""
    note: str = ""
    flags: dict[str, str] = field(default_factory=dict)  # flags of every value


#: Unit words of table headers and unit columns: word -> (canonical unit, scale).
UNIT_WORDS: dict[str, tuple[str, float]] = {
    "%": ("percent", 1),
    "百分比": ("percent", 1),
    "个百分点": ("percentage_point", 1),
    "百分点": ("percentage_point", 1),
    "年": ("year", 1),
    "岁": ("year", 1),
    "所": ("school", 1),
    "家": ("school", 1),
    "个": ("item", 1),
    "项": ("item", 1),
    "种": ("item", 1),
    "套": ("item", 1),
    "次": ("item", 1),
    "人": ("person", 1),
    "名": ("person", 1),
    "位": ("person", 1),
    "万人": ("person", 1e4),
    "千人": ("person", 1e3),
    "人次": ("person_time", 1),
    "万人次": ("person_time", 1e4),
    "元": ("yuan", 1),
    "万元": ("yuan", 1e4),
    "亿元": ("yuan", 1e8),
    "小时": ("hour", 1),
    "分钟": ("minute", 1),
    "天": ("day", 1),
    "学时": ("class_hour", 1),
    "课时": ("class_hour", 1),
    "平方米": ("square_meter", 1),
    "万平方米": ("square_meter", 1e4),
    "㎡": ("square_meter", 1),
    "m²": ("square_meter", 1),
    "间": ("room", 1),
    "班": ("class", 1),
    "个班": ("class", 1),
    "幢": ("building", 1),
    "栋": ("building", 1),
    "对": ("pair", 1),
    "倍": ("times", 1),
    "兆": ("megabit_per_second", 1),
    "M": ("megabit_per_second", 1),
    "Mbps": ("megabit_per_second", 1),
    "个学位": ("seat", 1),
    "学位": ("seat", 1),
    "万个": ("item", 1e4),
    "万个学位": ("seat", 1e4),
}


def unit_of_word(word: str) -> tuple[str, float] | None:
    """Return the canonical unit and scale of a unit word (``"万人"`` -> ``("person", 1e4)``)."""
    return UNIT_WORDS.get(word.strip())


_NOUN_UNITS: tuple[tuple[str, str], ...] = (
    (r"学位", "seat"),
    (r"人次", "person_time"),
    (r"教学班|班级|班额", "class"),
    (r"(?:教室|课室|实验室|功能室|录播室)$", "room"),
    (r"(?:学校|学院|大学|幼儿园|中学|小学|初中|高中|园|校|院校)$", "school"),
    (
        r"(?:在校生|在园幼儿|学生|幼儿|教师|人员|人才|校长|毕业生|在校生规模|人数|名师|带头人)$",
        "person",
    ),
    (r"经费|资金|投入|金额|收入", "yuan"),
    (r"年限", "year"),
)


def unit_from_noun(name: str, *, counted: bool = True) -> str | None:
    """Return a unit read from the thing a name counts (学位 -> seat, 教师 -> person).

    Parameters
    ----------
    name
        The indicator's name or the noun after a number.
    counted
        Only counts: skip money and years.

    Returns
    -------
    str or None
        A canonical unit, or None when the noun says nothing.

    """
    clean = re.sub(r"\([^()]*\)|\([^()]*$", "", name)
    for pattern, unit in _NOUN_UNITS:
        if re.search(pattern, clean):
            if counted and unit in ("yuan", "year"):
                return None
            return unit
    return None
