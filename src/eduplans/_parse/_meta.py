"""Metadata: title, region, plan period, issue date, issuer, kind and status of a plan text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .._model import MetaField
from .._vocab import PlanKind, PlanStatus
from .._words import Words, alternation, chars, pattern, words
from ._doc import Doc, Line
from ._region import RegionFinding, find_region

__all__ = ["Meta", "read_meta"]

_PLAN_WORDS = pattern(lambda w: alternation(w.meta.plan_words))
_REFERENCE = pattern(lambda w: rf"(?:{alternation(w.meta.reference_verbs)})[^。]{{0,12}}$")
_IMPLEMENTS = pattern(lambda w: rf"(?:{alternation(w.meta.implements)})\s*$")


def _y() -> str:
    """Return the year character of a date (年, data/words.toml [dates]) as a pattern."""
    return re.escape(words().dates.year)


def _five_year() -> dict[str, tuple[int, int]]:
    """Return the five-year plan periods (十四五 -> (2021, 2025); [[period]] blocks)."""
    return {p.key: (p.first, p.last) for p in words().periods}


@dataclass(frozen=True, slots=True)
class Meta:
    """What the parser found about the document."""

    title: str
    region: RegionFinding
    period: tuple[int, int]
    issued: date
    issuer: str
    kind: PlanKind
    status: PlanStatus
    notes: tuple[str, ...]
    fields: tuple[MetaField, ...] = ()  # view offsets
    document: str = "plan"  # plan | news_report | work_report | notice


def _news(w: Words) -> str:
    """Return the pattern of a news page's words (本报记者, 5日电, 本报讯(…), 据了解, 他表示,)."""
    m = w.meta
    return (
        rf"{alternation(m.news_words)}|\d+{re.escape(w.dates.day)}(?:{alternation(m.dateline_end)})|"
        rf"(?:{alternation(m.report_lead)})\s*\(|(?:{alternation(m.said_verbs)})\s*[,:]"
    )


def _title_end(w: Words) -> str:
    """Return the end of a title line: a plan word, then perhaps the years or the draft status."""
    m = w.meta
    return (
        rf"(?:{alternation((*m.plan_words, *m.title_end))})》?\s*(?:\(\s*(?:19|20)\d{{2}}\s*"
        rf"[{chars(''.join(w.dates.year_span))}]+\s*(?:19|20)?\d{{2}}\s*{re.escape(w.dates.year)}?\s*\)"
        rf"|\([^()]{{2,12}}(?:{alternation(m.draft_bracket_end)})\))?\s*$"
    )


def _notice(w: Words) -> str:
    """Return the pattern of a notice issuing a plan (…关于印发《…规划》的通知)."""
    m = w.meta
    return (
        rf"^(?P<issuer>.{{0,40}}?)(?:{alternation(m.notice_about)})(?:{alternation(m.notice_verbs)})"
        rf"《?(?P<t>.+?(?:{alternation(m.plan_words)}).*?)》?(?:{alternation(m.notice_of)})"
        rf"(?:{alternation(m.notice_nouns)})"
    )


