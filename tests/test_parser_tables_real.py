"""Statistics tables on real pages (issue 13): rows are entities, measures in columns or sections.

The texts are the development set's own pages (tests/data/realtexts_blind5): real_21, a county
statistical bulletin (统计公报) whose table has one cell per line, each ending in `` |``, and
measure columns (招生数(人) | 在校生数(人) | 毕业生数(人)) dated by the caption; real_22, a
yearbook page (统计年鉴) with a header of years (``Item 2006 2007``), a unit line listing two
units (``单位:人、所``), measure section rows (学校数 Number of Schools) and row names with an
English gloss and inner spaces (``小 学 Primary Schools``). The other text forms of the same
shapes are the same real cells laid out again (space-, ``|``- and tab-separated rows, one cell
per line, an HTML table, the ministry's bilingual ``|`` layout, a measure caption above a
header of years): each tests one layout with real numbers, none is evidence of recall.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import eduplans
from eduplans._parse._doc import Doc
from eduplans._parse._stats import read_stats

DATA = Path(__file__).parent / "data"
BLIND5 = DATA / "realtexts_blind5"
REAL_21 = BLIND5 / "real_21_weizhi-xian.txt"
REAL_22 = BLIND5 / "real_22_chongqing.txt"

# real_21's table as printed: (stage, 招生数, 在校生数, 毕业生数), every number read by a person
TABLE_21 = [
    ("中等职业教育", 1046, 5061, 2668),
    ("普通高中", 4113, 12329, 4328),
    ("普通初中", 5913, 17198, 5739),
    ("小学", 8051, 44786, 6800),
    ("学前教育", 11244, 34153, 9211),
    ("特殊教育", 10, 206, 12),
]
MEASURES_21 = ("招生数", "在校生数", "毕业生数")


def _table_rows(plan: eduplans.Plan) -> dict[tuple[str, int], eduplans.Baseline]:
    out: dict[tuple[str, int], eduplans.Baseline] = {}
    for ind in plan.indicators:
        if ind.origin != "table":
            continue
        for v in ind.baselines:
            assert (ind.full_name, v.year) not in out, (ind.full_name, v.year)
            out[(ind.full_name, v.year)] = v
        assert not ind.targets, ind
    return out


def _units(plan: eduplans.Plan) -> dict[str, str]:
    return {ind.full_name: ind.unit for ind in plan.indicators if ind.origin == "table"}


def _spans_hold(plan: eduplans.Plan) -> None:
    for ind in plan.indicators:
        for v in ind.values:
            assert plan.source_text[v.span.start : v.span.end] == v.span.quote
            assert v.span.quote.endswith(v.text), v


def _pieces_21() -> tuple[str, list[tuple[str, ...]]]:
    """Return real_21's caption and its table's rows (header first), as the page has them."""
    text = REAL_21.read_text(encoding="utf-8")
    table = text[text.index("2021年全县各类教育发展情况") : text.index("全年授权专利")]
    lines = [ln.strip(" |") for ln in table.strip().split("\n")]
    cells = lines[1:]
    return lines[0], [tuple(cells[k : k + 4]) for k in range(0, len(cells), 4)]


def _expected_21(year: int = 2021) -> dict[tuple[str, int], float]:
    return {
        (stage + measure, year): float(n)
        for stage, *numbers in TABLE_21
        for measure, n in zip(MEASURES_21, numbers, strict=True)
    }


# --- real_21: measure columns, one cell per line ending in " |", the year from the caption --------


def test_a_bulletin_table_of_measure_columns_gives_one_value_per_cell() -> None:
    plan = eduplans.parse_plan(REAL_21)
    rows = _table_rows(plan)
    got = {key: v.magnitude for key, v in rows.items()}
    assert got == _expected_21()
    assert set(_units(plan).values()) == {"person"}  # the header's (人)
    _spans_hold(plan)
    v = rows[("普通高中招生数", 2021)]
    assert v.text == "4113" and v.span.quote == "普通高中 |\n4113"
    v = rows[("普通高中毕业生数", 2021)]
    assert v.span.quote == "普通高中 |\n4113 |\n12329 |\n4328"
    # how the name and the year were read is said
    assert "year_implied" in v.flags and "2021年全县各类教育发展情况" in v.note
    assert "elided_subject" in v.flags and "毕业生数" in v.note
    ind = next(i for i in plan.indicators if i.full_name == "普通高中招生数")
    assert (ind.subject, ind.name) == ("普通高中", "招生数")


def test_the_bulletin_prose_is_read_as_before_beside_the_table() -> None:
    plan = eduplans.parse_plan(REAL_21)
    prose = {
        (i.full_name, v.magnitude) for i in plan.indicators if i.origin == "prose" for v in i.values
    }
    assert ("专任教师", 8229.0) in prose and ("小学学龄儿童入学率", 100.0) in prose


def test_a_measure_table_without_a_year_is_reported_not_dated_by_a_guess() -> None:
    text = REAL_21.read_text(encoding="utf-8").replace("2021年全县各类教育", "全县各类教育")
    plan = eduplans.parse_plan(text)
    assert not [i for i in plan.indicators if i.origin == "table"]
    start = text.index("普通高中 |")
    at = {d.start: d for d in plan.diagnostics}
    d = at[text.index("4113", start)]
    assert d.reason == "not_understood" and "year" in d.detail and "statistics table" in d.detail


def test_a_caption_naming_targets_makes_the_cells_targets() -> None:
    _, rows = _pieces_21()
    text = "2025年各类教育发展目标\n" + "\n".join(" | ".join(r) + " |" for r in rows) + "\n"
    plan = eduplans.parse_plan(text)
    got = {
        (i.full_name, v.year): v.magnitude
        for i in plan.indicators
        for v in i.targets
        if i.origin == "table"
    }
    assert got == _expected_21(2025)
    assert not [v for i in plan.indicators for v in i.baselines]


# --- the same grid in the other text forms real pages carry -----------------------------------


def _forms() -> dict[str, str]:
    caption, rows = _pieces_21()
    head = "九、教育、科技和文化\n" + caption + "\n"
    cells = [c for r in rows for c in r]
    return {
        "spaces": head + "\n".join("  ".join(r) for r in rows) + "\n",
        "pipes": head + "\n".join("| " + " | ".join(r) + " |" for r in rows) + "\n",
        "tabs": head + "\n".join("\t".join(r) for r in rows) + "\n",
        "lines": head + "\n".join(cells) + "\n",
        "pipe_lines": head + "\n".join(c + "\n|" for c in cells) + "\n",
    }


@pytest.mark.parametrize("form", ["spaces", "pipes", "tabs", "lines", "pipe_lines"])
def test_every_text_form_of_the_grid_gives_the_same_values(form: str) -> None:
    text = _forms()[form]
    plan = eduplans.parse_plan(text)
    got = {key: v.magnitude for key, v in _table_rows(plan).items()}
    assert got == _expected_21()
    _spans_hold(plan)
    assert not [d for d in plan.diagnostics if d.reason != "year"]


def test_an_html_table_of_measure_columns_gives_the_same_values(tmp_path: Path) -> None:
    caption, rows = _pieces_21()
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    page = tmp_path / "bulletin.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>统计公报</title></head><body>"
        f"<p>{caption}</p><table>{body}</table></body></html>",
        encoding="utf-8",
    )
    plan = eduplans.parse_plan(page)
    got = {key: v.magnitude for key, v in _table_rows(plan).items()}
    assert got == _expected_21()
    _spans_hold(plan)


def test_a_docx_table_of_measure_columns_gives_the_same_values(tmp_path: Path) -> None:
    import docx

    caption, rows = _pieces_21()
    document = docx.Document()
    document.add_paragraph(caption)
    table = document.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    path = tmp_path / "bulletin.docx"
    document.save(str(path))
    plan = eduplans.parse_plan(path)
    got = {key: v.magnitude for key, v in _table_rows(plan).items()}
    assert got == _expected_21()
    _spans_hold(plan)


# --- real_22: a yearbook table, header of years, measure section rows, English glosses -----------


def test_a_yearbook_page_parses_instead_of_failing() -> None:
    plan = eduplans.parse_plan(REAL_22)  # was ParseError: no baseline or target value found
    rows = _table_rows(plan)
    assert len(rows) == 29 * 2  # 12 + 12 + 5 rows of the three sections, two years each
    assert plan.period == (2006, 2007)  # not 1947-2036 from the counts 1947 and 2036
    _spans_hold(plan)


def test_yearbook_names_are_entity_and_section_measure_without_the_gloss() -> None:
    plan = eduplans.parse_plan(REAL_22)
    rows = _table_rows(plan)
    assert rows[("小学专任教师", 2006)].magnitude == 113724
    assert rows[("小学专任教师", 2007)].magnitude == 119831
    assert rows[("幼儿园学校数", 2006)].magnitude == 3376
    assert rows[("高中学校数", 2007)].magnitude == 262  # "高 中": the inner space closed
    assert rows[("中等师范学校招生数", 2007)].magnitude == 2637
    assert rows[("特殊教育学校学校数", 2006)].magnitude == 44
    assert not [name for name, _ in rows if re.search(r"[A-Za-z ]", name)]
    v = rows[("小学专任教师", 2007)]
    assert v.span.quote == "小 学 Primary Schools 113724 119831" and v.text == "119831"
    v = rows[("普通中学学校数", 2006)]
    assert v.span.quote == "普通中学     Regular Secondary Schools 1373"


def test_the_unit_line_gives_each_section_the_unit_its_count_fits() -> None:
    units = _units(eduplans.parse_plan(REAL_22))  # 单位:人、所 (person, unit)
    assert units["小学学校数"] == "school" and units["幼儿园学校数"] == "school"
    assert units["小学专任教师"] == "person" and units["普通高等学校招生数"] == "person"
    assert set(units.values()) == {"school", "person"}


def test_the_header_years_are_reported_as_years() -> None:
    plan = eduplans.parse_plan(REAL_22)
    text = plan.source_text
    header = text.index("Item 2006 2007")
    at = {d.start: d for d in plan.diagnostics}
    for year in ("2006", "2007"):
        d = at[text.index(year, header)]
        assert d.reason == "year" and "header" in d.detail


# --- the ministry's bilingual "|" layout; a measure caption over a header of years ----------


def _sections_22() -> dict[str, dict[str, tuple[str, str]]]:
    """Return real_22's rows by section: {measure: {row name: (2006, 2007)}}."""
    out: dict[str, dict[str, tuple[str, str]]] = {}
    current: dict[str, tuple[str, str]] = {}
    for line in REAL_22.read_text(encoding="utf-8").split("\n")[4:]:
        m = re.match(r"^(.*?)\s+(\d+)\s+(\d+)\s*$", line)
        if m is None:
            if line.strip():
                current = out.setdefault(line.split()[0], {})
            continue
        current[m.group(1).strip()] = (m.group(2), m.group(3))
    return out


