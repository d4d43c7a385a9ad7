"""``plot.trajectory``: one indicator's milestones over the years, for a region and its parents."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from .._errors import ArgumentTypeError
from ._common import (
    CONFLICT_MARK,
    DOUBT_MARK,
    INK,
    comparator_handles,
    doubt_handle,
    doubtful,
    finish_axes,
    indicator_label,
    is_number,
    keep_labels_inside,
    label_wrappings,
    legend_below,
    new_axes,
    plan_list,
    require_rows,
    set_axis_label,
    set_title,
)
from ._fonts import font, style_context
from ._reading import Reading, is_change_key, read_values
from ._style import (
    COLUMN_WIDTH,
    DEPTH_COLORS,
    SMALL_SIZE,
    Lang,
    check_lang,
    fmt_value,
    qualitative,
    scale_for,
    text,
)
from ._targets import change_text

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
    ArgumentError
        If ``lang`` is not ``"zh"`` or ``"en"``.

    Examples
    --------
    >>> import eduplans, eduplans.plot
    >>> ax = eduplans.plot.trajectory(eduplans.load(), "quality_balanced_county_share")

    """
    language = check_lang(lang)
    if not isinstance(key, str):
        raise ArgumentTypeError(f"key must be one catalog key (a str), not {type(key).__name__}")
    from .._compare import compare, hierarchy

    plans = plan_list(plans)
    if region is None:
        setters = compare(plans, key)  # raises for an unknown key or a key no plan sets
        region = _default_region(plans, key, setters)
    frame = hierarchy(plans, key, region=region)
    frame = require_rows(frame, f"no values of {key!r} for {region} or its parents")
    with style_context():
        own_figure = ax is None
        ax = new_axes(ax, COLUMN_WIDTH, 2.5)
        finish_axes(ax, grid_axis="y")
        _draw(ax, frame, key, region, plans, language, own_figure=own_figure)
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


_LINE_STATUSES = ("point", "approx", "range", "raise_to", "cut_to", "at_least", "at_most")


def _target_reading(row: Any, group: pd.DataFrame, level_unit: str) -> Reading:
    """Read a target of ``group`` against the region's latest baseline before it."""
    before = group[(group["kind"] == "baseline") & (group["year"] <= row["year"])]
    before = before[before["value"].notna()]
    base = float(before["value"].iloc[-1]) if len(before) else None
    return read_values(
        str(row["comparator"]),
        row["value"],
        base,
        flags=str(row.get("flags", "") or ""),
        unit=str(row["unit"]),
        level_unit=level_unit,
        text=str(row["text"]),
        status=str(row.get("status", "") or ""),
        measure=str(row.get("measure", "") or ""),
        high=row.get("value_high"),
    )


def _period_start(row: Any, plans: list[Plan]) -> int:
    """Return the first year of the period a total covers (a baseline: the previous period)."""
    stated = row.get("start_year")
    if is_number(stated):  # eduplans.hierarchy's own first year of the total
        return int(stated)
    plan = next((p for p in plans if p.id == row["plan_id"]), None)
    start, end = plan.period if plan is not None else (int(row["year"]) - 4, int(row["year"]))
    if row["kind"] == "baseline" or int(row["year"]) < start:
        return int(row["year"]) - (end - start)
    return start


