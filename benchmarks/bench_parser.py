"""Benchmark: parsing speed of eduplans.parse_plan and parse_plans.

Run: python benchmarks/bench_parser.py [n_plans] [workers]
Prints (1) the time to parse each bundled seed text in this process (median of repeats, after a
warm-up that imports cn2an), and (2) the wall time of parse_plans on n_plans copies (default
1000) of the 70 KB 洛阳 plan text with `workers` processes (default 2), cold pool included.
A figure to report, not a test.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from importlib.resources import files
from pathlib import Path

import eduplans


def main() -> None:
    n_plans = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    sources = Path(str(files("eduplans").joinpath("data", "sources")))
    seeds = sorted(sources.glob("*.txt"))
    eduplans.parse_plan(seeds[0])  # warm-up: imports, compiled patterns
    print("parse_plan, one process (median of 20 runs):")
    for path in seeds:
        runs = []
        for _ in range(20):
            t0 = time.perf_counter()
            plan = eduplans.parse_plan(path)
            runs.append(time.perf_counter() - t0)
        size = path.stat().st_size
        print(
            f"  {path.name}  {size / 1000:5.1f} KB  {statistics.median(runs) * 1000:6.1f} ms"
            f"  (max {max(runs) * 1000:.1f} ms)  {len(plan.baselines) + len(plan.targets)} values"
        )
    big = max(seeds, key=lambda p: p.stat().st_size)
    with tempfile.TemporaryDirectory() as tmp:
        data = big.read_bytes()
        paths = []
        for i in range(n_plans):
            p = Path(tmp) / f"plan_{i:05d}.txt"
            p.write_bytes(data)
            paths.append(p)
        t0 = time.perf_counter()
        results = eduplans.parse_plans(paths, workers=workers, chunksize=8)
        wall = time.perf_counter() - t0
    ok = sum(isinstance(r, eduplans.Plan) for r in results)
    print(
        f"parse_plans: {n_plans} copies of {big.name} ({len(data) / 1000:.1f} KB) with "
        f"{workers} workers: {wall:.1f} s wall ({wall / n_plans * 1000:.1f} ms per plan), "
        f"{ok} parsed"
    )


if __name__ == "__main__":
    main()
