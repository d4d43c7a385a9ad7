"""The region table: every province-, prefecture- and county-level division of China.

:data:`regions` looks divisions up by code (``"410825"`` or ``410825``), full name (``"温县"``),
short name or alias (``"宁夏"``, ``"延边州"``), pinyin (``"Wenxian"``), or a former code or name
(``"440184"``, ``"从化市"`` → 从化区), in the style of pycountry::

    >>> from eduplans import regions
    >>> regions.get("温县").parent.name
    '焦作市'
    >>> regions.get(440117).former_names
    ('从化县', '从化市')
    >>> regions.get("鼓楼区", within="福州市").code
    '350102'

The table is read from ``data/regions.tsv`` (and ``data/regions_former.tsv``) on first use, and a
:class:`~eduplans.Region` is built only for the divisions asked for (with their parents), so
``import eduplans`` and :func:`eduplans.load` stay fast. ``data/REGIONS.md`` says where the data
come from; ``tools/make_regions.py`` regenerates it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib.resources import files

from ._errors import AmbiguousRegionError, ArgumentTypeError, DataError, RegionNotFoundError
from ._model import Region
from ._vocab import RegionLevel

__all__ = ["RegionTable", "regions"]

_LEVELS = {level.value: level for level in RegionLevel}
_PROVINCE = RegionLevel.PROVINCE


@dataclass(frozen=True, slots=True)
class _Row:
    code: str
    name: str
    level: RegionLevel
    parent: str
    name_en: str
    aliases: tuple[str, ...]
    note: str


def _fold_pinyin(text: str) -> str:
    return re.sub(r"[\s'’\-]", "", text).casefold().replace("ü", "v")


def _key_text(key: object) -> str:
    if isinstance(key, Region):
        if key.code is None:
            return key.name
        return key.code
    if isinstance(key, bool):
        raise ArgumentTypeError(f"a region key is a name or a code, not {key!r}")
    if isinstance(key, int):
        return f"{key:06d}"
    if not isinstance(key, str):
        raise ArgumentTypeError(f"a region key is a name or a code, not {type(key).__name__}")
    text = key.strip()
    if re.fullmatch(r"\d{12}", text) and text.endswith("000000"):
        text = text[:6]  # a 12-digit statistical code of a county or above
    return text


class RegionTable(Mapping[str, Region]):
    """Every province-, prefecture- and county-level division, by GB/T 2260 code.

    A read-only mapping from code to :class:`~eduplans.Region` (iteration gives the codes in
    order), with lookups by any name: :meth:`get`, :meth:`lookup`, :meth:`search`. The bundled
    instance is :data:`eduplans.regions`.
    """

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._rows: dict[str, _Row] | None = None
        self._built: dict[str, Region] = {}
        self._former_code: dict[str, str] = {}
        self._former: dict[str, tuple[list[str], list[str]]] = {}
        self._index: dict[str, dict[str, list[str]]] | None = None
        self._scan: dict[str, list[tuple[str, str, tuple[str, ...]]]] | None = None
        self.source = ""

    def __call__(self) -> RegionTable:
        """Return the table itself (``eduplans.regions()`` reads as ``eduplans.regions``)."""
        return self

    # -- reading -------------------------------------------------------------------------------
    def _table(self) -> dict[str, _Row]:
        rows = self._rows
        if rows is not None:
            return rows
        with self._lock:
            if self._rows is None:
                self._read()
            assert self._rows is not None
            return self._rows

    def _read(self) -> None:
        data = files("eduplans").joinpath("data")
        rows: dict[str, _Row] = {}
        source: list[str] = []
        lines = data.joinpath("regions.tsv").read_text(encoding="utf-8").splitlines()
        header_seen = False
        for n, line in enumerate(lines, 1):
            if line.startswith("#"):
                source.append(line[1:].strip())
                continue
            if not header_seen:
                header_seen = True
                continue
            parts = line.split("\t")
            if len(parts) != 7 or parts[2] not in _LEVELS:
                raise DataError(f"line {n}: expected 7 tab-separated fields", path="regions.tsv")
            code, name, level, parent, name_en, aliases, note = parts
            rows[code] = _Row(
                code,
                name,
                _LEVELS[level],
                parent,
                name_en,
                tuple(filter(None, aliases.split("|"))),
                note,
            )
        for row in rows.values():
            if row.parent and row.parent not in rows:
                raise DataError(
                    f"{row.code} {row.name}: unknown parent {row.parent}", path="regions.tsv"
                )
        former = data.joinpath("regions_former.tsv").read_text(encoding="utf-8").splitlines()
        by_code: dict[str, str] = {}
        by_region: dict[str, tuple[list[str], list[str]]] = {}
        for line in former:
            parts = line.split("\t")
            if line.startswith("#") or parts[0] == "code" or len(parts) < 3:
                continue
            code, name, current = parts[0], parts[1], parts[2]
            if current not in rows:
                raise DataError(
                    f"former {code} {name}: unknown {current}", path="regions_former.tsv"
                )
            codes, names = by_region.setdefault(current, ([], []))
            if code != current and code not in rows:
                by_code.setdefault(code, current)
                if code not in codes:
                    codes.append(code)
            if name != rows[current].name and name not in names:
                names.append(name)
        self._former_code = by_code
        self._former = by_region
        self.source = " ".join(source)
        self._rows = rows

    def _build_index(self) -> dict[str, dict[str, list[str]]]:
        index = self._index
        if index is not None:
            return index
        with self._lock:
            if self._index is None:
                name: dict[str, list[str]] = {}
                alias: dict[str, list[str]] = {}
                pinyin: dict[str, list[str]] = {}
                former: dict[str, list[str]] = {}
                for row in self._table().values():
                    name.setdefault(row.name, []).append(row.code)
                    for a in row.aliases:
                        alias.setdefault(a, []).append(row.code)
                    if row.name_en:
                        pinyin.setdefault(_fold_pinyin(row.name_en), []).append(row.code)
                for code, (_, names) in self._former.items():
                    for n in names:
                        former.setdefault(n, []).append(code)
                self._index = {"name": name, "alias": alias, "pinyin": pinyin, "former": former}
            return self._index

    def _region(self, code: str) -> Region:
        found = self._built.get(code)
        if found is not None:
            return found
        row = self._table()[code]
        with self._lock:
            parent = self._region(row.parent) if row.parent else None
            codes, names = self._former.get(code, ([], []))
            region = Region(
                code=row.code,
                name=row.name,
                level=row.level,
                parent=parent,
                name_en=row.name_en,
                aliases=row.aliases,
                former_codes=tuple(sorted(codes)),
                former_names=tuple(names),
            )
            return self._built.setdefault(code, region)

    # -- the mapping ---------------------------------------------------------------------------
    def __getitem__(self, key: object) -> Region:
        """Return the division with that code or name; see :meth:`lookup`."""
        return self.lookup(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())

    def __contains__(self, key: object) -> bool:
        try:
            return bool(self._candidates(_key_text(key)))
        except TypeError:
            return False

    def __repr__(self) -> str:
        return f"<eduplans.regions: {len(self)} divisions>"

    # -- lookups -------------------------------------------------------------------------------
    def _candidates(self, key: str) -> list[str]:
        """Codes that answer to ``key``: code, name, alias, pinyin, former code, former name."""
        table = self._table()
        if re.fullmatch(r"\d{6}", key):
            if key in table:
                return [key]
            current = self._former_code.get(key)
            return [current] if current else []
        if not key:
            return []
        index = self._build_index()
        hits = index["name"].get(key)
        if hits:
            return list(hits)
        for kind, value in (("alias", key), ("pinyin", _fold_pinyin(key))):
            hits = index[kind].get(value)
            if hits:
                # a province's short name reads as the province: 河南 is 河南省, not 河南县
                provinces = [c for c in hits if table[c].level is RegionLevel.PROVINCE]
                return provinces if len(provinces) == 1 else list(hits)
            if kind == "alias":
                simplified = _simplified(key)
                if simplified != key:
                    return self._candidates(simplified)
        return list(index["former"].get(key, []))

    def _within(self, within: object) -> Region:
        if isinstance(within, Region) and within.code is not None:
            return self.lookup(within.code)
        return self.lookup(within)

    def _chain(self, text: str, within: object) -> Region | None:
        """Return the division a chain of names gives, or None when no split fits.

        Each name lies inside the one before it: 河南省洛阳市孟津区 (a region's ``full_name``),
        河南洛阳.
        """
        for cut in range(2, len(text) - 1):
            heads = self._candidates(text[:cut])
            if within is not None:
                outer = self._within(within)
                heads = [c for c in heads if _inside(self._region(c), outer)]
            if len(heads) != 1:
                continue
            try:
                return self.lookup(text[cut:], within=heads[0])
            except RegionNotFoundError:
                continue
        return None

    def lookup(self, key: object, *, within: object = None) -> Region:
        """Return the one division that answers to ``key``.

        Parameters
        ----------
        key
            A code (``"410825"``, ``410825``, a 12-digit statistical code), a full name
            (``"温县"``), a short name or alias (``"宁夏"``, ``"延边州"``), a pinyin name
            (``"Wenxian"``, any case), a former code or name (``"440184"``, ``"从化市"``), or a
            chain of names from the province down (``"河南省洛阳市孟津区"``, a region's
            ``full_name``; ``"河南洛阳"``).
            Traditional characters are read as simplified (``"鎮江市"``). Full names come first,
            then short names and pinyin (where a province's short name is the province:
            ``"河南"`` is 河南省, not 河南县), then former names.
        within
            A region (name, code or :class:`~eduplans.Region`) the division must lie in; it
            chooses among divisions of the same name (``"鼓楼区", within="福州市"``).

        Returns
        -------
        Region
            The division, its parents linked.

        Raises
        ------
        AmbiguousRegionError
            If several divisions answer to ``key`` (a ``KeyError``; ``.candidates`` lists them).
        RegionNotFoundError
            If none does (a ``KeyError``; the message suggests close names).

        """
        text = _key_text(key)
        codes = self._candidates(text)
        if within is not None:
            outer = self._within(within)
            codes = [c for c in codes if _inside(self._region(c), outer)]
        if len(codes) == 1:
            return self._region(codes[0])
        if not codes:
            chained = self._chain(text, within)
            if chained is not None:
                return chained
            where = f" in {self._within(within).full_name}" if within is not None else ""
            raise RegionNotFoundError(f"no region {text!r}{where}{self._suggest(text)}")
        found = tuple(self._region(c) for c in sorted(codes))
        listed = ", ".join(f"{r.full_name} ({r.code})" for r in found)
        raise AmbiguousRegionError(
            f"{len(found)} regions are called {text!r}: {listed}; pass within= (a parent's name "
            "or code) or a code",
            key=text,
            candidates=found,
        )

    def get(  # type: ignore[override]
        self, key: object, default: Region | None = None, *, within: object = None
    ) -> Region | None:
        """Return the division that answers to ``key``, or ``default`` if none does.

        Parameters
        ----------
        key
            A code, name, short name, pinyin, or former code or name; see :meth:`lookup`.
        default
            Returned when no division answers to ``key``.
        within
            A region the division must lie in (chooses among namesakes).

        Returns
        -------
        Region or None
            The division, or ``default``.

        Raises
        ------
        AmbiguousRegionError
            If several divisions answer to ``key``: an ambiguous name is never guessed.

        """
        try:
            return self.lookup(key, within=within)
        except AmbiguousRegionError:
            raise
        except RegionNotFoundError:
            return default

    def search(self, text: str, *, within: object = None) -> list[Region]:
        """Return every division whose name, alias, pinyin or former name contains ``text``.

        Parameters
        ----------
        text
            Part of a name (``"鼓楼"``), or of a pinyin name (``"gulou"``), or a code.
        within
            Only divisions inside this region.

        Returns
        -------
        list of Region
            Exact matches first, then by level (provinces first) and code; each with its parent
            chain (``.ancestors``, ``.full_name``).

        Examples
        --------
        >>> [r.full_name for r in regions.search("鼓楼")]  # doctest: +NORMALIZE_WHITESPACE
        ['江苏省南京市鼓楼区', '江苏省徐州市鼓楼区', '福建省福州市鼓楼区', '河南省开封市鼓楼区']

        """
        key = _key_text(text)
        if not key:
            return []
        table = self._table()
        folded = _fold_pinyin(key)
        simple = _simplified(key)
        hits: dict[str, int] = {}
        exact = set(self._candidates(key))
        for row in table.values():
            names = (row.name, *row.aliases, *self._former.get(row.code, ([], []))[1])
            by_pinyin = folded.isascii() and bool(folded) and folded in _fold_pinyin(row.name_en)
            if row.code == key or any(simple in n for n in names) or by_pinyin:
                hits[row.code] = 0 if row.code in exact else 1
        if key in self._former_code:
            hits[self._former_code[key]] = 0
        found = [self._region(c) for c in hits]
        if within is not None:
            outer = self._within(within)
            found = [r for r in found if _inside(r, outer)]
        order = list(RegionLevel)
        found.sort(key=lambda r: (hits[r.code or ""], order.index(r.level), r.code))
        return found

    def _text_names(self) -> dict[str, list[tuple[str, str, tuple[str, ...]]]]:
        """Names for scanning text: first character -> [(name, kind, codes)], longest first.

        ``kind`` is ``"name"`` (a full name in force), ``"alias"`` or ``"former"``.
        """
        found = self._scan
        if found is not None:
            return found
        with self._lock:
            if self._scan is None:
                index = self._build_index()
                by_first: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
                for kind in ("name", "alias", "former"):
                    for name, codes in index[kind].items():
                        if len(name) < 2:
                            continue
                        provinces = [c for c in codes if self._table()[c].level is _PROVINCE]
                        if kind == "alias" and len(provinces) == 1:
                            codes = provinces  # 河南 is 河南省 (as in lookup)
                        by_first.setdefault(name[0], []).append((name, kind, tuple(codes)))
                for entries in by_first.values():
                    entries.sort(key=lambda e: -len(e[0]))
                self._scan = by_first
            return self._scan

    def _row(self, code: str) -> tuple[RegionLevel, str]:
        """Level and parent code of a division (no Region built)."""
        row = self._table()[code]
        return row.level, row.parent

    def children(self, region: object) -> list[Region]:
        """Return the divisions directly below ``region`` (a name, code or Region), by code."""
        parent = self.lookup(region)
        return [self._region(r.code) for r in self._table().values() if r.parent == parent.code]

    def note(self, region: object) -> str:
        """Return the table's note on a division: ``"nbs"`` for a statistical-only code."""
        return self._table()[self.lookup(region).code or ""].note

    def _suggest(self, text: str) -> str:
        if not text or text.isdigit():
            return ""
        close = [r.full_name for r in self.search(text[:2])[:5]] if len(text) >= 2 else []
        return f"; did you mean: {', '.join(close)}?" if close else ""


def _inside(region: Region, outer: Region) -> bool:
    return region == outer or outer in region.ancestors


def _simplified(text: str) -> str:
    if text.isascii():
        return text
    from ._chinese import to_simplified

    return to_simplified(text)


#: The bundled region table (see :class:`RegionTable`).
regions = RegionTable()
