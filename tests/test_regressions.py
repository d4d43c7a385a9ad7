"""Regression tests: one per fixed defect (pint's ``test_issues.py`` style).

Each test is named for what it guards and says which defect of which issue it reproduces; each
failed on the code before its fix.

Hang guards: a reproducer that once took minutes (or forever) runs in a child process that is
stopped after ``HANG_GUARD`` seconds; the fixed code takes well under a second. The guard tells a
hang from a finish; speed itself is measured by ``benchmarks/bench_adversarial.py``.
"""

from __future__ import annotations

import dataclasses
import math
import multiprocessing as mp
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

import eduplans
from eduplans import Plan

HANG_GUARD = 120.0
LUOYANG = Path(str(files("eduplans").joinpath("data", "sources", "000_a06619f67622513c.txt")))


def _run(target: Callable[[str], object], text: str, queue: mp.Queue[str]) -> None:
    try:
        result = target(text)
        queue.put(f"ok {type(result).__name__}")
    except Exception as exc:  # reported to the parent, which fails the test
        queue.put(f"error {type(exc).__name__}: {exc}")


def _parse(text: str) -> Plan:
    return eduplans.parse_plan(text, region="某某县")


def _finishes(text: str, target: Callable[[str], object] = _parse) -> str:
    """Run ``target(text)`` in a child process; return its outcome, or fail if it hangs."""
    ctx = mp.get_context("fork")
    queue: mp.Queue[str] = ctx.Queue()
    proc = ctx.Process(target=_run, args=(target, text, queue))
    proc.start()
    proc.join(HANG_GUARD)
    if proc.is_alive():
        proc.kill()
        proc.join()
        pytest.fail(f"still running after {HANG_GUARD:.0f} s: the input makes the parser hang")
    return queue.get(timeout=10)


# --- issue 10, defect 1: exponential backtracking -----------------------------------------------


def test_verb_run_before_a_value_does_not_backtrack_exponentially() -> None:
    """Issue 10 (1): 保持在 repeated reads two ways (保持在 / 保持+在); 24 took 16 s, 40 forever."""
    text = "某某县“十四五”教育事业发展规划\n学前三年毛入园率" + "保持在" * 40 + "甲95%。"
    assert _finishes(text) == "ok Plan"


def _strip_names(text: str) -> str:
    from eduplans._parse._prose import _strip_name

    stripped = (_strip_name(text), _strip_name(text + "保持在"), _strip_name(text + "甲"))
    assert stripped == ("毛入园率", "毛入园率", text + "甲"), stripped
    return "stripped"


def test_name_ending_in_a_run_of_overlapping_verbs_strips_in_linear_time() -> None:
    """Issue 10 (1): 已有 reads as 已有 or 已+有; a run of 40 not ending the name hung."""
    assert _finishes("毛入园率" + "已有" * 40, _strip_names) == "ok str"


# --- issue 10, defect 2: quadratic time on repetitive text --------------------------------------


def test_one_long_sentence_of_ranges_is_not_rescanned_per_number() -> None:
    """Issue 10 (2): "3—5所" repeated to 50,000 characters took 152 s (a clause rescan each)."""
    text = "某某县“十四五”教育事业发展规划\n" + "3—5所" * 12_500
    assert _finishes(text) == "ok Plan"


