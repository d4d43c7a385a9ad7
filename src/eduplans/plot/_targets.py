"""``plot.targets``: a dumbbell chart of one indicator, baseline → target, one row per region."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .._errors import ArgumentTypeError
from .._units import UNITS as _KNOWN_UNITS
from ._common import (
    DOUBT_MARK,
    comparator_handles,
    conflict_handle,
    conflict_mark,
    doubt_handle,
    doubtful,
    finish_axes,
    indicator_label,
    is_number,
    keep_labels_inside,
    label_wrappings,
    legend_below,
    name_unknown_regions,
    new_axes,
    region_label,
    require_rows,
    set_axis_label,
    set_title,
)
from ._fonts import font, style_context
from ._reading import Reading, is_change_key, read_row
from ._style import (
    BINDING_COLORS,
    COLUMN_WIDTH,
    SMALL_SIZE,
    Lang,
    check_lang,
    fmt_value,
    qualitative,
    scale_for,
    text,
)

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.text import Annotation

    from ._common import Plans

__all__ = ["targets"]

_ROW_GAP = 0.6  # extra space between groups of rows of different target years
_MARKER = 5.5  # target marker size, points


def targets(
    plans: Plans,
    key: str,
    *,
    year: int | None = None,
    ax: Axes | None = None,
    lang: str = "zh",
    national: bool = True,
) -> Axes:
    """Draw baseline → target for one indicator, one row per region and target year.

    Each row runs from the region's baseline (a grey dot) to its target. The target's marker
    shows how the plan promises it: ``=`` a filled circle, ``~`` (左右, 约) a hollow diamond,
    ``>=`` a filled and ``>`` a hollow circle with an open-ended arrow to the right (``<=`` and
    ``<`` to the left), a range a thick bar between its two ends; a qualitative target
    (保持高水平) is written as text. The colour tells the indicator's binding type: 约束性
    (binding), 预期性 (expected) or not stated. A national target of the same year is a dashed
    vertical line, labelled. When the rows have different target years every row is labelled
    with its year, and rows are grouped by year.

    Parameters
    ----------
    plans
        A :class:`~eduplans.PlanCollection`, a :class:`~eduplans.Plan` or an iterable of plans.
    key
        A catalog key, e.g. ``"preschool_gross_enrolment_rate"``.
    year
        Keep targets of this year only; None keeps every target year (each row labelled).
    ax
        Axes to draw on; None creates a figure one journal column (3.5 in) wide.
    lang
        ``"zh"``: Chinese labels (the catalog's ``name_zh``, region names); ``"en"``: English
        (``CatalogEntry.label_en``, ``Region.name_en``).
    national
        Draw the national target of the same year, when there is one.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on.

    Raises
    ------
    EduplansError
        From :func:`eduplans.compare`: an unknown key, a key no plan sets, a year without
        targets.
    ArgumentError
        If ``lang`` is not ``"zh"`` or ``"en"``.

    Examples
    --------
    >>> import eduplans, eduplans.plot
    >>> ax = eduplans.plot.targets(eduplans.load(), "preschool_gross_enrolment_rate", year=2025)

    """
    language = check_lang(lang)
    if not isinstance(key, str):
        raise ArgumentTypeError(f"key must be one catalog key (a str), not {type(key).__name__}")
    from .._compare import compare

    frame = compare(plans, key, year=year)
    where = f" in {year}" if year is not None else ""
    frame = name_unknown_regions(require_rows(frame, f"no plan sets a target for {key!r}{where}"))
    with style_context():
        rows = _layout(frame)
        n_groups = rows["target_year"].nunique()
        height = 0.95 + 0.21 * len(rows) + 0.25 * n_groups
        own_figure = ax is None
        ax = new_axes(ax, COLUMN_WIDTH, height)
        finish_axes(ax, grid_axis="x")
        _draw(ax, rows, key, language, national=national, own_figure=own_figure)
    return ax


def _layout(frame: pd.DataFrame) -> pd.DataFrame:
    """Order the rows (by target year, then target, highest first) and give each a y position."""
    rows = frame.assign(
        _sort_value=frame["target_value"].where(frame["target_value"].notna(), -math.inf)
    )
    rows = rows.sort_values(
        ["target_year", "_sort_value", "region"], ascending=[True, False, True], kind="stable"
    ).reset_index(drop=True)
    ys: list[float] = []
    y = 0.0
    previous: int | None = None
    for target_year in rows["target_year"]:
        if previous is not None and target_year != previous:
            y += _ROW_GAP
        ys.append(y)
        y += 1.0
        previous = int(target_year)
    return rows.assign(y=ys)


def _key_measure(readings: list[Reading]) -> str:
    """One measure for the figure's axis: ``cumulative`` when any row is a period total."""
    numeric = [r.measure for r in readings if r.status != "maintain"]
    if "cumulative" in numeric:
        return "cumulative"
    if numeric and all(m == "change" for m in numeric):
        return "change"
    return "level"


def _position(reading: Reading, value: float, *, signed: bool) -> float:
    """Where a value sits on the axis.

    A change stated as a cut (降低1个百分点) of a level indicator is a negative change
    (``signed``); a key that is itself a change (近视率年降幅, positive when the rate falls)
    keeps the catalog's sign.
    """
    if signed and reading.measure == "change" and reading.direction < 0 and value > 0:
        return -value
    return value


def _draw(
    ax: Axes, rows: pd.DataFrame, key: str, lang: str, *, national: bool, own_figure: bool
) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from .._catalog import catalog

    lang_ = check_lang(lang)
    unit = str(rows["unit"].iloc[0])
    level_unit = catalog()[key].unit
    readings = [read_row(row, level_unit=level_unit) for _, row in rows.iterrows()]
    measure = _key_measure(readings)
    if measure == "cumulative":  # one key, one measure: 新增学位 is a total in every plan
        readings = [
            replace(r, measure="cumulative") if r.measure == "level" else r for r in readings
        ]
    numbers = [
        float(v)
        for col in ("baseline_value", "target_value", "target_value_high", "national_value")
        for v in rows[col]
        if is_number(v)
    ]
    signed = not is_change_key(key)
    if measure == "change":
        numbers = [
            _position(r, float(v), signed=signed)
            for (_, row), r in zip(rows.iterrows(), readings, strict=True)
            for v in (row["target_value"],)
            if is_number(v)
        ] + [0.0]
    elif measure == "cumulative":
        numbers.append(0.0)  # bars start at zero
    factor, unit_text = scale_for(numbers, unit, lang_)
    lo, hi = (min(numbers), max(numbers)) if numbers else (0.0, 1.0)
    lo, hi = lo / factor, hi / factor
    if hi <= lo and hi > 0:  # one value alone (≤60 minutes): the scale starts at zero
        lo = 0.0
    span = hi - lo if hi > lo else max(abs(hi) * 0.1, 1.0)
    arrow = 0.09 * span
    years = sorted({int(y) for y in rows["target_year"]})
    mixed_years = len(years) > 1

    used: dict[str, bool] = {}
    extent: list[float] = [lo, hi]
    earlier = set(ax.texts)  # the caller's own texts on ``ax`` are not moved
    for (_, row), reading in zip(rows.iterrows(), readings, strict=True):
        shape, reach = _draw_row(ax, row, reading, measure, factor, arrow, lang_, signed)
        used[shape] = True
        used["binding:" + str(row["binding"])] = True
        extent += reach

    left = min(extent) - 0.06 * span
    right = max(extent) + 0.32 * span  # room for the value labels
    ax.set_xlim(left, right)
    ticks = [t for t in ax.get_xticks() if left <= t <= max(extent) + 1e-9]
    ax.set_xticks(ticks)
    nat_label_y: list[float] = []
    if national and measure == "level":
        nat_label_y = _draw_national(ax, rows, factor, lang_, mixed_years)
        if nat_label_y:
            used["national"] = True
    if measure == "change":
        ax.axvline(0.0, color="#8C8C8C", lw=0.6, zorder=1)

    labels = [
        region_label(row, lang_) + (f" ({int(row['target_year'])})" if mixed_years else "")
        for _, row in rows.iterrows()
    ]
    ax.set_yticks(list(rows["y"]), labels)
    top = min(rows["y"]) - (1.35 if nat_label_y else 0.6)
    ax.set_ylim(max(rows["y"]) + 0.6, top)
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)

    name = indicator_label(key, lang_)
    title = (
        text("target_year", lang_, year=years[0])
        if not mixed_years
        else text("targets_years", lang_)
    )
    sep = "：" if lang_ == "zh" else ": "
    set_title(ax, f"{name}{sep}{title}", lang_)
    axis_name = {"level": "values", "cumulative": "period_total", "change": "change_axis"}[measure]
    if measure == "change" and all(r.per_year for r in readings if r.measure == "change"):
        axis_name = "change_per_year_axis"
    if measure == "change" and not signed:  # the key's own quantity (近视率年降幅)
        axis_name = "target_per_year" if axis_name == "change_per_year_axis" else "target"
    set_axis_label(ax, "x", f"{text(axis_name, lang_)} ({unit_text})")

    handles: list[Artist] = []
    if rows["baseline_value"].notna().any():
        previous = "previous_total" if measure == "cumulative" else "baseline"
        handles.append(
            Line2D([], [], ls="", marker="o", ms=4.5, color="#A6A6A6", label=text(previous, lang_))
        )
    for binding in ("binding", "expected", "none"):
        if used.get("binding:" + binding):
            handles.append(
                Patch(facecolor=BINDING_COLORS[binding], label=text(binding, lang_), lw=0)
            )
    handles += comparator_handles(used, lang_, size=_MARKER, vertical=False)
    if used.get("national"):
        handles.append(
            Line2D([], [], lw=0.8, ls=(0, (3, 2)), color="#1A1A1A", label=text("national", lang_))
        )
    if any(doubtful(row) for _, row in rows.iterrows()):
        handles.append(doubt_handle(lang_))
    if rows["conflict"].astype(bool).any():
        handles.append(conflict_handle(lang_))
    legend_below(ax, handles, own_figure=own_figure)
    # the value labels, right of a target (left of a cut), and the national line's: all inside
    ours = [t for t in ax.texts if t not in earlier]
    keep_labels_inside(ax, ours, wrappings={t: label_wrappings(t.get_text(), lang_) for t in ours})


