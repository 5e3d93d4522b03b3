"""Drafts a newsroom writes, found to break the tool in a review: each test is one bug."""

from __future__ import annotations

from pathlib import Path

import factcheck
from factcheck.pipeline import CheckOptions, check
from factcheck.sources import SourceOptions


def test_a_malformed_link_is_an_unverifiable_source_not_a_crash(tmp_path: Path) -> None:
    # urlsplit raises ValueError on "http://[::1" (an unclosed IPv6 bracket): one typo in a
    # draft's link made every check of that draft an internal error.
    draft = tmp_path / "draft.md"
    draft.write_text('Putin said "we are ready," in the [transcript](http://[::1/x).\n')
    options = CheckOptions(fetch=SourceOptions(offline=True, use_cache=False))
    report = check(factcheck.load_document(str(draft)), options=options)
    assert [source.status for source in report.sources] == ["error"]
    assert "invalid URL" in (report.sources[0].error or "")
    assert [row.verdict.label for row in report.results] == ["unverifiable"]
