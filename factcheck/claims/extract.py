"""Attribution extraction: sentence by sentence, find cues, then their speaker and content.

The patterns, in the order they are tried (each is documented where it is implemented):

1. ``according to X`` before, inside or after the content;
2. a speaker and cue *after* the content: ``"A," Smith said.`` / ``A, said Smith.`` /
   ``A, Smith said, B`` (one claim, two content pieces) / ``"A" -- Smith``;
3. a speaker and cue *before* the content: ``Smith said (that) A`` / ``Smith told Kyiv that A``
   / ``Smith said: "A"``, ``..., adding that B`` (same speaker), ``it was reported that A``
   (no speaker, vague), ``Smith's claim that A``;
4. ``Smith: "A"`` at the start of a paragraph;
5. a floating quote (a sentence that is only a quote) carries the previous speaker.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from factcheck.claims.cues import INVERTIBLE, LISTENER_VERBS, CueMatch, find_cues
from factcheck.claims.lexicon import utterance_nouns, verb_forms, word_set
from factcheck.claims.quotes import find_quotes
from factcheck.claims.sentences import Token, paragraphs, split_sentences, tokenize
from factcheck.claims.speakers import (
    DETERMINERS,
    VAGUE_HEADS,
    Mention,
    PersonIndex,
    collect_people,
    is_thing_evidence,
    left_np,
    make_mention,
    name_part,
    possessor,
    resolve,
    right_np,
    skip_between_subject_and_verb,
)
from factcheck.claims.units import (
    BE,
    DASHES,
    END_PUNCT,
    FILLER_STARTS,
    FRONTED,
    LEADING_CONJ,
    Unit,
    chunks,
    is_close_mark,
    is_headline,
    is_mark,
    is_open_mark,
    is_passive,
    only_punct,
    tail_end,
)


@dataclass
class Attribution:
    """One attribution found in plain text (all spans index that text).

    ``content`` holds the content pieces as written (quotation marks kept at their edges);
    ``source`` is the speaker mention, resolved or not (for vague attribution it is the vague
    phrase, "sources", with ``vague`` set).
    """

    content: list[tuple[int, int]]
    source: Mention | None
    cue: tuple[int, int] | None
    sentence: tuple[int, int]
    vague: bool = False
    chain: list[int] = field(default_factory=list)


POLL_NOUNS = word_set("poll_nouns")
_PP_STARTS = frozenset(["of", "in", "from", "at", "for", "on", "with", "across", "among"])


def _introduces_quote(unit: Unit, k: int) -> bool:
    """Whether token ``k`` is a colon that opens a quote: the cue before it looks forward.

    Passing: 'Trump said: "No."' Failing: 'Trump said, "No."' and 'Trump said.'
    """
    toks = unit.tokens
    return k + 1 < len(toks) and toks[k].text == ":" and is_open_mark(unit, k + 1)


def _title_before(unit: Unit, lo: int, k: int) -> bool:
    """Whether the quote closing before token ``k`` is a title (every word capitalised) that
    ends a phrase which is not itself a quote: the name of a show, a book or an ad.

    Passing: 'Sunday on Fox's “Meet the Press,” Ruiz said ...' (a show; Ruiz's content
    follows the cue).
    Failing: '“We Will Win,” Ruiz said.' (the quote opens the sentence: it is what she said)
    and 'On Fox, “we will win,” Ruiz said.' (lower-case words: speech).
    """
    toks = unit.tokens
    close = k - 1
    while close > lo and k - close <= 10 and not is_close_mark(unit, close):
        close -= 1  # back over the speaker: '“This Week,” Rep. Ana Ruiz said'
    if close <= lo or not is_close_mark(unit, close):
        return False
    open_at = close - 1
    while open_at > lo and not is_open_mark(unit, open_at):
        open_at -= 1
    if open_at <= lo or not is_open_mark(unit, open_at):
        return False
    words = [t.text for t in toks[open_at + 1 : close] if t.text[0].isalpha()]
    small = {"a", "an", "the", "of", "and", "for", "in", "on", "to", "with", "at"}
    return 0 < len(words) <= 8 and all(w[0].isupper() or w in small for w in words)


_CONTRAST = frozenset(["but", "while", "whereas", "although", "though", "yet", "and"])


def _new_clause_start(unit: Unit, lo: int, k: int) -> int | None:
    """Where a contrasting clause with its own subject and speech verb ``k`` begins, so the
    content before it stops there: ", but 55 percent of all voters say B".

    Returns the index of the comma before the conjunction, or ``None``.
    Passing: "Most Democrats said yes, but 55 percent of all voters say no." / "..., and
    one in five say B".
    Failing: "Most said that prices, but not wages, rise" (no speech verb after the
    subject) and "Most said yes, but added no" (no subject of its own: see coordinated cues).
    """
    toks = unit.tokens
    forms = verb_forms()
    for j in range(k - 2, max(lo, k - 12), -1):
        t = toks[j]
        if unit.quoted[j] or not t.text[0].isalnum() or t.lower in ("that", "who", "which"):
            return None
        if t.lower in forms or t.lower in BE:
            return None
        if t.lower in _CONTRAST and toks[j - 1].text in (",", ";"):
            head = toks[j + 1]
            if head.text[0].isupper() or head.text[0].isdigit() or head.lower in DETERMINERS:
                return j - 1
            return None
    return None


_SENTENCE_ADVERBS = word_set("sentence_adverbs")
_SUBORDINATORS = word_set("clause_openers_not_names")


def _fronted_only(unit: Unit, lo: int, before: int) -> bool:
    """Whether tokens ``lo..before`` are only a short fronted adverbial, which cannot be the
    content of a cue after it.

    Passing: "Now, Carson has responded", "In the excerpt, the author wrote" (an adverbial:
    the content, if any, follows the cue).
    Failing: "Taxes will rise, Smith said" (a clause) and "In May taxes rise, Smith said"
    (a clause after the adverbial).
    """
    toks = unit.tokens
    words = [t for t in toks[lo : before + 1] if t.text[0].isalnum()]
    if not words or len(words) > 3 or any(unit.quoted[lo : before + 1]):
        return False
    first = words[0].lower
    if first not in FRONTED and first not in LEADING_CONJ and first not in _SENTENCE_ADVERBS:
        return False
    forms = verb_forms()
    return not any(t.lower in forms or t.lower in BE for t in words[1:])


def _fronted_quote(unit: Unit, lo: int, k: int) -> bool:
    """Whether the sentence opens with a participle or preposition phrase that holds the
    quote closing before the speaker of cue ``k``: the cue then introduces its own content.

    Passing: 'Citing “obligations at home,” the spokeswoman said Gore will stay away.'
    Failing: '“We will win,” Axelrod tweeted after ...' (the quote opens the sentence) and
    'Taxes are “a fraud,” Ruiz said.' and 'In May, taxes were “a fraud,” Ruiz said on Fox.'
    (a clause, not a fronted phrase).
    """
    toks = unit.tokens
    j = lo
    while j < k and toks[j].lower in LEADING_CONJ:
        j += 1
    if j >= k or not toks[j].text[0].isupper():
        return False
    word = toks[j].lower
    if not (word.endswith("ing") or word in FRONTED or word in _PP_STARTS):
        return False
    for c in range(j + 1, k):
        if toks[c].text == "," and not unit.quoted[c]:
            return False  # "In May, taxes were “a fraud,” Ruiz said": a clause after it
        if is_close_mark(unit, c):
            return True
    return False


def _asked_clause(toks: list[Token], lo: int, before: int) -> bool:
    """Whether tokens ``lo..before`` are an "Asked ..." clause: the question put to the
    speaker, not what the speaker said.

    Passing: 'Asked whether he would run, Lee said, "Never."' (Lee's claim is "Never").
    Failing: 'Taxes rise, Lee said, "always."' (content on both sides of the cue).
    """
    j = lo
    while j <= before and toks[j].lower in ("when", "if", "once", "after", *LEADING_CONJ):
        j += 1
    return j <= before and toks[j].lower == "asked"


_NP_STOPS = word_set("noun_phrase_stops")


def _noun_phrase_end(unit: Unit, p: int, end: int) -> int:
    """Where the noun phrase that starts at token ``p`` ends (exclusive): at punctuation, an
    auxiliary, a relative word or a speech verb — the object of a stance noun.

    Passing: "Trump's criticism of Ford was harsh" stops before "was".
    Failing: a quoted stretch is kept whole ("of “the big banks” was"), and a verb that is
    not in the lexicon does not stop it ("of Ford grew" runs on).
    """
    toks = unit.tokens
    forms = verb_forms()
    for j in range(p, end):
        t = toks[j]
        if unit.quoted[j] or is_mark(t):
            continue
        if j > p and (not t.text[0].isalnum() or t.lower in _NP_STOPS or t.lower in forms):
            return j
    return end


def _by_means(toks: list[Token], p: int) -> bool:
    """Whether the words after a cue are a "by" phrase of means ("responded by blocking",
    "weighed in by phone"): what someone did, not what they said.

    Passing: "The DNC responded by blocking access" (no claim).
    Failing: "Lee said by noon the vote was over" (a clause follows: not only "by ...").
    """
    j = p
    while j < len(toks) and toks[j].text.islower() and toks[j].lower.endswith("ly"):
        j += 1  # "responded enthusiastically by ..."
    if j >= len(toks) or toks[j].lower != "by":
        return False
    j += 1
    while j < len(toks) and toks[j].text.islower() and toks[j].lower.endswith("ly"):
        j += 1  # "by abruptly blocking"
    return j < len(toks) and (
        toks[j].lower.endswith("ing") or toks[j].lower in ("phone", "email", "text")
    )


_LINKING_ADVERBS = frozenset(["later", "also", "then", "again", "still", "even", "now"])


def _coordinated_cue(toks: list[Token], cue: CueMatch) -> bool:
    """Whether ``cue`` is a second speech verb of the same subject: "... and warned B".

    The content of the first verb then stops before "and": each verb reports its own content.
    Passing: "Ruiz praised the plan and warned that costs rise" (two claims by Ruiz), "Ruiz
    admitted the error but said it was small".
    Failing: "Ruiz said prices and wages rise" (no cue after "and") and "Ruiz said costs
    rise and warned" (a weak or clause-less cue does not start content of its own).
    """
    return _coordinating_word(toks, cue) is not None


def _coordinating_word(toks: list[Token], cue: CueMatch) -> int | None:
    """The index of the "and"/"but" that joins ``cue`` to a first speech verb, an adverb
    allowed between them ("and later said", "but quickly added"); ``None`` if there is none.
    """
    if cue.kind != "verb" or not cue.clause or cue.first < 2:
        return None
    if toks[cue.first].lower.endswith("ing"):
        return None
    k = cue.first - 1
    word = toks[k].lower
    if k - 1 >= 1 and (word in _LINKING_ADVERBS or (word.endswith("ly") and len(word) > 4)):
        k -= 1
    return k if toks[k].lower in ("and", "but") else None


def _abbreviation(word: str) -> bool:
    """An initial or a short title before a full stop: "W" in "George W. Bush", "Gen".

    >>> _abbreviation("W"), _abbreviation("Gen"), _abbreviation("home")
    (True, True, False)
    """
    return word[:1].isupper() and word.isalpha() and len(word) <= 4


_CIRCUMSTANCE_STARTS = frozenset(["when", "before", "after", "while", "as", "until", "then"])


def _quote_then_circumstance(unit: Unit, p: int, end: int) -> int:
    """Where content that opens with a quote stops when the quote is followed by the
    reporter's circumstance: a time clause or a participle phrase after a comma.

    Passing: 'Lee said, “We’ll see,” when asked about it.', 'The crowd chanted “No
    more,” raising questions.' and 'a sign that read “No” — and waved it' (the content is
    the quote alone).
    Failing: 'Lee said “the tax” would rise.' (the quote is part of a clause that goes on)
    and 'Lee said, “We’ll see, when it is time.”' (the time clause is inside the quote).
    """
    toks = unit.tokens
    if p >= end or not is_open_mark(unit, p):
        return end
    close = next((j for j in range(p + 1, end) if is_close_mark(unit, j)), None)
    if close is None or close + 2 > end - 1:
        return end
    nxt = close + 1
    if toks[nxt].text in DASHES:
        return close + 1  # 'the sign — which read “Vote no” — and waved it'
    if toks[nxt].text == ",":
        nxt += 1
    elif toks[close - 1].text != ",":
        return end  # '“...” and then' with no comma: the sentence may go on with the content
    if nxt >= end:
        return end
    word = toks[nxt]
    if word.lower in _CIRCUMSTANCE_STARTS or (
        word.text.islower() and word.lower.endswith("ing") and len(word.text) > 4
    ):
        return close + 1
    return end


_NAMING_VERBS = frozenset(["call", "label", "dub", "brand", "refer"])


def _naming_quote_end(unit: Unit, p: int, end: int) -> int:
    """The content of a naming verb ends with the quoted name when another verb of the
    subject follows it: 'called her “third-rate” and boycotted a debate'.

    Passing: 'Ruiz called the plan “a fraud” and walked out.' (content: the plan “a
    fraud”).
    Failing: 'Ruiz called the plan “a fraud” that hurts voters.' (the clause goes on: no
    "and" or comma after the quote) and 'Ruiz called the plan a fraud and left.' (no quote).
    """
    toks = unit.tokens
    close = next((j for j in range(p + 1, min(end, p + 15)) if is_close_mark(unit, j)), None)
    if close is None or close + 2 >= end:
        return end
    nxt = close + 1
    if toks[nxt].text == ",":
        nxt += 1
    if toks[nxt].lower not in ("and", "but") or nxt + 1 >= end:
        return end
    verb = toks[nxt + 1]
    if verb.text.islower() and verb.lower.endswith(("ed", "s")) and not unit.quoted[nxt + 1]:
        return close + 1
    return end


class _Extractor:
    def __init__(self, text: str) -> None:
        self.text = text
        self.paragraphs = paragraphs(text)
        self.quotes = find_quotes(text, self.paragraphs)
        self.quote_starts = [q.open_at for q in self.quotes]
        self.units: list[Unit] = []
        for p_index, para in enumerate(self.paragraphs):
            lo = bisect_left(self.quote_starts, para[0])
            hi = bisect_left(self.quote_starts, para[1])
            p_quotes = self.quotes[lo:hi]
            q_opens = [q.open_at for q in p_quotes]
            q_ends = [q.outer_end for q in p_quotes]
            for s, e in split_sentences(text, para, p_quotes):
                for toks in chunks(tokenize(text, s, e)):
                    u_start, u_end = toks[0].start, toks[-1].end
                    first_q = bisect_right(q_ends, u_start)
                    last_q = bisect_left(q_opens, u_end)
                    u_quotes = p_quotes[first_q:last_q]
                    starts = [t.start for t in toks]
                    quoted = [False] * len(toks)
                    for q in u_quotes:
                        for k in range(bisect_left(starts, q.start), bisect_left(starts, q.end)):
                            quoted[k] = not is_mark(toks[k])
                    self.units.append(Unit(u_start, u_end, p_index, toks, quoted, u_quotes))
        self.people: PersonIndex = collect_people([u.tokens for u in self.units])
        self.found: list[Attribution] = []
        self.claimed_chains: set[int] = set()
        self.skip_until = -1  # a speaker's turn covers the rest of its paragraph
        self.previous_unit: Unit | None = None
        self.last_floating: tuple[Attribution, list[tuple[int, int]]] | None = None

    # -- helpers -------------------------------------------------------------------------

    def span(self, unit: Unit, a: int, b: int) -> tuple[int, int] | None:
        """Text span of tokens ``a..b`` inclusive, trimmed of edge commas/colons/dashes."""
        toks = unit.tokens
        while a <= b and toks[a].text in (",", ":", ";", "—", "--", "–", "-", "(", ")"):
            a += 1
        while b >= a and toks[b].text in (",", ":", ";", "—", "--", "–", "-", "(", ")"):
            b -= 1
        if a > b or only_punct(toks, a, b + 1):
            return None
        return toks[a].start, toks[b].end

    def speaker(self, unit: Unit, mention: Mention | None) -> Mention | None:
        if mention is None:
            return None
        resolve(mention, unit.tokens, self.people)
        if mention.kind == "person" and mention.name:
            self.people.add_person(mention.start, mention.name)
        elif mention.kind == "group" and mention.name:
            self.people.add_group(mention.start, mention.text, mention.name)
        return mention

    def subject(self, unit: Unit, k: int, lo: int) -> Mention | None:
        """The speaker before the cue at ``k``: "Smith said", "Smith, a Republican, said".

        >>> x = _Extractor("Jones, a Republican from Ohio, said no.")
        >>> x.subject(x.units[0], 7, 0).text
        'Jones'
        """
        toks = unit.tokens
        m = left_np(toks, k, lo)
        if (
            m is not None
            and m.first - 2 >= lo
            and toks[m.first - 1].lower in ("with", "to", "on", "about")
            and toks[m.first - 2].lower in ("familiar", "close", "briefed", "knowledgeable")
        ):
            # "people familiar with the talks said": the speaker is before "familiar"
            m = left_np(toks, m.first - 2, lo) or m
        if m is not None:
            m = possessor(m, toks)
            if (
                m.kind == "group"
                and toks[m.first].lower in ("the", "a", "an")
                and (
                    m.last == m.first + 1
                    and toks[m.last].text[0].islower()
                    and toks[m.last].lower not in VAGUE_HEADS
                )
            ):
                return m  # "the report said": a document speaks for its authors
            return m
        j = k - 1
        if j > lo and toks[j].text in DASHES:
            # "Gingrich — mentioned as a running mate — told Fox": the name before the aside
            for c in range(j - 1, max(lo, j - 40), -1):
                if toks[c].text in DASHES:
                    m3 = left_np(toks, c, lo)
                    if m3 is not None and m3.kind in ("person", "group"):
                        return m3
                    break
        if j > lo and toks[j].text == ",":
            # "Bill Ray, a farmer who once ran for mayor, said": the name before the
            # apposition, which must open its clause
            for c in range(j - 1, max(lo, j - 45), -1):
                if toks[c].text != ",":
                    continue
                m2 = left_np(toks, c, lo)
                if m2 is None or m2.kind not in ("person", "group"):
                    continue
                if (
                    m2.first == lo
                    or toks[m2.first - 1].text in (",", ";")
                    or (is_close_mark(unit, m2.first - 1))
                ):
                    return m2
            # "Another delegate on the slate, Jim Poolman, said": the name between commas
            inner = left_np(toks, j, lo)
            if (
                inner is not None
                and inner.kind == "person"
                and inner.first - 1 > lo
                and toks[inner.first - 1].text == ","
                and name_part(inner.text.split())
            ):
                return inner
        return None

    def _separates(self, unit: Unit, k: int, lo: int) -> bool:
        """Whether token ``k`` can end the content before a postposed speaker."""
        if k < lo + 1:
            return False
        t = unit.tokens[k]
        return t.text in (",", ":") or t.text in DASHES or is_close_mark(unit, k)

    def after_cue(self, unit: Unit, a: int) -> Mention | None:
        """After '"...," said' the words up to the next comma or the end name the speaker.

        Passing: '"We won," said the tired old woman.' Failing: '"We won," said.' (nothing).
        """
        toks = unit.tokens
        b = a
        while b < len(toks) and b - a < 12 and toks[b].text[0].isalnum():
            if b > a + 1 and toks[b].lower in ("who", "whose"):
                break  # '"...," said one of two witnesses who asked not to be named'
            b += 1
        if b == a or (
            b < len(toks) and toks[b].text not in (",", ".", "!", "?", ";", "who", "whose")
        ):
            return None

        return make_mention(toks, a, b - 1)

    def colon_quote(
        self, unit: Unit, consumed: list[bool], previous: Mention | None = None
    ) -> None:
        """'The campaign worded it carefully: "..."' — a quote introduced by a colon after the
        sentence's subject, whatever the verb; '"A," Trump said before adding: "B"' — a speech
        verb right before the colon goes on with the speaker found earlier in the sentence.

        Passing too: 'But back home, he returned to his lines: "..."' (the subject after a
        fronted phrase) and 'Ruiz issued a statement, "..."' (a comma after an utterance
        noun).
        Failing: 'The sign: "Keep out."' mid-paragraph with no subject phrase before it.
        """
        toks = unit.tokens
        n = len(toks)
        for k in range(1, n - 1):
            # "Ruiz issued a statement, “...”": a comma after an utterance noun works as a colon
            introduces = toks[k].text == ":" or (
                toks[k].text == ","
                and toks[k - 1].lower in utterance_nouns()
                and not unit.quoted[k - 1]
            )
            if not introduces or consumed[k] or not is_open_mark(unit, k + 1):
                continue
            if consumed[k + 1]:
                return
            if (
                previous is not None
                and not unit.quoted[k - 1]
                and toks[k - 1].lower in verb_forms()
            ):
                content = [self.span(unit, k + 1, n - 1), *self.chain_pieces(unit, k + 1)]
                if self.add(unit, content, previous, (toks[k - 1].start, toks[k - 1].end)):
                    for j in range(n):
                        consumed[j] = True
                return
            subject = self.sentence_subject(unit, 0)
            if subject is None:
                # "But back home, he returned to his lines: “...”": after a fronted phrase
                for c in range(1, k - 2):
                    if toks[c].text == "," and not unit.quoted[c]:
                        subject = self.sentence_subject(unit, c + 1)
                        break
            reach = subject.last if subject is not None else k
            if subject is not None and reach + 1 < k and toks[reach + 1].text == ",":
                # "The campaign, in a Q&A on the tax, worded it carefully:": skip the aside
                reach = next(
                    (c for c in range(reach + 2, min(k, reach + 16)) if toks[c].text == ","), reach
                )
            if subject is None or subject.last >= k - 1 or k - reach > 14:
                # "... doesn't surprise pollster Daron Shaw: “...”": a name right before
                # the colon
                named = left_np(toks, k, 0)
                if (
                    named is None
                    or named.kind != "person"
                    or not name_part([t.text for t in toks[named.first : named.last + 1]])
                ):
                    return
                subject = self.speaker(unit, named)
                if subject is None:
                    return
                cue_span = (toks[k].start, toks[k].end)
            else:
                cue_from = reach + 1
                while cue_from < k and toks[cue_from].text == ",":
                    cue_from += 1
                cue_span = (toks[cue_from].start, toks[k].end)
            content = [self.span(unit, k + 1, n - 1), *self.chain_pieces(unit, k + 1)]
            if self.add(unit, content, subject, cue_span):
                for j in range(n):
                    consumed[j] = True
            return

    def between_quote_and_cue(self, unit: Unit, k: int, lo: int) -> Mention | None:
        """'"We were happy," his nephew Ali el Sayed added.': whatever stands between a
        closing quote and the cue is the speaker, however it is worded.

        Failing: '"We were happy." Then the rain came and he added more.' (a sentence
        boundary and a clause lie between them).
        """
        toks = unit.tokens
        j = k - 1
        while j > lo and toks[j].lower in ("has", "had", "have", "also", "later", "then"):
            j -= 1
        if toks[j].text == "," and j - 1 > lo:
            named = self._name_before_apposition(unit, j, lo)
            if named is not None:
                return named
        for c in range(j, max(lo - 1, j - 12), -1):
            t = toks[c]
            if is_close_mark(unit, c):
                a = c + 1
                if a <= j and toks[a].text == ",":
                    a += 1
                if a > j or not toks[a].text[0].isalnum():
                    return None

                return make_mention(toks, a, j)
            if t.text == "." and c - 1 > lo and _abbreviation(toks[c - 1].text):
                continue  # "George W. Bush", "Gen. Ana Ruiz": a full stop inside a name
            if is_mark(t) or t.text in (".", "!", "?", ";", ":") or unit.quoted[c]:
                return None
            if t.lower in ("that", "which", "and", "but", "when", "while", "because"):
                return None
        return None

    def _name_before_apposition(self, unit: Unit, comma: int, lo: int) -> Mention | None:
        """'“We lost,” Ohio delegate Bill Lee, wearing a cowboy hat, said.': between the
        closing quote and the cue stand a name and an apposition set off by commas; the name
        is the speaker.

        Failing: '“We lost,” he said, and the crowd, tired and wet, said nothing.' (a mark
        or sentence punctuation comes before a closing quote is reached).
        """
        toks = unit.tokens
        inner = next(
            (c for c in range(comma - 1, max(lo, comma - 25), -1) if toks[c].text == ","), None
        )
        if inner is None or inner - 1 <= lo:
            return None
        if any(
            is_mark(t) or t.text in (".", "!", "?", ";", ":") or unit.quoted[c]
            for c, t in enumerate(toks[inner + 1 : comma], start=inner + 1)
        ):
            return None
        close = next(
            (c for c in range(inner - 1, max(lo - 1, inner - 10), -1) if is_close_mark(unit, c)),
            None,
        )
        if close is None:
            return None
        a = close + 1
        if a < inner and toks[a].text == ",":
            a += 1
        if a >= inner or any(not t.text[0].isalnum() and t.text != "." for t in toks[a:inner]):
            return None
        if not any(t.text[0].isupper() for t in toks[a:inner]):
            return None  # a name, not a clause ('“No,” we agreed, for once, said ...')
        return make_mention(toks, a, inner - 1)

    def chain_pieces(self, unit: Unit, a: int) -> list[tuple[int, int]]:
        """Later paragraphs of a quote that opens at token ``a`` and runs on unclosed."""
        t = unit.tokens[a]
        k = bisect_left(self.quote_starts, t.start)
        if k >= len(self.quotes) or self.quotes[k].open_at != t.start:
            return []
        q = self.quotes[k]
        if q.close_end is not None:
            return []
        pieces: list[tuple[int, int]] = []
        chain = q.chain
        for nq in self.quotes[k + 1 :]:
            if nq.chain != chain:
                break
            pieces.append((nq.open_at, nq.outer_end))
            self.claimed_chains.add(chain)
        return pieces

    def add(
        self,
        unit: Unit,
        content: list[tuple[int, int] | None],
        source: Mention | None,
        cue: tuple[int, int] | None,
        vague: bool = False,
    ) -> Attribution | None:
        pieces = [c for c in content if c is not None]
        if not pieces:
            return None
        if source is not None and source.kind == "vague":
            vague = True
        if (
            source is not None
            and cue is not None
            and is_thing_evidence(source.text, self.text[cue[0] : cue[1]])
        ):
            return None
        attribution = Attribution(pieces, source, cue, (unit.start, unit.end), vague)
        self.found.append(attribution)
        return attribution

    # -- the patterns --------------------------------------------------------------------

    def according(self, unit: Unit, cue: CueMatch, lo: int, consumed: list[bool]) -> bool:
        """``according to X``: X speaks, the content is the rest of the clause.

        Passing: "According to aides, the talks failed." / "The talks failed, according
        to aides." / "These deals, according to statements made, must wait." (vague).
        Failing: "according to plan" at the end of a clause with no comma keeps the
        content before it but "plan" is still taken as the source (a known limit).
        """
        toks = unit.tokens
        n = len(toks)
        p = cue.last + 1
        q = p
        while q < n and toks[q].text not in (",", ".", ";", "!", "?") and q - p < 12:
            if is_open_mark(unit, q):
                break
            q += 1
        if q == p:
            return False
        mention = right_np(toks, p, q)
        if mention is None or mention.last < q - 1:
            mention = make_mention(toks, p, q - 1)
            words = {w.lower() for w in mention.text.split()}
            if words & VAGUE_HEADS:
                mention.kind = "vague"
        mention = self.speaker(unit, mention)
        cue_span = (toks[cue.first].start, toks[cue.last].end)
        start_ok = cue.first == lo or (cue.first == lo + 1 and toks[lo].lower in LEADING_CONJ)
        if start_ok:
            content = [self.span(unit, q, n - 1)]
        else:
            left = self.span(unit, lo, cue.first - 1)
            right = None
            if q < n and toks[q].text == "," and not only_punct(toks, q + 1, n):
                right = self.span(unit, q + 1, n - 1)
            content = [left, right]
        found = self.add(unit, content, mention, cue_span)
        if found:
            for k in range(lo, n):
                consumed[k] = True
        return found is not None

    def cites_reported_speech(
        self,
        unit: Unit,
        cue: CueMatch,
        lo: int,
        cues: list[CueMatch],
        consumed: list[bool],
    ) -> bool:
        """``X said C, according to Y``: X is the speaker of C; Y is only where the reporter
        read it, so the phrase is set aside and the verb cue claims the sentence.

        Passing: "Zelenskyy said the vote would come, according to a transcript." gives
        Zelenskyy's claim "the vote would come". Failing: "The talks failed, according to
        aides." has no speech verb before the phrase: the aides are the speakers.
        """
        toks = unit.tokens
        n = len(toks)
        if not any(
            c.kind == "verb" and c.clause and lo <= c.first < cue.first and not consumed[c.first]
            for c in cues
        ):
            return False
        comma = cue.first - 1
        if comma > lo and toks[comma].text != "," and is_close_mark(unit, comma):
            comma -= 1  # '"... a referendum," according to ...'
        if comma <= lo or toks[comma].text != ",":
            return False
        end = cue.last + 1
        while end < n and toks[end].text not in (",", ".", ";", "!", "?") and end - cue.last < 14:
            if is_open_mark(unit, end):
                return False
            end += 1
        if end < n and toks[end].text == "," and not only_punct(toks, end + 1, n):
            return False  # "..., according to Y, and ..." goes on: leave it to the usual rule
        for k in range(cue.first if comma < cue.first - 1 else comma, end):
            consumed[k] = True
        return True

    def as_clause(self, unit: Unit, cue: CueMatch, lo: int, consumed: list[bool]) -> bool:
        """'As Ruiz put it, A' / 'A, as Ruiz noted.' / 'The tax, as Ruiz said, is a fraud':
        an "as" clause attributes the rest of the sentence to its subject (or, passive, to
        its "by" agent: 'As reported by the Ledger, A').

        Failing: 'Ruiz spoke as Lee said no.' (no comma sets the clause off) and 'As the
        tax rose, Ruiz said no' (the "as" clause has no speech verb: see ``preposed``).
        """
        toks = unit.tokens
        n = len(toks)
        passive = self._as_passive(unit, cue, lo)
        mention: Mention | None
        if passive is not None:
            start, mention = passive
            stop = mention.last + 1
        else:
            mention = left_np(toks, cue.first, lo)
            if mention is None or mention.first - 1 < lo or toks[mention.first - 1].lower != "as":
                return False
            start = mention.first - 1
            stop = cue.last + 1
        while stop < n and stop - cue.last <= 8 and toks[stop].text[0].isalnum():
            stop += 1  # "as Ruiz noted in her speech,"
        clause_ends = stop >= n or only_punct(toks, stop, n) or toks[stop].text == ","
        if not clause_ends:
            return False
        opens = start == lo or (start > lo and toks[start - 1].text == ",")
        if not opens:
            return False
        before = self.span(unit, lo, start - 1) if start > lo else None
        after = self.span(unit, stop + 1, n - 1) if stop < n - 1 else None
        if before is None and after is None:
            return False
        mention = self.speaker(unit, mention)
        if self.add(unit, [before, after], mention, (toks[cue.first].start, toks[cue.last].end)):
            for k in range(lo, n):
                consumed[k] = True
            return True
        return False

    def _as_passive(self, unit: Unit, cue: CueMatch, lo: int) -> tuple[int, Mention] | None:
        """'As reported by the Ledger, A' / 'As first noted by Ruiz, A': a passive "as"
        clause whose "by" agent is the speaker; returns where "as" stands and the agent.

        Passing: 'As first reported by The Ledger, the tax rose.' (The Ledger's claim).
        Failing: 'As Ruiz reported, the tax rose.' (active: the subject is before the cue)
        and 'As reported, the tax rose.' (no agent: nobody is named).
        """
        toks = unit.tokens
        first, last = cue.first, cue.last
        if (
            last + 2 >= len(toks)
            or toks[last + 1].lower != "by"
            or not toks[last].lower.endswith("ed")
        ):
            return None
        start = first - 1
        if start > lo and toks[start].lower != "as" and toks[start].lower.endswith("ly"):
            start -= 1  # "As first reported", "as previously noted"
        elif start > lo and toks[start].lower in ("first", "also", "widely"):
            start -= 1
        if start < lo or toks[start].lower != "as":
            return None
        agent = right_np(toks, last + 2, len(toks))
        if agent is None:
            return None
        return start, agent

    def postposed(self, unit: Unit, cue: CueMatch, lo: int, consumed: list[bool]) -> bool:
        """Speaker and cue after the content.

        Passing: '"We will win," Smith said.' / 'Taxes rise, said Jones.' /
        '"A," he said, "B."' (two pieces, one claim) / '"A" -- Smith'.
        Failing: 'Smith said taxes rise.' (the cue comes first: see ``preposed``).
        """
        toks = unit.tokens
        n = len(toks)
        first, last = cue.first, cue.last
        if _introduces_quote(unit, last + 1) and not is_open_mark(unit, lo):
            return False  # 'After X said "A," Trump said: "B"': the cue opens B
        if toks[first].lower.endswith("ing"):
            return False  # 'Lee defended “values,” saying B': a participle looks forward
        if (_title_before(unit, lo, first) or _fronted_quote(unit, lo, first)) and self.text[
            toks[last].end : unit.end
        ].strip(" .,"):
            return False  # 'On ABC's “This Week,” Carson said taxes rise': a show, not speech
        mention = self.subject(unit, first, lo)
        if mention is None or not self._separates(unit, mention.first - 1, lo):
            mention = self.between_quote_and_cue(unit, first, lo) or mention
        after_quote = first - 1 >= lo and (
            is_close_mark(unit, first - 1)
            or (toks[first - 1].text == "," and first - 2 >= lo and is_close_mark(unit, first - 2))
        )
        if mention is not None:
            before = mention.first - 1
            after = last + 1
            if cue.lemma in LISTENER_VERBS:
                listener = right_np(toks, after, n)  # ", a spokesman told The Times."
                if listener is not None:
                    after = listener.last + 1
        elif (cue.lemma in INVERTIBLE or after_quote) and first - 1 >= lo:
            mention = right_np(toks, last + 1, n)
            if mention is None and after_quote:
                mention = self.after_cue(unit, last + 1)  # '"...," said the woman, who ...'
            if mention is None:
                return False
            before = first - 1
            after = mention.last + 1
            if (
                after + 1 < n
                and toks[after].text == "."
                and toks[mention.last].lower in ("jr", "sr", "inc", "co", "corp", "ltd")
                and toks[after + 1].text in (",", "(")
            ):
                after += 1  # 'said Robert P. Casey Jr., a Clinton backer'
        else:
            return False
        if before < lo or before - lo < 1:
            return False
        sep = toks[before]
        if not self._separates(unit, before, lo):
            return False
        quote_before = is_close_mark(unit, before) or (
            sep.text == "," and before >= 1 and is_close_mark(unit, before - 1)
        )
        stop = tail_end(unit, after, free=quote_before)
        if stop is None:
            return False
        # A weak verb closes a quote ('"...," it reads.') or a whole clause ("..., the
        # reports show.") but never starts content in the middle of a sentence.
        if not cue.clause and not quote_before and not (stop == len(toks) and sep.text == ","):
            return False
        if not quote_before and _fronted_only(unit, lo, before):
            return False  # "Now, Carson has responded": an adverbial, not what was said
        left_from = lo
        if quote_before:
            left_from = self._introduced_quote_start(unit, before, lo)
        left = self.span(unit, left_from, before)
        if _asked_clause(toks, lo, before):
            left = None  # 'Asked whether ..., Earnest responded, "B"': the question is not his
        right = None
        if (
            stop < n
            and (toks[stop].text != ":" or stop == after)
            and not only_punct(toks, stop + 1, n)
        ):
            nxt = stop + 1
            participle = toks[nxt].lower.endswith("ing") and any(
                c.first == nxt for c in find_cues(toks, unit.quoted)
            )
            if not participle and self._continues(unit, lo, nxt, inverted=mention.first > last):
                right = self.span(unit, nxt, n - 1)
        mention = self.speaker(unit, mention)
        found = self.add(unit, [left, right], mention, (toks[first].start, toks[last].end))
        if found is None:
            return False
        end = n if right is not None else stop
        for k in range(left_from, end):
            consumed[k] = True
        return True

    def _introduced_quote_start(self, unit: Unit, before: int, lo: int) -> int:
        """Where the content of a postposed cue starts when the quote before the speaker is
        introduced by a colon or a dash: at that quote, so the clause before it is free for
        its own cue.

        Passing: 'Ruiz hinted that the deal was dead: “It is over,” she said.' (the quote is
        the claim of "said"; "hinted" keeps "that the deal was dead").
        Failing: '“It is over,” she said.' and 'The deal, “It is over,” she said.' (no colon
        or dash before the quote: the content starts at the sentence start as before).
        """
        toks = unit.tokens
        close = before if is_close_mark(unit, before) else before - 1
        end = toks[close].end
        quote = next((q for q in unit.quotes if q.close_end == end), None)
        if quote is None:
            return lo
        starts = [t.start for t in toks]
        opener = bisect_left(starts, quote.open_at)
        if opener - 1 <= lo or opener >= len(toks) or toks[opener].start != quote.open_at:
            return lo
        if toks[opener - 1].text != ":" and toks[opener - 1].text not in DASHES:
            return lo
        return opener

    def _continues(self, unit: Unit, lo: int, nxt: int, inverted: bool) -> bool:
        """Whether the words after a mid-sentence "Smith said," go on with the content.

        Passing: '"A," he said, "B."' and 'The tax, Novak said, will go.'
        Failing: '"A," said Reyes, a trader.' (an apposition describing the speaker).
        """
        toks = unit.tokens
        if is_open_mark(unit, lo):
            return is_open_mark(unit, nxt)
        word = toks[nxt].lower
        if word in ("who", "which", "whose", "according"):
            return False
        return not (inverted and word in DETERMINERS)

    def inverted_start(self, unit: Unit, cue: CueMatch, consumed: list[bool]) -> bool:
        """'Said Comey, "The error pains us."': cue and speaker open the sentence.

        Failing: 'Said to be ill, he stayed home.' (no name and comma after the cue).
        """
        toks = unit.tokens
        n = len(toks)
        mention = right_np(toks, cue.last + 1, n)
        if (
            mention is None
            or mention.last + 1 >= n
            or toks[mention.last + 1].text not in (",", ":")
        ):
            return False
        begin = mention.last + 2
        if begin >= n and toks[n - 1].text == ":":
            quoted = self.next_paragraph_quote(unit)  # 'Stated Ruiz:' then a quote paragraph
            if quoted is None:
                return False
            cue_span = (toks[cue.first].start, toks[cue.last].end)
            if self.add(unit, [*quoted], self.speaker(unit, mention), cue_span) is None:
                return False
            for j in range(n):
                consumed[j] = True
            return True
        speaker = self.speaker(unit, mention)
        content = [self.span(unit, begin, n - 1)]
        if begin < n and is_open_mark(unit, begin):
            content.extend(self.chain_pieces(unit, begin))
        cue_span = (toks[cue.first].start, toks[cue.last].end)
        if self.add(unit, content, speaker, cue_span) is None:
            return False
        for j in range(n):
            consumed[j] = True
        return True

    def dash(self, unit: Unit, consumed: list[bool]) -> None:
        """A quote signed after a dash: '"We will win." -- John Smith', '“...” ― Ana Ruiz,
        34, Tucson' (an apposition may follow the name).

        Failing: '"We will win" -- and they did.' (no name after the dash).
        """
        toks = unit.tokens
        n = len(toks)
        for k in range(1, n - 1):
            if toks[k].text == "[" and is_close_mark(unit, k - 1) and not consumed[k]:
                # '“...” [Pew.]': a bracketed citation after a quote names its source
                close = next((j for j in range(k + 1, min(n, k + 8)) if toks[j].text == "]"), None)
                mention = right_np(toks, k + 1, close) if close is not None else None
                if close is not None and mention is not None and only_punct(toks, close, n):
                    speaker = self.speaker(unit, mention)
                    if self.add(unit, [self.span(unit, 0, k - 1)], speaker, None):
                        for j in range(n):
                            consumed[j] = True
                return
            if toks[k].text in DASHES and is_close_mark(unit, k - 1) and not consumed[k]:
                mention = right_np(toks, k + 1, n)
                if mention is not None and (
                    only_punct(toks, mention.last + 1, n) or toks[mention.last + 1].text == ","
                ):
                    mention = self.speaker(unit, mention)
                    if self.add(unit, [self.span(unit, 0, k - 1)], mention, None):
                        for j in range(n):
                            consumed[j] = True
                return

    def preposed(
        self,
        unit: Unit,
        cue: CueMatch,
        lo: int,
        hi: int,
        previous: Mention | None,
        cues: list[CueMatch],
    ) -> Attribution | None:
        """Speaker and cue before the content.

        Passing: "Putin maintained that talks require more." / "Smith told reporters that
        taxes rise." / "Smith said: “We will win.”" / "..., adding that B" (the earlier
        speaker) / "It was reported that B" (no speaker, vague).
        Failing: "The report, which was long, ..." (no cue) and "She found the keys."
        (a weak cue with no clause after it).
        """
        toks = unit.tokens
        first, last = cue.first, cue.last
        if not cue.clause:
            return None
        vague = False
        mention: Mention | None = None
        k = first
        if (
            cue.lemma == "say"
            and first >= 2
            and toks[first - 1].lower == "as"
            and (toks[first - 2].lower == "quoted")
        ):
            k = first - 2  # "was quoted as saying"
        mention = left_np(toks, first, lo) if cue.kind == "noun" else self.subject(unit, k, lo)
        if mention is not None and mention.text.lower() == "it" and toks[first - 1].lower in BE:
            mention = None  # "it was reported that": nobody is named
            vague = True
        elif mention is None:
            prev_tok = toks[first - 1].lower if first - 1 >= lo else ""
            if first >= 2 and is_close_mark(unit, first - 1) and toks[first - 2].text == ",":
                prev_tok = ","  # 'a defense of “New York values,” saying ...'
            if (
                first - 2 >= lo
                and (
                    prev_tok in _LINKING_ADVERBS or (prev_tok.endswith("ly") and len(prev_tok) > 4)
                )
                and toks[first - 2].lower in ("and", "but")
            ):
                prev_tok = toks[first - 2].lower  # "... and later said", "but quickly added"
            if toks[first].lower.endswith("ing") and prev_tok in (
                "by",
                "while",
                "in",
                "after",
                "before",
            ):
                # "X reacted by asserting": the subject of the verb before "by"
                mention = self.subject(unit, first - 2, lo) if first - 2 > lo else None
                if mention is None:
                    mention = previous if previous is not None else self.sentence_subject(unit, lo)
                if mention is None:
                    return None
            elif toks[first].lower.endswith("ing") and prev_tok in (",", "and"):
                mention = previous if previous is not None else self.sentence_subject(unit, lo)
                if mention is None:
                    return None
            elif self._continues_previous(unit, cue):
                # 'Adding, “...”' opening a sentence: the speaker of the claim just before
                mention = self.found[-1].source
            elif prev_tok in ("and", "but"):
                # "The senator survived prison and says torture fails": the clause subject;
                # "Ruiz praised the plan and warned that ...": the first verb's speaker
                mention = previous if previous is not None else self.sentence_subject(unit, lo)
                if mention is None:
                    return None
            elif prev_tok == "to" and (raised := self.raised_subject(unit, first - 1, lo)):
                mention = raised
            elif prev_tok in BE and any(t.lower == "it" for t in toks[max(lo, first - 4) : first]):
                vague = True  # "it was reported that"
            else:
                # "Mr. Coleman, for example, had endorsed ...", "The survey, conducted in
                # May, also found that ...": the sentence's subject, when nothing but an
                # aside can stand between it and the cue
                mention = self.sentence_subject(unit, lo)
                if (
                    mention is None
                    or mention.last >= first
                    or not self._aside_only(unit, mention.last + 1, first)
                ):
                    return None
        if cue.lemma in ("title", "entitle") and is_open_mark(unit, min(last + 2, hi - 1)):
            # "Ruiz released a memo titled “...”": the title is the words of whoever made
            # the thing, the sentence's subject, not of the memo
            maker = self.sentence_subject(unit, lo)
            if maker is None and lo == 0:
                comma = next((c for c in range(1, first) if toks[c].text == ","), None)
                if comma is not None:
                    maker = self.sentence_subject(unit, comma + 1)
            if maker is not None and maker.last < first:
                mention = maker
        p = last + 1
        n = hi
        stance = cue.kind == "noun" and cue.last > cue.first  # "Trump's criticism of Ford"
        if (
            (cue.kind == "noun" and not stance)
            or cue.lemma in LISTENER_VERBS
            or (p < n and toks[p].lower in FILLER_STARTS)
        ):
            # "told reporters that ...", "groused to a crowd in Georgia that ..."
            for j in range(p, min(n, p + 8)):
                if toks[j].lower == "that":
                    p = j
                    break
                if toks[j].text in (",", ";") or is_open_mark(unit, j):
                    break
        if p < n and toks[p].text == ":" and only_punct(toks, p, n):
            quoted = self.next_paragraph_quote(unit)
            if quoted is None:
                return None
            mention = self.speaker(unit, mention) if mention is not previous else mention
            return self.add(unit, [*quoted], mention, (toks[first].start, toks[last].end), vague)
        while p < n and toks[p].text in (":", ","):
            p += 1
        if p < n and toks[p].lower == "that" and cue.kind == "noun":
            p += 1
        if p >= n:
            return None
        if cue.lemma == "ask" and [t.lower for t in toks[p : p + 3]] == ["not", "to", "be"]:
            return None  # "who asked not to be named": a condition of anonymity, no claim
        if _by_means(toks, p) and not (cue.kind == "verb" and is_passive(toks, first, lo)):
            return None  # "The DNC responded by blocking access": an act, not speech
        # The content stops where a participle cue starts a new attribution: ", adding ...".
        end = n
        for other in cues:
            if other.first <= p or other.first >= end or unit.quoted[other.first]:
                continue
            after_comma = toks[other.first - 1].text == "," or (
                is_close_mark(unit, other.first - 1) and toks[other.first - 2].text == ","
            )
            if toks[other.first].lower.endswith("ing") and (
                after_comma or toks[other.first - 1].lower == "and"
            ):
                end = other.first if is_close_mark(unit, other.first - 1) else other.first - 1
                break
            conjunction = _coordinating_word(toks, other)
            if conjunction is not None:
                end = conjunction
                break
            # ", Putin counter-argued that ...": a new clause with its own speaker
            if other.kind == "verb":
                m = left_np(toks, other.first, p)
                if (
                    m is not None
                    and m.first - 1 > p
                    and (
                        toks[m.first - 1].text in (",", ";")
                        or toks[m.first - 1].lower in ("and", "but")
                        or is_close_mark(unit, m.first - 1)
                    )
                ):
                    end = m.first - 1
                    break
                boundary = _new_clause_start(unit, p, other.first)
                if boundary is not None:
                    end = boundary
                    break
        if stance:
            end = _noun_phrase_end(unit, p, end)
        end = _quote_then_circumstance(unit, p, end)
        if cue.lemma in _NAMING_VERBS:
            end = _naming_quote_end(unit, p, end)
        content = [self.span(unit, p, end - 1)]
        if is_open_mark(unit, p):
            content.extend(self.chain_pieces(unit, p))
        if (
            mention is not None
            and mention is not previous
            and cue.kind == "verb"
            and is_open_mark(unit, p)
            and toks[p - 1].text in (",", ":")
            and is_passive(toks, first, lo)
        ):
            # "Lee was asked, “Will you run?”": the subject heard the quote; who said it is
            # the "by" agent, or nobody named (vague)
            mention = self.by_agent(unit, last + 1, end)
            vague = mention is None
        elif (
            mention is not None
            and mention is not previous
            and mention.kind != "pronoun"
            and cue.kind == "verb"
            and is_passive(toks, first, lo)
        ):
            # "The suspect's name was announced on the scanner": what was reported is the
            # subject; who reported it is the "by" agent, or nobody (vague)
            agent = self.by_agent(unit, last + 1, end)
            content = [(mention.start, mention.end)]
            mention = agent
            vague = agent is None
        if mention is not None and mention is not previous:
            mention = self.speaker(unit, mention)
        found = self.add(unit, content, mention, (toks[first].start, toks[last].end), vague)
        return found

    def _continues_previous(self, unit: Unit, cue: CueMatch) -> bool:
        """A participle cue that opens a sentence and is followed by a comma or colon and a
        quote goes on with the speaker of the attribution just before (same or last
        paragraph).

        Passing: 'Lee said the audit failed. Adding, “It is worse.”' (Lee's quote).
        Failing: 'Adding, “It is worse.”' with no attribution before it, and 'Adding salt
        helps.' (no comma and quote after the participle).
        """
        toks = unit.tokens
        first, last = cue.first, cue.last
        if first != 0 or not toks[0].lower.endswith("ing") or not self.found:
            return False
        if last + 2 >= len(toks) or toks[last + 1].text not in (",", ":"):
            return False
        if not is_open_mark(unit, last + 2):
            return False
        prev = self.found[-1]
        near = unit.paragraph - self._paragraph_of(prev.sentence[0]) <= 1
        return prev.source is not None and near

    def raised_subject(self, unit: Unit, to: int, lo: int) -> Mention | None:
        """The subject of the verb that governs "to <cue>": "He went on to say", "Ruiz was
        quick to add", "The mayor also moved to call ...".

        Passing: "He went on to say taxes rise" (he says it), "Ruiz declined to say whether
        ..." (PolNeAR counts a refusal to speak as an attribution too).
        Failing: "The plan to say no" (no verb before "to": nobody speaks), "He asked
        Ruiz to say no" (an object between: Ruiz is asked, he does not speak) and "It is
        too soon to say" (no speaker).
        """
        toks = unit.tokens
        for j in range(to - 1, max(lo, to - 4) - 1, -1):
            t = toks[j]
            if not (t.text.isalpha() and t.text.islower()) or t.lower in ("too", "enough"):
                return None  # "It is too soon to say": an assessment, not a speaker's act
            if t.lower in ("on", "quick", "going", "about", "ready", "eager"):
                continue  # "went on to", "was quick to", "is going to"
            mention = self.subject(unit, j, lo)
            if mention is not None and mention.kind in ("person", "group", "pronoun"):
                return mention if mention.text.lower() != "it" else None
        return None

    def next_paragraph_quote(self, unit: Unit) -> list[tuple[int, int]] | None:
        """The quote that makes up the whole next paragraph, for a paragraph ending "X said:".

        Passing: 'Ruiz responded:' then a paragraph '“We will appeal.”' (Ruiz's quote).
        Failing: 'Ruiz responded:' then '“We will appeal,” Lee said.' (a quote with its own
        attribution) or a paragraph of plain prose.
        """
        if unit.paragraph + 1 >= len(self.paragraphs):
            return None
        if self.text[unit.end : self.paragraphs[unit.paragraph][1]].strip():
            return None  # the colon does not end its paragraph
        p_start, p_end = self.paragraphs[unit.paragraph + 1]
        k = bisect_left(self.quote_starts, p_start)
        if k >= len(self.quotes) or self.quotes[k].open_at != p_start:
            return None
        q = self.quotes[k]
        if self.text[q.outer_end : p_end].strip(" .,;\t\r\n"):
            return None
        pieces = [(q.open_at, q.outer_end)]
        for nq in self.quotes[k + 1 :]:
            if nq.chain != q.chain:
                break
            pieces.append((nq.open_at, nq.outer_end))
        self.claimed_chains.add(q.chain)
        self.skip_until = max(self.skip_until, pieces[-1][1])
        return pieces

    def _aside_only(self, unit: Unit, a: int, b: int) -> bool:
        """Whether tokens ``a..b`` hold only a comma-bounded aside and auxiliaries.

        Passing: ", for example, had previously" / ", conducted in May, also" / " in Ohio,
        including the Post,".
        Failing: " met voters and later" (another verb phrase: its own clause).
        """
        toks = unit.tokens
        if a >= b:
            return True
        if toks[a].lower in _PP_STARTS:
            # "proponents of more controls on hate speech here say": a chain of prepositional
            # phrases with no verb and no punctuation in it still belongs to the subject, and
            # so does an aside after it ("Six papers in Ohio, including the Post, said")
            forms = verb_forms()
            j = a
            while j < b and j - a <= 12:
                t = toks[j]
                if not t.text[0].isalnum():
                    break
                if t.lower in forms or t.lower in BE or t.lower.endswith("ed"):
                    return False
                j += 1
            if j == b:
                return True
            if j - a > 12 or toks[j].text != ",":
                return False
            a = j
        if toks[a].text != ",":
            return False
        close = next((k for k in range(b - 1, a, -1) if toks[k].text == ","), None)
        if close is None or close - a > 20:
            return False
        # only auxiliaries, adverbs or a time may follow the aside ("..., on Friday said")
        return skip_between_subject_and_verb(toks, b - 1, close + 1) < close + 1

    def by_agent(self, unit: Unit, a: int, b: int) -> Mention | None:
        """The agent of a passive cue: "was announced by the police" -> "the police"."""
        toks = unit.tokens
        for k in range(a, min(b, a + 4)):
            if toks[k].lower == "by":
                return right_np(toks, k + 1, b)
        return None

    def sentence_subject(self, unit: Unit, lo: int) -> Mention | None:
        """The subject at the start of a sentence, for ", saying ..." with no speaker before."""
        toks = unit.tokens
        n = len(toks)
        k = lo
        # a dateline: "WASHINGTON (AP) — Clinton said ..."
        for d in range(k + 1, min(n, k + 6)):
            if toks[d].text in DASHES and toks[k].text.isupper() and len(toks[k].text) > 1:
                k = d + 1
                break
        while k < n and (toks[k].lower in LEADING_CONJ or toks[k].text == ","):
            k += 1
        if k < n and toks[k].lower in FRONTED:
            # "On Tuesday, Clinton ...": the subject follows the fronted phrase
            comma = next((j for j in range(k, min(n, k + 12)) if toks[j].text == ","), None)
            if comma is None:
                return None
            k = comma + 1
        m = right_np(toks, k, n)
        if m is None:
            # "The campaign spent the week attacking ...": a common-noun subject, found
            # from its verb (the first auxiliary or cue word after it)
            forms = verb_forms()
            for v in range(k + 1, min(n, k + 6)):
                if toks[v].lower in forms or toks[v].lower in BE:
                    m = left_np(toks, v, k)
                    break
        if m is None or m.kind not in ("person", "group", "pronoun") or m.first != k:
            return None
        if m.first == m.last and toks[k].lower in _SUBORDINATORS:
            return None  # "As if talking to him, the board ...": a clause opener, not a name
        return self.speaker(unit, m)

    def speaker_line(self, unit: Unit, consumed: list[bool]) -> bool:
        """A speaker label opening a paragraph: 'Smith: “We will win.”', a transcript's
        'TAPPER: Do you think so?' or 'Q: ...', a headline 'Gingrich: Trump must decide'.

        Without a quote the label must be a transcript label (capitals, Q, A) or a person
        named elsewhere in the article, and the turn runs to the end of the paragraph.
        Failing: 'What This Means: Escalating Deadlock' (not a person).
        """
        toks = unit.tokens
        if len(toks) < 3:
            return False
        paragraph_start = unit.start == self.paragraphs[unit.paragraph][0]
        for k in range(1, min(6, len(toks) - 1)):
            if toks[k].text != ":":
                continue
            label = toks[0:k]
            quoted = is_open_mark(unit, k + 1)
            transcript = all(t.text.isupper() or t.text == "." for t in label) or (
                k == 1 and toks[0].text in ("Q", "A")
            )
            mention = right_np(toks, 0, k)
            if transcript:
                mention = make_mention(toks, 0, k - 1)
                mention.kind = "person"
            if mention is None or mention.last != k - 1 or mention.kind != "person":
                return False
            if not paragraph_start and not quoted:
                return False
            if not (quoted and paragraph_start) and not transcript:
                parts = mention.text.replace("’s", "").split()
                known = set(self.people.full_names) | set(self.people.full_names.values())
                if not (parts and (parts[-1] in known or mention.text in known)):
                    return False
            speaker = self.speaker(unit, mention)
            para_end = self.paragraphs[unit.paragraph][1]
            if quoted:
                content = [self.span(unit, k + 1, len(toks) - 1), *self.chain_pieces(unit, k + 1)]
            else:
                start = toks[k + 1].start
                while para_end > start and self.text[para_end - 1] in " .\t\r":
                    para_end -= 1
                words = sum(1 for t in toks[k + 1 :] if t.text[0].isalpha())
                if words < 2 and not transcript:
                    return False  # "Clinton: 547." is a tally, not a statement
                content = [(start, para_end)] if para_end > start else []
                self.skip_until = self.paragraphs[unit.paragraph][1]
            if self.add(unit, content, speaker, (toks[k].start, toks[k].end)):
                for j in range(len(toks)):
                    consumed[j] = True
                return True
            return False
        return False

    def signed_by_verb(self, unit: Unit) -> bool:
        """A quote that opens its sentence and ends in ``,`` ``?`` or ``!`` inside the marks,
        followed by a name or pronoun and one past-tense or present verb that is not in the
        lexicon: the verb is a speech verb by position ("barked", "boomed", "pressed").

        Passing: '“Go home now,” Smith barked.' and '“Is it over?” she pressed, leaning in.'
        Failing: '“Go home now,” Smith’s sign.' (no verb) and '“Home,” the word, is short.'
        (no verb right after the name) and '“Go home.” Smith walked out.' (the quote ends in a
        full stop, so it is a sentence of its own).
        """
        toks = unit.tokens
        n = len(toks)
        if n < 4 or not is_open_mark(unit, 0):
            return False
        close = next((j for j in range(1, n) if is_close_mark(unit, j)), None)
        if close is None or close + 2 >= n or toks[close - 1].text not in (",", "?", "!"):
            return False
        mention = right_np(toks, close + 1, n)
        if mention is None or mention.kind not in ("person", "pronoun", "group"):
            return False
        v = mention.last + 1
        if v >= n:
            return False
        verb = toks[v]
        if not verb.text.isalpha() or not verb.text.islower() or len(verb.text) < 4:
            return False
        if not (verb.lower.endswith("ed") or verb.lower.endswith("s")):
            return False
        if v + 1 < n and not (
            toks[v + 1].text in (",", ".", "!", "?", ";")
            or toks[v + 1].lower in ("and", "as", "before", "after", "while", "at", "in", "on")
        ):
            return False
        content = [self.span(unit, 0, close), *self.chain_pieces(unit, 0)]
        speaker = self.speaker(unit, mention)
        return self.add(unit, content, speaker, (verb.start, verb.end)) is not None

    def colon_paragraph(self, unit: Unit) -> bool:
        """A paragraph that ends in a colon after its subject, whatever the verb, introduces
        the quote paragraph after it: that quote is the subject's.

        Passing: 'Ruiz issued the following statement:' then a paragraph '“We won.”'.
        Failing: 'Here are the results:' then '“We won.”' (no subject) and 'Ruiz issued the
        following statement:' then prose (no quote paragraph).
        """
        toks = unit.tokens
        n = len(toks)
        if n < 3 or toks[n - 1].text != ":" or any(unit.quoted):
            return False
        subject = self.sentence_subject(unit, 0)
        if subject is None:
            comma = next((c for c in range(1, n - 3) if toks[c].text == ","), None)
            if comma is not None and toks[0].lower in FRONTED:
                subject = self.sentence_subject(unit, comma + 1)
        if subject is None or (subject.kind == "pronoun" and subject.name is None):
            return False
        if subject.first == subject.last and toks[subject.first].lower in _SENTENCE_ADVERBS:
            return False  # "Here are the results:"
        if subject.last + 1 >= n - 1:
            return False
        quoted = self.next_paragraph_quote(unit)
        if quoted is None:
            return False
        cue = (toks[subject.last + 1].start, toks[n - 1].end)
        return self.add(unit, [*quoted], subject, cue) is not None

    def floating(self, unit: Unit) -> None:
        """A sentence that is only a quote carries the speaker of the attribution before it.

        Passing: 'Smith spoke. "We will win. We always do."' (the second sentence is
        Smith's if the first one attributed something to him).
        Failing: 'The “workplace” issue grew.' (a scare quote inside a sentence).
        """
        toks = unit.tokens
        if not toks or not is_open_mark(unit, 0) or not self.found:
            return
        words = [k for k, t in enumerate(toks) if t.text[0].isalnum()]
        if not words or sum(unit.quoted[k] for k in words) < 0.8 * len(words):
            return
        k = bisect_left(self.quote_starts, toks[0].start)
        if k < len(self.quotes) and self.quotes[k].chain in self.claimed_chains:
            return
        prev = self.found[-1]
        prev_para = self._paragraph_of(prev.sentence[0])
        if unit.paragraph - prev_para > 1 or prev.source is None:
            return
        content = [self.span(unit, 0, len(toks) - 1), *self.chain_pieces(unit, 0)]
        pieces = [c for c in content if c is not None]
        prev.content.extend(pieces)
        self.last_floating = (prev, pieces)

    def poll_frame(self, unit: Unit) -> bool:
        """A poll named in an "in" phrase reports the rest of the sentence.

        Passing: "In a Gallup survey released Monday, 52 percent backed the plan." and
        "Ruiz holds a six-point lead in the latest Marist poll." (the poll is the source,
        "In"/"in" the cue).
        Failing: "In the city, most voters backed the plan." (no poll noun) and a sentence
        that already has an attribution ("In a poll, 52 percent said ...").
        """
        toks = unit.tokens
        n = len(toks)
        while n > 0 and (toks[n - 1].text in END_PUNCT or is_close_mark(unit, n - 1)):
            n -= 1
        k = 0
        while k < n and toks[k].lower in LEADING_CONJ:
            k += 1
        if k < n and toks[k].lower == "in":
            comma = next((j for j in range(k + 1, min(n, k + 14)) if toks[j].text == ","), None)
            if comma is None or not any(t.lower in POLL_NOUNS for t in toks[k + 1 : comma]):
                return False
            if sum(1 for t in toks[comma + 1 : n] if t.text[0].isalnum()) < 3:
                return False
            source, cue_at, content = (k + 1, comma - 1), k, self.span(unit, comma + 1, n - 1)
        else:
            j = next((j for j in range(n - 2, max(k, n - 9), -1) if toks[j].lower == "in"), None)
            if j is None or toks[n - 1].lower not in POLL_NOUNS:
                return False
            if sum(1 for t in toks[k:j] if t.text[0].isalnum()) < 3:
                return False
            source, cue_at, content = (j + 1, n - 1), j, self.span(unit, k, j - 1)
        if any(unit.quoted[source[0] : source[1] + 1]):
            return False
        mention = make_mention(toks, *source)
        if mention.kind not in ("person", "group"):
            mention.kind = "group"
        cue = (toks[cue_at].start, toks[cue_at].end)
        return self.add(unit, [content], self.speaker(unit, mention), cue) is not None

    def signature(self, unit: Unit, previous: Unit | None) -> bool:
        """'- Bernie Sanders' alone after a quote-only paragraph signs that quote.

        Failing: '- Item one' after ordinary prose (no quote to sign).
        """
        toks = unit.tokens
        n = len(toks)
        if previous is None or n < 2 or toks[0].text not in (*DASHES, "["):
            return False
        mention = right_np(toks, 1, n)
        if mention is None or not (
            only_punct(toks, mention.last + 1, n) or toks[mention.last + 1].text == ","
        ):
            return False  # '- Bernie Sanders' or a citation '[Pew.]'
        if toks[0].text == "[" and toks[-1].text != "]":
            return False
        ptoks = previous.tokens
        words = [k for k, t in enumerate(ptoks) if t.text[0].isalnum()]
        if not words or not all(previous.quoted[k] for k in words):
            return False
        piece = self.span(previous, 0, len(ptoks) - 1)
        if piece is None:
            return False
        if self.last_floating is not None and piece in self.last_floating[1]:
            self.last_floating[0].content.remove(piece)  # it was taken for a follow-on
        elif any(piece[0] < e and s < piece[1] for a in self.found for s, e in a.content):
            return False
        return self.add(unit, [piece], self.speaker(unit, mention), None) is not None

    def _paragraph_of(self, index: int) -> int:
        starts = [p[0] for p in self.paragraphs]
        return max(0, bisect_left(starts, index + 1) - 1)

    # -- driver --------------------------------------------------------------------------

    def run_unit(self, unit: Unit) -> None:
        toks = unit.tokens
        n = len(toks)
        if n == 0:
            return
        before = len(self.found)
        consumed = [False] * n
        if unit.start < self.skip_until or is_headline(unit):
            return
        if self.speaker_line(unit, consumed) or self.signature(unit, self.previous_unit):
            return
        cues = find_cues(toks, unit.quoted)
        # Pass 1: attributions whose content comes first (or "according to").
        lo = 0
        for cue in cues:
            if consumed[cue.first]:
                continue
            if cue.kind == "according":
                if self.cites_reported_speech(unit, cue, lo, cues, consumed):
                    continue
                if self.according(unit, cue, lo, consumed):
                    lo = next((k for k in range(n) if not consumed[k]), n)
                continue
            if cue.first == 0 and cue.lemma in INVERTIBLE and toks[0].text[0].isupper():
                if self.inverted_start(unit, cue, consumed):
                    break
                continue
            if cue.kind == "verb" and self.as_clause(unit, cue, lo, consumed):
                lo = next((k for k in range(n) if not consumed[k]), n)
                continue
            if cue.kind == "verb" and self.postposed(unit, cue, lo, consumed):
                lo = next((k for k in range(n) if not consumed[k]), n)
        if unit.quotes:
            self.dash(unit, consumed)
        # Pass 2: cue first, content after, in the stretches not used yet.
        previous: Mention | None = None
        pass_one = self.found[before:]
        if pass_one:
            previous = pass_one[-1].source
        k = 0
        for cue in cues:
            if consumed[cue.first] or cue.first < k:
                continue
            lo2 = cue.first
            while lo2 > 0 and not consumed[lo2 - 1]:
                lo2 -= 1
            hi = cue.last + 1
            while hi < n and not consumed[hi]:
                hi += 1
            found = self.preposed(unit, cue, lo2, hi, previous, cues)
            if found is not None:
                previous = found.source
                end_index = found.content[0][1]
                k = next((j for j in range(n) if toks[j].start >= end_index), n)
                # a participle cue inside the content starts its own attribution
                for j in range(cue.last + 1, k):
                    consumed[j] = True
                k = cue.last + 1
                for j, t in enumerate(toks):
                    if t.start >= end_index:
                        break
                    if j > cue.last:
                        consumed[j] = True
        if unit.quotes:
            self.colon_quote(unit, consumed, previous)
        if (
            len(self.found) == before
            and not self.poll_frame(unit)
            and not (unit.quotes and self.signed_by_verb(unit))
            and not self.colon_paragraph(unit)
        ):
            self.floating(unit)

    def run(self) -> list[Attribution]:
        for unit in self.units:
            try:
                self.run_unit(unit)
                self.previous_unit = unit
            except (IndexError, ValueError, KeyError):  # pragma: no cover - defensive
                continue
        return self.found


def extract_attributions(text: str) -> list[Attribution]:
    """Every attribution in ``text``, in reading order.

    >>> t = '"We will win," Smith said, "and soon." Jones said taxes rise.'
    >>> [(t[a.content[0][0]:a.content[0][1]], a.source.text) for a in extract_attributions(t)]
    [('"We will win,"', 'Smith'), ('taxes rise.', 'Jones')]
    """
    found = _Extractor(text).run()
    found.sort(key=lambda a: min(s for s, _ in a.content))
    return found
