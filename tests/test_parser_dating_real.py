"""The year and kind (baseline or target) the parser gives values on real pages.

Each test reads one real page of a development set (tests/data/realtexts_blind*/README.md gives
each source) and checks one dating mechanism of Chinese official and news writing: how a page
says the time and tense of a value. Each asserts the value's year, kind and span (its quote is
the source text at its offsets).
"""

from __future__ import annotations

from pathlib import Path

import eduplans

DATA = Path(__file__).parent / "data"


def parse(blind: int, stem: str, **kw: object) -> eduplans.Plan:
    path = next((DATA / f"realtexts_blind{blind}").glob(f"real_{stem}_*.txt"))
    return eduplans.parse_plan(path, **kw)  # type: ignore[arg-type]


def value(plan: eduplans.Plan, quote: str) -> tuple[str, int, str]:
    """Return (kind, year, note) of the one value whose quote is ``quote``; check its span."""
    found = [v for i in plan.indicators for v in i.values if v.quote == quote]
    assert len(found) == 1, (quote, [v.quote for i in plan.indicators for v in i.values])
    v = found[0]
    assert plan.source_text[v.span.start : v.span.end] == quote
    return v.kind, v.year, v.note


def test_the_time_leading_a_list_holds_for_its_items() -> None:
    # blind5/19, a new year's speech dated 2018-03-26: "過去的一年,極不平凡。…" leads a list of
    # "——" items of last year's results; before the fix they were dated 2018 (the page's year)
    plan = parse(5, "19")
    for quote in (
        "累計(jì)新建學(xué)校1 205所",
        "自治區(qū)多元普惠幼兒園達(dá)4 270所",  # the second item: the list's lead still holds
        "全區(qū)普惠學(xué)前教育資源覆蓋率達(dá)60%",
        "普通高中招生34.8萬(wàn)人",
    ):
        kind, year, note = value(plan, quote)
        assert (kind, year) == ("baseline", 2017), quote
        assert "過去的一年" in note or "过去的一年" in note


def test_a_target_met_is_no_word_of_intent() -> None:
    # blind5/19: "超額完成目標任務,新增學位94萬個" was a target (目标 read as intent)
    kind, year, _ = value(parse(5, "19"), "新增學(xué)位94萬(wàn)個")
    assert (kind, year) == ("baseline", 2017)
    # blind5/26: "分别达到57%和89%,高标准超过国家确定的“50%、80%”的目标任务": the shares
    # exceed the national targets, they are no targets themselves
    plan = parse(5, "26")
    kind, year, _ = value(plan, "公办幼儿园、普惠性幼儿园在园幼儿占比分别达到57%")
    assert (kind, year) == ("baseline", 2020)
    kind, year, _ = value(plan, "和89%")
    assert (kind, year) == ("baseline", 2020)


def test_a_total_to_date_keeps_the_page_year_not_its_paragraphs() -> None:
    # blind2/12 (dated 2022): "…2021年末全区在职教职工63178名…。同時,累計投入學前幼兒園建設資金
    # 74.86億元": 累计 is a total to the page's date; the 2021 of the sentence before does not
    # carry to it (the rule that carries a list's lead must not reach it)
    kind, year, _ = value(parse(2, "12"), "累計(jì)投入學(xué)前幼兒園建設(shè)資金74.86億元")
    assert (kind, year) == ("baseline", 2022)


def test_this_year_in_the_sentence_before_carries() -> None:
    # blind2/03, a January news page of 2020 (its 去年 is 2019): "…共實現新增學位14.29萬個,
    # 今年即可投入使用。…毛入園率將達到90%左右": the planned rate is of 今年, 2020
    kind, year, note = value(parse(2, "03"), "全省學前教育三年毛入園率將達到90%左右")
    assert (kind, year) == ("target", 2020)
    assert "今年" in note
