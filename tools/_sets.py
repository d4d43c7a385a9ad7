"""Which labelled sets the tools may read: the one place that names the held-out sets.

Every tool under tools/ that reads labelled pages or names imports these and refuses a held-out
set, so a set is held out, or released to development, by one edit here (and the set's README or
header saying so).

- Parser: ``realtexts_blind4``, ``blind7`` and ``blind9`` are held out (scored by the lead, once at
  a session's end); ``blind22`` is session 7's validation set (read by nobody but its collector;
  scored by the lead blind at its arrival and once at the session's end). ``blind16`` was session
  6's validation set and is a development set from session 7 on.
- Alignment: ``heldout3``, ``real4`` and ``real6`` are held out; ``real9`` is session 7's
  validation set. ``real8`` was session 6's and is a development set from session 7 on.
"""

from __future__ import annotations

#: Parser sets (tests/data/realtexts_blindN) the tools score: every development set, by number.
PARSER_DEV = (1, 2, 3, 5, 6, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21)
#: Parser sets no tool reads.
PARSER_REFUSED = frozenset({4, 7, 9, 22})
#: Alignment sets (tests/data/alignment/labelled_<name>.toml) no tool reads or lists.
ALIGNMENT_REFUSED = frozenset({"heldout3", "real4", "real6", "real9"})

assert not PARSER_REFUSED & set(PARSER_DEV), "a held-out set among the development sets"
