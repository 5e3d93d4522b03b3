"""The verdict on a quote: where its words are, who said them, and how faithfully."""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.match.align import Alignment, SourceIndex, index_for
from factcheck.match.diff import benign_only, word_diff
from factcheck.match.ellipsis import (
    Gap,
    Piece,
    has_brackets,
    is_negation,
    judge_gap,
    split_quote,
)
from factcheck.match.speakers import name_parts, same_person
from factcheck.model import DiffOp, Evidence, Source, Span, Verdict
from factcheck.text import Tokens, tokenize

__all__ = ["ALTERED_MIN_SIMILARITY", "judge_quote"]

# Below this word similarity a passage is not "the same words, altered" but something else.
# Fabricated quotes on the same topic reach ~0.6; one changed word in eight stays above 0.85.
ALTERED_MIN_SIMILARITY = 0.72
# A splice's parts must each be found this well.
SPLICE_PART_SIMILARITY = 0.85
SPLICE_MIN_WORDS = 4
# Longer "quotes" (pasted paragraphs) are not searched for splice points: the search is
# quadratic in the quote's length.
SPLICE_MAX_WORDS = 200


@dataclass
class Hit:
    """One way the quote's words were found in a source."""

    index: SourceIndex
    parts: list[tuple[int, int]]  # token ranges in the source, in quote order
    kind: str  # exact | ellipsis | fuzzy | splice | apart
    score: float  # 0..100
    turn: int
    speaker: str | None
    label: str | None
    diff: list[DiffOp] = field(default_factory=list)
    problem: str = ""  # why the words are not faithful (unfair ellipsis, splice...)
    benign: list[str] = field(default_factory=list)
    fair: bool = True
    other: Hit | None = None  # a splice's second part (possibly in another source)


def _speaker_of(index: SourceIndex, token: int) -> tuple[int, str | None, str | None]:
    turn = index.turn_index(token)
    if turn < 0:
        return -1, (index.source.author if not index.turns else None), None
    t = index.turns[turn]
    return turn, t.speaker, t.label


def _said_by(hit: Hit, speaker: str | None) -> bool:
    """Whether ``speaker`` can be the person who said the hit's words."""
    if speaker is None:
        return True
    if not hit.index.turns:
        # No turns: the whole source is its author's (or nobody says who speaks).
        author = hit.index.source.author
        return author is None or same_person(speaker, author)
    return same_person(speaker, hit.speaker) or same_person(speaker, hit.label)


def _exact_chains(
    index: SourceIndex, pieces: list[Piece], gaps: list[Gap], quote: str
) -> list[Hit]:
    """Every way the pieces occur exactly, in order, within one turn."""
    first = _find_piece(index, pieces[0], quote)
    if not first:
        return []
    later: list[list[tuple[int, int, tuple[str, ...]]]] = []
    for piece in pieces[1:]:
        found = _find_piece(index, piece, quote, limit=5000)
        if not found:
            return []
        later.append(sorted(found))
    hits: list[Hit] = []
    for start, end, benign in first[:100]:
        parts = [(start, end)]
        kinds = list(benign)
        turn, speaker, label = _speaker_of(index, start)
        ok = True
        for gap, options in zip(gaps, later, strict=True):
            prev_end = parts[-1][1]
            i = bisect_left(options, (prev_end, prev_end, ()))
            if i >= len(options):
                ok = False
                break
            nxt = options[i]
            if gap.kind == "bracket" and nxt[0] - prev_end > 12:
                ok = False
                break
            if index.turns and index.utterance_of(nxt[0]) != index.utterance_of(start):
                ok = False
                break
            parts.append((nxt[0], nxt[1]))
            kinds.extend(nxt[2])
        if not ok:
            continue
        kind = "exact" if len(parts) == 1 else "ellipsis"
        hit = Hit(index, parts, kind, 100.0, turn, speaker, label, benign=kinds)
        if kinds:
            hit.score = 98.0
        for (_a_start, a_end), (b_start, _b_end), gap in zip(
            parts[:-1], parts[1:], gaps, strict=True
        ):
            tokens = index.tokens
            verdict = judge_gap(index.source.text, tokens.keys, tokens.ends[a_end - 1],
                                tokens.starts[b_start], (a_end, b_start), tokens.starts,
                                tokens.ends, gap.kind)  # fmt: skip
            if not verdict.fair:
                hit.fair = False
                hit.problem = verdict.reason
                hit.score = 60.0
                break
        if hit.fair and kind == "ellipsis":
            hit.score = 97.0
        hits.append(hit)
    return hits


