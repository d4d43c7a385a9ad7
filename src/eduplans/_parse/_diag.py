"""Every number is a candidate: the numbers of a text that did not become values, and why.

After the readers have run, each number of the view (a run of digits with an optional decimal
part) is either inside the text of a value the draft keeps, or it is reported as a
:class:`~eduplans.Diagnostic` with a reason. Readers that decided against a number say why
(``Doc``-independent notes passed in as ``known``); the others are explained from the words
around them (a year, a date, a document number …) or reported as ``not_understood``.
"""

from __future__ import annotations

import re
import sys
import textwrap
from collections.abc import Iterable
from functools import lru_cache

from .._model import Diagnostic, Plan
from .._words import Words, alternation, chars, pattern
from ._doc import Doc
from ._view import View

__all__ = ["NUMBER", "ROUTINE", "diagnose", "number_spans", "review_comments", "summary"]

#: A number of the text, as counted by the diagnostics: digits with an optional decimal part.
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _unit_words(w: Words, *keys: str) -> str:
    """Return the words of the units ``keys`` as an alternation (倍, 百分点 …)."""
    return alternation(x for u in w.units if u.key in keys for x in u.words)


def _spans(w: Words) -> str:
    """Return the characters joining the years of a span (2019—2020, 2019至2020, 2019到2020)."""
    return chars("".join((*w.dates.year_span, *w.dates.year_span_text)))


def _date_around(w: Words) -> str:
    d = w.dates
    year, month, day = (re.escape(x) for x in (d.year, d.month, d.day))
    return (
        rf"(?:19|20)\d{{2}}\s*[-/.{chars(d.year)}]\s*\d{{1,2}}\s*[-/.{chars(d.month)}]\s*\d{{1,2}}"
        rf"\s*{day}?|\d{{1,2}}\s*{month}\s*\d{{1,2}}\s*{day}|"
        rf"\d{{1,2}}:\d{{2}}(?::\d{{2}})?|(?:19|20)\d{{2}}\s*{year}\s*\d{{1,2}}\s*{month}|"
        rf"\d{{1,2}}\s*{month}(?:{alternation(d.month_parts)})?|"
        rf"\d{{1,2}}\s*{day}(?:{alternation(w.meta.dateline_end)})"
    )


def _docno(w: Words) -> str:
    no = alternation(w.diag.document_number)
    return (
        rf"[〔\[【(]\s*(?:19|20)\d{{2}}\s*[〕\]】)]\s*\d{{0,5}}\s*(?:{no})?|"
        rf"(?:{alternation(w.heading.ordinal)})\s*\d+\s*(?:{no})|"
        rf"\d+\s*(?:{alternation(w.diag.document_number_text)})"
    )


def _year_after(w: Words) -> str:
    """Return what may follow a year (年, 学年, a span's joint, 届, 级, 版, a bracket)."""
    d = w.dates
    return (
        rf"{re.escape(d.year)}|{re.escape(d.school_year)}|[{_spans(w)}]|"
        rf"{alternation(w.diag.year_after)}|\)"
    )


