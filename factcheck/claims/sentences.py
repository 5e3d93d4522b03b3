"""Paragraphs, sentences and word tokens, all as spans of the plain text.

A sentence never ends inside a quote: ``Smith said: "A. B."`` is one unit, so the quote stays
with its attribution.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from factcheck.claims.lexicon import word_set
from factcheck.claims.quotes import Quote

_TOKEN = re.compile(r"``|''|--|\w+(?:[’'\-.&]\w+)*(?:[’']s\b)?|\S")
_BOUNDARY = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s+(?:''|``|[\"“‘'«(\[])?[A-Z0-9])")
# Words after which a period does not end a sentence.
ABBREVIATIONS = word_set("abbreviations")


class Token:
    """A word or punctuation mark; ``start``/``end`` index the text.

    A slotted class rather than a dataclass: documents have thousands of tokens and
    building them is the extractor's hottest loop.
    """

    __slots__ = ("end", "lower", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.lower = text.lower()

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and (self.text, self.start) == (other.text, other.start)

    def __hash__(self) -> int:
        return hash((self.text, self.start))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines, as (start, end) without the line break.

    >>> paragraphs("One.\\r\\n\\nTwo")
    [(0, 4), (7, 10)]
    """
    out: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
        start = end + 1
    return out


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]`` with absolute offsets.

    >>> [t.text for t in tokenize("Zelenskyy’s U.S. plan -- “no.”", 0, 30)]
    ['Zelenskyy’s', 'U.S', '.', 'plan', '--', '“', 'no', '.', '”']
    """
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def _inside_quote(index: int, quote_starts: list[int], quotes: list[Quote]) -> bool:
    k = bisect_right(quote_starts, index) - 1
    return k >= 0 and quotes[k].open_at < index < quotes[k].outer_end - 1


_AFTER_CUE = frozenset(
    [
        "on",
        "in",
        "at",
        "during",
        "to",
        "from",
        "via",
        "after",
        "before",
        "last",
        "this",
        "earlier",
        "later",
        "reporters",
        # circumstance after the cue: '“Why?” Ruiz asks as a waiter walks by', '“No.” Lee
        # said of the plan', '“Fine.” Lee said while leaving'
        "as",
        "of",
        "while",
        "with",
        "outside",
        "inside",
        "afterward",
    ]
)
_WORD = re.compile(r"[\w’'-]+")


def _attribution_follows(text: str, start: int, end: int) -> bool:
    """'“Why?” Biden said.': a quote ending in ?/!/. is not a sentence when a cue follows.

    >>> _attribution_follows("“Why?” Biden said.", 6, 18)
    True
    >>> _attribution_follows("“Why?” The sky fell.", 6, 20)
    False
    >>> _attribution_follows("“Go.” He added: “Now.”", 5, 22)
    False
    >>> _attribution_follows("“No.” He said Clinton lied.", 5, 27)
    False
    >>> _attribution_follows("“No.” He added, “Never.”", 5, 24)
    False
    >>> _attribution_follows("“Why?” Lee asks as a waiter walks by.", 6, 37)
    True
    """
    from factcheck.claims.lexicon import verb_forms, word_set

    forms = verb_forms()
    for k, m in enumerate(_WORD.finditer(text, start, min(end, start + 80))):
        if k >= 6:
            break
        if m.group().lower() in forms:
            # '“Why?” Biden said.' / '... said Biden' / 'he told CNN' - but not
            # '"Go." Jones said taxes rise.', a new sentence with its own content
            after = _WORD.search(text, m.end(), min(end, m.end() + 40))
            between = text[m.end() : after.start()] if after else text[m.end() : end]
            if ":" in between or ("," in between and any(q in between for q in '"“«')):
                return False  # '... “Go.” He added: “Now.”': the cue opens the next quote
            if any(ch in ".,;!?" for ch in between):
                return True
            if after is None:
                return False
            word = after.group().lower()
            if word in _AFTER_CUE or word in word_set("date_words"):
                return True  # '“Go.” Biden said Tuesday.'
            # '... said Biden' (the speaker after the cue), but not '“No.” He said Clinton
            # lied': with a subject before the cue, a capital after it starts new content
            return after.group()[0].isupper() and k == 0
        if text[m.end() : m.end() + 1] in (".", "!", "?", ";", ":"):
            break
    return False


_SENTENCE_OPENERS = frozenset(
    ["he", "she", "they", "it", "we", "i", "the", "but", "and", "his", "her", "their", "that"]
)


def _clock_then_sentence(text: str, word: str, at: int, end: int) -> bool:
    """After "a.m." or "p.m." a pronoun or "The" opens a new sentence.

    >>> _clock_then_sentence("at 7 p.m. He says it works.", "p.m", 9, 27)
    True
    >>> _clock_then_sentence("at 7 p.m. Eastern time.", "p.m", 9, 23)
    False
    """
    if word not in ("a.m", "p.m"):
        return False
    nxt = _WORD.search(text, at, min(end, at + 20))
    return nxt is not None and nxt.group()[0].isupper() and nxt.group().lower() in _SENTENCE_OPENERS


def split_sentences(
    text: str, paragraph: tuple[int, int], quotes: list[Quote]
) -> list[tuple[int, int]]:
    """Sentence spans in one paragraph; never split inside a quote or after an abbreviation.

    >>> t = 'Mr. Smith said: "Go. Now." He left. Then Dr. J. Jones spoke.'
    >>> [t[s:e] for s, e in split_sentences(t, (0, len(t)), [])][0]
    'Mr. Smith said: "Go.'
    >>> from factcheck.claims.quotes import find_quotes
    >>> [t[s:e] for s, e in split_sentences(t, (0, len(t)), find_quotes(t, [(0, len(t))]))]
    ['Mr. Smith said: "Go. Now."', 'He left.', 'Then Dr. J. Jones spoke.']
    """
    p_start, p_end = paragraph
    starts = [q.open_at for q in quotes]
    out: list[tuple[int, int]] = []
    s = p_start
    for m in _BOUNDARY.finditer(text, p_start, p_end):
        end = m.end()
        dot = m.start()
        if text[dot] == ".":
            w = dot
            while w > p_start and (text[w - 1].isalnum() or text[w - 1] == "."):
                w -= 1
            word = text[w:dot].lower()
            initial = len(word) == 1 and word.isalpha() and m.group() == "."
            if (word in ABBREVIATIONS or initial) and not _clock_then_sentence(
                text, word, m.end(), p_end
            ):
                continue
        if _inside_quote(end - 1, starts, quotes):
            continue
        if text[end - 1] in "\"”’'»" and _attribution_follows(text, end, p_end):
            continue
        out.append((s, end))
        s = end
        while s < p_end and text[s].isspace():
            s += 1
    if s < p_end:
        out.append((s, p_end))
    return out
