from __future__ import annotations

import dataclasses
import importlib.util
import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import eduplans

# A name no bundled plan has: every CSV/JSON pitfall in one string (quotes, separators, line
# ends, words readers take for missing values, characters outside the BMP).
TRICKY = '"引号", 逗号; 分号\n换行\r\n\t制表 NA None null #N/A 𠀋 ‘’ ＼ \\ 0410300'


def tricky_plans() -> list[eduplans.Plan]:
    """The bundled plans plus one whose first indicator has a hostile name."""
    plans = list(eduplans.load())
    plan = plans[0]
    ind = dataclasses.replace(plan.indicators[0], name=TRICKY, subject="")
    plans.append(dataclasses.replace(plan, id="tricky-1", indicators=(ind, *plan.indicators[1:])))
    return plans


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    frame = eduplans.to_frame(tricky_plans())
    assert (frame.indicator == TRICKY).sum() >= 1
    return frame


def read_csv_back(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=eduplans.frame_dtypes(), keep_default_na=False, na_values=[""])


def duck_back(relation: duckdb.DuckDBPyRelation) -> pd.DataFrame:
    """A DuckDB result as a frame with the documented dtypes (a DuckDB NULL -> NA/NaN)."""
    back = relation.df()
    assert list(back.columns) == list(eduplans.FRAME_COLUMNS)
    return back.astype(eduplans.frame_dtypes())


def check_duck_types(relation: duckdb.DuckDBPyRelation) -> None:
    types = dict(zip(relation.columns, map(str, relation.types), strict=True))
    for column, dtype in eduplans.FRAME_COLUMNS.items():
        expected = {
            "string": {"VARCHAR"},
            "category": {"VARCHAR"},
            "Int64": {"BIGINT", "INTEGER"},
            "float64": {"DOUBLE"},
            "bool": {"BOOLEAN"},
        }[dtype]
        assert types[column] in expected, (column, types[column])


