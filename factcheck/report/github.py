"""GitHub Actions workflow commands: one annotation per finding, worst first.

``::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=T::message``. Suppressed findings
and verified claims get no annotation. ``write_step_summary`` appends a Markdown table to the
file named by ``$GITHUB_STEP_SUMMARY``.
"""

from __future__ import annotations

import os

from factcheck.model import Report
from factcheck.report.common import (
    LABEL_TITLES,
    claim_location,
    merge_summaries,
    repo_relative_path,
    shown_text,
    speaker_label,
    summarize,
    worst_first,
)

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message as the runner expects.

    >>> escape_data("50% done\\r\\nnext")
    '50%25 done%0D%0Anext'
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (file, title): the message escapes plus ``:`` and ``,``.

    >>> escape_property("a,b: c%")
    'a%2Cb%3A c%25'
    """
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation_lines(report: Report) -> list[str]:
    """The workflow commands for one article's unsuppressed findings, worst first."""
    lines: list[str] = []
    doc = report.document
    path = repo_relative_path(doc.path) if doc.path and doc.path != "-" else None
    for result in worst_first(report.findings):
        command = COMMANDS.get(result.verdict.severity)
        if command is None:
            continue
        verdict = result.verdict
        title = f"factcheck: {LABEL_TITLES[verdict.label]} ({result.claim.id})"
        words = shown_text(result, 200)
        message = f"{speaker_label(result)}: “{words}” — {verdict.reason}"
        if verdict.evidence and verdict.evidence[0].text:
            message += f"\nSource {verdict.evidence[0].source_id}: “{verdict.evidence[0].text}”"
        props: list[tuple[str, str]] = []
        if path is not None:
            loc = claim_location(report, result)
            props += [("file", path), ("line", str(loc.line))]
            # GitHub only honours columns on a one-line range.
            if loc.end_line == loc.line:
                props += [("col", str(loc.column)), ("endColumn", str(loc.end_column))]
            props.append(("endLine", str(loc.end_line)))
        props.append(("title", title))
        rendered = ",".join(f"{key}={escape_property(value)}" for key, value in props)
        lines.append(f"::{command} {rendered}::{escape_data(message)}")
    return lines


def render_reports(
    reports: list[Report], *, color: bool | None = None, multi: bool = True, verbosity: int = 0
) -> str:
    # Annotations across articles, still worst first: errors of every file before warnings.
    rank = {"error": 0, "warning": 1, "notice": 2}
    lines = [line for report in reports for line in annotation_lines(report)]
    lines.sort(key=lambda line: rank[line[2 : line.index(" ")]])
    total = merge_summaries(summarize(r) for r in reports)
    lines.append(
        f"factcheck: {total['articles']} article(s), {total['claims']} claims: "
        f"{total['errors']} errors, {total['warnings']} warnings, {total['suppressed']} suppressed"
    )
    return "".join(line + "\n" for line in lines)


def step_summary(reports: list[Report]) -> str:
    """The Markdown for ``$GITHUB_STEP_SUMMARY``: totals, a row per article, the findings."""
    from factcheck.report.markdown import findings_table, md_escape, summary_table

    total = merge_summaries(summarize(r) for r in reports)
    lines = [
        "## factcheck",
        "",
        f"{total['articles']} articles, {total['claims']} claims: **{total['errors']} errors**, "
        f"{total['warnings']} warnings, {total['suppressed']} suppressed.",
        "",
        *summary_table(reports),
        "",
    ]
    for report in reports:
        table = findings_table(report, include_suppressed=False)
        if table:
            name = report.document.path or report.document.url or "<stdin>"
            lines += [f"### {md_escape(name)}", "", *table, ""]
    return "\n".join(lines) + "\n"


def write_step_summary(reports: list[Report], path: str | None = None) -> bool:
    """Append the step summary to ``path`` (default ``$GITHUB_STEP_SUMMARY``); False if unset."""
    target = path or os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return False
    with open(target, "a", encoding="utf-8") as handle:
        handle.write(step_summary(reports))
    return True
