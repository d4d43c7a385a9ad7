"""Command-line entry point; uses the public API only."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

import eduplans


def _summary() -> int:
    import pandas as pd

    plans = eduplans.load()
    frame = plans.to_frame()
    rows = []
    for plan in plans:
        sub = frame[frame.plan_id == plan.id]
        rows.append(
            {
                "plan": plan.id,
                "region": plan.region.name,
                "level": plan.region.level.value,
                "kind": plan.kind.value,
                "period": f"{plan.period[0]}-{plan.period[1]}",
                "indicators": len(plan.indicators),
                "baselines": int((sub.kind == "baseline").sum()),
                "targets": int((sub.kind == "target").sum()),
                "flagged": int((sub["flags"] != "").sum()),
            }
        )
    with pd.option_context("display.width", 200, "display.unicode.east_asian_width", True):
        print(f"eduplans {eduplans.__version__}: {len(plans)} bundled plans, {len(frame)} values")
        print(pd.DataFrame(rows).to_string(index=False))
        table = frame[frame.quote.str.contains("\n") & (frame.unit == "percent")]
        wide = table.pivot_table(
            index="indicator", columns=["region", "kind"], values="value", aggfunc="first"
        )
        print("\nIndicator-table rates (%), baseline and target, as each plan names them:")
        print(wide.round(2).to_string(na_rep="·"))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``eduplans`` command line.

    Parameters
    ----------
    argv
        Arguments without the program name; ``sys.argv[1:]`` when None.

    Returns
    -------
    int
        The exit code: 0 on success.
    """
    parser = argparse.ArgumentParser(
        prog="eduplans", description="Chinese regional education plans, made comparable."
    )
    parser.add_argument("--version", action="version", version=eduplans.__version__)
    parser.parse_args(argv)
    return _summary()
