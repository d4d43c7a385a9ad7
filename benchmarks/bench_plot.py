"""Benchmark: how long the figures take to draw, from the bundled plans to a PNG in memory.

Run: python benchmarks/bench_plot.py [repeats]
Prints the median and the spread per figure (first call apart: it loads the font and pandas);
a figure to report, not a test. The value labels of trajectory and targets are fitted with the
renderer (extra layout passes) and coverage refits its headers at every draw; this shows the cost.
"""

from __future__ import annotations

import io
import statistics
import sys
import time

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt

import eduplans
from eduplans import plot

KEY = "preschool_gross_enrolment_rate"


def _draw(name: str, plans: eduplans.Plans) -> None:
    if name == "trajectory":
        ax = plot.trajectory(plans, KEY)
    elif name == "targets":
        ax = plot.targets(plans, KEY)
    else:
        ax = plot.coverage(plans)
    ax.figure.savefig(io.BytesIO(), format="png", dpi=150)
    plt.close(ax.figure)


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    plans = eduplans.load()
    t0 = time.perf_counter()
    _draw("trajectory", plans)
    first = 1e3 * (time.perf_counter() - t0)
    print(f"eduplans plot benchmark: first figure (font, pandas) {first:.0f} ms")
    for name in ("trajectory", "targets", "coverage"):
        times = []
        for _ in range(repeats):
            t = time.perf_counter()
            _draw(name, plans)
            times.append(1e3 * (time.perf_counter() - t))
        print(
            f"  {name:11s} drawn and saved as PNG (150 dpi): "
            f"median {statistics.median(times):5.0f} ms"
            f"  (min {min(times):.0f}, max {max(times):.0f}; {repeats} runs)"
        )


if __name__ == "__main__":
    main()
