"""Aligning indicator names to the catalog: rules first, fuzzy scores only among compatible keys.

A name is *normalised* (full width, traditional characters, unit brackets, numbering, filler words
such as 适龄/三年/阶段/教育), then reduced to *features*: the education stage it names (学前, 小学,
初中, 义务, 高中, 普通高中, 中职, 高职, 职业, 高等, 特殊, 劳动年龄 …) and the set of measure words
(毛入学率, 净入学率, 巩固率, 普惠, 公办, 本科, 双师 …). A catalog entry is a *candidate* only
when its stage and measures are the same as the name's. Then:

1. an override pins or forbids keys (per call, or from a TOML mapping file);
2. an exact match of the normalised name with an entry's normalised name or alias wins;
3. otherwise rapidfuzz scores the name against the compatible candidates only, and the best one
   is taken when it scores at least ``FUZZY_THRESHOLD``; else the name stays unmatched.

Rapidfuzz alone cannot do this: 学前教育毛入园率 scores the same against its true twin
学前三年毛入学率 as against 高等教育毛入学率. Here the stage word rules the second out before any
score is computed.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ._catalog import CatalogEntry, catalog
from ._chinese import fold_width, strip_pinyin, to_simplified
from ._errors import ArgumentError, ArgumentTypeError, DataError
from ._once import once
from ._words import Words, alternation, on_change, pattern, words

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CLUSTER_THRESHOLD",
    "FUZZY_THRESHOLD",
    "Explanation",
    "align",
    "cluster",
    "explain",
    "normalise",
]

#: Lowest rapidfuzz score (0-100, ``fuzz.ratio`` on normalised names) a fuzzy match needs.
FUZZY_THRESHOLD = 75.0
#: Lowest score that links two names in :func:`cluster`, where no catalog entry anchors them.
CLUSTER_THRESHOLD = 85.0
_MAX_LEN = 200  # longer "names" are prose, not indicator names: left unmatched

# --- normalisation -----------------------------------------------------------------------------
# Structural patterns only; the words they act on come from data/words.toml (eduplans._words).
# (含民办): a scope note
_SCOPE_NOTE = pattern(
    lambda w: rf"[(（]\s*(?:{alternation(w.align.scope_note)})[^()（）]{{0,30}}[)）]"
)
_QUALIFIER = re.compile(
    r"[(（\[【〔][^()（）\[\]【】〔〕]{1,6}[)）\]】〕]"
)  # 中等职业(技工)学校, 专业(群), 巩固率[约束性]: short qualifiers, in any bracket
# 3—5岁幼儿, 3至6周岁: an age or an age range
_AGES = pattern(
    lambda w: (
        rf"\d{{1,2}}\s*(?:(?:{alternation(w.align.age_to)})\s*\d{{1,2}}\s*)?"
        rf"(?:{alternation(w.align.age_full)})?(?:{alternation(w.align.age_unit)})"
    )
)
# 16—59岁: the ages of the working-age population ([align] working_age), which name its stage
_AGE_RANGE = pattern(
    lambda w: (
        rf"(\d{{1,2}})\s*(?:{alternation(w.align.age_full)})?(?:{alternation(w.align.age_unit)})?"
        rf"\s*(?:{alternation(w.align.age_to)})\s*(\d{{1,2}})\s*"
        rf"(?:{alternation(w.align.age_full)})?(?:{alternation(w.align.age_unit)})"
    )
)


def _working_age(s: str) -> str:
    """Write an age range of the working-age population as its stage word (16—59岁人口)."""
    a = words().align
    if a.working_age_word in s:
        return s

    def named(m: re.Match[str]) -> str:
        ages = f"{int(m.group(1))}-{int(m.group(2))}"
        return a.working_age_word if ages in a.working_age else m.group(0)

    return _AGE_RANGE.sub(named, s)


_DROP = pattern(lambda w: rf"[\s“”\"'‘’《》〈〉「」·•#]|{alternation(w.align.drop)}")


@once
def _normaliser() -> tuple[re.Pattern[str], ...]:
    w = words()
    scope = re.compile(rf"^(?:{alternation(w.scope)})[:：]?")
    # a unit bracket at the end: (%), (万人), (亿元), (所), (岁): any unit word, scaled or not
    unit = alternation(
        [*(x for u in w.units for x in (*u.words, u.zh)), *w.classifiers, *w.bracket_units]
    )
    bracket = re.compile(
        rf"[(（]\s*(?:{alternation(w.scales)})?(?:{unit})\s*[)）]?\s*$", re.IGNORECASE
    )
    numerals = re.escape(w.digits[1:] + w.numerals[-3:-2])  # 一 … 十: list numbering 三、
    numbering = re.compile(
        rf"^\s*(?:\d{{1,2}}\s*[.、．]|[(（]\s*\d{{1,2}}\s*[)）]|[{numerals}]{{1,3}}\s*、)\s*"
    )
    year = re.escape(w.dates.year)
    when = re.compile(
        rf"^(?:(?:{alternation(w.goal_hedge)})?(?:{alternation(w.time_before)})?\s*\d{{4}}\s*{year}"
        rf"(?:{alternation(w.time_after)})?[,，、]?|(?:{alternation(w.goal_hedge)}))\s*"
    )
    return scope, re.compile(alternation(w.replace)), bracket, numbering, when


@cache
def normalise(name: str) -> str:
    """Return the normalised form of an indicator name, as alignment compares it.

    Parameters
    ----------
    name
        An indicator name as a plan writes it.

    Returns
    -------
    str
        Simplified characters, half width, no inline pinyin (學(xué)前 → 学前), no unit bracket,
        numbering, scope prefix (全市, 其中:), stray space or filler words (适龄, 三年, 阶段, 教育):
        ``"學前三年毛入園率(%)"`` → ``"学前毛入学率"``.
    """
    scope, replace_re, bracket, numbering, when = _normaliser()
    replace = words().replace
    s = to_simplified(fold_width(strip_pinyin(name)[0])).strip()
    s = numbering.sub("", s)
    s = when.sub("", s)  # 到2025年, 截至2022年底, 力争: when, not what
    s = bracket.sub("", s)
    s = _SCOPE_NOTE.sub("", s)
    s = bracket.sub("", s)  # a unit bracket may stand before the scope note
    s = _QUALIFIER.sub("", s)
    s = _AGES.sub("", _working_age(s))
    s = _DROP.sub("", s)
    s = scope.sub("", s)
    return replace_re.sub(lambda m: replace[m.group(0)], s)


# --- features ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Lexicon:
    """The words data as alignment reads it: every word normalised as names are."""

    stage_of: Mapping[str, str]  # stage word -> stage ("" for a word that names no stage)
    generic: frozenset[str]  # 学生, 学校: school_age only when no other stage word is there
    stage_re: re.Pattern[str]
    measure_of: Mapping[str, tuple[str, ...]]  # measure word -> measures
    measure_re: re.Pattern[str]
    no_context: frozenset[str]  # measures a heading may not lend (place and level words)
    implies: Mapping[str, str]  # measure -> the stage it implies when a name names none
    feature_re: re.Pattern[str]  # every word, for residuals
    count_re: re.Pattern[str]  # what is left of 幼儿园数, 园所个数 once the stage words are out
    bare_re: re.Pattern[str]  # what is left of 幼儿园, 全市共有幼儿园 once the stage words are out
    not_institution: frozenset[str]  # stage words of a stage, not an institution (义务, 学前)
    qualifiers: frozenset[str]  # measures that narrow who is counted, not what (公办, 寄宿制)
    rates: frozenset[str]  # measures of a rate: a word of theirs ends in 率, or a share
    institution_end: re.Pattern[str]  # a name ending in an institution (学校, 幼儿园, 园, 校)
    pupils_end: re.Pattern[str]  # a name ending in pupils (学生, 幼儿)
    count_tail: re.Pattern[str]  # a count word ending a name (数, 所数, 个数)
    building_re: re.Pattern[str]  # 建设, 建好: building an institution
    senior_stage_word: str  # 高中段: normalised 高中阶段(教育), the stage, not the school


def _normalised_table(
    pairs: Iterable[tuple[str, Any]], what: str, field_name: str
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for written, value in pairs:
        norm = normalise(written)
        if not norm:
            raise DataError(
                f"{written!r} normalises to nothing",
                path="eduplans/data/words.toml",
                field=field_name,
            )
        if norm in out and out[norm] != value:
            raise DataError(
                f"{what} word {written!r} normalises to {norm!r}, already a word for {out[norm]!r}",
                path="eduplans/data/words.toml",
                field=field_name,
            )
        out[norm] = value
    return out


@once
def _lexicon() -> _Lexicon:
    w = words()
    stage_of = _normalised_table(
        [*((word, s.key) for s in w.stages for word in s.words), *((x, "") for x in w.not_stage)],
        "stage",
        "stage",
    )
    generic = frozenset(normalise(x) for x in w.generic_stage)
    measure_of = _normalised_table(
        [
            *((word, (m.key,)) for m in w.measures for word in m.words),
            *((word, parts) for word, parts in w.compounds.items()),
        ],
        "measure",
        "measure",
    )
    filler = {normalise(x) for x in w.filler} - {""}
    return _Lexicon(
        stage_of=MappingProxyType(stage_of),
        generic=generic,
        stage_re=re.compile(alternation([*stage_of, *generic])),
        measure_of=MappingProxyType(measure_of),
        measure_re=re.compile(alternation(measure_of)),
        no_context=frozenset(m.key for m in w.measures if not m.context),
        implies=MappingProxyType({m.key: m.implies_stage for m in w.measures if m.implies_stage}),
        feature_re=re.compile(
            alternation(
                {*stage_of, *generic, *measure_of, *filler, *map(normalise, w.count_of)}
                | {normalise(x) for x in w.building}
            )
        ),
        count_re=re.compile(rf"(?:{alternation(w.count_of)}){{0,2}}{alternation(w.count)}"),
        bare_re=re.compile(rf"(?:{alternation(w.count_of)}){{0,2}}"),
        not_institution=frozenset(normalise(x) for x in w.not_institution),
        qualifiers=frozenset(m.key for m in w.measures if m.qualifier),
        rates=frozenset(
            {"share"}
            | {m.key for m in w.measures if any(x.endswith(w.align.rate_end) for x in m.words)}
        ),
        institution_end=re.compile(
            rf"(?:{alternation([e for n in w.noun_units if n.unit == 'school' for e in n.ends])})$"
        ),
        pupils_end=re.compile(rf"(?:{alternation([normalise(x) for x in w.pupils])})$"),
        building_re=re.compile(alternation(w.building)),
        count_tail=re.compile(rf"(?:{alternation(w.count_of)})?(?:{alternation(w.count)})$"),
        # the stage's own label (高中阶段教育) as normalisation writes it: 高中段
        senior_stage_word=normalise(next(s.zh for s in w.stages if s.key == "senior_secondary")),
    )


@dataclass(frozen=True, slots=True)
class _Features:
    stage: frozenset[str]
    measures: frozenset[str]

    @property
    def stage_text(self) -> str:
        return "+".join(sorted(self.stage)) or "-"

    def describe(self) -> str:
        return f"stage={self.stage_text} measures={{{', '.join(sorted(self.measures))}}}"


@dataclass(slots=True)
class _Draft:
    """Features being read from one normalised name, for the rules to refine."""

    norm: str
    stages: set[str]
    measures: set[str]


@dataclass(frozen=True, slots=True)
class _Rule:
    """A named domain rule that refines the features read from the words.

    ``example`` is a name as plans write it and ``stage``/``measures`` the features it must have
    (written by hand; tests/test_align_rules.py checks them and that the rule is needed for them).
    """

    name: str
    doc: str
    example: str
    stage: str
    measures: str
    apply: Callable[[_Draft], None]


_ALL = frozenset({"all"})  # the stage of a name that says it counts every stage (各级各类)
_HEAD_COUNTS = frozenset({"enrolment_count", "school_count"})  # counts of pupils or schools
_RATES = frozenset({"gross_enrolment", "net_enrolment", "enrolment_rate", "retention", "share"})
_NAMED_RATES = frozenset({"gross_enrolment", "net_enrolment", "enrolment_rate", "retention"})


def _institutions(w: Words) -> str:
    """占全区幼儿园: a share of kindergartens ([align] share_of, kindergarten)."""
    return rf"(?:{alternation(w.align.share_of)}).{{0,3}}(?:{alternation(w.align.kindergarten)})"


_INSTITUTIONS = pattern(_institutions)
# A share of children: 在园/就读/覆盖 (coverage), 幼儿占比, or a 率 (普惠率, 公办率)
_CHILDREN_SHARE = pattern(
    lambda w: (
        rf"{alternation(w.align.children_share)}"
        rf"|(?:{alternation(w.align.children)})(?:{alternation(w.align.share_end)})"
    )
)
# A share of kindergartens: 占…幼儿园, 幼儿园总数, 所数, (幼儿)园比例
_KINDERGARTEN_SHARE = pattern(
    lambda w: rf"{_institutions(w)}|{alternation(w.align.kindergarten_share)}"
)
# 公办园和普惠性民办幼儿园
_PUBLIC_AND_INCLUSIVE = pattern(
    lambda w: (
        rf"(?:{alternation(w.align.public)}).{{0,4}}(?:{alternation(w.align.joints)})"
        rf".{{0,4}}(?:{alternation(w.align.inclusive)})"
    )
)


def _r_part_of_a_total(d: _Draft) -> None:
    if _INSTITUTIONS.search(d.norm):
        d.measures.add("institutions")  # 占全区幼儿园: of kindergartens, not of children
    if "share" in d.measures:
        return
    for word in words().align.share_of:
        at = d.norm.find(word, 1)
        if at > 0 and at + len(word) < len(d.norm):
            d.measures.add("share")
            return


def _r_public_and_inclusive(d: _Draft) -> None:
    if {"public", "inclusive"} <= d.measures and _PUBLIC_AND_INCLUSIVE.search(d.norm):
        d.measures -= {"public", "private"}


def _r_rate_of_provision_is_a_share(d: _Draft) -> None:
    rates = {"gross_enrolment", "enrolment_rate"}
    if d.measures & rates and d.measures & {"public", "inclusive"} and "share" not in d.measures:
        d.measures -= rates
        d.measures |= {"share", "children"}


def _r_public_share_of_what(d: _Draft) -> None:
    if d.measures & _RATES and d.measures & {"public", "inclusive"}:
        if d.measures & {"enrolment_count", "children"} or _CHILDREN_SHARE.search(d.norm):
            d.measures.add("children")
        elif _KINDERGARTEN_SHARE.search(d.norm) and "teacher" not in d.measures:
            d.measures.add("institutions")


def _r_inclusive_is_preschool(d: _Draft) -> None:
    if d.measures & _RATES and d.measures & {"public", "inclusive"} and not d.stages:
        d.stages.add("preschool")


def _r_share_not_count(d: _Draft) -> None:
    if d.measures & _RATES:
        d.measures.discard("enrolment_count")


def _r_building_an_institution(d: _Draft) -> None:
    lex = _lexicon()
    if d.measures <= lex.qualifiers and lex.building_re.search(d.norm):
        head = lex.building_re.sub("", d.norm)
        if d.stages and lex.institution_end.search(head):
            d.measures.add("built")


def _r_places_subcount(d: _Draft) -> None:
    if not d.measures & _RATES and d.measures & {"places", "built", "expanded"}:
        d.measures -= {"public", "inclusive", "township"}


def _r_bare_enrolment_gross(d: _Draft) -> None:
    if "enrolment_rate" in d.measures and d.stages & {"preschool", "senior_secondary", "higher"}:
        d.measures.discard("enrolment_rate")
        d.measures.add("gross_enrolment")


def _r_primary_enrolment_net(d: _Draft) -> None:
    if "enrolment_rate" in d.measures and d.stages == {"primary"}:
        d.measures.discard("enrolment_rate")
        d.measures.add("net_enrolment")


def _r_students_head_count(d: _Draft) -> None:
    a = words().align
    if not d.measures and (
        d.norm.endswith(a.head_count_end)
        or (d.stages and _lexicon().stage_re.sub("", d.norm) in a.stage_student)
    ):
        d.measures.add("enrolment_count")


def _r_unnamed_rate(d: _Draft) -> None:
    if d.norm.endswith(words().align.rate_end) and not d.measures & _lexicon().rates:
        d.measures.add("rate")


def _r_count_of_schools(d: _Draft) -> None:
    lex = _lexicon()
    rest = lex.stage_re.sub("", d.norm)
    if not d.measures and d.stages and lex.count_re.fullmatch(rest):
        d.measures.add("school_count")


def _r_bare_institution_is_a_count(d: _Draft) -> None:
    lex = _lexicon()
    rest = lex.stage_re.sub("", d.norm)
    if not d.measures and d.stages and lex.bare_re.fullmatch(rest) and not _names_people(d.norm):
        if not rest and set(lex.stage_re.findall(d.norm)) <= lex.not_institution:
            return  # 义务教育阶段, 学前教育: a stage, no institution to count
        d.measures.add("school_count")


def _r_qualified_institution_is_a_count(d: _Draft) -> None:
    lex = _lexicon()
    if not d.measures or not d.measures <= lex.qualifiers:
        return
    head = lex.count_tail.sub("", d.norm)  # 公办幼儿园数, 公办园所数: the head is before the count
    if lex.pupils_end.search(head):
        d.measures.add("enrolment_count")
    elif lex.institution_end.search(head):
        d.measures.add("school_count")


def _names_people(norm: str) -> bool:
    """Whether a name ends in a noun of people ([[noun_unit]] person: 幼儿, 学生)."""
    return any(
        norm.endswith(end) for n in words().noun_units if n.unit == "person" for end in n.ends
    )


_STAGE_RATES = _NAMED_RATES | {"progression", "growth", "rate", "attainment_senior"}


def _r_senior_school_is_general(d: _Draft) -> None:
    lex = _lexicon()
    stage_word = lex.senior_stage_word
    if d.stages != {"senior_secondary"} or stage_word in d.norm or not d.measures:
        return
    if d.measures & _STAGE_RATES or d.measures <= lex.qualifiers | {"share"}:
        return  # 高中毛入学率, 高中普及率: the rate of the stage
    d.stages.clear()
    d.stages.add("general_senior_secondary")


def _r_special_not_compulsory(d: _Draft) -> None:
    if "special" in d.stages:
        d.stages.discard("compulsory")


_SCHOOL_STAGES = frozenset(
    {"primary", "junior_secondary", "compulsory", "senior_secondary", "general_senior_secondary",
     "school_age"}
)  # fmt: skip


def _r_all_stages(d: _Draft) -> None:
    if "all" in d.stages or ("preschool" in d.stages and d.stages & _SCHOOL_STAGES):
        d.stages.clear()
        d.stages.add("all")


def _r_primary_and_junior(d: _Draft) -> None:
    if {"primary", "junior_secondary"} <= d.stages:
        d.stages -= {"primary", "junior_secondary"}
        d.stages.add("compulsory")


def _r_new_places(d: _Draft) -> None:
    if "places" in d.measures and "built" in d.measures:
        d.measures.discard("built")
        d.measures.add("new")


def _r_built_or_expanded(d: _Draft) -> None:
    if "built" in d.measures:
        d.measures.discard("expanded")


def _r_named_rate_not_coverage(d: _Draft) -> None:
    coverage = words().align.coverage
    if d.measures & _NAMED_RATES and "share" in d.measures and any(c in d.norm for c in coverage):
        d.measures.discard("share")


#: The domain rules, applied in this order after the words are read.
_RULES: tuple[_Rule, ...] = (
    _Rule(
        "part_of_a_total_is_a_share",
        "A name that sets a part against a total with 占 (随班就读的残疾学生占残疾学生总数) is a "
        "share, though it writes no 比例 or 率; 占…幼儿园 makes it a share of kindergartens "
        "(institutions), not of children (rule share_of_kindergartens until session 7).",
        "普惠性幼儿园占全区幼儿园", "preschool", "inclusive, institutions, share",
        _r_part_of_a_total,
    ),
    _Rule(
        "public_and_inclusive_is_inclusive",
        "公办 and 普惠(性民办) provision written together (公办园和普惠性民办幼儿园) is 普惠 "
        "provision, as the national indicator counts it: public kindergartens are inclusive.",
        "在公办园和普惠性民办幼儿园就读率", "preschool", "children, inclusive, share",
        _r_public_and_inclusive,
    ),
    _Rule(
        "rate_of_provision_is_a_share",
        "An enrolment rate of 公办 or 普惠 kindergartens (公办幼儿园入园率) is the share of "
        "children they hold: no gross enrolment rate is kept by type of kindergarten.",
        "公办幼儿园入园率", "preschool", "children, public, share",
        _r_rate_of_provision_is_a_share,
    ),
    _Rule(
        "public_share_of_children_or_kindergartens",
        "A share of 公办/普惠 provision counts children when the name says 在园/就读/覆盖 or "
        "幼儿占比, else kindergartens when it says 园比例/所数.",
        "公办园在园幼儿占比", "preschool", "children, public, share",
        _r_public_share_of_what,
    ),
    _Rule(
        "public_provision_share_is_preschool",
        "A share of 公办 provision with no stage word is preschool (公办率), as the national goal "
        "(公办园在园幼儿占比) uses it; 普惠 declares its stage in the words data.",
        "公办率", "preschool", "children, public, share",
        _r_inclusive_is_preschool,
    ),
    _Rule(
        "share_is_not_a_head_count",
        "A share (在园幼儿占比) is not a head count, though it names the children.",
        "在园幼儿占比", "preschool", "share",
        _r_share_not_count,
    ),
    _Rule(
        "building_an_institution_is_built",
        "An institution named with no measure but a building word (建设, 建好 in the words "
        "data) is built, like 新建: 建设公办幼儿园 and 公办幼儿园建设 count kindergartens built.",
        "建設公辦幼兒園", "preschool", "built",
        _r_building_an_institution,
    ),
    _Rule(
        "public_places_are_a_subcount",
        "公办/普惠 qualifiers on counts of places or buildings are sub-counts (新增公办学位, "
        "改扩建公办幼儿园), as is where they are built (新建、改扩建乡镇、街道办事处公办幼儿园).",
        "新增公办学位", "-", "new, places",
        _r_places_subcount,
    ),
    _Rule(
        "bare_enrolment_rate_is_gross",
        "A bare 入学率 at 学前/高中/高等 is the gross rate, as the stage's statistics use it.",
        "高中阶段入学率", "senior_secondary", "gross_enrolment",
        _r_bare_enrolment_gross,
    ),
    _Rule(
        "primary_enrolment_rate_is_net",
        "小学入学率 is the net rate of school-age children.",
        "小学入学率", "primary", "net_enrolment",
        _r_primary_enrolment_net,
    ),
    _Rule(
        "students_are_a_head_count",
        "A name ending in 学生 with no measure word, or a stage and 生 (初中生), is a head count "
        "(中职学生); 初中毕业生 is not.",
        "中职学生", "secondary_vocational", "enrolment_count",
        _r_students_head_count,
    ),
    _Rule(
        "a_rate_is_not_a_count",
        "A name ending in 率 with no measure word of a rate is a rate of its own (文盲率), never "
        "the count it is a rate of (文盲人口; 义务教育发展基本均衡县国检通过率 is no count of "
        "counties).",
        "文盲率", "-", "illiteracy, rate",
        _r_unnamed_rate,
    ),
    _Rule(
        "count_of_schools",
        "A stage word followed only by 数/所数/个数 is a count of schools (幼儿园数).",
        "幼儿园数", "preschool", "school_count",
        _r_count_of_schools,
    ),
    _Rule(
        "bare_institution_is_a_count",
        "A name that is only an institution (幼儿园, 全市共有幼儿园, 特殊教育学校), as a report "
        "counts them (幼儿园14952所), is a count of schools; a section heading's measure "
        "(在校学生数) comes first; a name ending in a noun of people (幼儿教育 → 幼儿) is none.",
        "全市共有幼兒園", "preschool", "school_count",
        _r_bare_institution_is_a_count,
    ),
    _Rule(
        "qualified_institution_is_a_count",
        "A name made only of qualifiers (公办, 寄宿制, 农村, 省级: qualifier = true in the words "
        "data) and an institution counts the institutions, as the bare institution does "
        "(公办幼儿园 N所, 中小学寄宿制学校, 省一级达标校 = 省一级达标校数量); one ending in pupils "
        "counts the pupils (寄宿制学生): the head noun says what is counted.",
        "中小學寄宿制學校", "school_age", "boarding, school_count",
        _r_qualified_institution_is_a_count,
    ),
    _Rule(
        "senior_school_is_general",
        "A bare 高中 (not 高中阶段, 高中段 or 高中教育) that counts schools, pupils, teachers or "
        "places is the general high school (普通高中), as statistics write it (高中17242人 after "
        "在校中小学生, 职校 counted apart); a rate (高中毛入学率, 高中普及率) is the stage's.",
        "高中教师学历合格率", "general_senior_secondary", "qualified, teacher",
        _r_senior_school_is_general,
    ),
    _Rule(
        "special_is_not_compulsory",
        "Special-needs enrolment is compulsory unless it says not: 义务 adds nothing to 特殊.",
        "残疾儿童少年义务教育入学率", "special", "enrolment_rate",
        _r_special_not_compulsory,
    ),
    _Rule(
        "primary_and_junior_are_compulsory",
        "小学和初中 together are compulsory education.",
        "小学和初中巩固率", "compulsory", "retention",
        _r_primary_and_junior,
    ),
    _Rule(
        "preschool_and_school_are_all_stages",
        "Preschool together with school stages (学前、义务和高中; 中小学幼儿园) is every stage, as "
        "is a word that says so (各级各类, 基础教育): the catalog's stage ``all``.",
        "新增学前、义务和高中教育标准学位", "all", "new, places",
        _r_all_stages,
    ),
    _Rule(
        "built_places_are_new_places",
        "新建学位 are new places.",
        "新建学位", "-", "new, places",
        _r_new_places,
    ),
    _Rule(
        "built_and_expanded_count_as_built",
        "新建 with 改扩建 (新建、改扩建幼儿园) counts both as built; 改扩建 alone is "
        "expansion only.",
        "新建和改擴建城鄉公辦幼兒園", "preschool", "built",
        _r_built_or_expanded,
    ),
    _Rule(
        "named_rate_is_not_a_coverage",
        "A named rate written with 覆盖率 (毛入园覆盖率) is that rate, not a coverage share.",
        "學前三年教育毛入園覆蓋率", "preschool", "gross_enrolment",
        _r_named_rate_not_coverage,
    ),
)  # fmt: skip


_CONTEXT_RULES = tuple(
    r
    for r in _RULES
    if r.name not in ("bare_institution_is_a_count", "qualified_institution_is_a_count")
)


def _read(norm: str, rules: Sequence[_Rule] = _RULES) -> _Features:
    lex = _lexicon()
    found = lex.stage_re.findall(norm)
    stages = {lex.stage_of[w] for w in found if w in lex.stage_of} - {""}
    measures = {m for word in lex.measure_re.findall(norm) for m in lex.measure_of[word]}
    if not stages:
        # a measure that belongs to one stage (交流轮岗, 随迁子女) names it, before generic words
        stages = {lex.implies[m] for m in measures if m in lex.implies}
    if not stages and measures - _HEAD_COUNTS and any(w in lex.generic for w in found):
        # 学生体质健康优良率 is of schools; a bare 学生, 在校学生, 学校数 names no stage (rule
        # generic_head_count_names_no_stage): the catalog has these counts only at a stage
        stages = {"school_age"}
    draft = _Draft(norm, stages, measures)
    for rule in rules:
        rule.apply(draft)
    return _Features(frozenset(draft.stages), frozenset(draft.measures))


@cache
def _features(norm: str) -> _Features:
    return _read(norm)


@cache
def _residual(norm: str) -> str:
    """Return what is left of a normalised name once its stage and measure words are out."""
    return _lexicon().feature_re.sub("", norm)


def _scores(
    queries: list[str], choices: list[str], *, residuals: bool = True, **kwargs: Any
) -> Any:
    """Pairwise scores: the better of the whole forms and of their residuals (rapidfuzz ratio).

    When two names agree on every stage and measure word and nothing else is left (公办幼儿园覆盖率,
    公办园在园幼儿比例), their residuals are both empty and score 100. Names without any measure
    word are scored on their whole forms only (``residuals=False``): a shared stage is not enough.
    """
    import numpy as np
    from rapidfuzz import fuzz, process

    whole = process.cdist(queries, choices, scorer=fuzz.ratio, workers=1, **kwargs)
    if not residuals:
        return whole
    rest = process.cdist(
        [_residual(q) for q in queries],
        [_residual(c) for c in choices],
        scorer=fuzz.ratio,
        workers=1,
        **kwargs,
    )
    return np.maximum(whole, rest)


# --- the compiled catalog ------------------------------------------------------------------------
@dataclass(frozen=True)
class _Index:
    exact: dict[str, str]  # normalised name or alias -> key
    forms: dict[str, list[tuple[str, str]]]  # key -> [(written form, normalised form)]
    by_features: dict[_Features, list[tuple[str, str]]]  # features -> [(normalised form, key)]
    standard: dict[str, _Features]  # key -> features of its standard name
    qualifiers: dict[str, tuple[str, ...]]  # key -> its declared qualifiers, normalised
    # measure sets the catalog has at two stages or more and never without one: a name with one
    # of them and no stage (新增学位) is ambiguous; 专任教师数 is not (the catalog has it for all
    # stages), nor 平均受教育年限 (only the working-age population's is in the catalog)
    staged: Mapping[frozenset[str], tuple[str, ...]]
    entries: Mapping[str, CatalogEntry] = field(repr=False)

    def ambiguous(self, feats: _Features) -> tuple[str, ...]:
        """Return the stages at which the catalog has ``feats``' measures, if it names none."""
        if feats.stage or not feats.measures:
            return ()
        return self.staged.get(feats.measures, ())


