#!/usr/bin/env python3
"""Run a real-text ``score.py`` with the region left unknown where the parser finds none.

    python tools/score_unknown_region.py ../shared/realtexts/score.py [score.py options]

``parse_plan`` raises ``ParseError: no region name found`` on pages that do not name their
region in a form the parser reads; the region reader (issue 11) replaces that error with an
unknown region. This wrapper does the same for a measurement of the values alone: the pages
are parsed exactly as ``score.py`` parses them, only a page whose region is not found gets an
unknown county instead of the error. A figure to report beside the plain one, never instead.
"""

from __future__ import annotations

import runpy
import sys

import eduplans._parse as parse
from eduplans import ParseError, Region, RegionLevel

_region_arg = parse._region_arg


def _or_unknown(region: Region | str | None, name: str | None, parent: str | None) -> Region:
    try:
        return _region_arg(region, name, parent)
    except ParseError:
        return Region(name="未知地区", level=RegionLevel.COUNTY, code=None, parent=None)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    script = sys.argv[1]
    parse._region_arg = _or_unknown  # type: ignore[assignment]
    sys.argv = [script, *sys.argv[2:]]
    runpy.run_path(script, run_name="__main__")
