"""Plain-text articles: the text is its own view; bare URLs are its links."""

from __future__ import annotations

import re

from factcheck.model import Link, Span

_URL = re.compile(r"https?://[^\s<>()\[\]\"']+[^\s<>()\[\]\"'.,;:!?]")


def find_links(text: str) -> list[Link]:
    """Bare ``http(s)://`` URLs, without trailing sentence punctuation.

    >>> [link.url for link in find_links("See https://kremlin.ru/events/1. Then")]
    ['https://kremlin.ru/events/1']
    >>> find_links("no links here")
    []
    """
    return [Link(m.group(), m.group(), Span(m.start(), m.end())) for m in _URL.finditer(text)]


def plain_title(text: str) -> str | None:
    """The first non-blank line, if it is short enough to be a headline.

    >>> plain_title("\\nRussia Dismisses Talks\\nBody text.")
    'Russia Dismisses Talks'
    >>> plain_title("x" * 300) is None
    True
    """
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= 200 else None
    return None
