"""Draft values and indicators, as the readers find them, before they become model objects."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .._vocab import Comparator
from .._words import Words, alternation, on_change, words

__all__ = [
    "DIndicator",
    "DValue",
    "UNIT_WORDS",
    "alignment_context",
    "bare_unit_of_name",
    "named_unit",
    "names_nothing",
    "names_of",
    "unit_from_noun",
    "unit_of_word",
]


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
    start_year: int | None = None  # the first year of a total over years (flag cumulative)


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


#: Unit words of table headers and unit columns: word -> (canonical unit, scale), built from
#: data/words.toml: every unit word and classifier, each also after a scale word (万人, 亿元),
#: and the header words of its [header] table (百分比, 岁).
UNIT_WORDS: dict[str, tuple[str, float]] = {}


def _build() -> None:
    w = words()
    plain: dict[str, str] = {**w.classifiers}
    # a bare unit's zh (系数) names it, it is not written in a 单位 cell or after a number
    plain.update({x: u.key for u in w.units for x in (*u.words, *((u.zh,) * (not u.bare)))})
    plain.update(w.header_units)
    UNIT_WORDS.clear()
    UNIT_WORDS.update({x: (unit, 1) for x, unit in plain.items()})
    for scale, factor in w.scales.items():
        UNIT_WORDS.update({scale + x: (unit, float(factor)) for x, unit in plain.items()})


_build()
on_change(_build)


def unit_of_word(word: str) -> tuple[str, float] | None:
    """Return the canonical unit and scale of a unit word (``"万人"`` -> ``("person", 1e4)``)."""
    return UNIT_WORDS.get(word.strip())


@lru_cache(maxsize=4)
def _noun_units(w: Words) -> tuple[tuple[str, str], ...]:
    """Return (pattern, unit) for each [[noun_unit]] block of data/words.toml, in order."""
    return tuple(
        (
            "|".join(
                ([alternation(n.contains)] if n.contains else [])
                + ([f"(?:{alternation(n.ends)})$"] if n.ends else [])
            ),
            n.unit,
        )
        for n in w.noun_units
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
    bare = bare_unit_of_name(clean)
    if bare is not None:  # 校际差异系数小学: a coefficient, whatever noun ends the name
        return bare
    for pattern, unit in _noun_units(words()):
        if re.search(pattern, clean):
            if counted and unit in ("yuan", "year"):
                return None
            return unit
    return None


def alignment_context(
    ind_name: str, origin: str, section: str, text: str, start: int
) -> str | None:
    """Return the context :func:`eduplans.align` reads for a name whose value is at ``start``.

    A name in prose that names no stage takes the stage of its own sentence: the nearest clause
    before it that names one (新建城区公办幼儿园三所，改扩建乡镇中心幼儿园10所，新增学位2400个:
    the bare 新增学位 is preschool places; 投建5所小学、4所公办幼儿园…，新增学位: every stage's),
    or of the sentence before when the name opens its sentence; its section heading stays beside it
    (:func:`eduplans._align.sentence_context`). Table rows, whose stage rows are already part
    of their names, and names without such a sentence take the section heading, as before.
    """
    if origin != "prose":
        return section or None
    from .._align import sentence_before, sentence_context

    return sentence_context(ind_name, sentence_before(text, start), section)


@lru_cache(maxsize=4)
def _named_units(w: Words) -> tuple[tuple[str, str, str], ...]:
    """Return (pattern of names, pattern of bare names or "", unit) for units with ``names``."""
    return tuple(
        (alternation(u.names), alternation(u.bare_names) if u.bare_names else "", u.key)
        for u in w.units
        if u.names
    )


def bare_unit_of_name(name: str) -> str | None:
    """Return the unit a name gives a number written without a unit word (差异系数 0.54).

    Parameters
    ----------
    name
        An indicator's name, or the words before a number.

    Returns
    -------
    str or None
        The unit of the first unit block one of whose ``bare_names`` the name holds.

    """
    for _, bare, unit in _named_units(words()):
        if bare and re.search(bare, name):
            return unit
    return None


def named_unit(name: str) -> str | None:
    """Return the unit one of whose ``names`` the name holds (生师比, 师生比 -> the ratio)."""
    for names, _, unit in _named_units(words()):
        if re.search(names, name):
            return unit
    return None


def names_of(unit: str) -> tuple[str, ...]:
    """Return the name words of ``unit``'s block (empty for a unit read in any name)."""
    return next((u.names for u in words().units if u.key == unit), ())


@lru_cache(maxsize=4)
def _fillers(w: Words) -> tuple[frozenset[str], int]:
    p = w.prose
    pool = frozenset(
        x
        for x in (
            *p.name_end,
            *p.lead_verbs,
            *p.name_lead,
            *p.change_lead,
            *p.change,
            *p.name_filler,
        )
        if x
    )
    return pool, max(len(x) for x in pool)


def names_nothing(name: str) -> bool:
    """Whether a (folded) name is made only of verbs and filler words (推广, 开设了, 该县, 上升了).

    Such a name says nothing of what a number counts or what changed: the verb lists of
    ``[prose]`` in data/words.toml and its ``name_filler`` words cover it end to end. An empty
    name names nothing too.
    """
    pool, longest = _fillers(words())
    text = re.sub(r"\s", "", name)
    ok = [False] * (len(text) + 1)
    ok[0] = True
    for i in range(len(text)):
        if ok[i]:
            for n in range(1, min(longest, len(text) - i) + 1):
                if text[i : i + n] in pool:
                    ok[i + n] = True
    return ok[len(text)]
