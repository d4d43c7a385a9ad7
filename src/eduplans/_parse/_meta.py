"""Metadata: title, region, plan period, issue date, issuer, kind and status of a plan text."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date

from .._loader import regions
from .._model import Region
from .._vocab import PlanKind, PlanStatus, RegionLevel
from ._doc import Doc

__all__ = ["Meta", "read_meta", "resolve_region"]

_PLAN_WORDS = r"规划|计划|方案|意见|要点|纲要|行动"
_REFERENCE = re.compile(r"(?:根据|依据|按照|落实|贯彻|对照|参照|执行|结合|对标)[^。]{0,12}$")
_FIVE_YEAR = {
    "十一五": (2006, 2010),
    "十二五": (2011, 2015),
    "十三五": (2016, 2020),
    "十四五": (2021, 2025),
    "十五五": (2026, 2030),
}
_REGION_TOKEN = re.compile(
    r"([\u4e00-\u9fff]{1,9}?(?:特别行政区|自治区|自治州|自治县|自治旗|省|市|州|盟|地区|县|区|旗))"
)
_MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")
_NOT_REGION = re.compile(
    r"^(?:全[省市区县]|我[省市区县]|本[省市区县]|城[市区]|社区|园区|示范区|实验区|"
    r"城区|市区|小区|学区|片区|地区|各[省市区县]|新区|开发区|县区|市县|省市)$"
)


@dataclass(frozen=True, slots=True)
class Meta:
    """What the parser found about the document."""

    title: str
    region_name: str | None
    region_parent: str | None
    period: tuple[int, int]
    issued: date
    issuer: str
    kind: PlanKind
    status: PlanStatus
    notes: tuple[str, ...]


def _title(doc: Doc) -> str:
    work = doc.work
    head = work[: min(len(work), 6000)]
    for m in re.finditer(r"《([^《》\n]{4,80}?)》", head):
        inner = m.group(1)
        if not re.search(_PLAN_WORDS, inner) or doc.is_chrome(m.start()):
            continue
        if _REFERENCE.search(work[max(0, m.start() - 16) : m.start()]):
            continue
        if re.search(r"国民经济|社会发展第|远景目标|现代化20", inner):
            continue
        return doc.text[m.start(1) : m.end(1)]
    for line in doc.lines[:80]:
        if doc.is_chrome(line.start) or len(line.text) > 60:
            continue
        if re.search(rf"(?:{_PLAN_WORDS})(?:\(.{{2,12}}\))?$", line.text) and re.search(
            r"教育|学校|人才", line.text
        ):
            end = line.end
            nxt = doc.work[end : end + 30].lstrip()
            if nxt.startswith("(") and re.match(r"\([^)]{2,12}稿\)", nxt):
                end = doc.work.index(")", end) + 1
            return doc.text[line.start : end].strip()
    asked = re.search(r"就(.{4,30}?)提出(?:如下|以下)?(?:意见|要求)", head)
    if asked:
        return doc.text[asked.start(1) : asked.end(1)]
    for line in doc.lines[:40]:
        if not doc.is_chrome(line.start):
            return doc.text[line.start : min(line.end, line.start + 40)]
    return "未命名规划"


def _region_chain(text: str) -> list[str]:
    """Region names at the start of a title: "广州市从化区教育…" -> [广州市, 从化区]."""
    chain: list[str] = []
    pos = 0
    suffix_chars = "省市州盟区县旗"
    while pos < len(text):
        name = ""
        for length in range(2, 11):
            chunk = text[pos : pos + length]
            if len(chunk) < length:
                break
            nxt = text[pos + length : pos + length + 1]
            if _REGION_TOKEN.fullmatch(chunk) and nxt not in suffix_chars:
                name = chunk
                break
        if not name:
            break
        # "洛阳市“十四五”教育事业发展规划": stop at quotes and plan words
        if re.search(r"教育|规划|发展|关于|建设", name) or _NOT_REGION.match(name):
            break
        chain.append(name)
        pos += len(name)
    return chain


def _known_by_name() -> dict[str, Region]:
    out: dict[str, Region] = {}
    for r in regions().values():
        out[r.name] = r
        short = re.sub(r"(?:省|市|区|县|自治区)$", "", r.name)
        if len(short) >= 2:
            out.setdefault(short, r)
    return out


def _region(doc: Doc, title: str) -> tuple[str | None, str | None]:
    chain = _region_chain(re.sub(r"^关于(?:印发)?", "", title))
    if chain:
        return chain[-1], chain[-2] if len(chain) > 1 else None
    known = _known_by_name()
    head = doc.work[:3000]
    best: tuple[int, int, str] | None = None
    for name, region in known.items():
        n = head.count(name)
        if n:
            rank = (n, len(region.name), region.name)
            if best is None or rank > best:
                best = rank
    if best is not None:
        return best[2], None
    for line in doc.lines[:60]:
        if doc.is_chrome(line.start):
            continue
        chain = _region_chain(line.text)
        if chain:
            return chain[-1], chain[-2] if len(chain) > 1 else None
    return None, None


def level_of(name: str, parent: Region | None) -> RegionLevel:
    """Guess the administrative level of a region from its name and parent."""
    if name in _MUNICIPALITIES or name.endswith(("省", "自治区", "特别行政区")):
        return RegionLevel.PROVINCE
    if name.endswith(("州", "盟", "地区")):
        return RegionLevel.PREFECTURE
    if name.endswith("市"):
        if parent is not None and parent.level is RegionLevel.PREFECTURE:
            return RegionLevel.COUNTY
        return RegionLevel.PREFECTURE
    return RegionLevel.COUNTY


def resolve_region(name: str, parent_name: str | None = None) -> Region:
    """Return the bundled region of that name, or a new Region with ``code=None``.

    Parameters
    ----------
    name
        Region name as written (``"洛阳市"``, ``"某某县"``).
    parent_name
        The region written before it in the title, when any (``"广州市"`` for 从化区).

    Returns
    -------
    Region
        A known region (with code and parents) or a new one (code None).

    """
    known = _known_by_name()
    found = known.get(name)
    if found is not None and (
        parent_name is None or found.parent is None or found.parent.name[:2] == parent_name[:2]
    ):
        return found
    # only a parent of the bundled table is linked: the plan file format names parents by code
    parent: Region | None = known.get(parent_name) if parent_name else None
    level = level_of(name, parent)
    if parent is None and parent_name and level_of(parent_name, None) is RegionLevel.PREFECTURE:
        level = level_of(name, Region(name=parent_name, level=RegionLevel.PREFECTURE))
    if parent is not None and list(RegionLevel).index(parent.level) >= list(RegionLevel).index(
        level
    ):
        parent = None
    return Region(name=name, level=level, code=None, parent=parent)


_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO_DATE = re.compile(r"((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})")


def _make_date(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def _issued(doc: Doc) -> tuple[date | None, str]:
    """Return the signature date (a line ending in a date) and the issuer before it."""
    previous = ""
    for line in doc.lines:
        if doc.is_chrome(line.start):
            previous = line.text
            continue
        m = _DATE.search(line.text)
        if m and re.fullmatch(
            r"(?:.{0,30}?(?:局|政府|办公室|委员会|厅|部|委|中心|科|处)\s+)?"
            + re.escape(m.group(0))
            + r"(?:印发|发布)?",
            line.text,
        ):
            found = _make_date(*m.groups())
            if found is not None:
                issuer = line.text[: m.start()].strip()
                if not issuer and re.search(r"(?:局|政府|办公室|委员会|厅|部|委|中心)$", previous):
                    issuer = previous
                issuer = re.sub(r"(?:秘书科|文电科)$", "", issuer).strip()
                return found, issuer
        previous = line.text
    for line in doc.lines[:40]:
        if re.search(r"发布时间|发文日期|成文日期|发表时间|日期", line.text):
            m2 = _ISO_DATE.search(line.text) or _DATE.search(line.text)
            if m2:
                found = _make_date(*m2.groups())
                if found is not None:
                    return found, ""
    return None, ""


def _years_in(text: str) -> list[int]:
    return [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?=年|\d{1,2}月|[^\d%.])", text)]


def _period(doc: Doc, title: str, issued: date | None) -> tuple[tuple[int, int], PlanKind, str]:
    work = doc.work
    m = re.search(r"((?:19|20)\d{2})\s*[—\-~至到]+\s*((?:19|20)\d{2})\s*年", title)
    for key, span in _FIVE_YEAR.items():
        if key in title and (m is None or (int(m.group(1)), int(m.group(2))) == span):
            return span, PlanKind.FIVE_YEAR_PLAN, f"period from {key} in the title"
    if m is None and "规划" in title:
        counts = {key: work.count(key) for key in _FIVE_YEAR}
        key = max(counts, key=lambda k: (counts[k], k))
        if counts[key]:
            return _FIVE_YEAR[key], PlanKind.FIVE_YEAR_PLAN, f"period from {key} in the text"
    if m is not None:
        first, last = int(m.group(1)), int(m.group(2))
        kind = PlanKind.FIVE_YEAR_PLAN if last - first == 4 else PlanKind.ACTION_PLAN
        return (first, last), kind, "period from the title"
    y = re.search(r"((?:19|20)\d{2})\s*年", title)
    if y and re.search(r"工作|要点|计划|意见|推进|任务", title + work[:1500]):
        year = int(y.group(1))
        return (year, year), PlanKind.ANNUAL_WORK_PLAN, "annual plan: year of the title"
    start = issued.year if issued else None
    targets = [int(t) for t in re.findall(r"(?:到|至)\s*((?:19|20)\d{2})\s*年", work)]
    if start is not None and targets and max(targets) > start:
        return (start, max(targets)), PlanKind.ACTION_PLAN, "period: issue year to last target"
    if start is not None:
        return (start, start), PlanKind.ANNUAL_WORK_PLAN, "period: the issue year"
    years = _years_in(work)
    if years:
        return (min(years), max(years)), PlanKind.ACTION_PLAN, "period: years mentioned"
    return (2000, 2000), PlanKind.ACTION_PLAN, "no period found"


def read_meta(doc: Doc) -> Meta:
    """Read title, region, period, issue date, issuer, kind and status.

    Parameters
    ----------
    doc
        The document.

    Returns
    -------
    Meta
        What was found; ``notes`` says which guesses were made.

    """
    notes: list[str] = []
    title = _title(doc)
    issued, issuer = _issued(doc)
    period, kind, how = _period(doc, fold_title(title), issued)
    notes.append(how)
    if issued is None:
        issued = date(period[0], 1, 1)
        notes.append("no issue date found: 1 January of the first plan year")
    region_name, parent = _region(doc, fold_title(title))
    head = doc.work[:3000]
    status = (
        PlanStatus.DRAFT
        if re.search(r"征求意见稿|草案|送审稿|讨论稿", title + head)
        else PlanStatus.FINAL
    )
    return Meta(
        title=title,
        region_name=region_name,
        region_parent=parent,
        period=period,
        issued=issued,
        issuer=issuer,
        kind=kind,
        status=status,
        notes=tuple(notes),
    )


def fold_title(title: str) -> str:
    """Return the working-copy form of a title (full-width folded)."""
    from ._decode import fold

    return fold(title)


def plan_id(region: Region, issued: date, text: str) -> str:
    """Return a plan id: the region's English name (or code, or a hash) and the issue year."""
    if region.name_en:
        slug = re.sub(r"[^a-z0-9]+", "-", region.name_en.lower()).strip("-")
    elif region.code:
        slug = f"r{region.code}"
    else:
        slug = "plan-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return f"{slug or 'plan'}-{issued.year}"