def _label(ax: Axes, words: str, x: float, y: float, color: str, **kwargs: Any) -> Annotation:
    """Write a row's value label in the bundled font, 5 pt right of ``x`` (``dx``, ``ha``)."""
    style = kwargs.pop("style", "normal")
    return ax.annotate(
        words,
        (x, y),
        xytext=(kwargs.pop("dx", 5), 0),
        textcoords="offset points",
        va="center",
        ha=kwargs.pop("ha", "left"),
        color=color,
        fontproperties=font(SMALL_SIZE, style=style),
        annotation_clip=False,
    )


def _arrow(ax: Axes, x: float, y: float, sign: float, arrow: float, color: str) -> float:
    """Draw an open-ended bound from ``x`` (right for a floor, left for a cap); return its tip."""
    tip = x + sign * arrow
    ax.annotate(
        "",
        xy=(tip, y),
        xytext=(x, y),
        arrowprops={
            "arrowstyle": "-|>",
            "color": color,
            "lw": 1.0,
            "shrinkA": _MARKER / 2 + 0.6,
            "shrinkB": 0,
            "mutation_scale": 6,
        },
        zorder=4,
    )
    return tip


def _draw_row(
    ax: Axes,
    row: Any,
    reading: Reading,
    measure: str,
    factor: float,
    arrow: float,
    lang: Lang,
    signed: bool,
) -> tuple[str, list[float]]:
    """Draw one row; return the comparator shape used and the x positions it reaches."""
    y = float(row["y"])
    color = BINDING_COLORS.get(str(row["binding"]), BINDING_COLORS["none"])
    comp = str(row["target_comparator"])

    def number(col: str) -> float:
        return float(row[col]) / factor if is_number(row[col]) else math.nan

    base, tgt, high = number("baseline_value"), number("target_value"), number("target_value_high")
    if measure == "change":
        base = math.nan  # a change has no level baseline on this axis
        tgt = _position(reading, tgt, signed=signed)
    reach = [v for v in (base, tgt, high) if not math.isnan(v)]

    if reading.status == "maintain" or math.isnan(tgt) or reading.measure != measure:
        # a qualitative target, or a change (每年降低1个百分点) among levels: words, not a point
        if reading.measure == "change" and not math.isnan(tgt):
            words = change_text(reading, row, lang)
        else:
            words = qualitative(str(row["target_text"]), lang)
        words += conflict_mark(row)
        x = base if not math.isnan(base) else ax.get_xlim()[0]
        if not math.isnan(base):
            ax.plot([base], [y], ls="", marker="o", ms=4.5, color="#A6A6A6", zorder=3)
        _label(ax, words, x, y, color, dx=6, style="italic" if lang == "en" else "normal")
        return "maintain", [v for v in (base,) if not math.isnan(v)]

    if measure == "cumulative":
        return _draw_total(ax, y, base, tgt, reading, row, color, factor, arrow, lang)

    met = reading.status == "met_at_baseline"
    if not math.isnan(base) and not met:
        end = tgt
        if comp == "range" and not math.isnan(high) and base > high:
            end = high
        ax.plot([base, end], [y, y], color="#C8C8C8", lw=1.4, solid_capstyle="butt", zorder=1)
    if not math.isnan(base):
        ax.plot([base], [y], ls="", marker="o", ms=4.5, color="#A6A6A6", zorder=3)
        _mark_baseline(ax, row, base, y)

    shape = "eq"
    if comp == "range" and not math.isnan(high):
        ax.plot([tgt, high], [y, y], color=color, lw=3.0, solid_capstyle="butt", zorder=2)
        shape = "range"
    elif comp == "~":
        ax.plot(
            [tgt],
            [y],
            ls="",
            marker="D",
            ms=_MARKER - 0.5,
            mfc="white",
            mec=color,
            mew=1.1,
            zorder=4,
        )
        shape = "approx"
    else:
        filled = comp in ("=", ">=", "<=")
        ax.plot(
            [tgt],
            [y],
            ls="",
            marker="o",
            ms=_MARKER,
            mec=color,
            mew=1.1,
            mfc=color if filled else "white",
            zorder=4,
        )
        if comp in (">=", ">", "<=", "<"):
            sign = 1.0 if comp.startswith(">") else -1.0
            if signed and measure == "change" and reading.direction < 0:
                sign = -sign  # a cut of at least 1 pp is a change of at most -1 pp
            reach.append(_arrow(ax, tgt, y, sign, arrow, color))
            shape = "ge" if sign > 0 else "le"
    if measure == "change":
        label = change_text(reading, row, lang)
    else:
        label = fmt_value(
            float(row["target_value"]),
            comp,
            high=float(row["target_value_high"]),
            unit=str(row["unit"]),
            factor=factor,
            lang=lang,
        )
        if met:
            label += text("met_note", lang)
    if doubtful(row):  # kept as written, never drawn as a plain number
        label += DOUBT_MARK
    label += conflict_mark(row)  # the plan states this target or its baseline differently too
    own = [v for v in reach if v is not base]  # the target's marks and arrow tip
    if not met and not math.isnan(base) and base > max(own):
        # a target below its baseline (a cut, a cap): the label goes left of the target, so no
        # baseline dot stands between a target and its words (≤17 beside a baseline of 18)
        _label(ax, label, min(own), y, "#1A1A1A", dx=-5, ha="right")
    else:
        _label(ax, label, max(reach), y, "#1A1A1A")
    return shape, reach


