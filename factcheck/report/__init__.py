"""Reports: one module per output format.

Every format renders a list of reports (one per article); ``render`` is the one-article case.
Formats are imported lazily so the CLI pays only for the one it prints.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any

from factcheck.model import Report

SCHEMA_VERSION = "1.0"
FORMATS = ("terminal", "json", "jsonl", "markdown", "html", "sarif", "github", "junit")
# Formats meant for machines: never coloured, whatever the terminal.
MACHINE_FORMATS = frozenset({"json", "jsonl", "sarif", "github", "junit", "html", "markdown"})

__all__ = [
    "FORMATS",
    "SCHEMA_VERSION",
    "render",
    "render_many",
    "report_to_dict",
    "reports_to_dict",
]


def report_to_dict(report: Report) -> dict[str, Any]:
    """The JSON report of one article (``schema/report.schema.json``)."""
    from factcheck.report.json import report_to_dict as build

    return build(report)


def reports_to_dict(reports: Sequence[Report]) -> dict[str, Any]:
    """The JSON report of several articles: ``reports`` (one per article) and a total summary."""
    from factcheck.report.json import reports_to_dict as build

    return build(reports)


def render(report: Report, format: str, *, color: bool | None = None, verbosity: int = 0) -> str:
    """Render a report in one of ``FORMATS``.

    ``color`` ``None`` means: colour if standard output is a terminal and ``NO_COLOR`` is unset.
    ``verbosity`` -1 (quiet: findings only), 0 or 1 (verbose: evidence for every claim) shapes
    the terminal report; machine formats always carry everything.
    """
    return render_many([report], format, color=color, multi=False, verbosity=verbosity)


def render_many(
    reports: Sequence[Report],
    format: str,
    *,
    color: bool | None = None,
    multi: bool = True,
    verbosity: int = 0,
) -> str:
    """Render the reports of several articles as one output.

    ``multi`` picks the JSON shape: one article's report at the top level (``False``, needs
    exactly one report) or a ``reports`` list (``True``).
    """
    from factcheck.errors import ConfigError

    if format not in FORMATS:
        raise ConfigError(f"unknown report format {format!r} (use one of {', '.join(FORMATS)})")
    if not multi and len(reports) != 1:
        raise ValueError("a single-article report needs exactly one report")
    module = importlib.import_module(f"factcheck.report.{format}")
    text: str = module.render_reports(list(reports), color=color, multi=multi, verbosity=verbosity)
    return text
