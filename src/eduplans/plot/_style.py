"""Figure style: sizes, colour-blind-safe colours, labels and number formats in zh and en."""

from __future__ import annotations

import math
from typing import Any, Literal

from .._errors import ArgumentError
from .._words import words as word_data
from ._fonts import FONT_FAMILY

__all__ = [
    "BINDING_COLORS",
    "COLUMN_WIDTH",
    "DEPTH_COLORS",
    "DOUBLE_WIDTH",
    "GREY",
    "Lang",
    "check_lang",
    "comparator_symbol",
    "fmt_number",
    "fmt_value",
    "qualitative",
    "rc_params",
    "scale_for",
    "text",
    "unit_label",
]

Lang = Literal["zh", "en"]

#: A journal's single and double column widths, in inches (89 mm and 178 mm).
COLUMN_WIDTH = 3.5
DOUBLE_WIDTH = 7.0

#: Smallest font size used, in points, at the figure's own size.
BASE_SIZE = 7.5
SMALL_SIZE = 7.0

# Okabe & Ito (2008) colour-blind-safe palette
_BLUE = "#0072B2"
_VERMILLION = "#D55E00"
_GREEN = "#009E73"
_PURPLE = "#CC79A7"
_ORANGE = "#E69F00"
_SKY = "#56B4E9"
GREY = "#7A7A7A"
LIGHT_GREY = "#D9D9D9"

#: Colour of a target by the binding type of its indicator.
BINDING_COLORS: dict[str, str] = {"binding": _VERMILLION, "expected": _BLUE, "none": _GREEN}
#: Colour of a region by its depth below the region asked for (0 = the region itself).
DEPTH_COLORS: tuple[str, ...] = (_BLUE, _VERMILLION, _GREEN, _PURPLE, _ORANGE, _SKY)


def rc_params() -> dict[str, Any]:
    """Return the rcParams eduplans draws with (applied through ``rc_context`` only).

    Returns
    -------
    dict
        Font (the bundled CJK font, DejaVu Sans as a fallback), sizes ≥ 7 pt, thin spines
        without top and right, Type 42 fonts in PDF and PostScript, a fixed SVG hash salt.

    """
    return {
        "font.family": [FONT_FAMILY, "DejaVu Sans"],
        "font.size": BASE_SIZE,
        "axes.titlesize": BASE_SIZE + 0.5,
        "axes.titleweight": "normal",
        "axes.titlelocation": "left",
        "axes.labelsize": BASE_SIZE,
        "axes.linewidth": 0.6,
        "axes.edgecolor": "#333333",
        "axes.labelcolor": "#1A1A1A",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.unicode_minus": True,
        "axes.formatter.use_mathtext": False,
        "xtick.labelsize": SMALL_SIZE,
        "ytick.labelsize": SMALL_SIZE,
        "xtick.major.width": 0.6,
        "ytick.major.width": 0.6,
        "xtick.major.size": 2.5,
        "ytick.major.size": 2.5,
        "xtick.color": "#333333",
        "ytick.color": "#333333",
        "legend.fontsize": SMALL_SIZE,
        "legend.frameon": False,
        "legend.handlelength": 1.6,
        "legend.borderaxespad": 0.3,
        "legend.columnspacing": 1.0,
        "legend.handletextpad": 0.4,
        "lines.linewidth": 1.0,
        "hatch.linewidth": 0.5,
        "hatch.color": "#8C8C8C",
        "figure.dpi": 100,
        "savefig.dpi": 300,
        "pdf.fonttype": 42,
        "ps.fonttype": 42,
        "svg.fonttype": "path",
        "svg.hashsalt": "eduplans",
        "figure.constrained_layout.use": False,
    }


def check_lang(lang: str) -> Lang:
    """Return ``lang`` if it is ``"zh"`` or ``"en"``, else raise ArgumentError."""
    if lang not in ("zh", "en"):
        raise ArgumentError(f"lang must be 'zh' or 'en', not {lang!r}")
    return lang  # type: ignore[return-value]


def _comparator_labels() -> dict[str, tuple[str, str]]:
    """Legend labels of the comparator classes, from the [[comparator]] blocks of the words."""
    by_key = {c.key: c for c in word_data().comparators}

    def label(*keys: str) -> tuple[str, str]:
        zh, en = by_key[keys[0]].label or (by_key[keys[0]].zh, by_key[keys[0]].en)
        symbols = ", ".join(by_key[k].symbol for k in keys)
        return f"{zh} ({symbols})", f"{en} ({symbols})"

    return {"approx": label("~"), "ge": label(">=", ">"), "le": label("<=", "<")}


def text(name: str, lang: Lang, **fields: object) -> str:
    """Return the label ``name`` in ``lang``, with ``fields`` formatted in.

    The labels are those of ``[plot.labels]`` in data/words.toml; the comparator classes' (``ge``,
    ``le``, ``approx``) are made from its ``[[comparator]]`` blocks.
    """
    pair = word_data().plot.labels.get(name) or _comparator_labels()[name]
    zh, en = pair
    return (zh if lang == "zh" else en).format(**fields)


