"""The JSON report (validated by ``factcheck/schema/report.schema.json``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from factcheck.model import Report
from factcheck.report.common import merge_summaries, summarize

TOOL_NAME = "factcheck"


def tool_info(report: Report | None = None) -> dict[str, str]:
    from factcheck import __version__

    version = (report.tool_version if report else "") or __version__
    return {"name": TOOL_NAME, "version": version}


def article_info(report: Report) -> dict[str, Any]:
    doc = report.document
    return {
        "path": doc.path,
        "url": doc.url,
        "sha256": doc.sha256,
        "title": doc.title,
        "format": doc.format,
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    """One article's report: the schema's top-level object when one article is checked."""
    from factcheck.report import SCHEMA_VERSION

    return {
        "schema_version": SCHEMA_VERSION,
        "tool": tool_info(report),
        "article": article_info(report),
        "sources": [source.to_dict() for source in report.sources],
        "claims": [result.to_dict() for result in report.results],
        "summary": summarize(report),
    }


def reports_to_dict(reports: Sequence[Report]) -> dict[str, Any]:
    """Several articles: each one's full report under ``reports``, and the summed summary."""
    from factcheck.report import SCHEMA_VERSION

    each = [report_to_dict(report) for report in reports]
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": tool_info(reports[0] if reports else None),
        "reports": each,
        "summary": merge_summaries(item["summary"] for item in each),
    }


def render_reports(
    reports: list[Report], *, color: bool | None = None, multi: bool = True, verbosity: int = 0
) -> str:
    data = reports_to_dict(reports) if multi else report_to_dict(reports[0])
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
