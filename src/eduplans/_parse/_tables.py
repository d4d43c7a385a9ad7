"""Indicator tables in the layouts real plans use.

A table is found by its header: a name column (指标, 主要指标, 指标名称 …) and at least one year
column (2020年, 2025, 基期, 目标 …), with optional 序号, 单位 and 属性 columns. Its body is then
read in one of two ways:

* **row per line**: the header's cells stand on one line, separated by ``|`` or spaces; every
  following line is a row (``毛入园率 % 90 95 预期性``, ``| 学前教育毛入园率(%) | 90 | 95 |``);
* **cell stream**: every cell stands on its own line (blank lines or ``|`` lines between cells);
  rows are found from their name cells, so rows with a missing cell, section rows (基础教育,
  一、发展水平) and 其中 rows (one indicator with sub-labels 小学 / 初中, each year's cell holding
  one value per sub-label) are read as well.

In every layout (and in the grids of :mod:`._grid`), a row whose cells hold several
indicators, one per line (``学前教育 / 幼儿在园人数 / 学前三年毛入园率`` over ``万人 / %`` and
``24.0 / 60``), is read as one row per indicator, matched by position (:func:`_unstack`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from .._errors import ValueTextError
from .._units import parse_value
from .._vocab import Comparator
from .._words import alternation, chars, pattern, words
from ._doc import Doc, Line
from ._draft import DIndicator, DValue, named_unit, names_of, unit_from_noun, unit_of_word

__all__ = ["read_tables"]

_NAME_HEADER = pattern(
    lambda w: (
        rf"^(?:{alternation(w.table.name_header_lead)})?"
        rf"(?:{alternation(w.table.name_header)})$"
    )
)
_YEAR_HEADER = pattern(
    lambda w: (
        rf"^(?:(?P<year>(?:19|20)\d{{2}})\s*{re.escape(w.dates.year)}?"
        rf"(?:{alternation(w.prose.year_end)})?"
        rf"\s*(?:\((?P<tag1>[^()]{{1,6}})\))?(?P<tag2>{alternation(w.table.year_header_tags)})?"
        rf"|(?P<label>{alternation(w.table.year_header_labels)}))$"
    )
)
_FYP_END = pattern(
    lambda w: (
        rf"({alternation(p.key for p in w.periods)})"
        rf"(?:{alternation(w.table.period_end_header)})(?:{alternation(w.table.period_end_value)})?"
    )
)
_BINDING_HEADER = pattern(
    lambda w: (
        rf"^(?:{alternation(w.table.binding_header_lead)})?(?:{alternation(w.table.binding_header)})$"
        rf"|^(?:{alternation(w.table.binding_header_other)})$"
    )
)
_UNIT_HEADER = pattern(lambda w: rf"^(?:{alternation(w.table.stat_unit_lead)})$")
_NO_HEADER = pattern(lambda w: rf"^(?:{alternation(w.table.no_header)})$")
_OTHER_HEADER = pattern(lambda w: rf"^(?:{alternation(w.table.other_header)})$")
_ACHIEVED_HEADER = pattern(
    lambda w: rf"^(?:{alternation(w.table.achieved_header)})(?:\((?:%|‰)\))?$"
)
#: “十二五”规划目标: the column of that five-year plan's targets, for the period's last year.
_PERIOD_TARGET = pattern(
    lambda w: (
        rf"^({alternation(p.key for p in w.periods)})"
        rf"(?:{alternation(w.table.period_target_header)})$"
    )
)
_BIND = pattern(
    lambda w: rf"^({alternation(w.table.binding)})(?:{alternation(w.table.binding_suffix)})?$"
)
_PLACEHOLDER = pattern(lambda w: rf"^(?:[-—–/\\_~]+|{alternation(w.table.placeholder)}|—|/)$")
_VALUE = pattern(lambda w: rf"^(?:{alternation(w.table.value_lead)})?\s*\d")
_ROW_NO = pattern(lambda w: rf"[\d{chars(w.heading.list_numerals)}]{{0,3}}")
#: The number that opens a section row's name (一、学前教育, (2)义务教育), in the numerals of a
#: list's number ([heading] list_numerals).
_SECTION_NUMBER = pattern(
    lambda w: rf"^[{chars(w.heading.list_numerals)}]+、|^\(?[{chars(w.heading.list_numerals)}\d]+\)"
)
_NUMBERED_NAME = re.compile(r"^\d{1,2}\s*[.、．]\s*(?!\d)\S")
_QUAL = pattern(lambda w: rf"^(?:{alternation(w.table.qualitative_lead)})[\u4e00-\u9fff]{{0,8}}$")
_MULTI_SPLIT = re.compile(r"\s*(?:/|、|;|\n|\s{1,})\s*")
_PROSE = re.compile(r"。|[,;][^,;]{20,}")
# what an indicator measures: a short name with one is an indicator, not a 其中 sub-label
_INLINE_SUB = pattern(lambda w: rf"\s*(?:{alternation(w.table.sub_lead)})\s*[::]\s*")
#: The word that opens a 其中 row or line (其中:小学/初中), and what follows it up to its labels.
_SUB_LEAD = pattern(lambda w: rf"^(?:{alternation(w.table.sub_lead)})\s*[::]?\s*")
#: A 其中 line in a name cell, after the row's own name (名称(%) / 其中:小学/初中).
_SUB_LINE = pattern(lambda w: rf"\n[ \t\u3000\xa0]*(?=(?:{alternation(w.table.sub_lead)}))")
_MEASURE_WORD = pattern(lambda w: alternation(w.table.measure_words))


@dataclass
class _Cell:
    text: str
    start: int
    end: int
    kind: str = ""


@dataclass
class _Column:
    role: str  # no | name | year | unit | binding | other
    year: int | None = None
    #: base | target | plan (a five-year plan's target column) | achieved (实现度) | ""
    tag: str = ""


@dataclass
class _Row:
    name: _Cell
    section: str
    cells: list[_Cell] = field(default_factory=list)
    subs: list[_Cell] = field(default_factory=list)
    sub_open: bool = False
    unit_hint: str | None = None  # a 其中 row's unit: its parent row's unit cell
    inline_sub: bool = False  # the name cell holds the row's name and its 其中 indicator

    def filled(self) -> list[_Cell]:
        return [c for c in self.cells if c.kind not in ("empty",)]


def _classify(text: str, has_unit_col: bool) -> str:
    t = text.strip()
    if not t:
        return "empty"
    if "\n" in t:
        # a cell of several lines, one value (or unit, 属性) per line: 24.0 / 60, 万人 / %, —— / 93%
        kinds = {_classify(line, has_unit_col) for line in t.split("\n") if line.strip()}
        if len(kinds) == 1 and kinds <= {"unit", "binding", "placeholder", "value"}:
            return kinds.pop()
        if kinds == {"value", "placeholder"}:
            return "value"
    elif " " in t:
        # a grid's cell of two paragraphs, joined by a space: 万人 %, 约束性 预期性, —— 93%
        kinds = {_classify(part, has_unit_col) for part in t.split()}
        if len(kinds) == 1 and kinds <= {"unit", "binding"}:
            return kinds.pop()
        if kinds == {"value", "placeholder"}:
            return "value"
    if _PLACEHOLDER.match(t):
        return "placeholder"
    if _BIND.match(t):
        return "binding"
    if t.startswith(words().table.sub_lead):
        return "sub"
    if len(t) > 60 or _PROSE.search(t):
        return "prose"
    if _NUMBERED_NAME.match(t):
        return "name"  # 1.学前三年毛入园率(%): a row number before the name, not a value
    if _VALUE.match(t) or _QUAL.match(t):
        return "value"
    if has_unit_col and unit_of_word(t) is not None:
        return "unit"
    if re.fullmatch(r"%|‰", t):
        return "unit"
    return "name"


def _header_role(text: str) -> _Column | None:
    t = re.sub(r"\s+", "", text)
    if re.fullmatch(r"\([^()]+\)", t):
        t = t[1:-1]  # (2020年) under “十三五”末, (基期)
    if _NAME_HEADER.match(t):
        return _Column("name")
    unquoted = re.sub(r"[“”\"'「」]", "", t)
    fyp = _FYP_END.fullmatch(unquoted)
    if fyp:  # “十三五”末: the last year of that five-year plan
        last = next(p.last for p in words().periods if p.key == fyp.group(1))
        return _Column("year", last, "")
    goal = _PERIOD_TARGET.fullmatch(unquoted)
    if goal:  # “十二五”规划目标: that plan's targets, a target even when the period is past
        last = next(p.last for p in words().periods if p.key == goal.group(1))
        return _Column("year", last, "plan")
    m = _YEAR_HEADER.match(t)
    if m:
        tag_text = (m.group("tag1") or "") + (m.group("tag2") or "") + (m.group("label") or "")
        tag = ""
        if any(word in tag_text for word in words().table.base_tags):
            tag = "base"
        elif any(word in tag_text for word in words().table.target_tags):
            tag = "target"
        year = int(m.group("year")) if m.group("year") else None
        return _Column("year", year, tag)
    if _BINDING_HEADER.match(t):
        return _Column("binding")
    if _UNIT_HEADER.match(t):
        return _Column("unit")
    if _NO_HEADER.match(t):
        return _Column("no")
    if _OTHER_HEADER.match(t):
        return _Column("other")
    if _ACHIEVED_HEADER.match(t):
        return _Column("other", None, "achieved")
    return None


def _sep_of(doc: Doc, start: int, end: int) -> str:
    """Return the cell separator of a line: ``|``, a tab (in the original text), or spaces."""
    if "|" in doc.work[start:end].strip("|"):
        return "|"
    if "\t" in doc.text[start:end].strip("\t"):
        return "\t"
    return " "


def _split_line(doc: Doc, start: int, end: int, sep: str) -> list[_Cell]:
    """Cells of one row line, split on ``|``, tabs or spaces; comparator tokens join the next.

    With ``|`` and tabs, empty cells are kept: their position says which column is missing.
    """
    work = doc.work
    cells: list[_Cell] = []
    if sep == "\t":
        pos = start
        for piece in doc.text[start:end].split("\t"):
            lead = len(piece) - len(piece.lstrip())
            s = pos + lead
            text = work[s : pos + len(piece)].strip()
            cells.append(_Cell(text, s, s + len(text)))
            pos += len(piece) + 1
        return cells
    if sep == "|":
        body_start, body_end = start, end
        seg = work[start:end]
        if seg.startswith("|"):
            body_start += 1
        if seg.endswith("|") and body_end - 1 >= body_start:
            body_end -= 1
        pos = body_start
        for piece in work[body_start:body_end].split("|"):
            lead = len(piece) - len(piece.lstrip())
            s = pos + lead
            cells.append(_Cell(piece.strip(), s, s + len(piece.strip())))
            pos += len(piece) + 1
        return cells
    for m in re.finditer(r"\S+", work[start:end]):
        cells.append(_Cell(m.group(0), start + m.start(), start + m.end()))
    joined: list[_Cell] = []
    i = 0
    while i < len(cells):
        c = cells[i]
        if c.text in words().table.lone_comparator and i + 1 < len(cells):
            n = cells[i + 1]
            joined.append(_Cell(work[c.start : n.end], c.start, n.end))
            i += 2
            continue
        joined.append(c)
        i += 1
    return joined


def _split_subs(cell: _Cell) -> list[_Cell]:
    """Split a name and its 其中 line standing in one block (名称(%) / 其中:小学/初中) in two."""
    m = _SUB_LINE.search(cell.text)
    if m is None:
        return [cell]
    name = cell.text[: m.start()].rstrip()
    sub = cell.text[m.end() :]
    return [
        _Cell(name, cell.start, cell.start + len(name)),
        _Cell(sub, cell.start + m.end(), cell.end),
    ]


_BLANK_RUN = re.compile(r"\n[ \t\u3000\xa0]*\n(?:[ \t\u3000\xa0]*\n)*")


def _pieces(work: str, start: int, limit: int, sep: re.Pattern[str]) -> Iterator[tuple[int, str]]:
    """``work[start:limit]`` split on ``sep``, lazily: (offset, piece) pairs."""
    pos = start
    for m in sep.finditer(work, start, limit):
        yield pos, work[pos : m.start()]
        pos = m.end()
    yield pos, work[pos:limit]


def _cell(pos: int, piece: str) -> _Cell:
    stripped = piece.strip()
    lead = len(piece) - len(piece.lstrip())
    return _Cell(stripped, pos + lead, pos + lead + len(stripped))


def _stream_cells(
    doc: Doc, start: int, limit: int, header_start: int
) -> tuple[Iterator[_Cell], str]:
    """Cells of a cell-per-line table from ``start``: pipe pieces, blank-line blocks or lines.

    The cells are made as the reader asks for them: a table ends long before ``limit``, and
    the text after it is not split once per header.
    """
    work = doc.work
    head = work[start : min(limit, start + 400)]
    header = work[header_start:start]
    if re.search(r"(?m)^\s*\|+\s*$", head) or len(re.findall(r"(?m)\S[ \t]*\|[ \t]*$", head)) >= 3:
        # ``|`` lines between the cells, or every cell ending in `` |``
        return (_cell(p, x) for p, x in _pieces(work, start, limit, _PIPE)), "pipe"
    if len(re.findall(r"\n[ \t\u3000\xa0]*\n", header)) >= 2:

        def blocks() -> Iterator[_Cell]:
            for p, block in _pieces(work, start, limit, _BLANK_RUN):
                if block.strip():
                    yield from _split_subs(_cell(p, block))

        return blocks(), "block"
    return (_cell(p, x) for p, x in _pieces(work, start, limit, _NEWLINE) if x.strip()), "line"


_PIPE = re.compile(r"\|")
_NEWLINE = re.compile(r"\n")


def _find_headers(doc: Doc) -> list[tuple[int, list[_Column], str, int, int]]:
    """Header candidates: (header start, columns, mode, body start, line index)."""
    found: list[tuple[int, list[_Column], str, int, int]] = []
    lines = doc.lines
    i = 0
    while i < len(lines):
        line = lines[i]
        if doc.is_chrome(line.start):
            i += 1
            continue
        text = line.text
        sep = _sep_of(doc, line.start, line.end)
        tokens = _split_line(doc, line.start, line.end, sep)
        roles = [_header_role(c.text) for c in tokens if c.text]
        if len(roles) >= 3 and all(roles) and any(r.role == "name" for r in roles if r):
            cols = [r for r in roles if r is not None]
            if any(c.role == "year" for c in cols):
                below = _second_header(doc, i + 1, cols)
                if below is not None:  # 指标 2020年 2025年 over 基期 目标: one header
                    found.append((line.start, below, "row" + sep, lines[i + 1].end, i + 1))
                    i += 2
                    continue
                found.append((line.start, cols, "row" + sep, line.end, i))
                i += 1
                continue
        bare = text.strip("| ")
        if _NAME_HEADER.match(re.sub(r"\s+", "", bare)) and len(bare) <= 12:
            cols: list[_Column] = []  # type: ignore[no-redef]
            header_start = line.start
            if i > 0 and _NO_HEADER.match(lines[i - 1].text.strip("| ")):
                cols.append(_Column("no"))
                header_start = lines[i - 1].start
            cols.append(_Column("name"))
            j = i + 1
            body = line.end
            pending_zhibiao = False
            while j < len(lines) and j < i + 16:
                t = re.sub(r"\s+", "", lines[j].text.strip("|"))
                if not t:
                    j += 1
                    continue
                if pending_zhibiao and t in words().table.binding_header:
                    cols.append(_Column("binding"))
                    pending_zhibiao = False
                    body = lines[j].end
                    j += 1
                    continue
                if t in words().table.binding_header_lead:
                    pending_zhibiao = True
                    body = lines[j].end
                    j += 1
                    continue
                row_roles = [_header_role(tok) for tok in lines[j].text.split()]
                if len(row_roles) >= 2 and all(row_roles) and not pending_zhibiao:
                    # "指 标" / "单位 2015年 2020年": the other columns on one line, rows below
                    cols += [r for r in row_roles if r is not None]
                    if any(c.role == "year" for c in cols):
                        below = _second_header(doc, j + 1, cols)
                        if below is not None:
                            cols, j = below, j + 1
                        found.append((header_start, cols, "row ", lines[j].end, j))
                    break
                role = _header_role(t)
                if (role is None or (role.role == "year" and not role.tag)) and j + 1 < len(lines):
                    # a header cell written over two lines (“十二五” / 规划目标, 2015年 / 实际)
                    nxt = re.sub(r"\s+", "", lines[j + 1].text.strip("|"))
                    alone = _header_role(nxt) if nxt and role is not None else None
                    both = _header_role(t + nxt) if nxt and alone is None else None
                    if both is not None and both.role == "year" and (role is None or both.tag):
                        role = both
                        j += 1
                if role is None or role.role == "name":
                    break
                cols.append(role)
                body = lines[j].end
                j += 1
            if pending_zhibiao:
                cols.append(_Column("binding"))
            if found and found[-1][0] == header_start:
                i = j + 1
                continue
            if any(c.role == "year" for c in cols):
                found.append((header_start, _paired_years(cols), "stream", body, j))
                i = j
                continue
        i += 1
    return found


def _paired_years(cols: list[_Column]) -> list[_Column]:
    """Merge the cells of a header over two rows that a cell stream lists one after the other.

    ``指 标 / 基期 / 目标 / 属性 / 2020年 / 2025年``: the first row's cells, then the second's. When
    the year columns are labels without a year (基期, 目标), or the same years (“十三五”末 over
    (2020年)), followed, after the other columns, by as many years, each label takes its year
    and the years are not columns of their own.
    """
    years = [k for k, c in enumerate(cols) if c.role == "year"]
    half = len(years) // 2
    if half == 0 or len(years) % 2:
        return cols
    labels, dated = years[:half], years[half:]
    if not (
        all(
            (cols[k].year is None and cols[k].tag) or cols[k].year == cols[d].year
            for k, d in zip(labels, dated, strict=True)
        )
        and all(cols[k].year is not None for k in dated)
        and labels[-1] < dated[0]
        and all(c.role == "year" for c in cols[dated[0] :])
    ):
        return cols
    out = list(cols[: dated[0]])
    for k, d in zip(labels, dated, strict=True):
        out[k] = _Column("year", cols[d].year, cols[k].tag or cols[d].tag)
    return out


def _second_header(doc: Doc, n: int, cols: list[_Column]) -> list[_Column] | None:
    """Return the columns of a header that goes on on line ``n``, else None.

    The second line holds one year cell per year column (基期 / 目标 under 2020年 / 2025年, or
    the years under 基期值 / 目标值): each column takes the year of one line and the tag of
    either.
    """
    if n >= len(doc.lines):
        return None
    line = doc.lines[n]
    cells = [
        c
        for c in _split_line(doc, line.start, line.end, _sep_of(doc, line.start, line.end))
        if c.text
    ]
    roles = [_header_role(c.text) for c in cells]
    years = [k for k, c in enumerate(cols) if c.role == "year"]
    if (
        not roles
        or len(roles) != len(years)
        or not all(r is not None and r.role == "year" for r in roles)
    ):
        return None
    out = list(cols)
    for k, role in zip(years, roles, strict=True):
        assert role is not None
        up = cols[k]
        out[k] = _Column(
            "year", role.year if role.year is not None else up.year, role.tag or up.tag
        )
    return out


def _caption(doc: Doc, header_start: int) -> str:
    before: list[Line] = []  # the last two lines with words before the header, last first
    k = bisect.bisect_right(doc.line_starts, header_start) - 1
    while k >= 0 and len(before) < 2:
        ln = doc.lines[k]
        if ln.end <= header_start and ln.text.strip("| "):
            before.append(ln)
        k -= 1
    for ln in before:
        t = ln.text.strip("| ")
        if 4 <= len(t) <= 60 and "。" not in t:
            return doc.text[ln.start : ln.end].strip("| ").strip()
    return doc.section_at(header_start)


def _rows_stream(
    cells: Iterable[_Cell], cols: list[_Column], has_unit: bool, caption: str
) -> tuple[list[_Row], int]:
    has_no = any(c.role == "no" for c in cols)
    rows: list[_Row] = []
    cur: _Row | None = None
    section = ""
    names_in_a_row = 0
    end = -1
    for cell in cells:
        if end < 0:
            end = cell.start
        cell.kind = _classify(cell.text, has_unit)
        if cell.kind == "prose" or _NAME_HEADER.match(re.sub(r"\s+", "", cell.text)):
            break  # prose, or the header of the next table
        if cell.kind == "name":
            if cur is not None and cur.sub_open and not cur.filled() and len(cell.text) <= 6:
                cur.subs.append(cell)
                continue
            names_in_a_row += 1
            if names_in_a_row >= 3:
                break
            if cur is not None:
                if has_no and cur.cells:
                    last = cur.filled()[-1] if cur.filled() else None
                    if last is not None and re.fullmatch(r"\d{1,3}", last.text):
                        cur.cells.remove(last)
                if cur.filled():
                    rows.append(cur)
                    end = max(end, cur.filled()[-1].end)
                else:
                    section = _SECTION_NUMBER.sub("", cur.name.text).strip()
            cur = _Row(cell, section)
            continue
        if cur is None:
            continue
        if cell.kind == "sub":
            labels = _SUB_LEAD.sub("", cell.text)
            cur.sub_open = True
            if labels:
                cur.subs.append(_Cell(labels, cell.end - len(labels), cell.end))
            continue
        if cell.kind != "empty":
            names_in_a_row = 0
        cur.cells.append(cell)
    if cur is not None and cur.filled():
        rows.append(cur)
        end = max(end, cur.filled()[-1].end)
    return rows, max(end, 0)


def _rows_lines(
    doc: Doc, first_line: int, cols: list[_Column], sep: str, has_unit: bool
) -> tuple[list[_Row], int]:
    rows: list[_Row] = []
    section = ""
    end = doc.lines[first_line - 1].end if first_line else 0
    parent: _Row | None = None
    singles = 0
    for n in range(first_line, len(doc.lines)):
        line = doc.lines[n]
        text = line.text
        if re.fullmatch(r"[|:\-\s]+", text):
            continue
        cells = _split_line(doc, line.start, line.end, sep)
        own_sep = _sep_of(doc, line.start, line.end)
        own = cells if own_sep == sep else _split_line(doc, line.start, line.end, own_sep)
        roles = [_header_role(c.text) for c in own if c.text]
        if roles and sum(r is not None for r in roles) >= 3:
            break  # the header of the next table
        if sep == " ":
            cells = [c for c in cells if c.text != "|"]
        if cols and cols[0].role == "no" and len(cells) > 1 and _ROW_NO.fullmatch(cells[0].text):
            cells = cells[1:]  # the 序号 cell ("1", "一", or empty): neither a name nor a value
        for c in cells:
            c.kind = _classify(c.text, has_unit)
        filled = [c for c in cells if c.kind != "empty"]
        if not filled:
            continue
        if any(c.kind == "prose" for c in filled):
            break
        names = [c for c in filled if c.kind in ("name", "sub")]
        values = [c for c in filled if c.kind not in ("name", "sub")]
        if not values:
            singles += 1
            if singles >= 3:
                break
            if len(names) == 1 and names[0].kind == "sub" and parent is not None:
                continue
            section = _SECTION_NUMBER.sub("", names[0].text).strip()
            parent = _Row(names[0], section)
            continue
        singles = 0
        first_value = cells.index(values[0])
        name_cells = [c for c in cells[:first_value] if c.kind in ("name", "sub")]
        if not name_cells:
            break
        name_cell = _Cell(
            doc.work[name_cells[0].start : name_cells[-1].end],
            name_cells[0].start,
            name_cells[-1].end,
        )
        # after the name; with "|" empty cells stay: their position says which column is missing
        value_cells = cells[cells.index(name_cells[-1]) + 1 :]
        row = _Row(name_cell, section, cells=value_cells)
        inline = _INLINE_SUB.search(name_cell.text)
        if inline is not None and not name_cell.text.startswith(words().table.sub_lead):
            # "幼儿教师专科及以上学历比例(%) 其中:本科及以上学历比例(%)" in one name cell, each
            # year cell holding the two values: two indicators, matched by position
            a = name_cell.start + inline.start()
            head = doc.work[name_cell.start : a].rstrip()
            sub = doc.work[name_cell.start + inline.end() : name_cell.end]
            row.name = _Cell(head, name_cell.start, name_cell.start + len(head))
            row.subs = [_Cell(sub, name_cell.end - len(sub), name_cell.end)]
            row.inline_sub = True
            parent = row
        elif name_cell.text.startswith(words().table.sub_lead) or (
            parent is not None
            and parent.sub_open
            and len(name_cell.text) <= 4
            and not _MEASURE_WORD.search(name_cell.text)  # 毛入学率 after 其中:研究生: a new row
        ):
            label = _SUB_LEAD.sub("", name_cell.text)
            if parent is not None and label:
                row.subs = [_Cell(label, name_cell.end - len(label), name_cell.end)]
                row.name = parent.name
                row.unit_hint = _unit_cell(parent)
                parent.sub_open = True
                row.sub_open = False
        else:
            parent = row
        rows.append(row)
        end = line.end
    return rows, end


def _clean_name(text: str) -> tuple[str, str | None]:
    """Split "学前教育毛入园率(%)" into the name and the unit word of its bracket.

    The bracket ends the name and holds one to eight characters and no bracket (the working
    copy has ASCII brackets only). It is found by string operations: the regex it replaces
    rescanned runs of spaces from every position (quadratic on a long name cell).
    """
    name = text.strip()
    k = name.rfind("(")
    if k >= 0:
        word = name[k + 1 :].strip()
        if word.endswith(")"):
            word = word[:-1].rstrip()
        bracketed = 1 <= len(word) <= 8 and "(" not in word and ")" not in word
        if bracketed and (unit_of_word(word) is not None or word in ("%", "‰")):
            return name[:k].strip(), word
    return name, None


def _column_scale(
    text: str, mag: float | None, upper: float | None, scale: float
) -> tuple[float | None, float | None]:
    """Scale a cell's magnitudes by its column's or caption's scale word (万人: 3.42 -> 34200).

    A cell that writes its own scale word keeps its magnitudes.
    """
    scales = chars("".join(words().scales))
    if mag is None or scale == 1 or re.search(rf"[{scales}]", text):
        return mag, upper

    def times(x: float) -> float:  # in decimal: 2.49 万人 is 24900, not 24900.000000000004
        return float(Decimal(repr(x)) * Decimal(repr(scale)))

    return times(mag), (times(upper) if upper is not None else None)


def _parse_cell(text: str, unit: str | None) -> tuple[Comparator, float | None, float | None, str]:
    try:
        pv = parse_value(text, unit=unit)
    except ValueTextError:
        pv = parse_value(text)  # its own unit word; may raise again
    return pv.comparator, pv.value, pv.upper, pv.unit or unit or ""


def _kind_year(col: _Column, period: tuple[int, int]) -> tuple[str, int, bool]:
    if col.tag == "plan" and col.year is not None:
        return "target", col.year, False  # a five-year plan's own target column
    if col.year is not None:
        if col.tag == "base" or col.year < period[0]:
            return "baseline", col.year, False
        return "target", col.year, False
    if col.tag == "base":
        return "baseline", period[0] - 1, True
    return "target", period[1], True


def _row_values(row: _Row, cols: list[_Column], mode: str) -> list[tuple[_Column, list[_Cell]]]:
    """Map a row's cells onto the year columns: (column, cells for each sub-label)."""
    body_cols = [c for c in cols if c.role not in ("no", "name")]
    year_cols = [c for c in body_cols if c.role == "year"]
    nsub = max(1, len(_labels(row, mode in ("block", "line", "pipe"))))
    cells = row.cells if mode in ("pipe", "row|", "row\t") else row.filled()
    out: list[tuple[_Column, list[_Cell]]] = []
    if len(cells) == len(body_cols) and mode in ("pipe", "row|", "row\t", "row "):
        for col, cell in zip(body_cols, cells, strict=True):
            if col.role == "year" and cell.kind in ("value", "placeholder", "empty"):
                out.append((col, _split_multi(cell, nsub)))
        return out
    values = [c for c in row.filled() if c.kind in ("value", "placeholder")]
    if (
        nsub > 1
        and len(values) == nsub * len(year_cols)
        and all(len(_split_multi(v, nsub)) == 1 for v in values)
    ):
        for k, col in enumerate(year_cols):
            out.append((col, values[k * nsub : (k + 1) * nsub]))
        return out
    if len(values) >= len(year_cols):
        for col, cell in zip(year_cols, values, strict=False):
            out.append((col, _split_multi(cell, nsub)))
        return out
    if len(values) == 1 and year_cols:
        return [(year_cols[-1], _split_multi(values[0], nsub))]
    # fewer values than years: fill from the last (target) column backwards
    for col, cell in zip(year_cols[len(year_cols) - len(values) :], values, strict=False):
        out.append((col, _split_multi(cell, nsub)))
    return out


