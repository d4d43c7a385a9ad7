"""``plot.coverage``: a heatmap of which region sets which indicator, and how ambitiously."""

from __future__ import annotations

import functools
import itertools
import math
import re
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from matplotlib.ticker import Formatter  # the headers' formatter subclasses it (pickles)

from .. import _words
from ._common import (
    CONFLICT_MARK,
    DOUBT_MARK,
    as_key_list,
    conflict_handle,
    doubt_handle,
    doubtful,
    finish_axes,
    indicator_label,
    is_number,
    legend_below,
    name_unknown_regions,
    new_axes,
    renderer_of,
    require_rows,
    set_title,
)
from ._fonts import font, style_context
from ._reading import Reading, is_change_key, read_row
from ._style import (
    COLUMN_WIDTH,
    DOUBLE_WIDTH,
    SMALL_SIZE,
    Lang,
    check_lang,
    fmt_value,
    scale_for,
    text,
)

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

    from ._common import Plans

__all__ = ["coverage"]

_CMAP = "PuOr_r"  # diverging, colour-blind safe; orange = rising targets, purple = falling
_NO_BASELINE = "#F2F2F2"
_NOT_COLOURED = "#E3E3E3"
_MET = "#FFFFFF"  # a floor or cap the baseline already meets: white, dotted

_MAX_HEADER_LINES = 4  # more lines than this: the headers are set vertically
_HEADER_GAP = 0.6  # ems of white space kept between two column headers
_LINE = 1.15  # line height of the headers, in ems


def coverage(
    plans: Plans,
    *,
    keys: str | Sequence[str] | None = None,
    ax: Axes | None = None,
    lang: str = "zh",
) -> Axes:
    """Draw a region × indicator heatmap: who sets which target, and how ambitious it is.

    Each cell is one region's target for one indicator, its value written in the cell (the
    target year beneath when it is not the year most targets share; the earliest target when a
    plan sets several years). The colour is the change per year from the region's baseline to
    its target, in percentage points per year; only indicators measured in per cent are
    coloured. A cell with a target but no baseline is hatched; an indicator in other units
    (persons, hours …) or a qualitative target (保持高水平) is plain grey; a region that sets
    no target for the indicator leaves its cell blank.

    Parameters
    ----------
    plans
        A :class:`~eduplans.PlanCollection`, a :class:`~eduplans.Plan` or an iterable of plans.
    keys
        Catalog keys (rows, in catalog order). None takes every key that at least two regions
        set (all keys some plan sets, when no key is set by two).
    ax
        Axes to draw on; None creates a figure one journal column (3.5 in) wide.
    lang
        ``"zh"`` or ``"en"``, as in :func:`targets`.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes of the heatmap (the colour bar takes space from it).

    Raises
    ------
    EduplansError
        From :func:`eduplans.compare`: an unknown key, a key no plan sets.
    ArgumentError
        If ``lang`` is not ``"zh"`` or ``"en"``.

    Examples
    --------
    >>> import eduplans, eduplans.plot
    >>> ax = eduplans.plot.coverage(eduplans.load(), lang="en")

    """
    language = check_lang(lang)
    from .._catalog import catalog
    from .._compare import compare

    wanted = as_key_list(keys)
    frame = compare(plans, wanted)
    frame = name_unknown_regions(require_rows(frame, "no plan sets a target for these indicators"))
    if wanted is None:
        counts = frame.groupby("key")["region"].nunique()
        shared = [k for k, n in counts.items() if n >= 2]
        if shared:
            frame = frame[frame["key"].isin(shared)]
    order = {k: i for i, k in enumerate(catalog())}
    row_keys = sorted(set(frame["key"]), key=lambda k: (order.get(k, len(order)), k))
    cells = _cells(frame)
    regions = (
        frame[["region", "region_en", "region_code"]]
        .drop_duplicates("region")
        .assign(_code=lambda f: f["region_code"].fillna("999999"))
        .sort_values(["_code", "region"])
    )
    names = [
        (str(r["region_en"]) or str(r["region"])) if language == "en" else str(r["region"])
        for _, r in regions.iterrows()
    ]
    with style_context():
        labels = [_row_label(k, frame, language) for k in row_keys]
        lines = sum(label.count("\n") + 1 for label in labels)
        width, header_height = _width(labels, names, language)
        height = 1.45 + 0.13 * lines + 0.09 * len(row_keys) + header_height
        ax = new_axes(ax, width, height)
        finish_axes(ax)
        _draw(ax, cells, row_keys, regions, names, labels, language)
    return ax


