"""Users extend the catalog (issue 12): their own entries, search, a table view, explain()."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import eduplans
from eduplans import CatalogEntry

FOOTBALL = CatalogEntry(
    key="football_schools",
    name_zh="校园足球特色学校数",
    label_en="Campus football schools",
    definition="校园足球特色学校的所数.",
    unit="school",
    stage="school_age",
    category="quality",
    direction="up",
    aliases=("足球特色学校数", "校园足球特色校"),
    qualifiers=("足球",),
)


@pytest.fixture(autouse=True)
def clean_catalog() -> Iterator[None]:
    eduplans.catalog.reset()
    yield
    eduplans.catalog.reset()


def keys(names: list[str]) -> list[str | None]:
    return [k if isinstance(k, str) else None for k in eduplans.align(names)["key"]]


def test_an_added_entry_aligns_like_a_bundled_one() -> None:
    assert eduplans.catalog.add(FOOTBALL) == ("football_schools",)
    assert "football_schools" in eduplans.catalog()
    assert keys(["校园足球特色学校数", "足球特色学校数量"]) == ["football_schools"] * 2
    eduplans.catalog.reset()
    assert "football_schools" not in eduplans.catalog()
    assert keys(["校园足球特色学校数"]) == [None]


def test_a_declared_qualifier_keeps_a_look_alike_out() -> None:
    # issue 12: with the entry added, 篮球特色学校数 aligned to it
    eduplans.catalog.add(FOOTBALL)
    assert keys(["篮球特色学校数"]) == [None]
    why = eduplans.explain("篮球特色学校数")
    line = next(c for c in why.candidates if c[0] == "football_schools")
    assert not line[2] and "qualifier missing: 足球" in line[3]


def test_without_the_qualifier_the_look_alike_would_match() -> None:
    # the test above can fail: the same entry without its qualifier takes the look-alike
    import dataclasses

    eduplans.catalog.add(dataclasses.replace(FOOTBALL, qualifiers=()))
    assert keys(["篮球特色学校数"]) == ["football_schools"]


def test_entries_from_a_toml_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        '[[indicator]]\nkey = "new_childcare_places"\nname_zh = "新增托位数"\n'
        'label_en = "New childcare places"\nunit = "seat"\nstage = "preschool"\n'
        'category = "resources"\ndirection = "up"\ndefinition = "新增托育机构托位数."\n'
        'aliases = ["新增托位", "新增托育托位"]\n',
        encoding="utf-8",
    )
    assert eduplans.catalog.add(path) == ("new_childcare_places",)
    assert keys(["新增托位数", "新增托育托位"]) == ["new_childcare_places"] * 2
    frame = eduplans.catalog.to_frame()
    row = frame[frame["key"] == "new_childcare_places"].iloc[0]
    assert row["source"] == "added" and row["label_en"] == "New childcare places"


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ('[[indicator]]\nkey = "x"\n', "bad value"),
        ("[[indicator]\n", "not valid TOML"),
        ('title = "no indicators"\n', r"\[\[indicator\]\]"),
    ],
)
def test_a_bad_file_is_refused_and_adds_nothing(tmp_path: Path, text: str, match: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    before = len(eduplans.catalog())
    with pytest.raises(eduplans.DataError, match=match) as info:
        eduplans.catalog.add(path)
    assert "bad.toml" in str(info.value)
    assert len(eduplans.catalog()) == before


def test_a_repeated_key_is_refused() -> None:
    import dataclasses

    twin = dataclasses.replace(FOOTBALL, key="preschool_gross_enrolment_rate")
    with pytest.raises(eduplans.DataError, match="already in the catalog"):
        eduplans.catalog.add(twin)


def test_an_entry_that_cannot_be_told_apart_is_refused_and_rolled_back() -> None:
    import dataclasses

    twin = dataclasses.replace(
        FOOTBALL, key="basic_preschool_rate", name_zh="学前教育毛入园率总体", aliases=(),
        qualifiers=(), stage="preschool",
    )  # fmt: skip
    before = dict(eduplans.catalog())
    with pytest.raises(eduplans.DataError, match="cannot be told apart"):
        eduplans.catalog.add(twin)
    assert dict(eduplans.catalog()) == before
    assert keys(["学前教育毛入园率"]) == ["preschool_gross_enrolment_rate"]


def test_an_alias_shared_with_a_bundled_entry_is_refused() -> None:
    import dataclasses

    with pytest.raises(eduplans.DataError, match="already a name of"):
        eduplans.catalog.add(dataclasses.replace(FOOTBALL, aliases=("学前三年毛入园率",)))
    assert "football_schools" not in eduplans.catalog()


def test_compare_and_labels_see_an_added_entry() -> None:
    eduplans.catalog.add(FOOTBALL)
    with pytest.raises(eduplans.NoDataError, match="校园足球特色学校数"):
        eduplans.compare(eduplans.load(), "football_schools")


def test_search_finds_an_entry_by_part_of_its_name() -> None:
    found = eduplans.catalog.search("毛入园率")
    assert found.iloc[0]["key"] == "preschool_gross_enrolment_rate"
    assert list(found.columns) == ["key", "name_zh", "label_en", "form", "score"]
    assert eduplans.catalog.search("學前教育毛入園率").iloc[0]["key"] == (
        "preschool_gross_enrolment_rate"
    )
    english = eduplans.catalog.search("dropout")
    assert english.iloc[0]["key"] == "compulsory_dropout_rate"
    assert eduplans.catalog.search("量子计算机").empty


def test_the_catalog_as_a_table_and_html() -> None:
    frame = eduplans.catalog.to_frame()
    assert len(frame) == len(eduplans.catalog())
    assert set(frame["source"]) == {"bundled"}
    html = eduplans.catalog._repr_html_()
    assert "<table" in html and "学前教育毛入园率" in html


# --- explain agrees with itself ---------------------------------------------------------------
def test_a_decision_by_alias_is_not_ruled_out_beside_itself() -> None:
    why = eduplans.explain("学前三年毛入学率")
    assert why.method == "alias"
    lines = [c for c in why.candidates if c[0] == why.key]
    assert len(lines) == 1 and lines[0][2], why


def test_a_pinned_key_is_not_listed_as_ruled_out() -> None:
    pin = {"学前三年毛入园率": "primary_gross_enrolment_rate"}
    why = eduplans.explain("学前三年毛入园率", overrides=pin)
    assert why.key == "primary_gross_enrolment_rate" and why.method == "override"
    line = next(c for c in why.candidates if c[0] == why.key)
    assert line[2] and line[3] == "pinned by override"


def test_a_forbidden_key_says_so() -> None:
    ban = {"学前三年毛入园率": ["preschool_gross_enrolment_rate"]}
    why = eduplans.explain("学前三年毛入园率", overrides=ban)
    line = next(c for c in why.candidates if c[0] == "preschool_gross_enrolment_rate")
    assert not line[2] and line[3] == "forbidden by override"


@pytest.mark.parametrize(
    "name",
    ["学前教育毛入园率", "学前三年毛入学率", "新增幼儿学位", "义务教育阶段巩固率", "高中入学率"],
)
def test_every_decided_key_is_listed_as_compatible(name: str) -> None:
    why = eduplans.explain(name)
    assert why.key is not None
    assert why.candidates[0][0] == why.key and why.candidates[0][2], why


def test_parse_plan_takes_alignment_overrides() -> None:
    text = (
        "某县“十四五”教育事业发展规划\n"
        "到2025年，学前三年毛入园率达到95%，九年义务教育巩固率达到97%。\n"
    )
    plain = {i.name: i.key for i in eduplans.parse_plan(text, region="洛阳市").indicators}
    assert plain["学前三年毛入园率"] == "preschool_gross_enrolment_rate"
    pinned = eduplans.parse_plan(
        text,
        region="洛阳市",
        overrides={"学前三年毛入园率": None, "九年义务教育巩固率": "compulsory_enrolment_rate"},
    )
    keys = {i.name: i.key for i in pinned.indicators}
    assert keys["学前三年毛入园率"] is None
    assert keys["九年义务教育巩固率"] == "compulsory_enrolment_rate"


def test_an_entry_whose_name_reads_as_another_stage_is_refused() -> None:
    import dataclasses

    wrong = dataclasses.replace(
        FOOTBALL, key="junior_football", name_zh="初中足球特色学校数", aliases=(), stage="primary"
    )
    with pytest.raises(eduplans.DataError, match=r"declares stage 'primary'.*reads as junior"):
        eduplans.catalog.add(wrong)
    assert "junior_football" not in eduplans.catalog()


def test_the_declared_stage_completes_a_name_that_names_none() -> None:
    childcare = CatalogEntry(
        key="new_childcare_places", name_zh="新增托位数", label_en="New childcare places",
        definition="新增托育机构托位数.", unit="seat", stage="preschool", category="resources",
        direction="up",
    )  # fmt: skip
    eduplans.catalog.add(childcare)
    # 新增托位 reads as its name does; 新增学前托位 names the stage the entry declares
    assert keys(["新增托位", "新增学前托位", "新增小学托位"]) == [
        "new_childcare_places",
        "new_childcare_places",
        None,
    ]


def test_look_alikes_separated_by_declared_qualifiers_are_both_accepted() -> None:
    import dataclasses

    basketball = dataclasses.replace(
        FOOTBALL, key="basketball_schools", name_zh="校园篮球特色学校数",
        label_en="Campus basketball schools", aliases=(), qualifiers=("篮球",),
    )  # fmt: skip
    eduplans.catalog.add([FOOTBALL, basketball])
    assert keys(["篮球特色学校数", "足球特色学校数量", "排球特色学校数"]) == [
        "basketball_schools",
        "football_schools",
        None,
    ]


def test_an_added_entry_is_parsed_compared_loaded_and_plotted(tmp_path: Path) -> None:
    from eduplans import plot

    eduplans.catalog.add(FOOTBALL)
    text = "某县“十四五”教育事业发展规划\n到2025年,校园足球特色学校数达到50所。\n"
    draft = eduplans.parse_plan(text, region="洛阳市", plan_id="mou-2021")
    assert [i.key for i in draft.indicators] == ["football_schools"]
    row = eduplans.compare(draft, "football_schools").iloc[0]
    assert (row.unit, row.target_value, row.indicator) == ("school", 50.0, "校园足球特色学校数")
    for lang, label in (("zh", "校园足球特色学校数"), ("en", "Campus football schools")):
        ax = plot.targets(draft, "football_schools", lang=lang)
        assert label in ax.get_title(loc="left").replace("\n", "")
        ax.figure.clear()
    draft.save(tmp_path / "mou-2021.toml")
    assert eduplans.validate(tmp_path) == []
    assert "mou-2021" in [p.id for p in eduplans.load(tmp_path)]
    eduplans.catalog.reset()  # without the entry the file's key is unknown: said, not dropped
    problems = eduplans.validate(tmp_path)
    assert len(problems) == 1 and "football_schools" in problems[0].message


def _dev_names() -> list[tuple[str, str | None]]:
    import tomllib

    folder = Path(__file__).parent / "data" / "alignment"
    out = []
    for which in ("real1", "real2"):  # development sets: names as real pages write them
        doc = tomllib.loads((folder / f"labelled_{which}.toml").read_text(encoding="utf-8"))
        out += [(e["name"], e.get("context") or None) for e in doc["name"]]
    return out


def test_explain_agrees_with_align_and_with_itself_on_real_names() -> None:
    names = _dev_names()
    frame = eduplans.align([n for n, _ in names], context=[c for _, c in names])
    for (name, context), key in zip(names, frame["key"], strict=True):
        why = eduplans.explain(name, context=context)
        assert why.key == (key if isinstance(key, str) else None), (name, why)
        lines = [c for c in why.candidates if c[0] == why.key]
        if why.key is not None:  # the decision comes first and is never ruled out beside itself
            assert why.candidates[0][0] == why.key and why.candidates[0][2], why
            assert len(lines) == 1, why
        if why.method in ("exact", "alias"):
            assert lines[0][3].startswith("exact"), why
        if why.method == "fuzzy":  # the score explain gives is the one align decided on
            assert lines[0][3] == f"score {why.score:.1f}", why


def test_explain_gives_the_score_align_decided_on_for_a_name_without_measures() -> None:
    # 毕业生 under 初中 scored 100 in explain (a residual score align does not use) and 75 in align
    names = ["初中毕业生", "小学学校", "普通高中学校"]
    frame = eduplans.align(names)
    for name, score, method in zip(names, frame["score"], frame["method"], strict=True):
        why = eduplans.explain(name)
        line = next((c for c in why.candidates if c[0] == why.key), None)
        if method == "fuzzy":
            assert line is not None and line[3] == f"score {score:.1f}", why


def test_a_pin_is_never_listed_as_ruled_out_on_real_names() -> None:
    for name, context in _dev_names()[:40]:
        why = eduplans.explain(name, context=context, overrides={name: "kindergarten_count"})
        line = next(c for c in why.candidates if c[0] == "kindergarten_count")
        assert why.method == "override" and line[2] and line[3] == "pinned by override", why