_DATE_AROUND = pattern(_date_around)
_DOCNO = pattern(_docno)
_PHONE = re.compile(r"(?:\d{3,4}-)?\d{7,8}|1[3-9]\d{9}|\d{3}-\d{3,4}-\d{4}")
_YEAR = pattern(
    lambda w: (
        rf"(?:19|20)\d{{2}}(?=\s*(?:{re.escape(w.dates.year)}|{re.escape(w.dates.school_year)}|"
        rf"[{_spans(w)}]\s*(?:19|20)?\d{{2}}|{alternation(w.diag.year_after)}|\)|）|$))|"
        rf"(?<=[{_spans(w)}])\s*(?:19|20)\d{{2}}"
    )
)
_RELATIVE_BEFORE = pattern(
    lambda w: (
        rf"(?:{alternation(w.diag.relative_lead)})[^,;。]{{0,12}}"
        rf"(?:{alternation(w.diag.relative_verbs)})?\s*$"
    )
)
_GROWTH_AFTER = pattern(lambda w: rf"\s*(?:{_unit_words(w, 'times', 'percent')})")
_YEAR_AFTER = pattern(lambda w: rf"\s*(?:{_year_after(w)}|$)")
_POINTS_AFTER = pattern(lambda w: rf"\s*(?:{_unit_words(w, 'percentage_point')})")
_TIMES_AFTER = pattern(lambda w: rf"\s*(?:{_unit_words(w, 'times')})")
_ASPECT_AFTER = pattern(
    lambda w: (
        rf"\s*(?:{alternation(w.diag.aspect_classifiers)})?"
        rf"(?:{alternation(w.diag.aspect_nouns)})"
    )
)
_VIEWS = pattern(
    lambda w: (
        rf"(?:{alternation(w.page.counter_verbs)})(?:{alternation(w.page.counter_nouns)})?"
        r"\s*[::]?\s*$"
    )
)
_INDEX = pattern(lambda w: rf"(?:{alternation(w.page.index_labels)})\s*[::]?\s*[\w\-/〔〕\[\]]*$")
_STREET = pattern(lambda w: rf"(?:{alternation(w.diag.street_ends)})\s*$")
_STREET_NUMBER = pattern(lambda w: rf"\s*(?:{alternation(w.diag.street_number)})")
_NUMBERED = pattern(lambda w: rf"(?:{alternation((*w.heading.labels, *w.heading.table))})\s*$")
_SPAN_BEFORE = pattern(lambda w: rf"[{_spans(w)}]\s*$")
_PHONE_OPENING = pattern(lambda w: rf"^[()\s:{chars(w.diag.phone_prefix)}]+")
_PHONE_LABEL = pattern(lambda w: rf"(?:{alternation(w.diag.phone_labels)})\s*[::]?\s*[\d\-]*$")
_ORDINAL_BEFORE = pattern(lambda w: rf"(?:{alternation(w.heading.ordinal)})\s*$")
_AGE = pattern(lambda w: rf"\s*(?:{alternation(w.diag.age)})")


#: Reasons a reviewer rarely needs to look at one by one (listed by offset only).
ROUTINE = frozenset(
    {
        "year",
        "date",
        "document_number",
        "phone",
        "numbering",
        "title",
        "chrome",
        "address",
        "page_number",
    }
)


def review_comments(plan: Plan) -> list[str]:
    """Comment lines for a draft plan file: metadata sources and the numbers not read.

    Parameters
    ----------
    plan
        A draft from :func:`eduplans.parse_plan`.

    Returns
    -------
    list of str
        TOML comment lines (ignored by :func:`eduplans.read_plan`).

    """
    out = ["", "# --- review notes of eduplans.parse_plan (comments; not read back) ---"]
    for f in plan.meta:
        where = f"at {f.start}..{f.end}" if f.end > f.start else "inferred"
        out.append(f"# {f.name} = {f.value!r} ({where}; {f.how})".replace("\n", " "))
    if plan.diagnostics:
        out.append(f"# {len(plan.diagnostics)} numbers of the source are not values of this draft:")
    routine: dict[str, list[str]] = {}
    for d in plan.diagnostics:
        if d.reason in ROUTINE:
            routine.setdefault(d.reason, []).append(f"{d.text}@{d.start}")
            continue
        ctx = plan.source_text[max(0, d.start - 12) : d.end + 8].replace("\n", " ")
        out.append(f"#   {d.reason}: {d.text} at {d.start} «{ctx}» ({d.detail})")
    for reason, items in sorted(routine.items()):
        wrapped = textwrap.wrap(", ".join(items), 92)
        out.append(f"#   {reason} ({len(items)}): {wrapped[0]}")
        out += [f"#       {w}" for w in wrapped[1:]]
    return out


