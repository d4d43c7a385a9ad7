"""Statistics tables of regions (issue 13): rows or columns are regions, headers of two levels.

Real pages of session 5's development sets:

* tests/data/realtexts_blind12/real_18 (福建统计年鉴2016 表22-17): rows are regions (an unnamed
  first row = the province's total, then 福州市, 福州市辖区, 鼓楼区 … indented), the header has two
  levels (``地区 专任教师数 在校生数`` over ``普通高中 普通初中 小学 普通高中 普通初中 小学``), the
  caption gives the year (2015) and a unit line the unit (人). The page stops mid-row.

The expected cells below were read off the page by a person, not copied from the parser.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import eduplans

DATA = Path(__file__).parent / "data"
FUJIAN = next((DATA / "realtexts_blind12").glob("real_18_*.txt"))

STAGES = ("普通高中", "普通初中", "小学")
MEASURES = ("专任教师数", "在校生数")
# (region, 6 cells in header order), as printed on the page
FUJIAN_ROWS = [
    ("福州市", (8685, 17253, 29046, 108062, 212842, 551035)),
    ("鼓楼区", (1348, 1641, 2711, 18183, 25221, 53144)),
    ("翔安区", (369, 753, 1211, 4405, 7387, 23805)),
    ("莆田市辖区", (3470, 5742, 10216, 43845, 67005, 168932)),  # after a line of spaces
    ("三元区", (369, 421, 633, 5685, 5123, 11238)),
]
FUJIAN_TOTAL = (50463, 97965, 162496, 626272, 1133458, 2883136)


@pytest.fixture(scope="module")
def fujian() -> eduplans.Plan:
    return eduplans.parse_plan(FUJIAN)


def _cells(plan: eduplans.Plan) -> dict[str, eduplans.Baseline]:
    out: dict[str, eduplans.Baseline] = {}
    for ind in plan.indicators:
        if ind.origin != "table":
            continue
        assert not ind.targets, ind
        for v in ind.baselines:
            assert ind.full_name not in out, ind.full_name
            out[ind.full_name] = v
    return out


def _names(region: str) -> list[str]:
    return [region + stage + measure for measure in MEASURES for stage in STAGES]


@pytest.mark.parametrize(("region", "cells"), FUJIAN_ROWS, ids=[r for r, _ in FUJIAN_ROWS])
def test_region_rows_under_a_two_level_header(
    fujian: eduplans.Plan, region: str, cells: tuple[int, ...]
) -> None:
    got = _cells(fujian)
    for name, want in zip(_names(region), cells, strict=True):
        v = got[name]
        assert (v.year, v.magnitude, v.unit) == (2015, want, "person"), name
        assert v.text == str(want)
        assert fujian.source_text[v.span.start : v.span.end] == v.span.quote
        assert v.span.quote.startswith(region) and v.span.quote.endswith(v.text)


def test_unnamed_first_row_is_the_total(fujian: eduplans.Plan) -> None:
    got = _cells(fujian)
    for name, want in zip(_names("合计"), FUJIAN_TOTAL, strict=True):
        v = got[name]
        assert (v.year, v.magnitude) == (2015, want), name
        assert "elided_subject" in v.flags


def test_every_complete_row_is_read_and_the_cut_row_is_reported(fujian: eduplans.Plan) -> None:
    text = FUJIAN.read_text(encoding="utf-8")
    lines = [ln.split() for ln in text.splitlines()]
    full = [ln for ln in lines if len(ln) in (6, 7) and all(t.isdigit() for t in ln[-6:])]
    got = _cells(fujian)
    assert len(got) == 6 * len(full) == 210
    # the page stops mid-row ("永安市 513 9"): its two numbers are not values, they are reported
    last = text.rstrip().rsplit("\n", 1)[1]
    assert last.split() == ["永安市", "513", "9"]
    at = text.rindex("永安市")
    assert not any(v.span.start >= at for v in got.values())
    reported = {d.start: d for d in fujian.diagnostics}
    cut = reported[text.rindex("513")]
    assert cut.text == "513" and cut.reason == "not_understood"
    assert "2 of the header's 6 cells" in cut.detail
