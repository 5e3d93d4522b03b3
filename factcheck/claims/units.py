"""Sentence units and the token tests the attribution patterns share.

A unit is one sentence (at most ``MAX_UNIT_TOKENS`` tokens) with its tokens, which of them
are inside a quote, and the quotes that touch it.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.claims.lexicon import word_set
from factcheck.claims.quotes import ALL_MARKS, Quote
from factcheck.claims.sentences import Token

END_PUNCT = frozenset(".!?…;")
# Dashes, including the quotation dash (U+2015) that signs a quote: “...” ― Ana Ruiz
DASHES = frozenset({"—", "--", "–", "-", "―"})
FILLER_STARTS = word_set("filler_starts")
PASSIVE_AUX = frozenset(["is", "was", "were", "are", "been", "being", "be"])
BE = frozenset({"is", "was", "has", "have", "had", "been", "be", "being", "are", "were"})
FRONTED = word_set("fronted")
LEADING_CONJ = frozenset({"but", "and", "so", "yet", "still", "however", "instead", "also"})


@dataclass
class Unit:
    start: int
    end: int
    paragraph: int
    tokens: list[Token]
    quoted: list[bool]
    quotes: list[Quote]


def is_mark(token: Token) -> bool:
    return token.text in ALL_MARKS or token.text in ("``", "''")


def is_close_mark(unit: Unit, k: int) -> bool:
    t = unit.tokens[k]
    return is_mark(t) and any(q.close_end == t.end for q in unit.quotes)


def is_open_mark(unit: Unit, k: int) -> bool:
    t = unit.tokens[k]
    return is_mark(t) and any(q.open_at == t.start for q in unit.quotes)


def only_punct(tokens: list[Token], a: int, b: int) -> bool:
    return all(not t.text[0].isalnum() for t in tokens[a:b])


def tail_end(unit: Unit, p: int, free: bool = False) -> int | None:
    """Where a trailing adverbial after a postposed cue stops ("said on Tuesday in a statement").

    Returns the index of the comma that ends it, ``len(tokens)`` when it runs to the end of
    the sentence, or ``None`` when what follows is not a mere adverbial (then the cue
    introduces content instead).
    """
    toks = unit.tokens
    n = len(toks)
    if p >= n or (only_punct(toks, p, n) and not any(t.text == "," for t in toks[p:n])):
        return n
    if toks[p].text == ",":
        return p
    if toks[p].text in END_PUNCT or is_close_mark(unit, p):
        return n if only_punct(toks, p, n) else None
    low = toks[p].lower
    # After '"...," Smith told', any words up to the end are circumstance ("told reporters
    # Friday at a rally"), unless they open a clause or a quote of their own.
    if not free and not (low in FILLER_STARTS or (low.endswith("ly") and toks[p].text.islower())):
        return None
    if not free and low in ("of", "about", "as", "told"):
        return None
    for k in range(p, n if free else min(n, p + 14)):
        t = toks[k]
        if t.text == ",":
            return k
        if t.text in END_PUNCT and only_punct(toks, k, n):
            return n
        if free and is_open_mark(unit, k):
            after = _participle_after_quote(unit, k)
            if after is not None:
                return after  # '"A," Lee said on "This Week," adding "B"': B is a new claim
        if free and (is_open_mark(unit, k) or unit.quoted[k]):
            return n  # '..." Trump says in the spot titled "Tough".'
        if free and t.text == ":" and k + 1 < n and is_open_mark(unit, k + 1):
            return k  # '"A," Trump said before adding: "B"': a new quote with its own cue
        if free and (t.lower == "that" or t.text == ":"):
            return n  # 'Axelrod tweeted after Clinton argued that ...': all circumstance
        if t.lower == "that" or t.text == ":" or is_open_mark(unit, k) or unit.quoted[k]:
            return None
    return n if free else None


def _participle_after_quote(unit: Unit, k: int) -> int | None:
    """For a quote opening at ``k`` inside a postposed cue's circumstance, the index just
    before an ", adding"-style participle after it (the comma, or the closing mark when the
    comma is inside the quote); ``None`` if no participle follows.

    Passing: 'Lee said on "This Week," adding ...'. Failing: 'Lee said in "The Post."'.
    """
    toks = unit.tokens
    n = len(toks)
    close = next((j for j in range(k + 1, n) if is_close_mark(unit, j)), None)
    if close is None or close + 1 >= n:
        return None
    stop = close
    nxt = close + 1
    if toks[nxt].text == ",":
        stop, nxt = nxt, nxt + 1
    elif toks[close - 1].text != ",":
        return None
    if nxt < n and toks[nxt].text.islower() and toks[nxt].lower.endswith("ing"):
        return stop
    return None


MAX_UNIT_TOKENS = 250


def chunks(tokens: list[Token]) -> list[list[Token]]:
    """A sentence longer than ``MAX_UNIT_TOKENS`` is cut (at a comma where one is near) so
    that no input, however hostile, makes the per-sentence rules slow.

    >>> from factcheck.claims.sentences import tokenize
    >>> t = "said, " * 300
    >>> [len(c) for c in chunks(tokenize(t, 0, len(t)))]
    [250, 250, 100]
    """
    if not tokens:
        return []
    out: list[list[Token]] = []
    i = 0
    while len(tokens) - i > MAX_UNIT_TOKENS:
        cut = i + MAX_UNIT_TOKENS
        for k in range(cut - 1, cut - 40, -1):
            if tokens[k].text in (",", ";"):
                cut = k + 1
                break
        out.append(tokens[i:cut])
        i = cut
    out.append(tokens[i:])
    return out


def is_passive(tokens: list[Token], k: int, lo: int) -> bool:
    """Whether the cue at ``k`` is a passive participle ("was announced", "is expected").

    >>> from factcheck.claims.sentences import tokenize
    >>> t = "The name was later announced"
    >>> is_passive(tokenize(t, 0, len(t)), 4, 0), is_passive(tokenize("He announced", 0, 12), 1, 0)
    (True, False)
    """
    if not tokens[k].lower.endswith(("ed", "wn", "en", "ld", "id", "ht")):
        return False
    j = k - 1
    while j >= lo and (
        tokens[j].lower
        in ("also", "later", "then", "not", "never", "since", "widely", "first", "already", "just")
        or (tokens[j].lower.endswith("ly") and tokens[j].text.islower())
    ):
        j -= 1
    return j >= lo and tokens[j].lower in PASSIVE_AUX


# Short words a headline leaves in lower case ("Talks with Ukraine, Citing ...").
HEADLINE_MINOR = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "over",
        "per",
        "the",
        "to",
        "up",
        "via",
        "vs",
        "with",
    ]
)


def is_headline(unit: Unit) -> bool:
    """A Title Case line with no closing stop: a headline, whose verbs are not speech.

    Passing: "Russia Dismisses Talks with Ukraine, Citing Unmet Preconditions" is skipped.
    Failing: "Russia dismissed the talks, citing unmet preconditions." is a sentence;
    "Putin Says 'No'" with a quote keeps its quote (a headline quoting someone is a claim).

    >>> from factcheck.claims.sentences import tokenize
    >>> def unit(t): return Unit(0, len(t), 0, tokenize(t, 0, len(t)), [False] * 99, [])
    >>> is_headline(unit("Russia Dismisses Talks with Ukraine, Citing Unmet Preconditions"))
    True
    >>> is_headline(unit("Russia dismissed the talks, citing unmet preconditions."))
    False
    """
    toks = unit.tokens
    if not toks or toks[-1].text in END_PUNCT or unit.quotes:
        return False
    words = [t.text for t in toks if t.text[0].isalpha()]
    if len(words) < 3:
        return False
    major = [w for w in words if w.lower() not in HEADLINE_MINOR]
    capitalised = sum(1 for w in major if w[0].isupper())
    return len(major) >= 3 and capitalised == len(major)