@once
def _index() -> _Index:
    entries = catalog()
    exact: dict[str, str] = {}
    forms: dict[str, list[tuple[str, str]]] = {}
    by_features: dict[_Features, list[tuple[str, str]]] = {}
    standard: dict[str, _Features] = {}
    qualifiers: dict[str, tuple[str, ...]] = {}
    staged: dict[frozenset[str], set[str]] = {}
    first_of: dict[_Features, str] = {}
    for key, entry in entries.items():
        for written in (entry.name_zh, *entry.aliases):
            norm = normalise(written)
            other = exact.get(norm)
            if other is not None and other != key:
                raise DataError(
                    f"{written!r} normalises to {norm!r}, already a name of {other!r}",
                    path="catalog",
                    field=f"{key}.aliases",
                )
            exact[norm] = key
            forms.setdefault(key, []).append((written, norm))
        qualifiers[key] = tuple(normalise(q) or q for q in entry.qualifiers)
        # the standard name defines the features fuzzy matching uses; two entries that read
        # the same could not be told apart, unless both declare qualifiers and these differ
        feats = _features(normalise(entry.name_zh))
        if feats.stage and feats.stage_text != entry.stage and entry.stage != "all":
            raise DataError(
                f"{key!r} declares stage {entry.stage!r}, but its name {entry.name_zh!r} reads"
                f" as {feats.stage_text}: give it a name of its stage",
                path="catalog",
                field=f"{key}.stage",
            )
        standard[key] = feats
        other = first_of.setdefault(feats, key)
        if other != key and not _separated(entries[other], entry):
            raise DataError(
                f"{key!r} cannot be told apart from {other!r}: both read as {feats.describe()};"
                " add a stage or measure word to the words data, or give both entries"
                " different `qualifiers`",
                path="catalog",
                field=f"{key}.name_zh",
            )
        group = by_features.setdefault(feats, [])
        group.extend((norm, key) for _, norm in forms[key])
        if feats.stage and feats.stage != _ALL:
            staged.setdefault(feats.measures, set()).update(feats.stage)
        if not feats.stage and entry.stage not in ("all", "school_age"):
            # the declared stage completes a name that names none (an added 新增托位数, preschool):
            # names that carry the stage word (新增学前托位) find it too
            declared = _Features(frozenset({entry.stage}), feats.measures)
            by_features.setdefault(declared, []).extend((n, key) for _, n in forms[key])
        if entry.stage == "all" and feats.stage != _ALL:
            # a name that says "all stages" (各级各类, 基础教育, 中小学幼儿园) finds it too
            group = by_features.setdefault(_Features(_ALL, feats.measures), [])
            group.extend((norm, key) for _, norm in forms[key])
        # an alias that reads as the same stage with other measure words (新增公办幼儿园学位) is a
        # candidate for names that read like it; one of another stage is only matched exactly
        for _, norm in forms[key][1:]:
            read = _features(norm)
            if read != feats and read.stage == feats.stage:
                by_features.setdefault(read, []).append((norm, key))
    return _Index(
        exact,
        forms,
        by_features,
        standard,
        qualifiers,
        MappingProxyType(
            {
                m: tuple(sorted(s))
                for m, s in staged.items()
                if len(s) > 1 and _Features(frozenset(), m) not in standard.values()
            }
        ),
        entries,
    )


