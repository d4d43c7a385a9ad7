"""Write the generated documentation: pages (docs/catalog.md, docs/changelog.md) and figures.

Run: python tools/gen_docs.py   (tests/test_docs.py fails when a page is out of date)
     python tools/gen_docs.py --check   (CI and land.sh: lists what is out of date, exit 1)

The figures are those of ``examples/gallery.py --docs`` (docs/figures/*.png). They are redrawn
with the Agg backend and the bundled font, saved by ``eduplans.plot.save`` (no software version,
no date), and compared pixel for pixel with the committed PNGs: decoded pixels rather than file
bytes, so that another zlib (Pillow's) on a fresh machine cannot fail the check while the image
is the same. Every ``figures/*.png`` a page of docs/ shows must be one the gallery makes, so that
no docs figure goes unchecked.
"""

from __future__ import annotations

import html
import importlib.util
import re
import sys
import tempfile
from pathlib import Path
from types import ModuleType

import eduplans

ROOT = Path(__file__).resolve().parents[1]
GALLERY = ROOT / "examples" / "gallery.py"
FIGURES = ROOT / "docs" / "figures"


def _key_html(key: str) -> str:
    """A key that may break after its underscores only, never inside a word."""
    return "<code>" + "_<wbr>".join(html.escape(p) for p in key.split("_")) + "</code>"


CATEGORY_TITLES = {
    "access": "Access and enrolment",
    "equity": "Equity and inclusion",
    "quality": "Quality",
    "teachers": "Teachers",
    "resources": "Schools, places and facilities",
    "finance": "Finance",
    "attainment": "Attainment",
    "health": "Health and physical activity",
    "digital": "Digital education",
}


def catalog_page() -> str:
    e_ = html.escape
    entries = list(eduplans.catalog().values())
    lines = [
        "---",
        "hide:",
        "  - toc",
        "---",
        "",
        "# Indicator catalog",
        "",
        "Generated from `src/eduplans/data/catalog.toml` by `tools/gen_docs.py`; do not edit.",
        f"{len(entries)} indicators, one row each, grouped by category. Each key is stable;",
        "`ep.catalog()[key]` gives the entry, `ep.align` maps the names plans use to keys. Open",
        "a row's *definition and aliases* to see what it measures and the other names plans use;",
        "the filter below matches keys, Chinese and English names, aliases and definitions.",
        "`measure` says what the indicator counts ([measures](frame.md#measures)): a level, a",
        "flow per year, a total over a period or a change; `compare` expresses every value of a",
        "key in its `unit`.",
        "",
        '<input id="catalog-filter" class="catalog-filter" type="search" '
        'placeholder="Filter: 入园率, teacher, preschool_…" aria-label="Filter the catalog">',
        "",
    ]
    order = list(CATEGORY_TITLES)
    rank = {c: i for i, c in enumerate(order)}
    for category in sorted({e.category for e in entries}, key=lambda c: (rank.get(c, 99), c)):
        lines += [
            f"## {CATEGORY_TITLES.get(category, category)}",
            "",
            '<div class="catalog"><table>',
            "<thead><tr><th>indicator</th><th>key</th><th>unit</th><th>measure</th><th>stage</th>"
            "<th>better</th></tr></thead>",
            "<tbody>",
        ]
        for e in (x for x in entries if x.category == category):
            better = {"up": "↑ higher", "down": "↓ lower", "none": ""}[e.direction]
            aliases = "、".join(e_(a) for a in e.aliases) or "none"
            n = len(e.aliases)
            lines.append(
                f'<tr id="{e_(e.key)}"><td><span lang="zh">{e_(e.name_zh)}</span><br>'
                f"{e_(e.label_en)}<details><summary>definition and {n} alias"
                f"{'es' if n != 1 else ''}</summary><p>{e_(e.definition)}</p>"
                f'<p lang="zh">{aliases}</p></details></td>'
                f"<td>{_key_html(e.key)}</td><td>{e_(e.unit)}</td><td>{e_(e.measure.value)}</td>"
                f"<td>{e_(e.stage)}</td>"
                f"<td>{better}</td></tr>"
            )
        lines += ["</tbody>", "</table></div>", ""]
    return "\n".join(lines)


def changelog_page() -> str:
    return (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


PAGES = {"docs/catalog.md": catalog_page, "docs/changelog.md": changelog_page}


def _gallery() -> ModuleType:
    """Import examples/gallery.py (it selects the Agg backend before pyplot is imported)."""
    spec = importlib.util.spec_from_file_location("eduplans_gallery", GALLERY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pixels(path: Path) -> tuple[tuple[int, int], bytes]:
    """The size and RGBA pixels of a PNG (not its compressed bytes)."""
    from PIL import Image

    with Image.open(path) as image:
        return image.size, image.convert("RGBA").tobytes()


def shown_figures() -> set[str]:
    """The file names of the figures/*.png that the pages of docs/ show."""
    pattern = re.compile(r"\(figures/([\w.-]+\.png)\)")
    return {
        name
        for page in sorted((ROOT / "docs").glob("*.md"))
        for name in pattern.findall(page.read_text(encoding="utf-8"))
    }


def figures(*, check: bool, folder: Path = FIGURES) -> list[str]:
    """Redraw the docs figures into ``folder``, or (``check``) list those that differ there.

    Returns the problems found, one sentence each (empty when all is up to date).
    """
    gallery = _gallery()
    made = {f"{item}.png" for item in gallery.DOC_FIGURES}
    problems = [
        f"docs/figures/{name} is shown in docs/ but examples/gallery.py does not make it: "
        "add it to DOC_FIGURES"
        for name in sorted(shown_figures() - made)
    ]
    if not check:
        gallery.docs(folder)
        return problems
    with tempfile.TemporaryDirectory() as tmp:
        for fresh in gallery.docs(Path(tmp)):
            committed = folder / fresh.name
            if not committed.exists() or _pixels(committed) != _pixels(fresh):
                problems.append(
                    f"docs/figures/{fresh.name} is out of date: run python tools/gen_docs.py"
                )
    return problems


def main() -> int:
    check = "--check" in sys.argv
    stale = []
    for rel, make in PAGES.items():
        path = ROOT / rel
        text = make()
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(f"{rel} is out of date: run python tools/gen_docs.py")
        else:
            path.write_text(text, encoding="utf-8")
    stale += figures(check=check)
    for what in stale:
        print(what)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
