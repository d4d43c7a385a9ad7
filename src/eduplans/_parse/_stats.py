"""Statistics tables: rows are entities, the measure stands in a column header or a section row.

Statistical bulletins (统计公报) and yearbooks (统计年鉴) print the counts of a region's
schools in grids that are not indicator tables: the rows are stages or school types (普通高中,
小学, 幼儿园), and what a cell counts is given by

* a **measure column**: ``指标 | 招生数(人) | 在校生数(人) | 毕业生数(人)``; the year is one for
  the whole table, from its caption (``2021年全县各类教育发展情况``) or the page's title;
* a **measure section row** above rows under a header of years: ``Item 2006 2007``, then
  ``学校数 Number of Schools``, then ``普通高等学校 Regular Institutions of Higher Education 38 38``
  (or a measure caption, ``一、学校数 计量单位:所``, above the header of years).

Rows may be regions (``地区 专任教师数 在校生数``: 福州市, 福州市辖区, 鼓楼区 …) under a header of
two levels, each measure over the same run of sub-headers (``普通高中 普通初中 小学`` twice): a
cell is then the region's measure of that stage (福州市普通高中专任教师数). A yearbook's unnamed
first row under the header is the total of the table's area (read as 合计, flagged). Columns
may be regions instead (``单位 全  市 吴兴区 南浔区 …`` over rows of measures, a row's unit word
after its name: ``占地面积 万平方米 90.87 23.79 …``): a cell is the column's region's measure
(吴兴区园数). An entity header may name the measure and unit of a table of years
(``指标(在校学生数/万人) | 2022年 | 2021年``); a cell writing its own unit (``2499人``) keeps it.

A flattened table under a year line (``2021年 备 注``) may stand with its header cells over
several lines (``校(园)数 教职工总数 学校占地面积``, ``(平方米)``, ``其中:运动场面积`` …), a remark
after a row's cells (含民办20所: reported, no cell) and rows cut by lines of blank cells (``合 计
1011``, then ``10506 9268 40297 3025``: the first columns, then the last).

The same reader opens on a line of measures when no year line stands above (``机构数(个) 毕业生数
招生数 在校生数 毕业班``; the caption or the page's title dates the table): a one-word line that
opens with spaces goes on with the cell before it (``毕业班`` / ``学生数``); the header's last
lines of 其中 cells only (``其中:女 其中:女 其中:专任教师``) are a lower row of parts whose columns
the text does not give: they are placed by the rows' cells (a part is no more than its measure,
专任教师 stands under 教职工数, counts are whole), and a column no placement fixes is reported.
Parts by sex or affiliation (其中:女, 其中:市属: ``stat_part_qualifiers``) are reported, not read.
A row short of cells whose blank cells are one space each (three spaces between two cells, two
per blank at the line's end) is read with its blanks in place; the row the text ends in holds the
first cells, its last perhaps cut (reported). A measure row holding cells above rows of entities
(``学校数 (所) Number of Schools (unit) 1764 1771`` over ``普通高等学校 … 82 83``) is the total of
the rows below it (合计学校数) and gives them its measure.

A page that states no year, no date and no period gives the cells of a table whose year the
table does not give the period's placeholder year, flagged ``year_unknown`` (the frame's year
is NA); on a dated page such cells are reported, not read.

Each cell is one indicator: the row's entity and the measure (普通高中招生数 2021 = 4113 人,
小学专任教师 2006 = 113724 人), a baseline (the count of that year) unless the caption says the
table is a plan's (目标, 规划 …). Units come from the header's brackets, a unit line
(``单位:人、所``: each measure takes the listed unit its count fits) or the measure's own count.

The same grid is read in the text forms real pages carry it in: one row per line with cells
separated by spaces (row names with an English gloss, inner spaces in names: ``小 学``), by ``|``
or by tabs; or one cell per line (cells ending in ``|``, ``|`` lines between cells, or bare
lines). A number of such a table that is not read (a bracketed count, a row without a name, a
cell whose unit or year is not known) is reported with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import combinations_with_replacement
from math import comb

from .._errors import ValueTextError
from .._words import alternation, chars, pattern, words
from ._doc import Doc, Line
from ._draft import DIndicator, DValue, unit_from_noun, unit_of_word
from ._tables import _NAME_HEADER, _UNIT_HEADER, _Cell, _column_scale, _header_role, _parse_cell

__all__ = ["read_stats"]

_Note = tuple[int, int, str, str]

_YEAR_CELL = pattern(
    lambda w: (
        rf"^(?P<year>(?:19|20)\d{{2}})\s*(?:{re.escape(w.dates.year)})?"
        rf"(?:{alternation(w.prose.year_end)})?$"
    )
)
_CAPTION_YEAR = pattern(lambda w: rf"(?<!\d)((?:19|20)\d{{2}})\s*{re.escape(w.dates.year)}")
_UNIT_LINE = pattern(
    lambda w: rf"^(?:{alternation(w.table.stat_unit_lead)})\s*[::]\s*(?P<units>[^\s(|]+)"
)
_UNIT_IN_ROW = pattern(
    lambda w: (
        rf"\s*\(?\s*(?:{alternation(w.table.stat_unit_lead)})\s*[::]\s*(?P<units>[^\s()|]+)"
        r"\s*\)?\s*$"
    )
)
_DATELINE = pattern(lambda w: rf"^(?:{alternation(w.meta.dateline_label)})\s*[::]")
_TARGET_WORDS = pattern(lambda w: alternation(w.table.stat_target_words))
_MEASURE_WORD = pattern(lambda w: alternation(w.table.measure_words))
_VALUE = re.compile(r"^[≥≤<>]?\s*\d[\d,]*(?:\.\d+)?\s*(?:%|‰)?$")
_OWN_UNIT = re.compile(r"^\d[\d,]*(?:\.\d+)?\s*(?P<unit>[^\d\s.,%‰()]{1,3})$")
_BRACKET = re.compile(r"^\(\s*\d[\d,]*(?:\.\d+)?\s*\)$")
_PLACEHOLDER = re.compile(r"^(?:[-—–/\\_~…·.]+|[xX×*#]+)$")
_NUMBERING = pattern(
    lambda w: (
        rf"^(?:[{chars(w.heading.list_numerals)}]+\s*[、.]"
        rf"|\(\s*[{chars(w.heading.list_numerals)}\d]+\s*\)|\d{{1,2}}\s*[.、．](?!\d)"
        r"|[\u2460-\u249b])\s*"  # ①…⑳, ⑴…⒇, ⒈…⒛
    )
)
_MARKS = re.compile(r"^[#*△▲☆★※]+\s*")
_CJK = "\u4e00-\u9fff"
_GLOSS = re.compile(rf"(?<=[{_CJK})\s])\s*(?:\d+-)?[A-Za-z][A-Za-z0-9 .,:'’´′&/()\-]*$")
_INNER_SPACE = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
_BRACKET_UNIT = re.compile(r"^(?P<name>.+?)\s*\((?P<unit>[^()]{1,8})\)$")
_PROSE = re.compile(r"[。;!?]|[,,][^,,]{12,}")
#: A cell of English only: a gloss in a cell of its own (Regular Secondary Schools, (unit)).
_GLOSS_CELL = re.compile(r"^\(?(?:\d+-)?[A-Za-z][A-Za-z0-9 .,:'’´′&/\-]*\)?$")


@dataclass
class _Col:
    """A body column: a measure (招生数, unit word 人) or a year."""

    kind: str  # "measure" | "year" | "amount" | "growth" | "unit" | "region" | "unread"
    measure: str = ""
    unit_word: str | None = None
    year: int | None = None
    sub: str = ""  # the lower header's cell under a measure spanning several (普通高中)
    why: str = ""  # an "unread" column: why its cells are reported, not read


@dataclass
class _SRow:
    """A row: its name cell and one cell per column (none for a section row)."""

    name: _Cell
    values: list[_Cell] = field(default_factory=list)
    unsure: str = ""  # why its cells cannot be placed in columns (they are reported)
    unit_word: str | None = None  # a unit cell of its own after the name: (所)
    total: bool = False  # the unnamed first row: the total of the table's area
    cut: _Cell | None = None  # the last cell of a row the text ends in (it may be cut)


@dataclass
class _Table:
    start: int
    end: int
    head: _Cell | None  # the entity column's header cell
    cols: list[_Col]
    rows: list[_SRow]
    header_cells: list[_Cell]
    year: int | None = None  # the year a line above the header gives all columns (2021年 备 注)
    year_why: str = ""
    plan_head: str = ""  # a header cell over the columns naming a plan's figures (计划情况)
    numbering: list[_Cell] = field(default_factory=list)  # column numbers, region codes


def _is_unit(word: str | None) -> bool:
    """Whether ``word`` (a bracket's or a header's) is a unit word, % and ‰ included."""
    if not word:
        return False
    return unit_of_word(word) is not None or word in ("%", "‰")


def _squeeze(text: str) -> str:
    return _INNER_SPACE.sub("", text.strip())


def _chinese(text: str) -> str:
    """Return a cell's Chinese words: the English gloss after them dropped, inner spaces closed."""
    t = re.sub(r"\s+", " ", text.strip())
    t = _GLOSS.sub("", t).strip()
    return _squeeze(t)


