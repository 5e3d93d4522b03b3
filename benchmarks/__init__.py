"""Benchmarks (``make bench``): they read ../shared/eval (or $FACTCHECK_EVAL), else skip."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.model import Source


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


def load_quote_cases(
    cases_path: Path, limit: int = 0
) -> tuple[list[dict[str, Any]], dict[str, Source]]:
    """The quote cases (JSON lines; the first ``limit`` if set) and each transcript they name,
    read once by the sources stage, keyed by the case's ``transcript_file``."""
    import json

    from factcheck.sources import read_source_file

    lines = cases_path.read_text(encoding="utf-8").splitlines()
    cases = [json.loads(line) for line in lines if line][: limit or None]
    sources: dict[str, Source] = {}
    for case in cases:
        name = case["transcript_file"]
        if name not in sources:
            sources[name] = read_source_file(cases_path.parent / name)
    return cases, sources


def quote_cases_path(given: str | None = None) -> Path | None:
    """The quote cases file: ``given``, else the eval's ``quotes/cases.jsonl``; ``None``
    (with the reason printed) when it is absent."""
    if given:
        path = Path(given)
    else:
        root = eval_root()
        if root is None:
            return None
        path = root / "quotes" / "cases.jsonl"
    if not path.exists():
        print(f"skip: {path} not found")
        return None
    return path
