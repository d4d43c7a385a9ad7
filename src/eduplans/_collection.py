"""A collection of plans: iterable, sized, looked up by plan id or region name."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, overload

from ._errors import ArgumentTypeError, DataError, PlanNotFoundError
from ._model import Plan

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["PlanCollection", "plan_items", "unique_ids"]


def plan_items(plans: Plan | Iterable[Plan]) -> list[Plan]:
    """Return ``plans`` (one plan, a collection or an iterable of plans) as a list of plans.

    Raises :class:`~eduplans.ArgumentTypeError`, naming the position, for anything else: a
    number, None or a str (a plan id: ``plans["luoyang-2022"]`` selects that plan).
    """
    if isinstance(plans, Plan):
        return [plans]
    if isinstance(plans, (str, bytes)) or not isinstance(plans, Iterable):
        raise ArgumentTypeError(
            "plans must be a Plan, a PlanCollection or an iterable of plans, not "
            f"{type(plans).__name__} {plans!r:.60}"
        )
    items = list(plans)
    for i, plan in enumerate(items):
        if not isinstance(plan, Plan):
            raise ArgumentTypeError(f"plans[{i}] is a {type(plan).__name__}, not a Plan")
    return items


def unique_ids(plans: Sequence[Plan]) -> None:
    """Raise :class:`~eduplans.DataError` if two of ``plans`` share a plan id.

    A plan given twice would count its values twice in a frame or comparison.
    """
    seen: dict[str, int] = {}
    for i, plan in enumerate(plans):
        k = seen.setdefault(plan.id, i)
        if k != i:
            same = "the same plan" if plans[k] is plan or plans[k] == plan else "another plan"
            raise DataError(
                f"plan id {plan.id!r} is given twice (items {k} and {i}, {same}); "
                "plan ids must be unique",
                field=f"plans[{i}].id",
            )


class PlanCollection(Sequence[Plan]):
    """An ordered, immutable collection of :class:`Plan` objects.

    Parameters
    ----------
    plans
        The plans; their ids must be unique.

    Raises
    ------
    DataError
        If two plans share a plan id.

    Examples
    --------
    >>> import eduplans
    >>> plans = eduplans.load()
    >>> plans["洛阳市"] is plans["luoyang-2022"]
    True

    """

    __slots__ = ("_by_id", "_plans")

    def __init__(self, plans: Iterable[Plan]) -> None:
        self._plans = tuple(plan_items(plans))
        self._by_id: dict[str, Plan] = {}
        unique_ids(self._plans)
        self._by_id = {plan.id: plan for plan in self._plans}

    def __len__(self) -> int:
        return len(self._plans)

    def __iter__(self) -> Iterator[Plan]:
        return iter(self._plans)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Plan):
            return item in self._plans
        if isinstance(item, str):
            return item in self._by_id or any(
                p.region is not None and item == p.region.name for p in self._plans
            )
        return False

    @overload
    def __getitem__(self, key: int) -> Plan: ...
    @overload
    def __getitem__(self, key: str) -> Plan: ...
    @overload
    def __getitem__(self, key: slice) -> PlanCollection: ...

    def __getitem__(self, key: int | str | slice) -> Plan | PlanCollection:
        """Return a plan by position, plan id, region name or region code.

        Raises
        ------
        PlanNotFoundError
            A :class:`KeyError` (and :class:`~eduplans.EduplansError`) that suggests close
            matches, when no plan has that id or region; also when a region has several plans.

        """
        if isinstance(key, slice):
            return PlanCollection(self._plans[key])
        if isinstance(key, int) and not isinstance(key, bool):
            return self._plans[key]
        if not isinstance(key, str):
            raise ArgumentTypeError(
                f"plans are looked up by int, str or slice, not {type(key).__name__}"
            )
        if key in self._by_id:
            return self._by_id[key]
        matches = [p for p in self._plans if p.region and key in (p.region.name, p.region.code)]
        if len(matches) == 1:
            return matches[0]
        if matches:
            ids = ", ".join(p.id for p in matches)
            raise PlanNotFoundError(f"region {key!r} has several plans ({ids}); use a plan id")
        import difflib  # only on the error path

        names = sorted({*self._by_id, *(p.region.name for p in self._plans if p.region)})
        close = difflib.get_close_matches(key, names, n=3, cutoff=0.3)
        hint = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
        raise PlanNotFoundError(
            f"no plan with id or region {key!r}{hint} (have: {', '.join(names)})"
        )

    @property
    def ids(self) -> tuple[str, ...]:
        """Plan ids, in order."""
        return tuple(self._by_id)

    def to_frame(self) -> pd.DataFrame:
        """Return all values of all plans as one tidy frame; see :func:`eduplans.to_frame`."""
        from ._frame import to_frame

        return to_frame(self)

    def __repr__(self) -> str:
        return f"PlanCollection({len(self)} plans: {', '.join(self.ids)})"

    def _repr_html_(self) -> str:
        import html

        rows = "".join(
            "<tr>"
            + "".join(
                f"<td>{html.escape(str(c))}</td>"
                for c in (
                    p.id, p.region.name if p.region else "—",
                    p.region.level.value if p.region else "—", p.kind.value,
                    f"{p.period[0]}–{p.period[1]}", len(p.indicators),
                    sum(len(i.values) for i in p.indicators),
                )
            )
            + "</tr>"
            for p in self._plans
        )  # fmt: skip
        head = "".join(
            f"<th>{h}</th>"
            for h in ("plan", "region", "level", "kind", "period", "indicators", "values")
        )
        return (
            f"<p><b>PlanCollection</b>: {len(self)} plans</p>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        )