def _find_piece(index: SourceIndex, piece: Piece, quote: str,
                limit: int = 200) -> list[tuple[int, int, tuple[str, ...]]]:  # fmt: skip
    """Where a piece occurs: exactly, else with only benign differences (``on- line`` for
    ``on-\nline``, a dropped ``uh``) in a close alignment. Token ranges of the source."""
    n = len(piece.words)
    none: tuple[str, ...] = ()
    found = [(p, p + n, none) for p in index.find_exact(piece.words, limit=limit)]
    if found or n < 3:
        return found
    for hit in _fuzzy(index, piece.words, piece.tokens, quote):
        if hit.kind == "exact":
            found.append((hit.parts[0][0], hit.parts[0][1], tuple(hit.benign)))
    return found


def _joined(pieces: list[Piece], quote: str) -> tuple[list[str], Tokens]:
    words: list[str] = []
    tokens = Tokens()
    for piece in pieces:
        words.extend(piece.words)
        tokens.keys.extend(piece.tokens.keys)
        tokens.starts.extend(piece.tokens.starts)
        tokens.ends.extend(piece.tokens.ends)
    return words, tokens


# Fuzzy results within one judgement (pieces and the whole quote ask the same question).
# Per thread, so concurrent judgements never share results.
_LOCAL = threading.local()


def _memo() -> dict[tuple[int, tuple[str, ...], int], list[Hit]]:
    memo: dict[tuple[int, tuple[str, ...], int], list[Hit]] | None = getattr(_LOCAL, "memo", None)
    if memo is None:
        memo = {}
        _LOCAL.memo = memo
    return memo


def _fuzzy(index: SourceIndex, words: list[str], qtokens: Tokens, quote: str) -> list[Hit]:
    key = (id(index), tuple(words), qtokens.starts[0] if qtokens.starts else 0)
    memo = _memo().get(key)
    if memo is not None:
        return memo
    hits = _fuzzy_search(index, words, qtokens, quote)
    _memo()[key] = hits
    return hits


