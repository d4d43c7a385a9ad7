"""A value whose page names no year has no year in the frame, and is never compared.

The parser gives such values the flag ``year_unknown``; the model keeps the placeholder year
of the period it could not find (2000), which must never reach a frame, a comparison or a
figure as if the plan had said 2000. The page is a real one of a development set
(tests/data/realtexts_blind5/real_05: a county's kindergarten report with no year, date or
period anywhere); the comparison uses another, whose values are all targets
(tests/data/realtexts_blind3/real_24: a city's vocational-education goals, no year either).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import eduplans

DATA = Path(__file__).parent / "data"
PAGE = next((DATA / "realtexts_blind5").glob("real_05_*.txt"))
TARGETS_PAGE = next((DATA / "realtexts_blind3").glob("real_24_*.txt"))


@pytest.fixture(scope="module")
def draft() -> eduplans.Plan:
    return eduplans.parse_plan(PAGE)


@pytest.mark.parametrize("page", [PAGE, TARGETS_PAGE], ids=["blind5-05", "blind3-24"])
def test_page_names_no_year(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert not any(str(y) in text for y in range(1990, 2040))


def test_frame_year_is_missing_not_a_placeholder(draft: eduplans.Plan) -> None:
    frame = draft.to_frame()
    flagged = frame[frame["flag_year_unknown"]]
    assert len(flagged) == len(frame) > 0
    assert flagged["year"].isna().all()
    assert flagged["start_year"].isna().all()
    assert str(frame["year"].dtype) == "Int64"
    assert 2000 not in set(frame["year"].dropna())


def test_model_keeps_the_flag(draft: eduplans.Plan) -> None:
    values = [v for ind in draft.indicators for v in ind.values]
    assert values and all("year_unknown" in v.flags for v in values)


def test_dated_values_keep_their_year() -> None:
    frame = eduplans.load()["xinghualing-2022"].to_frame()
    assert not frame["flag_year_unknown"].any()
    assert frame["year"].notna().all()


def test_compare_leaves_out_values_of_no_year() -> None:
    draft = eduplans.parse_plan(TARGETS_PAGE)
    key = "dual_qualified_teacher_share"
    assert any(
        i.key == key and v.kind == "target" and "year_unknown" in v.flags
        for i in draft.indicators
        for v in i.values
    )
    with pytest.raises(eduplans.NoDataError):
        eduplans.compare(draft, key)
    plans = [eduplans.load()["conghua-2022"], draft]
    out = eduplans.compare(plans, key)
    assert set(out["plan_id"]) == {"conghua-2022"}
    assert not (out["target_year"] == 2000).any()
    assert not (out["baseline_year"] == 2000).any()


def test_export_writes_no_placeholder_year(draft: eduplans.Plan, tmp_path: Path) -> None:
    path = tmp_path / "draft.csv"
    eduplans.export(draft, path)
    back = pd.read_csv(path)
    assert back["year"].isna().all()