def _separated(a: CatalogEntry, b: CatalogEntry) -> bool:
    return bool(a.qualifiers and b.qualifiers and set(a.qualifiers) != set(b.qualifiers))


def _rebuild() -> None:
    _index.cache_clear()  # type: ignore[attr-defined]
    _index()  # raises DataError at once when an added entry cannot be told apart


catalog._on_change(_rebuild)


def _reread_words() -> None:
    for built in (_normaliser, _lexicon, normalise, _features, _residual):
        built.cache_clear()  # type: ignore[union-attr]
    _rebuild()


on_change(_reread_words)


# --- overrides -----------------------------------------------------------------------------------
OverrideValue = str | None | Sequence[str]


def _load_overrides(
    overrides: Mapping[str, OverrideValue] | str | Path | None,
) -> dict[str, OverrideValue]:
    if overrides is None:
        return {}
    if isinstance(overrides, str | Path):
        path = Path(overrides)
        try:
            doc = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise DataError(f"cannot read overrides: {exc}", path=str(path)) from None
        extra = set(doc) - {"pin", "forbid"}
        if extra:
            raise DataError(
                f"unknown table(s) {sorted(extra)}; use [pin] and [forbid]", path=str(path)
            )
        for table in ("pin", "forbid"):
            if not isinstance(doc.get(table, {}), dict):
                raise DataError(
                    f"[{table}] must be a table of name = "
                    + ("key" if table == "pin" else '[keys] or "*"')
                    + f", not {type(doc[table]).__name__} {doc[table]!r}",
                    path=str(path),
                    field=table,
                )
        out: dict[str, OverrideValue] = {}
        for name, key in doc.get("pin", {}).items():
            if not isinstance(key, str):
                raise DataError("a pin maps a name to one key", path=str(path), field=f"pin.{name}")
            out[name] = key
        for name, keys in doc.get("forbid", {}).items():
            if keys == "*":
                out[name] = None
            elif isinstance(keys, list) and all(isinstance(k, str) for k in keys):
                out[name] = tuple(keys)
            else:
                raise DataError(
                    'forbid takes a list of keys or "*"', path=str(path), field=f"forbid.{name}"
                )
        return _checked(out, str(path))
    return _checked(dict(overrides), "overrides")


