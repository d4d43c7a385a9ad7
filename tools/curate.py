"""Curator's helper for the bundled plan files (a development tool, not part of the package).

Usage::

    python tools/curate.py locate SOURCE.txt "verbatim quote"   # print every offset of a quote
    python tools/curate.py fill PLAN.toml                       # write start/end for every quote
    python tools/curate.py check PLAN.toml                      # every problem of the file

``fill`` rewrites only the ``start = ``/``end = `` lines of each ``[[indicators.values]]`` block.
A quote that occurs more than once needs a ``start`` hint already in the block (any offset near
the intended occurrence): ``fill`` then picks the occurrence nearest to the hint.
``check`` runs the loader's checks (:func:`eduplans.validate`: every field, vocabulary, key,
unit, measure, quote and offset, and each value against its text), then the rules curated files
keep beyond them (``curation_problems``). The test suite (``pytest tests/test_data.py``) is the
authority; the plan file format's names come from ``eduplans._format``, as the loader's do.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import eduplans  # noqa: E402  (the loader's checks, run by `check`)
from eduplans import _format as fmt  # noqa: E402  (the plan file format's names)

DATA = ROOT / "src" / "eduplans" / "data"


def source_text(name: str, plan_path: Path | None = None) -> str:
    """Return a source text: beside the plan file first, then bundled (as the loader does)."""
    beside = None if plan_path is None else plan_path.parent / name
    path = beside if beside is not None and beside.is_file() else DATA / fmt.SOURCES_FOLDER / name
    return path.read_bytes().decode("utf-8")


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


_BLOCK = re.compile(rf"^{re.escape(fmt.VALUE_TABLE)}\s*$", re.M)
_HEADER = re.compile(r"^\[\[?.*\]\]?\s*$", re.M)


def fill(plan_path: Path) -> int:
    raw = plan_path.read_text(encoding="utf-8")
    doc = tomllib.loads(raw)
    text = source_text(doc["source"], plan_path)
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


def curation_problems(plan: eduplans.Plan, doc: dict[str, Any]) -> list[str]:
    """Return the rules curated files keep beyond what the loader checks (docs/data-format.md).

    The title and every table name are verbatim in the source text; every value that is not a
    level writes its ``measure`` (the loader would take its catalog entry's), and every period
    total or change its ``start_year``.
    """
    problems: list[str] = []
    if plan.title not in plan.source_text:
        problems.append("title: not verbatim in source")
    raw_indicators = doc[fmt.INDICATORS]
    for i, (ind, raw) in enumerate(zip(plan.indicators, raw_indicators, strict=True)):
        where = f"{fmt.INDICATORS}[{i}] {ind.name!r}"
        if ind.origin == "table" and ind.name not in plan.source_text:
            problems.append(f"{where}: table name not verbatim in source")
        # the loader keeps each kind's values in file order: baselines, then targets
        read = {"baseline": iter(ind.baselines), "target": iter(ind.targets)}
        for j, raw_value in enumerate(raw[fmt.VALUES]):
            v = next(read[raw_value["kind"]])
            w = f"{where} {fmt.VALUES}[{j}]"
            measure = v.measure.value
            if measure != fmt.DEFAULT_MEASURE and "measure" not in raw_value:
                problems.append(f"{w}: write measure = {measure!r} (not a level)")
            if measure in fmt.PERIOD_MEASURES and v.start_year is None:
                problems.append(f"{w}: a {measure} value needs start_year")
    return problems


def check(plan_path: Path) -> int:
    """Print every problem of a plan file: the loader's (eduplans.validate), then curation's."""
    problems = [
        f"{p} (run fill)" if p.field and p.field.endswith(".quote") else str(p)
        for p in eduplans.validate(plan_path)
    ]
    try:
        doc = tomllib.loads(plan_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        doc = {}  # validate said why
    if not problems:
        plan = eduplans.read_plan(plan_path)
        problems += [f"{plan_path}: {p}" for p in curation_problems(plan, doc)]
    for p in problems:
        print(p)
    indicators = doc.get(fmt.INDICATORS, [])
    n_values = sum(len(ind.get(fmt.VALUES, [])) for ind in indicators if isinstance(ind, dict))
    print(f"{plan_path}: {len(indicators)} indicators, {n_values} values, {len(problems)} problems")
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
