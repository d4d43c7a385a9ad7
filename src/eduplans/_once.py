"""Lazy singletons built once per process, also when many threads ask at the same time.

``functools.cache`` does not lock: eight threads making their first quantity at once built up
to eight pint registries, whose quantities cannot be combined. :func:`once` runs the builder
under a lock the first time (double-checked, so later calls take no lock) and shares the result.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import TypeVar

__all__ = ["once"]

_T = TypeVar("_T")
_UNSET = object()


def once(build: Callable[[], _T]) -> Callable[[], _T]:
    """Decorate a function without arguments so that it runs once and its result is kept.

    Parameters
    ----------
    build
        The builder.

    Returns
    -------
    callable
        Returns the kept result; the first call (in any thread) builds it under a lock. An
        exception is not kept: the next call tries again. ``cache_clear()`` forgets the result.

    """
    lock = threading.Lock()
    box: list[object] = [_UNSET]

    @functools.wraps(build)
    def get() -> _T:
        value = box[0]
        if value is _UNSET:
            with lock:
                value = box[0]
                if value is _UNSET:
                    value = build()
                    box[0] = value
        return value  # type: ignore[return-value]

    def cache_clear() -> None:
        with lock:
            box[0] = _UNSET

    get.cache_clear = cache_clear  # type: ignore[attr-defined]
    return get
