"""Suppressions: claims a reporter has checked by other means and wants reported as such.

In a draft (Markdown or HTML, found in ``Document.raw``)::

    <!-- factcheck: ignore -->            the next claim
    <!-- factcheck: ignore confirmed by phone -->   the same, with a reason
    <!-- factcheck: off --> ... <!-- factcheck: on -->   every claim in between

and in the configuration, ``ignore`` rules that match a claim's words. A suppressed claim keeps
its verdict and is counted in the summary; it only stops counting toward the exit code
(``Report.findings`` leaves it out). Nothing is silently dropped.
"""

from __future__ import annotations

import fnmatch
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Literal

from factcheck.model import Claim, Document, Span

DIRECTIVE = re.compile(
    r"<!--\s*factcheck\s*:\s*(?P<word>[A-Za-z_-]+)(?P<rest>.*?)-->", re.DOTALL | re.IGNORECASE
)
KNOWN = ("ignore", "off", "on")


@dataclass(frozen=True)
class Directive:
    """One ``<!-- factcheck: ... -->`` comment: its word, where it stands, the reason given."""

    kind: Literal["ignore", "off", "on"]
    span: Span
    line: int
    reason: str


@dataclass(frozen=True)
class IgnoreRule:
    """A configured suppression: claims whose words contain ``text`` (compared with case,
    quotes and spacing folded), optionally only by ``speaker`` or in files matching ``path``."""

    text: str
    path: str | None = None
    speaker: str | None = None
    reason: str | None = None


def find_directives(raw: str) -> tuple[list[Directive], list[str]]:
    """The suppression comments of a raw file, and a warning for each one we don't understand.

    >>> found, problems = find_directives("a\\n<!-- factcheck: ignore checked -->\\nb")
    >>> [(d.kind, d.line, d.reason) for d in found], problems
    ([('ignore', 2, 'checked')], [])
    >>> find_directives("<!-- factcheck: ignroe -->")[1]
    ["line 1: unknown factcheck directive 'ignroe' (use ignore, off or on)"]
    """
    directives: list[Directive] = []
    problems: list[str] = []
    for match in DIRECTIVE.finditer(raw):
        word = match.group("word").lower()
        line = raw.count("\n", 0, match.start()) + 1
        if word not in KNOWN:
            problems.append(
                f"line {line}: unknown factcheck directive {word!r} (use ignore, off or on)"
            )
            continue
        reason = " ".join(match.group("rest").split()).strip(" -:")
        kind: Literal["ignore", "off", "on"] = word  # type: ignore[assignment]
        directives.append(Directive(kind, Span(match.start(), match.end()), line, reason))
    return directives, problems


def suppressed_regions(directives: Sequence[Directive], end: int) -> list[tuple[Span, str]]:
    """The raw regions between ``off`` and ``on`` (an unclosed ``off`` runs to ``end``).

    >>> ds, _ = find_directives("<!-- factcheck: off -->x<!-- factcheck: on -->y")
    >>> suppressed_regions(ds, 47)
    [(Span(start=23, end=24), 'factcheck: off comment at line 1')]
    >>> suppressed_regions(find_directives("<!-- factcheck: on -->")[0], 22)
    []
    """
    regions: list[tuple[Span, str]] = []
    opened: Directive | None = None
    for directive in directives:
        if directive.kind == "off" and opened is None:
            opened = directive
        elif directive.kind == "on" and opened is not None:
            regions.append((Span(opened.span.end, directive.span.start), _reason(opened)))
            opened = None
    if opened is not None:
        regions.append((Span(opened.span.end, end), _reason(opened)))
    return regions


def _reason(directive: Directive) -> str:
    text = f"factcheck: {directive.kind} comment at line {directive.line}"
    return f"{text} ({directive.reason})" if directive.reason else text


def apply_directives(doc: Document, claims: Sequence[Claim]) -> list[str]:
    """Mark the claims that the document's comments suppress; return warnings for bad ones.

    ``ignore`` takes the first claim whose content starts after the comment; ``off``/``on``
    take every claim whose content lies in the region. Regions are also kept in
    ``doc.suppressed``. Claims already suppressed keep their first reason.
    """
    directives, problems = find_directives(doc.raw)
    if not directives:
        return problems
    regions = suppressed_regions(directives, len(doc.raw))
    # Idempotent: the pipeline and the CLI may both apply the same document's comments.
    doc.suppressed = [*doc.suppressed, *(r for r in regions if r not in doc.suppressed)]
    ordered = sorted(claims, key=lambda c: c.content_spans[0].start if c.content_spans else 0)
    for region, reason in regions:
        for claim in ordered:
            spans = claim.content_spans or [claim.sentence]
            if region.start <= spans[0].start and spans[-1].end <= region.end:
                claim.suppressed = claim.suppressed or reason
    for directive in directives:
        if directive.kind != "ignore":
            continue
        target = next(
            (
                c
                for c in ordered
                if c.content_spans and c.content_spans[0].start >= directive.span.end
            ),
            None,
        )
        if target is None:
            problems.append(f"line {directive.line}: 'factcheck: ignore' has no claim after it")
            continue
        target.suppressed = target.suppressed or _reason(directive)
    return problems


def fold(text: str) -> str:
    """Text compared for ``ignore`` rules: NFKC, case, quotes and spacing folded.

    >>> fold("  “We   WILL” ")
    '"we will"'
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[“”„‟″]", '"', text)
    text = re.sub(r"[‘’‚‛′]", "'", text)
    return " ".join(text.split())


def rule_matches(rule: IgnoreRule, claim: Claim, path: str | None) -> bool:
    """Whether a configured ``ignore`` rule covers a claim.

    >>> from factcheck.model import Span
    >>> claim = Claim("C1", "quote", "We will not", [Span(0, 11)], Span(0, 11), None, None)
    >>> rule_matches(IgnoreRule("will not"), claim, "a.md")
    True
    >>> rule_matches(IgnoreRule("will not", path="drafts/*.md"), claim, "a.md")
    False
    """
    if not fold(rule.text) or fold(rule.text) not in fold(claim.quoted_text or claim.text):
        return False
    if rule.speaker is not None:
        name = claim.speaker.name or claim.speaker.text if claim.speaker else ""
        if fold(rule.speaker) not in fold(name or ""):
            return False
    if rule.path is not None:
        if path is None:
            return False
        posix = PurePosixPath(path.replace("\\", "/")).as_posix()
        if not (fnmatch.fnmatch(posix, rule.path) or fnmatch.fnmatch(posix, f"*/{rule.path}")):
            return False
    return True


def apply_ignore_rules(
    claims: Sequence[Claim], rules: Sequence[IgnoreRule], path: str | None
) -> None:
    """Mark the claims a configured ``ignore`` rule covers (the first rule gives the reason)."""
    for claim in claims:
        if claim.suppressed:
            continue
        for rule in rules:
            if rule_matches(rule, claim, path):
                reason = f"config ignore {rule.text!r}"
                claim.suppressed = f"{reason} ({rule.reason})" if rule.reason else reason
                break
