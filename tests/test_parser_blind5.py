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


def test_repeated_inline_pinyin_is_dropped_from_names() -> None:
    # blind5/13 prints the pinyin of a character again and again: "普(pu)(pu)(pu)高學(xue)(xue)
    # (xue)(xue)位(wei)5550個"; before the fix only the first was dropped, the name kept
    # "(pu)(pu)" and, no longer ending in 學位, its 個 counted items instead of seats
    from eduplans._parse._view import make_view

    assert make_view("普(pu)(pu)(pu)高學(xue)(xue)(xue)(xue)位(wei)").text == "普高學位"
    got = values(parse("real_13"))
    names = [name for name, *_ in got]
    assert all("(" not in n for n in names), names
    assert ("新建公辦普高學位", 5550.0, "seat") in [(n, m, u) for n, _, _, m, u in got]


def test_a_page_without_any_year_says_its_values_year_is_unknown() -> None:
    # blind5/05 (a speech) and 12 (a forum post) state no year and no date: the model needs a
    # year, and the placeholder period (2000) was explained as "the plan's end year (2000)
    # applies"; each value now says its year is unknown
    for stem in ("real_05", "real_12"):
        plan = parse(stem)
        notes = [v.note for i in plan.indicators for v in i.values]
        assert notes
        assert all("the year is unknown" in n for n in notes), stem
        assert not any("end year" in n for n in notes), stem
    dated = parse("real_12", period=(2019, 2019))
    assert not any("unknown" in v.note for i in dated.indicators for v in i.values)


def test_a_page_without_any_year_flags_its_values_year_unknown() -> None:
    # regression (session 3, lead): the placeholder year 2000 of an undated page reached the
    # frame as a plain year; only a note said it was unknown. The flag makes it machine-readable
    for stem in ("real_05", "real_12"):
        frame = parse(stem).to_frame()
        assert len(frame) > 0
        assert frame["flag_year_unknown"].all(), stem
        assert frame["flag_year_implied"].all(), stem
    dated = parse("real_12", period=(2019, 2019)).to_frame()
    assert len(dated) > 0 and not dated["flag_year_unknown"].any()