_NEWS = pattern(_news)
_WORK_REPORT = pattern(lambda w: alternation(w.meta.work_report))
_SUMMARY = pattern(
    lambda w: rf"{alternation(w.meta.summary_words)}|(?:{alternation(w.meta.summary_end)})$"
)
_PLAN_TEXT = pattern(lambda w: alternation(w.meta.plan_sections))
#: The years in brackets after a title line: (2011—2013年).
_TITLE_YEARS = pattern(
    lambda w: (
        rf"\s*\(\s*(?:19|20)\d{{2}}\s*[{chars(''.join(w.dates.year_span))}]+\s*(?:19|20)\d{{2}}"
        rf"\s*{re.escape(w.dates.year)}?\s*\)"
    )
)
_TITLE_END = pattern(_title_end)
_NOTICE = pattern(_notice)
_NOT_PLAN_TITLE = pattern(
    lambda w: (
        rf"(?:{alternation(w.meta.not_plan_title_end)})$|{alternation(w.meta.not_plan_title)}|"
        rf"(?:{alternation(w.meta.modernisation)})20\d\d"
    )
)
_SUBJECT_VERB = pattern(
    lambda w: rf"(?:{alternation(w.meta.issue_verbs)})\s*(?:{alternation(w.meta.perfective)})?\s*$"
)
_EDU = pattern(lambda w: alternation(w.meta.title_education))
#: A breadcrumb's label (您现在的位置:) or a path (首页>新闻>…): a site's line, no headline.
_BREADCRUMB = pattern(lambda w: rf"(?:{alternation(w.page.breadcrumb_label)})\s*:|>.*>")
#: The subject a text gives views on: 就(subject)提出(如下)意见.
_ASKED = pattern(
    lambda w: (
        rf"(?:{alternation(w.meta.asked_lead)})(.{{4,30}}?)(?:{alternation(w.meta.asked_verb)})"
        rf"(?:{alternation(w.meta.following)})?(?:{alternation(w.meta.asked_nouns)})"
    )
)
_DRAFT = pattern(lambda w: alternation(w.meta.draft_words))
_OFFICE_END = pattern(lambda w: rf"(?:{alternation(w.meta.issuer_office_end)})$")
_DATE_LABEL = pattern(
    lambda w: rf"{alternation(w.meta.date_labels)}|(?:{alternation(w.meta.colon_labels)})\s*:"
)
_ANNUAL_TITLE = pattern(lambda w: alternation(w.meta.annual_title))
#: A target year: 到2025年, 至2025年; not 截至2022年 (as of 2022).
_TARGET_YEAR = pattern(
    lambda w: (
        rf"(?<![{chars(w.meta.not_target_by)}])(?:{alternation(w.meta.target_by)})\s*"
        rf"((?:19|20)\d{{2}})\s*{re.escape(w.dates.year)}"
    )
)
#: 三年行动计划: a plan of two to five years ([value] small_numbers).
_N_YEARS = pattern(
    lambda w: (
        rf"([{chars(''.join(k for k, v in w.small_numbers.items() if 2 <= v <= 5))}])"
        rf"{re.escape(w.dates.year)}(?:{alternation(w.meta.action_plan)})"
    )
)
#: The issuer before a notice's 关于印发 (…教育局关于印发), perhaps after 转发.
_NOTICE_ISSUER = pattern(
    lambda w: (
        rf"(?:^|[《\n])(?:{alternation(w.meta.notice_forward)})?(?P<i>[^《\n]{{2,30}}?)"
        rf"(?:{alternation(w.meta.notice_about)})(?:{alternation(w.meta.notice_issue_verbs)})$"
    )
)


def _tidy(title: str) -> str:
    """Return a title without line breaks and stray spaces between Chinese characters."""
    return re.sub(r"(?<=[\u4e00-\u9fff”“])\s+(?=[\u4e00-\u9fff“”(])|\s*\n\s*", "", title).strip()


@dataclass(frozen=True, slots=True)
class _Found:
    """A metadata field with the view span it was read from."""

    value: str
    start: int
    end: int
    how: str


# a speech opens by addressing its audience on a line of its own: "同志们:"
_SPEECH = pattern(lambda w: rf"(?:^|\n)\s*(?:{alternation(w.meta.speech_opening)})\s*[:,]")


def document_kind(doc: Doc) -> _Found:
    """Whether the text is a plan, a news report of one, a work report or a notice issuing one."""
    head = doc.work[:800]
    first = next((ln for ln in doc.lines[:12] if not doc.is_chrome(ln.start)), None)
    m = _WORK_REPORT.search(doc.work[:300])
    if m:
        return _Found("work_report", m.start(), m.end(), "a work report (工作报告)")
    m = _SPEECH.search(doc.work[:300])
    if m:
        # a leader's speech at a work meeting ("同志们:…总结…成绩…安排下一步的工作") reviews and
        # arranges work as a work report does; its "会议的主要任务是" is no plan's section
        return _Found("work_report", m.start(), m.end(), f"a speech ({m.group(0).strip()})")
    if first is not None:
        n = _NOTICE.search(first.text.strip("《》"))
        if n:
            return _Found(
                "notice", first.start, first.end, "a notice issuing or forwarding the plan"
            )
    m = _NEWS.search(head)
    if m:
        return _Found("news_report", m.start(), m.end(), f"news-page words ({m.group(0)})")
    summary = next((ln for ln in _title_lines(doc)[:6] if _SUMMARY.search(ln.text)), None)
    if summary is not None:
        return _Found("summary", summary.start, summary.end, "a work summary (总结)")
    m = _PLAN_TEXT.search(doc.work[:30000])
    if m or any(_title_line(doc, ln) is not None for ln in _title_lines(doc)[:6]):
        where = (m.start(), m.end()) if m else (0, 0)
        return _Found("plan", *where, "the words of a plan text (目标, 任务 …) or its title line")
    return _Found("news_report", 0, 0, "an article: no plan title or plan sections")


