"""Provenance of the bundled data: every number traced to its verbatim quote.

The expected table rows below were typed from the source texts (shared/seeds), not from the
curated files, so they check the curation independently.
"""

from __future__ import annotations

import hashlib
import json
import math
import typing
from pathlib import Path

import jsonschema
import pytest

import eduplans
from eduplans import Comparator, Plan
from eduplans._model import Origin

from .conftest import DATA, PLAN_FILES, raw_plan

SCHEMA = json.loads((DATA / "plan.schema.json").read_text(encoding="utf-8"))


def test_five_plans_are_bundled(plans: eduplans.PlanCollection) -> None:
    assert len(PLAN_FILES) == 5
    assert sorted(p.region.name for p in plans) == [
        "从化区",
        "杏花岭区",
        "河南省",
        "洛阳市",
        "邯郸市",
    ]


def test_sources_are_the_seed_texts_byte_for_byte() -> None:
    sums = (DATA / "sources" / "SHA256SUMS").read_text().split("\n")
    expected = dict(reversed(line.split()) for line in sums if line.strip())
    assert len(expected) == 5
    for name, digest in expected.items():
        assert hashlib.sha256((DATA / "sources" / name).read_bytes()).hexdigest() == digest, name


def test_sources_match_shared_seeds_when_present() -> None:
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    names = sorted(p.name for p in (DATA / "sources").glob("*.txt"))
    assert len(names) == 5
    if seeds.is_dir():  # a clean clone has shared/ beside it; a wheel install may not
        for name in names:
            assert (seeds / name).read_bytes() == (DATA / "sources" / name).read_bytes(), name


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.stem)
def test_plan_file_validates_against_json_schema(path: Path) -> None:
    doc = json.loads(json.dumps(raw_plan(path), default=str))  # TOML dates become strings
    errors = sorted(jsonschema.Draft202012Validator(SCHEMA).iter_errors(doc), key=str)
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.stem)
def test_every_quote_is_at_its_offsets_in_the_raw_file(path: Path) -> None:
    doc = raw_plan(path)
    text = (DATA / "sources" / doc["source"]).read_bytes().decode("utf-8")
    n = 0
    for ind in doc["indicators"]:
        for v in ind["values"]:
            assert text[v["start"] : v["end"]] == v["quote"], v["quote"]
            assert v["text"] in v["quote"], (v["text"], v["quote"])
            assert any(
                c.isdigit() or c in "零〇一二两三四五六七八九十百千万亿" for c in v["text"]
            ) or (v["comparator"] == "maintain" or "number_from_words" in v.get("flags", [])), v[
                "text"
            ]
            n += 1
    assert n > 0


def test_every_frame_row_points_at_its_quote(plans: eduplans.PlanCollection) -> None:
    frame = plans.to_frame()
    assert len(frame) == sum(len(i.values) for p in plans for i in p.indicators)
    for row in frame.itertuples():
        text = plans[row.plan_id].source_text
        assert text[row.source_start : row.source_end] == row.quote


def test_plan_titles_and_table_names_are_verbatim(plans: eduplans.PlanCollection) -> None:
    for plan in plans:
        assert plan.title in plan.source_text, plan.id
        for ind in plan.indicators:
            if ind.origin == "table":
                assert ind.name in plan.source_text, (plan.id, ind.name)


# Value texts the source itself garbled, with the reading the curator recorded (flag text_defect).
DEFECT_READINGS = {"32 00个以上": "3200个以上"}
# Changes whose sign comes from a verb (flag sign_from_words), typed from the source text.
NEGATED = {"控制青少年近视发生率,使其每年降低1个百分点以上"}
INCREMENTS = {eduplans.Measure.CHANGE, eduplans.Measure.CHANGE_PER_YEAR}
FLIPPED = {
    (Comparator.GE, Comparator.LE),
    (Comparator.GT, Comparator.LT),
    (Comparator.EQ, Comparator.EQ),
    (Comparator.APPROX, Comparator.APPROX),
}
# Values restated per year (flag restated_per_year), typed from the source text: quote → factor.
# 每半年至少听取一次: at least once every half year is at least twice a year.
RESTATED = {
    "各级党委和政府每半年至少听取一次教育工作汇报": 2.0,
    "党委政府每半年至少听取一次教育工作汇报": 2.0,
}


