"""Fuzzing the parser: any input gives a Plan or a ParseError, never another exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import eduplans
from eduplans import ParseError, Plan

SEED = (Path(__file__).parent / "data" / "parser" / "prose.txt").read_text(encoding="utf-8")
PIECES = [
    "到2025年,", "学前三年毛入园率", "达到", "95%", "以上", "不低于", "3—5所", "1.5万个", "、",
    "和", "分别", "。", "\n", "\n\n", "|", " ", "(%)", "2020年", "指标", "属性", "约束性", "≥",
    "≤ ", "-", "其中:", "小学/初中", "保持高水平", "十三五", "一、", "(一)", "至少", "一名",
    "百分之", "《", "》", "“", "”", "全覆盖", "所有", "20万人口以上的县", "现有", "较2015年",
]  # fmt: skip
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(source: str | bytes) -> None:
    try:
        plan = eduplans.parse_plan(source)
    except ParseError:
        return
    assert isinstance(plan, Plan)
    for ind in plan.indicators:
        for v in ind.values:
            assert plan.source_text[v.span.start : v.span.end] == v.quote


@SETTINGS
@given(st.text(max_size=400))
def test_any_text(text: str) -> None:
    _check(text)


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes(data: bytes) -> None:
    _check(data)


@SETTINGS
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_plan_like_texts(text: str) -> None:
    _check(text)


@SETTINGS
@given(st.integers(0, len(SEED)), st.integers(0, len(SEED)), st.text(max_size=20))
def test_mutated_plan(i: int, j: int, insert: str) -> None:
    a, b = sorted((i, j))
    _check(SEED[:a] + insert + SEED[b:])


@SETTINGS
@given(st.sampled_from(["utf-8", "gb18030", "utf-16"]), st.integers(0, len(SEED)))
def test_truncated_encoded_plan(encoding: str, cut: int) -> None:
    _check(SEED.encode(encoding)[:cut])
