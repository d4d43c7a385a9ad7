"""Progress bars with tqdm: a bar in a terminal, a widget in Jupyter, nothing in a pipe."""

from __future__ import annotations

import importlib.util
import sys
from typing import Any

__all__ = ["progress_bar"]


def _in_jupyter() -> bool:
    shell = sys.modules.get("IPython")
    if shell is None:
        return False
    ip = shell.get_ipython()
    return ip is not None and "IPKernelApp" in getattr(ip, "config", {})


def progress_bar(total: int, *, desc: str) -> Any:
    """Return a tqdm bar over ``total`` items.

    In a Jupyter kernel it is the notebook widget when ipywidgets is installed, else a text
    bar in the cell's output; elsewhere a text bar on stderr when stderr is a terminal, and
    nothing at all when it is a pipe or a file (tqdm's ``disable=None``).
    """
    if _in_jupyter():
        if importlib.util.find_spec("ipywidgets") is not None:
            from tqdm.notebook import tqdm as notebook_tqdm

            return notebook_tqdm(total=total, desc=desc, unit="file")
        from tqdm.std import tqdm as std_tqdm

        return std_tqdm(total=total, desc=desc, unit="file", file=sys.stderr)
    from tqdm.std import tqdm as std_tqdm

    return std_tqdm(total=total, desc=desc, unit="file", file=sys.stderr, disable=None)
