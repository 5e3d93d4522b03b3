"""Turn attributions found on the plain-text view into ``Claim`` objects with raw spans."""

from __future__ import annotations

from factcheck.claims.extract import Attribution
from factcheck.claims.quotes import ALL_MARKS
from factcheck.model import Claim, ClaimKind, Cue, Document, Span, Speaker

_MARKS = ALL_MARKS | {"`"}
_TRIM_END = " \t\r\n,;:.—–-"
_TRIM_START = " \t\r\n,;:—–-"


def _trim(text: str, start: int, end: int, keep_final: bool = False) -> tuple[int, int]:
    """Shrink a span past whitespace and edge punctuation (a final ?/! is part of a quote).

    >>> _trim(" that taxes rise. ", 0, 18)
    (6, 16)
    >>> _trim("Why?", 0, 4, keep_final=True)
    (0, 4)
    """
    while start < end and text[start] in _TRIM_START:
        start += 1
    while end > start and text[end - 1] in _TRIM_END:
        end -= 1
    if not keep_final and text[start : start + 5].lower() == "that " and end - start > 5:
        start += 5
    return start, end


def _pieces(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Split a content stretch at its quotation marks.

    Returns (word pieces without marks, quoted pieces). A mark is a quote mark character that
    is not an apostrophe inside a word.
    """
    from factcheck.claims.quotes import _is_apostrophe

    pieces: list[tuple[int, int]] = []
    quoted: list[tuple[int, int]] = []
    inside = False
    s = start
    for i in range(start, end):
        ch = text[i]
        if ch in _MARKS and not (ch in "’'" and _is_apostrophe(text, i)):
            if i > s:
                pieces.append((s, i))
                if inside:
                    quoted.append((s, i))
            # a mark opens when what follows is not space; closes otherwise
            nxt = text[i + 1] if i + 1 < end else " "
            prev = text[i - 1] if i > start else " "
            if inside:
                inside = False
            elif not nxt.isspace() and (prev.isspace() or i == start or prev in "([—–-/"):
                inside = True
            s = i + 1
    if end > s:
        pieces.append((s, end))
        if inside:
            quoted.append((s, end))
    return pieces, quoted


def _raw_pieces(doc: Document, start: int, end: int) -> list[Span]:
    """Raw spans for a view span, split where markup sits between the words, so that each
    raw span slices the file to words alone ("Ada **Novak** said" -> "Ada ", "Novak", ...).

    >>> d = Document(raw="the *big* tax", text="the big tax", offsets=[0, 1, 2, 3, 5, 6, 7, 9, 10,
    ...              11, 12, 13])
    >>> [s.slice(d.raw) for s in _raw_pieces(d, 0, 11)]
    ['the', 'big', 'tax']
    >>> d = Document(raw="at\\nthis", text="at this", offsets=list(range(8)))
    >>> [s.slice(d.raw) for s in _raw_pieces(d, 0, 7)]
    ['at\\nthis']
    """
    if doc.offsets is None:
        return [Span(start, end)]
    offsets = doc.offsets
    pieces: list[Span] = []
    run = start

    def same(i: int) -> bool:
        # A soft line break reads as a space: the raw newline is not markup to split at.
        view, raw = doc.text[i], doc.raw[offsets[i]]
        return raw == view or (raw.isspace() and view.isspace())

    for i in range(start + 1, end + 1):
        if i == end or offsets[i] != offsets[i - 1] + 1 or not same(i):
            whole = doc.raw_span(Span(run, i))  # ends past a decoded entity, not at its "&"
            a, b = whole.start, whole.end
            while a < b and doc.raw[a].isspace():
                a += 1
            while b > a and doc.raw[b - 1].isspace():
                b -= 1
            if b > a:
                pieces.append(Span(a, b))
            run = i
    return pieces or [doc.raw_span(Span(start, end))]


def to_claim(doc: Document, number: int, found: Attribution) -> Claim | None:
    """One ``Claim`` (raw spans, location) for one attribution, or None if nothing is left."""
    text = doc.text
    spans: list[tuple[int, int]] = []
    quoted: list[tuple[int, int]] = []
    for s, e in found.content:
        pieces, q = _pieces(text, s, e)
        for a, b in pieces:
            a, b = _trim(text, a, b, keep_final=(a, b) in q)
            if b > a and any(ch.isalnum() for ch in text[a:b]):
                spans.append((a, b))
        for a, b in q:
            a, b = _trim(text, a, b, keep_final=True)
            if b > a:
                quoted.append((a, b))
    if not spans:
        return None
    kind: ClaimKind
    if quoted and set(quoted) >= set(spans):
        kind = "quote"
    elif quoted:
        kind = "partial_quote"
    else:
        kind = "paraphrase"
    words = " ".join(text[a:b] for a, b in spans)
    quoted_text = None
    if kind == "quote":
        quoted_text = " ".join(text[a:b] for a, b in quoted)
    elif kind == "partial_quote":
        quoted_text = " ... ".join(text[a:b] for a, b in quoted)
    raw_spans = [piece for a, b in spans for piece in _raw_pieces(doc, a, b)]
    sentence = doc.raw_span(Span(*found.sentence))
    speaker = None
    if found.source is not None and not found.vague:
        m = found.source
        raw = doc.raw_span(Span(m.start, m.end))
        speaker = Speaker(
            text=doc.raw[raw.start : raw.end] if doc.offsets is None else m.text,
            name=m.name,
            span=raw,
            resolved_from=m.resolved_from,  # type: ignore[arg-type]
        )
    cue = None
    if found.cue is not None:
        raw_cue = doc.raw_span(Span(*found.cue))
        cue = Cue(text=text[found.cue[0] : found.cue[1]], span=raw_cue)
    first = raw_spans[0]
    last = raw_spans[-1]
    location = doc.location(Span(first.start, max(first.start, last.end)))
    return Claim(
        id=f"C{number}",
        kind=kind,
        text=words,
        content_spans=raw_spans,
        sentence=sentence,
        speaker=speaker,
        cue=cue,
        location=location,
        vague=found.vague,
        quoted_text=quoted_text,
    )