def test_the_ministry_layout_bilingual_headers_an_empty_corner_and_section_cells() -> None:
    sections = _sections_22()
    names = list(sections["学校数"])
    lines = ["2007年教育事业基本情况", "单位:人 |", "unit:person |", "|"]
    lines += [
        "学校数(所)\nSchools |",
        "专任教师数(人)\nFull-time Teachers |",
        "招生数(人)\nEntrants |",
    ]
    lines += ["一、中等教育 Secondary Education |", "|", "|", "|"]
    for name in names:
        enrol = sections["招生数"].get(name, ("—", "—"))[1]
        lines += [f"{name} |", f"{sections['学校数'][name][1]} |"]
        lines += [f"{sections['专任教师'][name][1]} |", f"{enrol} |"]
    lines += ["(一)研究生培养机构(不计校数) Institutions Providing Postgraduate Programs |"]
    lines += ["(827) |", "— |", "— |"]
    text = "\n".join(lines) + "\n注:本表数据由市教育局提供。\n"
    plan = eduplans.parse_plan(text)
    rows = _table_rows(plan)
    units = _units(plan)
    assert rows[("小学学校数", 2007)].magnitude == 7990 and units["小学学校数"] == "school"
    assert rows[("小学专任教师数", 2007)].magnitude == 119831
    assert units["小学专任教师数"] == "person"
    assert rows[("普通中等学校招生数", 2007)].magnitude == 782596
    assert ("普通中学招生数", 2007) not in rows  # "—": no value
    assert len(rows) == 12 * 2 + 5
    _spans_hold(plan)
    d = next(d for d in plan.diagnostics if d.text == "827")
    assert d.reason == "not_understood" and "bracketed" in d.detail


