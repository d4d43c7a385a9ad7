"""The indicator catalog (``data/catalog.toml``), read on first use."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files
from types import MappingProxyType

from ._errors import DataError
from ._once import once
from ._units import UNITS

__all__ = ["CatalogEntry", "catalog"]

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
        Canonical unit name.
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

    def __repr__(self) -> str:
        from ._repr import entry_repr

        return entry_repr(self)

    def _repr_html_(self) -> str:
        from ._repr import entry_html

        return entry_html(self)


@once
def catalog() -> Mapping[str, CatalogEntry]:
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
    name = "eduplans/data/catalog.toml"
    text = files("eduplans").joinpath("data/catalog.toml").read_text(encoding="utf-8")
    entries: dict[str, CatalogEntry] = {}
    for i, row in enumerate(tomllib.loads(text)["indicator"]):
        where = f"indicator[{i}]"
        key = row.get("key")
        checks = {
            "key": isinstance(key, str) and key.isidentifier() and key == key.lower(),
            "unit": row.get("unit") in UNITS,
            "stage": row.get("stage") in _STAGES,
            "category": row.get("category") in _CATEGORIES,
            "direction": row.get("direction") in _DIRECTIONS,
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
