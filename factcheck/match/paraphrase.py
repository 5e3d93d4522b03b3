"""Reported speech: does a passage by the claimed speaker carry the reported content?

Content matching, not word matching: the claim's content words (no stop words, no speech
verbs), lightly stemmed and weighted by how rare they are in the source, are looked up in
windows of the source; a window by the claimed speaker that holds most of the weight supports
the claim. The score is the share of the claim's content weight found, so it is honest about
partial overlap.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.match.align import SourceIndex, index_for
from factcheck.match.ellipsis import is_negation
from factcheck.match.speakers import name_parts, same_person
from factcheck.model import Evidence, Source, Verdict
from factcheck.text import tokenize

__all__ = ["SUPPORTED_MIN", "content_words", "judge_paraphrase", "stem"]

SUPPORTED_MIN = 0.6
WINDOW = 40  # words: about two sentences
STEP = 10

_STOP = frozenset(
    str.split(
        "a an the and or but if of to in on at by for with from as is are was were be been being "
        "it its this that these those there here he she they we you i me him her them us our your "
        "their his my mine do does did has have had will would shall should can could may might "
        "must so than then too very just also about into over under again more most some such "
        "what which who whom whose when where why how all any each both few other own same only "
        "up down out off once because while until said says say saying told tell tells according "
        "claimed claims argued argues stated states added adds noted notes insisted explained "
        "called calls described describes believes believed thinks thought suggested suggests "
        "warned warns"
    )
)


def stem(word: str) -> str:
    """A crude stem so "raising", "raised" and "raises" meet.

    >>> stem("raising"), stem("raised"), stem("rates")
    ('rais', 'rais', 'rate')

    Short words are left alone: ``stem("is")`` is ``"is"`` (not ``"i"``).
    """
    for suffix in ("ingly", "edly", "ing", "ed", "es", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_words(text: str, speaker: str | None = None) -> list[str]:
    """The stems that carry a claim's content (stop words, speech verbs and the speaker's own
    name removed)."""
    names = set()
    if speaker:
        parts = name_parts(speaker)
        names = {*parts.given, parts.surname}
    out = []
    for key in tokenize(text).keys:
        if key in _STOP or key in names or (len(key) < 3 and not key.isdigit()):
            continue
        out.append(stem(key))
    return list(dict.fromkeys(out))


@dataclass
class _Window:
    index: SourceIndex
    start: int
    end: int
    coverage: float
    speaker: str | None


_STEMS: dict[int, tuple[SourceIndex, dict[str, list[int]]]] = {}


def _stems(index: SourceIndex) -> dict[str, list[int]]:
    cached = _STEMS.get(id(index))
    if cached is not None and cached[0] is index:
        return cached[1]
    table: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(index.tokens.keys):
        table[stem(key)].append(i)
    if len(_STEMS) > 64:
        _STEMS.clear()
    _STEMS[id(index)] = (index, table)
    return table


def _windows(index: SourceIndex, words: list[str]) -> list[_Window]:
    table = _stems(index)
    n = max(1, len(index.tokens))
    weights = {w: math.log(1 + n / (1 + len(table.get(w, ())))) for w in words}
    total = sum(weights.values()) or 1.0
    # Windows never cross a turn: words of two speakers do not add up to one statement.
    found: dict[tuple[int, int], set[str]] = defaultdict(set)
    bounds = _turn_bounds(index)
    for w in words:
        for p in table.get(w, ()):
            turn = index.turn_index(p)
            lo = bounds[turn][0] if turn >= 0 else 0
            first = max(0, (p - lo - WINDOW) // STEP + 1)
            for b in range(first, (p - lo) // STEP + 1):
                found[(turn, lo + b * STEP)].add(w)
    scored = Counter({key: sum(weights[w] for w in ws) / total for key, ws in found.items()})
    out = []
    for (turn, start), coverage in scored.most_common(8):
        end = min(bounds[turn][1] if turn >= 0 else n, start + WINDOW)
        speaker = index.turns[turn].speaker if turn >= 0 else index.source.author
        out.append(_Window(index, start, max(end, start + 1), coverage, speaker))
    return out


def _turn_bounds(index: SourceIndex) -> list[tuple[int, int]]:
    """The token range ``[first, last + 1)`` of each turn."""
    from bisect import bisect_left

    starts = index.tokens.starts
    return [
        (bisect_left(starts, t.span.start), bisect_left(starts, t.span.end)) for t in index.turns
    ]


def judge_paraphrase(text: str, speaker: str | None, sources: Sequence[Source]) -> Verdict:
    """The verdict on reported speech: supported, misattributed or not found.

    "Powell said rates would rise" is supported by a Powell passage "we expect to raise
    rates"? Only if enough of the content (``rates``, ``rise``) is there: the overlap of
    stems, weighted by rarity, must reach ``SUPPORTED_MIN``.
    """
    usable = [s for s in sources if s.ok]
    if not usable:
        from factcheck.match.verdict import _unverifiable

        return _unverifiable(sources)
    words = content_words(text, speaker)
    if not words:
        return Verdict("not_found", 0.0, "The reported speech has no content words to look for.")
    windows = [w for s in usable for w in _windows(index_for(s), words)]
    if not windows:
        return Verdict("not_found", 0.0, "None of the reported content occurs in the sources.")
    claim_negated = any(is_negation(w) for w in tokenize(text).keys)

    wanted = set(words)

    def polarity_agrees(w: _Window) -> bool:
        # Only the stretch that carries the content (and a few words before it) counts.
        keys = w.index.tokens.keys
        hits = [i for i in range(w.start, w.end) if stem(keys[i]) in wanted]
        if not hits:
            return True
        stretch = keys[max(w.start, hits[0] - 3) : hits[-1] + 1]
        return any(is_negation(k) for k in stretch) == claim_negated

    def said(w: _Window) -> bool:
        if speaker is None:
            return True
        if not w.index.turns:
            return w.index.source.author is None or same_person(speaker, w.index.source.author)
        return same_person(speaker, w.speaker)

    mine = sorted((w for w in windows if said(w)), key=lambda w: -w.coverage)
    others = sorted((w for w in windows if not said(w)), key=lambda w: -w.coverage)
    if mine and mine[0].coverage >= SUPPORTED_MIN and polarity_agrees(mine[0]):
        best = mine[0]
        who = best.speaker or "the source"
        reason = f"A passage by {who} carries {best.coverage:.0%} of the reported content."
        return Verdict("supported", 100 * best.coverage, reason, [_evidence(best)])
    if (
        others
        and others[0].coverage >= SUPPORTED_MIN
        and (not mine or mine[0].coverage < others[0].coverage - 0.2)
        and speaker is not None
    ):
        best = others[0]
        who = best.speaker or "someone else"
        reason = f"The reported content matches what {who} said, not {speaker}."
        return Verdict("misattributed", 100 * best.coverage, reason, [_evidence(best)])
    best = (mine or others)[0]
    extra = " (and its negation differs)" if mine and not polarity_agrees(mine[0]) else ""
    reason = (
        "No passage carries enough of the reported content; "
        f"the closest has {best.coverage:.0%}{extra}."
    )
    return Verdict("not_found", 100 * best.coverage, reason, [_evidence(best)])


def _evidence(window: _Window) -> Evidence:
    index = window.index
    span = index.char_span(window.start, window.end)
    return Evidence(
        source_id=index.source.id,
        text=span.slice(index.source.text),
        span=span,
        speaker=window.speaker,
        score=100 * window.coverage,
        location=index.source.location(span),
        in_main_text=True,
    )
