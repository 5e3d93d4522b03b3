"""The Markdown report: a summary, a findings table worst first, then each finding's evidence.

Article and source text is escaped so a quote can't open a link, an image or raw HTML when
the report is shown on GitHub (pull-request comments, step summaries).
"""

from __future__ import annotations

import re

from factcheck.model import Report
from factcheck.report.common import (
    LABEL_TITLES,
    article_name,
    claim_location,
    is_finding,
    merge_summaries,
    plain_diff,
    shown_text,
    speaker_label,
    summarize,
    worst_first,
)

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


def md_escape(text: str) -> str:
    """Text that Markdown shows literally, on one line (safe in a table cell).

    >>> md_escape("<b>a|b</b> [x](javascript:y)")
    '&lt;b&gt;a\\\\|b&lt;/b&gt; \\\\[x\\\\]\\\\(javascript:y\\\\)'
    >>> md_escape("plain words")
    'plain words'
    """
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _code_span(text: str) -> str:
    """An inline code span: HTML-escaped (GitHub renders entities inside code in tables too)."""
    text = " ".join(text.split()).replace("|", "\\|")
    fence = "`" * (max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    return f"{fence} {text} {fence}"


def summary_table(reports: list[Report]) -> list[str]:
    """One row per article: claims, errors, warnings, suppressed and the labels."""
    lines = [
        "| Article | Claims | Errors | Warnings | Suppressed | Labels |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for report in reports:
        summary = summarize(report)
        labels = ", ".join(
            f"{n} {label.replace('_', ' ')}" for label, n in summary["by_label"].items() if n
        )
        lines.append(
            f"| {md_escape(article_name(report))} | {summary['claims']} | {summary['errors']} "
            f"| {summary['warnings']} | {summary['suppressed']} | {labels or '-'} |"
        )
    return lines


def findings_table(report: Report, *, include_suppressed: bool = True) -> list[str]:
    """Findings worst first: where, verdict, severity, speaker, words, reason."""
    rows = [r for r in worst_first(report.results) if is_finding(r)]
    if not include_suppressed:
        rows = [r for r in rows if not r.claim.suppressed]
    if not rows:
        return []
    lines = [
        "| Line | Verdict | Severity | Speaker | Claim | Reason |",
        "|---:|---|---|---|---|---|",
    ]
    for result in rows:
        loc = claim_location(report, result)
        severity: str = result.verdict.severity
        if result.claim.suppressed:
            severity = f"suppressed ({severity})"
        lines.append(
            f"| {loc.line}:{loc.column} | {LABEL_TITLES[result.verdict.label]} | {severity} "
            f"| {md_escape(speaker_label(result))} | {md_escape(shown_text(result, 120))} "
            f"| {md_escape(result.verdict.reason)} |"
        )
    return lines


def _report_section(report: Report, level: str) -> list[str]:
    lines = [f"{level} {md_escape(article_name(report))}", ""]
    if report.document.title:
        lines += [f"*{md_escape(report.document.title)}*", ""]
    summary = summarize(report)
    lines.append(
        f"**{summary['claims']} claims**: {summary['errors']} errors, "
        f"{summary['warnings']} warnings, {summary['suppressed']} suppressed."
    )
    lines.append("")
    table = findings_table(report)
    lines += [*table, ""] if table else ["No findings.", ""]
    sources = {s.id: s for s in report.sources}
    for result in worst_first(report.results):
        if not is_finding(result) or not result.verdict.evidence:
            continue
        loc = claim_location(report, result)
        lines.append(
            f"- **{result.claim.id}** (line {loc.line}, {LABEL_TITLES[result.verdict.label]}): "
            f"{md_escape(shown_text(result))}"
        )
        for item in result.verdict.evidence[:2]:
            source = sources.get(item.source_id)
            name = item.source_id
            if source is not None:
                name += " " + (source.title or source.path or source.url or "")
            lines.append(
                f"  - {md_escape(name.strip())}, said by {md_escape(item.speaker or 'unknown')}: "
                f"{md_escape(item.text)}"
            )
            if any(op.op != "equal" for op in item.diff):
                lines.append(f"  - diff: {_code_span(plain_diff(item.diff))}")
    failed = [s for s in report.sources if not s.ok]
    if failed:
        lines += ["", "Sources that failed:", ""]
        lines += [
            f"- {s.id} {md_escape(s.url or s.path or '')}: {md_escape(s.error or 'unknown error')}"
            for s in failed
        ]
    lines.append("")
    return lines


def render_reports(
    reports: list[Report], *, color: bool | None = None, multi: bool = True, verbosity: int = 0
) -> str:
    lines = ["# factcheck report", ""]
    if len(reports) > 1:
        total = merge_summaries(summarize(r) for r in reports)
        lines += [
            f"{total['articles']} articles, {total['claims']} claims: {total['errors']} errors, "
            f"{total['warnings']} warnings, {total['suppressed']} suppressed.",
            "",
            *summary_table(reports),
            "",
        ]
    if not reports:
        lines += ["No articles to check.", ""]
    for report in reports:
        lines += _report_section(report, "##")
    return "\n".join(lines).rstrip("\n") + "\n"
