"""Count alignment's pairwise errors by the shape of the name that fails, on development sets.

Run: python tools/alignment_shapes.py [set ...]   (default: real1 real2 real3 real5 real7)

Session 6 chose what to fix by how often a class of error appears across all the real development
sets, not by single names. Each error pair (a false pair: one predicted group, two labels; a
missed pair: one label, two groups) counts half for each of its two names, under the shape of the
name as written (with its heading):

- ``bare_institution``: a stage or institution and nothing else (小学, 幼儿园, 普通高校): a list
  item whose measure (schools, pupils, staff) is usually given by its sentence;
- ``bare_population``: a head count or staff word without a stage (在校生, 专任教师, 教职工);
- ``qualified``: qualifiers and an institution or a head count (公办园, 寄宿制学生);
- ``no_stage``: measure words but no stage, even with the heading (新增学位, 毛入学率);
- ``no_features``: no stage and no measure word the rules know (总投资, 教学点);
- ``unknown_words``: two characters or more the rules do not read (建成投用中小学项目);
- ``full``: a stage and measures, every word read (公办园在园幼儿占比).

The first two shapes are where only the page can say what a name counts (docs/alignment.md,
"What fails on unseen names"). Held-out and validation sets are refused.
"""

from __future__ import annotations

import itertools
import sys
from collections import Counter
from pathlib import Path

from _sets import ALIGNMENT_REFUSED as REFUSED

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import alignment_quality as aq

from eduplans import _align

SHAPES = (
    "bare_institution",
    "bare_population",
    "qualified",
    "no_stage",
    "no_features",
    "unknown_words",
    "full",
)
_HEADS = frozenset({"enrolment_count", "teacher", "staff", "children", "school_count"})


def shape(item: aq.Item) -> str:
    """Return the shape of one labelled name (see the module docstring)."""
    lex = _align._lexicon()
    own = _align.normalise(item.name)
    read = _align._read(own, _align._CONTEXT_RULES)
    feats = _align._features(
        _align.normalise(_align._with_context(item.name, item.context or None))
    )
    rest = lex.stage_re.sub("", own)
    if not read.measures and feats.stage and lex.bare_re.fullmatch(rest):
        return "bare_institution"
    if read.measures and read.measures <= lex.qualifiers:
        return "qualified"
    if read.measures and read.measures <= _HEADS and not lex.stage_re.search(own):
        return "bare_population"
    if not feats.stage and feats.measures:
        return "no_stage"
    if not feats.stage and not feats.measures:
        return "no_features"
    if len(_align._residual(_align.normalise(own))) >= 2:
        return "unknown_words"
    return "full"


def counts(which: str) -> dict[str, tuple[int, float, float]]:
    """Return shape -> (names, false pairs, missed pairs) for one set."""
    if which in REFUSED:
        raise SystemExit(f"{which} is held out: its names are not to be read")
    items = aq.labelled(which)
    groups = aq.predicted_groups(items)
    shapes = [shape(i) for i in items]
    false: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    for a, b in itertools.combinations(range(len(items)), 2):
        same_label = items[a].label == items[b].label
        same_group = groups[a] == groups[b]
        if same_group != same_label:
            into = false if same_group else missed
            into[shapes[a]] += 0.5
            into[shapes[b]] += 0.5
    names = Counter(shapes)
    return {s: (names[s], false[s], missed[s]) for s in SHAPES}


def main() -> None:
    sets = sys.argv[1:] or ["real1", "real2", "real3", "real5", "real7"]
    for which in sets:
        if which in REFUSED:
            raise SystemExit(f"{which} is held out: its names are not to be read")
    total: dict[str, list[float]] = {s: [0, 0.0, 0.0] for s in SHAPES}
    print(f"{'set':8s} " + " ".join(f"{s:>24s}" for s in SHAPES))
    for which in sets:
        row = counts(which)
        cells = []
        for s in SHAPES:
            n, f, m = row[s]
            cells.append(f"{n:4d} names {f:5.1f}/{m:5.1f}")
            for k, v in enumerate((n, f, m)):
                total[s][k] += v
        print(f"{which:8s} " + " ".join(f"{c:>24s}" for c in cells))
    print(
        f"{'all':8s} "
        + " ".join(
            f"{int(t[0]):4d} names {t[1]:5.1f}/{t[2]:5.1f}".rjust(24) for t in total.values()
        )
    )
    print("(each cell: names of the shape, false/missed pairs counted half for each name)")


if __name__ == "__main__":
    main()
