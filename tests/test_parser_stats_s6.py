"""Statistics tables of session 6 (issue 13): glosses with measure totals, wide stacked headers.

Real pages of session 6's development set tests/data/realtexts_blind18:

* real_03 (广州统计年鉴2022 表18-1): a table of years (``项   目   Item   2020 2021``) whose
  measure rows hold the measure's total (``学校数 (所) Number of Schools (unit) 1764 1771``),
  the rows below them its parts (``普通高等学校 Regular Institutions of Higher Education 82
  83``; names with inner spaces, ``高 中``).
* real_18 (2018年武汉地区各级各类教育机构基本情况表): 12 columns under a header over nine lines
  with no year line, a wrapped cell (``毕业班`` / ``学生数``), bracketed units on lines of their
  own (万平方米, 亿元), a lower header row of parts (``其中:女 其中:女 其中:专任教师``) whose
  columns the text does not give, blank cells of one space, ``其中:市属`` rows, row numbering
  ``⒈``, and a last row cut by the capture.

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


# --- blind18/18: 2018年武汉地区各级各类教育机构基本情况表 -------------------------------------
# A wide table whose header stands over nine lines with no year line above it (the page's
# title dates it), wrapped cells (毕业班 / 学生数), units in brackets on lines of their own, and
# a lower row of parts (其中:女 其中:女 其中:专任教师) whose columns the text does not give;
# blank cells are one space each; 其中:市属 rows; the page stops inside the last row.

WUHAN = next(DATA.glob("real_18_*.txt"))
WUHAN_MEASURES = (
    ("机构数", "school", 1),  # 机构数(个): 个 is a classifier, 机构数 counts schools
    ("毕业生数", "person", 1),
    ("招生数", "person", 1),
    ("在校生数", "person", 1),
    ("教职工数", "person", 1),
    ("专任教师", "person", 1),  # 其中:专任教师, a part of 教职工数
    ("占地面积", "square_meter", 10_000),  # (万平方米)
    ("建筑面积", "square_meter", 10_000),
    ("固定资产", "yuan", 100_000_000),  # (亿元)
)
# row as printed, then the cells of the columns above (None: a blank cell), read off the page
WUHAN_ROWS = [
    (
        "总计",
        "总计",
        (
            "2752",
            "640150",
            "759911",
            "2540669",
            "218503",
            "149889",
            "8954.10",
            "4905.23",
            "1005.04",
        ),
    ),
    (
        "研究生教育",
        "一、研究生教育",
        ("20", "34857", "49082", "138003", None, None, None, None, None),
    ),
    (
        "大学教育",
        "二、大学教育",
        ("91", "293488", "334082", "1075244", "92504", "59008", "5974.01", "3406.48", "792.02"),
    ),
    (
        "普通高校",
        "1、普通高校",
        ("84", "251781", "283732", "969323", "91853", "58586", "5950.55", "3389.50", "788.69"),
    ),
    (
        "成人高校",
        "2、成人高校",
        ("7", "41707", "50350", "105921", "651", "422", "23.46", "16.98", "3.33"),
    ),
    (
        "高中阶段教育",
        "三、高中阶段教育",
        ("216", "68217", "71695", "208834", "48621", "17919", "820.70", "451.18", "91.95"),
    ),
    (
        "中等职业教育",
        "(一)中等职业教育",
        ("124", "33117", "35000", "100155", "8223", "6296", "249.17", "171.76", "31.15"),
    ),
    (
        "中职学校",
        "⒈中职学校",
        ("101", "27855", "26844", "80551", "6048", "4607", "249.17", "171.76", "31.15"),
    ),
    ("技工学校", "⒉技工学校", ("23", "5262", "8156", "19604", "2175", "1689", None, None, None)),
    (
        "普通高中",
        "(二)普通高中",
        ("92", "35100", "36695", "108679", "40398", "11623", "571.52", None, None),
    ),
]


@pytest.fixture(scope="module")
def wuhan() -> eduplans.Plan:
    return eduplans.parse_plan(WUHAN)


def _diag(plan: eduplans.Plan, text: str, line_start: str) -> list[str]:
    """The details of the diagnostics of ``text`` on the line that starts with ``line_start``."""
    src = plan.source_text
    out = []
    for d in plan.diagnostics:
        line = src[src.rfind("\n", 0, d.start) + 1 : d.start]
        if d.text == text and line.startswith(line_start):
            out.append(d.detail)
    return out


def test_header_over_several_lines_without_a_year_line(wuhan: eduplans.Plan) -> None:
    """Defect: a header over several lines was read only under a year line (2021年 备 注); the
    武汉 table, whose header opens with a line of measures, was lost and the page raised
    ParseError. Its cells are now read, dated by the page's title (2018年…基本情况表)."""
    got = _table_cells(wuhan)
    text = wuhan.source_text
    n = 0
    for entity, printed, cells in WUHAN_ROWS:
        for (measure, unit, scale), cell in zip(WUHAN_MEASURES, cells, strict=True):
            if cell is None:
                assert (entity + measure, 2018) not in got, (entity, measure)
                continue
            v = got.pop((entity + measure, 2018))
            assert (v.kind, v.year, v.unit, v.text) == ("baseline", 2018, unit, cell)
            assert v.magnitude == pytest.approx(float(cell) * scale, rel=1e-12)
            assert text[v.span.start : v.span.end] == v.span.quote
            assert v.span.quote.startswith(printed) and v.span.quote.endswith(" " + cell)
            assert "year_implied" in v.flags and "2018年武汉地区" in v.note
            n += 1
    assert n == 80
    assert not got, sorted(got)  # nothing else is read from the table