_NAME_HEAD = pattern(
    lambda w: "^(?:" + alternation("".join(h.split()) for h in w.table.stat_name_header) + ")$"
)


def _is_name_head(text: str) -> bool:
    if len(text) > 24:
        return False
    t = re.sub(r"\s+", "", text)
    if _NAME_HEAD.match(t) is not None or _NAME_HEADER.match(t) is not None:
        return True
    return _head_measure(t) is not None


def _head_measure(text: str) -> tuple[str, str | None] | None:
    """Return (measure, unit word) of an entity header that names them: 指标(在校学生数/万人)."""
    m = re.fullmatch(r"(?P<head>[^()]+)\((?P<inner>[^()]+)\)", re.sub(r"\s+", "", text))
    if m is None or not (_NAME_HEAD.match(m.group("head")) or _NAME_HEADER.match(m.group("head"))):
        return None
    parts = [p for p in re.split(r"[/,,、;]", m.group("inner")) if p]
    if not 1 <= len(parts) <= 2 or parts[0] not in words().table.stat_measures:
        return None
    unit = parts[1] if len(parts) == 2 else None
    if unit is not None and unit_of_word(unit) is None and unit not in ("%", "‰"):
        return None
    return parts[0], unit


def _measure_of(text: str) -> tuple[str, str | None] | None:
    """Return (measure, unit word) when a header cell or a section row names a measure."""
    t = _chinese(_NUMBERING.sub("", text.strip()))
    if not t or re.search(r"\d", t):
        return None
    unit_word: str | None = None
    m = _BRACKET_UNIT.match(t)
    if m is not None and (_is_unit(m.group("unit"))):
        t, unit_word = m.group("name").strip(), m.group("unit").strip()
    measures = words().table.stat_measures
    if t in measures:
        return t, unit_word
    if unit_word is not None and len(t) <= 10 and not _is_name_head(t):
        return t, unit_word  # 班额数(个), 毛入学率(%): a measure with its unit
    return None


def _header_col(text: str) -> _Col | None:
    t = text.strip()
    if not t or len(t) > 60:  # a header cell, with its English gloss, is short
        return None
    y = _YEAR_CELL.match(re.sub(r"\s+", "", t))
    if y is not None:
        return _Col("year", year=int(y.group("year")))
    bare = re.sub(r"\s+|\(%\)|%$", "", t)
    if _UNIT_HEADER.match(bare):
        return _Col("unit")
    if bare in words().table.stat_amount_header:
        return _Col("amount")
    if bare in words().table.stat_growth_header:
        return _Col("growth")
    m = _measure_of(t)
    if m is not None:
        return _Col("measure", measure=m[0], unit_word=m[1])
    return None


def _kind(text: str) -> str:
    t = text.strip()
    if not t:
        return "empty"
    if _VALUE.match(t):
        return "value"
    own = _OWN_UNIT.match(t)
    if own is not None and unit_of_word(own.group("unit")) is not None:
        return "value"  # a count with its own unit word: 2499人
    if _BRACKET.match(t):
        return "bracket"
    if _PLACEHOLDER.match(t):
        return "placeholder"
    if _PROSE.search(t) or len(re.findall(rf"[{_CJK}]", t)) > 40:
        return "prose"
    return "name"


def _units(text: str) -> list[tuple[str, str, float]]:
    """Return the units of a unit line's list (人、所): (word, canonical unit, scale)."""
    out: list[tuple[str, str, float]] = []
    for word in re.split(r"[、,,/;]", text):
        found = unit_of_word(word.strip())
        if found is not None:
            out.append((word.strip(), found[0], found[1]))
    return out


def _cols_of(cells: Sequence[_Cell]) -> list[_Col] | None:
    """Return the body columns of header cells: all years or all measures, two or more."""
    cols = [_header_col(c.text) for c in cells]
    if len(cols) < 2 or any(c is None for c in cols):
        return None
    found = [c for c in cols if c is not None]
    kinds = {c.kind for c in found}
    if kinds != {"year"} and not (
        kinds <= {"measure", "amount", "growth", "unit"} and kinds & {"measure", "amount"}
    ):
        return None  # years with measures, or a 单位 column over years: an indicator table
    if "year" in kinds and len({c.year for c in found}) != len(found):
        return None
    return found


# --- text forms -------------------------------------------------------------------------------


def _tokens(doc: Doc, start: int, end: int) -> list[_Cell]:
    return [
        _Cell(m.group(0), start + m.start(), start + m.end())
        for m in re.finditer(r"\S+", doc.work[start:end])
    ]


def _split(doc: Doc, start: int, end: int, sep: str) -> list[_Cell]:
    out: list[_Cell] = []
    pos = start
    source = doc.text if sep == "\t" else doc.work  # the working copy has no tabs
    for piece in source[start:end].split(sep):
        lead = len(piece) - len(piece.lstrip())
        body = doc.work[pos + lead : pos + len(piece)].strip()
        out.append(_Cell(body, pos + lead, pos + lead + len(body)))
        pos += len(piece) + 1
    return out


def _sep(doc: Doc, start: int, end: int) -> str:
    body = doc.work[start:end].strip().strip("|").strip()
    if "|" in body:
        return "|"
    if "\t" in doc.text[start:end].strip():
        return "\t"
    return " "


def _line_header(doc: Doc, start: int, end: int) -> tuple[_Cell | None, list[_Col], list[_Cell]]:
    """Return (entity header, columns, header cells) of a header line, or no columns."""
    sep = _sep(doc, start, end)
    if sep == " ":
        toks = _tokens(doc, start, end)
        head: _Cell | None = None
        if toks and _is_name_head(toks[0].text):
            head, toks = toks[0], toks[1:]
        elif len(toks) >= 2 and _is_name_head(toks[0].text + toks[1].text):
            head = _Cell(toks[0].text + toks[1].text, toks[0].start, toks[1].end)
            toks = toks[2:]
        cells = [t for t in toks if not re.fullmatch(r"[A-Za-z][A-Za-z.,'’()\-]*", t.text)]
    else:
        parts = _split(doc, start, end, sep)
        if parts and not parts[0].text and doc.work[start] == "|":
            parts = parts[1:]  # the "|" that opens the line
        while parts and not parts[-1].text:
            parts = parts[:-1]
        head = None
        if parts and (not parts[0].text or _is_name_head(parts[0].text)):
            head, parts = parts[0], parts[1:]
        cells = [c for c in parts if not _GLOSS_CELL.match(c.text)]  # 项 目 | Item | 2014
    cols = _cols_of(cells)
    if cols is None:
        return None, [], []
    return head, cols, cells


def _lower_header(
    doc: Doc, start: int, end: int, cols: list[_Col]
) -> tuple[list[_Col], list[_Cell]] | None:
    """Return the columns of a two-level header: each measure over the same run of sub-headers.

    ``专任教师数 在校生数`` over ``普通高中 普通初中 小学 普通高中 普通初中 小学``: six
    columns, each a measure of one stage. The lower line holds names only, as many per
    measure (two or more).
    """
    if _sep(doc, start, end) != " " or any(c.kind != "measure" for c in cols):
        return None
    toks = _tokens(doc, start, end)
    n = len(cols)
    if len(toks) < 2 * n or len(toks) % n:
        return None
    if any(_kind(t.text) != "name" or len(t.text) > 12 or _header_col(t.text) for t in toks):
        return None
    m = len(toks) // n
    out = [
        _Col("measure", measure=col.measure, unit_word=col.unit_word, sub=_chinese(t.text))
        for q, col in enumerate(cols)
        for t in toks[q * m : (q + 1) * m]
    ]
    return out, toks


def _fits(col: _Col, text: str) -> bool:
    """Return whether a cell can stand in a column: a value, or a unit word in a 单位 column."""
    return _kind(text) != "name" or (col.kind == "unit" and unit_of_word(text) is not None)