def _draw_total(
    ax: Axes,
    y: float,
    previous: float,
    total: float,
    reading: Reading,
    row: Any,
    color: str,
    factor: float,
    arrow: float,
    lang: Lang,
) -> tuple[str, list[float]]:
    """Draw a total over the plan period: a bar from zero, beside the previous period's."""
    reach = [0.0, total]
    if not math.isnan(previous):  # the previous period's total: a thin grey bar, not a start
        ax.barh(y - 0.28, previous, height=0.16, left=0.0, color="#A6A6A6", lw=0, zorder=2)
        reach.append(previous)
        _mark_baseline(ax, row, previous, y - 0.28, beside=True)
    ax.barh(y + 0.05, total, height=0.42, left=0.0, color=color, lw=0, zorder=2)
    shape = "total"
    comp = str(row["target_comparator"])
    if comp in (">=", ">", "<=", "<"):
        sign = 1.0 if comp.startswith(">") else -1.0
        reach.append(_arrow(ax, total, y + 0.05, sign, arrow, color))
        shape = "ge" if sign > 0 else "le"
    label = fmt_value(
        float(row["target_value"]),
        comp,
        high=float(row["target_value_high"]),
        unit=str(row["unit"]),
        factor=factor,
        lang=lang,
    )
    if doubtful(row):  # 新增学位1.07个: kept as written, never drawn as a plain number
        label += DOUBT_MARK
    label += conflict_mark(row)
    _label(ax, label, max(reach), y + 0.05, "#1A1A1A")
    return shape, reach


