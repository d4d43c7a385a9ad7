"""Write the generated documentation pages (docs/catalog.md, docs/changelog.md).

Run: python tools/gen_docs.py   (tests/test_docs.py fails when a page is out of date)
"""

from __future__ import annotations

import sys
from pathlib import Path

import eduplans

ROOT = Path(__file__).resolve().parents[1]


def catalog_page() -> str:
    lines = [
        "# Indicator catalog",
        "",
        "Generated from `src/eduplans/data/catalog.toml` by `tools/gen_docs.py`; do not edit.",
        "Each key is stable; `ep.catalog()[key]` gives the entry, `ep.align` maps names to keys.",
        "",
        "| key | 中文 | English | unit | stage | category | better | aliases |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for e in eduplans.catalog().values():
        better = {"up": "↑", "down": "↓", "none": ""}[e.direction]
        aliases = "、".join(e.aliases)
        lines.append(
            f"| `{e.key}` | {e.name_zh} | {e.label_en} | {e.unit} | {e.stage} | {e.category} "
            f"| {better} | {aliases} |"
        )
    lines += ["", "## Definitions", ""]
    for e in eduplans.catalog().values():
        lines.append(f"- **`{e.key}`** ({e.name_zh}): {e.definition}")
    return "\n".join(lines) + "\n"


def changelog_page() -> str:
    return (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


PAGES = {"docs/catalog.md": catalog_page, "docs/changelog.md": changelog_page}


def main() -> int:
    check = "--check" in sys.argv
    stale = []
    for rel, make in PAGES.items():
        path = ROOT / rel
        text = make()
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(rel)
        else:
            path.write_text(text, encoding="utf-8")
    for rel in stale:
        print(f"{rel} is out of date: run python tools/gen_docs.py")
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
