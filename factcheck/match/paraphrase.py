"""Reported speech: does a passage by the claimed speaker carry the reported content?

Content matching, not word matching. The claim's content words (no stop words, no speech
verbs, not the speaker's name) are stemmed (Snowball English stemmer), mapped through a small
table of general equivalences (``grant``/``give``, ``two``/``2``), and weighted by how rare
they are among the sentences of the sources at hand (IDF). Passages are one to three
adjacent sentences within one speaker's turn. A passage's **coverage** is the share of the
claim's content weight it holds; the score is that share, so partial support reads as partial.

Words the reporter puts before the speech verb ("Putin *dismissed the proposal*, asserting
that ...") are the reporter's framing, not the reported content: they count for less.

Lexical overlap cannot see every change of meaning: an opposite outside a short table, a
swapped subject and object or a dropped hedge still overlap. Three changes are checked
explicitly: a negation on one side only, a number that differs, and a listed opposite
("rise" for "fall"); each keeps a passage from supporting the claim and is flagged.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

from factcheck.match.align import SourceIndex, index_for
from factcheck.match.ellipsis import is_negation
from factcheck.match.passages import Sentence, evidence_span, sentences
from factcheck.match.speakers import name_parts, same_person
from factcheck.model import Evidence, Source, Verdict
from factcheck.text import tokenize

__all__ = [
    "FULL_SUPPORT",
    "SUPPORTED_MIN",
    "content_words",
    "is_content_word",
    "judge_paraphrase",
    "negated",
    "numbers_in",
    "opposite_in",
    "scope_mismatch",
    "stem",
]

# Coverage (weighted share of the claim's content) a passage by the speaker needs to support
# the claim; below FULL_SUPPORT the support is partial and flagged. Calibrated on
# `python -m benchmarks paraphrase` (see docs/matching.md).
SUPPORTED_MIN = 0.5
FULL_SUPPORT = 0.75
# ... and hold at least this many of the claim's content words: two shared words ("full
# employment") are a common phrase, not a statement. A claim of two content words may be
# supported by the speaker's sentence holding both, but never attributed to someone else;
# a one-word claim is never enough.
MIN_FOUND = 3
# A passage without a negation or number mismatch may support the claim if it is this close
# to the speaker's best passage (which has one).
FAITHFUL_MARGIN = 0.1
# Someone else's passage must beat the speaker's best by this much to call it misattributed.
MISATTRIBUTED_MARGIN = 0.15
# A not_found verdict shows the closest passage only when it holds at least this share.
CLOSE_ENOUGH = 0.3
# Framing words (before the speech verb) count for this fraction of their weight.
FRAMING_WEIGHT = 0.35
# Each sentence beyond the first must add at least this much coverage to join the passage.
EXTRA_SENTENCE_COST = 0.05
MAX_SENTENCES = 3

_STOP = frozenset(
    str.split(
        "a an the and or but if of to in on at by for with from as is are was were be been being "
        "am it its it's this that these those there here he she they we you i me him her them us "
        "our your their his my mine ours theirs himself herself themselves itself ourselves "
        "i'm i've i'd i'll we're we've we'd we'll you're they're they've he's she's that's "
        "there's what's let's "
        "do does did doing done has have had having will would shall should can could may might "
        "must so than then too very just also about into over under again more most some such "
        "what which who whom whose when where why how all any each both few other own same only "
        "up down out off once because while until whether "
        "regarding concerning per percent pct thus therefore hence "
        "well really actually basically simply merely frankly indeed certainly clearly obviously "
        "quite rather pretty lot lots thing things kind sort way "
        "think thought believe believes believed know knew guess mean "
        "uh um er ah oh yes yeah okay ok mr mrs ms dr president"
    )
)

# Reporting verbs: never content, and the first one marks where the reported content starts.
_SPEECH = frozenset(
    str.split(
        "said say says saying told tell tells telling stated state states stating asserted "
        "assert asserts asserting argued argue argues arguing counter claimed claim claims "
        "claiming added adds adding noted note notes noting insisted insist insists insisting "
        "explained explain explains explaining maintained maintain maintains maintaining "
        "declared declare declares declaring announced announce announces remarked remarks "
        "acknowledged acknowledges admitted admits emphasized emphasised emphasizes "
        "emphasises stressed stresses suggested suggests suggesting indicated indicates "
        "indicating warned warns warning contended contends characterized characterised "
        "characterizing described describes describing called calls labeling labelling "
        "labeled labelled replied replies responded responds answered answers observed "
        "commented mentioned reiterated reiterates repeated urged urges vowed vows promised "
        "predicted conceded concedes affirmed affirms countered counters according pointed "
        "signaled signalled expressed"
    )
)

# General equivalences of reported speech: each group is read as one word. Only pairs that
# mean the same in almost any context belong here (the benchmark uses its own, separate list).
_EQUIVALENT_GROUPS = (
    "give grant provide offer",
    "goal objective aim",
    "end halt stop cease",
    "begin start commence",
    "talk talks negotiation negotiations dialogue discussion discussions",
    "need require necessary",
    "rise increase grow climb",
    "fall decrease decline drop lower reduce cut",
    "big large major significant substantial",
    "important key crucial critical vital essential",
    "enough sufficient adequate",
    "quick quickly fast rapid rapidly swift swiftly",
    "country nation",
    "worry worried concern concerned fear",
    "economy economic",
    "job jobs employment",
    "try attempt seek",
    "buy purchase",
    "regroup reorganize reorganise",
    "military forces troops army",
    "help assist",
    "wait delay postpone",
    "show demonstrate",
    # Numbers: the digits first, so a number word compares (and reads) as its digits.
    "1 one", "2 two", "3 three", "4 four", "5 five", "6 six", "7 seven", "8 eight", "9 nine",
    "10 ten", "11 eleven", "12 twelve", "20 twenty", "30 thirty", "40 forty", "50 fifty",
    "100 hundred", "1000 thousand", "1000000 million", "1000000000 billion",
)  # fmt: skip

# Irregular past forms, which reported speech produces all the time ("we hold" -> "she said
# they held"): the stemmer cannot know them. Grammar, not vocabulary: past -> present.
_IRREGULAR = dict(
    pair.split(":")
    for pair in str.split(
        "held:hold kept:keep gave:give given:give took:take taken:take made:make saw:see "
        "seen:see knew:know known:know brought:bring left:leave met:meet paid:pay sold:sell "
        "won:win lost:lose fell:fall fallen:fall rose:rise risen:rise grew:grow grown:grow "
        "began:begin begun:begin spoke:speak spoken:speak wrote:write written:write "
        "chose:choose chosen:choose found:find built:build sent:send spent:spend felt:feel "
        "led:lead understood:understand stood:stand went:go gone:go came:come got:get "
        "gotten:get bought:buy caught:catch fought:fight taught:teach sought:seek meant:mean "
        "brought:bring drove:drive driven:drive ran:run struck:strike hit:hit cut:cut "
        "set:set put:put let:let shut:shut lent:lend bore:bear borne:bear broke:break "
        "broken:break forgot:forget forgotten:forget froze:freeze frozen:freeze hid:hide "
        "hidden:hide shook:shake shaken:shake stole:steal stolen:steal swore:swear "
        "sworn:swear threw:throw thrown:throw woke:wake withdrew:withdraw "
        "withdrawn:withdraw overcame:overcome undertook:undertake undertaken:undertake"
    )
)

_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def _raw_stem(word: str) -> str:
    word = word.replace("'", "")
    return str(_STEMMER.stemWord(_IRREGULAR.get(word, word)))


def _equivalents() -> dict[str, str]:
    table: dict[str, str] = {}
    for group in _EQUIVALENT_GROUPS:
        words = group.split()
        canonical = _raw_stem(words[0])
        for word in words:
            table[_raw_stem(word)] = canonical
    return table


_EQUIVALENT = _equivalents()


def stem(word: str) -> str:
    """The form a word is compared in: its Snowball stem, through the equivalence table.

    >>> stem("achieving") == stem("achieved"), stem("grant") == stem("gives")
    (True, True)
    >>> stem("two") == stem("2"), stem("held") == stem("holds"), stem("rates") == stem("rats")
    (True, True, False)
    """
    raw = _raw_stem(word)
    return _EQUIVALENT.get(raw, raw)


def _is_number(word: str) -> bool:
    return stem(word).isdigit()


def negated(words: Sequence[str]) -> bool:
    """Whether a negation word is among ``words`` (normalised tokens).

    >>> negated(["the", "door", "is", "not", "closed"]), negated(["it", "wasn't"])
    (True, True)
    >>> negated(["the", "note", "was", "nothingness"])  # words that only look negative
    False
    """
    return any(is_negation(w) for w in words)


# Units of a number, not numbers: "2.8 billion" states 2.8.
_MAGNITUDES = frozenset(("hundred", "thousand", "million", "billion", "trillion"))
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def numbers_in(text: str) -> frozenset[str]:
    """The numbers a text states, digits or words (``1,000`` = ``1000``, ``two`` = ``2``).

    >>> sorted(numbers_in("2.8 billion people, up two points"))
    ['2', '2.8']
    >>> sorted(numbers_in("1,000 jobs")) == sorted(numbers_in("1000 jobs")), numbers_in("none")
    (True, frozenset())
    """
    return _numbers(text, tokenize(text).keys)


def _numbers(text: str, keys: Sequence[str]) -> frozenset[str]:
    found = {m.group().replace(",", "").rstrip(".") for m in _NUMBER.finditer(text)}
    found.update(
        stem(k) for k in keys if not k[0].isdigit() and k not in _MAGNITUDES and _is_number(k)
    )
    return frozenset(found)


# A negation's scope, roughly: the content words right after it.
SCOPE_WORDS = 4


def _scopes(keys: Sequence[str]) -> tuple[set[str], set[str]]:
    """The first content stem after each negation (its head), and every stem within
    ``SCOPE_WORDS`` content words after one."""
    heads: set[str] = set()
    scoped: set[str] = set()
    left = 0
    heads_pending = False
    for key in keys:
        if is_negation(key):
            left = SCOPE_WORDS
            heads_pending = True
            continue
        if left and _is_content(key, set()):
            s = stem(key)
            if heads_pending:
                heads.add(s)
                heads_pending = False
            scoped.add(s)
            left -= 1
    return heads, scoped


def scope_mismatch(claim: Sequence[str], source: Sequence[str]) -> bool:
    """Whether a negation governs a shared word on one side but not on the other.

    Both sides may hold a negation somewhere ("without a better balance") and still differ
    where it matters: "you're *not* going to have" reported as "you're going to have".

    >>> scope_mismatch("we are going to have a return without balance".split(),
    ...                "we are not going to have a return without balance".split())
    True
    >>> scope_mismatch("the fed would not cut rates this year".split(),
    ...                "we are not going to cut rates this year unless".split())
    False
    """
    claim_heads, claim_scoped = _scopes(claim)
    source_heads, source_scoped = _scopes(source)
    claim_stems = {stem(k) for k in claim if _is_content(k, set())}
    source_stems = {stem(k) for k in source if _is_content(k, set())}
    shared = claim_stems & source_stems
    return bool((source_heads & shared) - claim_scoped or (claim_heads & shared) - source_scoped)


# Opposite directions and judgements, the commonest meaning flip after a negation ("rates will
# rise" reported as "rates will fall"). General words only; phrasal particles (up/down) are
# left out, they mean too many things.
_OPPOSITE_PAIRS = str.split(
    "rise:fall higher:lower more:less most:least strong:weak stronger:weaker better:worse "
    "best:worst good:bad above:below before:after first:last gain:loss win:lose "
    "success:failure support:oppose accept:reject approve:reject expand:contract "
    "accelerate:slow easy:difficult positive:negative open:closed high:low many:few "
    "early:late include:exclude agree:disagree larger:smaller"
)


@lru_cache(maxsize=1)
def _opposite_table() -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}
    for pair in _OPPOSITE_PAIRS:
        a, b = (stem(w) for w in pair.split(":"))
        table.setdefault(a, set()).add(b)
        table.setdefault(b, set()).add(a)
    return table


def opposite_in(claim: Sequence[str], source: Sequence[str]) -> tuple[str, str] | None:
    """A claim word whose opposite the source says instead: ``(claim word, source word)``.

    >>> opposite_in("rates will rise".split(), "we expect rates to fall".split())
    ('rise', 'fall')
    >>> opposite_in("rates will rise".split(), "rates will rise before they fall".split())

    The source must lack the claim's own word: "rise ... fall" in one sentence is not a flip.
    """
    source_stems = {stem(k): k for k in source}
    for key in claim:
        s = stem(key)
        if s in source_stems:
            continue
        for other in sorted(_opposite_table().get(s, ())):
            if other in source_stems:
                return key, source_stems[other]
    return None


@dataclass
class _ClaimWords:
    """A claim's content: stems with their weight factor, its negation and its numbers."""

    factor: dict[str, float]
    negated: bool
    numbers: frozenset[str]
    shown: dict[str, str]  # stem -> the claim's own word, for reasons
    keys: list[str] = field(default_factory=list)  # the reported words, normalised
    clauses: list[tuple[str, set[str]]] = field(default_factory=list)  # text, stems