def test_every_value_text_parses_back_to_its_value(plans: eduplans.PlanCollection) -> None:
    checked = unreadable = 0
    for plan in plans:
        for ind in plan.indicators:
            for v in ind.values:
                where = (plan.id, ind.full_name, v.text)
                text = v.text
                if text in DEFECT_READINGS:
                    assert "text_defect" in v.flags, where
                    with pytest.raises(eduplans.ValueTextError):
                        eduplans.parse_value(text, unit=ind.unit)
                    text = DEFECT_READINGS[text]
                try:
                    parsed = eduplans.parse_value(text, unit=ind.unit)
                except eduplans.ValueTextError:
                    # only a number given in words (全部, 全覆盖, 所有) may be unreadable
                    assert "number_from_words" in v.flags, where
                    assert not any(ch.isdigit() for ch in text), where
                    unreadable += 1
                    continue
                if "sign_from_words" in v.flags:  # 降低1个百分点以上: ≤ −1
                    assert v.quote in NEGATED and v.measure in INCREMENTS, where
                    assert parsed.value is not None and v.magnitude == -parsed.value, where
                    assert (parsed.comparator, v.comparator) in FLIPPED, where
                    checked += 1
                    continue
                if "comparator_from_context" in v.flags:
                    assert parsed.comparator != v.comparator, where  # else the flag is wrong
                else:
                    assert parsed.comparator == v.comparator, where
                assert parsed.unit == ind.unit, where
                if "restated_per_year" in v.flags or v.quote in RESTATED:
                    assert "restated_per_year" in v.flags and v.quote in RESTATED, where
                    assert v.measure is eduplans.Measure.FLOW and "per_year" in v.flags, where
                    assert parsed.value is not None and v.magnitude is not None, where
                    assert v.magnitude == parsed.value * RESTATED[v.quote], where
                elif v.magnitude is None:
                    assert parsed.value is None, where
                else:
                    assert parsed.value is not None and math.isclose(
                        parsed.value, v.magnitude, rel_tol=1e-12
                    ), where
                assert parsed.upper == v.upper_magnitude, where
                checked += 1
    assert checked > 400
    assert unreadable < 25


# --- indicator tables, read the way each plan means them ------------------------------------
# (name, unit, binding, baseline 2020 text or None, target 2025 text)
LUOYANG_TABLE = [
    ("学前教育毛入园率", "percent", "binding", "92", "94"),
    ("普惠性幼儿园覆盖率", "percent", "expected", "86", "90"),
    ("义务教育巩固率", "percent", "binding", "96", "97"),
    ("义务教育优质均衡发展县比例", "percent", "expected", None, "20"),
    ("高中阶段毛入学率", "percent", "binding", "93", "94"),
    ("残疾儿童少年入学率", "percent", "expected", None, "97%"),
    ("职业教育双师型教师占比", "percent", "expected", "37.6", "60"),
    ("新增劳动力中受过高中及高等教育比例", "percent", "expected", "91", "92"),
    ("劳动人口平均受教育年限", "year", "expected", "10.9", "11.4"),
]
XINGHUALING_TABLE = [
    ("学前教育毛入园率", "percent", "expected", "98.91", "99"),
    ("学前教育普惠率", "percent", "expected", "92.1", "95"),
    ("小学净入学率", "percent", "expected", "100", "100"),
    ("初中毛入学率", "percent", "expected", "100", "100"),
    ("九年义务教育巩固率", "percent", "expected", "99.64", "100"),
    ("学前教育专任教师接受专业教育的比例", "percent", "binding", "65", "80"),
    ("中等职业教育在校生", "person", "expected", "371", "400"),
    ("双师型教师占专业课教师比例", "percent", "expected", "54", "60"),
]
CONGHUA_TABLE = [
    ("学前教育毛入园率", "percent", "binding", "100.23", "≥100"),
    ("义务教育巩固率", "percent", "binding", "99.66", "保持高水平"),
    ("小学本科及以上学历专任教师占比", "percent", "binding", "79.98", "≥93"),
    ("初中本科及以上学历专任教师占比", "percent", "binding", "92.57", "≥98"),
    ("普通高中研究生学历专任教师占比", "percent", "binding", "12.12", "25"),
    ("残疾儿童少年义务教育入学率", "percent", "expected", "95", "97"),
    ("高中阶段教育毛入学率", "percent", "binding", "111.48", "≥100"),
    ("中小学生体质健康优良率", "percent", "binding", "50.15", "58"),
    ("职业学校毕业生对口就业率", "percent", "expected", "74", "≥80"),
    ("新增公办基础教育学位(含国际及港澳台学生)", "seat", "binding", "1.5万", "2.34万"),
]