def _mark_baseline(ax: Axes, row: Any, x: float, y: float, *, beside: bool = False) -> None:
    """Write :data:`CONFLICT_MARK` at a baseline the plan states differently too.

    Above the baseline's dot, clear of the line to the target; ``beside``: right of the end of
    the previous period's bar.
    """
    mark = conflict_mark(row, on="baseline").strip()
    if not mark:
        return
    ax.annotate(
        mark,
        (x, y),
        xytext=(2, -1.5) if beside else (0, 2.5),
        textcoords="offset points",
        ha="left" if beside else "center",
        va="bottom",
        color="#1A1A1A",
        fontproperties=font(SMALL_SIZE),
        annotation_clip=False,
    )


def change_text(reading: Reading, row: Any, lang: Lang) -> str:
    """Words for a change target: ``每年降低≥1个百分点`` / ``cut ≥ 1 percentage point a year``."""
    from .._units import format_value

    target = "target_value" in row  # a row of compare, else one of hierarchy
    value = float(row["target_value"] if target else row["value"])
    comp = str(row["target_comparator"] if target else row["comparator"])
    if value < 0 and reading.direction < 0:  # a signed change ≤ -1 is a cut of at least 1
        comp = {"<=": ">=", "<": ">", ">=": "<=", ">": "<"}.get(comp, comp)
    unit = str(row["unit"]) if str(row["unit"]) in _KNOWN_UNITS else None
    number = format_value(comp if comp != "range" else "=", abs(value), unit=unit, lang=lang)
    per_year = reading.per_year
    verb = text({-1: "cut_by", 1: "raise_by", 0: "change_by"}[reading.direction], lang)
    each = text("each_year", lang) if per_year else ""
    if lang == "zh":
        return f"{each}{verb}{number}"
    return f"{verb} {number}{each}"