def test_long_line_of_values_in_a_real_plan_is_not_quadratic() -> None:
    """Issue 10 (2): a long "95%以上" line inside the 洛阳 text took minutes."""
    text = LUOYANG.read_text(encoding="utf-8")
    half = text.index("\n", len(text) // 2)
    assert _finishes(text[:half] + "\n" + "95%以上" * 15_000 + text[half:]) == "ok Plan"


def test_many_table_headers_are_not_each_split_to_the_scan_limit() -> None:
    """Issue 10 (2): every table header split the next 20,000 characters and scanned all lines."""
    table = "指标\n2020年\n2025年\n毛入园率(%)\n90\n95\n"
    assert _finishes("某某县“十四五”教育事业发展规划\n" + table * 8_000) == "ok Plan"


def test_many_stated_values_of_one_rate_are_not_compared_pairwise() -> None:
    """Issue 10 (2): conflicting values of one key and year were compared pair by pair."""
    lines = "".join(f"学前三年毛入园率达到{90 + k % 10}.{k % 7}%。\n" for k in range(70))
    assert _finishes("某某县“十四五”教育事业发展规划\n" + lines * 150) == "ok Plan"


def test_conflict_note_names_a_few_values_and_counts_the_rest() -> None:
    """Issue 10 (2): a conflict note lists at most five other values, then how many more."""
    lines = "".join(f"学前三年毛入园率达到{90 + k}%。\n" for k in range(9))
    plan = _parse("某某县“十四五”教育事业发展规划\n" + lines)
    notes = [t.note for t in plan.targets if "conflict" in t.flags]
    assert len(notes) == 9
    assert all(n.count(" at ") == 5 and n.endswith("and 3 more elsewhere") for n in notes)


# --- helpers for plan files ---------------------------------------------------------------------

PLANS = Path(str(files("eduplans").joinpath("data", "plans")))
SOURCES = Path(str(files("eduplans").joinpath("data", "sources")))
LUOYANG_TOML = (PLANS / "luoyang-2022.toml").read_text(encoding="utf-8")
FIRST_VALUE = 'text = "86%以上"\ncomparator = ">="\nvalue = 86.0'  # the first value of the file


def _plan_file(tmp_path: Path, text: str, name: str = "plan.toml") -> Path:
    """Write a plan file (with the 洛阳 source beside it) and return its path."""
    shutil.copy(SOURCES / "000_a06619f67622513c.txt", tmp_path)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _edited(old: str, new: str) -> str:
    assert LUOYANG_TOML.count(old) >= 1, old
    return LUOYANG_TOML.replace(old, new, 1)


def _refused(tmp_path: Path, text: str, match: str) -> None:
    """read_plan and validate refuse the file with a DataError / problem matching ``match``."""
    path = _plan_file(tmp_path, text)
    with pytest.raises(eduplans.DataError, match=match):
        eduplans.read_plan(path)
    problems = eduplans.validate(path)
    assert problems and any(re.search(match, p.message) for p in problems), problems


# --- issue 10, defect 3: huge TOML integers -----------------------------------------------------


def test_huge_integer_value_in_a_plan_file_is_a_data_error(tmp_path: Path) -> None:
    """Issue 10 (3): ``value = 10**400`` raised OverflowError in read_plan."""
    _refused(tmp_path, _edited("value = 86.0", "value = 1" + "0" * 400), "too large")


def test_integer_above_python_digit_limit_is_a_data_error(tmp_path: Path) -> None:
    """Issue 10 (3): a 4,401-digit ``start`` raised ValueError (the 4,300-digit limit)."""
    path = _plan_file(tmp_path, _edited("start = 1063", "start = 1" + "0" * 4400))
    with pytest.raises(eduplans.DataError, match="4300"):
        eduplans.read_plan(path)
    assert eduplans.validate(path)


# --- issue 10, defect 4: duplicate plans ---------------------------------------------------------


def test_plan_given_twice_is_refused_not_counted_twice() -> None:
    """Issue 10 (4): PlanCollection([p, p]) raised ValueError; compare and to_frame doubled."""
    plan = eduplans.load()["luoyang-2022"]
    with pytest.raises(eduplans.DataError, match="given twice"):
        eduplans.PlanCollection([plan, plan])
    with pytest.raises(eduplans.DataError, match="given twice"):
        eduplans.to_frame([plan, plan])
    with pytest.raises(eduplans.DataError, match="given twice"):
        eduplans.compare([plan, plan], "preschool_gross_enrolment_rate")


# --- issue 10, defect 5: override files ----------------------------------------------------------


@pytest.mark.parametrize("line", ["pin = 3", 'forbid = "*"'])
def test_override_file_whose_table_is_not_a_table_is_a_data_error(
    tmp_path: Path, line: str
) -> None:
    """Issue 10 (5): ``pin = 3`` / ``forbid = "*"`` raised AttributeError."""
    path = tmp_path / "overrides.toml"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(eduplans.DataError, match="must be a table"):
        eduplans.align(["学前三年毛入园率"], overrides=path)


# --- issue 10, defect 6: lone surrogates ---------------------------------------------------------


def test_lone_surrogate_is_an_eduplans_error_in_parse_save_and_align(tmp_path: Path) -> None:
    """Issue 10 (6): "\\ud800" raised UnicodeEncodeError in parse_plan, Plan.save and align."""
    text = "某某县“十四五”教育事业发展规划\n到2025年,学前三年毛入园率达到95%以上。\ud800"
    with pytest.raises(eduplans.ParseError, match="surrogate"):
        eduplans.parse_plan(text)
    plan = eduplans.parse_plan(text[:-1])
    broken = dataclasses.replace(plan, notes=plan.notes + "\ud800")
    with pytest.raises(eduplans.DataError, match="surrogate"):
        broken.save(tmp_path / "x.toml")
    assert not list(tmp_path.iterdir())  # nothing written
    with pytest.raises(eduplans.DataError, match="surrogate"):
        eduplans.align(["学前三年毛入园率\ud800"])


# --- issue 10, defect 7: CLI tracebacks ---------------------------------------------------------


def _cli(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "eduplans", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={"PYTHONIOENCODING": "utf-8", "MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin"},
        **kwargs,  # type: ignore[call-overload]
    )


def _one_line_error(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("eduplans: error: "), result.stderr
    assert words in lines[0], lines[0]


def test_cli_interpolate_without_year_is_a_user_error() -> None:
    """Issue 10 (7): ``compare KEY --interpolate`` without --year gave a ValueError traceback."""
    result = _cli("compare", "preschool_gross_enrolment_rate", "--interpolate")
    _one_line_error(result, "--interpolate needs --year")


@pytest.mark.parametrize("args", [("list", "--format", "csv"), ("cite",)])
def test_cli_with_stdout_closed_exits_with_a_message(args: tuple[str, ...]) -> None:
    """Issue 10 (7): with stdout closed, ``list --format csv`` and ``cite`` raised
    AttributeError ('NoneType' object has no attribute 'write')."""
    code = (
        "import os, subprocess, sys; os.close(1); "
        f"sys.exit(subprocess.call([sys.executable, '-m', 'eduplans', *{list(args)!r}]))"
    )
    closed = subprocess.run(
        [sys.executable, "-c", code], stderr=subprocess.PIPE, text=True, timeout=300,
        env={"PYTHONIOENCODING": "utf-8", "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert closed.returncode == 1, closed.stderr
    assert closed.stderr.strip() == "eduplans: error: standard output is closed", closed.stderr


# --- issue 10, defect 8: raw OSErrors from save and export --------------------------------------


def test_save_onto_a_folder_is_a_write_error_and_leaves_no_source(tmp_path: Path) -> None:
    """Issue 10 (8): Plan.save raised IsADirectoryError and left the source text written."""
    plan = eduplans.load()["luoyang-2022"]
    (tmp_path / "plan.toml").mkdir()
    with pytest.raises(eduplans.WriteError, match="folder"):
        plan.save(tmp_path / "plan.toml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.toml"]  # no source, no temp


def test_save_whose_folder_is_a_file_is_a_write_error(tmp_path: Path) -> None:
    """Issue 10 (8): a file in place of the folder raised FileExistsError."""
    (tmp_path / "f").write_text("x", encoding="utf-8")
    plan = eduplans.load()["luoyang-2022"]
    with pytest.raises(eduplans.WriteError):
        plan.save(tmp_path / "f" / "plan.toml")
    with pytest.raises(eduplans.EduplansError):
        eduplans.export(plan, tmp_path / "f" / "x.csv")


def test_failed_save_removes_the_source_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 10 (8): when the plan file cannot be written (ENOSPC), no source text is left."""
    import errno
    import os

    plan = eduplans.load()["luoyang-2022"]
    real = os.replace
    calls: list[str] = []

    def replace(src: str, dst: str) -> None:
        calls.append(str(dst))
        if str(dst).endswith(".toml"):
            raise OSError(errno.ENOSPC, "No space left on device", str(dst))
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(eduplans.WriteError, match="No space left"):
        plan.save(tmp_path / "plan.toml")
    assert len(calls) == 2  # the source was put in place, then the plan failed
    assert list(tmp_path.iterdir()) == []


def test_export_that_runs_out_of_space_is_a_write_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 10 (8): export raised raw OSErrors (ENOSPC) although it promises EduplansError."""
    import errno
    import os

    def full(*args: object, **kwargs: object) -> object:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", full)
    with pytest.raises(eduplans.WriteError, match="No space left"):
        eduplans.export(eduplans.load(), tmp_path / "all.csv")
    assert list(tmp_path.iterdir()) == []


# --- issue 10, defect 9: a value checked against its own text ------------------------------------


@pytest.mark.parametrize(
    ("new", "match"),
    [
        ('text = "86%以上"\ncomparator = ">="\nvalue = 8600.0', "disagrees with its text"),
        ('text = "86%以上"\ncomparator = ">="\nvalue = -1.0', "disagrees with its text"),
        ('text = "86%以上"\ncomparator = "<="\nvalue = 86.0', "comparator '<=' disagrees"),
        ('text = " "\ncomparator = ">="\nvalue = 86.0', "blank"),
        ('text = "87%以上"\ncomparator = ">="\nvalue = 87.0', "not inside its quote"),
        (
            'text = "86%以上"\ncomparator = ">="\nvalue = 86.0\nvalue_high = 90.0',
            "value_high only goes with a range",
        ),
    ],
)
def test_value_that_disagrees_with_its_text_is_refused(
    tmp_path: Path, new: str, match: str
) -> None:
    """Issue 10 (9): value 3000 or -1, comparator <=, a blank text or one outside the quote
    were all "valid"."""
    _refused(tmp_path, _edited(FIRST_VALUE, new), match)


def test_range_value_high_that_disagrees_with_its_text_is_refused(tmp_path: Path) -> None:
    """Issue 10 (9): a value_high that disagrees with a range text was accepted."""
    text = LUOYANG_TOML
    k = text.index('comparator = "range"')
    start = text.rindex("[[indicators.values]]", 0, k)
    end = text.index("\nvalue_high = ", k)
    line_end = text.index("\n", end + 1)
    edited = text[:end] + "\nvalue_high = 99999.0" + text[line_end:]
    assert edited != text and start < end
    _refused(tmp_path, edited, "disagrees with its text")


def test_unit_that_disagrees_with_a_percent_text_is_refused(tmp_path: Path) -> None:
    """Issue 10 (9): unit "seat" on a percent text was accepted."""
    k = LUOYANG_TOML.index(FIRST_VALUE)
    unit_at = LUOYANG_TOML.rindex('unit = "percent"', 0, k)
    edited = LUOYANG_TOML[:unit_at] + 'unit = "seat"' + LUOYANG_TOML[unit_at + 16 :]
    _refused(tmp_path, edited, "percent.*seat|seat.*percent")


def test_every_bundled_value_agrees_with_its_text() -> None:
    """Issue 10 (9): the check holds on the curated data (load() runs it on every value)."""
    assert sum(len(p.baselines) + len(p.targets) for p in eduplans.load()) > 400


# --- issue 10, defect 10: period and baseline year ranges ----------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("period = [2021, 2025]", "period = [true, true]"),
        ("period = [2021, 2025]", "period = [0, 99999]"),
        ("period = [2021, 2025]", "period = [-5, -1]"),
        ("baseline_year = 2020", "baseline_year = -1"),
        ("baseline_year = 2020", "baseline_year = 0"),
        ("baseline_year = 2020", "baseline_year = 99999"),
        ("baseline_year = 2020", "baseline_year = 2026"),
    ],
)
def test_period_and_baseline_year_must_be_years(tmp_path: Path, old: str, new: str) -> None:
    """Issue 10 (10): period [true, true], [0, 99999], baseline_year -1 … were "valid"."""
    _refused(tmp_path, _edited(old, new), "period|baseline_year")


# --- issue 10, defect 11: a region table whose code names another region ------------------------


def test_region_table_whose_code_names_another_region_is_refused(tmp_path: Path) -> None:
    """Issue 10 (11): {name="某某县", level="county", code="410300"} silently became 洛阳市."""
    table = 'region = { name = "某某县", level = "county", code = "410300" }'
    _refused(tmp_path, _edited('region = "410300"', table), "410300 is 洛阳市")
    same = 'region = { name = "洛阳市", level = "prefecture", code = "410300" }'
    path = _plan_file(tmp_path, _edited('region = "410300"', same))
    assert eduplans.read_plan(path).region.name == "洛阳市"


# --- issue 10, defect 12: what the JSON Schema forbids -------------------------------------------


SCHEMA_BREAKS = [
    ('title = "洛阳市“十四五”教育事业发展规划(征求意见稿)"', 'title = ""'),
    ('flags = ["year_implied"]', 'flags = ["year_implied", "year_implied"]'),
    ('flags = ["year_implied"]', 'flags = ["year_implied"]\nhedges = [""]'),
]


@pytest.mark.parametrize(("old", "new"), SCHEMA_BREAKS)
def test_loader_refuses_what_the_schema_forbids(tmp_path: Path, old: str, new: str) -> None:
    """Issue 10 (12): title = "" and duplicate flags were accepted although the schema forbids
    them; each edit here breaks the schema (checked with jsonschema) and read_plan."""
    import json
    import tomllib

    import jsonschema

    schema = json.loads((PLANS.parent / "plan.schema.json").read_text(encoding="utf-8"))
    edited = _edited(old, new)
    doc = json.loads(json.dumps(tomllib.loads(edited), default=str))
    assert not jsonschema.Draft202012Validator(schema).is_valid(doc)
    path = _plan_file(tmp_path, edited)
    with pytest.raises(eduplans.DataError):
        eduplans.read_plan(path)


# --- issue 10, defect 13: parse_value overflow ---------------------------------------------------


def test_parse_value_of_a_number_too_large_for_a_float_is_an_error() -> None:
    """Issue 10 (13): parse_value("9" * 400) returned inf."""
    with pytest.raises(eduplans.ValueTextError, match="too large"):
        eduplans.parse_value("9" * 400)


# --- issue 10, defect 14: a str path that is no file ---------------------------------------------


def test_str_naming_a_missing_file_is_not_parsed_as_text(tmp_path: Path) -> None:
    """Issue 10 (14): a missing "…达到95%.txt" gave a plan read from its own file name."""
    missing = str(tmp_path / "某某县“十四五”规划:学前三年毛入园率达到95%.txt")
    with pytest.raises(eduplans.ParseError, match="no such file") as info:
        eduplans.parse_plan(missing)
    assert missing in str(info.value)


def test_str_naming_a_folder_is_not_parsed_as_text(tmp_path: Path) -> None:
    """Issue 10 (14): a folder's name was parsed as plan text; the error named no file."""
    folder = tmp_path / "学前三年毛入园率达到95%"
    folder.mkdir()
    with pytest.raises(eduplans.ParseError, match="folder") as info:
        eduplans.parse_plan(str(folder))
    assert str(folder) in str(info.value)


# --- issue 10, defect 15: Chinese decimals -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("五点五所", 5.5, "school"),
        ("零点五个百分点", 0.5, "percentage_point"),
        ("百分之九十五点五", 95.5, "percent"),
    ],
)
def test_chinese_decimals_are_read(text: str, value: float, unit: str) -> None:
    """Issue 10 (15): 五点五所, 零点五个百分点, 百分之九十五点五 were always rejected."""
    got = eduplans.parse_value(text)
    assert (got.value, got.unit) == (value, unit)


