"""Only the words data and its loader hold Chinese vocabulary (issue 12, done-when).

Every module of ``src/eduplans`` is read with :mod:`ast`; a string constant that is not a
docstring and holds a Chinese character fails the check, outside the allowed places (see
:func:`cjk_constants`) and the modules still to convert (:data:`TO_CONVERT`). The words of the
page-level and structure modules (``_parse/_meta.py``, ``_region.py``, ``_doc.py``, ``_view.py``,
``_decode.py``, ``_diag.py``, ``_readers``, ``_export.py``, ``plot/_coverage.py``, ``_chinese.py``)
moved to ``data/words.toml`` ([meta], [page], [heading], [region], [diag], [dates], [fold]); the
tests below show, list by list, that a word added to a copy of the words data changes what the
parser reads on a real page of the development sets.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path

import pytest

import eduplans
from eduplans import _words
from eduplans._model import MetaField
from eduplans._parse import _diag
from eduplans._parse._decode import chrome_lines, fold
from eduplans._parse._doc import Doc, heading_of
from eduplans._parse._meta import read_meta
from eduplans._parse._region import find_region
from eduplans._parse._view import make_view

SRC = Path(str(files("eduplans")))
WORDS = SRC / "data" / "words.toml"
REPO = SRC.parents[1]

#: Modules that still type Chinese words of their own: each is converted by moving its words to
#: data/words.toml and taking it off this list. A module not listed here may hold none.
TO_CONVERT: frozenset[str] = frozenset()

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: A range of a character class between two Chinese characters (一-鿿): structure, no word.
_RANGE = re.compile(rf"[{_CJK}]-[{_CJK}]")
#: An English message: two English words in a row ("a row number of a table (序号)").
_ENGLISH = re.compile(r"[A-Za-z]+ [A-Za-z]{2,}")


def cjk_constants(path: Path) -> Iterator[tuple[int, str]]:
    """Yield (line, text) of each string constant of a module holding a Chinese character.

    The allowed places, where Chinese is written for a reader and no rule reads it:

    * docstrings (module, class, function);
    * English messages quoting a Chinese example (a diagnostic's detail, a flag's meaning, an
      error text: a string or f-string holding two English words in a row), as in
      tests/test_words.py: "a multiple (倍), not a level" explains what the words data decided;
    * a ``_Rule``'s example and doc in ``_align.py`` (its test input, as in tests/test_words.py);
    * ranges of a character class (``"\\u4e00-\\u9fff"``): structure, not words.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skip.add(id(first.value))
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "_Rule":
            skip.update(id(a) for a in node.args[1:3])
        if isinstance(node, ast.JoinedStr):
            parts = [v for v in node.values if isinstance(v, ast.Constant)]
            if _ENGLISH.search("{}".join(str(v.value) for v in parts)):
                skip.update(id(v) for v in parts)
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and _ENGLISH.search(node.value)
        ):
            skip.add(id(node))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
            continue
        if id(node) in skip:
            continue
        if re.search(f"[{_CJK}]", _RANGE.sub("", node.value)):
            yield node.lineno, node.value


MODULES = sorted(
    str(p.relative_to(SRC)) for p in SRC.rglob("*.py") if p.relative_to(SRC) != Path("_words.py")
)


@pytest.mark.parametrize("module", [m for m in MODULES if m not in TO_CONVERT])
def test_a_converted_module_types_no_chinese_word(module: str) -> None:
    hits = [(line, text[:60]) for line, text in cjk_constants(SRC / module)]
    assert not hits, f"{module} types words that belong in data/words.toml: {hits}"


def test_the_list_of_modules_to_convert_names_modules_that_exist() -> None:
    assert set(MODULES) >= TO_CONVERT
    assert "_words.py" not in MODULES  # the loader: it names the files and sections, no words


def test_the_check_can_fail(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        '"""doc 规划"""\n'
        "import re\n"
        '_PLAN = re.compile(r"规划|计划")\n'
        '_CJK = "\\u4e00-\\u9fff"\n'
        '_WHY = "a work report (工作报告)"\n'
        "def f():\n"
        '    """doc 目标"""\n'
        '    return f"{1}年"\n',
        encoding="utf-8",
    )
    assert [text for _, text in cjk_constants(module)] == ["规划|计划", "年"]


