"""Benchmark: format readers (HTML, DOCX, PDF), pages per second.

Run: python benchmarks/bench_readers.py [repeats]
Prints, for every fixture of tests/data/readers (real texts as a saved page, a DOCX, PDFs), the
median time of reading it into the document model and of parse_plan on it, with pages per
second (a PDF page; an HTML or DOCX file counts as one page); then the same for the 71.7 KB
洛阳 seed text made into an HTML page and a DOCX in memory (and, when reportlab is installed, a
PDF: `pip install reportlab`), the size of a whole plan. A figure to report, not a test.
"""

from __future__ import annotations

import html
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

import eduplans
from eduplans._parse._readers import read_document

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "readers"
REGION = {"real_01": "某县", "real_02": "浙江省"}


def _median(fn: Callable[[], object], repeats: int) -> float:
    runs = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def _report(label: str, path: Path, repeats: int) -> None:
    region = next((r for k, r in REGION.items() if path.name.startswith(k)), None)
    doc = read_document(path)
    pages = len(doc.pages) or 1
    t_read = _median(lambda: read_document(path), repeats)
    t_parse = _median(
        lambda: eduplans.parse_plan(path, **({"region": region} if region else {})), repeats
    )
    print(
        f"  {label:34s} {path.stat().st_size / 1000:6.1f} KB  {pages:2d} p  "
        f"read {t_read * 1000:7.1f} ms ({pages / t_read:6.1f} pages/s)  "
        f"parse_plan {t_parse * 1000:7.1f} ms  text {len(doc.text):6d} chars"
    )


def _seed_html(text: str) -> bytes:
    body = "\n".join(f"<p>{html.escape(ln)}</p>" for ln in text.split("\n") if ln.strip())
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>plan</title></head><body>"
        "<div class='nav'><a href='/'>首页</a> <a href='/zw'>政务公开</a></div>"
        f"<div class='content'>{body}</div><div class='footer'>版权所有</div></body></html>"
    )
    return page.encode("utf-8")


def _seed_docx(text: str) -> bytes:
    import docx

    d = docx.Document()
    for ln in text.split("\n"):
        if ln.strip():
            d.add_paragraph(ln)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _seed_pdf(text: str) -> bytes | None:
    try:
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.platypus import Paragraph, SimpleDocTemplate
    except ImportError:
        return None
    font = Path(str(files("eduplans").joinpath("data", "fonts", "EduplansSansSC-Regular.ttf")))
    pdfmetrics.registerFont(TTFont("CJK", str(font)))
    style = ParagraphStyle("b", fontName="CJK", fontSize=10.5, leading=16, wordWrap="CJK")
    buf = io.BytesIO()
    story = [Paragraph(html.escape(ln), style) for ln in text.split("\n") if ln.strip()]
    SimpleDocTemplate(buf, pagesize=A4).build(story)
    return buf.getvalue()


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    read_document(DATA / "real_01.html")  # warm-up: imports
    read_document(DATA / "real_01.docx")
    read_document(DATA / "real_01_ruled.pdf")
    print(f"format readers, one process (median of {repeats} runs):")
    for path in sorted(DATA.glob("*")):
        if path.suffix in (".html", ".docx", ".pdf") and path.stem not in (
            "encrypted",
            "no_text_layer",
        ):
            _report(path.name, path, repeats)
    seed = Path(str(files("eduplans").joinpath("data", "sources", "000_a06619f67622513c.txt")))
    text = seed.read_text(encoding="utf-8")
    made = {
        "seed 000 as HTML": ("html", _seed_html(text)),
        "seed 000 as DOCX": ("docx", _seed_docx(text)),
    }
    pdf = _seed_pdf(text)
    if pdf is not None:
        made["seed 000 as PDF"] = ("pdf", pdf)
    else:
        print("  (reportlab not installed: no PDF of the whole seed)")
    with tempfile.TemporaryDirectory() as tmp:
        for label, (suffix, data) in made.items():
            path = Path(tmp) / f"seed.{suffix}"
            path.write_bytes(data)
            _report(label, path, repeats)


if __name__ == "__main__":
    main()
