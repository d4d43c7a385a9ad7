from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pandas as pd
import pytest

import eduplans


def test_parquet_without_pyarrow_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = importlib.util.find_spec

    def find_spec(name: str, *args: object) -> object:
        return None if name == "pyarrow" else real(name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    with pytest.raises(eduplans.MissingDependencyError, match=r"pip install 'eduplans\[parquet\]'"):
        eduplans.export(eduplans.load(), tmp_path / "x.parquet")
    assert issubclass(eduplans.MissingDependencyError, ImportError)
    assert not (tmp_path / "x.parquet").exists()


def test_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(eduplans.EduplansError, match="cannot tell the export format"):
        eduplans.export(eduplans.load(), tmp_path / "x.xlsx")
    written = eduplans.export(eduplans.load(), tmp_path / "x.dat", format="csv")
    assert len(pd.read_csv(written)) == len(eduplans.load().to_frame())


def test_json_export_carries_versions_and_schema(tmp_path: Path) -> None:
    path = eduplans.export(eduplans.load()["河南省"], tmp_path / "henan.json")
    doc = json.loads(path.read_text("utf-8"))
    assert doc["meta"]["eduplans_version"] == eduplans.__version__
    assert doc["meta"]["data_version"] == eduplans.DATA_VERSION
    assert list(doc["meta"]["columns"]) == list(eduplans.FRAME_COLUMNS)
    assert {r["plan_id"] for r in doc["rows"]} == {"henan-2024"}
    assert any(r["text"] == "30%左右" for r in doc["rows"])  # Chinese kept, not \\u-escaped
    assert "30%左右" in path.read_text("utf-8")


def test_parquet_round_trip_keeps_dtypes(tmp_path: Path) -> None:
    frame = eduplans.load().to_frame()
    back = pd.read_parquet(eduplans.export(eduplans.load(), tmp_path / "all.parquet"))
    assert list(back.columns) == list(frame.columns)
    numeric = [c for c, t in eduplans.FRAME_COLUMNS.items() if t != "object"]
    assert (back[numeric].dtypes == frame[numeric].dtypes).all()
    # text columns may come back as pandas' string dtype; their values are the same
    pd.testing.assert_frame_equal(back, frame, check_dtype=False)


def test_cite_names_every_bundled_document() -> None:
    text = eduplans.cite()
    for plan in eduplans.load():
        assert f"@misc{{{plan.id}," in text and plan.title in text
    assert eduplans.cite(sources=False).count("@") == 1