def test_the_check_reads_the_package_modules(tmp_path: Path) -> None:
    # a converted module of the package passes; the same module with one word typed fails
    module = SRC / "_parse" / "_doc.py"
    assert not list(cjk_constants(module))
    copy = tmp_path / "_doc.py"
    copy.write_text(module.read_text(encoding="utf-8") + '\n_X = ("规划",)\n', encoding="utf-8")
    assert [text for _, text in cjk_constants(copy)] == ["规划"]
    assert {"_parse/_doc.py", "_parse/_readers/_html.py", "plot/_coverage.py"} <= set(MODULES)


# --- the loader: the new sections are checked like the others ----------------------------------
@pytest.mark.parametrize(
    ("key", "field"),
    [
        ("chrome", r"page\.chrome"),
        ("review", r"heading\.review"),
        ("generic_names", r"region\.generic_names"),
        ("plan_words", r"meta\.plan_words"),
        ("phone_prefix", r"diag\.phone_prefix"),
        ("weekday", r"dates\.weekday"),
        ("t2s_keep", r"fold\.t2s_keep"),
    ],
)
def test_a_missing_key_names_the_file_and_key(tmp_path: Path, key: str, field: str) -> None:
    text = WORDS.read_text(encoding="utf-8")
    assert len(re.findall(rf"(?m)^{key} = ", text)) == 1
    bad = tmp_path / "words.toml"
    bad.write_text(re.sub(rf"(?m)^{key} = .*$", "", text), encoding="utf-8")
    with pytest.raises(eduplans.DataError, match=field) as err:
        _words.load_words(bad)
    assert str(bad) in str(err.value)


def test_a_bad_value_names_the_key(tmp_path: Path) -> None:
    text = WORDS.read_text(encoding="utf-8")
    bad = tmp_path / "words.toml"
    bad.write_text(text.replace('page_total = ["共"]', 'page_total = "共"'), encoding="utf-8")
    with pytest.raises(eduplans.DataError, match=r"page\.page_total"):
        _words.load_words(bad)
    bad.write_text(
        text.replace("\n[heading]\n", "\n[heading]\nno_such_key = []\n"), encoding="utf-8"
    )
    with pytest.raises(eduplans.DataError, match=r"no_such_key"):
        _words.load_words(bad)


# --- a word added to a copy of the words data changes what the parser reads --------------------
# Each test adds one word to one list of a copy of data/words.toml (as test_adding_mu_is_one_block
# adds a block) and reads a real page of the development sets (tests/data/realtexts_blind*) or a
# line of one, before and after.
DATA = REPO / "tests" / "data"


