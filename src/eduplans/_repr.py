"""Short text reprs and HTML reprs (Jupyter) of the model's objects and catalog entries."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._catalog import CatalogEntry
    from ._model import Baseline, Indicator, Region, Target

__all__ = ["entry_html", "entry_repr", "indicator_html", "indicator_repr", "number",
           "region_html", "region_repr", "value_html", "value_repr"]  # fmt: skip

_e = html.escape
_TABLE = '<table style="text-align:left">'


def number(x: float | None) -> str:
    """Write a number as a reader does: 95, 0.5, 10417000000 (no 1e+10, no trailing .0)."""
    if x is None:
        return "·"
    text = repr(float(x))
    if "e" in text:
        text = f"{float(x):.12f}".rstrip("0")
    return text.removesuffix(".0").removesuffix(".")


def region_repr(r: Region) -> str:
    parts = [repr(r.name), r.level.value]
    if r.code:
        parts.append(r.code)
    if r.parent is not None:
        parts.append(f"in {r.parent.name}")
    return f"Region({', '.join(parts)})"


def region_html(r: Region) -> str:
    chain = " ⊂ ".join(_e(x.name) for x in (r, *r.ancestors))
    en = f" ({_e(r.name_en)})" if r.name_en else ""
    code = f" · <code>{_e(r.code)}</code>" if r.code else " · no code"
    return f"<p><b>{chain}</b>{en} · {_e(r.level.value)}{code}</p>"


def _amount(v: Baseline | Target) -> str:
    if v.magnitude is None:
        return v.comparator.value
    high = f"–{number(v.upper_magnitude)}" if v.upper_magnitude is not None else ""
    cmp = "" if v.comparator.value in ("=", "range") else v.comparator.value + " "
    return f"{cmp}{number(v.magnitude)}{high} {v.unit}"


def value_repr(v: Baseline | Target) -> str:
    flags = f", flags={list(v.flags)}" if v.flags else ""
    return f"{type(v).__name__}({v.year}: {v.text!r} = {_amount(v)}{flags})"


def _marked(v: Baseline | Target) -> str:
    """Return the quote with the value's text marked."""
    quote = v.span.quote
    at = quote.rfind(v.text)
    if at < 0:
        return _e(quote)
    end = at + len(v.text)
    return f"{_e(quote[:at])}<mark>{_e(quote[at:end])}</mark>{_e(quote[end:])}"


def _value_row(v: Baseline | Target) -> str:
    flags = ", ".join(v.flags)
    hedges = "、".join(v.hedges)
    cells = (
        _e(v.kind), str(v.year), _e(v.text), _e(_amount(v)), _marked(v),
        _e(" ".join(x for x in (hedges, flags) if x)),
    )  # fmt: skip
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


_HEAD = "".join(
    f"<th>{h}</th>" for h in ("kind", "year", "text", "read as", "quote", "hedges, flags")
)


def value_html(v: Baseline | Target) -> str:
    note = f"<p><i>{_e(v.note)}</i></p>" if v.note else ""
    where = f"<small>characters {v.span.start}–{v.span.end} of the source text</small>"
    return (
        f"{_TABLE}<thead><tr>{_HEAD}</tr></thead><tbody>{_value_row(v)}</tbody></table>"
        f"{note}{where}"
    )


def indicator_repr(ind: Indicator) -> str:
    key = f", key={ind.key!r}" if ind.key else ", key=None"
    return (
        f"Indicator({ind.full_name!r}{key}, unit={ind.unit!r}, "
        f"baselines={len(ind.baselines)}, targets={len(ind.targets)})"
    )


def indicator_html(ind: Indicator) -> str:
    from ._catalog import catalog

    label = ""
    if ind.key:
        entry = catalog().get(ind.key)
        label = f" — {_e(entry.label_en)}" if entry is not None else ""
    key = f"<code>{_e(ind.key)}</code>{label}" if ind.key else "no catalog key"
    rows = "".join(_value_row(v) for v in ind.values)
    section = f" · under “{_e(ind.section)}”" if ind.section else ""
    return (
        f"<p><b>{_e(ind.full_name)}</b> · {key}<br>{_e(ind.unit)} · {_e(ind.binding.value)} · "
        f"from {_e(ind.origin)}{section}</p>"
        f"{_TABLE}<thead><tr>{_HEAD}</tr></thead><tbody>{rows}</tbody></table>"
    )


def entry_repr(e: CatalogEntry) -> str:
    return f"CatalogEntry({e.key!r}: {e.name_zh} / {e.label_en}, {e.unit})"


def entry_html(e: CatalogEntry) -> str:
    better = {"up": "higher is better", "down": "lower is better"}.get(e.direction, "")
    aliases = "、".join(_e(a) for a in e.aliases) or "none"
    facts = " · ".join(_e(x) for x in (e.unit, e.stage, e.category, better) if x)
    return (
        f"<p><b>{_e(e.name_zh)}</b> · {_e(e.label_en)} · <code>{_e(e.key)}</code><br>"
        f"{facts}</p><p>{_e(e.definition)}</p><p><small>Aliases: {aliases}</small></p>"
    )