def _draw(
    ax: Axes,
    frame: pd.DataFrame,
    key: str,
    region: str,
    plans: list[Plan],
    lang: str,
    *,
    own_figure: bool,
) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FixedLocator

    from .._catalog import catalog

    lang_ = check_lang(lang)
    earlier = set(ax.texts)  # the caller's own texts on ``ax`` are not moved
    level_unit = catalog()[key].unit
    frame = frame.drop_duplicates(["region", "kind", "year", "value", "value_high", "comparator"])
    unit = str(frame["unit"].iloc[0])
    readings: dict[Any, Reading] = {}
    for d in sorted({int(v) for v in frame["depth"]}):
        group = frame[frame["depth"] == d].sort_values(["year", "kind"])
        for index, row in group.iterrows():
            readings[index] = _target_reading(row, group, level_unit)
    measures = {r.measure for i, r in readings.items() if frame.loc[i, "kind"] == "target"}
    levels = [
        i for i, r in readings.items() if r.measure == "level" and is_number(frame.loc[i, "value"])
    ]
    if "cumulative" in measures:
        measure = "cumulative"
    elif measures == {"change"} and not levels:  # only changes: drawn on a change axis
        measure = "change"
        frame = _signed_changes(frame, readings, signed=not is_change_key(key))
    else:
        measure = "level"
    level_rows = [
        i
        for i, r in readings.items()
        if r.measure == measure or (measure == "level" and frame.loc[i, "kind"] == "baseline")
    ]
    numbers = [
        float(v) for c in ("value", "value_high") for v in frame.loc[level_rows, c] if is_number(v)
    ]
    if measure == "cumulative":
        numbers.append(0.0)
    factor, unit_text = scale_for(numbers, unit, lang_)
    lo = min(numbers) / factor if numbers else 0.0
    hi = max(numbers) / factor if numbers else 1.0
    span = hi - lo if hi > lo else max(abs(hi) * 0.2, 1.0)
    arrow = 0.08 * span
    used: dict[str, bool] = {}
    handles: list[Artist] = []
    reach: list[float] = [lo, hi]
    notes: list[tuple[float, str, str]] = []
    starts: list[int] = []  # first years of the periods of totals
    conflicts = _conflicts(frame)
    for d in sorted({int(v) for v in frame["depth"]}):
        group = frame[frame["depth"] == d].sort_values(["year", "kind"])
        color = DEPTH_COLORS[d % len(DEPTH_COLORS)]
        style = _LINESTYLES[d % len(_LINESTYLES)]
        name = str(group["region"].iloc[0])
        level = str(group["level"].iloc[0])
        name_en = str(group["region_en"].iloc[0]) if "region_en" in group else ""
        name_en = name_en or _region_en(plans, name)
        label = name if lang_ == "zh" else f"{name_en} ({_LEVEL_EN.get(level, level)})"
        on_line = [
            i
            for i, row in group.iterrows()
            if is_number(row["value"])
            and readings[i].measure == "level"
            and (row["kind"] == "baseline" or readings[i].status in _LINE_STATUSES)
            and i not in conflicts  # the line never runs through one of two values the plan states
        ]
        if measure == "level" and len(on_line) > 1:
            line = group.loc[on_line]
            ax.plot(line["year"], line["value"] / factor, color=color, ls=style, lw=1.1, zorder=2)
        contradicted: dict[tuple[Any, ...], list[tuple[Any, str, float, int]]] = {}
        for index, row in group.iterrows():
            reading = readings[index]
            if row["kind"] == "target" and reading.measure != measure and is_number(row["value"]):
                notes.append((float(row["year"]), change_text(reading, row, lang_), color))
                continue
            conflict = index in conflicts and is_number(row["value"])
            start = int(row["year"])
            if measure == "cumulative":
                start = _period_start(row, plans)
                starts.append(start)
                shape, tips = _draw_total(ax, row, start, color, factor, lang_, conflict=conflict)
            else:
                before = group[group["year"] <= row["year"]]
                before = before[before["value"].notna() & before.index.isin(on_line)]
                shape, tips = _draw_point(
                    ax, row, reading, color, factor, arrow, lang_, before, conflict=conflict
                )
            used[shape] = True
            reach += tips
            if conflict:
                words = _value_words(row, reading, measure, factor, lang_)
                top = float(row["value"]) / factor
                contradicted.setdefault(conflicts[index], []).append((row, words, top, start))
        for members in contradicted.values():
            reach += _mark_conflict(ax, members, measure, color, lang_)
            used["conflict"] = True
        handles.append(Line2D([], [], color=color, ls=style, lw=1.1, label=label))

    years = sorted({int(y) for y in frame["year"]})
    ax.xaxis.set_major_locator(FixedLocator(years))
    first = min([years[0], *starts])
    ax.set_xlim(first - 0.9, years[-1] + 1.6)
    top = max(reach) + 0.12 * span + (0.1 * span if notes else 0.0)
    if measure == "level" and unit == "percent":
        bottom = 0.0 if lo < 60 else math.floor(min(reach) - 5)
        top = max(top, 100.0 + 0.04 * span)
    else:
        bottom = 0.0 if measure == "cumulative" else min(reach) - 0.12 * span
    ax.set_ylim(min(bottom, min(reach) - 0.02 * span), top)
    for x, words, color in notes:  # changes (每年降低1个百分点) are words, not levels
        ax.annotate(
            words,
            (x, top),
            xytext=(0, -2),
            textcoords="offset points",
            ha="center",
            va="top",
            color=color,
            fontproperties=font(SMALL_SIZE),
        )

    set_title(ax, indicator_label(key, lang_), lang_)
    quantity = {"cumulative": "period_total", "change": "change_per_year_axis"}.get(
        measure, "values"
    )
    if measure == "change" and is_change_key(key):
        quantity = "target_per_year"
    set_axis_label(ax, "y", f"{text(quantity, lang_)} ({unit_text})")
    set_axis_label(ax, "x", text("year", lang_))
    if used.get("baseline"):
        handles.append(
            Line2D([], [], marker="s", ms=5.0, color=INK, ls="", label=text("baseline", lang_))
        )
    handles += comparator_handles(used, lang_, size=5.0, vertical=True)
    labelled = frame if measure == "cumulative" else frame[frame["kind"] == "target"]
    if any(doubtful(row) for _, row in labelled.iterrows()):
        handles.append(doubt_handle(lang_))
    if used.get("conflict"):
        handles.append(_conflict_handle(measure, lang_))
    legend_below(ax, handles, own_figure=own_figure)
    _lengthen_arrows(ax, [t for t in ax.texts if t not in earlier and not t.get_text()])
    labels = [t for t in ax.texts if t not in earlier]
    keep_labels_inside(
        ax, labels, wrappings={t: label_wrappings(t.get_text(), lang_) for t in labels}
    )


