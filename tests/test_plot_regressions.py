"""Regression tests of the figures: one per fixed defect (pint's ``test_issues.py`` style).

Each test is named for what it guards and says which defect it reproduces (a fresh-eyes review
of eduplans.plot, examples/gallery.py and docs/figures.md, session 3); each failed on the code
before its fix.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import itertools
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import matplotlib

matplotlib.use("Agg", force=True)

import matplotlib.pyplot as plt
import pytest
from matplotlib.axes import Axes

import eduplans
import eduplans.plot

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _close_figures() -> Any:
    yield
    plt.close("all")


def _tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"eduplans_tool_{name}", ROOT / "tools" / name)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- review defect 4: the docs figures were not checked against the code ------------------------


def test_gen_docs_check_finds_a_docs_figure_the_code_no_longer_draws(tmp_path: Path) -> None:
    """``gen_docs --check`` compared the pages only: a stale figure in docs/ went unnoticed."""
    from PIL import Image

    gen_docs = _tool("gen_docs.py")
    folder = tmp_path / "figures"
    shutil.copytree(ROOT / "docs" / "figures", folder)
    assert gen_docs.figures(check=True, folder=folder) == []  # the committed figures are current
    # the same pixels in another PNG encoding (another zlib, no compression) are still current
    target = folder / "coverage_en.png"
    with Image.open(target) as image:
        image.load()
        image.save(target, compress_level=0)
    assert gen_docs.figures(check=True, folder=folder) == []
    # one pixel changed: the figure no longer is what the code draws
    with Image.open(target) as image:
        image = image.convert("RGBA")
        r, g, b, a = image.getpixel((5, 5))
        image.putpixel((5, 5), (255 - r, g, b, a))
        image.save(target)
    problems = gen_docs.figures(check=True, folder=folder)
    assert problems == ["docs/figures/coverage_en.png is out of date: run python tools/gen_docs.py"]
    (folder / "trajectory_new_places_en.png").unlink()  # a missing figure is out of date too
    assert len(gen_docs.figures(check=True, folder=folder)) == 2


def test_every_figure_the_docs_show_is_one_the_gallery_makes() -> None:
    """A docs figure the gallery does not make would never be checked."""
    gen_docs = _tool("gen_docs.py")
    shown = gen_docs.shown_figures()
    assert "coverage_en.png" in shown and len(shown) >= 8
    made = {f"{item}.png" for item in gen_docs._gallery().DOC_FIGURES}
    assert shown <= made


# --- review defect 1: coverage's column headers collided for long region names ------------------

LONG_NAMES = [  # (name, level, English name): long names of real divisions, one of two levels
    ("宁夏回族自治区", "province", "Ningxia Hui Autonomous Region"),
    ("新疆维吾尔自治区", "province", "Xinjiang Uygur Autonomous Region"),
    ("河南省洛阳市", "prefecture", "Luoyang, Henan"),
    ("内蒙古自治区", "province", "Inner Mongolia Autonomous Region"),
    ("广西壮族自治区", "province", "Guangxi Zhuang Autonomous Region"),
]


def _long_named(plans: eduplans.PlanCollection) -> list[eduplans.Plan]:
    """The bundled plans, each set in a region with a long name."""
    return [
        dataclasses.replace(plan, region=eduplans.Region(name=n, level=level, name_en=en))
        for plan, (n, level, en) in zip(plans, LONG_NAMES, strict=True)
    ]


def _header_boxes(ax: Axes) -> list[Any]:
    fig = ax.get_figure(root=True)
    assert fig is not None
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    labels = [t for t in ax.get_xticklabels() if t.get_text()]
    return [t.get_window_extent(renderer) for t in labels]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    ("width", "height", "keys"),
    [
        (None, None, None),  # the figure coverage makes itself, every shared key
        (3.5, 4.5, SOME_KEYS := ["preschool_gross_enrolment_rate", "compulsory_retention_rate"]),
        (7.0, 4.0, None),  # a two-column figure of the user's, every shared key
        (7.0, 3.0, SOME_KEYS),
    ],
)
def test_coverage_headers_of_long_region_names_do_not_overlap(
    plans: eduplans.PlanCollection,
    lang: str,
    width: float | None,
    height: float | None,
    keys: list[str] | None,
) -> None:
    """Review defect 1: headers such as 宁夏回族自治区 and 河南省洛阳市 ran into each other."""
    ax = None
    if width is not None:
        fig = plt.figure(figsize=(width, height), layout="constrained")
        ax = fig.add_subplot()
    ax = eduplans.plot.coverage(_long_named(plans), keys=keys, ax=ax, lang=lang)
    boxes = _header_boxes(ax)
    names = {n if lang == "zh" else en for n, _, en in LONG_NAMES}
    shown = {t.get_text().replace("\n", "" if lang == "zh" else " ") for t in ax.get_xticklabels()}
    assert shown <= names and len(shown) == len(boxes) >= 4  # whole names, wrapped or not
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), f"headers overlap: {a} and {b}"
    fig = ax.get_figure(root=True)
    assert fig is not None
    page = fig.bbox
    title = ax.title.get_window_extent()
    for box in boxes:  # every header on the page, under the title
        assert page.x0 <= box.x0 and box.x1 <= page.x1 and box.y1 <= page.y1
        assert not box.overlaps(title)


# --- review defect 2: legends inside the user's Axes (loc="best") could cover data -------------


def _key_of(plans: eduplans.PlanCollection, plan_id: str, words: str) -> str:
    keys = {i.key for i in plans[plan_id].indicators for t in i.targets if words in t.text}
    assert len(keys) == 1
    return str(keys.pop())


LEGEND_FIGURES: dict[str, Any] = {
    "targets": lambda p, ax: eduplans.plot.targets(p, "preschool_gross_enrolment_rate", ax=ax),
    "targets_totals": lambda p, ax: eduplans.plot.targets(
        p, _key_of(p, "conghua-2022", "2.34万"), ax=ax, lang="en"
    ),
    "trajectory": lambda p, ax: eduplans.plot.trajectory(
        p, "quality_balanced_county_share", region="洛阳市", ax=ax
    ),
    "trajectory_totals": lambda p, ax: eduplans.plot.trajectory(
        p, _key_of(p, "conghua-2022", "2.34万"), region="从化区", ax=ax, lang="en"
    ),
    "coverage": lambda p, ax: eduplans.plot.coverage(p, ax=ax, lang="en"),
}


@pytest.mark.parametrize("width", [3.5, 7.0])  # one and two journal columns
@pytest.mark.parametrize("name", list(LEGEND_FIGURES))
def test_legend_on_the_users_axes_covers_no_data(
    plans: eduplans.PlanCollection, name: str, width: float
) -> None:
    """Review defect 2: ``loc="best"`` inside the caller's Axes put the legend over bars."""
    before = dict(matplotlib.rcParams)
    height = 6.0 if name == "coverage" else 3.2  # coverage: 15 rows of cells
    fig = plt.figure(figsize=(width, height), layout="constrained")
    ax = fig.add_subplot()
    returned = LEGEND_FIGURES[name](plans, ax)
    assert returned is ax
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    legend = ax.get_legend()
    assert legend is not None and not fig.legends  # the user's Axes' own legend
    box = legend.get_window_extent(renderer)
    assert not box.overlaps(ax.bbox), "the legend is inside the Axes"
    drawn = [*ax.lines, *ax.patches, *ax.collections, *ax.texts]
    drawn += [*ax.get_xticklabels(), *ax.get_yticklabels(), ax.xaxis.label, ax.title]
    drawn += [other for other in fig.axes if other is not ax]  # a colour bar
    for artist in drawn:
        extent = artist.get_window_extent(renderer)
        if extent.width > 0 and extent.height > 0:
            assert not box.overlaps(extent), f"the legend covers {artist}"
    page = fig.bbox
    assert page.x0 <= box.x0 and box.x1 <= page.x1 and page.y0 <= box.y0  # on the page
    assert dict(matplotlib.rcParams) == before  # and the user's rcParams are theirs


