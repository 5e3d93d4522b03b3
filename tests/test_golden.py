"""Golden tests: the JSON reports of the bundled examples stay what we reviewed.

Regenerate after an intended change with ``FACTCHECK_UPDATE_GOLDEN=1 pytest tests/test_golden.py``
and review the diff of ``fixtures/expected/`` like code.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from factcheck.pipeline import check
from factcheck.report import report_to_dict

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ["misquotes.md", "seed-article.md"]
# Fields that change from run to run or machine to machine.
VOLATILE = {"fetched_at", "version"}


def stable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: stable(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [stable(v) for v in value]
    return value


@pytest.mark.parametrize("name", EXAMPLES)
def test_report_matches_golden(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    report = report_to_dict(check(f"fixtures/{name}"))
    actual = stable(report)
    golden = ROOT / "fixtures" / "expected" / (Path(name).stem + ".json")
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        golden.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert actual == expected