def _page(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def _line(name: str, holding: str) -> str:
    """Return the line of a development page that holds ``holding`` (a real excerpt)."""
    return next(line for line in _page(name).splitlines() if holding in line)


@contextmanager
def _added(tmp_path: Path, section: str, key: str, word: str) -> Iterator[None]:
    """Use a copy of the words data with ``word`` added to ``[section] key``, then the bundled."""
    text = WORDS.read_text(encoding="utf-8")
    head = text.index(f"\n[{section}]\n")
    m = re.compile(rf"(?m)^{key} = (\[|\")").search(text, head)
    assert m is not None and text.rfind("\n[", 0, m.start()) == head, f"[{section}] {key}"
    copy = tmp_path / "words.toml"
    added = f'"{word}", ' if m.group(1) == "[" else word
    copy.write_text(text[: m.end()] + added + text[m.end() :], encoding="utf-8")
    _words.use_words(copy)
    try:
        yield
    finally:
        _words.use_words(None)


def _doc(name: str) -> Doc:
    """Return the parser's document of a development page (its view, as parse_plan reads it)."""
    return Doc(make_view(_page(name)).text)


def _meta(name: str) -> dict[str, MetaField]:
    return {f.name: f for f in read_meta(_doc(name)).fields}


def _reason(line: str, number: str) -> tuple[str, str]:
    at = line.index(number)
    return _diag._reason(Doc(fold(line)), at, at + len(number))


def test_page_chrome_a_line_of_site_tools(tmp_path: Path) -> None:
    line = _line("realtexts_blind13/real_17_guangxi-2017.txt", "增大字体")  # 0 收藏 打印 …
    assert chrome_lines(fold(line)) == []
    with _added(tmp_path, "page", "chrome", "收藏"):
        assert chrome_lines(fold(line)) == [(0, len(line))]


def test_page_spam_a_gambling_site_header_is_no_headline(tmp_path: Path) -> None:
    name = "realtexts_blind15/real_01_xinjiang-2014.txt"  # "bet365提现要多久 主办" heads the page
    assert _meta(name)["title"].value.startswith("bet365")
    with _added(tmp_path, "page", "spam", "bet365"):
        assert _meta(name)["title"].value == "教育事业发展统计公报"


def test_page_chrome_labels_and_footer_labels(tmp_path: Path) -> None:
    line = _line("realtexts_blind8/real_01_guizhou-2020.txt", "字体:")
    assert chrome_lines(fold(line)) == []
    with _added(tmp_path, "page", "chrome_labels", "字体"):
        assert chrome_lines(fold(line)) == [(0, len(line))]
    line = _line("realtexts_blind8/real_02_guizhou-shisanwu.txt", "网址:")
    assert chrome_lines(fold(line)) == []
    with _added(tmp_path, "page", "footer_labels", "网址"):
        assert chrome_lines(fold(line)) == [(0, len(line))]


def test_page_counter_verbs_a_comment_counter(tmp_path: Path) -> None:
    line = _line("realtexts_blind12/real_12_weicheng.txt", "评论:0")
    assert _reason(line, "0 点击")[0] != "chrome"
    with _added(tmp_path, "page", "counter_verbs", "评论"):
        assert _reason(line, "0 点击") == ("chrome", "a page-view counter")


def test_page_index_labels_as_a_page_spaces_them(tmp_path: Path) -> None:
    line = _line("realtexts_blind13/real_20_xinzhou.txt", "索 引 号")
    assert _reason(line, "574913941")[0] == "not_understood"
    with _added(tmp_path, "page", "index_labels", "索 引 号"):
        assert _reason(line, "574913941") == ("document_number", "an index or document number")


def test_heading_review_words_make_a_section_a_review(tmp_path: Path) -> None:
    # 一、发展基础与面临形势 / (一)发展成就: 形势 looks ahead, so the 十三五 achievements under
    # 发展成就 were read as plans until 发展成就 is a review word
    name = "realtexts_blind14/real_01_hainan-shisanwu.txt"
    doc = _doc(name)
    doc.find_headings()
    at = doc.work.index("\n", doc.work.index("发展成就")) + 1
    assert not doc.in_review(at)
    with _added(tmp_path, "heading", "review", "发展成就"):
        doc = _doc(name)
        doc.find_headings()
        assert doc.in_review(at)


def test_meta_plan_sections_make_a_text_a_plan(tmp_path: Path) -> None:
    name = "realtexts_blind2/real_05_guangdong.txt"  # 第一節(jié) 發(fā)展基礎(chǔ) …
    assert _meta(name)["document"].value == "news_report"
    with _added(tmp_path, "meta", "plan_sections", "发展基础"):
        assert _meta(name)["document"].value == "plan"


def test_meta_news_words(tmp_path: Path) -> None:
    name = "realtexts_blind3/real_18_kunming.txt"
    assert _meta(name)["document"].how == "an article: no plan title or plan sections"
    with _added(tmp_path, "meta", "news_words", "日前"):
        assert _meta(name)["document"].how == "news-page words (日前)"


def test_meta_summary_end_a_report_on_a_plan_carried_out(tmp_path: Path) -> None:
    name = "realtexts_blind15/real_14_xinjiang-shiyiwu.txt"  # 一、“十五”教育事业规划执行情况
    assert _meta(name)["document"].value != "summary"
    with _added(tmp_path, "meta", "summary_end", "执行情况"):
        assert _meta(name)["document"].value == "summary"


def test_meta_title_end_a_bulletin_title_line(tmp_path: Path) -> None:
    name = "realtexts_blind15/real_01_xinjiang-2014.txt"
    assert _meta(name)["title"].how == "the news headline"
    with _added(tmp_path, "meta", "title_end", "公报"):
        found = _meta(name)["title"]
        assert (found.value, found.how) == ("教育事业发展统计公报", "the title line")


def test_meta_colon_labels_date_a_page(tmp_path: Path) -> None:
    name = "realtexts_blind11/real_13_suzhou-2021.txt"
    assert _meta(name)["issued"].how != "the page's publication date"
    with _added(tmp_path, "meta", "colon_labels", "作者"):
        found = _meta(name)["issued"]
        assert (found.value, found.how) == ("2021-08-19", "the page's publication date")


def test_meta_untitled(tmp_path: Path) -> None:
    name = "realtexts_blind1/real_03_nanchang.txt"
    assert _meta(name)["title"].value == "未命名规划"
    with _added(tmp_path, "meta", "untitled", "无题"):
        assert _meta(name)["title"].value == "无题未命名规划"


def _region(name: str) -> tuple[str, str]:
    found = find_region(_doc(name))
    return (found.region.name if found.region else "", found.note)


def test_region_media_a_news_site_is_not_the_subject(tmp_path: Path) -> None:
    name = "realtexts_blind12/real_06_fuyang.txt"
    before = _region(name)
    with _added(tmp_path, "region", "media", "新闻网"):
        after = _region(name)
    assert before != after and after[0] == "阜阳市"


def test_region_generic_names_are_read_in_the_title_and_first_lines_only(
    tmp_path: Path,
) -> None:
    name = "realtexts_blind15/real_01_xinjiang-2014.txt"
    assert "«新疆维吾尔自治区»" in _region(name)[1]
    with _added(tmp_path, "region", "generic_names", "新疆维吾尔自治区"):
        assert "«新疆»" in _region(name)[1]


def test_region_issuer_tail_names_the_issuers_region(tmp_path: Path) -> None:
    name = "realtexts_blind6/real_18_tangshan.txt"
    assert "from the issuer" not in _region(name)[1]
    with _added(tmp_path, "region", "issuer_tail", "政府"):
        assert _region(name)[1].startswith("region 河北省唐山市 (130200) read from the issuer")


def test_heading_part_ends_a_section_of_a_chapter(tmp_path: Path) -> None:
    line = fold(_line("realtexts_blind5/real_18_debao.txt", "发展环境"))  # 第一节  发展环境
    assert line.startswith("第一节") and heading_of(line) == (6, line)
    with _added(tmp_path, "heading", "part_ends", "节"):
        assert heading_of(line) == (0, line)


def test_meta_said_verbs(tmp_path: Path) -> None:
    name = "realtexts_blind11/real_04_suzhou-2018.txt"
    assert _meta(name)["document"].how == "news-page words (表示,)"
    with _added(tmp_path, "meta", "said_verbs", "说"):
        assert _meta(name)["document"].how == "news-page words (说:)"  # earlier on the page


def test_meta_plan_words_name_the_document_a_page_reports(tmp_path: Path) -> None:
    name = "realtexts_blind13/real_03_henan-2020.txt"  # a news page on 《2020年…统计公报》
    assert _meta(name)["title"].how == "the news headline"
    with _added(tmp_path, "meta", "plan_words", "公报"):
        found = _meta(name)["title"]
        assert (found.value, found.how) == (
            "2020年河南省教育事業發展統計公報",
            "the plan the text says is issued (《》)",
        )


def test_meta_annual_title_dates_an_annual_report(tmp_path: Path) -> None:
    name = "realtexts_blind8/real_15_zibo.txt"  # 2014年淄博教育改革发展年度报告
    assert _meta(name)["period"].how == "period: the issue year"
    with _added(tmp_path, "meta", "annual_title", "年度"):
        found = _meta(name)["period"]
        assert (found.value, found.how) == ("2014", "annual plan: year of the title")


def test_fold_t2s_keep_leaves_a_character_unfolded(tmp_path: Path) -> None:
    line = _line("realtexts_blind1/real_01_yantian.txt", "學位")  # 鹽田明年新增1770個公辦幼兒園學位
    assert fold(line) == "盐田明年新增1770个公办幼儿园学位"
    with _added(tmp_path, "fold", "t2s_keep", "園"):
        assert fold(line) == "盐田明年新增1770个公办幼儿園学位"


def test_region_division_ends_break_a_figure_header(tmp_path: Path) -> None:
    from eduplans.plot._coverage import _break_cost

    name = "浦东新区"  # the region of realtexts_blind8/real_12_pudong.txt
    assert name in fold(_page("realtexts_blind8/real_12_pudong.txt"))  # 浦東新區
    assert _break_cost(name, 3) == 1  # before the end 区
    with _added(tmp_path, "region", "division_ends", "新区"):
        assert _break_cost(name, 3) == 3  # it would split the end 新区
        assert _break_cost(name, 2) == 1  # before it


def test_region_own_level_an_issuer_named_by_its_level(tmp_path: Path) -> None:
    from eduplans._export import author_of

    # (责任单位:州教育体育局,各县市人民政府): the prefecture's bureau, named by its level 州
    assert "责任单位:州教育体育局" in _page("realtexts_blind14/real_10_nujiang.txt")
    region = "怒江傈僳族自治州"
    assert author_of("州教育体育局", region) == "州教育体育局"
    with _added(tmp_path, "region", "own_level", "州"):
        assert author_of("州教育体育局", region) == "怒江傈僳族自治州教育体育局"
