"""Settle what the prose values are: a level or a change, planned or achieved, for which year.

The prose reader finds a value and its name; this step reads the words around it once more and
decides, the same way for every kind of page:

* **changes are not levels**: a value compared with another year or place (``比上年提高1个百分点``,
  ``比2017年增加6.02万人``, ``分别高出国家、自治区17.9个百分点``), a growth rate (``增幅超过50%``),
  a multiple (``增长1.5倍``) or a completion ratio (``完成年度目标任务的151.7%``) is
  reported as a diagnostic, not kept as a value;
* **the year** of a value without one: 今年/去年/明年/未来三年 from the page's date; a section
  headed by a year (``2020年工作回顾``, ``2021年重点工作``) or by a five-year plan
  (``“十三五”主要工作回顾``, ``“十四五”时期任务``); a paragraph about a five-year plan period
  (``“十三五”时期,…``) takes that period's last year; the time that leads a list (``过去的一年,
  …`` then ``——…`` items) holds for its items; a bulletin (``现将2020年…情况公布如下``) gives its
  figures the year it names;
* **baseline or target**: words of achievement (截至, 已, 累计, 实际完成 …) make a baseline,
  words of intent (将, 计划, 力争, 目标 …) a target (not a 目标 said to be met: 超额完成目标任务);
  on a page with a date, a year before the page's year is a baseline unless intent is said; a
  work summary (…工作总结) reports baselines;
* **the page's year**: its date, unless every year it plans for is already past (a copy's date);
  an undated news lead's event (``今天上午,2022年…发布会``); a page of January to March (or of a
  year's work conference) reviews the year before and plans its own; later in the year an
  achievement without a year is of the page's year.

A value in a news page's headline that the body states again is reported as repeated.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from .._model import Baseline, Indicator, Target
from .._vocab import PERIOD_MEASURES
from .._words import Words, alternation, chars, on_change, pattern, words
from ._decode import fold
from ._doc import Doc
from ._draft import DIndicator, DValue, names_nothing

__all__ = ["ACHIEVED", "PLANNED", "Context", "period_totals", "settle"]


def map_values(
    ind: Indicator, change: Callable[[Baseline | Target], Baseline | Target], **fields: Any
) -> Indicator:
    """Return ``ind`` with ``change`` applied to each baseline and target (and ``fields`` set)."""
    return dataclasses.replace(
        ind,
        baselines=tuple(change(b) for b in ind.baselines),  # type: ignore[misc]
        targets=tuple(change(t) for t in ind.targets),  # type: ignore[misc]
        **fields,
    )


def _fyp_end(key: str) -> int:
    """Return the last year of a five-year plan period (十三五 -> 2020; [[period]] blocks)."""
    return next(p.last for p in words().periods if p.key == key)


def _y(w: Words) -> str:
    """Return the year character of a date (年) as a pattern."""
    return re.escape(w.dates.year)


def _year_end(w: Words) -> str:
    """Return the optional end of a year (2020年底, 2015年末) as a pattern."""
    return rf"(?:{alternation(w.prose.year_end)})?"


def _of(w: Words) -> str:
    """Return the attributive particle (的 of 2020年的, 目标的) as a pattern."""
    return rf"(?:{re.escape(w.prose.of)})"


def _not_after(forms: tuple[str, ...]) -> str:
    """Return lookbehinds that fail right after any of ``forms`` (of any lengths)."""
    return "".join(rf"(?<!{re.escape(f)})" for f in forms)


def _deadline(w: Words) -> str:
    """Return the pattern of a deadline, 到/至 a year (到2025年); the year is its group 1."""
    return rf"(?:{alternation(w.settle.to_year)})\s*((?:19|20)\d{{2}})\s*{_y(w)}"


def _compared(w: Words) -> str:
    """Return the words of a comparison (比, 较, 相比), each after none of its ``not_after``."""
    not_after = w.settle.compare_not_after
    forms = sorted(set(w.prose.compare_lead), key=lambda f: (-len(f), f))
    return "|".join(
        (rf"(?<![{chars(not_after[f])}])" if f in not_after else "") + re.escape(f) for f in forms
    )


# a comparison base right before the change words: 比上年, 较2015年, 比全国 …
_COMPARED = pattern(
    lambda w: (
        rf"(?:{_compared(w)})\s*(?:{alternation(w.settle.compare_bases)}|(?:19|20)\d{{2}}\s*"
        rf"{_y(w)}{_year_end(w)})|{alternation(w.settle.compare_alone)}"
    )
)
_CHANGE_VERB = pattern(
    lambda w: rf"(?:{alternation(w.settle.change_verbs)})(?:{alternation(w.meta.perfective)})?"
)
_CHANGE_ALONE = pattern(
    lambda w: (
        rf"\s*(?:{alternation(w.settle.change_alone)})(?:{alternation(w.meta.perfective)})?\s*"
        rf"(?:{alternation(w.settle.approx)})?\s*"
    )
)
# "56人至65人的大班765个", "无66人以上的超大班": a number of pupils that says which classes are
# counted
_BAND = pattern(
    lambda w: (
        rf"\s*(?:(?:{alternation(w.settle.band_joints)})\s*\d+\s*"
        rf"(?:{alternation(x for u in w.units if u.key == 'person' for x in u.words)}))?\s*"
        rf"(?:{alternation(w.prose.above_below)})?\s*{_of(w)}?\s*"
        rf"(?:{alternation(w.settle.band_nouns)})"
    )
)
# "比3年前增加了583所", "比前10年的总和还多20所", "比“十三五”初期提高…": compared with a time
# before
_COMPARED_AGO = pattern(
    lambda w: rf"(?:{_compared(w)})\s*[^,;。]{{0,10}}?(?:{alternation(w.settle.compared_ago)})"
)
_HIGHER_THAN = pattern(
    lambda w: rf"{_not_after(w.settle.negation)}(?:{alternation(w.settle.higher_than)})"
)
_GROWTH_WORD = pattern(
    lambda w: (
        rf"(?:{alternation(w.settle.growth)})\s*"
        rf"(?:{alternation(w.settle.growth_verbs)})?\s*$"
    )
)
# "研究生学历教师占比提高2.5%": a change verb right before a percentage (not 提高到/至) says by
# how much a share moved, not where it stands
_CHANGED_BY = pattern(
    lambda w: (
        rf"(?:{alternation(w.settle.changed_by)})(?:{alternation(w.meta.perfective)})?\s*"
        rf"(?:{alternation(w.settle.approx)})?\s*$"
    )
)
_COMPLETION = pattern(
    lambda w: (
        rf"(?:{alternation(w.settle.completion_verbs)})[^,;。]{{0,10}}"
        rf"(?:{alternation(w.settle.plan_nouns)})[^,;。]{{0,4}}{_of(w)}\s*$"
    )
)
# "项目施工总进度达到90%", "7所公办托育机构建设已完成80%", "完工率达66%": how far a project is
_PROGRESS = pattern(
    lambda w: (
        rf"(?:{alternation(w.settle.progress)})\s*(?:{alternation(w.settle.growth_verbs)})?\s*$"
    )
)

# 计划 of intent leads what is planned (计划2018年底实现, 计划新增); the 计划 of a programme's
# name (千人计划、, 乡村教师定向培养计划等) is followed by a list mark or the end of the name. Not
# the 将 of "现将…公布如下" (将 = 把), nor the 争取 of funds won (向上争取, 争取上级专项资金)
PLANNED = pattern(
    lambda w: (
        rf"(?<![{chars(w.settle.disposal_before)}])(?:{alternation(w.settle.will)})|"
        rf"{_not_after(w.settle.plan_not_after + w.settle.programme_before)}"
        rf"(?:{alternation(w.settle.plan_verb)})"
        rf"(?!(?:{alternation(w.settle.plan_compounds)})|\s*[,。;:”\")"
        rf"{chars(w.prose.list_joints)}{chars(w.settle.plan_name_after)}])|"
        rf"{_not_after(w.settle.won_before)}(?:{alternation(w.settle.strive)})"
        rf"(?!(?:{alternation(w.settle.won_verb_end)})?\s*(?:{alternation(w.settle.won_objects)}))"
        rf"(?!(?:{alternation(w.settle.won_verb_end)})\s*[^\d\s])|"
        rf"{alternation(w.settle.intent)}|"
        rf"(?:{alternation(w.settle.proposing_nouns)})》?\s*(?:{alternation(w.settle.proposes)})|"
        rf"(?:{alternation(w.settle.according_to)})(?:《[^》]{{1,60}}》[^,;。]{{0,24}}?"
        rf"(?:{alternation(w.settle.required)})|[^,;。《]{{0,6}}?"
        rf"(?:{alternation(w.settle.plan_nouns)}))|"
        rf"{alternation(w.settle.listed_into)}|"
        rf"(?<![{chars(w.settle.not_to_after)}]){_deadline(w)}(?!{_of(w)})"
    )
)
# "从2015年的25.15%提升至2020年的55.53%", "由2020年的88.6%提高到93%": a change from one level
# to another; the first is a baseline, the second keeps its kind
_FROM = pattern(
    lambda w: (
        rf"(?:{alternation(w.settle.change_from)})\s*"
        rf"(?:(?P<y>(?:19|20)\d{{2}})\s*{_y(w)}{_year_end(w)}\s*{_of(w)}?)?\s*$"
    )
)
_TO = pattern(
    lambda w: (
        rf"\s*(?:{alternation(w.settle.change_to)})\s*"
        rf"(?:{alternation(w.settle.change_to_joints)})\s*"
        rf"(?:(?P<y>(?:19|20)\d{{2}})\s*{_y(w)}{_year_end(w)}\s*{_of(w)}?)?\s*$"
    )
)
# "在2020年基础上新增约30万个": the year is the base of the change, not the year of the value
_ON_BASE = pattern(
    lambda w: (
        rf"(?:{alternation(w.settle.on_base_lead)})\s*(?:19|20)\d{{2}}\s*{_y(w)}{_year_end(w)}"
        rf"{_of(w)}?\s*(?:{alternation(w.settle.on_base)})[^,;。]{{0,40}}$"
    )
)
# "56人以上大班额", "4个方面": a number that defines or counts something else, not a target
_DEFINING = pattern(lambda w: rf"\s*(?:{alternation(w.settle.defining)})")
_ASPECTS = pattern(lambda w: rf"\s*(?:{alternation(w.settle.aspects)})")
# "在乌鲁木齐市、昌吉市等5个人口相对集中的城市新增4000个", "河西区等8个区的9所", "现有22个区外
# 省市的111所学校": a count of places, then the value it says where: the places are no value
_PLACE_AFTER = pattern(
    lambda w: (
        rf"(?:[^,;。、\d]{{0,10}}{_of(w)})?(?:{alternation(w.settle.place_words)})"
        rf"(?!{alternation(w.settle.place_not_after)})"
    )
)
# "人口2000人以上的行政村建有1所", "按照城镇服务人口1万人…设置1所幼儿园": a population that says
# where a provision applies
_POPULATION = pattern(
    lambda w: (
        rf"(?:{alternation(w.settle.population)})\s*"
        rf"(?:{alternation(w.settle.population_verbs)})?\s*$"
    )
)
_PROVISION = pattern(
    lambda w: rf"[^,;。]{{0,14}}?(?:{alternation(w.settle.provision_verbs)})[^,;。]{{0,4}}?\d"
)
# "新增21所规模9-12个班级的公办幼儿园": a size inside a name
_BY_STANDARD = pattern(lambda w: alternation(w.settle.by_standard))
_SIZE = pattern(
    lambda w: rf"(?:{alternation(w.settle.size)})\s*(?:{alternation(w.settle.size_verbs)})?\s*$"
)
_OF = pattern(lambda w: rf"[\u4e00-\u9fff]{{0,2}}{_of(w)}")
# "进入ESI全球排名前1%": a rank inside a name
_RANK = pattern(
    lambda w: (
        rf"(?:{alternation(w.settle.rank_verbs)})[^,;。]{{0,12}}?"
        rf"(?:{alternation(w.settle.rank_top)})\s*$"
    )
)
# "1000所民生项目幼儿园全部投入使用后,": a condition, not a value
_CONDITION = pattern(
    lambda w: rf"[^,;。\d]{{0,24}}?(?:{alternation(w.settle.condition_end)})\s*[,;]"
)
# "全国共有幼儿园29.5万所", "全国学前教育毛入园率达到88.1%": the country's figure, not the
# region's (not 全国校园足球特色学校24所: a national title its schools hold)
_NATIONAL = pattern(
    lambda w: (
        rf"(?<![{chars(w.settle.national_not_after)}])(?:{alternation(w.settle.national)})"
        rf"(?:{alternation(w.settle.national_scope)})?"
        rf"(?:{alternation(w.settle.national_subjects)})"
        rf"(?![^,;。]*?(?:{alternation(w.settle.national_titles)}))[^,;。]{{0,20}}?"
        rf"(?:{alternation(w.settle.national_then)})"
    )
)
# words any sentence about schooling has (on a page that is not about education)
_SCHOOLING = pattern(lambda w: alternation(w.settle.schooling))

ACHIEVED = pattern(lambda w: alternation(w.settle.achieved))
# words of a state or total up to the day the page is written
_TO_DATE = pattern(lambda w: alternation(w.settle.to_date))
_TASK_BEFORE = pattern(lambda w: rf"(?:{alternation(w.settle.task_nouns)})\s*$")
# "今年,郑州的中小学幼儿园建设任务为,市区新建、改扩建中小学30所…;全市新建幼儿园40所": a
# sentence that opens the list of the tasks set
_TASK_LEAD = pattern(
    lambda w: rf"(?:{alternation(w.settle.task_nouns)})\s*(?:{alternation(w.settle.task_is)})"
)
# not "完成…的目标任务"
_TASK_AFTER = pattern(
    lambda w: (
        rf"[^。;!?{chars(w.settle.task_not_after)}]{{0,80}}?{_of(w)}"
        rf"(?:{alternation(w.settle.task_after)})"
    )
)
_OPENING_YEAR = pattern(
    lambda w: (
        rf"\s*(?:{alternation(w.settle.opening_year_lead)})?\s*((?:19|20)\d{{2}})\s*{_y(w)}"
        rf"{_year_end(w)}\s*[,:]"
    )
)
# a character any row about schooling has (教育, 学校, 幼儿园, 教师, 课程, 托位 …)
_ABOUT_EDUCATION = pattern(lambda w: rf"[{chars(w.settle.education_chars)}]")
_SEAT = pattern(lambda w: alternation(w.settle.seat_nouns))
_BOUND = pattern(lambda w: alternation(w.prose.above_below))
_BINDING_WORD = pattern(lambda w: alternation(w.settle.binding))


def _table_row(line: str) -> bool:
    """Tell a line of a table the table reader did not take: no sentence marks, columns."""
    if re.search(r"[。,;]", line):
        return False
    return _BINDING_WORD.search(line) is not None or len(line.split()) >= 3


_RELATIVE_YEAR = pattern(
    lambda w: (
        rf"{alternation((*w.settle.this_year, *w.settle.that_year))}|"
        rf"(?P<last>{alternation(w.settle.last_year)})|{alternation(w.settle.next_year)}|"
        rf"(?:{alternation(w.settle.ahead)})\s*(?P<n>[{chars(w.settle.ahead_numerals)}\d])\s*{_y(w)}"
    )
)
_FYP_SCOPE = pattern(
    lambda w: (
        rf"({alternation(p.key for p in w.periods)})[”\"]?\s*"
        rf"(?:{alternation(w.settle.period_scope)})"
    )
)
_SECTION_YEAR = pattern(lambda w: rf"((?:19|20)\d{{2}})\s*{_y(w)}")
_SECTION_FYP = pattern(lambda w: rf"({alternation(p.key for p in w.periods)})")
_REVIEW = pattern(lambda w: alternation(w.settle.section_review))
_AHEAD = pattern(lambda w: alternation(w.settle.section_ahead))


@dataclass(frozen=True)
class Context:
    """What the page says about itself: its date (when found), kind and title span."""

    period: tuple[int, int]
    page_date: date | None
    document: str  # plan | news_report | work_report | notice
    summary: bool  # a work summary (总结): its values are achievements
    title_span: tuple[int, int]
    latest_year: int  # the page's date's year, or the latest year it names
    page_year: tuple[int, str] | None = None  # an undated page's year, read from its values
    mode: str = "plan"  # plan | mixed (a page reporting a plan, an article) | report
    # the title or headline names education: else a value whose sentence says nothing of
    # schooling is not an education value (a 政府工作报告 on farming, health and schools)
    about_education: bool = True
    # the page is about a region (a known one): national figures on it are not the region's
    regional: bool = False
    # the page states no year and no date: the period is a placeholder, a value's year unknown
    undated: bool = False
    # a bulletin of one year's figures ("现将2020年…情况公布如下"): that year, and its words
    bulletin: tuple[int, str] | None = None
    # an undated page whose lead reports the year's work conference (opens its year)
    opens_year: bool = False


def _line_of(doc: Doc, starts: list[int], pos: int) -> tuple[int, int]:
    k = bisect.bisect_right(starts, pos) - 1
    if k < 0:
        return 0, len(doc.work)
    line = doc.lines[k]
    return line.start, line.end


# how far back a sentence, a clause or a paragraph is read (bounded: linear in the text)
_SENTENCE_BACK = 300
_PARAGRAPH_BACK = 600


# a sentence mark; a "?" followed by a letter stands for characters a page lost (mojibake)
_SENTENCE_MARK = re.compile(r"[。!;]|\?(?![a-zà-ü])")
_SENTENCE_END = re.compile(r"[。!;\n]|\?(?![a-zà-ü])")


def _sentence_start(work: str, line_start: int, pos: int) -> int:
    floor = max(line_start, pos - _SENTENCE_BACK)
    k = -1
    for m in _SENTENCE_MARK.finditer(work, floor, pos):
        k = m.start()
    return floor if k < 0 else k + 1


def _sentence_end(work: str, pos: int) -> int:
    m = _SENTENCE_END.search(work, pos, pos + 400)
    return m.start() if m else min(len(work), pos + 400)


def _clause_start(work: str, line_start: int, pos: int) -> int:
    floor = max(line_start, pos - _SENTENCE_BACK)
    k = max(work.rfind(mark, floor, pos) for mark in "。!?;,:")
    return floor if k < 0 else k + 1


def _education_heading(section: str) -> bool:
    """Whether the innermost heading of a section names schooling ("3.成人教育", "4.幼儿教育").

    Not a breadcrumb of site chrome ("闽南网 > 漳州 > 漳州教育 > 正文") nor a long line.
    """
    last = section.split()[-1] if section.split() else ""
    return len(last) <= 16 and ">" not in last and _SCHOOLING.search(last) is not None


_PARAGRAPH_MARK = re.compile(r"[。!?;]")


_BREAKS_DOWN = pattern(lambda w: rf"\s*(?:{alternation(w.settle.breaks_down)})")


def _paragraph(doc: Doc, starts: list[int], a: int, b: int) -> tuple[int, int]:
    """Return the span of the paragraph (line) around a..b, read at most 600 characters each way.

    A line without a sentence mark is a fragment of a poster-like page ("投入2.78亿元" on a line
    of its own after "下达教育项目资金14.05亿元"): the lines before and after it are read too.
    """
    k = bisect.bisect_right(starts, a) - 1
    if k < 0:
        return max(0, a - _PARAGRAPH_BACK), b + _PARAGRAPH_BACK
    lo = hi = k
    if not _PARAGRAPH_MARK.search(doc.work, doc.lines[k].start, doc.lines[k].end):
        lo, hi = max(0, k - 1), min(len(doc.lines) - 1, k + 1)
    if lo > 0 and _BREAKS_DOWN.match(doc.work, doc.lines[lo].start):
        # "其中海港区5所,山海关区1所…" breaks down the paragraph before ("我市30所学校幼儿园
        # 建设列入为民办实事工程…"): what that one is about, this one is
        lo -= 1
    return (
        max(doc.lines[lo].start, a - _PARAGRAPH_BACK),
        min(doc.lines[hi].end, b + _PARAGRAPH_BACK),
    )


def _broken_down_from(work: str, sent_a: int) -> int:
    """Where to read what a sentence is about: the sentence before too when it opens with 其中.

    "建设幼儿园 17 所,…。" then "其中:东台市 2 所、建湖县 4 所…": the parts are of schools.
    """
    if not _BREAKS_DOWN.match(work, sent_a):
        return sent_a
    k = sent_a - 1
    while k > 0 and work[k - 1] in " \t\n\u3000":
        k -= 1
    return max(work.rfind("。", 0, k - 1), work.rfind("\n", 0, k)) + 1


# the level of a heading line no numbering marks ([heading]'s numbered levels are 0 to 5)
_UNNUMBERED = 6


def _section_headings(doc: Doc) -> list[tuple[int, int | None, str]]:
    """Short lines that head a section with a year or a five-year plan: (start, year, tense)."""
    out: list[tuple[int, int | None, str]] = []
    for line in doc.lines:
        text = line.text
        if len(text) > 24 or re.search(r"[。,;]", text) or doc.is_blocked(line.start):
            continue
        review = _REVIEW.search(text) is not None
        ahead = _AHEAD.search(text) is not None
        if not (review or ahead):
            continue
        y = _SECTION_YEAR.search(text)
        f = _SECTION_FYP.search(text)
        if y is None and f is None:
            if len(text.strip()) <= 12 and not re.search(r"\d", text):
                # "任务安排", "落实情况": a short heading without a year or a number says
                # whether the values under it are planned or done
                out.append((line.start, None, "review" if review and not ahead else "ahead"))
            continue
        year = int(y.group(1)) if y else _fyp_end(f.group(1)) if f else 0
        if f is not None and review and not ahead:
            # "2022年教育事业发展“十三五”规划工作总结": a review of the 十三五 reports its end
            # (2020), not the year it was written in
            year = _fyp_end(f.group(1))
        out.append((line.start, year, "review" if review and not ahead else "ahead"))
    # a year heading holds until the next heading of the document of its level or higher:
    # "一、2013 年教育工作回顾" holds over "(一)事业发展取得新进展。" and its values
    own = {o[0] for o in out}
    levels = {h.start: h.level for h in doc.headings}
    marks: list[tuple[int, tuple[int, int | None, str] | None]] = sorted(
        [(h[0], h) for h in out] + [(h.start, None) for h in doc.headings if h.start not in own],
        key=lambda m: m[0],
    )
    kept: list[tuple[int, int | None, str]] = []
    holding: int | None = None  # the level of the year heading in force
    for start, h in marks:
        level = levels.get(start, _UNNUMBERED)
        if h is None and holding is not None and level > holding:
            continue  # a subheading of the year heading's section
        holding = level if h is not None and h[1] is not None else None
        kept.append(h if h is not None else (start, None, ""))
    return kept


# the values of a list before a value, back to the list's first item ("27%、28%、23%和")
_LIST_TAIL = pattern(lambda w: rf"(?:\d+(?:\.\d+)?\s*%?\s*[{chars(w.prose.list_joints)}]\s*)*$")


def _relative(work: str, clause_a: int, a: int, b: int, unit: str) -> str | None:
    """Why the value at a..b is a change, not a level (None when it is a level)."""
    before = work[clause_a:a]
    cmp_ = None
    for m in _COMPARED.finditer(before):
        cmp_ = m
    for m in _COMPARED_AGO.finditer(before):  # 比3年前, 比前10年的总和, 比“十三五”初期
        cmp_ = m if cmp_ is None or m.end() > cmp_.end() else cmp_
    if cmp_ is not None and _CHANGE_VERB.search(work[clause_a:b], cmp_.end()):
        base = cmp_.group(0)
        return (
            f"a change compared with {base if base in words().settle.compare_alone else base[1:]}"
        )
    if _HIGHER_THAN.search(before) and unit in ("percentage_point", "percent"):
        return "a difference from another place or year"
    # "分别增长27%、28%、23%和51%": the items after the first share its verb
    tail = _LIST_TAIL.search(before)
    lead = before[: tail.start()] if tail is not None else before
    if unit == "percent" and _CHANGED_BY.search(lead[-8:]):
        return "a change in percent (提高2.5%), not a level"
    if _GROWTH_WORD.search(lead[-8:]):
        return "a growth rate, not a level"
    if _COMPLETION.search(before):
        return "a share of a target completed, not a level"
    if unit == "percent" and _PROGRESS.search(before[-12:]):
        return "a share of a building project done (施工总进度达到90%), not a level"
    if unit == "times":
        return "a multiple (倍) of another value"
    return None


_LIST_NOUN = pattern(lambda w: alternation(w.settle.list_nouns))
_UNDER_WAY = pattern(lambda w: alternation(w.settle.under_way))
_BREAKDOWN = pattern(lambda w: rf"(?:{alternation(w.settle.breakdown)})[^。;]*$")
_SCHOOL_NOUN = pattern(lambda w: rf"(?:{alternation(w.settle.institution_end)})$")
_CATEGORY = pattern(lambda w: rf"^(?:{alternation(w.settle.institution_category)})")
_NUMBERED = re.compile(r"\s*(?:\d{1,2}[.、)]|\(\d{1,2}\))\s*")


def _institution(name: str) -> bool:
    """Whether a name is one school's (清塘镇中心小学附属幼儿园), not a kind (公办幼儿园)."""
    name = name.strip(" ,、")
    return (
        2 < len(name) <= 24
        and _SCHOOL_NOUN.search(name) is not None
        and _CATEGORY.search(name) is None
        and not re.search(r"[\d%]", name)
    )


