"""Hand-built reports for the report, config and suppression tests.

The claims, sources and verdicts are what the other pipeline stages would produce for a small
article we wrote; building them by hand lets the report formats be tested on every label and
odd case (an altered quote with a diff, a misattribution, a failed source, a suppressed claim,
a vague claim without a speaker) independently of extraction and matching.
"""

from __future__ import annotations

from factcheck.documents import document_from_text
from factcheck.model import (
    CheckedClaim,
    Claim,
    Cue,
    DiffOp,
    Document,
    Evidence,
    Label,
    Report,
    Source,
    Span,
    Speaker,
    Turn,
    Verdict,
    default_severity,
)

ARTICLE = """\
---
title: Bridge & "taxes" <draft>
---
# Council meets

Senator Ada Lovelace said "we will build the bridge" on Monday.

Lovelace told reporters "we will never raise taxes" at the meeting.

"The budget is balanced," said Mayor Grace Hopper.

Hopper added "the river is clean".

Lovelace said the plan would create jobs.

Hopper said the park would close in winter.

<!-- factcheck: ignore -->
Hopper said "we fired nobody".

According to sources, the council "will merge with the county".

The treasurer said "reserves are ample", citing [the minutes](https://example.org/minutes).
"""

TRANSCRIPT = """\
LOVELACE: We will build the bridge. We will not raise taxes this year.
The plan will create jobs.
BABBAGE: The budget is balanced.
HOPPER: The park will close in winter. We fired two clerks.
"""

# (quoted words or None for paraphrase, kind, speaker name or None, label, cue)
CLAIMS: list[tuple[str, str, str | None, Label, str]] = [
    ("we will build the bridge", "quote", "Ada Lovelace", "verified", "said"),
    ("we will never raise taxes", "quote", "Ada Lovelace", "altered", "told"),
    ("The budget is balanced,", "quote", "Grace Hopper", "misattributed", "said"),
    ("the river is clean", "quote", "Grace Hopper", "not_found", "added"),
    ("the plan would create jobs", "paraphrase", "Ada Lovelace", "supported", "said"),
    ("the park would close in winter", "paraphrase", "Grace Hopper", "not_found", "said"),
    ("we fired nobody", "quote", "Grace Hopper", "altered", "said"),
    ("will merge with the county", "partial_quote", None, "not_found", "According to"),
    ("reserves are ample", "quote", "the treasurer", "unverifiable", "said"),
]


def transcript_source() -> Source:
    text = TRANSCRIPT
    turns = []
    starts = [i for i, line in enumerate(text.splitlines(keepends=True)) if ":" in line[:10]]
    lines = text.splitlines(keepends=True)
    offsets = [sum(len(x) for x in lines[:i]) for i in range(len(lines) + 1)]
    names = {"LOVELACE": "Ada Lovelace", "BABBAGE": "Charles Babbage", "HOPPER": "Grace Hopper"}
    for n, line_no in enumerate(starts):
        end_line = starts[n + 1] if n + 1 < len(starts) else len(lines)
        label = lines[line_no].split(":", 1)[0]
        turns.append(
            Turn(
                names[label],
                Span(offsets[line_no], offsets[end_line]),
                label,
                Span(offsets[line_no], offsets[line_no] + len(label)),
            )
        )
    return Source(
        id="S1",
        path="sources/council-transcript.txt",
        title="Council transcript",
        fetched_at=None,
        sha256="0" * 64,
        text=text,
        turns=turns,
    )


def failed_source() -> Source:
    return Source(
        id="S2",
        url="https://example.org/minutes",
        status="error",
        error="HTTP 404 Not Found",
        fetched_at="2026-11-28T00:00:00Z",
    )


def evidence_for(source: Source, words: str, score: float = 100.0) -> Evidence:
    start = source.text.index(words)
    span = Span(start, start + len(words))
    return Evidence(
        source_id=source.id,
        text=words,
        span=span,
        speaker=source.speaker_at(start),
        score=score,
        location=source.location(span),
    )


def verdict_for(label: Label, kind: str, source: Source, quote: str) -> Verdict:
    evidence: list[Evidence] = []
    reason = {
        "verified": "The quote appears word for word in the transcript.",
        "supported": "Lovelace said the plan will create jobs.",
        "altered": "The transcript has different words.",
        "misattributed": "Charles Babbage said this, not Grace Hopper.",
        "not_found": "Nothing close to this was found in the sources.",
        "unverifiable": "The only source could not be fetched (HTTP 404 Not Found).",
    }[label]
    if label == "verified":
        evidence = [evidence_for(source, "We will build the bridge")]
    elif label == "supported":
        evidence = [evidence_for(source, "The plan will create jobs", 88.0)]
    elif label == "misattributed":
        evidence = [evidence_for(source, "The budget is balanced")]
    elif label == "altered" and "taxes" in quote:
        item = evidence_for(source, "We will not raise taxes this year", 84.0)
        item.diff = [
            DiffOp("equal", "we will", "We will"),
            DiffOp("replace", "never", "not"),
            DiffOp("equal", "raise taxes", "raise taxes"),
            DiffOp("delete", "", "this year"),
        ]
        evidence = [item]
    elif label == "altered":
        item = evidence_for(source, "We fired two clerks", 70.0)
        item.diff = [
            DiffOp("equal", "we fired", "We fired"),
            DiffOp("replace", "nobody", "two clerks"),
        ]
        evidence = [item]
    severity = default_severity(label, kind)  # type: ignore[arg-type]
    return Verdict(label, 100.0 if label == "verified" else 60.0, reason, evidence, severity)


