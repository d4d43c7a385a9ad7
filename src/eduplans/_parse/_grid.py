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

from ._doc import Doc, Table
from ._draft import DIndicator
from ._tables import (
    _caption,
    _Cell,
    _classify,
    _Column,
    _header_role,
    _indicators,
    _Row,
)
from ._view import View

__all__ = ["read_grids"]

_SECTION_NO = re.compile(r"^[一二三四五六七八九十]+、|^\(?[一二三四五六七八九十\d]+\)")
_QIZHONG = re.compile(r"\s*其中\s*[::]?\s*")


def _header(cells: list[list[_Cell | None]]) -> tuple[int, list[_Column]]:
    """Return the header row and the role of every column (-1 when there is no header)."""
    for r, row in enumerate(cells[:3]):
        roles: list[_Column | None] = []
        for c in row:
            roles.append(_header_role(c.text) if c is not None and c.text else None)
        filled = [(c, role) for c, role in zip(row, roles, strict=True) if c and c.text]
        if (
            len(filled) >= 2
            and all(role is not None for _, role in filled)
            and any(role.role == "name" for _, role in filled if role)
            and any(role.role == "year" for _, role in filled if role)
        ):
            cols = [role or _Column("other") for role in roles]
            return r, cols
    return -1, []


def read_grids(
    doc: Doc, tables: Sequence[Table], view: View, period: tuple[int, int]
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

    Returns
    -------
    list of DIndicator
        One per table row (per sub-label for 其中 cells), as :func:`._tables.read_tables` gives.

    """
    out: list[DIndicator] = []
    last: tuple[Table, list[_Column], str] | None = None  # the last table read: header, caption
    for table in tables:
        grid = _view_cells(doc, view, table)
        head_row, cols = _header(grid)
        if head_row < 0:
            if (
                last is not None
                and table.start <= last[0].end + 2
                and table.shape[1] == last[0].shape[1]
            ):
                head_row, cols = -1, last[1]  # a table going on over a page break
            else:
                continue
        name_cols = [k for k, col in enumerate(cols) if col.role == "name"]
        body_cols = [k for k, col in enumerate(cols) if col.role not in ("no", "name")]
        has_unit = any(col.role == "unit" for col in cols)
        columns = [_Column("name")] + [cols[k] for k in body_cols]
        start = view.to_view(table.start)
        caption = last[2] if head_row < 0 and last is not None else _caption(doc, start)
        last = (table, cols, caption)
        rows: list[_Row] = []
        section = ""
        parent: _Row | None = None
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
                continue
            if not any(v.kind in ("value", "placeholder") for v in values):
                # a section row (二、优质资源建设) or a stage row (学前教育) spanning the table
                section = _SECTION_NO.sub("", name.text).strip()
                parent = None
                continue
            row_section = category.text if category is not None else section
            m = _QIZHONG.search(name.text)
            if name.text.startswith("其中") and parent is not None:
                label = _QIZHONG.sub("", name.text, count=1)
                row = _Row(parent.name, parent.section, cells=values)
                row.subs = [_Cell(label, name.end - len(label), name.end)]
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
        if not rows:
            continue
        end = view.to_view(table.end)
        doc.blocked.append((start, max(end, start + 1)))
        out.extend(_indicators(doc, rows, columns, "row\t", caption, period))
    return out


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
