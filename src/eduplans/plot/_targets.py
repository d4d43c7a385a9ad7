"""``plot.targets``: a dumbbell chart of one indicator, baseline → target, one row per region."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from ._common import (
    comparator_handles,
    finish_axes,
    indicator_label,
    is_number,
    new_axes,
    region_label,
    require_rows,
    set_title,
)
from ._fonts import style_context
from ._style import (
    BINDING_COLORS,
    COLUMN_WIDTH,
    SMALL_SIZE,
    check_lang,
    fmt_value,
    scale_for,
    text,
)

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes

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
    ValueError
        If ``lang`` is not ``"zh"`` or ``"en"``.

    Examples
    --------
    >>> import eduplans, eduplans.plot
    >>> ax = eduplans.plot.targets(eduplans.load(), "preschool_gross_enrolment_rate", year=2025)

    """
    language = check_lang(lang)
    if not isinstance(key, str):
        raise TypeError(f"key must be one catalog key (a str), not {type(key).__name__}")
    from .._compare import compare

    frame = compare(plans, key, year=year)
    where = f" in {year}" if year is not None else ""
    frame = require_rows(frame, f"no plan sets a target for {key!r}{where}")
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


def _draw(
    ax: Axes, rows: pd.DataFrame, key: str, lang: str, *, national: bool, own_figure: bool
) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    lang_ = check_lang(lang)
    unit = str(rows["unit"].iloc[0])
    numbers = [
        float(v)
        for col in ("baseline_value", "target_value", "target_value_high", "national_value")
        for v in rows[col]
        if is_number(v)
    ]
    factor, unit_text = scale_for(numbers, unit, lang_)
    lo, hi = (min(numbers), max(numbers)) if numbers else (0.0, 1.0)
    lo, hi = lo / factor, hi / factor
    span = hi - lo if hi > lo else max(abs(hi) * 0.1, 1.0)
    arrow = 0.09 * span
    years = sorted({int(y) for y in rows["target_year"]})
    mixed_years = len(years) > 1

    ax.set_xlim(lo - 0.06 * span, hi + arrow + 0.30 * span)
    ticks = [t for t in ax.get_xticks() if lo - 0.06 * span <= t <= hi + arrow + 1e-9]
    ax.set_xticks(ticks)
    used: dict[str, bool] = {}
    for _, row in rows.iterrows():
        used[_draw_row(ax, row, factor, arrow, lang_, span)] = True
        used["binding:" + str(row["binding"])] = True

    nat_label_y: list[float] = []
    if national:
        nat_label_y = _draw_national(ax, rows, factor, lang_, mixed_years)
        if nat_label_y:
            used["national"] = True

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
    ax.set_xlabel(f"{text('values', lang_)} ({unit_text})")

    handles: list[Artist] = []
    if rows["baseline_value"].notna().any():
        handles.append(
            Line2D(
                [], [], ls="", marker="o", ms=4.5, color="#A6A6A6", label=text("baseline", lang_)
            )
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
    if own_figure:
        ax.figure.legend(
            handles=handles,
            loc="outside lower center",
            ncol=min(4, len(handles)),
            fontsize=SMALL_SIZE,
        )
    else:
        ax.legend(handles=handles, loc="best", fontsize=SMALL_SIZE)


def _draw_row(ax: Axes, row: Any, factor: float, arrow: float, lang: str, span: float) -> str:
    """Draw one row; return the name of the comparator shape used."""
    y = float(row["y"])
    color = BINDING_COLORS.get(str(row["binding"]), BINDING_COLORS["none"])
    comp = str(row["target_comparator"])
    base = float(row["baseline_value"]) / factor if is_number(row["baseline_value"]) else math.nan
    tgt = float(row["target_value"]) / factor if is_number(row["target_value"]) else math.nan
    high = (
        float(row["target_value_high"]) / factor
        if is_number(row["target_value_high"])
        else math.nan
    )
    right = max(v for v in (base, tgt, high, -math.inf) if not math.isnan(v))

    if not math.isnan(base) and not math.isnan(tgt):
        end = tgt
        if comp == "range" and not math.isnan(high) and base > high:
            end = high
        ax.plot([base, end], [y, y], color="#C8C8C8", lw=1.4, solid_capstyle="butt", zorder=1)
    if not math.isnan(base):
        ax.plot([base], [y], ls="", marker="o", ms=4.5, color="#A6A6A6", zorder=3)

    shape = "eq"
    if comp == "maintain" or math.isnan(tgt):
        words = str(row["target_text"]) if lang == "zh" else text("qualitative", "en")
        x = base if not math.isnan(base) else ax.get_xlim()[0]
        ax.annotate(
            words,
            (x, y),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            ha="left",
            fontsize=SMALL_SIZE,
            color=color,
            style="italic" if lang == "en" else "normal",
        )
        return "maintain"
    if comp == "range" and not math.isnan(high):
        ax.plot([tgt, high], [y, y], color=color, lw=3.0, solid_capstyle="butt", zorder=2)
        shape = "range"
        right = max(right, high)
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
            ax.annotate(
                "",
                xy=(tgt + sign * arrow, y),
                xytext=(tgt, y),
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
            shape = "ge" if sign > 0 else "le"
            right = max(right, tgt + arrow * max(sign, 0))
    label = fmt_value(
        float(row["target_value"]),
        comp,
        high=float(row["target_value_high"]),
        unit=str(row["unit"]),
        factor=factor,
    )
    ax.annotate(
        label,
        (right, y),
        xytext=(5, 0),
        textcoords="offset points",
        va="center",
        ha="left",
        fontsize=SMALL_SIZE,
        color="#1A1A1A",
    )
    return shape


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
            fontsize=SMALL_SIZE,
            color="#1A1A1A",
        )
        out.append(y0)
    return out
