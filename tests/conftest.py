from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(autouse=True)
def every_json_report_is_valid(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Validate every JSON report any test builds in-process against the shipped schema."""
    import factcheck.report.json as json_report
    from schema_check import assert_valid_report

    for name in ("report_to_dict", "reports_to_dict"):
        original = getattr(json_report, name)

        def validated(*args: Any, _original: Any = original, **kwargs: Any) -> dict[str, Any]:
            data: dict[str, Any] = _original(*args, **kwargs)
            assert_valid_report(data)
            return data

        monkeypatch.setattr(json_report, name, validated)
    yield