@pytest.mark.parametrize(
    ("plan_id", "rows"),
    [
        ("luoyang-2022", LUOYANG_TABLE),
        ("xinghualing-2022", XINGHUALING_TABLE),
        ("conghua-2022", CONGHUA_TABLE),
    ],
)
def test_indicator_table_is_complete(
    plans: eduplans.PlanCollection, plan_id: str, rows: list[tuple[str, str, str, str | None, str]]
) -> None:
    plan = plans[plan_id]
    table = [i for i in plan.indicators if i.origin == "table"]
    assert len(table) == len(rows)
    for name, unit, binding, base_text, target_text in rows:
        matches = [i for i in table if i.name == name]
        assert len(matches) == 1, name
        ind = matches[0]
        assert (ind.unit, ind.binding) == (unit, binding), name
        assert [t.year for t in ind.targets] == [2025], name
        assert ind.targets[0].text == target_text, name
        if base_text is None:
            assert ind.baselines == (), name
            assert "single_value_row" in ind.targets[0].flags, name
        else:
            assert [(b.year, b.text) for b in ind.baselines] == [(2020, base_text)], name


def _values(plan: Plan, name: str) -> list[eduplans.Baseline | eduplans.Target]:
    return [v for i in plan.indicators if i.full_name == name for v in i.values]


def test_luoyang_single_value_rows_are_2025_targets(plans: eduplans.PlanCollection) -> None:
    plan = plans["洛阳市"]
    for name, number in (("义务教育优质均衡发展县比例", 20.0), ("残疾儿童少年入学率", 97.0)):
        (ind,) = [i for i in plan.indicators if i.origin == "table" and i.name == name]
        (target,) = ind.targets
        assert (target.year, target.magnitude, target.unit) == (2025, number, "percent")


def test_xinghualing_conflicts_are_kept_and_flagged(plans: eduplans.PlanCollection) -> None:
    plan = plans["杏花岭区"]
    retention = [v for v in _values(plan, "九年义务教育巩固率") if v.kind == "target"]
    assert sorted(v.magnitude for v in retention) == [99.7, 100.0]
    assert all("conflict" in v.flags for v in retention)
    preschool = [
        v
        for i in plan.indicators
        if "毛入园率" in i.full_name
        for v in i.baselines
        if v.year == 2020
    ]
    assert sorted(v.magnitude for v in preschool) == [98.5, 98.91]
    assert all("conflict" in v.flags for v in preschool)


def test_xinghualing_vocational_enrolment_is_in_persons(plans: eduplans.PlanCollection) -> None:
    (ind,) = [i for i in plans["杏花岭区"].indicators if i.name == "中等职业教育在校生"]
    assert ind.unit == "person"
    assert all("unit_from_context" in v.flags for v in ind.values)


def test_luoyang_missing_scale_word_is_kept_and_flagged(plans: eduplans.PlanCollection) -> None:
    values = [v for v in plans["洛阳市"].baselines + plans["洛阳市"].targets if v.text == "1.07个"]
    assert len(values) == 1
    assert values[0].magnitude == 1.07 and values[0].unit == "seat"
    assert "scale_word_missing" in values[0].flags


def test_handan_per_student_spending_in_yi_yuan_is_flagged(plans: eduplans.PlanCollection) -> None:
    plan = plans["邯郸市"]
    flagged = [v for v in plan.targets if "unit_implausible" in v.flags]
    assert len(flagged) == 1
    assert "亿元" in flagged[0].text and "生均" in flagged[0].quote
    assert flagged[0].unit == "yuan" and flagged[0].magnitude is not None
    assert flagged[0].magnitude >= 1e8