def content_words(text: str, speaker: str | None = None) -> list[str]:
    """The stems that carry a claim's content (stop words, speech verbs and the speaker's own
    name removed).

    >>> content_words("Powell said that rates would rise", "Jerome Powell")
    ['rate', 'rise']
    >>> "said" in content_words("Powell said that rates would rise")
    False
    """
    return list(_claim_words(text, speaker).factor)


def _claim_words(text: str, speaker: str | None) -> _ClaimWords:
    """The claim's content, with the reporter's framing (words before the first speech verb
    followed by three or more content words) at ``FRAMING_WEIGHT``.

    In "Putin dismissed the proposal, asserting that any talks must rest on Russia's goals",
    ``dismissed`` and ``proposal`` are framing; in "Putin said peace talks failed" (two content
    words after ``said``) nothing is: there is no clause to separate.
    """
    names: set[str] = set()
    if speaker:
        parts = name_parts(speaker)
        names = {w.casefold() for w in (*parts.given, parts.surname) if w}
    keys = tokenize(text).keys
    # The reported content starts after the first speech verb, when enough follows it.
    cue = -1
    for i, key in enumerate(keys):
        if key in _SPEECH and sum(1 for k in keys[i + 1 :] if _is_content(k, names)) >= 3:
            cue = i
            break
    factor: dict[str, float] = {}
    shown: dict[str, str] = {}
    for i, key in enumerate(keys):
        if not _is_content(key, names):
            continue
        s = stem(key)
        weight = FRAMING_WEIGHT if i < cue else 1.0
        if weight > factor.get(s, 0.0):
            factor[s] = weight
            shown.setdefault(s, key)
    reported = keys[cue + 1 :] if cue >= 0 else keys
    tokens = tokenize(text)
    content_from = tokens.starts[cue + 1] if 0 <= cue < len(keys) - 1 else 0
    numbers = numbers_in(text[content_from:])
    clauses = [
        (part.strip(" ,;:"), {stem(k) for k in tokenize(part).keys if _is_content(k, names)})
        for part in _CLAUSE_BREAK.split(text[content_from:])
    ]
    return _ClaimWords(factor, negated(reported), numbers, shown, list(reported), clauses)


