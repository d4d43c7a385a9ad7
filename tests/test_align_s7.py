"""Session 7's alignment work: the rules' words in data/words.toml, and the rules changed.

The words of alignment's normalisation steps and rules moved from ``_align.py`` to the
``[align]`` section of ``data/words.toml`` (alignment output identical: a dump of every
development name's key, method, features and explanation compared before and after). The tests
below check the section as the loader checks the others, that each of its keys is read, and that
a word added to a copy of the words data changes how a real name (from the labelled development
sets) is read.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path

import pytest

import eduplans
from eduplans import _align, _words

SRC = Path(str(files("eduplans")))
WORDS = SRC / "data" / "words.toml"
SETS = Path(__file__).parent / "data" / "alignment"


def _labelled(which: str) -> set[str]:
    doc = tomllib.loads((SETS / f"labelled_{which}.toml").read_text(encoding="utf-8"))
    return {e["name"] for e in doc["name"]}


@contextmanager
def _added(tmp_path: Path, key: str, word: str) -> Iterator[None]:
    """Use a copy of the words data with ``word`` added to ``[align] key``, then the bundled."""
    text = WORDS.read_text(encoding="utf-8")
    head = text.index("\n[align]\n")
    m = re.compile(rf"(?m)^{key} = \[").search(text, head)
    assert m is not None and text.rfind("\n[", 0, m.start()) == head, key
    copy = tmp_path / "words.toml"
    copy.write_text(text[: m.end()] + f'"{word}", ' + text[m.end() :], encoding="utf-8")
    _words.use_words(copy)
    try:
        yield
    finally:
        _words.use_words(None)


ALIGN_KEYS = [f.name for f in dataclasses.fields(_words.AlignWords)]


@pytest.mark.parametrize("key", ALIGN_KEYS)
def test_a_missing_align_key_names_the_file_and_key(tmp_path: Path, key: str) -> None:
    text = WORDS.read_text(encoding="utf-8")
    assert len(re.findall(rf"(?m)^{key} = ", text[text.index("\n[align]\n") :])) >= 1
    head = text.index("\n[align]\n")
    bad = tmp_path / "words.toml"
    bad.write_text(
        text[:head] + re.sub(rf"(?m)^{key} = .*$", "", text[head:], count=1), encoding="utf-8"
    )
    with pytest.raises(eduplans.DataError, match=rf"align\.{key}") as err:
        _words.load_words(bad)
    assert str(bad) in str(err.value)


def test_every_align_key_is_read_by_alignment() -> None:
    code = (SRC / "_align.py").read_text(encoding="utf-8")
    unread = [k for k in ALIGN_KEYS if not re.search(rf"\balign\.{k}\b|\ba\.{k}\b", code)]
    assert not unread, f"[align] keys no code reads: {unread}"


def test_a_dropped_particle_from_the_words_data(tmp_path: Path) -> None:
    name = "新增劳动力受过高等教育比例"  # labelled_dev
    assert name in _labelled("dev")
    assert _align.normalise(name) == "新增劳动力受过高等比例"
    with _added(tmp_path, "drop", "过"):
        assert _align.normalise(name) == "新增劳动力受高等比例"
    assert _align.normalise(name) == "新增劳动力受过高等比例"


def test_a_share_of_children_word_from_the_words_data(tmp_path: Path) -> None:
    # 公办幼儿园比例 (labelled_real5, also 全省公办幼儿园占比 in real2) reads as a share of
    # kindergartens; a word of children_share makes it one of children
    name = "公辦幼兒園比例"
    assert name in _labelled("real5")
    assert "institutions" in _align._features(_align.normalise(name)).measures
    with _added(tmp_path, "children_share", "幼儿园比例"):
        assert "children" in _align._features(_align.normalise(name)).measures
    assert "institutions" in _align._features(_align.normalise(name)).measures
