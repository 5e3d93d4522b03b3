"""Hostile and odd drafts through the whole pipeline: never a crash, spans always in range."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.documents import document_from_text
from factcheck.model import Source
from factcheck.report import render

ROOT = Path(__file__).resolve().parents[1]
SOURCE = Source(
    id="S1",
    path="press.txt",
    text=(ROOT / "fixtures" / "sources" / "press-conference.txt").read_text(encoding="utf-8"),
)

# Fragments that stress quote pairing, markup and attribution, recombined at random.
PIECES = [
    '"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb", "``", "''",
    "Putin said", " he added", "according to officials,", " -- ", ":", ".", "\n", "\n\n",
    "# ", "> ", "* ", "[link](../x.txt)", "<!-- factcheck: off -->", "<script>x</script>",
    "\u202e", "\x00", "\ufeff", "I see no reason to meet at this stage", "rude", "\u00a0",
    "Mr. ", "U.S. ", "...", "\u2026", "[sic]", "`code`", "&amp;", "\\", "\r\n",
]  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(PIECES), max_size=40), st.sampled_from(["text", "markdown", "html"])
)
def test_any_draft_checks_without_error(pieces: list[str], format: str) -> None:
    raw = "".join(pieces)
    doc = document_from_text(raw, format=format)
    report = factcheck.check(doc, sources=[SOURCE])
    for row in report.results:
        for span in [*row.claim.content_spans, row.claim.sentence]:
            assert 0 <= span.start <= span.end <= len(raw)
        for evidence in row.verdict.evidence:
            assert evidence.span.slice(SOURCE.text) == evidence.text
    for format_name in ("json", "terminal", "html", "sarif", "github", "junit", "markdown"):
        assert isinstance(render(report, format_name, color=False), str)
