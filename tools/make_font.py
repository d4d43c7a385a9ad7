"""Rebuild the bundled figure font ``src/eduplans/data/fonts/EduplansSansSC-Regular.ttf``.

The font is a subset of Noto Sans CJK SC Regular (SIL Open Font License 1.1), converted from CFF
to TrueType outlines (so that PDFs embed it as Type 42) and renamed "Eduplans Sans SC", as the OFL
asks of a modified version. It holds:

- GB 2312 (its 6,763 hanzi and its symbols);
- the 8,105 characters of 通用规范汉字表 (2013), read from the ``kTGH`` field of the Unicode
  Character Database's Unihan files (Unicode License v3), as Debian's ``unicode-data`` ships them;
- printable Latin-1, general punctuation, letter-like symbols, arrows, mathematical operators,
  enclosed alphanumerics, box drawing, CJK symbols and punctuation, full-width forms;
- every character of every text file under ``src/eduplans/data/`` (plans, catalog, national
  targets, regions — including any region table added later — and the source texts), read
  again on each run, so re-running the tool after a new data file lands covers it.

Characters the source font has no glyph for are listed and the tool fails, so a region name can
never silently lose a glyph.

Run (as root on Debian 12, the sources are checked against the SHA-256 recorded below)::

    apt-get update && apt-get install -y fonts-noto-cjk unicode-data
    python tools/make_font.py            # rewrites the font; prints its size and coverage
    python tools/make_font.py --check    # only reports what the bundled font lacks

The output is byte-for-byte reproducible: the same sources and data give the same file.
Requires fontTools (a dependency of matplotlib).
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import hashlib
import io
import lzma
import re
import sys
import unicodedata
import zipfile
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "eduplans" / "data"
OUT = DATA / "fonts" / "EduplansSansSC-Regular.ttf"

#: Debian 12 package ``fonts-noto-cjk`` 1:20220127+repack1-1 (Noto Sans CJK 2.004).
SOURCE_PACKAGE = "fonts-noto-cjk 1:20220127+repack1-1"
SOURCE_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SOURCE_FONT_SHA256 = "b76b0433203017ca80401b2ee0dd69350349871c4b19d504c34dbdd80541690a"
SOURCE_FACE = "Noto Sans CJK SC"  # face 2 of the collection

#: Debian 12 package ``unicode-data`` 15.0.0-1 (Unicode 15.0.0 Unihan database).
TGH_PACKAGE = "unicode-data 15.0.0-1"
TGH_FILE = Path("/usr/share/unicode/Unihan_OtherMappings.txt.bz2")
TGH_FILE_SHA256 = "bdeef44d75d914e793b7f27ddc3bee01b2d11dd34f4e52de1a9fba74a1612dc2"
TGH_COUNT = 8105

FAMILY = "Eduplans Sans SC"
POSTSCRIPT = "EduplansSansSC-Regular"
#: Fixed timestamps (seconds since 1904-01-01) so that a rebuild gives the same bytes.
CREATED = 3692217600  # 2020-12-31, Noto Sans CJK 2.004's own
MODIFIED = 3878188557

#: Ranges of symbols kept besides the hanzi (only those the source font has are kept).
RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 supplement
    (0x2010, 0x205E),  # general punctuation
    (0x2100, 0x214F),  # letter-like symbols (℃, №)
    (0x2150, 0x218F),  # number forms (Ⅰ, Ⅱ)
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # mathematical operators (≥, ≤, −)
    (0x2460, 0x24FF),  # enclosed alphanumerics (①)
    (0x2500, 0x257F),  # box drawing
    (0x25A0, 0x25FF),  # geometric shapes (■, ○)
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFF00, 0xFFEF),  # half-width and full-width forms
)


def sha256(path: Path) -> str:
    """Return the SHA-256 of a file, hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_source(path: Path, expected: str, package: str) -> None:
    """Exit with a message unless ``path`` exists with the recorded SHA-256."""
    if not path.is_file():
        sys.exit(f"{path} not found: apt-get install {package.split()[0]} ({package})")
    digest = sha256(path)
    if digest != expected:
        sys.exit(f"{path}: SHA-256 {digest}, expected {expected} ({package}); not rebuilding")


def gb2312() -> set[str]:
    """Return every character of GB 2312 (rows 0xA1–0xF7)."""
    out: set[str] = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                out.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return out


def tongyong_guifan(path: Path = TGH_FILE) -> set[str]:
    """Return the characters of 通用规范汉字表 (the ``kTGH`` field of Unihan)."""
    out: set[str] = set()
    with bz2.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            m = re.match(r"U\+([0-9A-F]{4,6})\tkTGH\t", line)
            if m:
                out.add(chr(int(m.group(1), 16)))
    if len(out) != TGH_COUNT:
        sys.exit(f"{path}: {len(out)} kTGH characters, expected {TGH_COUNT}")
    return out


def _texts_of(path: Path) -> Iterable[str]:
    """Yield the text of a data file (decompressing .gz, .bz2, .xz, .zip); nothing if binary."""
    raw = path.read_bytes()
    suffix = path.suffix.lower()
    blobs: list[bytes]
    if suffix == ".gz":
        blobs = [gzip.decompress(raw)]
    elif suffix == ".bz2":
        blobs = [bz2.decompress(raw)]
    elif suffix in (".xz", ".lzma"):
        blobs = [lzma.decompress(raw)]
    elif suffix == ".zip":
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            blobs = [z.read(n) for n in sorted(z.namelist())]
    else:
        blobs = [raw]
    for blob in blobs:
        try:
            yield blob.decode("utf-8")
        except UnicodeDecodeError:
            continue  # a binary file (a font, a pickled index): no text to cover


