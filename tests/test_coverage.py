"""No number in a plan's text is silently missing from the data.

Every digit sequence of every source text must be inside a recorded value's quote, or be
structure (list numbering, dates and years, names in quotation marks such as “5085”, 5G/3D), or
be listed with its reason in tests/data/not_targets.toml.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

import eduplans

SKIPS = tomllib.loads((Path(__file__).parent / "data" / "not_targets.toml").read_text("utf-8"))

STRUCTURE = [
    r"(?m)^[ \t\u3000\xa0]*\d{1,2}[.、．]",  # list numbering "1." at a line start
    r"(?:19|20)\d{2}(?:[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|年(?:\d{1,2}月(?:\d{1,2}日)?)?)",  # dates, years written with 年
    r"(?:19|20)\d{2}(?=\s*[—\-－~至]\s*(?:19|20)\d{2})|(?<=[—\-－~至])(?:19|20)\d{2}",  # 2021—2025
    r"“[^”]{0,12}\d[^”]{0,12}”",  # programme names in quotation marks: “5085”, “1+N”
    r"\d+G|\d+D|IPv\d|\d\.0",  # 5G, 3D, IPv6, 教育信息化2.0
    r"专栏\d|重点工程\d",  # box numbers
]
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _skip_spans(plan: eduplans.Plan) -> list[tuple[int, int]]:
    text = plan.source_text
    spans: list[tuple[int, int]] = []
    for entry in SKIPS["skip"]:
        if entry["plan"] != plan.id:
            continue
        if "snippet" in entry:
            found = [m.start() for m in re.finditer(re.escape(entry["snippet"]), text)]
            assert found, f"stale skip entry: {entry['snippet']!r} is not in {plan.id}"
            spans += [(s, s + len(entry["snippet"])) for s in found]
        else:
            found_m = list(re.finditer(entry["pattern"], text))
            assert len(found_m) == entry["count"], entry
            spans += [(m.start(), m.end()) for m in found_m]
    return spans


def uncovered_numbers(plan: eduplans.Plan) -> list[tuple[int, str]]:
    text = plan.source_text
    spans = [(v.span.start, v.span.end) for v in plan.baselines + plan.targets]
    spans += [(m.start(), m.end()) for pat in STRUCTURE for m in re.finditer(pat, text)]
    spans += _skip_spans(plan)
    return [
        (m.start(), text[max(0, m.start() - 15) : m.end() + 10])
        for m in NUMBER.finditer(text)
        if not any(a <= m.start() and m.end() <= b for a, b in spans)
    ]


@pytest.mark.parametrize(
    "plan_id", ["conghua-2022", "handan-2022", "henan-2024", "luoyang-2022", "xinghualing-2022"]
)
def test_every_number_in_the_text_is_recorded_or_explained(plan_id: str) -> None:
    plan = eduplans.load()[plan_id]
    assert uncovered_numbers(plan) == []


def test_skip_entries_all_have_reasons() -> None:
    for entry in SKIPS["skip"]:
        assert entry["reason"].strip()
        assert entry["plan"] in eduplans.load()
