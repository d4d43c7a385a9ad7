"""Leave-one-set-out test of a learned kind reviser for prose values (docs/parser.md).

    python tools/kind_model_cv.py --dumps DIR            # score (DIR from --make-dumps)
    python tools/kind_model_cv.py --make-dumps DIR       # parse each set at its blind commit

Session 5's experiment, kept so that it can be rerun when more labelled pages exist: rows the
parser gave at each development set's blind commit (the rules had not seen those pages) are
matched to the labels by value and name; an L2 logistic regression over binary context features
predicts the label's kind; leave one set out, the model's kind replaces the rules' when it is
more than 0.5 sure, and the rows right (kind and year as labelled) are counted against the
rules'. Needs numpy, git and the repository's history; reads ../shared/realtexts/score.py.
"""

from __future__ import annotations

import argparse
import collections
import csv
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
#: (set, first file, last file, commit where the set was scored blind: docs/parser.md)
BLIND = [
    ("blind1", 1, 99, "7956b44"),
    ("blind2", 1, 99, "7956b44"),
    ("blind3", 1, 19, "2e6c9ae"),
    ("blind3", 20, 24, "84c961a"),
    ("blind5", 1, 20, "ea256dd"),
    ("blind5", 21, 26, "8e28983"),
    ("blind6", 1, 22, "4f3845b"),
]
DUMP = """
import json, sys
from pathlib import Path
import eduplans
out = {}
for f in sys.argv[2:]:
    try:
        rows = eduplans.parse_plan(Path(f)).to_frame().to_dict("records")
    except eduplans.EduplansError:
        rows = []
    def plain(v):
        if isinstance(v, float) and v != v:
            return None
        return v if isinstance(v, (int, float, str, bool)) or v is None else str(v)
    out[f] = [{k: plain(v) for k, v in r.items()} for r in rows]
json.dump(out, open(sys.argv[1], "w"), ensure_ascii=False, default=str)
"""


def make_dumps(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, lo, hi, commit in BLIND:
            tree = Path(tmp) / commit
            if not tree.exists():
                subprocess.run(
                    [
                        "git",
                        "-C",
                        str(ROOT),
                        "worktree",
                        "add",
                        "-q",
                        "--detach",
                        str(tree),
                        commit,
                    ],
                    check=True,
                )
            files = [
                str(p)
                for p in sorted((DATA / f"realtexts_{name}").glob("real_*.txt"))
                if lo <= int(p.name.split("_")[1]) <= hi
            ]
            script = Path(tmp) / "dump.py"
            script.write_text(DUMP, encoding="utf-8")
            target = out / f"{name}-{lo}-{commit}.json"
            subprocess.run(
                [sys.executable, str(script), str(target), *files],
                check=True,
                cwd=tmp,
                env={"PYTHONPATH": str(tree / "src"), "PATH": "/usr/bin:/bin"},
            )
            print("wrote", target)
        for commit in sorted({c for *_, c in BLIND}):
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(Path(tmp) / commit)],
                check=False,
            )


