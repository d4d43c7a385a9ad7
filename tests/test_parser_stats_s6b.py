"""Statistics tables of session 6 (issue 13): one cell per block, column-number lines.

Real pages of session 6's development set tests/data/realtexts_blind20:

* real_01 (教育部, 学前教育基本情况(总计), 2020, 发布日期:2021-08-25): one cell per block of lines
  between blank lines; a header cell over several lines with its unit and English gloss
  (``入园(班)人数`` / ``(人)``, then ``Entrants`` alone), a lower header row ``合计`` /
  ``其中:少数`` ``民族幼儿园`` under one of the measures, regions spaced and glossed (``北 京
  Beijing``), the year only in the breadcrumb (``教育统计数据 > 2020 > 各地基本情况``), a
  dateline above the table (``来源:教育部``, ``发布日期:…``), the page cut inside the last row.
* real_19 (六安市金安区2025年度校舍维修改造项目建设计划): a header over several lines
  (``项目个数 建设面积 投资额`` / ``合计 其中:`` / ``中央资金`` …) under ``代码 市/县 计划情况``,
  a unit line (``平方米 万元 万元 万元 万元``), a column-number line (``01 02 03 04 05 06``) and
  rows whose name follows a region code (``341502 金安区``).

Both pages raised ``ParseError`` before. The expected cells below were read off the pages by a
person (and checked against the set's labels.csv), not copied from the parser.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import eduplans

DATA = Path(__file__).parent / "data" / "realtexts_blind20"
KG = next(DATA.glob("real_01_*.txt"))
JINAN = next(DATA.glob("real_19_*.txt"))

# the kindergarten table's columns, as the page's header gives them (园数 over 合计 and
# 其中:少数民族幼儿园), and the unit each counts in as written
KG_COLUMNS = (
    ("园数", "school"),  # 园数(所)
    ("园数其中少数民族幼儿园", "school"),
    ("班数", "class"),  # 班数(个): 个 a classifier, 班数 counts classes
    ("入园(班)人数", "person"),
    ("在园(班)人数", "person"),
    ("离园(班)人数", "person"),
)
# the row as printed, its entity, its six cells, read off the page
KG_ROWS = (
    ("总 计 Total", "总计", (291715, 7088, 1772314, 17914049, 48182634, 17794338)),
    ("北 京 Beijing", "北京", (1899, 9, 18770, 221767, 525878, 132884)),
    ("天 津 Tianjin", "天津", (2575, 3, 12615, 124365, 298628, 92812)),
    ("河 北 Hebei", "河北", (18057, 43, 104418, 991472, 2453149, 940609)),
    ("山 西 Shanxi", "山西", (7165, 0, 43777, 353263, 997800, 378281)),
    ("内蒙古 Inner Mongolia", "内蒙古", (4428, 463, 26481, 201774, 610972, 221352)),
)


@pytest.fixture(scope="module")
def kg() -> eduplans.Plan:
    return eduplans.parse_plan(KG)


@pytest.fixture(scope="module")
def jinan() -> eduplans.Plan:
    return eduplans.parse_plan(JINAN)


def _cells(plan: eduplans.Plan) -> dict[str, eduplans.Baseline]:
    out: dict[str, eduplans.Baseline] = {}
    for ind in plan.indicators:
        assert ind.origin == "table"
        assert not ind.targets, ind
        for v in ind.baselines:
            assert ind.full_name not in out, ind.full_name
            out[ind.full_name] = v
    return out


def test_blocks_between_blank_lines_are_cells_glosses_dropped(kg: eduplans.Plan) -> None:
    """Defect: the header's cells stood over several lines with an English line (地区 / Region)
    and the table was not found (ParseError); now each block of lines is one cell."""
    got = _cells(kg)
    text = kg.source_text
    for printed, entity, cells in KG_ROWS:
        for (measure, unit), want in zip(KG_COLUMNS, cells, strict=True):
            v = got[entity + measure]
            assert (v.kind, v.year, v.magnitude, v.unit) == ("baseline", 2020, want, unit)
            assert v.text == str(want)
            assert text[v.span.start : v.span.end] == v.span.quote
            assert v.span.quote.startswith(printed), v.span.quote
            assert v.span.quote.endswith("\n\n" + str(want)), v.span.quote
    # 24 full rows of six cells and the last row's first four (the page ends inside it)
    assert len(got) == 24 * 6 + 4


def test_lower_row_total_and_part_placed_under_its_measure(kg: eduplans.Plan) -> None:
    """Defect: the lower header row 合计 / 其中:少数民族幼儿园 does not say which measure it
    stands under; it is placed by the cells (a part is no more than its whole, counts schools
    like 园数), so the second cell of a row is the kindergartens of minorities, not 班数."""
    got = _cells(kg)
    for _, entity, cells in KG_ROWS:
        assert got[entity + "园数其中少数民族幼儿园"].magnitude == cells[1]
        assert got[entity + "班数"].magnitude == cells[2]
    assert not any(name.endswith("合计") for name in got)  # 合计 is the 园数 column itself


def test_breadcrumb_year_dates_the_table(kg: eduplans.Plan) -> None:
    """Defect: neither caption nor title gives the year; the breadcrumb's step 2020 does (the
    ministry files its tables by the year they count), not the release date 2021-08-25."""
    v = _cells(kg)["北京园数"]
    assert v.year == 2020
    assert "year_implied" in v.flags
    assert "breadcrumb" in v.note and "2020" in v.note


def test_dateline_above_the_table_is_no_caption(kg: eduplans.Plan) -> None:
    """Defect: the line above the header, 发布日期:2021-08-25, was taken for the caption, the table
    seemed not about education and its rows by region were dropped (not_education)."""
    sections = {ind.section for ind in kg.indicators}
    assert sections == {"学前教育基本情况(总计)"}
    assert not [d for d in kg.diagnostics if d.reason == "not_education"]


def test_last_row_cut_by_the_capture_is_reported(kg: eduplans.Plan) -> None:
    got = _cells(kg)
    assert [got["贵州" + m].magnitude for m, _ in KG_COLUMNS[:4]] == [11017, 35, 52240, 699124]
    assert "贵州离园(班)人数" not in got
    cut = [d for d in kg.diagnostics if d.text == "1588464"]
    assert len(cut) == 1 and "cut" in cut[0].detail


# --- blind20/19: a table closed by a unit line and a column-number line -------------------------

# column, unit, magnitude in that unit, cell as printed (万元 scaled to 元)
JINAN_CELLS = (
    ("项目个数", "item", 39, "39"),
    ("建设面积", "square_meter", 16523, "16523"),
    ("投资额", "yuan", 10_141_000, "1014.1"),
    ("投资额其中中央资金", "yuan", 6_085_000, "608.5"),
    ("投资额其中省级资金", "yuan", 4_056_000, "405.6"),
    ("投资额其中市县资金", "yuan", 0, "0"),
)


def _targets(plan: eduplans.Plan) -> dict[str, eduplans.Target]:
    out: dict[str, eduplans.Target] = {}
    for ind in plan.indicators:
        assert not ind.baselines, ind
        for v in ind.targets:
            out[ind.full_name] = v
    return out


@pytest.mark.parametrize("row", ["合计", "金安区"])
def test_column_number_line_closes_a_header_over_several_lines(
    jinan: eduplans.Plan, row: str
) -> None:
    """Defect: the header over seven lines (其中: / 中央资金 …), its unit line and 01 02 03 …
    were not read as a table (ParseError); the column numbers give six columns, the unit line
    gives 平方米 and 万元 in order to the columns that name no count of their own."""
    got = _targets(jinan)
    text = jinan.source_text
    for column, unit, magnitude, printed in JINAN_CELLS:
        v = got[row + column]
        assert (v.kind, v.year, v.unit, v.text) == ("target", 2025, unit, printed)
        assert v.magnitude == pytest.approx(magnitude)
        assert text[v.span.start : v.span.end] == v.span.quote
        assert v.span.quote.startswith(row) and v.span.quote.endswith(" " + printed)
    assert len(got) == 12


def test_plan_header_cell_makes_cells_targets(jinan: eduplans.Plan) -> None:
    """Defect: the caption (…2025年实施情况) names no plan; the header cell 计划情况 over the
    columns does: the cells are the plan's figures for 2025, targets."""
    assert {v.kind for v in _targets(jinan).values()} == {"target"}


def test_region_code_and_column_numbers_are_reported_as_numbering(jinan: eduplans.Plan) -> None:
    """Defect: the row 341502 金安区 opens with its code (the 代码 column): it was no row."""
    found = {d.text for d in jinan.diagnostics if d.reason == "numbering"}
    assert {"01", "02", "03", "04", "05", "06", "341502"} <= found
    assert not any(v.text == "341502" for v in _targets(jinan).values())
