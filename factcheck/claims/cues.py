"""Cue detection: which tokens of a sentence mark speech ("said", "according to", "labeling")."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.claims.lexicon import utterance_nouns, verb_forms, word_set
from factcheck.claims.sentences import Token

# After these a cue word is a noun: "the report", "his claims", "a call".
_NOUN_MARKERS = word_set("noun_markers")
# A weak cue ("think", "found", "wants") needs a clause after it.
_CLAUSE_OPENERS = word_set("clause_openers")
# Verbs whose first object is the listener: "told reporters that ...", "warned Kyiv that ...".
LISTENER_VERBS = word_set("listener_verbs")
# Verbs that also stand after their speaker at a sentence end: '"...," said Smith.'
INVERTIBLE = word_set("invertible")


@dataclass(frozen=True)
class CueMatch:
    """Tokens ``first..last`` (inclusive) of a sentence form a cue with this lemma."""

    first: int
    last: int
    lemma: str
    kind: str  # verb | according | noun


def find_cues(tokens: list[Token], quoted: list[bool]) -> list[CueMatch]:
    """Cue candidates outside quotes, in order.

    >>> from factcheck.claims.sentences import tokenize
    >>> t = "Putin, according to aides, said the report was a hoax."
    >>> toks = tokenize(t, 0, len(t))
    >>> [(c.lemma, c.kind) for c in find_cues(toks, [False] * len(toks))]
    [('according to', 'according'), ('say', 'verb')]
    >>> t = "She found the keys and read the report."  # weak cues without a clause
    >>> toks = tokenize(t, 0, len(t))
    >>> find_cues(toks, [False] * len(toks))
    []
    """
    forms = verb_forms()
    nouns = utterance_nouns()
    out: list[CueMatch] = []
    n = len(tokens)
    i = 0
    while i < n:
        if quoted[i]:
            i += 1
            continue
        low = tokens[i].lower
        nxt = tokens[i + 1].lower if i + 1 < n else ""
        if low == "according" and nxt == "to":
            out.append(CueMatch(i, i + 1, "according to", "according"))
            i += 2
            continue
        entries = forms.get(low)
        if entries and not (i > 0 and tokens[i - 1].lower in _NOUN_MARKERS):
            for entry in entries:
                last = i
                if entry.particle is not None:
                    if nxt != entry.particle:
                        continue
                    last = i + 1
                if entry.weak:
                    after = tokens[last + 1].lower if last + 1 < n else ""
                    if after not in _CLAUSE_OPENERS:
                        continue
                out.append(CueMatch(i, last, entry.lemma, "verb"))
                i = last
                break
        elif (
            low in nouns and nxt == "that" and i > 0 and tokens[i - 1].lower.endswith(("’s", "'s"))
        ):
            out.append(CueMatch(i, i, low, "noun"))
        i += 1
    return out
