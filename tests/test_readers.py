"""Format readers: HTML, DOCX and PDF made from real texts parse like the texts themselves.

The fixtures in tests/data/readers/ were made by tools/make_reader_fixtures.py from real
published texts (two pages of the shared real-text set and an excerpt of the bundled 洛阳 seed):
each text's lines became paragraphs and its indicator table a real table of the format.
``expected_cells.json`` lists the table's single-value cells (row name, year header, cell text)
as the fixture script took them from the text, apart from the parser.
"""

from __future__ import annotations

import importlib.util
import json
import re
import zipfile
from collections import Counter
from io import BytesIO
from pathlib import Path

import pytest

import eduplans
from eduplans._parse._doc import Document, Table
from eduplans._parse._readers import get_reader, read_document

DATA = Path(__file__).parent / "data" / "readers"
EXPECTED = json.loads((DATA / "expected_cells.json").read_text(encoding="utf-8"))

#: fixture key -> (the real text, region to pass (the text names none, or misreads it))
TEXTS = {
    "real_01": ("real_01_weizhi-quxian.txt", "某县"),
    "real_02": ("real_02_zhejiang.txt", "浙江省"),
    "luoyang": ("luoyang_excerpt.txt", None),
    "real_02_stages": ("real_02_zhejiang.txt", "浙江省"),  # the text's stage rows, not a column
    # the header over two rows: 指 标 | 基期 | 目标 | 属性 above 2020年 | 2025年; 指 标 | 单位 |
    # 发展目标 (a group label over two columns) above 2015年 | 2020年
    "real_01_two_rows": ("real_01_weizhi-quxian.txt", "某县"),
    "real_02_group_header": ("real_02_zhejiang.txt", "浙江省"),
}
FORMATS = [
    ("real_01", "real_01.html", "html"),
    ("real_02", "real_02.html", "html"),
    ("luoyang", "luoyang.html", "html"),
    ("real_01", "real_01.docx", "docx"),
    ("real_02", "real_02.docx", "docx"),
    ("luoyang", "luoyang.docx", "docx"),
    ("real_01", "real_01_ruled.pdf", "pdf"),  # ruled, long names wrapped in their cells
    ("real_02_stages", "real_02_unruled.pdf", "pdf"),  # no rules: columns by position
    ("luoyang", "luoyang_ruled.pdf", "pdf"),  # the table goes on over a page break
    ("real_01_two_rows", "real_01_two_rows.docx", "docx"),
    ("real_02_group_header", "real_02_group_header.docx", "docx"),
    ("real_02_group_header", "real_02_group_header.html", "html"),  # GBK, <meta http-equiv>
    # the two-row header repeated on page 2, where the table goes on
    ("real_01_two_rows", "real_01_two_rows_split.pdf", "pdf"),
]


def _parse(name: str, region: str | None) -> eduplans.Plan:
    return eduplans.parse_plan(DATA / name, **({"region": region} if region else {}))


def _key(v: eduplans.Baseline | eduplans.Target, unit: str) -> tuple[object, ...]:
    return (v.kind, v.year, v.comparator, v.magnitude, v.upper_magnitude, unit)


def _values(
    plan: eduplans.Plan, origin: str, *, stacked: bool = True
) -> Counter[tuple[object, ...]]:
    return Counter(
        _key(v, ind.unit)
        for ind in plan.indicators
        if ind.origin == origin
        for v in ind.values
        if stacked or "(其中)" not in v.note
    )


def _cell(doc: Document, row: int, name: str, header: str, col: int | None) -> tuple[int, int]:
    """Offsets of the cell in grid row ``row`` (named ``name``) under the column ``header``.

    A table that goes on over a page break is two tables of the document: rows count on, past
    the header rows the next page repeats. ``col`` is the column of a header over two rows.
    """
    first = doc.tables[0].texts(doc.text)
    rows: list[tuple[Table, int]] = []
    for t in doc.tables:
        texts = t.texts(doc.text)
        skip = 0
        while rows and skip < len(texts) and texts[skip] == first[skip]:
            skip += 1  # a header the next page repeats
        rows += [(t, r) for r in range(skip, len(t.grid))]
    heads = [re.sub(r"\s+", "", t) for t in first[0]]
    table, r = rows[row]
    assert name in table.texts(doc.text)[r], (name, table.texts(doc.text)[r])
    cell = table.grid[r][heads.index(header) if col is None else col]
    assert cell is not None
    return cell.start, cell.end


