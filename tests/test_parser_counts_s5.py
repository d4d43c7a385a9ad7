"""Counts of county-level units written without 个 (session 5), on a real development page."""

from __future__ import annotations

from pathlib import Path

import eduplans

DATA = Path(__file__).parent / "data"


def test_county_units_count_without_a_classifier() -> None:
    # blind14/10, 怒江州 (a notice issuing a plan, 2022-10-10): "确保2034年底全州4县市实现义务教育
    # 优质均衡发展目标" is the plan's one count; the page failed with ParseError before
    page = next((DATA / "realtexts_blind14").glob("real_10_*.txt"))
    plan = eduplans.parse_plan(page)
    got = [
        (v.kind, v.year, v.magnitude, ind.unit)
        for ind in plan.indicators
        for v in ind.values
        if v.text == "4县市"
    ]
    assert got and set(got) == {("target", 2034, 4.0, "item")}


def test_parse_value_reads_county_units() -> None:
    parsed = eduplans.parse_value("8县区")
    assert (parsed.value, parsed.unit) == (8.0, "item")
