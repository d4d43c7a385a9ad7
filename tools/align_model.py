"""A small learned key decision on top of the alignment rules, and its honest evaluation.

Run::

    python tools/align_model.py loso                 # leave one real set out, current rules
    PYTHONPATH=/tmp/blind_real5/src python tools/align_model.py blind real5
                                                     # the rules of real5's blind commit

For every name the candidates are the key the rules give (if any) and the five catalog keys
whose written forms score highest against the normalised name (rapidfuzz ``ratio``). Each
(name, candidate) pair is described by similarity features computed only from what every version
of ``eduplans._align`` has (``normalise``, ``_with_context``, ``_features``, ``_residual``, the
catalog's forms), so the same code runs against the library of an old commit. A logistic
regression (numpy, L2, gradient descent) gives the probability that the candidate is the name's
label; a name takes its best candidate when that probability reaches 0.5, else it is left
unmatched and clustered as the benchmark clusters unmatched names.

``loso``: for each real development set X (real1, real2, real3, real5) the model is trained on
every other development set (dev..dev4, bundled, the other real sets) and scored on X, beside the
rules alone on X. ``blind X``: the same with the library on ``PYTHONPATH`` (the commit X was scored
blind at), so that neither the rules nor the model had seen X: compare with X's blind figure.
Held-out and validation sets are never read.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _sets import ALIGNMENT_REFUSED as REFUSED

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import alignment_quality as aq
import numpy as np
from rapidfuzz import fuzz, process

import eduplans
from eduplans import _align
from eduplans._catalog import catalog

DEVELOPMENT = ("dev", "dev2", "dev3", "dev4", "bundled", "real1", "real2", "real3", "real5")
REAL = ("real1", "real2", "real3", "real5")
TOP = 5

FEATURES = (
    "rules_key",  # the rules give this key
    "rules_some_key",  # the rules give some key (this one or another)
    "exact",  # the normalised name is one of the candidate's normalised forms
    "whole",  # best ratio of the normalised name against the candidate's forms
    "residual",  # best ratio of the residuals (rule words out)
    "partial",  # best partial ratio (one inside the other)
    "stage_equal",  # the name's stage set equals the candidate's
    "stage_none",  # the name names no stage
    "measure_jaccard",  # overlap of the measure sets
    "measures_missing",  # measures of the candidate the name lacks
    "measures_extra",  # measures of the name the candidate lacks
    "unknown",  # share of the name's characters in none of the candidate's forms
    "short",  # 1 / length of the normalised name
)


@dataclass
class Row:
    item: int
    key: str
    x: list[float]
    y: bool


def _forms() -> tuple[list[str], list[str]]:
    forms, keys = [], []
    for key, entry in catalog().items():
        for written in (entry.name_zh, *entry.aliases):
            forms.append(_align.normalise(written))
            keys.append(key)
    return forms, keys


def rows_for(items: list[aq.Item]) -> tuple[list[Row], list[str | None]]:
    """Return the candidate rows of a labelled set and the rules' keys."""
    frame = eduplans.align([i.name for i in items], context=[i.context or None for i in items])
    rules = [k if isinstance(k, str) else None for k in frame["key"]]
    forms, keys = _forms()
    by_key: dict[str, list[int]] = {}
    for n, k in enumerate(keys):
        by_key.setdefault(k, []).append(n)
    norms = [_align.normalise(_align._with_context(i.name, i.context or None)) for i in items]
    whole = process.cdist(norms, forms, scorer=fuzz.ratio, workers=1)
    std = {k: _align._features(forms[v[0]]) for k, v in by_key.items()}
    rows: list[Row] = []
    for n, (item, norm) in enumerate(zip(items, norms, strict=True)):
        best: dict[str, float] = {}
        for j, score in enumerate(whole[n]):
            if score > best.get(keys[j], -1.0):
                best[keys[j]] = float(score)
        cands = sorted(best, key=lambda k: -best[k])[:TOP]
        if rules[n] and rules[n] not in cands:
            cands.append(rules[n])  # type: ignore[arg-type]
        feats = _align._features(norm)
        for key in cands:
            own = [forms[j] for j in by_key[key]]
            cf = std[key]
            union = feats.measures | cf.measures
            chars = set("".join(own))
            x = [
                float(rules[n] == key),
                float(rules[n] is not None),
                float(norm in own),
                best[key] / 100,
                max(fuzz.ratio(_align._residual(norm), _align._residual(f)) for f in own) / 100,
                max(fuzz.partial_ratio(norm, f) for f in own) / 100,
                float(feats.stage == cf.stage),
                float(not feats.stage),
                len(feats.measures & cf.measures) / len(union) if union else 1.0,
                float(len(cf.measures - feats.measures)),
                float(len(feats.measures - cf.measures)),
                sum(c not in chars for c in norm) / len(norm) if norm else 1.0,
                1 / len(norm) if norm else 1.0,
            ]
            rows.append(Row(n, key, x, item.label == key))
    return rows, rules


def train(rows: list[Row], l2: float = 1e-2, steps: int = 3000) -> np.ndarray[Any, Any]:
    """Fit logistic regression weights (bias last) by gradient descent."""
    x = np.array([[*r.x, 1.0] for r in rows])
    y = np.array([float(r.y) for r in rows])
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) / len(y) + l2 * np.r_[w[:-1], 0.0]
        w -= 1.0 * grad
    return w


def decide(
    rows: list[Row], n_items: int, w: np.ndarray[Any, Any], threshold: float = 0.5
) -> list[str | None]:
    """Return each name's key: its best candidate when the model gives it ``threshold``."""
    best: list[tuple[float, str | None]] = [(threshold, None)] * n_items
    for r in rows:
        p = float(1 / (1 + np.exp(-(np.array([*r.x, 1.0]) @ w))))
        if p >= best[r.item][0]:
            best[r.item] = (p, r.key)
    return [k for _, k in best]


def groups_for(items: list[aq.Item], keys: list[str | None]) -> list[str]:
    """Group as the benchmark does: by key, unmatched names by ``cluster``."""
    groups = [f"key:{k}" if k else "" for k in keys]
    rest = [n for n, g in enumerate(groups) if not g]
    if rest:
        clusters = eduplans.cluster(
            [items[n].name for n in rest], context=[items[n].context or None for n in rest]
        )["cluster"]
        for n, c in zip(rest, clusters, strict=True):
            groups[n] = f"cluster:{c}"
    return groups


def score(items: list[aq.Item], keys: list[str | None]) -> tuple[float, float, float]:
    p, r, f1, _ = aq.pairwise([i.label for i in items], groups_for(items, keys))
    return p, r, f1


def loso(targets: tuple[str, ...]) -> None:
    data = {w: aq.labelled(w) for w in DEVELOPMENT}
    rows = {w: rows_for(data[w]) for w in DEVELOPMENT}
    for x in targets:
        train_rows = [r for w in DEVELOPMENT if w != x for r in rows[w][0]]
        w = train(train_rows)
        model = score(data[x], decide(rows[x][0], len(data[x]), w))
        rules = score(data[x], rows[x][1])
        print(
            f"{x:6s} rules {rules[0]:.3f}/{rules[1]:.3f}/{rules[2]:.3f}   "
            f"model (trained without {x}) {model[0]:.3f}/{model[1]:.3f}/{model[2]:.3f}"
        )


def main() -> None:
    args = sys.argv[1:]
    if any(a in REFUSED for a in args):
        raise SystemExit("held-out and validation sets are not read")
    if not args or args[0] == "loso":
        loso(tuple(args[1:]) or REAL)
    elif args[0] == "blind":
        loso(tuple(args[1:]))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