# --- issue 10, defect 16: batches ---------------------------------------------------------------


def test_one_failing_file_does_not_lose_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 10 (16): one non-ParseError in parse_plans lost the whole batch."""
    from eduplans import _parse

    good = tmp_path / "good.txt"
    good.write_text("某某县“十四五”教育事业发展规划\n到2025年,学前三年毛入园率达到95%。", "utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text("某某县“十四五”教育事业发展规划\n到2025年,巩固率达到97%。", "utf-8")
    real = _parse.parse_plan

    def flaky(item: object, **kw: object) -> Plan:
        if str(item).endswith("bad.txt"):
            raise RuntimeError("boom")
        return real(item, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(_parse, "parse_plan", flaky)
    got = eduplans.parse_plans([good, bad, good], workers=1, on_error="return")
    assert isinstance(got[0], Plan) and isinstance(got[2], Plan)
    assert isinstance(got[1], eduplans.ParseError) and "bad.txt" in str(got[1])


def test_cli_parse_writes_the_good_files_of_a_batch(tmp_path: Path) -> None:
    """Issue 10 (16): ``parse good.txt bad.txt good2.txt -o out`` exited 1 and wrote nothing."""
    for name, body in (("good.txt", "学前三年毛入园率达到95%"), ("good2.txt", "巩固率达到97%")):
        (tmp_path / name).write_text(
            f"某某县“十四五”教育事业发展规划\n到2025年,{body}。", encoding="utf-8"
        )
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    out = tmp_path / "out"
    files = [str(tmp_path / n) for n in ("good.txt", "bad.txt", "good2.txt")]
    result = _cli("parse", *files, "-o", str(out))
    assert result.returncode == 1
    assert "bad.txt" in result.stderr
    assert len(list(out.glob("*.toml"))) == 2


# --- issue 10, defect 17: round trips of parsed plans --------------------------------------------


def test_plan_parsed_from_a_str_reads_back_equal_after_save(tmp_path: Path) -> None:
    """Issue 10 (17): source_name '' became '<id>.txt' after save, so read != plan."""
    plan = eduplans.parse_plan("某某县“十四五”教育事业发展规划\n到2025年,学前三年毛入园率达到95%。")
    assert plan.source_name == f"{plan.id}.txt"
    assert eduplans.read_plan(plan.save(tmp_path / "p.toml")) == plan


def test_plan_parsed_from_bytes_is_saved_under_a_real_name(tmp_path: Path) -> None:
    """Issue 10 (17): bytes gave source_name '<bytes>' and save wrote a file called <bytes>."""
    data = "某某县“十四五”教育事业发展规划\n到2025年,学前三年毛入园率达到95%。".encode()
    plan = eduplans.parse_plan(data)
    assert plan.source_name == f"{plan.id}.txt"
    assert eduplans.read_plan(plan.save(tmp_path / "a.toml")) == plan
    other = eduplans.parse_plan(data.replace(b"95", b"96"), plan_id="other-2021")
    assert eduplans.read_plan(other.save(tmp_path / "b.toml")) == other
    assert not (tmp_path / "<bytes>").exists()


# --- issue 10, defect 18: CSV round trip ---------------------------------------------------------


def test_csv_export_reads_back_equal_as_the_docs_say(tmp_path: Path) -> None:
    """Issue 10 (18): region_code became int64 and empty flags NaN (docs/frame.md now says
    how to read it back, and this checks that way)."""
    import pandas as pd

    plans = eduplans.load()
    path = eduplans.export(plans, tmp_path / "all.csv")
    back = pd.read_csv(path, dtype=eduplans.frame_dtypes(), keep_default_na=False, na_values=[""])
    pd.testing.assert_frame_equal(back, plans.to_frame())
    assert "keep_default_na=False" in (Path(__file__).parents[1] / "docs/frame.md").read_text(
        encoding="utf-8"
    )


# --- issue 10, defect 19: writes and reads confined to the plan's folder -------------------------


@pytest.mark.parametrize("name", ["../../escaped.txt", "ABSOLUTE", "..", "a/b.txt"])
def test_save_refuses_a_source_name_outside_the_folder(tmp_path: Path, name: str) -> None:
    """Issue 10 (19): save wrote the source text to target.parent / source_name unchecked."""
    name = str(tmp_path / "absolute.txt") if name == "ABSOLUTE" else name
    plan = dataclasses.replace(eduplans.load()["luoyang-2022"], source_name=name)
    inner = tmp_path / "a" / "b"
    with pytest.raises(eduplans.DataError, match="plain file name"):
        plan.save(inner / "plan.toml")
    assert not any(tmp_path.rglob("*.txt"))


@pytest.mark.parametrize("source", ["/etc/hostname", "../000_a06619f67622513c.txt"])
def test_read_plan_refuses_a_source_outside_the_plan_folder(tmp_path: Path, source: str) -> None:
    """Issue 10 (19): read_plan opened whatever path a file's source names (/etc/hostname)."""
    inner = tmp_path / "inner"
    inner.mkdir()
    text = _edited('source = "000_a06619f67622513c.txt"', f'source = "{source}"')
    _plan_file(tmp_path, "")  # the source one folder up
    path = inner / "plan.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(eduplans.DataError, match="plain file name"):
        eduplans.read_plan(path)