# Where a reporter's sentence moves to another clause: ", thus undermining ...", "; while ...".
_CLAUSE_BREAK = re.compile(
    r"[,;:\u2014\u2013]\s+(?=(?:thus|thereby|which|while|whereas|and|but|so|although|though|"
    r"hence|therefore|adding|saying|arguing|noting|[a-z]+ing)\b)",
    re.IGNORECASE,
)


def is_content_word(key: str) -> bool:
    """Whether a normalised word carries content (not a stop word, speech verb or negation).

    >>> is_content_word("ceasefire"), is_content_word("would"), is_content_word("said")
    (True, False, False)
    """
    return _is_content(key, set())


def _is_content(key: str, names: set[str]) -> bool:
    if key in _STOP or key in _SPEECH or key in names or is_negation(key):
        return False
    return len(key) >= 3 or key.isdigit()


@dataclass
class _Profile:
    """What paraphrase matching needs of a source, computed once per source index."""

    index: SourceIndex
    sentences: list[Sentence]
    stems: list[frozenset[str]]  # content stems of each sentence
    negated: list[bool]
    numbers: list[frozenset[str]]
    postings: dict[str, list[int]]  # stem -> sentences holding it


_PROFILES: dict[int, _Profile] = {}


def _profile(index: SourceIndex) -> _Profile:
    cached = _PROFILES.get(id(index))
    if cached is not None and cached.index is index:
        return cached
    sents = sentences(index)
    keys = index.tokens.keys
    stems: list[frozenset[str]] = []
    negs: list[bool] = []
    numbers: list[frozenset[str]] = []
    postings: dict[str, list[int]] = {}
    for n, sentence in enumerate(sents):
        words = keys[sentence.start : sentence.end]
        found = frozenset(stem(w) for w in words if _is_content(w, set()))
        stems.append(found)
        negs.append(negated(words))
        span = index.char_span(sentence.start, sentence.end)
        numbers.append(_numbers(span.slice(index.source.text), words))
        for s in found:
            postings.setdefault(s, []).append(n)
    profile = _Profile(index, sents, stems, negs, numbers, postings)
    if len(_PROFILES) > 64:
        _PROFILES.clear()
    _PROFILES[id(index)] = profile
    return profile


