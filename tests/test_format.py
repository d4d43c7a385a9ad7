"""The loader and the writer agree with the plan file format module (eduplans._format).

tests/test_data.py checks that the JSON Schema states the same fields and enums.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

import eduplans
from eduplans import _format as fmt
from eduplans._writer import dumps_plan

from .test_errors import GOOD, write

REGION_TABLE = 'region = { name = "某县", level = "county", parent = "410300", name_en = "Mou" }'
GOOD_REGION = GOOD.replace('region = "410300"', REGION_TABLE)


def _keys_by_table(text: str) -> list[tuple[str, list[str]]]:
    """Each table of a written plan file and its keys, in the order they are written."""
    tables: list[tuple[str, list[str]]] = [("header", [])]
    for line in text.splitlines():
        if line in (fmt.INDICATOR_TABLE, fmt.VALUE_TABLE):
            tables.append((line, []))
        elif m := re.match(r"([a-z_]+) = ", line):
            tables[-1][1].append(m.group(1))
    return tables


@pytest.mark.parametrize("plan_id", eduplans.load().ids)
def test_writer_writes_the_format_s_fields_in_its_order(plan_id: str) -> None:
    text = dumps_plan(eduplans.load()[plan_id])
    order = {
        "header": fmt.HEADER_FIELDS,
        fmt.INDICATOR_TABLE: fmt.INDICATOR_FIELDS,
        fmt.VALUE_TABLE: fmt.VALUE_FIELDS,
    }
    required = {
        "header": fmt.HEADER_REQUIRED - {fmt.INDICATORS},  # written as [[indicators]] tables
        fmt.INDICATOR_TABLE: fmt.INDICATOR_REQUIRED - {fmt.VALUES},
        fmt.VALUE_TABLE: fmt.VALUE_REQUIRED,
    }
    tables = _keys_by_table(text)
    assert len(tables) > 2
    for table, keys in tables:
        assert keys == [k for k in order[table] if k in keys], table
        assert required[table] <= set(keys), table
    assert text.startswith(f"schema_version = {fmt.SCHEMA_VERSION}\n")


def test_writer_writes_a_region_table_in_the_format_s_order(tmp_path: Path) -> None:
    plan = eduplans.read_plan(write(tmp_path, GOOD_REGION))
    line = next(x for x in dumps_plan(plan).splitlines() if x.startswith("region = {"))
    keys = re.findall(r"([a-z_]+) = ", line.removeprefix("region = "))
    assert keys == [k for k in fmt.REGION_FIELDS if k != "code"]  # GOOD_REGION gives no code


def _tables(doc: dict[str, Any]) -> dict[str, tuple[dict[str, Any], tuple[str, ...], str]]:
    indicator = doc["indicators"][0]
    return {
        "header": (doc, fmt.HEADER_FIELDS, ""),
        "region": (doc["region"], fmt.REGION_FIELDS, "region."),
        "indicator": (indicator, fmt.INDICATOR_FIELDS, "indicators[0]."),
        "value": (indicator["values"][0], fmt.VALUE_FIELDS, "indicators[0].values[0]."),
    }


def _full_document() -> dict[str, Any]:
    """GOOD with a region table and every optional field given."""
    doc = tomllib.loads(GOOD_REGION)
    doc.update(title_en="Test plan", baseline_year=2020, notes="n")
    doc["region"]["code"] = "410399"
    doc["indicators"][0].update(subject="", key="preschool_gross_enrolment_rate", note="n")
    doc["indicators"][0]["values"][0].update(
        hedges=["力争"], flags=["year_implied"], note="n", measure="level", page=1
    )
    return doc


def _read(doc: dict[str, Any], tmp_path: Path) -> None:
    from eduplans._loader import parse_plan_document

    (tmp_path / "text.txt").write_text("测试规划。\n学前教育毛入园率达到94%。", encoding="utf-8")
    parse_plan_document(doc, path="plan.toml", plan_path=tmp_path / "plan.toml")


def test_the_full_document_reads(tmp_path: Path) -> None:
    doc = _full_document()
    for table, fields, _ in _tables(doc).values():
        # every field but the conditional ones (value_high: a range; start_year: a total)
        assert set(fields) - set(table) <= {"region", "value_high", "start_year"}
    _read(doc, tmp_path)


@pytest.mark.parametrize(
    ("table", "field"),
    [(t, f) for t, (_, fields, _) in _tables(_full_document()).items() for f in fields],
)
def test_the_loader_requires_the_format_s_required_fields_only(
    tmp_path: Path, table: str, field: str
) -> None:
    doc = _full_document()
    raw, _, prefix = _tables(doc)[table]
    required = {
        "header": fmt.HEADER_REQUIRED,
        "region": fmt.REGION_REQUIRED,
        "indicator": fmt.INDICATOR_REQUIRED,
        "value": fmt.VALUE_REQUIRED,
    }[table]
    raw.pop(field, None)
    if field in required:
        with pytest.raises(eduplans.DataError, match="required field is missing") as info:
            _read(doc, tmp_path)
        assert info.value.field == prefix + field
    else:
        try:
            _read(doc, tmp_path)
        except eduplans.DataError as exc:  # the model's conditions: value unless 'maintain',
            assert "required field is missing" not in str(exc), field  # a note with flags
            assert field in ("value", "note"), exc


@pytest.mark.parametrize("table", ["header", "region", "indicator", "value"])
def test_the_loader_refuses_a_field_outside_the_format(tmp_path: Path, table: str) -> None:
    doc = _full_document()
    raw, fields, prefix = _tables(doc)[table]
    raw["colour"] = "red"
    with pytest.raises(eduplans.DataError, match="unknown field") as info:
        _read(doc, tmp_path)
    assert info.value.field == f"{prefix}colour"
    assert str(sorted(fields)) in str(info.value)


@pytest.mark.parametrize(
    ("table", "field", "allowed"),
    [
        ("header", "kind", fmt.PLAN_KINDS),
        ("header", "status", fmt.PLAN_STATUSES),
        ("region", "level", fmt.REGION_LEVELS),
        ("indicator", "origin", fmt.ORIGINS),
        ("indicator", "binding", fmt.BINDINGS),
        ("value", "kind", fmt.VALUE_KINDS),
        ("value", "comparator", fmt.COMPARATORS),
        ("value", "measure", fmt.MEASURES),
    ],
)
def test_the_loader_takes_the_format_s_enum_values_only(
    tmp_path: Path, table: str, field: str, allowed: tuple[str, ...]
) -> None:
    doc = _full_document()
    raw, _, prefix = _tables(doc)[table]
    raw[field] = "other"
    with pytest.raises(eduplans.DataError) as info:
        _read(doc, tmp_path)
    assert info.value.field == prefix + field
    assert all(repr(a) in str(info.value) for a in allowed), str(info.value)


def test_an_unsupported_schema_version_names_the_supported_one(tmp_path: Path) -> None:
    doc = _full_document()
    doc["schema_version"] = fmt.SCHEMA_VERSION + 1
    with pytest.raises(eduplans.DataError, match=f"expected {fmt.SCHEMA_VERSION}"):
        _read(doc, tmp_path)


def test_a_folder_stands_for_its_plan_files(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    (tmp_path / "notes.txt.bak").write_text("not a plan", encoding="utf-8")
    plans = eduplans.load(tmp_path, bundled=False)
    assert plans.ids == ("test-plan",)
    assert fmt.PLAN_SUFFIX == ".toml"


def test_the_format_module_is_the_bottom_of_the_plan_file_layer() -> None:
    """It imports nothing of eduplans but the vocabularies, so every module can import it."""
    import ast

    source = Path(fmt.__file__).read_text(encoding="utf-8")
    ours = {
        node.module
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and node.level > 0
    }
    assert ours == {"_vocab"}
    vocab = Path(fmt.__file__).with_name("_vocab.py").read_text(encoding="utf-8")
    assert not [n for n in ast.walk(ast.parse(vocab)) if isinstance(n, ast.ImportFrom) and n.level]
