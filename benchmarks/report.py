"""How long each report format takes on a long article with many claims.

The article is synthetic (written here, Markdown, ~4,000 claims across ~1 MB), because what
matters is how rendering scales with claims and text, not the words. The baseline, measured in
the same run, is ``json.dumps`` of the claims' own ``to_dict()``: the least any format must do.
Each format is reported as seconds and as a ratio to that baseline.

    python -m benchmarks report [--claims N]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable

from factcheck.documents import document_from_text
from factcheck.model import (
    LABELS,
    CheckedClaim,
    Claim,
    Cue,
    DiffOp,
    Evidence,
    Report,
    Source,
    Span,
    Speaker,
    Turn,
    Verdict,
    default_severity,
)
from factcheck.report import FORMATS, render


def build_report(claims: int) -> Report:
    paragraphs = []
    for n in range(claims):
        filler = " ".join(f"word{(n * 7 + k) % 97}" for k in range(30))
        paragraphs.append(f'Speaker {n % 13} said "quote number {n} about {filler}" today.')
    raw = "# A long article\n\n" + "\n\n".join(paragraphs) + "\n"
    doc = document_from_text(raw, format="markdown", path="drafts/long.md")
    text = "\n".join(f"SPEAKER {n % 13}: quote number {n} about things." for n in range(claims))
    source = Source(
        id="S1", path="transcript.txt", text=text, turns=[Turn("Speaker 0", Span(0, len(text)))]
    )
    results = []
    at = 0
    for n in range(claims):
        start = raw.index(f"quote number {n} ", at)
        end = raw.index('"', start)
        at = end
        label = LABELS[n % len(LABELS)]
        claim = Claim(
            id=f"C{n + 1}",
            kind="quote",
            text=raw[start:end],
            content_spans=[Span(start, end)],
            sentence=Span(raw.rfind("\n", 0, start) + 1, end + 8),
            speaker=Speaker(f"Speaker {n % 13}", f"Speaker {n % 13}", None),
            cue=Cue("said", Span(start - 6, start - 2)),
            location=doc.location(Span(start, end)),
            quoted_text=raw[start:end],
        )
        evidence = Evidence(
            "S1",
            f"quote number {n} about things.",
            Span(0, 10),
            "Speaker 0",
            80.0,
            diff=[DiffOp("equal", "quote", "quote"), DiffOp("replace", "a", "b")],
        )
        verdict = Verdict(
            label, 80.0, "A reason a reporter reads.", [evidence], default_severity(label, "quote")
        )
        results.append(CheckedClaim(claim, verdict))
    return Report(document=doc, sources=[source], results=results, tool_version="bench")


def best_of(repeat: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks report")
    parser.add_argument("--claims", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    report = build_report(args.claims)
    size = len(report.document.raw)
    print(f"article: {size / 1e6:.2f} MB, {len(report.results)} claims; best of {args.repeat}")
    baseline = best_of(args.repeat, lambda: json.dumps([r.to_dict() for r in report.results]))
    print(f"{'baseline json.dumps(to_dict)':<30} {baseline:8.3f} s   1.0x")
    for fmt in FORMATS:

        def work(fmt: str = fmt) -> str:
            return render(report, fmt, color=False)

        seconds = best_of(args.repeat, work)
        print(f"{fmt:<30} {seconds:8.3f} s {seconds / baseline:5.1f}x")
    return 0
