"""Figures of eduplans.plot: baselines, fonts, rcParams, deterministic files, bad input.

Regenerate the baseline images after a deliberate change of a figure with
``EDUPLANS_UPDATE_BASELINES=1 python -m pytest tests/test_plot.py`` and look at every one.
"""

from __future__ import annotations

import copy
import os
import re
import subprocess
import sys
import warnings
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg", force=True)

import matplotlib.pyplot as plt
import pytest
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.testing.compare import compare_images
from matplotlib.text import Text

import eduplans
import eduplans.plot
from eduplans import EduplansError
from eduplans.plot._fonts import FONT_FAMILY, font_path

BASELINES = Path(__file__).parent / "baseline_images"
UPDATE = os.environ.get("EDUPLANS_UPDATE_BASELINES") == "1"
TOLERANCE = 3.0  # RMS over 0-255 grey levels; text that moves by a pixel stays well below
HAN = re.compile(r"[\u3400-\u9fff]")

Draw = Callable[[eduplans.PlanCollection, str], Axes]

FIGURES: dict[str, Draw] = {
    "targets": lambda p, lang: eduplans.plot.targets(
        p, "preschool_gross_enrolment_rate", lang=lang
    ),
    "targets_years": lambda p, lang: eduplans.plot.targets(
        p, "quality_balanced_county_share", lang=lang
    ),
    "trajectory": lambda p, lang: eduplans.plot.trajectory(
        p, "quality_balanced_county_share", region="洛阳市", lang=lang
    ),
    "coverage": lambda p, lang: eduplans.plot.coverage(p, lang=lang),
}
CASES = [(name, lang) for name in FIGURES for lang in ("zh", "en")]


@pytest.fixture(autouse=True)
def _close_figures() -> Any:
    yield
    plt.close("all")


def _texts(ax: Axes) -> list[str]:
    fig = ax.get_figure(root=True)
    assert fig is not None
    fig.canvas.draw()
    return [t.get_text() for t in fig.findobj(Text) if t.get_text() and t.get_visible()]


# --- image comparison ---------------------------------------------------------------------


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_matches_baseline(
    plans: eduplans.PlanCollection, tmp_path: Path, name: str, lang: str
) -> None:
    ax = FIGURES[name](plans, lang)
    actual = tmp_path / f"{name}_{lang}.png"
    eduplans.plot.save(ax, actual, dpi=100)
    expected = BASELINES / f"{name}_{lang}.png"
    if UPDATE:
        BASELINES.mkdir(exist_ok=True)
        expected.write_bytes(actual.read_bytes())
    assert expected.exists(), f"no baseline {expected}; run with EDUPLANS_UPDATE_BASELINES=1"
    diff = compare_images(str(expected), str(actual), tol=TOLERANCE, in_decorator=True)
    assert diff is None, f"{name}_{lang} differs from its baseline: {diff}"


# --- fonts ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_no_missing_glyph(
    plans: eduplans.PlanCollection, tmp_path: Path, name: str, lang: str
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" is a UserWarning
        ax = FIGURES[name](plans, lang)
        fig = ax.get_figure(root=True)
        assert fig is not None
        fig.canvas.draw()
        for suffix in (".png", ".pdf", ".svg"):
            eduplans.plot.save(ax, tmp_path / f"f{suffix}", dpi=72)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_text_uses_the_bundled_font(plans: eduplans.PlanCollection, lang: str) -> None:
    ax = eduplans.plot.targets(plans, "compulsory_retention_rate", lang=lang)
    fig = ax.get_figure(root=True)
    assert fig is not None
    fig.canvas.draw()  # tick labels exist only now, outside the plotting function
    bundled = font_path().resolve()
    texts = [t for t in fig.findobj(Text) if t.get_text()]
    assert texts
    for t in texts:
        assert Path(font_manager.findfont(t.get_fontproperties())).resolve() == bundled, t


