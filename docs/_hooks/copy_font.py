"""mkdocs hook: copy the bundled OFL CJK font into the site, for docs/css/eduplans.css."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

FONT = Path(__file__).resolve().parents[2] / "src/eduplans/data/fonts/EduplansSansSC-Regular.ttf"
LICENCE = FONT.with_name("OFL.txt")


def on_post_build(config: Any, **kwargs: Any) -> None:
    """Copy the font and its licence to ``site/assets/fonts/``."""
    out = Path(config["site_dir"]) / "assets" / "fonts"
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FONT, out / FONT.name)
    shutil.copyfile(LICENCE, out / "OFL.txt")
