"""The cue lexicon: speech verbs (all their forms, mapped to the lemma) and utterance nouns.

The word lists live in ``data/*.txt`` so that they can be extended without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_VOWELS = set("aeiou")
_PARTICLES = frozenset(["out", "for", "on", "to", "up", "about", "of", "in", "back", "off"])


@dataclass(frozen=True)
class VerbEntry:
    """One verb form: its lemma, the particle it needs ("out" for "point out"), weakness."""

    lemma: str
    particle: str | None
    weak: bool
    takes_object: bool = False


def inflect(lemma: str) -> set[str]:
    """Regular forms of an English verb: -s, -ed, -ing (with the common spelling rules).

    >>> sorted(inflect("argue"))
    ['argue', 'argued', 'argues', 'arguing']
    >>> sorted(inflect("worry")) == sorted({"worry", "worries", "worried", "worrying"})
    True
    >>> sorted(inflect("agree"))
    ['agree', 'agreed', 'agreeing', 'agrees']
    >>> "stopped" in inflect("stop")  # no consonant doubling: list such forms in the data file
    False
    """
    forms = {lemma}
    if lemma.endswith("ee"):
        forms |= {lemma + "s", lemma + "d", lemma + "ing"}  # agree: agreed, agreeing
    elif lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    return forms


def _lines(name: str) -> list[str]:
    text = (
        resources.files("factcheck.claims")
        .joinpath("data")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def verb_forms() -> dict[str, tuple[VerbEntry, ...]]:
    """Every form of every cue verb (lower case) -> the entries it can be.

    >>> verb_forms()["said"][0].lemma
    'say'
    >>> "labeling" in verb_forms() and "labelled" in verb_forms()
    True
    >>> "table" in verb_forms()
    False
    """
    table: dict[str, list[VerbEntry]] = {}
    for line in _lines("cue_verbs.txt"):
        weak = line.startswith(("~", "+"))
        takes_object = line.startswith("+")
        words = line.lstrip("~+").split()
        lemma = words[0]
        particle: str | None = None
        irregular = words[1:]
        if irregular and irregular[0] in {
            "out",
            "for",
            "on",
            "to",
            "up",
            "about",
            "of",
            "in",
            "back",
            "off",
            "it",
            "after",
        }:
            particle, irregular = irregular[0], irregular[1:]
        forms = set(irregular) | {lemma}
        if len(irregular) < 4:
            forms |= inflect(lemma)
        entry = VerbEntry(
            lemma if particle is None else f"{lemma} {particle}", particle, weak, takes_object
        )
        for form in forms:
            entries = table.setdefault(form, [])
            if entry not in entries:
                entries.append(entry)
    # Entries with a particle first: "points out" beats "points".
    return {
        form: tuple(sorted(entries, key=lambda e: e.particle is None))
        for form, entries in table.items()
    }


@lru_cache(maxsize=1)
def utterance_nouns() -> frozenset[str]:
    """Nouns that name something said or written ("statement", "appeal", "letter").

    >>> "appeal" in utterance_nouns()
    True
    >>> "table" in utterance_nouns()
    False
    """
    return frozenset(_lines("cue_nouns.txt"))


@lru_cache(maxsize=1)
def _sections() -> dict[str, frozenset[str]]:
    sections: dict[str, set[str]] = {}
    current: set[str] | None = None
    for line in _lines("words.txt"):
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
        elif current is not None:
            current.update(line.split())
    return {name: frozenset(words) for name, words in sections.items()}


def word_set(section: str) -> frozenset[str]:
    """One word list of ``data/words.txt``.

    >>> "president" in word_set("title_words")
    True
    >>> "table" in word_set("title_words")
    False
    """
    return _sections()[section]