def _single_institution(work: str, clause_a: int, a: int, b: int) -> str | None:
    """Why the value at a..b is one named school's, not the region's (None when it is not).

    A part of a total listed school by school ("建设增加公办幼儿园学位805个,分别是清塘镇中心小学
    附属幼儿园120个、寿雁镇一小附属幼儿园140个…"), or a value of a numbered item that names one
    school ("1.兴隆县第一中心小学,建设面积1617.96平方米,投入资金420万元").
    """
    item = re.split(r"[、,]", work[clause_a:a])[-1]
    line_a = work.rfind("\n", 0, a) + 1
    sentence_a = max(line_a, max(work.rfind(m, max(0, a - 300), a) for m in "。;") + 1)
    if _BREAKDOWN.search(work, sentence_a, a) and _institution(
        re.sub(rf"^(?:{alternation(words().settle.breakdown)})", "", item)
    ):
        return "a part of a total, one named school's (分别是…幼儿园120个), not the region's"
    numbered = _NUMBERED.match(work, sentence_a)
    if numbered is not None:
        first = work[numbered.end() : a].split(",")[0]
        if first != work[numbered.end() : a] and _institution(first):
            return "a value of one named school (1.…小学,建设面积…), not the region's"
    elif (heading := _item_heading(work, line_a)) is not None:
        return f"a value of one named school (the item {heading}), not the region's"
    return None