@dataclass
class _Passage:
    profile: _Profile
    first: int  # sentence numbers [first, last]
    last: int
    coverage: float
    speaker: str | None
    found: set[str] = field(default_factory=set)
    mismatch: str = ""  # "negation" | "number" | "opposite" | ""
    detail: tuple[str, str] | None = None  # for "opposite": (claim word, source word)

    @property
    def index(self) -> SourceIndex:
        return self.profile.index


def _weights(claim: _ClaimWords, profiles: Sequence[_Profile]) -> dict[str, float]:
    """IDF over the sentences of the sources at hand; a word no source has counts as rare."""
    total = sum(len(p.sentences) for p in profiles) or 1
    df: Counter[str] = Counter()
    for p in profiles:
        for s in claim.factor:
            df[s] += len(p.postings.get(s, ()))
    return {s: f * math.log(1 + total / (1 + df[s])) for s, f in claim.factor.items()}


# Passages are built around at most this many sentences, the ones holding most of the claim.
MAX_CENTRES = 40


def _passages(profile: _Profile, weights: dict[str, float], total: float) -> list[_Passage]:
    """The best passage around each sentence that holds much of the claim's content.

    A neighbouring sentence joins only if it adds ``EXTRA_SENTENCE_COST`` of the content: for
    "a ceasefire would give Ukraine time" the evidence is that one sentence, not the two
    around it; for a claim drawn from two sentences of one answer it is both. Sentences of
    another turn never join.
    """
    held: dict[int, set[str]] = {}
    for s in weights:
        for n in profile.postings.get(s, ()):
            held.setdefault(n, set()).add(s)

    def share(found: set[str]) -> float:
        return math.fsum(weights[s] for s in found) / total

    if profile.index.turns:
        # A transcript's title and front matter are nobody's speech.
        held = {n: found for n, found in held.items() if profile.sentences[n].turn >= 0}
    centres = sorted(held, key=lambda n: -share(held[n]))[:MAX_CENTRES]
    out: list[_Passage] = []
    sents = profile.sentences
    for n in centres:
        best: tuple[float, int, int, set[str]] | None = None
        turn = sents[n].turn
        for first in range(max(0, n - MAX_SENTENCES + 1), n + 1):
            if any(sents[k].turn != turn for k in range(first, n + 1)):
                continue
            for last in range(n, min(len(sents), first + MAX_SENTENCES)):
                if sents[last].turn != turn:
                    break
                found = set().union(*(held.get(k, ()) for k in range(first, last + 1)))
                value = share(found) - EXTRA_SENTENCE_COST * (last - first)
                if best is None or value > best[0] + 1e-9:
                    best = (value, first, last, found)
        if best is None:
            continue
        _value, first, last, found = best
        index = profile.index
        speaker = index.turns[turn].speaker if turn >= 0 else None
        if not index.turns:
            speaker = index.source.author
        out.append(_Passage(profile, first, last, share(found), speaker, found))
    return out


