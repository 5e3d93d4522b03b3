"""Word-level diffs between a quote and a source passage, and which differences are benign."""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.model import DiffOp
from factcheck.text import Tokens

__all__ = ["FILLERS", "benign_only", "word_diff"]

# Spoken fillers a reporter may drop without changing what was said.
FILLERS = frozenset({"uh", "um", "er", "erm", "ah", "uhm", "hmm", "mm"})


def word_diff(
    ops: Sequence[tuple[str, int, int, int, int]],
    quote: Tokens,
    quote_text: str,
    source: Tokens,
    source_text: str,
    offset: int,
) -> list[DiffOp]:
    """DiffOps from Indel opcodes (quote -> source tokens starting at ``offset``).

    Neighbouring deletions and insertions become one ``replace``; words are shown as written.
    """

    def q(a: int, b: int) -> str:
        return quote_text[quote.starts[a] : quote.ends[b - 1]] if b > a else ""

    def s(a: int, b: int) -> str:
        a, b = a + offset, b + offset
        return source_text[source.starts[a] : source.ends[b - 1]] if b > a else ""

    out: list[DiffOp] = []
    for tag, qa, qb, sa, sb in ops:
        if tag == "equal":
            out.append(DiffOp("equal", q(qa, qb), s(sa, sb)))
        elif tag == "insert":  # Indel: words of the source missing from the quote
            _merge(out, DiffOp("delete", "", s(sa, sb)))
        elif tag == "delete":  # words of the quote missing from the source
            _merge(out, DiffOp("insert", q(qa, qb), ""))
        else:
            out.append(DiffOp("replace", q(qa, qb), s(sa, sb)))
    return out


def _merge(out: list[DiffOp], op: DiffOp) -> None:
    if out and out[-1].op in ("delete", "insert", "replace") and out[-1].op != op.op:
        last = out[-1]
        out[-1] = DiffOp(
            "replace",
            " ".join(x for x in (last.quote, op.quote) if x),
            " ".join(x for x in (last.source, op.source) if x),
        )
    else:
        out.append(op)


def _squash(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def benign_only(diff: Sequence[DiffOp]) -> tuple[bool, list[str]]:
    """Whether every difference is one a faithful quote may have, and which kinds.

    Benign: the same letters split differently (``long-term`` / ``long-\\nterm``, ``every
    day``/``everyday``), a dropped spoken filler (``uh``), or a dropped immediate repetition
    (``the, the`` quoted as ``the``).

    >>> benign_only([DiffOp("equal", "the", "the"), DiffOp("delete", "", "the"),
    ...              DiffOp("equal", "economy", "economy")])
    (True, ['disfluency'])

    A dropped word that is not a repetition is not benign:
    ``benign_only([DiffOp("equal", "is", "is"), DiffOp("delete", "", "not")])[0]`` is False.
    """
    kinds: list[str] = []
    for i, op in enumerate(diff):
        if op.op == "equal":
            continue
        if op.op == "replace" and _squash(op.quote) == _squash(op.source):
            kinds.append("spelling")
            continue
        if op.op == "delete":
            words = [_squash(w) for w in op.source.split()]
            if words and all(w in FILLERS for w in words):
                kinds.append("filler")
                continue
            prev = diff[i - 1].source.split() if i > 0 else []
            nxt = diff[i + 1].source.split() if i + 1 < len(diff) else []
            near = [_squash(w) for w in prev[-len(words) :]] if prev else []
            after = [_squash(w) for w in nxt[: len(words)]] if nxt else []
            if words and (words in (near, after)) and len(words) <= 2:
                kinds.append("disfluency")
                continue
        return False, []
    return True, kinds
