"""Readers that turn an article (file, stdin, string or URL) into a ``Document``."""

from __future__ import annotations

import hashlib
import os
import re
import sys
from pathlib import Path

from factcheck.errors import InputError
from factcheck.model import Document

# Drafts are articles, not corpora: anything larger is almost surely the wrong file.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})

__all__ = ["MAX_ARTICLE_BYTES", "decode_article", "document_from_text", "load_document"]


def load_document(
    source: str | os.PathLike[str],
    *,
    format: str | None = None,
    max_bytes: int = MAX_ARTICLE_BYTES,
    allow_private: bool = False,
) -> Document:
    """Read an article from a path, ``"-"`` (stdin) or an ``http(s)://`` URL.

    ``format`` is ``"text"``, ``"markdown"`` or ``"html"``; by default it follows the file's
    suffix (or the content type of a URL) and falls back to sniffing for HTML.
    """
    name = os.fspath(source)
    if name == "-":
        data = _read_stream(sys.stdin.buffer, max_bytes)
        if format is None:
            # No suffix to go by: a piped draft.md must not be read as plain text.
            format = "markdown" if looks_like_markdown(decode_article(data, "-")) else None
        return document_from_bytes(data, path="-", format=format)
    if name.startswith(("http://", "https://")):
        from factcheck.sources.fetch import fetch_article

        data, content_type, final_url = fetch_article(
            name, max_bytes=max_bytes, allow_private=allow_private
        )
        if format is None:
            format = _url_format(final_url or name, content_type, data)
        doc = document_from_bytes(data, path=None, format=format, url=final_url or name)
        return doc
    path = Path(name)
    try:
        if path.is_dir():
            raise InputError(f"{name}: is a directory, not an article")
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if size > max_bytes:
        raise InputError(
            f"{name}: file is too large "
            f"({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB)"
        )
    try:
        with path.open("rb") as handle:
            data = _read_stream(handle, max_bytes)
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if format is None:
        suffix = path.suffix.lower()
        format = (
            "markdown"
            if suffix in MARKDOWN_SUFFIXES
            else "html"
            if suffix in HTML_SUFFIXES
            else None
        )
    return document_from_bytes(data, path=name, format=format)


_MARKDOWN_SIGNS = re.compile(
    r"\A---[ \t]*\r?\n.*?\n---[ \t]*\r?$"  # YAML front matter
    r"|^#{1,6}[ \t]+\S"  # an ATX heading
    r"|\[[^\]\n]+\]\([^)\s]+(?:[ \t]+\"[^\"\n]*\")?\)"  # an inline link
    r"|\*\*\S[^*\n]*\*\*",  # strong emphasis
    re.M | re.S,
)


def looks_like_markdown(raw: str) -> bool:
    """True if text without a file name (standard input) shows Markdown's own syntax.

    Passing: front matter, a ``# heading``, a ``[link](url)`` or ``**strong**`` text.
    Failing: plain prose, where a lone ``*`` or ``#5`` is just a character.

    >>> looks_like_markdown("---\\ntitle: T\\n---\\nBody"), looks_like_markdown("# Talks\\n")
    (True, True)
    >>> looks_like_markdown("Prices rose 5*3 percent, #5 on the list.")
    False
    """
    return _MARKDOWN_SIGNS.search(raw[:100_000]) is not None


def _url_format(url: str, content_type: str | None, data: bytes) -> str | None:
    """The format of an article fetched from ``url``: HTML when served as HTML, else by the
    URL's suffix or a Markdown content type, else sniffed (raw hosts serve drafts as
    text/plain)."""
    from urllib.parse import urlsplit

    media = (content_type or "").split(";")[0].strip().lower()
    if "html" in media:
        return "html"
    try:
        suffix = Path(urlsplit(url).path).suffix.lower()
    except ValueError:
        suffix = ""
    if suffix in MARKDOWN_SUFFIXES or media in ("text/markdown", "text/x-markdown"):
        return "markdown"
    if suffix in HTML_SUFFIXES or not media:
        return "html"
    if media.startswith("text/") and looks_like_markdown(data.decode("utf-8", "replace")):
        return "markdown"
    return None  # document_from_text tells HTML from plain text


def _read_stream(stream: object, max_bytes: int) -> bytes:
    read = getattr(stream, "read")  # noqa: B009 - any binary file object
    data: bytes = read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"input is too large (over {max_bytes / 1e6:.0f} MB)")
    return data


def decode_article(data: bytes, name: str) -> str:
    """Decode an article's bytes as UTF-8 (a BOM is dropped), or UTF-16 when a byte-order mark
    says so, refusing binary files.

    >>> decode_article("Putin said “no”".encode(), "a.txt")
    'Putin said “no”'
    >>> decode_article(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00", "a.png")
    Traceback (most recent call last):
    ...
    factcheck.errors.InputError: a.png: binary file, not text
    >>> decode_article("\\ufeffSaid “no”".encode("utf-16-le"), "a.txt")
    'Said “no”'
    """
    if not data.strip():
        raise InputError(f"{name}: empty file, nothing to check")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # A UTF-16 byte-order mark declares the encoding (Word's "Unicode text"); its NUL
        # bytes are not a sign of a binary file.
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{name}: not valid UTF-16 despite its byte-order mark") from None
        return text[1:] if text.startswith("\ufeff") else text
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at line {line}); "
            "save the file as UTF-8"
        ) from None


def document_from_bytes(
    data: bytes, *, path: str | None, format: str | None = None, url: str | None = None
) -> Document:
    raw = decode_article(data, path or url or "input")
    doc = document_from_text(raw, format=format, path=path, url=url)
    doc.sha256 = hashlib.sha256(data).hexdigest()
    return doc


def document_from_text(
    raw: str, *, format: str | None = None, path: str | None = None, url: str | None = None
) -> Document:
    """Build a ``Document`` from text already in memory (the library's ``str`` entry point)."""
    if format is None:
        head = raw.lstrip()[:200].lower()
        format = "html" if head.startswith(("<!doctype html", "<html")) else "text"
    if format not in ("text", "markdown", "html"):
        raise InputError(f"unknown document format {format!r} (use text, markdown or html)")
    sha = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()
    if format == "markdown":
        from factcheck.documents.markdown import read_markdown

        try:
            md = read_markdown(raw)
        except InputError as exc:  # front matter problems: say which draft has them
            if path is None and url is None:
                raise
            raise InputError(f"{path or url}: {exc}") from None
        return Document(
            raw=raw,
            text=md.text,
            offsets=md.offsets,
            path=path,
            url=url,
            format="markdown",
            title=md.title,
            front_matter=md.front_matter,
            links=md.links,
            sha256=sha,
        )
    if format == "html":
        from factcheck.documents.html import read_html

        view = read_html(raw)
        return Document(
            raw=raw,
            text=view.text,
            offsets=view.offsets,
            path=path,
            url=url,
            format="html",
            title=view.title,
            links=view.links,
            sha256=sha,
        )
    from factcheck.documents.plain import find_links, plain_title

    return Document(
        raw=raw,
        text=raw,
        path=path,
        url=url,
        format="text",
        title=plain_title(raw),
        links=find_links(raw),
        sha256=sha,
    )
