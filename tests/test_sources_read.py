"""Reading sources: charsets, HTML main text, PDF, plain text, and every kind of bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from test_sources_helpers import fast_options, make_pdf

from factcheck.documents.pdf import clean_pages, read_pdf
from factcheck.documents.webpage import read_webpage
from factcheck.errors import InputError
from factcheck.sources import load_sources, read_source_file
from factcheck.sources.decode import decode_bytes

QUOTE_1252 = "The senator said “we will not back down” on Tuesday — again.".encode("cp1252")


# -- charsets ------------------------------------------------------------------------------


def test_a_page_mislabelled_utf8_with_windows_1252_quotes(
    server: HTTPServer, tmp_path: Path
) -> None:
    body = b"<html><body><p>" + QUOTE_1252 + b"</p></body></html>"
    server.expect_request("/p").respond_with_data(body, content_type="text/html; charset=utf-8")
    [source] = load_sources([server.url_for("/p")], fast_options(tmp_path))
    assert "“we will not back down”" in source.text
    assert "—" in source.text


def test_a_latin1_label_is_read_as_windows_1252(server: HTTPServer, tmp_path: Path) -> None:
    server.expect_request("/p").respond_with_data(
        QUOTE_1252, content_type="text/plain; charset=ISO-8859-1"
    )
    [source] = load_sources([server.url_for("/p")], fast_options(tmp_path))
    # Read as true ISO-8859-1, 0x93 would be an invisible C1 control, not a quote mark.
    assert "“we will not back down”" in source.text


def test_no_charset_anywhere_is_detected(server: HTTPServer, tmp_path: Path) -> None:
    server.expect_request("/p").respond_with_data(QUOTE_1252, content_type="text/plain")
    [source] = load_sources([server.url_for("/p")], fast_options(tmp_path))
    assert source.text == QUOTE_1252.decode("cp1252")


def test_a_meta_charset_late_in_the_head_is_honoured() -> None:
    filler = "<meta name='x' content='" + "y" * 3000 + "'>"
    page = f"<html><head>{filler}<meta charset='koi8-r'></head><body>Привет</body></html>"
    text, codec = decode_bytes(page.encode("koi8-r"), "text/html")
    assert codec == "koi8-r"
    assert "Привет" in text


def test_a_bom_beats_a_wrong_label() -> None:
    text, codec = decode_bytes("\ufeff“Hi”".encode(), "text/plain; charset=windows-1252")
    assert (text, codec) == ("“Hi”", "utf-8")


def test_utf8_labelled_latin1_is_not_turned_into_mojibake() -> None:
    text, _ = decode_bytes("He said “yes”.".encode(), "text/plain; charset=iso-8859-1")
    assert text == "He said “yes”."


# -- HTML ------------------------------------------------------------------------------------

ARTICLE = """<!doctype html><html><head><title>Remarks by the Minister</title>
<meta name="author" content="Jane Roe"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About us</a></nav>
<article><h1>Remarks by the Minister</h1>
<p>The minister opened the session by thanking the delegations for coming so far.</p>
<p>She said the negotiations had been “long, hard and ultimately worth every hour”.</p>
<p>She added that a final agreement would be signed before the end of the year, and
that both sides had made concessions they would defend at home.</p>
<p>Questions from the press followed, and the minister answered each in turn.</p>
</article>
<aside><p>Related: “A sidebar quote nobody said in the speech”</p></aside>
<footer><p>Copyright Ministry of Examples. All rights reserved.</p></footer>
</body></html>"""


def test_html_gives_full_text_with_main_text_spans() -> None:
    page = read_webpage(ARTICLE)
    assert "worth every hour" in page.text
    assert "A sidebar quote nobody said" in page.text  # searched, though not main text
    assert page.title == "Remarks by the Minister"
    assert page.author == "Jane Roe"
    assert page.main_text is not None
    main = " ".join(span.slice(page.text) for span in page.main_text)
    assert "worth every hour" in main
    assert "Copyright" not in main
    sidebar = page.text.index("A sidebar quote")
    assert not any(s.start <= sidebar < s.end for s in page.main_text)


def test_deeply_nested_html_loses_nothing() -> None:
    depth = 3000
    html = "<html><body>" + "<div>" * depth + "<p>The deepest words.</p>" + "</div>" * depth
    html += "<p>After the nest.</p></body></html>"
    page = read_webpage(html)
    assert "The deepest words." in page.text
    assert "After the nest." in page.text


def test_bold_spans_reach_the_turn_finder(tmp_path: Path) -> None:
    path = tmp_path / "transcript.html"
    path.write_text(
        "<html><body><p><b>MR. SMITH:</b> Thank you.</p><p><b>MS. JONES:</b> Welcome.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    [source] = load_sources([str(path)], fast_options(tmp_path))
    assert source.ok
    assert source.text.startswith("MR. SMITH: Thank you.")
    assert all(turn.span.end <= len(source.text) for turn in source.turns)


# -- PDF -------------------------------------------------------------------------------------


def test_a_served_pdf_is_read(server: HTTPServer, tmp_path: Path) -> None:
    pdf = make_pdf([["The chair said: we remain data dependent."]], title="Press Conference")
    server.expect_request("/doc").respond_with_data(pdf, content_type="application/octet-stream")
    [source] = load_sources([server.url_for("/doc")], fast_options(tmp_path))
    assert source.ok, source.error
    assert source.media_type == "application/pdf"
    assert "we remain data dependent" in source.text
    assert source.title == "Press Conference"


def test_pdf_running_headers_and_hyphens_are_cleaned() -> None:
    speakers = ["chair", "senator", "witness", "clerk"]
    pages = [
        ["Committee Hearing Transcript", f"The {who} talks about gov-", "ernment work.",
         f"The {who} goes on.", f"Then the {who} stops.", f"Page {n} of 4"]
        for n, who in enumerate(speakers, start=1)
    ]  # fmt: skip
    text = read_pdf(make_pdf(pages)).text
    assert "Committee Hearing Transcript" not in text
    assert "of 4" not in text
    assert text.count("about government work.") == 4
    assert "Then the clerk stops." in text


def test_ligatures_are_repaired() -> None:
    assert clean_pages(["The \ufb01nal o\ufb03ce"]) == "The final office"


def test_a_pdf_without_text_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([[]]))
    [source] = load_sources([str(path)], fast_options(tmp_path))
    assert source.status == "error"
    assert source.error == "the PDF has no text layer (a scan needs OCR first)"


def test_a_truncated_pdf_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(make_pdf([["Some words"]])[:60])
    [source] = load_sources([str(path)], fast_options(tmp_path))
    assert source.status == "error"
    assert source.error and "PDF" in source.error


def test_read_pdf_rejects_garbage() -> None:
    with pytest.raises(InputError, match=r"not a readable PDF|no text layer"):
        read_pdf(b"%PDF-1.4\n" + bytes(range(256)) * 4)


# -- local files -----------------------------------------------------------------------------


def test_local_files_by_suffix_then_sniffing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("<p>Angle brackets in plain text stay.</p>", encoding="utf-8")
    (tmp_path / "b.htm").write_text("<p>Hello <i>there</i>.</p>", encoding="utf-8")
    (tmp_path / "c").write_text("<!DOCTYPE html><html><body><p>Sniffed.</p></body></html>")
    (tmp_path / "d.pdf.download").write_bytes(make_pdf([["PDF by signature."]]))
    (tmp_path / "e.md").write_text("# Notes\n\nShe said *no*.", encoding="utf-8")
    specs = [str(tmp_path / name) for name in ("a.txt", "b.htm", "c", "d.pdf.download", "e.md")]
    a, b, c, d, e = load_sources(specs, fast_options(tmp_path))
    assert a.text == "<p>Angle brackets in plain text stay.</p>"
    assert b.text.strip() == "Hello there."
    assert c.text.strip() == "Sniffed." and c.media_type == "text/html"
    assert "PDF by signature." in d.text and d.media_type == "application/pdf"
    assert e.text == "# Notes\n\nShe said *no*." and e.title == "# Notes"
    assert all(s.sha256 for s in (a, b, c, d, e))
    assert not (tmp_path / "cache.sqlite").exists()  # local files need no cache


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p.mkdir(), "is a directory, not a source file"),
        (lambda p: None, "no such file"),
        (lambda p: p.write_bytes(bytes(range(256)) * 64), "binary data"),
        (lambda p: p.write_bytes(b"   \n"), "empty, nothing to search"),
    ],
    ids=["directory", "missing", "binary", "empty"],
)
def test_bad_local_sources_are_errors_with_reasons(
    tmp_path: Path, make: object, reason: str
) -> None:
    path = tmp_path / "source"
    make(path)  # type: ignore[operator]
    good = tmp_path / "good.txt"
    good.write_text("Fine.", encoding="utf-8")
    bad, ok = load_sources([str(path), str(good)], fast_options(tmp_path))
    assert bad.status == "error"
    assert bad.error and reason in bad.error
    assert bad.path == str(path)
    assert ok.ok


def test_read_source_file_is_what_load_sources_reads(tmp_path: Path) -> None:
    # The library and the benchmarks read local files with it: the same Source as a check.
    page = tmp_path / "hearing.html"
    page.write_text(
        "<html><body><p><b>Sen. Ada Quist:</b> The bridge was never inspected.</p>"
        "<p><b>Paul Ng:</b> It will be, by June.</p></body></html>",
        encoding="utf-8",
    )
    [loaded] = load_sources([str(page)], fast_options(tmp_path))
    read = read_source_file(page, "S1")
    assert read == loaded
    assert [t.speaker for t in read.turns] == ["Ada Quist", "Paul Ng"]
    with pytest.raises(InputError, match=r"missing\.txt: no such file$"):
        read_source_file(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="too large"):
        read_source_file(page, max_bytes=10)


def test_an_unreadable_file_is_an_error(tmp_path: Path) -> None:
    import os

    path = tmp_path / "locked.txt"
    path.write_text("secret", encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read any file (root)")
        [source] = load_sources([str(path)], fast_options(tmp_path))
    finally:
        path.chmod(0o600)
    assert source.status == "error"
    assert source.error and "cannot read" in source.error


def test_a_too_large_local_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"words " * 1000)
    [source] = load_sources([str(path)], fast_options(tmp_path, max_bytes=1000))
    assert source.error and source.error.startswith("file is too large")


def test_binary_served_as_html_is_an_error(server: HTTPServer, tmp_path: Path) -> None:
    server.expect_request("/bin").respond_with_data(
        b"\x00\x01\x02\x03" * 1000, content_type="text/html"
    )
    [source] = load_sources([server.url_for("/bin")], fast_options(tmp_path))
    assert source.status == "error"
    assert source.error == "binary data (text/html), not text, HTML or PDF"


def test_glued_pdf_text_falls_back_to_pdfminer(monkeypatch: pytest.MonkeyPatch) -> None:
    """When pypdf loses the spaces, pdfminer.six's layout analysis is used instead."""
    import pypdf

    monkeypatch.setattr(
        pypdf.PageObject, "extract_text", lambda self, *a, **k: "Thechairsaidthatthetalkswentwell"
    )
    text = read_pdf(make_pdf([["The chair said that the talks went well."]])).text
    assert "The chair said that the talks went well." in text


@pytest.mark.parametrize(("password", "readable"), [("", True), ("secret", False)])
def test_encrypted_pdfs(password: str, readable: bool) -> None:
    """An empty user password (print restrictions only) opens; a real password is a reason."""
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([["Hidden words here."]]))))
    writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    if readable:
        assert "Hidden words here." in read_pdf(buffer.getvalue()).text
    else:
        with pytest.raises(InputError, match="encrypted with a password"):
            read_pdf(buffer.getvalue())


def test_utf8_with_one_stray_byte_stays_utf8(server: HTTPServer, tmp_path: Path) -> None:
    """One bad byte must not turn every other accented letter and quote into mojibake."""
    body = "<p>“Déjà vu,” the minister said — “again.”</p>".encode() * 20 + b"\xa0broken"
    server.expect_request("/p").respond_with_data(body, content_type="text/html; charset=utf-8")
    [source] = load_sources([server.url_for("/p")], fast_options(tmp_path))
    assert source.text.count("“Déjà vu,” the minister said — “again.”") == 20