def _labels(row: _Row, stream: bool = False) -> list[str]:
    """Return the sub-labels of a 其中 row: "其中:小学/初中" -> [小学, 初中].

    In a cell stream, a 其中 line that names an indicator of its own ("幼儿教师专科及以上学历
    比例(%)" / "其中:本科及以上学历比例(%)", each column holding both values) gives two
    labels: "" for the row itself, then the 其中 indicator.
    """
    labels = [s.text.strip() for s in row.subs]
    if len(labels) == 1:
        parts = [p for p in re.split(r"[/、,;\s]+", labels[0]) if p]
        if len(parts) > 1:
            return parts
        if (stream or row.inline_sub) and _MEASURE_WORD.search(labels[0]) and len(labels[0]) > 4:
            return ["", labels[0]]
    return labels


def _sub_name(parent: str, sub: str) -> str:
    """Return the name of a 其中 indicator: the parent's population, the sub-row's measure.

    "幼儿教师专科及以上学历比例" + "本科及以上学历比例(%)" -> "幼儿教师本科及以上学历比例".
    """
    clean, _ = _clean_name(sub)
    head = ""
    for noun in words().table.sub_name_heads:
        k = parent.find(noun)
        if k >= 0:
            head = parent[: k + len(noun)]
            break
    return clean if clean.startswith(head) else head + clean