# --- review defect 3: two totals the plan states for one period were drawn as one overlap ------


def test_trajectory_draws_both_conflicting_totals_marked_as_a_conflict(
    plans: eduplans.PlanCollection,
) -> None:
    """Review defect 3: 从化's 2016–2020 totals (2.18万 and 1.5万, both flagged conflict)."""
    from matplotlib.patches import Rectangle

    key = _key_of(plans, "conghua-2022", "2.34万")
    frame = eduplans.hierarchy(plans, key, region="从化区")
    stated = frame[(frame["year"] == 2020) & frame["flags"].str.contains("conflict")]
    assert sorted(stated["value"]) == [15000.0, 21800.0]  # the data keep and flag both
    ax = eduplans.plot.trajectory(plans, key, region="从化区", lang="en")
    texts = [t.get_text() for t in ax.texts]
    bars = {round(p.get_height()): p for p in ax.patches if isinstance(p, Rectangle)}
    assert {15000, 21800, 23400} <= set(bars)  # both drawn, and the 2021–2025 total
    for value in (15000, 21800):  # marked: not filled like a total the plan states once
        assert bars[value].get_facecolor()[3] == 0 and bars[value].get_hatch()
        assert bars[value].get_xy()[0] == bars[23400].get_xy()[0] - 5  # over 2016–2020
    assert bars[23400].get_facecolor()[3] > 0
    assert "2016–2020: 21,800 / 15,000 ≠" in texts  # written together, with the mark
    assert not any(t.endswith(("21,800", "15,000")) for t in texts)  # neither alone
    legend = ax.get_figure(root=True).legends[0]  # type: ignore[union-attr]
    assert "≠ The plan states conflicting values (all drawn)" in [
        t.get_text() for t in legend.get_texts()
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_trajectory_joins_conflicting_values_and_runs_no_line_through_them(
    plans: eduplans.PlanCollection, lang: str
) -> None:
    """Review defect 3, levels: 杏花岭区 states 98.5 and 98.91 for 2020, 99 and ≥90 for 2025."""
    ax = eduplans.plot.trajectory(
        plans, "preschool_gross_enrolment_rate", region="杏花岭区", lang=lang
    )
    texts = [t.get_text() for t in ax.texts]
    assert "98.91% / 98.5% ≠" in texts
    assert any(t.startswith("99% / ") and t.endswith(" ≠") for t in texts)
    joins = [
        sorted(line.get_ydata())  # type: ignore[arg-type]
        for line in ax.lines
        if line.get_linestyle() == ":" and len(line.get_xdata()) == 2  # type: ignore[arg-type]
    ]
    assert [90.0, 99.0] in joins  # the 2025 pair joined by a dotted line
    solid = [line for line in ax.lines if line.get_linestyle() == "-"]
    assert all(len(line.get_xdata()) < 2 for line in solid)  # type: ignore[arg-type]


# --- review defect 3, in targets and coverage: a contradicted value was drawn as the only one ----


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_targets_and_coverage_mark_a_value_the_plan_contradicts(
    plans: eduplans.PlanCollection, lang: str
) -> None:
    """Review defect 3 follow-on: 杏花岭区 states its 2025 普惠性幼儿园覆盖率 as 95% and 90%以上."""
    key = "inclusive_kindergarten_coverage"
    frame = eduplans.compare(plans, key)
    contradicted = set(frame.loc[frame["conflict"], "region"])
    assert {"杏花岭区", "洛阳市"} <= contradicted  # the data keep and flag both statements
    ax = eduplans.plot.targets(plans, key, lang=lang)
    texts = [t.get_text() for t in ax.texts]
    marked = [t for t in texts if t.endswith("≠")]
    assert len(marked) == int(frame["conflict"].sum())  # one mark a contradicted row, no more
    legend = ax.get_figure(root=True).legends[0]  # type: ignore[union-attr]
    assert any(t.get_text().startswith("≠ ") for t in legend.get_texts())
    cov = eduplans.plot.coverage(plans, lang=lang)
    cells = [t.get_text() for t in cov.texts]
    assert sum("≠" in c for c in cells) == int(
        eduplans.compare(plans)
        .pipe(lambda f: f[f["key"].isin(_coverage_keys(plans))])
        .drop_duplicates(["key", "region"])["conflict"]
        .sum()
    )
    assert cov.get_legend() is not None
    assert any(t.get_text().startswith("≠ ") for t in cov.get_legend().get_texts())


def _coverage_keys(plans: eduplans.PlanCollection) -> set[str]:
    """The keys coverage shows by default: those at least two regions set."""
    frame = eduplans.compare(plans)
    counts = frame.groupby("key")["region"].nunique()
    return {str(k) for k, n in counts.items() if n >= 2}


# --- found while fixing defect 1: coverage's colour-bar label ran off a one-column figure -------


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [3.5, 7.0])
def test_coverage_colour_bar_label_stays_on_the_page(
    plans: eduplans.PlanCollection, lang: str, width: float
) -> None:
    """Centred under a bar narrower than itself, the label's right end was cut off at 3.5 in."""
    fig = plt.figure(figsize=(width, 4.5), layout="constrained")
    ax = fig.add_subplot()
    eduplans.plot.coverage(_long_named(plans), keys=SOME_KEYS, ax=ax, lang=lang)
    fig.canvas.draw()
    bar = next(other for other in fig.axes if other is not ax)
    box = bar.xaxis.label.get_window_extent(fig.canvas.get_renderer())  # type: ignore[attr-defined]
    assert bar.xaxis.label.get_text()
    assert fig.bbox.x0 <= box.x0 and box.x1 <= fig.bbox.x1 and fig.bbox.y0 <= box.y0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_target_below_its_baseline_has_its_label_beside_it_not_beside_the_baseline(
    lang: str,
) -> None:
    # regression (session 3 review): a cap below the baseline (小学生师比 18:1 -> 不高于17:1) had
    # its label "≤17" written right of the baseline dot at 18, where it read as the baseline's
    text = "某县教育事业发展规划\n2020年,全县小学生师比为18:1。到2025年,小学生师比不高于17:1。"
    draft = eduplans.parse_plan(text, region="河南省洛阳市")
    fig, ax = plt.subplots(figsize=(3.5, 1.8), layout="constrained")
    eduplans.plot.targets([draft], "primary_student_teacher_ratio", ax=ax, lang=lang)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    (label,) = [t for t in ax.texts if "17" in t.get_text() and "18" not in t.get_text()]
    box = label.get_window_extent(renderer)
    y = float(label.xy[1])
    target_x = ax.transData.transform((17.0, y))[0]
    baseline_x = ax.transData.transform((18.0, y))[0]
    assert box.x1 < target_x < baseline_x  # left of its target, the baseline beyond it
    assert box.x0 >= ax.get_window_extent(renderer).x0  # inside the Axes, off the row names


