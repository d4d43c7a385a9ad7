"""Statistics tables of regions (issue 13): rows or columns are regions, headers of two levels.

Real pages of session 5's development sets:

* tests/data/realtexts_blind12/real_18 (福建统计年鉴2016 表22-17): rows are regions (an unnamed
  first row = the province's total, then 福州市, 福州市辖区, 鼓楼区 … indented), the header has two
  levels (``地区 专任教师数 在校生数`` over ``普通高中 普通初中 小学 普通高中 普通初中 小学``), the
  caption gives the year (2015) and a unit line the unit (人). The page stops mid-row.

* tests/data/realtexts_blind12/real_20 (湖州统计年鉴2010 表10-12): columns are regions
  (``单位 全  市 吴兴区 …``), rows measures, some with a unit word after the name; the page
  states no year, so the cells are flagged ``year_unknown``.
* tests/data/realtexts_blind10/real_14 (石家庄): a table of years whose entity header names the
  measure and unit (``指标(在校学生数/万人)``).
* tests/data/realtexts_blind14/real_08 (武隆 2021): a flattened table under a year line
  (``2021年 备 注``), its header cells over several lines, remarks after rows, rows cut by
  lines of blank cells.

The expected cells below were read off the page by a person, not copied from the parser.
"""

from __future__ import annotations

import re
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
    # the page stops mid-row ("永安市 513 9"): its first cell is whole and read (session 6, as the
    # labels read it), the last one may be cut by the capture and is reported
    last = text.rstrip().rsplit("\n", 1)[1]
    assert last.split() == ["永安市", "513", "9"]
    assert len(got) == 6 * len(full) + 1 == 211
    first = got.pop("永安市普通高中专任教师数")
    assert (first.text, first.year, first.unit) == ("513", 2015, "person")
    at = text.rindex("永安市")
    assert not any(v.span.start >= at for v in got.values())
    reported = {d.start: d for d in fujian.diagnostics}
    cut = reported[text.rindex("9")]
    assert cut.text == "9" and cut.reason == "not_understood"
    assert "may be cut" in cut.detail


# --- regions as columns, a page with no year (blind12/real_20, 湖州统计年鉴2010 表10-12) --------
HUZHOU = next((DATA / "realtexts_blind12").glob("real_20_*.txt"))
HUZHOU_REGIONS = ("全市", "吴兴区", "南浔区", "德清县", "长兴县", "安吉县", "市区")
# (row as printed, its unit, its seven cells), read off the page
HUZHOU_ROWS = [
    ("园数", "school", (175, 42, 25, 33, 48, 27, 67)),
    ("在园幼儿数", "person", (66946, 16247, 10963, 10909, 15967, 12860, 27210)),
    ("园长", "person", (217, 80, 26, 36, 43, 32, 106)),  # "#园长": the mark is no name
    ("占地面积", "square_meter", (908700, 237900, 129400, 151500, 225700, 164300, 367300)),
]


@pytest.fixture(scope="module")
def huzhou() -> eduplans.Plan:
    return eduplans.parse_plan(HUZHOU)


def test_huzhou_page_states_no_year() -> None:
    text = HUZHOU.read_text(encoding="utf-8")
    assert not any(str(y) in text for y in range(1990, 2040))


@pytest.mark.parametrize(("row", "unit", "cells"), HUZHOU_ROWS, ids=[r for r, _, _ in HUZHOU_ROWS])
def test_region_columns_measure_rows(
    huzhou: eduplans.Plan, row: str, unit: str, cells: tuple[int, ...]
) -> None:
    got = {i.full_name: i for i in huzhou.indicators}
    for region, want in zip(HUZHOU_REGIONS, cells, strict=True):
        ind = got[region + row]
        (v,) = ind.values
        assert (v.kind, v.magnitude, ind.unit) == ("baseline", want, unit), region + row
        assert "year_unknown" in v.flags
        assert huzhou.source_text[v.span.start : v.span.end] == v.span.quote


def test_no_year_gives_na_not_a_placeholder(huzhou: eduplans.Plan) -> None:
    frame = huzhou.to_frame()
    assert len(frame) > 0 and frame["flag_year_unknown"].all()
    assert frame["year"].isna().all()


def test_a_row_with_blank_cells_of_one_space_is_read_in_place(huzhou: eduplans.Plan) -> None:
    # "兼任教师 2   2       2": cells one space apart, a blank cell one space between two (three
    # spaces), so 全市 2, 吴兴区 blank, 南浔区 2, three blanks, 市区 2 -- the sums agree
    # (市区 = 吴兴区 + 南浔区, 全市 = the five districts and counties), and so do the labels.
    # Session 5 reported the row as closed up; session 6 (blind18/18) reads the spacing.
    text = HUZHOU.read_text(encoding="utf-8")
    at = text.index("兼任教师")
    line = text[at : text.index("\n", at)]
    got = {
        i.full_name: v
        for i in huzhou.indicators
        for v in i.values
        if at <= v.span.end <= at + len(line)
    }
    assert {k: (v.text, v.unit) for k, v in got.items()} == {
        "全市兼任教师": ("2", "person"),
        "南浔区兼任教师": ("2", "person"),
        "市区兼任教师": ("2", "person"),
    }
    ends = sorted(at + m.end() for m in re.finditer(r"\d+", line))
    assert sorted(v.span.end for v in got.values()) == ends
    assert all(v.span.quote.startswith("兼任教师") for v in got.values())


