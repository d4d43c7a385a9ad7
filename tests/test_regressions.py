"""Regression tests: one per fixed defect (pint's ``test_issues.py`` style).

Each test is named for what it guards and says which defect of which issue it reproduces; each
failed on the code before its fix.

Hang guards: a reproducer that once took minutes (or forever) runs in a child process that is
stopped after ``HANG_GUARD`` seconds; the fixed code takes well under a second. The guard tells a
hang from a finish; speed itself is measured by ``benchmarks/bench_adversarial.py``.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

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
