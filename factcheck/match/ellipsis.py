"""Ellipses and brackets in quotes, and whether an elision is fair.

A quote is split at ``...``/``…``/``[...]`` into pieces that must occur in order within one
speaker turn; ``[bracketed]`` editorial words stand for a few source words. What an ellipsis
hides decides whether it is fair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.text import Tokens, tokenize

__all__ = ["NEGATIONS", "Gap", "Piece", "has_brackets", "is_negation", "judge_gap", "split_quote"]


def _words(text: str) -> list[str]:
    return text.split()


NEGATIONS = frozenset(_words("not no never nothing nobody none neither nor cannot without nowhere"))
QUALIFIERS = frozenset(
    _words(
        """only just very most least almost nearly some few all every always sometimes often
    rarely seldom hardly barely probably possibly perhaps maybe likely unlikely if unless
    except although though but however partly mostly largely slightly somewhat more less
    fewer"""
    )
)  # fmt: skip
NUMBER_WORDS = frozenset(
    _words(
        """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred thousand million billion trillion percent half quarter twice
    double triple dozen"""
    )
)  # fmt: skip

# "...", "…", ". . .", "[...]", "[…]" all mark an elision.
_ELLIPSIS = re.compile(r"\[\s*(?:\.\s*){3}\]|\[\s*…\s*\]|(?:\.\s*){3,}|…")
_BRACKET = re.compile(r"\[[^\[\]]{1,60}\]")
# A bracketed insertion stands for at most this many source words ("[he]" for "the man who").
BRACKET_MAX_WORDS = 6
# Whole sentences elided: at most this many, and this many words.
MAX_SENTENCES_ELIDED = 2
MAX_WORDS_ELIDED = 90
# Within one sentence an elision longer than this joins things that were not together.
MAX_CLAUSE_WORDS = 40


@dataclass
class Piece:
    """A run of quoted words that must occur contiguously in the source."""

    words: list[str]
    tokens: Tokens  # spans index the quote text


@dataclass
class Gap:
    """What stands between two pieces in the quote: ``"ellipsis"`` or ``"bracket"``."""

    kind: str


def is_negation(word: str) -> bool:
    """``not``, ``never``, ``don't``... but not ``note`` or ``nothingness``.

    >>> is_negation("wasn't"), is_negation("never"), is_negation("note")
    (True, True, False)
    """
    return word in NEGATIONS or word.endswith("n't")


def has_brackets(quote: str) -> bool:
    """Whether the quote has ``[editorial]`` words (not just a ``[...]`` elision)."""
    return any(not _ELLIPSIS.fullmatch(m.group()) for m in _BRACKET.finditer(quote))


def split_quote(quote: str, *, literal_brackets: bool = False) -> tuple[list[Piece], list[Gap]]:
    """The quote's pieces and the gaps between them.

    >>> pieces, gaps = split_quote("We will act ... and [the Fed] is ready")
    >>> [p.words for p in pieces], [g.kind for g in gaps]
    ([['we', 'will', 'act'], ['and'], ['is', 'ready']], ['ellipsis', 'bracket'])

    A period ending a sentence is not an ellipsis: ``split_quote("Yes. No.")`` gives one piece.
    """
    marks: list[tuple[int, int, str]] = []
    for m in _ELLIPSIS.finditer(quote):
        marks.append((m.start(), m.end(), "ellipsis"))
    for m in _BRACKET.finditer(quote) if not literal_brackets else ():
        if not any(a <= m.start() < b for a, b, _ in marks):
            marks.append((m.start(), m.end(), "bracket"))
    marks.sort()
    pieces: list[Piece] = []
    gaps: list[Gap] = []
    cursor = 0
    pending: str | None = None
    for start, end, kind in [*marks, (len(quote), len(quote), "end")]:
        tokens = tokenize(quote[cursor:start])
        if tokens.keys:
            shifted = Tokens(
                tokens.keys,
                [s + cursor for s in tokens.starts],
                [e + cursor for e in tokens.ends],
            )
            if pieces and pending is not None:
                gaps.append(Gap(pending))
            pieces.append(Piece(tokens.keys, shifted))
            pending = None
        if kind != "end" and pieces:
            # Two marks in a row: an ellipsis dominates a bracket.
            pending = "ellipsis" if "ellipsis" in (pending, kind) else kind
        cursor = end
    return pieces, gaps


@dataclass
class GapVerdict:
    fair: bool
    reason: str = ""


def judge_gap(source_text: str, words: list[str], before_end: int, after_start: int,
              elided: tuple[int, int], token_starts: list[int], token_ends: list[int],
              kind: str) -> GapVerdict:  # fmt: skip
    """Is eliding source tokens ``elided`` (between two quoted pieces) fair?

    ``before_end`` and ``after_start`` are the character positions where the quoted pieces
    around the gap end and start. Rules:

    * a bracket stands for at most a few words, none of them a negation;
    * an ellipsis never hides a negation ("I do ... want" for "I do not want");
    * dropping whole sentences is fair if few (a middle sentence of the same answer);
    * within a sentence it must not hide a number or a qualifier ("most", "only", "if"),
      nor join parts of different sentences.

    >>> text = "We will, as planned, act. It is not easy. We are ready."
    >>> from factcheck.text import tokenize
    >>> t = tokenize(text)
    >>> judge_gap(text, t.keys, t.ends[1], t.starts[4], (2, 4), t.starts, t.ends, "ellipsis").fair
    True
    >>> judge_gap(text, t.keys, t.ends[4], t.starts[9], (5, 9), t.starts, t.ends, "ellipsis").fair
    False
    """
    lo, hi = elided
    hidden = words[lo:hi]
    negation = next((w for w in hidden if is_negation(w)), None)
    if kind == "bracket":
        if negation:
            return GapVerdict(False, f"the bracketed words replace a negation ('{negation}')")
        if len(hidden) > BRACKET_MAX_WORDS:
            return GapVerdict(False, "the bracketed words stand for a long passage")
        return GapVerdict(True)
    if not hidden:
        return GapVerdict(True)
    if negation:
        return GapVerdict(False, f"the ellipsis hides a negation ('{negation}')")
    lead = source_text[before_end : token_starts[lo]]
    trail = source_text[token_ends[hi - 1] : after_start]
    inner = source_text[token_starts[lo] : token_ends[hi - 1]]
    ends_before = bool(re.search(r"[.?!]|\n\s*\n", lead))
    ends_after = bool(re.search(r"[.?!]|\n\s*\n", trail))
    inner_ends = len(re.findall(r"[.?!](?=\s)", inner))
    if ends_before and ends_after:
        sentences = inner_ends + 1
        if sentences > MAX_SENTENCES_ELIDED or len(hidden) > MAX_WORDS_ELIDED:
            return GapVerdict(False, f"the ellipsis joins passages {sentences} sentences apart")
        return GapVerdict(True)
    if inner_ends:
        return GapVerdict(False, "the ellipsis joins parts of different sentences")
    # Within one sentence, or the end of one sentence / the start of the next: a clause.
    number = next((w for w in hidden if w[0].isdigit() or w in NUMBER_WORDS), None)
    if number:
        return GapVerdict(False, f"the ellipsis hides a number ('{number}')")
    qualifier = next((w for w in hidden if w in QUALIFIERS), None)
    if qualifier:
        return GapVerdict(False, f"the ellipsis hides a qualifier ('{qualifier}')")
    if len(hidden) > MAX_CLAUSE_WORDS:
        return GapVerdict(False, "the ellipsis joins words far apart")
    return GapVerdict(True)