def _checked(overrides: dict[str, OverrideValue], where: str) -> dict[str, OverrideValue]:
    keys = catalog()
    for name, value in overrides.items():
        ok = (
            value is None
            or isinstance(value, str)
            or (isinstance(value, list | tuple) and all(isinstance(k, str) for k in value))
        )
        if not isinstance(name, str) or not ok:
            raise DataError(
                f"an override maps a name to a key, None or a list of keys, not {value!r}",
                path=where,
                field=str(name),
            )
        wanted = [value] if isinstance(value, str) else list(value or ())
        for key in wanted:
            if key not in keys:
                raise DataError(f"unknown catalog key {key!r}", path=where, field=name)
    return overrides


# --- alignment -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Decision:
    key: str | None
    score: float
    method: str
    runner_up: str | None


def _decide_exact(norm: str, forbidden: frozenset[str] | None) -> _Decision | None:
    key = _index().exact.get(norm)
    if key is None or (forbidden is not None and key in forbidden):
        return None
    entry = _index().entries[key]
    method = "exact" if normalise(entry.name_zh) == norm else "alias"
    return _Decision(key, 100.0, method, None)


def _with_context(name: str, context: str | None) -> str:
    """Complete a name with its section header's stage or measure words.

    A name without a stage word takes the header's (巩固率 under 九年义务教育 → 义务巩固率),
    provided the header names one stage; a name without measure words takes the header's (小学
    under 在校学生数(万人) → 小学学生数). Only those words of the header are used, and never its
    place or level words (县, 全县, 省级: ``context = false`` in the words data): a heading such as
    "表1 温县“十四五”教育事业发展主要指标" names where the table is, not what a row measures.

    A context of several headings, outer first and separated by spaces (a table's title, then
    its column: 20-1 各级各类学校、教职工和专任教师情况 (2008年) 学校数(所)), lends the measures
    of the nearest heading that has any (rule ``nearest_heading_measure``): the row counts what
    its column counts, not everything the title lists.
    """
    if not context:
        return name
    lex = _lexicon()
    norm = normalise(name)
    own = _read(norm, _CONTEXT_RULES)  # 幼儿园 under 在校学生数 counts children, not schools
    header = normalise(context)
    theirs = _features(header)
    prefix = suffix = ""
    named = {lex.stage_of[w] for w in lex.stage_re.findall(norm) if w in lex.stage_of} - {""}
    lent = {lex.stage_of[w] for w in lex.stage_re.findall(header) if w in lex.stage_of} - {""}
    if not named and len(lent) == 1:  # 学校, 学生 alone name no stage; 小学…幼儿园 name two
        prefix = "".join(w for w in lex.stage_re.findall(header) if lex.stage_of.get(w))
    if not own.measures and theirs.measures - lex.no_context:
        nearest = next(
            (
                part
                for part in map(normalise, reversed(context.split()))
                if part and _features(part).measures - lex.no_context
            ),
            header,
        )
        suffix = "".join(
            w
            for w in lex.measure_re.findall(nearest)
            if not set(lex.measure_of[w]) <= lex.no_context
        )
    elif own.measures <= lex.qualifiers and theirs.measures - lex.no_context - lex.qualifiers:
        # a name of qualifiers only (公办幼儿园) under a context that counts something else
        # (在园幼儿, from the total its clause breaks down): that count of the qualified kind
        suffix = "".join(
            w
            for w in lex.measure_re.findall(header)
            if not set(lex.measure_of[w]) <= lex.no_context | lex.qualifiers
        )
    elif named and lex.bare_re.fullmatch(lex.stage_re.sub("", norm)):
        # a heading that counts people (…各类受教育程度人数) lends that: 小学 under it is no school
        suffix = next((w for w in words().people if w in header), "")
    return prefix + norm + suffix  # the name normalised first: 其中:研究生 under 高等教育


