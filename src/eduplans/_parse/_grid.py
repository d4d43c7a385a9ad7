"""Indicator tables read from a document's grids (HTML, DOCX, PDF), not from its text layout.

A format reader gives every table as a grid with merged cells expanded (:class:`._doc.Table`).
Read from the grid, a table keeps what its text rendering loses: the column each cell stands
in (an empty cell is a gap, not a shift), the category column merged over its rows (学前教育
over 幼儿在园人数 and 学前三年入园率: the subject of bare names such as 巩固率), and cells that
hold several names or values (``其中:小学 初中`` with ``34.52% 77.34%``; a parent's value and
its 其中 row's value, ``97.74% 49.85%``). The header, the cells' kinds and the values are read
with the table reader's own rules (:mod:`._tables`), so a grid and a text table of the same
layout give the same values; a grid without a recognisable header is left to the text reader.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .._words import alternation, pattern, words
from ._doc import Cell, Doc, Table
from ._draft import DIndicator
from ._tables import (
    _SECTION_NUMBER,
    _caption,
    _Cell,
    _classify,
    _Column,
    _header_role,
    _indicators,
    _Row,
    _unit_cell,
)
from ._view import View

__all__ = ["read_grids", "text_grids"]

_QIZHONG = pattern(lambda w: rf"\s*(?:{alternation(w.table.sub_lead)})\s*[::]?\s*")


def _header(cells: list[list[_Cell | None]]) -> tuple[int, list[_Column]]:
    """Return the last header row and the role of every column (-1 when there is no header).

    The header is one row (指标 | 2020年 | 2025年 | 属性) or two: a column's cells on both rows
    together give its role (指标 | 2020年 | 2025年 over 基期 | 目标; 指标名称 | 单位 | 规划目标
    spanning 2015年 | 2020年 below it; a cell merged over both rows counts once).
    """
    for r, row in enumerate(cells[:3]):
        if r + 1 < len(cells):
            below = cells[r + 1] + [None] * (len(row) - len(cells[r + 1]))
            lower = _roles(below)
            joined = [_join(top, bottom) for top, bottom in zip(row, below, strict=False)]
            filled = [
                top if top is not None and top.text else bot
                for top, bot in zip(row, below, strict=False)
            ]
            if (
                any(role is not None and role.role == "year" for role in lower)
                and all(
                    role is not None for c, role in zip(below, lower, strict=True) if c and c.text
                )
                and _is_header(filled, joined)
            ):
                return r + 1, [role or _Column("other") for role in joined]
        roles = _roles(row)
        if _is_header(row, roles):
            return r, [role or _Column("other") for role in roles]
    return -1, []


def _roles(row: Sequence[_Cell | None]) -> list[_Column | None]:
    return [_header_role(c.text) if c is not None and c.text else None for c in row]


def _is_header(row: Sequence[_Cell | None], roles: Sequence[_Column | None]) -> bool:
    filled = [role for c, role in zip(row, roles, strict=False) if c and c.text]
    return (
        len(filled) >= 2
        and all(role is not None for role in filled)
        and any(role.role == "name" for role in filled if role)
        and any(role.role == "year" for role in filled if role)
    )


def _join(top: _Cell | None, bottom: _Cell | None) -> _Column | None:
    """Return the role of a column headed by two cells, one above the other."""
    up = _header_role(top.text) if top is not None and top.text else None
    if bottom is None or bottom is top or not bottom.text:
        return up
    down = _header_role(bottom.text)
    if down is None:
        return None
    if up is None or up.role != "year" or down.role != "year":
        # a group label above (发展目标 over 2015年 | 2020年) or nothing: the lower cell says it
        return down if up is None or down.role == "year" else up
    # 2020年 over 基期, or 基期 / 规划目标 over 2020年: the year of one, the tag of either
    year = down.year if down.year is not None else up.year
    return _Column("year", year, down.tag or up.tag)


def read_grids(
    doc: Doc,
    tables: Sequence[Table],
    view: View,
    period: tuple[int, int],
    notes: list[tuple[int, int, str, str]] | None = None,
) -> list[DIndicator]:
    """Read the indicator tables of a document's grids; block their text for the other readers.

    Parameters
    ----------
    doc
        The document (offsets in the view's text).
    tables
        The grids of the format reader (offsets in the source text).
    view
        The normalised view: maps the grids' source offsets to the document's offsets.
    period
        The plan period: years before its first year are baselines, the others targets.
    notes
        Receives ``(start, end, reason, why)`` for each value cell that is not read.

    Returns
    -------
    list of DIndicator
        One per table row (per sub-label for 其中 cells), as :func:`._tables.read_tables` gives.

    """
    out: list[DIndicator] = []
    last: _Last | None = None  # the last table read
    for table in tables:
        grid = _view_cells(doc, view, table)
        head_row, cols = _header(grid)
        gap = _gap(view.source, last.table, table) if last is not None else None
        heads = [[c.text if c else "" for c in row] for row in grid[: head_row + 1]]
        going_on = (
            last is not None
            and gap is not None
            and (head_row < 0 or heads == last.heads)  # no header, or the one repeated
        )
        if head_row < 0:
            if not going_on:
                continue
            assert last is not None
            cols = last.cols  # a table going on over a page break
        name_cols = [k for k, col in enumerate(cols) if col.role == "name"]
        no_cols = [k for k, col in enumerate(cols) if col.role == "no"]
        body_cols = [k for k, col in enumerate(cols) if col.role not in ("no", "name")]
        has_unit = any(col.role == "unit" for col in cols)
        columns = [_Column("name")] + [cols[k] for k in body_cols]
        start = view.to_view(table.start)
        caption = last.caption if going_on and last is not None else _caption(doc, start)
        rows: list[_Row] = []
        section = ""
        parent: _Row | None = None
        if going_on and last is not None:  # the stage row in force where the page broke
            section, parent = (_SECTION_NUMBER.sub("", gap).strip(), None) if gap else last.state
        for r in range(head_row + 1, len(grid)):
            line = grid[r]
            names = [c for k in name_cols if (c := line[k]) is not None and c.text]
            names = [c for i, c in enumerate(names) if all(c is not d for d in names[:i])]
            name = names[-1] if names else None
            category = names[0] if len(names) > 1 else None
            if category is not None and name is category:
                category = None
            values: list[_Cell] = []
            for k in body_cols:
                c, orig = line[k], table.grid[r][k]
                if c is None or orig is None:
                    values.append(_Cell("", 0, 0, "empty"))
                    continue
                kind = _classify(c.text, has_unit) if c.text else "empty"
                if (orig.row, orig.col) != (r, k) and kind not in ("unit", "binding"):
                    kind = "empty"  # a value under a merge is read once, where it stands
                values.append(_Cell(c.text, c.start, c.end, kind))
            if name is None:
                own = [c for k in no_cols if (c := line[k]) is not None and c.text]
                if own and not any(v.kind in ("value", "placeholder") for v in values):
                    section = _SECTION_NUMBER.sub(
                        "", own[0].text
                    ).strip()  # 一、基础教育 under 序号
                    parent = None
                continue
            if not any(v.kind in ("value", "placeholder") for v in values):
                if any(v.kind in ("unit", "binding") for v in values) and not _QIZHONG.match(
                    name.text
                ):
                    # an indicator whose values stand in its 其中 rows (义务教育学校标准班额比例
                    # | % | | | 约束性, then 其中:小学/初中 | | 86.5/73.2 | 100/98)
                    parent = _Row(name, category.text if category is not None else section)
                    parent.cells = values
                    continue
                # a section row (二、优质资源建设) or a stage row (学前教育) spanning the table
                section = _SECTION_NUMBER.sub("", name.text).strip()
                parent = None
                continue
            row_section = category.text if category is not None else section
            m = _QIZHONG.search(name.text)
            if name.text.startswith(words().table.sub_lead) and parent is not None:
                label = _QIZHONG.sub("", name.text, count=1)
                row = _Row(parent.name, parent.section, cells=values)
                row.subs = [_Cell(label, name.end - len(label), name.end)]
                row.unit_hint = _unit_cell(parent)  # the unit cell of the row it belongs to
                rows.append(row)
                continue
            if m is not None and m.start() > 0:
                # one cell holds the name and its 其中 sub-labels
                head = _Cell(name.text[: m.start()].rstrip(), name.start, name.start + m.start())
                head.end = head.start + len(head.text)
                labels_text = name.text[m.end() :]
                labels = [
                    _Cell(
                        p.group(0), name.start + m.end() + p.start(), name.start + m.end() + p.end()
                    )
                    for p in re.finditer(r"[^\s/、,;]+", labels_text)
                ]
                parts = [len(re.findall(r"\S+", v.text)) for v in values if v.kind == "value"]
                if labels and parts and all(n == len(labels) + 1 for n in parts):
                    # the parent's own value first, then its 其中 row's
                    rows.append(_Row(head, row_section, cells=_nth(values, 0, len(labels) + 1)))
                    for k, lab in enumerate(labels):
                        sub = _Row(head, row_section, cells=_nth(values, k + 1, len(labels) + 1))
                        sub.subs = [lab]
                        rows.append(sub)
                else:
                    row = _Row(head, row_section, cells=values)
                    row.subs = labels
                    rows.append(row)
                parent = None
                continue
            row = _Row(name, row_section, cells=values)
            rows.append(row)
            parent = row
        last = _Last(
            table,
            cols,
            caption,
            heads if head_row >= 0 or last is None else last.heads,
            (section, parent),
        )
        if not rows:
            continue
        end = view.to_view(table.end)
        doc.blocked.append((start, max(end, start + 1)))
        out.extend(_indicators(doc, rows, columns, "row\t", caption, period, notes))
    return out


@dataclass
class _Last:
    """The table read last: what a table going on over a page break takes from it."""

    table: Table
    cols: list[_Column]
    caption: str
    heads: list[list[str]]  # its header rows' texts (a next page may repeat them)
    state: tuple[str, _Row | None]  # the section (stage row) and 其中 parent at its end


#: A line that is a table's caption (表1, 附表2, 主要指标, 专栏3) or a unit line (单位:人).
_CAPTION = pattern(
    lambda w: (
        rf"^(?:{alternation(w.table.caption_number)})\s*\d"
        rf"|(?:{alternation(w.table.caption_words)})"
        rf"|(?:{alternation(w.table.stat_unit_lead)})[::]"
    )
)


def _gap(source: str, before: Table, table: Table) -> str | None:
    """Return what stands between a table and the next one when the next goes on from it.

    That is nothing but space, or a stage row the page break cut off (高中段教育 at the foot
    of a page: one or two short lines, no sentence, no caption): returned ("" for nothing).
    None when ``table`` is not the same table going on (other text between, other columns).
    """
    if table.shape[1] != before.shape[1] or table.start < before.end:
        return None
    if (
        before.page is not None
        and table.page is not None
        and table.page
        not in (
            before.page,
            before.page + 1,
        )
    ):
        return None
    lines = [ln.strip() for ln in source[before.end : table.start].split("\n") if ln.strip()]
    if len(lines) > 2 or any(
        len(ln) > 20 or re.search(r"[。;,，；]", ln) or _CAPTION.search(ln) for ln in lines
    ):
        return None
    return lines[-1] if lines else ""


def _view_cells(doc: Doc, view: View, table: Table) -> list[list[_Cell | None]]:
    """Return the grid's cells with the document's (view) offsets and working-copy texts."""
    made: dict[int, _Cell] = {}
    out: list[list[_Cell | None]] = []
    for row in table.grid:
        line: list[_Cell | None] = []
        for c in row:
            if c is None:
                line.append(None)
                continue
            if id(c) not in made:
                a, b = view.to_view(c.start), view.to_view(c.end)
                raw = doc.work[a:b]
                lead = len(raw) - len(raw.lstrip())
                text = raw.strip()
                made[id(c)] = _Cell(text, a + lead, a + lead + len(text))
            line.append(made[id(c)])
        out.append(line)
    return out


def _nth(values: list[_Cell], k: int, n: int) -> list[_Cell]:
    """Return each value cell's ``k``-th of its ``n`` space-separated parts (others as they are)."""
    out: list[_Cell] = []
    for v in values:
        parts = list(re.finditer(r"\S+", v.text))
        if v.kind == "value" and len(parts) == n:
            p = parts[k]
            out.append(_Cell(p.group(0), v.start + p.start(), v.start + p.end(), "value"))
        else:
            out.append(v)
    return out


def text_grids(doc: Doc, view: View) -> list[Table]:
    """Return the tab-separated tables of a plain text as grids, in source offsets.

    A text copied from a spreadsheet, a Word table or a format reader's own rendering has one
    row per line and its cells separated by tabs, an empty cell where a merged cell covers a
    position. Read as a grid it keeps every column in its place: a row whose first cells are
    empty (the category column of the row above, merged over its rows) still has its name in
    the name column. Here, as the renderings do, an empty header cell right after a name header
    (``指 标<TAB><TAB>单位``) is that header's span, and an empty cell of a name column that is
    not the last one is the category above it, merged down. Rows are consecutive lines with a
    tab; a short line without one between two of them (a stage row, 一、发展水平) is a row of
    one cell.
    """
    text = doc.text
    lines: list[tuple[int, int]] = []
    pos = 0
    for raw in text.split("\n"):
        lines.append((pos, pos + len(raw.rstrip("\r"))))
        pos += len(raw) + 1
    runs: list[list[tuple[int, int]]] = []
    run: list[tuple[int, int]] = []
    for k, (a, b) in enumerate(lines):
        body = text[a:b].strip()
        prose = any(_classify(cell, False) == "prose" for cell in body.split("\t"))
        if (
            not prose
            and (
                "\t" in body  # a tab between cells (a tab that indents a paragraph is not one)
                or (
                    run
                    and body
                    and len(body) <= 30
                    and k + 1 < len(lines)
                    and "\t" in text[lines[k + 1][0] : lines[k + 1][1]].strip()
                )
            )
        ):
            run.append((a, b))
            continue
        if len(run) >= 2:
            runs.append(run)
        run = []
    if len(run) >= 2:
        runs.append(run)
    return [t for t in (_text_table(text, view, r) for r in runs) if t is not None]


def _text_table(text: str, view: View, lines: list[tuple[int, int]]) -> Table | None:
    rows: list[list[tuple[int, int]]] = []
    for a, b in lines:
        cells: list[tuple[int, int]] = []
        pos = a
        for piece in text[a:b].split("\t"):
            lead = len(piece) - len(piece.lstrip())
            body = piece.strip()
            cells.append((pos + lead, pos + lead + len(body)))
            pos += len(piece) + 1
        rows.append(cells)
    width = max(len(r) for r in rows)
    for padded in rows:
        padded += [(padded[-1][1], padded[-1][1])] * (width - len(padded))
    head_row, name_cols = -1, list[int]()
    for r, cells in enumerate(rows[:3]):
        roles = [_header_role(text[a:b]) if b > a else None for a, b in cells]
        name_cols = [k for k, role in enumerate(roles) if role is not None and role.role == "name"]
        if name_cols:
            head_row = r
            break
    if head_row < 0:
        return None
    for k in range(width):  # 指 标<TAB><TAB>: the name header spans the empty cell after it
        if k - 1 in name_cols and rows[head_row][k][1] == rows[head_row][k][0]:
            name_cols.append(k)
    # which position each grid position takes its cell from: its own, or a merged one's
    origin: dict[tuple[int, int], tuple[int, int]] = {}
    for r, cells in enumerate(rows):
        for k, (a, b) in enumerate(cells):
            if b == a and k in name_cols and r >= head_row:
                if r == head_row and k > 0 and k - 1 in name_cols:
                    origin[(r, k)] = origin[(r, k - 1)]  # the header's span
                    continue
                filled_right = any(c[1] > c[0] for c in cells[k + 1 :])
                if r > head_row and k != max(name_cols) and filled_right and (r - 1, k) in origin:
                    above = origin[(r - 1, k)]
                    if (
                        above[0] > head_row
                        and rows[above[0]][above[1]][1] > rows[above[0]][above[1]][0]
                    ):
                        origin[(r, k)] = above  # the category above, merged down
                        continue
            origin[(r, k)] = (r, k)
    spans: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for at, src in origin.items():
        spans.setdefault(src, []).append(at)
    made: dict[tuple[int, int], Cell] = {}
    for (r, k), covered in spans.items():
        a, b = rows[r][k]
        sa, sb = view.src_span(a, b)
        rowspan = max(p[0] for p in covered) - r + 1
        colspan = max(p[1] for p in covered) - k + 1
        made[(r, k)] = Cell(sa, sb, r, k, rowspan, colspan)
    grid = tuple(tuple(made[origin[(r, k)]] for k in range(width)) for r in range(len(rows)))
    start = view.src_span(lines[0][0], lines[0][0])[0]
    end = view.src_span(lines[-1][0], lines[-1][1])[1]
    return Table(start, end, grid, kind="text")