def test_handan_elided_retention_rate(plans: eduplans.PlanCollection) -> None:
    values = _values(plans["邯郸市"], "义务教育巩固率")
    assert [(v.year, v.magnitude, v.comparator) for v in values] == [(2022, 98.0, Comparator.EQ)]
    assert "elided_subject" in values[0].flags


def test_henan_milestones(plans: eduplans.PlanCollection) -> None:
    plan = plans["河南省"]
    shares = {
        (t.year, t.comparator, t.magnitude)
        for i in plan.indicators
        if "优质均衡" in i.full_name and i.unit == "percent"
        for t in i.targets
    }
    assert {
        (2027, Comparator.APPROX, 30.0),
        (2030, Comparator.APPROX, 80.0),
        (2035, Comparator.EQ, 100.0),
    } <= shares


def test_flags_always_come_with_a_note(plans: eduplans.PlanCollection) -> None:
    for plan in plans:
        for v in plan.baselines + plan.targets:
            if v.flags:
                assert v.note.strip(), (plan.id, v.text)


def test_schema_vocabularies_are_the_package_s() -> None:
    value = SCHEMA["$defs"]["value"]["properties"]
    indicator = SCHEMA["$defs"]["indicator"]["properties"]
    assert set(value["flags"]["items"]["enum"]) == eduplans.FLAGS
    assert set(value["comparator"]["enum"]) == {c.value for c in Comparator}
    assert set(value["measure"]["enum"]) == {m.value for m in eduplans.Measure}
    assert set(indicator["unit"]["enum"]) == eduplans.UNITS
    assert set(indicator["binding"]["enum"]) == {b.value for b in eduplans.Binding}


def test_schema_is_the_plan_file_format_module_s() -> None:
    """The schema's fields, required fields, enums, patterns and bounds are eduplans._format's."""
    from eduplans import _format as fmt

    defs = SCHEMA["$defs"]
    region = next(o for o in SCHEMA["properties"]["region"]["oneOf"] if o["type"] == "object")
    tables = {
        "header": (SCHEMA, fmt.HEADER_FIELDS, fmt.HEADER_REQUIRED),
        "region": (region, fmt.REGION_FIELDS, fmt.REGION_REQUIRED),
        "indicator": (defs["indicator"], fmt.INDICATOR_FIELDS, fmt.INDICATOR_REQUIRED),
        "value": (defs["value"], fmt.VALUE_FIELDS, fmt.VALUE_REQUIRED),
    }
    for name, (table, fields, required) in tables.items():
        assert table["additionalProperties"] is False, name
        assert set(table["properties"]) == set(fields), name
        assert set(table["required"]) == required, name
        assert len(fields) == len(set(fields)) and required <= set(fields), name
    top, indicator, value = SCHEMA["properties"], defs["indicator"], defs["value"]
    assert top["schema_version"] == {"const": fmt.SCHEMA_VERSION}
    assert indicator["properties"][fmt.VALUES]["items"] == {"$ref": "#/$defs/value"}
    assert top[fmt.INDICATORS]["items"] == {"$ref": "#/$defs/indicator"}
    enums = [
        (top["kind"], fmt.PLAN_KINDS),
        (top["status"], fmt.PLAN_STATUSES),
        (region["properties"]["level"], fmt.REGION_LEVELS),
        (indicator["properties"]["origin"], fmt.ORIGINS),
        (indicator["properties"]["binding"], fmt.BINDINGS),
        (value["properties"]["kind"], fmt.VALUE_KINDS),
        (value["properties"]["comparator"], fmt.COMPARATORS),
        (value["properties"]["measure"], fmt.MEASURES),
        (value["properties"]["flags"]["items"], fmt.FLAGS),
    ]
    for prop, allowed in enums:
        assert tuple(prop["enum"]) == allowed, allowed
    patterns = {
        top["id"]["pattern"]: fmt.ID_PATTERN,
        indicator["properties"]["key"]["pattern"]: fmt.KEY_PATTERN,
        region["properties"]["code"]["pattern"]: fmt.CODE_PATTERN,
        region["properties"]["parent"]["pattern"]: fmt.CODE_PATTERN,
    }
    for written, pattern in patterns.items():
        assert written == f"^{pattern}$"
    for field in ("year", "start_year"):
        bounds = value["properties"][field]
        assert (bounds["minimum"], bounds["maximum"]) == (fmt.YEAR_MIN, fmt.YEAR_MAX), field
    (period,) = [c for c in value["allOf"] if c["if"] == {"required": ["start_year"]}]
    assert tuple(period["then"]["properties"]["measure"]["enum"]) == fmt.PERIOD_MEASURES
    assert typing.get_args(Origin) == fmt.ORIGINS  # the model's type of Indicator.origin


