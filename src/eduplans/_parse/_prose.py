"""Prose targets: values stated in sentences ("学前三年毛入园率达到95%以上").

Every number with a unit in the running text (outside tables and web chrome) is a candidate. The
value text is read by :func:`eduplans.parse_value`; the rules here decide what it is:

* **what**: the indicator name is the noun phrase before the value (``X达到Y%``), or after it
  when a verb leads (``新建2—3所高职院校``); a bare name in a list takes its subject from the
  list (``义务教育入学率达到100%、巩固率达到98%``; ``小学、初中…分别达到93%和98%``);
* **comparator**: the value's own words (``97%以上``, ``不超过60分钟``, ``3—5所``), or a word
  earlier in the clause (``至少建设1所``, ``分别不少于10小时、9小时``: flag
  ``comparator_from_context``);
* **kind and year**: a year in the sentence (``到2025年``, ``2022年``) scopes the values after it;
  without one, a target is for the plan's end year and a value in a section reviewing the past
  (十三五 achievements) is a baseline of the year before the plan (flag ``year_implied``);
* **not targets**: years and dates, list numbers, document titles in 《》, names in “”, ages,
  thresholds that define who a rule applies to (``20万人口以上的县``, ``600名学生以上``),
  conditions (``满25年``), programme names (``5G``, ``2+1``);
* Chinese numerals are read (by cn2an, on the numeral only) where a verb or 至少 leads them
  (``至少配备一名``, ``建成一个``); 全覆盖, 覆盖全体, 所有…达到 are read as 100% (flag
  ``number_from_words``).
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .._errors import ValueTextError
from .._units import parse_value
from .._vocab import Comparator
from .._words import WordPattern, Words, alternation, chars, on_change, pattern, words
from ._doc import Doc
from ._draft import (
    DIndicator,
    DValue,
    bare_unit_of_name,
    names_nothing,
    names_of,
    unit_from_noun,
)

__all__ = ["read_prose"]

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_NUMBER = re.compile(rf"(?<![\d.A-Za-z+/@_:])(?<!\d,)({_NUM})")
_UNITS = ""  # unit words and classifiers after a number, from data/words.toml (see _build)
_TAIL = re.compile("")
_LIST_UNIT = re.compile("")
_UNIT_AT = re.compile("")


def _build() -> None:
    """Build the unit patterns from the words data (again when eduplans._words.use_words runs)."""
    global _UNITS, _TAIL, _UNIT_AT, _LIST_UNIT
    w = words()
    classifiers = [x for x in w.classifiers if x not in w.prose_ambiguous]
    _UNITS = alternation([*(x for u in w.units for x in u.words), *classifiers])
    _TAIL = re.compile(
        rf"(?P<r>\s*(?:—{{1,2}}|{alternation(w.range)})\s*(?P<n2>{_NUM}))?"
        rf"(?P<a1>{alternation(w.hedge)})?(?P<sc>{alternation(w.scales)})?"
        rf"(?P<a2>{alternation(w.hedge)})?(?P<sp>\s*)(?P<u>{_UNITS})?"
    )
    _UNIT_AT = re.compile(rf"(?P<u>{_UNITS})?")
    # the rest of a list whose unit stands after its last item only (分别提高2.1、0.8、3.5个百分点;
    # 分别新增3.2万和8000个)
    scaled = rf"{_NUM}(?:{alternation(w.hedge)})?(?:{alternation(w.scales)})?"
    joint = f"[{chars(w.prose.list_joints)}]"
    _LIST_UNIT = re.compile(
        rf"(?:\s*{joint}\s*{scaled})*?\s*{joint}\s*(?P<last>{scaled}\s*(?P<u>{_UNITS}))"
    )


_build()
on_change(_build)


_NUM_AT = re.compile(_NUM)


@lru_cache(maxsize=16)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(alternation(names))


@lru_cache(maxsize=4)
def _bare_units(w: Words) -> frozenset[str]:
    return frozenset(u.key for u in w.units if u.bare)


def _head_clause(s: str, i: int) -> str:
    """Return the clause before ``i``'s when it ends in a name (…综合差异系数,小学、初中分别…)."""
    cs = _clause_start(s, i)
    return s[_clause_start(s, cs - 1) : cs - 1].rstrip() if cs > 0 else ""


def _bare_unit_before(s: str, i: int) -> str | None:
    """Return the bare unit a name before position ``i`` gives a number without a unit word.

    The name stands in the number's clause (差异系数小学为0.54) or ends the clause before it
    (校际综合差异系数,小学、初中分别小于或等于0.50、0.45).
    """
    found = bare_unit_of_name(s[_clause_start(s, i) : i])
    if found is None:
        head = _head_clause(s, i)
        found = bare_unit_of_name(head)
        if found is not None and not any(head.endswith(n) for n in names_of(found)):
            found = None
    return found


def _name_word(s: str, i: int, unit: str) -> str:
    """Return the last of ``unit``'s name words before position ``i`` (its clause or the head)."""
    clause = _head_clause(s, i) + s[_clause_start(s, i) : i]
    found = [m.group(0) for m in _names_pattern(names_of(unit)).finditer(clause)]
    return found[-1] if found else unit


_TAIL_RANGE_AFTER_UNIT = pattern(
    lambda w: rf"\s*(?:—{{1,2}}|{alternation(w.prose.range_after_unit)})\s*(?P<n2>{_NUM})(?P<u2>%)"
)


@lru_cache(maxsize=4)
def _suffixes(w: Words) -> str:
    return alternation(x for c in w.comparators for x in c.suffix)


@lru_cache(maxsize=64)
def _unit_words(w: Words, key: str) -> tuple[str, ...]:
    """Return the words of the unit ``key`` (none when the words data has no such unit)."""
    return next((u.words for u in w.units if u.key == key), ())


# Comparator, unit and date words from data/words.toml; the rules' own words from its [prose].
_SUFFIX = pattern(lambda w: rf"\s*({_suffixes(w)})")
_PREFIX = pattern(lambda w: rf"({alternation(x for c in w.comparators for x in c.prefix)})\s*$")
_CHANGE = pattern(lambda w: rf"({alternation(w.prose.change_lead)})\s*$")
_CONTEXT_CMP = pattern(lambda w: alternation(x for c in w.comparators for x in c.context))


def _context_word(word: str) -> Comparator:
    """Return the comparator a context word gives a value later in its clause."""
    return next(Comparator(c.key) for c in words().comparators if word in c.context)


_YEAR = pattern(
    lambda w: (
        rf"(?<![\d.])((?:19|20)\d{{2}})(?:(?P<nian>\s*(?:{re.escape(w.dates.school_year)}"
        rf"|{re.escape(w.dates.year)})"
        rf"(?!{alternation(w.dates.year_not_before)}))|(?=\d{{1,2}}{re.escape(w.dates.month)})"
        rf"|(?=[^\d{chars(w.prose.not_year_before)}]))"
    )
)
# Verbs and comparator words a name may end in ("学前三年毛入园率保持在"): stripped as a run
# ([prose] name_end in data/words.toml). Words overlap (保持在 = 保持 + 在, 已有 = 已 + 有), so a
# regex ``(?:…)+$`` reads a run in exponentially many ways; _verb_run_start finds the run by a
# linear scan instead.
_LEAD = pattern(
    lambda w: (
        rf"^(?:(?:{alternation(w.prose.name_lead)})(?!{alternation(w.prose.name_lead_not_before)})|"
        # a span of years first: "2016—2018年我县学前教育累计投入资金" names no span
        rf"(?:19|20)\d{{2}}\s*{re.escape(w.dates.year)}?\s*[—\-~]+\s*(?:19|20)\d{{2}}\s*"
        rf"{re.escape(w.dates.year)}|"
        rf"[{chars(w.prose.lead_year_before)}]?(?:19|20)\d{{2}}{re.escape(w.dates.year)}?"
        rf"(?:{alternation((*w.prose.year_end, *w.prose.year_before))})?{re.escape(w.prose.of)}?|"
        rf"{alternation(w.meta.target_by)}|{alternation(w.prose.clause_lead)}|、|,|:|"
        # a bullet or a list number: "●完成…", "2)普高证书会考合格率", "一、高二年级…"
        rf"[●○■□◆◇▲△•·▪]|\(?\d{{1,2}}\)|\d{{1,2}}、|[{chars(w.heading.list_numerals)}]{{1,2}}、)+"
    )
)
_AFTER_VERB = pattern(lambda w: rf"(?:{alternation(w.prose.lead_verbs)})$")
_REVIEW_ONLY_CHANGE = pattern(lambda w: alternation(w.prose.change))


@dataclass
class _Found:
    start: int  # value text start (work offsets)
    end: int
    comparator: Comparator
    magnitude: float | None
    upper: float | None
    unit: str
    flags: dict[str, str]
    words: bool = False  # number from words / Chinese numerals
    name: str = ""  # the indicator name, when the rule that found the value knows it
    quote_start: int | None = None


