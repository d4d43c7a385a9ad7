"""Fuzzing the public API and the CLI with bad input (issue 10).

Properties, over generated input:

* only :class:`eduplans.EduplansError` escapes (a ``TypeError`` for a wrong Python type is a
  programming error and is not generated here);
* nothing is accepted that disagrees with itself: every accepted value's quote is at its span,
  its text is inside the quote and reads as the value (number, comparator, unit) unless a flag
  explains the difference, and the plan's years are years;
* what is accepted saves and reads back equal.

The seed is fixed (``derandomize``) and the budget small, so CI runs these in seconds; set
``EDUPLANS_FUZZ_EXAMPLES`` (examples per test, default 40) for a longer run by hand, and ``-s``
to see the figures (cases tried, outcomes by exception type) printed at the end of the module::

    EDUPLANS_FUZZ_EXAMPLES=1000 python -m pytest tests/test_fuzz.py -s -q -p no:cacheprovider
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import shutil
import sys
import tempfile
import tomllib
from collections import Counter
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import eduplans
from eduplans import Plan

EXAMPLES = int(os.environ.get("EDUPLANS_FUZZ_EXAMPLES", "40"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # a fixed seed: the same cases on every run
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
DATA = Path(str(files("eduplans").joinpath("data")))
PLAN_FILE = DATA / "plans" / "henan-2024.toml"  # the smallest bundled plan (11 values)
PLAN_TEXT = PLAN_FILE.read_text(encoding="utf-8")
PLAN_SOURCE = DATA / "sources" / tomllib.loads(PLAN_TEXT)["source"]
OUTCOMES: dict[str, Counter[str]] = {}


def _count(test: str, outcome: str) -> None:
    OUTCOMES.setdefault(test, Counter())[outcome] += 1


@pytest.fixture(scope="module", autouse=True)
def _report() -> Iterator[None]:
    yield
    lines = [f"fuzz figures ({EXAMPLES} examples per test asked):"]
    for test, outcomes in OUTCOMES.items():
        total = sum(outcomes.values())
        parts = ", ".join(f"{k} {v}" for k, v in outcomes.most_common())
        lines.append(f"  {test}: {total} cases: {parts}")
    print("\n" + "\n".join(lines))


# --- the consistency of what is accepted --------------------------------------------------------


def _agrees(plan: Plan) -> None:
    """Assert that an accepted plan agrees with itself (see the module docstring)."""
    assert all(1949 <= y <= 2100 for y in plan.period) and plan.period[0] <= plan.period[1]
    assert plan.baseline_year is None or 1949 <= plan.baseline_year <= plan.period[1]
    assert plan.title.strip()
    for ind in plan.indicators:
        for v in ind.values:
            assert plan.source_text[v.span.start : v.span.end] == v.quote
            assert v.text.strip() and v.text in v.quote, (v.text, v.quote)
            assert len(set(v.flags)) == len(v.flags)
            for number in (v.magnitude, v.upper_magnitude):
                assert number is None or math.isfinite(number)
            if {"text_defect", "number_from_words"} & set(v.flags):
                continue
            try:
                read = eduplans.parse_value(v.text, unit=v.unit)
            except eduplans.ValueTextError:
                continue  # a text the parser read through its normalised view (checked below)
            if "comparator_from_context" not in v.flags:
                assert read.comparator is v.comparator, (v.text, v.comparator)
            if read.value is not None and v.magnitude is not None and v.unit == "percent":
                assert math.isclose(read.value, v.magnitude), (v.text, v.magnitude)


def _round_trip(plan: Plan) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        back = eduplans.read_plan(plan.save(Path(tmp) / "saved.toml"))
    assert back == plan


# --- read_plan of mutated plan files ------------------------------------------------------------

TOKENS = [
    "0", "-1", "1e400", "1" + "0" * 400, "1" + "0" * 4400, "true", '""', '" "', "[]", "[1, 2]",
    "[2021, 2025, 2030]", "{}", '"30%左右"', '"3—5所"', '"≥95%"', '"五点五所"', "nan", "inf",
    "2022-02-10T10:00:00", "1948", "2101", '"410300"', '"130400"', '"41030"',
    '{ name = "某某县", level = "county", code = "410300" }', '"../x.txt"', '"/etc/hostname"',
    '"percent"', '"seat"', '"range"', '"maintain"', '"<="', '"~"', '["conflict", "conflict"]',
    '["year_implied"]', "\n", "=", "#", "[[indicators]]", "[[indicators.values]]", '"\\ud800"',
    '"a\\u0000b"', "'''", '"', "\\",
]  # fmt: skip
LINES = PLAN_TEXT.split("\n")
_MUTATION = st.tuples(
    st.sampled_from(["value", "delete", "duplicate", "insert", "swap"]),
    st.integers(0, len(LINES) - 1),
    st.integers(0, len(LINES) - 1),
    st.sampled_from(TOKENS),
)


def _mutate(ops: list[tuple[str, int, int, str]]) -> str:
    lines = list(LINES)
    for op, i, j, token in ops:
        i, j = i % len(lines), j % len(lines)
        if op == "value" and " = " in lines[i]:
            lines[i] = lines[i].split(" = ", 1)[0] + " = " + token
        elif op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "insert":
            lines.insert(i, token)
        elif op == "swap" and " = " in lines[i] and " = " in lines[j]:
            a, b = lines[i].split(" = ", 1), lines[j].split(" = ", 1)
            lines[i], lines[j] = f"{a[0]} = {b[1]}", f"{b[0]} = {a[1]}"
        if not lines:
            lines = [""]
    return "\n".join(lines)


@SETTINGS
@given(st.lists(_MUTATION, min_size=1, max_size=4), st.booleans())
def test_read_plan_of_mutated_plan_files(ops: list[tuple[str, int, int, str]], bom: bool) -> None:
    text = _mutate(ops)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shutil.copy(PLAN_SOURCE, folder)
        path = folder / "plan.toml"
        path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
        try:
            plan = eduplans.read_plan(path)
        except eduplans.EduplansError as exc:
            _count("read_plan", type(exc).__name__)
            problems = eduplans.validate(path)  # validate reports it too, without raising
            assert problems, text
            return
        assert not eduplans.validate(path)
    _count("read_plan", "accepted")
    _agrees(plan)
    _round_trip(plan)


# --- parse_value ---------------------------------------------------------------------------------

PIECES = [
    "9", "95", "0.5", "3", "—", "-", "~", "至", "到", "%", "个百分点", "万", "亿", "千", "所", "个",
    "名", "人", "以上", "以下", "左右", "约", "近", "≥", "≤", "不低于", "超过", "达到", "保持",
    "五", "点", "十", "百", "零", "两", "百分之", " ", "多", "余", "年", "元", "学位", "9" * 40,
    "，", "％", "９",
]  # fmt: skip
UNITS = st.sampled_from([None, *sorted(eduplans.UNITS)])


_VALUE_TEXTS = st.one_of(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map("".join),
    st.tuples(  # shaped like a value: comparator, number, range, scale, unit, suffix
        st.sampled_from(["", "约", "不低于", "超过", "≥", "达到", "保持在"]),
        st.sampled_from(["95", "0.5", "3", "1,200", "五", "两", "九十五点五", "十二", "9" * 400]),
        st.sampled_from(["", "—5", "-98", "至4", "到一百"]),
        st.sampled_from(["", "万", "亿", "多", "余"]),
        st.sampled_from(["", "%", "所", "个", "名", "个百分点", "学位", "小时", "倍", "元"]),
        st.sampled_from(["", "以上", "以下", "左右", "以内", " "]),
    ).map("".join),
)


@SETTINGS
@given(_VALUE_TEXTS, UNITS)
def test_parse_value_of_generated_texts(text: str, unit: str | None) -> None:
    try:
        got = eduplans.parse_value(text, unit=unit)
    except eduplans.EduplansError as exc:
        _count("parse_value", type(exc).__name__)
        return
    _count("parse_value", "read")
    assert unit is None or got.unit == unit
    if got.value is None:
        assert got.comparator is eduplans.Comparator.MAINTAIN
        return
    assert math.isfinite(got.value)
    if got.upper is not None:
        assert math.isfinite(got.upper) and got.upper >= got.value
        assert got.comparator is eduplans.Comparator.RANGE
    if got.value >= 0:  # written back, it reads the same
        again = eduplans.parse_value(
            eduplans.format_value(got.comparator, got.value, upper=got.upper, unit=got.unit)
        )
        assert again.comparator is got.comparator and again.unit == got.unit
        assert math.isclose(again.value or 0.0, got.value)


@SETTINGS
@given(st.text(max_size=60), UNITS)
def test_parse_value_of_any_text(text: str, unit: str | None) -> None:
    try:
        eduplans.parse_value(text, unit=unit)
    except eduplans.EduplansError as exc:
        _count("parse_value any", type(exc).__name__)
        return
    _count("parse_value any", "read")


# --- parse_plan on str, bytes and paths ----------------------------------------------------------

PLAN_PIECES = [
    "某某县“十四五”教育事业发展规划\n", "到2025年,", "学前三年毛入园率", "达到", "95%", "以上",
    "不低于", "3—5所", "1.5万个", "、", "和", "分别", "。", "\n", "|", " ", "(%)", "2020年",
    "指标", "2025年", "约束性", "≥", "-", "其中:", "小学/初中", "十三五", "一、", "(一)",
    "至少", "一名", "百分之九十五点五", "五点五所", "《规划》", "全覆盖", "现有", "较2015年",
    "保持在" * 5, "\ud800", "\x00", "个(gè)", "95 %", "9" * 30 + "%", ".txt",
]  # fmt: skip
TITLE = "某某县“十四五”教育事业发展规划\n"
_PLAN_TEXTS = st.tuples(
    st.sampled_from(["", TITLE, TITLE + "到2025年,"]),
    st.lists(st.sampled_from(PLAN_PIECES), min_size=1, max_size=40).map("".join),
).map("".join)


def _check_parsed(source: str | bytes | Path, test: str) -> None:
    try:
        plan = eduplans.parse_plan(source)
    except eduplans.EduplansError as exc:
        _count(test, type(exc).__name__)
        return
    _count(test, "parsed")
    for ind in plan.indicators:
        for v in ind.values:
            assert plan.source_text[v.span.start : v.span.end] == v.quote
    _round_trip(plan)


@SETTINGS
@given(_PLAN_TEXTS)
def test_parse_plan_of_generated_str(text: str) -> None:
    _check_parsed(text, "parse_plan str")


@SETTINGS
@given(st.one_of(_PLAN_TEXTS.map(lambda t: t.encode("utf-8", "replace")), st.binary(max_size=300)))
def test_parse_plan_of_generated_bytes(data: bytes) -> None:
    _check_parsed(data, "parse_plan bytes")


@SETTINGS
@given(_PLAN_TEXTS, st.sampled_from([".txt", ".md", ".html", ".htm", ".docx", ".pdf", ""]))
def test_parse_plan_of_generated_files(text: str, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"plan{suffix}"
        path.write_bytes(text.encode("utf-8", "replace"))
        _check_parsed(path, "parse_plan path")
        _check_parsed(str(path), "parse_plan path")
        _check_parsed(str(Path(tmp) / f"missing{suffix or '.txt'}"), "parse_plan path")


# --- the CLI --------------------------------------------------------------------------------------

COMMANDS = [
    ["list"], ["show"], ["indicators"], ["compare"], ["validate"], ["parse"], ["export"],
    ["cite"], ["plot"], [],
]  # fmt: skip
ARGS = [
    "luoyang-2022", "洛阳市", "nope", "preschool_gross_enrolment_rate", "no_such_key",
    "--format", "csv", "json", "table", "parquet", "--year", "2025", "0", "--interpolate",
    "-o", "OUT/x.csv", "OUT/x.png", "OUT/plan.txt", "OUT", "--force", "--kind", "coverage",
    "--lang", "en", "PLANFILE", "TEXTFILE", "/dev/null", "--library-only", "--plans", "-",
]  # fmt: skip


@SETTINGS
@given(st.sampled_from(COMMANDS), st.lists(st.sampled_from(ARGS), max_size=5))
def test_cli_with_generated_arguments(command: list[str], args: list[str]) -> None:
    from eduplans._cli import main

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "OUT").mkdir()
        shutil.copy(PLAN_SOURCE, folder)
        (folder / "plan.toml").write_text(PLAN_TEXT, encoding="utf-8")
        (folder / "text.txt").write_text("某某县规划\n到2025年,毛入园率达到95%。", "utf-8")
        names = {"PLANFILE": "plan.toml", "TEXTFILE": "text.txt"}
        argv = [str(folder / names[a]) if a in names else a for a in command + args]
        argv = [str(folder / a) if a.startswith("OUT") else a for a in argv]
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse: a usage error
                code = exc.code if isinstance(exc.code, int) else 2
    _count("cli", f"exit {code}")
    assert code in (0, 1, 2), (argv, code)
    assert "Traceback" not in err.getvalue(), (argv, err.getvalue())
    if code == 1:
        assert err.getvalue().startswith("eduplans"), (argv, err.getvalue())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-s", "-q"]))