def _line_row(
    doc: Doc, start: int, end: int, cols: list[_Col], *, first: bool = False
) -> _SRow | None:
    """Read one row line: a name, then a cell per column (none: a section row); None: no row.

    The first row under the header may have no name when it holds a cell for every column:
    a yearbook prints the total of the table's area so (the province above its cities).
    """
    sep = _sep(doc, start, end)
    n = len(cols)
    if sep == " ":
        toks = _tokens(doc, start, end)
        k = len(toks)
        while (
            k > 0 and len(toks) - k < n and _fits(cols[n - 1 - (len(toks) - k)], toks[k - 1].text)
        ):
            k -= 1
        names, cells = toks[:k], toks[k:]
        if not names and first and len(cells) == n and all(_kind(c.text) == "value" for c in cells):
            return _SRow(_Cell("", cells[0].start, cells[0].start), cells, total=True)
        if not names:
            return None
        name = _Cell(doc.work[names[0].start : names[-1].end], names[0].start, names[-1].end)
        if _kind(name.text) == "prose":
            return None
        row = _SRow(name, cells)
        spaced = _spaced(doc, name.end, cells, n) if cells and len(cells) < n else None
        if spaced is not None:
            row.values = spaced  # its blank cells are a space each
        elif 2 <= len(cells) < n and doc.lines and end == doc.lines[-1].end:
            row.values, row.cut = cells[:-1], cells[-1]  # the text ends in the row: 永安市 513 9
        elif cells and len(cells) < n:
            row.unsure = f"the row has {len(cells)} of the header's {n} cells"
        elif k > 0 and _kind(toks[k - 1].text) in ("value", "bracket") and len(names) > 1:
            row.unsure = f"the row has more than the header's {n} cells"
        return row
    parts = _split(doc, start, end, sep)
    if parts and not parts[0].text and doc.work[start] == "|":
        parts = parts[1:]
    while parts and not parts[-1].text:
        parts.pop()
    while parts and not parts[0].text:
        parts.pop(0)
    if not parts or (_kind(parts[0].text) != "name" and not _YEAR_CELL.match(parts[0].text)):
        return None
    row = _SRow(parts[0])
    for c in parts[1:]:
        unit = re.fullmatch(r"\((?P<u>[^()]{1,6})\)", c.text)
        if unit is not None and unit_of_word(unit.group("u")) is not None and not row.values:
            row.unit_word = unit.group("u")  # 各类学校数合计 | (所) | …
        elif not (_GLOSS_CELL.match(c.text) and _kind(c.text) == "name"):
            row.values.append(c)  # not the English gloss in a cell of its own
    while row.values and not row.values[-1].text:
        row.values.pop()
    if len(row.values) > n:
        row.unsure = f"the row has {len(row.values)} cells for the header's {n}"
    return row


def _caption_lines(doc: Doc, start: int, limit: int = 3) -> list[_Cell]:
    """Return the lines just before ``start`` (last first): a table's caption and unit line."""
    out: list[_Cell] = []
    for line in reversed(doc.lines):
        if line.end > start:
            continue
        text = line.text.strip("| ").strip()
        if not text:
            continue
        if len(out) >= limit or _kind(text) == "prose":
            break
        out.append(_Cell(text, line.start, line.end))
    return out


def _line_tables(doc: Doc) -> Iterator[_Table]:
    """Tables whose rows stand one per line (cells separated by spaces, ``|`` or tabs)."""
    lines = doc.lines
    i = 0
    while i < len(lines):
        line = lines[i]
        if doc.is_blocked(line.start) or doc.is_chrome(line.start):
            i += 1
            continue
        head, cols, cells = _line_header(doc, line.start, line.end)
        if not cols:
            i += 1
            continue
        j = i + 1
        if j < len(lines):
            lower = _lower_header(doc, lines[j].start, lines[j].end, cols)
            if lower is not None:  # 专任教师数 在校生数 over 普通高中 普通初中 小学 (twice)
                cols, cells = lower[0], [*cells, *lower[1]]
                j += 1
        rows: list[_SRow] = []
        empty_run = 0
        end = line.end
        while j < len(lines):
            ln = lines[j]
            if _UNIT_LINE.match(ln.text.strip("| ")):
                rows.append(_SRow(_Cell(ln.text.strip("| "), ln.start, ln.end)))
                j += 1
                continue
            if _line_header(doc, ln.start, ln.end)[1]:
                break  # the next table's header
            row = _line_row(doc, ln.start, ln.end, cols, first=not rows)
            if row is None:
                break
            if not row.values:
                empty_run += 1
                if empty_run >= 3:
                    break
            else:
                empty_run = 0
                end = ln.end
            rows.append(row)
            j += 1
        while rows and not rows[-1].values:
            rows.pop()
        if rows:
            yield _Table(line.start, end, head, cols, rows, cells)
            i = j
        else:
            i += 1


def _region_cell(text: str) -> str | None:
    """Return a header cell's region (吴兴区; 全市; △市区 without its mark), or None."""
    t = _MARKS.sub("", re.sub(r"[△▲]", "", text.strip()))
    if not re.fullmatch(rf"[{_CJK}]{{2,8}}", t):
        return None
    return t if t.endswith(tuple(words().table.stat_region_suffix)) else None


def _region_header(doc: Doc, start: int, end: int) -> tuple[_Cell, list[_Col], list[_Cell]] | None:
    """Return the head, region columns and cells of ``单位 全  市 吴兴区 南浔区 …``, or None.

    The line opens with a unit or entity header (单位, 项目) and holds two or more region names
    (a name of two characters may stand with a space inside: 全  市).
    """
    if _sep(doc, start, end) != " ":
        return None
    toks = _tokens(doc, start, end)
    if len(toks) < 3 or not (
        _UNIT_HEADER.match(toks[0].text) is not None or _is_name_head(toks[0].text)
    ):
        return None
    cells: list[_Cell] = []
    k = 1
    while k < len(toks):
        t = toks[k]
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if len(t.text) == 1 and nxt is not None and len(nxt.text) == 1:
            t = _Cell(t.text + nxt.text, t.start, nxt.end)  # 全  市
            k += 1
        cells.append(t)
        k += 1
    regions = [_region_cell(c.text) for c in cells]
    if len(cells) < 2 or any(r is None for r in regions):
        return None
    cols = [_Col("region", sub=r) for r in regions if r is not None]
    return toks[0], cols, cells


def _region_row(doc: Doc, line_start: int, line_end: int, n: int) -> _SRow | None:
    """Read ``占地面积 万平方米 90.87 23.79 …``: a measure, its unit word, a cell per region."""
    toks = _tokens(doc, line_start, line_end)
    k = len(toks)
    while k > 0 and _kind(toks[k - 1].text) in ("value", "placeholder", "bracket"):
        k -= 1
    names, cells = toks[:k], toks[k:]
    if not names or not cells:
        return None
    unit_word: str | None = None
    if len(names) > 1 and unit_of_word(names[-1].text) is not None:
        unit_word, names = names[-1].text, names[:-1]
    name = _Cell(doc.work[names[0].start : names[-1].end], names[0].start, names[-1].end)
    if _kind(name.text) == "prose":
        return None
    row = _SRow(name, cells, unit_word=unit_word)
    spaced = _spaced(doc, names[-1].end, cells, n) if len(cells) < n else None
    if spaced is not None:
        row.values = spaced  # its blank cells are a space each: 兼任教师 2   2       2
    elif len(cells) != n:  # blank cells closed up: which region a cell is of is not known
        row.unsure = f"the row has {len(cells)} cells for the header's {n} regions"
    return row


def _region_tables(doc: Doc) -> Iterator[_Table]:
    """Tables whose columns are regions, their rows measures (湖州: 分县区幼儿教育基本情况)."""
    lines = doc.lines
    i = 0
    while i < len(lines):
        line = lines[i]
        found = None
        if not (doc.is_blocked(line.start) or doc.is_chrome(line.start)):
            found = _region_header(doc, line.start, line.end)
        if found is None:
            i += 1
            continue
        head, cols, cells = found
        rows: list[_SRow] = []
        j = i + 1
        while j < len(lines):
            row = _region_row(doc, lines[j].start, lines[j].end, len(cols))
            if row is None:
                break
            rows.append(row)
            j += 1
        if rows:
            yield _Table(line.start, lines[j - 1].end, head, cols, rows, cells)
            i = j
        else:
            i += 1


_YEAR_LINE = pattern(
    lambda w: (
        rf"^(?P<year>(?:19|20)\d{{2}})\s*{re.escape(w.dates.year)}"
        rf"(?:\s*(?:{alternation(w.table.stat_remark_header)}))?$"
    )
)


#: A cell of parts of the measure before it or above it (其中:运动场面积, 其中:女).
_PART = pattern(lambda w: rf"^(?:{alternation(w.table.sub_lead)})\s*[::]?\s*")
_UNIT_TOKEN = re.compile(r"\((?P<u>[^()]{1,6})\)")


def _indented(doc: Doc, start: int) -> bool:
    """Return whether the line at ``start`` opens with spaces (a wrapped header cell goes on)."""
    return start > doc.work.rfind("\n", 0, start) + 1


