"""Make the format fixtures of tests/test_readers.py from real texts.

    python tools/make_reader_fixtures.py          # writes tests/data/readers/*.html|docx|pdf
    python tools/make_reader_fixtures.py real_01_two_rows.docx   # only the files named

Each fixture is made from a real published text copied into tests/data/readers/ (two pages of
../shared/realtexts and an excerpt of the bundled 洛阳 seed, lines 1–7, 128–214 and 294): its
lines become paragraphs and its indicator table becomes a real table of the format, cell by cell
as the text has them (a cell that the text shows on several lines is one cell with several
paragraphs). Then:

- HTML: a saved government page with site chrome around the article (header, navigation,
  breadcrumb, a date/source line, a sidebar of links, a footer), the table as a ``<table>``
  with ``rowspan`` and ``colspan``;
- DOCX (python-docx): paragraphs and a Word table, merged cells with gridSpan and vMerge;
- PDF (reportlab, the bundled CJK font embedded): real_01 with a ruled table whose long names
  wrap inside their cells; real_02 with an unruled table (columns set by position, no lines).

Variants with the header over two rows: real_01 headed 指 标 | 基期 | 目标 | 属性 above
2020年 | 2025年 (DOCX, and a ruled PDF whose table goes on over a page break with its header
repeated), real_02 headed 指 标 | 单位 | 发展目标 (a group label over two columns) above
2015年 | 2020年 (a GBK HTML page, DOCX). real_02's unruled table broken over two pages, with
and without its header repeated.

python-docx and reportlab are needed to run this script (``pip install python-docx reportlab``);
the tests only read the committed files, so CI needs neither reportlab nor this script.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "data" / "readers"
FONT = ROOT / "src" / "eduplans" / "data" / "fonts" / "EduplansSansSC-Regular.ttf"


@dataclass
class C:
    """A cell: its paragraphs and spans."""

    paras: list[str]
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Doc:
    title: str
    blocks: list[tuple[str, object]] = field(default_factory=list)  # ("p", str) | ("t", rows)
    header_rows: int = 1


def _is_value(t: str) -> bool:
    return bool(re.match(r"^(?:[≥≤<>]\s*)?\d", t))


def real_01() -> Doc:
    lines = (OUT / "real_01_weizhi-quxian.txt").read_text(encoding="utf-8").split("\n")
    start = next(i for i, ln in enumerate(lines) if "主要指标表" in ln)
    doc = Doc(title="")
    for ln in lines[: start + 1]:
        if ln.strip():
            doc.blocks.append(("p", ln.strip()))
    cells = [b.strip() for b in "\n".join(lines[start + 1 :]).split("\n\n")]
    cells = [c for c in cells if c != ""]
    # header: 指 标 / 2020年 / 2025年 / 属性
    rows: list[list[C]] = [[C([c]) for c in cells[:4]]]
    i = 4
    while i < len(cells):
        c = cells[i]
        if re.match(r"^[一二三四五六七八九十]+、", c):
            rows.append([C([c]), C([""], colspan=3)])
            i += 1
            if i < len(cells) and not cells[i].strip():
                i += 1
            continue
        if not c.strip():
            i += 1
            continue
        name = [c]
        i += 1
        while i < len(cells) and not _is_value(cells[i]) and not cells[i].endswith("性"):
            name.append(cells[i])
            i += 1
        values = []
        while i < len(cells) and _is_value(cells[i]):
            values.append(cells[i])
            i += 1
        binding = cells[i] if i < len(cells) and cells[i].endswith("性") else ""
        if binding:
            i += 1
        half = len(values) // 2
        rows.append([C(name), C(values[:half]), C(values[half:]), C([binding])])
    doc.blocks.append(("t", rows))
    return doc


def real_02(*, stage_rows: bool = False) -> Doc:
    lines = (OUT / "real_02_zhejiang.txt").read_text(encoding="utf-8").split("\n")
    doc = Doc(title="")
    head = next(i for i, ln in enumerate(lines) if ln.strip() == "指 标")
    end = next(i for i in range(head, len(lines)) if not lines[i].strip())
    for ln in lines[:head]:
        if ln.strip():
            doc.blocks.append(("p", ln.strip()))
    # the header cell 指 标 spans the stage column and the name column; or, as the text has
    # it, stage rows (学前教育) above their indicators
    first = C(["指 标"]) if stage_rows else C(["指 标"], colspan=2)
    rows: list[list[C]] = [[first, *(C([t]) for t in lines[head + 1].split())]]
    groups: list[tuple[str, list[list[C]]]] = []
    for ln in lines[head + 2 : end]:
        parts = ln.split()
        if len(parts) == 1:  # a stage row (学前教育): the stage column, merged over its rows
            groups.append((parts[0], []))
            continue
        groups[-1][1].append([C([" ".join(parts[:-3])]), *(C([t]) for t in parts[-3:])])
    for stage, body in groups:
        if stage_rows:
            rows += [[C([stage]), C([""]), C([""]), C([""])], *body]
            continue
        rows.append([C([stage], rowspan=len(body)), *body[0]])
        rows += body[1:]
    doc.blocks.append(("t", rows))
    for ln in lines[end:]:
        if ln.strip():
            doc.blocks.append(("p", ln.strip()))
    return doc


def hainan_cells() -> Doc:
    """blind14/01 (海南 十三五) up to its table 1, whose cells hold several lines each.

    The cells are the page's own, split at its ``|`` lines; each line of a cell is a paragraph
    of the table's cell (学前教育 / 幼儿在园人数 / 学前三年毛入园率, 万人 / %, 24.0 / 60 …).
    """
    text = (
        ROOT / "tests" / "data" / "realtexts_blind14" / "real_01_hainan-shisanwu.txt"
    ).read_text(encoding="utf-8")
    at = text.index("表1 ")
    doc = Doc(title="")
    for ln in text[:at].split("\n"):
        if ln.strip():
            doc.blocks.append(("p", ln.strip()))
    caption, table = text[at:].split("\n", 1)
    doc.blocks.append(("p", caption))
    cells = [c.strip("\n") for c in table.split("\n|\n")]
    rows = [cells[k : k + 5] for k in range(0, len(cells), 5)]
    doc.blocks.append(("t", [[C(c.split("\n")) for c in r] for r in rows if len(r) == 5]))
    return doc


def two_row_header(doc: Doc, top: list[C], below: list[C]) -> Doc:
    """The same table with its header over two rows (``top`` replaces the header row)."""
    blocks: list[tuple[str, object]] = []
    for kind, b in doc.blocks:
        if kind == "t":
            rows: list[list[C]] = b  # type: ignore[assignment]
            b = [top, below, *rows[1:]]
        blocks.append((kind, b))
    return Doc(title=doc.title, blocks=blocks, header_rows=2)


def real_01_two_rows() -> Doc:
    """real_01 headed 指 标 | 基期 | 目标 | 属性 over 2020年 | 2025年 (指 标, 属性 over both)."""
    top = [C(["指 标"], rowspan=2), C(["基期"]), C(["目标"]), C(["属性"], rowspan=2)]
    return two_row_header(real_01(), top, [C(["2020年"]), C(["2025年"])])


def real_02_group_header() -> Doc:
    """real_02 headed 指 标 | 单位 | 发展目标 (over two columns) above 2015年 | 2020年."""
    top = [C(["指 标"], rowspan=2, colspan=2), C(["单位"], rowspan=2), C(["发展目标"], colspan=2)]
    return two_row_header(real_02(), top, [C(["2015年"]), C(["2020年"])])


def luoyang() -> Doc:
    text = (OUT / "luoyang_excerpt.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    doc = Doc(title="")
    head = next(i for i, ln in enumerate(lines) if ln.strip() == "序号")
    for ln in lines[:head]:
        if ln.strip():
            doc.blocks.append(("p", ln.strip()))
    tail = next(i for i, ln in enumerate(lines) if ln.strip().startswith("第三章"))
    cells = [b.strip() for b in "\n".join(lines[head:tail]).split("\n\n") if b.strip()]
    # header: 序号 / 主要指标 / 2020 / 2025 / 指标 类型 (one cell on two lines)
    rows: list[list[C]] = [[C([cells[0]]), C([cells[1]]), C([cells[2]]), C([cells[3]])]]
    rows[0].append(C([cells[4], cells[5]]))
    i = 6
    while i < len(cells):
        no, name = cells[i], cells[i + 1]
        i += 2
        values = []
        while i < len(cells) and _is_value(cells[i]) and not re.fullmatch(r"\d", cells[i]):
            values.append(cells[i])
            i += 1
        binding = cells[i]
        i += 1
        if len(values) == 1:  # the curated reading: the one value is the 2025 target
            values = ["", values[0]]
        rows.append([C([no]), C([name]), C([values[0]]), C([values[1]]), C([binding])])
    doc.blocks.append(("t", rows))
    for ln in lines[tail:]:
        if ln.strip():
            doc.blocks.append(("p", ln.strip()))
    return doc


# --- HTML --------------------------------------------------------------------------------------

_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title}_政策文件_教育局</title>
<style>body {{ font-family: sans-serif; }} .nav li {{ display: inline; }}</style>
<script type="text/javascript">var _hmt = _hmt || []; document.write("统计代码");</script>
</head>
<body>
<div class="top">
  <div class="top-left">欢迎访问教育局网站</div>
  <div class="top-right"><a href="/">设为首页</a> | <a href="/fav">加入收藏</a> | 无障碍浏览</div>
</div>
<div class="header"><img src="logo.png" alt="教育局"><form class="search"><input type="text"
  name="q" value="请输入关键字"><button>搜索</button></form></div>
<ul class="nav">
  <li><a href="/">首页</a></li><li><a href="/gk">政务公开</a></li><li><a href="/news">教育新闻</a>
  </li><li><a href="/zcwj">政策文件</a></li><li><a href="/bs">办事服务</a></li>
  <li><a href="/hd">互动交流</a></li>
</ul>
<div class="main">
  <div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zcwj">政策文件</a>
  &gt; 正文</div>
  <div class="left-side">
    <h3>相关文章</h3>
    <ul><li><a href="/a/1.html">关于做好2021年普通高校招生工作的通知</a></li>
    <li><a href="/a/2.html">全市教育系统安全生产工作会议召开</a></li>
    <li><a href="/a/3.html">关于公布第二批市级示范性家长学校名单的通知</a></li></ul>
  </div>
  <div class="article">
    <h1 class="article-title">{title}</h1>
    <div class="info">发布时间：2021-12-08 09:30 来源：市教育局 浏览次数：<span>1024</span></div>
    <div class="share">分享到：<a href="#">微信</a><a href="#">微博</a></div>
    <div class="TRS_Editor" id="zoom">
{body}
    </div>
    <div class="print"><a href="javascript:window.print()">【打印本页】</a>
    <a href="javascript:window.close()">【关闭窗口】</a></div>
  </div>
</div>
<div class="footer">
  <p>主办单位：教育局 地址：人民路1号 邮编：100000</p>
  <p>版权所有 © 教育局 ICP备05012345号 网站标识码：1234000001</p>
</div>
</body>
</html>
"""


