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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._catalog import CatalogEntry, catalog
from ._chinese import fold_width, to_simplified
from ._errors import DataError

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
_UNIT_BRACKET = re.compile(
    r"[(（]\s*(?:%|％|个|人|人次|万人|万人次|年|岁|所|元|万元|亿元|分钟|小时|学时|间|对|个百分点|"
    r"平方米|万平方米|兆|mbps|Mbps|M)\s*[)）]?\s*$"
)
_NUMBERING = re.compile(
    r"^\s*(?:\d{1,2}\s*[.、．]|[(（]\s*\d{1,2}\s*[)）]|[一二三四五六七八九十]{1,3}\s*、)\s*"
)
_SCOPE_NOTE = re.compile(r"[(（]\s*(?:含|包括|不含)[^()（）]{0,30}[)）]")  # (含民办): a scope note
_QUALIFIER = re.compile(
    r"[(（][^()（）]{1,6}[)）]"
)  # 中等职业(技工)学校, 专业(群): short qualifiers
_AGES = re.compile(r"\d{1,2}\s*(?:[—\-－~～至到]\s*\d{1,2}\s*)?周?岁")  # 3—5岁幼儿, 3至6周岁
_SCOPE = re.compile(r"^(?:全省|全市|全区|全县|全州|全盟|全旗|全域|城乡|其中[:：]?)")
_DROP = re.compile(r"[\s“”\"'‘’《》〈〉「」·•]|的")
# Replacements made in one left-to-right pass, longest word first (so 九年义务教育 → 义务 at once).
_REPLACE: dict[str, str] = {
    "九年义务教育": "义务",
    "九年义务": "义务",
    "义务教育": "义务",
    "学前三年": "学前",
    "三年学前": "学前",
    "学前教育": "学前",
    "学前3年": "学前",
    "高等教育": "高等",
    "高中阶段教育": "高中",
    "高中阶段": "高中",
    "高中教育": "高中",
    "高中段": "高中",
    "中等职业教育": "中职",
    "中等职业学校": "中职",
    "中职学校": "中职",
    "高等职业教育": "高职",
    "高等职业学校": "高职",
    "高职院校": "高职",
    "职业教育": "职业",
    "职业院校": "职业",
    "职业学校": "职业",
    "公办园和普惠性民办园": "普惠园",
    "公办和普惠性民办园": "普惠园",
    "公办幼儿园和普惠性民办幼儿园": "普惠幼儿园",
    "公办和普惠性民办幼儿园": "普惠幼儿园",
    "特殊教育": "特殊",
    "基础教育": "",
    "适龄": "",
    "学龄": "",
    "阶段": "",
    "教育经费": "教育经费",
    "教育投入": "教育投入",
    "教育支出": "教育支出",
    "教育": "",
    "占比": "比例",
    "比重": "比例",
    "及以上": "以上",
    "大专": "专科",
    "残障": "残疾",
    "在园幼儿数": "在园幼儿",
    "在园儿童": "在园幼儿",
}
_REPLACE_RE = re.compile("|".join(sorted(map(re.escape, _REPLACE), key=len, reverse=True)))


