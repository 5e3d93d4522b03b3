"""Finding a quote's words in a source: exact search, then seeded local alignment.

A source is tokenised once into normalised words with their real spans, and indexed by word
trigrams. Exact search looks a quote up by its rarest trigram and checks the words around each
hit. Fuzzy search seeds candidate regions from trigram hits on the same diagonal (source
position minus quote position) and aligns the quote only against those few short regions with
rapidfuzz, so a quote is never slid over a whole multi-megabyte text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz.distance import Indel

from factcheck.model import Source, Span, Turn
from factcheck.text import Tokens, tokenize

__all__ = ["Alignment", "SourceIndex", "index_for", "register_index"]

# An alignment's trigram seeds are looked up at most this often per gram: a gram that occurs
# thousands of times ("i think that") says nothing about where the quote is.
_MAX_POSTINGS = 400
# Up to this many words, a source is searched with str.find on its joined words instead of
# building trigram tables (a library passage is judged once; building costs more than finding).
_STRING_SEARCH_MAX = 3000


@dataclass
class Alignment:
    """A quote aligned to ``[start, end)`` of a source's tokens, with Indel opcodes."""

    start: int
    end: int
    ops: list[tuple[str, int, int, int, int]]
    equal: int
    similarity: float  # 2 * equal words / (quote words + source words), 0..1
    quote_len: int = 0
    covered: list[tuple[int, int]] = field(default_factory=list)  # quote ranges matched


