"""The command line, end to end in subprocesses: output, exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import eduplans

from .conftest import DATA

COMMANDS = ["summary", "list", "show", "indicators", "compare", "plot", "parse", "validate",
            "export", "cite"]  # fmt: skip


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "eduplans", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
        env={"PYTHONIOENCODING": "utf-8", "MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin"},
    )


def assert_user_error(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr  # one line, no traceback
    assert lines[0].startswith("eduplans: error: ") and words in lines[0], lines[0]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0
    assert "usage: eduplans" in result.stdout


def test_usage_errors_exit_2() -> None:
    assert run("compare").returncode == 2  # KEY missing
    assert run("no-such-command").returncode == 2
    assert run("export", "--format", "xml").returncode == 2


def test_summary_is_the_default() -> None:
    result = run()
    assert result.returncode == 0, result.stderr
    assert "5 bundled plans" in result.stdout
    assert "Preschool gross enrolment rate" in result.stdout


def test_list_in_three_formats() -> None:
    table = run("list")
    assert table.returncode == 0 and "luoyang-2022" in table.stdout and "洛阳市" in table.stdout
    rows = json.loads(run("list", "--format", "json").stdout)
    assert {r["plan"] for r in rows} == set(eduplans.load().ids)
    assert run("list", "--format", "csv").stdout.startswith("plan,region,")


def test_show_by_id_region_and_file(tmp_path: Path) -> None:
    assert "十四五时期洛阳教育事业发展主要目标" not in run("show", "luoyang-2022").stdout  # values
    by_region = run("show", "洛阳市")
    assert by_region.returncode == 0 and "学前教育毛入园率" in by_region.stdout
    by_file = run("show", str(DATA / "plans" / "henan-2024.toml"))
    assert by_file.returncode == 0 and "30%左右" in by_file.stdout
    assert_user_error(run("show", "洛阳"), "did you mean '洛阳市'")
    assert_user_error(run("show", str(tmp_path / "missing.toml")), "no such file")


def test_indicators_lists_the_catalog() -> None:
    rows = json.loads(run("indicators", "--format", "json").stdout)
    assert len(rows) == len(eduplans.catalog())
    preschool = next(r for r in rows if r["key"] == "preschool_gross_enrolment_rate")
    assert preschool["name_zh"] == "学前教育毛入园率" and preschool["regions"] == 4


def test_compare_formats_and_errors() -> None:
    table = run("compare", "preschool_gross_enrolment_rate")
    assert table.returncode == 0 and "≥100" in table.stdout
    rows = json.loads(run("compare", "preschool_gross_enrolment_rate", "--format", "json").stdout)
    assert {r["region"] for r in rows} == {"洛阳市", "杏花岭区", "从化区", "邯郸市"}
    assert list(rows[0]) == list(eduplans.COMPARE_COLUMNS)
    csv = run("compare", "preschool_gross_enrolment_rate", "--year", "2025", "--format", "csv")
    import io

    assert len(pd.read_csv(io.StringIO(csv.stdout))) == 3  # quotes hold newlines: parse it
    assert_user_error(run("compare", "preschool_gross"), "not a catalog key")
    assert_user_error(run("compare", "preschool_gross_enrolment_rate", "--year", "2040"),
                      "no target for year 2040")  # fmt: skip


def test_validate(tmp_path: Path) -> None:
    good = run("validate", str(DATA / "plans" / "luoyang-2022.toml"))
    assert good.returncode == 0 and "valid" in good.stdout
    bad = tmp_path / "bad.toml"
    bad.write_text((DATA / "plans" / "henan-2024.toml").read_text("utf-8").replace(
        'kind = "target"', 'kind = "goal"', 1), encoding="utf-8")  # fmt: skip
    result = run("validate", str(bad))
    assert_user_error(result, "1 problem in 1 of 1 file")
    assert f"{bad}:" in result.stdout and "indicators[0].values[0].kind" in result.stdout
    assert_user_error(run("validate", str(tmp_path / "nope.toml")), "no such file")
    not_toml = tmp_path / "x.toml"
    not_toml.write_text("[[[", encoding="utf-8")
    result = run("validate", str(not_toml))
    assert_user_error(result, "1 problem in 1 of 1 file")
    assert result.stdout.startswith(f"{not_toml}:1: not valid TOML")


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_export_infers_the_format_from_the_suffix(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"all.{fmt}"
    result = run("export", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {out}"
    if fmt == "csv":
        frame = pd.read_csv(out, dtype=eduplans.frame_dtypes(), keep_default_na=False,
                            na_values=[""])  # fmt: skip
    elif fmt == "parquet":
        frame = pd.read_parquet(out)
    else:
        frame = pd.read_json(out, orient="table")
    pd.testing.assert_frame_equal(frame, eduplans.load().to_frame())


def test_export_without_output_writes_to_stdout() -> None:
    import io

    result = run("export", "--format", "csv")
    assert result.returncode == 0, result.stderr
    back = pd.read_csv(io.StringIO(result.stdout), dtype=eduplans.frame_dtypes(),
                       keep_default_na=False, na_values=[""])  # fmt: skip
    pd.testing.assert_frame_equal(back, eduplans.load().to_frame())
    result = run("export", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["schema"]["eduplans"]["data_version"] == (
        eduplans.DATA_VERSION
    )
    assert_user_error(run("export", "--format", "parquet"), "give -o FILE")
    assert_user_error(run("export"), "give -o FILE")


def test_export_refuses_to_overwrite_or_contradict(tmp_path: Path) -> None:
    out = tmp_path / "mine.csv"
    out.write_text("keep me\n", encoding="utf-8")
    assert_user_error(run("export", "-o", str(out)), "already exists; pass --force to replace it")
    assert out.read_text("utf-8") == "keep me\n"
    assert run("export", "-o", str(out), "--force").returncode == 0
    assert out.read_text("utf-8-sig").startswith("plan_id,")
    assert_user_error(run("export", "--format", "json", "-o", str(tmp_path / "x.csv")),
                      "has the suffix .csv but the format is json")  # fmt: skip


def test_export_to_a_missing_folder_is_a_user_error(tmp_path: Path) -> None:
    assert_user_error(run("export", "--format", "csv", "-o", str(tmp_path / "no" / "x.csv")),
                      "does not exist")  # fmt: skip


def test_parse_files_to_drafts(tmp_path: Path) -> None:
    src = tmp_path / "plan.txt"
    src.write_text("某某县“十四五”教育事业发展规划\n到2025年,学前三年毛入园率达到95%以上,"
                   "九年义务教育巩固率达到99%。\n", encoding="utf-8")  # fmt: skip
    gbk = tmp_path / "plan_gbk.txt"
    gbk.write_bytes("另一县“十四五”教育事业发展规划\n到2025年,高中阶段毛入学率达到93%。\n"
                    .encode("gb18030"))  # fmt: skip
    result = run("parse", str(src), str(gbk), "-o", str(tmp_path / "drafts"))
    assert result.returncode == 0, result.stderr
    drafts = sorted((tmp_path / "drafts").glob("*.toml"))
    assert len(drafts) == 2
    for draft in drafts:
        assert run("validate", str(draft)).returncode == 0
    assert_user_error(run("parse", str(tmp_path / "missing.txt")), "no such file")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert_user_error(run("parse", str(empty)), "empty")


def test_cite() -> None:
    result = run("cite")
    assert result.returncode == 0
    assert "@software{eduplans" in result.stdout
    assert result.stdout.count("@misc{") == 5 + 4  # the plans and the national documents
    assert "洛阳市教育局" in result.stdout
    assert run("cite", "--library-only").stdout.count("@misc{") == 0


def test_plot_writes_figures_and_reports_errors(tmp_path: Path) -> None:
    key = "preschool_gross_enrolment_rate"
    for name, extra in (
        ("t.png", []),
        ("t.pdf", ["--lang", "en"]),
        ("t.svg", []),
        ("tr.png", ["--kind", "trajectory"]),
        ("c.png", ["--kind", "coverage"]),
    ):
        out = tmp_path / name
        result = run("plot", key if "tr" not in name else "quality_balanced_county_share",
                     "-o", str(out), *extra)  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 1000
    assert (tmp_path / "t.png").read_bytes()[:4] == b"\x89PNG"
    assert (tmp_path / "t.pdf").read_bytes()[:4] == b"%PDF"
    assert_user_error(run("plot", "no_such_key", "-o", str(tmp_path / "x.png")),
                      "not a catalog key")  # fmt: skip
    assert_user_error(run("plot", key, "-o", str(tmp_path / "x.gif")), "use .png, .pdf or .svg")
    assert_user_error(run("plot", "higher_education_gross_enrolment_rate", "-o",
                          str(tmp_path / "y.png")), "no plan sets a target")  # fmt: skip


# Private helpers the command line may use, each for the reason written beside its import.
CLI_PRIVATE_ALLOWED = {("_review", "plan_files")}


def test_the_command_line_uses_the_public_api() -> None:
    """Issue 12 (5) / session 2: the CLI imported _writer.dumps_plan, _parse._diag and others;
    it uses eduplans' public names, and the private helpers it keeps say why."""
    import ast
    from importlib.resources import files

    source = (Path(str(files("eduplans"))) / "_cli.py").read_text(encoding="utf-8")
    private = set()
    for node in ast.walk(ast.parse(source)):
        ours = isinstance(node, ast.ImportFrom) and (
            node.level > 0 or str(node.module).startswith("eduplans")
        )
        if isinstance(node, ast.ImportFrom) and ours:
            module = str(node.module or "").removeprefix("eduplans").lstrip(".")
            if module.startswith("_"):
                private |= {(module, a.name) for a in node.names}
        named = isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
        if named and node.value.id == "eduplans":
            assert node.attr in eduplans.__all__, node.attr
    assert private == CLI_PRIVATE_ALLOWED
    for module, name in private:  # each kept import is explained beside it
        line = next(i for i, x in enumerate(source.splitlines()) if f"{module} import" in x)
        above = source.splitlines()[line - 1]
        assert above.lstrip().startswith("#"), (module, name)


