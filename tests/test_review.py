"""Editing drafts: each edit returns a new plan that passed the model's checks, spans kept."""

from __future__ import annotations

import pytest

import eduplans

TEXT = (
    "某某县“十四五”教育事业发展规划\n"
    "到2025年,学前三年毛入园率达到95%以上,九年义务教育巩固率达到99%。\n"
)


@pytest.fixture
def draft() -> eduplans.Plan:
    return eduplans.parse_plan(TEXT, region="410300")


def test_replace_value_checks_the_text_and_keeps_the_span(draft: eduplans.Plan) -> None:
    before = draft.targets[0]
    with pytest.raises(eduplans.DataError, match=r"value 96 disagrees with its text '95%以上'"):
        draft.replace_value(0, year=2025, value=96.0)
    with pytest.raises(eduplans.DataError, match="does not occur in its quote"):
        draft.replace_value(0, year=2025, value=96.0, text="96%")
    with pytest.raises(eduplans.DataError, match=r"comparator '=' disagrees with its text"):
        draft.replace_value(0, year=2025, comparator="=")  # the loader would refuse it
    fixed = draft.replace_value(0, year=2025, comparator="=", text="95%", note="checked by hand")
    after = fixed.targets[0]
    assert (after.comparator, after.note, after.span) == ("=", "checked by hand", before.span)
    assert draft.targets[0].comparator == ">="  # the draft itself is unchanged
    with pytest.raises(eduplans.DataError, match="flags need a note"):
        draft.replace_value(0, year=2025, flags=["conflict"])
    with pytest.raises(eduplans.DataError, match="editable fields"):
        draft.replace_value(0, year=2025, span=None)
    with pytest.raises(eduplans.DataError, match="has no target for 2030"):
        draft.replace_value(0, year=2030, note="x")


def test_drop_value_set_key_and_region(draft: eduplans.Plan) -> None:
    assert len(draft.indicators) == 2
    fewer = draft.drop_value("学前三年毛入园率")
    assert len(fewer.indicators) == 1 and fewer.indicators[0].name == "九年义务教育巩固率"
    keyed = draft.set_key(1, None)
    assert keyed.indicators[1].key is None
    rekeyed = keyed.set_key("九年义务教育巩固率", "compulsory_retention_rate")
    assert rekeyed.indicators[1].key == "compulsory_retention_rate"
    with pytest.raises(eduplans.UnknownKeyError, match="compulsory_retention_rate"):
        draft.set_key(1, "compulsory_retention_rat")
    moved = draft.set_region("邯郸市")
    assert moved.region.code == "130400" and moved.region.parent.name == "河北省"
    assert draft.set_region("130400").region == moved.region
    with pytest.raises(eduplans.DataError, match="no region of the bundled table"):
        draft.set_region("某某县")
    with pytest.raises(eduplans.DataError, match="no indicator named '入学率'"):
        draft.drop_value("入学率")


def test_an_edited_draft_saves_reads_back_and_validates(
    draft: eduplans.Plan, tmp_path: object
) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    fixed = draft.replace_value(0, year=2025, comparator=">=", note="checked")
    path = fixed.save(folder / "mine.toml")
    back = eduplans.read_plan(path)
    assert back.indicators == fixed.indicators and back.region == fixed.region
    assert eduplans.validate(path) == []
    with pytest.raises(eduplans.OverwriteError, match="already exists; pass overwrite=True"):
        fixed.save(path)
    assert fixed.save(path, overwrite=True) == path
