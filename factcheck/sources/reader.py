"""Read a source's bytes (HTML, PDF or plain text) into the text the matcher searches."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from factcheck.errors import InputError
from factcheck.model import Source, Span

__all__ = [
    "MAX_SOURCE_BYTES",
    "READER_VERSION",
    "Reading",
    "media_type_of",
    "read_source_bytes",
    "read_source_file",
]

# The largest source we read or download (``SourceOptions.max_bytes`` by default).
MAX_SOURCE_BYTES = 25 * 1024 * 1024

# Bump when the text we produce from the same bytes changes, so cached readings are redone.
READER_VERSION = 1

SUFFIX_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "text/html",
    ".pdf": "application/pdf",
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
}


@dataclass
class Reading:
    text: str
    media_type: str
    main_text: list[Span] | None = None
    title: str | None = None
    author: str | None = None
    bold: list[Span] = field(default_factory=list)
    encoding: str | None = None


def sniff(data: bytes) -> str | None:
    """The media type the bytes themselves declare (PDF and HTML), else ``None``.

    >>> sniff(b"%PDF-1.4 ...")
    'application/pdf'
    >>> sniff(b"\\n  <!DOCTYPE html><html>")
    'text/html'
    >>> sniff(b"Chair Powell: Thank you.") is None
    True
    """
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")) or (
        head.startswith(b"<") and (b"<p>" in head or b"<div" in head or b"<meta" in head)
    ):
        return "text/html"
    return None


def media_type_of(content_type: str | None, data: bytes, name: str | None = None) -> str:
    """Decide how to read a source: the suffix of a local file, the server's Content-Type,
    then the bytes themselves (for a missing or generic type). A server that calls a PDF
    ``text/html`` is overruled by the ``%PDF-`` signature.

    >>> media_type_of("text/html; charset=utf-8", b"%PDF-1.7")
    'application/pdf'
    >>> media_type_of(None, b"hello", "speech.TXT")
    'text/plain'
    >>> media_type_of("application/octet-stream", b"<html><p>x</p></html>")
    'text/html'
    >>> media_type_of("text/plain", b"<html><p>x</p></html>")
    'text/plain'
    """
    sniffed = sniff(data)
    if sniffed == "application/pdf":
        return sniffed
    if name:
        by_suffix = SUFFIX_TYPES.get(PurePosixPath(name).suffix.lower())
        if by_suffix:
            return by_suffix
    declared = (content_type or "").split(";", 1)[0].strip().lower()
    if declared in ("text/html", "application/xhtml+xml"):
        return "text/html"
    if declared == "application/pdf" or declared.startswith("text/"):
        # A server that says text/plain means it: browsers never sniff it into HTML either.
        return declared
    return sniffed or "text/plain"


def _looks_binary(data: bytes) -> bool:
    """Bytes no text reader should see: NULs or many control characters.

    >>> _looks_binary(b"\\x00\\x01\\x02binary")
    True
    >>> _looks_binary("Hello “world”\\n".encode())
    False
    """
    sample = data[:8192]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bool(sample) and controls / len(sample) > 0.05


def read_source_bytes(
    data: bytes, content_type: str | None, name: str, *, url: str | None = None
) -> Reading:
    """Read one source; raise ``InputError`` with a one-sentence reason if it has no text."""
    from factcheck.sources.decode import decode_bytes

    if not data.strip():
        raise InputError(f"{name}: empty, nothing to search")
    media_type = media_type_of(content_type, data, None if url else name)
    if media_type == "application/pdf":
        from factcheck.documents.pdf import read_pdf

        pdf = read_pdf(data, name)
        return Reading(pdf.text, media_type, title=pdf.title, author=pdf.author)
    if _looks_binary(data):
        kind = (content_type or "").split(";", 1)[0].strip() or "unknown type"
        raise InputError(f"{name}: binary data ({kind}), not text, HTML or PDF")
    text, encoding = decode_bytes(data, content_type)
    if media_type == "text/html":
        from factcheck.documents.webpage import read_webpage

        page = read_webpage(text, url)
        if not page.text.strip():
            raise InputError(f"{name}: the page has no visible text")
        return Reading(
            page.text, media_type, page.main_text, page.title, page.author, page.bold, encoding
        )
    title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    return Reading(text, media_type, title=title[:200] if title else None, encoding=encoding)


def read_source_file(
    path: str | os.PathLike[str], source_id: str = "S1", *, max_bytes: int = MAX_SOURCE_BYTES
) -> Source:
    """One local file as a Source: read, decoded and parsed like a fetched page, with its
    speaker turns. Local files are read fresh every time, never cached.

    Raises ``InputError("<path>: <reason>")`` for a file that is missing, unreadable, a
    directory, larger than ``max_bytes``, binary, empty or without text.
    """
    from factcheck.documents.transcripts import find_turns

    name = os.fspath(path)
    file = Path(name)
    try:
        if file.is_dir():
            from factcheck.sources.folders import SOURCE_SUFFIXES, source_files

            # expand_source_specs turns a folder into its files; one that gets here has none
            # (or was given to load_sources directly).
            *others, last = sorted(SOURCE_SUFFIXES)
            empty = f", and holds no {', '.join(others)} or {last} file"
            why = "" if source_files(file) else empty
            raise InputError(f"{name}: is a directory, not a source file{why}")
        size = file.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{name}: file is too large ({size / 1e6:.1f} MB; the limit is "
                f"{max_bytes / 1e6:.0f} MB)"
            )
        data = file.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    read = read_source_bytes(data, None, name)
    return Source(
        id=source_id,
        path=name,
        title=read.title,
        author=read.author,
        sha256=hashlib.sha256(data).hexdigest(),
        text=read.text,
        turns=find_turns(read.text, bold_spans=read.bold),
        media_type=read.media_type,
        main_text=read.main_text,
    )
