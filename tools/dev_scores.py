"""Score the parser on every development set of real pages, and on all of them together.

    python tools/dev_scores.py --score ../shared/realtexts/score.py
    python tools/dev_scores.py --score ../shared/realtexts/score.py --modes   # the mode oracle

Each set is scored by the graders' ``score.py`` exactly as a user calls the parser (its summary
line per set, then the total over all sets: the figure session 6 kept a fix by). The held-out and
validation sets (tools/_sets.py) are refused: they are scored by the lead, once.

``--modes`` parses every page of every set four times: as the rules read it and with its prose
mode forced to plan, mixed and report; it prints the labels found each way and by the best mode
per page (an upper bound on what a better choice of mode could give, docs/parser.md).
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from _sets import PARSER_DEV as DEV
from _sets import PARSER_REFUSED as REFUSED

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
SUMMARY = re.compile(r"\((\d+)/(\d+)\), precision [\d.]+ \((\d+)/(\d+)\)")


def _sets(score: Path) -> list[tuple[str, Path, Path]]:
    assert not REFUSED & set(DEV), "a held-out set among the development sets"
    shared = score.parent
    out = [("shared", shared, shared / "labels.csv")]
    for n in DEV:
        folder = DATA / f"realtexts_blind{n}"
        out.append((f"blind{n}", folder, folder / "labels.csv"))
    return out


def _summaries(score: Path) -> None:
    found = wanted = right = rows = 0
    for name, texts, labels in _sets(score):
        run = subprocess.run(
            [sys.executable, str(score), "--texts", str(texts), "--labels", str(labels)],
            capture_output=True,
            text=True,
            check=True,
        )
        line = run.stdout.strip().splitlines()[-1]
        print(f"{name:8s} {line}")
        m = SUMMARY.search(line)
        if m:
            a, b, c, d = map(int, m.groups())
            found, wanted, right, rows = found + a, wanted + b, right + c, rows + d
    print(
        f"TOTAL    recall {found / wanted:.3f} ({found}/{wanted}), "
        f"precision {right / rows:.3f} ({right}/{rows})"
    )


def _load(score: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", score)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _modes(score: Path) -> None:
    import eduplans
    import eduplans._parse as parse

    s = _load(score)
    rule = parse._mode
    forced: list[str | None] = [None]

    def mode(meta: object, work: str, *, dated: bool) -> str:
        return forced[0] or rule(meta, work, dated=dated)  # type: ignore[arg-type]

    parse._mode = mode  # type: ignore[assignment]
    totals = dict.fromkeys(("rules", "plan", "mixed", "report", "best"), 0)
    for _name, texts, labels_csv in _sets(score):
        labels = list(csv.DictReader(labels_csv.open(encoding="utf-8")))
        for path in sorted(texts.glob("*_*.txt")):
            key = path.name.split("_")[1]
            mine = [g for g in labels if g["file"] == key and g["year"]]
            hits = {}
            for m in (None, "plan", "mixed", "report"):
                forced[0] = m
                try:
                    got = eduplans.parse_plan(path).to_frame().to_dict("records")
                except eduplans.EduplansError:
                    got = []
                hits[m or "rules"] = sum(any(s.matches(r, g) for r in got) for g in mine)
            for k, v in hits.items():
                totals[k] += v
            totals["best"] += max(hits["plan"], hits["mixed"], hits["report"])
    parse._mode = rule  # type: ignore[assignment]
    print(", ".join(f"{k} {v}" for k, v in totals.items()))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--score", type=Path, required=True, help="the graders' score.py")
    ap.add_argument("--modes", action="store_true", help="the mode oracle instead")
    args = ap.parse_args()
    if args.modes:
        _modes(args.score.resolve())
    else:
        _summaries(args.score.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