@pytest.mark.parametrize(("key", "name", "fmt"), FORMATS)
def test_format_parses_like_the_text(key: str, name: str, fmt: str) -> None:
    text_name, region = TEXTS[key]
    from_text = _parse(text_name, region)
    plan = _parse(name, region)
    doc = read_document(DATA / name)
    assert doc.format == fmt
    assert plan.source_text == doc.text
    # provenance: every quote stands at its offsets in the document's own source text
    for v in plan.baselines + plan.targets:
        assert plan.source_text[v.span.start : v.span.end] == v.span.quote
    # the prose reads the same paragraphs to the same values
    assert _values(plan, "prose") == _values(from_text, "prose")
    # every single-value cell of the table is read from the grid, its span ending at the cell
    table_values = [
        (v, ind) for ind in plan.indicators if ind.origin == "table" for v in ind.values
    ]
    for exp in EXPECTED[key]:
        start, end = _cell(
            doc, exp["row"], exp["name"], re.sub(r"\s+", "", exp["header"]), exp.get("col")
        )
        assert doc.text[start:end] == exp["text"]
        found = [v for v, _ in table_values if v.span.end == end]
        assert len(found) == 1, (exp, found)
        assert found[0].year == int(exp["header"][:4])
        assert found[0].text == exp["text"]
    # a header cell is not a value (2020年 under 基期 on a header's second row)
    assert not [v.text for v, _ in table_values if re.fullmatch(r"(?:19|20)\d{2}年?", v.text)]
    # and what the text reads from its table, the format reads too (but stacked 其中 rows,
    # several names and values in one cell: test_stacked_rows)
    text_table = _values(from_text, "table", stacked=False)
    assert not text_table - _values(plan, "table"), text_table - _values(plan, "table")


def test_html_page_drops_site_chrome_and_keeps_the_article() -> None:
    doc = read_document(DATA / "real_02.html")
    for chrome in (
        "政务公开",
        "设为首页",
        "版权所有",
        "相关文章",
        "分享到",
        "请输入关键字",
        "统计代码",
    ):
        assert chrome not in doc.text
    assert doc.text.startswith("浙江公布教育事业发展“十三五”规划\n")
    assert "<" not in doc.text
    assert doc.encoding == "gb18030"  # declared gbk, read as its superset
    plan = eduplans.parse_plan(DATA / "real_02.html", region="浙江省")
    assert plan.title == "浙江公布教育事业发展“十三五”规划"
    assert plan.source_name == "real_02.html"


def test_html_rowspan_and_colspan_expand_to_the_grid() -> None:
    doc = read_document(DATA / "real_02.html")
    (table,) = doc.tables
    texts = table.texts(doc.text)
    assert table.shape == (14, 5)
    assert texts[0][:2] == ["指 标", "指 标"]  # colspan 2: one cell at both positions
    assert table.grid[0][0] is table.grid[0][1]
    assert [row[0] for row in texts[1:3]] == ["学前教育", "学前教育"]  # rowspan 2
    assert texts[2][1:] == ["学前三年入园率", "%", "97", "97"]
    # the source text holds each cell once, on its row's line, tab-separated
    line = doc.text.split("\n")[doc.text[: table.grid[2][1].start].count("\n")]  # type: ignore[union-attr]
    assert line == "\t学前三年入园率\t%\t97\t97"
    for cell in table.cells():
        assert "\n" not in doc.text[cell.start : cell.end]


def test_html_given_as_str_or_bytes() -> None:
    raw = (DATA / "real_01.html").read_bytes()
    from_bytes = read_document(raw)
    from_str = read_document(raw.decode("utf-8"))
    from_path = read_document(DATA / "real_01.html")
    assert from_bytes.format == from_str.format == "html"
    assert from_bytes.text == from_str.text == from_path.text


def test_a_page_title_is_not_markup() -> None:
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        "<title>某某县“十四五”教育事业发展规划_某某县人民政府</title></head>"
        "<body><div class='nav'><a href='/'>首页</a></div><div class='con'>"
        "<p>某某县“十四五”教育事业发展规划</p>"
        "<p>到2025年,学前三年毛入园率达到95%以上。</p></div></body></html>"
    )
    plan = eduplans.parse_plan(page)
    assert plan.title == "某某县“十四五”教育事业发展规划"
    assert plan.targets[0].span.quote == "学前三年毛入园率达到95%以上"
    assert plan.source_text.startswith("某某县“十四五”教育事业发展规划\n")


def test_docx_merged_cells_expand_to_the_grid() -> None:
    doc = read_document(DATA / "real_02.docx")
    (table,) = doc.tables
    texts = table.texts(doc.text)
    assert table.shape == (14, 5)
    assert texts[0][:2] == ["指 标", "指 标"]  # gridSpan
    assert [row[0] for row in texts[9:13]] == ["高等教育"] * 4  # vMerge over four rows
    assert texts[12][1:] == ["毛入学率", "%", "56", "62"]


def test_docx_paragraphs_and_tables_in_document_order() -> None:
    doc = read_document(DATA / "luoyang.docx")
    (table,) = doc.tables
    before = [p for p in doc.paragraphs if p.end <= table.start]
    after = [p for p in doc.paragraphs if p.start >= table.end]
    assert doc.text[before[-1].start : before[-1].end] == "十四五时期洛阳教育事业发展主要目标"
    assert doc.text[after[0].start : after[0].end] == "第三章 \xa0发展任务"  # the seed's own space
    assert table.texts(doc.text)[0][4] == "指标 类型"  # a cell of two paragraphs, on one line


