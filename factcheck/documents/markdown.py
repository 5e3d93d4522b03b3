"""Markdown drafts: a plain-text view with an offset map, the links, and YAML front matter."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from factcheck.documents.view import ViewBuilder
from factcheck.errors import InputError
from factcheck.model import Link, Span

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FENCE = re.compile(r"^[ \t]{0,3}(```+|~~~+)")
_BLOCK_PREFIX = re.compile(
    r"[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+|\[\^[^\]\s]+\]:[ \t]*)"
)
_RULE = re.compile(
    r"^[ \t]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)\r?\n?$"
)
_REF_DEF = re.compile(r"^[ \t]{0,3}\[([^\]^][^\]]*)\]:[ \t]*<?(\S+?)>?(?:[ \t]+.*)?\r?\n?$")
# A pipe-table row (we recognise the common style whose rows start with "|") and the
# delimiter row under its header ("|:---|---:|").
_TABLE_ROW = re.compile(r"[ \t]{0,3}\|")
_TABLE_DELIMITER = re.compile(r"^[ \t]{0,3}\|?(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*\r?\n?$")
_CELL_BAR = re.compile(r"(?<!\\)\|")
_TRAILING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")

# One alternation, tried left to right at each position of a line.
_INLINE = re.compile(
    r"(?P<comment><!--.*?-->)"
    r"|(?P<footnote>\[\^[^\]\s]+\])"
    r"|(?P<image>!\[(?P<alt>[^\]]*)\]\((?P<isrc>(?:[^()\s]|\([^()\s]*\))*)(?:[ \t]+\"[^\"]*\")?\))"
    r"|(?P<link>\[(?P<ltext>[^\]]+)\]\((?P<href><[^>]*>|(?:[^()\s]|\([^()\s]*\))*)"
    r"(?:[ \t]+\"[^\"]*\")?\))"
    r"|(?P<ref>\[(?P<rtext>[^\]]+)\]\[(?P<rid>[^\]]*)\])"
    r"|(?P<auto><(?P<aurl>https?://[^>\s]+)>)"
    r"|(?P<bare>https?://[^\s<>()\[\]\"']+[^\s<>()\[\]\"'.,;:!?])"
    r"|(?P<code>`+)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<escape>\\[\\`*_{}\[\]()#+\-.!\"'])"
    r"|(?P<strike>~~)"
    r"|(?P<star>\*+)"
    r"|(?P<under>(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9]))",
    re.S,
)


@dataclass
class MarkdownView:
    text: str
    offsets: list[int]
    links: list[Link] = field(default_factory=list)
    front_matter: dict[str, Any] = field(default_factory=dict)
    title: str | None = None


def parse_front_matter(raw: str) -> tuple[dict[str, Any], int]:
    """Return the YAML front matter and the raw index where the body starts.

    >>> parse_front_matter("---\\ntitle: A\\n---\\nBody")
    ({'title': 'A'}, 17)
    >>> parse_front_matter("No front matter")
    ({}, 0)
    """
    match = _FRONT_MATTER.match(raw)
    if not match:
        return {}, 0
    import yaml

    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise InputError(f"invalid YAML front matter{where}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError("front matter must be a YAML mapping")
    listed = data.get("sources")
    if listed is not None and not (
        isinstance(listed, str)
        or (isinstance(listed, list) and all(isinstance(item, str) for item in listed))
    ):
        # Anything else became a source named "None" or "{'url': ...}", or was dropped.
        raise InputError("front matter 'sources' must be a path or URL, or a list of them")
    return data, match.end()


def read_markdown(raw: str) -> MarkdownView:
    """Strip Markdown syntax but keep every word at a known raw offset.

    Headings, list and quote markers, emphasis, code fences and HTML comments disappear; link
    text stays and its target is recorded. ``"Putin said [it was *rude*](http://k.ru)"`` reads
    as ``"Putin said it was rude"`` with one link to ``http://k.ru``.
    """
    front_matter, body_start = parse_front_matter(raw)
    refs = {
        m.group(1).lower(): m.group(2)
        for m in re.finditer(_REF_DEF.pattern, raw[body_start:], re.M)
    }
    builder = ViewBuilder()
    links: list[Link] = []
    pending_ref_links: list[tuple[str, str, Span]] = []
    title: str | None = (
        front_matter.get("title") if isinstance(front_matter.get("title"), str) else None
    )
    in_fence: str | None = None
    position = body_start
    in_comment = False
    lines = raw[body_start:].splitlines(keepends=True)
    for number, line in enumerate(lines):
        start, end = position, position + len(line)
        position = end
        body_end = end - len(line) + len(line.rstrip("\r\n"))
        fence = _FENCE.match(line)
        if in_fence is not None:
            if fence and fence.group(1)[0] == in_fence:
                in_fence = None
            builder.put("\n", start)
            continue
        if fence and not in_comment:
            in_fence = fence.group(1)[0]
            builder.put("\n", start)
            continue
        if in_comment:
            close = raw.find("-->", start, end)
            if close < 0:
                continue
            in_comment = False
            start = close + 3
        elif _RULE.match(line) or _REF_DEF.match(line):
            builder.put("\n", start)
            continue
        elif _TABLE_ROW.match(line):
            # Each cell is its own block: a sentence never runs across cells or rows.
            if not _TABLE_DELIMITER.match(line):
                for left, right in table_cells(raw, start, body_end):
                    _inline(raw, left, right, builder, links, pending_ref_links)
                    builder.put("\n", right)
            else:
                builder.put("\n", start)
            continue
        else:
            is_heading = False
            cursor = start
            while True:
                prefix = _BLOCK_PREFIX.match(raw, cursor, body_end)
                if not prefix or prefix.end() == cursor:
                    break
                cursor = prefix.end()
                if prefix.group(0).lstrip().startswith("#"):
                    is_heading = True
                    hashes = _TRAILING_HASHES.search(raw, cursor, body_end)
                    heading_end = hashes.start() if hashes else body_end
                    if title is None:
                        title = raw[cursor:heading_end].strip() or None
                    body_end = heading_end
            start = cursor
        in_comment = _inline(raw, start, body_end, builder, links, pending_ref_links)
        if end > body_end:
            soft = not in_comment and not is_heading and continues_paragraph(lines, number + 1)
            # A soft line break inside a paragraph is a space to the reader, not a boundary.
            builder.put(" " if soft else "\n", body_end)
    for text, ref_id, span in pending_ref_links:
        url = refs.get((ref_id or text).lower())
        if url:
            links.append(Link(url=url, text=text, span=span))
    links.sort(key=lambda link: link.span.start)
    view, offsets = builder.build(len(raw))
    if title is None:
        first = view.strip().split("\n", 1)[0].strip()
        title = first or None
    return MarkdownView(view, offsets, links, front_matter, title)


def table_cells(raw: str, start: int, end: int) -> list[tuple[int, int]]:
    r"""The raw ``[start, end)`` of each cell of the pipe-table row ``raw[start:end]``.

    Passing: ``| a | b |`` has the cells `` a `` and `` b `` (and an empty tail).
    Failing: an escaped bar ``\|`` is text, not a cell boundary.

    >>> row = "| a | b \\| c |"
    >>> [row[left:right] for left, right in table_cells(row, 0, len(row))]
    [' a ', ' b \\| c ', '']
    """
    bars = [bar.start() for bar in _CELL_BAR.finditer(raw, start, end)]
    return [(left + 1, right) for left, right in zip(bars, [*bars[1:], end], strict=True)]


def continues_paragraph(lines: list[str], index: int) -> bool:
    """True if ``lines[index]`` continues the paragraph of the line before it.

    Passing: ``["said the", "minister."]`` at 1 (plain text continues).
    Failing: a blank line, a heading, a list item, a fence or a rule at ``index`` start a block.

    >>> continues_paragraph(["said the", "minister."], 1)
    True
    >>> continues_paragraph(["said the", "", "Next"], 1), continues_paragraph(["a", "# H"], 1)
    (False, False)
    """
    if index >= len(lines):
        return False
    line = lines[index]
    if not line.strip() or _FENCE.match(line) or _RULE.match(line) or _REF_DEF.match(line):
        return False
    if _TABLE_ROW.match(line):
        return False
    prefix = _BLOCK_PREFIX.match(line)
    return prefix is None or prefix.group(0).lstrip().startswith(">")


def _inline(
    raw: str,
    start: int,
    end: int,
    builder: ViewBuilder,
    links: list[Link],
    pending_ref_links: list[tuple[str, str, Span]],
) -> bool:
    """Copy one line's inline content into the view; return True if an HTML comment stays open."""
    comment_left_open = opens_comment(raw, start, end)
    if comment_left_open:
        end = raw.rfind("<!--", start, end)
    cursor = start
    while cursor < end:
        match = _INLINE.search(raw, cursor, end)
        if match is None:
            builder.keep(raw, cursor, end)
            break
        builder.keep(raw, cursor, match.start())
        kind = match.lastgroup
        if kind == "image":
            builder.keep(raw, match.start("alt"), match.end("alt"))
        elif kind == "link":
            href = match.group("href").strip("<>")
            _inline(
                raw, match.start("ltext"), match.end("ltext"), builder, links, pending_ref_links
            )
            links.append(
                Link(href, match.group("ltext"), Span(match.start("ltext"), match.end("ltext")))
            )
        elif kind == "ref":
            _inline(
                raw, match.start("rtext"), match.end("rtext"), builder, links, pending_ref_links
            )
            span = Span(match.start("rtext"), match.end("rtext"))
            pending_ref_links.append((match.group("rtext"), match.group("rid"), span))
        elif kind == "auto":
            builder.keep(raw, match.start("aurl"), match.end("aurl"))
            links.append(
                Link(
                    match.group("aurl"),
                    match.group("aurl"),
                    Span(match.start("aurl"), match.end("aurl")),
                )
            )
        elif kind == "bare":
            builder.keep(raw, match.start(), match.end())
            links.append(Link(match.group(), match.group(), Span(match.start(), match.end())))
        elif kind == "entity":
            # CommonMark decodes entity references in text ("&ldquo;" is a quote mark); an
            # unknown name stays as written.
            builder.put(html.unescape(match.group()), match.start())
        elif kind == "escape":
            builder.keep(raw, match.start() + 1, match.end())
        elif kind == "code":
            ticks = match.group()
            close = raw.find(ticks, match.end(), end)
            if close < 0:
                builder.keep(raw, match.start(), match.end())
            else:
                builder.keep(raw, match.end(), close)
                cursor = close + len(ticks)
                continue
        elif kind in ("comment", "footnote"):
            pass  # a footnote marker "[^1]" is not part of the sentence it follows
        cursor = match.end()
    # An HTML comment opened on this line and not closed swallows the lines up to its end.
    return comment_left_open


def opens_comment(raw: str, start: int, end: int) -> bool:
    """True if ``raw[start:end]`` opens an HTML comment that it does not close."""
    opened = raw.rfind("<!--", start, end)
    return opened >= 0 and raw.find("-->", opened, end) < 0