def _html_table(rows: list[list[C]]) -> str:
    out = ['<table border="1" cellspacing="0" cellpadding="4" style="width:100%">', "<tbody>"]
    for r, row in enumerate(rows):
        tds = []
        for c in row:
            attrs = ""
            if c.rowspan > 1:
                attrs += f' rowspan="{c.rowspan}"'
            if c.colspan > 1:
                attrs += f' colspan="{c.colspan}"'
            tag = "th" if r == 0 else "td"
            inner = "<br>".join(html.escape(p) for p in c.paras) if any(c.paras) else "&nbsp;"
            tds.append(f"<{tag}{attrs}>{inner}</{tag}>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


def make_html(doc: Doc, path: Path, *, charset: str = "utf-8") -> None:
    title = next(b for k, b in doc.blocks if k == "p")
    body = []
    for kind, b in doc.blocks:
        if kind == "p":
            body.append(f'<p style="text-indent:2em;">{html.escape(str(b))}</p>')
        else:
            body.append(_html_table(b))  # type: ignore[arg-type]
    page = _PAGE.format(title=html.escape(str(title)), body="\n".join(body), charset=charset)
    encoding = "gb18030" if charset.lower() in ("gbk", "gb2312") else charset
    path.write_bytes(page.encode(encoding))


# --- DOCX --------------------------------------------------------------------------------------


def make_docx(doc: Doc, path: Path) -> None:
    import docx
    from docx.oxml.ns import qn

    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = "SimSun"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    for kind, b in doc.blocks:
        if kind == "p":
            d.add_paragraph(str(b))
            continue
        rows: list[list[C]] = b  # type: ignore[assignment]
        ncols = max(sum(c.colspan for c in row) for row in rows[:2])
        table = d.add_table(rows=len(rows), cols=ncols)
        table.style = "Table Grid"
        taken: set[tuple[int, int]] = set()
        for r, row in enumerate(rows):
            k = 0
            for c in row:
                while (r, k) in taken:
                    k += 1
                cell = table.cell(r, k)
                end = table.cell(r + c.rowspan - 1, k + c.colspan - 1)
                if end is not cell and (c.rowspan > 1 or c.colspan > 1):
                    cell = cell.merge(end)
                cell.text = ""
                first = cell.paragraphs[0]
                first.text = c.paras[0] if c.paras else ""
                for p in c.paras[1:]:
                    cell.add_paragraph(p)
                for i in range(r, r + c.rowspan):
                    for j in range(k, k + c.colspan):
                        taken.add((i, j))
                k += c.colspan
    d.core_properties.author = "eduplans fixture"
    d.save(str(path))


# --- PDF ---------------------------------------------------------------------------------------


def make_pdf(doc: Doc, path: Path, *, ruled: bool, widths: list[float], push: float = 0) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(TTFont("CJK", str(FONT)))
    body = ParagraphStyle(
        "body", fontName="CJK", fontSize=10.5, leading=16, firstLineIndent=21, wordWrap="CJK"
    )
    cell = ParagraphStyle("cell", fontName="CJK", fontSize=9, leading=12, wordWrap="CJK")
    story: list[object] = []
    for kind, b in doc.blocks:
        if kind == "p":
            story.append(Paragraph(html.escape(str(b)), body))
            continue
        rows: list[list[C]] = b  # type: ignore[assignment]
        ncols = max(sum(c.colspan for c in row) for row in rows[:2])
        data = [["" for _ in range(ncols)] for _ in rows]
        spans: list[tuple[int, int, int, int]] = []
        taken: set[tuple[int, int]] = set()
        for r, row in enumerate(rows):
            k = 0
            for c in row:
                while (r, k) in taken:
                    k += 1
                text = "<br/>".join(html.escape(p) for p in c.paras if p)
                data[r][k] = Paragraph(text, cell) if text else ""  # type: ignore[call-overload]
                if c.rowspan > 1 or c.colspan > 1:
                    spans.append((k, r, k + c.colspan - 1, r + c.rowspan - 1))
                for i in range(r, r + c.rowspan):
                    for j in range(k, k + c.colspan):
                        taken.add((i, j))
                k += c.colspan
        t = Table(data, colWidths=[w * mm for w in widths[:ncols]], repeatRows=doc.header_rows)
        style = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("FONTNAME", (0, 0), (-1, -1), "CJK")]
        if ruled:
            style.append(("GRID", (0, 0), (-1, -1), 0.6, colors.black))
        style += [("SPAN", (a, b_), (c_, d_)) for a, b_, c_, d_ in spans]
        t.setStyle(TableStyle(style))
        story += [Spacer(1, 4 + push * mm), t, Spacer(1, 4)]

    def page_number(canvas: object, document: object) -> None:
        canvas.setFont("CJK", 9)  # type: ignore[attr-defined]
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"- {document.page} -")  # type: ignore[attr-defined]

    SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=25 * mm,
        rightMargin=25 * mm,
        topMargin=25 * mm,
        bottomMargin=25 * mm,
        title="fixture",
        author="eduplans",
        invariant=1,
    ).build(story, onFirstPage=page_number, onLaterPages=page_number)


