"""Alignment quality on the labelled names (benchmarks/alignment_quality.py), as a regression bar.

The goal of issue 3 is a pairwise F1 of at least 0.95 with precision of at least 0.97 on the
labelled set; names eduplans has not seen score lower (docs/alignment.md gives the blind
figures). This test fails when a change makes alignment worse than that on the labelled set.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import alignment_quality
import pytest


def test_pairwise_quality_on_all_labelled_names() -> None:
    figures = alignment_quality.measure("all")
    assert figures["names"] > 900
    assert figures["precision"] >= 0.97, figures
    assert figures["f1"] >= 0.95, figures


def test_quality_on_names_never_used_for_the_rules() -> None:
    figures = alignment_quality.measure("heldout3")
    assert figures["names"] >= 150
    assert figures["precision"] >= 0.95, figures  # measured 0.955 (0.972 before session 2)
    assert figures["f1"] >= 0.80, figures  # measured 0.839


@pytest.mark.parametrize(("which", "f1"), [("real1", 0.80), ("real2", 0.65)])
def test_quality_on_the_real_development_sets(which: str, f1: float) -> None:
    # names as real pages write them (issue 12): measured 1.000/0.825 and 1.000/0.683
    figures = alignment_quality.measure(which)
    assert figures["precision"] >= 0.97, figures
    assert figures["f1"] >= f1, figures


def test_every_labelled_set_is_far_above_plain_rapidfuzz() -> None:
    for which in (*alignment_quality.SETS, *alignment_quality.HELDOUT):
        ours = alignment_quality.measure(which)["f1"]
        plain, _ = alignment_quality.rapidfuzz_baseline(alignment_quality.labelled(which))
        assert ours > plain + 0.1, (which, ours, plain)


def test_quality_on_real3() -> None:
    # real3 (a development set since session 3): blind 0.750/0.383/0.507, after session 2
    # 0.889/0.340/0.492, tuned in session 3 to 0.938/0.479/0.634; its remaining false pairs are
    # names whose stage only their page gives (a bare 专任教师 on a page about kindergartens).
    # Session 4 (0.920/0.489/0.639): 示范园 is a kindergarten, so 省级示范园 (a stock) and
    # 省级示范幼儿园 (labelled as added: 新增了1所省级示范幼儿园, which the name does not say) group
    figures = alignment_quality.measure("real3")
    assert figures["precision"] >= 0.91, figures
    assert figures["f1"] >= 0.60, figures