def _under_related_links(work: str, a: int) -> bool:
    """Whether the value at ``a`` is in a list of related links (相关链接: headline lines).

    A news page lists other articles under 相关链接 or 相关阅读, one headline a line
    ("海口今春3所民办小学和25所幼儿园停止办学"): their figures are those articles', not this page's.
    The list is the run of short lines without 。 between the heading and the value.
    """
    heads = words().settle.related_links
    end = work.find("\n", a)
    end = len(work) if end < 0 else end
    for _ in range(10):
        start = work.rfind("\n", 0, end) + 1
        line = work[start:end].strip()
        if re.sub(r"[::\s]+$", "", line) in heads:
            return True
        if "。" in line or len(line) > 40:
            return False
        if start == 0:
            return False
        end = start - 1
    return False


def _item_heading(work: str, line_a: int) -> str | None:
    """Return the numbered heading line naming one school that the line at ``line_a`` is under.

    "1. 坊子区博文学校幼儿园(辛冬幼儿园)" on a line of its own, "计划投资3000万元,占地13亩…" on
    the next; "4.江北区慈城新城九年制学校新建项目", a picture's line, then "项目位于…规划办学规模
    63个班": the item's values are that school's. The heading is looked for among the three lines
    before (blank lines not counted; a line with a number of its own ends the search); a name
    followed by a project word (新建项目, 工程, 二期) or an alias in brackets is still the school's.
    """
    seen = 0
    end = line_a - 1
    while end > 0 and seen < 3:
        start = work.rfind("\n", 0, end) + 1
        line = work[start:end].strip()
        end = start - 1
        if not line:
            continue
        seen += 1
        head = _NUMBERED.match(line)
        if head is None and re.search(r"\d", line):
            return None  # (a line of values of its own: the value's line starts a new block)
        if head is None:
            continue
        name = line[head.end() :]
        suffixes = alternation(words().settle.project_suffixes)
        while (bare := re.sub(rf"(?:\([^()]*\)|{suffixes})$", "", name).strip()) != name:
            name = bare
        return line if _institution(name) else None
    return None


_ONE_FACILITY = pattern(lambda w: alternation(w.settle.one_facility))
_LOCATED = pattern(lambda w: alternation(w.settle.located))
_BUILDS = pattern(lambda w: rf"\s*(?:{alternation(w.settle.build_verbs)})")
# the seats one school adds, after its name (重庆路小学新增学位400个)
_MEASURED = pattern(
    lambda w: (
        rf"\s*(?:{alternation(w.settle.seat_verbs)})\s*(?:{alternation(w.settle.seat_nouns)})\s*$"
    )
)
#: Units of what a building project costs or covers (its money, floor area, land).
_PROJECT_UNITS = frozenset({"yuan", "square_meter", "mu", "hectare"})


def _school_named_before(clause: str, unit: str) -> str | None:
    """Why seats are one named school's, by the school their clause opens with (None when not).

    "新建天津路第一小学新增学位2000个", "重庆路小学新增学位400个": the clause names one school (not
    a kind, 新增公办幼儿园学位, nor a verb's object), then the seats it adds.
    """
    if unit != "seat":
        return None
    w = words().settle
    text = clause.strip()
    if (verb := _BUILDS.match(text)) is not None:
        text = text[verb.end() :].strip()
    for end in w.institution_end:
        k = text.find(end)
        if k <= 0:
            continue
        name, rest = text[: k + len(end)], text[k + len(end) :]
        if (
            _institution(name)
            and not _VERB_IN_NAME.search(name)
            and not any(x in name for x in w.seat_verbs)
            and _MEASURED.match(rest)
        ):
            return f"the seats of one named school ({name}), not the region's"
    return None


def _for_one_school(work: str, b: int, unit: str) -> str | None:
    """Why the value ending at ``b`` is the cost or area of one named school (None when not).

    "投资5948万元新建海湾小学", "投资2626万元新建渤海小学": the money (or area) is followed by a
    verb of building and one school's name (not a kind of school: 新建公办幼儿园), so it is that
    school's, not the region's total.
    """
    if unit not in _PROJECT_UNITS or (verb := _BUILDS.match(work, b)) is None:
        return None
    run = re.match(r"[^,;。、\n()“”]{2,30}", work[verb.end() :])
    # (two schools, "新建了青原区第二中学和青原区第三中学", share the money: no one school's)
    if run is None or re.search(rf"[{chars(''.join(words().prose.list_joints))}]", run.group(0)):
        return None
    for end in words().settle.institution_end:
        k = run.group(0).find(end)
        if k > 0 and _institution(name := run.group(0)[: k + len(end)]):
            built = f"{verb.group(0).strip()}{name}"
            return f"the cost or area of one named school ({built}), not the region's"
    return None


_FACILITY_SPEC = pattern(lambda w: alternation(w.settle.facility_specs))
_VERB_IN_NAME = pattern(lambda w: alternation(w.prose.lead_verbs))


def _named_school(work: str, floor: int, at: int) -> str | None:
    """Return the name of one school that ends right before ``at`` (None when there is none).

    "位于延吉市东山小学南侧的第十五幼儿园占地面积…": 第十五幼儿园; a kind of school (公办幼儿园) or
    a verb's object (新增学校建筑面积) is no school's name.
    """
    stops = words().settle.facility_name_after
    k = at
    while k > floor and work[k - 1] not in stops and not work[k - 1].isspace():
        k -= 1
    name = work[k:at]
    if re.search(r"\d", name) or not _institution(name) or _VERB_IN_NAME.search(name):
        return None
    return name


def _one_facility(work: str, a: int, clause_a: int) -> str | None:
    """Why the value at ``a`` is one facility's specification (None when it is not).

    Its sentence points back to one facility before it (该园总投资821万元, 占地面积9600平方米;
    这座总投资1.58亿元的崭新学校可容纳学生3000人), or names one school and the value follows a
    word of a building's specification in its clause (位于…的第十五幼儿园占地面积4920平方米, 总投资
    3410万元, 可容纳360名幼儿), or tells where one facility lies before it in its sentence (up to
    。 or ;: 金港小学位于…,总投资2718万元): the school's area, cost or capacity, not the region's
    level or target.
    """
    line_a = work.rfind("\n", 0, a) + 1
    # (。 only: a page's mojibake holds ! and ? inside words, "按照“2教1?!钡慕虒W…")
    sentence_a = max(line_a, work.rfind("。", max(0, a - 300), a) + 1)
    m = _ONE_FACILITY.search(work, sentence_a, a)
    if m is not None:
        return f"a specification of one facility ({m.group(0)}…), not the region's"
    if _FACILITY_SPEC.search(work, clause_a, a) is not None:
        for spec in _FACILITY_SPEC.finditer(work, sentence_a, a):
            school = _named_school(work, sentence_a, spec.start())
            if school is not None:
                what = f"({spec.group(0)}) of one school ({school})"
                return f"a specification {what}, not the region's"
    # "金港小学位于金港路与常乐路交叉处,总投资2718万元…;秀石路小学位于秀石路,总投资4130万元": a
    # place is told of one facility; the values after it in its sentence are that facility's
    part_a = max(line_a, max(work.rfind(m, max(0, a - 300), a) for m in "。;") + 1)
    located = _LOCATED.search(work, part_a, a)
    # (a count before it, "有75所学校位于城郊结合地区", tells where many are: no one facility)
    if located is not None and not re.search(
        r"\d", re.split(r"[,:、]", work[part_a : located.start()])[-1]
    ):
        return f"a specification of one facility (…{located.group(0)}…), not the region's"
    return None


#: Units that do not say what is counted or changed: a count in 个/项/种 (item) or a change in
#: 百分点 needs a name that does.
_UNIT_SAYS_NOTHING = frozenset({"item", "percentage_point"})


# "每10万人中拥有大学文化程度的由7728人上升为13919人": the people a figure is counted among
_AMONG = pattern(
    lambda w: rf"\s*(?:{alternation(w.settle.among_tail)})?\s*(?:{alternation(w.settle.among)})"
)
# "学前教育毛入园率尚未达到90%或刚刚达到90%的21个薄弱县": a rate, then 的 and a count of what
# it describes: the rate says which are counted, it is no level
_COUNTED_AFTER = pattern(
    lambda w: (
        rf"(?:\s*(?:{alternation(w.settle.or_words)})[^,。;]{{0,10}}?\d+(?:\.\d+)?\s*%)?"
        rf"\s*{_of(w)}\s*\d+\s*"
        rf"(?:{alternation([*w.classifiers, *(x for u in w.units if u.counted for x in u.words)])})"
    )
)


# "具体分布情况如表1所示": the number names a table or figure of the document
_REFERENCE = pattern(lambda w: rf"(?:{alternation(w.settle.reference_nouns)})\s*$")
_DIGITS = re.compile(r"[\d.]*")
_SHOWN = pattern(  # not 所示范(校)
    lambda w: rf"\s*(?:{alternation(w.settle.shown)})(?!{alternation(w.settle.shown_not_before)})"
)