_ARROW = 9.0  # points from a bound's point to its arrow's tip, whatever the y scale


def _lengthen_arrows(ax: Axes, arrows: list[Any]) -> None:
    """Make the arrow of each floor or cap at least :data:`_ARROW` points long, tip on the axis.

    The arrows are drawn a share of the values' span long, but a per-cent axis runs from 0 or
    from 5 below the lowest value to 100: a floor among values a few points apart (普惠性幼儿园
    覆盖率 90—95%) had an arrow of 3 points, hidden by its own marker, and read as a point
    target. Measured once the layout is settled; the y axis grows to take in every tip.
    """
    if not arrows:
        return
    fig = ax.get_figure(root=True)
    assert fig is not None
    fig.draw_without_rendering()
    bottom, top = ax.get_ylim()
    per_point = (top - bottom) / max(ax.bbox.height * 72.0 / fig.dpi, 1.0)  # data units
    tips = []
    for arrow in arrows:
        x, y = (float(v) for v in arrow.xyann)  # the point the arrow starts from
        tip = float(arrow.xy[1])
        sign = 1.0 if tip > y else -1.0
        tip = y + sign * max(_ARROW * per_point, abs(tip - y))
        arrow.xy = (x, tip)
        tips.append(tip)
    low, high = min(bottom, min(tips) - 2 * per_point), max(top, max(tips) + 2 * per_point)
    if (low, high) != (bottom, top):
        ax.set_ylim(low, high)


_FLIP = {">=": "<=", ">": "<", "<=": ">=", "<": ">"}