def _split_multi(cell: _Cell, n: int) -> list[_Cell]:
    if n <= 1:
        return [cell]
    parts: list[_Cell] = []
    for m in re.finditer(r"[^/、;\s]+(?:\s*%)?", cell.text):
        parts.append(_Cell(m.group(0), cell.start + m.start(), cell.start + m.end(), cell.kind))
    # "≥ 5" split by the space: join comparator-only parts with the next
    joined: list[_Cell] = []
    for p in parts:
        if joined and joined[-1].text in words().table.split_comparator:
            prev = joined.pop()
            joined.append(
                _Cell(
                    cell.text[prev.start - cell.start : p.end - cell.start],
                    prev.start,
                    p.end,
                    cell.kind,
                )
            )
        else:
            joined.append(p)
    return joined if len(joined) == n else [cell]


def _binding(row: _Row) -> str:
    for c in row.filled():
        if c.kind == "binding":
            return next(
                (v for k, v in words().table.binding.items() if c.text.startswith(k)), "none"
            )
    return "none"


def _unit_cell(row: _Row) -> str | None:
    for c in row.filled():
        if c.kind == "unit":
            return c.text
    return None


#: A name cell's line that names a stage only (学前教育, 九年义务教育, 高中阶段教育).
_STAGE_LINE = pattern(
    lambda w: (
        rf"^(?:{alternation(x for st in w.stages for x in st.words)}|"
        rf"{alternation(w.table.stage_line_filler)})+$"
    )
)
#: Modes whose cells are bounded by the layout (a ``|``, a tab, a grid's cell, a block): a space
#: inside such a cell may part its values (a grid's cell of two paragraphs: ``24.0 60``).
_BOUNDED = ("pipe", "block", "row|", "row\t")


