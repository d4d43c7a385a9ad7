"""Extraction: turn a plan's text into a draft :class:`~eduplans.Plan`.

``parse_plan(path_or_text)`` reads the text (:mod:`._decode`), its metadata (:mod:`._meta`), its
indicator tables (:mod:`._tables`) and the targets stated in its prose (:mod:`._prose`), and
returns a validated :class:`~eduplans.Plan` whose every value points at its quote in the text.
``parse_plans(paths)`` does the same for many files in a process pool.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from pathlib import Path
from typing import Any, Literal, overload

from .._errors import AmbiguousRegionError, EduplansError, ParseError
from .._model import Baseline, Indicator, MetaField, Plan, Region, SourceSpan, Target
from .._vocab import RATE_FLAGS, Binding, PlanKind
from .._words import alternation, pattern, words
from ._decode import MAX_CHARS, fold
from ._diag import diagnose
from ._doc import Doc
from ._draft import DIndicator, alignment_context
from ._grid import read_grids, text_grids
from ._meta import Meta, read_meta
from ._prose import read_prose
from ._readers import read_document
from ._region import plan_id as _plan_id
from ._region import region_from_hint
from ._settle import Context, map_values, period_totals, settle
from ._tables import read_tables
from ._view import View, make_view

__all__ = ["parse_plan", "parse_plans"]


def _region_arg(region: Region | str, source: str) -> Region:
    try:
        return region_from_hint(region)
    except AmbiguousRegionError as exc:
        raise ParseError(f"region={region!r}: {exc}", source=source or None) from None


def _note(flags: dict[str, str]) -> str:
    return "; ".join(f"{flag}: {why}" for flag, why in sorted(flags.items()))


def _build(
    d: DIndicator,
    view: View,
    rejected: list[tuple[int, int, str, str]],
    page_at: Callable[[int], int | None] | None = None,
) -> tuple[Indicator | None, list[tuple[int, int]]]:
    """Build the model indicator of a draft, with spans mapped from the view to the source.

    Returns the indicator (None when no value is valid) and the view spans of the value texts
    it keeps; values the model rejects go to ``rejected`` with the model's message. ``page_at``
    gives the PDF page of a source offset: each span carries the page of its value's text.
    """
    baselines: list[Baseline] = []
    targets: list[Target] = []
    used: list[tuple[int, int]] = []
    text = view.source
    for v in d.values:
        flags = {**v.flags}
        start, end = view.src_span(v.start, v.end)
        t_start, t_end = view.src_span(v.text_start, v.text_start + len(v.text))
        try:
            page = page_at(t_start) if page_at is not None else None
            span = SourceSpan(start=start, end=end, quote=text[start:end], page=page)
            cls = Baseline if v.kind == "baseline" else Target
            built = cls(
                year=v.year,
                comparator=v.comparator,
                magnitude=v.magnitude,
                upper_magnitude=v.upper,
                unit=d.unit,
                text=text[t_start:t_end],
                span=span,
                hedges=tuple(dict.fromkeys(v.hedges)),
                flags=tuple(sorted(flags)),
                note=_note(flags),
                start_year=v.start_year if "cumulative" in flags else None,
            )
        except EduplansError as exc:
            rejected.append(
                (v.text_start, v.text_start + len(v.text), "rejected", f"not a valid value: {exc}")
            )
            continue
        used.append((v.text_start, v.text_start + len(v.text)))
        if isinstance(built, Baseline):
            baselines.append(built)
        else:
            targets.append(built)
    if not baselines and not targets:
        return None, []
    return (
        Indicator(
            name=d.name,
            unit=d.unit,
            binding=Binding(d.binding),
            section=d.section,
            origin=d.origin,  # type: ignore[arg-type]
            baselines=tuple(baselines),
            targets=tuple(targets),
            key=None,
            subject=d.subject,
            note=d.note,
        ),
        used,
    )


def _with_keys(
    indicators: list[Indicator], overrides: Any = None, text: str = ""
) -> list[Indicator]:
    from .._align import align

    found = align(
        [i.full_name for i in indicators],
        context=[  # the heading, or the stage of the sentence a prose name sits in
            alignment_context(i.full_name, i.origin, i.section, text, i.values[0].span.start)
            for i in indicators
        ],
        overrides=overrides,
    )["key"]
    return [
        _fit(dataclasses.replace(i, key=k if isinstance(k, str) else None))
        for i, k in zip(indicators, found, strict=True)
    ]


def _fit(ind: Indicator) -> Indicator:
    """Fit an aligned indicator to its key (issue 9).

    Values take the key's measure unless read otherwise; a key whose unit or measure they do not
    fit is left out and flagged ``key_mismatch``.
    """
    from .._catalog import catalog, misfit
    from .._vocab import Measure

    key = ind.key
    if key is None:
        return ind
    measure = catalog()[key].measure

    def default(v: Baseline | Target) -> Baseline | Target:  # a level only by default
        plain = v.measure is Measure.LEVEL and "cumulative" not in v.flags
        return dataclasses.replace(v, measure=measure) if plain else v

    ind = map_values(ind, default)
    why = misfit(key, ind.unit, [v.measure for v in ind.values])
    if why is None:
        return ind
    note = f"key_mismatch: alignment found {key!r}, left out: {why}"

    def mark(v: Baseline | Target) -> Baseline | Target:
        flags = (*v.flags, "key_mismatch")
        return dataclasses.replace(v, flags=flags, note=f"{v.note}; {note}" if v.note else note)

    return map_values(ind, mark, key=None)


#: Values that are not a level at one time (per year, per unit, a total over years) are never
#: compared with levels for conflicts.
_NOT_A_LEVEL = RATE_FLAGS | {"cumulative"}
_CONFLICTS_NAMED = 5


def _flag_conflicts(indicators: list[Indicator]) -> list[Indicator]:
    """Flag rates of one key, kind and year that the plan gives different numbers (keep both).

    Only percentages are compared: counts of one name often cover different scopes in one plan
    (专任教师 of kindergartens, of special schools …), rates rarely do. The same number with
    another comparator (50% and 50%以上) is a conflict too (issue 9): = 50 and ≥ 50 are two
    different promises.
    """
    seen: dict[tuple[str, str, int], list[tuple[int, Baseline | Target]]] = {}
    for n, ind in enumerate(indicators):
        if ind.key is None or ind.unit != "percent":
            continue
        for v in ind.values:
            if v.magnitude is not None and not _NOT_A_LEVEL & set(v.flags):
                seen.setdefault((ind.key, v.kind, v.year), []).append((n, v))
    notes: dict[int, str] = {}  # id(value) -> note

    def number(v: Baseline | Target) -> tuple[str, float | None, float | None]:
        return (v.comparator.value, v.magnitude, v.upper_magnitude)  # 50% vs 50%以上 differ too

    for group in seen.values():
        # Linear in the group: count the values per number and per indicator instead of
        # comparing every pair; a note names the first _CONFLICTS_NAMED others and counts the rest.
        per_number = Counter(number(v) for _, v in group)
        per_indicator = Counter(n for n, _ in group)
        per_both = Counter((n, number(v)) for n, v in group)
        shown: list[tuple[int, Baseline | Target]] = []  # the first few values of each number
        shown_of: Counter[tuple[str, float | None, float | None]] = Counter()
        for n, v in group:
            if shown_of[number(v)] <= _CONFLICTS_NAMED:
                shown_of[number(v)] += 1
                shown.append((n, v))
        for n, v in group:
            count = (
                len(group) - per_number[number(v)] - (per_indicator[n] - per_both[(n, number(v))])
            )
            if count:
                want = min(count, _CONFLICTS_NAMED)
                differ = list(
                    islice((o for m, o in shown if m != n and number(o) != number(v)), want)
                )
                if len(differ) < want:  # an indicator with two numbers for one year: scan all
                    differ = list(
                        islice((o for m, o in group if m != n and number(o) != number(v)), want)
                    )
                others = "; ".join(f"{o.text} at {o.span.start}" for o in differ)
                if count > len(differ):
                    others += f" and {count - len(differ)} more"
                notes[id(v)] = f"the plan gives this {v.kind} {v.year} as {others} elsewhere"
    if not notes:
        return indicators

    def mark(v: Baseline | Target) -> Baseline | Target:
        why = notes.get(id(v))
        if why is None or "conflict" in v.flags:
            return v
        note = f"{v.note}; conflict: {why}" if v.note else f"conflict: {why}"
        return dataclasses.replace(v, flags=(*v.flags, "conflict"), note=note)

    return [map_values(ind, mark) for ind in indicators]


def parse_plan(
    source: str | os.PathLike[str] | bytes,
    *,
    plan_id: str | None = None,
    region: Region | str | None = None,
    title: str | None = None,
    period: tuple[int, int] | None = None,
    kind: PlanKind | str | None = None,
    tables: bool = True,
    prose: bool = True,
    align: bool = True,
    overrides: Mapping[str, str | Sequence[str] | None] | str | os.PathLike[str] | None = None,
    max_chars: int = MAX_CHARS,
) -> Plan:
    r"""Parse a plan text into a draft :class:`~eduplans.Plan`.

    Parameters
    ----------
    source
        A path to a text file, the raw bytes of one, or the text itself (a ``str`` that is not
        the name of an existing file). A one-line ``str`` that names a folder, or ends like a
        file name (``.txt``, ``.html``, ``.pdf``, ``.docx`` …), is a path and must name a file.
        Files and bytes may be UTF-8 (with or without BOM), UTF-16 or GB18030/GBK.
    plan_id
        The plan id; by default the region's English name (or code) and the issue year.
    region
        A :class:`~eduplans.Region`, a GB/T 2260 code of the bundled region table, or a region
        name; by default read from the title (``"洛阳市“十四五”教育事业发展规划"`` -> 洛阳市).
    title
        The title; by default read from the text.
    period
        First and last year of the plan; by default read from the title (十四五 -> 2021–2025,
        "2022年…工作要点" -> 2022) or from the issue date and the target years.
    kind
        ``"five_year_plan"``, ``"annual_work_plan"`` or ``"action_plan"``; by default guessed.
    tables, prose
        Read indicator tables, prose targets (both by default).
    align
        Give indicators catalog keys with :func:`eduplans.align` (their section heading as
        context); True by default.
    overrides
        Pins and bans for that alignment, as for :func:`eduplans.align` (a mapping of
        indicator names, or the path of a TOML file with ``[pin]`` and ``[forbid]``).
    max_chars
        Largest text accepted, in code points.

    Returns
    -------
    Plan
        A draft plan: ``plan.source_text`` is the text as given (a ``str``) or as decoded
        (path, bytes: a byte-order mark is dropped, nothing else changes), and every value's
        span gives code-point offsets into it; ``plan.source_name`` is the file's name, or
        ``<id>.txt`` for a ``str`` or ``bytes`` input (the name :meth:`~eduplans.Plan.save`
        writes the text under). Indicators carry catalog keys where alignment
        finds one; reading guesses are flagged (``year_implied``, ``comparator_from_context``
        …) with a note, and values of one key and year stated differently in two places are
        both kept and flagged ``conflict``.

    Raises
    ------
    ParseError
        For an empty, binary, undecodable or oversized input, a missing file or a folder, a
        ``str`` with a lone surrogate, an unknown ``kind``, or a text in which no baseline or
        target value is found.

    Examples
    --------
    >>> import eduplans
    >>> text = "某某县“十四五”教育事业发展规划\n到2025年,学前三年毛入园率达到95%以上。"
    >>> plan = eduplans.parse_plan(text)
    >>> plan.targets[0].text, plan.targets[0].year
    ('95%以上', 2025)

    """
    src = read_document(
        Path(source) if isinstance(source, os.PathLike) else source, max_chars=max_chars
    )
    view = make_view(src.text)
    doc = Doc(view.text)  # the document's structure (src.tables …) has offsets into src.text
    meta = read_meta(doc)
    the_period = tuple(period) if period is not None else meta.period
    if len(the_period) != 2 or the_period[0] > the_period[1]:
        raise ParseError(f"bad period {period!r}")
    per = (int(the_period[0]), int(the_period[1]))
    drafts: list[DIndicator] = []
    table_notes: list[tuple[int, int, str, str]] = []
    found = {f.name: f for f in meta.fields}
    dated = "issued" in found and found["issued"].end > found["issued"].start
    # no year, date or period on the page: values take the placeholder year, flagged
    undated = period is None and not dated and found["period"].how == "no period found"
    if tables:
        # grids of an HTML, DOCX or PDF file, or a text's tab-separated tables: read by column
        grids = src.tables or text_grids(doc, view)
        drafts += read_grids(doc, grids, view, per, table_notes)
        drafts += read_tables(doc, per, table_notes, undated=undated)
    drafts, off_topic = _education_only(drafts)
    doc.find_headings()
    settle_notes: list[tuple[int, int, str, str]] = []
    if prose:
        headline = found.get("headline")
        ctx = Context(
            period=per,
            page_date=meta.issued if dated else None,
            document=meta.document,
            summary=meta.document == "summary"
            or re.search(alternation(words().topic.summary_title), fold(meta.title)) is not None,
            title_span=(headline.start, headline.end) if headline else (0, 0),
            latest_year=meta.issued.year if dated else _latest_year(doc.work, per),
            mode=_mode(meta, doc.work, dated=dated),
            about_education=_about_education(meta, doc),
            regional=region is not None or meta.region.region is not None,
            undated=undated,
        )
        prose_drafts, settle_notes = settle(
            read_prose(doc, per, kind=str(kind or meta.kind)), doc, ctx
        )
        drafts += prose_drafts
    indicators: list[Indicator] = []
    used: list[tuple[int, int]] = []
    rejected: list[tuple[int, int, str, str]] = [*settle_notes, *off_topic, *table_notes]
    for d in drafts:
        ind, kept = _build(d, view, rejected, src.page_at if src.pages else None)
        if ind is not None:
            indicators.append(ind)
            used += kept
    if not indicators:
        why = ""
        if rejected:  # what the readers decided against (a table's cells without a year …)
            a, b, _, detail = min(rejected)
            why = (
                f"; {len(rejected)} numbers not read, the first {view.text[a:b]!r} at {a}: {detail}"
            )
        raise ParseError(
            "no baseline or target value found in the text" + why, source=src.name or None
        )
    notes = [*src.notes, *meta.notes]
    if region is not None:
        the_region: Region | None = _region_arg(region, src.name)
        notes.append("region given by the caller")
    else:
        the_region = meta.region.region
        notes.append(meta.region.note)
    indicators.sort(key=lambda i: i.values[0].span.start)
    if align:
        indicators = _flag_conflicts(_with_keys(indicators, overrides, src.text))
    indicators = period_totals(indicators, per)  # a total of the plan period starts with it
    try:
        the_kind = PlanKind(kind or meta.kind)
    except ValueError:
        raise ParseError(
            f"unknown plan kind {kind!r}; use one of {[k.value for k in PlanKind]}"
        ) from None
    the_id = plan_id or _plan_id(the_region, meta.issued.year, src.text)
    # a str or bytes input has no file name: the text is saved (and read back) as <id>.txt
    source_name = src.name if src.name and not src.name.startswith("<") else f"{the_id}.txt"
    try:
        return Plan(
            id=the_id,
            region=the_region,
            title=title or meta.title,
            issuer=meta.issuer,
            issued=meta.issued,
            period=per,
            kind=the_kind,
            status=meta.status,
            indicators=tuple(indicators),
            source_text=src.text,
            source_name=source_name,
            baseline_year=per[0] - 1 if per[1] > per[0] else None,
            notes="Draft read by eduplans.parse_plan (" + "; ".join(notes) + ").",
            diagnostics=diagnose(doc, view, used, rejected),
            meta=tuple(_meta_in_source(f, view) for f in meta.fields),
        )
    except EduplansError as exc:
        raise ParseError(f"the parsed plan is not valid: {exc}", source=src.name or None) from exc


_EDUCATION = pattern(lambda w: alternation(w.topic.education))
_PLANNED_HEADS = pattern(lambda w: alternation(w.meta.planned_heads))  # 目标任务分解表, 工作要点


def _education_only(
    drafts: list[DIndicator],
) -> tuple[list[DIndicator], list[tuple[int, int, str, str]]]:
    """Drop the rows of a table that is not about education whose names are not either.

    A plan of public services lists employment, culture and sport beside education; those
    rows are reported (``not_education``), not kept.
    """
    kept: list[DIndicator] = []
    notes: list[tuple[int, int, str, str]] = []
    # a table's total row (合计) counts what the rows below it count: about education when a
    # row of its table is (合计教职工总数 over 幼儿园, 小学 …)
    totals = words().table.stat_total_words
    schooled = {
        d.section for d in drafts if d.origin == "table" and _EDUCATION.search(d.subject + d.name)
    }
    for d in drafts:
        if (
            d.origin == "table"
            and not _EDUCATION.search(d.section)
            and not _EDUCATION.search(d.subject + d.name)
            and not (d.subject in totals and d.section in schooled)
        ):
            why = f"a row of a table not about education ({d.subject}{d.name})"
            notes += [
                (v.text_start, v.text_start + len(v.text), "not_education", why) for v in d.values
            ]
            continue
        kept.append(d)
    return kept, notes


def _about_education(meta: Meta, doc: Doc) -> bool:
    """Whether the page's title, headline or opening names education.

    A 政府工作报告 digest on farming, health and schools does not: only its sentences about
    schooling give education values.
    """
    titled = any(f.name == "title" and f.end > f.start for f in meta.fields)
    heads = meta.title if titled else ""
    heads += "".join(f.value for f in meta.fields if f.name == "headline")
    if not heads:
        heads = doc.work[:120]
    return _EDUCATION.search(fold(heads)) is not None


def _tense_counts(work: str) -> tuple[int, int]:
    """Return how many words of achievement and of intent the page writes."""
    from ._settle import ACHIEVED, PLANNED

    return len(ACHIEVED.findall(work)), len(PLANNED.findall(work))


def _mostly_achieved(work: str) -> bool:
    achieved, planned = _tense_counts(work)
    return achieved > 2 * planned + 1 or (planned == 0 and achieved > 0)


def _mode(meta: Meta, work: str, *, dated: bool) -> str:
    """How prose values are dated: as a plan, a page reporting a plan, or a report."""
    found = {f.name: f for f in meta.fields}
    names_plan = "title" in found and found["title"].how.startswith(("the plan", "the title line"))
    if meta.document in ("plan", "notice"):
        return "plan"
    heads = meta.title + "".join(f.value for f in meta.fields if f.name == "headline")
    if _PLANNED_HEADS.search(heads):
        return "plan"  # "2024年《政府工作报告》重点工作目标任务分解表": its values are planned
    if meta.document == "news_report" and found["document"].how.startswith("an article"):
        # neither news words nor plan sections: a report when it mostly says what was done;
        # an undated one ("涼山州教育綜合數據", a statistics overview without a date) when it
        # writes at least as many words of achievement as of intent, and one at least: without a
        # date, no year tells its results from its plans (session 6: blind14/06, 17/07, 19/11)
        achieved, planned = _tense_counts(work)
        if not dated and achieved >= max(planned, 1):
            return "report"
        return "report" if _mostly_achieved(work) else "mixed"
    if meta.document == "news_report" and names_plan:
        # a news page that names a plan reports the plan, unless it mostly says what was done
        # ("国家统计局今日发布《中国儿童发展纲要(2011—2020年)》终期统计监测报告": its results)
        return "report" if _mostly_achieved(work) else "mixed"
    headline = next((f for f in meta.fields if f.name == "headline"), None)
    if (
        meta.document == "news_report"
        and dated
        and headline is not None
        and _says_intent(headline.value)
    ):
        # "未来5年,高等教育毛入学率将提高到60%" over "发布时间: 2021-03-08": a dated news page
        # whose headline says what will be done reports a plan; its values are planned unless
        # their words say done or their year is past at the page's date
        return "mixed"
    achieved, planned = _tense_counts(work)
    if meta.document == "news_report" and not dated and achieved == 0 and planned >= 2:
        # an undated news page that writes words of intent (two at least) and none of
        # achievement: without a date no year tells its results from its plans, and it says
        # only what will be done ("新学期,各区都推出一批教育民生新举措。…中山区2019年将完成3所
        # 小学…创建任务。…投入3920万元专项资金": blind11/01)
        return "mixed"
    return "report"


def _says_intent(text: str) -> bool:
    from ._settle import ACHIEVED, PLANNED

    return PLANNED.search(text) is not None and ACHIEVED.search(text) is None


def _latest_year(work: str, period: tuple[int, int]) -> int:
    year = re.escape(words().dates.year)
    years = [int(y) for y in re.findall(rf"(?<![\d.])((?:19|20)\d{{2}})\s*{year}", work)]
    return max(years) if years else period[1]


def _meta_in_source(f: MetaField, view: View) -> MetaField:
    if f.end <= f.start:
        return dataclasses.replace(f, start=0, end=0)
    start, end = view.src_span(f.start, f.end)
    return dataclasses.replace(f, start=start, end=end)


def _parse_one(item: str | os.PathLike[str]) -> Plan | ParseError:
    """Parse one file; any error becomes a :class:`ParseError` naming it (the batch goes on)."""
    try:
        return parse_plan(item)
    except ParseError as exc:
        if exc.source is None:
            return ParseError(str(exc), source=str(item))
        return exc
    except EduplansError as exc:
        return ParseError(f"{type(exc).__name__}: {exc}", source=str(item))
    except Exception as exc:  # a bug in the parser: report it, keep the other files
        return ParseError(
            f"unexpected {type(exc).__name__} (a bug; please report it): {exc}", source=str(item)
        )


@overload
def parse_plans(
    paths: Iterable[str | os.PathLike[str]],
    *,
    workers: int | None = ...,
    progress: Callable[[int, int], None] | bool = ...,
    on_error: Literal["raise"] = ...,
    chunksize: int = ...,
) -> list[Plan]: ...


@overload
def parse_plans(
    paths: Iterable[str | os.PathLike[str]],
    *,
    workers: int | None = ...,
    progress: Callable[[int, int], None] | bool = ...,
    on_error: Literal["return"],
    chunksize: int = ...,
) -> list[Plan | ParseError]: ...


def parse_plans(
    paths: Iterable[str | os.PathLike[str]],
    *,
    workers: int | None = None,
    progress: Callable[[int, int], None] | bool = False,
    on_error: Literal["raise", "return"] = "raise",
    chunksize: int = 4,
) -> list[Plan] | list[Plan | ParseError]:
    """Parse many plan files in a process pool.

    Parameters
    ----------
    paths
        Paths of plan texts.
    workers
        Number of worker processes; None uses ``os.cpu_count()``; 1 parses in this process.
    progress
        A callback ``progress(done, total)`` called after each file, or True for a tqdm
        progress bar: on stderr when it is a terminal (none in a pipe or a log file), a widget
        in Jupyter.
    on_error
        ``"raise"`` raises the first :class:`ParseError`; ``"return"`` puts the error in the
        result list in place of the plan.
    chunksize
        Files sent to a worker at a time.

    Returns
    -------
    list of Plan
        In the order of ``paths``; with ``on_error="return"`` a file that cannot be parsed
        gives a :class:`ParseError` naming it in place of the plan (any other error while
        parsing it, even an unexpected one, becomes that ParseError: one file never loses the
        batch).

    Raises
    ------
    ParseError
        With ``on_error="raise"``, for the first file that cannot be parsed.

    """
    items: Sequence[str | os.PathLike[str]] = list(paths)
    total = len(items)
    report: Callable[[int, int], None] | None
    bar = None
    if progress is True:
        from .._progress import progress_bar

        bar = progress_bar(total, desc="parsing")

        def report(done: int, total: int) -> None:
            bar.update(1)

    elif callable(progress):
        report = progress
    else:
        report = None
    results: list[Plan | ParseError] = []
    n = workers if workers is not None else (os.cpu_count() or 1)
    if n <= 1 or total <= 1:
        mapped: Iterable[Plan | ParseError] = map(_parse_one, items)
        pool = None
    else:
        pool = ProcessPoolExecutor(max_workers=n)
        mapped = pool.map(_parse_one, items, chunksize=max(1, chunksize))
    try:
        for result in mapped:
            if isinstance(result, ParseError) and on_error == "raise":
                raise result
            results.append(result)
            if report is not None:
                report(len(results), total)
    finally:
        if bar is not None:
            bar.close()
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return results