def _title_lines(doc: Doc) -> list[Line]:
    out = []
    for line in doc.lines[:40]:
        if doc.is_chrome(line.start):
            continue
        if not re.search(r"[\u4e00-\u9fff]{2}", line.text):
            continue  # a stray word of the page ("text", a date line)
        out.append(line)
        if len(out) >= 10:
            break
    return out


def _title_line(doc: Doc, line: Line) -> _Found | None:
    text = line.text
    if len(text) > 80 or "。" in text or not _EDU.search(text):
        return None
    inner = text.strip("《》 ")
    lead = len(text) - len(text.lstrip("《 "))
    n = _NOTICE.search(inner)
    if n:
        a = line.start + lead + n.start("t")
        return _Found(
            doc.text[a : a + len(n.group("t"))],
            a,
            a + len(n.group("t")),
            "the plan the notice issues",
        )
    if _TITLE_END.search(inner) and not re.search(r"[,;:]", inner):
        a = line.start + lead
        b = a + len(inner)
        years = _TITLE_YEARS.match(doc.work, b)
        if years and "(" not in inner:  # 甘肃省学前教育三年行动计划 / (2011—2013年)
            b = years.end()
        return _Found(re.sub(r"\s*\n\s*", "", doc.text[a:b]), a, b, "the title line")
    return None


def _quoted_title(doc: Doc, *, news: bool) -> _Found | None:
    work = doc.work
    head = work[: min(len(work), 6000)]
    fallback: _Found | None = None
    for m in re.finditer(r"《([^《》\n]{4,80}?)》", head):
        inner = m.group(1)
        if not _PLAN_WORDS.search(inner) or doc.is_chrome(m.start()):
            continue
        before = work[max(0, m.start() - 16) : m.start()]
        if _REFERENCE.search(before) or _IMPLEMENTS.search(before):
            continue
        n = _NOTICE.search(inner)
        a, b = m.start(1), m.end(1)
        if n:
            a, b = a + n.start("t"), a + n.end("t")
            inner = n.group("t")
        if _NOT_PLAN_TITLE.search(inner):
            continue
        found = _Found(doc.text[a:b], a, b, "the plan named in 《》")
        if _SUBJECT_VERB.search(before) or re.match(
            rf"\s*(?:{alternation(words().meta.issued_after)})", work[m.end() :]
        ):
            return _Found(found.value, a, b, "the plan the text says is issued (《》)")
        if news and fallback is None:
            fallback = found
    return fallback


def _headline(lines: list[Line]) -> Line | None:
    """Return the news page's headline: its first title line past a site's name or a path.

    "央廣網" (a site name: fewer than six characters of Chinese) and
    "您现在的位置:海峡网>新闻中心>…" (a path) head many pages above the headline.
    """
    found: list[Line] = []
    for line in lines[:4]:
        text = line.text
        if len(text) > 80 or "。" in text:
            break
        if len(re.findall(r"[\u4e00-\u9fff]", text)) < 6 or _BREADCRUMB.search(text):
            continue
        if _date_line(text) is not None:
            continue  # "2017/8/17 11:15:41 次浏览 分类:部门动态 来源:本站": the date line
        found.append(line)
    # "承德市政府新聞辦" (the publisher) above "…新聞發布會“2023年教育系統民生工程”": the headline
    # is the first line that names education, when one does
    return next(
        (ln for ln in found if _EDU.search(fold_title(ln.text))), found[0] if found else None
    )


_DATELINE_LABEL = pattern(lambda w: alternation(w.meta.dateline_label))
_CLOCK = re.compile(r"\s*\d{1,2}:\d{2}")


def _date_line(text: str) -> re.Match[str] | None:
    """Return the date of a news page's date line (None when ``text`` is no date line).

    A date line is short, holds a date and either a label (来源, 发布时间, 作者 …) or a clock
    time after the date: "2020-07-13 16:34:21来源:…", "来源:腾讯网 发布时间:2022-03-29 13:53:15",
    "http://www.….com2019年10月21日 09:36教育装备网".
    """
    if len(text) > 120 or "。" in text:
        return None
    m = _ISO_DATE.search(text) or _DATE.search(text) or _DMY_DATE.search(text)
    if m is None or not (_DATELINE_LABEL.search(text) or _CLOCK.match(text, m.end())):
        return None
    return m


