"""List the pairwise errors of alignment on one development set of labelled names.

Run: python tools/alignment_errors.py real2 [real1 dev4 ...]

For each set it prints the *false pairs* (two names eduplans puts together that the labels keep
apart) grouped by the predicted group, and the *false splits* (names with one label that eduplans
keeps apart), each name with its context, its predicted key or cluster and its features, so that
errors can be sorted into classes before a rule is changed. Held-out sets are refused: their names
must not be read while the rules are tuned.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from _sets import ALIGNMENT_REFUSED as REFUSED

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import alignment_quality as aq

from eduplans import _align


def describe(item: aq.Item, group: str) -> str:
    full = _align._with_context(item.name, item.context or None)
    norm = _align.normalise(full)
    feats = _align._features(norm).describe()
    ctx = f" [{item.context}]" if item.context else ""
    return f"{item.name}{ctx} -> {group} | {norm} | {feats}"


def report(which: str) -> None:
    if which in REFUSED:
        raise SystemExit(f"{which} is held out: its names are not to be read")
    items = aq.labelled(which)
    groups = aq.predicted_groups(items)
    p, r, f1, pairs = aq.pairwise([i.label for i in items], groups)
    print(f"=== {which}: P {p:.3f} R {r:.3f} F1 {f1:.3f} ({pairs} true pairs)")
    by_group: dict[str, list[int]] = defaultdict(list)
    by_label: dict[str, list[int]] = defaultdict(list)
    for n, (item, group) in enumerate(zip(items, groups, strict=True)):
        by_group[group].append(n)
        by_label[item.label].append(n)
    print("--- false pairs (one predicted group, several labels)")
    for group, members in by_group.items():
        labels = {items[n].label for n in members}
        if len(labels) > 1:
            print(f"* {group}")
            for n in members:
                print(f"    {items[n].label:40s} {describe(items[n], groups[n])}")
    print("--- false splits (one label, several predicted groups)")
    for label, members in by_label.items():
        if len({groups[n] for n in members}) > 1:
            print(f"* {label}")
            for n in members:
                print(f"    {describe(items[n], groups[n])}")


def main() -> None:
    for which in sys.argv[1:] or ["real2"]:
        report(which)


if __name__ == "__main__":
    main()
