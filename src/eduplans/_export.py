"""Exports of the tidy frame (CSV, Parquet, JSON) and citations."""

from __future__ import annotations

import importlib.util
import json
import os
import tempfile
from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal, overload

from ._errors import (
    ArgumentError,
    ArgumentTypeError,
    MissingDependencyError,
    OverwriteError,
    WriteError,
)
from ._model import Plan

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DATA_VERSION", "MissingDependencyError", "cite", "export"]

#: Version of the bundled data (plans, catalog, national references); bumped when a value,
#: quote or key changes, independently of the library version.
DATA_VERSION = "2026.12.0"

#: Where the frame's columns are documented; written into JSON and Parquet metadata.
SCHEMA_URL = "docs/frame.md"

Format = Literal["csv", "parquet", "json"]
FORMATS: tuple[Format, ...] = ("csv", "parquet", "json")


def format_of(path: Path | None, fmt: str | None) -> Format:
    """Return the export format from ``fmt`` or the file suffix; refuse a contradiction."""
    suffix = path.suffix.lstrip(".").lower() if path is not None else ""
    if fmt is not None:
        if fmt not in FORMATS:
            raise ArgumentError(f"unknown export format {fmt!r}: use csv, parquet or json")
        if suffix in FORMATS and suffix != fmt:
            raise ArgumentError(
                f"{str(path)!r} has the suffix .{suffix} but the format is {fmt}: "
                "rename the file or drop the format"
            )
        return fmt
    if suffix in FORMATS:
        return suffix
    raise ArgumentError(
        f"cannot tell the export format of {str(path)!r}: use .csv, .parquet or .json, "
        "or pass format="
    )


def _meta() -> dict[str, str]:
    from . import __version__

    return {"eduplans_version": __version__, "data_version": DATA_VERSION, "schema": SCHEMA_URL}


def encode(frame: pd.DataFrame, fmt: Format, *, bom: bool = True) -> bytes:
    """Return the tidy frame as the bytes of a CSV, Parquet or JSON file."""
    if fmt == "csv":
        text = frame.to_csv(index=False, lineterminator="\r\n")
        return text.encode("utf-8-sig" if bom else "utf-8")
    if fmt == "json":
        doc = json.loads(frame.to_json(orient="table", index=False, force_ascii=False))
        doc["schema"]["eduplans"] = _meta()
        return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    if importlib.util.find_spec("pyarrow") is None:
        raise MissingDependencyError(
            "writing Parquet needs pyarrow: pip install 'eduplans[parquet]'"
        )
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(frame, preserve_index=False)
    extra = {f"eduplans.{k}".encode(): v.encode() for k, v in _meta().items()}
    table = table.replace_schema_metadata({**(table.schema.metadata or {}), **extra})
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return bytes(sink.getvalue().to_pybytes())


def check_new(target: Path, *, overwrite: bool) -> None:
    """Refuse a folder, or an existing file unless ``overwrite``."""
    if target.is_dir():
        raise WriteError("cannot write: it is a folder", path=str(target))
    if target.exists() and not overwrite:
        raise OverwriteError(
            "already exists; pass overwrite=True (on the command line --force) to replace it",
            path=str(target),
        )