def _distractor(
    work: str, a: int, b: int, d: DIndicator, v: DValue, clause_a: int, starts: list[int]
) -> str | None:
    """Why the value at a..b says where, which or when something is, not a level or target."""
    digits = _DIGITS.match(work, a)
    if (
        digits is not None
        and _REFERENCE.search(work, max(0, a - 4), a)
        and _SHOWN.match(work, digits.end())
    ):
        return "the number of a table or figure (如表1所示), not a value"
    if d.unit == "item" and _PLACE_AFTER.match(work, b):
        ends = [k for k in (work.find(m, b, b + 60) for m in ",;。:") if k >= 0]
        clause_b = min(ends) if ends else b + 60
        k = bisect.bisect_left(starts, b)
        if k < len(starts) and starts[k] < clause_b:
            return "a count of places the next value is in (在…5个城市新增4000个)"
    if (
        d.unit == "person"
        and _POPULATION.search(work, max(0, a - 6), a)
        and (
            v.comparator.value != "="
            # 以 of a standard (以…为标准), not of 以上/以下 in a name (大专及以上文化程度的人口)
            or _BY_STANDARD.search(_BOUND.sub("", work[clause_a:a]))
            or _PROVISION.match(work, b)
        )
    ):
        return "a population that says where a provision applies (人口2000人以上的行政村)"
    if _SIZE.search(work, max(clause_a, a - 4), a) and _OF.match(work, b):
        return "a size that describes what is counted (规模9-12个班级的公办幼儿园)"
    if (
        d.unit == "person"
        and work.endswith(words().settle.denominator, 0, a)
        and _AMONG.match(work, b)
    ):
        return "a denominator (每10万人中), not a value"
    if d.unit == "percent" and _COUNTED_AFTER.match(work, b):
        return "a threshold that says which are counted (尚未达到90%的21个薄弱县), not a level"
    if _RANK.search(work, clause_a, a):
        return "a rank inside a name (排名前1%)"
    if (
        d.unit == "person"
        and (band := _BAND.match(work, b))
        # (66人以上超大班额: the threshold rule of settle quotes it)
        and not (_DEFINING.match(work, b) and _BOUND.search(v.text))
    ):
        return f"a class size inside a name ({work[a : band.end()].strip()}), not a value"
    if d.unit == "item" and (
        _LIST_NOUN.search(work, clause_a, a) or _LIST_NOUN.search(work, b, _clause_end(work, b))
    ):
        return "a count of the items of a list of works (民生实事共有20项), not an indicator"
    if d.unit in ("school", "item") and _UNDER_WAY.search(work, b, _clause_end(work, b)):
        return "a count of projects under way (9所正在进行室内外装修), not done or planned"
    if (single := _single_institution(work, clause_a, a, b)) is not None:
        return single
    if _under_related_links(work, a):
        return "another article's headline, in the page's related links (相关链接)"
    if (facility := _one_facility(work, a, clause_a)) is not None:
        return facility
    if (school := _for_one_school(work, b, d.unit)) is not None:
        return school
    if (school := _school_named_before(work[clause_a:a], d.unit)) is not None:
        return school
    if d.unit != "percent" and _CONDITION.match(work, b):
        return "a condition (…后), not a value"
    return None


def _other_field(d: DIndicator) -> str | None:
    """Why a prose value is of another field than education (None when it is not), by its name.

    A value named by 专利, 重点实验室, 高新技术企业 or 口袋公园 (a statistics bulletin's science
    paragraph, a list of 民生实事 beside the schools) is no education indicator, unless its name
    also says schooling (企业职工岗位培训率, 省级产教融合型企业).
    """
    w = words().settle
    name = fold(d.subject + d.name)
    if not any(x in name for x in w.schooling_nouns) and (
        any(x in name for x in w.other_fields)
        or (d.unit == "item" and any(x in name for x in w.other_field_counted))
    ):
        return f"a value of another field ({d.name}), not of education"
    return None


def _no_level(d: DIndicator, v: DValue, ctx: Context) -> str | None:
    """Why a settled prose value is no level (None when it may be one).

    An achievement in words (实现了乡村小规模学校全覆盖, read as 100%) has no number a curator
    records; a number of years is a level only of a measure in years (平均受教育年限), else a
    duration (用7年) or a scope (学前3年免费教育). A plan's targets of either kind stay (the
    curated plans record 全覆盖 and 3至5年一周期 as targets); on other pages they go too.
    """
    if v.kind != "baseline" and ctx.mode == "plan":
        return None
    if (
        d.unit == "percent"
        and "number_from_words" in v.flags
        and v.magnitude == 100
        and not re.search(r"\d", v.text)
    ):
        return f"a goal in words ({v.text}, read as 100%): no number to keep (review it)"
    if d.unit == "year" and not any(
        m in fold(d.subject + d.name) for m in words().settle.year_measures
    ):
        return f"a number of years of no measure in years ({d.name}…): a duration or scope"
    return None


_COPY_BEFORE = "\n【[|】“"
_COPY_AFTER = "\n】]”"


def _rounded_in_body(
    unit: str, magnitude: float | None, body: set[tuple[str, float | None]]
) -> float | None:
    """Return the body's value that a headline's value rounds (None when there is none).

    A headline rounds (6500万元) what the body states exactly (6512万元): a body value of the same
    unit within 2% that the headline's value is a rounding of (it has fewer significant digits).
    """
    if not magnitude:
        return None
    digits = len(f"{magnitude:g}".replace(".", "").rstrip("0").lstrip("0"))
    for u, m in body:
        if u != unit or not m or m == magnitude or abs(m - magnitude) > 0.02 * abs(m):
            continue
        if digits < len(f"{m:g}".replace(".", "").rstrip("0").lstrip("0")):
            return m
    return None


def _headline_copies(work: str, title_span: tuple[int, int]) -> list[tuple[int, int]]:
    """Return the headline's span and those of its copies in the page.

    A news page may print its headline again, whole, where it is no sentence of the body: as a
    picture's caption ("【B】【吉09】2020年延吉将建成4所公办幼儿园 新增学位1140个"), in brackets
    before the lead ("科教武汉【期待!武汉这个区未来5年将建22所学校】11月19日,…"), or at the end
    of the page. A copy stands between line ends, brackets or quotes; a copy's values are the
    headline's, which the body states in its own sentence. A column tag before a bar ("学校|期待!
    …") is not part of the headline.
    """
    a, b = title_span
    head = work[a:b].strip()
    if "|" in head and len(head.rsplit("|", 1)[1].strip()) >= 8:
        head = head.rsplit("|", 1)[1].strip()
    spans = [title_span]
    if len(head) < 8:
        return spans
    k = work.find(head)
    while k >= 0:
        end = k + len(head)
        if not a <= k < b and (
            (k == 0 or work[k - 1] in _COPY_BEFORE)
            and (end == len(work) or work[end] in _COPY_AFTER)
        ):
            spans.append((k, end))
        k = work.find(head, end)
    return spans


def settle(
    drafts: list[DIndicator], doc: Doc, ctx: Context
) -> tuple[list[DIndicator], list[tuple[int, int, str, str]]]:
    """Decide level or change, year and kind of every prose value (see the module docstring).

    Parameters
    ----------
    drafts
        The indicators the readers found (table values are left as they are).
    doc
        The document.
    ctx
        The page's date, kind, period and title span.

    Returns
    -------
    drafts, notes
        The indicators with their values settled (empty ones dropped), and ``(start, end,
        reason, detail)`` view spans of the values that were dropped.

    """
    work = doc.work
    starts = [ln.start for ln in doc.lines]
    headings = _section_headings(doc)
    head_starts = [h[0] for h in headings]
    notes: list[tuple[int, int, str, str]] = []
    heads = _headline_copies(work, ctx.title_span)
    body_values = {
        (d.unit, v.magnitude)
        for d in drafts
        for v in d.values
        if not any(h_a <= v.text_start < h_b for h_a, h_b in heads)
    }
    dropped: set[int] = set()
    starts_all = sorted(v.text_start for d in drafts for v in d.values)
    if ctx.page_date is not None and ctx.mode != "plan":
        written = _written_before(work, ctx.page_date.year)
        if written is not None:
            # the date is when the page was copied, not written: read it as an undated page
            ctx = dataclasses.replace(
                ctx, page_date=None, page_year=written, latest_year=written[0]
            )
    if ctx.page_date is None and ctx.page_year is None:
        ctx = dataclasses.replace(ctx, page_year=_page_year(drafts, doc, starts))
    if ctx.page_date is None and ctx.page_year is None and ctx.mode != "plan":
        ctx = dataclasses.replace(ctx, page_year=_after_period(work))
    if ctx.page_date is None and ctx.page_year is None and ctx.mode != "plan":
        lead = _LEAD_EVENT.search(work, 0, 1500)
        if lead is not None:
            ctx = dataclasses.replace(
                ctx,
                page_year=(int(lead.group(1)), f"the news lead's event: {lead.group(0).strip()}"),
                opens_year=_YEAR_CONFERENCE.search(lead.group(0)) is not None,
            )
    if ctx.mode != "plan" and (
        (bulletin := _BULLETIN.search(work, 0, 2000) or _BULLETIN_TITLE.search(work, 0, 2000))
        is not None
    ):
        year = _year_number(next(g for g in bulletin.groups() if g))
        if bulletin.groupdict().get("book"):
            year -= 1  # 《山丹年鉴2022》 is the yearbook published in 2022, of the year 2021
        ctx = dataclasses.replace(ctx, bulletin=(year, bulletin.group(0).strip()))
    placed: list[tuple[DValue, int, int, int]] = []  # value, line start, sentence start, start
    for d in drafts:
        if d.origin != "prose":
            continue
        for v in d.values:
            a, b = v.text_start, v.text_start + len(v.text)
            line_a, _ = _line_of(doc, starts, a)
            sent_a = _sentence_start(work, line_a, a)
            clause_a = _clause_start(work, line_a, a)
            why = _relative(work, clause_a, a, b, d.unit)
            other = None if why is not None else _distractor(work, a, b, d, v, clause_a, starts_all)
            if (
                other is None
                and why is None
                and ctx.regional
                and _NATIONAL.search(work[clause_a:a])
            ):
                other = "a national figure on a region's page (全国学前教育毛入园率…)"
            sentence_b = _sentence_end(work, b)
            field = _other_field(d) if other is None and why is None else None
            if other is not None:
                notes.append((a, b, "distractor", other))
                dropped.add(id(v))
            elif field is not None:
                notes.append((a, b, "not_education", field))
                dropped.add(id(v))
            elif (
                why is None
                and not _SCHOOLING.search(
                    work,
                    *(
                        (_broken_down_from(work, sent_a), sentence_b)
                        if not ctx.about_education
                        else _paragraph(doc, starts, a, b)
                    ),
                )
                and not _SCHOOLING.search(d.subject + d.name)
                and not (ctx.about_education and _education_heading(d.section))
            ):
                why = (
                    "a sentence that says nothing of schooling, on a page not about education"
                    if not ctx.about_education
                    else "a paragraph that says nothing of schooling (投资, 道路, 项目 …)"
                )
                notes.append((a, b, "not_education", why))
                dropped.add(id(v))
            elif why is None and (named := _DEFINING.match(work, b)) and _BOUND.search(v.text):
                why = f"a threshold inside a name ({work[a : named.end()].strip()})"
                notes.append((a, b, "distractor", why))
                dropped.add(id(v))
            elif why is None and d.unit == "item" and _ASPECTS.match(work, b):
                notes.append((a, b, "distractor", "a count of aspects (4个方面), not a target"))
                dropped.add(id(v))
            elif why is not None:
                notes.append((a, b, "relative", why))
                dropped.add(id(v))
            elif (
                # (增加1080个: places added are a count of new places; 百分点: the rule below)
                d.unit not in ("seat", "percentage_point")
                and _CHANGE_ALONE.fullmatch(work, clause_a, a)
                and re.search(r"\d", work[sent_a:clause_a])
                and re.match(r"\s*(?:[,;。]|$)", work[b:])
            ):
                # "年末全市有幼儿园1935所,增加39所", "城市公办幼儿园数为21个,增加3个": a clause of a
                # change verb alone, after a level: how far that level moved, not a level
                why = f"a change ({work[clause_a:a].strip()}) of the level before it, not a level"
                notes.append((a, b, "relative", why))
                dropped.add(id(v))
            elif d.unit in _UNIT_SAYS_NOTHING and names_nothing(fold(d.subject + d.name)):
                said = d.subject + d.name
                if d.unit == "percentage_point":
                    # "毛入园率达到88.5%,提高了17个百分点": how far the level before it moved
                    why = f"a change in 百分点 ({said}…) of the level before it, not a level"
                    notes.append((a, b, "relative", why))
                else:
                    # "重点推广8种": a count in 个/种/项 of nothing named
                    why = f"the name {said!r} is only verbs or fillers: it says not what is counted"
                    notes.append((a, b, "name_unclear", why))
                dropped.add(id(v))
            elif (
                _table_row(work[max(line_a, a - _SENTENCE_BACK) : _sentence_end(work, b)])
                and not _ABOUT_EDUCATION.search(
                    work, max(line_a, a - _SENTENCE_BACK), _sentence_end(work, b)
                )
                and not _ABOUT_EDUCATION.search(d.subject + d.name)
            ):
                why = "a table row that says nothing of education"
                notes.append((a, b, "not_education", why))
                dropped.add(id(v))
            elif any(h_a <= a < h_b for h_a, h_b in heads) and (d.unit, v.magnitude) in body_values:
                notes.append((a, b, "repeated", "in the headline; the body states it again"))
                dropped.add(id(v))
            elif any(h_a <= a < h_b for h_a, h_b in heads) and (
                body := _rounded_in_body(d.unit, v.magnitude, body_values)
            ):
                # "张家川投资6500万元改善办学条件" over "将投资6512万元建设28个教育项目"
                why = f"in the headline, rounded; the body states it exactly ({body:g})"
                notes.append((a, b, "repeated", why))
                dropped.add(id(v))
            else:
                placed.append((v, line_a, sent_a, a))
    # values with a year first: an achievement without a year takes their most common year
    placed.sort(key=lambda p: "year_implied" in p[0].flags)
    common_base: int | None = None
    base_years: list[int] = []
    of = {id(v): d for d in drafts for v in d.values}
    for v, line_a, sent_a, a in placed:
        if common_base is None and "year_implied" in v.flags and base_years:
            common_base = max(set(base_years), key=base_years.count)
        _settle_one(v, work, line_a, sent_a, a, ctx, headings, head_starts, common_base)
        _from_to(v, work, sent_a, a, ctx)
        if "cumulative" in v.flags:
            _start_of_total(v, work, line_a, sent_a, a, ctx)
        if v.kind == "baseline" and "year_implied" not in v.flags:
            base_years.append(v.year)
        if v.kind == "baseline" and of[id(v)].unit == "percentage_point":
            # "十年提高了23.6个百分点", "比3年前提高了10.87个百分点": how far a level moved over
            # past years; a baseline is a level (a planned increment stays a target)
            why = "an achieved change in 百分点 is no level: not a baseline"
            notes.append((a, a + len(v.text), "relative", why))
            dropped.add(id(v))
            continue  # (its year still counts among the baselines' years)
        if (no_level := _no_level(of[id(v)], v, ctx)) is not None:
            # (a word value loses no number: its text is words)
            notes.append((a, a + len(v.text), "distractor", no_level))
            dropped.add(id(v))
            continue  # (its year still counts among the baselines' years)
        if ctx.undated and "year_implied" in v.flags:
            v.flags["year_implied"] = (
                f"the page states no year and no date: the year is unknown, {v.year} is only "
                "the placeholder of a period not found (give period= to parse_plan, or set it "
                "in review)"
            )
            # the frame's flags column says so too, not only the note
            v.flags["year_unknown"] = "no year, date or period on the page (see year_implied)"
    if ctx.mode != "plan":
        _restated(drafts, dropped)
    out: list[DIndicator] = []
    for d in drafts:
        if d.origin == "prose":
            d.values = [v for v in d.values if id(v) not in dropped]
            if d.unit == "item" and _SEAT.search(d.subject + d.name):
                d.unit = "seat"  # 新增托位数400个: 个 counts places
                for v in d.values:
                    v.flags["unit_from_context"] = "个 of 学位/托位 (places) counted as seats"
        if d.values:
            out.append(d)
    return out, notes


