"""Benchmark: what the region table costs: import, first lookup, lookups, recognition per text.

Run: python benchmarks/bench_regions.py [repeats]
Cold figures are medians over fresh processes; a figure to report, not a test.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

COLD = """
import json, time
t0 = time.perf_counter()
import eduplans
t1 = time.perf_counter()
eduplans.regions.lookup("410825")
t2 = time.perf_counter()
eduplans.regions.lookup("温县")
t3 = time.perf_counter()
eduplans.load()
t4 = time.perf_counter()
print(json.dumps({"import eduplans": t1 - t0, "first lookup by code (reads the table)": t2 - t1,
                  "first lookup by name (builds the index)": t3 - t2,
                  "load() after it": t4 - t3}))
"""


def texts() -> list[str]:
    found = sorted((ROOT / "src" / "eduplans" / "data" / "sources").glob("*.txt"))
    found += sorted((ROOT / "tests" / "data").glob("parser*/*.txt"))
    from eduplans._parse._decode import read_source

    return [read_source(p).text for p in found]


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    runs = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", COLD], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(repeats)
    ]
    import eduplans
    from eduplans._parse._doc import Doc
    from eduplans._parse._region import find_region

    print(
        f"eduplans region benchmark: {len(eduplans.regions)} divisions, {repeats} fresh processes"
    )
    for key in runs[0]:
        ms = sorted(r[key] * 1000 for r in runs)
        print(f"  {key:42s} median {statistics.median(ms):8.2f} ms   max {ms[-1]:8.2f}")
    keys = ["410825", 410825, "温县", "宁夏", "Jiaozuo", "从化市", "延边州", "鎮江市"]
    n = 20000
    t0 = time.perf_counter()
    for i in range(n):
        eduplans.regions.lookup(keys[i % len(keys)])
    per = (time.perf_counter() - t0) / n * 1e6
    print(f"  {'lookup, warm (mixed keys)':42s} {per:8.2f} µs each")
    t0 = time.perf_counter()
    for _ in range(20):
        eduplans.regions.search("鼓楼")
    print(f"  {'search(鼓楼), whole table':42s} {(time.perf_counter() - t0) / 20 * 1000:8.2f} ms")
    docs = [Doc(t) for t in texts()]
    find_region(docs[0])  # the scan index is built once
    t0 = time.perf_counter()
    for doc in docs:
        find_region(doc)
    per = (time.perf_counter() - t0) / len(docs) * 1000
    chars = sum(len(d.text) for d in docs) / len(docs)
    print(
        f"  {'find_region per text':42s} {per:8.2f} ms ({len(docs)} texts, {chars:.0f} chars avg)"
    )


if __name__ == "__main__":
    main()
