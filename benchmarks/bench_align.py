"""Benchmark: aligning 100,000 indicator names in one batch, against a per-name rapidfuzz loop.

Run: python benchmarks/bench_align.py [n_names]
The names are variants of real names (the bundled plans' and tests/data/alignment's): numbering,
unit brackets, scope prefixes, traditional characters, and random suffixes, so most are distinct
strings. The per-name baselines call rapidfuzz.process.extractOne against every catalog name and
alias — with its default scorer (WRatio), and with the cheaper fuzz.ratio — timed on a sample
and scaled up.
"""

from __future__ import annotations

import random
import sys
import time
import tomllib
from pathlib import Path

import eduplans
from eduplans._chinese import to_simplified

ROOT = Path(__file__).resolve().parents[1]


def base_names() -> list[str]:
    names = {i.full_name for p in eduplans.load() for i in p.indicators}
    for path in (ROOT / "tests" / "data" / "alignment").glob("*.toml"):
        names |= {e["name"] for e in tomllib.loads(path.read_text("utf-8")).get("name", [])}
    return sorted(names)


def variants(n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    base = base_names()
    prefixes = ["", "", "1.", "(2)", "三、", "全市", "全区", "其中:"]
    suffixes = ["", "", "(%)", "（％）", "(年)", "(人)", "(%"]
    out = []
    for i in range(n):
        name = rng.choice(base)
        if rng.random() < 0.2:
            name = to_simplified(name)
        tag = f"{i % 997}" if rng.random() < 0.5 else ""
        out.append(f"{rng.choice(prefixes)}{name}{tag}{rng.choice(suffixes)}")
    return out


def main() -> None:
    from rapidfuzz import fuzz, process

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    names = variants(n)
    eduplans.align(["预热"])  # build the catalog index once, outside the timing
    t0 = time.perf_counter()
    frame = eduplans.align(names)
    batch = time.perf_counter() - t0
    matched = int(frame["key"].notna().sum())

    choices = [f for e in eduplans.catalog().values() for f in (e.name_zh, *e.aliases)]
    sample = names[:2_000]
    loops = {}
    for label, kwargs in (("extractOne (default WRatio)", {}), ("extractOne (ratio)",
                          {"scorer": fuzz.ratio})):  # fmt: skip
        t0 = time.perf_counter()
        for name in sample:
            process.extractOne(name, choices, **kwargs)
        loops[label] = (time.perf_counter() - t0) * n / len(sample)

    print(
        f"align() on {n:,} names ({len(set(names)):,} distinct): {batch:.2f} s "
        f"({matched:,} matched)"
    )
    for label, seconds in loops.items():
        print(
            f"per-name {label} loop, scaled from {len(sample):,}: {seconds:.2f} s "
            f"-> align is {seconds / batch:.1f}x faster"
        )


if __name__ == "__main__":
    main()