def build_claim(
    doc: Document, number: int, words: str, kind: str, speaker: str | None, cue: str
) -> Claim:
    raw = doc.raw
    start = raw.index(words)
    content = Span(start, start + len(words))
    sentence_start = raw.rfind("\n", 0, start) + 1
    sentence_end = raw.index("\n", start)
    sentence = Span(sentence_start, sentence_end)
    cue_start = raw.index(cue, sentence_start)
    mention = None
    if speaker is not None:
        short = speaker.split()[-1]
        at = raw.find(short, sentence_start, sentence_end)
        mention = Speaker(
            text=short if at >= 0 else speaker,
            name=speaker if speaker[0].isupper() else None,
            span=Span(at, at + len(short)) if at >= 0 else None,
            resolved_from="name",
        )
    return Claim(
        id=f"C{number}",
        kind=kind,  # type: ignore[arg-type]
        text=words,
        content_spans=[content],
        sentence=sentence,
        speaker=mention,
        cue=Cue(cue, Span(cue_start, cue_start + len(cue))),
        location=doc.location(content),
        vague=speaker is None,
        quoted_text=words if kind != "paraphrase" else None,
    )


def sample_report(path: str | None = "drafts/council.md") -> Report:
    """A report with every label, including the awkward cases listed in the module docstring."""
    doc = document_from_text(ARTICLE, format="markdown", path=path)
    transcript, failed = transcript_source(), failed_source()
    results = []
    for number, (words, kind, speaker, label, cue) in enumerate(CLAIMS, start=1):
        claim = build_claim(doc, number, words, kind, speaker, cue)
        results.append(CheckedClaim(claim, verdict_for(label, kind, transcript, words)))
    results[6].claim.suppressed = "factcheck: ignore comment at line 18"
    return Report(document=doc, sources=[transcript, failed], results=results, tool_version="0.1.0")


def report_with(labels: list[tuple[Label, str]], path: str = "a.md") -> Report:
    """A minimal report whose claims have the given (label, kind) pairs: for exit codes."""
    lines = [f'Ada said "quote number {n}".' for n in range(len(labels))]
    doc = document_from_text("\n".join(lines) + "\n", format="markdown", path=path)
    source = transcript_source()
    results = []
    for n, (label, kind) in enumerate(labels):
        claim = build_claim(doc, n + 1, f"quote number {n}", kind, "Ada Lovelace", "said")
        verdict = Verdict(label, 50.0, "because", [], default_severity(label, kind))  # type: ignore[arg-type]
        results.append(CheckedClaim(claim, verdict))
    return Report(document=doc, sources=[source], results=results, tool_version="0.1.0")


# Any script that runs marks the page: <html data-pwned="...">.
PWN = "document.documentElement.dataset.pwned="

HOSTILE_ARTICLE = """\
<!doctype html>
<html><head><title>Evil <script>document.title='PWNED-TITLE'</script></title>
<script>{PWN}'article-script'</script>
</head><body>
<p>The mayor said "<img src=x onerror="{PWN}'onerror'">we are safe".</p>
<p>She said "<a href="javascript:{PWN}'js-url'">click</a> here" loudly.</p>
<p>He said "</script><script>{PWN}'breakout'</script>".</p>
</body></html>
""".replace("{PWN}", PWN)

HOSTILE_SOURCE = f"MAYOR: <script>{PWN}'source'</script> we are safe <svg onload=\"{PWN}'svg'\">\n"


def hostile_report() -> Report:
    """An HTML article and a source full of live-looking markup, for the HTML report's safety."""
    doc = document_from_text(HOSTILE_ARTICLE, format="html", path="drafts/evil.html")
    source = Source(
        id="S1",
        url="javascript:alert(1)",
        final_url="https://example.org/<script>alert(1)</script>",
        title=f"<script>{PWN}'src-title'</script>",
        text=HOSTILE_SOURCE,
        turns=[Turn("<b onmouseover=alert(1)>Mayor</b>", Span(0, len(HOSTILE_SOURCE)), "MAYOR")],
    )
    results = []
    raw = doc.raw
    for number, (opening, closing) in enumerate(
        [('said "', '".</p>\n<p>She'), ('said "', '" loudly'), ('said "', '".</p>\n</body>')],
        start=1,
    ):
        at = 0
        for _ in range(number):
            at = raw.index(opening, at) + len(opening)
        end = raw.index(closing, at)
        span = Span(at, end)
        words = raw[at:end]
        claim = Claim(
            id=f"C{number}",
            kind="quote",
            text=words,
            content_spans=[span],
            sentence=Span(raw.rfind("<p>", 0, at), end),
            speaker=Speaker("<i onclick=alert(1)>mayor</i>", "<script>x</script>", None, "title"),
            cue=Cue("said", Span(at - 6, at - 2)),
            location=doc.location(span),
            quoted_text=words,
        )
        item = evidence_for(source, "we are safe", 80.0)
        item.diff = [DiffOp("replace", words, "<script>alert('diff')</script>")]
        verdict = Verdict("altered", 80.0, "<img src=x onerror=alert('reason')>", [item], "error")
        results.append(CheckedClaim(claim, verdict))
    return Report(document=doc, sources=[source], results=results, tool_version="0.1.0")