def test_bundled_font_is_ofl_truetype_and_covers_the_data() -> None:
    from fontTools.ttLib import TTFont

    path = font_path()
    licence = (path.parent / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    font = TTFont(path)
    assert "glyf" in font  # TrueType outlines: PDFs embed it as Type 42
    assert font["name"].getDebugName(1) == FONT_FAMILY
    cmap = font.getBestCmap()
    data = Path(str(path.parent.parent))
    used = set()
    # every text file the package ships (catalog, words, regions table, plans, sources …)
    files = [
        f
        for f in sorted(data.rglob("*"))
        if f.suffix in {".toml", ".tsv", ".json", ".txt", ".md"} and "fonts" not in f.parts
    ]
    assert {"catalog.toml", "regions.tsv", "national.toml", "luoyang-2022.toml"} <= {
        f.name for f in files
    }
    for f in files:
        used.update(f.read_text(encoding="utf-8"))
    missing = sorted(c for c in used if c.isprintable() and ord(c) not in cmap)
    assert not missing
    gb2312 = [
        bytes([hi, lo]).decode("gb2312")
        for hi in range(0xB0, 0xF8)
        for lo in range(0xA1, 0xFF)
        if (hi, lo) < (0xD7, 0xFA)
    ]
    assert all(ord(c) in cmap for c in gb2312)  # GB 2312 level 1 hanzi


def test_english_figures_have_no_chinese(plans: eduplans.PlanCollection) -> None:
    for name in FIGURES:
        texts = _texts(FIGURES[name](plans, "en"))
        assert not [t for t in texts if HAN.search(t)], name


def test_chinese_figures_use_catalog_and_region_names(plans: eduplans.PlanCollection) -> None:
    texts = "\n".join(_texts(eduplans.plot.targets(plans, "preschool_gross_enrolment_rate")))
    assert "学前教育毛入园率" in texts
    assert "洛阳市" in texts
    assert "%" in texts  # the unit


# --- rcParams ------------------------------------------------------------------------------


def test_global_rcparams_unchanged(plans: eduplans.PlanCollection, tmp_path: Path) -> None:
    before = copy.deepcopy(dict(matplotlib.rcParams))
    for name, lang in CASES:
        ax = FIGURES[name](plans, lang)
        eduplans.plot.save(ax, tmp_path / "x.pdf", overwrite=True)
        eduplans.plot.save(ax, tmp_path / "x.svg", overwrite=True)
    assert dict(matplotlib.rcParams) == before


def test_style_holds_when_drawn_later(plans: eduplans.PlanCollection) -> None:
    ax = eduplans.plot.coverage(plans)
    with matplotlib.rc_context({"xtick.labelsize": 20, "ytick.labelsize": 20}):
        fig = ax.get_figure(root=True)
        assert fig is not None
        fig.canvas.draw()
    sizes = {t.get_fontsize() for t in ax.get_yticklabels() + ax.get_xticklabels()}
    assert sizes == {7.0}


# --- files ---------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".pdf", ".svg", ".png"])
def test_save_is_deterministic(plans: eduplans.PlanCollection, tmp_path: Path, suffix: str) -> None:
    outputs = []
    for i in range(2):
        ax = eduplans.plot.targets(plans, "compulsory_retention_rate")
        outputs.append(eduplans.plot.save(ax, tmp_path / f"{i}{suffix}", dpi=100).read_bytes())
        plt.close("all")
    assert outputs[0] == outputs[1]


def test_pdf_embeds_truetype(plans: eduplans.PlanCollection, tmp_path: Path) -> None:
    ax = eduplans.plot.targets(plans, "compulsory_retention_rate")
    pdf = eduplans.plot.save(ax, tmp_path / "f.pdf").read_bytes()
    assert b"/CIDFontType2" in pdf or b"/Subtype /TrueType" in pdf
    assert b"/FontFile2" in pdf  # the TrueType program is embedded
    assert b"/Subtype /Type3" not in pdf
    assert b"/CreationDate" not in pdf
    assert b"EduplansSansSC" in pdf


def test_save_accepts_a_figure_and_rejects_other_formats(
    plans: eduplans.PlanCollection, tmp_path: Path
) -> None:
    ax = eduplans.plot.coverage(plans)
    fig = ax.get_figure(root=True)
    assert fig is not None
    assert eduplans.plot.save(fig, tmp_path / "c.png").stat().st_size > 0
    with pytest.raises(ValueError, match=r"\.png, \.pdf or \.svg"):
        eduplans.plot.save(fig, tmp_path / "c.jpg")


# --- the figures' content -----------------------------------------------------------------


def test_draws_on_the_given_axes(plans: eduplans.PlanCollection) -> None:
    _, axes = plt.subplots(1, 3, figsize=(10, 3))
    count = len(plt.get_fignums())
    assert eduplans.plot.targets(plans, "compulsory_retention_rate", ax=axes[0]) is axes[0]
    out = eduplans.plot.trajectory(plans, "quality_balanced_county_share", ax=axes[1])
    assert out is axes[1]
    assert eduplans.plot.coverage(plans, keys=["compulsory_retention_rate"], ax=axes[2]) is axes[2]
    assert len(plt.get_fignums()) == count


def test_targets_label_rows_with_their_year(plans: eduplans.PlanCollection) -> None:
    ax = eduplans.plot.targets(plans, "quality_balanced_county_share")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["洛阳市 (2025)", "河南省 (2027)", "河南省 (2030)", "河南省 (2035)"]
    one_year = eduplans.plot.targets(plans, "quality_balanced_county_share", year=2030)
    assert [t.get_text() for t in one_year.get_yticklabels()] == ["河南省"]
    assert "2030" in one_year.get_title(loc="left")


def test_targets_national_line_only_for_its_year(plans: eduplans.PlanCollection) -> None:
    frame = eduplans.compare(plans, "preschool_gross_enrolment_rate")
    national = frame.dropna(subset=["national_value"])
    assert not national.empty
    ax = eduplans.plot.targets(plans, "preschool_gross_enrolment_rate")
    texts = _texts(ax)
    assert any(t.startswith("全国2025年") for t in texts)
    plain = eduplans.plot.targets(plans, "preschool_gross_enrolment_rate", national=False)
    assert not any(t.startswith("全国") for t in _texts(plain))


def _synthetic_plan() -> eduplans.Plan:
    """A plan with a range, a qualitative target and an upper bound."""
    from eduplans import Baseline, Indicator, Plan, Region, SourceSpan, Target

    src = (
        "学前教育毛入园率2020年为90%，2025年达到95%—97%。"
        "义务教育巩固率2020年为98%，2025年保持高水平。"
        "小学书面作业平均完成时间不超过60分钟。"
    )

    def span(quote: str) -> SourceSpan:
        start = src.index(quote)
        return SourceSpan(start=start, end=start + len(quote), quote=quote)

    def value(cls: Any, year: int, comp: str, x: float | None, quote: str, **kw: Any) -> Any:
        return cls(
            year=year,
            comparator=comp,
            magnitude=x,
            unit=kw.pop("unit", "percent"),
            text=quote,
            span=span(quote),
            **kw,
        )

    indicators = (
        Indicator(
            name="学前教育毛入园率",
            unit="percent",
            binding="binding",
            section="",
            origin="prose",
            key="preschool_gross_enrolment_rate",
            baselines=(value(Baseline, 2020, "=", 90, "90%"),),
            targets=(value(Target, 2025, "range", 95, "95%—97%", upper_magnitude=97),),
        ),
        Indicator(
            name="义务教育巩固率",
            unit="percent",
            binding="expected",
            section="",
            origin="prose",
            key="compulsory_retention_rate",
            baselines=(value(Baseline, 2020, "=", 98, "98%"),),
            targets=(value(Target, 2025, "maintain", None, "保持高水平"),),
        ),
        Indicator(
            name="小学书面作业平均完成时间",
            unit="minute",
            binding="none",
            section="",
            origin="prose",
            key="primary_homework_time",
            targets=(value(Target, 2025, "<=", 60, "不超过60分钟", unit="minute"),),
        ),
    )
    region = Region(name="测试市", level="prefecture", name_en="Testville")
    return Plan(
        id="test-2025",
        region=region,
        title="测试",
        issuer="测试",
        issued=date(2022, 1, 1),
        period=(2021, 2025),
        kind="five_year_plan",
        status="final",
        indicators=indicators,
        source_text=src,
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_range_qualitative_and_upper_bound(lang: str) -> None:
    plan = _synthetic_plan()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax = eduplans.plot.targets([plan], "preschool_gross_enrolment_rate", lang=lang)
        bars = [line for line in ax.get_lines() if line.get_linewidth() >= 3.0]
        assert [list(b.get_xdata()) for b in bars] == [[95.0, 97.0]]
        texts = _texts(ax)
        assert ("95—97%" if lang == "zh" else "95–97%") in texts
        qual = _texts(eduplans.plot.targets([plan], "compulsory_retention_rate", lang=lang))
        assert ("保持高水平" if lang == "zh" else "keep high") in qual
        upper = _texts(eduplans.plot.targets([plan], "primary_homework_time", lang=lang))
        assert ("≤60" if lang == "zh" else "≤ 60") in upper
        cov = eduplans.plot.coverage([plan], lang=lang)
        assert ("保持" if lang == "zh" else "maintain") in _texts(cov)


def test_coverage_marks_targets_without_baseline(plans: eduplans.PlanCollection) -> None:
    ax = eduplans.plot.coverage(plans)
    hatched = [p for p in ax.patches if p.get_hatch()]
    coloured = [p for p in ax.patches if not p.get_hatch()]
    assert hatched and coloured
    labels = [t.get_text() for t in ax.get_legend().get_texts()]  # type: ignore[union-attr]
    assert "有目标、无基线" in labels
    fig = ax.get_figure(root=True)
    assert fig is not None
    colorbar_labels = [a.get_xlabel() for a in fig.axes if a is not ax]
    assert any(label.startswith("目标要求的年均变化（百分点/年") for label in colorbar_labels)


# --- the caller's own Axes and savefig ----------------------------------------------------

ON_AXES: dict[str, Callable[[eduplans.PlanCollection, str, Axes], Axes]] = {
    "targets": lambda p, lang, ax: eduplans.plot.targets(
        p, "preschool_gross_enrolment_rate", lang=lang, ax=ax
    ),
    "trajectory": lambda p, lang, ax: eduplans.plot.trajectory(
        p, "quality_balanced_county_share", region="洛阳市", lang=lang, ax=ax
    ),
    "coverage": lambda p, lang, ax: eduplans.plot.coverage(p, lang=lang, ax=ax),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", sorted(ON_AXES))
def test_callers_axes_saved_with_plain_savefig_have_every_glyph(
    plans: eduplans.PlanCollection, tmp_path: Path, name: str, lang: str
) -> None:
    # the caller's figure is made before eduplans draws, under the caller's rcParams, and saved
    # with matplotlib's own savefig outside any eduplans context
    fig, ax = plt.subplots(figsize=(6, 4))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s) DejaVu Sans"
        ON_AXES[name](plans, lang, ax)
        for suffix in (".png", ".pdf", ".svg"):
            fig.savefig(tmp_path / f"{name}{suffix}", dpi=72)
    bundled = font_path().resolve()
    texts = [t for t in fig.findobj(Text) if t.get_text() and t.get_visible()]
    assert any(HAN.search(t.get_text()) for t in texts) == (lang == "zh")
    for t in texts:
        if HAN.search(t.get_text()):
            found = Path(font_manager.findfont(t.get_fontproperties())).resolve()
            assert found == bundled, t


def _package_texts() -> dict[str, str]:
    """Every region name, catalog label and plan title the package has, with where it is from."""
    from eduplans import _loader

    out: dict[str, str] = {}

    def add(text: str, where: str) -> None:
        for c in text:
            out.setdefault(c, where)

    from collections.abc import Mapping

    regions = list(_loader.regions().values())
    table = getattr(eduplans, "regions", None)  # the full division table (issue 11), if present
    if isinstance(table, Mapping):
        regions += list(table.values())
    for plan in eduplans.load():
        if plan.region is not None:
            regions += [plan.region, *plan.region.ancestors]
        add(plan.title, f"title of {plan.id}")
        add(plan.title_en, f"title_en of {plan.id}")
        add(plan.issuer, f"issuer of {plan.id}")
    for region in regions:
        for attr in ("name", "name_en", "short_name", "short_names", "aliases", "former_names"):
            value = getattr(region, attr, "")
            for text in [value] if isinstance(value, str) else list(value or ()):
                add(str(text), f"region {region.name}")
    for key, entry in eduplans.catalog().items():
        for text in (entry.name_zh, entry.label_en, entry.definition, *entry.aliases):
            add(text, f"catalog {key}")
    return out


def _data_file_texts() -> dict[str, str]:
    """Every character of every text file under eduplans/data (compressed ones too)."""
    import bz2
    import gzip
    import lzma

    data = font_path().parent.parent
    out: dict[str, str] = {}
    openers = {".gz": gzip.decompress, ".bz2": bz2.decompress, ".xz": lzma.decompress}
    for path in sorted(p for p in data.rglob("*") if p.is_file() and "fonts" not in p.parts):
        raw = path.read_bytes()
        raw = openers.get(path.suffix, lambda b: b)(raw)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        for c in text:
            out.setdefault(c, str(path.relative_to(data)))
    return out


@pytest.mark.parametrize("source", ["names", "data files"])
def test_every_character_of_the_package_has_a_glyph(source: str) -> None:
    from fontTools.ttLib import TTFont

    cmap = TTFont(font_path()).getBestCmap()
    chars = _package_texts() if source == "names" else _data_file_texts()
    assert len(chars) > (300 if source == "names" else 1000)
    missing = {
        c: where
        for c, where in chars.items()
        if c.isprintable() and not c.isspace() and ord(c) not in cmap
    }
    assert not missing, missing


def test_font_holds_the_general_standard_characters() -> None:
    from fontTools.ttLib import TTFont

    cmap = TTFont(font_path()).getBestCmap()
    # rare characters of region names: 鄠邑区, 郫都区, 濉溪县, 婺源县, 歙县, 黟县, 沭阳县, 邗江区
    for c in "鄠郫濉婺歙黟沭邗":
        assert ord(c) in cmap, c
    assert len(cmap) >= 8105 + 1000  # 通用规范汉字表 and the symbols


# --- the plans' meaning ---------------------------------------------------------------------


def _plan(*indicators: tuple[Any, ...]) -> Any:
    """A plan of ``(key, unit, baseline, comparator, target, target text, flags[, high])`` rows."""
    from eduplans import Baseline, Indicator, Plan, Region, SourceSpan, Target

    src = "".join(f"{row[0]}基线{row[2]}目标{row[4]}{row[5]}。" for row in indicators)

    def span(quote: str, after: int = 0) -> SourceSpan:
        start = src.index(quote, after)
        return SourceSpan(start=start, end=start + len(quote), quote=quote)

    made = []
    for key, unit, base, comp, target, words, flags, *high in indicators:
        at = src.index(key)
        baselines = ()
        if base is not None:
            baselines = (
                Baseline(
                    year=2020,
                    comparator="=",
                    magnitude=base,
                    unit=unit,
                    text=str(base),
                    span=span(f"基线{base}", at),
                ),
            )
        made.append(
            Indicator(
                name=key,
                unit=unit,
                binding="binding",
                section="",
                origin="prose",
                key=key,
                baselines=baselines,
                targets=(
                    Target(
                        year=2025,
                        comparator=comp,
                        magnitude=target,
                        unit=unit,
                        text=words,
                        span=span(words, at),
                        flags=tuple(f for f in flags.split(";") if f),
                        note="as the test states it" if flags else "",
                        upper_magnitude=high[0] if high else None,
                    ),
                ),
            )
        )
    return Plan(
        id="meaning-2025",
        region=Region(name="测试市", level="prefecture", name_en="Testville"),
        title="测试",
        issuer="测试",
        issued=date(2022, 1, 1),
        period=(2021, 2025),
        kind="five_year_plan",
        status="final",
        indicators=tuple(made),
        source_text=src,
    )


def _arrow_tips(ax: Axes) -> list[tuple[float, float]]:
    from matplotlib.text import Annotation

    return [
        (float(a.xy[0]), float(a.xy[1]))
        for a in ax.texts
        if isinstance(a, Annotation) and a.arrow_patch is not None
    ]


def _cell(ax: Axes, row: int, column: int) -> Any:
    from matplotlib.patches import Rectangle

    for patch in ax.patches:
        if isinstance(patch, Rectangle) and patch.get_xy() == (column - 0.5, row - 0.5):
            return patch
    raise AssertionError(f"no cell at row {row}, column {column}")


BOUNDS = [
    ("preschool_gross_enrolment_rate", "percent", 111.5, ">=", 100.0, "≥100", ""),  # met floor
    ("upper_secondary_gross_enrolment_rate", "percent", 90.0, ">=", 95.0, "95%以上", ""),  # raise
    ("myopia_rate", "percent", 55.0, "<=", 50.0, "控制在50%以下", ""),  # cap above: cut
    ("compulsory_retention_rate", "percent", 45.0, "<=", 50.0, "不超过50%", ""),  # cap met
]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_coverage_colours_bounds_by_what_they_ask(lang: str) -> None:
    from matplotlib.colors import to_rgb

    plan = _plan(*BOUNDS)
    ax = eduplans.plot.coverage([plan], lang=lang)
    order = [k for k in eduplans.catalog() if k in {b[0] for b in BOUNDS}]
    faces = {key: _cell(ax, order.index(key), 0) for key in order}
    met_floor = faces["preschool_gross_enrolment_rate"]
    met_cap = faces["compulsory_retention_rate"]
    for met in (met_floor, met_cap):  # neither coloured as a change: white and dotted
        assert to_rgb(met.get_facecolor()) == (1.0, 1.0, 1.0)
        assert met.get_hatch() == "...."
    rise = to_rgb(faces["upper_secondary_gross_enrolment_rate"].get_facecolor())
    cut = to_rgb(faces["myopia_rate"].get_facecolor())
    assert rise[0] > rise[2]  # orange: a rise of at least 1 pp a year
    assert cut[2] > cut[0]  # purple: a cut of at least 1 pp a year
    legend = [t.get_text() for t in ax.get_legend().get_texts()]  # type: ignore[union-attr]
    assert any(("基线已达到" if lang == "zh" else "met at baseline") in t for t in legend)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_targets_draw_bounds_the_right_way(lang: str) -> None:
    plan = _plan(*BOUNDS)
    for key, _, base, comp, bound, _, _ in BOUNDS:
        ax = eduplans.plot.targets([plan], key, lang=lang)
        (tip,) = _arrow_tips(ax)
        # a floor's arrow points right (up the scale), a cap's left, from the bound
        assert (tip[0] > bound) == (comp == ">="), key
        left, right = ax.get_xlim()
        assert left < tip[0] < right  # never clipped by the axes
        joined = [
            line
            for line in ax.get_lines()
            if len(line.get_xdata()) == 2 and set(line.get_xdata()) == {base, bound}
        ]
        met = (comp == ">=") == (base >= bound)
        # a met floor or cap is not joined to the baseline as if it were a planned fall
        assert (not joined) == met, key
        words = "\n".join(_texts(ax))
        assert (("基线已达到" if lang == "zh" else "met at baseline") in words) == met, key
        plt.close("all")


@pytest.mark.parametrize(
    ("base", "joined_to", "hue"),
    [(96.0, None, "none"), (90.0, 95.0, "orange"), (99.0, 97.0, "purple")],
    ids=["within", "below", "above"],
)
def test_ranges_read_against_the_baseline(base: float, joined_to: float | None, hue: str) -> None:
    from matplotlib.colors import to_rgb

    key = "preschool_gross_enrolment_rate"
    plan = _plan((key, "percent", base, "range", 95.0, "95%—97%", "", 97.0))
    ax = eduplans.plot.targets([plan], "preschool_gross_enrolment_rate", lang="en")
    grey = [line for line in ax.get_lines() if line.get_linewidth() == 1.4]
    assert [sorted(line.get_xdata()) for line in grey] == (
        [] if joined_to is None else [sorted([base, joined_to])]
    )  # joined to the nearer end only when the baseline is outside the range
    assert ("met at baseline" in "\n".join(_texts(ax))) == (joined_to is None)
    face = to_rgb(_cell(eduplans.plot.coverage([plan]), 0, 0).get_facecolor())
    if hue == "none":
        assert face == (1.0, 1.0, 1.0)
    elif hue == "orange":
        assert face[0] > face[2]
    else:
        assert face[2] > face[0]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_trajectory_does_not_draw_a_met_floor_as_a_fall(lang: str) -> None:
    plan = _plan(BOUNDS[0])
    ax = eduplans.plot.trajectory([plan], BOUNDS[0][0], lang=lang)
    slopes = [line for line in ax.get_lines() if len(line.get_xdata()) >= 2]
    assert not slopes  # no line from 111.5 (2020) down to 100 (2025)
    (tip,) = _arrow_tips(ax)
    assert tip[1] > 100.0  # the floor points up
    bottom, top = ax.get_ylim()
    assert bottom < tip[1] < top


def test_bundled_met_floors_are_not_drawn_as_falls(plans: eduplans.PlanCollection) -> None:
    # 从化 高中阶段毛入学率 111.48 → ≥100, 学前 100.23 → ≥100 (issue 9)
    ax = eduplans.plot.coverage(plans)
    fig = ax.get_figure(root=True)
    assert fig is not None
    colorbar = next(a for a in fig.axes if a is not ax)
    low = colorbar.get_xlim()[0]
    assert low == -colorbar.get_xlim()[1]  # centred on zero
    from matplotlib.colors import to_rgb

    regions = [t.get_text() for t in ax.get_xticklabels()]
    column = regions.index("从化区")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    for name in ("高中阶段教育毛入学率", "学前教育毛入园率"):
        row = next(i for i, label in enumerate(labels) if label.replace("\n", "").startswith(name))
        cell = _cell(ax, row, column)
        assert to_rgb(cell.get_facecolor()) == (1.0, 1.0, 1.0), name
    for key in ("upper_secondary_gross_enrolment_rate", "preschool_gross_enrolment_rate"):
        ax = eduplans.plot.targets(plans, key, lang="en")
        words = [t.replace("\n", " ") for t in _texts(ax)]  # one column: on two lines
        assert "≥ 100% (met at baseline)" in words


def _key_of(plans: eduplans.PlanCollection, plan_id: str, text: str) -> str:
    """The catalog key under which a bundled plan states the target written ``text``."""
    plan = next(p for p in plans if p.id == plan_id)
    keys = {i.key for i in plan.indicators for t in i.targets if text in t.text and i.key}
    assert len(keys) == 1, keys
    return str(keys.pop())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_per_year_cut_points_the_right_way_and_is_not_a_level(
    plans: eduplans.PlanCollection, lang: str
) -> None:
    # 洛阳 近视率 "每年降低1个百分点以上": a change, never a level of 1%. It is a change of at
    # most -1 pp a year: at -1, the arrow pointing down the scale, whether the key is the rate's
    # (myopia_rate, %, unsigned text) or, as bundled, the signed change itself
    # (myopia_rate_change_per_year: value -1, comparator <=, issue 9)
    key = _key_of(plans, "luoyang-2022", "降低1个百分点")
    (target,) = [t for t in plans["luoyang-2022"].targets if "降低1个百分点" in t.quote]
    own_sign = target.magnitude is not None and target.magnitude < 0
    ax = eduplans.plot.targets(plans, key, lang=lang)
    (tip,) = _arrow_tips(ax)
    markers = [line for line in ax.get_lines() if line.get_marker() == "o"]
    at = -1.0  # a fall of at least 1 pp is a change of at most -1 pp, signed or not
    assert own_sign or eduplans.catalog()[key].unit == "percent"
    assert [list(m.get_xdata()) for m in markers] == [[at]]
    assert tip[0] < at
    words = "\n".join(_texts(ax))
    assert ("每年降低≥1个百分点" if lang == "zh" else "cut by ≥ 1 percentage point a year") in words
    assert "%" not in ax.get_xlabel()  # percentage points, not a rate
    assert ax.get_xlim()[0] < tip[0] < ax.get_xlim()[1]
    tr = eduplans.plot.trajectory(plans, key, lang=lang)  # the same over the years
    (tip,) = _arrow_tips(tr)
    points = [line for line in tr.get_lines() if line.get_marker() == "o"]
    assert [list(p.get_ydata()) for p in points] == [[at]]
    assert tip[1] < at  # pointing to larger falls, down the scale
    assert min(tr.get_ylim()) < tip[1] < max(tr.get_ylim())
    words = "\n".join(_texts(tr))
    assert ("每年降低≥1个百分点" if lang == "zh" else "cut by ≥ 1 percentage point a year") in words


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_totals_over_the_period_are_not_levels(plans: eduplans.PlanCollection, lang: str) -> None:
    from matplotlib.patches import Rectangle

    # 从化 新增学位 1.5万 (2016–20 total) and 2.34万 (2021–25 total): two totals, not a path
    key = _key_of(plans, "conghua-2022", "2.34万")
    ax = eduplans.plot.targets(plans, key, lang=lang)
    joined = [line for line in ax.get_lines() if len(line.get_xdata()) == 2]
    assert not joined
    bars = [p for p in ax.patches if isinstance(p, Rectangle)]
    assert bars and all(b.get_x() == 0.0 for b in bars)  # totals are bars from zero
    assert ("规划期累计" if lang == "zh" else "Total over the plan period") in ax.get_xlabel()
    tr = eduplans.plot.trajectory(plans, key, region="从化区", lang=lang)
    assert not [line for line in tr.get_lines() if len(line.get_xdata()) >= 2]
    spans = {(round(b.get_x() + 0.4), round(b.get_x() + b.get_width() - 0.4)) for b in tr.patches}
    assert (2021, 2025) in spans and (2016, 2020) in spans  # each total over its own period
    cov = eduplans.plot.coverage(plans, keys=[key], lang=lang)
    cells = [p for p in cov.patches if isinstance(p, Rectangle)]
    assert cells and all(p.get_facecolor()[:3] == (227 / 255,) * 3 for p in cells)  # grey


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_arrows_are_never_clipped(plans: eduplans.PlanCollection, name: str, lang: str) -> None:
    ax = FIGURES[name](plans, lang)
    (left, right), (bottom, top) = ax.get_xlim(), sorted(ax.get_ylim())
    for x, y in _arrow_tips(ax):
        assert min(left, right) < x < max(left, right)
        assert bottom < y < top


def test_no_english_figure_of_any_key_has_chinese(plans: eduplans.PlanCollection) -> None:
    # every key some plan sets, as targets and as a trajectory: value texts, qualitative
    # targets, changes and totals are all written in English
    from matplotlib.text import Text as _Text

    keys = sorted({str(k) for k in eduplans.compare(plans)["key"]})
    for key in keys:
        for ax in (
            eduplans.plot.targets(plans, key, lang="en"),
            eduplans.plot.trajectory(plans, key, lang="en"),
        ):
            fig = ax.get_figure(root=True)
            assert fig is not None
            texts = [t.get_text() for t in fig.findobj(_Text)]
            texts += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
            chinese = [t for t in texts if HAN.search(t)]
            assert not chinese, (key, chinese)
        plt.close("all")


def test_english_figures_use_english_value_texts(plans: eduplans.PlanCollection) -> None:
    texts = _texts(eduplans.plot.targets(plans, "quality_balanced_county_share", lang="en"))
    assert "about 30%" in texts and "about 80%" in texts
    texts = _texts(eduplans.plot.targets(plans, "preschool_gross_enrolment_rate", lang="en"))
    assert "National 2025: ≥ 90%" in texts
    qualitative = _texts(eduplans.plot.targets(plans, "compulsory_retention_rate", lang="en"))
    assert "keep high" in qualitative  # 从化 保持高水平
    chinese = _texts(eduplans.plot.targets(plans, "quality_balanced_county_share"))
    assert "30%左右" in chinese


# --- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda p: eduplans.plot.targets(p, "no_such_indicator"),
        lambda p: eduplans.plot.targets(p, "preschool_gross_enrolment_rate", year=1999),
        lambda p: eduplans.plot.trajectory(p, "no_such_indicator"),
        lambda p: eduplans.plot.trajectory(p, "quality_balanced_county_share", region="北京市"),
        lambda p: eduplans.plot.coverage(p, keys=["no_such_indicator"]),
    ],
    ids=[
        "targets-unknown",
        "targets-year",
        "trajectory-unknown",
        "trajectory-region",
        "coverage-unknown",
    ],
)
def test_bad_input_raises_eduplans_error(
    plans: eduplans.PlanCollection, call: Callable[[eduplans.PlanCollection], Axes]
) -> None:
    before = plt.get_fignums()
    with pytest.raises(EduplansError):
        call(plans)
    assert plt.get_fignums() == before  # never an empty figure


