"""The indicator catalog (``data/catalog.toml``), read on first use."""

from __future__ import annotations

import os
import threading
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ._errors import ArgumentTypeError, DataError, UnknownKeyError
from ._once import once
from ._units import UNITS, convertible
from ._vocab import MEASURE_FAMILIES, Measure

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Catalog", "CatalogEntry", "catalog", "misfit"]

_STAGES = frozenset(
    {
        "preschool", "primary", "junior_secondary", "compulsory", "general_senior_secondary",
        "senior_secondary", "secondary_vocational", "higher_vocational", "vocational", "higher",
        "special", "labour_force", "lifelong", "school_age", "all",
    }
)  # fmt: skip
_CATEGORIES = frozenset(
    {"access", "equity", "quality", "teachers", "resources", "finance", "attainment", "health",
     "digital"}
)  # fmt: skip
_DIRECTIONS = frozenset({"up", "down", "none"})


@dataclass(frozen=True, slots=True, kw_only=True)
class CatalogEntry:
    """One indicator of the catalog.

    Attributes
    ----------
    key
        Stable snake_case key, e.g. ``"preschool_gross_enrolment_rate"``.
    name_zh
        Standard Chinese name, e.g. ``"学前教育毛入园率"``.
    label_en
        English label fit for a paper.
    definition
        What the indicator measures.
    unit
        Canonical unit name; :func:`eduplans.compare` expresses every value of the key in it.
    measure
        What the indicator measures (:class:`~eduplans.Measure`): ``level`` (a rate, ratio or
        stock at a year; the default), ``flow`` (per year), ``cumulative`` (a total over a
        period), ``change`` or ``change_per_year`` (an increment). Values of the key must be of
        a measure of the same family (``eduplans.MEASURE_FAMILIES``); every bundled entry
        states it.
    stage
        Education stage (``preschool``, ``primary``, ``junior_secondary``, ``compulsory``,
        ``general_senior_secondary``, ``senior_secondary``, ``secondary_vocational``,
        ``higher_vocational``, ``vocational``, ``higher``, ``special``, ``labour_force``,
        ``lifelong``, ``school_age`` or ``all``).
    category
        ``access``, ``equity``, ``quality``, ``teachers``, ``resources``, ``finance``,
        ``attainment``, ``health`` or ``digital``.
    direction
        ``"up"`` when a higher value is better, ``"down"`` when lower is better, else ``"none"``.
    aliases
        Other names plans use for it.
    qualifiers
        Words that tell it apart from a look-alike of the same stage and measure (校园足球特色学校数
        declares ``["足球"]``): a name is a fuzzy candidate only when it has every one of them.
    """

    key: str
    name_zh: str
    label_en: str
    definition: str
    unit: str
    stage: str
    category: str
    direction: str
    aliases: tuple[str, ...] = ()
    qualifiers: tuple[str, ...] = ()
    measure: Measure = Measure.LEVEL

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "measure", Measure(self.measure))
        except ValueError:
            allowed = ", ".join(m.value for m in Measure)
            raise ArgumentTypeError(f"measure {self.measure!r} is not one of {allowed}") from None
        for name in ("aliases", "qualifiers"):
            value = getattr(self, name)
            if isinstance(value, str) or not all(isinstance(v, str) and v for v in value):
                raise ArgumentTypeError(
                    f"{name} must be a list of non-empty strings, not {value!r}"
                )
            object.__setattr__(self, name, tuple(value))

    def __repr__(self) -> str:
        from ._repr import entry_repr

        return entry_repr(self)

    def _repr_html_(self) -> str:
        from ._repr import entry_html

        return entry_html(self)


def _read_entries(text: str, name: str) -> Mapping[str, CatalogEntry]:
    """Return the indicator catalog, key → :class:`CatalogEntry`, in file order.

    Returns
    -------
    Mapping[str, CatalogEntry]
        A read-only mapping.

    Raises
    ------
    DataError
        If ``data/catalog.toml`` is malformed (names the entry and field).
    """
    entries: dict[str, CatalogEntry] = {}
    for i, row in enumerate(_rows(text, name)):
        where = f"indicator[{i}]"
        key = row.get("key")
        checks = {
            "key": isinstance(key, str) and key.isidentifier() and key == key.lower(),
            "unit": row.get("unit") in UNITS,
            "stage": row.get("stage") in _STAGES,
            "category": row.get("category") in _CATEGORIES,
            "direction": row.get("direction") in _DIRECTIONS,
            "measure": row.get("measure", "level") in {m.value for m in Measure},
        }
        for field, ok in checks.items():
            if not ok:
                raise DataError(
                    f"bad value {row.get(field)!r}", path=name, field=f"{where}.{field}"
                )
        if key in entries:
            raise DataError(f"duplicate key {key!r}", path=name, field=f"{where}.key")
        try:
            entries[key] = CatalogEntry(**{**row, "aliases": tuple(row.get("aliases", ()))})
        except TypeError as exc:
            raise DataError(str(exc), path=name, field=where) from None
    return MappingProxyType(entries)