def _ems(line: str) -> float:
    """Estimated width of a line in ems: Han characters are one em wide, Latin ones about half."""
    return sum(1.0 if ord(c) >= 0x2E80 else 0.53 for c in line)


def _width(labels: list[str], names: list[str], lang: str) -> tuple[float, float]:
    """Figure width and the height the column headers add beyond one line, in inches.

    The width is a journal's single (3.5 in), 1.5 (5.5 in) or double (7 in) column: the
    narrowest whose columns hold the cells and their headers, wrapped on at most two lines
    (three in English), or 7 in.
    """
    em = SMALL_SIZE / 72  # inches
    label_width = em * max(_ems(line) for label in labels for line in label.split("\n"))
    most = 2 if lang == "zh" else 3
    header = max(
        min(
            (_widest(c, _ems) for c in _wrappings(name) if c.count("\n") < most),
            default=_ems(name),
        )
        for name in names
    )
    column = max(0.38 if lang == "zh" else 0.55, em * (header + _HEADER_GAP))
    need = label_width + len(names) * column + 0.25
    width = next((w for w in (COLUMN_WIDTH, 5.5) if need <= w), DOUBLE_WIDTH)
    pitch = (width - label_width - 0.25) / len(names)
    headers = _fit(names, pitch / em, _ems)
    if headers is None:  # set vertically: as tall as the longest name
        return width, em * (max(_ems(n.replace("\n", "")) for n in names) - _LINE)
    return width, em * _LINE * (max(h.count("\n") for h in headers))


