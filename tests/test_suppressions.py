"""Suppression comments in drafts and ignore rules in the config."""

from __future__ import annotations

import json

from report_factory import build_claim, report_with, sample_report
from schema_check import assert_valid_report

from factcheck.cli.check import exit_status, finish_report
from factcheck.config import parse_config
from factcheck.documents import document_from_text
from factcheck.model import Claim, Document
from factcheck.report import render
from factcheck.suppressions import IgnoreRule, apply_directives, apply_ignore_rules

MARKDOWN = """\
Ada said "one".

<!-- factcheck: ignore confirmed by phone -->
Ada said "two". Ada said "three".

<!-- factcheck: off -->
Ada said "four".

Ada said "five".
<!-- factcheck: on -->
Ada said "six".
<!-- factcheck: off -->
Ada said "seven".
"""


def claims_of(doc: Document, words: list[str]) -> list[Claim]:
    return [build_claim(doc, n, w, "quote", "Ada Lovelace", "said") for n, w in enumerate(words, 1)]


def suppressed(claims: list[Claim]) -> dict[str, str | None]:
    return {c.text: c.suppressed for c in claims}


def test_markdown_comments_suppress_the_next_claim_and_regions() -> None:
    doc = document_from_text(MARKDOWN, format="markdown", path="a.md")
    claims = claims_of(doc, ["one", "two", "three", "four", "five", "six", "seven"])
    assert apply_directives(doc, claims) == []
    assert suppressed(claims) == {
        "one": None,
        "two": "factcheck: ignore comment at line 3 (confirmed by phone)",
        "three": None,
        "four": "factcheck: off comment at line 6",
        "five": "factcheck: off comment at line 6",
        "six": None,
        "seven": "factcheck: off comment at line 12",  # an unclosed off runs to the end
    }
    assert len(doc.suppressed) == 2
    # Applying twice changes nothing (the pipeline and the CLI may both do it).
    before = suppressed(claims)
    assert apply_directives(doc, claims) == []
    assert suppressed(claims) == before and len(doc.suppressed) == 2


def test_html_drafts_use_the_same_comments() -> None:
    html = (
        '<html><body><p>Ada said "one".</p>\n<!--factcheck:IGNORE-->\n'
        '<p>Ada said "two".</p>\n<p>Ada said "three".</p>\n</body></html>\n'
    )
    doc = document_from_text(html, format="html", path="a.html")
    claims = claims_of(doc, ["one", "two", "three"])
    apply_directives(doc, claims)
    assert [c.suppressed is not None for c in claims] == [False, True, False]


def test_unknown_or_dangling_comments_are_reported_not_ignored_silently() -> None:
    text = 'Ada said "one".\n<!-- factcheck: of -->\n<!-- factcheck: ignore -->\n'
    doc = document_from_text(text, format="markdown", path="a.md")
    claims = claims_of(doc, ["one"])
    problems = apply_directives(doc, claims)
    assert problems == [
        "line 2: unknown factcheck directive 'of' (use ignore, off or on)",
        "line 3: 'factcheck: ignore' has no claim after it",
    ]
    assert claims[0].suppressed is None


def test_config_ignore_rules_match_words_speaker_and_path() -> None:
    doc = document_from_text('Ada said "We  WILL build it".\n', format="markdown", path="x.md")
    claim = claims_of(doc, ["We  WILL build it"])[0]
    apply_ignore_rules([claim], [IgnoreRule("will build", speaker="Grace")], "drafts/x.md")
    assert claim.suppressed is None
    apply_ignore_rules([claim], [IgnoreRule("will build", path="news/*.md")], "drafts/x.md")
    assert claim.suppressed is None
    apply_ignore_rules(
        [claim],
        [IgnoreRule("“will build”".strip("“”"), path="drafts/*.md", reason="ok")],
        "drafts/x.md",
    )
    assert claim.suppressed == "config ignore 'will build' (ok)"


def test_suppressed_findings_are_counted_and_do_not_fail_the_run() -> None:
    report = report_with([("altered", "quote"), ("verified", "quote")])
    assert exit_status(report, "error", exit_zero=False) == 1
    config = parse_config({"ignore": ["quote number 0"]})
    assert finish_report(report, config) == []
    assert exit_status(report, "error", exit_zero=False) == 0
    data = assert_valid_report(render(report, "json"))
    assert data["summary"]["suppressed"] == 1 and data["summary"]["errors"] == 0
    assert data["summary"]["by_label"]["altered"] == 1  # still counted, never dropped
    assert data["claims"][0]["suppressed"] == "config ignore 'quote number 0'"


def test_factory_report_comment_is_found_by_finish_report() -> None:
    report = sample_report()
    for result in report.results:
        result.claim.suppressed = None
    finish_report(report, parse_config({}))
    reasons = {r.claim.id: r.claim.suppressed for r in report.results if r.claim.suppressed}
    assert reasons == {"C7": "factcheck: ignore comment at line 18"}
    assert json.loads(render(report, "json"))["summary"]["suppressed"] == 1
