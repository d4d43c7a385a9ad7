from __future__ import annotations

import re

import pint
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import eduplans
from eduplans import Comparator, ParsedValue, format_value, parse_value

GE, LE, GT, EQ, APPROX, RANGE = (
    Comparator.GE,
    Comparator.LE,
    Comparator.GT,
    Comparator.EQ,
    Comparator.APPROX,
    Comparator.RANGE,
)


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("1.5万", "seat", (EQ, 15000.0, None, "seat")),
        ("1.5万个", "seat", (EQ, 15000.0, None, "seat")),
        ("≥100", "percent", (GE, 100.0, None, "percent")),
        ("97%以上", None, (GE, 97.0, None, "percent")),
        ("3—5所", None, (RANGE, 3.0, 5.0, "school")),
        ("6-10所", None, (RANGE, 6.0, 10.0, "school")),
        ("10.29亿元", None, (EQ, 1029000000.0, None, "yuan")),
        ("30%左右", None, (APPROX, 30.0, None, "percent")),
        ("不超过60分钟", None, (LE, 60.0, None, "minute")),
        ("超过60%", None, (GT, 60.0, None, "percent")),
        ("保持高水平", "percent", (Comparator.MAINTAIN, None, None, "percent")),
        ("12.3年以上", None, (GE, 12.3, None, "year")),
        ("≤ 5%", None, (LE, 5.0, None, "percent")),
        ("5,898万元", None, (EQ, 58980000.0, None, "yuan")),
        ("400余所", None, (Comparator.GT, 400.0, None, "school")),
        ("约300余所", None, (APPROX, 300.0, None, "school")),
        ("30余所以上", None, (GE, 30.0, None, "school")),
        ("近600所", None, (APPROX, 600.0, None, "school")),
        ("约3.5万人", None, (APPROX, 35000.0, None, "person")),
        ("1万余人次", None, (Comparator.GT, 10000.0, None, "person_time")),
        ("3—5万名", None, (RANGE, 30000.0, 50000.0, "person")),
        ("95%—98%", None, (RANGE, 95.0, 98.0, "percent")),
        ("3至5个", "item", (RANGE, 3.0, 5.0, "item")),
        ("100兆以上", None, (GE, 100.0, None, "megabit_per_second")),
        ("100M以上", None, (GE, 100.0, None, "megabit_per_second")),
        ("降低1个百分点以上", None, (GE, 1.0, None, "percentage_point")),
        ("两所", None, (EQ, 2.0, None, "school")),
        ("一百二十个", "seat", (EQ, 120.0, None, "seat")),
        ("百分之百", None, (EQ, 100.0, None, "percent")),
        ("１．５万", "seat", (EQ, 15000.0, None, "seat")),  # full-width digits
        ("97％", None, (EQ, 97.0, None, "percent")),  # full-width percent sign
        ("约130万平方米", None, (APPROX, 1300000.0, None, "square_meter")),
        ("2500名", "person", (EQ, 2500.0, None, "person")),
        ("1.07个", "seat", (EQ, 1.07, None, "seat")),
    ],
)
def test_parse_value(text: str, context: str | None, expected: tuple[object, ...]) -> None:
    got = parse_value(text, unit=context)
    assert (got.comparator, got.value, got.upper, got.unit) == expected


@pytest.mark.parametrize(
    ("text", "context", "position"),
    [
        ("", None, 0),
        ("   ", None, 0),
        ("abc", None, 0),
        ("97%", "seat", 2),  # % contradicts a seat column
        ("3所", "person", 1),
        ("5—3所", None, 2),  # upper below lower
        ("97%以上以下", None, 5),  # the word that contradicts
        ("3—5所以上", None, 4),
        ("97%xyz", None, 3),
    ],
)
def test_parse_value_errors_name_text_and_position(
    text: str, context: str | None, position: int
) -> None:
    with pytest.raises(eduplans.ValueTextError) as info:
        parse_value(text, unit=context)
    assert info.value.text == text
    assert info.value.position == position
    assert repr(text) in str(info.value)


def test_parse_value_rejects_unknown_context_unit_and_non_str() -> None:
    with pytest.raises(eduplans.UnitError, match="furlong"):
        parse_value("3", unit="furlong")
    with pytest.raises(TypeError):
        parse_value(3)  # type: ignore[arg-type]


@given(st.text(max_size=30))
@settings(max_examples=400, deadline=None)
def test_any_string_reads_or_raises_an_eduplans_error(text: str) -> None:
    for unit in (None, "percent", "seat"):
        try:
            result = parse_value(text, unit=unit)
        except eduplans.EduplansError:
            continue
        assert isinstance(result, ParsedValue)


_VALUE_CHARS = st.sampled_from(
    list(
        "0123456789.,%万亿千百余多约近超≥≤<>—-~至以上下内左右"
        "所个名人次元年分钟小时学位兆 一二两三十"
    )
)


@given(st.text(_VALUE_CHARS, max_size=14))
@settings(max_examples=600, deadline=None)
def test_value_like_strings_read_or_raise_an_eduplans_error(text: str) -> None:
    try:
        result = parse_value(text)
    except eduplans.EduplansError:
        return
    assert result.comparator in set(Comparator)


