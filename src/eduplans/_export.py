"""Exports of the tidy frame (CSV, Parquet, JSON) and citations."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from ._errors import EduplansError
from ._model import Plan

__all__ = ["DATA_VERSION", "MissingDependencyError", "cite", "export"]

#: Version of the bundled data (plans, catalog, national references); bumped when a value,
#: quote or key changes, independently of the library version.
DATA_VERSION = "2026.11.0"

Format = Literal["csv", "parquet", "json"]


class MissingDependencyError(EduplansError, ImportError):
    """An optional dependency is not installed; the message says what to install."""


def _format_of(path: Path, fmt: str | None) -> Format:
    name = fmt or path.suffix.lstrip(".").lower()
    if name in ("csv", "parquet", "json"):
        return name  # type: ignore[return-value]
    raise EduplansError(
        f"cannot tell the export format of {str(path)!r}: use .csv, .parquet or .json, "
        "or pass format="
    )


def export(plans: Plan | Iterable[Plan], path: str | Path, *, format: str | None = None) -> Path:
    """Write the plans' tidy frame (docs/frame.md) to a CSV, Parquet or JSON file.

    Parameters
    ----------
    plans
        A :class:`Plan`, a :class:`PlanCollection` or any iterable of plans.
    path
        The file to write; its suffix gives the format unless ``format`` is given.
    format
        ``"csv"`` (UTF-8), ``"parquet"`` (needs ``pip install eduplans[parquet]``) or ``"json"``
        (an object with ``meta`` — eduplans and data versions, columns — and ``rows``).

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    MissingDependencyError
        For Parquet without pyarrow installed.
    EduplansError
        If the format is unknown or the folder does not exist.
    """
    from . import __version__
    from ._frame import FRAME_COLUMNS, to_frame

    target = Path(path)
    fmt = _format_of(target, format)
    if not target.parent.is_dir():
        raise EduplansError(f"cannot write {target}: the folder {target.parent} does not exist")
    if fmt == "parquet" and importlib.util.find_spec("pyarrow") is None:
        raise MissingDependencyError(
            "writing Parquet needs pyarrow: pip install 'eduplans[parquet]'"
        )
    frame = to_frame(plans)
    if fmt == "csv":
        frame.to_csv(target, index=False, encoding="utf-8")
    elif fmt == "parquet":
        frame.attrs = {"eduplans_version": __version__, "data_version": DATA_VERSION}
        frame.to_parquet(target, index=False)
    else:
        rows = json.loads(frame.to_json(orient="records", force_ascii=False))
        doc = {
            "meta": {
                "eduplans_version": __version__,
                "data_version": DATA_VERSION,
                "schema": "docs/frame.md",
                "columns": FRAME_COLUMNS,
            },
            "rows": rows,
        }
        target.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return target


_LIBRARY = """@software{{eduplans,
  title = {{eduplans: Chinese regional education plans made comparable}},
  author = {{{{eduplans developers}}}},
  year = {{2026}},
  version = {{{version}}},
  note = {{Bundled data version {data_version}}}
}}"""


def cite(*, sources: bool = True) -> str:
    """Return BibTeX for eduplans and, by default, for the bundled source documents.

    Parameters
    ----------
    sources
        Also cite the five bundled plans (and the national reference documents).

    Returns
    -------
    str
        BibTeX entries separated by blank lines.
    """
    from . import __version__
    from ._loader import load

    entries = [_LIBRARY.format(version=__version__, data_version=DATA_VERSION)]
    if sources:
        for plan in load():
            entries.append(
                f"@misc{{{plan.id},\n"
                f"  title = {{{plan.title}}},\n"
                f"  author = {{{{{plan.issuer}}}}},\n"
                f"  year = {{{plan.issued.year}}},\n"
                f"  date = {{{plan.issued.isoformat()}}},\n"
                f"  note = {{{plan.region.name} ({plan.region.name_en}); "
                f"{plan.title_en}; text bundled in eduplans as {plan.source_name}}}\n"
                f"}}"
            )
    return "\n\n".join(entries) + "\n"