# --- session 4 review: value labels ran past the right spine -----------------------------------


def _label_overrun(ax: Axes) -> dict[str, float]:
    """Each value label that leaves the Axes as drawn, with how far (pixels) it runs out."""
    fig = ax.get_figure(root=True)
    assert fig is not None
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    box = ax.get_window_extent(renderer)
    out = {}
    for label in ax.texts:
        if not label.get_text():
            continue  # an arrow
        extent = label.get_window_extent(renderer)
        worst = max(extent.x1 - box.x1, box.x0 - extent.x0, extent.y1 - box.y1, box.y0 - extent.y0)
        if worst > 0.5:
            out[label.get_text()] = worst
    return out


LONG_LABELS = [  # (function, key): a label "≥100%（基线已达到）" or "95% / ≥90%（基线已达到） ≠"
    ("trajectory", "inclusive_kindergarten_coverage"),
    ("trajectory", "upper_secondary_gross_enrolment_rate"),
    ("trajectory", "community_education_participation_rate"),
    ("trajectory", "per_student_public_spending"),  # a qualitative target's words
    ("targets", "preschool_gross_enrolment_rate"),
    ("targets", "upper_secondary_gross_enrolment_rate"),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("function", "key"), LONG_LABELS)
@pytest.mark.parametrize("width", [None, 3.5, 7.0])
def test_value_labels_stay_inside_the_axes(
    plans: eduplans.PlanCollection, function: str, key: str, lang: str, width: float | None
) -> None:
    """At one column "≥ 100% (met at baseline)" ran up to 117 px past the right spine."""
    draw = getattr(eduplans.plot, function)
    if width is None:  # the function's own figure, one column wide
        ax = draw(plans, key, lang=lang)
    else:  # the caller's Axes in a constrained-layout figure one or two columns wide
        fig = plt.figure(figsize=(width, 2.8), layout="constrained")
        ax = draw(plans, key, lang=lang, ax=fig.add_subplot())
    labels = [t.get_text() for t in ax.texts if t.get_text()]
    assert labels  # the figure writes its values
    assert _label_overrun(ax) == {}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_long_label_is_broken_before_its_note_not_inside_a_number(
    plans: eduplans.PlanCollection, lang: str
) -> None:
    """Fitting a label may put "（基线已达到）" on a line of its own; no word of it is lost."""
    ax = eduplans.plot.trajectory(plans, "upper_secondary_gross_enrolment_rate", lang=lang)
    ax.get_figure(root=True).canvas.draw()  # type: ignore[union-attr]
    (label,) = [t.get_text() for t in ax.texts if "100" in t.get_text()]
    note = "（基线已达到）" if lang == "zh" else "(met at baseline)"
    one_line = "≥100%（基线已达到）" if lang == "zh" else "≥ 100% (met at baseline)"
    assert label.replace("\n", " " if lang == "en" else "") == one_line
    assert label.endswith(note)
    assert all("100" in line or line == note for line in label.split("\n"))
    left, right = ax.get_xlim()
    assert left < 2020 and right > 2025  # the data years stay on the axis