def test_read_plan_refuses_a_source_that_links_out_of_the_folder(tmp_path: Path) -> None:
    """Issue 10 (19): a link beside the plan cannot make it read a file elsewhere."""
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(SOURCES / "000_a06619f67622513c.txt", outside)
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "000_a06619f67622513c.txt").symlink_to(outside / "000_a06619f67622513c.txt")
    (inner / "plan.toml").write_text(LUOYANG_TOML, encoding="utf-8")
    with pytest.raises(eduplans.DataError, match="links out"):
        eduplans.read_plan(inner / "plan.toml")


# --- issue 10, defect 20: lazy singletons under threads ------------------------------------------


RACE = """
import threading, eduplans
from eduplans import _align, _catalog, _loader, _units

def race(build):
    barrier = threading.Barrier(8)
    got = []
    def ask():
        barrier.wait()
        got.append(build())
    threads = [threading.Thread(target=ask) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return got

quantities = race(lambda: _units.quantity(1.0, "percent"))
total = quantities[0]
for q in quantities[1:]:
    total = total + q  # fails across registries
print("registries", len({id(q._REGISTRY) for q in quantities}), total.magnitude)
for name, build in [("plans", _loader._bundled), ("load", lambda: tuple(eduplans.load())),
                    ("regions", _loader.regions), ("catalog", _catalog.catalog),
                    ("index", _align._index)]:
    got = race(build)
    print(name, len({id(x) for x in got}) if name != "load" else len({id(x[0]) for x in got}))
"""


def test_lazy_singletons_are_built_once_by_eight_threads() -> None:
    """Issue 10 (20): eight threads making their first quantity at once built 4-8 pint
    registries (their quantities could not be combined); load() from 8 threads built the
    bundled plans 8 times. Each singleton is raced by 8 threads in a fresh process."""
    result = subprocess.run(
        [sys.executable, "-c", RACE], capture_output=True, text=True, timeout=300,
        env={"PYTHONIOENCODING": "utf-8", "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:-1] == [
        "registries 1 8.0", "plans 1", "load 1", "regions 1", "catalog 1", "index 1"
    ], result.stdout  # fmt: skip


# --- issue 10, minor items -----------------------------------------------------------------------


def test_plan_file_with_a_bom_names_the_bom(tmp_path: Path) -> None:
    """Issue 10 (minor): a BOM gave "Invalid statement (line 1, column 1)" without naming it."""
    path = _plan_file(tmp_path, "")
    path.write_bytes(b"\xef\xbb\xbf" + LUOYANG_TOML.encode("utf-8"))
    with pytest.raises(eduplans.DataError, match="byte-order mark"):
        eduplans.read_plan(path)
    assert "byte-order mark" in eduplans.validate(path)[0].message


def test_issued_as_a_date_time_is_refused(tmp_path: Path) -> None:
    """Issue 10 (minor): ``issued`` as a datetime was kept as a datetime."""
    text = _edited("issued = 2022-02-10", "issued = 2022-02-10T08:00:00")
    _refused(tmp_path, text, "date-time")


def test_exact_duplicate_value_is_refused(tmp_path: Path) -> None:
    """Issue 10 (minor): an exact duplicate value was accepted without a flag."""
    start = LUOYANG_TOML.index("[[indicators.values]]")
    end = LUOYANG_TOML.index("\n\n", start)
    block = LUOYANG_TOML[start:end]
    text = LUOYANG_TOML[:end] + "\n\n" + block + LUOYANG_TOML[end:]
    _refused(tmp_path, text, "repeats values")


def test_value_text_error_message_quotes_a_long_input_shortened() -> None:
    """Issue 10 (minor): ValueTextError messages held the whole input (800 K for 400 K)."""
    with pytest.raises(eduplans.ValueTextError) as info:
        eduplans.parse_value("甲" * 400_000)
    assert len(str(info.value)) < 300
    assert info.value.text == "甲" * 400_000  # the full text stays on the exception


@pytest.mark.parametrize("target", ["folder", "/dev/null"])
def test_cli_names_a_folder_or_a_device_instead_of_no_such_file(
    tmp_path: Path, target: str
) -> None:
    """Issue 10 (minor): "no such file" was printed for directories and /dev/null."""
    path = tmp_path / "folder.toml" if target == "folder" else Path(target)
    if target == "folder":
        path.mkdir()
    result = _cli("show", str(path))
    _one_line_error(result, "is a folder" if target == "folder" else "not a regular file")


def test_compare_interpolated_without_a_year_is_an_eduplans_error() -> None:
    """Issue 10 (exceptions outside the tree): ``compare(kind="interpolated")`` without a year
    raised a plain ValueError, which an ``except EduplansError`` did not catch."""
    plans = eduplans.load()
    with pytest.raises(eduplans.EduplansError, match="needs the year"):
        eduplans.compare(plans, "preschool_gross_enrolment_rate", kind="interpolated")
    with pytest.raises(ValueError, match="kind must be"):  # still a ValueError for old callers
        eduplans.compare(plans, "preschool_gross_enrolment_rate", kind="guess")  # type: ignore[arg-type]


def test_english_count_scale_thousand_means_a_thousand() -> None:
    """Integration review: the English scale table paired 1e4 with "thousand", so 150,000
    persons were labelled "15 thousand persons"."""
    from eduplans.plot._style import scale_for

    for number in (15_000, 150_000, 2_340_000, 30_000_000):
        factor, label = scale_for([number], "person", "en")
        words = {1.0: "", 1e3: "thousand", 1e6: "million", 1e9: "billion"}
        assert factor in words and words[factor] in label, (number, factor, label)


def test_compare_change_has_no_binary_noise() -> None:
    """Issue 14 review: ``change`` came out as 0.09000000000000341 (99 − 98.91) in CSV/JSON."""
    table = eduplans.compare(eduplans.load(), "preschool_gross_enrolment_rate")
    xinghualing = table[table["region"] == "杏花岭区"].iloc[0]
    assert xinghualing["change"] == 0.09  # 杏花岭: 98.91 (2020) → 99 (2025)
    assert xinghualing["change_per_year"] == 0.018


def test_load_does_not_import_cn2an_for_one_digit_numerals() -> None:
    """Integration review: load() rose from ~100 to ~150 ms because checking 一所/三个 against
    their values imported cn2an (its patterns take ~90 ms) for a single digit."""
    code = "import sys, eduplans; eduplans.load(); print('cn2an' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("digit", list("零〇一二两三四五六七八九"))
def test_one_digit_numerals_read_as_cn2an_reads_them(digit: str) -> None:
    from cn2an import cn2an

    expected = cn2an(digit.replace("两", "二").replace("〇", "零"), "strict")
    assert eduplans.parse_value(f"{digit}所").value == expected


# --- issue 12 (5): one exception tree; session 2 papercuts ---------------------------------------

BUILTIN_ERRORS = {
    "Exception", "ValueError", "TypeError", "KeyError", "LookupError", "IndexError",
    "RuntimeError", "OSError", "IOError", "FileExistsError", "FileNotFoundError", "ImportError",
}  # fmt: skip
# A raise of a built-in error that is right as it is, and why.
BUILTIN_ALLOWED = {
    ("_words.py", "KeyError"),  # Words.unit(): a private Mapping-style lookup, never a user's
}


def _package_modules() -> list[str]:
    import pkgutil

    return ["eduplans"] + [
        m.name for m in pkgutil.walk_packages(eduplans.__path__, "eduplans.") if "__" not in m.name
    ]


def test_every_exception_class_is_in_errors_py_and_its_tree() -> None:
    """Issue 12 (5): MissingDependencyError was in _export.py and the CLI had its own
    _UserError(Exception), both outside the documented tree."""
    import importlib
    import inspect

    from eduplans import _errors

    found = set()
    for name in _package_modules():
        module = importlib.import_module(name)
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, BaseException) and obj.__module__.startswith("eduplans"):
                found.add(obj)
                assert obj.__module__ == "eduplans._errors", (obj, obj.__module__)
    tree = _errors.__doc__ or ""
    for name in _errors.__all__:
        cls = getattr(_errors, name)
        assert issubclass(cls, eduplans.EduplansError), name
        assert f"── {name} " in tree or name == "EduplansError", name
        assert getattr(eduplans, name) is cls and name in eduplans.__all__, name
    assert {getattr(_errors, n) for n in _errors.__all__} >= found


