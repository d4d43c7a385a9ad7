"""Bad plan files give a DataError that names the file and the field; nothing is dropped."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import eduplans

from .conftest import DATA

GOOD = """\
schema_version = 1
id = "test-plan"
source = "text.txt"
region = "410300"
title = "测试规划"
issuer = "测试局"
issued = 2022-02-10
kind = "five_year_plan"
status = "draft"
period = [2021, 2025]

[[indicators]]
name = "学前教育毛入园率"
section = "主要目标"
origin = "prose"
unit = "percent"
binding = "none"

[[indicators.values]]
kind = "target"
year = 2025
text = "94%"
comparator = "="
value = 94.0
quote = "学前教育毛入园率达到94%"
start = 6
end = 19
"""
TEXT = "测试规划。\n学前教育毛入园率达到94%。"


def write(tmp_path: Path, plan: str, text: str = TEXT) -> Path:
    (tmp_path / "text.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "plan.toml"
    path.write_text(plan, encoding="utf-8")
    return path


def test_good_file_reads(tmp_path: Path) -> None:
    plan = eduplans.read_plan(write(tmp_path, GOOD))
    (target,) = plan.targets
    assert (target.magnitude, target.unit, target.quote) == (
        94.0,
        "percent",
        "学前教育毛入园率达到94%",
    )
    assert plan.region.parent is not None and plan.region.parent.name == "河南省"


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        ("value = 94.0\n", 'value = "94"\n', "indicators[0].values[0].value", "expected float"),
        ("value = 94.0\n", "", "indicators[0].values[0].value", "value is missing"),
        ("value = 94.0\n", "vlaue = 94.0\n", "indicators[0].values[0].vlaue", "unknown field"),
        (
            "start = 6\nend = 19\n",
            "start = 7\nend = 20\n",
            "indicators[0].values[0].quote",
            "occurs at 6",
        ),
        (
            "start = 6\nend = 19\n",
            "start = 0\nend = 13\n",
            "indicators[0].values[0].quote",
            "not at 0..13",
        ),
        ("end = 19\n", "end = 20\n", "indicators[0].values[0].quote", "span"),
        ('unit = "percent"\n', 'unit = "percnet"\n', "indicators[0].unit", "unknown unit"),
        ('binding = "none"\n', 'binding = "hard"\n', "indicators[0].binding", "'hard'"),
        ('comparator = "="\n', 'comparator = "=="\n', "indicators[0].values[0].comparator", "'=='"),
        ("year = 2025\n", "year = 25\n", "indicators[0].values[0].year", "not a year"),
        ('kind = "target"\n', 'kind = "goal"\n', "indicators[0].values[0].kind", "'goal'"),
        ('region = "410300"\n', 'region = "999999"\n', "region", "unknown region"),
        ("issued = 2022-02-10\n", 'issued = "2022-02-10"\n', "issued", "expected date"),
        ("period = [2021, 2025]\n", "period = [2025, 2021]\n", "period", "period"),
        ('kind = "five_year_plan"\n', 'kind = "plan"\n', "kind", "'plan'"),
        ("schema_version = 1\n", "schema_version = 2\n", "schema_version", "not supported"),
        ('id = "test-plan"\n', 'id = "Test Plan"\n', "id", "plan id"),
        ('source = "text.txt"\n', 'source = "missing.txt"\n', "source", "not found"),
        (
            "value = 94.0\n",
            'value = 94.0\nflags = ["conflict"]\n',
            "indicators[0].values[0].note",
            "flags need a note",
        ),
        (
            "value = 94.0\n",
            'value = 94.0\nflags = ["made_up"]\nnote = "x"\n',
            "indicators[0].values[0].flags",
            "unknown flags",
        ),
        (
            'comparator = "="\n',
            'comparator = "range"\n',
            "indicators[0].values[0].value_high",
            "range needs value_high",
        ),
        ('title = "测试规划"\n', "", "title", "missing"),
    ],
)
def test_bad_field_names_file_and_field(
    tmp_path: Path, old: str, new: str, field: str, words: str
) -> None:
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(eduplans.DataError) as info:
        eduplans.read_plan(path)
    assert info.value.path == str(path)
    assert info.value.field == field
    assert str(path) in str(info.value) and field in str(info.value)
    assert words in str(info.value)


def test_not_toml(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + "\n[[[broken")
    with pytest.raises(eduplans.DataError, match="not valid TOML") as info:
        eduplans.read_plan(path)
    assert info.value.path == str(path)


def test_missing_file_and_binary_file(tmp_path: Path) -> None:
    with pytest.raises(eduplans.DataError, match="cannot read plan file"):
        eduplans.read_plan(tmp_path / "nope.toml")
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\xff\xfe\x00\x81garbage")
    with pytest.raises(eduplans.DataError, match="not UTF-8"):
        eduplans.read_plan(binary)


def test_hand_edited_bundled_file_is_caught(tmp_path: Path) -> None:
    src = DATA / "plans" / "luoyang-2022.toml"
    text = src.read_text(encoding="utf-8")
    start = text.index("\nstart = ") + len("\nstart = ")
    end = text.index("\n", start)
    edited = text[:start] + str(int(text[start:end]) + 1) + text[end:]
    path = tmp_path / "luoyang-2022.toml"
    path.write_text(edited, encoding="utf-8")
    shutil.copy(DATA / "sources" / "000_a06619f67622513c.txt", tmp_path)
    with pytest.raises(eduplans.DataError, match=r"indicators\[0\]\.values\[0\]\.quote"):
        eduplans.read_plan(path)


def test_every_error_is_an_eduplans_error() -> None:
    for cls in (
        eduplans.DataError,
        eduplans.ValueTextError,
        eduplans.UnitError,
        eduplans.PlanNotFoundError,
    ):
        assert issubclass(cls, eduplans.EduplansError)
    assert issubclass(eduplans.PlanNotFoundError, KeyError)


def test_model_validates_on_construction() -> None:
    span = eduplans.SourceSpan(start=0, end=2, quote="94")
    with pytest.raises(eduplans.DataError, match="year"):
        eduplans.Target(
            year=3000, comparator="=", magnitude=94, unit="percent", text="94", span=span
        )
    with pytest.raises(eduplans.DataError, match="characters"):
        eduplans.SourceSpan(start=0, end=3, quote="94")
    with pytest.raises(TypeError):
        eduplans.SourceSpan(0, 2, "94")  # type: ignore[misc]  # keyword-only
    with pytest.raises(eduplans.DataError, match="code"):
        eduplans.Region(code="41030", name="洛阳市", level="prefecture")
    with pytest.raises(eduplans.DataError, match="cannot lie in"):
        henan = eduplans.Region(code="410000", name="河南省", level="province")
        eduplans.Region(code="130400", name="邯郸市", level="prefecture", parent=henan)


def test_region_outside_the_bundled_table(tmp_path: Path) -> None:
    plan = GOOD.replace(
        'region = "410300"\n', 'region = { name = "新安县", level = "county", parent = "410300" }\n'
    )
    got = eduplans.read_plan(write(tmp_path, plan))
    assert (got.region.name, got.region.code, got.region.parent.name) == ("新安县", None, "洛阳市")
    bad = GOOD.replace('region = "410300"\n', 'region = { name = "新安县", level = "town" }\n')
    with pytest.raises(eduplans.DataError) as info:
        eduplans.read_plan(write(tmp_path, bad))
    assert info.value.field == "region.level"
    upside = GOOD.replace(
        'region = "410300"\n', 'region = { name = "某省", level = "province", parent = "410300" }\n'
    )
    with pytest.raises(eduplans.DataError, match="cannot lie in"):
        eduplans.read_plan(write(tmp_path, upside))