def test_a_measure_caption_above_a_header_of_years_names_the_rows_measure() -> None:
    sections = _sections_22()
    lines = ["一、学校数 计量单位:所", "指 标 | 2007年 | 2006年 |"]
    lines += [f"{n} | {b} | {a} |" for n, (a, b) in sections["学校数"].items()]
    plan = eduplans.parse_plan("\n".join(lines) + "\n")
    rows = _table_rows(plan)
    assert rows[("幼儿园学校数", 2006)].magnitude == 3376
    assert rows[("幼儿园学校数", 2007)].magnitude == 3351
    assert set(_units(plan).values()) == {"school"}
    assert len(rows) == 24


# --- what the statistics reader leaves alone -----------------------------------------------------


@pytest.mark.parametrize(
    "name", ["real_01_weizhi-quxian.txt", "real_02_zhejiang.txt"], ids=["cells", "spaces"]
)
def test_an_indicator_table_of_years_is_left_to_the_indicator_reader(name: str) -> None:
    # real plans' 指标 | 2020年 | 2025年 tables: rows name their own measures
    doc = Doc((DATA / "real_excerpts" / name).read_text(encoding="utf-8"))
    assert read_stats(doc, (2021, 2025)) == [] and doc.blocked == []


# --- yearbook layouts of other pages, with real_22's cells --------------------------------------


