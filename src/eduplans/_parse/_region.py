"""Which region a plan text is for, read with the full region table, and the span it came from.

Evidence is taken in this order, and the first place that names a region decides:

1. the title (``"洛阳市“十四五”教育事业发展规划"``), then the first lines (a news headline:
   ``"宁夏将新增3.6万个幼儿学位"``, ``"江苏镇江:启动…"``);
2. the issuing body (``"南宁市教育局"``, ``"温县人民政府"``);
3. the names in 《…》 (``"依据《四川省国民经济和社会发展第十四个五年规划…》"``);
4. the opening of the text, then the body (the region named most often).

Full names are read anywhere; short names of provinces anywhere (宁夏, 浙江); short names of
prefectures in the title and first lines; short names of counties only after their parent
(``"福州鼓楼"``). Names written in a row are read as a chain (``"广州市从化区"`` is 从化区 of
广州市), which also picks one of several namesakes; otherwise a namesake is chosen only when
another region named in the text contains exactly one of them. An anonymised region (``"XX区"``,
``"某地"``) or an ambiguous one is left unknown (``region=None``) with a flag and a note: it never
stops a parse.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from .._errors import AmbiguousRegionError, RegionNotFoundError
from .._model import Region
from .._regions import regions
from .._vocab import RegionLevel
from .._words import Words, alternation, pattern, words
from ._doc import Doc

__all__ = ["RegionFinding", "find_region", "plan_id", "region_from_hint"]

#: What the flag of a finding means.
FLAGS = {
    "region_unknown": "no region is named in the title, issuer, 《…》 names or text",
    "region_ambiguous": "the name fits several regions; none is chosen",
    "region_anonymised": "the source replaced the region's name (XX区, 某地)",
    "region_from_body": "read from the body text only (the region named most often)",
}


@functools.lru_cache(maxsize=4)  # one pair per words data in use (Words hash by identity)
def _name_sets(w: Words) -> tuple[frozenset[str], frozenset[str]]:
    """Return the generic names and the prefecture short names that are words ([region]).

    Generic names (城区 of 阳泉, 和县 in "市和县") are read only in the title, the first lines and
    the issuer; prefecture short names that are common words (中山路, 黄山, 长治久安) only in the
    title and first lines.
    """
    return frozenset(w.region.generic_names), frozenset(w.region.word_aliases)


def _placeholder(w: Words) -> str:
    """Return the pattern of an anonymised region (XX区, 某市, XX自治州, 某地, XX教育)."""
    r = w.region
    return (
        rf"(?:[XxＸｘ×＊*○〇□]{{1,4}}|{alternation(r.anonymous)})"
        rf"(?:[\u4e00-\u9fff]{{0,8}}?(?:{alternation(r.autonomous)})(?:{alternation(r.autonomous_ends)})"
        rf"|{alternation(r.anonymous_ends)})"
        rf"|{alternation(r.anonymous_place)}|[XxＸｘ×＊*]{{2,4}}(?=(?:{alternation(r.anonymous_before)}))"
    )


_PLACEHOLDER = pattern(_placeholder)
_ISSUER_TAIL = pattern(lambda w: alternation(w.region.issuer_tail))
_HEAD_LINES = 3
_MEDIA = pattern(lambda w: alternation(w.region.media))


@dataclass(frozen=True, slots=True)
class RegionFinding:
    """The region a text is for, where it was read and how sure the reading is.

    ``region`` is None when no region could be told (``flag`` says why); ``start``/``end``
    are offsets in the original text of the name read (``quote``).
    """

    region: Region | None
    start: int | None = None
    end: int | None = None
    quote: str = ""
    where: str = ""
    flag: str | None = None
    candidates: tuple[Region, ...] = ()
    note: str = ""


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    name: str
    kind: str  # name / alias / former
    codes: tuple[str, ...]


@dataclass(slots=True)
class _Chain:
    mentions: list[_Mention]
    codes: list[str] = field(default_factory=list)  # candidates of the last mention

    @property
    def start(self) -> int:
        return self.mentions[0].start

    @property
    def end(self) -> int:
        return self.mentions[-1].end


def _is_inside(code: str, outer: str) -> bool:
    node = code
    while node:
        if node == outer:
            return True
        node = regions._row(node)[1]
    return False


def _allowed(name: str, kind: str, codes: tuple[str, ...], mode: str) -> bool:
    """Whether a name may be read in this part of the text (``mode``: head, issuer, text)."""
    generic, word_aliases = _name_sets(words())
    if kind == "name":
        return mode != "text" or name not in generic
    levels = {regions._row(c)[0] for c in codes}
    if kind == "former":
        return len(name) >= 3 and mode != "text"
    if RegionLevel.PROVINCE in levels:
        return True
    if RegionLevel.PREFECTURE in levels:
        return mode == "head" or (mode == "issuer" and name not in word_aliases)
    return False  # a county's short name: only after its parent (see _scan)


def _scan(work: str, start: int, end: int, mode: str) -> list[_Mention]:
    """Region names in ``work[start:end]``, longest first at each position, left to right."""
    names = regions._text_names()
    out: list[_Mention] = []
    pos = start
    while pos < end:
        best: _Mention | None = None
        for name, kind, codes in names.get(work[pos], ()):
            if pos + len(name) > end or not work.startswith(name, pos):
                continue
            chained = bool(out) and out[-1].end == pos
            if kind == "alias" and chained and not _allowed(name, kind, codes, mode):
                parents = out[-1].codes
                inside = tuple(c for c in codes if any(_is_inside(c, p) for p in parents))
                if inside:  # 福州鼓楼: a county's short name right after its parent
                    best = _Mention(pos, pos + len(name), name, kind, inside)
                    break
                continue
            if not _allowed(name, kind, codes, mode):
                continue
            after = work[pos + len(name) : pos + len(name) + 3]
            if any(
                name.endswith(end) and after.startswith(nexts)
                for end, nexts in words().region.not_before.items()
            ):
                continue  # 朝阳市场
            if _MEDIA.match(after):
                continue  # 常德日报记者: the newspaper's city, not the page's subject
            best = _Mention(pos, pos + len(name), name, kind, codes)
            break
        if best is None:
            pos += 1
            continue
        out.append(best)
        pos = best.end
    return out


def _chains(mentions: list[_Mention], work: str) -> list[_Chain]:
    """Group names written in a row (广州市从化区), each narrowed by the one before."""
    chains: list[_Chain] = []
    for m in mentions:
        last = chains[-1] if chains else None
        gap = work[last.end : m.start] if last is not None else "x"
        if last is not None and re.fullmatch(r"[\s·・]{0,1}", gap):
            inside = [c for c in m.codes if any(_is_inside(c, p) for p in last.codes)]
            if inside and not any(c in last.codes for c in m.codes):
                last.mentions.append(m)
                last.codes = inside
                continue
        chains.append(_Chain([m], list(m.codes)))
    return chains


def _deepest(chains: list[_Chain]) -> _Chain | None:
    """Return the chain naming the most specific region all others contain (or the first)."""
    if not chains:
        return None
    unique = [c for c in chains if len(c.codes) == 1]
    for chain in sorted(unique, key=lambda c: -_depth(c.codes[0])):
        code = chain.codes[0]
        if all(any(_is_inside(code, o) for o in other.codes) for other in unique):
            return chain
    return chains[0]


def _nested_deepest(chains: list[_Chain]) -> _Chain | None:
    """Return the chain of the deepest region inside all the others, if they nest; else None."""
    for chain in sorted(chains, key=lambda c: -_depth(c.codes[0])):
        if all(_is_inside(chain.codes[0], o.codes[0]) for o in chains):
            return chain
    return None


def _depth(code: str) -> int:
    return list(RegionLevel).index(regions._row(code)[0])


class _Reader:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.work = doc.work

    def title_span(self, title: str) -> tuple[int, int] | None:
        if not title:
            return None
        at = self.doc.text.find(title)
        if at < 0:
            at = self.work.find(title)
        return (at, at + len(title)) if at >= 0 else None

    def head_lines(self) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for line in self.doc.lines[:40]:
            if len(out) >= _HEAD_LINES:
                break
            if not line.text.strip() or len(line.text) > 120 or self.doc.is_chrome(line.start):
                continue
            if re.fullmatch(r"[A-Za-z\s]*", line.text):  # a stray word "text"
                continue
            if line.text.rstrip().endswith((":", "：")):  # the addressees: 同仁市、各县人民政府:
                continue
            out.append((line.start, line.end))
        return out

    def issuer_spans(self) -> list[tuple[int, int]]:
        lines = self.doc.lines
        picked = [*lines[:80], *lines[-40:]] if len(lines) > 120 else lines
        out = []
        for line in picked:
            for m in _ISSUER_TAIL.finditer(line.text):
                out.append((max(line.start, line.start + m.start() - 24), line.start + m.start()))
        return out

    def book_spans(self) -> list[tuple[int, int]]:
        head = self.work[: min(len(self.work), 8000)]
        return [(m.start(1), m.end(1)) for m in re.finditer(r"《([^《》\n]{2,80})》", head)]


def _issuer_chain(reader: _Reader, start: int, end: int) -> list[_Chain]:
    """Names that end right where the issuer word starts (南宁市|教育局)."""
    chains = _chains(_scan(reader.work, start, end, "issuer"), reader.work)
    return [c for c in chains if c.end == end]


def _resolve(chain: _Chain, where: str, doc: Doc, context: list[_Chain]) -> RegionFinding:
    m = chain.mentions[-1]
    start, end = chain.start, chain.end
    quote = doc.text[start:end]
    codes = chain.codes
    how = ""
    if len(codes) > 1:
        known = {c.codes[0] for c in context if len(c.codes) == 1 and c is not chain}
        supported = [c for c in codes if any(_is_inside(c, k) and c != k for k in known)]
        if len(supported) == 1:
            codes = supported
            outer = next(k for k in known if _is_inside(supported[0], k) and supported[0] != k)
            how = f"; of the regions called {m.name}, the one in {regions[outer].name}"
    if len(codes) == 1:
        region = regions[codes[0]]
        former = f" (the former name {m.name})" if m.kind == "former" else ""
        return RegionFinding(
            region=region,
            start=start,
            end=end,
            quote=quote,
            where=where,
            note=f"region {region.full_name} ({region.code}) read from the {where} «{quote}»"
            f"{former}{how}",
        )
    found = tuple(regions[c] for c in sorted(codes))
    listed = ", ".join(f"{r.full_name} ({r.code})" for r in found)
    return RegionFinding(
        region=None,
        start=start,
        end=end,
        quote=quote,
        where=where,
        flag="region_ambiguous",
        candidates=found,
        note=f"region_ambiguous: «{quote}» in the {where} fits {listed} (pass region=)",
    )


def find_region(doc: Doc, title: str = "") -> RegionFinding:
    """Find the region a plan text is for.

    Parameters
    ----------
    doc
        The document.
    title
        The title the metadata reader found (a slice of ``doc.text``), if any.

    Returns
    -------
    RegionFinding
        The region (None when it cannot be told), the span it was read from, and a note; a
        ``flag`` (see :data:`FLAGS`) when the region is unknown, ambiguous or a guess.

    """
    reader = _Reader(doc)
    work = reader.work
    places: list[tuple[str, list[tuple[int, int]], str]] = []
    span = reader.title_span(title)
    if span is not None:
        places.append(("title", [span], "head"))
    places.append(("first lines", reader.head_lines(), "head"))
    for where, spans, _ in places:
        for a, b in spans:
            hole = _PLACEHOLDER.search(work, a, b)
            if hole is not None:
                quote = doc.text[hole.start() : hole.end()]
                return RegionFinding(
                    region=None,
                    start=hole.start(),
                    end=hole.end(),
                    quote=quote,
                    where=where,
                    flag="region_anonymised",
                    note=f"region_anonymised: «{quote}» in the {where} stands for the region: "
                    "left unknown",
                )
    places.append(("issuer", reader.issuer_spans(), "issuer"))
    places.append(("《》 names", reader.book_spans(), "text"))
    opening = min(len(work), 600)
    places.append(("opening", [(0, opening)], "text"))
    context = _chains(_scan(work, 0, min(len(work), 3000), "text"), work)

    def named(where: str, spans: list[tuple[int, int]], mode: str, first: bool) -> list[_Chain]:
        chains: list[_Chain] = []
        for a, b in spans:
            if where == "issuer":
                chains += _issuer_chain(reader, a, b)
            elif first and where in ("title", "first lines"):
                found = _chains(_scan(work, a, b, mode), work)
                if found:
                    return [found[0]]  # the first region a title or headline names
            else:
                chains += _chains(_scan(work, a, b, mode), work)
        return chains

    for where, spans, mode in places:
        chains = named(where, spans, mode, first=True)
        chosen = (
            _deepest(chains)
            if where in ("《》 names", "opening")
            else (chains[0] if chains else None)
        )
        if chosen is None:
            continue
        how = where
        if where != "opening" and len(chosen.codes) == 1:
            # a region inside it named in the title, first lines, issuer or 《》 names is the
            # plan's own: 《宁德市…规划》 as title, 霞浦县 in the first line; 《山西省…》 and
            # 《长治市…》 in the preamble
            inner = [
                (w, c)
                for w, sp, md in places
                if w != "opening"
                for c in named(w, sp, md, first=False)
                if len(c.codes) == 1
                and c.codes[0] != chosen.codes[0]
                and _is_inside(c.codes[0], chosen.codes[0])
            ]
            best = _nested_deepest([c for _, c in inner])
            if best is not None:
                how = next(w for w, c in inner if c is best)
                chosen = best
        return _resolve(chosen, how, doc, [*chains, *context])
    body = _chains(_scan(work, 0, len(work), "text"), work)
    counts = Counter(c.codes[0] for c in body if len(c.codes) == 1)
    if counts:
        (code, n), *rest = [*counts.most_common(2), ("", 0)]
        if n >= 2 and n > rest[0][1]:
            first = next(c for c in body if c.codes == [code])
            found = _resolve(first, "body", doc, body)
            return RegionFinding(
                region=found.region,
                start=found.start,
                end=found.end,
                quote=found.quote,
                where="body",
                flag="region_from_body",
                note=f"region_from_body: {found.note} (named {n} times; not in the title, "
                "issuer or opening)",
            )
    return RegionFinding(
        region=None,
        flag="region_unknown",
        note="region_unknown: no region is named in the title, the issuer, the 《…》 names or "
        "the text (pass region=)",
    )


def _level_of(name: str) -> RegionLevel:
    """Return the level of a region named outside the table, from its name ([region] words)."""
    r = words().region
    if name in r.municipalities or name.endswith(r.province_ends):
        return RegionLevel.PROVINCE
    if name.endswith(r.prefecture_ends) and not name.endswith(r.not_prefecture_ends):
        return RegionLevel.PREFECTURE
    return RegionLevel.COUNTY


def region_from_hint(hint: Region | str) -> Region:
    """Return the region a caller named: a Region, a code or name of the table, or a new name.

    Parameters
    ----------
    hint
        A :class:`~eduplans.Region`, a code, or a name (``"温县"``; a name outside the table
        gives a region with ``code=None``).

    Returns
    -------
    Region
        The region.

    Raises
    ------
    AmbiguousRegionError
        If the name fits several regions of the table (pass a code).

    """
    if isinstance(hint, Region):
        return hint
    try:
        return regions.lookup(hint)
    except AmbiguousRegionError:
        raise
    except RegionNotFoundError:
        name = hint.strip()
        return Region(name=name, level=_level_of(name), code=None)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.replace("ü", "u").lower()).strip("-")


@cache
def _slug_counts() -> Counter[str]:
    return Counter(_slug(regions._table()[c].name_en) for c in regions)


def plan_id(region: Region | None, issued_year: int, text: str) -> str:
    """Return a readable plan id: the region's pinyin name and the issue year.

    The parent's name is added when namesakes share the pinyin: ``"luoyang-2022"``,
    ``"chaoyang-beijing-2022"``.

    Parameters
    ----------
    region
        The plan's region, or None when unknown.
    issued_year
        The year of issue.
    text
        The source text (an unknown region's id carries a short hash of it).

    Returns
    -------
    str
        The id.

    """
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]
    if region is None:
        return f"unknown-region-{digest}-{issued_year}"
    slug = _slug(region.name_en)
    if region.code is not None and slug and _slug_counts()[slug] > 1 and region.parent:
        slug = f"{slug}-{_slug(region.parent.name_en)}"
    if not slug:
        slug = f"r{region.code}" if region.code else f"region-{digest}"
    return f"{slug}-{issued_year}"
