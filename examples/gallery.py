"""Gallery: every figure type of ``eduplans.plot``, in Chinese and English, as PNG and PDF.

Run from the repository root::

    python examples/gallery.py            # writes examples/output/*.png and *.pdf
    python examples/gallery.py FOLDER     # … into FOLDER
    python examples/gallery.py --docs     # rewrites the figures of docs/figures.md (150 dpi)

Each figure is made at a journal's single column width (3.5 in) and saved with
:func:`eduplans.plot.save` (Type 42 fonts in PDF, no creation dates).
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt

import eduplans
import eduplans.plot

OUT = Path(__file__).resolve().parent / "output"
DOCS = Path(__file__).resolve().parents[1] / "docs" / "figures"

#: the figures docs/figures.md shows, name_lang
DOC_FIGURES = (
    "targets_preschool_zh",
    "targets_quality_balanced_en",
    "targets_upper_secondary_en",
    "targets_new_places_zh",
    "targets_myopia_zh",
    "trajectory_quality_balanced_zh",
    "trajectory_new_places_en",
    "coverage_en",
)


def key_of(plans: eduplans.PlanCollection, plan_id: str, words: str) -> str:
    """Return the catalog key under which plan ``plan_id`` states a target written ``words``."""
    plan = plans[plan_id]
    keys = {i.key for i in plan.indicators for t in i.targets if words in t.text and i.key}
    if len(keys) != 1:
        raise LookupError(f"{plan_id}: {len(keys)} keys with a target {words!r}")
    return keys.pop()


#: name → function drawing one figure in a language
FIGURES = {
    "targets_preschool": lambda plans, lang: eduplans.plot.targets(
        plans, "preschool_gross_enrolment_rate", lang=lang
    ),
    "targets_retention": lambda plans, lang: eduplans.plot.targets(
        plans, "compulsory_retention_rate", lang=lang
    ),
    "targets_quality_balanced": lambda plans, lang: eduplans.plot.targets(
        plans, "quality_balanced_county_share", lang=lang
    ),
    "targets_upper_secondary": lambda plans, lang: eduplans.plot.targets(
        plans, "upper_secondary_gross_enrolment_rate", lang=lang
    ),
    # 从化's 新增学位 totals (1.5万 for 2016–20, 2.34万 for 2021–25) and 洛阳's 近视率
    # "每年降低1个百分点以上", under whichever catalog key the bundled data files them
    "targets_new_places": lambda plans, lang: eduplans.plot.targets(
        plans, key_of(plans, "conghua-2022", "2.34万"), lang=lang
    ),
    "targets_myopia": lambda plans, lang: eduplans.plot.targets(
        plans, key_of(plans, "luoyang-2022", "降低1个百分点"), lang=lang
    ),
    "trajectory_new_places": lambda plans, lang: eduplans.plot.trajectory(
        plans, key_of(plans, "conghua-2022", "2.34万"), region="从化区", lang=lang
    ),
    "trajectory_quality_balanced": lambda plans, lang: eduplans.plot.trajectory(
        plans, "quality_balanced_county_share", region="洛阳市", lang=lang
    ),
    "coverage": lambda plans, lang: eduplans.plot.coverage(plans, lang=lang),
}


def main(out: Path = OUT) -> list[Path]:
    """Draw every figure in zh and en and save each as PNG and PDF into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    plans = eduplans.load()
    written: list[Path] = []
    for name, draw in FIGURES.items():
        for lang in ("zh", "en"):
            ax = draw(plans, lang)
            for suffix in (".png", ".pdf"):
                written.append(
                    eduplans.plot.save(ax, out / f"{name}_{lang}{suffix}", overwrite=True)
                )
            plt.close(ax.figure)
    return written


def docs(out: Path = DOCS) -> list[Path]:
    """Draw the figures of docs/figures.md and save each as a 150 dpi PNG into ``out``."""
    plans = eduplans.load()
    written: list[Path] = []
    for item in DOC_FIGURES:
        name, lang = item.rsplit("_", 1)
        ax = FIGURES[name](plans, lang)
        written.append(eduplans.plot.save(ax, out / f"{item}.png", dpi=150, overwrite=True))
        plt.close(ax.figure)
    return written


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Write every figure type of eduplans.plot.")
    where = "folder to write the PNGs and PDFs into (default: examples/output)"
    parser.add_argument("out", nargs="?", type=Path, default=OUT, help=where)
    parser.add_argument("--docs", action="store_true", help="rewrite docs/figures.md's figures")
    args = parser.parse_args()
    written = docs() if args.docs else main(args.out)
    for path in written:
        print(path)
