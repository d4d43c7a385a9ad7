"""``plot.trajectory``: one indicator's milestones over the years, for a region and its parents."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from ._common import (
    INK,
    comparator_handles,
    finish_axes,
    indicator_label,
    is_number,
    new_axes,
    plan_list,
    require_rows,
    set_title,
)
from ._fonts import style_context
from ._style import (
    COLUMN_WIDTH,
    DEPTH_COLORS,
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

    from .._model import Plan
    from ._common import Plans

__all__ = ["trajectory"]

_LINESTYLES = ("-", (0, (4, 2)), (0, (1.5, 1.5)), (0, (4, 1.5, 1.5, 1.5)))
_LEVEL_EN = {"province": "province", "prefecture": "prefecture", "county": "county"}


def trajectory(
    plans: Plans,
    key: str,
    *,
    region: str | None = None,
    ax: Axes | None = None,
    lang: str = "zh",
) -> Axes:
    """Draw one indicator's baselines and targets over the years, for a region and its parents.

    One line per region, from :func:`eduplans.hierarchy`: the region (depth 0) in blue, its
    parent in vermillion and so on, each with its own line style. Baselines are squares; targets
    use the markers of :func:`targets` (``=`` filled circle, ``~`` hollow diamond, ``>=``/``>``
    a circle with an arrow pointing up, a range a vertical bar) and carry their value. 洛阳市's
    2025 target thus stands against 河南省's 2027, 2030 and 2035 milestones.

    Parameters
    ----------
    plans
        A :class:`~eduplans.PlanCollection`, a :class:`~eduplans.Plan` or an iterable of plans.
    key
        A catalog key, e.g. ``"quality_balanced_county_share"``.
    region
        The region (Chinese name) whose parents to include; None takes the region, among those
        whose plans set ``key``, with the most ancestors that also set it (the lowest level on a
        tie, then the first by name).
    ax
        Axes to draw on; None creates a figure one journal column (3.5 in) wide.
    lang
        ``"zh"`` or ``"en"``, as in :func:`targets`.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on.

    Raises
    ------
    EduplansError
        From :func:`eduplans.compare` and :func:`eduplans.hierarchy`: an unknown key, a key no
        plan sets, a region without a plan.
    ValueError
        If ``lang`` is not ``"zh"`` or ``"en"``.

    Examples
    --------
    >>> import eduplans, eduplans.plot
    >>> ax = eduplans.plot.trajectory(eduplans.load(), "quality_balanced_county_share")

    """
    language = check_lang(lang)
    if not isinstance(key, str):
        raise TypeError(f"key must be one catalog key (a str), not {type(key).__name__}")
    from .._compare import compare, hierarchy

    plans = plan_list(plans)
    if region is None:
        setters = compare(plans, key)  # raises for an unknown key or a key no plan sets
        region = _default_region(plans, key, setters)
    frame = hierarchy(plans, key, region=region)
    frame = require_rows(frame, f"no values of {key!r} for {region} or its parents")
    with style_context():
        ax = new_axes(ax, COLUMN_WIDTH, 2.5)
        finish_axes(ax, grid_axis="y")
        _draw(ax, frame, key, region, plans, language)
    return ax


def _default_region(plans: list[Plan], key: str, setters: pd.DataFrame) -> str:
    from .._compare import hierarchy

    best: tuple[int, int, str] | None = None
    for name in sorted(set(setters["region"])):
        chain = hierarchy(plans, key, region=name)
        score = (-int(chain["region"].nunique()), -int(chain["depth"].max()), name)
        if best is None or score < best:
            best = score
    assert best is not None
    return best[2]


def _region_en(plans: Plans, name: str) -> str:
    from ._common import region_names_en

    return region_names_en(plans).get(name, name)


def _draw(ax: Axes, frame: pd.DataFrame, key: str, region: str, plans: Plans, lang: str) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FixedLocator

    lang_ = check_lang(lang)
    frame = frame.drop_duplicates(["region", "kind", "year", "value", "value_high", "comparator"])
    unit = str(frame["unit"].iloc[0])
    numbers = [float(v) for c in ("value", "value_high") for v in frame[c] if is_number(v)]
    factor, unit_text = scale_for(numbers, unit, lang_)
    lo = min(numbers) / factor if numbers else 0.0
    hi = max(numbers) / factor if numbers else 1.0
    span = hi - lo if hi > lo else max(abs(hi) * 0.2, 1.0)
    arrow = 0.08 * span
    used: dict[str, bool] = {}
    handles: list[Artist] = []
    names: dict[str, str] = {}
    for d in sorted({int(v) for v in frame["depth"]}):
        group = frame[frame["depth"] == d]
        color = DEPTH_COLORS[d % len(DEPTH_COLORS)]
        style = _LINESTYLES[d % len(_LINESTYLES)]
        name = str(group["region"].iloc[0])
        level = str(group["level"].iloc[0])
        name_en = str(group["region_en"].iloc[0]) if "region_en" in group else ""
        name_en = name_en or _region_en(plans, name)
        label = name if lang_ == "zh" else f"{name_en} ({_LEVEL_EN.get(level, level)})"
        names[name] = label
        group = group.sort_values(["year", "kind"])
        numeric = group[group["value"].notna()]
        if len(numeric) > 1:
            ax.plot(
                numeric["year"], numeric["value"] / factor, color=color, ls=style, lw=1.1, zorder=2
            )
        for _, row in group.iterrows():
            used[_draw_point(ax, row, color, factor, arrow, lang_, numeric)] = True
        handles.append(Line2D([], [], color=color, ls=style, lw=1.1, label=label))

    years = sorted({int(y) for y in frame["year"]})
    ax.xaxis.set_major_locator(FixedLocator(years))
    ax.set_xlim(years[0] - 0.9, years[-1] + 1.6)
    if unit == "percent":
        bottom = 0.0 if lo < 60 else math.floor(lo - 5)
        ax.set_ylim(bottom, max(hi, 100.0) + arrow + 0.12 * span)
    else:
        ax.set_ylim(lo - 0.15 * span, hi + arrow + 0.15 * span)

    set_title(ax, indicator_label(key, lang_), lang_)
    ax.set_ylabel(f"{text('values', lang_)} ({unit_text})")
    ax.set_xlabel(text("year", lang_))
    if used.get("baseline"):
        handles.append(
            Line2D([], [], marker="s", ms=5.0, color=INK, ls="", label=text("baseline", lang_))
        )
    handles += comparator_handles(used, lang_, size=5.0, vertical=True)
    ax.legend(handles=handles, loc="best", fontsize=SMALL_SIZE, ncol=1)


def _draw_point(
    ax: Axes,
    row: Any,
    color: str,
    factor: float,
    arrow: float,
    lang: str,
    numeric: pd.DataFrame,
) -> str:
    x = float(row["year"])
    comp = str(row["comparator"])
    if not is_number(row["value"]):  # qualitative: written at the level of the latest value
        before = numeric[numeric["year"] <= row["year"]]
        y = float(before["value"].iloc[-1]) / factor if len(before) else ax.get_ylim()[0]
        words = str(row["text"]) if lang == "zh" else text("qualitative", "en")
        ax.annotate(
            words,
            (x, y),
            xytext=(4, 4),
            textcoords="offset points",
            fontsize=SMALL_SIZE,
            color=color,
        )
        return "maintain"
    y = float(row["value"]) / factor
    if row["kind"] == "baseline":
        ax.plot([x], [y], ls="", marker="s", ms=4.5, color=color, zorder=3)
        shape = "baseline"
    elif comp == "range" and is_number(row["value_high"]):
        ax.plot(
            [x, x],
            [y, float(row["value_high"]) / factor],
            color=color,
            lw=3.0,
            zorder=3,
            solid_capstyle="butt",
        )
        shape = "range"
    elif comp == "~":
        ax.plot([x], [y], ls="", marker="D", ms=4.5, mfc="white", mec=color, mew=1.1, zorder=4)
        shape = "approx"
    else:
        filled = comp in ("=", ">=", "<=")
        ax.plot(
            [x],
            [y],
            ls="",
            marker="o",
            ms=5.0,
            mec=color,
            mew=1.1,
            mfc=color if filled else "white",
            zorder=4,
        )
        shape = "eq"
        if comp in (">=", ">", "<=", "<"):
            sign = 1.0 if comp.startswith(">") else -1.0
            ax.annotate(
                "",
                xy=(x, y + sign * arrow),
                xytext=(x, y),
                arrowprops={
                    "arrowstyle": "-|>",
                    "color": color,
                    "lw": 1.0,
                    "shrinkA": 3.1,
                    "shrinkB": 0,
                    "mutation_scale": 6,
                },
            )
            shape = "ge" if sign > 0 else "le"
    if row["kind"] == "target":
        label = fmt_value(
            float(row["value"]),
            comp,
            high=float(row["value_high"]),
            unit=str(row["unit"]),
            factor=factor,
        )
        ax.annotate(
            label,
            (x, y),
            xytext=(5, -1),
            textcoords="offset points",
            ha="left",
            va="top",
            fontsize=SMALL_SIZE,
            color="#1A1A1A",
        )
    return shape
