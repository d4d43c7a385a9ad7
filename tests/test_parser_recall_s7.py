"""Session 7 recall fixes (issue 13: missed values), each on a real development page."""

from __future__ import annotations

from pathlib import Path

import eduplans

DATA = Path(__file__).resolve().parent / "data"


def _page(folder: str, number: int) -> Path:
    return next((DATA / folder).glob(f"real_{number:02d}_*.txt"))


def _rows(path: Path) -> list[dict[str, object]]:
    return eduplans.parse_plan(path).to_frame().to_dict("records")


def test_a_count_named_after_it_quotes_its_name() -> None:
    # blind8/19: "127所中小學和369所幼兒園投入使用": the counts are named by what follows them;
    # their quotes stopped at 所 ("127所"), so a reviewer did not see what they count
    path = _page("realtexts_blind8", 19)
    text = path.read_text(encoding="utf-8")
    rows = [r for r in _rows(path) if r["value"] in (127.0, 369.0)]
    assert {(r["indicator"], r["value"]) for r in rows} == {("中小學", 127.0), ("幼兒園", 369.0)}
    for r in rows:
        quote = str(r["quote"])
        assert quote == text[int(str(r["source_start"])) : int(str(r["source_end"]))]
        assert quote.endswith(str(r["indicator"])) or quote.endswith("幼兒園投入使用")
        assert str(r["text"]) in quote


def test_a_change_word_after_a_value_is_not_quoted_as_its_name() -> None:
    # blind13/02: "…分别由83.2%、94%、90.85%提升至90.3%、96%、92.01%": 提升至 after 90.85% is
    # no name; the quote of 90.85% ends at its value
    path = _page("realtexts_blind13", 2)
    rows = [r for r in _rows(path) if r["value"] == 90.85]
    assert rows and all(str(r["quote"]).endswith("90.85%") for r in rows)
