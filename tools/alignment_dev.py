"""Score alignment on the development sets only (never the held-out or validation sets).

Run: python tools/alignment_dev.py [set ...]

The same pairwise precision, recall and F1 as ``benchmarks/alignment_quality.py``, on the sets an
engineer may tune on: the benchmark also prints the held-out rows, which a session that changes
the rules should not watch. Refuses held-out and validation sets.
"""

from __future__ import annotations

import sys
from pathlib import Path

from _sets import ALIGNMENT_REFUSED as REFUSED

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import alignment_quality as aq

#: Sets an engineer may read and tune on.
DEVELOPMENT = (
    "dev",
    "dev2",
    "dev3",
    "dev4",
    "bundled",
    "all",
    "real1",
    "real2",
    "real3",
    "real5",
    "real7",
    "real8",
)


def main() -> None:
    for which in sys.argv[1:] or DEVELOPMENT:
        if which in REFUSED or which not in DEVELOPMENT:
            raise SystemExit(f"{which} is not a development set")
        m = aq.measure(which)
        by_page = aq.measure(which, pages=True)  # names passed with their page as document
        print(
            f"{which:8s} {m['names']:5d} {m['true_pairs']:6d} {m['precision']:7.3f} "
            f"{m['recall']:7.3f} {m['f1']:7.3f}   by page {by_page['precision']:.3f}/"
            f"{by_page['recall']:.3f}/{by_page['f1']:.3f}"
        )


if __name__ == "__main__":
    main()
