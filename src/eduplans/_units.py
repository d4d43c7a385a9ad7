"""Units: the private pint registry and the reading of value texts.

Value texts are read by hand-written rules, never by pint: pint's parser silently drops characters
it does not know ("97％" would become a bare 97). Only canonical ASCII unit names from
``data/units.txt`` ever reach the registry, which is built on first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from ._errors import UnitError, ValueTextError
from ._once import once
from ._vocab import Comparator

if TYPE_CHECKING:
    import pint

__all__ = [
    "UNITS",
    "ParsedValue",
    "check_compatible",
    "convert",
    "convertible",
    "format_value",
    "get_registry",
    "parse_value",
    "quantity",
]

#: Canonical unit names a plan file may use, each defined in ``data/units.txt``.
UNITS: frozenset[str] = frozenset(
    {
        "building",
        "class",
        "class_hour",
        "day",
        "item",
        "megabit_per_second",
        "minute",
        "hour",
        "pair",
        "percent",
        "percentage_point",
        "person",
        "person_time",
        "room",
        "school",
        "seat",
        "square_meter",
        "times",
        "year",
        "yuan",
    }
)

#: Units of counted things: a generic classifier (个, 名, 项 …) takes the unit the context gives.
_COUNTS = frozenset(
    {"building", "class", "item", "pair", "person", "person_time", "room", "school", "seat"}
)

# Unit words as written after a number, longest first when matched.
_UNIT_WORDS: dict[str, str] = {
    "%": "percent",
    "个百分点": "percentage_point",
    "百分点": "percentage_point",
    "人次": "person_time",
    "人": "person",
    "所": "school",
    "个学位": "seat",
    "学位": "seat",
    "个教学班": "class",
    "教学班": "class",
    "个班": "class",
    "班": "class",
    "对": "pair",
    "间": "room",
    "幢": "building",
    "栋": "building",
    "元": "yuan",
    "年": "year",
    "个小时": "hour",
    "小时": "hour",
    "分钟": "minute",
    "天": "day",
    "学时": "class_hour",
    "课时": "class_hour",
    "兆": "megabit_per_second",
    "Mbps": "megabit_per_second",
    "M": "megabit_per_second",
    "平方米": "square_meter",
    "㎡": "square_meter",
    "m²": "square_meter",
    "倍": "times",
}
# Classifiers that count "things" in general; the context (indicator unit) says which things.
_CLASSIFIERS: dict[str, str] = {
    "名": "person",
    "位": "person",
    "个": "item",
    "家": "item",
    "项": "item",
    "种": "item",
    "套": "item",
    "枚": "item",
    "节": "item",
    "次": "item",
    "台": "item",
    "张": "item",
    "本": "item",
    "册": "item",
    "批": "item",
    "条": "item",
    "门": "item",
    "支": "item",
    "部": "item",
    "处": "item",
}

#: Chinese word for each canonical unit, used when formatting.
_UNIT_TEXT: dict[str, str] = {
    "percent": "%",
    "percentage_point": "个百分点",
    "person": "人",
    "person_time": "人次",
    "school": "所",
    "seat": "个学位",
    "class": "个班",
    "item": "个",
    "pair": "对",
    "room": "间",
    "building": "幢",
    "yuan": "元",
    "year": "年",
    "hour": "小时",
    "minute": "分钟",
    "day": "天",
    "class_hour": "学时",
    "megabit_per_second": "兆",
    "square_meter": "平方米",
    "times": "倍",
}

_SCALES: dict[str, int] = {"万亿": 10**12, "亿": 10**8, "万": 10**4, "千": 10**3}

# Full-width and variant characters folded one for one, so positions stay those of the input.
_FOLD = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "．": ".",
        "％": "%",
        "，": ",",
        "＞": ">",
        "＜": "<",
        "＝": "=",
        "～": "~",
        "〜": "~",
        "–": "—",
        "―": "—",
        "－": "—",
        "‐": "-",
        "−": "-",
        "　": " ",
    }
)

_PREFIX_CMP: dict[str, Comparator] = {
    "≥": Comparator.GE,
    "≧": Comparator.GE,
    ">=": Comparator.GE,
    "不低于": Comparator.GE,
    "不少于": Comparator.GE,
    "不小于": Comparator.GE,
    "至少": Comparator.GE,
    "≤": Comparator.LE,
    "≦": Comparator.LE,
    "<=": Comparator.LE,
    "不超过": Comparator.LE,
    "不高于": Comparator.LE,
    "不多于": Comparator.LE,
    "不大于": Comparator.LE,
    "最多": Comparator.LE,
    ">": Comparator.GT,
    "超过": Comparator.GT,
    "超": Comparator.GT,
    "逾": Comparator.GT,
    "高于": Comparator.GT,
    "大于": Comparator.GT,
    "多于": Comparator.GT,
    "<": Comparator.LT,
    "低于": Comparator.LT,
    "少于": Comparator.LT,
    "小于": Comparator.LT,
    "约": Comparator.APPROX,
    "大约": Comparator.APPROX,
    "近": Comparator.APPROX,
    "接近": Comparator.APPROX,
}
_SUFFIX_CMP: dict[str, Comparator] = {
    "及以上": Comparator.GE,
    "以上": Comparator.GE,
    "及以下": Comparator.LE,
    "以下": Comparator.LE,
    "以内": Comparator.LE,
    "左右": Comparator.APPROX,
    "上下": Comparator.APPROX,
}
# Verbs that may lead a value text and do not change its meaning.
_VERBS = (
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "增加到",
    "增加至",
    "增至",
    "达到",
    "保持在",
    "控制在",
    "稳定在",
    "保持",
    "达",
    "为",
    "提高",
    "提升",
    "增加",
    "降低",
    "下降",
    "减少",
    "各",
)
# A text without a number is a qualitative target when it names a level to keep or reach.
_QUALITATIVE_WORDS = ("保持", "维持", "稳定", "巩固", "水平")

_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_CN_DIGIT = {c: k for k, c in enumerate("零一二三四五六七八九")} | {"〇": 0}
_NUM = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|[{_CN_DIGITS}]+(?:点[{_CN_DIGITS}]+)?)"
_SCALE = "|".join(_SCALES)
_ALL_UNITS = "|".join(
    re.escape(w) for w in sorted([*_UNIT_WORDS, *_CLASSIFIERS], key=len, reverse=True)
)


def _part(i: int) -> str:
    return (
        rf"(?P<num{i}>{_NUM})\s*(?P<approx{i}a>余|多)?(?P<scale{i}>{_SCALE})?"
        rf"(?P<approx{i}b>余|多)?\s*(?P<unit{i}>{_ALL_UNITS})?"
    )


_VALUE_RE = re.compile(_part(1) + r"(?:\s*(?:—{1,2}|-|~|至|到)\s*" + _part(2) + r")?")


# "百分之九十" is "九十%": rewritten in place, padded with spaces so positions do not move.
_PERCENT_WORDS = re.compile(rf"百分之({_NUM})")


def _as_percent(m: re.Match[str]) -> str:
    return f"{m.group(1)}%".ljust(len(m.group(0)))


@dataclass(frozen=True, slots=True, kw_only=True)
class ParsedValue:
    """A value text read into its parts.

    Attributes
    ----------
    comparator
        The promise: ``=``, ``>=``, ``<=``, ``>``, ``<``, ``~``, ``range`` or ``maintain``.
    value
        The number with scale words applied, in ``unit``; None for a qualitative text.
    upper
        The upper end of a range, else None.
    unit
        Canonical unit name (see ``data/units.txt``), or None when neither the text nor the
        context gives one.

    """

    comparator: Comparator
    value: float | None
    upper: float | None
    unit: str | None


@once
def get_registry() -> pint.UnitRegistry[Any]:
    """Return eduplans' private pint registry, built on first call from ``data/units.txt``.

    Returns
    -------
    pint.UnitRegistry
        A registry holding only eduplans' own units; never pint's application registry.

    """
    import pint

    registry: pint.UnitRegistry[Any] = pint.UnitRegistry(None, cache_folder=None)
    with files("eduplans").joinpath("data/units.txt").open(encoding="utf-8") as fh:
        registry.load_definitions(fh.read().splitlines())
    return registry


def quantity(magnitude: float, unit: str) -> Any:
    """Return ``magnitude`` as a pint Quantity of the canonical ``unit``.

    Parameters
    ----------
    magnitude
        The number.
    unit
        A canonical unit name from :data:`UNITS`.

    Returns
    -------
    pint.Quantity
        The quantity in eduplans' private registry.

    Raises
    ------
    UnitError
        If ``unit`` is not a canonical eduplans unit.

    """
    if unit not in UNITS:
        raise UnitError(f"unknown unit {unit!r}; known units: {', '.join(sorted(UNITS))}")
    return get_registry().Quantity(magnitude, unit)


def check_compatible(a: str, b: str, *, what: str = "values") -> None:
    """Raise :class:`UnitError` unless units ``a`` and ``b`` measure the same kind of thing.

    Parameters
    ----------
    a, b
        Canonical unit names.
    what
        Words naming what is compared, used in the message.

    Raises
    ------
    UnitError
        If either unit is unknown or their dimensions differ (schools vs persons, % vs seats).

    """
    registry = get_registry()
    for u in (a, b):
        if u not in UNITS:
            raise UnitError(f"unknown unit {u!r}")
    if registry.Unit(a).dimensionality != registry.Unit(b).dimensionality:
        raise UnitError(f"cannot compare {what} in {a!r} with {what} in {b!r}: different kinds")


# The kind of thing each unit measures, as data/units.txt defines it (a test checks that the two
# agree), so that loading plans can check units without importing pint.
_DIMENSION: dict[str, str] = {
    "percent": "share",
    "times": "share",
    "percentage_point": "share_change",
    "person": "person",
    "person_time": "person_time",
    "school": "school",
    "seat": "seat",
    "class": "class",
    "item": "item",
    "pair": "pair",
    "room": "room",
    "building": "building",
    "yuan": "currency",
    "minute": "time",
    "hour": "time",
    "day": "time",
    "year": "time",
    "class_hour": "class_hour",
    "megabit_per_second": "bandwidth",
    "square_meter": "area",
}


def convertible(a: str, b: str) -> bool:
    """Return whether a value in unit ``a`` can be expressed in unit ``b``.

    Units of one kind convert (``hour`` ↔ ``minute``, ``percent`` ↔ ``times``); counted things
    never do (schools are not persons). ``percentage_point`` converts only to itself: a change of
    a rate in 百分点 is not a rate. Pint is not imported.

    Parameters
    ----------
    a, b
        Canonical unit names.

    Returns
    -------
    bool
        True when :func:`convert` can convert between them.

    Raises
    ------
    UnitError
        If either unit is not a canonical unit name.

    """
    for u in (a, b):
        if u not in UNITS:
            raise UnitError(f"unknown unit {u!r}; known units: {', '.join(sorted(UNITS))}")
    return _DIMENSION[a] == _DIMENSION[b]


def convert(magnitude: float, unit: str, to: str) -> float:
    """Return ``magnitude`` in ``unit`` expressed in unit ``to``, with the private registry.

    Parameters
    ----------
    magnitude
        The number.
    unit, to
        Canonical unit names; see :func:`convertible`.

    Returns
    -------
    float
        The number in ``to`` (``convert(1, "hour", "minute") == 60.0``).

    Raises
    ------
    UnitError
        If the units do not convert.

    """
    if not convertible(unit, to):
        raise UnitError(f"cannot express a value in {unit!r} in {to!r}: different kinds")
    if unit == to:
        return float(magnitude)
    return float(quantity(magnitude, unit).to(to).magnitude)


def _number(token: str, text: str, pos: int) -> Decimal:
    if token[0].isdigit():
        return Decimal(token.replace(",", ""))
    if token in {"百", "千"}:  # a bare 百/千 is "a hundred"/"a thousand"
        return Decimal(100 if token == "百" else 1000)
    from cn2an import cn2an  # imported only for Chinese numerals

    whole, dot, decimals = token.partition("点")
    try:
        numeral = whole.replace("两", "二").replace("〇", "零")
        number = Decimal(str(cn2an(numeral, "strict")))
    except (ValueError, InvalidOperation) as exc:
        raise ValueTextError("not a number", text=text, position=pos) from exc
    if not dot:
        return number
    # 五点五, 零点五, 九十五点五: the digits after 点 are read one by one (cn2an reads none)
    digits = [_CN_DIGIT.get(c) for c in decimals]
    if not digits or None in digits:
        raise ValueTextError(
            "the digits after 点 must be 零 to 九", text=text, position=pos + len(whole) + 1
        )
    return number + Decimal("0." + "".join(str(d) for d in digits))


def _unit_of(word: str | None, context: str | None, text: str, pos: int) -> str | None:
    if word is None:
        return context
    if word in _UNIT_WORDS:
        unit = _UNIT_WORDS[word]
        if context is not None and context != unit:
            raise ValueTextError(
                f"unit word {word!r} means {unit!r} but the context unit is {context!r}",
                text=text,
                position=pos,
            )
        return unit
    default = _CLASSIFIERS[word]
    if context is None:
        return default
    if context in _COUNTS:
        return context
    raise ValueTextError(
        f"classifier {word!r} counts things but the context unit is {context!r}",
        text=text,
        position=pos,
    )


def parse_value(text: str, *, unit: str | None = None) -> ParsedValue:
    """Read a value text into comparator, value, upper value and unit.

    Parameters
    ----------
    text
        The value as written: ``"94"``, ``"≥100"``, ``"97%以上"``, ``"3—5所"``, ``"1.5万"``,
        ``"10.29亿元"``, ``"30%左右"``, ``"不超过60分钟"``, ``"超过60%"``, ``"保持高水平"``.
    unit
        The unit the context states (a table header's ``(%)``, the thing a sentence counts), as a
        canonical name. A generic classifier in the text (个, 名, 项) takes this unit; a specific
        unit word in the text must agree with it.

    Returns
    -------
    ParsedValue
        Scale words are applied: ``"1.5万"`` gives 15000.0, ``"10.29亿元"`` 1029000000.0 yuan.

    Raises
    ------
    ValueTextError
        If the text holds no readable value, has unread characters left, or its unit word
        contradicts ``unit``. The message names the text and the position.
    UnitError
        If ``unit`` is not a canonical unit name.

    Examples
    --------
    >>> parse_value("97%以上")
    ParsedValue(comparator=<Comparator.GE: '>='>, value=97.0, upper=None, unit='percent')
    >>> parse_value("1.5万", unit="seat").value
    15000.0

    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if unit is not None and unit not in UNITS:
        raise UnitError(f"unknown unit {unit!r}; known units: {', '.join(sorted(UNITS))}")
    folded = _PERCENT_WORDS.sub(_as_percent, text.translate(_FOLD))
    pos, end = 0, len(folded)
    while pos < end and folded[pos].isspace():
        pos += 1
    while end > pos and folded[end - 1].isspace():
        end -= 1
    if pos == end:
        raise ValueTextError("the text is empty", text=text, position=0)

    comparators: list[tuple[Comparator, int]] = []  # each with the position of its word
    changed = True
    while changed:  # leading verbs and comparator words, in any order
        changed = False
        for word in (*sorted(_PREFIX_CMP, key=len, reverse=True), *_VERBS):
            if folded.startswith(word, pos):
                if word in _PREFIX_CMP:
                    comparators.append((_PREFIX_CMP[word], pos))
                pos += len(word)
                while pos < end and folded[pos].isspace():
                    pos += 1
                changed = True
                break

    m = _VALUE_RE.match(folded, pos, end)
    if m is None:
        rest = folded[pos:end]
        if any(w in rest for w in _QUALITATIVE_WORDS) or any(w in text for w in _QUALITATIVE_WORDS):
            if comparators:
                raise ValueTextError("a comparator without a number", text=text, position=pos)
            return ParsedValue(comparator=Comparator.MAINTAIN, value=None, upper=None, unit=unit)
        raise ValueTextError("no number found", text=text, position=pos)

    after = m.end()
    suffix_words = sorted(_SUFFIX_CMP, key=len, reverse=True)
    while after < end:
        for word in suffix_words:
            if folded.startswith(word, after):
                comparators.append((_SUFFIX_CMP[word], after))
                after += len(word)
                break
        else:
            if folded[after].isspace():
                after += 1
                continue
            raise ValueTextError("unexpected text after the value", text=text, position=after)

    for g in ("approx1a", "approx1b", "approx2a", "approx2b"):
        if m.group(g):
            comparators.append((Comparator.APPROX, m.start(g)))

    low = _number(m.group("num1"), text, m.start("num1"))
    high = _number(m.group("num2"), text, m.start("num2")) if m.group("num2") else None
    scale1, scale2 = m.group("scale1"), m.group("scale2")
    word1, word2 = m.group("unit1"), m.group("unit2")
    if high is not None:  # "3—5万人": the second part's scale and unit apply to the first
        scale1 = scale1 or scale2
        word1 = word1 or word2
        word2 = word2 or word1
    unit1 = _unit_of(word1, unit, text, m.start("unit1") if m.group("unit1") else m.end())
    if high is not None:
        unit2 = _unit_of(word2, unit, text, m.start("unit2") if m.group("unit2") else m.end())
        if unit1 != unit2:
            raise ValueTextError(
                f"the two ends of the range have different units ({unit1}, {unit2})",
                text=text,
                position=m.start("num2"),
            )
    value = float(low * _SCALES.get(scale1 or "", 1))
    upper = float(high * _SCALES.get(scale2 or "", 1)) if high is not None else None
    for number, at in ((value, "num1"), (upper, "num2")):
        if number is not None and number == float("inf"):
            raise ValueTextError(
                "the number is too large to be a value", text=text, position=m.start(at)
            )

    kinds = {c for c, _ in comparators}
    if high is not None:
        strict = [at for c, at in comparators if c is not Comparator.APPROX]
        if strict:
            raise ValueTextError("a range with a comparator word", text=text, position=strict[0])
        if upper is not None and upper < value:
            raise ValueTextError(
                "a range whose upper end is below its lower end",
                text=text,
                position=m.start("num2"),
            )
        return ParsedValue(comparator=Comparator.RANGE, value=value, upper=upper, unit=unit1)
    if len(kinds) > 1:
        second = next(at for c, at in comparators if c is not comparators[0][0])
        raise ValueTextError(
            f"contradictory comparator words ({', '.join(sorted(kinds))})",
            text=text,
            position=second,
        )
    comparator = kinds.pop() if kinds else Comparator.EQ
    return ParsedValue(comparator=comparator, value=value, upper=None, unit=unit1)


def _plain(number: float) -> str:
    text = format(Decimal(repr(number)).normalize(), "f")
    return text


#: English unit words after a number: (singular, plural); "" joins the number without a space.
_UNIT_TEXT_EN: dict[str, tuple[str, str]] = {
    "percent": ("%", "%"),
    "percentage_point": ("percentage point", "percentage points"),
    "person": ("person", "persons"),
    "person_time": ("person-time", "person-times"),
    "school": ("school", "schools"),
    "seat": ("place", "places"),
    "class": ("class", "classes"),
    "item": ("item", "items"),
    "pair": ("pair", "pairs"),
    "room": ("room", "rooms"),
    "building": ("building", "buildings"),
    "yuan": ("yuan", "yuan"),
    "year": ("year", "years"),
    "hour": ("hour", "hours"),
    "minute": ("minute", "minutes"),
    "day": ("day", "days"),
    "class_hour": ("class hour", "class hours"),
    "megabit_per_second": ("Mbps", "Mbps"),
    "square_meter": ("m²", "m²"),
    "times": ("time", "times"),
}


def _plain_en(number: float) -> str:
    text = _plain(number)
    whole, dot, frac = text.partition(".")
    if len(whole) > 4:  # 10,000 and above get thousands separators; 2025 stays a year
        whole = f"{int(whole):,}"
    return whole + dot + frac


def _with_unit_en(number: str, unit: str | None, plural: bool) -> str:
    if not unit:
        return number
    one, many = _UNIT_TEXT_EN[unit]
    word = many if plural else one
    return f"{number}{word}" if unit == "percent" else f"{number} {word}"


def format_value(
    comparator: Comparator | str,
    value: float | None,
    *,
    upper: float | None = None,
    unit: str | None = None,
    lang: str = "zh",
) -> str:
    """Write a value back as value text, in Chinese (:func:`parse_value` reads it back) or English.

    Parameters
    ----------
    comparator
        One of the comparators (``"="``, ``">="`` …).
    value
        The number in ``unit``; None only for ``maintain``.
    upper
        The upper end, for ``range`` only.
    unit
        Canonical unit name, or None for a bare number.
    lang
        ``"zh"`` (the default): Chinese value text that :func:`parse_value` reads back unchanged;
        ``"en"``: the same value in English, for English tables and figures.

    Returns
    -------
    str
        In Chinese, for example ``"≥97%"``, ``"3—5所"``, ``"30%左右"``, ``"保持"``; in English
        the same values as ``"≥ 97%"``, ``"3–5 schools"``, ``"about 30%"``, ``"maintain"``.

    Raises
    ------
    ValueTextError
        If the parts do not make a value (a range without ``upper``, a number for ``maintain``).
    UnitError
        If ``unit`` is unknown.
    ValueError
        If ``lang`` is not ``"zh"`` or ``"en"``.

    Examples
    --------
    >>> format_value(">=", 100, unit="percent")
    '≥100%'
    >>> format_value(">=", 100, unit="percent", lang="en")
    '≥ 100%'
    >>> format_value("~", 30, unit="percent", lang="en")
    'about 30%'
    >>> format_value("<=", 60, unit="minute", lang="en")
    '≤ 60 minutes'
    >>> format_value("range", 95, upper=97, unit="percent", lang="en")
    '95–97%'

    """
    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    comparator = Comparator(comparator)
    if unit is not None and unit not in UNITS:
        raise UnitError(f"unknown unit {unit!r}")
    word = _UNIT_TEXT[unit] if unit else ""
    if comparator is Comparator.MAINTAIN:
        if value is not None:
            raise ValueTextError("maintain takes no number", text=repr(value))
        return "保持" if lang == "zh" else "maintain"
    if value is None:
        raise ValueTextError(f"comparator {comparator} needs a number", text="")
    for bound in (value, upper):
        if bound is not None and not (bound >= 0 and bound != float("inf")):
            raise ValueTextError(
                "only finite, non-negative numbers can be written", text=repr(bound)
            )
    if comparator is Comparator.RANGE:
        if upper is None:
            raise ValueTextError("a range needs an upper value", text=_plain(value))
        if lang == "en":
            return _with_unit_en(f"{_plain_en(value)}–{_plain_en(upper)}", unit, plural=True)
        return f"{_plain(value)}—{_plain(upper)}{word}"
    prefix = {Comparator.GE: "≥", Comparator.LE: "≤", Comparator.GT: ">", Comparator.LT: "<"}
    if lang == "en":
        number = _with_unit_en(_plain_en(value), unit, plural=value != 1)
        if comparator in prefix:
            return f"{prefix[comparator]} {number}"
        if comparator is Comparator.APPROX:
            return f"about {number}"
        return number
    number = f"{_plain(value)}{word}"
    if comparator in prefix:
        return prefix[comparator] + number
    if comparator is Comparator.APPROX:
        return number + "左右"
    return number
