"""Regression tests of the figures: one per fixed defect (pint's ``test_issues.py`` style).

Each test is named for what it guards and says which defect it reproduces (a fresh-eyes review
of eduplans.plot, examples/gallery.py and docs/figures.md, session 3); each failed on the code
before its fix.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import matplotlib

matplotlib.use("Agg", force=True)

import matplotlib.pyplot as plt
import pytest

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
