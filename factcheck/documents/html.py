"""HTML drafts: the visible text as a view with an offset map back to the raw markup."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from html.parser import HTMLParser

from factcheck.documents.view import ViewBuilder
from factcheck.model import Link, Span

# Elements whose text is never shown to a reader.
INVISIBLE = frozenset({"script", "style", "template", "noscript", "head", "svg", "math", "iframe"})
# Elements that start a new paragraph in the view, so sentences never run across them.
BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul", "body",
    }
)  # fmt: skip
VOID = frozenset(
    {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "wbr", "source"}
)


@dataclass
class HtmlView:
    text: str
    offsets: list[int]
    links: list[Link] = field(default_factory=list)
    title: str | None = None
    # View spans of bold text (<b>, <strong>): transcripts mark speaker labels this way.
    bold: list[Span] = field(default_factory=list)


class _ViewParser(HTMLParser):
    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.builder = ViewBuilder()
        self.links: list[Link] = []
        self.title_parts: list[str] = []
        self._line_starts = [0]
        self._line_starts.extend(i + 1 for i, ch in enumerate(raw) if ch == "\n")
        self._hidden: list[str] = []
        self._in_title = False
        self._open_link: tuple[str, int] | None = None
        self.bold: list[Span] = []
        self._bold_starts: list[int] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _break(self) -> None:
        last = self.builder.last_char()
        if last and not self.builder.ends_with("\n\n"):
            self.builder.put("\n\n" if last != "\n" else "\n", self._offset())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in INVISIBLE and tag not in VOID:
            self._hidden.append(tag)
            return
        if self._hidden:
            return
        if tag in BLOCKS:
            self._break()
        if tag in ("b", "strong"):
            self._bold_starts.append(len(self.builder))
        if tag == "q":  # a browser shows <q> with quotation marks: so does the view
            self.builder.put("“", self._offset())
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self._open_link = (href, len(self.builder))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._hidden and tag in BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if self._hidden:
            if tag == self._hidden[-1]:
                self._hidden.pop()
            return
        if tag in BLOCKS:
            self._break()
        if tag == "q":
            self.builder.put("”", self._offset())
        if tag in ("b", "strong") and self._bold_starts:
            start = self._bold_starts.pop()
            if len(self.builder) > start:
                self.bold.append(Span(start, len(self.builder)))
        if tag == "a" and self._open_link is not None:
            href, view_start = self._open_link
            self._open_link = None
            tail, offsets = self.builder.since(view_start)
            anchor = tail.strip()
            if anchor:
                first = len(tail) - len(tail.lstrip())
                last = first + len(anchor) - 1
                self.links.append(Link(href, anchor, Span(offsets[first], offsets[last] + 1)))

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        if self._hidden:
            return
        start = self._offset()
        self.builder.keep(self.raw, start, start + len(data))

    def _entity(self, source: str, decoded: str) -> None:
        if self._in_title:
            self.title_parts.append(decoded)
        if not self._hidden:
            self.builder.put(decoded, self._offset())

    def handle_entityref(self, name: str) -> None:
        self._entity(f"&{name};", html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self._entity(f"&#{name};", html.unescape(f"&#{name};"))


def read_html(raw: str) -> HtmlView:
    """The visible text of an HTML page, paragraph-separated, with raw offsets.

    ``"<p>Putin called it &lsquo;rude&rsquo;</p><script>x()</script>"`` reads as
    ``"Putin called it ‘rude’"``; the script's text is never part of the view.
    """
    parser = _ViewParser(raw)
    parser.feed(raw)
    parser.close()
    text, offsets = parser.builder.build(len(raw))
    title = " ".join("".join(parser.title_parts).split()) or None
    return HtmlView(text, offsets, parser.links, title, sorted(parser.bold))