def _ymd(m: re.Match[str]) -> tuple[str, str, str]:
    """Return year, month, day of a date match (a day-first date "26.05.2020" reordered)."""
    a, b, c = m.groups()
    return (c, b, a) if m.re is _DMY_DATE else (a, b, c)


def _dated_headline(doc: Doc) -> Line | None:
    """Return a news page's headline: the line just above its date line (None without one).

    A news page prints its headline, then the date line, then the body; what comes above the
    headline is the site's (a navigation bar "首頁 資訊 國內 …", a greeting "您好,歡迎來到…",
    spam), which a guess from the top of the page takes for the headline.
    """
    lines = [ln for ln in doc.lines[:25] if ln.text.strip()]
    for k, line in enumerate(lines):
        if _date_line(line.text) is None:
            continue
        if k == 0:
            return None
        above = lines[k - 1]
        text = above.text.strip()
        if (
            doc.is_chrome(above.start)
            or len(text) > 80
            or "。" in text
            or len(re.findall(r"[\u4e00-\u9fff]", text)) < 6
            or _BREADCRUMB.search(text)
            or _date_line(text) is not None
        ):
            return None
        return above
    return None


def _title(doc: Doc, kind: str) -> _Found:
    news = kind == "news_report"
    lines = _title_lines(doc)
    if news:
        quoted = _quoted_title(doc, news=True)
        if quoted is not None:
            return quoted
    for line in lines[:6]:
        found = _title_line(doc, line)
        if found is not None:
            return found
    for line in doc.lines[:40]:
        # "关于印发…发展规划的通知" below a government site's form (发布机构:, 发文日期: …)
        if not doc.is_chrome(line.start) and _NOTICE.search(line.text.strip("《》 ")):
            found = _title_line(doc, line)
            if found is not None:
                return found
    quoted = _quoted_title(doc, news=news)
    if quoted is not None:
        return quoted
    top = (_dated_headline(doc) or _headline(lines)) if news else None
    if top is not None:
        return _Found(doc.text[top.start : top.end], top.start, top.end, "the news headline")
    asked = _ASKED.search(doc.work[:6000])
    m = words().meta
    if asked:
        how = f"{m.asked_lead[0]}…{m.asked_verb[0]}{m.asked_nouns[0]}"  # 就…提出意见
        return _Found(doc.text[asked.start(1) : asked.end(1)], asked.start(1), asked.end(1), how)
    return _Found(m.untitled, 0, 0, "no title found in the text")


_DATE = pattern(
    lambda w: (
        rf"((?:19|20)\d{{2}})\s*{re.escape(w.dates.year)}\s*(\d{{1,2}})\s*{re.escape(w.dates.month)}"
        rf"\s*(\d{{1,2}})\s*{re.escape(w.dates.day)}"
    )
)
_ISO_DATE = re.compile(r"((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})")
#: A day-first date of some site templates, always with its clock time: "26.05.2020  18:52".
_DMY_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?=\s+\d{1,2}:\d{2})")
_UPDATE_STAMP = pattern(lambda w: alternation(w.meta.update_stamp))


_DATELINE = pattern(lambda w: rf"\s*(?:{alternation(w.meta.dateline_end)})")
# after the date that opens a date line: a weekday, a clock time, the line's end, or a short name
# of the site to the line's end ("2017-12-19 广西头条NEWS"), or a table's bar ("2009-08-28 |")
_DATE_LINE_REST = pattern(
    lambda w: (
        rf"\s*(?:{alternation(w.dates.weekday)}|\d{{1,2}}:\d{{2}}|[^\d。,,;:、|]{{0,16}}\|?\s*$)"
    )
)