def _lines_of(cell: _Cell, by_space: bool, has_unit: bool) -> list[_Cell]:
    """Return a cell's lines (or, in a cell bounded by the layout, its space-separated parts)."""
    split = r"[^\n]+" if "\n" in cell.text.strip() or not by_space else r"\S+"
    parts: list[_Cell] = []
    for m in re.finditer(split, cell.text):
        body = m.group(0).strip()
        if body:
            a = cell.start + m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            parts.append(_Cell(body, a, a + len(body), _classify(body, has_unit)))
    return parts


def _stage_line(text: str) -> bool:
    t = re.sub(r"\s+", "", text)
    return bool(_STAGE_LINE.fullmatch(t)) and not _MEASURE_WORD.search(t)


def _glued_units(cell: _Cell, has_unit: bool) -> list[_Cell]:
    """Part a unit cell whose lines a PDF joined without a space (万人%) before each % or ‰."""
    parts: list[_Cell] = []
    for m in re.finditer(r"[^%‰]+|[%‰]", cell.text):
        body = m.group(0).strip()
        if body:
            a = cell.start + m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            parts.append(_Cell(body, a, a + len(body), _classify(body, has_unit)))
    return parts if all(p.kind == "unit" for p in parts) else [cell]


def _unstack(row: _Row, mode: str, has_unit: bool, cols: list[_Column]) -> list[_Row]:
    """Split a row whose cells hold several indicators, one per line, into one row each.

    ``学前教育 / 幼儿在园人数 / 学前三年毛入园率`` over ``万人 / %`` and ``24.0 / 60``: the name
    cell's lines are the indicators, each value cell holds one value per indicator (on its own
    line, or, in a cell bounded by the layout, parted by spaces: a grid's ``24.0 60``), matched
    by position; a unit (属性) cell of as many lines gives each its own, a cell of one line
    (or a placeholder, an empty cell) stands for all. A first line that names a stage only
    (学前教育, 九年义务教育) is the section of the names under it, not an indicator. Rows whose
    value cells do not all hold the same number of values are left as they are; so are 其中
    rows, read by their own rule.
    """
    if row.subs or row.inline_sub or row.unit_hint is not None:
        return [row]
    by_space = mode in _BOUNDED
    names = _lines_of(row.name, by_space, has_unit)
    sub_lead = words().table.sub_lead
    if len(names) < 2 or any(n.kind != "name" or n.text.startswith(sub_lead) for n in names):
        return [row]  # one name, a 其中 row, or a name's unit bracket on a line of its own
    split: list[list[_Cell]] = []
    counts: set[int] = set()
    body_cols = [c for c in cols if c.role not in ("no", "name")]
    # where each cell's column is known, only the year columns' cells say how many values
    # a cell holds (a 实现度 or 备注 cell is split when it fits, never counted)
    roles = [c.role for c in body_cols] if len(body_cols) == len(row.cells) else []
    for at, cell in enumerate(row.cells):
        role = roles[at] if roles else ""
        if role == "unit" and cell.kind == "name":
            cell = _Cell(cell.text, cell.start, cell.end, "unit")
            parts = _glued_units(cell, has_unit)
            split.append(parts if len(parts) > 1 else [row.cells[at]])
            continue
        if cell.kind == "value":
            parts = _lines_of(cell, False, has_unit)
            if len(parts) == 1:
                parts = _split_multi(cell, len(names) - 1) if by_space else [cell]
                if len(parts) == 1 and by_space:
                    parts = _split_multi(cell, len(names))
                parts = [_Cell(p.text, p.start, p.end, _classify(p.text, has_unit)) for p in parts]
            if any(p.kind not in ("value", "placeholder") for p in parts):
                if role in ("", "year"):
                    return [row]  # ≥ / 95%, 95% / 以上: one value written over two lines
                parts = [cell]
            if role in ("", "year"):
                counts.add(len(parts))
        elif cell.kind in ("unit", "binding"):
            parts = _lines_of(cell, by_space, has_unit)
        else:
            parts = [cell]
        split.append(parts)
    if len(counts) != 1:
        return [row]
    n = counts.pop()
    section = row.section
    if n == len(names) - 1 and _stage_line(names[0].text):
        section = _SECTION_NUMBER.sub("", names[0].text).strip()
        names = names[1:]
    elif n != len(names):
        return [row]
    split = [
        parts
        if len(parts) in (1, n) or (roles[at] if roles else "") in ("", "year")
        else [row.cells[at]]
        for at, parts in enumerate(split)
    ]
    if any(len(parts) not in (1, n) for parts in split):
        return [row]
    out: list[_Row] = []
    for k, name in enumerate(names):
        cells = [parts[k] if len(parts) == n else parts[0] for parts in split]
        out.append(_Row(name, section, cells=cells))
    return out


