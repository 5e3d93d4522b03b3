"""JSON Lines: one claim per line, each with its article, for streaming and ``jq``.

Each line is a claim object of the JSON report plus ``article`` (path or URL), ``type``
``"claim"``; a last line of ``type`` ``"summary"`` closes each article.
"""

from __future__ import annotations

import json

from factcheck.model import Report
from factcheck.report.common import article_name, summarize


def render_reports(
    reports: list[Report], *, color: bool | None = None, multi: bool = True, verbosity: int = 0
) -> str:
    from factcheck.report import SCHEMA_VERSION

    lines: list[str] = []
    for report in reports:
        article = article_name(report)
        for result in report.results:
            row = {"type": "claim", "schema_version": SCHEMA_VERSION, "article": article}
            row.update(result.to_dict())
            lines.append(json.dumps(row, ensure_ascii=False))
        summary = {"type": "summary", "schema_version": SCHEMA_VERSION, "article": article}
        summary.update(summarize(report))
        lines.append(json.dumps(summary, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)