def data_characters(data: Path = DATA) -> dict[str, str]:
    """Return every printable non-ASCII character of the text files under ``data``.

    Returns
    -------
    dict
        Character → the first file (relative to ``data``) it was found in.

    """
    out: dict[str, str] = {}
    for path in sorted(p for p in data.rglob("*") if p.is_file()):
        if "fonts" in path.relative_to(data).parts:
            continue
        for text in _texts_of(path):
            for c in text:
                if ord(c) > 0x7E and c.isprintable() and not c.isspace():
                    out.setdefault(c, str(path.relative_to(data)))
    return out


def wanted() -> tuple[set[str], dict[str, str]]:
    """Return the characters the font must hold, and the data characters with their file."""
    chars = gb2312() | tongyong_guifan()
    for lo, hi in RANGES:
        chars.update(chr(c) for c in range(lo, hi + 1))
    data = data_characters()
    return chars | set(data), data


def _open_face() -> object:
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(SOURCE_FONT), lazy=False)
    for font in collection.fonts:
        if font["name"].getDebugName(1) == SOURCE_FACE:
            return font
    sys.exit(f"{SOURCE_FONT}: no face named {SOURCE_FACE!r}")


def build(chars: set[str], data: dict[str, str]) -> bytes:
    """Subset, convert to TrueType outlines, rename; return the font file's bytes."""
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = _open_face()
    assert isinstance(font, TTFont)
    cmap = font.getBestCmap()
    lacking = sorted(c for c in data if ord(c) not in cmap)
    if lacking:
        where = ", ".join(f"{c} U+{ord(c):04X} ({data[c]})" for c in lacking)
        sys.exit(f"{SOURCE_FACE} has no glyph for data characters: {where}")
    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.desubroutinize = True
    options.hinting = False
    options.drop_tables += ["VORG", "vhea", "vmtx", "BASE", "GPOS", "GSUB", "GDEF", "DSIG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in chars if ord(c) in cmap))
    subsetter.subset(font)

    # CFF → glyf
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    del font["CFF "]
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
    ):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    maxp.maxComponentElements = max(
        (len(g.components) for g in glyphs.values() if g.isComposite()), default=0
    )
    maxp.maxComponentDepth = 1 if maxp.maxComponentElements else 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    head = font["head"]
    head.glyphDataFormat = 0
    head.created = CREATED
    head.modified = MODIFIED
    font.sfntVersion = "\x00\x01\x00\x00"
    font.recalcTimestamp = False  # keep MODIFIED: the same inputs give the same bytes

    name = font["name"]
    copyright_ = name.getDebugName(0) or ""
    version = name.getDebugName(5) or ""
    for record in list(name.names):
        if record.nameID in (1, 3, 4, 6, 16, 17, 21, 22):
            name.removeNames(nameID=record.nameID)
    name.setName(FAMILY, 1, 3, 1, 0x409)
    number = version.split(";")[0].removeprefix("Version ")
    name.setName(f"{number};EDUPLANS;{POSTSCRIPT}", 3, 3, 1, 0x409)
    name.setName(f"{FAMILY} Regular", 4, 3, 1, 0x409)
    name.setName(POSTSCRIPT, 6, 3, 1, 0x409)
    if "Subset" not in copyright_:
        name.setName(copyright_ + " Subset and TrueType conversion for eduplans.", 0, 3, 1, 0x409)
    name.setName(f"{version.split(';')[0]}; subset of {SOURCE_FACE} for eduplans", 5, 3, 1, 0x409)
    name.names = [r for r in name.names if r.platformID == 3]  # one platform, sorted below
    name.names.sort(key=lambda r: (r.platformID, r.platEncID, r.langID, r.nameID))

    buffer = io.BytesIO()
    font.save(buffer, reorderTables=True)
    return buffer.getvalue()


def report(path: Path, chars: set[str]) -> list[str]:
    """Print the font's size and coverage; return the wanted characters it lacks."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(path))
    cmap = font.getBestCmap()
    hanzi = sum(1 for c in cmap if unicodedata.category(chr(c)) == "Lo")
    lacking = sorted(c for c in chars if ord(c) not in cmap)
    print(f"{path}: {path.stat().st_size:,} bytes, {len(cmap):,} characters")
    print(f"  letters (hanzi and others): {hanzi:,}; glyphs: {font['maxp'].numGlyphs:,}")
    return lacking


def main(argv: list[str] | None = None) -> int:
    """Rebuild the font (or, with ``--check``, report what the bundled one lacks)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="only check the bundled font")
    parser.add_argument("--out", type=Path, default=OUT, help="font file to write")
    args = parser.parse_args(argv)
    if args.check:
        data = data_characters()
        lacking = report(OUT, set(data))
        for c in lacking:
            print(f"  no glyph: {c} U+{ord(c):04X} ({data[c]})")
        return 1 if lacking else 0
    check_source(SOURCE_FONT, SOURCE_FONT_SHA256, SOURCE_PACKAGE)
    check_source(TGH_FILE, TGH_FILE_SHA256, TGH_PACKAGE)
    chars, data = wanted()
    print(f"{len(chars):,} characters wanted ({len(data):,} non-ASCII characters in the data)")
    args.out.write_bytes(build(chars, data))
    cmap_lacking = report(args.out, chars)
    # symbols of the ranges that Noto Sans CJK does not draw are expected to be absent
    hanzi_lacking = [c for c in cmap_lacking if c in data]
    if hanzi_lacking:
        print("  missing data characters:", "".join(hanzi_lacking))
        return 1
    print(f"  sha256 {sha256(args.out)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