def _stacked_header(doc: Doc, lines: Sequence[_Cell]) -> tuple[list[_Col], list[_Col]] | None:
    """Return the measure columns of a header whose cells stand over several lines.

    ``校(园)数 教职工总数 学校占地面积``, ``(平方米)``, ``其中:运动场面积``, ``(平方米)`` …: a cell
    in brackets is the unit of the one before it; 其中 opens a part of the measure before. A
    line of one word that opens with spaces goes on with the cell before it (``毕业班`` then
    ``     学生数``: 毕业班学生数). The header's last lines, when they hold only 其中 cells
    (``其中:女 其中:女 其中:专任教师``), are its lower row: parts of measures above them whose
    columns the text does not give; they are returned apart (the second list), to be placed
    by the rows' cells (:func:`_place_parts`).
    """
    cols: list[_Col] = []
    parts: list[_Col] = []
    k = len(lines)
    while k > 1 and all(_PART.match(t) for t in lines[k - 1].text.split()):
        k -= 1
    for q, line in enumerate(lines):
        into = parts if q >= k else cols
        toks = line.text.split()
        if (
            0 < q < k
            and len(toks) == 1
            and cols
            and _indented(doc, line.start)
            and not _UNIT_TOKEN.fullmatch(toks[0])
        ):
            word = _chinese(toks[0])
            if _kind(toks[0]) != "name" or re.search(r"\d", word) or cols[-1].unit_word:
                return None
            cols[-1].measure += word  # 毕业班 / 学生数: one cell, wrapped
            continue
        for tok in toks:
            unit = _UNIT_TOKEN.fullmatch(tok)
            if unit is not None and into and into[-1].unit_word is None:
                u = unit.group("u")
                if unit_of_word(u) is None and u not in ("%", "‰"):
                    return None
                into[-1].unit_word = u
                continue
            name = _chinese(_PART.sub("", tok))
            if _kind(tok) != "name" or not name or len(name) > 12 or re.search(r"\d", name):
                return None
            m = _BRACKET_UNIT.match(name)
            if m is not None and (_is_unit(m.group("unit"))):
                into.append(_Col("measure", measure=m.group("name"), unit_word=m.group("unit")))
            else:
                into.append(_Col("measure", measure=name))
    return (cols, parts) if len(cols) >= 2 else None


def _opens_header(text: str) -> bool:
    """Return whether a line can open a header over several lines without a year line above.

    Its words are header cells (no number), two or more of them measures (机构数(个) 毕业生数 …).
    """
    toks = text.split()
    if len(toks) < 3 or any(_kind(t) != "name" or re.search(r"\d", t) for t in toks):
        return False
    return sum(_measure_of(t) is not None for t in toks) >= 2


def _count_unit(col: _Col, parent: _Col | None = None) -> str | None:
    """Return the canonical unit a column's cells count in, when its header says it."""
    if col.unit_word:
        found = unit_of_word(col.unit_word)
        return found[0] if found is not None else None
    own = words().table.stat_measures.get(col.measure) or unit_from_noun(col.measure)
    if own is None and parent is not None:
        return _count_unit(parent)
    return own


def _number(text: str) -> float | None:
    t = text.replace(",", "").strip()
    return float(t) if re.fullmatch(r"\d+(?:\.\d+)?", t) else None


def _place_parts(
    main: list[_Col],
    parts: list[_Col],
    rows: Sequence[_SRow],
    *,
    together: bool = False,
    units: Sequence[str] = (),
) -> list[_Col] | None:
    """Return the columns of a header whose lower row's 其中 cells the text does not place.

    Each part stands after its measure (or after another part of it), in the order written.
    A placement fits when, in every full row, a part's cell is no more than its measure's, a
    part that names a measure stands under the measure it is part of (``stat_part_of``:
    专任教师 under 教职工数), a part counting a unit stands under a measure counting the same,
    and every column of counts (schools, persons, classes) holds whole numbers. Columns that
    are the same in every fitting placement are read; the others are ``unread`` (reported),
    and so are parts by sex or affiliation (``stat_part_qualifiers``: 其中:女). With
    ``together`` (a lower row opened by 合计: ``合计 其中:中央资金 其中:省级资金``) all parts stand
    under one measure, right after its total column. ``units`` are the words of a unit line
    under the header (``平方米 万元 万元 万元 万元``): each placement gives them to its columns in
    order (:func:`_units_in_order`), and a part must then count what its measure counts.
    """
    n = len(main) + len(parts)
    if comb(len(main) + len(parts) - 1, len(parts)) > 5000:
        return None
    nums = [[_number(c.text) for c in r.values] for r in rows if len(r.values) == n]
    if not nums:
        return None
    fits: list[list[tuple[int, int]]] = []  # per column: (index in main or -1 - part, parent)
    unit_fits: list[tuple[list[_Col], list[_Col]]] = []
    for pos in combinations_with_replacement(range(len(main)), len(parts)):
        if together and len(set(pos)) > 1:
            continue  # 合计 over the lower row: its parts are of one measure
        layout: list[tuple[int, int]] = []
        for p in range(len(main)):
            layout.append((p, -1))
            layout += [(-1 - q, p) for q in range(len(parts)) if pos[q] == p]
        here = _layout_units(layout, main, parts, units)
        if here is not None and _layout_fits(layout, *here, nums):
            fits.append(layout)
            unit_fits.append(here)
    if not fits:
        return None
    main, parts = unit_fits[0]
    if any(u != unit_fits[0] for u in unit_fits[1:]):
        return None  # the unit line's words fall on other columns in another placement
    sub = words().table.sub_lead[0]  # how a part is written (其中:女)
    written = " ".join(f"{sub}:{p.measure}" for p in parts)
    qualifiers = words().table.stat_part_qualifiers
    out: list[_Col] = []
    for c in range(n):
        seen = {layout[c] for layout in fits}
        if len(seen) > 1:
            names = sorted(
                {(main[w].measure if w >= 0 else f"{sub}:{parts[-1 - w].measure}") for w, _ in seen}
            )
            why = (
                f"a cell of a statistics table whose column the header does not give: its lower "
                f"row ({written}) may stand under other columns, and this one is "
                + " or ".join(repr(x) for x in names)
            )
            out.append(_Col("unread", why=why))
            continue
        who, parent = seen.pop()
        if who >= 0:
            out.append(main[who])
            continue
        part = parts[-1 - who]
        if part.measure in qualifiers:
            why = (
                f"a part of the column {main[parent].measure!r} by sex or affiliation "
                f"({sub}:{part.measure}), not a level of its own"
            )
            out.append(_Col("unread", why=why))
        elif part.measure in words().table.stat_measures or _names_measure(part.measure):
            out.append(part)  # 其中:专任教师: a measure of its own
        else:  # 其中:民办 under 在校生数: 在校生数其中民办, counted as its measure
            up = main[parent]
            measure = f"{up.measure}{sub}{part.measure}"
            out.append(_Col("measure", measure=measure, unit_word=part.unit_word or up.unit_word))
    return out


def _layout_units(
    layout: list[tuple[int, int]], main: list[_Col], parts: list[_Col], units: Sequence[str]
) -> tuple[list[_Col], list[_Col]] | None:
    """Return the columns of a placement with a unit line's words given to them in order."""
    if not units:
        return main, parts
    seq = [main[w] if w >= 0 else parts[-1 - w] for w, _ in layout]
    placed = _units_in_order(seq, units)
    if placed is None:
        return None
    m2, p2 = list(main), list(parts)
    for (w, _), col in zip(layout, placed, strict=True):
        if w >= 0:
            m2[w] = col
        else:
            p2[-1 - w] = col
    return m2, p2


def _units_in_order(cols: Sequence[_Col], units: Sequence[str]) -> list[_Col] | None:
    """Return the columns with a unit line's words (``平方米 万元 万元``) given in order.

    One word per column; or, when the line has fewer words, one per column whose header names
    no count of its own (项目个数 counts items: its unit cell is blank), in order. None when
    the words do not fit (a column's bracket says another unit).
    """
    if len(units) == len(cols):
        where = list(range(len(cols)))
    else:
        where = [c for c, col in enumerate(cols) if not col.unit_word and _count_unit(col) is None]
        if len(where) != len(units):
            return None
    out = list(cols)
    for c, word in zip(where, units, strict=True):
        if out[c].unit_word and out[c].unit_word != word:
            return None
        out[c] = _Col(out[c].kind, out[c].measure, word, out[c].year, out[c].sub, out[c].why)
    return out


def _layout_fits(
    layout: list[tuple[int, int]],
    main: list[_Col],
    parts: list[_Col],
    nums: list[list[float | None]],
) -> bool:
    """Return whether the rows' cells allow a placement of a lower row's parts (see above)."""
    part_of = words().table.stat_part_of
    for c, (who, parent) in enumerate(layout):
        col = main[who] if who >= 0 else parts[-1 - who]
        up = main[parent] if parent >= 0 else None
        cells = [r[c] for r in nums]
        if _count_unit(col, up) in ("school", "person", "class") and any(
            x is not None and x != int(x) for x in cells
        ):
            return False  # a count of schools, persons or classes is whole
        if up is None:
            continue
        if col.measure in part_of and up.measure not in part_of[col.measure]:
            return False  # 专任教师 is a part of 教职工数, of no other count
        own = _count_unit(col)
        if own is not None and own != _count_unit(up):
            return False
        pc = layout.index((parent, -1))
        for r in nums:
            x, y = r[c], r[pc]
            if x is not None and y is not None and x > y:
                return False  # a part is no more than its whole
    return True