_numbers = st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False).map(float)


@given(
    comparator=st.sampled_from(
        [c for c in Comparator if c not in (Comparator.RANGE, Comparator.MAINTAIN)]
    ),
    value=_numbers,
    unit=st.sampled_from(sorted(eduplans.UNITS)),
)
@settings(max_examples=300, deadline=None)
def test_format_then_parse_round_trips(comparator: Comparator, value: float, unit: str) -> None:
    text = format_value(comparator, value, unit=unit)
    assert parse_value(text, unit=unit) == ParsedValue(
        comparator=comparator, value=value, upper=None, unit=unit
    )


@given(low=_numbers, extra=_numbers, unit=st.sampled_from(sorted(eduplans.UNITS)))
@settings(max_examples=200, deadline=None)
def test_format_then_parse_round_trips_ranges(low: float, extra: float, unit: str) -> None:
    high = low + extra
    text = format_value("range", low, upper=high, unit=unit)
    parsed = parse_value(text, unit=unit)
    assert (parsed.comparator, parsed.value, parsed.upper, parsed.unit) == (RANGE, low, high, unit)


def test_format_value_refuses_what_it_cannot_write() -> None:
    with pytest.raises(eduplans.ValueTextError):
        format_value("range", 3.0, unit="school")
    with pytest.raises(eduplans.ValueTextError):
        format_value(">=", None)
    with pytest.raises(eduplans.ValueTextError):
        format_value("=", -1.0)
    with pytest.raises(eduplans.UnitError):
        format_value("=", 1.0, unit="furlong")
    assert format_value("maintain", None) == "保持"


def test_registry_is_private_and_holds_every_unit() -> None:
    registry = eduplans.get_registry()
    assert registry is not pint.get_application_registry()
    assert registry is eduplans.get_registry()  # built once
    for unit in eduplans.UNITS:
        assert str(registry.Unit(unit)) == unit
    assert "meter" not in pint.get_application_registry().__class__.__name__  # sanity


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("school", "person"),
        ("percent", "seat"),
        ("yuan", "person"),
        ("seat", "class"),
        ("minute", "percent"),
        ("person", "person_time"),
    ],
)
def test_incompatible_units_raise(a: str, b: str) -> None:
    registry = eduplans.get_registry()
    qa, qb = registry.Quantity(3, a), registry.Quantity(5, b)
    with pytest.raises(pint.DimensionalityError):
        qa + qb
    with pytest.raises(pint.DimensionalityError):
        _ = qa < qb
    with pytest.raises(eduplans.UnitError, match="cannot compare"):
        eduplans.check_compatible(a, b)


def test_compatible_units_combine() -> None:
    registry = eduplans.get_registry()
    total = registry.Quantity(94, "percent") + registry.Quantity(1, "percentage_point")
    assert total.to("percent").magnitude == pytest.approx(95)
    assert registry.Quantity(1, "hour").to("minute").magnitude == pytest.approx(60)
    eduplans.check_compatible("hour", "minute")


def test_target_value_is_a_quantity(plans: eduplans.PlanCollection) -> None:
    target = next(t for t in plans["洛阳市"].targets if t.unit == "percent" and t.magnitude)
    assert target.value.magnitude == target.magnitude
    assert str(target.value.units) == "percent"


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        ((">=", 100.0, None, "percent"), "≥100%", "≥ 100%"),
        (("~", 30.0, None, "percent"), "30%左右", "about 30%"),
        (("range", 95.0, 97.0, "percent"), "95—97%", "95–97%"),
        (("<=", 60.0, None, "minute"), "≤60分钟", "≤ 60 minutes"),
        (("=", 1.0, None, "hour"), "1小时", "1 hour"),
        (("=", 23400.0, None, "seat"), "23400个学位", "23,400 places"),
        ((">=", 3200.0, None, "seat"), "≥3200个学位", "≥ 3,200 places"),
        ((">", 1.5, None, "percentage_point"), ">1.5个百分点", "> 1.5 percentage points"),
        (("maintain", None, None, None), "保持", "maintain"),
    ],
)
def test_format_value_in_english_means_what_the_chinese_says(
    args: tuple[str, float | None, float | None, str | None], zh: str, en: str
) -> None:
    comparator, value, upper, unit = args
    assert format_value(comparator, value, upper=upper, unit=unit) == zh  # zh stays the default
    assert format_value(comparator, value, upper=upper, unit=unit, lang="zh") == zh
    assert format_value(comparator, value, upper=upper, unit=unit, lang="en") == en
    if comparator != "maintain":  # the Chinese text reads back as the same value
        parsed = parse_value(zh, unit=unit)
        assert (parsed.comparator, parsed.value, parsed.upper) == (comparator, value, upper)


def test_format_value_english_has_no_chinese_and_refuses_other_languages() -> None:
    for comparator in Comparator:
        if comparator in (Comparator.RANGE, Comparator.MAINTAIN):
            continue
        for unit in sorted(eduplans.UNITS):
            text = format_value(comparator, 2.0, unit=unit, lang="en")
            assert not re.search(r"[\u3400-\u9fff]", text), text
    with pytest.raises(ValueError, match="lang"):
        format_value("=", 1.0, lang="fr")
