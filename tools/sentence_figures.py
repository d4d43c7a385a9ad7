"""Score alignment with each name's sentence, as ``parse_plan`` passes it, on the development sets.

Run: python tools/sentence_figures.py [real5 real3 ...]

The benchmark (benchmarks/alignment_quality.py) aligns each labelled name with its heading only;
``parse_plan`` also passes the name's sentence (``eduplans._align.sentence_context``). The
labelled sets carry no sentences, but their ``why`` field often quotes the labeller's sentence
(sometimes shortened with ……). For each name found in its ``why``, the text before it there is
taken as its sentence; other names keep their heading. Pairwise precision/recall/F1 are printed
with headings only and with sentences, each without and with the pages (``document=``). These
figures are not the benchmark's and do not replace it: the quotes were written by the labellers
to explain a label, so they hold the words that decide it more often than a page would. Held-out
and validation sets are refused.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from _sets import ALIGNMENT_REFUSED as REFUSED

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import alignment_quality as aq

import eduplans
from eduplans._align import sentence_context


def groups(items: list[aq.Item], contexts: list[str | None], pages: bool) -> list[str]:
    documents = [i.page or None for i in items] if pages else None
    frame = eduplans.align([i.name for i in items], context=contexts, document=documents)
    out = [f"key:{k}" if isinstance(k, str) else "" for k in frame["key"]]
    rest = [n for n, g in enumerate(out) if not g]
    if rest:
        clusters = eduplans.cluster(
            [items[n].name for n in rest],
            context=[contexts[n] for n in rest],
            document=[documents[n] for n in rest] if documents else None,
        )["cluster"]
        for n, c in zip(rest, clusters, strict=True):
            out[n] = f"cluster:{c}"
    return out


def main() -> None:
    for which in sys.argv[1:] or ["real1", "real2", "real3", "real5"]:
        if which in REFUSED:
            raise SystemExit(f"{which} is held out: its names are not to be read")
        items = aq.labelled(which)
        doc = tomllib.loads((aq.DATA / f"labelled_{which}.toml").read_text(encoding="utf-8"))
        headings = [i.context or None for i in items]
        sentences = []
        for item, entry in zip(items, doc["name"], strict=True):
            why = entry.get("why") or ""
            at = why.find(item.name)
            heading = item.context or None
            sentences.append(sentence_context(item.name, why[:at], heading) if at >= 0 else heading)
        labels = [i.label for i in items]
        cells = []
        for title, contexts in (("heading", headings), ("sentence", sentences)):
            for pages in (False, True):
                p, r, f1, _ = aq.pairwise(labels, groups(items, contexts, pages))
                cells.append(f"{title}{' by page' if pages else ''} {p:.3f}/{r:.3f}/{f1:.3f}")
        found = sum(s != h for s, h in zip(sentences, headings, strict=True))
        print(f"{which:6s} ({found} names with a sentence's context) " + "  ".join(cells))


if __name__ == "__main__":
    main()
