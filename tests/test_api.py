from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import pandas as pd
import pytest

import eduplans


def test_all_is_sorted_and_exported() -> None:
    assert eduplans.__all__ == sorted(eduplans.__all__)
    for name in eduplans.__all__:
        assert hasattr(eduplans, name), name
    public = {n for n in dir(eduplans) if not n.startswith("_")}
    modules = {n for n in public if type(getattr(eduplans, n)).__name__ == "module"}
    assert public - modules - {"annotations"} == set(eduplans.__all__) - {"__version__"}


def test_public_objects_have_docstrings() -> None:
    for name in eduplans.__all__:
        obj = getattr(eduplans, name)
        if callable(obj) and not isinstance(obj, type(len)):
            assert obj.__doc__ and obj.__doc__.strip(), name


def test_import_is_light() -> None:
    code = (
        "import sys, json, eduplans; "
        "print(json.dumps(sorted(m for m in ('pandas', 'pint', 'matplotlib', 'numpy', 'cn2an', "
        "'rapidfuzz') if m in sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


def test_load_does_not_import_pint_or_pandas() -> None:
    code = (
        "import sys, json, eduplans; p = eduplans.load(); "
        "print(json.dumps([len(p), sorted(m for m in ('pandas', 'pint', 'matplotlib') "
        "if m in sys.modules)]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == [5, []]


def test_collection_lookup(plans: eduplans.PlanCollection) -> None:
    assert len(plans) == 5 == len(list(plans))
    luoyang = plans["洛阳市"]
    assert plans["luoyang-2022"] is luoyang
    assert plans["410300"] is luoyang
    assert plans[plans.ids.index("luoyang-2022")] is luoyang
    assert "洛阳市" in plans and "luoyang-2022" in plans and luoyang in plans
    assert "上海市" not in plans
    assert isinstance(plans[1:3], eduplans.PlanCollection) and len(plans[1:3]) == 2
    assert luoyang.region.parent is not None and luoyang.region.parent.name == "河南省"
    assert [r.name for r in plans["杏花岭区"].region.ancestors] == ["太原市", "山西省"]
    assert [r.name for r in plans["从化区"].region.ancestors] == ["广州市", "广东省"]
    assert [r.name for r in plans["邯郸市"].region.ancestors] == ["河北省"]


@pytest.mark.parametrize(
    ("key", "suggestion"),
    [("洛阳", "洛阳市"), ("luoyang-2021", "luoyang-2022"), ("从化", "从化区")],
)
def test_unknown_key_suggests_close_matches(
    plans: eduplans.PlanCollection, key: str, suggestion: str
) -> None:
    with pytest.raises(KeyError) as info:
        plans[key]
    assert isinstance(info.value, eduplans.EduplansError)
    assert f"did you mean {suggestion!r}" in str(info.value)


def test_lookup_with_a_wrong_type(plans: eduplans.PlanCollection) -> None:
    with pytest.raises(TypeError):
        plans[1.5]  # type: ignore[call-overload]


def test_region_with_several_plans_is_ambiguous(plans: eduplans.PlanCollection) -> None:
    luoyang = plans["洛阳市"]
    from dataclasses import replace

    twin = replace(luoyang, id="luoyang-2023")
    both = eduplans.PlanCollection([luoyang, twin])
    assert both["luoyang-2023"] is twin
    with pytest.raises(eduplans.PlanNotFoundError, match="several plans"):
        both["洛阳市"]
    with pytest.raises(eduplans.DataError, match="given twice"):
        eduplans.PlanCollection([luoyang, luoyang])


def test_regions_table() -> None:
    regions = eduplans.regions
    assert regions["140107"].name == "杏花岭区"
    assert eduplans.regions() is regions  # the former call form still works
    assert {r.level for r in regions.values()} == set(eduplans.RegionLevel)


def test_frame_columns_and_dtypes(frame: pd.DataFrame) -> None:
    flags = [f"flag_{f}" for f in sorted(eduplans.FLAGS)]
    assert list(frame.columns) == [
        "plan_id", "plan_status", "region", "region_en", "region_code", "level", "province",
        "parent_code", "indicator", "key", "label_en", "origin", "kind", "year", "value",
        "value_high", "comparator", "unit", "text", "binding", "hedges", *flags, "quote",
        "source_start", "source_end", "measure", "start_year",
    ]  # fmt: skip
    assert list(frame.columns) == list(eduplans.FRAME_COLUMNS)
    dtypes = {c: str(t) for c, t in frame.dtypes.items()}
    assert {dtypes[c] for c in ("year", "source_start", "source_end", "start_year")} == {"Int64"}
    assert {dtypes[c] for c in ("value", "value_high")} == {"float64"}
    assert {dtypes[c] for c in flags} == {"bool"}
    for column in ("plan_id", "region", "region_code", "indicator", "key", "text", "quote"):
        assert isinstance(frame[column].dtype, pd.StringDtype), column
    vocab = {
        "kind": ["baseline", "target"],
        "comparator": [c.value for c in eduplans.Comparator],
        "binding": [b.value for b in eduplans.Binding],
        "level": [lv.value for lv in eduplans.RegionLevel],
        "plan_status": [s.value for s in eduplans.PlanStatus],
        "origin": ["table", "prose"],
        "measure": [m.value for m in eduplans.Measure],
    }
    for column, categories in vocab.items():
        assert isinstance(frame[column].dtype, pd.CategoricalDtype), column
        assert frame[column].cat.categories.tolist() == categories, column
    assert set(frame["unit"]) <= eduplans.UNITS


def test_frame_region_status_and_origin_columns(frame: pd.DataFrame) -> None:
    luoyang = frame[frame.plan_id == "luoyang-2022"]
    assert set(luoyang.plan_status) == {"draft"}  # 征求意见稿
    assert set(luoyang.region_en) == {"Luoyang"}
    assert set(luoyang.province) == {"河南省"} and set(luoyang.parent_code) == {"410000"}
    henan = frame[frame.plan_id == "henan-2024"]
    assert set(henan.province) == {"河南省"} and henan.parent_code.isna().all()
    assert set(frame[frame.plan_id == "conghua-2022"].province) == {"广东省"}
    assert set(frame.origin) == {"table", "prose"}
    tables = frame[frame.origin == "table"]
    assert tables.quote.str.contains("\n").mean() > 0.9  # table rows: quotes span cells
    assert frame.plan_status.value_counts().to_dict() == {
        "final": int((frame.plan_id != "luoyang-2022").sum()),
        "draft": len(luoyang),
    }


def test_frame_values_carry_no_float_noise(frame: pd.DataFrame) -> None:
    for value in frame["value"].dropna():
        assert len(repr(value).rstrip("0").rstrip(".")) <= 14, value
    plan = eduplans.load()["conghua-2022"]
    ind = plan.indicators[0]
    noisy = dataclasses.replace(ind.values[0], magnitude=0.036000000000001364)
    group = "baselines" if noisy.kind == "baseline" else "targets"
    rest = tuple(v for v in getattr(ind, group) if v is not ind.values[0])
    ind2 = dataclasses.replace(ind, **{group: (noisy, *rest)})
    plan2 = dataclasses.replace(plan, indicators=(ind2,))
    assert 0.036 in set(plan2.to_frame()["value"])


def test_frame_lists_all_five_regions(frame: pd.DataFrame) -> None:
    sizes = frame.groupby("region").size()
    assert sorted(sizes.index) == ["从化区", "杏花岭区", "河南省", "洛阳市", "邯郸市"]
    assert (sizes > 5).all()


def _row(frame: pd.DataFrame, plan_id: str, indicator: str, kind: str) -> pd.Series:
    rows = frame[
        (frame.plan_id == plan_id)
        & (frame.indicator == indicator)
        & (frame.kind == kind)
        & frame.quote.str.contains("\n")
    ]  # table rows: quotes span cells
    assert len(rows) == 1, (plan_id, indicator, kind)
    return rows.iloc[0]


def test_frame_values_are_scaled_floats_with_units(frame: pd.DataFrame) -> None:
    row = _row(frame, "luoyang-2022", "学前教育毛入园率", "target")
    assert (row.value, row.unit, row.year, row.comparator) == (94.0, "percent", 2025, "=")
    row = _row(frame, "conghua-2022", "新增公办基础教育学位(含国际及港澳台学生)", "baseline")
    assert (row.value, row.unit, row.text) == (15000.0, "seat", "1.5万")
    row = _row(frame, "conghua-2022", "学前教育毛入园率", "target")
    assert (row.value, row.comparator, row.text) == (100.0, ">=", "≥100")
    row = _row(frame, "conghua-2022", "义务教育巩固率", "target")
    assert pd.isna(row.value) and row.comparator == "maintain" and row.text == "保持高水平"
    money = frame[(frame.unit == "yuan") & frame.text.str.contains("亿元")]
    assert len(money) > 0
    for r in money.itertuples():
        assert r.value >= 1e6, r.text  # 亿 applied


def test_frame_flag_columns_and_hedges(frame: pd.DataFrame, plans: eduplans.PlanCollection) -> None:
    flagged = frame[frame["flag_conflict"]]
    assert set(flagged.plan_id) >= {"xinghualing-2022"}
    hedged = frame[frame["hedges"] == "争取"]
    assert len(hedged) > 0 and frame.hedges.isna().sum() > len(frame) / 2
    for flag in eduplans.FLAGS:  # each column says exactly which values carry the flag
        expected = sum(flag in v.flags for p in plans for i in p.indicators for v in i.values)
        assert int(frame[f"flag_{flag}"].sum()) == expected, flag


def test_to_frame_accepts_a_plan_and_lists(plans: eduplans.PlanCollection) -> None:
    one = eduplans.to_frame(plans["河南省"])
    assert set(one.plan_id) == {"henan-2024"}
    assert len(eduplans.to_frame([plans["河南省"], plans["邯郸市"]])) == len(one) + len(
        plans["邯郸市"].to_frame()
    )
    empty = eduplans.to_frame([])
    assert list(empty.columns) == list(eduplans.FRAME_COLUMNS) and len(empty) == 0
    with pytest.raises(TypeError, match=r"plans\[0\] is a str"):
        eduplans.to_frame(["luoyang-2022"])  # type: ignore[list-item]


def test_frame_round_trips_through_csv(frame: pd.DataFrame, tmp_path: object) -> None:
    import io

    buffer = io.StringIO()
    frame.to_csv(buffer, index=False)
    buffer.seek(0)
    back = pd.read_csv(buffer, keep_default_na=False, na_values=[""])
    assert len(back) == len(frame)
    assert (back["source_end"] - back["source_start"]).tolist() == frame.quote.str.len().tolist()


def test_plan_repr_is_short(plans: eduplans.PlanCollection) -> None:
    text = repr(plans["洛阳市"])
    assert text.startswith("Plan(id='luoyang-2022'") and len(text) < 200
    assert "PlanCollection(5 plans" in repr(plans)