def _replace(m: re.Match[str]) -> str:
    return _REPLACE[m.group(0)]


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
        Simplified characters, half width, no unit bracket, numbering, scope prefix (全市, 其中:)
        or filler words (适龄, 三年, 阶段, 教育): ``"學前三年毛入園率(%)"`` → ``"学前毛入学率"``.
    """
    s = to_simplified(fold_width(name)).strip()
    s = _NUMBERING.sub("", s)
    s = _UNIT_BRACKET.sub("", s)
    s = _SCOPE_NOTE.sub("", s)
    s = _UNIT_BRACKET.sub("", s)  # a unit bracket may stand before the scope note
    s = _QUALIFIER.sub("", s)
    s = _AGES.sub("", s)
    s = _DROP.sub("", s)
    s = _SCOPE.sub("", s)
    return _REPLACE_RE.sub(_replace, s)


# --- features ----------------------------------------------------------------------------------
# Stage words. A name's stage is the set of stages its words name (中小学幼儿园: school_age and
# preschool); two names are compatible only when the sets are equal.
_STAGE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("special", ("残疾", "特殊", "特教", "特校", "智障", "随班就读")),
    ("labour_force", ("劳动年龄", "劳动力", "劳动人口")),
    ("higher_vocational", ("高职",)),
    ("secondary_vocational", ("中职",)),
    ("vocational", ("职业", "双师", "技工")),
    ("higher", ("高等", "高校", "大学", "本专科")),
    (
        "preschool",
        ("学前", "幼儿", "幼儿园", "入园", "在园", "园所", "普惠园", "公办园", "优质园", "托育"),
    ),
    ("general_senior_secondary", ("普通高中", "普高")),
    ("senior_secondary", ("高中",)),
    ("junior_secondary", ("初中", "初级中学")),
    ("primary", ("小学",)),
    ("compulsory", ("义务",)),
    ("lifelong", ("社区", "老年", "终身", "继续")),
    ("school_age", ("中小学",)),
)
_GENERIC = ("学生", "学校", "校园")  # school_age only when no other stage word is present
_STAGE_OF: dict[str, str] = {w: stage for stage, words in _STAGE_WORDS for w in words}
_STAGE_RE = re.compile(
    "|".join(sorted(map(re.escape, [*_STAGE_OF, *_GENERIC]), key=len, reverse=True))
)

# Measure words: each written form names one or more measures; every measure found must agree
# between a name and a candidate. Longer forms win where forms overlap (毛入学率 before 入学率).
_MEASURE_OF: dict[str, tuple[str, ...]] = {
    "毛入学率": ("gross_enrolment",), "净入学率": ("net_enrolment",),
    "入学率": ("enrolment_rate",),
    # 入园率 counts children in kindergarten; written bare it is the gross rate, as plans use it
    "毛入园率": ("gross_enrolment",), "净入园率": ("net_enrolment",),
    "入园率": ("gross_enrolment",),
    "巩固率": ("retention",), "安置率": ("placement",),
    "普惠": ("inclusive",), "公办": ("public",), "民办": ("private",),
    "优质均衡": ("quality_balanced",), "基本均衡": ("basic_balanced",),
    "优质": ("quality",), "示范": ("quality",), "一级": ("quality",), "等级": ("quality",),
    "幼儿园总数": ("institutions",), "所数": ("institutions",),
    "比例": ("share",), "覆盖率": ("share",), "普及率": ("share",), "建成率": ("share",),
    "接入率": ("share", "internet"), "参与率": ("share",), "覆盖面": ("share",), "比率": ("share",),
    "就读率": ("share",),
    "在校生": ("enrolment_count",), "在园幼儿": ("enrolment_count",), "在学": ("enrolment_count",),
    "在园人数": ("enrolment_count",), "在校人数": ("enrolment_count",), "就读": ("children",),
    "在园": ("children",), "三类": ("three_categories",),
    "幼儿数": ("enrolment_count",), "在校幼儿": ("enrolment_count",),
    "公办率": ("public", "share"), "普惠率": ("inclusive", "share"),
    "学校数": ("school_count",), "学校情况": ("school_count",), "校数": ("school_count",),
    "学生数": ("enrolment_count",), "小学生": ("enrolment_count",), "初中生": ("enrolment_count",),
    "学位": ("places",), "受教育年限": ("schooling_years",), "新增劳动力": ("new_entrants",),
    "研究生": ("postgraduate",), "硕士": ("postgraduate",),
    "本科": ("bachelor",), "专科": ("college",),
    "学历合格率": ("qualified",), "学历合格": ("qualified",),
    "专业教育": ("professional_training",), "专业训练": ("professional_training",),
    "双师": ("dual",), "持证": ("certified",), "资格证": ("certified",),
    "教师": ("teacher",), "师资": ("teacher",),
    "体质": ("fitness",), "优良": ("good_rate",), "优秀率": ("excellent_rate",),
    "达标率": ("pass_rate",), "合格率": ("pass_rate",), "近视": ("myopia",),
    "对口就业率": ("matched_employment",), "对口就业": ("matched_employment",),
    "就业率": ("employment",),
    "大班额": ("large", "class_size"), "班额": ("class_size",), "随迁": ("migrant",),
    "智慧校园": ("smart_campus",), "数字校园": ("digital_campus",),
    "互联网": ("internet",), "宽带": ("internet",), "接入": ("internet",),
    "多媒体": ("multimedia",), "社区": ("community",),
    "经费": ("spending",), "投入": ("spending",), "支出": ("expenditure",),
    "生均": ("per_student",), "一般公共预算": ("public_budget",), "财政性": ("fiscal",),
    "新建": ("built",), "改扩建": ("built",), "新改扩建": ("built",),
    "新增": ("new",), "增加": ("new",),
    "作业": ("homework",), "体育活动": ("activity",), "锻炼": ("activity",), "睡眠": ("sleep",),
    "交流轮岗": ("rotation",),
    "增幅": ("growth",), "增长": ("growth",), "增速": ("growth",), "增长率": ("growth",),
    "校外": ("out_of_school",), "县": ("county",),
    "国家级": ("national_level",), "全国": ("national_level",), "省级": ("provincial_level",),
    "市级": ("municipal_level",), "区级": ("district_level",), "县级": ("district_level",),
    "校级": ("school_level",),
    "资助款": ("money",), "资金": ("money",), "金额": ("money",),
    "办学条件": ("conditions",), "办学标准": ("conditions",), "标准化": ("conditions",),
}  # fmt: skip
_MEASURE_RE = re.compile("|".join(sorted(map(re.escape, _MEASURE_OF), key=len, reverse=True)))
_INSTITUTIONS = re.compile(
    r"占.{0,3}幼儿园"
)  # 占全区幼儿园: a share of kindergartens, not children
_RATES = frozenset({"gross_enrolment", "net_enrolment", "enrolment_rate", "retention", "share"})
_COUNT_OF_SCHOOLS = re.compile(r"(?:所|个|学校|园所)?个?数")  # 幼儿园数, 园所个数
# A share of children: 在园/就读/覆盖 (coverage), 幼儿占比, or a 率 (普惠率, 公办率)
_CHILDREN_SHARE = re.compile(r"在园|就读|覆盖|(?:幼儿|儿童)(?:比例|率)|[惠办]率")
# A share of kindergartens: 占…幼儿园, 幼儿园总数, 所数, (幼儿)园比例
_KINDERGARTEN_SHARE = re.compile(r"占.{0,3}幼儿园|幼儿园总数|所数|园比例")


@dataclass(frozen=True, slots=True)
class _Features:
    stage: frozenset[str]
    measures: frozenset[str]

    @property
    def stage_text(self) -> str:
        return "+".join(sorted(self.stage)) or "-"

    def describe(self) -> str:
        return f"stage={self.stage_text} measures={{{', '.join(sorted(self.measures))}}}"


@cache
def _features(norm: str) -> _Features:
    words = _STAGE_RE.findall(norm)
    stages = {_STAGE_OF[w] for w in words if w in _STAGE_OF}
    if not stages and words:
        stages = {"school_age"}
    measures = {m for word in _MEASURE_RE.findall(norm) for m in _MEASURE_OF[word]}
    if _INSTITUTIONS.search(norm):
        measures.add("institutions")
    if measures & _RATES and measures & {"public", "inclusive"}:
        # the known trap: 公办园在园幼儿占比, 普惠率 (children) vs 公办园占比 (kindergartens)
        if measures & {"enrolment_count", "children"} or _CHILDREN_SHARE.search(norm):
            measures.add("children")
        elif _KINDERGARTEN_SHARE.search(norm) and not measures & {"teacher"}:
            measures.add("institutions")
        if not stages:
            stages.add("preschool")  # 普惠率, 普惠性资源覆盖率: inclusive provision is preschool
    if measures & _RATES:
        measures.discard("enrolment_count")  # 在园幼儿占比 is a share, not a head count
    if "institutions" in measures:
        measures.discard("children")
    if not measures & _RATES and measures & {"places", "built"}:
        measures -= {"public", "inclusive"}  # 新增公办学位 are new places: a sub-count
    if "enrolment_rate" in measures and stages & {"preschool", "senior_secondary", "higher"}:
        measures.discard(
            "enrolment_rate"
        )  # 高中阶段入学率: gross, as the stage's statistics use it
        measures.add("gross_enrolment")
    if "enrolment_rate" in measures and stages == {"primary"}:
        measures.discard("enrolment_rate")  # 小学入学率: the net rate of school-age children
        measures.add("net_enrolment")
    if not measures and norm.endswith("学生"):
        measures.add("enrolment_count")  # 中职学生, 普高学生: a head count
    if not measures and stages and _COUNT_OF_SCHOOLS.fullmatch(_STAGE_RE.sub("", norm)):
        measures.add("school_count")  # 幼儿园数, 小学数: a count of schools
    if "special" in stages:
        stages.discard("compulsory")  # special-needs enrolment is compulsory unless it says not
    if {"primary", "junior_secondary"} <= stages:
        stages -= {"primary", "junior_secondary"}
        stages.add("compulsory")  # 小学和初中 together are compulsory education
    if "places" in measures and "built" in measures:
        measures.discard("built")  # 新建学位 are new places
        measures.add("new")
    return _Features(frozenset(stages), frozenset(measures))


# left out of residuals only: counting and population words
_FILLER = (
    "人数",
    "总数",
    "占",
    "达到",
    "实现",
    "数",
    "项目",
    "儿童",
    "少年",
    "人口",
    "青少年",
    "在",
)
_FEATURE_RE = re.compile(
    "|".join(
        sorted(
            map(re.escape, {*_STAGE_OF, *_GENERIC, *_MEASURE_OF, *_FILLER}), key=len, reverse=True
        )
    )
)


@cache
def _residual(norm: str) -> str:
    """Return what is left of a normalised name once its stage and measure words are out."""
    return _FEATURE_RE.sub("", norm)


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
    entries: Mapping[str, CatalogEntry] = field(repr=False)


@cache
def _index() -> _Index:
    entries = catalog()
    exact: dict[str, str] = {}
    forms: dict[str, list[tuple[str, str]]] = {}
    by_features: dict[_Features, list[tuple[str, str]]] = {}
    for key, entry in entries.items():
        for written in (entry.name_zh, *entry.aliases):
            norm = normalise(written)
            other = exact.get(norm)
            if other is not None and other != key:
                raise DataError(
                    f"{written!r} normalises to {norm!r}, already a name of {other!r}",
                    path="eduplans/data/catalog.toml",
                    field=f"{key}.aliases",
                )
            exact[norm] = key
            forms.setdefault(key, []).append((written, norm))
        # only the standard name defines the features fuzzy matching may use: aliases are
        # exact forms that may name the indicator more loosely than the rules allow
        feats = _features(normalise(entry.name_zh))
        group = by_features.setdefault(feats, [])
        group.extend((norm, key) for _, norm in forms[key])
    return _Index(exact, forms, by_features, entries)


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
    under 在校学生数(万人) → 小学学生数). Only those words of the header are used.
    """
    if not context:
        return name
    own = _features(normalise(name))
    header = normalise(context)
    theirs = _features(header)
    prefix = suffix = ""
    named = {_STAGE_OF[w] for w in _STAGE_RE.findall(normalise(name)) if w in _STAGE_OF}
    if not named and len(theirs.stage) == 1:  # 学校, 学生 alone name no stage
        prefix = "".join(w for w in _STAGE_RE.findall(header) if w in _STAGE_OF)
    if not own.measures and theirs.measures:
        suffix = "".join(_MEASURE_RE.findall(header))
    return prefix + name + suffix


