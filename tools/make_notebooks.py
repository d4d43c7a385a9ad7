# ruff: noqa: E501  (the notebooks' code is written as strings)
"""Write the example notebooks in examples/ (without outputs; CI executes them with nbmake).

Run: python tools/make_notebooks.py
The notebooks are generated so that their code stays reviewable here; edit this file, not the
.ipynb files.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]


def readme_code() -> str:
    """The code block of the README's "Review a plan of your own" section."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Review a plan of your own", 1)[1]
    return section.split("```python\n", 1)[1].split("```", 1)[0]


def readme_workflow() -> list[tuple[str, str]]:
    """The README's workflow as notebook cells: one per numbered step, its comment as text."""
    cells: list[tuple[str, str]] = [
        (
            "md",
            "# Add and review your own plan\n\n"
            "The README's workflow, step by step: parse a plan's text into a draft, review and "
            "fix it, save and validate it, then compare it with the bundled plans. The text is "
            "a short made-up plan for illustration (it tests the workflow, not the parser).",
        )
    ]
    cells.append(
        ("code", "import os\nimport tempfile\n\nos.chdir(tempfile.mkdtemp())  # a scratch folder")
    )
    chunks = [c.strip("\n") for c in readme_code().split("\n\n# ")]
    cells.append(("code", chunks[0]))
    for chunk in chunks[1:]:
        title, _, code = chunk.partition("\n")
        cells.append(("md", f"**{title.strip()}**"))
        cells.append(("code", code))
    return cells


