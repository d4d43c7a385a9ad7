"""Units: the private pint registry and the reading of value texts.

Value texts are read by hand-written rules, never by pint: pint's parser silently drops characters
it does not know ("97％" would become a bare 97). Only canonical ASCII unit names from
``data/units.txt`` ever reach the registry, which is built on first use.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from ._errors import ArgumentError, ArgumentTypeError, UnitError, ValueTextError
from ._once import once
from ._vocab import Comparator
from ._words import alternation, on_change, words

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
    "stated",
]

# Every word below comes from data/words.toml (eduplans._words): :func:`_load` builds the tables
# and patterns from it, at import and again when eduplans._words.use_words changes the words.


class _UnitNames(AbstractSet[str]):
    """The canonical unit names of the words data in use (a live, read-only set)."""

    def __contains__(self, item: object) -> bool:
        return item in _UNIT_TEXT

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(_UNIT_TEXT))

    def __len__(self) -> int:
        return len(_UNIT_TEXT)

    def __repr__(self) -> str:
        return f"UNITS({sorted(_UNIT_TEXT)})"


#: Canonical unit names a plan file may use (the [[unit]] blocks of data/words.toml).
UNITS: AbstractSet[str] = _UnitNames()
# The kind of thing each unit measures (its block's `kind` in data/words.toml; a test checks that
# it agrees with data/units.txt), so that loading plans can check units without importing pint.
_DIMENSION: dict[str, str] = {}
_COUNTS: frozenset[str] = frozenset()  # counted things: a classifier takes the context's unit
_UNIT_WORDS: dict[str, str] = {}  # unit words as written after a number -> unit
_CLASSIFIERS: dict[str, str] = {}  # 个, 名, 项 -> the unit taken when the context gives none
_UNIT_TEXT: dict[str, str] = {}  # unit -> its Chinese word, for formatting
_UNIT_TEXT_EN: dict[str, tuple[str, str]] = {}  # unit -> English (singular, plural)
_BARE_UNITS: frozenset[str] = frozenset()  # written without a word after the number (coefficient)
_BEFORE: dict[str, str] = {}  # words before a number -> unit ("1:" of a ratio 1:17)
_SCALES: dict[str, int] = {}
_FOLD: dict[int, str] = {}
_PREFIX_CMP: dict[str, Comparator] = {}
_SUFFIX_CMP: dict[str, Comparator] = {}
_CMP_TEXT: dict[Comparator, tuple[str, str]] = {}  # comparator -> (zh, en) words
_CMP_SYMBOL: dict[Comparator, str] = {}  # comparator -> the symbol eduplans writes (≥)
_VERBS: tuple[str, ...] = ()  # verbs that may lead a value text (提高到)
_QUALITATIVE_WORDS: tuple[str, ...] = ()
_CN_DIGITS = ""
_CN_DIGIT: dict[str, int] = {}
_POINT = ""  # the decimal point of a number in words (五点五)
_VARIANTS: dict[int, str] = {}  # numerals written for another (两 -> 二, 〇 -> 零), for translate
_BARE: dict[str, int] = {}  # a numeral standing alone for a number (百, 千)
_MAINTAIN: tuple[str, str] = ("", "")  # how a 'maintain' target is written (zh, en)
_NUM = ""
_VALUE_RE = re.compile("")


def _part(i: int, scale: str, hedge: str, units: str) -> str:
    return (
        rf"(?P<num{i}>{_NUM})\s*(?P<approx{i}a>{hedge})?(?P<scale{i}>{scale})?"
        rf"(?P<approx{i}b>{hedge})?\s*(?P<unit{i}>{units})?"
    )


def _load() -> None:
    global _COUNTS, _CN_DIGITS, _NUM, _VALUE_RE, _VERBS, _QUALITATIVE_WORDS, _MAINTAIN
    global _BARE_UNITS, _POINT
    w = words()
    _BARE_UNITS = frozenset(u.key for u in w.units if u.bare)
    _BEFORE.clear()
    _BEFORE.update({word: u.key for u in w.units for word in u.before})
    _DIMENSION.clear()
    _DIMENSION.update({u.key: u.kind for u in w.units})
    _COUNTS = frozenset(u.key for u in w.units if u.counted)
    _UNIT_WORDS.clear()
    _UNIT_WORDS.update({word: u.key for u in w.units for word in u.words})
    _CLASSIFIERS.clear()
    _CLASSIFIERS.update(w.classifiers)
    _UNIT_TEXT.clear()
    _UNIT_TEXT.update({u.key: u.zh for u in w.units})
    _UNIT_TEXT_EN.clear()
    _UNIT_TEXT_EN.update({u.key: u.en for u in w.units})
    _SCALES.clear()
    _SCALES.update(w.scales)
    _FOLD.clear()
    _FOLD.update(w.fold_chars)
    _PREFIX_CMP.clear()
    _PREFIX_CMP.update({x: Comparator(c.key) for c in w.comparators for x in c.prefix})
    _SUFFIX_CMP.clear()
    _SUFFIX_CMP.update({x: Comparator(c.key) for c in w.comparators for x in c.suffix})
    _CMP_TEXT.clear()
    _CMP_TEXT.update({Comparator(c.key): (c.zh, c.en) for c in w.comparators})
    _CMP_SYMBOL.clear()
    _CMP_SYMBOL.update({Comparator(c.key): c.symbol for c in w.comparators})
    _VERBS = w.verbs
    _BARE.clear()
    _BARE.update(w.bare_numbers)
    _MAINTAIN = w.maintain
    _QUALITATIVE_WORDS = w.qualitative
    _CN_DIGITS = w.numerals
    _CN_DIGIT.clear()
    _CN_DIGIT.update({c: k for k, c in enumerate(w.digits)} | {w.zero: 0})
    _POINT = w.decimal_point
    _VARIANTS.clear()
    _VARIANTS.update({ord(a): b for a, b in w.numeral_variants.items()})
    if w.zero and w.digits:
        _VARIANTS[ord(w.zero)] = w.digits[0]  # 二〇二五 is read as 二零二五
    point = re.escape(_POINT)
    _NUM = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|[{_CN_DIGITS}]+(?:{point}[{_CN_DIGITS}]+)?)"
    args = (alternation(w.scales), alternation(w.hedge), alternation([*_UNIT_WORDS, *_CLASSIFIERS]))
    _VALUE_RE = re.compile(
        _part(1, *args) + rf"(?:\s*(?:—{{1,2}}|{alternation(w.range)})\s*" + _part(2, *args) + r")?"
    )
    if "get_registry" in globals():
        get_registry.cache_clear()  # type: ignore[attr-defined]


_load()
on_change(_load)


# "百分之九十" is "九十%": rewritten in place, padded with spaces so positions do not move.
_PERCENT_WORDS = re.compile(rf"{re.escape(words().percent_words)}({_NUM})")


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
    for unit in words().units:  # a unit added to the words data (亩) is defined by its block
        if unit.key not in registry:
            registry.define(unit.pint)
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
    if token in _BARE:  # a bare 百/千 is "a hundred"/"a thousand"
        return Decimal(_BARE[token])
    whole, dot, decimals = token.partition(_POINT)
    numeral = whole.translate(_VARIANTS)
    if len(numeral) == 1 and numeral in _CN_DIGIT:
        number = Decimal(_CN_DIGIT[numeral])  # 一 … 九 (一所, 三个): no need to load cn2an
    else:
        from cn2an import cn2an  # imported only for numerals of more than one character

        try:
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
        raise ArgumentTypeError(f"text must be str, not {type(text).__name__}")
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

    before: tuple[str, int] | None = None  # a ratio's "1:" before the number (1:17)
    for word in sorted(_BEFORE, key=len, reverse=True):
        if folded.startswith(word, pos) and _VALUE_RE.match(folded, pos + len(word), end):
            before = (_BEFORE[word], pos)
            pos += len(word)
            while pos < end and folded[pos].isspace():
                pos += 1
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

    # 30余所, 2万多人: "thirty-odd", more than the number written (as the curators of every
    # real-text set label it), not about it; a comparator word beside it says more (约300余所 is
    # about, 300余所以上 at least), and in a range (3—5万余人) the range holds it
    hedged = {m.start(g) for g in ("approx1a", "approx1b", "approx2a", "approx2b") if m.group(g)}
    if hedged and not comparators:
        comparators.append((Comparator.GT, min(hedged)))

    low = _number(m.group("num1"), text, m.start("num1"))
    high = _number(m.group("num2"), text, m.start("num2")) if m.group("num2") else None
    scale1, scale2 = m.group("scale1"), m.group("scale2")
    word1, word2 = m.group("unit1"), m.group("unit2")
    if high is not None:  # "3—5万人": the second part's scale and unit apply to the first
        scale1 = scale1 or scale2
        word1 = word1 or word2
        word2 = word2 or word1
    if before is not None:  # 1:17 is 17 of the unit (students per teacher)
        if word1 is not None or high is not None:
            raise ValueTextError(
                f"a ratio written 1:N takes no unit word or range ({folded[before[1] : pos]!r})",
                text=text,
                position=m.start("unit1") if word1 is not None else m.start("num2"),
            )
        if unit is not None and unit != before[0]:
            raise ValueTextError(
                f"the ratio means {before[0]!r} but the context unit is {unit!r}",
                text=text,
                position=before[1],
            )
    unit1 = _unit_of(word1, unit, text, m.start("unit1") if m.group("unit1") else m.end())
    if before is not None:
        unit1 = before[0]
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
        strict = [at for c, at in comparators if c is not Comparator.APPROX and at not in hedged]
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


def _plain_en(number: float) -> str:
    text = _plain(number)
    whole, dot, frac = text.partition(".")
    if len(whole) > 3:  # thousands separators: 3,200 places
        whole = f"{int(whole):,}"
    return whole + dot + frac


def _with_unit_en(number: str, unit: str | None, plural: bool) -> str:
    if not unit or unit in _BARE_UNITS:  # a coefficient is written as its number alone
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
    ArgumentError
        If ``comparator`` is not one of the comparators, or ``lang`` is not ``"zh"`` or
        ``"en"``.

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
        raise ArgumentError(f"lang must be 'zh' or 'en', not {lang!r}")
    if comparator not in {c.value for c in Comparator}:
        known = ", ".join(repr(c.value) for c in Comparator)
        raise ArgumentError(f"comparator must be one of {known}, not {comparator!r}")
    comparator = Comparator(comparator)
    if unit is not None and unit not in UNITS:
        raise UnitError(f"unknown unit {unit!r}")
    word = _UNIT_TEXT[unit] if unit and unit not in _BARE_UNITS else ""
    if comparator is Comparator.MAINTAIN:
        if value is not None:
            raise ValueTextError("maintain takes no number", text=repr(value))
        return _MAINTAIN[0] if lang == "zh" else _MAINTAIN[1]
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
    prefix = {
        c: _CMP_SYMBOL[c] for c in (Comparator.GE, Comparator.LE, Comparator.GT, Comparator.LT)
    }
    if lang == "en":
        number = _with_unit_en(_plain_en(value), unit, plural=value != 1)
        if comparator in prefix:
            return f"{prefix[comparator]} {number}"
        if comparator is Comparator.APPROX:
            return f"{_CMP_TEXT[Comparator.APPROX][1]} {number}"
        return number
    number = f"{_plain(value)}{word}"
    if comparator in prefix:
        return prefix[comparator] + number
    if comparator is Comparator.APPROX:
        return number + _CMP_TEXT[Comparator.APPROX][0]
    return number


def stated(number: float | None) -> float:
    """Round a computed number to 12 significant digits, the precision plan texts state.

    Differences and conversions of stated values carry binary noise (``94 - 93.64`` is
    ``0.35999999999999943``); frames hold the number the arithmetic means instead. ``None``
    becomes NaN.

    Examples
    --------
    >>> stated(94 - 93.64)
    0.36
    >>> stated(None)
    nan
    """
    if number is None:
        return float("nan")
    return float(f"{number:.12g}")
