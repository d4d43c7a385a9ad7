"""``plot.save``: write a figure as PNG, PDF or SVG, byte for byte the same for the same data."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._errors import ArgumentError

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure

__all__ = ["save"]

_METADATA: dict[str, dict[str, Any]] = {
    ".png": {"Software": None},
    ".pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": "eduplans"},
    ".svg": {"Date": None, "Creator": "eduplans"},
}


def save(
    fig_or_ax: Figure | SubFigure | Axes,
    path: str | os.PathLike[str],
    *,
    dpi: float = 300,
    overwrite: bool = False,
    **kwargs: Any,
) -> Path:
    """Save a figure so that the same data gives the same bytes.

    PDFs embed the fonts as TrueType (Type 42), not Type 3; PDF and SVG carry no creation date;
    SVG ids are derived from a fixed hash salt; PNG carries no software version.

    Parameters
    ----------
    fig_or_ax
        The figure, or an Axes of it (as returned by the plotting functions).
    path
        Output file; its suffix, ``.png``, ``.pdf`` or ``.svg``, chooses the format.
    dpi
        Resolution of PNGs (vector formats ignore it).
    overwrite
        Replace an existing file; by default an existing file is an error and is left as it is
        (as with :func:`eduplans.export`).
    **kwargs
        Passed on to :meth:`matplotlib.figure.Figure.savefig` (e.g. ``bbox_inches``).

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    ArgumentError
        If the suffix is not ``.png``, ``.pdf`` or ``.svg``.
    OverwriteError
        If the file exists and ``overwrite`` is False (checked before drawing).
    WriteError
        If the file cannot be written (a folder in the way, no such folder, no permission). The
        figure is drawn to memory first and the file renamed into place, so no partial file
        is left.

    Examples
    --------
    >>> import eduplans, eduplans.plot
    >>> ax = eduplans.plot.coverage(eduplans.load())
    >>> eduplans.plot.save(ax, "coverage.pdf")  # doctest: +SKIP

    """
    import io

    import matplotlib as mpl
    from matplotlib.figure import Figure

    from .._export import check_new, write_new

    out = Path(path)
    suffix = out.suffix.lower()
    if suffix not in _METADATA:
        raise ArgumentError(f"cannot save {out.name!r}: use a .png, .pdf or .svg file name")
    check_new(out, overwrite=overwrite)  # before the work of drawing
    figure = fig_or_ax if isinstance(fig_or_ax, Figure) else fig_or_ax.figure
    if not isinstance(figure, Figure):  # a SubFigure or an Axes in one
        figure = figure.get_figure(root=True)
    assert isinstance(figure, Figure)
    metadata = {**_METADATA[suffix], **kwargs.pop("metadata", {})}
    rc = {
        "pdf.fonttype": 42,
        "ps.fonttype": 42,
        "svg.fonttype": "path",
        "svg.hashsalt": "eduplans",
        "pdf.compression": 6,
    }
    buffer = io.BytesIO()
    with mpl.rc_context(rc):  # type: ignore[arg-type]
        figure.savefig(buffer, format=suffix[1:], dpi=dpi, metadata=metadata, **kwargs)
    write_new(out, buffer.getvalue(), overwrite=overwrite)
    return out
