"""Replay a general alignment mechanism on the output of any version of the library.

Run, for the honest figure on names the rules had not seen (each real set at its blind commit,
docs/alignment.md; real2 a189de2, real3 2e6c9ae, real5 c6c4b15)::

    git worktree add --detach /tmp/blind_real5 c6c4b15
    PYTHONPATH=/tmp/blind_real5/src python tools/blind_replay.py real5

and without ``PYTHONPATH`` for today's rules on the development sets
(``python tools/blind_replay.py dev dev2 dev3 dev4 real1 real2 real3 real5``).

Each mechanism is applied after ``eduplans.align`` (of whatever version is imported) and uses
only what every version has (``normalise``, ``_with_context``, ``_features``, ``_residual``, the
catalog's names and aliases), so the same code scores the library of an old commit with and
without it. Mechanisms (session 5; figures in docs/alignment.md):

- ``rules``: the library as it is (the benchmark's figure);
- ``guard``: a fuzzy match whose residual holds 2 characters or more in none of the matched
  entry's forms is left unmatched;
- ``bare``: a keyed name of 4 characters or fewer with no heading is left unmatched and grouped
  with none;
- ``relaxed``: an unmatched name with a stage takes the catalog entry of its stage whose measure
  set differs from its own by one measure, when a written form scores 80 or more;
- ``page``: a name one page (the set's ``url``; for ``bundled``, the plan) writes twice or more is
  left unmatched and grouped with none (what ``align(document=...)`` does since session 5);
- ``clusterT`` (T = 60 … 100): unmatched names clustered at threshold T instead of 85.

Held-out and validation sets are refused.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from _sets import ALIGNMENT_REFUSED as REFUSED

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import alignment_quality as aq
from rapidfuzz import fuzz

import eduplans
from eduplans import _align
from eduplans._catalog import catalog

MECHANISMS = ("rules", "guard", "bare", "relaxed", "page", "cluster70", "cluster90")


def _norm(item: aq.Item) -> str:
    return str(_align.normalise(_align._with_context(item.name, item.context or None)))


def replay(which: str, mechanism: str) -> tuple[float, float, float]:
    """Return precision, recall and F1 of one set with one mechanism."""
    if which in REFUSED:
        raise SystemExit(f"{which} is held out: its names are not to be read")
    items = aq.labelled(which)
    frame = eduplans.align([i.name for i in items], context=[i.context or None for i in items])
    keys = [k if isinstance(k, str) else None for k in frame["key"]]
    methods = list(frame["method"])
    forms = {
        key: [_align.normalise(w) for w in (e.name_zh, *e.aliases)] for key, e in catalog().items()
    }
    alone: set[int] = set()  # names grouped with no other
    for n, item in enumerate(items):
        norm = _norm(item)
        key = keys[n]
        if mechanism == "guard" and key and methods[n] == "fuzzy":
            chars = set("".join(forms[key]))
            if sum(c not in chars for c in _align._residual(norm)) >= 2:
                keys[n] = None
        elif mechanism == "bare" and key and len(norm) <= 4 and not item.context:
            if methods[n] != "override":
                keys[n] = None
                alone.add(n)
        elif mechanism == "relaxed" and not key and norm:
            feats = _align._features(norm)
            if not feats.stage:
                continue
            best, best_key = 0.0, None
            for k, fs in forms.items():
                std = _align._features(fs[0])
                if std.stage != feats.stage or len(std.measures ^ feats.measures) > 1:
                    continue
                score = max(fuzz.ratio(norm, f) for f in fs)
                if score > best:
                    best, best_key = score, k
            if best >= 80:
                keys[n] = best_key
    if mechanism == "page":
        if which == "bundled":  # a plan's indicators, one indicator stated in several places
            pages = [p.id for p in eduplans.load() for _ in p.indicators]
        else:
            doc = tomllib.loads((aq.DATA / f"labelled_{which}.toml").read_text(encoding="utf-8"))
            pages = [e.get("url", "") for e in doc["name"]]
        seen: dict[tuple[str, str], list[int]] = {}
        for n, (item, page) in enumerate(zip(items, pages, strict=True)):
            if page:
                seen.setdefault((page, _norm(item)), []).append(n)
        for group in seen.values():
            if len(group) > 1:
                for n in group:
                    keys[n] = None
                    alone.add(n)
    threshold = float(mechanism[7:]) if mechanism.startswith("cluster") else None
    groups = [f"key:{k}" if k else "" for k in keys]
    rest = [n for n, g in enumerate(groups) if not g and n not in alone]
    if rest:
        kwargs = {"threshold": threshold} if threshold is not None else {}
        clusters = eduplans.cluster(
            [items[n].name for n in rest],
            context=[items[n].context or None for n in rest],
            **kwargs,  # type: ignore[arg-type]
        )["cluster"]
        for n, c in zip(rest, clusters, strict=True):
            groups[n] = f"cluster:{c}"
    for n in alone:
        groups[n] = f"alone:{n}"
    p, r, f1, _ = aq.pairwise([i.label for i in items], groups)
    return p, r, f1


def main() -> None:
    sets = [a for a in sys.argv[1:] if not a.startswith("--")] or ["real5"]
    wanted = [a[2:] for a in sys.argv[1:] if a.startswith("--")] or list(MECHANISMS)
    for which in sets:
        cells = []
        for mechanism in wanted:
            p, r, f1 = replay(which, mechanism)
            cells.append(f"{mechanism} {p:.3f}/{r:.3f}/{f1:.3f}")
        print(f"{which:8s} " + "  ".join(cells))


if __name__ == "__main__":
    main()
