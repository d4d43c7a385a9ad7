"""Benchmark: how long `import eduplans` and `eduplans.load()` take, cold, in fresh processes.

Run: python benchmarks/bench_load.py [repeats]
Prints the median and the spread over the repeats; a figure to report, not a test.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys

CODE = """
import json, time
t0 = time.perf_counter()
import eduplans
t1 = time.perf_counter()
plans = eduplans.load()
t2 = time.perf_counter()
frame = plans.to_frame()
t3 = time.perf_counter()
eduplans.load()
t4 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "to_frame (imports pandas)": t3 - t2,
                  "load again (cached)": t4 - t3, "values": len(frame)}))
"""


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    runs = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", CODE], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(repeats)
    ]
    print(f"eduplans load benchmark: {repeats} fresh processes, {runs[0]['values']} values")
    for key in ("import", "load", "to_frame (imports pandas)", "load again (cached)"):
        ms = sorted(r[key] * 1000 for r in runs)
        print(
            f"  {key:28s} median {statistics.median(ms):8.2f} ms   min {ms[0]:8.2f}   "
            f"max {ms[-1]:8.2f}"
        )


if __name__ == "__main__":
    main()
