"""``python -m eduplans``: summarise the bundled plans and their values."""

from __future__ import annotations

import sys

from ._cli import main

if __name__ == "__main__":
    sys.exit(main())
