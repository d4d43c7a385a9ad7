"""tools/curate.py: its check is the loader's (eduplans.validate) plus the curation rules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import eduplans

from .conftest import DATA, PLAN_FILES

CURATE = Path(__file__).resolve().parents[1] / "tools" / "curate.py"


def curate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(CURATE), *args], capture_output=True, text=True, check=False
    )


def test_check_passes_the_bundled_plans_and_counts_what_the_loader_reads() -> None:
    for path in PLAN_FILES:
        result = curate("check", str(path))
        plan = eduplans.read_plan(path)
        n = sum(len(i.values) for i in plan.indicators)
        assert result.returncode == 0, result.stdout
        assert (
            result.stdout == f"{path}: {len(plan.indicators)} indicators, {n} values, 0 problems\n"
        )


def _copy(tmp_path: Path, edit: tuple[str, str]) -> Path:
    text = (DATA / "plans" / "luoyang-2022.toml").read_text(encoding="utf-8")
    assert edit[0] in text
    path = tmp_path / "luoyang-2022.toml"
    path.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (('comparator = ">="', 'comparator = "≥"'), "comparator: '≥' is not one of"),
        (('unit = "percent"', 'unit = "percents"'), "unknown unit 'percents'"),
        (("binding = ", "bindnig = "), "unknown field(s) ['bindnig']"),
    ],
)
def test_check_reports_what_the_loader_refuses(
    tmp_path: Path, edit: tuple[str, str], words: str
) -> None:
    path = _copy(tmp_path, edit)
    result = curate("check", str(path))
    assert result.returncode == 1
    (problem, summary) = result.stdout.splitlines()
    assert problem.startswith(f"{path}:") and words in problem, problem
    assert summary.endswith("1 problems")
    assert any(str(p) in problem for p in eduplans.validate(path))  # the loader's own message


def test_check_reports_a_quote_off_its_offsets_and_fill_puts_it_back(tmp_path: Path) -> None:
    plan = eduplans.read_plan(DATA / "plans" / "luoyang-2022.toml")
    first = plan.indicators[0].values[0].span
    path = _copy(tmp_path, (f"start = {first.start}\n", f"start = {first.start + 3}\n"))
    result = curate("check", str(path))
    assert result.returncode == 1 and "indicators[0].values[0].quote" in result.stdout
    assert "(run fill)" in result.stdout
    assert curate("fill", str(path)).returncode == 0
    assert curate("check", str(path)).returncode == 0
    assert path.read_bytes() == (DATA / "plans" / "luoyang-2022.toml").read_bytes()


def test_check_keeps_the_curation_rules_the_loader_leaves_out(tmp_path: Path) -> None:
    # the loader takes a keyed value's measure from its catalog entry: curated files write it
    path = _copy(tmp_path, ('measure = "cumulative"\n', ""))
    assert not eduplans.validate(path)
    result = curate("check", str(path))
    assert result.returncode == 1
    assert "write measure = 'cumulative' (not a level)" in result.stdout
