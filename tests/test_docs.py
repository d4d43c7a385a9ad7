from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_generated_pages_are_up_to_date() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_docs.py"), "--check"],
                            capture_output=True, text=True)  # fmt: skip
    assert result.returncode == 0, result.stdout


def test_readme_quick_start_is_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.S)
    assert block is not None
    commands = [line for line in block.group(1).splitlines() if line.strip()]
    assert len(commands) == 2
    assert "pip install" in commands[0] and "pytest" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ".venv/bin/python -m pytest\n" in ci  # CI runs the README's test command


def test_docs_pages_in_the_nav_exist() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in re.findall(r":\s*([\w-]+\.md)", nav):
        assert (ROOT / "docs" / page).is_file(), page


def _readme_workflow() -> str:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import make_notebooks
    finally:
        sys.path.pop(0)
    return str(make_notebooks.readme_code())


def test_readme_review_workflow_runs(tmp_path: Path) -> None:
    """The README's workflow: parse, review and fix a value, save, validate, load, compare, plot."""
    code = _readme_workflow()
    for step in ("parse_plan(", "replace_value(", ".save(", "validate(", "load(", "compare(",
                 "plot.save("):  # fmt: skip
        assert step in code, step
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                            text=True, env={"MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin"},
                            timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr
    import eduplans

    mine = eduplans.read_plan(tmp_path / "drafts" / "mouxian-2021.toml")
    seats = next(t for t in mine.targets if t.text == "1200个")
    assert "cumulative" in seats.flags and seats.note  # the fix was saved
    assert (tmp_path / "drafts" / "mouxian.txt").read_text("utf-8").startswith("某某县")
    assert (tmp_path / "retention.png").read_bytes()[:4] == b"\x89PNG"


def test_the_notebook_is_the_readme_workflow() -> None:
    import json

    nb = json.loads((ROOT / "examples" / "add_your_own_plan.ipynb").read_text("utf-8"))
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    squash = lambda s: re.sub(r"\s+", "", re.sub(r"#[^\n]*", "", s))  # noqa: E731
    assert squash(_readme_workflow()) in squash(code)


def test_no_stale_claims_in_the_docs() -> None:
    """Claims that were once true and are not any more (issue 14)."""
    stale = {
        "parser.md": ["keys are None"],
        "data.md": ["printed by `python -m eduplans`", 'frame["flags"]'],
        "cli.md": ["progress bar for many files"],
        "frame.md": ["`;`-separated"],
    }
    for page, phrases in stale.items():
        text = (ROOT / "docs" / page).read_text("utf-8")
        for phrase in phrases:
            assert phrase not in text, (page, phrase)


def test_api_docs_render_no_raw_roles_and_no_private_links() -> None:
    import eduplans

    for name in eduplans.__all__:
        obj = getattr(eduplans, name)
        doc = getattr(obj, "__doc__", None) or ""
        assert "_writer.save_plan" not in doc, name
    api = (ROOT / "docs" / "api.md").read_text("utf-8")
    assert "_writer" not in api


def test_guide_review_snippet_runs(tmp_path: Path) -> None:
    import eduplans

    guide = (ROOT / "docs" / "guide.md").read_text("utf-8")
    section = guide.split("## Review a draft", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```python\n(.*?)```", section, re.S)
    assert block is not None
    text = ("某某县“十四五”教育事业发展规划\n到2025年,学前三年毛入园率达到95%以上,"
            "九年义务教育巩固率达到99%,新增学位1200个,高中阶段毛入学率达到93%。\n")  # fmt: skip
    draft = eduplans.parse_plan(text, region=eduplans.Region(name="某某县", level="county"))
    draft.save(tmp_path / "drafts" / "my_plan.toml")
    scope = {"ep": eduplans, "draft": draft}
    import os

    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        exec(block.group(1), scope)
    finally:
        os.chdir(here)
    fixed = eduplans.read_plan(tmp_path / "drafts" / "my_plan.toml")
    assert fixed.region.code == "410300"
    assert [i.name for i in fixed.indicators if i.name.startswith("新增")] == []
    assert any(i.key == "upper_secondary_gross_enrolment_rate" for i in fixed.indicators)


def test_cli_page_commands_run(tmp_path: Path) -> None:
    """Every command of the console block in docs/cli.md runs and exits 0, in order."""
    page = (ROOT / "docs" / "cli.md").read_text("utf-8")
    block = re.search(r"```console\n(.*?)```", page, re.S)
    assert block is not None
    commands = [line[2:] for line in block.group(1).splitlines() if line.startswith("$ ")]
    assert len(commands) >= 5
    texts = tmp_path / "texts"
    texts.mkdir()
    text = "某某县“十四五”教育事业发展规划\n到2025年,学前三年毛入园率达到95%以上。\n"
    (texts / "a.txt").write_text(text, encoding="utf-8")
    env = {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "MPLBACKEND": "Agg"}
    for command in commands:
        result = subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True,
                                text=True, timeout=300, env=env)  # fmt: skip
        assert result.returncode == 0, (command, result.stderr)
    assert (tmp_path / "preschool.csv").stat().st_size > 100
    assert (tmp_path / "all.parquet").read_bytes()[:4] == b"PAR1"


def test_readme_states_the_bundled_value_count() -> None:
    import eduplans

    stated = re.search(
        r"with (\d+) curated baseline and target values", (ROOT / "README.md").read_text()
    )
    assert stated, "README.md no longer states the number of curated values"
    counted = sum(len(i.values) for p in eduplans.load() for i in p.indicators)
    assert int(stated.group(1)) == counted