def expected_cells(doc: Doc) -> list[dict[str, str]]:
    """The table's single-value cells under a year header, with their row's name: what every
    format must read (kept apart from the parser: taken from the cells the fixture was made of).
    A header over two rows gives each column the texts of both.
    """
    rows: list[list[C]] = next(b for k, b in doc.blocks if k == "t")  # type: ignore[assignment]
    width = sum(c.colspan for c in rows[0])
    header: list[str] = [""] * width
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(rows[: doc.header_rows]):
        k = 0
        for c in row:
            while (r, k) in taken:
                k += 1
            for i in range(r, r + c.rowspan):
                for j in range(k, k + c.colspan):
                    taken.add((i, j))
                    if i == r:
                        header[j] = (header[j] + " " + " ".join(c.paras)).strip()
            k += c.colspan
    name_col = max(k for k, h in enumerate(header) if re.sub(r"\s+", "", h).endswith("指标"))
    out = []
    for r, row in enumerate(rows[doc.header_rows :], start=doc.header_rows):
        padded: list[C | None] = [None] * (len(header) - len(row)) + list(row)  # under a merge
        name_cell = padded[name_col]
        if name_cell is None or len(name_cell.paras) != 1:
            continue  # a stacked 其中 row: several names and values in one cell
        for k, (head, c) in enumerate(zip(header, padded, strict=True)):
            year = re.search(r"\d{4}年?", head)
            if c is not None and year and len(c.paras) == 1 and _is_value(c.paras[0]):
                entry = {"row": r, "name": name_cell.paras[0], "header": year.group(0)}
                if doc.header_rows > 1:
                    entry["col"] = k
                out.append({**entry, "text": c.paras[0]})
    return out


