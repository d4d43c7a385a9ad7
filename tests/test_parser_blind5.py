"""The parser on the real pages of the development set tests/data/realtexts_blind5.

Each test reads one real page of that set (tests/data/realtexts_blind5/README.md gives each
source) and checks one mechanism its misses showed; one test per fixed defect.
"""

from __future__ import annotations

from pathlib import Path

import eduplans

BLIND5 = Path(__file__).parent / "data" / "realtexts_blind5"


def parse(stem: str, **kw: object) -> eduplans.Plan:
    path = next(BLIND5.glob(f"{stem}_*.txt"))
    return eduplans.parse_plan(path, **kw)  # type: ignore[arg-type]


def values(plan: eduplans.Plan) -> list[tuple[str, str, int, float | None, str]]:
    return [
        (i.name, v.kind, v.year, v.magnitude, i.unit) for i in plan.indicators for v in i.values
    ]


def test_heading_of_tense_alone_says_planned_or_done() -> None:
    # blind5/08: "任务安排" heads the year's tasks (targets), "落实情况" their results
    # (baselines); before the fix the tasks were read as baselines
    got = values(parse("real_08"))
    assert ("新建、改扩建中小学校", "target", 2025, 13.0, "school") in got
    assert ("中小学", "baseline", 2025, 10.0, "school") in got  # 已建成并交付使用
