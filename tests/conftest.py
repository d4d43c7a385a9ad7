from __future__ import annotations

import tomllib
from importlib.resources import files
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import eduplans

DATA = Path(str(files("eduplans").joinpath("data")))
PLAN_FILES = sorted((DATA / "plans").glob("*.toml"))


@pytest.fixture(scope="session")
def plans() -> eduplans.PlanCollection:
    return eduplans.load()


@pytest.fixture(scope="session")
def frame(plans: eduplans.PlanCollection) -> pd.DataFrame:
    return plans.to_frame()


def raw_plan(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))