def _zh_en(name: str) -> tuple[str, str]:
    zh = re.sub(r"\s+[A-Z].*$", "", name)
    return zh.strip(), name[len(zh) :].strip()


def test_cells_between_pipe_lines_under_a_measure_caption_and_a_row_without_a_name() -> None:
    rows_22 = list(_sections_22()["学校数"].items())[:5]
    lines = ["表13—11 各类教育事业基本情况", "一、学校数 计量单位:所"]
    lines += ["指 标", "|", "2007年", "|", "2006年", "|"]
    for k, (name, (a, b)) in enumerate(rows_22):
        lines += (["", "|"] if k == 2 else [name, "|"]) + [b, "|", a, "|"]  # row 3 lost its name
    text = "\n".join(lines) + "\n注:本表数据由市教育局提供。\n"
    plan = eduplans.parse_plan(text)
    rows = _table_rows(plan)
    assert rows[("普通中等学校学校数", 2006)].magnitude == 1556
    assert rows[("中等师范学校学校数", 2007)].magnitude == 9
    assert len(rows) == 4 * 2 and set(_units(plan).values()) == {"school"}
    _spans_hold(plan)
    # the row without a name is reported, its neighbours keep their cells
    lost = [d for d in plan.diagnostics if "has no name" in d.detail]
    assert sorted(d.text for d in lost) == ["28", "30"]


def test_gloss_cells_a_unit_cell_and_a_total_row_naming_the_measure() -> None:
    sections = _sections_22()["学校数"]
    top = [n for n in sections if n.split()[0] in ("普通高等学校", "普通中等学校", "小", "幼儿园")]
    # the total row's numbers are the sums of these rows (no total is printed on real_22)
    total = [sum(int(sections[n][i]) for n in top) for i in (0, 1)]
    lines = ["| 17-8 各类学校数及在校学生数 | |||||||", "| 项 目 | Item | 2006 | 2007 | ||||"]
    lines += [
        f"| 各类学校数合计 | (所) | Total Number of Schools | (unit) | {total[0]} | {total[1]} | ||"
    ]
    for name in top:
        zh, en = _zh_en(name)
        lines += [f"| {zh} | {en} | {sections[name][0]} | {sections[name][1]} | ||||"]
    plan = eduplans.parse_plan("\n".join(lines) + "\n")
    rows = _table_rows(plan)
    assert rows[("各类学校数合计", 2006)].magnitude == total[0]
    assert rows[("小学学校数", 2007)].magnitude == 7990  # the total row's 学校数, 小 学 closed
    assert rows[("普通高等学校学校数", 2006)].magnitude == 38
    assert len(rows) == 5 * 2 and set(_units(plan).values()) == {"school"}
    _spans_hold(plan)


def test_rows_named_by_years_under_measure_columns() -> None:
    sections = _sections_22()
    name = next(n for n in sections["学校数"] if n.startswith("小 学"))
    lines = ["小学教育发展情况", "年份 | 学校数(所) | 专任教师数(人) |"]
    for k, year in enumerate(("2006年", "2007年")):
        lines += [f"{year} | {sections['学校数'][name][k]} | {sections['专任教师'][name][k]} |"]
    plan = eduplans.parse_plan("\n".join(lines) + "\n")
    rows = _table_rows(plan)
    assert {key: v.magnitude for key, v in rows.items()} == {
        ("学校数", 2006): 8754,
        ("学校数", 2007): 7990,
        ("专任教师数", 2006): 113724,
        ("专任教师数", 2007): 119831,
    }
    assert _units(plan) == {"学校数": "school", "专任教师数": "person"}
    assert all(i.section == "小学教育发展情况" for i in plan.indicators)


