"""Benchmarks (``make bench``): they read ../shared/eval (or $FACTCHECK_EVAL), else skip."""

from __future__ import annotations

import os
from pathlib import Path


def eval_root() -> Path | None:
    """The evaluation data folder, or None (with the reason printed) when it is absent."""
    root = Path(
        os.environ.get(
            "FACTCHECK_EVAL", Path(__file__).resolve().parents[1] / ".." / "shared" / "eval"
        )
    )
    if not root.is_dir():
        print(f"skip: evaluation data not found at {root} (set FACTCHECK_EVAL)")
        return None
    return root.resolve()