def _cells(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per (key, region): the modal target year's row, else the earliest target."""
    modal = int(frame["target_year"].mode().min())
    ranked = frame.assign(_not_modal=frame["target_year"] != modal).sort_values(
        ["key", "region", "_not_modal", "target_year"], kind="stable"
    )
    cells = ranked.drop_duplicates(["key", "region"]).copy()
    cells["modal_year"] = modal
    return cells


def _row_label(key: str, frame: pd.DataFrame, lang: str) -> str:
    lang_ = check_lang(lang)
    unit = str(frame.loc[frame["key"] == key, "unit"].iloc[0])
    values = [float(v) for v in frame.loc[frame["key"] == key, "target_value"] if is_number(v)]
    _, unit_text = scale_for(values, unit, lang_, smallest=1e8)
    name = indicator_label(key, lang_)
    width = 11 if lang_ == "zh" else 34
    wrapped = textwrap.fill(name, width=width, break_long_words=lang_ == "zh")
    rows = frame[frame["key"] == key]
    total = any(_reading(row).measure == "cumulative" for _, row in rows.iterrows())
    return f"{wrapped} ({unit_text}{text('total_suffix', lang_) if total else ''})"


def _reading(cell: Any) -> Reading:
    from .._catalog import catalog

    return read_row(cell, level_unit=catalog()[str(cell["key"])].unit)


def _colour_value(cell: Any, reading: Reading) -> float:
    """Return the change per year the target asks for, in pp; NaN when the cell is not coloured.

    A point target: (target − baseline) ÷ years. A floor the baseline is below, or a cap it is
    above: the least change that reaches the bound. A floor or cap the baseline already meets,
    a total over the period, a qualitative target and anything not in per cent: NaN (the cell
    is not coloured, and the legend says why).
    """
    if reading.measure == "change":  # 每年降低1个百分点以上 under the level key: a change a year
        signed = not is_change_key(str(cell["key"]))
        if signed and reading.per_year and is_number(reading.bound):
            return reading.bound * (reading.direction or 1)
        return math.nan  # a key that is itself a change (近视率年降幅) is not a level's change
    if str(cell["unit"]) != "percent" or not reading.coloured or doubtful(cell):
        return math.nan  # (a number the plan misstates is not coloured either)
    base, target = cell["baseline_value"], cell["target_value"]
    if not (is_number(base) and is_number(target) and is_number(cell["baseline_year"])):
        return math.nan
    years = int(cell["target_year"]) - int(cell["baseline_year"])
    if years <= 0:
        return math.nan
    goal = float(target)
    high = cell["target_value_high"]
    if reading.status == "range" and is_number(high) and float(base) > float(high):
        goal = float(high)  # a range below the baseline: the least cut reaches its top end
    return (goal - float(base)) / years


def _draw(
    ax: Axes,
    cells: pd.DataFrame,
    row_keys: list[str],
    regions: pd.DataFrame,
    names: list[str],
    labels: list[str],
    lang: str,
) -> None:
    from matplotlib import colormaps
    from matplotlib.cm import ScalarMappable
    from matplotlib.colors import TwoSlopeNorm
    from matplotlib.patches import Patch, Rectangle

    lang_ = check_lang(lang)
    cmap = colormaps[_CMAP]
    readings = [_reading(c) for _, c in cells.iterrows()]
    totals = {str(c["key"]) for (_, c), r in zip(cells.iterrows(), readings, strict=True)
              if r.measure == "cumulative"}  # fmt: skip
    readings = [  # one key, one measure: 新增学位 is a total in every plan
        replace(r, measure="cumulative") if str(c["key"]) in totals else r
        for (_, c), r in zip(cells.iterrows(), readings, strict=True)
    ]
    colours = [_colour_value(c, r) for (_, c), r in zip(cells.iterrows(), readings, strict=True)]
    finite = [abs(v) for v in colours if not math.isnan(v)]
    limit = max(finite, default=1.0)
    limit = max(0.5, math.ceil(limit * 2) / 2)
    norm = TwoSlopeNorm(vcenter=0.0, vmin=-limit, vmax=limit)
    column = {name: i for i, name in enumerate(regions["region"])}
    row = {key: i for i, key in enumerate(row_keys)}
    scales = {
        key: scale_for(
            [float(v) for v in cells.loc[cells["key"] == key, "target_value"] if is_number(v)],
            str(cells.loc[cells["key"] == key, "unit"].iloc[0]),
            lang_,
            smallest=1e8,
        )[0]
        for key in row_keys
    }
    used = {"no_baseline": False, "not_coloured": False, "met": False}
    for (_, cell), shade, reading in zip(cells.iterrows(), colours, readings, strict=True):
        if cell["key"] not in row or cell["region"] not in column:
            continue
        x, y = column[cell["region"]], row[cell["key"]]
        has_baseline = is_number(cell["baseline_value"])
        face: Any = _NOT_COLOURED
        hatch: str | None = None
        if not math.isnan(shade):
            face = cmap(norm(shade))
        elif reading.status == "met_at_baseline":
            face, hatch = _MET, "...."
            used["met"] = True
        elif reading.measure == "cumulative":
            face = _NOT_COLOURED
            used["not_coloured"] = True
        elif not has_baseline and reading.measure != "change":
            face, hatch = _NO_BASELINE, "////"
            used["no_baseline"] = True
        else:
            used["not_coloured"] = True
        ax.add_patch(
            Rectangle(
                (x - 0.5, y - 0.5),
                1.0,
                1.0,
                facecolor=face,
                edgecolor="white",
                lw=1.2,
                hatch=hatch,
                hatchcolor="#A0A0A0",
                zorder=1,
            )
        )
        ax.text(
            x,
            y,
            _cell_text(cell, reading, scales[str(cell["key"])], lang_),
            ha="center",
            va="center",
            fontproperties=font(SMALL_SIZE),
            color=_ink_on(face),
            zorder=3,
            linespacing=1.0,
        )

    ax.set_xlim(-0.5, len(names) - 0.5)
    ax.set_ylim(len(row_keys) - 0.5, -0.5)
    ax.set_yticks(range(len(row_keys)), labels)
    ax.xaxis.tick_top()
    ax.tick_params(axis="both", length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    set_title(ax, text("coverage", lang_), lang_)

    mappable = ScalarMappable(norm=norm, cmap=cmap)
    bar = ax.figure.colorbar(
        mappable, ax=ax, location="bottom", shrink=0.9, aspect=28, pad=0.02, fraction=0.05
    )
    bar.set_label(text("cpy", lang_), fontproperties=font(SMALL_SIZE))
    bar.outline.set_visible(False)
    bar.ax.tick_params(labelsize=SMALL_SIZE, length=2, width=0.6)
    finish_axes(bar.ax)
    bar.ax.spines["bottom"].set_visible(False)
    bar.ax.spines["left"].set_visible(False)

    handles = []
    if used["no_baseline"]:
        handles.append(
            Patch(
                facecolor=_NO_BASELINE,
                hatch="////",
                edgecolor="#A0A0A0",
                lw=0,
                label=text("no_baseline", lang_),
            )
        )
    if used["met"]:
        handles.append(
            Patch(
                facecolor=_MET,
                hatch="....",
                edgecolor="#A0A0A0",
                lw=0,
                label=text("met_cell", lang_),
            )
        )
    if used["not_coloured"]:
        handles.append(Patch(facecolor=_NOT_COLOURED, lw=0, label=text("not_pp", lang_)))
    shown = cells[cells["key"].isin(row) & cells["region"].isin(column)]
    if any(doubtful(c) for _, c in shown.iterrows()):
        handles.append(doubt_handle(lang_))
    if shown["conflict"].astype(bool).any():
        handles.append(conflict_handle(lang_, "conflict_cell"))
    _fit_headers(ax, names)
    if handles:  # below the cells, above the colour bar (the x axis is on top)
        legend_below(ax, handles, own_figure=False, under_labels=True, ncol=1, handlelength=1.4)
    _fit_bar_label(bar, text("cpy", lang_))


def _fit_bar_label(bar: Any, label: str) -> None:
    """Keep the colour bar's label on the page: end it at the bar's right end if it runs off.

    The label is centred under the bar, which is 0.9 of the Axes' width; at one column it is
    wider than the bar and its right end ran off the figure. Ended at the bar's right end it
    reaches into the room under the row names instead.
    """
    fig = bar.ax.get_figure(root=True)
    fig.draw_without_rendering()
    box = bar.ax.xaxis.label.get_window_extent(renderer_of(fig))
    page = fig.bbox
    if box.x1 > page.x1 and box.width < page.width:
        bar.set_label(label, loc="right", fontproperties=font(SMALL_SIZE))


def _wrappings(name: str) -> list[str]:
    """Ways to write a column header on 1 to 4 lines, the best first for each number of lines.

    Chinese breaks after the end of a division's name (河南省 | 洛阳市), else before one
    (宁夏回族 | 自治区), else between any two characters; other text at spaces and after
    hyphens. A header that already has a line break (a long plan id) is kept as it is first,
    then broken at its hyphens onto more lines.
    """
    if "\n" in name:  # kept as it is first, else broken at its hyphens on more lines
        flat = name.replace("\n", "")
        return [name, *(w for w in _wrappings(flat) if w.count("\n") > name.count("\n"))]
    if re.search(r"[\u3400-\u9fff]", name):
        pieces = list(name)
        cost = [_break_cost(name, i) for i in range(1, len(name))]
        glue = ""
    else:
        pieces = re.findall(r"[^\s-]+-?|-", name)
        cost = [0] * (len(pieces) - 1)
        glue = " "
    out: list[tuple[int, int, str]] = []
    for lines in range(1, min(_MAX_HEADER_LINES, len(pieces)) + 1):
        for cuts in itertools.combinations(range(1, len(pieces)), lines - 1):
            bounds = (0, *cuts, len(pieces))
            rows = [pieces[a:b] for a, b in itertools.pairwise(bounds)]
            text_ = "\n".join(glue.join(r).replace("- ", "-") if glue else "".join(r) for r in rows)
            out.append((lines, sum(cost[c - 1] for c in cuts), text_))
    # fewest lines, best breaks, narrowest, then most even: 宁夏 | 回族 | 自治区, not 宁 | 夏回族
    out.sort(key=lambda t: (t[0], t[1], _widest(t[2], _ems), -_shortest(t[2])))
    return [t[2] for t in out]


def _break_cost(name: str, at: int) -> int:
    """Return the cost of a break before ``name[at]``: 0 after a division's end, 1 before one."""
    head, tail = name[:at], name[at:]
    # the ends of the names of administrative divisions ([region] division_ends): a column header
    # breaks after one first (河南省 | 洛阳市), then before one (宁夏回族 | 自治区), then anywhere
    ends = _words.words().region.division_ends
    for end in ends:
        for start in range(max(0, at - len(end) + 1), at):  # the break would split ``end``
            if name.startswith(end, start):
                return 3
    if head.endswith(ends):
        return 0
    if tail.startswith(ends):
        return 1
    return 2


def _shortest(label: str) -> float:
    return min(_ems(line) for line in label.split("\n"))


def _widest(label: str, measure: Callable[[str], float]) -> float:
    return max(measure(line) for line in label.split("\n"))


def _fit(names: list[str], room: float, measure: Callable[[str], float]) -> list[str] | None:
    """Each header on the fewest lines that leave ``_HEADER_GAP`` to its neighbours, or None.

    ``room`` is the distance between two column centres and ``measure`` a line's width, in the
    same units (ems of the header font).
    """
    fitted = []
    for name in names:
        fits = (c for c in _wrappings(name) if _widest(c, measure) + _HEADER_GAP <= room)
        choice = next(fits, None)
        if choice is None:
            return None
        fitted.append(choice)
    return fitted


def _vertical(name: str) -> tuple[str, float]:
    """Return a header set vertically: Han one character a line, other text turned 90°."""
    flat = name.replace("\n", "")
    if re.search(r"[\u3400-\u9fff]", flat):
        return "\n".join(flat), 0.0
    return flat, 90.0


def _fit_headers(ax: Axes, names: list[str]) -> None:
    """Set the column headers so that no two of them overlap, refitted whenever they are drawn.

    The headers are the x tick labels of :class:`_Headers`, a formatter that fits them to the
    Axes' width each time matplotlib asks for the labels: when a layout measures the figure
    and when it is drawn. A figure the caller resizes (``fig.set_size_inches`` then
    ``savefig``) thus gets headers fitted to its new width, and a constrained layout makes room
    for them as they will be drawn.
    """
    from matplotlib.ticker import FixedLocator

    ax.xaxis.set_major_locator(FixedLocator(range(len(names))))
    ax.xaxis.set_major_formatter(_Headers(names))
    for label in ax.get_xticklabels():
        label.set_linespacing(1.0)


@functools.cache
def _measurer() -> Any:
    """Return a 72-dpi Agg renderer: text widths in points, whatever backend draws."""
    from matplotlib.backends.backend_agg import RendererAgg

    return RendererAgg(1, 1, 72)  # type: ignore[no-untyped-call]


class _Headers(Formatter):
    """Column headers fitted to the Axes' width each time matplotlib asks for the labels.

    Each header is measured in the bundled font and wrapped onto the fewest lines that
    fit its column (:func:`_wrappings`); when one cannot fit, every header is set
    vertically, so the columns read alike.
    """

    def __init__(self, names: list[str]) -> None:
        self.names = list(names)
        self._ems: dict[str, float] = {}
        self._fitted: dict[float, list[tuple[str, float]]] = {}

    def ems(self, line: str) -> float:
        if line not in self._ems:
            width, _, _ = _measurer().get_text_width_height_descent(
                line, font(SMALL_SIZE), ismath=False
            )
            self._ems[line] = float(width) / SMALL_SIZE
        return self._ems[line]

    def fit(self, width: float) -> list[tuple[str, float]]:
        """Each header's text and rotation for an Axes ``width`` points wide."""
        width = round(width, 1)
        if width not in self._fitted:
            room = width / max(len(self.names), 1) / SMALL_SIZE
            fitted = _fit(self.names, room, self.ems)
            self._fitted[width] = (
                [(f, 0.0) for f in fitted]
                if fitted is not None
                else [_vertical(n) for n in self.names]
            )
        return self._fitted[width]

    def __call__(self, x: float, pos: int | None = None) -> str:
        return str(self.format_ticks([x])[0])

    def format_ticks(self, values: Any) -> list[str]:
        from matplotlib.axis import Axis

        axis = self.axis
        assert isinstance(axis, Axis)
        ax = axis.axes
        fig = ax.get_figure(root=True)
        assert fig is not None
        headers = self.fit(ax.bbox.width * 72.0 / fig.dpi)
        out: list[str] = []
        for tick, value in zip(axis.get_major_ticks(len(values)), values, strict=False):
            i = round(float(value))
            words, angle = headers[i] if 0 <= i < len(headers) else ("", 0.0)
            out.append(words)
            tick.label1.set_rotation(angle)
            tick.label2.set_rotation(angle)
        return out


def _cell_text(cell: Any, reading: Reading, factor: float, lang: Lang) -> str:
    from .._units import format_value

    # the plan states this target or its baseline (the colour's start) differently too
    mark = CONFLICT_MARK if bool(cell.get("conflict", False)) else ""
    if str(cell["target_comparator"]) == "maintain" or not is_number(cell["target_value"]):
        return format_value("maintain", None, lang=lang) + mark
    if reading.measure == "change":  # ↓≥1/年: a change, not a level
        arrow = {-1: "↓", 1: "↑", 0: ""}[reading.direction]
        if is_change_key(str(cell["key"])):
            arrow = ""  # the key's own sign (a fall that is positive)
        number = fmt_value(
            float(cell["target_value"]), str(cell["target_comparator"]), factor=factor, lang=lang
        )
        per = text("per_year_suffix", lang) if reading.per_year else ""
        return f"{arrow}{number}{per}{mark}"
    label = fmt_value(
        float(cell["target_value"]),
        str(cell["target_comparator"]),
        high=float(cell["target_value_high"]),
        unit=str(cell["unit"]),
        factor=factor,
        percent_sign=False,
        lang=lang,
    )
    if doubtful(cell):  # 新增学位1.07个: kept as written, never shown as a plain number
        label += DOUBT_MARK
    label += mark
    if int(cell["target_year"]) != int(cell["modal_year"]):
        label += f"\n({int(cell['target_year'])})"
    return label


def _ink_on(face: Any) -> str:
    """Black or white text, whichever reads better on ``face``."""
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(face)
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#FFFFFF" if luminance < 0.45 else "#1A1A1A"
