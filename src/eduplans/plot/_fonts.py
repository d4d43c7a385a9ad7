"""The bundled CJK font and the style context every figure is drawn in.

eduplans ships ``data/fonts/EduplansSansSC-Regular.ttf``, a subset of Noto Sans CJK SC (SIL Open
Font License 1.1, licence beside it) covering GB 2312, Latin-1, common punctuation and symbols, and
every character of the bundled data, converted to TrueType outlines so that PDFs embed it as a
Type 42 font. It is registered with matplotlib's font manager on first use; the style is applied
with :func:`matplotlib.rc_context` inside each plotting function, so the user's global
``rcParams`` never change.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.font_manager import FontProperties

__all__ = [
    "FONT_FAMILY",
    "FONT_FILE",
    "font",
    "font_path",
    "register_font",
    "style_context",
]

#: Family name of the bundled font (renamed, as the OFL asks of a modified version).
FONT_FAMILY = "Eduplans Sans SC"
#: File name of the bundled font under ``eduplans/data/fonts/``.
FONT_FILE = "EduplansSansSC-Regular.ttf"

_exit_stack = contextlib.ExitStack()


@cache
def font_path() -> Path:
    """Return the path of the bundled font file on disk.

    Returns
    -------
    pathlib.Path
        A real file; extracted to a temporary file if the package is imported from a zip.

    """
    resource = files("eduplans").joinpath(f"data/fonts/{FONT_FILE}")
    return Path(_exit_stack.enter_context(as_file(resource)))


@cache
def register_font() -> str:
    """Add the bundled font to matplotlib's font manager, once per process.

    Returns
    -------
    str
        The family name to use, :data:`FONT_FAMILY`.

    """
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(font_path()))
    # a lookup made before registration may have cached a fallback
    clear = getattr(font_manager.fontManager, "_findfont_cached", None)
    if clear is not None and hasattr(clear, "cache_clear"):
        clear.cache_clear()
    return FONT_FAMILY


def font(size: float, **kwargs: Any) -> FontProperties:
    """Return font properties naming the bundled font, for a text artist a figure creates.

    Every text a plotting function creates carries these properties itself (not only the
    rcParams of :func:`style_context`), so that Chinese renders when the caller saves the
    figure with a plain ``fig.savefig`` outside any eduplans context, on their own Axes.

    Parameters
    ----------
    size
        Font size in points.
    **kwargs
        Further :class:`~matplotlib.font_manager.FontProperties` fields (``style``).

    Returns
    -------
    matplotlib.font_manager.FontProperties
        The bundled family first, DejaVu Sans (shipped with matplotlib) as fallback.

    """
    from matplotlib.font_manager import FontProperties

    register_font()
    return FontProperties(family=[FONT_FAMILY, "DejaVu Sans"], size=size, **kwargs)


@contextlib.contextmanager
def style_context(extra: dict[str, Any] | None = None) -> Iterator[None]:
    """Register the font and apply eduplans' figure style for the duration of a block.

    Parameters
    ----------
    extra
        Further rcParams for this block only.

    Yields
    ------
    None
        Inside the block, ``rcParams`` hold the style; they are restored on exit.

    """
    import matplotlib as mpl

    from ._style import rc_params

    register_font()
    params = rc_params()
    if extra:
        params.update(extra)
    with mpl.rc_context(params):  # type: ignore[arg-type]
        yield