def _mismatch(passage: _Passage, claim: _ClaimWords) -> str:
    """Why a passage with the claim's words may still say something else: a negation on one
    side only, or a different number.

    "The door was closed" against "The door is not closed." is a negation mismatch; against
    "I see no reason to meet. The door is closed." it is none (the "no" is in the sentence
    that does not carry the content). "Rates at 5 percent" against "rates at 4 percent" is a
    number mismatch; against "rates at 5 percent, up from 4" it is none.
    """
    p = passage.profile
    carrying = [
        k for k in range(passage.first, passage.last + 1) if p.stems[k] & passage.found
    ] or [passage.first]
    # Polarity is read in the sentence that carries most of the content: a "no" in the
    # sentence before ("I see no reason to meet. Any discussion ...") is not its polarity.
    main = max(carrying, key=lambda k: len(p.stems[k] & passage.found))
    keys = p.index.tokens.keys[p.sentences[main].start : p.sentences[main].end]
    if p.negated[main] != claim.negated or scope_mismatch(claim.keys, keys):
        return "negation"
    flipped = opposite_in(claim.keys, keys)
    if flipped:
        passage.detail = flipped
        return "opposite"
    if claim.numbers:
        # A number the claim states that the passage does not, where the passage gives
        # numbers of its own: "2.8 billion" for "1.8 billion".
        numbers = frozenset().union(*(p.numbers[k] for k in carrying))
        if numbers and claim.numbers - numbers:
            return "number"
    return ""


