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


_NOUNISH = word_set("nounish_forms")
_VIEW_VERBS = word_set("view_verbs")
_OPEN_QUOTES = frozenset(["“", '"', "‘", "«", "``", "''"])
_OBJECT_OPENERS = frozenset(["to", "the", "a", "an", "his", "her", "their", "its", "our"])
_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you", "who"])
_AUX = word_set("aux_and_adverbs")
_ROLES = word_set("role_nouns")
_NOT_NAMES = word_set("not_names")


def _headline(tokens: list[Token]) -> bool:
    """Title case ("Russia Dismisses Talks"): capitalised verbs are verbs there.

    >>> from factcheck.claims.sentences import tokenize
    >>> _headline(tokenize("Russia Dismisses Talks", 0, 22)), _headline(tokenize("He left", 0, 7))
    (True, False)
    """
    words = [t for t in tokens if t.text[0].isalpha()]
    return bool(words) and sum(t.text[0].isupper() for t in words) >= 0.6 * len(words)


def _speaker_before(tokens: list[Token], i: int) -> bool:
    """Whether a cue form that is usually a noun ("states", "post") has a speaker right
    before it: a pronoun, a name or a role noun.

    >>> from factcheck.claims.sentences import tokenize
    >>> t = "Smith states that swing states vote"
    >>> toks = tokenize(t, 0, len(t))
    >>> _speaker_before(toks, 1), _speaker_before(toks, 4)
    (True, False)
    >>> t = "Ruiz, a GOP consultant, notes that"
    >>> _speaker_before(tokenize(t, 0, len(t)), 6)
    True
    """
    while i > 1 and (tokens[i - 1].lower.endswith("ly") or tokens[i - 1].lower in _AUX):
        i -= 1  # "Smith also claims", "she has repeatedly charged"
    if i == 0:
        return False
    if tokens[i - 1].text == ",":
        # "O'Brien, a GOP consultant, notes": the name before an apposition
        for j in range(i - 2, max(0, i - 12), -1):
            if tokens[j].text == ",":
                i = j
                break
        else:
            return False
        if i == 0:
            return False
    prev = tokens[i - 1]
    if prev.lower in _PRONOUNS or prev.lower in _ROLES:
        return True
    if prev.lower.endswith(("an", "ic", "ish", "ese")) and prev.lower not in ("lincoln",):
        return False  # "Republican states", "Democratic claims": an adjective, not a speaker
    return prev.text[0].isupper() and prev.lower not in _NOT_NAMES


def _person_before(tokens: list[Token], i: int) -> bool:
    """A verb of opinion right after a pronoun or a name reports a view whatever follows
    it ("Obama sees Netanyahu as ...", "she considers the deal dead").

    >>> from factcheck.claims.sentences import tokenize
    >>> t = "Obama sees Netanyahu and the plan sees delays"
    >>> toks = tokenize(t, 0, len(t))
    >>> _person_before(toks, 1), _person_before(toks, 6)
    (True, False)
    """
    while i > 1 and (tokens[i - 1].lower.endswith("ly") or tokens[i - 1].lower in _AUX):
        i -= 1
    if i == 0:
        return False
    prev = tokens[i - 1]
    if prev.lower in ("he", "she", "they", "we", "i", "you"):
        return True
    return prev.text[0].isupper() and prev.lower not in _NOT_NAMES and prev.lower not in _ROLES


@dataclass(frozen=True)
class CueMatch:
    """Tokens ``first..last`` (inclusive) of a sentence form a cue with this lemma."""

    first: int
    last: int
    lemma: str
    kind: str  # verb | according | noun
    # False for a weak verb with no clause after it: it may still close a quote
    # ('"...," it reads.') but cannot introduce content.
    clause: bool = True


_PARTICLES = frozenset(
    ["up", "out", "off", "down", "over", "away", "back", "in", "on", "to", "for", "with", "at"]
)


def _stance_object(tokens: list[Token], i: int, last: int, takes_object: bool) -> bool:
    """An object verb right after its speaker reports a stance whatever its object is: a bare
    noun or a gerund ("most voters support deportation", "Republicans oppose raising taxes").

    >>> from factcheck.claims.sentences import tokenize
    >>> t = "Most voters support deportation but the economy shows growth"
    >>> toks = tokenize(t, 0, len(t))
    >>> _stance_object(toks, 2, 2, True), _stance_object(toks, 7, 7, True)
    (True, False)
    >>> toks = tokenize("Voters show up late", 0, 19)
    >>> _stance_object(toks, 1, 1, True)
    False
    """
    if not takes_object or last + 1 >= len(tokens) or not tokens[last + 1].text.isalpha():
        return False
    if tokens[last + 1].lower in _PARTICLES:
        return False  # "the polls show up late": a phrasal verb, not a stance
    return _speaker_before(tokens, i)


_POSSESSED_NOUNS = word_set("possessed_nouns")
# "her claim that ...": an utterance noun owned by a pronoun names its speaker too.
_POSSESSIVE_PRONOUNS = frozenset(["his", "her", "their", "its", "my", "our"])
_CONTRACTED = frozenset(["he", "she", "it", "that", "there", "who", "what", "here"])