NOTEBOOKS: dict[str, list[tuple[str, str]]] = {
    "preschool_access.ipynb": [
        (
            "md",
            "# Preschool access targets across four regions\n\n"
            "How ambitious is each region's target for preschool access (学前教育毛入园率), "
            "against its own baseline and the national target? Four of the five bundled plans "
            "set one (河南's does not), under four names; eduplans lines them up.",
        ),
        ("code", "import eduplans as ep\n\nplans = ep.load()\nplans"),
        ("md", "The names the plans use, and how alignment reads them:"),
        (
            "code",
            "names = sorted({i.full_name for p in plans for i in p.indicators\n"
            "                if i.key == 'preschool_gross_enrolment_rate'})\n"
            "ep.align(names)",
        ),
        ("code", "print(ep.explain('学前三年毛入学率'))"),
        (
            "md",
            "Side by side. 邯郸's target is for 2022 and is not mixed with the 2025 targets; "
            "the national target is the 十四五 outline's 90%以上.",
        ),
        (
            "code",
            "table = ep.compare(plans, 'preschool_gross_enrolment_rate')\n"
            "table[['region', 'baseline_value', 'target_year', 'target_text', 'binding',\n"
            "       'status', 'change_per_year', 'gap_to_bound', 'national_text',\n"
            "       'gap_to_national', 'conflict']]",
        ),
        (
            "md",
            "杏花岭's plan contradicts itself; the row keeps the table's numbers and lists "
            "the other statements:",
        ),
        ("code", "table.loc[table.region == '杏花岭区', 'alternatives'].item()"),
        (
            "md",
            "Read at a common year: a straight path from each baseline to its target, marked "
            "as derived.",
        ),
        (
            "code",
            "ep.compare(plans, 'preschool_gross_enrolment_rate', year=2022, kind='interpolated')"
            "[['region', 'target_value', 'derived', 'target_text']]",
        ),
        (
            "code",
            "from eduplans import plot\n\n"
            "ax = plot.targets(plans, 'preschool_gross_enrolment_rate', lang='en')",
        ),
        (
            "md",
            "Inclusive and public kindergarten shares are different indicators (公办园 ⊂ 普惠园):",
        ),
        (
            "code",
            "ep.compare(plans, ['inclusive_kindergarten_coverage', "
            "'public_kindergarten_share'])[\n"
            "    ['key', 'region', 'baseline_value', 'target_year', 'target_text', "
            "'national_text']]",
        ),
    ],
    "teacher_qualification.ipynb": [
        (
            "md",
            "# Teacher qualification targets\n\n"
            "Which regions set targets for teachers' degrees, and in what form?",
        ),
        (
            "code",
            "import eduplans as ep\n\nplans = ep.load()\n"
            "teacher_keys = [k for k, e in ep.catalog().items() if e.category == 'teachers']\n"
            "frame = plans.to_frame()\n"
            "frame[frame.key.isin(teacher_keys)].groupby(['key', 'region']).size()",
        ),
        (
            "code",
            "keys = sorted(set(frame[frame.key.isin(teacher_keys) & (frame.kind == 'target')].key))\n"
            "table = ep.compare(plans, keys)\n"
            "table[['label_en', 'region', 'baseline_value', 'target_text', 'target_comparator',\n"
            "       'binding', 'status', 'change_per_year', 'gap_to_bound']]",
        ),
        (
            "md",
            "从化 states its targets as floors (≥93) and binding (约束性); the same numbers "
            "appear again in its 重点工程, which `compare` lists as alternatives:",
        ),
        ("code", "table[table.region == '从化区'][['label_en', 'target_text', 'alternatives']]"),
        ("md", "Every number comes with the sentence it was read from:"),
        (
            "code",
            "for row in table.head(3).itertuples():\n"
            "    print(row.region, row.target_text, '←', repr(row.quote))",
        ),
    ],
    "henan_vs_luoyang.ipynb": [
        (
            "md",
            "# 河南 vs 洛阳: province milestones and a city plan\n\n"
            "河南's 2024 plan sets milestones for the share of counties reaching high-quality "
            "balanced compulsory education (义务教育优质均衡): about 30% by 2027, 80% by 2030, "
            "all by 2035. 洛阳's 十四五 plan (a draft) sets 20% for 2025.",
        ),
        (
            "code",
            "import eduplans as ep\n\nplans = ep.load()\n"
            "ep.hierarchy(plans, 'quality_balanced_county_share', region='洛阳市')",
        ),
        (
            "code",
            "from eduplans import plot\n\n"
            "ax = plot.trajectory(plans, 'quality_balanced_county_share', region='洛阳市')",
        ),
        (
            "md",
            "洛阳's 20% is a table row that carries one value; the plan's prose shows it is the "
            "2025 target, and the data says so:",
        ),
        (
            "code",
            "t = next(i for i in plans['洛阳市'].indicators\n"
            "         if i.key == 'quality_balanced_county_share').targets[0]\n"
            "t.year, t.text, t.flags, t.note",
        ),
        ("md", "Which indicators does each region set at all?"),
        ("code", "ax = plot.coverage(plans, lang='en')"),
    ],
    "add_your_own_plan.ipynb": readme_workflow(),
}


def main() -> None:
    out = ROOT / "examples"
    for name, cells in NOTEBOOKS.items():
        nb = new_notebook()
        nb.metadata["kernelspec"] = {
            "name": "python3",
            "display_name": "Python 3",
            "language": "python",
        }
        nb.cells = [
            new_markdown_cell(src) if kind == "md" else new_code_cell(src) for kind, src in cells
        ]
        for i, cell in enumerate(nb.cells):  # stable ids: regenerating changes no line
            cell["id"] = hashlib.sha1(f"{name}:{i}".encode()).hexdigest()[:8]
        nbformat.write(nb, out / name)
        print(f"wrote examples/{name}")
    # the notebooks' code follows the project's style (CI checks it like any other code)
    ruff = [sys.executable, "-m", "ruff"]
    subprocess.run([*ruff, "format", "--quiet", str(out)], check=True)
    subprocess.run([*ruff, "check", "--fix", "--quiet", str(out)], check=True)
    subprocess.run([*ruff, "format", "--quiet", str(out)], check=True)


if __name__ == "__main__":
    main()
