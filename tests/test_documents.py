"""Article readers: the plain-text view, its offset map back to the raw file, links, title."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.documents import document_from_text, load_document
from factcheck.errors import InputError
from factcheck.model import Span


def view_span_of(doc, needle: str) -> Span:
    start = doc.text.index(needle)
    return Span(start, start + len(needle))


def test_markdown_view_strips_syntax_and_maps_back_to_raw() -> None:
    raw = (
        "---\ntitle: Talks\nsources: [a.html]\n---\n# Heading #\n\n"
        '> Putin called it [*rude*](https://example.org/k "t") and **final**.\n'
        "- item `code`\n"
    )
    doc = document_from_text(raw, format="markdown")
    assert "Putin called it rude and final." in doc.text
    assert "#" not in doc.text and "*" not in doc.text and "](" not in doc.text
    assert doc.front_matter == {"title": "Talks", "sources": ["a.html"]}
    assert doc.title == "Talks"
    raw_span = doc.raw_span(view_span_of(doc, "rude"))
    assert raw_span.slice(raw) == "rude"
    assert [link.url for link in doc.links] == ["https://example.org/k"]
    assert doc.links[0].span.slice(raw) == "*rude*"


def test_markdown_soft_line_breaks_read_as_spaces() -> None:
    raw = '# Title\n"I see no reason to meet at\nthis stage," Putin told reporters.\n\nNext.\n'
    doc = document_from_text(raw, format="markdown")
    assert '"I see no reason to meet at this stage," Putin told reporters.' in doc.text
    assert doc.text.startswith("Title\n")
    span = doc.raw_span(view_span_of(doc, "at this"))
    assert span.slice(raw) == "at\nthis"


def test_markdown_comments_and_fences_are_not_text() -> None:
    raw = 'A said "x".\n<!-- factcheck: off\nB said "y". -->\n```\nC said "z".\n```\nD said "w".\n'
    doc = document_from_text(raw, format="markdown")
    assert 'A said "x".' in doc.text and 'D said "w".' in doc.text
    assert "B said" not in doc.text and "C said" not in doc.text


def test_markdown_reference_links_resolve() -> None:
    raw = "See [the transcript][t] now.\n\n[t]: https://example.org/t.txt\n"
    doc = document_from_text(raw, format="markdown")
    assert [link.url for link in doc.links] == ["https://example.org/t.txt"]
    assert "https://example.org" not in doc.text


def test_invalid_front_matter_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="front matter"):
        document_from_text("---\nsources: [a, b\n---\nText", format="markdown")


def test_html_view_drops_scripts_decodes_entities_and_keeps_links() -> None:
    raw = (
        "<html><head><title>A &amp; B</title><script>alert('x')</script></head><body>"
        "<p>Putin called it &lsquo;rude&rsquo;, <a href='https://k.ru/1'>said</a> the Kremlin.</p>"
        "<p>Next</p></body></html>"
    )
    doc = document_from_text(raw)
    assert doc.format == "html"
    assert doc.title == "A & B"
    assert "alert" not in doc.text
    assert "Putin called it ‘rude’, said the Kremlin." in doc.text
    assert doc.raw_span(view_span_of(doc, "rude")).slice(raw) == "rude"
    assert doc.links[0].url == "https://k.ru/1" and doc.links[0].span.slice(raw) == "said"


def test_location_is_one_based_line_and_column() -> None:
    raw = "Title\nPutin said \u201cno\u201d.\n"
    doc = document_from_text(raw)
    start = raw.index("no")
    loc = doc.location(Span(start, start + 2))
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (2, 13, 2, 14)


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=300))
def test_markdown_offsets_always_map_into_the_raw_text(raw: str) -> None:
    doc = document_from_text(raw, format="markdown")
    assert doc.offsets is not None and len(doc.offsets) == len(doc.text) + 1
    previous = -1
    for index, char in enumerate(doc.text):
        position = doc.offsets[index]
        assert 0 <= position <= len(raw)
        assert position >= previous
        previous = position
        soft_break = char == " " and raw[position] in "\r\n"
        if char not in "\n\u00a0" and not soft_break:
            # Every character of the view is the raw character it maps to, or an entity.
            assert raw[position] == char or raw[position] == "&"


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=300))
def test_html_reader_never_raises_and_maps_into_range(raw: str) -> None:
    doc = document_from_text(raw, format="html")
    assert doc.offsets is not None
    assert all(0 <= p <= len(raw) for p in doc.offsets)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"   \n\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        (b"Putin said \xff\xfe rude", "not valid UTF-8"),
    ],
)
def test_unreadable_articles_raise_input_error(tmp_path, content: bytes, message: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        load_document(path)


def test_missing_directory_and_oversized_articles(tmp_path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_document(tmp_path / "missing.md")
    with pytest.raises(InputError, match="is a directory"):
        load_document(tmp_path)
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    with pytest.raises(InputError, match="too large"):
        load_document(big)


def test_crlf_text_is_read_without_newline_translation(tmp_path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b'Putin said "no".\r\nNext line.\r\n')
    doc = load_document(path)
    assert doc.raw == 'Putin said "no".\r\nNext line.\r\n'
