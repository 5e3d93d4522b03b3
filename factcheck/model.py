"""The data model: plain dataclasses that every stage of the pipeline passes on.

Spans are ``[start, end)`` Python ``str`` indices. Claim spans index the article's text *as
read* (``Document.raw``); evidence spans index the source's text as read (``Source.text``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

ClaimKind = Literal["quote", "partial_quote", "paraphrase"]
ResolvedFrom = Literal["name", "alias", "pronoun", "title", "group", "none"]
Label = Literal["verified", "altered", "misattributed", "not_found", "unverifiable", "supported"]
Severity = Literal["error", "warning", "info", "none"]

LABELS: tuple[Label, ...] = (
    "verified",
    "supported",
    "altered",
    "misattributed",
    "not_found",
    "unverifiable",
)


@dataclass(frozen=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of ``str`` indices."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    def to_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True)
class Location:
    """1-based line and column of a span's first and last character in a raw file."""

    line: int
    column: int
    end_line: int
    end_column: int

    def to_dict(self) -> dict[str, int]:
        return {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }


@dataclass
class Link:
    """A hyperlink in a document: its target and where its anchor text stands (raw spans)."""

    url: str
    text: str
    span: Span


@dataclass
class Document:
    """An article (or any text) ready for claim extraction.

    ``raw`` is the file decoded with no newline translation: every span we report indexes it.
    ``text`` is the plain-text view claims are found on (Markdown and HTML markup removed);
    ``offsets[i]`` is the raw index of ``text[i]`` (``offsets`` has ``len(text) + 1`` entries,
    the last one mapping the end). For plain text ``text is raw`` and ``offsets`` is ``None``.
    """

    raw: str
    text: str
    offsets: list[int] | None = None
    path: str | None = None
    url: str | None = None
    format: str = "text"
    title: str | None = None
    front_matter: dict[str, Any] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    sha256: str = ""
    # Raw spans of regions whose claims must be reported as suppressed, with the reason.
    suppressed: list[tuple[Span, str]] = field(default_factory=list)
    _line_starts: list[int] | None = field(default=None, repr=False, compare=False)

    def to_raw(self, view_index: int) -> int:
        """Map an index into ``text`` to an index into ``raw``."""
        if self.offsets is None:
            return view_index
        return self.offsets[view_index]

    def raw_span(self, view_span: Span) -> Span:
        """Map a span of the plain-text view to the raw file."""
        if self.offsets is None:
            return view_span
        if len(view_span) == 0:
            start = self.offsets[view_span.start]
            return Span(start, start)
        # The end maps through the last character so trailing markup is not swallowed; a
        # last character decoded from an entity ("&euro;" -> "€") takes the whole entity.
        last = self.offsets[view_span.end - 1]
        end = last + 1
        if self.raw.startswith("&", last) and self.text[view_span.end - 1] != "&":
            entity = _ENTITY.match(self.raw, last)
            if entity:
                end = entity.end()
        return Span(self.offsets[view_span.start], end)

    def location(self, raw_span: Span) -> Location:
        """1-based ``line:column`` of a raw span's first and last characters."""
        if self._line_starts is None:
            self._line_starts = line_starts(self.raw)
        return location_from_line_starts(self._line_starts, raw_span)


# An HTML entity or character reference as the Markdown and HTML readers decode it.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")


def line_starts(text: str) -> list[int]:
    """The index where each line of ``text`` starts (after each ``\\n``; ``\\r`` is part of a line).

    >>> line_starts("ab\\ncd\\n")
    [0, 3, 6]
    >>> line_starts("one line")
    [0]
    """
    starts = [0]
    at = text.find("\n")
    while at >= 0:  # str.find runs in C: far faster than a loop over every character
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts


def location_from_line_starts(line_starts: list[int], span: Span) -> Location:
    """Turn a span into 1-based line/column given the offsets where lines start."""
    from bisect import bisect_right

    def point(index: int) -> tuple[int, int]:
        line = bisect_right(line_starts, index)
        return line, index - line_starts[line - 1] + 1

    line, column = point(span.start)
    last = max(span.start, span.end - 1)
    end_line, end_column = point(last)
    return Location(line, column, end_line, end_column)


@dataclass
class Speaker:
    """Who a claim is attributed to.

    ``text`` is the mention in the article ("he", "the Russian president"), ``name`` the person
    or group it resolves to ("Vladimir Putin"), ``span`` the mention's raw span.
    """

    text: str
    name: str | None
    span: Span | None
    resolved_from: ResolvedFrom = "name"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "span": self.span.to_list() if self.span else None,
            "resolved_from": self.resolved_from,
        }


@dataclass
class Cue:
    """The words that mark speech: "said", "labeling", "according to"."""

    text: str
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "span": self.span.to_list()}


