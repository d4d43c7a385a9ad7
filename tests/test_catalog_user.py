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
        qualifiers=(),
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