# --- corrections of the issue 9 audit, each typed from the source text -------------------------
def test_luoyang_places_and_myopia_have_the_keys_the_text_means(
    plans: eduplans.PlanCollection,
) -> None:
    plan = plans["洛阳市"]
    by_quote = {v.quote: (i, v) for i in plan.indicators for v in i.values}
    preschool = next(q for q in by_quote if "新增学位1万个以上" in q)
    senior = next(q for q in by_quote if "预计新增学位1.07个" in q)
    assert by_quote[preschool][0].key == "new_preschool_places"  # 专栏2 学前教育
    assert by_quote[senior][0].key == "new_general_senior_places"  # 20所普通高中迁建
    myopia = by_quote["控制青少年近视发生率,使其每年降低1个百分点以上"]
    assert myopia[0].key == "myopia_rate_change_per_year"
    assert (myopia[1].magnitude, myopia[1].comparator) == (-1.0, Comparator.LE)


def test_luoyang_five_year_totals_are_cumulative(plans: eduplans.PlanCollection) -> None:
    plan = plans["洛阳市"]
    for quote in ("新建、改扩建幼儿园100所以上", "新增学位1万个以上", "培养市级骨干教师2500名"):
        (value,) = [v for v in plan.targets if quote in v.quote]
        assert value.measure is eduplans.Measure.CUMULATIVE, quote
        assert (value.start_year, value.year) == (2021, 2025), quote
        assert "cumulative" in value.flags, quote
    stock = [v for v in plan.targets if "中、高等职业院校(含技工学校)达39所" in v.quote]
    assert stock and all(v.measure is eduplans.Measure.LEVEL for v in stock)  # 达39所: a stock


def test_half_yearly_reports_are_twice_a_year(plans: eduplans.PlanCollection) -> None:
    for region in ("洛阳市", "杏花岭区"):
        (value,) = [v for v in plans[region].targets if "每半年至少听取一次" in v.quote]
        assert (value.magnitude, value.comparator) == (2.0, Comparator.GE), region
        assert {"per_year", "restated_per_year"} <= set(value.flags), region


def test_xinghualing_school_counts_have_keys(plans: eduplans.PlanCollection) -> None:
    plan = plans["杏花岭区"]
    expected = {
        "在册幼儿园100所": ("kindergarten_count", 100.0),
        "小学51所": ("primary_school_count", 51.0),
        "初级中学13所": ("junior_secondary_school_count", 13.0),
        "特殊教育学校1所": ("special_school_count", 1.0),
    }
    for quote, (key, number) in expected.items():
        (ind,) = [i for i in plan.indicators if any(v.quote.endswith(quote) for v in i.values)]
        assert (ind.key, ind.values[0].magnitude, ind.values[0].year) == (key, number, 2020)


def test_conghua_full_coverage_and_zero_homework(plans: eduplans.PlanCollection) -> None:
    plan = plans["从化区"]
    covered = [v for v in plan.baselines + plan.targets if v.text == "全覆盖"]
    assert len(covered) == 8
    for v in covered:
        assert (v.magnitude, v.comparator) == (
            100.0,
            Comparator.EQ,
        ) and "number_from_words" in v.flags
    (homework,) = [v for v in plan.targets if "不布置家庭书面作业" in v.quote]
    assert (homework.magnitude, homework.unit, homework.comparator) == (
        0.0,
        "minute",
        Comparator.EQ,
    )
    places = [v for v in plan.baselines if v.text in ("1.5万", "2.18万个")]
    assert len(places) == 2 and all("conflict" in v.flags for v in places)  # public vs all


def test_catalog_file_states_every_measure() -> None:
    import tomllib

    rows = tomllib.loads((DATA / "catalog.toml").read_text(encoding="utf-8"))["indicator"]
    assert all(row.get("measure") in {m.value for m in eduplans.Measure} for row in rows)
