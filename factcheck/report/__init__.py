"""Reports: one module per output format."""

from __future__ import annotations

from typing import Any

from factcheck.model import Report

SCHEMA_VERSION = "1.0"
FORMATS = ("terminal", "json")

__all__ = ["FORMATS", "SCHEMA_VERSION", "render", "report_to_dict"]


def report_to_dict(report: Report) -> dict[str, Any]:
    """The JSON report (``schema/report.schema.json``)."""
    raise NotImplementedError("report stage: see issue 6")


def render(report: Report, format: str, *, color: bool | None = None) -> str:
    """Render a report in one of ``FORMATS``."""
    raise NotImplementedError("report stage: see issue 6")
