"""Table cells holding several indicators and values, matched by position (session 6, issue 13).

The page is the development set's own:
tests/data/realtexts_blind14/real_01_hainan-shisanwu.txt, the opening of
海南省“十三五”教育事业发展规划. Its table 1 (海南省“十二五”教育事业发展主要目标实现度) stands
one cell per block with ``|`` lines between the cells, and each cell holds several lines: a
stage and two names (学前教育 / 幼儿在园人数 / 学前三年毛入园率), the unit cell (万人 / %), then
the “十二五”规划目标 values (24.0 / 60), the 2015年实际 values (32.0 / 76.5) and 实现度
(133.5% / 127.5%). The expected values are the page's cells as a person reads them (and as the
set's blind labels record them): a 规划目标 column of the finished 十二五 plan holds its 2015
targets, 2015年实际 the 2015 baselines, 实现度 no value; "——" is an empty cell. The HTML, DOCX
and PDF forms lay the same real cells out as a grid (a cell's lines as ``<br>`` or paragraphs),
the text forms as ``|`` or tab rows, blocks, or cells ending in `` |``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import eduplans

PAGE = Path(__file__).parent / "data" / "realtexts_blind14" / "real_01_hainan-shisanwu.txt"

# (full name, kind, year, magnitude, unit, the cell's text), read off the page by a person
EXPECTED = {
    ("幼儿在园人数", "target", 2015, 240000.0, "person", "24.0"),
    ("学前三年毛入园率", "target", 2015, 60.0, "percent", "60"),
    ("幼儿在园人数", "baseline", 2015, 320000.0, "person", "32.0"),
    ("学前三年毛入园率", "baseline", 2015, 76.5, "percent", "76.5"),
    ("九年义务教育巩固率", "target", 2015, 93.0, "percent", "93%"),
    ("九年义务教育在校生", "baseline", 2015, 1100000.0, "person", "110"),
    ("九年义务教育巩固率", "baseline", 2015, 93.4, "percent", "93.4%"),
}


def _table_values(plan: eduplans.Plan) -> set[tuple[str, str, int, float | None, str, str]]:
    return {
        (ind.full_name, v.kind, v.year, v.magnitude, ind.unit, v.text)
        for ind in plan.indicators
        if ind.origin == "table"
        for v in ind.values
    }


def _spans_hold(plan: eduplans.Plan) -> None:
    for ind in plan.indicators:
        for v in ind.values:
            assert plan.source_text[v.span.start : v.span.end] == v.span.quote, v
            assert v.span.quote.endswith(v.text), v


def _cells() -> tuple[str, str, list[list[str]]]:
    """Return the page's text before the table, its caption and its rows of cells (header first).

    The cells are the page's own, split at its ``|`` lines; a cell's lines stay its lines.
    """
    text = PAGE.read_text(encoding="utf-8")
    at = text.index("表1 ")
    before = text[:at]
    caption, table = text[at:].split("\n", 1)
    cells = [c.strip("\n") for c in table.split("\n|\n")]
    rows = [cells[k : k + 5] for k in range(0, len(cells), 5)]
    return before, caption, [r for r in rows if len(r) == 5]  # the last, cut off, is 高中


def test_cells_of_several_lines_are_paired_by_position() -> None:
    # failed before: ParseError "no baseline or target value found"
    plan = eduplans.parse_plan(PAGE)
    assert _table_values(plan) == EXPECTED
    _spans_hold(plan)
    quotes = {v.text: v.span.quote for ind in plan.indicators for v in ind.values}
    # each value's quote runs from its own name's line to its own cell's line
    assert quotes["60"].startswith("学前三年毛入园率\n|\n万人\n%\n|\n24.0\n60")
    assert quotes["110"].startswith("在校生\n巩固率\n|\n万人")
    assert plan.source_text[slice(*_span(plan, "76.5"))] == "76.5"


def _span(plan: eduplans.Plan, text: str) -> tuple[int, int]:
    v = next(v for ind in plan.indicators for v in ind.values if v.text == text)
    return v.span.end - len(v.text), v.span.end


def test_a_stage_line_is_the_names_subject_not_an_indicator() -> None:
    plan = eduplans.parse_plan(PAGE)
    by_name = {ind.name: ind for ind in plan.indicators}
    assert "学前教育" not in by_name and "九年义务教育" not in by_name
    assert by_name["巩固率"].subject == "九年义务教育"
    assert by_name["在校生"].subject == "九年义务教育"
    assert by_name["幼儿在园人数"].subject == ""  # the name says its stage itself


def test_a_header_cell_over_two_lines_names_a_past_plans_targets() -> None:
    # “十二五” / 规划目标 in one cell: the targets of the 十二五 plan, for 2015 (the page's plan is
    # 十三五, 2016-2020: a column dated before it is not thereby a baseline)
    plan = eduplans.parse_plan(PAGE)
    assert plan.period == (2016, 2020)
    kinds = {v.text: (v.kind, v.year) for ind in plan.indicators for v in ind.values}
    assert kinds["24.0"] == ("target", 2015) and kinds["93%"] == ("target", 2015)
    assert kinds["32.0"] == ("baseline", 2015) and kinds["93.4%"] == ("baseline", 2015)


def test_the_achievement_column_is_reported_not_read() -> None:
    # 实现度(%): a share of the target reached (133.5% of 24.0万人), not an indicator's value
    plan = eduplans.parse_plan(PAGE)
    text = plan.source_text
    for number in ("133.5", "127.5", "100.4"):
        at = text.index(number + "%")
        reasons = {d.reason for d in plan.diagnostics if d.start == at}
        assert reasons == {"relative"}, number
        assert all(not v.text.startswith(number) for ind in plan.indicators for v in ind.values)


def test_an_html_grid_of_the_same_cells_gives_the_same_values(tmp_path: Path) -> None:
    before, caption, rows = _cells()
    paragraphs = "".join(f"<p>{line}</p>" for line in before.strip().split("\n"))
    body = "".join(
        "<tr>" + "".join("<td>" + c.replace("\n", "<br>") + "</td>" for c in r) + "</tr>"
        for r in rows
    )
    page = tmp_path / "hainan.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>海南省“十三五”教育事业发展规划</title></head>"
        f"<body><div>{paragraphs}<p>{caption}</p><table>{body}</table></div></body></html>",
        encoding="utf-8",
    )
    plan = eduplans.parse_plan(page)
    assert _table_values(plan) == EXPECTED
    _spans_hold(plan)


def test_a_docx_table_of_the_same_cells_gives_the_same_values(tmp_path: Path) -> None:
    import docx

    before, caption, rows = _cells()
    document = docx.Document()
    for line in before.strip().split("\n"):
        document.add_paragraph(line)
    document.add_paragraph(caption)
    table = document.add_table(rows=len(rows), cols=5)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            lines = cell.split("\n")
            target = table.cell(r, c)
            target.text = lines[0]
            for line in lines[1:]:
                target.add_paragraph(line)  # a cell of several paragraphs
    path = tmp_path / "hainan.docx"
    document.save(str(path))
    plan = eduplans.parse_plan(path)
    assert _table_values(plan) == EXPECTED
    _spans_hold(plan)


def _forms() -> dict[str, str]:
    """Return the page's table laid out again in the other text forms tables come in.

    The cells are the page's own; a cell's lines stand on one line, parted by spaces, where the
    form has one line per row (``|`` or tab rows, as a grid's cell of paragraphs is rendered).
    """
    before, caption, rows = _cells()
    head = before + caption + "\n"
    return {
        "pipe_rows": head
        + "\n".join("| " + " | ".join(c.replace("\n", " ") for c in r) + " |" for r in rows)
        + "\n",
        "tab_rows": head
        + "\n".join("\t".join(c.replace("\n", " ") for c in r) for r in rows)
        + "\n",
        "blocks": head + "\n\n".join(c for r in rows for c in r) + "\n",
        "cells_ending_in_a_pipe": head + "\n".join(c + " |" for r in rows for c in r) + "\n",
    }


@pytest.mark.parametrize("form", ["pipe_rows", "tab_rows", "blocks", "cells_ending_in_a_pipe"])
def test_every_text_form_of_the_table_gives_the_same_values(form: str) -> None:
    # cells_ending_in_a_pipe (each cell closed by " |", as blind5/21's bulletin table) was read
    # one line per cell before, so a cell's lines were cells of their own: nothing was read
    plan = eduplans.parse_plan(_forms()[form])
    assert _table_values(plan) == EXPECTED
    _spans_hold(plan)


def test_a_grids_unread_cells_are_reported_with_their_reason(tmp_path: Path) -> None:
    # the grid reader kept no notes: its 实现度 cells were reported as not_understood
    before, caption, rows = _cells()
    body = "".join(
        "<tr>" + "".join("<td>" + c.replace("\n", "<br>") + "</td>" for c in r) + "</tr>"
        for r in rows
    )
    page = tmp_path / "hainan.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>t</title></head>"
        f"<body><div><p>{before.strip()}</p><p>{caption}</p><table>{body}</table></div></body>"
        "</html>",
        encoding="utf-8",
    )
    plan = eduplans.parse_plan(page)
    got = {d.text: d.reason for d in plan.diagnostics if d.text in ("133.5", "127.5", "100.4")}
    assert got == {"133.5": "relative", "127.5": "relative", "100.4": "relative"}


def test_a_ruled_pdf_of_the_same_cells_gives_the_same_values() -> None:
    # tests/data/readers/hainan_cells_ruled.pdf (tools/make_reader_fixtures.py): the page's cells
    # in a ruled table, a cell's lines as its paragraphs. The PDF reader joins the lines of a
    # narrow cell without a space (万人%, 133.5%127.5%): the unit cell was then no unit, the
    # 实现度 cell one value beside two, and the row was not split (nothing of 学前教育 was read)
    plan = eduplans.parse_plan(
        Path(__file__).parent / "data" / "readers" / "hainan_cells_ruled.pdf"
    )
    assert _table_values(plan) == EXPECTED
    _spans_hold(plan)
    assert {d.text: d.reason for d in plan.diagnostics if d.text in ("133.5", "127.5")} == {
        "133.5": "relative",
        "127.5": "relative",
    }


def test_a_year_header_cell_wrapped_after_its_year_keeps_its_tag() -> None:
    # the page's header cell 2015年实际 as a narrow column prints it, 2015年 / 实际 (a layout of
    # the page's own words): the stream header stopped at 实际, no table was read (ParseError)
    text = PAGE.read_text(encoding="utf-8")
    assert text.count("\n2015年实际\n") == 1
    plan = eduplans.parse_plan(text.replace("\n2015年实际\n", "\n2015年\n实际\n"))
    assert _table_values(plan) == EXPECTED
    _spans_hold(plan)
