"""Publication figures of eduplans' comparisons (matplotlib).

>>> import eduplans, eduplans.plot
>>> plans = eduplans.load()
>>> ax = eduplans.plot.targets(plans, "preschool_gross_enrolment_rate")
>>> eduplans.plot.save(ax, "preschool.pdf")  # doctest: +SKIP

Every function takes ``ax=`` (None creates a figure one journal column wide) and returns the
Axes; ``lang="zh"`` labels in Chinese, ``lang="en"`` in English from the catalog (value texts
from :func:`eduplans.format_value`). Chinese is set in a bundled OFL font (a subset of Noto Sans
CJK SC) that every text the functions create carries in its own font properties, so a caller's
Axes saved with a plain ``fig.savefig`` keeps its glyphs; the rest of the style is applied
through ``matplotlib.rc_context`` inside each function: the global ``rcParams`` never change.
Figures draw what the plans mean: a floor already met is not a fall, caps point down, totals over
a plan period are bars, changes are not levels. See ``docs/figures.md``.
"""

from __future__ import annotations

from ._coverage import coverage
from ._save import save
from ._targets import targets
from ._trajectory import trajectory

__all__ = ["coverage", "save", "targets", "trajectory"]