_STAGE = pattern(lambda w: alternation(w.table.section_stages))


def _indicators(
    doc: Doc,
    rows: list[_Row],
    cols: list[_Column],
    mode: str,
    caption: str,
    period: tuple[int, int],
    notes: list[tuple[int, int, str, str]] | None = None,
) -> list[DIndicator]:
    out: list[DIndicator] = []
    sub = words().table.sub_lead[0]  # how a 其中 row is named in a flag
    notes = notes if notes is not None else []
    has_unit = any(c.role == "unit" for c in cols)
    rows = [one for row in rows for one in _unstack(row, mode, has_unit, cols)]
    for row in rows:
        name_text = doc.text[row.name.start : row.name.end]
        name_work = row.name.text
        name, bracket = _clean_name(name_work)
        name_orig = name_text[: len(name)].strip() if name else name_text
        name_orig = re.sub(r"^\d{1,3}[.、\s]+", "", name_orig)
        unit_word = bracket or _unit_cell(row) or row.unit_hint
        unit: str | None = None
        scale = 1.0
        flags: dict[str, str] = {}
        if unit_word is not None:
            found = unit_of_word(unit_word)
            if found is not None:
                unit, scale = found
                if unit == "item":
                    noun_unit = unit_from_noun(name)
                    if noun_unit is not None and noun_unit != "item":
                        unit = noun_unit
                        flags["unit_from_context"] = (
                            f"the header says {unit_word!r}; the indicator counts {noun_unit}"
                        )
        mapping = _row_values(row, cols, mode)
        body_cols = [c for c in cols if c.role not in ("no", "name")]
        if len(row.cells) == len(body_cols) and mode in ("pipe", "row|", "row\t", "row "):
            for col, cell in zip(body_cols, row.cells, strict=True):
                if col.tag == "achieved" and cell.kind == "value":
                    why = f"table cell {cell.text!r}: a share of a target reached, not a value"
                    notes.append((cell.start, cell.end, "relative", why))
        labels = _labels(row, mode in ("block", "line", "pipe")) or [""]
        stacked = len(labels) == 2 and labels[0] == ""
        year_cols = sum(c.role == "year" for c in cols)
        for k, label in enumerate(labels):
            filled_years = sum(len(cs) > k for _, cs in mapping)
            values: list[DValue] = []
            ind_unit = unit
            ind_flags = dict(flags)
            for col, cells in mapping:
                if k >= len(cells):
                    continue
                cell = cells[k]
                if cell.kind in ("placeholder", "empty") or not cell.text:
                    continue
                try:
                    cmp_, mag, upper, vunit = _parse_cell(cell.text, ind_unit)
                except ValueTextError as exc:
                    notes.append(
                        (cell.start, cell.end, "rejected", f"table cell {cell.text!r}: {exc}")
                    )
                    continue
                if vunit and names_of(vunit) and named_unit(name) != vunit:
                    # 职普比 1:1 is no number of students per teacher
                    why = f"table cell {cell.text!r} reads as {vunit}, which {name!r} is not"
                    notes.append((cell.start, cell.end, "rejected", why))
                    continue
                if ind_unit is None:
                    noun_unit = unit_from_noun(name)
                    named = named_unit(name)
                    if not vunit and named is not None and named != noun_unit:
                        # 师生比 0.076 or 18: which way the ratio goes is not written
                        why = (
                            f"table cell {cell.text!r}: {name!r} is a ratio; a number without "
                            "its ratio form (17:1, 1:17) does not say which way it goes"
                        )
                        notes.append((cell.start, cell.end, "rejected", why))
                        continue
                    if vunit:
                        ind_unit = vunit
                    elif noun_unit is not None:
                        ind_unit = noun_unit
                        ind_flags["unit_from_context"] = (
                            f"no unit is written; the indicator counts {noun_unit}"
                        )
                    else:
                        ind_unit = "item"
                        ind_flags["unit_from_context"] = "no unit is written; read as a count"
                if vunit and vunit != ind_unit:
                    why = f"table cell {cell.text!r} is in {vunit}, the row in {ind_unit}"
                    notes.append((cell.start, cell.end, "rejected", why))
                    continue
                mag, upper = _column_scale(cell.text, mag, upper, scale)
                kind, year, implied = _kind_year(col, period)
                vflags = dict(ind_flags)
                if implied:
                    vflags["year_implied"] = (
                        "the column is headed without a year; the plan's "
                        + ("baseline year" if kind == "baseline" else "end year")
                        + " applies"
                    )
                if filled_years == 1 and year_cols > 1:
                    vflags["single_value_row"] = (
                        f"the row carries one value; read as the {year} "
                        f"{'target' if kind == 'target' else 'baseline'} (the column it stands in "
                        "or, when no cell marks the gap, the target column)"
                    )
                text = doc.text[cell.start : cell.end]
                values.append(
                    DValue(
                        kind=kind,
                        year=year,
                        comparator=cmp_,
                        magnitude=mag,
                        upper=upper,
                        text=text,
                        text_start=cell.start,
                        start=row.name.start,
                        end=cell.end,
                        flags=vflags,
                    )
                )
            if not values or ind_unit is None:
                continue
            subject = ""
            ind_name = name_orig
            if label and (stacked or (_MEASURE_WORD.search(label) and len(label) > 4)):
                # a 其中 row that names an indicator of its own (本科及以上学历比例(%))
                ind_name = _sub_name(name_orig, label)
                for v in values:
                    v.flags["elided_subject"] = (
                        f"the row {label!r} of {name_orig!r} read as {ind_name!r} ({sub})"
                    )
            elif label:
                subject = label
            elif (
                row.section
                and _STAGE.search(row.section)
                and not _STAGE.search(name)
                and len(name) <= 8
            ):
                subject = row.section
            if subject:
                why = (
                    f"sub-row {label!r} of {name_orig!r} ({sub})"
                    if label
                    else f"bare name {name_orig!r} under the table section {row.section!r}"
                )
                for v in values:
                    v.flags["elided_subject"] = why
            out.append(
                DIndicator(
                    name=ind_name,
                    unit=ind_unit,
                    section=caption,
                    origin="table",
                    values=values,
                    binding=_binding(row),
                    subject=subject,
                )
            )
    return out