class SourceIndex:
    """A source's tokens, their turns, and a trigram index over them."""

    def __init__(self, source: Source, tokens: Tokens | None = None) -> None:
        self.source = source
        self.tokens: Tokens = tokens if tokens is not None else _speech_tokens(source)
        self._grams: dict[tuple[str, str, str], list[int]] | None = None
        self._unigrams: dict[str, list[int]] | None = None
        self._joined: str | None = None
        self._char_to_token: list[int] = []
        self.turns: list[Turn] = list(source.turns)
        self._turn_starts = [t.span.start for t in self.turns]
        # Segments of one labelled turn (cut around a quoted letter or a heading) are one
        # utterance: an ellipsis may join them.
        self.utterance: list[int] = []
        for i, turn in enumerate(self.turns):
            prev = self.turns[i - 1] if i else None
            same = prev is not None and prev.label_span == turn.label_span and turn.label_span
            self.utterance.append(self.utterance[-1] if same else i)

    def __len__(self) -> int:
        return len(self.tokens)

    # The trigram and word tables are built on first use: an exact quote in a small passage
    # is found by one string search, without them.
    @property
    def grams(self) -> dict[tuple[str, str, str], list[int]]:
        if self._grams is None:
            keys = self.tokens.keys
            grams: dict[tuple[str, str, str], list[int]] = {}
            for i, gram in enumerate(zip(keys, keys[1:], keys[2:], strict=False)):
                hits = grams.get(gram)
                if hits is None:
                    grams[gram] = [i]
                else:
                    hits.append(i)
            self._grams = grams
        return self._grams

    @property
    def unigrams(self) -> dict[str, list[int]]:
        if self._unigrams is None:
            table: dict[str, list[int]] = {}
            for i, key in enumerate(self.tokens.keys):
                table.setdefault(key, []).append(i)
            self._unigrams = table
        return self._unigrams

    def _gram_hits(self, gram: tuple[str, ...]) -> list[int] | None:
        """Positions of a word n-gram: from the table, or by string search in a small text."""
        if self._grams is None and len(self.tokens) <= _STRING_SEARCH_MAX:
            return self._find_by_string(gram, _MAX_POSTINGS + 1) or None
        if len(gram) == 3:
            return self.grams.get((gram[0], gram[1], gram[2]))
        return self.unigrams.get(gram[0])

    def _find_by_string(self, words: Sequence[str], limit: int) -> list[int]:
        """Exact search in the words joined by spaces (C-speed ``str.find``)."""
        if self._joined is None:
            self._joined = " " + " ".join(self.tokens.keys) + " "
            starts = [0] * len(self._joined)
            pos = 1
            for i, key in enumerate(self.tokens.keys):
                starts[pos] = i
                pos += len(key) + 1
            self._char_to_token = starts
        needle = " " + " ".join(words) + " "
        found: list[int] = []
        at = self._joined.find(needle)
        while at >= 0 and len(found) < limit:
            found.append(self._char_to_token[at + 1])
            at = self._joined.find(needle, at + 1)
        return found

    def turn_index(self, token: int) -> int:
        """Index of the turn holding token ``token``, or -1 (outside every turn)."""
        if not self.turns or token >= len(self.tokens):
            return -1
        pos = self.tokens.starts[token]
        i = bisect_right(self._turn_starts, pos) - 1
        if i >= 0 and pos < self.turns[i].span.end:
            return i
        return -1

    def utterance_of(self, token: int) -> int:
        """The labelled turn (all its segments) holding ``token``, or -1."""
        turn = self.turn_index(token)
        return self.utterance[turn] if turn >= 0 else -1

    def char_span(self, start: int, end: int) -> Span:
        """The source characters of tokens ``[start, end)``."""
        if end <= start:
            pos = self.tokens.starts[start] if start < len(self.tokens) else len(self.source.text)
            return Span(pos, pos)
        return Span(self.tokens.starts[start], self.tokens.ends[end - 1])

    def find_exact(self, words: Sequence[str], limit: int = 200) -> list[int]:
        """Token positions where ``words`` occur in order, consecutively."""
        m = len(words)
        keys = self.tokens.keys
        if m == 0:
            return []
        if self._grams is None and len(keys) <= _STRING_SEARCH_MAX:
            return self._find_by_string(words, limit)
        if m >= 3:
            best: list[int] | None = None
            best_k = 0
            grams = self.grams
            for k in range(m - 2):
                hits = grams.get((words[k], words[k + 1], words[k + 2]))
                if not hits:
                    return []
                if best is None or len(hits) < len(best):
                    best, best_k = hits, k
            starts = [p - best_k for p in best or []]
        else:
            options = [self.unigrams.get(w, []) for w in words]
            if not all(options):
                return []
            k = min(range(m), key=lambda j: len(options[j]))
            starts = [p - k for p in options[k]]
        target = list(words)
        found = [s for s in starts if s >= 0 and keys[s : s + m] == target]
        return found[:limit]

    def seeds(self, words: Sequence[str], max_regions: int = 4) -> list[int]:
        """Likely start positions (diagonals) of a fuzzy occurrence of ``words``."""
        diagonals: Counter[int] = Counter()
        for q in range(len(words) - 2):
            hits = self._gram_hits((words[q], words[q + 1], words[q + 2]))
            if hits and len(hits) <= _MAX_POSTINGS:
                for p in hits:
                    diagonals[p - q] += 1
        if not diagonals:
            # No shared trigram: fall back on the quote's rarer words.
            for q, w in enumerate(words):
                hits = self._gram_hits((w,))
                if hits and len(hits) <= 20:
                    for p in hits:
                        diagonals[p - q] += 1
        chosen: list[int] = []
        spread = max(4, len(words) // 2)
        for diagonal, count in diagonals.most_common():
            if len(chosen) >= max_regions:
                break
            if count < 1:
                break
            if all(abs(diagonal - c) > spread for c in chosen):
                chosen.append(diagonal)
        return chosen

    def align(self, words: Sequence[str], diagonal: int, slack: int = 8) -> Alignment | None:
        """Align ``words`` locally around ``diagonal`` and trim unmatched source words."""
        n = len(self.tokens)
        lo = max(0, diagonal - slack)
        hi = min(n, diagonal + len(words) + slack)
        if hi <= lo:
            return None
        first = _align_window(words, self.tokens.keys, lo, hi)
        if first is None:
            return None
        # Common words near the region's edges ("I", "the") can pull an alignment apart:
        # re-align on windows that start or end where each edge block implies, keep the best.
        best = first
        equal = [op for op in first.ops if op[0] == "equal"]
        # The seed's own diagonal is usually right for a substitution; a window without a
        # short stray block at an edge is right when common words pulled the span apart.
        windows = {(diagonal, diagonal + len(words))}
        if equal and equal[0][2] - equal[0][1] <= 2:
            windows.update(
                (first.start + sa - qa, first.end) for _t, qa, _qb, sa, _sb in equal[1:3]
            )
        if equal and equal[-1][2] - equal[-1][1] <= 2:
            windows.update(
                (first.start, first.start + sb + len(words) - qb)
                for _t, _qa, qb, _sa, sb in equal[-3:-1]
            )
        for a, b in windows:
            a2, b2 = max(lo, a), min(hi, b)
            if (a2, b2) == (first.start, first.end) or b2 <= a2:
                continue
            other = _align_window(words, self.tokens.keys, a2, b2)
            if other is not None and other.similarity > best.similarity:
                best = other
        return best


def _align_window(words: Sequence[str], keys: list[str], lo: int, hi: int) -> Alignment | None:
    region = keys[lo:hi]
    blocks = [b for b in Indel.opcodes(list(words), region) if b.tag == "equal"]
    if not blocks:
        return None
    blocks = _drop_stray_edges(blocks)
    start = lo + blocks[0].dest_start
    end = lo + blocks[-1].dest_end
    span = keys[start:end]
    ops = [(o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end)
           for o in Indel.opcodes(list(words), span)]  # fmt: skip
    equal = sum(o[2] - o[1] for o in ops if o[0] == "equal")
    covered = [(o[1], o[2]) for o in ops if o[0] == "equal"]
    sim = 2 * equal / (len(words) + len(span)) if words or span else 0.0
    return Alignment(start, end, ops, equal, sim, len(words), covered)


def _drop_stray_edges(blocks: list[Any]) -> list[Any]:
    """Drop one- or two-word matches stranded at either end far from the rest."""
    while len(blocks) > 1:
        b0, b1 = blocks[0], blocks[1]
        size = b0.src_end - b0.src_start
        gap = b1.dest_start - b0.dest_end
        if size <= 2 and gap >= 3 and gap > (b1.src_start - b0.src_end) + 2:
            blocks = blocks[1:]
            continue
        break
    while len(blocks) > 1:
        b0, b1 = blocks[-2], blocks[-1]
        size = b1.src_end - b1.src_start
        gap = b1.dest_start - b0.dest_end
        if size <= 2 and gap >= 3 and gap > (b1.src_start - b0.src_end) + 2:
            blocks = blocks[:-1]
            continue
        break
    return blocks


def _speech_tokens(source: Source) -> Tokens:
    """The source's words minus its speaker labels (a label is not anyone's speech)."""
    tokens = tokenize(source.text)
    labels = sorted(t.label_span for t in source.turns if t.label_span is not None)
    if not labels:
        return tokens
    starts = [span.start for span in labels]
    kept = Tokens()
    for key, start, end in zip(tokens.keys, tokens.starts, tokens.ends, strict=True):
        i = bisect_right(starts, start) - 1
        if i >= 0 and start < labels[i].end:
            continue
        kept.keys.append(key)
        kept.starts.append(start)
        kept.ends.append(end)
    return kept


_CACHE: dict[tuple[str, int, int, int], SourceIndex] = {}


def register_index(source: Source, tokens: Tokens) -> SourceIndex:
    """Cache an index for ``source`` built from tokens computed earlier (the library stores
    them), so matching does not tokenise the text again."""
    index = SourceIndex(source, tokens)
    if len(_CACHE) > 256:
        _CACHE.clear()
    _CACHE[(source.id, len(source.text), hash(source.text), len(source.turns))] = index
    return index


def index_for(source: Source) -> SourceIndex:
    """The (cached) index of a source; rebuilt if the source's text changes."""
    key = (source.id, len(source.text), hash(source.text), len(source.turns))
    found = _CACHE.get(key)
    if found is None:
        if len(_CACHE) > 256:
            _CACHE.clear()
        found = SourceIndex(source)
        _CACHE[key] = found
    return found