def test_no_built_in_error_is_raised_on_purpose() -> None:
    """Issue 12 (5): TypeError/ValueError raised by compare, parse_value, plot.save, align …
    escaped ``except eduplans.EduplansError``; they are ArgumentTypeError/ArgumentError now."""
    import ast

    root = Path(str(files("eduplans")))
    hits = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and node.exc is not None:
                exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
                name = exc.id if isinstance(exc, ast.Name) else None
                if name in BUILTIN_ERRORS and (path.name, name) not in BUILTIN_ALLOWED:
                    hits.append(f"{path.relative_to(root)}:{node.lineno}: raise {name}")
                assert name != "EduplansError", f"{path.name}:{node.lineno}: raise a subclass"
    assert not hits, hits


def test_wrong_arguments_are_eduplans_errors_and_the_built_in_ones() -> None:
    from eduplans import plot

    plans = eduplans.load()
    with pytest.raises(eduplans.ArgumentTypeError, match="keys must be str") as info:
        eduplans.compare(plans, [3])  # type: ignore[list-item]
    assert isinstance(info.value, TypeError)
    with pytest.raises(eduplans.ArgumentTypeError, match="text must be str"):
        eduplans.parse_value(3)  # type: ignore[arg-type]
    with pytest.raises(eduplans.ArgumentTypeError):
        plans[2.5]  # type: ignore[call-overload]
    with pytest.raises(eduplans.ArgumentError, match="lang must be") as wrong:
        eduplans.format_value(">=", 97.0, unit="percent", lang="fr")
    assert isinstance(wrong.value, ValueError)
    ax = plot.coverage(plans)
    with pytest.raises(eduplans.ArgumentError, match=r"use a \.png, \.pdf or \.svg"):
        plot.save(ax, "figure.jpg")
    with pytest.raises(eduplans.ArgumentError, match="unknown export format"):
        eduplans.export(plans, "x.csv", format="xlsx")


def _twin(tmp_path: Path, folder: str, plan_id: str) -> Path:
    plan = dataclasses.replace(eduplans.load()["henan-2024"], id=plan_id)
    return plan.save(tmp_path / folder / "plan.toml")


def test_duplicate_plan_id_names_both_files(tmp_path: Path) -> None:
    """Issue 12 (5): a plan id given twice must name both files, the bundled one too."""
    a, b = _twin(tmp_path, "a", "mine-2024"), _twin(tmp_path, "b", "mine-2024")
    with pytest.raises(eduplans.DataError) as info:
        eduplans.load([a, b])
    assert str(a) in str(info.value) and str(b) in str(info.value)
    assert info.value.field == "id"
    bundled = _twin(tmp_path, "c", "henan-2024")
    with pytest.raises(eduplans.DataError) as info:
        eduplans.load(bundled)
    message = str(info.value)
    assert str(bundled) in message and "eduplans/data/plans/henan-2024.toml" in message


