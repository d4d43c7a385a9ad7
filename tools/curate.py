"""Curator's helper for the bundled plan files (a development tool, not part of the package).

Usage::

    python tools/curate.py locate SOURCE.txt "verbatim quote"   # print every offset of a quote
    python tools/curate.py fill PLAN.toml                       # write start/end for every quote
    python tools/curate.py check PLAN.toml                      # run the curation checks
                                                                # (quotes, vocabularies, keys,
                                                                # units and measures)

``fill`` rewrites only the ``start = ``/``end = `` lines of each ``[[indicators.values]]`` block.
A quote that occurs more than once needs a ``start`` hint already in the block (any offset near
the intended occurrence): ``fill`` then picks the occurrence nearest to the hint.
The checks here are a quick subset of the test suite (``pytest tests/test_data.py``), which
is the authority.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "eduplans" / "data"


def source_text(name: str) -> str:
    return (DATA / "sources" / name).read_bytes().decode("utf-8")


def occurrences(text: str, quote: str) -> list[int]:
    out, i = [], text.find(quote)
    while i >= 0:
        out.append(i)
        i = text.find(quote, i + 1)
    return out


def locate(source: str, quote: str) -> int:
    text = source_text(source) if not Path(source).exists() else Path(source).read_bytes().decode()
    hits = occurrences(text, quote)
    for h in hits:
        ctx = text[max(0, h - 20) : h + len(quote) + 20].replace("\n", "⏎")
        print(f"start = {h}\nend = {h + len(quote)}\n  …{ctx}…")
    if not hits:
        print("not found", file=sys.stderr)
        return 1
    return 0


_BLOCK = re.compile(r"^\[\[indicators\.values\]\]\s*$", re.M)
_HEADER = re.compile(r"^\[\[?.*\]\]?\s*$", re.M)


def fill(plan_path: Path) -> int:
    raw = plan_path.read_text(encoding="utf-8")
    doc = tomllib.loads(raw)
    text = source_text(doc["source"])
    headers = [m.start() for m in _HEADER.finditer(raw)] + [len(raw)]
    pieces: list[str] = []
    last = 0
    errors = 0
    for a, b in itertools.pairwise(headers):
        block = raw[a:b]
        if not _BLOCK.match(block):
            continue
        qm = re.search(r'^quote\s*=\s*(".*")[ \t]*$', block, re.M)
        if not qm:
            print(f"{plan_path}:{raw.count(chr(10), 0, a) + 1}: value without quote")
            errors += 1
            continue
        quote = json.loads(qm.group(1))
        hint_m = re.search(r"^start\s*=\s*(\d+)[ \t]*$", block, re.M)
        hits = occurrences(text, quote)
        line = raw.count("\n", 0, a) + 1
        if not hits:
            print(f"{plan_path}:{line}: quote not found: {quote!r}")
            errors += 1
            continue
        if len(hits) > 1 and not hint_m:
            print(f"{plan_path}:{line}: quote occurs {len(hits)} times at {hits}; add a start hint")
            errors += 1
            continue
        hint = int(hint_m.group(1)) if hint_m else hits[0]
        start = min(hits, key=lambda h: abs(h - hint))
        new = re.sub(r"^(start|end)\s*=.*\n", "", block, flags=re.M)
        new = new.replace(
            qm.group(0), f"{qm.group(0)}\nstart = {start}\nend = {start + len(quote)}", 1
        )
        pieces.append(raw[last:a])
        pieces.append(new)
        last = b
    pieces.append(raw[last:])
    plan_path.write_text("".join(pieces), encoding="utf-8")
    return 1 if errors else 0


sys.path.insert(0, str(ROOT / "src"))
from eduplans import (  # noqa: E402  (the package's own vocabularies)
    FLAGS,
    MEASURE_FAMILIES,
    UNITS,
    Comparator,
    Measure,
    catalog,
)
from eduplans._catalog import misfit  # noqa: E402

COMPARATORS = {c.value for c in Comparator}
MEASURES = {m.value for m in Measure}
PERIOD = {"cumulative", "change"}


def check(plan_path: Path) -> int:
    doc = tomllib.loads(plan_path.read_text(encoding="utf-8"))
    text = source_text(doc["source"])
    problems: list[str] = []
    n_values = 0
    for i, ind in enumerate(doc.get("indicators", [])):
        where = f"indicators[{i}] {ind.get('name')!r}"
        for field in ("name", "section", "origin", "unit", "binding", "values"):
            if field not in ind:
                problems.append(f"{where}: missing {field}")
        if ind.get("unit") not in UNITS:
            problems.append(f"{where}: unknown unit {ind.get('unit')!r}")
        if ind.get("origin") == "table" and ind.get("name", "") not in text:
            problems.append(f"{where}: table name not verbatim in source")
        if ind.get("binding") not in {"binding", "expected", "none"}:
            problems.append(f"{where}: binding must be binding|expected|none")
        key = ind.get("key")
        entry = catalog().get(key) if isinstance(key, str) else None
        if key is not None and entry is None:
            problems.append(f"{where}: unknown catalog key {key!r}")
        if entry is not None and ind.get("unit") in UNITS:
            why = misfit(entry.key, ind["unit"])
            if why:
                problems.append(f"{where}: {why}")
        for j, v in enumerate(ind.get("values", [])):
            n_values += 1
            w = f"{where} values[{j}]"
            q, s, e = v.get("quote", ""), v.get("start"), v.get("end")
            if s is None or e is None or text[s:e] != q:
                problems.append(f"{w}: quote is not at start/end (run fill)")
            if v.get("text", "\0") not in q:
                problems.append(f"{w}: text {v.get('text')!r} not in quote")
            if v.get("comparator") not in COMPARATORS:
                problems.append(f"{w}: bad comparator {v.get('comparator')!r}")
            if v.get("kind") not in {"baseline", "target"}:
                problems.append(f"{w}: kind must be baseline|target")
            if not isinstance(v.get("year"), int):
                problems.append(f"{w}: year must be an integer")
            if v.get("comparator") == "range" and "value_high" not in v:
                problems.append(f"{w}: range needs value_high")
            if v.get("comparator") == "maintain" and "value" in v:
                pass
            elif v.get("comparator") != "maintain" and "value" not in v:
                problems.append(f"{w}: value missing")
            for f in v.get("flags", []):
                if f not in FLAGS:
                    problems.append(f"{w}: unknown flag {f!r}")
            if v.get("flags") and not v.get("note"):
                problems.append(f"{w}: flags need a note")
            # measures (docs/data-format.md#measures): written on every value that is not a level
            measure = v.get("measure") or (entry.measure.value if entry else "level")
            if measure not in MEASURES:
                problems.append(f"{w}: unknown measure {measure!r}")
            elif entry is not None and Measure(measure) not in MEASURE_FAMILIES[entry.measure]:
                problems.append(f"{w}: a {measure} value under {key!r}, a {entry.measure} key")
            if "cumulative" in v.get("flags", []) and measure != "cumulative":
                problems.append(f"{w}: flagged cumulative but measure is {measure}")
            if measure in PERIOD and "start_year" not in v:
                problems.append(f"{w}: a {measure} value needs start_year")
            if measure != "level" and "measure" not in v:
                problems.append(f"{w}: write measure = {measure!r} (not a level)")
    for p in problems:
        print(f"{plan_path}: {p}")
    print(
        f"{plan_path}: {len(doc.get('indicators', []))} indicators, {n_values} values, "
        f"{len(problems)} problems"
    )
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    if len(argv) >= 3 and argv[0] == "locate":
        return locate(argv[1], argv[2])
    if len(argv) == 2 and argv[0] == "fill":
        return fill(Path(argv[1]))
    if len(argv) == 2 and argv[0] == "check":
        return check(Path(argv[1]))
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