def test_blank_cells_of_one_space_place_the_cells_after_them(wuhan: eduplans.Plan) -> None:
    """Defect: a row with blank cells (``⒉技工学校 23 5262 8156 19604     2175   1689``) had
    fewer cells than the header and none of them was read; its spaces say where the blanks are."""
    got = _table_cells(wuhan)
    assert got[("技工学校教职工数", 2018)].text == "2175"
    assert got[("技工学校专任教师", 2018)].text == "1689"
    assert got[("大学教育教职工数", 2018)].text == "92504"  # after one blank (毕业班学生数)
    assert _diag(wuhan, "95", "其中:市属")  # 其中:市属   95 …: 机构数 blank, then 毕业生数


def test_lower_header_row_of_parts_is_placed_by_the_cells(wuhan: eduplans.Plan) -> None:
    """其中:专任教师 stands under 教职工数 (read); each 其中:女 is a part by sex (reported); the
    columns the cells cannot place (其中:女 or 毕业班学生数 after 在校生数) are reported."""
    names = {i.full_name for i in wuhan.indicators}
    assert not any("女" in n or "毕业班" in n for n in names), sorted(names)
    (why,) = _diag(wuhan, "133920", "总计")  # 教职工数 218503, 其中:女 133920
    assert "part of the column '教职工数' by sex or affiliation" in why
    for cell in ("1171033", "212325"):  # 在校生数 2540669, then 其中:女 and 毕业班学生数
        (why,) = _diag(wuhan, cell, "总计")
        assert "whose column the header does not give" in why
        assert "'其中:女' or '毕业班学生数'" in why


def test_parts_by_affiliation_are_reported_not_read(wuhan: eduplans.Plan) -> None:
    """The 其中:市属 rows (a part of the row above by affiliation) are reported with the reason."""
    assert not any("市属" in i.full_name for i in wuhan.indicators)
    for cell in ("2593", "322298", "250.46"):  # 其中:市属 under 总计
        (why,) = _diag(wuhan, cell, "其中:市属")
        assert "part of the row above by sex or affiliation" in why


def test_the_row_the_text_ends_in_is_read_up_to_its_last_cell(wuhan: eduplans.Plan) -> None:
    """The capture stops inside 普通高中's row (``… 571.52 279``): its cells are the first ones
    (read up to 571.52), the last one may be cut (reported)."""
    assert wuhan.source_text.rstrip().endswith("571.52 279")
    got = _table_cells(wuhan)
    assert got[("普通高中占地面积", 2018)].text == "571.52"
    (why,) = _diag(wuhan, "279", "(二)普通高中")
    assert "may be cut" in why


def test_a_classifier_in_the_header_takes_the_measure_count(wuhan: eduplans.Plan) -> None:
    """Defect: ``机构数(个)`` gave its cells the unit ``item`` (个 counts anything); 机构数
    counts schools (``stat_measures``), so they are ``school``, flagged how the unit was read."""
    got = _table_cells(wuhan)
    for entity, cell in (("总计", "2752"), ("普通高校", "84"), ("技工学校", "23")):
        v = got[(entity + "机构数", 2018)]
        assert (v.text, v.unit, v.magnitude) == (cell, "school", float(cell))
        assert "unit_from_context" in v.flags
        assert "'个' is a classifier of any count; '机构数' counts school" in v.note