def write_new(target: Path, data: bytes, *, overwrite: bool) -> None:
    """Write ``data`` to ``target`` atomically; refuse an existing file unless ``overwrite``."""
    check_new(target, overwrite=overwrite)
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise WriteError(f"cannot write: {exc.strerror or exc}", path=str(target)) from None
    from ._writer import new_file_mode

    try:
        os.chmod(tmp, new_file_mode())  # mkstemp's file is private (0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except OSError as exc:  # no space, no permission: nothing is left behind
        Path(tmp).unlink(missing_ok=True)
        raise WriteError(f"cannot write: {exc.strerror or exc}", path=str(target)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@overload
def export(
    plans: Plan | Iterable[Plan],
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    overwrite: bool = False,
    bom: bool = True,
) -> Path: ...
@overload
def export(
    plans: Plan | Iterable[Plan],
    path: BinaryIO,
    *,
    format: str | None = None,
    overwrite: bool = False,
    bom: bool = True,
) -> None: ...


def export(
    plans: Plan | Iterable[Plan],
    path: str | os.PathLike[str] | BinaryIO,
    *,
    format: str | None = None,
    overwrite: bool = False,
    bom: bool = True,
) -> Path | None:
    """Write the plans' tidy frame (docs/frame.md) to a CSV, Parquet or JSON file.

    Parameters
    ----------
    plans
        A :class:`~eduplans.Plan`, a :class:`~eduplans.PlanCollection` or any iterable of
        plans.
    path
        The file to write; its suffix (``.csv``, ``.parquet``, ``.json``) gives the format
        unless ``format`` is given. Or a binary file object open for writing
        (``io.BytesIO()``, ``sys.stdout.buffer``): the bytes are written to it, and
        ``format`` must be given.
    format
        ``"csv"``, ``"parquet"`` (needs ``pip install eduplans[parquet]``) or ``"json"``. A
        suffix that names another of these formats is an error.
    overwrite
        Replace an existing file; by default an existing file is an error and is left as it is.
    bom
        CSV only: start the file with a UTF-8 byte-order mark (the default), so that Excel
        reads the Chinese text as UTF-8; pandas, DuckDB and R read it either way.

    Returns
    -------
    pathlib.Path or None
        The path written; None when ``path`` is a file object.

    Raises
    ------
    MissingDependencyError
        For Parquet without pyarrow installed.
    ArgumentError
        If the format is unknown or contradicts the suffix, or a file object comes without
        ``format``.
    OverwriteError
        If the file exists and ``overwrite`` is False (a :class:`WriteError`).
    WriteError
        If the file cannot be written (the folder does not exist, a folder is in the way, no
        space, no permission); no partial file is left.

    Notes
    -----
    CSV is UTF-8 with CRLF line ends; read it back with the frame's dtypes, so that codes stay
    text and categoricals keep their vocabulary::

        pd.read_csv(path, dtype=eduplans.frame_dtypes(), keep_default_na=False,
                    na_values=[""])

    JSON is pandas' ``orient="table"`` (``{"schema": …, "data": [records]}``, a Table Schema
    with the dtypes; ``schema.eduplans`` holds the eduplans and data versions):
    ``pd.read_json(path, orient="table")`` gives back the frame, dtypes included. Parquet keeps
    the dtypes, categoricals as dictionaries, and the versions in the file's key-value
    metadata (``eduplans.eduplans_version``, ``eduplans.data_version``, ``eduplans.schema``).
    The file is written to a temporary name and renamed, so a failed export leaves no partial
    file.

    Examples
    --------
    >>> import eduplans, pandas as pd
    >>> path = eduplans.export(eduplans.load(), "eduplans.csv")  # doctest: +SKIP
    >>> pd.read_csv(path, dtype=eduplans.frame_dtypes(), keep_default_na=False,
    ...             na_values=[""])  # doctest: +SKIP

    """
    from ._frame import to_frame

    if not isinstance(path, str | os.PathLike):
        if not callable(getattr(path, "write", None)):
            raise ArgumentTypeError(
                f"path must be a file name or a binary file object, not {type(path).__name__}"
            )
        if format is None:
            raise ArgumentError("writing to a file object needs format='csv', 'parquet' or 'json'")
        path.write(encode(to_frame(plans), format_of(None, format), bom=bom))
        return None
    target = Path(path)
    fmt = format_of(target, format)
    if not target.parent.is_dir():
        where = str(target)
        raise WriteError(f"cannot write: the folder {target.parent} does not exist", path=where)
    check_new(target, overwrite=overwrite)  # before any work
    data = encode(to_frame(plans), fmt, bom=bom)
    write_new(target, data, overwrite=overwrite)
    return target


_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "$": r"\$",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def bibtex_escape(text: str) -> str:
    """Return ``text`` safe inside a braced BibTeX field: LaTeX specials escaped, braces balanced.

    Chinese and other non-ASCII characters stay as UTF-8 (biblatex and bibtexparser read them).
    """
    return "".join(_BIBTEX_SPECIAL.get(ch, ch) for ch in " ".join(text.split()))


def _entry(kind: str, key: str, fields: dict[str, str]) -> str:
    """Return one BibTeX entry; values must be escaped already, empty ones are left out."""
    lines = [f"@{kind}{{{key},"]
    for name, value in fields.items():
        if value:
            lines.append(f"  {name} = {{{value}}},")
    return "\n".join(lines) + "\n}"


def author_of(issuer: str, region_name: str) -> str:
    """Return the issuing body with its region: ``市教育局`` of 邯郸市 is 邯郸市教育局."""
    from ._words import words

    own_level = words().region.own_level  # 省, 市, 区, 县 ([region] of data/words.toml)
    if issuer[:1] in own_level and region_name.endswith(issuer[0]) and len(issuer) > 1:
        return region_name + issuer[1:]
    return issuer


def _sources() -> dict[str, str]:
    sums = files("eduplans").joinpath("data/sources/SHA256SUMS").read_text("utf-8")
    return {name: digest for digest, name in (line.split() for line in sums.splitlines() if line)}


def cite(*, sources: bool = True) -> str:
    """Return BibTeX for eduplans and, by default, for every document its data comes from.

    Parameters
    ----------
    sources
        Also cite the bundled plans' documents and the national documents the reference
        targets come from.

    Returns
    -------
    str
        BibTeX entries separated by blank lines: ``@software{eduplans, …}``, one ``@misc`` per
        bundled plan (key: the plan id; author: the issuing body, as a corporate name in braces;
        date; the English title and the bundled text's file name and SHA-256 in ``note``), and
        one ``@misc`` per national document (key ``national-<id>``). Field values are escaped
        (``%``, ``&``, ``{`` …), so the output parses back with any BibTeX reader. The web
        addresses the texts were captured from were not recorded with the bundled data, so no
        ``url`` field is given: the file name and SHA-256 identify the exact text.

    Examples
    --------
    >>> import eduplans
    >>> print(eduplans.cite(sources=False))  # doctest: +ELLIPSIS
    @software{eduplans,
      title = {eduplans: Chinese regional education plans made comparable},
      author = {{eduplans developers}},
    ...

    """
    import tomllib

    from . import __version__
    from ._loader import load

    esc = bibtex_escape
    entries = [
        _entry(
            "software",
            "eduplans",
            {
                "title": "eduplans: Chinese regional education plans made comparable",
                "author": "{eduplans developers}",
                "year": "2026",
                "version": esc(__version__),
                "note": esc(f"Bundled data version {DATA_VERSION}"),
            },
        )
    ]
    if sources:
        digests = _sources()
        for plan in load():
            region = plan.region
            chain = (region, *region.ancestors) if region is not None else ()
            where = " ⊂ ".join(r.name for r in chain) or "region unknown"
            status = "draft for public comment" if plan.status.value == "draft" else ""
            note = "; ".join(
                part
                for part in (
                    f"{region.name_en} ({where})" if region and region.name_en else where,
                    f"English title: {plan.title_en}" if plan.title_en else "",
                    status,
                    f"text bundled in eduplans as data/sources/{plan.source_name}"
                    + (f", SHA-256 {digests[plan.source_name]}" if plan.source_name in digests
                       else ""),
                )
                if part
            )  # fmt: skip
            author = author_of(plan.issuer, region.name if region else "")
            entries.append(
                _entry(
                    "misc",
                    plan.id,
                    {
                        "title": esc(plan.title),
                        "author": "{" + esc(author) + "}",
                        "year": str(plan.issued.year),
                        "date": plan.issued.isoformat(),
                        "language": "chinese",
                        "note": esc(note),
                    },
                )
            )
        doc = tomllib.loads(files("eduplans").joinpath("data/national.toml").read_text("utf-8"))
        for d in doc["document"]:
            entries.append(
                _entry(
                    "misc",
                    f"national-{d['id']}",
                    {
                        "title": esc(d["title"]),
                        "author": "{" + esc(d["issuer"]) + "}",
                        "year": str(d["year"]),
                        "language": "chinese",
                        "note": esc(
                            f"English title: {d['title_en']}; national reference targets in "
                            "eduplans, read in news reprints of the official release "
                            "(data/sources/national_targets.md)"
                        ),
                    },
                )
            )
    return "\n\n".join(entries) + "\n"