def load_score(path: Path) -> Any:
    spec = importlib.util.spec_from_file_location("score", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


CLAUSE = re.compile(r"[,，;；。:：\n]")
SENT = re.compile(r"[。;；\n!?！？]")
YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
DATE = re.compile(
    r"((?:19|20)\d\d)\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2})"
)
PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")


def features(text: str, a: int, b: int, row: dict[str, Any], score: Any) -> set[str]:
    from eduplans._chinese import t2s_table

    t2s = t2s_table()

    def norm(s: str) -> str:
        return re.sub(r"\d+(?:\.\d+)?", "0", PINYIN.sub("", s).translate(t2s))

    def grams(s: str, pre: str, ns: tuple[int, ...] = (1, 2)) -> set[str]:
        return {f"{pre}{s[i : i + n]}" for n in ns for i in range(len(s) - n + 1)}

    def bucket(d: int | None) -> str:
        return "none" if d is None else "<-1" if d < -1 else ">5" if d > 5 else str(d)

    left = text[max(0, a - 120) : a]
    m = list(SENT.finditer(left))
    sl = left[m[-1].end() :] if m else left
    m = list(CLAUSE.finditer(sl))
    cl = sl[m[-1].end() :] if m else sl
    right = text[b : b + 60]
    m2 = SENT.search(right)
    sr = right[: m2.start()] if m2 else right
    m2 = CLAUSE.search(sr)
    cr = sr[: m2.start()] if m2 else sr
    date = DATE.search(text)
    py = int(date.group(1)) if date else None
    years = [int(y) for y in YEAR.findall(text) if int(y) <= 2026]
    ly = max(years) if years else None
    ry = score.year_of(row.get("year"))
    kind = row["kind"]
    d1 = bucket(ry - py if py and ry else None)
    d2 = bucket(ry - ly if ly and ry else None)
    f = {
        "bias",
        f"rk={kind}",
        f"cmp={score.CLASS.get(str(row['comparator']), '?')}",
        f"unit={row['unit']}",
        f"ry-py={d1}",
        f"rk={kind}&ry-py={d1}",
        f"ry-ly={d2}",
        f"rk={kind}&ry-ly={d2}",
    }
    f |= grams(norm(cl)[-12:], "c:") | grams(norm(cl)[-12:], "c3:", (3,))
    f |= (
        grams(norm(sl)[-50:], "s:", (2,))
        | grams(norm(cr)[:8], "r:")
        | grams(norm(text[:60]), "h:", (2,))
    )
    return f


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0) -> np.ndarray:
    d = x.shape[1]
    w = np.zeros(d)
    reg = np.full(d, l2)
    reg[0] = 1e-6
    for _ in range(30):
        p = 1 / (1 + np.exp(-(x @ w)))
        g = x.T @ (p - y) + reg * w
        wt = np.maximum(p * (1 - p), 1e-9)
        xr = x / reg
        step = g / reg - xr.T @ np.linalg.solve(np.diag(1 / wt) + xr @ x.T, xr @ g)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def _design(es: list[dict[str, Any]], vocab: dict[str, int]) -> np.ndarray:
    m = np.zeros((len(es), len(vocab)))
    for i, e in enumerate(es):
        for x in e["f"]:
            if x in vocab:
                m[i, vocab[x]] = 1
    return m


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dumps", type=Path)
    ap.add_argument("--make-dumps", type=Path)
    ap.add_argument("--score", type=Path, default=Path("../shared/realtexts/score.py"))
    args = ap.parse_args()
    if args.make_dumps:
        make_dumps(args.make_dumps)
        return
    score = load_score(args.score)
    examples = []
    for dump in sorted(args.dumps.glob("*.json")):
        name = dump.name.split("-")[0]
        labels = list(
            csv.DictReader((DATA / f"realtexts_{name}" / "labels.csv").open(encoding="utf-8"))
        )
        for path, rows in json.loads(dump.read_text(encoding="utf-8")).items():
            text = Path(path).read_text(encoding="utf-8")
            key = Path(path).name.split("_")[1]
            mine = [g for g in labels if g["file"] == key and g["year"]]
            for r in rows:
                if r.get("origin") != "prose":
                    continue
                qa = r.get("source_start")
                qa = text.find(r.get("quote") or "") if qa is None else qa
                if qa < 0:
                    continue
                t = str(r.get("text") or "")
                k = text.find(t, qa) if t else -1
                a = k if 0 <= k <= qa + len(r.get("quote") or "") else qa
                hits = [
                    g
                    for g in mine
                    if (
                        score.name_close(r.get("indicator", ""), g["name"])
                        or score.quote_close(r.get("quote", ""), g.get("quote", ""))
                    )
                    and score.same_value(r.get("value"), g["value"])
                ]
                truth = None
                if hits:
                    exact = [
                        g
                        for g in hits
                        if g["kind"] == r["kind"] and int(g["year"]) == score.year_of(r.get("year"))
                    ]
                    g = (exact or hits)[0]
                    truth = (g["kind"], int(g["year"]))
                examples.append(
                    {
                        "set": name,
                        "row": r,
                        "truth": truth,
                        "f": features(text, a, a + len(t), r, score),
                    }
                )

    def right(e: dict[str, Any], kind: str) -> bool:
        t = e["truth"]
        return bool(t) and t[0] == kind and t[1] == score.year_of(e["row"].get("year"))

    total = collections.Counter()
    for held in ("blind3", "blind5", "blind6"):
        train = [e for e in examples if e["set"] != held and e["truth"]]
        test = [e for e in examples if e["set"] == held]
        counts = collections.Counter(x for e in train for x in e["f"])
        vocab = {"bias": 0}
        for x, c in sorted(counts.items()):
            if c >= 2 and x != "bias":
                vocab[x] = len(vocab)

        y = np.array([1.0 if e["truth"][0] == "target" else 0.0 for e in train])
        w = fit(_design(train, vocab), y)
        p = 1 / (1 + np.exp(-(_design(test, vocab) @ w)))
        rules = sum(right(e, e["row"]["kind"]) for e in test)
        model = sum(
            right(e, "target" if pi > 0.5 else "baseline") for e, pi in zip(test, p, strict=True)
        )
        total.update(rules=rules, model=model, rows=len(test))
        print(f"{held}: {len(test)} prose rows; right: rules' kind {rules}, model's {model}")
    gain = (total["model"] - total["rules"]) / max(1, total["rules"])
    print(
        f"all three: rows {total['rows']}, right with the rules' kind {total['rules']}, "
        f"with the model's {total['model']} ({gain:+.1%})"
    )


if __name__ == "__main__":
    main()