@pytest.mark.parametrize("form", ["pipes", "spaces", "cells"])
def test_a_bulletin_table_of_unit_amount_and_growth_columns(form: str) -> None:
    # 指标 | 单位 | 绝对数 | 比上年增长(%): real_22's 2007 counts of 普通高等学校 (bare measures
    # under their section row) and of 小学; the growth cells are computed from its 2006 counts
    sections = _sections_22()
    college = next(n for n in sections["学校数"] if n.startswith("普通高等学校"))
    primary = next(n for n in sections["专任教师"] if n.startswith("小 学"))

    def growth(pair: tuple[str, str]) -> str:
        return f"{(int(pair[1]) / int(pair[0]) - 1) * 100:.1f}"

    table = [
        ("学校数", "所", sections["学校数"][college][1], growth(sections["学校数"][college])),
        ("专任教师", "人", sections["专任教师"][college][1], growth(sections["专任教师"][college])),
        ("招生数", "万人", f"{int(sections['招生数'][college][1]) / 1e4:.4f}", "6.9"),
        (
            "小学专任教师",
            "人",
            sections["专任教师"][primary][1],
            growth(sections["专任教师"][primary]),
        ),
    ]
    header = ("指标", "单位", "绝对数", "比上年增长(%)")
    if form == "cells":
        body = [c + " |" for r in (header, ("普通高等学校", "", "", ""), *table) for c in r]
    else:
        sep = " | " if form == "pipes" else "  "
        body = [sep.join(header), "普通高等学校", *(sep.join(r) for r in table)]
    plan = eduplans.parse_plan("2007年教育事业基本情况\n" + "\n".join(body) + "\n")
    rows = _table_rows(plan)
    assert {key: v.magnitude for key, v in rows.items()} == {
        ("普通高等学校学校数", 2007): 38,
        ("普通高等学校专任教师", 2007): 26089,
        ("普通高等学校招生数", 2007): pytest.approx(143040),  # 14.3040 万人
        ("小学专任教师", 2007): 119831,
    }
    units = _units(plan)
    assert units["普通高等学校学校数"] == "school" and units["普通高等学校招生数"] == "person"
    _spans_hold(plan)
    relative = sorted(d.text for d in plan.diagnostics if d.reason == "relative")
    assert relative == sorted(r[3] for r in table)


def test_a_unit_in_the_caption_serves_unbracketed_measure_headers() -> None:
    _, rows = _pieces_21()
    header = ("指标", "招生数", "在校生数", "毕业生数")  # no (人) in the header
    body = "\n".join(" | ".join(r) for r in [header, *rows[1:]])
    plan = eduplans.parse_plan("2021年全县各类教育发展情况(单位:人)\n" + body + "\n")
    got = {key: v.magnitude for key, v in _table_rows(plan).items()}
    assert got == _expected_21() and set(_units(plan).values()) == {"person"}


def test_a_page_of_one_undated_table_gives_values_of_unknown_year() -> None:
    # the page states no year, no date and no period: its cells are read, flagged year_unknown
    # (the frame's year is NA), not refused (it used to raise ParseError)
    _, rows = _pieces_21()
    text = "全县各类教育发展情况\n" + "\n".join(" | ".join(r) for r in rows) + "\n"
    plan = eduplans.parse_plan(text)
    values = [v for ind in plan.indicators for v in ind.values]
    want = {k[0]: n for k, n in _expected_21().items()}
    assert {i.full_name: i.values[0].magnitude for i in plan.indicators} == want
    assert all("year_unknown" in v.flags for v in values)
    frame = plan.to_frame()
    assert len(frame) == 18 and frame["year"].isna().all()


def test_a_dated_page_of_one_undated_table_fails_with_the_reason_of_its_cells() -> None:
    # a page date is no year of the table's cells: they are reported, not read
    _, rows = _pieces_21()
    text = (
        "全县各类教育发展情况\n发布日期:2022-03-01\n"
        + "\n".join(" | ".join(r) for r in rows)
        + "\n"
    )
    with pytest.raises(eduplans.ParseError) as err:
        eduplans.parse_plan(text)
    message = str(err.value)
    assert message.startswith("no baseline or target value found in the text; 18 numbers")
    assert "'1046'" in message and "year neither header nor caption" in message
