"""Figure style: sizes, colour-blind-safe colours, labels and number formats in zh and en."""

from __future__ import annotations

import math
from typing import Any, Literal

from .._errors import ArgumentError
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


_TEXT: dict[str, tuple[str, str]] = {
    "baseline": ("基线", "Baseline"),
    "target": ("目标", "Target"),
    "national": ("全国", "National"),
    "national_year": ("全国{year}年", "National {year}:"),
    "binding": ("约束性", "Binding"),
    "expected": ("预期性", "Expected"),
    "none": ("未标注", "Not stated"),
    "eq": ("目标值 (=)", "Target (=)"),
    "approx": ("约 (~)", "About (~)"),
    "ge": ("不低于 (≥, >)", "At least (≥, >)"),
    "le": ("不超过 (≤, <)", "At most (≤, <)"),
    "range": ("区间", "Range"),
    "maintain": ("保持 (定性)", "Maintain (qualitative)"),
    "qualitative": ("定性目标", "qualitative target"),
    "values": ("基线与目标", "Baseline and target"),
    "period_total": ("规划期累计", "Total over the plan period"),
    "change_axis": ("变化", "Change"),
    "change_per_year_axis": ("每年变化", "Change a year"),
    "target_per_year": ("每年目标", "Target a year"),
    "previous_total": ("上一规划期累计", "Previous period's total"),
    "met_note": ("（基线已达到）", " (met at baseline)"),
    "doubtful": ("? 原文数字存疑 (见其标注)", "? Number doubtful as written (see its flag)"),
    "met_cell": ("基线已达到下限或上限 (不着色)", "Bound met at baseline (not coloured)"),
    "total_suffix": ("，累计", ", period total"),
    "year": ("年份", "Year"),
    "target_year": ("{year}年目标", "targets for {year}"),
    "targets_years": ("各年目标", "targets by year"),
    "trajectory": ("{name}：{region}及上级", "{name}: {region} and parents"),
    "cpy": (
        "目标要求的年均变化（百分点/年）\n下限、上限：达到它所需的最少变化",
        "Change per year the target asks for (pp/yr)\nfloors, caps: the least change reaching them",
    ),
    "no_baseline": ("有目标、无基线", "Target, no baseline"),
    "not_pp": (
        "有目标、不着色 (非百分比、规划期累计或定性)",
        "Target, not coloured (not a %, a period total or qualitative)",
    ),
    "qual_cell": ("定性目标", "Qualitative target"),
    "coverage": ("各地目标：设定与力度", "Targets set and their ambition"),
    "cell_note": (
        "格内数字为目标值；色块为目标相对基线的年均变化",
        "Numbers: target; colour: change per year from baseline",
    ),
}


def text(name: str, lang: Lang, **fields: object) -> str:
    """Return the label ``name`` in ``lang``, with ``fields`` formatted in."""
    zh, en = _TEXT[name]
    return (zh if lang == "zh" else en).format(**fields)


_UNITS: dict[str, tuple[str, str]] = {
    "percent": ("%", "%"),
    "percentage_point": ("百分点", "pp"),
    "person": ("人", "persons"),
    "person_time": ("人次", "person-times"),
    "school": ("所", "schools"),
    "seat": ("个学位", "places"),
    "class": ("个班", "classes"),
    "item": ("个", "items"),
    "pair": ("对", "pairs"),
    "room": ("间", "rooms"),
    "building": ("栋", "buildings"),
    "yuan": ("元", "yuan"),
    "year": ("年", "years"),
    "hour": ("小时", "hours"),
    "minute": ("分钟", "minutes"),
    "day": ("天", "days"),
    "class_hour": ("课时", "class hours"),
    "megabit_per_second": ("Mbps", "Mbps"),
    "square_meter": ("平方米", "m²"),
    "times": ("次", "times"),
}

_SCALES: dict[Lang, tuple[tuple[float, str], ...]] = {
    "zh": ((1e8, "亿"), (1e4, "万")),
    "en": ((1e9, "billion "), (1e6, "million "), (1e3, "thousand ")),
}


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
        for factor, word in _SCALES[lang]:
            if factor < smallest:
                continue
            if biggest >= 10 * factor or (factor >= 1e8 and biggest >= factor):
                return factor, f"{word}{label}"
    return 1.0, label


def unit_label(unit: str, lang: Lang) -> str:
    """Return the unit as an axis or colour-bar label shows it (``%``, ``人``, ``persons``)."""
    zh, en = _UNITS.get(unit, (unit, unit.replace("_", " ")))
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


_QUALITATIVE_EN: dict[str, str] = {
    "保持高水平": "keep high",
    "保持较高水平": "keep high",
    "高水平": "high",
    "全省中游水平": "mid-range in the province",
    "全省前列": "among the province's best",
    "保持": "maintain",
    "巩固": "consolidate",
    "稳定": "keep stable",
    "全覆盖": "full coverage",
}


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
    core = words.strip().removeprefix("保持在").strip("，。；")
    for zh, en in _QUALITATIVE_EN.items():
        if core == zh or words.strip() == zh:
            return en
    return "qualitative target"