def read_tables(
    doc: Doc,
    period: tuple[int, int],
    notes: list[tuple[int, int, str, str]] | None = None,
    *,
    undated: bool = False,
) -> list[DIndicator]:
    """Read every indicator table of the document and block their regions for the prose reader.

    Parameters
    ----------
    doc
        The document.
    period
        The plan period: years before its first year are baselines, the others targets.
    notes
        Receives ``(start, end, "rejected", why)`` for each value cell that is not read.
    undated
        The page states no year, no date and no period (for statistics tables whose cells
        then take the placeholder year, flagged ``year_unknown``).

    Returns
    -------
    list of DIndicator
        One per table row (per sub-label for 其中 rows), values in year order.

    """
    from ._stats import read_stats  # rows of entities, measures in columns or section rows

    out: list[DIndicator] = read_stats(doc, period, notes, undated=undated)
    for header_start, cols, mode, body, line_index in _find_headers(doc):
        if doc.is_blocked(header_start):
            continue
        has_unit = any(c.role == "unit" for c in cols)
        caption = _caption(doc, header_start)
        if mode.startswith("row"):
            rows, end = _rows_lines(doc, line_index + 1, cols, mode[3:], has_unit)
        else:
            limit = min(len(doc.work), body + 20000)
            cells, mode = _stream_cells(doc, body, limit, header_start)
            rows, end = _rows_stream(cells, cols, has_unit, caption)
        if not rows:
            continue
        doc.blocked.append((header_start, max(end, body)))
        out.extend(_indicators(doc, rows, cols, mode, caption, period, notes))
    out.extend(_headless(doc, period, notes))
    return out