# "现将2020年11月1日零时我省…的人口受教育基本情况公布如下": the formula that opens a bulletin of
# statistics (公报); its figures are of the year it names, published the year after
_BULLETIN = pattern(
    lambda w: (
        rf"(?:{alternation(w.settle.bulletin_lead)})\s*((?:19|20)\d{{2}})\s*{_y(w)}[^。;]{{0,80}}?"
        rf"(?:{alternation(w.settle.bulletin_verbs)})(?:{alternation(w.settle.as_follows)})"
    )
)

# "省教育厅印发《2020年河南省教育事业发展统计公报》", "国家统计局公布了《中华人民共和国2019年国民经
# 济和社会发展统计公报》": a news page reporting a bulletin of one year's figures
_BULLETIN_TITLE = pattern(
    lambda w: (
        rf"《[^》]{{0,20}}?((?:19|20)\d{{2}})\s*{_y(w)}[^》]{{0,40}}?"
        rf"(?:{alternation(w.settle.bulletin_titles)})》"
        # or a line of its own, the page's title: "贵州省2020年教育年鉴"
        rf"|(?m:^[^\n。,]{{0,20}}?((?:19|20)\d{{2}}|[{w.digits[1:3]}]"
        rf"[{w.digits}{w.zero}]{{3}})\s*{_y(w)}[^\n。,]{{0,30}}?"
        rf"(?:{alternation(w.settle.bulletin_titles)})\s*$)"
        # the statistics of a school year's start: "2021~2022学年初惠州市教育统计基本情况" are of
        # the autumn of its first year
        rf"|(?m:^[^\n。,]{{0,20}}?((?:19|20)\d{{2}})\s*[~—\-]\s*(?:19|20)\d{{2}}\s*"
        rf"{re.escape(w.dates.school_year)}(?:{alternation(w.settle.school_year_start)})"
        rf"[^\n。,]{{0,30}}?(?:{alternation(w.settle.bulletin_titles)})\s*$)"
        # a yearbook named with the year it is published in: "《山丹年鉴2022》" is of 2021
        rf"|《[^》\d]{{1,20}}?(?:{alternation(w.settle.yearbooks)})\s*(?P<book>(?:19|20)\d{{2}})\s*》"
    )
)


def _year_number(text: str) -> int:
    """Return a year written in digits (2012) or in numerals (二〇一二, 二零一二)."""
    if text.isdigit():
        return int(text)
    w = words()
    return int("".join("0" if ch == w.zero else str(w.digits.index(ch)) for ch in text))


# a year read from the sentences around the value (not a default): the carried year, the year
# that opens a sentence before a semicolon
_FROM_SENTENCE = re.compile(r"the sentence before (?:it names|the semicolon opens with)")


def _restated(drafts: list[DIndicator], dropped: set[int]) -> None:
    """Date a figure without a year that the page states elsewhere with one (a page no plan).

    A news lead "全省普惠性幼儿园覆盖率达86.45%" and its body "截至2022年底,…普惠性幼儿园覆盖率
    达到86.45%": the lead's figure is the body's, a baseline of 2022. Only figures that are not
    round (86.45%, 1.44亿元, 13941人) and that the page dates one way.
    """
    dated: dict[tuple[str, float], set[tuple[int, str]]] = {}
    implied: list[tuple[DValue, tuple[str, float]]] = []
    for d in drafts:
        if d.origin != "prose":
            continue
        for v in d.values:
            if id(v) in dropped or v.magnitude is None or v.comparator.value != "=":
                continue
            key = (d.unit, v.magnitude)
            said = v.flags.get("year_implied", "")
            if said and not _FROM_SENTENCE.search(said):
                implied.append((v, key))
            else:
                dated.setdefault(key, set()).add((v.year, v.kind))
    for v, key in implied:
        number = key[1]
        round_figure = number == int(number) and (number < 1000 or number % 100 == 0)
        stated = dated.get(key, set())
        if round_figure or len(stated) != 1:
            continue
        ((year, kind),) = stated
        v.year, v.kind = year, kind
        v.flags["year_implied"] = (
            f"no year is written; the page states the same figure as a {kind} of {year}"
        )


# "与2010年第六次全国人口普查相比,": the year a change is measured from
_COMPARED_WITH = pattern(
    lambda w: (
        rf"(?:{alternation(w.settle.compared_with)})\s*((?:19|20)\d{{2}})\s*{_y(w)}"
        rf"[^,;。]{{0,20}}?(?:{alternation(w.settle.compared_with_end)})"
    )
)


#: The years a change in a sentence starts from (从2019年的65.26%) and goes to (提高到2025年的93%).
_FROM_YEAR = pattern(
    lambda w: rf"(?:{alternation(w.settle.change_from)})\s*((?:19|20)\d{{2}})\s*{_y(w)}"
)
_TO_YEAR = pattern(lambda w: rf"(?:{alternation(w.settle.to_year)})\s*((?:19|20)\d{{2}})\s*{_y(w)}")


def _from_to(v: DValue, work: str, sent_a: int, a: int, ctx: Context) -> None:
    """Date "从X提升至Y": X is a baseline; without years, take those of an earlier pair."""
    before = work[sent_a:a]
    src = _FROM.search(before)
    dst = _TO.search(before)
    if src is None and dst is None:
        return
    if src is not None and re.match(
        rf"\S{{0,14}}?\s*(?:{alternation(words().settle.change_to)})\s*"
        rf"(?:{alternation(words().settle.change_to_joints)})",
        work[a + len(v.text) : a + len(v.text) + 24],
    ):
        v.kind = "baseline"
        if src.group("y"):
            v.year = int(src.group("y"))
        else:
            years = [int(y) for y in _FROM_YEAR.findall(before)]
            # the comparison opens the sentence; clauses after its semicolons keep it
            floor = max(work.rfind(m, max(0, a - _PARAGRAPH_BACK), sent_a) for m in "。\n") + 1
            base = max(
                _COMPARED_WITH.finditer(work, floor, a), key=lambda m: m.start(), default=None
            )
            if years:
                v.year = years[-1]
                v.flags["year_implied"] = (
                    f"no year is written; the change before it in the sentence starts in {v.year}"
                )
            elif base is not None:
                # "与2010年第六次全国人口普查相比,…由9.2年提高至10.1年": the level it starts
                # from is of the year it is compared with
                v.year = int(base.group(1))
                v.flags["year_implied"] = (
                    f"no year is written; the change is compared with {v.year} ({base.group(0)})"
                )
            elif (span := _span_before(work, max(0, sent_a - _PARAGRAPH_BACK), a)) is not None:
                # "过去五年…学前三年毛入园率由58%上升到79.6%": the change spans the five years to
                # the year the value is dated (2016): it starts from the level of 2011
                years_back, said = span
                v.year -= years_back
                v.flags["year_implied"] = (
                    f"no year is written; a change over {said}: it starts {years_back} years "
                    f"before {v.year + years_back}"
                )
    elif dst is not None and not dst.group("y") and "year_implied" in v.flags:
        years = [int(y) for y in _TO_YEAR.findall(before)]
        if years:
            v.year = years[-1]
            v.flags["year_implied"] = (
                f"no year is written; the change before it in the sentence ends in {v.year}"
            )
            if ctx.mode == "report" or v.year < ctx.period[0]:
                v.kind = "baseline"
    elif (
        dst is not None
        and not dst.group("y")
        and ctx.bulletin is None
        and (froms := _FROM_YEAR.findall(before))
        and v.year == int(froms[-1])
        and (latest := _now(ctx) or ctx.latest_year) > v.year
    ):
        # "每万人接受高等教育人数由2012年的149人增加到270人": the level it rises to is not of the
        # year it rises from; without a year of its own, of the year its sentence speaks of
        # before (促使2018年…超大班额消减了415个,占比由2017年的5.9%下降到1.92%: 2018), of a plan
        # text's base year (its review of the years before), else of the page's (else the
        # latest year it names)
        later = [int(y) for y in _SECTION_YEAR.findall(before) if int(y) > v.year]
        if later:
            v.year = later[-1]
            how = f"its sentence speaks of {v.year} before"
        elif ctx.mode == "plan" and ctx.period[0] - 1 > v.year:
            v.year = ctx.period[0] - 1
            how = f"a plan's review, its base year {v.year}"
        else:
            v.year = latest
            how = "the page's latest year"
        v.flags["year_implied"] = f"no year is written; the change from {froms[-1]} ends in {how}"
    elif dst is not None and not dst.group("y") and ctx.bulletin is not None:
        froms = _FROM_YEAR.findall(before)
        if froms and v.year == int(froms[-1]) and ctx.bulletin[0] > v.year:
            # "普惠性幼儿园覆盖率从2019年的65.26%上涨到73.7%" in a report of the 2020 bulletin:
            # the level it rises to is not of the year it rises from, but of the bulletin's
            v.year = ctx.bulletin[0]
            v.flags["year_implied"] = (
                f"no year is written; the change from {froms[-1]} ends in the bulletin's year"
            )


def _count(w: Words) -> str:
    """Return a pattern of one small count (五, 5)."""
    return "[" + chars("".join(w.small_numbers)) + r"\d]"


_SPAN = pattern(
    lambda w: (
        rf"(?:{alternation(w.settle.span_before)})\s*(?P<n>{_count(w)})\s*{_y(w)}"
        rf"|(?P<m>{_count(w)})\s*{_y(w)}(?:{alternation(w.settle.span_after)})"
        rf"|(?P<p>{alternation(p.key for p in w.periods)})[”\"]?\s*"
        rf"(?:{alternation((*w.settle.period_span, *w.settle.period_opening))})"
    )
)