def _fuzzy_search(index: SourceIndex, words: list[str], qtokens: Tokens, quote: str) -> list[Hit]:
    hits: list[Hit] = []
    seen: set[tuple[int, int]] = set()
    for diagonal in index.seeds(words):
        aligned = index.align(words, diagonal, slack=max(8, len(words) // 3))
        if aligned is None or (aligned.start, aligned.end) in seen:
            continue
        seen.add((aligned.start, aligned.end))
        hits.append(_fuzzy_hit(index, aligned, qtokens, quote))
    return hits


def _fuzzy_hit(index: SourceIndex, aligned: Alignment, qtokens: Tokens, quote: str) -> Hit:
    turn, speaker, label = _speaker_of(index, _middle_equal(aligned))
    diff = word_diff(aligned.ops, qtokens, quote, index.tokens, index.source.text, aligned.start)
    hit = Hit(index, [(aligned.start, aligned.end)], "fuzzy", aligned.similarity * 100, turn,
              speaker, label, diff)  # fmt: skip
    benign, kinds = benign_only(diff)
    if benign:
        hit.kind = "exact"
        hit.benign = kinds
        hit.score = 98.0
    return hit


def _middle_equal(aligned: Alignment) -> int:
    """A matched source token in the middle of the alignment: its turn is the speaker's."""
    matched = [aligned.start + sa + k for tag, _qa, _qb, sa, sb in aligned.ops if tag == "equal"
               for k in range(sb - sa)]  # fmt: skip
    return matched[len(matched) // 2] if matched else aligned.start


def _sentence_breaks(qtokens: Tokens, quote: str) -> list[int]:
    """Token positions where a new sentence (or clause after ``;``/``:``) starts in the quote."""
    return [k for k in range(1, len(qtokens.keys))
            if re.search(r"[.?!;:]", quote[qtokens.ends[k - 1] : qtokens.starts[k]])]  # fmt: skip


def _splice(indexes: Sequence[SourceIndex], words: list[str], qtokens: Tokens, quote: str,
            speaker: str | None, points: Sequence[int] | None = None) -> Hit | None:  # fmt: skip
    """A quote made of two passages that exist, but not together, joined without a mark.

    "We will act. Prices will fall." is a splice when both sentences were said but in
    different places; the same words in one place, or one dropped word between two runs
    ("We will act now" for "We will act right now"), are not.
    """
    n = len(words)
    if n < 2 * SPLICE_MIN_WORDS or n > SPLICE_MAX_WORDS:
        return None
    breaks = _sentence_breaks(qtokens, quote)
    others = [k for k in range(SPLICE_MIN_WORDS, n - SPLICE_MIN_WORDS + 1) if k not in breaks]
    if points is not None:
        # Only where a close alignment already says the quote stops matching.
        breaks = [k for k in breaks if any(abs(k - p) <= 2 for p in points)]
        others = [k for k in others if any(abs(k - p) <= 2 for p in points)]
    for k in [*breaks, *others]:
        if k < 2 or n - k < 2:
            continue
        found = _parts_found(indexes, words[:k], words[k:], speaker)
        if found:
            return found
    # Parts that are themselves slightly altered: only at sentence breaks.
    for k in breaks:
        if k < SPLICE_MIN_WORDS or n - k < SPLICE_MIN_WORDS:
            continue
        firsts = [
            h for i in indexes if (h := _best_mine(i, words[:k], qtokens, quote, speaker, 0, k))
        ]
        if not firsts:
            continue
        seconds = [
            h for i in indexes if (h := _best_mine(i, words[k:], qtokens, quote, speaker, k, n))
        ]
        for first in firsts:
            for second in seconds:
                if _apart_hits(first, second):
                    return _splice_hit(first, second)
    return None


def _best_mine(index: SourceIndex, words: list[str], qtokens: Tokens, quote: str,
               speaker: str | None, lo: int, hi: int) -> Hit | None:  # fmt: skip
    part = Tokens(qtokens.keys[lo:hi], qtokens.starts[lo:hi], qtokens.ends[lo:hi])
    hits = [h for h in _fuzzy(index, words, part, quote)
            if h.score >= SPLICE_PART_SIMILARITY * 100 and _said_by(h, speaker)]  # fmt: skip
    return max(hits, key=lambda h: h.score) if hits else None


def _apart_hits(a: Hit, b: Hit) -> bool:
    return a.index is not b.index or _apart(a.parts[0], b.parts[0])


def _apart(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two source ranges that are not one passage (a few dropped words apart, at most)."""
    return b[0] - a[1] > 8 or b[1] <= a[0]


def _parts_found(indexes: Sequence[SourceIndex], first: list[str], second: list[str],
                 speaker: str | None) -> Hit | None:  # fmt: skip
    a_hits = [_exact_hit(i, p, len(first)) for i in indexes for p in i.find_exact(first, limit=20)]
    a_hits = [h for h in a_hits if _said_by(h, speaker)]
    if not a_hits:
        return None
    b_hits = [
        _exact_hit(i, p, len(second)) for i in indexes for p in i.find_exact(second, limit=20)
    ]
    for a in a_hits:
        for b in b_hits:
            if _said_by(b, speaker) and _apart_hits(a, b):
                return _splice_hit(a, b)
    return None


def _exact_hit(index: SourceIndex, start: int, length: int) -> Hit:
    turn, speaker, label = _speaker_of(index, start)
    return Hit(index, [(start, start + length)], "exact", 100.0, turn, speaker, label)


def _unmatched_edges(hit: Hit | None, n: int) -> list[int]:
    """Quote word positions where a leading or trailing run of unmatched words (4+) ends."""
    if hit is None or not hit.diff:
        return []
    points = []
    first, last = hit.diff[0], hit.diff[-1]
    if first.op == "insert" and len(tokenize(first.quote)) >= SPLICE_MIN_WORDS:
        points.append(len(tokenize(first.quote)))
    if last.op == "insert" and len(tokenize(last.quote)) >= SPLICE_MIN_WORDS:
        points.append(n - len(tokenize(last.quote)))
    return points


def _splice_hit(first: Hit, second: Hit) -> Hit:
    return Hit(first.index, [first.parts[0]], "splice", min(first.score, second.score) * 0.8,
               first.turn, first.speaker, first.label,
               problem="the quote joins two separate passages without an ellipsis",
               other=second)  # fmt: skip


def _evidence(hit: Hit, flags: Sequence[str] = ()) -> list[Evidence]:
    index = hit.index
    source = index.source
    out: list[Evidence] = []
    groups = [hit.parts] if hit.kind in ("exact", "ellipsis", "fuzzy") else [[p] for p in hit.parts]
    for group in groups:
        span = index.char_span(group[0][0], group[-1][1])
        _turn, speaker, _label = _speaker_of(index, group[0][0])
        out.append(
            Evidence(
                source_id=source.id,
                text=span.slice(source.text),
                span=span,
                speaker=speaker,
                score=hit.score,
                location=source.location(span),
                diff=list(hit.diff) if hit.kind in ("fuzzy", "splice") else [],
                in_main_text=_in_main(source, span),
                flags=list(flags),
            )
        )
    if hit.other is not None:
        out.extend(_evidence(hit.other))
    return out


def _in_main(source: Source, span: Span) -> bool:
    if source.main_text is None:
        return True
    return any(m.start <= span.start and span.end <= m.end for m in source.main_text)


def context_flags(hit: Hit) -> list[str]:
    """Context a reporter should know about a verified quote.

    ``question``: the passage is a question. ``quoting_someone``: the words stand inside
    quotation marks in the source (the speaker quotes someone else). ``negated_context``: a
    negation just before the words ("I never said that we will raise rates").

    For ``He said: "we will act."`` a quote of ``we will act`` is flagged ``quoting_someone``;
    for ``We will act.`` nothing is flagged.
    """
    index = hit.index
    text = index.source.text
    start_tok, end_tok = hit.parts[0][0], hit.parts[-1][1]
    span = index.char_span(start_tok, end_tok)
    flags: list[str] = []
    tail = re.search(r"[.?!]", text[span.end - 1 : span.end + 300])
    if tail and tail.group() == "?":
        flags.append("question")
    head = text[max(0, span.start - 300) : span.start]
    sentence_start = max(head.rfind(". "), head.rfind("? "), head.rfind("! "), head.rfind("\n\n"))
    before = head[sentence_start + 1 :] if sentence_start >= 0 else head
    marks = len(re.findall(r"[\"“”]|``|''", before))
    if marks % 2 == 1:
        flags.append("quoting_someone")
    keys = index.tokens.keys
    window = keys[max(0, start_tok - 4) : start_tok]
    if any(is_negation(w) for w in window) and not re.search(r"[.?!;]", before[-40:]):
        flags.append("negated_context")
    return flags


def judge_quote(text: str, speaker: str | None, sources: Sequence[Source]) -> Verdict:
    """The verdict on a bare quote attributed to ``speaker``."""
    _memo().clear()
    try:
        return _judge_quote(text, speaker, sources)
    finally:
        _memo().clear()


def _judge_quote(text: str, speaker: str | None, sources: Sequence[Source]) -> Verdict:
    pieces, gaps = split_quote(text)
    if not pieces:
        return Verdict("not_found", 0.0, "The quote has no words to look for.")
    usable = [s for s in sources if s.ok]
    if not usable:
        return _unverifiable(sources)
    indexes = [index_for(source) for source in usable]
    role_only = ""
    if speaker and not name_parts(speaker).surname and not _role_in_sources(speaker, indexes):
        # "the President", "a spokesman": a role names nobody in particular here.
        role_only = f" '{speaker}' names a role, not a person, so only the words were checked."
        speaker = None
    hits: list[Hit] = []
    if has_brackets(text):
        # Square brackets may be the source's own ("the [oil] price"): try them as words first.
        literal, literal_gaps = split_quote(text, literal_brackets=True)
        for index in indexes:
            hits.extend(h for h in _exact_chains(index, literal, literal_gaps, text) if h.fair)
        hits = [h for h in hits if _said_by(h, speaker)]
    words, qtokens = _joined(pieces, text)
    fuzzy: list[Hit] = []
    for index in indexes:
        hits.extend(_exact_chains(index, pieces, gaps, text))
        if not any(h.fair and _said_by(h, speaker) for h in hits):
            fuzzy.extend(_fuzzy(index, words, qtokens, text))
    verdict = _decide(text, speaker, pieces, words, qtokens, hits, fuzzy, sources, indexes)
    if role_only:
        verdict.reason = (
            verdict.reason.replace(
                " The quote names no speaker, so only the words were checked.", ""
            )
            + role_only
        )
        verdict.flags.append("speaker_unchecked")
    return verdict


def _role_in_sources(role: str, indexes: Sequence[SourceIndex]) -> bool:
    """Whether a transcript labels someone by this role ("The PRESIDING OFFICER")."""
    return any(
        same_person(role, turn.speaker) or same_person(role, turn.label)
        for index in indexes
        for turn in index.turns[:2000]
    )


def _who(hit: Hit) -> str:
    if hit.speaker:
        return hit.speaker
    return "nobody named (text outside any speaker's turn)"


def _decide(text: str, speaker: str | None, pieces: list[Piece], words: list[str],
            qtokens: Tokens, exact: list[Hit], fuzzy: list[Hit],
            sources: Sequence[Source], indexes: Sequence[SourceIndex]) -> Verdict:  # fmt: skip
    failed = [s for s in sources if not s.ok]
    # Only a verdict that rests on absence is weakened by a source we could not read.
    unread = ", ".join(Path(s.path or s.url or s.id).name for s in failed[:3])
    more = f" and {len(failed) - 3} more" if len(failed) > 3 else ""
    note = (
        f" {'A source' if len(failed) == 1 else 'Some sources'} could not be read "
        f"({unread}{more}), so the quote may be there."
        if failed
        else ""
    )
    unchecked = "" if speaker else " The quote names no speaker, so only the words were checked."
    mine = [h for h in exact if _said_by(h, speaker)]
    fair_mine = [h for h in mine if h.fair]
    benign_mine = [h for h in fuzzy if h.kind == "exact" and _said_by(h, speaker)]
    if fair_mine or benign_mine:
        best = max([*fair_mine, *benign_mine], key=lambda h: h.score)
        flags = context_flags(best)
        how = {"exact": "word for word", "ellipsis": "with a fair ellipsis"}.get(best.kind, "")
        if best.benign:
            kinds = sorted(set(best.benign))
            how = "word for word apart from " + ", ".join(
                {"disfluency": "a dropped repetition", "filler": "a dropped filler word",
                 "spelling": "word splitting"}.get(k, k) for k in kinds
            )  # fmt: skip
            # Editors may still want to see a cleaned-up quote.
            flags = [*flags, *(f"{k}_removed" for k in kinds if k != "spelling")]
        who = f", said by {best.speaker}" if best.speaker else " in the source"
        reason = f"The quote appears {how}{who}.{unchecked}".replace("  ", " ")
        if flags:
            reason += " Note: " + ", ".join(f.replace("_", " ") for f in flags) + "."
        return Verdict("verified", best.score, reason, _evidence(best, flags), flags=flags)
    others = [h for h in exact if h.fair and not _said_by(h, speaker)]
    if others:
        best = others[0]
        named = [h for h in others if h.speaker]
        best = named[0] if named else best
        names = sorted({h.speaker for h in named if h.speaker})
        if names:
            reason = f"These words were said by {' and '.join(names)}, not {speaker}."
        else:
            reason = (
                f"These words are in the source but not in a turn of {speaker}: they are "
                f"quoted material, narration or a clerk's line."
            )
        return Verdict("misattributed", 95.0, reason, _evidence(best))
    if mine:
        best = mine[0]
        reason = f"Each part of the quote appears, but {best.problem}."
        return Verdict("altered", best.score, reason,
                       _evidence(best), flags=["unfair_ellipsis"])  # fmt: skip
    if len(pieces) > 1:
        apart = _pieces_apart(pieces, indexes, speaker)
        if apart is not None:
            return apart
    mine_fuzzy = sorted((h for h in fuzzy if _said_by(h, speaker)), key=lambda h: -h.score)
    other_fuzzy = sorted((h for h in fuzzy if not _said_by(h, speaker)), key=lambda h: -h.score)
    best_mine = mine_fuzzy[0] if mine_fuzzy else None
    splice = None
    if len(pieces) == 1 or has_brackets(text):
        literal = split_quote(text, literal_brackets=True)[0] if len(pieces) > 1 else pieces
        close = best_mine is not None and best_mine.score >= ALTERED_MIN_SIMILARITY * 100
        # A close alignment is altered anyway; look for a splice only where its unmatched
        # words run to the quote's start or end. Otherwise try every split point.
        points = _unmatched_edges(best_mine, len(literal[0].words)) if close else None
        if len(literal) == 1 and (points is None or points):
            splice = _splice(indexes, literal[0].words, literal[0].tokens, text, speaker, points)
    if splice is not None:
        return Verdict("altered", splice.score, "The quote joins two separate passages "
                       f"by {_who(splice)} without an ellipsis.", _evidence(splice),
                       flags=["splice"])  # fmt: skip
    if best_mine is not None and best_mine.score >= ALTERED_MIN_SIMILARITY * 100:
        changed = _describe(best_mine.diff)
        reason = f"A close passage by {_who(best_mine)} differs: {changed}.{unchecked}"
        reason = reason.replace("by nobody named", "in the source,")
        return Verdict("altered", best_mine.score, reason,
                       _evidence(best_mine))  # fmt: skip
    if (
        other_fuzzy
        and other_fuzzy[0].score >= 90
        and (best_mine is None or best_mine.score < other_fuzzy[0].score - 10)
    ):
        best = other_fuzzy[0]
        reason = f"Nearly these words were said by {_who(best)}, not {speaker}."
        return Verdict("misattributed", best.score, reason, _evidence(best))
    everything = sorted(fuzzy, key=lambda h: -h.score)
    score = everything[0].score if everything else 0.0
    evidence = _closest_sentences(everything[0], len(words)) if everything else []
    reason = "Nothing close to the quote was found in the sources" + (
        f" (the closest sentence is {score:.0f}% similar)" if evidence else ""
    )
    return Verdict("not_found", min(score, 60.0), reason + f".{note}", evidence)


# A not_found quote shows its closest passage only if the alignment shares at least this many
# words, and at least half of the quote's words, with it.
CLOSEST_MIN_WORDS = 4


def _closest_sentences(hit: Hit, quote_words: int) -> list[Evidence]:
    """The whole sentence(s) of one turn nearest a quote that was not found, without a diff.

    A word diff would present a chance overlap as an alteration: "We will [-begin-]{+never
    negotiate+} with" for an invented quote. So a not_found verdict shows the sentence only when
    it is genuinely close (e.g. 7 of 9 words shared), and nothing for a 3-word overlap.
    """
    from factcheck.match.paraphrase import is_content_word
    from factcheck.match.passages import evidence_span, sentences

    shared = [k for op in hit.diff if op.op == "equal" for k in tokenize(op.quote).keys]
    if len(shared) < max(CLOSEST_MIN_WORDS, (quote_words + 1) // 2) or hit.score < 50:
        return []
    # "So that's how I would ..." shares only function words: not close in any useful sense.
    if sum(1 for k in shared if is_content_word(k)) < 2:
        return []
    index = hit.index
    start, end = hit.parts[0][0], hit.parts[-1][1]
    turn = index.turn_index(start)
    around = [s for s in sentences(index) if s.start < end and start < s.end and s.turn == turn]
    if not around or len(around) > 3:
        return []
    span = evidence_span(index, around[0].start, around[-1].end)
    source = index.source
    return [
        Evidence(source_id=source.id, text=span.slice(source.text), span=span,
                 speaker=hit.speaker, score=hit.score, location=source.location(span),
                 in_main_text=_in_main(source, span), flags=["closest_passage"])
    ]  # fmt: skip


def _pieces_apart(pieces: list[Piece], indexes: Sequence[SourceIndex],
                  speaker: str | None) -> Verdict | None:  # fmt: skip
    """Every piece of an ellipsis quote exists, but not together in one turn."""
    found: list[Hit] = []
    for piece in pieces:
        hit = None
        for index in indexes:
            for start in index.find_exact(piece.words):
                turn, spk, lab = _speaker_of(index, start)
                candidate = Hit(index, [(start, start + len(piece.words))], "exact", 100.0, turn,
                                spk, lab)  # fmt: skip
                if _said_by(candidate, speaker):
                    hit = candidate
                    break
            if hit:
                break
        if hit is None:
            return None
        found.append(hit)
    evidence = [e for h in found for e in _evidence(h)]
    who = _who(found[0])
    return Verdict("altered", 70.0, f"Each part of the quote was said by {who}, but the ellipsis "
                   "joins passages that are not together in the source.", evidence,
                   flags=["unfair_ellipsis"])  # fmt: skip


def _describe(diff: Sequence[DiffOp]) -> str:
    changes: list[str] = []
    for op in diff:
        if op.op == "replace":
            changes.append(f"'{op.source}' became '{op.quote}'")
        elif op.op == "delete":
            changes.append(f"'{op.source}' was left out")
        elif op.op == "insert":
            changes.append(f"'{op.quote}' was added")
    if len(changes) > 3:
        return "; ".join(changes[:3]) + f" and {len(changes) - 3} more change(s)"
    return "; ".join(changes) or "the words differ"


def _unverifiable(sources: Sequence[Source]) -> Verdict:
    if not sources:
        return Verdict("unverifiable", 0.0, "No source was given or linked for this quote.")
    errors = "; ".join(f"{s.url or s.path or s.id}: {s.error or 'unreadable'}" for s in sources)
    return Verdict("unverifiable", 0.0, f"No source could be read ({errors}).")
