"""Word's automatic numbering: the labels (一、 (二) 1. ①) Word shows but the text lacks.

A paragraph numbered by Word (``w:numPr`` on the paragraph or its style) has no ``一、`` in its
runs: Word draws the label from the numbering part's level definitions (``w:numFmt``,
``w:lvlText`` such as ``%1、`` or ``(%1)``, ``w:start``). The parser needs those labels: headings
(``一、主要目标``) set the sections that say whether a value is a baseline or a target. This
module counts the numbered paragraphs in document order and renders each label; bullets give no
label. Formats beyond the common ones fall back to decimal digits.
"""

from __future__ import annotations

from typing import Any

from ..._words import words

__all__ = ["Numbering"]


def _chinese(n: int) -> str:
    """Return ``n`` (1-99) in Chinese numerals ([value] digits, the numeral of ten)."""
    w = words()
    digits = w.digits
    ten = next(k for k, v in w.small_numbers.items() if v == 10)
    if n <= 0:
        return str(n)
    if n < 10:
        return digits[n]
    if n < 20:
        return ten + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + ten + (digits[n % 10] if n % 10 else "")
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, sym in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        while n >= value:
            out += sym
            n -= value
    return out


def _letter(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _format(fmt: str, n: int) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
               "japaneseCounting", "ideographDigital", "taiwaneseCounting",
               "taiwaneseCountingThousand"):  # fmt: skip
        return _chinese(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return words().heading.stems[n - 1]
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class Numbering:
    """The numbering definitions of a document and the counters of its numbered paragraphs.

    Parameters
    ----------
    document
        A python-docx ``Document``.

    """

    def __init__(self, document: Any) -> None:
        from docx.oxml.ns import qn

        self._qn = qn
        self._levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # abstract -> levels
        self._nums: dict[str, str] = {}  # numId -> abstractNumId
        self._counters: dict[str, list[int]] = {}
        self._styles: dict[str, tuple[str, int] | None] = {}
        self._document = document
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        w = qn
        for ab in root.iter(w("w:abstractNum")):
            levels: dict[int, tuple[str, str, int]] = {}
            for lvl in ab.iter(w("w:lvl")):
                ilvl = int(lvl.get(w("w:ilvl")) or 0)
                fmt = self._val(lvl, "w:numFmt") or "decimal"
                text = self._val(lvl, "w:lvlText") or ""
                start = self._val(lvl, "w:start")
                levels[ilvl] = (fmt, text, int(start) if start and start.isdigit() else 1)
            self._levels[str(ab.get(w("w:abstractNumId")))] = levels
        for num in root.iter(w("w:num")):
            ab_id = self._val(num, "w:abstractNumId")
            if ab_id is not None:
                self._nums[str(num.get(w("w:numId")))] = ab_id

    def _val(self, el: Any, tag: str) -> str | None:
        found = el.find(self._qn(tag))
        if found is None:
            return None
        v = found.get(self._qn("w:val"))
        return None if v is None else str(v)

    def _num_pr(self, p: Any) -> tuple[str, int] | None:
        qn = self._qn
        ppr = p.find(qn("w:pPr"))
        if ppr is not None:
            num_pr = ppr.find(qn("w:numPr"))
            if num_pr is not None:
                num_id = self._val(num_pr, "w:numId")
                ilvl = self._val(num_pr, "w:ilvl")
                if num_id is not None:
                    return num_id, int(ilvl) if ilvl and ilvl.isdigit() else 0
            style = ppr.find(qn("w:pStyle"))
            if style is not None:
                return self._style_num(str(style.get(qn("w:val"))))
        return None

    def _style_num(self, style_id: str, depth: int = 0) -> tuple[str, int] | None:
        if style_id in self._styles:
            return self._styles[style_id]
        found: tuple[str, int] | None = None
        qn = self._qn
        el = self._document.styles.element
        for st in el.iter(qn("w:style")):
            if st.get(qn("w:styleId")) != style_id:
                continue
            ppr = st.find(qn("w:pPr"))
            num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
            if num_pr is not None and self._val(num_pr, "w:numId") is not None:
                ilvl = self._val(num_pr, "w:ilvl")
                found = (str(self._val(num_pr, "w:numId")), int(ilvl) if ilvl else 0)
            elif depth < 5:
                based = self._val(st, "w:basedOn")
                if based:
                    found = self._style_num(based, depth + 1)
            break
        self._styles[style_id] = found
        return found

    def label(self, p: Any) -> str:
        """Return the label Word shows before paragraph ``p`` ('' if it is not numbered)."""
        found = self._num_pr(p)
        if found is None:
            return ""
        num_id, ilvl = found
        ab_id = self._nums.get(num_id)
        if ab_id is None or num_id == "0":
            return ""
        levels = self._levels.get(ab_id, {})
        if ilvl not in levels:
            return ""
        counters = self._counters.setdefault(ab_id, [0] * 10)
        fmt, text, start = levels[ilvl]
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else start
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = 0
        if fmt in ("bullet", "none"):
            return ""
        out = text
        for k in range(ilvl, -1, -1):
            lv = levels.get(k)
            if lv is None:
                continue
            n = counters[k] if counters[k] else lv[2]
            out = out.replace(f"%{k + 1}", _format(lv[0], n))
        return out
