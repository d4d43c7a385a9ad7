"""The review workflow end to end: parse a batch, review, validate, load beside the bundled plans.

These run the command line in subprocesses (as a user would) on invented texts: they test the
workflow's file handling, not the parser's recall (that is measured on real texts elsewhere).
"""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

import pandas as pd
import pytest

import eduplans

from .conftest import DATA
from .test_cli import assert_user_error, run


def _texts(folder: Path, n: int) -> list[Path]:
    """``n`` texts for two regions (so the drafts' plan ids collide), numbers all different."""
    folder.mkdir()
    out = []
    for i in range(n):
        region = "洛阳市" if i % 2 else "邯郸市"
        path = folder / f"text_{i:02d}.txt"
        path.write_text(
            f"{region}“十四五”教育事业发展规划\n{region}教育局 2022年3月1日\n"
            f"到2025年,学前三年毛入园率达到{90 + i / 10:.1f}%以上,"
            f"九年义务教育巩固率达到{95 + i / 20:.2f}%。\n",
            encoding="utf-8",
        )
        out.append(path)
    return out


def test_parse_a_folder_of_50_texts_with_colliding_ids(tmp_path: Path) -> None:
    _texts(tmp_path / "texts", 50)
    drafts = tmp_path / "drafts"
    result = run("parse", str(tmp_path / "texts"), "-o", str(drafts))
    assert result.returncode == 0, result.stderr
    files = sorted(drafts.glob("*.toml"))
    assert len(files) == 50
    ids = {eduplans.read_plan(f).id for f in files}
    assert len(ids) == 50
    # handan-2022 and luoyang-2022 are bundled plans' ids: the drafts get -2 … -26
    assert {"luoyang-2022-2", "luoyang-2022-26", "handan-2022-2", "handan-2022-26"} <= ids
    assert not ids & set(eduplans.load().ids)
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 2, result.stderr
    assert warnings[0] == (
        "eduplans: warning: 25 texts give the plan id 'handan-2022' (a bundled plan's id); "
        "they get the ids handan-2022-2, handan-2022-3, handan-2022-4 …"
    )
    # every output path is printed, one line per text
    written = [line.rsplit(" -> ", 1)[1] for line in result.stdout.splitlines() if " -> " in line]
    assert sorted(written) == sorted(map(str, files))
    # each draft keeps its own numbers: nothing was overwritten by a namesake
    targets = {eduplans.read_plan(f).targets[0].text for f in files if "luoyang" in f.name}
    assert len(targets) == 25
    before = {f: f.read_bytes() for f in drafts.iterdir()}
    again = run("parse", str(tmp_path / "texts"), "-o", str(drafts))
    assert again.returncode == 1 and "Traceback" not in again.stderr
    *warned, error = again.stderr.strip().splitlines()
    assert len(warned) == 2 and all(w.startswith("eduplans: warning: ") for w in warned)
    assert error.startswith("eduplans: error: ") and error.endswith(
        "already exists (and 49 more); nothing was written; pass --force to overwrite"
    )
    assert {f: f.read_bytes() for f in drafts.iterdir()} == before
    forced = run("parse", str(tmp_path / "texts"), "-o", str(drafts), "--force")
    assert forced.returncode == 0, forced.stderr
    assert len(list(drafts.glob("*.toml"))) == 50


def test_parse_without_output_prints_the_draft(tmp_path: Path) -> None:
    (text,) = _texts(tmp_path / "one", 1)
    result = run("parse", str(text))
    assert result.returncode == 0, result.stderr
    doc = tomllib.loads(result.stdout)
    assert doc["id"] == "handan-2022-2" and doc["indicators"]
    assert "handan-2022-2" in result.stderr  # the summary line goes to stderr, not into the TOML
    assert list((tmp_path / "one").iterdir()) == [text]  # nothing written


def test_validate_reports_every_problem_of_every_file(tmp_path: Path) -> None:
    good = DATA / "plans" / "henan-2024.toml"
    text = good.read_text("utf-8").replace('id = "henan-2024"', 'id = "copy-2024"')  # own id
    a = tmp_path / "a.toml"  # two problems: a kind, and a number that is not its text's
    broken = text.replace('kind = "target"', 'kind = "goal"', 1)
    assert broken.index('kind = "goal"') < broken.index('text = "30%左右"')
    value_at = broken.index("\nvalue = ", broken.index('text = "30%左右"'))
    line_no = broken[: value_at + 1].count("\n") + 1
    number = broken[value_at:].split("\n")[1]
    a.write_text(broken.replace(number, "value = 31.0", 1), encoding="utf-8")
    b = tmp_path / "b.toml"
    b_text = text.replace("schema_version = 1", 'schema_version = "1"')
    b.write_text(b_text.replace('id = "copy-2024"', 'id = "copy-b-2024"'), encoding="utf-8")
    result = run("validate", str(a), str(b), str(good))
    assert_user_error(result, "3 problems in 2 of 3 files")
    lines = result.stdout.splitlines()
    assert any(f"{a}:" in line and "values[0].kind" in line for line in lines), lines
    assert any(
        line.startswith(f"{a}:{line_no}: ") and "disagrees with its text" in line for line in lines
    ), lines
    assert any(line.startswith(f"{b}:1: schema_version") for line in lines), lines
    assert any(line.startswith(f"{good}: valid") for line in lines), lines
    # the same from Python
    problems = eduplans.validate([a, b, good])
    assert [(p.path, p.line is not None) for p in problems] == [
        (str(a), True), (str(a), True), (str(b), True)
    ]  # fmt: skip