def align(
    names: Iterable[str],
    *,
    context: str | Sequence[str | None] | None = None,
    overrides: Mapping[str, OverrideValue] | str | Path | None = None,
) -> pd.DataFrame:
    """Assign each indicator name a catalog key, or None, explaining how.

    Parameters
    ----------
    names
        Indicator names as plans write them.
    context
        A section header or subject that completes names without a stage word (a bare
        ``"巩固率"`` under ``"九年义务教育"``): one string for all names, or one per name.
    overrides
        Pins and bans: a mapping name → key (pin), name → None (never map), name → list of keys
        (never map to these), or the path of a TOML file with tables ``[pin]`` (name = key) and
        ``[forbid]`` (name = [keys] or ``"*"``).

    Returns
    -------
    pandas.DataFrame
        One row per name, in order, with columns ``name, key, label_en, score, method,
        runner_up``. ``method`` is ``override``, ``exact`` (the catalog's standard name),
        ``alias``, ``fuzzy``, ``forbidden`` or ``unmatched``; ``score`` is 0-100;
        ``runner_up`` is the next-best compatible key, if any.

    Raises
    ------
    TypeError
        If an item of ``names`` is not a str; the message names its position.
    DataError
        If ``overrides`` names an unknown key or its file cannot be read.

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

    items = list(names)
    for i, item in enumerate(items):
        if not isinstance(item, str):
            raise TypeError(f"names[{i}] is a {type(item).__name__}, not a str: {item!r}")
    contexts = _contexts(context, len(items))
    rules = _load_overrides(overrides)
    decisions = _align_all(items, contexts, rules)
    entries = _index().entries
    return pd.DataFrame(
        {
            "name": items,
            "key": [d.key for d in decisions],
            "label_en": [entries[d.key].label_en if d.key else None for d in decisions],
            "score": [d.score for d in decisions],
            "method": [d.method for d in decisions],
            "runner_up": [d.runner_up for d in decisions],
        }
    )


def _contexts(context: str | Sequence[str | None] | None, n: int) -> list[str | None]:
    if context is None or isinstance(context, str):
        return [context] * n
    contexts = list(context)
    if len(contexts) != n:
        raise ValueError(f"context has {len(contexts)} items for {n} names")
    return contexts


def _align_all(
    names: list[str], contexts: list[str | None], rules: Mapping[str, OverrideValue]
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
        if not norm or feats not in index.by_features:
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
                out[i] = _best(row.tolist(), group, forbidden)
    return [d if d is not None else _Decision(None, 0.0, "unmatched", None) for d in out]


def _best(
    row: list[float], group: list[tuple[str, str]], forbidden: frozenset[str] | None
) -> _Decision:
    best: dict[str, float] = {}
    for score, (_, key) in zip(row, group, strict=True):
        if forbidden is not None and key in forbidden:
            continue
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
        raise TypeError(f"name must be a str, not {type(name).__name__}")
    row = align([name], context=context, overrides=overrides).iloc[0]
    full = _with_context(name, context)
    norm = normalise(full[: _MAX_LEN * 2])
    feats = _features(norm)
    index = _index()
    scored = []
    for key, forms in index.forms.items():
        other = _features(normalise(index.entries[key].name_zh))
        compatible = other == feats
        best_form, best = "", -1.0
        for written, n in forms:
            score = fuzz.ratio(norm, n)
            if compatible:  # the residual score applies only where all rule words agree
                score = max(score, fuzz.ratio(_residual(norm), _residual(n)))
            if score > best:
                best_form, best = written, score
        if compatible:
            why = f"score {best:.1f}"
        elif other.stage != feats.stage:
            why = f"stage {other.stage_text} ≠ {feats.stage_text}"
        else:
            differ = sorted(other.measures ^ feats.measures)
            why = f"measure words differ: {', '.join(differ)}"
        scored.append((not compatible, -best, key, best_form, compatible, why))
    scored.sort()
    return Explanation(
        name=name,
        normalised=norm,
        features=feats.describe(),
        key=row["key"],
        method=str(row["method"]),
        score=float(row["score"]),
        candidates=tuple((k, f, c, w) for _, _, k, f, c, w in scored[:top]),
    )


# --- clustering ----------------------------------------------------------------------------
def cluster(
    names: Iterable[str],
    *,
    context: str | Sequence[str | None] | None = None,
    threshold: float = CLUSTER_THRESHOLD,
) -> pd.DataFrame:
    """Group names among themselves with the alignment rules (for names not in the catalog).

    Two names fall in one group when their normalised forms are equal, or when they have the same
    stage and measure words and a rapidfuzz score of at least ``threshold``; groups are closed
    under that relation (single link).

    Parameters
    ----------
    names
        Indicator names.
    context
        Section headers that complete names, as for :func:`align`.
    threshold
        Lowest score (0-100) that links two compatible names.

    Returns
    -------
    pandas.DataFrame
        Columns ``name, cluster, normalised, size``; ``cluster`` numbers groups from 0 in the
        order of their first name.

    Raises
    ------
    TypeError
        If an item is not a str; the message names its position.
    """
    import pandas as pd

    items = list(names)
    for i, item in enumerate(items):
        if not isinstance(item, str):
            raise TypeError(f"names[{i}] is a {type(item).__name__}, not a str: {item!r}")
    contexts = _contexts(context, len(items))
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
    for i, norm in enumerate(norms):
        if norm in first:
            union(first[norm], i)
            continue
        first[norm] = i
        if norm:
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
