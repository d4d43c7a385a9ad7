"""How far two labellings of the same real pages agree, scored with score.py's own match.

    python tools/label_agreement.py [--score ../shared/realtexts/score.py]

tests/data/realtexts_agreement/labels_second.csv holds a second, independent labelling of 16
development pages (file 3NN is realtexts_blind3's page NN, 6NN realtexts_blind6's). Each set of
labels is scored against the other as ``score.py`` scores parsed rows (a label counts as found
when a label of the other set matches it in kind, year, value, comparator class and name or
quote), and the summary is printed: recall and precision of the second labelling against the
first, and the other way round (docs/parser.md, "How far two labellers agree").
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def _rows(labels: list[dict[str, str]]) -> list[dict[str, Any]]:
    return [
        {
            "indicator": g["name"],
            "kind": g["kind"],
            "year": g["year"] or None,
            "value": g["value"],
            "comparator": g["comparator"],
            "quote": g.get("quote", ""),
            "text": g.get("quote", ""),
        }
        for g in labels
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--score", type=Path, default=Path("../shared/realtexts/score.py"))
    args = ap.parse_args()
    spec = importlib.util.spec_from_file_location("score", args.score)
    assert spec is not None and spec.loader is not None, f"cannot load {args.score}"
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    second = list(
        csv.DictReader((DATA / "realtexts_agreement" / "labels_second.csv").open(encoding="utf-8"))
    )
    first: dict[str, list[dict[str, str]]] = {}
    for blind in ("3", "6"):
        path = DATA / f"realtexts_blind{blind}" / "labels.csv"
        for g in csv.DictReader(path.open(encoding="utf-8")):
            first.setdefault(blind + g["file"], []).append(g)
    t = dict.fromkeys(("da", "ra", "db", "rb", "na", "nb", "pa", "pb"), 0)
    for f in sorted({g["file"] for g in second}):
        a, b = first.get(f, []), [g for g in second if g["file"] == f]
        rows_a, rows_b = _rows(a), _rows(b)
        dated_a, dated_b = [g for g in a if g["year"]], [g for g in b if g["year"]]
        t["da"] += len(dated_a)
        t["db"] += len(dated_b)
        t["na"] += len(a)
        t["nb"] += len(b)
        t["ra"] += sum(any(score.matches(r, g) for r in rows_b) for g in dated_a)
        t["rb"] += sum(any(score.matches(r, g) for r in rows_a) for g in dated_b)
        t["pa"] += sum(any(score.matches(r, g) for g in b) for r in rows_a)
        t["pb"] += sum(any(score.matches(r, g) for g in a) for r in rows_b)
    print(
        f"second vs first: recall {t['ra'] / t['da']:.3f} ({t['ra']}/{t['da']}), "
        f"precision {t['pb'] / t['nb']:.3f} ({t['pb']}/{t['nb']})"
    )
    print(
        f"first vs second: recall {t['rb'] / t['db']:.3f} ({t['rb']}/{t['db']}), "
        f"precision {t['pa'] / t['na']:.3f} ({t['pa']}/{t['na']})"
    )


if __name__ == "__main__":
    main()