def _draw_national(
    ax: Axes, rows: pd.DataFrame, factor: float, lang: str, mixed_years: bool
) -> list[float]:
    """Draw national targets of each row group's year; return the label positions."""
    out: list[float] = []
    lang_ = check_lang(lang)
    for target_year in sorted({int(v) for v in rows["target_year"]}):
        group = rows[rows["target_year"] == target_year]
        nat = group[group["national_value"].notna() & (group["national_year"] == target_year)]
        if nat.empty:
            continue
        first = nat.iloc[0]
        x = float(first["national_value"]) / factor
        y0, y1 = float(group["y"].min()) - 0.55, float(group["y"].max()) + 0.45
        ax.vlines(x, y0, y1, colors="#1A1A1A", lw=0.8, linestyles=(0, (3, 2)), zorder=2)
        value = fmt_value(
            float(first["national_value"]),
            str(first["national_comparator"]) or "=",
            unit=str(first["unit"]),
            factor=factor,
            lang=lang_,
        )
        if mixed_years:
            who = text("national_year", lang_, year=target_year)
        else:
            who = text("national", lang_)
        left, right = ax.get_xlim()
        where = (x - left) / (right - left)
        ha = "left" if where < 0.25 else "right" if where > 0.75 else "center"
        ax.annotate(
            f"{who} {value}",
            (x, y0),
            xytext={"left": (-3, 1), "right": (3, 1), "center": (0, 1)}[ha],
            textcoords="offset points",
            ha=ha,
            va="bottom",
            color="#1A1A1A",
            fontproperties=font(SMALL_SIZE),
        )
        out.append(y0)
    return out