def _signed_changes(frame: pd.DataFrame, readings: dict[Any, Reading], *, signed: bool) -> Any:
    """Place changes on a change axis: a cut of a level key (降低≥1) is a change of ≤ −1."""
    out = frame.copy()
    words: dict[Lang, list[str]] = {"zh": [], "en": []}
    for index, row in frame.iterrows():
        reading = readings[index]
        for lang, texts in words.items():  # the plan's words, before the sign changes
            texts.append(change_text(reading, row, lang) if is_number(row["value"]) else "")
        cut = signed and reading.measure == "change" and reading.direction < 0
        if cut and is_number(row["value"]) and float(row["value"]) > 0:
            out.loc[index, "value"] = -float(row["value"])
            out.loc[index, "comparator"] = _FLIP.get(str(row["comparator"]), row["comparator"])
    return out.assign(_words_zh=words["zh"], _words_en=words["en"])


def _draw_total(
    ax: Axes, row: Any, start: int, color: str, factor: float, lang: Lang, *, conflict: bool
) -> tuple[str, list[float]]:
    """Draw a total over a period: a bar over the years it covers, from zero, labelled.

    A total the plan contradicts (``conflict``) is an outline, dashed and hatched, without a
    label of its own: :func:`_mark_conflict` writes the values of the period together.
    """
    from matplotlib.patches import Rectangle

    end = int(row["year"])
    value = float(row["value"]) / factor if is_number(row["value"]) else math.nan
    if math.isnan(value):
        return "maintain", []
    baseline = row["kind"] == "baseline"
    if conflict:
        style: dict[str, Any] = {"facecolor": "none", "hatch": "////", "ls": (0, (3, 1.5))}
    else:
        style = {"facecolor": color, "alpha": 0.18 if baseline else 0.35}
    ax.add_patch(
        Rectangle(
            (start - 0.4, 0.0),
            end - start + 0.8,
            value,
            edgecolor=color,
            lw=0.8,
            zorder=1,
            **style,
        )
    )
    if conflict:
        return "total", [value]
    words = _value_words(row, None, "cumulative", factor, lang)
    period = f"{start}–{end}"
    ax.annotate(
        text("period_words", lang, period=period, words=words),
        ((start + end) / 2, value),
        xytext=(0, 2),
        textcoords="offset points",
        ha="center",
        va="bottom",
        color="#1A1A1A",
        fontproperties=font(SMALL_SIZE),
    )
    return "total", [value]


def _draw_point(
    ax: Axes,
    row: Any,
    reading: Reading,
    color: str,
    factor: float,
    arrow: float,
    lang: Lang,
    before: pd.DataFrame,
    *,
    conflict: bool = False,
) -> tuple[str, list[float]]:
    """Draw one value; return the shape used and the y positions it reaches.

    A value the plan contradicts (``conflict``) gets no label of its own: :func:`_mark_conflict`
    joins it to the others and writes their values together.
    """
    x = float(row["year"])
    comp = str(row["comparator"])
    if not is_number(row["value"]):  # qualitative: written at the level of the latest value
        y = float(before["value"].iloc[-1]) / factor if len(before) else ax.get_ylim()[0]
        ax.annotate(
            qualitative(str(row["text"]), lang),
            (x, y),
            xytext=(4, 4),
            textcoords="offset points",
            color=color,
            fontproperties=font(SMALL_SIZE),
        )
        return "maintain", [y]
    y = float(row["value"]) / factor
    reach = [y]
    if row["kind"] == "baseline":
        ax.plot([x], [y], ls="", marker="s", ms=4.5, color=color, zorder=3)
        shape = "baseline"
    elif comp == "range" and is_number(row["value_high"]):
        high = float(row["value_high"]) / factor
        ax.plot([x, x], [y, high], color=color, lw=3.0, zorder=3, solid_capstyle="butt")
        shape = "range"
        reach.append(high)
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
            reach.append(y + sign * arrow)
    if row["kind"] == "target" and not conflict:
        _value_note(ax, _value_words(row, reading, "level", factor, lang), x, y)
    return shape, reach


