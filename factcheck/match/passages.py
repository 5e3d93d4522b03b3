"""Sentences of a source, each inside one speaker's turn: the passages evidence is made of.

An editor checking a verdict wants to read what the speaker said, not a window of forty words
that runs from a reporter's question into the answer. So evidence is built from whole
sentences, and a sentence never crosses a turn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.match.align import SourceIndex
from factcheck.model import Span

__all__ = ["Sentence", "evidence_span", "is_sentence_break", "sentences"]

# A "sentence" longer than this (Congressional Record run-ons, transcripts without
# punctuation) is cut at a semicolon or colon, else every MAX_WORDS words.
MAX_WORDS = 60

# Words after which a period does not end a sentence ("Mr. Powell", "U.S. policy").
_ABBREVIATIONS = frozenset(
    str.split(
        "mr mrs ms dr st jr sr vs etc gen gov sen rep prof hon lt col sgt capt messrs no inc co "
        "corp jan feb mar apr jun jul aug sep sept oct nov dec"
    )
)
# An end mark followed by a space (closing quotes and brackets allowed between): "1.8" and
# "U.S." are not sentence ends.
_END = re.compile(r"[.?!][\"'”’»)\]]*\s")
_CLOSERS = re.compile(r"[.?!\"'”’»)\]]*")


@dataclass(frozen=True)
class Sentence:
    """Tokens ``[start, end)`` of one sentence of a source's index, inside turn ``turn``
    (-1: text outside every turn)."""

    start: int
    end: int
    turn: int


def is_sentence_break(previous_word: str, gap: str, next_word_start: str) -> bool:
    """Whether the source characters ``gap`` between two words end a sentence.

    >>> is_sentence_break("objectives", ". ", "F")
    True
    >>> is_sentence_break("mr", ". ", "P")  # "Mr. President" goes on
    False

    A blank line (a new paragraph) always ends one; a period before a lower-case word does
    not (``"approx. ten"``), nor one inside a number (``"1.8"``: no space after it); a question
    mark does.
    """
    if "\n\n" in gap or "\r\n\r\n" in gap:
        return True
    mark = _END.search(gap)
    if mark is None:
        return False
    if mark.group()[0] in "?!":
        return True
    if previous_word in _ABBREVIATIONS or (len(previous_word) == 1 and previous_word.isalpha()):
        return False
    return next_word_start[:1].isupper() or next_word_start[:1].isdigit()


_CACHE: dict[int, tuple[SourceIndex, list[Sentence]]] = {}


def sentences(index: SourceIndex) -> list[Sentence]:
    """The source's sentences in order (cached per index)."""
    cached = _CACHE.get(id(index))
    if cached is not None and cached[0] is index:
        return cached[1]
    found = _split(index)
    if len(_CACHE) > 64:
        _CACHE.clear()
    _CACHE[id(index)] = (index, found)
    return found


def _split(index: SourceIndex) -> list[Sentence]:
    tokens = index.tokens
    text = index.source.text
    n = len(tokens)
    out: list[Sentence] = []
    if n == 0:
        return out
    turns = [index.turn_index(i) for i in range(n)] if index.turns else [-1] * n
    start = 0
    soft = -1  # last position after a ';' or ':' in the current sentence
    for k in range(1, n + 1):
        if k < n:
            gap = text[tokens.ends[k - 1] : tokens.starts[k]]
            nxt = text[tokens.starts[k] : tokens.starts[k] + 1]
            boundary = turns[k] != turns[k - 1] or is_sentence_break(tokens.keys[k - 1], gap, nxt)
            if not boundary and (";" in gap or ":" in gap):
                soft = k
        else:
            boundary = True
        if not boundary and k - start >= MAX_WORDS:
            cut = soft if soft > start + 5 else k
            out.append(Sentence(start, cut, turns[start]))
            start, soft = cut, -1
            continue
        if boundary:
            out.append(Sentence(start, k, turns[start]))
            start, soft = k, -1
    return out


def evidence_span(index: SourceIndex, start: int, end: int) -> Span:
    """The characters of tokens ``[start, end)`` with the sentence's closing punctuation.

    ``...its stated objectives.`` keeps its period; the span never reaches the next word.
    """
    span = index.char_span(start, end)
    text = index.source.text
    limit = index.tokens.starts[end] if end < len(index.tokens) else len(text)
    closers = _CLOSERS.match(text, span.end, limit)
    return Span(span.start, closers.end() if closers else span.end)