def make_bad_pdfs() -> None:
    """Scan-like PDFs (a page with only a drawing, no text) and a password-protected one."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(str(OUT / "no_text_layer.pdf"), pagesize=A4, invariant=1)
    c.rect(100, 400, 300, 200, fill=1)  # stands for the scanned image of a page
    c.showPage()
    c.save()
    pdfmetrics.registerFont(TTFont("CJK", str(FONT)))
    c = Canvas(str(OUT / "partly_scanned.pdf"), pagesize=A4, invariant=1)
    c.setFont("CJK", 12)
    c.drawString(100, 760, "某某县“十四五”教育事业发展规划")
    c.drawString(100, 700, "到2025年,学前三年毛入园率达到95%以上。")
    c.showPage()
    c.rect(100, 400, 300, 200, fill=1)  # page 2: an image of a page, no text
    c.showPage()
    c.save()
    c = Canvas(
        str(OUT / "encrypted.pdf"),
        pagesize=A4,
        invariant=1,
        encrypt=StandardEncryption("secret", canPrint=0),
    )
    c.setFont("CJK", 12)
    c.drawString(100, 700, "到2025年,学前三年毛入园率达到95%以上。")
    c.showPage()
    c.save()


def main() -> None:
    import sys

    only = set(sys.argv[1:])  # file names to write (all by default)

    def wanted(name: str) -> bool:
        return not only or name in only

    docs = {
        "real_01": real_01(),
        "real_02": real_02(),
        "real_02_stages": real_02(stage_rows=True),
        "luoyang": luoyang(),
        "real_01_two_rows": real_01_two_rows(),
        "real_02_group_header": real_02_group_header(),
    }
    expected = {key: expected_cells(d) for key, d in docs.items()}
    (OUT / "expected_cells.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    if wanted("real_01.html"):
        make_html(docs["real_01"], OUT / "real_01.html")
    if wanted("real_02.html"):
        make_html(docs["real_02"], OUT / "real_02.html", charset="gbk")
    if wanted("luoyang.html"):
        make_html(docs["luoyang"], OUT / "luoyang.html")
    # a GBK page with a <meta http-equiv> charset and a header whose group label spans columns
    if wanted("real_02_group_header.html"):
        make_html(docs["real_02_group_header"], OUT / "real_02_group_header.html", charset="gbk")
    for key in ("real_01", "real_02", "luoyang", "real_01_two_rows", "real_02_group_header"):
        if wanted(f"{key}.docx"):
            make_docx(docs[key], OUT / f"{key}.docx")
    if wanted("real_01_ruled.pdf"):
        make_pdf(docs["real_01"], OUT / "real_01_ruled.pdf", ruled=True, widths=[48, 30, 30, 24])
    if wanted("real_02_unruled.pdf"):
        make_pdf(
            docs["real_02_stages"],
            OUT / "real_02_unruled.pdf",
            ruled=False,
            widths=[60, 25, 25, 25],
        )
    if wanted("luoyang_ruled.pdf"):
        make_pdf(
            docs["luoyang"], OUT / "luoyang_ruled.pdf", ruled=True, widths=[12, 70, 20, 20, 24]
        )
    # the two-row header repeated on the next page, where the table goes on
    if wanted("real_01_two_rows_split.pdf"):
        make_pdf(
            docs["real_01_two_rows"],
            OUT / "real_01_two_rows_split.pdf",
            ruled=True,
            widths=[48, 30, 30, 24],
            push=95,
        )
    # real_02's unruled table broken over two pages: the stage row 职业教育 left at the foot of
    # page 1, no header on page 2; and, with the header repeated, 巩固率 at the top of page 2
    # under its stage row 九年义务教育 on page 1
    if wanted("real_02_unruled_split.pdf"):
        stages = real_02(stage_rows=True)
        stages.header_rows = 0
        make_pdf(
            stages,
            OUT / "real_02_unruled_split.pdf",
            ruled=False,
            widths=[60, 25, 25, 25],
            push=150,
        )
    if wanted("real_02_unruled_split_header.pdf"):
        make_pdf(
            docs["real_02_stages"],
            OUT / "real_02_unruled_split_header.pdf",
            ruled=False,
            widths=[60, 25, 25, 25],
            push=185,
        )
    # blind14/01's table of cells holding several lines (session 6), ruled, as a published PDF
    if wanted("hainan_cells_ruled.pdf"):
        make_pdf(
            hainan_cells(), OUT / "hainan_cells_ruled.pdf", ruled=True, widths=[40, 16, 24, 24, 24]
        )
    if wanted("bad"):
        make_bad_pdfs()
    for p in sorted(OUT.glob("*.*")):
        print(f"{p.name:28s} {p.stat().st_size:7d} bytes")


if __name__ == "__main__":
    main()