_CLAUSE = re.compile(r"[,，;；]")
_SENTENCE_END = re.compile(r"[。！？!?\n]")


def sentence_context(name: str, before: str, section: str | None) -> str | None:
    """Return the context a name in prose is aligned with: its sentence's stage, then its heading.

    ``before`` is the text of the name's sentence before the name. Its clauses (split at commas
    and semicolons) are read from the nearest back; the first that names a stage (the rules
    applied: 小学 with 幼儿园 is every stage) gives it, written as that stage's label in the words
    data: in 新建城区公办幼儿园三所，改扩建乡镇中心幼儿园10所，新增学位2400个 the bare 新增学位
    is preschool places (rule ``sentence_stage``). The heading ``section`` is kept beside it for
    its measure words unless it names another stage. Only a name that names no stage at all (not
    even 学校) and no population by age (15-64岁人口) takes a sentence's stage; a clause of two
    stages that make none of their own (中职 and 技工) lends nothing. Without a sentence's stage
    the context is the heading, as for table rows.
    """
    norm = normalise(name)
    if not norm:
        return section or None
    if _features(norm).stage or _lexicon().stage_re.search(norm) or _AGES.search(name):
        lent = _lent_by_clause(norm, before)
        return " ".join(p for p in (lent, section) if p) or None
    labels = {s.key: s.zh for s in words().stages}
    for clause in reversed(_CLAUSE.split(before)):
        part = normalise(clause[-_MAX_LEN:])
        stage = _features(part).stage if part else frozenset()
        if not stage:
            continue
        label = labels.get(next(iter(stage))) if len(stage) == 1 else None
        if label is None or _features(normalise(label)).stage != stage:
            return section or None  # two stages that make no stage of their own
        if not section:
            return label
        theirs = _features(normalise(section)).stage
        return f"{label} {section}" if not theirs or theirs == stage else label
    return section or None