def _value_note(ax: Axes, words: str, x: float, y: float) -> None:
    """Write a point's value words just right of and below it, in the bundled font."""
    ax.annotate(
        words,
        (x, y),
        xytext=(5, -1),
        textcoords="offset points",
        ha="left",
        va="top",
        color="#1A1A1A",
        fontproperties=font(SMALL_SIZE),
    )


def _conflicts(frame: pd.DataFrame) -> dict[Any, tuple[Any, ...]]:
    """Return the rows the plan contradicts, each mapped to its group (region, kind, year).

    A row is contradicted when another row of its region, kind, year and measure reads
    differently (another number or comparator), or when the data flag it ``conflict`` (the
    plan states it differently elsewhere, possibly under another key): eduplans keeps both
    statements of a contradiction and flags them, and the figure must not pick one.
    """
    out: dict[Any, tuple[Any, ...]] = {}
    for group_key, group in frame.groupby(["depth", "kind", "year", "measure"], sort=False):
        readings = {
            (str(r["comparator"]), str(r["value"]), str(r["value_high"]))
            for _, r in group.iterrows()
        }
        for index, row in group.iterrows():
            flagged = "conflict" in str(row.get("flags", "") or "").split(";")
            if len(readings) > 1 or flagged:
                key = group_key if isinstance(group_key, tuple) else (group_key,)
                out[index] = key
    return out


def _value_words(row: Any, reading: Reading | None, measure: str, factor: float, lang: Lang) -> str:
    """Return the label of one value: its number and comparator (a change: its words)."""
    if reading is not None and row["kind"] == "target" and reading.measure == "change":
        column = f"_words_{lang}"  # written before the sign was changed (_signed_changes)
        words = str(row[column]) if column in row else change_text(reading, row, lang)
    else:
        words = fmt_value(
            float(row["value"]),
            str(row["comparator"]),
            high=float(row["value_high"]),
            unit=str(row["unit"]),
            factor=factor,
            lang=lang,
        )
        if reading is not None and row["kind"] == "target" and reading.status == "met_at_baseline":
            words += text("met_note", lang)
    if (measure == "cumulative" or row["kind"] == "target") and doubtful(row):
        words += DOUBT_MARK  # 新增学位1.07个: kept as written, never drawn as a plain number
    return words


def _mark_conflict(
    ax: Axes, members: list[tuple[Any, str, float, int]], measure: str, color: str, lang: Lang
) -> list[float]:
    """Mark values the plan states differently for one year: joined, written together, ≠.

    ``members`` are (row, label, y, first year) of one region, kind and year. Points are joined
    by a dotted line; the labels are written once, highest first, separated by "/" and followed
    by :data:`CONFLICT_MARK`, so that no one of them reads as the plan's value. Returns the y
    positions the marks reach.
    """
    members = sorted(members, key=lambda m: -m[2])
    row, _, top, start = members[0]
    ys = [m[2] for m in members]
    words = " / ".join(dict.fromkeys(m[1] for m in members)) + CONFLICT_MARK
    x = float(row["year"])
    if measure == "cumulative":
        period = f"{start}–{int(row['year'])}"
        ax.annotate(
            text("period_words", lang, period=period, words=words),
            ((start + x) / 2, top),
            xytext=(0, 2),
            textcoords="offset points",
            ha="center",
            va="bottom",
            color="#1A1A1A",
            fontproperties=font(SMALL_SIZE),
        )
        return ys
    if len(members) > 1:
        ax.plot([x, x], [min(ys), max(ys)], color=color, ls=":", lw=1.0, zorder=2)
    _value_note(ax, words, x, top)
    return ys


def _conflict_handle(measure: str, lang: Lang) -> Artist:
    """Return the legend entry of values the plan contradicts, drawn in their style."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    label = text("conflict", lang)
    if measure == "cumulative":
        return Patch(facecolor="none", edgecolor=INK, hatch="////", ls=(0, (3, 1.5)), lw=0.8,
                     label=label)  # fmt: skip
    return Line2D([], [], color=INK, ls=":", lw=1.0, label=label)