def _span_before(work: str, floor: int, a: int) -> tuple[int, str] | None:
    """Return the years of the span the text before ``a`` reviews (过去五年 5, 十三五期间 5)."""
    last = None
    for m in _SPAN.finditer(work, floor, a):
        last = m
    if last is None:
        return None
    if last.group("p"):
        p = next(p for p in words().periods if p.key == last.group("p"))
        return p.last - p.first + 1, last.group(0)
    n = last.group("n") or last.group("m")
    return (int(n) if n.isdigit() else words().small_numbers[n]), last.group(0)


_SINCE = pattern(
    lambda w: (
        rf"(?<![{chars(w.settle.not_about_before)}\d])(?:(?:{alternation(w.settle.since)})\s*)?"
        rf"((?:19|20)\d{{2}})\s*{_y(w)}{_year_end(w)}\s*(?:{alternation(w.settle.span_after)})"
    )
)


def _start_of_total(v: DValue, work: str, line_a: int, sent_a: int, a: int, ctx: Context) -> None:
    """Set the first year of a total over years ("“十四五”期间新增学位2.34万个": 2021).

    Read from the sentence (a five-year period, "2021年以来", "五年来"), else, for a target at the
    plan's end, the plan's first year; left unset when nothing says it.
    """
    before = work[max(line_a, sent_a - _SENTENCE_BACK) : a]
    start: int | None = None
    how = ""
    fyp = None
    for m in _FYP_SCOPE.finditer(before):
        fyp = m
    since = None
    for n in _SINCE.finditer(before):
        since = n
    span = _span_before(work, sent_a, a)
    if fyp is not None and _fyp_end(fyp.group(1)) == v.year:
        start = next(p.first for p in words().periods if p.key == fyp.group(1))
        how = f"the sentence speaks of the {fyp.group(1)} period"
    elif since is not None and int(since.group(1)) <= v.year:
        start = int(since.group(1))
        how = f"{since.group(0)}"
    elif span is not None and not span[1].startswith(tuple(p.key for p in words().periods)):
        start = v.year - span[0] + 1
        how = f"{span[1]} to {v.year}"
    elif v.kind == "target" and v.year == ctx.period[1] > ctx.period[0]:
        start = ctx.period[0]
        how = f"a target at the end of the plan period {ctx.period[0]}-{ctx.period[1]}"
    if start is not None and start <= v.year:
        v.start_year = start
        v.flags["cumulative"] = f"{v.flags['cumulative']}; from {start}: {how}"


_TARGET_MET = pattern(lambda w: alternation(w.settle.target_met))
_NOW = pattern(lambda w: alternation(w.settle.now))


def _intents(text: str) -> Iterator[re.Match[str]]:
    """Yield the words of intent in ``text``; not a 目标 that its clause says is met.

    "超额完成目标任务,新增学位94万个", "圆满完成“十二五”规划目标任务": a target reached
    is an achievement, the 目标 in it no plan.
    """
    for m in PLANNED.finditer(text):
        if m.group(0) in words().settle.met_intent:
            clause = re.split(r"[,;。!?]", text[max(0, m.start() - 20) : m.start()])[-1]
            if _TARGET_MET.search(clause):
                continue
        yield m


# the 到/至 year alternative of PLANNED alone ("到2021年", not a plan title's years)
_DEADLINE = pattern(_deadline)


def _past_deadline(sentence: str, ctx: Context) -> bool:
    """Whether every word of intent in ``sentence`` is 到/至 a year before the page's date.

    "到2021年,学前教育三年毛入园率达到93.5%" on a page of 2022: a result. Not when another word
    of intent says a plan set it ("规划提出,到2020年…"), nor for the years of a plan's title.
    """
    intents = list(_intents(sentence))
    if not intents or ctx.page_date is None:
        return False
    for m in intents:
        deadline = _DEADLINE.fullmatch(m.group(0))
        if deadline is None or int(deadline.group(1)) >= ctx.page_date.year:
            return False
    return True


def _tense_words(text: str, *, first: bool = False) -> str | None:
    """Return "planned" or "achieved" after the last (or first) word of intent or achievement."""
    if first:
        p, q = next(_intents(text), None), ACHIEVED.search(text)
        if p is None and q is None:
            return None
        return "planned" if q is None or (p is not None and p.start() < q.start()) else "achieved"
    planned = achieved = -1
    for m in _intents(text):
        planned = m.start()
    for m in ACHIEVED.finditer(text):
        achieved = m.start()
    if planned < 0 and achieved < 0:
        return None
    return "planned" if planned > achieved else "achieved"


def _offset(rel: re.Match[str]) -> int:
    """Years from the page's year to the year a relative word names (去年 -1, 未来三年 +3)."""
    word = rel.group(0)
    if rel.group("last"):
        return -1
    if word.startswith(words().settle.next_year):
        return 1
    if rel.group("n"):
        n = rel.group("n")
        return int(n) if n.isdigit() else words().small_numbers[n]
    return 0


def _page_year(drafts: list[DIndicator], doc: Doc, starts: list[int]) -> tuple[int, str] | None:
    """Return an undated page's year, from a value stated with 明年/今年 and elsewhere with a year.

    "盐田明年新增1770个公办幼儿园学位" and "…将于2020年开办,能够新增优质学位1770个": 明年 is 2020,
    the page is of 2019.
    """
    work = doc.work
    dated: dict[tuple[str, float | None], int] = {}
    for d in drafts:
        for v in d.values:
            if not v.magnitude:
                continue
            if "year_implied" not in v.flags:
                dated.setdefault((d.unit, v.magnitude), v.year)
                continue
            # "…将于2020年开办,能够新增优质学位1770个": the one year its sentence names
            line_a, _ = _line_of(doc, starts, v.text_start)
            sent = work[_sentence_start(work, line_a, v.text_start) : v.text_start]
            years = set(_SECTION_YEAR.findall(sent))
            if len(years) == 1 and not _RELATIVE_YEAR.search(sent):
                dated.setdefault((d.unit, v.magnitude), int(years.pop()))
    for d in drafts:
        if d.origin != "prose":
            continue
        for v in d.values:
            year = dated.get((d.unit, v.magnitude))
            if "year_implied" not in v.flags or year is None:
                continue
            a = v.text_start
            line_a, _ = _line_of(doc, starts, a)
            rel = None
            for m in _RELATIVE_YEAR.finditer(work, _sentence_start(work, line_a, a), a):
                rel = m
            if rel is not None and not rel.group(0).startswith(words().settle.that_year):
                why = f"{rel.group(0)}…{v.text} is stated for {year} elsewhere"
                return year - _offset(rel), why
    return None


# "今天上午,2022年全市中小学及幼儿园招生政策发布会在…举行", "18日,…召开的2012年重庆教育工作
# 会上": the event a news lead reports, held on the day of the page, named with its year
_LEAD_EVENT = pattern(
    lambda w: (
        rf"(?:^|[。\n])\s*(?:{alternation(w.settle.today)}|\d{{1,2}}\s*{re.escape(w.dates.day)})"
        r"[^。\n]{0,30}?"
        rf"(?<![{chars(w.settle.not_about_before)}\d])((?:19|20)\d{{2}})\s*{_y(w)}"
        rf"[^,;。\n\d]{{0,24}}?(?:{alternation(w.settle.event_nouns)})"
    )
)

_YEAR_CONFERENCE = pattern(lambda w: alternation(w.settle.year_conference))
# "圆满完成“十二五”规划目标任务", "总结…“十二五”期间…取得的成绩": a five-year period done
_PERIOD_DONE = pattern(
    lambda w: (
        rf"(?:{alternation(w.settle.period_done)})[^,;。]{{0,8}}?"
        rf"[“\"]?({alternation(p.key for p in w.periods)})[”\"]?"
    )
)


def _after_period(work: str) -> tuple[int, str] | None:
    """Return the year of an undated page that reviews a five-year period as done, else None.

    A five-year plan is summed up once its last year is over, as the next one opens: a speech
    that "总结交流“十二五”期间…取得的成绩" and "圆满完成“十二五”规划目标任务" is of 2016, when it
    names no later year.
    """
    done = _PERIOD_DONE.search(work)
    if done is None:
        return None
    end = _fyp_end(done.group(1))
    if any(int(y) > end for y in _SECTION_YEAR.findall(work)):
        return None
    return end + 1, f"it reviews the {done.group(1)} as done ({done.group(0)}): written after {end}"


# after a year: the rest of an event's name (2012年重庆教育工作会)
_NAMED_EVENT = pattern(
    lambda w: (
        rf"[^,;。\d]{{0,24}}?(?:{alternation(w.settle.event_nouns)})"
        rf"(?!\s*(?:{alternation(w.settle.event_not_before)}))"
    )
)

# "预计到2020年", "将于2020年": a year a page plans for with a word of intent
_INTENDED_YEAR = pattern(
    lambda w: (
        rf"(?:{alternation(w.settle.intends_year)})[^,;。]{{0,6}}?"
        rf"(?:{alternation((*w.settle.to_year, *w.settle.at_year))})\s*"
        rf"((?:19|20)\d{{2}})\s*{_y(w)}"
    )
)


def _written_before(work: str, dated: int) -> tuple[int, str] | None:
    """Return the year a page was written in when its date is later (a copy), else None.

    A page cannot plan for a year already past when it was written: when every year it plans for
    with a word of intent ("预计到2020年") is before the year of its date (2024-05-23 on a site
    that copies news), the date is the copy's. The page was written the year after the latest
    year it names before the first year it plans for ("仅2017年增长学生数达2099人": 2018), or
    the year before that first planned year when it names none.
    """
    planned = [int(m.group(1)) for m in _INTENDED_YEAR.finditer(work)]
    if not planned or max(planned) >= dated:
        return None
    first = min(planned)
    past = [int(y) for y in _SECTION_YEAR.findall(work) if int(y) < first]
    year = max(past) + 1 if past else first - 1
    why = (
        f"the page plans for {max(planned)} with words of intent, before its date's {dated}: "
        f"written in {year}, the year after the latest year it names before {first}"
        if past
        else f"written in {year}, the year before the first year it plans for"
    )
    return year, why


def _achieved_year(sentence: str, ctx: Context, common_base: int | None) -> tuple[int, str]:
    """Return the year of an achievement without a year (the year the page reports on), and why."""
    if ctx.page_date is not None and _TO_DATE.search(sentence):
        # "截至目前,西藏共有各级各类学校3339所": the page's year
        return ctx.page_date.year, f"a total to date, on a page dated {ctx.page_date.isoformat()}"
    if ctx.page_year is not None and _NOW.search(sentence):
        # "现有中小学12所" on an undated page of 2018 (read from its words): that year
        return ctx.page_year[
            0
        ], f"a state now, on a page of {ctx.page_year[0]} ({ctx.page_year[1]})"
    # the page's other dated achievements give the year of a report that opens a year and
    # reviews the one before (a page of January to March, or of a year but no month); later in
    # the year, an achievement without a year is of the page's year
    now = _now(ctx)
    if common_base is not None and not (
        now is not None and common_base < now and not _opens_year(ctx)
    ):
        return common_base, f"the year of the page's other achievements ({common_base})"
    if ctx.page_date is not None:
        return ctx.page_date.year, f"the year of the page ({ctx.page_date.isoformat()})"
    if ctx.page_year is not None:
        return ctx.page_year[0], f"the year of the page ({ctx.page_year[1]})"
    return ctx.latest_year, f"the latest year the page names ({ctx.latest_year})"


def _clause_end(work: str, a: int) -> int:
    """Return where the clause of the value at ``a`` ends (a comma or a sentence mark)."""
    m = re.compile(r"[,;。!?:\n]").search(work, a, a + 80)
    return m.start() if m else min(len(work), a + 80)


# a year a sentence is about: "2022年博尔塔拉蒙古自治州计划投入…", "进入2022年,…"; not a date
# (2021年11月), a base (比2020年, 在2020年基础上), a start (从2015年, 2021年以来) or a
# reference (《2022年…》)
_ABOUT_YEAR = pattern(
    lambda w: (
        rf"(?<![{chars(w.settle.not_about_before)}\d])((?:19|20)\d{{2}})\s*{_y(w)}"
        rf"(?!\s*\d{{1,2}}\s*{re.escape(w.dates.month)}|\s*(?:{alternation(w.settle.not_about_after)}))"
    )
)
_CONTINUES = pattern(lambda w: rf"\s*(?:{alternation(w.settle.continues)})")
_LIST_ITEM = pattern(lambda w: rf"\s*(?:{alternation(w.settle.list_marks)})")


