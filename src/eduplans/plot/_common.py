"""Helpers shared by the figure modules: axes, labels, and the comparison frames."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .._errors import NoDataError
from .._vocab import DOUBTFUL_FLAGS
from ._fonts import FONT_FAMILY, font
from ._style import SMALL_SIZE, Lang

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.patches import Patch
    from matplotlib.text import Annotation, Text

    from .._collection import PlanCollection
    from .._model import Plan

    Plans = PlanCollection | Plan | Iterable[Plan]

__all__ = [
    "CONFLICT_MARK",
    "DOUBT_MARK",
    "INK",
    "add_legend",
    "as_key_list",
    "comparator_handles",
    "conflict_handle",
    "conflict_mark",
    "doubt_handle",
    "doubtful",
    "finish_axes",
    "indicator_label",
    "new_axes",
    "region_label",
    "renderer_of",
    "require_rows",
    "is_number",
    "keep_labels_inside",
    "label_wrappings",
    "legend_below",
    "legend_columns",
    "name_unknown_regions",
    "set_axis_label",
    "set_title",
]

INK = "#1A1A1A"  # legend handles of comparator shapes


#: Written after a number the plan misstates (a value with one of eduplans.DOUBTFUL_FLAGS).
DOUBT_MARK = " ?"


#: Written after values the plan states differently: those of one region, kind and year in
#: ``trajectory``, and a row of :func:`eduplans.compare` whose ``conflict`` is True.
CONFLICT_MARK = " ≠"


def conflict_mark(row: Any, on: str = "target") -> str:
    """Return :data:`CONFLICT_MARK` if the plan contradicts itself on a row's value ``on``.

    Reads the ``conflict`` column of :func:`eduplans.compare`: True when the plan states the
    chosen target or its baseline differently too (the other statements are in
    ``alternatives``). The figure draws the chosen values, and the mark says that the one it
    follows is not the plan's only one: the target when the data flag it ``conflict`` (or it
    has no baseline), else the baseline (``on="baseline"``).
    """
    if not bool(row.get("conflict", False)):
        return ""
    flags = str(row.get("target_flags", "") or "").split(";")
    target = "conflict" in flags or not is_number(row.get("baseline_value"))
    return CONFLICT_MARK if target == (on == "target") else ""


def conflict_handle(lang: Lang, name: str = "conflict_row") -> Patch:
    """Return the legend entry that explains :data:`CONFLICT_MARK` after a compared value.

    ``name`` is the label's name in data/words.toml (``conflict_cell`` for coverage's cells).
    """
    from matplotlib.patches import Patch

    from ._style import text

    return Patch(facecolor="none", edgecolor="none", label=text(name, lang))


def doubtful(row: Any) -> bool:
    """Return whether a frame row's target is doubtful as written (eduplans.DOUBTFUL_FLAGS).

    Reads ``target_flags`` (a row of :func:`eduplans.compare`) or ``flags`` (of
    :func:`eduplans.hierarchy`), ``;``-joined.
    """
    flags = row.get("target_flags") if "target_flags" in row else row.get("flags")
    return bool(set(str(flags or "").split(";")) & DOUBTFUL_FLAGS)


def doubt_handle(lang: Lang) -> Patch:
    """Return the legend entry that explains :data:`DOUBT_MARK`."""
    from matplotlib.patches import Patch

    from ._style import text

    return Patch(facecolor="none", edgecolor="none", label=text("doubtful", lang))


def is_number(value: Any) -> bool:
    """Return whether ``value`` is a number that is not NaN (None and text are not)."""
    try:
        return not math.isnan(float(value))
    except (TypeError, ValueError):
        return False


def comparator_handles(
    used: Mapping[str, bool], lang: Lang, *, size: float, vertical: bool
) -> list[Artist]:
    """Legend handles for the comparator shapes a figure used (=, ~, ≥, ≤, range).

    ``vertical`` draws the bounds as up/down arrows (values on the y axis), else right/left.
    """
    from matplotlib.lines import Line2D

    from ._style import text

    up, down = (r"$\uparrow$", r"$\downarrow$") if vertical else (r"$\rightarrow$", r"$\leftarrow$")
    shapes: list[tuple[str, dict[str, Any]]] = [
        ("eq", {"marker": "o"}),
        ("approx", {"marker": "D", "mfc": "white", "mew": 1.1}),
        ("ge", {"marker": up}),
        ("le", {"marker": down}),
    ]
    handles: list[Artist] = [
        Line2D([], [], ms=size, color=INK, ls="", label=text(name, lang), **style)
        for name, style in shapes
        if used.get(name)
    ]
    if used.get("range"):
        handles.append(Line2D([], [], lw=3.0, color=INK, label=text("range", lang)))
    return handles


def keep_labels_inside(
    ax: Axes,
    texts: Sequence[Text],
    *,
    wrappings: Mapping[Text, Sequence[str]] | None = None,
) -> None:
    """Widen the x axis until every label lies inside the Axes, measured with the renderer.

    The labels are the annotations among ``texts`` that have words (an arrow has none). Each is
    anchored at an x in data coordinates and offset from it in points: its width and its place
    beside the anchor do not change with the axis limits, so it asks that its anchor lie a
    share of the axis from either end, and the limits are widened (never narrowed) until every
    share is met. The layout is settled first, and again after each widening (a constrained
    layout gives the Axes more room once a label no longer runs past them), so the shares are
    those of the Axes as drawn. ``wrappings`` gives a label other ways to write it on more lines
    (its value, then a note such as "（基线已达到）"): a label that runs past the Axes takes the
    narrowest of them whose lines stay inside the Axes from top to bottom. The axis keeps the
    limits the figure set on at least half its width: labels that would squeeze them into less
    (an Axes too narrow for its words) are left where they are, the widest first, as is a label
    wider than nine tenths of the Axes. Fitted once, to the Axes' size now: a figure resized
    afterwards, or laid out again when more panels are drawn beside it, is not refitted.
    """
    from matplotlib.text import Annotation

    labels = [t for t in texts if isinstance(t, Annotation) and t.get_text()]
    if not labels:
        return
    fig = ax.get_figure(root=True)
    assert fig is not None
    start = ax.get_xlim()
    lo_x, hi_x = min(start), max(start)
    flipped = start[0] > start[1]
    for _ in range(3):
        fig.draw_without_rendering()
        renderer = renderer_of(fig)
        box = ax.get_window_extent(renderer)
        if box.width <= 0:
            return
        pad = 2.0 * fig.dpi / 72.0
        markers = [line for line in ax.lines if line.get_linestyle() in ("None", "", " ")]
        shares: list[tuple[float, float, float]] = []
        for label in labels:
            anchor = float(ax.transData.transform((float(label.xy[0]), 0.0))[0])
            extent = label.get_window_extent(renderer)
            if wrappings and (extent.x1 > box.x1 - pad or extent.x0 < box.x0 + pad):
                ways = wrappings.get(label, ())
                if ways:
                    others = [o for o in labels if o is not label] + markers
                    blocked = [o.get_window_extent(renderer) for o in others]
                    extent = _narrowest(label, ways, renderer, box, extent, blocked)
            before = (anchor - extent.x0 + pad) / box.width
            after = (extent.x1 - anchor + pad) / box.width
            if flipped:
                before, after = after, before
            if before + after < 0.9:
                shares.append((float(label.xy[0]), before, after))
        left, right = _widened(lo_x, hi_x, shares)
        while shares and hi_x - lo_x < _KEPT * (right - left):  # the widest label gives way
            shares.remove(max(shares, key=lambda share: share[1] + share[2]))
            left, right = _widened(lo_x, hi_x, shares)
        now = ax.get_xlim()
        new = (right, left) if flipped else (left, right)
        if all(
            math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12) for a, b in zip(now, new, strict=True)
        ):
            return
        ax.set_xlim(*new)


def label_wrappings(words: str, lang: Lang) -> list[str]:
    """Other ways to write a value label on more lines, the fewest lines first.

    A label breaks after the "/" between the values of a contradiction and before the note
    that a bound is met at the baseline (≥100% / （基线已达到）): never inside a number.
    """
    from ._style import text

    note = text("met_note", lang)
    pieces = [p for p in re.split(f"(?<= / )|(?={re.escape(note)})", words) if p]
    ways: list[str] = []
    for lines in range(2, len(pieces) + 1):
        for cuts in itertools.combinations(range(1, len(pieces)), lines - 1):
            bounds = (0, *cuts, len(pieces))
            rows = ["".join(pieces[a:b]).strip() for a, b in itertools.pairwise(bounds)]
            ways.append("\n".join(rows))
    return ways


_KEPT = 0.5  # the least share of the axis the limits a figure set keep when labels widen it


def _widened(left: float, right: float, shares: list[tuple[float, float, float]]) -> Any:
    """Widen ``left``/``right`` until each (x, before, after) share is met; return both."""
    for _ in range(50):  # widen one end, then the other
        for x, before, after in shares:
            right = max(right, left + (x - left) / (1.0 - after))
            left = min(left, (x - before * right) / (1.0 - before))
    return left, right


def _narrowest(
    label: Annotation, ways: Sequence[str], renderer: Any, box: Any, extent: Any, blocked: Any
) -> Any:
    """Write ``label`` the narrowest of ``ways`` that fits; return its extent.

    A way fits when it stays inside ``box`` from top to bottom and covers none of the
    ``blocked`` extents (other labels, markers).
    """
    best, best_extent = label.get_text(), extent
    for way in ways:
        label.set_text(way)
        tried = label.get_window_extent(renderer)
        inside = tried.y0 >= box.y0 and tried.y1 <= box.y1
        if (
            inside
            and tried.width < best_extent.width
            and not any(tried.overlaps(other) for other in blocked)
        ):
            best, best_extent = way, tried
    label.set_text(best)
    return best_extent


def renderer_of(fig: Any) -> Any:
    """Return the renderer ``fig`` is measured with, on any backend.

    Agg canvases (PNG, notebooks, the GUI backends) have ``get_renderer``; the PDF and SVG
    canvases (``MPLBACKEND=pdf``) do not, and matplotlib's own ``Figure._get_renderer`` (what its
    tight layout uses) then draws the figure once to get one.
    """
    get = getattr(fig.canvas, "get_renderer", None)
    return get() if get is not None else fig._get_renderer()


def new_axes(ax: Axes | None, width: float, height: float) -> Axes:
    """Return ``ax``, or the Axes of a new constrained-layout figure of the given size (inches)."""
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=(width, height), layout="constrained")
    return fig.add_subplot()


def finish_axes(ax: Axes, *, grid_axis: str | None = None) -> None:
    """Fix the style of ticks and spines on ``ax`` so that it holds outside the style context.

    Tick labels are created lazily, possibly when the figure is drawn after the plotting
    function has returned; the font, size and colour are therefore set on the Axes itself.
    """
    family = [FONT_FAMILY, "DejaVu Sans"]
    for which in ("major", "minor"):
        ax.tick_params(
            axis="both",
            which=which,
            labelsize=SMALL_SIZE,
            labelfontfamily=family,
            color="#333333",
            labelcolor="#1A1A1A",
            width=0.6,
            length=2.5 if which == "major" else 1.5,
            pad=2.0,
        )
    ax.xaxis.get_major_ticks()
    ax.yaxis.get_major_ticks()
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_linewidth(0.6)
        ax.spines[side].set_color("#333333")
    if grid_axis is not None:
        ax.grid(axis=grid_axis, color="#E5E5E5", linewidth=0.5)  # type: ignore[arg-type]
        ax.set_axisbelow(True)


def set_title(ax: Axes, title: str, lang: Lang) -> None:
    """Set a left-aligned title, wrapped to the width of the Axes."""
    import textwrap

    from ._style import BASE_SIZE

    fig = ax.get_figure(root=True)
    width_in = ax.get_position().width * (fig.get_figwidth() if fig is not None else 3.5)
    em = (BASE_SIZE + 0.5) / 72
    chars = max(12, int(width_in / (em * (1.0 if lang == "zh" else 0.5))))
    ax.set_title(
        textwrap.fill(title, width=chars, break_long_words=lang == "zh"),
        loc="left",
        fontproperties=font(BASE_SIZE + 0.5),
    )


def set_axis_label(ax: Axes, axis: str, label: str) -> None:
    """Set the x or y label of ``ax`` in the bundled font (it holds outside the style context)."""
    from ._style import BASE_SIZE

    setter = ax.set_xlabel if axis == "x" else ax.set_ylabel
    setter(label, fontproperties=font(BASE_SIZE))


def add_legend(owner: Any, handles: Sequence[Artist], **kwargs: Any) -> Any:
    """Add a legend to an Axes or a Figure with its texts in the bundled font."""
    legend = owner.legend(handles=handles, prop=font(SMALL_SIZE), **kwargs)
    return legend


def legend_below(
    ax: Axes,
    handles: Sequence[Artist],
    *,
    own_figure: bool,
    under_labels: bool = False,
    **kwargs: Any,
) -> Any:
    """Add a legend below ``ax``, outside it, where it can cover no data.

    On a figure the function made itself (``own_figure``) it is a figure legend under the
    Axes (``loc="outside lower center"``, placed by the constrained layout), and the figure
    grows by the legend's rows beyond two, so that the Axes keep their height. On the caller's
    Axes it is that Axes' legend, under its x tick labels and x label: their depth is measured
    in points once the layout is settled (it does not change when the layout moves the Axes),
    and a constrained-layout figure makes room for the legend. Nothing is put inside the
    Axes, and no rcParams are changed. ``under_labels`` starts it under the y tick labels
    rather than under the Axes (a heatmap's row names: room a long legend can use).
    ``kwargs`` go to the legend (``ncol``, ``handlelength``).
    """
    from matplotlib.transforms import ScaledTranslation

    fig = ax.get_figure(root=True)
    assert fig is not None
    if own_figure:
        kwargs.setdefault("ncol", legend_columns(handles, fig.get_figwidth() - 0.2))
        rows = -(-len(handles) // int(kwargs["ncol"]))
        if rows > 2:  # the figure's height left room for two rows: keep the Axes' height
            fig.set_figheight(fig.get_figheight() + 0.15 * (rows - 2))
        return add_legend(fig, handles, loc="outside lower center", **kwargs)
    fig.draw_without_rendering()
    renderer = renderer_of(fig)
    below = ax.xaxis.get_tightbbox(renderer)
    depth = 0.0 if below is None else max(0.0, ax.bbox.y0 - below.y0) * 72 / fig.dpi
    left = 0.0
    if under_labels:
        labels = ax.yaxis.get_tightbbox(renderer)
        left = 0.0 if labels is None else max(0.0, ax.bbox.x0 - labels.x0) / fig.dpi
    shift = ScaledTranslation(-left, -(depth + 3.0) / 72, fig.dpi_scale_trans)
    kwargs.setdefault("ncol", legend_columns(handles, ax.bbox.width / fig.dpi + left))
    return add_legend(
        ax,
        handles,
        loc="upper left",
        bbox_to_anchor=(0.0, 0.0),
        bbox_transform=ax.transAxes + shift,
        borderaxespad=0.0,
        **kwargs,
    )


def legend_columns(handles: Sequence[Artist], width: float) -> int:
    """Return the most legend columns (at most 4) whose labels fit in ``width`` inches."""
    em = SMALL_SIZE / 72

    def ems(label: str) -> float:
        return sum(1.0 if ord(c) >= 0x2E80 else 0.55 for c in label) + 2.6  # + handle, gaps

    labels = [str(h.get_label()) for h in handles]
    for ncol in range(min(4, len(labels)), 1, -1):
        per = -(-len(labels) // ncol)  # matplotlib fills the columns one after the other
        chunks = [labels[i : i + per] for i in range(0, len(labels), per)]
        widest = [max(ems(lab) for lab in chunk) for chunk in chunks]
        if sum(widest) * em <= width:
            return ncol
    return 1


def indicator_label(key: str, lang: Lang) -> str:
    """Return the catalog's name of ``key``: ``name_zh`` or ``label_en``."""
    from .._catalog import catalog

    entry = catalog()[key]
    return entry.name_zh if lang == "zh" else entry.label_en


def region_label(row: Any, lang: Lang) -> str:
    """Return a row's region name in ``lang`` (Chinese name when the English one is empty)."""
    if lang == "en":
        name_en = str(row.get("region_en", "") or "")
        if name_en:
            return name_en
    return str(row["region"])


def name_unknown_regions(frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` with a plan whose region is unknown (a parsed draft) named by its plan id.

    Such rows have no region in :func:`eduplans.compare`; without a name they were labelled
    "nan" and two such drafts shared one column of ``coverage``.
    """
    missing = frame["region"].isna() | (frame["region"].astype(str).str.strip() == "")
    if not missing.any():
        return frame
    frame = frame.copy()
    names = frame.loc[missing, "plan_id"].map(_two_lines)
    for column in ("region", "region_en"):
        frame.loc[missing, column] = names
    return frame


def _two_lines(plan_id: str) -> str:
    """Break a long plan id at its hyphen nearest the middle, so it fits one column's labels."""
    cuts = [i for i, c in enumerate(plan_id) if c == "-"]
    if len(plan_id) <= 14 or not cuts:
        return plan_id
    cut = min(cuts, key=lambda i: abs(i - len(plan_id) / 2))
    return f"{plan_id[: cut + 1]}\n{plan_id[cut + 1 :]}"


def region_names_en(plans: Plans) -> dict[str, str]:
    """Return region name → English name for the plans and their ancestors."""
    from .._model import Plan

    items: Iterable[Plan] = [plans] if isinstance(plans, Plan) else plans
    out: dict[str, str] = {}
    for plan in items:
        if plan.region is None:  # a parsed draft whose region is unknown
            continue
        for region in (plan.region, *plan.region.ancestors):
            out.setdefault(region.name, region.name_en or region.name)
    return out


def plan_list(plans: Plans) -> list[Plan]:
    """Return ``plans`` (a collection, one plan or an iterable) as a list of plans."""
    from .._collection import plan_items

    return plan_items(plans)


def require_rows(frame: pd.DataFrame, what: str) -> pd.DataFrame:
    """Raise :class:`~eduplans.NoDataError` if ``frame`` is empty; never draw an empty figure."""
    if frame.empty:
        raise NoDataError(f"nothing to plot: {what}")
    return frame


def as_key_list(keys: str | Sequence[str] | None) -> list[str] | None:
    """Return ``keys`` as a list (None stays None)."""
    if keys is None:
        return None
    if isinstance(keys, str):
        return [keys]
    return list(keys)