def _make_date(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def _issued(doc: Doc) -> tuple[date | None, str, _Found | None, _Found | None]:
    """Return the signature date (a line ending in a date) and the issuer before it.

    Without a signature, the date of a ``发布时间`` line or of a news page's date line.
    """
    previous: Line | None = None
    for line in doc.lines:
        if doc.is_chrome(line.start):
            previous = line
            continue
        m = _DATE.search(line.text)
        signed = words().meta.signed_verbs
        # a signature line ends with its date (a cheap test before the pattern made for it)
        if (
            m
            and line.text.endswith((m.group(0), *(m.group(0) + v for v in signed)))
            and re.fullmatch(
                rf"(?:.{{0,30}}?(?:{alternation(words().meta.issuer_end)})\s+)?"
                + re.escape(m.group(0))
                + rf"(?:{alternation(signed)})?",
                line.text,
            )
        ):
            found = _make_date(*m.groups())
            if found is not None:
                issuer = line.text[: m.start()].strip()
                where = _Found(
                    found.isoformat(),
                    line.start + m.start(),
                    line.start + m.end(),
                    "the signature date",
                )
                who: _Found | None = None
                if issuer:
                    who = _Found(issuer, line.start, line.start + len(issuer), "the signature")
                elif previous is not None and re.search(
                    rf"(?:{alternation(words().meta.signature_end)})$", previous.text
                ):
                    issuer = previous.text
                    who = _Found(issuer, previous.start, previous.end, "the line above the date")
                issuer = _OFFICE_END.sub("", issuer).strip()
                return found, issuer, where, who
        previous = line
    for line in doc.lines[:40]:
        labelled = _DATE_LABEL.search(line.text)
        m2 = _ISO_DATE.search(line.text) or _DATE.search(line.text) or _DMY_DATE.search(line.text)
        dateline = m2 is not None and _DATELINE.match(line.text, m2.end()) is not None
        if m2 and (
            labelled
            # a news dateline: "晶报2020年4月14日讯", "新华社北京2021年3月5日电"
            or dateline
            or re.match(r"\s*(?:19|20)\d{2}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}", line.text)
            # a date in words with its clock time on a short line, glued to what is before it:
            # "http://www.….com2019年10月21日 09:36教育装备网"
            or (
                _ISO_DATE.fullmatch(m2.group(0)) is None
                and len(line.text) <= 120
                and "。" not in line.text
                and _CLOCK.match(line.text, m2.end()) is not None
            )
            # an e-paper's date line: "2020 年 12 月 15 日 星期二"
            or (
                m2.start() == len(line.text) - len(line.text.lstrip())
                and _DATE_LINE_REST.match(line.text, m2.end())
            )
            # a short line with a date and its clock time, after the paper's or the site's
            # name ("甘肃日报 2013-03-24 22:26 大字", "26.05.2020  18:52"), never a copy's
            # update stamp (更新:2023-09-20 09:37:31)
            or (
                _date_line(line.text) is not None
                and _CLOCK.match(line.text, m2.end()) is not None
                and _UPDATE_STAMP.search(line.text, 0, m2.start()) is None
            )
        ):
            found = _make_date(*_ymd(m2))
            if found is not None:
                how = (
                    "the page's publication date"
                    if labelled
                    else "the news dateline"
                    if dateline
                    else "the news page's date line"
                )
                where = _Found(
                    found.isoformat(), line.start + m2.start(), line.start + m2.end(), how
                )
                return found, "", where, None
    return None, "", None, None


#: The numbers a row of a table of counts ends in (普通中等专业学校 … 1888 2036).
_ROW_TAIL = re.compile(r"(?:[ \t|]+\d+(?:\.\d+)?){2,}[ \t|]*$")
_BARE_YEAR = re.compile(r"(?:19|20)\d{2}")


def _count_rows(text: str) -> str:
    """Blank the rows of a table of counts: a line ending in two or more numbers, one no year.

    Its 2036 (专任教师 1888 2036) is a count, not a year; a header of years (Item 2006 2007)
    stays.
    """
    out: list[str] = []
    for line in text.split("\n"):
        tail = _ROW_TAIL.search(line)
        if tail is not None and not all(
            _BARE_YEAR.fullmatch(n) for n in re.findall(r"\S+", tail.group(0).replace("|", " "))
        ):
            line = " " * len(line)
        out.append(line)
    return "\n".join(out)


def _years_in(text: str) -> list[int]:
    """Return the years a text names.

    Not those of a page's date stamps (2024-03-13 10:40), nor counts: a number before a word
    (全区2087所中小学, 赤坎区1995个) counts something; a year stands before 年, 学年 or a date's
    month, or alone (2021-2025, "2020)").
    """
    year = _y()
    school = re.escape(words().dates.school_year)
    month = re.escape(words().dates.month)
    text = _ISO_DATE.sub(" ", text)
    text = _count_rows(text)
    return [
        int(y)
        for y in re.findall(
            rf"(?<![\d.])((?:19|20)\d{{2}})(?={year}|{school}|\d{{1,2}}{month}|"
            r"[^\d%.\u3400-\u9fff]|$)",
            text,
        )
    ]


def spelled_out(text: str) -> str:
    """Return a text with five-year periods written out (第十三个五年) as their names (十三五)."""
    for p in words().periods:
        for form in p.spelled:
            text = text.replace(form, p.key)
    return text


def _period_counts(work: str, forms: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """How often a text names each five-year period, in any of its forms."""
    return {key: sum(work.count(f) for f in fs) for key, fs in forms.items()}


def _first_of(work: str, forms: tuple[str, ...]) -> tuple[int, int]:
    """Where a text first names a period (one of its forms): its span."""
    return min((k, k + len(f)) for f in forms if (k := work.find(f)) >= 0)


def _annual_opening(work: str) -> re.Match[str] | None:
    """Find "2018年教育局工作计划" in a text's opening: the year of an annual plan it is."""
    plan = alternation(words().meta.annual_plan)
    for m in re.finditer(
        rf"((?:19|20)\d{{2}})\s*{_y()}[^,。;:!?\n\d《》]{{0,12}}?(?:{plan})", work[:1500]
    ):
        if work[max(0, m.start() - 1) : m.start()] != "《":
            return m
    return None


def _named_period(
    work: str,
    forms: dict[str, tuple[str, ...]],
    five_year: dict[str, tuple[int, int]],
    how: str,
) -> tuple[tuple[int, int], PlanKind, _Found] | None:
    """Return the five-year period the text names most often (十四五, 第十三个五年), or None.

    ``how`` ends the explanation: " in the text", ", the only period the text names".
    """
    counts = _period_counts(work, forms)
    key = max(counts, key=lambda k: (counts[k], k))
    if not counts[key]:
        return None
    at, to = _first_of(work, forms[key])
    span = five_year[key]
    return (
        span,
        PlanKind.FIVE_YEAR_PLAN,
        _Found(f"{span[0]}-{span[1]}", at, to, f"period from {key}{how}"),
    )


def _period(doc: Doc, title: str, issued: date | None) -> tuple[tuple[int, int], PlanKind, _Found]:
    work = doc.work
    title = spelled_out(title)
    five_year = _five_year()
    spans = chars("".join((*words().dates.year_span, *words().dates.year_span_text)))
    m = re.search(rf"((?:19|20)\d{{2}})\s*[{spans}]+\s*((?:19|20)\d{{2}})\s*{_y()}?", title)
    for key, span in five_year.items():
        if key in title and (m is None or (int(m.group(1)), int(m.group(2))) == span):
            return (
                span,
                PlanKind.FIVE_YEAR_PLAN,
                _Found(f"{span[0]}-{span[1]}", 0, 0, f"period from {key} in the title"),
            )
    if m is not None:
        first, last = int(m.group(1)), int(m.group(2))
        if first <= last:
            kind = PlanKind.FIVE_YEAR_PLAN if last - first == 4 else PlanKind.ACTION_PLAN
            return (first, last), kind, _Found(f"{first}-{last}", 0, 0, "period from the title")
    forms = {p.key: (p.key, *p.spelled) for p in words().periods}
    keys = alternation(f for key in five_year for f in forms[key])
    meta = words().meta
    if any(x in title for x in meta.five_year_title) or re.search(
        rf"{alternation(meta.period_self)}|(?:{keys})[”\"]?\s*(?:{alternation(meta.period_end)})",
        work[:20000],
    ):
        named = _named_period(work, forms, five_year, " in the text")
        if named is not None:
            return named
    y = re.search(rf"((?:19|20)\d{{2}})\s*{_y()}", title)
    if y and _ANNUAL_TITLE.search(title):
        year = int(y.group(1))
        return (
            (year, year),
            PlanKind.ANNUAL_WORK_PLAN,
            _Found(str(year), 0, 0, "annual plan: year of the title"),
        )
    annual = _annual_opening(work) if not y else None
    if annual is not None:
        year = int(annual.group(1))
        return (
            (year, year),
            PlanKind.ANNUAL_WORK_PLAN,
            _Found(
                str(year),
                annual.start(),
                annual.end(),
                f"annual plan: {annual.group(0)} opens the text",
            ),
        )
    targets = [int(t) for t in _TARGET_YEAR.findall(work)]
    n_years = _N_YEARS.search(title + work[:3000])
    if n_years and targets:
        last = max(targets)
        first = last - words().small_numbers[n_years.group(1)] + 1
        return (
            (first, last),
            PlanKind.ACTION_PLAN,
            _Found(f"{first}-{last}", 0, 0, f"{n_years.group(0)} ending in the last target year"),
        )
    start = issued.year if issued else None
    if start is not None and targets and max(targets) > start:
        return (
            (start, max(targets)),
            PlanKind.ACTION_PLAN,
            _Found(f"{start}-{max(targets)}", 0, 0, "period: issue year to last target"),
        )
    if start is not None:
        return (
            (start, start),
            PlanKind.ANNUAL_WORK_PLAN,
            _Found(str(start), 0, 0, "period: the issue year"),
        )
    years = _years_in(work)
    if targets or years:
        pool = targets or years
        first, last = min(pool), max(pool)
        return (
            (first, last),
            PlanKind.ACTION_PLAN,
            _Found(f"{first}-{last}", 0, 0, "period: the years the text names"),
        )
    # no year at all: "到“十一五”期末" names the period
    named = _named_period(work, forms, five_year, ", the only period the text names")
    if named is not None:
        return named
    return (2000, 2000), PlanKind.ACTION_PLAN, _Found("2000-2000", 0, 0, "no period found")


def read_meta(doc: Doc) -> Meta:
    """Read title, region, period, issue date, issuer, kind and status.

    Parameters
    ----------
    doc
        The document.

    Returns
    -------
    Meta
        What was found; ``notes`` says which guesses were made, ``fields`` where each field
        was read (view offsets).

    """
    notes: list[str] = []
    document = document_kind(doc)
    found_title = _title(doc, document.value)
    title = _tidy(found_title.value)
    issued, issuer, where_issued, who = _issued(doc)
    if not issuer and found_title.how == "the plan the notice issues":
        first = doc.work[max(0, found_title.start - 60) : found_title.start]
        n = _NOTICE_ISSUER.search(first)
        if n:
            a = found_title.start - len(first) + n.start("i")
            issuer = doc.text[a : a + len(n.group("i"))]
            who = _Found(issuer, a, a + len(issuer), "the notice issuing the plan")
    named = title if found_title.end > found_title.start else ""  # not the placeholder
    period, kind, how = _period(doc, fold_title(named), issued)
    notes.append(how.how)
    if (
        issued is not None
        and where_issued is not None
        and where_issued.how != "the signature date"
        and kind in (PlanKind.ANNUAL_WORK_PLAN, PlanKind.FIVE_YEAR_PLAN)
        and period[1] < issued.year - 1
    ):
        # "2018年教育局工作计划" under "发布 2024-03-13 10:40:16": no plan is published two
        # years after its period ends; the date is a copy's, not the plan's
        notes.append(f"the page's date {issued.isoformat()} is a copy's: the plan is of {period}")
        issued, where_issued = None, None
    if issued is None:
        issued = date(period[0], 1, 1)
        notes.append("no issue date found: 1 January of the first plan year")
    region = find_region(doc, title)
    head = doc.work[:3000]
    status = PlanStatus.DRAFT if _DRAFT.search(title + head) else PlanStatus.FINAL
    fields = [("title", found_title), ("document", document), ("period", how)]
    fields += [
        ("kind", _Found(kind.value, how.start, how.end, how.how)),
        ("issued", where_issued or _Found(issued.isoformat(), 0, 0, "no date found")),
    ]
    if who is not None:
        fields.append(("issuer", who))
    if document.value not in ("plan", "notice"):
        top = _dated_headline(doc) or _headline(_title_lines(doc))
        if top is not None:
            fields.append(
                (
                    "headline",
                    _Found(
                        doc.text[top.start : top.end],
                        top.start,
                        top.end,
                        "the first line of the news page",
                    ),
                )
            )
    if region.start is not None and region.end is not None:
        value = (region.region.code or "") if region.region is not None else ""
        fields.append(("region", _Found(value, region.start, region.end, region.note)))
    return Meta(
        title=title,
        region=region,
        period=period,
        issued=issued,
        issuer=issuer,
        kind=kind,
        status=status,
        notes=tuple(notes),
        fields=tuple(
            MetaField(name=n, value=f.value, start=f.start, end=f.end, how=f.how) for n, f in fields
        ),
        document=document.value,
    )


def fold_title(title: str) -> str:
    """Return the working-copy form of a title (full-width folded)."""
    from ._decode import fold

    return fold(title)
