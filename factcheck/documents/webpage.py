"""A source web page: its full visible text, which parts of it are the main content, and who
wrote it.

Quotes are searched in the *full* visible text (a quote in a caption or a sidebar still
counts), and trafilatura, a proven article extractor, tells us which passages are the
article itself, so evidence outside them can be labelled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck.documents.html import read_html
from factcheck.model import Span

__all__ = ["WebPage", "main_text_spans", "read_webpage"]

# Above this share of the visible text, "main text" is the whole page: say so with None.
ALL_MAIN = 0.98
META_AUTHOR = re.compile(
    r"""<meta\s[^>]*?name\s*=\s*["']?(?:author|byl|dc\.creator)["']?[^>]*>""", re.IGNORECASE
)
META_CONTENT = re.compile(r"""content\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


@dataclass
class WebPage:
    text: str
    main_text: list[Span] | None
    title: str | None = None
    author: str | None = None
    bold: list[Span] = field(default_factory=list)


def read_webpage(raw: str, url: str | None = None) -> WebPage:
    """Read a source page: ``text`` is every visible word (blank lines between blocks),
    ``main_text`` the spans of it that trafilatura calls the article (``None``: all of it)."""
    view = read_html(raw)
    extracted, title, author = _extract(raw, url)
    spans = main_text_spans(view.text, extracted) if extracted else None
    return WebPage(
        text=view.text,
        main_text=spans,
        title=view.title or title,
        author=author or _meta_author(raw),
        bold=view.bold,
    )


def _extract(raw: str, url: str | None) -> tuple[str | None, str | None, str | None]:
    """trafilatura's main text, title and author; a page it cannot read gives ``None``s."""
    import lxml.html
    import trafilatura
    from lxml import etree

    # huge_tree: lxml otherwise stops at depth 256 and silently drops the rest of the page.
    # encoding: we decoded the page already; lxml would otherwise guess latin-1 for our bytes.
    parser = lxml.html.HTMLParser(
        huge_tree=True, remove_comments=True, remove_pis=True, encoding="utf-8"
    )
    try:
        tree = lxml.html.document_fromstring(raw.encode("utf-8", "replace"), parser=parser)
        result = trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=False, include_tables=True,
            favor_recall=True,
        )  # fmt: skip
    except (etree.ParserError, ValueError, TypeError):
        return None, None, None
    except Exception:  # an extractor bug costs the main-text labels, never the page's text
        return None, None, None
    if result is None:
        return None, None, None
    if not isinstance(result, dict):
        result = result.as_dict()
    text = result.get("text") or None
    title = result.get("title") or None
    author = result.get("author") or None
    return text, title, author


def _meta_author(raw: str) -> str | None:
    """The author a page states in ``<meta name="author">``.

    >>> _meta_author('<meta name="author" content="Jane Roe">')
    'Jane Roe'
    >>> _meta_author('<meta name="description" content="x">') is None
    True
    """
    found = META_AUTHOR.search(raw[:200_000])
    if not found:
        return None
    content = META_CONTENT.search(found.group(0))
    if not content:
        return None
    value = " ".join((content.group(1) or content.group(2) or "").split())
    return value or None


def _collapse(text: str) -> tuple[str, list[int]]:
    """``text`` with every whitespace run made one space, and each kept char's index."""
    chars: list[str] = []
    index: list[int] = []
    previous_space = True
    for i, ch in enumerate(text):
        if ch.isspace():
            if previous_space:
                continue
            chars.append(" ")
            index.append(i)
            previous_space = True
        else:
            chars.append(ch)
            index.append(i)
            previous_space = False
    return "".join(chars), index


def main_text_spans(full: str, extracted: str) -> list[Span] | None:
    """Locate each paragraph of the extracted main text in the full text, in order.

    Paragraphs that cannot be found (the extractor rewrote them) are skipped; touching spans
    are merged. ``None`` means the main text is (nearly) the whole page.

    >>> full = "Menu\\n\\nThe minister said “no”.\\n\\nShe left.\\n\\nFooter"
    >>> [s.slice(full) for s in main_text_spans(full, "The minister said “no”.\\nShe left.")]
    ['The minister said “no”.\\n\\nShe left.']
    >>> main_text_spans("Just this.", "Just this.") is None
    True
    """
    collapsed, index = _collapse(full)
    spans: list[Span] = []
    position = 0
    for paragraph in extracted.split("\n"):
        needle = " ".join(paragraph.split())
        if len(needle) < 2:
            continue
        found = collapsed.find(needle, position)
        if found < 0:
            found = collapsed.find(needle)  # out of order: still main text
            if found < 0:
                continue
        else:
            position = found + len(needle)
        start, end = index[found], index[found + len(needle) - 1] + 1
        spans.append(Span(start, end))
    if not spans:
        return None
    spans.sort()
    merged: list[Span] = [spans[0]]
    for span in spans[1:]:
        last = merged[-1]
        if span.start <= last.end or not full[last.end : span.start].strip():
            merged[-1] = Span(last.start, max(last.end, span.end))
        else:
            merged.append(span)
    covered = sum(len(s) for s in merged)
    visible = len(full.strip())
    if visible and covered >= ALL_MAIN * visible:
        return None
    return merged
