"""Speakers: find the noun phrase next to a cue, tell a person from a group, resolve names.

Everything works on the token list of one sentence. A person gets one ``name`` per document
(the alias table maps "Putin" and "President Putin" to "Vladimir Putin"); pronouns resolve to
the last person (or group, for "they") mentioned before them, and stay unnamed otherwise.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from factcheck.claims.lexicon import verb_forms, word_set
from factcheck.claims.quotes import ALL_MARKS
from factcheck.claims.sentences import Token

PERSON_PRONOUNS = frozenset({"he", "she"})
GROUP_PRONOUNS = frozenset({"they", "it"})
OTHER_PRONOUNS = frozenset({"i", "we", "you"})
PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | OTHER_PRONOUNS
SUBJECT_STARTERS = PRONOUNS | {"there", "this", "that", "these", "those", "the", "a", "an"}

# Words that may stand between a subject and its verb: "Putin has also repeatedly said".
AUX_AND_ADVERBS = word_set("aux_and_adverbs")
DETERMINERS = word_set("determiners")
# Words that introduce a title rather than a name: "Russian President Vladimir Putin".
TITLE_WORDS = word_set("title_words")
ORG_WORDS = word_set("org_words")
# Lower-case heads of a speaking group or role: "Russian officials said", "critics argue".
ROLE_NOUNS = word_set("role_nouns")
VAGUE_HEADS = word_set("vague_heads")
_CLAUSE_BREAKERS = word_set("clause_breakers")
# Capitalised words at a sentence start that are not names.
_NOT_NAMES = word_set("not_names")


# First words of place names, which look like "First Last" person names.
_PLACE_STARTS = word_set("place_starts")


_QUANTIFIERS = word_set("quantifiers")
_QUANTITY_MODIFIERS = word_set("quantity_modifiers")
# Lower-case words inside a name or a titled phrase: "Jean de la Fontaine", "Ali el Sayed".
_NAME_LINKS = word_set("name_links")
_PREPOSITIONS = word_set("prepositions")
_INTERJECTED = word_set("interjected")
_NAME_ABBREVIATIONS = word_set("name_abbreviations")


# Endings of nouns for people: "supporter", "activists", "resident", "historian".
_PERSON_SUFFIXES = tuple(
    ["er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ans", "ant", "ants", "ent", "ents"]
)


def is_capitalized(token: Token) -> bool:
    ch = token.text[0]
    return ch.isupper() and token.lower not in _NOT_NAMES


def strip_possessive(word: str) -> str:
    """ "Zelenskyy’s" -> "Zelenskyy"; other words unchanged.

    >>> strip_possessive("Zelenskyy’s"), strip_possessive("Jones")
    ('Zelenskyy', 'Jones')
    """
    if len(word) > 2 and word[-2] in "’'" and word[-1] in "sS":
        return word[:-2]
    return word


def _is_wordish(token: Token) -> bool:
    return token.text[0].isalnum()


@dataclass
class Mention:
    """A speaker mention: token range ``[first, last]`` of its sentence and text span."""

    first: int
    last: int
    start: int
    end: int
    text: str
    kind: str  # person | group | pronoun | vague
    name: str | None = None
    resolved_from: str = "name"
    antecedent: Mention | None = None  # what a relative "who" stands for


def _np_kind(tokens: list[Token], first: int, last: int) -> str:
    words = [t.lower for t in tokens[first : last + 1]]
    head = strip_possessive(words[-1])
    if len(words) == 1 and head in PRONOUNS:
        return "pronoun"
    if head in _QUANTIFIERS or head in ("percent", "%") or head.isdigit():
        return "group"
    if head in VAGUE_HEADS and all(
        tokens[k].text[0].islower()
        or tokens[k].lower in VAGUE_HEADS
        or tokens[k].lower in DETERMINERS
        for k in range(first, last + 1)
    ):
        return "vague"  # "sources", "Two sources", "people"
    caps = [
        t for t in tokens[first : last + 1] if t.text[0].isupper() and t.lower not in _NOT_NAMES
    ]
    if not caps:
        return "group"
    if any(strip_possessive(w) in ORG_WORDS for w in words) or head in ROLE_NOUNS:
        return "group"
    last_word = strip_possessive(tokens[last].text)
    if last_word.endswith("s") and last_word[:-1].lower() in {"democrat", "republican", "american"}:
        return "group"
    if last_word.endswith(("ans", "ians", "ists")) and len(caps) == 1:
        return "group"  # "Republicans", "Russians"
    return "person"


def _after_title(tokens: list[Token], j: int, lo: int) -> bool:
    """Whether token ``j`` follows a personal title, so it is a surname whatever it looks like.

    Passing: "Mr. English", "Senator Long" (surnames that are also ordinary words).
    Failing: "the English" and "Russian" alone (a people and an adjective).

    >>> from factcheck.claims.sentences import tokenize
    >>> t = "Mr. English and the English"
    >>> toks = tokenize(t, 0, len(t))
    >>> _after_title(toks, 2, 0), _after_title(toks, 5, 0)
    (True, False)
    """
    if j - 1 < lo:
        return False
    if tokens[j - 1].lower in TITLE_WORDS:
        return True
    return tokens[j - 1].text == "." and j - 2 >= lo and tokens[j - 2].lower in _NAME_ABBREVIATIONS


_TIME_NOUNS = frozenset(
    ["week", "month", "year", "night", "weekend", "morning", "afternoon", "evening"]
)
_TIME_LEADS = frozenset(["last", "this", "next", "that", "earlier", "later"])
_SUBJECT_TAILS = frozenset(
    ["himself", "herself", "themselves", "itself", "overall", "alone", "polled", "surveyed"]
)


def skip_between_subject_and_verb(tokens: list[Token], j: int, lo: int) -> int:
    """Index of the last word of the subject, stepping back from ``j`` over what may stand
    between a subject and its verb: auxiliaries and adverbs, a time ("last week", "on
    Tuesday", "Tuesday"), a reflexive ("Cruz himself"), "overall", a poll participle
    ("voters polled").

    >>> from factcheck.claims.sentences import tokenize
    >>> t = "Feinstein last week also said"
    >>> skip_between_subject_and_verb(tokenize(t, 0, len(t)), 3, 0)
    0
    >>> t = "The week said"  # a time noun with no "last" before it is a subject
    >>> skip_between_subject_and_verb(tokenize(t, 0, len(t)), 1, 0)
    1
    """
    dates = word_set("date_words")
    while j >= lo:
        t = tokens[j]
        low = t.lower
        adverb = low.endswith("ly") and t.text.islower() and len(t.text) > 4
        if low in AUX_AND_ADVERBS or low in _SUBJECT_TAILS or adverb:
            j -= 1
        elif low in _TIME_NOUNS and j - 1 >= lo and tokens[j - 1].lower in _TIME_LEADS:
            j -= 2
        elif low in dates and t.text[0].isupper() and j - 1 >= lo:
            j -= 2 if tokens[j - 1].lower == "on" else 1
        else:
            break
    return j


def left_np(tokens: list[Token], k: int, lo: int) -> Mention | None:
    """The subject noun phrase ending just before token ``k`` (auxiliaries and adverbs skipped).

    >>> from factcheck.claims.sentences import tokenize
    >>> t = "Russian President Vladimir Putin has repeatedly said"
    >>> left_np(tokenize(t, 0, len(t)), 6, 0).text
    'Russian President Vladimir Putin'
    >>> t = "The plan said"  # a thing can speak ("the report said"), but not a verb
    >>> left_np(tokenize(t, 0, len(t)), 2, 0).text
    'The plan'
    >>> t = "and then said"
    >>> left_np(tokenize(t, 0, len(t)), 2, 0) is None
    True
    """
    j = skip_between_subject_and_verb(tokens, k - 1, lo)
    if (
        j - 2 >= lo
        and tokens[j].text == ","
        and tokens[j - 2].text == ","
        and tokens[j - 1].lower in _INTERJECTED
    ):
        j -= 3  # "The two lawmakers, however, argue"
    if j < lo:
        return None
    if tokens[j].text == ")":
        # "Gov. Phil Bryant (R) said": skip a short parenthesis after the name
        for i in range(j - 1, max(lo - 1, j - 8), -1):
            if tokens[i].text == "(":
                j = i - 1
                break
        if j < lo:
            return None
    head = tokens[j]
    if not _is_wordish(head):
        return None
    low = head.lower
    if low in _PREPOSITIONS:
        return None  # "the face of recently announced", "likely to say": no subject
    if low in PRONOUNS:
        return make_mention(tokens, j, j)
    if low in _QUANTIFIERS or (low.isdigit() and j - 2 >= lo and tokens[j - 1].lower == "in"):
        # "Most said ...", "Nearly half said ...", "Two in three said ...", "three-fourths say"
        first = j
        if (
            first - 2 >= lo
            and tokens[first - 1].lower == "in"
            and (tokens[first - 2].lower in _QUANTIFIERS or tokens[first - 2].text.isdigit())
        ):
            first -= 2
        while first - 1 >= lo and tokens[first - 1].lower in _QUANTITY_MODIFIERS:
            first -= 1
        if first == lo or not tokens[first - 1].text[0].isalnum():
            return make_mention(tokens, first, j)
        if low in _QUANTIFIERS:
            return None
    if low in ("that", "which") and j - 1 >= lo and k == j + 1:
        # "bottles that said ...": a relative pronoun right before the cue
        antecedent = left_np(tokens, j - 1 if tokens[j - 1].text in (",", "—", "–") else j, lo)
        if antecedent is None and tokens[j - 1].text.isalpha():
            antecedent = make_mention(tokens, j - 1, j - 1)
        if antecedent is None:
            return None
        rel = make_mention(tokens, j, j)
        rel.kind = antecedent.kind
        rel.antecedent = antecedent
        return rel
    if low == "who" and j - 1 >= lo:
        # "Smith, who said", "voters who said": the mention is "who", and it stands for the
        # phrase the relative clause hangs on
        # the antecedent may stand before ``lo`` ('"...," said Beck, who said ...': "Beck"
        # belongs to the attribution before)
        antecedent = left_np(tokens, j - 1 if tokens[j - 1].text == "," else j, 0)
        if antecedent is None:
            return None
        who = make_mention(tokens, j, j)
        who.kind = antecedent.kind
        who.antecedent = antecedent
        return who
    if low.isdigit() and j - 2 >= lo and tokens[j - 1].lower == "in":
        # "three in 10 said", "About six in 10 voters said"
        first = j - 2
        if first - 1 >= lo and tokens[first - 1].lower in ("about", "nearly", "roughly", "almost"):
            first -= 1
        return make_mention(tokens, first, j)
    if low in ("percent", "%") and j - 1 >= lo and tokens[j - 1].text[:1].isdigit():
        first = j - 1
        if first - 1 >= lo and tokens[first - 1].lower in ("about", "nearly", "roughly", "almost"):
            first -= 1
        return make_mention(tokens, first, j)
    if low in _CLAUSE_BREAKERS or low in DETERMINERS or low.isdigit():
        return None
    if (
        not head.text[0].isupper()
        and strip_possessive(low) not in ROLE_NOUNS
        and low not in TITLE_WORDS
        and not low.endswith(_PERSON_SUFFIXES)
    ):
        # A common noun speaks only as a determined phrase: "the plan says", "his memo said".
        i = j - 1
        while (
            i >= lo
            and j - i <= 3
            and tokens[i].text.isalnum()
            and (tokens[i].lower not in DETERMINERS and tokens[i].lower not in _CLAUSE_BREAKERS)
            and tokens[i].lower not in AUX_AND_ADVERBS
        ):
            i -= 1
        if i < lo or not (tokens[i].lower in DETERMINERS or tokens[i].lower.endswith(("’s", "'s"))):
            return None
    titled = _after_title(tokens, j, lo)
    if head.text[0].isupper() and low in _NOT_NAMES and not titled:
        return None
    if (
        head.text[0].isupper()
        and low.endswith(("ian", "ean", "ese", "ish"))
        and j - 1 >= lo
        and (not tokens[j - 1].text[0].isupper())
        and not titled
    ):
        return None  # a nationality adjective, "Russian demands", is not a speaker
    first = j
    i = j - 1
    while i >= lo and j - i < 10:
        t = tokens[i]
        tl = t.lower
        if (t.text[0].isupper() and tl not in _NOT_NAMES) or (
            tl in _NAME_LINKS
            and i - 1 >= lo
            and (tokens[i - 1].text[0].isupper() or tokens[i - 1].lower in ROLE_NOUNS)
        ):
            first = i
        elif tl in DETERMINERS and tl not in ("that", "this", "one", "two", "three"):
            first = i
            i -= 1
            break
        elif (
            tl in TITLE_WORDS
            or tl in ROLE_NOUNS
            or tl.endswith("’s")
            or tl.endswith("'s")
            or t.text in ("-",)
            or (  # "Mr. Reid", "John F. Kennedy"
                t.text == "."
                and i - 1 >= lo
                and (
                    tokens[i - 1].lower in _NAME_ABBREVIATIONS
                    or (len(tokens[i - 1].text) == 1 and tokens[i - 1].text.isupper())
                )
            )
            or (
                t.text.islower()
                and t.text.isalpha()
                and tl not in _CLAUSE_BREAKERS
                and (tl not in AUX_AND_ADVERBS)
                and i + 1 <= j
                and tokens[i + 1].text[0].islower()
                and _adjective_like(tl)
            )
        ):
            first = i
        else:
            break
        i -= 1
    # "The" at sentence start is part of the phrase: "The Kremlin said".
    if first - 1 >= lo and tokens[first - 1].lower == "the":
        first -= 1
    elif first == j and not head.text[0].isupper():
        # "a school spokesman said": lower-case modifiers up to a determiner
        i = j - 1
        while i >= lo and j - i <= 3 and tokens[i].text.isalpha():
            if tokens[i].lower in DETERMINERS:
                first = i  # "The new tariff", "a county spokesman"
                break
            if (
                not tokens[i].text.islower()
                or tokens[i].lower in _CLAUSE_BREAKERS
                or tokens[i].lower in AUX_AND_ADVERBS
            ):
                break
            i -= 1
        else:
            if i < lo or not tokens[i].text[0].isalnum():
                first = i + 1  # ", new polls show": modifiers up to the clause edge
    return make_mention(tokens, first, j)


def _adjective_like(word: str) -> bool:
    return word.endswith(("al", "ic", "ive", "ous", "ior", "ent", "ant", "ed", "an", "ish", "ese"))


def right_np(tokens: list[Token], k: int, hi: int) -> Mention | None:
    """The noun phrase starting at token ``k`` (for "said Smith", "according to the Kremlin").

    >>> from factcheck.claims.sentences import tokenize
    >>> t = "said Sen. John Smith, a Republican"
    >>> right_np(tokenize(t, 0, len(t)), 1, 8).text
    'Sen. John Smith'
    >>> t = "said the plan"  # an object, not a speaker, when not a role or a name
    >>> right_np(tokenize(t, 0, len(t)), 1, 3) is None
    True
    """
    if k >= hi:
        return None
    first = k
    t = tokens[k]
    if t.lower in PRONOUNS:
        return make_mention(tokens, k, k)
    j = k
    if t.lower in DETERMINERS:
        j += 1
    last = -1
    while j < hi and j - k < 12:
        w = tokens[j]
        wl = w.lower
        if w.text[0].isupper() or wl in TITLE_WORDS or wl in ROLE_NOUNS or wl in ORG_WORDS:
            last = j
        elif w.text == "." and last == j - 1 and len(tokens[j - 1].text) <= 4:
            pass  # "Sen." "J."
        elif w.text in ("'", "’") and j > k and tokens[j - 1].lower.endswith("s"):
            pass  # "the tenants' union"
        elif (
            (
                wl in ("of", "for", "at", "and", "&")
                and j + 1 < hi
                and (tokens[j + 1].text[0].isupper() or tokens[j + 1].lower in ("the",))
            )
            or (wl == "the" and last >= 0)
            or (w.text.islower() and w.text.isalpha() and _adjective_like(wl) and last < 0)
            or (  # "Republican consultant Chris Russell", "lobbyist and strategist Jo Black"
                w.text.islower()
                and w.text.isalpha()
                and wl not in _CLAUSE_BREAKERS
                and wl not in AUX_AND_ADVERBS
                and j + 1 < hi
                and (
                    tokens[j + 1].text[0].isupper() or tokens[j + 1].lower in ("and", "strategist")
                )
                and j - k < 4
            )
        ):
            pass
        else:
            break
        j += 1
    if last < 0:
        return None
    head = tokens[last]
    if not (
        head.text[0].isupper()
        or head.lower in ROLE_NOUNS
        or head.lower in TITLE_WORDS
        or head.lower in ORG_WORDS
    ):
        return None
    return make_mention(tokens, first, last)


def possessor(mention: Mention, tokens: list[Token]) -> Mention:
    """ "Zelenskyy’s appeal called for ..." is Zelenskyy's claim: an utterance noun with a
    possessive in front hands the role of speaker to the possessor.

    >>> from factcheck.claims.sentences import tokenize
    >>> t = "Zelenskyy’s appeal called"
    >>> toks = tokenize(t, 0, len(t))
    >>> possessor(left_np(toks, 2, 0), toks).text
    'Zelenskyy'
    >>> t = "Smith’s aide said"  # an aide is a person of their own
    >>> toks = tokenize(t, 0, len(t))
    >>> possessor(left_np(toks, 2, 0), toks).text
    'Smith’s aide'
    """
    from factcheck.claims.lexicon import utterance_nouns

    if tokens[mention.last].lower not in utterance_nouns():
        return mention
    for k in range(mention.last - 1, mention.first - 1, -1):
        word = tokens[k].text
        if word.endswith(("’s", "'s")) and word[0].isupper():
            start = mention.first
            while start < k and not tokens[start].text[0].isupper():
                start += 1
            m = make_mention(tokens, start, k)
            m.end -= 2
            m.text = m.text[:-2]
            m.kind = _np_kind(tokens, start, k)
            return m
    return mention


def make_mention(tokens: list[Token], first: int, last: int) -> Mention:
    start, end = tokens[first].start, tokens[last].end
    pieces = [tokens[first].text]
    for a, b in zip(tokens[first:last], tokens[first + 1 : last + 1], strict=False):
        pieces.append((" " if b.start > a.end else "") + b.text)
    text = "".join(pieces)
    kind = _np_kind(tokens, first, last)
    return Mention(first, last, start, end, text, kind)


def name_part(words: list[str]) -> list[str]:
    """The name inside a titled phrase: the capitalised words after the last title word.

    >>> name_part(["Russian", "President", "Vladimir", "Putin"])
    ['Vladimir', 'Putin']
    >>> name_part(["the", "Russian", "president"])
    []
    """
    return list(_name_part(tuple(words)))


@lru_cache(maxsize=4096)
def _name_part(words: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for w in words:
        wl = w.lower().rstrip(".")
        if wl in TITLE_WORDS or wl in DETERMINERS or not w[:1].isupper() or wl in _NOT_NAMES:
            out = []
            continue
        out.append(strip_possessive(w))
    return tuple(out)


@dataclass
class PersonIndex:
    """The people of one document: full names by surname, and where each is mentioned."""

    full_names: dict[str, str] = field(default_factory=dict)
    positions: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    groups_pos: list[int] = field(default_factory=list)
    groups: list[tuple[str, str]] = field(default_factory=list)
    # title word -> [(position, name)]: "Russian President Vladimir Putin" files Putin under
    # "president", so that a later "the Russian president" resolves to him
    titles: dict[str, list[tuple[int, str]]] = field(default_factory=dict)

    def by_title(self, words: list[str], pos: int) -> str | None:
        """The person last introduced with one of these title words before ``pos``.

        >>> idx = PersonIndex(titles={"president": [(0, "Vladimir Putin")]})
        >>> idx.by_title(["the", "Russian", "president"], 50), idx.by_title(["the", "mayor"], 50)
        ('Vladimir Putin', None)
        """
        best: tuple[int, str] | None = None
        for w in words:
            for p, name in self.titles.get(w.lower().rstrip("."), ()):
                if p < pos and (best is None or p > best[0]):
                    best = (p, name)
        return best[1] if best else None

    def canonical(self, words: list[str]) -> str | None:
        """One name per person: "Putin" and "President Putin" -> "Vladimir Putin".

        >>> idx = PersonIndex(full_names={"Putin": "Vladimir Putin"})
        >>> idx.canonical(["President", "Putin"]), idx.canonical(["Smith"])
        ('Vladimir Putin', 'Smith')
        """
        parts = name_part(words)
        if not parts:
            return None
        if len(parts) == 1:
            return self.full_names.get(parts[0], parts[0])
        full = " ".join(parts)
        return self.full_names.get(parts[-1], full) if len(parts) < 3 else full

    def add_person(self, pos: int, name: str) -> None:
        k = bisect_left(self.positions, pos)
        self.positions.insert(k, pos)
        self.names.insert(k, name)

    def add_group(self, pos: int, text: str, name: str) -> None:
        k = bisect_left(self.groups_pos, pos)
        self.groups_pos.insert(k, pos)
        self.groups.insert(k, (text, name))

    def last_person(self, pos: int) -> str | None:
        k = bisect_left(self.positions, pos)
        return self.names[k - 1] if k > 0 else None

    def last_group(self, pos: int, window: int = 600) -> str | None:
        k = bisect_left(self.groups_pos, pos)
        if k > 0 and pos - self.groups_pos[k - 1] <= window:
            return self.groups[k - 1][1]
        return None


def collect_people(sentences: list[list[Token]]) -> PersonIndex:
    """Scan a document for person names: runs of capitalised words with a title, or full
    names (two or three words) whose surname is also used alone.

    >>> from factcheck.claims.sentences import tokenize
    >>> t = "Russian President Vladimir Putin met aides. Later Putin left."
    >>> idx = collect_people([tokenize(t, 0, len(t))])
    >>> idx.full_names["Putin"], idx.last_person(len(t))
    ('Vladimir Putin', 'Vladimir Putin')
    """
    index = PersonIndex()
    runs: list[tuple[int, list[str], bool]] = []
    for toks in sentences:
        i = 0
        n = len(toks)
        if n > 1 and toks[0].lower in verb_forms() and toks[0].lower.endswith(("id", "ed")):
            i = 1  # "Said Ruiz:", "Stated Ruiz:": an inverted cue is not part of the name
        while i < n:
            t = toks[i]
            if t.text[0].isupper() and t.text not in ALL_MARKS:
                j = i
                words: list[str] = []
                while j < n and (
                    toks[j].text[0].isupper()
                    or (toks[j].text == "." and words and len(words[-1]) <= 3)
                ):
                    if toks[j].text != ".":
                        words.append(toks[j].text)
                    j += 1
                    if toks[j - 1].text.endswith(("’s", "'s")):
                        break
                titled = i > 0 and toks[i - 1].lower in TITLE_WORDS
                if titled:
                    words = [toks[i - 1].text, *words]
                runs.append((t.start, words, titled))
                i = j
            else:
                i += 1
    singles: set[str] = set()
    for _, words, _ in runs:
        parts = name_part(words)
        if len(parts) == 1:
            singles.add(parts[0])
    for _, words, titled in runs:
        parts = name_part(words)
        has_title = titled or len(parts) < len(words)
        if (
            2 <= len(parts) <= 3
            and (has_title or parts[-1] in singles or parts[0] not in _PLACE_STARTS)
            and not any(p.lower() in ORG_WORDS for p in parts)
        ):
            index.full_names.setdefault(parts[-1], " ".join(parts))
    for pos, words, titled in runs:
        parts = name_part(words)
        if not parts or any(p.lower() in ORG_WORDS for p in parts):
            continue
        name = index.canonical(words)
        if name and (name in index.full_names.values() or titled):
            index.add_person(pos, name)
            for w in words[: len(words) - len(parts)]:
                if w.lower().rstrip(".") in TITLE_WORDS:
                    index.titles.setdefault(w.lower().rstrip("."), []).append((pos, name))
    return index


def resolve(mention: Mention, tokens: list[Token], index: PersonIndex) -> Mention:
    """Fill ``name`` and ``resolved_from`` of a mention.

    >>> from factcheck.claims.sentences import tokenize
    >>> t = "Putin said"
    >>> m = left_np(tokenize(t, 0, 10), 1, 0)
    >>> r = resolve(m, [], PersonIndex(full_names={"Putin": "Vladimir Putin"}))
    >>> r.name, r.resolved_from
    ('Vladimir Putin', 'alias')
    """
    if mention.antecedent is not None:
        resolve(mention.antecedent, tokens, index)
        mention.name = mention.antecedent.name
        mention.resolved_from = "pronoun"
        return mention
    words = mention.text.split()
    if mention.kind == "pronoun":
        low = mention.text.lower()
        if low in PERSON_PRONOUNS:
            mention.name = index.last_person(mention.start)
        elif low in GROUP_PRONOUNS:
            mention.name = index.last_group(mention.start)
        mention.resolved_from = "pronoun"
        return mention
    if mention.kind == "vague":
        mention.name = None
        mention.resolved_from = "none"
        return mention
    if mention.kind == "person":
        parts = name_part(words)
        if not parts:
            mention.name = index.by_title(words, mention.start) or index.last_person(mention.start)
            mention.resolved_from = "title" if mention.name else "none"
            return mention
        name = index.canonical(words) or " ".join(parts)
        mention.name = name
        mention.resolved_from = "name" if " ".join(parts) == name else "alias"
        return mention
    if words and words[-1].lower() in TITLE_WORDS:
        # "the president said": the person introduced with that title, if any
        titled_name = index.by_title(words, mention.start)
        if titled_name:
            mention.name = titled_name
            mention.resolved_from = "title"
            return mention
    # groups and organisations: their own words, without a leading article or possessive
    shown = [strip_possessive(w) for w in words]
    if shown and shown[0].lower() in ("the", "a", "an"):
        shown = shown[1:]
    mention.name = " ".join(shown) or mention.text
    mention.resolved_from = "group"
    return mention


# Verbs that report what a thing shows rather than what someone said.
EVIDENTIAL_STEMS = (
    "indicat", "signal", "highlight", "underscor", "underlin", "demonstrat", "reflect",
    "illustrat", "show", "suggest", "reveal", "mean", "point",
)  # fmt: skip
ABSTRACT_SUFFIXES = ("al", "tion", "sion", "ment", "ance", "ence", "ity", "ness", "ure", "ism")
EVENT_NOUNS = frozenset(
    [
        "exchange",
        "move",
        "deal",
        "result",
        "results",
        "outcome",
        "incident",
        "shift",
        "trend",
        "fact",
        "figures",
        "numbers",
        "episode",
        "event",
        "events",
        "situation",
        "impasse",
        "stalemate",
        "standoff",
        "deadlock",
        "dispute",
        "clash",
    ]
)


def is_thing_evidence(speaker_text: str, cue_text: str) -> bool:
    """An event or abstraction that "indicates" or "underscores" something is the writer's
    inference, not anyone's speech.

    Passing (dropped): "This refusal indicates ...", "The exchange underscores ...".
    Failing (kept): "The statement indicated ..." (a document speaks), "Officials signalled
    ..." (people), "The refusal, Smith said, ..." (a speech verb).

    >>> is_thing_evidence("This refusal", "indicates")
    True
    >>> is_thing_evidence("The exchange", "highlighted")
    True
    >>> is_thing_evidence("The statement", "indicated"), is_thing_evidence("Officials", "signalled")
    (False, False)
    """
    cue = cue_text.lower()
    if not cue.startswith(EVIDENTIAL_STEMS):
        return False
    words = speaker_text.split()
    if not words:
        return False
    head = strip_possessive(words[-1])
    if not head.islower() or head in ROLE_NOUNS or head in ORG_WORDS or head in VAGUE_HEADS:
        return False
    return head in EVENT_NOUNS or head.endswith(ABSTRACT_SUFFIXES)
