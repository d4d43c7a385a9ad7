"""Benchmark: parse_plan's worst-case cost per KB on adversarial inputs, next to the bundled texts.

Run: python benchmarks/bench_adversarial.py [max_kb] [--timeout S]
Builds each adversarial text (repeated patterns that once made the parser exponential or
quadratic: issue 10, defects 1 and 2) at sizes 4, 16, 64 … KB up to ``max_kb`` (default 64;
1024 for the 1 MB figures of docs/benchmarks.md), parses it once in this process and prints the
time per KB. The reference is the median time per KB of the five bundled plan texts (median of
5 runs each). The goal is a ratio of at most 2 at any size: the parser's cost is linear.
A run slower than ``--timeout`` seconds (default 60) is stopped and printed as such (the parse
runs in a child process so that a hang cannot stall the run).
A figure to report, not a test.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import time
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

import eduplans

SOURCES = Path(str(files("eduplans").joinpath("data", "sources")))
LUOYANG = max(sorted(SOURCES.glob("*.txt")), key=lambda p: p.stat().st_size)
HEAD = "某某县“十四五”教育事业发展规划\n"


def _repeat(unit: str, kb: int, head: str = HEAD) -> str:
    """``head`` then ``unit`` repeated to ``kb`` KB of UTF-8."""
    size = kb * 1000 - len(head.encode())
    n = max(1, size // len(unit.encode()))
    return head + unit * n


def _luoyang_with(unit: str, kb: int) -> str:
    """The 洛阳 text with one line of ``unit`` repeated (``kb`` KB in all) in its middle."""
    text = LUOYANG.read_text(encoding="utf-8")
    half = text.index("\n", len(text) // 2)
    n = max(1, (kb * 1000 - len(text.encode())) // len(unit.encode()))
    return text[:half] + "\n" + unit * n + text[half:]


def _names(kb: int) -> str:
    """Values with distinct names in one clause (甲乙…), in full-width digits."""
    chars = "甲乙丙丁戊己庚辛壬癸"
    units = [f"学校{a}{b}新建３所" for a in chars for b in chars]
    return _repeat("".join(units), kb)


#: name -> builder(kb) of the adversarial text
CASES: dict[str, Callable[[int], str]] = {
    # defect 1: 保持在 / 已有 read two ways by the verb-ending pattern (exponential)
    "verb_run": lambda kb: _repeat("学前三年毛入园率" + "保持在" * 24 + "甲95%。\n", kb),
    "verb_run_long": lambda kb: _repeat("学前三年毛入园率" + "已有" * 400 + "甲95%,", kb),
    # defect 2: one sentence of repeated values (clause rescans, value-overlap scans)
    "range_run": lambda kb: _repeat("3—5所", kb),
    "range_run_fw": lambda kb: _repeat("３—５所", kb),
    "name_run_fw": _names,
    "percent_run": lambda kb: _repeat("毛入园率达到95%以上、", kb),
    "year_run": lambda kb: _repeat("到2025年新建1所", kb),
    "quote_run": lambda kb: _repeat("《规划》新建1所", kb),
    "cn_value_run": lambda kb: _repeat("至少配备一名", kb),
    "all_run": lambda kb: _repeat("各县均实现全覆盖、", kb),
    "per_unit_run": lambda kb: _repeat("每所学校累计配备2名教师、", kb),
    # conflicts: one key and year stated with many numbers (pairwise comparison)
    "conflict_run": lambda kb: _repeat(
        "".join(f"学前三年毛入园率达到{90 + k % 10}.{k % 7}%。\n" for k in range(70)), kb
    ),
    # per-line and per-header scans: chrome lines, headings, table headers
    "chrome_lines": lambda kb: _repeat("版权所有\n到2025年新建1所。\n", kb),
    "heading_lines": lambda kb: _repeat("(一)目标\n到2025年新建1所。\n", kb),
    "table_headers": lambda kb: _repeat("指标\n2020年\n2025年\n毛入园率(%)\n90\n95\n", kb),
    "row_headers": lambda kb: _repeat("指标 2020年 2025年\n毛入园率(%) 90 95\n\n", kb),
    # defect 2: a line of "95%以上" inserted into the 70 KB 洛阳 text (bigger sizes only)
    "luoyang_line": lambda kb: _luoyang_with("95%以上", kb),
}


def _parse(text: str) -> tuple[float, int]:
    """Seconds to parse ``text``, and the number of values found."""
    t0 = time.perf_counter()
    try:
        plan = eduplans.parse_plan(text, region="某某县")
        n = len(plan.baselines) + len(plan.targets)
    except eduplans.EduplansError:
        n = 0
    return time.perf_counter() - t0, n


def _child(text: str, queue: mp.Queue[tuple[float, int]]) -> None:
    queue.put(_parse(text))


def _timed(text: str, timeout: float) -> tuple[float, int] | None:
    ctx = mp.get_context("fork")
    queue: mp.Queue[tuple[float, int]] = ctx.Queue()
    proc = ctx.Process(target=_child, args=(text, queue))
    proc.start()
    proc.join(timeout)
    if proc.is_alive():
        proc.kill()
        proc.join()
        return None
    return queue.get()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("max_kb", nargs="?", type=int, default=64)
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--case", action="append", help="run only these cases")
    args = ap.parse_args()
    bundled = []
    per_value = []
    eduplans.parse_plan(LUOYANG)  # warm-up: imports, compiled patterns, the catalog
    print("bundled texts (median of 5 runs):")
    for path in sorted(SOURCES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        kb = len(text.encode()) / 1000
        runs = [_parse(text) for _ in range(5)]
        ms = statistics.median(t for t, _ in runs) * 1000
        n = runs[0][1]
        bundled.append(ms / kb)
        per_value.append(ms / n)
        print(f"  {path.name:28s} {kb:7.1f} KB {ms:8.1f} ms {ms / kb:6.2f} ms/KB {n:5d} values")
    ref = statistics.median(bundled)
    print(
        f"reference: {ref:.2f} ms/KB, {statistics.median(per_value):.3f} ms per value found "
        "(medians of the bundled texts)"
    )
    print("adversarial texts: ms/KB (x the reference), one run each; last column: ms per value")
    sizes = [kb for kb in (4, 16, 64, 256, 1024) if kb <= args.max_kb] or [args.max_kb]
    print(f"{'case':16s} " + " ".join(f"{str(kb) + ' KB':>16s}" for kb in sizes) + "  ms/value")
    worst = 0.0
    for name, build in CASES.items():
        if args.case and name not in args.case:
            continue
        cells = []
        last = ""
        for kb in sizes:
            text = build(kb)
            real_kb = len(text.encode()) / 1000
            got = _timed(text, args.timeout)
            if got is None:
                cells.append(f">{args.timeout:.0f} s (stopped)")
                worst = float("inf")
                break
            took, n = got
            per_kb = took * 1000 / real_kb
            worst = max(worst, per_kb / ref)
            cells.append(f"{per_kb:6.2f} ({per_kb / ref:4.1f}x)")
            last = f"{took * 1000 / n:8.3f}" if n else "       -"
        print(f"{name:16s} " + " ".join(f"{c:>16s}" for c in cells) + "  " + last, flush=True)
    print(f"worst case: {worst:.1f}x the bundled texts' cost per KB (goal <= 2x)")


if __name__ == "__main__":
    main()