def _excluded_spans(s: str, base: int) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(r"《[^》]{0,80}》|“[^”]{0,30}”|\"[^\"]{0,30}\"|【[^】]{0,40}】", s):
        spans.append((base + m.start(), base + m.end()))
    return spans


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` lies in one of ``spans`` (sorted by start and not overlapping)."""
    k = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


# --- per-sentence indexes: every look-up a value makes costs O(log n), not a rescan ---------
# The helpers are cached on the sentence string (its hash is computed once), so that the
# readers below can keep asking "where does the clause start" and "is 每年 in this clause"
# for every value without rescanning the sentence: the parser's cost stays linear in its input.


@lru_cache(maxsize=16)
def _occurrences(pattern: re.Pattern[str] | WordPattern, s: str) -> tuple[list[int], list[int]]:
    """Return every match of ``pattern`` in ``s`` at every position.

    The starts, and the least end of the matches from each start on (a suffix minimum).

    For patterns whose alternatives cannot both match at one position (every pattern it is used
    with), a match lies inside ``s[a:b]`` exactly when ``pattern.search(s[a:b])`` finds one.
    """
    starts: list[int] = []
    ends: list[int] = []
    for m in re.finditer(f"(?=({pattern.pattern}))", s):
        starts.append(m.start())
        ends.append(m.end(1))
    for k in range(len(ends) - 2, -1, -1):
        ends[k] = min(ends[k], ends[k + 1])
    return starts, ends


on_change(_occurrences.cache_clear)  # its patterns change with the words


def _found_in(pattern: re.Pattern[str] | WordPattern, s: str, a: int, b: int) -> bool:
    """Whether ``pattern.search(s[a:b])`` finds a match, without slicing or rescanning."""
    starts, least_end = _occurrences(pattern, s)
    k = bisect.bisect_left(starts, a)
    return k < len(starts) and least_end[k] <= b


@lru_cache(maxsize=16)
def _first(s: str, word: str) -> int:
    return s.find(word)


def _before(s: str, word: str, i: int) -> bool:
    """Whether ``word in s[:i]``."""
    k = _first(s, word)
    return k >= 0 and k + len(word) <= i


_MONTH = pattern(lambda w: rf"\d{{1,2}}{re.escape(w.dates.month)}")
_SINCE = pattern(lambda w: alternation(w.prose.since))
_YEAR_LEAD = pattern(lambda w: rf"(?:{alternation(w.prose.year_lead)})\s*$")
_COMPARE_LEAD = pattern(lambda w: rf"(?:{alternation(w.prose.compare_lead)})\s*$")


# the second year of a range (2021—2025, 2017学年~2018学年), and a range of school years
_RANGE_END = pattern(
    lambda w: (
        rf"\d{{4}}\s*(?:{re.escape(w.dates.school_year)}|{re.escape(w.dates.year)})?"
        r"\s*[—\-~]\s*$"
    )
)
_SCHOOL_YEARS = pattern(
    lambda w: (
        rf"\s*(?:{re.escape(w.dates.school_year)})?\s*[—\-~]\s*(?:19|20)\d{{2}}\s*"
        rf"{re.escape(w.dates.school_year)}"
    )
)


def _years(s: str, base: int, excl: list[tuple[int, int]]) -> list[tuple[int, int, int, str]]:
    """Year mentions of a sentence: (start, end, year, role) with role scope|compare."""
    out: list[tuple[int, int, int, str]] = []
    for m in _YEAR.finditer(s):
        a = base + m.start()
        if _inside(a, excl):
            continue
        after = s[m.end() : m.end() + 8]
        before = s[max(0, m.start() - 3) : m.start()]
        if _RANGE_END.search(s, max(0, m.start() - 8), m.start()) or (
            re.match(r"\s*[—\-~]\s*(?:19|20)\d{2}", after)
            and not _SCHOOL_YEARS.match(s, m.end() - len(m.group("nian") or ""))
        ):
            continue  # 2021—2025: a period, not a scope; 2017—2018学年 is the year 2017
        if not m.group("nian") and not _YEAR_LEAD.search(before) and not _MONTH.match(s, m.end()):
            continue
        role = "compare" if _COMPARE_LEAD.search(before) else "scope"
        q = m.end() - (1 if m.group("nian") else 0)
        while q < len(s) and s[q] == words().dates.year:
            q += 1
        if _SINCE.match(s, q):
            continue  # 自2019年起: a starting point, not the year of the values
        out.append((a, base + m.end(), int(m.group(1)), role))
    return out


_RATIO_COLON = re.compile(r"\d:\d")


@lru_cache(maxsize=16)
def _boundaries(s: str) -> list[int]:
    """Positions of the clause marks , ; : 。 of a sentence outside brackets.

    Cached per sentence: callers must not change the list.
    """
    # the colon of a ratio (17:1, 1:13.5) is no clause mark
    return [k for k in _outside_brackets(s, ",;:。") if not _RATIO_COLON.match(s, k - 1)]


def _outside_brackets(s: str, marks: str) -> Iterator[int]:
    """Positions of the characters ``marks`` in ``s`` that stand outside round brackets."""
    depth = 0
    for k, ch in enumerate(s):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        elif ch in marks and depth == 0:
            yield k


def _clause_start(s: str, i: int) -> int:
    """Start (in s) of the clause holding position i: after the last , ; : before it."""
    bounds = _boundaries(s)
    k = bisect.bisect_left(bounds, i)
    return bounds[k - 1] + 1 if k else 0


def _clause_end(s: str, i: int) -> int:
    bounds = _boundaries(s)
    k = bisect.bisect_left(bounds, i)
    return bounds[k] if k < len(bounds) else len(s)


_ABOVE_OF = pattern(lambda w: rf"(?:{alternation(w.prose.above_below)}){re.escape(w.prose.of)}")
_THRESHOLD = pattern(lambda w: rf"[\u4e00-\u9fff]{{1,4}}?(?:{alternation(w.prose.threshold)})")
_BOUND_WORD = pattern(lambda w: rf"(?:{_suffixes(w)})")
_OF_PLACE = pattern(lambda w: rf"{re.escape(w.prose.of)}(?:{alternation(w.prose.of_place)})")
#: A number after an ordinal (第3) or a condition (满25年), a letter or a dash is no value.
_NOT_VALUE_AFTER = pattern(
    lambda w: (
        rf"(?:{alternation((*w.heading.ordinal, *w.prose.condition))})\s*$"
        r"|[A-Za-z+\-—~]$|No\.?\s*$"
    )
)


def _read_number(
    s: str, i: int, m_end: int, excl: list[tuple[int, int]], base: int
) -> _Found | None:
    """Read the value whose number starts at s[i:m_end]; None when it is no value."""
    num = s[i:m_end]
    if len(num) > 1 and num[0] == "0" and "." not in num:
        return None
    w = words()
    pw = w.prose
    if (
        re.search(
            rf"[{chars(''.join(w.small_numbers))}]{re.escape(pw.programme_count)}$",
            s[max(0, i - 2) : i],
        )
        and s[m_end : m_end + 1] == "%"
    ):
        return None  # 四个100%: the name of a programme
    before = s[max(0, i - 6) : i]
    if _NOT_VALUE_AFTER.search(before) and not re.search(
        r"[—\-~]\s*$", before[-1:] if before else ""
    ):
        return None
    if re.search(r"[—\-~]$", before):
        return None  # the second end of a range read with its first
    # a ratio written 1:17 (师生比): the number is the one after the unit's words before it
    lead = next(
        (
            b
            for u in w.units
            for b in u.before
            if s.startswith(b, i) and _NUM_AT.match(s, i + len(b))
        ),
        None,
    )
    if lead is not None:
        n2 = _NUM_AT.match(s, i + len(lead))
        assert n2 is not None
        m_end = n2.end()
    t = _TAIL.match(s, m_end)
    assert t is not None
    end = t.end()
    unit_word = t.group("u")
    if unit_word and t.end() < len(s) and s[t.end()] in pw.not_unit_before.get(unit_word, ""):
        end = t.start("u") if t.group("u") else end
        end -= len(t.group("sp") or "")
        unit_word = None
    if lead is not None and unit_word is None:
        unit_word = lead
    if unit_word in ("M",) and re.match(r"[A-Za-z]", s[t.end() : t.end() + 1]):
        return None
    # 95%—98%: a range whose first end carries the unit
    if unit_word == "%" and not t.group("r"):
        r2 = _TAIL_RANGE_AFTER_UNIT.match(s, end)
        if r2:
            end = r2.end()
    if t.group("r") and not unit_word and not t.group("sc"):
        return None  # "0379-63212345", "2021-2025": no unit, no value
    if re.match(r"\s*[A-Za-z+]", s[end : end + 2]) and unit_word not in ("M", "Mbps"):
        return None
    year_like = re.fullmatch(r"(?:19|20)\d{2}", num) is not None
    years = _unit_words(w, "year")
    if year_like and (unit_word in years or not unit_word):
        return None
    if unit_word in years:
        nxt = s[end : end + 6]
        prev = s[max(0, i - 4) : i]
        in_list = _before(s, pw.respectively, i) or "." in num
        if _ABOVE_OF.match(s, end) or not (
            in_list
            or re.match(alternation(pw.duration_after), nxt)
            or re.search(rf"(?:{alternation(pw.duration_before)})\s*$", prev)
        ):
            return None
    list_last = ""
    if not unit_word:
        sc = t.group("sc")
        after = s[end : end + 4]
        persons = alternation(pw.scaled_persons)
        listed = _LIST_UNIT.match(s, end) if _before(s, pw.respectively, i) else None
        if sc and (
            re.match(rf"(?:{alternation(pw.scaled_person_classifier)})?(?:{persons})", after)
            or _PERSONS_BEFORE.search(s, max(0, i - 20), i)  # "在校生总人数达92.2万,"
        ):
            unit_ctx = "person"
        elif listed is not None:
            list_unit = _list_unit(s, listed, i)
            if list_unit is None:
                return None
            unit_ctx = list_unit
            list_last = listed.group("last")
        elif (bare := _bare_unit_before(s, i)) is not None:
            unit_ctx = bare  # 差异系数小学为0.54: a coefficient has no unit word
        else:
            return None
    else:
        unit_ctx = None
    # a threshold that defines who a rule applies to: "20万人口以上的县", "600名学生以上"
    if unit_word != "%" and _THRESHOLD.match(s, end) and not _BOUND_WORD.match(s, end):
        return None
    suffix = _SUFFIX.match(s, end)
    flags: dict[str, str] = {}
    if suffix:
        if (
            unit_word != "%"
            and s[suffix.end() : suffix.end() + 1] == pw.of
            and not re.search(r"[%]", s[i:end])
        ) and _OF_PLACE.match(s, suffix.end()):
            return None
        end = suffix.end()
    start = i
    p = _PREFIX.search(s, max(0, i - 4), i)
    if p is not None and p.end() == i:
        start = p.start()
    elif unit_word in _unit_words(w, "percentage_point"):
        c = _CHANGE.search(s, max(0, i - 3), i)
        if c is not None:
            start = c.start()
    text = s[start:end]
    if t.group("sp") and unit_word:
        flags["text_defect"] = f"a stray space before the unit in {text!r}"
    ctx = unit_ctx
    if unit_word in pw.noun_classifiers:
        ctx = _noun_unit(s, end, i)
    pv = None
    for attempt in (text, re.sub(rf"({_suffixes(w)})$", "", text)):
        try:
            pv = parse_value(attempt, unit=ctx)
            break
        except ValueTextError:
            try:
                pv = parse_value(attempt)
                break
            except ValueTextError:
                continue
    if pv is None or pv.value is None:
        return None
    if attempt != text:
        end = start + len(attempt)
    unit = pv.unit or ctx
    if unit is None:
        return None
    if (
        unit != ctx
        and (names := names_of(unit))
        and not _found_in(_names_pattern(names), s, _clause_start(s, i), i)
    ):
        return None  # 17:1 is students per teacher only under 生师比/师生比 (not 职普比 5:5)
    if unit_word is None and unit in _bare_units(w):
        said = _name_word(s, i, unit)
        flags["unit_from_context"] = f"no unit word; the name says a {unit} ({said})"
    if list_last:
        flags["unit_from_context"] = f"the unit of the list's last item ({list_last})"
    elif unit_ctx == "person":
        flags["unit_from_context"] = "no unit word; the number counts the persons named beside it"
    return _Found(base + start, base + end, pv.comparator, pv.value, pv.upper, unit, flags)


def _list_unit(s: str, listed: re.Match[str], i: int) -> str | None:
    """Return the unit of a list's last item (its classifier read from the noun as it would be)."""
    try:
        pv = parse_value(listed.group("last"))
    except ValueTextError:
        return None
    if listed.group("u") in words().prose.noun_classifiers:
        return _noun_unit(s, listed.end(), i) or pv.unit
    return pv.unit


_PERSONS_BEFORE = pattern(
    lambda w: (
        rf"(?:{alternation(w.prose.scaled_persons_before)})[^,;:。\d]{{0,12}}?"
        rf"(?:{alternation(w.prose.scaled_persons_verb)})\s*$"
    )
)
_NOUN = re.compile(r"[\u4e00-\u9fff()()]{1,16}")


def _noun_unit(s: str, end: int, i: int) -> str | None:
    after = _NOUN.match(s, end)
    noun = after.group(0) if after else ""
    unit = unit_from_noun(noun) if noun else None
    window = s[max(_clause_start(s, i), i - 12) : i]
    if unit is None and any(x in window for x in _unit_words(words(), "seat")):
        return "seat"
    if unit is None or unit == "item":
        return None
    return unit


_CN_VALUE = pattern(
    lambda w: (
        rf"(?P<trig>{alternation(w.prose.cn_value_lead)})?"
        rf"(?P<num>[{chars(''.join(w.small_numbers))}]{{1,3}})"
        rf"(?P<u>{alternation(w.prose.cn_value_units)})"
        rf"(?!{alternation(w.prose.cn_value_not_before)})"
    )
)
_CN_NOUN = re.compile(r"[\u4e00-\u9fff]{0,8}")
_PERCENT_WORDS = pattern(
    lambda w: (
        rf"{re.escape(w.percent_words)}[{chars(w.prose.percent_numerals)}]+"
        rf"(?P<sfx>{alternation(w.prose.percent_suffix)})?"
    )
)


def _chinese_values(s: str, base: int, excl: list[tuple[int, int]]) -> list[_Found]:
    out: list[_Found] = []
    w = words()
    pw = w.prose
    for m in _CN_VALUE.finditer(s):
        a = m.start("num")
        if _inside(base + a, excl):
            continue
        prev = s[max(0, a - 1) : a]
        if prev in pw.cn_value_not_after and m.group("trig") is None:
            continue
        trig = m.group("trig")
        if w.small_numbers.get(m.group("num")) == 1 and trig in pw.one_not_after:
            continue  # 每一所 = every school
        near = s[max(0, m.start() - 4) : m.start()]
        before_verb = alternation(pw.at_least_before_verb)
        at_least = (
            trig in pw.at_least
            or re.search(rf"(?:{before_verb})[\u4e00-\u9fff]{{0,2}}$", near) is not None
        )
        if trig is None and not at_least:
            continue
        u = m.group("u")
        if u in pw.at_least_only and not at_least:
            continue
        if u in _unit_words(w, "year") and trig not in pw.cn_years_lead:
            continue
        # the noun after the numeral: only its first 8 characters are read, and whether it has
        # at most 2 (then the character after it is read too)
        noun = _CN_NOUN.match(s, m.end())
        noun_text = noun.group(0) if noun else ""
        follow = s[m.end() + len(noun_text) : m.end() + len(noun_text) + 1]
        if len(noun_text) <= 2 and (follow == "、" or prev == "、") and u == pw.programme_count:
            continue  # slogans: 三个强市、两个高地
        text = s[a : m.end()]
        ctx = unit_from_noun(noun_text[:8]) if u in pw.noun_classifiers else None
        if ctx == "item":
            ctx = None
        try:
            pv = parse_value(text, unit=ctx)
        except ValueTextError:
            try:
                pv = parse_value(text)
            except ValueTextError:
                continue
        if pv.value is None or pv.unit is None:
            continue
        flags = {"number_from_words": f"the number is written in words ({text})"}
        cmp_ = pv.comparator
        if at_least:
            cmp_ = Comparator.GE
            flags["comparator_from_context"] = (
                f"{'/'.join(pw.at_least_before_verb)} before the verb applies to the number"
            )
        out.append(_Found(base + a, base + m.end(), cmp_, pv.value, None, pv.unit, flags, True))
    for m in _PERCENT_WORDS.finditer(s):
        if _inside(base + m.start(), excl):
            continue
        try:
            pv = parse_value(m.group(0))
        except ValueTextError:
            continue
        if pv.value is None:
            continue
        flags = {"number_from_words": f"the number is written in words ({m.group(0)})"}
        out.append(
            _Found(
                base + m.start(),
                base + m.end(),
                pv.comparator,
                pv.value,
                None,
                "percent",
                flags,
                True,
            )
        )
    return out


#: Words read as 100% ([prose] full_cover …): 全覆盖, 覆盖全体, 所有…达到, 全部达标, 全县实现,
#: 均实现 (the last two only with a year in the sentence, the last with its 各… before it).
_ALL = (
    pattern(
        lambda w: (
            rf"(?<![{chars(w.prose.full_cover_not_after)}]){re.escape(w.prose.full_cover)}"
            rf"(?=[,;。\d]|$|{alternation(w.prose.full_cover_then)})"
        )
    ),
    pattern(lambda w: rf"(?<={re.escape(w.prose.covers)})(?:{alternation(w.prose.cover_all)})"),
    pattern(
        lambda w: (
            rf"(?<![\d]){re.escape(w.prose.every)}(?!{alternation(w.prose.every_not_before)})"
            rf"(?=[^,;。]{{2,40}}?(?:{alternation(w.prose.all_reached)}))"
        )
    ),
    pattern(lambda w: rf"{re.escape(w.prose.whole)}(?={alternation(w.prose.all_done)})"),
    pattern(
        lambda w: (
            rf"(?:{alternation(w.prose.region_wide)}){re.escape(w.prose.achieve)}"
            r"(?=[^,;。]{2,30}(?:[,;。]|$))"
        )
    ),
    pattern(
        lambda w: (
            rf"{re.escape(w.prose.each_one)}{re.escape(w.prose.achieve)}"
            r"(?=[^,;。]{2,30}(?:[,;。]|$))"
        )
    ),
)


_LIST_COUNT = pattern(
    lambda w: (
        rf"“?(?P<n>[{chars(''.join(k for k, v in w.small_numbers.items() if v >= 2))}])"
        rf"{re.escape(w.prose.programme_count)}"
        r"(?P<v>\d+(?:\.\d+)?%)”?"
    )
)


_LIST_HEAD_MAX = 200


def _list_values(s: str, base: int, in_review: bool) -> list[tuple[_Found, str]]:
    """Read one value per item of a list as long as its count says (实现A、B、C和D“四个100%”)."""
    out: list[tuple[_Found, str]] = []
    if in_review:
        return out
    for m in _LIST_COUNT.finditer(s):
        n = words().small_numbers[m.group("n")]
        cs = _clause_start(s, m.start())
        if m.start() - cs > _LIST_HEAD_MAX:
            continue  # not a list of at most ten names: no rescan of a long clause per count
        head = re.sub(rf"^(?:{alternation(words().prose.list_head_verbs)})", "", s[cs : m.start()])
        items = [x for x in re.split(f"[{chars(words().prose.name_joints)}]", head) if x]
        if len(items) != n:
            continue
        try:
            pv = parse_value(m.group("v"))
        except ValueTextError:
            continue
        a = m.start("v")
        for item in items:
            flags = {"elided_subject": f"one of the {n} items the count {m.group(0)!r} covers"}
            found = _Found(
                base + a,
                base + m.end("v"),
                pv.comparator,
                pv.value,
                None,
                "percent",
                flags,
                True,
                item,
                base + cs,
            )
            out.append((found, item))
    return out


_BUILDING = pattern(lambda w: alternation(w.prose.full_cover_built))
_EACH = pattern(lambda w: rf"(?:{alternation(w.prose.each)})[^,;。]{{1,12}}$")


def _word_values(
    s: str, base: int, excl: list[tuple[int, int]], has_year: bool, in_review: bool
) -> list[_Found]:
    out: list[_Found] = []
    for k, rule in enumerate(_ALL):
        for m in rule.finditer(s):
            if _inside(base + m.start(), excl):
                continue
            if (k >= 4 and not has_year) or in_review:
                continue
            if k == 0 and _found_in(_BUILDING, s, _clause_start(s, m.start()), m.start()):
                continue
            text = m.group(0)
            a, b = m.start(), m.end()
            if k == 5:  # 各县(市、区)均实现; a match is at most 14 characters long
                w = max(0, m.start() - 14)
                g = _EACH.search(s[w : m.start()])
                if g:
                    a = w + g.start()
            flags = {"number_from_words": f"{text!r} read as 100%"}
            out.append(
                _Found(base + a, base + b, Comparator.EQ, 100.0, None, "percent", flags, True)
            )
    return out


@lru_cache(maxsize=4)
def _longest(forms: tuple[str, ...]) -> int:
    return max((len(w) for w in forms), default=1)


def _verb_run_start(text: str) -> int:
    """Start of the run of verb words that ends ``text`` (``len(text)`` when there is none).

    The leftmost ``p`` from which ``text[p:]`` is a sequence of the words data's name-end words
    (``[prose] name_end``), found from the end in one pass: ``ok[p]`` says whether ``text[p:]``
    is such a sequence. A run cannot reach past the longest word's length in positions in a row
    that are not ``ok``.
    """
    verb_words = words().prose.name_end
    longest = _longest(verb_words)
    n = len(text)
    ok = [False] * (n + 1)
    ok[n] = True
    best = n
    misses = 0
    for p in range(n - 1, -1, -1):
        if any(ok[p + len(w)] for w in verb_words if text.startswith(w, p)):
            ok[p] = True
            best = p
            misses = 0
        else:
            misses += 1
            if misses >= longest:
                break
    return best


def _strip_verb_end(text: str) -> str:
    """Drop the verb words that end ``text`` (``"毛入园率保持在"`` -> ``"毛入园率"``)."""
    body = text[:-1] if text.endswith("\n") else text
    return text[: _verb_run_start(body)] + text[len(body) :]


def _from_year_end(w: Words) -> str:
    """Return the pattern of a year a name ends before (…从2015年的, …到2025年底)."""
    year = rf"(?:19|20)\d{{2}}\s*{re.escape(w.dates.year)}(?:{alternation(w.prose.year_end)})?"
    return (
        rf"(?<=[\u4e00-\u9fff])(?:(?:{alternation(w.prose.from_year)})\s*(?:{year})?"
        rf"|(?:{alternation(w.prose.at_year)})?\s*{year})\s*{re.escape(w.prose.of)}?$"
    )


_FROM_YEAR_END = pattern(_from_year_end)
# "高校有“两院”院士、973首席科学家、长江学者等高层次人才": the list's head noun after 等
_LIST_THEN_HEAD = pattern(
    lambda w: rf"、[^、]{{1,20}}{re.escape(w.prose.etc)}(?=[\u4e00-\u9fff]{{2,8}}$)"
)


def _strip_name(name: str) -> str:
    name = name.strip(" ,;:、(").lstrip(")")
    while name.endswith(")") and name.count(")") > name.count("("):
        name = name[:-1]  # an unbalanced bracket; "县(市、区)" keeps its own
    listed = _LIST_THEN_HEAD.search(name)
    if listed is not None and "(" not in name[listed.start() :]:
        name = name[listed.end() :]
    for _ in range(4):
        new = _LEAD.sub("", name)
        new = _FROM_YEAR_END.sub("", _strip_verb_end(new)).strip(" ,;:、")
        if new == name:
            break
        name = new
    return name


# the name after a count, past a size that describes it ("21所规模9-12个班级的公办幼儿园")
_NAME_AFTER = pattern(
    lambda w: (
        rf"\s*(?:{re.escape(w.prose.of)})?(?:{re.escape(w.prose.size)}[^,;:。]{{1,16}}?"
        rf"{re.escape(w.prose.of)})?([^\d,;:。、%()“”]{{2,30}}?)"
        rf"(?=[,;:。、{chars(w.prose.list_joints)}{chars(w.prose.name_after_end)}]|$|\d|(?<=[)）]))"
    )
)
# (a bracket is read whole: "85%左右縣(市、區)創建成…", not "縣(市")
_NAME_AFTER_CJK = pattern(
    lambda w: rf"\s*(?:{re.escape(w.prose.of)})?((?:[\u4e00-\u9fff“”]|\([^()]{{1,12}}\)){{2,30}})"
)


_AFTER_STOP = pattern(lambda w: alternation(w.prose.name_after_stop))


def _name_after(s: str, end: int) -> tuple[str, int]:
    m = _NAME_AFTER.match(s, end) or _NAME_AFTER_CJK.match(s, end)
    if not m:
        return "", end
    name = m.group(1).strip()
    end = m.end()
    if names_nothing(name) and s[end : end + 1] == "、":
        # "32个新建、改扩建项目已基本完工": verbs joined by 、 share the noun after the last one
        more = _NAME_AFTER.match(s, end + 1)
        if more is not None and not names_nothing(more.group(1)):
            return _name_after_stop(s[m.start(1) : more.end(1)].strip(), m.start(1), more.end())
    return _name_after_stop(name, m.start(1), end)


def _name_after_stop(name: str, start: int, end: int) -> tuple[str, int]:
    stop = _AFTER_STOP.search(name, 2)
    if stop is not None:
        # "7所公办托育机构建设已完成80%", "29所普惠托育机构创建工作有序推进": how it goes
        return name[: stop.start()], start + stop.start()
    return name, end


# A sentence ends at 。!?; but for a "?" that stands for characters a page lost (mojibake:
# "在校生总?cè)藬?shù)达92.2万"): a letter follows it
_SENTENCE = re.compile(r"(?:[^。!?;]|\?(?=[a-zà-ü]))+(?:[。!;]|\?(?![a-zà-ü]))?")


def _sentences(doc: Doc) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for line in doc.lines:
        if doc.is_blocked(line.start) or doc.is_chrome(line.start):
            continue
        for m in _SENTENCE.finditer(line.text):
            out.append((line.start + m.start(), m.group(0)))
    return out


_JOINED = pattern(lambda w: rf"\s(\d{{2,3}})(?=\s*(?:{alternation(w.prose.joined_units)}))")
_PER_YEAR = pattern(lambda w: alternation(w.prose.per_year))
_PER_UNIT = pattern(
    lambda w: "|".join(rf"{re.escape(k)}(?:{alternation(v)})" for k, v in w.prose.per_unit.items())
)
_PER_SLASH = pattern(lambda w: "|".join("/" + re.escape(x) for x in w.prose.per_slash))
_CUMULATIVE = pattern(
    lambda w: (
        rf"{alternation(w.prose.cumulative)}"
        rf"|\d{re.escape(w.dates.year)}(?:{alternation(w.prose.cumulative_years_end)})"
    )
)
_SCOPE_END = pattern(
    lambda w: (
        rf"(?:{alternation((*w.prose.year_end, *w.prose.year_before, *w.prose.scope_end))})?"
        r"\s*[,:]"
    )
)
_SCOPE_LEAD = pattern(lambda w: rf"\s*(?:{alternation(w.prose.scope_lead)})?\s*")
_EXISTING = pattern(lambda w: rf"(?:{alternation(w.prose.existing)})\s*$")


def _last_in(pattern: re.Pattern[str] | WordPattern, s: str, a: int, b: int) -> str | None:
    """Return the last match of ``pattern.finditer(s[a:b])``.

    A word inside a longer one that starts before it (小于 in 不小于 or 小于或等于) is not the
    word written: the longer one is returned.
    """
    starts, _ = _occurrences(pattern, s)
    k = bisect.bisect_left(starts, b) - 1
    while k >= 0 and starts[k] >= a:
        m = pattern.match(s, starts[k], b)
        if m is not None:
            j = k - 1
            while j >= 0 and starts[j] >= a and starts[j] > starts[k] - 8:
                held = pattern.match(s, starts[j], b)
                if held is not None and held.end() >= m.end():
                    m = held
                j -= 1
            return m.group(0)
        k -= 1
    return None


class _Taken:
    """Spans already read in a sentence.

    The numbers' values (sorted by start; they may overlap), then values in words added one by
    one (never overlapping any).
    """

    def __init__(self, found: list[_Found]) -> None:
        self.starts = [f.start for f in found]
        self.max_end: list[int] = []
        for f in found:
            self.max_end.append(max(f.end, self.max_end[-1] if self.max_end else f.end))
        self.added: list[tuple[int, int]] = []

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.starts, end) - 1
        if k >= 0 and self.max_end[k] > start:
            return True
        k = bisect.bisect_left(self.added, (end, end)) - 1
        return k >= 0 and self.added[k][1] > start

    def add(self, start: int, end: int) -> None:
        bisect.insort(self.added, (start, end))


class _Scopes:
    """The year that scopes each value of a sentence.

    The last year mention before the value that stands in the value's clause, or that heads the
    sentence (``到2025年,``).
    """

    def __init__(self, s: str, base: int, years: list[tuple[int, int, int, str]]) -> None:
        self.s, self.base, self.years = s, base, years
        self.ends = [y[1] for y in years]
        self.starts = [y[0] - base for y in years]
        # a year that scopes every later value of the sentence, whatever the value's clause
        heads = [
            bool(_SCOPE_END.match(s, y[1] - base, y[1] - base + 4))
            or bool(_SCOPE_LEAD.fullmatch(s, _clause_start(s, y[0] - base), y[0] - base))
            for y in years
        ]
        self.last_head: list[int] = []
        self.last_head_scope: list[int] = []
        self.last_scope: list[int] = []
        for k, (y, head) in enumerate(zip(years, heads, strict=True)):
            self.last_head.append(k if head else (self.last_head[-1] if k else -1))
            self.last_head_scope.append(
                k if head and y[3] == "scope" else (self.last_head_scope[-1] if k else -1)
            )
            self.last_scope.append(k if y[3] == "scope" else (self.last_scope[-1] if k else -1))

    def year(self, start: int, cs: int, j: int) -> int | None:
        """Return the year of a value starting at ``start`` (a document offset).

        ``cs`` is the start of the value's clause and ``j`` the value's end (sentence offsets).
        """
        n = bisect.bisect_right(self.ends, start)  # years ending before the value
        if n == 0:
            return None
        first_in_clause = bisect.bisect_left(self.starts, cs)
        last = n - 1 if n - 1 >= first_in_clause else self.last_head[n - 1]
        if last < 0:
            return None
        y = self.years[last]
        if y[3] == "compare" and _found_in(_REVIEW_ONLY_CHANGE, self.s, y[1] - self.base, j):
            k = self.last_scope[n - 1]
            mains = max(k if k >= first_in_clause else -1, self.last_head_scope[n - 1])
            return self.years[mains][2] if mains >= 0 else None
        return y[2]


def read_prose(doc: Doc, period: tuple[int, int], *, kind: str = "") -> list[DIndicator]:
    """Read the values stated in the document's sentences.

    Parameters
    ----------
    doc
        The document, with tables blocked and headings found.
    period
        The plan period: targets without a year are for its last year; baselines without a
        year (in a section reviewing the past) for the year before its first.
    kind
        The plan kind (unused for now; reserved for kind-specific rules).

    Returns
    -------
    list of DIndicator
        Prose indicators, one per value (values of one name in one sentence grouped).

    """
    del kind
    out: list[DIndicator] = []
    baseline_year = period[0] - 1 if period[1] > period[0] else period[0]
    line_starts = [ln.start for ln in doc.lines]

    def line_of(pos: int) -> int:
        return bisect.bisect_right(line_starts, pos)

    last_list: tuple[int, list[tuple[str, str]]] | None = None
    carried: tuple[int, str, str] | None = None  # the last value's line, name and unit
    # the first count of the sentence before (its name and unit): a sentence opening with 其中
    # gives its parts ("建设幼儿园 17 所,…。" then "其中:东台市 2 所、建湖县 4 所…")
    before: tuple[str, str] | None = None
    for base, s in _sentences(doc):
        first = len(out)  # the sentence's indicators are out[first:]
        excl = _excluded_spans(s, base)
        years = _years(s, base, excl)
        year_starts = [y[0] for y in years]
        found: list[_Found] = []
        found_end = -1  # the numbers' values stand in order: the furthest end read so far
        for m in _NUMBER.finditer(s):
            if _inside(base + m.start(), excl):
                continue
            k = bisect.bisect_right(year_starts, base + m.start()) - 1
            if k >= 0 and years[k][0] <= base + m.start() < years[k][1]:
                continue
            if base + m.start() < found_end:
                continue
            if m.start() == 0 and re.match(r"\d{1,2}[.、](?!\d)", s):
                continue  # list numbering
            # "32 00个以上": a stray space inside a number
            joined = _JOINED.match(s, m.end())
            if joined and len(m.group(1)) <= 3:
                f = _read_joined(s, m.start(), joined.end(), base)
            else:
                f = _read_number(s, m.start(), m.end(), excl, base)
            if f is not None:
                found.append(f)
                found_end = max(found_end, f.end)
        in_review = doc.in_review(base)
        taken = _Taken(found)
        for f in _chinese_values(s, base, excl) + _word_values(
            s, base, excl, any(r == "scope" for _, _, _, r in years), in_review
        ):
            if not taken.overlaps(f.start, f.end):
                found.append(f)
                taken.add(f.start, f.end)
        found.extend(f for f, _ in _list_values(s, base, in_review))
        found.sort(key=lambda f: f.start)
        _list_bound(s, base, found)
        paired_years = _year_list(s, base, years, found)
        scopes = _Scopes(s, base, years)
        names: list[str] = []
        # a total whose parts follow (其中…)
        total: tuple[str, str, int] | None = (
            (before[0], before[1], -1) if before is not None and _PARTS_AFTER.match(s) else None
        )
        before = None
        prev_end_in_clause = -1
        for f in found:
            i = f.start - base
            j = f.end - base
            cs = _clause_start(s, i)
            ce = _clause_end(s, j)
            # context comparator: 至少建设1所 / 分别不少于10小时、9小时
            cm = _last_in(_CONTEXT_CMP, s, cs, i)
            if cm is not None and f.comparator is Comparator.EQ and not f.words:
                f.comparator = _context_word(cm)
                f.flags["comparator_from_context"] = (
                    f"{cm} earlier in the clause applies to the value"
                )
            # year and kind
            year = scopes.year(f.start, cs, j)
            if f.start in paired_years:
                year = paired_years[f.start]
            existing = _EXISTING.search(s[max(0, i - 4) : i])
            if year is not None:
                vkind = (
                    "baseline"
                    if year < period[0] or (in_review and year <= baseline_year)
                    else "target"
                )
                if in_review and year > baseline_year:
                    vkind = "baseline"
            elif in_review or existing:
                vkind, year = "baseline", baseline_year
                f.flags["year_implied"] = (
                    "no year is written; the value describes the situation before the plan "
                    f"({baseline_year})"
                )
            else:
                vkind, year = "target", period[1]
                f.flags["year_implied"] = (
                    f"no year is written; the plan's end year ({period[1]}) applies"
                )
            if not 1949 <= year <= 2100:
                continue
            # flags from the words around
            if _found_in(_PER_YEAR, s, cs, i):
                f.flags["per_year"] = "the value is per year (每年, 年均)"
            if _found_in(_PER_UNIT, s, cs, i) or _PER_SLASH.match(s[j : j + 2]):
                f.flags["per_unit"] = "the value is per unit (每所学校, 每个县, 每人 …)"
            if _found_in(_CUMULATIVE, s, 0, i):
                f.flags["cumulative"] = "a total over a period (累计, 期间)"
            hedges = [h for h in words().prose.hedges if _before(s, h, i)]
            # name
            start_name = max(cs, prev_end_in_clause if prev_end_in_clause >= cs else cs)
            raw_before = s[start_name:i]
            if raw_before.count("(") > raw_before.count(")"):
                # "计划年内全部竣工(省定任务项目5个": the value stands inside the bracket
                raw_before = raw_before[raw_before.rindex("(") + 1 :]
            before_name = _strip_name(raw_before)
            after_name, after_end = _name_after(s, j)
            lead_verb = _AFTER_VERB.search(s[start_name:i].rstrip()) is not None
            if (
                not lead_verb
                and after_name
                and not _GENERIC_AFTER.match(after_name)
                and not _FRAME_END.search(after_name)
                and _named_after(s, start_name, i, j, before_name, f.unit)
            ):
                lead_verb = True  # what the value counts or is a share of is named after it
            used_after = False
            noun = _TEXT_NOUN.search(doc.work, f.start, f.end) if before_name else None
            if noun is not None and not after_name:
                verb = _VERB_END.search(before_name)
                if verb is not None:
                    # "建成后将新增3.2万个学位": the verb and the noun the value text ends in
                    said = _original(doc, s, base, verb.group(0), cs)
                    before_name = said + doc.text[noun.start() : noun.end()]
            if f.name:
                name = f.name
            elif f.unit == "year" and (every := _interval_name(s, i, j, cs)) is not None:
                name, object_at = every  # "完善普惠性资源布局规划,原则上每三年调整一次"
                if object_at < start_name and f.quote_start is None:
                    f.quote_start = base + object_at  # the quote holds what is renewed
            elif not before_name and names and _REVIEW_ONLY_CHANGE.match(after_name):
                name = names[-1]
            elif (given := _GIVEN_EACH.search(s, start_name, i)) is not None and after_name:
                # "市财政一次性给予每所幼儿园100至200万元奖补资金": what each one is given
                what = _strip_name(after_name) or after_name
                name = _original(doc, s, base, given.group(1), cs) + _original(
                    doc, s, base, what, i
                )
            elif names and _TO_LEVEL.match(s[start_name:i].strip(" ,;:、" + words().prose.of)):
                name = names[-1]  # "X从2015年的65%增长到2020年的85%": the second level is X's
            elif (
                after_name
                and (
                    not before_name
                    or lead_verb
                    or len(before_name) <= 1
                    # "该县655个义务教育均衡发展项目": the words before name nothing counted
                    or (names_nothing(before_name) and not names_nothing(after_name))
                )
                and not (before_name and _GENERIC_AFTER.match(after_name))
            ):
                name = _FRAME_END.sub("", _strip_name(after_name)) or after_name
                become = _BECOME.search(name) if f.unit == "percent" else None
                if become is not None and become.end() < len(name) - 1:
                    # "85%左右县(市、区)创建成国家和省学前教育普及普惠县(市、区)": the share of
                    # places that become what the verb names
                    what = _original(doc, s, base, name[become.end() :], j)
                    name = what + words().prose.share_name
                head = (
                    _HEAD_AFTER_OF.match(s, j, min(ce, j + _HEAD_REACH))
                    if lead_verb and words().prose.of not in after_name
                    else None
                )
                if head is not None:
                    # "建设100个左右骨干企业与…共同组建的校企合作职业教育集团": the name read
                    # stops at 与 or 、 inside the phrase; the head noun after its 的
                    name = head.group(1)
                if f.unit == "school" and (school := _SCHOOL_AFTER.match(name)) is not None:
                    name = school.group(0)  # "18所小学以县城优质学校为领衔": 小学
                elif f.unit == "school" and (ends := list(_SCHOOL_AFTER.finditer(name))):
                    name = name[: ends[-1].end()]  # "9所小区配套城区幼儿园启动招生"
                used_after = True
            elif (
                f.unit == "school"
                and (school := _SCHOOL_AFTER.match(after_name)) is not None
                and not _SCHOOL_END.search(before_name)
            ):
                # "全县18所小学以县城优质学校为领衔": the count names what it counts after it
                name = school.group(0)
                used_after = True
            elif (
                before_name
                and f.unit == "item"
                and names
                and names_nothing(before_name)
                and not names_nothing(names[-1])
            ):
                # "15个新建项目中已完工12个", "该县655个…项目已完工544个": a part of the count
                # before
                name = names[-1] + before_name
                f.flags["elided_subject"] = f"{before_name!r} of the count before ({names[-1]})"
            elif before_name:
                name = before_name
            elif after_name:
                name = after_name
            elif names:
                name = names[-1]
            elif carried is not None and carried[0] == line_of(base) and carried[2] == f.unit:
                # "到2023年,毛入园率达到90%;到2025年达到95%": the name of the paragraph's value
                # before, across the semicolon
                name = carried[1]
                f.flags["elided_subject"] = f"no name: the value before in the paragraph's ({name})"
            else:
                name = s[cs:ce].strip()[:30] or words().prose.untitled
            if names and not f.name and _GROUP.fullmatch(name):
                group = _GROUP.match(names[-1])
                if group is not None and len(names[-1]) > group.end() + 1:
                    # "东部地区高中阶段毛入学率达到95%,西部地区达到90%": the group's measure
                    f.flags["elided_subject"] = (
                        f"the group {name!r} takes the measure of {names[-1]!r}"
                    )
                    name = name + names[-1][group.end() :]
            subject = ""
            if (
                total is not None
                and f.unit in ("item", total[1])
                and i > total[2]
                and _PLACE.fullmatch(name)
                and not f.name
            ):
                # "建成后将新增3.2万个学位,其中赤坎区3505个、霞山区3705个": a part of the total
                # for a place takes the total's measure and unit
                if f.unit != total[1]:  # 3505个 takes 学位; 东台市 2 所 writes its own unit
                    f.flags["unit_from_context"] = f"the unit of the total before ({total[1]})"
                subject, name, f.unit = name, total[0], total[1]
                f.flags["elided_subject"] = f"a part for {subject} of the total of {name}"
            elif names and len(name) <= 4 and not lead_verb and not f.name:
                prev_name = names[-1]
                measure = _MEASURE_END.search(prev_name)
                if (
                    measure is not None
                    and measure.start() >= 2
                    and len(name) != len(measure.group(0))
                    and prev_name[-1] == name[-1]
                ):
                    # "小学、初中适龄人口入学率均达到100%,年辍学率分别…": the subject is what
                    # stands before the measure of the name before (入学率), whatever its length
                    subject = prev_name[: measure.start()]
                    f.flags["elided_subject"] = (
                        f"the bare name {name!r} takes its subject from {prev_name!r}"
                    )
                elif len(prev_name) > len(name) + 1 and prev_name[-1] == name[-1]:
                    subject = prev_name[: len(prev_name) - len(name)]
                    f.flags["elided_subject"] = (
                        f"the bare name {name!r} takes its subject from {prev_name!r}"
                    )
            name = _original(doc, s, base, name, cs)
            subject = _original(doc, s, base, subject, 0)
            names.append(subject + name)
            if before is None and f.unit != "item" and not subject:
                before = (name, f.unit)
            if f.unit != "item" and _PARTS_AFTER.match(s, j):
                total = (name, f.unit, j)
            elif total is not None and f.unit != total[1]:
                total = None
            carried = (line_of(base), subject + name, f.unit)
            prev_end_in_clause = (after_end if used_after else j) if ce > j else -1
            quote_start = f.quote_start if f.quote_start is not None else base + min(start_name, i)
            text = doc.text[f.start : f.end]
            quote_end = f.end
            if (
                used_after
                and not names_nothing(after_name)
                and not _REVIEW_ONLY_CHANGE.search(after_name)
                and text not in doc.text[f.end : base + after_end]
            ):
                # a count named by the words after it ("127所中小学和369所幼儿园投入使用"): the
                # quote holds that name, and the value text is its last occurrence in the quote
                quote_end = max(f.end, base + after_end)
            value = DValue(
                kind=vkind,
                year=year,
                comparator=f.comparator,
                magnitude=f.magnitude,
                upper=f.upper,
                text=text,
                text_start=f.start,
                start=quote_start,
                end=quote_end,
                hedges=hedges,
                flags=f.flags,
            )
            section = doc.section_at(base)
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.origin == "prose"
                and prev.name == name
                and prev.subject == subject
                and prev.unit == f.unit
                and prev.section == section
                and all(v.year != year or v.kind != vkind for v in prev.values)
                and prev.values[-1].end >= base - 200
            ):
                prev.values.append(value)
                continue
            out.append(
                DIndicator(
                    name=name.strip() or words().prose.untitled,
                    unit=f.unit,
                    section=section,
                    origin="prose",
                    values=[value],
                    subject=subject,
                )
            )
        if last_list is not None and last_list[0] != line_of(base):
            last_list = None  # a list's names carry over within one paragraph only
        paired = _from_to_lists(s, out, first, base) or _pair_lists(
            s, out, len(found), last_list[1] if last_list else None, base
        )
        if paired is not None:
            last_list = (line_of(base), paired)
        _share_value(s, out, len(found), first)
    return out


@lru_cache(maxsize=16)
def _unfolded(text: str, base: int, s: str) -> bool:
    """Whether the working-copy sentence ``s`` at ``base`` is the plan's text unchanged."""
    return text.startswith(s, base)


def _original(doc: Doc, s: str, base: int, words: str, near: int) -> str:
    """Return the plan's own characters for words found in the working copy."""
    if not words or _unfolded(doc.text, base, s):
        return words  # the sentence reads the same in the plan: no search needed
    k = s.find(words, near)
    if k < 0:
        k = s.find(words)
    if k < 0:
        return words
    return doc.text[base + k : base + k + len(words)]


def _year_list(
    s: str, base: int, years: list[tuple[int, int, int, str]], found: list[_Found]
) -> dict[int, int]:
    """Give the i-th value of a 分别 list the i-th year (到2022年、2025年,X分别达到85%和90%)."""
    k = s.find(words().prose.respectively)
    if k < 0 or len(years) < 2:
        return {}
    run: list[tuple[int, int, int, str]] = []
    for y in years:
        if y[1] - base > k:
            break
        if run and _YEAR_JOINT.fullmatch(s, run[-1][1] - base, y[0] - base):
            run.append(y)
        else:
            run = [y]
    after = [f for f in found if f.start - base > k]
    if len(run) < 2 or len(after) != len(run):
        return {}
    return {f.start: y[2] for f, y in zip(after, run, strict=True)}


_LIST_JOINT = pattern(lambda w: rf"\s*[{chars(w.prose.list_joints)}]\s*")
_BOUNDS = (Comparator.GE, Comparator.LE, Comparator.GT, Comparator.LT)
#: A list of years a 分别 list pairs with its values: their joints (到2022年、2025年).
_YEAR_JOINT = pattern(
    lambda w: rf"\s*(?:[{chars(w.prose.list_joints)},])?\s*(?:{alternation(w.meta.target_by)})?\s*"
)


def _list_bound(s: str, base: int, found: list[_Found]) -> None:
    """Give the items of a 分别 list the bound only its last item writes (分别控制在0.5%和1%以下).

    The list's values stand after 分别 in one clause, joined by 、 和 及 与; when the last one
    alone carries a bound word (以上, 以下, 以内) and the others none, the word is written once
    for all. A list whose items carry their own words ("98%、99%、95%、60%以上和15年以上") is read
    item by item.
    """
    respectively = words().prose.respectively
    k = s.find(respectively)
    if k < 0:
        return
    run: list[_Found] = []
    for f in found:
        if f.start - base <= k:
            continue
        if run and not _LIST_JOINT.fullmatch(s, run[-1].end - base, f.start - base):
            break
        run.append(f)
    if (
        len(run) < 2
        or respectively not in s[_clause_start(s, run[0].start - base) : run[0].start - base]
    ):
        return
    last, items = run[-1], run[:-1]
    if (
        last.comparator not in _BOUNDS
        or _SUFFIX.search(s, last.start - base, last.end - base) is None
    ):
        return
    if any(f.comparator is not Comparator.EQ or f.words or f.unit != last.unit for f in items):
        return
    said = s[last.start - base : last.end - base]
    for f in items:
        f.comparator = last.comparator
        f.flags["comparator_from_context"] = (
            f"the bound of the 分别 list's last item ({said}) holds for each of its items"
        )


def _read_joined(s: str, i: int, end_num: int, base: int) -> _Found | None:
    """Read a number with a stray space inside (32 00个以上 -> 3200, flagged text_defect)."""
    t = _UNIT_AT.match(s, end_num)
    unit_end = t.end() if t else end_num
    suffix = _SUFFIX.match(s, unit_end)
    end = suffix.end() if suffix else unit_end
    raw = s[i:end]
    fixed = re.sub(r"(?<=\d)\s(?=\d)", "", raw)
    try:
        pv = parse_value(fixed)
    except ValueTextError:
        return None
    if pv.value is None or pv.unit is None:
        return None
    ctx = _noun_unit(s, end, i)
    unit = ctx if ctx is not None and pv.unit == "item" else pv.unit
    flags = {"text_defect": f"a stray space inside the number {raw!r}, read as {fixed!r}"}
    return _Found(base + i, base + end, pv.comparator, pv.value, pv.upper, unit, flags)


def _pair_lists(
    s: str,
    out: list[DIndicator],
    n: int,
    previous: list[tuple[str, str]] | None = None,
    base: int = -1,
) -> list[tuple[str, str]] | None:
    """Pair the names of a 分别 list with its values; return the (name, subject) pairs.

    "学前三年毛入园率、九年义务教育巩固率和…分别达到95%、98%和11.5年": one name each;
    "小学、初中专任教师本科以上学历比例分别达到93%和98%": the shared name with a subject each;
    "2020年分别达到98%、99%…" without names: those of the paragraph's list before (``previous``)
    when it has as many items.
    """
    pw = words().prose
    if n < 2 or pw.respectively not in s:
        return None
    group = [d for d in out[-n:] if d.origin == "prose"]
    k = s.find(pw.respectively)
    after = [d for d in group if d.values[0].text_start - base > k]
    if base >= 0 and 2 <= len(after) < len(group):
        # "…入学率均达到100%,年辍学率分别控制在0.5%和1%以下": the list is what follows 分别
        group = after
    if len(group) < 2:
        return None
    head_name = group[0].name
    if pw.respectively in head_name[2:]:  # "…毛入学率分别提高2.1、0.8、3.5个百分点": before 分别
        head_name = head_name[: head_name.index(pw.respectively, 2)]
    parts = _list_items(head_name, pw.name_joints)
    subjects = _list_items(group[0].subject, pw.name_joints)
    if (
        len(parts) == 1
        and len(subjects) == len(group)
        and all(d.subject + d.name == group[0].subject + head_name for d in group)
    ):
        # "小学、初中适龄人口…,年辍学率分别控制在0.5%和1%以下": the list is the subject's
        width = len(subjects[0])
        labels = [*subjects[:-1], subjects[-1][:width]]
        shared = subjects[-1][width:] + head_name
        for ind, label in zip(group, labels, strict=True):
            ind.subject, ind.name = label, shared
            for v in ind.values:
                v.flags["elided_subject"] = (
                    f"分别 pairs {label!r} of the list {group[0].subject!r} with this value"
                )
        return [(ind.name, ind.subject) for ind in group]
    if len(parts) < 2 or len(parts) != len(group):
        k = s.find(pw.respectively)
        year = re.escape(words().dates.year)
        end = alternation(pw.year_end)
        head = _strip_name(re.sub(rf"(?:19|20)\d{{2}}\s*{year}(?:{end})?", "", s[:k]))
        if previous is None or head or len(previous) > len(group):
            return None
        group = group[: len(previous)]  # the list's values come first; later clauses keep theirs
        for ind, (name, subject) in zip(group, previous, strict=True):
            ind.name, ind.subject = name, subject
            for v in ind.values:
                v.flags["elided_subject"] = (
                    f"a 分别 list without names: the names of the list before ({subject}{name})"
                )
        return previous
    if len(parts[0]) >= 4:
        measure = _shared_measure(parts)
        for ind, part in zip(group, parts, strict=True):
            ind.name = part
            ind.subject = ""
            if measure and not part.endswith(measure):
                ind.name = part + measure
                for v in ind.values:
                    v.flags["elided_subject"] = (
                        f"the list {head_name!r} shares the measure of its last item ({measure})"
                    )
        return [(ind.name, ind.subject) for ind in group]
    width = len(parts[0])
    last = parts[-1]
    labels = [*parts[:-1], last[:width]]
    shared = last[width:]
    if not shared:
        return None
    for ind, label in zip(group, labels, strict=True):
        ind.subject = label
        ind.name = shared
        for v in ind.values:
            v.flags["elided_subject"] = (
                f"分别 pairs {label!r} of the list {head_name!r} with this value"
            )
    return [(ind.name, ind.subject) for ind in group]


_FROM_TO_OPEN = pattern(
    lambda w: (
        rf"(?P<each>{re.escape(w.prose.respectively)})?\s*(?:{alternation(w.prose.list_from_head_end)})?"
        rf"\s*(?:{alternation(w.prose.list_from)})"
    )
)
_FROM_TO_GAP = pattern(
    lambda w: (
        rf"^\s*(?P<each>{re.escape(w.prose.respectively)})?\s*"
        rf"(?:{alternation(w.prose.list_to)})\s*$"
    )
)
_HEAD_END = pattern(lambda w: rf"(?:{alternation(w.prose.list_from_head_end)})$")


def _from_to_lists(
    s: str, out: list[DIndicator], first: int, base: int
) -> list[tuple[str, str]] | None:
    """Pair a 分别 list of changes with its names: two values each, from and to.

    "学前教育毛入园率、义务教育巩固率、高中阶段毛入学率分别由83.2%、94%、90.85%提升至90.3%、96%、
    92.01%": the n names of the list before 分别 take the k-th value of each half; the sentence's
    values must be exactly those 2n, the first after 分别由, the n+1-th right after 提升至.
    Returns the (name, subject) pairs, or None when the sentence is not such a list.
    """
    group = out[first:]
    if not group or any(d.origin != "prose" for d in group):
        return None
    values = sorted((v for d in group for v in d.values), key=lambda v: v.text_start)
    n = len(values) // 2
    if n < 2 or len(values) != 2 * n:
        return None
    at = values[0].text_start - base
    # the last 由/从 before the first value, its year between ("由2010年末的49.2万人")
    opened = next(
        (m for m in reversed(list(_FROM_TO_OPEN.finditer(s, 0, at))) if at - m.end() <= 12), None
    )
    gap = s[values[n - 1].text_start + len(values[n - 1].text) - base : values[n].text_start - base]
    closed = _FROM_TO_GAP.search(gap)
    if opened is None or closed is None or not (opened.group("each") or closed.group("each")):
        return None
    head_name = group[0].name
    k = head_name.find(words().prose.respectively, 2)
    if k > 0:
        head_name = head_name[:k]
    head_name = _HEAD_END.sub("", head_name)
    parts = _list_items(head_name, "".join(words().prose.list_joints))
    if len(parts) != n or any(len(p) < 2 for p in parts):
        return None
    unit = {id(v): d.unit for d in group for v in d.values}
    if any(unit[id(values[i])] != unit[id(values[n + i])] for i in range(n)):
        return None
    measure = _shared_measure(parts) if len(parts[0]) >= 4 else ""
    new: list[DIndicator] = []
    for i, part in enumerate(parts):
        name = part + measure if measure and not part.endswith(measure) else part
        pair = [values[i], values[n + i]]
        for v in pair:
            v.flags["elided_subject"] = (
                f"分别 pairs {part!r} of the list {head_name!r} with its values from and to"
            )
        new.append(
            dataclasses.replace(
                group[0],
                name=name,
                subject="",
                unit=unit[id(values[i])],
                values=pair,
                flags=dict(group[0].flags),
            )
        )
    out[first:] = new
    return [(d.name, d.subject) for d in new]


def _shared_measure(parts: list[str]) -> str:
    """Return the measure the last item of a name list gives the others ("" when none).

    "公办幼儿园、普惠性幼儿园在园幼儿占比分别达到57%和89%": the items before the last end in
    what the last names before its measure (幼儿园), and name no measure of their own; the
    measure is what follows that word in the last (在园幼儿占比).
    """
    last = parts[-1]
    if _MEASURE_END.search(last) is None:
        return ""
    measure = ""
    for part in parts[:-1]:
        if _MEASURE_END.search(part) is not None:
            return ""
        k = next((n for n in range(min(len(part), 6), 1, -1) if part[-n:] in last[:-1]), 0)
        if not k:
            return ""
        found = last[last.rindex(part[-k:]) + k :]
        if measure and found != measure:
            return ""
        measure = found
    return measure if _MEASURE_END.search(measure) else ""


_INTERVAL = pattern(
    lambda w: rf"(?:{alternation(w.prose.interval_verbs)})(?:{alternation(w.prose.interval_after)})"
)
_INTERVAL_OBJECT = pattern(lambda w: rf"(?:{alternation(w.prose.interval_verbs)})")


def _interval_name(s: str, i: int, j: int, cs: int) -> tuple[str, int] | None:
    """Name an interval "每三年调整一次" by what is renewed; None when the value is no interval.

    Returns the name and where the words it is read from start (sentence offsets).

    What the verb takes after 一次 (``每三年核定一次全区教职工编制总量``), else the object of the
    clause before (``以县为单位完善普惠性资源布局规划,原则上每三年调整一次``).
    """
    if s[i - 1 : i] != words().prose.interval_every:
        return None
    verb = _INTERVAL.match(s, j)
    if verb is None:
        return None
    after = _strip_name(_name_after(s, verb.end())[0])
    if after:
        return after, i
    start = _clause_start(s, max(0, cs - 1))
    before = _strip_name(s[start : max(0, cs - 1)])
    verb = _INTERVAL_OBJECT.search(before)  # the clause's first verb: its object follows
    if verb is not None:
        before = before[verb.end() :]
    return (before, start) if len(before) >= 2 else None


# a value text that ends in the noun it counts (3.2万个学位); a verb a name ends in
_TEXT_NOUN = pattern(
    lambda w: (
        rf"(?:{alternation(x for x in _unit_words(w, 'seat') if x[:1] not in w.classifiers)})$"
    )
)
_VERB_END = pattern(lambda w: rf"(?:{alternation(w.prose.lead_verbs)})$")
# the parts of a total follow it (…3.2万个学位,其中赤坎区3505个、…); a place's name
_PARTS_AFTER = pattern(lambda w: rf"\s*[,:]?\s*(?:{alternation(w.prose.parts_lead)})")
_PLACE = pattern(lambda w: rf"[\u4e00-\u9fff]{{1,8}}[{chars(w.prose.place_end)}]")
_BECOME = pattern(lambda w: alternation(w.prose.share_become))
# a name cannot end in a conjunction or 等: "完成省级示范高中与14所县域高中", "区第三实小等5所小学"
_OPEN_END = pattern(lambda w: rf"(?:{alternation(w.prose.open_end)})\s*$")


def _named_after(s: str, start_name: int, i: int, j: int, before: str, unit: str) -> bool:
    """Whether a value names what it counts or is a share of after it, not before it.

    The words before it end in a conjunction or 等 (``完成省级示范高中与14所县域高中``,
    ``投建区第三实小等5所小学``); they list the things a count counts (``完成清塘镇中心幼儿园、
    寿雁一小中心幼儿园2所省农村项目园建设``); or a share stands before 的 and its noun
    (``这也意味着全市92%以上的适龄幼儿…``, ``85%左右县(市、区)创建成…``).
    """
    if _OPEN_END.search(s, start_name, i):
        return True
    if unit in ("school", "item") and "、" in before:
        return True
    return unit == "percent" and s[j : j + 1] == words().prose.of


# "…占比2020年底达到80%的任务": what a value is for, not its name
_GENERIC_AFTER = pattern(lambda w: rf"(?:{alternation(w.prose.generic_after)})$")
# the head noun after the last 的 of a count's clause (a count names what it counts after it)
#: how far after a count its head noun may stand (the scan is bounded so a long clause without
#: digits costs linear time: a run of Chinese numerals made it quadratic)
_HEAD_REACH = 80
_HEAD_AFTER_OF = pattern(
    lambda w: (
        rf"[^\d,;:。]*{re.escape(w.prose.of)}(?!{alternation(w.prose.frames)})"
        r"([\u4e00-\u9fff]{2,16})(?=[,;:。、]|$)"
    )
)
# "建好1所中心公办幼儿园的基础上": a frame of the sentence, not part of the name
_FRAME_END = pattern(lambda w: rf"{re.escape(w.prose.of)}?(?:{alternation(w.prose.frames)})$")
# "给予每所幼儿园…", "安排每个县…": an amount given to each one
_GIVEN_EACH = pattern(
    lambda w: (
        rf"(?:{alternation(w.prose.given_verbs)})"
        rf"((?:{alternation(w.prose.given_each)})[\u4e00-\u9fff]{{1,8}})\s*$"
    )
)
# a group of places or schools that a target is given for (东部地区, 农村, 城区 …)
_GROUP = pattern(
    lambda w: (
        rf"(?:[\u4e00-\u9fff]{{0,4}}{re.escape(w.prose.area)}|(?:{alternation(w.prose.groups)})"
        rf"(?:{alternation(w.prose.group_ends)})?)"
    )
)
_TO_LEVEL = pattern(
    lambda w: (
        rf"(?:{alternation(w.prose.change_lead)})\s*(?:{alternation(w.prose.to_level)})\s*"
        rf"(?:(?:19|20)\d{{2}}\s*{re.escape(w.dates.year)}(?:{alternation(w.prose.year_end)})?)?$"
    )
)
_SCHOOL_AFTER = pattern(
    lambda w: (
        rf"(?:{alternation(w.prose.school_names)})(?!{alternation(w.prose.school_not_before)})"
    )
)
_SCHOOL_END = pattern(lambda w: rf"[{chars(w.prose.school_name_end)}]$")
_MEASURE_END = pattern(lambda w: rf"(?:{alternation(w.prose.measure_end)})$")


def _list_items(name: str, joints: str) -> list[str]:
    """Split a list of names at ``joints`` outside brackets.

    "县(市、区)" is one place word (county-level units), not two items: a name
    "通过“区检”县(市、区)比例" is one name, not "…县(市" and "区)比例".
    """
    cuts = [-1, *_outside_brackets(name, joints), len(name)]
    return [x for a, b in itertools.pairwise(cuts) if (x := name[a + 1 : b])]


def _share_value(s: str, out: list[DIndicator], n: int, first: int) -> None:
    """Give one value to each indicator of a name list: "X入学率、巩固率达100%".

    "贫困家庭学生基础教育入学率、巩固率达100%": the second name takes the first's subject;
    "乡镇中心幼儿园、村级幼儿园覆盖率达100%": the first takes the last's measure (both when the
    sentence holds one value and no 分别 list). A list followed by 均 (都, 全部) gives its value
    to each item wherever it stands in the sentence: "…入学率和毕业率均达100%",
    "小学、普通初中、普通高中专任教师学历合格率均达到100%". ``out[first:]`` are the sentence's.
    """
    for at in range(len(out) - 1, first - 1, -1):
        ind = out[at]
        if ind.origin != "prose" or len(ind.values) != 1:
            continue
        parts = _list_items(ind.name, words().prose.shared_joints)
        if len(parts) < 2 or any(len(p) < 2 for p in parts):
            continue
        names = _each_names(parts) if _each_of_list(s, parts[-1]) else None
        if names is None and n == 1 and words().prose.respectively not in s and len(parts) == 2:
            names = _shared_names(parts)
        if names is None:
            continue
        v = ind.values[0]
        why = f"one value for the names of the list {ind.name!r}"
        ind.name = names[0]
        v.flags["elided_subject"] = why
        out[at + 1 : at + 1] = [
            DIndicator(
                name=name,
                unit=ind.unit,
                section=ind.section,
                origin="prose",
                values=[dataclasses.replace(v, flags={**v.flags}, hedges=list(v.hedges))],
                subject=ind.subject,
            )
            for name in names[1:]
        ]


def _shared_names(parts: list[str]) -> list[str] | None:
    """Name both items of "X入学率、巩固率" or "乡镇中心幼儿园、村级幼儿园覆盖率" (else None)."""
    first, second = parts
    m1, m2 = _MEASURE_END.search(first), _MEASURE_END.search(second)
    if m1 and m2 and len(second) == len(m2.group(0)):
        return [first, first[: m1.start()] + second]
    if m2 and not m1 and len(second) > len(m2.group(0)):
        return [first + (_head_measure(second) or m2.group(0)), second]
    return None


_EACH_OF_LIST = pattern(lambda w: rf"\s*(?:{alternation(w.prose.each_of_list)})")
_RATE_END = pattern(lambda w: rf"(?:{alternation(w.prose.rate_end)})$")


def _each_of_list(s: str, last: str) -> bool:
    """Whether 均 (都, 全部) follows the list's last item: its one value holds for each item."""
    k = s.find(last)
    return k >= 0 and _EACH_OF_LIST.match(s, k + len(last)) is not None


def _each_names(parts: list[str]) -> list[str] | None:
    """Name each item of a list whose one value 均 gives to all (None: the items are no rates).

    "小学适龄儿童入学率和毕业率均达100%": two rates, the bare one takes the subject of the first
    (小学适龄儿童毕业率); "小学、普通初中、普通高中专任教师学历合格率均达到100%": the items before
    the last are what the last names before its measure (普通高中), so each takes that measure.
    """
    last = parts[-1]
    if _RATE_END.search(last) is None:
        return None
    if all(_RATE_END.search(p) for p in parts):
        m1 = _MEASURE_END.search(parts[0])
        if m1 is None:
            return None if any(len(p) <= 3 for p in parts[1:]) else list(parts)
        subject = parts[0][: m1.start()]
        return [parts[0], *(subject + p if len(p) <= 3 else p for p in parts[1:])]
    heads = parts[:-1]
    if any(_RATE_END.search(p) or len(p) > 4 for p in heads):
        return None
    measure = _head_measure(last)
    return None if measure is None else [*(p + measure for p in heads), last]


def _head_measure(last: str) -> str | None:
    """Return what follows the head of a list's last item (幼儿园专任教师学历合格率 -> 专任教师…).

    The head (小学, 普通高中, 幼儿园, 中职学校) ends in a character of ``list_head_end`` that no
    other such character follows, within the first five; None when there is no such head.
    """
    ends = words().prose.list_head_end
    heads = (k for k in range(2, 6) if k < len(last) - 1 and last[k - 1] in ends)
    cut = next((k for k in heads if last[k] not in ends), 0)
    return last[cut:] if cut else None
