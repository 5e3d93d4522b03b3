"""Drafts a newsroom writes, found to break the tool in a review: each test is one bug."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

import factcheck
from factcheck.model import Span
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


def test_markdown_decodes_html_entities(tmp_path: Path) -> None:
    # CommonMark decodes entity and numeric character references in text; drafts pasted from
    # a CMS carry &ldquo;...&rdquo; and &amp;. The view kept them as literal text, so the
    # quote below was not a quote and "&amp;" broke sentences.
    draft = tmp_path / "draft.md"
    raw = "Smith &amp; Co. heard it. Putin said &ldquo;I see no reason to meet.&rdquo;\n"
    draft.write_text(raw)
    doc = factcheck.load_document(str(draft))
    assert doc.text.strip() == "Smith & Co. heard it. Putin said “I see no reason to meet.”"
    claims = factcheck.extract_claims(doc)
    assert [(c.kind, c.text) for c in claims] == [("quote", "I see no reason to meet")]
    (span,) = claims[0].content_spans
    assert raw[span.start : span.end] == "I see no reason to meet"


def test_markdown_keeps_entities_in_code_literal(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("Type `&amp;` for an ampersand.\n")
    assert factcheck.load_document(str(draft)).text.strip() == "Type &amp; for an ampersand."


def test_markdown_footnotes_are_read_not_dropped(tmp_path: Path) -> None:
    # A footnote definition "[^1]: ..." matched the link-reference pattern, so its whole text
    # vanished from the view (a quote there was never checked), and the "[^1]" marker stayed
    # in the sentence that cites it.
    draft = tmp_path / "draft.md"
    raw = (
        'The talks stalled.[^1] "We are ready," Putin said.\n'
        "\n"
        '[^1]: Zelenskyy said "the world cannot afford to wait."\n'
    )
    draft.write_text(raw)
    doc = factcheck.load_document(str(draft))
    assert "[^1]" not in doc.text
    claims = factcheck.extract_claims(doc)
    assert [(c.kind, c.text) for c in claims] == [
        ("quote", "We are ready"),
        ("quote", "the world cannot afford to wait"),
    ]
    assert raw[slice(*claims[1].content_spans[0].to_list())] == "the world cannot afford to wait"


def test_markdown_table_cells_are_separate_not_one_sentence(tmp_path: Path) -> None:
    # Pipe tables were read as one paragraph, pipes and "|---|" included: every row ran into
    # one "sentence", so the claim below came out as a partial quote whose content began
    # with the table's header.
    draft = tmp_path / "draft.md"
    raw = (
        "The exchange, row by row:\n"
        "| who | said |\n"
        "|:---|---:|\n"
        '| Putin | "I see no reason to meet," Putin said. |\n'
        '| Zelenskyy | "We are ready," Zelenskyy said. |\n'
    )
    draft.write_text(raw)
    doc = factcheck.load_document(str(draft))
    assert "|" not in doc.text and "---" not in doc.text
    claims = factcheck.extract_claims(doc)
    assert [(c.kind, c.text, c.speaker and c.speaker.text) for c in claims] == [
        ("quote", "I see no reason to meet", "Putin"),
        ("quote", "We are ready", "Zelenskyy"),
    ]
    for claim in claims:
        (span,) = claim.content_spans
        assert raw[span.start : span.end] == claim.text


def test_a_utf16_draft_with_a_bom_is_read(tmp_path: Path) -> None:
    # Word's "Unicode text" and older Notepad save UTF-16 with a byte-order mark; its NUL
    # bytes made the draft "binary file, not text", though the BOM declares the encoding.
    for encoding in ("utf-16-le", "utf-16-be"):
        draft = tmp_path / f"{encoding}.txt"
        bom = "\ufeff".encode(encoding)
        draft.write_bytes(bom + '"We are ready," Putin said.\r\n'.encode(encoding))
        doc = factcheck.load_document(str(draft))
        (claim,) = factcheck.extract_claims(doc)
        (span,) = claim.content_spans
        assert doc.raw[span.start : span.end] == "We are ready"
        assert doc.location(span).column == 2


def test_a_span_ending_in_an_entity_covers_the_whole_entity(tmp_path: Path) -> None:
    # A decoded entity maps to the raw index of its "&", so a span ending on "€" mapped to
    # raw "&" alone: the claim's raw text was cut mid-entity and end_column pointed at "&".
    for name, raw in (
        ("draft.html", "<p>&ldquo;The price is five &euro;,&rdquo; Putin said.</p>\n"),
        ("draft.md", "&ldquo;The price is five &euro;,&rdquo; Putin said.\n"),
    ):
        draft = tmp_path / name
        draft.write_text(raw)
        doc = factcheck.load_document(str(draft))
        start = doc.text.index("The price")
        span = doc.raw_span(Span(start, doc.text.index("€") + 1))
        assert raw[span.start : span.end] == "The price is five &euro;"
        assert doc.location(span).end_column == raw.index("&euro;") + len("&euro;")


def test_markdown_on_standard_input_is_read_as_markdown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "git show HEAD:draft.md | factcheck check -" read the draft as plain text: its front
    # matter's sources were ignored and "**meet**" stayed inside the quote, so a verbatim
    # quote could not match its transcript.
    raw = '---\ntitle: T\nsources: [a.txt]\n---\n# Head\n\n"No reason to **meet**," Putin said.\n'
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw.encode())))
    doc = factcheck.load_document("-")
    assert doc.format == "markdown"
    assert doc.front_matter["sources"] == ["a.txt"]
    (claim,) = factcheck.extract_claims(doc)
    assert claim.text == "No reason to meet"


def test_plain_text_on_standard_input_stays_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = '"We are ready," Putin said. Prices rose 5*3 percent.\n'
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw.encode())))
    assert factcheck.load_document("-").format == "text"


def test_a_markdown_article_url_is_read_as_markdown(httpserver: HTTPServer) -> None:
    # Every URL article that was not served as HTML was read as HTML anyway: a draft's raw
    # Markdown URL (text/markdown, or text/plain as raw.githubusercontent.com serves it) lost
    # its front matter and kept "**meet**" inside the quote.
    raw = '---\ntitle: T\n---\n"No reason to **meet**," Putin said.\n'
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    for path, content_type in (("/a.md", "text/markdown"), ("/b.md", "text/plain")):
        httpserver.expect_request(path).respond_with_data(raw, content_type=content_type)
        doc = factcheck.load_document(httpserver.url_for(path), allow_private=True)
        assert (doc.format, doc.title) == ("markdown", "T")
        (claim,) = factcheck.extract_claims(doc)
        assert claim.text == "No reason to meet"
    httpserver.expect_request("/c.txt").respond_with_data(
        '"We are ready," Putin said. <b> is a tag.\n', content_type="text/plain"
    )
    doc = factcheck.load_document(httpserver.url_for("/c.txt"), allow_private=True)
    assert doc.format == "text" and "<b>" in doc.text


def test_an_html_q_element_is_a_quotation(tmp_path: Path) -> None:
    # Browsers render <q>...</q> with quotation marks, and CMS editors use it for quotes; the
    # view dropped the tag without its marks, so the quote was read as the speaker's prose.
    draft = tmp_path / "draft.html"
    raw = "<p>Putin said <q>we are ready to talk</q> on Tuesday.</p>\n"
    draft.write_text(raw)
    doc = factcheck.load_document(str(draft))
    assert "“we are ready to talk”" in doc.text
    (claim,) = factcheck.extract_claims(doc)
    assert claim.quoted_text == "we are ready to talk"
    assert raw[claim.content_spans[0].start : claim.content_spans[0].end] == "we are ready to talk"


def test_one_draft_named_twice_is_checked_once(tmp_path: Path) -> None:
    # "check drafts/a.md 'drafts/*.md'" or "a.md ./a.md" checked the same draft twice:
    # its findings were reported (and annotated in a pull request) twice and counted twice.
    from factcheck.cli.check import plan_articles

    (tmp_path / "drafts").mkdir()
    for name in ("a.md", "b.md"):
        (tmp_path / "drafts" / name).write_text('"Yes," Putin said.\n')
    paths, multi = plan_articles(
        ["drafts/a.md", "./drafts/a.md", "drafts/*.md", "drafts"], cwd=tmp_path
    )
    assert paths == ["drafts/a.md", "drafts/b.md"] and multi


@pytest.mark.parametrize("color", [False, True])
def test_terminal_report_never_passes_a_drafts_control_codes_through(
    tmp_path: Path, color: bool
) -> None:
    # A draft (or a pasted quote) carrying "ESC ] 0;title BEL" reached the terminal with its
    # ESC: an unterminated OSC sequence makes the terminal swallow the report that follows,
    # and OSC 52 can even write the reader's clipboard.
    from factcheck.report.terminal import render_claims, render_reports

    draft = tmp_path / "draft.txt"
    draft.write_text('"We are \x1b]0;pwned\x07 ready\x1b[2J now," Putin said.\x9b5n\n')
    report = check(str(draft), options=CheckOptions(follow_links=False))
    doc = factcheck.load_document(str(draft))
    for output in (
        render_reports([report], color=color),
        render_claims([("draft.txt", factcheck.extract_claims(doc))], color=color),
    ):
        assert "Putin" in output
        assert "\x1b]" not in output and "\x07" not in output and "\x9b" not in output
        assert "\x1b[2J" not in output
        if not color:
            assert "\x1b" not in output


def test_an_ignore_rules_path_is_relative_to_the_config_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The config is found from any subfolder up to the repository root, and its sources are
    # read relative to it, but an ignore rule's `path = "drafts/*.md"` was matched against
    # the path as typed: run from drafts/ ("check b.md"), the rule silently stopped applying.
    from factcheck.cli.check import finish_report
    from factcheck.config import load_config

    (tmp_path / "drafts").mkdir()
    config_file = tmp_path / "factcheck.toml"
    config_file.write_text('[[ignore]]\ntext = "we are ready"\npath = "drafts/*.md"\n')
    (tmp_path / "drafts" / "b.md").write_text('"We are ready," Putin said.\n')
    config = load_config(str(config_file))
    monkeypatch.chdir(tmp_path / "drafts")
    report = check("b.md", options=CheckOptions(follow_links=False))
    finish_report(report, config)
    assert report.results[0].claim.suppressed
    monkeypatch.chdir(tmp_path)
    other = tmp_path / "notes.md"
    other.write_text('"We are ready," Putin said.\n')
    report = check("notes.md", options=CheckOptions(follow_links=False))
    finish_report(report, config)
    assert not report.results[0].claim.suppressed


def test_a_markdown_link_with_parentheses_in_its_url_is_whole(tmp_path: Path) -> None:
    # CommonMark allows balanced parentheses in a link destination, and Wikipedia's URLs are
    # full of them; the link ended at the first ")", so the source fetched was the wrong
    # page and a stray ")" joined the sentence.
    draft = tmp_path / "draft.md"
    draft.write_text(
        'Putin said "no" in a [speech](https://en.wikipedia.org/wiki/Speech_(2024)) today,'
        ' with a [photo](https://x.org/a_(b).jpg "The (title)").\n'
    )
    doc = factcheck.load_document(str(draft))
    assert [link.url for link in doc.links] == [
        "https://en.wikipedia.org/wiki/Speech_(2024)",
        "https://x.org/a_(b).jpg",
    ]
    assert doc.text.strip() == 'Putin said "no" in a speech today, with a photo.'


@pytest.mark.parametrize(
    "value", ["{a: b}", "[null]", "\n  - url: https://example.org/speech", "true"]
)
def test_front_matter_sources_that_are_not_paths_or_urls_are_an_input_error(
    tmp_path: Path, value: str
) -> None:
    # A mapping was silently ignored, and a null or a mapping item became a source named
    # "None" or "{'url': 'https:/example.org/speech'}" (a path, its "//" folded): the
    # reporter saw "no such file" for a source they never wrote.
    from factcheck.errors import InputError

    draft = tmp_path / "draft.md"
    draft.write_text(f'---\nsources: {value}\n---\n"Yes," Putin said.\n')
    with pytest.raises(InputError, match=r"draft\.md: front matter 'sources' must be"):
        factcheck.load_document(str(draft))