def judge_paraphrase(text: str, speaker: str | None, sources: Sequence[Source]) -> Verdict:
    """The verdict on reported speech: supported, misattributed or not found.

    "Lindqvist said wage growth was moderating" is supported by her sentence "wage growth is
    moderating"; "Lindqvist said the bank would buy gold" is not found (no passage holds
    ``SUPPORTED_MIN`` of the content); the same words said by a reporter are misattributed.
    """
    usable = [s for s in sources if s.ok]
    if not usable:
        from factcheck.match.verdict import _unverifiable

        return _unverifiable(sources)
    claim = _claim_words(text, speaker)
    if not claim.factor:
        return Verdict("not_found", 0.0, "The reported speech has no content words to look for.")
    profiles = [_profile(index_for(s)) for s in usable]
    weights = _weights(claim, profiles)
    total = sum(weights.values()) or 1.0
    passages = [p for profile in profiles for p in _passages(profile, weights, total)]
    if not passages:
        return Verdict("not_found", 0.0, "None of the reported content occurs in the sources.")
    for passage in passages:
        if passage.coverage < CLOSE_ENOUGH:
            continue  # never a candidate: its polarity and numbers do not matter
        passage.mismatch = _mismatch(passage, claim)
        if passage.mismatch == "number":
            # A different number is the finding: judge the rest of the content without it
            # ("held at 5 percent" against "hold ... at 4 percent").
            unmatched = sum(w for s, w in weights.items() if s.isdigit() and s not in passage.found)
            passage.coverage = min(1.0, passage.coverage * total / max(total - unmatched, 1e-9))

    def said(p: _Passage) -> bool:
        if speaker is None:
            return True
        if not p.index.turns:
            return p.speaker is None or same_person(speaker, p.speaker)
        return p.speaker is not None and same_person(speaker, p.speaker)

    # Sums over sets are exact (fsum), so equal passages tie exactly and the order below is
    # the same in every run: the shorter passage, then the earlier source and sentence.
    order = {id(profile): n for n, profile in enumerate(profiles)}
    ranked = sorted(
        passages,
        key=lambda p: (-p.coverage, p.last - p.first, order[id(p.profile)], p.first),
    )
    mine = [p for p in ranked if said(p)]
    others = [p for p in ranked if not said(p)]
    best_mine = mine[0] if mine else None
    best_other = others[0] if others else None
    mine_cover = best_mine.coverage if best_mine else 0.0

    def carries(p: _Passage) -> bool:
        # A contradicted number counts as found: the passage speaks of it.
        found = len(p.found) + (p.mismatch == "number")
        # A one-word claim ("the proposal") is in every transcript: never enough.
        return p.coverage >= SUPPORTED_MIN and found >= min(MIN_FOUND, max(2, len(weights)))

    # The speaker's best passage, or one nearly as good that says the same thing.
    faithful = [p for p in mine if p.coverage >= mine_cover - FAITHFUL_MARGIN and not p.mismatch]
    if faithful and carries(faithful[0]):
        best = faithful[0]
        return _supported(best, claim, weights, total)
    part = _clause_support(mine, claim, weights)
    if part is not None:
        return part
    if (
        speaker is not None
        and best_other is not None
        and not best_other.mismatch
        and carries(best_other)
        # Naming another speaker needs more than a stock phrase, and a real speaker: a
        # transcript's title is nobody's speech.
        and len(best_other.found) >= MIN_FOUND
        and (best_other.speaker is not None or not best_other.index.turns)
        # Compared with what the speaker said with the same polarity and numbers.
        and best_other.coverage
        >= max((p.coverage for p in mine if not p.mismatch), default=0.0) + MISATTRIBUTED_MARGIN
    ):
        who = best_other.speaker or "the source's author"
        reason = (
            f"The reported content matches what {who} said ({best_other.coverage:.0%} of it), "
            f"not {speaker}."
        )
        return Verdict("misattributed", 100 * best_other.coverage, reason,
                       [_evidence(best_other)])  # fmt: skip
    if best_mine is not None and carries(best_mine) and best_mine.mismatch:
        who = best_mine.speaker or "the source"
        if best_mine.mismatch == "negation":
            side = "the claim" if claim.negated else f"{who}'s words"
            why = f"but only {side} contain a negation: it may say the opposite"
        elif best_mine.mismatch == "opposite" and best_mine.detail:
            claimed, instead = best_mine.detail
            why = f"but where the claim has '{claimed}', the passage has '{instead}'"
        else:
            why = "but the numbers differ"
        reason = (
            f"A passage by {who} holds {best_mine.coverage:.0%} of the reported content, {why}."
        )
        flag = f"{best_mine.mismatch}_mismatch"
        return Verdict("not_found", 100 * best_mine.coverage, reason, [_evidence(best_mine)],
                       flags=[flag])  # fmt: skip
    # The speaker's own closest passage is the one an editor wants to read, if it is close.
    closest = best_mine if best_mine and best_mine.coverage >= CLOSE_ENOUGH else ranked[0]
    reason = "No passage carries enough of the reported content"
    evidence: list[Evidence] = []
    if closest.coverage >= SUPPORTED_MIN and not closest.mismatch:
        # Enough of the share, too few words: "the proposal" is in every transcript.
        who = closest.speaker or "the source"
        words = ", ".join(f"'{claim.shown[s]}'" for s in weights if s in closest.found)
        them = "it" if len(closest.found) == 1 else "them"
        reason = (
            f"The reported content has too few content words ({words}) to tell who said it; "
            f"a passage by {who} holds {them}."
        )
        score = 100 * closest.coverage * len(closest.found) / MIN_FOUND
        return Verdict("not_found", score, reason, [_evidence(closest)])
    if closest.coverage >= CLOSE_ENOUGH:
        who = closest.speaker or "the source"
        reason += f"; the closest, by {who}, holds {closest.coverage:.0%}"
        evidence = [_evidence(closest)]
    return Verdict("not_found", 100 * closest.coverage, reason + ".", evidence)