# --- session 4 review: coverage's headers were not refitted when the figure was resized ---------


def _headers(ax: Axes) -> list[str]:
    ax.get_figure(root=True).canvas.draw()  # type: ignore[union-attr]
    return [t.get_text() for t in ax.get_xticklabels() if t.get_text()]


@pytest.mark.parametrize(
    ("lang", "keys", "size"),
    [
        ("zh", None, (3.5, 5.5)),  # narrower: 宁夏回族自治区 and its neighbours ran together
        ("en", SOME_KEYS, (3.5, 4.5)),  # narrower: English names set vertically
        ("zh", SOME_KEYS, (7.0, 2.0)),  # wider: two-line headers where one line fits
        ("en", SOME_KEYS, (7.0, 2.2)),
    ],
)
def test_coverage_headers_are_refitted_when_the_figure_is_resized(
    plans: eduplans.PlanCollection, lang: str, keys: list[str] | None, size: tuple[float, float]
) -> None:
    """``fig.set_size_inches`` then ``savefig`` kept the headers fitted to the first width."""
    long_named = _long_named(plans)
    ax = eduplans.plot.coverage(long_named, keys=keys, lang=lang)
    fig = ax.get_figure(root=True)
    assert fig is not None
    first = _headers(ax)
    fig.set_size_inches(*size)
    resized = _headers(ax)
    fresh = plt.figure(figsize=size, layout="constrained")  # drawn at that size from the start
    expected = _headers(
        eduplans.plot.coverage(long_named, keys=keys, lang=lang, ax=fresh.add_subplot())
    )
    assert resized == expected != first
    boxes = _header_boxes(ax)
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), f"headers overlap: {a} and {b}"
    title = ax.title.get_window_extent()
    assert all(fig.bbox.x0 <= b.x0 and b.x1 <= fig.bbox.x1 and b.y1 <= fig.bbox.y1 for b in boxes)
    assert not any(b.overlaps(title) for b in boxes)


