"""One data layer of words (issue 12): data/words.toml, its loader, and the modules that read it."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import pytest

import eduplans
from eduplans import _units, _words

SRC = Path(str(files("eduplans")))
WORDS = SRC / "data" / "words.toml"
MU_BLOCK = """
[[unit]]
key = "mu"
kind = "area"
pint = "mu = 10000 / 15 * square_meter"
words = ["亩"]
zh = "亩"
en = ["mu", "mu"]
"""


def _words_with(tmp_path: Path, block: str, *, base: str | None = None) -> Iterator[Path]:
    """Use a copy of the bundled words data with ``block`` added, then the bundled words again."""
    copy = tmp_path / "words.toml"
    copy.write_text((base or WORDS.read_text(encoding="utf-8")) + block, encoding="utf-8")
    _words.use_words(copy)
    try:
        yield copy
    finally:
        _words.use_words(None)


def _words_without_mu() -> str:
    """The bundled words data with its 亩 block taken out (亩 is bundled since session 6)."""
    text = WORDS.read_text(encoding="utf-8")
    assert text.count(MU_BLOCK.strip()) == 1, "the bundled 亩 block is no longer MU_BLOCK"
    return text.replace(MU_BLOCK.strip(), "", 1)


@pytest.fixture
def without_mu(tmp_path: Path) -> Iterator[Path]:
    yield from _words_with(tmp_path, "", base=_words_without_mu())


@pytest.fixture
def with_mu(tmp_path: Path) -> Iterator[Path]:
    """Words without the bundled 亩 block, and the block added back at the end: one block."""
    yield from _words_with(tmp_path, MU_BLOCK, base=_words_without_mu())


def test_adding_mu_is_one_block(with_mu: Path) -> None:
    parsed = eduplans.parse_value("50亩")
    assert (parsed.value, parsed.unit) == (50.0, "mu")
    assert eduplans.parse_value("1.2万亩").value == 12000.0
    assert eduplans.parse_value("不少于50亩").comparator == eduplans.Comparator.GE
    area = _units.quantity(15, "mu").to("square_meter").magnitude
    assert area == pytest.approx(10000)
    assert eduplans.format_value(">=", 50, unit="mu") == "≥50亩"
    assert eduplans.format_value(">=", 50, unit="mu", lang="en") == "≥ 50 mu"
    assert "mu" in eduplans.UNITS and _units.convertible("mu", "square_meter")
    assert _units.convert(15, "mu", "square_meter") == pytest.approx(10000)


def test_without_the_block_mu_is_not_read(without_mu: Path) -> None:
    assert "mu" not in _units.UNITS
    with pytest.raises(eduplans.ValueTextError):
        eduplans.parse_value("50亩")


def test_use_words_none_restores_the_bundled_words(without_mu: Path) -> None:
    _words.use_words(None)
    assert "mu" in _units.UNITS and eduplans.parse_value("50亩").unit == "mu"
    _words.use_words(without_mu)
    assert "mu" not in _units.UNITS


def test_a_bad_words_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "words.toml"
    bad.write_text('[[unit]]\nkey = "mu"\n', encoding="utf-8")
    with pytest.raises(eduplans.DataError, match=r"unit\[0\]"):
        _words.load_words(bad)
    bad.write_text('[classifier]\n"亩" = "no_such_unit"\n', encoding="utf-8")
    with pytest.raises(eduplans.DataError, match="unknown unit"):
        _words.load_words(bad)


def test_a_words_file_without_a_section_or_key_is_refused(tmp_path: Path) -> None:
    text = WORDS.read_text(encoding="utf-8")
    bad = tmp_path / "words.toml"
    bad.write_text(text.replace("[dates]", "[dates_gone]"), encoding="utf-8")
    with pytest.raises(eduplans.DataError, match="unknown section"):
        _words.load_words(bad)
    bad.write_text(re.sub(r"(?m)^per_slash = .*$", "", text), encoding="utf-8")
    with pytest.raises(eduplans.DataError, match=r"prose\.per_slash"):
        _words.load_words(bad)


def test_the_parser_patterns_follow_the_words_in_use(tmp_path: Path) -> None:
    from eduplans._parse import _prose

    copy = tmp_path / "words.toml"
    text = WORDS.read_text(encoding="utf-8")
    copy.write_text(
        text.replace('per_slash = ["人",', 'per_slash = ["班", "人",'), encoding="utf-8"
    )
    assert _prose._PER_SLASH.match("/班") is None
    _words.use_words(copy)
    try:
        assert _prose._PER_SLASH.match("/班") is not None
    finally:
        _words.use_words(None)
    assert _prose._PER_SLASH.match("/班") is None


def test_units_agree_with_the_registry_file() -> None:
    lines = {
        re.sub(r"\s+", " ", line.split("#")[0]).strip()
        for line in (SRC / "data" / "units.txt").read_text(encoding="utf-8").splitlines()
    }
    for unit in _words.words().units:
        assert re.sub(r"\s+", " ", unit.pint) in lines, unit.key
    assert {u.key for u in _words.words().units} == eduplans.UNITS


def test_every_unit_has_its_words_and_labels() -> None:
    for unit in _words.words().units:
        assert unit.zh and all(unit.en), unit.key
        # a unit is written after a number, or counted by a classifier, or (bare) read from the
        # indicator's name (差异系数 0.54)
        written = unit.words or unit.key in set(_words.words().classifiers.values())
        assert written or (unit.bare and unit.names), unit.key


def test_comparators_cover_the_enum() -> None:
    keys = {c.key for c in _words.words().comparators}
    assert keys == {c.value for c in eduplans.Comparator} - {"=", "range", "maintain"}


# --- the "done" criterion: modules type no vocabulary of their own -----------------------------
#: Every module of the package except the words loader (found by globbing, so that a new module
#: is checked as soon as it exists).
MODULES = sorted(
    str(p.relative_to(SRC)) for p in SRC.rglob("*.py") if p.relative_to(SRC) != Path("_words.py")
)
CONVERTED = MODULES


def _vocabulary() -> set[str]:
    w = _words.words()
    found = {x for u in w.units for x in (*u.words, u.zh)}
    found |= set(w.classifiers) | set(w.scales) | set(w.verbs) | set(w.qualitative)
    found |= {x for c in w.comparators for x in (*c.prefix, *c.suffix, c.zh)}
    return {x for x in found if re.search(r"[\u4e00-\u9fff]", x)}


#: An English message: two English words in a row ("a change in percent (提高2.5%)").
_ENGLISH = re.compile(r"[A-Za-z]+ [A-Za-z]{2,}")


def _code_strings(path: Path) -> Iterator[tuple[int, str]]:
    """String literals of a module, except in the allowed places.

    The allowed places, where Chinese words are written for a reader and no rule reads them:

    * docstrings (they document; their examples are run by the doctests, not by the code);
    * a ``_Rule``'s example and doc in ``_align.py`` (arguments 2 and 3: the example is the rule's
      test input);
    * English messages (a flag's or a diagnostic's reason, an error text; a string or f-string
      holding two English words in a row) quoting a Chinese example: "a multiple (倍) of another
      value" explains a decision the words data already made.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
            skip.add(id(first.value))
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "_Rule":
            skip.update(id(a) for a in node.args[1:3])
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and _ENGLISH.search(node.value)
        ):
            skip.add(id(node))
        if isinstance(node, ast.JoinedStr):
            parts = [v for v in node.values if isinstance(v, ast.Constant)]
            if _ENGLISH.search("{}".join(str(v.value) for v in parts)):
                skip.update(id(v) for v in parts)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            yield node.lineno, node.value


