"""What every report format shares: ordering, summaries, locations, paths and diff text."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from factcheck.model import LABELS, CheckedClaim, DiffOp, Location, Report, Severity

# Worst first: the order annotations and tables list findings in.
SEVERITY_RANK: dict[str, int] = {"error": 0, "warning": 1, "info": 2, "none": 3}

LABEL_TITLES: dict[str, str] = {
    "verified": "Verified",
    "supported": "Supported",
    "altered": "Altered quote",
    "misattributed": "Misattributed",
    "not_found": "Not found",
    "unverifiable": "Unverifiable",
}

LABEL_HELP: dict[str, str] = {
    "verified": "The quote occurs in a source, said by the claimed speaker.",
    "supported": "A passage by the claimed speaker carries the reported content.",
    "altered": "A close passage by the claimed speaker exists, but the words differ.",
    "misattributed": "The words are in a source, but said by someone else.",
    "not_found": "The sources were searched; nothing close enough was found.",
    "unverifiable": "No usable source: none given or linked, or every one failed.",
}


def summarize(report: Report) -> dict[str, Any]:
    """The ``summary`` block: every claim counted once, suppressed ones counted apart.

    ``by_label`` counts all claims (suppressed ones too, so nothing vanishes); ``errors`` and
    ``warnings`` count only findings, which are what the exit code looks at.
    """
    by_label = dict.fromkeys(LABELS, 0)
    for result in report.results:
        by_label[result.verdict.label] = by_label.get(result.verdict.label, 0) + 1
    findings = report.findings
    return {
        "claims": len(report.results),
        "by_label": by_label,
        "errors": sum(r.verdict.severity == "error" for r in findings),
        "warnings": sum(r.verdict.severity == "warning" for r in findings),
        "suppressed": len(report.results) - len(findings),
        "sources_failed": sum(not s.ok for s in report.sources),
    }


def merge_summaries(summaries: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Add up per-article summaries into one (for several articles)."""
    total: dict[str, Any] = {
        "articles": 0,
        "claims": 0,
        "by_label": dict.fromkeys(LABELS, 0),
        "errors": 0,
        "warnings": 0,
        "suppressed": 0,
        "sources_failed": 0,
    }
    for summary in summaries:
        total["articles"] += 1
        for key in ("claims", "errors", "warnings", "suppressed", "sources_failed"):
            total[key] += summary[key]
        for label, count in summary["by_label"].items():
            total["by_label"][label] = total["by_label"].get(label, 0) + count
    return total


def worst_first(results: Sequence[CheckedClaim]) -> list[CheckedClaim]:
    """Results ordered by severity (errors first), then by where they stand in the article."""
    return sorted(
        results,
        key=lambda r: (
            SEVERITY_RANK.get(r.verdict.severity, 3),
            r.claim.content_spans[0].start if r.claim.content_spans else r.claim.sentence.start,
        ),
    )


def is_finding(result: CheckedClaim) -> bool:
    """A result worth reporting to CI: anything with a severity, suppressed or not."""
    return result.verdict.severity != "none"


def claim_location(report: Report, result: CheckedClaim) -> Location:
    """Where the claim's content stands in the raw article (computed if the claim lacks it)."""
    claim = result.claim
    if claim.location is not None:
        return claim.location
    spans = claim.content_spans or [claim.sentence]
    from factcheck.model import Span

    return report.document.location(Span(spans[0].start, spans[-1].end))


def article_name(report: Report) -> str:
    """The article as a person would name it: its path, URL or ``<stdin>``."""
    doc = report.document
    if doc.path and doc.path != "-":
        return doc.path
    return doc.url or "<stdin>"


def find_repo_root(start: str | os.PathLike[str]) -> Path | None:
    """The nearest folder at or above ``start`` that holds ``.git`` (a folder or a worktree
    file), without running git."""
    here = Path(start).resolve()
    for folder in [here, *here.parents]:
        if (folder / ".git").exists():
            return folder
    return None


def repo_relative_path(path: str, cwd: str | os.PathLike[str] | None = None) -> str:
    """``path`` relative to its git repository's root, with ``/`` separators (what SARIF and
    GitHub annotations want); relative to ``cwd`` outside a repository.

    >>> repo_relative_path("-")
    '-'
    """
    if path == "-" or "://" in path:
        return path
    base = Path(cwd) if cwd is not None else Path.cwd()
    absolute = (base / path).resolve()
    root = find_repo_root(absolute.parent) or base.resolve()
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return absolute.as_posix()


def plain_diff(diff: Sequence[DiffOp]) -> str:
    """A word diff as plain text, wdiff style: ``[-source words-]`` the quote dropped or
    changed, ``{+quote words+}`` the quote added.

    >>> plain_diff([DiffOp("equal", "we will", "we will"), DiffOp("replace", "never", "not")])
    'we will [-not-]{+never+}'
    """
    parts: list[str] = []
    for op in diff:
        if op.op == "equal":
            parts.append(op.quote or op.source)
            continue
        piece = ""
        if op.op in ("replace", "delete") and op.source:
            piece += f"[-{op.source}-]"
        if op.op in ("replace", "insert") and op.quote:
            piece += f"{{+{op.quote}+}}"
        parts.append(piece)
    return " ".join(p for p in parts if p)


def speaker_label(result: CheckedClaim) -> str:
    """The claimed speaker for display: the resolved name, else the mention, else a dash."""
    speaker = result.claim.speaker
    if speaker is None:
        return "(no speaker)"
    return speaker.name or speaker.text


def shown_text(result: CheckedClaim, limit: int = 0) -> str:
    """The claim's words as shown in tables: the quoted words for quotes, else the content."""
    text = result.claim.quoted_text or result.claim.text
    text = " ".join(text.split())
    if limit and len(text) > limit:
        return text[: limit - 1].rstrip() + "…"
    return text


def severity_of(result: CheckedClaim) -> Severity:
    return result.verdict.severity