# --- session 4 review: a floor's arrow in trajectory was hidden by its own marker --------------


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    "key",
    [
        "inclusive_kindergarten_coverage",  # ≥90 beside 95: the arrow was 2.8 pt long
        "public_kindergarten_share",  # ≥50 on an axis from 0 to 100: 0.2 pt
        "preschool_gross_enrolment_rate",  # ≥100 met at a baseline of 100.23: 0.4 pt
        "vocational_graduate_matched_employment_rate",
    ],
)
def test_trajectory_floor_arrows_stand_clear_of_their_marker(
    plans: eduplans.PlanCollection, key: str, lang: str
) -> None:
    """A per-cent axis is far wider than the values' span: arrows of 8% of the span vanished."""
    ax = eduplans.plot.trajectory(plans, key, lang=lang)
    fig = ax.get_figure(root=True)
    assert fig is not None
    fig.canvas.draw()
    arrows = [t for t in ax.texts if not t.get_text()]
    assert arrows
    bottom, top = ax.get_ylim()
    for arrow in arrows:
        start = ax.transData.transform(arrow.xyann)
        tip = ax.transData.transform(arrow.xy)
        length = abs(tip[1] - start[1]) * 72 / fig.dpi
        assert length >= 8.0, f"{key}: an arrow {length:.1f} pt long"
        assert tip[1] > start[1]  # floors point up
        assert bottom < float(arrow.xy[1]) < top  # never clipped


# --- session 4 review: one long plan id set every coverage header vertically --------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_long_plan_id_header_is_broken_further_not_every_header_set_vertically(
    plans: eduplans.PlanCollection, lang: str
) -> None:
    """A draft of an unknown region is headed "unknown-region-…-2025" on two lines; when its
    first line was too wide for the column, every header was set vertically (one character a
    line, the plan id turned 90°), the figure an inch taller for nothing."""
    drafts = [
        eduplans.parse_plan(
            f"某县教育规划\n到2025年,学前三年毛入园率达到{n}%,普惠性幼儿园覆盖率达到90%。"
        )
        for n in (95, 96)
    ]
    assert all(d.region is None and d.id.startswith("unknown-region-") for d in drafts)
    ax = eduplans.plot.coverage([*plans, *drafts], lang=lang)
    headers = _headers(ax)
    assert all(t.get_rotation() == 0 for t in ax.get_xticklabels())
    ids = [h for h in headers if "unknown" in h]
    assert sorted(h.replace("\n", "") for h in ids) == sorted(d.id for d in drafts)  # whole
    assert all(line.endswith("-") for h in ids for line in h.split("\n")[:-1])  # at hyphens
    named = [h for h in headers if h not in ids]
    assert max(h.count("\n") for h in named) <= 1  # region names on one or two lines
    boxes = _header_boxes(ax)
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), f"headers overlap: {a} and {b}"