def _carried_year(
    work: str, line_a: int, sent_a: int, now: int | None, *, lead_only: bool = False
) -> tuple[int, str] | None:
    """Return the year the sentences before a value in its paragraph are about, and its words.

    Used on a page that is no plan text. ``now`` is the page's year when known: a word of the
    year before (去年, 过去的一年) or of this year (今年) is read from it.

    "据悉,2022年博尔塔拉蒙古自治州计划投入6196万元…。吐鲁番市计划投入…2215万元": the second
    sentence goes on with 2022. A paragraph opening with 同时/此外 goes on with the one before.
    A paragraph opening with a list mark (——, ●) is an item of a list: the time of the paragraph
    that leads the list holds for each item ("过去的一年,极不平凡。…" then "——全区教育资源
    有效扩大。…累计新建学校1 205所", "——各级各类教育亮点纷呈。…"), as in the new year's
    reviews and speeches that list last year's results this way. With ``lead_only`` only that
    leading paragraph is read.
    """
    floor = max(line_a, sent_a - _PARAGRAPH_BACK)
    lead: tuple[int, int] | None = None
    if _CONTINUES.match(work, line_a) and line_a > 0:
        k = line_a - 1
        while k > 0 and work[k - 1] in " \t\n\u3000":
            k -= 1
        floor = max(work.rfind("\n", 0, k) + 1, sent_a - _PARAGRAPH_BACK)
    elif _LIST_ITEM.match(work, line_a) and line_a > 0:
        prev_a, prev_b = _previous_line(work, line_a)
        while prev_a > 0 and _LIST_ITEM.match(work, prev_a):
            prev_a, prev_b = _previous_line(work, prev_a)
        if prev_b > prev_a and not _LIST_ITEM.match(work, prev_a):
            lead = (prev_a, prev_b)
    regions = [] if lead_only else [(floor, sent_a)]
    for lo, hi in [*regions, *([lead] if lead is not None else [])]:
        said: tuple[int, int, str] | None = None  # where, the year, its words
        for m in _ABOUT_YEAR.finditer(work, lo, hi):
            said = (m.start(), int(m.group(1)), m.group(0))
        for m in _RELATIVE_YEAR.finditer(work, lo, hi):
            # 今年, 去年, 明年 name a year from the page's; 当年 (that year), 未来三年 (a span)
            # do not carry
            if (
                now is not None
                and m.group("n") is None
                and m.group(0) not in words().settle.that_year
                and (said is None or m.start() > said[0])
            ):
                said = (m.start(), now + _offset(m), f"{m.group(0)} on a page of {now}")
        if said is not None:
            return said[1], said[2]
    if lead_only:
        return None
    line_b = work.find("\n", line_a)
    line_b = len(work) if line_b < 0 else line_b
    if line_b - line_a <= _HEAD_MAX and not _SENTENCE_MARK.search(work, line_a, line_b):
        # a subheading "将建5所小学10所幼儿园" over "2018年,龙文区将着力…": its section's year
        opener = _OPENING_YEAR.match(work, _next_line(work, line_b))
        if opener is not None:
            return int(opener.group(1)), opener.group(0).strip()
    prev_a, prev_b = _previous_line(work, line_a)
    if prev_b - prev_a <= _OPENER_MAX and (opener := _OPENING_YEAR.match(work, prev_a)):
        # "2018年,龙文区将着力补齐短板,提高民生保障水平。" then "教育方面,…投建…5所小学": a short
        # paragraph opening with a year opens the section below it
        return int(opener.group(1)), opener.group(0).strip()
    return None


# "2014—2016年,": a span of years a sentence is about (not 2014—2016年的, a name's)
_YEAR_SPAN = pattern(
    lambda w: (
        rf"(?<![{chars(w.settle.not_about_before)}\d])((?:19|20)\d{{2}})\s*{_y(w)}?\s*[—\-~]+\s*"
        rf"((?:19|20)\d{{2}})\s*{_y(w)}(?!\s*(?:{alternation(w.settle.not_about_after)}))"
    )
)

# the months that open a year: a page of them speaks of its year's plans
_EARLY_MONTHS = 3

# a subheading is a line this short without sentence marks; a section's opening paragraph (a year,
# then one short sentence) no longer than _OPENER_MAX
_HEAD_MAX = 30
_OPENER_MAX = 60


def _next_line(work: str, line_b: int) -> int:
    """Return where the next line with text after ``line_b`` starts."""
    k = line_b
    while k < len(work) and work[k] in " \t\n\u3000":
        k += 1
    return k


def _previous_line(work: str, line_a: int) -> tuple[int, int]:
    """Return the span of the last line with text before ``line_a`` (its text, stripped)."""
    k = line_a
    while k > 0 and work[k - 1] in " \t\n\u3000":
        k -= 1
    a = work.rfind("\n", 0, k) + 1
    while a < k and work[a] in " \t\u3000":
        a += 1
    return a, k


def _now(ctx: Context) -> int | None:
    """Return the page's year: of its date, else the year read from its values (None)."""
    if ctx.page_date is not None:
        return ctx.page_date.year
    return ctx.page_year[0] if ctx.page_year is not None else None


def _opens_year(ctx: Context) -> bool:
    """Whether the page is of its year's first months.

    Dated January to March, or an undated page whose lead reports the year's work conference
    (2012年重庆教育工作会), which opens a year.
    """
    if ctx.page_date is not None:
        return ctx.page_date.month <= _EARLY_MONTHS
    return ctx.opens_year


def _broken_down_year(work: str, line_a: int, sent_a: int) -> tuple[int, str, int | None] | None:
    """Return the year, words and first year of the sentence a 其中 sentence breaks down.

    The first year is that of a span of years (None when the sentence names one year). The
    sentence before must be in the same paragraph and name a span of years (their last
    year holds) or a year it is about; None otherwise.
    """
    floor = max(line_a, sent_a - _SENTENCE_BACK)
    # the whole sentence: the clauses after its semicolons break down the same total
    stop = work.rfind("。", floor, sent_a)
    if stop < 0 and floor > line_a:
        return None  # a long line without a full stop: no sentence to break down found
    start = stop + 1 if stop >= 0 else floor
    if start <= line_a or not _BREAKS_DOWN.match(work, start):
        return None
    k = work.rfind("。", floor, start - 1)
    before = work[k + 1 if k >= 0 else floor : start]
    span = max(_YEAR_SPAN.finditer(before), key=lambda m: m.start(), default=None)
    own = max(_ABOUT_YEAR.finditer(before), key=lambda m: m.start(), default=None)
    if span is not None and (own is None or own.start() <= span.end()):
        return int(span.group(2)), span.group(0), int(span.group(1))
    if own is not None:
        return int(own.group(1)), own.group(0), None
    return None


@functools.lru_cache(maxsize=4)  # once per page (a str hashes once)
def _latest_said(work: str) -> int | None:
    """Return the latest year a page speaks of: not a deadline (到2035年), base or reference."""
    years = [
        int(m.group(1))
        for m in _ABOUT_YEAR.finditer(work)
        if not _DEADLINE_BEFORE.search(work, max(0, m.start() - 2), m.start())
    ]
    return max(years, default=None)


on_change(_latest_said.cache_clear)  # its patterns change with the words

# 到/至 right before a year: a deadline, no year a page speaks of as its own
_DEADLINE_BEFORE = pattern(lambda w: rf"(?:{alternation(w.settle.to_year)})\s*$")


# "力争用五年时间完成…", "从2011年开始的三年时间内": a span of years ahead; its count is group 1
_SPAN_AHEAD = pattern(
    lambda w: (
        "".join(rf"(?<!{re.escape(back)})" for back in w.settle.span_back)
        + rf"(?:{alternation(w.settle.span_lead)})?\s*"
        rf"([{''.join(w.small_numbers)}\d]{{1,2}})\s*{_y(w)}\s*{_of(w)}?\s*"
        rf"(?:{alternation(w.settle.span_ahead)})"
    )
)
# where such a span starts: 从2011年开始, 从今年起 (group 1 the year)
_SPAN_START = pattern(
    lambda w: (
        rf"(?:{alternation(w.settle.change_from)})\s*"
        rf"(?:((?:19|20)\d{{2}})\s*{_y(w)}|{alternation(w.settle.this_year)})\s*"
        rf"(?:{alternation(w.settle.span_starts)})?"
    )
)
# the longest span of years ahead read (用10年时间)
_SPAN_MAX = 10


def _span_ahead(sentence: str, rest: str, ctx: Context) -> tuple[int, int, str] | None:
    """Return the last and first year of a span of years ahead its sentence plans, and why.

    ``sentence`` is the sentence before the value, ``rest`` the sentence after it. "从2011年开始
    的三年时间内,…将安排20亿元": 2011 to 2013; "计划用7年的时间,投资64211.9万元" on a page of 2009:
    to 2015; after the value when its start is before it: "西宁市将从今年起,总投资17.89亿元,力争
    用五年时间完成…" on a page of 2014, 2014 to 2018. None without a span, or without a start on
    a page of no known year.
    """
    span = max(_SPAN_AHEAD.finditer(sentence), key=lambda m: m.start(), default=None)
    if span is None and _SPAN_START.search(sentence):
        span = _SPAN_AHEAD.search(sentence + rest, len(sentence))
        sentence = sentence + rest
    if span is None:
        return None
    n = span.group(1)
    years = int(n) if n.isdigit() else words().small_numbers.get(n)
    if not years or years > _SPAN_MAX:
        return None
    start = max(
        _SPAN_START.finditer(sentence, 0, span.start()), key=lambda m: m.start(), default=None
    )
    first = int(start.group(1)) if start is not None and start.group(1) else _now(ctx)
    if first is None:
        return None
    said = start.group(0).strip() if start is not None else f"from the page's year, {first}"
    return first + years - 1, first, f"{span.group(0).strip()} {said}, the span's last year"


