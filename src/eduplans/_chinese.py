"""Character-level text folding for Chinese: traditional → simplified, full-width → half-width.

Both maps replace one code point by one code point, so offsets computed on the folded text are
offsets into the original. The traditional → simplified table is OpenCC's TSCharacters
dictionary, as shipped by the ``opencc-python-reimplemented`` package, read on first use.
"""

from __future__ import annotations

import re
from importlib.resources import files

from ._once import once
from ._words import on_change, words

__all__ = ["fold_width", "strip_pinyin", "t2s_table", "to_simplified"]


@once
def t2s_table() -> dict[int, str]:
    """Return the traditional → simplified table for ``str.translate``, one character for one.

    Returns
    -------
    dict[int, str]
        Code point → simplified character, from OpenCC's TSCharacters dictionary.
    """
    text = files("opencc").joinpath("dictionary/TSCharacters.txt").read_text(encoding="utf-8")
    table: dict[int, str] = {}
    # characters that are simplified characters too (显著, 乾坤): [fold] t2s_keep
    keep = frozenset(words().t2s_keep)
    for line in text.splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0]
        if len(source) == 1 and len(target) == 1 and source != target and source not in keep:
            table[ord(source)] = target
    return table


on_change(t2s_table.cache_clear)  # type: ignore[attr-defined]  # t2s_keep may change


def to_simplified(text: str) -> str:
    """Return ``text`` with traditional characters replaced by simplified ones, one for one.

    Parameters
    ----------
    text
        Any text.

    Returns
    -------
    str
        Same length as ``text``: ``"學前三年毛入園率"`` → ``"学前三年毛入园率"``.
    """
    return text.translate(t2s_table())


def fold_width(text: str) -> str:
    """Return ``text`` with full-width and variant forms (１２％（）, 〜, –) folded, one for one.

    The table is ``[fold]`` of ``data/words.toml``, the one every reader of eduplans uses.
    Unlike NFKC this leaves every other character alone (m², ①, ㎡ stay as written).

    Parameters
    ----------
    text
        Any text.

    Returns
    -------
    str
        Same length as ``text``.
    """
    return text.translate(words().fold_chars)


# A romanisation that mirror sites print after a character: 學(xué), 鄉(xiāng), 個(gè). At least one
# tone-marked vowel, so that (ab), (M) or (mbps) are never taken for pinyin.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN = re.compile(
    rf"(?<=[\u3400-\u9fff])[(（]\s*(?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,7}}\s*[)）]"
)


def strip_pinyin(text: str) -> tuple[str, tuple[int, ...]]:
    """Remove inline pinyin annotations (``學(xué)前`` → ``學前``), keeping offsets.

    Parameters
    ----------
    text
        Any text.

    Returns
    -------
    tuple[str, tuple[int, ...]]
        The text without annotations, and for each of its characters the offset of that character
        in ``text`` (so a span found in the result maps back to the original).

    Examples
    --------
    >>> strip_pinyin("九年義務(wù)教育")
    ('九年義務教育', (0, 1, 2, 3, 8, 9))
    """
    if "(" not in text and "（" not in text:
        return text, tuple(range(len(text)))
    kept: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _PINYIN.finditer(text):
        kept.append(text[pos : m.start()])
        offsets.extend(range(pos, m.start()))
        pos = m.end()
    kept.append(text[pos:])
    offsets.extend(range(pos, len(text)))
    return "".join(kept), tuple(offsets)