def _rows(text: str, name: str) -> list[Any]:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"not valid TOML: {exc}", path=name) from None
    rows = doc.get("indicator")
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise DataError("expected [[indicator]] tables", path=name, field="indicator")
    return rows


@once
def _bundled() -> Mapping[str, CatalogEntry]:
    text = files("eduplans").joinpath("data/catalog.toml").read_text(encoding="utf-8")
    return _read_entries(text, "eduplans/data/catalog.toml")


def unknown_key(key: str, known: Iterable[str], what: str = "a catalog key") -> UnknownKeyError:
    """Return the error for ``key`` missing from ``known``, suggesting up to three close keys."""
    import difflib

    close = difflib.get_close_matches(key, list(known), n=3, cutoff=0.5)
    hint = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
    return UnknownKeyError(f"{key!r} is not {what}{hint} (see eduplans.catalog())")


class _View(Mapping[str, "CatalogEntry"]):
    """A read-only key → entry mapping whose missing key is an UnknownKeyError with suggestions."""

    __slots__ = ("_entries",)

    def __init__(self, entries: Mapping[str, CatalogEntry]) -> None:
        self._entries = MappingProxyType(dict(entries))

    def __getitem__(self, key: str) -> CatalogEntry:
        try:
            return self._entries[key]
        except KeyError:
            raise unknown_key(key, self._entries) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def __repr__(self) -> str:
        return f"<eduplans catalog view: {len(self)} entries>"


