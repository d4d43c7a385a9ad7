"""Session 6 parser fixes, each on a real development page (tests/data/realtexts_blind*)."""

from __future__ import annotations

from pathlib import Path

import eduplans

DATA = Path(__file__).resolve().parent / "data"


def _rows(path: Path) -> list[dict[str, object]]:
    return eduplans.parse_plan(path).to_frame().to_dict("records")


def test_land_in_mu_is_read_on_a_real_page() -> None:
    # blind13/12: "新增义务教育学校建设用地962.94亩" (亩 was no unit: the value was lost)
    path = next((DATA / "realtexts_blind13").glob("real_12_*.txt"))
    text = path.read_text(encoding="utf-8")
    rows = [r for r in _rows(path) if r["unit"] == "mu"]
    assert [(r["value"], r["year"], r["kind"]) for r in rows] == [(962.94, 2020, "baseline")]
    quote = str(rows[0]["quote"])
    assert quote.endswith("962.94亩") and quote in text


def test_mu_and_hectare_convert_to_square_metres() -> None:
    from eduplans import _units

    assert _units.convert(15, "mu", "square_meter") == 10000
    assert _units.convert(25.2, "hectare", "square_meter") == 252000
    assert eduplans.parse_value("占地25.2公顷".removeprefix("占地")).unit == "hectare"


def test_jian_is_a_classifier_on_a_real_page() -> None:
    # blind8/13: "共完成49件民生實事": 件 was no classifier, so 49 was "not understood"; it is now
    # read as a count, and reported as the count of a list of works (民生实事), as 项 is
    assert eduplans.parse_value("49件").unit == "item"
    path = next((DATA / "realtexts_blind8").glob("real_13_*.txt"))
    reasons = {d.reason for d in eduplans.parse_plan(path).diagnostics if d.text == "49"}
    assert reasons == {"distractor"}