def test_a_page_with_no_value_still_fails() -> None:
    with pytest.raises(eduplans.ParseError):
        eduplans.parse_plan("10-12  分县区幼儿教育基本情况\n单位 全  市 吴兴区 南浔区\n")


# --- years as columns, measure and unit in the entity header (blind10/real_14, 石家庄) --------
SHIJIAZHUANG = next((DATA / "realtexts_blind10").glob("real_14_*.txt"))


def test_measure_and_unit_in_the_entity_header() -> None:
    # 指标(在校学生数/万人) | 2022年 | 2021年 | 2020年 | 2019年 | 2018年 |; "/" = no figure;
    # 特殊教育's cells write their own unit (2499人), not in 万人
    plan = eduplans.parse_plan(SHIJIAZHUANG)
    got = {
        (i.full_name, v.year): (v.magnitude, i.unit)
        for i in plan.indicators
        if i.origin == "table"
        for v in i.values
    }
    assert got[("研究生在校学生数", 2021)] == (24900, "person")  # 2.49 万人, exactly
    assert got[("高等学校在校学生数", 2022)] == (839900, "person")
    assert ("高等学校在校学生数", 2019) not in got
    assert got[("幼儿园在校学生数", 2018)] == (329000, "person")
    assert got[("特殊教育在校学生数", 2022)] == (2499, "person")
    assert got[("特殊教育在校学生数", 2018)] == (1594, "person")
    # 8 rows of 5 years; three rows print "/" for 2019
    assert len([k for k in got if k[0].endswith("在校学生数")]) == 8 * 5 - 3


# --- a flattened table: a year line, header cells over several lines (blind14/real_08, 武隆) ----
WULONG = next((DATA / "realtexts_blind14").glob("real_08_*.txt"))


@pytest.fixture(scope="module")
def wulong() -> dict[str, tuple[int, float, str]]:
    plan = eduplans.parse_plan(WULONG)
    out: dict[str, tuple[int, float, str]] = {}
    for ind in plan.indicators:
        if ind.origin != "table":
            continue
        for v in ind.values:
            assert v.kind == "baseline", ind
            assert plan.source_text[v.span.start : v.span.end] == v.span.quote
            out.setdefault(ind.full_name, (v.year, v.magnitude, ind.unit))
    return out


@pytest.mark.parametrize(
    ("name", "want"),
    [
        # "2021年 备 注", then 校(园)数 教职工总数 学校占地面积 / (平方米) / 其中:运动场面积 / …
        ("幼儿园校(园)数", (2021, 56, "school")),  # its remark 含民办20所 is no cell
        ("小学教职工总数", (2021, 1874, "person")),
        ("合计学校占地面积", (2021, 1180825.87, "square_meter")),
        # the total row's staff: no word of education in its name or the caption 基本情况(一),
        # but the rows it totals (幼儿园, 小学 …) are schools
        ("合计教职工总数", (2021, 4800, "person")),
        ("合计固定资产总值", (2021, 1409075500, "yuan")),
        ("小学运动场面积", (2021, 193252.23, "square_meter")),  # 其中:运动场面积 (平方米)
        ("小学固定资产总值", (2021, 476791700, "yuan")),  # 47679.17 万元
        # a remark with numbers of its own: 含校点2个(火中、平中职高)
        ("职业高中学校教职工总数", (2021, 257, "person")),
        # the second table: 教育班数 其中:标准班 其中:超大班 毕业生数 招生数 在校生数 专任教师数
        ("学前教育毕业生数", (2021, 2896, "person")),  # 学前教育 283 * * 2896 …
        # "合 计 1011", a line of blank cells, then "10506 9268 40297 3025": the last four columns
        ("合计教育班数", (2021, 1011, "class")),
        ("合计毕业生数", (2021, 10506, "person")),
        ("合计专任教师数", (2021, 3025, "person")),
        ("完全中学在校生数", (2021, 5980, "person")),  # 完全中学 118 56 / 2027 1859 5980 424
    ],
)
def test_flattened_table_under_a_year_line(
    wulong: dict[str, tuple[int, float, str]], name: str, want: tuple[int, float, str]
) -> None:
    assert wulong[name] == want


def test_flattened_table_unread_cells_are_reported() -> None:
    plan = eduplans.parse_plan(WULONG)
    text = plan.source_text
    names = {i.full_name for i in plan.indicators}
    # 合计's 标准班 and 超大班 cells are blank, 学前教育's are "*": no value
    assert not {"合计标准班", "合计超大班", "学前教育标准班", "学前教育超大班"} & names
    # 小学 592 492 0 …: 标准班 names no unit; the cell is reported with the reason
    at = text.index("小学 592 492")
    d = next(d for d in plan.diagnostics if d.start == at + len("小学 592 "))
    assert d.text == "492" and d.reason == "not_understood" and "unit is not written" in d.detail
    # the remark 含民办20所 is no cell of the table: its number is reported, not read
    at = text.index("含民办20所") + len("含民办")
    assert any(d.start == at and d.text == "20" for d in plan.diagnostics)