_HEADLESS_COLS = [
    _Column("name"),
    _Column("year", None, "base"),
    _Column("year", None, "target"),
    _Column("binding"),
]
_HEADLESS_WHY = (
    "the table's header is not in the text (it begins mid-table, e.g. on the next page of a "
    "mirror site): a row of a name, two values and 属性 read as the plan's "
)


def _headless_row(doc: Doc, line: Line) -> bool:
    """Whether a line is an indicator row without a header: name, two values (or -), 属性."""
    if doc.is_blocked(line.start) or doc.is_chrome(line.start):
        return False
    sep = _sep_of(doc, line.start, line.end)
    cells = [c for c in _split_line(doc, line.start, line.end, sep) if c.text]
    if len(cells) < 4 or not _BIND.match(cells[-1].text):
        return False
    kinds = [_classify(c.text, True) for c in cells[:-1]]
    values = [k for k in kinds if k in ("value", "placeholder")]
    return (
        len(values) == 2
        and kinds[-2:] == values
        and kinds[0] == "name"
        and "value" in values
        and "prose" not in kinds
    )


def _headless(
    doc: Doc, period: tuple[int, int], notes: list[tuple[int, int, str, str]] | None
) -> list[DIndicator]:
    """Read the rows of an indicator table whose header the text does not hold.

    A page that starts in the middle of a table (the next page of a mirrored plan, a table
    going on from a page not captured) has rows such as ``人均公共文化财政支出(元) - 150 预期性``:
    a name, two value cells and 属性, the layout of a 基期 / 目标 table. Two or more such lines
    in a row are read as that table: the first value the plan's baseline, the second its target,
    both flagged ``year_implied`` with the reason. Rows with one or three values are not read.
    """
    out: list[DIndicator] = []
    lines = doc.lines
    i = 0
    while i < len(lines):
        if not _headless_row(doc, lines[i]):
            i += 1
            continue
        j = i
        while j < len(lines) and _headless_row(doc, lines[j]):
            j += 1
        if j - i >= 2:
            sep = _sep_of(doc, lines[i].start, lines[i].end)
            rows, _ = _rows_lines(doc, i, _HEADLESS_COLS, sep, True)
            rows = [r for r in rows if r.name.end <= lines[j - 1].end]
            if rows:
                doc.blocked.append((lines[i].start, lines[j - 1].end))
                found = _indicators(
                    doc,
                    rows,
                    _HEADLESS_COLS,
                    "row" + sep,
                    _caption(doc, lines[i].start),
                    period,
                    notes,
                )
                for ind in found:
                    for v in ind.values:
                        v.flags["year_implied"] = _HEADLESS_WHY + (
                            "baseline year" if v.kind == "baseline" else "end year"
                        )
                out += found
        i = j
    return out
