"""The ``eduplans`` command line (also ``python -m eduplans``); it uses the public API only.

One private helper is used, with the reason beside it: the folder rule of
``eduplans._review.plan_files``.

Exit codes: 0 success, 1 a user error (one line on stderr, no traceback), 2 a usage error.
A user error is an :class:`eduplans.EduplansError` (a bad argument is an ``ArgumentError``, a
file in the way an ``OverwriteError``) or an ``OSError``; the command line defines no errors of
its own.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import eduplans


def _number(x: float) -> str:
    """Write a float as a reader does: 86, 0.5, 10417000000 (never 8.600000e+01)."""
    import numpy as np

    return str(np.format_float_positional(x, precision=12, unique=True, trim="-"))


def _shown(frame: Any) -> Any:
    """Return the frame as text cells: numbers as written, a missing value as ``·``."""
    import pandas as pd

    cells = {}
    for name, column in frame.items():
        if pd.api.types.is_float_dtype(column.dtype):
            cells[name] = [("·" if pd.isna(x) else _number(float(x))) for x in column]
        else:
            cells[name] = [
                "·" if x is None or x is pd.NA or (isinstance(x, float) and x != x) else str(x)
                for x in column
            ]
    return pd.DataFrame(cells, columns=frame.columns)


def _print_frame(frame: Any, fmt: str) -> None:
    import pandas as pd

    if fmt == "csv":
        sys.stdout.write(frame.to_csv(index=False))
    elif fmt == "json":
        sys.stdout.write(frame.to_json(orient="records", force_ascii=False, indent=1) + "\n")
    else:
        with pd.option_context(
            "display.width", 250, "display.max_columns", 50, "display.max_rows", 500,
            "display.max_colwidth", 40, "display.unicode.east_asian_width", True,
        ):  # fmt: skip
            print(_shown(frame).to_string(index=False))


def _mark_doubtful(table: Any) -> Any:
    """Write a target the plan misstates (eduplans.DOUBTFUL_FLAGS) with its flag in the table.

    ``1.07个`` (新增学位1.07个, a scale word lost) becomes ``1.07个 (? scale_word_missing)``: the
    number is kept as written, and a reader of the table is not left to take it at its word.
    """
    table = table.copy()
    marked = []
    for words, flags in zip(table["target_text"], table["target_flags"], strict=True):
        doubt = sorted(set(str(flags or "").split(";")) & eduplans.DOUBTFUL_FLAGS)
        marked.append(f"{words} (? {', '.join(doubt)})" if doubt else words)
    table["target_text"] = marked
    return table


def _load(args: argparse.Namespace) -> eduplans.PlanCollection:
    """Return the bundled plans and those of the files and folders of ``--plans``."""
    return eduplans.load(getattr(args, "plans", None) or None)


def _cmd_summary(args: argparse.Namespace) -> int:
    if args.figure:  # before any output: a file that exists, a suffix that cannot be drawn
        _check_figure_path(Path(args.figure), force=args.force)
    plans = _load(args)
    frame = plans.to_frame()
    mine = len(plans) - len(eduplans.load())
    where = f"{len(plans)} plans ({mine} from --plans)" if mine else f"{len(plans)} bundled plans"
    print(
        f"eduplans {eduplans.__version__} (data {eduplans.DATA_VERSION}): "
        f"{where}, {len(frame)} values"
    )
    _cmd_list(args)
    table = eduplans.compare(plans)
    regions = table.groupby("key")["region"].nunique()
    shared = sorted(regions[regions >= 3].index)
    view = _mark_doubtful(table[table["key"].isin(shared)])
    print(f"\nIndicators that at least three regions set ({len(shared)}):")
    if args.lang == "zh":
        names = {e.key: e.name_zh for e in eduplans.catalog().values()}
        view.insert(0, "indicator_zh", [names[k] for k in view["key"]])
    label = "indicator_zh" if args.lang == "zh" else "label_en"
    columns = [label, "region", "baseline_value", "target_year", "target_text",
               "binding", "status", "change_per_year", "gap_to_bound",
               "national_text", "conflict"]  # fmt: skip
    _print_frame(view[columns], "table")
    if args.figure:
        key = "preschool_gross_enrolment_rate"  # the indicator every 十四五 plan sets
        out = _plot(key if key in shared else shared[0], Path(args.figure), args.lang, None,
                    plans, force=args.force)  # fmt: skip
        print(f"\nwrote {out}")
    return 0


def _cmd_list(args: argparse.Namespace) -> int:
    import pandas as pd

    rows = [
        {
            "plan": p.id,
            "region": p.region.name if p.region else "",
            "code": (p.region.code if p.region else None) or "",
            "level": p.region.level.value if p.region else "",
            "kind": p.kind.value,
            "status": p.status.value,
            "period": f"{p.period[0]}-{p.period[1]}",
            "indicators": len(p.indicators),
            "values": sum(len(i.values) for i in p.indicators),
        }
        for p in _load(args)
    ]
    _print_frame(pd.DataFrame(rows), getattr(args, "format", "table"))
    return 0


def _a_file(path: Path) -> Path:
    """Return ``path`` if it is a regular file; say what it is otherwise."""
    if path.is_file():
        return path
    if path.is_dir():
        raise eduplans.ArgumentError(f"{path} is a folder, not a file")
    if path.exists():
        raise eduplans.ArgumentError(f"{path} is not a regular file")
    raise eduplans.ArgumentError(f"no such file: {path}")


def _plan(ref: str, args: argparse.Namespace) -> eduplans.Plan:
    path = Path(ref)
    if path.suffix == ".toml" or path.exists():
        return eduplans.read_plan(_a_file(path))
    return _load(args)[ref]


def _cmd_show(args: argparse.Namespace) -> int:
    plan = _plan(args.plan, args)
    region = (
        " ⊂ ".join(r.name for r in (plan.region, *plan.region.ancestors))
        if plan.region
        else "unknown"
    )
    print(f"{plan.id}: {plan.title}" + (f"\n  {plan.title_en}" if plan.title_en else ""))
    print(
        f"  region {region} ({(plan.region.code if plan.region else None) or 'no code'}), "
        f"issued {plan.issued}{f' by {plan.issuer}' if plan.issuer else ''}, "
        f"{plan.kind.value}, {plan.status.value}, "
        f"{plan.period[0]}-{plan.period[1]}"
    )
    frame = plan.to_frame()
    columns = ["indicator", "key", "kind", "year", "text", "comparator", "value", "unit",
               "binding", "hedges"]  # fmt: skip
    flag_columns = [c for c in frame.columns if c.startswith("flag_")]
    view = frame[columns].copy()
    view["flags"] = [" ".join(c[5:] for c in flag_columns if row[c]) for _, row in frame.iterrows()]
    _print_frame(view, args.format)
    return 0


def _cmd_indicators(args: argparse.Namespace) -> int:
    import pandas as pd

    counts = pd.Series(dtype="int64")
    frame = _load(args).to_frame()
    if len(frame):
        counts = frame[frame["key"].notna()].groupby("key")["region"].nunique()
    table = eduplans.catalog.to_frame()[["key", "name_zh", "label_en", "unit", "stage"]]
    table["regions"] = [int(counts.get(key, 0)) for key in table["key"]]
    _print_frame(table, args.format)
    return 0


def _cmd_compare(args: argparse.Namespace) -> int:
    if args.interpolate and args.year is None:
        raise eduplans.ArgumentError(
            "--interpolate needs --year YEAR (the year to read the paths at)"
        )
    table = eduplans.compare(
        _load(args),
        args.keys,
        year=args.year,
        kind="interpolated" if args.interpolate else "stated",
    )
    if args.format == "table":  # csv and json carry every column, target_flags among them
        table = _mark_doubtful(table)[["key", "region", "indicator", "measure", "baseline_year",
                       "baseline_value", "target_year", "target_text", "target_value", "unit",
                       "binding", "status", "change", "change_per_year", "gap_to_bound",
                       "national_text", "gap_to_national", "derived", "conflict"]]  # fmt: skip
    _print_frame(table, args.format)
    return 0


def _check_figure_path(out: Path, *, force: bool) -> None:
    """Refuse a figure file eduplans cannot or must not write, before any work or output."""
    if out.suffix.lower() not in (".png", ".pdf", ".svg"):
        raise eduplans.ArgumentError(f"cannot write {out}: use .png, .pdf or .svg")
    if out.is_dir():
        raise eduplans.ArgumentError(f"cannot write {out}: it is a folder")
    if out.exists() and not force:
        raise eduplans.OverwriteError("already exists; pass --force to replace it", path=str(out))


def _plot(
    key: str | None,
    out: Path,
    lang: str,
    kind: str | None,
    plans: eduplans.PlanCollection,
    *,
    force: bool,
) -> Path:
    import importlib.util

    if importlib.util.find_spec("matplotlib") is None:  # pragma: no cover - a dependency
        raise eduplans.MissingDependencyError("plotting needs matplotlib: pip install matplotlib")
    from eduplans import plot

    _check_figure_path(out, force=force)
    if key is None and kind != "coverage":
        raise eduplans.ArgumentError(
            f"plot --kind {kind or 'targets'} needs a KEY (see `eduplans indicators`)"
        )
    if kind == "trajectory":
        assert key is not None
        regions = eduplans.compare(plans, key)["region"]
        ax = plot.trajectory(plans, key, region=str(regions.iloc[0]), lang=lang)
    elif kind == "coverage":
        ax = plot.coverage(plans, keys=key, lang=lang)
    else:
        assert key is not None
        ax = plot.targets(plans, key, lang=lang)
    plot.save(ax, out, overwrite=force)
    return out


def _cmd_plot(args: argparse.Namespace) -> int:
    out = _plot(args.key, Path(args.output), args.lang, args.kind, _load(args), force=args.force)
    print(f"wrote {out}")
    return 0


_TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")


def _texts(names: Sequence[str]) -> list[Path]:
    """Files as given; a folder stands for its plan texts (by suffix), sorted by name."""
    out: list[Path] = []
    for name in names:
        p = Path(name)
        if p.is_dir():
            found = sorted(
                f
                for f in p.iterdir()
                if f.is_file() and f.suffix.lower() in _TEXT_SUFFIXES and not f.name.startswith(".")
            )
            if not found:
                raise eduplans.ArgumentError(
                    f"{p} holds no plan text ({', '.join(_TEXT_SUFFIXES)})"
                )
            out += found
        elif p.is_file():
            out.append(p)
        else:
            raise eduplans.ArgumentError(f"no such file: {p}")
    return out


def _distinct_ids(paths: list[Path], plans: list[eduplans.Plan]) -> list[eduplans.Plan]:
    """Give plans whose ids collide (in the batch or with a bundled plan) new ids: id-2, id-3."""
    import dataclasses
    from collections import Counter

    counts = Counter(p.id for p in plans)
    bundled = set(eduplans.load().ids)
    taken = set(bundled)
    out = []
    for plan in plans:
        if plan.id in taken:
            n = 2
            while f"{plan.id}-{n}" in taken or f"{plan.id}-{n}" in counts:
                n += 1
            plan = dataclasses.replace(plan, id=f"{plan.id}-{n}")
        taken.add(plan.id)
        out.append(plan)
    for pid, n in sorted(counts.items()):
        if n > 1 or pid in bundled:
            files = [str(p) for p, plan in zip(paths, plans, strict=True) if plan.id == pid]
            new = [q.id for q, plan in zip(out, plans, strict=True) if plan.id == pid]
            why = (
                f"{n} texts give the plan id {pid!r}"
                if n > 1
                else f"{files[0]} gives the plan id {pid!r}"
            )
            also = " (a bundled plan's id)" if pid in bundled else ""
            more = " …" if n > 3 else ""
            print(f"eduplans: warning: {why}{also}; they get the ids "
                  f"{', '.join(new[:3])}{more}" if n > 1 else
                  f"eduplans: warning: {why}{also}; it gets the id {new[0]}",
                  file=sys.stderr)  # fmt: skip
    # two texts of one name from two folders: save each source text under its plan id
    names = Counter(p.source_name for p in out)
    return [
        dataclasses.replace(p, source_name=f"{p.id}{Path(p.source_name).suffix or '.txt'}")
        if names[p.source_name] > 1 else p
        for p in out
    ]  # fmt: skip


def _diagnostics(plan: eduplans.Plan, file: Any) -> None:
    """Print the numbers of the text the parser did not read as values (plan.diagnostics)."""
    from collections import Counter

    if plan.diagnostics:
        counts = Counter(d.reason for d in plan.diagnostics)
        by_count = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))  # most frequent first
        print(f"  numbers not read as values: {', '.join(f'{n} {r}' for r, n in by_count)}",
              file=file)  # fmt: skip
        for d in plan.diagnostics:
            if not d.routine:
                print(f"    {d.reason}: {d.text} at {d.start} ({d.detail})", file=file)


def _cmd_parse(args: argparse.Namespace) -> int:
    paths = _texts(args.files)
    results = eduplans.parse_plans(paths, progress=len(paths) > 1, on_error="return")
    failed = [(p, r) for p, r in zip(paths, results, strict=True) if isinstance(r, Exception)]
    for path, exc in failed:
        print(f"eduplans: error: {path}: {exc}", file=sys.stderr)
    ok = [(p, r) for p, r in zip(paths, results, strict=True) if isinstance(r, eduplans.Plan)]
    plans = _distinct_ids([p for p, _ in ok], [r for _, r in ok])
    out_dir = Path(args.output) if args.output else None
    if out_dir is None:  # the drafts to standard output, the summary to stderr
        for (path, _), plan in zip(ok, plans, strict=True):
            if len(plans) > 1:
                sys.stdout.write(f"# --- draft read from {path}\n")
            sys.stdout.write(eduplans.dumps_plan(plan))
            n = sum(len(i.values) for i in plan.indicators)
            print(f"{path}: {plan.id}, {len(plan.indicators)} indicators, {n} values",
                  file=sys.stderr)  # fmt: skip
            _diagnostics(plan, sys.stderr)
        return 1 if failed else 0
    if out_dir.exists() and not out_dir.is_dir():
        raise eduplans.ArgumentError(f"{out_dir} is not a folder")
    targets = [out_dir / f"{plan.id}.toml" for plan in plans]
    existing = [t for t in targets if t.exists()]
    if existing and not args.force:
        more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
        raise eduplans.OverwriteError(
            f"already exists{more}; nothing was written; pass --force to overwrite",
            path=str(existing[0]),
        )
    for plan in plans:  # a source text is never replaced (another plan may read it)
        source = out_dir / (plan.source_name or f"{plan.id}.txt")
        if source.is_file() and source.read_bytes() != plan.source_text.encode(errors="replace"):
            raise eduplans.OverwriteError(
                "a different file is already there, where the source text of "
                f"{plan.id} goes (not replaced, even with --force); nothing was written; move "
                "it or write the drafts to another folder",
                path=str(source),
            )
    out_dir.mkdir(parents=True, exist_ok=True)
    for (path, _), plan, target in zip(ok, plans, targets, strict=True):
        saved = plan.save(target, overwrite=args.force)
        n = sum(len(i.values) for i in plan.indicators)
        print(f"{path}: {len(plan.indicators)} indicators, {n} values -> {saved}")
        _diagnostics(plan, sys.stdout)
    if failed:
        print(f"eduplans: {len(failed)} of {len(paths)} texts could not be read (above)",
              file=sys.stderr)  # fmt: skip
        return 1
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    # the files a folder stands for, by the one rule load() and validate() follow; not public
    # API, since a user passes the folder itself to eduplans.load or eduplans.validate
    from eduplans._review import plan_files

    for name in args.files:
        if not Path(name).exists():
            raise eduplans.ArgumentError(f"no such file: {name}")
    problems = eduplans.validate(args.files)
    bad = {p.path for p in problems}
    files = [str(p) for p in plan_files(args.files)]
    for name in files:
        mine = [p for p in problems if p.path == name]
        for problem in mine:
            print(problem)
        if not mine:
            plan = eduplans.read_plan(name)
            n = sum(len(i.values) for i in plan.indicators)
            print(f"{name}: valid ({plan.id}, {len(plan.indicators)} indicators, {n} values)")
    if problems:
        raise eduplans.DataError(
            f"{len(problems)} problem{'s' if len(problems) > 1 else ''} in {len(bad)} of "
            f"{len(files)} file{'s' if len(files) > 1 else ''}"
        )
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    if args.output is None:  # to stdout: a pipe or a redirect
        if args.format in (None, "parquet"):
            raise eduplans.ArgumentError(
                "give -o FILE (for Parquet, or to infer the format from the suffix)"
                " or --format csv|json to write to standard output"
            )
        eduplans.export(_load(args), sys.stdout.buffer, format=args.format, bom=False)
        sys.stdout.buffer.flush()
        return 0
    out = Path(args.output)
    if args.format is None and out.suffix.lower() not in (".csv", ".parquet", ".json"):
        raise eduplans.ArgumentError(  # the library's message says format=
            f"cannot tell the export format of {str(out)!r}: use .csv, .parquet or .json, "
            "or pass --format csv|parquet|json"
        )
    if out.is_file() and not args.force:  # the library's message says overwrite=True
        raise eduplans.OverwriteError("already exists; pass --force to replace it", path=str(out))
    written = eduplans.export(_load(args), out, format=args.format, overwrite=args.force)
    print(f"wrote {written}")
    return 0


def _cmd_cite(args: argparse.Namespace) -> int:
    sys.stdout.write(eduplans.cite(sources=not args.library_only))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eduplans",
        description="Chinese regional education plans, made comparable. Without a command: a "
        "summary of the bundled plans and the indicators they share.",
    )
    parser.add_argument("--version", action="version", version=eduplans.__version__)
    parser.set_defaults(func=_cmd_summary, figure=None, plans=None, lang="en", force=False)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    def add(name: str, help_: str, func: Any) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        p.set_defaults(func=func)
        return p

    def plans(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument(
            "--plans",
            action="append",
            metavar="PATH",
            help="also read these plan files or folders of .toml files (repeatable)",
        )
        return p

    def force(p: argparse.ArgumentParser) -> None:
        p.add_argument("--force", action="store_true", help="replace existing files")

    def fmt(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--format",
            choices=("table", "csv", "json"),
            default="table",
            help="output format (default: table)",
        )

    p = add(
        "summary", "the bundled plans and the indicators three or more regions share", _cmd_summary
    )
    p.add_argument("--figure", metavar="PATH", help="also write a figure (.png, .pdf, .svg)")
    p.add_argument("--lang", choices=("zh", "en"), default="en",
                   help="language of indicator names and figure labels (default: en)")  # fmt: skip
    force(plans(p))
    fmt(plans(add("list", "list the bundled plans (and those of --plans)", _cmd_list)))
    p = add("show", "show one plan's values (a plan id, region name or plan file)", _cmd_show)
    p.add_argument("plan", help="plan id (luoyang-2022), region (洛阳市) or a .toml plan file")
    fmt(plans(p))
    fmt(
        plans(
            add(
                "indicators",
                "list the indicator catalog with Chinese and English labels",
                _cmd_indicators,
            )
        )
    )
    p = add("compare", "compare regions' targets for indicators (catalog keys)", _cmd_compare)
    p.add_argument("keys", nargs="+", metavar="KEY", help="catalog key(s); see `indicators`")
    p.add_argument("--year", type=int, help="keep targets for this year")
    p.add_argument(
        "--interpolate",
        action="store_true",
        help="read straight baseline-to-target paths at --year (marked derived)",
    )
    fmt(plans(p))
    p = add("plot", "draw a figure for an indicator", _cmd_plot)
    p.add_argument(
        "key", nargs="?", help="catalog key (coverage: optional, one indicator's row only)"
    )
    p.add_argument("-o", "--output", required=True, help="file to write: .png, .pdf or .svg")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="label language")
    p.add_argument(
        "--kind",
        choices=("targets", "trajectory", "coverage"),
        default="targets",
        help="figure type (default: targets)",
    )
    force(plans(p))
    p = add("parse", "read plan texts into draft plan files", _cmd_parse)
    p.add_argument("files", nargs="+", metavar="PATH", help="plan text file(s), or folders of them")
    p.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        help="write one plan file per text here (default: print the drafts)",
    )
    force(p)
    p = add("validate", "check plan files: every problem of every file", _cmd_validate)
    p.add_argument("files", nargs="+", metavar="PATH", help=".toml plan files or folders")
    p = add("export", "export every value as a tidy table", _cmd_export)
    p.add_argument(
        "--format",
        choices=("csv", "parquet", "json"),
        help="output format (default: from the suffix of -o)",
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="file to write (default: standard output)"
    )
    p.add_argument("--force", action="store_true", help="replace an existing file")
    plans(p)
    p = add("cite", "print BibTeX for eduplans and the bundled documents", _cmd_cite)
    p.add_argument("--library-only", action="store_true", help="cite the library only")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``eduplans`` command line.

    Parameters
    ----------
    argv
        Arguments without the program name; ``sys.argv[1:]`` when None.

    Returns
    -------
    int
        0 on success, 1 on a user error (a one-line message on stderr), 2 on a usage error.
    """
    if sys.stdout is None or sys.stderr is None:  # started with a standard stream closed
        if sys.stderr is not None:
            print("eduplans: error: standard output is closed", file=sys.stderr)
        return 1
    args = _parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except BrokenPipeError:  # pragma: no cover - `eduplans list | head`
        return 0
    except (eduplans.EduplansError, OSError) as exc:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        print(f"eduplans: error: {message}", file=sys.stderr)
        return 1
    return code
