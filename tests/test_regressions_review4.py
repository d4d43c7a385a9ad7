"""Regression tests of a fresh-eyes review (session 4): one per fixed defect.

The review followed the README and the docs pages as a new user, a notebook researcher and a
package that depends on the frame schema; each test reproduces one thing that did not work as
printed and failed before its fix.
"""

from __future__ import annotations

import inspect
import os
import re
from pathlib import Path

import pandas as pd
import pytest

import eduplans
from eduplans._cli import main

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
BLIND1 = ROOT / "tests" / "data" / "realtexts_blind1"


def _blocks(page: str, section: str, lang: str = "python") -> list[str]:
    text = (DOCS / page).read_text("utf-8")
    part = text.split(section, 1)[1].split("\n## ", 1)[0]
    return re.findall(rf"```{lang}\n(.*?)```", part, re.S)


def _run_in(folder: Path, code: str, scope: dict[str, object]) -> None:
    here = os.getcwd()
    os.chdir(folder)
    try:
        exec(code, scope)
    finally:
        os.chdir(here)


def test_guide_override_example_runs_as_printed(tmp_path: Path) -> None:
    """docs/guide.md's override example used ``names`` without defining it (NameError)."""
    (python,) = _blocks("guide.md", "### Override an alignment")
    (toml,) = _blocks("guide.md", "### Override an alignment", "toml")
    (tmp_path / "my_mapping.toml").write_text(toml, encoding="utf-8")  # the page's file
    scope: dict[str, object] = {"ep": eduplans}
    _run_in(tmp_path, python, scope)
    names = scope["names"]
    assert isinstance(names, list)
    keys = list(eduplans.align(names, overrides=tmp_path / "my_mapping.toml")["key"])
    assert keys[0] == "preschool_gross_enrolment_rate"  # pinned
    assert pd.isna(keys[1])  # never mapped
    assert keys[2] != "inclusive_kindergarten_coverage"  # forbidden


def test_guide_review_example_runs_when_the_floor_word_is_outside_the_text(
    tmp_path: Path,
) -> None:
    """The review example set ``>=`` on "95%" (以上 later in the sentence): DataError as printed."""
    (block,) = _blocks("guide.md", "## Review a draft")
    text = ("某某县“十四五”教育事业发展规划\n到2025年,学前三年毛入园率达到95%,"
            "九年义务教育巩固率达到99%,新增学位1200个,高中阶段毛入学率达到93%。\n")  # fmt: skip
    draft = eduplans.parse_plan(text, region=eduplans.Region(name="某某县", level="county"))
    (target,) = [t for i in draft.indicators if i.name == "学前三年毛入园率" for t in i.targets]
    assert (target.text, target.comparator.value) == ("95%", "=")  # the case the note describes
    draft.save(tmp_path / "drafts" / "my_plan.toml")
    _run_in(tmp_path, block, {"ep": eduplans, "draft": draft})
    fixed = eduplans.read_plan(tmp_path / "drafts" / "my_plan.toml")
    (target,) = [t for i in fixed.indicators if i.name == "学前三年毛入园率" for t in i.targets]
    assert target.comparator.value == ">=" and "comparator_from_context" in target.flags


def test_parser_page_gives_parse_plan_s_signature_and_says_drafts_are_aligned() -> None:
    """docs/parser.md listed no ``align``/``overrides`` and said every draft key is None."""
    page = (DOCS / "parser.md").read_text("utf-8")
    found = re.search(r"`parse_plan\(source, \*, (.*?)\)`", page, re.S)
    assert found is not None
    documented = [p.split("=")[0].strip() for p in found.group(1).split(",")]
    actual = [n for n in inspect.signature(eduplans.parse_plan).parameters if n != "source"]
    assert documented == actual
    assert "`key`s are None" not in page
    draft = eduplans.parse_plan("某县教育规划\n到2025年,学前三年毛入园率达到95%。")
    assert [i.key for i in draft.indicators] == ["preschool_gross_enrolment_rate"]


def _documented_dtypes() -> dict[str, str]:
    page = (DOCS / "frame.md").read_text("utf-8")
    table = page.split("| column | dtype | meaning |", 1)[1].split("\n\n", 1)[0]
    out = {}
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2:
            for name in re.findall(r"`(\w+)`", cells[0]):
                out[name] = " | ".join(cells[1:])  # its dtype and meaning
    return out


def test_frame_page_says_which_columns_may_be_missing() -> None:
    """docs/frame.md gave ``region`` and ``level`` no NA; a draft of an unknown region has NA."""
    documented = _documented_dtypes()
    frames = [eduplans.load().to_frame()]
    frames += [eduplans.parse_plan(p).to_frame() for p in sorted(BLIND1.glob("real_*.txt"))]
    unknown = eduplans.parse_plan("某县教育规划\n到2025年,学前三年毛入园率达到95%。").to_frame()
    assert unknown["region"].isna().all() and unknown["level"].isna().all()  # no place name
    frame = pd.concat([*frames, unknown], ignore_index=True)
    for column in frame.columns:
        if column.startswith("flag_") or frame[column].dtype == "float64":
            continue  # booleans; NaN is "no number" for value and value_high
        if frame[column].isna().any():
            assert re.search(r"\bNA\b", documented[column]), column


def test_cli_export_names_its_own_option_for_an_unknown_suffix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``eduplans export -o out.xlsx`` said "or pass format=", a Python argument."""
    assert main(["export", "-o", str(tmp_path / "out.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "--format" in err and "format=" not in err
    assert not (tmp_path / "out.xlsx").exists()


def test_cli_summary_refuses_a_figure_suffix_before_printing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``summary --figure out.jpg`` printed the whole summary, then failed on the suffix."""
    assert main(["summary", "--figure", str(tmp_path / "out.jpg")]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "use .png, .pdf or .svg" in captured.err


def test_compare_page_gives_the_row_order_compare_returns() -> None:
    """docs/compare.md said rows are sorted by region; they are sorted by region code."""
    page = (DOCS / "compare.md").read_text("utf-8")
    assert "sorted by\nkey, target year and region code" in page
    plans = eduplans.load()
    text = "某县教育规划\n到2025年,学前三年毛入园率达到95%。"
    draft = eduplans.parse_plan(text, plan_id="x-2021")
    table = eduplans.compare([*plans, draft], "preschool_gross_enrolment_rate")
    codes = list(table["region_code"])
    assert codes[:4] == ["130400", "140107", "410300", "440117"]  # 邯郸 杏花岭 洛阳 从化
    assert codes[-1] is None  # the draft whose region is unknown comes last
    by_name = sorted(table["region"].dropna())
    assert list(table["region"].dropna()) != by_name  # not the order of the names


def test_gallery_help_prints_usage_and_writes_nothing(tmp_path: Path) -> None:
    """``python examples/gallery.py --help`` drew every figure into a folder named "--help"."""
    import subprocess
    import sys

    env = {"MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"}
    env |= {k: v for k, v in os.environ.items() if k == "PYTHONPATH"}
    result = subprocess.run([sys.executable, str(ROOT / "examples" / "gallery.py"), "--help"],
                            cwd=tmp_path, env=env, capture_output=True, text=True,
                            timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: gallery.py") and "--docs" in result.stdout
    assert list(tmp_path.iterdir()) == []