@dataclass
class Claim:
    """One attribution in an article: what was said (content), by whom, and the cue."""

    id: str
    kind: ClaimKind
    text: str
    content_spans: list[Span]
    sentence: Span
    speaker: Speaker | None
    cue: Cue | None
    location: Location | None = None
    links: list[str] = field(default_factory=list)
    vague: bool = False
    # The quoted words alone (for quotes and partial quotes), the words matched against sources.
    quoted_text: str | None = None
    suppressed: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "text": self.text,
            "quoted_text": self.quoted_text,
            "content_spans": [s.to_list() for s in self.content_spans],
            "sentence": {"start": self.sentence.start, "end": self.sentence.end},
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "location": self.location.to_dict() if self.location else None,
            "links": list(self.links),
            "vague": self.vague,
        }


@dataclass
class Turn:
    """One speaker's turn in a source transcript; ``span`` indexes ``Source.text``."""

    speaker: str | None
    span: Span
    label: str | None = None
    label_span: Span | None = None


@dataclass
class Source:
    """A primary source: fetched or read, decoded, with its speaker turns.

    ``text`` is what the matcher searches; evidence spans index it. ``main_text`` is the span
    of ``text`` holding the page's main content (``None``: all of it is main text).
    """

    id: str
    path: str | None = None
    url: str | None = None
    final_url: str | None = None
    title: str | None = None
    status: Literal["ok", "error"] = "ok"
    error: str | None = None
    fetched_at: str | None = None
    sha256: str | None = None
    text: str = ""
    turns: list[Turn] = field(default_factory=list)
    author: str | None = None
    media_type: str = "text/plain"
    main_text: list[Span] | None = None
    _line_starts: list[int] | None = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def location(self, span: Span) -> Location:
        if self._line_starts is None:
            self._line_starts = line_starts(self.text)
        return location_from_line_starts(self._line_starts, span)

    def speaker_at(self, index: int) -> str | None:
        """The speaker of the turn that contains ``index`` (else the author, else ``None``)."""
        from bisect import bisect_right

        starts = [t.span.start for t in self.turns]
        i = bisect_right(starts, index) - 1
        if i >= 0 and self.turns[i].span.start <= index < self.turns[i].span.end:
            return self.turns[i].speaker
        return self.author if not self.turns else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "path": self.path,
            "final_url": self.final_url,
            "title": self.title,
            "status": self.status,
            "error": self.error,
            "fetched_at": self.fetched_at,
            "sha256": self.sha256,
            "turns": len(self.turns),
            "speakers": sorted({t.speaker for t in self.turns if t.speaker}),
        }


@dataclass
class DiffOp:
    """One step of a word diff: ``equal``, ``replace``, ``delete`` (in source, dropped from the
    quote) or ``insert`` (in the quote, not in the source)."""

    op: Literal["equal", "replace", "delete", "insert"]
    quote: str
    source: str

    def to_dict(self) -> dict[str, str]:
        return {"op": self.op, "quote": self.quote, "source": self.source}


@dataclass
class Evidence:
    """A passage of a source that bears on a claim."""

    source_id: str
    text: str
    span: Span
    speaker: str | None
    score: float
    location: Location | None = None
    diff: list[DiffOp] = field(default_factory=list)
    in_main_text: bool = True
    flags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source_id": self.source_id,
            "text": self.text,
            "span": self.span.to_list(),
            "location": self.location.to_dict() if self.location else None,
            "speaker": self.speaker,
            "score": round(self.score, 1),
            "diff": [d.to_dict() for d in self.diff],
            "in_main_text": self.in_main_text,
            "flags": list(self.flags),
        }


@dataclass
class Verdict:
    """The judgement on one claim."""

    label: Label
    score: float
    reason: str
    evidence: list[Evidence] = field(default_factory=list)
    severity: Severity = "none"
    flags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "score": round(self.score, 1),
            "reason": self.reason,
            "severity": self.severity,
            "flags": list(self.flags),
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass
class CheckedClaim:
    """A claim with its verdict: one row of a report."""

    claim: Claim
    verdict: Verdict

    def to_dict(self) -> dict[str, Any]:
        data = self.claim.to_dict()
        data["verdict"] = self.verdict.to_dict()
        data["suppressed"] = self.claim.suppressed
        return data


@dataclass
class Report:
    """Everything one check produced; ``to_dict`` is the JSON report (see schema/)."""

    document: Document
    sources: list[Source]
    results: list[CheckedClaim]
    tool_version: str = ""

    @property
    def findings(self) -> list[CheckedClaim]:
        """Results that count toward the exit code (not suppressed)."""
        return [r for r in self.results if r.claim.suppressed is None]


def default_severity(label: Label, kind: ClaimKind) -> Severity:
    """DESIGN.md's default severities.

    >>> default_severity("altered", "quote")
    'error'
    >>> default_severity("not_found", "paraphrase")
    'warning'
    >>> default_severity("verified", "quote")
    'none'
    """
    if label in ("verified", "supported"):
        return "none"
    if label == "unverifiable":
        return "warning"
    if label == "not_found" and kind == "paraphrase":
        return "warning"
    return "error"