def test_csv_round_trip_pandas_and_duckdb(frame: pd.DataFrame, tmp_path: Path) -> None:
    path = eduplans.export(tricky_plans(), tmp_path / "all.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the Chinese as UTF-8
    back = read_csv_back(path)
    pd.testing.assert_frame_equal(back, frame)
    assert back.loc[0, "region_code"] == "440117"  # codes stay text
    columns = ", ".join(f"'{c}': 'VARCHAR'" for c, t in eduplans.FRAME_COLUMNS.items()
                        if t in ("string", "category"))  # fmt: skip
    relation = duckdb.sql(f"SELECT * FROM read_csv('{path}', header = true, types = {{{columns}}})")
    check_duck_types(relation)
    pd.testing.assert_frame_equal(duck_back(relation), frame)
    no_bom = eduplans.export(tricky_plans(), tmp_path / "plain.csv", bom=False)
    assert no_bom.read_bytes() == raw[3:]


def test_json_round_trip_pandas_and_duckdb(frame: pd.DataFrame, tmp_path: Path) -> None:
    path = eduplans.export(tricky_plans(), tmp_path / "all.json")
    back = pd.read_json(path, orient="table")
    pd.testing.assert_frame_equal(back, frame)
    doc = json.loads(path.read_text("utf-8"))
    assert doc["schema"]["eduplans"] == {
        "eduplans_version": eduplans.__version__,
        "data_version": eduplans.DATA_VERSION,
        "schema": "docs/frame.md",
    }
    kinds = next(f for f in doc["schema"]["fields"] if f["name"] == "kind")
    assert kinds["constraints"]["enum"] == ["baseline", "target"]
    assert "30%左右" in path.read_text("utf-8")  # Chinese kept, not \\u-escaped
    relation = duckdb.sql(
        f"SELECT unnest(data, recursive := true) FROM read_json('{path}', "
        "maximum_object_size = 100000000)"
    )
    check_duck_types(relation)
    pd.testing.assert_frame_equal(duck_back(relation), frame)


def test_parquet_round_trip_pandas_and_duckdb(frame: pd.DataFrame, tmp_path: Path) -> None:
    path = eduplans.export(tricky_plans(), tmp_path / "all.parquet")
    back = pd.read_parquet(path)
    pd.testing.assert_frame_equal(back, frame)
    relation = duckdb.sql(f"SELECT * FROM read_parquet('{path}')")
    check_duck_types(relation)
    pd.testing.assert_frame_equal(duck_back(relation), frame)
    meta = dict(
        duckdb.sql(
            f"SELECT decode(key), decode(value) FROM parquet_kv_metadata('{path}')"
        ).fetchall()
    )
    assert meta["eduplans.data_version"] == eduplans.DATA_VERSION
    assert meta["eduplans.eduplans_version"] == eduplans.__version__
    assert meta["eduplans.schema"] == "docs/frame.md"


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
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind


def test_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(eduplans.EduplansError, match="cannot tell the export format"):
        eduplans.export(eduplans.load(), tmp_path / "x.xlsx")
    with pytest.raises(eduplans.EduplansError, match="unknown export format 'xlsx'"):
        eduplans.export(eduplans.load(), tmp_path / "x.dat", format="xlsx")
    written = eduplans.export(eduplans.load(), tmp_path / "x.dat", format="csv")
    assert len(read_csv_back(written)) == len(eduplans.load().to_frame())


def test_a_suffix_that_contradicts_the_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(eduplans.EduplansError, match=r"suffix \.json but the format is csv"):
        eduplans.export(eduplans.load(), tmp_path / "x.json", format="csv")
    assert not (tmp_path / "x.json").exists()


def test_an_existing_file_is_kept_unless_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("my own work\n", encoding="utf-8")
    with pytest.raises(eduplans.EduplansError, match="already exists; pass overwrite=True"):
        eduplans.export(eduplans.load(), path)
    assert path.read_text("utf-8") == "my own work\n"
    eduplans.export(eduplans.load(), path, overwrite=True)
    assert len(read_csv_back(path)) == len(eduplans.load().to_frame())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.csv"]


def test_cite_names_every_bundled_document() -> None:
    text = eduplans.cite()
    for plan in eduplans.load():
        assert f"@misc{{{plan.id}," in text and plan.title in text
    assert eduplans.cite(sources=False).count("@") == 1


def test_cite_parses_back_with_every_source() -> None:
    import tomllib

    import bibtexparser

    from .conftest import DATA

    library = bibtexparser.parse_string(eduplans.cite())
    assert library.failed_blocks == []
    national = tomllib.loads((DATA / "national.toml").read_text("utf-8"))["document"]
    keys = [e.key for e in library.entries]
    assert keys == [
        "eduplans",
        *(p.id for p in eduplans.load()),
        *(f"national-{d['id']}" for d in national),
    ]
    fields = {e.key: {f.key: f.value for f in e.fields} for e in library.entries}
    assert fields["handan-2022"]["author"] == "{邯郸市教育局}"  # not the bare 市教育局
    assert fields["henan-2024"]["author"] == "{河南省政府}"
    assert fields["luoyang-2022"]["author"] == "{洛阳市教育局}"
    assert fields["national-fyp14"]["author"] == "{全国人民代表大会}"
    assert fields["luoyang-2022"]["date"] == "2022-02-10"
    for plan in eduplans.load():
        assert fields[plan.id]["title"] == plan.title  # no special characters in these
        assert plan.source_name.replace("_", r"\_") in fields[plan.id]["note"]


def test_cite_escapes_special_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    import bibtexparser

    from eduplans import _loader

    plans = list(eduplans.load())
    odd = dataclasses.replace(plans[0], title="50% & {x} #1 a_b $ ~ ^ \\ 完}")
    monkeypatch.setattr(_loader, "load", lambda: eduplans.PlanCollection([odd]))
    library = bibtexparser.parse_string(eduplans.cite())
    assert library.failed_blocks == []
    (entry,) = [e for e in library.entries if e.key == odd.id]
    assert entry.fields_dict["title"].value == (
        r"50\% \& \{x\} \#1 a\_b \$ \textasciitilde{} \textasciicircum{} \textbackslash{} 完\}"
    )
