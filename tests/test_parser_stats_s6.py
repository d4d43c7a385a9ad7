"""Statistics tables of session 6 (issue 13): glosses with measure totals, wide stacked headers.

Real pages of session 6's development set tests/data/realtexts_blind18:

* real_03 (广州统计年鉴2022 表18-1): a table of years (``项   目   Item   2020 2021``) whose
  measure rows hold the measure's total (``学校数 (所) Number of Schools (unit) 1764 1771``),
  the rows below them its parts (``普通高等学校 Regular Institutions of Higher Education 82
  83``; names with inner spaces, ``高 中``).

The expected cells below were read off the page by a person (and checked against the set's
labels.csv), not copied from the parser.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import eduplans

DATA = Path(__file__).parent / "data" / "realtexts_blind18"
GUANGZHOU = next(DATA.glob("real_03_*.txt"))

# measure, unit, its total (2020, 2021), then (part, 2020, 2021), as printed on the page
GUANGZHOU_BLOCKS = [
    (
        "学校数",
        "school",
        (1764, 1771),
        [
            ("普通高等学校", 82, 83),
            ("中等职业学校", 77, 78),
            ("技工学校", 54, 54),
            ("普通中学", 539, 551),
            ("高中", 120, 124),
            ("初中", 419, 427),
            ("小学", 992, 986),
            ("特殊教育学校", 20, 19),
        ],
    ),
    (
        "专任教师",
        "person",
        (194760, 202702),
        [
            ("普通高等学校", 71202, 75682),
            ("中等职业学校", 7739, 6905),
            ("技工学校", 6792, 6712),
            ("普通中学", 45249, 47167),
            ("高中", 14620, 14713),
            ("初中", 30629, 32454),
            ("小学", 62615, 64993),
            ("特殊教育学校", 1163, 1243),
        ],
    ),
    (
        "招生数",
        "person",
        (998403, 983405),
        [
            ("普通高等学校", 473165, 424042),
            ("中等职业学校", 42225, 57152),
            ("技工学校", 90183, 88502),
        ],
    ),
]


def _table_cells(plan: eduplans.Plan) -> dict[tuple[str, int], eduplans.Baseline]:
    out: dict[tuple[str, int], eduplans.Baseline] = {}
    for ind in plan.indicators:
        if ind.origin != "table":
            continue
        assert not ind.targets, ind
        for v in ind.baselines:
            assert (ind.full_name, v.year) not in out, ind.full_name
            out[(ind.full_name, v.year)] = v
    return out


@pytest.fixture(scope="module")
def guangzhou() -> eduplans.Plan:
    return eduplans.parse_plan(GUANGZHOU)


def test_measure_row_with_cells_is_the_total_of_the_rows_below(guangzhou: eduplans.Plan) -> None:
    """Defect: the measure rows held values, so the table was taken for an indicator table
    and dropped (the page raised ParseError); now each measure row is its block's total."""
    got = _table_cells(guangzhou)
    text = guangzhou.source_text
    n = 0
    for measure, unit, total, parts in GUANGZHOU_BLOCKS:
        for part, y20, y21 in [("合计", *total), *parts]:
            for year, want in ((2020, y20), (2021, y21)):
                v = got.pop((part + measure, year))
                assert (v.kind, v.year, v.magnitude, v.unit) == ("baseline", year, want, unit)
                assert v.text == str(want)
                assert text[v.span.start : v.span.end] == v.span.quote
                assert v.span.quote.endswith(v.text)
                first = measure if part == "合计" else part[0]
                assert v.span.quote.startswith(first), v.span.quote
                n += 1
    assert n == 44
    assert not got, sorted(got)  # no other cell is read from the table


def test_measure_total_row_flags_how_it_was_read(guangzhou: eduplans.Plan) -> None:
    ind = next(i for i in guangzhou.indicators if i.full_name == "合计学校数")
    assert "names the measure of the rows below" in ind.baselines[0].note