def test_key_no_plan_sets_raises(plans: eduplans.PlanCollection) -> None:
    set_keys = {i.key for p in plans for i in p.indicators if i.targets}
    unset = next(k for k in eduplans.catalog() if k not in set_keys)
    before = plt.get_fignums()
    for call in (eduplans.plot.targets, eduplans.plot.trajectory):
        with pytest.raises(EduplansError, match=unset):
            call(plans, unset)
    with pytest.raises(EduplansError):
        eduplans.plot.coverage(plans, keys=[unset])
    assert plt.get_fignums() == before


def test_bad_lang(plans: eduplans.PlanCollection) -> None:
    with pytest.raises(ValueError, match="lang"):
        eduplans.plot.targets(plans, "compulsory_retention_rate", lang="fr")


# --- imports -------------------------------------------------------------------------------


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return result.stdout.strip()


def test_import_eduplans_does_not_import_matplotlib() -> None:
    assert _run("import sys, eduplans; print('matplotlib' in sys.modules)") == "False"
    assert _run("import eduplans.plot; print(eduplans.plot.__all__)") == (
        "['coverage', 'save', 'targets', 'trajectory']"
    )


def test_plot_is_an_attribute_of_eduplans() -> None:
    code = "import eduplans; print(callable(eduplans.plot.targets), eduplans.plot.__name__)"
    assert _run(code) == "True eduplans.plot"