@pytest.mark.parametrize("module", CONVERTED)
def test_converted_modules_hold_no_unit_comparator_or_scale_words(module: str) -> None:
    vocabulary = _vocabulary()
    hits = []
    for line, text in _code_strings(SRC / module):
        for run in re.findall(r"[\u4e00-\u9fff]+", text):
            if run in vocabulary or any(len(w) > 1 and w in run for w in vocabulary):
                hits.append((line, run))
    assert not hits, f"{module} types words that belong in data/words.toml: {hits}"


def test_every_module_is_checked() -> None:
    assert {"_parse/_prose.py", "plot/_style.py", "_parse/_readers/_html.py"} <= set(CONVERTED)
    assert "_words.py" not in CONVERTED


def test_the_vocabulary_check_can_fail(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        '"""doc 以上"""\n_X = {"不低于": 1}\n_M = f"a change {1} in percent (提高)"\n',
        encoding="utf-8",
    )
    runs = [r for _, t in _code_strings(module) for r in re.findall(r"[\u4e00-\u9fff]+", t)]
    assert runs == ["不低于"] and "不低于" in _vocabulary()


def test_version_comes_from_the_distribution_metadata() -> None:
    import tomllib
    from importlib import metadata

    pyproject = tomllib.loads((SRC.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert eduplans.__version__ == metadata.version("eduplans") == pyproject["project"]["version"]


PROSE = "某县“十四五”教育事业发展规划\n到2025年，全县新增用地120亩，学前教育毛入园率达到95%。\n"
TABLE = (
    "某县“十四五”教育事业发展规划\n表1 主要指标\n| 指标 | 单位 | 2020年 | 2025年 |\n"
    "| --- | --- | --- | --- |\n| 学校用地面积 | 亩 | 300 | 420 |\n"
    "| 学前教育毛入园率 | % | 90 | 95 |\n"
)


def _read(text: str) -> dict[str, tuple[str, list[float], list[float]]]:
    plan = eduplans.parse_plan(text, region="洛阳市", period=(2021, 2025))
    return {
        i.name: (
            i.unit,
            [b.value.magnitude for b in i.baselines],
            [t.value.magnitude for t in i.targets],
        )
        for i in plan.indicators
    }


def test_mu_in_prose_with_the_block(with_mu: Path) -> None:
    assert _read(PROSE)["新增用地"] == ("mu", [], [120.0])


def test_mu_in_a_unit_cell_with_the_block(with_mu: Path) -> None:
    assert _read(TABLE)["学校用地面积"] == ("mu", [300.0], [420.0])


def test_without_the_block_the_parser_does_not_read_mu(without_mu: Path) -> None:
    assert "新增用地" not in _read(PROSE)
    assert _read(TABLE).get("学校用地面积", (None,))[0] != "mu"


def test_a_threshold_note_quotes_the_words_it_read() -> None:
    # regression: the note was a fixed example ("56人以上大班额") whatever the text said
    plan = eduplans.parse_plan(SRC.parents[1] / "tests/data/parser_unseen/unseen_05.txt")
    details = {d.detail for d in plan.diagnostics if d.text == "66"}
    assert details == {"a threshold inside a name (66人以上超大班额)"}


# --- a unit is one block: square metres (bundled, with 万平方米) and 席 (added) -------------------
# (座 is bundled as a classifier whose noun says what it counts: 学位17490座 are seats, 3座幼儿园
# schools; tests/test_parser_prose_real.py)
AREA_PROSE = "某县“十四五”教育事业发展规划\n到2025年，全县新增校舍建筑面积3.5万平方米。\n"
AREA_TABLE = (
    "某县“十四五”教育事业发展规划\n表1 主要指标\n| 指标 | 单位 | 2020年 | 2025年 |\n"
    "| --- | --- | --- | --- |\n| 校舍建筑面积 | 万平方米 | 30 | 42 |\n"
    "| 生均校舍面积 | 平方米 | 8 | 10 |\n| 学前教育毛入园率 | % | 90 | 95 |\n"
)
SEAT_BLOCK = """
[[unit]]
key = "venue_seat"
kind = "venue_seat"
pint = "venue_seat = [venue_seat]"
words = ["席"]
zh = "席"
en = ["seat", "seats"]
counted = true
"""
SEAT_PROSE = (
    "某县“十四五”教育事业发展规划\n"
    "到2025年，全县新增学校体育馆座位1200席，学前教育毛入园率达到95%。\n"
)
SEAT_TABLE = (
    "某县“十四五”教育事业发展规划\n表1 主要指标\n| 指标 | 单位 | 2020年 | 2025年 |\n"
    "| --- | --- | --- | --- |\n| 学校体育馆座位 | 席 | 800 | 1200 |\n"
    "| 学前教育毛入园率 | % | 90 | 95 |\n"
)


def test_square_metres_with_their_scale_word_everywhere() -> None:
    assert (eduplans.parse_value("3.5万平方米").value, eduplans.parse_value("500㎡").unit) == (
        35000.0,
        "square_meter",
    )
    assert _read(AREA_PROSE)["新增校舍建筑面积"] == ("square_meter", [], [35000.0])
    table = _read(AREA_TABLE)
    assert table["校舍建筑面积"] == ("square_meter", [300000.0], [420000.0])
    assert table["生均校舍面积"] == ("square_meter", [8.0], [10.0])


@pytest.fixture
def with_seats(tmp_path: Path) -> Iterator[Path]:
    yield from _words_with(tmp_path, SEAT_BLOCK)


def test_without_the_block_xi_is_no_unit() -> None:
    with pytest.raises(eduplans.ValueTextError):
        eduplans.parse_value("1200席")
    assert "新增学校体育馆座位" not in _read(SEAT_PROSE)


def test_adding_xi_is_one_block(with_seats: Path) -> None:
    parsed = eduplans.parse_value("不少于1200席")
    assert (parsed.value, parsed.unit, parsed.comparator) == (1200.0, "venue_seat", ">=")
    assert eduplans.format_value("=", 1200, unit="venue_seat", lang="en") == "1,200 seats"
    assert _read(SEAT_PROSE)["新增学校体育馆座位"] == ("venue_seat", [], [1200.0])
    assert _read(SEAT_TABLE)["学校体育馆座位"] == ("venue_seat", [800.0], [1200.0])


# --- one meaning per word where the copies disagreed (issue 12) ---------------------------------
def test_times_is_a_multiple_and_ci_counts_occurrences() -> None:
    from eduplans.plot import _style

    assert eduplans.parse_value("1.5倍").unit == "times"
    assert eduplans.parse_value("3次").unit == "item"
    assert _style.unit_label("times", "zh") == "倍"  # the figures once wrote 次


def test_buildings_and_class_hours_are_written_one_way_and_read_both_ways() -> None:
    from eduplans.plot import _style

    assert {eduplans.parse_value(t).unit for t in ("3幢", "3栋")} == {"building"}
    assert {eduplans.parse_value(t).unit for t in ("2学时", "2课时")} == {"class_hour"}
    assert eduplans.format_value("=", 3, unit="building") == "3幢"
    assert eduplans.format_value("=", 2, unit="class_hour") == "2学时"
    assert (_style.unit_label("building", "zh"), _style.unit_label("class_hour", "zh")) == (
        "幢",
        "学时",
    )


def test_percentage_points_after_a_number_and_on_an_axis() -> None:
    from eduplans.plot import _style

    assert {eduplans.parse_value(t).unit for t in ("3个百分点", "3百分点")} == {"percentage_point"}
    assert eduplans.format_value("=", 3, unit="percentage_point") == "3个百分点"
    assert _style.unit_label("percentage_point", "zh") == "百分点"
    assert _style.unit_label("percentage_point", "en") == "pp"


def test_jia_counts_what_the_row_names() -> None:
    # 家 was "school" in a 单位 cell and "item" elsewhere; now the thing counted says which
    text = (
        "某县“十四五”教育事业发展规划\n表1 主要指标\n| 指标 | 单位 | 2020年 | 2025年 |\n"
        "| --- | --- | --- | --- |\n| 普惠性幼儿园 | 家 | 30 | 40 |\n"
        "| 校企合作企业 | 家 | 10 | 20 |\n| 学前教育毛入园率 | % | 90 | 95 |\n"
    )
    rows = _read(text)
    assert (rows["普惠性幼儿园"][0], rows["校企合作企业"][0]) == ("school", "item")
    assert eduplans.parse_value("5家").unit == "item"


def test_legend_labels_come_from_the_comparator_blocks(tmp_path: Path) -> None:
    from eduplans.plot import _style

    assert _style.text("ge", "zh") == "不低于 (≥, >)"
    assert _style.text("le", "en") == "At most (≤, <)"
    copy = tmp_path / "words.toml"
    text = WORDS.read_text(encoding="utf-8")
    copy.write_text(text.replace('label = ["不低于", "At least"]', 'label = ["至少", "At least"]'))
    _words.use_words(copy)
    try:
        assert _style.text("ge", "zh") == "至少 (≥, >)"
    finally:
        _words.use_words(None)


# --- one folding table (issue 12: U+FF0D folded to "—" in one copy and to "-" in another) --------
@pytest.mark.parametrize("char", ["－", "–", "〜", "．", "％", "\u3000"])
def test_every_reader_folds_a_character_the_same_way(char: str) -> None:
    from eduplans._chinese import fold_width
    from eduplans._parse._decode import fold
    from eduplans._units import _FOLD, parse_value

    parse_value("1")  # loads the value tables
    assert fold_width(char) == fold(char) == char.translate(_FOLD) != char


def test_the_full_width_hyphen_is_a_range_joint_everywhere() -> None:
    from eduplans._chinese import fold_width

    assert fold_width("3－5所") == "3-5所"
    read = eduplans.parse_value("3－5所")
    assert (read.value, read.upper, read.unit) == (3.0, 5.0, "school")


def test_only_the_working_copy_reads_layout_spaces_as_spaces() -> None:
    from eduplans._chinese import fold_width
    from eduplans._parse._decode import fold

    assert fold("a\tb\r\n") == "a b \n" and fold_width("a\tb") == "a\tb"


def test_a_fold_of_two_characters_is_refused(tmp_path: Path) -> None:
    text = (SRC / "data" / "words.toml").read_text(encoding="utf-8")
    bad = tmp_path / "words.toml"
    bad.write_text(text.replace('"〜" = "~"', '"〜" = "~~"'), encoding="utf-8")
    with pytest.raises(eduplans.DataError, match=r"fold\.chars"):
        _words.load_words(bad)