def test_dispatch_by_magic_bytes_and_suffix() -> None:
    html = (DATA / "real_01.html").read_bytes()
    docx = (DATA / "real_01.docx").read_bytes()
    assert get_reader(html).format == "html"
    assert get_reader(b"\xef\xbb\xbf" + html).format == "html"  # after a byte-order mark
    assert get_reader(docx).format == "docx"  # a ZIP with word/document.xml, any name
    assert get_reader(docx, name="plan.bin").format == "docx"
    assert get_reader(b"%PDF-1.7\n...").format == "pdf"
    assert get_reader("规划".encode()).format == "text"
    assert get_reader(b"<p>x</p>", name="page.htm").format == "html"  # by suffix


def test_doc_and_other_zip_files_get_advice() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    with pytest.raises(eduplans.ParseError, match=r"plan\.doc: .*\.doc.*soffice --headless"):
        read_document_named(ole, "plan.doc")
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(eduplans.ParseError, match=r"not a Word \.docx"):
        eduplans.parse_plan(buf.getvalue())


def read_document_named(data: bytes, name: str) -> Document:
    return get_reader(data, name=name).read(data, name=name, max_chars=1000)


def test_a_broken_docx_is_a_parse_error() -> None:
    data = (DATA / "real_01.docx").read_bytes()
    buf = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "word/document.xml":
                body = body[: len(body) // 2]  # truncated XML
            dst.writestr(item, body)
    with pytest.raises(eduplans.ParseError, match="cannot read the DOCX file"):
        eduplans.parse_plan(buf.getvalue())


@pytest.mark.parametrize(
    ("fixture", "module", "extra"),
    [
        ("real_01.html", "lxml", "html"),
        ("real_01.docx", "docx", "docx"),
        ("real_01_ruled.pdf", "pdfplumber", "pdf"),
    ],
)
def test_missing_extra_names_what_to_install(
    fixture: str, module: str, extra: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = importlib.util.find_spec

    def find_spec(name: str, *args: object, **kwargs: object) -> object:
        return None if name == module else real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    with pytest.raises(
        eduplans.MissingDependencyError, match=rf"pip install 'eduplans\[{extra}\]'"
    ):
        eduplans.parse_plan(DATA / fixture)
    assert issubclass(eduplans.MissingDependencyError, ImportError)


def test_pdf_ruled_table_recovers_wrapped_cells() -> None:
    import pdfplumber

    doc = read_document(DATA / "real_01_ruled.pdf")
    (table,) = doc.tables
    assert table.kind == "ruled"
    names = [row[0] for row in table.texts(doc.text)]
    # long names wrap inside their cells; the grid joins the lines of a cell again
    assert "4.劳动年龄人口平均受教育年限(年)" in names
    assert "1.幼儿教师专科及以上学历比例(%) 其中:本科及以上学历比例(%)" in names
    assert table.texts(doc.text)[1] == ["一、发展水平", "", "", ""]  # a colspan-3 empty cell
    # what flattened text makes of the same page: the wrapped name is torn apart
    with pdfplumber.open(DATA / "real_01_ruled.pdf") as pdf:
        flat = pdf.pages[0].extract_text()
    assert "4.劳动年龄人口平均受教育年限(年)" not in flat.replace("\n", "")


def test_pdf_unruled_table_by_position() -> None:
    doc = read_document(DATA / "real_02_unruled.pdf")
    (table,) = doc.tables
    texts = table.texts(doc.text)
    assert table.kind == "unruled"
    assert texts[0] == ["指 标", "单位", "2015年", "2020年"]
    assert texts[1] == ["学前教育", "", "", ""]  # a stage row
    assert texts[2] == ["幼儿在园人数", "万人", "181", "222"]


def test_pdf_pages_paragraphs_and_page_numbers() -> None:
    doc = read_document(DATA / "luoyang_ruled.pdf")
    assert [p[0] for p in doc.pages] == [1, 2]
    assert doc.pages[0][1] == 0 and doc.pages[0][2] == doc.pages[1][1]
    assert doc.pages[1][2] == len(doc.text)
    assert "- 1 -" not in doc.text and "- 2 -" not in doc.text  # page furniture left out
    # the table goes on over the page break: two tables, each on its page
    assert [t.page for t in doc.tables] == [1, 2]
    assert doc.page_at(doc.tables[1].start) == 2
    # a paragraph the PDF wraps over several lines stands on one line, as in the text
    text = (DATA / "luoyang_excerpt.txt").read_text(encoding="utf-8")
    last = text.rstrip("\n").split("\n")[-1]
    assert last in doc.text.split("\n")
    plan = eduplans.parse_plan(DATA / "luoyang_ruled.pdf")
    late = [v for v in plan.targets if v.span.quote == "学前教育毛入园率达94%"]
    assert len(late) == 1 and doc.page_at(late[0].span.start) == 2


def test_pdf_without_text_layer_says_to_run_ocr() -> None:
    with pytest.raises(eduplans.ParseError, match=r"no_text_layer\.pdf: .*no text layer.*OCR"):
        eduplans.parse_plan(DATA / "no_text_layer.pdf")


def test_encrypted_pdf_is_a_parse_error() -> None:
    with pytest.raises(eduplans.ParseError, match="encrypted"):
        eduplans.parse_plan(DATA / "encrypted.pdf")


def test_broken_pdf_is_a_parse_error() -> None:
    data = (DATA / "real_01_ruled.pdf").read_bytes()
    with pytest.raises(eduplans.ParseError, match="PDF"):
        eduplans.parse_plan(data[: len(data) // 3])


def _rows(plan: eduplans.Plan) -> set[tuple[str, str, tuple[tuple[int, float | None], ...]]]:
    return {
        (ind.name, ind.subject, tuple((v.year, v.magnitude) for v in ind.values))
        for ind in plan.indicators
        if ind.origin == "table"
    }


@pytest.mark.parametrize("name", ["real_01.html", "real_01.docx", "real_01_ruled.pdf"])
def test_stacked_rows(name: str) -> None:
    """Cells holding a name and its 其中 sub-labels, and one value per sub-label (real_01).

    Read from the grid, each value gets its sub-label: 4.义务教育标准班额比例(%) / 其中:小学 /
    初中 with 34.52% / 77.34% under 2020 and 80%以上 / 85%以上 under 2025; and a parent's value
    before its 其中 row's (幼儿教师专科及以上学历比例 97.74% → 100%, of which 本科及以上 49.85% →
    50%: 幼儿教师本科及以上学历比例), values the text's one-cell-per-line layout reads as 2020
    97.74 and 2025 49.85.
    """
    rows = _rows(eduplans.parse_plan(DATA / name, region="某县"))
    assert ("义务教育标准班额比例", "小学", ((2020, 34.52), (2025, 80.0))) in rows
    assert ("义务教育标准班额比例", "初中", ((2020, 77.34), (2025, 85.0))) in rows
    assert ("幼儿教师专科及以上学历比例", "", ((2020, 97.74), (2025, 100.0))) in rows
    # the 其中 row names an indicator of its own: the parent's population, its own measure
    assert ("幼儿教师本科及以上学历比例", "", ((2020, 49.85), (2025, 50.0))) in rows
    assert ("普通初中教师本科及以上学历比例", "", ((2020, 99.82), (2025, 100.0))) in rows


@pytest.mark.parametrize("name", ["real_02.html", "real_02.docx", "real_02_unruled.pdf"])
def test_bare_names_take_the_stage_as_subject(name: str) -> None:
    """巩固率 and 毛入学率 under 九年义务教育 / 高中段教育 / 高等教育: a column merged over its
    rows (HTML, DOCX) or a stage row above them (the unruled PDF) gives the subject."""
    plan = eduplans.parse_plan(DATA / name, region="浙江省")
    rows = _rows(plan)
    assert ("巩固率", "九年义务教育", ((2015, 100.0), (2020, 100.0))) in rows
    assert ("毛入学率", "高中段教育", ((2015, 95.9), (2020, 98.0))) in rows
    assert ("毛入学率", "高等教育", ((2015, 56.0), (2020, 62.0))) in rows
    assert ("在校生", "研究生", ((2015, 63500.0), (2020, 80000.0))) in rows  # 其中:研究生, 万人
    for ind in plan.indicators:
        assert "\t" not in ind.name  # a name is one cell, not the row's cells joined


@pytest.mark.parametrize(
    "name", ["real_01.html", "real_01.docx", "real_01_ruled.pdf", "real_02_unruled.pdf"]
)
def test_damaged_files_give_a_parse_error_or_a_plan(name: str) -> None:
    """Truncated, overwritten and cut files: a ParseError (or a plan), no other exception."""
    import random

    rng = random.Random(13)
    data = (DATA / name).read_bytes()
    for k in range(9):
        b = bytearray(data)
        if k % 3 == 0:
            b = b[: rng.randrange(1, len(b))]
        elif k % 3 == 1:
            for _ in range(20):
                b[rng.randrange(len(b))] = rng.randrange(256)
        else:
            i = rng.randrange(len(b))
            b[i : i + rng.randrange(1, 200)] = b""
        try:
            plan = eduplans.parse_plan(bytes(b), region="某县")
        except eduplans.ParseError:
            continue
        for v in plan.baselines + plan.targets:
            assert plan.source_text[v.span.start : v.span.end] == v.span.quote


def test_pdfium_and_pdfplumber_pages_read_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages without lines are read with PDFium, others with pdfplumber: the same text."""
    from eduplans._parse._readers import _pdf

    path = DATA / "real_02_unruled.pdf"  # draws no lines: read with PDFium
    fast = read_document(path)
    monkeypatch.setattr(_pdf, "_has_paths", lambda page: True)
    slow = read_document(path)
    assert fast.text == slow.text
    assert fast.tables[0].texts(fast.text) == slow.tables[0].texts(slow.text)


def test_html_page_laid_out_in_a_table() -> None:
    """Old sites lay out the whole page in a table: its cells are blocks, not a grid."""
    text = (DATA / "luoyang_excerpt.txt").read_text(encoding="utf-8")
    last = text.rstrip("\n").split("\n")[-1]  # a real paragraph with four targets
    page = (
        "<html><head><meta charset='utf-8'><title>洛阳市“十四五”教育事业发展规划</title></head>"
        "<body><table width='980'><tr><td colspan='2'><a href='/'>首页</a> <a href='/a'>机构概况"
        "</a> <a href='/b'>政务公开</a></td></tr><tr><td width='200'><a href='/x'>通知公告</a><br>"
        "<a href='/y'>工作动态</a></td><td><p>洛阳市“十四五”教育事业发展规划</p>"
        f"<p>{last}</p><table border='1'><tr><td>指标</td><td>2020年</td><td>2025年</td></tr>"
        "<tr><td>学前教育毛入园率(%)</td><td>92</td><td>94</td></tr></table></td></tr></table>"
        "</body></html>"
    )
    doc = read_document(page)
    assert "政务公开" not in doc.text and "通知公告" not in doc.text
    assert last in doc.text.split("\n")
    assert [t.shape for t in doc.tables] == [(2, 3)]
    plan = eduplans.parse_plan(page)
    alone = eduplans.parse_plan("洛阳市“十四五”教育事业发展规划\n" + last + "\n")
    assert _values(plan, "prose") == _values(alone, "prose")
    assert {(v.year, v.magnitude) for v in plan.baselines} == {(2020, 92.0)}


def test_headline_from_the_pages_meta_or_title() -> None:
    """Without an <h1>, the CMS's ArticleTitle meta, else the <title> before the site's name."""
    body = "<div class='content'><p>到2025年,学前三年毛入园率达到95%以上。</p></div>"
    with_meta = (
        "<html><head><meta name='ArticleTitle' content='某某县“十四五”教育事业发展规划'>"
        f"<title>通知公告_某某县人民政府</title></head><body>{body}</body></html>"
    )
    with_title = (
        "<html><head><title>某某县“十四五”教育事业发展规划_政策文件_某某县人民政府</title>"
        f"</head><body>{body}</body></html>"
    )
    for page in (with_meta, with_title):
        doc = read_document(page)
        assert doc.text.split("\n")[0] == "某某县“十四五”教育事业发展规划"
        plan = eduplans.parse_plan(page)  # the title names a placeholder region: left unknown
        assert plan.region is None and "region_anonymised: «某某县» in the title" in plan.notes


def test_pdf_pages_without_text_are_named_in_the_notes() -> None:
    plan = eduplans.parse_plan(DATA / "partly_scanned.pdf")
    assert plan.targets[0].span.quote == "学前三年毛入园率达到95%以上"
    assert "PDF pages without a text layer (scanned? run OCR to read them): 2" in plan.notes


def test_docx_automatic_numbering_gives_the_labels_word_shows() -> None:
    """Headings Word numbers itself (三、主要目标 / (一)总目标) lack their labels in the text."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    text = (DATA / "luoyang_excerpt.txt").read_text(encoding="utf-8")
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    lines = lines[: lines.index("序号")] + lines[-1:]  # the prose around the table
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="chineseCounting"/>'
            '<w:lvlText w:val="%1、"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    numbered = 0
    for line in lines:
        m = re.match(r"^(?:([一二三四五六七八九十]+、)|(\([一二三四五六七八九十]+\)))(.+)$", line)
        p = d.add_paragraph(m.group(3) if m else line)
        if m:
            level = 0 if m.group(1) else 1
            p._p.get_or_add_pPr().append(
                parse_xml(
                    f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                    '<w:numId w:val="90"/></w:numPr>'
                )
            )
            numbered += 1
    buf = BytesIO()
    d.save(buf)
    doc = read_document(buf.getvalue())
    assert numbered == 3
    assert [doc.text[p.start : p.end] for p in doc.paragraphs] == lines
    plan = eduplans.parse_plan(buf.getvalue())
    alone = eduplans.parse_plan("\n".join(lines) + "\n")
    assert _values(plan, "prose") == _values(alone, "prose")


def test_readers_import_their_libraries_only_when_reading() -> None:
    import subprocess
    import sys

    code = (
        "import sys, eduplans\n"
        "eduplans.parse_plan('某某县“十四五”教育事业发展规划\\n到2025年,学前三年毛入园率达到95%。')\n"
        "print(sorted(m for m in ('lxml', 'docx', 'pdfplumber', 'pypdfium2') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(("key", "name", "fmt"), FORMATS)
def test_a_formats_source_text_parses_to_the_same_table(key: str, name: str, fmt: str) -> None:
    """The source text a reader renders (a saved draft's text) reads like the file's grid.

    Its table rows are tab-separated with an empty cell wherever a merged cell covers a
    position (``<TAB>学前三年入园率<TAB>%<TAB>97<TAB>97`` under 学前教育): read from the text, the
    leading empty cell keeps the name in the name column and the category above is its subject
    (bug: the row's lines were stripped, so its cells shifted left and 学前教育<TAB>幼儿在园人数
    was read as one name).
    """
    region = TEXTS[key][1]
    kw = {"region": region} if region else {}
    plan = eduplans.parse_plan(DATA / name, **kw)
    again = eduplans.parse_plan(plan.source_text, **kw)

    def rows(p: eduplans.Plan) -> list[tuple[object, ...]]:
        return sorted(
            (i.subject, i.name, tuple((v.year, v.magnitude, v.span.start) for v in i.values))
            for i in p.indicators
            if i.origin == "table"
        )

    assert rows(again) == rows(plan)
    assert len(rows(plan)) >= 9


def test_tab_rows_with_leading_empty_cells_keep_their_columns() -> None:
    """real_02's table as a spreadsheet copies it: the stage column empty below each stage."""
    text = (DATA / "real_02.html").read_bytes()
    doc = read_document(text)
    start = doc.tables[0].start
    excerpt = doc.text[: doc.tables[0].end + 1]
    assert excerpt[start:].startswith("指 标\t\t单位\t2015年\t2020年\n学前教育\t幼儿在园人数\t")
    plan = eduplans.parse_plan(excerpt, region="浙江省")
    rows = _rows(plan)
    assert ("学前三年入园率", "", ((2015, 97.0), (2020, 97.0))) in rows  # names its stage
    assert ("巩固率", "九年义务教育", ((2015, 100.0), (2020, 100.0))) in rows
    assert ("毛入学率", "高等教育", ((2015, 56.0), (2020, 62.0))) in rows
    assert ("在校生", "研究生", ((2015, 63500.0), (2020, 80000.0))) in rows
    for ind in plan.indicators:
        assert "\t" not in ind.name


@pytest.mark.parametrize("name", ["luoyang.html", "luoyang.docx", "luoyang_ruled.pdf"])
def test_grid_header_years_and_row_numbers_have_their_reason(name: str) -> None:
    """A year cell of a grid header (``主要指标<TAB>2020<TAB>2025``) is a ``year``, a 序号 cell
    (``1<TAB>学前教育毛入园率``) a ``numbering``: not ``not_understood`` (bug: the year rule
    wanted 年 or a line end after the year, the 序号 rule a line holding the number alone)."""
    plan = eduplans.parse_plan(DATA / name)
    table = read_document(DATA / name).tables[0]
    inside = [d for d in plan.diagnostics if table.start <= d.start < table.end]
    header_end = plan.source_text.index("\n", table.start)
    assert [(d.text, d.reason) for d in inside if d.start < header_end] == [
        ("2020", "year"),
        ("2025", "year"),
    ]
    numbers = [d for d in inside if d.start > header_end]
    assert [d.text for d in numbers] == [str(k) for k in range(1, len(numbers) + 1)]
    assert {d.reason for d in numbers} == {"numbering"}
    assert len(numbers) >= 5


def _real_02_with_header(header: str) -> str:
    """real_02's text (the page as published) with its two header lines replaced."""
    text = (DATA / "real_02_zhejiang.txt").read_text(encoding="utf-8")
    old = "指 标\n单位 2015年 2020年\n"
    assert old in text
    return text.replace(old, header)


@pytest.mark.parametrize(
    "header",
    [
        "指 标\n单位 2015年 2020年\n基期 目标\n",  # years, then 基期 / 目标 below them
        "指 标\n单位 基期值 目标值\n2015年 2020年\n",  # 基期值 / 目标值, the years below
        "指 标\n单位 “十二五”末 “十三五”末\n(2015年) (2020年)\n",  # bracketed years below
    ],
)
def test_a_header_over_two_lines_of_text(header: str) -> None:
    """A text table whose header goes on on a second line reads like the one-line header."""
    plain = _rows(eduplans.parse_plan(DATA / "real_02_zhejiang.txt", region="浙江省"))
    plan = eduplans.parse_plan(_real_02_with_header(header), region="浙江省")
    assert ("巩固率", "九年义务教育", ((2015, 100.0), (2020, 100.0))) in plain
    assert _rows(plan) == plain
    for v in plan.baselines:
        assert v.year == 2015 and "year_implied" not in v.flags
    assert {v.year for v in plan.targets if v.span.quote.startswith(("幼儿", "巩固"))} == {2020}


def test_pdf_values_carry_their_page_through_the_plan_file(tmp_path: Path) -> None:
    """Each value of a PDF carries the page its text stands on, kept by save / read_plan.

    luoyang_ruled.pdf: the seed excerpt whose table goes on over a page break; the values of
    page 2 (the rest of the table, 学前教育毛入园率达94% in the prose after it) say page 2.
    """
    import tomllib

    import jsonschema

    doc = read_document(DATA / "luoyang_ruled.pdf")
    plan = eduplans.parse_plan(DATA / "luoyang_ruled.pdf")
    values = plan.baselines + plan.targets
    for v in values:
        assert v.span.page == doc.page_at(plan.source_text.index(v.text, v.span.start))
    assert {v.span.page for v in values} == {1, 2}
    (late,) = [v for v in plan.targets if v.span.quote == "学前教育毛入园率达94%"]
    assert late.span.page == 2
    second = doc.tables[1]
    on_two = [v for v in values if second.start <= v.span.start < second.end]
    assert on_two and {v.span.page for v in on_two} == {2}
    path = tmp_path / "luoyang.toml"
    plan.save(path)
    assert eduplans.read_plan(path) == plan
    raw = json.loads(json.dumps(tomllib.loads(path.read_text(encoding="utf-8")), default=str))
    schema = json.loads(
        (Path(eduplans.__file__).parent / "data" / "plan.schema.json").read_text(encoding="utf-8")
    )
    assert not list(jsonschema.Draft202012Validator(schema).iter_errors(raw))
    assert {v.get("page") for ind in raw["indicators"] for v in ind["values"]} == {1, 2}
    # a text has no pages: no page is written
    text = eduplans.parse_plan(DATA / "luoyang_excerpt.txt")
    assert {v.span.page for v in text.baselines + text.targets} == {None}
    text.save(tmp_path / "text.toml")
    assert "page =" not in (tmp_path / "text.toml").read_text(encoding="utf-8")


def test_a_bad_page_is_an_error_naming_the_field(tmp_path: Path) -> None:
    plan = eduplans.parse_plan(DATA / "luoyang_ruled.pdf")
    path = tmp_path / "luoyang.toml"
    plan.save(path)
    body = path.read_text(encoding="utf-8")
    for bad in ("0", '"2"', "true"):
        path.write_text(body.replace("page = 1\n", f"page = {bad}\n", 1), encoding="utf-8")
        with pytest.raises(eduplans.DataError, match="page"):
            eduplans.read_plan(path)
    with pytest.raises(eduplans.EduplansError, match="page"):
        eduplans.SourceSpan(start=0, end=1, quote="x", page=0)


def test_a_page_saved_as_utf8_with_its_old_gb2312_declaration() -> None:
    """A browser's "save page" writes UTF-8 but keeps ``charset=gb2312``: read as UTF-8.

    Two real lines of real_02 whose UTF-8 bytes also decode as GB18030 (to mojibake: the bug).
    """
    lines = (DATA / "real_02_zhejiang.txt").read_text(encoding="utf-8").split("\n")
    keep = [
        ln.strip()
        for ln in lines
        if ln.strip()
        in ("“十三五”期间浙江省教育事业主要预期指标", "专栏1 持续推进学前教育行动计划")
    ]
    assert len(keep) == 2
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        "</head><body>" + "".join(f"<p>{k}</p>" for k in keep) + "</body></html>"
    ).encode("utf-8")
    page.decode("gb18030")  # no error: the declaration alone would give mojibake
    doc = read_document(page)
    assert doc.encoding == "utf-8"
    assert doc.text.split("\n")[:2] == keep
    assert read_document(DATA / "real_02.html").encoding == "gb18030"  # a real GBK page


def test_docx_content_controls_and_tracked_changes_read_as_word_shows_them() -> None:
    """real_01.docx with what Word documents of real offices carry: a table row and a cell in
    content controls (``w:sdt``), a paragraph's runs in a tracked insertion (``w:ins``) and a
    tracked deletion (``w:del``). Read as Word shows it: the same text and values as before
    (bug: python-docx's paragraph text skips runs inside ``w:ins``, and rows and cells inside
    a content control were left out)."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    before = read_document(DATA / "real_01.docx")
    d = docx.Document(str(DATA / "real_01.docx"))
    body = d.element.body

    def wrap(el: object, tag: str) -> None:
        outer = parse_xml(f"<w:{tag} {nsdecls('w')}/>")
        el.addprevious(outer)  # type: ignore[attr-defined]
        if tag == "sdt":
            content = parse_xml(f"<w:sdtContent {nsdecls('w')}/>")
            outer.append(content)
            content.append(el)
        else:
            outer.append(el)

    table = body.find(qn("w:tbl"))
    rows = table.findall(qn("w:tr"))
    wrap(rows[3], "sdt")  # a whole row in a content control
    wrap(rows[5].findall(qn("w:tc"))[1], "sdt")  # one cell (a 2020 value) in one
    para = next(p for p in body.iter(qn("w:p")) if "12.3年以上" in "".join(p.itertext()))
    for run in para.findall(qn("w:r")):
        wrap(run, "ins")  # the paragraph typed with track changes on
    para.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="9" w:author="x" w:date="2021-01-01T00:00:00Z">'
            "<w:r><w:delText>删去的12.5年</w:delText></w:r></w:del>"
        )
    )
    buf = BytesIO()
    d.save(buf)
    after = read_document(buf.getvalue())
    assert after.text == before.text
    assert [t.texts(after.text) for t in after.tables] == [
        t.texts(before.text) for t in before.tables
    ]
    assert "删去" not in after.text
    plan = eduplans.parse_plan(buf.getvalue(), region="某县")
    again = eduplans.parse_plan(DATA / "real_01.docx", region="某县")
    assert _rows(plan) == _rows(again)


@pytest.mark.parametrize(
    ("name", "first_on_two"),
    [
        ("real_02_unruled_split.pdf", "中等职业教育在校生"),  # no header on page 2
        ("real_02_unruled_split_header.pdf", "巩固率"),  # the header repeated on page 2
    ],
)
def test_pdf_unruled_table_over_a_page_break(name: str, first_on_two: str) -> None:
    """real_02's unruled table broken over two pages reads like the one-page table.

    The page break leaves a stage row (职业教育) alone at the foot of page 1, outside both
    tables, or puts 巩固率 at the top of page 2 under its stage row 九年义务教育 on page 1:
    the table goes on, with the stage in force (bug: page 2's rows were not read without a
    header, and the bare names lost their stage).
    """
    doc = read_document(DATA / name)
    assert [t.page for t in doc.tables] == [1, 2]
    second = doc.tables[1].texts(doc.text)
    assert first_on_two in [row[0] for row in second[:2]]
    whole = eduplans.parse_plan(DATA / "real_02_unruled.pdf", region="浙江省")
    plan = eduplans.parse_plan(DATA / name, region="浙江省")
    assert _rows(plan) == _rows(whole)
    assert len(_rows(plan)) == 13
    on_two = {
        ind.name
        for ind in plan.indicators
        if ind.origin == "table" and {v.span.page for v in ind.values} == {2}
    }
    assert first_on_two in on_two


REAL_EXCERPTS = Path(__file__).parent / "data" / "real_excerpts"


def test_rows_of_a_table_whose_header_is_on_another_page() -> None:
    """real_09 (page 4 of a mirrored plan) starts in the middle of a 基期 / 目标 table:
    ``人均公共文化财政支出(元) - 150 预期性``. Its rows are read as that table's (here none is
    about education: each number is reported ``not_education`` with its row's name, where
    150, 120, 100 and 2 were ``not_understood``)."""
    text = (REAL_EXCERPTS / "real_09_weizhi-xian.txt").read_text(encoding="utf-8")
    plan = eduplans.parse_plan(text)
    head = text[: text.index("注:")]
    inside = [d for d in plan.diagnostics if d.end <= len(head)]
    assert [d.text for d in inside] == ["2.6", "4", "12", "150", "120", "100", "2"]
    assert {d.reason for d in inside} == {"not_education"}
    assert "人均公共文化财政支出" in inside[3].detail
    assert {ind.name for ind in plan.indicators} == {"标准化幼儿园", "学前三年幼儿毛入园率"}


def test_education_rows_of_a_table_whose_header_is_on_another_page() -> None:
    """The same layout with real_01's indicator rows (name, 2020 and 2025 cells, 属性), the
    header left on a page not captured: baseline and target of the plan, flagged."""
    cells = (DATA / "real_01_weizhi-quxian.txt").read_text(encoding="utf-8").split("\n\n")
    cells = [c.strip() for c in cells]
    rows = []
    for k, c in enumerate(cells):
        named = re.match(r"^[1-6]\.\D", c) and "其中" not in cells[k + 1]
        if named and k + 3 < len(cells) and cells[k + 3].endswith("性"):
            rows.append(" ".join(cells[k : k + 4]))
    assert len(rows) >= 8
    text = "教育“十四五”发展规划(续)\n" + "\n".join(rows) + "\n"
    plan = eduplans.parse_plan(text, region="某县", period=(2021, 2025))
    got = {(i.name, v.kind, v.year, v.magnitude) for i in plan.indicators for v in i.values}
    assert ("学前教育毛入园率", "baseline", 2020, 99.0) in got
    assert ("学前教育毛入园率", "target", 2025, 99.0) in got
    assert ("劳动年龄人口平均受教育年限", "target", 2025, 12.3) in got
    assert len(got) == 2 * len(rows)
    for v in plan.baselines + plan.targets:
        assert "year_implied" in v.flags and "header is not in the text" in v.note
        assert v.span.quote.split(" ")[-1] == v.text


@pytest.mark.parametrize(
    "header",
    [
        "指  标\n\n基期\n\n目标\n\n属性\n\n2020年\n\n2025年",  # 基期 | 目标 over the years
        "指  标\n\n“十三五”末\n\n“十四五”末\n\n属性\n\n(2020年)\n\n(2025年)",
    ],
)
def test_a_two_row_header_in_a_cell_stream(header: str) -> None:
    """real_01's one-cell-per-line table with its header over two rows, the second row's
    cells listed after the first's: read like the one-row header (bug: the second row's years
    were read as two more year columns, the values shifted onto them)."""
    text = (DATA / "real_01_weizhi-quxian.txt").read_text(encoding="utf-8")
    old = "指  标\n\n2020年\n\n2025年\n\n属性"
    assert old in text
    plain = eduplans.parse_plan(text, region="某县")
    plan = eduplans.parse_plan(text.replace(old, header), region="某县")

    def rows(p: eduplans.Plan) -> list[tuple[object, ...]]:
        return sorted(
            (i.subject, i.name, tuple((v.kind, v.year, v.magnitude) for v in i.values))
            for i in p.indicators
            if i.origin == "table"
        )

    assert rows(plan) == rows(plain)
    assert len(rows(plain)) == 18