def test_quick_start_summary_figure_twice_names_the_file_and_force(tmp_path: Path) -> None:
    """Session 2 papercut: the README's ``eduplans summary --figure preschool.png``, run twice,
    refuses the second time; the message must name the file and say --force."""
    from .test_cli import run

    first = run("summary", "--figure", "preschool.png", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    made = (tmp_path / "preschool.png").read_bytes()
    second = run("summary", "--figure", "preschool.png", cwd=tmp_path)
    assert second.returncode == 1 and second.stdout == ""  # refused before any output
    (line,) = second.stderr.splitlines()
    assert line == "eduplans: error: preschool.png: already exists; pass --force to replace it"
    assert (tmp_path / "preschool.png").read_bytes() == made


def test_plot_save_does_not_overwrite_silently(tmp_path: Path) -> None:
    """Session 2 papercut: plot.save replaced an existing file without a word; export refused.
    Now both take overwrite= and raise the same OverwriteError (a FileExistsError)."""
    from eduplans import plot

    plans = eduplans.load()
    out = tmp_path / "coverage.png"
    out.write_bytes(b"mine")
    ax = plot.coverage(plans)
    with pytest.raises(eduplans.OverwriteError, match="pass overwrite=True") as info:
        plot.save(ax, out)
    assert isinstance(info.value, FileExistsError) and str(out) in str(info.value)
    assert out.read_bytes() == b"mine"
    assert plot.save(ax, out, overwrite=True) == out
    assert out.read_bytes()[:4] == b"\x89PNG"
    csv = tmp_path / "x.csv"
    csv.write_bytes(b"mine")
    with pytest.raises(eduplans.OverwriteError, match="pass overwrite=True"):
        eduplans.export(plans, csv)
    folder = tmp_path / "folder.png"
    folder.mkdir()
    with pytest.raises(eduplans.WriteError, match="it is a folder"):
        plot.save(ax, folder, overwrite=True)
    assert not list(tmp_path.glob(".*.tmp"))


def test_saved_files_are_readable_like_any_file_the_user_writes(tmp_path: Path) -> None:
    """Session 2: Plan.save, export and (now) plot.save wrote through tempfile.mkstemp and
    renamed the file into place, so it kept mkstemp's private mode 0o600."""
    import os
    import stat

    from eduplans import plot

    old = os.umask(0o022)
    try:
        plan = eduplans.load()["henan-2024"]
        written = [
            plan.save(tmp_path / "plan.toml"),
            tmp_path / plan.source_name,
            eduplans.export(plan, tmp_path / "values.csv"),
            plot.save(plot.coverage(eduplans.load()), tmp_path / "c.svg"),
        ]
    finally:
        os.umask(old)
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


# --- session 2 papercut: a number the plan misstates is never shown bare -------------------------

MISSTATED = "new_general_senior_places"  # 洛阳: 预计新增学位1.07个 (a scale word lost)


def _misstated_row(table: Any) -> Any:
    (row,) = [r for _, r in table.iterrows() if r["region"] == "洛阳市"]
    return row


def test_misstated_value_is_kept_with_its_flag_in_compare() -> None:
    table = eduplans.compare(eduplans.load(), [MISSTATED, "per_student_public_spending"])
    row = _misstated_row(table[table["key"] == MISSTATED])
    assert (row["target_value"], row["target_text"]) == (1.07, "1.07个")  # as written
    assert "scale_word_missing" in row["target_flags"].split(";")
    assert {"scale_word_missing", "unit_implausible"} == eduplans.DOUBTFUL_FLAGS
    assert eduplans.DOUBTFUL_FLAGS <= eduplans.FLAGS
    # the filter docs/compare.md gives drops exactly the two misstated targets
    keep = table["target_flags"].str.split(";").map(lambda f: not set(f) & eduplans.DOUBTFUL_FLAGS)
    dropped = table[~keep]
    assert sorted(dropped["target_text"]) == ["1.07个", "216亿元"]


def test_cli_tables_write_the_flag_of_a_misstated_value() -> None:
    from .test_cli import run

    shown = run("compare", MISSTATED)
    assert shown.returncode == 0, shown.stderr
    (line,) = [x for x in shown.stdout.splitlines() if "洛阳市" in x]
    assert "1.07个 (? scale_word_missing)" in line
    (other,) = [x for x in shown.stdout.splitlines() if "从化区" in x]
    assert "?" not in other
    csv = run("compare", MISSTATED, "--format", "csv")
    assert "1.07个," in csv.stdout and "scale_word_missing" in csv.stdout  # text as written


def _texts(ax: Any) -> list[str]:
    return [t.get_text() for t in ax.texts]


def _legend_texts(ax: Any) -> list[str]:
    legends = [*ax.figure.legends, *([ax.get_legend()] if ax.get_legend() else [])]
    return [t.get_text() for legend in legends for t in legend.get_texts()]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_figures_mark_a_misstated_value_and_explain_the_mark(lang: str) -> None:
    import matplotlib.pyplot as plt

    from eduplans import plot

    plans = eduplans.load()
    doubt = (
        "? 原文数字存疑 (见其标注)"
        if lang == "zh"
        else "? Number doubtful as written (see its flag)"
    )
    targets = plot.targets(plans, MISSTATED, lang=lang)
    labels = _texts(targets)
    assert [t for t in labels if t.startswith("1.07")] == ["1.07 ?"]
    assert not [t for t in labels if "2600" in t.replace(",", "") and "?" in t]
    assert doubt in _legend_texts(targets)
    cover = plot.coverage(plans, keys=[MISSTATED, "new_preschool_places"], lang=lang)
    assert "1.07 ?" in _texts(cover) and doubt in _legend_texts(cover)
    path = plot.trajectory(plans, MISSTATED, region="洛阳市", lang=lang)
    assert any(t.endswith("1.07 ?") for t in _texts(path)) and doubt in _legend_texts(path)
    plain = plot.targets(plans, "preschool_gross_enrolment_rate", lang=lang)
    assert not any("?" in t for t in _texts(plain)) and doubt not in _legend_texts(plain)
    plt.close("all")


def test_coverage_does_not_colour_a_misstated_percent() -> None:
    from eduplans.plot._coverage import _colour_value, _reading

    table = eduplans.compare(eduplans.load(), "preschool_gross_enrolment_rate")
    cell = table[table["region"] == "洛阳市"].iloc[0].copy()
    assert not math.isnan(_colour_value(cell, _reading(cell)))
    cell["target_flags"] = "scale_word_missing"
    assert math.isnan(_colour_value(cell, _reading(cell)))


def test_export_writes_to_a_binary_file_object_the_bytes_of_a_file(tmp_path: Path) -> None:
    """Session 2: the CLI wrote `export` to standard output through private helpers; export
    takes a binary file object (BytesIO, sys.stdout.buffer) with format= instead."""
    import io

    plan = eduplans.load()["henan-2024"]
    for fmt in ("csv", "json"):
        buffer = io.BytesIO()
        assert eduplans.export(plan, buffer, format=fmt) is None
        written = eduplans.export(plan, tmp_path / f"values.{fmt}")
        assert buffer.getvalue() == written.read_bytes(), fmt
    with pytest.raises(eduplans.ArgumentError, match="needs format="):
        eduplans.export(plan, io.BytesIO())
    with pytest.raises(eduplans.ArgumentTypeError, match="binary file object"):
        eduplans.export(plan, 3)  # type: ignore[call-overload]


def test_validate_reports_a_plan_id_two_files_share(tmp_path: Path) -> None:
    """Session 2: `eduplans validate a.toml b.toml` said both were valid, and then load()
    refused them for their shared id; validate names both files now."""
    a, b = _twin(tmp_path, "a", "mine-2024"), _twin(tmp_path, "b", "mine-2024")
    (problem,) = eduplans.validate([a, b])
    assert (problem.path, problem.field, problem.line) == (str(b), "id", 2)
    assert str(a) in problem.message
    assert eduplans.validate([a]) == [] and eduplans.validate([a, a]) == []


def test_compare_refuses_a_year_that_is_not_an_int() -> None:
    """Session 2 review: ``compare(plans, key, year="2025")`` raised NoDataError "no target for
    year 2025 (targets exist for [2022, 2025])", contradicting itself; a str, float or bool year
    is an ArgumentTypeError naming ``year``, and a numpy integer (a frame's year) still works."""
    import numpy as np

    from eduplans import plot

    plans = eduplans.load()
    key = "preschool_gross_enrolment_rate"
    for bad in ("2025", 2025.0, True):
        with pytest.raises(eduplans.ArgumentTypeError, match=r"^year must be an int"):
            eduplans.compare(plans, key, year=bad)  # type: ignore[arg-type]
    with pytest.raises(eduplans.ArgumentTypeError, match=r"^year must be an int"):
        eduplans.compare(plans, key, year="2023", kind="interpolated")  # type: ignore[arg-type]
    with pytest.raises(eduplans.ArgumentTypeError, match=r"^year must be an int"):
        plot.targets(plans, key, year="2025")  # type: ignore[arg-type]
    stated = eduplans.compare(plans, key, year=2025)
    numpy_year = eduplans.compare(plans, key, year=np.int64(2025))  # type: ignore[arg-type]
    assert numpy_year.equals(stated) and set(stated["target_year"]) == {2025}


def test_parse_into_a_folder_with_a_different_source_text_writes_nothing(tmp_path: Path) -> None:
    """Session 2: `eduplans parse texts/ -o drafts/` saved the first drafts, then stopped at a
    different source text already in drafts/ ("pass write_source=False", not a CLI option),
    although it promises to write nothing when a file is in the way."""
    from .test_cli import run

    texts = tmp_path / "texts"
    texts.mkdir()
    for name in ("a", "b"):
        (texts / f"{name}.txt").write_text(
            f"{name}县“十四五”教育事业发展规划\n到2025年,学前三年毛入园率达到95%以上。\n",
            encoding="utf-8",
        )
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "b.txt").write_text("another text", encoding="utf-8")
    for force in ((), ("--force",)):
        result = run("parse", str(texts), "-o", str(drafts), *force)
        assert result.returncode == 1
        error = result.stderr.strip().splitlines()[-1]
        assert error.startswith(f"eduplans: error: {drafts / 'b.txt'}: a different file")
        assert "nothing was written" in error and "write_source" not in error
        assert sorted(p.name for p in drafts.iterdir()) == ["b.txt"]
        assert (drafts / "b.txt").read_text(encoding="utf-8") == "another text"