# A clause carried this well, holding this share of the claim's weight, is support in part.
CLAUSE_SHARE = 0.4


def _clause_support(
    mine: Sequence[_Passage], claim: _ClaimWords, weights: dict[str, float]
) -> Verdict | None:
    """Support in part: one clause of the claim fully carried by a passage of the speaker,
    the rest (often the reporter's own inference) not found.

    "A ceasefire would merely grant Ukraine time to reorganize its forces, thus undermining
    Moscow's goals" is supported in part by "A ceasefire alone would simply give Ukraine time
    to regroup and rearm its forces."; a claim whose every clause is only half there is not.
    """
    if len(claim.clauses) < 2:
        return None
    total = sum(weights.values()) or 1.0
    for passage in mine[:10]:
        if passage.mismatch:
            continue
        for text, stems in claim.clauses:
            stems = stems & weights.keys()
            weight = math.fsum(weights[s] for s in stems)
            held = stems & passage.found
            if (
                weight >= CLAUSE_SHARE * total
                and len(held) >= MIN_FOUND
                and math.fsum(weights[s] for s in held) >= FULL_SUPPORT * weight
            ):
                who = passage.speaker or "the source"
                rest = [t for t, _s in claim.clauses if t != text and t]
                reason = (
                    f"A passage by {who} carries part of the reported content ('{text}'); "
                    f"not found: '{'; '.join(rest)}'."
                )
                return Verdict("supported", 100 * passage.coverage, reason,
                               [_evidence(passage)], flags=["partly_supported"])  # fmt: skip
    return None


