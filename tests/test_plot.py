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
    for sub in ("catalog.toml", "regions.toml", "national.toml", "plans"):
        for f in [data / sub] if (data / sub).is_file() else sorted((data / sub).glob("*.toml")):
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
        eduplans.plot.save(ax, tmp_path / "x.pdf")
        eduplans.plot.save(ax, tmp_path / "x.svg")
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
        assert "95–97%" in texts
        qual = _texts(eduplans.plot.targets([plan], "compulsory_retention_rate", lang=lang))
        assert ("保持高水平" if lang == "zh" else "qualitative target") in qual
        upper = _texts(eduplans.plot.targets([plan], "primary_homework_time", lang=lang))
        assert "≤60" in upper
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
    assert "年均变化（百分点/年）" in colorbar_labels


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