def _lent_by_clause(norm: str, before: str) -> str:
    """Return the measure words a name of a stage takes from the total its sentence breaks down.

    A breakdown item (after 其中 or 包括, the words data's ``[settle] breaks_down``) that names
    only a stage, an institution or a kind of one counts what the total before it counts (rule
    ``clause_measure``): in 专任教师81025人,其中普通高校7759人 the bare 普通高校 is teachers, in
    共有在校生144.19万人,其中普通高校11.56万人 students (real5), in 全县专任教师8229人,其中,普通中学
    2741人、小学3057人、幼儿园2000人 the 幼儿园 are teachers (blind5), in 新增幼儿园932所,其中公办园
    515所 public kindergartens added (real5), not kindergartens. Only across a breakdown word: in
    幼儿园149所,在园幼儿3.42万人。特殊教育学校1所 the schools are schools.
    """
    lex = _lexicon()
    if not _read(norm, _CONTEXT_RULES).measures <= lex.qualifiers:
        return ""  # 公办幼儿园 after 在园幼儿42.9万人,其中: the public kindergartens' children
    marks = words().settle.breaks_down
    broken_down = False
    for clause in reversed(_CLAUSE.split(before)):
        part = normalise(clause[-_MAX_LEN:])
        measures = _read(part, _CONTEXT_RULES).measures - lex.no_context - lex.qualifiers
        if measures:  # the nearest clause that counts something
            if not broken_down:
                return ""
            return "".join(
                w for w in lex.measure_re.findall(part) if set(lex.measure_of[w]) & measures
            )
        broken_down = broken_down or any(m in clause for m in marks)
    return ""


def sentence_before(text: str, start: int) -> str:
    """Return the text of the sentence that ``start`` is in, before ``start``.

    When nothing stands before ``start`` in its sentence, the previous sentence is returned
    (a bare 新增学位 opening the sentence after one about 幼儿园).
    """
    head = text[max(0, start - 4 * _MAX_LEN) : start]
    parts = _SENTENCE_END.split(head)
    own = parts[-1]
    if own.strip() or len(parts) < 2:
        return own
    return parts[-2]


def align(
    names: Iterable[str],
    *,
    context: str | Sequence[str | None] | None = None,
    overrides: Mapping[str, OverrideValue] | str | Path | None = None,
    document: str | Sequence[str | None] | None = None,
) -> pd.DataFrame:
    """Assign each indicator name a catalog key, or None, explaining how.

    Parameters
    ----------
    names
        Indicator names as plans write them (one str is one name).
    context
        A section header or subject that completes names without a stage word (a bare
        ``"巩固率"`` under ``"九年义务教育"``): one string for all names, or one per name.
    overrides
        Pins and bans: a mapping name → key (pin), name → None (never map), name → list of keys
        (never map to these), or the path of a TOML file with tables ``[pin]`` (name = key) and
        ``[forbid]`` (name = [keys] or ``"*"``).
    document
        The document (page, table, plan) each name comes from, when the names are that
        document's distinct indicators, one entry per thing counted (the items of a
        statistics paragraph, the rows of a table): one string for all names, or one per name
        (None: no document). A name a document writes twice or more (the same normalised form
        with the same context) counts two things the name does not tell apart, as 在园幼儿
        after 公办幼儿园 and again after 民办幼儿园: it is matched to no key and grouped with no
        other name (method ``repeated``), unless pinned by an override. Do not pass it for a
        list of every mention, where one indicator recurs (a baseline and its target).

    Returns
    -------
    pandas.DataFrame
        One row per name, in order, with columns ``name, key, label_en, score, method,
        runner_up``. ``method`` is ``override``, ``exact`` (the catalog's standard name),
        ``alias``, ``fuzzy``, ``forbidden``, ``repeated`` (see ``document``) or ``unmatched``;
        ``score`` is 0-100; ``runner_up`` is the next-best compatible key, if any.

    Raises
    ------
    ArgumentTypeError
        If an item of ``names`` is not a str; the message names its position.
    ArgumentError
        If ``context`` or ``document`` is a sequence of another length than ``names``.
    DataError
        If ``overrides`` names an unknown key or its file cannot be read, or a name holds a
        lone surrogate (not valid Unicode).

    Examples
    --------
    >>> import eduplans
    >>> names = ["學前三年毛入園率", "巩固率"]
    >>> eduplans.align(names, context=[None, "九年义务教育"])[["key", "method"]]
                                  key method
    0  preschool_gross_enrolment_rate  exact
    1       compulsory_retention_rate  exact
    """
    import pandas as pd

    items = [names] if isinstance(names, str) else list(names)  # one name, not its characters
    for i, item in enumerate(items):
        if not isinstance(item, str):
            raise ArgumentTypeError(f"names[{i}] is a {type(item).__name__}, not a str: {item!r}")
        _valid_unicode(item, f"names[{i}]")
    contexts = _contexts(context, len(items))
    for i, c in enumerate(contexts):
        if c is not None:
            _valid_unicode(c, f"context[{i}]")
    rules = _load_overrides(overrides)
    repeated = _repeated(items, contexts, _documents(document, len(items)))
    decisions = _align_all(items, contexts, rules, repeated)
    entries = _index().entries
    # object columns: pandas' str dtype would make an unmatched key's None NaN
    return pd.DataFrame(
        {
            "name": items,
            "key": pd.Series([d.key for d in decisions], dtype=object),
            "label_en": pd.Series(
                [entries[d.key].label_en if d.key else None for d in decisions], dtype=object
            ),
            "score": [d.score for d in decisions],
            "method": [d.method for d in decisions],
            "runner_up": [d.runner_up for d in decisions],
        }
    )