def _scales(lang: Lang) -> tuple[tuple[float, str], ...]:
    """Divisors an axis may use and the words it writes for them, largest first."""
    if lang == "zh":
        scales = word_data().scales
        return tuple((float(scales[w]), w) for w in word_data().plot.axis_scales if w in scales)
    return ((1e9, "billion "), (1e6, "million "), (1e3, "thousand "))


def scale_for(
    values: list[float], unit: str, lang: Lang, *, smallest: float = 1e4
) -> tuple[float, str]:
    """Choose a divisor for large counts and the unit label that goes with it.

    Parameters
    ----------
    values
        The numbers to be shown.
    unit
        Their canonical unit.
    lang
        ``"zh"`` or ``"en"``.
    smallest
        The smallest divisor to use (``1e8`` keeps counts of persons unscaled).

    Returns
    -------
    tuple of (float, str)
        The divisor (1.0 when none) and the scaled unit label, e.g. ``(1e4, "万人")``.

    """
    finite = [abs(v) for v in values if not math.isnan(v)]
    biggest = max(finite, default=0.0)
    label = unit_label(unit, lang)
    if unit not in ("percent", "percentage_point", "year"):
        for factor, word in _scales(lang):
            if factor < smallest:
                continue
            if biggest >= 10 * factor or (factor >= 1e8 and biggest >= factor):
                return factor, f"{word}{label}"
    return 1.0, label


def unit_label(unit: str, lang: Lang) -> str:
    """Return the unit as an axis or colour-bar label shows it (``%``, ``人``, ``persons``)."""
    block = next((u for u in word_data().units if u.key == unit), None)
    zh, en = block.labels if block is not None else (unit, unit.replace("_", " "))
    return zh if lang == "zh" else en


def fmt_number(value: float, factor: float = 1.0) -> str:
    """Format ``value / factor`` with at most two decimals and no trailing zeros."""
    v = value / factor
    if v == int(v) and abs(v) < 1e15:
        return f"{int(v):,}" if abs(v) >= 10000 else str(int(v))
    out = f"{v:.2f}".rstrip("0").rstrip(".")
    return out


def comparator_symbol(comparator: str) -> str:
    """Return the symbol a legend puts for a comparator (``≥``, ``≈``; ``""`` for =)."""
    return {"=": "", ">=": "≥", ">": ">", "<=": "≤", "<": "<", "~": "≈"}.get(comparator, "")


def fmt_value(
    value: float,
    comparator: str,
    *,
    high: float = math.nan,
    unit: str = "",
    factor: float = 1.0,
    percent_sign: bool = True,
    lang: Lang = "zh",
) -> str:
    """Format a target with its comparator, through :func:`eduplans.format_value`.

    Parameters
    ----------
    value
        The number (the lower end of a range).
    comparator
        ``=``, ``>=``, ``>``, ``<=``, ``<``, ``~`` or ``range``.
    high
        Upper end of a range.
    unit
        Canonical unit; ``percent`` adds a ``%`` sign when ``percent_sign``; other units are
        left to the axis label.
    factor
        Divisor for large counts (see :func:`scale_for`).
    percent_sign
        Whether to write ``%`` after percentages.
    lang
        ``"zh"`` (``≥97%``, ``30%左右``, ``95—97%``) or ``"en"`` (``≥ 97%``, ``about 30%``,
        ``95–97%``).

    Returns
    -------
    str
        The label.

    """
    from .._units import format_value

    shown = "percent" if unit == "percent" and percent_sign else None
    low = round(value / factor, 2)
    negative = low < 0
    upper = round(high / factor, 2) if comparator == "range" and not math.isnan(high) else None
    comp = comparator if comparator != "range" or upper is not None else "="
    out = format_value(comp, abs(low), upper=upper, unit=shown, lang=lang)
    if negative:  # a fall stated as a signed number (changes only)
        out = "−" + out
    return out


def qualitative(words: str, lang: Lang) -> str:
    """Return a qualitative target's words: the plan's own in Chinese, their meaning in English.

    Parameters
    ----------
    words
        The target as written (``保持高水平``).
    lang
        ``"zh"`` returns ``words``; ``"en"`` an English phrase with the same meaning
        (``keep high``), or ``qualitative target`` for words not in the table.

    Returns
    -------
    str
        The text to draw.

    """
    if lang == "zh":
        return words
    plot = word_data().plot
    core = words.strip()
    for lead in plot.qualitative_strip:
        core = core.removeprefix(lead)
    core = core.strip("，。；")
    for zh, en in plot.qualitative_en.items():
        if core == zh or words.strip() == zh:
            return en
    return "qualitative target"
