"""The terminal report (rich): verdict colours, word diffs, evidence, a summary line.

All article and source text goes into ``rich.text.Text`` objects, never into markup strings,
so brackets in a quote can't restyle the report. Without colour the word diff falls back to
wdiff markers (``[-dropped-]{+added+}``) so it reads the same in a log file.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import sys
from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from factcheck.model import Claim, DiffOp, Evidence, Report, Source, Verdict
from factcheck.report.common import (
    LABEL_TITLES,
    article_name,
    claim_location,
    merge_summaries,
    plain_diff,
    speaker_label,
    summarize,
)

LABEL_STYLES: dict[str, str] = {
    "verified": "green",
    "supported": "green",
    "altered": "bold red",
    "misattributed": "bold magenta",
    "not_found": "yellow",
    "unverifiable": "cyan",
}
SEVERITY_STYLES: dict[str, str] = {"error": "red", "warning": "yellow", "info": "blue"}


def want_color(color: bool | None, stream: object = None) -> bool:
    """Colour only on a terminal and when ``NO_COLOR`` (https://no-color.org) is unset, unless
    the caller decided.

    >>> want_color(False)
    False
    >>> want_color(True)
    True
    """
    if color is not None:
        return color
    if os.environ.get("NO_COLOR"):
        return False
    stream = stream if stream is not None else sys.stdout
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


# Our colours are SGR sequences ("ESC [ 1;31 m"); any other escape or control character in
# the output came from a draft or a source, and a terminal would obey it.
_FOREIGN_CONTROL = re.compile(r"\x1b(?!\[[0-9;]*m)|[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f]")
_ANY_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(output: str, color: bool) -> str:
    """``output`` with control characters that are not our colours shown as U+FFFD.

    Passing: ``"a\\x1b]0;title\\x07b"`` becomes ``"a\ufffd]0;title\ufffdb"`` (the terminal
    is not told to retitle itself). Failing: a colour code we emit stays when ``color``.

    >>> printable("a\\x1b]0;t\\x07b", False)
    'a\ufffd]0;t\ufffdb'
    >>> printable("\\x1b[1;31mX\\x1b[0m", True) == "\\x1b[1;31mX\\x1b[0m"
    True
    """
    return (_FOREIGN_CONTROL if color else _ANY_CONTROL).sub("\ufffd", output)


def _console(color: bool) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    width = shutil.get_terminal_size((100, 24)).columns if color else 100
    console = Console(
        file=buffer,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        width=max(60, width),
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=not color,
    )
    return console, buffer


def _diff_text(diff: Sequence[DiffOp], color: bool) -> Text:
    if not color:
        return Text(plain_diff(diff))
    text = Text()
    for op in diff:
        if text:
            text.append(" ")
        if op.op == "equal":
            text.append(op.quote or op.source)
            continue
        if op.op in ("replace", "delete") and op.source:
            text.append(op.source, style="red strike")
        if op.op == "replace" and op.source and op.quote:
            text.append(" ")
        if op.op in ("replace", "insert") and op.quote:
            text.append(op.quote, style="bold green underline")
    return text


def _evidence_lines(evidence: Evidence, sources: dict[str, Source], color: bool) -> list[Text]:
    source = sources.get(evidence.source_id)
    where = evidence.source_id
    if source is not None:
        where += f" {source.title or source.path or source.final_url or source.url or ''}".rstrip()
    if evidence.location is not None:
        where += f" {evidence.location.line}:{evidence.location.column}"
    said_by = evidence.speaker or "unknown speaker"
    line = Text().append("source: ", style="dim")
    line.append(f"{where} ({said_by})", style="bold" if color else "")
    if not evidence.in_main_text:
        line.append(" outside the main text", style="dim")
    passage = Text().append("  “", style="dim")
    passage.append(" ".join(evidence.text.split()))
    passage.append("”", style="dim")
    lines = [line, passage]
    if any(op.op != "equal" for op in evidence.diff):
        diff_line = Text().append("diff: ", style="dim")
        diff_line.append_text(_diff_text(evidence.diff, color))
        lines.append(diff_line)
    return lines


def _label_badge(label: str, width: int = 14) -> Text:
    return Text().append(
        LABEL_TITLES.get(label, label).ljust(width), style=LABEL_STYLES.get(label, "")
    )


def _report_block(console: Console, report: Report, color: bool, verbosity: int) -> None:
    doc = report.document
    header = Text().append(article_name(report), style="bold underline")
    if doc.title:
        header.append(f"  {doc.title}", style="dim")
    console.print(header)
    sources = {s.id: s for s in report.sources}
    shown = 0
    for result in report.results:
        verdict, claim = result.verdict, result.claim
        if verbosity < 0 and (verdict.severity == "none" or claim.suppressed):
            continue
        shown += 1
        loc = claim_location(report, result)
        row = Text().append(f"{loc.line:>5}:{loc.column:<4}", style="dim")
        row.append_text(_label_badge(verdict.label))
        row.append(f"{claim.id} ", style="dim")
        row.append(speaker_label(result), style="italic" if claim.speaker is None else "bold")
        row.append(": ")
        words = " ".join((claim.quoted_text or claim.text).split())
        row.append(f"“{words}”" if claim.kind != "paraphrase" else words)
        if claim.vague:
            row.append("  [vague attribution]", style="yellow")
        if claim.suppressed:
            row.append(f"  [suppressed: {claim.suppressed}]", style="dim")
        console.print(row)
        indent = " " * 11
        details: list[Text] = []
        if verdict.severity != "none" or verbosity > 0:
            details.append(Text(verdict.reason))
            for item in verdict.evidence[: 3 if verbosity > 0 else 1]:
                details.extend(_evidence_lines(item, sources, color))
        for detail in details:
            console.print(Text(indent).append_text(detail))
    if not shown:
        console.print(Text("  no claims found" if not report.results else "  no findings"))
    failed = [s for s in report.sources if not s.ok]
    if verbosity > 0 or failed:
        for source in report.sources:
            if source.ok and verbosity <= 0:
                continue
            name = source.url or source.path or source.id
            line = Text().append(f"  {source.id} ", style="dim")
            line.append(name)
            if source.ok:
                line.append(f"  ok, {len(source.turns)} speaker turns", style="green")
            else:
                line.append(f"  failed: {source.error or 'unknown error'}", style="red")
            console.print(line)
    console.print(_summary_line(summarize(report), color))


def _summary_line(summary: dict[str, object], color: bool, prefix: str = "") -> Text:
    by_label = summary["by_label"]
    assert isinstance(by_label, dict)
    counts = [f"{n} {label.replace('_', ' ')}" for label, n in by_label.items() if n]
    text = Text(prefix)
    claims = summary["claims"]
    text.append(f"{claims} claim{'s' if claims != 1 else ''}", style="bold")
    if counts:
        text.append(" (" + ", ".join(counts) + ")")
    text.append(": ")
    errors, warnings = summary["errors"], summary["warnings"]
    text.append(f"{errors} error{'s' if errors != 1 else ''}", style="red" if errors else "green")
    text.append(", ")
    text.append(
        f"{warnings} warning{'s' if warnings != 1 else ''}", style="yellow" if warnings else ""
    )
    if summary["suppressed"]:
        text.append(f", {summary['suppressed']} suppressed", style="dim")
    if summary.get("sources_failed"):
        failed = summary["sources_failed"]
        text.append(f", {failed} source{'s' if failed != 1 else ''} failed", style="dim")
    return text


def render_terminal(report: Report, *, color: bool | None = None, verbosity: int = 0) -> str:
    """One article's report for a person at a terminal."""
    return render_reports([report], color=color, verbosity=verbosity)


def render_reports(
    reports: list[Report], *, color: bool | None = None, multi: bool = True, verbosity: int = 0
) -> str:
    use_color = want_color(color)
    console, buffer = _console(use_color)
    for n, report in enumerate(reports):
        if n:
            console.print()
        _report_block(console, report, use_color, verbosity)
    if len(reports) > 1:
        console.print()
        total = merge_summaries(summarize(r) for r in reports)
        console.print(_summary_line(total, use_color, prefix=f"{total['articles']} articles, "))
    elif not reports:
        console.print(Text("no articles to check"))
    return printable(buffer.getvalue(), use_color)


def render_claims(documents: list[tuple[str, list[Claim]]], *, color: bool | None = None) -> str:
    """The claims of each document as a readable list (``factcheck claims``)."""
    use_color = want_color(color)
    console, buffer = _console(use_color)
    for n, (name, claims) in enumerate(documents):
        if n:
            console.print()
        console.print(Text().append(name, style="bold underline"))
        if not claims:
            console.print(Text().append("  no claims found", style="dim"))
        for claim in claims:
            row = Text().append(f"  {claim.id:<5}", style="bold")
            row.append(f"{claim.kind:<14}", style="cyan")
            if claim.location is not None:
                row.append(f"{claim.location.line}:{claim.location.column}  ", style="dim")
            speaker = claim.speaker
            if speaker is None:
                row.append("(no speaker)", style="italic yellow")
            else:
                row.append(speaker.name or speaker.text, style="bold")
                if speaker.name and speaker.text != speaker.name:
                    row.append(f" (“{speaker.text}”)", style="dim")
            if claim.cue is not None:
                row.append(f"  cue: {claim.cue.text}", style="dim")
            if claim.vague:
                row.append("  [vague attribution]", style="yellow")
            if claim.suppressed:
                row.append(f"  [suppressed: {claim.suppressed}]", style="dim")
            console.print(row)
            words = " ".join(claim.text.split())
            console.print(
                Text("        " + (f"“{words}”" if claim.kind != "paraphrase" else words))
            )
    return printable(buffer.getvalue(), use_color)


def render_verdict(
    text: str, speaker: str | None, verdict: Verdict, *, color: bool | None = None
) -> str:
    """One quote's verdict with its evidence (``factcheck quote``)."""
    use_color = want_color(color)
    console, buffer = _console(use_color)
    head = _label_badge(verdict.label, width=0)
    head.append(f"  score {verdict.score:.0f}", style="dim")
    console.print(head)
    quote = Text().append("quote: ", style="dim")
    quote.append(f"“{' '.join(text.split())}”")
    quote.append(" — ")
    quote.append(speaker or "(no speaker given)", style="bold" if speaker else "italic")
    console.print(quote)
    console.print(Text(verdict.reason))
    for item in verdict.evidence[:3]:
        for line in _evidence_lines(item, {}, use_color):
            console.print(line)
    return printable(buffer.getvalue(), use_color)