def _spaced(doc: Doc, after: int, cells: list[_Cell], n: int) -> list[_Cell] | None:
    """Return a row's ``n`` cells when its blank cells are a space each (joined by spaces).

    ``其中:市属   95 188 446 246              ``: three spaces stand for one blank cell
    between two, and two spaces at the end of the line for each blank cell there; any other
    spacing (cells aligned by runs of spaces) gives None.
    """
    stop = doc.work.find("\n", cells[-1].end)
    stop = len(doc.work) if stop < 0 else stop
    out: list[_Cell] = []
    pos = after
    for c in [*cells, None]:
        end = c.start if c is not None else stop
        gap = doc.work[pos:end]
        if gap.strip(" "):
            return None
        if c is not None:
            if len(gap) % 2 == 0:
                return None
            out += [_Cell("", pos + 1, pos + 1)] * ((len(gap) - 1) // 2)
            out.append(c)
            pos = c.end
        elif len(gap) % 2:
            return None
        else:
            out += [_Cell("", pos, pos)] * (len(gap) // 2)
    return out if len(out) == n else None


def _stacked_tables(doc: Doc) -> Iterator[_Table]:
    """Tables whose header cells stand over several lines, under a year line or not.

    Under a year line (``2021年 备 注``), or opened by a line of measures (``机构数(个)
    毕业生数 招生数 在校生数 毕业班``; then the first row must have a cell for every column
    and the caption or the page's title dates the table). Each row is a name, a cell per
    column and perhaps a remark (含民办20所); a row whose cells go on in a line of numbers
    without a name (``合 计 1011`` then ``10506 9268 40297 3025``) holds the first columns on
    its line and the last ones on the next (its blank cells between). A row short of cells
    whose spaces say where its blank cells are (one space each) is read with them; the row
    the text ends in holds the first cells, the last of them perhaps cut (reported).
    """
    lines = doc.lines
    remark = bool(words().table.stat_remark_header)
    i = 0
    while i < len(lines):
        line = lines[i]
        if doc.is_blocked(line.start) or doc.is_chrome(line.start):
            i += 1
            continue
        y = _YEAR_LINE.match(_squeeze(line.text))
        if y is None and not _opens_header(line.text):
            i += 1
            continue
        j = i + 1 if y is not None else i
        head: list[_Cell] = []
        while j < len(lines) and j - i <= 16:
            words_of_line = lines[j].text.split()
            if _kind(lines[j].text) == "prose" or any(
                _kind(t) in ("value", "bracket") for t in words_of_line
            ):
                break
            head.append(_Cell(lines[j].text, lines[j].start, lines[j].end))
            j += 1
        found = _stacked_header(doc, head) if head else None
        if found is None:
            i += 1
            continue
        cols, parts = found
        n = len(cols) + len(parts)
        rows: list[_SRow] = []
        empty_run = 0
        end = lines[j - 1].end
        while j < len(lines):
            ln = lines[j]
            if _YEAR_LINE.match(_squeeze(ln.text)) or _kind(ln.text) == "prose":
                break
            toks = _tokens(doc, ln.start, ln.end)
            k = 0
            while k < len(toks) and _kind(toks[k].text) not in ("value", "placeholder", "bracket"):
                k += 1
            m = k
            while m < len(toks) and _kind(toks[m].text) in ("value", "placeholder", "bracket"):
                m += 1
            names, cells, rest = toks[:k], toks[k:m], toks[m:]
            if rest and (not remark or not cells or _kind(rest[0].text) != "name"):
                break  # not a remark after the cells (含校点2个(火中、平中职高) is one)
            if not names and rows and cells and len(rows[-1].values) + len(cells) <= n:
                prev = rows[-1]  # the row goes on: its last columns, blank cells between
                gap = n - len(prev.values) - len(cells)
                if prev.values:
                    prev.values += [_Cell("", cells[0].start, cells[0].start)] * gap + cells
                    prev.unsure = ""
                else:  # 工读学校, then its cells on a line of their own: * * *
                    prev.values = cells
                    prev.unsure = f"the row has {len(cells)} cells for the header's {n}" * (gap > 0)
                end = ln.end
                empty_run = 0
                j += 1
                continue
            if not names:
                break
            name = _Cell(doc.work[names[0].start : names[-1].end], names[0].start, names[-1].end)
            row = _SRow(name, cells)
            if cells and len(cells) != n and not rest:
                spaced = _spaced(doc, name.end, cells, n)
                last = ln.end == lines[-1].end  # nothing but spaces after the row
                if spaced is not None:
                    row.values = spaced
                elif last and len(cells) < n and len(cells) >= 2:
                    row.values, row.cut = cells[:-1], cells[-1]  # the text ends in the row
            if row.values and len(row.values) != n and row.cut is None:
                row.unsure = f"the row has {len(row.values)} cells for the header's {n}"
            if y is None and not rows and len(row.values) != n:
                break  # no year line: the first row must fit the header
            empty_run = 0 if cells else empty_run + 1
            if empty_run > 4:
                break
            if cells:
                end = ln.end
            rows.append(row)
            j += 1
        while rows and not rows[-1].values:
            rows.pop()
        if rows and parts:
            placed = _place_parts(cols, parts, rows)
            if placed is None:
                rows = []
            else:
                cols = placed
        if rows:
            if y is not None:
                why = f"the line {line.text!r} above the table's header dates its cells"
                yield _Table(line.start, end, None, cols, rows, [], int(y.group("year")), why)
            else:
                yield _Table(line.start, end, None, cols, rows, [])
            i = j
        else:
            i += 1


def _pieces(doc: Doc) -> list[_Cell]:
    """Return the cells of the text's ``|`` streams: what stands between two ``|``."""
    work = doc.work
    out: list[_Cell] = []
    pos = 0
    for piece in work.split("|"):
        lines = [ln for ln in piece.split("\n") if ln.strip()]
        if len(lines) > 2 or (len(lines) == 2 and not _GLOSS_CELL.match(lines[1].strip())):
            # text between tables: its lines (a header cell is its last one); one cell is its
            # Chinese words and their English gloss (毕业生数 / Graduates)
            at = pos
            for ln in piece.split("\n"):
                if ln.strip():
                    lead = len(ln) - len(ln.lstrip())
                    out.append(_Cell(ln.strip(), at + lead, at + lead + len(ln.strip())))
                at += len(ln) + 1
        else:
            lead = len(piece) - len(piece.lstrip())
            body = piece.strip()
            out.append(_Cell(body, pos + lead, pos + lead + len(body)))
        pos += len(piece) + 1
    return out


def _blocks(doc: Doc) -> list[_Cell]:
    """Return the cells of a text whose cells stand in blocks of lines between blank lines.

    The ministry's statistics pages (学前教育基本情况) print one cell per block, a header cell
    over several lines with its unit and English gloss (``入园(班)人数`` / ``(人)``, ``其中:少数`` /
    ``民族幼儿园`` / ``of Which:`` / ``Minorities``): such a block is one cell, its Chinese lines
    joined, its English lines dropped; a block of English only (``Entrants``) is the gloss of the
    cell before and is no cell. Any other block gives one cell per line.
    """
    out: list[_Cell] = []
    lines = doc.lines
    i = 0
    while i < len(lines):
        j = i + 1
        while j < len(lines) and doc.work.count("\n", lines[j - 1].end, lines[j].start) == 1:
            j += 1
        block = lines[i:j]
        chinese = [ln for ln in block if not _GLOSS_CELL.match(ln.text)]
        glossed = len(chinese) < len(block) or any(
            _UNIT_TOKEN.fullmatch(ln.text) for ln in chinese[1:]
        )
        if not chinese and out:
            pass  # Entrants: the English gloss of the cell before
        elif (
            chinese
            and 1 < len(block) <= 5
            and glossed
            and all(len(ln.text) <= 24 and _kind(ln.text) == "name" for ln in chinese)
        ):
            text = "".join(ln.text for ln in chinese)
            out.append(_Cell(text, chinese[0].start, chinese[-1].end))
        else:
            out += [_Cell(ln.text, ln.start, ln.end) for ln in block]
        i = j
    return out


def _lower_row(cells: Sequence[_Cell], m: int) -> tuple[list[_Col], int]:
    """Return the parts of a header's lower row opened by a total: ``合计 其中:少数民族幼儿园``.

    The lower row stands under one measure of the row above (which one the text does not say:
    :func:`_place_parts` places it by the cells), 合计 being that measure's own column and
    each 其中 cell a part of it. Returns the parts and the index after the lower row ([] and
    ``m`` when there is none).
    """
    if m + 1 >= len(cells) or _squeeze(cells[m].text) not in words().table.stat_total_words:
        return [], m
    parts: list[_Col] = []
    q = m + 1
    while q < len(cells) and _PART.match(cells[q].text) and _kind(cells[q].text) == "name":
        name = _chinese(_PART.sub("", cells[q].text))
        if not name or len(name) > 12 or re.search(r"\d", name):
            break
        b = _BRACKET_UNIT.match(name)
        if b is not None and (_is_unit(b.group("unit"))):
            parts.append(_Col("measure", measure=b.group("name"), unit_word=b.group("unit")))
        else:
            parts.append(_Col("measure", measure=name))
        q += 1
    return (parts, q) if parts else ([], m)


def _cut_last(doc: Doc, row: _SRow, n: int) -> None:
    """Mark the last cell of a row short of cells that the text ends in as perhaps cut."""
    if 2 <= len(row.values) < n and not doc.work[row.values[-1].end :].strip():
        row.values, row.cut, row.unsure = row.values[:-1], row.values[-1], ""


def _column_numbers(text: str) -> int | None:
    """Return how many columns a line numbers (``01 02 03 04 05 06``: six), or None."""
    toks = text.split()
    if len(toks) < 3 or not all(t.isdigit() and len(t) <= 2 for t in toks):
        return None
    return len(toks) if [int(t) for t in toks] == list(range(1, len(toks) + 1)) else None


def _numbered_header(lines: Sequence[Line]) -> tuple[list[_Col], list[_Col], bool, str] | None:
    """Return the columns of a header over several lines that a column-number line closes.

    The first line holds the entity headers (``代码 市/县``: a code column, then the name
    column) and perhaps a cell over the measure columns (``计划情况``: returned when it names
    a plan's figures); the next lines hold the header cells, a ``其中:`` at a line's end going
    on with the next line (``其中:`` / ``中央资金``). Returns the upper row's columns, the parts
    of a lower row opened by 合计 (:func:`_lower_row`), whether rows open with a code, and the
    plan cell.
    """
    first = lines[0].text.split()
    code = bool(first) and first[0] in words().table.stat_code_header
    heads = first[1:] if code else first
    if not heads or not _is_name_head(heads[0]):
        return None
    over = [t for t in heads[1:] if _measure_of(t) is None]
    toks = [t for t in heads[1:] if _measure_of(t) is not None]
    for line in lines[1:]:
        for tok in line.text.split():
            if toks and _PART.fullmatch(toks[-1]):
                toks[-1] += tok  # 其中: / 中央资金: one cell over two lines
            else:
                toks.append(tok)
    totals = words().table.stat_total_words
    k = next((q for q, t in enumerate(toks) if _squeeze(t) in totals), len(toks))
    cells = [_Cell(t, 0, 0) for t in toks]
    parts, stop = _lower_row(cells, k)
    if stop != len(toks) or k == 0:
        return None
    upper: list[_Col] = []
    for tok in toks[:k]:
        name = _chinese(tok)
        if _kind(tok) != "name" or not name or len(name) > 12 or re.search(r"\d", name):
            return None
        b = _BRACKET_UNIT.match(name)
        if b is not None and (_is_unit(b.group("unit"))):
            upper.append(_Col("measure", measure=b.group("name"), unit_word=b.group("unit")))
        else:
            upper.append(_Col("measure", measure=name))
    plan = next((t for t in over if _TARGET_WORDS.search(t)), "")
    return upper, parts, code, plan


def _numbered_tables(doc: Doc) -> Iterator[_Table]:
    """Tables whose header ends in a unit line and a line numbering the columns.

    A form's table (六安市金安区 校舍维修改造 2025): ``代码 市/县 计划情况``, the header cells over
    several lines (``项目个数 建设面积 投资额`` / ``合计 其中:`` / ``中央资金`` …), a unit line
    (``平方米 万元 万元 万元 万元``), then ``01 02 03 04 05 06``: the number of columns, which the
    header's cells must make up. Rows are a name, perhaps after a region code in the code
    column (``341502 金安区``), and a cell per column; the code and the column numbers are
    reported as numbering.
    """
    lines = doc.lines
    for j, line in enumerate(lines):
        n = _column_numbers(line.text)
        if n is None or doc.is_blocked(line.start) or doc.is_chrome(line.start):
            continue
        q = j - 1
        units: list[str] = []
        if q >= 0 and all(unit_of_word(t) is not None for t in lines[q].text.split()):
            units = lines[q].text.split()
            q -= 1
        top = q
        while top >= 0 and q - top < 16 and not re.search(r"\d", lines[top].text):
            if _kind(lines[top].text) == "prose":
                break
            top -= 1
        if top + 1 >= q:
            continue
        found = _numbered_header(lines[top + 1 : q + 1])
        if found is None:
            continue
        upper, parts, code, plan = found
        if len(upper) + len(parts) != n:
            continue
        rows: list[_SRow] = []
        notes: list[_Cell] = []
        for ln in lines[j + 1 :]:
            toks = _tokens(doc, ln.start, ln.end)
            codes = (
                toks[:1] if code and toks and re.fullmatch(r"\d{6}(?:\d{6})?", toks[0].text) else []
            )
            toks = toks[len(codes) :]
            k = 0
            while k < len(toks) and _kind(toks[k].text) == "name":
                k += 1
            cells = toks[k:]
            if not k or len(cells) != n or any(_kind(c.text) != "value" for c in cells):
                break
            name = _Cell(doc.work[toks[0].start : toks[k - 1].end], toks[0].start, toks[k - 1].end)
            rows.append(_SRow(name, cells))
            notes += codes
        if not rows:
            continue
        if parts:
            placed = _place_parts(upper, parts, rows, together=True, units=units)
        else:
            placed = _units_in_order(upper, units) if units else upper
        if placed is None:
            continue
        numbers = _tokens(doc, line.start, line.end)
        table = _Table(lines[top + 1].start, rows[-1].values[-1].end, None, placed, rows, [])
        table.plan_head = plan
        table.numbering = [*numbers, *notes]
        yield table


def _stream_tables(doc: Doc, cells: list[_Cell], explicit_head: bool) -> Iterator[_Table]:
    """Tables whose cells stand one after another (one per line, or between ``|``).

    The header is two or more column cells after the entity column's header (a name header,
    or an empty cell when ``explicit_head`` is False); each row is a name cell and the cells
    after it, up to the next name.
    """
    k = 1
    while k < len(cells):
        cell = cells[k]
        before = cells[k - 1]
        if (
            doc.is_blocked(cell.start)
            or _header_col(cell.text) is None
            or not (
                _is_name_head(before.text)
                if explicit_head
                else not before.text or _is_name_head(before.text)
            )
        ):
            k += 1
            continue
        m = k
        while m < len(cells) and _header_col(cells[m].text) is not None:
            m += 1
        cols = _cols_of(cells[k:m])
        if cols is None or (m < len(cells) and _header_role(cells[m].text) is not None):
            k = m  # not all columns are ours (指标 | 2020年 | 2025年 | 属性): an indicator table
            continue
        parts, m = _lower_row(cells, m)  # 合计 / 其中:少数民族幼儿园 under one of the measures
        n = len(cols) + len(parts)
        fit_cols = [*cols, *parts]
        rows: list[_SRow] = []
        cur: _SRow | None = None
        names_run = 0
        end = cells[m - 1].end
        p = m
        while p < len(cells):
            c = cells[p]
            kind = _kind(c.text)
            if kind == "prose" or doc.is_blocked(c.start):
                break
            if (
                kind == "name"
                and cur is not None
                and len(cur.values) < n
                and _fits(fit_cols[len(cur.values)], c.text)
            ):
                cur.values.append(c)  # a unit word in the 单位 column
            elif kind == "name":
                if _header_col(c.text) is not None and _cols_of(cells[p : p + 2]) is not None:
                    break  # the next table's header
                if cur is not None:
                    rows.append(cur)
                if _UNIT_LINE.match(c.text):
                    rows.append(_SRow(c))
                    cur = None
                    p += 1
                    continue
                names_run += 1
                if names_run > 3:
                    cur = None
                    break
                cur = _SRow(c)
            elif cur is not None and not (
                kind == "empty"
                and len(cur.values) >= n
                and p + 1 < len(cells)
                and _kind(cells[p + 1].text) in ("value", "bracket")
            ):
                cur.values.append(c)
                if kind != "empty":
                    names_run = 0
                    end = max(end, c.end)
            elif kind != "empty" or cur is not None:
                # a row whose name cell is empty: after a full row, an empty cell, then values
                if cur is not None:
                    rows.append(cur)
                cur = _SRow(_Cell("", c.start, c.start))
                if kind != "empty":
                    cur.values.append(c)
                    end = max(end, c.end)
            p += 1
        if cur is not None:
            rows.append(cur)
        for row in rows:
            while row.values and not row.values[-1].text:
                row.values.pop()
            if len(row.values) > n:
                filled = [v for v in row.values if v.text]
                if len(filled) == n:
                    row.values = filled
                else:
                    row.unsure = f"the row has {len(filled)} cells for the header's {n}"
            elif row.values and len(row.values) < n and not explicit_head:
                pass  # between "|": the missing cells are the last ones
            elif row.values and len(row.values) < n:
                row.unsure = f"the row has {len(row.values)} of the header's {n} cells"
        while rows and not rows[-1].values:
            rows.pop()
        if rows and parts:
            _cut_last(doc, rows[-1], n)
            placed = _place_parts(cols, parts, rows, together=True)
            rows, cols = (rows, placed) if placed is not None else ([], cols)
        if rows:
            head = before if before.text else None
            start = before.start if before.text else cells[k].start
            yield _Table(start, end, head, cols, rows, cells[k:m])
        k = max(p, m)


# --- reading a table --------------------------------------------------------------------------


def _entity(text: str) -> tuple[str, str | None]:
    """Return a row name's entity (numbering, marks, gloss, inner spaces dropped), unit word."""
    t = _MARKS.sub("", _NUMBERING.sub("", text.strip()))
    t = _PART.sub("", t)
    t = _chinese(t).rstrip(":")
    m = _BRACKET_UNIT.match(t)
    if m is not None and (_is_unit(m.group("unit"))):
        return m.group("name").strip(), m.group("unit").strip()
    return t, None


def _names_measure(entity: str) -> bool:
    """Return whether a row name says what it measures (升学率, 在校生数): no measure is added."""
    if _MEASURE_WORD.search(entity) is not None:
        return True
    suffixes = words().table.stat_count_suffix
    return any(
        entity.endswith(k) and k != entity and k.endswith(suffixes)
        for k in words().table.stat_measures
    )


def _heads_block(rows: Sequence[_SRow], k: int) -> tuple[str, str | None] | None:
    """Return (measure, unit word) when row ``k`` names the measure of the rows below it.

    A yearbook prints a measure's total on the row that names it (``学校数 (所) Number of
    Schools (unit) 1764 1771``), its parts on the rows below (``普通高等学校 … 82 83``): the
    row names a measure and the next row with cells names none (an entity, not a measure of
    its own: a table of measure rows is an indicator table).
    """
    found = _measure_of(_UNIT_IN_ROW.sub("", rows[k].name.text))
    if found is None:
        return None
    nxt = next((r for r in rows[k + 1 :] if r.values), None)
    if nxt is None or _measure_of(nxt.name.text) is not None:
        return None
    entity = _entity(nxt.name.text)[0]
    if not entity or _names_measure(entity) or _BRACKET_UNIT.match(entity):
        return None
    return found


def _total_of(entity: str, unit_word: str | None) -> str | None:
    """Return the measure a total row names for the rows below (各类学校数合计 (所): 学校数).

    The row's own unit must be the count of that measure (所 for 学校数, 人 for 在校学生数).
    """
    found = unit_of_word(unit_word) if unit_word else None
    if found is None or not any(w in entity for w in words().table.stat_total_words):
        return None
    measures = words().table.stat_measures
    inside = [k for k in measures if k in entity and k != entity and measures[k] == found[0]]
    return max(inside, key=len) if inside else None


def _table_year(doc: Doc, table: _Table, captions: list[_Cell]) -> tuple[int | None, str]:
    """Return the year of a measure-column table: its caption's, else the page title's."""
    for cap in captions:
        years = {int(y) for y in _CAPTION_YEAR.findall(cap.text)}
        if len(years) == 1:
            return years.pop(), f"the table's caption {cap.text!r} dates its cells"
    # the page's title: its first line that is no site menu word (微博, 手机版, 登录注册)
    first = next(
        (ln for ln in doc.lines if not doc.is_chrome(ln.start) and len(ln.text) >= 8), None
    )
    if first is not None and first.end <= table.start and _kind(first.text) != "prose":
        years = {int(y) for y in _CAPTION_YEAR.findall(first.text)}
        if len(years) == 1:
            return years.pop(), f"the page's title {first.text!r} dates the table's cells"
    return _crumb_year(doc, table.start)


def _crumb_year(doc: Doc, start: int) -> tuple[int | None, str]:
    """Return the year a page's breadcrumb above ``start`` files the page under, and why.

    The ministry files its statistics tables by the year they count (``首页 > 数 据 > 教育统计数据
    > 2020 > 各地基本情况 > 正文``, published 2021-08-25): a step that is one year dates them.
    """
    page = words().page
    crumb = re.compile(
        rf"(?:{alternation(page.breadcrumb_home)})\s*>|(?:{alternation(page.breadcrumb_label)})\s*:"
    )
    for line in doc.lines:
        if line.end > start:
            break
        if crumb.search(line.text) is None:
            continue
        steps = [_squeeze(s) for s in line.text.split(">")[1:]]
        years = {int(y.group("year")) for s in steps if (y := _YEAR_CELL.match(s)) is not None}
        if len(years) == 1:
            year = years.pop()
            return year, f"the page's breadcrumb {line.text!r} files the table under {year}"
    return None, ""


def _pick_unit(
    measure: str, unit_word: str | None, listed: list[tuple[str, str, float]]
) -> tuple[str, float, str] | None:
    """Return the unit of a measure's cells: (unit, scale, why chosen, "" when written)."""
    if unit_word is not None:
        found = unit_of_word(unit_word)
        count = words().table.stat_measures.get(measure) if measure else None
        if (
            found is not None
            and unit_word.strip() in words().classifiers
            and count is not None
            and found[1] == 1
        ):  # 机构数(个): 个 counts things in general, 机构数 counts schools
            why = f"{unit_word!r} is a classifier of any count; {measure!r} counts {count}"
            return count, 1.0, why if count != found[0] else ""
        if found is not None:
            return found[0], found[1], ""
        if unit_word in ("%", "‰"):
            return ("percent" if unit_word == "%" else "permille"), 1.0, ""
    count = words().table.stat_measures.get(measure) if measure else None
    if len(listed) == 1 and (count is None or listed[0][1] == count):
        return listed[0][1], listed[0][2], ""
    if count is not None:
        fits = [u for u in listed if u[1] == count]
        if len(fits) == 1:
            return count, fits[0][2], f"the unit line lists {fits[0][0]!r} for counts of {count}"
        if not listed:
            return count, 1.0, f"no unit is written; {measure!r} counts {count}"
    return None


def _read(
    doc: Doc,
    table: _Table,
    period: tuple[int, int],
    notes: list[_Note],
    undated: bool = False,
) -> list[DIndicator] | None:
    """Read a table's cells into indicators; None when the table is no statistics table."""
    captions = _caption_lines(doc, table.start)
    caption = next(
        (c.text for c in captions if not (_UNIT_LINE.match(c.text) or _DATELINE.match(c.text))), ""
    )  # not the page's 来源:教育部, 发布日期:2021-08-25 above the table
    listed: list[tuple[str, str, float]] = []
    measure, measure_unit = "", None
    for cap in captions:
        u = _UNIT_LINE.match(cap.text) or _UNIT_IN_ROW.search(cap.text)
        if u is not None and not listed:
            listed = _units(u.group("units"))
    by_column = table.cols[0].kind != "year"
    if not by_column and captions:
        bare = _UNIT_IN_ROW.sub("", captions[0].text)
        found = _measure_of(bare)
        if found is not None:  # 一、学校数 计量单位:所 above 指 标 | 2014年 | 2013年
            measure, measure_unit = found
            u = _UNIT_IN_ROW.search(captions[0].text)
            if u is not None:
                listed = _units(u.group("units"))
    if not by_column and table.head is not None:
        found = _head_measure(table.head.text)
        if found is not None:  # 指标(在校学生数/万人) | 2022年 | 2021年
            measure, measure_unit = found
    year, year_why = (None, "")
    if by_column and table.year is not None:
        year, year_why = table.year, table.year_why
    elif by_column:
        year, year_why = _table_year(doc, table, captions)
    target = _TARGET_WORDS.search(caption) is not None or bool(table.plan_head)
    kind = "target" if target and year is not None and year >= period[0] else "baseline"
    out: list[DIndicator] = []
    used_measure = bool(measure) or by_column
    stage = ""  # the last section row that names no measure (研究生教育 over 招生数 | 万人 | …)
    pending: list[_Note] = []
    for k, row in enumerate(table.rows):
        if _UNIT_LINE.match(row.name.text):
            listed = _units(_UNIT_LINE.match(row.name.text).group("units"))  # type: ignore[union-attr]
            continue
        if not row.values or all(not v.text for v in row.values):
            u = _UNIT_IN_ROW.search(row.name.text)
            found = _measure_of(_UNIT_IN_ROW.sub("", row.name.text))
            if found is not None and not by_column:
                measure, measure_unit = found
                used_measure = True
                if u is not None:
                    listed = _units(u.group("units"))
            elif found is None:
                stage = _entity(row.name.text)[0]
            continue
        entity, own_unit = _entity(row.name.text)
        own_unit = own_unit or row.unit_word
        heads = _heads_block(table.rows, k) if not by_column else None
        if heads is not None:  # 学校数 (所) … 1764 1771 over 普通高等学校 … 82 83: their total
            measure, measure_unit = heads
            used_measure, stage = True, ""
            named = entity
            entity, own_unit = words().table.stat_total_words[0], None
        for col, cell in zip(table.cols, row.values, strict=False):
            if col.kind == "unit" and cell.text and own_unit is None:
                own_unit = cell.text  # the row's 单位 cell
        row_year = _YEAR_CELL.match(entity) if by_column else None  # 年份 | 招生数 | …: 2017年
        numbers = [v for v in row.values if _kind(v.text) in ("value", "bracket")]
        if row.unsure:
            why = f"a cell of a statistics table that is not read: {row.unsure}"
            pending += [(v.start, v.end, "not_understood", why) for v in numbers]
            continue
        if not entity and row.total:
            entity = words().table.stat_total_words[0]  # the area's total: 合计
        if not entity:
            why = "a cell of a statistics table whose row has no name"
            pending += [(v.start, v.end, "not_understood", why) for v in numbers]
            continue
        if _PART.match(_NUMBERING.sub("", row.name.text.strip())) and (
            entity in words().table.stat_part_qualifiers
        ):  # 其中:市属 under 研究生教育
            why = (
                f"a part of the row above by sex or affiliation ({row.name.text!r}), not a level "
                "of its own"
            )
            pending += [(v.start, v.end, "not_understood", why) for v in numbers]
            continue
        if row.cut is not None:
            why = "the last cell of a table row the text ends in: it may be cut"
            pending.append((row.cut.start, row.cut.end, "not_understood", why))
        groups: dict[tuple[str, str], DIndicator] = {}
        for col, cell in zip(table.cols, row.values, strict=False):
            ck = _kind(cell.text)
            if ck in ("empty", "placeholder"):
                continue
            if col.kind == "unit":
                continue
            if col.kind == "unread" and ck in ("value", "bracket"):
                pending.append((cell.start, cell.end, "not_understood", col.why))
                continue
            if col.kind == "growth" and ck in ("value", "bracket"):
                why = "a change on the year before (a statistics table's growth column), no level"
                pending.append((cell.start, cell.end, "relative", why))
                continue
            if ck == "bracket":
                why = (
                    f"a bracketed count {cell.text!r} in a statistics table: not added to the "
                    "table's totals (不计校数), not a level of the row"
                )
                pending.append((cell.start, cell.end, "not_understood", why))
                continue
            if ck != "value":
                continue
            the_measure = col.measure if col.kind == "measure" else measure
            unit_word = col.unit_word if col.kind == "measure" else measure_unit
            the_year = col.year if col.kind == "year" else year
            if row_year is not None:
                the_year = int(row_year.group("year"))
            unknown = the_year is None and undated
            if unknown:  # the page gives no year at all: the period's placeholder, flagged
                the_year = period[0]
            if the_year is None:
                why = "a cell of a statistics table whose year neither header nor caption gives"
                pending.append((cell.start, cell.end, "not_understood", why))
                continue
            own = own_unit is not None or _names_measure(entity)
            if col.kind == "region":  # 吴兴区 over the row 园数: 吴兴区园数
                subject, name = col.sub, entity
                picked = _pick_unit("", own_unit, listed) if own_unit else None
                if picked is None and own_unit is None:
                    picked = _pick_unit(entity, None, listed)
                if picked is None and own_unit is None and not listed:
                    noun = unit_from_noun(entity)
                    if noun is not None:
                        picked = (noun, 1.0, f"no unit is written; {entity!r} counts {noun}")
            elif row_year is not None and the_measure:
                subject, name = "", the_measure
                picked = _pick_unit(the_measure, unit_word, listed)
            elif own or not the_measure:
                subject, name = "", entity
                if stage and col.kind == "amount" and entity in words().table.stat_measures:
                    subject = stage  # 招生数 under the section row 研究生教育
                picked = _pick_unit("", own_unit, listed) if own_unit else None
                if picked is None and own_unit is None:
                    picked = _pick_unit(entity, None, listed)
                if picked is None and own_unit is None and len(listed) == 1:
                    picked = (listed[0][1], listed[0][2], "")
                if picked is None and own_unit is None:
                    noun = unit_from_noun(entity)
                    if noun is not None and not listed:
                        picked = (noun, 1.0, f"no unit is written; {entity!r} counts {noun}")
            else:
                subject, name = entity, col.sub + the_measure
                picked = _pick_unit(the_measure, unit_word, listed)
            if picked is None:
                why = (
                    f"a cell of a statistics table whose unit is not written for {subject + name!r}"
                )
                pending.append((cell.start, cell.end, "not_understood", why))
                continue
            unit, scale, unit_why = picked
            try:
                cmp_, mag, upper, vunit = _parse_cell(cell.text, unit)
            except ValueTextError as exc:
                pending.append(
                    (cell.start, cell.end, "rejected", f"table cell {cell.text!r}: {exc}")
                )
                continue
            if vunit and vunit != unit:
                why = f"table cell {cell.text!r} is in {vunit}, the column in {unit}"
                pending.append((cell.start, cell.end, "rejected", why))
                continue
            if _OWN_UNIT.match(cell.text) is None:  # 2499人 under 万人: the cell's own unit
                mag, upper = _column_scale(cell.text, mag, upper, scale)
            flags: dict[str, str] = {}
            if subject and col.kind == "amount":
                flags["elided_subject"] = (
                    f"the row {entity!r} of a statistics table under the section row {stage!r}"
                )
            elif subject and col.kind == "region":
                flags["elided_subject"] = (
                    f"the row {entity!r} of a statistics table under the region column "
                    f"{subject!r}: {subject + name!r}"
                )
            elif subject:
                where = "column" if col.kind == "measure" else "section row"
                flags["elided_subject"] = (
                    f"the row {entity!r} of a statistics table under the {where} "
                    f"{the_measure!r}: {subject + name!r}"
                )
            if heads is not None:
                flags["elided_subject"] = (
                    f"the row {named!r} of a statistics table names the measure of the rows "
                    f"below it and holds their total: read as {entity + name!r}"
                )
            if row.total:
                flags["elided_subject"] = (
                    "the unnamed first row under the header of a statistics table: the total "
                    f"of the table's area, read as {entity!r}"
                )
            if col.kind in ("measure", "amount") and year_why and row_year is None:
                flags["year_implied"] = year_why
            if unit_why:
                flags["unit_from_context"] = unit_why
            if unknown:
                flags["year_implied"] = (
                    "neither the table's header, its caption nor the page states a year or a "
                    f"date: the year is unknown, {the_year} is only the placeholder of a period "
                    "not found (give period= to parse_plan, or set it in review)"
                )
                flags["year_unknown"] = "no year, date or period on the page (see year_implied)"
            value = DValue(
                kind=kind,
                year=the_year,
                comparator=cmp_,
                magnitude=mag,
                upper=upper,
                text=doc.text[cell.start : cell.end],
                text_start=cell.start,
                start=row.name.start,
                end=cell.end,
                flags=flags,
            )
            key = (subject + name, unit)
            if key not in groups:
                groups[key] = DIndicator(
                    name=name,
                    unit=unit,
                    section=caption or doc.section_at(table.start),
                    origin="table",
                    values=[],
                    subject=subject,
                )
                out.append(groups[key])
            groups[key].values.append(value)
        total = _total_of(entity, own_unit) if not by_column else None
        if total is not None:  # 各类学校数合计 (所): the rows below count 学校数 too
            measure, measure_unit = total, own_unit
            used_measure = True
    if not used_measure:
        return None  # a table of years whose rows name their own measures: an indicator table
    notes += pending
    for cell in table.numbering:
        notes.append(
            (cell.start, cell.end, "numbering", "a column number or region code of a table")
        )
    for cell in table.header_cells:  # the header's years are no values
        if _kind(cell.text) == "value":
            notes.append((cell.start, cell.end, "year", "a column header of a statistics table"))
    return out


def read_stats(
    doc: Doc, period: tuple[int, int], notes: list[_Note] | None = None, *, undated: bool = False
) -> list[DIndicator]:
    """Read the statistics tables of a document and block their regions for the other readers.

    Parameters
    ----------
    doc
        The document.
    period
        The plan period (a table whose caption names a plan's 目标 gives targets from its first
        year on).
    notes
        Receives ``(start, end, reason, why)`` for each number of such a table that is not read.
    undated
        The page states no year, no date and no period: a cell whose year the table does not
        give is read in the period's placeholder year, flagged ``year_unknown`` (else reported).

    Returns
    -------
    list of DIndicator
        One per row and measure, values in year order.

    """
    notes = notes if notes is not None else []
    out: list[DIndicator] = []

    def take(tables: Iterator[_Table]) -> None:
        for table in tables:
            if doc.is_blocked(table.start):
                continue
            found = _read(doc, table, period, notes, undated)
            if found is None:
                continue
            start = doc.work.rfind("\n", 0, table.start) + 1  # the header's line
            doc.blocked.append((start, max(table.end, table.start + 1)))
            out.extend(found)

    if doc.work.count("|") >= 6:
        take(_stream_tables(doc, _pieces(doc), explicit_head=False))
    take(_line_tables(doc))
    take(_region_tables(doc))
    take(_stacked_tables(doc))
    lines = [_Cell(ln.text, ln.start, ln.end) for ln in doc.lines if "|" not in ln.text]
    take(_stream_tables(doc, lines, explicit_head=True))
    take(_stream_tables(doc, _blocks(doc), explicit_head=True))
    take(_numbered_tables(doc))
    return out