class Catalog:
    """The indicator catalog: the bundled entries and any a user adds.

    Call it for the mapping key → :class:`CatalogEntry` (``eduplans.catalog()[key]``), in file
    order, bundled entries first. Entries added with :meth:`add` are treated like bundled ones by
    :func:`eduplans.align`, :func:`eduplans.compare`, the loader and the figures.

    Examples
    --------
    >>> import eduplans
    >>> eduplans.catalog()["preschool_gross_enrolment_rate"].label_en
    'Preschool gross enrolment rate'
    >>> eduplans.catalog.search("毛入园率", top=1)["key"].tolist()
    ['preschool_gross_enrolment_rate']
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._added: dict[str, CatalogEntry] = {}
        self._view: Mapping[str, CatalogEntry] | None = None
        self._listeners: list[Callable[[], None]] = []

    def __call__(self) -> Mapping[str, CatalogEntry]:
        """Return the catalog, key → :class:`CatalogEntry`: a read-only mapping.

        Raises
        ------
        DataError
            If ``data/catalog.toml`` is malformed (names the entry and field).
        """
        view = self._view
        if view is None:
            with self._lock:
                view = _View({**_bundled(), **self._added})
                self._view = view
        return view

    def __repr__(self) -> str:
        return f"<eduplans catalog: {len(self())} entries ({len(self._added)} added)>"

    def _on_change(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def add(
        self, source: str | os.PathLike[str] | CatalogEntry | Iterable[CatalogEntry]
    ) -> tuple[str, ...]:
        """Add entries of your own: a TOML file of ``[[indicator]]`` tables, or entries.

        The file has the format of the bundled ``data/catalog.toml`` (the same fields and
        checks); a key may not repeat one already in the catalog, and the new entries must be
        distinguishable from the others (no two entries with the same stage and measure words
        unless ``qualifiers`` separate them; no name or alias shared).

        Parameters
        ----------
        source
            A path, one :class:`CatalogEntry`, or several.

        Returns
        -------
        tuple[str, ...]
            The keys added.

        Raises
        ------
        DataError
            If the file cannot be read or an entry is malformed, repeats a key, or cannot be told
            apart from another entry; nothing is added then.
        """
        if isinstance(source, CatalogEntry):
            new = {source.key: source}
            where = f"entry {source.key!r}"
        elif isinstance(source, str | os.PathLike):
            path = Path(source)
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise DataError(f"cannot read catalog file: {exc}", path=str(path)) from None
            new = dict(_read_entries(text, str(path)))
            where = str(path)
        else:
            items = list(source)
            for i, item in enumerate(items):
                if not isinstance(item, CatalogEntry):
                    raise ArgumentTypeError(
                        f"source[{i}] is a {type(item).__name__}, not a CatalogEntry"
                    )
            new = {}
            for item in items:
                if item.key in new:
                    raise DataError(f"duplicate key {item.key!r}", path="entries", field="key")
                new[item.key] = item
            where = "entries"
        for entry in new.values():
            _check_entry(entry, where)
        with self._lock:
            for key in new:
                if key in _bundled() or key in self._added:
                    raise DataError(f"key {key!r} is already in the catalog", path=where, field=key)
            before = dict(self._added)
            self._added.update(new)
            self._view = None
        try:
            for listener in self._listeners:
                listener()
        except DataError:
            with self._lock:
                self._added = before
                self._view = None
            for listener in self._listeners:
                listener()
            raise
        return tuple(new)

    def reset(self) -> None:
        """Remove every entry added with :meth:`add`; the bundled catalog stays."""
        with self._lock:
            self._added = {}
            self._view = None
        for listener in self._listeners:
            listener()

    def to_frame(self) -> pd.DataFrame:
        """Return the catalog as a table, one row per entry.

        Returns
        -------
        pandas.DataFrame
            Columns ``key, name_zh, label_en, unit, stage, category, direction, aliases,
            source`` (``"bundled"`` or ``"added"``); ``aliases`` joined with ``"、"``.
        """
        import pandas as pd

        rows = [
            {
                "key": e.key,
                "name_zh": e.name_zh,
                "label_en": e.label_en,
                "unit": e.unit,
                "stage": e.stage,
                "category": e.category,
                "direction": e.direction,
                "aliases": "、".join(e.aliases),
                "source": "added" if e.key in self._added else "bundled",
            }
            for e in self().values()
        ]
        return pd.DataFrame(rows)

    def _repr_html_(self) -> str:
        return self.to_frame().to_html(index=False)

    def search(self, text: str, *, top: int = 10) -> pd.DataFrame:
        """Find catalog entries by a name, part of one, a key or English words.

        Parameters
        ----------
        text
            What to look for: ``"毛入园率"``, ``"學前教育"``, ``"enrolment"``.
        top
            Most rows to return.

        Returns
        -------
        pandas.DataFrame
            Columns ``key, name_zh, label_en, form, score``, best first: ``form`` is the name
            or alias (or key, English label) that matched, ``score`` 0-100 (rapidfuzz, on the
            normalised forms; a form containing the text scores 100).

        Raises
        ------
        ArgumentTypeError
            If ``text`` is not a str.
        """
        import pandas as pd
        from rapidfuzz import fuzz

        from ._align import normalise

        if not isinstance(text, str):
            raise ArgumentTypeError(f"text must be a str, not {type(text).__name__}")
        query = normalise(text) or text.strip()
        lower = text.strip().lower()
        rows = []
        for entry in self().values():
            best, form = 0.0, ""
            for written in (entry.name_zh, *entry.aliases):
                norm = normalise(written)
                score = (2 * fuzz.partial_ratio(query, norm) + fuzz.ratio(query, norm)) / 3
                if query and query in norm:
                    score = max(score, 100.0 - (len(norm) - len(query)) / 100)
                if score > best:
                    best, form = score, written
            for written in (entry.key, entry.label_en):
                if lower and lower in written.lower():
                    score = 100.0 - (len(written) - len(lower)) / 100
                    if score > best:
                        best, form = score, written
            if best >= 60:
                rows.append((entry.key, entry.name_zh, entry.label_en, form, round(best, 1)))
        rows.sort(key=lambda r: (-r[4], r[0]))
        return pd.DataFrame(rows[:top], columns=["key", "name_zh", "label_en", "form", "score"])


def _check_entry(entry: CatalogEntry, where: str) -> None:
    checks = {
        "key": entry.key.isidentifier() and entry.key == entry.key.lower(),
        "unit": entry.unit in UNITS,
        "stage": entry.stage in _STAGES,
        "category": entry.category in _CATEGORIES,
        "direction": entry.direction in _DIRECTIONS,
        "name_zh": bool(entry.name_zh),
        "label_en": bool(entry.label_en),
    }
    for name, ok in checks.items():
        if not ok:
            raise DataError(
                f"bad value {getattr(entry, name)!r}", path=where, field=f"{entry.key}.{name}"
            )


#: The indicator catalog (call it for the mapping key → entry; see :class:`Catalog`).
catalog = Catalog()


def misfit(key: str, unit: str, measures: Iterable[Measure] = ()) -> str | None:
    """Say why values in ``unit`` of ``measures`` cannot stand under catalog ``key``, or None.

    The loader refuses such an indicator; the parser leaves its key empty and flags it.
    """
    entry = catalog()[key]
    if not convertible(unit, entry.unit):
        return f"unit {unit!r} does not convert to {entry.unit!r}, the unit of catalog key {key!r}"
    for measure in measures:
        if measure not in MEASURE_FAMILIES[entry.measure]:
            return (
                f"a {measure.value} value cannot stand under {key!r}, a {entry.measure.value} "
                "indicator"
            )
    return None