def summary(plan: Plan) -> str:
    """One line: how many numbers were not read, by reason (most frequent first)."""
    counts: dict[str, int] = {}
    for d in plan.diagnostics:
        counts[d.reason] = counts.get(d.reason, 0) + 1
    parts = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ", ".join(f"{n} {r}" for r, n in parts)


def number_spans(work: str) -> list[tuple[int, int]]:
    """Return the spans of the numbers of a (working) text."""
    return [(m.start(), m.end()) for m in NUMBER.finditer(work)]


def _covering(spans: list[tuple[int, int]], a: int, b: int, starts: list[int]) -> bool:
    import bisect

    i = bisect.bisect_right(starts, a) - 1
    return i >= 0 and spans[i][0] <= a and b <= spans[i][1]


def _in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    import bisect

    i = bisect.bisect_right(spans, (pos, sys.maxsize)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


@lru_cache(maxsize=4)
def _newlines(work: str) -> list[int]:
    """Offsets of the line breaks of ``work`` (cached: one scan per document, not per number)."""
    return [m.start() for m in re.finditer("\n", work)]


_WORD_AFTER = re.compile(r"\S{0,60}")


def _reason(doc: Doc, a: int, b: int) -> tuple[str, str]:
    import bisect

    work = doc.work
    breaks = _newlines(work)
    k = bisect.bisect_left(breaks, a)  # line breaks before a: breaks[:k]
    line_start = breaks[k - 1] + 1 if k else 0
    k = bisect.bisect_left(breaks, b)
    line_end = breaks[k] if k < len(breaks) else len(work)
    before = work[max(line_start, a - 24) : a]
    after = work[b : min(line_end, b + 12)]
    around = work[max(line_start, a - 12) : min(line_end, b + 12)]
    num = work[a:b]
    token_start = max(line_start, a - 60)
    token = re.search(r"\S*$", work[token_start:a])
    after_word = _WORD_AFTER.match(work, b)  # as far as the 60 characters looked at before
    word = (token.group(0) if token else "") + num + (after_word.group(0) if after_word else "")
    if re.search(r"://|www\.|\.html?\b|\.s?html|@|\.com|\.cn\b", word):
        return "address", "part of a web or e-mail address"
    if _STREET.search(before) and _STREET_NUMBER.match(after):
        return "address", "a street number"
    if _in_spans(doc.chrome, a):
        return "chrome", "on a line of web-page chrome (navigation, footer, metadata)"
    if _VIEWS.search(before):
        return "chrome", "a page-view counter"
    if _INDEX.search(before):
        return "document_number", "an index or document number"
    for m in _DOCNO.finditer(around):
        if m.start() <= a - max(line_start, a - 12) < m.end():
            return "document_number", f"a document number ({m.group(0)})"
    for m in _DATE_AROUND.finditer(around):
        off = max(line_start, a - 12)
        if m.start() + off <= a < m.end() + off:
            return "date", f"part of a date or time ({m.group(0)})"
    if _NUMBERED.search(before):
        return "numbering", "the number of a box, annex or table"
    # a tab-separated grid row (HTML, DOCX, PDF tables): the number fills its cell
    text = doc.text  # the working copy has its tabs folded to spaces
    grid_row = "\t" in text[line_start:line_end]
    whole_cell = grid_row and text[a - 1 : a] in ("\t", "\n", "") and text[b : b + 1] in ("\t", "")
    if _in_spans(doc.blocked, a) and (
        re.fullmatch(r"\s*\d{1,3}\s*", work[line_start:line_end])
        or (whole_cell and a == line_start and len(num) <= 3)
    ):
        return "numbering", "a row number of a table (序号)"
    if re.fullmatch(r"(?:19|20)\d{2}", num) and (
        _YEAR_AFTER.match(after)
        or whole_cell  # a year cell of a grid's header
        or _SPAN_BEFORE.search(before)
    ):
        return "year", "a year"
    if re.match(r"-\d{7,8}(?!\d)", work[b : b + 10]) or (
        re.search(r"(?<![\d-])\d{3,4}-$", before) and len(num) >= 7
    ):
        return "phone", "a telephone number"
    if _PHONE.fullmatch(_PHONE_OPENING.sub("", work[max(line_start, a - 5) : b])) or (
        _PHONE_LABEL.search(before)
    ):
        return "phone", "a telephone number"
    depth_title = before.rfind("《") > before.rfind("》")
    if depth_title:
        return "title", "inside a document title in 《》"
    if re.match(r"\s*[.、．](?!\d)", after) and (a == line_start or before.endswith(("(", "("))):
        return "numbering", "a list or heading number"
    if _ORDINAL_BEFORE.search(before) or (
        re.match(r"\s*[)）]", after) and before.endswith(("(", "（"))
    ):
        return "numbering", "an ordinal or list number"
    at_line_start = not work[line_start:a].strip(" \t\u3000(（")
    if at_line_start and re.match(r"\s*[.、．)）]", after):
        return "numbering", "a list or heading number"
    if before.rfind("“") > before.rfind("”") and re.match(r"[^“”\n]{0,12}”", after):
        return "name", "inside quotation marks: the name of a programme (“5080”)"
    if re.search(r"[A-Za-z]$", before) or re.match(r"[A-Za-z+]", after):
        return "name", "part of a name or code (5G, GB50180, 2+1 …)"
    if _RELATIVE_BEFORE.search(before) and (
        _GROWTH_AFTER.match(after) or _POINTS_AFTER.match(after)
    ):
        return "relative", "a change relative to another year or place, not a level"
    if _TIMES_AFTER.match(after):
        return "relative", "a multiple (倍), not a level"
    if _AGE.match(after):
        return "distractor", "an age"
    if _ASPECT_AFTER.match(after):
        return "distractor", "a count of aspects of a programme, not a target"
    return "not_understood", "no value was read here"


def diagnose(
    doc: Doc,
    view: View,
    used: Iterable[tuple[int, int]],
    known: Iterable[tuple[int, int, str, str]] = (),
) -> tuple[Diagnostic, ...]:
    """Report every number of the view that is not inside a used value text.

    Parameters
    ----------
    doc
        The parsed document (built on ``view.text``).
    view
        The view, to map offsets back to the source text.
    used
        View spans of the value texts the draft keeps.
    known
        ``(start, end, reason, detail)`` view spans the readers gave a reason for; a number
        inside one takes that reason.

    Returns
    -------
    tuple of Diagnostic
        In text order, with source offsets.

    """
    spans = sorted(set(used))
    starts = [s for s, _ in spans]
    notes = sorted(known)
    note_starts = [n[0] for n in notes]
    out: list[Diagnostic] = []
    for a, b in number_spans(doc.work):
        if _covering(spans, a, b, starts):
            continue
        reason = detail = ""
        import bisect

        i = bisect.bisect_right(note_starts, a) - 1
        while i >= 0 and reason == "":
            s, e, r, d = notes[i]
            if s <= a and b <= e:
                reason, detail = r, d
            if s < a - 400:
                break
            i -= 1
        if not reason:
            reason, detail = _reason(doc, a, b)
        sa, sb = view.src_span(a, b)
        out.append(
            Diagnostic(start=sa, end=sb, text=view.source[sa:sb], reason=reason, detail=detail)
        )
    # numbers the view deleted (a page number line, "—1—") are no value, but are reported too
    for ra, rb, why in view.removed:
        for na, nb in number_spans(view.source[ra:rb]):
            text = view.source[ra + na : ra + nb]
            line = view.source[ra:rb].strip()
            reason = "page_number" if why == "page number" else "chrome"
            out.append(
                Diagnostic(
                    start=ra + na, end=ra + nb, text=text, reason=reason, detail=f"{why}: {line}"
                )
            )
    return tuple(sorted(out, key=lambda d: (d.start, d.end)))