def _settle_one(
    v: DValue,
    work: str,
    line_a: int,
    sent_a: int,
    a: int,
    ctx: Context,
    headings: list[tuple[int, int | None, str]],
    head_starts: list[int],
    common_base: int | None,
) -> None:
    sentence = work[sent_a:a]
    paragraph = work[max(line_a, a - _PARAGRAPH_BACK) : a]
    if "year_implied" not in v.flags and _ON_BASE.search(work[max(sent_a, a - 40) : a]):
        v.year = ctx.period[1]
        v.kind = "target"
        v.flags["year_implied"] = (
            "the year written is the base of the change (在…年基础上); the plan's end year applies"
        )
        return
    implied = "year_implied" in v.flags
    tense: str | None = None
    how = ""
    if implied and work[sent_a - 1 : sent_a] == ";":
        # "2016年,全市有幼儿园1633所…;学前三年毛入园率95.3%": the clause after a semicolon keeps
        # the year that opens its sentence
        floor = max(line_a, sent_a - _SENTENCE_BACK)
        k = work.rfind("。", floor, sent_a)
        opener = _OPENING_YEAR.match(work, k + 1 if k >= 0 else floor)
        if opener is not None:
            v.year = int(opener.group(1))
            how = f"the sentence before the semicolon opens with {v.year}"
            if v.year < ctx.period[0]:
                v.kind = "baseline"
            v.flags["year_implied"] = f"no year is written; {how}"
            implied = False
    if implied and (part_of := _broken_down_year(work, line_a, sent_a)) is not None:
        # "2016—2018年我县义务教育学校建设累计投入资金16073.8万元,建设项目605个…。其中全面改薄
        # 9159万元,建设项目124个": the sentence breaks down the total before it, of its years
        v.year, said_at, first = part_of
        how = f"its sentence breaks down the one before, about {v.year} ({said_at})"
        if v.year < ctx.period[0]:
            v.kind = "baseline"
        if first is not None:
            # the parts of a total over a span of years are totals over it too
            v.flags.setdefault("cumulative", f"a part of a total over the years {said_at}")
            v.start_year = v.start_year or first
        v.flags["year_implied"] = f"no year is written; {how}"
        implied = False
    if implied:
        rel = None
        for m in _RELATIVE_YEAR.finditer(sentence):
            rel = m
        span = max(_YEAR_SPAN.finditer(sentence), key=lambda m: m.start(), default=None)
        ahead = (
            _span_ahead(sentence, work[a : _sentence_end(work, a)], ctx)
            # not a span the work was done in (用三年时间,全市新建了…)
            if ctx.mode != "plan" and _tense_words(sentence) != "achieved"
            else None
        )
        if ahead is not None:
            # "西宁市将从今年起,…力争用五年时间完成…": the value is planned over the span, for
            # its last year (a total over it from its first)
            v.year, first, how = ahead
            if "cumulative" in v.flags and v.start_year is None:
                v.start_year = first
        elif span is not None and (rel is None or rel.start() < span.start()):
            # "据悉,2014—2016年,西安市共投入资金10亿元,新建、改扩建幼儿园458所": what the span of
            # years did, a total over it, stands at its last year
            v.year = int(span.group(2))
            how = f"the sentence speaks of the years {span.group(0)}: their last"
            if "cumulative" in v.flags and v.start_year is None:
                v.start_year = int(span.group(1))
        elif (
            own := max(
                (
                    m
                    for m in _ABOUT_YEAR.finditer(sentence)
                    if not _NAMED_EVENT.match(sentence, m.end())
                ),
                key=lambda m: m.start(),
                default=None,
            )
        ) is not None and (rel is None or rel.start() < own.start()):
            # "全市优质园比例在2021年提升了21个百分点,达到60%": the year its sentence is about;
            # not the year of an event's name (在此间召开的2012年重庆教育工作会上称,…达73%)
            v.year = int(own.group(1))
            how = f"its sentence is about {v.year} ({own.group(0)})"
        elif rel is not None and ctx.page_date is not None:
            word = rel.group(0)
            v.year = ctx.page_date.year + _offset(rel)
            how = f"{word} on a page dated {ctx.page_date.isoformat()}"
            first, last = ctx.period
            if (
                rel.group("n")
                and last - first + 1 == _offset(rel)
                and first <= ctx.page_date.year
                and v.year == last + 1
            ):
                # "…发布《北京市“十四五”时期教育改革和发展规划》,明确提出未来五年,…规划建设17所"
                # on a page of 2021: the five years are the plan's own, 2021-2025
                v.year = last
                how = f"{word} of the plan period {first}-{last}, on a page of {first}"
        elif rel is not None and ctx.page_year is not None:
            word = rel.group(0)
            v.year = ctx.page_year[0] + _offset(rel)
            how = f"{word} on a page of {ctx.page_year[0]} ({ctx.page_year[1]})"
        else:
            k = bisect.bisect_right(head_starts, a) - 1
            fyp = None
            for m in _FYP_SCOPE.finditer(paragraph):
                fyp = m
            # the sentence to its full stop: the clauses after its semicolons keep its 目前
            whole = work[max(line_a, work.rfind("。", max(0, sent_a - _SENTENCE_BACK), a) + 1) : a]
            if (
                ctx.mode != "plan"
                and (now_word := _NOW.search(whole)) is not None
                and (page := _now(ctx)) is not None
            ):
                # "“十二五”期间,…投入…50.31亿元…。到目前,实施新建、扩建幼儿园项目1 122个…;利用
                # 农村闲置校舍改建幼儿园1 376所…": 目前 is the page's time, not the period its
                # paragraph reviews
                v.year = page
                how = f"{now_word.group(0)} on a page of {page}"
            elif fyp is not None:
                v.year = _fyp_end(fyp.group(1))
                tense = "review" if v.year < ctx.period[0] or ctx.summary else None
                how = f"the paragraph speaks of the {fyp.group(1)} period"
                if (
                    fyp.group(0).endswith(words().settle.since_start)
                    and (page := _now(ctx)) is not None
                    and page < v.year
                ):
                    # "“十三五”以来,西宁市…完成投资39亿元" on a page of 2019-01-15: since the period
                    # began, to the page's year (the period's end is still ahead)
                    v.year = page
                    tense = "review"
                    how += f" to date (on a page of {page})"
            elif k >= 0 and (head_year := headings[k][1]) is not None:
                v.year = head_year
                tense = headings[k][2]
                how = f"the section heading at {headings[k][0]} names {head_year}"
            elif (
                ctx.mode != "plan"
                and not (ctx.page_date is not None and _NOW.search(sentence))
                and (
                    carried := _carried_year(
                        work,
                        line_a,
                        sent_a,
                        _now(ctx),
                        # a total to date (累计) is of the page's date, not of a year its
                        # paragraph names; the time that leads a list still holds
                        lead_only=ctx.page_date is not None
                        and _TO_DATE.search(sentence) is not None,
                    )
                )
            ):
                v.year, said_at = carried
                how = f"the sentence before it names {v.year} ({said_at})"
            elif ctx.bulletin is not None:
                v.year = ctx.bulletin[0]
                tense = "review"
                how = f"a bulletin of the figures of {v.year} ({ctx.bulletin[1][:24]}…)"
            if tense is None and k >= 0 and headings[k][1] is None and ctx.mode == "report":
                tense = headings[k][2] or None  # a heading of tense alone: 任务安排, 落实情况
            if (
                not how
                and rel is not None
                and ctx.mode != "plan"
                and rel.group(0) in words().settle.this_year
                and (latest := _latest_said(work)) is not None
            ):
                # "作为苏州市2018年实事项目之一,苏州将在今年新建…36所" on a page of no date: 今年 is
                # the latest year the page speaks of, not the end of a period it names (2035)
                v.year = latest
                how = f"{rel.group(0)} on a page of no date, the latest year it speaks of"
    # the nearest word of intent or achievement before the value: in its sentence, else in
    # its paragraph
    in_sentence = _tense_words(sentence)
    in_paragraph = _tense_words(paragraph)
    if in_sentence == "planned" and ctx.mode != "plan" and _past_deadline(sentence, ctx):
        # "到2021年,学前教育三年毛入园率达到93.5%" on a news page of 2022-08-10: a year already
        # past at the page's date is no deadline ahead; what it says of that year is a result
        in_sentence = None
    if ctx.mode != "report":
        # a plan text, or a page that reports a plan: the reader's sections say what is
        # reviewed and what is planned; on a page that reports a plan, words of achievement
        # also make a baseline
        if how:
            v.flags["year_implied"] = f"no year is written; {how}"
            # a year before the period is reviewed; on a page that reports a plan, not when
            # its paragraph says intent ("长沙市计划在2015年新建…45所,…;每个乡镇办好2-3所公办
            # 幼儿园" on a page whose 到2020年 made the period 2020)
            if tense == "review" or (
                tense is None
                and v.year < ctx.period[0]
                and not (ctx.mode == "mixed" and in_paragraph == "planned")
            ):
                v.kind = "baseline"
            elif tense == "ahead":
                v.kind = "target"
        if ctx.mode == "mixed" and in_sentence is None:
            # "32个新建、改扩建项目已基本完工": the words right after the value, in its clause
            in_sentence = _tense_words(work[a + len(v.text) : _clause_end(work, a)], first=True)
        if ctx.mode == "mixed" and in_sentence == "achieved":
            v.kind = "baseline"
            if implied and not how:
                # "近年来,…先后改扩建学校342所" on a page about a plan: done by the page's year,
                # not planned for the plan's end
                year, how = _achieved_year(sentence, ctx, common_base)
                v.year = year
                v.flags["year_implied"] = f"no year is written; {how}"
        elif ctx.mode == "mixed" and in_sentence == "planned" and not implied:
            v.kind = "target"  # "计划2018年底实现每个乡镇至少有1所…" on a page about a plan
        elif (
            ctx.mode == "mixed"
            and (not implied or how.startswith("the sentence before"))
            and ctx.page_date is not None
            and v.year < ctx.page_date.year
        ):
            # "2019年我国九年义务教育巩固率为94.8%。…普通小学招生1869.0万人" on a page of
            # 2020-03-01 that names a plan: no page plans for a year already past at its date;
            # a figure of that year, written or carried from the sentence before, is a result
            v.kind = "baseline"
        return
    now = ctx.page_date.year if ctx.page_date is not None else ctx.latest_year
    said = in_sentence
    task = _TASK_AFTER.match(work, a)
    if said is None and task is not None and not _TARGET_MET.search(task.group(0)):
        said = "planned"  # "…2020年底达到80%的任务"
    if said is None and _TASK_BEFORE.search(work, max(sent_a, a - 6), a):
        said = "planned"  # "全县公办园学位建设任务1467个,实际完成1695个": the task set
    if said is None and _TASK_LEAD.search(
        work, max(line_a, work.rfind("。", max(0, sent_a - _SENTENCE_BACK), a) + 1), a
    ):
        said = "planned"  # "…建设任务为,市区新建、改扩建中小学30所,…;全市新建幼儿园40所"
    # a year carried from the sentences before and already past at the page's date: words of
    # intent outside the value's own sentence do not plan it
    carried_past = bool(ctx.page_date is not None and how and v.year < ctx.page_date.year)
    if said is None:
        end = min((k for k in (work.find(m, a) for m in "。;!?\n") if k >= 0), default=len(work))
        said = _tense_words(work[a:end], first=True)  # "新增幼儿学位3.6万个,力争到2025年…"
        if said == "planned" and carried_past:
            said = None
    if (
        said is None
        and tense is None
        and _opens_year(ctx)
        and v.year == _now(ctx)
        and (not implied or how)
    ):
        # a page of January to March on its own year ("今年我市确定的新建续建项目中,直属学校项目
        # 4个" on 2022-03-29; the 两会 and work meetings that open a year): the year has hardly
        # begun, what it says of that year without a word of achievement is what is planned
        said = "planned"
    if (
        said is None
        and tense is None
        and implied
        and not how
        and in_paragraph is None
        and _opens_year(ctx)
        and (page := _now(ctx)) is not None
        and common_base in (None, page)
    ):
        # "今年,张家川回族自治县将投资6512万元建设28个教育项目…" then "这28个教育项目总计建筑面积达
        # 3万多平方米,其中包括投资2200万元的县二中…" on 2013-03-24: a value without a year or any
        # word of tense in its paragraph, on a page of its year's first months whose other
        # achievements are of no earlier year, is what the year plans
        v.year = page
        how = f"no word of tense on a page of the first months of {page}: planned for it"
        said = "planned"
    if said is None and tense is None and implied and not carried_past:
        # a value whose sentence writes its own year ("2020年秋季,全区新改扩建13所幼儿园" after
        # "未来5年将建设至少22所学校"): the words of intent or achievement of the sentences about
        # other years do not reach it; its year against the page's decides below. A value whose
        # year, carried from the sentences before, is already past at the page's date is not
        # planned by a word of intent elsewhere in its paragraph (2019年,…预计达94.77%左右。…开展
        # 44所综合高中试点建设 on a page of 2020-03-21)
        said = in_paragraph
    if ctx.summary and not (not implied and v.year > now):
        kind = "baseline"  # a work summary reports what was done
    elif said == "planned":
        kind = "target"
    elif said == "achieved" or tense == "review":
        kind = "baseline"
    elif tense == "ahead":
        kind = "target"
    elif not implied:
        # a report: a year before the page's is past; its own year is past unless intent is said
        kind = "target" if v.year > now else "baseline"
    else:
        kind = "baseline"
    if kind == "baseline" and implied and not how:
        v.year, how = _achieved_year(sentence, ctx, common_base)
    if how:
        v.flags["year_implied"] = f"no year is written; {how}"
    v.kind = kind


def period_totals(indicators: list[Indicator], period: tuple[int, int]) -> list[Indicator]:
    """Give a total over years without a first year the plan's first year, when it is the plan's.

    A value its catalog key makes a total (新增学位 3.6万个: ``cumulative``) that is a target for
    the last year of a plan of several years is a total over the plan period: ``start_year`` is
    the plan's first year (said in the value's note). Any other total keeps no ``start_year``.
    """
    first, last = period
    if last <= first:
        return indicators

    def dated(v: Baseline | Target) -> Baseline | Target:
        if (
            v.measure not in PERIOD_MEASURES
            or v.start_year is not None
            or v.kind != "target"
            or v.year != last
        ):
            return v
        why = f"start_year {first}: a total for the end of the plan period {first}-{last}"
        return dataclasses.replace(v, start_year=first, note=f"{v.note}; {why}" if v.note else why)

    return [map_values(ind, dated) for ind in indicators]