def _supported(best: _Passage, claim: _ClaimWords, weights: dict[str, float],
               total: float) -> Verdict:  # fmt: skip
    who = best.speaker or "the source"
    flags: list[str] = []
    reason = f"A passage by {who} carries {best.coverage:.0%} of the reported content"
    if best.coverage < FULL_SUPPORT:
        flags.append("partly_supported")
        missing = sorted(
            (s for s in weights if s not in best.found and claim.factor[s] == 1.0),
            key=lambda s: -weights[s],
        )
        words = ", ".join(f"'{claim.shown[s]}'" for s in missing[:4])
        if words:
            reason += f"; not in it: {words}"
    return Verdict("supported", 100 * best.coverage, reason + ".", [_evidence(best)],
                   flags=flags)  # fmt: skip


def _evidence(passage: _Passage) -> Evidence:
    index = passage.index
    sents = passage.profile.sentences
    span = evidence_span(index, sents[passage.first].start, sents[passage.last].end)
    return Evidence(
        source_id=index.source.id,
        text=span.slice(index.source.text),
        span=span,
        speaker=passage.speaker,
        score=100 * passage.coverage,
        location=index.source.location(span),
        in_main_text=_in_main(index, span.start, span.end),
    )


def _in_main(index: SourceIndex, start: int, end: int) -> bool:
    main = index.source.main_text
    return main is None or any(m.start <= start and end <= m.end for m in main)
