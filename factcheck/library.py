"""A local library of primary sources, searchable when a claim links to none.

The library is a SQLite file (default ``platformdirs.user_cache_dir("factcheck")/library.sqlite``,
overridden by ``FACTCHECK_LIBRARY`` or an explicit path).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from factcheck.errors import InputError
from factcheck.model import Source

__all__ = ["read_local_source"]


def read_local_source(path: str | Path, source_id: str = "S1") -> Source:
    """A local file as a Source: HTML through the visible-text reader, other files as text.

    Speaker turns come from ``find_turns`` (with the bold spans of HTML).
    """
    from factcheck.documents.html import read_html
    from factcheck.documents.transcripts import find_turns

    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {p}: {exc.strerror or exc}") from exc
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError:
        raw = data.decode("cp1252", errors="replace")
    if p.suffix.lower() in (".htm", ".html", ".xhtml") or raw.lstrip()[:15].lower().startswith(
        ("<!doctype html", "<html")
    ):
        view = read_html(raw)
        text, bold, title, media = view.text, view.bold, view.title, "text/html"
    else:
        text, bold, title, media = raw, [], None, "text/plain"
    source = Source(id=source_id, path=str(p), title=title, text=text, media_type=media,
                    sha256=hashlib.sha256(data).hexdigest())  # fmt: skip
    source.turns = find_turns(text, bold_spans=bold)
    return source