def test_dumps_plan_is_what_save_writes(tmp_path: Path) -> None:
    plan = eduplans.load()["luoyang-2022"]
    saved = plan.save(tmp_path / "luoyang.toml")
    assert eduplans.dumps_plan(plan) == saved.read_text(encoding="utf-8")
    assert eduplans.read_plan(saved) == plan


def test_routine_diagnostics_are_the_ones_the_parse_command_lists_by_count_only(
    tmp_path: Path,
) -> None:
    from eduplans import Diagnostic

    year = Diagnostic(start=0, end=4, text="2020", reason="year")
    missed = Diagnostic(start=9, end=11, text="95", reason="not_understood")
    assert year.routine and not missed.routine
    path = tmp_path / "plan.txt"
    path.write_text(
        "某某县教育规划\n2021年,学前三年毛入园率达到95%以上;比上年提高3个百分点,全县95所学校。\n",
        encoding="utf-8",
    )
    draft = eduplans.parse_plan(path)
    result = run("parse", str(path))
    assert result.returncode == 0, result.stderr
    listed = [line.strip() for line in result.stderr.splitlines() if line.startswith("    ")]
    expected = [f"{d.reason}: {d.text} at {d.start}" for d in draft.diagnostics if not d.routine]
    assert [line.split(" (")[0] for line in listed] == expected
    assert any(d.routine for d in draft.diagnostics)  # 2021: counted, not listed
    assert "numbers not read as values: " in result.stderr
