"""Text normalisation that keeps an offset map, and word tokens that point at real characters.

Matching compares normalised words, but evidence must point at the source's own characters:
every normalised character remembers the index of the original character it came from, and
every token carries the original ``[start, end)`` span.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

__all__ = ["Normalized", "Tokens", "fold_char", "normalize", "tokenize"]

# Typographic variants folded to one ASCII form: quotes, apostrophes, dashes, odd spaces.
_FOLD: dict[str, str] = {
    **dict.fromkeys("‘’‚‛′`´ʼ", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−⁃", "-"),
    **dict.fromkeys("\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000", " "),
    "\u00ad": "",  # soft hyphen: invisible, only a line-break hint
    "\u200b": "",
    "\ufeff": "",
    "…": "...",
}

_SPACE_RUN = re.compile(r"\s+")


def fold_char(ch: str) -> str:
    """One character as the matcher sees it: NFKC, typographic folding, case folded.

    >>> fold_char("ﬁ"), fold_char("’"), fold_char("—"), fold_char("É")
    ('fi', "'", '-', 'é')

    A plain ASCII letter is only lower-cased: ``fold_char("Q") == "q"`` (never ``"Q"``).
    """
    if ch in _FOLD:
        return _FOLD[ch]
    if ch.isascii():
        return ch.lower()
    out = unicodedata.normalize("NFKC", ch)
    return "".join(_FOLD.get(c, c) for c in out).casefold()


@dataclass
class Normalized:
    """Normalised text and, for each of its characters, the index in the original text.

    ``offsets`` has ``len(text) + 1`` entries; the last maps the end of the text.
    """

    text: str
    offsets: list[int]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original ``[start, end)`` of the normalised ``[start, end)``."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize(text: str) -> Normalized:
    """NFKC, quotes and dashes folded, case folded, whitespace collapsed, with an offset map.

    >>> n = normalize("“Don’t”  ﬁx\\nit")
    >>> n.text
    '"don\\'t" fix it'
    >>> n.offsets[8], n.offsets[9]   # both letters of the ligature map to its one character
    (9, 9)

    Whitespace is collapsed to one space, never removed: ``"a  b"`` becomes ``"a b"``, not
    ``"ab"``.
    """
    out: list[str] = []
    offsets: list[int] = []
    prev_space = True  # drop leading whitespace
    for i, ch in enumerate(text):
        folded = fold_char(ch)
        if not folded:
            continue
        if folded.isspace():
            if prev_space:
                continue
            out.append(" ")
            offsets.append(i)
            prev_space = True
            continue
        prev_space = False
        for c in folded:
            out.append(c)
            offsets.append(i)
    if out and out[-1] == " ":
        out.pop()
        offsets.pop()
    end = offsets[-1] + 1 if offsets else 0
    offsets.append(end)
    return Normalized("".join(out), offsets)


# A word: letters/digits, with inner apostrophes ("don't", "o'grady"). Hyphens, periods and
# commas separate words, so "month-old" and "408,000" tokenise the same on both sides.
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
# Transcript furniture that is never speech (matched on case-folded text): GPO page markers
# that fall mid-sentence, and stage directions.
_FURNITURE = re.compile(
    r"\[\[page [^\]\n]{1,20}\]\]"
    # Stage directions in transcripts: "(Laughter)", "(Applause.)", "(inaudible)".
    r"|\((?:laughter|laughs|applause|inaudible|unintelligible|crosstalk|pause|cheers|"
    r"booing|interruption|off[- ]mic|background noise|sighs|silence)\.?\)",
)
# A line-end hyphen inside a word broken across lines ("infor-\nmation").
_BROKEN = re.compile(r"-[ \t]*\r?\n[ \t]*$")


@dataclass
class Tokens:
    """Word keys (normalised) and their ``[start, end)`` spans in the original text."""

    keys: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.keys)


# One character for one character: folding with these keeps every offset where it was.
_FOLD_SAME_LENGTH = {ord(k): v for k, v in _FOLD.items() if len(v) == 1}
_FOLD_SAME_LENGTH[ord("`")] = "'"


def _fold_text(text: str) -> tuple[str, list[int] | None]:
    """Fold a whole text; ``None`` offsets mean the identity map (nothing changed length)."""
    if text.isascii():
        return text.lower().replace("`", "'"), None
    # Fast path (C speed): typography folded one-for-one, text already NFKC, lower-casing
    # keeps the length. Only texts with ligatures, soft hyphens and the like go char by char.
    folded = text.translate(_FOLD_SAME_LENGTH)
    if unicodedata.is_normalized("NFKC", folded):
        lowered = folded.lower()
        if len(lowered) == len(text):
            return lowered, None
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        folded = fold_char(ch)
        for c in folded:
            out.append(c)
            offsets.append(i)
    offsets.append(len(text))
    return "".join(out), offsets


def tokenize(text: str) -> Tokens:
    """The words of ``text`` with their original spans.

    Page markers (``[[Page S8515]]``) are skipped, and a word hyphenated across a line break
    becomes one token when the text uses the joined word elsewhere. A hyphen within a line
    separates words: ``"long-term"`` gives ``["long", "term"]``, not ``["longterm"]``.
    """
    folded, offsets = _fold_text(text)
    skip = [(m.start(), m.end()) for m in _FURNITURE.finditer(folded)]
    tokens = Tokens()
    keys, starts, ends = tokens.keys, tokens.starts, tokens.ends
    skip_i = 0
    prev_end = -1
    broken: list[int] = []  # tokens that continue a word hyphenated at a line end
    for m in _WORD.finditer(folded):
        s, e = m.start(), m.end()
        if skip:
            while skip_i < len(skip) and skip[skip_i][1] <= s:
                skip_i += 1
            if skip_i < len(skip) and skip[skip_i][0] <= s < skip[skip_i][1]:
                continue
        key = m.group()
        if (
            keys
            and key[0].isalpha()
            and key[0].islower()
            and keys[-1][-1:].isalpha()
            and _BROKEN.match(folded, prev_end, s)
        ):
            broken.append(len(keys))
        keys.append(key)
        if offsets is None:
            starts.append(s)
            ends.append(e)
        else:
            starts.append(offsets[s])
            ends.append(offsets[e - 1] + 1)
        prev_end = e
    if broken:
        _repair_hyphenation(tokens, broken)
    return tokens


def _repair_hyphenation(tokens: Tokens, broken: list[int]) -> None:
    """Join "infor-\nmation" into one word when the text uses "information" elsewhere.

    A compound that merely falls at a line end ("long-\nterm") stays two words unless the
    joined form occurs in the text too.
    """
    vocabulary = set(tokens.keys)
    drop: set[int] = set()
    for i in broken:
        joined = tokens.keys[i - 1] + tokens.keys[i]
        if i - 1 not in drop and joined in vocabulary:
            tokens.keys[i - 1] = joined
            tokens.ends[i - 1] = tokens.ends[i]
            drop.add(i)
    if drop:
        keep = [i for i in range(len(tokens.keys)) if i not in drop]
        tokens.keys[:] = [tokens.keys[i] for i in keep]
        tokens.starts[:] = [tokens.starts[i] for i in keep]
        tokens.ends[:] = [tokens.ends[i] for i in keep]