def _after_possessive(tokens: list[Token], i: int) -> bool:
    """Whether a cue form right after a possessive is an ordinary noun ("Editor's note",
    "Trump's name"). Utterance nouns stay cues ("Trump's comments", "Pence's call for"),
    and "He's predicting" is "he is", no possessive.

    >>> from factcheck.claims.sentences import tokenize
    >>> t = "Editor's note, Trump's comments, he's predicting"
    >>> toks = tokenize(t, 0, len(t))
    >>> _after_possessive(toks, 1), _after_possessive(toks, 4), _after_possessive(toks, 7)
    (True, False, False)
    """
    if i == 0 or not tokens[i - 1].lower.endswith(("’s", "'s")):
        return False
    if tokens[i - 1].lower[:-2] in _CONTRACTED:
        return False
    return tokens[i].lower in _POSSESSED_NOUNS


_STANCE_NOUNS = word_set("stance_nouns")
_STANCE_PREPOSITIONS = frozenset(["of", "on", "for", "to", "about", "against"])


def _stance_noun(tokens: list[Token], i: int) -> bool:
    """A stance noun owned by a possessive speaker, with a preposition naming its object:
    "Trump's criticism of Ford", "Pence's call for a special prosecutor".

    >>> from factcheck.claims.sentences import tokenize
    >>> t = "Trump's criticism of Ford and the criticism of Ford"
    >>> toks = tokenize(t, 0, len(t))
    >>> _stance_noun(toks, 1), _stance_noun(toks, 6)
    (True, False)
    """
    if i == 0 or i + 2 >= len(tokens) or tokens[i].lower not in _STANCE_NOUNS:
        return False
    owner = tokens[i - 1].lower
    if not owner.endswith(("’s", "'s")) or owner[:-2] in _CONTRACTED:
        return False
    return tokens[i + 1].lower in _STANCE_PREPOSITIONS


_TITLES = word_set("title_words")


def _place_title(tokens: list[Token], i: int) -> bool:
    """Whether "state(s)" at ``i`` sits between a capitalised word and a title or a relative
    word: part of a name or a noun ("Illinois state Rep. Ammons", "swing states that vote"),
    not the verb ("Smith states that ...").

    >>> from factcheck.claims.sentences import tokenize
    >>> t = "Illinois state Rep. Ammons and Smith states that it rains"
    >>> toks = tokenize(t, 0, len(t))
    >>> _place_title(toks, 1), _place_title(toks, 7)
    (True, False)
    """
    if i == 0 or i + 1 >= len(tokens) or not tokens[i - 1].text[0].isupper():
        return False
    nxt = tokens[i + 1]
    return nxt.lower.rstrip(".") in _TITLES or nxt.text in ("Senate", "House", "Assembly")


def find_cues(tokens: list[Token], quoted: list[bool]) -> list[CueMatch]:
    """Cue candidates outside quotes, in order.

    >>> from factcheck.claims.sentences import tokenize
    >>> t = "Putin, according to aides, said the report was a hoax."
    >>> toks = tokenize(t, 0, len(t))
    >>> [(c.lemma, c.kind) for c in find_cues(toks, [False] * len(toks))]
    [('according to', 'according'), ('say', 'verb')]
    >>> t = "She found the keys and read the report."  # weak cues without a clause
    >>> toks = tokenize(t, 0, len(t))
    >>> [c.clause for c in find_cues(toks, [False] * len(toks))]
    [False, False]
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
        if _stance_noun(tokens, i):
            out.append(CueMatch(i, i + 1, f"{low} {nxt}", "noun"))
            i += 2
            continue
        entries = forms.get(low)
        if entries and low in _NOUNISH and not _speaker_before(tokens, i):
            entries = None
        if entries and low in ("state", "states") and _place_title(tokens, i):
            entries = None  # "Illinois state Rep. Carol Ammons", "Rust Belt states that"
        if entries and i > 0 and tokens[i].text[0].isupper() and not _headline(tokens):
            entries = None  # "the United States", "Secretary of State"
        if entries and _after_possessive(tokens, i):
            entries = None  # "Editor's note:", "Rubio's attack is": a noun
        relative = (
            i > 0 and tokens[i - 1].lower == "that" and low.endswith(("ed", "aid", "old", "read"))
        )
        if entries and not (i > 0 and tokens[i - 1].lower in _NOUN_MARKERS and not relative):
            for entry in entries:
                last = i
                if entry.particle is not None:
                    if nxt != entry.particle:
                        continue
                    last = i + 1
                clause = True
                if entry.weak:
                    after = tokens[last + 1].lower if last + 1 < n else ""
                    after = after.split("’")[0].split("'")[0]  # "she's", "they’re"
                    after2 = tokens[last + 2].text if last + 2 < n else ""
                    clause = (
                        after in _CLAUSE_OPENERS
                        or after in _OPEN_QUOTES
                        or (after in (":", ",") and after2 in _OPEN_QUOTES)  # continued: "..."
                        or (after == ":" and last + 2 == n)  # the quote is the next paragraph
                        or (
                            entry.lemma in _VIEW_VERBS
                            and last + 1 < n
                            and after.isalpha()
                            and (_person_before(tokens, i) or _speaker_before(tokens, i))
                        )
                        or _stance_object(tokens, i, last, entry.takes_object)
                        or (
                            entry.takes_object
                            and last + 1 < n
                            and (
                                after in _OBJECT_OPENERS
                                or (tokens[last + 1].text[0].isupper() and after not in _NOT_NAMES)
                            )
                        )
                    )
                out.append(CueMatch(i, last, entry.lemma, "verb", clause))
                i = last
                break
        elif (
            low in nouns
            and nxt == "that"
            and i > 0
            and (
                tokens[i - 1].lower.endswith(("’s", "'s"))
                or tokens[i - 1].lower in _POSSESSIVE_PRONOUNS
            )
        ):
            out.append(CueMatch(i, i, low, "noun"))

        i += 1
    return out
