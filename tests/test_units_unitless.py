"""Unitless quantities (issues 12, 13): coefficients (差异系数 0.5) and ratios (生师比 17:1).

A coefficient is a pure number but not a share: 0.5 is never 50 %. A student-teacher ratio,
written 17:1 or 1:17, is stored as 17 students per teacher. Each unit is one block of
data/words.toml (and its line in data/units.txt).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import eduplans
from eduplans import Comparator, _units

HERE = Path(__file__).parent
COEF = "coefficient"
RATIO = "student_per_teacher"
HEAD = "某县“十四五”教育事业发展规划\n"


def _values(text: str) -> dict[str, list[tuple[str, str, float | None, str]]]:
    """Indicator name -> (unit, comparator, magnitude, text) of each value the parser read."""
    plan = eduplans.parse_plan(text, region="洛阳市", period=(2021, 2025))
    out: dict[str, list[tuple[str, str, float | None, str]]] = {}
    for ind in plan.indicators:
        out.setdefault(ind.name, []).extend(
            (ind.unit, v.comparator.value, v.magnitude, v.text) for v in ind.values
        )
    return out


def _units_read(text: str) -> list[tuple[str, float | None]]:
    return [(u, m) for vs in _values(text).values() for u, _, m, _ in vs]


# --- parse_value and format_value -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("小于0.5", COEF, (Comparator.LT, 0.5, COEF)),
        ("小于或等于0.50", COEF, (Comparator.LE, 0.5, COEF)),
        ("≤0.45", COEF, (Comparator.LE, 0.45, COEF)),
        ("17:1", None, (Comparator.EQ, 17.0, RATIO)),
        ("17：1", None, (Comparator.EQ, 17.0, RATIO)),  # full-width colon
        ("17∶1", None, (Comparator.EQ, 17.0, RATIO)),  # the ratio sign U+2236
        ("1:17", None, (Comparator.EQ, 17.0, RATIO)),  # 师生比 1:17 = 17 students per teacher
        ("1:13.5", RATIO, (Comparator.EQ, 13.5, RATIO)),
        ("不高于17.5:1", None, (Comparator.LE, 17.5, RATIO)),
        ("17:1以内", None, (Comparator.LE, 17.0, RATIO)),
        ("不超过1:18", None, (Comparator.LE, 18.0, RATIO)),
    ],
)
def test_parse_value_reads_unitless_quantities(
    text: str, context: str | None, expected: tuple[Comparator, float, str]
) -> None:
    parsed = eduplans.parse_value(text, unit=context)
    assert (parsed.comparator, parsed.value, parsed.unit) == expected


def test_a_bare_number_has_no_unit_without_context() -> None:
    # a coefficient has no word after the number: only the name (or the caller) says it is one
    assert eduplans.parse_value("0.5").unit is None


@pytest.mark.parametrize(
    ("text", "context", "where"),
    [
        ("1:17:1", None, 4),  # two ratio forms
        ("1:15—17", None, 5),  # a range of the 1:N form is not read
        ("1:17", "percent", 0),  # a ratio is no percentage
        ("17:1", "person", 2),  # nor a count of persons
        ("14:10", None, 4),  # a time of day is no ratio
    ],
)
def test_bad_ratio_texts_are_refused_with_their_position(
    text: str, context: str | None, where: int
) -> None:
    with pytest.raises(eduplans.ValueTextError) as info:
        eduplans.parse_value(text, unit=context)
    assert info.value.position == where


def test_format_value_writes_them_back() -> None:
    assert eduplans.format_value("<=", 17, unit=RATIO) == "≤17:1"
    assert eduplans.parse_value("≤17:1").unit == RATIO
    assert eduplans.format_value("<=", 17, unit=RATIO, lang="en") == "≤ 17 students per teacher"
    assert eduplans.format_value("range", 16, upper=17, unit=RATIO) == "16—17:1"
    # a coefficient is written as its number alone: no 系数 after it, no "%"
    assert eduplans.format_value("<", 0.5, unit=COEF) == "<0.5"
    assert eduplans.format_value("<", 0.5, unit=COEF, lang="en") == "< 0.5"
    back = eduplans.parse_value(eduplans.format_value("<=", 0.45, unit=COEF), unit=COEF)
    assert (back.comparator, back.value, back.unit) == (Comparator.LE, 0.45, COEF)


# --- units: meaning over arithmetic --------------------------------------------------------------
@pytest.mark.parametrize("other", ["percent", "times", "percentage_point"])
def test_a_coefficient_never_converts_to_a_share(other: str) -> None:
    assert not _units.convertible(COEF, other)
    with pytest.raises(eduplans.UnitError):
        _units.convert(0.5, COEF, other)
    with pytest.raises(eduplans.UnitError):
        eduplans.check_compatible(COEF, other)  # pint's own dimensions say so too
    import pint

    with pytest.raises(pint.DimensionalityError):
        _units.quantity(0.5, COEF).to(other)


@pytest.mark.parametrize("other", ["person", "percent", "times", COEF])
def test_a_ratio_is_its_own_kind(other: str) -> None:
    assert not _units.convertible(RATIO, other)
    with pytest.raises(eduplans.UnitError):
        eduplans.check_compatible(RATIO, other)


def test_the_units_are_plan_file_units() -> None:
    import json
    from importlib.resources import files

    schema = json.loads(files("eduplans").joinpath("data/plan.schema.json").read_text("utf-8"))
    indicator = schema["$defs"]["indicator"]["properties"]
    assert {COEF, RATIO} <= set(indicator["unit"]["enum"])
    assert {COEF, RATIO} <= set(eduplans.UNITS)


# --- the parser: a real text that lost its values, prose and tables ----------------------------
def test_regression_real_text_lost_its_coefficients() -> None:
    # tests/data/realtexts_blind1/real_10, a real county work report:
    # "确保县域义务教育学校校际均衡差异系数小学为0.54、初中0.38". Both numbers were reported
    # "not_understood"; no value was read.
    path = HERE / "data" / "realtexts_blind1" / "real_10_weizhi-xian.txt"
    plan = eduplans.parse_plan(path)
    got = {
        (round(v.magnitude, 2), ind.unit)
        for ind in plan.indicators
        for v in ind.values
        if v.magnitude is not None and v.magnitude < 1
    }
    assert got == {(0.54, COEF), (0.38, COEF)}
    quotes = [v.span.quote for i in plan.indicators for v in i.values]
    assert any("差异系数小学为0.54" in q for q in quotes)
    assert not [d for d in plan.diagnostics if d.text in ("0.54", "0.38")]


def test_coefficients_in_prose_take_the_caps_of_their_list() -> None:
    got = _values(HEAD + "到2025年，县域义务教育学校校际综合差异系数小学、初中分别小于0.5和0.4。\n")
    values = sorted((c, m) for vs in got.values() for u, c, m, _ in vs if u == COEF)
    assert values == [("<", 0.4), ("<", 0.5)]  # 分别小于 applies to both: two caps


def test_coefficients_after_a_heading_clause() -> None:
    # the standard's wording: the name ends the clause before the numbers
    text = HEAD + "到2025年，义务教育学校校际综合差异系数，小学、初中分别小于或等于0.50、0.45。\n"
    values = sorted((c, m) for vs in _values(text).values() for u, c, m, _ in vs if u == COEF)
    assert values == [("<=", 0.45), ("<=", 0.5)]


def test_a_bare_number_without_a_coefficient_name_is_not_read() -> None:
    # the name, not the number, makes it a coefficient: the same sentence without it reads nothing
    text = HEAD + "到2025年，义务教育学校校际综合差距，小学、初中分别小于或等于0.50、0.45。"
    text += "学前教育毛入园率达到95%。\n"
    assert _units_read(text) == [("percent", 95.0)]


def test_a_floor_word_holding_a_cap_word_stays_a_floor() -> None:
    # 不小于 holds 小于 (the context word of a cap): the longer word is the one written
    got = _values(HEAD + "到2025年，学生每天校园体育活动时间分别不小于1小时和2小时。\n")
    assert sorted(c for vs in got.values() for _, c, _, _ in vs) == [">=", ">="]


def test_ratios_in_prose() -> None:
    text = (
        HEAD + "到2025年，普通高校生师比不高于17:1，中小学师生比达到1:15，小学生师比保持在18以内。"
        "职普比保持5:5，职普比1:1。小学师生比0.055。\n"
    )
    got = {name: vs for name, vs in _values(text).items() if vs[0][0] == RATIO}
    assert sorted((c, m) for vs in got.values() for _, c, m, _ in vs) == [
        ("<=", 17.0),
        ("<=", 18.0),
        ("=", 15.0),
    ]
    # 职普比 1:1 is not 1 student per teacher, and 师生比 0.055 does not say which way it goes
    assert all("职普比" not in name and "0.055" not in vs[0][3] for name, vs in got.items())


TABLE = (
    HEAD + "表1 主要指标\n| 指标 | 单位 | 2020年 | 2025年 |\n| --- | --- | --- | --- |\n"
    "| 义务教育学校校际综合差异系数(小学) | — | 0.52 | ≤0.50 |\n"
    "| 义务教育学校校际综合差异系数(初中) |  | 0.41 | <0.4 |\n"
    "| 普通高中生师比 | — | 14.2:1 | 13:1 |\n"
    "| 中小学师生比 |  | 1:17 | 1:16 |\n"
    "| 小学生师比 |  | 18 | 17 |\n"
    "| 小学师生比 |  | 0.055 | 0.06 |\n"
    "| 学前教育毛入园率 | % | 90 | 95 |\n"
)


def test_tables_with_a_unit_cell_or_none() -> None:
    got = _values(TABLE)
    assert got["义务教育学校校际综合差异系数(小学)"] == [
        (COEF, "=", 0.52, "0.52"),
        (COEF, "<=", 0.5, "≤0.50"),
    ]
    assert [(u, m) for u, _, m, _ in got["义务教育学校校际综合差异系数(初中)"]] == [
        (COEF, 0.41),
        (COEF, 0.4),
    ]
    assert [(u, m) for u, _, m, _ in got["普通高中生师比"]] == [(RATIO, 14.2), (RATIO, 13.0)]
    assert [(u, m) for u, _, m, _ in got["中小学师生比"]] == [(RATIO, 17.0), (RATIO, 16.0)]
    # 生师比 is students per teacher by definition: a bare number takes the unit
    assert [(u, m) for u, _, m, _ in got["小学生师比"]] == [(RATIO, 18.0), (RATIO, 17.0)]
    assert got["学前教育毛入园率"][0][0] == "percent"


def test_a_bare_teacher_student_ratio_is_reported_not_typed() -> None:
    plan = eduplans.parse_plan(TABLE, region="洛阳市", period=(2021, 2025))
    assert "小学师生比" not in {i.name for i in plan.indicators}
    why = {d.text: (d.reason, d.detail) for d in plan.diagnostics}
    assert why["0.055"][0] == "rejected" and "ratio form" in why["0.055"][1]


def test_another_ratio_in_a_table_is_not_students_per_teacher() -> None:
    row = "| 中职学校招生职普比 |  | 5:5 | 1:1 |"
    table = TABLE.replace("| 小学师生比 |  | 0.055 | 0.06 |", row)
    plan = eduplans.parse_plan(table, region="洛阳市", period=(2021, 2025))
    assert not [i for i in plan.indicators if "职普比" in i.name]
    assert any(d.text == "1" and d.reason == "rejected" for d in plan.diagnostics)


# --- compare and figures: a coefficient stays 0.5 ----------------------------------------------
@pytest.fixture
def coefficient_key() -> Iterator[str]:
    # the bundled catalog's entry (session 3), in the coefficient unit
    eduplans.catalog.reset()
    key = "primary_interschool_difference_coefficient"
    assert eduplans.catalog()[key].unit == COEF
    yield key
    eduplans.catalog.reset()


def _coefficient_plan(key: str) -> eduplans.Plan:
    text = (
        HEAD + "表1 主要指标\n| 指标 | 单位 | 2020年 | 2025年 |\n| --- | --- | --- | --- |\n"
        "| 小学校际综合差异系数 | — | 0.52 | ≤0.50 |\n"
    )
    plan = eduplans.parse_plan(text, region="洛阳市", period=(2021, 2025))
    return plan.set_key("小学校际综合差异系数", key)


def test_compare_keeps_a_coefficient_a_coefficient(coefficient_key: str) -> None:
    table = eduplans.compare(_coefficient_plan(coefficient_key), coefficient_key)
    row = table.iloc[0]
    assert (row["unit"], row["target_value"], row["baseline_value"]) == (COEF, 0.5, 0.52)
    assert row["target_text"] == "≤0.5" or row["target_text"] == "≤0.50"


def test_compare_refuses_a_coefficient_under_a_percent_key(coefficient_key: str) -> None:
    plan = _coefficient_plan(coefficient_key).set_key(
        "小学校际综合差异系数", "compulsory_retention_rate"
    )
    with pytest.raises(eduplans.UnitError, match="different kinds"):
        eduplans.compare(plan, "compulsory_retention_rate")


@pytest.mark.parametrize(("lang", "label"), [("zh", "系数"), ("en", "coefficient")])
def test_a_figure_labels_the_axis_with_the_unit_and_draws_0_5(
    coefficient_key: str, lang: str, label: str, tmp_path: Path
) -> None:
    import matplotlib.pyplot as plt

    ax = eduplans.plot.targets(_coefficient_plan(coefficient_key), coefficient_key, lang=lang)
    try:
        assert label in ax.get_xlabel()
        assert "%" not in ax.get_xlabel()
        lo, hi = ax.get_xlim()
        assert lo < 0.5 < hi and hi < 5  # drawn at 0.5, not at 50
        ax.figure.savefig(tmp_path / f"coef_{lang}.png")
    finally:
        plt.close(ax.figure)


def test_axis_labels_of_the_ratio() -> None:
    from eduplans.plot._style import unit_label

    assert unit_label(RATIO, "zh") == "学生/教师"
    assert unit_label(RATIO, "en") == "students per teacher"
    assert unit_label(COEF, "zh") == "系数"


@pytest.mark.parametrize(
    "sentence",
    ["小学、初中生师比分别不高于19:1和13.5:1", "小学、初中师生比分别达到1:19、1:13.5"],
)
def test_a_list_of_ratios_keeps_its_name_and_the_sentence_after_it(sentence: str) -> None:
    # regression: the colon of the first ratio was read as a clause mark, so the second ratio
    # lost its name (not read) and the next indicator took the ratio's name (生师比 95%)
    got = _values(HEAD + f"到2025年，{sentence}，学前教育毛入园率达到95%。\n")
    ratios = sorted(m for vs in got.values() for u, _, m, _ in vs if u == RATIO)
    assert ratios == [13.5, 19.0]
    assert [u for u, _, _, _ in got["学前教育毛入园率"]] == ["percent"]


# --- plan files: saved, read back, validated -----------------------------------------------------
PLAN_TABLE = (
    HEAD + "表1 主要指标\n| 指标 | 单位 | 2020年 | 2025年 |\n| --- | --- | --- | --- |\n"
    "| 小学校际综合差异系数 | — | 0.52 | ≤0.50 |\n| 中小学师生比 |  | 1:17 | 1:16 |\n"
)


def test_a_plan_file_keeps_the_units_through_save_and_read(tmp_path: Path) -> None:
    import json
    import tomllib
    from importlib.resources import files

    import jsonschema

    plan = eduplans.parse_plan(PLAN_TABLE, region="洛阳市", period=(2021, 2025))
    path = plan.save(tmp_path / "plan.toml")
    back = eduplans.read_plan(path)
    assert [(i.unit, [(v.magnitude, v.text) for v in i.values]) for i in back.indicators] == [
        (COEF, [(0.52, "0.52"), (0.5, "≤0.50")]),
        (RATIO, [(17.0, "1:17"), (16.0, "1:16")]),
    ]
    assert eduplans.validate(tmp_path) == []
    schema = json.loads(files("eduplans").joinpath("data/plan.schema.json").read_text("utf-8"))
    raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    doc = json.loads(json.dumps(raw, default=str))  # TOML dates become strings, as in test_data
    assert not list(jsonschema.Draft202012Validator(schema).iter_errors(doc))


def test_a_plan_file_whose_ratio_text_contradicts_its_unit_is_refused(tmp_path: Path) -> None:
    plan = eduplans.parse_plan(PLAN_TABLE, region="洛阳市", period=(2021, 2025))
    path = Path(plan.save(tmp_path / "plan.toml"))
    text = path.read_text(encoding="utf-8")
    assert text.count('unit = "student_per_teacher"') == 1
    path.write_text(text.replace('unit = "student_per_teacher"', 'unit = "person"'), "utf-8")
    problems = eduplans.validate(tmp_path)
    assert len(problems) == 2  # both values, each with its field and reason
    assert all("indicators[1].values[" in str(p) and "the ratio means" in str(p) for p in problems)