def _valid_unicode(text: str, where: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise DataError(
            f"{text[: exc.start][-20:]!r} is followed by a lone surrogate "
            f"{text[exc.start]!r} (position {exc.start}), which is not valid Unicode",
            field=where,
        ) from None


def _contexts(context: str | Sequence[str | None] | None, n: int) -> list[str | None]:
    if context is None or isinstance(context, str):
        return [context] * n
    contexts = list(context)
    if len(contexts) != n:
        raise ArgumentError(f"context has {len(contexts)} items for {n} names")
    return contexts


def _documents(document: str | Sequence[str | None] | None, n: int) -> list[str | None]:
    if document is None or isinstance(document, str):
        return [document] * n
    documents = list(document)
    if len(documents) != n:
        raise ArgumentError(f"document has {len(documents)} items for {n} names")
    for i, d in enumerate(documents):
        if d is not None and not isinstance(d, str):
            raise ArgumentTypeError(f"document[{i}] is a {type(d).__name__}, not a str: {d!r}")
    return documents


def _repeated(
    names: Sequence[str], contexts: Sequence[str | None], documents: Sequence[str | None]
) -> frozenset[int]:
    """Return the positions of the names their document writes twice or more.

    A document that lists its indicators once each and writes one name twice means two things
    by it, which only the sentences tell apart: a statistics paragraph's bare 在园幼儿 after
    公办幼儿园, after 民办幼儿园 and after 普惠性民办园 (real5), 普通高校 for schools, teachers and
    students, 专任教师 for all teachers and again for the senior high schools'. On the real
    development sets every name written twice on one page was labelled as two concepts or
    more (6 of 6). Names are compared normalised, with their context: 在校生 under 二、义务教育
    and 在校生 under 三、高中阶段教育 are no repeat.
    """
    seen: dict[tuple[str, str], list[int]] = {}
    for i, (name, ctx, doc) in enumerate(zip(names, contexts, documents, strict=True)):
        if doc is None:
            continue
        norm = normalise(_with_context(name, ctx)[: _MAX_LEN * 2])
        if norm:
            seen.setdefault((doc, norm), []).append(i)
    return frozenset(i for group in seen.values() if len(group) > 1 for i in group)


def _align_all(
    names: list[str],
    contexts: list[str | None],
    rules: Mapping[str, OverrideValue],
    repeated: frozenset[int] = frozenset(),
) -> list[_Decision]:

    out: list[_Decision | None] = [None] * len(names)
    pending: dict[_Features, dict[str, list[tuple[int, frozenset[str] | None]]]] = {}
    index = _index()
    for i, (name, ctx) in enumerate(zip(names, contexts, strict=True)):
        rule = rules.get(name, ...)
        if isinstance(rule, str):
            out[i] = _Decision(rule, 100.0, "override", None)
            continue
        if rule is None:
            out[i] = _Decision(None, 0.0, "forbidden", None)
            continue
        if i in repeated:
            out[i] = _Decision(None, 0.0, "repeated", None)
            continue
        forbidden = frozenset(rule) if rule is not ... else None
        full = _with_context(name, ctx)
        if len(full) > _MAX_LEN:
            out[i] = _Decision(None, 0.0, "unmatched", None)
            continue
        norm = normalise(full)
        decision = _decide_exact(norm, forbidden)
        if decision is not None:
            out[i] = decision
            continue
        feats = _features(norm)
        if not norm or feats not in index.by_features or index.ambiguous(feats):
            # 新增学位 with no stage, nor one in its context: places of which stage is not known
            out[i] = _Decision(None, 0.0, "unmatched", None)
            continue
        pending.setdefault(feats, {}).setdefault(norm, []).append((i, forbidden))
    for feats, by_norm in pending.items():
        group = index.by_features[feats]
        choices = [form for form, _ in group]
        queries = list(by_norm)
        scores = _scores(queries, choices, residuals=bool(feats.measures))
        for row, query in zip(scores, queries, strict=True):
            for i, forbidden in by_norm[query]:
                out[i] = _best(row.tolist(), group, forbidden, query)
    return [d if d is not None else _Decision(None, 0.0, "unmatched", None) for d in out]


def _best(
    row: list[float], group: list[tuple[str, str]], forbidden: frozenset[str] | None, norm: str
) -> _Decision:
    best: dict[str, float] = {}
    qualifiers = _index().qualifiers
    for score, (_, key) in zip(row, group, strict=True):
        if forbidden is not None and key in forbidden:
            continue
        if not all(q in norm for q in qualifiers[key]):
            continue  # 篮球特色学校数 is no candidate for 校园足球特色学校数 (qualifier 足球)
        if score > best.get(key, -1.0):
            best[key] = score
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked:
        return _Decision(None, 0.0, "unmatched", None)
    key, score = ranked[0]
    runner_up = ranked[1][0] if len(ranked) > 1 else None
    if score >= FUZZY_THRESHOLD:
        return _Decision(key, round(score, 1), "fuzzy", runner_up)
    return _Decision(None, round(score, 1), "unmatched", key)


# --- explanation ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Explanation:
    """Why :func:`align` maps a name where it does.

    Attributes
    ----------
    name
        The name as given.
    normalised
        Its normalised form.
    features
        The stage and measure words found.
    key, method, score
        The decision, as :func:`align` returns it.
    candidates
        ``(key, best form, compatible, score or reason)`` for the closest catalog entries.
    """

    name: str
    normalised: str
    features: str
    key: str | None
    method: str
    score: float
    candidates: tuple[tuple[str, str, bool, str], ...]

    def __str__(self) -> str:
        lines = [
            f"name:       {self.name}",
            f"normalised: {self.normalised}",
            f"features:   {self.features}",
            f"decision:   {self.key or '(none)'} by {self.method} (score {self.score:g})",
            "candidates:",
        ]
        for key, form, compatible, why in self.candidates:
            mark = "ok " if compatible else "no "
            lines.append(f"  {mark}{key:45s} {form:20s} {why}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        import html

        rows = "".join(
            f"<tr><td>{'✓' if c else '✗'}</td><td>{html.escape(k)}</td><td>{html.escape(f)}</td>"
            f"<td>{html.escape(w)}</td></tr>"
            for k, f, c, w in self.candidates
        )
        return (
            f"<p><b>{html.escape(self.name)}</b> → <code>{html.escape(str(self.key))}</code> "
            f"({html.escape(self.method)}, {self.score:g})<br>normalised "
            f"<code>{html.escape(self.normalised)}</code>; {html.escape(self.features)}</p>"
            f"<table><tr><th></th><th>key</th><th>form</th><th>why</th></tr>{rows}</table>"
        )


def explain(
    name: str,
    *,
    context: str | None = None,
    overrides: Mapping[str, OverrideValue] | str | Path | None = None,
    top: int = 5,
    repeated: bool = False,
) -> Explanation:
    """Explain how :func:`align` treats one name: its features and the closest catalog entries.

    Parameters
    ----------
    name
        An indicator name.
    context
        As for :func:`align`.
    overrides
        As for :func:`align`.
    top
        How many catalog entries to list, closest first by string score.
    repeated
        The name's document writes it twice or more (``document`` of :func:`align`): it is
        matched to no key unless pinned, and its candidates are listed as ruled out.

    Returns
    -------
    Explanation
        Printable; shows as a table in Jupyter.

    Examples
    --------
    >>> import eduplans
    >>> print(eduplans.explain("学前教育毛入园率").key)
    preschool_gross_enrolment_rate
    """
    from rapidfuzz import fuzz

    if not isinstance(name, str):
        raise ArgumentTypeError(f"name must be a str, not {type(name).__name__}")
    row = align(
        [name, name] if repeated else [name],
        context=context,
        overrides=overrides,
        document="" if repeated else None,
    ).iloc[0]
    decided = row["key"] if isinstance(row["key"], str) else None
    method = str(row["method"])
    rule = _load_overrides(overrides).get(name, ...)
    forbidden: frozenset[str] = frozenset()
    if rule is None:
        forbidden = frozenset(catalog())
    elif rule is not ... and not isinstance(rule, str):
        forbidden = frozenset(rule)
    full = _with_context(name, context)
    norm = normalise(full[: _MAX_LEN * 2])
    feats = _features(norm)
    index = _index()
    candidates = {key for _, key in index.by_features.get(feats, [])}
    scored = []
    for key, forms in index.forms.items():
        other = index.standard[key]
        compatible = key in candidates
        best_form, best = "", -1.0
        for written, n in forms:
            score = fuzz.ratio(norm, n)
            if compatible and feats.measures:  # residuals: where all rule words agree (align)
                score = max(score, fuzz.ratio(_residual(norm), _residual(n)))
            if score > best:
                best_form, best = written, score
        missing = [q for q in index.qualifiers[key] if q not in norm]
        # the decision comes first and is never listed as ruled out beside itself
        if key == decided and method in ("override", "exact", "alias"):
            why = {"override": "pinned by override", "exact": "exact: the standard name"}.get(
                method, "exact: an alias"
            )
            if method != "override":
                best_form = next((w for w, n in forms if n == norm), best_form)
            ok, rank = True, 0
        elif key in forbidden:
            why, ok, rank = "forbidden by override", False, 2
        elif method == "repeated" and compatible:
            why, ok, rank = f"score {best:.1f}, but the name is repeated in its document", False, 1
        elif compatible and missing:
            why, ok, rank = f"qualifier missing: {', '.join(missing)}", False, 2
        elif compatible:
            why, ok, rank = f"score {best:.1f}", True, 0 if key == decided else 1
        elif other.stage != feats.stage:
            why, ok, rank = f"stage {other.stage_text} ≠ {feats.stage_text}", False, 2
        else:
            differ = sorted(other.measures ^ feats.measures)
            why, ok, rank = f"measure words differ: {', '.join(differ)}", False, 2
        scored.append((rank, -best, key, best_form, ok, why))
    scored.sort()
    return Explanation(
        name=name,
        normalised=norm,
        features=feats.describe()
        + _ambiguity_note(index.ambiguous(feats))
        + (_REPEATED_NOTE if method == "repeated" else ""),
        key=decided,
        method=method,
        score=float(row["score"]),
        candidates=tuple((k, f, c, w) for _, _, k, f, c, w in scored[:top]),
    )


_REPEATED_NOTE = (
    " (written twice or more in its document: two things the name does not tell apart, so it is"
    " matched to none and grouped with none; pass context= with each one's sentence or heading)"
)


def _ambiguity_note(stages: tuple[str, ...]) -> str:
    if not stages:
        return ""
    return (
        f" (no stage: the catalog has these measures only at a stage ({', '.join(stages)}), so"
        " the name is matched to none and grouped with none; pass context= with its heading)"
    )


# --- clustering ----------------------------------------------------------------------------
def cluster(
    names: Iterable[str],
    *,
    context: str | Sequence[str | None] | None = None,
    threshold: float = CLUSTER_THRESHOLD,
    document: str | Sequence[str | None] | None = None,
) -> pd.DataFrame:
    """Group names among themselves with the alignment rules (for names not in the catalog).

    Two names fall in one group when their normalised forms are equal, or when they have the same
    stage and measure words and a rapidfuzz score of at least ``threshold``; groups are closed
    under that relation (single link).

    Parameters
    ----------
    names
        Indicator names (one str is one name).
    context
        Section headers that complete names, as for :func:`align`.
    threshold
        Lowest score (0-100) that links two compatible names.
    document
        As for :func:`align`: a name its document writes twice or more is grouped with none.

    Returns
    -------
    pandas.DataFrame
        Columns ``name, cluster, normalised, size``; ``cluster`` numbers groups from 0 in the
        order of their first name.

    Raises
    ------
    ArgumentTypeError
        If an item is not a str; the message names its position.
    ArgumentError
        If ``context`` or ``document`` is a sequence of another length than ``names``.
    """
    import pandas as pd

    items = [names] if isinstance(names, str) else list(names)  # one name, not its characters
    for i, item in enumerate(items):
        if not isinstance(item, str):
            raise ArgumentTypeError(f"names[{i}] is a {type(item).__name__}, not a str: {item!r}")
    contexts = _contexts(context, len(items))
    repeated = _repeated(items, contexts, _documents(document, len(items)))
    norms = [
        normalise(_with_context(n, c)[: _MAX_LEN * 2]) for n, c in zip(items, contexts, strict=True)
    ]
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    groups: dict[_Features, list[int]] = {}
    first: dict[str, int] = {}
    index = _index()
    for i, norm in enumerate(norms):
        if not norm or i in repeated or index.ambiguous(_features(norm)):
            continue  # two bare 新增学位 of two pages may be places of two stages
        if norm in first:
            union(first[norm], i)
            continue
        first[norm] = i
        groups.setdefault(_features(norm), []).append(i)
    for feats, members in groups.items():
        if len(members) < 2:
            continue
        texts = [norms[i] for i in members]
        scores = _scores(texts, texts, residuals=bool(feats.measures), score_cutoff=threshold)
        for a, b in zip(*scores.nonzero(), strict=True):
            if a < b:
                union(members[a], members[b])
    roots = [root(i) for i in range(len(items))]
    numbering: dict[int, int] = {}
    for r in roots:
        numbering.setdefault(r, len(numbering))
    sizes: dict[int, int] = {}
    for r in roots:
        sizes[r] = sizes.get(r, 0) + 1
    return pd.DataFrame(
        {
            "name": items,
            "cluster": [numbering[r] for r in roots],
            "normalised": norms,
            "size": [sizes[r] for r in roots],
        }
    )