@pytest.mark.parametrize(
    ("function", "key"),
    [
        ("targets", "inclusive_kindergarten_coverage"),  # the data kept 0% of the axis
        ("targets", "preschool_gross_enrolment_rate"),  # 19%
        ("trajectory", "upper_secondary_gross_enrolment_rate"),  # 35%
    ],
)
def test_labels_too_wide_for_a_narrow_panel_do_not_squeeze_the_data(
    plans: eduplans.PlanCollection, function: str, key: str
) -> None:
    """Widening the axis for every label of a 2 in panel put the data in a sliver of it."""
    fig, axes = plt.subplots(1, 2, figsize=(4.0, 3.2), layout="constrained")
    ax = getattr(eduplans.plot, function)(plans, key, ax=axes[0], lang="en")
    fig.canvas.draw()
    left, right = ax.get_xlim()
    data = [float(x) for line in ax.lines for x in line.get_xdata()]
    assert data
    assert max(data) - min(data) >= 0.45 * (right - left)


# --- session 4 review: coverage raised AttributeError under a PDF or SVG backend ----------------


@pytest.mark.parametrize("backend", ["pdf", "svg"])
def test_figures_draw_under_a_vector_backend(tmp_path: Path, backend: str) -> None:
    """``MPLBACKEND=pdf``: coverage raised "'FigureCanvasPdf' object has no attribute
    'get_renderer'" (its canvas has none), and so did trajectory once it measured its labels."""
    import subprocess
    import sys

    code = (
        "import eduplans, eduplans.plot as P\n"
        "plans = eduplans.load()\n"
        "P.trajectory(plans, 'inclusive_kindergarten_coverage').figure.savefig('t.pdf')\n"
        "P.targets(plans, 'preschool_gross_enrolment_rate').figure.savefig('g.pdf')\n"
        "P.coverage(plans).figure.savefig('c.pdf')\n"
    )
    import os

    env = {"MPLBACKEND": backend, "PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"}
    env |= {k: v for k, v in os.environ.items() if k == "PYTHONPATH"}  # the eduplans under test
    result = subprocess.run([sys.executable, "-W", "error", "-c", code], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert all((tmp_path / f"{name}.pdf").read_bytes()[:4] == b"%PDF" for name in "tgc")


# --- session 4 review: 宁夏回族自治区 was headed 宁 / 夏回族 / 自治区 ---------------------


def test_coverage_header_lines_are_even_when_the_breaks_are_equally_good(
    plans: eduplans.PlanCollection,
) -> None:
    """Of two ways of one width, the first made was taken: a province's name lost a character."""
    fig = plt.figure(figsize=(3.5, 5.5), layout="constrained")
    ax = eduplans.plot.coverage(_long_named(plans), ax=fig.add_subplot(), lang="zh")
    headers = _headers(ax)
    assert "宁夏\n回族\n自治区" in headers and "广西\n壮族\n自治区" in headers
    assert all(t.get_rotation() == 0 for t in ax.get_xticklabels())
    assert not any(len(line) == 1 for h in headers for line in h.split("\n"))


# --- session 4 review: coverage's refitting headers made its figure unpicklable -----------------


def test_a_coverage_figure_pickles_and_refits_after_unpickling(
    plans: eduplans.PlanCollection,
) -> None:
    """The headers' formatter was a class made inside a function: pickle could not find it."""
    import pickle

    ax = eduplans.plot.coverage(_long_named(plans), lang="zh")
    fig = ax.get_figure(root=True)
    assert fig is not None
    again = pickle.loads(pickle.dumps(fig))
    copy = again.axes[0]  # the cells (the colour bar is the second)
    assert copy.get_title() == ax.get_title()
    assert _headers(copy) == _headers(ax)
    again.set_size_inches(3.5, 5.5)
    assert _headers(copy) != _headers(ax)  # refitted to the new width
    plt.close(again)