def test_replace_value_refuses_a_comparator_its_text_does_not_read(tmp_path: Path) -> None:
    """Session 2 review: ``replace_value(..., comparator=">=")`` on a value whose text reads
    "92%" was accepted and saved, and then ``validate`` and ``read_plan`` refused the saved file
    (``indicators[0].values[0].comparator``). The edit is refused at once, naming the field; with
    the flag ``comparator_from_context`` (and a note) it is kept, saved and read back."""
    text = "河北省教育事业发展“十四五”规划\n到2025年,全省学前教育毛入园率达到92%以上。\n"
    draft = eduplans.parse_plan(text.replace("以上", ""), region="河北省")
    name = "学前教育毛入园率"
    with pytest.raises(eduplans.DataError, match=r"^targets\[0\]\.comparator: .*'92%'") as err:
        draft.replace_value(name, year=2025, comparator=">=")
    assert err.value.field == "targets[0].comparator"
    fixed = draft.replace_value(
        name, year=2025, comparator=">=", flags=["comparator_from_context"], note="a test"
    )
    path = fixed.save(tmp_path / "hebei.toml")
    assert eduplans.validate(tmp_path) == []
    back = eduplans.read_plan(path).indicators[0].targets[0]
    assert back.comparator is eduplans.Comparator.GE and "comparator_from_context" in back.flags


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_figures_name_a_draft_whose_region_is_unknown_by_its_plan_id(lang: str) -> None:
    """Session 2 review: a parsed draft whose region is unknown (real_01, an anonymised page) was
    labelled "nan (2025)" in ``targets`` and headed a "nan" column in ``coverage``, and two such
    drafts shared that one column. Each is named by its plan id."""
    import matplotlib.pyplot as plt

    from eduplans import plot

    drafts = [
        eduplans.parse_plan(f"“十四五”教育规划\n到2025年,学前教育毛入园率达到{n}%。\n")
        for n in (95, 97)
    ]
    assert [d.region for d in drafts] == [None, None]
    ids = [d.id for d in drafts]
    assert len(set(ids)) == 2
    plans = [*eduplans.load(), *drafts]
    key = "preschool_gross_enrolment_rate"
    ax = plot.targets(plans, key, lang=lang)
    ax.figure.canvas.draw()
    rows = [t.get_text().replace("\n", "") for t in ax.get_yticklabels()]  # a long id: 2 lines
    assert not [r for r in rows if "nan" in r or "None" in r], rows
    assert all(any(r.startswith(i) for r in rows) for i in ids), rows
    cover = plot.coverage(plans, keys=[key], lang=lang)
    cover.figure.canvas.draw()
    columns = [t.get_text().replace("\n", "") for t in cover.get_xticklabels()]
    assert not [c for c in columns if c in ("nan", "None")], columns
    assert set(ids) <= set(columns), columns
    assert len(cover.texts) >= len(columns)  # every column has its cell
    plt.close("all")


def test_align_takes_one_str_as_one_name() -> None:
    """Session 2 review: ``align("学前三年毛入园率")`` aligned each character as a name (8 rows)."""
    frame = eduplans.align("学前三年毛入园率")
    assert frame["name"].tolist() == ["学前三年毛入园率"]
    assert frame["key"].tolist() == ["preschool_gross_enrolment_rate"]
    assert eduplans.cluster("新建幼儿园")["name"].tolist() == ["新建幼儿园"]


def test_an_unknown_catalog_key_suggests_close_keys() -> None:
    """Session 2 review: ``catalog()["nope"]`` was a bare KeyError without suggestions, unlike
    compare's UnknownKeyError."""
    with pytest.raises(eduplans.UnknownKeyError, match="preschool_gross_enrolment_rate") as err:
        eduplans.catalog()["preschool_gross_enrolment"]
    assert isinstance(err.value, KeyError)
    assert "preschool_gross_enrolment_rate" in eduplans.catalog()
    assert eduplans.catalog().get("nope") is None  # Mapping.get still answers None


# --- session 3 review --------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [5, None, "luoyang-2022"])
def test_plans_that_are_no_plans_are_an_argument_type_error(bad: Any) -> None:
    """Session 3 review: ``to_frame(5)``, ``compare(None)``, ``PlanCollection(5)`` and the
    figures raised a bare ``TypeError: 'int' object is not iterable``; a plan id was read as
    plans character by character ("plans[0] is a str")."""
    from eduplans import plot

    key = "preschool_gross_enrolment_rate"
    calls: list[Callable[[], object]] = [
        lambda: eduplans.to_frame(bad),
        lambda: eduplans.compare(bad, key),
        lambda: eduplans.hierarchy(bad, key, region="洛阳市"),
        lambda: eduplans.PlanCollection(bad),
        lambda: plot.targets(bad, key),
    ]
    for call in calls:
        with pytest.raises(eduplans.ArgumentTypeError, match="plans must be a Plan") as info:
            call()
        assert isinstance(info.value, TypeError)
    with pytest.raises(eduplans.ArgumentTypeError, match=r"plans\[1\] is a str"):
        eduplans.to_frame([eduplans.load()["洛阳市"], "x"])


def test_format_value_refuses_an_unknown_comparator_as_an_eduplans_error() -> None:
    """Session 3 review: ``format_value("=>", 5)`` raised a bare ``ValueError: '=>' is not a
    valid Comparator``."""
    with pytest.raises(eduplans.ArgumentError, match=r"comparator must be one of .*'>='.*'=>'"):
        eduplans.format_value("=>", 5.0, unit="percent")
    assert eduplans.format_value(">=", 5.0, unit="percent") == "≥5%"


def test_validate_reports_a_bad_header_without_a_made_up_baseline_year_problem(
    tmp_path: Path,
) -> None:
    """Session 3 review: a plan file whose id (or source) was wrong got a second problem,
    "baseline_year 2020 is not a year 1949-2100 up to the end of the period 2000": the header
    that stands in for the bad one to check the indicators has the period 2000-2000."""
    plan = eduplans.load()["luoyang-2022"]
    assert plan.baseline_year is not None
    path = plan.save(tmp_path / "plan.toml")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('id = "luoyang-2022"', 'id = "Luoyang 2022"'), encoding="utf-8")
    problems = eduplans.validate(path)
    assert [p.field for p in problems] == ["id"], problems


