"""The normalised view of a text: what the readers match on, with a map back to the source.

Real pages carry defects that break matching but must not be edited out of the source text,
because every quote is a verbatim slice of it. The view is the source text with some characters
*deleted* (never added or replaced), so that each view character is one source character and
the map from view offsets to source offsets is a sorted list:

* inline pinyin after a character (``發(fā)展`` -> ``發展``);
* stray spaces inside words and before a percent sign in running text (``新发展 理念``,
  ``90 %``); spaces in table rows are column separators and stay;
* page numbers standing on a line or glued into running text (``- 12 -``, ``—3—``, ``第3页``);
* line breaks inside a sentence of text wrapped at a fixed width (PDF text), with the next
  line's indentation.

Width folding, traditional to simplified characters and ASCII punctuation are handled in the
working copy (:func:`._decode.fold`), which keeps lengths: it is computed on the view.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from .._words import Words, alternation, chars, pattern

__all__ = ["View", "make_view"]

_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
# (repeated as a mirror may print it: "學(xue)(xue)(xue)位" -> "學位")
_PINYIN = re.compile(rf"(?<=[{_CJK}])(?:[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{{1,7}}[)）])+")
# a single space between two Chinese characters, a Chinese character and a digit, or a digit
# and a percent sign
_STRAY_SPACE = re.compile(rf"(?<=[{_CJK}])[ \u3000](?=[{_CJK}\d])|(?<=\d)[ \u3000](?=[%％{_CJK}])")
# a number written in groups of three digits with spaces: "3 781 290 人", "1 205所" (a plain,
# thin, narrow no-break or ideographic space between the groups; ASCII or full-width digits)
_DIGIT_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u2009\u202f\u3000]\d{3})+(?![\d.,])")
_GROUP_SPACE = re.compile(r"[ \u2009\u202f\u3000]")
# a line that is only a page number: "- 3 -", "—3—", "第3页", "第3页 共10页"
_PAGE_LINE = pattern(
    lambda w: (
        rf"[-—–－]\s{{0,2}}\d{{1,4}}\s{{0,2}}[-—–－]|(?:{alternation(w.heading.ordinal)})\s?\d{{1,4}}\s?"
        rf"(?:{alternation(w.page.page)})(?:\s{{0,2}}[,，/]?\s{{0,2}}(?:{alternation(w.page.page_total)})"
        rf"\s?\d{{1,4}}\s?(?:{alternation(w.page.page)}))?"
    )
)
# "…教育发展— 12 —规划": a page number glued into running text
_PAGE_GLUED = re.compile(rf"(?<=[{_CJK},，。;；、])\s?[-—–－]\s?\d{{1,4}}\s?[-—–－]\s?(?=[{_CJK}])")
_PROSE_MARK = re.compile(r"[。,，;；]")
_END_MARK = re.compile(r"[。!?！？;；:：”’)）》」』]$")


def _head_start(w: Words) -> str:
    """Return the pattern of a line that starts a heading (第三章, 二、, (一), 1., 专栏, 表1)."""
    h = w.heading
    return (
        rf"[ \t\u3000]*(?:(?:{alternation(h.ordinal)})[{chars(h.chapter_numerals)}]+"
        rf"(?:{alternation(h.line_part_ends)})|[{chars(h.list_numerals)}]+、|"
        rf"[(（][{chars(h.list_numerals)}\d]+[)）]|\d{{1,2}}[.、．](?!\d)|{alternation(h.labels)}|"
        rf"(?:{alternation(h.table)})\s*\d)"
    )


_HEAD_START = pattern(_head_start)


@dataclass(frozen=True)
class View:
    """A text with deletions, and where each of its characters stands in the source.

    Parameters
    ----------
    text
        The kept characters of the source, in order (original characters).
    offsets
        ``offsets[i]`` is the source offset of ``text[i]``; one more entry, the source length,
        closes the list.
    source
        The source text.
    removed
        What was deleted: (source start, source end, reason).

    """

    text: str
    offsets: list[int]
    source: str = field(repr=False)
    removed: tuple[tuple[int, int, str], ...] = ()

    @property
    def identity(self) -> bool:
        """Whether nothing was deleted (view offsets are source offsets)."""
        return not self.removed

    def src(self, pos: int) -> int:
        """Source offset of the view character at ``pos`` (``len(text)`` -> source length)."""
        if self.identity:
            return pos
        return self.offsets[pos]

    def src_span(self, start: int, end: int) -> tuple[int, int]:
        """Source span of the view span ``start..end``: from its first to its last character."""
        if self.identity:
            return start, end
        if end <= start:
            a = self.offsets[start]
            return a, a
        return self.offsets[start], self.offsets[end - 1] + 1

    def to_view(self, pos: int) -> int:
        """View offset of the first kept character at or after source offset ``pos``."""
        if self.identity:
            return pos
        return bisect.bisect_left(self.offsets, pos, 0, len(self.text))


def _prose_line(line: str) -> bool:
    return len(_PROSE_MARK.findall(line)) >= 2 or ("。" in line and len(line) > 20)


def _open_prose(body: str) -> bool:
    """Tell whether a line is running text that stops mid-sentence (not a table row)."""
    return (
        len(body) >= 20
        and not _END_MARK.search(body)
        and re.search(r"[|\t]| {2}", body) is None
        and re.search(r"[,，、。;；]", body) is not None
    )


def _wrapped_width(lines: list[str]) -> int | None:
    """Return the width text was wrapped at, when most long lines share it, else None."""
    open_ends = [len(ln.strip()) for ln in lines if _open_prose(ln.strip())]
    if len(open_ends) < 6:
        return None
    width = Counter(open_ends).most_common(1)[0][0]
    near = sum(1 for w in open_ends if abs(w - width) <= 2)
    if near < 6 or near < 0.6 * len(open_ends):
        return None
    return width


def make_view(source: str) -> View:
    """Return the normalised view of ``source`` (see the module docstring).

    Parameters
    ----------
    source
        The source text.

    Returns
    -------
    View
        The view; ``View.identity`` when nothing had to be deleted.

    """
    cuts: list[tuple[int, int, str]] = []
    for m in _PAGE_GLUED.finditer(source):
        cuts.append((m.start(), m.end(), "page number"))
    for m in _PINYIN.finditer(source):
        cuts.append((m.start(), m.end(), "inline pinyin"))
    pos = 0
    raw_lines = source.split("\n")
    width = _wrapped_width(raw_lines)
    for k, line in enumerate(raw_lines):
        if _PAGE_LINE.fullmatch(line.strip(" \t\u3000\r")):
            cuts.append((pos, min(len(source), pos + len(line) + 1), "page number"))
            pos += len(line) + 1
            continue
        if _prose_line(line):
            for m in _STRAY_SPACE.finditer(line):
                cuts.append((pos + m.start(), pos + m.end(), "stray space"))
            for m in _DIGIT_GROUPS.finditer(line):
                for s in _GROUP_SPACE.finditer(m.group(0)):
                    at = pos + m.start() + s.start()
                    cuts.append((at, at + 1, "space between digit groups"))
        end = pos + len(line)
        if width is not None and k + 1 < len(raw_lines):
            nxt = raw_lines[k + 1]
            body = line.strip()
            if (
                abs(len(body) - width) <= 2
                and _open_prose(body)
                and nxt.strip()
                and not _HEAD_START.match(nxt)
            ):
                lead = len(nxt) - len(nxt.lstrip(" \t\u3000"))
                trail = len(line) - len(line.rstrip(" \t\u3000\r"))
                cuts.append((end - trail, end + 1 + lead, "line break inside a sentence"))
        pos = end + 1
    if not cuts:
        return View(source, [], source)
    cuts.sort()
    merged: list[tuple[int, int, str]] = []
    for a, b, why in cuts:
        if merged and a < merged[-1][1]:
            pa, pb, pw = merged[-1]
            merged[-1] = (pa, max(pb, b), pw)
        else:
            merged.append((a, b, why))
    keep: list[str] = []
    offsets: list[int] = []
    pos = 0
    for a, b, _ in merged:
        keep.append(source[pos:a])
        offsets.extend(range(pos, a))
        pos = b
    keep.append(source[pos:])
    offsets.extend(range(pos, len(source)))
    offsets.append(len(source))
    return View("".join(keep), offsets, source, tuple(merged))
