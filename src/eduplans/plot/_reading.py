"""What a row of a comparison frame promises, as the figures draw it.

A figure never reads a bound as a point: a floor (``>=``) that the baseline already meets is a
commitment to stay above it, not a planned fall; a cap (``<=``) points down; a total over a
plan period is not a level; a change (每年降低1个百分点) is not a level either.

:func:`read_row` takes the status and measure from the frame's own columns when
:func:`eduplans.compare` provides them (``status``, ``measure``) and otherwise derives them from
the comparator, the baseline and the flags, so the figures follow the frame's semantics.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .._words import alternation, pattern, words

__all__ = ["Reading", "is_change_key", "read_row", "read_values"]

#: Status of a target against its baseline.
#:
#: ``point`` (=), ``approx`` (~), ``range``, ``maintain`` (qualitative);
#: floors: ``raise_to`` (the baseline is below the bound), ``met_at_baseline`` (the baseline
#: already meets it: keep above), ``at_least`` (no baseline);
#: caps: ``cut_to`` (the baseline is above the cap), ``met_at_baseline``, ``at_most``.
STATUSES = (
    "point",
    "approx",
    "range",
    "maintain",
    "raise_to",
    "at_least",
    "cut_to",
    "at_most",
    "met_at_baseline",
)

# statuses of eduplans.compare's ``status`` column that name a bound's reading; the others
# (raise_to/cut_to/hold_at for point targets, no_baseline, period_total, increment, ranges) are
# derived here from the comparator, the baseline and the measure, to the same effect
_FRAME_STATUS = {
    "raise_above": "raise_to",
    "cut_below": "cut_to",
    "keep_above": "met_at_baseline",
    "keep_below": "met_at_baseline",
    "met_at_baseline": "met_at_baseline",
    "keep": "maintain",
    "keep_within": "met_at_baseline",
}
# measures of eduplans.compare's ``measure`` column → how a figure draws them
_FRAME_MEASURE = {
    "level": "level",
    "flow": "level",  # a flow each year (每年交流轮岗10%) is drawn like a level of that flow
    "per_year": "level",
    "cumulative": "cumulative",
    "change": "change",
    "change_per_year": "change",
}

# a change target's direction from its words ([plot] of data/words.toml)
_DOWN_WORDS = pattern(lambda w: alternation(w.plot.down_words))
_UP_WORDS = pattern(lambda w: alternation(w.plot.up_words))


@dataclass(frozen=True)
class Reading:
    """How a figure draws one target.

    Attributes
    ----------
    status
        One of :data:`STATUSES`.
    measure
        ``level`` (a rate or stock at a year), ``per_year`` (a flow each year),
        ``cumulative`` (a total over a period) or ``change`` (an increment).
    direction
        +1 when the plan raises the indicator (or sets a floor), -1 when it lowers it (or
        sets a cap), 0 when it holds it or the direction is not stated.
    bound
        The number of the bound or point (lower end of a range), NaN when qualitative.
    per_year
        Whether the value is stated for each year (每年降低1个百分点).

    """

    status: str
    measure: str
    direction: int
    bound: float
    per_year: bool = False

    @property
    def is_floor(self) -> bool:
        """Whether the target is a lower bound (>=, >)."""
        return self.status in ("raise_to", "at_least") or (
            self.status == "met_at_baseline" and self.direction > 0
        )

    @property
    def is_cap(self) -> bool:
        """Whether the target is an upper bound (<=, <)."""
        return self.status in ("cut_to", "at_most") or (
            self.status == "met_at_baseline" and self.direction < 0
        )

    @property
    def coloured(self) -> bool:
        """Whether a change per year from the baseline means what the plan says."""
        coloured = ("point", "approx", "raise_to", "cut_to", "range")
        return self.measure == "level" and self.status in coloured


def _number(value: Any) -> float:
    try:
        out = float(value)
    except (TypeError, ValueError):
        return math.nan
    return out


def read_values(
    comparator: str,
    value: Any,
    baseline: Any,
    *,
    flags: str = "",
    unit: str = "",
    level_unit: str = "",
    text: str = "",
    status: str = "",
    measure: str = "",
    high: Any = None,
) -> Reading:
    """Read one target from its comparator, number, baseline and flags.

    Parameters
    ----------
    comparator
        The target's comparator (``=``, ``>=`` …, ``range``, ``maintain``).
    value
        The target's number (lower end of a range); NaN or None when qualitative.
    baseline
        The baseline number; NaN or None when the plan states none.
    flags
        The ``;``-joined flags of the target (``cumulative``, ``per_year`` …).
    unit
        The value's unit.
    level_unit
        The unit of the indicator's level (the catalog unit); a value in
        ``percentage_point`` under a ``percent`` indicator is a change, not a level.
    text
        The target as the plan writes it, for the direction of a change (降低, 提高).
    status, measure
        The frame's own ``status`` and ``measure`` when it has them; they take precedence.
    high
        The upper end of a range.

    Returns
    -------
    Reading
        Status, measure, direction and bound.

    """
    number = _number(value)
    base = _number(baseline)
    flag_set = {f for f in str(flags or "").split(";") if f}
    per_year = "per_year" in flag_set or measure in ("change_per_year", "flow", "per_year")
    if measure:
        kind = _FRAME_MEASURE.get(measure, "level")
    elif "cumulative" in flag_set:
        kind = "cumulative"
    elif unit == "percentage_point" or level_unit == "percentage_point":
        # an increment in 百分点 is a change, never a rate
        kind = "change"
    else:
        kind = "level"
    comp = str(comparator)
    if kind == "change":
        down = bool(_DOWN_WORDS.search(text)) and not text.startswith(words().plot.up_lead)
        direction = -1 if down else (1 if _UP_WORDS.search(text) else 0)
    elif comp in (">=", ">"):
        direction = 1
    elif comp in ("<=", "<"):
        direction = -1
    elif math.isnan(number) or math.isnan(base) or number == base:
        direction = 0
    else:
        direction = 1 if number > base else -1
    if status in _FRAME_STATUS:
        return Reading(_FRAME_STATUS[status], kind, direction, number, per_year)
    if comp == "maintain" or math.isnan(number):
        state = "maintain"
    elif comp == "range":
        top = _number(high)
        inside = not math.isnan(base) and kind == "level" and number <= base <= top
        state = "met_at_baseline" if inside else "range"  # 95—97% from 96: keep within
    elif comp == "~":
        state = "approx"
    elif comp in (">=", ">"):
        if math.isnan(base) or kind != "level":
            state = "at_least"
        elif base > number or (comp == ">=" and base == number):
            state = "met_at_baseline"
        else:
            state = "raise_to"
    elif comp in ("<=", "<"):
        if math.isnan(base) or kind != "level":
            state = "at_most"
        elif base < number or (comp == "<=" and base == number):
            state = "met_at_baseline"
        else:
            state = "cut_to"
    else:
        state = "point"
    return Reading(state, kind, direction, number, per_year)


def read_row(row: Any, *, level_unit: str = "") -> Reading:
    """Read a row of :func:`eduplans.compare` (target columns) or of :func:`eduplans.hierarchy`.

    Parameters
    ----------
    row
        A row (mapping) with ``target_comparator``/``target_value``/``baseline_value`` …, or
        ``comparator``/``value`` (hierarchy; no baseline).
    level_unit
        The catalog unit of the indicator.

    Returns
    -------
    Reading
        See :func:`read_values`.

    """
    get = row.get
    if "target_comparator" in row:
        return read_values(
            str(get("target_comparator", "")),
            get("target_value"),
            get("baseline_value"),
            flags=str(get("target_flags", "") or ""),
            unit=str(get("unit", "")),
            level_unit=level_unit,
            text=str(get("target_text", "") or ""),
            status=str(get("status", "") or ""),
            measure=str(get("measure", "") or ""),
            high=get("target_value_high"),
        )
    return read_values(
        str(get("comparator", "")),
        get("value"),
        None,
        flags=str(get("flags", "") or ""),
        unit=str(get("unit", "")),
        level_unit=level_unit,
        text=str(get("text", "") or ""),
        status=str(get("status", "") or ""),
        measure=str(get("measure", "") or ""),
        high=get("value_high"),
    )


def is_change_key(key: str) -> bool:
    """Return whether the catalog entry of ``key`` is itself a change (an increment in 百分点).

    Such a key (近视率年降幅, positive when the rate falls) keeps the catalog's sign in a figure;
    a change stated under a level key (近视率 降低1个百分点) is drawn as a negative change.
    """
    from .._catalog import catalog

    entry = catalog()[key]
    measure = str(getattr(entry, "measure", "") or "")
    return entry.unit == "percentage_point" or measure in ("change", "change_per_year")