def test_cli_export_onto_a_file_says_force_not_overwrite_true(tmp_path: Path) -> None:
    """Session 3 review: ``eduplans export -o all.csv`` onto an existing file said "pass
    overwrite=True (on the command line --force)", the library's words, unlike plot and
    summary."""
    from .test_cli import run

    (tmp_path / "all.csv").write_text("keep me\n", encoding="utf-8")
    result = run("export", "-o", "all.csv", cwd=tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line == "eduplans: error: all.csv: already exists; pass --force to replace it"
    assert (tmp_path / "all.csv").read_text(encoding="utf-8") == "keep me\n"


def test_cli_summary_marks_the_rows_a_plan_contradicts() -> None:
    """Session 3 review: the Quick start's ``eduplans summary`` printed 杏花岭's 巩固率 target
    "100" with no sign that the plan also states 99.7% (``compare``'s ``conflict``), which the
    figure it writes marks with ≠."""
    from .test_cli import run

    result = run("summary")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    head = next(line for line in lines if "label_en" in line)
    assert head.split()[-1] == "conflict"
    row = next(line for line in lines if "retention rate" in line and "杏花岭区" in line)
    assert row.split()[-1] == "True"
    assert any(line.split()[-1] == "False" for line in lines if "洛阳市" in line)


def test_cli_show_writes_no_empty_issuer(tmp_path: Path) -> None:
    """Session 3 review: ``eduplans show`` of a draft with no issuer printed "issued 2021-01-01
    by , five_year_plan" and an empty line for the English title."""
    from .test_cli import run

    draft = eduplans.parse_plan("某某县“十四五”教育规划\n到2025年,学前教育毛入园率达到95%。\n")
    assert draft.issuer == "" and draft.title_en == ""
    path = draft.save(tmp_path / "d.toml")
    result = run("show", str(path))
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.splitlines()[:2]
    assert first.startswith(f"{draft.id}: ") and second.startswith("  region ")
    assert " by ," not in second and f"issued {draft.issued}, " in second


def test_align_gives_none_not_nan_for_an_unmatched_name_beside_a_matched_one() -> None:
    """Session 3 review: ``align(["學前三年毛入園率", "zzzz"])`` gave the unmatched name
    ``key`` and ``label_en`` NaN (pandas' str dtype), while the docstring says None."""
    frame = eduplans.align(["學前三年毛入園率", "一个不是指标的名字zzzz"])
    assert frame.loc[0, "key"] == "preschool_gross_enrolment_rate"
    assert frame.loc[1, "method"] == "unmatched"
    assert frame.loc[1, "key"] is None and frame.loc[1, "label_en"] is None


def test_compare_region_code_is_none_for_a_region_without_a_code() -> None:
    """Session 3 review: compare gave ``region_code`` NaN for a region without a code when
    another plan's region had one (None when none had); docs/compare.md now says None."""
    plans = eduplans.load()
    own = plans["luoyang-2022"]
    assert own.region is not None
    uncoded = dataclasses.replace(own.region, code=None, name_en="")
    plan = dataclasses.replace(own, region=uncoded, id="uncoded-2022")
    frame = eduplans.compare([plan, plans["conghua-2022"]])
    mine = frame[frame["plan_id"] == "uncoded-2022"]
    assert len(mine) > 0
    assert all(code is None for code in mine["region_code"])
    assert set(mine["region_en"]) == {""}
    assert set(frame.loc[frame["plan_id"] == "conghua-2022", "region_code"]) == {"440117"}
    doc = (Path(__file__).parents[1] / "docs/compare.md").read_text(encoding="utf-8")
    assert "`region_code` None for a region without a code" in doc


def test_zh_legend_words_name_no_english_column() -> None:
    """Session 3 review: the zh legends said "(见 alternatives)", an English column name in
    Chinese text."""
    import tomllib

    path = Path(eduplans.__file__).parent / "data/words.toml"
    words = tomllib.loads(path.read_text(encoding="utf-8"))

    def pairs(table: object) -> list[list[str]]:
        if isinstance(table, dict):
            return [p for v in table.values() for p in pairs(v)]
        if isinstance(table, list) and len(table) == 2 and all(isinstance(x, str) for x in table):
            return [table]
        return []

    found = [zh for zh, _ in pairs(words) if "见" in zh]
    assert found  # the legends that refer the reader somewhere
    assert not [zh for zh in found if re.search(r"[A-Za-z_]{4,}", zh)]


def test_the_catalog_has_coefficient_and_student_teacher_ratio_entries() -> None:
    """Session 3 review: no catalog entry used the units ``coefficient`` (差异系数) or
    ``student_per_teacher`` (生师比): ``catalog.search("生师比")`` was empty and align left
    such names unmatched. Names as real pages write them: 小学差异系数 / 初中差异系数 (a
    province's 校际差异系数表), 学生与专任教师比 under 初中 (江门市, dev4)."""
    found = eduplans.catalog.search("生师比")
    assert set(found["key"]) >= {
        "primary_student_teacher_ratio",
        "junior_secondary_student_teacher_ratio",
    }
    entries = eduplans.catalog()
    for key, unit in [
        ("primary_interschool_difference_coefficient", "coefficient"),
        ("junior_secondary_interschool_difference_coefficient", "coefficient"),
        ("primary_student_teacher_ratio", "student_per_teacher"),
        ("junior_secondary_student_teacher_ratio", "student_per_teacher"),
    ]:
        assert (entries[key].unit, entries[key].direction) == (unit, "down")
    names = ["小学校际综合差异系数", "初中生师比", "小学差异系数", "初中差异系数"]
    assert eduplans.align(names)["key"].tolist() == [
        "primary_interschool_difference_coefficient",
        "junior_secondary_student_teacher_ratio",
        "primary_interschool_difference_coefficient",
        "junior_secondary_interschool_difference_coefficient",
    ]
    ratio = eduplans.align(["学生与专任教师比", "生师比"], context=["初中", "小学"])
    assert ratio["key"].tolist() == [
        "junior_secondary_student_teacher_ratio",
        "primary_student_teacher_ratio",
    ]
    # a school count or an enrolment of the stage is not its coefficient or its ratio
    other = eduplans.align(["小学学校数", "初中在校生数"])["key"].tolist()
    assert not {k for k in other if k and ("coefficient" in k or "ratio" in k)}


def test_lookup_reads_a_chain_of_names_such_as_a_regions_own_full_name() -> None:
    # regression (session 3, lead): regions.lookup(r.full_name) failed for every county and
    # prefecture ("河南省洛阳市孟津区": RegionNotFoundError), and parse_plan(region="河南省洛阳市")
    # silently made a region outside the table (code None, no English name)
    mengjin = eduplans.regions.lookup("孟津区")
    assert eduplans.regions.lookup(mengjin.full_name) == mengjin
    assert eduplans.regions.lookup("河南洛阳").code == "410300"
    assert eduplans.regions.lookup("福建省福州市鼓楼区").code == "350102"
    with pytest.raises(eduplans.RegionNotFoundError):
        eduplans.regions.lookup("河南省不存在县")
    draft = eduplans.parse_plan(
        "某县教育事业发展规划\n到2025年,小学生师比不高于17:1。", region="河南省洛阳市"
    )
    assert draft.region is not None and draft.region.code == "410300"


def test_a_page_number_line_the_view_removes_is_reported() -> None:
    # regression (session 7, lead): a page number line ("—1—" under a DOCX-converted plan's
    # title, blind16/07) was cut from the view and so from the diagnostics: a number of the
    # source that was neither a value nor reported
    page = next((Path(__file__).parent / "data" / "realtexts_blind16").glob("real_07_*.txt"))
    plan = eduplans.parse_plan(page)
    at = plan.source_text.index("\n—1—\n") + 2
    found = [d for d in plan.diagnostics if d.start == at]
    assert [(d.text, d.reason, d.routine) for d in found] == [("1", "page_number", True)]
    assert [d.start for d in plan.diagnostics] == sorted(d.start for d in plan.diagnostics)