def test_plans_option_loads_user_files_beside_the_bundled(tmp_path: Path) -> None:
    _texts(tmp_path / "texts", 3)
    drafts = tmp_path / "drafts"
    assert run("parse", str(tmp_path / "texts"), "-o", str(drafts)).returncode == 0
    listed = run("list", "--plans", str(drafts), "--format", "csv")
    assert listed.returncode == 0, listed.stderr
    assert {"handan-2022", "handan-2022-2", "handan-2022-3", "luoyang-2022-2"} <= set(
        line.split(",")[0] for line in listed.stdout.splitlines()
    )
    key = "preschool_gross_enrolment_rate"
    compared = run("compare", key, "--plans", str(drafts), "--format", "csv")
    assert compared.returncode == 0, compared.stderr
    assert compared.stdout.count("邯郸市") >= 3  # the bundled plan and two drafts
    out = tmp_path / "all.csv"
    assert run("export", "-o", str(out), "--plans", str(drafts)).returncode == 0
    frame = pd.read_csv(out, dtype=eduplans.frame_dtypes(), keep_default_na=False,
                        na_values=[""])  # fmt: skip
    assert len(frame) == len(eduplans.load(drafts).to_frame())
    assert set(frame.plan_status) == {"draft", "final"}
    summary = run("summary", "--plans", str(drafts))
    assert "8 plans (3 from --plans)" in summary.stdout


def test_summary_lang_and_coverage_without_a_key(tmp_path: Path) -> None:
    zh = run("summary", "--lang", "zh")
    assert zh.returncode == 0 and "学前教育毛入园率" in zh.stdout
    assert "Preschool gross enrolment rate" not in zh.stdout
    out = tmp_path / "coverage.png"
    result = run("plot", "--kind", "coverage", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {out}"
    assert_user_error(run("plot", "-o", str(tmp_path / "t.png")), "needs a KEY")
    assert_user_error(run("plot", "--kind", "coverage", "-o", str(out)), "already exists")


def test_load_paths_bundled_and_realign(tmp_path: Path) -> None:
    plan = eduplans.load()["luoyang-2022"]
    n = next(i for i, ind in enumerate(plan.indicators) if ind.name == "学前三年毛入园率")
    assert plan.indicators[n].key == "preschool_gross_enrolment_rate"  # curated
    mine = dataclasses.replace(plan.set_key(n, None), id="luoyang-mine")
    mine.save(tmp_path / "mine.toml")
    both = eduplans.load(tmp_path)
    assert len(both) == 6 and both["luoyang-mine"].indicators[n].key is None
    only = eduplans.load([tmp_path / "mine.toml"], bundled=False)
    assert only.ids == ("luoyang-mine",)
    again = eduplans.load(tmp_path, bundled=False, realign=True)["luoyang-mine"]
    assert again.indicators[n].key == "preschool_gross_enrolment_rate"
    henan = DATA / "plans" / "henan-2024.toml"
    with pytest.raises(eduplans.DataError, match=r"also in eduplans/data/plans/henan-2024\.toml"):
        eduplans.load(henan)
    with pytest.raises(eduplans.DataError, match="no such file or folder"):
        eduplans.load(tmp_path / "nope")


def test_a_batch_with_an_unreadable_text_keeps_the_others(tmp_path: Path) -> None:
    _texts(tmp_path / "texts", 3)
    (tmp_path / "texts" / "text_99.txt").write_bytes(b"")
    drafts = tmp_path / "drafts"
    result = run("parse", str(tmp_path / "texts"), "-o", str(drafts))
    assert result.returncode == 1
    assert len(list(drafts.glob("*.toml"))) == 3  # the three good texts are saved
    errors = [line for line in result.stderr.splitlines() if line.startswith("eduplans: error:")]
    assert len(errors) == 1 and "text_99.txt" in errors[0] and "Traceback" not in result.stderr
    assert "1 of 4 texts could not be read" in result.stderr


def test_summary_figure_is_not_overwritten_without_force(tmp_path: Path) -> None:
    out = tmp_path / "fig.png"
    out.write_bytes(b"mine")
    assert_user_error(run("summary", "--figure", str(out)), "already exists; pass --force")
    assert out.read_bytes() == b"mine"
    forced = run("summary", "--figure", str(out), "--force")
    assert forced.returncode == 0, forced.stderr
    assert out.read_bytes()[:4] == b"\x89PNG" and f"wrote {out}" in forced.stdout
